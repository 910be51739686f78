//! The Markdown report: the HTML report's content for documents and wikis
//! (GitHub-flavoured: tables and `~~strikethrough~~`). Inserted words are
//! **bold**, the base's missing words ~~struck~~, and disagreeing values
//! wrapped in `<mark>`, which GitHub, GitLab and most wikis render.

use super::{Options, Piece, Scope, format_value, member_pieces, quote_pieces};
use std::fmt::Write as _;

/// Escapes the characters Markdown would read as markup.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' | '<' | '>' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Diff pieces as Markdown. Emphasis markers never touch whitespace, so
/// they always render.
pub fn pieces_md(pieces: &[Piece<'_>]) -> String {
    let mut s = String::new();
    for piece in pieces {
        match piece {
            Piece::Text { text, inserted, discrepancy } => {
                let lead = &text[..text.len() - text.trim_start().len()];
                let trail = &text[text.trim_end().len()..];
                let core = text.trim();
                if core.is_empty() {
                    s.push_str(&escape(text));
                    continue;
                }
                let mut t = escape(core);
                if *discrepancy {
                    t = format!("<mark>{t}</mark>");
                }
                if *inserted {
                    t = format!("**{t}**");
                }
                _ = write!(s, "{}{t}{}", escape(lead), escape(trail));
            }
            Piece::Deleted { text, at_start } => {
                let del = format!("~~{}~~", escape(text));
                if *at_start {
                    _ = write!(s, "{del} ");
                } else {
                    _ = write!(s, " {del}");
                }
            }
            Piece::DeletedWords { words, at_start } => {
                let del = format!("~~\\[−{words} words\\]~~");
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

pub fn render(scope: &Scope<'_>, options: &Options) -> Vec<u8> {
    let a = scope.analysis;
    let mut s = String::new();
    let title = if options.title.is_empty() { "Parallax report" } else { options.title.as_str() };
    _ = writeln!(s, "# {}\n", escape(title));
    _ = writeln!(
        s,
        "{} sources · {} facts shared by two or more sources · {} with disagreeing numbers or dates · {} quote clusters · {} dated events\n",
        scope.articles.len(),
        scope.groups.len(),
        scope.discrepant().count(),
        scope.clusters.len(),
        scope.events.len()
    );
    if let Some(day) = &a.reference_date {
        _ = writeln!(s, "The story is about {}.\n", format_value(day));
    }
    if let Some(note) = super::many_stories_note(a) {
        _ = writeln!(s, "{}\n", escape(&note));
    }
    if let Some(filter) = scope.view.describe(a) {
        _ = writeln!(s, "> {}\n", escape(&filter));
    }

    s.push_str("## Sources\n\n| Source | Date | Title | File |\n|---|---|---|---|\n");
    for &i in &scope.articles {
        let article = &a.articles[i];
        _ = writeln!(
            s,
            "| **{}** | {} | {} | `{}` |",
            escape(&article.source),
            article.date.as_deref().map_or_else(|| "—".to_string(), format_value),
            escape(&article.title),
            article.file.replace('`', "'")
        );
    }

    s.push_str("\n## Headlines\n\n");
    for &i in &scope.articles {
        let article = &a.articles[i];
        _ = writeln!(s, "- **{}**: {}", escape(&article.source), escape(&article.title));
    }

    facts(&mut s, scope);
    discrepancies(&mut s, scope);
    exclusives(&mut s, scope);
    timeline(&mut s, scope);
    quotes(&mut s, scope);
    overlap(&mut s, scope);
    s.into_bytes()
}

fn facts(s: &mut String, scope: &Scope<'_>) {
    let a = scope.analysis;
    s.push_str("\n## Aligned facts\n\nOne block per fact that two or more sources report; the first line is the base the others are compared with. **Bold**: words only that source has; ~~struck~~: words of the base it left out; <mark>marked</mark>: a number or date the sources state differently.\n");
    let total = a.articles.len();
    for (group, members) in &scope.groups {
        let fact = a.groups.iter().position(|g| g.id == group.id).map_or(0, |i| i + 1);
        _ = write!(s, "\n### Fact {fact}\n\n{} of {total} sources", Scope::sources_in(members));
        if group.cohesion > 0.0 {
            _ = write!(s, " · {:.0}% alike", group.cohesion * 100.0);
        }
        if !group.discrepancies.is_empty() {
            _ = write!(s, " · **≠ {}**", escape(&super::html::discrepancy_summary(group)));
        }
        s.push_str("\n\n");
        let mut ordered: Vec<&str> = members.iter().copied().filter(|m| *m == group.base).collect();
        ordered.extend(members.iter().copied().filter(|m| *m != group.base));
        for member in ordered {
            let role = super::member_role(group, member).map(|r| format!(" ({r})")).unwrap_or_default();
            _ = writeln!(
                s,
                "- **{}**{role}: {}",
                escape(scope.source_of(member)),
                pieces_md(&member_pieces(a, group, member))
            );
        }
    }
}

fn discrepancies(s: &mut String, scope: &Scope<'_>) {
    let a = scope.analysis;
    s.push_str("\n## Discrepancies\n\n");
    let mut any = false;
    for (group, members) in scope.discrepant() {
        any = true;
        let fact = a.groups.iter().position(|g| g.id == group.id).map_or(0, |i| i + 1);
        for d in &group.discrepancies {
            let about = d.label();
            _ = writeln!(
                s,
                "**Fact {fact}, {} ({})**\n\n| Source | Value | Sentence |\n|---|---|---|",
                escape(about),
                d.kind.as_str()
            );
            for v in d.values.iter().filter(|v| members.contains(&v.sentence.as_str())) {
                _ = writeln!(
                    s,
                    "| {} | <mark>{}</mark> | {} |",
                    escape(scope.source_of(&v.sentence)),
                    escape(&v.text),
                    escape(a.sentence_text(&v.sentence).unwrap_or("").trim())
                );
            }
            s.push('\n');
        }
    }
    if !any {
        s.push_str("The sources agree on every number and date they share.\n\n");
    }
}

fn exclusives(s: &mut String, scope: &Scope<'_>) {
    let a = scope.analysis;
    s.push_str("## Exclusive material\n");
    for (i, sentences) in &scope.exclusives {
        let article = &a.articles[*i];
        _ = writeln!(
            s,
            "\n### {} ({} of {} sentences)\n",
            escape(&article.source),
            sentences.len(),
            article.sentences.len()
        );
        if sentences.is_empty() {
            s.push_str("Nothing only this source reports.\n");
        }
        for id in sentences {
            _ = writeln!(s, "- {}", escape(a.sentence_text(id).unwrap_or("").trim()));
        }
    }
}

fn timeline(s: &mut String, scope: &Scope<'_>) {
    s.push_str("\n## Timeline\n\n");
    if scope.events.is_empty() {
        s.push_str("No dates found.\n");
    } else {
        s.push_str("| Date | Sources | As written |\n|---|---|---|\n");
        for (event, entries) in &scope.events {
            let mut sources: Vec<&str> = Vec::new();
            for t in entries {
                let name = scope.source_of(&t.article);
                if !sources.contains(&name) {
                    sources.push(name);
                }
            }
            let mut written: Vec<&str> = entries.iter().map(|t| t.text.as_str()).collect();
            written.sort_unstable();
            written.dedup();
            _ = writeln!(
                s,
                "| {} | {} | {} |",
                event.value.label(),
                escape(&sources.join(", ")),
                escape(&written.join(" · "))
            );
        }
    }
}

fn quotes(s: &mut String, scope: &Scope<'_>) {
    let a = scope.analysis;
    s.push_str("\n## Quotations\n");
    if scope.clusters.is_empty() {
        s.push_str("\nNo quotation found.\n");
    }
    for (cluster, quotes) in &scope.clusters {
        let speaker = cluster.speaker.as_deref().unwrap_or("Unattributed");
        _ = writeln!(s, "\n**{}**\n", escape(speaker));
        let mut ordered: Vec<_> = quotes.iter().filter(|q| q.id == cluster.base).collect();
        ordered.extend(quotes.iter().filter(|q| q.id != cluster.base));
        for q in ordered {
            let cue = q.cue.as_deref().map(|c| format!(" ({})", escape(c))).unwrap_or_default();
            let kind = match super::kind_name(&q.kind).as_str() {
                "direct" => String::new(),
                "scare" => " · scare quote".to_string(),
                other => format!(" · {other}"),
            };
            _ = writeln!(
                s,
                "- **{}**: “{}”{cue}{kind}",
                escape(scope.source_of(&q.article)),
                pieces_md(&quote_pieces(a, cluster, q))
            );
        }
    }
}

fn overlap(s: &mut String, scope: &Scope<'_>) {
    let a = scope.analysis;
    s.push_str("\n## Overlap between sources\n\nSentences each pair shares (share of the shorter article).\n\n|  |");
    for &j in &scope.articles {
        _ = write!(s, " {} |", escape(&a.articles[j].source));
    }
    s.push_str("\n|---|");
    for _ in &scope.articles {
        s.push_str("---|");
    }
    s.push('\n');
    for &i in &scope.articles {
        _ = write!(s, "| **{}** |", escape(&a.articles[i].source));
        for &j in &scope.articles {
            if i == j {
                s.push_str(" — |");
                continue;
            }
            let (x, y) = (&a.articles[i].id, &a.articles[j].id);
            match a.overlap.iter().find(|p| (&p.a == x && &p.b == y) || (&p.a == y && &p.b == x)) {
                Some(p) => {
                    _ = write!(s, " {} ({:.0}%) |", p.shared_sentences, p.shared_ratio * 100.0);
                }
                None => s.push_str(" 0 |"),
            }
        }
        s.push('\n');
    }
}
