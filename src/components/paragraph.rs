//! A paragraph of the text as the reader shows it: its [`Piece`]s (from [`crate::reading::inline`]) turned into
//! text, person links, flagged words with the buttons that open editorial notes, glossary terms that open their
//! definition, notes in place of repeated passages, and a permalink.
//!
//! Notes and definitions are disclosures: a `<button aria-expanded aria-controls>` right after the words, and the
//! panel right after the button (spans styled as blocks, so they may sit inside the `<p>`). Which panels are open
//! is page state ([`OpenPanels`]), so a `#note-…` link can open one.

use leptos::either::{Either, EitherOf3, EitherOf4};
use leptos::prelude::*;

use crate::dataset::{Paragraph, Severity, DATA};
use crate::reading::inline::{term_panel_id, Piece};

/// The ids of the note and definition panels open on the page.
#[derive(Clone, Copy, Debug)]
pub struct OpenPanels(RwSignal<Vec<String>>);

impl OpenPanels {
    /// All panels closed.
    pub fn new() -> OpenPanels {
        OpenPanels(RwSignal::new(Vec::new()))
    }

    /// Whether panel `id` is open (tracked).
    pub fn is_open(&self, id: &str) -> bool {
        self.0.read().iter().any(|open| open == id)
    }

    /// Opens panel `id`.
    pub fn open(&self, id: &str) {
        if !self.0.read_untracked().iter().any(|open| open == id) {
            self.0.update(|open| open.push(id.to_string()));
        }
    }

    /// Closes panel `id`; returns whether it was open.
    pub fn close(&self, id: &str) -> bool {
        let was_open = self.0.read_untracked().iter().any(|open| open == id);
        if was_open {
            self.0.update(|open| open.retain(|o| o != id));
        }
        was_open
    }

    /// Closes every panel.
    pub fn close_all(&self) {
        if !self.0.read_untracked().is_empty() {
            self.0.set(Vec::new());
        }
    }

    /// Opens the panel a URL fragment names (`note-…`, `gloss-…`), if it names one.
    pub fn open_target(&self, id: &str) {
        if id.starts_with("note-") || id.starts_with("gloss-") {
            self.open(id);
        }
    }

    /// Opens panel `id` if it is closed, closes it if it is open.
    pub fn toggle(&self, id: &str) {
        self.0
            .update(|open| match open.iter().position(|o| o == id) {
                Some(index) => {
                    open.remove(index);
                }
                None => open.push(id.to_string()),
            });
    }
}

impl Default for OpenPanels {
    fn default() -> Self {
        OpenPanels::new()
    }
}

/// The id of the hidden hint that glossary buttons point to with `aria-describedby`.
const TERM_HINT: &str = "term-hint";

/// Hidden text the page's glossary buttons use as their description. Render once per page that shows
/// [`ParagraphView`]s.
#[component]
pub fn ReadingHints() -> impl IntoView {
    view! {
        <span id=TERM_HINT hidden>
            "Glossary term: press to show or hide what it means."
        </span>
    }
}

/// One paragraph: its pieces and a permalink to `href` (the paragraph's URL).
#[component]
pub fn ParagraphView(
    /// The paragraph shown; its id is the element id.
    paragraph: &'static Paragraph,
    /// Its render plan.
    pieces: Vec<Piece>,
    /// Its permalink, `/chapters/<chapter>#p38`.
    href: String,
    /// The page's open panels.
    open: OpenPanels,
    /// Extra classes for the `<p>`.
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let content = pieces
        .into_iter()
        .map(|piece| piece_view(piece, open))
        .collect_view();
    view! {
        <p id=paragraph.id class=format!("para {class}")>
            {content}
            " "
            <a class="para-link" href=href aria-label="Link to this paragraph">
                "¶"
            </a>
        </p>
    }
}

// Pieces are rendered through `Either`s rather than `AnyView`: the views are only ever built, never diffed, so
// this keeps the wasm small.
fn piece_view(piece: Piece, open: OpenPanels) -> impl IntoView {
    match piece {
        Piece::Flagged { pieces, .. } => {
            let inner = pieces
                .into_iter()
                .map(|p| inner_view(p, open))
                .collect_view();
            EitherOf4::A(view! { <mark class="flag">{inner}</mark> })
        }
        Piece::Marker { note, panel } => EitherOf4::B(note_view(note, panel, open)),
        Piece::Omitted(duplicate) => {
            let note = DATA
                .duplicate(duplicate)
                .map(|d| d.note)
                .unwrap_or_default();
            EitherOf4::C(view! {
                <span class="omitted" role="note">
                    <span class="omitted__label">"Repeated passage left out. "</span>
                    {note}
                </span>
            })
        }
        other => EitherOf4::D(inner_view(other, open)),
    }
}

/// Text, a person link or a glossary term (what flagged words may contain).
fn inner_view(piece: Piece, open: OpenPanels) -> impl IntoView {
    match piece {
        Piece::Person { text, person } => EitherOf3::A(
            view! { <a class="person-link" href=format!("/people/{person}")>{text}</a> },
        ),
        Piece::Term { text, term, people } => EitherOf3::B(term_view(text, term, people, open)),
        Piece::Text(text) => EitherOf3::C(text),
        // Never inside flagged words (see `reading::inline`).
        Piece::Flagged { .. } | Piece::Marker { .. } | Piece::Omitted(_) => EitherOf3::C(""),
    }
}

