//! Fuzz target `segmenter`: see [`checks::segmenter`] for what it checks.
#![no_main]
use libfuzzer_sys::fuzz_target;

// Each target uses one of the checks.
#[allow(dead_code)]
#[path = "../checks.rs"]
mod checks;

fuzz_target!(|text: &str| checks::segmenter(text));
