//! The menu bar: opening stories, screenshots, pane visibility, theme,
//! zoom and the keyboard shortcuts; plus a one-line summary of the story.

use super::command::HELP;
use super::screenshot::{Shot, ShotAction};
use super::theme::ThemeChoice;
use super::widgets::counted;
use super::workspace::Workspace;
use super::{Command, Pane, Settings, UiCommand};
use eframe::egui::{self, Rect};
use std::collections::BTreeMap;

/// egui's own zoom keys (`egui::gui_zoom`), listed in the Help menu.
const ZOOM_HELP: (&str, &str) = ("Ctrl+Plus / Ctrl+Minus / Ctrl+0", "Zoom in / out / reset");

pub fn menu_bar_ui(
    ui: &mut egui::Ui,
    settings: &Settings,
    workspace: Option<&Workspace>,
    pane_rects: &BTreeMap<Pane, Rect>,
    commands: &mut Vec<Command>,
) {
    let has_story = workspace.is_some();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu_ui(ui, settings, has_story, pane_rects, commands));
        ui.menu_button("View", |ui| view_menu_ui(ui, settings, commands));
        ui.menu_button("Help", help_menu_ui);
        if let Some(ws) = workspace {
            story_summary_ui(ui, ws, commands);
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            quick_buttons_ui(ui, has_story, commands);
        });
    });
}

fn file_menu_ui(
    ui: &mut egui::Ui,
    settings: &Settings,
    has_story: bool,
    pane_rects: &BTreeMap<Pane, Rect>,
    commands: &mut Vec<Command>,
) {
    let open = UiCommand::OpenFolder;
    if ui.add(egui::Button::new("Open folder…").shortcut_text(open.shortcut_text(ui.ctx()))).clicked() {
        commands.push(open.command());
    }
    if ui.button("Browse for a folder in Parallax…").clicked() {
        commands.push(Command::ShowFolderPicker);
    }
    if ui.button("Open the sample story").clicked() {
        commands.push(Command::OpenSample);
    }
    ui.add_enabled_ui(!settings.recent_folders.is_empty(), |ui| {
        ui.menu_button("Recent folders", |ui| {
            for folder in &settings.recent_folders {
                if ui.button(folder.display().to_string()).clicked() {
                    commands.push(Command::OpenFolder(folder.clone()));
                }
            }
        });
    });
    let mut subfolders = settings.subfolders;
    if ui
        .checkbox(&mut subfolders, "Include subfolders")
        .on_hover_text("Read the articles in subfolders too (links out of the folder are never followed)")
        .changed()
    {
        commands.push(Command::SetSubfolders(subfolders));
    }
    ui.separator();
    ui.add_enabled_ui(has_story, |ui| {
        let shot = UiCommand::SaveScreenshot;
        if ui.add(egui::Button::new("Save screenshot…").shortcut_text(shot.shortcut_text(ui.ctx()))).clicked() {
            commands.push(shot.command());
        }
        ui.menu_button("Save screenshot of a pane", |ui| {
            for pane in Pane::ALL {
                if ui.add_enabled(pane_rects.contains_key(&pane), egui::Button::new(pane.title())).clicked() {
                    commands.push(Command::Screenshot(Shot::Pane(pane), ShotAction::Save));
                }
            }
        });
        if ui.button("Copy screenshot").clicked() {
            commands.push(Command::Screenshot(Shot::Window, ShotAction::Copy));
        }
        ui.separator();
        if ui
            .button("Export report…")
            .on_hover_text("HTML, Markdown, CSV, SVG, PNG or a passim corpus; the whole story or the filtered view")
            .clicked()
        {
            commands.push(Command::ShowExportDialog(true));
        }
        ui.separator();
        if ui.button("Close story").clicked() {
            commands.push(Command::CloseStory);
        }
    });
}

fn view_menu_ui(ui: &mut egui::Ui, settings: &Settings, commands: &mut Vec<Command>) {
    for pane in [Pane::Sources, Pane::Quotes, Pane::Reader, Pane::Timeline] {
        let mut shown = settings.pane_visible(pane);
        if ui.checkbox(&mut shown, pane.title()).changed() {
            commands.push(Command::TogglePane(pane));
        }
    }
    ui.separator();
    ui.label(egui::RichText::new("Theme").small().weak());
    for choice in ThemeChoice::ALL {
        if ui.radio(settings.theme == choice, choice.label()).clicked() {
            commands.push(Command::SetTheme(choice));
        }
    }
    ui.separator();
    egui::gui_zoom::zoom_menu_buttons(ui);
}

fn help_menu_ui(ui: &mut egui::Ui) {
    ui.label(egui::RichText::new("Keyboard").strong());
    let ctx = ui.ctx().clone();
    let rows = HELP.iter().map(|(keys, what)| {
        let keys: Vec<String> = keys.iter().map(|k| k.shortcut_text(&ctx)).collect();
        (keys.join(" / "), *what)
    });
    for (keys, what) in rows.chain([(ZOOM_HELP.0.to_string(), ZOOM_HELP.1)]) {
        ui.horizontal(|ui| {
            ui.label(egui::RichText::new(keys).monospace());
            ui.label(what);
        });
    }
    ui.separator();
    ui.label(egui::RichText::new("Reading a fact card").strong());
    let labels = super::labels::MEMBER_LABELS.iter().map(|&l| (l, super::labels::label_meaning(l)));
    for (label, what) in labels.chain([super::labels::DISCREPANCY, super::labels::REPEATS]) {
        ui.horizontal(|ui| {
            ui.label(egui::RichText::new(label).small().weak());
            ui.label(what);
        });
    }
}

/// The story's name and counts, and the skipped or doubtful files if any.
fn story_summary_ui(ui: &mut egui::Ui, ws: &Workspace, commands: &mut Vec<Command>) {
    ui.add_space(16.0);
    ui.label(egui::RichText::new(ws.origin.name()).strong());
    let a = &ws.analysis;
    ui.label(
        egui::RichText::new(format!(
            "{} · {} · {} · {}",
            counted(a.articles.len(), "source", "sources"),
            counted(a.groups.len(), "shared fact", "shared facts"),
            counted(a.quotes.len(), "quotation", "quotations"),
            counted(a.events.len(), "dated event", "dated events")
        ))
        .weak(),
    );
    if !a.problems.is_empty() {
        let text = super::problems::problems_summary(&a.problems);
        if ui
            .add(egui::Button::new(egui::RichText::new(text).color(ui.visuals().warn_fg_color)).frame(false))
            .on_hover_text("Show the files skipped or read with a note")
            .clicked()
        {
            commands.push(Command::ShowProblems(true));
        }
    }
}

/// The buttons at the right end of the bar: screenshot and theme.
fn quick_buttons_ui(ui: &mut egui::Ui, has_story: bool, commands: &mut Vec<Command>) {
    let shot = UiCommand::SaveScreenshot;
    if has_story
        && ui
            .button("Save screenshot…")
            .on_hover_text(format!("Save a PNG of the whole window ({})", shot.shortcut_text(ui.ctx())))
            .clicked()
    {
        commands.push(shot.command());
    }
    let dark = ui.visuals().dark_mode;
    let (icon, next, tip) = if dark {
        ("Light theme", ThemeChoice::Light, "Switch to the light theme")
    } else {
        ("Dark theme", ThemeChoice::Dark, "Switch to the dark theme")
    };
    if ui.button(icon).on_hover_text(tip).clicked() {
        commands.push(Command::SetTheme(next));
    }
}
