//! Saved web pages (`.html`, `.htm`, or HTML under another name): the main
//! text by `dom_smoothie` (a port of Mozilla's Readability), and the
//! metadata a news page carries in `<meta>` tags and JSON-LD.
//!
//! The page is only parsed: no script runs and nothing is fetched (relative
//! links stay relative, images are never loaded).

use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};
use serde_json::Value;

/// What a saved page says about itself, and its main text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Page {
    /// `og:title`, else the first `<h1>`, else Readability's title.
    pub title: Option<String>,
    /// `og:site_name`, else JSON-LD `publisher.name`, else Readability's.
    pub site_name: Option<String>,
    /// `article:published_time`, else JSON-LD `datePublished`, as written.
    pub published: Option<String>,
    pub author: Option<String>,
    /// `<link rel="canonical">`, else `og:url`.
    pub url: Option<String>,
    /// The main text, one paragraph per line.
    pub text: String,
}

/// Why no article text came out of a page.
#[derive(Debug, thiserror::Error)]
pub enum HtmlError {
    #[error("no article text found in this web page; skipped")]
    NoText,
}

/// Does this text look like an HTML document (whatever the file is called)?
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text.trim_start().chars().take(1024).collect::<String>().to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || (head.starts_with('<') && (head.contains("<head") || head.contains("<body")))
}

/// Reads a saved page.
pub fn extract(html: &str) -> Result<Page, HtmlError> {
    let doc = Document::from(html);
    let meta = |selector: &str| -> Option<String> {
        doc.select(selector).iter().find_map(|s| s.attr("content").map(|v| clean(&v))).filter(|v| !v.is_empty())
    };
    let ld = json_ld(&doc);
    let ld_str = |keys: &[&str]| -> Option<String> {
        ld.iter().find_map(|v| {
            let mut cur = v;
            for k in keys {
                cur = cur.get(k)?;
            }
            match cur {
                Value::String(s) => Some(clean(s)),
                Value::Array(items) => {
                    items.first().and_then(|i| i.get("name").or(Some(i))).and_then(Value::as_str).map(clean)
                }
                Value::Object(o) => o.get("name").and_then(Value::as_str).map(clean),
                _ => None,
            }
        })
    };
    let h1 = doc.select("h1").iter().next().map(|h| clean(&h.text())).filter(|t| !t.is_empty());
    let mut page = Page {
        title: meta("meta[property='og:title']").or(h1).or_else(|| ld_str(&["headline"])),
        site_name: meta("meta[property='og:site_name']").or_else(|| ld_str(&["publisher", "name"])),
        published: meta("meta[property='article:published_time']")
            .or_else(|| ld_str(&["datePublished"]))
            .or_else(|| meta("meta[itemprop='datePublished']")),
        author: meta("meta[name='author']").or_else(|| ld_str(&["author"])),
        url: doc
            .select("link[rel='canonical']")
            .iter()
            .find_map(|l| l.attr("href").map(|v| clean(&v)))
            .filter(|v| !v.is_empty())
            .or_else(|| meta("meta[property='og:url']"))
            .or_else(|| ld_str(&["mainEntityOfPage", "@id"]))
            .or_else(|| ld_str(&["mainEntityOfPage"]))
            .or_else(|| ld_str(&["url"])),
        text: String::new(),
    };
    let config = Config { text_mode: TextMode::Formatted, ..Config::default() };
    let article = Readability::with_document(doc, None, Some(config)).ok().and_then(|mut r| r.parse().ok());
    if let Some(article) = article {
        page.text = paragraphs(&article.text_content);
        page.title = page.title.or(Some(clean(&article.title)).filter(|t| !t.is_empty()));
        page.site_name = page.site_name.or(article.site_name.map(|s| clean(&s)));
        page.published = page.published.or(article.published_time);
        page.author = page.author.or(article.byline.map(|s| clean(&s)));
    }
    if page.text.trim().is_empty() {
        return Err(HtmlError::NoText);
    }
    Ok(page)
}

