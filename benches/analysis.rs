//! Criterion benchmarks of the analysis on the synthetic corpus of
//! `benches/synth/mod.rs` (about thirty outlets per story).
//!
//! ```sh
//! cargo bench --bench analysis                        # 10, 100 and 1,000 articles
//! PARALLAX_BENCH_SIZES=10000 cargo bench --bench analysis -- whole   # the manual 10k run
//! PARALLAX_BENCH_NAIVE=1 cargo bench --bench analysis -- naive       # the all-pairs baseline
//! ```
//!
//! - `whole/N`: read the folder and analyse it, as `parallax export` does
//!   before serialising;
//! - `stage/*/N`: each stage alone on the output of the stages before it:
//!   load (read the files), segment, index (vocabulary, fact units, term
//!   weights), align (index, candidates, grouping, diffs: the whole
//!   `align::align`), diff (the word diffs of every group member against its
//!   base), quotes, timeline;
//! - `naive/N`: every sentence against every other with `similar`'s ratio,
//!   the baseline the aligner's speed-up is measured against (`docs/performance.md`).
//!
//! Under `cargo test` (no `--bench` argument) criterion runs every benchmark
//! once, as a smoke test, and only the smallest size is set up.

mod synth;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use parallax::align::Vocabulary;
use parallax::analysis::{self, CancelFlag};
use parallax::corpus::{self, RawDocument};
use parallax::model::{Analysis, SCHEMA};
use std::path::PathBuf;
use std::time::Duration;

/// Is this `cargo bench` (a real measurement) rather than `cargo test`?
fn measuring() -> bool {
    std::env::args().any(|a| a == "--bench")
}

fn sizes() -> Vec<usize> {
    if !measuring() {
        return vec![10];
    }
    match std::env::var("PARALLAX_BENCH_SIZES") {
        Ok(list) => list.split(',').filter_map(|n| n.trim().parse().ok()).collect(),
        Err(_) => vec![10, 100, 1000],
    }
}

/// The corpus of `articles` articles, written to a fresh temporary folder
/// (so loading reads real files) and in memory.
fn corpus(articles: usize) -> (PathBuf, Vec<RawDocument>) {
    let docs = synth::generate(articles, synth::default_stories(articles), 1);
    let dir = std::env::temp_dir().join(format!("parallax-bench-{}-{articles}", std::process::id()));
    let _: std::io::Result<()> = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temporary folder");
    for doc in &docs {
        std::fs::write(dir.join(&doc.file), &doc.content).expect("write a corpus file");
    }
    let raw = docs.into_iter().map(|d| RawDocument { file: d.file, content: d.content }).collect();
    (dir, raw)
}

fn segmented(docs: &[RawDocument]) -> Analysis {
    let articles = analysis::segment(docs, &mut |_| {}, &CancelFlag::default()).expect("not cancelled");
    Analysis { schema: SCHEMA.to_string(), articles, ..Analysis::default() }
}

fn benches(c: &mut Criterion) {
    for n in sizes() {
        let (dir, docs) = corpus(n);
        let sentences: usize = segmented(&docs).articles.iter().map(|a| a.sentences.len()).sum();
        eprintln!("corpus: {n} articles, {sentences} sentences");
        let mut group = c.benchmark_group("whole");
        group.sample_size(10).warm_up_time(Duration::from_secs(1));
        group.bench_with_input(BenchmarkId::from_parameter(n), &dir, |b, dir| {
            b.iter(|| analysis::analyze_folder(dir, &mut |_| {}).expect("analysable"));
        });
        group.finish();
        if n == 1000 || !measuring() || std::env::var("PARALLAX_BENCH_STAGES").is_ok() {
            stages(c, n, &dir, &docs);
        }
        if std::env::var("PARALLAX_BENCH_NAIVE").is_ok() || !measuring() {
            naive(c, n, &docs);
        }
        let _: std::io::Result<()> = std::fs::remove_dir_all(&dir);
    }
}

