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
//! Only candidate pairs are compared, but exactly: a prefix filter (see
//! [`candidate_pairs`]) finds every pair that can reach the threshold
//! without looking at the others, so a folder of thousands of articles does
//! not cost the square of its size, and the marks are the ones an all-pairs
//! comparison gives (MinHash with LSH banding would also be sub-quadratic,
//! but could miss a pair, and its estimate still needs the exact check).

use crate::model::{Article, NearCopy, Problem};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher, Hash, Hasher};

/// Word 5-gram Jaccard similarity from which two articles are near copies.
/// Measured in `docs/input-formats.md`: different outlets' reports of one
/// story stay below 0.25, a wire story with a paragraph changed is above 0.6.
pub const NEAR_COPY_JACCARD: f32 = 0.5;

const SHINGLE_WORDS: usize = 5;

/// The words of an article's prose, lower-cased, without punctuation: one
/// buffer and the end of each word in it, not a `String` per word.
#[derive(Debug, PartialEq, Eq, Hash)]
struct Words {
    text: String,
    ends: Vec<usize>,
}

impl Words {
    fn len(&self) -> usize {
        self.ends.len()
    }

    fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    fn get(&self, k: usize) -> &str {
        let start = if k == 0 { 0 } else { self.ends[k - 1] };
        &self.text[start..self.ends[k]]
    }
}

fn prose_words(article: &Article) -> Words {
    let mut skip: Vec<_> = article.boilerplate.clone();
    skip.extend(article.title_span);
    let mut words = Words { text: String::with_capacity(article.text.len()), ends: Vec::new() };
    for line in crate::corpus::lines(&article.text) {
        if skip.iter().any(|s| s.start < line.end && line.start < s.end) {
            continue;
        }
        let text = &article.text[line.start..line.end];
        for word in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
            // `str::to_lowercase` of each word (it knows final sigma);
            // ASCII words, nearly all of them, without an allocation.
            if word.is_ascii() {
                words.text.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            } else {
                words.text.push_str(&word.to_lowercase());
            }
            words.ends.push(words.text.len());
        }
    }
    words
}

