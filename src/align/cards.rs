//! Cards a reader can trust: one fact, one card. Groups overlap (a sentence
//! may carry several facts), so two groups can hold mostly the same
//! sentences: two clause units of one lead sentence ("retained his titles"
//! / "stopped Thompson in the sixth") each gather the outlets' leads, and a
//! reader would see the same card twice. [`fold_near_duplicates`] folds such
//! a group into the card it repeats, so no aligned pair is lost, when the
//! members it adds are linked to the card's own members: folding makes new
//! pairs (the added members with the card's), and those must be aligned.
//! Measured in `docs/alignment-eval.md` ("Session 7").

use super::grouping::{FastMap, Links};
use super::{FactGroup, GROUP_THRESHOLD, Unit};
use std::collections::BTreeMap;

/// A group repeats a card when at least this share of the smaller one's
/// sentences stand in both ...
const NEAR_DUPLICATE_SHARE: f32 = 0.6;
/// ... and at least this many: two cards that share one sentence (a lead
/// carrying two facts) are two facts.
const NEAR_DUPLICATE_MIN_SHARED: usize = 2;
/// A unit that the card lacks joins it only if its mean link similarity to
/// the card's members outside the group (of other articles: the new pairs
/// the fold makes) reaches this share of [`GROUP_THRESHOLD`]. Its similarity
/// to the shared members says nothing: the group already pairs them.
const FOLD_FIT: f32 = 0.5;

