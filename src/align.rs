//! Aligning facts across sources: which sentences of different outlets report
//! the same thing, how their wording differs, and where their numbers and
//! dates disagree.
//!
//! 1. Every sentence is cut into fact units: its clauses (split at commas,
//!    semicolons, colons, dashes and brackets), short ones merged with their
//!    neighbour until each has [`MIN_UNIT_TERMS`] content terms. A lead
//!    sentence such as "Albania has severed ties …, ordering all of Tehran’s
//!    diplomatic staff to leave within 24 hours, Rama said" carries two facts
//!    and may join two groups.
//! 2. A unit is a set of content terms (stop words dropped, Snowball-stemmed,
//!    numbers kept, split compounds and demonyms folded, British spellings
//!    read as American ones: [`spelling`]), weighted by inverse
//!    sentence frequency in the folder blended with a background frequency
//!    from English at large ([`background`]), so a story's own words
//!    ("earthquake") keep their weight in a folder about that story. The
//!    article's headline is one unit; bylines, timestamps and credits
//!    ([`is_non_prose`]) get none.
//! 3. Candidate pairs come from an inverted index over the rarer terms (each
//!    unit keeps its [`MAX_CANDIDATES`] partners that share the most rare
//!    weight), plus each sentence's nearest sentences of other articles by
//!    the bundled sentence embedding ([`semantic`]).
//! 4. A pair's lexical similarity is the geometric mean of the idf-weighted
//!    cosine and overlap coefficient (two shared terms at least; cosine
//!    alone for a short body unit, [`SHORT_UNIT_TERMS`]; scaled down when
//!    one side is negated and the other not, when the two name different
//!    people or places rare in the folder, [`OTHER_ACTORS_FACTOR`], or when
//!    one tells a year long past and the other its article's news,
//!    [`era`]). The semantic cosine can raise it, unless negation, numbers,
//!    names or times differ. Between articles that
//!    share little, the threshold rises ([`context_raise`]); in a folder of
//!    many stories, every threshold rises ([`mixed_folder_raise`]), and two
//!    sentences must share a word that is not part of a name or title.
//! 5. Groups are built by average-linkage agglomeration over pairs above the
//!    threshold, with at most one unit per article (headlines with
//!    headlines); then every aligned pair is made to share a group, so a
//!    sentence carrying several facts sits in several groups.
//!
//! Thresholds and their measurement: `docs/alignment-eval.md` (and, for the
//! earlier lexical design, `docs/segmentation-and-alignment.md`).

mod background;
mod cards;
mod discrepancy;
mod era;
mod grouping;
pub mod restate;
mod semantic;
mod spelling;

use crate::diff::word_diff_words;
use crate::model::{AlignmentInfo, Analysis, Group, MemberDiff, PairOverlap, Sentence, Span, Wording};
use background::Background;
use discrepancy::{GroupMember, Quantity, find_discrepancies, placed_quantities};
use era::Era;
use rayon::prelude::*;
use rust_stemmers::{Algorithm, Stemmer};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};

/// Pairs at or above this similarity may join a group.
pub const PAIR_THRESHOLD: f32 = 0.30;
/// Two headlines at or above this similarity may join a group: headlines
/// are terse, and a folder's headlines mostly name its story.
pub const HEADLINE_THRESHOLD: f32 = 0.25;
/// A pair that the clustering left apart becomes a group of its own when it
/// reaches this similarity.
pub const PAIR_GROUP_THRESHOLD: f32 = 0.30;

/// The article similarity (tf-idf cosine) at and above which two articles
/// count as reports of one story: their sentence pairs need only reach the
/// pair threshold.
const ONE_STORY_AFFINITY: f32 = 0.15;
/// How much the pair threshold rises between articles that share nothing.
const CONTEXT_RAISE: f32 = 0.45;
/// How much every pair and group threshold rises in a folder of many
/// stories. There, two outlets' sentences that share a story's words are
/// mostly different facts of it ("Cruz wins Wisconsin" and "Sanders wins
/// Wisconsin"): in the devdata PolNeAR weeks, 11 of about 100 grouped pairs
/// under 0.6 reported one fact. In a folder about one event they mostly
/// are one fact (the ECB+ gold). Chosen by leaving one PolNeAR week out
/// (`docs/alignment-eval.md`, session 10); at most [`CONTEXT_RAISE`].
const MIXED_FOLDER_RAISE: f32 = 0.35;
/// At or above this share of article pairs on one story
/// ([`one_story_share`]) a folder is about a few stories, and no threshold
/// rises: the devdata ECB+ folders, one or two events each, have 0.23–0.89.
const FEW_STORIES_SHARE: f32 = 0.15;
/// At or below this share a folder holds many stories, and the thresholds
/// rise by all of [`MIXED_FOLDER_RAISE`]: the devdata PolNeAR weeks have
/// 0–0.04.
const MANY_STORIES_SHARE: f32 = 0.05;
/// The cosine of two sentence embeddings at which they count as reporting
/// one fact (it maps onto [`PAIR_THRESHOLD`]).
pub const SEMANTIC_THRESHOLD: f32 = 0.75;
/// How many nearest sentences of other articles each sentence is paired
/// with as candidates.
const SEMANTIC_NEIGHBOURS: usize = 5;
/// Above this many sentences, semantic neighbours are not searched (the
/// lexical candidates are still scored semantically).
const MAX_SEMANTIC_SENTENCES: usize = 8_000;
/// A unit in this many groups starts no new group of its own with a
/// partner (it may still join the partner's groups): a lead sentence that
/// carries several facts sits in several groups, and a unit linked to many
/// sentences that do not cluster does not scatter into pair groups.
const MAX_GROUPS_PER_UNIT: usize = 5;
/// The same for a headline, which states the story's main fact: its body
/// partners in other articles mostly report that one fact, and more pair
/// groups of the headline cost precision (`docs/alignment-eval.md`).
const MAX_GROUPS_PER_HEADLINE: usize = 3;
/// A member whose word diff against the base reaches this similarity is a
/// near-copy ("copied"); below, the same fact "reworded".
pub const COPIED_SIMILARITY: f32 = 0.6;
/// Two groups merge only if their members' mean similarity reaches this.
pub const GROUP_THRESHOLD: f32 = 0.30;
/// A fact unit with fewer content terms than this is not aligned (too little
/// to tell one fact from another).
const MIN_TERMS: usize = 3;
/// Terms in more than this share of units are not used to find candidates
/// (they still count in the similarity).
const MAX_DF_SHARE: f32 = 0.25;
/// Nor are terms with more postings than this, whatever the corpus size.
const MAX_POSTINGS: usize = 400;
/// How many partners each unit keeps to be scored, ranked by the weight of
/// the rare terms they share: more than [`grouping::Links::PER_UNIT`], far
/// fewer than the units of a large folder that share a rare term with it.
/// 64 rather than 128 halves the scoring of a 1,000-article folder, and
/// changes two devdata folders a little (docs/performance.md, session 7).
const MAX_CANDIDATES: usize = 64;
/// How many of a unit's rarest terms it is indexed under.
const PREFIX_TERMS: usize = 10;

/// One fact unit of a sentence: what alignment compares.
#[derive(Clone, Debug)]
pub struct Unit {
    /// Index into the article list.
    pub article: usize,
    /// Index into the article's sentences.
    pub sentence: usize,
    /// Interned term ids, sorted.
    pub terms: Vec<u32>,
    /// Sum of the squared weights of `terms`.
    pub norm: f32,
    /// The unit is an article's headline.
    pub headline: bool,
    /// The unit says "not", "never", "no" … : two units that differ in this
    /// are kept apart however many words they share.
    pub negated: bool,
    /// Its numbers and names (term ids, sorted): the semantic signal may not
    /// pair two units that both state numbers, or both name someone, and
    /// share none of them.
    pub numbers: Vec<u32>,
    pub names: Vec<u32>,
    /// Its terms written only with a capital letter in it, other than a
    /// sentence's first word ("Senate", "Majority", "Leader" in "… Senate
    /// Majority Leader Mitch McConnell said"), sorted: the words of names
    /// and titles as this sentence writes them.
    pub capitalised: Vec<u32>,
    /// Index of its sentence's embedding, if embeddings are available.
    pub vector: Option<usize>,
    /// The unit belongs to its article's lead: its first body sentence that
    /// holds a fact unit, or one opening with a dateline a little further
    /// down ([`mark_leads`]).
    pub lead: bool,
    /// The unit stands in its article's top: its lead or one of the next
    /// body sentences that hold a unit ([`TOP_SENTENCES`]), unless that
    /// sentence names an earlier year than its article's ([`Era::earlier`]).
    pub top: bool,
    /// When its sentence's facts happened, as far as its dates tell.
    pub era: Era,
}

impl Unit {
    /// The unit tells its article's own news: a headline or a sentence of
    /// the top, in an article with a day.
    fn tells_the_news(&self) -> bool {
        (self.top || self.headline) && self.era.dated
    }

    /// One of the two tells the past ([`Era::past`]), the other its
    /// article's news, and the two name no year in common: "DeGeneres …
    /// first hosted the Oscars in 2007" and "Ellen DeGeneres will host the
    /// Oscars" report two occurrences ([`OTHER_TIME_FACTOR`]), unless the
    /// rest of their words agree ([`OTHER_TIME_CEILING`]); the lead and
    /// top rules never take such a pair up, whatever its words.
    fn apart_in_time(&self, other: &Unit) -> bool {
        ((self.era.past && other.tells_the_news()) || (other.era.past && self.tells_the_news()))
            && !self.era.share_a_year(other.era)
    }
}

#[cfg(test)]
impl Unit {
    /// A unit of no terms at (article, sentence): for the tests of the
    /// grouping steps, which read only where a unit stands and its links.
    pub(crate) fn bare(article: usize, sentence: usize) -> Self {
        Self {
            article,
            sentence,
            terms: Vec::new(),
            norm: 0.0,
            headline: false,
            negated: false,
            numbers: Vec::new(),
            names: Vec::new(),
            capitalised: Vec::new(),
            vector: None,
            lead: false,
            top: false,
            era: Era::default(),
        }
    }
}

/// The weights of the vocabulary's term ids, which ids are numbers, and
/// which are rare names ([`RARE_NAME_WEIGHT`]).
struct TermSpace {
    weights: Vec<f32>,
    numbers: Vec<bool>,
    rare_names: Vec<bool>,
}

impl TermSpace {
    fn new(vocabulary: &Vocabulary, sentences: &[Vec<u32>]) -> Self {
        let weights = vocabulary.weights(sentences);
        let calendar = vocabulary.calendar_words();
        let ids = 0..vocabulary.terms.len() as u32;
        let rare_names = ids
            .clone()
            .map(|t| {
                vocabulary.names[t as usize]
                    && weights[t as usize] >= RARE_NAME_WEIGHT
                    && calendar.binary_search(&t).is_err()
            })
            .collect();
        Self { numbers: ids.map(|t| vocabulary.is_number(t)).collect(), weights, rare_names }
    }

    fn unit(&self, article: usize, sentence: usize, raw: RawUnit) -> Unit {
        let norm = raw.terms.iter().map(|&t| self.weights[t as usize].powi(2)).sum();
        let numbers = raw.terms.iter().copied().filter(|&t| self.numbers[t as usize]).collect();
        let capitalised = raw.terms.iter().copied().filter(|t| raw.plain.binary_search(t).is_err()).collect();
        Unit {
            article,
            sentence,
            terms: raw.terms,
            norm,
            headline: raw.headline,
            negated: raw.negated,
            numbers,
            names: raw.names,
            capitalised,
            vector: None,
            lead: false,
            top: false,
            era: Era::default(),
        }
    }

    /// The lexical similarity of two units from what they share
    /// ([`Self::shared`]): [`combine`], scaled down when one is negated and
    /// the other not, or when they tell other times and the rest of their
    /// words does not agree ([`OTHER_TIME_CEILING`]); and whether that last
    /// holds.
    #[cfg(test)]
    fn lexical(&self, a: &Unit, b: &Unit, (shared, count): (f32, usize)) -> (f32, bool) {
        if count < MIN_SHARED_TERMS {
            return (0.0, a.apart_in_time(b));
        }
        let short = a.terms.len().min(b.terms.len()) < SHORT_UNIT_TERMS && !a.headline && !b.headline;
        let similarity = if short { shared / (a.norm.sqrt() * b.norm.sqrt()) } else { combine(shared, a.norm, b.norm) };
        let bits = |u: &Unit| u.terms.iter().map(|&t| self.weights[t as usize].powi(2).to_bits()).collect::<Vec<_>>();
        let other_times = a.apart_in_time(b)
            && similarity_without_numbers((&a.terms, &bits(a), &a.numbers), (&b.terms, &bits(b), &b.numbers))
                < OTHER_TIME_CEILING;
        let similarity = if a.negated != b.negated { similarity * NEGATION_FACTOR } else { similarity };
        let similarity = if other_times { similarity * OTHER_TIME_FACTOR } else { similarity };
        (if self.other_actors(a, b) { similarity * OTHER_ACTORS_FACTOR } else { similarity }, other_times)
    }

    /// Both units name someone or something rare in the folder, and they
    /// share none of those names: "Trump accused Alicia Machado of …" and
    /// "Trump accused Rafael Cruz of …" report two facts of one week, however
    /// many words they share. Names common in the folder (the story's own
    /// actors) and month or weekday names do not count.
    fn other_actors(&self, a: &Unit, b: &Unit) -> bool {
        // Called for every scored pair: no list is built. A rare name both
        // hold is rare in both, so "share none of them" is "no rare name of
        // `a` is among `b`'s names".
        let rare = |t: &&u32| self.rare_names[**t as usize];
        a.names.iter().any(|t| rare(&t))
            && b.names.iter().any(|t| rare(&t))
            && !a.names.iter().filter(rare).any(|t| b.names.binary_search(t).is_ok())
    }

    /// Both units stand in their articles' leads and share more than
    /// [`THIN_SUPPORT_TERMS`] content terms, and no guard parts them
    /// (negation, other actors, other times): news states its main event first, so two
    /// such leads report one event even where their wording differs more
    /// than the words alone can tell ([`LEAD_BONUS`]).
    fn leads_of_one_event(&self, a: &Unit, b: &Unit, shared_terms: usize) -> bool {
        a.lead
            && b.lead
            && !a.headline
            && !b.headline
            && shared_terms > THIN_SUPPORT_TERMS
            && a.negated == b.negated
            && !a.apart_in_time(b)
            && !self.other_actors(a, b)
    }

