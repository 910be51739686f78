//! How long the app takes to show its first frames, printed on standard
//! error when the environment variable `PARALLAX_STARTUP_TIMES` is set (see
//! docs/performance.md): the time from `run_with` to the window and renderer
//! being ready, to the first frame, to the story's analysis starting and
//! ending, and to the first frame that draws the story. Each moment is
//! printed once, the first time it happens, with the number of frames
//! drawn by then (each costs CPU where the window is drawn without a GPU).

use std::time::{Duration, Instant};

pub struct StartupClock {
    started: Instant,
    marks: Vec<(&'static str, Duration)>,
    frames: usize,
}

impl StartupClock {
    /// A clock counting from `started` (or now), when the variable is set.
    pub fn from_env(started: Option<Instant>) -> Option<Self> {
        std::env::var_os("PARALLAX_STARTUP_TIMES").map(|_| Self {
            started: started.unwrap_or_else(Instant::now),
            marks: Vec::new(),
            frames: 0,
        })
    }

    /// Notes and prints the first time `what` happens.
    pub fn mark(&mut self, what: &'static str) {
        if self.marks.iter().any(|(w, _)| *w == what) {
            return;
        }
        let at = self.started.elapsed();
        self.marks.push((what, at));
        let frames = self.frames;
        eprintln!("parallax: startup: {what} at {:.1} ms ({frames} frames begun)", at.as_secs_f64() * 1000.0);
    }

    /// Counts a frame; call at the start of each.
    pub fn frame(&mut self) {
        self.frames += 1;
    }
}
