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
    "observed", "predicted",
];

/// Words of a title in front of a name ("UK Foreign Secretary", "Prime
/// Minister"). Nationality adjectives and short acronyms count too.
#[rustfmt::skip]
const TITLE_WORDS: &[&str] = &[
    "prime", "minister", "president", "vice", "foreign", "secretary", "spokesperson",
    "spokesman", "spokeswoman", "chancellor", "senator", "sen", "governor", "gov", "ambassador",
    "general", "gen", "director", "chief", "head", "mr", "mrs", "ms", "dr", "prof", "king",
    "queen", "pope", "deputy", "interior", "defense", "defence", "justice", "finance",
    "adviser", "advisor", "analyst", "judge", "mayor", "leader", "supreme", "chairman",
    "chairwoman", "commissioner", "envoy", "premier", "officer", "official",
];

/// Title abbreviations written with a full stop before a name.
const TITLE_ABBREVIATIONS: &[&str] =
    &["mr", "mrs", "ms", "dr", "prof", "sen", "gov", "rep", "gen", "lt", "col", "sgt", "capt", "st"];

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
    "tensions", "stating", "noting", "adding", "saying",
];

/// Prepositions that make the next mention an object, not a speaker.
const PREPOSITIONS: &[&str] = &[
    "of", "to", "on", "against", "with", "from", "in", "at", "into", "about", "over", "toward", "towards", "between",
    "for",
];

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
}

impl Tok<'_> {
    fn lower(&self) -> String {
        self.text.to_lowercase()
    }

    fn capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// The word without a possessive `’s`.
    fn base(&self) -> &str {
        self.text.strip_suffix("’s").or_else(|| self.text.strip_suffix("'s")).unwrap_or(self.text)
    }

    fn possessive(&self) -> bool {
        self.base().len() != self.text.len()
    }

    /// Does a clause or sentence break follow the word?
    fn breaks_after(&self) -> bool {
        // "Dr. Jane Smith": the full stop of a title abbreviation.
        if self.trail == "." && TITLE_ABBREVIATIONS.contains(&self.lower().as_str()) {
            return self.gap_after;
        }
        self.gap_after
            || self
                .trail
                .chars()
                .any(|c| matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | '“' | '”' | '"' | '(' | ')' | '—' | '–'))
    }
}

/// Splits `text` (at byte `offset` of its article) into words.
pub fn tokens(text: &str, offset: usize) -> Vec<Tok<'_>> {
    let mut out: Vec<Tok> = Vec::new();
    let mut pos = 0;
    for chunk in text.split_inclusive(char::is_whitespace) {
        let word = chunk.trim_end();
        let core_start = word.char_indices().find(|(_, c)| c.is_alphanumeric()).map(|(i, _)| i);
        if core_start.is_none()
            && (!word.is_empty() || chunk.contains('\n'))
            && let Some(last) = out.last_mut()
        {
            last.gap_after = true;
        }
        if let Some(cs) = core_start {
            let core_end = word
                .char_indices()
                .rev()
                .find(|(_, c)| c.is_alphanumeric())
                .map(|(i, c)| i + c.len_utf8())
                .unwrap_or(word.len());
            out.push(Tok {
                text: &word[cs..core_end],
                start: offset + pos + cs,
                end: offset + pos + core_end,
                trail: &word[core_end..],
                lead: &word[..cs],
                gap_after: chunk.ends_with('\n'),
            });
        }
        pos += chunk.len();
    }
    out
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
    /// "he" or "she".
    Pronoun,
    /// "the White House", "Iran".
    Body(String),
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
    let lower = word.to_lowercase();
    let lower = lower.trim_end_matches('.');
    TITLE_WORDS.contains(&lower)
        || is_nationality(word)
        || ((2..=4).contains(&word.chars().filter(|c| c.is_alphabetic()).count())
            && word.chars().all(|c| c.is_uppercase() || c == '.'))
}

fn is_nationality(word: &str) -> bool {
    let lower = word.to_lowercase();
    word.chars().next().is_some_and(char::is_uppercase)
        && ["ian", "ean", "ese", "ish"].iter().any(|s| lower.ends_with(s) && lower.len() > s.len() + 2)
}

