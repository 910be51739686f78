//! Word lists for attribution: who can speak, who cannot, and the verbs
//! that report speech.
//!
//! Small closed lists, all lower-case, looked up by exact word. They hold
//! what a rule needs to tell a speaker from a place, an outlet or a month;
//! they are not a gazetteer of the world (see `docs/quotes.md` for what a
//! list this size misses).

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A word hash for short keys: eight bytes at a time, then one final mix.
/// The words looked up are short and not chosen by an attacker, so this
/// beats the default SipHash (and byte-by-byte FNV) by a wide margin here.
/// (Named for the FNV-1a it replaced; no map hashed with it is iterated, so
/// the hash function decides no order.)
#[derive(Default)]
pub struct Fnv(u64);

/// An odd constant with well-spread bits (from wyhash).
const MIX: u64 = 0x9e37_79b9_7f4a_7c15;

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        // Spread the high bits down: the table takes its bucket from the
        // low bits and its tag from the top seven.
        let h = self.0;
        (h ^ (h >> 29)).wrapping_mul(MIX) ^ (h >> 32)
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            h = (h ^ u64::from_le_bytes(b)).wrapping_mul(MIX).rotate_left(31);
        }
        // The last bytes packed by hand (a copy of a variable length would
        // call `memcpy`); the length keeps "ab" apart from "ab\0".
        let tail = chunks.remainder().iter().rev().fold(0u64, |t, &b| (t << 8) | u64::from(b));
        h = (h ^ tail ^ ((bytes.len() as u64) << 56)).wrapping_mul(MIX).rotate_left(31);
        self.0 = h;
    }
}

/// A set of words hashed with [`Fnv`].
pub type FnvSet<T> = HashSet<T, BuildHasherDefault<Fnv>>;

/// A word list as a set, built once: look-ups cost one hash, not a scan.
pub struct WordSet {
    build: fn() -> FnvSet<&'static str>,
    built: OnceLock<Indexed>,
}

/// A word list with a filter that turns most words away before hashing
/// them: a bit set over a few bytes of each word (its length, first,
/// second and last bytes), so a word not listed rarely costs more than
/// four loads and a multiplication.
struct Indexed {
    set: FnvSet<&'static str>,
    /// Bit [`filter_bit`] of every listed word is set.
    filter: [u64; FILTER_WORDS],
}

/// Size of the filter, in 64-bit words (4,096 bits: a few per cent of
/// false positives for the longest lists here).
const FILTER_WORDS: usize = 64;

/// The filter bit of a non-empty word.
fn filter_bit(word: &[u8]) -> usize {
    let (first, last) = (word[0], word[word.len() - 1]);
    let second = word.get(1).copied().unwrap_or(0);
    let key = (word.len().min(255) as u32) | u32::from(first) << 8 | u32::from(second) << 16 | u32::from(last) << 24;
    // The top twelve bits of a multiplicative hash.
    (key.wrapping_mul(0x9e37_79b1) >> 20) as usize
}

impl Indexed {
    fn new(set: FnvSet<&'static str>) -> Self {
        let mut filter = [0u64; FILTER_WORDS];
        for w in set.iter().filter(|w| !w.is_empty()) {
            let bit = filter_bit(w.as_bytes());
            filter[bit / 64] |= 1 << (bit % 64);
        }
        Self { set, filter }
    }

    fn has(&self, word: &str) -> bool {
        if word.is_empty() {
            return self.set.contains(word);
        }
        let bit = filter_bit(word.as_bytes());
        self.filter[bit / 64] & (1 << (bit % 64)) != 0 && self.set.contains(word)
    }
}

impl WordSet {
    pub const fn new(f: fn() -> FnvSet<&'static str>) -> Self {
        Self { build: f, built: OnceLock::new() }
    }

    /// Is `word` (already in lower case) listed?
    pub fn has(&self, word: &str) -> bool {
        self.built.get_or_init(|| Indexed::new((self.build)())).has(word)
    }

    /// Is `word` in any case listed? Short ASCII words are lower-cased on
    /// the stack, without an allocation.
    pub fn has_any_case(&self, word: &str) -> bool {
        with_lower(word, |lower| self.has(lower))
    }
}

