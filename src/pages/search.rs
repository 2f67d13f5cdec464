//! The search page (`/search?q=...`): a search field, results as the user types, grouped, highlighted, each
//! linking to the exact paragraph. View wiring only: matching, ranking and highlighting are in [`crate::search`].

use leptos::{html, prelude::*};
use leptos_meta::Title;
use leptos_router::{
    hooks::{use_navigate, use_query_map},
    NavigateOptions,
};

use crate::search::{search_href, site_index, GroupResults, Hit, Piece, Results, MAX_QUERY_CHARS};

/// Most results listed per group.
const LIMIT: usize = 20;

/// Searches students might start from.
const EXAMPLES: [&str; 5] = [
    "Grigory Zinoviev",
    "April Theses",
    "Moscow Soviet",
    "Clare Sheridan",
    "confession",
];

/// The search page. The query lives in the URL (`q`); typing replaces the URL without adding history entries,
/// and pressing Enter keeps the query in the history.
#[component]
pub fn Search() -> impl IntoView {
    let query_map = use_query_map();
    let url_query = Memo::new(move |_| query_map.with(|q| q.get("q").unwrap_or_default()));
    let text = RwSignal::new(url_query.get_untracked());
    // What this page last wrote to the URL: a different `q` came from elsewhere (back, a link) and replaces the
    // field's text.
    let written = StoredValue::new(url_query.get_untracked());
    Effect::new(move |_| {
        let q = url_query.get();
        if q != written.get_value() {
            written.set_value(q.clone());
            text.set(q);
        }
    });

    let navigate = use_navigate();
    let write_url = move |value: &str, replace: bool| {
        written.set_value(value.to_string());
        let options = NavigateOptions {
            replace,
            scroll: false,
            ..Default::default()
        };
        navigate(&search_href(value), options);
    };
    let on_input = {
        let write_url = write_url.clone();
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            text.set(value.clone());
            write_url(&value, true);
        }
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        write_url(&text.get_untracked(), false);
    };

    let results = Memo::new(move |_| text.with(|t| site_index().search(t, LIMIT)));

    // The field follows `text` (the URL's query on arrival, back and forward). Set once the field is in the
    // document: a value given while the page is still being built does not survive its insertion.
    let field = NodeRef::<html::Input>::new();
    Effect::new(move |_| {
        let wanted = text.get();
        if let Some(field) = field.get() {
            if field.value() != wanted {
                field.set_value(&wanted);
            }
        }
    });

    view! {
        <Title text="Search" />
        <article class="page search-page">
            <h1>"Search"</h1>
            <form role="search" class="search-form" aria-labelledby="search-label" on:submit=on_submit>
                <label id="search-label" for="search-input">
                    "Search the chapters, primary sources, people and glossary"
                </label>
                <div class="search-form__row">
                    <input
                        id="search-input"
                        type="search"
                        name="q"
                        maxlength=MAX_QUERY_CHARS.to_string()
                        autocomplete="off"
                        spellcheck="false"
                        aria-describedby="search-help"
                        node_ref=field
                        on:input=on_input
                    />
                    <button type="submit">"Search"</button>
                </div>
                <p id="search-help" class="meta">
                    "Results appear as you type. Capital letters and accents do not matter, and the spellings of a "
                    "name match each other: “Grigory” also finds “Gregory Zinoviev”."
                </p>
            </form>
            <p role="status" class="search-status" data-testid="search-status">
                {move || results.with(status)}
            </p>
            {move || results.with(|r| {
                if r.query.is_empty() {
                    start_here().into_any()
                } else if r.total == 0 {
                    nothing_found().into_any()
                } else {
                    r.groups
                        .iter()
                        .filter(|g| g.total > 0)
                        .map(group_view)
                        .collect_view()
                        .into_any()
                }
            })}
        </article>
    }
}

/// What the live region says: how many results, and where.
fn status(results: &Results<'static>) -> String {
    if results.query.is_empty() {
        return String::new();
    }
    let cut = if results.query.truncated {
        " Only the start of a long query is searched."
    } else {
        ""
    };
    if results.total == 0 {
        return format!("No results.{cut}");
    }
    let parts: Vec<String> = results
        .groups
        .iter()
        .filter(|g| g.total > 0)
        .map(|g| format!("{} in {}", g.total, g.group.label()))
        .collect();
    let noun = if results.total == 1 {
        "result"
    } else {
        "results"
    };
    format!("{} {noun}: {}.{cut}", results.total, parts.join(", "))
}

/// Shown before anything is typed.
fn start_here() -> impl IntoView {
    view! {
        <div class="search-empty">
            <p>"Type a name, a place, a word or a year. Or start from one of these:"</p>
            <ul class="search-examples">
                {EXAMPLES
                    .iter()
                    .map(|q| view! { <li><a href=search_href(q)>{*q}</a></li> })
                    .collect_view()}
            </ul>
        </div>
    }
}

/// Shown when nothing matches.
fn nothing_found() -> impl IntoView {
    view! {
        <div class="search-empty">
            <p>"Nothing matches every word of the search. Try:"</p>
            <ul>
                <li>"fewer words, or a surname on its own (“Zinoviev”);"</li>
                <li>"the start of a word (“confess” finds “confession”);"</li>
                <li>"checking the spelling, or browsing the " <a href="/people">"people"</a> " and the "
                    <a href="/glossary">"glossary"</a> "."</li>
            </ul>
        </div>
    }
}

fn group_view(group: &GroupResults<'static>) -> impl IntoView {
    let id = format!(
        "results-{}",
        group.group.label().to_ascii_lowercase().replace(' ', "-")
    );
    let labelled_by = id.clone();
    let more = (group.total > group.hits.len()).then(|| {
        let shown = group.hits.len();
        view! {
            <p class="meta search-more">
                {format!("Showing the {shown} best of {}. Add a word to narrow the search.", group.total)}
            </p>
        }
    });
    view! {
        <section class="search-group" aria-labelledby=labelled_by>
            <h2 id=id>
                {group.group.label()}
                <span class="search-group__count">{format!(" ({})", group.total)}</span>
            </h2>
            <ol class="search-results">{group.hits.iter().map(hit_view).collect_view()}</ol>
            {more}
        </section>
    }
}

fn hit_view(hit: &Hit<'static>) -> impl IntoView {
    let snippet = &hit.snippet;
    view! {
        <li class="search-hit">
            <h3 class="search-hit__title">
                <a href=hit.href>{pieces(&hit.title)}</a>
            </h3>
            <p class="search-hit__context meta">{hit.context}</p>
            <p class="search-hit__snippet">
                {snippet.cut_before.then_some("… ")}
                {pieces(&snippet.pieces)}
                {snippet.cut_after.then_some(" …")}
            </p>
        </li>
    }
}

/// Text with its highlighted pieces in `<mark>`: text nodes and elements only, never HTML.
fn pieces(pieces: &[Piece<'static>]) -> impl IntoView {
    pieces
        .iter()
        .map(|piece| {
            if piece.marked {
                view! { <mark class="search-mark">{piece.text}</mark> }.into_any()
            } else {
                piece.text.into_any()
            }
        })
        .collect_view()
}
