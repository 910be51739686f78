//! Fuzz target `folder`: see [`checks::folder`] for what it checks.
#![no_main]
use libfuzzer_sys::fuzz_target;

// Each target uses one of the checks.
#[allow(dead_code)]
#[path = "../checks.rs"]
mod checks;

fuzz_target!(|data: &[u8]| checks::folder(data));
