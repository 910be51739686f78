//! Whether a group member restates its base, or shares the fact and says
//! other things too.
//!
//! Two sentences in one group report one fact; that does not make them one
//! statement. "SARS has killed about 800 people" and "SARS has killed about
//! 800 people and sickened more than 8,400 worldwide" are one fact, and the
//! second says more. A fact-checker reading a card wants to know which
//! members say what the base says and which carry more, less or other
//! material. This is the distinction the MSR paraphrase corpus labels, and
//! the model here is fitted on its train split.
//!
//! The judgement is a logistic model of four features of the pair, all in
//! 0–1: the word diff's similarity, the sentence embeddings' cosine, the
//! Dice overlap of word bigrams, and how much of each sentence's distinct
//! words the other covers (the smaller share). The weights come from `tools/msr/fit_restates.py`, which fits them on the
//! features `examples/pair_eval.rs --features` writes for MSR train pairs;
//! `docs/alignment-eval.md` (session 16) has the measurement.

use super::grouping::FastSet;
use crate::diff::{Word, WordDiff};

/// The features of a pair, in the order of [`WEIGHTS`].
pub type Features = [f32; 4];

/// The model's weight of each feature: similarity, cosine, bigram overlap,
/// coverage. Fitted by `tools/msr/fit_restates.py` on the GLUE-dev part of
/// MSR's train split (408 pairs). Bigrams weigh against: given the words
/// two sentences share, in order and as sets, more shared phrases mark a
/// near-copy with a detail changed, which MSR labels another statement.
const WEIGHTS: Features = [8.1274, 5.0460, -9.3474, 10.0031];
/// The model's intercept.
const BIAS: f32 = -10.0544;

/// Whether a member with these [`features`] restates its base: the model's
/// probability is over one half.
pub fn restates(features: &Features) -> bool {
    features.iter().zip(WEIGHTS).map(|(x, w)| x * w).sum::<f32>() + BIAS > 0.0
}

/// What the features read of one sentence: its distinct words and its
/// distinct pairs of adjacent words (keys as [`crate::diff::words`] makes
/// them). A group's base is read once for all its members.
pub struct Sentence<'w> {
    words: FastSet<&'w str>,
    pairs: FastSet<(&'w str, &'w str)>,
}

impl<'w> Sentence<'w> {
    pub fn new(words: &'w [Word]) -> Self {
        Self {
            words: words.iter().map(|w| w.key.as_str()).collect(),
            pairs: words.windows(2).map(|w| (w[0].key.as_str(), w[1].key.as_str())).collect(),
        }
    }
}

/// The features of `member` against `base`: the similarity of the member's
/// word diff against the base, the cosine of their embeddings (0 when the
/// model is unavailable), the Dice coefficient of their word pairs, and the
/// smaller of the two shares of one's distinct words found in the other.
pub fn features(base: &Sentence, member: &Sentence, similarity: f32, cosine: f32) -> Features {
    let shared_pairs = base.pairs.iter().filter(|p| member.pairs.contains(*p)).count();
    let shared_words = base.words.iter().filter(|w| member.words.contains(*w)).count() as f32;
    let coverage = if base.words.is_empty() || member.words.is_empty() {
        0.0
    } else {
        (shared_words / base.words.len() as f32).min(shared_words / member.words.len() as f32)
    };
    [similarity, cosine, dice(shared_pairs, base.pairs.len() + member.pairs.len()), coverage]
}

/// The cosine of the embedding of `base` with each of `members`'s, in
/// order, the embeddings computed here (all 0 when the model is
/// unavailable): for pairs read outside an analysis.
pub fn cosines(base: &str, members: &[&str]) -> Vec<f32> {
    let texts: Vec<&str> = std::iter::once(base).chain(members.iter().copied()).collect();
    match super::semantic::embed(&texts).split_first() {
        Some((b, rest)) if rest.len() == members.len() => rest.iter().map(|m| super::semantic::cosine(b, m)).collect(),
        _ => vec![0.0; members.len()],
    }
}

/// [`features`] of two texts, `diff` being the member's word diff against
/// the base: for a labelled pair read outside an analysis.
pub fn text_features(base: &str, member: &str, diff: &WordDiff) -> Features {
    let (base_words, member_words) = (crate::diff::words(base, 0), crate::diff::words(member, 0));
    let cosine = cosines(base, &[member])[0];
    features(&Sentence::new(&base_words), &Sentence::new(&member_words), diff.similarity, cosine)
}

fn dice(shared: usize, total: usize) -> f32 {
    if total == 0 { 0.0 } else { 2.0 * shared as f32 / total as f32 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn judged(base: &str, member: &str) -> bool {
        restates(&text_features(base, member, &crate::diff::word_diff(base, 0, member, 0)))
    }

    #[test]
    fn the_same_statement_reworded_restates() {
        assert!(judged(
            "The storm cut power to half of the homes in the old town overnight.",
            "Overnight, the storm cut power to half the homes in the old town.",
        ));
    }

    #[test]
    fn a_member_that_says_more_does_not_restate() {
        let base = "The virus has killed about 800 people worldwide.";
        let member = "The virus has killed about 800 people worldwide and sickened more than 8,400 in thirty \
                      countries since it emerged in southern China last year.";
        assert!(!judged(base, member));
        assert!(!judged(member, base));
    }

    #[test]
    fn features_lie_in_the_unit_interval_and_empty_texts_share_nothing() {
        let f = text_features("", "", &crate::diff::word_diff("", 0, "", 0));
        assert_eq!(f[2..], [0.0, 0.0]);
        let f = text_features("a b c", "a b d", &crate::diff::word_diff("a b c", 0, "a b d", 0));
        assert!(f.iter().all(|x| (0.0..=1.0001).contains(x)), "{f:?}");
        assert!((f[3] - 2.0 / 3.0).abs() < 1e-6 && (f[2] - 0.5).abs() < 1e-6, "{f:?}");
    }
}
