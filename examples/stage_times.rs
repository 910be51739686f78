//! Times each analysis stage on a folder: `cargo run --release --example
//! stage_times -- FOLDER [RUNS]`. Prints the seconds of every stage (best
//! of RUNS, default 3) and the quotes found, so a stage's cost can be
//! compared before and after a change. Reads only; writes nothing. On Linux
//! it also prints, once, the process' resident memory when each stage
//! started and the peak reached by then (`/proc/self/status`), to see which
//! stage the peak belongs to.

use parallax::analysis::{Progress, Stage, analyze_documents};
use parallax::corpus::read_folder;
use std::collections::BTreeMap;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let folder = args.next().ok_or("usage: stage_times FOLDER [RUNS]")?;
    let runs: usize = args.next().map(|r| r.parse()).transpose()?.unwrap_or(3);
    let (docs, problems) = read_folder(std::path::Path::new(&folder))?;
    let mut best: BTreeMap<String, f64> = BTreeMap::new();
    let mut quotes = 0;
    for run in 0..runs.max(1) {
        let mut last: Option<(Stage, Instant)> = None;
        let mut times: Vec<(String, f64)> = Vec::new();
        let analysis = analyze_documents(&docs, problems.clone(), &mut |p: Progress| {
            if last.as_ref().is_some_and(|(s, _)| *s == p.stage) {
                return;
            }
            let now = Instant::now();
            if run == 0 {
                print_memory(&format!("{:?} starts", p.stage));
            }
            if let Some((stage, since)) = last.take() {
                times.push((format!("{stage:?}"), now.duration_since(since).as_secs_f64()));
            }
            last = Some((p.stage, now));
        });
        quotes = analysis.quotes.len();
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

/// Prints the current and peak resident memory (Linux only).
fn print_memory(moment: &str) {
    let Ok(status) = std::fs::read_to_string("/proc/self/status") else { return };
    let field = |name: &str| {
        status.lines().find_map(|l| l.strip_prefix(name)).map(|v| v.trim().to_string()).unwrap_or_default()
    };
    println!("{moment:<20} resident {:>12}, peak {:>12}", field("VmRSS:"), field("VmHWM:"));
}
