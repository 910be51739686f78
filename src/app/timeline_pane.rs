//! The Timeline strip: every dated event the articles mention on one
//! horizontal axis, with the articles' own dates as a separate row.
//!
//! The axis labels itself in decades, years, months, weeks or days depending
//! on the zoom. The wheel zooms around the pointer and dragging pans. Each
//! marker is striped in the colours of the sources that mention it; hovering
//! lists the sentences, clicking filters the other panes to them.

use super::theme;
use super::widgets::counted;
use super::workspace::{TimelineExtents, TimelineView, Workspace};
use super::{Command, StoryCommand, UiCommand};
use crate::dates::Timex;
use crate::model::TimelineEvent;
use crate::timeline;
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
/// value covers; `None` for a value with an unknown year.
fn value_days(value: Timex) -> Option<(f64, f64)> {
    let (first, last) = value.days()?;
    Some((f64::from(first.num_days_from_ce()), f64::from(last.num_days_from_ce())))
}

/// An article's date (`2022-09-07`) as the strip shows it (`7 Sep 2022`).
fn date_label(date: &str) -> String {
    date.parse::<Timex>().map_or_else(|_| date.to_string(), Timex::label)
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

/// Every dated thing on the strip, to fit the views around.
fn extents(ws: &Workspace) -> Option<TimelineExtents> {
    let spans: Vec<(f64, f64)> = ws.analysis.events.iter().filter_map(|e| value_days(e.value)).collect();
    let published: Vec<f64> = article_dates(ws).map(|(_, d)| d).collect();
    let (lo, hi) = spans
        .iter()
        .copied()
        .chain(published.iter().map(|&d| (d, d)))
        .fold((f64::MAX, f64::MIN), |(lo, hi), (a, b)| (lo.min(a), hi.max(b)));
    if lo > hi {
        return None;
    }
    let padded = |lo: f64, hi: f64| {
        let pad = ((hi - lo) * 0.06).max(3.0);
        TimelineView { from_day: lo - pad, to_day: hi + 1.0 + pad }
    };
    let full = padded(lo, hi);
    let focus = timeline::story_period(spans, &published).map_or(full, |(a, b)| padded(a, b));
    Some(TimelineExtents { full, focus })
}

/// Each article's own date (index, day): from `published` timeline entries,
/// else from the article.
fn article_dates(ws: &Workspace) -> impl Iterator<Item = (usize, f64)> + '_ {
    ws.published.iter().enumerate().filter_map(|(i, value)| value_days((*value)?).map(|(start, _)| (i, start)))
}

pub fn timeline_ui(ui: &mut egui::Ui, ws: &mut Workspace, dark: bool, commands: &mut Vec<Command>) {
    let dated = ws.analysis.events.iter().filter(|e| value_days(e.value).is_some()).count();
    let extents = ws.timeline_extents(extents);
    header_ui(ui, ws, dated, extents, commands);
    let Some(extents) = extents else {
        no_dates_ui(ui);
        return;
    };
    let view = ws.timeline_view.unwrap_or(extents.focus);
    let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
    let plot = Rect::from_min_max(Pos2::new(rect.left() + GUTTER, rect.top()), rect.max);
    let scale = Scale::new(view, plot);
    zoom_and_pan(ui, ws, &response, &scale);

    let strip = Strip {
        painter: ui.painter_at(rect),
        rect,
        plot,
        scale,
        small: FontId::proportional(11.0),
        axis_y: rect.bottom() - AXIS_HEIGHT,
        lanes_top: rect.top() + ROW_ARTICLES + 6.0,
        dark,
        panel_fill: ui.visuals().panel_fill,
    };
    axis_ui(ui, &strip);
    row_labels_ui(ui, &strip);
    published_row_ui(ui, ws, &strip);
    if dated == 0 {
        let weak = ui.visuals().weak_text_color();
        strip.painter.text(
            Pos2::new(plot.left() + 8.0, strip.lanes_top + LANE_HEIGHT / 2.0),
            Align2::LEFT_CENTER,
            "No dates mentioned in the text",
            strip.small,
            weak,
        );
        return;
    }
    events_ui(ui, ws, &strip, commands);
    off_view_ui(ui, ws, &strip, extents.full);
}

