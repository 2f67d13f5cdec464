//! Sources and credits: where the text comes from, how it is shown, and how editorial notes work.

use leptos::prelude::*;
use leptos_meta::Title;

/// The About page.
#[component]
pub fn About() -> impl IntoView {
    view! {
        <Title text="About" />
        <article class="page prose">
            <h1>"About this site"</h1>
            <h2>"The text"</h2>
            <p>
                "The biography is “Lev Kamenev” by John Simkin, published by "
                <cite>"Spartacus Educational"</cite>
                " (spartacus-educational.com), together with the thirteen primary sources printed with it. "
                "Every paragraph is shown exactly as published, including its spelling and its mistakes."
            </p>
            <h2>"Editorial notes"</h2>
            <p>
                "Where the text gets a date or a fact wrong, or contradicts itself, the words are marked and a note "
                "explains what the text says, what other references say, and which references those are. "
                "The text itself is never silently corrected. Quiz questions never depend on a marked value unless "
                "the question says “according to the text”."
            </p>
            <h2>"Dates"</h2>
            <p>
                "Russia used the Julian calendar (“Old Style”) until February 1918, thirteen days behind the "
                "Gregorian calendar used in Western Europe. Dates before then are given as the text gives them; "
                "notes say where the calendar matters."
            </p>
            <h2>"Your data"</h2>
            <p>
                "Reading progress, quiz progress and your notes are kept only in this browser’s local storage. "
                "Nothing is sent anywhere."
            </p>
        </article>
    }
}
