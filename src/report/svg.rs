//! The timeline strip as a vector image: every dated event of the story's
//! period on one axis (the dates far outside it are listed under the axis),
//! striped in the colours of the sources that mention it, packed into lanes
//! so labels never overlap, and the articles' own dates in a row above.
//! The same drawing goes into the HTML report inline.

use super::{Scope, format_value, value_days};
use crate::model::{EntryKind, TimelineEntry, TimelineEvent};
use crate::palette::source_hex;
use crate::timeline;
use chrono::{Datelike as _, NaiveDate};
use std::fmt::Write as _;

const WIDTH: f64 = 960.0;
const GUTTER: f64 = 84.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 8.0;
const ROW_PUBLISHED: f64 = 24.0;
const LANE: f64 = 20.0;
const MARKER: f64 = 12.0;
const MIN_MARKER: f64 = 10.0;
const AXIS: f64 = 26.0;
/// The row under the axis that lists the dates outside the story's period.
const OUTSIDE: f64 = 18.0;
/// At most this many of them are named.
const OUTSIDE_LISTED: usize = 6;

/// A dated event of the strip: the event, its kept entries, its first and
/// last day.
type Placed<'a> = (&'a TimelineEvent, &'a Vec<&'a TimelineEntry>, (i32, i32));
/// Rough width of one character of the 11px label font.
const CHAR_PX: f64 = 6.2;

/// Escapes text for XML and HTML (text and attribute values).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A standalone SVG file.
pub fn render(scope: &Scope<'_>) -> Vec<u8> {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&timeline_svg(scope));
    out.push('\n');
    out.into_bytes()
}

/// Each shown article's own date (position, day), from its `published`
/// timeline entry or its front-matter date.
fn article_days(scope: &Scope<'_>) -> Vec<(usize, i32)> {
    let a = scope.analysis;
    scope
        .articles
        .iter()
        .filter_map(|&i| {
            let article = &a.articles[i];
            let published =
                a.timeline.iter().find(|t| t.article == article.id && t.kind == EntryKind::Published).map(|t| t.value);
            let own = || article.date.as_deref().and_then(|d| d.parse().ok());
            let (day, _) = value_days(published.or_else(own)?)?;
            Some((i, day))
        })
        .collect()
}

