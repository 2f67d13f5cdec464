//! The home page: what the site is and where to start.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::search_box::SearchBox;
use crate::dataset;

/// The home page.
#[component]
pub fn Home() -> impl IntoView {
    let chapters = dataset::DATA.chapters.len();
    let people = dataset::DATA.people.len();
    let events = dataset::DATA.events.len();
    let sources = dataset::DATA
        .sources
        .iter()
        .filter(|s| s.trial_1936)
        .count();
    view! {
        <Title text="" />
        <article class="page home">
            <h1>"Lev Kamenev, 1883–1936"</h1>
            <p class="lede">
                "Revolutionary, chairman of the Moscow Soviet, one of the three men who ruled after Lenin, and the "
                "first leader to be condemned in Stalin’s show trials. Read his life from a biography and its "
                "primary sources, test what you know, and weigh the accounts that disagree."
            </p>
            <SearchBox />
            <ul class="card-grid">
                <li class="card">
                    <h2><a href="/chapters">"Read the biography"</a></h2>
                    <p>{format!("{chapters} chapters, with the original text and notes where it is wrong.")}</p>
                </li>
                <li class="card">
                    <h2><a href="/timeline">"Timeline"</a></h2>
                    <p>{format!("{events} dated events, from his birth in 1883 to the trials of 1937.")}</p>
                </li>
                <li class="card">
                    <h2><a href="/people">"People"</a></h2>
                    <p>{format!("{people} people named in the text: who they were and what they did.")}</p>
                </li>
                <li class="card">
                    <h2><a href="/quiz">"Quiz"</a></h2>
                    <p>"Dates, offices and political stances, each answer explained by the text."</p>
                </li>
                <li class="card">
                    <h2><a href="/compare">"The 1936 trial"</a></h2>
                    <p>{format!("{sources} accounts of the trial side by side: who wrote what, when, and why.")}</p>
                </li>
            </ul>
        </article>
    }
}
