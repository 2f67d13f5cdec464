//! Search over the real dataset: folding, name variants, prefixes, grouping, highlighting and links.
#![cfg(not(target_arch = "wasm32"))]

use kamenev::dataset::{ParagraphKind, DATA};
use kamenev::search::{fold::fold, site_index, Group, GroupResults, Hit, Results};

fn search(query: &str) -> Results<'static> {
    site_index().search(query, 1000)
}

fn group<'a>(results: &'a Results<'static>, group: Group) -> &'a GroupResults<'static> {
    results
        .groups
        .iter()
        .find(|g| g.group == group)
        .expect("every group is listed")
}

/// The paragraph id a result links to, if it links to one.
fn paragraph_of(hit: &Hit) -> Option<&'static str> {
    let (_, id) = hit.href.split_once('#')?;
    DATA.paragraph(id).map(|p| p.id)
}

fn paragraphs_found(results: &Results<'static>, g: Group) -> Vec<&'static str> {
    group(results, g)
        .hits
        .iter()
        .filter_map(paragraph_of)
        .collect()
}

fn marked(hit: &Hit) -> Vec<String> {
    let title = hit.title.iter();
    let body = hit.snippet.pieces.iter();
    title
        .chain(body)
        .filter(|p| p.marked)
        .map(|p| p.text.to_string())
        .collect()
}

#[test]
fn grigory_finds_the_paragraphs_that_say_gregory_zinoviev() {
    let results = search("Grigory");
    let found = paragraphs_found(&results, Group::Chapters);
    assert!(
        found.contains(&"p9"),
        "p9 names \"Gregory Zinoviev\": {found:?}"
    );
    let p9 = group(&results, Group::Chapters)
        .hits
        .iter()
        .find(|h| paragraph_of(h) == Some("p9"))
        .unwrap();
    assert!(
        marked(p9).iter().any(|m| m == "Gregory Zinoviev"),
        "the whole name is highlighted: {:?}",
        marked(p9)
    );
    let people = &group(&results, Group::People).hits;
    assert!(people.iter().any(|h| h.href == "/people/zinoviev"));
}

#[test]
fn a_spelling_variant_finds_the_other_spellings() {
    // The text writes "Nickolai Bukharin" (p32), "Nikolay Bukharin" and "Bucharin" (p191).
    let found = paragraphs_found(&search("Bucharin"), Group::Chapters);
    assert!(found.contains(&"p32"), "{found:?}");
    let sources = paragraphs_found(&search("Nikolai Bukharin"), Group::Sources);
    assert!(sources.contains(&"p191"), "{sources:?}");
}

#[test]
fn a_first_name_finds_only_the_people_who_bear_it() {
    // Ordzhonikidze is "Sergo" in the records and "Gregory Ordzhonikidze" in the text (p13).
    let results = search("Sergo");
    let found = paragraphs_found(&results, Group::Chapters);
    assert!(found.contains(&"p13"), "{found:?}");
    assert!(
        !found.contains(&"p96"),
        "p96 names Gregory Zinoviev, who is not Sergo: {found:?}"
    );
}

#[test]
fn case_and_accents_do_not_matter() {
    let plain = search("zinoviev");
    for variant in ["ZINOVIEV", "Zinóviev", "Zïnoviev"] {
        let other = search(variant);
        assert_eq!(other.total, plain.total, "{variant}");
        assert_eq!(
            paragraphs_found(&other, Group::Chapters),
            paragraphs_found(&plain, Group::Chapters)
        );
    }
    assert!(plain.total > 20);
}

#[test]
fn accented_text_is_found_by_its_plain_spelling() {
    // p78 has "protégé".
    let results = search("protege ");
    assert!(paragraphs_found(&results, Group::Chapters).contains(&"p78"));
    let hit = group(&results, Group::Chapters)
        .hits
        .iter()
        .find(|h| paragraph_of(h) == Some("p78"))
        .unwrap();
    assert!(
        marked(hit).iter().any(|m| m == "protégé"),
        "{:?}",
        marked(hit)
    );
}

#[test]
fn the_last_word_is_a_prefix_while_typing_but_not_after_a_space() {
    assert!(search("zinov").total > 0);
    assert_eq!(
        search("zinov ").total,
        0,
        "a finished word must match whole"
    );
    let typing = search("Kamenev tri");
    let found = paragraphs_found(&typing, Group::Chapters);
    assert!(
        found.contains(&"p101"),
        "\"tri\" begins \"trial\": {found:?}"
    );
}

#[test]
fn a_glossary_variant_finds_the_term_and_its_other_forms() {
    // "politburo" is written "Political Bureau" in Page Arnot's account (p191).
    let results = search("politburo");
    assert!(paragraphs_found(&results, Group::Sources).contains(&"p191"));
    assert!(group(&results, Group::Glossary)
        .hits
        .iter()
        .any(|h| h.href == "/glossary#term-politburo"));
}

#[test]
fn plurals_and_singulars_match_each_other() {
    let singular = paragraphs_found(&search("trial "), Group::Chapters);
    let plural = paragraphs_found(&search("trials "), Group::Chapters);
    let mut a = singular.clone();
    let mut b = plural.clone();
    a.sort_unstable();
    b.sort_unstable();
    assert_eq!(a, b);
    assert!(!singular.is_empty());
}

#[test]
fn every_word_of_the_query_must_match() {
    let results = search("Kirov Nikolayev ");
    assert!(results.total > 0);
    for g in &results.groups {
        for hit in &g.hits {
            let text: String = hit
                .snippet
                .pieces
                .iter()
                .map(|p| p.text)
                .collect::<String>();
            let doc = site_index()
                .docs
                .iter()
                .find(|d| d.href == hit.href)
                .unwrap();
            let all = fold(&format!("{} {}", doc.title, doc.body));
            assert!(
                all.contains("kirov") && all.contains("nikola"),
                "{}: {text}",
                hit.href
            );
        }
    }
}

#[test]
fn words_next_to_each_other_rank_first() {
    let results = search("Moscow Soviet ");
    let best = &group(&results, Group::Chapters).hits[0];
    let text = marked(best).join(" ");
    assert!(
        text.contains("Moscow Soviet") || text.contains("Moscow soviet"),
        "{text}"
    );
}

#[test]
fn results_are_grouped_in_order_with_totals() {
    let results = site_index().search("Kamenev", 5);
    let order: Vec<Group> = results.groups.iter().map(|g| g.group).collect();
    assert_eq!(order, Group::ALL.to_vec());
    assert_eq!(
        results.total,
        results.groups.iter().map(|g| g.total).sum::<usize>()
    );
    let chapters = group(&results, Group::Chapters);
    assert_eq!(chapters.hits.len(), 5, "the list is cut to the limit");
    assert!(
        chapters.total > 30,
        "but the total counts every match: {}",
        chapters.total
    );
    let scores: Vec<u32> = chapters.hits.iter().map(|h| h.score).collect();
    assert!(
        scores.windows(2).all(|w| w[0] >= w[1]),
        "best first: {scores:?}"
    );
}

#[test]
fn every_result_links_to_the_exact_paragraph() {
    let results = search("the");
    for hit in results.groups.iter().flat_map(|g| &g.hits) {
        let href = hit.href;
        if let Some(rest) = href.strip_prefix("/chapters/") {
            let Some((chapter, paragraph)) = rest.split_once('#') else {
                assert!(DATA.chapter(rest).is_some(), "{href}");
                continue;
            };
            let found = DATA
                .paragraph(paragraph)
                .unwrap_or_else(|| panic!("{href}"));
            assert_eq!(found.kind, ParagraphKind::Narrative, "{href}");
            assert_eq!(
                DATA.chapter_of(paragraph).map(|c| c.id),
                Some(chapter),
                "{href}"
            );
        } else if let Some(rest) = href.strip_prefix("/sources/") {
            let (number, paragraph) = rest.split_once('#').unwrap_or_else(|| panic!("{href}"));
            let found = DATA
                .paragraph(paragraph)
                .unwrap_or_else(|| panic!("{href}"));
            assert_eq!(found.source_number, number.parse().ok(), "{href}");
        } else if let Some(id) = href.strip_prefix("/people/") {
            assert!(DATA.person(id).is_some(), "{href}");
        } else if let Some(id) = href.strip_prefix("/glossary#term-") {
            assert!(DATA.term(id).is_some(), "{href}");
        } else {
            panic!("unexpected link {href}");
        }
    }
}

#[test]
fn every_paragraph_of_chapters_and_sources_is_indexed_once() {
    let index = site_index();
    let linked = |id: &str| {
        index
            .docs
            .iter()
            .filter(|d| d.href.ends_with(&format!("#{id}")))
            .count()
    };
    for paragraph in DATA.paragraphs {
        let expected = match paragraph.kind {
            ParagraphKind::Narrative | ParagraphKind::SourceHeading | ParagraphKind::SourceBody => {
                1
            }
            _ => 0,
        };
        assert_eq!(
            linked(paragraph.id),
            expected,
            "{} ({:?})",
            paragraph.id,
            paragraph.kind
        );
    }
    assert_eq!(
        index
            .docs
            .iter()
            .filter(|d| d.group == Group::People)
            .count(),
        DATA.people.len()
    );
    assert_eq!(
        index
            .docs
            .iter()
            .filter(|d| d.group == Group::Glossary)
            .count(),
        DATA.terms.len()
    );
}

#[test]
fn repeated_passages_are_indexed_once() {
    let index = site_index();
    for duplicate in DATA.duplicates {
        let doc = index
            .docs
            .iter()
            .find(|d| d.href.ends_with(&format!("#{}", duplicate.paragraph)))
            .unwrap();
        let paragraph = DATA.paragraph(duplicate.paragraph).unwrap();
        let in_text = paragraph.text.matches(duplicate.quote).count();
        assert_eq!(
            doc.body.matches(duplicate.quote).count(),
            in_text - 1,
            "{}",
            duplicate.id
        );
    }
}

#[test]
fn highlights_are_verbatim_pieces_of_the_shown_text() {
    for query in [
        "Grigory",
        "Zinóviev",
        "politburo",
        "Moscow Soviet",
        "Sheridan Kamenev",
    ] {
        let results = search(query);
        for hit in results.groups.iter().flat_map(|g| &g.hits) {
            let doc = site_index()
                .docs
                .iter()
                .find(|d| d.href == hit.href)
                .unwrap();
            let title: String = hit.title.iter().map(|p| p.text).collect();
            assert_eq!(title, doc.title);
            let snippet: String = hit.snippet.pieces.iter().map(|p| p.text).collect();
            assert!(doc.body.contains(&snippet), "{query}: {snippet}");
            assert!(
                hit.snippet
                    .pieces
                    .iter()
                    .chain(&hit.title)
                    .any(|p| p.marked),
                "{query}: {}",
                hit.href
            );
        }
    }
}

#[test]
fn long_snippets_are_cut_around_the_match() {
    let results = search("Tsereteli");
    let hit = &group(&results, Group::Chapters).hits[0];
    let doc = site_index()
        .docs
        .iter()
        .find(|d| d.href == hit.href)
        .unwrap();
    let shown: usize = hit.snippet.pieces.iter().map(|p| p.text.len()).sum();
    assert!(
        doc.body.len() > shown,
        "the paragraph is longer than its snippet"
    );
    assert!(shown <= kamenev::search::query::SNIPPET_BUDGET);
    assert!(hit
        .snippet
        .pieces
        .iter()
        .any(|p| p.marked && p.text.ends_with("Tsereteli")));
}

#[test]
fn empty_punctuation_and_unknown_queries_find_nothing() {
    for query in ["", "   ", "?!", "xyzzyq"] {
        let results = search(query);
        assert_eq!(results.total, 0, "{query:?}");
        assert!(results.groups.iter().all(|g| g.hits.is_empty()));
    }
    assert!(search("?!").query.is_empty());
    assert!(!search("xyzzyq").query.is_empty());
}

#[test]
fn an_overlong_query_is_cut_not_refused() {
    let long = format!("Kamenev {}", "a".repeat(500));
    let results = search(&long);
    assert!(results.query.truncated);
    assert!(results
        .query
        .words
        .iter()
        .all(|w| w.text.chars().count() <= 200));
}

#[test]
fn chapter_titles_and_summaries_are_searchable() {
    let chapter = &DATA.chapters[0];
    let results = search(chapter.title);
    let first = &group(&results, Group::Chapters).hits[0];
    assert_eq!(first.href, format!("/chapters/{}", chapter.id));
    assert!(first.title.iter().any(|p| p.marked));
}

#[test]
fn primary_sources_are_titled_by_number_author_and_work() {
    let results = search("Duranty");
    let sources = group(&results, Group::Sources);
    assert!(sources.total > 0);
    let titles: Vec<String> = sources
        .hits
        .iter()
        .map(|h| h.title.iter().map(|p| p.text).collect::<String>())
        .collect();
    assert!(
        titles
            .iter()
            .any(|t| t.starts_with("Source 5: Walter Duranty")),
        "{titles:?}"
    );
}

// ----- tidy -----

#[test]
fn the_search_logic_never_imports_ui_or_browser_crates() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/search");
    let mut offences = Vec::new();
    let mut files = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let source = std::fs::read_to_string(&path).unwrap();
        files += 1;
        for (number, line) in source.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for name in ["leptos", "web_sys", "wasm_bindgen", "gloo", "js_sys"] {
                if code.contains(&format!("{name}::"))
                    || code.trim_start().starts_with(&format!("use {name}"))
                {
                    offences.push(format!(
                        "{}:{}: {}",
                        path.display(),
                        number + 1,
                        line.trim()
                    ));
                }
            }
        }
    }
    assert!(files > 0, "src/search has files");
    assert!(
        offences.is_empty(),
        "UI or browser imports in src/search:\n{}",
        offences.join("\n")
    );
}
