//! Day arithmetic on the dataset's dates: how far an account is from the trial, and whether a reader could have
//! known it by a chosen date.
//!
//! A [`Date`] has the precision the text gives it (a year, a month or a day), so every computation here works on
//! the first and last day a date can mean, and says "about" when the precision is coarse.

use std::fmt;

use crate::dataset::{Date, DateSpan, Source};

/// A calendar day, counted from 1 January 1970 (negative before it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub i32);

impl Day {
    /// The day `year-month-day` of the Gregorian calendar.
    pub const fn new(year: i32, month: u32, day: u32) -> Day {
        // Howard Hinnant's days_from_civil: years start in March, so February's leap day comes last.
        let y = if month <= 2 { year - 1 } else { year };
        let era = (if y >= 0 { y } else { y - 399 }) / 400;
        let year_of_era = (y - era * 400) as u32;
        let month_from_march = (month + 9) % 12;
        let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        Day(era * 146_097 + day_of_era as i32 - 719_468)
    }

    /// The first day a date can mean: `1936` is 1 January 1936, `1936-09` is 1 September 1936.
    pub fn first_of(date: Date) -> Day {
        let month = date.month.unwrap_or(1);
        Day::new(date.year.into(), month.into(), date.day.unwrap_or(1).into())
    }

    /// The last day a date can mean: `1936` is 31 December 1936, `1936-09` is 30 September 1936.
    pub fn last_of(date: Date) -> Day {
        let month = date.month.unwrap_or(12);
        let day = date.day.unwrap_or_else(|| days_in_month(date.year, month));
        Day::new(date.year.into(), month.into(), day.into())
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The first day of the trial, 19 August 1936 (the event `trial-opens`).
pub const TRIAL_OPENED: Day = Day::new(1936, 8, 19);
/// The day of the verdict, 24 August 1936 (the event `verdict-1936`); distances are counted from it.
pub const VERDICT: Day = Day::new(1936, 8, 24);

/// How precisely a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// The precision of a date.
pub fn precision(date: Date) -> Precision {
    match (date.month, date.day) {
        (Some(_), Some(_)) => Precision::Day,
        (Some(_), None) => Precision::Month,
        _ => Precision::Year,
    }
}

/// The unit of a distance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Days,
    Months,
    Years,
}

/// A length of time; `approximate` when the dates are too coarse (or too far apart) to count exactly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Amount {
    pub count: u32,
    pub unit: Unit,
    pub approximate: bool,
}

/// "9 days", "about a month", "about 15 months", "about 65 years".
impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (one, many) = match self.unit {
            Unit::Days => ("day", "days"),
            Unit::Months => ("month", "months"),
            Unit::Years => ("year", "years"),
        };
        match (self.approximate, self.count) {
            (true, 1) => write!(f, "about a {one}"),
            (true, n) => write!(f, "about {n} {many}"),
            (false, 1) => write!(f, "1 {one}"),
            (false, n) => write!(f, "{n} {many}"),
        }
    }
}

/// How far an account is from the trial, at the precision of its date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Distance {
    /// Made while the trial was running, 19–24 August 1936.
    DuringTrial,
    /// Dated only to August 1936, so it cannot be placed before or after the trial.
    SameMonth,
    /// Dated only to 1936.
    SameYear,
    /// Before the trial opened.
    Before(Amount),
    /// After the verdict.
    After(Amount),
}

/// "during the trial", "9 days after the trial", "about a month before the trial".
impl fmt::Display for Distance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Distance::DuringTrial => f.write_str("during the trial"),
            Distance::SameMonth => f.write_str("in the month of the trial"),
            Distance::SameYear => f.write_str("in the year of the trial"),
            Distance::Before(amount) => write!(f, "{amount} before the trial"),
            Distance::After(amount) => write!(f, "{amount} after the trial"),
        }
    }
}

/// A number of days as days (under 60), months (under two years) or years.
fn scale_days(days: i32, approximate: bool) -> Amount {
    let days = days.unsigned_abs();
    if days < 60 {
        Amount {
            count: days,
            unit: Unit::Days,
            approximate,
        }
    } else if days < 730 {
        Amount {
            count: ((days as f32) / 30.44).round() as u32,
            unit: Unit::Months,
            approximate: true,
        }
    } else {
        Amount {
            count: ((days as f32) / 365.25).round() as u32,
            unit: Unit::Years,
            approximate: true,
        }
    }
}

