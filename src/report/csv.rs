//! Spreadsheet tables: one row per group member (facts), per quotation
//! (quotes) or per date mention (timeline), written by the `csv` crate
//! (RFC 4180 quoting, UTF-8, a header row).

use super::Scope;

/// Which table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Table {
    Facts,
    Quotes,
    Timeline,
}

/// How a member's wording relates to the group's base.
pub fn member_kind(is_base: bool, similarity: f32) -> &'static str {
    if is_base {
        "base"
    } else if similarity >= 0.999 {
        "copied"
    } else {
        "reworded"
    }
}

fn yes(flag: bool) -> &'static str {
    if flag { "yes" } else { "no" }
}

pub fn render(scope: &Scope<'_>, table: Table) -> Vec<u8> {
    let mut out = ::csv::Writer::from_writer(Vec::new());
    let result = match table {
        Table::Facts => facts(scope, &mut out),
        Table::Quotes => quotes(scope, &mut out),
        Table::Timeline => timeline(scope, &mut out),
    };
    // Writing into memory cannot fail.
    result.and_then(|()| out.flush().map_err(::csv::Error::from)).expect("CSV into memory");
    out.into_inner().expect("CSV into memory")
}

type Out = ::csv::Writer<Vec<u8>>;

fn facts(scope: &Scope<'_>, out: &mut Out) -> Result<(), ::csv::Error> {
    out.write_record([
        "group",
        "fact",
        "article",
        "source",
        "sentence_id",
        "kind",
        "similarity",
        "restates",
        "discrepancy",
        "disagreeing_values",
        "sentence",
    ])?;
    let a = scope.analysis;
    for (group, members) in &scope.groups {
        let fact = a.groups.iter().position(|g| g.id == group.id).map_or(0, |i| i + 1);
        for member in members {
            let is_base = group.base == *member;
            let diff = group.diffs.iter().find(|d| d.member == *member);
            let similarity = if is_base { 1.0 } else { diff.map_or(0.0, |d| d.similarity) };
            // The alignment's own reading when it gives one, else by the words.
            let kind = match diff.and_then(|d| d.wording) {
                Some(wording) if !is_base => super::kind_name(&wording),
                _ => member_kind(is_base, similarity).to_string(),
            };
            let values: Vec<String> = group
                .discrepancies
                .iter()
                .flat_map(|d| d.values.iter().filter(|v| v.sentence == *member).map(move |v| (d, v)))
                .map(|(d, v)| format!("{}: {}", d.label(), v.text))
                .collect();
            out.write_record([
                group.id.as_str(),
                &fact.to_string(),
                member.split_once('.').map_or("", |(x, _)| x),
                scope.source_of(member),
                member,
                &kind,
                &format!("{similarity:.3}"),
                match diff.and_then(|d| d.restates) {
                    Some(restates) if !is_base => yes(restates),
                    _ => "",
                },
                yes(!values.is_empty()),
                &values.join("; "),
                a.sentence_text(member).unwrap_or("").trim(),
            ])?;
        }
    }
    Ok(())
}

fn quotes(scope: &Scope<'_>, out: &mut Out) -> Result<(), ::csv::Error> {
    out.write_record(["quote", "cluster", "article", "source", "speaker", "kind", "cue", "sentence_id", "text"])?;
    for q in &scope.quotes {
        let kind = super::kind_name(&q.kind);
        out.write_record([
            q.id.as_str(),
            q.cluster.as_deref().unwrap_or(""),
            &q.article,
            scope.source_of(&q.article),
            q.speaker.as_deref().unwrap_or(""),
            &kind,
            q.cue.as_deref().unwrap_or(""),
            q.sentence.as_deref().unwrap_or(""),
            &q.text,
        ])?;
    }
    Ok(())
}

fn timeline(scope: &Scope<'_>, out: &mut Out) -> Result<(), ::csv::Error> {
    out.write_record([
        "entry",
        "event",
        "value",
        "date",
        "article",
        "source",
        "kind",
        "text",
        "fuzzy",
        "ambiguous",
        "alternative",
        "sentence_id",
        "sentence",
    ])?;
    for t in &scope.entries {
        let kind = super::kind_name(&t.kind);
        let sentence = t.sentence.as_deref().and_then(|s| scope.analysis.sentence_text(s)).unwrap_or("");
        out.write_record([
            t.id.as_str(),
            t.event.as_deref().unwrap_or(""),
            &t.value.to_string(),
            &t.value.label(),
            &t.article,
            scope.source_of(&t.article),
            &kind,
            &t.text,
            yes(t.fuzzy),
            yes(t.ambiguous),
            &t.alternative.map(|a| a.to_string()).unwrap_or_default(),
            t.sentence.as_deref().unwrap_or(""),
            sentence.trim(),
        ])?;
    }
    Ok(())
}
