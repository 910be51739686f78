//! Aligning facts across sources: which sentences of different outlets report
//! the same thing, how their wording differs, and where their numbers and
//! dates disagree.
//!
//! 1. Every sentence becomes a set of content terms (stop words dropped,
//!    Snowball-stemmed, numbers kept), weighted by inverse sentence frequency.
//! 2. Candidate pairs come from an inverted index over the rarer terms, so the
//!    cost follows the number of sentences sharing a distinctive word, not
//!    all pairs.
//! 3. A pair's similarity is the geometric mean of the idf-weighted cosine and
//!    the idf-weighted overlap coefficient: the cosine keeps a long sentence
//!    from matching everything, the overlap lets a short paraphrase ("He gave
//!    Iranian diplomats 24 hours to leave") match the clause of a long one.
//! 4. Groups are built by average-linkage agglomeration over pairs above the
//!    threshold, with at most one sentence per article, so facts do not chain
//!    into one giant group.
//!
//! Thresholds and their measurement: `docs/segmentation-and-alignment.md`.

use crate::diff::word_diff;
use crate::model::{
    Analysis, Discrepancy, DiscrepancyValue, Group, MemberDiff, PairOverlap, Sentence,
};
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Pairs at or above this similarity may join a group.
pub const PAIR_THRESHOLD: f32 = 0.30;
/// Two groups merge only if their members' mean similarity reaches this.
pub const GROUP_THRESHOLD: f32 = 0.26;
/// A sentence with fewer content terms than this is not aligned (too little
/// to tell one fact from another).
const MIN_TERMS: usize = 3;
/// Terms in more than this share of sentences are not used to find
/// candidates (they still count in the similarity).
const MAX_DF_SHARE: f32 = 0.25;

/// A sentence reduced to what alignment compares.
#[derive(Clone, Debug)]
pub struct Profile {
    /// Index into the flat sentence list.
    pub index: usize,
    pub article: usize,
    pub terms: BTreeSet<String>,
}

/// The content terms of a passage: lower-cased, stop words removed, stemmed.
pub fn terms(text: &str, stemmer: &Stemmer) -> BTreeSet<String> {
    crate::diff::words(text, 0)
        .into_iter()
        .map(|w| w.key)
        .filter(|k| !STOP_WORDS.contains(&k.as_str()))
        .map(|k| {
            if k.chars().all(|c| c.is_ascii_digit()) {
                k
            } else {
                stemmer.stem(&k).into_owned()
            }
        })
        .filter(|k| k.chars().count() > 1 || k.chars().all(|c| c.is_ascii_digit()))
        .collect()
}

/// Similarity of two term sets under `idf`.
pub fn similarity(a: &BTreeSet<String>, b: &BTreeSet<String>, idf: &HashMap<String, f32>) -> f32 {
    let w = |t: &String| idf.get(t).copied().unwrap_or(1.0);
    let shared: f32 = a.intersection(b).map(|t| w(t) * w(t)).sum();
    if shared == 0.0 {
        return 0.0;
    }
    let norm_a: f32 = a.iter().map(|t| w(t) * w(t)).sum();
    let norm_b: f32 = b.iter().map(|t| w(t) * w(t)).sum();
    let cosine = shared / (norm_a.sqrt() * norm_b.sqrt());
    let overlap = shared / norm_a.min(norm_b);
    (cosine * overlap).sqrt()
}

