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
mod lexicon;
mod reported;
mod speaker;

use crate::diff::{push_normalized, word_diff_split, words};
use crate::model::{Analysis, DiffOp, MemberDiff, Quote, QuoteCluster, QuoteKind, Span};
use rayon::prelude::*;
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
/// And at least this many words in common (fewer if the quotation is
/// shorter) …
const CLUSTER_MIN_WORDS: usize = 4;
/// … of which at least this many content words.
const CLUSTER_MIN_CONTENT: usize = 3;

/// A quotation that opens a paragraph keeps the speaker of the previous
/// paragraph's last quotation when at most this many bytes (its cue, `,"
/// Barkley said.`) follow that quotation there.
const CARRY_REACH: usize = 80;

/// Finds, attributes and clusters the quotations of every article.
pub fn analyze(analysis: &mut Analysis) {
    let articles = &analysis.articles;
    // Articles with the same text and sentences (a copy carried twice) read
    // the same: each such text is read and attributed once, and its
    // quotations given to every copy.
    let (texts, text_of) = distinct_texts(articles);
    // Per text, on all cores (collected in order): the marks first (names
    // and people are read from the prose outside them), then the prose,
    // read once: mentions, name-like words and the reported speech of each
    // sentence.
    let read: Vec<Reading> = texts
        .par_iter()
        .map(|&a| {
            let article = &articles[a];
            let text = article.text.as_str();
            let paragraphs = paragraphs(article);
            let raw = find_quotes(text, &paragraphs);
            let marks: Vec<Span> = raw.iter().map(|q| Span::new(q.open, q.close)).collect();
            let sentences: Vec<Span> =
                article.sentences.iter().filter(|s| !s.headline).map(|s| Span::new(s.start, s.end)).collect();
            let mut reports = Vec::new();
            let prose = speaker::read_prose(text, &paragraphs, &sentences, &marks, |_, toks, found| {
                reports.extend(reported::find_reported_in(text, toks, found, &marks));
            });
            Reading { paragraphs, raw, prose, reports }
        })
        .collect();
    // Names are counted over every article, copies too.
    let mut names = Names::default();
    for m in text_of.iter().flat_map(|&t| &read[t].prose.mentions) {
        if let Who::Person { name, .. } = &m.who {
            names.add(name);
        }
    }
    names.settle();
    let (people, read): (Vec<ArticlePeople>, Vec<Reading>) = texts
        .par_iter()
        .zip(read.into_par_iter())
        .map(|(&a, mut read)| {
            let article = &articles[a];
            let starts: Vec<usize> = article.sentences.iter().map(|s| s.start).collect();
            let prose = std::mem::take(&mut read.prose);
            (speaker::article_people(&article.text, prose, &starts, &names), read)
        })
        .unzip();
    // Titles given anywhere (in every article, copies too), for a role an
    // article uses without naming: each role's holders sorted and without
    // repeats, once (not at every mention: a role's list grows with the
    // folder).
    let mut all_roles: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for p in text_of.iter().map(|&t| &people[t]) {
        for (role, holders) in &p.roles {
            all_roles.entry(role.clone()).or_default().extend(holders.iter().cloned());
        }
    }
    for holders in all_roles.values_mut() {
        holders.sort();
        holders.dedup();
    }
    let context = Context { names: &names, all_roles: &all_roles };
    // Attribution per text, on all cores (in order); each text's readings
    // are freed there too.
    let found: Vec<Vec<Found>> = texts
        .par_iter()
        .zip(read.into_par_iter())
        .zip(people.into_par_iter())
        .map(|((&a, read), people)| {
            let article = &articles[a];
            let Reading { paragraphs, raw, reports, .. } = read;
            let reported = indirect(article, reports, &people, &context);
            let mut found = attribute(article, &paragraphs, &raw, &reported, &people, &context);
            // A quotation in marks inside reported speech is its speaker's
            // words when nothing else names one: `Trump tweeted that Machado
            // was “disgusting”`. Only when the cue comes before the content:
            // in `Tirana, citing US officials, accused Tehran of plotting
            // “terrorist attacks”` the words may be either's.
            for f in found.iter_mut().filter(|f| f.speaker.is_none()) {
                if let Some((r, _)) = reported.iter().find(|(r, cue)| {
                    r.speaker.is_some()
                        && cue.end <= r.span.start
                        && r.span.start <= f.open
                        && f.close <= r.span.end + 3
                }) {
                    f.speaker = r.speaker.clone();
                    f.cue = r.cue.clone();
                }
            }
            // Last, a title as written.
            for f in found.iter_mut().filter(|f| f.speaker.is_none()) {
                if let Some((speaker, cue)) = f.written.take() {
                    f.speaker = Some(speaker);
                    f.cue = Some(cue);
                }
            }
            found.extend(reported.into_iter().map(|(r, _)| r));
            found.sort_by_key(|f| (f.span.start, f.span.end));
            drop((people, paragraphs, raw));
            found
        })
        .collect();
    // Ids, sentences and texts per article, on all cores (in article order).
    let mut quotes: Vec<Quote> = articles
        .par_iter()
        .zip(text_of.par_iter())
        .flat_map_iter(|(article, &t)| {
            found[t].iter().enumerate().map(move |(k, f)| {
                let sentence = article
                    .sentences
                    .iter()
                    .find(|s| s.start <= f.open && f.open < s.end)
                    .or_else(|| article.sentences.iter().find(|s| s.start <= f.span.start && f.span.start < s.end))
                    .map(|s| s.id.clone());
                Quote {
                    id: format!("{}.q{k}", article.id),
                    article: article.id.clone(),
                    sentence,
                    start: f.span.start,
                    end: f.span.end,
                    text: article.text[f.span.start..f.span.end].to_string(),
                    kind: f.kind,
                    speaker: f.speaker.clone(),
                    cue: f.cue.clone(),
                    cluster: None,
                }
            })
        })
        .collect();
    drop(found);
    let order: BTreeMap<&str, usize> = analysis.articles.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
    let (clusters, members) = cluster(&quotes, &order);
    for (c, members) in clusters.iter().zip(&members) {
        for &m in members {
            quotes[m].cluster = Some(c.id.clone());
        }
    }
    analysis.quotes = quotes;
    analysis.quote_clusters = clusters;
}

/// The articles of distinct text and sentences (the first of each, in
/// order), and each article's rank among them. Two articles with the same
/// text and the same sentences (spans, paragraphs, headlines) read the same.
fn distinct_texts(articles: &[crate::model::Article]) -> (Vec<usize>, Vec<usize>) {
    type Key<'a> = (&'a str, Vec<(usize, usize, usize, bool)>);
    let mut seen: std::collections::HashMap<Key, usize, std::hash::BuildHasherDefault<lexicon::Fnv>> =
        std::collections::HashMap::default();
    let mut texts = Vec::new();
    let text_of = articles
        .iter()
        .enumerate()
        .map(|(a, article)| {
            let sentences = article.sentences.iter().map(|s| (s.start, s.end, s.paragraph, s.headline)).collect();
            *seen.entry((article.text.as_str(), sentences)).or_insert_with(|| {
                texts.push(a);
                texts.len() - 1
            })
        })
        .collect();
    (texts, text_of)
}

/// What [`analyze`] reads of each article before attribution.
struct Reading {
    paragraphs: Vec<Span>,
    /// The quotations in marks.
    raw: Vec<RawQuote>,
    /// Mentions and name-like words (taken for [`ArticlePeople`]).
    prose: speaker::Prose,
    reports: Vec<reported::Reported>,
}

/// The prose paragraphs of an article: its sentences grouped by paragraph.
fn paragraphs(article: &crate::model::Article) -> Vec<Span> {
    let mut out: Vec<(usize, Span)> = Vec::new();
    for s in article.sentences.iter().filter(|s| !s.headline) {
        match out.last_mut() {
            Some((p, span)) if *p == s.paragraph => span.end = s.end,
            _ => out.push((s.paragraph, Span::new(s.start, s.end))),
        }
    }
    out.into_iter().map(|(_, s)| s).collect()
}

/// What attribution knows about the whole analysis.
struct Context<'a> {
    names: &'a Names,
    /// Role key → every person given that title in any article, sorted,
    /// without repeats.
    all_roles: &'a BTreeMap<String, Vec<String>>,
}

/// One quotation with its kind and speaker, before ids are given.
struct Found {
    /// The quoted (or reported) words.
    span: Span,
    /// Where the quotation opens (its mark; the content for reported speech).
    open: usize,
    /// Just after its closing mark.
    close: usize,
    kind: QuoteKind,
    speaker: Option<String>,
    cue: Option<String>,
    /// The speaker and cue as written ([`role_as_written`]) when the
    /// quotation's own cue names a title nobody holds: taken only when no
    /// other rule gives a speaker.
    written: Option<(String, String)>,
}

/// Attributes and classifies the quotations `raw` of one article.
fn attribute(
    article: &crate::model::Article,
    paragraphs: &[Span],
    raw: &[RawQuote],
    reported: &[(Found, Span)],
    people: &ArticlePeople,
    context: &Context,
) -> Vec<Found> {
    let text = article.text.as_str();
    let sentences = &article.sentences;
    let para_of = |pos: usize| paragraph_of(paragraphs, pos);
    let mut out: Vec<Found> = Vec::new();
    for (i, q) in raw.iter().enumerate() {
        let para = para_of(q.open);
        // An explicit cue beats the weaker evidence of a sentence's subject:
        // `Obama "felt a moral obligation" to act, Axelrod said.`
        let lead = leading(text, sentences, raw, i);
        let attribution = transcript_label(text, q)
            .or_else(|| trailing(text, sentences, paragraphs, raw, i))
            .or_else(|| lead.clone().filter(|a| a.explicit))
            .or_else(|| sentence_final(text, sentences, raw, i))
            .or(lead)
            .or_else(|| after_colon(text, sentences, paragraphs, raw, i));
        let resolved = attribution.as_ref().and_then(|a: &Attribution| {
            // Without a speech verb, a lone word that names no known person
            // ("Tirana, citing officials, …") is not taken as the speaker.
            if !a.explicit && matches!(&a.mention.who, Who::Word(w) if !context.names.is_surname(w)) {
                return None;
            }
            continuing_speaker(&out, a, people)
                .or_else(|| speaker_of(a, people, context))
                .map(|s| (s, text[a.cue.start..a.cue.end].to_string(), a.explicit))
        });
        // A quotation carried on from one whose speaker is a title as
        // written carries that title, at the same last-resort rank.
        let mut carried_written = None;
        let (speaker, cue, explicit) = match resolved {
            Some((s, c, e)) => (Some(s), Some(c), e),
            None => {
                // A quotation that opens a sentence after an attributed one
                // in the same paragraph: `“…,” Rama said. “…”`.
                let opens_sentence = sentences.iter().any(|s| s.start == q.open);
                // Or one that opens the next paragraph with no cue of its
                // own: the newswire convention for a speaker's next words.
                let opens_paragraph = para.is_some_and(|p| paragraphs[p].start == q.open);
                // Or one later in the sentence of an attributed one, with
                // nobody named between: a list of what one speaker said
                // (`Cruz called Trump a “pathological liar” who is “utterly
                // amoral,” a “serial philanderer”`).
                let sentence_of = |pos: usize| sentences.iter().position(|s| s.start <= pos && pos < s.end);
                let previous = out.last().filter(|prev| {
                    let prev_para = para_of(prev.close.saturating_sub(1));
                    (opens_sentence && para.is_some() && prev_para == para)
                        || (prev.close <= q.open
                            && sentence_of(prev.open).is_some_and(|s| sentence_of(q.open) == Some(s))
                            && speaker::mentions(&speaker::tokens(&text[prev.close..q.open], prev.close)).is_empty())
                        || (opens_paragraph
                            && prev_para.is_some_and(|p| {
                                Some(p + 1) == para && paragraphs[p].end.saturating_sub(prev.close) <= CARRY_REACH
                            }))
                });
                // Or one that opens the sentence after reported speech whose
                // cue ends it: `…, Rep. Adam Schiff said. “The other factor
                // …”` (the wire convention again), when no quotation came
                // between.
                let after_report = reported
                    .iter()
                    .rev()
                    .find(|(_, cue)| cue.end <= q.open)
                    .filter(|(r, cue)| {
                        opens_sentence
                            && r.speaker.is_some()
                            && cue.start >= r.span.end
                            && para_of(cue.start) == para
                            && out.last().is_none_or(|prev| prev.close <= cue.start)
                            && text[cue.end..q.open].trim_matches(|c: char| c.is_whitespace() || c == '.').is_empty()
                    })
                    .map(|(r, _)| r);
                match previous.or(after_report) {
                    Some(p) if p.speaker.is_some() => (p.speaker.clone(), p.cue.clone(), false),
                    _ => {
                        carried_written = previous.and_then(|p| p.written.clone());
                        (None, None, false)
                    }
                }
            }
        };
        let written = attribution
            .as_ref()
            .filter(|_| speaker.is_none())
            .and_then(|a| Some((role_as_written(text, a)?, text[a.cue.start..a.cue.end].to_string())));
        let explicit_title = written.is_some();
        let written = written.or(carried_written);
        let kind = kind_of(text, q, explicit || explicit_title);
        out.push(Found { span: q.span, open: q.open, close: q.close, kind, speaker, cue, written });
    }
    out
}

/// How far back (bytes) "he"/"she" in a cue looks for the speaker of the
/// quotation before.
const CONTINUING_REACH: usize = 1200;

/// The speaker "he" or "she" in a cue stands for when it continues the
/// quotation before: `“…,” Clinton said. … “…,” she continued.` The last
/// attributed quotation's speaker, when the text tells a gender that
/// agrees and nobody else of that gender is named in between.
fn continuing_speaker(out: &[Found], a: &Attribution, people: &ArticlePeople) -> Option<String> {
    let gender = match a.mention.who {
        Who::Pronoun(speaker::Pron::He) => speaker::Gender::Male,
        Who::Pronoun(speaker::Pron::She) => speaker::Gender::Female,
        _ => return None,
    };
    let pos = a.mention.span.start;
    let prev = out.iter().rev().find(|f| f.speaker.is_some() && f.close <= pos)?;
    let name = prev.speaker.as_deref()?;
    if pos - prev.close > CONTINUING_REACH || people.gender(name) != Some(gender) {
        return None;
    }
    let other = people
        .persons
        .iter()
        .any(|(p, n)| (prev.close..pos).contains(p) && n != name && people.gender(n) == Some(gender));
    (!other).then(|| name.to_string())
}

/// The speaker named by an attribution: its mention resolved, with any
/// coordinated speakers ("Hillary Clinton and Tim Kaine").
fn speaker_of(a: &Attribution, people: &ArticlePeople, context: &Context) -> Option<String> {
    let first = speaker::resolve(&a.mention, context.names, people, context.all_roles)?;
    let mut all = vec![first];
    for m in &a.also {
        let other = speaker::resolve(m, context.names, people, context.all_roles)?;
        if !all.contains(&other) {
            all.push(other);
        }
    }
    Some(all.join(" and "))
}

/// A description by title that names nobody the story holds to it ("the
/// Vermont senator" where no article calls anyone so, "the president"
/// where two presidents are named), after an explicit cue: the description
/// as written, as a group is given ("the campaign"), rather than no
/// speaker. Only a phrase opening with "the" and alone (not coordinated);
/// the last resort, after every other way to a name (see `Found::written`).
fn role_as_written(text: &str, a: &Attribution) -> Option<String> {
    if !a.explicit || !a.also.is_empty() || !matches!(a.mention.who, Who::Role(_)) {
        return None;
    }
    let written = &text[a.mention.span.start..a.mention.span.end];
    let rest = written.strip_prefix("the ").or_else(|| written.strip_prefix("The "))?;
    Some(format!("the {rest}"))
}

