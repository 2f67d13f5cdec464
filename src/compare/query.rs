//! The comparison page's state in its URL: `/compare?view=side&s=observer-1936,new-statesman-1936&by=1936-09`.
//!
//! | parameter | meaning | default |
//! |---|---|---|
//! | `view` | `cards`, `side`, `matrix` or `work` | `cards` |
//! | `s` | the accounts picked for side by side, comma-separated ids, at most [`MAX_PICKED`] | none |
//! | `by` | what a reader could know by this date (ISO, any precision) | today |
//! | `sort` | the order of the matrix columns, `date` or `kind` | `date` |
//! | `q` | the question whose claims are highlighted side by side | every question |
//!
//! Parsing never fails: unknown values, ids of unknown accounts and repeats are dropped.

use crate::dataset::{Dataset, Date};

use super::matrix::SortKey;

/// The most accounts read side by side.
pub const MAX_PICKED: usize = 4;
/// The fewest accounts worth reading side by side.
pub const MIN_PICKED: usize = 2;

/// The parts of the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Cards,
    Side,
    Matrix,
    Work,
}

impl View {
    /// Every view, in the order of the page's navigation.
    pub const ALL: [View; 4] = [View::Cards, View::Side, View::Matrix, View::Work];

    /// The value in the URL.
    pub fn keyword(self) -> &'static str {
        match self {
            View::Cards => "cards",
            View::Side => "side",
            View::Matrix => "matrix",
            View::Work => "work",
        }
    }

    /// The name of the view, for its link and heading.
    pub fn label(self) -> &'static str {
        match self {
            View::Cards => "Source cards",
            View::Side => "Side by side",
            View::Matrix => "Claims matrix",
            View::Work => "Your judgement",
        }
    }

    /// The view for a URL value.
    pub fn from_keyword(keyword: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.keyword() == keyword)
    }
}

/// Everything the URL says about the page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CompareQuery {
    pub view: View,
    /// Ids of accounts of the trial, in the order they were picked.
    pub picked: Vec<String>,
    /// Show only what was public by the end of this date; `None` is today.
    pub by: Option<Date>,
    pub sort: SortKey,
    /// The id of a question in `data/claims.toml`.
    pub question: Option<String>,
}

impl CompareQuery {
    /// Reads the query through `get` (a parameter's value by name), keeping only what `data` knows.
    pub fn parse(get: impl Fn(&str) -> Option<String>, data: &Dataset) -> CompareQuery {
        let view = get("view")
            .and_then(|v| View::from_keyword(&v))
            .unwrap_or_default();
        let mut picked: Vec<String> = Vec::new();
        for id in get("s").unwrap_or_default().split(',').map(str::trim) {
            let known = data.source(id).is_some_and(|s| s.trial_1936);
            if known && !picked.iter().any(|p| p == id) && picked.len() < MAX_PICKED {
                picked.push(id.to_string());
            }
        }
        let by = get("by").and_then(|b| Date::parse_iso(b.trim()).ok());
        let sort = get("sort")
            .and_then(|s| SortKey::from_keyword(&s))
            .unwrap_or_default();
        let question = get("q").filter(|q| data.question(q).is_some());
        CompareQuery {
            view,
            picked,
            by,
            sort,
            question,
        }
    }

    /// The query string, starting with `?`, leaving out defaults (`""` when everything is default).
    pub fn to_query(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if self.view != View::default() {
            parts.push(format!("view={}", self.view.keyword()));
        }
        if !self.picked.is_empty() {
            parts.push(format!("s={}", self.picked.join(",")));
        }
        if let Some(by) = self.by {
            parts.push(format!("by={}", by.iso()));
        }
        if self.sort != SortKey::default() {
            parts.push(format!("sort={}", self.sort.keyword()));
        }
        if let Some(question) = &self.question {
            parts.push(format!("q={question}"));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    /// The page's address with this state.
    pub fn href(&self) -> String {
        format!("/compare{}", self.to_query())
    }

    /// The same state in another view.
    pub fn with_view(&self, view: View) -> CompareQuery {
        CompareQuery {
            view,
            ..self.clone()
        }
    }

    /// The same state with another "known by" date.
    pub fn with_by(&self, by: Option<Date>) -> CompareQuery {
        CompareQuery { by, ..self.clone() }
    }

    /// The same state with another column order.
    pub fn with_sort(&self, sort: SortKey) -> CompareQuery {
        CompareQuery {
            sort,
            ..self.clone()
        }
    }

    /// The same state highlighting another question (`None`: every question).
    pub fn with_question(&self, question: Option<&str>) -> CompareQuery {
        CompareQuery {
            question: question.map(str::to_string),
            ..self.clone()
        }
    }

    /// Whether this account is picked.
    pub fn is_picked(&self, id: &str) -> bool {
        self.picked.iter().any(|p| p == id)
    }

    /// The state with `id` picked if it was not (while fewer than [`MAX_PICKED`] are), or unpicked if it was.
    pub fn toggled(&self, id: &str) -> CompareQuery {
        let mut picked = self.picked.clone();
        if let Some(at) = picked.iter().position(|p| p == id) {
            picked.remove(at);
        } else if picked.len() < MAX_PICKED {
            picked.push(id.to_string());
        }
        CompareQuery {
            picked,
            ..self.clone()
        }
    }

    /// Whether another account can be picked.
    pub fn can_pick_more(&self) -> bool {
        self.picked.len() < MAX_PICKED
    }
}
