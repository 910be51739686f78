//! A corpus for passim, the text-reuse detector that runs on Apache Spark:
//! one JSON object per line and per article, with passim's input fields
//! `id`, `series` (the source), `date` and `text`, plus Parallax's own
//! `file` and `title` (passim carries unknown fields through). How passim's
//! output maps back onto Parallax's groups: `docs/reports.md`.

use super::Scope;
use serde::Serialize;

#[derive(Serialize)]
struct Line<'a> {
    id: &'a str,
    series: &'a str,
    /// passim wants a date on every record; undated articles get the
    /// corpus's reference date, else none.
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    text: &'a str,
    file: &'a str,
    title: &'a str,
}

/// One line per shown article (hidden sources are left out; the date and
/// search filters do not cut articles).
pub fn render(scope: &Scope<'_>) -> Vec<u8> {
    let mut out = Vec::new();
    for &i in &scope.articles {
        let a = &scope.analysis.articles[i];
        let line = Line {
            id: &a.id,
            series: &a.source,
            date: a.date.as_deref().or(scope.analysis.reference_date.as_deref()),
            text: &a.text,
            file: &a.file,
            title: &a.title,
        };
        serde_json::to_writer(&mut out, &line).expect("a corpus line always serialises");
        out.push(b'\n');
    }
    out
}
