//! The report formats checked against the analysis they come from: every
//! fact's every sentence is in the HTML and the Markdown, the CSV has one
//! row per group member, the SVG is well-formed with one marker per event,
//! the HTML asks for nothing from outside, and the PNG is the requested
//! size and not blank. Run on the seed story (and `tests/data/discrepancy`).

#![allow(clippy::unwrap_used)]

use parallax::export::{self, Format, Table};
use parallax::model::Analysis;
use parallax::report::{Options, View};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

fn analysis() -> &'static Analysis {
    static ANALYSIS: OnceLock<Analysis> = OnceLock::new();
    ANALYSIS.get_or_init(|| parallax::analysis::analyze_folder(&seeds(), &mut |_| {}).unwrap())
}

fn render(analysis: &Analysis, format: Format, view: View) -> String {
    let options = Options { title: "seeds".into(), view };
    String::from_utf8(export::render(analysis, format, &options).unwrap()).unwrap()
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Cuts every `open…close` run, with the whitespace before it.
fn cut(text: &str, open: &str, close: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find(open) {
        out.push_str(rest[..at].trim_end());
        let after = &rest[at + open.len()..];
        let end = after.find(close).expect("every run is closed");
        rest = &after[end + close.len()..];
    }
    out.push_str(rest);
    out
}

/// The text a reader sees, with the base's struck-out words left out.
fn html_text(html: &str) -> String {
    let body = &html[html.find("<body>").unwrap()..];
    let body = cut(body, "<del", "</del>");
    let mut text = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'");
    collapse(&text.replace("&amp;", "&"))
}

fn markdown_text(md: &str) -> String {
    let md = cut(md, "~~", "~~").replace("**", "").replace("<mark>", "").replace("</mark>", "");
    let mut text = String::new();
    let mut chars = md.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            text.extend(chars.next());
        } else {
            text.push(c);
        }
    }
    collapse(&text)
}

fn member_sentences(analysis: &Analysis) -> Vec<String> {
    analysis.groups.iter().flat_map(|g| &g.sentences).map(|id| collapse(analysis.sentence_text(id).unwrap())).collect()
}

#[test]
fn every_group_member_is_in_the_html_and_the_markdown() {
    for folder in [seeds(), Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/discrepancy")] {
        let analysis = parallax::analysis::analyze_folder(&folder, &mut |_| {}).unwrap();
        let html = html_text(&render(&analysis, Format::Html, View::whole()));
        let md = markdown_text(&render(&analysis, Format::Markdown, View::whole()));
        let members = member_sentences(&analysis);
        assert!(!members.is_empty(), "{} has facts to report", folder.display());
        for sentence in members {
            assert!(html.contains(&sentence), "HTML lacks: {sentence}");
            assert!(md.contains(&sentence), "Markdown lacks: {sentence}");
        }
        for article in &analysis.articles {
            assert!(html.contains(&collapse(&article.title)), "HTML lacks the headline {}", article.title);
        }
    }
}

#[test]
fn discrepancies_are_marked_in_the_html() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/discrepancy");
    let analysis = parallax::analysis::analyze_folder(&folder, &mut |_| {}).unwrap();
    let html = render(&analysis, Format::Html, View::whole());
    for group in analysis.groups.iter().filter(|g| !g.discrepancies.is_empty()) {
        for value in group.discrepancies.iter().flat_map(|d| &d.values) {
            let marked = format!("<mark>{}</mark>", parallax::report::svg::escape(&value.text));
            assert!(html.contains(&marked), "{} is not marked", value.text);
        }
    }
    assert!(html.contains("class=\"card flagged\""));
}

