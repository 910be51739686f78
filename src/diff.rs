//! Word-level differences between two passages, built on `similar`.
//!
//! Words are compared case-insensitively and without punctuation (curly and
//! straight apostrophes fold together), so "Tehran’s" and "tehran's" match.
//! Runs keep byte spans into the original article texts, so a pane can draw
//! the member's own wording with the base's missing words shown in place.

use crate::model::{DiffKind, DiffOp, Span};
use similar::{Algorithm, DiffTag};

/// A word of a passage: its span in the article text and its comparison key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    pub span: Span,
    pub key: String,
}

/// Splits `text` into words. `offset` is the byte position of `text` inside
/// its article, added to every span.
pub fn words(text: &str, offset: usize) -> Vec<Word> {
    word_slices(text)
        .map(|(i, w)| Word { span: Span::new(offset + i, offset + i + w.len()), key: normalize_word(w) })
        .collect()
}

/// How many words [`words`] splits `text` into, without building them,
/// counting no further than `max`: `min(words(text).len(), max)`.
pub fn word_count_at_most(text: &str, max: usize) -> usize {
    word_slices(text).take(max).count()
}

/// The words of `text` as slices with their byte offsets: the segments
/// between Unicode word bounds that hold a letter or digit. An ASCII text
/// (most sentences) is split by [`AsciiWords`], which finds the same
/// segments without the general tables.
fn word_slices(text: &str) -> WordSlices<'_> {
    if text.is_ascii() {
        WordSlices::Ascii(AsciiWords { text, at: 0 })
    } else {
        WordSlices::Unicode(unicode_words(text))
    }
}

/// The general splitter: Unicode word bounds (UAX #29), segments holding a
/// letter or digit.
fn unicode_words(text: &str) -> UnicodeWords<'_> {
    use unicode_segmentation::UnicodeSegmentation;
    text.split_word_bound_indices().filter(holds_alphanumeric as for<'b> fn(&'b (usize, &str)) -> bool)
}

fn holds_alphanumeric((_, w): &(usize, &str)) -> bool {
    w.chars().any(char::is_alphanumeric)
}

type UnicodeWords<'a> =
    std::iter::Filter<unicode_segmentation::UWordBoundIndices<'a>, for<'b> fn(&'b (usize, &'a str)) -> bool>;

/// [`word_slices`] of an ASCII text or of any text.
enum WordSlices<'a> {
    Ascii(AsciiWords<'a>),
    Unicode(UnicodeWords<'a>),
}

impl<'a> Iterator for WordSlices<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            WordSlices::Ascii(words) => words.next(),
            WordSlices::Unicode(words) => words.next(),
        }
    }
}

/// The word segments of an ASCII text that hold a letter or digit, as
/// UAX #29 cuts them. In ASCII only these rules join characters: letters
/// and digits join each other (WB5, WB8–WB10); `_` joins letters, digits
/// and itself (WB13a, WB13b); between two letters `:`, `.` and `'` join
/// (WB6, WB7); between two digits `,`, `;`, `.` and `'` join (WB11, WB12).
/// Every other character stands apart (or in a run of spaces or a CR LF,
/// which hold no letter). A test compares it with the general splitter.
struct AsciiWords<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Iterator for AsciiWords<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        let bytes = self.text.as_bytes();
        loop {
            let start = self.at + bytes[self.at..].iter().position(|&b| b.is_ascii_alphanumeric() || b == b'_')?;
            let mut end = start + 1;
            let mut alphanumeric = bytes[start] != b'_';
            let mut last = bytes[start];
            while let Some(&next) = bytes.get(end) {
                if next.is_ascii_alphanumeric() || next == b'_' {
                    alphanumeric |= next != b'_';
                    last = next;
                    end += 1;
                    continue;
                }
                // A mid character joins only between two letters or two
                // digits.
                let after = bytes.get(end + 1).copied().unwrap_or(0);
                let joins = if last.is_ascii_alphabetic() {
                    matches!(next, b':' | b'.' | b'\'') && after.is_ascii_alphabetic()
                } else if last.is_ascii_digit() {
                    matches!(next, b',' | b';' | b'.' | b'\'') && after.is_ascii_digit()
                } else {
                    false
                };
                if !joins {
                    break;
                }
                last = after;
                end += 2;
            }
            self.at = end;
            if alphanumeric {
                return Some((start, &self.text[start..end]));
            }
        }
    }
}

