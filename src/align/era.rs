//! When a sentence's facts happened, as far as its dates tell. A sentence
//! that names only dates well before its article's day ("DeGeneres … first
//! hosted the Oscars in 2007" in an article of 2013) tells an earlier
//! occurrence, not the news its article reports: the aligner keeps it apart
//! from the top sentences of other articles that name none of its years
//! ("Ellen DeGeneres will host the Oscars"), however many words they share.

use crate::dates::find_dates;
use chrono::{Datelike, Days, NaiveDate};

/// How long before its article's day every date of a sentence must end for
/// the sentence to tell the past: a year. "On December 30" in an article of
/// January 6 is the week's news, and "last year" in July may be too.
const LONG_BEFORE_DAYS: u64 = 365;

/// The first year [`Era::years`] has a bit for; it has 128.
const FIRST_YEAR: i32 = 1930;

/// The years a sentence's dates touch, and how they stand to its article's
/// day. The default is an undated article's sentence: no years, no past.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Era {
    /// Its article has a day: without one, nothing is known of its time.
    pub dated: bool,
    /// A bit per year from [`FIRST_YEAR`]: the years its dates touch,
    /// resolved against its article's day ("last year", "in March"), or its
    /// article's year when it names no date. A date is its own years only:
    /// "from 2010 to 2014" touches 2010 and 2014, not 2012. A year outside
    /// the 128 takes the first or the last bit, so it may share a year it
    /// does not (which only keeps two sentences from being parted).
    pub years: u128,
    /// It writes a year before its article's ("in 2007", "December 2012";
    /// not "last year" or "in August", whose year is read from the
    /// article's day and may be misread).
    pub earlier: bool,
    /// It writes a year, every date it names ends more than
    /// [`LONG_BEFORE_DAYS`] before its article's day, and it holds no verb
    /// of now ([`speaks_of_now`]).
    pub past: bool,
}

impl Era {
    /// The era of `sentence` in an article of `day`, if the article has one.
    pub fn of(sentence: &str, day: Option<NaiveDate>) -> Era {
        let Some(day) = day else { return Era::default() };
        let today = Era { dated: true, years: bit(day.year()), earlier: false, past: false };
        // Only a sentence that writes a year can be earlier or past; one
        // without is of its article's year (the scan for dates costs more
        // than the rest of a sentence's alignment).
        if !names_a_year(sentence) {
            return today;
        }
        // Each date's first and last day, and whether its year is written;
        // a date after "since" lasts to the article's day ("based in
        // Albania since 2014" is still so).
        let spans: Vec<(NaiveDate, NaiveDate, bool)> = find_dates(sentence, Some(day))
            .iter()
            .filter_map(|m| {
                let (first, last) = m.value.days()?;
                let since = sentence[..m.start]
                    .split_whitespace()
                    .next_back()
                    .is_some_and(|w| w.trim_start_matches(|c: char| !c.is_alphabetic()).eq_ignore_ascii_case("since"));
                Some((first, if since { last.max(day) } else { last }, !m.relative))
            })
            .collect();
        if spans.is_empty() {
            return today;
        }
        let long_before = day - Days::new(LONG_BEFORE_DAYS);
        Era {
            dated: true,
            years: spans.iter().fold(0, |m, (first, last, _)| (first.year()..=last.year()).fold(m, |m, y| m | bit(y))),
            earlier: spans.iter().any(|&(first, _, written)| written && first.year() < day.year()),
            past: spans.iter().any(|&(_, _, written)| written)
                && spans.iter().all(|&(_, last, _)| last < long_before)
                && !speaks_of_now(sentence),
        }
    }

    /// Whether the two eras name a year in common.
    pub fn share_a_year(self, other: Era) -> bool {
        self.years & other.years != 0
    }
}

/// Whether `sentence` holds four digits in a row that could be a year
/// (1000–2999), the cheap test before [`find_dates`].
fn names_a_year(sentence: &str) -> bool {
    sentence.as_bytes().windows(4).any(|w| matches!(w[0], b'1' | b'2') && w.iter().all(u8::is_ascii_digit))
}

/// Words of a verb in the present or future: a sentence that holds one
/// speaks of now, whatever old year it names ("AMD is paying $281m … for
/// SeaMicro, which … got funding as part of the … Act of 2009"). Written
/// with a straight apostrophe; a curly one reads the same.
const NOW_WORDS: &[&str] = &[
    "is", "are", "am", "will", "shall", "has", "have", "does", "do", "can", "says", "say", "isn't", "aren't", "won't",
    "hasn't", "haven't", "doesn't", "don't", "can't", "it's", "that's", "there's", "he's", "she's",
];

