//! The analysis data model: what one run over a folder of articles produces.
//!
//! This is the contract between the analysis modules, the exports and the
//! desktop app. It serialises to the JSON format documented in
//! `docs/analysis-format.md` (`parallax.analysis/1`). Every offset is a UTF-8
//! byte offset into the owning article's `text`, always on a char boundary.
//! Ids are stable strings derived from positions (`a0`, `a0.s3`, `g2`, …), so
//! the same folder always yields byte-identical output.

use crate::dates::Timex;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The schema tag written at the top of every export.
pub const SCHEMA: &str = "parallax.analysis/2";

/// Everything Parallax knows about one folder of articles.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Analysis {
    pub schema: String,
    /// The date the corpus is about (ISO `YYYY-MM-DD`): the day its explicit
    /// full dates agree on. Relative dates without an article date anchor here.
    pub reference_date: Option<String>,
    pub articles: Vec<Article>,
    /// Facts reported by at least two sources.
    pub groups: Vec<Group>,
    /// How the aligner read the folder as a whole. *Added in 2, session 10*:
    /// absent from older exports, read as a folder about one story.
    #[serde(default)]
    pub alignment: AlignmentInfo,
    /// Per pair of articles, how much of their text they share.
    pub overlap: Vec<PairOverlap>,
    pub quotes: Vec<Quote>,
    pub quote_clusters: Vec<QuoteCluster>,
    pub timeline: Vec<TimelineEntry>,
    pub events: Vec<TimelineEvent>,
    pub problems: Vec<Problem>,
}

/// One article file, as loaded and segmented.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Article {
    /// `a0`, `a1`, … in file-name order.
    pub id: String,
    /// Path relative to the folder, with `/` separators.
    pub file: String,
    pub title: String,
    pub source: String,
    /// ISO `YYYY-MM-DD`, from front matter or a dateline.
    pub date: Option<String>,
    pub url: Option<String>,
    /// Any other front-matter keys, verbatim.
    pub meta: BTreeMap<String, String>,
    /// The exact body text that every offset of this article refers to
    /// (front matter removed, everything else verbatim).
    pub text: String,
    /// Byte range of the headline inside `text`, when it is part of the body.
    pub title_span: Option<Span>,
    /// Lines that are not article prose ("3 mins read", "Source link", a
    /// site name alone). Kept for display, left out of the analysis.
    pub boilerplate: Vec<Span>,
    pub sentences: Vec<Sentence>,
    /// Ids of the sentences no other source reports (this source's
    /// exclusive material).
    pub exclusive: Vec<String>,
    /// Other files holding the very same story (same prose), merged into
    /// this article rather than counted again.
    #[serde(default)]
    pub duplicate_files: Vec<String>,
    /// Ids of other articles whose text is nearly the same (a copy with
    /// small edits), with the share of word 5-grams they have in common.
    #[serde(default)]
    pub near_copies: Vec<NearCopy>,
}

/// Another article that is a copy of this one with small edits.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct NearCopy {
    pub article: String,
    /// Jaccard similarity of the two texts' word 5-gram sets, 0–1.
    pub similarity: f32,
}

/// A byte range `[start, end)` into an article's text.
#[derive(Clone, Copy, Debug, Default, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// One sentence of an article's prose.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Sentence {
    /// `a0.s3`: article id, then index within the article.
    pub id: String,
    pub start: usize,
    pub end: usize,
    /// Index of the paragraph (blank-line or line-break separated block).
    pub paragraph: usize,
    /// The groups this sentence belongs to: the facts another source
    /// reports too. A sentence carrying several facts can be in several.
    pub groups: Vec<String>,
    /// True for the article's headline (its `title_span`), which is listed
    /// after the prose sentences so that their ids keep their numbers.
    /// Written only when true.
    #[serde(default, skip_serializing_if = "is_false")]
    pub headline: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A fact reported by two or more sources.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Group {
    /// `g0`, `g1`, … in story order (position of the base sentence).
    pub id: String,
    /// Member sentence ids, in article order, from at least two articles.
    pub sentences: Vec<String>,
    /// The member every other member is diffed against.
    pub base: String,
    /// Mean pairwise similarity of the members (0–1).
    pub cohesion: f32,
    /// True for the headline group: its members are the headlines of the
    /// sources, compared like any other fact. Written only when true.
    #[serde(default, skip_serializing_if = "is_false")]
    pub headline: bool,
    /// Word diff of every non-base member against the base. Not written
    /// into the JSON since `parallax.analysis/2` (it was most of a large
    /// export): [`crate::import`] computes it again from the texts.
    #[serde(default, skip_serializing)]
    pub diffs: Vec<MemberDiff>,
    pub discrepancies: Vec<Discrepancy>,
}

