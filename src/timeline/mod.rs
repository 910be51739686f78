//! The timeline: every date the coverage mentions, normalised, anchored per
//! article and merged into events across sources.
//!
//! This is how a reader sees a story's history at a glance (the attack in
//! July, the break of relations in September, the 2018 expulsions) and where
//! outlets disagree about when something happened.
//!
//! 1. The corpus reference date is the full date most articles agree on
//!    (their own dates and the explicit full dates in their prose).
//! 2. Each article's sentences are scanned by [`extract`], relative
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

pub mod extract;

pub use extract::{
    DateMention, Granularity, NumericOrder, find_dates, find_dates_with, numeric_order_cue,
};

use crate::model::{Analysis, Article, EntryKind, TimelineEntry, TimelineEvent};
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet};

/// Fills `reference_date`, `timeline` and `events` of an analysis whose
/// articles are segmented.
pub fn analyze(analysis: &mut Analysis) {
    let reference = reference_date(&analysis.articles);
    analysis.reference_date = reference.map(|d| d.format("%Y-%m-%d").to_string());

    let mut outlet_texts: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for article in &analysis.articles {
        outlet_texts
            .entry(article.source.as_str())
            .or_default()
            .extend(article.sentences.iter().map(|s| article.sentence_text(s)));
    }
    let orders: BTreeMap<&str, NumericOrder> = outlet_texts
        .into_iter()
        .map(|(source, texts)| (source, numeric_order_cue(texts)))
        .collect();

    let mut timeline = Vec::new();
    for article in &analysis.articles {
        let order = orders
            .get(article.source.as_str())
            .copied()
            .unwrap_or_default();
        timeline.extend(article_entries(article, reference, order));
    }
    let events = build_events(&mut timeline);
    analysis.timeline = timeline;
    analysis.events = events;
}

fn parse_day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// The full date the corpus agrees on: the one named (as an article's own
/// date or as an explicit full date in its prose) by the most articles;
/// among equals, one that is some article's own date, then the latest.
pub fn reference_date(articles: &[Article]) -> Option<NaiveDate> {
    let mut named_by: BTreeMap<NaiveDate, (usize, bool)> = BTreeMap::new();
    for article in articles {
        let own = article.date.as_deref().and_then(parse_day);
        let mut dates: BTreeSet<NaiveDate> = own.into_iter().collect();
        for sentence in &article.sentences {
            let text = article.sentence_text(sentence);
            dates.extend(
                find_dates(text, None)
                    .into_iter()
                    .filter(|m| m.granularity == Granularity::Day && !m.relative && !m.ambiguous)
                    .filter_map(|m| parse_day(&m.value)),
            );
        }
        for date in dates {
            let slot = named_by.entry(date).or_default();
            slot.0 += 1;
            slot.1 |= own == Some(date);
        }
    }
    named_by
        .into_iter()
        .max_by_key(|(date, (count, own))| (*count, *own, *date))
        .map(|(date, _)| date)
}

/// The `published` entry and the date mentions of one article, in text
/// order, with ids `a0.t0`, `a0.t1`, …
fn article_entries(
    article: &Article,
    reference: Option<NaiveDate>,
    order: NumericOrder,
) -> Vec<TimelineEntry> {
    let own = article.date.as_deref().and_then(parse_day);
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

    if let Some(date) = &article.date {
        let dateline = dateline_mention(article, &mentions, date);
        let entry = match dateline {
            Some(index) => {
                let (sentence, m) = mentions.remove(index);
                TimelineEntry {
                    kind: EntryKind::Published,
                    sentence: Some(sentence),
                    start: Some(m.start),
                    end: Some(m.end),
                    text: article.text[m.start..m.end].to_string(),
                    value: m.value,
                    ..TimelineEntry::default()
                }
            }
            None => TimelineEntry {
                kind: EntryKind::Published,
                text: date.clone(),
                value: date.clone(),
                ..TimelineEntry::default()
            },
        };
        entries.push(entry);
    }
    entries.extend(mentions.into_iter().map(|(sentence, m)| TimelineEntry {
        kind: EntryKind::Mention,
        sentence: Some(sentence),
        start: Some(m.start),
        end: Some(m.end),
        text: article.text[m.start..m.end].to_string(),
        value: m.value,
        fuzzy: m.fuzzy,
        ambiguous: m.ambiguous,
        alternative: m.alternative,
        ..TimelineEntry::default()
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
fn dateline_mention(
    article: &Article,
    mentions: &[(String, DateMention)],
    date: &str,
) -> Option<usize> {
    let from_dateline = crate::corpus::find_dateline(&article.text)
        .is_some_and(|d| d.format("%Y-%m-%d").to_string() == date);
    let first_sentence = &article.sentences.first()?.id;
    let (sentence, m) = mentions.first()?;
    (from_dateline && sentence == first_sentence && !m.relative && m.value == date).then_some(0)
}

/// Merges entries with the same placed value into events `e0`, `e1`, … in
/// chronological order, and links each entry to its event.
fn build_events(entries: &mut [TimelineEntry]) -> Vec<TimelineEvent> {
    let mut by_value: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, entry) in entries.iter().enumerate() {
        if !entry.value.starts_with('X') {
            by_value.entry(entry.value.clone()).or_default().push(i);
        }
    }
    // TIMEX3 values of four-digit years sort chronologically as strings,
    // a year before its months and a month before its days.
    by_value
        .into_iter()
        .enumerate()
        .map(|(n, (value, members))| {
            let id = format!("e{n}");
            let articles: BTreeSet<String> = members
                .iter()
                .map(|&i| entries[i].article.clone())
                .collect();
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
