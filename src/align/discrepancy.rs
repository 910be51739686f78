//! Discrepancies: the numbers, years and dates that the members of one
//! group state differently. [`placed_quantities`] finds what a sentence
//! states (a number with the word it counts, a year, a date) and
//! [`find_discrepancies`] compares the members' values: only between members
//! worded alike, in the same slot, so a wrong flag (which costs a reader's
//! trust more than a missed one) stays rare. Rules and their measurement:
//! `docs/alignment-eval.md` (sessions 5 and 7).

use super::is_stop_word;
use crate::model::{DiffKind, Discrepancy, DiscrepancyKind, DiscrepancyValue, MemberDiff, Sentence, Span};
use crate::text::CURRENCY_SIGNS;
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::BTreeMap;

/// A number, year or date stated in a sentence.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Quantity {
    kind: DiscrepancyKind,
    /// For numbers, the stemmed word they count ("member"); for dates the
    /// month; empty for years.
    about: String,
    /// For numbers, the word they count as written, lower-case ("cables"):
    /// what a reader is shown. Empty for years and dates.
    counted: String,
    value: String,
    /// For dates: the day, or None for a whole or vague month ("mid-July").
    day: Option<u32>,
    start: usize,
    end: usize,
    /// The stemmed content words around it ([`CONTEXT_WORDS`] on each
    /// side, `about` left out), sorted: what says which slot it fills.
    context: Vec<String>,
}

/// Values are compared only between sentences worded at least this much
/// alike (a member's word-diff similarity to the group's base; the base
/// itself counts): "46 percent … 42 percent" and "… while 5 percent
/// prefer …" are two sentences on one poll (0.20 alike), not one figure
/// stated twice. On devdata every flag under 0.3 was wrong, every one over
/// it right or arguable (`docs/alignment-eval.md`).
const COMPARABLE_SIMILARITY: f32 = 0.3;
/// Words that scale a number ("2 million euros"), not what it is about.
const SCALE_WORDS: &[&str] = &["hundr", "thousand", "million", "billion", "trillion"];
/// How many content words on each side of a value make its context.
const CONTEXT_WORDS: usize = 3;
/// Two values disagree only if their contexts share this many words: "46
/// percent" and "5 percent" in two sentences on one poll count different
/// people ("… Clinton …" / "… prefer Libertarian …"), and the ages of an
/// "11-year-old girl" and a "34-year-old Horton" are not one figure.
const SHARED_CONTEXT: usize = 2;

impl Quantity {
    /// Whether two values of one kind state the same thing differently, in
    /// the same slot. A date written without its year ("Feb. 17",
    /// `XXXX-02-17`) agrees with the same day of any year.
    fn disagrees_with(&self, other: &Quantity) -> bool {
        self.kind == other.kind
            && !self.same_value(other)
            && (self.kind != DiscrepancyKind::Number || self.about == other.about)
            && !(self.kind == DiscrepancyKind::Date
                && (self.day.is_none() || other.day.is_none())
                && self.about == other.about)
            && self.shares_context(other)
    }

    /// Whether the two values are written alike, an unknown year (`XXXX`)
    /// matching any.
    fn same_value(&self, other: &Quantity) -> bool {
        self.value.len() == other.value.len()
            && self.value.bytes().zip(other.value.bytes()).all(|(a, b)| a == b || a == b'X' || b == b'X')
    }

    /// Of `stated` (one sentence's quantities), those of this one's kind
    /// that count or date the same thing.
    fn alike<'q>(&self, stated: &'q [Quantity]) -> impl Iterator<Item = &'q Quantity> {
        stated.iter().filter(move |o| o.kind == self.kind && o.about == self.about)
    }

    /// Whether the two stand in the same slot: their contexts share
    /// [`SHARED_CONTEXT`] words.
    fn shares_context(&self, other: &Quantity) -> bool {
        self.context.iter().filter(|w| other.context.binary_search(w).is_ok()).count() >= SHARED_CONTEXT
    }
}

const SPELLED: &[(&str, u64)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("twenty", 20),
    ("dozen", 12),
    ("hundred", 100),
];