/// "« 2 earlier" and "3 later »" at the ends of the "Published" row, for
/// the dated events outside the view; a click shows every date.
fn off_view_ui(ui: &mut egui::Ui, ws: &mut Workspace, strip: &Strip, full: TimelineView) {
    let (from, to) = (strip.scale.from_day, strip.scale.to_day);
    let (earlier, later) = ws
        .analysis
        .events
        .iter()
        .filter_map(|e| value_days(e.value))
        .fold((0usize, 0usize), |(earlier, later), (a, b)| {
            (earlier + usize::from(b + 1.0 < from), later + usize::from(a > to))
        });
    let row = Rect::from_min_max(strip.plot.min, Pos2::new(strip.plot.right(), strip.plot.top() + ROW_ARTICLES));
    for (count, text, align) in [
        (earlier, format!("« {earlier} earlier"), Align2::LEFT_CENTER),
        (later, format!("{later} later »"), Align2::RIGHT_CENTER),
    ] {
        if count == 0 {
            continue;
        }
        let width =
            ui.fonts_mut(|f| f.layout_no_wrap(text.clone(), strip.small.clone(), egui::Color32::WHITE).size().x);
        let rect = align.align_size_within_rect(vec2(width + 16.0, ROW_ARTICLES - 6.0), row.shrink2(vec2(2.0, 0.0)));
        let button = egui::Button::new(RichText::new(text).font(strip.small.clone()))
            .small()
            .wrap_mode(egui::TextWrapMode::Extend);
        let hover = format!("{} outside this view: show every date", counted(count, "date", "dates"));
        if ui.put(rect, button).on_hover_text(hover).clicked() {
            ws.timeline_view = Some(full);
        }
    }
}

/// Days to screen x.
struct Scale {
    from_day: f64,
    to_day: f64,
    left: f32,
    px_per_day: f64,
}

impl Scale {
    fn new(view: TimelineView, plot: Rect) -> Self {
        let px_per_day = f64::from(plot.width()) / (view.to_day - view.from_day).max(1e-6);
        Self { from_day: view.from_day, to_day: view.to_day, left: plot.left(), px_per_day }
    }

    fn x_of(&self, day: f64) -> f32 {
        self.left + ((day - self.from_day) * self.px_per_day) as f32
    }
}

/// Where the strip is drawn.
struct Strip {
    painter: egui::Painter,
    /// The whole strip, row labels included.
    rect: Rect,
    /// The part right of the row labels, where days are.
    plot: Rect,
    scale: Scale,
    small: FontId,
    /// The y of the axis line; the tick labels are below it.
    axis_y: f32,
    /// The top of the event lanes, which end at the axis.
    lanes_top: f32,
    dark: bool,
    panel_fill: egui::Color32,
}

/// The title, the event count, "Fit all", "Story period" and the active
/// date filter.
fn header_ui(
    ui: &mut egui::Ui,
    ws: &mut Workspace,
    dated: usize,
    extents: Option<TimelineExtents>,
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        pane_header_ui_inline(ui, dated);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if let Some(extents) = extents {
                let view = ws.timeline_view.unwrap_or(extents.focus);
                if ui
                    .add_enabled(view != extents.full, egui::Button::new("Fit all").small())
                    .on_hover_text("Zoom to show every date")
                    .clicked()
                {
                    ws.timeline_view = Some(extents.full);
                }
                if extents.focus != extents.full
                    && ui
                        .add_enabled(ws.timeline_view.is_some(), egui::Button::new("Story period").small())
                        .on_hover_text("Zoom to the period most dates fall in, and the articles' own dates")
                        .clicked()
                {
                    ws.timeline_view = None;
                }
            }
            if let Some(event) = &ws.event_filter {
                let label = ws.event_label(event);
                if ui
                    .add(egui::Button::new(RichText::new(format!("× {label}")).small()))
                    .on_hover_text(format!(
                        "Stop filtering by this date ({})",
                        UiCommand::ClearFilters.shortcut_text(ui.ctx())
                    ))
                    .clicked()
                {
                    commands.push(StoryCommand::FilterEvent(None).into());
                }
            }
        });
    });
}

fn no_dates_ui(ui: &mut egui::Ui) {
    ui.add_space(12.0);
    ui.vertical_centered(|ui| {
        ui.label(RichText::new("No dates found").weak().strong());
        ui.label(
            RichText::new("Dates the articles mention, and their publication dates, appear here on one axis.")
                .small()
                .weak(),
        );
    });
}

