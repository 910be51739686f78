//! What the user asked for, as data.
//!
//! Panes push a [`Command`] for everything that changes the story, the
//! selection, the settings menu or the files on disk, and `App::handle`
//! applies it in one place after the frame is drawn. Widgets that edit their
//! own value in place (the search text, the exclusive-sentences checkbox)
//! are the exception, as is usual in egui.
//!
//! The commands about the open story are a [`StoryCommand`] of their own, so
//! both `match`es are exhaustive. A command reachable from the keyboard is a
//! [`UiCommand`] (after rerun's): its shortcut is defined there once, and the
//! key handling, the menus, the hover texts and the Help list read it.

use super::export_dialog::ExportChoice;
use super::screenshot::{Shot, ShotAction};
use super::theme::ThemeChoice;
use super::{Pane, SortOrder};
use eframe::egui::{self, Key, KeyboardShortcut, Modifiers};
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

    SetSort(SortOrder),
    TogglePane(Pane),
    SetTheme(ThemeChoice),
    ShowProblems(bool),
    /// Show the source of the article at this index under a new name
    /// (remembered for the folder; an empty name restores the found one).
    RenameSource(usize, String),
    /// Read subfolders of the open folder too (or stop), and reload.
    SetSubfolders(bool),
    /// The open folder changed on disk: read it again, keeping the selection.
    Reload,

    Screenshot(Shot, ShotAction),
    /// Write a captured screenshot to a path the user chose.
    SaveScreenshotTo(PathBuf),
    /// Replace an existing file with the pending screenshot (after asking).
    ConfirmOverwrite(bool),

    /// Show or close the "Export report…" dialog.
    ShowExportDialog(bool),
    /// Ask where to save a report in this format.
    ExportReport(ExportChoice),
    /// Write the pending report to a path the user chose.
    SaveReportTo(PathBuf),
    /// Replace an existing file with the pending report (after asking).
    ConfirmReportOverwrite(bool),

    /// About the open story; ignored when no story is open.
    Story(StoryCommand),
}

/// Commands about the open story: selection and filters.
#[derive(Clone, Debug, PartialEq)]
pub enum StoryCommand {
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
    ShowArticle(String),
    /// Show every member of a large card (index into `analysis.groups`).
    ShowAllMembers(usize),
    FocusSearch,
}

impl From<StoryCommand> for Command {
    fn from(command: StoryCommand) -> Self {
        Command::Story(command)
    }
}

/// The commands that have a keyboard shortcut.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UiCommand {
    SaveScreenshot,
    OpenFolder,
    FocusSearch,
    ClearFilters,
    NextFact,
    PreviousFact,
}

impl UiCommand {
    /// All of them, in the order their keys are checked.
    pub const ALL: [UiCommand; 6] = [
        UiCommand::SaveScreenshot,
        UiCommand::OpenFolder,
        UiCommand::FocusSearch,
        UiCommand::ClearFilters,
        UiCommand::NextFact,
        UiCommand::PreviousFact,
    ];

    /// The one place a shortcut is defined.
    pub fn shortcut(self) -> KeyboardShortcut {
        match self {
            UiCommand::SaveScreenshot => KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::S),
            UiCommand::OpenFolder => KeyboardShortcut::new(Modifiers::COMMAND, Key::O),
            UiCommand::FocusSearch => KeyboardShortcut::new(Modifiers::COMMAND, Key::F),
            UiCommand::ClearFilters => KeyboardShortcut::new(Modifiers::NONE, Key::Escape),
            UiCommand::NextFact => KeyboardShortcut::new(Modifiers::NONE, Key::ArrowDown),
            UiCommand::PreviousFact => KeyboardShortcut::new(Modifiers::NONE, Key::ArrowUp),
        }
    }

    /// What the key does.
    pub fn command(self) -> Command {
        match self {
            UiCommand::SaveScreenshot => Command::Screenshot(Shot::Window, ShotAction::Save),
            UiCommand::OpenFolder => Command::ChooseFolder,
            UiCommand::FocusSearch => StoryCommand::FocusSearch.into(),
            UiCommand::ClearFilters => StoryCommand::ClearFilters.into(),
            UiCommand::NextFact => StoryCommand::MoveSelection(1).into(),
            UiCommand::PreviousFact => StoryCommand::MoveSelection(-1).into(),
        }
    }

    /// Whether the key is listened for now. The story keys wait while a
    /// dialog is open; the arrows also while a text field has the keyboard.
    pub fn listens(self, has_story: bool, modal_open: bool, typing: bool) -> bool {
        match self {
            UiCommand::SaveScreenshot | UiCommand::OpenFolder => true,
            UiCommand::FocusSearch | UiCommand::ClearFilters => has_story && !modal_open,
            UiCommand::NextFact | UiCommand::PreviousFact => has_story && !modal_open && !typing,
        }
    }

    /// Whether a pressed key does something: a screenshot needs a story
    /// (the key is still taken, so that it does nothing else).
    pub fn applies(self, has_story: bool) -> bool {
        self != UiCommand::SaveScreenshot || has_story
    }

    /// The shortcut as menus and hover texts spell it (`Ctrl+O`, `Esc`).
    pub fn shortcut_text(self, ctx: &egui::Context) -> String {
        let shortcut = self.shortcut();
        if !shortcut.modifiers.is_none() {
            return ctx.format_shortcut(&shortcut);
        }
        match shortcut.logical_key {
            Key::ArrowUp => "Up".to_string(),
            Key::ArrowDown => "Down".to_string(),
            Key::Escape => "Esc".to_string(),
            key => key.name().to_string(),
        }
    }
}

/// The Help menu's keyboard list: commands that share a line, and what
/// they do.
pub const HELP: &[(&[UiCommand], &str)] = &[
    (&[UiCommand::OpenFolder], "Open a folder"),
    (&[UiCommand::SaveScreenshot], "Save a screenshot of the window"),
    (&[UiCommand::FocusSearch], "Search the aligned facts"),
    (&[UiCommand::PreviousFact, UiCommand::NextFact], "Previous / next fact"),
    (&[UiCommand::ClearFilters], "Clear the search, event filter and quote selection"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shortcut_is_distinct_and_spelled() {
        let ctx = egui::Context::default();
        let texts: Vec<String> = UiCommand::ALL.iter().map(|c| c.shortcut_text(&ctx)).collect();
        assert_eq!(texts, vec!["Ctrl+Shift+S", "Ctrl+O", "Ctrl+F", "Esc", "Down", "Up"]);
        for (i, a) in UiCommand::ALL.iter().enumerate() {
            for b in &UiCommand::ALL[i + 1..] {
                assert_ne!(a.shortcut(), b.shortcut(), "{a:?} and {b:?}");
            }
        }
        let listed: Vec<UiCommand> = HELP.iter().flat_map(|(keys, _)| keys.iter().copied()).collect();
        assert!(UiCommand::ALL.iter().all(|c| listed.contains(c)), "every shortcut is in the Help menu");
    }
}
