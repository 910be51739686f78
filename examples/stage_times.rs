//! Times each analysis stage on a folder: `cargo run --release --example
//! stage_times -- FOLDER [RUNS]`. Prints the seconds of every stage (best
//! of RUNS, default 3) and the quotes found, so a stage's cost can be
//! compared before and after a change. Quotes and the timeline run beside
//! the alignment (`analysis::analyze_parsed`): their time falls inside the
//! aligner's steps, and their own lines show only the hand-over; time them
//! alone with the `quote_stage` and `outside_align` examples. Reads only;
//! writes nothing. On Linux
//! it also prints, once, for every step (each stage, and each of the
//! alignment's steps) the process' resident memory when it ended and the
//! peak reached during it: the peak is reset between steps through
//! `/proc/self/clear_refs`, so each line shows the step that holds it.
//! Next to them, the bytes the program itself holds (live heap, counted by
//! a wrapping allocator) at the end of the step and at its highest during
//! it: resident memory also counts what the allocator keeps after a free.

use parallax::analysis::{Progress, Stage, analyze_documents};
use parallax::corpus::read_folder;
use std::alloc::{GlobalAlloc, Layout, System};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// The system allocator, counting the bytes held and their peak.
struct Counting;

static HELD: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

#[allow(unsafe_code)] // a global allocator is unsafe to implement; it only forwards to System
// SAFETY: every call forwards to `System` with the caller's arguments; the
// counters do not touch the memory.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as for `System::alloc`, with the caller's layout.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let held = HELD.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(held, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by `alloc` above with this layout.
        unsafe { System.dealloc(ptr, layout) };
        HELD.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as for `System::realloc`, with the caller's arguments.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            let held = HELD.fetch_add(new_size, Ordering::Relaxed) + new_size;
            PEAK.fetch_max(held, Ordering::Relaxed);
            HELD.fetch_sub(layout.size(), Ordering::Relaxed);
        }
        p
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

/// What alignment does between its progress reports (`align::align_with`).
const ALIGN_STEPS: [&str; 6] = ["vocabulary", "units", "embeddings", "candidates", "grouping", "group output"];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let folder = args.next().ok_or("usage: stage_times FOLDER [RUNS]")?;
    let runs: usize = args.next().map(|r| r.parse()).transpose()?.unwrap_or(3);
    let (docs, problems) = read_folder(std::path::Path::new(&folder))?;
    let mut best: BTreeMap<String, f64> = BTreeMap::new();
    let mut quotes = 0;
    for run in 0..runs.max(1) {
        let mut last: Option<(Stage, Instant)> = None;
        let mut step: Option<String> = None;
        let mut step_start = Instant::now();
        let mut times: Vec<(String, f64)> = Vec::new();
        if run == 0 {
            print_memory("read the folder", None);
        }
        let analysis = analyze_documents(&docs, problems.clone(), &mut |p: Progress| {
            let name = match (p.stage, ALIGN_STEPS.get(p.done)) {
                (Stage::Aligning, Some(step)) => format!("Aligning: {step}"),
                _ => format!("{:?}", p.stage),
            };
            if run == 0
                && step.as_ref() != Some(&name)
                && let Some(previous) = step.replace(name)
            {
                print_memory(&previous, Some(step_start.elapsed().as_secs_f64()));
                step_start = Instant::now();
            }
            if last.as_ref().is_some_and(|(s, _)| *s == p.stage) {
                return;
            }
            let now = Instant::now();
            if let Some((stage, since)) = last.take() {
                times.push((format!("{stage:?}"), now.duration_since(since).as_secs_f64()));
            }
            last = Some((p.stage, now));
        });
        quotes = analysis.quotes.len();
        if run == 0 {
            print_memory("(analysis held)", None);
        }
        for (stage, secs) in times {
            let entry = best.entry(stage).or_insert(f64::MAX);
            *entry = entry.min(secs);
        }
    }
    println!("{} articles, {quotes} quotes (best of {runs} runs)", docs.len());
    for (stage, secs) in best {
        println!("{stage:<12} {secs:.3} s");
    }
    Ok(())
}

/// Prints the current resident memory and the peak since the last call,
/// then resets the peak (Linux only; elsewhere nothing is printed), with
/// the step's wall time when it is given.
fn print_memory(step: &str, secs: Option<f64>) {
    let Ok(status) = std::fs::read_to_string("/proc/self/status") else { return };
    let field = |name: &str| {
        status.lines().find_map(|l| l.strip_prefix(name)).map(|v| v.trim().to_string()).unwrap_or_default()
    };
    let mb = |bytes: usize| bytes as f64 / 1e6;
    println!(
        "{step:<22} {:>8} resident after {:>11}, peak during {:>11}; held after {:7.1} MB, peak during {:7.1} MB",
        secs.map(|s| format!("{s:.3} s")).unwrap_or_default(),
        field("VmRSS:"),
        field("VmHWM:"),
        mb(HELD.load(Ordering::Relaxed)),
        mb(PEAK.swap(HELD.load(Ordering::Relaxed), Ordering::Relaxed)),
    );
    // "5" resets the peak resident size to the current one (proc(5)); if
    // the kernel refuses, the next peak is the process' peak so far.
    let _: std::io::Result<()> = std::fs::write("/proc/self/clear_refs", "5");
}