/// The `<svg>` element alone (for inlining).
pub fn timeline_svg(scope: &Scope<'_>) -> String {
    let published = article_days(scope);
    let (events, outside) = split_by_period(scope, &published);
    let lo = events.iter().map(|e| e.2.0).chain(published.iter().map(|p| p.1)).min();
    let hi = events.iter().map(|e| e.2.1).chain(published.iter().map(|p| p.1)).max();
    let (Some(lo), Some(hi)) = (lo, hi) else {
        return format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" width=\"{WIDTH}\" height=\"40\" \
             viewBox=\"0 0 {WIDTH} 40\" font-family=\"sans-serif\" font-size=\"12\" role=\"img\">\
             <title>Timeline</title><text x=\"{GUTTER}\" y=\"24\" fill=\"#666\">No dates found</text></svg>"
        );
    };
    // A little room either side; at least a week shown.
    let span = f64::from((hi - lo + 1).max(7));
    let (from, to) = (f64::from(lo) - span * 0.04, f64::from(lo) + span * 1.04);
    let plot = WIDTH - GUTTER - RIGHT;
    let x_of = |day: f64| GUTTER + (day - from) / (to - from) * plot;

    // Pack events into lanes: the first lane whose last label ends before
    // this marker starts.
    let mut lane_end: Vec<f64> = Vec::new();
    let mut placed = Vec::new();
    for (event, entries, (a, b)) in &events {
        let x0 = x_of(f64::from(*a));
        let x1 = x_of(f64::from(*b) + 1.0).max(x0 + MIN_MARKER);
        let label = event.value.label();
        let label_px = label.chars().count() as f64 * CHAR_PX;
        // Labels go right of the marker, or left of it near the right edge.
        let left = x1 + 4.0 + label_px > WIDTH - 2.0;
        let (start, end) = if left { (x0 - 4.0 - label_px, x1 + 8.0) } else { (x0, x1 + 4.0 + label_px + 8.0) };
        let lane = match lane_end.iter().position(|&e| e < start) {
            Some(l) => l,
            None => {
                lane_end.push(f64::MIN);
                lane_end.len() - 1
            }
        };
        lane_end[lane] = end;
        placed.push((*event, *entries, x0, x1, lane, label, left));
    }
    let lanes = lane_end.len().max(1) as f64;
    let lanes_top = TOP + ROW_PUBLISHED + 6.0;
    let axis_y = lanes_top + lanes * LANE + 6.0;
    let height = axis_y + AXIS + if outside.is_empty() { 0.0 } else { OUTSIDE };

    let mut s = String::new();
    _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" width=\"{WIDTH}\" height=\"{height}\" \
         viewBox=\"0 0 {WIDTH} {height}\" font-family=\"'Helvetica Neue', Arial, sans-serif\" font-size=\"11\" \
         role=\"img\" aria-label=\"Timeline of {} dated events\">",
        placed.len()
    );
    _ = write!(s, "<title>Timeline: {} dated events</title>", placed.len());
    // Row labels and guides.
    _ = write!(
        s,
        "<text x=\"4\" y=\"{:.1}\" fill=\"#666\">Published</text>\
         <text x=\"4\" y=\"{:.1}\" fill=\"#666\">Mentioned</text>",
        TOP + ROW_PUBLISHED / 2.0 + 4.0,
        lanes_top + LANE / 2.0 + 4.0
    );
    _ = write!(
        s,
        "<line x1=\"{GUTTER}\" y1=\"{axis_y:.1}\" x2=\"{:.1}\" y2=\"{axis_y:.1}\" stroke=\"#999\" stroke-width=\"1\"/>",
        WIDTH - RIGHT
    );
    for (day, label) in ticks(from, to, plot) {
        let x = x_of(day);
        _ = write!(
            s,
            "<line x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\" stroke=\"#ddd\" stroke-width=\"1\"/>\
             <line x1=\"{x:.1}\" y1=\"{axis_y:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\" stroke=\"#999\"/>\
             <text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#555\">{}</text>",
            TOP,
            axis_y,
            axis_y + 4.0,
            axis_y + 17.0,
            escape(&label)
        );
    }
    published_dots(&mut s, scope, &published, &x_of);
    // One marker per event, striped by the sources that mention it.
    for (event, entries, x0, x1, lane, label, left) in &placed {
        let y = lanes_top + *lane as f64 * LANE + (LANE - MARKER) / 2.0;
        let mut sources: Vec<usize> = entries.iter().map(|t| scope.position(&t.article)).collect();
        sources.sort_unstable();
        sources.dedup();
        let fuzzy = entries.iter().all(|t| t.fuzzy);
        let names: Vec<&str> = sources.iter().map(|&i| scope.analysis.articles[i].source.as_str()).collect();
        _ = write!(
            s,
            "<g class=\"event\" data-event=\"{}\"{}><title>{} — {}: {}</title>",
            escape(&event.id),
            if fuzzy { " opacity=\"0.6\"" } else { "" },
            escape(label),
            if names.len() == 1 { "1 source".to_string() } else { format!("{} sources", names.len()) },
            escape(&names.join(", "))
        );
        let stripe = MARKER / sources.len().max(1) as f64;
        for (k, &i) in sources.iter().enumerate() {
            _ = write!(
                s,
                "<rect x=\"{x0:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{stripe:.2}\" fill=\"{}\"/>",
                y + k as f64 * stripe,
                x1 - x0,
                source_hex(i)
            );
        }
        _ = write!(
            s,
            "<rect x=\"{x0:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{MARKER}\" rx=\"2\" fill=\"none\" stroke=\"#333\" \
             stroke-opacity=\"0.35\"{}/><text x=\"{:.1}\" y=\"{:.1}\" fill=\"#222\"{}>{}</text></g>",
            x1 - x0,
            if fuzzy { " stroke-dasharray=\"3 2\"" } else { "" },
            if *left { x0 - 4.0 } else { x1 + 4.0 },
            y + MARKER - 2.0,
            if *left { " text-anchor=\"end\"" } else { "" },
            escape(label)
        );
    }
    outside_line(&mut s, scope, &outside, axis_y + AXIS + OUTSIDE - 6.0);
    s.push_str("</svg>");
    s
}

/// The dated events of the story's own period and those outside it, when
/// the dates reach far beyond it ([`timeline::story_period`]): those
/// outside are listed under the axis instead of squeezing it.
fn split_by_period<'a>(scope: &'a Scope<'_>, published: &[(usize, i32)]) -> (Vec<Placed<'a>>, Vec<Placed<'a>>) {
    let events: Vec<Placed<'a>> = scope
        .events
        .iter()
        .filter_map(|(event, entries)| value_days(event.value).map(|days| (*event, entries, days)))
        .collect();
    let period = timeline::story_period(
        events.iter().map(|e| (f64::from(e.2.0), f64::from(e.2.1))).collect(),
        &published.iter().map(|p| f64::from(p.1)).collect::<Vec<_>>(),
    );
    match period {
        Some((a, b)) => events.into_iter().partition(|e| f64::from(e.2.1) >= a && f64::from(e.2.0) <= b),
        None => (events, Vec::new()),
    }
}

