//! [`Timex`]: a normalised date value (a year, a month or a day, with the
//! year possibly unknown), written and read as a TIMEX3-style string
//! (`2022`, `2022-07`, `2022-07-15`, `XXXX-07`, `XXXX-07-15`).
//!
//! The string form is the one in `parallax.analysis` (versions 1 and 2); everywhere else the
//! typed value is used, so no caller slices or re-parses the string.
//! Depends on `chrono` only (the `tools/date-crates` harness includes it).

use chrono::{Datelike, NaiveDate};
use std::fmt;
use std::str::FromStr;

/// How precise a normalised value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Granularity {
    Year,
    Month,
    Day,
}

/// A normalised date: a year, a month or a day. Months and days can have an
/// unknown year (a month-day with no year written and nothing to anchor it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Timex {
    Year(i32),
    /// Year and month (1–12).
    Month(i32, u32),
    Day(NaiveDate),
    /// A month (1–12) with no year written and no anchor to supply one.
    MonthNoYear(u32),
    /// A month and day with no year written and no anchor.
    DayNoYear(u32, u32),
}

/// A string that is not a TIMEX3-style date value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimexParseError(pub String);

impl fmt::Display for TimexParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a date value (YYYY, YYYY-MM or YYYY-MM-DD): {:?}", self.0)
    }
}

impl std::error::Error for TimexParseError {}

impl Timex {
    pub fn granularity(self) -> Granularity {
        match self {
            Timex::Year(_) => Granularity::Year,
            Timex::Month(..) | Timex::MonthNoYear(_) => Granularity::Month,
            Timex::Day(_) | Timex::DayNoYear(..) => Granularity::Day,
        }
    }

    /// True when the year is known (the value can be placed on a timeline).
    pub fn is_placed(self) -> bool {
        !matches!(self, Timex::MonthNoYear(_) | Timex::DayNoYear(..))
    }

    /// The year, when known.
    pub fn year(self) -> Option<i32> {
        match self {
            Timex::Year(y) | Timex::Month(y, _) => Some(y),
            Timex::Day(d) => Some(d.year()),
            Timex::MonthNoYear(_) | Timex::DayNoYear(..) => None,
        }
    }

    /// The month (1–12) of a month or day value.
    pub fn month(self) -> Option<u32> {
        match self {
            Timex::Year(_) => None,
            Timex::Month(_, m) | Timex::MonthNoYear(m) | Timex::DayNoYear(m, _) => Some(m),
            Timex::Day(d) => Some(d.month()),
        }
    }

    /// The day of the month of a day value.
    pub fn day_of_month(self) -> Option<u32> {
        match self {
            Timex::Day(d) => Some(d.day()),
            Timex::DayNoYear(_, d) => Some(d),
            _ => None,
        }
    }

    /// The calendar day of a day value with a known year.
    pub fn date(self) -> Option<NaiveDate> {
        match self {
            Timex::Day(d) => Some(d),
            _ => None,
        }
    }

    /// The first and last calendar day (inclusive) the value covers; `None`
    /// when the year is unknown.
    pub fn days(self) -> Option<(NaiveDate, NaiveDate)> {
        match self {
            Timex::Year(y) => Some((NaiveDate::from_ymd_opt(y, 1, 1)?, NaiveDate::from_ymd_opt(y, 12, 31)?)),
            Timex::Month(y, m) => {
                let first = NaiveDate::from_ymd_opt(y, m, 1)?;
                let next =
                    if m == 12 { NaiveDate::from_ymd_opt(y + 1, 1, 1)? } else { NaiveDate::from_ymd_opt(y, m + 1, 1)? };
                Some((first, next.pred_opt()?))
            }
            Timex::Day(d) => Some((d, d)),
            Timex::MonthNoYear(_) | Timex::DayNoYear(..) => None,
        }
    }

    /// True when `inner` is a strictly finer value inside this one: a month
    /// or day of this year, a day of this month (what the string form shows
    /// as a prefix: `2022-07` encloses `2022-07-15`).
    pub fn encloses(self, inner: Timex) -> bool {
        match self {
            Timex::Year(y) => matches!(inner, Timex::Month(..) | Timex::Day(_)) && inner.year() == Some(y),
            Timex::Month(y, m) => matches!(inner, Timex::Day(d) if d.year() == y && d.month() == m),
            Timex::MonthNoYear(m) => matches!(inner, Timex::DayNoYear(im, _) if im == m),
            Timex::Day(_) | Timex::DayNoYear(..) => false,
        }
    }

    /// How a reader sees the value: `15 Jul 2022`, `July 2022`, `2022`
    /// (values with an unknown year as written: `XXXX-07-15`).
    pub fn label(self) -> String {
        match self {
            Timex::Day(d) => d.format("%-d %b %Y").to_string(),
            Timex::Month(y, m) => {
                NaiveDate::from_ymd_opt(y, m, 1).map_or_else(|| self.to_string(), |d| d.format("%B %Y").to_string())
            }
            Timex::Year(_) | Timex::MonthNoYear(_) | Timex::DayNoYear(..) => self.to_string(),
        }
    }
}

impl fmt::Display for Timex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Timex::Year(y) => write!(f, "{y:04}"),
            Timex::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            Timex::Day(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            Timex::MonthNoYear(m) => write!(f, "XXXX-{m:02}"),
            Timex::DayNoYear(m, d) => write!(f, "XXXX-{m:02}-{d:02}"),
        }
    }
}

impl FromStr for Timex {
    type Err = TimexParseError;

    /// Reads exactly the forms [`Display`](fmt::Display) writes.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || TimexParseError(s.to_string());
        let number = |part: &str, len: usize| -> Option<u32> {
            (part.len() == len && part.bytes().all(|b| b.is_ascii_digit())).then(|| part.parse().ok()).flatten()
        };
        let month = |part: &str| number(part, 2).filter(|m| (1..=12).contains(m));
        let parts: Vec<&str> = s.split('-').collect();
        let value = match parts.as_slice() {
            ["XXXX", m] => Timex::MonthNoYear(month(m).ok_or_else(err)?),
            ["XXXX", m, d] => {
                let (m, d) = (month(m).ok_or_else(err)?, number(d, 2).ok_or_else(err)?);
                // Any year that has the day (2000 is a leap year).
                NaiveDate::from_ymd_opt(2000, m, d).ok_or_else(err)?;
                Timex::DayNoYear(m, d)
            }
            [y] => Timex::Year(number(y, 4).ok_or_else(err)? as i32),
            [y, m] => Timex::Month(number(y, 4).ok_or_else(err)? as i32, month(m).ok_or_else(err)?),
            [y, m, d] => {
                let (y, m, d) =
                    (number(y, 4).ok_or_else(err)?, month(m).ok_or_else(err)?, number(d, 2).ok_or_else(err)?);
                Timex::Day(NaiveDate::from_ymd_opt(y as i32, m, d).ok_or_else(err)?)
            }
            _ => return Err(err()),
        };
        Ok(value)
    }
}
