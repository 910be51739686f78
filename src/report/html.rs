//! The HTML report: one self-contained file (embedded CSS, no script, no
//! external request) that opens offline and prints to PDF with one section
//! per page and no card cut across pages. It draws diffs, discrepancies and
//! source colours as the app does.

use super::svg::{escape, timeline_svg};
use super::{Options, Piece, Scope, format_value, member_pieces, quote_pieces};
use crate::palette::source_hex;
use std::fmt::Write as _;

const CSS: &str = r#"
:root { --ink: #1f2328; --weak: #5f6770; --line: #dedede; --card: #fff; --page: #f6f6f6;
  --ins: rgba(46,160,67,.20); --del: #b03a3a; --disc-bg: rgba(255,190,0,.45); --disc-fg: #6b3d00; --accent: #2f6db5; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: var(--page); color: var(--ink);
  font: 15px/1.5 "Helvetica Neue", Arial, "Liberation Sans", sans-serif; }
main { max-width: 1040px; margin: 0 auto; padding: 28px 32px 48px; }
header h1 { font-size: 26px; margin: 0 0 4px; }
header p { margin: 2px 0; color: var(--weak); }
.filter { display: inline-block; margin-top: 6px; padding: 2px 10px; border-radius: 12px;
  background: rgba(47,109,181,.12); color: var(--accent); }
