//! Reports: the comparison as HTML, Markdown, CSV, SVG and a passim corpus.
//!
//! Analysis-only (no egui): every format is built from an [`Analysis`] and a
//! [`View`], the filter the app shows (the selected date, the search text,
//! the hidden sources). The app's "Export report…" and `parallax export`
//! call the same [`render`], so both write the same bytes. [`Scope`] applies
//! the view once; the format modules only lay out what it kept. The PNG of
//! the view needs the app's drawing code and lives in `app::offscreen`.
//!
//! Reports are deterministic: no time stamps, and everything in story or id
//! order.

pub mod csv;
pub mod html;
pub mod jsonl;
pub mod markdown;
pub mod svg;

use crate::dates::Timex;
use crate::model::{Analysis, DiffKind, Group, MemberDiff, Quote, QuoteCluster, Span, TimelineEntry, TimelineEvent};
use std::collections::{BTreeSet, HashSet};

/// What the app shows: the whole story, or a filtered part of it. The same
/// rules as the app's alignment list (`app::Workspace::visible_items`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct View {
    /// Only what mentions this timeline event (an event id, `e3`); a month
    /// or a year takes in its days and months.
    pub event: Option<String>,
    /// Only facts, quotes and dates whose sentence or source contains this
    /// text (case-insensitive).
    pub search: String,
    /// Article ids left out.
    pub hidden: BTreeSet<String>,
}

impl View {
    /// The whole story.
    pub fn whole() -> Self {
        Self::default()
    }

    pub fn is_whole(&self) -> bool {
        self.event.is_none() && self.search.trim().is_empty() && self.hidden.is_empty()
    }

    /// A sentence describing the filter, or `None` for the whole story.
    pub fn describe(&self, analysis: &Analysis) -> Option<String> {
        if self.is_whole() {
            return None;
        }
        let mut parts = Vec::new();
        if let Some(event) = analysis.events.iter().find(|e| Some(&e.id) == self.event.as_ref()) {
            parts.push(format!("only what mentions {}", event.value.label()));
        }
        if !self.search.trim().is_empty() {
            parts.push(format!("only what contains “{}”", self.search.trim()));
        }
        let hidden: Vec<&str> =
            analysis.articles.iter().filter(|a| self.hidden.contains(&a.id)).map(|a| a.source.as_str()).collect();
        if !hidden.is_empty() {
            parts.push(format!("without {}", hidden.join(", ")));
        }
        Some(format!("Filtered view: {}.", parts.join("; ")))
    }
}

/// What a report is about and how it is filtered.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The story's name, for titles (the folder's name).
    pub title: String,
    pub view: View,
}

/// What a [`View`] keeps of an analysis, in story order. Built once per
/// report; every format lays out exactly this.
pub struct Scope<'a> {
    pub analysis: &'a Analysis,
    pub view: &'a View,
    /// Positions (into `analysis.articles`) of the sources shown.
    pub articles: Vec<usize>,
    /// Groups kept, with their members from shown sources.
    pub groups: Vec<(&'a Group, Vec<&'a str>)>,
    /// Per shown article, its exclusive sentences kept (ids).
    pub exclusives: Vec<(usize, Vec<&'a str>)>,
    /// Quote clusters kept, with their kept quotes.
    pub clusters: Vec<(&'a QuoteCluster, Vec<&'a Quote>)>,
    /// Every quote kept, clustered or not, in id order of the analysis.
    pub quotes: Vec<&'a Quote>,
    /// Timeline entries kept.
    pub entries: Vec<&'a TimelineEntry>,
    /// Events with at least one kept entry, with those entries.
    pub events: Vec<(&'a TimelineEvent, Vec<&'a TimelineEntry>)>,
}

fn article_of(id: &str) -> &str {
    id.split_once('.').map_or(id, |(a, _)| a)
}