/// Zooms around the pointer with the wheel; pans by dragging.
fn zoom_and_pan(ui: &egui::Ui, ws: &mut Workspace, response: &egui::Response, scale: &Scale) {
    let (from, to, px_per_day) = (scale.from_day, scale.to_day, scale.px_per_day);
    let mut view = (from, to);
    if response.hovered() {
        let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta()));
        let wheel = if scroll.y.abs() > scroll.x.abs() { scroll.y } else { 0.0 };
        let factor = f64::from((-wheel * 0.003).exp() / zoom);
        if (factor - 1.0).abs() > 1e-4
            && let Some(pointer) = response.hover_pos()
        {
            let at = from + f64::from(pointer.x - scale.left) / px_per_day;
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
        ws.timeline_view = Some(TimelineView { from_day: view.0, to_day: view.1 });
        ui.ctx().request_repaint();
    }
}

/// The grid and the tick labels.
fn axis_ui(ui: &egui::Ui, strip: &Strip) {
    let (rect, plot, painter, axis_y) = (strip.rect, strip.plot, &strip.painter, strip.axis_y);
    let weak = ui.visuals().weak_text_color();
    let grid = ui.visuals().widgets.noninteractive.bg_stroke.color;
    let step = choose_step(strip.scale.px_per_day, 70.0);
    for (day, label) in ticks(strip.scale.from_day, strip.scale.to_day, step) {
        let x = strip.scale.x_of(day);
        painter.line_segment(
            [Pos2::new(x, rect.top() + 2.0), Pos2::new(x, axis_y)],
            Stroke::new(1.0, grid.gamma_multiply(0.6)),
        );
        painter.text(Pos2::new(x + 3.0, axis_y + 4.0), Align2::LEFT_TOP, label, strip.small.clone(), weak);
    }
    painter.line_segment([Pos2::new(plot.left(), axis_y), Pos2::new(plot.right(), axis_y)], Stroke::new(1.0, grid));
}

/// "Published" and "Mentioned" in the gutter.
fn row_labels_ui(ui: &egui::Ui, strip: &Strip) {
    let (rect, painter) = (strip.rect, &strip.painter);
    let weak = ui.visuals().weak_text_color();
    let grid = ui.visuals().widgets.noninteractive.bg_stroke.color;
    let articles_y = rect.top() + ROW_ARTICLES / 2.0;
    painter.text(Pos2::new(rect.left(), articles_y), Align2::LEFT_CENTER, "Published", strip.small.clone(), weak);
    let lanes_top = strip.lanes_top;
    painter.text(
        Pos2::new(rect.left(), lanes_top + LANE_HEIGHT / 2.0),
        Align2::LEFT_CENTER,
        "Mentioned",
        strip.small.clone(),
        weak,
    );
    painter.line_segment(
        [
            Pos2::new(rect.left(), rect.top() + ROW_ARTICLES + 2.0),
            Pos2::new(rect.right(), rect.top() + ROW_ARTICLES + 2.0),
        ],
        Stroke::new(1.0, grid.gamma_multiply(0.5)),
    );
}

/// Article dates: one diamond per article, side by side on the same day.
/// One hover target for the row: the diamond under the pointer.
fn published_row_ui(ui: &egui::Ui, ws: &Workspace, strip: &Strip) {
    let articles_y = strip.rect.top() + ROW_ARTICLES / 2.0;
    let panel_fill = ui.visuals().panel_fill;
    let row = Rect::from_x_y_ranges(strip.plot.x_range(), strip.rect.top()..=strip.rect.top() + ROW_ARTICLES);
    let response = ui.interact(row, ui.scope_id().with("published"), Sense::hover());
    let pointer = response.hover_pos();
    let mut hovered = None;
    // One mesh for all diamonds, each on a slightly larger one in the
    // panel's colour that keeps neighbours apart: a thousand articles would
    // otherwise be a thousand outlined polygons to tessellate.
    let mut diamonds = egui::Mesh::default();
    let mut per_day: std::collections::BTreeMap<i64, usize> = Default::default();
    for (index, day) in article_dates(ws) {
        let slot = per_day.entry(day as i64).or_default();
        let x = strip.scale.x_of(day + 0.5) + *slot as f32 * 9.0;
        *slot += 1;
        if x < strip.plot.left() - 6.0 || x > strip.plot.right() + 6.0 {
            continue;
        }
        let c = Pos2::new(x, articles_y);
        let colour = theme::source_colour(index, strip.dark);
        add_diamond(&mut diamonds, c, 7.0, panel_fill);
        add_diamond(&mut diamonds, c, 6.0, colour);
        if pointer.is_some_and(|p| Rect::from_center_size(c, vec2(12.0, 12.0)).contains(p)) {
            hovered = Some(index);
        }
    }
    strip.painter.add(diamonds);
    if let Some(index) = hovered {
        let article = &ws.analysis.articles[index];
        response.on_hover_text(format!(
            "{} published {}",
            article.source,
            article.date.as_deref().map_or_else(String::new, date_label)
        ));
    }
}

