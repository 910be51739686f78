//! What Parallax remembers between runs, and the small vocabularies the
//! settings are made of (panes, sort orders).
//!
//! [`Settings`] is the only thing `App::save` writes (through eframe's
//! storage, key [`eframe::APP_KEY`]); the open story, caches and channels are
//! runtime state and are never persisted.

use super::theme::ThemeChoice;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// How many recent folders the welcome screen remembers.
const MAX_RECENT: usize = 8;

/// The panes of the main screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Pane {
    Sources,
    Alignment,
    Timeline,
    Quotes,
    Reader,
}

impl Pane {
    pub const ALL: [Pane; 5] = [Pane::Sources, Pane::Alignment, Pane::Timeline, Pane::Quotes, Pane::Reader];

    pub fn title(self) -> &'static str {
        match self {
            Pane::Sources => "Sources",
            Pane::Alignment => "Alignment",
            Pane::Timeline => "Timeline",
            Pane::Quotes => "Quotes",
            Pane::Reader => "Reader",
        }
    }

    /// Lower-case name for file names.
    pub fn file_label(self) -> &'static str {
        match self {
            Pane::Sources => "sources",
            Pane::Alignment => "alignment",
            Pane::Timeline => "timeline",
            Pane::Quotes => "quotes",
            Pane::Reader => "reader",
        }
    }
}

/// How the alignment cards are ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SortOrder {
    /// As the story unfolds (position of the base sentence).
    #[default]
    Story,
    /// Facts carried by the most sources first.
    MostSources,
    /// Groups whose sources disagree on a number or date first.
    DiscrepanciesFirst,
}

impl SortOrder {
    pub const ALL: [SortOrder; 3] = [SortOrder::Story, SortOrder::MostSources, SortOrder::DiscrepanciesFirst];

    pub fn label(self) -> &'static str {
        match self {
            SortOrder::Story => "Story order",
            SortOrder::MostSources => "Most sources",
            SortOrder::DiscrepanciesFirst => "Discrepancies first",
        }
    }
}

/// How a group member's wording is drawn against the base.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CompareView {
    /// Near-copies as a word diff, reworded members with their shared words
    /// highlighted.
    #[default]
    ByWording,
    /// Every member as a word diff against the base.
    WordDiff,
    /// Every member as written, the words it shares with the others
    /// highlighted.
    SharedWords,
}

impl CompareView {
    pub const ALL: [CompareView; 3] = [CompareView::ByWording, CompareView::WordDiff, CompareView::SharedWords];

    pub fn label(self) -> &'static str {
        match self {
            CompareView::ByWording => "By wording",
            CompareView::WordDiff => "Word diff",
            CompareView::SharedWords => "Shared words",
        }
    }

    pub fn hint(self) -> &'static str {
        match self {
            CompareView::ByWording => {
                "Copied lines as a word diff, reworded lines with the words they share highlighted"
            }
            CompareView::WordDiff => "Every line as a word diff against the first",
            CompareView::SharedWords => "Every line as written, with the words it shares with the others highlighted",
        }
    }
}

/// Everything remembered across runs (eframe storage, key [`eframe::APP_KEY`]).
/// On Linux this is `~/.local/share/io.github.parallax.parallax/app.ron`
/// (the folder is named after [`super::APP_ID`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Most recent first.
    pub recent_folders: Vec<PathBuf>,
    pub theme: ThemeChoice,
    pub show_sources: bool,
    pub show_quotes: bool,
    pub show_timeline: bool,
    pub show_reader: bool,
    /// Pane sizes in points.
    pub left_width: f32,
    pub sources_height: f32,
    pub reader_width: f32,
    pub timeline_height: f32,
    pub sort: SortOrder,
    pub show_exclusive: bool,
    /// How members of a fact are compared in the alignment cards.
    pub compare: CompareView,
    /// Where the last screenshot was saved.
    pub screenshot_dir: Option<PathBuf>,
    /// Where the last report was exported.
    pub export_dir: Option<PathBuf>,
    /// Read subfolders of an opened folder too.
    pub subfolders: bool,
    /// Sources the user renamed, per folder: folder → (name as found → name shown).
    pub source_names: BTreeMap<PathBuf, BTreeMap<String, String>>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            recent_folders: Vec::new(),
            theme: ThemeChoice::System,
            show_sources: true,
            show_quotes: true,
            show_timeline: true,
            show_reader: true,
            left_width: 360.0,
            sources_height: 450.0,
            reader_width: 430.0,
            timeline_height: 170.0,
            sort: SortOrder::Story,
            show_exclusive: false,
            compare: CompareView::ByWording,
            screenshot_dir: None,
            export_dir: None,
            subfolders: false,
            source_names: BTreeMap::new(),
        }
    }
}

impl Settings {
    pub fn remember_folder(&mut self, folder: PathBuf) {
        self.recent_folders.retain(|f| f != &folder);
        self.recent_folders.insert(0, folder);
        self.recent_folders.truncate(MAX_RECENT);
    }

    /// How folders are read.
    pub fn read_options(&self) -> crate::corpus::ReadOptions {
        crate::corpus::ReadOptions { subfolders: self.subfolders, ..Default::default() }
    }

    /// Remembers that `found` is to be shown as `shown` in `folder`
    /// (an empty or unchanged name forgets the rename).
    pub fn rename_source(&mut self, folder: &Path, found: &str, shown: &str) {
        let names = self.source_names.entry(folder.to_path_buf()).or_default();
        let shown = shown.trim();
        if shown.is_empty() || shown == found {
            names.remove(found);
        } else {
            names.insert(found.to_string(), shown.to_string());
        }
        if names.is_empty() {
            self.source_names.remove(folder);
        }
    }

    pub fn pane_visible(&self, pane: Pane) -> bool {
        match pane {
            Pane::Sources => self.show_sources,
            Pane::Alignment => true,
            Pane::Timeline => self.show_timeline,
            Pane::Quotes => self.show_quotes,
            Pane::Reader => self.show_reader,
        }
    }

    pub fn toggle_pane(&mut self, pane: Pane) {
        match pane {
            Pane::Sources => self.show_sources ^= true,
            Pane::Alignment => {}
            Pane::Timeline => self.show_timeline ^= true,
            Pane::Quotes => self.show_quotes ^= true,
            Pane::Reader => self.show_reader ^= true,
        }
    }
}
