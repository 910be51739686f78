//! Who is speaking: name mentions, attribution cues and name merging.
//!
//! A *mention* is a run of capitalised words ("Albanian Prime Minister Edi
//! Rama"), a role phrase ("the prime minister") or a pronoun ("he", "she").
//! Leading titles are split off a run: what is left is a person when it has
//! two or more words or is the surname of a person named elsewhere, an
//! institution when it ends in an organisation word ("White House",
//! "Council") or follows "the", and otherwise a place or body ("Iran").
//!
//! A *cue* ties a quotation to a mention: a speech verb next to a speaker
//! after the quotation (`…," Rama said`, `…," said Rama`), before it in the
//! same sentence (`Rama said: "…"`, `Rama noted that "…"`, `according to
//! Rama, …`), or at the end of the paragraph before (`Rama said:` then a
//! quoted paragraph). Pronouns resolve to the last person named before the
//! quotation, roles to the person the article gave that title.

use super::lexicon;
use crate::model::Span;
use std::collections::BTreeMap;

/// Verbs (and their forms) that introduce speech.
#[rustfmt::skip]
const SPEECH_VERBS: &[&str] = &[
    "said", "says", "say", "saying", "stated", "stating", "added", "adds",
    "adding", "noted", "notes", "noting", "told", "tells", "explained", "explains",
    "explaining", "wrote", "writes", "asked", "insisted", "warned", "warning", "declared",
    "announced", "announcing", "remarked", "argued", "claimed", "claiming", "continued",
    "acknowledged", "emphasized", "emphasised", "stressed", "commented", "tweeted", "describe",
    "described", "describes", "describing", "called", "urged", "vowed", "replied", "responded",
    "recalled", "admitted", "agreed", "disagreed", "countered", "conceded", "suggested",
    "observed", "predicted", "assured", "charged", "reacted", "asks", "writes", "recalls",
    "argues", "warns", "insists", "explains", "notes", "adds", "quipped", "joked", "boasted",
    "bragged", "wondered", "lamented", "shouted", "yelled", "testified", "confirmed", "chanted",
];

static SPEECH_VERB: lexicon::WordSet = lexicon::WordSet::new(|| SPEECH_VERBS.iter().copied().collect());
static NOT_NAME: lexicon::WordSet = lexicon::WordSet::new(|| NOT_NAMES.iter().copied().collect());
static TITLE_WORD: lexicon::WordSet = lexicon::WordSet::new(|| TITLE_WORDS.iter().copied().collect());
/// The first and the last words of the [`ROLE_PHRASES`].
static ROLE_FIRST: lexicon::WordSet =
    lexicon::WordSet::new(|| ROLE_PHRASES.iter().filter_map(|(p, _)| p.split(' ').next()).collect());
static ROLE_LAST: lexicon::WordSet =
    lexicon::WordSet::new(|| ROLE_PHRASES.iter().filter_map(|(p, _)| p.rsplit(' ').next()).collect());

/// Words of a title in front of a name ("UK Foreign Secretary", "Prime
/// Minister"). Nationality adjectives and short acronyms count too.
#[rustfmt::skip]
const TITLE_WORDS: &[&str] = &[
    "prime", "minister", "president", "vice", "foreign", "secretary", "spokesperson",
    "spokesman", "spokeswoman", "chancellor", "senator", "sen", "governor", "gov", "ambassador",
    "general", "gen", "director", "chief", "head", "mr", "mrs", "ms", "dr", "prof", "king",
    "queen", "pope", "deputy", "interior", "defense", "defence", "justice", "finance",
    "adviser", "advisor", "analyst", "judge", "mayor", "leader", "supreme", "chairman",
    "chairwoman", "commissioner", "envoy", "premier", "officer", "official", "rep",
    "rev", "representative", "congressman", "congresswoman", "speaker", "nominee",
    "candidate", "councilmember", "councilman", "councilwoman", "sheriff", "del", "delegate",
    "strategist", "pollster", "attorney", "manager", "chair", "founder", "ceo", "executive",
];

/// Title abbreviations written with a full stop before a name.
const TITLE_ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "gov", "rep", "gen", "lt", "col", "sgt", "capt", "st", "rev", "del", "jr",
    "sr",
];
static TITLE_ABBREVIATION: lexicon::WordSet = lexicon::WordSet::new(|| TITLE_ABBREVIATIONS.iter().copied().collect());

/// Last words that make a capitalised run an institution or a place.
#[rustfmt::skip]
const ORG_WORDS: &[&str] = &[
    "house", "council", "ministry", "department", "agency", "party", "government", "republic",
    "union", "office", "committee", "organization", "organisation", "nations", "states",
    "kingdom", "emirates", "news", "bank", "court", "company", "group", "branch", "army",
    "forces", "police", "parliament", "assembly", "embassy", "commission", "institute",
    "university", "society", "east", "west", "arabia", "ministers", "service", "services",
    "times", "post", "press", "network", "center", "centre", "force", "navy", "command",
    "authority",
];

/// Capitalised words that open sentences and are not names.
#[rustfmt::skip]
const NOT_NAMES: &[&str] = &[
    "the", "a", "an", "in", "on", "at", "as", "however", "for", "but", "and", "or", "he", "she",
    "they", "we", "it", "i", "this", "that", "these", "those", "there", "among", "after",
    "before", "while", "when", "since", "following", "earlier", "last", "what", "why", "know",
    "his", "her", "their", "our", "its", "according", "some", "many", "all", "both", "if",
    "not", "by", "with", "from", "to", "of", "also", "then", "now", "today", "yesterday",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "sept", "mid", "representatives", "support", "relations",
    "tensions", "stating", "noting", "adding", "saying", "during", "despite", "amid",
];

/// Participles that report speech for the subject of their sentence.
const PARTICIPLES: &[&str] = &["saying", "adding", "noting", "arguing", "claiming", "warning", "insisting", "stating"];

/// Prepositions that make the next mention an object, not a speaker.
const PREPOSITIONS: &[&str] = &[
    "of",
    "to",
    "on",
    "against",
    "with",
    "from",
    "in",
    "at",
    "into",
    "about",
    "over",
    "toward",
    "towards",
    "between",
    "for",
    "citing",
    "including",
];
static PREPOSITION: lexicon::WordSet = lexicon::WordSet::new(|| PREPOSITIONS.iter().copied().collect());

/// Role phrases that can stand for a titled person ("the prime minister").
/// Each maps to the title key it stands for.
const ROLE_PHRASES: &[(&str, &str)] = &[
    ("prime minister", "prime minister"),
    ("head of government", "prime minister"),
    ("premier", "prime minister"),
    ("foreign secretary", "foreign secretary"),
    ("foreign minister", "foreign minister"),
    ("president", "president"),
    ("spokesperson", "spokesperson"),
    ("spokesman", "spokesperson"),
    ("spokeswoman", "spokesperson"),
    ("vice president", "vice president"),
    ("secretary of state", "secretary of state"),
    ("nominee", "nominee"),
    ("candidate", "candidate"),
    ("senator", "senator"),
    ("governor", "governor"),
    ("mayor", "mayor"),
    ("congressman", "congressman"),
    ("congresswoman", "congresswoman"),
    ("businessman", "businessman"),
    ("billionaire", "billionaire"),
    ("chairman", "chairman"),
    ("chairwoman", "chairwoman"),
    ("first lady", "first lady"),
    ("attorney general", "attorney general"),
];

/// A word of a passage, without the punctuation around it.
#[derive(Clone, Copy, Debug)]
pub struct Tok<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    /// The punctuation right after the word (`,`, `’s,` …).
    pub trail: &'a str,
    /// The punctuation right before the word (`“`, `(` …).
    pub lead: &'a str,
    /// A chunk without letters (`–`, `()`) or a line break follows.
    pub gap_after: bool,
    /// The word has no capital and is ASCII (most words): [`Tok::lower`]
    /// borrows it without looking at it again.
    plain: bool,
}

/// A word in lower case: borrowed from the text when it has no capital
/// (most words), lower-cased on the stack when it is short ASCII (most
/// capitalised words), so reading a passage rarely allocates.
#[derive(Clone, Debug)]
pub struct Lower<'a>(LowerRepr<'a>);

#[derive(Clone, Debug)]
enum LowerRepr<'a> {
    Borrowed(&'a str),
    Inline { buf: [u8; LOWER_INLINE], len: u8 },
    Owned(String),
}

/// Longest word lower-cased on the stack.
const LOWER_INLINE: usize = 22;

impl Lower<'_> {
    pub fn as_str(&self) -> &str {
        match &self.0 {
            LowerRepr::Borrowed(s) => s,
            // Only ASCII is written inline: always valid UTF-8.
            LowerRepr::Inline { buf, len } => std::str::from_utf8(&buf[..usize::from(*len)]).unwrap_or_default(),
            LowerRepr::Owned(s) => s,
        }
    }

    pub fn into_string(self) -> String {
        match self.0 {
            LowerRepr::Owned(s) => s,
            _ => self.as_str().to_string(),
        }
    }
}

impl std::ops::Deref for Lower<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Lower<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Lower<'_> {}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl<'a> Tok<'a> {
    pub fn lower(&self) -> Lower<'a> {
        let b = self.text.as_bytes();
        if self.plain {
            Lower(LowerRepr::Borrowed(self.text))
        } else if b.len() <= LOWER_INLINE && b.is_ascii() {
            let mut buf = [0u8; LOWER_INLINE];
            for (d, s) in buf.iter_mut().zip(b) {
                *d = s.to_ascii_lowercase();
            }
            Lower(LowerRepr::Inline { buf, len: b.len() as u8 })
        } else {
            Lower(LowerRepr::Owned(self.text.to_lowercase()))
        }
    }

    pub fn capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// The word without a possessive `’s`.
    pub fn base(&self) -> &str {
        self.text.strip_suffix("’s").or_else(|| self.text.strip_suffix("'s")).unwrap_or(self.text)
    }

    pub fn possessive(&self) -> bool {
        self.base().len() != self.text.len()
    }

    /// Does a clause or sentence break follow the word?
    pub fn breaks_after(&self) -> bool {
        // "Dr. Jane Smith": the full stop of a title abbreviation.
        if self.trail == "." && TITLE_ABBREVIATION.has(self.lower().as_str()) {
            return self.gap_after;
        }
        // An initial: "Paul D. Ryan", "G.K. Butterfield".
        if self.trail == "." && self.text.len() <= 3 && self.text.chars().all(|c| c.is_ascii_uppercase() || c == '.') {
            return self.gap_after;
        }
        self.gap_after
            || self
                .trail
                .chars()
                .any(|c| matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | '“' | '”' | '"' | '(' | ')' | '—' | '–'))
    }
}

