//! The same story saved twice, and copies with small edits.
//!
//! An exact duplicate has the same prose word for word (case, punctuation,
//! whitespace, headline and boilerplate lines ignored) and does not name a
//! different outlet or URL: it is analysed once, and the other file is
//! listed on the article and as a problem line. (The same wire text run by
//! two outlets stays two articles, marked as copies of each other.) A near
//! copy shares most of its word 5-grams with another article (Jaccard
//! similarity of the two sets at least [`NEAR_COPY_JACCARD`]): both are kept,
//! each marked as a copy of the other, since who copied whom is the point.
//!
//! The sets are compared exactly, every pair: a folder holds tens or a few
//! hundred articles, where MinHash's estimate would save nothing worth its
//! error.

use crate::model::{Article, NearCopy, Problem};
use std::collections::{BTreeMap, BTreeSet};
use std::hash::{DefaultHasher, Hash, Hasher};

/// Word 5-gram Jaccard similarity from which two articles are near copies.
/// Measured in `docs/input-formats.md`: different outlets' reports of one
/// story stay below 0.25, a wire story with a paragraph changed is above 0.6.
pub const NEAR_COPY_JACCARD: f32 = 0.5;

const SHINGLE_WORDS: usize = 5;

/// The words of an article's prose, lower-cased, without punctuation.
fn prose_words(article: &Article) -> Vec<String> {
    let mut skip: Vec<_> = article.boilerplate.clone();
    skip.extend(article.title_span);
    let mut words = Vec::new();
    for line in crate::corpus::lines(&article.text) {
        if skip.iter().any(|s| s.start < line.end && line.start < s.end) {
            continue;
        }
        let text = &article.text[line.start..line.end];
        words.extend(text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase));
    }
    words
}

/// Drops articles whose prose equals an earlier one's (in file order),
/// listing their files on the article kept. Returns the articles kept and
/// one problem line per merged file.
pub fn merge_exact(articles: Vec<Article>) -> (Vec<Article>, Vec<Problem>) {
    let mut kept: Vec<Article> = Vec::with_capacity(articles.len());
    let mut first_with: BTreeMap<Vec<String>, usize> = BTreeMap::new();
    let mut problems = Vec::new();
    for article in articles {
        let words = prose_words(&article);
        if words.is_empty() {
            kept.push(article);
            continue;
        }
        match first_with.get(&words).copied().filter(|&i| same_publication(&kept[i], &article)) {
            Some(index) => {
                let mut dropped = article;
                // Keep the copy that knows more, then the one with the
                // shorter name ("story.txt" over "story (1).txt").
                if rank(&dropped) < rank(&kept[index]) {
                    std::mem::swap(&mut dropped, &mut kept[index]);
                    let earlier = std::mem::take(&mut dropped.duplicate_files);
                    kept[index].duplicate_files.extend(earlier);
                }
                let original = &mut kept[index];
                problems.push(Problem {
                    file: dropped.file.clone(),
                    message: format!("the same story as {}; shown once, as that article", original.file),
                    skipped: true,
                });
                original.duplicate_files.push(dropped.file);
                original.duplicate_files.sort();
            }
            None => {
                first_with.entry(words).or_insert(kept.len());
                kept.push(article);
            }
        }
    }
    (kept, problems)
}

/// Could these two files be one publication saved twice? Not when both
/// name their outlet (front matter or page metadata, not the file name) and
/// the names differ, nor when both give a URL and the URLs differ: the same
/// wire text run by two outlets is two articles (near copies of each other).
fn same_publication(a: &Article, b: &Article) -> bool {
    let named = |x: &Article| x.source != crate::corpus::source_from_file_name(&x.file);
    let sources_differ = named(a) && named(b) && !a.source.eq_ignore_ascii_case(&b.source);
    let urls_differ = matches!((&a.url, &b.url), (Some(x), Some(y)) if x.trim() != y.trim());
    !sources_differ && !urls_differ
}

/// Lower is better: more metadata known, then a shorter file name.
fn rank(a: &Article) -> (usize, usize, String) {
    let unknown = usize::from(a.date.is_none()) + usize::from(a.url.is_none()) + usize::from(a.meta.is_empty());
    (unknown, a.file.chars().count(), a.file.clone())
}

