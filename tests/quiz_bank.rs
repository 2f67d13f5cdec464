//! The generated question bank, checked over every question: one defensible answer, nothing resting silently on a
//! disputed value, distractors never equal to the answer, evidence verbatim and sufficient, and determinism.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;

use kamenev::dataset::{Dataset, MarkKind, ParagraphKind, Severity, Span, DATA};
use kamenev::quiz::bank::orderable;
use kamenev::quiz::text::MONTHS;
use kamenev::quiz::{bank, Answer, Bank, Question, QuestionType, Subject, YearMonth, SOURCES};

fn data() -> &'static Dataset {
    &DATA
}

/// The record id a question was generated from: `who:kamenev-pravda-editor` gives `kamenev-pravda-editor`.
fn record(question: &Question) -> &str {
    question.id.split_once(':').expect("ids are prefixed").1
}

fn person_id_by_name(name: &str) -> &'static str {
    data()
        .people
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no person named {name}"))
        .id
}

fn options(question: &Question) -> (&[String], usize) {
    match &question.answer {
        Answer::Choice { options, correct } => (options, *correct),
        other => panic!("{} is not multiple choice: {other:?}", question.id),
    }
}

/// The notes flagging words that overlap `quote` in `paragraph`, with their severity.
fn flags_over(paragraph: &str, quote: &str) -> Vec<(&'static str, Severity)> {
    let p = data().paragraph(paragraph).expect("paragraph");
    let Some(start) = p.text.find(quote) else {
        return Vec::new();
    };
    let span = Span {
        start: start as u32,
        end: (start + quote.len()) as u32,
    };
    p.marks
        .iter()
        .filter_map(|m| match m.kind {
            MarkKind::Flag(note) if m.span.overlaps(span) => {
                Some((note, data().note(note).expect("note").severity))
            }
            _ => None,
        })
        .collect()
}

/// The people the text names (person marks) within `quote` in `paragraph`.
fn named_in(paragraph: &str, quote: &str) -> Vec<&'static str> {
    let p = data().paragraph(paragraph).expect("paragraph");
    let start = p.text.find(quote).expect("quote is verbatim") as u32;
    let span = Span {
        start,
        end: start + quote.len() as u32,
    };
    p.marks
        .iter()
        .filter_map(|m| match m.kind {
            MarkKind::Person(person) if m.span.overlaps(span) => Some(person),
            _ => None,
        })
        .collect()
}

/// One record a question rests on: its citations as (paragraph, quote), and its notes.
type Basis = (Vec<(&'static str, &'static str)>, &'static [&'static str]);

/// The records (as citations and notes) a question rests on.
fn basis(question: &Question) -> Vec<Basis> {
    let d = data();
    let id = record(question);
    let event_basis = |event_id: &str| {
        let e = d.event(event_id).expect("event");
        let mut cites = vec![(e.paragraph, e.quote)];
        cites.extend(e.citations.iter().map(|c| (c.paragraph, c.quote)));
        (cites, e.notes)
    };
    match question.id.split(':').next().unwrap() {
        "date-typed" | "date-choice" => vec![event_basis(id)],
        "order" => id.split('+').map(event_basis).collect(),
        "who" | "what" => {
            let p = d.position(id).expect("position");
            let mut cites = vec![(p.paragraph, p.quote)];
            cites.extend(p.citations.iter().map(|c| (c.paragraph, c.quote)));
            vec![(cites, p.notes)]
        }
        "faction" => {
            let p = d
                .positions_of(id)
                .find(|p| p.topic.starts_with("split-1903"))
                .expect("1903 position");
            let mut cites = vec![(p.paragraph, p.quote)];
            cites.extend(p.citations.iter().map(|c| (c.paragraph, c.quote)));
            vec![(cites, p.notes)]
        }
        "said" => {
            let (source, n) = id.rsplit_once(':').unwrap();
            let s = d.source(source).expect("source");
            let c = s.citations[n.parse::<usize>().unwrap() - 1];
            vec![(vec![(c.paragraph, c.quote)], s.notes)]
        }
        other => panic!("unknown question kind {other}"),
    }
}

