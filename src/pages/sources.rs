//! A numbered primary source, `/sources/<n>`: who wrote it, when and where, the chapters that quote it, and its
//! text (the heading line and the body paragraphs) rendered like a chapter's.

use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::components::anchor::use_hash_target;
use crate::components::paragraph::{OpenPanels, ParagraphView, ReadingHints};
use crate::dataset::{Paragraph, ParagraphKind, Source, DATA};
use crate::pages::chapters::source_label;
use crate::reading::inline::page_pieces;
use crate::reading::links::chapters_quoting;

/// The page of one primary source.
#[component]
pub fn SourcePage() -> impl IntoView {
    let params = use_params_map();
    let number = Memo::new(move |_| {
        params
            .read()
            .get("number")
            .and_then(|n| n.parse::<u8>().ok())
    });
    let open = OpenPanels::new();
    // Panels close when another source opens; a `#note-…` or `#gloss-…` fragment opens its panel.
    let shown = StoredValue::new(number.get_untracked());
    use_hash_target(move |id| {
        let current = number.get_untracked();
        if shown.get_value() != current {
            open.close_all();
            shown.set_value(current);
        }
        open.open_target(id);
    });
    // Keyed on the number: another source is built afresh, never diffed against the last one (less wasm).
    view! {
        <For
            each=move || std::iter::once(number.get())
            key=|number| *number
            children=move |number| match number.and_then(|n| DATA.source_by_number(n)) {
                Some(source) => Either::Left(source_view(source, open)),
                None => Either::Right(view! {
                    <Title text="Source not found" />
                    <article class="page">
                        <h1>"Source not found"</h1>
                        <p>
                            "There is no primary source with that number. "
                            <a href="/chapters#primary-sources">"See all primary sources"</a>
                        </p>
                    </article>
                }),
            }
        />
    }
}

/// A list of facts, label and value, as a `<dl>` of cards (one view type for every fact on every page).
pub fn facts(items: impl IntoIterator<Item = (&'static str, String)>) -> impl IntoView {
    let items = items
        .into_iter()
        .map(|(label, value)| view! { <div><dt>{label}</dt><dd>{value}</dd></div> })
        .collect_view();
    view! { <dl class="facts">{items}</dl> }
}

fn yes_no(value: bool) -> &'static str {
    if value {
        "Yes"
    } else {
        "No"
    }
}

fn source_view(source: &'static Source, open: OpenPanels) -> impl IntoView {
    let number = source.number.unwrap_or_default();
    let count = DATA.sources.iter().filter(|s| s.number.is_some()).count() as u8;
    let paragraphs: Vec<&'static Paragraph> = DATA.source_paragraphs(number).collect();
    let pieces = page_pieces(&DATA, &paragraphs, DATA.terms);
    let text = paragraphs
        .iter()
        .zip(pieces)
        .map(|(paragraph, pieces)| {
            let class = if paragraph.kind == ParagraphKind::SourceHeading {
                "source-intro"
            } else {
                ""
            };
            view! {
                <ParagraphView
                    paragraph=paragraph
                    pieces=pieces
                    href=format!("/sources/{number}#{}", paragraph.id)
                    open=open
                    class=class
                />
            }
        })
        .collect_view();
    let quoting = chapters_quoting(&DATA, source);
    let author = match source.author_person.and_then(|id| DATA.person(id)) {
        Some(person) => {
            Either::Left(view! { <a href=format!("/people/{}", person.id)>{source.author}</a> })
        }
        None => Either::Right(source.author),
    };
    let previous = number.checked_sub(1).and_then(|n| DATA.source_by_number(n));
    let next = (number < count)
        .then(|| DATA.source_by_number(number + 1))
        .flatten();
    let title = source_label(source);
    view! {
        <Title text=title.clone() />
        <article class="page reading source-page">
            <p class="meta">"Primary source " {number} " of " {count}</p>
            <h1>{title}</h1>
            {facts(
                [
                    Some(("Author", source.author.to_string())),
                    Some(("Work", source.work.to_string())),
                    source.written_text.map(|w| ("Written", w.to_string())),
                    source
                        .published
                        .map(|p| ("Published", source.published_text.map_or_else(|| p.to_string(), str::to_string))),
                    Some(("Kind of source", source.kind.label().to_string())),
                    source.place.map(|place| ("Written in", place.to_string())),
                    Some(("Eyewitness", yes_no(source.first_hand).to_string())),
                ]
                .into_iter()
                .flatten(),
            )}
            {author}
            {source.description.map(|d| view! { <p class="source-description">{d}</p> })}
            {(!quoting.is_empty())
                .then(|| {
                    view! {
                        <p>
                            "Quoted in "
                            {quoting
                                .iter()
                                .enumerate()
                                .map(|(i, (chapter, paragraph))| {
                                    view! {
                                        {(i > 0).then_some(", ")}
                                        <a href=format!("/chapters/{}#{}", chapter.id, paragraph)>
                                            "the chapter “" {chapter.title} "”"
                                        </a>
                                    }
                                })
                                .collect_view()}
                            "."
                        </p>
                    }
                })}
            <h2>"The text"</h2>
            <ReadingHints />
            <div class="chapter-text">{text}</div>
            <nav class="pager" aria-label="Primary sources">
                {previous
                    .map(|s| {
                        view! {
                            <a href=format!("/sources/{}", s.number.unwrap_or_default()) rel="prev" class="pager__prev">
                                <span class="pager__label">"Previous source"</span>
                                <span class="pager__title">{source_label(s)}</span>
                            </a>
                        }
                    })}
                <a href="/chapters#primary-sources" class="pager__contents">"All primary sources"</a>
                {next
                    .map(|s| {
                        view! {
                            <a href=format!("/sources/{}", s.number.unwrap_or_default()) rel="next" class="pager__next">
                                <span class="pager__label">"Next source"</span>
                                <span class="pager__title">{source_label(s)}</span>
                            </a>
                        }
                    })}
            </nav>
        </article>
    }
}
