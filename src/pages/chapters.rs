//! The contents page and the chapter reader.
//!
//! The reader shows a chapter's paragraphs verbatim through [`ParagraphView`] (person links, editorial notes,
//! glossary terms, permalinks), its captions, links to the primary sources it quotes, and marks the chapter read
//! when the reader reaches its end (or presses "Mark as read").

use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use wasm_bindgen::JsCast;

use crate::components::anchor::use_hash_target;
use crate::components::paragraph::{OpenPanels, ParagraphView, ReadingHints};
use crate::components::reading_state::use_reading;
use crate::dataset::{Chapter, ChapterItem, Paragraph, Source, DATA};
use crate::reading::inline::page_pieces;
use crate::reading::links::sources_quoted_in;

/// The ids of all chapters, in reading order.
fn chapter_ids() -> Vec<&'static str> {
    DATA.chapters.iter().map(|c| c.id).collect()
}

/// "Primary source 6: Leon Trotsky, Zinoviev and Kamenev".
pub fn source_label(source: &Source) -> String {
    let number = source
        .number
        .map(|n| format!("Primary source {n}: "))
        .unwrap_or_default();
    if source.author == source.work {
        format!("{number}{}", source.work)
    } else {
        format!("{number}{}, {}", source.author, source.work)
    }
}