/// Drops articles whose prose equals an earlier one's (in file order),
/// listing their files on the article kept. Returns the articles kept and
/// one problem line per merged file.
pub fn merge_exact(articles: Vec<Article>) -> (Vec<Article>, Vec<Problem>) {
    let mut kept: Vec<Article> = Vec::with_capacity(articles.len());
    // The hash of an article's words → the first kept article with those
    // words (one per distinct wording: hashes can collide). Holding the
    // hashes rather than the words keeps ten thousand articles' words out
    // of memory; a hit is checked against the kept article's words.
    let mut first_with: BTreeMap<u64, Vec<usize>> = BTreeMap::new();
    let mut problems = Vec::new();
    // Each article's hash, on all cores (None: no words); its words are
    // split again only when an earlier article has its hash.
    let keys: Vec<Option<u64>> = articles
        .par_iter()
        .map(|article| {
            let words = prose_words(article);
            (!words.is_empty()).then(|| {
                let mut h = DefaultHasher::new();
                words.hash(&mut h);
                h.finish()
            })
        })
        .collect();
    for (article, key) in articles.into_iter().zip(keys) {
        let Some(key) = key else {
            kept.push(article);
            continue;
        };
        let same_words = first_with.entry(key).or_default();
        let first = if same_words.is_empty() {
            None
        } else {
            let words = prose_words(&article);
            same_words.iter().copied().find(|&i| prose_words(&kept[i]) == words)
        };
        match first.filter(|&i| same_publication(&kept[i], &article)) {
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
                if first.is_none() {
                    same_words.push(kept.len());
                }
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

/// The hasher of shingles: foldhash's quality hasher with a fixed seed
/// (SipHash, the standard one, was most of the shingles' time). Which
/// 64-bit hash a shingle gets does not show in the output: the Jaccard
/// similarities count equal hashes, and the prefix filter is exact
/// whatever order the hashes give the shingles.
fn shingle_hasher() -> impl Hasher {
    foldhash::quality::FixedState::with_seed(0x5eed_5419_1e5d_0c5f).build_hasher()
}

/// An article's word 5-gram hashes, sorted and without repeats: each the
/// hash of the slice of its five words (a slice of `&str` hashes as the
/// same slice of `String`s would).
fn shingles(words: &Words) -> Vec<u64> {
    let mut set: Vec<u64> = (0..(words.len() + 1).saturating_sub(SHINGLE_WORDS))
        .map(|k| {
            let window: [&str; SHINGLE_WORDS] = std::array::from_fn(|w| words.get(k + w));
            let mut h = shingle_hasher();
            window[..].hash(&mut h);
            h.finish()
        })
        .collect();
    set.sort_unstable();
    set.dedup();
    set
}

/// Jaccard similarity of two sorted shingle sets.
fn jaccard(a: &[u64], b: &[u64]) -> f32 {
    let shared = shared_count(a, b);
    let union = a.len() + b.len() - shared;
    if union == 0 { 0.0 } else { shared as f32 / union as f32 }
}

/// How many values two sorted, repeat-free slices have in common.
fn shared_count(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

/// The fewest shingles two sets must share for a Jaccard similarity of at
/// least `threshold` when one of them has `len`: `J ≥ t` means
/// `|A∩B| ≥ t·|A∪B| ≥ t·|A|`. Rounded down a hair, so that float error can
/// only make the candidate filter keep more pairs, never fewer.
fn min_shared(len: usize, threshold: f32) -> usize {
    ((f64::from(threshold) * len as f64 - 1e-9).ceil().max(1.0) as usize).min(len)
}

/// Pairs of shingle sets that may reach `threshold`, found by prefix
/// filtering (Chaudhuri et al. 2006, "A primitive operator for similarity
/// joins"; Bayardo et al. 2007, "Scaling up all pairs similarity search"):
/// order every shingle by how many articles have it (rarest first, ties by
/// hash value), and keep each set's first `len − min_shared + 1` shingles.
/// Two sets that share at least `min_shared` shingles must share one of
/// those prefixes, so no pair at the threshold is missed: unlike MinHash
/// with LSH banding, the filter is exact, and it costs what the rare
/// shingles cost (pairs of articles carrying the same rare 5-gram), not
/// the square of the folder. Returns `(i, j)` with `i < j`, sorted.
fn candidate_pairs(sets: &[Vec<u64>], threshold: f32) -> Vec<(u32, u32)> {
    // How many sets hold each shingle (the sets have no repeats).
    let mut frequency: ShingleMap<u32> = ShingleMap::default();
    for &h in sets.iter().flatten() {
        *frequency.entry(h).or_default() += 1;
    }
    // Each set's prefix: its rarest shingles, as slots of a shared posting
    // table. A shingle only one set has matches nothing and gets no slot.
    let mut slot_of: ShingleMap<u32> = ShingleMap::default();
    let mut lengths: Vec<u32> = Vec::new();
    let prefixes: Vec<Vec<u32>> = sets
        .iter()
        .map(|set| {
            let mut ranked: Vec<(u32, u64)> = set.iter().map(|&h| (frequency[&h], h)).collect();
            let prefix = set.len() + 1 - min_shared(set.len(), threshold);
            if prefix < ranked.len() {
                ranked.select_nth_unstable(prefix);
                ranked.truncate(prefix);
            }
            let shared = ranked.into_iter().filter(|&(n, _)| n > 1);
            shared
                .map(|(_, h)| {
                    let slot = *slot_of.entry(h).or_insert(lengths.len() as u32);
                    if slot as usize == lengths.len() {
                        lengths.push(0);
                    }
                    lengths[slot as usize] += 1;
                    slot
                })
                .collect()
        })
        .collect();
    drop((frequency, slot_of));
    // The posting table: per slot, the sets whose prefix has it, ascending.
    let mut starts: Vec<usize> = Vec::with_capacity(lengths.len() + 1);
    starts.push(0);
    for &n in &lengths {
        starts.push(starts.last().copied().unwrap_or(0) + n as usize);
    }
    let mut cursor = starts.clone();
    let mut postings = vec![0u32; starts.last().copied().unwrap_or(0)];
    for (i, prefix) in prefixes.iter().enumerate() {
        for &slot in prefix {
            postings[cursor[slot as usize]] = i as u32;
            cursor[slot as usize] += 1;
        }
    }
    // Per set, the later sets sharing one of its prefix shingles, each
    // once: a set seen for set `i` is stamped `i + 1` (one stamp array per
    // rayon job), so a partner met through many shingles costs a visit,
    // not a pair to sort away.
    let n = sets.len();
    prefixes
        .par_iter()
        .enumerate()
        .map_init(
            || vec![0u32; n],
            |stamp, (i, prefix)| {
                let mut partners: Vec<u32> = Vec::new();
                for &slot in prefix {
                    let sharing = &postings[starts[slot as usize]..starts[slot as usize + 1]];
                    let later = sharing.partition_point(|&j| j as usize <= i);
                    for &j in &sharing[later..] {
                        if stamp[j as usize] != i as u32 + 1 {
                            stamp[j as usize] = i as u32 + 1;
                            partners.push(j);
                        }
                    }
                }
                partners.sort_unstable();
                partners.into_iter().map(move |j| (i as u32, j))
            },
        )
        .flatten_iter()
        .collect()
}

/// A map keyed by shingle hashes, which are uniform already: the key is
/// its own hash. (Only looked up, never iterated: no order leaks out.)
type ShingleMap<V> = HashMap<u64, V, BuildHasherDefault<KeyAsHash>>;

/// The [`Hasher`] of [`ShingleMap`]: a `u64` key is the hash.
#[derive(Default)]
struct KeyAsHash(u64);

impl Hasher for KeyAsHash {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// The pairs of articles whose word 5-gram Jaccard similarity is at least
/// `threshold`, as `(i, j, similarity)` with `i < j`, in that order. Only
/// the candidates of [`candidate_pairs`] are compared, exactly: the same
/// pairs and values as comparing every pair.
pub fn similar_pairs(articles: &[Article], threshold: f32) -> Vec<(usize, usize, f32)> {
    let sets: Vec<Vec<u64>> = articles.par_iter().map(|a| shingles(&prose_words(a))).collect();
    candidate_pairs(&sets, threshold)
        .into_par_iter()
        .filter_map(|(i, j)| {
            let (a, b) = (&sets[i as usize], &sets[j as usize]);
            // Sizes alone rule a pair out: J ≤ smaller / larger.
            let (small, large) = (a.len().min(b.len()), a.len().max(b.len()));
            if small < min_shared(large, threshold) {
                return None;
            }
            let similarity = jaccard(a, b);
            (similarity >= threshold).then_some((i as usize, j as usize, similarity))
        })
        .collect()
}

/// Marks every pair at or above [`NEAR_COPY_JACCARD`] on both articles.
pub fn mark_near_copies(articles: &mut [Article]) {
    for (i, j, similarity) in similar_pairs(articles, NEAR_COPY_JACCARD) {
        let similarity = (similarity * 1000.0).round() / 1000.0;
        let (a, b) = (articles[i].id.clone(), articles[j].id.clone());
        articles[i].near_copies.push(NearCopy { article: b, similarity });
        articles[j].near_copies.push(NearCopy { article: a, similarity });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

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

    /// Every pair compared: what [`similar_pairs`] must equal.
    fn all_pairs(articles: &[Article], threshold: f32) -> Vec<(usize, usize, f32)> {
        let sets: Vec<Vec<u64>> = articles.iter().map(|a| shingles(&prose_words(a))).collect();
        let mut out = Vec::new();
        for i in 0..sets.len() {
            for j in i + 1..sets.len() {
                let similarity = jaccard(&sets[i], &sets[j]);
                if !sets[i].is_empty() && !sets[j].is_empty() && similarity >= threshold {
                    out.push((i, j, similarity));
                }
            }
        }
        out
    }

    /// Articles edited from a few base texts at every rate from none to
    /// most words, so that pair similarities fall on both sides of the
    /// threshold, near it too; some share a boilerplate-like paragraph.
    fn edited_copies() -> Vec<Article> {
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move |n: u64| {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) % n
        };
        let word = |k: u64| format!("w{k}");
        let common: Vec<String> = (0..30).map(|_| word(next(40))).collect();
        let mut articles = Vec::new();
        for base in 0..5 {
            let length = 20 + next(200) as usize;
            let text: Vec<String> = (0..length).map(|_| word(next(3000))).collect();
            for copy in 0..14 {
                let rate = copy as u64 * 7;
                let mut words: Vec<String> =
                    text.iter().map(|w| if next(100) < rate { word(next(3000)) } else { w.clone() }).collect();
                words.truncate(length - next(length as u64 / 3 + 1) as usize);
                if copy % 3 == 0 {
                    words.extend(common.iter().cloned());
                }
                let id = format!("a{}", articles.len());
                articles.push(article(&id, &format!("{base}-{copy}.txt"), &words.join(" ")));
            }
        }
        articles.push(article("empty", "empty.txt", ""));
        articles
    }

    #[test]
    fn shingles_hash_the_words_as_strings_lowercased_one_by_one() {
        let text = "The ÖSTERREICH bank, ΟΔΟΣ'Β İstanbul; 3,000 Mitglieder said ΣΑΣ on Tuesday.";
        let mut skipped = article("a0", "a.txt", &format!("Headline here\n{text}\nRead more\n"));
        skipped.title_span = Some(Span { start: 0, end: 13 });
        skipped.boilerplate = vec![Span { start: 14 + text.len() + 1, end: 14 + text.len() + 10 }];
        let expected: Vec<String> =
            text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
        let words = prose_words(&skipped);
        assert_eq!((0..words.len()).map(|k| words.get(k)).collect::<Vec<_>>(), expected);
        let mut hashes: Vec<u64> = expected
            .windows(SHINGLE_WORDS)
            .map(|w| {
                let mut h = shingle_hasher();
                w.hash(&mut h);
                h.finish()
            })
            .collect();
        hashes.sort_unstable();
        hashes.dedup();
        assert_eq!(shingles(&words), hashes);
        assert!(shingles(&prose_words(&article("a1", "b.txt", "only four words here"))).is_empty());
    }

    #[test]
    fn the_prefix_filter_finds_every_pair_all_pairs_finds() {
        let articles = edited_copies();
        for threshold in [0.3, NEAR_COPY_JACCARD, 0.7, 0.9] {
            let expected = all_pairs(&articles, threshold);
            assert_eq!(similar_pairs(&articles, threshold), expected, "threshold {threshold}");
        }
        // Not a vacuous comparison: pairs just above and just below the
        // threshold exist, and the filter ruled most pairs out.
        let near = all_pairs(&articles, 0.4);
        assert!(near.iter().any(|p| (0.5..0.6).contains(&p.2)), "{near:?}");
        assert!(near.iter().any(|p| (0.4..0.5).contains(&p.2)), "{near:?}");
        let sets: Vec<Vec<u64>> = articles.iter().map(|a| shingles(&prose_words(a))).collect();
        let candidates = candidate_pairs(&sets, NEAR_COPY_JACCARD).len();
        assert!(candidates < articles.len() * (articles.len() - 1) / 4, "{candidates} candidates");
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
