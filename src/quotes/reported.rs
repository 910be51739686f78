//! Reported speech: attributions without quotation marks.
//!
//! A sentence reports speech when a cue ties a speaker to a clause:
//! - `X said (that) …`, `X told reporters on Monday that …`, `X warned …`,
//!   `X, <apposition>, said …`, `…, saying that …`;
//! - a verb of saying after a subject phrase that names nobody (`all the
//!   experts I interviewed said …`, `74 percent said …`), a relative
//!   (`Mr. Kamin, who emphasized that …`) or a coordinated predicate (`Cruz
//!   exhorted Republicans … and said …`): the content is found, and the
//!   speaker only where the phrase names one;
//! - `X plans to …`, `X refused to …` (an intention, with its holder named),
//!   `X has called climate change a hoax`;
//! - `…, X said (on Monday).` and `…, said X.`;
//! - `According to X, …` and `…, according to X.`;
//! - a participle after a comma, for the sentence's speaker: `…," McConnell
//!   said in June 2012, citing the release of …`;
//! - besides the main report: a relative clause (`Christie, who has
//!   campaigned for Trump`, `which he said were about evenly split`), a
//!   noun of saying or of will (`fears that …`, `Trump's proposal to ban
//!   …`), and the passive of a verb of report (`Obama's veto is expected to
//!   come before the deadline`).
//!
//! The clause is the content span; the speaker and cue are read with the
//! same mentions as for quotations ([`super::speaker`]). A sentence gives
//! one main report, its participles' and the readings above at most (never
//! two over the same words), and none whose content
//! lies mostly inside quotation marks: the marked quotation already carries
//! those words. What follows a cue is no content when it is the writer's
//! adverbial clause (`said after Pagliano failed to show up`).

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
    /// A stance held ("Cruz has endorsed Trump", "voted for …") rather than
    /// words said: its content may be as short as a name.
    pub stance: bool,
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
static GAP_WORD: lexicon::WordSet = lexicon::WordSet::new(|| GAP_WORDS.iter().copied().collect());

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
static ADVERBIAL: lexicon::WordSet = lexicon::WordSet::new(|| ADVERBIALS.iter().copied().collect());

/// Words that open the writer's adverbial clause right after a cue verb
/// (`said after …`, `said when …`): what follows is not the content.
const ADVERBIAL_OPENERS: &[&str] =
    &["after", "before", "when", "while", "during", "despite", "following", "until", "since", "because", "as"];

/// Verbs of saying that report whatever their subject looks like: the
/// second pass of [`leading`] reads a clause after them with a subject
/// phrase no mention covers. Forms that are also plural nouns ("claims",
/// "notes", "reports") are left out.
#[rustfmt::skip]
const SAY_VERBS: &[&str] = &[
    "say", "says", "said", "tell", "tells", "told", "argue", "argues", "argued", "insist",
    "insists", "insisted", "contend", "contends", "contended", "claimed", "assert", "asserts",
    "asserted", "acknowledge", "acknowledges", "acknowledged", "warn", "warns", "warned",
    "stressed", "emphasized", "emphasised", "complained", "predicted", "predicts", "conceded",
    "concedes", "explained", "explains", "noted", "suggested", "suggests", "believe",
    "believes", "agreed", "agree", "agrees", "maintained", "maintains", "wrote", "writes",
    "tweeted", "admitted", "announced", "declared", "confirmed", "denied", "reported",
    "recalled", "testified", "replied", "responded", "countered",
];
static SAY_VERB: lexicon::WordSet = lexicon::WordSet::new(|| SAY_VERBS.iter().copied().collect());

/// Verbs of intention or commitment that report with a `to` after them:
/// `Clinton plans to call on young people …`, `Cruz refused to endorse …`.
#[rustfmt::skip]
const INTENT_VERBS: &[&str] = &[
    "plan", "plans", "planned", "want", "wants", "wanted", "hope", "hopes", "hoped", "intend",
    "intends", "intended", "vowed", "vows", "pledged", "pledges", "promised", "promises",
    "agreed", "agrees", "declined", "declines", "refused", "refuses", "threatened",
    "threatens", "offered", "offers", "proposed", "proposes", "sought", "seeks",
];
static INTENT_VERB: lexicon::WordSet = lexicon::WordSet::new(|| INTENT_VERBS.iter().copied().collect());

/// Verbs of deciding and trying that report an intention like those above,
/// but only where the sentence reports nothing else: a verb of saying wins
/// (`The Council decided to sever relations, Rama noted that …` is Rama's
/// report).
#[rustfmt::skip]
const WEAK_INTENT_VERBS: &[&str] = &[
    "seek", "decided", "decides", "decide", "chose", "chooses", "opted", "opts", "aims",
    "aimed", "wish", "wishes", "wished", "try", "tries", "tried", "trying", "attempted",
    "attempts", "vow", "pledge", "promise", "threaten", "refuse", "decline",
];

/// Adjectives of will after a form of "be" that report an intention like
/// the verbs above: `Republicans were willing to go forward`, `technology
/// companies are quick to point out`.
#[rustfmt::skip]
const INTENT_ADJECTIVES: &[&str] = &[
    "willing", "unwilling", "eager", "ready", "reluctant", "determined", "unafraid", "keen",
    "hesitant", "quick", "loath", "anxious",
];

/// Does the word at `v` (lower-cased `lower`, followed by "to") state an
/// intention: a verb of [`INTENT_VERBS`], or an adjective of
/// [`INTENT_ADJECTIVES`] after a form of "be" (adverbs may stand between)?
fn is_intent(toks: &[Tok], v: usize, lower: &str) -> bool {
    if INTENT_VERB.has(lower) || WEAK_INTENT_VERBS.contains(&lower) {
        return !asks_anonymity(toks, v);
    }
    if !INTENT_ADJECTIVES.contains(&lower) {
        return false;
    }
    let k = v - toks[..v].iter().rev().take_while(|t| t.text.ends_with("ly") && !t.breaks_after()).count();
    k > 0
        && !toks[k - 1].breaks_after()
        && (BE_FORM.has(toks[k - 1].lower().as_str())
            || toks[k - 1].text.ends_with("’re")
            || toks[k - 1].text.ends_with("'re"))
        && !asks_anonymity(toks, v)
}

/// The writer's note on a source (`who wished to remain anonymous`, `who
/// declined to be named`), not the source's words: "to" after the verb at
/// `v`, then one of these phrases.
#[rustfmt::skip]
const ANONYMITY: &[&[&str]] = &[
    &["remain", "anonymous"], &["remain", "unnamed"], &["stay", "anonymous"], &["be", "named"],
    &["be", "identified"], &["be", "quoted"], &["be", "named", "publicly"],
];

fn asks_anonymity(toks: &[Tok], v: usize) -> bool {
    let after = toks.get(v + 2..).unwrap_or_default();
    ANONYMITY.iter().any(|phrase| after.len() >= phrase.len() && phrase.iter().zip(after).all(|(p, t)| t.lower() == *p))
}

/// Words after "called" that make it no naming (`called a news
/// conference`, `called him back`, `called up`).
#[rustfmt::skip]
const NOT_NAMING: &[&str] = &[
    "a", "an", "up", "off", "out", "back", "in", "him", "her", "them", "me", "us", "you",
    "to", "it", "this", "that", "police", "911", "into", "upon", "attention",
];

/// Verbs that report evidence (a poll, a study, a video) the way speech is
/// reported, read when an evidence noun comes shortly before them.
const EVIDENCE_VERBS: &[&str] = &["shows", "showed", "show", "found", "finds", "indicates", "indicated", "suggested"];

/// Nouns of evidence that speak through the verbs above.
#[rustfmt::skip]
const EVIDENCE_NOUNS: &[&str] = &[
    "poll", "polls", "survey", "surveys", "analysis", "study", "studies", "report", "data",
    "average", "video", "videos", "footage", "transcript", "records", "documents", "figures",
    "research", "review", "audit", "investigation", "tally",
];

/// Words that open a clause: the subject of a verb after them starts after
/// them ("…, while 22 percent said …", "… who said …").
#[rustfmt::skip]
const CLAUSE_OPENERS: &[&str] = &[
    "and", "but", "or", "nor", "while", "whereas", "where", "when", "because", "although",
    "though", "if", "as", "since", "after", "before", "until", "unless", "who", "which",
    "that", "whom", "so", "yet", "than", "what", "whether", "how", "why",
];
static CLAUSE_OPENER: lexicon::WordSet = lexicon::WordSet::new(|| CLAUSE_OPENERS.iter().copied().collect());

/// Words that open a prepositional phrase: a phrase starting with one is
/// no subject ("In a March 2016 meeting with … Trump said").
#[rustfmt::skip]
const PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "for", "with", "from", "by", "of", "to", "about", "during", "after",
    "before", "since", "among", "like", "unlike", "under", "over", "through", "despite",
    "following", "into", "against", "without", "amid", "within", "across",
];
static PREPOSITION: lexicon::WordSet = lexicon::WordSet::new(|| PREPOSITIONS.iter().copied().collect());