/// Calls `f` with `word` in lower case; a short ASCII word is lower-cased
/// into a buffer on the stack (the same result as `to_lowercase`).
pub fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    const MAX: usize = 32;
    if word.len() <= MAX && word.is_ascii() {
        let mut buf = [0u8; MAX];
        for (d, s) in buf.iter_mut().zip(word.bytes()) {
            *d = s.to_ascii_lowercase();
        }
        // ASCII in, ASCII out: always valid UTF-8.
        match std::str::from_utf8(&buf[..word.len()]) {
            Ok(lower) => f(lower),
            Err(_) => f(&word.to_lowercase()),
        }
    } else {
        f(&word.to_lowercase())
    }
}

macro_rules! word_set {
    ($name:ident, $list:ident) => {
        pub static $name: WordSet = WordSet::new(|| $list.iter().copied().collect());
    };
}

word_set!(REPORT_VERB, REPORT_VERBS);
word_set!(STANCE_VERB, STANCE_VERBS);
word_set!(SPEAKER_NOUN, SPEAKER_NOUNS);
word_set!(DETERMINER, DETERMINERS);
word_set!(PLACE, PLACES);
word_set!(OUTLET, OUTLETS);
word_set!(COMMON, COMMON_CAPITALISED);
word_set!(MALE, MALE_FIRST_NAMES);
word_set!(FEMALE, FEMALE_FIRST_NAMES);

/// Verbs (and their forms) that introduce reported speech, or a stance
/// reported the same way ("believes", "argued", "found"). A superset of the
/// speech verbs used for quotations in marks.
#[rustfmt::skip]
pub const REPORT_VERBS: &[&str] = &[
    "say", "says", "said", "saying", "tell", "tells", "told", "telling", "add", "adds", "added",
    "adding", "note", "notes", "noted", "noting", "write", "writes", "wrote", "writing",
    "tweet", "tweets", "tweeted", "warn", "warns", "warned", "warning", "argue", "argues",
    "argued", "arguing", "claim", "claims", "claimed", "claiming", "insist", "insists",
    "insisted", "insisting", "explain", "explains", "explained", "explaining", "state",
    "states", "stated", "declare", "declares", "declared", "announce", "announces", "announced",
    "acknowledge", "acknowledges", "acknowledged", "admit", "admits", "admitted", "suggest",
    "suggests", "suggested", "suggesting", "predict", "predicts", "predicted", "believe",
    "believes", "believed", "think", "thinks", "thought", "contend", "contends", "contended",
    "allege", "alleges", "alleged", "assert", "asserts", "asserted", "complain", "complains",
    "complained", "concede", "conceded", "concedes", "confirm", "confirms", "confirmed",
    "deny", "denies", "denied", "promise", "promises", "promised", "pledge", "pledges",
    "pledged", "vow", "vows", "vowed", "report", "reports", "reported", "reveal", "reveals",
    "revealed", "disclose", "disclosed", "discloses", "estimate", "estimates", "estimated",
    "show", "shows", "showed", "found", "finds", "indicate", "indicates", "indicated",
    "recall", "recalls", "recalled", "agree", "agrees", "agreed", "urge", "urges", "urged",
    "ask", "asks", "asked", "cite", "cites", "cited", "citing", "accuse", "accuses", "accused",
    "criticize", "criticizes", "criticized", "criticise", "criticised", "blame", "blames",
    "blamed", "maintain", "maintains", "maintained", "testified", "testify", "emphasized",
    "emphasised", "stressed", "stresses", "observed", "responded", "replied", "countered",
    "remarked", "continued", "announcing", "expects", "expected", "hopes", "hoped", "fear",
    "fears", "feared", "worry", "worries", "worried", "wants", "wanted", "proposed",
    "proposes", "called", "calls", "calling", "described", "describes", "describing",
    "praised", "praises", "questioned", "questions", "attacked", "slammed", "echoed",
    "pointed", "points", "mentioned", "mentions", "reiterated", "repeated", "signaled",
    "signalled", "conceding", "acknowledging", "boasted", "bragged", "joked", "quipped",
    "lamented", "charged", "charges", "demanded", "demands", "advised", "assured",
    "informed", "reminded", "recommended", "recommends", "projected", "projects",
];

