//! Small widgets the panes share: counts with their nouns, pane headers, colour chips and dots,
//! source chips, tinted banners, and the resizable panel that remembers its
//! size.

use super::theme;
use eframe::egui::{self, Color32, RichText, Sense, Stroke};

/// "1 source", "5 sources": a count with its noun.
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

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

/// A small rounded label in a source's colour, on one line: a name wider
/// than `max_width` is cut with an ellipsis.
pub fn source_chip_ui(ui: &mut egui::Ui, name: &str, colour: Color32, max_width: f32) -> egui::Response {
    let galley = chip_galley(ui, name, colour, max_width);
    egui::Frame::new()
        .fill(colour.gamma_multiply(0.16))
        .stroke(Stroke::new(1.0, colour.gamma_multiply(0.6)))
        .corner_radius(9.0)
        .inner_margin(egui::Margin::symmetric(CHIP_MARGIN as i8, 1))
        .show(ui, |ui| {
            ui.add(egui::Label::new(galley).selectable(false));
        })
        .response
}

/// Room a chip takes beside its text: margins and stroke.
const CHIP_MARGIN: f32 = 7.0;

fn chip_galley(ui: &egui::Ui, name: &str, colour: Color32, max_width: f32) -> std::sync::Arc<egui::Galley> {
    let font = egui::TextStyle::Small.resolve(ui.style());
    let mut job = egui::text::LayoutJob::simple_singleline(name.to_string(), font, colour);
    job.wrap = egui::text::TextWrapping::truncate_at_width((max_width - 2.0 * CHIP_MARGIN - 2.0).max(20.0));
    ui.fonts_mut(|f| f.layout_job(job))
}

/// One source chip: its name, its colour, and a quiet tag after it.
pub type Chip<'a> = (String, Color32, Option<&'a str>);

/// Source chips in rows that wrap: a chip that does not fit on the row
/// starts the next row whole. Past `max` chips, a "+N" chip stands for the
/// rest (hovering lists them). `trailer` is a quiet note after the chips.
pub fn source_chips_ui(ui: &mut egui::Ui, chips: &[Chip<'_>], max: usize, trailer: Option<&str>) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        let line = ui.max_rect().width();
        let shown = if chips.len() > max { max.saturating_sub(1) } else { chips.len() };
        let weak = ui.visuals().weak_text_color();
        for (name, colour, tag) in &chips[..shown] {
            let width = chip_galley(ui, name, *colour, line).size().x + 2.0 * CHIP_MARGIN + 2.0;
            wrap_before(ui, width);
            source_chip_ui(ui, name, *colour, line);
            if let Some(tag) = tag {
                ui.label(RichText::new(*tag).small().weak());
            }
        }
        let rest = &chips[shown..];
        if !rest.is_empty() {
            let more = format!("+{}", rest.len());
            let width = chip_galley(ui, &more, weak, line).size().x + 2.0 * CHIP_MARGIN + 2.0;
            wrap_before(ui, width);
            let names: Vec<&str> = rest.iter().take(40).map(|(n, ..)| n.as_str()).collect();
            let mut tip = names.join(", ");
            if rest.len() > names.len() {
                tip.push_str(&format!(" and {} more", rest.len() - names.len()));
            }
            source_chip_ui(ui, &more, weak, line).on_hover_text(tip);
        }
        if let Some(trailer) = trailer {
            ui.label(RichText::new(trailer).small().weak());
        }
    });
}

/// In a wrapping row: starts a new row unless `width` fits on this one.
pub fn wrap_before(ui: &mut egui::Ui, width: f32) {
    let at_row_start = ui.cursor().min.x <= ui.max_rect().min.x + 0.5;
    if !at_row_start && ui.available_size_before_wrap().x < width {
        ui.end_row();
    }
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
/// size back into it, so the settings remember it. Only the user changes
/// its size: its contents are laid out in it, never around it.
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
    let inner = panel.resizable(true).default_size(*size).min_size(min_size).frame(frame).show(ui, |ui| {
        // The contents get the panel's size and never push it wider or
        // taller: egui remembers a panel at the size of what it holds, so
        // one wide row would otherwise keep the pane wide for good. Whatever
        // does not fit is clipped at the panel's edge.
        let rect = ui.max_rect();
        let mut contents = ui.new_child(egui::UiBuilder::new().max_rect(rect).layout(*ui.layout()));
        let inner = add_contents(&mut contents);
        ui.advance_cursor_after_rect(rect);
        inner
    });
    let rect = inner.response.rect;
    *size = match edge {
        Edge::Left | Edge::Right => rect.width(),
        Edge::Top | Edge::Bottom => rect.height(),
    };
    inner
}
