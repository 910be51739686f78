//! A deterministic benchmark corpus: `N` news articles about `S` made-up
//! stories, written by outlets that share facts the way real coverage does.
//!
//! Shared by `examples/synth_corpus.rs` (writes a folder) and the criterion
//! benchmarks (analyse in memory). Nothing is downloaded; the same
//! `(articles, stories, seed)` gives byte-identical files.
//!
//! Each story has people with roles, places, an organisation, a date, about
//! forty facts (subject, verb, object, often a number, a date expression and
//! a place), a handful of quotations and background sentences. Each article
//! (20–60 sentences) takes a story's facts, lead facts most often, and writes
//! them in one of these ways:
//! - near-verbatim wire copy (one word swapped at most);
//! - reworded: synonyms, the subject named differently ("Interior Minister
//!   Mara Velik", "Velik", "the minister"), the date and place moved to the
//!   front or dropped, an explicit date instead of a weekday;
//! - with a changed number (a tenth of the time);
//!
//! and adds quotations in full (“…,” Velik said), in fragments (Velik called
//! it “a grave and needless mistake”), as reported speech (Velik said that …),
//! background shared by some outlets, and sentences of its own drawn from a
//! Zipf-distributed vocabulary of 30,000 words (so most text is unrelated,
//! as in a real folder). Some articles carry front matter, some a dateline,
//! some only a file name to take the outlet from.

#![allow(dead_code)] // each bench or example uses part of it

use std::fmt::Write as _;

/// splitmix64: small, fast and good enough for test data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// A Zipf-like draw over `0..n`: small indices are common.
    pub fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        ((n as f64).powf(u) as usize).saturating_sub(1).min(n - 1)
    }
}

/// One generated file.
pub struct Doc {
    pub file: String,
    pub content: String,
    /// The fact sentences of the article as written, each with its fact
    /// (story, fact index): what the aligner should group across outlets.
    pub facts: Vec<(String, (usize, usize))>,
}

const FIRST: &[&str] = &[
    "Mara", "Jonas", "Elif", "Tomas", "Ines", "Karim", "Lena", "Pavel", "Noor", "Ruben", "Sofia", "Daniel", "Amara",
    "Viktor", "Hana", "Oskar", "Leila", "Marco", "Yara", "Felix", "Irena", "Samuel", "Dalia", "Anton", "Mira", "Hugo",
    "Selin", "Tariq", "Greta", "Nils",
];
const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ter", "san", "vo", "ri", "del", "por", "ne", "tu", "ba", "gor", "fi", "zan", "mel", "vik", "ra",
    "dun", "esh", "ol", "bra", "tis", "mon", "quel", "ar", "ven", "sto", "lin", "hav",
];
const OUTLET_A: &[&str] =
    &["Northern", "Daily", "Evening", "Coastal", "Metro", "National", "Valley", "Capital", "Harbour", "Central"];
const OUTLET_B: &[&str] =
    &["Ledger", "Herald", "Courier", "Post", "Observer", "Times", "Gazette", "Tribune", "Journal", "Record"];
