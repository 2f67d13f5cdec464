//! Everyone the text names: the index (grouped by faction in 1903, filtered by `?q=` in the URL) and a page per
//! person with their role, positions over time, events, and every paragraph that mentions them.

use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use leptos_router::NavigateOptions;

use crate::dataset::{Paragraph, ParagraphKind, Person, DATA};
use crate::pages::sources::facts;
use crate::reading::links::{note_href, paragraph_href};
use crate::reading::people::{
    group_people, matches, mention_snippet, position_dates, positions_in_order,
};

/// Percent-encodes a query value (letters, digits and `-_.~` stay as they are).
fn encode_query(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            b' ' => out.push('+'),
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

/// The index of people, grouped by faction in 1903 and sorted by surname, with a filter kept in the URL.
///
/// Everyone is rendered once; the filter only hides those who do not match (no re-rendering as the reader types).
#[component]
pub fn PeopleIndex() -> impl IntoView {
    let query = use_query_map();
    let filter = Memo::new(move |_| query.read().get("q").unwrap_or_default());
    let navigate = use_navigate();
    let on_input = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let url = if value.trim().is_empty() {
            "/people".to_string()
        } else {
            format!("/people?q={}", encode_query(&value))
        };
        navigate(
            &url,
            NavigateOptions {
                replace: true,
                scroll: false,
                ..NavigateOptions::default()
            },
        );
    };
    let shown = move |person: &Person| matches(person, &filter.read());
    let count = move || DATA.people.iter().filter(|p| shown(p)).count();
    let groups = group_people(DATA.people, "")
        .into_iter()
        .map(|group| {
            let heading_id = format!("group-{}", group.anchor());
            let heading = group.heading();
            let people = group.people.clone();
            let in_group = move || people.iter().filter(|p| shown(p)).count();
            let items = group
                .people
                .into_iter()
                .map(|person| {
                    view! {
                        <li hidden=move || !shown(person)>
                            <a href=format!("/people/{}", person.id)>{person.name}</a>
                            <span class="people-list__role">{person.role}</span>
                        </li>
                    }
                })
                .collect_view();
            let hide = in_group.clone();
            view! {
                <section class="people-group" aria-labelledby=heading_id.clone() hidden=move || hide() == 0>
                    <h2 id=heading_id.clone()>
                        {heading} <span class="meta">{move || format!(" ({})", in_group())}</span>
                    </h2>
                    <ul class="people-list">{items}</ul>
                </section>
            }
        })
        .collect_view();
    view! {
        <Title text="People" />
        <article class="page people-index">
            <h1>"People"</h1>
            <p class="lede">
                "Everyone the biography and its sources name, grouped by the side they took when the party split "
                "in 1903, where the text says. In the chapters, the first mention of each person in a paragraph "
                "links here; later mentions in the same paragraph do not, to keep the text readable."
            </p>
            <form class="filter" role="search" on:submit=|ev| ev.prevent_default()>
                <label for="people-filter">"Filter by name or role"</label>
                <input
                    id="people-filter"
                    type="search"
                    autocomplete="off"
                    prop:value=move || filter.get()
                    on:input=on_input
                />
            </form>
            <p role="status" class="meta" data-testid="people-count">
                {move || match count() {
                    0 => "No one matches.".to_string(),
                    1 => "1 person.".to_string(),
                    n => format!("{n} people."),
                }}
            </p>
            {groups}
        </article>
    }
}

/// One person: role, faction, the forms of their name, positions over time, events, and their mentions.
#[component]
pub fn PersonPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    // Keyed on the id: another person is built afresh, never diffed against the last one (less wasm).
    view! {
        <For
            each=move || std::iter::once(id.get())
            key=|id| id.clone()
            children=move |id| match DATA.person(&id) {
                Some(person) => Either::Left(person_view(person)),
                None => Either::Right(view! {
                    <Title text="Person not found" />
                    <article class="page">
                        <h1>"Person not found"</h1>
                        <p>"There is no one by that name in the text. " <a href="/people">"See everyone"</a></p>
                    </article>
                }),
            }
        />
    }
}

/// Where a paragraph is, for a heading: the chapter title or "Primary source n".
fn place_of(paragraph: &Paragraph) -> String {
    match paragraph.kind {
        ParagraphKind::SourceHeading | ParagraphKind::SourceBody => paragraph
            .source_number
            .and_then(|n| DATA.source_by_number(n))
            .map(crate::pages::chapters::source_label)
            .unwrap_or_default(),
        _ => DATA
            .chapter_of(paragraph.id)
            .map(|c| format!("Chapter: {}", c.title))
            .unwrap_or_default(),
    }
}

