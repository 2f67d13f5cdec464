//! The quiz pages.

use leptos::prelude::*;
use leptos_meta::Title;

macro_rules! quiz_page {
    ($name:ident, $title:literal) => {
        /// A quiz page.
        #[component]
        pub fn $name() -> impl IntoView {
            view! {
                <Title text=$title />
                <article class="page">
                    <h1>$title</h1>
                </article>
            }
        }
    };
}

quiz_page!(QuizHome, "Quiz");
quiz_page!(QuizTest, "Quiz: test");
quiz_page!(Practice, "Quiz: practice");
quiz_page!(Progress, "Quiz: progress");
quiz_page!(AnswerKey, "Quiz: answer key");