const WIRES: &[&str] = &["Continental Press", "World Wire Service", "United News Agency"];
const ROLES: &[(&str, &str)] = &[
    ("Interior Minister", "the minister"),
    ("Prime Minister", "the prime minister"),
    ("Mayor", "the mayor"),
    ("police spokesperson", "the spokesperson"),
    ("Health Minister", "the minister"),
    ("chief executive", "the executive"),
    ("opposition leader", "the opposition leader"),
    ("fire chief", "the chief"),
    ("union leader", "the union leader"),
    ("central bank governor", "the governor"),
];
const ORG_KIND: &[&str] = &["Port Authority", "Energy Company", "Water Board", "Rail Network", "Mining Group"];
/// Synonym sets: the first word is the wire's, the others rewordings.
const VERBS: &[&[&str]] = &[
    &["announced", "unveiled", "declared"],
    &["approved", "passed", "backed"],
    &["rejected", "dismissed", "turned down"],
    &["suspended", "halted", "froze"],
    &["ordered", "instructed"],
    &["cancelled", "called off", "scrapped"],
    &["blocked", "stopped"],
    &["launched", "opened", "began"],
    &["closed", "shut"],
    &["expanded", "widened", "extended"],
    &["investigated", "examined", "looked into"],
    &["confirmed", "verified"],
];
const NOUNS: &[&[&str]] = &[
    &["plan", "proposal", "scheme"],
    &["investigation", "inquiry", "probe"],
    &["agreement", "deal", "accord"],
    &["talks", "negotiations"],
    &["evacuation", "withdrawal"],
    &["contract", "tender"],
    &["budget", "spending plan"],
    &["curfew", "night-time restriction"],
    &["strike", "walkout", "stoppage"],
    &["rescue operation", "rescue effort"],
    &["reform", "overhaul"],
    &["merger", "takeover"],
    &["inspection", "audit", "review"],
    &["subsidy", "support payment"],
];
const ADJECTIVES: &[&[&str]] = &[
    &["emergency", "urgent"],
    &["controversial", "disputed"],
    &["long-awaited", "delayed"],
    &["nationwide", "national"],
    &["temporary", "interim"],
    &["major", "large"],
    &["new", "fresh"],
];
const OBJECT_TAILS: &[&[&str]] = &[
    &["for the harbour district", "covering the harbour district"],
    &["after weeks of protests", "following weeks of demonstrations"],
    &["to rebuild damaged homes", "to repair homes that were damaged"],
    &["over safety concerns", "citing safety worries"],
    &["despite objections from residents", "although residents objected"],
    &["to cut water losses", "to reduce losses of water"],
    &["for the northern railway", "on the northern rail line"],
    &["after the collapse of a bridge", "once a bridge had collapsed"],
    &["amid rising fuel prices", "as fuel prices climbed"],
    &["for striking dock workers", "for dock workers on strike"],
];
const UNITS: &[&[&str]] = &[
    &["people", "residents"],
    &["homes", "houses"],
    &["workers", "employees"],
    &["families", "households"],
    &["million dollars", "million dollars"],
    &["schools", "schools"],
    &["flights", "flights"],
    &["officers", "police officers"],
];
const NUMBER_LEADS: &[&[&str]] =
    &[&["affecting", "which affects"], &["worth", "valued at"], &["involving", "that involves"], &["for", "covering"]];
