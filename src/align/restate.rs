//! Whether a group member restates its base, or shares the fact and may
//! say other things too.
//!
//! Two sentences in one group report one fact; that does not make them one
//! statement. "SARS has killed about 800 people" and "SARS has killed about
//! 800 people and sickened more than 8,400 worldwide" are one fact, and the
//! second says more. A fact-checker reading a card wants to know which
//! members say what the base says. This is the distinction the MSR
//! paraphrase corpus labels, and the model here is fitted on MSR pairs.
//!
//! The judgement is a logistic model of four features of the pair: the word
//! diff's similarity, the sentence embeddings' cosine, the Dice overlap of
//! adjacent word pairs, and the smaller of the two shares of one
//! sentence's distinct words found in the other. The weights come from
//! `tools/msr/fit_restates.py`, which fits them on the features
//! `examples/pair_eval.rs --features` writes for MSR train pairs;
//! `docs/alignment-eval.md` (session 16) has the measurement. Two guards
//! the model cannot see from its features: a member negated where the base
//! is not (or the other way round), and a member that states a number or
//! date differently from the base (a discrepancy of the group), never
//! restates it. A pair without both embeddings is not judged.

use super::grouping::FastSet;
use crate::diff::Word;
use crate::model::{Discrepancy, MemberDiff};
use std::hash::BuildHasher;

/// The features of a pair, in the order of [`WEIGHTS`].
pub type Features = [f32; 4];

/// The model's weight of each feature: similarity, cosine, word pairs,
/// coverage. Fitted by `tools/msr/fit_restates.py` on MSR's train split
/// (4,076 pairs), less the pairs the guards rule out. Word pairs weigh
/// against: given the words two sentences share, in order and as sets, more
/// shared phrases mark a near-copy with a detail changed, which MSR labels
/// another statement.
const WEIGHTS: Features = [4.2151, 4.3454, -4.7704, 7.2974];
/// The model's intercept.
const BIAS: f32 = -7.5270;

/// Whether a member with these [`features`] restates its base: the model's
/// probability is over one half.
pub fn restates(features: &Features) -> bool {
    features.iter().zip(WEIGHTS).map(|(x, w)| x * w).sum::<f32>() + BIAS > 0.0
}

/// What the features read of one sentence: its distinct word keys and its
/// distinct pairs of adjacent keys (as [`crate::diff::words`] makes them),
/// hashed, and whether it holds a negation. A group's base is read once
/// for all its members.
pub struct WordSets {
    words: FastSet<u64>,
    pairs: FastSet<(u64, u64)>,
    negated: bool,
}

impl WordSets {
    pub fn new(words: &[Word]) -> Self {
        let hasher = foldhash::fast::FixedState::default();
        let keys: Vec<u64> = words.iter().map(|w| hasher.hash_one(w.key.as_str())).collect();
        Self {
            words: keys.iter().copied().collect(),
            pairs: keys.windows(2).map(|w| (w[0], w[1])).collect(),
            negated: words.iter().any(|w| super::is_negation(&w.key)),
        }
    }
}

/// Whether one of the two is negated and the other not, or `member` (its
/// sentence id) states a number or date of one of the group's
/// `discrepancies` differently from `base`: either way it does not restate
/// the base, whatever the model says.
pub fn vetoed(sets: (&WordSets, &WordSets), (base, member): (&str, &str), discrepancies: &[Discrepancy]) -> bool {
    one_negated(sets.0, sets.1) || disagrees(base, member, discrepancies)
}

fn one_negated(a: &WordSets, b: &WordSets) -> bool {
    a.negated != b.negated
}

fn disagrees(base: &str, member: &str, discrepancies: &[Discrepancy]) -> bool {
    discrepancies.iter().any(|d| {
        let value = |id: &str| d.values.iter().find(|v| v.sentence == id).map(|v| &v.value);
        value(base).is_some_and(|b| d.values.iter().any(|v| v.sentence == member && &v.value != b))
    })
}

/// The features of `member` against `base`: the similarity of the member's
/// word diff against the base, the cosine of their embeddings, the Dice
/// coefficient of their word pairs, and the smaller of the two shares of
/// one's distinct words found in the other.
pub fn features(base: &WordSets, member: &WordSets, similarity: f32, cosine: f32) -> Features {
    let shared_pairs = base.pairs.iter().filter(|p| member.pairs.contains(*p)).count();
    let shared_words = base.words.iter().filter(|w| member.words.contains(*w)).count() as f32;
    let coverage = if base.words.is_empty() || member.words.is_empty() {
        0.0
    } else {
        (shared_words / base.words.len() as f32).min(shared_words / member.words.len() as f32)
    };
    [similarity, cosine, dice(shared_pairs, base.pairs.len() + member.pairs.len()), coverage]
}

/// The judgement of a member: the model, unless one of the two is negated
/// and the other not; `None` without a cosine (an embedding missing).
pub fn judge(base: &WordSets, member: &WordSets, similarity: f32, cosine: Option<f32>) -> Option<bool> {
    let cosine = cosine?;
    Some(!one_negated(base, member) && restates(&features(base, member, similarity, cosine)))
}