    /// Both units stand in their articles' tops ([`TOP_SENTENCES`]), the
    /// lead rule does not already take them up, they share at least
    /// [`TOP_SHARED_TERMS`] content terms, and no guard parts them
    /// (negation, other actors, other times). Whether their articles report one event is
    /// the caller's to check ([`lift_tops`]).
    fn tops_of_one_event(&self, a: &Unit, b: &Unit, shared_terms: usize) -> bool {
        a.top
            && b.top
            && !a.headline
            && !b.headline
            && !self.leads_of_one_event(a, b, shared_terms)
            && shared_terms >= TOP_SHARED_TERMS
            && a.negated == b.negated
            && !a.apart_in_time(b)
            && !self.other_actors(a, b)
    }

    /// Whether two units share a term that neither writes only with a
    /// capital letter: a word, not only the words of a name or title. Two
    /// outlets' sentences on one person or occasion ("Senate Majority Leader
    /// Mitch McConnell (R-Ky.), who is married to …" / "“Our assumption is
    /// that the veto will be overridden,” Senate Majority Leader Mitch
    /// McConnell, R-Ky., said") share many weighty terms and no fact.
    fn share_a_plain_word(&self, a: &Unit, b: &Unit) -> bool {
        let plain = |u: &Unit, t: &u32| u.capitalised.binary_search(t).is_err();
        a.terms.iter().any(|t| plain(a, t) && plain(b, t) && b.terms.binary_search(t).is_ok())
    }

    /// The summed squared weight of the terms two units share, and how many
    /// they share.
    fn shared(&self, a: &Unit, b: &Unit) -> (f32, usize) {
        let (mut i, mut j, mut shared, mut count) = (0, 0, 0.0f32, 0);
        while i < a.terms.len() && j < b.terms.len() {
            match a.terms[i].cmp(&b.terms[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += self.weights[a.terms[i] as usize].powi(2);
                    count += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        (shared, count)
    }
}

/// A body unit with fewer content terms than this is scored by cosine alone:
/// the overlap coefficient would let a short line that shares two words with
/// a long sentence ("In August, that lead was 7 points.") count as contained
/// in it. Headlines keep the overlap, as a headline often is a shorter
/// statement of a body sentence. Measured in docs/alignment-eval.md.
const SHORT_UNIT_TERMS: usize = 5;
/// Two units must share this many content terms to align on words: one
/// shared word ("done", "support") pairs unrelated short sentences in a
/// folder that holds many stories.
const MIN_SHARED_TERMS: usize = 2;
/// A name whose weight is at least this is rare in the folder: with the
/// blend of [`Vocabulary::weights`] and [`NAME_WEIGHT`], a name found in
/// about one sentence in twenty or fewer. Chosen on the devdata folders
/// (docs/alignment-eval.md, session 8).
const RARE_NAME_WEIGHT: f32 = 1.5;
/// Two units naming different rare actors ([`TermSpace::other_actors`]):
/// their word similarity is scaled by this.
const OTHER_ACTORS_FACTOR: f32 = 0.5;
/// A unit that tells the past against another article's news that names
/// none of its years ([`Unit::apart_in_time`]): their similarity is scaled
/// by this, and the semantic signal and the lead bonus do not apply. 0.5
/// and 0.25 part the same pairs of the devdata folders
/// (docs/alignment-eval.md, session 15).
const OTHER_TIME_FACTOR: f32 = 0.5;
/// …unless the similarity of their words other than numbers
/// ([`similarity_without_numbers`]) reaches this: then the rest agrees, and
/// the two are one fact whose dates differ, a discrepancy ("moved to
/// Albania in 2014" / "… in 2016").
const OTHER_TIME_CEILING: f32 = 0.6;
/// Two leads of one event ([`TermSpace::leads_of_one_event`]): this is added
/// to their similarity, and their articles' context does not raise their
/// threshold. On the devdata ECB+ folders, lead pairs scoring 0.20–0.30 that
/// share four or more terms are gold pairs (docs/alignment-eval.md, session
/// 9); in the PolNeAR weeks few leads share four terms.
const LEAD_BONUS: f32 = 0.10;
/// An article's top: its lead and the sentences after it, this many in all
/// ([`mark_leads`]). News states its main event in its first sentences.
const TOP_SENTENCES: usize = 3;
/// Two tops of one event ([`TermSpace::tops_of_one_event`]) share at least
/// this many content terms.
const TOP_SHARED_TERMS: usize = 3;
/// Two tops of one event, in two articles whose leads report one event or
/// whose words are alike ([`ONE_STORY_AFFINITY`]): this is added to their
/// similarity, and neither the thin-support raise nor their articles'
/// context raises their threshold ([`candidate_pairs`]). Measured on the
/// devdata ECB+ folders (docs/alignment-eval.md, session 12).
const TOP_BONUS: f32 = LEAD_BONUS;
/// The semantic signal only counts for units with this many content terms
/// (short sentences embed close to many others) that share at least one.
const MIN_SEMANTIC_TERMS: usize = 5;

/// A negated unit against one that is not: their similarity is scaled by
/// this, so "did not achieve its goal" never aligns with "achieved its goal"
/// (identical wording otherwise scores about 0.25, under the pair threshold).
const NEGATION_FACTOR: f32 = 0.25;

/// Words that negate a clause.
const NEGATIONS: &[&str] =
    &["not", "no", "never", "nor", "none", "nobody", "nothing", "neither", "cannot", "without", "denied", "denies"];

/// Words that open a relative clause: a negation in it is the clause's,
/// not the sentence's statement's. Set off by a comma (", who has not
/// signed, …") the clause runs to the next clause break; without one, only
/// its first [`RELATIVE_WINDOW`] words count ("who doesn't have a deal",
/// "which was never signed").
const RELATIVES: &[&str] = &["who", "whom", "whose", "which"];

/// How many words after a relative pronoun its clause's negation is looked
/// for. Further on, with no comma to close the clause, a negation is most
/// often the main verb's again ("Officials who spoke on condition of
/// anonymity said the plant would not reopen").
const RELATIVE_WINDOW: usize = 3;

/// Words that open a concessive clause or phrase ("Despite reports that he
/// would not return, …"), which runs to the next clause break: a negation
/// there is not the statement's.
///
/// Not the clauses of cause or condition ("because", "if"): a paraphrase
/// may state their content as its own ("IE does not implement a block" /
/// "because IE does not implement a block"), and their negation parts the
/// facts. Headlines are one unit, negated by any negation word.
const CONCESSIVES: &[&str] = &["although", "though", "despite", "whereas"];

/// What a word opens: a relative clause ([`RELATIVES`]) or a concessive one
/// ([`CONCESSIVES`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Aside {
    None,
    Relative,
    Concessive,
}

impl Aside {
    fn of(key: &str) -> Self {
        if RELATIVES.contains(&key) {
            Aside::Relative
        } else if CONCESSIVES.contains(&key) {
            Aside::Concessive
        } else {
            Aside::None
        }
    }
}

/// A word of a text as the units are cut from it: the byte where its key
/// starts in the text, its content term (None for stop words) and whether
/// it negates its clause. Read once per word by [`Vocabulary::with_keys`].
#[derive(Clone, Copy, Debug)]
struct Keyed {
    start: u32,
    term: Option<u32>,
    negation: bool,
    /// The clause the word opens, if it opens one aside from the statement.
    opens: Aside,
}

/// A fact unit as the vocabulary reads it, before it is weighed.
#[derive(Clone, Debug, Default)]
pub struct RawUnit {
    /// Term ids ([`Vocabulary`]), sorted, each once.
    pub terms: Vec<u32>,
    /// The terms of `terms` that are names (sorted).
    pub names: Vec<u32>,
    /// The terms of `terms` written in lower case in it, or as a sentence's
    /// first word and not a name (sorted); a headline's terms that are not
    /// names.
    pub plain: Vec<u32>,
    pub headline: bool,
    /// A negation stands in the unit's statement, or in a clause aside
    /// from it that holds most of the unit ([`Vocabulary::units`]).
    pub negated: bool,
    /// A negation stands in a relative or concessive clause ([`Aside`]).
    aside_negated: bool,
    /// How many words of the unit, outside such clauses, are common terms
    /// (not names).
    stated: usize,
}

/// Adds `term` to the sorted set `terms` (a clause holds a few dozen terms
/// at most: a sorted vector beats a tree).
fn insert_sorted(terms: &mut Vec<u32>, term: u32) {
    if let Err(at) = terms.binary_search(&term) {
        terms.insert(at, term);
    }
}

/// Scores pairs of units: the lexical similarity, raised by the semantic
/// one where the guards allow.
struct Scorer<'a> {
    space: &'a TermSpace,
    vectors: &'a [Vec<f32>],
    /// The cosine at which two sentences count as reporting one fact; it
    /// maps onto [`PAIR_THRESHOLD`].
    semantic_threshold: f32,
}

impl Scorer<'_> {
    /// The reference [`Packed::similarity`] is tested against.
    #[cfg(test)]
    fn similarity(&self, a: &Unit, b: &Unit) -> f32 {
        // One merge of the two term lists serves both signals.
        let shared = self.space.shared(a, b);
        let (lexical, other_times) = self.space.lexical(a, b, shared);
        let similarity = match self.semantic(a, b, shared.1, other_times) {
            Some(semantic) => lexical.max(semantic),
            None => lexical,
        };
        if self.space.leads_of_one_event(a, b, shared.1) { (similarity + LEAD_BONUS).min(1.0) } else { similarity }
    }

    /// The semantic similarity on the lexical scale (the semantic threshold
    /// maps onto the pair threshold), or None where a guard forbids it:
    /// negation that differs, numbers that differ, names that differ, other
    /// times ([`TermSpace::lexical`]).
    #[cfg(test)]
    fn semantic(&self, a: &Unit, b: &Unit, shared_terms: usize, other_times: bool) -> Option<f32> {
        if a.terms.len().min(b.terms.len()) < MIN_SEMANTIC_TERMS
            || shared_terms == 0
            || a.negated != b.negated
            || other_times
        {
            return None;
        }
        let (va, vb) = (self.vectors.get(a.vector?)?, self.vectors.get(b.vector?)?);
        if disjoint(&a.numbers, &b.numbers) || disjoint(&a.names, &b.names) {
            return None;
        }
        let cosine = semantic::cosine(va, vb);
        Some(cosine / self.semantic_threshold * PAIR_THRESHOLD)
    }
}

/// The lexical similarity at or above which the semantic signal cannot
/// raise a pair's score: the semantic score of two unit vectors is at most
/// `1 / semantic_threshold × PAIR_THRESHOLD` (0.40), and a little more for
/// the rounding of a dot product, far under this.
const SEMANTIC_CEILING: f32 = 0.41;

/// What [`Scorer::similarity`] reads of one unit, in one small record.
#[derive(Clone, Copy, Debug, Default)]
struct Head {
    /// Where its run starts in [`Packed::data`]: its terms (sorted), their
    /// squared weights (as bits), its numbers, names and rare names
    /// ([`TermSpace::other_actors`]), each sorted.
    start: u32,
    /// How many terms it has.
    len: u32,
    numbers: u16,
    names: u16,
    rare: u16,
    /// `HEADLINE`, `NEGATED`, `LEAD`, `PAST`, `NEWS`.
    flags: u8,
    /// Its sentence's embedding, or `u32::MAX`.
    vector: u32,
    norm: f32,
    root: f32,
}

/// Every unit's scoring data packed contiguously: a pair's score reads two
/// [`Head`]s and two short runs of [`Packed::data`], instead of two `Unit`s,
/// the separate allocations of their lists and the weight of every shared
/// term (a cache miss each, for millions of pairs). Scores exactly as
/// [`Scorer::similarity`] does, to the bit.
struct Packed {
    heads: Vec<Head>,
    /// One run per unit (see [`Head::start`]).
    data: Vec<u32>,
    /// The sentence embeddings, one after another, `dim` wide.
    vectors: Vec<f32>,
    dim: usize,
    semantic_threshold: f32,
    /// Every unit's [`Era::years`], read only for a pair of a unit that
    /// tells the past and one that tells the news.
    years: Vec<u128>,
}

impl Head {
    const HEADLINE: u8 = 1;
    const NEGATED: u8 = 2;
    const LEAD: u8 = 4;
    /// [`Era::past`].
    const PAST: u8 = 8;
    /// [`Unit::tells_the_news`].
    const NEWS: u8 = 16;

    fn has(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }
}

/// How many pairs [`Packed::score`] loads ahead at once.
const SCORE_BATCH: usize = 32;

impl Packed {
    /// The packed data of `units`. The model gives every sentence a vector
    /// of one width; were it not so, no unit would have one.
    fn new(units: &[Unit], scorer: &Scorer) -> Self {
        let space = scorer.space;
        let dim = scorer.vectors.first().map_or(0, Vec::len);
        let uniform = scorer.vectors.iter().all(|v| v.len() == dim);
        let mut vectors: Vec<f32> = if uniform { vec![0.0; dim * scorer.vectors.len()] } else { Vec::new() };
        if dim > 0 {
            vectors.par_chunks_mut(dim).zip(scorer.vectors).for_each(|(to, from)| to.copy_from_slice(from));
        }
        let mut heads = Vec::with_capacity(units.len());
        let mut data = Vec::new();
        let short = |n: usize| u16::try_from(n).expect("a unit's names and numbers are few");
        for u in units {
            let start = data.len() as u32;
            data.extend_from_slice(&u.terms);
            data.extend(u.terms.iter().map(|&t| space.weights[t as usize].powi(2).to_bits()));
            data.extend_from_slice(&u.numbers);
            data.extend_from_slice(&u.names);
            let before = data.len();
            data.extend(u.names.iter().copied().filter(|&t| space.rare_names[t as usize]));
            let rare = data.len() - before;
            let flags = if u.headline { Head::HEADLINE } else { 0 }
                | if u.negated { Head::NEGATED } else { 0 }
                | if u.lead { Head::LEAD } else { 0 }
                | if u.era.past { Head::PAST } else { 0 }
                | if u.tells_the_news() { Head::NEWS } else { 0 };
            heads.push(Head {
                start,
                len: u.terms.len() as u32,
                numbers: short(u.numbers.len()),
                names: short(u.names.len()),
                rare: short(rare),
                flags,
                vector: u.vector.filter(|_| uniform).map_or(u32::MAX, |v| v as u32),
                norm: u.norm,
                root: u.norm.sqrt(),
            });
        }
        let years = units.iter().map(|u| u.era.years).collect();
        Self { heads, data, vectors, dim, semantic_threshold: scorer.semantic_threshold, years }
    }

    /// A unit's terms and the bits of their squared weights.
    fn terms(&self, h: &Head) -> (&[u32], &[u32]) {
        let (at, len) = (h.start as usize, h.len as usize);
        (&self.data[at..at + len], &self.data[at + len..at + 2 * len])
    }

