//! The timeline: every date the coverage mentions, normalised, anchored per
//! article and merged into events across sources.
//!
//! This is how a reader sees a story's history at a glance (the attack in
//! July, the break of relations in September, the 2018 expulsions) and where
//! outlets disagree about when something happened.
//!
//! 1. The corpus reference date is the full date most articles agree on
//!    (their own dates and the explicit full dates in their prose).
//! 2. Each article's sentences are scanned by [`crate::dates::extract`], relative
//!    expressions anchored to the article's own date, or else to the
//!    reference date. Numeric dates are read with the cues of all the
//!    articles of the same outlet.
//! 3. Each article's own date becomes a `published` entry (with its span
//!    when it comes from a dateline in the text).
//! 4. Entries with the same value become one event. Events are per exact
//!    value: "mid-July" (`2022-07`) and "July 15" (`2022-07-15`) are two
//!    events, and a view that wants to nest days in their month can do so by
//!    value prefix. A value with an unknown year (`XXXX-07-15`, only when
//!    there is no anchor at all) cannot be placed and makes no event.

use crate::dates::extract::{Cue, order_of, unanchored_dates_and_cues};
use crate::dates::{DateMention, Granularity, NumericOrder, Timex, find_dateline, find_dates_with, parse_iso_day};
use crate::model::{Analysis, Article, EntryKind, TimelineEntry, TimelineEvent};
use chrono::NaiveDate;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

/// Fills `reference_date`, `timeline` and `events` of an analysis whose
/// articles are segmented.
pub fn analyze(analysis: &mut Analysis) {
    // One scan of every sentence without an anchor, on all cores, serves
    // both the reference date (its full dates) and its outlet's numeric
    // order (its cues): what `reference_date` and `numeric_order_cue` find.
    let scanned: Vec<(BTreeSet<NaiveDate>, Vec<Cue>)> = analysis
        .articles
        .par_iter()
        .map(|article| {
            let mut cues = Vec::new();
            let dates = named_dates(article, |text| {
                let (dates, found) = unanchored_dates_and_cues(text);
                cues.extend(found);
                dates
            });
            (dates, cues)
        })
        .collect();
    let reference = most_named(analysis.articles.iter().zip(&scanned).map(|(article, (dates, _))| (article, dates)));
    analysis.reference_date = reference.map(|d| d.format("%Y-%m-%d").to_string());

    let mut outlet_cues: BTreeMap<&str, Vec<Cue>> = BTreeMap::new();
    for (article, (_, cues)) in analysis.articles.iter().zip(&scanned) {
        outlet_cues.entry(article.source.as_str()).or_default().extend(cues.iter().copied());
    }
    let orders: BTreeMap<&str, NumericOrder> =
        outlet_cues.into_iter().map(|(source, cues)| (source, order_of(cues))).collect();

    // Each article alone, on all cores; collected in article order.
    let per_article: Vec<Vec<TimelineEntry>> = analysis
        .articles
        .par_iter()
        .map(|article| {
            let order = orders.get(article.source.as_str()).copied().unwrap_or_default();
            article_entries(article, reference, order)
        })
        .collect();
    let mut timeline: Vec<TimelineEntry> = per_article.into_iter().flatten().collect();
    let events = build_events(&mut timeline);
    analysis.timeline = timeline;
    analysis.events = events;
}

/// The full dates an article names: its own date and the explicit full
/// dates of its prose, as `find` (unanchored) finds them in each sentence.
fn named_dates(article: &Article, mut find: impl FnMut(&str) -> Vec<DateMention>) -> BTreeSet<NaiveDate> {
    let own = article.date.as_deref().and_then(parse_iso_day);
    let mut dates: BTreeSet<NaiveDate> = own.into_iter().collect();
    for sentence in &article.sentences {
        dates.extend(
            find(article.sentence_text(sentence))
                .into_iter()
                .filter(|m| m.granularity == Granularity::Day && !m.relative && !m.ambiguous)
                .filter_map(|m| m.value.date()),
        );
    }
    dates
}