/// The list of chapters: titles, date spans, summaries and whether each is read; then the primary sources.
#[component]
pub fn ChapterIndex() -> impl IntoView {
    let reading = use_reading();
    use_hash_target(|_| {});
    let ids = chapter_ids();
    let total = ids.len();
    let read_count = {
        let ids = ids.clone();
        Memo::new(move |_| reading.progress.read().count_read(&ids))
    };
    let next = Memo::new(move |_| {
        reading
            .progress
            .read()
            .next_unread(&ids)
            .and_then(|id| DATA.chapter(id))
    });
    view! {
        <Title text="Chapters" />
        <article class="page contents">
            <h1>"Chapters"</h1>
            <p class="lede">
                "The biography in " {total}
                " chapters. The text is shown exactly as published; notes mark where it is wrong."
            </p>
            <div class="reading-progress card">
                <p>
                    <strong data-testid="read-count">{move || read_count.get()} " of " {total}</strong>
                    " chapters read."
                </p>
                <progress max=total value=move || read_count.get() aria-label="Chapters read"></progress>
                <p>
                    {move || match next.get() {
                        Some(chapter) => Either::Left(view! {
                            {if read_count.get() == 0 { "Start reading: " } else { "Continue reading: " }}
                            <a href=format!("/chapters/{}", chapter.id)>{chapter.title}</a>
                        }),
                        None => Either::Right("You have read every chapter."),
                    }}
                </p>
                <p class="meta">
                    "Progress is kept in this browser only. " <a href="/settings">"Reading preferences"</a>
                </p>
            </div>
            <ol class="chapter-list">
                {DATA
                    .chapters
                    .iter()
                    .enumerate()
                    .map(|(index, chapter)| {
                        let read = move || reading.progress.read().is_read(chapter.id);
                        view! {
                            <li class="card chapter-card" class:is-read=read>
                                <h2>
                                    <a href=format!("/chapters/{}", chapter.id)>{chapter.title}</a>
                                </h2>
                                <p class="meta">
                                    "Chapter " {index + 1} " · " {chapter.date.to_string()} " · "
                                    <span class="read-state" data-testid="read-state">
                                        {move || if read() { "Read" } else { "Not read" }}
                                    </span>
                                </p>
                                <p>{chapter.summary}</p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            <SourceList heading_id="primary-sources" />
        </article>
    }
}

/// The thirteen numbered primary sources printed after the biography, each linking to its page.
#[component]
fn SourceList(
    /// The id of the list's heading.
    heading_id: &'static str,
) -> impl IntoView {
    let mut sources: Vec<&'static Source> =
        DATA.sources.iter().filter(|s| s.number.is_some()).collect();
    crate::sorting::sort_by_key(&mut sources, |s| s.number);
    view! {
        <section class="source-list" aria-labelledby=heading_id>
            <h2 id=heading_id>"Primary sources"</h2>
            <p>"The accounts printed after the biography, each on its own page."</p>
            <ol class="link-list">
                {sources
                    .into_iter()
                    .map(|source| {
                        let number = source.number.unwrap_or_default();
                        view! {
                            <li>
                                <a href=format!("/sources/{number}")>{source_label(source)}</a>
                                {source.written_text.map(|w| view! { <span class="meta">" (" {w} ")"</span> })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </section>
    }
}

/// One chapter: its paragraphs verbatim (repeated passages shown once), captions, links to the primary sources
/// it quotes, its reading state, and links to the chapters before and after.
#[component]
pub fn ChapterPage() -> impl IntoView {
    let params = use_params_map();
    let slug = Memo::new(move |_| params.read().get("slug").unwrap_or_default());
    let open = OpenPanels::new();
    // Panels close when another chapter opens; a `#note-…` or `#gloss-…` fragment opens its panel.
    let shown = StoredValue::new(slug.get_untracked());
    use_hash_target(move |id| {
        let current = slug.get_untracked();
        if shown.get_value() != current {
            open.close_all();
            shown.set_value(current);
        }
        open.open_target(id);
    });
    mark_read_at_end(slug);
    // Keyed on the slug: another chapter is built afresh, never diffed against the last one (less wasm).
    view! {
        <For
            each=move || std::iter::once(slug.get())
            key=|slug| slug.clone()
            children=move |slug| match DATA.chapter(&slug) {
                Some(chapter) => Either::Left(chapter_view(chapter, open)),
                None => Either::Right(view! {
                    <Title text="Chapter not found" />
                    <article class="page">
                        <h1>"Chapter not found"</h1>
                        <p>"There is no chapter with that name. " <a href="/chapters">"See all chapters"</a></p>
                    </article>
                }),
            }
        />
    }
}

fn chapter_view(chapter: &'static Chapter, open: OpenPanels) -> impl IntoView {
    let reading = use_reading();
    let (previous, next) = DATA.chapter_neighbours(chapter.id);
    let number = DATA
        .chapters
        .iter()
        .position(|c| c.id == chapter.id)
        .unwrap_or_default()
        + 1;
    let paragraphs: Vec<&'static Paragraph> = DATA.chapter_paragraphs(chapter).collect();
    let mut pieces = page_pieces(&DATA, &paragraphs, DATA.terms).into_iter();
    let quoted = sources_quoted_in(&DATA, chapter.paragraphs);
    let items = DATA
        .chapter_items(chapter)
        .into_iter()
        .map(|item| match item {
            ChapterItem::Paragraph(p) => {
                let sources = quoted
                    .iter()
                    .filter(|(at, _)| *at == p.id)
                    .map(|(_, source)| {
                        let number = source.number.unwrap_or_default();
                        view! {
                            <p class="source-ref">
                                <a href=format!("/sources/{number}")>"Read " {source_label(source)}</a>
                            </p>
                        }
                    })
                    .collect_view();
                Either::Left(view! {
                    <ParagraphView
                        paragraph=p
                        pieces=pieces.next().unwrap_or_default()
                        href=format!("/chapters/{}#{}", chapter.id, p.id)
                        open=open
                    />
                    {sources}
                })
            }
            ChapterItem::Caption(c) => Either::Right(view! {
                <figure class="caption" id=c.paragraph>
                    <figcaption>
                        <span class="caption__label">"Picture in the original: "</span>
                        {c.text}
                    </figcaption>
                </figure>
            }),
        })
        .collect_view();
    let is_read = move || reading.progress.read().is_read(chapter.id);
    let status = RwSignal::new(String::new());
    let toggle_read = move |_| {
        if is_read() {
            if reading.mark_unread(chapter.id) {
                status.set("Marked as not read.".into());
            }
        } else if reading.mark_read(chapter.id) {
            status.set("Marked as read.".into());
        }
    };
    let is_last = next.is_none();
    view! {
        <Title text=chapter.title />
        <article class="page reading chapter">
            <p class="meta">
                {format!("Chapter {number} of {} · {}", DATA.chapters.len(), chapter.date)}
                {move || is_read().then(|| view! { " · " <span class="read-state">"Read"</span> })}
            </p>
            <h1>{chapter.title}</h1>
            <p class="chapter-tools meta">
                "Names link to each person's page. " <mark class="flag">"Highlighted words"</mark>
                " are wrong or contradicted: their Note button explains. Terms underlined with dots show their "
                "meaning when pressed. " <a href="/settings">"Text size and colours"</a>
            </p>
            <ReadingHints />
            <div class="chapter-text">{items}</div>
            <section class="chapter-end" id="chapter-end" aria-labelledby="chapter-end-heading">
                <h2 id="chapter-end-heading" class="visually-hidden">"End of chapter"</h2>
                <p class="chapter-end__state">
                    {move || {
                        if is_read() { "You have read this chapter." } else { "You have not finished this chapter yet." }
                    }}
                </p>
                <button type="button" class="secondary" data-testid="mark-read" on:click=toggle_read>
                    {move || if is_read() { "Mark as not read" } else { "Mark as read" }}
                </button>
                <p class="visually-hidden" role="status">{move || status.get()}</p>
                {(!quoted.is_empty())
                    .then(|| {
                        view! {
                            <h2>"Primary sources quoted in this chapter"</h2>
                            <ul class="link-list">
                                {quoted
                                    .iter()
                                    .map(|(_, source)| {
                                        let number = source.number.unwrap_or_default();
                                        view! {
                                            <li>
                                                <a href=format!("/sources/{number}")>{source_label(source)}</a>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                    })}
                {is_last.then(|| view! { <SourceList heading_id="after-the-text" /> })}
            </section>
            <nav class="pager" aria-label="Chapters">
                {previous
                    .map(|c| {
                        view! {
                            <a href=format!("/chapters/{}", c.id) rel="prev" class="pager__prev">
                                <span class="pager__label">"Previous chapter"</span>
                                <span class="pager__title">{c.title}</span>
                            </a>
                        }
                    })}
                <a href="/chapters" class="pager__contents">"All chapters"</a>
                {next
                    .map(|c| {
                        view! {
                            <a href=format!("/chapters/{}", c.id) rel="next" class="pager__next">
                                <span class="pager__label">"Next chapter"</span>
                                <span class="pager__title">{c.title}</span>
                            </a>
                        }
                    })}
            </nav>
        </article>
    }
}

/// Marks the current chapter read when the end of its text scrolls into view.
fn mark_read_at_end(slug: Memo<String>) {
    let reading = use_reading();
    let check = move || {
        let id = slug.get_untracked();
        let Some(chapter) = DATA.chapter(&id) else {
            return;
        };
        if reading.progress.read_untracked().is_read(chapter.id) {
            return;
        }
        let Some(end) = document().get_element_by_id("chapter-end") else {
            return;
        };
        let Ok(end) = end.dyn_into::<web_sys::HtmlElement>() else {
            return;
        };
        let window = window();
        let bottom = window.scroll_y().unwrap_or_default()
            + window
                .inner_height()
                .ok()
                .and_then(|h| h.as_f64())
                .unwrap_or_default();
        if page_top(&end) <= bottom {
            reading.mark_read(chapter.id);
        }
    };
    let handle = window_event_listener(leptos::ev::scroll, move |_| check());
    on_cleanup(move || handle.remove());
}

/// The element's distance from the top of the document.
fn page_top(element: &web_sys::HtmlElement) -> f64 {
    let mut top = f64::from(element.offset_top());
    let mut parent = element.offset_parent();
    while let Some(next) = parent.and_then(|p| p.dyn_into::<web_sys::HtmlElement>().ok()) {
        top += f64::from(next.offset_top());
        parent = next.offset_parent();
    }
    top
}
