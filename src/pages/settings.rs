//! Reading preferences: text size, line spacing and colours, applied at once and saved in this browser; and the
//! reading progress, which the reader can clear.

use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::reading_state::use_reading;
use crate::dataset::DATA;
use crate::reading::prefs::{LineSpacing, Prefs, TextSize, Theme};

/// One group of radio buttons for a preference. Not generic (one copy in the wasm): choices are keywords.
#[component]
fn ChoiceGroup(
    /// The fieldset's legend.
    legend: &'static str,
    /// The radio group's name (also the prefix of the inputs' ids).
    name: &'static str,
    /// The choices: (keyword, label).
    choices: Vec<(&'static str, &'static str)>,
    /// The keyword of the current choice.
    current: Signal<&'static str>,
    /// Called with the keyword of the new choice.
    on_choose: Callback<&'static str>,
) -> impl IntoView {
    view! {
        <fieldset class="choice-group">
            <legend>{legend}</legend>
            {choices
                .into_iter()
                .map(|(keyword, label)| {
                    let id = format!("{name}-{keyword}");
                    view! {
                        <div class="choice">
                            <input
                                type="radio"
                                id=id.clone()
                                name=name
                                value=keyword
                                prop:checked=move || current.get() == keyword
                                on:change=move |_| on_choose.run(keyword)
                            />
                            <label for=id>{label}</label>
                        </div>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

/// The Reading preferences page.
#[component]
pub fn Settings() -> impl IntoView {
    let reading = use_reading();
    let status = RwSignal::new(String::new());
    let update = move |change: &dyn Fn(&mut Prefs)| {
        let mut prefs = reading.prefs.get_untracked();
        change(&mut prefs);
        let saved = reading.set_prefs(prefs);
        status.set(if saved {
            "Saved.".into()
        } else {
            "Applied, but not saved in this browser.".into()
        });
    };
    let prefs = reading.prefs;
    let text_size = Signal::derive(move || prefs.get().text_size.keyword());
    let line_spacing = Signal::derive(move || prefs.get().line_spacing.keyword());
    let theme = Signal::derive(move || prefs.get().theme.keyword());
    let chapter_ids: Vec<&'static str> = DATA.chapters.iter().map(|c| c.id).collect();
    let total = chapter_ids.len();
    let read = Memo::new(move |_| reading.progress.read().count_read(&chapter_ids));
    let confirming = RwSignal::new(false);
    let preview = DATA
        .chapters
        .first()
        .and_then(|c| DATA.paragraph(c.first))
        .map(|p| p.text);
    view! {
        <Title text="Reading preferences" />
        <article class="page reading settings">
            <h1>"Reading preferences"</h1>
            <p class="lede">
                "Make the text comfortable to read. Changes apply at once and are kept in this browser only."
            </p>
            <form class="settings-form" on:submit=|ev| ev.prevent_default()>
                <ChoiceGroup
                    legend="Text size"
                    name="text-size"
                    choices=TextSize::ALL.iter().map(|c| (c.keyword(), c.label())).collect()
                    current=text_size
                    on_choose=Callback::new(move |keyword| {
                        if let Some(value) = TextSize::from_keyword(keyword) {
                            update(&|p: &mut Prefs| p.text_size = value)
                        }
                    })
                />
                <ChoiceGroup
                    legend="Line spacing"
                    name="line-spacing"
                    choices=LineSpacing::ALL.iter().map(|c| (c.keyword(), c.label())).collect()
                    current=line_spacing
                    on_choose=Callback::new(move |keyword| {
                        if let Some(value) = LineSpacing::from_keyword(keyword) {
                            update(&|p: &mut Prefs| p.line_spacing = value)
                        }
                    })
                />
                <ChoiceGroup
                    legend="Colours"
                    name="theme"
                    choices=Theme::ALL.iter().map(|c| (c.keyword(), c.label())).collect()
                    current=theme
                    on_choose=Callback::new(move |keyword| {
                        if let Some(value) = Theme::from_keyword(keyword) {
                            update(&|p: &mut Prefs| p.theme = value)
                        }
                    })
                />
            </form>
            <p role="status" class="settings-status" data-testid="settings-status">{move || status.get()}</p>
            <section aria-labelledby="preview-heading">
                <h2 id="preview-heading">"Preview"</h2>
                <div class="chapter-text preview">
                    <p>{preview}</p>
                </div>
            </section>
            <section aria-labelledby="progress-heading">
                <h2 id="progress-heading">"Reading progress"</h2>
                <p>
                    {move || read.get()} " of " {total} " chapters read. "
                    <a href="/chapters">"See the chapters"</a>
                </p>
                {move || {
                    if confirming.get() {
                        Either::Left(view! {
                            <p>"Mark every chapter as not read?"</p>
                            <div class="button-row">
                                <button type="button" on:click=move |_| {
                                    let saved = reading.reset_progress();
                                    confirming.set(false);
                                    status.set(if saved {
                                        "Reading progress forgotten.".into()
                                    } else {
                                        "Reading progress cleared, but not saved in this browser.".into()
                                    });
                                }>"Yes, forget it"</button>
                                <button type="button" class="secondary" on:click=move |_| confirming.set(false)>
                                    "Cancel"
                                </button>
                            </div>
                        })
                    } else {
                        Either::Right(view! {
                            <button
                                type="button"
                                class="secondary"
                                disabled=move || read.get() == 0
                                on:click=move |_| confirming.set(true)
                            >
                                "Forget reading progress"
                            </button>
                        })
                    }
                }}
            </section>
        </article>
    }
}