/// Forms of "be": `was told that`, `is said to` are passives, not reports
/// by the subject.
const BE_FORMS: &[&str] = &["is", "was", "are", "were", "be", "been", "being"];
static BE_FORM: lexicon::WordSet = lexicon::WordSet::new(|| BE_FORMS.iter().copied().collect());

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
static LISTENER: lexicon::WordSet = lexicon::WordSet::new(|| LISTENERS.iter().copied().collect());

/// Finds the reported speech of one sentence. `quoted` are the spans of the
/// article's quotations in marks, marks included.
#[cfg(test)]
pub fn find_reported(text: &str, sentence: Span, quoted: &[Span]) -> Vec<Reported> {
    let toks = speaker::tokens(&text[sentence.start..sentence.end], sentence.start);
    if toks.len() < MIN_WORDS + 2 || !has_cue_word(&toks) {
        return Vec::new();
    }
    let found = speaker::mentions(&toks);
    find_reported_in(text, &toks, &found, quoted)
}

/// Finds the reported speech of one sentence, already read: `toks` are its
/// words and `found` its mentions (see `speaker::read_prose`). `quoted` are
/// the spans of the article's quotations in marks, marks included.
pub fn find_reported_in(text: &str, toks: &[Tok], found: &[Mention], quoted: &[Span]) -> Vec<Reported> {
    if toks.len() < MIN_WORDS + 2 || !has_cue_word(toks) {
        return Vec::new();
    }
    // The quotations are in text order and never overlap: only the last one
    // opening at or before `pos` can hold it.
    let in_quote = |pos: usize| {
        let k = quoted.partition_point(|q| q.start <= pos);
        k > 0 && pos < quoted[k - 1].end
    };
    let end = toks[toks.len() - 1].end;
    let accept = |content: Span, min_words: usize| -> bool {
        let words = toks.iter().filter(|t| t.start >= content.start && t.end <= content.end).count();
        let quoted_bytes: usize =
            quoted.iter().map(|q| q.end.min(content.end).saturating_sub(q.start.max(content.start))).sum();
        words >= min_words && quoted_bytes * 2 < content.end.saturating_sub(content.start)
    };
    // Each reading must give an acceptable content, or the next is tried
    // ("In response, Twitter said it …" is no trailing cue after "In
    // response").
    let mut main = according_first(toks, found, end)
        .filter(|r| accept(r.content, MIN_WORDS))
        .or_else(|| trailing(text, toks, end, &in_quote).filter(|r| accept(r.content, MIN_WORDS)))
        .or_else(|| leading(toks, found, end, &in_quote, &accept, Pass::Named))
        .or_else(|| leading(toks, found, end, &in_quote, &accept, Pass::AnySubject))
        .or_else(|| leading(toks, found, end, &in_quote, &accept, Pass::WeakIntent))
        .or_else(|| in_source(toks, end).filter(|r| accept(r.content, MIN_WORDS)));
    let participles = participle_reports(toks, found, end, main.as_ref(), &in_quote);
    // The main report stops where a participle's report begins ("X said A,
    // citing B": A is X's report, B another).
    if let (Some(m), Some(p)) = (main.as_mut(), participles.first())
        && m.content.start < p.cue.start
        && p.cue.start < m.content.end
    {
        let before = toks.iter().rev().find(|t| t.end <= p.cue.start).map_or(m.content.end, |t| t.end);
        m.content.end = before.max(m.content.start);
    }
    // A stance cut short by a participle keeps its content only when it
    // still names someone ("Iran denounced the decision, saying …" reports
    // what follows "saying", not "the decision").
    let names = |c: Span| toks.iter().any(|t| t.start >= c.start && t.end <= c.end && t.capitalised());
    let min_words = |r: &Reported| {
        if r.stance && names(r.content) {
            1
        } else if starts_with_to(toks, r.content) {
            INTENT_MIN_WORDS
        } else {
            MIN_WORDS
        }
    };
    let mut out: Vec<Reported> =
        main.into_iter().chain(participles).filter(|r| accept(r.content, min_words(r))).collect();
    // Reports inside a relative clause or after a noun of saying, besides
    // the sentence's main one: never over another report's cue or content.
    let extras = relative_reports(toks, found, end, &in_quote)
        .into_iter()
        .chain(nominal_reports(toks, found, end, &in_quote))
        .chain(passive_reports(toks, found, end, &in_quote));
    for extra in extras {
        let overlaps = |a: Span, b: Span| a.start < b.end && b.start < a.end;
        // A relative clause inside the main cue's apposition is its own
        // report: "Steve Barkley, who said he votes democratic, said …".
        let whole = Span::new(extra.cue.start.min(extra.content.start), extra.cue.end.max(extra.content.end));
        let clash = out.iter().any(|r| {
            let inside_cue = r.cue.start <= whole.start && whole.end < r.cue.end;
            overlaps(r.content, extra.content)
                || overlaps(r.content, extra.cue)
                || (!inside_cue && (overlaps(r.cue, extra.content) || overlaps(r.cue, extra.cue)))
        });
        if !clash && accept(extra.content, min_words(&extra)) {
            out.push(extra);
        }
    }
    out
}

/// An intention's content may be as short as `to comment`.
const INTENT_MIN_WORDS: usize = 2;

/// Does `content` open with "to" (an intention: `declined to comment`)?
fn starts_with_to(toks: &[Tok], content: Span) -> bool {
    toks.iter().find(|t| t.start == content.start).is_some_and(|t| t.text == "to")
}

/// Could any reading below find a report in `toks`? Each needs a word of
/// its lists (a verb of saying, stance, intention, talking or taking a side,
/// a participle cue, "according") or opens with "In": a sentence without
/// one is skipped before its mentions are read (most sentences of news
/// report nothing). Words are lower-cased on the stack (see [`Tok::lower`]).
fn has_cue_word(toks: &[Tok]) -> bool {
    matches!(toks[0].text, "In" | "in") || toks.iter().any(|t| CUE_WORD.has(&t.lower()))
}

/// Every word [`has_cue_word`] looks for, in one set: one look-up a word.
static CUE_WORD: lexicon::WordSet = lexicon::WordSet::new(|| {
    std::iter::once("according")
        .chain(speaker::speech_verbs())
        .chain(lexicon::STANCE_VERBS.iter().copied())
        .chain(INTENT_VERBS.iter().copied())
        .chain(WEAK_INTENT_VERBS.iter().copied())
        .chain(INTENT_ADJECTIVES.iter().copied())
        .chain(REPORT_NOUNS_THAT.iter().copied())
        .chain(REPORT_NOUNS_TO.iter().copied())
        .chain(PASSIVE_CUES.iter().map(|(w, _)| *w))
        .chain(ABOUT_VERBS.iter().copied())
        .chain(FOR_VERBS.iter().copied())
        .chain(PARTICIPLE_CUES.iter().copied())
        .collect()
});

/// Participles that report for the subject of their sentence: `…, citing
/// the release of political prisoners`, `…, adding that …`, `…, referring to
/// …`. They follow a comma (or a quotation's closing mark).
#[rustfmt::skip]
const PARTICIPLE_CUES: &[&str] = &[
    "saying", "adding", "noting", "arguing", "claiming", "warning", "insisting", "citing",
    "emphasizing", "emphasising", "explaining", "announcing", "referring", "suggesting",
    "acknowledging", "stressing", "recalling", "complaining", "predicting", "promising",
    "pledging", "vowing", "urging", "asserting", "contending", "conceding", "calling",
    "accusing", "blaming", "describing", "questioning", "denying", "declaring", "writing",
    "telling", "asking", "praising", "criticizing", "criticising", "reiterating",
];