/// The tens spelled out, which only join a unit in a compound
/// ("ninety-five"): beside a spelled unit, that unit is no number.
const TENS: &[&str] = &["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

/// A date found in a sentence as a [`Quantity`]: a year, or a month or
/// day keyed by its month.
fn date_quantity(d: &crate::dates::DateMention) -> Quantity {
    use crate::dates::Granularity;
    let (kind, about, day) = match d.granularity {
        Granularity::Year => (DiscrepancyKind::Year, String::new(), None),
        Granularity::Month | Granularity::Day => {
            let month = d.value.month().map(|m| format!("{m:02}")).unwrap_or_default();
            let day = (d.granularity == Granularity::Day && !d.fuzzy).then(|| d.value.day_of_month()).flatten();
            (DiscrepancyKind::Date, format!("month {month}"), day)
        }
    };
    Quantity {
        kind,
        about,
        counted: String::new(),
        value: d.value.to_string(),
        day,
        start: d.start,
        end: d.end,
        context: Vec::new(),
    }
}

/// Numbers (with the word they count), years and dates of a text, the
/// dates found by [`crate::dates::find_dates`] without an anchor (so only
/// what is written is compared). Offsets are relative to `text`.
fn quantities(text: &str) -> Vec<Quantity> {
    use crate::dates::Granularity;
    let dates = crate::dates::find_dates(text, None);
    let mut out: Vec<Quantity> =
        dates.iter().filter(|d| !d.relative || d.granularity != Granularity::Year).map(date_quantity).collect();

    let stemmer = Stemmer::create(Algorithm::English);
    let words = crate::diff::words(text, 0);
    let in_date = |start: usize| dates.iter().any(|d| d.start <= start && start < d.end);
    let mut skip_to = 0;
    for (i, word) in words.iter().enumerate() {
        if i < skip_to || in_date(word.span.start) {
            continue;
        }
        let Some(number) = written_number(text, &words, i) else {
            continue;
        };
        let start = match i.checked_sub(1).map(|p| (p, words[p].key.as_str())) {
            Some((p, "some" | "about" | "nearly" | "around" | "over" | "almost")) => words[p].span.start,
            _ => number.start,
        };
        // The words a number takes (its scale, currency word, the digits
        // after a spaced point) are not read again as numbers.
        skip_to = number.last + 1;
        if let Some(currency) = number.currency {
            // An amount of money: what it counts is its currency, so "2m
            // euros ($2.6m)" states two amounts, not one figure twice.
            out.push(Quantity {
                kind: DiscrepancyKind::Number,
                about: format!("{MONEY}{}", currency.sign),
                counted: currency.name.to_string(),
                value: number.value,
                day: None,
                start,
                end: words[number.last].span.end,
                context: Vec::new(),
            });
            continue;
        }
        // "24/7", "15th": not a count.
        let glued = text[word.span.end..].starts_with(|c: char| c.is_alphanumeric() || c == '/')
            || text[..word.span.start].ends_with(|c: char| c.is_alphanumeric() || c == '/');
        // The word counted: the next word that is not filler.
        let first = (number.last + 1..words.len().min(number.last + 4)).find(|&j| {
            !matches!(words[j].key.as_str(), "more" | "than" | "of" | "the" | "some" | "about" | "nearly" | "around")
        });
        let Some(first) = first.filter(|&j| {
            let key = words[j].key.as_str();
            !is_stop_word(key) && key.chars().any(char::is_alphabetic)
        }) else {
            continue;
        };
        // "one of Egypt's largest providers": not a count.
        if glued || (word.key == "one" && words.get(i + 1).is_some_and(|w| w.key == "of")) {
            continue;
        }
        // An age counts years of the person named next: "an 11-year-old
        // girl" and "34-year-old Horton" are two people, not one figure.
        let rest: Vec<&str> = words[number.last + 1..].iter().take(5).map(|w| w.key.as_str()).collect();
        let (about, counted) = if let [year, "old", ..] = rest.as_slice() {
            let person = rest[2..].iter().find(|k| !is_stop_word(k)).map_or("", |k| k);
            (format!("{} old {}", stemmer.stem(year), stemmer.stem(person)), String::new())
        } else {
            // "three undersea cables" counts cables, not undersea.
            let head = if number.value == "1" { first } else { counted_head(text, &words, first) };
            (super::stem_of(&stemmer, &words[head].key).into_owned(), words[head].key.clone())
        };
        out.push(Quantity {
            kind: DiscrepancyKind::Number,
            about,
            counted,
            value: number.value,
            day: None,
            start,
            end: words[number.last].span.end,
            context: Vec::new(),
        });
    }
    if out.is_empty() {
        return out;
    }
    // The content words, for the values' contexts (most sentences state
    // no value and skip this), each stemmed when a context first reads it:
    // a context reads only the few words nearest its value.
    let content: Vec<&crate::diff::Word> = words
        .iter()
        .filter(|w| {
            !is_stop_word(&w.key) && w.key.chars().any(char::is_alphabetic) && !SPELLED.iter().any(|(s, _)| *s == w.key)
        })
        .collect();
    let mut stems: Vec<Option<String>> = vec![None; content.len()];
    for q in &mut out {
        let counted = q.about.split(' ').next().unwrap_or_default();
        let mut context: Vec<String> = Vec::new();
        let (start, end) = (q.start, q.end);
        let mut before = (0..content.len()).rev().filter(|&k| content[k].span.end <= start);
        let mut after = (0..content.len()).filter(|&k| content[k].span.start >= end);
        for side in [&mut before as &mut dyn Iterator<Item = usize>, &mut after] {
            let mut taken = 0;
            for k in side {
                if taken == CONTEXT_WORDS {
                    break;
                }
                let stem = stems[k].get_or_insert_with(|| super::stem_of(&stemmer, &content[k].key).into_owned());
                if stem != counted && !SCALE_WORDS.contains(&stem.as_str()) {
                    context.push(stem.clone());
                    taken += 1;
                }
            }
        }
        context.sort();
        context.dedup();
        q.context = context;
    }
    out.sort_by_key(|q| (q.start, q.end));
    out
}

/// At most this many words make the phrase a number counts ("three major
/// underwater data lines" is cut after "underwater": the head is then the
/// first word).
const PHRASE_WORDS: usize = 3;
/// Words that are the thing counted whatever follows ("46 percent says").
const UNIT_WORDS: &[&str] = &["percent", "per", "cent", "points", "point"];

/// The head of the noun phrase a number counts, which starts at
/// `words[first]`: the first plural-looking word among up to
/// [`PHRASE_WORDS`] content words joined only by spaces or hyphens
/// ("three undersea cables were cut": cables), else the first word (a
/// phrase without a plural, such as "46 percent", names its thing first).
fn counted_head(text: &str, words: &[crate::diff::Word], first: usize) -> usize {
    if UNIT_WORDS.contains(&words[first].key.as_str()) {
        return first;
    }
    let mut k = first;
    loop {
        if looks_plural(&words[k].key) {
            return k;
        }
        let Some(next) = words.get(k + 1) else { return first };
        let joined = text[words[k].span.end..next.span.start].chars().all(|c| c == ' ' || c == '-');
        if k + 1 - first >= PHRASE_WORDS
            || !joined
            || is_stop_word(&next.key)
            || !next.key.chars().all(char::is_alphabetic)
        {
            return first;
        }
        k += 1;
    }
}

/// Whether a lower-case word looks like an English plural: "cables",
/// "days", not "press", "virus", "crisis".
fn looks_plural(key: &str) -> bool {
    key.len() >= 4
        && key.ends_with('s')
        && !key.ends_with("ss")
        && !key.ends_with("us")
        && !key.ends_with("is")
        && key.chars().all(char::is_alphabetic)
}

/// What the key of an amount of money starts with, before its currency's
/// sign (`money $`).
const MONEY: &str = "money ";

/// A currency: its sign, the key that keeps amounts in two currencies apart
/// ("A$" and "$" are two), and the word a reader is shown.
#[derive(Clone, Debug, PartialEq)]
struct Currency {
    sign: String,
    name: &'static str,
}

/// The currency a word written after an amount names ("2 million euros",
/// "one dollar"): a sign's name ([`CURRENCY_SIGNS`]) or, but for "pounds",
/// that name without its plural "s" ("one pound" weighs).
fn currency_named(word: &str) -> Option<(char, &'static str)> {
    CURRENCY_SIGNS
        .iter()
        .find(|&&(_, name)| name == word || (name != "pounds" && name.strip_suffix('s') == Some(word)))
        .copied()
}

/// Scale words and the power of ten they stand for.
const SCALES: &[(&str, u32)] = &[("thousand", 3), ("million", 6), ("billion", 9), ("trillion", 12)];

/// Scales glued to an amount of money ("$2.6m", "€3bn", "$2.6Bn").
fn glued_scale(unit: &str) -> Option<u32> {
    const GLUED: &[(&str, u32)] = &[("k", 3), ("m", 6), ("mn", 6), ("bn", 9), ("b", 9), ("tn", 12)];
    GLUED.iter().find(|(suffix, _)| unit.eq_ignore_ascii_case(suffix)).map(|&(_, power)| power)
}

/// The currency whose sign stands right before `at` in `text`, with the
/// letters that name a country's dollar or pound ("A$", "HK$", "E£"); "US$"
/// is "$".
fn sign_before(text: &str, at: usize) -> Option<(Currency, usize)> {
    let before = &text[..at];
    let &(sign, name) = CURRENCY_SIGNS.iter().find(|(sign, _)| before.ends_with(*sign))?;
    let letters_at = before[..at - sign.len_utf8()].trim_end_matches(|c: char| c.is_ascii_uppercase()).len();
    let letters = &before[letters_at..at - sign.len_utf8()];
    let prefix = if letters.len() > 3 || letters == "US" { "" } else { letters };
    let start = if letters.len() > 3 { at - sign.len_utf8() } else { letters_at };
    Some((Currency { sign: format!("{prefix}{sign}"), name }, start))
}

/// A number as written: its value, normalised with its scale ("2.6
/// million" and "2,600,000" are both `2600000`), where it starts (at a
/// currency sign before it), the last word it takes (its scale, currency
/// word or the digits after a spaced point) and its currency, if it is an
/// amount of money.
#[derive(Debug, PartialEq)]
struct Written {
    value: String,
    start: usize,
    last: usize,
    currency: Option<Currency>,
}

/// The number written at `words[i]`, if one is: digits ("3,000", "2.6"),
/// a spelled number ("four"; not a part of "twenty-five"), or, for money,
/// digits with a glued scale ("$2.6m"), with the scale word and currency
/// word after it ([`Written`]).
fn written_number(text: &str, words: &[crate::diff::Word], i: usize) -> Option<Written> {
    let word = &words[i];
    let w = &text[word.span.start..word.span.end];
    let spelled = SPELLED.iter().find(|(s, _)| *s == word.key).map(|(_, n)| *n);
    if !w.starts_with(|c: char| c.is_ascii_digit()) && spelled.is_none() {
        return None;
    }
    // Whether words[k + 1] follows words[k] after only spaces or hyphens.
    let joined = |k: usize| {
        words.get(k + 1).filter(|next| text[words[k].span.end..next.span.start].chars().all(|c| c == ' ' || c == '-'))
    };
    let spelled_neighbour =
        |k: usize| SPELLED.iter().any(|(s, _)| *s == words[k].key) || TENS.contains(&words[k].key.as_str());
    // "twenty-five", "Ninety-five": neither part is the number.
    if spelled.is_some()
        && (joined(i).is_some_and(|_| spelled_neighbour(i + 1))
            || i.checked_sub(1).is_some_and(|p| joined(p).is_some() && spelled_neighbour(p)))
    {
        return None;
    }
    let currency_word = |k: usize, scaled: bool| {
        let next = joined(k)?;
        // "pounds" counts only after a scale word and not before "of":
        // "300 pounds", "3 million pounds of beef" weigh.
        let (sign, name) = currency_named(&next.key)?;
        let weighs = name == "pounds" && (!scaled || words.get(k + 2).is_some_and(|w| w.key == "of"));
        (!weighs).then(|| Currency { sign: sign.to_string(), name })
    };
    let sign = sign_before(text, word.span.start);
    // Digits (thousands commas dropped) and the digits after a decimal
    // point, or, for money, a scale glued on ("2.6m").
    let glued = || {
        let digits = w.trim_end_matches(|c: char| c.is_alphabetic());
        let power = glued_scale(&w[digits.len()..])?;
        parse_decimal(digits).map(|(whole, fraction)| (whole, fraction, power))
    };
    let money = || sign.is_some() || currency_word(i, true).is_some();
    let (whole, mut fraction, mut scale) = match parse_decimal(w) {
        Some((whole, fraction)) => (whole, fraction, 0),
        None => match glued().filter(|_| money()) {
            Some(glued) => glued,
            None => (spelled?.to_string(), String::new(), 0),
        },
    };
    let mut last = i;
    // "£1. 7m": a decimal written with a space after its point, which the
    // segmenter keeps in one sentence ([`crate::text::spaced_decimal`]); not
    // a time ("4. 30am").
    if let Some((digits, unit)) = text[word.span.end..]
        .strip_prefix('.')
        .filter(|_| fraction.is_empty() && scale == 0 && !w.contains(','))
        .and_then(|after| crate::text::spaced_decimal(&text[..word.span.end], after))
        .filter(|(_, unit)| !["am", "pm"].iter().any(|time| unit.eq_ignore_ascii_case(time)))
    {
        fraction = digits.trim_end_matches('0').to_string();
        scale = sign.as_ref().and_then(|_| glued_scale(unit)).unwrap_or(0);
        last = i + 1;
    }
    // "2.6 million", "two-million-euro": a scale word joined by a space or
    // a hyphen.
    if scale == 0
        && let Some(&(_, power)) = joined(last).and_then(|next| SCALES.iter().find(|(s, _)| *s == next.key))
    {
        scale = power;
        last += 1;
    }
    let (currency, start) = match sign {
        Some((currency, start)) => (Some(currency), start),
        None => match currency_word(last, scale > 0) {
            Some(currency) => {
                last += 1;
                (Some(currency), word.span.start)
            }
            None => (None, word.span.start),
        },
    };
    Some(Written { value: scaled(&whole, &fraction, scale), start, last, currency })
}

/// `word` as a number with digits only, thousands commas and at most one
/// decimal point: its whole digits and its fraction's ("3,000" → 3000 and
/// none; "2.60" → 2 and 6). None for anything else ("15th", "24/7").
fn parse_decimal(word: &str) -> Option<(String, String)> {
    if !word.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let (whole, fraction) = word.split_once('.').unwrap_or((word, ""));
    // "3,000": groups of three after a comma ("1,2" is no number).
    if whole.split(',').skip(1).any(|group| group.len() != 3) {
        return None;
    }
    let whole: String = whole.chars().filter(|c| *c != ',').collect();
    if !whole.chars().all(|c| c.is_ascii_digit()) || !fraction.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    if word.contains('.') && fraction.is_empty() {
        return None;
    }
    Some((whole, fraction.trim_end_matches('0').to_string()))
}

/// The decimal `whole.fraction` × 10^`power`, written without leading or
/// trailing zeros ("2", "6", 6 → "2600000"; "2", "65", 1 → "26.5"), exact
/// where a float would not be.
fn scaled(whole: &str, fraction: &str, power: u32) -> String {
    let power = power as usize;
    let mut digits = format!("{whole}{fraction}");
    let point = whole.len() + power;
    while digits.len() < point {
        digits.push('0');
    }
    let (int, frac) = digits.split_at(point);
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() { int.to_string() } else { format!("{int}.{frac}") }
}

/// Whether two values are within a factor of two of each other ("$2.5
/// million" and "$2.6 million", not "$50,000" and "$2.6 million").
fn within_factor_two(a: &Quantity, b: &Quantity) -> bool {
    match (a.value.parse::<f64>(), b.value.parse::<f64>()) {
        (Ok(x), Ok(y)) if x > 0.0 && y > 0.0 => x.max(y) <= 2.0 * x.min(y),
        _ => false,
    }
}

/// A group member as discrepancies read it: its sentence, its text and the
/// quantities it states (offsets in its article, as the sentence's).
pub(super) type GroupMember<'a> = (&'a Sentence, &'a str, &'a [Quantity]);