/// No capital, ASCII only: the word is its own lower case.
fn is_plain(word: &str) -> bool {
    word.bytes().all(|b| b.is_ascii_lowercase() || !b.is_ascii_alphabetic() && b.is_ascii())
}

/// Splits `text` (at byte `offset` of its article) into words.
pub fn tokens(text: &str, offset: usize) -> Vec<Tok<'_>> {
    // About one word in six bytes of English.
    let mut out: Vec<Tok> = Vec::with_capacity(text.len() / 6 + 1);
    for (pos, word, newline) in whitespace_chunks(text) {
        let core_start = first_alphanumeric(word);
        if core_start.is_none()
            && (!word.is_empty() || newline)
            && let Some(last) = out.last_mut()
        {
            last.gap_after = true;
        }
        if let Some(cs) = core_start {
            let core_end = end_of_last_alphanumeric(word).unwrap_or(word.len());
            let text = &word[cs..core_end];
            out.push(Tok {
                text,
                plain: is_plain(text),
                start: offset + pos + cs,
                end: offset + pos + core_end,
                trail: &word[core_end..],
                lead: &word[..cs],
                gap_after: newline,
            });
        }
    }
    out
}

/// The pieces of `text.split_inclusive(char::is_whitespace)`, each as its
/// byte position, its text without the whitespace character that ends it
/// (`trim_end` of the piece: one piece holds at most one), and whether that
/// character is a line break. ASCII is read a byte at a time (most text);
/// only the other characters are decoded.
fn whitespace_chunks(text: &str) -> impl Iterator<Item = (usize, &str, bool)> {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            let b = bytes[i];
            let (space, len) = if b.is_ascii() {
                // The ASCII characters `char::is_whitespace` accepts.
                (matches!(b, b' ' | b'\t'..=b'\r'), 1)
            } else {
                let c = text[i..].chars().next().unwrap_or_default();
                (c.is_whitespace(), c.len_utf8().max(1))
            };
            i += len;
            if space {
                let piece = (start, &text[start..i - len], b == b'\n');
                start = i;
                return Some(piece);
            }
        }
        (start < bytes.len()).then(|| {
            let piece = (start, &text[start..], false);
            start = bytes.len();
            piece
        })
    })
}

/// Byte index of the first letter or digit of `word`.
fn first_alphanumeric(word: &str) -> Option<usize> {
    let bytes = word.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            if b.is_ascii_alphanumeric() {
                return Some(i);
            }
            i += 1;
        } else {
            let c = word[i..].chars().next()?;
            if c.is_alphanumeric() {
                return Some(i);
            }
            i += c.len_utf8();
        }
    }
    None
}

/// Byte index just after the last letter or digit of `word`.
fn end_of_last_alphanumeric(word: &str) -> Option<usize> {
    let bytes = word.as_bytes();
    let mut i = bytes.len();
    while i > 0 {
        let b = bytes[i - 1];
        if b.is_ascii() {
            if b.is_ascii_alphanumeric() {
                return Some(i);
            }
            i -= 1;
        } else {
            let c = word[..i].chars().next_back()?;
            if c.is_alphanumeric() {
                return Some(i);
            }
            i -= c.len_utf8();
        }
    }
    None
}

/// What a mention refers to, before resolution.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Who {
    /// A personal name with its title removed, and the title's role key.
    Person { name: String, role: Option<String> },
    /// A single capitalised word that may be a surname.
    Word(String),
    /// "the prime minister": a role key.
    Role(String),
    /// "he", "she" or "they".
    Pronoun(Pron),
    /// A speaker named by a common noun: "the campaign", "officials", "his
    /// aides", "Trump’s spokeswoman". `det` is the determiner or possessor
    /// as written ("the", "his", "Trump’s"), `head` the rest.
    Group { det: Option<String>, head: String },
    /// "the White House", "Iran".
    Body(String),
}

/// A personal pronoun that can stand for a speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pron {
    He,
    She,
    They,
}

/// Grammatical gender of a person, when the text tells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// The gender a first name or an honorific tells, if any.
pub fn gender_of_word(word: &str) -> Option<Gender> {
    let lower = word.to_lowercase();
    let lower = lower.trim_end_matches('.');
    if matches!(lower, "mr" | "he" | "him" | "his") {
        Some(Gender::Male)
    } else if matches!(lower, "mrs" | "ms" | "miss" | "she" | "her") {
        Some(Gender::Female)
    } else if lexicon::MALE.has(lower) {
        Some(Gender::Male)
    } else if lexicon::FEMALE.has(lower) {
        Some(Gender::Female)
    } else {
        None
    }
}

/// The gender of a full name, from its first word.
pub fn gender_of_name(name: &str) -> Option<Gender> {
    let first = name.split(' ').next()?;
    (first.len() < name.len()).then(|| gender_of_word(first)).flatten()
}

/// A party and state tag in parentheses ("D-Mich.", "R-Texas"): never a name.
pub fn is_party_tag(t: &Tok) -> bool {
    let b = t.text.as_bytes();
    let party = |c: u8| matches!(c, b'D' | b'R' | b'I');
    (b.len() >= 3 && party(b[0]) && b[1] == b'-' && b[2].is_ascii_uppercase())
        // "(R)", "(D)": the party alone.
        || (b.len() == 1 && party(b[0]) && t.lead.ends_with('(') && t.trail.starts_with(')'))
}

/// One mention with its byte span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    pub who: Who,
    /// Preceded by a preposition ("ally of Albania") or a possessive, or
    /// itself possessive ("Tirana’s decision"): not the subject of a verb.
    pub object: bool,
}

fn is_title_word(word: &str) -> bool {
    lexicon::with_lower(word, |lower| TITLE_WORD.has(lower.trim_end_matches('.')))
        || is_nationality(word)
        || ((2..=4).contains(&word.chars().filter(|c| c.is_alphabetic()).count())
            && word.chars().all(|c| c.is_uppercase() || c == '.'))
}

fn is_nationality(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && lexicon::with_lower(word, |lower| {
            ["ian", "ean", "ese", "ish"].iter().any(|s| lower.ends_with(s) && lower.len() > s.len() + 2)
        })
}

/// The words in lower case that can open a mention: a pronoun, a
/// determiner or a speaker noun. One look-up a word.
static MENTION_OPENER: lexicon::WordSet = lexicon::WordSet::new(|| {
    ["he", "she", "they"]
        .into_iter()
        .chain(lexicon::DETERMINERS.iter().copied())
        .chain(lexicon::SPEAKER_NOUNS.iter().copied())
        .collect()
});

/// The mentions in a run of tokens.
pub fn mentions(toks: &[Tok]) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        let lower = t.lower();
        // Read once: `as_str` checks an inline buffer each time.
        let lower = lower.as_str();
        let prev = i.checked_sub(1).map(|j| toks[j]);
        // Most words are none of the mentions below: a word in lower case
        // opens one only as a pronoun, "the" (a role), or a determiner or
        // plural noun (a group).
        if !t.capitalised() && !MENTION_OPENER.has(lower) {
            i += 1;
            continue;
        }
        // Read only where a mention is pushed: most capitalised words open none.
        let object =
            || prev.is_some_and(|p| !p.breaks_after() && (PREPOSITION.has(p.lower().as_str()) || p.possessive()));
        let pron = match lower {
            "he" => Some(Pron::He),
            "she" => Some(Pron::She),
            "they" => Some(Pron::They),
            _ => None,
        };
        if let Some(pron) = pron {
            out.push(Mention { span: Span::new(t.start, t.end), who: Who::Pronoun(pron), object: object() });
            i += 1;
            continue;
        }
        if is_party_tag(&t) {
            i += 1;
            continue;
        }
        if let Some((len, key)) = role_phrase(toks, i) {
            let end = toks[i + len - 1].end;
            out.push(Mention { span: Span::new(t.start, end), who: Who::Role(key), object: object() });
            i += len;
            continue;
        }
        if let Some((len, who)) = group_phrase(toks, i) {
            let end = toks[i + len - 1].end;
            out.push(Mention { span: Span::new(t.start, end), who, object: object() });
            i += len;
            continue;
        }
        if !t.capitalised() || NOT_NAME.has(lower) || is_speech_verb(lower) {
            i += 1;
            continue;
        }
        // A capitalised run, joined by "of"/"for" between capitals.
        let mut j = i;
        while j + 1 < toks.len() && !toks[j].breaks_after() && !toks[j].possessive() {
            let n = toks[j + 1];
            if !n.lead.is_empty() {
                break;
            }
            if n.capitalised() && !NOT_NAME.has(n.lower().as_str()) {
                j += 1;
            } else if matches!(n.text, "of" | "for" | "de" | "al" | "bin")
                && j + 2 < toks.len()
                && !n.breaks_after()
                && toks[j + 2].capitalised()
                && toks[j + 2].lead.is_empty()
            {
                j += 2;
            } else {
                break;
            }
        }
        let run = &toks[i..=j];
        let after_the = prev.is_some_and(|p| p.lower() == "the" && !p.breaks_after());
        // "of the Islamic Republic": the article does not hide the preposition.
        let object = object()
            || (after_the && i >= 2 && !toks[i - 2].breaks_after() && PREPOSITION.has(toks[i - 2].lower().as_str()))
            || run[run.len() - 1].possessive();
        let mut who = classify_run(run, after_the);
        if matches!(&who, Who::Person { role: None, .. }) && is_title_of_work(toks, i, j) {
            i = j + 1;
            continue;
        }
        // A title in lower case before the name: "Democratic presidential
        // nominee Hillary Clinton", "campaign chairman John Podesta".
        if let Who::Person { role, .. } = &mut who {
            let mut title: Vec<String> = Vec::new();
            let mut b = i;
            while b > 0 && i - b < 4 {
                let p = toks[b - 1];
                let pl = p.lower();
                if p.breaks_after() || p.possessive() {
                    break;
                }
                let role_word = ROLE_LAST.has(pl.as_str());
                let qualifier = matches!(pl.as_str(), "democratic" | "republican" | "gop")
                    || (title.is_empty() && role_word)
                    || (!title.is_empty() && matches!(pl.as_str(), "presidential" | "former" | "vice"));
                if !qualifier || (title.is_empty() && !role_word) {
                    break;
                }
                if !matches!(pl.as_str(), "presidential" | "former") {
                    title.insert(0, pl.into_string());
                }
                b -= 1;
            }
            if role.is_none() && !title.is_empty() {
                *role = Some(title.join(" "));
            }
            // "Democratic" of "Democratic presidential nominee Hillary
            // Clinton" is part of her title, not a mention of its own.
            if b < i
                && let Some(last) = out.last()
                && last.span.start == toks[b].start
                && matches!(last.who, Who::Word(_))
            {
                out.pop();
            }
        }
        out.push(Mention { span: Span::new(run[0].start, run[run.len() - 1].end), who, object });
        i = j + 1;
    }
    out
}

