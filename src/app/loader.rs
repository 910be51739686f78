//! Loading and analysing a story on a background thread.
//!
//! The UI thread only polls a channel: progress messages move the progress
//! bar, and the finished [`Analysis`] (or the reason there is none) arrives
//! last. Each message wakes the UI with `request_repaint`. Dropping a
//! [`Loader`] (opening another folder replaces it) cancels its analysis.

use super::workspace::Origin;
use crate::analysis::{self, AnalysisError, CancelFlag, Progress, Stage};
use crate::corpus;
use crate::model::Analysis;
use eframe::egui;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// What to load.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    Folder(PathBuf),
    Files(Vec<PathBuf>),
    Sample,
}

impl Source {
    pub fn origin(&self) -> Origin {
        match self {
            Source::Folder(path) => Origin::Folder(path.clone()),
            Source::Files(paths) => Origin::Files(paths.clone()),
            Source::Sample => Origin::Sample,
        }
    }
}

enum Message {
    Progress(Progress),
    Done(Result<Box<Analysis>, String>),
}

/// A load in flight.
pub struct Loader {
    pub source: Source,
    pub progress: Progress,
    /// When the load started, for the seconds on the loading screen.
    pub started: std::time::Instant,
    rx: Receiver<Message>,
    cancel: CancelFlag,
}

impl Drop for Loader {
    fn drop(&mut self) {
        self.cancel.cancel();
    }
}

/// What polling a loader found.
pub enum Poll {
    Running,
    Finished(Result<Box<Analysis>, String>),
}

impl Loader {
    /// Starts loading `source` on a new thread; a folder is read with `options`.
    pub fn start(source: Source, options: corpus::ReadOptions, ctx: &egui::Context) -> Self {
        let (tx, rx) = channel();
        let ctx = ctx.clone();
        let job = source.clone();
        let cancel = CancelFlag::default();
        let flag = cancel.clone();
        std::thread::Builder::new()
            .name("parallax-loader".into())
            .spawn(move || {
                let progress_tx = tx.clone();
                let progress_ctx = ctx.clone();
                let mut report = move |p: Progress| {
                    // A closed app listens no more; the analysis just finishes.
                    let _: Result<(), _> = progress_tx.send(Message::Progress(p));
                    progress_ctx.request_repaint();
                };
                let result: Result<Analysis, String> = match job {
                    Source::Folder(path) => match analysis::analyze_folder_with(&path, &options, &mut report, &flag) {
                        Ok(analysis) => Ok(analysis),
                        // Nobody waits for a cancelled load.
                        Err(AnalysisError::Cancelled(_)) => return,
                        Err(AnalysisError::Corpus(e)) => Err(e.to_string()),
                    },
                    Source::Files(paths) => {
                        let (docs, problems) = corpus::read_files(&paths);
                        if docs.is_empty() {
                            Err(no_articles_message(&problems))
                        } else {
                            match analysis::analyze_documents_with(&docs, problems, &mut report, &flag) {
                                Ok(analysis) => Ok(analysis),
                                Err(analysis::Cancelled) => return,
                            }
                        }
                    }
                    Source::Sample => Ok(analysis::analyze_sample()),
                };
                // If the app was closed meanwhile nobody is listening.
                let _: Result<(), _> = tx.send(Message::Done(result.map(Box::new)));
                ctx.request_repaint();
            })
            .expect("spawning a thread only fails when the OS is out of resources");
        Self {
            source,
            progress: Progress { stage: Stage::Reading, done: 0, total: 1 },
            started: std::time::Instant::now(),
            rx,
            cancel,
        }
    }

    /// Drains the channel; call once per frame.
    pub fn poll(&mut self) -> Poll {
        loop {
            match self.rx.try_recv() {
                Ok(Message::Progress(p)) => self.progress = p,
                Ok(Message::Done(result)) => return Poll::Finished(result),
                Err(TryRecvError::Empty) => return Poll::Running,
                Err(TryRecvError::Disconnected) => {
                    return Poll::Finished(Err("the loading thread stopped unexpectedly".into()));
                }
            }
        }
    }

    /// Progress as a fraction, for the bar.
    pub fn fraction(&self) -> f32 {
        let stages = [Stage::Reading, Stage::Segmenting, Stage::Aligning, Stage::Quotes, Stage::Timeline, Stage::Done];
        let index = stages.iter().position(|s| *s == self.progress.stage).unwrap_or(0);
        let within =
            if self.progress.total == 0 { 0.0 } else { self.progress.done as f32 / self.progress.total as f32 };
        ((index as f32 + within) / (stages.len() - 1) as f32).clamp(0.0, 1.0)
    }
}

fn no_articles_message(problems: &[crate::model::Problem]) -> String {
    match problems {
        [] => "none of the dropped files is an article (.txt, .md, .html, .json)".to_string(),
        [one] => format!("{}: {}", one.file, one.message),
        many => format!("none of the {} dropped articles could be read", many.len()),
    }
}