/// How a group member is worded against the base.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Wording {
    /// Most words shared, in order: a near-copy of the base.
    Copied,
    /// The same fact in the member's own words.
    Reworded,
}

/// The word-level difference of one text against a base text.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct MemberDiff {
    /// The sentence (or quote) id being compared.
    pub member: String,
    /// The id it is compared against.
    pub base: String,
    /// Share of the member's words that also appear in the base, in order.
    pub similarity: f32,
    pub ops: Vec<DiffOp>,
    /// For group members: whether the member is a near-copy of the base or
    /// the same fact reworded. Absent for quote variants.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wording: Option<Wording>,
    /// For group members: whether `align::restate` judges that the member
    /// says what the base says (`true`) or not (`false`: it may say more,
    /// less or other things). `None` when not judged (quote variants, a
    /// `/1` export, no sentence model).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restates: Option<bool>,
}

impl MemberDiff {
    /// A "paraphrase": reworded, and judged to restate the base. The card,
    /// the reports and the tooltips call it so.
    pub fn is_paraphrase(&self) -> bool {
        self.wording == Some(Wording::Reworded) && self.restates == Some(true)
    }
}

/// What one run of words is, relative to the base.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum DiffKind {
    /// The same words (ignoring case and punctuation) in both.
    Equal,
    /// Words only the member has.
    Insert,
    /// Words only the base has.
    Delete,
}

/// A run of words. `member` is a span in the member's article text (for
/// `equal` and `insert`); `base` a span in the base's article text (for
/// `equal` and `delete`). `text` is the run as written (member wording for
/// equal and insert, base wording for delete).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct DiffOp {
    pub kind: DiffKind,
    pub text: String,
    pub member: Option<Span>,
    pub base: Option<Span>,
}

/// Members of one group that disagree on a number or a date.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Discrepancy {
    pub kind: DiscrepancyKind,
    /// What the values count or date, as the comparison keys them: the
    /// stemmed word counted (`member`), `year old <person>` for an age,
    /// `month MM` for a date, empty for a year. [`Discrepancy::label`] is
    /// what a reader is shown.
    pub about: String,
    /// For a number, the word it counts as written, lower-case: the head of
    /// the phrase after the number ("three undersea cables": `cables`).
    /// Empty for an age, a year or a date, and in exports written before it
    /// was added (session 7).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub counted: String,
    /// One value per member that states it; at least two distinct values.
    pub values: Vec<DiscrepancyValue>,
}

impl Discrepancy {
    /// What the values are, in words a reader can take: the counted word,
    /// or `age`, `date`, `year`, `number`. The card, the reports and the
    /// tables all name a discrepancy by this.
    pub fn label(&self) -> &str {
        match self.kind {
            DiscrepancyKind::Year => "year",
            DiscrepancyKind::Date => "date",
            DiscrepancyKind::Number if self.about.contains(" old ") => "age",
            DiscrepancyKind::Number if !self.counted.is_empty() => &self.counted,
            DiscrepancyKind::Number if self.about.is_empty() => "number",
            DiscrepancyKind::Number => &self.about,
        }
    }
}

/// What a discrepancy is about, serialised as `number`, `year` or `date`.
#[derive(Clone, Copy, Debug, Default, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "lowercase")]
pub enum DiscrepancyKind {
    /// A count of something (`3,000 members`).
    #[default]
    Number,
    /// A year on its own (`since 2014`).
    Year,
    /// A month or a day (`July 15`).
    Date,
}

impl DiscrepancyKind {
    /// The name used in the JSON and shown when there is no `about`.
    pub fn as_str(self) -> &'static str {
        match self {
            DiscrepancyKind::Number => "number",
            DiscrepancyKind::Year => "year",
            DiscrepancyKind::Date => "date",
        }
    }
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct DiscrepancyValue {
    pub sentence: String,
    pub start: usize,
    pub end: usize,
    /// As written, e.g. `some 3,000`.
    pub text: String,
    /// Normalised, e.g. `3000` or `2014`.
    pub value: String,
}

/// What the aligner found about the folder as a whole.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct AlignmentInfo {
    /// Share (0–1, three decimals) of the article pairs that report one
    /// story: near 1 in a folder about one event, about 1/k in a folder of
    /// k stories. Above 200 articles, measured on a fixed sample of pairs.
    pub one_story_share: f32,
    /// How much every similarity threshold rose because the folder holds
    /// many stories (0 when it holds one or a few): only closely worded
    /// sentences are grouped then.
    pub threshold_raise: f32,
}

impl Default for AlignmentInfo {
    /// A folder about one story: no threshold raised.
    fn default() -> Self {
        Self { one_story_share: 1.0, threshold_raise: 0.0 }
    }
}

