//! The Quote panel: who said what, and how each outlet quoted it.
//!
//! Quotations are grouped by speaker; each cluster shows the quoted words,
//! the sources that carry them as colour chips, and every variant's word diff
//! against the fullest version. Under each speaker, quotations in marks come
//! first and reported speech (kind `indirect`, no quotation marks) follows
//! under its own heading, set in plain type without marks; a source that
//! only reports words another quotes is tagged "reported". Quotations with
//! no speaker are listed last as "Unattributed". Clicking a cluster selects
//! it in every pane.

use super::rich;
use super::theme::{self, Highlights};
use super::virtual_list::list_id;
use super::widgets::{pane_header_ui, source_chips_ui};
use super::workspace::{QuoteEntry, QuoteKindFilter, QuoteRow, Workspace};
use super::{Command, StoryCommand};
use crate::model::{MemberDiff, Quote, QuoteKind, Span};
use eframe::egui::{self, RichText, Sense, Stroke};
use std::collections::HashSet;

/// At most this many source chips under a quotation; the rest are a count.
const MAX_CHIPS: usize = 12;

pub fn quotes_ui(ui: &mut egui::Ui, ws: &mut Workspace, dark: bool, commands: &mut Vec<Command>) {
    let list = ws.quote_list();
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    pane_header_ui(
        ui,
        "Quotes",
        &format!(
            "{} quotation{} · {} reported · {} speaker{}",
            list.marked,
            plural(list.marked),
            list.reported,
            list.speakers,
            plural(list.speakers)
        ),
    );

    ui.horizontal(|ui| {
        for kind in QuoteKindFilter::ALL {
            ui.selectable_value(&mut ws.quote_kind, kind, RichText::new(kind.label()).small()).on_hover_text(
                match kind {
                    QuoteKindFilter::All => "Quotations in marks and reported speech",
                    QuoteKindFilter::Marked => "Only quotations in quotation marks",
                    QuoteKindFilter::Reported => "Only reported speech: \"X said that …\", \"according to X\"",
                },
            );
        }
    });
    ui.add_space(2.0);

    if list.rows.is_empty() {
        quotes_empty_ui(ui, ws);
        return;
    }
    let hl = theme::highlights(dark);
    let width = ui.available_width();
    let id = list_id(("quotes", list.generation));
    let mut rows = std::mem::take(&mut ws.quote_rows);
    rows.prepare(id, width, list.rows.len(), |r| match &list.rows[r] {
        QuoteRow::Speaker(..) => 26.0,
        QuoteRow::ReportedHeading => 16.0,
        QuoteRow::Entry(e) => estimate_entry(ws, &list.entries[*e], width),
        QuoteRow::Gap => 6.0,
    });
    let scroll = egui::ScrollArea::vertical().id_salt("quotes_scroll").auto_shrink([false, false]);
    rows.show(ui, scroll, None, |ui, r, _| match &list.rows[r] {
        QuoteRow::Speaker(speaker, n) => {
            ui.add_space(4.0);
            ui.horizontal(|ui| {
                let name = speaker.as_deref().unwrap_or("Unattributed");
                ui.add(egui::Label::new(RichText::new(name).strong()).truncate());
                ui.label(RichText::new(format!("{n}")).small().weak());
            });
        }
        QuoteRow::ReportedHeading => {
            ui.label(RichText::new("Reported speech (no quotation marks)").small().weak());
        }
        QuoteRow::Entry(e) => entry_ui(ui, ws, &list.entries[*e], &hl, dark, commands),
        QuoteRow::Gap => {
            ui.add_space(6.0);
        }
    });
    ws.quote_rows = rows;
}

/// A first guess at an entry's height: its words, a row of chips, and its
/// variants.
fn estimate_entry(ws: &Workspace, entry: &QuoteEntry, width: f32) -> f32 {
    let per_line = ((width - 24.0) / 7.0).max(10.0);
    let lines = |chars: usize| (chars as f32 / per_line).ceil().max(1.0);
    let text = lines(ws.analysis.quotes[entry.base].text.chars().count()) * 18.0;
    let chips = (entry.quotes.len().min(MAX_CHIPS + 1) as f32 / 3.0).ceil() * 20.0;
    let variants = entry.cluster.map_or(0.0, |c| {
        let differing = ws.analysis.quote_clusters[c].diffs.len().min(entry.quotes.len());
        if differing == 0 { 0.0 } else { 20.0 + differing as f32 * 16.0 }
    });
    text + chips + variants + 28.0
}

fn quotes_empty_ui(ui: &mut egui::Ui, ws: &Workspace) {
    ui.add_space(16.0);
    ui.vertical_centered(|ui| {
        let (title, detail) = if ws.event_filter.is_some() {
            ("No quotation mentions this date", "Press Esc to show every quotation again.")
        } else if ws.analysis.quotes.is_empty() {
            (
                "No quotations found",
                "Quotations in marks and reported speech (\"X said that …\") appear here, grouped by speaker.",
            )
        } else if ws.quote_kind != QuoteKindFilter::All {
            let title = if ws.quote_kind == QuoteKindFilter::Marked {
                "No quotation in marks here"
            } else {
                "No reported speech here"
            };
            (title, "Choose All above to see every quotation.")
        } else {
            ("Every quoting source is hidden", "Tick a source in the list above to see its quotations.")
        };
        ui.label(RichText::new(title).weak().strong());
        ui.label(RichText::new(detail).small().weak());
    });
}

