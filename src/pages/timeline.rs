//! The timeline page (`/timeline?person=&kind=&year=`): every event in date order, grouped by period and
//! filterable by person and kind, and Kamenev's positions as lanes with a year picker. View wiring only: the
//! grouping, filtering, flagged dates and lanes are computed in [`crate::timeline`].

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{
    hooks::{use_navigate, use_query_map},
    NavigateOptions,
};

use crate::dataset::{EventKind, ParagraphKind, Position, DATA};
use crate::reading::links::paragraph_href;
use crate::timeline::lanes::{in_year, lanes, year_span, Bar, Lane};
use crate::timeline::{
    self, count, group, kind_counts, people_in_events, summary, Entry, Filter, LIFE_YEARS,
};

/// Whose positions the lanes show.
const LANE_PERSON: &str = "kamenev";

/// The timeline page.
#[component]
pub fn Timeline() -> impl IntoView {
    let query = use_query_map();
    let filter = Memo::new(move |_| {
        query.with(|q| {
            Filter::from_query(
                &DATA,
                q.get_str("person"),
                q.get_str("kind"),
                q.get_str("year"),
            )
        })
    });
    let navigate = use_navigate();
    let go = Callback::new(move |next: Filter| {
        let options = NavigateOptions {
            replace: true,
            scroll: false,
            ..Default::default()
        };
        navigate(&format!("/timeline{}", next.to_query()), options);
    });

    view! {
        <Title text="Timeline" />
        <article class="page timeline-page">
            <h1>"Timeline"</h1>
            <p class="lede">
                "Every dated event in the text, in date order. Where the text gets a date wrong, the event is "
                "placed at the corrected date and the text’s own date is shown beside it."
            </p>
            {events_section(filter, go)}
            {lanes_section(filter, go)}
        </article>
    }
}

