//! The whole analysis of a folder of up to four files of any bytes, named
//! with any of the extensions Parallax reads: no panic, offsets sound.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
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
});