    /// A unit's numbers, names and rare names.
    fn lists(&self, h: &Head) -> (&[u32], &[u32], &[u32]) {
        let at = (h.start + 2 * h.len) as usize;
        let (numbers, names, rare) = (h.numbers as usize, h.names as usize, h.rare as usize);
        let (n, rest) = self.data[at..at + numbers + names + rare].split_at(numbers);
        let (m, r) = rest.split_at(names);
        (n, m, r)
    }

    /// Embedding number `v`, if there is one.
    fn vector(&self, v: u32) -> Option<&[f32]> {
        if self.dim == 0 {
            return None;
        }
        let at = (v as usize).checked_mul(self.dim)?;
        self.vectors.get(at..at + self.dim)
    }

    /// `(x, y, score)` of every pair, in order, that scores at least
    /// `floor`, on all cores. Pairs are taken [`SCORE_BATCH`] at a time,
    /// and the first bytes of what each will read are loaded before any is
    /// scored: a partner's data is mostly far from the cache, and the loads
    /// of a batch, independent of each other, wait for memory together
    /// rather than one after another.
    fn score(&self, pairs: &[(u32, u32)], floor: f32) -> Vec<(u32, u32, f32)> {
        pairs
            .par_chunks(SCORE_BATCH)
            .flat_map_iter(|batch| {
                let mut heads = [Head::default(); SCORE_BATCH];
                for (head, &(_, y)) in heads.iter_mut().zip(batch) {
                    *head = self.heads[y as usize];
                }
                let mut touched = 0u32;
                for head in &heads[..batch.len()] {
                    touched ^= self.data.get(head.start as usize).copied().unwrap_or(0);
                    if let Some(v) = self.vector(head.vector) {
                        touched ^= v[0].to_bits() ^ v[v.len() / 2].to_bits();
                    }
                }
                std::hint::black_box(touched);
                batch
                    .iter()
                    .map(|&(x, y)| (x, y, self.similarity(x as usize, y as usize)))
                    .filter(move |&(_, _, s)| s >= floor)
            })
            .collect()
    }

    /// [`Scorer::similarity`] of units `x` and `y`.
    fn similarity(&self, x: usize, y: usize) -> f32 {
        let (a, b) = (&self.heads[x], &self.heads[y]);
        // The summed squared weight of the shared terms, and their number.
        let ((ta, wa), (tb, wb)) = (self.terms(a), self.terms(b));
        let (mut i, mut j, mut shared, mut count) = (0, 0, 0.0f32, 0usize);
        while i < ta.len() && j < tb.len() {
            match ta[i].cmp(&tb[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += f32::from_bits(wa[i]);
                    count += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        let (numbers_a, names_a, rare_a) = self.lists(a);
        let (numbers_b, names_b, rare_b) = self.lists(b);
        // A rare name is rare in both units: "no rare name of `a` among
        // `b`'s names" is "no rare name of `a` among `b`'s rare names".
        let other_actors =
            !rare_a.is_empty() && !rare_b.is_empty() && !rare_a.iter().any(|t| rare_b.binary_search(t).is_ok());
        let negation_differs = a.has(Head::NEGATED) != b.has(Head::NEGATED);
        // [`Unit::apart_in_time`].
        let apart_in_time = ((a.has(Head::PAST) && b.has(Head::NEWS)) || (b.has(Head::PAST) && a.has(Head::NEWS)))
            && self.years[x] & self.years[y] == 0;
        let (lexical, other_times) = if count < MIN_SHARED_TERMS {
            (0.0, apart_in_time)
        } else {
            let short = a.len.min(b.len) < SHORT_UNIT_TERMS as u32 && !a.has(Head::HEADLINE) && !b.has(Head::HEADLINE);
            let similarity = if short {
                shared / (a.root * b.root)
            } else {
                combine_with_roots(shared, (a.norm, a.root), (b.norm, b.root))
            };
            let other_times = apart_in_time
                && similarity_without_numbers((ta, wa, numbers_a), (tb, wb, numbers_b)) < OTHER_TIME_CEILING;
            let similarity = if negation_differs { similarity * NEGATION_FACTOR } else { similarity };
            let similarity = if other_times { similarity * OTHER_TIME_FACTOR } else { similarity };
            (if other_actors { similarity * OTHER_ACTORS_FACTOR } else { similarity }, other_times)
        };
        // The semantic score, where its guards allow it and it could raise
        // the lexical one.
        let semantic = || {
            if lexical >= SEMANTIC_CEILING
                || a.len.min(b.len) < MIN_SEMANTIC_TERMS as u32
                || count == 0
                || negation_differs
                || other_times
            {
                return None;
            }
            let (va, vb) = (self.vector(a.vector)?, self.vector(b.vector)?);
            if disjoint(numbers_a, numbers_b) || disjoint(names_a, names_b) {
                return None;
            }
            Some(semantic::cosine(va, vb) / self.semantic_threshold * PAIR_THRESHOLD)
        };
        let similarity = match semantic() {
            Some(semantic) => lexical.max(semantic),
            None => lexical,
        };
        let leads = a.has(Head::LEAD)
            && b.has(Head::LEAD)
            && !a.has(Head::HEADLINE)
            && !b.has(Head::HEADLINE)
            && count > THIN_SUPPORT_TERMS
            && !negation_differs
            && !apart_in_time
            && !other_actors;
        if leads { (similarity + LEAD_BONUS).min(1.0) } else { similarity }
    }
}

/// [`combine`] of two units' words other than numbers, each side given as
/// its terms (sorted), the bits of their squared weights and its numbers
/// (sorted): whether the rest of two sentences agrees where their dates
/// differ ([`OTHER_TIME_CEILING`]).
fn similarity_without_numbers(a: (&[u32], &[u32], &[u32]), b: (&[u32], &[u32], &[u32])) -> f32 {
    fn words<'s>((terms, bits, numbers): (&'s [u32], &'s [u32], &'s [u32])) -> impl Iterator<Item = (u32, f32)> + 's {
        terms
            .iter()
            .zip(bits)
            .filter(move |(t, _)| numbers.binary_search(t).is_err())
            .map(|(&t, &w)| (t, f32::from_bits(w)))
    }
    let norm = |side| words(side).map(|(_, w)| w).sum::<f32>();
    let (norm_a, norm_b) = (norm(a), norm(b));
    // A number is one on both sides: `b`'s words are found among its terms.
    let shared: f32 = words(a).filter(|(t, _)| b.0.binary_search(t).is_ok()).map(|(_, w)| w).sum();
    combine_with_roots(shared, (norm_a, norm_a.sqrt()), (norm_b, norm_b.sqrt()))
}

/// Both lists hold something and they share nothing (sorted lists).
fn disjoint(a: &[u32], b: &[u32]) -> bool {
    !a.is_empty() && !b.is_empty() && !a.iter().any(|x| b.binary_search(x).is_ok())
}

/// The geometric mean of cosine and overlap coefficient, from the shared
/// weight and the two norms (sums of squared weights).
#[cfg(test)]
fn combine(shared: f32, norm_a: f32, norm_b: f32) -> f32 {
    combine_with_roots(shared, (norm_a, norm_a.sqrt()), (norm_b, norm_b.sqrt()))
}

/// [`combine`] given each norm with its square root, computed once per unit
/// where a unit is met in many pairs: the same operations, so the same
/// result to the bit.
fn combine_with_roots(shared: f32, (norm_a, root_a): (f32, f32), (norm_b, root_b): (f32, f32)) -> f32 {
    if shared == 0.0 {
        return 0.0;
    }
    let cosine = shared / (root_a * root_b);
    let overlap = shared / norm_a.min(norm_b);
    (cosine * overlap).sqrt()
}

/// A group under construction: its sentences as (article, sentence) index
/// pairs, and the units that brought them together.
type FactGroup = (Vec<(usize, usize)>, Vec<usize>);

/// A clause needs this many content terms to stand as a fact unit on its own;
/// shorter ones merge with their neighbour.
pub const MIN_UNIT_TERMS: usize = 6;
/// Of which this many must be common words, not names: "Albanian Prime
/// Minister Edi Rama said on Wednesday" names a speaker, not a fact, and
/// stays with the clause before it.
pub const MIN_UNIT_COMMON_TERMS: usize = 3;

/// Builds term profiles for passages, normalising across the whole set:
/// split compounds ("cyber attack", "cyber-attack") join when the joined
/// form ("cyberattack") occurs elsewhere, and demonyms fold onto the place
/// ("Iranian" → "Iran") when the place occurs.
///
/// Terms are interned once, when the vocabulary is built: a term id is the
/// term's rank in string order, so every later step compares and counts
/// integers, not strings, and ids order as their strings do.
pub struct Vocabulary {
    stemmer: Stemmer,
    words: grouping::FastSet<String>,
    /// The content term id of every word key of the texts (see
    /// [`Self::term`]), computed once per distinct key rather than per
    /// occurrence. None for stop words.
    stems: grouping::FastMap<String, Option<u32>>,
    /// The terms, by id (sorted).
    terms: Vec<String>,
    /// Per term id: written capitalised inside sentences (names: "Rama",
    /// "Islamic Republic"). In a corpus about one story they name its
    /// actors more than its facts, so they weigh less.
    names: Vec<bool>,
}

/// How much a name term weighs against a common word of the same rarity.
pub const NAME_WEIGHT: f32 = 0.5;
/// The share of the background weight in a term's weight (a geometric
/// blend: 0 is the folder's own counts only, 1 the background only).
pub const BACKGROUND_SHARE: f32 = 0.3;

