//! Small widgets the panes share: pane headers, colour chips and dots,
//! source chips, tinted banners, and the resizable panel that remembers its
//! size.

use super::theme;
use eframe::egui::{self, Color32, RichText, Sense, Stroke};

/// A pane title with a quiet summary on the right.
pub fn pane_header_ui(ui: &mut egui::Ui, title: &str, summary: &str) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(title).font(theme::pane_title_font()).strong());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(RichText::new(summary).small().weak());
        });
    });
    ui.add_space(4.0);
}

/// A rounded colour swatch.
pub fn colour_chip_ui(ui: &mut egui::Ui, colour: Color32, size: f32) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(egui::vec2(size, size), Sense::hover());
    ui.painter().rect_filled(rect, 3.0, colour);
    response
}

/// A small round dot in a source's colour.
pub fn colour_dot_ui(ui: &mut egui::Ui, colour: Color32) -> egui::Response {
    let (dot, response) = ui.allocate_exact_size(egui::vec2(9.0, 9.0), Sense::hover());
    ui.painter().circle_filled(dot.center(), 4.0, colour);
    response
}

/// A small rounded label in a source's colour.
pub fn source_chip_ui(ui: &mut egui::Ui, name: &str, colour: Color32) -> egui::Response {
    egui::Frame::new()
        .fill(colour.gamma_multiply(0.16))
        .stroke(Stroke::new(1.0, colour.gamma_multiply(0.6)))
        .corner_radius(9.0)
        .inner_margin(egui::Margin::symmetric(7, 1))
        .show(ui, |ui| {
            ui.label(RichText::new(name).small().color(colour));
        })
        .response
}

/// The frame of a banner or chip lightly tinted with `colour` (a warning,
/// an error, the active filter).
pub fn tinted_frame(colour: Color32, corner_radius: f32, margin: egui::Margin) -> egui::Frame {
    egui::Frame::new().fill(colour.gamma_multiply(0.12)).corner_radius(corner_radius).inner_margin(margin)
}

/// The window edge a [`remembered_panel`] sits on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edge {
    Left,
    Right,
    Top,
    Bottom,
}

/// A resizable panel on `edge` that opens at `*size` points and writes its
/// size back into it, so the settings remember it.
pub fn remembered_panel<R>(
    ui: &mut egui::Ui,
    edge: Edge,
    id: &str,
    size: &mut f32,
    min_size: f32,
    frame: egui::Frame,
    add_contents: impl FnOnce(&mut egui::Ui) -> R,
) -> egui::InnerResponse<R> {
    let panel = match edge {
        Edge::Left => egui::Panel::left(id),
        Edge::Right => egui::Panel::right(id),
        Edge::Top => egui::Panel::top(id),
        Edge::Bottom => egui::Panel::bottom(id),
    };
    let inner = panel.resizable(true).default_size(*size).min_size(min_size).frame(frame).show(ui, add_contents);
    let rect = inner.response.rect;
    *size = match edge {
        Edge::Left | Edge::Right => rect.width(),
        Edge::Top | Edge::Bottom => rect.height(),
    };
    inner
}
