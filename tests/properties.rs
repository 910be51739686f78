//! Property tests over generated input (proptest): whatever bytes a file
//! holds, reading and analysing it does not panic, every offset lies on a
//! char boundary inside the text, sentences tile the prose (in order, not
//! overlapping, no word outside a sentence except in excluded lines), and the
//! same input gives the same analysis.

// A test may unwrap: clippy.toml allows it in #[test] functions, this in their helpers too.
#![allow(clippy::unwrap_used)]

use parallax::analysis::analyze_documents;
use parallax::corpus::{RawDocument, documents_from_bytes};
use parallax::model::Analysis;
use proptest::prelude::*;

/// Text that looks like articles: words, punctuation, quotes, dates, line
/// breaks, front-matter fences, non-ASCII letters and the odd control char.
fn articleish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "The",
        "minister",
        "said",
        "Rama",
        "“",
        "”",
        "\"",
        "'",
        ".",
        "!",
        "?",
        "…",
        ",",
        " ",
        " ",
        " ",
        "\n",
        "\n\n",
        "\r\n",
        "---\n",
        "title: x\n",
        "date: 2022-09-07\n",
        "source:",
        "Sept. 7, 2022",
        "TIRANA,",
        "–",
        "—",
        "Tiranë",
        "FİKRİKADİM",
        "İ",
        "ß",
        "ﬁ",
        "e\u{301}",
        "😀",
        "3 mins read",
        "Source link",
        "12",
        "1,000",
        "U.S.",
        "Mr.",
        "(",
        ")",
        "«",
        "»",
        "<p>",
        "</p>",
        "<html>",
        "\t",
        "\u{0}",
        "\u{feff}",
    ]);
    prop::collection::vec(pieces, 0..120).prop_map(|v| v.concat())
}

fn check_offsets(a: &Analysis) -> Result<(), TestCaseError> {
    for article in &a.articles {
        let text = &article.text;
        let ok = |start: usize, end: usize| {
            start <= end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end)
        };
        for s in article.boilerplate.iter().chain(&article.title_span) {
            prop_assert!(ok(s.start, s.end), "span {s:?} in {text:?}");
        }
        let mut last_end = 0;
        // The headline is listed last and marked; it lies inside the title span.
        for s in article.sentences.iter().filter(|s| s.headline) {
            prop_assert!(ok(s.start, s.end) && s.start < s.end, "headline {s:?} in {text:?}");
            prop_assert!(article.title_span.is_some_and(|t| t.start <= s.start && s.end <= t.end), "headline {s:?}");
        }
        for s in article.sentences.iter().filter(|s| !s.headline) {
            prop_assert!(ok(s.start, s.end) && s.start < s.end, "sentence {s:?} in {text:?}");
            prop_assert!(s.start >= last_end, "sentences overlap or go backwards in {text:?}");
            // Between two sentences: whitespace, or lines left out of the prose.
            let gap = &text[last_end..s.start];
            let excluded: Vec<_> = article.boilerplate.iter().chain(&article.title_span).collect();
            let gap_is_excluded = excluded.iter().any(|e| e.start < s.start && e.end > last_end);
            // A line of punctuation alone ("---", ".") is no sentence; a word is.
            let no_words = !gap.chars().any(char::is_alphanumeric);
            prop_assert!(no_words || gap_is_excluded, "text {gap:?} lost between sentences of {text:?}");
            last_end = s.end;
        }
    }
    for q in &a.quotes {
        let article = a.article(&q.article).expect("quote of a known article");
        prop_assert!(q.start <= q.end && q.end <= article.text.len());
        prop_assert!(article.text.is_char_boundary(q.start) && article.text.is_char_boundary(q.end));
    }
    for t in &a.timeline {
        if let (Some(start), Some(end)) = (t.start, t.end) {
            let article = a.article(&t.article).expect("entry of a known article");
            prop_assert!(start <= end && end <= article.text.len());
            prop_assert!(article.text.is_char_boundary(start) && article.text.is_char_boundary(end));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_are_read_without_panic(bytes in prop::collection::vec(any::<u8>(), 0..600), ext in prop::sample::select(vec!["txt", "md", "html", "json", "jsonl"])) {
        let (docs, problems) = documents_from_bytes(&format!("f.{ext}"), &bytes);
        prop_assert!(docs.len() + problems.len() >= 1);
        let a = analyze_documents(&docs, problems, &mut |_| {});
        check_offsets(&a)?;
    }

    #[test]
    fn a_folder_of_articleish_text_is_analysed_soundly_and_deterministically(texts in prop::collection::vec(articleish(), 1..5)) {
        let docs: Vec<RawDocument> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| RawDocument { file: format!("{i}.txt"), content: t.clone() })
            .collect();
        let a = analyze_documents(&docs, Vec::new(), &mut |_| {});
        check_offsets(&a)?;
        let b = analyze_documents(&docs, Vec::new(), &mut |_| {});
        prop_assert_eq!(serde_json::to_string(&a).unwrap(), serde_json::to_string(&b).unwrap());
    }

    #[test]
    fn articleish_bytes_in_any_encoding_are_read(text in articleish(), utf16 in any::<bool>()) {
        let bytes: Vec<u8> = if utf16 {
            [0xff, 0xfe].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect()
        } else {
            text.clone().into_bytes()
        };
        let (docs, problems) = documents_from_bytes("f.txt", &bytes);
        let a = analyze_documents(&docs, problems, &mut |_| {});
        check_offsets(&a)?;
    }
}