/// Reports carried by a participle after a comma, each up to the next such
/// participle or the sentence's end. The speaker is the main report's, else
/// the mention next to a verb of report before the participle (`…,"
/// McConnell said in June 2012, citing …`), else the sentence's subject.
fn participle_reports(
    toks: &[Tok],
    found: &[Mention],
    end: usize,
    main: Option<&Reported>,
    in_quote: &dyn Fn(usize) -> bool,
) -> Vec<Reported> {
    let mut cues: Vec<usize> = Vec::new();
    for i in 1..toks.len().saturating_sub(1) {
        // Cheap tests first: this runs over every word.
        if !toks[i - 1].trail.contains(',') || !toks[i].text.ends_with("ing") {
            continue;
        }
        let lower = toks[i].lower();
        if !PARTICIPLE_CUES.contains(&lower.as_str())
            || in_quote(toks[i].start)
            || main.is_some_and(|m| m.cue.start <= toks[i].start && toks[i].end <= m.cue.end)
        {
            continue;
        }
        // "calling for", "calling on" report; "calling it a lie" names.
        if lower == "calling" && !toks.get(i + 1).is_some_and(|n| matches!(n.text, "for" | "on")) {
            continue;
        }
        cues.push(i);
    }
    let speaker = |i: usize| -> Option<Mention> {
        if let Some(a) = main.and_then(|m| m.attribution.as_ref()).filter(|a| a.cue.end <= toks[i].start) {
            return Some(a.mention.clone());
        }
        let beside_verb = |m: &Mention| {
            let at = toks.iter().position(|t| t.start >= m.span.end);
            let after = at.map(|k| &toks[k..(k + 3).min(toks.len())]).unwrap_or(&[]);
            let before = toks.iter().rposition(|t| t.end <= m.span.start).map(|k| toks[k]);
            after.iter().any(|t| speaker::is_speech_verb(&t.lower()))
                || before.is_some_and(|t| speaker::is_speech_verb(&t.lower()))
        };
        found
            .iter()
            .rev()
            .filter(|m| m.span.end <= toks[i].start && !m.object && !in_quote(m.span.start))
            .find(|m| beside_verb(m))
            .or_else(|| {
                // The sentence's subject, after an opening phrase at most:
                // "At the time, Iran denounced the decision, saying …".
                found.iter().find(|m| !m.object && !in_quote(m.span.start)).filter(|m| {
                    let k = toks.iter().position(|t| t.start == m.span.start);
                    k.is_some_and(|k| k == 0 || toks[k - 1].trail.contains(',')) && m.span.end <= toks[i].start
                })
            })
            .cloned()
    };
    let mut out = Vec::new();
    for (n, &i) in cues.iter().enumerate() {
        let mut k = i + 1;
        while k < toks.len() && matches!(toks[k].lower().as_str(), "that" | "to" | "for" | "on") && k == i + 1 {
            k += 1;
        }
        if k >= toks.len() || toks[i].trail.contains(['.', ';', '!', '?']) {
            continue;
        }
        let stop = cues.get(n + 1).and_then(|&c| toks.get(c - 1)).map_or(end, |t| t.end);
        let cue = Span::new(toks[i].start, toks[i].end);
        let content = Span::new(toks[k].start, stop.max(toks[k].end));
        let attribution = speaker(i).map(|mention| Attribution { mention, cue, explicit: true, also: Vec::new() });
        out.push(Reported { content, attribution, cue, stance: false });
    }
    out
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
        stance: false,
    })
}

/// Nouns of a source whose findings a sentence opening `In <source>, …`
/// reports: `In the latest Washington Post/ABC News poll, Clinton led …`.
const SOURCE_NOUNS: &[&str] = &["poll", "polls", "survey", "surveys", "study", "studies", "analysis", "report"];

