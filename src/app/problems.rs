//! Things that went wrong, shown without getting in the way: the list of
//! files that were skipped or read with a doubt, the "replace this file?"
//! question, and the short notices in the corner of the window.

use super::virtual_list::{RowHeights, list_id};
use crate::model::Problem;
use eframe::egui::{self, RichText};
use std::path::Path;

/// "2 files skipped · 1 with a note": the problems in a few words.
pub fn problems_summary(problems: &[Problem]) -> String {
    let skipped = problems.iter().filter(|p| p.skipped).count();
    let noted = problems.len() - skipped;
    let files = |n: usize| if n == 1 { "file" } else { "files" };
    match (skipped, noted) {
        (0, n) => format!("{n} {} read with a note", files(n)),
        (n, 0) => format!("{n} {} skipped", files(n)),
        (s, n) => format!("{s} {} skipped · {n} with a note", files(s)),
    }
}

/// The list of skipped and doubtful files. Returns false once the user
/// closes it.
pub fn problems_window(ctx: &egui::Context, problems: &[Problem]) -> bool {
    let mut open = true;
    let modal = egui::Modal::new(egui::Id::unique("problems")).show(ctx, |ui| {
        ui.set_width(560.0);
        ui.heading("Files skipped or read with a note");
        ui.label(
            RichText::new(
                "Files marked \u{2715} are not in the analysis; files marked ! are, read as the note says. \
                 Everything else in the folder is loaded and analysed.",
            )
            .weak(),
        );
        ui.add_space(8.0);
        problems_list_ui(ui, problems);
        ui.add_space(8.0);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("Close").clicked() {
                open = false;
            }
        });
    });
    open && !modal.should_close()
}

/// One line per problem: the file name, then what is wrong with it.
pub fn problems_list_ui(ui: &mut egui::Ui, problems: &[Problem]) {
    if problems.is_empty() {
        ui.label(RichText::new("Every file was read.").weak());
        return;
    }
    // Only the lines in view are laid out; their heights are kept in the
    // context's memory while the list is open.
    let id = egui::Id::unique("problems_rows");
    let mut rows: RowHeights = ui.data_mut(|d| d.remove_temp(id)).unwrap_or_default();
    rows.prepare(list_id(("problems", problems.len())), ui.available_width(), problems.len(), |_| 20.0);
    let scroll = egui::ScrollArea::vertical().max_height(320.0);
    rows.show(ui, scroll, None, |ui, i, _| {
        let problem = &problems[i];
        ui.horizontal_wrapped(|ui| {
            let mark = if problem.skipped { "\u{2715}" } else { "!" };
            ui.label(RichText::new(mark).strong().color(ui.visuals().warn_fg_color));
            ui.label(RichText::new(&problem.file).strong());
            ui.label(RichText::new(&problem.message).weak());
        });
    });
    ui.data_mut(|d| d.insert_temp(id, rows));
}

/// Asks before a screenshot replaces an existing file: `Some(true)` to
/// replace, `Some(false)` to cancel, `None` while undecided.
pub fn confirm_overwrite_ui(ctx: &egui::Context, path: &Path) -> Option<bool> {
    let mut answer = None;
    let modal = egui::Modal::new(egui::Id::unique("confirm_overwrite")).show(ctx, |ui| {
        ui.set_width(460.0);
        ui.heading("Replace the existing file?");
        ui.label(format!("{} already exists.", path.display()));
        ui.add_space(8.0);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("Replace").clicked() {
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

/// A short message at the bottom right of the window.
pub fn notice_ui(ctx: &egui::Context, text: &str, is_error: bool) {
    egui::Area::new(egui::Id::unique("notice"))
        .anchor(egui::Align2::RIGHT_BOTTOM, egui::vec2(-16.0, -16.0))
        .order(egui::Order::Foreground)
        .interactable(false)
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).inner_margin(egui::Margin::symmetric(14, 10)).show(ui, |ui| {
                ui.set_max_width(520.0);
                let colour = if is_error { ui.visuals().warn_fg_color } else { ui.visuals().text_color() };
                ui.label(RichText::new(text).color(colour));
            });
        });
}