/// Nouns of works and products: a capitalised run set off after one (`her
/// 2003 book, Living History,`) or right before one (`Blige’s upcoming
/// Apple Music show`) is a title or a brand, not a person.
const WORK_NOUNS: &[&str] = &[
    "book",
    "memoir",
    "memoirs",
    "novel",
    "album",
    "song",
    "show",
    "program",
    "programme",
    "series",
    "film",
    "movie",
    "documentary",
    "musical",
    "column",
    "essay",
    "podcast",
    "app",
    "video",
    "poem",
    "blog",
    "website",
    "single",
];

/// Is the capitalised run `toks[i..=j]` the title of a work named by a noun
/// of [`WORK_NOUNS`]: in apposition after it (`book, Living History,`) or
/// right before it in lower case (`Apple Music show`)? Never when the run
/// opens with a known first name (`the show, Mary J. Blige, …`).
fn is_title_of_work(toks: &[Tok], i: usize, j: usize) -> bool {
    let first = toks[i].lower();
    if lexicon::MALE.has(first.as_str()) || lexicon::FEMALE.has(first.as_str()) {
        return false;
    }
    let work = |t: &Tok| !t.capitalised() && lexicon::with_lower(t.text, |l| WORK_NOUNS.contains(&l));
    let after_work =
        i > 0 && toks[i - 1].trail.starts_with(',') && work(&toks[i - 1]) && toks[j].trail.starts_with(',');
    // "show", "film", "program" and "single" are verbs or adjectives too
    // (`Data from the American Community Survey show that …`): as nouns
    // they end a phrase or come before a title.
    let before_work = !toks[j].breaks_after()
        && toks.get(j + 1).is_some_and(|n| {
            n.lead.is_empty()
                && work(n)
                && (!matches!(n.text, "show" | "film" | "program" | "single")
                    || n.breaks_after()
                    || toks.get(j + 2).is_none_or(|t| t.capitalised()))
        });
    after_work || before_work
}

/// A speaker phrase headed by a common noun at `i` ("the campaign",
/// "officials", "a senior aide", "Trump’s spokeswoman", "the Clinton
/// campaign"): its length in tokens. Not when a name follows the noun,
/// which makes it a title ("campaign spokesman Brian Fallon").
fn group_phrase(toks: &[Tok], i: usize) -> Option<(usize, Who)> {
    let t = toks[i];
    let lower = t.lower();
    let (det, mut k) = if lexicon::DETERMINER.has(lower.as_str()) {
        (Some(lower.clone().into_string()), i + 1)
    } else if t.capitalised() && t.possessive() && !NOT_NAME.has_any_case(t.base()) {
        (Some(t.text.to_string()), i + 1)
    } else {
        (None, i)
    };
    if det.is_some() && t.breaks_after() {
        return None;
    }
    // Without a determiner only a plural speaker noun in lower case or a
    // short capitalised modifier can open the phrase (checked first: most
    // words are neither).
    // A plural speaker noun opening its sentence is written with a capital:
    // "Demonstrators said …", "Officials said …".
    let opening_plural = det.is_none()
        && t.capitalised()
        && t.lead.is_empty()
        && (i == 0 || toks[i - 1].trail.contains(['.', '!', '?']))
        && lower.ends_with('s')
        && lexicon::SPEAKER_NOUN.has(lower.as_str());
    if det.is_none()
        && !opening_plural
        && if t.capitalised() { t.text.len() > 4 } else { !lexicon::SPEAKER_NOUN.has(lower.as_str()) }
    {
        return None;
    }
    let head_start = k;
    while k < toks.len() && k < head_start + 4 {
        let w = toks[k];
        if k > i && !w.lead.is_empty() {
            return None;
        }
        let wl = w.lower();
        if lexicon::SPEAKER_NOUN.has(wl.as_str()) && (!w.capitalised() || (opening_plural && k == i)) {
            let name_follows =
                !w.breaks_after() && toks.get(k + 1).is_some_and(|n| n.capitalised() && n.lead.is_empty());
            let of_follows = !w.breaks_after() && toks.get(k + 1).is_some_and(|n| n.text == "of");
            // A bare noun speaks only in the plural ("officials said").
            let bare_singular = det.is_none() && k == i && !wl.ends_with('s') && wl != "staff" && wl != "police";
            if name_follows || of_follows || bare_singular {
                return None;
            }
            let head = toks[head_start..=k].iter().map(|t| t.text).collect::<Vec<_>>().join(" ");
            return Some((k + 1 - i, Who::Group { det, head }));
        }
        if w.breaks_after() || is_speech_verb(&wl) || lexicon::REPORT_VERB.has(wl.as_str()) || w.possessive() {
            return None;
        }
        // Modifiers: adjectives and a name used as one ("the Clinton
        // campaign"); without a determiner only a short name or acronym
        // ("US officials", "Trump aides").
        if det.is_none() && k == i && !(w.capitalised() && !NOT_NAME.has(wl.as_str()) && w.text.len() <= 4) {
            return None;
        }
        if det.is_none() && k > i {
            return None;
        }
        if PREPOSITION.has(wl.as_str()) || matches!(wl.as_str(), "and" | "or" | "that" | "who" | "which") {
            return None;
        }
        k += 1;
    }
    None
}

/// "the [Albanian] prime minister" at `i`: its length in tokens and role key.
///
/// Qualifiers before the role ("the Democratic nominee", "the Vermont
/// senator", "the former secretary of state") make the key specific
/// ("democratic nominee"); [`resolve`] falls back to the bare role.
fn role_phrase(toks: &[Tok], i: usize) -> Option<(usize, String)> {
    if toks[i].lower() != "the" || toks[i].breaks_after() {
        return None;
    }
    let mut k = i + 1;
    let mut qualifiers: Vec<String> = Vec::new();
    while k < toks.len()
        && k < i + 4
        && !toks[k].breaks_after()
        && toks[k].lead.is_empty()
        && (is_nationality(toks[k].text)
            || matches!(toks[k].text, "former" | "presidential" | "current" | "then")
            || (toks[k].capitalised() && !NOT_NAME.has(toks[k].lower().as_str())))
    {
        if toks[k].capitalised() && !is_nationality(toks[k].text) {
            qualifiers.push(toks[k].lower().into_string());
        }
        k += 1;
    }
    // Most "the" open no role: the next word opens no listed phrase.
    if toks.get(k).is_none_or(|t| !ROLE_FIRST.has(t.text)) {
        return None;
    }
    for (phrase, key) in ROLE_PHRASES {
        let len = phrase.split(' ').count();
        if k + len > toks.len() {
            continue;
        }
        let fits = phrase.split(' ').enumerate().all(|(n, w)| {
            let t = toks[k + n];
            t.text == w && (n + 1 == len || !t.breaks_after())
        });
        // "the prime minister Edi Rama" is a titled name, not a role.
        let named_after = toks.get(k + len).is_some_and(|t| t.capitalised() && !toks[k + len - 1].breaks_after());
        if fits && !named_after {
            let key = if qualifiers.is_empty() { key.to_string() } else { format!("{} {key}", qualifiers.join(" ")) };
            return Some((k + len - i, key));
        }
    }
    None
}

fn classify_run(run: &[Tok], after_the: bool) -> Who {
    // Everything up to the last title word is the title, as long as a name
    // is left: "Senate Minority Leader Mitch McConnell".
    let k = run[..run.len() - 1].iter().rposition(|t| is_title_word(t.text)).map_or(0, |i| i + 1);
    let k = if k == 0 && run.len() == 1 && is_title_word(run[0].text) { 1 } else { k };
    // The title's words in lower case, joined by spaces (no list built).
    let mut role: Option<String> = None;
    for t in run[..k]
        .iter()
        .filter(|t| is_title_word(t.text) && !is_nationality(t.text) && t.text.chars().any(char::is_lowercase))
    {
        let r = role.get_or_insert_with(String::new);
        if !r.is_empty() {
            r.push(' ');
        }
        r.push_str(&t.lower());
    }
    let rest = &run[k..];
    if rest.is_empty() {
        return match role {
            Some(r) => Who::Role(r),
            None => Who::Body(run.iter().map(|t| t.base()).collect::<Vec<_>>().join(" ")),
        };
    }
    // The name's words joined by spaces, with one apostrophe for every
    // spelling of a name ("O’Neill", "O'Neill"); initials keep their full
    // stop ("Paul D. Ryan").
    let mut joined = String::with_capacity(rest.iter().map(|t| t.text.len() + 2).sum());
    let mut of_for = false;
    let mut org_last = false;
    for (n, t) in rest.iter().enumerate() {
        if n > 0 {
            joined.push(' ');
        }
        let initial = t.text.len() <= 3 && t.text.chars().all(|c| c.is_ascii_uppercase() || c == '.');
        let from = joined.len();
        if initial && t.trail.starts_with('.') {
            joined.push_str(t.text);
            joined.push('.');
        } else {
            let word = t.base();
            of_for |= matches!(word, "of" | "for");
            joined.push_str(word);
        }
        if n + 1 == rest.len() {
            org_last = lexicon::with_lower(&joined[from..], |last| ORG_WORDS.contains(&last));
        }
    }
    if joined.contains('’') {
        joined = joined.replace('’', "'");
    }
    let org = org_last || of_for || (after_the && role.is_none());
    if org {
        Who::Body(joined)
    } else if rest.len() >= 2 || role.is_some() {
        // "Edi Rama", or "President Raisi".
        Who::Person { name: joined, role }
    } else {
        Who::Word(joined)
    }
}

