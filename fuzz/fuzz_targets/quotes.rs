//! Quote extraction over two articles of any text: no panic, spans inside
//! their article on char boundaries.
#![no_main]
use libfuzzer_sys::fuzz_target;
use parallax::corpus::RawDocument;

fuzz_target!(|text: &str| {
    let (a, b) = text.split_at(text.char_indices().nth(text.chars().count() / 2).map_or(text.len(), |(i, _)| i));
    let docs = [a, b].map(|t| RawDocument { file: "x.txt".into(), content: t.to_string() });
    let mut analysis = parallax::model::Analysis::default();
    for (i, doc) in docs.iter().enumerate() {
        let mut article = parallax::corpus::parse_document(&format!("a{i}"), doc);
        parallax::text::segment_article(&mut article);
        analysis.articles.push(article);
    }
    parallax::quotes::analyze(&mut analysis);
    for q in &analysis.quotes {
        let text = &analysis.article(&q.article).unwrap().text;
        assert!(q.start <= q.end && q.end <= text.len());
        assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
    }
});
