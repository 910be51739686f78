//! Dates: the one home of date logic, a leaf that uses nothing else in the
//! crate.
//!
//! - [`extract`] finds date expressions in prose and normalises them;
//! - [`Timex`] is the normalised value, serialised as its TIMEX3 string;
//! - [`find_dateline`] reads the dateline that opens an article, and
//!   [`opens_with_dateline`] tells a sentence that opens with one;
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
    if !is_place_in_capitals(place, 1) {
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

/// The sentence opens with a dateline: before its first dash (an en or em
/// dash, or a hyphen with blanks on both sides, within 80 bytes), a place
/// in capitals ("WASHINGTON", "NEWPORT NEWS, Va.", "HEMPSTEAD, N.Y., Sept.
/// 26 (UPI)"), or a place of one or two words and a news agency in
/// parentheses ("Tirana ()", "London (Reuters)").
pub fn opens_with_dateline(text: &str) -> bool {
    let head = &text[..text.floor_char_boundary(80)];
    let spaced_hyphen = head.char_indices().find(|&(i, c)| {
        c == '-'
            && head[..i].ends_with(char::is_whitespace)
            && head[i..].trim_start_matches('-').starts_with(char::is_whitespace)
    });
    let dash = head.char_indices().find(|&(_, c)| c == '–' || c == '—');
    let Some(at) = [spaced_hyphen, dash].into_iter().flatten().map(|(i, _)| i).min() else {
        return false;
    };
    let head = head[..at].trim();
    let words = |s: &str| s.split_whitespace().count();
    // "FBI –" is no place: four letters at least.
    let place_in_capitals = |s: &str| is_place_in_capitals(s.split(',').next().unwrap_or(s), 4);
    if let Some(open) = head.strip_suffix(')').and_then(|h| h.rfind('(').map(|i| (&h[..i], &h[i + 1..]))) {
        let (before, agency) = open;
        let agency_ok = agency.chars().all(char::is_alphabetic) && agency.chars().next().is_none_or(char::is_uppercase);
        let named_place = (1..=2).contains(&words(before)) && before.starts_with(char::is_uppercase);
        return agency_ok && (place_in_capitals(before) || named_place);
    }
    place_in_capitals(head)
}

/// A dateline's place: one to four words, every letter upper case, at
/// least `min_letters` letters ("WASHINGTON", "NEWPORT NEWS").
fn is_place_in_capitals(place: &str, min_letters: usize) -> bool {
    let letters: Vec<char> = place.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= min_letters.max(1)
        && letters.iter().all(|c| c.is_uppercase())
        && place.split_whitespace().count() <= 4
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
    fn datelines_are_told_from_dashes_in_prose() {
        for dated in [
            "WASHINGTON (AP) — The Latest on the U.S. presidential race",
            "TIRANA, Sept. 7, 2022 – Albania’s government has decided to break off relations",
            "Tirana () – Albania has interrupted diplomatic relations with Tehran",
            "NEWPORT NEWS, Va. - In a tradition he has kept for 40 years",
            "HEMPSTEAD, N.Y., Sept. 26 (UPI) — Green Party presidential candidate Jill Stein",
            "WASHINGTON—The Senate voted on Tuesday",
            "LONDON (Reuters)\u{a0}- Britain's government said",
        ] {
            assert!(opens_with_dateline(dated), "{dated}");
        }
        for prose in [
            "You know what they say — the third time’s the charm.",
            "The cause - three international underwater cables in the Mediterranean Sea",
            "Mehmet Oz — Ivy League-trained surgeon and daytime TV star — has been called",
            "But the five young men - sons of a dentist, merchants - stood trial",
            "INITIAL results from the post- mortem on a 15-year-old Greek boy - police said",
            "Albania cut ties with Iran.",
            "Sen. Bernie Sanders (I-Vt.) — who lost the primary — said",
            "FBI – the bureau said nothing.",
            "A well-known bill - passed in May - failed.",
        ] {
            assert!(!opens_with_dateline(prose), "{prose}");
        }
    }

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
