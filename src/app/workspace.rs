//! One opened story at run time: the analysis, the lookups the panes need,
//! and what the user has selected and filtered. Nothing here is persisted.
//!
//! Selection lives here, in one place, so every pane shows the same thing:
//! a group picked in the timeline, the reader or the quote panel is the group
//! highlighted in the alignment.

use crate::dates::{Timex, parse_iso_day};
use crate::model::{
    Analysis, Article, EntryKind, Group, PairOverlap, Quote, QuoteKind, Sentence, Span, article_id_of, articles_of,
};
use eframe::egui::Color32;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use super::SortOrder;
use super::theme;
use super::virtual_list::{RowHeights, Shown};

/// Where the story came from.
#[derive(Clone, Debug, PartialEq)]
pub enum Origin {
    Folder(PathBuf),
    Files(Vec<PathBuf>),
    Sample,
}

impl Origin {
    /// A short name for titles and file names.
    pub fn name(&self) -> String {
        match self {
            Origin::Folder(path) => {
                path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
            }
            Origin::Files(paths) => match paths.first().and_then(|p| p.parent()).and_then(|p| p.file_name()) {
                Some(parent) => format!("{} ({} files)", parent.to_string_lossy(), paths.len()),
                None => format!("{} files", paths.len()),
            },
            Origin::Sample => "Sample story".to_string(),
        }
    }

    /// The folders the articles live in: Parallax never writes there.
    pub fn article_folders(&self) -> Vec<&Path> {
        match self {
            Origin::Folder(path) => vec![path.as_path()],
            Origin::Files(paths) => {
                let mut dirs: Vec<&Path> = paths.iter().filter_map(|p| p.parent()).collect();
                dirs.sort();
                dirs.dedup();
                dirs
            }
            Origin::Sample => Vec::new(),
        }
    }
}

/// One entry of the alignment list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Item {
    /// A group, by index into `analysis.groups`.
    Group(usize),
    /// A sentence only one source has: article index, sentence index.
    Exclusive(usize, usize),
}

/// Everything the alignment list depends on.
#[derive(Clone, Debug, PartialEq)]
struct ItemsKey {
    search: String,
    event: Option<String>,
    hidden: BTreeSet<String>,
    sort: SortOrder,
    show_exclusive: bool,
}

/// What is selected, shared by all panes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Selection {
    pub group: Option<usize>,
    /// A quote cluster id, or a quote id for a quote in no cluster.
    pub quote: Option<String>,
    /// The sentence last clicked or selected, shown in the reader.
    pub sentence: Option<String>,
}

/// The selection and filters, by file and sentence text rather than by id,
/// so they survive a reload of a folder whose files changed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Kept {
    hidden_files: BTreeSet<String>,
    reader_file: Option<String>,
    /// The selected group's members: (file, sentence text).
    group_members: Vec<(String, String)>,
    sentence: Option<(String, String)>,
    /// The selected quote: (file, quoted words); found again by those, as
    /// quote and cluster ids change when files come and go.
    quote: Option<(String, String)>,
    search: String,
    /// The filtered timeline event, by value ("2022-09-07").
    event: Option<String>,
}

/// How many members a large card shows before it is opened
/// ([`Workspace::shown_members`]).
pub const CARD_MEMBERS_SHOWN: usize = 12;

pub struct Workspace {
    pub analysis: Analysis,
    pub origin: Origin,
    article_index: HashMap<String, usize>,
    /// Sentence id → the groups it belongs to (a sentence carrying several
    /// facts is in several).
    sentence_groups: HashMap<String, Vec<usize>>,
    /// Quote id → index into `analysis.quotes`.
    quote_index: HashMap<String, usize>,
    /// Quote cluster id → index into `analysis.quote_clusters`.
    cluster_index: HashMap<String, usize>,
    /// Per article (by position): its quotes, as indices into `analysis.quotes`.
    quotes_of_article: Vec<Vec<usize>>,
    /// Per article: its date mentions, as indices into `analysis.timeline`.
    mentions_of_article: Vec<Vec<usize>>,
    /// Per article: its own date, from its `published` timeline entry, else
    /// from the article.
    pub published: Vec<Option<Timex>>,
    /// Pair of article positions (smaller first) → index into `analysis.overlap`.
    overlap_index: HashMap<(usize, usize), usize>,
    /// The articles the shared-text matrix shows, by position: all of them
    /// up to [`MATRIX_MAX`], else the most alike.
    pub matrix_articles: Vec<usize>,
    pub selection: Selection,
    /// Article ids the user hid.
    pub hidden: BTreeSet<String>,
    /// Each article's source name as found in its file, before any rename
    /// the user made (renames are keyed by it).
    pub found_sources: Vec<String>,
    pub search: String,
    /// Only show sentences of this timeline event.
    pub event_filter: Option<String>,
    /// Which quotations the quote panel lists: all, those in marks, or
    /// reported speech.
    pub quote_kind: QuoteKindFilter,
    /// Index of the article in the reader.
    pub reader_article: usize,
    /// Set when the alignment should scroll the selected card into view.
    pub scroll_alignment: bool,
    /// Set when the reader should scroll the selected sentence into view.
    pub scroll_reader: bool,
    pub focus_search: bool,
    /// Measured heights of the alignment cards.
    pub card_heights: RowHeights,
    /// Large cards the reader opened: shown with every member (see
    /// [`Self::shown_members`]).
    pub expanded: BTreeSet<usize>,
    /// The part of the alignment list on screen last frame.
    pub alignment_view: Shown,
    /// Measured heights of the Sources pane's rows.
    pub source_rows: RowHeights,
    /// Measured heights of the Quote pane's rows.
    pub quote_rows: RowHeights,
    /// Measured heights of the reader's paragraphs.
    pub reader_rows: RowHeights,
    /// The part of the reader on screen last frame.
    pub reader_view: Shown,
    /// The last alignment list and what it was computed from, so the list
    /// is rebuilt only when a filter changes, not every frame.
    items_cache: Option<(ItemsKey, Rc<[Item]>)>,
    /// Counts the alignment lists computed, so measured card heights are
    /// kept for one list only.
    pub items_generation: u64,
    /// The same for the quote panel's list.
    quotes_cache: Option<(QuotesKey, Rc<QuoteList>)>,
    /// Per group: the words each visible member shares with the others,
    /// for the alignment list of `items_generation` (see [`Self::shared_spans`]).
    shared_cache: RefCell<(u64, HashMap<usize, Rc<SharedSpans>>)>,
    /// The timeline's visible range; `None` shows the story's period
    /// ([`TimelineExtents::focus`]).
    pub timeline_view: Option<TimelineView>,
    /// The timeline's full and story-period views, computed once.
    timeline_extents: std::cell::OnceCell<Option<TimelineExtents>>,
}

