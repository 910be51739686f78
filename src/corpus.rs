//! Loading a folder of articles: front matter, inferred metadata, boilerplate.
//!
//! A folder is read, never written. Each `.txt` or `.md` file becomes one
//! [`Article`] (sentences are added later by [`crate::text`]). A file that
//! cannot be read becomes a [`Problem`] and the rest still loads.

use crate::dates::{find_dateline, parse_iso_day};
use crate::model::{Article, Problem, Span};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Why a folder could not be read at all. Single bad files are not errors:
/// they are reported as [`Problem`]s.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("cannot read folder {path}: {source}")]
    Folder {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path} is not a folder")]
    NotAFolder { path: PathBuf },
    #[error("there is no folder {path}")]
    Missing { path: PathBuf },
    #[error("no .txt or .md articles in {path}")]
    Empty { path: PathBuf },
}

/// A file as read from disk, before any analysis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawDocument {
    /// Path relative to the folder, with `/` separators.
    pub file: String,
    pub content: String,
}

/// Files larger than this are reported rather than loaded.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// The built-in sample story (five outlets on Albania cutting ties with Iran,
/// September 2022), embedded so it opens from an installed package too.
pub fn sample_documents() -> Vec<RawDocument> {
    macro_rules! seed {
        ($name:literal) => {
            RawDocument { file: $name.to_string(), content: include_str!(concat!("../seeds/", $name)).to_string() }
        };
    }
    vec![
        seed!("000_b055db413f406d49.txt"),
        seed!("001_c411a98a83b12d9f.txt"),
        seed!("002_61bc873d229d6368.txt"),
        seed!("003_a5fffa3effbdf9de.txt"),
        seed!("004_48c98f493b035b3a.txt"),
    ]
}

/// Is this a file Parallax reads as an article?
pub fn is_article_file(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref(),
        Some("txt" | "md" | "markdown")
    )
}

/// Reads every article file directly inside `folder`, sorted by name.
/// Unreadable or non-UTF-8 files become problems.
pub fn read_folder(folder: &Path) -> Result<(Vec<RawDocument>, Vec<Problem>), CorpusError> {
    if !folder.exists() {
        return Err(CorpusError::Missing { path: folder.to_path_buf() });
    }
    if !folder.is_dir() {
        return Err(CorpusError::NotAFolder { path: folder.to_path_buf() });
    }
    let entries =
        std::fs::read_dir(folder).map_err(|source| CorpusError::Folder { path: folder.to_path_buf(), source })?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| is_article_file(p) && !is_hidden(p) && p.is_file())
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(CorpusError::Empty { path: folder.to_path_buf() });
    }
    let mut docs = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        let file = path.strip_prefix(folder).unwrap_or(&path).to_string_lossy().replace('\\', "/");
        match read_article_file(&path) {
            Ok(content) => docs.push(RawDocument { file, content }),
            Err(message) => problems.push(Problem { file, message }),
        }
    }
    Ok((docs, problems))
}

/// Reads specific files (dropped on the window, or passed by a file
/// manager). Anything that is not a readable `.txt`/`.md` file is a problem.
pub fn read_files(paths: &[PathBuf]) -> (Vec<RawDocument>, Vec<Problem>) {
    let mut docs = Vec::new();
    let mut problems = Vec::new();
    let mut paths: Vec<&PathBuf> = paths.iter().collect();
    paths.sort();
    for path in paths {
        let file = path.file_name().map_or_else(|| path.to_string_lossy(), |n| n.to_string_lossy()).to_string();
        if path.is_dir() {
            problems.push(Problem { file, message: "is a folder; open it on its own to read its articles".into() });
            continue;
        }
        if !is_article_file(path) {
            problems.push(Problem { file, message: "not a .txt or .md article; skipped".into() });
            continue;
        }
        match read_article_file(path) {
            Ok(content) => docs.push(RawDocument { file, content }),
            Err(message) => problems.push(Problem { file, message }),
        }
    }
    (docs, problems)
}

fn is_hidden(path: &Path) -> bool {
    path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'))
}