/// The comparison key of a word: lower case, letters and digits only.
pub fn normalize_word(word: &str) -> String {
    let mut key = String::with_capacity(word.len());
    push_normalized(&mut key, word);
    key
}

/// Appends the comparison key of `word` ([`normalize_word`]) to `out`.
pub fn push_normalized(out: &mut String, word: &str) {
    if word.is_ascii() {
        // Most words: byte by byte (the same key as the general path below
        // gives).
        out.extend(word.bytes().filter(u8::is_ascii_alphanumeric).map(|b| char::from(b.to_ascii_lowercase())));
        return;
    }
    out.extend(word.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase));
}

/// Result of comparing a member passage with a base passage.
#[derive(Clone, Debug, PartialEq)]
pub struct WordDiff {
    /// Share of the member's and base's words that are equal:
    /// `2 * equal / (member + base)`.
    pub similarity: f32,
    pub ops: Vec<DiffOp>,
}

/// Diffs `member` against `base`. Each text comes with its byte offset inside
/// its own article so the spans of the result point into the article texts.
pub fn word_diff(base: &str, base_offset: usize, member: &str, member_offset: usize) -> WordDiff {
    word_diff_split(base, base_offset, &words(base, base_offset), member, member_offset)
}

/// [`word_diff`] with the base already split into words (by [`words`], at
/// `base_offset`): a base diffed against many members is split once.
pub fn word_diff_split(
    base: &str,
    base_offset: usize,
    base_words: &[Word],
    member: &str,
    member_offset: usize,
) -> WordDiff {
    word_diff_words((base, base_offset, base_words), (member, member_offset, &words(member, member_offset)))
}

/// [`word_diff`] with both texts already split into words (by [`words`], at
/// their offsets), for a caller that reads the member's words too.
pub fn word_diff_words(
    (base, base_offset, base_words): (&str, usize, &[Word]),
    (member, member_offset, member_words): (&str, usize, &[Word]),
) -> WordDiff {
    let base_keys: Vec<&str> = base_words.iter().map(|w| w.key.as_str()).collect();
    let member_keys: Vec<&str> = member_words.iter().map(|w| w.key.as_str()).collect();
    let raw = similar::capture_diff_slices(Algorithm::Patience, &base_keys, &member_keys);

    let text_of = |words: &[Word], text: &str, offset: usize| -> (Span, String) {
        let span = Span::new(words[0].span.start, words[words.len() - 1].span.end);
        (span, text[span.start - offset..span.end - offset].to_string())
    };

    let mut ops = Vec::new();
    let mut equal_words = 0usize;
    for op in raw {
        let (tag, old, new) = op.as_tag_tuple();
        let deleted = &base_words[old];
        let inserted = &member_words[new];
        if tag == DiffTag::Equal {
            equal_words += inserted.len();
            let (member_span, text) = text_of(inserted, member, member_offset);
            let (base_span, _) = text_of(deleted, base, base_offset);
            push(&mut ops, DiffKind::Equal, text, Some(member_span), Some(base_span));
            continue;
        }
        // A replace is shown as the base's words struck, then the member's.
        if !deleted.is_empty() {
            let (span, text) = text_of(deleted, base, base_offset);
            push(&mut ops, DiffKind::Delete, text, None, Some(span));
        }
        if !inserted.is_empty() {
            let (span, text) = text_of(inserted, member, member_offset);
            push(&mut ops, DiffKind::Insert, text, Some(span), None);
        }
    }
    let total = base_words.len() + member_words.len();
    let similarity = if total == 0 { 1.0 } else { (2 * equal_words) as f32 / total as f32 };
    WordDiff { similarity, ops }
}