/// A verb that ties a speaker to words in quotation marks: the speech verbs,
/// and the verbs of reported speech and stance ("complained", "accused").
pub fn is_speech_verb(lower: &str) -> bool {
    lexicon::REPORT_VERB.has(lower) || SPEECH_VERB.has(lower)
}

/// Every word [`is_speech_verb`] accepts.
pub fn speech_verbs() -> impl Iterator<Item = &'static str> {
    lexicon::REPORT_VERBS.iter().chain(SPEECH_VERBS).copied()
}

/// Every person named across the analysis, for merging name forms.
///
/// Indexed by last word, so a look-up costs one map probe plus the few
/// names sharing that word: the quote stage stays linear in the text.
#[derive(Clone, Debug, Default)]
pub struct Names {
    /// Full names (two words or more), with how often they were seen.
    full: BTreeMap<String, usize>,
    /// Last word → the full names ending in it.
    by_last: BTreeMap<String, Vec<String>>,
    /// Each key of `by_last` → [`Names::canonical_for`] of that word
    /// without a gender, for a man, for a woman ([`hint_rank`]): answered
    /// once by [`Names::settle`] when every name is in (a surname shared by
    /// many people is costly to answer, and is asked at every mention);
    /// emptied by [`Names::add`].
    settled: std::collections::HashMap<String, [Option<String>; 3], std::hash::BuildHasherDefault<lexicon::Fnv>>,
}

/// The place of a gender hint's answer in [`Names::settled`].
fn hint_rank(hint: Option<Gender>) -> usize {
    match hint {
        None => 0,
        Some(Gender::Male) => 1,
        Some(Gender::Female) => 2,
    }
}

/// A surname shared by several people stands for the one named in full at
/// least this many times as often as any other.
const DOMINANCE: usize = 3;

/// Does `full` end with the words of `tail` (`"Edi Rama"` ends with `"Rama"`,
/// not `"ama"`)? No allocation.
pub fn ends_with_words(full: &str, tail: &str) -> bool {
    // Case-blind: "De Blasio" opening a sentence is "Bill de Blasio".
    full.len() > tail.len()
        && full.is_char_boundary(full.len() - tail.len())
        && full[full.len() - tail.len()..].eq_ignore_ascii_case(tail)
        && full.as_bytes()[full.len() - tail.len() - 1] == b' '
}

fn last_word(name: &str) -> &str {
    name.rsplit(' ').next().unwrap_or(name)
}

impl Names {
    pub fn add(&mut self, name: &str) {
        self.settled.clear();
        if name.split(' ').count() >= 2 {
            let count = self.full.entry(name.to_string()).or_default();
            if *count == 0 {
                self.by_last.entry(last_word(name).to_string()).or_default().push(name.to_string());
            }
            *count += 1;
        }
    }

    /// The known full names equal to `name` or ending with its words.
    fn fitting<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a String> + 'a {
        self.by_last
            .get(last_word(name))
            .into_iter()
            .flatten()
            .filter(move |full| full.as_str() == name || ends_with_words(full, name))
    }

    /// The canonical form of a person name: the fullest known name that ends
    /// with the same words (so "Rama" and "Edi Rama" become "Edi Rama").
    /// `None` when a surname fits several different people.
    pub fn canonical(&self, name: &str) -> Option<String> {
        let mut fits: Vec<&String> = self.fitting(name).collect();
        // And the known shorter forms the name ends with: "Democrat Hillary
        // Clinton" (a party word run into the name) is "Hillary Clinton".
        for (at, _) in name.match_indices(' ') {
            if let Some((known, _)) = self.full.get_key_value(&name[at + 1..]) {
                fits.push(known);
            }
        }
        // Of two forms where one ends with the other, the one seen more
        // often stands for both (the longer on a tie): "Hillary Clinton"
        // named 200 times absorbs "Chris Christie Calls Hillary Clinton" (a
        // headline's capitals) named twice, and "Rama" becomes "Edi Rama".
        let weight = |f: &String| (self.full.get(f.as_str()).copied().unwrap_or(0), f.len());
        let mut fullest: Vec<&String> = fits
            .iter()
            .copied()
            .filter(|f| !fits.iter().any(|g| (ends_with_words(g, f) || ends_with_words(f, g)) && weight(g) > weight(f)))
            .collect();
        fullest.dedup();
        // "Paul Ryan" and "Paul D. Ryan" are one person: the same first and
        // last word; the form seen most often stands for both.
        let ends = |n: &str| (n.split(' ').next().unwrap_or("").to_string(), last_word(n).to_string());
        if fullest.len() > 1 && fullest.iter().all(|f| ends(f) == ends(fullest[0])) {
            let most = fullest
                .iter()
                .max_by_key(|f| (self.full.get(f.as_str()).copied().unwrap_or(0), std::cmp::Reverse(f.len())));
            return most.map(|m| (*m).clone());
        }
        fullest.sort();
        match fullest.as_slice() {
            // Not named in full anywhere: keep the form given ("President
            // Raisi" → "Raisi").
            [] => Some(name.to_string()),
            [one] => Some((*one).clone()),
            _ => None,
        }
    }

    /// The person a short form stands for when [`Names::canonical`] finds
    /// several: the one whose gender agrees with `hint` ("Mr. Obama" is not
    /// Michelle Obama), or the one named in full far more often than any
    /// other ([`DOMINANCE`] times: "Clinton" in 2016 election news is
    /// Hillary Clinton, not Bill). `None` while it stays ambiguous.
    pub fn canonical_for(&self, name: &str, hint: Option<Gender>) -> Option<String> {
        match self.settled.get(name) {
            Some(answers) => answers[hint_rank(hint)].clone(),
            None => self.answer_for(name, hint),
        }
    }

    /// Answers [`Names::canonical_for`] for every last word of a full
    /// name, on all cores, once every name is added: the same answers,
    /// each computed once instead of at every mention.
    pub fn settle(&mut self) {
        use rayon::prelude::*;
        let words: Vec<&String> = self.by_last.keys().collect();
        let settled = words
            .par_iter()
            .map(|&w| {
                let answers = [None, Some(Gender::Male), Some(Gender::Female)].map(|hint| self.answer_for(w, hint));
                (w.clone(), answers)
            })
            .collect();
        self.settled = settled;
    }

    /// [`Names::canonical_for`], worked out.
    fn answer_for(&self, name: &str, hint: Option<Gender>) -> Option<String> {
        if let Some(one) = self.canonical(name) {
            return Some(one);
        }
        let fits: Vec<&String> = self.fitting(name).collect();
        let weight = |f: &String| (self.full.get(f.as_str()).copied().unwrap_or(0), f.len());
        let mut fullest: Vec<&String> = fits
            .iter()
            .copied()
            .filter(|f| !fits.iter().any(|g| (ends_with_words(g, f) || ends_with_words(f, g)) && weight(g) > weight(f)))
            .filter(|f| hint.is_none_or(|g| gender_of_name(f).is_none_or(|h| h == g)))
            .collect();
        let count = |f: &String| self.full.get(f.as_str()).copied().unwrap_or(0);
        fullest.sort_by(|a, b| count(b).cmp(&count(a)).then_with(|| a.cmp(b)));
        match fullest.as_slice() {
            [one] => Some((*one).clone()),
            [top, next, ..] if count(top) >= DOMINANCE * count(next) => Some((*top).clone()),
            _ => None,
        }
    }

    /// Is this single word the surname of a known person?
    pub fn is_surname(&self, word: &str) -> bool {
        self.by_last.get(word).is_some_and(|v| v.iter().any(|f| ends_with_words(f, word)))
    }
}

/// What an article knows about its people, in text order.
#[derive(Clone, Debug, Default)]
pub struct ArticlePeople {
    /// Each person mention outside quotations: position and canonical name.
    pub persons: Vec<(usize, String)>,
    /// Last word of a person's name, in lower case → its indices in
    /// `persons`: a surname looks only at the names that can end in it.
    by_last: std::collections::HashMap<String, Vec<usize>, std::hash::BuildHasherDefault<lexicon::Fnv>>,
    /// The persons that are the subject of their sentence (the first person
    /// named in it, not after a preposition): position, sentence number
    /// and canonical name.
    pub subjects: Vec<(usize, usize, String)>,
    /// Where each sentence starts, in order.
    pub sentence_starts: Vec<usize>,
    /// Role key → canonical names given that title in this article.
    pub roles: BTreeMap<String, Vec<String>>,
    /// Canonical name → gender, from an honorific or a first name.
    pub genders: BTreeMap<String, Gender>,
    /// Institutions and groups named outside quotations, for "they".
    pub bodies: Vec<(usize, String)>,
    /// Single capitalised words used as names here: capitalised at least
    /// twice inside sentences and never written in lower case.
    pub name_like: lexicon::FnvSet<String>,
}

/// How many sentences back a pronoun looks for a subject it continues (a
/// quotation of several sentences sits between: `Clinton criticized … /
/// “How many times …? In Tulsa, …? I mean, …,” she said.`).
const SUBJECT_REACH: usize = 3;

/// How far back (bytes) "they" looks for the group it stands for.
const THEY_REACH: usize = 600;

impl ArticlePeople {
    pub fn gender(&self, name: &str) -> Option<Gender> {
        self.genders.get(name).copied().or_else(|| gender_of_name(name))
    }

    /// The person "he" or "she" at `pos` stands for: the last subject of
    /// this sentence or the [`SUBJECT_REACH`] before whose gender agrees or
    /// is unknown (a
    /// pronoun mostly continues the subject: "Clinton criticized officer
    /// Betty Shelby … she said" is Clinton); else the last person named
    /// whose gender agrees or is unknown. A person of the other gender is
    /// skipped ("she said" after "Donald Trump" is not his).
    pub fn person_for(&self, pos: usize, gender: Gender) -> Option<&str> {
        let agrees = |n: &str| self.gender(n).is_none_or(|g| g == gender);
        let sentence = self.sentence_starts.partition_point(|&s| s <= pos).saturating_sub(1);
        let subject = self
            .subjects
            .iter()
            .rev()
            .filter(|(p, k, _)| *p < pos && *k + SUBJECT_REACH >= sentence)
            .find(|(_, _, n)| agrees(n))
            .map(|(_, _, n)| n.as_str());
        subject.or_else(|| {
            self.persons.iter().rev().filter(|(p, _)| *p < pos).find(|(_, n)| agrees(n)).map(|(_, n)| n.as_str())
        })
    }

