//! The in-app folder picker, for desktops where no native dialog can open
//! (no XDG portal and no zenity): a path field with completion and a simple
//! directory browser. It only reads directory listings.

use crate::corpus::is_article_file;
use eframe::egui::{self, RichText};
use std::path::{Path, PathBuf};

/// What the picker decided this frame.
pub enum PickerResult {
    Pending,
    Open(PathBuf),
    Cancel,
}

/// The listing of one directory.
#[derive(Default)]
struct Listing {
    dir: PathBuf,
    subdirs: Vec<String>,
    articles: usize,
    error: Option<String>,
}

impl Listing {
    fn read(dir: &Path) -> Self {
        let mut listing = Listing { dir: dir.to_path_buf(), ..Listing::default() };
        match std::fs::read_dir(dir) {
            Ok(entries) => {
                for entry in entries.filter_map(Result::ok) {
                    let name = entry.file_name().to_string_lossy().into_owned();
                    if name.starts_with('.') {
                        continue;
                    }
                    let path = entry.path();
                    if path.is_dir() {
                        listing.subdirs.push(name);
                    } else if is_article_file(&path) {
                        listing.articles += 1;
                    }
                }
                listing.subdirs.sort_by_key(|n| n.to_lowercase());
            }
            Err(e) => listing.error = Some(e.to_string()),
        }
        listing
    }
}

pub struct FolderPicker {
    path_text: String,
    listing: Listing,
}

impl FolderPicker {
    pub fn new(start: PathBuf) -> Self {
        let listing = Listing::read(&start);
        Self { path_text: start.display().to_string(), listing }
    }

    fn go_to(&mut self, dir: PathBuf) {
        self.path_text = dir.display().to_string();
        self.listing = Listing::read(&dir);
    }

    /// Subdirectories matching what is typed after the last separator.
    fn completions(&self) -> Vec<PathBuf> {
        let typed = Path::new(&self.path_text);
        if typed.is_dir() && self.path_text.ends_with(std::path::MAIN_SEPARATOR) {
            return Vec::new();
        }
        let (Some(parent), Some(prefix)) = (typed.parent(), typed.file_name()) else {
            return Vec::new();
        };
        let prefix = prefix.to_string_lossy().to_lowercase();
        let listing = if parent == self.listing.dir { None } else { Some(Listing::read(parent)) };
        let subdirs = listing.as_ref().map_or(&self.listing.subdirs, |l| &l.subdirs);
        subdirs
            .iter()
            .filter(|n| n.to_lowercase().starts_with(&prefix) && n.to_lowercase() != prefix)
            .take(6)
            .map(|n| parent.join(n))
            .collect()
    }

    pub fn show(&mut self, ctx: &egui::Context) -> PickerResult {
        let mut result = PickerResult::Pending;
        let mut go_to = None;
        let modal = egui::Modal::new(egui::Id::unique("folder_picker")).show(ctx, |ui| {
            ui.set_width(600.0);
            ui.heading("Open a folder of articles");
            ui.label(RichText::new("No system file dialog is available here, so pick the folder in Parallax.").weak());
            ui.add_space(8.0);

            let label = ui.label("Folder");
            let edit = ui.add(
                egui::TextEdit::singleline(&mut self.path_text)
                    .desired_width(f32::INFINITY)
                    .hint_text("/path/to/articles"),
            );
            let edit = edit.labelled_by(label.id);
            if edit.changed() {
                let typed = PathBuf::from(&self.path_text);
                if typed.is_dir() {
                    self.listing = Listing::read(&typed);
                }
            }
            if edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                let typed = PathBuf::from(&self.path_text);
                if typed.is_dir() {
                    result = PickerResult::Open(typed);
                }
            }
            for completion in self.completions() {
                let name = completion.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                if ui
                    .add(egui::Button::new(format!("› {name}")).frame(false))
                    .on_hover_text(completion.display().to_string())
                    .clicked()
                {
                    go_to = Some(completion);
                }
            }

            ui.add_space(6.0);
            ui.separator();
            ui.horizontal(|ui| {
                let up = self.listing.dir.parent().map(Path::to_path_buf);
                if ui
                    .add_enabled(up.is_some(), egui::Button::new("Up one level"))
                    .on_hover_text("The folder above")
                    .clicked()
                {
                    go_to = up;
                }
                ui.label(RichText::new(self.listing.dir.display().to_string()).strong());
            });
            egui::ScrollArea::vertical().max_height(300.0).auto_shrink([false, true]).show(ui, |ui| {
                if let Some(error) = &self.listing.error {
                    ui.label(
                        RichText::new(format!("Cannot read this folder: {error}")).color(ui.visuals().error_fg_color),
                    );
                }
                if self.listing.subdirs.is_empty() && self.listing.error.is_none() {
                    ui.label(RichText::new("No folders inside.").weak());
                }
                for name in &self.listing.subdirs {
                    if ui.add(egui::Button::new(format!("{name}/")).frame(false)).on_hover_text("Look inside").clicked()
                    {
                        go_to = Some(self.listing.dir.join(name));
                    }
                }
            });
            ui.separator();
            ui.horizontal(|ui| {
                let n = self.listing.articles;
                let summary = match n {
                    0 => "No articles (.txt, .md) in this folder".to_string(),
                    1 => "1 article in this folder".to_string(),
                    n => format!("{n} articles in this folder"),
                };
                ui.label(RichText::new(summary).weak());
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui.add_enabled(n > 0, egui::Button::new("Open this folder")).clicked() {
                        result = PickerResult::Open(self.listing.dir.clone());
                    }
                    if ui.button("Cancel").clicked() {
                        result = PickerResult::Cancel;
                    }
                });
            });
        });
        if let Some(dir) = go_to {
            self.go_to(dir);
        }
        if modal.should_close() && matches!(result, PickerResult::Pending) {
            result = PickerResult::Cancel;
        }
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_subfolders_and_counts_articles() {
        let dir = std::env::temp_dir().join(format!("parallax-picker-test-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("Stories")).unwrap();
        std::fs::create_dir_all(dir.join("stash")).unwrap();
        std::fs::create_dir_all(dir.join(".hidden")).unwrap();
        std::fs::write(dir.join("a.txt"), "x").unwrap();
        std::fs::write(dir.join("b.png"), "x").unwrap();
        let listing = Listing::read(&dir);
        assert_eq!(listing.subdirs, vec!["stash", "Stories"]);
        assert_eq!(listing.articles, 1);

        let mut picker = FolderPicker::new(dir.clone());
        picker.path_text = dir.join("st").display().to_string();
        assert_eq!(picker.completions(), vec![dir.join("stash"), dir.join("Stories")]);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