/// Takes back the judgement of every member that states a number or date
/// of one of the group's `discrepancies` differently from the base
/// (`base`, its sentence id).
pub fn unless_disagreeing(diffs: &mut [MemberDiff], base: &str, discrepancies: &[Discrepancy]) {
    for diff in diffs.iter_mut().filter(|diff| disagrees(base, &diff.member, discrepancies)) {
        diff.restates = diff.restates.map(|_| false);
    }
}

/// Unit-length embeddings of `texts`, one per text, in order (empty when
/// the bundled model is unavailable), and their cosine: for sentences read
/// outside an analysis (an opened export, a labelled pair).
pub fn embeddings(texts: &[&str]) -> Vec<Vec<f32>> {
    super::semantic::embed(texts)
}

/// The cosine of two of [`embeddings`]' vectors.
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    super::semantic::cosine(a, b)
}

/// [`features`] of two texts, `similarity` being the member's word diff
/// similarity against the base: for a labelled pair read outside an
/// analysis.
pub fn text_features(base: &str, member: &str, similarity: f32) -> Features {
    let (base_words, member_words) = (crate::diff::words(base, 0), crate::diff::words(member, 0));
    let cosine = match embeddings(&[base, member]).as_slice() {
        [a, b] => cosine(a, b),
        _ => 0.0,
    };
    features(&WordSets::new(&base_words), &WordSets::new(&member_words), similarity, cosine)
}

fn dice(shared: usize, total: usize) -> f32 {
    if total == 0 { 0.0 } else { 2.0 * shared as f32 / total as f32 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DiscrepancyKind, DiscrepancyValue};

    fn judged(base: &str, member: &str) -> Option<bool> {
        let (b, m) = (crate::diff::words(base, 0), crate::diff::words(member, 0));
        let similarity = crate::diff::word_diff(base, 0, member, 0).similarity;
        let cosine = match embeddings(&[base, member]).as_slice() {
            [x, y] => cosine(x, y),
            _ => panic!("the bundled model embeds"),
        };
        judge(&WordSets::new(&b), &WordSets::new(&m), similarity, Some(cosine))
    }

    #[test]
    fn the_same_statement_reworded_restates() {
        assert_eq!(
            judged(
                "The storm cut power to half of the homes in the old town overnight.",
                "Overnight, the storm cut power to half the homes in the old town.",
            ),
            Some(true)
        );
    }

    #[test]
    fn a_member_that_says_more_does_not_restate() {
        let base = "The virus has killed about 800 people worldwide.";
        let member = "The virus has killed about 800 people worldwide and sickened more than 8,400 in thirty \
                      countries since it emerged in southern China last year.";
        assert_eq!(judged(base, member), Some(false));
        assert_eq!(judged(member, base), Some(false));
    }

    #[test]
    fn a_negated_member_does_not_restate_and_no_cosine_is_no_judgement() {
        let base = "Police arrested the man outside the station on Monday night.";
        assert_eq!(judged(base, "On Monday night, police arrested the man outside the station."), Some(true));
        assert_eq!(judged(base, "Police did not arrest the man outside the station on Monday night."), Some(false));
        let words = crate::diff::words(base, 0);
        assert_eq!(judge(&WordSets::new(&words), &WordSets::new(&words), 1.0, None), None);
    }

    #[test]
    fn a_member_stating_a_value_otherwise_than_the_base_does_not_restate() {
        let diff = |member: &str| MemberDiff { member: member.into(), restates: Some(true), ..MemberDiff::default() };
        let mut diffs = vec![diff("a1.s0"), diff("a2.s0"), MemberDiff { restates: None, ..diff("a3.s0") }];
        let value = |sentence: &str, value: &str| DiscrepancyValue {
            sentence: sentence.into(),
            value: value.into(),
            ..DiscrepancyValue::default()
        };
        let discrepancies = [Discrepancy {
            kind: DiscrepancyKind::Number,
            values: vec![value("a0.s0", "12"), value("a1.s0", "12"), value("a2.s0", "14"), value("a3.s0", "14")],
            ..Discrepancy::default()
        }];
        unless_disagreeing(&mut diffs, "a0.s0", &discrepancies);
        assert_eq!(diffs.iter().map(|d| d.restates).collect::<Vec<_>>(), [Some(true), Some(false), None]);
    }

    #[test]
    fn the_features_of_empty_and_of_partly_shared_texts() {
        // Two empty texts: their diff is all equal (similarity 1), but they
        // share no words or word pairs, and the model does not call that a
        // restatement.
        let f = text_features("", "", crate::diff::word_diff("", 0, "", 0).similarity);
        assert_eq!([f[0], f[2], f[3]], [1.0, 0.0, 0.0]);
        assert!(!restates(&f));
        let f = text_features("a b c", "a b d", crate::diff::word_diff("a b c", 0, "a b d", 0).similarity);
        assert!((f[3] - 2.0 / 3.0).abs() < 1e-6 && (f[2] - 0.5).abs() < 1e-6, "{f:?}");
    }
}