/// Reported speech of one article, each with its cue's span: a main clause
/// per sentence and the participles' (see [`reported`]), never inside or
/// over a quotation in marks.
fn indirect(
    article: &crate::model::Article,
    reports: Vec<reported::Reported>,
    people: &ArticlePeople,
    context: &Context,
) -> Vec<(Found, Span)> {
    let text = article.text.as_str();
    reports
        .into_iter()
        .map(|r| {
            let speaker = r
                .attribution
                .as_ref()
                .and_then(|a| speaker_of(a, people, context).or_else(|| role_as_written(text, a)));
            let found = Found {
                span: r.content,
                open: r.content.start,
                close: r.content.end,
                kind: QuoteKind::Indirect,
                speaker,
                cue: Some(text[r.cue.start..r.cue.end].to_string()),
                written: None,
            };
            (found, r.cue)
        })
        .collect()
}

/// The paragraph holding byte `pos`.
fn paragraph_of(paragraphs: &[Span], pos: usize) -> Option<usize> {
    paragraphs.iter().position(|p| p.start <= pos && pos < p.end)
}

/// A cue after quotation `i`, before the paragraph ends or the next
/// quotation opens: `…," Rama said`. Not when the quotation ends its
/// sentence with a full stop: what follows is the next sentence
/// (`…escapades." The agency said …` is the agency's next statement).
fn trailing(
    text: &str,
    sentences: &[crate::model::Sentence],
    paragraphs: &[Span],
    raw: &[RawQuote],
    i: usize,
) -> Option<Attribution> {
    let q = raw[i];
    let ends_sentence = text[q.span.start..q.span.end].ends_with('.')
        && sentences.iter().any(|s| s.start < q.close && q.close <= s.end && text[q.close..s.end].trim().is_empty());
    if ends_sentence {
        return None;
    }
    let para_end = paragraph_of(paragraphs, q.close.saturating_sub(1)).map_or(q.close, |p| paragraphs[p].end);
    let next_open = raw.get(i + 1).map_or(para_end, |n| n.open.min(para_end));
    speaker::trailing_cue(&text[q.close..next_open.max(q.close)], q.close)
}

/// A transcript's speaker label opening the quotation: `"PENCE: Well,
/// look, …"` is Pence's. The label is a single word in capitals (a place or
/// a word like "UPDATE" never resolves to a speaker).
fn transcript_label(text: &str, q: &RawQuote) -> Option<Attribution> {
    let inner = &text[q.span.start..q.span.end];
    let colon = inner.find(':')?;
    let label = &inner[..colon];
    let letters = label.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 3 || !label.chars().all(|c| c.is_ascii_uppercase() || c == '-' || c == '\'') {
        return None;
    }
    let mut name = String::with_capacity(label.len());
    for (k, c) in label.char_indices() {
        let after_letter = k > 0 && label[..k].ends_with(|p: char| p.is_ascii_alphabetic());
        name.push(if after_letter { c.to_ascii_lowercase() } else { c });
    }
    let span = Span::new(q.span.start, q.span.start + colon);
    Some(Attribution {
        mention: speaker::Mention { span, who: Who::Word(name), object: false },
        cue: Span::new(q.span.start, q.span.start + colon + 1),
        explicit: true,
        also: Vec::new(),
    })
}

/// A cue that closes the sentence of quotation `i` after more of the
/// writer's words: `"…" that Sanders can catch Clinton, said Steve
/// Elmendorf, a strategist.` Not over a later quotation.
fn sentence_final(text: &str, sentences: &[crate::model::Sentence], raw: &[RawQuote], i: usize) -> Option<Attribution> {
    let q = raw[i];
    let end = sentences.iter().find(|s| s.start <= q.close.saturating_sub(1) && q.close <= s.end)?.end;
    if raw.get(i + 1).is_some_and(|n| n.open < end) {
        return None;
    }
    let rest = &text[q.close..end];
    let toks = speaker::tokens(rest, q.close);
    // The last comma after which a cue runs to the sentence's end.
    for c in (0..toks.len().saturating_sub(1)).rev() {
        if !toks[c].trail.starts_with(',') {
            continue;
        }
        let from = toks[c + 1].start;
        if let Some(a) = speaker::trailing_cue(&text[from..end], from) {
            return Some(a);
        }
    }
    None
}

/// A cue before quotation `i` in its sentence, not reaching back over an
/// earlier quotation: `Rama noted that “…`.
fn leading(text: &str, sentences: &[crate::model::Sentence], raw: &[RawQuote], i: usize) -> Option<Attribution> {
    let q = raw[i];
    let sentence_start = sentences.iter().find(|s| s.start <= q.open && q.open < s.end).map_or(q.open, |s| s.start);
    let previous_close = i.checked_sub(1).map(|j| raw[j].close).filter(|c| *c <= q.open);
    let lead_start = sentence_start.max(previous_close.unwrap_or(0));
    let lead = speaker::leading_cue(&text[lead_start..q.open], lead_start);
    // A participle or a verb after an apposition speaks for the sentence's
    // subject, which may open the sentence before an earlier quotation:
    // `Sen. Bernie Sanders visited NBC’s “Today” to discuss his rival,
    // Hillary Clinton, saying “…”` is Sanders's, not Clinton's. The same cue
    // read over the whole sentence, when its speaker is named outside that
    // quotation.
    if let (Some(a), Some(prev)) = (&lead, i.checked_sub(1).map(|j| raw[j]))
        && a.explicit
        && lead_start > sentence_start
    {
        let whole = speaker::leading_cue(&text[sentence_start..q.open], sentence_start)
            .filter(|w| w.explicit && w.cue.end == a.cue.end && w.mention.span.end <= prev.open);
        if whole.is_some() {
            return whole;
        }
    }
    lead.or_else(|| {
        // The sentence's subject speaks both quotations: `Rama presented
        // “irrefutable evidence” that Iran “used four groups”`.
        (lead_start > sentence_start)
            .then(|| speaker::leading_cue(&text[sentence_start..q.open], sentence_start))
            .flatten()
            .filter(|a| !a.explicit)
    })
}

/// The cue of a quotation that opens its paragraph after one ending in a
/// colon: `Rama said:` / `“…”`.
fn after_colon(
    text: &str,
    sentences: &[crate::model::Sentence],
    paragraphs: &[Span],
    raw: &[RawQuote],
    i: usize,
) -> Option<Attribution> {
    let q = raw[i];
    let p = paragraph_of(paragraphs, q.open).filter(|&p| p > 0)?;
    if !text[paragraphs[p].start..q.open].trim().is_empty() {
        return None;
    }
    let prev = paragraphs[p - 1];
    if !text[prev.start..prev.end].trim_end().ends_with(':') {
        return None;
    }
    // The last sentence of that paragraph, after any quotation in it.
    let sentence =
        sentences.iter().rev().find(|s| s.start >= prev.start && s.start < prev.end).map_or(prev.start, |s| s.start);
    let quote_end = raw.iter().map(|r| r.close).filter(|c| (prev.start..=prev.end).contains(c)).max();
    let start = sentence.max(quote_end.unwrap_or(0));
    let lead = &text[start..prev.end];
    speaker::trailing_cue(lead, start).or_else(|| speaker::leading_cue(lead, start))
}

/// Direct, partial or scare, from the quotation's length and position.
fn kind_of(text: &str, q: &RawQuote, explicit_cue: bool) -> QuoteKind {
    let inner = &text[q.span.start..q.span.end];
    // Only whether it has fewer than, exactly or more than three words
    // matters: counting stops after four.
    let words = crate::diff::word_count_at_most(inner, SCARE_MAX_WORDS + 1);
    if words < SCARE_MAX_WORDS || (words == SCARE_MAX_WORDS && !explicit_cue) {
        return QuoteKind::Scare;
    }
    let starts_upper =
        inner.chars().find(|c| c.is_alphanumeric()).is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let before = text[..q.open].trim_end_matches([' ', '\t']);
    let stands_apart = before.is_empty() || before.ends_with(['\n', ':', ',', '.', '!', '?', '—', '–', '”', '"']);
    if starts_upper && stands_apart { QuoteKind::Direct } else { QuoteKind::Partial }
}

/// The comparison words of a quotation, before stemming: lower-cased,
/// without punctuation (so "cyber-attack" is "cyberattack"). All in one
/// buffer (two allocations a quotation, not one a word).
struct NormalWords {
    buf: String,
    /// Where each word ends in `buf` (each starts where the one before ends).
    ends: Vec<usize>,
}

impl NormalWords {
    fn new(text: &str) -> Self {
        let mut buf = String::with_capacity(text.len());
        let mut ends = Vec::new();
        for w in text.split(|c: char| c.is_whitespace() || matches!(c, '—' | '–' | '/')) {
            let start = buf.len();
            push_normalized(&mut buf, w);
            if buf.len() > start {
                ends.push(buf.len());
            }
        }
        Self { buf, ends }
    }

    fn iter(&self) -> impl Iterator<Item = &str> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts.zip(&self.ends).map(|(a, &b)| &self.buf[a..b])
    }
}

/// Length of the longest common subsequence of two lists of word numbers.
///
/// When either list has at most 64 words, bit-parallel (Hyyrö 2004,
/// "Bit-parallel LCS-length computation revisited"): one machine word holds
/// a row of the table, and each word of the other list updates it with an
/// addition, so the cost is linear in the lists, not their product. The
/// result is the same as the table's ([`lcs_table`]).
fn lcs(a: &[u32], b: &[u32]) -> usize {
    let (rows, bits) = if b.len() <= a.len() { (a, b) } else { (b, a) };
    if bits.len() > 64 {
        return lcs_table(a, b);
    }
    if bits.is_empty() {
        return 0;
    }
    // Each distinct word of `bits` with the positions where it occurs, as
    // bits; sorted by word for a binary search.
    let mut masks = [(0u32, 0u64); 64];
    for (k, &w) in bits.iter().enumerate() {
        masks[k] = (w, 1 << k);
    }
    let masks = &mut masks[..bits.len()];
    masks.sort_unstable_by_key(|&(w, _)| w);
    let mut distinct = 0;
    for k in 0..masks.len() {
        if distinct > 0 && masks[distinct - 1].0 == masks[k].0 {
            masks[distinct - 1].1 |= masks[k].1;
        } else {
            masks[distinct] = masks[k];
            distinct += 1;
        }
    }
    let masks = &masks[..distinct];
    let mut v = u64::MAX;
    for w in rows {
        if let Ok(k) = masks.binary_search_by_key(w, |&(x, _)| x) {
            let u = v & masks[k].1;
            v = v.wrapping_add(u) | (v - u);
        }
    }
    let used = if bits.len() == 64 { u64::MAX } else { (1u64 << bits.len()) - 1 };
    (!v & used).count_ones() as usize
}

/// Length of the longest common subsequence of two word lists, by the
/// table (one row kept).
fn lcs_table<T: PartialEq>(a: &[T], b: &[T]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        let mut diag = 0;
        for (j, y) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if x == y { diag + 1 } else { row[j + 1].max(row[j]) };
            diag = up;
        }
    }
    row[b.len()]
}

/// Words too common to show that two quotations are the same words.
const STOP_WORDS: &[&str] = &[
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "from", "and", "or", "but", "that", "this",
    "it", "is", "was", "be", "been", "has", "have", "had", "as", "its", "our", "his", "her", "their", "we", "us",
    "they", "he", "she", "which", "who", "not",
];

/// The share of `member`'s words found, in order, in `base`: over all
/// words, or over content words only (translations vary most in the small
/// words: "without the shadow of a doubt" / "without a shadow of doubt"),
/// whichever is higher. `None` when too few words are shared to tell.
/// ([`passing`] computes the same with [`lcs_by_masks`].)
#[cfg(test)]
fn shared(coded: &Coded, member: usize, base: usize) -> Option<f32> {
    let all = lcs(&coded.words[member], &coded.words[base]);
    let meaningful = lcs(&coded.content[member], &coded.content[base]);
    share_of(coded, member, all, meaningful)
}

/// [`shared`] from the two common subsequences' lengths: `all` over all
/// words, `meaningful` over content words.
fn share_of(coded: &Coded, member: usize, all: usize, meaningful: usize) -> Option<f32> {
    let (words, content) = (coded.words[member].len(), coded.content[member].len());
    if all < CLUSTER_MIN_WORDS.min(words) || meaningful < CLUSTER_MIN_CONTENT {
        return None;
    }
    let share_all = all as f32 / words.max(1) as f32;
    let share_content = meaningful as f32 / content.max(1) as f32;
    Some(share_all.max(share_content))
}

/// The quotation at hand's bit masks for [`lcs_by_masks`]: per word
/// number, where the word occurs in quotation `i`'s words (`[0]`) and in
/// its content words (`[1]`), for each list of at most 64 words (a longer
/// one keeps its masks empty). [`clear_masks`] empties them again.
fn set_masks(masks: &mut [[u64; 2]], coded: &Coded, i: usize) {
    for (list, k) in [(&coded.words[i], 0), (&coded.content[i], 1)] {
        if list.len() <= 64 {
            for (at, &w) in list.iter().enumerate() {
                masks[w as usize][k] |= 1 << at;
            }
        }
    }
}

/// Empties the masks [`set_masks`] gave quotation `i` (its content words
/// are among its words).
fn clear_masks(masks: &mut [[u64; 2]], coded: &Coded, i: usize) {
    for &w in &coded.words[i] {
        masks[w as usize] = [0, 0];
    }
}

/// [`lcs`] of a list of `len` words (at most 64) whose positions per word
/// are `masks[w][k]` ([`set_masks`]) and of `rows`: the same bit-parallel
/// rows, with each word's mask read from the table instead of sorted and
/// searched at every call (a quotation is compared with many forms).
fn lcs_by_masks(len: usize, rows: &[u32], masks: &[[u64; 2]], k: usize) -> usize {
    let mut v = u64::MAX;
    for &w in rows {
        let u = v & masks[w as usize][k];
        v = v.wrapping_add(u) | (v - u);
    }
    let used = if len == 64 { u64::MAX } else { (1u64 << len) - 1 };
    (!v & used).count_ones() as usize
}

/// [`shared`] of quotation `member`, whose masks are set ([`set_masks`]),
/// and a base of these words and content words.
fn shared_by_masks(coded: &Coded, member: usize, base: (&[u32], &[u32]), masks: &[[u64; 2]]) -> Option<f32> {
    let lcs_of = |list: &[u32], rows: &[u32], k: usize| match list.len() {
        0..=64 => lcs_by_masks(list.len(), rows, masks, k),
        _ => lcs(list, rows),
    };
    let all = lcs_of(&coded.words[member], base.0, 0);
    let meaningful = lcs_of(&coded.content[member], base.1, 1);
    share_of(coded, member, all, meaningful)
}

/// An upper bound of [`shared`] from counts alone, without the word order:
/// `used` of the member's content words (counted with repetition) occur in
/// the base, so at most `used` content words and `used` plus every stop word
/// can be in common. `None` when even that is too few.
fn shared_bound(coded: &Coded, member: usize, used: usize) -> Option<f32> {
    if used < CLUSTER_MIN_CONTENT {
        return None;
    }
    let (words, content) = (coded.words[member].len(), coded.content[member].len());
    let share_all = (used + coded.stops[member]) as f32 / words.max(1) as f32;
    let share_content = used as f32 / content.max(1) as f32;
    Some(share_all.max(share_content))
}

