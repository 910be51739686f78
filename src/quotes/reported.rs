//! Reported speech: attributions without quotation marks.
//!
//! A sentence reports speech when a cue ties a speaker to a clause:
//! - `X said (that) …`, `X told reporters on Monday that …`, `X warned …`,
//!   `X, <apposition>, said …`, `…, saying that …`;
//! - `…, X said (on Monday).` and `…, said X.`;
//! - `According to X, …` and `…, according to X.`
//!
//! The clause is the content span; the speaker and cue are read with the
//! same mentions as for quotations ([`super::speaker`]). A sentence gives at
//! most one reported quote, and none when its content lies mostly inside
//! quotation marks: the marked quotation already carries those words.

use super::lexicon;
use super::speaker::{self, Attribution, Mention, Tok, Who};
use crate::model::Span;

/// One clause of reported speech.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reported {
    /// The reported content, without the cue.
    pub content: Span,
    /// Who said it, and the cue as written; the cue alone when the speaker is
    /// not a phrase that can be resolved ("according to a memo seen by …").
    pub attribution: Option<Attribution>,
    /// The cue span as written.
    pub cue: Span,
}

/// Fewer content words than this is not a report (`Trump said so.`).
const MIN_WORDS: usize = 3;
/// A trailing cue (`…, X said on Monday in Ohio.`) is at most this many words.
const TRAILING_MAX: usize = 12;
/// How far after the verb a `that` may open the content (`told reporters
/// in Ohio on Monday that …`).
const THAT_REACH: usize = 8;

/// Words that may stand between a subject and its cue verb.
#[rustfmt::skip]
const GAP_WORDS: &[&str] = &[
    "has", "had", "have", "also", "later", "then", "would", "will", "could", "may", "might",
    "repeatedly", "previously", "again", "recently", "publicly", "privately", "once", "often",
    "never", "not", "did", "does", "do", "is", "was", "are", "were", "long", "already",
    "flatly", "explicitly", "specifically", "openly", "falsely", "wrongly", "frequently",
    "initially", "first", "further", "still", "clearly", "even", "just", "should", "can",
];

/// Forms that report speech as a participle of the main clause (`…, saying
/// that …`): their subject is the sentence's subject.
const PARTICIPLES: &[&str] = &["saying", "adding", "noting", "arguing", "claiming", "warning", "insisting", "telling"];

/// Object words that name the listener (`told reporters that …`).
const LISTENERS: &[&str] = &[
    "him",
    "her",
    "them",
    "us",
    "me",
    "reporters",
    "supporters",
    "voters",
    "journalists",
    "lawmakers",
    "congress",
    "viewers",
    "listeners",
    "students",
    "donors",
    "people",
    "americans",
];

/// Finds the reported speech of one sentence. `quoted` are the spans of the
/// article's quotations in marks, marks included.
pub fn find_reported(text: &str, sentence: Span, quoted: &[Span]) -> Option<Reported> {
    let toks = speaker::tokens(&text[sentence.start..sentence.end], sentence.start);
    if toks.len() < MIN_WORDS + 2 {
        return None;
    }
    let in_quote = |pos: usize| quoted.iter().any(|q| q.start <= pos && pos < q.end);
    let found = speaker::mentions(&toks);
    let end = toks[toks.len() - 1].end;
    let accept = |content: Span| -> bool {
        let words = toks.iter().filter(|t| t.start >= content.start && t.end <= content.end).count();
        let quoted_bytes: usize =
            quoted.iter().map(|q| q.end.min(content.end).saturating_sub(q.start.max(content.start))).sum();
        words >= MIN_WORDS && quoted_bytes * 2 < content.end.saturating_sub(content.start)
    };
    according_first(&toks, &found, end)
        .or_else(|| trailing(text, &toks, end, &in_quote))
        .or_else(|| leading(&toks, &found, end, &in_quote))
        .filter(|r| accept(r.content))
}

/// `According to X, …`.
fn according_first(toks: &[Tok], found: &[Mention], end: usize) -> Option<Reported> {
    if toks[0].lower() != "according" || toks[1].lower() != "to" {
        return None;
    }
    let comma = toks.iter().position(|t| t.trail.starts_with(','))?;
    let after = toks.get(comma + 1)?;
    let source: Vec<&Mention> =
        found.iter().filter(|m| m.span.start >= toks[2].start && m.span.end <= toks[comma].end).collect();
    let pick =
        source.iter().find(|m| matches!(m.who, Who::Person { .. })).or_else(|| source.first()).map(|m| (*m).clone());
    let cue = Span::new(toks[0].start, toks[comma].end);
    Some(Reported {
        content: Span::new(after.start, end),
        attribution: pick.map(|m| Attribution { mention: m, cue, explicit: true, also: Vec::new() }),
        cue,
    })
}

/// `…, X said (on Monday).`, `…, said X.`, `…, according to X.`
fn trailing(text: &str, toks: &[Tok], end: usize, in_quote: &dyn Fn(usize) -> bool) -> Option<Reported> {
    for c in (1..toks.len() - 1).rev() {
        let t = toks[c];
        if toks.len() - c - 1 > TRAILING_MAX {
            return None;
        }
        if !t.trail.starts_with(',') || in_quote(t.end) {
            continue;
        }
        let from = toks[c + 1].start;
        let Some(a) = speaker::trailing_cue(&text[from..end], from) else {
            continue;
        };
        // The cue must close the sentence: no new clause after it.
        let rest: Vec<&Tok> = toks.iter().filter(|x| x.start >= a.cue.end).collect();
        if rest.iter().any(|x| matches!(x.text, "that" | "because" | "but" | "and" | "which" | "who")) {
            continue;
        }
        return Some(Reported { content: Span::new(toks[0].start, t.end), cue: a.cue, attribution: Some(a) });
    }
    None
}

