//! Harness: date crates vs Parallax's own extractor on the seeds, scored
//! against the hand-labelled `tests/data/timeline-gold.tsv` (a found
//! expression is correct when it overlaps a gold one and has its value).
//! Usage: `cargo run -- [-v] [FINDER-NAME-PART]`; `GATE=1` only tries windows
//! that start like a date (a digit, a month, a weekday, "today", "last", …),
//! which measures the crates' normalisation with our detection.
//! Whole-string parsers are turned into finders by trying word windows
//! (longest first, 6 words down to 1) at each word; date_time_parser, which
//! searches inside its input, gets the shortest window that parses, then
//! trimmed from the left while it still parses.
#[path = "../../../src/dates/extract.rs"]
#[allow(dead_code)]
mod extract;
#[path = "../../../src/dates/timex.rs"]
#[allow(dead_code)]
mod timex;

use chrono::{Datelike, NaiveDate, NaiveDateTime, TimeZone, Utc};
use std::time::Instant;

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds");
const GOLD: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/data/timeline-gold.tsv"
);

struct Gold {
    file: String,
    start: usize,
    end: usize,
    value: String,
}

struct Pred {
    file: String,
    start: usize,
    end: usize,
    value: String,
    text: String,
}

fn anchor() -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, 9, 7).unwrap()
}

/// Prose lines of a seed (title lines and boilerplate skipped), with offsets.
fn prose_lines(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let l = line.trim_end();
        let ends = l.ends_with(['.', '”', '"', '’']);
        if ends && !l.contains("ancient idea") {
            out.push((pos, l));
        }
        pos += line.len();
    }
    out
}

fn words(line: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in line.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push((s, i));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push((s, line.len()));
    }
    // trim punctuation at word edges
    out.into_iter()
        .filter_map(|(s, e)| {
            let w = &line[s..e];
            let t = w.trim_matches(|c: char| !c.is_alphanumeric());
            if t.is_empty() {
                return None;
            }
            let off = w.find(t).unwrap();
            Some((s + off, s + off + t.len()))
        })
        .collect()
}

/// Does a window start like a date expression? (A lexicon gate that gives
/// the crates the own extractor's detection, to measure their normalisation.)
fn gate(w: &str) -> bool {
    let lw = w.to_lowercase();
    let first = lw
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    first.chars().next().is_some_and(|c| c.is_ascii_digit())
        || extract::MONTHS.contains(&first)
        || extract::MONTH_ABBREVIATIONS.iter().any(|(a, _)| *a == first)
        || extract::WEEKDAYS.iter().any(|(w, _)| *w == first)
        || [
            "today",
            "yesterday",
            "tomorrow",
            "tonight",
            "last",
            "this",
            "next",
            "early",
            "mid",
            "late",
            "earlier",
            "later",
        ]
        .contains(&first)
}

fn window_finder(
    text: &str,
    file: &str,
    longest_first: bool,
    parse: &dyn Fn(&str) -> Option<String>,
) -> Vec<Pred> {
    let mut out = Vec::new();
    for (base, line) in prose_lines(text) {
        let ws = words(line);
        let mut i = 0;
        while i < ws.len() {
            let max = 6.min(ws.len() - i);
            let lens: Vec<usize> = if longest_first {
                (1..=max).rev().collect()
            } else {
                (1..=max).collect()
            };
            let mut hit = None;
            let gated = std::env::var("GATE").is_ok();
            for n in lens {
                if gated && !gate(&line[ws[i].0..]) {
                    break;
                }
                let (s, _) = ws[i];
                let (_, e) = ws[i + n - 1];
                if let Some(v) = parse(&line[s..e]) {
                    // A parser that searches inside its input: keep the
                    // tightest window ending here that still parses.
                    let mut s = s;
                    if !longest_first {
                        for k in (i + 1..i + n).rev() {
                            if parse(&line[ws[k].0..e]).is_some() {
                                s = ws[k].0;
                                break;
                            }
                        }
                    }
                    hit = Some((n, s, e, v));
                    break;
                }
            }
            match hit {
                Some((n, s, e, v)) => {
                    out.push(Pred {
                        file: file.into(),
                        start: base + s,
                        end: base + e,
                        value: v,
                        text: line[s..e].into(),
                    });
                    i += n;
                }
                None => i += 1,
            }
        }
    }
    out
}

fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn main() {
    let gold_text = std::fs::read_to_string(GOLD).unwrap();
    let mut files: Vec<(String, String)> = std::fs::read_dir(SEEDS)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().to_string(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    let mut gold = Vec::new();
    for line in gold_text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let f: Vec<&str> = line.split('\t').collect();
        let text = &files.iter().find(|(n, _)| n == f[0]).unwrap().1;
        let at = text.find(f[1]).unwrap() + f[1].find(f[2]).unwrap();
        gold.push(Gold {
            file: f[0].into(),
            start: at,
            end: at + f[2].len(),
            value: f[3].into(),
        });
    }

    let now_utc = Utc.with_ymd_and_hms(2022, 9, 7, 12, 0, 0).unwrap();
    let now_naive: NaiveDateTime = anchor().and_hms_opt(12, 0, 0).unwrap();

    type Finder<'a> = Box<dyn Fn(&str, &str) -> Vec<Pred> + 'a>;
    let finders: Vec<(&str, Finder)> = vec![
        (
            "own extractor (extract.rs)",
            Box::new(|text: &str, file: &str| {
                let mut out = Vec::new();
                for (base, line) in prose_lines(text) {
                    for m in extract::find_dates(line, Some(anchor())) {
                        out.push(Pred {
                            file: file.into(),
                            start: base + m.start,
                            end: base + m.end,
                            value: m.value.to_string(),
                            text: line[m.start..m.end].into(),
                        });
                    }
                }
                out
            }),
        ),
        (
            "interim 0.2.2 (chrono-english fork)",
            Box::new(move |text: &str, file: &str| {
                window_finder(text, file, true, &|s| {
                    interim::parse_date_string(s, now_utc, interim::Dialect::Us)
                        .ok()
                        .map(|d| day(d.date_naive()))
                })
            }),
        ),
        (
            "two_timer 2.2.5",
            Box::new(move |text: &str, file: &str| {
                let cfg = two_timer::Config::new().now(now_naive);
                window_finder(text, file, true, &|s| {
                    let (a, b, _) = two_timer::parse(s, Some(cfg.clone())).ok()?;
                    let days = (b - a).num_days();
                    Some(if (365..=366).contains(&days) {
                        format!("{:04}", a.year())
                    } else if (28..=31).contains(&days) && a.day() == 1 {
                        format!("{:04}-{:02}", a.year(), a.month())
                    } else {
                        day(a.date())
                    })
                })
            }),
        ),
        (
            "date_time_parser 0.2.0",
            Box::new(|text: &str, file: &str| {
                window_finder(text, file, false, &|s| {
                    std::panic::catch_unwind(|| {
                        date_time_parser::DateParser::parse_relative(s, anchor())
                    })
                    .ok()
                    .flatten()
                    .map(day)
                })
            }),
        ),
    ];

    std::panic::set_hook(Box::new(|_| {}));
    let only: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let verbose = std::env::args().any(|a| a == "-v");
    println!(
        "| finder | gold | found | correct | precision | recall | F1 | span-only recall | ms |"
    );
    println!("|---|---|---|---|---|---|---|---|---|");
    for (name, finder) in &finders {
        if only.as_deref().is_some_and(|o| !name.contains(o)) {
            continue;
        }
        let t = Instant::now();
        let preds: Vec<Pred> = files.iter().flat_map(|(f, text)| finder(text, f)).collect();
        let ms = t.elapsed().as_millis();
        let overlaps = |p: &Pred, g: &Gold| p.file == g.file && p.start < g.end && g.start < p.end;
        let correct_pred = preds
            .iter()
            .filter(|p| gold.iter().any(|g| overlaps(p, g) && p.value == g.value))
            .count();
        let found_gold = gold
            .iter()
            .filter(|g| preds.iter().any(|p| overlaps(p, g) && p.value == g.value))
            .count();
        let span_gold = gold
            .iter()
            .filter(|g| preds.iter().any(|p| overlaps(p, g)))
            .count();
        let precision = correct_pred as f64 / preds.len().max(1) as f64;
        let recall = found_gold as f64 / gold.len() as f64;
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        println!(
            "| {name} | {} | {} | {} | {:.2} | {:.2} | {:.2} | {:.2} | {ms} |",
            gold.len(),
            preds.len(),
            correct_pred,
            precision,
            recall,
            f1,
            span_gold as f64 / gold.len() as f64
        );
        if verbose {
            for p in &preds {
                let ok = gold.iter().any(|g| overlaps(p, g) && p.value == g.value);
                eprintln!(
                    "  {} {} {:?} -> {}",
                    if ok { "ok " } else { "BAD" },
                    &p.file[..3],
                    p.text,
                    p.value
                );
            }
            for g in &gold {
                if !preds.iter().any(|p| overlaps(p, g) && p.value == g.value) {
                    let text = &files.iter().find(|(n, _)| *n == g.file).unwrap().1;
                    eprintln!(
                        "  MISSED {} {:?} {}",
                        &g.file[..3],
                        &text[g.start..g.end],
                        g.value
                    );
                }
            }
        }
    }
}