/// `In <a poll or a study>, …`: the rest of the sentence is its finding, the
/// opening phrase (past a participle's clause: `In the poll, conducted in
/// early September, Clinton led …`) its source.
fn in_source(toks: &[Tok], end: usize) -> Option<Reported> {
    if toks[0].lower() != "in" {
        return None;
    }
    let mut comma = toks.iter().position(|t| t.trail.starts_with(','))?;
    if comma > 10 || !toks[1..=comma].iter().any(|t| SOURCE_NOUNS.contains(&t.lower().as_str())) {
        return None;
    }
    let source_end = comma;
    if toks.get(comma + 1).is_some_and(|t| t.text.ends_with("ed")) {
        comma += 1 + toks[comma + 1..].iter().position(|t| t.trail.starts_with(','))?;
    }
    let content = toks.get(comma + 1)?;
    let words = &toks[1..=source_end];
    let cue = Span::new(toks[0].start, toks[source_end].end);
    let mention = Mention {
        span: Span::new(words[0].start, words[words.len() - 1].end),
        who: Who::Group { det: None, head: words.iter().map(|t| t.text).collect::<Vec<_>>().join(" ") },
        object: false,
    };
    Some(Reported {
        content: Span::new(content.start, end),
        attribution: Some(Attribution { mention, cue, explicit: true, also: Vec::new() }),
        cue,
        stance: false,
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
        // A party tag is no break: "…, Sen. Lindsey Graham (R-S.C.) told …".
        let close = (c + 1..toks.len())
            .find(|&k| toks[k].breaks_after() && !(speaker::is_party_tag(&toks[k]) && toks[k].trail.starts_with(')')))
            .unwrap_or(toks.len() - 1);
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
                stance: false,
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
        // After the cue a listener, a time or a channel ("told The Huffington
        // Post on Thursday", "said then", "said in an interview"), not an
        // object: "Clinton noted the clot’s existence" is no cue for the
        // words before it.
        let listener_verb =
            lexicon::LISTENER_VERBS.contains(&text[a.cue.start..a.cue.end].rsplit(' ').next().unwrap_or(""));
        let tail_ok = clause.iter().find(|x| x.start >= a.cue.end.max(a.mention.span.end)).is_none_or(|x| {
            let l = x.lower();
            x.capitalised()
                || is_day(&l)
                || l.ends_with("ly")
                || matches!(l.as_str(), "then" | "earlier" | "later" | "last" | "yesterday" | "today" | "tonight")
                || PREPOSITION.has(l.as_str())
                || LISTENER.has(l.as_str())
                || (listener_verb && lexicon::DETERMINER.has(l.as_str()))
                || x.text.chars().all(|c| c.is_ascii_digit())
        });
        if lead > 2
            || tail > 6
            || !tail_ok
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
        return Some(Reported {
            content: Span::new(toks[0].start, content_end),
            cue: a.cue,
            attribution: Some(a),
            stance: false,
        });
    }
    None
}

/// `X said (that) …`, `X, <apposition>, told reporters that …`, `…,
/// saying that …`. With `any_subject`, a second pass: a verb of saying
/// whose subject is no mention the first pass reads (`all the experts I
/// interviewed said …`, `…, who said …`, `… and said …`; see
/// [`clause_subject`]).
fn leading(
    toks: &[Tok],
    found: &[Mention],
    end: usize,
    in_quote: &dyn Fn(usize) -> bool,
    accept: &dyn Fn(Span, usize) -> bool,
    pass: Pass,
) -> Option<Reported> {
    let any_subject = pass == Pass::AnySubject;
    for v in 1..toks.len() - 1 {
        let verb = toks[v];
        let lower = verb.lower();
        if verb.capitalised() {
            continue;
        }
        if pass == Pass::WeakIntent {
            if let Some(r) = weak_intent(toks, found, end, in_quote, accept, v) {
                return Some(r);
            }
            continue;
        }
        // "plans to …", "refused to …": an intention reported with its
        // holder named (first pass only).
        let intent = !any_subject && toks[v + 1].text == "to" && INTENT_VERB.has(lower.as_str());
        // "Trump knows …", "voters support …": a stance with its holder
        // named (first pass only).
        // "spoke about …", "voted against …": the content follows the
        // preposition (first pass only).
        let prep = !any_subject && prep_cue(toks, v).is_some();
        let report = intent || lexicon::REPORT_VERB.has(lower.as_str());
        let stance_word = !report && (prep || lexicon::STANCE_VERB.has(lower.as_str()));
        let stance = stance_word && !any_subject;
        if !(report || stance_word) || in_quote(verb.start) || (stance_word && !stance_verb_at(toks, v, !prep)) {
            continue;
        }
        let next = toks[v + 1].lower();
        // "called for", "called on" report; so does "called climate change
        // a hoax" with its speaker named (first pass), but not "called a
        // news conference" nor "called him back".
        if matches!(lower.as_str(), "called" | "calls" | "calling")
            && !matches!(next.as_str(), "for" | "on")
            && (any_subject || lower == "calling" || NOT_NAMING.contains(&next.as_str()) || toks[v + 1].capitalised())
        {
            continue;
        }
        // "to say" and "said to be" are not reports by the subject.
        if toks[v - 1].lower() == "to" && !toks[v - 1].breaks_after() {
            continue;
        }
        // After an article, a possessive or a preposition the word is a
        // noun: "the secretary of state and …", "the state offers", "his
        // report" (not after "some" or "most": "some say that …"). A
        // participle may follow a preposition ("after saying").
        let prev = toks[v - 1];
        let after = prev.lower();
        if !prev.breaks_after()
            && !verb.text.ends_with("ing")
            && (matches!(after.as_str(), "the" | "a" | "an" | "his" | "her" | "its" | "their" | "our")
                || (prev.possessive() && !prev.base().eq_ignore_ascii_case("let"))
                || PREPOSITION.has(after.as_str()))
        {
            continue;
        }
        let subject = if any_subject {
            // "A USA TODAY analysis … shows Democratic groups outpacing …",
            // "a study … found that …": evidence reported like speech.
            let evidence = EVIDENCE_VERBS.contains(&lower.as_str())
                && toks[v.saturating_sub(10)..v].iter().any(|t| EVIDENCE_NOUNS.contains(&t.lower().as_str()));
            // "environmentalists worry that …", "only 50 percent believe
            // that …": a verb of stance or report with its content clause
            // opened by "that" reports whatever its subject phrase.
            let clause = toks[v + 1].lower() == "that"
                && !toks[v].breaks_after()
                // "an hourlong show that aired": the noun.
                && lower != "show"
                && stance_verb_at(toks, v, true);
            if !SAY_VERB.has(lower.as_str()) && !evidence && !clause {
                continue;
            }
            match clause_subject(toks, found, v) {
                // A stance reported through "that" needs a subject that can
                // hold it: "environmentalists worry that", not "the positive
                // response indicates that".
                Some(Some(Mention { who: Who::Group { head, .. }, .. }))
                    if !SAY_VERB.has(lower.as_str())
                        && !evidence
                        && !head.rsplit(' ').next().is_some_and(|w| lexicon::with_lower(w, can_hold)) =>
                {
                    continue;
                }
                Some(subject) => subject,
                None => continue,
            }
        } else {
            match subject_of(toks, found, v, stance) {
                Some(subject) => Some(subject),
                // "27 percent would vote for Trump": a share of a poll holds
                // the stance; it names no speaker.
                None if stance && share_subject(toks, v) => None,
                None => continue,
            }
        };
        let start = if prep { prep_cue(toks, v) } else { content_start(toks, found, v) };
        let Some(start) = start else {
            continue;
        };
        if in_quote(toks[start].start) && toks[start].lead.contains(['“', '"', '«', '„']) {
            // `X said “…”`: the quotation in marks is the report.
            return None;
        }
        let cue = Span::new(subject.as_ref().map_or(verb.start, |m| m.span.start.min(verb.start)), verb.end);
        // An intention ends before the writer's clause that follows it:
        // "chose to file in Richmond, Va., where experts say …".
        let content_end = if intent { intent_end(toks, start, end) } else { end };
        let content = Span::new(toks[start].start, content_end);
        // A stance's content may be short when it names someone ("Cruz has
        // endorsed Trump"), not when it is "a candidate" or "them".
        let named = toks[start..].iter().take_while(|t| t.end <= content.end).any(|t| t.capitalised());
        let min_words = if stance && named {
            1
        } else if intent && toks[start].text == "to" {
            INTENT_MIN_WORDS
        } else {
            MIN_WORDS
        };
        if !accept(content, min_words) {
            continue;
        }
        return Some(Reported {
            content,
            attribution: subject.map(|mention| Attribution { mention, cue, explicit: true, also: Vec::new() }),
            cue,
            stance,
        });
    }
    None
}

/// Nouns of saying or believing whose content follows as a clause opened by
/// "that": `fears that businesses will react …`, `Trump's claim that …`,
/// `amid growing concerns that they are too dependent …`.
#[rustfmt::skip]
const REPORT_NOUNS_THAT: &[&str] = &[
    "claim", "claims", "charge", "charges", "allegation", "allegations", "assertion",
    "assertions", "argument", "arguments", "warning", "warnings", "fear", "fears", "worry",
    "worries", "concern", "concerns", "hope", "hopes", "belief", "beliefs", "suspicion",
    "suspicions", "rumor", "rumors", "rumour", "rumours", "speculation", "insistence",
    "acknowledgment", "acknowledgement", "recognition", "admission", "conclusion",
    "pronouncement", "pronouncements", "assurance", "assurances", "prediction",
    "predictions", "accusation", "accusations", "complaint", "complaints", "notion",
    "suggestion", "suggestions", "contention", "view", "message", "narrative", "promise",
    "promises", "pledge", "vow", "demand", "demands", "agreement", "consensus", "doubts",
    "insinuation", "reminder", "denial", "denials", "statement", "statements", "announcement",
];

static REPORT_NOUN_THAT: lexicon::WordSet = lexicon::WordSet::new(|| REPORT_NOUNS_THAT.iter().copied().collect());
static REPORT_NOUN_TO: lexicon::WordSet = lexicon::WordSet::new(|| REPORT_NOUNS_TO.iter().copied().collect());

/// Nouns of will whose content follows as an infinitive: `her decision to
/// meet with Bill Clinton`, `Trump's controversial proposal to ban …`.
/// Not nouns of mere trying or planning ("efforts to", "a plan to", "in
/// order to"): the writer's words more often than a stated intention.
#[rustfmt::skip]
const REPORT_NOUNS_TO: &[&str] = &[
    "decision", "decisions", "determination", "agreement", "pledge", "pledges", "promise",
    "promises", "vow", "vows", "proposal", "proposals", "refusal", "eagerness", "reluctance",
    "threat", "threats", "motion", "commitment", "intention", "resolve", "readiness",
];

/// Reports after a noun of saying or of will (see [`REPORT_NOUNS_THAT`] and
/// [`REPORT_NOUNS_TO`]): the clause or infinitive after it is the content,
/// up to the sentence's end (for a clause) or the next break (for an
/// infinitive). A relative "that" is no content: the word after it must
/// open a clause of its own, not be a verb or an auxiliary (`the charges
/// that were dropped`). The speaker is a name that owns the noun (`Trump's
/// claim`, `President Obama's decision`), else none.
fn nominal_reports(toks: &[Tok], found: &[Mention], end: usize, in_quote: &dyn Fn(usize) -> bool) -> Vec<Reported> {
    let mut out = Vec::new();
    for n in 0..toks.len().saturating_sub(3) {
        let noun = toks[n];
        let next = toks[n + 1];
        // Cheap tests first: this runs over every word.
        if !matches!(next.text, "that" | "to") || noun.breaks_after() || noun.capitalised() || in_quote(noun.start) {
            continue;
        }
        let after = toks[n + 2];
        let lower = noun.lower();
        let al = after.lower();
        let that = next.text == "that"
            && !next.breaks_after()
            && REPORT_NOUN_THAT.has(lower.as_str())
            && !BE_FORM.has(al.as_str())
            && !GAP_WORD.has(al.as_str())
            && !matches!(al.as_str(), "he" | "she" | "they" | "it" | "i" | "we" | "you")
            && !al.ends_with("ed");
        let to = next.text == "to"
            && !next.breaks_after()
            && REPORT_NOUN_TO.has(lower.as_str())
            && !after.capitalised()
            && !lexicon::DETERMINER.has(al.as_str())
            && !PREPOSITION.has(al.as_str())
            && !al.chars().next().is_some_and(|c| c.is_ascii_digit());
        if !(that || to) || in_quote(after.start) {
            continue;
        }
        // A noun, not a verb: a determiner, a possessor or an adjective
        // before it ("the decision", "her decision", "growing concerns"),
        // or a preposition ("amid fears that").
        let before = n.checked_sub(1).map(|k| toks[k]);
        let nominal = before.is_some_and(|b| {
            let bl = b.lower();
            !b.breaks_after()
                && (lexicon::DETERMINER.has(bl.as_str())
                    || b.possessive()
                    || PREPOSITION.has(bl.as_str())
                    || matches!(bl.as_str(), "amid" | "this" | "that" | "no" | "any" | "latest" | "new" | "growing")
                    || (bl.ends_with("ing") && !lexicon::REPORT_VERB.has(bl.as_str()))
                    || (bl.ends_with("al") || bl.ends_with("ic") || bl.ends_with("ive") || bl.ends_with("ous")))
        });
        if !nominal {
            continue;
        }
        let from = if that { n + 2 } else { n + 1 };
        let stop = if that { end } else { toks[from..].iter().find(|t| t.breaks_after()).map_or(end, |t| t.end) };
        let owner = owner_of(toks, found, n);
        let cue = Span::new(noun.start, next.end);
        out.push(Reported {
            content: Span::new(toks[from].start, stop),
            attribution: owner.map(|mention| Attribution { mention, cue, explicit: true, also: Vec::new() }),
            cue,
            stance: false,
        });
    }
    out
}

/// The owner of the noun at `n`, a few adjectives before it: a name
/// ("Trump's proposal", "President Obama's controversial decision") or a
/// possessive pronoun, resolved like "he", "she" or "they" ("his
/// determination", "their decision").
fn owner_of(toks: &[Tok], found: &[Mention], n: usize) -> Option<Mention> {
    let from = n.saturating_sub(3);
    let k = (from..n).rev().find(|&k| {
        let l = toks[k].lower();
        toks[k].possessive() || matches!(l.as_str(), "his" | "her" | "their")
    })?;
    if toks[k + 1..n].iter().any(|t| t.breaks_after() || t.capitalised()) || toks[k].breaks_after() {
        return None;
    }
    let t = toks[k];
    let pron = match t.lower().as_str() {
        "his" => Some(speaker::Pron::He),
        "her" => Some(speaker::Pron::She),
        "their" => Some(speaker::Pron::They),
        _ => None,
    };
    if let Some(p) = pron {
        return Some(Mention { span: Span::new(t.start, t.end), who: Who::Pronoun(p), object: false });
    }
    found
        .iter()
        .find(|m| m.span.end > t.start && m.span.end <= t.end && !m.object && !matches!(m.who, Who::Pronoun(_)))
        .cloned()
        .or_else(|| {
            // A possessor the mentions leave out ("Trump’s controversial
            // proposal"): its word, resolved like a surname.
            (t.capitalised() && t.possessive()).then(|| Mention {
                span: Span::new(t.start, t.start + t.base().len()),
                who: Who::Word(t.base().to_string()),
                object: false,
            })
        })
}

/// Participles of report that a form of "be" makes passive, and the word
/// that opens their complement: `is expected to …`, `was accused of …`,
/// `have been criticized for …`, `were rated as …`, `has been called a
/// charlatan`. The one who expects, accuses or calls is named after "by",
/// or not at all.
#[rustfmt::skip]
const PASSIVE_CUES: &[(&str, &str)] = &[
    ("expected", "to"), ("said", "to"), ("believed", "to"), ("thought", "to"),
    ("alleged", "to"), ("reported", "to"), ("rumored", "to"), ("projected", "to"),
    ("accused", "of"), ("suspected", "of"), ("criticized", "for"), ("criticised", "for"),
    ("blamed", "for"), ("praised", "for"), ("faulted", "for"), ("charged", "with"),
    ("seen", "as"), ("viewed", "as"), ("described", "as"), ("regarded", "as"),
    ("rated", "as"), ("labeled", "as"), ("labelled", "as"), ("characterized", "as"),
    ("branded", "as"), ("portrayed", "as"), ("considered", "as"), ("mentioned", "as"),
    ("called", ""),
];

/// Reports in the passive (see [`PASSIVE_CUES`]): the content is the
/// clause's subject with the complement, since what is expected or alleged
/// is both (`Obama's veto is expected to come before the deadline`: someone
/// expects the veto to come before it). The subject runs back from the form
/// of "be" to the clause's start (at most [`PASSIVE_SUBJECT_MAX`] words);
/// the complement to the sentence's end.
fn passive_reports(toks: &[Tok], found: &[Mention], end: usize, in_quote: &dyn Fn(usize) -> bool) -> Vec<Reported> {
    let mut out = Vec::new();
    for v in 1..toks.len().saturating_sub(1) {
        let verb = toks[v];
        // Cheap tests first: this runs over every word.
        if !verb.text.ends_with(['d', 'n', 't'])
            || verb.breaks_after()
            || !(BE_FORM.has(toks[v - 1].text) || toks[v - 1].text.ends_with("ly"))
            || in_quote(verb.start)
        {
            continue;
        }
        let lower = verb.lower();
        let Some(&(_, prep)) = PASSIVE_CUES.iter().find(|(w, _)| *w == lower.as_str()) else {
            continue;
        };
        let next = toks[v + 1];
        let nl = next.lower();
        let fits = if prep.is_empty() {
            // "has been called a charlatan", not "was called off", "called
            // for", "called by".
            !next.capitalised()
                && (lexicon::DETERMINER.has(nl.as_str()) || matches!(nl.as_str(), "an" | "a"))
                && !matches!(nl.as_str(), "his" | "her" | "their" | "its")
        } else {
            nl == prep
        };
        if !fits {
            continue;
        }
        // A form of "be" right before, adverbs apart: "have often been
        // criticized", "is widely expected".
        let mut b = v;
        while b > 0 && toks[b - 1].text.ends_with("ly") && !toks[b - 1].breaks_after() {
            b -= 1;
        }
        if b == 0 || toks[b - 1].breaks_after() || !BE_FORM.has(toks[b - 1].lower().as_str()) {
            continue;
        }
        let be = b - 1;
        // The subject: back to the clause's start over auxiliaries and words.
        let mut s = be;
        while s > 0 && !toks[s - 1].breaks_after() && !CLAUSE_OPENER.has(toks[s - 1].lower().as_str()) {
            s -= 1;
        }
        if s == be
            || is_gap(&toks[s])
            || be - s > PASSIVE_SUBJECT_MAX
            || PREPOSITION.has(toks[s].lower().as_str())
            || in_quote(toks[s].start)
        {
            continue;
        }
        // Who accuses or calls: a mention right after "by" in the clause
        // ("has been called a charlatan by fellow physicians"); never after
        // an infinitive, whose own verb the "by" belongs to ("were believed
        // to have been caused by ships' anchors").
        let clause_end = toks[v..].iter().position(|t| t.breaks_after()).map_or(toks.len(), |k| v + k + 1);
        let by = (prep != "to")
            .then(|| toks[v + 1..clause_end].iter().position(|t| t.text == "by").map(|k| v + 1 + k))
            .flatten();
        let agent = by.and_then(|k| toks.get(k + 1)).and_then(|t| {
            found.iter().find(|m| m.span.start == t.start && !m.object).cloned().or_else(|| {
                // "by fellow physicians for his cures": up to a preposition.
                let words: Vec<&Tok> =
                    toks[by? + 1..].iter().take(4).take_while(|w| !PREPOSITION.has(w.lower().as_str())).collect();
                let last = words.iter().position(|w| w.breaks_after()).unwrap_or(words.len().checked_sub(1)?);
                let words = &words[..=last];
                (words.iter().all(|w| !w.capitalised()) && words.len() >= 2).then(|| Mention {
                    span: Span::new(words[0].start, words[words.len() - 1].end),
                    who: Who::Group { det: None, head: words.iter().map(|w| w.text).collect::<Vec<_>>().join(" ") },
                    object: false,
                })
            })
        });
        let cue = Span::new(toks[be].start, verb.end);
        out.push(Reported {
            content: Span::new(toks[s].start, end),
            attribution: agent.map(|mention| Attribution { mention, cue, explicit: true, also: Vec::new() }),
            cue,
            stance: false,
        });
    }
    out
}

/// Most words of a passive report's subject (`About one of every nine
/// voters this fall is expected …`).
const PASSIVE_SUBJECT_MAX: usize = 10;

/// The verb of saying of an object relative at `r` and its speaker, when
/// one is named after the pronoun: "which he said were …" (a mention),
/// "which state news media claimed now allows …" (a short phrase, no
/// speaker of its own yet). After "where" the speaker's words are a whole
/// clause ("where local party leaders say the mogul has shown …"); after
/// the others a verb phrase.
fn object_relative(toks: &[Tok], found: &[Mention], r: usize, rel: &str) -> Option<(usize, Option<Mention>)> {
    let v = r + 1;
    let say_at = |k: usize| {
        k + 1 < toks.len()
            && SAY_VERB.has(toks[k].lower().as_str())
            && (rel == "where" || opens_predicate(&toks[k + 1]))
    };
    if let Some(m) = found.iter().find(|m| m.span.start == toks[v].start && !m.object) {
        let last = toks.iter().position(|t| t.end == m.span.end).unwrap_or(v);
        return (!toks[last].breaks_after() && say_at(last + 1)).then(|| (last + 1, Some(m.clone())));
    }
    if rel == "who" || lexicon::DETERMINER.has(toks[v].lower().as_str()) {
        return None;
    }
    let k = (v + 1..(v + 4).min(toks.len()))
        .find(|&k| SAY_VERB.has(toks[k].lower().as_str()) || toks[k - 1].breaks_after())?;
    (!toks[k - 1].breaks_after() && say_at(k)).then_some((k, None))
}

/// Relative pronouns that may open a clause of report inside a sentence.
const RELATIVES: &[&str] = &["who", "which", "that", "where"];

/// Reports inside a relative clause: `Christie, who has campaigned heavily
/// for Trump`, `a super PAC that intends to hammer Clinton`, `the Saudi
/// government, which has strongly denied any involvement`, and the clause
/// a speaker names inside it (`which he said were about evenly split`,
/// `which state news media claimed now allows …`). The content runs to the
/// next break. The speaker of `who` is the name the clause hangs on; of
/// an object relative, the one named after the pronoun.
fn relative_reports(toks: &[Tok], found: &[Mention], end: usize, in_quote: &dyn Fn(usize) -> bool) -> Vec<Reported> {
    let mut out = Vec::new();
    for r in 1..toks.len().saturating_sub(2) {
        // Cheap test first: this runs over every word.
        let t = toks[r].text;
        if !(3..=5).contains(&t.len()) || !matches!(t.as_bytes()[0], b'w' | b'W' | b't' | b'T') {
            continue;
        }
        let rel = toks[r].lower();
        if !RELATIVES.contains(&rel.as_str()) || toks[r].breaks_after() || in_quote(toks[r].start) {
            continue;
        }
        // "said that", "so that", "now that": no relative pronoun.
        let prev = toks[r - 1];
        let pl = prev.lower();
        if rel == "that"
            && (lexicon::REPORT_VERB.has(pl.as_str())
                || lexicon::STANCE_VERB.has(pl.as_str())
                || prev.breaks_after()
                || matches!(
                    pl.as_str(),
                    "so" | "now" | "such" | "given" | "except" | "than" | "and" | "but" | "is" | "was"
                ))
        {
            continue;
        }
        // An object relative with its own speaker: "which he said were …".
        let (mut v, mut speaker, object) = match object_relative(toks, found, r, rel.as_str()) {
            Some((v, speaker)) => (v, speaker, true),
            None => (r + 1, None, false),
        };
        if rel == "where" && !object {
            continue;
        }
        if !object {
            while v < toks.len() && is_gap(&toks[v]) && !toks[v].breaks_after() && v < r + 4 {
                v += 1;
            }
        }
        if v + 1 >= toks.len() || toks[v].capitalised() || in_quote(toks[v].start) {
            continue;
        }
        let verb = toks[v];
        let lower = verb.lower();
        let start = if object && rel == "where" {
            content_start(toks, found, v)
        } else if object {
            // The content is the rest of the relative clause: a verb phrase
            // ("were about evenly split", "now allows Pyongyang to …").
            (!verb.breaks_after()).then_some(v + 1)
        } else if toks[v + 1].text == "to" && is_intent(toks, v, &lower) {
            Some(v + 1)
        } else if let Some(k) = prep_cue(toks, v) {
            Some(k)
        } else if lexicon::REPORT_VERB.has(lower.as_str())
            || (lexicon::STANCE_VERB.has(lower.as_str()) && stance_verb_at(toks, v, true))
        {
            if matches!(lower.as_str(), "called" | "calls" | "calling")
                && !matches!(toks[v + 1].lower().as_str(), "for" | "on")
            {
                None
            } else {
                content_start(toks, found, v)
            }
        } else {
            None
        };
        let Some(start) = start else {
            continue;
        };
        // A passive ("which was claimed by") reports nothing of the subject.
        if toks[r + 1..v].iter().any(|t| BE_FORM.has(t.lower().as_str())) {
            continue;
        }
        if start >= toks.len() || in_quote(toks[start].start) {
            continue;
        }
        let stop = toks[start..].iter().find(|t| t.breaks_after()).map_or(end, |t| t.end);
        // A relative clause not closed by a comma runs into the sentence's
        // own verb ("a spokeswoman who asked not to be named said"): no
        // content of its own.
        if toks[start..].iter().take_while(|t| t.start < stop).any(|t| SAY_VERB.has(t.lower().as_str())) {
            continue;
        }
        if speaker.is_none() {
            // The name the clause hangs on: "Christie, who …", "the Saudi
            // government, which …".
            // An object relative's speaker is its own subject ("which state
            // news media claimed"), never the name the clause hangs on.
            let before = if object { toks[v - 1] } else { prev };
            speaker = found.iter().find(|m| m.span.end == before.end && !m.object).cloned();
            if speaker.is_none() && !object {
                speaker = antecedent(toks, r);
            }
            // "which state news media claimed": the words of its subject.
            if speaker.is_none() && object && v > r + 1 {
                let words = &toks[r + 1..v];
                speaker = Some(Mention {
                    span: Span::new(words[0].start, words[words.len() - 1].end),
                    who: Who::Group { det: None, head: words.iter().map(|t| t.text).collect::<Vec<_>>().join(" ") },
                    object: false,
                });
            }
        }
        let stance = !object && lexicon::STANCE_VERB.has(lower.as_str()) || prep_cue(toks, v).is_some();
        let cue = Span::new(toks[r].start, verb.end);
        out.push(Reported {
            content: Span::new(toks[start].start, stop.max(toks[start].end)),
            attribution: speaker.map(|mention| Attribution { mention, cue, explicit: true, also: Vec::new() }),
            cue,
            stance,
        });
    }
    out
}

/// The noun phrase a relative pronoun at `r` hangs on, when no mention
/// ends there: back from the pronoun to a determiner, at most
/// [`ANTECEDENT_MAX`] words, over "of" (`a raft of new emissions rules
/// that promise …`, `the Saudi government, which …`).
fn antecedent(toks: &[Tok], r: usize) -> Option<Mention> {
    let last = r.checked_sub(1)?;
    let from = (last.saturating_sub(ANTECEDENT_MAX - 1)..=last)
        .rev()
        .take_while(|&k| k == last || !toks[k].breaks_after())
        .find(|&k| lexicon::DETERMINER.has(toks[k].lower().as_str()))?;
    let words = &toks[from..=last];
    if words.len() < 2 || words.iter().any(|t| lexicon::REPORT_VERB.has(&t.lower()) || BE_FORM.has(t.lower().as_str()))
    {
        return None;
    }
    Some(Mention {
        span: Span::new(words[0].start, words[words.len() - 1].end),
        who: Who::Group {
            det: Some(words[0].text.to_string()),
            head: words[1..].iter().map(|t| t.text).collect::<Vec<_>>().join(" "),
        },
        object: false,
    })
}

/// Most words of a relative's antecedent.
const ANTECEDENT_MAX: usize = 6;

/// Past forms without "-ed" that may open the verb phrase an object
/// relative reports (`which they say left a vacuum`).
const IRREGULAR_PAST: &[&str] = &[
    "left", "went", "made", "took", "came", "gave", "led", "won", "lost", "cost", "got", "kept", "ran", "grew", "fell",
    "hurt",
];

/// Can `t` open the verb phrase of a clause whose subject is a relative
/// pronoun (`… he said were about evenly split`, `… now allows`, `… will
/// not expire`)? An auxiliary, an adverb, or a verb form; not a noun
/// phrase's first word.
fn opens_predicate(t: &Tok) -> bool {
    let l = t.lower();
    let l = l.as_str();
    !t.capitalised()
        && (BE_FORM.has(l)
            || GAP_WORD.has(l)
            || l == "now"
            || l.ends_with("ly")
            || l.ends_with("ed")
            || IRREGULAR_PAST.contains(&l)
            || (l.ends_with('s') && !l.ends_with("ss") && !lexicon::DETERMINER.has(l)))
}

/// The intention of [`WEAK_INTENT_VERBS`] or [`INTENT_ADJECTIVES`] at `v`
/// with its holder named (see [`Pass::WeakIntent`]).
fn weak_intent(
    toks: &[Tok],
    found: &[Mention],
    end: usize,
    in_quote: &dyn Fn(usize) -> bool,
    accept: &dyn Fn(Span, usize) -> bool,
    v: usize,
) -> Option<Reported> {
    let verb = toks[v];
    let lower = verb.lower();
    let weak = toks[v + 1].text == "to"
        && !INTENT_VERB.has(lower.as_str())
        && is_intent(toks, v, &lower)
        && !in_quote(verb.start)
        && toks[v - 1].lower() != "to";
    if !weak {
        return None;
    }
    let subject = subject_of(toks, found, v, false)?;
    let start = v + 1;
    let cue = Span::new(subject.span.start.min(verb.start), verb.end);
    let content = Span::new(toks[start].start, intent_end(toks, start, end));
    if !accept(content, INTENT_MIN_WORDS) {
        return None;
    }
    let attribution = Some(Attribution { mention: subject, cue, explicit: true, also: Vec::new() });
    Some(Reported { content, attribution, cue, stance: false })
}

/// The readings of [`leading`], in the order they are tried.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pass {
    /// A verb of saying, stance or intention with its holder named.
    Named,
    /// A verb of saying after any subject phrase (see [`clause_subject`]).
    AnySubject,
    /// A verb of deciding or trying, or an adjective of will, with its
    /// holder named (see [`WEAK_INTENT_VERBS`]).
    WeakIntent,
}