fn entry_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    entry: &QuoteEntry,
    hl: &Highlights,
    dark: bool,
    commands: &mut Vec<Command>,
) {
    let quotes: Vec<&Quote> = entry.quotes.iter().map(|&k| &ws.analysis.quotes[k]).collect();
    let base = &ws.analysis.quotes[entry.base];
    let selected = ws.selection.quote.as_deref() == Some(entry.key.as_str());
    let response = egui::Frame::new()
        .fill(if selected { hl.selected_bg } else { hl.card_bg })
        .stroke(Stroke::new(if selected { 1.5 } else { 1.0 }, if selected { hl.accent } else { hl.card_border }))
        .corner_radius(6.0)
        .inner_margin(egui::Margin::symmetric(10, 8))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let text = base.text.trim();
            if base.kind == QuoteKind::Indirect {
                ui.add(egui::Label::new(RichText::new(text)).wrap());
            } else {
                ui.add(egui::Label::new(RichText::new(format!("“{text}”")).italics()).wrap());
            }
            ui.add_space(2.0);
            chips_ui(ui, ws, entry, &quotes, dark);
            variants_ui(ui, ws, entry, &quotes, hl, dark);
        })
        .response;
    ui.add_space(4.0);
    let click = ui.interact(response.rect, ui.scope_id().with(("quote", &entry.key)), Sense::click());
    click.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Quote: {}", base.text.trim())));
    let click = click.on_hover_text(if selected {
        "Click to clear the selection"
    } else {
        "Click to find this quotation in the alignment and the reader"
    });
    if click.clicked() {
        commands.push(StoryCommand::SelectQuote(entry.key.clone()).into());
    }
}

/// The sources that carry the quotation, as chips that wrap whole; a
/// source that only reports, without marks, words another quotes is tagged
/// "reported". Past [`MAX_CHIPS`] sources, a count stands for the rest.
fn chips_ui(ui: &mut egui::Ui, ws: &Workspace, entry: &QuoteEntry, quotes: &[&Quote], dark: bool) {
    let mut seen = HashSet::new();
    let mut chips: Vec<(String, egui::Color32, Option<&str>)> = Vec::new();
    for quote in quotes {
        if !seen.insert(quote.article.as_str()) {
            continue;
        }
        let Some((index, article)) = ws.article_of(&quote.article) else { continue };
        let only_reports = quotes.iter().filter(|q| q.article == quote.article).all(|q| q.kind == QuoteKind::Indirect);
        let tag = (only_reports && !entry.reported_only).then_some("reported");
        chips.push((article.source.clone(), theme::source_colour(index, dark), tag));
    }
    let cue = ws.analysis.quotes[entry.base].cue.as_deref().map(|c| format!("· {c}"));
    source_chips_ui(ui, &chips, MAX_CHIPS, cue.as_deref());
}

/// The variants that word things differently from the base.
fn variants_ui(ui: &mut egui::Ui, ws: &Workspace, entry: &QuoteEntry, quotes: &[&Quote], hl: &Highlights, dark: bool) {
    let Some(cluster) = entry.cluster.map(|c| &ws.analysis.quote_clusters[c]) else {
        return;
    };
    let base = &ws.analysis.quotes[entry.base];
    let differing: Vec<(&Quote, &MemberDiff)> = quotes
        .iter()
        .filter(|q| q.id != base.id)
        .filter_map(|q| cluster.diffs.iter().find(|d| d.member == q.id).map(|d| (*q, d)))
        .filter(|(_, d)| d.ops.iter().any(|op| op.kind != crate::model::DiffKind::Equal))
        .collect();
    if differing.is_empty() {
        return;
    }
    ui.add_space(4.0);
    ui.label(RichText::new("Worded differently").small().weak());
    let font = egui::TextStyle::Small.resolve(ui.style());
    let format = rich::plain(font, ui.visuals().text_color());
    for (quote, diff) in differing {
        let Some((index, article)) = ws.article_of(&quote.article) else {
            continue;
        };
        if quote.end > article.text.len() || quote.start > quote.end {
            continue;
        }
        let mut job = rich::diff_job(&article.text, Span::new(quote.start, quote.end), Some(diff), &[], &format, hl);
        job.wrap.max_width = ui.available_width() - 3.0 - 2.0 * ui.spacing().item_spacing.x;
        let galley = ui.fonts_mut(|f| f.layout_job(job));
        ui.horizontal_top(|ui| {
            let (bar, _) = ui.allocate_exact_size(egui::vec2(3.0, galley.size().y), Sense::hover());
            ui.painter().rect_filled(bar, 1.5, theme::source_colour(index, dark));
            ui.add(egui::Label::new(galley)).on_hover_text(format!("As quoted by {}", article.source));
        });
    }
}
