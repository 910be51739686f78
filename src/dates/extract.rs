//! Finding date expressions in English news prose and normalising them to
//! TIMEX3-style values (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`).
//!
//! A hand-written extractor over a small tokenizer, chosen over the date
//! crates by measurement (`docs/timeline.md`): the crates parse a string that
//! *is* a date, while news needs dates *found* in running text, with spans,
//! granularity (a month is not its first day), fuzzy forms ("mid-July") and
//! guards against numbers that only look like years ("3,000 members").
//!
//! Relative expressions ("Wednesday", "last December", "in January") are
//! resolved against an anchor date, normally the article's publication date.
//! Without an anchor, a month or month-day without a year keeps an unknown
//! year (`XXXX-07`, `XXXX-07-15`, the TIMEX3 convention) and purely deictic
//! forms ("yesterday", "Wednesday", "last year") are not reported, since
//! nothing can be said about when they were.
//!
//! Durations ("within 24 hours", "for weeks", "24/7", "over the years",
//! "the last year") are not dates and are never reported.

use super::timex::{Granularity, Timex};
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use std::borrow::Cow;

/// Which reading a numeric date such as `09/07/2022` gets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum NumericOrder {
    /// Nothing decides: the value carries the month-first reading and the
    /// mention is marked ambiguous, with the day-first reading as its
    /// alternative.
    #[default]
    Unknown,
    /// `09/07/2022` is 7 September 2022 (US style).
    MonthFirst,
    /// `09/07/2022` is 9 July 2022 (European style).
    DayFirst,
}

/// One date expression found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateMention {
    /// Byte offset of the expression's first character in the text.
    pub start: usize,
    /// Byte offset just past the expression.
    pub end: usize,
    /// The normalised value (`YYYY`, `YYYY-MM` or `YYYY-MM-DD` as TIMEX3).
    /// Without an anchor, a month or month-day with no year written has an
    /// unknown year (`XXXX-07-15`).
    pub value: Timex,
    pub granularity: Granularity,
    /// A vague position inside the value's period: "mid-July", "late last
    /// year", "earlier this year", "weeks ago".
    pub fuzzy: bool,
    /// A numeric date whose day and month could be swapped and nothing in
    /// the text or outlet decided which; `value` then carries the month-first
    /// reading and `alternative` the day-first one.
    pub ambiguous: bool,
    /// The other reading of an ambiguous numeric date.
    pub alternative: Option<Timex>,
    /// The value depends on the anchor ("yesterday", "last December",
    /// "July 15" with the year taken from the anchor).
    pub relative: bool,
}

impl DateMention {
    /// True when the value has a known year (no `XXXX`).
    pub fn is_placed(&self) -> bool {
        self.value.is_placed()
    }
}

/// Finds the dates in `text`, resolving relative expressions against
/// `anchor`. Numeric dates are read with the cues this text itself gives
/// (see [`numeric_order_cue`]).
pub fn find_dates(text: &str, anchor: Option<NaiveDate>) -> Vec<DateMention> {
    // The scan that finds the text's cues finds its dates too when nothing
    // else changes: no anchor, and cues that decide nothing (most texts).
    let first = scan(text, None, NumericOrder::Unknown);
    let order = order_of_cues(first.iter().map(|(_, cue)| *cue));
    if anchor.is_none() && order == NumericOrder::Unknown {
        return first.into_iter().map(|(mention, _)| mention).collect();
    }
    find_dates_with(text, anchor, order)
}

/// Like [`find_dates`], with the reading of numeric dates decided by the
/// caller (e.g. from every article of the same outlet).
pub fn find_dates_with(text: &str, anchor: Option<NaiveDate>, order: NumericOrder) -> Vec<DateMention> {
    scan(text, anchor, order).into_iter().map(|(mention, _)| mention).collect()
}

/// Which way round the numeric dates of these texts (one outlet's articles)
/// are written. The strongest evidence is a numeric date with a part above
/// 12 (`25/12/2021` can only be day-first); failing that, how full dates are
/// written in prose (`7 September 2022` is day-first house style, `September
/// 7, 2022` month-first). Conflicting evidence decides nothing.
pub fn numeric_order_cue<'a>(texts: impl IntoIterator<Item = &'a str>) -> NumericOrder {
    order_of_cues(texts.into_iter().flat_map(|text| scan(text, None, NumericOrder::Unknown)).map(|(_, cue)| cue))
}

/// What [`find_dates`] finds in `text` without an anchor, and the cues
/// [`numeric_order_cue`] reads in it, from the one scan that does both for
/// most texts (those whose own cues decide no order).
pub fn unanchored_dates_and_cues(text: &str) -> (Vec<DateMention>, Vec<Cue>) {
    let first = scan(text, None, NumericOrder::Unknown);
    let cues: Vec<Cue> = first.iter().filter_map(|(_, cue)| *cue).collect();
    let order = order_of_cues(cues.iter().copied().map(Some));
    let dates = if order == NumericOrder::Unknown {
        first.into_iter().map(|(mention, _)| mention).collect()
    } else {
        find_dates_with(text, None, order)
    };
    (dates, cues)
}

/// [`numeric_order_cue`] of texts whose cues
/// ([`unanchored_dates_and_cues`]) are `cues`, in any order.
pub fn order_of(cues: impl IntoIterator<Item = Cue>) -> NumericOrder {
    order_of_cues(cues.into_iter().map(Some))
}

/// [`numeric_order_cue`] of the cues of a scan without an anchor or an
/// order ([`NumericOrder::Unknown`]).
fn order_of_cues(cues: impl IntoIterator<Item = Option<Cue>>) -> NumericOrder {
    let mut numeric = Vec::new();
    let mut prose = Vec::new();
    for cue in cues {
        match cue {
            Some(Cue::Numeric(o)) => numeric.push(o),
            Some(Cue::Prose(o)) => prose.push(o),
            None => {}
        }
    }
    let agree = |votes: &[NumericOrder]| match votes.first() {
        Some(first) if votes.iter().all(|v| v == first) => Some(*first),
        _ => None,
    };
    if !numeric.is_empty() {
        return agree(&numeric).unwrap_or_default();
    }
    agree(&prose).unwrap_or_default()
}