fn read_article_file(path: &Path) -> Result<String, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot read: {e}"))?;
    if meta.len() > MAX_FILE_BYTES {
        const MIB: u64 = 1024 * 1024;
        return Err(format!(
            "skipped: {:.1} MiB is larger than the {} MiB limit for one article",
            meta.len() as f64 / MIB as f64,
            MAX_FILE_BYTES / MIB
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read: {e}"))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        format!("not UTF-8 text (invalid byte at offset {}); save it as UTF-8", e.utf8_error().valid_up_to())
    })?;
    Ok(text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text))
}

/// Turns a raw document into an [`Article`] with metadata and boilerplate
/// found; `id` is its position-derived id. Sentences are left empty.
pub fn parse_document(id: &str, doc: &RawDocument) -> Article {
    let normalized = doc.content.replace("\r\n", "\n").replace('\r', "\n");
    let (front, body) = split_front_matter(&normalized);
    let mut meta: BTreeMap<String, String> = front.into_iter().collect();
    let text = body.to_string();

    let mut article = Article { id: id.to_string(), file: doc.file.clone(), text, ..Article::default() };
    article.boilerplate = find_boilerplate(&article.text);
    let title_span = find_title(&article.text, &article.boilerplate);
    // Section labels ("Asia") above the headline are not prose either.
    if let Some(title) = title_span {
        let labels: Vec<Span> = lines(&article.text)
            .take_while(|l| l.end <= title.start)
            .filter(|l| !article.text[l.start..l.end].trim().is_empty() && !article.boilerplate.contains(l))
            .collect();
        article.boilerplate.extend(labels);
        article.boilerplate.sort();
    }

    article.title = meta
        .remove("title")
        .or_else(|| title_span.map(|s| article.text[s.start..s.end].trim().to_string()))
        .or_else(|| lead_as_title(&article.text))
        .unwrap_or_else(|| doc.file.clone());
    article.title_span = title_span;
    article.source = meta.remove("source").unwrap_or_else(|| source_from_file_name(&doc.file));
    let front_date = meta.remove("date");
    article.date = front_date
        .as_deref()
        .and_then(parse_iso_day)
        .or_else(|| find_dateline(&article.text))
        .map(|d| d.format("%Y-%m-%d").to_string());
    if let Some(raw) = front_date.filter(|d| parse_iso_day(d).is_none()) {
        meta.insert("date".into(), raw);
    }
    article.url = meta.remove("url");
    article.meta = meta;
    article
}

/// Splits a leading `---` / `key: value` / `---` block from the body.
/// Without a well-formed block the whole text is the body.
pub fn split_front_matter(text: &str) -> (Vec<(String, String)>, &str) {
    let Some(rest) = text.strip_prefix("---\n") else {
        return (Vec::new(), text);
    };
    let mut fields = Vec::new();
    let mut offset = 4;
    for line in rest.split_inclusive('\n') {
        offset += line.len();
        let trimmed = line.trim_end();
        if trimmed == "---" {
            let body = text[offset..].trim_start_matches('\n');
            return (fields, body);
        }
        if trimmed.is_empty() {
            continue;
        }
        let Some((key, value)) = trimmed.split_once(':') else {
            return (Vec::new(), text);
        };
        let value = value.trim().trim_matches('"').trim_matches('\'');
        fields.push((key.trim().to_ascii_lowercase(), value.to_string()));
    }
    (Vec::new(), text)
}

/// For an article without a headline: its opening words after any
/// dateline, cut at a word boundary.
fn lead_as_title(text: &str) -> Option<String> {
    const MAX_CHARS: usize = 80;
    let first = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    let lead = first.split_once(['–', '—']).filter(|_| find_dateline(first).is_some()).map_or(first, |(_, r)| r).trim();
    let sentence = lead.split_once(". ").map_or(lead, |(s, _)| s).trim_end_matches('.');
    if sentence.chars().count() <= MAX_CHARS {
        return Some(sentence.to_string());
    }
    let cut: String = sentence.chars().take(MAX_CHARS).collect();
    let at_word = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head).trim_end_matches([',', ';', ':']);
    Some(format!("{at_word}…"))
}

