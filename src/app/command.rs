//! What the user asked for, as data.
//!
//! Panes push a [`Command`] for everything that changes the story, the
//! selection, the settings menu or the files on disk, and `App::handle`
//! applies it in one place after the frame is drawn. Widgets that edit their
//! own value in place (the search text, the exclusive-sentences checkbox)
//! are the exception, as is usual in egui.

use super::screenshot::{Shot, ShotAction};
use super::theme::ThemeChoice;
use super::{Pane, SortOrder};
use std::path::PathBuf;

#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Ask for a folder with the native dialog (falling back to the in-app picker).
    ChooseFolder,
    /// Open the in-app folder picker directly.
    ShowFolderPicker,
    OpenFolder(PathBuf),
    /// Files dropped on the window.
    OpenFiles(Vec<PathBuf>),
    OpenSample,
    /// Back to the welcome screen.
    CloseStory,
    ForgetRecent(PathBuf),

    /// Select a group (index into `analysis.groups`) and bring it into view.
    SelectGroup(usize),
    /// Move the group selection by this many visible cards.
    MoveSelection(i32),
    /// A sentence was clicked in the reader: select its group and show its
    /// article.
    SelectSentence(String),
    /// One source's line of a card was clicked: select that group and show
    /// that sentence in the reader (a sentence can be in several groups).
    SelectMember(usize, String),
    /// Select a quote cluster (or a lone quote, by its own id).
    SelectQuote(String),
    /// Keep only sentences of this timeline event, or stop filtering.
    FilterEvent(Option<String>),
    /// Clear the search, the event filter and the quote selection.
    ClearFilters,
    ToggleSource(String),
    /// Show the source of the article at this index under a new name
    /// (remembered for the folder; an empty name restores the found one).
    RenameSource(usize, String),
    /// Read subfolders of the open folder too (or stop), and reload.
    SetSubfolders(bool),
    /// The open folder changed on disk: read it again, keeping the selection.
    Reload,
    ShowArticle(String),
    SetSort(SortOrder),
    FocusSearch,

    TogglePane(Pane),
    SetTheme(ThemeChoice),
    ShowProblems(bool),

    Screenshot(Shot, ShotAction),
    /// Write a captured screenshot to a path the user chose.
    SaveScreenshotTo(PathBuf),
    /// Replace an existing file with the pending screenshot (after asking).
    ConfirmOverwrite(bool),
}