/// Every JSON-LD object of the page, `@graph` members included, articles first.
fn json_ld(doc: &Document) -> Vec<Value> {
    let mut out = Vec::new();
    for script in doc.select("script[type='application/ld+json']").iter() {
        let Ok(value) = serde_json::from_str::<Value>(script.text().trim()) else { continue };
        let mut stack = vec![value];
        while let Some(v) = stack.pop() {
            match v {
                Value::Array(items) => stack.extend(items.into_iter().rev()),
                Value::Object(mut o) => {
                    if let Some(graph) = o.remove("@graph") {
                        stack.push(graph);
                    }
                    out.push(Value::Object(o));
                }
                _ => {}
            }
        }
    }
    let is_article = |v: &Value| {
        let kind = |t: &Value| t.as_str().is_some_and(|t| t.ends_with("Article") || t.ends_with("Posting"));
        v.get("@type").is_some_and(|t| kind(t) || t.as_array().is_some_and(|a| a.iter().any(kind)))
    };
    out.sort_by_key(|v| !is_article(v));
    out
}

/// Collapses whitespace and decodes nothing further (the parser already
/// decoded entities).
fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Readability's formatted text with each paragraph on one line and blank
/// lines between them.
fn paragraphs(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines().map(clean).filter(|l| !l.is_empty() && !is_time_stamp(l)) {
        out.push_str(&line);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// A live blog's update time on a line of its own: "16:40", "16:40 Pinned",
/// "9.15am". Not prose, and a sentence of its own if kept.
fn is_time_stamp(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let Some(time) = words.next() else { return false };
    let time = time.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let Some((h, m)) = time.split_once([':', '.']) else { return false };
    let digits =
        |s: &str, n: std::ops::RangeInclusive<usize>| n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    digits(h, 1..=2) && digits(m, 2..=2) && words.count() <= 1 && line.chars().count() <= 16
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn live_blog_times_are_not_paragraphs() {
        assert!(is_time_stamp("16:40") && is_time_stamp("16:40 Pinned") && is_time_stamp("9.15am"));
        assert!(!is_time_stamp("16:40 The vote is in.") && !is_time_stamp("3.5 million") && !is_time_stamp("Note: x"));
        assert_eq!(paragraphs("16:12\n\nThe minister spoke.\n"), "The minister spoke.\n");
    }

    #[test]
    fn sniffs_html() {
        assert!(looks_like_html("\n<!DOCTYPE html>\n<html>"));
        assert!(looks_like_html("<html lang=en>"));
        assert!(looks_like_html("<meta charset=utf-8><head></head><body>"));
        assert!(!looks_like_html("A <b>bold</b> claim in plain text."));
    }

    #[test]
    fn metadata_from_meta_tags_and_json_ld() {
        let body =
            "<p>Albania cut diplomatic ties with Iran on Wednesday and ordered its diplomats out within 24 hours, \
                    the prime minister said in a video statement, after an investigation into a cyberattack.</p>"
                .repeat(4);
        let html = format!(
            r#"<!doctype html><html><head><title>Ties cut | Daily</title>
            <meta property="og:site_name" content="The Daily">
            <link rel="canonical" href="https://daily.example/ties">
            <script type="application/ld+json">{{"@context":"https://schema.org","@graph":[{{"@type":"NewsArticle",
              "datePublished":"2022-09-07T10:00:00Z","author":[{{"@type":"Person","name":"Jane Roe"}}],
              "publisher":{{"@type":"Organization","name":"Daily Group"}}}}]}}</script>
            <script>document.write("never run")</script></head>
            <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
            <article><h1>Albania cuts ties with Iran</h1>{body}</article>
            <footer>© The Daily</footer></body></html>"#
        );
        let page = extract(&html).unwrap();
        assert_eq!(page.title.as_deref(), Some("Albania cuts ties with Iran"));
        assert_eq!(page.site_name.as_deref(), Some("The Daily"));
        assert_eq!(page.published.as_deref(), Some("2022-09-07T10:00:00Z"));
        assert_eq!(page.author.as_deref(), Some("Jane Roe"));
        assert_eq!(page.url.as_deref(), Some("https://daily.example/ties"));
        assert!(page.text.contains("Albania cut diplomatic ties"), "{}", page.text);
        assert!(!page.text.contains("never run") && !page.text.contains("Home"), "{}", page.text);
    }
}