/// The full date the corpus agrees on: the one named (as an article's own
/// date or as an explicit full date in its prose) by the most articles;
/// among equals, one that is some article's own date, then the latest. Each
/// article comes with the dates it names ([`named_dates`]).
fn most_named<'a>(articles: impl Iterator<Item = (&'a Article, &'a BTreeSet<NaiveDate>)>) -> Option<NaiveDate> {
    let mut named_by: BTreeMap<NaiveDate, (usize, bool)> = BTreeMap::new();
    for (article, dates) in articles {
        let own = article.date.as_deref().and_then(parse_iso_day);
        for &date in dates {
            let slot = named_by.entry(date).or_default();
            slot.0 += 1;
            slot.1 |= own == Some(date);
        }
    }
    named_by.into_iter().max_by_key(|(date, (count, own))| (*count, *own, *date)).map(|(date, _)| date)
}

/// The `published` entry and the date mentions of one article, in text
/// order, with ids `a0.t0`, `a0.t1`, …
fn article_entries(article: &Article, reference: Option<NaiveDate>, order: NumericOrder) -> Vec<TimelineEntry> {
    let own = article.date.as_deref().and_then(parse_iso_day);
    let anchor = own.or(reference);
    let mut mentions: Vec<(String, DateMention)> = Vec::new();
    for sentence in &article.sentences {
        let text = article.sentence_text(sentence);
        for mut m in find_dates_with(text, anchor, order) {
            m.start += sentence.start;
            m.end += sentence.start;
            mentions.push((sentence.id.clone(), m));
        }
    }

    let mut entries = Vec::new();

    if let (Some(date), Some(day)) = (&article.date, own) {
        let dateline = dateline_mention(article, &mentions, date);
        let entry = match dateline {
            Some(index) => {
                let (sentence, m) = mentions.remove(index);
                TimelineEntry {
                    sentence: Some(sentence),
                    start: Some(m.start),
                    end: Some(m.end),
                    ..TimelineEntry::new(EntryKind::Published, m.value, article.text[m.start..m.end].to_string())
                }
            }
            None => TimelineEntry::new(EntryKind::Published, Timex::Day(day), date.clone()),
        };
        entries.push(entry);
    }
    entries.extend(mentions.into_iter().map(|(sentence, m)| TimelineEntry {
        sentence: Some(sentence),
        start: Some(m.start),
        end: Some(m.end),
        fuzzy: m.fuzzy,
        ambiguous: m.ambiguous,
        alternative: m.alternative,
        ..TimelineEntry::new(EntryKind::Mention, m.value, article.text[m.start..m.end].to_string())
    }));
    for (i, entry) in entries.iter_mut().enumerate() {
        entry.id = format!("{}.t{i}", article.id);
        entry.article = article.id.clone();
    }
    entries
}

/// The mention that is the article's dateline: the first mention of the
/// first sentence, an explicit full date equal to the article's date, when
/// the text opens with a dateline.
fn dateline_mention(article: &Article, mentions: &[(String, DateMention)], date: &str) -> Option<usize> {
    let from_dateline = find_dateline(&article.text).is_some_and(|d| d.format("%Y-%m-%d").to_string() == date);
    let first_sentence = &article.sentences.first()?.id;
    let (sentence, m) = mentions.first()?;
    (from_dateline && sentence == first_sentence && !m.relative && m.value.to_string() == date).then_some(0)
}

/// Merges entries with the same placed value into events `e0`, `e1`, … in
/// chronological order, and links each entry to its event.
fn build_events(entries: &mut [TimelineEntry]) -> Vec<TimelineEvent> {
    let mut by_value: BTreeMap<String, (Timex, Vec<usize>)> = BTreeMap::new();
    for (i, entry) in entries.iter().enumerate() {
        if entry.value.is_placed() {
            by_value.entry(entry.value.to_string()).or_insert_with(|| (entry.value, Vec::new())).1.push(i);
        }
    }
    // TIMEX3 strings of four-digit years sort chronologically, a year
    // before its months and a month before its days.
    by_value
        .into_values()
        .enumerate()
        .map(|(n, (value, members))| {
            let id = format!("e{n}");
            let articles: BTreeSet<String> = members.iter().map(|&i| entries[i].article.clone()).collect();
            for &i in &members {
                entries[i].event = Some(id.clone());
            }
            TimelineEvent {
                id,
                value,
                entries: members.iter().map(|&i| entries[i].id.clone()).collect(),
                articles: articles.into_iter().collect(),
            }
        })
        .collect()
}

/// The share of the dated events a story's period holds: the rest (a 1979
/// revolution in a 2022 story) are shown apart.
pub const STORY_SHARE: f64 = 0.9;

