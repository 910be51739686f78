//! Dates: the one home of date logic, a leaf that uses nothing else in the
//! crate.
//!
//! - [`extract`] finds date expressions in prose and normalises them;
//! - [`Timex`] is the normalised value, serialised as its TIMEX3 string;
//! - [`find_dateline`] reads the dateline that opens an article;
//! - [`parse_iso_day`] reads the ISO day of front matter and of the model.
//!
//! `corpus`, `timeline`, `align` and the app's timeline all use it.

pub mod extract;
mod timex;

pub use extract::{DateMention, NumericOrder, find_dates, find_dates_with, numeric_order_cue};
pub use timex::{Granularity, Timex, TimexParseError};

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An ISO day, `2022-09-07`, allowing surrounding blanks and anything after
/// the day (a time: `2022-09-07T10:00:00Z`).
pub fn parse_iso_day(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let day = s.get(..10).unwrap_or(s);
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
}

/// A dateline at the start of the body: "TIRANA, Sept. 7, 2022 –" or
/// "LONDON (Reuters), 7 September 2022 -".
pub fn find_dateline(text: &str) -> Option<NaiveDate> {
    let first = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    // The place: upper-case words, then a comma.
    let (place, rest) = first.split_once(',')?;
    let place_letters: Vec<char> = place.chars().filter(|c| c.is_alphabetic()).collect();
    let place_is_caps = !place_letters.is_empty()
        && place_letters.iter().all(|c| c.is_uppercase())
        && place.split_whitespace().count() <= 4;
    if !place_is_caps {
        return None;
    }
    // The date: a full date written right after the place (no anchor, so
    // only a written year counts).
    let head: String = rest.chars().take(40).collect();
    find_dates(&head, None)
        .into_iter()
        .find(|d| d.granularity == Granularity::Day && d.is_placed() && d.start <= 4)
        .and_then(|d| d.value.date())
}

impl Serialize for Timex {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timex {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dateline_gives_the_date() {
        assert_eq!(find_dateline("TIRANA, Sept. 7, 2022 – x"), NaiveDate::from_ymd_opt(2022, 9, 7));
        assert_eq!(find_dateline("LONDON, 7 September 2022 - x"), NaiveDate::from_ymd_opt(2022, 9, 7));
        assert_eq!(find_dateline("Albania, the country, said"), None);
        assert_eq!(find_dateline("TIRANA, Sept. 7 – x"), None);
    }

    #[test]
    fn one_iso_day_parser() {
        let day = NaiveDate::from_ymd_opt(2022, 9, 7);
        assert_eq!(parse_iso_day("2022-09-07"), day);
        assert_eq!(parse_iso_day(" 2022-09-07T10:00:00Z "), day);
        assert_eq!(parse_iso_day("2022-09"), None);
        assert_eq!(parse_iso_day("XXXX-09-07"), None);
        assert_eq!(parse_iso_day("7 Sept 2022"), None);
    }

    #[test]
    fn timex_round_trips_through_its_string() {
        for s in ["2022", "0800", "2022-07", "2022-07-15", "XXXX-07", "XXXX-07-15", "XXXX-02-29"] {
            let t: Timex = s.parse().unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(t.to_string(), s);
            assert_eq!(serde_json::to_string(&t).ok(), Some(format!("\"{s}\"")));
            assert_eq!(serde_json::from_str::<Timex>(&format!("\"{s}\"")).ok(), Some(t));
        }
        for bad in ["", "soon", "2022-W30", "2022-13", "2022-02-30", "22-07", "2022-7", "XXXX", "XXXX-02-30"] {
            assert!(bad.parse::<Timex>().is_err(), "{bad}");
        }
    }

    #[test]
    fn values_cover_their_period() {
        let days = |s: &str| s.parse::<Timex>().ok().and_then(Timex::days);
        let (a, b) = days("2022-07").unwrap_or_else(|| panic!("no days"));
        assert_eq!((b - a).num_days(), 30);
        let (a, b) = days("2024").unwrap_or_else(|| panic!("no days"));
        assert_eq!((b - a).num_days(), 365);
        let (a, b) = days("2022-12").unwrap_or_else(|| panic!("no days"));
        assert_eq!((a.to_string(), b.to_string()), ("2022-12-01".into(), "2022-12-31".into()));
        let (a, b) = days("2022-09-07").unwrap_or_else(|| panic!("no days"));
        assert_eq!(a, b);
        assert_eq!(days("XXXX-07-15"), None);
    }

    #[test]
    fn values_read_naturally() {
        let label = |s: &str| s.parse::<Timex>().map(Timex::label).unwrap_or_default();
        assert_eq!(label("2022-09-07"), "7 Sep 2022");
        assert_eq!(label("2022-07"), "July 2022");
        assert_eq!(label("2014"), "2014");
        assert_eq!(label("XXXX-07-15"), "XXXX-07-15");
    }

    #[test]
    fn a_month_encloses_its_days_as_a_prefix_would() {
        let t = |s: &str| s.parse::<Timex>().unwrap_or_else(|e| panic!("{e}"));
        assert!(t("2022").encloses(t("2022-07")));
        assert!(t("2022").encloses(t("2022-07-15")));
        assert!(t("2022-07").encloses(t("2022-07-15")));
        assert!(!t("2022-07").encloses(t("2022-07")));
        assert!(!t("2022-07").encloses(t("2022-08-01")));
        assert!(!t("2022").encloses(t("2023-01")));
        assert!(!t("2022-07-15").encloses(t("2022-07-15")));
        assert!(t("XXXX-07").encloses(t("XXXX-07-15")));
    }
}