/// Verbs of cognition, position and public stance that news attributes the
/// way it reports speech: `Trump knows …`, `most voters support …`,
/// `Clinton defended her plan …`, `the senator questioned whether …`. They
/// report only with a subject that names a holder (a mention right before
/// them), never in the second pass of `reported.rs` that reads any subject
/// phrase. Forms that are as often nouns or adjectives ("backs", "views",
/// "doubts", "attacks", "fears") are left out.
#[rustfmt::skip]
pub const STANCE_VERBS: &[&str] = &[
    // Cognition and expectation.
    "know", "knows", "knew", "understand", "understands", "understood", "realize", "realizes",
    "realized", "recognize", "recognizes", "recognized", "doubt", "doubted", "wonder",
    "wonders", "suspect", "suspects", "suspected", "assume", "assumes", "assumed", "consider",
    "considers", "considered", "regard", "regards", "regarded", "feel", "feels", "felt",
    "expect", "hope", "imagine", "imagines", "imagined", "remember", "remembers",
    "remembered", "see", "sees",
    // Position taken.
    "support", "supports", "supported", "oppose", "opposes", "opposed", "endorse",
    "endorses", "endorsed", "favor", "favors", "favored", "favour", "favours", "favoured",
    "prefer", "prefers", "preferred", "reject", "rejects", "rejected", "defend", "defends",
    "defended", "denounce", "denounces", "denounced", "condemn", "condemns", "condemned",
    "dismiss", "dismisses", "dismissed", "embrace", "embraces", "embraced", "welcome",
    "welcomes", "welcomed", "applaud", "applauds", "applauded", "champion", "championed",
    "tout", "touts", "touted", "hail", "hails", "hailed", "dispute", "disputes", "disputed",
    "challenge", "challenged", "question", "disagree", "disagrees", "disagreed", "mock",
    "mocks", "mocked", "ridicule", "ridiculed", "scold", "scolded", "blast", "blasted",
    "slams", "lambasted", "decry", "decries", "decried", "bemoan", "bemoans", "bemoaned",
    "lament", "laments", "deplore", "deplored", "praise", "demand",
    // Communication of a position.
    "discuss", "discusses", "discussed", "highlight", "highlights", "highlighted",
    "unveil", "unveils", "unveiled", "outline", "outlines", "outlined", "promote", "promotes",
    "promoted", "request", "requested", "encourage", "encourages", "encouraged", "express",
    "expresses", "expressed", "voice", "voiced", "reaffirm", "reaffirmed", "reiterate",
    "reiterates", "stress", "emphasize", "emphasizes", "recommend", "mention",
    // Progressive forms: "Trump is once again questioning …".
    "supporting", "opposing", "endorsing", "questioning", "defending", "rejecting", "urging",
    "demanding", "touting", "promoting", "highlighting", "expecting", "hoping", "discussing",
    "blaming", "criticizing", "criticising", "denouncing", "condemning", "challenging",
    "disputing", "dismissing", "embracing", "mocking", "pressing", "considering",
];

/// Verbs whose first object is the listener ("told reporters that …").
pub const LISTENER_VERBS: &[&str] =
    &["tell", "tells", "told", "telling", "assured", "informed", "reminded", "warned", "urged", "asked", "advised"];

/// Nouns that can head a speaker phrase without a name: "the campaign
/// said", "officials said", "a senior aide told …".
#[rustfmt::skip]
pub const SPEAKER_NOUNS: &[&str] = &[
    "campaign", "campaigns", "spokesman", "spokeswoman", "spokesperson", "spokespeople",
    "spokesmen", "aide", "aides", "official", "officials", "adviser", "advisers", "advisor",
    "advisors", "staff", "staffer", "staffers", "lawyer", "lawyers", "attorney", "attorneys",
    "analyst", "analysts", "expert", "experts", "economist", "economists", "critic",
    "critics", "supporter", "supporters", "opponent", "opponents", "poll", "polls", "survey",
    "surveys", "study", "studies", "report", "statement", "memo", "letter", "ministry",
    "administration", "department", "agency", "committee", "government", "police",
    "prosecutors", "prosecutor", "investigators", "researchers", "scholars", "leaders",
    "lawmakers", "legislators", "strategists", "pollsters", "sources", "source", "observers",
    "organizers", "activists", "residents", "voters", "witnesses", "authorities",
    "spokespersons", "representatives", "executives", "diplomats", "groups", "group",
    "coalition", "organization", "organizations", "office", "commission", "court", "judge",
    "ruling", "data", "candidate", "nominee", "senator", "governor", "mayor", "president",
    "congressman", "congresswoman", "secretary", "chairman", "chairwoman", "director",
    "businessman", "mogul", "billionaire", "lawmaker", "democrat", "republican", "people",
    "campaigners", "donors", "allies", "insiders", "surrogates", "members", "protesters",
    "demonstrators",
];