impl Vocabulary {
    /// The vocabulary of `texts`, read on all cores (the result does not
    /// depend on their number).
    pub fn new<'a>(texts: impl IntoIterator<Item = &'a str>) -> Self {
        Self::with_keys(texts).0
    }

    /// [`Self::new`], returning also the keys of every text, in order, read
    /// once: the aligner cuts its units from them instead of splitting every
    /// sentence into words and looking its words up a second time.
    fn with_keys<'a>(texts: impl IntoIterator<Item = &'a str>) -> (Self, Vec<Vec<Keyed>>) {
        let texts: Vec<&str> = texts.into_iter().collect();
        let split: Vec<Vec<crate::diff::Word>> = texts.par_iter().map(|t| crate::diff::words(t, 0)).collect();
        let words: grouping::FastSet<String> = split
            .par_iter()
            .fold(grouping::FastSet::default, |mut set: grouping::FastSet<String>, words| {
                // A key is copied only the first time it is met (most words
                // of a folder are repeats).
                for w in words {
                    if !set.contains(&w.key) {
                        set.insert(w.key.clone());
                    }
                }
                set
            })
            .reduce(grouping::FastSet::default, |mut a, b| {
                a.extend(b);
                a
            });
        let stemmer = Stemmer::create(Algorithm::English);
        let stemmed: Vec<(&String, Option<String>)> = words.par_iter().map(|w| (w, term_of(&stemmer, w))).collect();
        let mut terms: Vec<String> = stemmed.iter().filter_map(|(_, t)| t.clone()).collect();
        terms.par_sort_unstable();
        terms.dedup();
        let id = |term: &str| terms.binary_search_by(|t| t.as_str().cmp(term)).ok().map(|i| i as u32);
        let stems: grouping::FastMap<String, Option<u32>> =
            stemmed.into_iter().map(|(w, t)| (w.clone(), t.and_then(|t| id(&t)))).collect();
        let names = vec![false; terms.len()];
        let mut vocabulary = Self { stemmer, words, stems, terms, names };
        let keyed: Vec<Vec<Keyed>> =
            texts.par_iter().zip(&split).map(|(text, words)| vocabulary.keyed(text, words)).collect();
        drop(split);
        // Count, for each term, its capitalised and lower-case uses after the
        // first word of a sentence.
        let uses: Vec<(u32, u32)> = texts
            .par_iter()
            .zip(&keyed)
            .fold(
                || vec![(0u32, 0u32); vocabulary.terms.len()],
                |mut uses, (text, keys)| {
                    for key in keys.iter().skip(1) {
                        let Some(term) = key.term else { continue };
                        let entry = &mut uses[term as usize];
                        if text[key.start as usize..].starts_with(char::is_uppercase) {
                            entry.0 += 1;
                        } else {
                            entry.1 += 1;
                        }
                    }
                    uses
                },
            )
            .reduce(
                || vec![(0, 0); vocabulary.terms.len()],
                |mut a, b| {
                    for (x, y) in a.iter_mut().zip(b) {
                        x.0 += y.0;
                        x.1 += y.1;
                    }
                    a
                },
            );
        vocabulary.names = uses.into_iter().map(|(upper, lower)| upper > 4 * lower).collect();
        (vocabulary, keyed)
    }

    /// The weight of every term id (0 for a term of none of `sentences`,
    /// each a sorted list of term ids): its inverse sentence frequency in
    /// the folder blended with its background weight ([`BACKGROUND_SHARE`]),
    /// names weighted down by [`NAME_WEIGHT`].
    pub fn weights(&self, sentences: &[Vec<u32>]) -> Vec<f32> {
        let mut df = vec![0usize; self.terms.len()];
        for terms in sentences {
            for &t in terms {
                df[t as usize] += 1;
            }
        }
        let n = sentences.len().max(1) as f32;
        let background = Background::get(|w| term_of(&self.stemmer, w));
        // The background weight on the folder's scale: a word rarer than
        // the table's floor weighs as much as a word found once in the folder.
        let scale = (1.0 + n).ln() / background.max_idf();
        let share = BACKGROUND_SHARE;
        let name_weight = NAME_WEIGHT;
        df.into_iter()
            .enumerate()
            .map(|(t, d)| {
                if d == 0 {
                    return 0.0;
                }
                let folder = (1.0 + n / d as f32).ln();
                let general = background.idf(&self.terms[t]) * scale;
                let idf = folder.powf(1.0 - share) * general.powf(share);
                if self.names[t] { idf * name_weight } else { idf }
            })
            .collect()
    }

    /// Whether term id `term` is a number.
    fn is_number(&self, term: u32) -> bool {
        self.terms[term as usize].chars().all(|c| c.is_ascii_digit())
    }

    /// The term ids of month and weekday names ("July", "Monday"), sorted:
    /// written capitalised like names, but dates, not actors.
    fn calendar_words(&self) -> Vec<u32> {
        let words = crate::dates::extract::MONTHS.iter().chain(crate::dates::extract::WEEKDAYS.iter().map(|(d, _)| d));
        let mut ids: Vec<u32> = words.filter_map(|w| self.term(w)).collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// Normalised word keys of a text's words, before stop-word removal,
    /// with the byte offset each starts at.
    fn keys_of<'w>(&self, text: &str, words: &'w [crate::diff::Word]) -> Vec<(usize, Cow<'w, str>)> {
        let mut out = Vec::with_capacity(words.len());
        // The compound key of two adjacent words, built in one buffer and
        // copied only when the folder has it.
        let mut joined = String::new();
        let mut i = 0;
        while i < words.len() {
            let key = words[i].key.as_str();
            if let Some(next) = words.get(i + 1) {
                let adjacent = text[words[i].span.end..next.span.start].chars().all(|c| c == ' ' || c == '-');
                if adjacent && !is_stop_word(key) {
                    joined.clear();
                    joined.push_str(key);
                    joined.push_str(&next.key);
                    if self.words.contains(joined.as_str()) {
                        out.push((words[i].span.start, Cow::Owned(joined.clone())));
                        i += 2;
                        continue;
                    }
                }
            }
            let capitalised = text[words[i].span.start..].starts_with(char::is_uppercase);
            let folded = capitalised
                .then(|| {
                    ["ian", "an", "n", "i", "ese"].iter().find_map(|suffix| {
                        let stem = key.strip_suffix(suffix)?;
                        (stem.len() >= 3 && self.words.contains(stem)).then_some(stem)
                    })
                })
                .flatten();
            out.push((words[i].span.start, Cow::Borrowed(folded.unwrap_or(key))));
            i += 1;
        }
        out
    }

    /// The keys of a text's words ([`Self::keys_of`]) with their content
    /// terms looked up.
    fn keyed(&self, text: &str, words: &[crate::diff::Word]) -> Vec<Keyed> {
        self.keys_of(text, words)
            .into_iter()
            .map(|(start, key)| Keyed {
                start: start as u32,
                term: self.term(&key),
                negation: is_negation(&key),
                opens: Aside::of(&key),
            })
            .collect()
    }

    /// The content term id of a key, or None for stop words, stray letters
    /// and terms the vocabulary's texts never hold.
    fn term(&self, key: &str) -> Option<u32> {
        match self.stems.get(key) {
            Some(term) => *term,
            None => {
                let term = term_of(&self.stemmer, key)?;
                self.terms.binary_search(&term).ok().map(|i| i as u32)
            }
        }
    }

    /// The content terms of a passage (sorted term ids).
    pub fn terms(&self, text: &str) -> Vec<u32> {
        terms_of(&self.keyed(text, &crate::diff::words(text, 0)))
    }

    /// A sentence's fact units (one if it is a headline) and its content
    /// terms, from one pass over its words.
    fn sentence(&self, text: &str, keys: &[Keyed], headline: bool) -> (Vec<RawUnit>, Vec<u32>) {
        let units = if headline { vec![self.headline_unit_of(keys)] } else { self.units_of(text, keys) };
        (units, terms_of(keys))
    }

    /// The fact units of a sentence: clause term sets of at least
    /// [`MIN_UNIT_TERMS`] terms each (a sentence with fewer terms is one unit).
    pub fn units(&self, text: &str) -> Vec<RawUnit> {
        self.units_of(text, &self.keyed(text, &crate::diff::words(text, 0)))
    }

    fn units_of(&self, text: &str, keys: &[Keyed]) -> Vec<RawUnit> {
        let mut clauses: Vec<RawUnit> = vec![RawUnit::default()];
        let mut last = 0;
        let first = keys.first().map(|key| key.start as usize);
        // How many words are left of a clause aside from the statement: a
        // restrictive relative clause's first words, or a concessive or
        // non-restrictive relative clause (", who …") up to the next clause
        // break (usize::MAX).
        let mut aside = 0usize;
        let mut opens_clause = true;
        for key in keys {
            let start = key.start as usize;
            if text[last..start].contains([',', ';', ':', '–', '—', '(', ')']) {
                clauses.push(RawUnit::default());
                aside = 0;
                opens_clause = true;
            }
            last = start;
            let clause = clauses.last_mut().expect("never empty");
            if aside > 0 {
                clause.aside_negated |= key.negation;
            } else {
                clause.negated |= key.negation;
            }
            if let Some(t) = key.term {
                if self.names[t as usize] {
                    insert_sorted(&mut clause.names, t);
                } else if aside == 0 {
                    clause.stated += 1;
                }
                let lower = !text[start..].starts_with(char::is_uppercase);
                if lower || (Some(start) == first && !self.names[t as usize]) {
                    insert_sorted(&mut clause.plain, t);
                }
                insert_sorted(&mut clause.terms, t);
            }
            aside = match key.opens {
                Aside::Relative if !opens_clause => RELATIVE_WINDOW,
                Aside::Relative | Aside::Concessive => usize::MAX,
                Aside::None if aside == usize::MAX => aside,
                Aside::None => aside.saturating_sub(1),
            };
            opens_clause = false;
        }
        let merge = |into: &mut RawUnit, from: RawUnit| {
            for t in from.terms {
                insert_sorted(&mut into.terms, t);
            }
            for t in from.names {
                insert_sorted(&mut into.names, t);
            }
            for t in from.plain {
                insert_sorted(&mut into.plain, t);
            }
            into.negated |= from.negated;
            into.aside_negated |= from.aside_negated;
            into.stated += from.stated;
        };
        let mut units: Vec<RawUnit> = Vec::new();
        let mut pending = RawUnit::default();
        for clause in clauses {
            merge(&mut pending, clause);
            let common = pending.terms.iter().filter(|&&t| !self.names[t as usize]).count();
            if pending.terms.len() >= MIN_UNIT_TERMS && common >= MIN_UNIT_COMMON_TERMS {
                units.push(std::mem::take(&mut pending));
            }
        }
        match units.last_mut() {
            Some(last) => merge(last, pending),
            None if !pending.terms.is_empty() => units.push(pending),
            None => {}
        }
        // A unit that is mostly an aside states what the aside says: "Gary
        // Ross, who has not signed a contract with Lionsgate, …" is negated.
        for unit in &mut units {
            unit.negated |= unit.aside_negated && unit.stated < MIN_UNIT_COMMON_TERMS;
        }
        units
    }

    /// A headline as one unit: headlines are short and carry one fact.
    pub fn headline_unit(&self, text: &str) -> RawUnit {
        self.headline_unit_of(&self.keyed(text, &crate::diff::words(text, 0)))
    }

    fn headline_unit_of(&self, keys: &[Keyed]) -> RawUnit {
        let terms = terms_of(keys);
        RawUnit {
            names: terms.iter().copied().filter(|&t| self.names[t as usize]).collect(),
            plain: terms.iter().copied().filter(|&t| !self.names[t as usize]).collect(),
            terms,
            headline: true,
            negated: keys.iter().any(|k| k.negation),
            ..RawUnit::default()
        }
    }
}

/// The content terms of keys (sorted term ids, each once).
fn terms_of(keys: &[Keyed]) -> Vec<u32> {
    let mut terms: Vec<u32> = keys.iter().filter_map(|k| k.term).collect();
    terms.sort_unstable();
    terms.dedup();
    terms
}

/// The content term of a word key: None for stop words and stray letters,
/// numbers as they are, other words stemmed, a British spelling as its
/// American one ([`spelling::american`]).
fn term_of(stemmer: &Stemmer, key: &str) -> Option<String> {
    if is_stop_word(key) {
        return None;
    }
    if key.chars().all(|c| c.is_ascii_digit()) {
        return Some(key.to_string());
    }
    let stem = stem_of(stemmer, key).into_owned();
    (stem.chars().count() > 1).then_some(stem)
}

/// A word key's stem, a British spelling stemmed as its American one
/// ([`spelling::american`]): the one stemming of the aligner's terms, the
/// shared words a card highlights and the words around a discrepancy's
/// values.
pub(crate) fn stem_of<'k>(stemmer: &Stemmer, key: &'k str) -> Cow<'k, str> {
    stemmer.stem(spelling::american(key).unwrap_or(key))
}

/// Whether a word key negates its clause ("not", "never", "didn't").
fn is_negation(key: &str) -> bool {
    const CONTRACTED: &[&str] = &[
        "dont", "doesnt", "didnt", "wont", "cant", "isnt", "wasnt", "werent", "arent", "couldnt", "wouldnt",
        "shouldnt", "hasnt", "havent", "hadnt",
    ];
    NEGATIONS.contains(&key) || CONTRACTED.contains(&key)
}

/// Loads what alignment reads from the binary once per process (the
/// sentence model, the background word frequencies), if not loaded yet: the
/// analysis calls it on a thread of its own while it reads and segments the
/// folder, so alignment does not wait for it.
pub fn warm_up() {
    let stemmer = Stemmer::create(Algorithm::English);
    Background::get(|w| term_of(&stemmer, w));
    semantic::warm_up();
}

/// How many steps [`align_with`] reports: vocabulary, units, embeddings,
/// candidates, grouping, group output.
pub const ALIGN_STEPS: usize = 6;

/// Which word diffs of group members the aligner keeps in [`Group::diffs`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum GroupDiffs {
    /// Every member's diff against its group's base: what the app and the
    /// reports draw.
    #[default]
    All,
    /// None: `Group::diffs` is left empty, and only the diffs the
    /// discrepancy check reads (of members that state a number, year or
    /// date) are computed, then dropped. For the JSON export, which has not
    /// written them since `parallax.analysis/2`; the rest of the analysis
    /// is the same.
    None,
}

/// Groups the sentences of `analysis.articles`, fills `groups`, each
/// sentence's `groups`, each article's `exclusive` and `overlap`.
pub fn align(analysis: &mut Analysis) {
    let done: Result<(), std::convert::Infallible> = align_with(analysis, GroupDiffs::All, &mut |_| Ok(()));
    match done {
        Ok(()) => {}
        Err(never) => match never {},
    }
}

/// [`align`], calling `step` with the number of steps done (of
/// [`ALIGN_STEPS`]) before each: for a progress bar, and to stop a long
/// alignment when `step` returns an error (the analysis pipeline returns
/// its `Cancelled`; the analysis is then left half-aligned, to be thrown
/// away). `diffs` says which member diffs to keep.
pub fn align_with<E>(
    analysis: &mut Analysis,
    diffs: GroupDiffs,
    step: &mut dyn FnMut(usize) -> Result<(), E>,
) -> Result<(), E> {
    step(0)?;
    let (vocabulary, keyed) =
        Vocabulary::with_keys(analysis.articles.iter().flat_map(|a| a.sentences.iter().map(|s| a.sentence_text(s))));
    step(1)?;
    let (raw_units, sentence_terms) = raw_units(analysis, &vocabulary, keyed);
    let space = TermSpace::new(&vocabulary, &sentence_terms);
    let mut units: Vec<Unit> = raw_units.into_par_iter().map(|(a, s, raw)| space.unit(a, s, raw)).collect();
    mark_leads(&mut units, |a, s| {
        let article = &analysis.articles[a];
        crate::dates::opens_with_dateline(article.sentence_text(&article.sentences[s]))
    });
    // Each sentence's era, found once for all its units (they stand
    // together, in sentence order).
    let mut sentences: Vec<(usize, usize)> = units.iter().map(|u| (u.article, u.sentence)).collect();
    sentences.dedup();
    let days: Vec<_> =
        analysis.articles.iter().map(|a| a.date.as_deref().and_then(crate::dates::parse_iso_day)).collect();
    let eras: Vec<Era> = sentences
        .par_iter()
        .map(|&(a, s)| {
            let article = &analysis.articles[a];
            Era::of(article.sentence_text(&article.sentences[s]), days[a])
        })
        .collect();
    let mut at = 0;
    for unit in &mut units {
        while sentences[at] != (unit.article, unit.sentence) {
            at += 1;
        }
        unit.era = eras[at];
        // A top sentence that names an earlier year tells background.
        unit.top &= unit.lead || !unit.era.earlier;
    }
    // The words as strings (much of the memory of a large folder's
    // alignment) can go: the units hold term ids.
    drop((sentence_terms, vocabulary));
    step(2)?;
    let vectors = embed_sentences(analysis, &mut units);
    let scorer = Scorer { space: &space, vectors: &vectors, semantic_threshold: SEMANTIC_THRESHOLD };
    step(3)?;
    let Candidates { pairs, links, share, tops: lifted } = candidate_pairs(&units, &scorer);
    // The pairs of two articles' tops that the rule of tops applies to
    // (raised by its bonus, whether or not they passed without it) do not
    // build clusters: they reach groups through `cover_pairs` only
    // (measured: clustering on them chained facts). Their raised scores
    // stay in the links the clustering averages.
    let builds = |x: usize, y: usize| lifted.binary_search(&(x as u32, y as u32)).is_err();
    let raise = mixed_folder_raise(share);
    let thousandths = |x: f32| (x * 1000.0).round() / 1000.0;
    analysis.alignment = AlignmentInfo { one_story_share: thousandths(share), threshold_raise: thousandths(raise) };
    step(4)?;
    let clusters =
        grouping::cover_pairs(&units, &pairs, grouping::cluster(&units, &pairs, builds, &links, raise), &links, raise);
    step(5)?;

    let groups = cards::fold_near_duplicates(&units, fact_groups(&units, clusters), &links);
    // The quantities of every grouped sentence, found once: a sentence
    // often stands in several groups.
    let mut grouped: Vec<(usize, usize)> = groups.iter().flat_map(|(sentences, _)| sentences.iter().copied()).collect();
    grouped.par_sort_unstable();
    grouped.dedup();
    let found: Stated = Stated(
        grouped
            .into_par_iter()
            .map(|(a, s)| {
                let (article, sentence) = (&analysis.articles[a], &analysis.articles[a].sentences[s]);
                ((a, s), placed_quantities(article.sentence_text(sentence), sentence.start))
            })
            .filter(|(_, stated)| !stated.is_empty())
            .collect(),
    );

    // Each group's base, diffs and discrepancies on its own, on all cores;
    // beside them, the article pairs' overlap.
    let (out, overlap) = rayon::join(
        || group_output(analysis, (&units, &vectors), &groups, &links, &found, diffs),
        || pair_overlaps(analysis, &groups),
    );
    // Each article's (sentence, group) memberships in group order, then
    // the sentences' group ids and the articles' exclusive sentences on
    // all cores.
    let mut memberships: Vec<Vec<(usize, usize)>> = vec![Vec::new(); analysis.articles.len()];
    for (gi, (sentences, _)) in groups.iter().enumerate() {
        for &(a, s) in sentences {
            memberships[a].push((s, gi));
        }
    }
    analysis.articles.par_iter_mut().zip(memberships).for_each(|(article, memberships)| {
        for (s, gi) in memberships {
            article.sentences[s].groups.push(format!("g{gi}"));
        }
        article.exclusive = article.sentences.iter().filter(|s| s.groups.is_empty()).map(|s| s.id.clone()).collect();
    });
    analysis.overlap = overlap;
    analysis.groups = out;
    // The step's own data (a large folder's millions of small allocations)
    // is freed on the pool while the caller goes on.
    rayon::spawn(move || drop((units, vectors, space, pairs, links, groups, found)));
    Ok(())
}

