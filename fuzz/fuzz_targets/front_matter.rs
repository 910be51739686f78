//! Front matter and metadata inference on any text: no panic, and the body
//! is a suffix of the input.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let (_, body) = parallax::corpus::split_front_matter(text);
    assert!(text.ends_with(body));
    let doc = parallax::corpus::RawDocument { file: "f.md".into(), content: text.to_string() };
    let article = parallax::corpus::parse_document("a0", &doc);
    let _ = parallax::corpus::doubts(&doc, &article);
});
