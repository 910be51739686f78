//! What each fuzz target checks, in one place: the targets in
//! `fuzz_targets/` call these on libFuzzer's inputs, and `tests/fuzz_inputs.rs`
//! replays every input kept under `tests/data/fuzz/<target>/` (each one a
//! crash the fuzzer found, fixed since) through the same function.
//!
//! Any panic, failed assertion or hang is a finding.

use parallax::corpus::RawDocument;
use parallax::dates::{NumericOrder, find_dates, find_dates_with};

/// Any bytes, decoded as a text file and as a web page: no panic, and clean
/// UTF-8 comes back unchanged.
pub fn decode(data: &[u8]) {
    for html in [false, true] {
        if let Ok(decoded) = parallax::decode::decode(data, html)
            && let Ok(text) = std::str::from_utf8(data)
            && !data.starts_with(&[0xef, 0xbb, 0xbf])
            && !text.contains('\0')
        {
            assert_eq!(decoded.text, text);
        }
    }
}

/// Front matter and metadata inference on any text: no panic, and the body
/// is a suffix of the input.
pub fn front_matter(text: &str) {
    let (_, body) = parallax::corpus::split_front_matter(text);
    assert!(text.ends_with(body));
    let doc = RawDocument { file: "f.md".into(), content: text.to_string() };
    let article = parallax::corpus::parse_document("a0", &doc);
    let _: Vec<String> = parallax::corpus::doubts(&doc, &article);
}

/// The sentence splitter on any paragraph: spans in order, inside the text,
/// on char boundaries.
pub fn segmenter(text: &str) {
    let mut last = 0;
    for span in parallax::text::split_sentences(text) {
        assert!(span.start >= last && span.start <= span.end && span.end <= text.len());
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        last = span.end;
    }
}

/// Quote extraction over two articles of any text (the input cut in half):
/// no panic, spans inside their article on char boundaries.
pub fn quotes(text: &str) {
    let half = text.char_indices().nth(text.chars().count() / 2).map_or(text.len(), |(i, _)| i);
    let (a, b) = text.split_at(half);
    let docs = [a, b].map(|t| RawDocument { file: "x.txt".into(), content: t.to_string() });
    let mut analysis = parallax::model::Analysis::default();
    for (i, doc) in docs.iter().enumerate() {
        let mut article = parallax::corpus::parse_document(&format!("a{i}"), doc);
        parallax::text::segment_article(&mut article);
        analysis.articles.push(article);
    }
    parallax::quotes::analyze(&mut analysis);
    for q in &analysis.quotes {
        let text = &analysis.article(&q.article).expect("a quote names its article").text;
        assert!(q.start <= q.end && q.end <= text.len());
        assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
    }
}

/// The date extractor and the dateline reader on any text, with and without
/// an anchor date and in each numeric order: no panic, mentions inside the
/// text, on char boundaries.
pub fn dates(text: &str) {
    let anchor = chrono::NaiveDate::from_ymd_opt(2022, 9, 7);
    for anchor in [None, anchor] {
        let orders = [NumericOrder::Unknown, NumericOrder::MonthFirst, NumericOrder::DayFirst];
        let found = orders.map(|order| find_dates_with(text, anchor, order));
        for d in found.iter().flatten().chain(&find_dates(text, anchor)) {
            assert!(d.start <= d.end && d.end <= text.len());
            assert!(text.is_char_boundary(d.start) && text.is_char_boundary(d.end));
        }
    }
    let _: Option<chrono::NaiveDate> = parallax::dates::find_dateline(text);
    let _: Option<chrono::NaiveDate> = parallax::dates::parse_iso_day(text);
}

/// Web-page extraction on any text: no panic; a page found has text.
pub fn html(text: &str) {
    let _: bool = parallax::html::looks_like_html(text);
    if let Ok(page) = parallax::html::extract(text) {
        assert!(!page.text.trim().is_empty());
    }
}

/// The whole analysis of a folder of up to four files of any bytes (the
/// input split at 0xFF bytes), each named with one of the extensions
/// Parallax reads (picked by its first byte): no panic, sentence offsets
/// inside the text on char boundaries.
pub fn folder(data: &[u8]) {
    let exts = ["txt", "md", "html", "json", "jsonl"];
    let mut docs = Vec::new();
    let mut problems = Vec::new();
    for (i, chunk) in data.split(|&b| b == 0xff).take(4).enumerate() {
        let ext = exts[chunk.first().map_or(0, |b| *b as usize % exts.len())];
        let (d, p) = parallax::corpus::documents_from_bytes(&format!("{i}.{ext}"), chunk);
        docs.extend(d);
        problems.extend(p);
    }
    let analysis = parallax::analysis::analyze_documents(&docs, problems, &mut |_| {});
    for a in &analysis.articles {
        for s in &a.sentences {
            assert!(s.start < s.end && s.end <= a.text.len());
            assert!(a.text.is_char_boundary(s.start) && a.text.is_char_boundary(s.end));
        }
    }
}