/// Each group's base (the medoid of its members' links), cohesion, member
/// diffs against the base and discrepancies, as the model's groups `g0`,
/// `g1` … in order, on all cores. `found` holds the quantities of every
/// grouped sentence that states any. With [`GroupDiffs::None`] only the
/// members in `found` are diffed: the discrepancy check reads nothing of
/// the others' diffs (a member with no quantity has no value to flag, in a
/// slot or counted).
fn group_output(
    analysis: &Analysis,
    (units, vectors): (&[Unit], &[Vec<f32>]),
    groups: &[FactGroup],
    links: &grouping::Links,
    found: &Stated,
    keep: GroupDiffs,
) -> Vec<Group> {
    groups
        .par_iter()
        .enumerate()
        .map(|(gi, (sentences, members))| {
            // Member pairs are read from the links, as the grouping read
            // them (a pair that is not a link counts as 0): scoring every
            // pair again would cost members² per group.
            let sim = |x: usize, y: usize| links.get(x, y);
            // Base: the member unit most similar to all others (the medoid).
            let base_unit = *members
                .iter()
                .max_by(|&&x, &&y| {
                    let sx: f32 = members.iter().filter(|&&o| o != x).map(|&o| sim(x, o)).sum();
                    let sy: f32 = members.iter().filter(|&&o| o != y).map(|&o| sim(y, o)).sum();
                    sx.total_cmp(&sy).then(y.cmp(&x))
                })
                .expect("groups have members");
            let mut pair_sum = 0.0;
            let mut pair_count = 0;
            for (k, &x) in members.iter().enumerate() {
                // Two sentences of one article (a folded card) are no pair.
                for &y in members[k + 1..].iter().filter(|&&y| units[y].article != units[x].article) {
                    pair_sum += sim(x, y);
                    pair_count += 1;
                }
            }
            let sentence_ref = |(a, s): (usize, usize)| -> (&crate::model::Article, &Sentence) {
                let article = &analysis.articles[a];
                (article, &article.sentences[s])
            };
            let (base_article, base_sentence) = sentence_ref((units[base_unit].article, units[base_unit].sentence));
            let base_text = base_article.sentence_text(base_sentence);
            let base = BaseRead::new(base_text, base_sentence.start, &base_sentence.id);
            // Each member sentence's embedding, from its units (a
            // sentence's units share its vector), sorted to look up.
            let mut vector_of: Vec<((usize, usize), Option<usize>)> =
                members.iter().map(|&u| ((units[u].article, units[u].sentence), units[u].vector)).collect();
            vector_of.sort_unstable();
            let vector = |m: &(usize, usize)| {
                let at = vector_of.partition_point(|(key, _)| key < m);
                vector_of.get(at).filter(|(key, _)| key == m).and_then(|(_, v)| vectors.get((*v)?))
            };
            let base_vector = vector(&(units[base_unit].article, units[base_unit].sentence));
            let mut diffs: Vec<MemberDiff> = sentences
                .iter()
                .filter(|&&m| keep == GroupDiffs::All || found.get(m).is_some())
                .map(|&m| (sentence_ref(m), m))
                .filter(|((_, sentence), _)| sentence.id != base_sentence.id)
                .map(|((article, sentence), m)| {
                    // The export keeps no diffs: the judgement would be lost.
                    let cosine = base_vector
                        .zip(vector(&m))
                        .filter(|_| keep == GroupDiffs::All)
                        .map(|(a, b)| semantic::cosine(a, b));
                    member_diff(&base, (article.sentence_text(sentence), sentence.start, &sentence.id), cosine)
                })
                .collect();
            let texts: BTreeMap<&str, GroupMember> = sentences
                .iter()
                .map(|&m| {
                    let (article, sentence) = sentence_ref(m);
                    let stated = found.get(m).unwrap_or(&[]);
                    (sentence.id.as_str(), (sentence, article.sentence_text(sentence), stated))
                })
                .collect();
            let headline = members.iter().all(|&u| units[u].headline);
            let discrepancies = find_discrepancies(&base_sentence.id, &diffs, &texts, headline);
            if keep == GroupDiffs::All {
                restate::unless_disagreeing(&mut diffs, &base_sentence.id, &discrepancies);
            } else {
                diffs = Vec::new();
            }
            Group {
                id: format!("g{gi}"),
                sentences: sentences.iter().map(|&m| sentence_ref(m).1.id.clone()).collect(),
                base: base_sentence.id.clone(),
                cohesion: if pair_count == 0 { 1.0 } else { pair_sum / pair_count as f32 },
                headline,
                diffs,
                discrepancies,
            }
        })
        .collect()
}

/// A group's base as its members' diffs read it: its text, where it
/// starts in its article, its id, its words and their sets.
pub(crate) struct BaseRead<'a> {
    text: &'a str,
    start: usize,
    id: &'a str,
    words: Vec<crate::diff::Word>,
    sets: restate::WordSets,
}

impl<'a> BaseRead<'a> {
    pub(crate) fn new(text: &'a str, start: usize, id: &'a str) -> Self {
        let words = crate::diff::words(text, start);
        let sets = restate::WordSets::new(&words);
        Self { text, start, id, words, sets }
    }
}

/// One member's diff against the group's base: the word diff, `copied` at
/// [`COPIED_SIMILARITY`] or else `reworded`, and whether it restates the
/// base ([`restate::judge`], not judged without the embeddings' `cosine`).
/// The aligner and an opened export ([`crate::import`]) both build member
/// diffs here; [`restate::unless_disagreeing`] then reads the group's
/// discrepancies.
pub(crate) fn member_diff(base: &BaseRead, (text, start, id): (&str, usize, &str), cosine: Option<f32>) -> MemberDiff {
    let words = crate::diff::words(text, start);
    let d = word_diff_words((base.text, base.start, &base.words), (text, start, &words));
    let wording = if d.similarity >= COPIED_SIMILARITY { Wording::Copied } else { Wording::Reworded };
    let restates = restate::judge(&base.sets, &restate::WordSets::new(&words), d.similarity, cosine);
    MemberDiff {
        member: id.to_string(),
        base: base.id.to_string(),
        similarity: d.similarity,
        ops: d.ops,
        wording: Some(wording),
        restates,
    }
}

/// The quantities of sentences (article, sentence) that state any, sorted
/// by sentence: built on all cores in that order, where a hash map is
/// filled one insert at a time.
struct Stated(Vec<((usize, usize), Vec<Quantity>)>);

impl Stated {
    fn get(&self, sentence: (usize, usize)) -> Option<&[Quantity]> {
        let at = self.0.binary_search_by(|(s, _)| s.cmp(&sentence)).ok()?;
        Some(&self.0[at].1)
    }
}

/// Each cluster of units as a group of their sentences, in article order,
/// headline groups first; a group whose sentences all stand together in
/// another group is dropped.
fn fact_groups(units: &[Unit], clusters: Vec<Vec<usize>>) -> Vec<FactGroup> {
    let mut groups: Vec<FactGroup> = clusters
        .into_iter()
        .filter(|c| c.len() >= 2)
        .map(|c| {
            let mut sentences: Vec<(usize, usize)> = c.iter().map(|&u| (units[u].article, units[u].sentence)).collect();
            sentences.sort();
            sentences.dedup();
            (sentences, c)
        })
        .collect();
    let is_headline_group = |g: &FactGroup| g.1.iter().all(|&u| units[u].headline);
    groups.sort_by(|a, b| (!is_headline_group(a), a).cmp(&(!is_headline_group(b), b)));
    // Only groups that hold a group's first sentence can hold all of it.
    let mut holding: grouping::FastMap<(usize, usize), Vec<usize>> = grouping::FastMap::default();
    for (j, (sentences, _)) in groups.iter().enumerate() {
        for &s in sentences {
            holding.entry(s).or_default().push(j);
        }
    }
    let keep: Vec<bool> = (0..groups.len())
        .map(|i| {
            let Some(first) = groups[i].0.first() else { return false };
            !holding[first].iter().any(|&j| {
                let other = &groups[j];
                j != i
                    && groups[i].0.iter().all(|s| other.0.binary_search(s).is_ok())
                    && (other.0.len() > groups[i].0.len() || j < i)
            })
        })
        .collect();
    groups.into_iter().zip(keep).filter(|(_, k)| *k).map(|(g, _)| g).collect()
}

/// (article index, sentence index, unit) for every fact unit.
type PlacedUnits = Vec<(usize, usize, RawUnit)>;

/// The fact units of every sentence (headlines as one unit, non-prose lines
/// none) as (article, sentence, unit), and the term set of every sentence
/// that has units, for the folder's term counts. `keyed` holds the keys of
/// every sentence, in article and sentence order
/// ([`Vocabulary::with_keys`]).
fn raw_units(analysis: &Analysis, vocabulary: &Vocabulary, keyed: Vec<Vec<Keyed>>) -> (PlacedUnits, Vec<Vec<u32>>) {
    // Each article's run of `keyed` (one entry per sentence, in order).
    let mut runs: Vec<&[Vec<Keyed>]> = Vec::with_capacity(analysis.articles.len());
    let mut rest = keyed.as_slice();
    for article in &analysis.articles {
        let (run, after) = rest.split_at(article.sentences.len());
        runs.push(run);
        rest = after;
    }
    let per_article: Vec<(PlacedUnits, Vec<Vec<u32>>)> = analysis
        .articles
        .par_iter()
        .zip(runs)
        .enumerate()
        .map(|(ai, (article, keyed))| {
            let mut raw_units: PlacedUnits = Vec::new();
            let mut sentence_terms: Vec<Vec<u32>> = Vec::new();
            for (si, (sentence, keys)) in article.sentences.iter().zip(keyed).enumerate() {
                let text = article.sentence_text(sentence);
                // A sentence of more words than a non-prose line holds is
                // prose: it has at least as many words as keys.
                if !sentence.headline && keys.len() <= NON_PROSE_WORDS && is_non_prose(text) {
                    continue;
                }
                let (units, terms) = vocabulary.sentence(text, keys, sentence.headline);
                raw_units.extend(units.into_iter().map(|unit| (ai, si, unit)));
                sentence_terms.push(terms);
            }
            (raw_units, sentence_terms)
        })
        .collect();
    let mut raw_units: PlacedUnits = Vec::new();
    let mut sentence_terms: Vec<Vec<u32>> = Vec::new();
    for (units, terms) in per_article {
        raw_units.extend(units);
        sentence_terms.extend(terms);
    }
    (raw_units, sentence_terms)
}

/// Marks the units of each article's lead: its first body sentence that
/// holds a unit (a dateline or byline holds none), unless one of its first
/// [`LEAD_WINDOW`] such sentences opens with a dateline ("WASHINGTON (AP)
/// —", "TIRANA, Sept. 7, 2022 –"): then that one, as an outlet may put a
/// summary or a title line above the story itself. `units` are in article
/// and sentence order; `dateline(article, sentence)` tells whether a
/// sentence opens with a dateline.
fn mark_leads(units: &mut [Unit], dateline: impl Fn(usize, usize) -> bool) {
    // Each article's first body sentences that hold a unit, in order.
    let mut firsts: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for unit in units.iter().filter(|u| !u.headline) {
        let list = firsts.entry(unit.article).or_default();
        if list.len() < LEAD_WINDOW + TOP_SENTENCES && list.last() != Some(&unit.sentence) {
            list.push(unit.sentence);
        }
    }
    let leads: BTreeMap<usize, (usize, Vec<usize>)> = firsts
        .into_iter()
        .map(|(article, list)| {
            let at = list.iter().take(LEAD_WINDOW).position(|&sentence| dateline(article, sentence)).unwrap_or(0);
            let top = list[at..].iter().copied().take(TOP_SENTENCES).collect();
            (article, (list[at], top))
        })
        .collect();
    for unit in units.iter_mut().filter(|u| !u.headline) {
        let Some((lead, top)) = leads.get(&unit.article) else { continue };
        unit.lead = *lead == unit.sentence;
        unit.top = top.contains(&unit.sentence);
    }
}

/// How many of an article's first sentences are searched for a dateline.
const LEAD_WINDOW: usize = 6;

/// A thread's scratch lists while it ranks units' partners in
/// [`candidate_pairs`]: the shared prefix weight by partner, the partners
/// met, their ranking, and the pairs kept so far.
type Ranking = (Vec<f32>, Vec<u32>, Vec<(f32, u32)>, Vec<(u32, u32)>);

