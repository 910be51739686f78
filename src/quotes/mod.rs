//! Quotations: who said what, which outlets carried it, and how their
//! wording differs.
//!
//! Runs after alignment. Three steps:
//! 1. [`extract`] pairs quotation marks into quotations, per paragraph;
//! 2. [`speaker`] attributes each one from the cues around it and merges a
//!    person's name forms into one canonical name per analysis;
//! 3. clustering here groups the same words across outlets, with the word
//!    diff of every variant against the longest one.
//!
//! How well this works on the sample, and what it misses: `docs/quotes.md`.

mod extract;
mod speaker;

use crate::diff::{normalize_word, word_diff};
use crate::model::{Analysis, MemberDiff, Quote, QuoteCluster, QuoteKind, Span};
use rust_stemmers::{Algorithm, Stemmer};
use speaker::{ArticlePeople, Attribution, Names, Who};
use std::collections::BTreeMap;

pub use extract::{Family, RawQuote, find_quotes};

/// A quotation of at most this many words is a scare quote ("fabricated
/// intelligence"), unless it has three words and a speech verb introduces
/// it ("went on to say that the attack “failed its purpose”").
const SCARE_MAX_WORDS: usize = 3;
/// Share of the shorter quotation's words (stemmed, in order) that must
/// appear in the cluster base for it to join.
const CLUSTER_SHARE: f32 = 0.6;
/// And at least this many words in common.
const CLUSTER_MIN_WORDS: usize = 4;

/// Finds, attributes and clusters the quotations of every article.
pub fn analyze(analysis: &mut Analysis) {
    let found: Vec<Vec<Found>> = {
        let names = collect_names(analysis);
        let mut all_roles: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut per_article = Vec::new();
        for article in &analysis.articles {
            let paragraphs = paragraphs(article);
            let raw = find_quotes(&article.text, &paragraphs);
            let quoted: Vec<Span> = raw.iter().map(|q| Span::new(q.open, q.close)).collect();
            let people = speaker::article_people(&article.text, &paragraphs, &quoted, &names);
            for (role, people) in &people.roles {
                all_roles
                    .entry(role.clone())
                    .or_default()
                    .extend(people.iter().cloned());
            }
            per_article.push((paragraphs, raw, people));
        }
        analysis
            .articles
            .iter()
            .zip(per_article)
            .map(|(article, (paragraphs, raw, people))| {
                attribute(
                    &article.text,
                    &article.sentences,
                    &paragraphs,
                    &raw,
                    &names,
                    &people,
                    &all_roles,
                )
            })
            .collect()
    };

    let mut quotes = Vec::new();
    for (article, found) in analysis.articles.iter().zip(found) {
        for (k, f) in found.into_iter().enumerate() {
            let sentence = article
                .sentences
                .iter()
                .find(|s| s.start <= f.raw.open && f.raw.open < s.end)
                .or_else(|| {
                    article
                        .sentences
                        .iter()
                        .find(|s| s.start <= f.raw.span.start && f.raw.span.start < s.end)
                })
                .map(|s| s.id.clone());
            quotes.push(Quote {
                id: format!("{}.q{k}", article.id),
                article: article.id.clone(),
                sentence,
                start: f.raw.span.start,
                end: f.raw.span.end,
                text: article.text[f.raw.span.start..f.raw.span.end].to_string(),
                kind: f.kind,
                speaker: f.speaker,
                cue: f.cue,
                cluster: None,
            });
        }
    }
    let order: BTreeMap<&str, usize> = analysis
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let clusters = cluster(&quotes, &order);
    for c in &clusters {
        for id in &c.quotes {
            if let Some(q) = quotes.iter_mut().find(|q| &q.id == id) {
                q.cluster = Some(c.id.clone());
            }
        }
    }
    analysis.quotes = quotes;
    analysis.quote_clusters = clusters;
}

/// The prose paragraphs of an article: its sentences grouped by paragraph.
fn paragraphs(article: &crate::model::Article) -> Vec<Span> {
    let mut out: Vec<(usize, Span)> = Vec::new();
    for s in &article.sentences {
        match out.last_mut() {
            Some((p, span)) if *p == s.paragraph => span.end = s.end,
            _ => out.push((s.paragraph, Span::new(s.start, s.end))),
        }
    }
    out.into_iter().map(|(_, s)| s).collect()
}

/// Every full person name in the prose of the analysis.
fn collect_names(analysis: &Analysis) -> Names {
    let mut names = Names::default();
    for article in &analysis.articles {
        let paragraphs = paragraphs(article);
        let quoted: Vec<Span> = find_quotes(&article.text, &paragraphs)
            .iter()
            .map(|q| Span::new(q.open, q.close))
            .collect();
        for m in speaker::prose_mentions(&article.text, &paragraphs, &quoted) {
            if let Who::Person { name, .. } = &m.who {
                names.add(name);
            }
        }
    }
    names
}

