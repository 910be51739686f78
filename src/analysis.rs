//! The analysis pipeline: raw documents → articles → sentences → groups,
//! quotes and timeline, in one [`Analysis`].
//!
//! Everything the app shows and every export comes from one call here. It is
//! deterministic: the same documents give the same analysis, byte for byte
//! once serialised.

use crate::corpus::{self, CorpusError, RawDocument, ReadOptions};
use crate::duplicates;
use crate::model::{Analysis, Article, Problem, SCHEMA};
use std::collections::BTreeMap;
use std::path::Path;

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

/// Reads and analyses every article in `folder`. Files that cannot be read
/// are listed in `problems`; only a folder that cannot be read at all, or has
/// no articles, is an error.
pub fn analyze_folder(folder: &Path, progress: &mut dyn FnMut(Progress)) -> Result<Analysis, CorpusError> {
    analyze_folder_with(folder, &ReadOptions::default(), progress)
}

/// [`analyze_folder`] with read options (subfolders, size limit).
pub fn analyze_folder_with(
    folder: &Path,
    options: &ReadOptions,
    progress: &mut dyn FnMut(Progress),
) -> Result<Analysis, CorpusError> {
    progress(Progress { stage: Stage::Reading, done: 0, total: 1 });
    let (docs, problems) = corpus::read_folder_with(folder, options)?;
    Ok(analyze_documents(&docs, problems, progress))
}

/// The built-in sample story, analysed.
pub fn analyze_sample() -> Analysis {
    analyze_documents(&corpus::sample_documents(), Vec::new(), &mut |_| {})
}

/// Analyses documents already in memory. The same story saved twice is
/// analysed once (the other file is listed on the article and in
/// `problems`); near copies are marked on both articles.
pub fn analyze_documents(
    docs: &[RawDocument],
    mut problems: Vec<Problem>,
    progress: &mut dyn FnMut(Progress),
) -> Analysis {
    let total = docs.len();
    let mut articles: Vec<Article> = Vec::with_capacity(total);
    for (i, doc) in docs.iter().enumerate() {
        progress(Progress { stage: Stage::Segmenting, done: i, total });
        let article = corpus::parse_document("", doc);
        let doubts = corpus::doubts(doc, &article);
        if !doubts.is_empty() {
            problems.push(Problem { file: doc.file.clone(), message: doubts.join("; "), skipped: false });
        }
        articles.push(article);
    }
    let (mut articles, merged) = duplicates::merge_exact(articles);
    problems.extend(merged);
    for (i, article) in articles.iter_mut().enumerate() {
        article.id = format!("a{i}");
        crate::text::segment_article(article);
    }
    duplicates::mark_near_copies(&mut articles);
    let mut analysis =
        Analysis { schema: SCHEMA.to_string(), articles, problems: merge_problems(problems), ..Analysis::default() };
    progress(Progress { stage: Stage::Aligning, done: 0, total: 1 });
    crate::align::align(&mut analysis);
    progress(Progress { stage: Stage::Quotes, done: 0, total: 1 });
    crate::quotes::analyze(&mut analysis);
    progress(Progress { stage: Stage::Timeline, done: 0, total: 1 });
    crate::timeline::analyze(&mut analysis);
    progress(Progress { stage: Stage::Done, done: 1, total: 1 });
    analysis
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