/// Groups the sentences of `analysis.articles`, fills `groups`, each
/// sentence's `group`, each article's `exclusive` and `overlap`.
pub fn align(analysis: &mut Analysis) {
    let stemmer = Stemmer::create(Algorithm::English);
    let mut flat: Vec<(usize, usize)> = Vec::new(); // (article, sentence)
    let mut profiles: Vec<Profile> = Vec::new();
    for (ai, article) in analysis.articles.iter().enumerate() {
        for (si, sentence) in article.sentences.iter().enumerate() {
            let terms = terms(article.sentence_text(sentence), &stemmer);
            let index = flat.len();
            flat.push((ai, si));
            profiles.push(Profile {
                index,
                article: ai,
                terms,
            });
        }
    }
    let idf = inverse_frequencies(&profiles);
    let pairs = candidate_pairs(&profiles, &idf);
    let clusters = cluster(&profiles, &pairs, &idf);

    // Groups in story order: by the earliest member's (article, sentence).
    let mut groups: Vec<Vec<usize>> = clusters.into_iter().filter(|c| c.len() >= 2).collect();
    for g in &mut groups {
        g.sort_by_key(|&i| flat[i]);
    }
    groups.sort_by_key(|g| g.iter().map(|&i| flat[i]).min());

    let mut out = Vec::with_capacity(groups.len());
    for (gi, members) in groups.iter().enumerate() {
        let gid = format!("g{gi}");
        let sim = |x: usize, y: usize| similarity(&profiles[x].terms, &profiles[y].terms, &idf);
        // Base: the member most similar to all others (the medoid).
        let base = *members
            .iter()
            .max_by(|&&x, &&y| {
                let sx: f32 = members
                    .iter()
                    .map(|&o| if o == x { 0.0 } else { sim(x, o) })
                    .sum();
                let sy: f32 = members
                    .iter()
                    .map(|&o| if o == y { 0.0 } else { sim(y, o) })
                    .sum();
                sx.total_cmp(&sy).then(flat[y].cmp(&flat[x]))
            })
            .unwrap_or(&members[0]);
        let mut pair_sum = 0.0;
        let mut pair_count = 0;
        for (k, &x) in members.iter().enumerate() {
            for &y in &members[k + 1..] {
                pair_sum += sim(x, y);
                pair_count += 1;
            }
        }
        let sentence_ref = |i: usize| -> (&crate::model::Article, &Sentence) {
            let (a, s) = flat[i];
            let article = &analysis.articles[a];
            (article, &article.sentences[s])
        };
        let (base_article, base_sentence) = sentence_ref(base);
        let base_text = base_article.sentence_text(base_sentence);
        let diffs = members
            .iter()
            .filter(|&&m| m != base)
            .map(|&m| {
                let (article, sentence) = sentence_ref(m);
                let d = word_diff(
                    base_text,
                    base_sentence.start,
                    article.sentence_text(sentence),
                    sentence.start,
                );
                MemberDiff {
                    member: sentence.id.clone(),
                    base: base_sentence.id.clone(),
                    similarity: d.similarity,
                    ops: d.ops,
                }
            })
            .collect();
        let member_texts: Vec<(&str, &Sentence, &str)> = members
            .iter()
            .map(|&m| {
                let (article, sentence) = sentence_ref(m);
                (
                    sentence.id.as_str(),
                    sentence,
                    article.sentence_text(sentence),
                )
            })
            .collect();
        let discrepancies = find_discrepancies(&member_texts);
        out.push(Group {
            id: gid,
            sentences: members
                .iter()
                .map(|&m| sentence_ref(m).1.id.clone())
                .collect(),
            base: base_sentence.id.clone(),
            cohesion: if pair_count == 0 {
                1.0
            } else {
                pair_sum / pair_count as f32
            },
            diffs,
            discrepancies,
        });
    }

    for (gi, members) in groups.iter().enumerate() {
        for &m in members {
            let (a, s) = flat[m];
            analysis.articles[a].sentences[s].group = Some(format!("g{gi}"));
        }
    }
    for article in &mut analysis.articles {
        article.exclusive = article
            .sentences
            .iter()
            .filter(|s| s.group.is_none())
            .map(|s| s.id.clone())
            .collect();
    }
    analysis.overlap = pair_overlaps(analysis, &groups, &flat);
    analysis.groups = out;
}

fn inverse_frequencies(profiles: &[Profile]) -> HashMap<String, f32> {
    let mut df: HashMap<&str, usize> = HashMap::new();
    for p in profiles {
        for t in &p.terms {
            *df.entry(t.as_str()).or_default() += 1;
        }
    }
    let n = profiles.len().max(1) as f32;
    df.into_iter()
        .map(|(t, d)| (t.to_string(), (1.0 + n / d as f32).ln()))
        .collect()
}