/// A story's period is worth showing on its own only when it is narrower
/// than this share of the range of every date.
pub const STORY_MAX: f64 = 0.6;

/// The story's own period, in days: the shortest range that holds
/// [`STORY_SHARE`] of the events (each its first and last day) and every
/// publication date. `None` without events, or when that range is not much
/// narrower than the range of every date ([`STORY_MAX`]), so that a view
/// shows them all. The app's timeline opens on it; the report's strip draws
/// it and lists the dates outside.
pub fn story_period(mut spans: Vec<(f64, f64)>, published: &[f64]) -> Option<(f64, f64)> {
    if spans.is_empty() {
        return None;
    }
    spans.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let n = spans.len();
    let k = ((n as f64 * STORY_SHARE).ceil() as usize).clamp(1, n);
    let (first_published, last_published) =
        published.iter().fold((f64::MAX, f64::MIN), |(lo, hi), &d| (lo.min(d), hi.max(d)));
    let all_first = spans[0].0.min(first_published);
    let all_last = spans.iter().map(|s| s.1).fold(last_published, f64::max);
    // Windows of k events in order of first day; the latest last day in a
    // window comes from a queue of candidates (a sliding maximum).
    let mut latest: std::collections::VecDeque<usize> = std::collections::VecDeque::new();
    let mut best: Option<(f64, f64)> = None;
    for j in 0..n {
        while latest.back().is_some_and(|&b| spans[b].1 <= spans[j].1) {
            latest.pop_back();
        }
        latest.push_back(j);
        if j + 1 < k {
            continue;
        }
        let i = j + 1 - k;
        while latest.front().is_some_and(|&f| f < i) {
            latest.pop_front();
        }
        let lo = spans[i].0.min(first_published);
        let hi = spans[latest[0]].1.max(last_published);
        if best.is_none_or(|(a, b)| hi - lo < b - a) {
            best = Some((lo, hi));
        }
    }
    best.filter(|(lo, hi)| hi - lo < STORY_MAX * (all_last - all_first))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{analyze_documents, analyze_sample};
    use crate::dates::find_dates;

    /// The reference date found with a scan of its own per sentence
    /// ([`find_dates`]), as before [`analyze`] shared one scan.
    fn reference_date(articles: &[Article]) -> Option<NaiveDate> {
        let named: Vec<BTreeSet<NaiveDate>> =
            articles.iter().map(|article| named_dates(article, |text| find_dates(text, None))).collect();
        most_named(articles.iter().zip(&named))
    }
    use crate::corpus::RawDocument;
    use crate::model::TimelineEntry;

    /// A value's first and last day, as days since the common era.
    fn days_of(value: &str) -> (f64, f64) {
        use chrono::Datelike as _;
        let (a, b) = value.parse::<Timex>().unwrap().days().unwrap();
        (f64::from(a.num_days_from_ce()), f64::from(b.num_days_from_ce()))
    }

    #[test]
    fn the_story_period_leaves_out_a_distant_past_but_keeps_the_publication_dates() {
        let day = days_of;
        // Nine events in 2012–2022 and one in 1979; published in 2022.
        let mut spans: Vec<(f64, f64)> =
            ["2012", "2014", "2016", "2018", "2021-10", "2021-12", "2022-07", "2022-07-15", "2022-09-07"]
                .iter()
                .map(|v| day(v))
                .collect();
        spans.push(day("1979"));
        let published = [day("2022-09-07").0, day("2022-09-08").0];
        let (lo, hi) = story_period(spans.clone(), &published).unwrap();
        assert_eq!(lo, day("2012").0);
        assert_eq!(hi, published[1]);
        // A publication date after the events widens the period.
        let later = [day("2025-01-01").0];
        assert_eq!(story_period(spans.clone(), &later).map(|p| p.1), Some(later[0]));
        // The order of the events does not matter.
        spans.reverse();
        assert_eq!(story_period(spans.clone(), &published).map(|p| p.0), Some(day("2012").0));
        // No period apart when it would be most of the range, or without events.
        spans.retain(|s| s.0 >= day("2012").0);
        assert_eq!(story_period(spans, &published), None);
        assert_eq!(story_period(vec![day("2016")], &[]), None);
        assert_eq!(story_period(Vec::new(), &published), None);
    }

    fn analyze_texts(docs: &[(&str, &str)]) -> Analysis {
        let docs: Vec<RawDocument> = docs
            .iter()
            .map(|(file, content)| RawDocument { file: file.to_string(), content: content.to_string() })
            .collect();
        analyze_documents(&docs, Vec::new(), &mut |_| {})
    }

    fn event<'a>(analysis: &'a Analysis, value: &str) -> Option<&'a TimelineEvent> {
        analysis.events.iter().find(|e| e.value.to_string() == value)
    }

    fn entry<'a>(analysis: &'a Analysis, id: &str) -> &'a TimelineEntry {
        analysis.timeline.iter().find(|e| e.id == id).unwrap()
    }

    /// Texts of the entries of an event.
    fn texts(analysis: &Analysis, value: &str) -> Vec<String> {
        let Some(event) = event(analysis, value) else {
            return Vec::new();
        };
        event.entries.iter().map(|id| entry(analysis, id).text.clone()).collect()
    }

    /// The one unanchored scan per sentence of [`analyze`] finds what
    /// [`find_dates`] finds, and its cues give each outlet the order
    /// [`numeric_order_cue`] gives: on the seeds and on texts whose own
    /// cues decide an order (day first, month first, in conflict).
    #[test]
    fn one_scan_gives_the_dates_and_the_order() {
        let mut texts: Vec<String> = Vec::new();
        let seeds = crate::analysis::analyze_folder(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds"),
            &mut |_| {},
        )
        .expect("the seeds load");
        for article in &seeds.articles {
            texts.extend(article.sentences.iter().map(|s| article.sentence_text(s).to_string()));
        }
        texts.extend(
            [
                "On 25/12/2021 and again on 03/04/2022 it rained.",
                "The vote was on 12/25/2021, then 04/03/2022.",
                "It met on 7 September 2022 and on 09/07/2022.",
                "It met on September 7, 2022 and on 09/07/2022, and on 25/12/2021.",
                "Monday, Sept. 7 and mid-July 2020, 2019.",
            ]
            .map(String::from),
        );
        let mut all_cues = Vec::new();
        for text in &texts {
            let (dates, cues) = unanchored_dates_and_cues(text);
            assert_eq!(dates, find_dates(text, None), "{text}");
            assert_eq!(order_of(cues.iter().copied()), crate::dates::numeric_order_cue([text.as_str()]), "{text}");
            all_cues.extend(cues);
        }
        assert_eq!(order_of(all_cues), crate::dates::numeric_order_cue(texts.iter().map(String::as_str)));
        assert_eq!(seeds.reference_date, reference_date(&seeds.articles).map(|d| d.format("%Y-%m-%d").to_string()));
    }

    #[test]
    fn seeds_timeline_holds_the_story() {
        let a = analyze_sample();
        assert_eq!(a.reference_date.as_deref(), Some("2022-09-07"));
        let attack = texts(&a, "2022-07-15");
        assert!(attack.iter().any(|t| t == "July 15"), "{attack:?}");
        assert!(attack.iter().any(|t| t == "Last July 15"), "{attack:?}");
        let july = texts(&a, "2022-07");
        assert!(july.iter().any(|t| t == "mid-July"), "{july:?}");
        let mid = a.timeline.iter().find(|e| e.text == "mid-July").expect("mid-July");
        assert!(mid.fuzzy);
        let break_off = texts(&a, "2022-09-07");
        assert!(break_off.iter().any(|t| t == "Sept. 7, 2022"), "{break_off:?}");
        assert!(break_off.iter().any(|t| t == "Wednesday"), "{break_off:?}");
        for year in ["2018", "2014", "2016", "2012", "2021", "1979"] {
            assert!(event(&a, year).is_some(), "no event {year}");
        }
        assert_eq!(texts(&a, "2021-12"), vec!["Last December"]);
        assert_eq!(texts(&a, "2021-10"), vec!["October of last year"]);
    }

    #[test]
    fn seeds_timeline_has_no_false_years_or_durations() {
        let a = analyze_sample();
        for e in &a.timeline {
            assert!(!matches!(e.value.to_string().as_str(), "3000" | "1200" | "12000" | "2000"), "{e:?}");
            assert!(!e.text.contains("000"), "{e:?}");
            assert!(!e.text.contains("24"), "a duration became a date: {e:?}");
            assert!(!e.text.contains("weeks") && !e.text.contains("years"), "{e:?}");
        }
        // Every placed value is a well-formed TIMEX3 date.
        for e in &a.events {
            let value = e.value.to_string();
            let ok = match value.len() {
                4 => NaiveDate::parse_from_str(&format!("{value}-01-01"), "%Y-%m-%d").is_ok(),
                7 => NaiveDate::parse_from_str(&format!("{value}-01"), "%Y-%m-%d").is_ok(),
                10 => parse_iso_day(&value).is_some(),
                _ => false,
            };
            assert!(ok, "{e:?}");
        }
    }

    #[test]
    fn seeds_entries_point_at_their_sentence_and_text() {
        let a = analyze_sample();
        assert!(!a.timeline.is_empty());
        for e in &a.timeline {
            let article = a.article(&e.article).unwrap();
            assert!(e.id.starts_with(&format!("{}.t", article.id)));
            if let (Some(start), Some(end)) = (e.start, e.end) {
                assert_eq!(&article.text[start..end], e.text);
                let (_, sentence) = a.sentence(e.sentence.as_deref().unwrap()).unwrap();
                assert!(sentence.start <= start && end <= sentence.end, "{e:?}");
            }
            let event = a.events.iter().find(|v| Some(&v.id) == e.event.as_ref());
            assert_eq!(event.map(|v| v.value), Some(e.value));
        }
    }

    #[test]
    fn seeds_dateline_is_the_published_entry_with_its_span() {
        let a = analyze_sample();
        let published: Vec<&TimelineEntry> = a.timeline.iter().filter(|e| e.kind == EntryKind::Published).collect();
        // Only seed 003 has a date (its dateline); the others have none.
        assert_eq!(published.len(), 1, "{published:?}");
        let p = published[0];
        assert_eq!((p.article.as_str(), p.value.to_string().as_str()), ("a3", "2022-09-07"));
        assert_eq!(p.text, "Sept. 7, 2022");
        assert_eq!(p.sentence.as_deref(), Some("a3.s0"));
        // The dateline is not counted a second time as a mention.
        assert!(!a.timeline.iter().any(|e| e.kind == EntryKind::Mention && e.start == p.start));
    }

    #[test]
    fn events_are_per_value_in_chronological_order() {
        let a = analyze_sample();
        let values: Vec<String> = a.events.iter().map(|e| e.value.to_string()).collect();
        let mut sorted = values.clone();
        sorted.sort();
        assert_eq!(values, sorted);
        for (n, e) in a.events.iter().enumerate() {
            assert_eq!(e.id, format!("e{n}"));
            let mut articles = e.articles.clone();
            articles.sort();
            articles.dedup();
            assert_eq!(articles, e.articles);
        }
        // mid-July (a month) and July 15 (a day) stay two events.
        let month = event(&a, "2022-07").unwrap();
        let day = event(&a, "2022-07-15").unwrap();
        assert!(month.entries.iter().all(|id| !day.entries.contains(id)));
        // The attack date is reported by three outlets.
        assert_eq!(day.articles, vec!["a1", "a3", "a4"]);
        // The analysis is deterministic.
        assert_eq!(analyze_sample(), a);
    }

    #[test]
    fn front_matter_date_is_a_published_entry_without_span_and_anchors() {
        let a = analyze_texts(&[(
            "a.md",
            "---\ntitle: T\ndate: 2021-03-05\n---\nOfficials said on Wednesday that the vote in January was fair.\n",
        )]);
        let published = entry(&a, "a0.t0");
        assert_eq!(published.kind, EntryKind::Published);
        assert_eq!((published.start, published.end), (None, None));
        assert_eq!(published.text, "2021-03-05");
        assert_eq!(published.sentence, None);
        // 5 March 2021 is a Friday: Wednesday is the 3rd; January is 2021's.
        assert_eq!(entry(&a, "a0.t1").value.to_string(), "2021-03-03");
        assert_eq!(entry(&a, "a0.t2").value.to_string(), "2021-01");
        assert_eq!(a.reference_date.as_deref(), Some("2021-03-05"));
    }

    #[test]
    fn undated_articles_anchor_to_the_reference_date() {
        let a = analyze_texts(&[
            ("a.txt", "PARIS, 3 May 2023 – The talks ended.\n"),
            ("b.txt", "The talks ended on 3 May 2023, a source said.\n"),
            ("c.txt", "Talks that began in 1999 ended yesterday. The 12 May 2001 round failed.\n"),
        ]);
        assert_eq!(a.reference_date.as_deref(), Some("2023-05-03"));
        let c: Vec<(&str, String)> =
            a.timeline.iter().filter(|e| e.article == "a2").map(|e| (e.text.as_str(), e.value.to_string())).collect();
        let c: Vec<(&str, &str)> = c.iter().map(|(text, value)| (*text, value.as_str())).collect();
        assert_eq!(c, vec![("1999", "1999"), ("yesterday", "2023-05-02"), ("12 May 2001", "2001-05-12")]);
        let day = event(&a, "2023-05-03").unwrap();
        assert_eq!(day.articles, vec!["a0", "a1"]);
    }

    #[test]
    fn reference_date_prefers_what_most_articles_agree_on() {
        let a = analyze_texts(&[
            ("a.txt", "It recalled September 11, 2001, as the vote neared on 4 November 2008.\n"),
            ("b.txt", "Voters went to the polls on November 4, 2008, in record numbers.\n"),
        ]);
        assert_eq!(a.reference_date.as_deref(), Some("2008-11-04"));
        let none = analyze_texts(&[("a.txt", "Nothing dated here, only July 15 and 2019.\n")]);
        assert_eq!(none.reference_date, None);
        // Without any anchor a month-day keeps an unknown year and makes no event.
        let unknown = none.timeline.iter().find(|e| e.text == "July 15").unwrap();
        assert_eq!((unknown.value.to_string().as_str(), &unknown.event), ("XXXX-07-15", &None));
        assert_eq!(none.events.len(), 1);
        assert_eq!(none.events[0].value.to_string(), "2019");
    }

    #[test]
    fn numeric_dates_use_the_outlets_other_articles() {
        let memo = |source: &str, date: &str| {
            format!("---\nsource: {source}\n---\nThe memo is dated {date} in the archive.\n")
        };
        let a = analyze_texts(&[
            ("x.md", &memo("Wire", "25/12/2021")),
            ("y.md", &memo("Wire", "09/07/2022")),
            ("z.md", &memo("Other", "09/07/2022")),
        ]);
        // The Wire writes day first (25/12/2021), so its 09/07/2022 is 9 July.
        let wire = a.timeline.iter().find(|e| e.article == "a1").unwrap();
        assert_eq!((wire.value.to_string().as_str(), wire.ambiguous), ("2022-07-09", false));
        // Nothing tells how the other outlet writes dates.
        let other = a.timeline.iter().find(|e| e.article == "a2").unwrap();
        assert_eq!((other.value.to_string().as_str(), other.ambiguous), ("2022-09-07", true));
        assert_eq!(other.alternative.map(|t| t.to_string()).as_deref(), Some("2022-07-09"));
    }

    /// The measurement in `docs/timeline.md`: precision and recall of
    /// [`find_dates`] on the hand-labelled date expressions of the seeds.
    #[test]
    fn seed_gold_precision_and_recall() {
        let gold_tsv = include_str!("../../tests/data/timeline-gold.tsv");
        let a = analyze_sample();
        let anchor = NaiveDate::from_ymd_opt(2022, 9, 7);
        let mut gold = Vec::new();
        for line in gold_tsv.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let f: Vec<&str> = line.split('\t').collect();
            let article = a.articles.iter().find(|x| x.file == f[0]).unwrap();
            let at = article.text.find(f[1]).unwrap() + f[1].find(f[2]).unwrap();
            gold.push((article.id.clone(), at, at + f[2].len(), f[3].to_string()));
        }
        let mut found = Vec::new();
        for article in &a.articles {
            for s in &article.sentences {
                for m in find_dates(article.sentence_text(s), anchor) {
                    found.push((article.id.clone(), s.start + m.start, s.start + m.end, m.value.to_string()));
                }
            }
        }
        let hit = |p: &(String, usize, usize, String), g: &(String, usize, usize, String)| {
            p.0 == g.0 && p.1 < g.2 && g.1 < p.2 && p.3 == g.3
        };
        let correct = found.iter().filter(|p| gold.iter().any(|g| hit(p, g))).count();
        let recalled = gold.iter().filter(|g| found.iter().any(|p| hit(p, g))).count();
        assert_eq!(gold.len(), 32);
        assert_eq!((correct, found.len(), recalled), (32, 32, 32), "found {found:?}");
    }
}
