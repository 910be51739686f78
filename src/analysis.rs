//! The analysis pipeline: raw documents → articles → sentences → groups,
//! quotes and timeline, in one [`Analysis`].
//!
//! Everything the app shows and every export comes from one call here. It is
//! deterministic: the same documents give the same analysis, byte for byte
//! once serialised.

pub use crate::align::GroupDiffs;
use crate::corpus::{self, CorpusError, RawDocument, ReadOptions};
use crate::duplicates;
use crate::model::{Analysis, Article, Problem, SCHEMA};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Where a long analysis is, for a progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub stage: Stage,
    pub done: usize,
    pub total: usize,
}

/// The steps of an analysis, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    Reading,
    Segmenting,
    Aligning,
    Quotes,
    Timeline,
    Done,
}

impl Stage {
    pub fn label(self) -> &'static str {
        match self {
            Stage::Reading => "Reading files",
            Stage::Segmenting => "Finding sentences",
            Stage::Aligning => "Aligning facts across sources",
            Stage::Quotes => "Finding quotations",
            Stage::Timeline => "Building the timeline",
            Stage::Done => "Done",
        }
    }
}

/// A flag that stops a running analysis: set it from any thread (the app
/// sets it when another folder is opened) and the analysis returns
/// [`Cancelled`] at its next check, between stages and between chunks of
/// the per-article stages.
#[derive(Clone, Debug, Default)]
pub struct CancelFlag(Arc<AtomicBool>);

impl CancelFlag {
    pub fn cancel(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }

    fn check(&self) -> Result<(), Cancelled> {
        if self.is_cancelled() { Err(Cancelled) } else { Ok(()) }
    }
}

/// The analysis was stopped by its [`CancelFlag`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the analysis was cancelled")]
pub struct Cancelled;