/// One quotation with its kind and speaker, before ids are given.
struct Found {
    raw: RawQuote,
    kind: QuoteKind,
    speaker: Option<String>,
    cue: Option<String>,
}

fn attribute(
    text: &str,
    sentences: &[crate::model::Sentence],
    paragraphs: &[Span],
    raw: &[RawQuote],
    names: &Names,
    people: &ArticlePeople,
    all_roles: &BTreeMap<String, Vec<String>>,
) -> Vec<Found> {
    let para_of = |pos: usize| paragraphs.iter().position(|p| p.start <= pos && pos < p.end);
    let mut out: Vec<Found> = Vec::new();
    for (i, q) in raw.iter().enumerate() {
        let para = para_of(q.open);
        let para_end = para_of(q.close.saturating_sub(1))
            .map(|p| paragraphs[p].end)
            .unwrap_or(q.close);
        // The cue after the quotation, up to the next quotation.
        let next_open = raw.get(i + 1).map_or(para_end, |n| n.open.min(para_end));
        let after = &text[q.close..next_open.max(q.close)];
        let mut attribution = speaker::trailing_cue(after, q.close);
        if attribution.is_none() {
            // The sentence before the opening mark, not reaching back over
            // an earlier quotation's cue.
            let sentence_start = sentences
                .iter()
                .find(|s| s.start <= q.open && q.open < s.end)
                .map_or(q.open, |s| s.start);
            let lead_start = sentence_start.max(
                i.checked_sub(1)
                    .map(|j| raw[j].close)
                    .filter(|c| *c <= q.open)
                    .unwrap_or(0),
            );
            let lead = &text[lead_start..q.open];
            attribution = speaker::leading_cue(lead, lead_start);
            // A quoted paragraph after one that ends "Rama said:".
            let starts_paragraph = para.is_some_and(|p| {
                text[paragraphs[p].start..q.open].trim().is_empty() && p > 0
            });
            if attribution.is_none() && starts_paragraph {
                let prev = paragraphs[para.unwrap_or(0) - 1];
                let prev_text = &text[prev.start..prev.end];
                if prev_text.trim_end().ends_with(':') {
                    let start = sentences
                        .iter()
                        .rev()
                        .find(|s| s.start >= prev.start && s.start < prev.end)
                        .map_or(prev.start, |s| s.start);
                    let start = start.max(
                        raw.iter()
                            .map(|r| r.close)
                            .filter(|c| *c <= prev.end && *c >= prev.start)
                            .max()
                            .unwrap_or(0),
                    );
                    attribution = speaker::trailing_cue(&text[start..prev.end], start)
                        .or_else(|| speaker::leading_cue(&text[start..prev.end], start));
                }
            }
        }
        let resolved = attribution.as_ref().and_then(|a: &Attribution| {
            speaker::resolve(&a.mention, names, people, all_roles)
                .map(|s| (s, text[a.cue.start..a.cue.end].to_string(), a.explicit))
        });
        let (speaker, cue, explicit) = match resolved {
            Some((s, c, e)) => (Some(s), Some(c), e),
            None => {
                // The next quotation of a paragraph whose first one was
                // attributed: `“…,” Rama said. “…”`.
                let previous = out.last().filter(|prev| {
                    para.is_some() && para_of(prev.raw.close.saturating_sub(1)) == para
                });
                match previous {
                    Some(p) if p.speaker.is_some() => (p.speaker.clone(), p.cue.clone(), false),
                    _ => (None, None, false),
                }
            }
        };
        let kind = kind_of(text, q, explicit);
        out.push(Found {
            raw: *q,
            kind,
            speaker,
            cue,
        });
    }
    out
}

/// Direct, partial or scare, from the quotation's length and position.
fn kind_of(text: &str, q: &RawQuote, explicit_cue: bool) -> QuoteKind {
    let inner = &text[q.span.start..q.span.end];
    let words = crate::diff::words(inner, 0).len();
    if words < SCARE_MAX_WORDS || (words == SCARE_MAX_WORDS && !explicit_cue) {
        return QuoteKind::Scare;
    }
    let starts_upper = inner
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let before = text[..q.open].trim_end();
    let stands_apart = before.is_empty()
        || before.ends_with('\n')
        || before.ends_with([':', ',', '.', '!', '?', '—', '–', '”', '"'])
        || text[..q.open].ends_with('\n');
    if starts_upper && stands_apart {
        QuoteKind::Direct
    } else {
        QuoteKind::Partial
    }
}

/// The comparison keys of a quotation: its words, lower-cased, without
/// punctuation (so "cyber-attack" is "cyberattack"), stemmed.
fn keys(text: &str, stemmer: &Stemmer) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || matches!(c, '—' | '–' | '/'))
        .map(normalize_word)
        .filter(|w| !w.is_empty())
        .map(|w| stemmer.stem(&w).into_owned())
        .collect()
}

/// Length of the longest common subsequence of two word lists.
fn lcs(a: &[String], b: &[String]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        let mut diag = 0;
        for (j, y) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if x == y {
                diag + 1
            } else {
                row[j + 1].max(row[j])
            };
            diag = up;
        }
    }
    row[b.len()]
}