/// Member sentence id → the spans of its words that another visible member
/// of its group also uses.
pub type SharedSpans = HashMap<String, Vec<Span>>;

/// Everything the quote panel's list depends on.
#[derive(Clone, Debug, PartialEq)]
struct QuotesKey {
    event: Option<String>,
    hidden: BTreeSet<String>,
    kind: QuoteKindFilter,
}

/// The quote panel's choice between every quotation, those in quotation
/// marks, and reported speech ("X said that …"). A quotation carried both
/// ways (quoted by one outlet, reported by another) is listed under both.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum QuoteKindFilter {
    #[default]
    All,
    Marked,
    Reported,
}

impl QuoteKindFilter {
    pub const ALL: [Self; 3] = [Self::All, Self::Marked, Self::Reported];

    pub fn label(self) -> &'static str {
        match self {
            Self::All => "All",
            Self::Marked => "In marks",
            Self::Reported => "Reported",
        }
    }

    /// Whether a quotation whose quotes are of `kinds` is listed.
    fn admits(self, mut kinds: impl Iterator<Item = QuoteKind>) -> bool {
        match self {
            Self::All => true,
            Self::Marked => kinds.any(|k| k != QuoteKind::Indirect),
            Self::Reported => kinds.any(|k| k == QuoteKind::Indirect),
        }
    }
}

/// One row of the quote panel.
#[derive(Clone, Debug, PartialEq)]
pub enum QuoteRow {
    /// A speaker (`None`: unattributed) and how many quotations are theirs.
    Speaker(Option<String>, usize),
    /// The heading over a speaker's reported speech.
    ReportedHeading,
    /// A quotation, by index into [`QuoteList::entries`].
    Entry(usize),
    /// The space after a speaker's quotations.
    Gap,
}

/// A quotation as the quote panel lists it: a cluster, or a quote no other
/// outlet carries.
#[derive(Clone, Debug, PartialEq)]
pub struct QuoteEntry {
    /// The selection key: the cluster's id, or the quote's.
    pub key: String,
    /// Its visible quotes, as indices into `analysis.quotes`.
    pub quotes: Vec<usize>,
    /// The quote the others are compared with.
    pub base: usize,
    /// Index into `analysis.quote_clusters`.
    pub cluster: Option<usize>,
    /// Every quote of it is reported speech (no quotation marks).
    pub reported_only: bool,
}

/// The quote panel's list after hiding and filtering: speakers with the most
/// quotations first, unattributed last; under each, quotations in marks,
/// then reported speech.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct QuoteList {
    pub rows: Vec<QuoteRow>,
    pub entries: Vec<QuoteEntry>,
    /// Visible quotations in marks, and reported.
    pub marked: usize,
    pub reported: usize,
    /// Named speakers.
    pub speakers: usize,
    /// Which list this is: counts the lists computed for the workspace.
    pub generation: u64,
}

/// The visible range of the timeline, in days since the common era.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimelineView {
    pub from_day: f64,
    pub to_day: f64,
}

/// The two views the timeline opens to: `full` holds every date, `focus`
/// the story's own period (see [`crate::timeline::story_period`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimelineExtents {
    pub full: TimelineView,
    pub focus: TimelineView,
}

/// The shared-text matrix shows at most this many sources.
pub const MATRIX_MAX: usize = 24;

/// Every article when there are at most [`MATRIX_MAX`]; otherwise the
/// articles of the strongest pairs (highest shared ratio, then most shared
/// sentences), in their folder order, until [`MATRIX_MAX`] are found.
fn matrix_articles(analysis: &Analysis, position: &HashMap<&str, usize>) -> Vec<usize> {
    let n = analysis.articles.len();
    if n <= MATRIX_MAX {
        return (0..n).collect();
    }
    let mut pairs: Vec<(&PairOverlap, usize, usize)> = analysis
        .overlap
        .iter()
        .filter_map(|p| Some((p, *position.get(p.a.as_str())?, *position.get(p.b.as_str())?)))
        .collect();
    pairs.sort_by(|x, y| {
        y.0.shared_ratio
            .total_cmp(&x.0.shared_ratio)
            .then(y.0.shared_sentences.cmp(&x.0.shared_sentences))
            .then((x.1, x.2).cmp(&(y.1, y.2)))
    });
    let mut chosen: BTreeSet<usize> = BTreeSet::new();
    for (_, a, b) in pairs {
        for i in [a, b] {
            if chosen.len() < MATRIX_MAX {
                chosen.insert(i);
            }
        }
        if chosen.len() >= MATRIX_MAX {
            break;
        }
    }
    chosen.into_iter().collect()
}