#[test]
fn the_bank_has_questions_of_every_type() {
    let bank = bank();
    for (kind, at_least) in [
        (QuestionType::Date, 60),
        (QuestionType::Order, 15),
        (QuestionType::Position, 150),
        (QuestionType::Attribution, 25),
    ] {
        assert!(
            bank.count(kind) >= at_least,
            "{kind:?}: {} questions, expected at least {at_least}",
            bank.count(kind)
        );
    }
}

#[test]
fn generation_is_deterministic() {
    let again = Bank::generate(&DATA);
    assert_eq!(again.questions, bank().questions);
}

#[test]
fn ids_are_unique_and_lookups_find_them() {
    let mut ids = HashSet::new();
    for question in &bank().questions {
        assert!(
            ids.insert(question.id.as_str()),
            "duplicate id {}",
            question.id
        );
        assert_eq!(bank().get(&question.id), Some(question));
    }
}

#[test]
fn every_question_belongs_to_a_known_chapter_or_the_sources() {
    for question in &bank().questions {
        assert!(
            question.chapter == SOURCES || data().chapter(question.chapter).is_some(),
            "{}: chapter {}",
            question.id,
            question.chapter
        );
        let first = question.evidence[0].paragraph;
        let expected = data().chapter_of(first).map_or(SOURCES, |c| c.id);
        if question.kind != QuestionType::Order && question.kind != QuestionType::Attribution {
            assert_eq!(question.chapter, expected, "{}", question.id);
        }
    }
}

#[test]
fn evidence_is_verbatim_whole_and_links_to_its_paragraph() {
    for question in &bank().questions {
        assert!(
            !question.evidence.is_empty(),
            "{} has no evidence",
            question.id
        );
        for evidence in &question.evidence {
            let paragraph = data()
                .paragraph(evidence.paragraph)
                .expect("paragraph exists");
            assert!(
                evidence.start < evidence.end,
                "{}: empty excerpt",
                question.id
            );
            assert!(
                paragraph
                    .text
                    .get(evidence.start as usize..evidence.end as usize)
                    .is_some(),
                "{}: excerpt is not on char boundaries",
                question.id
            );
            let href = evidence.href(data());
            assert!(
                href.ends_with(&format!("#{}", evidence.paragraph)),
                "{href}"
            );
            match paragraph.kind {
                ParagraphKind::Narrative => assert!(href.starts_with("/chapters/"), "{href}"),
                _ => assert!(href.starts_with("/sources/"), "{href}"),
            }
        }
    }
}

#[test]
fn date_evidence_states_the_year_and_the_month_asked() {
    for question in bank()
        .questions
        .iter()
        .filter(|q| q.kind == QuestionType::Date)
    {
        let excerpt = question.evidence[0].text(data());
        let event = data().event(record(question)).expect("event");
        assert!(
            excerpt.contains(&event.date.start.year.to_string()),
            "{}: {excerpt}",
            question.id
        );
        if let Answer::TypedDate(YearMonth { month: Some(m), .. }) = question.answer {
            assert!(
                excerpt.contains(MONTHS[m as usize - 1]),
                "{}: {excerpt}",
                question.id
            );
        }
    }
}

#[test]
fn dates_rest_only_on_exact_uncorrected_dates() {
    for question in bank()
        .questions
        .iter()
        .filter(|q| q.kind == QuestionType::Date)
    {
        let event = data().event(record(question)).expect("event");
        assert!(event.corrected_date.is_none(), "{}", question.id);
        assert!(
            !event.date.approximate && event.date.end.is_none(),
            "{}",
            question.id
        );
        let answer = match &question.answer {
            Answer::TypedDate(date) => *date,
            Answer::Choice { options, correct } => {
                let label = &options[*correct];
                let want = YearMonth {
                    year: event.date.start.year,
                    month: event.date.start.month,
                };
                assert!(
                    *label == want.label() || *label == event.date.start.year.to_string(),
                    "{}: {label}",
                    question.id
                );
                continue;
            }
            other => panic!("{other:?}"),
        };
        assert_eq!(answer.year, event.date.start.year, "{}", question.id);
        if answer.month.is_some() {
            assert_eq!(answer.month, event.date.start.month, "{}", question.id);
        }
    }
}