/// Pairs of units from different articles that share one of their
/// [`PREFIX_TERMS`] rarest terms (or are semantic neighbours), scored.
/// Indexing only the rarest terms (prefix filtering, as in set-similarity
/// joins) keeps posting lists short: pairs that share only common words are
/// never scored, and they would not reach the threshold. Of a unit's
/// partners only the [`MAX_CANDIDATES`] sharing the most rare weight are
/// scored (a pair is scored when either unit keeps it). Returns the pairs
/// that reach the pair threshold raised by their articles' context
/// ([`context_raise`]; two leads or two tops of one event are not raised,
/// [`lift_tops`]) or by the
/// folder's mix of stories, whichever raises it more, strongest first; the
/// links the grouping reads; and the folder's [`one_story_share`], whose
/// [`mixed_folder_raise`] the grouping's thresholds take too; and the
/// pairs of tops that [`lift_tops`] raised.
fn candidate_pairs(units: &[Unit], scorer: &Scorer) -> Candidates {
    let space = scorer.space;
    let max_df = ((units.len() as f32 * MAX_DF_SHARE).ceil() as usize).clamp(3, MAX_POSTINGS);
    let prefixes = prefixes(units, space);
    // Term id → the units indexed under it, in unit order, each with its
    // article: one flat list, each term's postings a run of it.
    let (bounds, postings) = grouping::by_rows(space.weights.len(), || {
        prefixes
            .iter()
            .enumerate()
            .flat_map(|(i, terms)| terms.iter().map(move |&t| (t as usize, (i as u32, units[i].article as u32))))
    });
    let index = |t: u32| &postings[bounds[t as usize]..bounds[t as usize + 1]];
    // What the ranking reads of every partner met in a posting list,
    // packed: each unit's norm with its square root, not its whole `Unit`.
    let norms: Vec<(f32, f32)> = units.iter().map(|u| (u.norm, u.norm.sqrt())).collect();
    // Each unit's partners: the units of other articles it shares a usable
    // prefix term with, ranked by the weight of the prefix terms they share
    // (a lower bound of their lexical similarity), the best
    // [`MAX_CANDIDATES`] kept. A pair is scored when either unit keeps it.
    // The units are independent, so they run on all cores, each thread
    // with its own scratch lists (the order of `candidates` is of no
    // matter: they are sorted next).
    // Unit indices as u32: the candidates of a large folder number millions.
    let mut found: Vec<Vec<(u32, u32)>> = (0..units.len())
        .into_par_iter()
        .fold(
            || (vec![0.0f32; units.len()], Vec::new(), Vec::new(), Vec::new()),
            |(mut shared, mut touched, mut ranked, mut out): Ranking, x| {
                let article = units[x].article as u32;
                for &t in &prefixes[x] {
                    let list = index(t);
                    if list.len() > max_df {
                        continue;
                    }
                    let weight = space.weights[t as usize].powi(2);
                    for &(y, of) in list {
                        if of != article {
                            let sum = &mut shared[y as usize];
                            if *sum == 0.0 {
                                touched.push(y);
                            }
                            *sum += weight;
                        }
                    }
                }
                ranked.clear();
                ranked.extend(touched.drain(..).map(|y| {
                    (combine_with_roots(std::mem::take(&mut shared[y as usize]), norms[x], norms[y as usize]), y)
                }));
                if ranked.len() > MAX_CANDIDATES {
                    ranked.select_nth_unstable_by(MAX_CANDIDATES, |a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
                    ranked.truncate(MAX_CANDIDATES);
                }
                let x = x as u32;
                out.extend(ranked.iter().map(|&(_, y)| (x.min(y), x.max(y))));
                (shared, touched, ranked, out)
            },
        )
        .map(|(_, _, _, out)| out)
        .collect();
    found.push(
        semantic_candidates(units, scorer).into_iter().map(|(x, y)| (x.min(y) as u32, x.max(y) as u32)).collect(),
    );
    let candidates = sorted_unique_pairs(units.len(), &found);
    drop(found);
    let mut scored = Packed::new(units, scorer).score(&candidates, grouping::Links::FLOOR);
    drop(candidates);
    let vectors = article_vectors(units);
    let share = one_story_share(&vectors);
    let raise = mixed_folder_raise(share);
    let tops = lift_tops(units, space, &vectors, raise, &mut scored);
    let links = grouping::Links::new(&scored);
    let pairs: Vec<(usize, usize, f32)> = scored
        .into_par_iter()
        .map(|(x, y, s)| (x as usize, y as usize, s))
        .filter(|&(x, y, s)| {
            // Most scored pairs fail the plain threshold: the shared terms
            // are counted again only for those that pass it.
            let threshold = pair_threshold(&units[x], &units[y]);
            s >= threshold
                && (s >= threshold + THIN_SUPPORT_RAISE
                    || tops.binary_search(&(x as u32, y as u32)).is_ok()
                    || s >= threshold + thin_support_raise(space, &units[x], &units[y]))
                && links.contains(x, y)
        })
        .collect();
    // A pair over the highest raised threshold passes whatever its articles share.
    let sure = |x: usize, y: usize, s: f32| s >= pair_threshold(&units[x], &units[y]) + CONTEXT_RAISE;
    let mut article_pairs: Vec<(usize, usize)> = pairs
        .iter()
        .filter(|&&(x, y, s)| !sure(x, y, s))
        .map(|&(x, y, _)| (units[x].article, units[y].article))
        .collect();
    article_pairs.par_sort_unstable();
    article_pairs.dedup();
    // Sorted by article pair and searched: built on all cores, unlike a map.
    // Each article spread once for its run of partners.
    let runs: Vec<&[(usize, usize)]> = article_pairs.chunk_by(|p, q| p.0 == q.0).collect();
    let affinities: Vec<f32> = runs
        .par_iter()
        .map_init(
            || DenseVector::for_vectors(&vectors),
            |dense, run| dense.dots(&vectors[run[0].0], run.iter().map(|&(_, b)| vectors[b].as_slice())),
        )
        .flatten_iter()
        .collect();
    let affinity = |key: &(usize, usize)| article_pairs.binary_search(key).ok().map(|at| affinities[at]);
    let mut pairs: Vec<(usize, usize, f32)> = pairs
        .into_par_iter()
        .filter(|&(x, y, s)| {
            let (a, b) = (&units[x], &units[y]);
            let threshold = pair_threshold(a, b);
            // The lead flags first: only lead pairs need their terms merged again.
            let one_event = || {
                (a.lead && b.lead && space.leads_of_one_event(a, b, space.shared(a, b).1))
                    || tops.binary_search(&(x as u32, y as u32)).is_ok()
            };
            (raise == 0.0 || space.share_a_plain_word(a, b))
                && (sure(x, y, s)
                    || (s >= threshold + raise && one_event())
                    || s >= threshold + context_raise(affinity(&(a.article, b.article)).unwrap_or(0.0)).max(raise))
        })
        .collect();
    pairs.par_sort_unstable_by(|a, b| b.2.total_cmp(&a.2).then((a.0, a.1).cmp(&(b.0, b.1))));
    Candidates { pairs, links, share, tops }
}

/// The pairs of `parts` (first index under `rows`) sorted, each once: what
/// a sort and `dedup` of them all would leave. A counting sort by the first
/// index (each unit's partners, a few dozen), then each row sorted and
/// deduplicated on all cores: no sort of millions of pairs.
fn sorted_unique_pairs(rows: usize, parts: &[Vec<(u32, u32)>]) -> Vec<(u32, u32)> {
    let (starts, mut seconds) = grouping::by_rows(rows, || parts.iter().flatten().map(|&(x, y)| (x as usize, y)));
    let lengths: Vec<usize> = grouping::split_rows(&mut seconds, &starts)
        .into_par_iter()
        .map(|row| grouping::sort_dedup_by_key(row, |&y| y))
        .collect();
    let mut out_starts = Vec::with_capacity(rows + 1);
    out_starts.push(0);
    for &length in &lengths {
        out_starts.push(out_starts[out_starts.len() - 1] + length);
    }
    let mut out = vec![(0u32, 0u32); out_starts[rows]];
    grouping::split_rows(&mut out, &out_starts).into_par_iter().enumerate().for_each(|(x, row)| {
        for (to, &y) in row.iter_mut().zip(&seconds[starts[x]..]) {
            *to = (x as u32, y);
        }
    });
    out
}

/// Each unit's [`PREFIX_TERMS`] rarest terms, the ones it is indexed under
/// in [`candidate_pairs`] (none for a unit of fewer than [`MIN_TERMS`]).
fn prefixes(units: &[Unit], space: &TermSpace) -> Vec<Vec<u32>> {
    let prefix = |u: &Unit| -> Vec<u32> {
        let mut terms = u.terms.clone();
        terms.sort_by(|a, b| space.weights[*b as usize].total_cmp(&space.weights[*a as usize]).then(a.cmp(b)));
        terms.truncate(PREFIX_TERMS);
        terms
    };
    let indexed = |u: &Unit| u.terms.len() >= MIN_TERMS;
    units.par_iter().map(|u| if indexed(u) { prefix(u) } else { Vec::new() }).collect()
}

/// What [`candidate_pairs`] finds: the aligned pairs, strongest first; the
/// links the grouping reads; the folder's [`one_story_share`]; and the
/// pairs of tops that [`lift_tops`] raised, sorted.
struct Candidates {
    pairs: Vec<(usize, usize, f32)>,
    links: grouping::Links,
    share: f32,
    tops: Vec<(u32, u32)>,
}

/// The scored pairs of two articles' tops that report one event
/// ([`TermSpace::tops_of_one_event`]) in two articles known to report one
/// event: their leads align (at the pair threshold, with the folder's
/// `raise` and the thin-support raise), or their words are alike
/// ([`ONE_STORY_AFFINITY`]). In two confusable stories (two cable cuts, two
/// earthquakes) the second sentences share the story's words too; it is
/// the articles that tell them apart. Each is raised by [`TOP_BONUS`].
/// Returns them, sorted.
fn lift_tops(
    units: &[Unit],
    space: &TermSpace,
    vectors: &[Vec<(u32, f32)>],
    raise: f32,
    scored: &mut [(u32, u32, f32)],
) -> Vec<(u32, u32)> {
    let unit = |x: u32| &units[x as usize];
    let mut agreed: Vec<(usize, usize)> = scored
        .par_iter()
        .filter(|&&(x, y, s)| {
            let (a, b) = (unit(x), unit(y));
            a.lead && b.lead && s >= pair_threshold(a, b) + raise + thin_support_raise(space, a, b)
        })
        .map(|&(x, y, _)| (unit(x).article, unit(y).article))
        .collect();
    agreed.par_sort_unstable();
    agreed.dedup();
    // Collected in the order of `scored`, which is sorted.
    scored
        .par_iter_mut()
        .filter_map(|(x, y, s)| {
            let (a, b) = (unit(*x), unit(*y));
            let one_event = a.top
                && b.top
                && space.tops_of_one_event(a, b, space.shared(a, b).1)
                && (agreed.binary_search(&(a.article, b.article)).is_ok()
                    || sparse_dot(&vectors[a.article], &vectors[b.article]) >= ONE_STORY_AFFINITY);
            one_event.then(|| {
                *s = (*s + TOP_BONUS).min(1.0);
                (*x, *y)
            })
        })
        .collect()
}

/// How many article pairs at most are compared to tell how many stories a
/// folder holds: all of them up to about 200 articles, a fixed sample of
/// each article's partners beyond.
const STORY_SAMPLE_PAIRS: usize = 20_000;

/// The share of a folder's article pairs that report one story (article
/// cosine at least [`ONE_STORY_AFFINITY`]): near 1 in a folder about one
/// event, about 1/k in one of k stories. Above [`STORY_SAMPLE_PAIRS`]
/// pairs, each article is compared with a fixed pseudo-random sample of the
/// others (not its neighbours in file order, which often share its story).
fn one_story_share(vectors: &[Vec<(u32, f32)>]) -> f32 {
    let n = vectors.len();
    if n < 2 {
        return 1.0;
    }
    let all_pairs = n * (n - 1) / 2 <= STORY_SAMPLE_PAIRS;
    let per_article = (STORY_SAMPLE_PAIRS / n).max(1);
    let (one, all) = (0..n)
        .into_par_iter()
        .map_init(
            || DenseVector::for_vectors(vectors),
            |dense, a| {
                let partners: Vec<usize> = if all_pairs {
                    (a + 1..n).collect()
                } else {
                    (0..per_article)
                        .map(|j| (a + 1 + (splitmix64((a * per_article + j) as u64) % (n as u64 - 1)) as usize) % n)
                        .collect()
                };
                let dots = dense.dots(&vectors[a], partners.iter().map(|&b| vectors[b].as_slice()));
                let one = dots.iter().filter(|&&dot| dot >= ONE_STORY_AFFINITY).count();
                (one, partners.len())
            },
        )
        .reduce(|| (0, 0), |x, y| (x.0 + y.0, x.1 + y.1));
    one as f32 / all.max(1) as f32
}

/// A fixed mixing of `x` (SplitMix64's output function): a deterministic
/// stand-in for a random draw.
pub(crate) fn splitmix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// How much every threshold of a folder rises given the share of its
/// article pairs on one story ([`one_story_share`]): nothing in a folder
/// about one or a few stories, [`MIXED_FOLDER_RAISE`] in one of many
/// stories (a week of election coverage), in between on a ramp from
/// [`FEW_STORIES_SHARE`] down to [`MANY_STORIES_SHARE`].
fn mixed_folder_raise(share: f32) -> f32 {
    ((FEW_STORIES_SHARE - share) / (FEW_STORIES_SHARE - MANY_STORIES_SHARE)).clamp(0.0, 1.0) * MIXED_FOLDER_RAISE
}

/// How much the pair threshold rises for two sentences given how alike
/// their articles are: nothing between articles on one story, up to
/// [`CONTEXT_RAISE`] as their articles share less. Two sentences
/// that share a few words ("the real issue") in articles on different
/// stories are not one fact; the same sentences in two reports of one
/// story often are.
fn context_raise(affinity: f32) -> f32 {
    ((ONE_STORY_AFFINITY - affinity) / ONE_STORY_AFFINITY).clamp(0.0, 1.0) * CONTEXT_RAISE
}

/// Every article's tf-idf vector over its units' terms (idf over the
/// folder's articles), L2-normalised, sorted by term id.
fn article_vectors(units: &[Unit]) -> Vec<Vec<(u32, f32)>> {
    let articles = units.iter().map(|u| u.article + 1).max().unwrap_or(0);
    // Units are in article order: each article's units are one run.
    let mut runs: Vec<&[Unit]> = vec![&[]; articles];
    for run in units.chunk_by(|a, b| a.article == b.article) {
        runs[run[0].article] = run;
    }
    // Each article's term counts (sorted by term), on all cores.
    let counts: Vec<Vec<(u32, u32)>> = runs
        .par_iter()
        .map(|run| {
            let mut terms: Vec<u32> = run.iter().flat_map(|u| u.terms.iter().copied()).collect();
            terms.sort_unstable();
            terms.chunk_by(|a, b| a == b).map(|same| (same[0], same.len() as u32)).collect()
        })
        .collect();
    let mut df: grouping::FastMap<u32, u32> = grouping::FastMap::default();
    for c in &counts {
        for &(t, _) in c {
            *df.entry(t).or_default() += 1;
        }
    }
    let n = articles as f32;
    counts
        .into_par_iter()
        .map(|c| {
            let mut v: Vec<(u32, f32)> = c
                .into_iter()
                .map(|(t, tf)| (t, (1.0 + (tf as f32).ln()) * (1.0 + n / df.get(&t).copied().unwrap_or(1) as f32).ln()))
                .collect();
            let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
            if norm > 0.0 {
                v.iter_mut().for_each(|(_, w)| *w /= norm);
            }
            v
        })
        .collect()
}

/// One article vector spread over the vocabulary, for the dot products of
/// that article with many others: each partner's terms are looked up, not
/// merged with the article's. The same products added in the same order
/// (the shared terms in increasing order) as [`sparse_dot`], so the same
/// sums to the bit.
struct DenseVector {
    weights: Vec<f32>,
    present: Vec<bool>,
}

impl DenseVector {
    /// Scratch for the vectors of `vectors`, holding none.
    fn for_vectors(vectors: &[Vec<(u32, f32)>]) -> Self {
        let dims = vectors.iter().filter_map(|v| v.last()).map(|&(t, _)| t as usize + 1).max().unwrap_or(0);
        Self { weights: vec![0.0; dims], present: vec![false; dims] }
    }

    /// `sparse_dot(a, b)` for every `b` of `others`, `a` spread once.
    fn dots<'v>(&mut self, a: &[(u32, f32)], others: impl Iterator<Item = &'v [(u32, f32)]>) -> Vec<f32> {
        for &(t, w) in a {
            self.weights[t as usize] = w;
            self.present[t as usize] = true;
        }
        let dots = others
            .map(|b| {
                let mut dot = 0.0;
                for &(t, w) in b {
                    if self.present[t as usize] {
                        dot += self.weights[t as usize] * w;
                    }
                }
                dot
            })
            .collect();
        for &(t, _) in a {
            self.present[t as usize] = false;
        }
        dots
    }
}

