//! Loading a folder of articles: front matter, inferred metadata, boilerplate.
//!
//! A folder is read, never written. Each `.txt` or `.md` file becomes one
//! [`Article`] (sentences are added later by [`crate::text`]). A file that
//! cannot be read becomes a [`Problem`] and the rest still loads.

use crate::dates::{find_dateline, parse_iso_day};
use crate::model::{Article, Problem, Span};
use rayon::prelude::*;
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
    #[error("no article files (.txt, .md, .html, .json) in {path}")]
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

/// How a folder is read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadOptions {
    /// Files larger than this are reported rather than loaded.
    pub max_file_bytes: u64,
    /// Read subfolders too (never following a link out of the folder).
    pub subfolders: bool,
}

impl Default for ReadOptions {
    fn default() -> Self {
        Self { max_file_bytes: MAX_FILE_BYTES, subfolders: false }
    }
}

/// The file kinds Parallax reads as articles.
const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm", "json", "jsonl"];

/// Is this a file Parallax reads as an article?
pub fn is_article_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.as_str()))
}

/// Reads every article file directly inside `folder`, sorted by name.
/// Unreadable files become problems.
pub fn read_folder(folder: &Path) -> Result<(Vec<RawDocument>, Vec<Problem>), CorpusError> {
    read_folder_with(folder, &ReadOptions::default())
}

/// Reads every article file in `folder` (and its subfolders when asked),
/// sorted by path. Links are followed only while they stay inside the
/// folder; a link back to a folder already read is a loop and is reported.
pub fn read_folder_with(folder: &Path, options: &ReadOptions) -> Result<(Vec<RawDocument>, Vec<Problem>), CorpusError> {
    if !folder.exists() {
        return Err(CorpusError::Missing { path: folder.to_path_buf() });
    }
    if !folder.is_dir() {
        return Err(CorpusError::NotAFolder { path: folder.to_path_buf() });
    }
    let root = folder.canonicalize().map_err(|source| CorpusError::Folder { path: folder.to_path_buf(), source })?;
    let mut paths = Vec::new();
    let mut problems = Vec::new();
    let mut visited = std::collections::BTreeSet::from([root.clone()]);
    let mut pending = vec![folder.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(source) if dir == folder => {
                return Err(CorpusError::Folder { path: folder.to_path_buf(), source });
            }
            Err(e) => {
                problems.push(skipped(relative(folder, &dir), format!("cannot read this folder: {e}")));
                continue;
            }
        };
        for path in entries.filter_map(Result::ok).map(|e| e.path()) {
            if is_hidden(&path) {
                continue;
            }
            let is_link = path.symlink_metadata().is_ok_and(|m| m.file_type().is_symlink());
            let is_dir = path.is_dir();
            if !is_dir && !is_article_file(&path) {
                continue;
            }
            if is_dir && !options.subfolders {
                continue;
            }
            if is_link {
                let Ok(target) = path.canonicalize() else {
                    problems.push(skipped(relative(folder, &path), "a link to nothing; skipped".into()));
                    continue;
                };
                if !target.starts_with(&root) {
                    let what = if is_dir { "folder" } else { "file" };
                    problems.push(skipped(
                        relative(folder, &path),
                        format!("a link to a {what} outside the chosen folder; not followed"),
                    ));
                    continue;
                }
            }
            if is_dir {
                match path.canonicalize() {
                    Ok(real) if visited.insert(real.clone()) => pending.push(path),
                    Ok(real) => problems.push(skipped(
                        relative(folder, &path),
                        format!(
                            "a link back to {}, already read (a loop); not followed",
                            relative(folder, &real_to_folder(&root, folder, &real))
                        ),
                    )),
                    Err(e) => problems.push(skipped(relative(folder, &path), format!("cannot read this folder: {e}"))),
                }
            } else if path.is_file() {
                paths.push(path);
            }
        }
    }
    paths.sort();
    if paths.is_empty() && problems.is_empty() {
        return Err(CorpusError::Empty { path: folder.to_path_buf() });
    }
    // Files are read and decoded on all cores, and taken in path order.
    let read: Vec<(Vec<RawDocument>, Vec<Problem>)> =
        paths.par_iter().map(|path| read_article_file(path, &relative(folder, path), options)).collect();
    let mut docs = Vec::new();
    for (found, trouble) in read {
        docs.extend(found);
        problems.extend(trouble);
    }
    if docs.is_empty() && problems.is_empty() {
        return Err(CorpusError::Empty { path: folder.to_path_buf() });
    }
    Ok((docs, problems))
}

/// `real` (a canonical path inside `root`) named from `folder`.
fn real_to_folder(root: &Path, folder: &Path, real: &Path) -> PathBuf {
    real.strip_prefix(root).map_or_else(|_| real.to_path_buf(), |rest| folder.join(rest))
}

fn relative(folder: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(folder).unwrap_or(path).to_string_lossy().replace('\\', "/");
    if rel.is_empty() { ".".to_string() } else { rel }
}

