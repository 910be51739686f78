//! The analysis runs its per-article and per-group stages on all cores; its
//! output must not depend on how many threads there are.

#![allow(clippy::unwrap_used)]

#[path = "../benches/synth/mod.rs"]
mod synth;

use parallax::analysis::{self, CancelFlag, Cancelled};
use parallax::corpus::RawDocument;

fn documents(articles: usize) -> Vec<RawDocument> {
    synth::generate(articles, 3, 7).into_iter().map(|d| RawDocument { file: d.file, content: d.content }).collect()
}

fn export(docs: &[RawDocument], threads: Option<usize>) -> String {
    let run =
        || serde_json::to_string(&analysis::analyze_documents(docs, Vec::new(), &mut |_| {})).expect("serialisable");
    match threads {
        Some(n) => rayon::ThreadPoolBuilder::new().num_threads(n).build().expect("a thread pool").install(run),
        None => run(),
    }
}

#[test]
fn one_thread_and_many_give_byte_identical_output() {
    // 70 articles: more than one segmentation chunk of 64 (kept small: the
    // analysis runs three times, unoptimised, under `cargo test`).
    let docs = documents(70);
    let single = export(&docs, Some(1));
    assert!(single.contains("\"groups\":[{"), "the corpus has groups to compare");
    assert_eq!(single, export(&docs, None), "default pool");
    assert_eq!(single, export(&docs, Some(4)), "four threads");
}

#[test]
fn a_cancelled_analysis_stops_and_says_so() {
    let docs = documents(20);
    let cancel = CancelFlag::default();
    cancel.cancel();
    let mut reports = 0;
    let result = analysis::analyze_documents_with(&docs, Vec::new(), &mut |_| reports += 1, &cancel);
    assert_eq!(result.err(), Some(Cancelled));
    assert_eq!(reports, 0, "nothing ran after the flag was set");
}

#[test]
fn alignment_reports_its_steps_and_stops_between_them() {
    use parallax::analysis::Stage;
    let docs = documents(20);
    let mut aligning = Vec::new();
    analysis::analyze_documents(&docs, Vec::new(), &mut |p| {
        if p.stage == Stage::Aligning {
            aligning.push((p.done, p.total));
        }
    });
    let steps = parallax::align::ALIGN_STEPS;
    assert_eq!(aligning, (0..steps).map(|d| (d, steps)).collect::<Vec<_>>(), "every step, in order");

    // Cancelled inside alignment (the third step's report sets the flag):
    // no later step runs and the analysis says it was cancelled.
    let cancel = CancelFlag::default();
    let mut after = Vec::new();
    let result = analysis::analyze_documents_with(
        &docs,
        Vec::new(),
        &mut |p| {
            if p.stage == Stage::Aligning && p.done == 2 {
                cancel.cancel();
            } else if cancel.is_cancelled() {
                after.push(p);
            }
        },
        &cancel,
    );
    assert_eq!(result.err(), Some(Cancelled));
    assert!(after.is_empty(), "nothing reported after the flag was set: {after:?}");
}

#[test]
fn the_generator_is_deterministic_and_varied() {
    let a = synth::generate(40, 2, 11);
    let b = synth::generate(40, 2, 11);
    assert!(a.iter().zip(&b).all(|(x, y)| x.file == y.file && x.content == y.content));
    let sentences = |d: &synth::Doc| d.content.matches(['.', '”']).count();
    assert!(a.iter().all(|d| (20..=90).contains(&sentences(d))), "20–60 sentences per article, roughly");
    let all: String = a.iter().map(|d| d.content.as_str()).collect();
    for feature in ["“", " said that ", "source: ", "---\n", " on "] {
        assert!(all.contains(feature), "the corpus has {feature:?}");
    }
    assert_ne!(synth::generate(40, 2, 12)[0].content, a[0].content, "another seed, another corpus");
}

#[test]
fn folders_analysed_side_by_side_on_the_pool_all_finish() {
    // A caller may analyse several folders at once on rayon's pool. Each
    // analysis used to block its worker joining a thread that waited for the
    // pool: with more folders than workers, every worker blocked and the
    // analyses never finished. Run on a thread, with a deadline, so a hang
    // fails the test instead of stalling the suite.
    use rayon::prelude::*;
    let folders = 4 * rayon::current_num_threads();
    let docs = documents(6);
    // Off the pool the side work runs on a thread of its own; on it, on the
    // worker: the same output either way.
    let reference = export(&docs, None);
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let outputs: Vec<String> = (0..folders).into_par_iter().map(|_| export(&docs, None)).collect();
        // The receiver may have given up waiting.
        sender.send(outputs).ok();
    });
    let outputs = receiver.recv_timeout(std::time::Duration::from_secs(120)).expect("every analysis finishes");
    assert_eq!(outputs.len(), folders);
    assert!(reference.contains("\"groups\":[{"), "the folder has groups to compare");
    assert!(outputs.iter().all(|o| *o == reference), "an analysis on the pool gives the output of one off it");
}