/// Is `needle` a contiguous run of `hay`?
fn contains_run(hay: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

fn compatible(a: &Option<String>, b: &Option<String>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

/// Groups the same words across outlets.
///
/// Quotations are taken longest first; each joins the cluster whose base
/// (its longest member) shares the most of its words, if that share reaches
/// [`CLUSTER_SHARE`] and speakers do not conflict, and starts a cluster
/// otherwise. Comparing only with the base keeps unrelated quotations from
/// chaining through a middle one. Scare quotes never start or link
/// clusters: one joins a cluster, as a leaf, only when its two or three
/// words appear together in a member with a compatible speaker (001's
/// “irrefutable evidence”); otherwise it has no cluster.
fn cluster(quotes: &[Quote], order: &BTreeMap<&str, usize>) -> Vec<QuoteCluster> {
    let stemmer = Stemmer::create(Algorithm::English);
    let keyed: Vec<Vec<String>> = quotes.iter().map(|q| keys(&q.text, &stemmer)).collect();
    let position = |i: usize| (order.get(quotes[i].article.as_str()).copied(), quotes[i].start);

    let mut by_length: Vec<usize> = (0..quotes.len())
        .filter(|&i| quotes[i].kind != QuoteKind::Scare)
        .collect();
    by_length.sort_by_key(|&i| (std::cmp::Reverse(keyed[i].len()), position(i)));

    // Each cluster: member indices (the first is the base) and its speaker.
    let mut clusters: Vec<(Vec<usize>, Option<String>)> = Vec::new();
    for &i in &by_length {
        let mut best: Option<(f32, usize)> = None;
        for (c, (members, who)) in clusters.iter().enumerate() {
            if !compatible(who, &quotes[i].speaker) {
                continue;
            }
            let base = &keyed[members[0]];
            let common = lcs(&keyed[i], base);
            let share = common as f32 / keyed[i].len().max(1) as f32;
            if common >= CLUSTER_MIN_WORDS.min(keyed[i].len())
                && share >= CLUSTER_SHARE
                && best.is_none_or(|(s, _)| share > s)
            {
                best = Some((share, c));
            }
        }
        match best {
            Some((_, c)) => {
                clusters[c].0.push(i);
                if clusters[c].1.is_none() {
                    clusters[c].1 = quotes[i].speaker.clone();
                }
            }
            None => clusters.push((vec![i], quotes[i].speaker.clone())),
        }
    }
    // Scare quotes of two or more words join as leaves.
    for i in 0..quotes.len() {
        if quotes[i].kind != QuoteKind::Scare || keyed[i].len() < 2 {
            continue;
        }
        let mut ranked: Vec<usize> = (0..clusters.len()).collect();
        ranked.sort_by_key(|&c| clusters[c].0.iter().map(|&m| position(m)).min());
        let home = ranked.into_iter().find(|&c| {
            let (members, who) = &clusters[c];
            compatible(who, &quotes[i].speaker)
                && members
                    .iter()
                    .any(|&m| quotes[m].kind != QuoteKind::Scare && contains_run(&keyed[m], &keyed[i]))
        });
        if let Some(c) = home {
            clusters[c].0.push(i);
        }
    }

    // Story order: clusters by their first member, members by position.
    for (members, _) in &mut clusters {
        members.sort_by_key(|&m| position(m));
    }
    clusters.sort_by_key(|(members, _)| position(members[0]));
    clusters
        .into_iter()
        .enumerate()
        .map(|(n, (members, who))| {
            // The base is the longest variant (the earliest on ties).
            let base = *members
                .iter()
                .max_by_key(|&&m| (keyed[m].len(), std::cmp::Reverse(position(m))))
                .unwrap_or(&members[0]);
            let b = &quotes[base];
            let diffs = members
                .iter()
                .filter(|&&m| m != base)
                .map(|&m| {
                    let q = &quotes[m];
                    let d = word_diff(&b.text, b.start, &q.text, q.start);
                    MemberDiff {
                        member: q.id.clone(),
                        base: b.id.clone(),
                        similarity: d.similarity,
                        ops: d.ops,
                    }
                })
                .collect();
            QuoteCluster {
                id: format!("qc{n}"),
                speaker: who,
                quotes: members.iter().map(|&m| quotes[m].id.clone()).collect(),
                base: b.id.clone(),
                diffs,
            }
        })
        .collect()
}

#[cfg(test)]
mod dump {
    #[test]
    fn dump() {
        let a = crate::analysis::analyze_sample();
        for q in &a.quotes {
            println!("{} {:?} {:?} [{:?}] {:?} | {}", q.id, q.kind, q.speaker, q.cue, q.cluster, q.text);
        }
        for c in &a.quote_clusters {
            println!("{} {:?} {:?} base={}", c.id, c.speaker, c.quotes, c.base);
        }
    }
}