/// The events outside the story's period, as one line of text under the
/// axis at `y`: the first [`OUTSIDE_LISTED`] named with their number of
/// sources, each an element of class "event" like the markers.
fn outside_line(s: &mut String, scope: &Scope<'_>, outside: &[Placed<'_>], y: f64) {
    if outside.is_empty() {
        return;
    }
    _ = write!(s, "<text x=\"{GUTTER}\" y=\"{:.1}\" fill=\"#555\">Also mentioned, outside this period: ", y);
    for (k, (event, entries, _)) in outside.iter().enumerate() {
        let mut sources: Vec<usize> = entries.iter().map(|t| scope.position(&t.article)).collect();
        sources.sort_unstable();
        sources.dedup();
        let n = sources.len();
        let label = format!("{} ({n} source{})", event.value.label(), if n == 1 { "" } else { "s" });
        let shown = k < OUTSIDE_LISTED;
        _ = write!(
            s,
            "<tspan class=\"event\" data-event=\"{}\"{}>{}{}</tspan>",
            escape(&event.id),
            if shown { "" } else { " display=\"none\"" },
            if k > 0 && shown { ", " } else { "" },
            escape(&label)
        );
    }
    let more = outside.len().saturating_sub(OUTSIDE_LISTED);
    if more > 0 {
        _ = write!(s, ", and {more} more");
    }
    s.push_str("</text>");
}

/// The articles' own dates, as dots in their colours; several on one day
/// sit side by side.
fn published_dots(s: &mut String, scope: &Scope<'_>, published: &[(usize, i32)], x_of: &dyn Fn(f64) -> f64) {
    let mut seen: Vec<i32> = Vec::new();
    for (i, day) in published {
        let k = seen.iter().filter(|d| *d == day).count() as f64;
        seen.push(*day);
        let x = x_of(f64::from(*day) + 0.5) + k * 9.0;
        let article = &scope.analysis.articles[*i];
        _ = write!(
            s,
            "<circle class=\"published\" cx=\"{x:.1}\" cy=\"{:.1}\" r=\"4.5\" fill=\"{}\"><title>{} published {}</title></circle>",
            TOP + ROW_PUBLISHED / 2.0,
            source_hex(*i),
            escape(&article.source),
            escape(&format_value(
                &NaiveDate::from_num_days_from_ce_opt(*day).map_or_else(String::new, |d| d.to_string())
            ))
        );
    }
}

/// Axis ticks at whole days, months or years, at least ~80 px apart.
fn ticks(from: f64, to: f64, plot: f64) -> Vec<(f64, String)> {
    let px_per_day = plot / (to - from);
    let steps: [(u32, u32, u32); 14] = [
        (1, 0, 0),
        (2, 0, 0),
        (7, 0, 0),
        (14, 0, 0),
        (0, 1, 0),
        (0, 3, 0),
        (0, 6, 0),
        (0, 0, 1),
        (0, 0, 2),
        (0, 0, 5),
        (0, 0, 10),
        (0, 0, 20),
        (0, 0, 50),
        (0, 0, 100),
    ];
    let approx = |(d, m, y): (u32, u32, u32)| f64::from(d) + f64::from(m) * 30.44 + f64::from(y) * 365.25;
    let step = steps.iter().copied().find(|s| approx(*s) * px_per_day >= 80.0).unwrap_or((0, 0, 500));
    let (Some(start), Some(end)) =
        (NaiveDate::from_num_days_from_ce_opt(from.ceil() as i32), NaiveDate::from_num_days_from_ce_opt(to as i32))
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut push = |date: NaiveDate, label: String| out.push((f64::from(date.num_days_from_ce()), label));
    match step {
        (d, 0, 0) => {
            let first = start.num_days_from_ce();
            let mut day = first + (d as i32 - first.rem_euclid(d as i32)) % d as i32;
            while let Some(date) = NaiveDate::from_num_days_from_ce_opt(day).filter(|x| *x <= end) {
                push(date, date.format("%-d %b").to_string());
                day += d as i32;
            }
        }
        (0, m, 0) => {
            let (mut y, mut m0) = (start.year(), start.month0());
            while let Some(date) = NaiveDate::from_ymd_opt(y, m0 + 1, 1).filter(|x| *x <= end) {
                if date >= start && m0 % m == 0 {
                    push(date, date.format("%b %Y").to_string());
                }
                m0 += 1;
                if m0 == 12 {
                    (y, m0) = (y + 1, 0);
                }
            }
        }
        (0, 0, n) => {
            let mut y = start.year();
            while let Some(date) = NaiveDate::from_ymd_opt(y, 1, 1).filter(|x| *x <= end) {
                if date >= start && y.rem_euclid(n as i32) == 0 {
                    push(date, y.to_string());
                }
                y += 1;
            }
        }
        _ => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_fit_the_span() {
        let day = |y, m, d| f64::from(NaiveDate::from_ymd_opt(y, m, d).unwrap().num_days_from_ce());
        let week = ticks(day(2022, 9, 1), day(2022, 9, 8), 800.0);
        assert!(week.len() >= 7 && week[0].1.ends_with("Sep"), "{week:?}");
        let decade = ticks(day(2010, 1, 1), day(2022, 12, 31), 800.0);
        assert!(decade.iter().all(|(_, l)| l.len() == 4), "{decade:?}");
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(escape("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
    }
}
