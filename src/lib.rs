//! Lev Kamenev (1883-1936): a biography with primary sources, read as chapters, with a quiz and a comparison of
//! the accounts of the 1936 trial.
//!
//! This file holds [`App`] and the route table. Pure logic lives in modules that never touch the browser
//! (`dataset`); pages under `pages/` and shared components under `components/` are thin view wiring.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path,
};

pub mod browser;
pub mod compare;
pub mod dataset;
pub mod panic;
pub mod quiz;
pub mod reading;
pub mod schedule;
pub mod search;
pub mod sorting;
pub mod storage;
pub mod timeline;

pub mod components;
pub mod pages;

use components::layout::{SiteFooter, SiteHeader, SkipLink};

/// The whole app: header, the routed page inside `<main>`, footer.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Title formatter=|title: String| {
            if title.is_empty() { "Lev Kamenev".to_string() } else { format!("{title} · Lev Kamenev") }
        } />
        <Router>
            <SkipLink />
            <SiteHeader />
            <main id="main" tabindex="-1">
                <components::reading_state::ReadingSetup />
                <Routes fallback=pages::not_found::NotFound>
                    <Route path=path!("/") view=pages::home::Home />
                    <Route path=path!("/chapters") view=pages::chapters::ChapterIndex />
                    <Route path=path!("/chapters/:slug") view=pages::chapters::ChapterPage />
                    <Route path=path!("/sources/:number") view=pages::sources::SourcePage />
                    <Route path=path!("/people") view=pages::people::PeopleIndex />
                    <Route path=path!("/people/:id") view=pages::people::PersonPage />
                    <Route path=path!("/glossary") view=pages::glossary::Glossary />
                    <Route path=path!("/settings") view=pages::settings::Settings />
                    <Route path=path!("/timeline") view=pages::timeline::Timeline />
                    <Route path=path!("/search") view=pages::search::Search />
                    <Route path=path!("/quiz") view=pages::quiz::QuizHome />
                    <Route path=path!("/quiz/test") view=pages::quiz::QuizTest />
                    <Route path=path!("/quiz/practice") view=pages::quiz::Practice />
                    <Route path=path!("/quiz/progress") view=pages::quiz::Progress />
                    <Route path=path!("/quiz/answers") view=pages::quiz::AnswerKey />
                    <Route path=path!("/compare") view=pages::compare::Compare />
                    <Route path=path!("/about") view=pages::about::About />
                </Routes>
            </main>
            <SiteFooter />
        </Router>
    }
}

/// Mounts [`App`] on the page body and removes the loading notice that `index.html` shows until now.
pub fn mount() {
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(App);
    browser::register_service_worker();
}
