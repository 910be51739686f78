//! Articles stored as JSON records, the shape news scrapers write: a `.json`
//! file holding one article object or a list of them, or a `.jsonl` file with
//! one article object per line.
//!
//! Field names are matched loosely: `title`/`headline`; `text`/`content`/
//! `body`/`maintext`; `date`/`published`/`date_publish`/`datePublished`;
//! `source`/`outlet`/`publisher`/`site_name`/`source_domain` (a string or an
//! object with a `name`); `url`/`link`; `author`/`authors`.

use serde_json::Value;

/// One article found in a record.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Record {
    pub title: Option<String>,
    pub text: String,
    pub date: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
}

const TEXT: &[&str] = &["text", "content", "body", "maintext", "article", "article_text"];
const TITLE: &[&str] = &["title", "headline"];
const DATE: &[&str] = &["date", "published", "published_at", "date_publish", "datePublished", "pubDate"];
const SOURCE: &[&str] = &["source", "outlet", "publisher", "site_name", "source_name", "source_domain"];
const URL: &[&str] = &["url", "link"];
const AUTHOR: &[&str] = &["author", "authors", "byline"];

/// The articles of a `.json` file, each with its index in the list (`None`
/// for a file holding one object), or why an entry was skipped.
/// An entry of a `.json` file: its index in the list (`None` for a file
/// holding one object), and its record or why it was skipped.
pub type JsonEntry = (Option<usize>, Result<Record, String>);

pub fn parse_json(text: &str) -> Result<Vec<JsonEntry>, String> {
    let value: Value = serde_json::from_str(text).map_err(|e| format!("not valid JSON ({e}); skipped"))?;
    match value {
        Value::Array(items) => Ok(items.iter().enumerate().map(|(i, v)| (Some(i), record(v))).collect()),
        Value::Object(_) => Ok(vec![(None, record(&value))]),
        _ => Err("JSON is neither an article object nor a list of them; skipped".into()),
    }
}

/// The articles of a `.jsonl` file, each with its 0-based line number.
pub fn parse_jsonl(text: &str) -> Vec<(usize, Result<Record, String>)> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| {
            let parsed = serde_json::from_str::<Value>(line)
                .map_err(|e| format!("not valid JSON ({e}); skipped"))
                .and_then(|v| record(&v));
            (i, parsed)
        })
        .collect()
}

fn record(value: &Value) -> Result<Record, String> {
    let Value::Object(map) = value else {
        return Err("not an article object; skipped".into());
    };
    let field = |names: &[&str]| -> Option<String> {
        names.iter().find_map(|n| map.get(*n)).and_then(as_text).filter(|s| !s.trim().is_empty())
    };
    let text = field(TEXT).ok_or_else(|| "no text field (text, content, body or maintext); skipped".to_string())?;
    Ok(Record {
        title: field(TITLE),
        text,
        date: field(DATE),
        source: field(SOURCE),
        url: field(URL),
        author: field(AUTHOR),
    })
}

/// A string, a number, the `name` of an object, or the first of a list.
fn as_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Object(o) => o.get("name").and_then(as_text),
        Value::Array(items) => {
            let names: Vec<String> = items.iter().filter_map(as_text).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_object_or_a_list() {
        let one =
            parse_json(r#"{"title":"T","text":"Body.","date":"2022-09-07","source":{"name":"Reuters"}}"#).unwrap();
        assert_eq!(one.len(), 1);
        let (index, rec) = &one[0];
        assert_eq!(*index, None);
        let rec = rec.as_ref().unwrap();
        assert_eq!((rec.title.as_deref(), rec.source.as_deref()), (Some("T"), Some("Reuters")));
        let list = parse_json(r#"[{"maintext":"A.","authors":["X","Y"]},{"title":"no text"},3]"#).unwrap();
        assert_eq!(list[0].1.as_ref().unwrap().author.as_deref(), Some("X, Y"));
        assert!(list[1].1.as_ref().unwrap_err().contains("no text field"));
        assert!(list[2].1.is_err());
        assert!(parse_json("{broken").unwrap_err().starts_with("not valid JSON"));
        assert!(parse_json("42").is_err());
    }

    #[test]
    fn lines() {
        let got = parse_jsonl("{\"text\":\"One.\"}\n\n{\"text\":\"Two.\"}\nnot json\n");
        let lines: Vec<usize> = got.iter().map(|(i, _)| *i).collect();
        assert_eq!(lines, vec![0, 2, 3]);
        assert!(got[2].1.is_err());
    }
}