fn skipped(file: String, message: String) -> Problem {
    Problem { file, message, skipped: true }
}

fn doubt(file: String, message: String) -> Problem {
    Problem { file, message, skipped: false }
}

/// Reads specific files (dropped on the window, or passed by a file
/// manager). Anything that is not a readable article file is a problem.
pub fn read_files(paths: &[PathBuf]) -> (Vec<RawDocument>, Vec<Problem>) {
    let mut docs = Vec::new();
    let mut problems = Vec::new();
    let mut paths: Vec<&PathBuf> = paths.iter().collect();
    paths.sort();
    for path in paths {
        let file = path.file_name().map_or_else(|| path.to_string_lossy(), |n| n.to_string_lossy()).to_string();
        if path.is_dir() {
            problems.push(skipped(file, "is a folder; open it on its own to read its articles".into()));
            continue;
        }
        if !is_article_file(path) {
            problems.push(skipped(file, "not a .txt, .md, .html or .json article; skipped".into()));
            continue;
        }
        let (found, trouble) = read_article_file(path, &file, &ReadOptions::default());
        docs.extend(found);
        problems.extend(trouble);
    }
    (docs, problems)
}

fn is_hidden(path: &Path) -> bool {
    path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'))
}

/// Reads one file into the articles it holds (a `.json` list holds
/// several), with a problem line for what was skipped or guessed.
pub fn read_article_file(path: &Path, file: &str, options: &ReadOptions) -> (Vec<RawDocument>, Vec<Problem>) {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) => return (Vec::new(), vec![skipped(file.to_string(), format!("cannot read: {e}"))]),
    };
    if meta.len() > options.max_file_bytes {
        return (Vec::new(), vec![skipped(file.to_string(), too_large_message(meta.len(), options.max_file_bytes))]);
    }
    match std::fs::read(path) {
        Ok(bytes) => documents_from_bytes(file, &bytes),
        Err(e) => (Vec::new(), vec![skipped(file.to_string(), format!("cannot read: {e}"))]),
    }
}

fn too_large_message(len: u64, limit: u64) -> String {
    const MIB: f64 = 1024.0 * 1024.0;
    format!(
        "skipped: {:.1} MiB is larger than the {:.1} MiB limit for one article",
        len as f64 / MIB,
        limit as f64 / MIB
    )
}

/// The articles in one file's bytes: decoded (any encoding), then read as
/// plain text, a web page, or JSON records by its name and content. Web
/// pages and records become front matter plus body, so every format goes
/// through [`parse_document`] alike.
pub fn documents_from_bytes(file: &str, bytes: &[u8]) -> (Vec<RawDocument>, Vec<Problem>) {
    let ext = file.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    let named_html = matches!(ext.as_str(), "html" | "htm");
    let decoded = match crate::decode::decode(bytes, named_html || bytes.starts_with(b"<")) {
        Ok(decoded) => decoded,
        Err(e) => return (Vec::new(), vec![skipped(file.to_string(), e.to_string())]),
    };
    let mut problems: Vec<Problem> = decoded.note.into_iter().map(|n| doubt(file.to_string(), n)).collect();
    let text = decoded.text;
    let mut docs = Vec::new();
    match ext.as_str() {
        "json" => match crate::records::parse_json(&text) {
            Ok(records) => {
                for (index, record) in records {
                    let name = index.map_or_else(|| file.to_string(), |i| format!("{file}#{}", i + 1));
                    match record {
                        Ok(r) => docs.push(record_document(name, r)),
                        Err(message) => problems.push(skipped(name, message)),
                    }
                }
            }
            Err(message) => problems.push(skipped(file.to_string(), message)),
        },
        "jsonl" => {
            for (line, record) in crate::records::parse_jsonl(&text) {
                let name = format!("{file}#{}", line + 1);
                match record {
                    Ok(r) => docs.push(record_document(name, r)),
                    Err(message) => problems.push(skipped(name, message)),
                }
            }
        }
        _ if named_html || crate::html::looks_like_html(&text) => match crate::html::extract(&text) {
            Ok(page) => {
                if !named_html {
                    problems.push(doubt(file.to_string(), "a web page under another name; read as HTML".into()));
                }
                let body = page.text;
                let fields = [
                    ("title", page.title),
                    ("source", page.site_name),
                    ("date", page.published),
                    ("author", page.author),
                    ("url", page.url),
                ];
                docs.push(RawDocument { file: file.to_string(), content: with_front_matter(&fields, &body) });
            }
            Err(e) => problems.push(skipped(file.to_string(), e.to_string())),
        },
        _ => docs.push(RawDocument { file: file.to_string(), content: text }),
    }
    (docs, problems)
}

fn record_document(file: String, r: crate::records::Record) -> RawDocument {
    let fields = [("title", r.title), ("source", r.source), ("date", r.date), ("author", r.author), ("url", r.url)];
    RawDocument { file, content: with_front_matter(&fields, &r.text) }
}