/// Pairs of sentences from different articles that share at least one
/// distinctive term, with their similarity, above the threshold.
fn candidate_pairs(profiles: &[Profile], idf: &HashMap<String, f32>) -> Vec<(usize, usize, f32)> {
    let max_df = ((profiles.len() as f32 * MAX_DF_SHARE).ceil() as usize).max(3);
    let mut index: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for p in profiles.iter().filter(|p| p.terms.len() >= MIN_TERMS) {
        for t in &p.terms {
            index.entry(t.as_str()).or_default().push(p.index);
        }
    }
    let mut seen: BTreeSet<(usize, usize)> = BTreeSet::new();
    for postings in index.values().filter(|v| v.len() <= max_df) {
        for (k, &x) in postings.iter().enumerate() {
            for &y in &postings[k + 1..] {
                if profiles[x].article != profiles[y].article {
                    seen.insert((x.min(y), x.max(y)));
                }
            }
        }
    }
    seen.into_iter()
        .filter_map(|(x, y)| {
            let s = similarity(&profiles[x].terms, &profiles[y].terms, idf);
            (s >= PAIR_THRESHOLD).then_some((x, y, s))
        })
        .collect()
}

/// Average-linkage agglomerative clustering with the one-sentence-per-article
/// constraint. Returns clusters of profile indices (singletons included).
fn cluster(
    profiles: &[Profile],
    pairs: &[(usize, usize, f32)],
    idf: &HashMap<String, f32>,
) -> Vec<Vec<usize>> {
    let mut sorted: Vec<(usize, usize, f32)> = pairs.to_vec();
    sorted.sort_by(|a, b| b.2.total_cmp(&a.2).then((a.0, a.1).cmp(&(b.0, b.1))));
    let mut cluster_of: Vec<usize> = (0..profiles.len()).collect();
    let mut members: Vec<Vec<usize>> = (0..profiles.len()).map(|i| vec![i]).collect();
    for (x, y, _) in sorted {
        let (cx, cy) = (cluster_of[x], cluster_of[y]);
        if cx == cy {
            continue;
        }
        let articles_x: BTreeSet<usize> =
            members[cx].iter().map(|&i| profiles[i].article).collect();
        if members[cy]
            .iter()
            .any(|&i| articles_x.contains(&profiles[i].article))
        {
            continue;
        }
        let mut total = 0.0;
        for &i in &members[cx] {
            for &j in &members[cy] {
                total += similarity(&profiles[i].terms, &profiles[j].terms, idf);
            }
        }
        let mean = total / (members[cx].len() * members[cy].len()) as f32;
        if mean < GROUP_THRESHOLD {
            continue;
        }
        let moved = std::mem::take(&mut members[cy]);
        for &i in &moved {
            cluster_of[i] = cx;
        }
        members[cx].extend(moved);
    }
    members.into_iter().filter(|m| !m.is_empty()).collect()
}

fn pair_overlaps(
    analysis: &Analysis,
    groups: &[Vec<usize>],
    flat: &[(usize, usize)],
) -> Vec<PairOverlap> {
    let n = analysis.articles.len();
    let mut shared = vec![vec![0usize; n]; n];
    for g in groups {
        let arts: BTreeSet<usize> = g.iter().map(|&i| flat[i].0).collect();
        for &a in &arts {
            for &b in &arts {
                if a != b {
                    shared[a][b] += 1;
                }
            }
        }
    }
    let mut out = Vec::new();
    for a in 0..n {
        for b in a + 1..n {
            let smaller = analysis.articles[a]
                .sentences
                .len()
                .min(analysis.articles[b].sentences.len());
            out.push(PairOverlap {
                a: analysis.articles[a].id.clone(),
                b: analysis.articles[b].id.clone(),
                shared_sentences: shared[a][b],
                shared_ratio: if smaller == 0 {
                    0.0
                } else {
                    shared[a][b] as f32 / smaller as f32
                },
            });
        }
    }
    out
}