/// The dot product of two sparse vectors sorted by index.
fn sparse_dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    dot
}

/// Unit pairs whose sentences are among each other's [`SEMANTIC_NEIGHBOURS`]
/// nearest sentences of other articles, at or above the semantic threshold:
/// rewordings that share no rare word. Skipped above
/// [`MAX_SEMANTIC_SENTENCES`] sentences, where the exact search would cost
/// more than the rest of the analysis.
fn semantic_candidates(units: &[Unit], scorer: &Scorer) -> Vec<(usize, usize)> {
    let vectors = scorer.vectors;
    if vectors.is_empty() || vectors.len() > MAX_SEMANTIC_SENTENCES {
        return Vec::new();
    }
    let mut article_of = vec![usize::MAX; vectors.len()];
    let mut units_of: Vec<Vec<usize>> = vec![Vec::new(); vectors.len()];
    for (i, u) in units.iter().enumerate() {
        if let Some(v) = u.vector {
            article_of[v] = u.article;
            units_of[v].push(i);
        }
    }
    let neighbours = semantic::nearest(vectors, SEMANTIC_NEIGHBOURS, scorer.semantic_threshold, |i, j| {
        article_of[i] != article_of[j]
    });
    let mut out = Vec::new();
    for (i, list) in neighbours.iter().enumerate() {
        for &(j, _) in list.iter().filter(|(j, _)| i < *j) {
            for &x in &units_of[i] {
                for &y in &units_of[j] {
                    out.push((x.min(y), x.max(y)));
                }
            }
        }
    }
    out
}

/// Embeds every sentence that has units, once, and points its units at its
/// vector. Returns the vectors (empty if the model is unavailable).
fn embed_sentences(analysis: &Analysis, units: &mut [Unit]) -> Vec<Vec<f32>> {
    let mut index: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for u in units.iter() {
        let next = index.len();
        index.entry((u.article, u.sentence)).or_insert(next);
    }
    let mut texts = vec![""; index.len()];
    for (&(a, s), &i) in &index {
        let article = &analysis.articles[a];
        texts[i] = article.sentence_text(&article.sentences[s]);
    }
    let vectors = semantic::embed(&texts);
    if vectors.len() == texts.len() {
        for u in units.iter_mut() {
            u.vector = index.get(&(u.article, u.sentence)).copied();
        }
    }
    vectors
}

/// The words and phrases of `text` (at byte `offset` of its article) that
/// also occur, stemmed, in one of `others`: what a reworded member shares
/// with the rest of its group. Adjacent shared words, and the function words
/// between them, form one span, so a shared phrase reads as one.
pub fn shared_words(text: &str, offset: usize, others: &[&str]) -> Vec<Span> {
    let stemmer = Stemmer::create(Algorithm::English);
    let content = |key: &str| !is_stop_word(key) && !NEGATIONS.contains(&key);
    let stems: HashSet<String> = others
        .iter()
        .flat_map(|t| crate::diff::words(t, 0))
        .filter(|w| content(&w.key))
        .map(|w| stem_of(&stemmer, &w.key).into_owned())
        .collect();
    let mut out: Vec<Span> = Vec::new();
    // Whether the last content word was shared: the next shared one then
    // extends its span over the function words between them.
    let mut open = false;
    for w in crate::diff::words(text, offset).into_iter().filter(|w| content(&w.key)) {
        let shared = stems.contains(stem_of(&stemmer, &w.key).as_ref());
        match out.last_mut() {
            Some(last) if shared && open => last.end = w.span.end,
            _ if shared => out.push(w.span),
            _ => {}
        }
        open = shared;
    }
    out
}

/// The similarity a pair needs to be aligned: lower for two headlines.
/// Two body units that share this many content terms or fewer align only
/// [`THIN_SUPPORT_RAISE`] above the pair threshold. A score resting on two
/// or three shared words is the score most often earned by chance: in
/// folders of mixed election coverage, pairs sharing at most three terms and
/// scoring under 0.40 were nearly all different facts sharing a name, a
/// poll's "percent" or a "Monday's debate" (`docs/alignment-eval.md`,
/// session 6); with four or more shared terms the same scores mostly were
/// one fact.
const THIN_SUPPORT_TERMS: usize = 3;
/// See [`THIN_SUPPORT_TERMS`].
const THIN_SUPPORT_RAISE: f32 = 0.10;

/// How much the pair threshold rises for two units that share few content
/// terms ([`THIN_SUPPORT_TERMS`]). Headlines are exempt: they are terse,
/// and their own lower threshold already says so.
fn thin_support_raise(space: &TermSpace, a: &Unit, b: &Unit) -> f32 {
    if (a.headline && b.headline) || space.shared(a, b).1 > THIN_SUPPORT_TERMS { 0.0 } else { THIN_SUPPORT_RAISE }
}

fn pair_threshold(a: &Unit, b: &Unit) -> f32 {
    if a.headline && b.headline { HEADLINE_THRESHOLD } else { PAIR_THRESHOLD }
}

/// A line of more words than this is prose ([`is_non_prose`]).
const NON_PROSE_WORDS: usize = 14;

/// Lines that are not prose and must not be aligned as facts: bylines
/// ("By Jane Doe"), timestamps ("July 03, 2013 6:22AM"), photo credits,
/// sharing prompts ("Share this"), labels in capitals ("FULL TEXT."), and
/// short lead-ins to what follows ("The New York Times reports:"), which
/// state no fact of their own.
pub fn is_non_prose(text: &str) -> bool {
    let words = crate::diff::words(text, 0);
    if words.len() > NON_PROSE_WORDS {
        return false;
    }
    let letters = || text.chars().filter(|c| c.is_alphabetic());
    if words.len() <= 4 && letters().next().is_some() && letters().all(char::is_uppercase) {
        return true;
    }
    if words.len() <= 6 && text.trim_end().ends_with(':') {
        return true;
    }
    let first = words.first().map_or("", |w| w.key.as_str());
    let keys: Vec<&str> = words.iter().map(|w| w.key.as_str()).collect();
    let lead = [
        "by",
        "photo",
        "photos",
        "image",
        "images",
        "credit",
        "credits",
        "share",
        "posted",
        "updated",
        "published",
        "follow",
        "email",
        "related",
        "advertisement",
        "caption",
        "video",
        "watch",
        "read",
        "click",
        "subscribe",
    ];
    let credit = ["getty", "ap", "reuters", "afp", "epa", "shutterstock"];
    // A leading cue with no verb-like lower-case prose after it.
    let lowercase_words =
        words.iter().filter(|w| text[w.span.start..].starts_with(char::is_lowercase) && !is_stop_word(&w.key)).count();
    if lead.contains(&first) && (lowercase_words <= 1 || words.len() <= 4) {
        return true;
    }
    if keys.iter().any(|k| credit.contains(k)) && (text.contains("Photo") || text.contains("Image")) {
        return true;
    }
    // Timestamps: a clock time, and otherwise only dates, numbers and
    // month or weekday names.
    let clock = words.iter().any(|w| {
        let after = &text[w.span.end..];
        w.key.chars().all(|c| c.is_ascii_digit())
            && (after.starts_with(':') || after.starts_with('.'))
            && after[1..].starts_with(|c: char| c.is_ascii_digit())
    }) || keys.iter().any(|k| {
        let digits = k.strip_suffix("am").or_else(|| k.strip_suffix("pm"));
        digits.is_some_and(|d| d.is_empty() || d.chars().all(|c| c.is_ascii_digit()))
    }) && keys.iter().any(|k| k.chars().any(|c| c.is_ascii_digit()));
    let date_word = |k: &str| {
        k.chars().all(|c| c.is_ascii_digit())
            || [
                "jan",
                "january",
                "feb",
                "february",
                "mar",
                "march",
                "apr",
                "april",
                "may",
                "jun",
                "june",
                "jul",
                "july",
                "aug",
                "august",
                "sep",
                "sept",
                "september",
                "oct",
                "october",
                "nov",
                "november",
                "dec",
                "december",
            ]
            .contains(&k)
            || matches!(k, "am" | "pm" | "et" | "gmt" | "utc" | "edt" | "est" | "bst" | "cet")
            || k.strip_suffix("am")
                .or_else(|| k.strip_suffix("pm"))
                .is_some_and(|d| d.chars().all(|c| c.is_ascii_digit()))
            || ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].contains(&k)
    };
    if clock && keys.iter().filter(|k| !date_word(k)).count() <= 2 {
        return true;
    }
    // A bare date line ("April 4, 2012", "on Sunday, February 1, 2009"): a
    // dateline, not a fact, and two outlets' datelines differ by a day.
    let numeric = |k: &&str| k.chars().all(|c| c.is_ascii_digit());
    words.len() <= 6
        && keys.iter().any(numeric)
        && keys.iter().any(|k| !numeric(k) && date_word(k))
        && keys.iter().all(|k| date_word(k) || matches!(*k, "on" | "the" | "of"))
}

/// How many overlap pairs each article keeps at most: a pair is listed when
/// it is among the [`OVERLAP_TOP_K`] strongest of either of its articles.
/// Bounds `overlap` by articles × k instead of articles².
pub const OVERLAP_TOP_K: usize = 20;

/// The pairs of articles that share at least one sentence, capped to each
/// article's [`OVERLAP_TOP_K`] strongest, ordered by `(a, b)`. Costs the sum
/// over groups of members², never articles².
fn pair_overlaps(analysis: &Analysis, groups: &[FactGroup]) -> Vec<PairOverlap> {
    let articles = &analysis.articles;
    let counts = shared_counts(groups);
    let pairs: Vec<(usize, usize, usize, f32)> = counts
        .into_iter()
        .map(|((a, b), count)| {
            let smaller = articles[a].sentences.len().min(articles[b].sentences.len());
            (a, b, count, if smaller == 0 { 0.0 } else { count as f32 / smaller as f32 })
        })
        .collect();
    top_k_per_article(pairs, articles.len(), OVERLAP_TOP_K)
        .into_iter()
        .map(|(a, b, count, ratio)| PairOverlap {
            a: articles[a].id.clone(),
            b: articles[b].id.clone(),
            shared_sentences: count,
            shared_ratio: ratio,
        })
        .collect()
}

/// For each pair of articles `a < b` that a group joins: the smaller of the
/// number of sentences of `a` grouped with `b` and of `b` grouped with `a`.
fn shared_counts(groups: &[FactGroup]) -> BTreeMap<(usize, usize), usize> {
    // (a, b, sentence of a) for every ordered pair of articles in a group.
    let mut triples: Vec<(usize, usize, usize)> = Vec::new();
    for (sentences, _) in groups {
        for &(a, sa) in sentences {
            for &(b, _) in sentences {
                if a != b {
                    triples.push((a, b, sa));
                }
            }
        }
    }
    triples.par_sort_unstable();
    triples.dedup();
    let mut directed: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for (a, b, _) in triples {
        *directed.entry((a, b)).or_default() += 1;
    }
    directed
        .iter()
        .filter(|((a, b), _)| a < b)
        .map(|(&(a, b), &n)| ((a, b), n.min(directed.get(&(b, a)).copied().unwrap_or(0))))
        .filter(|(_, n)| *n > 0)
        .collect()
}

/// Keeps the pairs `(a, b, count, ratio)` that are among the `k` strongest
/// (highest ratio, then count, then the other article's position) of `a` or
/// of `b`; returns them sorted by `(a, b)`.
fn top_k_per_article(
    pairs: Vec<(usize, usize, usize, f32)>,
    articles: usize,
    k: usize,
) -> Vec<(usize, usize, usize, f32)> {
    let mut by_article: Vec<Vec<usize>> = vec![Vec::new(); articles];
    for (i, &(a, b, _, _)) in pairs.iter().enumerate() {
        by_article[a].push(i);
        by_article[b].push(i);
    }
    let mut keep = vec![false; pairs.len()];
    for (article, list) in by_article.iter_mut().enumerate() {
        let other = |i: usize| if pairs[i].0 == article { pairs[i].1 } else { pairs[i].0 };
        list.sort_by(|&x, &y| {
            pairs[y].3.total_cmp(&pairs[x].3).then(pairs[y].2.cmp(&pairs[x].2)).then(other(x).cmp(&other(y)))
        });
        for &i in list.iter().take(k) {
            keep[i] = true;
        }
    }
    let mut out: Vec<(usize, usize, usize, f32)> =
        pairs.into_iter().zip(keep).filter(|(_, k)| *k).map(|(p, _)| p).collect();
    out.sort_by_key(|p| (p.0, p.1));
    out
}

