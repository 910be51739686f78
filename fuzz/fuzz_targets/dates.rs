//! The date extractor and the dateline reader on any text, with and
//! without an anchor date and in each numeric order: no panic, mentions
//! inside the text, on char boundaries.
#![no_main]
use libfuzzer_sys::fuzz_target;
use parallax::dates::{NumericOrder, find_dates, find_dates_with};

fuzz_target!(|text: &str| {
    let anchor = chrono::NaiveDate::from_ymd_opt(2022, 9, 7);
    for anchor in [None, anchor] {
        let orders = [NumericOrder::Unknown, NumericOrder::MonthFirst, NumericOrder::DayFirst];
        let found = orders.map(|order| find_dates_with(text, anchor, order));
        for d in found.iter().flatten().chain(&find_dates(text, anchor)) {
            assert!(d.start <= d.end && d.end <= text.len());
            assert!(text.is_char_boundary(d.start) && text.is_char_boundary(d.end));
        }
    }
    let _ = parallax::dates::find_dateline(text);
    let _ = parallax::dates::parse_iso_day(text);
});