fn stages(c: &mut Criterion, n: usize, dir: &std::path::Path, docs: &[RawDocument]) {
    let mut group = c.benchmark_group("stage");
    group.sample_size(10).warm_up_time(Duration::from_secs(1));
    group.bench_with_input(BenchmarkId::new("load", n), dir, |b, dir| {
        b.iter(|| corpus::read_folder(dir).expect("readable"));
    });
    group.bench_with_input(BenchmarkId::new("segment", n), docs, |b, docs| b.iter(|| segmented(docs)));

    let base = segmented(docs);
    group.bench_with_input(BenchmarkId::new("index", n), &base, |b, base| {
        b.iter(|| {
            let texts = || base.articles.iter().flat_map(|a| a.sentences.iter().map(|s| a.sentence_text(s)));
            let vocabulary = Vocabulary::new(texts());
            let terms: Vec<Vec<u32>> = texts().map(|t| vocabulary.terms(t)).collect();
            let units: usize = texts().map(|t| vocabulary.units(t).len()).sum();
            (vocabulary.weights(&terms), units)
        });
    });
    group.bench_with_input(BenchmarkId::new("align", n), &base, |b, base| {
        b.iter_batched(|| base.clone(), |mut a| parallax::align::align(&mut a), criterion::BatchSize::LargeInput);
    });

    let mut aligned = base;
    parallax::align::align(&mut aligned);
    // Every (base, member) text pair of every group, looked up once.
    let texts: std::collections::HashMap<&str, &str> = aligned
        .articles
        .iter()
        .flat_map(|a| a.sentences.iter().map(move |s| (s.id.as_str(), a.sentence_text(s))))
        .collect();
    let diff_pairs: Vec<(&str, &str)> = aligned
        .groups
        .iter()
        .flat_map(|g| g.sentences.iter().filter(|m| **m != g.base).map(|m| (texts[g.base.as_str()], texts[m.as_str()])))
        .collect();
    group.bench_with_input(BenchmarkId::new("diff", n), &diff_pairs, |b, pairs| {
        b.iter(|| {
            pairs.iter().map(|(base, member)| parallax::diff::word_diff(base, 0, member, 0).ops.len()).sum::<usize>()
        });
    });
    group.bench_with_input(BenchmarkId::new("quotes", n), &aligned, |b, aligned| {
        b.iter_batched(|| aligned.clone(), |mut a| parallax::quotes::analyze(&mut a), criterion::BatchSize::LargeInput);
    });
    group.bench_with_input(BenchmarkId::new("timeline", n), &aligned, |b, aligned| {
        b.iter_batched(
            || aligned.clone(),
            |mut a| parallax::timeline::analyze(&mut a),
            criterion::BatchSize::LargeInput,
        );
    });
    group.finish();
}

/// Every sentence against every other sentence of another article with
/// `similar`'s word-level ratio; counts the pairs at 0.5 or more.
fn naive(c: &mut Criterion, n: usize, docs: &[RawDocument]) {
    let analysis = segmented(docs);
    let sentences: Vec<(usize, &str)> = analysis
        .articles
        .iter()
        .enumerate()
        .flat_map(|(i, a)| a.sentences.iter().map(move |s| (i, a.sentence_text(s))))
        .collect();
    let mut group = c.benchmark_group("naive");
    group.sample_size(10).warm_up_time(Duration::from_millis(10));
    group.bench_with_input(BenchmarkId::from_parameter(n), &sentences, |b, sentences| {
        b.iter(|| {
            let mut similar_pairs = 0usize;
            for (k, (article_a, a)) in sentences.iter().enumerate() {
                for (article_b, b) in &sentences[k + 1..] {
                    if article_a != article_b && similar::TextDiff::from_words(*a, *b).ratio() >= 0.5 {
                        similar_pairs += 1;
                    }
                }
            }
            similar_pairs
        });
    });
    group.finish();
}

criterion_group!(analysis_benches, benches);
criterion_main!(analysis_benches);
