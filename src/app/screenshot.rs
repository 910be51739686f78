//! Screenshots for reports: the whole window or one pane, saved as PNG or
//! copied to the clipboard.
//!
//! egui renders the frame and hands back the pixels through a callback, one
//! or two frames after the request (we wait a couple of frames first, so that
//! the menu the user clicked has closed). Files are written with
//! [`crate::export::write_atomic`] and never replace a file silently.

use super::Pane;
use eframe::egui::{self, ColorImage, Rect};
use image::ImageEncoder as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

/// What to capture.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shot {
    Window,
    Pane(Pane),
}

/// What to do with the picture.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShotAction {
    /// Ask where to save it.
    Save,
    /// Put it on the clipboard.
    Copy,
    /// Write it to this path without asking (the `--screenshot-on-start`
    /// flag); refuses to replace an existing file.
    WriteTo(PathBuf),
}

/// Frames to wait before capturing, so menus and tooltips have closed.
const SETTLE_FRAMES: u8 = 3;

/// A captured picture and what to do with it.
pub struct Capture {
    pub shot: Shot,
    pub action: ShotAction,
    pub image: ColorImage,
}

/// The screenshot requests in flight.
pub struct Screenshots {
    waiting: Option<(Shot, ShotAction, u8)>,
    in_flight: Option<(Shot, ShotAction)>,
    tx: Sender<Arc<ColorImage>>,
    rx: Receiver<Arc<ColorImage>>,
}

impl Default for Screenshots {
    fn default() -> Self {
        let (tx, rx) = channel();
        Self { waiting: None, in_flight: None, tx, rx }
    }
}

impl Screenshots {
    pub fn request(&mut self, shot: Shot, action: ShotAction) {
        self.waiting = Some((shot, action, SETTLE_FRAMES));
    }

    /// Advances the request by one frame; call once per frame.
    pub fn step(&mut self, ctx: &egui::Context) {
        if let Some((shot, action, frames)) = self.waiting.take() {
            if frames == 0 {
                let tx = self.tx.clone();
                let repaint = ctx.clone();
                ctx.request_screenshot(move |image| {
                    // The app may be gone by the time the frame is rendered.
                    let _: Result<(), _> = tx.send(image);
                    repaint.request_repaint();
                });
                self.in_flight = Some((shot, action));
            } else {
                self.waiting = Some((shot, action, frames - 1));
                ctx.request_repaint();
            }
        }
    }

    /// The finished capture, cropped to its pane, if it has arrived.
    pub fn poll(&mut self, pane_rect: impl Fn(Pane) -> Option<Rect>, pixels_per_point: f32) -> Option<Capture> {
        let image = self.rx.try_recv().ok()?;
        let (shot, action) = self.in_flight.take()?;
        let image = match shot {
            Shot::Window => Arc::unwrap_or_clone(image),
            Shot::Pane(pane) => match pane_rect(pane) {
                Some(rect) => image.region(&rect, Some(pixels_per_point)),
                None => Arc::unwrap_or_clone(image),
            },
        };
        Some(Capture { shot, action, image })
    }
}

/// Encodes an image as PNG.
pub fn encode_png(image: &ColorImage) -> Result<Vec<u8>, image::ImageError> {
    let [width, height] = image.size;
    let mut bytes = Vec::new();
    image::codecs::png::PngEncoder::new(&mut bytes).write_image(
        image.as_raw(),
        width as u32,
        height as u32,
        image::ExtendedColorType::Rgba8,
    )?;
    Ok(bytes)
}

/// `parallax-albania-iran-2026-11-25.png`, or `…-timeline.png` for a pane.
pub fn default_file_name(story: &str, shot: Shot, date: &str) -> String {
    let slug: String = story.chars().map(|c| if c.is_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
    let slug = slug.split('-').filter(|p| !p.is_empty()).collect::<Vec<_>>().join("-");
    let pane = match shot {
        Shot::Window => String::new(),
        Shot::Pane(pane) => format!("-{}", pane.file_label()),
    };
    if slug.is_empty() { format!("parallax-{date}{pane}.png") } else { format!("parallax-{slug}-{date}{pane}.png") }
}

/// `dir/name`, or `dir/name-2.png`, `-3`, … whichever does not exist yet.
pub fn free_path(dir: &Path, name: &str) -> PathBuf {
    let first = dir.join(name);
    if !first.exists() {
        return first;
    }
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, "png"));
    (2..).map(|n| dir.join(format!("{stem}-{n}.{ext}"))).find(|p| !p.exists()).unwrap_or(first)
}

/// Where screenshots go when no dialog can be shown: the Pictures folder,
/// else the home folder, else the working directory.
pub fn default_dir() -> PathBuf {
    let home = std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE")).map(PathBuf::from);
    match home {
        Some(home) if home.join("Pictures").is_dir() => home.join("Pictures"),
        Some(home) => home,
        None => PathBuf::from("."),
    }
}

/// Adds `.png` when the chosen name has no extension.
pub fn with_png_extension(path: PathBuf) -> PathBuf {
    if path.extension().is_some() { path } else { path.with_extension("png") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_from_story_and_date() {
        assert_eq!(
            default_file_name("Albania & Iran", Shot::Window, "2026-11-25"),
            "parallax-albania-iran-2026-11-25.png"
        );
        assert_eq!(
            default_file_name("seeds", Shot::Pane(Pane::Timeline), "2026-11-25"),
            "parallax-seeds-2026-11-25-timeline.png"
        );
        assert_eq!(default_file_name("…", Shot::Window, "2026-11-25"), "parallax-2026-11-25.png");
    }

    #[test]
    fn free_path_never_picks_an_existing_file() {
        let dir = std::env::temp_dir().join(format!("parallax-shot-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        assert_eq!(free_path(&dir, "a.png"), dir.join("a.png"));
        std::fs::write(dir.join("a.png"), b"x").unwrap();
        std::fs::write(dir.join("a-2.png"), b"x").unwrap();
        assert_eq!(free_path(&dir, "a.png"), dir.join("a-3.png"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn png_round_trip_keeps_size() {
        let image = ColorImage::filled([3, 2], egui::Color32::RED);
        let bytes = encode_png(&image).unwrap();
        let decoded = image::load_from_memory(&bytes).unwrap();
        assert_eq!((decoded.width(), decoded.height()), (3, 2));
    }
}