/// Shared text between two articles.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct PairOverlap {
    pub a: String,
    pub b: String,
    /// Sentences of `a` grouped with a sentence of `b`.
    pub shared_sentences: usize,
    /// Share (0–1) of the smaller article's sentences that are shared.
    pub shared_ratio: f32,
}

/// How much of a quotation an outlet carried.
#[derive(Clone, Copy, Debug, Default, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A full direct quotation.
    #[default]
    Direct,
    /// A fragment quoted inside the writer's own sentence.
    Partial,
    /// A scare quote: one to three words in quotation marks (see
    /// `docs/quotes.md`). Never the base of a cluster.
    Scare,
    /// Reported speech without quotation marks ("Clinton said that …",
    /// "according to officials, …"): the span is the reported content.
    Indirect,
}

/// One quotation found in one article.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Quote {
    /// `a0.q2`.
    pub id: String,
    pub article: String,
    /// The sentence the quotation starts in.
    pub sentence: Option<String>,
    /// Span of the quoted words, without the quotation marks.
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: QuoteKind,
    /// Canonical speaker name, e.g. `Edi Rama`.
    pub speaker: Option<String>,
    /// The attribution cue as written, e.g. `Rama said`.
    pub cue: Option<String>,
    pub cluster: Option<String>,
}

/// The same words quoted by one or more outlets.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct QuoteCluster {
    /// `qc0`, `qc1`, …
    pub id: String,
    pub speaker: Option<String>,
    pub quotes: Vec<String>,
    /// The longest variant in quotation marks (the longest reported one when
    /// none is marked); the others are diffed against it.
    pub base: String,
    pub diffs: Vec<MemberDiff>,
}

/// Where a timeline entry comes from.
#[derive(Clone, Copy, Debug, Default, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum EntryKind {
    /// A date expression found in the text.
    #[default]
    Mention,
    /// The article's own publication date.
    Published,
}

/// One date mention (or article date).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct TimelineEntry {
    /// `a0.t1`.
    pub id: String,
    pub article: String,
    pub kind: EntryKind,
    pub sentence: Option<String>,
    pub start: Option<usize>,
    pub end: Option<usize>,
    /// The expression as written (for `published`, the date itself).
    pub text: String,
    /// TIMEX3-style value: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (`XXXX` for an
    /// unknown year), serialised as that string.
    pub value: Timex,
    /// True for vague forms such as `mid-July` or `late last year`.
    pub fuzzy: bool,
    /// True when a numeric date could be read two ways and nothing decided;
    /// `value` then holds the month-first reading.
    pub ambiguous: bool,
    /// The other (day-first) reading of an ambiguous numeric date.
    pub alternative: Option<Timex>,
    pub event: Option<String>,
}

impl TimelineEntry {
    /// An entry with this kind, value and text; no id, article, span or
    /// event yet, and not fuzzy or ambiguous.
    pub fn new(kind: EntryKind, value: Timex, text: String) -> Self {
        Self {
            id: String::new(),
            article: String::new(),
            kind,
            sentence: None,
            start: None,
            end: None,
            text,
            value,
            fuzzy: false,
            ambiguous: false,
            alternative: None,
            event: None,
        }
    }
}

/// Mentions of the same value across sources. Events are per exact value:
/// a month's event does not list the mentions of its days (`2022-07` and
/// `2022-07-15` are two events; a view can nest them by value prefix).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct TimelineEvent {
    /// `e0`, `e1`, … in chronological order.
    pub id: String,
    pub value: Timex,
    pub entries: Vec<String>,
    /// Article ids that mention it.
    pub articles: Vec<String>,
}

/// A file that could not be read, or something odd about one.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Problem {
    pub file: String,
    pub message: String,
    /// True when the file is not in the analysis (unreadable, empty, binary,
    /// too large, or the same story as another file); false when it was
    /// loaded with a doubt (a guessed encoding, an unreadable date…).
    #[serde(default)]
    pub skipped: bool,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start >= self.end
    }
}

impl Article {
    /// The text of a span of this article.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.start..span.end]
    }

    pub fn sentence_text(&self, sentence: &Sentence) -> &str {
        &self.text[sentence.start..sentence.end]
    }

    /// One of its sentences by id (`a3.s7`): the analysis numbers them in
    /// order, so the sentence at the number the id names is tried first;
    /// an id it does not hold (a file written otherwise) is searched for.
    /// Ids are unique in an analysis (an opened file is checked), so both
    /// ways find the same sentence.
    pub fn sentence_by_id(&self, id: &str) -> Option<&Sentence> {
        let at = id.rsplit_once(".s").and_then(|(_, n)| n.parse::<usize>().ok());
        at.and_then(|i| self.sentences.get(i))
            .filter(|s| s.id == id)
            .or_else(|| self.sentences.iter().find(|s| s.id == id))
    }
}

