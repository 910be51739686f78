//! British spellings read as American ones ("jewellery" as "jewelry",
//! "defence" as "defense", "organised" as "organized"), so a British and an
//! American outlet's wordings of one fact share those words. The pairs are
//! `assets/spelling-uk-us.tsv`, built by `scripts/build-spelling-variants.py`
//! from SCOWL's word lists (Debian package `scowl`; licence in
//! `assets/spelling-uk-us.LICENSE.md`): a pair exists only where SCOWL lists
//! the British spelling as British-only and the American one as a word.

use super::grouping::FastMap;
use std::sync::OnceLock;

/// `british<TAB>american` per line, sorted by the British spelling.
const TABLE: &str = include_str!("../../assets/spelling-uk-us.tsv");

/// The American spelling of a lower-case word spelt the British way, or
/// None for any other word.
pub fn american(word: &str) -> Option<&'static str> {
    // A hash map: every word of the background table is looked up once per
    // process (28,843 of them), where a binary search cost the seeds' run
    // about 4 ms.
    static PAIRS: OnceLock<FastMap<&'static str, &'static str>> = OnceLock::new();
    PAIRS.get_or_init(|| TABLE.lines().filter_map(|line| line.split_once('\t')).collect()).get(word).copied()
}

#[cfg(test)]
mod tests {
    use super::american;

    #[test]
    fn british_spellings_read_as_american_and_others_stay() {
        assert_eq!(american("jewellery"), Some("jewelry"));
        assert_eq!(american("defence"), Some("defense"));
        assert_eq!(american("ploughed"), Some("plowed"));
        assert_eq!(american("organisations"), Some("organizations"));
        // American spellings, words both use, and words that only look
        // British ("prise" is to lever open, not "prize").
        for word in ["jewelry", "police", "promise", "prise", "acre", "nought"] {
            assert_eq!(american(word), None, "{word}");
        }
    }

    #[test]
    fn the_table_is_sorted_and_each_british_spelling_is_there_once() {
        let british: Vec<&str> = super::TABLE.lines().map(|l| l.split('\t').next().unwrap_or("")).collect();
        assert!(british.windows(2).all(|w| w[0] < w[1]), "assets/spelling-uk-us.tsv must be sorted and unique");
    }
}