#[test]
fn choice_options_are_distinct_so_no_distractor_equals_the_answer() {
    for question in &bank().questions {
        if let Answer::Choice { options, correct } = &question.answer {
            assert!(*correct < options.len(), "{}", question.id);
            let distinct: HashSet<&str> = options.iter().map(|o| o.trim()).collect();
            assert_eq!(
                distinct.len(),
                options.len(),
                "{}: {options:?}",
                question.id
            );
            let expected = if question.id.starts_with("faction:") {
                2
            } else {
                4
            };
            assert_eq!(options.len(), expected, "{}", question.id);
        }
    }
}

#[test]
fn date_distractors_are_other_dates_near_the_answer() {
    for question in bank()
        .questions
        .iter()
        .filter(|q| q.id.starts_with("date-choice:"))
    {
        let (options, correct) = options(question);
        let event = data().event(record(question)).expect("event");
        assert!(correct < options.len());
        for option in options {
            let year: i32 = option
                .rsplit(' ')
                .next()
                .unwrap()
                .parse()
                .expect("ends with a year");
            assert!(
                (year - event.date.start.year as i32).abs() <= 5,
                "{}: {option}",
                question.id
            );
        }
    }
}

#[test]
fn who_questions_have_exactly_one_holder_among_the_options() {
    let d = data();
    for question in bank().questions.iter().filter(|q| q.id.starts_with("who:")) {
        let position = d.position(record(question)).expect("position");
        let (options, correct) = options(question);
        let holders: Vec<&str> = d
            .positions
            .iter()
            .filter(|p| {
                p.position
                    .trim()
                    .eq_ignore_ascii_case(position.position.trim())
            })
            .map(|p| p.person)
            .collect();
        let on_topic: HashSet<&str> = d
            .positions
            .iter()
            .filter(|p| p.topic == position.topic)
            .map(|p| p.person)
            .collect();
        for (i, option) in options.iter().enumerate() {
            let person = person_id_by_name(option);
            if i == correct {
                assert_eq!(person, position.person, "{}", question.id);
                continue;
            }
            assert!(
                !holders.contains(&person),
                "{}: {option} also holds it",
                question.id
            );
            assert!(
                !on_topic.contains(person),
                "{}: {option} is on the same topic",
                question.id
            );
            let named = named_in(position.paragraph, position.quote).contains(&person);
            assert!(!named, "{}: {option} is named in the quote", question.id);
        }
        assert!(
            holders.len() <= 2,
            "{}: {} holders",
            question.id,
            holders.len()
        );
        assert!(
            !position.position.to_lowercase().contains("member of"),
            "{}: memberships are never asked as who-held",
            question.id
        );
    }
}

#[test]
fn what_questions_offer_exactly_one_position_of_that_person() {
    let d = data();
    for question in bank()
        .questions
        .iter()
        .filter(|q| q.id.starts_with("what:"))
    {
        let position = d.position(record(question)).expect("position");
        let held: HashSet<String> = d
            .positions_of(position.person)
            .map(|p| p.position.trim().to_lowercase())
            .collect();
        let topics: HashSet<&str> = d.positions_of(position.person).map(|p| p.topic).collect();
        let (options, correct) = options(question);
        assert_eq!(options[correct], position.position, "{}", question.id);
        for (i, option) in options.iter().enumerate().filter(|(i, _)| *i != correct) {
            assert!(
                !held.contains(&option.trim().to_lowercase()),
                "{}: {option}",
                question.id
            );
            let others = d.positions.iter().filter(|p| p.position == option.as_str());
            for other in others {
                assert!(
                    !topics.contains(other.topic),
                    "{}: option {i} is on a topic the person holds",
                    question.id
                );
                assert_eq!(
                    other.kind, position.kind,
                    "{}: option {i} is of another kind",
                    question.id
                );
            }
        }
    }
}

#[test]
fn faction_questions_follow_faction_1903_and_skip_the_doubtful_lists() {
    let d = data();
    let factions: Vec<&Question> = bank()
        .questions
        .iter()
        .filter(|q| q.id.starts_with("faction:"))
        .collect();
    assert!(factions.len() >= 15);
    for question in factions {
        let person = d.person(record(question)).expect("person");
        assert!(!person.notes.contains(&"lists-1903"), "{}", question.id);
        let (options, correct) = options(question);
        let expected = match person.faction_1903.expect("has a 1903 faction") {
            kamenev::dataset::Faction::Bolshevik => "The Bolsheviks",
            kamenev::dataset::Faction::Menshevik => "The Mensheviks",
        };
        assert_eq!(options[correct], expected, "{}", question.id);
        assert!(question.prompt.contains(person.name), "{}", question.id);
    }
}