fn push(ops: &mut Vec<DiffOp>, kind: DiffKind, text: String, member: Option<Span>, base: Option<Span>) {
    ops.push(DiffOp { kind, text, member, base });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(d: &WordDiff) -> Vec<(DiffKind, &str)> {
        d.ops.iter().map(|o| (o.kind, o.text.as_str())).collect()
    }

    #[test]
    fn ascii_and_unicode_words_get_the_same_keys() {
        for word in ["Tehran's", "U.S.", "COVID-19", "Ärzte", "İstanbul", "naïve", "24/7", "’s"] {
            let general: String = word.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
            assert_eq!(normalize_word(word), general, "{word}");
        }
        assert_eq!(normalize_word("U.S."), "us");
    }

    /// The ASCII splitter cuts every ASCII text where the general one does:
    /// random texts over the characters the rules treat apart (letters,
    /// digits, `_`, the mid characters, spaces, line ends, other
    /// punctuation) and the texts of the test folders.
    #[test]
    fn ascii_words_are_the_unicode_words() {
        let same = |text: &str| {
            assert!(text.is_ascii());
            let ascii: Vec<(usize, &str)> = AsciiWords { text, at: 0 }.collect();
            let general: Vec<(usize, &str)> = unicode_words(text).collect();
            assert_eq!(ascii, general, "{text:?}");
        };
        for text in [
            "",
            "_",
            "__a_",
            "U.S. troops",
            "3,000.5; 1;2 10:30 a:b a.b.c. can't a''b 1.a a.1 1a.5 a1.5 15th 24/7 e.g. x_1 _9",
            "\r\n\tWASHINGTON (AP) -- \"It's over,\" he said; 'quoted' 1,000,000.",
        ] {
            same(text);
        }
        let alphabet = b"aZm09_.:,;'\" -/\r\n\t!?()x";
        // SplitMix64: a fixed stand-in for random draws.
        let next = crate::align::splitmix64;
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..20_000 {
            state = next(state);
            let len = (state % 24) as usize;
            let mut text = String::with_capacity(len);
            let mut bits = state;
            for k in 0..len {
                if k % 8 == 0 {
                    state = next(state);
                    bits = state;
                }
                text.push(char::from(alphabet[(bits % alphabet.len() as u64) as usize]));
                bits /= alphabet.len() as u64;
            }
            same(&text);
        }
        let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
        let mut checked = 0;
        let mut folders = vec![data];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(&folder).expect("test data").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    folders.push(path);
                } else if let Ok(text) = std::fs::read_to_string(&path) {
                    for line in text.lines().filter(|l| l.is_ascii()) {
                        same(line);
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 100, "{checked} lines");
    }

    #[test]
    fn ignores_case_and_punctuation() {
        let d = word_diff("Tehran’s staff must leave.", 0, "tehran's Staff must leave", 0);
        assert_eq!(kinds(&d), vec![(DiffKind::Equal, "tehran's Staff must leave")]);
        assert!((d.similarity - 1.0).abs() < 1e-6);
    }

    #[test]
    fn insertions_deletions_and_offsets() {
        let base = "He gave Iranian diplomats 24 hours to leave.";
        let member = "He gave diplomats 48 hours to leave Albania.";
        let d = word_diff(base, 100, member, 7);
        assert_eq!(
            kinds(&d),
            vec![
                (DiffKind::Equal, "He gave"),
                (DiffKind::Delete, "Iranian"),
                (DiffKind::Equal, "diplomats"),
                (DiffKind::Delete, "24"),
                (DiffKind::Insert, "48"),
                (DiffKind::Equal, "hours to leave"),
                (DiffKind::Insert, "Albania"),
            ]
        );
        let iranian = &d.ops[1];
        assert_eq!(iranian.base, Some(Span::new(108, 115)));
        let albania = &d.ops[6];
        let span = albania.member.unwrap();
        assert_eq!(&member[span.start - 7..span.end - 7], "Albania");
    }
}