fn shingles(words: &[String]) -> BTreeSet<u64> {
    words
        .windows(SHINGLE_WORDS)
        .map(|w| {
            let mut h = DefaultHasher::new();
            w.hash(&mut h);
            h.finish()
        })
        .collect()
}

/// Jaccard similarity of two shingle sets.
fn jaccard(a: &BTreeSet<u64>, b: &BTreeSet<u64>) -> f32 {
    let shared = a.intersection(b).count();
    let union = a.len() + b.len() - shared;
    if union == 0 { 0.0 } else { shared as f32 / union as f32 }
}

/// The word 5-gram Jaccard similarity of every pair of articles, for
/// measuring (`(i, j, similarity)` with `i < j`).
pub fn pair_similarities(articles: &[Article]) -> Vec<(usize, usize, f32)> {
    let sets: Vec<BTreeSet<u64>> = articles.iter().map(|a| shingles(&prose_words(a))).collect();
    let mut out = Vec::new();
    for i in 0..sets.len() {
        for j in i + 1..sets.len() {
            if !sets[i].is_empty() && !sets[j].is_empty() {
                out.push((i, j, jaccard(&sets[i], &sets[j])));
            }
        }
    }
    out
}

/// Marks every pair at or above [`NEAR_COPY_JACCARD`] on both articles.
pub fn mark_near_copies(articles: &mut [Article]) {
    for (i, j, similarity) in pair_similarities(articles) {
        if similarity >= NEAR_COPY_JACCARD {
            let similarity = (similarity * 1000.0).round() / 1000.0;
            let (a, b) = (articles[i].id.clone(), articles[j].id.clone());
            articles[i].near_copies.push(NearCopy { article: b, similarity });
            articles[j].near_copies.push(NearCopy { article: a, similarity });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str, file: &str, text: &str) -> Article {
        let source = crate::corpus::source_from_file_name(file);
        Article { id: id.into(), file: file.into(), text: text.into(), source, ..Article::default() }
    }

    const STORY: &str = "Albania cut diplomatic ties with Iran on Wednesday.\nThe prime minister said the \
                         cyberattack in July was ordered by Tehran and aimed to paralyse public services.\nIranian \
                         diplomats were given 24 hours to leave the country, the foreign ministry said.\n";

    #[test]
    fn exact_duplicates_merge_ignoring_case_and_spacing() {
        let copy = STORY.replace("Wednesday.", "WEDNESDAY .").replace('\n', "\n\n");
        let (kept, problems) = merge_exact(vec![
            article("", "a.txt", STORY),
            article("", "b.html", &copy),
            article("", "c.txt", "Something else."),
        ]);
        assert_eq!(kept.len(), 2);
        assert_eq!(kept[0].duplicate_files, vec!["b.html".to_string()]);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].file, "b.html");
        assert!(problems[0].message.contains("a.txt") && problems[0].skipped);
    }

    #[test]
    fn the_same_text_from_two_named_outlets_is_two_articles() {
        let mut a = article("", "a.txt", STORY);
        a.source = "NBC News".into();
        let mut b = article("", "b.txt", STORY);
        b.source = "ahametals.com".into();
        let (kept, problems) = merge_exact(vec![a.clone(), b]);
        assert_eq!((kept.len(), problems.len()), (2, 0));
        let mut c = article("", "c.txt", STORY);
        c.source = "nbc news".into();
        assert_eq!(merge_exact(vec![a, c]).0.len(), 1);
    }

    #[test]
    fn small_edits_are_near_copies_other_stories_are_not() {
        let edited = STORY.replace("24 hours", "one day");
        let other = "Tirana's decision follows a July cyberattack. Officials in Tehran denied any role and called \
                     the move a hostile act, state media reported on Thursday evening.";
        let mut articles = vec![article("a0", "a", STORY), article("a1", "b", &edited), article("a2", "c", other)];
        mark_near_copies(&mut articles);
        assert_eq!(articles[0].near_copies.len(), 1);
        assert_eq!(articles[0].near_copies[0].article, "a1");
        assert!(articles[0].near_copies[0].similarity > 0.6);
        assert_eq!(articles[1].near_copies[0].article, "a0");
        assert!(articles[2].near_copies.is_empty());
    }
}