impl<'a> Scope<'a> {
    pub fn new(analysis: &'a Analysis, view: &'a View) -> Self {
        let visible = |article: &str| !view.hidden.contains(article);
        let articles: Vec<usize> =
            analysis.articles.iter().enumerate().filter(|(_, a)| visible(&a.id)).map(|(i, _)| i).collect();
        let needle = view.search.trim().to_lowercase();
        let event_entries: Option<HashSet<&str>> = view.event.as_deref().map(|e| event_entries(analysis, e));
        let event_sentences: Option<HashSet<&str>> = event_entries.as_ref().map(|entries| {
            analysis
                .timeline
                .iter()
                .filter(|t| entries.contains(t.id.as_str()))
                .filter_map(|t| t.sentence.as_deref())
                .collect()
        });
        let source_hit =
            |article: &str| analysis.article(article).is_some_and(|a| a.source.to_lowercase().contains(&needle));
        let sentence_hit = |id: &str| {
            source_hit(article_of(id)) || analysis.sentence_text(id).is_some_and(|t| t.to_lowercase().contains(&needle))
        };
        let keep = |sentences: &[&str]| {
            !sentences.is_empty()
                && event_sentences.as_ref().is_none_or(|set| sentences.iter().any(|s| set.contains(s)))
                && (needle.is_empty() || sentences.iter().any(|s| sentence_hit(s)))
        };

        let groups = analysis
            .groups
            .iter()
            .filter_map(|g| {
                let members: Vec<&str> =
                    g.sentences.iter().map(String::as_str).filter(|s| visible(article_of(s))).collect();
                keep(&members).then_some((g, members))
            })
            .collect();
        let exclusives = articles
            .iter()
            .map(|&a| {
                let article = &analysis.articles[a];
                let kept = article
                    .sentences
                    .iter()
                    .filter(|s| s.groups.is_empty() && article.exclusive.contains(&s.id))
                    .map(|s| s.id.as_str())
                    .filter(|id| keep(&[id]))
                    .collect();
                (a, kept)
            })
            .collect();

        let quote_kept = |q: &Quote| {
            visible(&q.article)
                && event_sentences.as_ref().is_none_or(|set| q.sentence.as_deref().is_some_and(|s| set.contains(s)))
                && (needle.is_empty()
                    || q.text.to_lowercase().contains(&needle)
                    || q.speaker.as_deref().is_some_and(|s| s.to_lowercase().contains(&needle))
                    || source_hit(&q.article)
                    || q.sentence.as_deref().is_some_and(sentence_hit))
        };
        let quotes: Vec<&Quote> = analysis.quotes.iter().filter(|q| quote_kept(q)).collect();
        let kept_ids: HashSet<&str> = quotes.iter().map(|q| q.id.as_str()).collect();
        let clusters = analysis
            .quote_clusters
            .iter()
            .filter_map(|c| {
                let members: Vec<&Quote> = c
                    .quotes
                    .iter()
                    .filter(|q| kept_ids.contains(q.as_str()))
                    .filter_map(|q| analysis.quotes.iter().find(|x| &x.id == q))
                    .collect();
                (!members.is_empty()).then_some((c, members))
            })
            .collect();

        let entry_kept = |t: &TimelineEntry| {
            visible(&t.article)
                && event_entries.as_ref().is_none_or(|set| set.contains(t.id.as_str()))
                && (needle.is_empty()
                    || t.text.to_lowercase().contains(&needle)
                    || source_hit(&t.article)
                    || t.sentence.as_deref().is_some_and(sentence_hit))
        };
        let entries: Vec<&TimelineEntry> = analysis.timeline.iter().filter(|t| entry_kept(t)).collect();
        let entry_ids: HashSet<&str> = entries.iter().map(|t| t.id.as_str()).collect();
        let events = analysis
            .events
            .iter()
            .filter_map(|e| {
                let kept: Vec<&TimelineEntry> = e
                    .entries
                    .iter()
                    .filter(|id| entry_ids.contains(id.as_str()))
                    .filter_map(|id| analysis.timeline.iter().find(|t| &t.id == id))
                    .collect();
                (!kept.is_empty()).then_some((e, kept))
            })
            .collect();
        Self { analysis, view, articles, groups, exclusives, clusters, quotes, entries, events }
    }

    /// The position of an article (by id) in the folder, which picks its colour.
    pub fn position(&self, article: &str) -> usize {
        self.analysis.articles.iter().position(|a| a.id == article).unwrap_or(0)
    }

    /// The source name of the article a sentence, quote or entry id belongs to.
    pub fn source_of(&self, id: &str) -> &'a str {
        self.analysis.article(article_of(id)).map_or("", |a| a.source.as_str())
    }

    /// How many distinct sources these member sentences come from.
    pub fn sources_in(members: &[&str]) -> usize {
        members.iter().map(|m| article_of(m)).collect::<BTreeSet<_>>().len()
    }

    /// Groups with at least one discrepancy.
    pub fn discrepant(&self) -> impl Iterator<Item = &(&'a Group, Vec<&'a str>)> {
        self.groups.iter().filter(|(g, _)| !g.discrepancies.is_empty())
    }
}

