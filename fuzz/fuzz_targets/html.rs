//! Web-page extraction on any text: no panic; a page found has text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = parallax::html::looks_like_html(text);
    if let Ok(page) = parallax::html::extract(text) {
        assert!(!page.text.trim().is_empty());
    }
});
