//! The Timeline strip: every dated event the articles mention on one
//! horizontal axis, with the articles' own dates as a separate row.
//!
//! The axis labels itself in decades, years, months, weeks or days depending
//! on the zoom. The wheel zooms around the pointer and dragging pans. Each
//! marker is striped in the colours of the sources that mention it; hovering
//! lists the sentences, clicking filters the other panes to them.

use super::Command;
use super::theme;
use super::workspace::Workspace;
use crate::model::{EntryKind, TimelineEvent};
use chrono::{Datelike, NaiveDate};
use eframe::egui::{self, Align2, FontId, Pos2, Rect, RichText, Sense, Stroke, StrokeKind, vec2};

/// Width of the row-label column.
const GUTTER: f32 = 76.0;
const ROW_ARTICLES: f32 = 26.0;
const AXIS_HEIGHT: f32 = 22.0;
const LANE_HEIGHT: f32 = 17.0;
const MARKER_HEIGHT: f32 = 11.0;
const MIN_MARKER_WIDTH: f32 = 12.0;

/// The first and last day (inclusive, as days since the common era) a
/// TIMEX3-style value `YYYY`, `YYYY-MM` or `YYYY-MM-DD` covers.
pub fn value_range(value: &str) -> Option<(f64, f64)> {
    let parts: Vec<&str> = value.split('-').collect();
    let year: i32 = parts.first()?.parse().ok()?;
    let day = |y: i32, m: u32, d: u32| NaiveDate::from_ymd_opt(y, m, d).map(|d| f64::from(d.num_days_from_ce()));
    match parts.as_slice() {
        [_] => Some((day(year, 1, 1)?, day(year, 12, 31)?)),
        [_, m] => {
            let month: u32 = m.parse().ok()?;
            let start = day(year, month, 1)?;
            let next = if month == 12 { day(year + 1, 1, 1)? } else { day(year, month + 1, 1)? };
            Some((start, next - 1.0))
        }
        [_, m, d] => {
            let at = day(year, m.parse().ok()?, d.parse().ok()?)?;
            Some((at, at))
        }
        _ => None,
    }
}

/// `2022-07-15` → `15 Jul 2022`, `2022-07` → `July 2022`, `2022` → `2022`.
pub fn format_value(value: &str) -> String {
    let parts: Vec<&str> = value.split('-').collect();
    let parse = |s: &str| s.parse::<u32>().ok();
    match parts.as_slice() {
        [y, m, d] => match (y.parse::<i32>().ok(), parse(m), parse(d)) {
            (Some(y), Some(m), Some(d)) => NaiveDate::from_ymd_opt(y, m, d)
                .map_or_else(|| value.to_string(), |date| date.format("%-d %b %Y").to_string()),
            _ => value.to_string(),
        },
        [y, m] => match (y.parse::<i32>().ok(), parse(m)) {
            (Some(y), Some(m)) => NaiveDate::from_ymd_opt(y, m, 1)
                .map_or_else(|| value.to_string(), |date| date.format("%B %Y").to_string()),
            _ => value.to_string(),
        },
        _ => value.to_string(),
    }
}

fn date_of(day: f64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(day.floor() as i32)
}

/// Spacing of the axis ticks.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Step {
    Days(i64),
    Months(u32),
    Years(i32),
}

impl Step {
    fn approx_days(self) -> f64 {
        match self {
            Step::Days(n) => n as f64,
            Step::Months(n) => f64::from(n) * 30.44,
            Step::Years(n) => f64::from(n) * 365.25,
        }
    }
}

const STEPS: [Step; 15] = [
    Step::Days(1),
    Step::Days(2),
    Step::Days(7),
    Step::Days(14),
    Step::Months(1),
    Step::Months(3),
    Step::Months(6),
    Step::Years(1),
    Step::Years(2),
    Step::Years(5),
    Step::Years(10),
    Step::Years(20),
    Step::Years(50),
    Step::Years(100),
    Step::Years(500),
];

/// The finest step whose ticks are at least `min_px` apart.
fn choose_step(px_per_day: f64, min_px: f64) -> Step {
    STEPS.iter().copied().find(|s| s.approx_days() * px_per_day >= min_px).unwrap_or(Step::Years(1000))
}

