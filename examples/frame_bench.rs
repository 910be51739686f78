//! Headless frame benchmark: loads a folder, then runs the app's real UI
//! code on an `egui::Context` without a window and prints the CPU time per
//! frame.
//!
//! ```sh
//! cargo run --release --example frame_bench -- FOLDER [FRAMES_PER_PHASE]
//! cargo run --release --example frame_bench -- ANALYSIS.json [FRAMES_PER_PHASE]
//! ```
//!
//! Given a `.json` file written by `parallax export FOLDER -o ANALYSIS.json`,
//! it opens that analysis instead of analysing a folder: the same frames,
//! without waiting for the analysis each run (for profiling).
//!
//! The window is 1600 × 1000 points at 1 pixel per point, light theme. After
//! the load and a few settling frames it runs four phases of
//! `FRAMES_PER_PHASE` frames (default 100): idle; scrolling the alignment
//! pane with the wheel; zooming the timeline with the wheel and panning it by
//! dragging; selecting quote after quote. A frame is `Context::run_ui` with
//! the app's `frame_ui` plus tessellation of its shapes (what eframe does on
//! the CPU before the GPU draws), timed with the thread's CPU clock, so the
//! load of other processes on the machine does not count. It prints one line,
//! `frame ms: median X p99 Y`, and the same per phase on standard error.

use eframe::egui::{self, Event, Modifiers, MouseWheelUnit, PointerButton, Pos2, RawInput, Rect, vec2};
use parallax::app::{
    App, Command, DialogOutcome, DialogPurpose, DialogReply, Dialogs, Origin, Pane, Startup, StoryCommand, Workspace,
};
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

/// No file dialogs: the benchmark never opens one.
struct NoDialogs;

impl Dialogs for NoDialogs {
    fn pick_folder(&self, _start: Option<&Path>, reply: Sender<DialogReply>, _ctx: &egui::Context) {
        let _: Result<(), _> =
            reply.send(DialogReply { purpose: DialogPurpose::OpenFolder, outcome: DialogOutcome::Cancelled });
    }

    fn save_png(&self, _start: Option<&Path>, _name: &str, reply: Sender<DialogReply>, _ctx: &egui::Context) {
        let _: Result<(), _> =
            reply.send(DialogReply { purpose: DialogPurpose::SaveScreenshot, outcome: DialogOutcome::Cancelled });
    }
}

/// CPU time of the calling thread.
#[allow(unsafe_code)] // one libc call; std has no per-thread CPU clock
fn thread_cpu() -> Duration {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid, writable timespec for the call's duration.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

struct Bench {
    ctx: egui::Context,
    app: App,
    time: f64,
}

impl Bench {
    /// One frame with these input events; returns its CPU time in ms.
    fn frame(&mut self, events: Vec<Event>) -> f64 {
        self.time += 1.0 / 60.0;
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(1600.0, 1000.0))),
            time: Some(self.time),
            predicted_dt: 1.0 / 60.0,
            events,
            ..RawInput::default()
        };
        let start = thread_cpu();
        let app = &mut self.app;
        let output = self.ctx.run_ui(input, |ui| app.frame_ui(ui));
        let primitives = self.ctx.tessellate(output.shapes, output.pixels_per_point);
        let elapsed = thread_cpu() - start;
        std::hint::black_box(primitives);
        elapsed.as_secs_f64() * 1000.0
    }

    fn centre(&self, pane: Pane) -> Option<Pos2> {
        self.app.pane_rect(pane).map(|r| r.center())
    }
}