impl Analysis {
    /// Looks up an article by id. The analysis numbers its articles in
    /// order (`a7` is the eighth), so the article at that index is tried
    /// first; an id it does not hold (a file written otherwise) is searched
    /// for. Ids are unique (an opened file is checked), so both ways find
    /// the same article.
    pub fn article(&self, id: &str) -> Option<&Article> {
        let at = id.strip_prefix('a').and_then(|n| n.parse::<usize>().ok());
        at.and_then(|i| self.articles.get(i))
            .filter(|a| a.id == id)
            .or_else(|| self.articles.iter().find(|a| a.id == id))
    }

    /// Looks up a sentence by id (`a0.s3`), with its article, by index
    /// first ([`Self::article`], [`Article::sentence_by_id`]): the reports
    /// and an opened export look members up by id many thousand times in a
    /// large folder.
    pub fn sentence(&self, id: &str) -> Option<(&Article, &Sentence)> {
        let article = self.article(article_id_of(id))?;
        Some((article, article.sentence_by_id(id)?))
    }

    /// The text of a sentence by id.
    pub fn sentence_text(&self, id: &str) -> Option<&str> {
        self.sentence(id).map(|(a, s)| a.sentence_text(s))
    }

    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }
}

/// The article id of a sentence, quote or timeline-entry id: `a3.s7` → `a3`
/// (an id without a dot is returned whole).
pub fn article_id_of(id: &str) -> &str {
    id.split_once('.').map_or(id, |(article, _)| article)
}

/// The distinct articles (sources) of a set of sentence ids, in the order
/// they first appear.
pub fn articles_of<'a>(sentences: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut articles: Vec<&str> = Vec::new();
    for article in sentences.into_iter().map(article_id_of) {
        if !articles.contains(&article) {
            articles.push(article);
        }
    }
    articles
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_discrepancy_is_labelled_in_words_not_by_its_comparison_key() {
        let d = |kind, about: &str| Discrepancy { kind, about: about.to_string(), ..Discrepancy::default() };
        assert_eq!(d(DiscrepancyKind::Number, "member").label(), "member");
        assert_eq!(d(DiscrepancyKind::Number, "year old klitschko").label(), "age");
        assert_eq!(d(DiscrepancyKind::Number, "").label(), "number");
        assert_eq!(d(DiscrepancyKind::Date, "month 07").label(), "date");
        assert_eq!(d(DiscrepancyKind::Year, "").label(), "year");
        let cables = Discrepancy { counted: "cables".into(), ..d(DiscrepancyKind::Number, "cabl") };
        assert_eq!(cables.label(), "cables");
    }

    #[test]
    fn ids_name_their_article() {
        assert_eq!(article_id_of("a3.s7"), "a3");
        assert_eq!(article_id_of("a12.q0"), "a12");
        assert_eq!(article_id_of("a3"), "a3");
        assert_eq!(articles_of(["a1.s0", "a1.s4", "a0.s2", "a1.s5"]), vec!["a1", "a0"]);
    }

    #[test]
    fn sentences_are_found_by_their_number_or_else_by_a_search() {
        let sentence = |id: &str| Sentence { id: id.into(), ..Sentence::default() };
        let article = |id: &str, sentences: &[&str]| Article {
            id: id.into(),
            sentences: sentences.iter().map(|s| sentence(s)).collect(),
            ..Article::default()
        };
        // As the analysis numbers them, and as a file written otherwise
        // might: out of order, or with ids that are not numbers.
        let analysis = Analysis {
            articles: vec![
                article("a0", &["a0.s0", "a0.s1"]),
                article("a2", &["a2.s1", "a2.s0"]),
                article("x", &["x.s0", "x.first"]),
            ],
            ..Analysis::default()
        };
        let found = |id: &str| analysis.sentence(id).map(|(a, s)| (a.id.as_str(), s.id.as_str()));
        assert_eq!(found("a0.s1"), Some(("a0", "a0.s1")));
        assert_eq!(found("a2.s0"), Some(("a2", "a2.s0")));
        assert_eq!(found("a2.s1"), Some(("a2", "a2.s1")));
        assert_eq!(found("x.first"), Some(("x", "x.first")));
        assert_eq!(found("a0.s2"), None);
        assert_eq!(found("a1.s0"), None);
        assert_eq!(analysis.article("a2").map(|a| a.id.as_str()), Some("a2"));
        assert_eq!(analysis.article("x").map(|a| a.id.as_str()), Some("x"));
        assert!(analysis.article("a1").is_none());
    }

    #[test]
    fn discrepancy_kinds_serialise_as_before() {
        for kind in [DiscrepancyKind::Number, DiscrepancyKind::Year, DiscrepancyKind::Date] {
            assert_eq!(serde_json::to_string(&kind).ok(), Some(format!("\"{}\"", kind.as_str())));
        }
    }
}