/// Why [`analyze_folder_with`] has no analysis.
#[derive(Debug, thiserror::Error)]
pub enum AnalysisError {
    #[error(transparent)]
    Corpus(#[from] CorpusError),
    #[error(transparent)]
    Cancelled(#[from] Cancelled),
}

/// Articles are segmented this many at a time between progress reports and
/// cancellation checks.
const CHUNK: usize = 64;

/// Reads and analyses every article in `folder`. Files that cannot be read
/// are listed in `problems`; only a folder that cannot be read at all, or has
/// no articles, is an error.
pub fn analyze_folder(folder: &Path, progress: &mut dyn FnMut(Progress)) -> Result<Analysis, CorpusError> {
    analyze_folder_with(folder, &ReadOptions::default(), progress, &CancelFlag::default()).map_err(|e| match e {
        AnalysisError::Corpus(e) => e,
        AnalysisError::Cancelled(_) => unreachable!("nobody else holds this flag"),
    })
}

/// [`analyze_folder`] with read options (subfolders, size limit), stoppable
/// with `cancel`.
pub fn analyze_folder_with(
    folder: &Path,
    options: &ReadOptions,
    progress: &mut dyn FnMut(Progress),
    cancel: &CancelFlag,
) -> Result<Analysis, AnalysisError> {
    analyze_folder_keeping(folder, options, GroupDiffs::All, progress, cancel)
}

/// [`analyze_folder_with`], keeping only the group diffs `diffs` says:
/// `parallax export` to JSON, which does not write them, asks for none.
pub fn analyze_folder_keeping(
    folder: &Path,
    options: &ReadOptions,
    diffs: GroupDiffs,
    progress: &mut dyn FnMut(Progress),
    cancel: &CancelFlag,
) -> Result<Analysis, AnalysisError> {
    progress(Progress { stage: Stage::Reading, done: 0, total: 1 });
    warm_up();
    let (docs, mut problems) = corpus::read_folder_with(folder, options)?;
    // Owned: each file's raw text is dropped once its article is parsed,
    // so the corpus is not held twice through the analysis.
    let articles = parse_documents(docs, &mut problems, progress, cancel)?;
    Ok(analyze_parsed(articles, problems, diffs, progress, cancel)?)
}

/// The built-in sample story, analysed.
pub fn analyze_sample() -> Analysis {
    analyze_documents(&corpus::sample_documents(), Vec::new(), &mut |_| {})
}

/// Analyses documents already in memory. The same story saved twice is
/// analysed once (the other file is listed on the article and in
/// `problems`); near copies are marked on both articles.
pub fn analyze_documents(docs: &[RawDocument], problems: Vec<Problem>, progress: &mut dyn FnMut(Progress)) -> Analysis {
    match analyze_documents_with(docs, problems, progress, &CancelFlag::default()) {
        Ok(analysis) => analysis,
        Err(Cancelled) => unreachable!("nobody else holds this flag"),
    }
}

/// [`analyze_documents`], stoppable with `cancel`. Stages that work on each
/// article alone run on all cores (rayon's global pool, or the pool this is
/// called in); the result does not depend on the number of threads.
pub fn analyze_documents_with(
    docs: &[RawDocument],
    mut problems: Vec<Problem>,
    progress: &mut dyn FnMut(Progress),
    cancel: &CancelFlag,
) -> Result<Analysis, Cancelled> {
    warm_up();
    let articles = parse_documents(docs.iter(), &mut problems, progress, cancel)?;
    analyze_parsed(articles, problems, GroupDiffs::All, progress, cancel)
}

/// Starts loading the aligner's bundled tables ([`crate::align::warm_up`])
/// on a thread of its own, so they are ready by the time alignment needs
/// them instead of being loaded on the critical path after segmentation.
/// Loading them is the same work whichever thread does it first; if the
/// thread cannot start, the aligner loads them itself.
fn warm_up() {
    // Detached: it only fills process-wide caches and holds nothing.
    let _: std::io::Result<std::thread::JoinHandle<()>> =
        std::thread::Builder::new().name("parallax-warm-up".into()).spawn(crate::align::warm_up);
}

/// Parses every document into an article, noting doubts in `problems`,
/// [`CHUNK`] documents at a time on all cores (in order: the result is the
/// one of parsing them one after another). Given owned documents, each
/// chunk is dropped as soon as it is parsed.
fn parse_documents<D: std::borrow::Borrow<RawDocument> + Send>(
    docs: impl IntoIterator<Item = D, IntoIter: ExactSizeIterator>,
    problems: &mut Vec<Problem>,
    progress: &mut dyn FnMut(Progress),
    cancel: &CancelFlag,
) -> Result<Vec<Article>, Cancelled> {
    let mut docs = docs.into_iter();
    let total = docs.len();
    let mut articles: Vec<Article> = Vec::with_capacity(total);
    loop {
        let chunk: Vec<D> = docs.by_ref().take(CHUNK).collect();
        if chunk.is_empty() {
            break;
        }
        cancel.check()?;
        progress(Progress { stage: Stage::Reading, done: articles.len(), total });
        let parsed: Vec<(Article, Option<Problem>)> = chunk
            .into_par_iter()
            .map(|doc| {
                let doc = doc.borrow();
                let article = corpus::parse_document("", doc);
                let doubts = corpus::doubts(doc, &article);
                let problem = (!doubts.is_empty()).then(|| Problem {
                    file: doc.file.clone(),
                    message: doubts.join("; "),
                    skipped: false,
                });
                (article, problem)
            })
            .collect();
        for (article, problem) in parsed {
            problems.extend(problem);
            articles.push(article);
        }
    }
    Ok(articles)
}

/// The analysis of parsed articles: duplicates, sentences, alignment,
/// quotes and timeline, keeping the group diffs `diffs` says.
fn analyze_parsed(
    articles: Vec<Article>,
    mut problems: Vec<Problem>,
    diffs: GroupDiffs,
    progress: &mut dyn FnMut(Progress),
    cancel: &CancelFlag,
) -> Result<Analysis, Cancelled> {
    let (mut articles, merged) = duplicates::merge_exact(articles);
    problems.extend(merged);
    segment_articles(&mut articles, progress, cancel)?;
    duplicates::mark_near_copies(&mut articles);
    let mut analysis =
        Analysis { schema: SCHEMA.to_string(), articles, problems: merge_problems(problems), ..Analysis::default() };
    // Quotes and the timeline read only the articles' texts and sentences,
    // and alignment reads nothing they write: they run beside it, on a copy
    // of the articles, and fill the cores that the aligner's serial steps
    // (clustering, links) leave idle. `side_by_side_is_the_sequential_analysis`
    // checks that the result is the one of running them one after another.
    //
    // Called from a rayon worker (a caller analysing several folders on the
    // pool), the side work runs first on the same thread instead: a worker
    // blocked joining a thread that waits for the pool's workers would hang
    // once every worker is so blocked.
    let mut side = Analysis { articles: analysis.articles.clone(), ..Analysis::default() };
    let side_work = |side: &mut Analysis| {
        crate::quotes::analyze(side);
        if !cancel.is_cancelled() {
            crate::timeline::analyze(side);
        }
    };
    let mut align = |analysis: &mut Analysis| {
        let aligned = crate::align::align_with(analysis, diffs, &mut |done| {
            cancel.check()?;
            progress(Progress { stage: Stage::Aligning, done, total: crate::align::ALIGN_STEPS });
            Ok(())
        });
        if aligned.is_ok() {
            progress(Progress { stage: Stage::Quotes, done: 0, total: 1 });
        }
        aligned
    };
    let aligned = if rayon::current_thread_index().is_some() {
        cancel.check()?;
        side_work(&mut side);
        align(&mut analysis)
    } else {
        std::thread::scope(|scope| {
            let worker = scope.spawn(|| side_work(&mut side));
            let aligned = align(&mut analysis);
            if let Err(panic) = worker.join() {
                std::panic::resume_unwind(panic);
            }
            aligned
        })
    };
    aligned?;
    cancel.check()?;
    progress(Progress { stage: Stage::Timeline, done: 0, total: 1 });
    take_quotes_and_timeline(&mut analysis, side);
    progress(Progress { stage: Stage::Done, done: 1, total: 1 });
    Ok(analysis)
}

/// Moves what `quotes::analyze` and `timeline::analyze` wrote into `from`
/// over to `to`, whose alignment is done.
fn take_quotes_and_timeline(to: &mut Analysis, from: Analysis) {
    to.quotes = from.quotes;
    to.quote_clusters = from.quote_clusters;
    to.timeline = from.timeline;
    to.events = from.events;
    to.reference_date = from.reference_date;
}

/// Parses and segments every document, in parallel, [`CHUNK`] at a time
/// (no duplicate merging: the per-stage benchmark's "segment" step).
pub fn segment(
    docs: &[RawDocument],
    progress: &mut dyn FnMut(Progress),
    cancel: &CancelFlag,
) -> Result<Vec<Article>, Cancelled> {
    let mut articles: Vec<Article> = docs.par_iter().map(|doc| corpus::parse_document("", doc)).collect();
    segment_articles(&mut articles, progress, cancel)?;
    Ok(articles)
}

/// Numbers the articles `a0`, `a1`, … and splits each into sentences, in
/// parallel, [`CHUNK`] at a time.
fn segment_articles(
    articles: &mut [Article],
    progress: &mut dyn FnMut(Progress),
    cancel: &CancelFlag,
) -> Result<(), Cancelled> {
    let total = articles.len();
    for (c, chunk) in articles.chunks_mut(CHUNK).enumerate() {
        cancel.check()?;
        progress(Progress { stage: Stage::Segmenting, done: c * CHUNK, total });
        let first = c * CHUNK;
        chunk.par_iter_mut().enumerate().for_each(|(k, article)| {
            article.id = format!("a{}", first + k);
            crate::text::segment_article(article);
        });
    }
    Ok(())
}

/// One line per file, in file order: a file's messages joined with "; ",
/// skipped if any of them skipped it.
fn merge_problems(problems: Vec<Problem>) -> Vec<Problem> {
    let mut by_file: BTreeMap<String, Problem> = BTreeMap::new();
    for p in problems {
        match by_file.get_mut(&p.file) {
            Some(existing) => {
                existing.message = format!("{}; {}", existing.message, p.message);
                existing.skipped |= p.skipped;
            }
            None => {
                by_file.insert(p.file.clone(), p);
            }
        }
    }
    by_file.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Quotes and the timeline run beside the alignment, on a copy of the
    /// articles: the result must be the one of running the three stages one
    /// after another on one analysis (a field the copy's stages write and
    /// [`take_quotes_and_timeline`] forgets would differ here).
    #[test]
    fn side_by_side_is_the_sequential_analysis() {
        let side_by_side = analyze_sample();
        let mut sequential = side_by_side.clone();
        for article in &mut sequential.articles {
            article.exclusive.clear();
            for sentence in &mut article.sentences {
                sentence.groups.clear();
            }
        }
        sequential.groups.clear();
        sequential.overlap.clear();
        sequential.quotes.clear();
        sequential.quote_clusters.clear();
        sequential.timeline.clear();
        sequential.events.clear();
        sequential.reference_date = None;
        crate::align::align(&mut sequential);
        crate::quotes::analyze(&mut sequential);
        crate::timeline::analyze(&mut sequential);
        assert!(
            !side_by_side.quotes.is_empty() && !side_by_side.timeline.is_empty() && !side_by_side.groups.is_empty()
        );
        let json = |a: &Analysis| serde_json::to_string(a).expect("serialisable");
        assert_eq!(json(&side_by_side), json(&sequential));
    }

    /// Without the group diffs (what `parallax export` to JSON asks for) the
    /// analysis of a folder with discrepancies is the same, discrepancies included: only `Group::diffs`,
    /// which the JSON does not hold, is empty.
    #[test]
    fn leaving_the_group_diffs_out_changes_nothing_else() {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/discrepancy");
        let analyse = |diffs: GroupDiffs| {
            let (docs, mut problems) = corpus::read_folder_with(&folder, &ReadOptions::default()).expect("readable");
            let cancel = CancelFlag::default();
            let articles = parse_documents(docs.iter(), &mut problems, &mut |_| {}, &cancel).expect("not cancelled");
            analyze_parsed(articles, problems, diffs, &mut |_| {}, &cancel).expect("not cancelled")
        };
        let mut all = analyse(GroupDiffs::All);
        let none = analyse(GroupDiffs::None);
        assert!(all.groups.iter().any(|g| !g.discrepancies.is_empty()), "the folder has discrepancies to find");
        assert!(all.groups.iter().all(|g| g.diffs.len() + 1 == g.sentences.len()));
        assert!(none.groups.iter().all(|g| g.diffs.is_empty()));
        for group in &mut all.groups {
            group.diffs.clear();
        }
        let json = |a: &Analysis| serde_json::to_string(a).expect("serialisable");
        assert_eq!(json(&all), json(&none));
    }
}
