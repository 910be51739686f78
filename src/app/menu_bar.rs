//! The menu bar: opening stories, screenshots, pane visibility, theme,
//! zoom and the keyboard shortcuts; plus a one-line summary of the story.

use super::screenshot::{Shot, ShotAction};
use super::theme::ThemeChoice;
use super::workspace::Workspace;
use super::{Command, Pane, Settings};
use eframe::egui::{self, Key, KeyboardShortcut, Modifiers, Rect};
use std::collections::BTreeMap;

/// The keyboard shortcuts, as shown in the Help menu.
pub const SHORTCUTS: &[(&str, &str)] = &[
    ("Ctrl+O", "Open a folder"),
    ("Ctrl+Shift+S", "Save a screenshot of the window"),
    ("Ctrl+F", "Search the aligned facts"),
    ("Up / Down", "Previous / next fact"),
    ("Esc", "Clear the search, event filter and quote selection"),
    ("Ctrl+Plus / Ctrl+Minus / Ctrl+0", "Zoom in / out / reset"),
];

pub fn menu_bar_ui(
    ui: &mut egui::Ui,
    settings: &Settings,
    workspace: Option<&Workspace>,
    pane_rects: &BTreeMap<Pane, Rect>,
    commands: &mut Vec<Command>,
) {
    let has_story = workspace.is_some();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if ui
                .add(
                    egui::Button::new("Open folder…")
                        .shortcut_text(ui.ctx().format_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::O))),
                )
                .clicked()
            {
                commands.push(Command::ChooseFolder);
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
                let shot = KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
                if ui
                    .add(egui::Button::new("Save screenshot…").shortcut_text(ui.ctx().format_shortcut(&shot)))
                    .clicked()
                {
                    commands.push(Command::Screenshot(Shot::Window, ShotAction::Save));
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
                if ui.button("Close story").clicked() {
                    commands.push(Command::CloseStory);
                }
            });
        });
        ui.menu_button("View", |ui| {
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
        });
        ui.menu_button("Help", |ui| {
            ui.label(egui::RichText::new("Keyboard").strong());
            for (keys, what) in SHORTCUTS {
                ui.horizontal(|ui| {
                    ui.label(egui::RichText::new(*keys).monospace());
                    ui.label(*what);
                });
            }
        });

        if let Some(ws) = workspace {
            ui.add_space(16.0);
            ui.label(egui::RichText::new(ws.origin.name()).strong());
            let a = &ws.analysis;
            ui.label(
                egui::RichText::new(format!(
                    "{} sources · {} shared facts · {} quotations · {} dated events",
                    a.articles.len(),
                    a.groups.len(),
                    a.quotes.len(),
                    a.events.len()
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
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if has_story
                && ui
                    .button("Save screenshot…")
                    .on_hover_text("Save a PNG of the whole window (Ctrl+Shift+S)")
                    .clicked()
            {
                commands.push(Command::Screenshot(Shot::Window, ShotAction::Save));
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
        });
    });
}