/// `X said (that) …`, `X, <apposition>, told reporters that …`, `…,
/// saying that …`.
fn leading(toks: &[Tok], found: &[Mention], end: usize, in_quote: &dyn Fn(usize) -> bool) -> Option<Reported> {
    for v in 1..toks.len() - 1 {
        let verb = toks[v];
        let lower = verb.lower();
        if verb.capitalised() || in_quote(verb.start) || !lexicon::REPORT_VERBS.contains(&lower.as_str()) {
            continue;
        }
        // "called it a lie" names; "called for", "called on" report.
        if matches!(lower.as_str(), "called" | "calls" | "calling")
            && !toks.get(v + 1).is_some_and(|n| matches!(n.text, "for" | "on"))
        {
            continue;
        }
        // "to say" and "said to be" are not reports by the subject.
        if toks[v - 1].lower() == "to" && !toks[v - 1].breaks_after() {
            continue;
        }
        let Some(subject) = subject_of(toks, found, v) else {
            continue;
        };
        let Some(start) = content_start(toks, found, v) else {
            continue;
        };
        if in_quote(toks[start].start) && toks[start].lead.contains(['“', '"', '«', '„']) {
            // `X said “…”`: the quotation in marks is the report.
            return None;
        }
        let cue = Span::new(subject.span.start.min(verb.start), verb.end);
        return Some(Reported {
            content: Span::new(toks[start].start, end),
            attribution: Some(Attribution { mention: subject, cue, explicit: true, also: Vec::new() }),
            cue,
        });
    }
    None
}

/// The speaker of the cue verb at `v`: the mention right before it (a few
/// auxiliaries apart), one that opens the sentence with an apposition set
/// off by commas, or the sentence's subject for a participle.
fn subject_of(toks: &[Tok], found: &[Mention], v: usize) -> Option<Mention> {
    let verb = toks[v];
    let near = found.iter().rev().find(|m| m.span.end <= verb.start && !m.object).filter(|m| {
        let gap: Vec<&Tok> = toks[..v].iter().filter(|t| t.start >= m.span.end).collect();
        gap.len() <= 3
            && gap.iter().all(|t| GAP_WORDS.contains(&t.lower().as_str()) && !t.breaks_after())
            && toks.iter().find(|t| t.end == m.span.end).is_none_or(|t| !t.breaks_after())
    });
    if let Some(m) = near {
        return Some(m.clone());
    }
    let lower = verb.lower();
    let opener = found.first().filter(|m| {
        !m.object && (m.span.start == toks[0].start || (toks[0].lower() == "the" && m.span.start == toks[1].start))
    })?;
    let opener_end = toks.iter().position(|t| t.end == opener.span.end)?;
    let before_verb = toks[v - 1];
    if PARTICIPLES.contains(&lower.as_str()) && before_verb.trail.starts_with(',') {
        return Some(opener.clone());
    }
    // "Jane Smith, a professor at Yale who studies campaigns, said …"
    let clean = toks[..v]
        .iter()
        .all(|t| !t.trail.contains(['.', ';', ':', '!', '?']) || t.lower().len() <= 3 || t.text.contains('.'));
    (toks[opener_end].trail.starts_with(',') && before_verb.trail.starts_with(',') && opener_end + 1 < v && clean)
        .then(|| opener.clone())
}

/// Where the content after the cue verb at `v` starts: after `that` when it
/// comes within a few words (`told reporters on Monday that`), else after a
/// listener (`told CNN …`) and a time (`on Monday`).
fn content_start(toks: &[Tok], found: &[Mention], v: usize) -> Option<usize> {
    let verb = toks[v];
    if verb.trail.contains([';', '.', '!', '?']) {
        return None;
    }
    if verb.trail.starts_with(',') && !PARTICIPLES.contains(&verb.lower().as_str()) {
        return None;
    }
    for k in v + 1..(v + 1 + THAT_REACH).min(toks.len()) {
        if toks[k].lower() == "that" && k > v {
            return (k + 1 < toks.len()).then_some(k + 1);
        }
        if toks[k].breaks_after() && !toks[k].trail.starts_with(',') {
            break;
        }
    }
    let mut k = v + 1;
    if lexicon::LISTENER_VERBS.contains(&verb.lower().as_str()) {
        if let Some(m) = found.iter().find(|m| m.span.start == toks[k].start) {
            while k < toks.len() && toks[k].end <= m.span.end {
                k += 1;
            }
        } else if LISTENERS.contains(&toks[k].lower().as_str()) {
            k += 1;
        }
    }
    // "on Monday", "Friday", "in a statement", "in an interview".
    loop {
        let Some(t) = toks.get(k) else {
            return None;
        };
        let l = t.lower();
        if is_day(&l) {
            k += 1;
        } else if l == "on" && toks.get(k + 1).is_some_and(|n| is_day(&n.lower())) {
            k += 2;
        } else if matches!(l.as_str(), "in" | "during")
            && toks.get(k + 1).is_some_and(|n| matches!(n.lower().as_str(), "a" | "an" | "his" | "her" | "the"))
            && toks.get(k + 2).is_some_and(|n| {
                matches!(
                    n.lower().as_str(),
                    "statement" | "interview" | "speech" | "tweet" | "letter" | "post" | "rally"
                )
            })
        {
            k += 3;
        } else {
            break;
        }
    }
    (k < toks.len()).then_some(k)
}

fn is_day(lower: &str) -> bool {
    matches!(
        lower,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday" | "yesterday" | "today"
    )
}
