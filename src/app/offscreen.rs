//! The app's view drawn off-screen into a PNG, for `parallax export -o
//! view.png`: the real [`App`] with its own panes, run for a few frames in
//! `egui_kittest`'s harness and rendered through wgpu into a texture. On a
//! machine without a GPU, wgpu picks Mesa's lavapipe and draws on the CPU;
//! no window and no display are needed.
//!
//! The app starts from default settings (not the user's saved ones), so the
//! same folder gives the same picture on every machine with the same fonts.

use super::dialog::{DialogOutcome, DialogReply, Dialogs};
use super::{App, Origin, Pane, Startup};
use crate::model::Analysis;
use crate::report::View;
use eframe::egui;
use image::ImageEncoder as _;
use std::path::Path;
use std::sync::mpsc::Sender;

/// What to draw, and how large.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PngOptions {
    /// One pane, or the whole window.
    pub pane: Option<Pane>,
    /// The window size in points.
    pub size: [u32; 2],
    /// Pixels per point: the picture is `size × scale` pixels (a pane, its
    /// part of that).
    pub scale: f32,
    pub dark: bool,
}

impl Default for PngOptions {
    fn default() -> Self {
        Self { pane: None, size: [1600, 1000], scale: 1.0, dark: false }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum OffscreenError {
    #[error("could not draw the view off-screen: {0} (is a Vulkan driver such as mesa-vulkan-drivers installed?)")]
    Render(String),
    #[error("the scale must be between 0.5 and 4, not {0}")]
    Scale(f32),
    #[error("the {0} pane was not drawn")]
    PaneMissing(&'static str),
    #[error("could not encode the PNG: {0}")]
    Encode(#[from] image::ImageError),
}

/// No dialogs off-screen.
struct NoDialogs;

impl Dialogs for NoDialogs {
    fn pick_folder(&self, _start: Option<&Path>, reply: Sender<DialogReply>, _ctx: &egui::Context) {
        _ = reply.send(DialogReply { purpose: super::DialogPurpose::OpenFolder, outcome: DialogOutcome::Unavailable });
    }

    fn save_png(&self, _start: Option<&Path>, _name: &str, reply: Sender<DialogReply>, _ctx: &egui::Context) {
        let outcome = DialogOutcome::Unavailable;
        _ = reply.send(DialogReply { purpose: super::DialogPurpose::SaveScreenshot, outcome });
    }
}

/// Draws `analysis` as the app shows it with `view` applied (the selected
/// date, the search, the hidden sources) and returns the PNG bytes.
pub fn render_png(
    analysis: Analysis,
    origin: Origin,
    view: &View,
    options: &PngOptions,
) -> Result<Vec<u8>, OffscreenError> {
    if !(0.5..=4.0).contains(&options.scale) {
        return Err(OffscreenError::Scale(options.scale));
    }
    let [w, h] = options.size;
    let theme = if options.dark { egui::Theme::Dark } else { egui::Theme::Light };
    let mut harness = egui_kittest::Harness::builder()
        .with_size(egui::vec2(w as f32, h as f32))
        .with_pixels_per_point(options.scale)
        .with_theme(theme)
        .with_max_steps(64)
        .wgpu()
        .build_eframe(|cc| App::new(cc, Startup::default(), Box::new(NoDialogs)));
    let app = harness.state_mut();
    app.open_analysis(analysis, origin);
    if let Some(ws) = app.workspace_mut() {
        ws.event_filter = view.event.clone();
        ws.search = view.search.clone();
        ws.hidden = view.hidden.clone();
    }
    // Enough frames for every pane to lay itself out and measure its cards.
    harness.run_steps(8);
    let image = harness.render().map_err(OffscreenError::Render)?;
    let image = match options.pane {
        None => image,
        Some(pane) => {
            let rect = harness.state().pane_rect(pane).ok_or(OffscreenError::PaneMissing(pane.file_label()))?;
            let s = options.scale;
            let (x, y) = ((rect.min.x * s).round().max(0.0) as u32, (rect.min.y * s).round().max(0.0) as u32);
            let x = x.min(image.width().saturating_sub(1));
            let y = y.min(image.height().saturating_sub(1));
            let cw = ((rect.width() * s).round() as u32).min(image.width() - x).max(1);
            let ch = ((rect.height() * s).round() as u32).min(image.height() - y).max(1);
            image::imageops::crop_imm(&image, x, y, cw, ch).to_image()
        }
    };
    let mut bytes = Vec::new();
    image::codecs::png::PngEncoder::new(&mut bytes).write_image(
        image.as_raw(),
        image.width(),
        image.height(),
        image::ExtendedColorType::Rgba8,
    )?;
    Ok(bytes)
}