/// Determiners that open a speaker phrase ("the campaign", "his aides").
pub const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "some", "several", "many", "two", "three", "other", "one", "most",
    "few", "both", "another", "top", "senior",
];

/// Capitalised words that stand for groups and can speak without a name
/// ("Democrats said").
pub const GROUP_NAMES: &[&str] =
    &["democrats", "republicans", "americans", "conservatives", "liberals", "progressives", "gop"];

/// Places: never a speaker, even before a speech verb ("Iowa said" is a
/// headline's shorthand, and usually a misreading). US states and their wire
/// abbreviations, cities and regions that recur in the news. Countries are
/// not listed: a country speaks through its government ("Iran denied …",
/// "the United States … is announcing").
#[rustfmt::skip]
pub const PLACES: &[&str] = &[
    "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut",
    "delaware", "florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa",
    "kansas", "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan",
    "minnesota", "mississippi", "missouri", "montana", "nebraska", "nevada", "new hampshire",
    "new jersey", "new mexico", "new york", "north carolina", "north dakota", "ohio",
    "oklahoma", "oregon", "pennsylvania", "rhode island", "south carolina", "south dakota",
    "tennessee", "texas", "utah", "vermont", "virginia", "washington", "west virginia",
    "wisconsin", "wyoming", "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga",
    "ill", "ind", "kan", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb",
    "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo", "america",
    "crimea", "europe", "asia", "africa", "tirana", "tehran", "moscow", "beijing", "london", "paris", "berlin", "brussels",
    "chicago", "boston", "philadelphia", "los angeles", "san francisco", "miami", "atlanta",
    "detroit", "cleveland", "denver", "houston", "dallas", "seattle", "baltimore", "charlotte",
    "orlando", "tampa", "las vegas", "manhattan", "brooklyn", "queens", "bronx", "harlem",
    "flint", "ferguson", "milwaukee", "pittsburgh", "phoenix", "st. louis", "new orleans",
    "middle east", "middle west", "midwest", "south", "north", "capitol hill", "wall street",
    "silicon valley", "hollywood", "mosul", "aleppo", "damascus", "baghdad", "kabul",
    "benghazi",
];

/// News outlets: never the speaker of what they report.
#[rustfmt::skip]
pub const OUTLETS: &[&str] = &[
    "cnn", "msnbc", "fox", "fox news", "nbc", "nbc news", "abc", "abc news", "cbs", "cbs news",
    "pbs", "npr", "reuters", "ap", "associated press", "afp", "bloomberg", "politico",
    "breitbart", "breitbart news", "times", "post", "new york times", "washington post",
    "wall street journal", "journal", "usa today", "huffington post", "huffpost", "buzzfeed",
    "axios", "the hill", "hill", "daily beast", "slate", "vox", "guardian", "bbc", "rt",
    "xinhua", "tass", "al jazeera", "newsweek", "time", "atlantic", "new yorker", "daily mail",
    "western journalism", "daily caller", "drudge report", "nbc news/wall street journal",
    "la times", "los angeles times", "boston globe", "chicago tribune", "mediaite", "salon",
    "the daily", "meet the press", "face the nation", "fox & friends", "today", "upi",
    "united press international",
];

/// Capitalised words that are common nouns, adjectives or nationalities
/// more often than names, and never speak on their own ("Catholic said" is a
/// misreading of a sentence, not a person).
#[rustfmt::skip]
pub const COMMON_CAPITALISED: &[&str] = &[
    "catholic", "catholics", "apps", "app", "internet", "web", "twitter", "facebook",
    "instagram", "youtube", "google", "congress", "senate", "house", "god",
    "christian", "christians", "muslim", "muslims", "jewish", "black", "white", "hispanic",
    "latino", "latinos", "african-american", "african-americans", "election", "day",
    "obamacare", "medicare", "medicaid", "isis", "isil", "brexit", "birther", "birthers",
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "editor", "note", "update", "photo",
    "video", "watch", "read", "more", "related", "advertisement", "breaking", "exclusive",
    "twitter", "tweet", "email", "emails", "democratic", "republican",
    "presidential", "federal", "national", "state", "city", "county", "north", "south",
    "east", "west", "thanksgiving", "christmas", "easter",
];