    /// The person a surname (or a short form) at `pos` stands for in this
    /// article: the one named in full here, or of several the one named last
    /// before `pos` (whose gender agrees with `hint` when one is given).
    fn local_person(&self, name: &str, pos: usize, hint: Option<Gender>) -> Option<String> {
        let agrees = |n: &str| hint.is_none_or(|g| self.gender(n).is_none_or(|h| h == g));
        // A name that equals `name` or ends with its words ends with its
        // last word, in any case.
        let same_last = lexicon::with_lower(last_word(name), |l| self.by_last.get(l));
        let candidates = || same_last.into_iter().flatten().map(|&k| &self.persons[k]);
        let mut fits: Vec<&String> =
            candidates().map(|(_, n)| n).filter(|n| (*n == name || ends_with_words(n, name)) && agrees(n)).collect();
        fits.sort();
        fits.dedup();
        // Of several, without a gender to tell them apart, the one named far
        // more often in the article ("Cruz" is Ted Cruz, not Heidi Cruz
        // named once a sentence before).
        let named = |n: &String| candidates().filter(|(_, m)| m == n).count();
        let dominant = hint.is_none().then(|| {
            let mut counts: Vec<(usize, &String)> = fits.iter().map(|n| (named(n), *n)).collect();
            counts.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
            counts
        });
        match fits.as_slice() {
            [] => None,
            [one] => Some((*one).clone()),
            _ if let Some([(top, n), (second, _), ..]) = dominant.as_deref()
                && *top >= DOMINANCE * *second =>
            {
                Some((*n).clone())
            }
            _ => candidates()
                .rev()
                .find(|(p, n)| *p < pos && (n == name || ends_with_words(n, name)) && agrees(n))
                .map(|(_, n)| n.clone()),
        }
    }

    /// Records a person mention at `pos` (mentions come in text order).
    fn add_person(&mut self, pos: usize, canonical: String) {
        let key = last_word(&canonical).to_lowercase();
        self.by_last.entry(key).or_default().push(self.persons.len());
        self.persons.push((pos, canonical));
    }
}

/// Role keys in a title: "foreign secretary" from "foreign secretary",
/// "nominee", "democratic nominee" and "presidential nominee" from
/// "democratic presidential nominee". Only the longest role phrase counts:
/// a vice president is no "president". A deputy's or a vice's title keys
/// only as such ("vice nominee"): "the nominee" is not the running mate.
fn role_keys(title: &str) -> Vec<String> {
    let title = title.replace("sen.", "senator").replace("gov.", "governor");
    let expanded = match title.rsplit(' ').next().unwrap_or(&title) {
        "sen" => format!("{} senator", title.trim_end_matches("sen").trim()),
        "gov" => format!("{} governor", title.trim_end_matches("gov").trim()),
        "rep" => format!("{} congressman", title.trim_end_matches("rep").trim()),
        _ => title.clone(),
    };
    let expanded = expanded.trim();
    let Some((phrase, key)) = ROLE_PHRASES
        .iter()
        .filter(|(phrase, _)| expanded == *phrase || ends_with_words(expanded, phrase))
        .max_by_key(|(phrase, _)| phrase.len())
    else {
        return Vec::new();
    };
    let qualifiers: Vec<&str> =
        expanded[..expanded.len() - phrase.len()].split(' ').filter(|q| !q.is_empty() && *q != "former").collect();
    if let Some(deputy) = qualifiers.iter().find(|q| matches!(**q, "vice" | "deputy" | "assistant")) {
        return vec![format!("{deputy} {key}")];
    }
    let mut keys = vec![(*key).to_string()];
    keys.extend(qualifiers.iter().map(|q| format!("{q} {key}")));
    keys
}

/// May this resolved name be a speaker? Never a place, an outlet, a month
/// or weekday, or a common word that happens to be capitalised.
pub fn can_speak(name: &str) -> bool {
    let lower = name.to_lowercase();
    let lower = lower.trim_start_matches("the ").trim_end_matches('.');
    !lower.is_empty()
        && !lexicon::PLACE.has(lower)
        && !lexicon::OUTLET.has(lower)
        && !lexicon::COMMON.has(lower)
        && !lower.split(' ').any(|w| NOT_NAME.has(w) && w.len() > 3 && w != "know")
        && !lower.starts_with("d-")
        && !lower.rsplit(' ').next().is_some_and(|w| {
            lower.contains(' ')
                && matches!(
                    w,
                    "springs"
                        | "city"
                        | "county"
                        | "beach"
                        | "falls"
                        | "heights"
                        | "valley"
                        | "island"
                        | "lake"
                        | "river"
                        | "hills"
                        | "bay"
                        | "harbor"
                        | "square"
                        | "street"
                        | "avenue"
                        // A holiday or an award: "Labor Day", "Living Legend Award".
                        | "day"
                        | "award"
                        | "prize"
                )
        })
        && !lower.starts_with("r-")
}

/// Is a single capitalised word an organisation by its form ("NATO", "FBI")?
fn is_acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && word.chars().all(|c| c.is_ascii_uppercase() || c == '.' || c == '&')
}

/// Resolves a mention to a canonical speaker name. `all_roles`: every
/// holder of each role in the analysis, sorted, without repeats.
pub fn resolve(
    mention: &Mention,
    names: &Names,
    people: &ArticlePeople,
    all_roles: &BTreeMap<String, Vec<String>>,
) -> Option<String> {
    let pos = mention.span.start;
    let resolved = match &mention.who {
        Who::Person { name, role } => {
            let hint = role.as_deref().and_then(|r| r.split(' ').find_map(gender_of_word));
            if name.contains(' ') {
                names.canonical(name).or_else(|| people.local_person(name, pos, hint))
            } else {
                people.local_person(name, pos, hint).or_else(|| names.canonical_for(name, hint))
            }
        }
        Who::Word(w) => {
            if let Some(local) = people.local_person(w, pos, None) {
                Some(local)
            } else if names.is_surname(w) {
                names.canonical_for(w, None)
            } else if is_acronym(w)
                || lexicon::GROUP_NAMES.contains(&w.to_lowercase().as_str())
                || people.name_like.contains(w)
            {
                Some(w.clone())
            } else {
                // When in doubt, no speaker: "Catholic", "Apps", "Iowa".
                None
            }
        }
        Who::Pronoun(Pron::He) => people.person_for(pos, Gender::Male).map(str::to_string),
        Who::Pronoun(Pron::She) => people.person_for(pos, Gender::Female).map(str::to_string),
        Who::Pronoun(Pron::They) => {
            people.bodies.iter().rev().find(|(p, _)| *p < pos && pos - *p <= THEY_REACH).map(|(_, b)| b.clone())
        }
        Who::Role(key) => {
            let pick = |v: &Vec<String>| {
                let mut v = v.clone();
                v.sort();
                v.dedup();
                (v.len() == 1).then(|| v[0].clone())
            };
            // "democratic nominee", then "nominee".
            let bare = ROLE_PHRASES.iter().map(|(_, k)| *k).find(|k| key == k || ends_with_words(key, k));
            people
                .roles
                .get(key)
                .and_then(pick)
                .or_else(|| all_roles.get(key).and_then(|v| (v.len() == 1).then(|| v[0].clone())))
                .or_else(|| bare.filter(|b| b != key).and_then(|b| people.roles.get(b).and_then(pick)))
        }
        Who::Body(b) => Some(b.clone()),
        Who::Group { det, head } => {
            let owner = match det.as_deref() {
                Some("his") => people.person_for(pos, Gender::Male).map(str::to_string),
                Some("her") => people.person_for(pos, Gender::Female).map(str::to_string),
                Some(d) if d.ends_with("’s") || d.ends_with("'s") => {
                    let base = d.trim_end_matches("’s").trim_end_matches("'s");
                    people
                        .local_person(base, pos, None)
                        .or_else(|| names.canonical_for(base, None))
                        .filter(|o| can_speak(o))
                }
                _ => None,
            };
            Some(match (owner, det) {
                (Some(o), _) => format!("{o}’s {head}"),
                (None, Some(d)) if !d.ends_with("’s") && !d.ends_with("'s") => format!("{d} {head}"),
                (None, _) => head.clone(),
            })
        }
    };
    resolved.filter(|r| can_speak(r))
}

/// Builds an article's people from the mentions outside its quotations.
/// Takes the article's [`Prose`]: its name-like words move into the result.
pub fn article_people(text: &str, prose: Prose, sentence_starts: &[usize], names: &Names) -> ArticlePeople {
    let mut people = ArticlePeople { sentence_starts: sentence_starts.to_vec(), ..ArticlePeople::default() };
    let mentions = &prose.mentions;
    // The sentence of the last subject found: one per sentence.
    let mut subject_of: Option<usize> = None;
    for (n, m) in mentions.iter().enumerate() {
        let (name, role) = match &m.who {
            Who::Person { name, role } => (name.clone(), role.clone()),
            Who::Word(w) if names.is_surname(w) => (w.clone(), None),
            Who::Body(b) => {
                people.bodies.push((m.span.start, b.clone()));
                continue;
            }
            Who::Group { det, head } if det.as_deref().is_none_or(|d| matches!(d, "the" | "some" | "many")) => {
                people.bodies.push((m.span.start, det.as_ref().map_or(head.clone(), |d| format!("{d} {head}"))));
                continue;
            }
            _ => continue,
        };
        let hint = role.as_deref().and_then(|r| r.split(' ').find_map(gender_of_word));
        let canonical = if name.contains(' ') {
            names.canonical(&name).or_else(|| people.local_person(&name, m.span.start, hint))
        } else {
            people.local_person(&name, m.span.start, hint).or_else(|| names.canonical_for(&name, hint))
        };
        let Some(canonical) = canonical else {
            continue;
        };
        if !can_speak(&canonical) {
            continue;
        }
        // The first name of the canonical form, not of the words as written:
        // a headline's "Chris Christie Calls Hillary Clinton" merged into
        // "Hillary Clinton" does not make her a man.
        if let Some(g) = hint.or_else(|| gender_of_name(&canonical)) {
            people.genders.entry(canonical.clone()).or_insert(g);
        }
        let mut keys: Vec<String> = role.as_deref().map(role_keys).unwrap_or_default();
        // An apposition names the role: "Hillary Clinton, the Democratic nominee,".
        if let Some(next) = mentions.get(n + 1)
            && let Who::Role(key) = &next.who
            && text.get(m.span.end..next.span.start).is_some_and(|between| between.trim() == ",")
        {
            keys.push(key.clone());
        }
        for key in keys {
            people.roles.entry(key).or_default().push(canonical.clone());
        }
        let sentence = sentence_starts.partition_point(|&s| s <= m.span.start).saturating_sub(1);
        let first_in_sentence = mentions[..n]
            .iter()
            .rev()
            .take_while(|p| p.span.start >= sentence_starts.get(sentence).copied().unwrap_or(0))
            .all(|p| p.object || !matches!(p.who, Who::Person { .. } | Who::Word(_) | Who::Pronoun(_)));
        if !m.object && first_in_sentence && subject_of != Some(sentence) {
            subject_of = Some(sentence);
            people.subjects.push((m.span.start, sentence, canonical.clone()));
        }
        people.add_person(m.span.start, canonical);
    }
    people.name_like = prose.name_like;
    people
}