/// Is `needle` a contiguous run of `hay`?
fn contains_run<T: PartialEq>(hay: &[T], needle: &[T]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

/// Two speakers may share a cluster: the same, or either unknown or a
/// title as written ([`is_title_as_written`], given beside each speaker),
/// which may be anyone's.
fn compatible(a: (&Option<String>, bool), b: (&Option<String>, bool)) -> bool {
    match (a.0, b.0) {
        (Some(x), Some(y)) => x == y || a.1 || b.1,
        _ => true,
    }
}

/// A speaker given as written ("the Vermont senator", [`role_as_written`]),
/// not a name: names are never written in lower case. One that holds a
/// name of two capitalised words ("the Bernie Sanders presidential
/// campaign", "the White House") says whose it is, and may not stand for
/// someone else.
fn is_title_as_written(speaker: &str) -> bool {
    let capitalised = |w: &&str| w.starts_with(char::is_uppercase);
    let words: Vec<&str> = speaker.split_whitespace().collect();
    speaker.starts_with("the ") && !words.windows(2).any(|pair| capitalised(&pair[0]) && capitalised(&pair[1]))
}

/// Each cluster's rank in story order (by its earliest member).
fn story_ranks(clusters: &[(Vec<usize>, Option<String>)], positions: &[(Option<usize>, usize)]) -> Vec<usize> {
    let mut rank: Vec<usize> = (0..clusters.len()).collect();
    rank.sort_by_key(|&c| clusters[c].0.iter().map(|&m| positions[m]).min());
    let mut rank_of = vec![0usize; clusters.len()];
    for (r, &c) in rank.iter().enumerate() {
        rank_of[c] = r;
    }
    rank_of
}

/// The words of every quotation, stemmed, as numbers.
struct Coded {
    /// Each quotation's word numbers, in order.
    words: Vec<Vec<u32>>,
    /// The same without stop words.
    content: Vec<Vec<u32>>,
    /// Each quotation's distinct content words, ascending.
    vocab: Vec<Vec<u32>>,
    /// Each quotation's content words with how often it uses each,
    /// ascending by word.
    uses: Vec<Vec<(u32, u32)>>,
    /// How many stop words each quotation has.
    stops: Vec<usize>,
    /// How many distinct stems there are (every word number is below it).
    stem_count: usize,
}

/// Every quotation's words as numbers (a word stemmed once, however often it
/// occurs: stemming is the costly part). Words are normalised and stems
/// computed on all cores; numbers are given in order of first use, one
/// thread, so they do not depend on the threads.
fn code_words(quotes: &[Quote]) -> Coded {
    let normal: Vec<NormalWords> = quotes.par_iter().map(|q| NormalWords::new(&q.text)).collect();
    // Each distinct word, in order of first use.
    let mut first_use: std::collections::HashMap<&str, u32, std::hash::BuildHasherDefault<lexicon::Fnv>> =
        std::collections::HashMap::default();
    let mut distinct: Vec<&str> = Vec::new();
    let word_numbers: Vec<Vec<u32>> = normal
        .iter()
        .map(|ws| {
            ws.iter()
                .map(|w| {
                    *first_use.entry(w).or_insert_with(|| {
                        distinct.push(w);
                        distinct.len() as u32 - 1
                    })
                })
                .collect()
        })
        .collect();
    let stemmer = Stemmer::create(Algorithm::English);
    let stems: Vec<String> = distinct.par_iter().map(|w| stemmer.stem(w).into_owned()).collect();
    // A stem's number: its rank of first use.
    let mut stem_ids: std::collections::HashMap<&str, u32, std::hash::BuildHasherDefault<lexicon::Fnv>> =
        std::collections::HashMap::default();
    let stem_of: Vec<u32> = stems
        .iter()
        .map(|st| {
            let next = stem_ids.len() as u32;
            *stem_ids.entry(st.as_str()).or_insert(next)
        })
        .collect();
    let stem_count = stem_ids.len();
    let mut stop = vec![false; stem_count];
    for w in STOP_WORDS {
        if let Some(&n) = stem_ids.get(*w) {
            stop[n as usize] = true;
        }
    }
    // The rest per quotation, on all cores.
    let per_quote: Vec<_> = word_numbers
        .par_iter()
        .map(|ws| {
            let words: Vec<u32> = ws.iter().map(|&w| stem_of[w as usize]).collect();
            let content: Vec<u32> = words.iter().copied().filter(|&w| !stop[w as usize]).collect();
            let mut sorted = content.clone();
            sorted.sort_unstable();
            let mut uses: Vec<(u32, u32)> = Vec::new();
            for w in sorted {
                match uses.last_mut() {
                    Some((last, n)) if *last == w => *n += 1,
                    _ => uses.push((w, 1)),
                }
            }
            let vocab: Vec<u32> = uses.iter().map(|&(w, _)| w).collect();
            (words, content, vocab, uses)
        })
        .collect();
    // The word buffers and numbers: freed on all cores too.
    rayon::join(|| normal.into_par_iter().for_each(drop), || word_numbers.into_par_iter().for_each(drop));
    let stops = per_quote.iter().map(|(w, c, _, _)| w.len() - c.len()).collect();
    let (mut words, mut content, mut vocab, mut uses) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (w, c, v, u) in per_quote {
        words.push(w);
        content.push(c);
        vocab.push(v);
        uses.push(u);
    }
    Coded { words, content, vocab, uses, stops, stem_count }
}

/// Each cluster: its member indices (the first is the base) and speaker.
type Members = Vec<(Vec<usize>, Option<String>)>;

/// The clusters of the non-scare quotations (see [`cluster`]): longest
/// first, each joins the base that shares most of its words.
///
/// Whether a quotation's words pass against a base depends only on the two
/// lists of words, and most quotations are carried word for word by several
/// outlets: so the distinct lists ("forms") are compared, on all cores
/// ([`passing`]). Then, in order, on one thread, each quotation joins the
/// cluster, among those whose base has a passing form, with the highest
/// share and a speaker and position that fit (ties go to the earliest
/// cluster), or starts one. Every base comes earlier, so is at least as
/// long: the result is the same as comparing every base in order.
///
/// Forms go by length, one length (a "band") at a time: a form is compared
/// with the forms of its own band and with those of the longer bands that
/// are the base of a cluster, never with a longer form that no quotation
/// started a cluster with (it has no cluster to join, and never will: all
/// its quotations have been placed). In wire copy most forms are no base,
/// and most pairs that pass are with them.
fn cluster_longest_first(
    quotes: &[Quote],
    coded: &Coded,
    positions: &[(Option<usize>, usize)],
    titled: &[bool],
) -> Members {
    // (Same article: same article number, no string comparison.)
    let overlap = |a: usize, b: usize| {
        positions[a].0 == positions[b].0 && quotes[a].start < quotes[b].end && quotes[b].start < quotes[a].end
    };
    let mut by_length: Vec<usize> = (0..quotes.len()).filter(|&i| quotes[i].kind != QuoteKind::Scare).collect();
    by_length.sort_by_key(|&i| (std::cmp::Reverse(coded.words[i].len()), positions[i]));

    // Each form's first quotation, in order, and each quotation's form.
    let mut form_ids: std::collections::HashMap<&[u32], usize, std::hash::BuildHasherDefault<lexicon::Fnv>> =
        std::collections::HashMap::default();
    let mut forms: Vec<usize> = Vec::new();
    let form_of: Vec<usize> = by_length
        .iter()
        .map(|&i| {
            *form_ids.entry(coded.words[i].as_slice()).or_insert_with(|| {
                forms.push(i);
                forms.len() - 1
            })
        })
        .collect();
    drop(form_ids);
    // Content word → forms that have it, ascending: the bases of the bands
    // done, and the forms of the band at hand (cleared after it, through
    // the words it used).
    let mut bases_by_word: Vec<Vec<u32>> = vec![Vec::new(); coded.stem_count];
    let mut band_by_word: Vec<Vec<u32>> = vec![Vec::new(); coded.stem_count];
    let mut band_words: Vec<u32> = Vec::new();
    let (bit_of, masks) = common_bits(coded, &forms);
    let form_words = FormWords::new(coded, &forms);
    // One scratch per thread of the pool, kept from band to band.
    let scratches: Vec<std::sync::Mutex<Scratch>> =
        (0..rayon::current_num_threads()).map(|_| std::sync::Mutex::new(Scratch::default())).collect();
    let mut names = NameFilter::new(quotes, titled, &by_length, &form_of, forms.len());

    let mut clusters: Members = Vec::new();
    // Whether each cluster's speaker is a title as written.
    let mut cluster_titled: Vec<bool> = Vec::new();
    // The clusters whose base has each form, ascending.
    let mut bases_of: Vec<Vec<usize>> = vec![Vec::new(); forms.len()];
    // The band's first form and first quotation.
    let (mut start, mut next) = (0, 0);
    while start < forms.len() {
        let length = coded.words[forms[start]].len();
        let end = start + forms[start..].iter().take_while(|&&i| coded.words[i].len() == length).count();
        for (f, &i) in forms.iter().enumerate().take(end).skip(start) {
            for &w in &coded.vocab[i] {
                let list = &mut band_by_word[w as usize];
                if list.is_empty() {
                    band_words.push(w);
                }
                list.push(f as u32);
            }
        }
        let index = Index {
            words: &form_words,
            lists: [bases_by_word.as_slice(), band_by_word.as_slice()],
            bit_of: &bit_of,
            masks: &masks,
            names: &names.of_base,
        };
        let pairs: Vec<Vec<(u32, f32)>> = (start..end)
            .into_par_iter()
            .map(|f| {
                let (i, name) = (forms[f], names.of_form[f]);
                let own = rayon::current_thread_index().and_then(|t| scratches.get(t));
                match own.and_then(|m| m.try_lock().ok()) {
                    Some(mut scratch) => passing(coded, &index, end, (i, name), &mut scratch),
                    None => passing(coded, &index, end, (i, name), &mut Scratch::default()),
                }
            })
            .collect();
        let band = next + by_length[next..].iter().take_while(|&&i| coded.words[i].len() == length).count();
        for (&i, &f) in by_length[next..band].iter().zip(&form_of[next..band]) {
            let speaker = (&quotes[i].speaker, titled[i]);
            // The best share wins, the earliest cluster on ties.
            let mut best: Option<(f32, usize)> = None;
            for &(g, share) in &pairs[f - start] {
                for &c in &bases_of[g as usize] {
                    let (members, who) = &clusters[c];
                    if !compatible((who, cluster_titled[c]), speaker) || members.iter().any(|&m| overlap(m, i)) {
                        continue;
                    }
                    if best.is_none_or(|(s, b)| share > s || (share == s && c < b)) {
                        best = Some((share, c));
                    }
                }
            }
            match best {
                Some((_, c)) => {
                    clusters[c].0.push(i);
                    // A name, once a member gives one, stands for the cluster.
                    let replace = match (clusters[c].1.as_deref(), quotes[i].speaker.as_deref()) {
                        (None, Some(_)) => true,
                        (Some(_), Some(_)) => cluster_titled[c] && !titled[i],
                        _ => false,
                    };
                    if replace {
                        clusters[c].1 = quotes[i].speaker.clone();
                        cluster_titled[c] = titled[i];
                        names.named(c, i);
                    }
                }
                None => {
                    bases_of[f].push(clusters.len());
                    names.started(f, i);
                    clusters.push((vec![i], quotes[i].speaker.clone()));
                    cluster_titled.push(titled[i]);
                }
            }
        }
        names.settle(&bases_of);
        // The band's bases are compared with the shorter forms; the rest
        // of its forms never again.
        for (f, &i) in forms.iter().enumerate().take(end).skip(start) {
            if !bases_of[f].is_empty() {
                for &w in &coded.vocab[i] {
                    bases_by_word[w as usize].push(f as u32);
                }
            }
        }
        for w in band_words.drain(..) {
            band_by_word[w as usize].clear();
        }
        (start, next) = (end, band);
    }
    clusters
}

/// The [`COMMON_WORDS`] content words in the most forms (then the lowest
/// numbers), each with a bit (word → bit, `u8::MAX` for the others), and
/// which of them each form has.
fn common_bits(coded: &Coded, forms: &[usize]) -> (Vec<u8>, Vec<u64>) {
    let mut count = vec![0u32; coded.stem_count];
    for &i in forms {
        for &w in &coded.vocab[i] {
            count[w as usize] += 1;
        }
    }
    let mut commonest: Vec<u32> = (0..coded.stem_count as u32).filter(|&w| count[w as usize] > 0).collect();
    commonest.sort_unstable_by_key(|&w| (std::cmp::Reverse(count[w as usize]), w));
    let mut bit_of = vec![u8::MAX; coded.stem_count];
    for (bit, &w) in commonest.iter().take(COMMON_WORDS).enumerate() {
        bit_of[w as usize] = bit as u8;
    }
    let masks = forms
        .iter()
        .map(|&i| {
            coded.vocab[i]
                .iter()
                .filter(|&&w| bit_of[w as usize] != u8::MAX)
                .fold(0, |m, &w| m | 1 << bit_of[w as usize])
        })
        .collect();
    (bit_of, masks)
}

/// Each form's words, content words and distinct content words (those of
/// its first quotation, [`Coded`]) in one buffer, form after form: a
/// candidate of [`passing`] reads its lists from one place, not from three
/// lists apart.
struct FormWords {
    /// Per form, where its words, content words and distinct content words
    /// start in `data`; then where the last form's end.
    starts: Vec<usize>,
    data: Vec<u32>,
}

impl FormWords {
    /// The lists of `forms` (each form's first quotation).
    fn new(coded: &Coded, forms: &[usize]) -> Self {
        let mut starts = Vec::with_capacity(3 * forms.len() + 1);
        let mut data = Vec::new();
        for &i in forms {
            for list in [&coded.words[i], &coded.content[i], &coded.vocab[i]] {
                starts.push(data.len());
                data.extend_from_slice(list);
            }
        }
        starts.push(data.len());
        Self { starts, data }
    }

    /// Form `g`'s words, content words and distinct content words.
    fn of(&self, g: usize) -> (&[u32], &[u32], &[u32]) {
        let s = &self.starts[3 * g..3 * g + 4];
        (&self.data[s[0]..s[1]], &self.data[s[1]..s[2]], &self.data[s[2]..s[3]])
    }
}

/// No name for a quotation, a form or a base in [`NameFilter`].
const NO_NAME: u32 = u32::MAX;

/// Which bases a form's quotations cannot join by their speakers'
/// names, for [`passing`] to leave out. A name (a speaker that is not a
/// title as written) never conflicts with an unknown speaker or a title,
/// but once a cluster's speaker is a name it stays that name
/// ([`cluster_longest_first`] replaces only no speaker or a title): so a
/// form whose quotations all have one name can join no cluster of a base
/// whose clusters all have another. Names are numbered, [`NO_NAME`] is
/// none.
struct NameFilter {
    /// Each quotation's speaker when it is a name.
    of_quote: Vec<u32>,
    /// Per form: the name all its quotations have.
    of_form: Vec<u32>,
    /// Per form: the name all the clusters it is the base of have (none
    /// while it is the base of no cluster), as of the last band settled.
    of_base: Vec<u32>,
    /// Each cluster's name, and the form of its base.
    clusters: Vec<(u32, usize)>,
    /// The bases whose clusters started or were named since the last band
    /// settled.
    changed: Vec<usize>,
}

impl NameFilter {
    /// `by_length`: the quotations clustered, each of form `form_of`.
    fn new(quotes: &[Quote], titled: &[bool], by_length: &[usize], form_of: &[usize], forms: usize) -> Self {
        let mut numbers: std::collections::HashMap<&str, u32, std::hash::BuildHasherDefault<lexicon::Fnv>> =
            std::collections::HashMap::default();
        let of_quote: Vec<u32> = quotes
            .iter()
            .zip(titled)
            .map(|(q, &titled)| match q.speaker.as_deref() {
                Some(name) if !titled => {
                    let next = numbers.len() as u32;
                    *numbers.entry(name).or_insert(next)
                }
                _ => NO_NAME,
            })
            .collect();
        let mut of_form: Vec<Option<u32>> = vec![None; forms];
        for (&i, &f) in by_length.iter().zip(form_of) {
            let name = of_quote[i];
            of_form[f] = Some(match of_form[f] {
                Some(other) if other != name => NO_NAME,
                _ => name,
            });
        }
        let of_form = of_form.into_iter().map(|n| n.unwrap_or(NO_NAME)).collect();
        Self { of_quote, of_form, of_base: vec![NO_NAME; forms], clusters: Vec::new(), changed: Vec::new() }
    }

    /// Quotation `i` of form `f` starts the next cluster.
    fn started(&mut self, f: usize, i: usize) {
        self.clusters.push((self.of_quote[i], f));
        self.changed.push(f);
    }

    /// Cluster `c` takes quotation `i`'s speaker.
    fn named(&mut self, c: usize, i: usize) {
        self.clusters[c].0 = self.of_quote[i];
        self.changed.push(self.clusters[c].1);
    }

    /// The names of the bases changed in the band done (`bases_of`: each
    /// form's clusters).
    fn settle(&mut self, bases_of: &[Vec<usize>]) {
        for f in self.changed.drain(..) {
            let mut names = bases_of[f].iter().map(|&c| self.clusters[c].0);
            let first = names.next().unwrap_or(NO_NAME);
            self.of_base[f] = if names.all(|n| n == first) { first } else { NO_NAME };
        }
    }
}

/// What [`passing`] reuses from one quotation to the next.
#[derive(Default)]
struct Scratch {
    /// Per form: distinct content words shared
    /// with the quotation at hand, and its content words found in the form
    /// counted with repetition (through the rarest words).
    hits: Vec<(u32, u32)>,
    /// The forms with hits.
    touched: Vec<u32>,
    /// The quotation's content words, rarest among the forms first, the
    /// commonest of all ([`Index::bit_of`]) last: (one of those, forms with
    /// the word, word, uses).
    rare: Vec<(bool, usize, u32, u32)>,
    /// Per word number, the quotation's bit masks ([`set_masks`]); all
    /// empty between quotations.
    masks: Vec<[u64; 2]>,
}

/// The forms a quotation is compared with (see [`passing`]).
struct Index<'a> {
    /// Each form's word lists.
    words: &'a FormWords,
    /// Content word → forms that have it, ascending; no form in two lists.
    lists: [&'a [Vec<u32>]; 2],
    /// The [`COMMON_WORDS`] content words in the most forms: word → its bit
    /// in [`Index::masks`] (`u8::MAX` for the other words).
    bit_of: &'a [u8],
    /// Per form, which of those words it has.
    masks: &'a [u64],
    /// Per form, the name of its clusters ([`NameFilter::of_base`]).
    names: &'a [u32],
}

/// How many of the commonest content words a form's bit mask holds.
const COMMON_WORDS: usize = 64;

/// The forms of `index` (every one below `end`) that share enough of
/// quotation `i`'s words for it to join a cluster they are the base of,
/// were speakers and positions no matter, but for a base whose clusters
/// all have a name other than `name` (the name of every quotation of `i`'s
/// form, [`NameFilter`]): form and [`shared`], ascending by
/// form. Such a form shares at least [`CLUSTER_MIN_CONTENT`] distinct
/// content words with the quotation, and at least `need` of the
/// quotation's content words counted with repetition (the fewest with
/// which [`shared_bound`] lets it pass).
///
/// Candidates come through the word lists of the quotation's content words
/// but the commonest (the most common words of all, [`Index::bit_of`], the
/// last): as many are left out as leave a form that has only those unable
/// to pass (fewer than [`CLUSTER_MIN_CONTENT`] of them, or fewer than
/// `need` uses). The lists of the words left out, the longest, are not
/// read; those words are counted in a candidate by its bit mask (or looked
/// up) only when it could pass with all of them. Candidates skip the
/// word-order comparison when [`shared_bound`] shows they cannot pass.
fn passing(
    coded: &Coded,
    index: &Index,
    end: usize,
    (i, name): (usize, u32),
    scratch: &mut Scratch,
) -> Vec<(u32, f32)> {
    let Scratch { hits, touched, rare, masks } = scratch;
    let Some(need) = (CLUSTER_MIN_CONTENT..=coded.content[i].len())
        .find(|&used| shared_bound(coded, i, used).is_some_and(|b| b >= CLUSTER_SHARE))
    else {
        return Vec::new();
    };
    if hits.len() < end {
        hits.resize(end, (0, 0));
    }
    let listed = |w: u32| index.lists.iter().map(move |by_word| by_word[w as usize].as_slice());
    rare.clear();
    rare.extend(
        coded.uses[i]
            .iter()
            .map(|&(w, u)| (index.bit_of[w as usize] != u8::MAX, listed(w).map(<[u32]>::len).sum(), w, u)),
    );
    rare.sort_unstable();
    // The words left out: as many of the commonest as a form that has only
    // them cannot pass with.
    let mut through = rare.len().saturating_sub(CLUSTER_MIN_CONTENT - 1);
    let mut left_uses: usize = rare[through..].iter().map(|&(_, _, _, u)| u as usize).sum();
    while through > 0 && left_uses + (rare[through - 1].3 as usize) < need {
        left_uses += rare[through - 1].3 as usize;
        through -= 1;
    }
    for &(_, _, w, u) in &rare[..through] {
        for &g in listed(w).flatten() {
            let h = &mut hits[g as usize];
            if *h == (0, 0) {
                touched.push(g);
            }
            h.0 += 1;
            h.1 += u;
        }
    }
    let left = &rare[through..];
    // The words left that have a bit, with their uses by bit; the others.
    let (mut left_bits, mut bit_uses, mut looked_up) = (0u64, [0u32; COMMON_WORDS], 0);
    for &(common, _, w, u) in left {
        if common {
            let bit = index.bit_of[w as usize];
            left_bits |= 1 << bit;
            bit_uses[bit as usize] = u;
        } else {
            looked_up += 1;
        }
    }
    let once = left.iter().all(|&(common, _, _, u)| !common || u == 1);
    let mut pass: Vec<(u32, f32)> = Vec::new();
    if masks.len() < coded.stem_count {
        masks.resize(coded.stem_count, [0, 0]);
    }
    set_masks(masks, coded, i);
    for &g in touched.iter() {
        let (n, used) = std::mem::take(&mut hits[g as usize]);
        let (mut n, mut used) = (n as usize, used as usize);
        // The words left are counted only when the form could pass with
        // all of them.
        if n + left.len() < CLUSTER_MIN_CONTENT
            || shared_bound(coded, i, used + left_uses).is_none_or(|b| b < CLUSTER_SHARE)
        {
            continue;
        }
        // Nor a base whose clusters all have a name other than the one
        // every quotation of the form has ([`NameFilter`]).
        let named = index.names[g as usize];
        if name != NO_NAME && named != NO_NAME && named != name {
            continue;
        }
        let mut both = left_bits & index.masks[g as usize];
        n += both.count_ones() as usize;
        if once {
            used += both.count_ones() as usize;
        } else {
            while both != 0 {
                used += bit_uses[both.trailing_zeros() as usize] as usize;
                both &= both - 1;
            }
        }
        let (words, content, vocab) = index.words.of(g as usize);
        if looked_up > 0 {
            for &(_, _, w, u) in left.iter().filter(|&&(common, _, _, _)| !common) {
                if vocab.binary_search(&w).is_ok() {
                    n += 1;
                    used += u as usize;
                }
            }
        }
        if n < CLUSTER_MIN_CONTENT || shared_bound(coded, i, used).is_none_or(|b| b < CLUSTER_SHARE) {
            continue;
        }
        if let Some(share) = shared_by_masks(coded, i, (words, content), masks).filter(|&s| s >= CLUSTER_SHARE) {
            pass.push((g, share));
        }
    }
    clear_masks(masks, coded, i);
    touched.clear();
    pass.sort_unstable_by_key(|&(g, _)| g);
    pass
}

/// `ops` of a member at byte `from` of its article, for the same words at
/// byte `to` of another: the member's spans move, the base's stay.
fn moved(ops: &[DiffOp], from: usize, to: usize) -> Vec<DiffOp> {
    let shift = |s: Span| Span::new(s.start - from + to, s.end - from + to);
    ops.iter()
        .map(|o| DiffOp { kind: o.kind, text: o.text.clone(), member: o.member.map(shift), base: o.base })
        .collect()
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
/// Returns the clusters with each one's member indices into `quotes`.
fn cluster(quotes: &[Quote], order: &BTreeMap<&str, usize>) -> (Vec<QuoteCluster>, Vec<Vec<usize>>) {
    let coded = code_words(quotes);
    let positions: Vec<(Option<usize>, usize)> =
        quotes.iter().map(|q| (order.get(q.article.as_str()).copied(), q.start)).collect();
    let position = |i: usize| positions[i];
    // Reported speech often encloses a quotation in marks of its own
    // sentence: the two are one passage, never two members of a cluster.
    // (Same article: same article number, no string comparison.)
    let overlap = |a: usize, b: usize| {
        positions[a].0 == positions[b].0 && quotes[a].start < quotes[b].end && quotes[b].start < quotes[a].end
    };
    // Whether each speaker is a title as written, read once.
    let titled: Vec<bool> = quotes.par_iter().map(|q| q.speaker.as_deref().is_some_and(is_title_as_written)).collect();
    let mut clusters = cluster_longest_first(quotes, &coded, &positions, &titled);
    // Scare quotes of two or more words join as leaves: the earliest
    // cluster with a member that has its words together. Word → clusters
    // with a member that has the word, to look only where it can be.
    // (Clusters are visited in ascending order, so each list is ascending
    // and without repeats.)
    let mut any_word: Vec<Vec<usize>> = vec![Vec::new(); coded.stem_count];
    for (c, (members, _)) in clusters.iter().enumerate() {
        for &m in members {
            for &w in &coded.words[m] {
                let list = &mut any_word[w as usize];
                if list.last() != Some(&c) {
                    list.push(c);
                }
            }
        }
    }
    let rank_of = story_ranks(&clusters, &positions);
    let cluster_titled: Vec<bool> =
        clusters.iter().map(|(_, who)| who.as_deref().is_some_and(is_title_as_written)).collect();
    // The clusters a scare quote may join, earliest in the story first.
    let candidates = |i: usize| -> Vec<usize> {
        if quotes[i].kind != QuoteKind::Scare || coded.words[i].len() < 2 {
            return Vec::new();
        }
        let rarest = coded.words[i]
            .iter()
            .map(|&w| &any_word[w as usize])
            .filter(|list| !list.is_empty())
            .min_by_key(|list| list.len());
        let mut candidates: Vec<usize> = rarest.map(|list| list.to_vec()).unwrap_or_default();
        candidates.sort_by_key(|&c| rank_of[c]);
        candidates
    };
    let home = |clusters: &Members, i: usize, c: usize| {
        let (members, who) = &clusters[c];
        compatible((who, cluster_titled[c]), (&quotes[i].speaker, titled[i]))
            && !members.iter().any(|&m| overlap(m, i))
            && members
                .iter()
                .any(|&m| quotes[m].kind != QuoteKind::Scare && contains_run(&coded.words[m], &coded.words[i]))
    };
    // Each scare quote's first home among the clusters as they are, on all
    // cores; then, in order, it joins that one unless a scare quote that
    // joined before overlaps it there (then the search runs again).
    let first_homes: Vec<(usize, usize)> = {
        let clusters = &clusters;
        (0..quotes.len())
            .into_par_iter()
            .filter_map(|i| candidates(i).into_iter().find(|&c| home(clusters, i, c)).map(|c| (i, c)))
            .collect()
    };
    for (i, c) in first_homes {
        let c = if clusters[c].0.iter().any(|&m| overlap(m, i)) {
            match candidates(i).into_iter().find(|&c| home(&clusters, i, c)) {
                Some(c) => c,
                None => continue,
            }
        } else {
            c
        };
        clusters[c].0.push(i);
    }

    // Story order: clusters by their first member, members by position.
    for (members, _) in &mut clusters {
        members.sort_by_key(|&m| position(m));
    }
    clusters.sort_by_key(|(members, _)| position(members[0]));
    // The word diffs of each cluster are independent: on all cores, in
    // cluster order.
    let built: Vec<QuoteCluster> = clusters
        .par_iter()
        .enumerate()
        .map(|(n, (members, who))| {
            // The base is the longest variant in quotation marks (reported
            // speech only when no outlet quotes the words), the earliest on
            // ties.
            let base = *members
                .iter()
                .max_by_key(|&&m| {
                    (quotes[m].kind != QuoteKind::Indirect, coded.words[m].len(), std::cmp::Reverse(position(m)))
                })
                .unwrap_or(&members[0]);
            let b = &quotes[base];
            // The base is split into words once for all its members.
            let base_words = words(&b.text, b.start);
            // A member worded as an earlier one (outlets carry the same
            // words) has that member's diff, its spans moved to its own
            // place in its article.
            let mut seen: Vec<(&str, usize, usize)> = Vec::new();
            let mut diffs: Vec<MemberDiff> = Vec::with_capacity(members.len().saturating_sub(1));
            for &m in members.iter().filter(|&&m| m != base) {
                let q = &quotes[m];
                let (similarity, ops) = match seen.iter().find(|(text, _, _)| *text == q.text) {
                    Some(&(_, start, k)) => (diffs[k].similarity, moved(&diffs[k].ops, start, q.start)),
                    None => {
                        seen.push((&q.text, q.start, diffs.len()));
                        let d = word_diff_split(&b.text, b.start, &base_words, &q.text, q.start);
                        (d.similarity, d.ops)
                    }
                };
                diffs.push(MemberDiff {
                    member: q.id.clone(),
                    base: b.id.clone(),
                    similarity,
                    ops,
                    wording: None,
                    restates: None,
                });
            }
            QuoteCluster {
                id: format!("qc{n}"),
                speaker: who.clone(),
                quotes: members.iter().map(|&m| quotes[m].id.clone()).collect(),
                base: b.id.clone(),
                diffs,
            }
        })
        .collect();
    (built, clusters.into_iter().map(|(members, _)| members).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{analyze_documents, analyze_sample};
    use crate::corpus::RawDocument;
    use crate::model::DiffKind;

    /// Analyses hand-made article bodies (each gets a headline line).
    fn analyse(bodies: &[&str]) -> Analysis {
        let docs: Vec<RawDocument> = bodies
            .iter()
            .enumerate()
            .map(|(i, body)| RawDocument {
                file: format!("{i:03}_test.txt"),
                content: format!("Test headline number {i}\n\n{body}\n"),
            })
            .collect();
        analyze_documents(&docs, Vec::new(), &mut |_| {})
    }

    fn find<'a>(a: &'a Analysis, start: &str) -> &'a Quote {
        a.quotes
            .iter()
            .find(|q| q.text.starts_with(start))
            .unwrap_or_else(|| panic!("no quote starting {start:?} in {:#?}", a.quotes))
    }

    /// The quotations in marks (not reported speech).
    fn marked(a: &Analysis) -> impl Iterator<Item = &Quote> {
        a.quotes.iter().filter(|q| q.kind != QuoteKind::Indirect)
    }

    fn speaker_of<'a>(a: &'a Analysis, start: &str) -> Option<&'a str> {
        find(a, start).speaker.as_deref()
    }

    // --- The seeds -------------------------------------------------------

    /// Reported speech read with each paragraph's words and mentions is what
    /// reading each sentence alone finds, also where the sentences were
    /// split after an abbreviation a name runs over ("state Del. Jennifer").
    #[test]
    fn reading_per_paragraph_equals_reading_per_sentence() {
        let mut a = analyze_sample();
        a.articles.extend(
            analyse(&[
                "Another possibility is state Del. Jennifer L. McClellan (D-Richmond), who said she would run. \
                 Europe has not been so divided since World War II. Trump has said that he would not come to \
                 the defense of other NATO members. Sales went to Dell and HP. Presumably, this means that AMD \
                 will license the technology, analysts said.",
            ])
            .articles,
        );
        let mut sentences_read = 0;
        for article in &a.articles {
            let text = article.text.as_str();
            let paragraphs = paragraphs(article);
            let marks: Vec<Span> = find_quotes(text, &paragraphs).iter().map(|q| Span::new(q.open, q.close)).collect();
            let sentences: Vec<Span> =
                article.sentences.iter().filter(|s| !s.headline).map(|s| Span::new(s.start, s.end)).collect();
            speaker::read_prose(text, &paragraphs, &sentences, &marks, |s, toks, found| {
                sentences_read += 1;
                let alone = speaker::tokens(&text[s.start..s.end], s.start);
                assert_eq!(format!("{toks:?}"), format!("{alone:?}"), "{}", &text[s.start..s.end]);
                assert_eq!(found, speaker::mentions(&alone), "{}", &text[s.start..s.end]);
                assert_eq!(
                    reported::find_reported_in(text, toks, found, &marks),
                    reported::find_reported(text, s, &marks)
                );
            });
        }
        assert_eq!(sentences_read, a.articles.iter().flat_map(|a| &a.sentences).filter(|s| !s.headline).count());
    }

    #[test]
    fn seeds_every_quotation_of_the_four_speakers() {
        let a = analyze_sample();
        let expected = [
            // 000 (RT)
            ("this extreme response", "Edi Rama"),
            ("failed its purpose", "Edi Rama"),
            ("establish without the shadow", "Edi Rama"),
            ("The in-depth investigation provided us", "Edi Rama"),
            ("strongly condemns Iran", "Adrienne Watson"),
            ("conducted this reckless", "Adrienne Watson"),
            // 001 (AsiaNews)
            ("irrefutable evidence", "Edi Rama"),
            ("used four groups", "Edi Rama"),
            ("threatened to paralyze", "Edi Rama"),
            // 003 (Xinhua)
            ("The Council of Ministers", "Edi Rama"),
            ("For weeks now", "Edi Rama"),
            ("The U.S. government has been on the ground", "Adrienne Watson"),
            ("Iran’s reckless actions", "James Cleverly"),
            ("The UK is supporting", "James Cleverly"),
            ("This is possibly the strongest", "John Hultquist"),
            ("The attack on Albania is a reminder", "John Hultquist"),
            // 004
            ("irrefutable evidence that the cyber-attack", "Edi Rama"),
            ("Last July 15", "Edi Rama"),
            ("Among them was one", "Edi Rama"),
            // 001: a government speaks, though a country is also a place.
            ("new initiatives to hold Iran", "United States"),
        ];
        for (start, who) in expected {
            assert_eq!(speaker_of(&a, start), Some(who), "speaker of {start:?}");
        }
        // All 14 quotations of Rama (by hand: 4 in 000, 4 in 001, 3 in 003,
        // 3 in 004), and no one else's, carry his name.
        // "Tirana, citing US officials, accused Tehran of plotting “terrorist
        // attacks”": neither the city nor the cited officials are the speaker.
        assert_eq!(speaker_of(&a, "terrorist attacks"), None);
        let rama = marked(&a).filter(|q| q.speaker.as_deref() == Some("Edi Rama")).count();
        assert_eq!(rama, 14);
    }

    #[test]
    fn seeds_same_words_in_two_outlets_form_one_cluster() {
        let a = analyze_sample();
        let rt = find(
            &a,
            "The in-depth investigation provided us with indisputable evidence that the cyberattack against our country was orchestrated and sponsored by the Islamic Republic of Iran",
        );
        let xinhua = find(
            &a,
            "The in-depth investigation provided us with indisputable evidence that the cyberattack against our country was orchestrated and sponsored by the Islamic Republic of Iran through",
        );
        assert_ne!(rt.id, xinhua.id);
        let translated = find(&a, "irrefutable evidence that the cyber-attack");
        assert_eq!(rt.cluster, xinhua.cluster);
        assert_eq!(rt.cluster, translated.cluster);
        let cluster = a.quote_clusters.iter().find(|c| Some(&c.id) == rt.cluster.as_ref()).expect("cluster exists");
        assert_eq!(cluster.base, xinhua.id, "the longest variant is the base");
        assert_eq!(cluster.speaker.as_deref(), Some("Edi Rama"));
        // RT's trimmed version: all of its words are in the base, in order.
        let rt_diff = cluster.diffs.iter().find(|d| d.member == rt.id).unwrap();
        assert!(rt_diff.ops.iter().all(|o| o.kind != DiffKind::Insert));
        assert!(
            rt_diff
                .ops
                .iter()
                .any(|o| o.kind == DiffKind::Delete && o.text.starts_with("through the engagement of four groups"))
        );
        // The translation differs in wording; the diff says where.
        let tr = cluster.diffs.iter().find(|d| d.member == translated.id).unwrap();
        let inserted: Vec<&str> =
            tr.ops.iter().filter(|o| o.kind == DiffKind::Insert).map(|o| o.text.as_str()).collect();
        assert!(inserted.contains(&"irrefutable"), "{inserted:?}");
        for word in ["perpetrated", "supported", "his"] {
            assert!(inserted.iter().any(|t| t.contains(word)), "{word}: {inserted:?}");
        }
        // Member spans point into the member's own text.
        let member = a.article(&translated.article).unwrap();
        for op in &tr.ops {
            if let Some(span) = op.member {
                assert_eq!(member.slice(span), op.text);
            }
        }

        // The White House spokesperson, quoted by RT (a fragment) and Xinhua.
        let watson_rt = find(&a, "conducted this reckless");
        let watson_x = find(&a, "The U.S. government has been on the ground");
        assert_eq!(watson_rt.cluster, watson_x.cluster);
        assert_ne!(watson_rt.cluster, rt.cluster);
    }

    #[test]
    fn seeds_scare_and_partial_quotes() {
        let a = analyze_sample();
        for scare in ["terrorist attacks", "fabricated intelligence", "baseless proclamations", "irrefutable evidence"]
        {
            let q = a.quotes.iter().find(|q| q.text == scare).unwrap();
            assert_eq!(q.kind, QuoteKind::Scare, "{scare}");
        }
        assert_eq!(find(&a, "failed its purpose").kind, QuoteKind::Partial);
        assert_eq!(find(&a, "this extreme response").kind, QuoteKind::Partial);
        assert_eq!(find(&a, "For weeks now").kind, QuoteKind::Direct);
        assert_eq!(find(&a, "Last July 15").kind, QuoteKind::Direct);
        // Scare quotes found in no longer quotation stay out of clusters;
        // every other quotation has one.
        assert_eq!(find(&a, "terrorist attacks").cluster, None);
        assert_eq!(find(&a, "fabricated intelligence").cluster, None);
        for q in a.quotes.iter().filter(|q| q.kind != QuoteKind::Scare) {
            assert!(q.cluster.is_some(), "{} has no cluster", q.id);
        }
        // A scare quote is never a cluster base.
        for c in &a.quote_clusters {
            let base = a.quotes.iter().find(|q| q.id == c.base).unwrap();
            assert_ne!(base.kind, QuoteKind::Scare);
        }
    }

    #[test]
    fn seeds_stray_mark_does_not_swallow_the_article() {
        let a = analyze_sample();
        assert!(marked(&a).all(|q| !q.text.contains("Iranian state attack")));
        // 003 still has all its quotations after the stray mark.
        assert_eq!(marked(&a).filter(|q| q.article == "a3").count(), 8);
        // No quotation crosses a paragraph without the continuation marks.
        assert!(marked(&a).all(|q| !q.text.contains('\n')));
    }

    #[test]
    fn seeds_ids_sentences_and_order() {
        let a = analyze_sample();
        for q in &a.quotes {
            let article = a.article(&q.article).unwrap();
            assert_eq!(&article.text[q.start..q.end], q.text);
            let (_, s) = a.sentence(q.sentence.as_deref().unwrap()).unwrap();
            assert!(s.start <= q.start && q.start < s.end, "{}", q.id);
            assert!(q.id.starts_with(&format!("{}.q", q.article)));
        }
        assert_eq!(a.quotes[0].id, "a0.q0");
        let first_member = |c: &QuoteCluster| {
            let q = a.quotes.iter().find(|q| q.id == c.quotes[0]).unwrap();
            (q.article.clone(), q.start)
        };
        for (n, pair) in a.quote_clusters.windows(2).enumerate() {
            // Reported speech may start where a quotation in marks starts.
            assert!(first_member(&pair[0]) <= first_member(&pair[1]));
            assert_eq!(pair[0].id, format!("qc{n}"));
        }
        assert_eq!(analyze_sample().quote_clusters, a.quote_clusters);
    }

    // --- Attribution cues on hand-made text ------------------------------

    /// The bit-parallel LCS gives the table's length, on lists short and
    /// long (over 64 words both ways: the table), with repeats.
    #[test]
    fn bit_parallel_lcs_equals_the_table() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n) as u32
        };
        for round in 0..2_000u32 {
            let (la, lb) = (next(90) as usize, next(90) as usize);
            let alphabet = u64::from(1 + round % 12);
            let a: Vec<u32> = (0..la).map(|_| next(alphabet)).collect();
            let b: Vec<u32> = (0..lb).map(|_| next(alphabet)).collect();
            assert_eq!(lcs(&a, &b), lcs_table(&a, &b), "{a:?} {b:?}");
        }
    }

    /// The share read with one quotation's masks kept in a table
    /// ([`shared_by_masks`]) is [`shared`]'s, for every pair of random
    /// quotations (up to 90 words: over 64 in either list, content or all,
    /// with repeats and stop words), the table emptied between quotations.
    #[test]
    fn shares_by_masks_equal_shares() {
        const VOCAB: &[&str] =
            &["harbour", "bridge", "contracts", "families", "port", "deal", "the", "of", "and", "not"];
        let mut next = crate::align::seeded(0x6a09_e667_f3bc_c908);
        let quotes: Vec<Quote> = (0..150)
            .map(|n| {
                let len = next(91) as usize;
                let alphabet = 2 + next(VOCAB.len() as u64 - 1);
                let text = (0..len).map(|_| VOCAB[next(alphabet) as usize]).collect::<Vec<_>>().join(" ");
                Quote { id: format!("q{n}"), text, ..Quote::default() }
            })
            .collect();
        let coded = code_words(&quotes);
        let mut masks = vec![[0u64; 2]; coded.stem_count];
        let mut passed = 0;
        for i in 0..quotes.len() {
            set_masks(&mut masks, &coded, i);
            for base in 0..quotes.len() {
                let share = shared(&coded, i, base);
                let lists = (coded.words[base].as_slice(), coded.content[base].as_slice());
                assert_eq!(shared_by_masks(&coded, i, lists, &masks), share, "{i} {base}");
                passed += usize::from(share.is_some_and(|s| s >= CLUSTER_SHARE));
            }
            clear_masks(&mut masks, &coded, i);
        }
        assert!(masks.iter().all(|m| *m == [0, 0]));
        let long = |list: &Vec<Vec<u32>>| list.iter().filter(|l| l.len() > 64).count();
        assert!(passed > 1000 && long(&coded.words) > 20 && long(&coded.content) > 5, "{passed} passed");
    }

    #[test]
    fn cue_name_said_after_the_quote() {
        let a = analyse(&["Edi Rama spoke on Wednesday.\n“We cut ties today,” Rama said."]);
        let q = find(&a, "We cut ties today");
        assert_eq!(q.speaker.as_deref(), Some("Edi Rama"));
        assert_eq!(q.cue.as_deref(), Some("Rama said"));
        assert_eq!(q.kind, QuoteKind::Direct);
    }

    #[test]
    fn cue_said_name_after_the_quote() {
        let a = analyse(&["\"The response is proportional,\" said Edi Rama."]);
        assert_eq!(speaker_of(&a, "The response"), Some("Edi Rama"));
    }

    #[test]
    fn cue_name_said_colon_before_the_quote() {
        let a = analyse(&["Prime Minister Edi Rama said: «The attack failed its goal.»"]);
        let q = find(&a, "The attack failed");
        assert_eq!(q.speaker.as_deref(), Some("Edi Rama"));
        assert_eq!(q.cue.as_deref(), Some("Prime Minister Edi Rama said"));
    }

    #[test]
    fn cue_according_to() {
        let a = analyse(&["According to John Hultquist, the attackers ``were not amateurs at all'' in July."]);
        assert_eq!(speaker_of(&a, "were not amateurs"), Some("John Hultquist"));
    }

    #[test]
    fn cue_noted_that() {
        let a = analyse(&[
            "Adrienne Watson spoke in Washington.\nWatson noted that „the evidence is overwhelming and clear“ in her remarks.",
        ]);
        let q = find(&a, "the evidence is overwhelming");
        assert_eq!(q.speaker.as_deref(), Some("Adrienne Watson"));
        assert_eq!(q.kind, QuoteKind::Partial);
    }

    #[test]
    fn cue_institution_in_a_statement() {
        let a = analyse(&["“We will hold Iran accountable for this,” the White House said in a statement."]);
        let q = find(&a, "We will hold Iran");
        assert_eq!(q.speaker.as_deref(), Some("White House"));
        assert_eq!(q.cue.as_deref(), Some("the White House said"));
    }

    #[test]
    fn he_added_resolves_to_the_last_named_person() {
        let a = analyse(&[
            "UK Foreign Secretary James Cleverly visited Tirana on Monday.\nThe talks lasted an hour.\n“We stand with our ally Albania,” he added.",
        ]);
        let q = find(&a, "We stand with");
        assert_eq!(q.speaker.as_deref(), Some("James Cleverly"));
        assert_eq!(q.cue.as_deref(), Some("he added"));
    }

    #[test]
    fn name_forms_and_roles_merge_into_one_speaker() {
        let a = analyse(&[
            "Albanian Prime Minister Edi Rama cut ties with Iran.\n“It was a state attack,” Rama said.\nThe prime minister said the attack “failed to reach its goal and was repelled”.",
            "Edi Rama spoke to reporters.\n“The investigation is complete and final,” Rama added.",
        ]);
        for start in ["It was a state attack", "failed to reach", "The investigation"] {
            assert_eq!(speaker_of(&a, start), Some("Edi Rama"), "{start}");
        }
    }

    #[test]
    fn a_title_resolves_through_any_of_its_qualifiers_and_never_to_a_vice() {
        let a = analyse(&[
            "Democratic presidential nominee Hillary Clinton and Republican nominee Donald Trump spoke in Ohio, and Vice President Joe Biden spoke in Iowa. President Barack Obama stayed in Washington.\n“We are stronger together,” the Democratic nominee said.\n“This museum tells the truth,” the president said.",
        ]);
        // "democratic nominee" is a key of "democratic presidential nominee";
        // the bare "nominee" would be either of two.
        assert_eq!(speaker_of(&a, "We are stronger"), Some("Hillary Clinton"));
        // A vice president is not "the president".
        assert_eq!(speaker_of(&a, "This museum"), Some("Barack Obama"));
    }

    #[test]
    fn follow_up_quote_in_the_same_paragraph_keeps_the_speaker() {
        let a = analyse(&[
            "“This is the strongest response we have seen,” said John Hultquist. “Iran will carry on regardless.”",
        ]);
        assert_eq!(speaker_of(&a, "Iran will carry on"), Some("John Hultquist"));
    }

    #[test]
    fn quote_over_two_paragraphs_after_a_colon_cue() {
        let a = analyse(&[
            "Edi Rama addressed the nation. Rama said:\n“Last July our country was attacked by a foreign state.\n“The systems were restored and nothing was lost.”\nThe embassy closed.",
        ]);
        let quotes: Vec<&Quote> = marked(&a).collect();
        assert_eq!(quotes.len(), 1, "{quotes:#?}");
        let q = quotes[0];
        assert!(q.text.starts_with("Last July") && q.text.ends_with("nothing was lost."));
        assert_eq!(q.speaker.as_deref(), Some("Edi Rama"));
        assert_eq!(q.kind, QuoteKind::Direct);
    }

    #[test]
    fn unbalanced_opening_mark_stays_in_its_paragraph() {
        let a = analyse(&[
            "Rama said “the attack was planned for months.\nThe embassy closed on Thursday.\n“We are ready,” Rama said.",
        ]);
        let texts: Vec<&str> = marked(&a).map(|q| q.text.as_str()).collect();
        assert_eq!(texts, vec!["We are ready"]);
    }

    #[test]
    fn straight_quote_over_two_paragraphs_with_trailing_cue() {
        let a = analyse(&[
            "Adrienne Watson briefed reporters.\n\"We have seen the evidence and it is clear.\n\n\"Iran did this, and it will answer for it,\" Watson said.",
        ]);
        let quotes: Vec<&Quote> = marked(&a).collect();
        assert_eq!(quotes.len(), 1, "{quotes:#?}");
        let q = quotes[0];
        assert!(q.text.starts_with("We have seen") && q.text.ends_with("answer for it"));
        // Only the closing paragraph carries the cue.
        assert_eq!(q.speaker.as_deref(), Some("Adrienne Watson"));
    }

    #[test]
    fn british_single_quotes_and_titled_single_names() {
        let a = analyse(&["‘Tehran’s embassy must close today,’ President Begaj said."]);
        let q = find(&a, "Tehran’s embassy");
        assert_eq!(q.speaker.as_deref(), Some("Begaj"));
        assert_eq!(q.cue.as_deref(), Some("President Begaj said"));
    }

    #[test]
    fn wire_copy_titles_abbreviations_and_listeners() {
        let a = analyse(&[
            "\"This bill is a disaster for working families,\" said Senate Minority Leader Mitch McConnell.\n\"We are not going to stop here,\" McConnell told reporters at the Capitol.\n“I don’t think anyone expected this,” said Dr. Jane Smith, a professor at Yale. “But here we are.”\nSmith’s colleague, Tom Brown, disagreed: “It was obvious for months.”",
        ]);
        assert_eq!(speaker_of(&a, "This bill"), Some("Mitch McConnell"));
        assert_eq!(speaker_of(&a, "We are not going"), Some("Mitch McConnell"));
        assert_eq!(speaker_of(&a, "I don’t think"), Some("Jane Smith"));
        assert_eq!(speaker_of(&a, "But here we are"), Some("Jane Smith"));
        assert_eq!(speaker_of(&a, "It was obvious"), Some("Tom Brown"));
    }

    // --- Attribution grammar on newswire (issue 11) ----------------------

    #[test]
    fn every_cue_verb_and_phrase_ties_the_speaker() {
        for cue in [
            "said",
            "told reporters",
            "added",
            "wrote",
            "tweeted",
            "warned",
            "argued",
            "said in a statement",
            "said in an interview",
        ] {
            let body = format!("Jane Smith runs the campaign.\n“We will win the state in November,” Smith {cue}.");
            let a = analyse(&[&body]);
            assert_eq!(speaker_of(&a, "We will win"), Some("Jane Smith"), "{cue}");
        }
        let a =
            analyse(&["Jane Smith runs the campaign.\nThe state is “a lock for us in November,” according to Smith."]);
        assert_eq!(speaker_of(&a, "a lock for us"), Some("Jane Smith"));
    }

    #[test]
    fn long_apposition_between_speaker_and_verb() {
        let a = analyse(&[
            "“Voters have made up their minds,” Larry Sabato, director of the Center for Politics at the University of Virginia, who has studied presidential races for decades, said on Tuesday.",
        ]);
        assert_eq!(speaker_of(&a, "Voters have made up"), Some("Larry Sabato"));
    }

    #[test]
    fn coordinated_speakers() {
        let a = analyse(&[
            "Hillary Clinton and Tim Kaine campaigned in Ohio.\n“We are stronger together than apart,” Clinton and Kaine said.",
        ]);
        assert_eq!(speaker_of(&a, "We are stronger"), Some("Hillary Clinton and Tim Kaine"));
    }

    #[test]
    fn later_quotations_of_one_sentence_keep_its_speaker() {
        let a = analyse(&[
            "Sen. Ted Cruz and Donald Trump met in Iowa.\nCruz called Trump a \"pathological liar\" who is \"utterly amoral,\" a \"serial philanderer\" and a \"bully.\"\nTrump said that \"ethanol people\" \"do a fantastic job. And it's so important.\"\nTrump called the plan \"a disaster,\" but Cruz's aides said it was \"the best plan we have.\"",
        ]);
        assert_eq!(speaker_of(&a, "utterly amoral"), Some("Ted Cruz"));
        assert_eq!(speaker_of(&a, "serial philanderer"), Some("Ted Cruz"));
        assert_eq!(speaker_of(&a, "do a fantastic job"), Some("Donald Trump"));
        // Somebody named in between: not the first speaker's.
        assert_ne!(speaker_of(&a, "the best plan we have"), Some("Donald Trump"));
    }

    #[test]
    fn a_plural_speaker_noun_opening_a_sentence_speaks() {
        let a = analyse(&[
            "Police shot a man in Tulsa on Friday.\nDemonstrators said they want “justice for Terrence,” but pledged to remain civil.\nProtesters marching through the streets chanted \"What curfew?\" until 2 a.m.",
        ]);
        assert_eq!(indirect(&a, "they want").speaker.as_deref(), Some("Demonstrators"));
        assert_eq!(speaker_of(&a, "justice for Terrence"), Some("Demonstrators"));
        assert_eq!(speaker_of(&a, "What curfew?"), Some("Protesters"));
    }

    #[test]
    fn a_participle_speaks_for_a_subject_after_titles_an_opening_phrase_or_a_conjunction() {
        let a = analyse(&[
            "Democratic presidential candidate Sen. Bernie Sanders (I-Vt.) on Saturday criticized the accord adopted in Paris, saying the agreement goes \"nowhere near far enough.\"\nDuring a national security speech earlier in the day, Donald Trump attacked Hillary Clinton for her support of military action in Iraq and Libya, saying, \"She's trigger-happy and very unstable.\"\nAnd on Tuesday, Kevin Brady, chairman of the House Ways and Means Committee, said that Republicans might include the \"pause\" in the device tax in that package.",
        ]);
        assert_eq!(speaker_of(&a, "nowhere near far enough"), Some("Bernie Sanders"));
        assert_eq!(speaker_of(&a, "She's trigger-happy"), Some("Donald Trump"));
        assert_eq!(speaker_of(&a, "pause"), Some("Kevin Brady"));
    }

    #[test]
    fn a_participle_after_an_earlier_quotation_speaks_for_the_sentence_subject() {
        let a = analyse(&[
            "Sen. Bernie Sanders (I-Vt.) visited NBC’s “Today” to discuss his recent remarks about his Democratic presidential rival, Hillary Clinton, saying “on her worst day” she’d be better.",
        ]);
        assert_eq!(speaker_of(&a, "on her worst day"), Some("Bernie Sanders"));
    }

    #[test]
    fn each_turn_of_a_transcript_is_its_speakers() {
        let a = analyse(&[
            "On Fox News Sunday, host Chris Wallace asked Gov. Mike Pence about the debate. Partial transcript as follows:\n\"WALLACE: Why would Trump do that?\n\"PENCE: Well, look, Hillary Clinton apparently thinks this is an episode of “Shark Tank.” But this is America.\n\"But the truth is that Donald Trump has a unique way of communicating.\n\"WALLACE: Thank you, Governor.\"",
        ]);
        assert_eq!(speaker_of(&a, "WALLACE: Why"), Some("Chris Wallace"));
        assert_eq!(speaker_of(&a, "PENCE: Well"), Some("Mike Pence"));
        assert_eq!(speaker_of(&a, "WALLACE: Thank"), Some("Chris Wallace"));
    }

    #[test]
    fn an_outlet_in_a_dateline_is_no_speaker() {
        assert!(!speaker::can_speak("UPI"));
        assert!(!speaker::can_speak("United Press International"));
    }

    #[test]
    fn a_quotation_after_a_sentence_ending_in_its_cue_is_that_speakers() {
        let a = analyse(&[
            "The administration may be reluctant to act while Secretary of State John Kerry negotiates with Russia over Syria, Rep. Adam Schiff said. \"The other factor the administration may be considering is the appearance of bias.\"\nThe vote is set for Monday, officials said on Friday. \"We are ready for it.\"",
        ]);
        assert_eq!(speaker_of(&a, "The other factor"), Some("Adam Schiff"));
        // A cue that does not end its sentence ties nothing after it.
        assert_eq!(speaker_of(&a, "We are ready"), None);
    }

    #[test]
    fn reported_with_a_time_between_holder_and_verb() {
        let a = analyse(&[
            "The accord was adopted in Paris.\nSen. Bernie Sanders (I-Vt.) on Saturday criticized the global climate change accord adopted after two weeks of negotiations.",
        ]);
        assert_eq!(indirect(&a, "the global climate change accord").speaker.as_deref(), Some("Bernie Sanders"));
    }

    #[test]
    fn a_shared_surname_in_one_article_goes_to_the_person_named_far_more_often_there() {
        let a = analyse(&[
            "Sen. Ted Cruz spoke in Iowa on Monday. Ted Cruz later met donors in Des Moines. Cruz thanked them. His wife, Heidi Cruz, was there too.\nCruz called Trump a \"pathological liar\" on Tuesday.",
        ]);
        assert_eq!(speaker_of(&a, "pathological liar"), Some("Ted Cruz"));
    }

    #[test]
    fn possessor_spokesperson_speaks() {
        let a = analyse(&[
            "Donald Trump held a rally on Monday.\n“The candidate has no plans to release them,” Trump’s spokeswoman said.",
        ]);
        assert_eq!(speaker_of(&a, "The candidate has no plans"), Some("Donald Trump’s spokeswoman"));
    }

    #[test]
    fn organisations_and_titles_speak() {
        let a = analyse(&[
            "“We reject the claims made by the candidate,” the ministry said.\n“The debate will go ahead as planned,” the campaign said in a statement.\nSen. Bernie Sanders spoke in Vermont.\n“We need a political revolution now,” the senator said.",
        ]);
        assert_eq!(speaker_of(&a, "We reject the claims"), Some("the ministry"));
        assert_eq!(speaker_of(&a, "The debate will go ahead"), Some("the campaign"));
        assert_eq!(speaker_of(&a, "We need a political"), Some("Bernie Sanders"));
    }

    #[test]
    fn pronouns_agree_in_gender_across_paragraphs() {
        let a = analyse(&[
            "Hillary Clinton spoke first at the forum.\nDonald Trump answered her an hour later in the same hall.\n“He is unfit to serve as president,” she said.\n“I will win in a landslide,” he said.",
        ]);
        assert_eq!(speaker_of(&a, "He is unfit"), Some("Hillary Clinton"));
        assert_eq!(speaker_of(&a, "I will win"), Some("Donald Trump"));
        // "she said" after only a man's name is not his.
        let a = analyse(&["Donald Trump spoke in Ohio on Monday.\n“The polls are rigged against us,” she said."]);
        assert_eq!(speaker_of(&a, "The polls are rigged"), None);
    }

    #[test]
    fn they_stands_for_a_group_named_just_before() {
        let a = analyse(&[
            "The Congressional Black Caucus met on Friday.\n“This is a disgusting day for the country,” they said.",
        ]);
        assert_eq!(speaker_of(&a, "This is a disgusting"), Some("Congressional Black Caucus"));
    }

    // --- Reported speech ---------------------------------------------------

    fn indirect<'a>(a: &'a Analysis, start: &str) -> &'a Quote {
        let q = find(a, start);
        assert_eq!(q.kind, QuoteKind::Indirect, "{start}");
        q
    }

    #[test]
    fn reported_said_that() {
        let a = analyse(&["Hillary Clinton said on Monday that the economy needs more investment in roads."]);
        let q = indirect(&a, "the economy needs");
        assert_eq!(q.speaker.as_deref(), Some("Hillary Clinton"));
        assert_eq!(q.text, "the economy needs more investment in roads");
        assert_eq!(q.cue.as_deref(), Some("Hillary Clinton said"));
    }

    #[test]
    fn reported_said_without_that_and_told() {
        let a = analyse(&[
            "Donald Trump spoke in Ohio.\nTrump said the election was rigged against him from the start.\nHe told reporters he would accept the result only if he won.",
        ]);
        assert_eq!(indirect(&a, "the election was rigged").speaker.as_deref(), Some("Donald Trump"));
        assert_eq!(indirect(&a, "he would accept").speaker.as_deref(), Some("Donald Trump"));
    }

    #[test]
    fn reported_warned() {
        let a = analyse(&["Janet Yellen warned the economy could slow down sharply next year."]);
        assert_eq!(indirect(&a, "the economy could slow").speaker.as_deref(), Some("Janet Yellen"));
    }

    #[test]
    fn reported_according_to() {
        let a = analyse(&[
            "According to Robby Mook, the campaign raised more money in August than in any month before.\nThe rally drew ten thousand people, according to the police.",
        ]);
        assert_eq!(indirect(&a, "the campaign raised").speaker.as_deref(), Some("Robby Mook"));
        assert_eq!(indirect(&a, "The rally drew").speaker.as_deref(), Some("the police"));
    }

    #[test]
    fn reported_with_trailing_cue_and_no_marks() {
        let a = analyse(&[
            "Mike Pence spoke in Iowa.\nThe ticket will carry the state by a wide margin, Pence said on Sunday.",
        ]);
        let q = indirect(&a, "The ticket will carry");
        assert_eq!(q.speaker.as_deref(), Some("Mike Pence"));
        assert_eq!(q.text, "The ticket will carry the state by a wide margin");
    }

    #[test]
    fn reported_speech_never_repeats_a_quotation_in_marks() {
        let a = analyse(&["“We will build the wall and Mexico will pay,” Donald Trump said."]);
        assert!(a.quotes.iter().all(|q| q.kind != QuoteKind::Indirect), "{:#?}", a.quotes);
    }

    #[test]
    fn direct_and_reported_versions_cluster_together() {
        let a = analyse(&[
            "“We will build a wall along the southern border,” Donald Trump said.",
            "Donald Trump said he would build a wall along the southern border.",
        ]);
        let direct = find(&a, "We will build");
        let reported = indirect(&a, "he would build");
        assert!(direct.cluster.is_some());
        assert_eq!(direct.cluster, reported.cluster);
    }

    // --- One speaker, one name --------------------------------------------

    #[test]
    fn name_forms_and_descriptions_merge_within_a_story() {
        let a = analyse(&[
            "Democratic nominee Hillary Clinton spoke in Ohio.\n“We will not go back,” Clinton said.\n“The choice is clear for all voters,” Mrs. Clinton added.\n“We can do this together,” the Democratic nominee said.",
        ]);
        for start in ["We will not go back", "The choice is clear", "We can do this"] {
            assert_eq!(speaker_of(&a, start), Some("Hillary Clinton"), "{start}");
        }
    }

    #[test]
    fn two_people_with_one_surname_stay_apart() {
        let a = analyse(&[
            "Hillary Clinton and Bill Clinton arrived in Ohio.\n“It is a great day for the state,” Mr. Clinton said.\n“We are ready for the debate,” Mrs. Clinton said.",
        ]);
        assert_eq!(speaker_of(&a, "It is a great day"), Some("Bill Clinton"));
        assert_eq!(speaker_of(&a, "We are ready"), Some("Hillary Clinton"));
    }

    #[test]
    fn a_shared_surname_goes_to_the_gender_that_agrees() {
        // Two Obamas in the story; "Mr. Obama" in an article that names
        // neither in full is the man.
        let a = analyse(&[
            "Barack Obama and Michelle Obama spoke at the gala.",
            "“Our progress is on the ballot this year,” Mr. Obama said.",
        ]);
        assert_eq!(speaker_of(&a, "Our progress is on"), Some("Barack Obama"));
    }

    #[test]
    fn a_shared_surname_goes_to_the_person_named_far_more_often() {
        // Hillary Clinton named in full three times, Bill Clinton once: a
        // bare "Clinton" in an article naming neither is Hillary Clinton.
        let a = analyse(&[
            "Hillary Clinton spoke in Ohio. Hillary Clinton spoke in Iowa.",
            "Hillary Clinton met Bill Clinton at the airport.",
            "“We are going to win this state,” Clinton said.",
        ]);
        assert_eq!(speaker_of(&a, "We are going to win"), Some("Hillary Clinton"));
        // Named about as often, they stay apart: no speaker.
        let a = analyse(&[
            "Hillary Clinton met Bill Clinton at the airport.",
            "“We are going to win this state,” Clinton said.",
        ]);
        assert_eq!(speaker_of(&a, "We are going to win"), None);
    }

    #[test]
    fn a_word_run_into_a_name_does_not_make_a_new_person() {
        // "Democrat Hillary Clinton" (a party word the grammar does not
        // split off) is the Hillary Clinton named more often.
        let a = analyse(&[
            "Hillary Clinton spoke in Ohio. Hillary Clinton spoke in Iowa.",
            "Both Democrat Hillary Clinton and her staff came.\n“This is our moment,” Clinton said.",
        ]);
        assert_eq!(speaker_of(&a, "This is our moment"), Some("Hillary Clinton"));
    }

    #[test]
    fn transcript_labels_name_the_speaker() {
        let a = analyse(&[
            "Mike Pence spoke to Chris Wallace on Sunday.\n\"PENCE: Well, look, this is serious business for the country.\"",
        ]);
        assert_eq!(speaker_of(&a, "PENCE: Well, look"), Some("Mike Pence"));
        // A place or a word like "UPDATE" is never a speaker.
        let a = analyse(&["\"WASHINGTON: The vote was delayed again by the Senate today.\""]);
        assert_eq!(speaker_of(&a, "WASHINGTON: The vote"), None);
    }

    #[test]
    fn no_trailing_cue_after_a_quotation_that_ends_its_sentence() {
        // The agency's cue belongs to its own statement, not to Russia's.
        let a = analyse(&[
            "Russia insisted that Pyongyang \"stop its dangerous escapades and talk.\" The International Atomic Energy Agency said North Korea had displayed \"complete disregard for the demands\" of the world.",
        ]);
        assert_ne!(speaker_of(&a, "stop its dangerous"), Some("International Atomic Energy Agency"));
    }

    #[test]
    fn a_pronoun_cue_continues_the_last_speaker() {
        // "she continued" after Clinton's quotation is hers, though a woman
        // of unknown gender-by-name was named between.
        let a = analyse(&[
            "Hillary Clinton spoke about Terence Crutcher on Tuesday.\n“How many times do we have to see this in our country?” Clinton said.\n“Maybe I can speak directly to white people about this,” she continued.",
        ]);
        assert_eq!(speaker_of(&a, "Maybe I can speak"), Some("Hillary Clinton"));
    }

    #[test]
    fn a_pronoun_prefers_the_subject_of_a_recent_sentence() {
        // Betty Shelby is named after Clinton, but Clinton is the subject.
        let a = analyse(&[
            "Hillary Clinton spoke on the radio.\nOn the show, Clinton criticized police officer Betty Shelby for the shooting.\n“How many times do we have to see this in our country?” she said.",
        ]);
        assert_eq!(speaker_of(&a, "How many times"), Some("Hillary Clinton"));
        // A headline's capitals merged into her name ("Chris Christie Calls
        // Hillary Clinton") do not give her the gender of "Chris".
        let a = analyse(&[
            "Chris Christie Calls Hillary Clinton A Disgrace.\nHillary Clinton spoke. Hillary Clinton spoke again.\nOn the show, Clinton criticized police officer Betty Shelby for the shooting.\n“How many times do we have to see this in our country?” she said.",
        ]);
        assert_eq!(speaker_of(&a, "How many times"), Some("Hillary Clinton"));
    }

    /// Is there an indirect quote whose text starts with `start`?
    fn has_indirect(a: &Analysis, start: &str) -> bool {
        a.quotes.iter().any(|q| q.kind == QuoteKind::Indirect && q.text.starts_with(start))
    }

    #[test]
    fn reported_after_an_apposition_with_a_party_tag() {
        let a = analyse(&[
            "Rep. Gregory W. Meeks (D-N.Y.), chairman of the Congressional Black Caucus PAC, said members will help him raise cash.\nBut Murshed Zaheed, acting political director of CREDO Action, which organized the letter, said the response was undercut by the campaign's ties.",
        ]);
        let q = indirect(&a, "members will help");
        assert_eq!(q.speaker.as_deref(), Some("Gregory W. Meeks"));
        assert_eq!(q.text, "members will help him raise cash");
        assert_eq!(indirect(&a, "the response was undercut").speaker.as_deref(), Some("Murshed Zaheed"));
    }

    #[test]
    fn reported_by_a_relative_clause_and_a_coordinated_verb() {
        let a = analyse(&[
            "David Kamin spoke to reporters on Monday.\nThe plan was praised by Mr. Kamin, who emphasized that her proposals would simplify returns for small businesses.\nTed Cruz exhorted Republicans to vote their conscience and said he was standing on truth and principle.",
        ]);
        assert_eq!(indirect(&a, "her proposals would simplify").speaker.as_deref(), Some("David Kamin"));
        assert_eq!(indirect(&a, "he was standing on truth").speaker.as_deref(), Some("Ted Cruz"));
    }

    #[test]
    fn reported_by_a_subject_phrase_that_is_no_name() {
        let a = analyse(&[
            "Hillary Clinton spoke in Ohio.\nIn Mrs. Clinton's favor, all the experts I interviewed said her proposals were more detailed than his.\nClinton's team says she will continue her march toward Election Day.\nIn response, Twitter said it actively investigated potential terrorist threats.",
        ]);
        assert_eq!(
            indirect(&a, "her proposals were more detailed").speaker.as_deref(),
            Some("all the experts I interviewed")
        );
        assert_eq!(indirect(&a, "she will continue her march").speaker.as_deref(), Some("Hillary Clinton’s team"));
        // The content is found; "Twitter" is no name this article knows, so
        // the report stays unattributed rather than guessed.
        assert_eq!(indirect(&a, "it actively investigated").speaker, None);
    }

    #[test]
    fn reported_by_a_participle() {
        let a = analyse(&[
            "“The country has made dramatic changes for the better,” Mitch McConnell said in June 2012, citing the release of political prisoners and new elections.\nAt the time, Nasser Kanaani denounced the decision, saying it was based on fabricated intelligence from abroad.",
        ]);
        let q = indirect(&a, "the release of political prisoners");
        assert_eq!(q.speaker.as_deref(), Some("Mitch McConnell"));
        assert_eq!(q.cue.as_deref(), Some("citing"));
        assert_eq!(
            indirect(&a, "it was based on fabricated").speaker.as_deref(),
            Some("Nasser Kanaani"),
            "{:#?}",
            a.quotes
        );
        // "said in June 2012" gives no content of its own.
        assert!(!has_indirect(&a, "in June 2012"), "{:#?}", a.quotes);
    }

    #[test]
    fn reported_intention_and_naming() {
        let a = analyse(&[
            "Hillary Clinton plans to call on young people to participate in national service.\nDonald Trump has called climate change a hoax perpetrated by China.\nThe mayor called a news conference for Friday morning at city hall.",
        ]);
        let q = indirect(&a, "to call on young people");
        assert_eq!(q.speaker.as_deref(), Some("Hillary Clinton"));
        assert_eq!(indirect(&a, "climate change a hoax").speaker.as_deref(), Some("Donald Trump"));
        assert!(!has_indirect(&a, "a news conference"), "{:#?}", a.quotes);
    }

    #[test]
    fn reported_inside_a_relative_clause() {
        let a = analyse(&[
            "Chris Christie, who has campaigned for Donald Trump since February, spoke in Ohio.\nThe district saw 30 applicants for delegate slots, which he said were about evenly split between Trump and Cruz.\nSteve Barkley, who said he typically votes democratic, said one candidate he likes is John Kasich.\nOne potential bastion of support is in the 1st District, where local party leaders say the mogul has shown more strength.",
        ]);
        assert_eq!(indirect(&a, "Donald Trump since February").speaker.as_deref(), Some("Chris Christie"));
        assert_eq!(indirect(&a, "were about evenly split").cue.as_deref(), Some("which he said"));
        // The relative's report and the sentence's main one, both.
        assert_eq!(indirect(&a, "he typically votes").speaker.as_deref(), Some("Steve Barkley"));
        assert_eq!(indirect(&a, "one candidate he likes").speaker.as_deref(), Some("Steve Barkley"));
        assert!(has_indirect(&a, "the mogul has shown"), "{:#?}", a.quotes);
    }

    #[test]
    fn a_relative_clause_running_into_the_main_verb_reports_nothing() {
        let a = analyse(&[
            "A France Telecom spokeswoman who asked not to be named said the cable was cut near Alexandria.",
        ]);
        assert!(!has_indirect(&a, "not to be named"), "{:#?}", a.quotes);
    }

    #[test]
    fn a_title_that_names_nobody_is_the_speaker_as_written() {
        let a = analyse(&[
            "“We do not see a link to terrorism,” the mayor said.\n“The race is far from over,” the Vermont senator said on Sunday.",
        ]);
        assert_eq!(speaker_of(&a, "We do not see"), Some("the mayor"));
        assert_eq!(speaker_of(&a, "The race is far"), Some("the Vermont senator"));
        // The control: a title the story gives one person is that person.
        let a =
            analyse(&["Mayor Jane Doe opened the bridge.\n“It will carry ten thousand cars a day,” the mayor said."]);
        assert_eq!(speaker_of(&a, "It will carry"), Some("Jane Doe"));
    }

    #[test]
    fn a_title_as_written_carries_on_and_clusters_with_the_named_speaker() {
        // Outlet 0 names the senator by title only; outlet 1 by name. The
        // same words cluster, and outlet 0's next quotation carries the
        // title on.
        let a = analyse(&[
            "“We will take this fight all the way to the convention floor,” the Vermont senator said on Sunday. “Nobody expected this.”",
            "Sen. Bernie Sanders spoke in Wisconsin.\n“We will take this fight all the way to the convention floor,” Sanders said.",
        ]);
        let (titled, named) = (&a.quotes[0], &a.quotes[a.quotes.len() - 1]);
        assert_eq!(titled.speaker.as_deref(), Some("the Vermont senator"), "{:#?}", a.quotes);
        assert_eq!(named.speaker.as_deref(), Some("Bernie Sanders"), "{:#?}", a.quotes);
        assert!(titled.cluster.is_some() && titled.cluster == named.cluster, "{:#?}", a.quotes);
        assert_eq!(speaker_of(&a, "Nobody expected"), Some("the Vermont senator"));
    }

    #[test]
    fn a_title_holding_a_name_does_not_cluster_with_another_speaker() {
        // The same words, given to "the Bernie Sanders presidential
        // campaign" in one outlet and to Hillary Clinton in the other, stay
        // two clusters: the title names whose words they are.
        let a = analyse(&[
            "“This race is far from over,” the Bernie Sanders presidential campaign said in a statement.",
            "Hillary Clinton spoke in Iowa.\n“This race is far from over,” Clinton said.",
        ]);
        let (titled, named) = (&a.quotes[0], &a.quotes[a.quotes.len() - 1]);
        assert_eq!(titled.speaker.as_deref(), Some("the Bernie Sanders presidential campaign"), "{:#?}", a.quotes);
        assert_eq!(named.speaker.as_deref(), Some("Hillary Clinton"), "{:#?}", a.quotes);
        assert!(titled.cluster.is_none() || titled.cluster != named.cluster, "{:#?}", a.quotes);
    }

    #[test]
    fn a_source_asking_for_anonymity_reports_nothing() {
        let a = analyse(&[
            "The police source, who wished to remain anonymous, said the men drove a large car into the store.\nOne official, who declined to be identified, said talks would resume.\nThe mayor wished to rebuild the bridge by spring.",
        ]);
        assert!(!has_indirect(&a, "to remain anonymous"), "{:#?}", a.quotes);
        assert!(!has_indirect(&a, "to be identified"), "{:#?}", a.quotes);
        assert!(has_indirect(&a, "the men drove"), "{:#?}", a.quotes);
        // The control: the same verb with another intention still reports.
        assert!(has_indirect(&a, "to rebuild the bridge"), "{:#?}", a.quotes);
    }

    #[test]
    fn reported_after_a_noun_of_saying_or_of_will() {
        let a = analyse(&[
            "The tax has been unpopular, in part because of fears that businesses will react by cutting benefits.\nDonald Trump spoke in Iowa.\nHis proposal to ban Muslims from entering the country drew criticism from both parties.\nThe charges that were dropped last year came back in the spring.\nThey worked through the night in order to win the state.",
        ]);
        assert_eq!(indirect(&a, "businesses will react").cue.as_deref(), Some("fears that"));
        assert_eq!(indirect(&a, "to ban Muslims").speaker.as_deref(), Some("Donald Trump"));
        // A relative "that" and "in order to" report nothing.
        assert!(!has_indirect(&a, "were dropped"), "{:#?}", a.quotes);
        assert!(!has_indirect(&a, "to win the state"), "{:#?}", a.quotes);
    }

    #[test]
    fn reported_in_the_passive() {
        let a = analyse(&[
            "Obama’s veto is expected to come before the deadline at midnight Friday.\nMehmet Oz has been called a charlatan by fellow physicians for his cures.\nPeacekeepers have sometimes been accused of hurting the civilians they were sent to protect.\nThe meeting was called off on Monday because of the storm.",
        ]);
        // What is expected is the subject with its complement.
        assert_eq!(indirect(&a, "Obama’s veto is expected").cue.as_deref(), Some("is expected"));
        assert_eq!(indirect(&a, "Mehmet Oz has been called").speaker.as_deref(), Some("fellow physicians"));
        assert!(has_indirect(&a, "Peacekeepers have sometimes been accused"), "{:#?}", a.quotes);
        assert!(!has_indirect(&a, "The meeting was called"), "{:#?}", a.quotes);
    }

    #[test]
    fn reported_intentions_of_more_verbs_and_adjectives() {
        let a = analyse(&[
            "Jim Carver spoke to miners.\nThrough a spokesman, Carver declined to comment.\nSenate Republicans were willing to go forward with a more limited climate bill.\nHillary Clinton tried to make light of the dispute on Thursday.\nAlpha Natural Resources chose to file in Richmond, which hears large cases quickly.\nEdi Rama spoke in Tirana.\nThe Council of Ministers decided to sever relations with Iran, Rama noted that this was communicated to the embassy.",
        ]);
        assert_eq!(indirect(&a, "to comment").speaker.as_deref(), Some("Jim Carver"));
        assert!(has_indirect(&a, "to go forward with"), "{:#?}", a.quotes);
        assert_eq!(indirect(&a, "to make light").speaker.as_deref(), Some("Hillary Clinton"));
        // The intention stops before the writer's relative clause.
        assert_eq!(indirect(&a, "to file in Richmond").text, "to file in Richmond");
        // A verb of saying wins over a decision in one sentence.
        assert_eq!(indirect(&a, "this was communicated").speaker.as_deref(), Some("Edi Rama"));
    }

    #[test]
    fn reported_stance_of_a_named_holder() {
        let a = analyse(&[
            "Barack Obama spoke in Paris.\nObama the realist knows even if all the commitments are met, they will still fall short.\nSen. Bernie Sanders on Saturday criticized the global climate change accord adopted in Paris.\nAmericans overwhelmingly oppose cutting off federal funds for the group.\nDonald Trump is once again questioning the integrity of the U.S. voting system.",
        ]);
        assert_eq!(indirect(&a, "even if all the commitments").speaker.as_deref(), Some("Barack Obama"));
        assert_eq!(indirect(&a, "the global climate change accord").speaker.as_deref(), Some("Bernie Sanders"));
        assert!(has_indirect(&a, "cutting off federal funds"), "{:#?}", a.quotes);
        assert_eq!(indirect(&a, "the integrity of the U.S.").speaker.as_deref(), Some("Donald Trump"));
    }

    #[test]
    fn reported_topic_side_share_and_poll_source() {
        let a = analyse(&[
            "Hillary Clinton spoke about her deep ties to black churches at the convention.\nAmong Republicans, 27 percent would vote for Donald Trump in the primary.\nIn the previous Washington Post/ABC News national poll, conducted in early September, Clinton led Trump by 5 points.\nCruz has endorsed Trump.\nThe senator spoke on Monday in Ohio at a rally of miners.",
        ]);
        assert_eq!(indirect(&a, "her deep ties").speaker.as_deref(), Some("Hillary Clinton"));
        assert_eq!(indirect(&a, "Donald Trump in the primary").speaker, None);
        assert_eq!(
            indirect(&a, "Clinton led Trump").speaker.as_deref(),
            Some("the previous Washington Post/ABC News national poll")
        );
        // "spoke on Monday" names a time, not a topic.
        assert!(!has_indirect(&a, "Monday in Ohio"), "{:#?}", a.quotes);
    }

    #[test]
    fn reported_stance_with_a_that_clause_after_any_subject() {
        let a = analyse(&[
            "But environmentalists worry that the new owner is breathing new life into a polluting industry.",
        ]);
        assert_eq!(indirect(&a, "the new owner is breathing").cue.as_deref(), Some("worry"));
    }

    #[test]
    fn never_a_stance_from_a_noun_a_passive_a_question_or_a_subordinate_clause() {
        let a = analyse(&[
            "Hillary Clinton spoke in Florida.\nThe Democratic nominee currently sits at 85 percent support among black voters in the state.\nHe could rally another time at his preferred venue in New York on Saturday.\nThe Democratic presidential nominee has been endorsed by dozens of papers across the country.\nDo you know where your candidate keeps the tax returns?\nWhen Mr. Obama unveiled the final version of the plan last year, he summoned his adviser.\nMcConnell had long been an influential voice on Capitol Hill in support of sanctions.",
        ]);
        for start in [
            "among black voters",
            "venue in New York",
            "by dozens of papers",
            "where your candidate",
            "the final version",
            "on Capitol Hill",
        ] {
            assert!(!has_indirect(&a, start), "{start}: {:#?}", a.quotes);
        }
    }

    #[test]
    fn reported_evidence_of_a_poll_or_a_study() {
        let a = analyse(&[
            "Not one, but two Republican candidates would defeat her, according to a new poll that shows more voters view Clinton unfavorably than support her.\nThe two taped an hourlong show that aired on Thursday and was light on details.",
        ]);
        assert_eq!(indirect(&a, "more voters view Clinton").speaker, None);
        // "show" after a modifier is a noun: nothing is reported.
        assert!(!has_indirect(&a, "aired on Thursday"), "{:#?}", a.quotes);
    }

    #[test]
    fn a_noun_phrase_that_holds_nothing_reports_nothing() {
        let a = analyse(&[
            "Ellen DeGeneres will host the Oscars.\nOn the show, the former secretary of state and current Democratic nominee said she wanted to speak to voters.\nThe daytime talk show host follows Seth MacFarlane, whose hosting was divisive.\nThe diversity the state offers is fertile ground for the remaining candidates.\nThe movie was a hit, but the positive response indicates that he is now in higher demand.\nThe digital blackout highlighted the vulnerability of global communications.\nThe study found that turnout fell in three counties.",
        ]);
        for start in ["host follows", "offers is fertile", "he is now in higher", "the vulnerability"] {
            assert!(!has_indirect(&a, start), "{start}: {:#?}", a.quotes);
        }
        // "state" after "of" is a noun: the speaker is the whole title.
        assert!(a.quotes.iter().all(|q| q.speaker.as_deref() != Some("the former secretary of")), "{:#?}", a.quotes);
        // A noun of evidence still reports.
        assert!(has_indirect(&a, "turnout fell"), "{:#?}", a.quotes);
    }

    #[test]
    fn reported_with_a_cue_set_inside_the_sentence() {
        let a = analyse(&[
            "Barack Obama spoke in Hawaii.\nClimate change, Mr. Obama often says, is the greatest long-term threat facing the world.",
        ]);
        assert_eq!(indirect(&a, "Climate change, Mr. Obama").speaker.as_deref(), Some("Barack Obama"));
    }

    #[test]
    fn never_a_report_from_an_adverbial_an_object_or_a_headline() {
        let docs = [RawDocument {
            file: "000_test.txt".into(),
            content: "Trump says the election is rigged against him\n\n“Subpoenas are not optional,” Chairman Jason Chaffetz said after Bryan Pagliano failed to show up at the hearing.\nIn her 2003 book, Living History, Hillary Clinton noted the clot’s existence.\n“The program is a misguided approach to taxes,” said Leonard Burman, who studies the tax code at the institute.\n".into(),
        }];
        let a = analyze_documents(&docs, Vec::new(), &mut |_| {});
        // The writer's clause after the cue is not what was said.
        assert!(!has_indirect(&a, "after Bryan Pagliano"), "{:#?}", a.quotes);
        // "noted the clot’s existence" is the report, not the opening phrase.
        assert!(!has_indirect(&a, "In her 2003 book"), "{:#?}", a.quotes);
        assert_eq!(indirect(&a, "the clot’s existence").speaker.as_deref(), Some("Hillary Clinton"));
        // After a quotation, "said Leonard Burman, who …" names the speaker:
        // the name is no content.
        assert!(!has_indirect(&a, "Leonard Burman"), "{:#?}", a.quotes);
        // The headline is no prose.
        assert!(!has_indirect(&a, "the election is rigged"), "{:#?}", a.quotes);
    }

    #[test]
    fn reported_speaker_never_a_number_or_a_bare_pronoun() {
        let a = analyse(&[
            "Among Trump voters, 74 percent said they are set on voting for the real estate mogul.\nThe city sent a letter on Thursday. It says the campaign violated federal and state law.",
        ]);
        assert_eq!(indirect(&a, "they are set on voting").speaker, None);
        assert_eq!(indirect(&a, "the campaign violated").speaker, None);
    }

    #[test]
    fn subject_after_an_opening_phrase_speaks() {
        let a = analyse(&[
            "In a White House statement, President Barack Obama condemned the test as “provocative and destabilizing” for the region.\nWith 50 days until the election, Minyon Moore, a senior adviser to the Clinton campaign, called the remarks “a true wake-up call” to his supporters.",
        ]);
        assert_eq!(speaker_of(&a, "provocative and destabilizing"), Some("Barack Obama"));
        assert_eq!(speaker_of(&a, "a true wake-up call"), Some("Minyon Moore"));
    }

    #[test]
    fn trailing_cue_with_a_qualified_name_or_initials() {
        let a = analyse(&[
            "“Subpoenas are not optional,” panel Chairman Rep. Jason Chaffetz (R-Utah) said on Thursday.\n“Absolutely hate this framing of the necessity of voting,” Vann R. Newkirk II, a writer for The Atlantic, said on Twitter.\n“It would be improper for me to speak on the video,” Gov. Pat McCrory (R) said.",
        ]);
        assert_eq!(speaker_of(&a, "Subpoenas are not"), Some("Jason Chaffetz"));
        assert_eq!(speaker_of(&a, "Absolutely hate"), Some("Vann R. Newkirk II"));
        assert_eq!(speaker_of(&a, "It would be improper"), Some("Pat McCrory"));
    }

    #[test]
    fn a_quotation_inside_reported_speech_is_its_speakers() {
        let a = analyse(&[
            "Donald Trump tweeted in the early morning hours that Alicia Machado was “disgusting” and “a con” last year.\nIn 2018, Tirana, citing US officials, accused Tehran of plotting “terrorist attacks” in the country.",
        ]);
        assert_eq!(speaker_of(&a, "disgusting"), Some("Donald Trump"));
        assert_eq!(speaker_of(&a, "a con"), Some("Donald Trump"));
        assert_eq!(indirect(&a, "Alicia Machado was").speaker.as_deref(), Some("Donald Trump"));
        // The cue follows the words it may stand for: whose they are is not
        // sure, so the quotation keeps no speaker.
        assert_eq!(speaker_of(&a, "terrorist attacks"), None);
    }

    // --- Never a speaker ----------------------------------------------------

    #[test]
    fn never_a_place() {
        let a = analyse(&["“The state will decide the election this year,” Iowa said."]);
        assert_eq!(speaker_of(&a, "The state will decide"), None);
    }

    #[test]
    fn never_a_month_or_weekday() {
        let a = analyse(&[
            "“The vote is set for the second week,” September said.\n“It will rain on the parade,” Tuesday said.",
        ]);
        assert_eq!(speaker_of(&a, "The vote is set"), None);
        assert_eq!(speaker_of(&a, "It will rain"), None);
    }

    #[test]
    fn never_a_holiday_or_an_award() {
        let a = analyse(&[
            "Labor Day drew crowds to the park.\n“We will be back next year,” he said.\nThe Living Legend Award went to the singer.\n“Thank you all,” she said.",
        ]);
        assert_eq!(speaker_of(&a, "We will be back"), None);
        assert_eq!(speaker_of(&a, "Thank you all"), None);
    }

    #[test]
    fn never_an_outlet() {
        let a =
            analyse(&["“The race is tightening in every state,” Politico said.\n“The race is a dead heat,” said CNN."]);
        assert_eq!(speaker_of(&a, "The race is tightening"), None);
        assert_eq!(speaker_of(&a, "The race is a dead"), None);
    }

    #[test]
    fn never_a_party_or_state_tag() {
        let a = analyse(&[
            "“This is a dog whistle to all Americans,” Rep. Gwen Moore (D-Wis.) said.\n“We will fight this in the courts,” said Rep. Debbie Dingell (D-Mich.).",
        ]);
        assert_eq!(speaker_of(&a, "This is a dog whistle"), Some("Gwen Moore"));
        assert_eq!(speaker_of(&a, "We will fight"), Some("Debbie Dingell"));
        assert!(a.quotes.iter().all(|q| q.speaker.as_deref().is_none_or(|s| !s.contains("D-"))));
    }

    #[test]
    fn never_a_common_noun_taken_for_a_name() {
        let a = analyse(&[
            "“The church will not endorse anyone this year,” Catholic said.\n“Downloads doubled in a week,” Apps said.",
        ]);
        assert_eq!(speaker_of(&a, "The church will not"), None);
        assert_eq!(speaker_of(&a, "Downloads doubled"), None);
    }

    // --- Clustering ------------------------------------------------------

    #[test]
    fn speaker_mismatch_blocks_merging() {
        let a = analyse(&[
            "“We will never accept this kind of aggression,” said Edi Rama.",
            "“We will never accept this kind of aggression,” said James Cleverly.",
            "“We will never accept this kind of aggression against Albania,” Rama said.",
        ]);
        let rama = find(&a, "We will never accept this kind of aggression against");
        let first = a.quotes.iter().find(|q| q.article == "a0").unwrap();
        let other = a.quotes.iter().find(|q| q.article == "a1").unwrap();
        assert_eq!(first.cluster, rama.cluster);
        assert_ne!(other.cluster, rama.cluster);
        assert_eq!(a.quote_clusters.len(), 2);
    }

    #[test]
    fn unrelated_quotes_do_not_chain() {
        // B shares half its words with A and half with C: A and C must not
        // end up together through it.
        let a = analyse(&[
            "“The embassy staff must leave the country within one day,” Rama said.",
            "“The embassy staff must leave and the talks are now over,” Rama said.",
            "“The talks are now over and no further meetings are planned,” Rama said.",
        ]);
        let c0 = &a.quotes[0].cluster;
        let c2 = &a.quotes[2].cluster;
        assert_ne!(c0, c2);
    }

    /// The clustering by its definition: each quotation, longest first,
    /// compared with the base of every cluster so far, in order (at least
    /// [`CLUSTER_MIN_CONTENT`] distinct content words in common and
    /// [`shared`] at least [`CLUSTER_SHARE`]); the reference for
    /// [`cluster_longest_first`].
    fn cluster_by_every_base(
        quotes: &[Quote],
        coded: &Coded,
        positions: &[(Option<usize>, usize)],
        titled: &[bool],
    ) -> Members {
        let overlap = |a: usize, b: usize| {
            positions[a].0 == positions[b].0 && quotes[a].start < quotes[b].end && quotes[b].start < quotes[a].end
        };
        let mut by_length: Vec<usize> = (0..quotes.len()).filter(|&i| quotes[i].kind != QuoteKind::Scare).collect();
        by_length.sort_by_key(|&i| (std::cmp::Reverse(coded.words[i].len()), positions[i]));
        let mut clusters: Members = Vec::new();
        let mut cluster_titled: Vec<bool> = Vec::new();
        for &i in &by_length {
            let mut best: Option<(f32, usize)> = None;
            for (c, (members, who)) in clusters.iter().enumerate() {
                let base = members[0];
                let common = coded.vocab[i].iter().filter(|w| coded.vocab[base].contains(w)).count();
                let Some(share) =
                    shared(coded, i, base).filter(|&s| s >= CLUSTER_SHARE && common >= CLUSTER_MIN_CONTENT)
                else {
                    continue;
                };
                if compatible((who, cluster_titled[c]), (&quotes[i].speaker, titled[i]))
                    && !members.iter().any(|&m| overlap(m, i))
                    && best.is_none_or(|(s, _)| share > s)
                {
                    best = Some((share, c));
                }
            }
            match best {
                Some((_, c)) => {
                    clusters[c].0.push(i);
                    let replace = match (clusters[c].1.as_deref(), quotes[i].speaker.as_deref()) {
                        (None, Some(_)) => true,
                        (Some(_), Some(_)) => cluster_titled[c] && !titled[i],
                        _ => false,
                    };
                    if replace {
                        clusters[c].1 = quotes[i].speaker.clone();
                        cluster_titled[c] = titled[i];
                    }
                }
                None => {
                    clusters.push((vec![i], quotes[i].speaker.clone()));
                    cluster_titled.push(titled[i]);
                }
            }
        }
        clusters
    }

    #[test]
    fn clustering_by_bands_equals_comparing_every_base() {
        const VOCAB: &[&str] = &[
            "harbour",
            "bridge",
            "contracts",
            "families",
            "workers",
            "port",
            "plan",
            "deal",
            "doors",
            "truth",
            "answers",
            "mistake",
            "the",
            "a",
            "of",
            "and",
            "to",
            "not",
        ];
        const SPEAKERS: &[Option<&str>] =
            &[None, Some("Ann Lee"), Some("Bo Day"), Some("the senator"), Some("the Bo Day campaign")];
        // More words than the bit masks hold (`COMMON_WORDS`): half the
        // words from these.
        let rarer: Vec<String> = (0..2 * COMMON_WORDS).map(|k| format!("rare{k}")).collect();
        let kinds = [QuoteKind::Direct, QuoteKind::Direct, QuoteKind::Indirect, QuoteKind::Scare];
        let (mut joined, mut skipped_forms) = (0, 0);
        for seed in 0..12u64 {
            let mut next = crate::align::seeded(0x51_7cc1_b727_220a ^ seed);
            let mut texts: Vec<Vec<&str>> = Vec::new();
            let word = |next: &mut dyn FnMut(u64) -> u64| match next(2) {
                0 => VOCAB[next(VOCAB.len() as u64) as usize],
                _ => rarer[next(rarer.len() as u64) as usize].as_str(),
            };
            let mut quotes: Vec<Quote> = Vec::new();
            for n in 0..240 {
                // A copy of an earlier quotation, one with a word changed or
                // dropped, or new words.
                let mut words: Vec<&str> = match (next(4), texts.len()) {
                    (0, k) if k > 0 => texts[next(k as u64) as usize].clone(),
                    (1, k) if k > 0 => {
                        let mut w = texts[next(k as u64) as usize].clone();
                        let at = next(w.len() as u64) as usize;
                        if next(2) == 0 && w.len() > 3 {
                            w.remove(at);
                        } else {
                            w[at] = word(&mut next);
                        }
                        w
                    }
                    _ => (0..3 + next(10)).map(|_| word(&mut next)).collect(),
                };
                words.truncate(13);
                let text = words.join(" ");
                let start = next(600) as usize;
                quotes.push(Quote {
                    id: format!("q{n}"),
                    article: format!("a{}", next(8)),
                    start,
                    end: start + text.len(),
                    text,
                    kind: kinds[next(kinds.len() as u64) as usize],
                    speaker: SPEAKERS[next(SPEAKERS.len() as u64) as usize].map(str::to_string),
                    ..Quote::default()
                });
                texts.push(words);
            }
            let coded = code_words(&quotes);
            let positions: Vec<(Option<usize>, usize)> =
                quotes.iter().map(|q| (q.article[1..].parse().ok(), q.start)).collect();
            let titled: Vec<bool> =
                quotes.iter().map(|q| q.speaker.as_deref().is_some_and(is_title_as_written)).collect();
            let fast = cluster_longest_first(&quotes, &coded, &positions, &titled);
            assert_eq!(fast, cluster_by_every_base(&quotes, &coded, &positions, &titled), "seed {seed}");
            joined += fast.iter().map(|(m, _)| m.len() - 1).sum::<usize>();
            let placed: std::collections::HashSet<&[u32]> = quotes
                .iter()
                .filter(|q| q.kind != QuoteKind::Scare)
                .map(|q| coded.words[q.id[1..].parse::<usize>().unwrap()].as_slice())
                .collect();
            let bases: std::collections::HashSet<&[u32]> =
                fast.iter().map(|(m, _)| coded.words[m[0]].as_slice()).collect();
            skipped_forms += placed.len() - bases.len();
        }

        // The inputs do test something: quotations join clusters, and
        // forms that are no base are left out of the comparisons.
        assert!(joined > 500 && skipped_forms > 100, "{joined} joined, {skipped_forms} forms no base");
    }

    #[test]
    fn two_word_scare_quotes_do_not_form_clusters() {
        let a = analyse(&[
            "Iran called it “fabricated intelligence” and left.",
            "Tehran rejected the “fabricated intelligence” claims.",
        ]);
        assert_eq!(a.quotes.len(), 2);
        assert!(a.quotes.iter().all(|q| q.kind == QuoteKind::Scare && q.cluster.is_none()));
        assert!(a.quote_clusters.is_empty());
    }
}