/// Common first names and their gender, for pronoun agreement ("she said"
/// after a man's name is not his). Covers the names that recur in the
/// English-language news of the corpus; a name not listed has no gender,
/// and a pronoun may still resolve to it when no listed name agrees.
#[rustfmt::skip]
pub const MALE_FIRST_NAMES: &[&str] = &[
    "donald", "barack", "bill", "bernie", "mike", "michael", "tim", "ted", "marco", "jeb",
    "john", "joe", "joseph", "paul", "chris", "christopher", "ben", "rand", "rick", "scott",
    "mitch", "harry", "chuck", "charles", "george", "jim", "james", "robert", "bob", "david",
    "dan", "daniel", "steve", "steven", "stephen", "mark", "matt", "matthew", "tom", "thomas",
    "richard", "william", "jeff", "jeffrey", "brian", "kevin", "jason", "eric", "andrew",
    "anthony", "peter", "reince", "newt", "rudy", "rudolph", "corey", "jared", "vladimir",
    "recep", "benjamin", "robby", "bashar", "francois", "emmanuel", "justin", "xi", "edi", "ilir",
    "jack", "jerry", "larry", "gary", "ron", "ronald", "jimmy", "lindsey", "tony", "frank",
    "jon", "jonathan", "greg", "gregory", "adam", "alan", "allen", "ed", "edward", "martin",
    "luis", "carlos", "jose", "juan", "ken", "kenneth", "keith", "kyle", "howard", "henry",
    "roger", "sean", "shawn", "patrick", "pat", "ryan", "sam", "samuel", "nick", "nicholas",
    "al", "elijah", "jesse", "cory", "sherrod", "raphael", "rafael", "orrin", "trey", "jason",
    "g.k", "gk", "ray", "raymond", "lou", "louis", "dennis", "wayne", "roy", "carl", "bruce",
    "terry", "doug", "douglas", "stephen", "hugh", "walter", "eugene", "arthur", "van",
    "mitt", "dick", "jeremy", "evan", "marc", "timothy", "nathan", "aaron",
    "bret", "brett", "chad", "todd", "travis", "zach", "zachary", "jake", "josh", "joshua",
    "alex", "alexander", "phil", "philip", "rob", "ralph", "vincent", "victor", "fred",
    "frederick", "herman", "jim", "tommy", "harold", "ernest", "leon", "omar",
    "abdullah", "mohammed", "muhammad", "ahmed", "hassan", "ali", "khizr", "humayun",
];

#[rustfmt::skip]
pub const FEMALE_FIRST_NAMES: &[&str] = &[
    "hillary", "melania", "ivanka", "chelsea", "michelle", "elizabeth", "nancy", "kellyanne",
    "hope", "huma", "donna", "debbie", "loretta", "sarah", "sara", "carly", "nikki", "susan",
    "mary", "patricia", "jennifer", "linda", "barbara", "margaret", "lisa", "karen", "betty",
    "helen", "sandra", "ashley", "kimberly", "emily", "jessica", "amanda", "melissa",
    "stephanie", "rebecca", "laura", "anna", "ann", "anne", "kate", "katie", "katherine",
    "catherine", "kathleen", "kathy", "julie", "julia", "jane", "janet", "joan", "judy",
    "gwen", "maxine", "tammy", "kirsten", "amy", "claire", "heidi", "kelly", "megyn", "marsha",
    "condoleezza", "madeleine", "theresa", "angela", "marine", "jill", "tulsi", "kamala",
    "cia", "marcia", "jeanne", "diane", "dianne", "barbara", "rachel", "rosie", "alicia",
    "aung", "sheila", "valerie", "samantha", "eleanor", "cheryl", "jen", "jennifer",
    "kristen", "christine", "christina", "maria", "monica", "nicole", "natalie", "olivia",
    "sophia", "grace", "ellen", "erin", "andrea", "brenda", "tina", "teresa", "irene",
    "mia", "zoe", "ruth", "rose", "paula", "pamela", "pam", "denise", "dana", "cathy",
    "beth", "alice", "victoria", "hannah", "lauren", "leah", "martha", "abigail", "virginia",
    "dolores", "gloria", "frances", "carol", "caroline", "marie", "sue", "joanne", "wendy",
    "deborah", "cynthia", "sharon", "shirley", "doris", "evelyn", "jean", "lynn", "norma",
    "renee", "tamara", "vanessa", "yvonne", "ivana", "tiffany", "lara", "omarosa", "katrina",
    "kayleigh", "nina", "zephyr", "meghan", "megan", "mika", "gretchen", "ainsley",
];