/// The filters and the events, grouped by period.
fn events_section(filter: Memo<Filter>, go: Callback<Filter>) -> impl IntoView {
    // The options' `selected` attributes give the choice on arrival; `prop:value` follows later URL changes.
    let initial = filter.get_untracked();
    let total = DATA.events.len();
    let shown = Memo::new(move |_| filter.with(|f| count(&DATA, f)));
    let on_person = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let mut next = filter.get_untracked();
        next.person = DATA.person(&value).map(|p| p.id);
        go.run(next);
    };
    let clear = move |_| {
        let year = filter.get_untracked().year;
        go.run(Filter {
            year,
            ..Filter::default()
        });
    };
    view! {
        <section class="timeline-events" aria-labelledby="events-heading">
            <h2 id="events-heading">"Events"</h2>
            <form class="timeline-filters" on:submit=|ev| ev.prevent_default()>
                <div class="timeline-filters__person">
                    <label for="filter-person">"Person"</label>
                    <select
                        id="filter-person"
                        on:change=on_person
                        prop:value=move || filter.with(|f| f.person.unwrap_or("").to_string())
                    >
                        <option value="" selected=initial.person.is_none()>
                            {format!("Everyone ({total})")}
                        </option>
                        {people_in_events(&DATA)
                            .into_iter()
                            .map(|(person, n)| {
                                let id = person.id;
                                view! {
                                    <option value=id selected=initial.person == Some(id)>
                                        {format!("{} ({n})", person.name)}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <fieldset class="timeline-filters__kinds">
                    <legend>"Kinds of event"</legend>
                    <p class="meta">"Tick none to see every kind."</p>
                    <ul class="kind-list">
                        {EventKind::ALL.iter().map(|&kind| kind_checkbox(kind, filter, go)).collect_view()}
                    </ul>
                </fieldset>
                {move || {
                    filter.with(Filter::is_filtering).then(|| {
                        view! {
                            <button type="button" class="secondary" on:click=clear>
                                "Clear filters"
                            </button>
                        }
                    })
                }}
            </form>
            <p role="status" class="timeline-status" data-testid="timeline-status">
                {move || summary(shown.get(), total)}
            </p>
            {move || {
                filter.with(|f| {
                    group(&DATA, f)
                        .into_iter()
                        .map(|g| {
                            let id = g.period.id;
                            view! {
                                <section class="timeline-period" aria-labelledby=id>
                                    <h3 id=id>{g.period.title}</h3>
                                    <ol class="timeline-list">
                                        {g.entries.into_iter().map(entry_view).collect_view()}
                                    </ol>
                                </section>
                            }
                        })
                        .collect_view()
                })
            }}
        </section>
    }
}

/// One checkbox of the kind filter, with how many events of that kind the person filter leaves.
fn kind_checkbox(kind: EventKind, filter: Memo<Filter>, go: Callback<Filter>) -> impl IntoView {
    let id = format!("kind-{}", kind.keyword());
    let label_for = id.clone();
    let n = move || {
        filter.with(|f| {
            kind_counts(&DATA, f)
                .into_iter()
                .find(|(k, _)| *k == kind)
                .map_or(0, |(_, n)| n)
        })
    };
    let on_change = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        go.run(filter.get_untracked().toggled(kind, on));
    };
    view! {
        <li>
            <input
                type="checkbox"
                id=id
                value=kind.keyword()
                checked=filter.with_untracked(|f| f.kinds.contains(&kind))
                prop:checked=move || filter.with(|f| f.kinds.contains(&kind))
                on:change=on_change
            />
            <label for=label_for>{kind.label()} <span class="meta">{move || format!(" ({})", n())}</span></label>
        </li>
    }
}

/// Where in the text an event rests: "Source 2" or the chapter's title.
fn place_in_text(paragraph: &str) -> String {
    match DATA.paragraph(paragraph) {
        Some(p)
            if matches!(
                p.kind,
                ParagraphKind::SourceHeading | ParagraphKind::SourceBody
            ) =>
        {
            p.source_number
                .map_or_else(String::new, |n| format!("Primary source {n}"))
        }
        _ => DATA
            .chapter_of(paragraph)
            .map_or_else(String::new, |c| format!("Chapter: {}", c.title)),
    }
}

fn entry_view(entry: Entry) -> impl IntoView {
    let event = entry.event;
    let flag = entry.flagged.map(|flagged| {
        let note = flagged.note.map(|note| match flagged.note_href {
            Some(href) => {
                view! { " " <a href=href>{format!("Note: {}", note.title)}</a> }.into_any()
            }
            None => view! { " " {format!("Note: {}", note.title)} }.into_any(),
        });
        view! {
            <p class="timeline-flag">
                <span class="timeline-flag__label">"Date corrected."</span>
                " The text says: " {flagged.text_says} "." {note}
            </p>
        }
    });
    let href = entry.href.unwrap_or_default();
    let meta = format!(
        "{} · {}",
        event.kind.label(),
        place_in_text(event.paragraph)
    );
    let flagged = flag.is_some();
    view! {
        <li class="timeline-entry" class:timeline-entry--flagged=flagged>
            <p class="timeline-date">{entry.date.to_string()}</p>
            <p class="timeline-title"><a href=href>{event.title}</a></p>
            {flag}
            <p class="meta">{meta}</p>
        </li>
    }
}

/// Kamenev's positions as lanes over the years, and the year picker.
fn lanes_section(filter: Memo<Filter>, go: Callback<Filter>) -> impl IntoView {
    let lanes = lanes(&DATA, LANE_PERSON);
    let (first, last) = year_span(&lanes).unwrap_or((*LIFE_YEARS.start(), *LIFE_YEARS.end()));
    // One spare column after the last year, for a dashed open end.
    let years = last - first + 2;
    let year = Memo::new(move |_| filter.with(|f| f.year));
    let initial = year.get_untracked();
    let on_year = move |ev: leptos::ev::Event| {
        let mut next = filter.get_untracked();
        next.year = event_target_value(&ev)
            .parse()
            .ok()
            .filter(|y| LIFE_YEARS.contains(y));
        go.run(next);
    };
    // Grid lines every five years, on the years the axis names (1905, 1910, ...).
    let grid_offset = (5 - first % 5) % 5;
    view! {
        <section class="timeline-lanes" aria-labelledby="lanes-heading">
            <h2 id="lanes-heading">"What Kamenev was doing, year by year"</h2>
            <p>
                "His offices, factions, stances and sentences as the text dates them. Each bar runs over the "
                "years it covers; a dashed end means the text gives no end date. Pick a year to list "
                "everything the text says he was doing then."
            </p>
            <form class="lane-year-form" on:submit=|ev| ev.prevent_default()>
                <label for="lane-year">"Year"</label>
                <select
                    id="lane-year"
                    on:change=on_year
                    prop:value=move || year.get().map_or_else(String::new, |y| y.to_string())
                >
                    <option value="" selected=initial.is_none()>"Choose a year"</option>
                    {LIFE_YEARS
                        .map(|y| {
                            view! {
                                <option value=y.to_string() selected=initial == Some(y)>
                                    {y.to_string()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </form>
            <p role="status" class="lane-year-status" data-testid="lane-year-status">
                {move || year.get().map(|y| in_year(&DATA, LANE_PERSON, y).summary(y))}
            </p>
            {move || year.get().map(year_view)}
            <div class="lanes" style=format!("--years: {years}; --grid-offset: {grid_offset}")>
                {lanes
                    .into_iter()
                    .map(|lane| lane_view(lane, first, last, year))
                    .collect_view()}
            </div>
        </section>
    }
}

fn position_link(position: &'static Position) -> impl IntoView {
    let href = paragraph_href(&DATA, position.paragraph).unwrap_or_default();
    view! { <a href=href>{position.position}</a> }
}

/// The years under a lane's bars (decorative: every bar states its dates in words). Every fifth year is named;
/// narrow screens show every tenth.
fn axis_view(first: u16, last: u16) -> impl IntoView {
    view! {
        <div class="lane-row lane-row--axis" aria-hidden="true">
            <span class="lane-label"></span>
            <span class="lane-track">
                {(first..=last)
                    .filter(|y| y % 5 == 0)
                    .map(|y| {
                        view! {
                            <span
                                class="lane-tick"
                                class:lane-tick--minor=y % 10 != 0
                                style=format!("--at: {}", y - first + 1)
                            >
                                {y.to_string()}
                            </span>
                        }
                    })
                    .collect_view()}
            </span>
        </div>
    }
}

fn lane_view(lane: Lane, first: u16, last: u16, year: Memo<Option<u16>>) -> impl IntoView {
    let id = format!("lane-{}", lane.kind.keyword());
    let labelled_by = id.clone();
    let undated = (!lane.undated.is_empty()).then(|| {
        view! {
            <p class="meta lane-undated-intro">"Not dated in the text:"</p>
            <ul class="lane-undated">
                {lane.undated.iter().map(|p| view! { <li>{position_link(p)}</li> }).collect_view()}
            </ul>
        }
    });
    view! {
        <section class="lane" aria-labelledby=labelled_by>
            <h3 id=id>{lane.title}</h3>
            {axis_view(first, last)}
            <ol class="lane-bars">
                {lane.bars.into_iter().map(|bar| bar_view(bar, first, year)).collect_view()}
            </ol>
            {undated}
        </section>
    }
}

fn bar_view(bar: Bar, first: u16, year: Memo<Option<u16>>) -> impl IntoView {
    // Grid lines: a bar covers its years; an open end (or start) is drawn one year further, dashed.
    let from = bar.first_year - first + 1 - u16::from(bar.open_start && bar.first_year > first);
    let to = bar.last_year - first + 2 + u16::from(bar.open_end);
    let (first_year, last_year) = (bar.first_year, bar.last_year);
    let current = move || {
        year.get()
            .is_some_and(|y| (first_year..=last_year).contains(&y))
    };
    let marker = move || {
        year.get().filter(|y| *y >= first).map(|y| {
            view! { <span class="lane-marker" style=format!("--at: {}", y - first + 1)></span> }
        })
    };
    view! {
        <li class="lane-row" class:lane-row--current=current>
            <span class="lane-label">
                {position_link(bar.position)}
                <span class="lane-dates">{bar.dates}</span>
            </span>
            <span class="lane-track" aria-hidden="true">
                <span
                    class="lane-bar"
                    class:lane-bar--open-end=bar.open_end
                    class:lane-bar--open-start=bar.open_start
                    style=format!("--from: {from}; --to: {to}")
                ></span>
                {marker}
            </span>
        </li>
    }
}

/// A titled list of positions with their dates, or nothing when there are none.
fn bar_list(title: &'static str, bars: Vec<Bar>) -> Option<impl IntoView> {
    (!bars.is_empty()).then(|| {
        view! {
            <h4>{title}</h4>
            <ul>
                {bars
                    .into_iter()
                    .map(|b| view! { <li>{position_link(b.position)} " (" {b.dates} ")"</li> })
                    .collect_view()}
            </ul>
        }
    })
}

/// Everything the text says Kamenev was doing in one year.
fn year_view(year: u16) -> impl IntoView {
    let view_of = in_year(&DATA, LANE_PERSON, year);
    let nothing = view_of.is_empty().then_some(
        "The text says nothing about Kamenev in this year. Try another, or read the events above.",
    );
    let events = (!view_of.events.is_empty()).then(|| {
        view! {
            <h4>"Events"</h4>
            <ul>
                {view_of
                    .events
                    .iter()
                    .map(|e| {
                        let entry = timeline::entry(&DATA, e);
                        let href = entry.href.unwrap_or_default();
                        view! { <li>{entry.date.to_string()} ": " <a href=href>{e.title}</a></li> }
                    })
                    .collect_view()}
            </ul>
        }
    });
    view! {
        <div class="year-view">
            <h3>{format!("In {year}")}</h3>
            {nothing.map(|text| view! { <p>{text}</p> })}
            {bar_list("Positions", view_of.positions)}
            {bar_list("Taken up earlier: the text does not say when these ended", view_of.maybe_still)}
            {events}
        </div>
    }
}