fn in_context(paragraph: &str) -> impl IntoView {
    paragraph_href(&DATA, paragraph).map(|href| {
        view! {
            " "
            <a href=href class="in-context">
                "In the text"
            </a>
        }
    })
}

/// A titled list of dated items (date, what, the paragraph it rests on); nothing when empty.
fn dated_list(title: &'static str, items: Vec<(String, String, &'static str)>) -> impl IntoView {
    (!items.is_empty()).then(|| {
        let items = items
            .into_iter()
            .map(|(date, what, paragraph)| {
                view! {
                    <li>
                        <span class="position-list__date">{date}</span>
                        {what}
                        {in_context(paragraph)}
                    </li>
                }
            })
            .collect_view();
        view! {
            <h2>{title}</h2>
            <ol class="position-list">{items}</ol>
        }
    })
}

fn person_view(person: &'static Person) -> impl IntoView {
    let positions = positions_in_order(DATA.positions_of(person.id));
    let events: Vec<_> = DATA.events_of(person.id).collect();
    let mentions: Vec<&'static Paragraph> = DATA
        .mentions_of(person.id)
        .filter(|p| {
            matches!(
                p.kind,
                ParagraphKind::Narrative | ParagraphKind::SourceHeading | ParagraphKind::SourceBody
            )
        })
        .collect();
    // Mentions grouped by where they are (chapter or source), in text order.
    let mut places: Vec<(String, Vec<&'static Paragraph>)> = Vec::new();
    for paragraph in &mentions {
        let place = place_of(paragraph);
        match places.last_mut() {
            Some((last, list)) if *last == place => list.push(paragraph),
            _ => places.push((place, vec![paragraph])),
        }
    }
    let other_names: Vec<&str> = person
        .variants
        .iter()
        .copied()
        .filter(|v| *v != person.name)
        .collect();
    let faction = person
        .faction_1903
        .map(|f| f.label())
        .unwrap_or("Not given in the text");
    let notes: Vec<_> = person.notes.iter().filter_map(|n| DATA.note(n)).collect();
    view! {
        <Title text=person.name />
        <article class="page reading person-page">
            <p class="meta"><a href="/people">"People"</a></p>
            <h1>{person.name}</h1>
            <p class="lede">{person.role}</p>
            {facts(
                [
                    Some(("Faction in 1903", faction.to_string())),
                    (!other_names.is_empty()).then(|| ("Also called in the text", other_names.join(", "))),
                    DATA.paragraph(person.paragraph).map(|p| ("First mentioned", place_of(p))),
                ]
                .into_iter()
                .flatten(),
            )}
            {(!notes.is_empty())
                .then(|| {
                    view! {
                        <p class="editorial">
                            "Editorial notes about this person: "
                            {notes
                                .iter()
                                .enumerate()
                                .map(|(i, note)| {
                                    view! {
                                        {(i > 0).then_some("; ")}
                                        {match note_href(&DATA, note) {
                                            Some(href) => Either::Left(view! { <a href=href>{note.title}</a> }),
                                            None => Either::Right(note.title),
                                        }}
                                    }
                                })
                                .collect_view()}
                        </p>
                    }
                })}
            {dated_list(
                "Positions over time",
                positions
                    .iter()
                    .map(|position| {
                        let dates = position_dates(position)
                            .or_else(|| position.date_text.map(str::to_string))
                            .unwrap_or_else(|| "Date not given".to_string());
                        (dates, format!("{} · {}", position.position, position.kind.label()), position.paragraph)
                    })
                    .collect(),
            )}
            {dated_list(
                "Events",
                events
                    .iter()
                    .map(|event| {
                        let mut date = event.timeline_date().to_string();
                        if event.corrected_date.is_some() {
                            date.push_str(&format!(" (the text says {})", event.date_text));
                        }
                        (date, event.title.to_string(), event.paragraph)
                    })
                    .collect(),
            )}
            <h2>
                {match mentions.len() {
                    1 => "Mentioned in 1 paragraph".to_string(),
                    n => format!("Mentioned in {n} paragraphs"),
                }}
            </h2>
            {places
                .into_iter()
                .map(|(place, paragraphs)| {
                    view! {
                        <h3>{place}</h3>
                        <ul class="mention-list">
                            {paragraphs
                                .into_iter()
                                .filter_map(|paragraph| {
                                    let snippet = mention_snippet(paragraph, person.id, 90)?;
                                    Some(view! {
                                        <li>
                                            <q>{snippet.before} <strong>{snippet.name}</strong> {snippet.after}</q>
                                            {in_context(paragraph.id)}
                                        </li>
                                    })
                                })
                                .collect_view()}
                        </ul>
                    }
                })
                .collect_view()}
        </article>
    }
}