section { margin-top: 34px; }
h2 { font-size: 19px; margin: 0 0 4px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
h2 + .lead { margin: 0 0 12px; color: var(--weak); font-size: 13.5px; }
h3 { font-size: 15px; margin: 16px 0 6px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px;
  margin: 0 0 10px; break-inside: avoid; page-break-inside: avoid; }
.card.flagged { border-color: #e0b040; box-shadow: inset 4px 0 0 #f0b800; }
.card-head { display: flex; flex-wrap: wrap; gap: 4px 10px; align-items: center; font-size: 12.5px;
  color: var(--weak); margin-bottom: 6px; }
.card-head strong { color: var(--ink); }
.dot { display: inline-block; width: 9px; height: 9px; border-radius: 50%; margin-right: 2px; vertical-align: 0; }
.swatch { display: inline-block; width: 14px; height: 14px; border-radius: 3px; vertical-align: -2px; }
.badge { background: var(--disc-bg); color: var(--disc-fg); border-radius: 4px; padding: 0 6px; font-weight: 600; }
.line { display: grid; grid-template-columns: 92px 1fr; gap: 10px; padding: 3px 0 3px 9px;
  border-left: 3px solid var(--c); margin: 3px 0; }
.line .who { font-size: 12.5px; font-weight: 700; color: var(--c); overflow-wrap: anywhere; padding-top: 1px; }
.line .who small { display: block; font-weight: 400; color: var(--weak); }
ins { background: var(--ins); text-decoration: none; border-radius: 2px; }
del { color: var(--del); text-decoration: line-through; }
del.count { text-decoration: none; font-style: italic; }
mark { background: var(--disc-bg); color: var(--disc-fg); border-bottom: 1.5px solid var(--disc-fg);
  border-radius: 2px; }
table { border-collapse: collapse; width: 100%; background: var(--card); font-size: 13.5px; }
th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
th { font-size: 12px; color: var(--weak); font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.headlines { display: grid; grid-template-columns: repeat(auto-fill, minmax(230px, 1fr)); gap: 10px; }
.headline { border-top: 4px solid var(--c); }
.headline .who { color: var(--c); font-weight: 700; font-size: 12.5px; }
.headline .title { font-family: Georgia, "DejaVu Serif", serif; font-size: 16.5px; line-height: 1.3; margin-top: 4px; }
.meta { color: var(--weak); font-size: 12px; }
.chip { display: inline-block; border: 1px solid var(--c); color: var(--c); border-radius: 9px; padding: 0 7px;
  font-size: 12px; margin: 0 4px 2px 0; background: #fff; }
.kind { font-size: 11px; color: var(--weak); border: 1px solid var(--line); border-radius: 3px; padding: 0 4px; }
.quote-text::before { content: "“"; } .quote-text::after { content: "”"; }
ul.plain { list-style: none; padding: 0; margin: 0; }
ul.plain li { padding: 3px 0 3px 9px; border-left: 3px solid var(--c); margin: 4px 0; }
.timeline { width: 100%; height: auto; background: #fff; border: 1px solid var(--line); border-radius: 8px; }
.matrix td, .matrix th { text-align: center; }
.matrix th.row { text-align: left; }
.legend { font-size: 12.5px; color: var(--weak); margin: 8px 0; }
.legend ins, .legend del, .legend mark { padding: 0 3px; }
footer { margin-top: 40px; color: var(--weak); font-size: 12px; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { background: #fff; font-size: 12.5px; }
  main { max-width: none; padding: 0; }
  section { break-before: page; page-break-before: always; margin-top: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  .card { box-shadow: none; }
  .headlines { grid-template-columns: repeat(3, 1fr); }
}
"#;

/// Renders the report.
pub fn render(scope: &Scope<'_>, options: &Options) -> Vec<u8> {
    let a = scope.analysis;
    let mut s = String::with_capacity(64 * 1024);
    let title = if options.title.is_empty() { "Parallax report".to_string() } else { options.title.clone() };
    _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"Parallax {}\">\n<title>{} — Parallax report</title>\n<style>{CSS}</style>\n\
         </head>\n<body>\n<main>\n",
        env!("CARGO_PKG_VERSION"),
        escape(&title)
    );
    header(&mut s, scope, &title);
    sources(&mut s, scope);
    headlines(&mut s, scope);
    facts(&mut s, scope);
    discrepancies(&mut s, scope);
    exclusives(&mut s, scope);
    timeline(&mut s, scope);
    quotes(&mut s, scope);
    overlap(&mut s, scope);
    _ = write!(
        s,
        "<footer>Made with Parallax {} from {} articles ({} shown). The same analysis as JSON: \
         <code>parallax export FOLDER -o analysis.json</code>.</footer>\n</main>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION"),
        a.articles.len(),
        scope.articles.len()
    );
    s.into_bytes()
}

fn colour_var(scope: &Scope<'_>, article: &str) -> String {
    format!("--c:{}", source_hex(scope.position(article)))
}

fn header(s: &mut String, scope: &Scope<'_>, title: &str) {
    let a = scope.analysis;
    _ = write!(s, "<header>\n<h1>{}</h1>\n", escape(title));
    _ = writeln!(
        s,
        "<p>{} sources · {} facts shared by two or more sources · {} with disagreeing numbers or dates · \
         {} quote clusters · {} dated events</p>",
        scope.articles.len(),
        scope.groups.len(),
        scope.discrepant().count(),
        scope.clusters.len(),
        scope.events.len()
    );
    if let Some(day) = &a.reference_date {
        _ = writeln!(s, "<p>The story is about {}.</p>", escape(&format_value(day)));
    }
    if let Some(note) = super::many_stories_note(a) {
        _ = writeln!(s, "<p>{}</p>", escape(&note));
    }
    if let Some(filter) = scope.view.describe(a) {
        _ = writeln!(s, "<p class=\"filter\">{}</p>", escape(&filter));
    }
    if !a.problems.is_empty() {
        let files: Vec<String> = a.problems.iter().map(|p| format!("{}: {}", p.file, p.message)).collect();
        _ = writeln!(s, "<p>Not read: {}</p>", escape(&files.join("; ")));
    }
    s.push_str("</header>\n");
}

fn sources(s: &mut String, scope: &Scope<'_>) {
    s.push_str("<section id=\"sources\">\n<h2>Sources</h2>\n<p class=\"lead\">Each source keeps its colour throughout the report, as in the app.</p>\n");
    s.push_str("<table>\n<thead><tr><th></th><th>Source</th><th>Date</th><th>Title</th><th>File</th><th class=\"num\">Sentences</th><th class=\"num\">Exclusive</th></tr></thead>\n<tbody>\n");
    for &i in &scope.articles {
        let article = &scope.analysis.articles[i];
        let url = article.url.as_deref().map(|u| format!("<br><span class=\"meta\">{}</span>", escape(u)));
        _ = writeln!(
            s,
            "<tr><td><span class=\"swatch\" style=\"background:{}\"></span></td><td><strong>{}</strong></td><td>{}</td>\
             <td>{}{}</td><td class=\"meta\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            source_hex(i),
            escape(&article.source),
            article.date.as_deref().map_or_else(|| "—".to_string(), |d| escape(&format_value(d))),
            escape(&article.title),
            url.unwrap_or_default(),
            escape(&article.file),
            article.sentences.len(),
            article.exclusive.len()
        );
    }
    s.push_str("</tbody>\n</table>\n</section>\n");
}

fn headlines(s: &mut String, scope: &Scope<'_>) {
    s.push_str("<section id=\"headlines\">\n<h2>Headlines</h2>\n<p class=\"lead\">How each source titled the story.</p>\n<div class=\"headlines\">\n");
    for &i in &scope.articles {
        let article = &scope.analysis.articles[i];
        _ = writeln!(
            s,
            "<div class=\"card headline\" style=\"--c:{}\"><div class=\"who\">{}</div><div class=\"title\">{}</div>\
             <div class=\"meta\">{}</div></div>",
            source_hex(i),
            escape(&article.source),
            escape(&article.title),
            article.date.as_deref().map(format_value).map(|d| escape(&d)).unwrap_or_default()
        );
    }
    s.push_str("</div>\n</section>\n");
}

/// Diff pieces as HTML: inserted words in `<ins>`, the base's missing
/// words in `<del>`, disagreeing values in `<mark>`.
pub fn pieces_html(pieces: &[Piece<'_>]) -> String {
    let mut s = String::new();
    for piece in pieces {
        match piece {
            Piece::Text { text, inserted, discrepancy } => {
                let mut t = escape(text);
                if *discrepancy {
                    t = format!("<mark>{t}</mark>");
                }
                if *inserted {
                    t = format!("<ins>{t}</ins>");
                }
                s.push_str(&t);
            }
            Piece::Deleted { text, at_start } => {
                let del = format!("<del>{}</del>", escape(text));
                if *at_start {
                    _ = write!(s, "{del} ");
                } else {
                    _ = write!(s, " {del}");
                }
            }
            Piece::DeletedWords { words, at_start } => {
                let del = format!(
                    "<del class=\"count\" title=\"{words} words of the base are missing here\">[−{words} words]</del>"
                );
                if *at_start {
                    _ = write!(s, "{del} ");
                } else {
                    _ = write!(s, " {del}");
                }
            }
        }
    }
    s
}

fn facts(s: &mut String, scope: &Scope<'_>) {
    let a = scope.analysis;
    s.push_str("<section id=\"facts\">\n<h2>Aligned facts</h2>\n");
    s.push_str(
        "<p class=\"lead\">One card per fact that two or more sources report, one line per source. \
         The first line of a card is the base the others are compared with.</p>\n<p class=\"legend\">\
         <ins>words only this source has</ins> · <del>words of the base this source left out</del> · \
         <mark>a number or date the sources state differently</mark></p>\n",
    );
    if scope.groups.is_empty() {
        s.push_str("<p>No fact is reported by more than one source.</p>\n");
    }
    let total = a.articles.len();
    for (group, members) in &scope.groups {
        let fact = a.groups.iter().position(|g| g.id == group.id).map_or(0, |i| i + 1);
        let flagged = if group.discrepancies.is_empty() { "" } else { " flagged" };
        _ = write!(
            s,
            "<div class=\"card{flagged}\" id=\"{}\"><div class=\"card-head\"><strong>Fact {fact}</strong><span>",
            escape(&group.id)
        );
        let mut seen = Vec::new();
        for m in members {
            let article = m.split_once('.').map_or(*m, |(x, _)| x);
            if !seen.contains(&article) {
                seen.push(article);
                _ = write!(
                    s,
                    "<span class=\"dot\" style=\"background:{}\"></span>",
                    source_hex(scope.position(article))
                );
            }
        }
        _ = write!(s, "</span><span>{} of {total} sources</span>", Scope::sources_in(members));
        if group.cohesion > 0.0 {
            _ = write!(s, "<span>· {:.0}% alike</span>", group.cohesion * 100.0);
        }
        if !group.discrepancies.is_empty() {
            _ = write!(s, "<span class=\"badge\">≠ {}</span>", escape(&discrepancy_summary(group)));
        }
        s.push_str("</div>\n");
        // The base first, then the others in article order.
        let mut ordered: Vec<&str> = members.iter().copied().filter(|m| *m == group.base).collect();
        ordered.extend(members.iter().copied().filter(|m| *m != group.base));
        for member in ordered {
            let source = scope.source_of(member);
            let role = super::member_role(group, member).map(|r| format!("<small>{r}</small>")).unwrap_or_default();
            _ = writeln!(
                s,
                "<div class=\"line\" style=\"{}\"><div class=\"who\">{}{role}</div><div class=\"text\">{}</div></div>",
                colour_var(scope, member.split_once('.').map_or(member, |(x, _)| x)),
                escape(source),
                pieces_html(&member_pieces(a, group, member))
            );
        }
        s.push_str("</div>\n");
    }
    s.push_str("</section>\n");
}

/// `members: 3,000 vs some 2,000; date: 15 July vs 16 July`.
pub fn discrepancy_summary(group: &crate::model::Group) -> String {
    group
        .discrepancies
        .iter()
        .map(|d| {
            let mut values: Vec<&str> = d.values.iter().map(|v| v.text.as_str()).collect();
            values.dedup();
            let about = d.label();
            format!("{about}: {}", values.join(" vs "))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn discrepancies(s: &mut String, scope: &Scope<'_>) {
    let a = scope.analysis;
    s.push_str("<section id=\"discrepancies\">\n<h2>Discrepancies</h2>\n<p class=\"lead\">Facts whose sources state a number, a year or a date differently.</p>\n");
    let mut any = false;
    for (group, members) in scope.discrepant() {
        any = true;
        let fact = a.groups.iter().position(|g| g.id == group.id).map_or(0, |i| i + 1);
        _ = writeln!(
            s,
            "<div class=\"card flagged\"><div class=\"card-head\"><strong><a href=\"#{}\">Fact {fact}</a></strong></div>",
            escape(&group.id)
        );
        for d in &group.discrepancies {
            let about = d.label();
            _ = write!(
                s,
                "<h3>{} <span class=\"kind\">{}</span></h3>\n<table>\n",
                escape(about),
                escape(d.kind.as_str())
            );
            for v in d.values.iter().filter(|v| members.contains(&v.sentence.as_str())) {
                let article = v.sentence.split_once('.').map_or(v.sentence.as_str(), |(x, _)| x);
                _ = writeln!(
                    s,
                    "<tr><td style=\"width:130px\"><span class=\"chip\" style=\"{}\">{}</span></td><td style=\"width:120px\"><mark>{}</mark></td><td>{}</td></tr>",
                    colour_var(scope, article),
                    escape(scope.source_of(&v.sentence)),
                    escape(&v.text),
                    escape(a.sentence_text(&v.sentence).unwrap_or("").trim())
                );
            }
            s.push_str("</table>\n");
        }
        s.push_str("</div>\n");
    }
    if !any {
        s.push_str("<p>The sources agree on every number and date they share.</p>\n");
    }
    s.push_str("</section>\n");
}

fn exclusives(s: &mut String, scope: &Scope<'_>) {
    let a = scope.analysis;
    s.push_str("<section id=\"exclusives\">\n<h2>Exclusive material</h2>\n<p class=\"lead\">What only one source reports.</p>\n");
    for (i, sentences) in &scope.exclusives {
        let article = &a.articles[*i];
        _ = writeln!(
            s,
            "<h3><span class=\"swatch\" style=\"background:{}\"></span> {} <span class=\"meta\">{} of {} sentences</span></h3>",
            source_hex(*i),
            escape(&article.source),
            sentences.len(),
            article.sentences.len()
        );
        if sentences.is_empty() {
            s.push_str("<p class=\"meta\">Nothing only this source reports.</p>\n");
            continue;
        }
        _ = writeln!(s, "<ul class=\"plain\" style=\"--c:{}\">", source_hex(*i));
        for id in sentences {
            _ = writeln!(s, "<li>{}</li>", escape(a.sentence_text(id).unwrap_or("").trim()));
        }
        s.push_str("</ul>\n");
    }
    s.push_str("</section>\n");
}

fn timeline(s: &mut String, scope: &Scope<'_>) {
    s.push_str("<section id=\"timeline\">\n<h2>Timeline</h2>\n<p class=\"lead\">Every date the articles mention, striped in the colours of the sources that mention it; the articles' own dates on top. Dashed markers are vague dates (“mid-July”).</p>\n");
    s.push_str(&timeline_svg(scope));
    s.push('\n');
    if !scope.events.is_empty() {
        s.push_str("<table>\n<thead><tr><th>Date</th><th>Sources</th><th>As written</th></tr></thead>\n<tbody>\n");
        for (event, entries) in &scope.events {
            let mut chips = String::new();
            let mut seen: Vec<&str> = Vec::new();
            for t in entries {
                if !seen.contains(&t.article.as_str()) {
                    seen.push(&t.article);
                    _ = write!(
                        chips,
                        "<span class=\"chip\" style=\"{}\">{}</span>",
                        colour_var(scope, &t.article),
                        escape(scope.source_of(&t.article))
                    );
                }
            }
            let mut written: Vec<&str> = entries.iter().map(|t| t.text.as_str()).collect();
            written.sort_unstable();
            written.dedup();
            _ = writeln!(
                s,
                "<tr><td>{}</td><td>{chips}</td><td>{}</td></tr>",
                escape(&event.value.label()),
                escape(&written.join(" · "))
            );
        }
        s.push_str("</tbody>\n</table>\n");
    }
    s.push_str("</section>\n");
}

fn quotes(s: &mut String, scope: &Scope<'_>) {
    let a = scope.analysis;
    s.push_str("<section id=\"quotes\">\n<h2>Quotations</h2>\n<p class=\"lead\">The same words quoted by one or more sources, with each source's variant compared with the longest.</p>\n");
    if scope.clusters.is_empty() {
        s.push_str("<p>No quotation found.</p>\n");
    }
    for (cluster, quotes) in &scope.clusters {
        let speaker = cluster.speaker.as_deref().unwrap_or("Unattributed");
        let outlets = quotes.iter().map(|q| q.article.as_str()).collect::<std::collections::BTreeSet<_>>().len();
        _ = writeln!(
            s,
            "<div class=\"card\"><div class=\"card-head\"><strong>{}</strong><span>quoted by {outlets} {}</span></div>",
            escape(speaker),
            if outlets == 1 { "source" } else { "sources" }
        );
        let mut ordered: Vec<_> = quotes.iter().filter(|q| q.id == cluster.base).collect();
        ordered.extend(quotes.iter().filter(|q| q.id != cluster.base));
        for q in ordered {
            let kind = match super::kind_name(&q.kind).as_str() {
                "scare" => "scare quote".to_string(),
                other => other.to_string(),
            };
            let cue = q.cue.as_deref().map(|c| format!(" · {}", escape(c))).unwrap_or_default();
            _ = writeln!(
                s,
                "<div class=\"line\" style=\"{}\"><div class=\"who\">{}</div><div class=\"text\"><span class=\"quote-text\">{}</span> <span class=\"kind\">{kind}</span><span class=\"meta\">{cue}</span></div></div>",
                colour_var(scope, &q.article),
                escape(scope.source_of(&q.article)),
                super::html::pieces_html(&quote_pieces(a, cluster, q))
            );
        }
        s.push_str("</div>\n");
    }
    s.push_str("</section>\n");
}

fn overlap(s: &mut String, scope: &Scope<'_>) {
    let a = scope.analysis;
    s.push_str("<section id=\"overlap\">\n<h2>Overlap between sources</h2>\n<p class=\"lead\">Sentences each pair of sources shares, and their share of the shorter article; darker cells share more.</p>\n");
    s.push_str("<table class=\"matrix\">\n<thead><tr><th></th>");
    for &j in &scope.articles {
        _ = write!(
            s,
            "<th><span class=\"swatch\" style=\"background:{}\"></span><br>{}</th>",
            source_hex(j),
            escape(&a.articles[j].source)
        );
    }
    s.push_str("</tr></thead>\n<tbody>\n");
    for &i in &scope.articles {
        _ = write!(
            s,
            "<tr><th class=\"row\"><span class=\"swatch\" style=\"background:{}\"></span> {}</th>",
            source_hex(i),
            escape(&a.articles[i].source)
        );
        for &j in &scope.articles {
            if i == j {
                s.push_str("<td class=\"meta\">—</td>");
                continue;
            }
            let (x, y) = (&a.articles[i].id, &a.articles[j].id);
            let pair = a.overlap.iter().find(|p| (&p.a == x && &p.b == y) || (&p.a == y && &p.b == x));
            match pair {
                Some(p) if p.shared_sentences > 0 => {
                    let alpha = 0.10 + 0.80 * p.shared_ratio.clamp(0.0, 1.0);
                    let ink = if alpha > 0.5 { "#fff" } else { "#1f2328" };
                    _ = write!(
                        s,
                        "<td style=\"background:rgba(47,109,181,{alpha:.2});color:{ink}\">{} <small>({:.0}%)</small></td>",
                        p.shared_sentences,
                        p.shared_ratio * 100.0
                    );
                }
                _ => s.push_str("<td class=\"meta\">0</td>"),
            }
        }
        s.push_str("</tr>\n");
    }
    s.push_str("</tbody>\n</table>\n</section>\n");
}