/// Whether `word` (a lower-case word key) is one of [`STOP_WORDS`]: a hash
/// lookup, as it is asked for every word of every sentence.
pub fn is_stop_word(word: &str) -> bool {
    static SET: std::sync::LazyLock<grouping::FastSet<&'static str>> =
        std::sync::LazyLock::new(|| STOP_WORDS.iter().copied().collect());
    SET.contains(word)
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

#[cfg(test)]
mod lead_tests {
    use super::*;

    fn unit(article: usize, sentence: usize, headline: bool) -> Unit {
        Unit { headline, ..Unit::bare(article, sentence) }
    }

    #[test]
    fn an_articles_lead_is_its_first_body_sentence_with_a_unit() {
        // Article 0: headline (sentence 0), then a lead of two clause units
        // (sentence 1), then sentence 2. Article 1: its sentence 0 (a
        // dateline) holds no unit, so sentence 1 is its lead.
        let mut units = vec![
            unit(0, 0, true),
            unit(0, 1, false),
            unit(0, 1, false),
            unit(0, 2, false),
            unit(1, 1, false),
            unit(1, 3, false),
        ];
        mark_leads(&mut units, |_, _| false);
        let leads: Vec<bool> = units.iter().map(|u| u.lead).collect();
        assert_eq!(leads, [false, true, true, false, true, false]);
    }

    #[test]
    fn a_dateline_under_a_summary_marks_the_lead() {
        // Article 0 opens with a summary (sentences 0–2); its sentence 3
        // opens with a dateline. Article 1's dateline sentence is seventh,
        // too far down to be its lead.
        let mut units: Vec<Unit> = (0..5).map(|s| unit(0, s, false)).chain((0..8).map(|s| unit(1, s, false))).collect();
        mark_leads(&mut units, |article, sentence| (article, sentence) == (0, 3) || (article, sentence) == (1, 6));
        let leads: Vec<(usize, usize)> = units.iter().filter(|u| u.lead).map(|u| (u.article, u.sentence)).collect();
        assert_eq!(leads, [(0, 3), (1, 0)]);
    }

    #[test]
    fn an_articles_top_is_its_lead_and_the_next_sentences_with_units() {
        // Article 0: a summary (0, 1), its dateline lead (2), then 3, 5, 6
        // (4 holds no unit). Article 1: headline, then 1, 2 (two units), 3.
        let mut units: Vec<Unit> = [0, 1, 2, 3, 5, 6]
            .into_iter()
            .map(|s| unit(0, s, false))
            .chain([unit(1, 0, true), unit(1, 1, false), unit(1, 2, false), unit(1, 2, false), unit(1, 3, false)])
            .collect();
        mark_leads(&mut units, |article, sentence| (article, sentence) == (0, 2));
        let tops: Vec<(usize, usize)> = units.iter().filter(|u| u.top).map(|u| (u.article, u.sentence)).collect();
        assert_eq!(tops, [(0, 2), (0, 3), (0, 5), (1, 1), (1, 2), (1, 2), (1, 3)]);
    }
}

#[cfg(test)]
mod negation_tests {
    use super::Vocabulary;

    #[test]
    fn a_negation_in_a_relative_or_concessive_clause_leaves_the_statement_as_it_is() {
        let cases = [
            // A relative clause's first words, a concessive clause up to its
            // comma: the statement is not negated.
            (
                "The biggest player who doesn't have a deal in place is director Gary Ross and he is in negotiations to return.",
                false,
            ),
            (
                "Despite reports that he would not return, Gary Ross will direct the sequel of the film next spring, the studio announced.",
                false,
            ),
            ("Gary Ross will return to direct the sequel, although the studio has not signed the contract yet.", false),
            // The main clause, a reported one ("said that … not"), a negation
            // before the relative word, or far after it with no comma.
            ("Gary Ross is not returning to direct the sequel of the film next year, the studio said.", true),
            ("The studio said that Gary Ross would not return to direct the sequel of the film next year.", true),
            ("The studio did not say which director would make the sequel of the film next year.", true),
            ("Officials who spoke on condition of anonymity said the plant would not reopen before the winter.", true),
            // A unit that is mostly the aside states what the aside says.
            ("Gary Ross, who has not signed a contract with Lionsgate for the sequel, is in talks.", true),
            (
                "Despite reports that said Gary Ross would definitely not be returning to direct the sequel, he will be back.",
                true,
            ),
        ];
        let vocabulary = Vocabulary::new(cases.iter().map(|(t, _)| *t));
        for (text, negated) in cases {
            assert_eq!(vocabulary.units(text).iter().any(|u| u.negated), negated, "{text}");
        }
    }
}

#[cfg(test)]
mod plain_word_tests {
    use super::*;

    #[test]
    fn sentences_sharing_only_a_name_and_title_share_no_plain_word() {
        let texts = [
            "In March, Senate Majority Leader Mitch McConnell, who is married to a bank board member, pushed a bill.",
            "“Our assumption is that the veto will be overridden,” Senate Majority Leader Mitch McConnell said.",
            "Senators expect the veto to be overridden next week.",
            "Pack leaders say the senate majority held.",
        ];
        let vocabulary = Vocabulary::new(texts);
        let (units, terms): (Vec<RawUnit>, Vec<Vec<u32>>) = texts
            .iter()
            .map(|t| {
                let (mut units, terms) = (vocabulary.units(t), vocabulary.terms(t));
                let mut all = units.remove(0);
                for u in units {
                    all.terms.extend(u.terms);
                    all.plain.extend(u.plain);
                }
                all.terms.sort_unstable();
                all.terms.dedup();
                all.plain.sort_unstable();
                all.plain.dedup();
                (all, terms)
            })
            .unzip();
        let space = TermSpace::new(&vocabulary, &terms);
        let units: Vec<Unit> = units.into_iter().enumerate().map(|(i, raw)| space.unit(i, 0, raw)).collect();
        // The bill and the veto: "Senate Majority Leader Mitch McConnell" only.
        assert!(!space.share_a_plain_word(&units[0], &units[1]));
        // The veto, overridden: plain words.
        assert!(space.share_a_plain_word(&units[1], &units[2]));
        // "leader", "senate", "majority" in lower case in one, capitals in the
        // other: the title as written in the first is not a plain word there.
        assert!(!space.share_a_plain_word(&units[0], &units[3]));
        // The first word of a sentence counts as written plainly ("Pack"),
        // unless the folder writes it as a name.
        assert!(units[3].capitalised.is_empty(), "{:?}", units[3].capitalised);
    }
}

#[cfg(test)]
mod story_share_tests {
    use super::*;

    /// Article vectors of `stories` stories of `per_story` articles each,
    /// in story order: one term per story, so articles of one story have
    /// cosine 1 and of two stories 0.
    fn folder(stories: usize, per_story: usize) -> Vec<Vec<(u32, f32)>> {
        (0..stories * per_story).map(|a| vec![((a / per_story) as u32, 1.0)]).collect()
    }

    #[test]
    fn the_share_of_article_pairs_on_one_story_counts_the_stories() {
        assert_eq!(one_story_share(&folder(1, 5)), 1.0);
        assert_eq!(one_story_share(&folder(5, 1)), 0.0);
        // Two stories of three: 6 of the 15 pairs.
        assert_eq!(one_story_share(&folder(2, 3)), 0.4);
        assert_eq!(one_story_share(&folder(1, 1)), 1.0);
    }

    #[test]
    fn a_large_folder_is_sampled_without_favouring_neighbours_in_file_order() {
        // 40 stories of 25 articles, in story order: 24 of 999 partners
        // share an article's story. Neighbours in file order would say 0.96.
        let share = one_story_share(&folder(40, 25));
        assert!((0.01..0.04).contains(&share), "{share}");
        assert_eq!(share, one_story_share(&folder(40, 25)), "the sample is fixed");
    }

    #[test]
    fn thresholds_rise_only_in_a_folder_of_many_stories() {
        assert_eq!(mixed_folder_raise(1.0), 0.0);
        assert_eq!(mixed_folder_raise(FEW_STORIES_SHARE), 0.0);
        assert_eq!(mixed_folder_raise(0.0), MIXED_FOLDER_RAISE);
        assert_eq!(mixed_folder_raise(MANY_STORIES_SHARE), MIXED_FOLDER_RAISE);
        let between = mixed_folder_raise(0.10);
        assert!(between > 0.0 && between < MIXED_FOLDER_RAISE, "{between}");
    }
}

#[cfg(test)]
mod overlap_tests {
    use super::*;

    #[test]
    fn only_pairs_that_share_a_sentence_are_counted() {
        // Group 1: articles 0, 1 and 2; group 2: articles 0 and 1 again, with
        // two sentences of article 0.
        let groups: Vec<FactGroup> =
            vec![(vec![(0, 0), (1, 3), (2, 1)], vec![]), (vec![(0, 1), (0, 2), (1, 4)], vec![])];
        let counts = shared_counts(&groups);
        // 0–1: three sentences of 0, two of 1: the smaller, 2. Article 3 is in
        // no group and in no pair.
        assert_eq!(counts, BTreeMap::from([((0, 1), 2), ((0, 2), 1), ((1, 2), 1)]));
    }

    #[test]
    fn each_article_keeps_its_strongest_pairs() {
        // Article 0 shares with 1, 2 and 3; with k = 1 it keeps only its
        // strongest (0–2), but 0–3 stays as article 3's own strongest, and
        // 0–1 goes: it is the strongest of neither side (1 has 1–2).
        let pairs = vec![(0, 1, 1, 0.1), (0, 2, 5, 0.5), (0, 3, 2, 0.2), (1, 2, 4, 0.4)];
        let kept = top_k_per_article(pairs, 4, 1);
        assert_eq!(kept.iter().map(|p| (p.0, p.1)).collect::<Vec<_>>(), vec![(0, 2), (0, 3), (1, 2)]);
        // Ties break on the other article's position, so the result is stable.
        let tied = vec![(0, 2, 1, 0.5), (0, 1, 1, 0.5)];
        assert_eq!(top_k_per_article(tied, 3, 1).iter().map(|p| (p.0, p.1)).collect::<Vec<_>>(), vec![(0, 1), (0, 2)]);
    }
}

/// A fixed linear congruential generator for the tests' pseudo-random
/// inputs: each call gives a number under `n`.
#[cfg(test)]
pub(crate) fn seeded(mut state: u64) -> impl FnMut(u64) -> u64 {
    move |n| {
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) % n
    }
}

#[cfg(test)]
mod packed_tests {
    use super::*;

    #[test]
    fn the_candidates_by_rows_are_the_candidates_sorted_and_deduplicated() {
        // Pseudo-random pairs (a fixed linear congruential generator) in a
        // few parts, as the threads hand them over: repeats within a part
        // and across parts, rows left empty, the last row used.
        let mut next = seeded(0x2545_f491_4f6c_dd1du64);
        for round in 0..20 {
            let rows = 1 + next(300) as usize;
            let parts: Vec<Vec<(u32, u32)>> = (0..1 + round % 4)
                .map(|_| {
                    (0..next(2_000))
                        .map(|_| {
                            let x = next(rows as u64) as u32;
                            (x, x + 1 + next(40) as u32)
                        })
                        .collect()
                })
                .collect();
            let mut all: Vec<(u32, u32)> = parts.iter().flatten().copied().collect();
            all.sort_unstable();
            all.dedup();
            assert_eq!(sorted_unique_pairs(rows, &parts), all, "round {round}");
        }
    }

    #[test]
    fn dense_dot_products_are_the_sparse_ones_to_the_bit() {
        // Pseudo-random sparse vectors (a fixed linear congruential
        // generator) over a small vocabulary, so that many terms are shared,
        // some empty; each against all, twice with one scratch.
        let mut next = seeded(0x9e37_79b9_7f4a_7c15u64);
        let vectors: Vec<Vec<(u32, f32)>> = (0..60)
            .map(|_| {
                let mut terms: Vec<u32> = (0..next(80)).map(|_| next(300) as u32).collect();
                terms.sort_unstable();
                terms.dedup();
                terms.into_iter().map(|t| (t, next(1_000_000) as f32 / 7_919.0)).collect()
            })
            .collect();
        let mut dense = DenseVector::for_vectors(&vectors);
        for _ in 0..2 {
            for a in &vectors {
                let dots = dense.dots(a, vectors.iter().map(Vec::as_slice));
                let expected: Vec<u32> = vectors.iter().map(|b| sparse_dot(a, b).to_bits()).collect();
                assert_eq!(dots.iter().map(|d| d.to_bits()).collect::<Vec<_>>(), expected);
            }
        }
    }

    #[test]
    fn the_packed_scorer_scores_every_pair_as_the_units_do_to_the_bit() {
        let texts = [
            "Albanian Prime Minister Edi Rama said on Wednesday that Iran had attacked the country's servers.",
            "Iran attacked Albania's government servers in July, Prime Minister Edi Rama said on Wednesday.",
            "Tirana severed diplomatic ties with Tehran after the cyberattack on its servers.",
            "Albania cut diplomatic relations with Iran over the cyber attack on government servers.",
            "The attack did not destroy the government's data, officials said.",
            "The attack destroyed the government's data, officials said.",
            "Iran denied any role in the attack on 15 July, its foreign ministry said.",
            "Iran's foreign ministry denied a role in the attack on 17 July.",
            "Trump accused Alicia Machado of gaining weight after the pageant.",
            "Trump accused Rafael Cruz of links to the assassination of the president.",
            "Albania cuts ties with Iran over cyberattack",
            "Albania severs diplomatic ties with Iran over cyber attack",
        ];
        let vocabulary = Vocabulary::new(texts);
        let mut raw = Vec::new();
        let mut terms = Vec::new();
        for (i, t) in texts.iter().enumerate() {
            let units = if i >= 10 { vec![vocabulary.headline_unit(t)] } else { vocabulary.units(t) };
            raw.extend(units.into_iter().map(|u| (i, u)));
            terms.push(vocabulary.terms(t));
        }
        let space = TermSpace::new(&vocabulary, &terms);
        let mut units: Vec<Unit> = raw.into_iter().map(|(i, u)| space.unit(i, 0, u)).collect();
        let vectors = semantic::embed(&texts);
        for (k, u) in units.iter_mut().enumerate() {
            u.vector = (k % 7 != 3).then_some(u.article);
            u.lead = k % 3 != 2 && !u.headline;
            // Every way two eras stand: the past against the news, of one
            // year or not, and the news twice.
            u.top = k % 2 == 0;
            let (years, past, dated) = [
                (1 << 3, true, true),
                (1 << 9, false, true),
                (1 << 3 | 1 << 9, false, true),
                (1 << 4, true, true),
                (0, false, false),
            ][k % 5];
            u.era = Era { dated, years, earlier: past, past };
        }
        let scorer = Scorer { space: &space, vectors: &vectors, semantic_threshold: SEMANTIC_THRESHOLD };
        let packed = Packed::new(&units, &scorer);
        let mut raised = 0;
        for x in 0..units.len() {
            for y in 0..units.len() {
                let (want, got) = (scorer.similarity(&units[x], &units[y]), packed.similarity(x, y));
                assert_eq!(want.to_bits(), got.to_bits(), "units {x} and {y}: {want} against {got}");
                raised += usize::from(got > 0.0 && scorer.semantic(&units[x], &units[y], 1, false).is_some());
            }
        }
        assert!(raised > 0, "some pair is scored by its embeddings too");
        // Both branches of other times: parted, and one fact whose other
        // words agree.
        let (mut parted, mut agreeing) = (0, 0);
        for (x, a) in units.iter().enumerate() {
            for b in units.iter().skip(x + 1).filter(|b| a.apart_in_time(b)) {
                let (_, other_times) = space.lexical(a, b, space.shared(a, b));
                *(if other_times { &mut parted } else { &mut agreeing }) += 1;
            }
        }
        assert!(parted > 0 && agreeing > 0, "{parted} pairs parted, {agreeing} agreeing");
        // In batches, on all cores: the same scores, in pair order.
        let pairs: Vec<(u32, u32)> =
            (0..units.len() as u32).flat_map(|x| (0..units.len() as u32).map(move |y| (x, y))).collect();
        let scored = packed.score(&pairs, 0.2);
        let want: Vec<(u32, u32, f32)> = pairs
            .iter()
            .map(|&(x, y)| (x, y, scorer.similarity(&units[x as usize], &units[y as usize])))
            .filter(|p| p.2 >= 0.2)
            .collect();
        assert!(!want.is_empty() && want.len() < pairs.len());
        assert_eq!(format!("{scored:?}"), format!("{want:?}"));
    }
}