/// A filled diamond of half-width `r` centred on `c`.
fn add_diamond(mesh: &mut egui::Mesh, c: Pos2, r: f32, colour: egui::Color32) {
    let first = mesh.vertices.len() as u32;
    for p in [c + vec2(0.0, -r), c + vec2(r, 0.0), c + vec2(0.0, r), c + vec2(-r, 0.0)] {
        mesh.colored_vertex(p, colour);
    }
    mesh.add_triangle(first, first + 1, first + 2);
    mesh.add_triangle(first, first + 2, first + 3);
}

/// A marker to place in a lane: where it starts and ends on screen, and
/// how wide its label is.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Marker {
    x0: f32,
    x1: f32,
    label_width: f32,
}

/// The gap between a marker and its label, and the room kept after a label.
const LABEL_GAP: f32 = 4.0;
const LABEL_AFTER: f32 = 8.0;

/// Packs markers, sorted by their start, into `lane_count` lanes so that
/// no marker is drawn over another's label: each goes into the first lane
/// free at its start and shows its label. When none is free, it goes
/// without a label into a lane whose markers end before it: one where it
/// covers no label's text if there is one, else the first, whose last
/// label it would cover is taken back (a date's marker matters more than
/// its label, which its tooltip repeats). When markers must overlap, it
/// goes into the lane whose markers end first. Returns (lane, label shown)
/// per marker.
fn pack_lanes(markers: &[Marker], lane_count: usize) -> Vec<(usize, bool)> {
    /// Where a lane's markers end, where its last label's text starts and
    /// ends, and which marker that label is.
    #[derive(Clone, Copy)]
    struct Lane {
        markers_end: f32,
        text: (f32, f32),
        labelled: Option<usize>,
    }
    let mut lanes = vec![Lane { markers_end: f32::MIN, text: (f32::MIN, f32::MIN), labelled: None }; lane_count.max(1)];
    let mut placed: Vec<(usize, bool)> = Vec::with_capacity(markers.len());
    for (i, m) in markers.iter().enumerate() {
        let free = |l: &Lane| l.markers_end.max(l.text.1 + LABEL_AFTER) < m.x0;
        let covers = |l: &Lane| m.x0 <= l.text.1 && m.x1 > l.text.0;
        let uncovered = |l: &Lane| l.markers_end < m.x0 && !covers(l);
        let (lane, show_label) = if let Some(lane) = lanes.iter().position(free) {
            (lane, true)
        } else if let Some(lane) = lanes.iter().position(uncovered) {
            (lane, false)
        } else {
            let lane = lanes.iter().position(|l| l.markers_end < m.x0).unwrap_or_else(|| {
                lanes
                    .iter()
                    .enumerate()
                    .min_by(|a, b| a.1.markers_end.total_cmp(&b.1.markers_end))
                    .map_or(0, |(i, _)| i)
            });
            if covers(&lanes[lane])
                && let Some(covered) = lanes[lane].labelled.take()
            {
                placed[covered].1 = false;
                lanes[lane].text = (f32::MIN, f32::MIN);
            }
            (lane, false)
        };
        let l = &mut lanes[lane];
        l.markers_end = l.markers_end.max(m.x1 + 2.0);
        if show_label {
            l.text = (m.x1 + LABEL_GAP, m.x1 + LABEL_GAP + m.label_width);
            l.labelled = Some(i);
        }
        placed.push((lane, show_label));
    }
    placed
}