/// "003_a5ff.txt" → "003", "reuters-2022.md" → "reuters-2022": the file
/// stem, with a trailing hash-like part removed.
pub fn source_from_file_name(file: &str) -> String {
    let name = file.rsplit('/').next().unwrap_or(file);
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    let parts: Vec<&str> = stem.split(['_', '-']).collect();
    let looks_like_hash = |p: &str| p.len() >= 8 && p.chars().all(|c| c.is_ascii_hexdigit());
    let kept: Vec<&str> = parts.iter().copied().filter(|p| !looks_like_hash(p)).collect();
    let joined = kept.join(" ");
    if joined.trim().is_empty() { stem.to_string() } else { joined }
}

/// Lines of a text with their byte spans (without the newline).
pub fn lines(text: &str) -> impl Iterator<Item = Span> + '_ {
    let mut start = 0;
    text.split_inclusive('\n').map(move |line| {
        let s = start;
        start += line.len();
        Span::new(s, s + line.trim_end_matches('\n').len())
    })
}

const BOILERPLATE_PHRASES: &[&str] = &[
    "source link",
    "latest news",
    "related news",
    "related articles",
    "related stories",
    "read more",
    "share this article",
    "advertisement",
    "subscribe",
    "sign up for our newsletter",
    "follow us",
    "click here",
    "all rights reserved",
];

/// Lines that are not article prose: reading-time badges, "Source link",
/// navigation labels, a site name alone, a closing blurb about the site.
pub fn find_boilerplate(text: &str) -> Vec<Span> {
    let all: Vec<Span> = lines(text).filter(|s| !text[s.start..s.end].trim().is_empty()).collect();
    let mut out = Vec::new();
    for (i, span) in all.iter().enumerate() {
        let line = text[span.start..span.end].trim();
        let lower = line.to_lowercase();
        let trimmed_lower = lower.trim_end_matches(['.', ':', '!']);
        let is_phrase = BOILERPLATE_PHRASES.contains(&trimmed_lower) || trimmed_lower.starts_with("©");
        let is_read_time = {
            let words: Vec<&str> = trimmed_lower.split_whitespace().collect();
            words.len() <= 4
                && words.first().is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()))
                && words.iter().any(|w| w.starts_with("min"))
                && words.iter().any(|w| *w == "read" || *w == "reading")
        };
        let no_sentence_end = !line.ends_with(['.', '!', '?', '"', '”', '’', ':']);
        let words = line.split_whitespace().count();
        // A site name alone on a line: one or two words, no sentence
        // punctuation, near the end of the article, all capitals.
        let is_site_name = words <= 2
            && no_sentence_end
            && i + 3 >= all.len()
            && i > 0
            && line.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_uppercase());
        // The site's blurb about itself after the site name.
        let after_site_name = out.last().is_some_and(|last: &Span| {
            all.get(i.wrapping_sub(1)) == Some(last) && i + 1 == all.len() && is_site_line(&text[last.start..last.end])
        }) && (lower.contains("its readers")
            || lower.contains("our readers")
            || lower.contains("it publishes"));
        if is_phrase || is_read_time || is_site_name || after_site_name {
            out.push(*span);
        }
    }
    out
}

fn is_site_line(line: &str) -> bool {
    let line = line.trim();
    line.split_whitespace().count() <= 2 && line.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_uppercase())
}

/// The headline: the first non-boilerplate line that reads like a title
/// (short, no sentence-ending full stop), skipping section labels such as
/// "Asia" (a single word).
pub fn find_title(text: &str, boilerplate: &[Span]) -> Option<Span> {
    for span in lines(text).filter(|s| !text[s.start..s.end].trim().is_empty()).take(3) {
        if boilerplate.contains(&span) {
            continue;
        }
        let line = text[span.start..span.end].trim();
        let words = line.split_whitespace().count();
        if words < 2 {
            continue; // a section label such as "Asia"
        }
        if words > 20 || line.ends_with('.') || looks_like_dateline(line) {
            return None;
        }
        let lead = text[span.start..span.end].len() - text[span.start..span.end].trim_start().len();
        return Some(Span::new(span.start + lead, span.start + lead + line.len()));
    }
    None
}

