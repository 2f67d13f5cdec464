//! The glossary: every term, alphabetically, each with an anchor (`#term-<id>`) and a link to its first use.
//!
//! In the chapters, each term is explained at its first use in the chapter (see `components::paragraph`); this
//! page lists them all.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::anchor::use_hash_target;
use crate::dataset::{ParagraphKind, Term, DATA};
use crate::reading::links::paragraph_href;

/// Where a term is first used, for its link: "the chapter “…”" or "Primary source n".
fn first_use_label(term: &Term) -> Option<String> {
    let paragraph = DATA.paragraph(term.paragraph)?;
    match paragraph.kind {
        ParagraphKind::SourceHeading | ParagraphKind::SourceBody => paragraph
            .source_number
            .map(|n| format!("primary source {n}")),
        _ => DATA
            .chapter_of(paragraph.id)
            .map(|c| format!("the chapter “{}”", c.title)),
    }
}

/// The Glossary page.
#[component]
pub fn Glossary() -> impl IntoView {
    use_hash_target(|_| {});
    let mut terms: Vec<&'static Term> = DATA.terms.iter().collect();
    crate::sorting::sort_by_cached_key(&mut terms, |t| crate::search::fold::lowercase(t.term));
    view! {
        <Title text="Glossary" />
        <article class="page reading glossary">
            <h1>"Glossary"</h1>
            <p class="lede">
                "Words a reader may not know, in alphabetical order. In each chapter, the first use of a term is "
                "underlined with dots: press it to read its meaning there."
            </p>
            <dl class="glossary-list">
                {terms
                    .into_iter()
                    .map(|term| {
                        let first = paragraph_href(&DATA, term.paragraph).zip(first_use_label(term));
                        view! {
                            <div class="glossary-entry" id=format!("term-{}", term.id)>
                                <dt>
                                    <dfn>{term.term}</dfn>
                                </dt>
                                <dd>
                                    <p>{term.definition}</p>
                                    {(!term.variants.is_empty())
                                        .then(|| {
                                            view! {
                                                <p class="meta">"Also written: " {term.variants.join(", ")}</p>
                                            }
                                        })}
                                    {first
                                        .map(|(href, label)| {
                                            view! {
                                                <p class="meta">
                                                    "First used in " <a href=href>{label}</a>
                                                </p>
                                            }
                                        })}
                                </dd>
                            </div>
                        }
                    })
                    .collect_view()}
            </dl>
        </article>
    }
}
