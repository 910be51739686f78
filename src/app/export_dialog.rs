//! File → "Export report…": pick a format and whether to export the whole
//! story or what the current filter shows, then a file name (the native save
//! dialog, or a free name in the export folder where there is none). The
//! bytes come from [`crate::export::render`], the same call as `parallax
//! export`, so the app and the command line write the same file.

use crate::export::Format;
use eframe::egui::{self, RichText};

/// What the user chose in the dialog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExportChoice {
    pub format: Format,
    /// Only what the current filter shows (else the whole story).
    pub filtered: bool,
}

impl Default for ExportChoice {
    fn default() -> Self {
        Self { format: Format::Html, filtered: false }
    }
}

/// The menu name and usual file name of a format.
pub fn describe(format: Format) -> (&'static str, &'static str) {
    Format::ALL.iter().find(|(f, _, _)| *f == format).map_or(("Report", "report"), |(_, label, name)| (*label, *name))
}

/// `parallax-albania-iran-2026-11-25-facts.csv`.
pub fn default_file_name(story: &str, format: Format, date: &str) -> String {
    let slug: String = story.chars().map(|c| if c.is_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
    let slug = slug.split('-').filter(|p| !p.is_empty()).collect::<Vec<_>>().join("-");
    let (_, name) = describe(format);
    if slug.is_empty() { format!("parallax-{date}-{name}") } else { format!("parallax-{slug}-{date}-{name}") }
}

/// Adds the format's extension when the chosen name has none.
pub fn with_extension(path: std::path::PathBuf, format: Format) -> std::path::PathBuf {
    if path.extension().is_some() { path } else { path.with_extension(format.extension()) }
}

/// The dialog. `filter` describes the current filter (`None`: nothing is
/// filtered). Returns `Some(true)` to go on and pick a file, `Some(false)`
/// to cancel, `None` while it is open.
pub fn export_dialog_ui(ctx: &egui::Context, choice: &mut ExportChoice, filter: Option<&str>) -> Option<bool> {
    let mut answer = None;
    let modal = egui::Modal::new(egui::Id::unique("export_report")).show(ctx, |ui| {
        ui.set_width(520.0);
        ui.heading("Export report");
        ui.label(RichText::new("The same files as `parallax export FOLDER -o FILE`.").weak());
        ui.add_space(8.0);
        ui.label(RichText::new("Format").strong());
        for (format, label, name) in Format::ALL {
            ui.horizontal(|ui| {
                if ui.radio(choice.format == format, label).clicked() {
                    choice.format = format;
                }
                ui.label(RichText::new(name).weak().small());
            });
        }
        ui.add_space(8.0);
        ui.label(RichText::new("What to export").strong());
        if ui.radio(!choice.filtered, "The whole story").clicked() {
            choice.filtered = false;
        }
        ui.add_enabled_ui(filter.is_some(), |ui| {
            let text = match filter {
                Some(f) => format!(
                    "What the current filter shows ({})",
                    f.trim_start_matches("Filtered view: ").trim_end_matches('.')
                ),
                None => "What the current filter shows (nothing is filtered now)".to_string(),
            };
            if ui.radio(choice.filtered && filter.is_some(), text).clicked() {
                choice.filtered = true;
            }
        });
        let note = match choice.format {
            Format::Json => Some("JSON is always the whole analysis."),
            Format::Jsonl => Some("The corpus leaves out hidden sources only; dates and search do not cut articles."),
            Format::Png => Some("The picture shows the window as it is now."),
            _ => None,
        };
        if let Some(note) = note {
            ui.label(RichText::new(note).weak().small());
        }
        ui.add_space(10.0);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("Choose file…").clicked() {
                answer = Some(true);
            }
            if ui.button("Cancel").clicked() {
                answer = Some(false);
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(false);
    }
    answer
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_carry_story_date_and_format() {
        assert_eq!(
            default_file_name("Albania & Iran", Format::Html, "2026-11-25"),
            "parallax-albania-iran-2026-11-25-report.html"
        );
        let name = default_file_name("seeds", Format::Csv(crate::export::Table::Quotes), "2026-11-25");
        assert_eq!(Format::for_path(std::path::Path::new(&name)).unwrap(), Format::Csv(crate::export::Table::Quotes));
        assert_eq!(with_extension("a/b".into(), Format::Markdown), std::path::PathBuf::from("a/b.md"));
    }
}