/// `groups` (in the order they are shown) with each group that repeats an
/// earlier card of its kind (headline or not) folded into it: the sentences
/// and units it adds join the card, which keeps its place, and the group is
/// no longer a card of its own. A group whose added members do not fit the
/// card stays a card. A card may so hold two sentences of one article, when
/// both report its fact.
pub(super) fn fold_near_duplicates(units: &[Unit], groups: Vec<FactGroup>, links: &Links) -> Vec<FactGroup> {
    let is_headline = |g: &FactGroup| g.1.iter().all(|&u| units[u].headline);
    let sentence_of = |u: usize| (units[u].article, units[u].sentence);
    let mut cards: Vec<FactGroup> = Vec::with_capacity(groups.len());
    // The cards holding each sentence.
    let mut holding: FastMap<(usize, usize), Vec<usize>> = FastMap::default();
    for group in groups {
        let headline = is_headline(&group);
        // Shared sentences per card, in card order: the first card repeated
        // takes the group, whatever the hash map's order.
        let mut shared: BTreeMap<usize, usize> = BTreeMap::new();
        for s in &group.0 {
            for &c in holding.get(s).map_or(&[][..], Vec::as_slice) {
                *shared.entry(c).or_default() += 1;
            }
        }
        let adds = |card: &FactGroup| -> Vec<usize> {
            group.1.iter().copied().filter(|&u| card.0.binary_search(&sentence_of(u)).is_err()).collect()
        };
        let fits = |card: &FactGroup, u: usize| {
            let new_partners: Vec<usize> = card
                .1
                .iter()
                .copied()
                .filter(|&m| units[m].article != units[u].article && group.0.binary_search(&sentence_of(m)).is_err())
                .collect();
            new_partners.is_empty()
                || new_partners.iter().map(|&m| links.get(u, m)).sum::<f32>() / new_partners.len() as f32
                    >= FOLD_FIT * GROUP_THRESHOLD
        };
        let repeated = shared.iter().map(|(&c, &n)| (c, n)).find(|&(c, n)| {
            let card = &cards[c];
            n >= NEAR_DUPLICATE_MIN_SHARED
                && n as f32 >= NEAR_DUPLICATE_SHARE * card.0.len().min(group.0.len()) as f32
                && is_headline(card) == headline
                && adds(card).into_iter().all(|u| fits(card, u))
        });
        let Some((c, _)) = repeated else {
            for &s in &group.0 {
                holding.entry(s).or_default().push(cards.len());
            }
            cards.push(group);
            continue;
        };
        for u in adds(&cards[c]) {
            let card = &mut cards[c];
            if let Err(at) = card.0.binary_search(&sentence_of(u)) {
                card.0.insert(at, sentence_of(u));
                holding.entry(sentence_of(u)).or_default().push(c);
            }
            card.1.push(u);
        }
    }
    cards
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(article: usize, sentence: usize) -> Unit {
        Unit::bare(article, sentence)
    }

    fn group(units: &[Unit], members: &[usize]) -> FactGroup {
        let mut sentences: Vec<(usize, usize)> =
            members.iter().map(|&u| (units[u].article, units[u].sentence)).collect();
        sentences.sort();
        (sentences, members.to_vec())
    }

    /// Five outlets' lead sentences (articles 0–4, sentence 0), each with two
    /// clause units (unit 2k: "stopped Thompson", 2k + 1: "retained his
    /// titles"); article 5 words the fact in its sentence 1 (unit 10) and
    /// article 6 in its sentence 2 (unit 11); unit 12 (article 5, sentence 3)
    /// is linked to the shared leads only.
    fn lead_units() -> Vec<Unit> {
        let mut units: Vec<Unit> = (0..5).flat_map(|a| [unit(a, 0), unit(a, 0)]).collect();
        units.extend([unit(5, 1), unit(6, 2), unit(5, 3)]);
        units
    }

    #[test]
    fn a_group_that_repeats_a_card_is_folded_into_it() {
        let units = lead_units();
        // The "stopped" group: the five leads and article 5; the "retained"
        // group: the same five leads and article 6.
        let stopped = group(&units, &[0, 2, 4, 6, 8, 10]);
        let retained = group(&units, &[1, 3, 5, 7, 9, 11]);
        // 10 and 11 are linked to each other: the new pair is aligned.
        let links = Links::new(&[(10, 11, 0.4), (0, 10, 0.5), (1, 11, 0.5)]);
        let cards = fold_near_duplicates(&units, vec![stopped, retained], &links);
        assert_eq!(cards.len(), 1, "{cards:?}");
        let sentences: Vec<(usize, usize)> = (0..5).map(|a| (a, 0)).chain([(5, 1), (6, 2)]).collect();
        assert_eq!(cards[0].0, sentences);
    }

    #[test]
    fn a_group_whose_added_members_are_not_linked_to_the_card_stays_a_card() {
        let units = lead_units();
        let stopped = group(&units, &[0, 2, 4, 6, 8, 10]);
        // Article 6's sentence 2 is not linked to article 5's sentence 1:
        // folding would make an unaligned pair.
        let retained = group(&units, &[1, 3, 5, 7, 9, 11]);
        let links = Links::new(&[(0, 10, 0.5), (1, 11, 0.5)]);
        let cards = fold_near_duplicates(&units, vec![stopped.clone(), retained.clone()], &links);
        assert_eq!(cards, vec![stopped.clone(), retained]);
        // Article 5's sentence 3 would be paired with no new sentence of
        // another article (the card's only other member is of article 5):
        // it joins.
        let other_sentence = group(&units, &[1, 3, 5, 7, 9, 12]);
        let cards = fold_near_duplicates(&units, vec![stopped, other_sentence], &links);
        assert_eq!(cards.len(), 1, "{cards:?}");
        assert!(cards[0].0.contains(&(5, 3)) && cards[0].0.contains(&(5, 1)), "{cards:?}");
    }

    #[test]
    fn groups_sharing_one_sentence_or_a_minority_are_two_cards() {
        let units = lead_units();
        // Two shared leads, of four and five members: 2 < 0.6 × 4.
        let a = group(&units, &[0, 2, 4, 10]);
        let b = group(&units, &[1, 3, 7, 9, 11]);
        let links = Links::new(&[(10, 11, 0.9), (10, 7, 0.9), (10, 9, 0.9), (4, 11, 0.9)]);
        let cards = fold_near_duplicates(&units, vec![a.clone(), b.clone()], &links);
        assert_eq!(cards, vec![a, b]);
    }
}
