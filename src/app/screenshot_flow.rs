//! The screenshot flow around [`Screenshots`]: the capture waiting for a
//! file name or for permission to replace a file, and the one screenshot
//! taken at start-up (`--screenshot-on-start`), after which the app quits.
//!
//! It decides; the app shows the notices and asks the dialogs.

use super::Pane;
use super::screenshot::{self, Capture, Screenshots, Shot, ShotAction};
use eframe::egui::{self, Rect};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Frames to let a freshly opened story lay itself out (and measure its
/// cards) before the start-up screenshot.
const STARTUP_SETTLE_FRAMES: u32 = 8;

pub struct ScreenshotFlow {
    screenshots: Screenshots,
    /// A screenshot waiting for a file name, or for permission to overwrite.
    pending: Option<Capture>,
    confirm_overwrite: Option<PathBuf>,
    /// Where the start-up screenshot goes, until it is taken.
    startup_shot: Option<PathBuf>,
    frames_since_load: u32,
    /// Started with a start-up screenshot: quit once it is written.
    quit_after_shot: bool,
}

/// What writing the pending screenshot came to.
#[derive(Debug, PartialEq)]
pub enum Written {
    /// Nothing was pending, or the user is being asked about replacing a file.
    Waiting,
    Saved(PathBuf),
    Failed(String),
}

impl ScreenshotFlow {
    pub fn new(startup_shot: Option<PathBuf>) -> Self {
        Self {
            screenshots: Screenshots::default(),
            pending: None,
            confirm_overwrite: None,
            quit_after_shot: startup_shot.is_some(),
            startup_shot,
            frames_since_load: 0,
        }
    }

    pub fn request(&mut self, shot: Shot, action: ShotAction) {
        self.screenshots.request(shot, action);
    }

    /// Advances a request by one frame; call once per frame.
    pub fn step(&mut self, ctx: &egui::Context) {
        self.screenshots.step(ctx);
    }

    /// The finished capture, cropped to its pane, if it has arrived.
    pub fn poll(&mut self, pane_rects: &BTreeMap<Pane, Rect>, pixels_per_point: f32) -> Option<Capture> {
        self.screenshots.poll(|p| pane_rects.get(&p).copied(), pixels_per_point)
    }

    /// A story was opened: the start-up screenshot waits for it to settle.
    pub fn story_opened(&mut self) {
        self.frames_since_load = 0;
    }

    /// Once per frame: the command that takes the start-up screenshot, when
    /// the story (or the error) has been shown for a few frames.
    pub fn startup_frame(&mut self, ctx: &egui::Context, loading: bool, shown: bool) -> Option<(Shot, ShotAction)> {
        self.startup_shot.as_ref()?;
        // While the story loads, the loader's messages bring the frames:
        // asking for every frame here drew the loading screen as fast as
        // the renderer could, which on a CPU renderer (lavapipe) took a
        // core from the analysis. Then keep frames coming until the
        // picture is taken.
        if loading {
            return None;
        }
        ctx.request_repaint();
        if shown {
            self.frames_since_load += 1;
        }
        if self.frames_since_load >= STARTUP_SETTLE_FRAMES {
            return self.startup_shot.take().map(|path| (Shot::Window, ShotAction::WriteTo(path)));
        }
        None
    }

    pub fn quits_after_shot(&self) -> bool {
        self.quit_after_shot
    }

    /// The file the user is asked about replacing.
    pub fn asking_overwrite(&self) -> Option<&Path> {
        self.confirm_overwrite.as_deref()
    }

    /// Keeps a capture until it has a file name.
    pub fn hold(&mut self, capture: Capture) {
        self.pending = Some(capture);
    }

    pub fn pending_shot(&self) -> Option<Shot> {
        self.pending.as_ref().map(|c| c.shot)
    }

    /// The user cancelled the file dialog.
    pub fn drop_pending(&mut self) {
        self.pending = None;
    }

    /// The user answered the overwrite question.
    pub fn answer_overwrite(&mut self, yes: bool, article_folders: &[&Path]) -> Written {
        match self.confirm_overwrite.take() {
            Some(path) if yes => self.write_pending(path, true, article_folders),
            Some(_) => {
                self.pending = None;
                Written::Waiting
            }
            None => Written::Waiting,
        }
    }

    /// Writes the pending screenshot; never into an article folder, and
    /// asks before replacing a file.
    pub fn write_pending(&mut self, path: PathBuf, overwrite: bool, article_folders: &[&Path]) -> Written {
        let Some(capture) = &self.pending else {
            return Written::Waiting;
        };
        for folder in article_folders {
            if let Err(e) = crate::export::check_outside(folder, &path) {
                self.pending = None;
                return Written::Failed(e.to_string());
            }
        }
        if !overwrite && path.exists() && !self.quit_after_shot {
            self.confirm_overwrite = Some(path);
            return Written::Waiting;
        }
        let result = screenshot::encode_png(&capture.image)
            .map_err(|e| e.to_string())
            .and_then(|bytes| crate::export::write_atomic(&path, &bytes, overwrite).map_err(|e| e.to_string()));
        self.pending = None;
        match result {
            Ok(()) => {
                if self.quit_after_shot {
                    eprintln!("parallax: wrote {}", path.display());
                }
                Written::Saved(path)
            }
            Err(message) => {
                if self.quit_after_shot {
                    eprintln!("parallax: {message}");
                }
                Written::Failed(message)
            }
        }
    }
}