/// Evidence about the outlet's date order that one mention gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cue {
    Numeric(NumericOrder),
    Prose(NumericOrder),
}

// ---------------------------------------------------------------------------
// Tokens

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Word,
    /// Digits, possibly with inner `,` `.` `/` `-` between digits
    /// (`12,000`, `09/07/2022`, `2022-09-07`, `24/7`).
    Number,
    Punct,
}

#[derive(Clone, Debug)]
struct Tok<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    kind: Kind,
    /// A number written as an ordinal (`15th`).
    ordinal: bool,
    /// `text` lower-cased (as `str::to_lowercase`), once per token: the
    /// scanner asks for it many times per word. Borrowed when unchanged.
    lower: Cow<'a, str>,
}

/// `str::to_lowercase`, without allocating for ASCII text already in
/// lower case (nearly every word).
fn lowercase(text: &str) -> Cow<'_, str> {
    if !text.is_ascii() {
        Cow::Owned(text.to_lowercase())
    } else if text.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(text.to_ascii_lowercase())
    } else {
        Cow::Borrowed(text)
    }
}

fn tokenize(text: &str) -> Vec<Tok<'_>> {
    let bytes = text.as_bytes();
    let mut toks = Vec::new();
    let mut iter = text.char_indices().peekable();
    while let Some((start, c)) = iter.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_ascii_digit() {
            let mut end = start + 1;
            loop {
                match bytes.get(end) {
                    Some(b) if b.is_ascii_digit() => end += 1,
                    Some(b',' | b'.' | b'/' | b'-') if bytes.get(end + 1).is_some_and(u8::is_ascii_digit) => end += 2,
                    _ => break,
                }
            }
            let mut ordinal = false;
            let digits_end = end;
            if let Some(suffix) = text.get(end..end + 2) {
                let after = text[end + 2..].chars().next();
                if matches!(suffix.to_ascii_lowercase().as_str(), "st" | "nd" | "rd" | "th")
                    && !after.is_some_and(char::is_alphanumeric)
                {
                    ordinal = true;
                    end += 2;
                }
            }
            while iter.peek().is_some_and(|(i, _)| *i < end) {
                iter.next();
            }
            // A year range glued by a hyphen ("2014-2016") is two years.
            let digits = &text[start..digits_end];
            if digits.len() == 9
                && digits.as_bytes()[4] == b'-'
                && digits.bytes().filter(u8::is_ascii_digit).count() == 8
            {
                for (s, e, kind) in [
                    (start, start + 4, Kind::Number),
                    (start + 4, start + 5, Kind::Punct),
                    (start + 5, digits_end, Kind::Number),
                ] {
                    toks.push(Tok {
                        start: s,
                        end: e,
                        text: &text[s..e],
                        kind,
                        ordinal: false,
                        lower: lowercase(&text[s..e]),
                    });
                }
                continue;
            }
            toks.push(Tok { start, end, text: digits, kind: Kind::Number, ordinal, lower: lowercase(digits) });
        } else if c.is_alphabetic() {
            let mut end = start + c.len_utf8();
            while let Some(&(i, ch)) = iter.peek() {
                if ch.is_alphabetic() {
                    end = i + ch.len_utf8();
                    iter.next();
                } else {
                    break;
                }
            }
            let word = &text[start..end];
            toks.push(Tok { start, end, text: word, kind: Kind::Word, ordinal: false, lower: lowercase(word) });
        } else {
            toks.push(Tok {
                start,
                end: start + c.len_utf8(),
                text: &text[start..start + c.len_utf8()],
                kind: Kind::Punct,
                ordinal: false,
                lower: lowercase(&text[start..start + c.len_utf8()]),
            });
        }
    }
    toks
}

// ---------------------------------------------------------------------------
// Vocabulary

