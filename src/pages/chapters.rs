//! The contents page and the chapter reader.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::dataset::{ChapterItem, DATA};

/// The list of chapters: titles, date spans and summaries.
#[component]
pub fn ChapterIndex() -> impl IntoView {
    view! {
        <Title text="Chapters" />
        <article class="page">
            <h1>"Chapters"</h1>
            <p class="lede">
                "The biography in " {DATA.chapters.len()}
                " chapters. The text is shown exactly as published; notes mark where it is wrong."
            </p>
            <ol class="chapter-list">
                {DATA
                    .chapters
                    .iter()
                    .map(|chapter| {
                        view! {
                            <li class="card">
                                <h2>
                                    <a href=format!("/chapters/{}", chapter.id)>{chapter.title}</a>
                                </h2>
                                <p class="meta">{chapter.date.to_string()}</p>
                                <p>{chapter.summary}</p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </article>
    }
}

/// One chapter: its paragraphs verbatim (repeated passages shown once), captions, and links to the chapters
/// before and after.
#[component]
pub fn ChapterPage() -> impl IntoView {
    let params = use_params_map();
    move || {
        let slug = params.read().get("slug").unwrap_or_default();
        match DATA.chapter(&slug) {
            Some(chapter) => {
                let (previous, next) = DATA.chapter_neighbours(chapter.id);
                let items = DATA
                    .chapter_items(chapter)
                    .into_iter()
                    .map(|item| match item {
                        ChapterItem::Paragraph(p) => {
                            view! { <p id=p.id>{p.display_text().into_owned()}</p> }.into_any()
                        }
                        ChapterItem::Caption(c) => {
                            view! { <figure class="caption"><figcaption>{c.text}</figcaption></figure> }
                                .into_any()
                        }
                    })
                    .collect_view();
                view! {
                    <Title text=chapter.title />
                    <article class="page reading">
                        <p class="meta">{chapter.date.to_string()}</p>
                        <h1>{chapter.title}</h1>
                        <div class="chapter-text">{items}</div>
                        <nav class="pager" aria-label="Chapters">
                            {previous.map(|c| view! { <a href=format!("/chapters/{}", c.id) rel="prev">"← " {c.title}</a> })}
                            {next.map(|c| view! { <a href=format!("/chapters/{}", c.id) rel="next">{c.title} " →"</a> })}
                        </nav>
                    </article>
                }
                .into_any()
            }
            None => view! {
                <Title text="Chapter not found" />
                <article class="page">
                    <h1>"Chapter not found"</h1>
                    <p>"There is no chapter with that name. " <a href="/chapters">"See all chapters"</a></p>
                </article>
            }
            .into_any(),
        }
    }
}