/// Tick positions (days) and labels within `[from, to]`.
fn ticks(from: f64, to: f64, step: Step) -> Vec<(f64, String)> {
    let (Some(start), Some(_)) = (date_of(from), date_of(to)) else {
        return Vec::new();
    };
    let mut out: Vec<(f64, String)> = Vec::new();
    fn push(out: &mut Vec<(f64, String)>, from: f64, to: f64, date: NaiveDate, label: String) {
        let day = f64::from(date.num_days_from_ce());
        if day >= from && day <= to {
            out.push((day, label));
        }
    }
    match step {
        Step::Days(n) => {
            let first = start.num_days_from_ce() as i64;
            let mut d = first - first.rem_euclid(n);
            while (d as f64) <= to && out.len() < 400 {
                if let Some(date) = NaiveDate::from_num_days_from_ce_opt(d as i32) {
                    let label = if date.day() <= n as u32 && date.month() == 1 {
                        date.format("%-d %b %Y").to_string()
                    } else {
                        date.format("%-d %b").to_string()
                    };
                    push(&mut out, from, to, date, label);
                }
                d += n;
            }
        }
        Step::Months(n) => {
            let (mut y, mut m) = (start.year(), start.month0());
            m -= m % n;
            while out.len() < 400 {
                let Some(date) = NaiveDate::from_ymd_opt(y, m + 1, 1) else {
                    break;
                };
                if f64::from(date.num_days_from_ce()) > to {
                    break;
                }
                let label = if m == 0 { date.format("%Y").to_string() } else { date.format("%b").to_string() };
                push(&mut out, from, to, date, label);
                m += n;
                if m >= 12 {
                    m -= 12;
                    y += 1;
                }
            }
        }
        Step::Years(n) => {
            let mut y = start.year() - start.year().rem_euclid(n);
            while out.len() < 400 {
                let Some(date) = NaiveDate::from_ymd_opt(y, 1, 1) else {
                    break;
                };
                if f64::from(date.num_days_from_ce()) > to {
                    break;
                }
                let label = if n >= 10 && y % 10 == 0 { format!("{y}s") } else { y.to_string() };
                push(&mut out, from, to, date, label);
                y += n;
            }
        }
    }
    out
}

/// Every dated thing on the strip, to fit the view around.
fn extent(ws: &Workspace) -> Option<(f64, f64)> {
    let events = ws.analysis.events.iter().filter_map(|e| value_range(&e.value));
    let published = article_dates(ws).into_iter().map(|(_, d)| (d, d));
    let (lo, hi) = events.chain(published).fold((f64::MAX, f64::MIN), |(lo, hi), (a, b)| (lo.min(a), hi.max(b)));
    if lo > hi {
        return None;
    }
    let pad = ((hi - lo) * 0.06).max(3.0);
    Some((lo - pad, hi + 1.0 + pad))
}

/// Each article's own date (index, day): from `published` timeline entries,
/// else from the article.
fn article_dates(ws: &Workspace) -> Vec<(usize, f64)> {
    ws.analysis
        .articles
        .iter()
        .enumerate()
        .filter_map(|(i, a)| {
            let published = ws
                .analysis
                .timeline
                .iter()
                .find(|t| t.article == a.id && t.kind == EntryKind::Published)
                .map(|t| t.value.as_str());
            let value = published.or(a.date.as_deref())?;
            value_range(value).map(|(start, _)| (i, start))
        })
        .collect()
}