/// The quantities of a sentence's `text`, placed at its article offset.
pub(super) fn placed_quantities(text: &str, offset: usize) -> Vec<Quantity> {
    quantities(text).into_iter().map(|q| Quantity { start: q.start + offset, end: q.end + offset, ..q }).collect()
}

/// A replaced run longer than this many words on either side is a rewrite,
/// not one value standing in for another.
const MAX_REPLACED_WORDS: usize = 4;

/// Flags values that members of one group state differently:
/// - where the word diff replaces a short run of the base holding a number,
///   year or date by a member's run holding another value of the same kind
///   ("some 3,000 members" / "2,500 members", "Since 2014" / "Since 2016");
/// - where two members count the same thing ("members") with different
///   numbers, each stating it once.
///
/// A vague month ("mid-July") agrees with any day of it ("July 15").
pub(super) fn find_discrepancies(
    base: &str,
    diffs: &[MemberDiff],
    texts: &BTreeMap<&str, GroupMember>,
    headlines: bool,
) -> Vec<Discrepancy> {
    let quantities_of = |id: &str| -> &[Quantity] { texts.get(id).map_or(&[], |m| m.2) };
    let value_of = |id: &str, q: &Quantity| {
        let (sentence, text, _) = texts[id];
        DiscrepancyValue {
            sentence: id.to_string(),
            start: q.start,
            end: q.end,
            text: text[q.start - sentence.start..q.end - sentence.start].to_string(),
            value: q.value.clone(),
        }
    };
    let base_quantities = quantities_of(base);
    let disagree = |a: &Quantity, b: &Quantity| a.disagrees_with(b);
    let word_count = |t: &str| crate::diff::words(t, 0).len();

    // Slot discrepancies, keyed by the base quantity's position.
    let mut by_slot: BTreeMap<(usize, usize), (Quantity, Vec<DiscrepancyValue>)> = BTreeMap::new();
    for diff in diffs.iter().filter(|d| d.similarity >= COMPARABLE_SIMILARITY) {
        let member_quantities = quantities_of(&diff.member);
        for pair in diff.ops.windows(2) {
            let (DiffKind::Delete, DiffKind::Insert) = (pair[0].kind, pair[1].kind) else { continue };
            if word_count(&pair[0].text) > MAX_REPLACED_WORDS || word_count(&pair[1].text) > MAX_REPLACED_WORDS {
                continue;
            }
            let (Some(del), Some(ins)) = (pair[0].base, pair[1].member) else { continue };
            let overlaps = |q: &Quantity, s: Span| q.start < s.end && s.start < q.end;
            for bq in base_quantities.iter().filter(|q| overlaps(q, del)) {
                for mq in member_quantities.iter().filter(|q| overlaps(q, ins)) {
                    // A value the other sentence states too, elsewhere, was
                    // met by a diff that paired the wrong figures ("$334
                    // million, including $281 million in cash" / "$281
                    // million in cash"); with several values of one thing
                    // on both sides, which pairs with which is a guess.
                    let stated_by_other = bq.alike(member_quantities).any(|o| o.same_value(bq))
                        || mq.alike(base_quantities).any(|o| o.same_value(mq));
                    // (Counted over the values the other does not state too:
                    // "since 2014 and after 2016" / "since 2015 and after
                    // 2016" leaves one year on each side.)
                    let unshared = |q: &Quantity, own: &[Quantity], other: &[Quantity]| {
                        q.alike(own).filter(|o| !q.alike(other).any(|x| x.same_value(o))).count()
                    };
                    let ambiguous = unshared(bq, base_quantities, member_quantities) > 1
                        && unshared(mq, member_quantities, base_quantities) > 1;
                    if disagree(bq, mq) && !stated_by_other && !ambiguous {
                        let entry =
                            by_slot.entry((bq.start, bq.end)).or_insert_with(|| (bq.clone(), vec![value_of(base, bq)]));
                        entry.1.push(value_of(&diff.member, mq));
                    }
                }
            }
        }
    }
    let mut out: Vec<Discrepancy> = by_slot
        .into_values()
        .map(|(q, values)| Discrepancy { kind: q.kind, about: q.about, counted: q.counted, values })
        .collect();

    // Counted things: each member that states a number for it once.
    let mut by_about: BTreeMap<String, Vec<(&str, Quantity)>> = BTreeMap::new();
    let comparable =
        |id: &str| id == base || diffs.iter().any(|d| d.member == id && d.similarity >= COMPARABLE_SIMILARITY);
    // In a card of headlines (one per outlet, one fact), an amount of money
    // each states once is compared however the rest is worded: headlines
    // are too short to share the words around it ("Paris thieves nab $2.5
    // million worth of jewellery" / "Thieves in $2.6 million smash-and-grab
    // raid on Paris jewelry store").
    let loose = |about: &str| headlines && about.starts_with(MONEY);
    for id in texts.keys() {
        let numbers: Vec<&Quantity> = quantities_of(id).iter().filter(|q| q.kind == DiscrepancyKind::Number).collect();
        for q in &numbers {
            if numbers.iter().filter(|o| o.about == q.about).count() == 1 && (comparable(id) || loose(&q.about)) {
                by_about.entry(q.about.clone()).or_default().push((id, (*q).clone()));
            }
        }
    }
    for (about, found) in by_about {
        // Only the members whose number stands in the same slot as another
        // member's: "36-year-old Klitschko" and "40-year-old Thompson"
        // count years of two people.
        // (Loosely: within a factor of two, as a story's headlines may state
        // its reward and its haul.)
        let slot =
            |q: &Quantity, o: &Quantity| if loose(&about) { within_factor_two(q, o) } else { q.shares_context(o) };
        let slotted: Vec<&(&str, Quantity)> = found
            .iter()
            .enumerate()
            .filter(|&(i, (_, q))| found.iter().enumerate().any(|(j, (_, o))| i != j && slot(q, o)))
            .map(|(_, f)| f)
            .collect();
        let disagreeing = slotted.iter().any(|(_, q)| slotted.iter().any(|(_, o)| !q.same_value(o) && slot(q, o)));
        let already = out.iter().any(|d| d.kind == DiscrepancyKind::Number && d.about == about);
        if disagreeing && !already {
            out.push(Discrepancy {
                kind: DiscrepancyKind::Number,
                about,
                counted: slotted.first().map(|(_, q)| q.counted.clone()).unwrap_or_default(),
                values: slotted.iter().map(|(id, q)| value_of(id, q)).collect(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::word_diff;

    fn q(text: &str) -> Vec<(&'static str, String, String)> {
        quantities(text).into_iter().map(|q| (q.kind.as_str(), q.about, q.value)).collect()
    }

    #[test]
    fn quantities_of_a_sentence() {
        assert_eq!(
            q("Some 3,000 members arrived in 2014, and four groups left on July 15 after 24/7 work."),
            vec![
                ("number", "member".to_string(), "3000".to_string()),
                ("year", String::new(), "2014".to_string()),
                ("number", "group".to_string(), "4".to_string()),
                ("date", "month 07".to_string(), "XXXX-07-15".to_string()),
            ]
        );
    }

    #[test]
    fn a_number_counts_the_head_of_the_phrase_after_it() {
        let counted = |text: &str| quantities(text).into_iter().map(|q| (q.about, q.counted)).collect::<Vec<_>>();
        assert_eq!(counted("Three undersea cables were damaged."), vec![("cabl".into(), "cables".into())]);
        assert_eq!(counted("It lasted four days of riots."), vec![("day".into(), "days".into())]);
        // No plural in the phrase: its first word; a unit whatever follows.
        assert_eq!(counted("Clinton leads by 46 percent."), vec![("percent".into(), "percent".into())]);
        assert_eq!(counted("Some 46 percent says no."), vec![("percent".into(), "percent".into())]);
        // The phrase ends at punctuation and at a stop word.
        assert_eq!(counted("He owns three houses, cars and boats."), vec![("hous".into(), "houses".into())]);
        assert_eq!(counted("Up to 70 percent of traffic."), vec![("percent".into(), "percent".into())]);
    }

    #[test]
    fn the_counted_noun_keys_the_comparison_and_names_it() {
        let d = discrepancies(
            "Two undersea cables in the Mediterranean were cut on Friday, officials said.",
            "Three cables in the Mediterranean were cut on Friday, officials said.",
        );
        assert_eq!(d.len(), 1, "{d:#?}");
        assert_eq!((d[0].about.as_str(), d[0].label()), ("cabl", "cables"));
    }

    fn discrepancies(base: &str, member: &str) -> Vec<Discrepancy> {
        discrepancies_in(base, member, false)
    }

    fn discrepancies_in(base: &str, member: &str, headlines: bool) -> Vec<Discrepancy> {
        let sentences = [
            Sentence { id: "a0.s0".into(), start: 0, end: base.len(), ..Sentence::default() },
            Sentence { id: "a1.s0".into(), start: 0, end: member.len(), ..Sentence::default() },
        ];
        let d = word_diff(base, 0, member, 0);
        let diff = MemberDiff {
            member: "a1.s0".into(),
            base: "a0.s0".into(),
            similarity: d.similarity,
            ops: d.ops,
            wording: None,
            restates: None,
        };
        let stated = [placed_quantities(base, 0), placed_quantities(member, 0)];
        let texts = BTreeMap::from([
            ("a0.s0", (&sentences[0], base, stated[0].as_slice())),
            ("a1.s0", (&sentences[1], member, stated[1].as_slice())),
        ]);
        find_discrepancies("a0.s0", &[diff], &texts, headlines)
    }

    #[test]
    fn different_days_disagree_and_a_vague_month_agrees() {
        let d = discrepancies("The attack came on July 15 at night.", "The attack came on July 20 at night.");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].kind, DiscrepancyKind::Date);
        assert_eq!(d[0].values.iter().map(|v| v.text.as_str()).collect::<Vec<_>>(), vec!["July 15", "July 20"]);
        assert!(
            discrepancies("The attack came on July 15 at night.", "The attack came in mid-July at night.").is_empty()
        );
    }

    #[test]
    fn years_in_the_same_slot_disagree_and_unrelated_numbers_do_not() {
        let d = discrepancies("Relations soured in 2014 after the move.", "Relations soured in 2016 after the move.");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].kind, DiscrepancyKind::Year);
        // Different things counted: no discrepancy.
        assert!(discrepancies("Diplomats got 24 hours to leave.", "Two diplomats were told to leave.").is_empty());
        // The same number written two ways agrees.
        assert!(discrepancies("Iran used four groups.", "Iran used 4 groups.").is_empty());
    }

    #[test]
    fn amounts_of_money_and_decimals_are_values() {
        assert_eq!(
            q("Thieves took a two-million-euro ($2.6-million) booty, worth £1.7m, after a 5.8 magnitude quake."),
            vec![
                ("number", "money €".to_string(), "2000000".to_string()),
                ("number", "money $".to_string(), "2600000".to_string()),
                ("number", "money £".to_string(), "1700000".to_string()),
                ("number", "magnitud".to_string(), "5.8".to_string()),
            ]
        );
        // One amount written three ways is one value.
        let values: Vec<String> = ["$2.6 million", "2,600,000 dollars", "US$2.60m"]
            .iter()
            .flat_map(|amount| q(&format!("They stole {amount} in gems.")))
            .map(|(_, about, value)| format!("{about} {value}"))
            .collect();
        assert_eq!(values, vec!["money $ 2600000"; 3]);
        // ECB+'s tokenised decimals: "£1. 7m" is £1.7m.
        assert_eq!(
            q("They made off with £1. 7m in gems."),
            vec![("number", "money £".to_string(), "1700000".to_string())]
        );
        // "300 pounds" may weigh; "3 million pounds" is money.
        assert_eq!(q("He weighs 300 pounds.")[0].1, "pound");
        assert_eq!(q("It cost 3 million pounds.")[0].1, "money £");
        assert_eq!(scaled("26", "54", 1), "265.4");
        assert_eq!(scaled("0", "25", 0), "0.25");
    }

    #[test]
    fn different_amounts_of_one_currency_disagree_and_two_currencies_do_not() {
        let d = discrepancies(
            "Thieves stole jewellery worth $2.5 million from a Paris store on Monday.",
            "Thieves stole jewellery worth $2.6 million from a Paris store on Monday.",
        );
        assert_eq!(d.len(), 1, "{d:#?}");
        assert_eq!(d[0].label(), "dollars");
        let texts: Vec<&str> = d[0].values.iter().map(|v| v.text.as_str()).collect();
        assert_eq!(texts, vec!["$2.5 million", "$2.6 million"]);
        assert!(
            discrepancies(
                "Thieves stole jewellery worth 2 million euros from a Paris store on Monday.",
                "Thieves stole jewellery worth $2.6 million from a Paris store on Monday.",
            )
            .is_empty()
        );
        assert!(
            discrepancies(
                "Thieves stole jewellery worth $2.6 million from a Paris store on Monday.",
                "Thieves stole jewellery worth 2,600,000 dollars from a Paris store on Monday.",
            )
            .is_empty()
        );
    }

    #[test]
    fn a_figure_the_other_sentence_states_too_or_several_on_both_sides_are_no_discrepancy() {
        assert!(
            discrepancies(
                "AMD will pay $334 million for SeaMicro, including $281 million in cash.",
                "AMD will pay $281 million in cash for SeaMicro and the rest in stock.",
            )
            .is_empty()
        );
        assert!(
            discrepancies(
                "The margin of error is plus or minus 4.1 percentage points, and plus or minus 4.3 percentage points.",
                "The margin of error is plus or minus 4 percentage points, and plus or minus 4.5 percentage points.",
            )
            .is_empty()
        );
        // One figure on each side still disagrees.
        let d = discrepancies(
            "The margin of error is plus or minus 4.1 percentage points for the sample.",
            "The margin of error is plus or minus 4 percentage points for the sample.",
        );
        assert_eq!(d.len(), 1, "{d:#?}");
    }

    #[test]
    fn headlines_stating_different_amounts_disagree_however_they_are_worded() {
        let (a, b) = (
            "Paris thieves nab $2.5 million worth of jewellery",
            "Thieves in $2.6 million smash-and-grab raid on Paris jewelry store",
        );
        assert!(discrepancies_in(a, b, false).is_empty());
        let d = discrepancies_in(a, b, true);
        assert_eq!(d.len(), 1, "{d:#?}");
        assert_eq!(d[0].label(), "dollars");
        // Only money: other counts in headlines still need their slot.
        assert!(
            discrepancies_in("Storm kills 12 people in Vellmar", "15 people dead as storm hits Vellmar", true)
                .is_empty()
        );
        // Two amounts of one story, far apart and worded apart, are two
        // figures: a reward and a haul.
        assert!(
            discrepancies_in(
                "Police offer $50,000 reward after heist",
                "Thieves nab $2.6 million in Paris heist",
                true
            )
            .is_empty()
        );
        // Two currencies are two amounts.
        assert!(discrepancies_in(a, "Two million euro jewellery heist in central Paris", true).is_empty());
    }

    #[test]
    fn the_reviews_cases_read_as_a_reader_would() {
        // The digits after a spaced point are not a number of their own.
        assert_eq!(q("The index rose +0. 26% points on Monday."), vec![("number", "point".into(), "0.26".into())]);
        // An Australian dollar is not a US one, and keeps its letters.
        let worth = |amount: &str| format!("The mine was sold for {amount} on Monday, the company said.");
        assert!(discrepancies(&worth("A$2.6 million"), &worth("$1.8 million")).is_empty());
        assert_eq!(q(&worth("US$2.6 million"))[0].1, "money $");
        assert_eq!(q(&worth("HK$2.6 million"))[0].1, "money HK$");
        // "twenty-five", "1,2", "pounds of beef", a glued scale before a
        // currency word, mixed case.
        assert!(q("They paid twenty-five million dollars.").is_empty());
        assert!(q("Ninety-five percent of the cargo is carried by ship.").is_empty());
        assert!(
            discrepancies(
                "Ninety-five percent of international cargo to the United States is carried by ship.",
                "Ships carry 95 percent of international cargo to the United States.",
            )
            .is_empty()
        );
        assert!(q("They paid $1,2 million.").is_empty());
        assert_eq!(q("It recalls 3 million pounds of beef.")[0].1, "pound");
        assert_eq!(q("They took 1.5m euros.")[0].1, "money €");
        assert_eq!(q("They took $2.6Bn.")[0].2, "2600000000");
        // Several years on both sides, one of them shared: the other pair
        // is one slot.
        let d = discrepancies(
            "The office has been open since 2014 and moved after 2016, the council said.",
            "The office has been open since 2015 and moved after 2016, the council said.",
        );
        assert_eq!(d.len(), 1, "{d:#?}");
    }

    #[test]
    fn a_british_and_an_american_spelling_count_the_same_thing_in_the_same_slot() {
        let d = discrepancies("The defence centre ordered 12 colours.", "The defense center ordered 15 colors.");
        assert_eq!(d.len(), 1, "{d:#?}");
    }

    #[test]
    fn a_date_written_without_its_year_agrees_with_the_same_day() {
        assert!(
            discrepancies(
                "Jackson is due in court on Feb. 17 for the hearing.",
                "Jackson is due in court on February 17, 2009 for the hearing."
            )
            .is_empty()
        );
    }

    #[test]
    fn two_sentences_on_one_poll_do_not_flag_each_others_figures() {
        // Worded 0.2 alike: the 5 percent are another candidate's.
        assert!(
            discrepancies(
                "Clinton beats Trump by 46 percent to 42 percent, according to the poll.",
                "Among likely voters in a four-way race, 46 percent would choose Clinton and 44 percent would back \
                 Trump, while 5 percent prefer Libertarian nominee Gary Johnson."
            )
            .is_empty()
        );
    }

    #[test]
    fn ages_disagree_only_for_the_same_person() {
        let two_people = discrepancies(
            "An 11-year-old girl was wounded by the sniper on the roof.",
            "A 34-year-old mother was wounded by the sniper on the roof.",
        );
        assert!(two_people.is_empty(), "{two_people:#?}");
        let one_person = discrepancies(
            "A 34-year-old mother was wounded by the sniper on the roof.",
            "A 36-year-old mother was wounded by the sniper on the roof.",
        );
        assert_eq!(one_person.len(), 1, "{one_person:#?}");
    }
}
