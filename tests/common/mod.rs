//! What the app's window tests share: a desktop without file dialogs.

use eframe::egui;
use parallax::app::{DialogOutcome, DialogPurpose, DialogReply, Dialogs};
use std::path::Path;
use std::sync::mpsc::Sender;

/// A desktop with no file dialog at all: every dialog is unavailable.
pub struct NoDialogs;

impl Dialogs for NoDialogs {
    fn pick_folder(&self, _start: Option<&Path>, reply: Sender<DialogReply>, _ctx: &egui::Context) {
        reply.send(DialogReply { purpose: DialogPurpose::OpenFolder, outcome: DialogOutcome::Unavailable }).unwrap();
    }

    fn save_png(&self, _start: Option<&Path>, _name: &str, reply: Sender<DialogReply>, _ctx: &egui::Context) {
        reply.send(DialogReply { purpose: DialogPurpose::SaveScreenshot, outcome: DialogOutcome::Cancelled }).unwrap();
    }
}
