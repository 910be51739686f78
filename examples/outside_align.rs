//! Times the analysis steps that are not alignment (or quotes) on a folder:
//! `cargo run --release --example outside_align -- FOLDER [RUNS]`. Reading,
//! parsing, exact-duplicate merging, sentence segmentation, near-copy
//! marking and the timeline, each with its seconds (best of RUNS, default 3)
//! and, on Linux, the process' peak resident memory after it. Runs at ten
//! thousand articles, where the whole analysis would take minutes; writes
//! nothing.

use parallax::analysis::{CancelFlag, segment};
use parallax::corpus::{parse_document, read_folder};
use parallax::duplicates::{mark_near_copies, merge_exact};
use parallax::model::Analysis;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let folder = args.next().ok_or("usage: outside_align FOLDER [RUNS]")?;
    let runs: usize = args.next().map(|r| r.parse()).transpose()?.unwrap_or(3).max(1);
    let mut best = [f64::MAX; 6];
    let names = ["read", "parse+merge", "segment", "near copies", "timeline", "json (to sink)"];
    for run in 0..runs {
        let mut times = Vec::new();
        let mut step = |k: usize, since: Instant| {
            times.push((k, since.elapsed().as_secs_f64()));
            if run == 0 {
                println!("{:<16} peak resident {}", names[k], peak_memory());
            }
        };
        let t = Instant::now();
        let (docs, _) = read_folder(std::path::Path::new(&folder))?;
        step(0, t);
        let t = Instant::now();
        let parsed = docs.iter().map(|d| parse_document("", d)).collect();
        let (kept, _) = merge_exact(parsed);
        step(1, t);
        drop(kept);
        let t = Instant::now();
        let mut articles = segment(&docs, &mut |_| {}, &CancelFlag::default())?;
        step(2, t);
        let t = Instant::now();
        mark_near_copies(&mut articles);
        step(3, t);
        let mut analysis = Analysis { articles, ..Analysis::default() };
        let t = Instant::now();
        parallax::timeline::analyze(&mut analysis);
        step(4, t);
        let t = Instant::now();
        let mut sink = std::io::sink();
        parallax::export::write_to(
            &mut sink,
            &analysis,
            parallax::export::Format::Json,
            &parallax::report::Options::default(),
        )?;
        step(5, t);
        for (k, secs) in times {
            best[k] = best[k].min(secs);
        }
    }
    println!("best of {runs} runs:");
    for (name, secs) in names.iter().zip(best) {
        println!("{name:<16} {secs:.3} s");
    }
    Ok(())
}

/// The process' peak resident memory so far (Linux; empty elsewhere).
fn peak_memory() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status.lines().find_map(|l| l.strip_prefix("VmHWM:")).map(|v| v.trim().to_string()).unwrap_or_default()
}
