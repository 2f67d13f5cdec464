//! The claims matrix as an accessible table: questions in rows (row headers), accounts in columns (column headers),
//! one button per cell. The cells form one tab stop; the arrow keys, Home, End, PageUp and PageDown move between
//! them; Enter or Space shows the words behind a cell below the table.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::compare::matrix::{
    move_in_grid, question_number, sort_sources, stance_label, stance_symbol, Matrix,
};
use crate::compare::text::{paragraph_href, place_label};
use crate::compare::{self, CompareQuery, SortKey, NARRATOR_ONLY};
use crate::dataset::{Source, DATA};

use super::Go;

pub fn matrix_view(
    query: Memo<CompareQuery>,
    go: Go,
    visible: Memo<Vec<&'static Source>>,
) -> impl IntoView {
    let sort = Memo::new(move |_| query.with(|q| q.sort));
    let matrix = Memo::new(move |_| {
        let mut sources = visible.get();
        sort_sources(&mut sources, sort.get());
        Matrix::new(&DATA, sources)
    });
    // The cell that holds the tab stop, and the cell whose words are shown.
    let focus = RwSignal::new((0usize, 0usize));
    let selected = RwSignal::new(None::<(usize, usize)>);
    // A different set of columns makes old positions meaningless.
    Effect::new(move |_| {
        matrix.track();
        focus.set((0, 0));
        selected.set(None);
    });
    let change_sort = move |ev: leptos::ev::Event| {
        let key = SortKey::from_keyword(&event_target_value(&ev)).unwrap_or_default();
        go.to(query.get_untracked().with_sort(key));
    };
    let counts = move || {
        let c = matrix.with(Matrix::counts);
        format!(
            "{} cells: {} assert, {} deny, {} doubt, {} silent.",
            c.total(),
            c.asserts,
            c.denies,
            c.doubts,
            c.silent
        )
    };
    view! {
        <section class="compare-view" aria-labelledby="view-heading">
            <h2 id="view-heading">"Claims matrix"</h2>
            <p class="view-intro">
                "Each row is a question the accounts disagree on; each column is an account. A cell says whether the account asserts, denies or doubts the claim, or is silent on it. Choose a cell to read the words behind it. In the table, the arrow keys move from cell to cell; on a narrow screen the table scrolls sideways."
            </p>
            <div class="matrix-controls">
                <label for="compare-sort">"Order the accounts by"</label>
                <select id="compare-sort" on:change=change_sort>
                    {SortKey::ALL
                        .into_iter()
                        .map(|key| {
                            view! {
                                <option value=key.keyword() selected=move || sort.get() == key>
                                    {key.label()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <p class="matrix-legend">
                <span class="stance stance-asserts"><span aria-hidden="true">"✓ "</span>"Asserts"</span>
                <span class="stance stance-denies"><span aria-hidden="true">"✗ "</span>"Denies"</span>
                <span class="stance stance-doubts"><span aria-hidden="true">"? "</span>"Doubts"</span>
                <span class="stance stance-silent"><span aria-hidden="true">"– "</span>"Silent"</span>
            </p>
            {move || {
                if matrix.with(|m| m.sources.is_empty()) {
                    view! { <p class="empty">"No account of the trial had been made public by that date."</p> }
                        .into_any()
                } else {
                    table_view(matrix, sort, focus, selected).into_any()
                }
            }}
            <div id="matrix-detail" class="matrix-detail" aria-live="polite">
                {move || detail_view(matrix, selected)}
            </div>
            <p class="matrix-counts">{counts}</p>
            <aside class="narrator-only" aria-labelledby="narrator-only-heading">
                <h3 id="narrator-only-heading">"Not in the matrix"</h3>
                {NARRATOR_ONLY.iter().map(narrator_view).collect_view()}
            </aside>
        </section>
    }
}

fn cell_id((row, column): (usize, usize)) -> String {
    format!("cell-{row}-{column}")
}

fn focus_cell(position: (usize, usize)) {
    let element = document()
        .get_element_by_id(&cell_id(position))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// Scrolls a cell focused from the keyboard fully into the table's frame. The browser leaves a cell that is partly
/// in view where it is, perhaps under the sticky question column; scrolling "nearest" moves it no further than
/// needed and keeps clear of the column (the frame's `scroll-padding-left` in `compare.css`). A cell focused by a
/// click is left alone, so the table never moves under the pointer.
fn reveal_cell(ev: leptos::ev::FocusEvent) {
    let cell = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .filter(|cell| cell.matches(":focus-visible").unwrap_or(false));
    if let Some(cell) = cell {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        options.set_inline(web_sys::ScrollLogicalPosition::Nearest);
        cell.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

fn table_view(
    matrix: Memo<Matrix>,
    sort: Memo<SortKey>,
    focus: RwSignal<(usize, usize)>,
    selected: RwSignal<Option<(usize, usize)>>,
) -> impl IntoView {
    let current = matrix.get();
    let (rows, columns) = (current.questions.len(), current.sources.len());
    let all = compare::trial_sources(&DATA);
    let order = match sort.get_untracked() {
        SortKey::Date => "by date",
        SortKey::Kind => "by kind of source",
    };
    let caption = format!("Where {columns} accounts stand on {rows} questions, ordered {order}");
    let headers = current
        .sources
        .iter()
        .map(|source| {
            view! {
                <th scope="col" class=format!("matrix__source kind-{}", source.kind.keyword())>
                    <span class="matrix__name">{compare::label(source, &all)}</span>
                    <span class="matrix__date">{compare::date_text(source)}</span>
                    <span class="matrix__kind">{compare::role(source.kind)}</span>
                </th>
            }
        })
        .collect_view();
    let body = current
        .questions
        .iter()
        .enumerate()
        .map(|(row, question)| {
            let cells = current
                .sources
                .iter()
                .enumerate()
                .map(|(column, source)| {
                    let position = (row, column);
                    let stance = current.cell(row, column).map(|c| c.stance);
                    let keyword = stance.map_or("silent", |s| s.keyword());
                    let context = format!(": {} on Q{}", compare::label(source, &all), row + 1);
                    let keydown = move |ev: leptos::ev::KeyboardEvent| {
                        if let Some(next) = move_in_grid(focus.get_untracked(), &ev.key(), rows, columns) {
                            ev.prevent_default();
                            focus.set(next);
                            focus_cell(next);
                        }
                    };
                    view! {
                        <td class=format!("matrix__cell stance-{keyword}")>
                            <button
                                type="button"
                                id=cell_id(position)
                                class="matrix__button"
                                tabindex=move || if focus.get() == position { "0" } else { "-1" }
                                aria-expanded=move || if selected.get() == Some(position) { "true" } else { "false" }
                                aria-controls="matrix-detail"
                                on:click=move |_| {
                                    focus.set(position);
                                    selected.set(Some(position));
                                }
                                on:focus=move |ev| {
                                    focus.set(position);
                                    reveal_cell(ev);
                                }
                                on:keydown=keydown
                            >
                                <span class="matrix__symbol" aria-hidden="true">{stance_symbol(stance)}</span>
                                <span class="matrix__stance">{stance_label(stance)}</span>
                                <span class="visually-hidden">{context}</span>
                            </button>
                        </td>
                    }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row" class="matrix__question">
                        {format!("Q{}. {}", row + 1, question.text)}
                    </th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="matrix-wrap" role="region" aria-labelledby="matrix-caption">
            <table class="matrix" data-testid="matrix">
                <caption id="matrix-caption">
                    <span class="matrix__caption">{caption}</span>
                </caption>
                <thead>
                    <tr>
                        <th scope="col" class="matrix__corner">"Question"</th>
                        {headers}
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}

/// The words behind the selected cell.
fn detail_view(matrix: Memo<Matrix>, selected: RwSignal<Option<(usize, usize)>>) -> impl IntoView {
    let (row, column) = selected.get()?;
    matrix.with(|m| {
        let question = m.questions.get(row)?;
        let source = *m.sources.get(column)?;
        let all = compare::trial_sources(&DATA);
        let name = compare::label(source, &all);
        let title = format!("{name} on Q{}. {}", question_number(&DATA, question.id), question.text);
        let body = match m.cell(row, column) {
            None => view! {
                <p>
                    <strong>"Silent. "</strong>
                    "In the passages the text gives, this account says nothing on this question. Silence is not agreement: ask whether the author could have known, or chose not to say."
                </p>
            }
            .into_any(),
            Some(claim) => {
                let href = paragraph_href(&DATA, claim.paragraph).unwrap_or_default();
                let place = place_label(&DATA, claim.paragraph);
                let notes = claim
                    .notes
                    .iter()
                    .filter_map(|id| DATA.note(id))
                    .map(|note| view! { <p class="editorial">{note.title}</p> })
                    .collect_view();
                view! {
                    <p class=format!("stance stance-{}", claim.stance.keyword())>
                        <span aria-hidden="true">{stance_symbol(Some(claim.stance))} " "</span>
                        {claim.stance.label()}
                    </p>
                    <blockquote>{claim.quote}</blockquote>
                    <p>
                        <a href=href>"In the text: " {place}</a>
                    </p>
                    {notes}
                    {claim
                        .explanation
                        .map(|e| {
                            view! {
                                <details>
                                    <summary>"How this cell was read"</summary>
                                    <p>{e}</p>
                                </details>
                            }
                        })}
                }
                .into_any()
            }
        };
        Some(view! {
            <h3>{title}</h3>
            {body}
        })
    })
}

fn narrator_view(claim: &'static compare::NarratorClaim) -> impl IntoView {
    let quotes = claim
        .citations
        .iter()
        .map(|(paragraph, quote)| {
            let href = paragraph_href(&DATA, paragraph).unwrap_or_default();
            view! {
                <li>
                    <q>{*quote}</q>
                    " ("
                    <a href=href>{place_label(&DATA, paragraph)}</a>
                    ")"
                </li>
            }
        })
        .collect_view();
    view! {
        <p>
            <strong>{claim.question}</strong>
            " Only the narrator says so, not any account of the trial in the text:"
        </p>
        <ul>{quotes}</ul>
        <p>"No account here takes a position on it, so it cannot be checked against them. Who could have known, and how would you find out?"</p>
    }
}