/// What the prose of an article (outside its quotations) says about people:
/// read once, tokenised once per paragraph.
#[derive(Clone, Debug, Default)]
pub struct Prose {
    /// Every mention outside quotations, in text order.
    pub mentions: Vec<Mention>,
    /// Single capitalised words used as names: see [`NameLike::finish`].
    pub name_like: lexicon::FnvSet<String>,
}

/// Reads the prose of an article: its mentions outside the `quoted` spans
/// (sorted by start, as the quotations are) and its name-like words. Each
/// of `sentences` (in order, each inside one of `paragraphs`) is handed to
/// `sentence` with its words and mentions, read once with its paragraph's.
pub fn read_prose(
    text: &str,
    paragraphs: &[Span],
    sentences: &[Span],
    quoted: &[Span],
    mut sentence: impl FnMut(Span, &[Tok], &[Mention]),
) -> Prose {
    let mut mentions_out = Vec::new();
    let mut words = NameLike::default();
    let mut next = 0;
    for p in paragraphs {
        let toks = tokens(&text[p.start..p.end], p.start);
        words.count(text, &toks);
        let found = mentions(&toks);
        while let Some(&s) = sentences.get(next).filter(|s| s.start < p.end) {
            next += 1;
            let a = toks.partition_point(|t| t.start < s.start);
            let b = toks.partition_point(|t| t.end <= s.end);
            let own = &toks[a..b.max(a)];
            // The paragraph's mentions are the sentence's own when a break
            // ends the word before it and its last word, and no mention runs
            // over its edges: no reading of a mention crosses a break. Not so
            // after an abbreviation the sentences were split at ("state
            // Del. Jennifer McClellan", "World War II. Trump"): read again.
            let c = found.partition_point(|m| m.span.start < s.start);
            let d = found.partition_point(|m| m.span.end <= s.end);
            let clean = (a == 0 || toks[a - 1].breaks_after())
                && own.last().is_none_or(Tok::breaks_after)
                && (c == 0 || found[c - 1].span.end <= s.start)
                && found.get(d).is_none_or(|m| m.span.start >= s.end);
            if clean {
                sentence(s, own, &found[c..d.max(c)]);
            } else {
                sentence(s, own, &mentions(own));
            }
        }
        mentions_out.extend(found.into_iter().filter(|m| !inside_any(quoted, m.span)));
    }
    Prose { mentions: mentions_out, name_like: words.finish() }
}

/// Is `span` inside one of `quoted` (sorted by start)? Quotations do not
/// overlap, so only the last one starting at or before `span` can hold it.
fn inside_any(quoted: &[Span], span: Span) -> bool {
    let k = quoted.partition_point(|q| q.start <= span.start);
    k > 0 && span.end <= quoted[k - 1].end
}

/// Counts of capitalised and lower-case words, for [`Prose::name_like`].
#[derive(Default)]
struct NameLike<'t> {
    inside: std::collections::HashMap<&'t str, usize, std::hash::BuildHasherDefault<lexicon::Fnv>>,
    lower: lexicon::FnvSet<&'t str>,
}

impl<'t> NameLike<'t> {
    fn count(&mut self, text: &'t str, toks: &[Tok<'t>]) {
        for (i, t) in toks.iter().enumerate() {
            if t.capitalised() {
                let mid = i > 0 && !toks[i - 1].trail.contains(['.', '!', '?', ':', '“', '"']) && t.lead.is_empty();
                if mid {
                    *self.inside.entry(&text[t.start..t.start + t.base().len()]).or_default() += 1;
                }
            } else {
                self.lower.insert(t.text);
            }
        }
    }

    /// Single capitalised words written capitalised at least twice inside a
    /// sentence and never in lower case in the article: names ("Trump")
    /// rather than common words at a sentence start.
    fn finish(self) -> lexicon::FnvSet<String> {
        let lower = self.lower;
        self.inside
            .into_iter()
            .filter(|(w, n)| *n >= 2 && lexicon::with_lower(w, |l| !lower.contains(l) && !NOT_NAME.has(l)))
            .map(|(w, _)| w.to_string())
            .collect()
    }
}

/// A speaker found for a quotation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    pub mention: Mention,
    /// The cue as written (`Rama said`).
    pub cue: Span,
    /// True when a speech verb or "according to" ties the speaker to the
    /// quotation; false for weaker evidence (the sentence's subject).
    pub explicit: bool,
    /// Further speakers coordinated with `mention` ("Clinton and Kaine said").
    pub also: Vec<Mention>,
}

/// The cue after a quotation: `," Rama said`, `," said Rama`, `," he added`.
/// `after` is the text from the closing mark to the end of the paragraph.
pub fn trailing_cue(after: &str, offset: usize) -> Option<Attribution> {
    let leading_punct = after.len() - after.trim_start_matches([',', ' ', ';', '\u{a0}']).len();
    if after[leading_punct..].starts_with(['“', '"', '«', '„']) {
        return None;
    }
    // A byline after a dash: `…” ― Oscar P. Quintero`.
    if let Some(rest) = after[leading_punct..].strip_prefix(['―', '—']) {
        let from = after.len() - rest.len();
        let line_end = rest.find(['“', '"', '\n']).map_or(after.len(), |e| from + e);
        let toks = tokens(&after[from..line_end], offset + from);
        let found = mentions(&toks);
        let first = found.first().filter(|m| toks.first().is_some_and(|t| t.start == m.span.start))?;
        if matches!(first.who, Who::Person { .. }) && toks.len() <= 6 {
            return Some(Attribution {
                cue: Span::new(offset + leading_punct, first.span.end),
                mention: first.clone(),
                explicit: true,
                also: Vec::new(),
            });
        }
        return None;
    }
    // The clause: up to the end of the sentence or the next quotation.
    let clause_end = clause_end(after, leading_punct);
    let toks = tokens(&after[..clause_end], offset);
    let toks: Vec<Tok> = toks.into_iter().take(APPOSITION_MAX + 1).collect();
    let first = toks.first()?;
    let lower = first.lower();
    if is_speech_verb(&lower) || (lower == "according" && toks.get(1)?.lower() == "to") {
        // "said Rama", "said a statement by the White House’s NSC
        // spokesperson, Adrienne Watson": a person in the phrase first.
        let skip = if lower == "according" { 2 } else { 1 };
        let found = mentions(&toks[skip..toks.len().min(14)]);
        // A name right after the verb is the speaker ("said Podesta, who is
        // now chairman of Hillary Clinton’s campaign").
        let next = toks.get(skip).map(|t| t.start);
        let adjacent = found.first().filter(|m| {
            Some(m.span.start) == next
                && matches!(m.who, Who::Person { .. } | Who::Word(_) | Who::Role(_) | Who::Body(_))
        });
        let pick = adjacent
            .or_else(|| found.iter().find(|m| matches!(m.who, Who::Person { .. })))
            .or_else(|| found.iter().find(|m| !matches!(m.who, Who::Word(_))))
            .or_else(|| found.first())?
            .clone();
        return Some(Attribution {
            cue: Span::new(first.start, pick.span.end),
            mention: pick,
            explicit: true,
            also: Vec::new(),
        });
    }
    // "Rama said", "UK Foreign Secretary James Cleverly said", "he added",
    // "Rep. Gwen Moore (D-Wis.) said", "Clinton and Kaine said", "Jane
    // Smith, a professor of history at Yale who studies campaigns, said".
    let verb = toks.iter().take(APPOSITION_MAX).position(|t| is_speech_verb(&t.lower()) && !t.capitalised())?;
    // A party tag's punctuation belongs to the name before it: "Kevin Brady
    // (R-Texas), chairman of …, said".
    let mut before: Vec<Tok> = Vec::new();
    for t in &toks[..verb] {
        if is_party_tag(t) {
            if let Some(prev) = before.last_mut() {
                prev.trail = t.trail.trim_start_matches(['.', ')']);
            }
        } else {
            before.push(*t);
        }
    }
    while before.len() > 1
        && before.last().is_some_and(|t| AUXILIARIES.contains(&t.lower().as_str()) && !t.breaks_after())
    {
        before.pop();
    }
    let last_tok = *before.last()?;
    let mut found = mentions(&before);
    if found.is_empty() {
        // "the bank said": a short noun phrase with no listed head noun.
        let det = before[0].lower();
        let plain = before.len() >= 2
            && before.len() <= 4
            && lexicon::DETERMINER.has(det.as_str())
            && before[1..].iter().all(|t| !t.breaks_after() && !t.capitalised() && !is_speech_verb(&t.lower()));
        if plain {
            let head = before[1..].iter().map(|t| t.text).collect::<Vec<_>>().join(" ");
            found.push(Mention {
                span: Span::new(before[0].start, last_tok.end),
                who: Who::Group { det: Some(det.into_string()), head },
                object: false,
            });
        }
    }
    let first = found.first()?;
    // The speaker phrase must start the clause (after an article: "the
    // White House said").
    let first_word = usize::from(matches!(before[0].lower().as_str(), "the" | "a" | "an"));
    // Or after a modifier or two in lower case ("labor-policy experts say").
    let modifiers = before.iter().take_while(|t| t.end <= first.span.start).collect::<Vec<_>>();
    // A lower-case word may also qualify a titled or full name ("panel
    // Chairman Rep. Jason Chaffetz (R-Utah) said").
    let full_name = matches!(&first.who, Who::Person { name, .. } if name.contains(' '));
    let modified = modifiers.len() <= 2
        && modifiers.iter().all(|t| {
            !t.capitalised()
                && !t.breaks_after()
                && !is_speech_verb(&t.lower())
                && !lexicon::DETERMINER.has(t.lower().as_str())
        })
        && (matches!(first.who, Who::Group { .. }) || (full_name && !modifiers.is_empty()));
    let opens = before.get(first_word).is_some_and(|t| t.start == first.span.start)
        || first.span.start == before[0].start
        || modified;
    if !opens {
        return None;
    }
    let cue = Span::new(before[0].start, toks[verb].end);
    let unbroken = !before[..before.len() - 1].iter().any(|t| t.breaks_after());
    if unbroken {
        let last = found.last()?;
        if last.span.end != last_tok.end {
            return None;
        }
        let (mention, also) = coordinated(&before, &found);
        return Some(Attribution { cue, mention, explicit: true, also });
    }
    // An apposition of any length between the speaker and the verb, set off
    // by commas: the speaker is the phrase that opens the clause.
    let speaker_end = before.iter().position(|t| t.end == first.span.end)?;
    let commas = before[speaker_end].trail.starts_with(',') && last_tok.trail.starts_with(',');
    // An initial's full stop ("Vann R. Newkirk II") breaks nothing.
    let initial = |t: &Tok| t.trail == "." && t.text.len() == 1 && t.capitalised();
    let clean = !before.iter().any(|t| {
        t.trail.contains(['.', ';', ':', '!', '?']) && !TITLE_ABBREVIATION.has(t.lower().as_str()) && !initial(t)
    });
    if commas && clean && matches!(first.who, Who::Person { .. } | Who::Word(_) | Who::Body(_) | Who::Group { .. }) {
        return Some(Attribution { cue, mention: first.clone(), explicit: true, also: Vec::new() });
    }
    None
}