/// The mentions in a run of tokens.
pub fn mentions(toks: &[Tok]) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        let lower = t.lower();
        let prev = i.checked_sub(1).map(|j| toks[j]);
        let object =
            prev.is_some_and(|p| !p.breaks_after() && (PREPOSITIONS.contains(&p.lower().as_str()) || p.possessive()));
        if lower == "he" || lower == "she" {
            out.push(Mention { span: Span::new(t.start, t.end), who: Who::Pronoun, object });
            i += 1;
            continue;
        }
        if let Some((len, key)) = role_phrase(toks, i) {
            let end = toks[i + len - 1].end;
            out.push(Mention { span: Span::new(t.start, end), who: Who::Role(key.to_string()), object });
            i += len;
            continue;
        }
        if !t.capitalised() || NOT_NAMES.contains(&lower.as_str()) || is_speech_verb(&lower) {
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
            if n.capitalised() && !NOT_NAMES.contains(&n.lower().as_str()) {
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
        let object = object
            || (after_the
                && i >= 2
                && !toks[i - 2].breaks_after()
                && PREPOSITIONS.contains(&toks[i - 2].lower().as_str()))
            || run[run.len() - 1].possessive();
        out.push(Mention {
            span: Span::new(run[0].start, run[run.len() - 1].end),
            who: classify_run(run, after_the),
            object,
        });
        i = j + 1;
    }
    out
}

/// "the [Albanian] prime minister" at `i`: its length in tokens and role key.
fn role_phrase(toks: &[Tok], i: usize) -> Option<(usize, &'static str)> {
    if toks[i].lower() != "the" || toks[i].breaks_after() {
        return None;
    }
    let mut k = i + 1;
    while k < toks.len() && is_nationality(toks[k].text) && !toks[k].breaks_after() {
        k += 1;
    }
    for (phrase, key) in ROLE_PHRASES {
        let words: Vec<&str> = phrase.split(' ').collect();
        if k + words.len() > toks.len() {
            continue;
        }
        let fits = words.iter().enumerate().all(|(n, w)| {
            let t = toks[k + n];
            t.text == *w && (n + 1 == words.len() || !t.breaks_after())
        });
        // "the prime minister Edi Rama" is a titled name, not a role.
        let named_after =
            toks.get(k + words.len()).is_some_and(|t| t.capitalised() && !toks[k + words.len() - 1].breaks_after());
        if fits && !named_after {
            return Some((k + words.len() - i, key));
        }
    }
    None
}

fn classify_run(run: &[Tok], after_the: bool) -> Who {
    // Everything up to the last title word is the title, as long as a name
    // is left: "Senate Minority Leader Mitch McConnell".
    let k = run[..run.len() - 1].iter().rposition(|t| is_title_word(t.text)).map_or(0, |i| i + 1);
    let k = if k == 0 && run.len() == 1 && is_title_word(run[0].text) { 1 } else { k };
    let title: Vec<String> = run[..k]
        .iter()
        .filter(|t| is_title_word(t.text) && !is_nationality(t.text) && t.text.chars().any(char::is_lowercase))
        .map(|t| t.lower())
        .collect();
    let role = (!title.is_empty()).then(|| title.join(" "));
    let rest = &run[k..];
    let words: Vec<&str> = rest.iter().map(|t| t.base()).collect();
    if words.is_empty() {
        return match role {
            Some(r) => Who::Role(r),
            None => Who::Body(run.iter().map(|t| t.base()).collect::<Vec<_>>().join(" ")),
        };
    }
    let last = words[words.len() - 1].to_lowercase();
    let joined = words.join(" ");
    let org = ORG_WORDS.contains(&last.as_str())
        || words.iter().any(|w| matches!(*w, "of" | "for"))
        || (after_the && role.is_none());
    if org {
        Who::Body(joined)
    } else if words.len() >= 2 || role.is_some() {
        // "Edi Rama", or "President Raisi".
        Who::Person { name: joined, role }
    } else {
        Who::Word(joined)
    }
}

pub fn is_speech_verb(lower: &str) -> bool {
    SPEECH_VERBS.contains(&lower)
}

/// Every person named across the analysis, for merging name forms.
#[derive(Clone, Debug, Default)]
pub struct Names {
    /// Full names (two words or more), with how often they were seen.
    full: BTreeMap<String, usize>,
}

impl Names {
    pub fn add(&mut self, name: &str) {
        if name.split(' ').count() >= 2 {
            *self.full.entry(name.to_string()).or_default() += 1;
        }
    }

