//! The fuzz targets' checks (`fuzz/checks.rs`, shared with `fuzz/fuzz_targets/`)
//! run in the ordinary test suite, on:
//! - every input a fuzzer found a crash or hang with, kept in
//!   `tests/data/fuzz/<target>/` once fixed, so each finding stays fixed;
//! - the seed inputs the fuzzing started from (the sample story, the awkward
//!   folder, the saved pages).
//!
//! The fuzz crate is not built by CI; compiling its checks here keeps them in
//! step with the library's API.

// A test may unwrap: clippy.toml allows it in #[test] functions, this in their helpers too.
#![allow(clippy::unwrap_used)]

#[path = "../fuzz/checks.rs"]
mod checks;

use std::path::{Path, PathBuf};

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut files: Vec<PathBuf> = entries.map(|e| e.unwrap().path()).filter(|p| p.is_file()).collect();
    files.sort();
    files
}

/// The kept findings of `target`, then the seed inputs.
fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = files_in(&root.join("tests/data/fuzz").join(target));
    for seeds in ["seeds", "tests/data/awkward", "tests/data/pages"] {
        files.extend(files_in(&root.join(seeds)));
    }
    files.into_iter().map(|p| (p.clone(), std::fs::read(&p).unwrap())).collect()
}

/// Runs `check` on every input of `target`, naming each before it runs (a
/// panic then shows which file it was).
fn replay(target: &str, check: impl Fn(&[u8])) {
    let inputs = inputs(target);
    assert!(inputs.len() > 20, "the seed inputs are there");
    for (path, bytes) in inputs {
        eprintln!("{target}: {}", path.display());
        check(&bytes);
    }
}

/// libFuzzer hands a `&str` target only the inputs that are UTF-8.
fn text(check: fn(&str)) -> impl Fn(&[u8]) {
    move |bytes| {
        if let Ok(text) = std::str::from_utf8(bytes) {
            check(text);
        }
    }
}

#[test]
fn decode() {
    replay("decode", checks::decode);
}

#[test]
fn front_matter() {
    replay("front_matter", text(checks::front_matter));
}

#[test]
fn segmenter() {
    replay("segmenter", text(checks::segmenter));
}

#[test]
fn quotes() {
    replay("quotes", text(checks::quotes));
}

#[test]
fn dates() {
    replay("dates", text(checks::dates));
}

#[test]
fn html() {
    replay("html", text(checks::html));
}

#[test]
fn folder() {
    replay("folder", checks::folder);
}