#[test]
fn the_facts_csv_has_one_row_per_group_member() {
    let analysis = analysis();
    let csv = render(analysis, Format::Csv(Table::Facts), View::whole());
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().unwrap().clone();
    for column in ["group", "source", "sentence", "kind", "discrepancy"] {
        assert!(headers.iter().any(|h| h == column), "no {column} column");
    }
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let members: Vec<(&str, &str)> =
        analysis.groups.iter().flat_map(|g| g.sentences.iter().map(move |s| (g.id.as_str(), s.as_str()))).collect();
    assert_eq!(rows.len(), members.len());
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    for (row, (group, sentence)) in rows.iter().zip(&members) {
        assert_eq!(&row[col("group")], *group);
        assert_eq!(&row[col("sentence_id")], *sentence);
        assert_eq!(&row[col("sentence")], analysis.sentence_text(sentence).unwrap().trim());
        let g = analysis.groups.iter().find(|g| g.id == *group).unwrap();
        let restates = g.diffs.iter().find(|d| d.member == *sentence).and_then(|d| d.restates);
        let expected = match restates {
            _ if g.base == *sentence => "",
            Some(true) => "yes",
            Some(false) => "no",
            None => "",
        };
        assert_eq!(&row[col("restates")], expected, "{sentence}");
    }
    let quotes = render(analysis, Format::Csv(Table::Quotes), View::whole());
    assert_eq!(csv::Reader::from_reader(quotes.as_bytes()).records().count(), analysis.quotes.len());
    let timeline = render(analysis, Format::Csv(Table::Timeline), View::whole());
    assert_eq!(csv::Reader::from_reader(timeline.as_bytes()).records().count(), analysis.timeline.len());
}

#[test]
fn the_svg_is_well_formed_with_one_marker_per_event() {
    let analysis = analysis();
    assert!(!analysis.events.is_empty());
    let svg = render(analysis, Format::Svg, View::whole());
    let doc = roxmltree::Document::parse(&svg).expect("well-formed XML");
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    let markers: Vec<&str> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("event"))
        .filter_map(|n| n.attribute("data-event"))
        .collect();
    let mut events: Vec<&str> = analysis.events.iter().map(|e| e.id.as_str()).collect();
    let mut sorted = markers.clone();
    sorted.sort_unstable();
    events.sort_unstable();
    assert_eq!(sorted, events);
    // The sample's one mention of 1979 is listed under the axis of its
    // 2012–2022 period, not drawn on it.
    let old = analysis.events.iter().find(|e| e.value.label() == "1979").expect("the sample mentions 1979");
    let listed = doc.descendants().find(|n| n.attribute("data-event") == Some(old.id.as_str())).unwrap();
    assert_eq!(listed.tag_name().name(), "tspan");
    assert!(svg.contains("Also mentioned, outside this period: <tspan"), "{svg}");
    // The HTML carries the same strip inline.
    let html = render(analysis, Format::Html, View::whole());
    assert_eq!(html.matches("class=\"event\"").count(), events.len());
}

#[test]
fn the_html_makes_no_external_request() {
    let html = render(analysis(), Format::Html, View::whole()).to_ascii_lowercase();
    assert!(!html.contains("<link"), "no stylesheet or icon links");
    assert!(!html.contains("<script"), "no script at all");
    assert!(!html.contains("@import"));
    for attr in ["src=", "href=", "url(", "xlink:href="] {
        for (at, _) in html.match_indices(attr) {
            let value = html[at + attr.len()..].trim_start_matches(['"', '\'', ' ']);
            for remote in ["http:", "https:", "//", "ftp:"] {
                assert!(!value.starts_with(remote), "{attr} points outside: {}", &html[at..(at + 60).min(html.len())]);
            }
        }
    }
    assert!(html.starts_with("<!doctype html>") && html.contains("<style>"));
}

#[test]
fn a_filtered_view_keeps_only_what_it_shows() {
    let analysis = analysis();
    let first = &analysis.articles[0];
    let view = View { hidden: [first.id.clone()].into(), ..View::default() };
    let csv = render(analysis, Format::Csv(Table::Facts), view.clone());
    assert!(!csv.lines().skip(1).any(|l| l.contains(&format!(",{},", first.id))));
    let md = render(analysis, Format::Markdown, view.clone());
    assert!(md.contains(&format!("without {}", first.source)));
    let jsonl = render(analysis, Format::Jsonl, view);
    assert_eq!(jsonl.lines().count(), analysis.articles.len() - 1);

    let event = analysis.events.iter().max_by_key(|e| e.articles.len()).unwrap();
    let by_date = View { event: Some(event.id.clone()), ..View::default() };
    let svg = render(analysis, Format::Svg, by_date);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let markers: Vec<&str> = doc.descendants().filter_map(|n| n.attribute("data-event")).collect();
    assert!(markers.contains(&event.id.as_str()) && markers.len() < analysis.events.len());
}