/// Month names, January first (also the lexicon of `tools/date-crates`).
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Abbreviated month names and their month numbers.
pub const MONTH_ABBREVIATIONS: [(&str, u32); 12] = [
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// Weekday names, Monday first.
pub const WEEKDAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

/// Words after which a bare month name ("May", "March") is a month.
const MONTH_CUES: &[&str] = &[
    "in", "since", "until", "till", "by", "of", "from", "during", "before", "after", "through", "early", "late", "mid",
    "last", "this", "next", "the", "to", "between", "and", "or", "each", "every",
];

/// Words after which a number below 1900 may still be a year ("in 1453").
const YEAR_PREPOSITIONS: &[&str] = &["in", "since", "until", "by", "from", "before", "after", "during", "circa", "of"];

/// Words before a year used as an adjective ("the 2018 elections").
const YEAR_DETERMINERS: &[&str] =
    &["the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those", "last", "next", "s"];

/// Words before a number that make it a count ("some 2000 members").
const COUNT_CUES: &[&str] = &[
    "some",
    "about",
    "around",
    "nearly",
    "almost",
    "over",
    "than",
    "approximately",
    "roughly",
    "least",
    "up",
    "only",
    "just",
    "exactly",
    "estimated",
];

/// Words after a number that make it a count or a measure, not a year.
const COUNT_NOUNS: &[&str] = &[
    "people",
    "persons",
    "members",
    "civilians",
    "troops",
    "soldiers",
    "fighters",
    "militants",
    "residents",
    "refugees",
    "migrants",
    "workers",
    "employees",
    "staff",
    "students",
    "children",
    "women",
    "men",
    "deaths",
    "dead",
    "victims",
    "casualties",
    "cases",
    "votes",
    "seats",
    "homes",
    "houses",
    "families",
    "hours",
    "minutes",
    "seconds",
    "days",
    "weeks",
    "months",
    "years",
    "meters",
    "metres",
    "m",
    "km",
    "kilometers",
    "kilometres",
    "miles",
    "feet",
    "ft",
    "kg",
    "tons",
    "tonnes",
    "barrels",
    "dollars",
    "euros",
    "pounds",
    "percent",
    "per",
    "times",
    "units",
    "pages",
    "documents",
    "files",
    "computers",
    "servers",
    "accounts",
    "vehicles",
    "cars",
    "rockets",
    "missiles",
    "drones",
];

/// The month a lower-cased word names, and whether it is an abbreviation.
fn month_of(lower: &str) -> Option<(u32, bool)> {
    if let Some(i) = MONTHS.iter().position(|m| *m == lower) {
        return Some((i as u32 + 1, false));
    }
    MONTH_ABBREVIATIONS.iter().find(|(a, _)| *a == lower).map(|(_, m)| (*m, true))
}

/// The weekday a lower-cased word names.
fn weekday_of(lower: &str) -> Option<Weekday> {
    WEEKDAYS.iter().find(|(name, _)| *name == lower).map(|(_, d)| *d)
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// The number a lower-cased word spells ("a", "one" … "twelve").
fn small_number(lower: &str) -> Option<u32> {
    Some(match lower {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        _ => return None,
    })
}

// ---------------------------------------------------------------------------
// Values

/// One match, before it becomes a [`DateMention`].
#[derive(Clone, Debug)]
struct Found {
    /// Token index just past the match.
    next: usize,
    value: Timex,
    fuzzy: bool,
    relative: bool,
    ambiguous: bool,
    alternative: Option<Timex>,
    cue: Option<Cue>,
}

impl Found {
    fn new(next: usize, value: Timex) -> Self {
        Self { next, value, fuzzy: false, relative: false, ambiguous: false, alternative: None, cue: None }
    }

    fn relative(mut self) -> Self {
        self.relative = true;
        self
    }
}

/// The most recent month `m` not after the anchor's month.
fn month_not_after(anchor: NaiveDate, m: u32) -> Timex {
    let y = if m <= anchor.month() { anchor.year() } else { anchor.year() - 1 };
    Timex::Month(y, m)
}

/// The most recent `m/d` not after the anchor (none on 29 February of a
/// year that has none).
fn day_not_after(anchor: NaiveDate, m: u32, d: u32) -> Option<Timex> {
    let this_year = NaiveDate::from_ymd_opt(anchor.year(), m, d);
    match this_year {
        Some(date) if date <= anchor => Some(Timex::Day(date)),
        _ => NaiveDate::from_ymd_opt(anchor.year() - 1, m, d).map(Timex::Day),
    }
}

/// "last", "this" or "next" before a month, weekday or period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shift {
    Last,
    This,
    Next,
}

/// The shift a lower-cased word names.
fn shift_of(lower: &str) -> Option<Shift> {
    match lower {
        "last" => Some(Shift::Last),
        "this" => Some(Shift::This),
        "next" => Some(Shift::Next),
        _ => None,
    }
}

/// A month (and day) shifted from the anchor: "last December" is the latest
/// December before the anchor's month, "next July" the first July after it,
/// "this July" July of the anchor's year.
fn shifted_month(anchor: NaiveDate, shift: Shift, m: u32, d: Option<u32>) -> Option<Timex> {
    let year = match shift {
        Shift::This => anchor.year(),
        Shift::Last => {
            let before = match d {
                Some(d) => (m, d) < (anchor.month(), anchor.day()),
                None => m < anchor.month(),
            };
            anchor.year() - i32::from(!before)
        }
        Shift::Next => {
            let after = match d {
                Some(d) => (m, d) > (anchor.month(), anchor.day()),
                None => m > anchor.month(),
            };
            anchor.year() + i32::from(!after)
        }
    };
    match d {
        Some(d) => NaiveDate::from_ymd_opt(year, m, d).map(Timex::Day),
        None => Some(Timex::Month(year, m)),
    }
}

/// A weekday relative to the anchor. Plain and `last` look back (news
/// reports what happened: "said Wednesday" is the Wednesday on or before the
/// anchor, "last Wednesday" the one strictly before); `next` and `this` look
/// forward from the anchor (strictly after, and on or after).
fn shifted_weekday(anchor: NaiveDate, shift: Option<Shift>, day: Weekday) -> NaiveDate {
    let back = (anchor.weekday().num_days_from_monday() + 7 - day.num_days_from_monday()) % 7;
    let forward = (day.num_days_from_monday() + 7 - anchor.weekday().num_days_from_monday()) % 7;
    match shift {
        None => anchor - Days::new(u64::from(back)),
        Some(Shift::Last) => anchor - Days::new(u64::from(if back == 0 { 7 } else { back })),
        Some(Shift::This) => anchor + Days::new(u64::from(forward)),
        Some(Shift::Next) => anchor + Days::new(u64::from(if forward == 0 { 7 } else { forward })),
    }
}

fn shifted_period(anchor: NaiveDate, shift: Shift, unit: &str) -> Option<Timex> {
    let delta = match shift {
        Shift::Last => -1,
        Shift::This => 0,
        Shift::Next => 1,
    };
    match unit {
        "year" => Some(Timex::Year(anchor.year() + delta)),
        "month" => {
            let first = anchor.with_day(1)?;
            let date = match delta {
                -1 => first.checked_sub_months(Months::new(1))?,
                1 => first.checked_add_months(Months::new(1))?,
                _ => first,
            };
            Some(Timex::Month(date.year(), date.month()))
        }
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// The scanner

struct Scanner<'a> {
    toks: Vec<Tok<'a>>,
    anchor: Option<NaiveDate>,
    order: NumericOrder,
}

fn scan(text: &str, anchor: Option<NaiveDate>, order: NumericOrder) -> Vec<(DateMention, Option<Cue>)> {
    let scanner = Scanner { toks: tokenize(text), anchor, order };
    let mut out = Vec::new();
    let mut i = 0;
    while i < scanner.toks.len() {
        match scanner.match_at(i) {
            Some(found) if found.next > i => {
                let start = scanner.toks[i].start;
                let end = scanner.toks[found.next - 1].end;
                out.push((
                    DateMention {
                        start,
                        end,
                        value: found.value,
                        granularity: found.value.granularity(),
                        fuzzy: found.fuzzy,
                        ambiguous: found.ambiguous,
                        alternative: found.alternative,
                        relative: found.relative,
                    },
                    found.cue,
                ));
                i = found.next;
            }
            _ => i += 1,
        }
    }
    out
}

impl<'a> Scanner<'a> {
    fn tok(&self, i: usize) -> Option<&Tok<'a>> {
        self.toks.get(i)
    }

    fn word(&self, i: usize) -> Option<&'a str> {
        self.tok(i).filter(|t| t.kind == Kind::Word).map(|t| t.text)
    }

    /// The word at `i`, lower-cased.
    fn lower(&self, i: usize) -> Option<&str> {
        self.tok(i).filter(|t| t.kind == Kind::Word).map(|t| &*t.lower)
    }

    fn is_word(&self, i: usize, words: &[&str]) -> bool {
        self.lower(i).is_some_and(|w| words.contains(&w))
    }

    fn is_punct(&self, i: usize, p: &str) -> bool {
        self.tok(i).is_some_and(|t| t.kind == Kind::Punct && t.text == p)
    }

    /// The word before token `i`, lower-cased.
    fn prev_word(&self, i: usize) -> Option<&str> {
        i.checked_sub(1).and_then(|j| self.lower(j))
    }

    /// Token `i` touches the one before it (no space between).
    fn glued(&self, i: usize) -> bool {
        i > 0 && self.tok(i).is_some_and(|t| t.start == self.toks[i - 1].end)
    }

    fn skip_comma(&self, i: usize) -> usize {
        if self.is_punct(i, ",") { i + 1 } else { i }
    }

    /// A capitalised month name at `i` (an abbreviation takes its full
    /// stop): the month number, the next index, and whether it was an
    /// abbreviation.
    fn month(&self, i: usize) -> Option<(u32, usize, bool)> {
        let w = self.word(i)?;
        if !capitalised(w) {
            return None;
        }
        let (m, abbrev) = month_of(self.lower(i)?)?;
        let next = if abbrev && self.is_punct(i + 1, ".") && self.glued(i + 1) { i + 2 } else { i + 1 };
        Some((m, next, abbrev))
    }

    /// A day of the month (`15`, `15th`).
    fn day(&self, i: usize) -> Option<u32> {
        let t = self.tok(i)?;
        if t.kind != Kind::Number || t.text.len() > 2 || !t.text.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let d: u32 = t.text.parse().ok()?;
        (1..=31).contains(&d).then_some(d)
    }

    /// A plain four-digit number that can be a year in a full date.
    fn year_digits(&self, i: usize) -> Option<i32> {
        let t = self.tok(i)?;
        if t.kind != Kind::Number || t.ordinal || t.text.len() != 4 || !t.text.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        // "1990s", "2000m": letters glued on make it something else.
        if self.tok(i + 1).is_some_and(|n| n.kind == Kind::Word && n.start == t.end) {
            return None;
        }
        let y: i32 = t.text.parse().ok()?;
        (1000..=2199).contains(&y).then_some(y)
    }

    fn match_at(&self, i: usize) -> Option<Found> {
        let t = self.tok(i)?;
        match t.kind {
            Kind::Number => self
                .numeric_date(i)
                .or_else(|| self.day_month(i))
                .or_else(|| self.ago(i))
                .or_else(|| self.year_alone(i)),
            Kind::Word => self
                .weekday_full_date(i)
                .or_else(|| self.month_led(i))
                .or_else(|| self.the_day_of_month(i))
                .or_else(|| self.modified(i))
                .or_else(|| self.shifted(i))
                .or_else(|| self.weekday(i, None))
                .or_else(|| self.deictic(i))
                .or_else(|| self.ago(i)),
            Kind::Punct => None,
        }
    }

    /// An explicit full date starting at `i` ("Sept. 7, 2022", "7 September
    /// 2022", "2022-09-07").
    fn full_date(&self, i: usize) -> Option<Found> {
        let found = self.month_led(i).or_else(|| self.day_month(i)).or_else(|| self.numeric_date(i))?;
        (matches!(found.value, Timex::Day(_)) && !found.relative && !found.ambiguous).then_some(found)
    }

    /// "Wednesday, Sept. 7, 2022": one mention, the full date's value.
    fn weekday_full_date(&self, i: usize) -> Option<Found> {
        self.word(i).filter(|w| capitalised(w)).and_then(|_| weekday_of(self.lower(i)?))?;
        let found = self.full_date(self.skip_comma(i + 1))?;
        Some(found)
    }

    /// Expressions led by a month name: "Sept. 7, 2022", "July 15", "July
    /// 2022", "October of last year", "October of 2020", and a month alone.
    fn month_led(&self, i: usize) -> Option<Found> {
        let (m, j, abbrev) = self.month(i)?;
        // Month Day [,] [Year]
        if let Some(d) = self.day(j).filter(|_| !self.count_follows(j + 1)) {
            let k = self.skip_comma(j + 1);
            if let Some(y) = self.year_digits(k) {
                let date = NaiveDate::from_ymd_opt(y, m, d)?;
                let mut found = Found::new(k + 1, Timex::Day(date));
                found.cue = Some(Cue::Prose(NumericOrder::MonthFirst));
                return Some(found);
            }
            return self.day_without_year(j + 1, m, d);
        }
        // Month [,] Year
        if let Some(y) = self.year_digits(self.skip_comma(j)) {
            return Some(Found::new(self.skip_comma(j) + 1, Timex::Month(y, m)));
        }
        // Month [of] last/this/next year
        let k = if self.is_word(j, &["of"]) { j + 1 } else { j };
        if let (Some(shift), true) = (self.lower(k).and_then(shift_of), self.is_word(k + 1, &["year"])) {
            let anchor = self.anchor?;
            let year = match shift {
                Shift::Last => anchor.year() - 1,
                Shift::This => anchor.year(),
                Shift::Next => anchor.year() + 1,
            };
            return Some(Found::new(k + 2, Timex::Month(year, m)).relative());
        }
        if k > j
            && let Some(y) = self.year_digits(k)
        {
            return Some(Found::new(k + 1, Timex::Month(y, m)));
        }
        // A month alone needs its full name, and "May"/"March" (also a verb
        // and a noun) a cue word before; a capitalised word after suggests a
        // name ("June Carter") unless a cue word comes before.
        if abbrev {
            return None;
        }
        let cue_before = self.prev_word(i).is_some_and(|w| MONTH_CUES.contains(&w))
            || (self.is_punct(i.wrapping_sub(1), "-") && self.is_word(i.wrapping_sub(2), &["mid"]));
        let name_after = self.word(j).is_some_and(capitalised);
        if (matches!(m, 3 | 5) || name_after) && !cue_before {
            return None;
        }
        Some(self.month_without_year(j, m))
    }

    /// `15 July`, `7 September 2022`, `7th of September, 2022`.
    fn day_month(&self, i: usize) -> Option<Found> {
        let d = self.day(i)?;
        let j = if self.is_word(i + 1, &["of"]) { i + 2 } else { i + 1 };
        let (m, k, _) = self.month(j)?;
        let y_at = self.skip_comma(k);
        if let Some(y) = self.year_digits(y_at) {
            let date = NaiveDate::from_ymd_opt(y, m, d)?;
            let mut found = Found::new(y_at + 1, Timex::Day(date));
            found.cue = Some(Cue::Prose(NumericOrder::DayFirst));
            return Some(found);
        }
        self.day_without_year(k, m, d)
    }

    /// "the 15th of July": the day comes as an ordinal after "the".
    fn the_day_of_month(&self, i: usize) -> Option<Found> {
        if !self.is_word(i, &["the"]) || !self.tok(i + 1).is_some_and(|t| t.ordinal) {
            return None;
        }
        let found = self.day_month(i + 1)?;
        Some(found)
    }

    fn day_without_year(&self, next: usize, m: u32, d: u32) -> Option<Found> {
        // Check the day exists in some year (29 February does).
        NaiveDate::from_ymd_opt(2000, m, d)?;
        Some(match self.anchor {
            Some(anchor) => Found::new(next, day_not_after(anchor, m, d)?).relative(),
            None => Found::new(next, Timex::DayNoYear(m, d)),
        })
    }

    fn month_without_year(&self, next: usize, m: u32) -> Found {
        match self.anchor {
            Some(anchor) => Found::new(next, month_not_after(anchor, m)).relative(),
            None => Found::new(next, Timex::MonthNoYear(m)),
        }
    }

    /// Is token `i` a count noun, so the number before it counts things?
    fn count_follows(&self, i: usize) -> bool {
        self.is_punct(i, "%") || self.lower(i).is_some_and(|w| COUNT_NOUNS.contains(&w))
    }

    /// `2022-09-07`, `09/07/2022`, `9.7.2022`.
    fn numeric_date(&self, i: usize) -> Option<Found> {
        let t = self.tok(i)?;
        if t.kind != Kind::Number || t.ordinal {
            return None;
        }
        let sep = t.text.chars().find(|c| matches!(c, '/' | '.' | '-'))?;
        let parts: Vec<&str> = t.text.split(sep).collect();
        if parts.len() != 3 || t.text.contains(',') {
            return None;
        }
        let nums: Vec<u32> = parts.iter().map(|p| p.parse().ok()).collect::<Option<_>>()?;
        if sep == '-' {
            // Only ISO year-month-day; `9-7-2022` is too rare to guess at.
            if parts[0].len() != 4 || parts[1].len() != 2 || parts[2].len() != 2 {
                return None;
            }
            let date = NaiveDate::from_ymd_opt(nums[0] as i32, nums[1], nums[2])?;
            return Some(Found::new(i + 1, Timex::Day(date)));
        }
        if parts[2].len() != 4 {
            return None; // two-digit years are not guessed at
        }
        let year = nums[2] as i32;
        let month_first = NaiveDate::from_ymd_opt(year, nums[0], nums[1]);
        let day_first = NaiveDate::from_ymd_opt(year, nums[1], nums[0]);
        let found = match (month_first, day_first) {
            (None, None) => return None,
            (Some(date), None) => {
                let mut f = Found::new(i + 1, Timex::Day(date));
                f.cue = Some(Cue::Numeric(NumericOrder::MonthFirst));
                f
            }
            (None, Some(date)) => {
                let mut f = Found::new(i + 1, Timex::Day(date));
                f.cue = Some(Cue::Numeric(NumericOrder::DayFirst));
                f
            }
            (Some(a), Some(b)) if a == b => Found::new(i + 1, Timex::Day(a)),
            (Some(mf), Some(df)) => {
                let order = match self.order {
                    NumericOrder::Unknown if sep == '.' => NumericOrder::DayFirst,
                    order => order,
                };
                match order {
                    NumericOrder::MonthFirst => Found::new(i + 1, Timex::Day(mf)),
                    NumericOrder::DayFirst => Found::new(i + 1, Timex::Day(df)),
                    NumericOrder::Unknown => {
                        let mut f = Found::new(i + 1, Timex::Day(mf));
                        f.ambiguous = true;
                        f.alternative = Some(Timex::Day(df));
                        f
                    }
                }
            }
        };
        Some(found)
    }

    /// A year on its own: `2018`, `the 1979 revolution`, but not `3,000
    /// members` (a count: the comma makes it one number), `2000 troops`,
    /// `$2022`, `No. 2018`, `1990s`, or `about 1500 people`.
    fn year_alone(&self, i: usize) -> Option<Found> {
        let y = self.year_digits(i)?;
        let prev = self.prev_word(i);
        let prev_is = |words: &[&str]| prev.is_some_and(|w| words.contains(&w));
        if !(1900..=2099).contains(&y) && !prev_is(YEAR_PREPOSITIONS) {
            return None;
        }
        if i > 0 {
            let before = &self.toks[i - 1];
            if before.kind == Kind::Punct && matches!(before.text, "$" | "€" | "£" | "¥" | "#") {
                return None;
            }
        }
        if prev_is(&["no", "number", "route", "resolution", "flight", "room", "code"]) {
            return None;
        }
        if self.count_follows(i + 1) {
            return None;
        }
        let lowercase_after = self.word(i + 1).is_some_and(|w| !capitalised(w));
        if prev_is(COUNT_CUES) && lowercase_after {
            return None;
        }
        // A year before a plural noun follows a determiner or preposition
        // ("the 2018 elections", "in 2019 talks"); without one it counts
        // ("had 2023 branches").
        let plural_after = self.word(i + 1).is_some_and(|w| !capitalised(w) && w.len() > 3 && w.ends_with('s'));
        if plural_after && !prev_is(YEAR_DETERMINERS) && !prev_is(YEAR_PREPOSITIONS) {
            return None;
        }
        Some(Found::new(i + 1, Timex::Year(y)))
    }

    /// "mid-July", "early 2022", "late last year", "earlier this year", "the
    /// end of July": a fuzzy part of a month or year.
    fn modified(&self, i: usize) -> Option<Found> {
        let lower = self.lower(i)?;
        let inner_at = match lower {
            "early" | "mid" | "late" | "earlier" | "later" => {
                if self.is_punct(i + 1, "-") {
                    i + 2
                } else {
                    i + 1
                }
            }
            "the" if self.is_word(i + 1, &["end", "beginning", "start", "middle"]) && self.is_word(i + 2, &["of"]) => {
                i + 3
            }
            _ => return None,
        };
        let inner = self
            .shifted(inner_at)
            .or_else(|| self.month_led(inner_at))
            .or_else(|| self.year_digits(inner_at).map(|y| Found::new(inner_at + 1, Timex::Year(y))))
            // "earlier today", "late Wednesday": a day stays exact.
            .or_else(|| self.deictic(inner_at))
            .or_else(|| self.weekday(inner_at, None))?;
        let mut found = inner;
        if found.value.granularity() != Granularity::Day {
            found.fuzzy = true;
        }
        Some(found)
    }

    /// "last December", "Last July 15", "this July", "next Monday", "last
    /// year", "this month". Not after "the" ("over the last year" is a
    /// duration).
    fn shifted(&self, i: usize) -> Option<Found> {
        let shift = self.lower(i).and_then(shift_of)?;
        if self.is_word(i.wrapping_sub(1), &["the"]) {
            return None;
        }
        let anchor = self.anchor?;
        if let Some((m, j, _)) = self.month(i + 1) {
            let day = self.day(j).filter(|_| !self.count_follows(j + 1));
            let value = shifted_month(anchor, shift, m, day)?;
            let next = if day.is_some() { j + 1 } else { j };
            return Some(Found::new(next, value).relative());
        }
        if let Some(found) = self.weekday(i + 1, Some(shift)) {
            return Some(found);
        }
        if shift == Shift::This && self.is_word(i + 1, &["morning", "afternoon", "evening"]) {
            return Some(Found::new(i + 2, Timex::Day(anchor)).relative());
        }
        let unit = self.lower(i + 1)?;
        let value = shifted_period(anchor, shift, unit)?;
        Some(Found::new(i + 2, value).relative())
    }

    /// A weekday name ("Wednesday", "Wednesday morning"), resolved from the
    /// anchor, shifted by a "last"/"this"/"next" before it.
    fn weekday(&self, i: usize, shift: Option<Shift>) -> Option<Found> {
        self.word(i).filter(|w| capitalised(w))?;
        let day = weekday_of(self.lower(i)?)?;
        // "Sunday Times", "Tuesday Group": a name, not a day.
        if self.word(i + 1).is_some_and(|n| capitalised(n) && self.month(i + 1).is_none()) {
            return None;
        }
        let anchor = self.anchor?;
        let date = shifted_weekday(anchor, shift, day);
        let next = if self.is_word(i + 1, &["morning", "afternoon", "evening", "night"]) { i + 2 } else { i + 1 };
        Some(Found::new(next, Timex::Day(date)).relative())
    }

    /// "today", "tonight", "yesterday", "tomorrow".
    fn deictic(&self, i: usize) -> Option<Found> {
        let anchor = self.anchor?;
        let date = match self.lower(i)? {
            "today" | "tonight" => anchor,
            "yesterday" => anchor.pred_opt()?,
            "tomorrow" => anchor.succ_opt()?,
            _ => return None,
        };
        Some(Found::new(i + 1, Timex::Day(date)).relative())
    }

    /// "two days ago", "a year ago", "3 months ago".
    fn ago(&self, i: usize) -> Option<Found> {
        let t = self.tok(i)?;
        let n = match t.kind {
            Kind::Number if t.text.bytes().all(|b| b.is_ascii_digit()) && t.text.len() <= 3 => t.text.parse().ok()?,
            Kind::Word => small_number(&t.lower)?,
            _ => return None,
        };
        if !self.is_word(i + 2, &["ago"]) {
            return None;
        }
        let anchor = self.anchor?;
        let unit = self.lower(i + 1)?;
        let mut found = match unit.trim_end_matches('s') {
            "day" => Found::new(i + 3, Timex::Day(anchor.checked_sub_days(Days::new(u64::from(n)))?)),
            "week" => {
                let mut f = Found::new(i + 3, Timex::Day(anchor.checked_sub_days(Days::new(7 * u64::from(n)))?));
                f.fuzzy = true;
                f
            }
            "month" => {
                let date = anchor.checked_sub_months(Months::new(n))?;
                Found::new(i + 3, Timex::Month(date.year(), date.month()))
            }
            "year" => Found::new(i + 3, Timex::Year(anchor.year() - n as i32)),
            _ => return None,
        };
        found.relative = true;
        Some(found)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// The seeds' date: Wednesday 7 September 2022.
    fn sept7() -> Option<NaiveDate> {
        Some(ymd(2022, 9, 7))
    }

    /// `(expression as written, value)` of every mention.
    fn found(text: &str, anchor: Option<NaiveDate>) -> Vec<(String, String)> {
        find_dates(text, anchor).into_iter().map(|m| (text[m.start..m.end].to_string(), m.value.to_string())).collect()
    }

    fn one(text: &str, anchor: Option<NaiveDate>) -> DateMention {
        let all = find_dates(text, anchor);
        assert_eq!(all.len(), 1, "{text:?} gave {all:?}");
        all.into_iter().next().unwrap()
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
    }

    #[test]
    fn full_dates_in_every_order() {
        assert_eq!(
            found(
                "TIRANA, Sept. 7, 2022 – It began on 7 September 2022, logged as 2022-09-07, \
                 and on September 7th, 2022 again.",
                None
            ),
            pairs(&[
                ("Sept. 7, 2022", "2022-09-07"),
                ("7 September 2022", "2022-09-07"),
                ("2022-09-07", "2022-09-07"),
                ("September 7th, 2022", "2022-09-07"),
            ])
        );
        let m = one("the 15th of July, 2022", None);
        assert_eq!((m.value.to_string().as_str(), m.granularity), ("2022-07-15", Granularity::Day));
        assert!(!m.relative && !m.fuzzy && !m.ambiguous);
    }

    #[test]
    fn a_weekday_before_a_full_date_is_one_mention() {
        assert_eq!(
            found("It was announced on Wednesday, Sept. 7, 2022.", None),
            pairs(&[("Wednesday, Sept. 7, 2022", "2022-09-07")])
        );
    }

    #[test]
    fn month_and_year() {
        let m = one("The hack of July 2022 was the first.", None);
        assert_eq!((m.value.to_string().as_str(), m.granularity), ("2022-07", Granularity::Month));
        assert_eq!(one("in March, 2021", None).value.to_string(), "2021-03");
        assert_eq!(one("October of 2020", None).value.to_string(), "2020-10");
    }

    #[test]
    fn month_and_day_take_the_anchor_year_unless_that_is_later() {
        let m = one("a cyber attack on July 15.", sept7());
        assert_eq!(m.value.to_string(), "2022-07-15");
        assert!(m.relative);
        assert_eq!(one("on 15 July", sept7()).value.to_string(), "2022-07-15");
        // 15 July is after a 10 July anchor: the previous year's.
        assert_eq!(one("on July 15", Some(ymd(2022, 7, 10))).value.to_string(), "2021-07-15");
        // On the anchor day itself it is that day.
        assert_eq!(one("on July 15", Some(ymd(2022, 7, 15))).value.to_string(), "2022-07-15");
    }

    #[test]
    fn without_an_anchor_the_year_is_unknown() {
        let m = one("the July 15 attack", None);
        assert_eq!(m.value.to_string(), "XXXX-07-15");
        assert!(!m.is_placed());
        assert_eq!(one("took place in July.", None).value.to_string(), "XXXX-07");
        // Purely deictic forms say nothing without an anchor.
        assert!(found("yesterday, Wednesday, last year and today", None).is_empty());
    }

    #[test]
    fn mid_month_is_fuzzy_and_month_valued() {
        let m = one("The attack, which took place in mid-July, failed.", sept7());
        assert_eq!((m.value.to_string().as_str(), m.fuzzy), ("2022-07", true));
        assert_eq!(m.granularity, Granularity::Month);
        let m = one("by the end of July", sept7());
        assert_eq!((m.value.to_string().as_str(), m.fuzzy), ("2022-07", true));
        let m = one("in early 2021", sept7());
        assert_eq!((m.value.to_string().as_str(), m.fuzzy), ("2021", true));
        let m = one("since mid-2019", None);
        assert_eq!((m.value.to_string().as_str(), m.fuzzy), ("2019", true));
    }

    #[test]
    fn years_with_their_guards() {
        assert_eq!(
            found(
                "In 2018, Tirana expelled two diplomats, since the 1979 Islamic revolution, \
                 and in 2012 and 2021.",
                None
            ),
            pairs(&[("2018", "2018"), ("1979", "1979"), ("2012", "2012"), ("2021", "2021")])
        );
        for not_a_year in [
            "to welcome some 3,000 members of the group",
            "killed more than 12,000 Iranian civilians",
            "work has been ongoing 24/7 to restore all damages",
            "located just 200 meters from the offices",
            "it sent 2000 troops",
            "some 1999 people were there",
            "it cost $2022 in all",
            "music of the 1990s",
            "it rose by 2010%",
            "room 1204 on floor 3",
            "the company had 2023 branches",
        ] {
            assert!(
                find_dates(not_a_year, sept7()).is_empty(),
                "{not_a_year:?}: {:?}",
                find_dates(not_a_year, sept7())
            );
        }
        assert_eq!(
            found("between 2014-2016 and 2018–2019", None),
            pairs(&[("2014", "2014"), ("2016", "2016"), ("2018", "2018"), ("2019", "2019")])
        );
        assert_eq!(
            found("the 2018 elections and Iran’s 2009 protests", None),
            pairs(&[("2018", "2018"), ("2009", "2009")])
        );
        // Before 1900 a year needs a preposition.
        assert_eq!(one("the city fell in 1453", None).value.to_string(), "1453");
        assert!(find_dates("the 1453 survivors", None).is_empty());
    }

    #[test]
    fn weekdays_look_back_from_the_anchor() {
        let m = one("Prime Minister Edi Rama said on Wednesday.", sept7());
        assert_eq!((m.value.to_string().as_str(), m.relative), ("2022-09-07", true));
        // From a Friday anchor, "Wednesday" is two days before.
        assert_eq!(one("said Wednesday", Some(ymd(2022, 9, 9))).value.to_string(), "2022-09-07");
        let m = one("said Wednesday morning, adding", sept7());
        assert_eq!(m.value.to_string(), "2022-09-07");
        assert_eq!(m.end - m.start, "Wednesday morning".len());
        assert_eq!(one("last Wednesday", sept7()).value.to_string(), "2022-08-31");
        assert_eq!(one("next Monday", sept7()).value.to_string(), "2022-09-12");
        // Lower case is not a weekday name, nor is a name with one in it.
        assert!(find_dates("a wednesday", sept7()).is_empty());
        assert!(find_dates("told the Sunday Times", sept7()).is_empty());
    }

    #[test]
    fn today_yesterday_this_morning() {
        assert_eq!(
            found(
                "Earlier today he spoke; in a video posted yesterday; This morning it was calm; \
                 condemned today.",
                sept7()
            ),
            pairs(&[
                ("Earlier today", "2022-09-07"),
                ("yesterday", "2022-09-06"),
                ("This morning", "2022-09-07"),
                ("today", "2022-09-07"),
            ])
        );
        assert_eq!(one("tomorrow", sept7()).value.to_string(), "2022-09-08");
        let m = one("late Wednesday", sept7());
        assert_eq!((m.value.to_string().as_str(), m.fuzzy), ("2022-09-07", false));
        assert_eq!(m.end - m.start, "late Wednesday".len());
    }

    #[test]
    fn last_month_names_and_years() {
        let m = one("Last December, the agency reported arrests.", sept7());
        assert_eq!((m.value.to_string().as_str(), m.relative), ("2021-12", true));
        assert_eq!(one("In October of last year, stations", sept7()).value.to_string(), "2021-10");
        assert_eq!(one("in October last year", sept7()).value.to_string(), "2021-10");
        // "last July" in September is this year's July.
        assert_eq!(one("last July", sept7()).value.to_string(), "2022-07");
        let m = one("Last July 15, our country was the target", sept7());
        assert_eq!((m.value.to_string().as_str(), m.granularity), ("2022-07-15", Granularity::Day));
        assert_eq!(one("last year", sept7()).value.to_string(), "2021");
        assert_eq!(one("this year", sept7()).value.to_string(), "2022");
        assert_eq!(one("next year", sept7()).value.to_string(), "2023");
        assert_eq!(one("last month", sept7()).value.to_string(), "2022-08");
        assert_eq!(one("last month", Some(ymd(2022, 1, 3))).value.to_string(), "2021-12");
        assert_eq!(one("next July", sept7()).value.to_string(), "2023-07");
    }

    #[test]
    fn a_bare_month_is_the_latest_not_after_the_anchor() {
        assert_eq!(one("On the other end, in January, the US", sept7()).value.to_string(), "2022-01");
        assert_eq!(one("in December", sept7()).value.to_string(), "2021-12");
        assert_eq!(one("in September", sept7()).value.to_string(), "2022-09");
        assert_eq!(one("following a July cyberattack", sept7()).value.to_string(), "2022-07");
    }

    #[test]
    fn may_and_march_need_a_cue_and_names_are_not_months() {
        assert!(find_dates("They may march. May God help them.", sept7()).is_empty());
        assert!(find_dates("June Carter sang.", sept7()).is_empty());
        assert_eq!(one("elections held in May were", sept7()).value.to_string(), "2022-05");
        assert_eq!(one("since March", sept7()).value.to_string(), "2022-03");
    }

    #[test]
    fn fuzzy_relative_years() {
        let m = one("cyberattacks on Israeli hospitals late last year.", sept7());
        assert_eq!((m.value.to_string().as_str(), m.fuzzy, m.relative), ("2021", true, true));
        let m = one("earlier this year", sept7());
        assert_eq!((m.value.to_string().as_str(), m.fuzzy), ("2022", true));
        let m = one("later this year", sept7());
        assert_eq!((m.value.to_string().as_str(), m.fuzzy), ("2022", true));
    }

    #[test]
    fn ago() {
        assert_eq!(one("two days ago", sept7()).value.to_string(), "2022-09-05");
        assert_eq!(one("3 months ago", sept7()).value.to_string(), "2022-06");
        assert_eq!(one("a year ago", sept7()).value.to_string(), "2021");
        let m = one("two weeks ago", sept7());
        assert_eq!((m.value.to_string().as_str(), m.fuzzy), ("2022-08-24", true));
    }

    #[test]
    fn durations_are_not_dates() {
        for duration in [
            "ordering all staff to leave within 24 hours",
            "He gave Iranian diplomats 24 hours to leave Albania.",
            "For weeks now, work has been ongoing",
            "offline for several days",
            "relations have deteriorated over the years",
            "over the last year it grew",
            "For years, Albania has also been a home",
            "In recent years, some Republican figures",
            "A few months prior, an explosion",
            "early in the morning",
        ] {
            assert!(find_dates(duration, sept7()).is_empty(), "{duration:?}: {:?}", find_dates(duration, sept7()));
        }
    }

    #[test]
    fn numeric_dates_are_ambiguous_unless_something_decides() {
        let m = one("The leak was dated 09/07/2022 in the files.", None);
        assert_eq!(m.value.to_string(), "2022-09-07");
        assert!(m.ambiguous);
        assert_eq!(m.alternative.map(|t| t.to_string()).as_deref(), Some("2022-07-09"));
        // A part above 12 decides by itself...
        let m = one("dated 13/07/2022", None);
        assert_eq!((m.value.to_string().as_str(), m.ambiguous), ("2022-07-13", false));
        // ...and decides the other numeric dates of the same text.
        let text = "First seen 25/12/2021, then 09/07/2022.";
        let all = find_dates(text, None);
        assert_eq!(all[1].value.to_string(), "2022-07-09");
        assert!(!all[1].ambiguous);
        // Dots are the European, day-first style.
        let m = one("am 09.07.2022 veröffentlicht", None);
        assert_eq!((m.value.to_string().as_str(), m.ambiguous), ("2022-07-09", false));
        // The caller may know the outlet's order.
        let m = find_dates_with("09/07/2022", None, NumericOrder::DayFirst);
        assert_eq!((m[0].value.to_string().as_str(), m[0].ambiguous), ("2022-07-09", false));
        // The same both ways is not ambiguous; impossible dates are nothing.
        assert!(!one("07/07/2022", None).ambiguous);
        assert!(find_dates("13/13/2022", None).is_empty());
    }

    #[test]
    fn outlet_cues_for_numeric_order() {
        assert_eq!(numeric_order_cue(["Posted 12/25/2021.", "Seen 01/02/2022."]), NumericOrder::MonthFirst);
        assert_eq!(numeric_order_cue(["LONDON, 7 September 2022 – x"]), NumericOrder::DayFirst);
        assert_eq!(numeric_order_cue(["TIRANA, Sept. 7, 2022 – x"]), NumericOrder::MonthFirst);
        // Numeric evidence beats prose style; conflicts decide nothing.
        assert_eq!(numeric_order_cue(["on 7 September 2022", "dated 12/25/2021"]), NumericOrder::MonthFirst);
        assert_eq!(numeric_order_cue(["dated 25/12/2021", "dated 12/25/2021"]), NumericOrder::Unknown);
    }

    #[test]
    fn spans_are_byte_offsets_past_multibyte_text() {
        let text = "Tirana’s “law” – on Wednesday – and 2018’s vote";
        let all = find_dates(text, sept7());
        let spans: Vec<&str> = all.iter().map(|m| &text[m.start..m.end]).collect();
        assert_eq!(spans, vec!["Wednesday", "2018"]);
    }
}