    /// The canonical form of a person name: the fullest known name that ends
    /// with the same words (so "Rama" and "Edi Rama" become "Edi Rama").
    /// `None` when a surname fits several different people.
    pub fn canonical(&self, name: &str) -> Option<String> {
        let fits: Vec<&String> =
            self.full.keys().filter(|full| *full == name || full.ends_with(&format!(" {name}"))).collect();
        // Keep the fullest forms; shorter ones that are suffixes of a longer
        // known form are the same person.
        let fullest: Vec<&String> = fits
            .iter()
            .copied()
            .filter(|f| !fits.iter().any(|g| g.len() > f.len() && g.ends_with(&format!(" {f}"))))
            .collect();
        match fullest.as_slice() {
            // Not named in full anywhere: keep the form given ("President
            // Raisi" → "Raisi").
            [] => Some(name.to_string()),
            [one] => Some((*one).clone()),
            _ => None,
        }
    }

    /// Is this single word the surname of a known person?
    pub fn is_surname(&self, word: &str) -> bool {
        self.full.keys().any(|f| f.ends_with(&format!(" {word}")))
    }
}

/// What an article knows about its people, in text order.
#[derive(Clone, Debug, Default)]
pub struct ArticlePeople {
    /// Each person mention outside quotations: position and canonical name.
    pub persons: Vec<(usize, String)>,
    /// Role key → canonical names given that title in this article.
    pub roles: BTreeMap<String, Vec<String>>,
}

impl ArticlePeople {
    /// The last person named before byte `pos`.
    pub fn last_person_before(&self, pos: usize) -> Option<&str> {
        self.persons.iter().rev().find(|(p, _)| *p < pos).map(|(_, n)| n.as_str())
    }
}

/// Role keys in a title: "foreign secretary" from "foreign secretary", and
/// "prime minister" from "prime minister".
fn role_keys(title: &str) -> Vec<&'static str> {
    ROLE_PHRASES.iter().filter(|(phrase, _)| title.ends_with(phrase)).map(|(_, key)| *key).collect()
}

/// Resolves a mention to a canonical speaker name.
pub fn resolve(
    mention: &Mention,
    names: &Names,
    people: &ArticlePeople,
    all_roles: &BTreeMap<String, Vec<String>>,
) -> Option<String> {
    match &mention.who {
        Who::Person { name, .. } => names.canonical(name).or_else(|| {
            // A surname shared by several people: the one named last here.
            people
                .persons
                .iter()
                .rev()
                .find(|(p, n)| *p < mention.span.start && n.ends_with(&format!(" {name}")))
                .map(|(_, n)| n.clone())
        }),
        Who::Word(w) => {
            if names.is_surname(w) {
                names.canonical(w).or_else(|| {
                    people.persons.iter().rev().find(|(_, n)| n.ends_with(&format!(" {w}"))).map(|(_, n)| n.clone())
                })
            } else {
                Some(w.clone())
            }
        }
        Who::Pronoun => people.last_person_before(mention.span.start).map(str::to_string),
        Who::Role(key) => {
            let local = people.roles.get(key);
            let pick = |v: &Vec<String>| {
                let mut v = v.clone();
                v.sort();
                v.dedup();
                (v.len() == 1).then(|| v[0].clone())
            };
            local.and_then(pick).or_else(|| all_roles.get(key).and_then(pick))
        }
        Who::Body(b) => Some(b.clone()),
    }
}

/// Builds an article's people from the mentions outside its quotations.
pub fn article_people(text: &str, paragraphs: &[Span], quoted: &[Span], names: &Names) -> ArticlePeople {
    let mut people = ArticlePeople::default();
    for m in prose_mentions(text, paragraphs, quoted) {
        let (name, role) = match &m.who {
            Who::Person { name, role } => (name.clone(), role.clone()),
            Who::Word(w) if names.is_surname(w) => (w.clone(), None),
            _ => continue,
        };
        let Some(canonical) = names.canonical(&name) else {
            continue;
        };
        if let Some(role) = role {
            for key in role_keys(&role) {
                people.roles.entry(key.to_string()).or_default().push(canonical.clone());
            }
        }
        people.persons.push((m.span.start, canonical));
    }
    people
}

/// Mentions in the prose of an article, outside quotations.
pub fn prose_mentions(text: &str, paragraphs: &[Span], quoted: &[Span]) -> Vec<Mention> {
    let mut out = Vec::new();
    for p in paragraphs {
        let toks = tokens(&text[p.start..p.end], p.start);
        out.extend(
            mentions(&toks)
                .into_iter()
                .filter(|m| !quoted.iter().any(|q| q.start <= m.span.start && m.span.end <= q.end)),
        );
    }
    out
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
}

