//! The sentence splitter on any paragraph: spans in order, inside the text,
//! on char boundaries.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let mut last = 0;
    for span in parallax::text::split_sentences(text) {
        assert!(span.start >= last && span.start <= span.end && span.end <= text.len());
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        last = span.end;
    }
});