/// The timeline entries an event stands for: its own, and those of the
/// events inside it (`2022-07` takes in `2022-07-15`).
fn event_entries<'a>(analysis: &'a Analysis, event_id: &str) -> HashSet<&'a str> {
    let Some(event) = analysis.events.iter().find(|e| e.id == event_id) else {
        return HashSet::new();
    };
    analysis
        .events
        .iter()
        .filter(|e| e.id == event.id || event.value.encloses(e.value))
        .flat_map(|e| e.entries.iter().map(String::as_str))
        .collect()
}

/// One run of a sentence as drawn in the app's alignment cards.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Text of the sentence: `inserted` words only this member has,
    /// `discrepancy` a value the sources state differently.
    Text { text: &'a str, inserted: bool, discrepancy: bool },
    /// Words only the base has, struck through where they would have been.
    /// `at_start` puts the separating space after them instead of before.
    Deleted { text: &'a str, at_start: bool },
    /// A long run of the base's words, shown as a count.
    DeletedWords { words: usize, at_start: bool },
}

/// Deleted runs longer than this are shown as a word count (as in the app).
pub const LONG_DELETION_WORDS: usize = 5;

/// The text `span` of `article_text` with its diff against the base drawn
/// in (for the base itself, `diff` is `None`), and `marks` (discrepancy
/// spans) split out. The same reading as the app's `rich::diff_job`.
pub fn diff_pieces<'a>(
    article_text: &'a str,
    span: Span,
    diff: Option<&'a MemberDiff>,
    marks: &[Span],
) -> Vec<Piece<'a>> {
    let mut out = Vec::new();
    let mut pos = span.start;
    for op in diff.map(|d| d.ops.as_slice()).unwrap_or_default() {
        match (op.kind, op.member) {
            (DiffKind::Equal | DiffKind::Insert, Some(run)) if run.start >= pos && run.end <= span.end => {
                push_text(&mut out, article_text, Span::new(pos, run.start), false, marks);
                push_text(&mut out, article_text, run, op.kind == DiffKind::Insert, marks);
                pos = run.end;
            }
            (DiffKind::Delete, _) => {
                let words = op.text.split_whitespace().count();
                let at_start = pos == span.start;
                if words > LONG_DELETION_WORDS {
                    out.push(Piece::DeletedWords { words, at_start });
                } else if words > 0 {
                    out.push(Piece::Deleted { text: op.text.trim(), at_start });
                }
            }
            _ => {}
        }
    }
    push_text(&mut out, article_text, Span::new(pos, span.end), false, marks);
    out
}

fn push_text<'a>(out: &mut Vec<Piece<'a>>, text: &'a str, span: Span, inserted: bool, marks: &[Span]) {
    if span.is_empty() {
        return;
    }
    let mut cuts = vec![span.start, span.end];
    for m in marks {
        for at in [m.start, m.end] {
            if at > span.start && at < span.end && text.is_char_boundary(at) {
                cuts.push(at);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    for pair in cuts.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        let discrepancy = marks.iter().any(|m| m.start < to && m.end > from);
        out.push(Piece::Text { text: &text[from..to], inserted, discrepancy });
    }
}

/// What a report says of a member beside its source, as the app's card
/// labels it: the base, a paraphrase (reworded, judged to restate the
/// base), or nothing.
pub fn member_role(group: &Group, member: &str) -> Option<&'static str> {
    let diff = group.diffs.iter().find(|d| d.member == member);
    if group.base == member {
        Some("base")
    } else if diff.is_some_and(MemberDiff::is_paraphrase) {
        Some("paraphrase")
    } else {
        None
    }
}

/// The pieces of one member of a group, as its alignment card line shows it.
pub fn member_pieces<'a>(analysis: &'a Analysis, group: &'a Group, member: &str) -> Vec<Piece<'a>> {
    let Some((article, sentence)) = analysis.sentence(member) else {
        return Vec::new();
    };
    let marks: Vec<Span> = group
        .discrepancies
        .iter()
        .flat_map(|d| &d.values)
        .filter(|v| v.sentence == member)
        .map(|v| Span::new(v.start, v.end))
        .collect();
    let diff = if group.base == member { None } else { group.diffs.iter().find(|d| d.member == member) };
    diff_pieces(&article.text, Span::new(sentence.start, sentence.end), diff, &marks)
}

/// The pieces of one quote of a cluster, diffed against the cluster's base.
pub fn quote_pieces<'a>(analysis: &'a Analysis, cluster: &'a QuoteCluster, quote: &'a Quote) -> Vec<Piece<'a>> {
    let Some(article) = analysis.article(&quote.article) else {
        return Vec::new();
    };
    let diff = if cluster.base == quote.id { None } else { cluster.diffs.iter().find(|d| d.member == quote.id) };
    diff_pieces(&article.text, Span::new(quote.start, quote.end), diff, &[])
}

