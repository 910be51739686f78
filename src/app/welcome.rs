//! The first screen: open a folder, a recent folder or the sample story;
//! plus the loading screen and the drop overlay that share its look.

use super::widgets::tinted_frame;
use super::{Command, UiCommand};
use eframe::egui::{self, Align2, Color32, RichText};
use std::path::{Path, PathBuf};

pub fn welcome_ui(ui: &mut egui::Ui, recent: &[PathBuf], error: Option<&str>, commands: &mut Vec<Command>) {
    ui.vertical_centered(|ui| {
        ui.add_space((ui.available_height() * 0.14).max(24.0));
        ui.label(RichText::new("Parallax").size(40.0).strong());
        ui.add_space(4.0);
        ui.label(
            RichText::new(
                "See how different outlets covered the same story: aligned facts, a timeline, and who said what.",
            )
            .size(16.0)
            .weak(),
        );
        ui.add_space(28.0);

        let width = 380.0;
        let big = |text: &str| egui::Button::new(RichText::new(text).size(16.0)).min_size(egui::vec2(width, 40.0));
        let accent = super::theme::highlights(ui.visuals().dark_mode).accent;
        let primary = egui::Button::new(RichText::new("Open folder…").size(16.0).color(Color32::WHITE))
            .fill(accent)
            .min_size(egui::vec2(width, 40.0));
        if ui
            .add(primary)
            .on_hover_text(format!(
                "A folder of .txt or .md articles about one story ({})",
                UiCommand::OpenFolder.shortcut_text(ui.ctx())
            ))
            .clicked()
        {
            commands.push(Command::ChooseFolder);
        }
        ui.add_space(6.0);
        if ui
            .add(big("Open the sample story"))
            .on_hover_text("Five outlets on Albania cutting ties with Iran, September 2022")
            .clicked()
        {
            commands.push(Command::OpenSample);
        }
        ui.add_space(6.0);
        ui.label(RichText::new("or drop a folder of articles on this window").weak());

        if let Some(error) = error {
            ui.add_space(16.0);
            tinted_frame(ui.visuals().error_fg_color, 6.0, egui::Margin::symmetric(14, 10)).show(ui, |ui| {
                ui.set_max_width(width + 120.0);
                ui.label(RichText::new(format!("Could not open: {error}")).color(ui.visuals().error_fg_color));
            });
        }

        if !recent.is_empty() {
            ui.add_space(32.0);
            ui.label(RichText::new("Recent folders").strong());
            ui.add_space(4.0);
            for folder in recent {
                recent_row_ui(ui, folder, width + 120.0, commands);
            }
        }
    });
}

fn recent_row_ui(ui: &mut egui::Ui, folder: &Path, width: f32, commands: &mut Vec<Command>) {
    let name = folder.file_name().map_or_else(|| folder.display().to_string(), |n| n.to_string_lossy().into_owned());
    ui.allocate_ui(egui::vec2(width, 28.0), |ui| {
        ui.horizontal(|ui| {
            if ui
                .add(egui::Button::new(RichText::new(&name).strong()).frame(false))
                .on_hover_text(format!("Open {}", folder.display()))
                .clicked()
            {
                commands.push(Command::OpenFolder(folder.to_path_buf()));
            }
            ui.label(RichText::new(folder.display().to_string()).small().weak());
            if ui
                .add(egui::Button::new(RichText::new("×").small()).frame(false))
                .on_hover_text(format!("Forget {name}"))
                .clicked()
            {
                commands.push(Command::ForgetRecent(folder.to_path_buf()));
            }
        });
    });
}

/// The loading screen: the stage, its progress and, after the first
/// second, the seconds taken. The bar is not animated: an animated bar
/// repaints every frame, and where the window is drawn on the CPU (no GPU,
/// lavapipe) those frames took a core from the analysis, which ran three to
/// five times slower than in `parallax export` (docs/performance.md). The
/// loader's messages repaint; the seconds repaint once a second.
pub fn loading_ui(ui: &mut egui::Ui, stage: &str, fraction: f32, elapsed: std::time::Duration) {
    let seconds = elapsed.as_secs();
    ui.ctx().request_repaint_after(std::time::Duration::from_secs(seconds + 1).saturating_sub(elapsed));
    ui.vertical_centered(|ui| {
        ui.add_space((ui.available_height() * 0.35).max(24.0));
        ui.label(RichText::new("Reading the story…").size(20.0));
        ui.add_space(10.0);
        ui.add(egui::ProgressBar::new(fraction).desired_width(360.0));
        ui.add_space(4.0);
        let text = if seconds == 0 { stage.to_string() } else { format!("{stage} · {seconds} s") };
        ui.label(RichText::new(text).weak());
    });
}

/// Shown while files are dragged over the window.
pub fn drop_overlay_ui(ctx: &egui::Context) {
    let screen = ctx.content_rect();
    let painter = ctx.layer_painter(egui::LayerId::new(egui::Order::Foreground, egui::Id::unique("drop_overlay")));
    painter.rect_filled(screen, 0.0, Color32::from_black_alpha(150));
    painter.text(
        screen.center(),
        Align2::CENTER_CENTER,
        "Drop a folder or articles to open them",
        egui::FontId::proportional(24.0),
        Color32::WHITE,
    );
}