/// Where an intention's content from `start` ends: before the writer's
/// relative clause that follows it ("chose to file in Richmond, Va., where
/// experts say …"), else at the sentence's `end`.
fn intent_end(toks: &[Tok], start: usize, end: usize) -> usize {
    toks[start..]
        .windows(2)
        .find(|w| w[0].trail.contains(',') && matches!(w[1].lower().as_str(), "where" | "which" | "who" | "whom"))
        .map_or(end, |w| w[0].end)
}

/// Verbs of talking whose topic follows "about", "of" or "on": `She spoke
/// about her deep ties to black churches`, `Obama talked of …`.
#[rustfmt::skip]
const ABOUT_VERBS: &[&str] = &[
    "spoke", "speaks", "talked", "talks", "commented", "wrote", "writes", "joked", "testified",
    "tweeted", "posted", "worried", "warned", "cautioned", "boasted", "bragged", "complained",
    "lectured", "mused", "reminisced", "raved",
];

/// Verbs of taking a side whose cause follows "for" or "against": `27
/// percent would vote for Trump`, `he voted against the crime bill`.
#[rustfmt::skip]
const FOR_VERBS: &[&str] = &[
    "vote", "votes", "voted", "voting", "pushed", "pushes", "pushing", "advocated", "advocates",
    "fought", "fights", "campaigned", "campaigns", "lobbied", "argued", "argues", "pressed",
    "railed", "rails", "stumped", "stood",
];