/// A number of months as months (under two years) or years; always approximate.
fn scale_months(months: i32) -> Amount {
    let months = months.unsigned_abs();
    if months < 24 {
        Amount {
            count: months,
            unit: Unit::Months,
            approximate: true,
        }
    } else {
        Amount {
            count: ((months as f32) / 12.0).round() as u32,
            unit: Unit::Years,
            approximate: true,
        }
    }
}

/// How far a date (or range) is from the trial: counted from the verdict for later dates and from the opening for
/// earlier ones, at the precision of the date. A range that lies within the trial is [`Distance::DuringTrial`];
/// any other range is measured from its start.
pub fn distance(span: DateSpan) -> Distance {
    let (first, last) = (Day::first_of(span.start), Day::last_of(span.last()));
    if TRIAL_OPENED <= first && last <= VERDICT {
        return Distance::DuringTrial;
    }
    let date = span.start;
    let sign = |n: i32, amount: Amount| {
        if n < 0 {
            Distance::Before(amount)
        } else {
            Distance::After(amount)
        }
    };
    match precision(date) {
        Precision::Day if first > VERDICT => {
            Distance::After(scale_days(first.0 - VERDICT.0, span.approximate))
        }
        Precision::Day => Distance::Before(scale_days(TRIAL_OPENED.0 - first.0, span.approximate)),
        Precision::Month => {
            let month = i32::from(date.month.unwrap_or(1));
            let months = (i32::from(date.year) * 12 + month) - (1936 * 12 + 8);
            if months == 0 {
                Distance::SameMonth
            } else {
                sign(months, scale_months(months))
            }
        }
        Precision::Year => {
            let years = i32::from(date.year) - 1936;
            let amount = Amount {
                count: years.unsigned_abs(),
                unit: Unit::Years,
                approximate: true,
            };
            if years == 0 {
                Distance::SameYear
            } else {
                sign(years, amount)
            }
        }
    }
}

/// Whether a reader could have known an account by a chosen date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Known {
    /// Made public on or before the cut-off.
    Yes,
    /// Dated too coarsely to tell (published "1937", cut-off June 1937).
    Perhaps,
    /// Made public after the cut-off.
    NotYet,
    /// The text does not say when (or whether) it was made public.
    NoDate,
}

/// Whether `source` was public by the end of `cutoff` (the end of its year, month or day). With no cut-off
/// ("today") every account is known. Only the date of publication counts: something written but kept private,
/// like Stalin's reply to Kamenev, was not known to readers when it was said.
pub fn known_by(source: &Source, cutoff: Option<Date>) -> Known {
    let Some(cutoff) = cutoff else {
        return Known::Yes;
    };
    let Some(published) = source.published else {
        return Known::NoDate;
    };
    let end = Day::last_of(cutoff);
    if Day::last_of(published.last()) <= end {
        Known::Yes
    } else if Day::first_of(published.start) > end {
        Known::NotYet
    } else {
        Known::Perhaps
    }
}

/// A "known by" choice offered on the page: the value used in the URL (`by=1936-09`) and its label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cutoff {
    /// An ISO date (`1936-08-24`, `1936-09`, `1937`), or `""` for today.
    pub value: &'static str,
    pub label: &'static str,
}

/// The cut-offs the date control offers, earliest first, ending with today.
pub const CUTOFFS: &[Cutoff] = &[
    Cutoff {
        value: "1936-08-24",
        label: "24 August 1936, the day of the verdict",
    },
    Cutoff {
        value: "1936-09",
        label: "the end of September 1936",
    },
    Cutoff {
        value: "1936",
        label: "the end of 1936",
    },
    Cutoff {
        value: "1937",
        label: "the end of 1937",
    },
    Cutoff {
        value: "1960",
        label: "the end of 1960",
    },
    Cutoff {
        value: "",
        label: "today: every account",
    },
];

/// The label of a cut-off: the offered label, or "the end of <date>" for one typed into the URL.
pub fn cutoff_label(cutoff: Option<Date>) -> String {
    let value = cutoff.map(Date::iso).unwrap_or_default();
    match CUTOFFS.iter().find(|c| c.value == value) {
        Some(offered) => offered.label.to_string(),
        None => match cutoff {
            Some(date) if precision(date) == Precision::Day => date.to_string(),
            Some(date) => format!("the end of {date}"),
            None => "today".to_string(),
        },
    }
}