impl Workspace {
    pub fn new(analysis: Analysis, origin: Origin) -> Self {
        let article_index = analysis.articles.iter().enumerate().map(|(i, a)| (a.id.clone(), i)).collect();
        let mut sentence_groups: HashMap<String, Vec<usize>> = HashMap::new();
        for (g, group) in analysis.groups.iter().enumerate() {
            for s in &group.sentences {
                sentence_groups.entry(s.clone()).or_default().push(g);
            }
        }
        let quote_index = analysis.quotes.iter().enumerate().map(|(i, q)| (q.id.clone(), i)).collect();
        let cluster_index = analysis.quote_clusters.iter().enumerate().map(|(i, c)| (c.id.clone(), i)).collect();
        let position: HashMap<&str, usize> =
            analysis.articles.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
        let overlap_index = analysis
            .overlap
            .iter()
            .enumerate()
            .filter_map(|(k, pair)| {
                let (a, b) = (*position.get(pair.a.as_str())?, *position.get(pair.b.as_str())?);
                Some(((a.min(b), a.max(b)), k))
            })
            .collect();
        let found_sources = analysis.articles.iter().map(|a| a.source.clone()).collect();
        let matrix_articles = matrix_articles(&analysis, &position);
        let n = analysis.articles.len();
        let (mut quotes_of_article, mut mentions_of_article) = (vec![Vec::new(); n], vec![Vec::new(); n]);
        for (k, quote) in analysis.quotes.iter().enumerate() {
            if let Some(&a) = position.get(quote.article.as_str()) {
                quotes_of_article[a].push(k);
            }
        }
        let mut published: Vec<Option<Timex>> = vec![None; n];
        for (k, entry) in analysis.timeline.iter().enumerate() {
            let Some(&a) = position.get(entry.article.as_str()) else { continue };
            match entry.kind {
                EntryKind::Mention => mentions_of_article[a].push(k),
                EntryKind::Published if published[a].is_none() => published[a] = Some(entry.value),
                EntryKind::Published => {}
            }
        }
        for (date, article) in published.iter_mut().zip(&analysis.articles) {
            if date.is_none() {
                *date = article.date.as_deref().and_then(parse_iso_day).map(Timex::Day);
            }
        }
        Self {
            analysis,
            origin,
            article_index,
            sentence_groups,
            quote_index,
            cluster_index,
            quotes_of_article,
            mentions_of_article,
            published,
            overlap_index,
            matrix_articles,
            selection: Selection::default(),
            hidden: BTreeSet::new(),
            found_sources,
            search: String::new(),
            event_filter: None,
            quote_kind: QuoteKindFilter::All,
            reader_article: 0,
            scroll_alignment: false,
            scroll_reader: false,
            focus_search: false,
            card_heights: RowHeights::default(),
            expanded: BTreeSet::new(),
            alignment_view: Shown::default(),
            source_rows: RowHeights::default(),
            quote_rows: RowHeights::default(),
            reader_rows: RowHeights::default(),
            reader_view: Shown::default(),
            timeline_view: None,
            timeline_extents: std::cell::OnceCell::new(),
            items_cache: None,
            items_generation: 0,
            quotes_cache: None,
            shared_cache: RefCell::new((0, HashMap::new())),
        }
    }

    /// The timeline's views, computed by `compute` the first time.
    pub fn timeline_extents(&self, compute: impl FnOnce(&Self) -> Option<TimelineExtents>) -> Option<TimelineExtents> {
        *self.timeline_extents.get_or_init(|| compute(self))
    }

    /// The current filter, as the reports read it.
    pub fn view(&self) -> crate::report::View {
        crate::report::View {
            event: self.event_filter.clone(),
            search: self.search.clone(),
            hidden: self.hidden.clone(),
        }
    }

    /// What is selected, by file and text.
    pub fn kept(&self) -> Kept {
        let by_text = |id: &str| self.sentence(id).map(|(a, s)| (a.file.clone(), a.sentence_text(s).to_string()));
        Kept {
            hidden_files: self
                .hidden
                .iter()
                .filter_map(|id| self.article_of(id).map(|(_, a)| a.file.clone()))
                .collect(),
            reader_file: self.analysis.articles.get(self.reader_article).map(|a| a.file.clone()),
            group_members: self
                .selection
                .group
                .and_then(|g| self.analysis.groups.get(g))
                .map(|g| g.sentences.iter().filter_map(|id| by_text(id)).collect())
                .unwrap_or_default(),
            sentence: self.selection.sentence.as_deref().and_then(by_text),
            quote: self.selection.quote.as_deref().and_then(|key| {
                let quote = self.quotes_of_key(key).into_iter().next()?;
                Some((self.analysis.article(&quote.article)?.file.clone(), quote.text.clone()))
            }),
            search: self.search.clone(),
            event: self
                .event_filter
                .as_ref()
                .and_then(|id| self.analysis.events.iter().find(|e| &e.id == id))
                .map(|e| e.value.to_string()),
        }
    }