#[test]
fn attribution_has_one_author_among_the_options() {
    let d = data();
    for question in bank()
        .questions
        .iter()
        .filter(|q| q.kind == QuestionType::Attribution)
    {
        let Some(Subject::Quote(quote)) = question.subject else {
            panic!("{} shows no quote", question.id);
        };
        let (options, correct) = options(question);
        let (source_id, _) = record(question).rsplit_once(':').unwrap();
        let source = d.source(source_id).expect("source");
        assert_eq!(options[correct], source.author, "{}", question.id);
        for (i, option) in options.iter().enumerate().filter(|(i, _)| *i != correct) {
            let theirs = d.sources.iter().filter(|s| s.author == option.as_str());
            for other in theirs {
                let cites_it = other
                    .citations
                    .iter()
                    .any(|c| c.quote.contains(quote) || quote.contains(c.quote));
                assert!(
                    !cites_it,
                    "{}: option {i} ({option}) also cites it",
                    question.id
                );
            }
        }
        assert!(
            !quote.contains(source.author),
            "{}: the quote names its author",
            question.id
        );
        let evidence = question
            .evidence
            .iter()
            .map(|e| e.text(d))
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            evidence.contains(quote),
            "{}: evidence lacks the quote",
            question.id
        );
    }
}

#[test]
fn order_questions_have_one_possible_order() {
    let d = data();
    let orders: Vec<&Question> = bank()
        .questions
        .iter()
        .filter(|q| q.kind == QuestionType::Order)
        .collect();
    for question in orders {
        let Answer::Order {
            items,
            correct,
            dates,
        } = &question.answer
        else {
            panic!("{}", question.id);
        };
        assert!((3..=5).contains(&items.len()), "{}", question.id);
        assert_eq!(dates.len(), items.len());
        let mut sorted = correct.clone();
        sorted.sort_unstable();
        assert_eq!(
            sorted,
            (0..items.len()).collect::<Vec<_>>(),
            "{}: not a permutation",
            question.id
        );
        assert_ne!(correct, &sorted, "{}: shown already in order", question.id);
        let events: Vec<_> = record(question)
            .split('+')
            .map(|id| d.event(id).expect("event"))
            .collect();
        for (i, a) in events.iter().enumerate() {
            assert!(a.corrected_date.is_none(), "{}", question.id);
            for b in &events[i + 1..] {
                assert!(
                    orderable(a, b),
                    "{}: {} and {} overlap",
                    question.id,
                    a.id,
                    b.id
                );
                assert!(
                    a.date.last().cmp_coarse(b.date.start).is_lt(),
                    "{}: listed out of order",
                    question.id
                );
            }
        }
        for (rank, &item) in correct.iter().enumerate() {
            assert_eq!(items[item], events[rank].title, "{}", question.id);
        }
    }
}

#[test]
fn no_question_rests_silently_on_a_disputed_value() {
    for question in &bank().questions {
        let mut noted = false;
        for (cites, notes) in basis(question) {
            assert!(
                !notes.contains(&"lists-1903"),
                "{} rests on the 1903 lists note",
                question.id
            );
            noted |= !notes.is_empty();
            for (paragraph, quote) in cites {
                for (note, severity) in flags_over(paragraph, quote) {
                    assert_ne!(
                        severity,
                        Severity::High,
                        "{} rests on words flagged by the high-severity note {note}",
                        question.id
                    );
                    assert_ne!(note, "lists-1903", "{}", question.id);
                    noted = true;
                }
            }
        }
        if noted {
            assert!(
                question.according_to_text,
                "{} rests on noted records",
                question.id
            );
        }
        assert_eq!(
            question.according_to_text,
            question.prompt.starts_with("According to the text, "),
            "{}: {}",
            question.id,
            question.prompt
        );
    }
}

#[test]
fn noted_questions_name_notes_that_exist_and_can_be_shown() {
    for question in &bank().questions {
        for note in &question.notes {
            assert!(
                data().note(note).is_some(),
                "{}: unknown note {note}",
                question.id
            );
        }
    }
}
