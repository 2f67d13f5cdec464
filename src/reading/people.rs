//! The people index and what a person's page lists.
//!
//! The index groups people by their faction at the 1903 split (Bolsheviks, Mensheviks, then everyone the text
//! gives no faction for), sorted by surname inside each group, and filters them by a word typed by the reader.

use crate::dataset::{Date, Faction, MarkKind, Paragraph, Person, Position};
use crate::search::fold::lowercase;

/// One group of the people index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeopleGroup {
    /// `None`: the text gives no faction for them in 1903.
    pub faction: Option<Faction>,
    pub people: Vec<&'static Person>,
}

impl PeopleGroup {
    /// The group's heading.
    pub fn heading(&self) -> &'static str {
        match self.faction {
            Some(Faction::Bolshevik) => "Bolsheviks in 1903",
            Some(Faction::Menshevik) => "Mensheviks in 1903",
            None => "Others, or faction in 1903 not known",
        }
    }

    /// A stable id for the group's heading, for `aria-labelledby` and links.
    pub fn anchor(&self) -> &'static str {
        match self.faction {
            Some(faction) => faction.keyword(),
            None => "others",
        }
    }
}

/// The key to sort a name by: the surname (the last word that is not a Roman numeral, "Nicholas II" sorts
/// under "Nicholas"), then the whole name, case-insensitive.
pub fn sort_key(name: &str) -> (String, String) {
    let roman = |w: &str| !w.is_empty() && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
    let surname = name
        .split_whitespace()
        .rev()
        .find(|w| !roman(w))
        .unwrap_or(name);
    (lowercase(surname), lowercase(name))
}

/// Whether the person matches what the reader typed: every word of `filter` occurs (case-insensitive) in their
/// name, a form of their name the text uses, or their role. An empty filter matches everyone.
pub fn matches(person: &Person, filter: &str) -> bool {
    let haystack = std::iter::once(person.name)
        .chain(person.variants.iter().copied())
        .chain(std::iter::once(person.role))
        .collect::<Vec<_>>()
        .join(" ");
    let haystack = lowercase(&haystack);
    filter
        .split_whitespace()
        .all(|word| haystack.contains(&lowercase(word)))
}

/// The people matching `filter`, grouped by faction in 1903 (Bolsheviks, Mensheviks, others), each group
/// sorted by [`sort_key`]; empty groups are left out.
pub fn group_people(people: &'static [Person], filter: &str) -> Vec<PeopleGroup> {
    [Some(Faction::Bolshevik), Some(Faction::Menshevik), None]
        .into_iter()
        .map(|faction| {
            let mut people: Vec<&'static Person> = people
                .iter()
                .filter(|p| p.faction_1903 == faction && matches(p, filter))
                .collect();
            crate::sorting::sort_by_cached_key(&mut people, |p| sort_key(p.name));
            PeopleGroup { faction, people }
        })
        .filter(|group| !group.people.is_empty())
        .collect()
}

/// A person's positions in time order: by start date (or end date where only that is known); undated
/// positions last, in file order.
pub fn positions_in_order(
    positions: impl IntoIterator<Item = &'static Position>,
) -> Vec<&'static Position> {
    let mut positions: Vec<&'static Position> = positions.into_iter().collect();
    crate::sorting::sort_by_key(&mut positions, |p| {
        let date: Option<Date> = p.from.or(p.to);
        (date.is_none(), date)
    });
    positions
}

/// "1918–1926", "from 1917", "until 1936", or `None` when the position is undated.
pub fn position_dates(position: &Position) -> Option<String> {
    match (position.from, position.to) {
        (Some(from), Some(to)) if from == to => Some(from.to_string()),
        (Some(from), Some(to)) => Some(format!("{from} – {to}")),
        (Some(from), None) => Some(format!("from {from}")),
        (None, Some(to)) => Some(format!("until {to}")),
        (None, None) => None,
    }
}

/// A short extract of a paragraph around the first mention of a person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippet {
    /// The words before the name, starting with "…" when cut.
    pub before: String,
    /// The name as the text writes it.
    pub name: &'static str,
    /// The words after the name, ending with "…" when cut.
    pub after: String,
}

/// An extract of about `radius` characters each side of the person's first mention in the paragraph, cut at
/// spaces; `None` if the paragraph does not mention them.
pub fn mention_snippet(paragraph: &Paragraph, person: &str, radius: usize) -> Option<Snippet> {
    let mark = paragraph
        .marks
        .iter()
        .find(|m| matches!(m.kind, MarkKind::Person(id) if id == person))?;
    let radius = radius.max(1);
    let text = paragraph.text;
    let (start, end) = (mark.span.start as usize, mark.span.end as usize);
    let before = &text[..start];
    let after = &text[end..];
    let cut_before = if before.chars().count() > radius {
        let from = before
            .char_indices()
            .rev()
            .nth(radius - 1)
            .map_or(0, |(i, _)| i);
        let from = before[from..]
            .find(' ')
            .map_or(from, |space| from + space + 1);
        format!("…{}", &before[from..])
    } else {
        before.to_string()
    };
    let cut_after = if after.chars().count() > radius {
        let to = after
            .char_indices()
            .nth(radius)
            .map_or(after.len(), |(i, _)| i);
        let to = after[..to].rfind(' ').unwrap_or(to);
        format!("{}…", &after[..to])
    } else {
        after.to_string()
    };
    Some(Snippet {
        before: cut_before,
        name: &text[start..end],
        after: cut_after,
    })
}