static ABOUT_VERB: lexicon::WordSet = lexicon::WordSet::new(|| ABOUT_VERBS.iter().copied().collect());
static FOR_VERB: lexicon::WordSet = lexicon::WordSet::new(|| FOR_VERBS.iter().copied().collect());

/// The content's first word after a verb of talking or of taking a side
/// and its preposition (`spoke about`, `voted against`); not a time or a
/// place ("spoke on Monday", "spoke on the phone").
fn prep_cue(toks: &[Tok], v: usize) -> Option<usize> {
    let p = toks.get(v + 1)?;
    // The preposition first: this runs over every word, and few are
    // followed by one of these.
    let pl = p.lower();
    if !matches!(pl.as_str(), "about" | "of" | "on" | "for" | "against") {
        return None;
    }
    let lower = toks[v].lower();
    let fits = (ABOUT_VERB.has(lower.as_str()) && matches!(pl.as_str(), "about" | "of" | "on"))
        || (FOR_VERB.has(lower.as_str()) && matches!(pl.as_str(), "for" | "against"));
    if !fits || toks[v].breaks_after() || p.breaks_after() {
        return None;
    }
    let first = toks.get(v + 2)?;
    let fl = first.lower();
    let time = is_day(&fl)
        || (matches!(fl.as_str(), "the" | "a" | "an" | "his" | "her" | "their")
            && pl == "on"
            && toks.get(v + 3).is_some_and(|n| {
                matches!(
                    n.lower().as_str(),
                    "phone" | "telephone" | "condition" | "campaign" | "trail" | "air" | "record"
                )
            }));
    (!time && !matches!(fl.as_str(), "behalf" | "hours" | "minutes" | "years" | "months" | "weeks")).then_some(v + 2)
}