/// Longest stretch (in words) between a trailing speaker and its verb:
/// long appositions are common in newswire.
const APPOSITION_MAX: usize = 48;

/// Words that may stand between a speaker and the speech verb.
#[rustfmt::skip]
const AUXILIARIES: &[&str] = &[
    "has", "had", "have", "also", "later", "then", "further", "previously", "repeatedly", "again",
    "often", "frequently", "once", "recently", "publicly", "privately", "still", "now",
];

/// The speakers of a run of mentions joined by "and" ("Clinton and Kaine
/// said"): the first, and the rest as `also`; otherwise the last mention.
fn coordinated(toks: &[Tok], found: &[Mention]) -> (Mention, Vec<Mention>) {
    let last = found[found.len() - 1].clone();
    if found.len() < 2 {
        return (last, Vec::new());
    }
    let person = |m: &Mention| matches!(m.who, Who::Person { .. } | Who::Word(_));
    let joined = found.windows(2).all(|w| {
        let between: Vec<&Tok> = toks.iter().filter(|t| t.start >= w[0].span.end && t.end <= w[1].span.start).collect();
        between.len() == 1 && between[0].text == "and" && person(&w[0]) && person(&w[1])
    });
    if joined { (found[0].clone(), found[1..].to_vec()) } else { (last, Vec::new()) }
}

fn clause_end(s: &str, from: usize) -> usize {
    let mut prev_upper_single = false;
    for (i, c) in s[from..].char_indices() {
        let at = from + i;
        match c {
            '“' | '"' | '«' | '„' | '\n' | ';' | '!' | '?' => return at,
            '.' => {
                // "U.S.", an initial or "Dr." does not end the clause.
                let next = s[at + 1..].chars().next();
                let word: String = s[..at]
                    .chars()
                    .rev()
                    .take_while(|c| c.is_alphabetic())
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .flat_map(char::to_lowercase)
                    .collect();
                let abbreviation = TITLE_ABBREVIATION.has(word.as_str());
                if !prev_upper_single && !abbreviation && next.is_none_or(char::is_whitespace) {
                    return at;
                }
            }
            _ => {}
        }
        let before = s[..at].chars().next_back();
        prev_upper_single = c.is_uppercase() && before.is_none_or(|b| !b.is_alphanumeric() || b == '.');
    }
    s.len()
}

/// The cue before a quotation, inside `lead` (the sentence up to the
/// opening mark, starting at byte `offset`).
pub fn leading_cue(lead: &str, offset: usize) -> Option<Attribution> {
    let toks = tokens(lead, offset);
    if toks.is_empty() {
        return None;
    }
    let found = mentions(&toks);
    // The last cue word before the quotation.
    for v in (0..toks.len()).rev() {
        let lower = toks[v].lower();
        // "according to Rama, …"
        if lower == "according" && toks.get(v + 1).is_some_and(|t| t.lower() == "to") {
            let pick = found.iter().find(|m| m.span.start >= toks[v + 1].end)?.clone();
            return Some(Attribution {
                cue: Span::new(toks[v].start, pick.span.end),
                mention: pick,
                explicit: true,
                also: Vec::new(),
            });
        }
        // "in his view"
        if lower == "view"
            && v >= 2
            && toks[v - 2].lower() == "in"
            && matches!(toks[v - 1].lower().as_str(), "his" | "her")
        {
            return Some(Attribution {
                cue: Span::new(toks[v - 2].start, toks[v].end),
                mention: Mention {
                    span: Span::new(toks[v - 1].start, toks[v - 1].end),
                    who: Who::Pronoun(if toks[v - 1].lower() == "her" { Pron::She } else { Pron::He }),
                    object: false,
                },
                explicit: false,
                also: Vec::new(),
            });
        }
        // A capitalised "Says" or "Notes" inside a sentence is a name or a
        // title, not a verb.
        if !is_speech_verb(&lower) || (v > 0 && toks[v].capitalised()) {
            continue;
        }
        // "…, saying “…”": the participle's subject is the sentence's.
        if PARTICIPLES.contains(&lower.as_str())
            && v > 0
            && (toks[v - 1].trail.starts_with(',') || (toks[v - 1].text == "by" && !toks[v - 1].breaks_after()))
            && let Some(m) = sentence_subject(&toks, &found).filter(|m| m.span.end <= toks[v].start)
        {
            return Some(Attribution {
                cue: Span::new(m.span.start, toks[v].end),
                mention: m.clone(),
                explicit: true,
                also: Vec::new(),
            });
        }
        // "John Podesta, a White House adviser who …, said": the subject
        // opens the sentence, set off from the verb by an apposition.
        if v > 1
            && toks[v - 1].trail.starts_with(',')
            && let Some(m) = sentence_subject(&toks, &found).filter(|m| {
                toks.iter()
                    .position(|t| t.end == m.span.end)
                    .is_some_and(|e| e + 1 < v && toks[e].trail.starts_with(','))
                    && !toks[..v].iter().any(|t| t.trail.contains([';', ':']))
            })
        {
            return Some(Attribution {
                cue: Span::new(m.span.start, toks[v].end),
                mention: m.clone(),
                explicit: true,
                also: Vec::new(),
            });
        }
        // The nearest subject before the verb.
        if let Some(m) = found.iter().rev().find(|m| m.span.end <= toks[v].start && !m.object) {
            return Some(Attribution {
                cue: Span::new(m.span.start, toks[v].end),
                mention: m.clone(),
                explicit: true,
                also: Vec::new(),
            });
        }
        // "said Rama: …" (inverted; but "told Reuters" names the listener).
        if matches!(lower.as_str(), "told" | "tells" | "asked") {
            continue;
        }
        if let Some(m) =
            found.iter().find(|m| toks.get(v + 1).is_some_and(|n| n.start == m.span.start && !toks[v].breaks_after()))
        {
            return Some(Attribution {
                cue: Span::new(toks[v].start, m.span.end),
                mention: m.clone(),
                explicit: true,
                also: Vec::new(),
            });
        }
    }
    // "For Prime Minister Edi Rama, there is “…”"
    if toks[0].lower() == "for"
        && let Some(m) = found.first().filter(|m| {
            toks.get(1).is_some_and(|t| t.start == m.span.start)
                && toks.iter().any(|t| t.end == m.span.end && t.breaks_after())
        })
    {
        return Some(Attribution {
            cue: Span::new(toks[0].start, m.span.end),
            mention: m.clone(),
            explicit: false,
            also: Vec::new(),
        });
    }
    // The sentence's subject: a person or pronoun that opens it, after an
    // opening phrase at most ("In a White House statement, President Obama
    // condemned …").
    let first = sentence_subject(&toks, &found)?;
    if matches!(first.who, Who::Person { .. } | Who::Pronoun(_) | Who::Role(_) | Who::Word(_)) {
        return Some(Attribution { cue: first.span, mention: first.clone(), explicit: false, also: Vec::new() });
    }
    None
}

/// Words that open a sentence's opening phrase, set off by a comma before
/// its subject: "In July, Gingrich …", "During a speech, Trump …".
#[rustfmt::skip]
const INTRO_WORDS: &[&str] = &[
    "in", "at", "on", "during", "after", "before", "following", "since", "with", "last",
    "earlier", "later", "meanwhile", "yesterday", "today", "then", "now", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "asked", "speaking", "addressing",
];