const SAY: &[&str] = &["said", "told reporters", "said in a statement", "told a news conference", "added"];
const FRAGMENT_VERBS: &[&str] = &["called the decision", "described the move as", "said it was", "warned of"];
const QUOTE_OPEN: &[&str] = &["We", "This", "Nobody", "Our city", "The government", "Every family"];
const QUOTE_VERBS: &[&str] = &[
    "will not accept",
    "cannot ignore",
    "has to rebuild",
    "must protect",
    "will never forget",
    "needs to see",
    "has waited too long for",
    "deserves to understand",
];
const QUOTE_OBJECTS: &[&str] = &[
    "a plan written behind closed doors",
    "the damage done to the harbour",
    "the families who lost their homes",
    "a deal that nobody voted for",
    "the workers who kept the port running",
    "answers about the bridge",
    "the truth about the contracts",
    "a grave and needless mistake",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const COMMON: &[&str] = &[
    "the",
    "a",
    "of",
    "to",
    "in",
    "and",
    "for",
    "on",
    "with",
    "that",
    "was",
    "is",
    "by",
    "at",
    "from",
    "as",
    "were",
    "which",
    "their",
    "after",
    "into",
    "over",
    "new",
    "local",
    "city",
    "year",
    "officials",
    "week",
    "region",
    "government",
    "people",
    "months",
    "report",
    "public",
    "council",
    "state",
    "plans",
    "service",
    "time",
    "area",
];

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// A made-up proper noun ("Velik", "Tisdorvan") of `parts` syllables.
fn name(rng: &mut Rng, parts: usize) -> String {
    let mut s = String::new();
    for _ in 0..parts {
        s.push_str(SYLLABLES[rng.below(SYLLABLES.len())]);
    }
    capitalise(&s)
}

/// Word `i` of the made-up vocabulary (index 0 most common).
fn vocabulary_word(i: usize) -> String {
    let mut w = String::new();
    let mut k = i + 7;
    while k > 0 {
        w.push_str(SYLLABLES[k % SYLLABLES.len()]);
        k /= SYLLABLES.len();
    }
    w
}

struct Person {
    first: String,
    last: String,
    role: &'static str,
    short_role: &'static str,
}

struct Fact {
    subject: usize,
    verb: usize,
    adjective: Option<usize>,
    noun: usize,
    /// Two of the story's own words the fact is about ("the Tisdorvan
    /// levee"): outlets keep them whatever else they reword.
    topic: (usize, usize),
    tail: usize,
    number: Option<(u32, usize, usize)>,
    /// Day offset from the story date, and whether the wire writes it as a
    /// weekday.
    date: Option<(i64, bool)>,
    place: Option<usize>,
}

struct Quotation {
    speaker: usize,
    opener: usize,
    verb: usize,
    object: usize,
    extra: String,
}

struct Story {
    people: Vec<Person>,
    places: Vec<String>,
    org: String,
    year: i32,
    month: u32,
    day: u32,
    facts: Vec<Fact>,
    quotes: Vec<Quotation>,
    background: Vec<String>,
    /// Rare words this story uses, so its facts are distinctive at scale.
    rare: Vec<String>,
}

fn days_in(month: u32) -> u32 {
    [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][(month - 1) as usize]
}

/// (month, day) `offset` days from the story date (within a year).
fn shift(story: &Story, offset: i64) -> (u32, u32) {
    let (mut m, mut d) = (story.month, story.day as i64 + offset);
    while d < 1 {
        m = if m == 1 { 12 } else { m - 1 };
        d += days_in(m) as i64;
    }
    while d > days_in(m) as i64 {
        d -= days_in(m) as i64;
        m = if m == 12 { 1 } else { m + 1 };
    }
    (m, d as u32)
}

fn weekday(story: &Story, offset: i64) -> &'static str {
    // Any fixed mapping will do: the text only has to be consistent.
    let n = story.year as i64 * 372 + story.month as i64 * 31 + story.day as i64 + offset;
    WEEKDAYS[n.rem_euclid(7) as usize]
}

fn new_story(rng: &mut Rng, vocabulary: usize) -> Story {
    let people: Vec<Person> = (0..rng.range(4, 7))
        .map(|_| {
            let (role, short_role) = *rng.pick(ROLES);
            Person { first: rng.pick(FIRST).to_string(), last: name(rng, 2), role, short_role }
        })
        .collect();
    let places: Vec<String> = (0..rng.range(2, 4))
        .map(|_| {
            let parts = rng.range(2, 3);
            name(rng, parts)
        })
        .collect();
    let org = format!("{} {}", places[0], rng.pick(ORG_KIND));
    let rare: Vec<String> = (0..12).map(|_| vocabulary_word(vocabulary / 4 + rng.below(vocabulary * 3 / 4))).collect();
    let mut story = Story {
        people,
        places,
        org,
        year: 2015 + rng.below(10) as i32,
        month: rng.range(1, 12) as u32,
        day: rng.range(1, 28) as u32,
        facts: Vec::new(),
        quotes: Vec::new(),
        background: Vec::new(),
        rare,
    };
    let subjects = story.people.len() + 2;
    for _ in 0..rng.range(30, 45) {
        story.facts.push(Fact {
            subject: rng.below(subjects),
            verb: rng.below(VERBS.len()),
            adjective: rng.chance(0.6).then(|| rng.below(ADJECTIVES.len())),
            noun: rng.below(NOUNS.len()),
            topic: (rng.below(12), rng.below(12)),
            tail: rng.below(OBJECT_TAILS.len()),
            number: rng.chance(0.5).then(|| {
                let n = *rng.pick(&[3u32, 12, 24, 40, 75, 120, 300, 1200, 2500, 14000]) + rng.below(9) as u32;
                (n, rng.below(NUMBER_LEADS.len()), rng.below(UNITS.len()))
            }),
            date: rng.chance(0.5).then(|| (-(rng.below(10) as i64), rng.chance(0.5))),
            place: rng.chance(0.4).then(|| rng.below(story.places.len())),
        });
    }
    for _ in 0..rng.range(3, 6) {
        let extra = (0..rng.range(3, 8)).map(|_| story.rare[rng.below(story.rare.len())].clone()).collect::<Vec<_>>();
        story.quotes.push(Quotation {
            speaker: rng.below(story.people.len()),
            opener: rng.below(QUOTE_OPEN.len()),
            verb: rng.below(QUOTE_VERBS.len()),
            object: rng.below(QUOTE_OBJECTS.len()),
            extra: format!("and the {} of {}", extra[0], extra[1..].join(" ")),
        });
    }
    for _ in 0..rng.range(10, 16) {
        let s = filler(rng, vocabulary, &story.rare, &story.places);
        story.background.push(s);
    }
    story
}