/// Endings of a contracted verb of now ("she'll", "they're", "we've",
/// "I'm").
const NOW_ENDINGS: &[&str] = &["'ll", "'re", "'ve", "'m"];

/// Whether `sentence` holds a verb in the present or future ([`NOW_WORDS`],
/// [`NOW_ENDINGS`]), a word's quotation marks aside ("'Is it over?'").
/// Called only for the few sentences that name a year long past.
fn speaks_of_now(sentence: &str) -> bool {
    let apostrophe = |c: char| c == '\'' || c == '’';
    sentence.split(|c: char| !(c.is_alphabetic() || apostrophe(c))).any(|word| {
        let word = word.trim_matches(apostrophe).replace('’', "'").to_lowercase();
        NOW_WORDS.contains(&word.as_str()) || NOW_ENDINGS.iter().any(|e| word.len() > e.len() && word.ends_with(e))
    })
}

/// The bit of `year` in [`Era::years`]: a year outside the 128 takes the
/// nearest end's.
fn bit(year: i32) -> u128 {
    1 << (year - FIRST_YEAR).clamp(0, 127)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Option<NaiveDate> {
        crate::dates::parse_iso_day(s)
    }

    #[test]
    fn a_sentence_of_long_ago_tells_the_past_and_the_weeks_news_does_not() {
        let then = Era::of("DeGeneres first hosted the Oscars in 2007.", day("2013-08-02"));
        assert!(then.past && then.earlier);
        let now = Era::of("Ellen DeGeneres will host the Oscars.", day("2013-08-02"));
        assert!(!now.past && !now.earlier);
        assert!(!then.share_a_year(now), "2007 and the article's 2013");
        // Resolved against the article's day: the last week of the old
        // year is the week's news, not the past.
        let week = Era::of("Melar blocked the investigation on December 30.", day("2024-01-06"));
        assert!(!week.earlier && !week.past);
        assert!(Era::of("The cable was last cut in December 2012.", day("2013-08-02")).earlier);
        // A verb of now, contracted or quoted, or "says": the old year is
        // an aside.
        for text in [
            "She'll host again; she first hosted in 2007.",
            "They’re back: they first met in 2007.",
            "'Is it over?' she asked in 2007.",
            "Police say the boy was shot in October 2011.",
        ] {
            assert!(!Era::of(text, day("2013-08-02")).past, "{text}");
        }
        // A relative date alone is not the past, however far back.
        assert!(!Era::of("The crash two years ago killed 2500 people.", day("2013-08-02")).past);
        // "(since 2014)" is since.
        assert!(!Era::of("The group (since 2014) stays in Albania.", day("2016-05-10")).past);
        // A verb of now: the old year is an aside.
        let aside =
            Era::of("AMD is paying $281m for SeaMicro, funded under the Recovery Act of 2009.", day("2012-02-29"));
        assert!(aside.earlier && !aside.past);
        // A state since a year of long ago lasts to the article's day.
        let since = Era::of("The group has been based in Albania since 2014.", day("2016-05-10"));
        assert!(since.earlier && !since.past);
        assert!(since.share_a_year(Era::of("It has been based in Albania since 2016.", day("2016-05-11"))));
        // A sentence that names the year of the past one shares it.
        let again = Era::of("She hosted in 2007 and will host again next year.", day("2013-08-02"));
        assert!(!again.past && again.share_a_year(then));
    }

    #[test]
    fn a_written_year_before_the_articles_is_earlier() {
        let on = |text: &str, d: &str| Era::of(text, day(d)).earlier;
        let d = "2013-08-02";
        assert!(on("DeGeneres first hosted the Oscars in 2007, the second woman to do so.", d));
        assert!(on("The cable was last cut in December 2012.", d));
        assert!(!on("DeGeneres will host the Oscars in 2014.", d));
        assert!(!on("She will host the 86th Oscars, producers said on Friday.", d));
        assert!(!on("Thieves took 2500 watches.", "1999-01-01"));
        assert!(!on("About 1950 residents fled the floods.", d));
        assert!(!on("The first ceremony was held last year.", d), "a year read from the article's day");
    }

    #[test]
    fn an_undated_article_has_no_era() {
        assert_eq!(Era::of("She first hosted the Oscars in 2007.", None), Era::default());
        assert!(!Era::default().dated);
        // Years outside the window take its ends: two sentences on 1918
        // share a year.
        let flu = |text: &str| Era::of(text, day("2018-11-11"));
        assert!(flu("The flu of 1918 killed millions.").share_a_year(flu("In 1918 the flu spread.")));
        assert_eq!(bit(1800), 1);
        assert_eq!(bit(FIRST_YEAR + 200), 1 << 127);
    }
}
