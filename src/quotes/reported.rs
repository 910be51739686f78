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

/// Words of a time, place or channel between a cue verb and `that`.
#[rustfmt::skip]
const ADVERBIALS: &[&str] = &[
    "on", "in", "at", "during", "a", "an", "the", "his", "her", "their", "its", "statement",
    "interview", "speech", "tweet", "letter", "post", "rally", "last", "this", "week", "month",
    "year", "night", "morning", "afternoon", "evening", "recently", "later", "also", "publicly",
    "privately", "repeatedly", "earlier", "again", "previously", "news", "conference", "briefing",
    "to", "with", "separate", "written", "televised", "radio", "email", "phone", "call",
];

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
    // The quotations are in text order and never overlap: only the last one
    // opening at or before `pos` can hold it.
    let in_quote = |pos: usize| {
        let k = quoted.partition_point(|q| q.start <= pos);
        k > 0 && pos < quoted[k - 1].end
    };
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

/// `…, X said (on Monday).`, `…, said X.`, `…, according to X.`, and the
/// cue set inside the sentence: `The latest test, North Korea said, was its
/// biggest yet.` The cue clause runs from a comma to the next comma or the
/// sentence's end.
fn trailing(text: &str, toks: &[Tok], end: usize, in_quote: &dyn Fn(usize) -> bool) -> Option<Reported> {
    for c in 1..toks.len() - 1 {
        let t = toks[c];
        if !t.trail.starts_with(',') || in_quote(t.end) {
            continue;
        }
        // The clause after the comma, up to the next break.
        let close = (c + 1..toks.len()).find(|&k| toks[k].breaks_after()).unwrap_or(toks.len() - 1);
        if close - c > TRAILING_MAX {
            continue;
        }
        let from = toks[c + 1].start;
        // "…, according to federal statistics." names a source, not a speaker.
        if toks[c + 1].lower() == "according"
            && toks.get(c + 2).is_some_and(|t| t.lower() == "to")
            && close == toks.len() - 1
        {
            let source = &toks[(c + 3).min(close + 1)..=close];
            let found = speaker::mentions(source);
            let pick = found.iter().find(|m| matches!(m.who, Who::Person { .. })).or_else(|| found.first()).cloned();
            let pick = pick.or_else(|| {
                (!source.is_empty() && source.len() <= 6).then(|| Mention {
                    span: Span::new(source[0].start, source[source.len() - 1].end),
                    who: Who::Group { det: None, head: source.iter().map(|t| t.text).collect::<Vec<_>>().join(" ") },
                    object: false,
                })
            });
            let cue = Span::new(from, toks[close].end);
            return Some(Reported {
                content: Span::new(toks[0].start, t.end),
                attribution: pick.map(|m| Attribution { mention: m, cue, explicit: true, also: Vec::new() }),
                cue,
            });
        }
        let Some(a) = speaker::trailing_cue(&text[from..toks[close].end], from) else {
            continue;
        };
        // The cue fills its clause: the speaker at its start ("North Korea
        // said", "said Revesz"), and little after it ("on Monday in Ohio").
        let clause = &toks[c + 1..=close];
        let lead = clause.iter().filter(|x| x.start > a.cue.start && x.end <= a.mention.span.start).count();
        let tail = clause.iter().filter(|x| x.start >= a.cue.end.max(a.mention.span.end)).count();
        if lead > 2
            || tail > 6
            || clause.iter().any(|x| x.start >= a.cue.end && matches!(x.text, "that" | "because" | "who" | "which"))
        {
            continue;
        }
        // What follows the cue clause: the rest of the reported words
        // ("…, he said, would help"), or the writer's own clause ("…,
        // lawmakers said Friday, as they bristled …").
        let after = toks.get(close + 1);
        let continues = after.is_some_and(|n| {
            !matches!(
                n.lower().as_str(),
                "as" | "while"
                    | "after"
                    | "before"
                    | "when"
                    | "since"
                    | "because"
                    | "adding"
                    | "saying"
                    | "noting"
                    | "although"
                    | "though"
                    | "but"
                    | "according"
            )
        });
        let content_end = if continues { end } else { t.end };
        return Some(Reported { content: Span::new(toks[0].start, content_end), cue: a.cue, attribution: Some(a) });
    }
    None
}