/// A number, year or date stated in a sentence.
#[derive(Clone, Debug, PartialEq)]
struct Quantity {
    kind: &'static str,
    /// For numbers, the stemmed word they count ("member"); for dates the
    /// month; empty for years.
    about: String,
    value: String,
    /// For dates: the day, or None for a whole or vague month ("mid-July").
    day: Option<u32>,
    start: usize,
    end: usize,
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

/// Numbers (with the word they count), years and month-day dates of a text.
/// Offsets are relative to `text`.
fn quantities(text: &str) -> Vec<Quantity> {
    let stemmer = Stemmer::create(Algorithm::English);
    let words = crate::diff::words(text, 0);
    let raw = |i: usize| &text[words[i].span.start..words[i].span.end];
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = raw(i);
        let key = &words[i].key;
        // Month-day dates and vague months: "July 15", "mid-July", "15 July".
        if let Some(month) = crate::corpus::month_number(w)
            .filter(|_| w.chars().next().is_some_and(char::is_uppercase) && w.len() >= 3)
        {
            if w == "May"
                && !(i + 1 < words.len() && raw(i + 1).parse::<u32>().is_ok_and(|d| d <= 31))
            {
                i += 1;
                continue;
            }
            let next_day = (i + 1 < words.len())
                .then(|| raw(i + 1).parse::<u32>().ok())
                .flatten()
                .filter(|d| (1..=31).contains(d));
            let prev_day = (i > 0)
                .then(|| raw(i - 1).parse::<u32>().ok())
                .flatten()
                .filter(|d| (1..=31).contains(d));
            let day = next_day.or(prev_day);
            let start = if prev_day.is_some() && next_day.is_none() {
                words[i - 1].span.start
            } else {
                words[i].span.start
            };
            let end = if next_day.is_some() {
                words[i + 1].span.end
            } else {
                words[i].span.end
            };
            out.push(Quantity {
                kind: "date",
                about: format!("month {month:02}"),
                value: match day {
                    Some(d) => format!("--{month:02}-{d:02}"),
                    None => format!("--{month:02}"),
                },
                day,
                start,
                end,
            });
            i += if next_day.is_some() { 2 } else { 1 };
            continue;
        }
        let number =
            parse_number(w).or_else(|| SPELLED.iter().find(|(s, _)| s == key).map(|(_, n)| *n));
        if let Some(n) = number {
            let is_year = w.len() == 4 && !w.contains(',') && (1800..=2100).contains(&n);
            // The word counted: the next word that is not a number or filler.
            let counted = words[i + 1..]
                .iter()
                .take(2)
                .map(|w| w.key.as_str())
                .find(|k| {
                    !matches!(
                        *k,
                        "more"
                            | "than"
                            | "of"
                            | "the"
                            | "some"
                            | "about"
                            | "nearly"
                            | "around"
                            | "million"
                            | "thousand"
                    )
                });
            if is_year
                && !counted.is_some_and(|c| {
                    !STOP_WORDS.contains(&c)
                        && !c.chars().all(|ch| ch.is_ascii_digit())
                        && looks_counted(text, words[i].span.end)
                })
            {
                out.push(Quantity {
                    kind: "year",
                    about: String::new(),
                    value: n.to_string(),
                    day: None,
                    start: words[i].span.start,
                    end: words[i].span.end,
                });
            } else if let Some(c) =
                counted.filter(|c| !STOP_WORDS.contains(c) && c.chars().any(char::is_alphabetic))
            {
                let start = if i > 0
                    && matches!(
                        words[i - 1].key.as_str(),
                        "some" | "about" | "nearly" | "around" | "over"
                    ) {
                    words[i - 1].span.start
                } else {
                    words[i].span.start
                };
                let is_ordinal =
                    text[words[i].span.end..].starts_with(|ch: char| ch.is_alphabetic());
                if !is_ordinal {
                    out.push(Quantity {
                        kind: "number",
                        about: stemmer.stem(c).into_owned(),
                        value: n.to_string(),
                        day: None,
                        start,
                        end: words[i].span.end,
                    });
                }
            }
        }
        i += 1;
    }
    out
}

/// "2014 members": a four-digit number directly followed by a plural noun is
/// a count, not a year.
fn looks_counted(text: &str, end: usize) -> bool {
    let rest = text[end..].trim_start();
    let next: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    next.len() > 3 && next.ends_with('s') && next.chars().next().is_some_and(char::is_lowercase)
}