/// The subject of a sentence (`toks` from its start): the mention that
/// opens it (after "the"), or the first one right after an opening phrase
/// that starts with a preposition or a time and ends with a comma ("With 50
/// days until the election, Minyon Moore, a senior adviser …, called").
fn sentence_subject<'m>(toks: &[Tok], found: &'m [Mention]) -> Option<&'m Mention> {
    // "And on Tuesday, Kevin Brady, …": a conjunction opening the sentence.
    if toks.len() > 1 && matches!(toks[0].lower().as_str(), "and" | "but" | "so" | "yet") && !toks[0].breaks_after() {
        return sentence_subject(&toks[1..], found);
    }
    let first = found.first()?;
    // Lower-case title words before the name ("Democratic presidential
    // candidate Sen. Bernie Sanders"): the name opens the sentence.
    let titled = || {
        let k = toks.iter().position(|t| t.start == first.span.start);
        k.is_some_and(|k| {
            k <= 4
                && toks[..k].iter().all(|t| {
                    !t.breaks_after()
                        && t.lead.is_empty()
                        && lexicon::with_lower(t.text, |l| {
                            matches!(l, "democratic" | "republican" | "gop" | "presidential" | "former")
                                || TITLE_WORD.has(l)
                                || ROLE_LAST.has(l)
                        })
                })
        })
    };
    if !first.object
        && (first.span.start == toks[0].start
            || (toks[0].lower() == "the" && toks.get(1).is_some_and(|t| t.start == first.span.start))
            || (matches!(first.who, Who::Person { .. }) && titled()))
    {
        return Some(first);
    }
    if !INTRO_WORDS.contains(&toks[0].lower().as_str()) {
        return None;
    }
    let comma = toks.iter().take(16).position(|t| t.trail.contains(','))?;
    if toks[..comma].iter().any(|t| t.trail.contains(['.', ';', ':', '!', '?', '“', '”', '"'])) {
        return None;
    }
    let next = toks.get(comma + 1)?;
    found.iter().find(|m| {
        !m.object
            && (m.span.start == next.start
                || (next.lower() == "the" && toks.get(comma + 2).is_some_and(|t| t.start == m.span.start)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn whos(text: &str) -> Vec<Who> {
        mentions(&tokens(text, 0)).into_iter().map(|m| m.who).collect()
    }

    #[test]
    fn titles_of_works_and_brands_are_no_persons() {
        let people = |text: &str| -> Vec<String> {
            whos(text)
                .into_iter()
                .filter_map(|w| match w {
                    Who::Person { name, .. } => Some(name),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(people("In her 2003 book, Living History, Clinton noted the clot."), Vec::<String>::new());
        assert_eq!(
            people("In a clip for Mary J. Blige’s upcoming Apple Music show The 411, Blige sings."),
            vec!["Mary J. Blige"]
        );
        // A verb after a name is no noun of a work.
        assert_eq!(people("Data from Jane Doe show that women worked."), vec!["Jane Doe"]);
        assert_eq!(people("Polls by Acme Research show that women worked."), vec!["Acme Research"]);
        // A person named after such a noun still is one.
        assert_eq!(people("After the show, Hillary Clinton, who …, left."), vec!["Hillary Clinton"]);
    }

    fn person(name: &str, role: Option<&str>) -> Who {
        Who::Person { name: name.into(), role: role.map(str::to_string) }
    }

    #[test]
    fn titles_are_split_off_names() {
        assert_eq!(whos("Albanian Prime Minister Edi Rama said"), vec![person("Edi Rama", Some("prime minister"))]);
        assert_eq!(
            whos("UK Foreign Secretary James Cleverly said"),
            vec![person("James Cleverly", Some("foreign secretary"))]
        );
        assert_eq!(
            whos("with National Security Council spokesperson Adrienne Watson saying"),
            vec![Who::Body("National Security Council".into()), person("Adrienne Watson", Some("spokesperson"))]
        );
    }

    #[test]
    fn names_do_not_run_over_dashes_or_line_breaks() {
        assert_eq!(
            whos("Tirana () – Albania has cut ties"),
            vec![Who::Word("Tirana".into()), Who::Word("Albania".into())]
        );
        assert_eq!(
            whos("relations with Iran\nAlbania has"),
            vec![Who::Word("Iran".into()), Who::Word("Albania".into())]
        );
    }

    #[test]
    fn institutions_roles_and_pronouns() {
        assert_eq!(
            whos("the White House said, and the prime minister added, he said"),
            vec![Who::Body("White House".into()), Who::Role("prime minister".into()), Who::Pronoun(Pron::He)]
        );
        assert_eq!(whos("the Albanian head of government said"), vec![Who::Role("prime minister".into())]);
    }

    #[test]
    fn name_forms_merge_to_the_fullest() {
        let mut names = Names::default();
        names.add("Edi Rama");
        names.add("John Hultquist");
        assert_eq!(names.canonical("Rama").as_deref(), Some("Edi Rama"));
        assert_eq!(names.canonical("Edi Rama").as_deref(), Some("Edi Rama"));
        assert!(names.is_surname("Hultquist"));
        names.add("Ilir Rama");
        assert_eq!(names.canonical("Rama"), None, "two people named Rama");
    }

    #[test]
    fn nested_name_forms_go_to_the_more_frequent() {
        let mut names = Names::default();
        for _ in 0..5 {
            names.add("Hillary Clinton");
        }
        names.add("Democrat Hillary Clinton");
        names.add("Chris Christie Calls Hillary Clinton");
        assert_eq!(names.canonical("Hillary Clinton").as_deref(), Some("Hillary Clinton"));
        assert_eq!(names.canonical("Democrat Hillary Clinton").as_deref(), Some("Hillary Clinton"));
        assert_eq!(names.canonical("Clinton").as_deref(), Some("Hillary Clinton"));
        // Seen as often, the longer form stands for both, as before.
        let mut names = Names::default();
        names.add("Edi Rama");
        names.add("Rama");
        assert_eq!(names.canonical("Rama").as_deref(), Some("Edi Rama"));
    }

    #[test]
    fn shared_surnames_by_gender_and_by_frequency() {
        let mut names = Names::default();
        names.add("Barack Obama");
        names.add("Michelle Obama");
        assert_eq!(names.canonical_for("Obama", None), None);
        assert_eq!(names.canonical_for("Obama", Some(Gender::Male)).as_deref(), Some("Barack Obama"));
        assert_eq!(names.canonical_for("Obama", Some(Gender::Female)).as_deref(), Some("Michelle Obama"));
        names.add("Barack Obama");
        assert_eq!(names.canonical_for("Obama", None), None, "2 to 1 is not enough");
        names.add("Barack Obama");
        assert_eq!(names.canonical_for("Obama", None).as_deref(), Some("Barack Obama"));
    }

    /// Settled names answer as before settling, for every last word and
    /// gender hint (and for names that are no last word); adding a name
    /// afterwards answers from the names as they are then.
    #[test]
    fn settled_names_answer_as_unsettled() {
        let mut names = Names::default();
        for (name, times) in [
            ("Barack Obama", 3),
            ("Michelle Obama", 1),
            ("Hillary Clinton", 7),
            ("Bill Clinton", 2),
            ("Democrat Hillary Clinton", 1),
            ("Edi Rama", 1),
            ("Ilir Rama", 1),
            ("Paul Ryan", 4),
            ("Paul D. Ryan", 1),
            ("Mara Kalo", 1),
        ] {
            for _ in 0..times {
                names.add(name);
            }
        }
        let asked = ["Obama", "Clinton", "Hillary Clinton", "Rama", "Ryan", "Kalo", "Raisi", "Edi Rama", "Kalo Kalo"];
        let hints = [None, Some(Gender::Male), Some(Gender::Female)];
        let unsettled: Vec<Option<String>> =
            asked.iter().flat_map(|n| hints.map(|h| names.canonical_for(n, h))).collect();
        let mut settled = names.clone();
        settled.settle();
        assert_eq!(settled.settled.len(), names.by_last.len());
        let answers: Vec<Option<String>> =
            asked.iter().flat_map(|n| hints.map(|h| settled.canonical_for(n, h))).collect();
        assert_eq!(answers, unsettled);
        // The answers differ by gender and by name: the test tells them apart.
        assert_eq!(settled.canonical_for("Obama", Some(Gender::Female)).as_deref(), Some("Michelle Obama"));
        assert_eq!(settled.canonical_for("Clinton", Some(Gender::Male)).as_deref(), Some("Bill Clinton"));
        assert_eq!(settled.canonical_for("Clinton", None).as_deref(), Some("Hillary Clinton"));
        settled.add("Mira Kalo");
        assert_eq!(settled.canonical_for("Kalo", None), None, "two people named Kalo");
    }

    fn trailing(after: &str) -> Option<(String, String)> {
        trailing_cue(after, 0).map(|a| {
            (after[a.mention.span.start..a.mention.span.end].to_string(), after[a.cue.start..a.cue.end].to_string())
        })
    }

    fn leading(lead: &str) -> Option<String> {
        leading_cue(lead, 0).map(|a| lead[a.mention.span.start..a.mention.span.end].to_string())
    }

    #[test]
    fn cue_after_name_then_verb() {
        assert_eq!(trailing(" Rama said in a video address."), Some(("Rama".into(), "Rama said".into())));
        assert_eq!(
            trailing(" UK Foreign Secretary James Cleverly said in a statement."),
            Some(("UK Foreign Secretary James Cleverly".into(), "UK Foreign Secretary James Cleverly said".into()))
        );
        assert_eq!(
            trailing(" the White House said in a statement."),
            Some(("White House".into(), "the White House said".into()))
        );
        assert_eq!(trailing(" he added."), Some(("he".into(), "he added".into())));
    }

    #[test]
    fn cue_after_verb_then_name() {
        assert_eq!(
            trailing(" said John Hultquist, the Mandiant’s vice president, said Wednesday."),
            Some(("John Hultquist".into(), "said John Hultquist".into()))
        );
        assert_eq!(
            trailing(" said a statement by the White House’s NSC spokesperson, Adrienne Watson.").map(|(m, _)| m),
            Some("Adrienne Watson".into())
        );
        assert_eq!(trailing(" according to Edi Rama.").map(|(m, _)| m), Some("Edi Rama".into()));
    }

    #[test]
    fn no_cue_in_plain_narration() {
        assert_eq!(trailing(" with the damage being minimal."), None);
        assert_eq!(trailing(" The summit was later canceled."), None);
        assert_eq!(trailing(" “Another quote,” he said."), None);
    }

    #[test]
    fn cue_before_the_quotation() {
        assert_eq!(leading("Rama said: "), Some("Rama".into()));
        assert_eq!(leading("In a video statement, Rama noted that "), Some("Rama".into()));
        assert_eq!(leading("According to Edi Rama, the July cyberattacks "), Some("Edi Rama".into()));
        assert_eq!(
            leading("Stating that Iran engaged four groups for the attack against Albania, Rama said, "),
            Some("Rama".into())
        );
        assert_eq!(
            leading(
                "The United States also weighed in, with National Security Council spokesperson Adrienne Watson saying that Washington "
            ),
            Some("Adrienne Watson".into())
        );
        assert_eq!(leading("The prime minister went on to say that the attack "), Some("The prime minister".into()));
        assert_eq!(leading("However, in his view, the agencies managed to "), Some("his".into()));
        assert_eq!(
            leading(
                "Among those who point to Tehran is also the United States, a close ally of Albania, which is announcing at this time "
            ),
            Some("United States".into())
        );
        assert_eq!(leading("The attack was minimal and "), None);
        assert_eq!(leading("Rama told Reuters that "), Some("Rama".into()));
        // A speaker named by its role, as written.
        assert_eq!(leading("The official told Reuters that "), Some("The official".into()));
    }
}