fn looks_like_dateline(line: &str) -> bool {
    find_dateline(line).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn doc(file: &str, content: &str) -> RawDocument {
        RawDocument { file: file.into(), content: content.into() }
    }

    #[test]
    fn front_matter_fields_and_extra_keys() {
        let a = parse_document(
            "a0",
            &doc(
                "x.md",
                "---\ntitle: Ties cut\nsource: Reuters\ndate: 2022-09-07\nurl: https://example.org/a\nauthor: Jane Roe\n---\nBody text here.\n",
            ),
        );
        assert_eq!(a.title, "Ties cut");
        assert_eq!(a.source, "Reuters");
        assert_eq!(a.date.as_deref(), Some("2022-09-07"));
        assert_eq!(a.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(a.meta.get("author").map(String::as_str), Some("Jane Roe"));
        assert_eq!(a.text, "Body text here.\n");
    }

    #[test]
    fn broken_front_matter_is_body() {
        let (fields, body) = split_front_matter("---\nnot a field line\n---\ntext");
        assert!(fields.is_empty());
        assert!(body.starts_with("---"));
        let (fields, _) = split_front_matter("---\ntitle: never closed\n");
        assert!(fields.is_empty());
    }

    #[test]
    fn infers_title_skipping_section_label_and_source_from_file_name() {
        let a = parse_document(
            "a1",
            &doc("001_c411a98a83b12d9f.txt", "Asia\n\nALBANIA Tirana breaks relations\n\nText. More text.\n"),
        );
        assert_eq!(a.title, "ALBANIA Tirana breaks relations");
        let labels: Vec<&str> = a.boilerplate.iter().map(|s| &a.text[s.start..s.end]).collect();
        assert_eq!(labels, vec!["Asia"]);
        assert_eq!(a.source, "001");
        assert_eq!(source_from_file_name("reuters-2022.md"), "reuters 2022");
    }

    #[test]
    fn dateline_gives_date_and_is_not_a_title() {
        let text = "TIRANA, Sept. 7, 2022 – Albania’s government has decided.\n";
        let a = parse_document("a3", &doc("003.txt", text));
        assert_eq!(a.date.as_deref(), Some("2022-09-07"));
        assert_eq!(a.title_span, None);
        assert_eq!(a.title, "Albania’s government has decided");
        assert_eq!(find_dateline("LONDON, 7 September 2022 - x"), NaiveDate::from_ymd_opt(2022, 9, 7));
        assert_eq!(find_dateline("Albania, the country, said"), None);
    }

    #[test]
    fn read_files_reports_what_it_skips() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/unreadable");
        let paths = vec![dir.join("good-0.txt"), dir.join("image.png"), dir.join("missing.txt")];
        let (docs, problems) = read_files(&paths);
        assert_eq!(docs.len(), 1);
        let mut skipped: Vec<(&str, bool)> =
            problems.iter().map(|p| (p.file.as_str(), p.message.contains("cannot read"))).collect();
        skipped.sort();
        assert_eq!(skipped, vec![("image.png", false), ("missing.txt", true)]);
    }

    #[test]
    fn boilerplate_lines() {
        let text = "Title here\n\n3 mins read\n\nBody sentence one.\n\nSource link\nLatest news\nRelated news\n\nFİKRİKADİM\n\nThe ancient idea tries to provide the most accurate information to its readers in all the content it publishes.";
        let found: Vec<&str> = find_boilerplate(text).iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(
            found,
            vec![
                "3 mins read",
                "Source link",
                "Latest news",
                "Related news",
                "FİKRİKADİM",
                "The ancient idea tries to provide the most accurate information to its readers in all the content it publishes."
            ]
        );
    }

    #[test]
    fn body_prose_is_not_boilerplate() {
        let text = "Headline words\nHe said the read was slow.\nNATO agreed.\n";
        assert!(find_boilerplate(text).is_empty());
    }

    #[test]
    fn unreadable_files_are_problems_and_folder_is_untouched() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/unreadable");
        let before = std::fs::read_dir(&dir).unwrap().count();
        let (docs, problems) = read_folder(&dir).unwrap();
        let files: Vec<&str> = docs.iter().map(|d| d.file.as_str()).collect();
        assert_eq!(files, vec!["good-0.txt", "good-1.txt"]);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].file, "broken.txt");
        assert!(problems[0].message.contains("UTF-8"), "{}", problems[0].message);
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), before);
    }
}
