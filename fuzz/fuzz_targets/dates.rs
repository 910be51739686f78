//! The date extractor and the dateline reader on any text, with and
//! without an anchor date: no panic, mentions inside the text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let anchor = chrono::NaiveDate::from_ymd_opt(2022, 9, 7);
    for anchor in [None, anchor] {
        for d in parallax::timeline::find_dates(text, anchor) {
            assert!(d.start <= d.end && d.end <= text.len());
            assert!(text.is_char_boundary(d.start) && text.is_char_boundary(d.end));
        }
    }
    let _ = parallax::dates::find_dateline(text);
});