/// A sentence of common words, Zipf-drawn vocabulary and now and then one
/// of the story's names or rare words.
fn filler(rng: &mut Rng, vocabulary: usize, rare: &[String], places: &[String]) -> String {
    let len = rng.range(12, 30);
    let mut words: Vec<String> = Vec::with_capacity(len);
    for i in 0..len {
        let w = match rng.below(10) {
            0..=3 => rng.pick(COMMON).to_string(),
            4 if !rare.is_empty() && rng.chance(0.3) => rare[rng.below(rare.len())].clone(),
            5 if i > 0 && rng.chance(0.2) => places[rng.below(places.len())].clone(),
            _ => vocabulary_word(rng.zipf(vocabulary)),
        };
        words.push(w);
    }
    let mut s = capitalise(&words.join(" "));
    if rng.chance(0.15) {
        let at = s.len() / 2;
        if let Some(space) = s[at..].find(' ') {
            s.insert(at + space, ',');
        }
    }
    s.push('.');
    s
}

/// How an outlet writes a story's facts.
#[derive(Clone, Copy, PartialEq)]
enum Style {
    /// Copies the wire, near verbatim.
    Wire,
    /// Rewrites in its own words.
    Reworded,
}

fn subject_phrase(story: &Story, subject: usize, rng: &mut Rng, style: Style, first_mention: bool) -> String {
    match story.people.get(subject) {
        Some(p) => match (style, first_mention, rng.below(3)) {
            (Style::Wire, true, _) | (Style::Reworded, true, 0) => format!("{} {} {}", p.role, p.first, p.last),
            (Style::Wire, false, _) | (Style::Reworded, _, 1) => p.last.clone(),
            (Style::Reworded, true, _) => format!("{} {}, the {},", p.first, p.last, p.role.to_lowercase()),
            (Style::Reworded, false, _) => p.short_role.to_string(),
        },
        None if subject == story.people.len() => match style {
            Style::Wire => format!("The {}", story.org),
            Style::Reworded => {
                if rng.chance(0.5) {
                    format!("The {}", story.org)
                } else {
                    "The operator".to_string()
                }
            }
        },
        None => match style {
            Style::Wire => format!("Officials in {}", story.places[0]),
            Style::Reworded => format!("{} authorities", story.places[0]),
        },
    }
}

fn date_phrase(story: &Story, offset: i64, as_weekday: bool, reword: bool) -> String {
    let (m, d) = shift(story, offset);
    let explicit = as_weekday == reword;
    if offset == 0 && !explicit {
        return "on Tuesday".replace("Tuesday", weekday(story, 0));
    }
    if explicit {
        if offset.abs() > 6 && reword {
            format!("in mid-{}", MONTHS[(m - 1) as usize])
        } else {
            format!("on {} {d}", MONTHS[(m - 1) as usize])
        }
    } else if offset < -6 {
        "last week".to_string()
    } else {
        format!("on {}", weekday(story, offset))
    }
}