/// An auxiliary or an adverb, as may stand between a subject and its verb.
fn is_gap(t: &Tok) -> bool {
    GAP_WORD.has(t.lower().as_str()) || t.text.ends_with("ly")
}

/// Is the subject of the verb at `v` a share of a poll ("27 percent
/// would vote …", "only 50 percent believe", "Thirty-seven percent")?
fn share_subject(toks: &[Tok], v: usize) -> bool {
    let k = v - toks[..v].iter().rev().take_while(|t| is_gap(t) && !t.breaks_after()).count();
    k > 0
        && !toks[k - 1].breaks_after()
        && (toks[k - 1].lower() == "percent"
            || (toks[k - 1].trail.starts_with('%') && toks[k - 1].text.chars().all(|c| c.is_ascii_digit() || c == '.')))
}

/// Words that open a subordinate clause at a sentence's start: a verb
/// before the first comma is that clause's (`When Mr. Obama unveiled the
/// plan, he …`), not the sentence's report.
const SUBORDINATORS: &[&str] = &[
    "when", "after", "before", "as", "while", "if", "because", "since", "although", "though", "once", "until", "unless",
];

/// Words after a stance verb that make it a noun: `support for`, `question
/// of`, `support among`.
const NOUN_FOLLOWERS: &[&str] = &["of", "for", "among", "from", "between", "behind", "is", "was", "remains"];

/// Is the stance verb at `v` a verb of the sentence's own clause? Not a
/// noun or adjective ("85 percent support", "a voice", "his preferred
/// venue", "support for" unless `noun_followers` is off for a verb whose
/// preposition is its own, "voted for"), not a passive ("has been endorsed by"), not in a
/// question ("Do you know …?") nor in an opening subordinate clause.
fn stance_verb_at(toks: &[Tok], v: usize, noun_followers: bool) -> bool {
    let last = toks[toks.len() - 1];
    if last.trail.contains('?') {
        return false;
    }
    let prev = toks[v - 1];
    let pl = prev.lower();
    let nominal = lexicon::DETERMINER.has(pl.as_str())
        || prev.possessive()
        || PREPOSITION.has(pl.as_str())
        || matches!(pl.as_str(), "percent" | "this" | "that" | "these" | "those" | "no" | "any" | "every" | "each")
        || prev.text.chars().all(|c| c.is_ascii_digit());
    if nominal || (noun_followers && toks.get(v + 1).is_some_and(|n| NOUN_FOLLOWERS.contains(&n.lower().as_str()))) {
        return false;
    }
    // A passive: "is not always preferred", "has been endorsed" (but "is
    // questioning" is the verb's own progressive).
    let mut k = if toks[v].text.ends_with("ing") { 0 } else { v };
    while k > 0 {
        let l = toks[k - 1].lower();
        if BE_FORM.has(l.as_str()) {
            return false;
        }
        if !(GAP_WORD.has(l.as_str()) || l.ends_with("ly")) || toks[k - 1].breaks_after() {
            break;
        }
        k -= 1;
    }
    let subordinate =
        SUBORDINATORS.contains(&toks[0].lower().as_str()) && toks[..v].iter().all(|t| !t.trail.starts_with(','));
    !subordinate
}

