//! Grading: the documented tolerance for typed dates at its edges, multiple choice, ordering, and input errors.
#![cfg(not(target_arch = "wasm32"))]

use kamenev::quiz::grade::{
    grade, grade_date, grade_order, parse_date, InputError, Outcome, Response,
};
use kamenev::quiz::{bank, Answer, YearMonth};

fn year(y: u16) -> YearMonth {
    YearMonth {
        year: y,
        month: None,
    }
}

fn month(y: u16, m: u8) -> YearMonth {
    YearMonth {
        year: y,
        month: Some(m),
    }
}

#[test]
fn typed_year_tolerance_edges() {
    let answer = year(1917);
    let cases = [
        (1917, Outcome::Correct, 1.0, "Exactly right."),
        (1918, Outcome::Close, 0.5, "1 year out (half credit)."),
        (1916, Outcome::Close, 0.5, "1 year out (half credit)."),
        (1919, Outcome::Close, 0.25, "2 years out (quarter credit)."),
        (1915, Outcome::Close, 0.25, "2 years out (quarter credit)."),
        (1920, Outcome::Wrong, 0.0, "3 years out."),
        (1883, Outcome::Wrong, 0.0, "34 years out."),
    ];
    for (given, outcome, credit, detail) in cases {
        let graded = grade_date(answer, year(given));
        assert_eq!(
            (graded.outcome, graded.credit, graded.detail.as_str()),
            (outcome, credit, detail),
            "{given}"
        );
    }
}

#[test]
fn typed_month_tolerance_edges_cross_year_boundaries() {
    let answer = month(1924, 1);
    let cases = [
        (month(1924, 1), Outcome::Correct, 1.0),
        (month(1923, 12), Outcome::Close, 0.5),
        (month(1924, 3), Outcome::Close, 0.5),
        (month(1924, 4), Outcome::Close, 0.25),
        (month(1923, 1), Outcome::Close, 0.25),
        (month(1925, 1), Outcome::Close, 0.25),
        (month(1925, 2), Outcome::Wrong, 0.0),
        (month(1922, 12), Outcome::Wrong, 0.0),
    ];
    for (given, outcome, credit) in cases {
        let graded = grade_date(answer, given);
        assert_eq!(
            (graded.outcome, graded.credit),
            (outcome, credit),
            "{given:?}"
        );
    }
    assert_eq!(
        grade_date(answer, month(1923, 12)).detail,
        "1 month out (half credit)."
    );
    assert_eq!(grade_date(answer, month(1925, 2)).detail, "13 months out.");
}

#[test]
fn typed_input_is_checked_before_grading() {
    assert_eq!(parse_date(" 1917 ", None, false), Ok(year(1917)));
    assert_eq!(parse_date("1917", Some(4), true), Ok(month(1917, 4)));
    assert_eq!(
        parse_date("1917", Some(4), false),
        Ok(year(1917)),
        "a month is ignored when not asked"
    );
    assert_eq!(parse_date("", None, false), Err(InputError::NoYear));
    assert_eq!(
        parse_date("191", None, false),
        Err(InputError::NotAYear("191".into()))
    );
    assert_eq!(
        parse_date("nineteen", None, false),
        Err(InputError::NotAYear("nineteen".into()))
    );
    assert_eq!(
        parse_date("+917", None, false),
        Err(InputError::NotAYear("+917".into()))
    );
    assert_eq!(parse_date("1917", None, true), Err(InputError::NoMonth));
    assert_eq!(parse_date("1917", Some(13), true), Err(InputError::NoMonth));
    assert_eq!(
        parse_date("1066", None, false),
        Err(InputError::YearOutOfRange(1066))
    );
    assert!(InputError::NoMonth.to_string().contains("month"));
}

#[test]
fn ordering_credit_counts_pairs_in_the_right_order() {
    let correct = [2, 0, 3, 1];
    let perfect = grade_order(&correct, &[2, 0, 3, 1]);
    assert_eq!((perfect.outcome, perfect.credit), (Outcome::Correct, 1.0));
    let one_swap = grade_order(&correct, &[0, 2, 3, 1]);
    assert_eq!(one_swap.outcome, Outcome::Close);
    assert!((one_swap.credit - 5.0 / 6.0).abs() < 1e-6);
    assert_eq!(one_swap.detail, "5 of 6 pairs in the right order.");
    let reversed = grade_order(&correct, &[1, 3, 0, 2]);
    assert_eq!((reversed.outcome, reversed.credit), (Outcome::Wrong, 0.0));
    let missing = grade_order(&correct, &[2, 0, 3]);
    assert_eq!((missing.outcome, missing.credit), (Outcome::Wrong, 0.0));
}

#[test]
fn every_question_grades_its_own_answer_as_correct() {
    for question in &bank().questions {
        let response = match &question.answer {
            Answer::TypedDate(date) => Response::Date(*date),
            Answer::Choice { correct, .. } => Response::Choice(*correct),
            Answer::Order { correct, .. } => Response::Order(correct.clone()),
        };
        let graded = grade(question, &response);
        assert_eq!(
            (graded.outcome, graded.credit),
            (Outcome::Correct, 1.0),
            "{}",
            question.id
        );
    }
}

#[test]
fn wrong_choices_and_wrong_shapes_earn_nothing() {
    for question in &bank().questions {
        if let Answer::Choice { options, correct } = &question.answer {
            let wrong = (correct + 1) % options.len();
            assert_eq!(
                grade(question, &Response::Choice(wrong)).credit,
                0.0,
                "{}",
                question.id
            );
            assert_eq!(
                grade(question, &Response::Date(year(1917))).outcome,
                Outcome::Wrong
            );
        }
    }
}