/// Metadata as a front-matter block before `body`: values on one line,
/// missing ones left out.
fn with_front_matter(fields: &[(&str, Option<String>)], body: &str) -> String {
    let mut out = String::from("---\n");
    for (key, value) in fields {
        if let Some(value) = value {
            let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
            if !value.is_empty() {
                out.push_str(&format!("{key}: {value}\n"));
            }
        }
    }
    out.push_str("---\n");
    out.push_str(body);
    out
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
    let url = meta.get("url").cloned();
    article.source = meta
        .remove("source")
        .map(|s| if looks_like_domain(&s) { domain_of(&s).unwrap_or(s) } else { s })
        .or_else(|| url.as_deref().and_then(domain_of))
        .or_else(|| site_line(&article.text, &article.boilerplate))
        .unwrap_or_else(|| source_from_file_name(&doc.file));
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

/// What is doubtful about a loaded document, as one problem line: a
/// front-matter block never closed, or a date that is not a date.
pub fn doubts(doc: &RawDocument, article: &Article) -> Vec<String> {
    let mut out = Vec::new();
    let normalized = doc.content.replace("\r\n", "\n");
    if front_matter_unclosed(&normalized) {
        out.push(
            "front matter (---) is never closed; its key: value lines read as fields, the rest as text".to_string(),
        );
    }
    if let Some(raw) = article.meta.get("date") {
        out.push(format!("date “{raw}” is not a date (YYYY-MM-DD); left undated"));
    }
    out
}

/// Opens with `---` and no line `---` follows.
fn front_matter_unclosed(text: &str) -> bool {
    text.strip_prefix("---\n").is_some_and(|rest| !rest.lines().any(|l| l.trim_end() == "---"))
}

/// "https://www.reuters.com/world/x" → "reuters.com".
pub fn domain_of(url: &str) -> Option<String> {
    let rest = url.trim().split_once("://").map_or(url.trim(), |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?.rsplit('@').next()?;
    let host = host.split(':').next()?.trim_start_matches("www.").to_ascii_lowercase();
    (host.contains('.') && !host.starts_with('.')).then_some(host)
}

/// "www.reuters.com" as a source name: one word with a dot and no capitals.
fn looks_like_domain(s: &str) -> bool {
    !s.contains(char::is_whitespace) && s.contains('.') && !s.ends_with('.') && !s.chars().any(char::is_uppercase)
}

/// A site name on a line of its own near the end (one or two words in
/// capitals, already marked as boilerplate): "FİKRİKADİM".
fn site_line(text: &str, boilerplate: &[Span]) -> Option<String> {
    boilerplate
        .iter()
        .rev()
        .filter(|s| s.start * 2 >= text.len())
        .map(|s| text[s.start..s.end].trim())
        .find(|line| {
            is_site_line(line)
                && line.chars().filter(|c| c.is_alphabetic()).count() >= 3
                && !BOILERPLATE_PHRASES.contains(&line.to_lowercase().as_str())
        })
        .map(str::to_string)
}

/// Splits a leading `---` / `key: value` / `---` block from the body.
/// Without a well-formed block the whole text is the body. A block that is
/// never closed keeps its leading `key: value` lines (one-word keys) as
/// fields, and the body starts at the first line that is not one.
pub fn split_front_matter(text: &str) -> (Vec<(String, String)>, &str) {
    let Some(rest) = text.strip_prefix("---\n") else {
        return (Vec::new(), text);
    };
    let closed = rest.lines().any(|l| l.trim_end() == "---");
    let is_key = |k: &str| !k.is_empty() && k.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-');
    let mut fields = Vec::new();
    let mut offset = 4;
    for line in rest.split_inclusive('\n') {
        let line_start = offset;
        offset += line.len();
        let trimmed = line.trim_end();
        if trimmed == "---" {
            let body = text[offset..].trim_start_matches('\n');
            return (fields, body);
        }
        if trimmed.is_empty() {
            continue;
        }
        let field = trimmed.split_once(':').filter(|(k, _)| closed || is_key(k.trim()));
        let Some((key, value)) = field else {
            if closed || fields.is_empty() {
                return (Vec::new(), text);
            }
            return (fields, &text[line_start..]);
        };
        let value = value.trim().trim_matches('"').trim_matches('\'');
        fields.push((key.trim().to_ascii_lowercase(), value.to_string()));
    }
    (fields, &text[text.len()..])
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
        let (fields, body) = split_front_matter("---\ntitle: never closed\nsource: Desk\nThe vote was late.\n");
        assert_eq!(fields, vec![("title".into(), "never closed".into()), ("source".into(), "Desk".into())]);
        assert_eq!(body, "The vote was late.\n");
        let (fields, body) = split_front_matter("---\nNote that: this is prose\n");
        assert!(fields.is_empty());
        assert!(body.starts_with("---"));
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
        // "fo", an invalid byte pair and a NUL: not text at all.
        assert!(problems[0].message.contains("binary") && problems[0].skipped, "{}", problems[0].message);
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), before);
    }
}