/// The cue after a quotation: `," Rama said`, `," said Rama`, `," he added`.
/// `after` is the text from the closing mark to the end of the paragraph.
pub fn trailing_cue(after: &str, offset: usize) -> Option<Attribution> {
    let leading_punct = after.len() - after.trim_start_matches([',', ' ', ';']).len();
    if after[leading_punct..].starts_with(['“', '"', '«', '„']) {
        return None;
    }
    // The clause: up to the end of the sentence or the next quotation.
    let clause_end = clause_end(after, leading_punct);
    let toks = tokens(&after[..clause_end], offset);
    let toks: Vec<Tok> = toks.into_iter().take(14).collect();
    let first = toks.first()?;
    let lower = first.lower();
    if is_speech_verb(&lower) || (lower == "according" && toks.get(1)?.lower() == "to") {
        // "said Rama", "said a statement by the White House’s NSC
        // spokesperson, Adrienne Watson": a person in the phrase first.
        let skip = if lower == "according" { 2 } else { 1 };
        let found = mentions(&toks[skip..]);
        let pick = found
            .iter()
            .find(|m| matches!(m.who, Who::Person { .. }))
            .or_else(|| found.iter().find(|m| !matches!(m.who, Who::Word(_))))
            .or_else(|| found.first())?
            .clone();
        return Some(Attribution { cue: Span::new(first.start, pick.span.end), mention: pick, explicit: true });
    }
    // "Rama said", "UK Foreign Secretary James Cleverly said", "he added".
    let verb = toks.iter().take(9).position(|t| is_speech_verb(&t.lower()))?;
    let before = &toks[..verb];
    if before.iter().take(verb.saturating_sub(1)).any(|t| t.breaks_after()) {
        return None;
    }
    let found = mentions(before);
    let last = found.last()?;
    // The speaker phrase must reach the verb and start the clause (after an
    // article: "the White House said").
    let first_word = usize::from(matches!(before[0].lower().as_str(), "the" | "a" | "an"));
    let opens = before.get(first_word).is_some_and(|t| t.start == found[0].span.start)
        || found[0].span.start == before[0].start;
    if last.span.end != before.last()?.end || !opens {
        return None;
    }
    Some(Attribution { cue: Span::new(before[0].start, toks[verb].end), mention: last.clone(), explicit: true })
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
                let abbreviation = TITLE_ABBREVIATIONS.contains(&word.as_str());
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
            return Some(Attribution { cue: Span::new(toks[v].start, pick.span.end), mention: pick, explicit: true });
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
                    who: Who::Pronoun,
                    object: false,
                },
                explicit: false,
            });
        }
        // A capitalised "Says" or "Notes" inside a sentence is a name or a
        // title, not a verb.
        if !is_speech_verb(&lower) || (v > 0 && toks[v].capitalised()) {
            continue;
        }
        // The nearest subject before the verb.
        if let Some(m) = found.iter().rev().find(|m| m.span.end <= toks[v].start && !m.object) {
            return Some(Attribution { cue: Span::new(m.span.start, toks[v].end), mention: m.clone(), explicit: true });
        }
        // "said Rama: …" (inverted; but "told Reuters" names the listener).
        if matches!(lower.as_str(), "told" | "tells" | "asked") {
            continue;
        }
        if let Some(m) =
            found.iter().find(|m| toks.get(v + 1).is_some_and(|n| n.start == m.span.start && !toks[v].breaks_after()))
        {
            return Some(Attribution { cue: Span::new(toks[v].start, m.span.end), mention: m.clone(), explicit: true });
        }
    }
    // "For Prime Minister Edi Rama, there is “…”"
    if toks[0].lower() == "for"
        && let Some(m) = found.first().filter(|m| {
            toks.get(1).is_some_and(|t| t.start == m.span.start)
                && toks.iter().any(|t| t.end == m.span.end && t.breaks_after())
        })
    {
        return Some(Attribution { cue: Span::new(toks[0].start, m.span.end), mention: m.clone(), explicit: false });
    }
    // The sentence's subject: a person or pronoun that opens it.
    let first = found.first()?;
    if first.span.start == toks[0].start
        && !first.object
        && matches!(first.who, Who::Person { .. } | Who::Pronoun | Who::Role(_) | Who::Word(_))
    {
        return Some(Attribution { cue: first.span, mention: first.clone(), explicit: false });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn whos(text: &str) -> Vec<Who> {
        mentions(&tokens(text, 0)).into_iter().map(|m| m.who).collect()
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
            vec![Who::Body("National Security Council".into()), person("Adrienne Watson", None)]
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
            vec![Who::Body("White House".into()), Who::Role("prime minister".into()), Who::Pronoun]
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
        assert_eq!(leading("The official told Reuters that "), None);
    }
}
