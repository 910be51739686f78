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
use super::widgets::{pane_header_ui, source_chip_ui};
use super::workspace::Workspace;
use super::{Command, StoryCommand};
use crate::model::{MemberDiff, Quote, QuoteKind, Span};
use eframe::egui::{self, RichText, Sense, Stroke};
use std::collections::{BTreeMap, HashSet};

/// One row of the panel: a cluster, or a quote no other outlet carries.
struct Entry<'a> {
    key: String,
    quotes: Vec<&'a Quote>,
    base: &'a Quote,
    diffs: &'a [MemberDiff],
}

fn entries(ws: &Workspace) -> Vec<Entry<'_>> {
    let event: Option<HashSet<&str>> = ws.event_filter.as_deref().map(|e| ws.event_sentences(e));
    let visible = |q: &&Quote| {
        !ws.hidden.contains(&q.article)
            && event.as_ref().is_none_or(|set| q.sentence.as_deref().is_some_and(|s| set.contains(s)))
    };
    let mut out = Vec::new();
    let clustered: HashSet<&str> =
        ws.analysis.quote_clusters.iter().flat_map(|c| c.quotes.iter().map(String::as_str)).collect();
    for cluster in &ws.analysis.quote_clusters {
        let quotes: Vec<&Quote> = cluster.quotes.iter().filter_map(|q| ws.quote(q)).filter(visible).collect();
        let Some(first) = quotes.first().copied() else {
            continue;
        };
        let base = ws.quote(&cluster.base).filter(visible).unwrap_or(first);
        out.push(Entry { key: cluster.id.clone(), quotes, base, diffs: &cluster.diffs });
    }
    for quote in ws.analysis.quotes.iter().filter(|q| !clustered.contains(q.id.as_str())).filter(visible) {
        out.push(Entry { key: quote.id.clone(), quotes: vec![quote], base: quote, diffs: &[] });
    }
    out
}

fn speaker_of(entry: &Entry<'_>) -> Option<String> {
    entry.quotes.iter().find_map(|q| q.speaker.clone())
}

/// Is every quotation of the entry reported speech (no quotation marks)?
fn reported_only(entry: &Entry<'_>) -> bool {
    entry.quotes.iter().all(|q| q.kind == QuoteKind::Indirect)
}

pub fn quotes_ui(ui: &mut egui::Ui, ws: &Workspace, dark: bool, commands: &mut Vec<Command>) {
    let entries = entries(ws);
    let mut by_speaker: BTreeMap<Option<String>, Vec<Entry<'_>>> = BTreeMap::new();
    for entry in entries {
        by_speaker.entry(speaker_of(&entry)).or_default().push(entry);
    }
    let mut speakers: Vec<(Option<String>, Vec<Entry<'_>>)> = by_speaker.into_iter().collect();
    // Most quoted speakers first; unattributed quotes last; then by name.
    speakers.sort_by(|(a, ea), (b, eb)| a.is_none().cmp(&b.is_none()).then(eb.len().cmp(&ea.len())).then(a.cmp(b)));
    let all = speakers.iter().flat_map(|(_, e)| e).flat_map(|e| e.quotes.iter());
    let (reported, marked): (Vec<&&Quote>, Vec<&&Quote>) = all.partition(|q| q.kind == QuoteKind::Indirect);
    let named = speakers.iter().filter(|(s, _)| s.is_some()).count();
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    pane_header_ui(
        ui,
        "Quotes",
        &format!(
            "{} quotation{} · {} reported · {named} speaker{}",
            marked.len(),
            plural(marked.len()),
            reported.len(),
            plural(named)
        ),
    );

    if speakers.is_empty() {
        quotes_empty_ui(ui, ws);
        return;
    }
    let hl = theme::highlights(dark);
    egui::ScrollArea::vertical().id_salt("quotes_scroll").auto_shrink([false, false]).show(ui, |ui| {
        for (speaker, entries) in &speakers {
            ui.add_space(4.0);
            ui.horizontal(|ui| {
                ui.label(RichText::new(speaker.as_deref().unwrap_or("Unattributed")).strong());
                let n: usize = entries.iter().map(|e| e.quotes.len()).sum();
                ui.label(RichText::new(format!("{n}")).small().weak());
            });
            for entry in entries.iter().filter(|e| !reported_only(e)) {
                entry_ui(ui, ws, entry, &hl, dark, commands);
            }
            if entries.iter().any(reported_only) {
                ui.label(RichText::new("Reported speech (no quotation marks)").small().weak());
                for entry in entries.iter().filter(|e| reported_only(e)) {
                    entry_ui(ui, ws, entry, &hl, dark, commands);
                }
            }
            ui.add_space(6.0);
        }
    });
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
    entry: &Entry<'_>,
    hl: &Highlights,
    dark: bool,
    commands: &mut Vec<Command>,
) {
    let selected = ws.selection.quote.as_deref() == Some(entry.key.as_str());
    let response = egui::Frame::new()
        .fill(if selected { hl.selected_bg } else { hl.card_bg })
        .stroke(Stroke::new(if selected { 1.5 } else { 1.0 }, if selected { hl.accent } else { hl.card_border }))
        .corner_radius(6.0)
        .inner_margin(egui::Margin::symmetric(10, 8))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let base = entry.base.text.trim();
            if entry.base.kind == QuoteKind::Indirect {
                ui.add(egui::Label::new(RichText::new(base)).wrap());
            } else {
                ui.add(egui::Label::new(RichText::new(format!("“{base}”")).italics()).wrap());
            }
            ui.add_space(2.0);
            ui.horizontal_wrapped(|ui| {
                ui.spacing_mut().item_spacing.x = 4.0;
                let mut seen = HashSet::new();
                for quote in &entry.quotes {
                    if seen.insert(quote.article.as_str())
                        && let Some((index, article)) = ws.article_of(&quote.article)
                    {
                        source_chip_ui(ui, &article.source, theme::source_colour(index, dark));
                        // A source that reports, without marks, words another quotes.
                        let only_reports = entry
                            .quotes
                            .iter()
                            .filter(|q| q.article == quote.article)
                            .all(|q| q.kind == QuoteKind::Indirect);
                        if only_reports && !reported_only(entry) {
                            ui.label(RichText::new("reported").small().weak());
                        }
                    }
                }
                if let Some(cue) = entry.base.cue.as_deref() {
                    ui.label(RichText::new(format!("· {cue}")).small().weak());
                }
            });
            variants_ui(ui, ws, entry, hl, dark);
        })
        .response;
    let click = ui.interact(response.rect, ui.scope_id().with(("quote", &entry.key)), Sense::click());
    click.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Quote: {}", entry.base.text.trim()))
    });
    let click = click.on_hover_text(if selected {
        "Click to clear the selection"
    } else {
        "Click to find this quotation in the alignment and the reader"
    });
    if click.clicked() {
        commands.push(StoryCommand::SelectQuote(entry.key.clone()).into());
    }
    ui.add_space(4.0);
}

/// The variants that word things differently from the base.
fn variants_ui(ui: &mut egui::Ui, ws: &Workspace, entry: &Entry<'_>, hl: &Highlights, dark: bool) {
    let differing: Vec<(&Quote, &MemberDiff)> = entry
        .quotes
        .iter()
        .filter(|q| q.id != entry.base.id)
        .filter_map(|q| entry.diffs.iter().find(|d| d.member == q.id).map(|d| (*q, d)))
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