/// Escape on a disclosure's button or anywhere in its open panel closes the panel and puts focus back on the
/// button, so a keyboard user is never left inside a panel that has gone.
fn close_on_escape(
    open: OpenPanels,
    id: String,
    button: NodeRef<leptos::html::Button>,
) -> impl Fn(leptos::ev::KeyboardEvent) + Clone + 'static {
    move |ev| {
        if ev.key() == "Escape" && open.close(&id) {
            ev.prevent_default();
            if let Some(button) = button.get_untracked() {
                let _ = button.focus();
            }
        }
    }
}

fn term_view(
    text: &'static str,
    term: &'static str,
    people: Vec<&'static str>,
    open: OpenPanels,
) -> impl IntoView {
    let definition = DATA.term(term).map(|t| t.definition).unwrap_or_default();
    let name = DATA.term(term).map(|t| t.term).unwrap_or(text);
    let id = term_panel_id(term);
    let expanded = {
        let id = id.clone();
        move || open.is_open(&id)
    };
    let toggle = {
        let id = id.clone();
        move |_| open.toggle(&id)
    };
    let button = NodeRef::<leptos::html::Button>::new();
    let escape = close_on_escape(open, id.clone(), button);
    let named = people
        .into_iter()
        .filter_map(|p| DATA.person(p))
        .map(|person| {
            view! {
                " About " <a href=format!("/people/{}", person.id)>{person.name}</a> "."
            }
        })
        .collect_view();
    view! {
        <button
            type="button"
            class="term"
            aria-expanded=move || if expanded() { "true" } else { "false" }
            aria-controls=id.clone()
            aria-describedby=TERM_HINT
            on:click=toggle
            on:keydown=escape.clone()
            node_ref=button
        >
            {text}
        </button>
        <span
            class="term-def"
            id=id.clone()
            hidden=move || !open.is_open(&id)
            on:keydown=escape
        >
            <dfn>{name}</dfn>
            ": "
            {definition}
            {named}
            " "
            <a href=format!("/glossary#term-{term}")>"More in the glossary"</a>
        </span>
    }
}

fn severity_label(severity: Severity) -> &'static str {
    match severity {
        Severity::High => "Serious error",
        Severity::Medium => "Error",
        Severity::Low => "Minor slip",
    }
}

fn note_view(note: &'static str, panel: String, open: OpenPanels) -> Option<impl IntoView> {
    let found = DATA.note(note)?;
    let title_id = format!("{panel}-title");
    let expanded = {
        let panel = panel.clone();
        move || open.is_open(&panel)
    };
    let toggle = {
        let panel = panel.clone();
        move |_| open.toggle(&panel)
    };
    let button = NodeRef::<leptos::html::Button>::new();
    let escape = close_on_escape(open, panel.clone(), button);
    let severity = found.severity;
    let has_references = !found.references.is_empty();
    let references = found
        .references
        .iter()
        .map(|reference| {
            let title = match reference.url {
                Some(url) => Either::Left(view! {
                    <a href=url target="_blank" rel="noopener noreferrer">
                        {reference.title}
                        <span class="visually-hidden">" (opens in a new tab)"</span>
                    </a>
                }),
                None => Either::Right(reference.title),
            };
            view! { <span role="listitem">{title}</span> }
        })
        .collect_view();
    Some(view! {
        <button
            type="button"
            class=format!("note-toggle note-toggle--{}", severity.keyword())
            aria-expanded=move || if expanded() { "true" } else { "false" }
            aria-controls=panel.clone()
            on:click=toggle
            on:keydown=escape.clone()
            node_ref=button
        >
            "Note"
            <span class="visually-hidden">": " {found.title}</span>
        </button>
        <span
            class="note-panel"
            id=panel.clone()
            role="group"
            aria-labelledby=title_id.clone()
            hidden=move || !open.is_open(&panel)
            on:keydown=escape
        >
            <span class="note-panel__head">
                <span class=format!("severity severity--{}", severity.keyword())>
                    {severity_label(severity)}
                </span>
                <strong class="note-panel__title" id=title_id.clone()>
                    {found.title}
                </strong>
            </span>
            <span class="note-panel__row">
                <span class="note-panel__label">"The text says: "</span>
                {found.text_says}
            </span>
            <span class="note-panel__row">
                <span class="note-panel__label">"References say: "</span>
                {found.references_say}
            </span>
            {found
                .correction
                .map(|correction| {
                    view! {
                        <span class="note-panel__row">
                            <span class="note-panel__label">"Correction: "</span>
                            <strong>{correction}</strong>
                        </span>
                    }
                })}
            {has_references
                .then(|| {
                    view! {
                        <span class="note-panel__row note-panel__label">"References:"</span>
                        <span class="note-panel__refs" role="list">
                            {references}
                        </span>
                    }
                })}
        </span>
    })
}