/// One rendering of a fact.
fn fact_sentence(story: &Story, fact: &Fact, rng: &mut Rng, style: Style, first_mention: bool) -> String {
    let v = |set: &[&'static str], rng: &mut Rng| -> &'static str {
        if style == Style::Wire { set[0] } else { set[rng.below(set.len())] }
    };
    let subject = subject_phrase(story, fact.subject, rng, style, first_mention);
    let verb = v(VERBS[fact.verb], rng);
    let noun = v(NOUNS[fact.noun], rng);
    let adjective = fact.adjective.map(|a| v(ADJECTIVES[a], rng));
    let drop_adjective = style == Style::Reworded && rng.chance(0.3);
    let object = match adjective.filter(|_| !drop_adjective) {
        Some(a) => format!("{a} {noun}"),
        None => noun.to_string(),
    };
    let article = if object.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
    let tail = v(OBJECT_TAILS[fact.tail], rng);
    let (r1, r2) = (&story.rare[fact.topic.0], &story.rare[fact.topic.1]);
    let mut core = format!("{verb} {article} {object} on the {r1} {r2} {tail}");
    if let Some((n, lead, unit)) = fact.number {
        let mut n = n;
        if style == Style::Reworded && rng.chance(0.1) {
            n = n + n / 5 + 1;
        }
        let shown = if n >= 1000 { format!("{},{:03}", n / 1000, n % 1000) } else { n.to_string() };
        let _: std::fmt::Result = write!(core, " {} {shown} {}", v(NUMBER_LEADS[lead], rng), v(UNITS[unit], rng));
    }
    let date = fact.date.map(|(offset, weekday)| date_phrase(story, offset, weekday, style == Style::Reworded));
    let place = fact.place.map(|p| format!("in {}", story.places[p]));
    let front = style == Style::Reworded && rng.chance(0.35);
    let drop = style == Style::Reworded && rng.chance(0.2);
    let adjuncts: Vec<String> = date.into_iter().chain(place).collect();
    let subject = subject.trim_end_matches(',').to_string();
    let sentence = if adjuncts.is_empty() || drop {
        format!("{subject} {core}")
    } else if front {
        format!("{}, {} {core}", capitalise(&adjuncts.join(" ")), lower_first(&subject))
    } else {
        format!("{subject} {core} {}", adjuncts.join(" "))
    };
    let mut sentence = capitalise(&sentence);
    if style == Style::Wire && rng.chance(0.15) {
        // A wire copy with one word swapped by the desk.
        sentence = sentence.replacen(" the ", " this ", 1);
    }
    sentence.push('.');
    sentence
}

fn lower_first(s: &str) -> String {
    // Names stay capitalised; "The operator" does not.
    match s.strip_prefix("The ") {
        Some(rest) => format!("the {rest}"),
        None => s.to_string(),
    }
}

fn quotation_text(q: &Quotation) -> String {
    format!("{} {} {} {}", QUOTE_OPEN[q.opener], QUOTE_VERBS[q.verb], QUOTE_OBJECTS[q.object], q.extra)
}

/// A quotation in full, in a fragment, or as reported speech.
fn quote_sentence(story: &Story, q: &Quotation, rng: &mut Rng) -> String {
    let p = &story.people[q.speaker];
    let who = if rng.chance(0.5) { format!("{} {} {}", p.role, p.first, p.last) } else { p.last.clone() };
    let text = quotation_text(q);
    match rng.below(5) {
        0 | 1 => format!("“{text},” {who} {}.", rng.pick(SAY)),
        2 => format!("{who} said: “{text}.”"),
        3 => {
            let fragment = QUOTE_OBJECTS[q.object];
            format!("{who} {} “{fragment}”.", rng.pick(FRAGMENT_VERBS))
        }
        _ => {
            let reported = text.replacen("We ", "they ", 1).replacen("Our ", "their ", 1);
            let mut chars = reported.chars();
            let first = chars.next().map(|c| c.to_lowercase().chain(chars).collect::<String>()).unwrap_or_default();
            format!("{who} said that {first}.")
        }
    }
}

fn slug(s: &str) -> String {
    s.to_lowercase().replace(' ', "-")
}

/// An article: its text, whether it has front matter, and its fact
/// sentences with their fact index.
fn write_article(
    story: &Story,
    outlet: &str,
    rng: &mut Rng,
    vocabulary: usize,
) -> (String, bool, Vec<(String, usize)>) {
    let style = if WIRES.contains(&outlet) || rng.chance(0.25) { Style::Wire } else { Style::Reworded };
    let target = rng.range(20, 60);
    let mut sentences: Vec<String> = Vec::with_capacity(target);
    // Lead facts are reported by nearly everyone, later ones less often.
    let facts = story.facts.len();
    let share = rng.range(target / 3, target * 2 / 3).min(facts);
    let mut chosen: Vec<usize> = (0..facts).filter(|&i| rng.chance(1.0 - i as f64 / (facts as f64 * 1.3))).collect();
    chosen.truncate(share);
    let mut mentioned = vec![false; story.people.len() + 2];
    let mut written = Vec::with_capacity(chosen.len());
    for &f in &chosen {
        let fact = &story.facts[f];
        let first = !mentioned[fact.subject];
        mentioned[fact.subject] = true;
        let sentence = fact_sentence(story, fact, rng, style, first);
        written.push((sentence.clone(), f));
        sentences.push(sentence);
    }
    for q in &story.quotes {
        if rng.chance(0.6) {
            let at = rng.below(sentences.len() + 1);
            let s = quote_sentence(story, q, rng);
            sentences.insert(at.max(1).min(sentences.len()), s);
        }
    }
    for b in &story.background {
        if sentences.len() < target && rng.chance(0.3) {
            sentences.push(b.clone());
        }
    }
    while sentences.len() < target {
        let at = rng.range(1, sentences.len());
        sentences.insert(at, filler(rng, vocabulary, &story.rare, &story.places));
    }
    let (m, d) = shift(story, rng.below(2) as i64);
    let date = format!("{}-{m:02}-{d:02}", story.year);
    let headline = {
        let lead = &story.facts[0];
        let s = fact_sentence(story, lead, rng, Style::Reworded, false);
        let words: Vec<&str> = s.trim_end_matches('.').split(' ').take(9).collect();
        words.join(" ")
    };
    let mut text = String::new();
    let front_matter = rng.chance(0.6);
    if front_matter {
        let _: std::fmt::Result = writeln!(text, "---\ntitle: {headline}\nsource: {outlet}\ndate: {date}\n---");
    } else {
        let _: std::fmt::Result = writeln!(text, "{headline}\n");
    }
    let mut in_paragraph = 0;
    for (k, s) in sentences.iter().enumerate() {
        if k == 0 && !front_matter && rng.chance(0.5) {
            let _: std::fmt::Result =
                write!(text, "{}, {} {d} ({outlet}) – ", story.places[0].to_uppercase(), MONTHS[(m - 1) as usize]);
        }
        text.push_str(s);
        in_paragraph += 1;
        if in_paragraph >= rng.range(1, 3) {
            text.push_str("\n\n");
            in_paragraph = 0;
        } else {
            text.push(' ');
        }
    }
    (text, front_matter, written)
}

/// `articles` articles over `stories` stories (at least one), in file-name
/// order. About thirty outlets cover each story when `stories` is
/// `articles / 30`.
pub fn generate(articles: usize, stories: usize, seed: u64) -> Vec<Doc> {
    let stories = stories.clamp(1, articles.max(1));
    let mut rng = Rng::new(seed);
    let vocabulary = 30_000;
    let outlets: Vec<String> = OUTLET_A
        .iter()
        .flat_map(|a| OUTLET_B.iter().map(move |b| format!("{a} {b}")))
        .chain(WIRES.iter().map(|w| w.to_string()))
        .collect();
    let mut docs = Vec::with_capacity(articles);
    let mut story_rng = Rng::new(seed ^ 0x0570_31e5);
    let all: Vec<Story> = (0..stories).map(|_| new_story(&mut story_rng, vocabulary)).collect();
    for n in 0..articles {
        let s = n % stories;
        let outlet = &outlets[(n / stories + s * 7) % outlets.len()];
        let (content, front_matter, facts) = write_article(&all[s], outlet, &mut rng, vocabulary);
        let facts = facts.into_iter().map(|(sentence, f)| (sentence, (s, f))).collect();
        let file = if front_matter {
            format!("s{s:05}-{n:06}.md")
        } else {
            // Only the file name tells the outlet: "northern-ledger_3fa2….txt".
            format!("{}_{:016x}.txt", slug(outlet), rng.next_u64())
        };
        docs.push(Doc { file, content, facts });
    }
    docs.sort_by(|a, b| a.file.cmp(&b.file));
    docs
}

/// The default number of stories for `articles` articles: about thirty
/// outlets per story.
pub fn default_stories(articles: usize) -> usize {
    articles.div_ceil(30).max(1)
}