/// `X said (that) …`, `X, <apposition>, told reporters that …`, `…,
/// saying that …`.
fn leading(toks: &[Tok], found: &[Mention], end: usize, in_quote: &dyn Fn(usize) -> bool) -> Option<Reported> {
    for v in 1..toks.len() - 1 {
        let verb = toks[v];
        let lower = verb.lower();
        if verb.capitalised() || !lexicon::REPORT_VERB.has(lower.as_str()) || in_quote(verb.start) {
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
        // A party tag is no gap: "Rep. Stephen Lynch (D-Mass.) said".
        let gap: Vec<&Tok> = toks[..v].iter().filter(|t| t.start >= m.span.end && !speaker::is_party_tag(t)).collect();
        gap.len() <= 3
            && gap.iter().all(|t| GAP_WORDS.contains(&t.lower().as_str()) && !t.breaks_after())
            && toks.iter().find(|t| t.end == m.span.end).is_none_or(|t| !t.breaks_after())
    });
    if let Some(m) = near {
        return Some(m.clone());
    }
    // "A lawyer for the news outlets, David Schulz, said": a name set off by
    // commas right before the verb.
    let named = found.iter().rev().find(|m| m.span.end <= verb.start).filter(|m| {
        let last = toks.iter().position(|t| t.end == m.span.end);
        let first = toks.iter().position(|t| t.start == m.span.start);
        matches!(m.who, Who::Person { .. })
            && last == Some(v - 1)
            && toks[v - 1].trail.starts_with(',')
            && first.is_some_and(|f| f > 0 && toks[f - 1].trail.starts_with(','))
    });
    if let Some(m) = named {
        return Some(m.clone());
    }
    let lower = verb.lower();
    let Some(opener) = found.first().filter(|m| {
        !m.object && (m.span.start == toks[0].start || (toks[0].lower() == "the" && m.span.start == toks[1].start))
    }) else {
        return noun_phrase_subject(toks, v);
    };
    let opener_end = toks.iter().position(|t| t.end == opener.span.end).filter(|&e| e < v)?;
    let before_verb = toks[v - 1];
    if PARTICIPLES.contains(&lower.as_str()) && before_verb.trail.starts_with(',') {
        return Some(opener.clone());
    }
    // "Jane Smith, a professor at Yale who studies campaigns, said …"
    let clean = toks[..v]
        .iter()
        .all(|t| !t.trail.contains(['.', ';', ':', '!', '?']) || t.lower().len() <= 3 || t.text.contains('.'));
    if toks[opener_end].trail.starts_with(',') && before_verb.trail.starts_with(',') && opener_end + 1 < v && clean {
        return Some(opener.clone());
    }
    // "Experts on North Korea and nuclear nonproliferation said …": a
    // subject phrase that runs unbroken from the sentence's start.
    let between = &toks[opener_end + 1..v];
    (between.len() <= 8
        && !toks[opener_end].breaks_after()
        && between.iter().all(|t| {
            !t.breaks_after()
                && !lexicon::REPORT_VERB.has(&t.lower())
                && !matches!(t.lower().as_str(), "that" | "who" | "which" | "when" | "if" | "as" | "while")
        }))
    .then(|| opener.clone())
}

/// A speaker named by a short lower-case noun phrase that opens the
/// sentence right before the verb: "The bank said", "Another source said".
fn noun_phrase_subject(toks: &[Tok], v: usize) -> Option<Mention> {
    let det = toks[0].lower();
    if !(2..=4).contains(&v) || !lexicon::DETERMINER.has(det.as_str()) {
        return None;
    }
    let words = &toks[1..v];
    let plain = words.iter().all(|t| {
        let l = t.lower();
        !t.breaks_after()
            && !t.capitalised()
            && !lexicon::REPORT_VERB.has(l.as_str())
            && !GAP_WORDS.contains(&l.as_str())
    });
    plain.then(|| Mention {
        span: Span::new(toks[0].start, toks[v - 1].end),
        who: Who::Group {
            det: Some(det.into_string()),
            head: words.iter().map(|t| t.text).collect::<Vec<_>>().join(" "),
        },
        object: false,
    })
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
    // "that" opens the content only after a listener, a time or a place
    // ("told reporters in Ohio on Monday that"), not after an object ("said
    // officials have video that shows …").
    for k in v + 1..(v + 1 + THAT_REACH).min(toks.len()) {
        if toks[k].lower() == "that" {
            return (k + 1 < toks.len()).then_some(k + 1);
        }
        let l = toks[k].lower();
        let adverbial =
            toks[k].capitalised() || is_day(&l) || ADVERBIALS.contains(&l.as_str()) || LISTENERS.contains(&l.as_str());
        if !adverbial || (toks[k].breaks_after() && !toks[k].trail.starts_with(',')) {
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
        let l = toks.get(k)?.lower();
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