/// The events, packed into lanes between the published row and the axis.
fn events_ui(ui: &mut egui::Ui, ws: &Workspace, strip: &Strip, commands: &mut Vec<Command>) {
    let (plot, scale) = (strip.plot, &strip.scale);
    let weak = ui.visuals().weak_text_color();
    let lane_count = (((strip.axis_y - strip.lanes_top) / LANE_HEIGHT).floor() as usize).max(1);
    let mut events: Vec<(&TimelineEvent, f32, f32)> = ws
        .analysis
        .events
        .iter()
        .filter_map(|e| {
            let (a, b) = value_days(e.value)?;
            let x0 = scale.x_of(a);
            let x1 = scale.x_of(b + 1.0).max(x0 + MIN_MARKER_WIDTH);
            Some((e, x0, x1))
        })
        .filter(|(_, x0, x1)| *x1 >= plot.left() && *x0 <= plot.right())
        .collect();
    events.sort_by(|a, b| a.1.total_cmp(&b.1));
    let labels: Vec<String> = events.iter().map(|(e, ..)| e.value.label()).collect();
    let markers: Vec<Marker> = events
        .iter()
        .zip(&labels)
        .map(|((_, x0, x1), label)| {
            let label_width = ui.fonts_mut(|f| f.layout_no_wrap(label.clone(), strip.small.clone(), weak).size().x);
            Marker { x0: *x0, x1: *x1, label_width }
        })
        .collect();
    let placed = pack_lanes(&markers, lane_count);
    // Every marker's stripes go into one mesh, painted under the outlines
    // and labels: hundreds of events would otherwise be thousands of shapes.
    let stripes_at = strip.painter.add(egui::Shape::Noop);
    let mut stripes = egui::Mesh::default();
    for (((event, x0, x1), label), (lane, show_label)) in events.into_iter().zip(labels).zip(placed) {
        let y = strip.lanes_top + lane as f32 * LANE_HEIGHT + (LANE_HEIGHT - MARKER_HEIGHT) / 2.0;
        let marker = Rect::from_min_max(Pos2::new(x0, y), Pos2::new(x1, y + MARKER_HEIGHT));
        add_stripes(&mut stripes, ws, event, marker, strip);
        event_marker_ui(ui, ws, strip, event, marker, (&label, show_label), commands);
    }
    strip.painter.set(stripes_at, stripes);
}

/// A marker's stripes in the colours of the mentioning sources, at least two
/// points wide (with more sources than that, an even sample of them), on a
/// border in the panel's colour that keeps overlapping markers apart.
fn add_stripes(mesh: &mut egui::Mesh, ws: &Workspace, event: &TimelineEvent, marker: Rect, strip: &Strip) {
    let dark = strip.dark;
    mesh.add_colored_rect(marker.expand(1.0), strip.panel_fill);
    let sources = &event.articles;
    let count = sources.len().min(((marker.width() / 2.0).floor() as usize).max(1));
    let stripe = marker.width() / count.max(1) as f32;
    for k in 0..count {
        let Some(index) = ws.article_position(&sources[k * sources.len() / count]) else { continue };
        let r = Rect::from_min_size(
            Pos2::new(marker.left() + k as f32 * stripe, marker.top()),
            vec2(stripe, marker.height()),
        );
        mesh.add_colored_rect(r, theme::source_colour(index, dark));
    }
}