#[test]
fn the_passim_corpus_has_one_record_per_article() {
    let analysis = analysis();
    let jsonl = render(analysis, Format::Jsonl, View::whole());
    let records: Vec<serde_json::Value> = jsonl.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(records.len(), analysis.articles.len());
    for (record, article) in records.iter().zip(&analysis.articles) {
        assert_eq!(record["id"], article.id.as_str());
        assert_eq!(record["series"], article.source.as_str());
        assert_eq!(record["text"], article.text.as_str());
        assert!(record["date"].is_string(), "passim needs a date on every record");
    }
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("parallax-report-{name}-{}", std::process::id()));
    // A leftover from an earlier run may or may not be there.
    let _: Result<(), _> = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn parallax() -> Command {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
}

#[test]
fn the_command_line_writes_what_the_library_renders() {
    let dir = scratch("cli");
    let out = dir.join("report.html");
    let run = parallax().arg("export").arg(seeds()).arg("-o").arg(&out).args(["--title", "seeds"]).output().unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), render(analysis(), Format::Html, View::whole()));
    let again = parallax().arg("export").arg(seeds()).arg("-o").arg(&out).output().unwrap();
    assert!(!again.status.success(), "never overwrites silently");

    let source = &analysis().articles[1].source;
    let md = dir.join("only.md");
    let run = parallax().arg("export").arg(seeds()).arg("-o").arg(&md).args(["--source", source]).output().unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let bad = parallax()
        .arg("export")
        .arg(seeds())
        .arg("-o")
        .arg(dir.join("x.md"))
        .args(["--date", "1700-01-01"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&bad.stderr).contains("no date 1700-01-01"));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Distinct colours in an image: a blank picture has one or two.
fn colours(image: &image::RgbaImage) -> usize {
    image.pixels().map(|p| p.0).collect::<std::collections::HashSet<_>>().len()
}

#[test]
fn the_png_is_the_requested_size_and_not_blank() {
    let dir = scratch("png");
    let whole = dir.join("view.png");
    let run = parallax()
        .arg("export")
        .arg(seeds())
        .arg("-o")
        .arg(&whole)
        .args(["--size", "1000x700", "--scale", "1.5"])
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let image = image::open(&whole).unwrap().to_rgba8();
    assert_eq!((image.width(), image.height()), (1500, 1050));
    assert!(colours(&image) > 50, "the picture has content");

    let pane = dir.join("timeline.png");
    let run = parallax()
        .arg("export")
        .arg(seeds())
        .arg("-o")
        .arg(&pane)
        .args(["--pane", "timeline", "--size", "1000x700"])
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let image = image::open(&pane).unwrap().to_rgba8();
    assert!(
        image.width() <= 1000 && image.height() < 700 && image.height() > 60,
        "{}x{}",
        image.width(),
        image.height()
    );
    assert!(colours(&image) > 10);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_report_on_a_folder_of_many_stories_says_how_facts_were_grouped() {
    const NOTE: &str = "only closely worded sentences are grouped";
    for format in [Format::Html, Format::Markdown] {
        assert!(!render(analysis(), format, View::default()).contains(NOTE), "the seeds are one story");
        let mut many = analysis().clone();
        many.alignment = parallax::model::AlignmentInfo { one_story_share: 0.02, threshold_raise: 0.35 };
        let report = collapse(&render(&many, format, View::default()));
        assert!(report.contains(NOTE) && report.contains("(2% of the article pairs"), "{format:?}");
    }
}

#[test]
fn the_reports_label_a_paraphrase_as_the_card_does() {
    let analysis = analysis();
    let paraphrases = analysis
        .groups
        .iter()
        .flat_map(|g| &g.diffs)
        .filter(|d| d.wording == Some(parallax::model::Wording::Reworded) && d.restates == Some(true))
        .count();
    assert!(paraphrases > 0, "the seeds hold a paraphrase");
    let md = render(analysis, Format::Markdown, View::whole());
    assert_eq!(md.matches("** (paraphrase):").count(), paraphrases);
    let html = render(analysis, Format::Html, View::whole());
    assert_eq!(html.matches("<small>paraphrase</small>").count(), paraphrases);
}
