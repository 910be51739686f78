//! Live reload: while a folder is open, changes to its article files are
//! noticed (`notify`: inotify, FSEvents or ReadDirectoryChangesW), and once
//! they have settled for a moment the folder is read again.

use crate::corpus::is_article_file;
use eframe::egui;
use notify::{EventKind, RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

/// How long the folder must be quiet before it is read again (a browser
/// saving a page writes several files in a burst).
const SETTLE: Duration = Duration::from_millis(600);

/// Watches one folder.
pub struct FolderWatcher {
    pub folder: PathBuf,
    pub subfolders: bool,
    _watcher: notify::RecommendedWatcher,
    rx: Receiver<()>,
    changed_at: Option<Instant>,
}

impl FolderWatcher {
    /// Starts watching `folder`; `None` when the system cannot watch it (the
    /// app then simply does not reload by itself).
    pub fn start(folder: &Path, subfolders: bool, ctx: &egui::Context) -> Option<Self> {
        let (tx, rx) = channel();
        let ctx = ctx.clone();
        let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
            let Ok(event) = event else { return };
            if matches!(event.kind, EventKind::Access(_)) {
                return;
            }
            if event.paths.iter().any(|p| is_article_file(p) || p.is_dir()) {
                // The app may have closed the story meanwhile; nobody listens then.
                let _: Result<(), _> = tx.send(());
                ctx.request_repaint_after(SETTLE);
            }
        })
        .ok()?;
        let mode = if subfolders { RecursiveMode::Recursive } else { RecursiveMode::NonRecursive };
        watcher.watch(folder, mode).ok()?;
        Some(Self { folder: folder.to_path_buf(), subfolders, _watcher: watcher, rx, changed_at: None })
    }

    /// True once, when changes arrived and have settled. Call every frame.
    pub fn poll(&mut self, ctx: &egui::Context) -> bool {
        while self.rx.try_recv().is_ok() {
            self.changed_at = Some(Instant::now());
        }
        match self.changed_at {
            Some(at) if at.elapsed() >= SETTLE => {
                self.changed_at = None;
                true
            }
            Some(at) => {
                ctx.request_repaint_after(SETTLE.saturating_sub(at.elapsed()));
                false
            }
            None => false,
        }
    }
}