/// One event's striped marker, its label, and its hover and click.
fn event_marker_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    strip: &Strip,
    event: &TimelineEvent,
    marker: Rect,
    (label, show_label): (&str, bool),
    commands: &mut Vec<Command>,
) {
    let (painter, dark) = (&strip.painter, strip.dark);
    let visuals = ui.visuals();
    let weak = visuals.weak_text_color();
    let selected = ws.event_filter.as_deref() == Some(event.id.as_str());

    if selected {
        painter.rect_stroke(marker, 3.0, Stroke::new(2.0, visuals.strong_text_color()), StrokeKind::Outside);
    }
    if show_label {
        painter.text(
            Pos2::new(marker.right() + LABEL_GAP, marker.center().y),
            Align2::LEFT_CENTER,
            label,
            strip.small.clone(),
            if selected { visuals.strong_text_color() } else { weak },
        );
    }
    if selected {
        let accent = theme::highlights(dark).accent;
        painter.line_segment(
            [Pos2::new(marker.center().x, strip.rect.top()), Pos2::new(marker.center().x, strip.axis_y)],
            Stroke::new(1.0, accent.gamma_multiply(0.5)),
        );
    }

    let id = ui.scope_id().with(("event", &event.id));
    let hit = ui.interact(marker.expand(2.0), id, Sense::click()).on_hover_cursor(egui::CursorIcon::PointingHand);
    hit.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Event {}", label)));
    let hit = hit.on_hover_ui(|ui| event_tooltip_ui(ui, ws, event, label, dark));
    if hit.clicked() {
        commands.push(StoryCommand::FilterEvent(Some(event.id.clone())).into());
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
    ui.label(RichText::new(format!("mentioned by {}", counted(n, "source", "sources"))).small().weak());
    ui.add_space(4.0);
    let entries = ws.analysis.timeline.iter().filter(|t| event.entries.contains(&t.id));
    for entry in entries.take(8) {
        let Some((index, article)) = ws.article_of(&entry.article) else {
            continue;
        };
        let text = entry.sentence.as_deref().and_then(|s| ws.sentence_text(s)).unwrap_or(entry.text.as_str());
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

    fn value_range(value: &str) -> Option<(f64, f64)> {
        value_days(value.parse().ok()?)
    }

    #[test]
    fn values_cover_their_period_in_days() {
        let (a, b) = value_range("2022-07").unwrap();
        assert_eq!(b - a, 30.0);
        let (a, b) = value_range("2022-09-07").unwrap();
        assert_eq!(a, b);
        assert_eq!(value_range("XXXX-07-15"), None);
        assert_eq!(date_label("2022-09-07"), "7 Sep 2022");
        assert_eq!(date_label("sometime"), "sometime");
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

    #[test]
    fn lanes_never_overlap_and_labels_fit() {
        let m = |x0: f32, x1: f32, label_width: f32| Marker { x0, x1, label_width };
        // Three markers in a row with 20-point labels, two lanes.
        let markers = [m(0.0, 12.0, 20.0), m(10.0, 22.0, 20.0), m(30.0, 42.0, 20.0), m(100.0, 112.0, 20.0)];
        let placed = pack_lanes(&markers, 2);
        // The first takes lane 0 (its label runs to 44); the second starts
        // before that, so it takes lane 1 (to 54); the third starts before
        // both labels end but after lane 0's marker: it goes there without
        // a label, and the first marker's label, which it would cover, is
        // taken back.
        assert_eq!(placed, vec![(0, false), (1, true), (0, false), (0, true)]);
        // With one lane everything shares it: a marker over a label takes
        // the label's place.
        assert_eq!(pack_lanes(&markers[..2], 1), vec![(0, false), (0, false)]);
        // A marker that overlaps every lane's markers goes to the lane whose
        // markers end first; a label it does not touch stays.
        let crowded = [m(0.0, 40.0, 20.0), m(5.0, 30.0, 20.0), m(20.0, 25.0, 20.0)];
        assert_eq!(pack_lanes(&crowded, 2), vec![(0, true), (1, true), (1, false)]);
        let one_lane = [m(0.0, 10.0, 20.0), m(40.0, 60.0, 20.0), m(50.0, 55.0, 20.0)];
        assert_eq!(pack_lanes(&one_lane, 1), vec![(0, true), (0, false), (0, false)]);
        // A lane where the marker covers no label's text (only the room
        // kept after it) is taken before one whose label must go.
        let near = [m(0.0, 12.0, 30.0), m(5.0, 8.0, 20.0), m(40.0, 44.0, 20.0)];
        assert_eq!(pack_lanes(&near, 2), vec![(0, true), (1, true), (1, false)]);
        // No label is ever drawn where a later marker of its lane stands.
        let many: Vec<Marker> =
            (0..40).map(|i| m(i as f32 * 7.0, i as f32 * 7.0 + 5.0 + (i % 3) as f32 * 9.0, 30.0)).collect();
        for lanes in 1..4 {
            let placed = pack_lanes(&many, lanes);
            for (i, &(lane, shown)) in placed.iter().enumerate().filter(|(_, p)| p.1) {
                let label_end = many[i].x1 + LABEL_GAP + many[i].label_width;
                let covered =
                    placed.iter().enumerate().skip(i + 1).any(|(j, &(l, _))| l == lane && many[j].x0 < label_end);
                assert!(shown && !covered, "marker {i} in lane {lane} of {lanes}: {placed:?}");
            }
        }
        // No lanes at all still places markers.
        assert_eq!(pack_lanes(&markers[..1], 0), vec![(0, true)]);
        // Far-apart markers all stay in the first lane with their labels.
        let apart = [m(0.0, 12.0, 20.0), m(50.0, 62.0, 20.0), m(100.0, 112.0, 20.0)];
        assert_eq!(pack_lanes(&apart, 3), vec![(0, true), (0, true), (0, true)]);
    }
}