pub fn timeline_ui(ui: &mut egui::Ui, ws: &mut Workspace, dark: bool, commands: &mut Vec<Command>) {
    let dated = ws.analysis.events.iter().filter(|e| value_range(&e.value).is_some()).count();
    ui.horizontal(|ui| {
        pane_header_ui_inline(ui, dated);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .add_enabled(ws.timeline_view.is_some(), egui::Button::new("Fit all").small())
                .on_hover_text("Zoom to show every date")
                .clicked()
            {
                ws.timeline_view = None;
            }
            if let Some(event) = &ws.event_filter {
                let label = ws.event_label(event);
                if ui
                    .add(egui::Button::new(RichText::new(format!("× {label}")).small()))
                    .on_hover_text("Stop filtering by this date (Esc)")
                    .clicked()
                {
                    commands.push(Command::FilterEvent(None));
                }
            }
        });
    });
    let Some(fit) = extent(ws) else {
        ui.add_space(12.0);
        ui.vertical_centered(|ui| {
            ui.label(RichText::new("No dates found").weak().strong());
            ui.label(
                RichText::new("Dates the articles mention, and their publication dates, appear here on one axis.")
                    .small()
                    .weak(),
            );
        });
        return;
    };
    let (from, to) = ws.timeline_view.unwrap_or(fit);
    let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
    let plot = Rect::from_min_max(Pos2::new(rect.left() + GUTTER, rect.top()), rect.max);
    let px_per_day = f64::from(plot.width()) / (to - from).max(1e-6);
    let x_of = |day: f64| plot.left() + ((day - from) * px_per_day) as f32;

    // Zoom around the pointer with the wheel; pan by dragging.
    let mut view = (from, to);
    if response.hovered() {
        let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta()));
        let wheel = if scroll.y.abs() > scroll.x.abs() { scroll.y } else { 0.0 };
        let factor = f64::from((-wheel * 0.003).exp() / zoom);
        if (factor - 1.0).abs() > 1e-4
            && let Some(pointer) = response.hover_pos()
        {
            let at = from + f64::from(pointer.x - plot.left()) / px_per_day;
            let span = ((to - from) * factor).clamp(3.0, 365.25 * 600.0);
            let ratio = (at - from) / (to - from);
            view = (at - span * ratio, at + span * (1.0 - ratio));
        }
        if scroll.x.abs() > scroll.y.abs() {
            let shift = -f64::from(scroll.x) / px_per_day;
            view = (view.0 + shift, view.1 + shift);
        }
    }
    if response.dragged() {
        let shift = -f64::from(response.drag_delta().x) / px_per_day;
        view = (view.0 + shift, view.1 + shift);
    }
    if view != (from, to) {
        ws.timeline_view = Some(view);
        ui.ctx().request_repaint();
    }

    let painter = ui.painter_at(rect);
    let visuals = ui.visuals().clone();
    let weak = visuals.weak_text_color();
    let grid = visuals.widgets.noninteractive.bg_stroke.color;
    let small = FontId::proportional(11.0);

    // Axis and grid.
    let axis_y = rect.bottom() - AXIS_HEIGHT;
    let step = choose_step(px_per_day, 70.0);
    for (day, label) in ticks(from, to, step) {
        let x = x_of(day);
        painter.line_segment(
            [Pos2::new(x, rect.top() + 2.0), Pos2::new(x, axis_y)],
            Stroke::new(1.0, grid.gamma_multiply(0.6)),
        );
        painter.text(Pos2::new(x + 3.0, axis_y + 4.0), Align2::LEFT_TOP, label, small.clone(), weak);
    }
    painter.line_segment([Pos2::new(plot.left(), axis_y), Pos2::new(plot.right(), axis_y)], Stroke::new(1.0, grid));

    // Row labels.
    let articles_y = rect.top() + ROW_ARTICLES / 2.0;
    painter.text(Pos2::new(rect.left(), articles_y), Align2::LEFT_CENTER, "Published", small.clone(), weak);
    let lanes_top = rect.top() + ROW_ARTICLES + 6.0;
    painter.text(
        Pos2::new(rect.left(), lanes_top + LANE_HEIGHT / 2.0),
        Align2::LEFT_CENTER,
        "Mentioned",
        small.clone(),
        weak,
    );
    painter.line_segment(
        [
            Pos2::new(rect.left(), rect.top() + ROW_ARTICLES + 2.0),
            Pos2::new(rect.right(), rect.top() + ROW_ARTICLES + 2.0),
        ],
        Stroke::new(1.0, grid.gamma_multiply(0.5)),
    );

    // Article dates: one diamond per article, side by side on the same day.
    let mut per_day: std::collections::BTreeMap<i64, usize> = Default::default();
    for (index, day) in article_dates(ws) {
        let slot = per_day.entry(day as i64).or_default();
        let x = x_of(day + 0.5) + *slot as f32 * 9.0;
        *slot += 1;
        if x < plot.left() - 6.0 || x > plot.right() + 6.0 {
            continue;
        }
        let c = Pos2::new(x, articles_y);
        let colour = theme::source_colour(index, dark);
        let diamond = vec![c + vec2(0.0, -6.0), c + vec2(6.0, 0.0), c + vec2(0.0, 6.0), c + vec2(-6.0, 0.0)];
        painter.add(egui::Shape::convex_polygon(diamond, colour, Stroke::new(1.0, visuals.panel_fill)));
        let article = &ws.analysis.articles[index];
        let hit = Rect::from_center_size(c, vec2(12.0, 12.0));
        ui.interact(hit, ui.scope_id().with(("published", index)), Sense::hover()).on_hover_text(format!(
            "{} published {}",
            article.source,
            article.date.as_deref().map_or_else(String::new, format_value)
        ));
    }

    if dated == 0 {
        painter.text(
            Pos2::new(plot.left() + 8.0, lanes_top + LANE_HEIGHT / 2.0),
            Align2::LEFT_CENTER,
            "No dates mentioned in the text",
            small,
            weak,
        );
        return;
    }

    // Events, packed into lanes so markers and labels never overlap.
    let lane_count = (((axis_y - lanes_top) / LANE_HEIGHT).floor() as usize).max(1);
    let mut lane_end = vec![f32::MIN; lane_count];
    let mut events: Vec<(&TimelineEvent, f32, f32)> = ws
        .analysis
        .events
        .iter()
        .filter_map(|e| {
            let (a, b) = value_range(&e.value)?;
            let x0 = x_of(a);
            let x1 = x_of(b + 1.0).max(x0 + MIN_MARKER_WIDTH);
            Some((e, x0, x1))
        })
        .filter(|(_, x0, x1)| *x1 >= plot.left() && *x0 <= plot.right())
        .collect();
    events.sort_by(|a, b| a.1.total_cmp(&b.1));
    let hl = theme::highlights(dark);
    for (event, x0, x1) in events {
        let label = format_value(&event.value);
        let label_width = ui.fonts_mut(|f| f.layout_no_wrap(label.clone(), small.clone(), weak).size().x);
        let needed_end = x1 + 4.0 + label_width + 8.0;
        let lane = lane_end
            .iter()
            .position(|end| *end < x0)
            .unwrap_or_else(|| lane_end.iter().enumerate().min_by(|a, b| a.1.total_cmp(b.1)).map_or(0, |(i, _)| i));
        let show_label = lane_end[lane] < x0;
        lane_end[lane] = lane_end[lane].max(if show_label { needed_end } else { x1 + 2.0 });
        let y = lanes_top + lane as f32 * LANE_HEIGHT + (LANE_HEIGHT - MARKER_HEIGHT) / 2.0;
        let marker = Rect::from_min_max(Pos2::new(x0, y), Pos2::new(x1, y + MARKER_HEIGHT));
        let selected = ws.event_filter.as_deref() == Some(event.id.as_str());

        // Stripes in the colours of the mentioning sources.
        let sources: Vec<usize> = event.articles.iter().filter_map(|a| ws.article_position(a)).collect();
        let stripe = marker.width() / sources.len().max(1) as f32;
        for (k, index) in sources.iter().enumerate() {
            let r = Rect::from_min_size(
                Pos2::new(marker.left() + k as f32 * stripe, marker.top()),
                vec2(stripe, marker.height()),
            );
            painter.rect_filled(r, 0.0, theme::source_colour(*index, dark));
        }
        let outline =
            if selected { Stroke::new(2.0, visuals.strong_text_color()) } else { Stroke::new(1.0, visuals.panel_fill) };
        painter.rect_stroke(marker, 3.0, outline, StrokeKind::Outside);
        if show_label {
            painter.text(
                Pos2::new(x1 + 4.0, marker.center().y),
                Align2::LEFT_CENTER,
                &label,
                small.clone(),
                if selected { visuals.strong_text_color() } else { weak },
            );
        }
        if selected {
            painter.line_segment(
                [Pos2::new(marker.center().x, rect.top()), Pos2::new(marker.center().x, axis_y)],
                Stroke::new(1.0, hl.accent.gamma_multiply(0.5)),
            );
        }

        let id = ui.scope_id().with(("event", &event.id));
        let hit = ui.interact(marker.expand(2.0), id, Sense::click()).on_hover_cursor(egui::CursorIcon::PointingHand);
        hit.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Event {}", label)));
        let hit = hit.on_hover_ui(|ui| event_tooltip_ui(ui, ws, event, &label, dark));
        if hit.clicked() {
            commands.push(Command::FilterEvent(Some(event.id.clone())));
        }
    }
}