/// The speaker of the cue verb at `v`: the mention right before it (a few
/// auxiliaries apart), one that opens the sentence with an apposition set
/// off by commas, or the sentence's subject for a participle. With
/// `strict` (a verb of stance), not a phrase that merely runs from the
/// sentence's start to the verb: "McConnell had long been an influential
/// voice" has no subject for "voice".
fn subject_of(toks: &[Tok], found: &[Mention], v: usize, strict: bool) -> Option<Mention> {
    let verb = toks[v];
    let near = found.iter().rev().find(|m| m.span.end <= verb.start && !m.object).filter(|m| {
        // A party tag is no gap: "Rep. Stephen Lynch (D-Mass.) said".
        let gap: Vec<&Tok> = toks[..v].iter().filter(|t| t.start >= m.span.end && !speaker::is_party_tag(t)).collect();
        // A stance may have an adverb between: "Americans overwhelmingly oppose".
        // And a time: "Sen. Bernie Sanders (I-Vt.) on Saturday criticized".
        let gap_word = |t: &Tok| {
            let l = t.lower();
            GAP_WORD.has(l.as_str())
                || t.text.ends_with("ly")
                || is_day(&l)
                || matches!(l.as_str(), "on" | "today" | "yesterday" | "tonight")
        };
        gap.len() <= 3
            && gap.iter().all(|t| gap_word(t) && !t.breaks_after())
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
        return noun_phrase_subject(toks, v, strict);
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
    // For a stance, the phrase holds no verb of its own before the gap
    // words next to the verb ("McConnell had long been an influential
    // voice"): an auxiliary or a form of "be" ends the subject.
    let gap_start = between.len() - between.iter().rev().take_while(|t| is_gap(t)).count();
    let verbless = between[..gap_start].iter().all(|t| {
        let l = t.lower();
        !GAP_WORD.has(l.as_str()) && !BE_FORM.has(l.as_str())
    });
    ((!strict || verbless)
        && between.len() <= 8
        && !toks[opener_end].breaks_after()
        && between.iter().all(|t| {
            !t.breaks_after()
                && !lexicon::REPORT_VERB.has(&t.lower())
                && !matches!(t.lower().as_str(), "that" | "who" | "which" | "when" | "if" | "as" | "while")
        }))
    .then(|| opener.clone())
}

/// The subject of a verb of saying at `v` that [`subject_of`] does not
/// read: `Some(speaker)` when the verb heads a report, the speaker `None`
/// when its subject is no phrase that can name one ("it says", "7 percent
/// said"). Read back from the verb over auxiliaries and party tags:
/// - `X, <apposition>, said`: the phrase before the sentence's first comma
///   (not a prepositional phrase: "In response, …");
/// - `… and said`, `… but said`: the sentence's subject;
/// - `…, who said`: the name the relative clause hangs on;
/// - otherwise the phrase since the clause began (the sentence's start, a
///   comma, or a word like "while" or "where"): at most eight words, none a
///   verb of report, not opening with a preposition ("all the
///   experts I interviewed said", "those close to him say", "74 percent
///   said"). Its speaker is a mention that ends it, a possessor's group
///   ("Clinton’s team says"), a determiner's group, or none.
fn clause_subject(toks: &[Tok], found: &[Mention], v: usize) -> Option<Option<Mention>> {
    let mut j = v;
    while j > 0 {
        let t = toks[j - 1];
        let aux = GAP_WORD.has(t.lower().as_str()) && !t.breaks_after();
        if !(aux || speaker::is_party_tag(&t)) {
            break;
        }
        if BE_FORM.has(t.lower().as_str()) {
            return None;
        }
        j -= 1;
    }
    if j == 0 {
        return None;
    }
    let last = j - 1;
    // A sentence may open with a conjunction: "But Murshed Zaheed, …, said".
    let s0 = usize::from(matches!(toks[0].lower().as_str(), "but" | "and" | "yet" | "so" | "still") && last > 0);
    // `…," said Podesta`: the quotation in marks is what was said.
    if toks[last].trail.contains(['"', '”', '’', '\'']) {
        return None;
    }
    if matches!(toks[last].lower().as_str(), "and" | "but") {
        return (last > 0 && !toks[last - 1].trail.contains(['.', ';', ':'])).then(|| coordinated_subject(toks, found));
    }
    let mention_ending = |k: usize| found.iter().find(|m| m.span.end == toks[k].end && !m.object).cloned();
    let starts_with_prep = |k: usize| PREPOSITION.has(toks[k].lower().as_str());
    let group = |from: usize, to: usize| -> Option<Mention> {
        // "other Clinton challengers justifiably complained": not the adverb.
        let mut to = to;
        while to > from && toks[to].text.ends_with("ly") {
            to -= 1;
        }
        let words = &toks[from..=to];
        let det = words[0].lower();
        let (det, head) = if words.len() >= 2 && (words[0].possessive() || lexicon::DETERMINER.has(det.as_str())) {
            (Some(words[0].text.to_string()), &words[1..])
        } else if lexicon::DETERMINER.has(det.as_str())
            || matches!(det.as_str(), "all" | "those" | "few")
            || lexicon::SPEAKER_NOUN.has(det.as_str())
        {
            (None, words)
        } else {
            return None;
        };
        Some(Mention {
            span: Span::new(words[0].start, words[words.len() - 1].end),
            who: Who::Group { det, head: head.iter().map(|t| t.text).collect::<Vec<_>>().join(" ") },
            object: false,
        })
    };
    if toks[last].trail.starts_with(',') {
        // "X, <apposition>, said": the sentence opens with the speaker.
        let first_comma = toks.iter().skip(s0).position(|t| t.trail.contains(','))? + s0;
        let clean = toks[..last].iter().all(|t| {
            !t.trail.contains([';', ':', '!', '?'])
                && (!t.trail.contains('.') || t.text.contains('.') || t.lower().len() <= 3 || speaker::is_party_tag(t))
                && !lexicon::REPORT_VERB.has(&t.lower())
        });
        if first_comma >= last || first_comma > s0 + 8 || !clean || starts_with_prep(s0) {
            return None;
        }
        if CLAUSE_OPENER.has(toks[s0].lower().as_str()) {
            return None;
        }
        let speaker = found
            .iter()
            .find(|m| !m.object && m.span.end <= toks[first_comma].end && m.span.start >= toks[s0].start)
            .cloned()
            .or_else(|| group(s0, first_comma));
        return Some(speaker);
    }
    let mut b = last;
    while b > 0 && !toks[b - 1].breaks_after() && !CLAUSE_OPENER.has(toks[b - 1].lower().as_str()) {
        b -= 1;
    }
    let opener = (b > 0 && !toks[b - 1].breaks_after()).then(|| toks[b - 1].lower());
    if b > last {
        return None;
    }
    let phrase = &toks[b..=last];
    // "…, who said": the relative pronoun is the subject, the name before
    // it the speaker; "which he said were …" is no report of a clause.
    if phrase.len() == 1 && matches!(phrase[0].lower().as_str(), "who") {
        let named = (b > 0).then(|| mention_ending(b - 1)).flatten();
        return Some(named);
    }
    if opener.as_deref().is_some_and(|o| matches!(o, "which" | "that" | "whom" | "what" | "who")) {
        return None;
    }
    // "the shows were …": a phrase that ends in a determiner makes the
    // "verb" a noun.
    let ends_in_det = (lexicon::DETERMINER.has(toks[last].lower().as_str()) && toks[last].lower() != "both")
        || toks[last].possessive();
    if phrase.len() > 8
        || ends_in_det
        || starts_with_prep(b)
        || phrase.iter().any(|t| lexicon::REPORT_VERB.has(&t.lower()))
    {
        return None;
    }
    Some(mention_ending(last).or_else(|| group(b, last)))
}

/// The sentence's subject for a predicate coordinated after it (`Cruz
/// exhorted Republicans to … and said …`): the mention that opens it.
fn coordinated_subject(toks: &[Tok], found: &[Mention]) -> Option<Mention> {
    found
        .first()
        .filter(|m| {
            !m.object && (m.span.start == toks[0].start || (toks[0].lower() == "the" && m.span.start == toks[1].start))
        })
        .cloned()
}

/// A speaker named by a short lower-case noun phrase that opens the
/// sentence right before the verb: "The bank said", "Another source said".
///
/// The phrase holds no determiner or preposition of its own ("The
/// diversity the state offers", "the former secretary of state and …":
/// "state" is a noun there). With a verb of evidence ("shows",
/// "indicates") or of stance (`strict`), its last word must be able to hold
/// what is reported ([`can_hold`]): "the study found", "the officials
/// highlighted", not "The daytime talk show host", "the positive response
/// indicates" or "The digital blackout highlighted".
fn noun_phrase_subject(toks: &[Tok], v: usize, strict: bool) -> Option<Mention> {
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
            && !GAP_WORD.has(l.as_str())
            && !lexicon::DETERMINER.has(l.as_str())
    });
    // "the former secretary of state and …": after a preposition, a noun.
    let after_preposition = PREPOSITION.has(toks[v - 1].lower().as_str());
    let verb = toks[v].lower();
    let picky = strict || EVIDENCE_VERBS.contains(&verb.as_str());
    let head = words[words.len() - 1].lower();
    (plain && !after_preposition && (!picky || can_hold(&head))).then(|| Mention {
        span: Span::new(toks[0].start, toks[v - 1].end),
        who: Who::Group {
            det: Some(det.into_string()),
            head: words.iter().map(|t| t.text).collect::<Vec<_>>().join(" "),
        },
        object: false,
    })
}

/// Can a noun that heads a subject phrase hold a view or stand as evidence?
/// A speaker noun ("aides", "the ministry"), a noun of evidence ("the
/// footage", "the data"), a plural ("most voters", "the protesters"), a
/// noun of a person ("the organizer", "the economist", "the chairwoman"),
/// or one of [`HOLDERS`] ("Clinton's team", "the website").
fn can_hold(head: &str) -> bool {
    const PERSON_ENDINGS: &[&str] = &["er", "or", "ist", "ian", "man", "men", "ant", "ent"];
    lexicon::SPEAKER_NOUN.has(head)
        || EVIDENCE_NOUNS.contains(&head)
        || HOLDERS.contains(&head)
        || (head.len() > 3 && head.ends_with('s') && !head.ends_with("ss"))
        || PERSON_ENDINGS.iter().any(|e| head.len() > e.len() + 2 && head.ends_with(e))
}

/// Nouns that hold or state a view and that [`can_hold`] does not read from
/// their ending: people, groups and documents.
#[rustfmt::skip]
const HOLDERS: &[&str] = &[
    "man", "woman", "men", "person", "child", "family", "couple", "public", "crowd", "audience",
    "majority", "minority", "plurality", "team", "party", "general", "chief", "panel", "board",
    "council", "jury", "company", "firm", "bank", "network", "website", "site", "document",
    "book", "article", "filing", "complaint", "lawsuit", "indictment", "order", "bill", "law",
    "platform", "agreement", "resolution", "email", "tweet", "post", "ad",
];

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
    // After a preposition ("tweeted in the early morning hours that"), any
    // words of the phrase may come before "that".
    let in_phrase = toks.get(v + 1).is_some_and(|t| matches!(t.lower().as_str(), "in" | "at" | "on" | "during"));
    for k in v + 1..(v + 1 + THAT_REACH).min(toks.len()) {
        if toks[k].lower() == "that" {
            return (k + 1 < toks.len()).then_some(k + 1);
        }
        let l = toks[k].lower();
        let adverbial = (in_phrase && !toks[k].breaks_after() && !lexicon::REPORT_VERB.has(l.as_str()))
            || toks[k].capitalised()
            || is_day(&l)
            || ADVERBIAL.has(l.as_str())
            || LISTENER.has(l.as_str());
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
        } else if LISTENER.has(toks[k].lower().as_str()) {
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
    // "said after Pagliano failed to show up": the writer's adverbial
    // clause, not what was said; "said in a phone interview", "said and did …",
    // "said was not her view" (its subject lies before the cue), "easier
    // said than done" open no clause either. "as much" is content.
    let first = toks.get(k)?.lower();
    let as_much = first == "as" && toks.get(k + 1).is_some_and(|n| n.lower() == "much");
    let no_clause = ADVERBIAL_OPENERS.contains(&first.as_str())
        || matches!(first.as_str(), "in" | "at" | "with" | "under" | "of" | "from")
        || BE_FORM.has(first.as_str())
        || matches!(first.as_str(), "and" | "but" | "or" | "than" | "would" | "will" | "has" | "had");
    (as_much || !no_clause).then_some(k)
}

fn is_day(lower: &str) -> bool {
    matches!(
        lower,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday" | "yesterday" | "today"
    )
}