fn wheel(y: f32) -> Event {
    Event::MouseWheel {
        unit: MouseWheelUnit::Point,
        delta: vec2(0.0, y),
        modifiers: Modifiers::NONE,
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
    }
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn summary(times: &[f64]) -> (f64, f64) {
    let mut sorted = times.to_vec();
    sorted.sort_by(f64::total_cmp);
    (percentile(&sorted, 0.5), percentile(&sorted, 0.99))
}

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let folder = PathBuf::from(args.next().ok_or("usage: frame_bench FOLDER [FRAMES_PER_PHASE]")?);
    let frames: usize = match args.next() {
        Some(n) => n.parse().map_err(|_| format!("FRAMES_PER_PHASE must be a number, not {n:?}"))?,
        None => 100,
    };
    let ctx = egui::Context::default();
    ctx.set_pixels_per_point(1.0);
    let startup =
        Startup { paths: vec![folder.clone()], theme: Some(parallax::app::ThemeChoice::Light), ..Startup::default() };
    let from_json = folder.extension().is_some_and(|e| e == "json");
    let startup = if from_json { Startup { paths: Vec::new(), ..startup } } else { startup };
    let mut app = App::headless(&ctx, startup, Box::new(NoDialogs));
    if from_json {
        let analysis = parallax::import::read_analysis(&folder).map_err(|e| e.to_string())?;
        app.open_analysis(analysis, Origin::Sample);
    }
    let mut bench = Bench { ctx, app, time: 0.0 };

    let load = std::time::Instant::now();
    bench.frame(Vec::new());
    while bench.app.is_loading() {
        std::thread::sleep(Duration::from_millis(5));
        bench.frame(Vec::new());
    }
    if let Some(error) = bench.app.load_error() {
        return Err(format!("{}: {error}", folder.display()));
    }
    let articles = bench.app.workspace().map_or(0, |w| w.analysis.articles.len());
    eprintln!("loaded {articles} articles in {:.2} s", load.elapsed().as_secs_f64());
    for _ in 0..10 {
        bench.frame(Vec::new());
    }

    let mut phases: Vec<(&str, Vec<f64>)> = Vec::new();

    let idle: Vec<f64> = (0..frames).map(|_| bench.frame(Vec::new())).collect();
    phases.push(("idle", idle));

    let over = bench.centre(Pane::Alignment).ok_or("the alignment pane is not shown")?;
    let mut scrolling = Vec::new();
    for k in 0..frames {
        // Down for two thirds of the frames, then back up.
        let dy = if k < frames * 2 / 3 { -60.0 } else { 120.0 };
        scrolling.push(bench.frame(vec![Event::PointerMoved(over), wheel(dy)]));
    }
    phases.push(("scroll alignment", scrolling));

    let over = bench.centre(Pane::Timeline).ok_or("the timeline pane is not shown")?;
    let mut timeline = Vec::new();
    for k in 0..frames / 2 {
        let dy = if k < frames / 4 { 40.0 } else { -40.0 };
        timeline.push(bench.frame(vec![Event::PointerMoved(over), wheel(dy)]));
    }
    let press = |pressed: bool, pos: Pos2| Event::PointerButton {
        pos,
        button: PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    };
    timeline.push(bench.frame(vec![Event::PointerMoved(over), press(true, over)]));
    let mut pos = over;
    for k in 0..frames - frames / 2 - 2 {
        pos.x += if k < (frames - frames / 2) / 2 { -6.0 } else { 6.0 };
        timeline.push(bench.frame(vec![Event::PointerMoved(pos)]));
    }
    timeline.push(bench.frame(vec![press(false, pos)]));
    phases.push(("zoom and pan timeline", timeline));

    let keys: Vec<String> = bench
        .app
        .workspace()
        .map(|w| {
            let mut keys: Vec<String> = w.analysis.quotes.iter().map(Workspace::quote_key).collect();
            keys.dedup();
            keys
        })
        .unwrap_or_default();
    let mut selecting = Vec::new();
    for k in 0..frames {
        if !keys.is_empty() && k % 4 == 0 {
            bench.app.submit(Command::Story(StoryCommand::SelectQuote(keys[(k / 4) % keys.len()].clone())));
        }
        selecting.push(bench.frame(Vec::new()));
    }
    phases.push(("select quotes", selecting));

    for (name, times) in &phases {
        let (median, p99) = summary(times);
        eprintln!("{name:>22}: median {median:.2} ms, p99 {p99:.2} ms over {} frames", times.len());
    }
    let all: Vec<f64> = phases.iter().flat_map(|(_, t)| t.iter().copied()).collect();
    let (median, p99) = summary(&all);
    println!("frame ms: median {median:.2} p99 {p99:.2}");
    Ok(())
}