fn pane_header_ui_inline(ui: &mut egui::Ui, dated: usize) {
    ui.label(RichText::new("Timeline").font(theme::pane_title_font()).strong());
    let summary = match dated {
        0 => "no dated events".to_string(),
        1 => "1 dated event · scroll to zoom, drag to pan".to_string(),
        n => format!("{n} dated events · scroll to zoom, drag to pan"),
    };
    ui.label(RichText::new(summary).small().weak());
}

fn event_tooltip_ui(ui: &mut egui::Ui, ws: &Workspace, event: &TimelineEvent, label: &str, dark: bool) {
    ui.set_max_width(440.0);
    ui.label(RichText::new(label).strong());
    let n = event.articles.len();
    ui.label(RichText::new(format!("mentioned by {n} source{}", if n == 1 { "" } else { "s" })).small().weak());
    ui.add_space(4.0);
    let entries = ws.analysis.timeline.iter().filter(|t| event.entries.contains(&t.id));
    for entry in entries.take(8) {
        let Some((index, article)) = ws.article_of(&entry.article) else {
            continue;
        };
        let text = entry.sentence.as_deref().and_then(|s| ws.analysis.sentence_text(s)).unwrap_or(entry.text.as_str());
        let text: String = if text.chars().count() > 220 {
            format!("{}…", text.chars().take(220).collect::<String>())
        } else {
            text.to_string()
        };
        ui.horizontal_top(|ui| {
            ui.label(RichText::new(&article.source).small().strong().color(theme::source_colour(index, dark)));
            ui.add(egui::Label::new(RichText::new(text).small()).wrap());
        });
    }
    if event.entries.len() > 8 {
        ui.label(RichText::new(format!("and {} more", event.entries.len() - 8)).small().weak());
    }
    ui.label(RichText::new("Click to show only these sentences").small().weak());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_cover_their_period() {
        let (a, b) = value_range("2022-07").unwrap();
        assert_eq!(b - a, 30.0);
        let (a, b) = value_range("2024").unwrap();
        assert_eq!(b - a, 365.0);
        let (a, b) = value_range("2022-09-07").unwrap();
        assert_eq!(a, b);
        assert_eq!(value_range("2022-W30"), None);
        assert_eq!(value_range("soon"), None);
    }

    #[test]
    fn values_read_naturally() {
        assert_eq!(format_value("2022-09-07"), "7 Sep 2022");
        assert_eq!(format_value("2022-07"), "July 2022");
        assert_eq!(format_value("2014"), "2014");
    }

    #[test]
    fn axis_scales_from_decades_to_days() {
        assert_eq!(choose_step(70.0, 70.0), Step::Days(1));
        assert_eq!(choose_step(70.0 / 30.0, 70.0), Step::Months(1));
        assert_eq!(choose_step(70.0 / 365.0, 70.0), Step::Years(1));
        assert!(matches!(choose_step(70.0 / 4000.0, 70.0), Step::Years(n) if n >= 10));
        let (from, _) = value_range("2022-09-01").unwrap();
        let labels: Vec<String> = ticks(from, from + 6.5, Step::Days(1)).into_iter().map(|(_, l)| l).collect();
        assert_eq!(labels.first().map(String::as_str), Some("1 Sep"));
        assert_eq!(labels.len(), 7);
        let (from, to) = (value_range("1990").unwrap().0, value_range("2020").unwrap().1);
        let decades: Vec<String> = ticks(from, to, Step::Years(10)).into_iter().map(|(_, l)| l).collect();
        assert_eq!(decades, vec!["1990s", "2000s", "2010s", "2020s"]);
    }
}