    /// Restores what [`Workspace::kept`] saved, where it still exists.
    pub fn restore(&mut self, kept: &Kept) {
        let find = |file: &str, text: &str| -> Option<String> {
            let article = self.analysis.articles.iter().find(|a| a.file == file)?;
            article.sentences.iter().find(|s| article.sentence_text(s) == text).map(|s| s.id.clone())
        };
        self.hidden = self
            .analysis
            .articles
            .iter()
            .filter(|a| kept.hidden_files.contains(&a.file))
            .map(|a| a.id.clone())
            .collect();
        if let Some(i) =
            kept.reader_file.as_ref().and_then(|f| self.analysis.articles.iter().position(|a| &a.file == f))
        {
            self.reader_article = i;
        }
        let members: Vec<String> = kept.group_members.iter().filter_map(|(f, t)| find(f, t)).collect();
        // The group that holds the most of them (a sentence is in several
        // groups), then the one with the fewest others, then the first.
        self.selection.group = self
            .analysis
            .groups
            .iter()
            .enumerate()
            .map(|(i, g)| (i, g.sentences.iter().filter(|s| members.contains(s)).count(), g.sentences.len()))
            .filter(|&(_, shared, _)| shared > 0)
            .max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)).then(b.0.cmp(&a.0)))
            .map(|(i, _, _)| i);
        self.selection.sentence = kept.sentence.as_ref().and_then(|(f, t)| find(f, t));
        self.selection.quote = kept.quote.as_ref().and_then(|(file, text)| {
            let article = self.analysis.articles.iter().find(|a| &a.file == file)?;
            let quote = self.analysis.quotes.iter().find(|q| q.article == article.id && &q.text == text)?;
            Some(Self::quote_key(quote))
        });
        self.search = kept.search.clone();
        self.event_filter = kept
            .event
            .as_ref()
            .and_then(|v| self.analysis.events.iter().find(|e| &e.value.to_string() == v))
            .map(|e| e.id.clone());
    }

    /// Shows the sources under the names the user gave them
    /// (name as found → name shown); names not in `renames` are as found.
    pub fn apply_source_names(&mut self, renames: Option<&std::collections::BTreeMap<String, String>>) {
        for (article, found) in self.analysis.articles.iter_mut().zip(&self.found_sources) {
            article.source = renames.and_then(|r| r.get(found)).cloned().unwrap_or_else(|| found.clone());
        }
    }

    pub fn article_position(&self, id: &str) -> Option<usize> {
        self.article_index.get(id).copied()
    }

    /// The article a sentence, quote or entry id (`a3.s7`) belongs to.
    pub fn article_of(&self, id: &str) -> Option<(usize, &Article)> {
        let index = self.article_position(article_id_of(id))?;
        Some((index, &self.analysis.articles[index]))
    }

    /// A sentence by id (`a3.s7`), with its article: found through the
    /// article index and the sentence's number, not by scanning the story.
    pub fn sentence(&self, id: &str) -> Option<(&Article, &Sentence)> {
        let (_, article) = self.article_of(id)?;
        Some((article, article.sentence_by_id(id)?))
    }

    /// The text of a sentence by id.
    pub fn sentence_text(&self, id: &str) -> Option<&str> {
        self.sentence(id).map(|(a, s)| a.sentence_text(s))
    }

    /// The quotes of the article at position `a`, in the analysis' order.
    pub fn quotes_of_article(&self, a: usize) -> impl Iterator<Item = &Quote> + '_ {
        self.quotes_of_article.get(a).into_iter().flatten().map(|&k| &self.analysis.quotes[k])
    }

    /// The date mentions of the article at position `a`.
    pub fn mentions_of_article(&self, a: usize) -> impl Iterator<Item = &crate::model::TimelineEntry> + '_ {
        self.mentions_of_article.get(a).into_iter().flatten().map(|&k| &self.analysis.timeline[k])
    }

    pub fn colour(&self, article_id: &str, dark: bool) -> Color32 {
        theme::source_colour(self.article_position(article_id).unwrap_or(0), dark)
    }

    /// The first group (in story order) a sentence belongs to.
    pub fn group_of_sentence(&self, sentence: &str) -> Option<usize> {
        self.sentence_groups.get(sentence).and_then(|g| g.first().copied())
    }

    /// The earlier card that holds at least half of group `g`'s sentences
    /// (and at least two), with how many it holds: two cards of mostly the
    /// same sentences, which carry more than one fact each (a lead that
    /// reports the result and the score), look like one card twice unless
    /// the second says so. The earliest such card if several hold as many.
    pub fn repeats(&self, g: usize) -> Option<(usize, usize)> {
        let sentences = &self.analysis.groups.get(g)?.sentences;
        let mut shared: BTreeMap<usize, usize> = BTreeMap::new();
        for s in sentences {
            for &e in self.sentence_groups.get(s).into_iter().flatten().filter(|&&e| e < g) {
                *shared.entry(e).or_default() += 1;
            }
        }
        let (&card, &count) = shared.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))?;
        (count >= 2 && 2 * count >= sentences.len()).then_some((card, count))
    }

    /// How many distinct sources a group's members come from.
    pub fn group_sources(&self, group: &Group) -> usize {
        articles_of(group.sentences.iter().map(String::as_str)).len()
    }

    /// How much text the articles at positions `a` and `b` share.
    pub fn overlap_between(&self, a: usize, b: usize) -> Option<&PairOverlap> {
        self.overlap_index.get(&(a.min(b), a.max(b))).map(|&k| &self.analysis.overlap[k])
    }

    pub fn quote(&self, id: &str) -> Option<&Quote> {
        self.quote_index.get(id).map(|&i| &self.analysis.quotes[i])
    }

    /// The quotes a selection key stands for: a cluster's members, or one quote.
    pub fn quotes_of_key(&self, key: &str) -> Vec<&Quote> {
        match self.cluster_index.get(key).map(|&c| &self.analysis.quote_clusters[c]) {
            Some(cluster) => cluster.quotes.iter().filter_map(|q| self.quote(q)).collect(),
            None => self.quote(key).into_iter().collect(),
        }
    }

    /// The selection key of a quote: its cluster, or itself.
    pub fn quote_key(quote: &Quote) -> String {
        quote.cluster.clone().unwrap_or_else(|| quote.id.clone())
    }

    /// How many sources carry a sentence's facts (1 if it is exclusive):
    /// the widest of its groups.
    pub fn sources_sharing(&self, sentence: &str) -> usize {
        self.sentence_groups
            .get(sentence)
            .into_iter()
            .flatten()
            .map(|&g| self.group_sources(&self.analysis.groups[g]))
            .max()
            .unwrap_or(1)
    }

    /// The sentences a timeline event is mentioned in. A month or a year
    /// takes in the mentions of its days and months too (`2022-07` covers
    /// `2022-07-15`).
    pub fn event_sentences(&self, event_id: &str) -> HashSet<&str> {
        let Some(event) = self.analysis.events.iter().find(|e| e.id == event_id) else {
            return HashSet::new();
        };
        let entries: HashSet<&str> = self
            .analysis
            .events
            .iter()
            .filter(|e| e.id == event.id || event.value.encloses(e.value))
            .flat_map(|e| e.entries.iter().map(String::as_str))
            .collect();
        self.analysis
            .timeline
            .iter()
            .filter(|t| entries.contains(t.id.as_str()))
            .filter_map(|t| t.sentence.as_deref())
            .collect()
    }

    pub fn event_label(&self, event_id: &str) -> String {
        self.analysis.events.iter().find(|e| e.id == event_id).map_or_else(|| event_id.to_string(), |e| e.value.label())
    }

    /// The members of a group that belong to visible sources.
    pub fn visible_members<'a>(&'a self, group: &'a Group) -> impl Iterator<Item = &'a String> + 'a {
        group.sentences.iter().filter(move |s| !self.hidden.contains(article_id_of(s)))
    }

    /// The visible members that card `g` draws, and how many it leaves out:
    /// a card of more than [`CARD_MEMBERS_SHOWN`] + 2 members (a fact carried
    /// by dozens of outlets in a large folder) shows its first ones, its base
    /// among them, until it is selected or opened. Dozens of near-identical
    /// lines read as a wall, and laying them out every frame slows scrolling.
    pub fn shown_members<'a>(&'a self, g: usize, group: &'a Group) -> (Vec<&'a String>, usize) {
        let members: Vec<&String> = self.visible_members(group).collect();
        let open = self.expanded.contains(&g) || self.selection.group == Some(g);
        if open || members.len() <= CARD_MEMBERS_SHOWN + 2 {
            return (members, 0);
        }
        let mut others = 0;
        let shown: Vec<&String> = members
            .iter()
            .copied()
            .filter(|m| {
                let keep = **m == group.base || others < CARD_MEMBERS_SHOWN - 1;
                others += usize::from(keep && **m != group.base);
                keep
            })
            .collect();
        let left = members.len() - shown.len();
        (shown, left)
    }

    fn matches_search(&self, needle: &str, sentences: &[&str]) -> bool {
        if needle.is_empty() {
            return true;
        }
        sentences.iter().any(|id| {
            let source_hit = self.article_of(id).is_some_and(|(_, a)| a.source.to_lowercase().contains(needle));
            source_hit || self.sentence_text(id).is_some_and(|t| t.to_lowercase().contains(needle))
        })
    }

    /// [`Self::visible_items`], remembered until a filter changes.
    pub fn items(&mut self, sort: SortOrder, show_exclusive: bool) -> Rc<[Item]> {
        let key = ItemsKey {
            search: self.search.clone(),
            event: self.event_filter.clone(),
            hidden: self.hidden.clone(),
            sort,
            show_exclusive,
        };
        if let Some((cached, items)) = &self.items_cache
            && *cached == key
        {
            return Rc::clone(items);
        }
        let items: Rc<[Item]> = self.visible_items(sort, show_exclusive).into();
        self.items_cache = Some((key, Rc::clone(&items)));
        self.items_generation += 1;
        items
    }

    /// The alignment list after hiding, filtering, searching and sorting.
    pub fn visible_items(&self, sort: SortOrder, show_exclusive: bool) -> Vec<Item> {
        let needle = self.search.trim().to_lowercase();
        let event: Option<HashSet<&str>> = self.event_filter.as_deref().map(|e| self.event_sentences(e));
        let keep = |sentences: &[&str]| {
            !sentences.is_empty()
                && event.as_ref().is_none_or(|set| sentences.iter().any(|s| set.contains(s)))
                && self.matches_search(&needle, sentences)
        };
        let mut keyed: Vec<((usize, usize, usize), Item)> = Vec::new();
        // Position of each group in story order, per article, to slot
        // exclusive sentences after the group that precedes them.
        let mut last_group_before: HashMap<(usize, usize), usize> = HashMap::new();
        for (g, group) in self.analysis.groups.iter().enumerate() {
            let members: Vec<&str> = self.visible_members(group).map(String::as_str).collect();
            if keep(&members) {
                keyed.push(((g, 0, 0), Item::Group(g)));
            }
            for id in &group.sentences {
                if let Some((a, article)) = self.article_of(id)
                    && let Some(s) = article.sentences.iter().position(|x| &x.id == id)
                {
                    last_group_before.insert((a, s), g);
                }
            }
        }
        if show_exclusive {
            for (a, article) in self.analysis.articles.iter().enumerate() {
                if self.hidden.contains(&article.id) {
                    continue;
                }
                let mut anchor = 0;
                for (s, sentence) in article.sentences.iter().enumerate() {
                    if let Some(&g) = last_group_before.get(&(a, s)) {
                        anchor = g;
                    }
                    if sentence.groups.is_empty()
                        && article.exclusive.contains(&sentence.id)
                        && keep(&[sentence.id.as_str()])
                    {
                        keyed.push(((anchor, 1 + a, s), Item::Exclusive(a, s)));
                    }
                }
            }
        }
        keyed.sort_by_key(|(k, _)| *k);
        let mut items: Vec<Item> = keyed.into_iter().map(|(_, i)| i).collect();
        match sort {
            SortOrder::Story => {}
            SortOrder::MostSources => {
                items.sort_by_key(|item| std::cmp::Reverse(self.item_sources(*item)));
            }
            SortOrder::DiscrepanciesFirst => {
                items.sort_by_key(|item| match item {
                    Item::Group(g) => std::cmp::Reverse(self.analysis.groups[*g].discrepancies.len()),
                    Item::Exclusive(..) => std::cmp::Reverse(0),
                });
            }
        }
        items
    }

    fn item_sources(&self, item: Item) -> usize {
        match item {
            Item::Group(g) => {
                let group = &self.analysis.groups[g];
                articles_of(self.visible_members(group).map(String::as_str)).len()
            }
            Item::Exclusive(..) => 1,
        }
    }

    /// The words each visible member of group `g` shares with the group's
    /// other visible members, as [`crate::align::shared_words`] finds them.
    /// Computed for the whole group at once and kept until the alignment
    /// list changes (hiding a source changes who the others are).
    ///
    /// Calling `shared_words` per member with every other member's text
    /// costs members² sentences of stemming: 100 members, 10,000 sentences
    /// every frame. Here each member is compared with the group's distinct
    /// words instead, each written once: the same words, so the same result.
    pub fn shared_spans(&self, g: usize) -> Rc<SharedSpans> {
        let mut cache = self.shared_cache.borrow_mut();
        if cache.0 != self.items_generation {
            *cache = (self.items_generation, HashMap::new());
        }
        let spans = cache.1.entry(g).or_insert_with(|| Rc::new(self.group_shared_spans(g)));
        Rc::clone(spans)
    }

    fn group_shared_spans(&self, g: usize) -> SharedSpans {
        let Some(group) = self.analysis.groups.get(g) else { return SharedSpans::new() };
        let members: Vec<(&str, &str, usize)> = self
            .visible_members(group)
            .filter_map(|id| self.sentence(id).map(|(a, s)| (id.as_str(), a.sentence_text(s), s.start)))
            .collect();
        // Each distinct word key: one way it is written, and how many members use it.
        let mut written: HashMap<String, (&str, usize)> = HashMap::new();
        let keys_of: Vec<HashSet<String>> = members
            .iter()
            .map(|(_, text, _)| {
                let words = crate::diff::words(text, 0);
                let mut keys = HashSet::new();
                for w in words {
                    if keys.insert(w.key.clone()) {
                        written.entry(w.key).or_insert((&text[w.span.start..w.span.end], 0)).1 += 1;
                    }
                }
                keys
            })
            .collect();
        let mut distinct: Vec<(&String, &(&str, usize))> = written.iter().collect();
        distinct.sort_unstable_by(|a, b| a.0.cmp(b.0));
        members
            .iter()
            .zip(&keys_of)
            .map(|((id, text, start), own)| {
                let others: Vec<&str> = distinct
                    .iter()
                    .filter(|(key, (_, users))| *users > usize::from(own.contains(*key)))
                    .map(|(_, (form, _))| *form)
                    .collect();
                let others = others.join(" ");
                (id.to_string(), crate::align::shared_words(text, *start, &[others.as_str()]))
            })
            .collect()
    }

    /// [`Self::visible_quotes`], remembered until a filter changes.
    pub fn quote_list(&mut self) -> Rc<QuoteList> {
        let key = QuotesKey { event: self.event_filter.clone(), hidden: self.hidden.clone(), kind: self.quote_kind };
        if let Some((cached, list)) = &self.quotes_cache
            && *cached == key
        {
            return Rc::clone(list);
        }
        let generation = self.quotes_cache.as_ref().map_or(0, |(_, list)| list.generation + 1);
        let list = Rc::new(QuoteList { generation, ..self.visible_quotes() });
        self.quotes_cache = Some((key, Rc::clone(&list)));
        list
    }

    /// The quote panel's list: the quotations of visible sources (and of
    /// the filtered date), grouped by speaker.
    pub fn visible_quotes(&self) -> QuoteList {
        let event: Option<HashSet<&str>> = self.event_filter.as_deref().map(|e| self.event_sentences(e));
        let quotes = &self.analysis.quotes;
        let visible = |k: usize| {
            let q = &quotes[k];
            !self.hidden.contains(&q.article)
                && event.as_ref().is_none_or(|set| q.sentence.as_deref().is_some_and(|s| set.contains(s)))
        };
        let mut entries = Vec::new();
        let mut clustered = vec![false; quotes.len()];
        for (c, cluster) in self.analysis.quote_clusters.iter().enumerate() {
            let members: Vec<usize> = cluster.quotes.iter().filter_map(|q| self.quote_index.get(q).copied()).collect();
            for &k in &members {
                clustered[k] = true;
            }
            let shown: Vec<usize> = members.into_iter().filter(|&k| visible(k)).collect();
            let Some(&first) = shown.first() else { continue };
            let base = self.quote_index.get(&cluster.base).copied().filter(|&k| visible(k)).unwrap_or(first);
            entries.push((cluster.id.clone(), shown, base, Some(c)));
        }
        for k in (0..quotes.len()).filter(|&k| !clustered[k] && visible(k)) {
            entries.push((quotes[k].id.clone(), vec![k], k, None));
        }
        let mut by_speaker: std::collections::BTreeMap<Option<&str>, Vec<QuoteEntry>> = Default::default();
        for (key, shown, base, cluster) in entries {
            if !self.quote_kind.admits(shown.iter().map(|&k| quotes[k].kind)) {
                continue;
            }
            let speaker = shown.iter().find_map(|&k| quotes[k].speaker.as_deref());
            let reported_only = shown.iter().all(|&k| quotes[k].kind == QuoteKind::Indirect);
            let entry = QuoteEntry { key, quotes: shown, base, cluster, reported_only };
            by_speaker.entry(speaker).or_default().push(entry);
        }
        let mut speakers: Vec<(Option<&str>, Vec<QuoteEntry>)> = by_speaker.into_iter().collect();
        // Most quoted speakers first; unattributed quotes last; then by name.
        speakers.sort_by(|(a, ea), (b, eb)| a.is_none().cmp(&b.is_none()).then(eb.len().cmp(&ea.len())).then(a.cmp(b)));
        let mut list = QuoteList::default();
        for (speaker, group) in speakers {
            let count: usize = group.iter().map(|e| e.quotes.len()).sum();
            list.speakers += usize::from(speaker.is_some());
            list.rows.push(QuoteRow::Speaker(speaker.map(str::to_string), count));
            let (reported, marked): (Vec<QuoteEntry>, Vec<QuoteEntry>) =
                group.into_iter().partition(|e| e.reported_only);
            for entry in marked {
                list.rows.push(QuoteRow::Entry(list.entries.len()));
                list.entries.push(entry);
            }
            if !reported.is_empty() {
                list.rows.push(QuoteRow::ReportedHeading);
                for entry in reported {
                    list.rows.push(QuoteRow::Entry(list.entries.len()));
                    list.entries.push(entry);
                }
            }
            list.rows.push(QuoteRow::Gap);
        }
        for &k in list.entries.iter().flat_map(|e| &e.quotes) {
            if quotes[k].kind == QuoteKind::Indirect {
                list.reported += 1;
            } else {
                list.marked += 1;
            }
        }
        list
    }

    /// Selects a group and the article of its first visible member.
    pub fn select_group(&mut self, g: usize) {
        self.selection.group = Some(g);
        let group = &self.analysis.groups[g];
        let in_reader =
            group.sentences.iter().find(|s| self.article_of(s).is_some_and(|(a, _)| a == self.reader_article));
        let shown = in_reader.or_else(|| self.visible_members(group).next()).cloned();
        if let Some(sentence) = shown {
            if let Some((a, _)) = self.article_of(&sentence) {
                self.reader_article = a;
            }
            self.selection.sentence = Some(sentence);
        }
        self.scroll_alignment = true;
        self.scroll_reader = true;
    }

    /// Selects a sentence, its group if it has one, and shows its article.
    /// A sentence in several groups keeps the selected group if that is one
    /// of them.
    pub fn select_sentence(&mut self, id: &str) {
        if let Some((a, _)) = self.article_of(id) {
            self.reader_article = a;
        }
        self.selection.sentence = Some(id.to_string());
        let keep = self.selection.group.filter(|g| self.analysis.groups[*g].sentences.iter().any(|s| s == id));
        self.selection.group = keep.or_else(|| self.group_of_sentence(id));
        self.scroll_alignment = true;
        self.scroll_reader = true;
    }

    /// Selects one member sentence of a group.
    pub fn select_member(&mut self, g: usize, id: &str) {
        self.selection.group = Some(g);
        self.select_sentence(id);
    }

    /// Selects a quote (cluster) and shows where the reader's article quotes it.
    pub fn select_quote(&mut self, key: &str) {
        self.selection.quote = Some(key.to_string());
        let quotes = self.quotes_of_key(key);
        let shown = quotes
            .iter()
            .find(|q| self.article_position(&q.article) == Some(self.reader_article))
            .or_else(|| quotes.first())
            .map(|q| (q.article.clone(), q.sentence.clone()));
        if let Some((article, sentence)) = shown {
            if let Some(a) = self.article_position(&article) {
                self.reader_article = a;
            }
            if let Some(sentence) = sentence {
                self.selection.group = self.group_of_sentence(&sentence);
                self.selection.sentence = Some(sentence);
            }
        }
        self.scroll_alignment = true;
        self.scroll_reader = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_story_lists_groups_in_story_order_and_filters_by_search() {
        let mut ws = Workspace::new(crate::analysis::analyze_sample(), Origin::Sample);
        let items = ws.visible_items(SortOrder::Story, false);
        assert_eq!(items.len(), ws.analysis.groups.len());
        assert_eq!(items.first(), Some(&Item::Group(0)));
        ws.search = "cyberattack".into();
        let found = ws.visible_items(SortOrder::Story, false);
        assert!(!found.is_empty() && found.len() < items.len());
        ws.search = "no such words anywhere".into();
        assert!(ws.visible_items(SortOrder::Story, false).is_empty());
    }

    #[test]
    fn the_quote_panel_lists_quotations_in_marks_or_reported_speech_on_request() {
        let mut ws = Workspace::new(crate::analysis::analyze_sample(), Origin::Sample);
        let all = ws.quote_list();
        assert!(all.marked > 0 && all.reported > 0, "the sample story has both kinds");
        let kinds = |ws: &Workspace, list: &QuoteList| -> Vec<Vec<QuoteKind>> {
            list.entries.iter().map(|e| e.quotes.iter().map(|&k| ws.analysis.quotes[k].kind).collect()).collect()
        };
        ws.quote_kind = QuoteKindFilter::Reported;
        let reported = ws.quote_list();
        assert!(!reported.entries.is_empty() && reported.entries.len() < all.entries.len());
        assert!(kinds(&ws, &reported).iter().all(|k| k.contains(&QuoteKind::Indirect)));
        ws.quote_kind = QuoteKindFilter::Marked;
        let marked = ws.quote_list();
        assert!(!marked.entries.is_empty() && marked.entries.len() < all.entries.len());
        assert!(kinds(&ws, &marked).iter().all(|k| k.iter().any(|&k| k != QuoteKind::Indirect)));
        // Every quotation is under one choice at least.
        assert!(marked.entries.len() + reported.entries.len() >= all.entries.len());
        ws.quote_kind = QuoteKindFilter::All;
        assert_eq!(ws.quote_list().entries, all.entries);
    }

    #[test]
    fn exclusive_sentences_join_the_list_when_asked() {
        let ws = Workspace::new(crate::analysis::analyze_sample(), Origin::Sample);
        let with = ws.visible_items(SortOrder::Story, true);
        let exclusive: usize = ws.analysis.articles.iter().map(|a| a.exclusive.len()).sum();
        assert_eq!(with.len(), ws.analysis.groups.len() + exclusive);
    }

    #[test]
    fn hiding_a_source_drops_its_lines() {
        let mut ws = Workspace::new(crate::analysis::analyze_sample(), Origin::Sample);
        let first = ws.analysis.articles[0].id.clone();
        ws.hidden.insert(first.clone());
        let group = &ws.analysis.groups[0];
        assert!(ws.visible_members(group).all(|s| !s.starts_with(&format!("{first}."))));
    }

    #[test]
    fn a_month_takes_in_its_days() {
        use crate::dates::Timex;
        use crate::model::{EntryKind, TimelineEntry, TimelineEvent};
        let timex = |value: &str| value.parse::<Timex>().unwrap();
        let mut analysis = crate::analysis::analyze_sample();
        let entry = |id: &str, sentence: &str, value: &str| TimelineEntry {
            id: id.into(),
            sentence: Some(sentence.into()),
            ..TimelineEntry::new(EntryKind::Mention, timex(value), String::new())
        };
        analysis.timeline = vec![
            entry("a0.t0", "a0.s1", "2022-07"),
            entry("a1.t0", "a1.s2", "2022-07-15"),
            entry("a1.t1", "a1.s3", "2022-08-01"),
        ];
        let event = |id: &str, value: &str, entry: &str| TimelineEvent {
            id: id.into(),
            value: timex(value),
            entries: vec![entry.into()],
            articles: Vec::new(),
        };
        analysis.events = vec![
            event("e0", "2022-07", "a0.t0"),
            event("e1", "2022-07-15", "a1.t0"),
            event("e2", "2022-08-01", "a1.t1"),
        ];
        let ws = Workspace::new(analysis, Origin::Sample);
        let mut month: Vec<&str> = ws.event_sentences("e0").into_iter().collect();
        month.sort_unstable();
        assert_eq!(month, vec!["a0.s1", "a1.s2"]);
        assert_eq!(ws.event_sentences("e1").len(), 1);
    }

    #[test]
    fn a_card_of_mostly_an_earlier_cards_sentences_names_it() {
        let group = |id: &str, sentences: &[&str]| Group {
            id: id.into(),
            sentences: sentences.iter().map(|s| s.to_string()).collect(),
            ..Group::default()
        };
        let groups = vec![
            group("g0", &["a0.s0", "a1.s0", "a2.s0", "a3.s0"]),
            // Three of four in g0: it names g0.
            group("g1", &["a0.s0", "a1.s0", "a2.s0", "a3.s5"]),
            // Two of five: under half.
            group("g2", &["a0.s0", "a1.s0", "a2.s7", "a3.s7", "a4.s7"]),
            // One in g0 and g1 each: under two.
            group("g3", &["a0.s0", "a4.s9"]),
            // Two in g0 and two in g2: the earlier card.
            group("g4", &["a2.s0", "a3.s0", "a2.s7", "a3.s7"]),
        ];
        let analysis = Analysis { groups, ..Analysis::default() };
        let ws = Workspace::new(analysis, Origin::Sample);
        let repeats: Vec<Option<(usize, usize)>> = (0..5).map(|g| ws.repeats(g)).collect();
        assert_eq!(repeats, vec![None, Some((0, 3)), None, None, Some((0, 2))]);
    }

    /// The words each member shares, computed for the whole group at once,
    /// are what `align::shared_words` finds member by member, with and
    /// without a hidden source.
    #[test]
    fn shared_spans_of_a_group_are_those_of_each_member_against_the_others() {
        let mut ws = Workspace::new(crate::analysis::analyze_sample(), Origin::Sample);
        for hide in [None, Some(ws.analysis.articles[1].id.clone())] {
            ws.hidden = hide.into_iter().collect();
            ws.items_generation += 1;
            let mut compared = 0;
            for (g, group) in ws.analysis.groups.iter().enumerate() {
                let spans = ws.shared_spans(g);
                let members: Vec<&String> = ws.visible_members(group).collect();
                assert_eq!(spans.len(), members.len());
                for member in &members {
                    let (article, sentence) = ws.sentence(member).unwrap();
                    let others: Vec<&str> =
                        members.iter().filter(|m| *m != member).filter_map(|m| ws.sentence_text(m)).collect();
                    let one_by_one =
                        crate::align::shared_words(article.sentence_text(sentence), sentence.start, &others);
                    assert_eq!(spans[member.as_str()], one_by_one, "group {g}, member {member}");
                    compared += usize::from(!one_by_one.is_empty());
                }
            }
            assert!(compared > 10, "the sample shares words in many members ({compared})");
        }
    }

    #[test]
    fn a_sentence_in_two_facts_keeps_the_selected_one() {
        let mut ws = Workspace::new(crate::analysis::analyze_sample(), Origin::Sample);
        let (sentence, groups) = ws
            .sentence_groups
            .iter()
            .filter(|(_, g)| g.len() >= 2)
            .map(|(s, g)| (s.clone(), g.clone()))
            .min()
            .expect("the sample has a sentence carrying two facts");
        ws.select_member(groups[1], &sentence);
        assert_eq!(ws.selection.group, Some(groups[1]));
        ws.select_sentence(&sentence);
        assert_eq!(ws.selection.group, Some(groups[1]), "clicking it in the reader keeps the fact");
        ws.selection.group = None;
        ws.select_sentence(&sentence);
        assert_eq!(ws.selection.group, Some(groups[0]), "otherwise the first fact in story order");
    }

    /// A card of many members shows its first ones and its base, until it
    /// is opened or selected; a small card shows all of them.
    #[test]
    fn a_large_card_shows_its_first_members_and_its_base_until_opened() {
        let mut analysis = crate::analysis::analyze_sample();
        let ids: Vec<String> =
            analysis.articles.iter().flat_map(|a| a.sentences.iter().map(|s| s.id.clone())).take(20).collect();
        analysis.groups[0].sentences = ids.clone();
        analysis.groups[0].base = ids[17].clone();
        let mut ws = Workspace::new(analysis, Origin::Sample);
        ws.selection.group = None;
        let group = ws.analysis.groups[0].clone();
        let (shown, left) = ws.shown_members(0, &group);
        assert_eq!((shown.len(), left), (CARD_MEMBERS_SHOWN, 20 - CARD_MEMBERS_SHOWN));
        let first: Vec<&String> = ids[..CARD_MEMBERS_SHOWN - 1].iter().chain([&ids[17]]).collect();
        assert_eq!(shown, first, "the first members in order, then the base");
        ws.selection.group = Some(0);
        assert_eq!(ws.shown_members(0, &group).1, 0, "a selected card shows everything");
        ws.selection.group = None;
        ws.expanded.insert(0);
        assert_eq!(ws.shown_members(0, &group), (ids.iter().collect(), 0));
        let small = ws.analysis.groups[1].clone();
        assert_eq!(ws.shown_members(1, &small).1, 0);
    }
}
