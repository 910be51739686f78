//! The seam around native file dialogs.
//!
//! `rfd` talks to the XDG desktop portal on Linux and falls back to `zenity`;
//! on a desktop with neither, its dialog returns "nothing" at once without
//! ever showing. [`NativeDialogs`] runs the dialog off the UI thread and tells
//! that case apart from a user who cancelled, so the app can offer its own
//! folder picker instead. Tests replace the whole thing with a scripted
//! [`Dialogs`] implementation.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::{Duration, Instant};

/// How a dialog ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DialogOutcome {
    Picked(PathBuf),
    /// The user closed the dialog without choosing.
    Cancelled,
    /// No dialog could be shown on this desktop.
    Unavailable,
}

/// What a dialog was for, so its answer can be routed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DialogPurpose {
    OpenFolder,
    SaveScreenshot,
}

/// One finished dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DialogReply {
    pub purpose: DialogPurpose,
    pub outcome: DialogOutcome,
}

/// File dialogs, answered asynchronously over `reply` (the UI never blocks).
pub trait Dialogs {
    fn pick_folder(&self, start: Option<&Path>, reply: Sender<DialogReply>, ctx: &eframe::egui::Context);
    fn save_png(&self, start: Option<&Path>, file_name: &str, reply: Sender<DialogReply>, ctx: &eframe::egui::Context);
}

/// A dialog that came back faster than a person can react never showed.
const NO_DIALOG_WITHIN: Duration = Duration::from_millis(250);

/// The real dialogs, via `rfd`, each on its own thread.
#[derive(Default)]
pub struct NativeDialogs;

fn classify(result: Option<PathBuf>, elapsed: Duration) -> DialogOutcome {
    match result {
        Some(path) => DialogOutcome::Picked(path),
        None if elapsed < NO_DIALOG_WITHIN => DialogOutcome::Unavailable,
        None => DialogOutcome::Cancelled,
    }
}

impl Dialogs for NativeDialogs {
    fn pick_folder(&self, start: Option<&Path>, reply: Sender<DialogReply>, ctx: &eframe::egui::Context) {
        let start = start.map(Path::to_path_buf);
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let began = Instant::now();
            let mut dialog = rfd::FileDialog::new().set_title("Open a folder of articles");
            if let Some(dir) = start {
                dialog = dialog.set_directory(dir);
            }
            let outcome = classify(dialog.pick_folder(), began.elapsed());
            // The app may have closed meanwhile; then nobody needs the answer.
            let _: Result<(), _> = reply.send(DialogReply { purpose: DialogPurpose::OpenFolder, outcome });
            ctx.request_repaint();
        });
    }

    fn save_png(&self, start: Option<&Path>, file_name: &str, reply: Sender<DialogReply>, ctx: &eframe::egui::Context) {
        let start = start.map(Path::to_path_buf);
        let file_name = file_name.to_string();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let began = Instant::now();
            let mut dialog = rfd::FileDialog::new()
                .set_title("Save screenshot")
                .add_filter("PNG image", &["png"])
                .set_file_name(&file_name);
            if let Some(dir) = start {
                dialog = dialog.set_directory(dir);
            }
            let outcome = classify(dialog.save_file(), began.elapsed());
            // As above: a closed app needs no answer.
            let _: Result<(), _> = reply.send(DialogReply { purpose: DialogPurpose::SaveScreenshot, outcome });
            ctx.request_repaint();
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_instant_empty_answer_means_no_dialog() {
        assert_eq!(classify(None, Duration::from_millis(3)), DialogOutcome::Unavailable);
        assert_eq!(classify(None, Duration::from_secs(4)), DialogOutcome::Cancelled);
        assert_eq!(classify(Some("/tmp".into()), Duration::from_millis(1)), DialogOutcome::Picked("/tmp".into()));
    }
}
