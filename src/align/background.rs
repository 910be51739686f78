//! Background word frequencies: how common a word is in English at large,
//! from `assets/word-frequency-en.tsv` (built by
//! `scripts/build-word-frequencies.py` from the PyPI package wordfreq 3.1.1;
//! its data is CC BY-SA 4.0, see `assets/word-frequency-en.LICENSE.md`).
//!
//! In a folder about one story, the story's own words ("earthquake", "Aceh")
//! are in every article, so their in-folder inverse frequency is low although
//! they are what makes two sentences report the same thing. The background
//! weight says how informative a word is in general; the aligner blends it
//! with the folder's own counts.

use super::grouping::FastMap;
use std::sync::OnceLock;

/// The table: `word<TAB>zipf` per line (Zipf = log10 of the frequency per
/// billion words; the list stops at 3, once per million words).
const TABLE: &str = include_str!("../../assets/word-frequency-en.tsv");

/// The Zipf value given to words the table does not list: rarer than its
/// floor of 3.
const UNLISTED_ZIPF: f32 = 2.5;

/// Words in a typical sentence: turns a word frequency into the chance that a
/// sentence holds the word.
const SENTENCE_WORDS: f32 = 25.0;

/// Background inverse sentence frequency per stemmed term.
pub struct Background {
    idf: FastMap<String, f32>,
    unlisted: f32,
}

impl Background {
    /// The shared table, stemmed with `stem` once per process.
    pub fn get(stem: impl Fn(&str) -> Option<String>) -> &'static Background {
        static CELL: OnceLock<Background> = OnceLock::new();
        CELL.get_or_init(|| Background::build(TABLE, stem))
    }

    /// Builds the table: the frequencies of all surface forms of a stem are
    /// summed ("attack", "attacks", "attacked" → "attack").
    fn build(table: &str, stem: impl Fn(&str) -> Option<String>) -> Background {
        let mut freq: FastMap<String, f32> = FastMap::default();
        for line in table.lines() {
            let Some((word, zipf)) = line.split_once('\t') else { continue };
            let Ok(zipf) = zipf.parse::<f32>() else { continue };
            let Some(term) = stem(word) else { continue };
            *freq.entry(term).or_default() += 10f32.powf(zipf - 9.0);
        }
        Background {
            idf: freq.into_iter().map(|(t, f)| (t, idf_of(f))).collect(),
            unlisted: idf_of(10f32.powf(UNLISTED_ZIPF - 9.0)),
        }
    }

    /// The background inverse sentence frequency of a stemmed term.
    pub fn idf(&self, term: &str) -> f32 {
        self.idf.get(term).copied().unwrap_or(self.unlisted)
    }

    /// The weight of a term that is rarer than anything listed.
    pub fn max_idf(&self) -> f32 {
        self.unlisted
    }
}

/// `ln(1 + 1 / P(sentence holds the word))`, the same form as the folder's
/// own inverse sentence frequency.
fn idf_of(freq: f32) -> f32 {
    let p = (freq * SENTENCE_WORDS).min(1.0);
    (1.0 + 1.0 / p).ln()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn story_words_weigh_more_than_everyday_words() {
        let b = Background::build(TABLE, |w| Some(w.to_string()));
        assert!(b.idf("earthquake") > 2.0 * b.idf("people"), "{} {}", b.idf("earthquake"), b.idf("people"));
        assert!(b.idf("aceh") >= b.idf("earthquake"));
        assert!(b.idf("the") < 1.0);
    }
}