/// The lower-case name a model enum serialises to (`direct`, `mention`):
/// one spelling for the JSON and every report, and new kinds need no change
/// here.
/// A sentence for a report on a folder of many stories, where the aligner
/// groups only closely worded sentences (`Analysis::alignment`); `None` for a
/// folder about one or a few stories.
pub fn many_stories_note(analysis: &Analysis) -> Option<String> {
    let info = &analysis.alignment;
    (info.threshold_raise > 0.0).then(|| {
        format!(
            "This folder holds many stories ({:.0}% of the article pairs report the same one), so only closely \
             worded sentences are grouped as one fact.",
            info.one_story_share * 100.0
        )
    })
}

pub fn kind_name<T: serde::Serialize>(kind: &T) -> String {
    match serde_json::to_value(kind) {
        Ok(serde_json::Value::String(name)) => name,
        _ => String::new(),
    }
}

/// A date string from the model (`2022-09-07`, `2022-07`) as a reader sees
/// it (`7 Sep 2022`, `July 2022`); anything else as it is.
pub fn format_value(value: &str) -> String {
    value.parse::<Timex>().map_or_else(|_| value.to_string(), Timex::label)
}

/// The first and last day (days since the common era) a value covers;
/// `None` when its year is unknown.
pub fn value_days(value: Timex) -> Option<(i32, i32)> {
    use chrono::Datelike as _;
    let (first, last) = value.days()?;
    Some((first.num_days_from_ce(), last.num_days_from_ce()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DiffOp;

    #[test]
    fn pieces_follow_the_apps_diff_reading() {
        let text = "Albania cut ties with Iran today, 3,000 said.";
        let op = |kind, t: &str, member: Option<(usize, usize)>| DiffOp {
            kind,
            text: t.into(),
            member: member.map(|(a, b)| Span::new(a, b)),
            base: None,
        };
        let diff = MemberDiff {
            member: "a1.s0".into(),
            base: "a0.s0".into(),
            similarity: 0.8,
            wording: None,
            restates: None,
            ops: vec![
                op(DiffKind::Delete, "The", None),
                op(DiffKind::Equal, "Albania", Some((0, 7))),
                op(DiffKind::Delete, "has severed", None),
                op(DiffKind::Insert, "cut", Some((8, 11))),
                op(DiffKind::Equal, "ties with Iran", Some((12, 26))),
                op(DiffKind::Insert, "today", Some((27, 32))),
            ],
        };
        let pieces = diff_pieces(text, Span::new(0, text.len()), Some(&diff), &[Span::new(34, 39)]);
        assert_eq!(pieces[0], Piece::Deleted { text: "The", at_start: true });
        assert!(pieces.contains(&Piece::Deleted { text: "has severed", at_start: false }));
        assert!(pieces.contains(&Piece::Text { text: "cut", inserted: true, discrepancy: false }));
        assert!(pieces.contains(&Piece::Text { text: "3,000", inserted: false, discrepancy: true }));
        let kept: String = pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Text { text, .. } => Some(*text),
                _ => None,
            })
            .collect();
        assert_eq!(kept, text, "the member's own text is all there, in order");
    }

    #[test]
    fn values_read_naturally_and_cover_their_period() {
        assert_eq!(format_value("2022-09-07"), "7 Sep 2022");
        assert_eq!(format_value("2022-07"), "July 2022");
        assert_eq!(format_value("2022"), "2022");
        let (a, b) = value_days("2022-02".parse().unwrap()).unwrap();
        assert_eq!(b - a, 27);
    }

    #[test]
    fn a_view_keeps_what_the_app_would_show() {
        let analysis = crate::analysis::analyze_sample();
        let whole = View::whole();
        let all = Scope::new(&analysis, &whole);
        assert_eq!(all.groups.len(), analysis.groups.len());
        assert_eq!(all.quotes.len(), analysis.quotes.len());
        let first = analysis.articles[0].id.clone();
        let view = View { hidden: [first.clone()].into(), ..View::default() };
        let scope = Scope::new(&analysis, &view);
        assert!(scope.groups.iter().all(|(_, m)| m.iter().all(|s| article_of(s) != first)));
        assert!(scope.quotes.iter().all(|q| q.article != first));
        let search = View { search: "no such words anywhere".into(), ..View::default() };
        assert!(Scope::new(&analysis, &search).groups.is_empty());
    }
}
