//! Times the quote stage alone on a folder: `cargo run --release --example
//! quote_stage -- FOLDER [RUNS]`. The folder is read and segmented once
//! (the quote stage reads only articles and sentences, not the alignment),
//! then `quotes::analyze` runs RUNS times (default 10); prints the best and
//! median wall time, the best CPU time of all threads (which depends far
//! less on the machine's load than wall time), the best CPU time of the
//! main thread alone (the serial part), and the quotes found. Set
//! `RAYON_NUM_THREADS=1` to run on one core. Reads only.

use parallax::analysis::{CancelFlag, segment};
use parallax::corpus::read_folder;
use parallax::model::{Analysis, SCHEMA};
use std::time::{Duration, Instant};

/// CPU time of the whole process (every thread).
fn process_cpu() -> Duration {
    cpu_clock(libc::CLOCK_PROCESS_CPUTIME_ID)
}

/// CPU time of the calling thread: for the main thread, the stage's serial
/// part (rayon's workers run the parallel parts while it waits).
fn thread_cpu() -> Duration {
    cpu_clock(libc::CLOCK_THREAD_CPUTIME_ID)
}

#[allow(unsafe_code)] // one libc call; std has no CPU clock
fn cpu_clock(clock: libc::clockid_t) -> Duration {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid, writable timespec for the call's duration.
    let rc = unsafe { libc::clock_gettime(clock, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime({clock}) failed");
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let folder = args.next().ok_or("usage: quote_stage FOLDER [RUNS]")?;
    let runs: usize = args.next().map(|r| r.parse()).transpose()?.unwrap_or(10).max(1);
    let (docs, _problems) = read_folder(std::path::Path::new(&folder))?;
    let articles = segment(&docs, &mut |_| {}, &CancelFlag::default()).map_err(|_| "cancelled")?;
    let segmented = Analysis { schema: SCHEMA.to_string(), articles, ..Analysis::default() };
    let bytes: usize = segmented.articles.iter().map(|a| a.text.len()).sum();
    let mut times = Vec::with_capacity(runs);
    let mut cpu_best = f64::MAX;
    let mut serial_best = f64::MAX;
    let mut quotes = 0;
    for _ in 0..runs {
        let mut analysis = segmented.clone();
        let (start, cpu_start, serial_start) = (Instant::now(), process_cpu(), thread_cpu());
        parallax::quotes::analyze(&mut analysis);
        times.push(start.elapsed().as_secs_f64());
        cpu_best = cpu_best.min((process_cpu() - cpu_start).as_secs_f64());
        serial_best = serial_best.min((thread_cpu() - serial_start).as_secs_f64());
        quotes = analysis.quotes.len();
    }
    times.sort_by(f64::total_cmp);
    println!(
        "{} articles, {:.1} MB, {quotes} quotes: quote stage best {:.3} s, median {:.3} s, CPU best {cpu_best:.3} s, main thread CPU best {serial_best:.3} s ({runs} runs)",
        segmented.articles.len(),
        bytes as f64 / 1e6,
        times[0],
        times[times.len() / 2]
    );
    Ok(())
}