fn parse_number(word: &str) -> Option<u64> {
    if !word.chars().next()?.is_ascii_digit() {
        return None;
    }
    let digits: String = word.chars().filter(|c| *c != ',').collect();
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Flags members of one group that state different numbers for the same
/// counted thing, different single years, or different days of one month.
fn find_discrepancies(members: &[(&str, &Sentence, &str)]) -> Vec<Discrepancy> {
    let per_member: Vec<Vec<Quantity>> = members
        .iter()
        .map(|(_, _, text)| quantities(text))
        .collect();
    let mut out = Vec::new();
    let value_of = |m: usize, q: &Quantity| DiscrepancyValue {
        sentence: members[m].0.to_string(),
        start: members[m].1.start + q.start,
        end: members[m].1.start + q.end,
        text: members[m].2[q.start..q.end].to_string(),
        value: q.value.clone(),
    };

    // Numbers: by the word they count; each member contributes its values.
    let mut by_about: BTreeMap<&str, Vec<(usize, &Quantity)>> = BTreeMap::new();
    for (m, qs) in per_member.iter().enumerate() {
        for q in qs.iter().filter(|q| q.kind == "number") {
            by_about.entry(q.about.as_str()).or_default().push((m, q));
        }
    }
    for (about, found) in by_about {
        let members_with: BTreeSet<usize> = found.iter().map(|(m, _)| *m).collect();
        if members_with.len() < 2 {
            continue;
        }
        // A member stating several values of the same thing is ambiguous.
        if found.len() != members_with.len() {
            continue;
        }
        let values: BTreeSet<&str> = found.iter().map(|(_, q)| q.value.as_str()).collect();
        if values.len() >= 2 {
            out.push(Discrepancy {
                kind: "number".into(),
                about: about.to_string(),
                values: found.iter().map(|(m, q)| value_of(*m, q)).collect(),
            });
        }
    }

    // Years: compared only where each member states exactly one.
    let single_years: Vec<(usize, &Quantity)> = per_member
        .iter()
        .enumerate()
        .filter_map(|(m, qs)| {
            let years: Vec<&Quantity> = qs.iter().filter(|q| q.kind == "year").collect();
            (years.len() == 1).then(|| (m, years[0]))
        })
        .collect();
    let years: BTreeSet<&str> = single_years.iter().map(|(_, q)| q.value.as_str()).collect();
    if single_years.len() >= 2 && years.len() >= 2 {
        out.push(Discrepancy {
            kind: "year".into(),
            about: String::new(),
            values: single_years.iter().map(|(m, q)| value_of(*m, q)).collect(),
        });
    }

    // Dates: same month, different exact days. A vague month ("mid-July",
    // "in July") agrees with any day of it. Different months where each
    // member names one month also disagree.
    let single_dates: Vec<(usize, &Quantity)> = per_member
        .iter()
        .enumerate()
        .filter_map(|(m, qs)| {
            let dates: Vec<&Quantity> = qs.iter().filter(|q| q.kind == "date").collect();
            (dates.len() == 1).then(|| (m, dates[0]))
        })
        .collect();
    let months: BTreeSet<&str> = single_dates.iter().map(|(_, q)| q.about.as_str()).collect();
    let days: BTreeSet<&str> = single_dates
        .iter()
        .filter(|(_, q)| q.day.is_some())
        .map(|(_, q)| q.value.as_str())
        .collect();
    if single_dates.len() >= 2 && (months.len() >= 2 || days.len() >= 2) {
        let shown: Vec<DiscrepancyValue> = single_dates
            .iter()
            .filter(|(_, q)| months.len() >= 2 || q.day.is_some())
            .map(|(m, q)| value_of(*m, q))
            .collect();
        out.push(Discrepancy {
            kind: "date".into(),
            about: String::new(),
            values: shown,
        });
    }
    out
}

/// English function words, left out of alignment terms.
pub const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "me",
    "more",
    "most",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "same",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "said",
    "says",
    "say",
    "saying",
    "stated",
    "added",
    "adding",
    "noted",
    "told",
    "according",
    "s",
    "t",
    "mr",
    "ms",
    "mrs",
    "one",
    "us",
    "may",
    "might",
    "must",
    "shall",
    "yet",
    "still",
    "even",
    "however",
    "since",
    "within",
    "without",
    "via",
    "per",
    "upon",
    "among",
    "amid",
    "toward",
    "towards",
    "across",
    "around",
    "another",
    "many",
    "much",
    "several",
    "already",
    "later",
    "earlier",
    "recent",
    "recently",
];
