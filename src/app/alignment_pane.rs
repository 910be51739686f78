//! The Alignment pane, the centre of the window: one card per fact, one line
//! per source in its colour, and disagreeing numbers and dates marked. A
//! near-copy of the base is drawn as a word diff against it; a member that
//! reports the fact in its own words is drawn as written, with the words and
//! phrases it shares with the others highlighted. Each line says which it is
//! ("copied"; "paraphrase" when `align::restate` judges that its own words
//! say what the base says, else "reworded"; [`super::labels`]); the view
//! can be switched to either drawing for all lines. The headline card comes
//! first.
//!
//! Only the cards in view are laid out ([`super::virtual_list`]): heights are
//! estimated, then measured as cards are drawn. A card's row of source dots
//! collapses to a count ("+37") when it does not fit.

use super::labels;
use super::rich::{self, Mark};
use super::settings::CompareView;
use super::theme::{self, Highlights};
use super::virtual_list::{Shown, list_id};
use super::widgets::{colour_dot_ui, pane_header_ui, tinted_frame, wrap_before};
use super::workspace::{Item, Workspace};
use super::{Command, Settings, SortOrder, StoryCommand, UiCommand};
use crate::model::{Group, MemberDiff, Span, Wording, articles_of};
use eframe::egui::{self, Align, Layout, Rect, RichText, Sense, Stroke};

/// Vertical gap between cards.
const CARD_GAP: f32 = 8.0;
/// Width of the source-name column in a card.
const NAME_WIDTH: f32 = 62.0;
/// Room left of the name for the source's colour bar.
const BAR_SPACE: f32 = 10.0;
/// Room right of the cards for the scroll bar.
const SCROLL_BAR_ROOM: f32 = 12.0;

pub fn alignment_ui(
    ui: &mut egui::Ui,
    ws: &mut Workspace,
    settings: &mut Settings,
    dark: bool,
    commands: &mut Vec<Command>,
) {
    let items = ws.items(settings.sort, settings.show_exclusive);
    let groups_shown = items.iter().filter(|i| matches!(i, Item::Group(_))).count();
    let summary = if groups_shown == ws.analysis.groups.len() {
        format!("{} facts shared by two or more sources", ws.analysis.groups.len())
    } else {
        format!("{groups_shown} of {} shared facts", ws.analysis.groups.len())
    };
    // The pane's width, taken before anything is laid out: the cards wrap to
    // it even if a row above them is wider.
    let width = ui.available_width();
    pane_header_ui(ui, "Alignment", &summary);
    controls_ui(ui, ws, settings, commands);
    many_stories_note_ui(ui, ws);
    filter_chips_ui(ui, ws, commands);
    ui.add_space(4.0);

    if items.is_empty() {
        empty_state_ui(ui, ws, commands);
        return;
    }
    cards_ui(ui, ws, &items, width, (settings.compare, dark), commands);
}

fn controls_ui(ui: &mut egui::Ui, ws: &mut Workspace, settings: &mut Settings, commands: &mut Vec<Command>) {
    // Wraps in a narrow pane rather than pushing the cards past its edge.
    ui.horizontal_wrapped(|ui| {
        let search = ui.add(
            egui::TextEdit::singleline(&mut ws.search)
                .hint_text(format!("Search facts and sources ({})", UiCommand::FocusSearch.shortcut_text(ui.ctx())))
                .desired_width((ui.available_width() - 520.0).clamp(160.0, 420.0)),
        );
        if ws.focus_search {
            search.request_focus();
            ws.focus_search = false;
        }
        if search.changed() {
            ws.scroll_alignment = true;
        }
        ui.add_space(8.0);
        egui::ComboBox::from_label("Sort").selected_text(settings.sort.label()).show_ui(ui, |ui| {
            for sort in SortOrder::ALL {
                if ui.selectable_label(settings.sort == sort, sort.label()).clicked() {
                    commands.push(Command::SetSort(sort));
                }
            }
        });
        ui.add_space(8.0);
        egui::ComboBox::from_label("Compare").selected_text(settings.compare.label()).show_ui(ui, |ui| {
            for view in CompareView::ALL {
                if ui.selectable_label(settings.compare == view, view.label()).on_hover_text(view.hint()).clicked() {
                    settings.compare = view;
                }
            }
        });
        ui.add_space(8.0);
        ui.checkbox(&mut settings.show_exclusive, "Exclusive sentences")
            .on_hover_text("Also list the sentences only one source reports");
    });
}

/// In a folder of many stories the aligner groups only closely worded
/// sentences: say so, so that a reader does not take a reworded fact left
/// out for exclusive material without a reason.
fn many_stories_note_ui(ui: &mut egui::Ui, ws: &Workspace) {
    let info = &ws.analysis.alignment;
    if info.threshold_raise <= 0.0 {
        return;
    }
    ui.add_space(2.0);
    ui.label(RichText::new("Many stories in this folder: only closely worded sentences are grouped").small().weak())
        .on_hover_text(format!(
            "{:.0}% of the article pairs report the same story. In such a folder, sentences that share a story's \
             words are often different facts of it, so every similarity threshold is raised by {:.2}.",
            info.one_story_share * 100.0,
            info.threshold_raise
        ));
}

fn filter_chips_ui(ui: &mut egui::Ui, ws: &Workspace, commands: &mut Vec<Command>) {
    let Some(event) = &ws.event_filter else {
        return;
    };
    ui.add_space(4.0);
    let accent = theme::highlights(ui.visuals().dark_mode).accent;
    tinted_frame(accent, 12.0, egui::Margin::symmetric(10, 3)).show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.label(RichText::new(format!("Only sentences that mention {}", ws.event_label(event))).color(accent));
            if ui
                .add(egui::Button::new(RichText::new("×").color(accent)).frame(false))
                .on_hover_text(format!("Show every fact again ({})", UiCommand::ClearFilters.shortcut_text(ui.ctx())))
                .clicked()
            {
                commands.push(StoryCommand::FilterEvent(None).into());
            }
        });
    });
}

fn empty_state_ui(ui: &mut egui::Ui, ws: &Workspace, commands: &mut Vec<Command>) {
    ui.add_space(40.0);
    ui.vertical_centered(|ui| {
        if ws.analysis.groups.is_empty() {
            ui.label(RichText::new("No fact is reported by more than one source").size(17.0));
            ui.label(
                RichText::new(
                    "The articles may cover different stories. Turn on “Exclusive sentences” to read each one.",
                )
                .weak(),
            );
        } else {
            let what = if ws.search.trim().is_empty() {
                "Nothing matches the current filter".to_string()
            } else {
                format!("Nothing matches “{}”", ws.search.trim())
            };
            ui.label(RichText::new(what).size(17.0));
            ui.add_space(6.0);
            if ui.button("Clear the filters").clicked() {
                commands.push(StoryCommand::ClearFilters.into());
            }
        }
    });
}

/// A first guess at a card's height, until it has been drawn once.
fn estimate_height(ws: &Workspace, item: Item, width: f32) -> f32 {
    let text_width = (width - NAME_WIDTH - 40.0).max(100.0);
    let lines = |id: &str| {
        let chars = ws.sentence_text(id).map_or(40, |t| t.chars().count());
        (chars as f32 * 7.0 / text_width).ceil().max(1.0)
    };
    let height = match item {
        Item::Group(g) => {
            let group = &ws.analysis.groups[g];
            let (shown, left) = ws.shown_members(g, group);
            let body: f32 = shown.iter().map(|m| lines(m) * 19.0 + 6.0).sum();
            46.0 + body + if left > 0 { 22.0 } else { 0.0 }
        }
        Item::Exclusive(a, s) => 40.0 + lines(&ws.analysis.articles[a].sentences[s].id) * 19.0,
    };
    height + CARD_GAP
}

fn cards_ui(
    ui: &mut egui::Ui,
    ws: &mut Workspace,
    items: &[Item],
    pane_width: f32,
    (view, dark): (CompareView, bool),
    commands: &mut Vec<Command>,
) {
    let width = pane_width - SCROLL_BAR_ROOM;
    let mut heights = std::mem::take(&mut ws.card_heights);
    heights.prepare(list_id((ws.items_generation, view)), width, items.len(), |i| estimate_height(ws, items[i], width));

    let mut scroll_to = None;
    if ws.scroll_alignment {
        ws.scroll_alignment = false;
        match items.iter().position(|item| is_selected(ws, *item)) {
            Some(i) => scroll_to = Some((i, ws.alignment_view)),
            None if ws.alignment_view.offset > heights.total() => scroll_to = Some((0, Shown::default())),
            None => {}
        }
    }
    let scroll = egui::ScrollArea::vertical().id_salt("alignment_scroll").auto_shrink([false, false]);
    let hl = theme::highlights(dark);
    let ws_ref: &Workspace = ws;
    let shown = heights.show(ui, scroll, scroll_to, |ui, i, height| {
        let item = items[i];
        let card = egui::vec2(width, height - CARD_GAP);
        let rect = Rect::from_min_size(ui.max_rect().min, card);
        ui.push_id(("card", item), |ui| card_ui(ui, ws_ref, item, rect, (&hl, view), dark, commands));
        ui.add_space(CARD_GAP);
    });
    ws.card_heights = heights;
    ws.alignment_view = shown;
}

fn is_selected(ws: &Workspace, item: Item) -> bool {
    match item {
        Item::Group(g) => ws.selection.group == Some(g),
        Item::Exclusive(a, s) => {
            ws.selection.group.is_none()
                && ws.selection.sentence.as_deref() == Some(ws.analysis.articles[a].sentences[s].id.as_str())
        }
    }
}

fn card_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    item: Item,
    rect: Rect,
    (hl, view): (&Highlights, CompareView),
    dark: bool,
    commands: &mut Vec<Command>,
) {
    let selected = is_selected(ws, item);
    // The card itself is clickable; registered first so the lines on top of
    // it (which select their own sentence) win.
    let card_id = ui.scope_id().with("card_click");
    let card_click = ui.interact(rect, card_id, Sense::click());
    card_click.widget_info(|| {
        let what = match item {
            Item::Group(g) => format!("Select fact {}", g + 1),
            Item::Exclusive(a, _) => format!("Select a sentence only {} reports", ws.analysis.articles[a].source),
        };
        egui::WidgetInfo::selected(egui::Role::Button, true, selected, what)
    });
    let border = if selected {
        Stroke::new(1.5, hl.accent)
    } else if card_click.hovered() {
        Stroke::new(1.0, hl.accent.gamma_multiply(0.5))
    } else {
        Stroke::new(1.0, hl.card_border)
    };
    let frame = egui::Frame::new()
        .fill(hl.card_bg)
        .stroke(border)
        .corner_radius(8.0)
        .inner_margin(egui::Margin::symmetric(12, 10));
    let response = frame
        .show(ui, |ui| {
            ui.set_width(rect.width() - 24.0);
            match item {
                Item::Group(g) => group_body_ui(ui, ws, g, (hl, view), dark, commands),
                Item::Exclusive(a, s) => exclusive_body_ui(ui, ws, a, s, hl, dark, commands),
            }
        })
        .response;
    if selected {
        // A bar on the left edge, like a bookmark.
        let bar = Rect::from_min_size(response.rect.min, egui::vec2(4.0, response.rect.height()));
        ui.painter().rect_filled(bar, egui::CornerRadius { nw: 8, sw: 8, ne: 0, se: 0 }, hl.accent);
    }
    if card_click.clicked() {
        match item {
            Item::Group(g) => commands.push(StoryCommand::SelectGroup(g).into()),
            Item::Exclusive(a, s) => {
                commands.push(StoryCommand::SelectSentence(ws.analysis.articles[a].sentences[s].id.clone()).into());
            }
        }
    }
}

fn group_body_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    g: usize,
    (hl, view): (&Highlights, CompareView),
    dark: bool,
    commands: &mut Vec<Command>,
) {
    let group = &ws.analysis.groups[g];
    let members: Vec<&String> = ws.visible_members(group).collect();
    ui.horizontal_wrapped(|ui| {
        let title = if group.headline { format!("Fact {} · headlines", g + 1) } else { format!("Fact {}", g + 1) };
        ui.label(RichText::new(title).small().strong());
        let total = ws.analysis.articles.len();
        let counts = format!("{} of {total} sources", ws.group_sources(group));
        let alike = (group.cohesion > 0.0).then(|| format!("· {:.0}% alike", group.cohesion * 100.0));
        // The dots get the room the counts leave on this line.
        let spacing = ui.spacing().item_spacing.x;
        let font = egui::TextStyle::Small.resolve(ui.style());
        let text_width = |text: &str| {
            ui.fonts_mut(|f| f.layout_no_wrap(text.to_string(), font.clone(), egui::Color32::PLACEHOLDER).size().x)
        };
        let after = text_width(&counts) + alike.as_deref().map_or(0.0, |a| text_width(a) + spacing) + 2.0 * spacing;
        let articles = articles_of(members.iter().map(|m| m.as_str()));
        let colours: Vec<egui::Color32> = articles.iter().map(|a| ws.colour(a, dark)).collect();
        let room = ui.available_size_before_wrap().x - after;
        source_dots_ui(ui, &colours, room);
        ui.label(RichText::new(counts).small().weak());
        if let Some(alike) = alike {
            ui.label(RichText::new(alike).small().weak())
                .on_hover_text("Mean word overlap between the sources' sentences");
        }
        if let Some((card, count)) = ws.repeats(g) {
            ui.label(RichText::new(format!("· {count} sentences also in Fact {}", card + 1)).small().weak())
                .on_hover_text(format!(
                    "{count} of this card's {} sentences also stand in Fact {}. A sentence can report several \
                     facts, so it can stand in several cards.",
                    group.sentences.len(),
                    card + 1
                ));
        }
        if !group.discrepancies.is_empty() {
            discrepancy_badge_ui(ui, group, hl);
        }
    });
    ui.add_space(4.0);
    let (shown, left) = ws.shown_members(g, group);
    for member in shown {
        member_line_ui(ui, ws, g, member, (hl, view), dark, commands);
    }
    if left > 0 {
        let more = format!("Show all {} sentences ({left} more)", members.len());
        if ui.add(egui::Button::new(RichText::new(more).small()).frame(false)).clicked() {
            commands.push(StoryCommand::ShowAllMembers(g).into());
        }
    }
}

/// One dot per source in its colour, in at most `room` points: when they
/// do not all fit, as many as fit and a count of the rest ("+37").
fn source_dots_ui(ui: &mut egui::Ui, colours: &[egui::Color32], room: f32) {
    const DOT: f32 = 9.0;
    const GAP: f32 = 3.0;
    let fits = |n: usize| n as f32 * (DOT + GAP) <= room;
    let more = |n: usize| format!("+{n}");
    let shown = if fits(colours.len()) {
        colours.len()
    } else {
        let font = egui::TextStyle::Small.resolve(ui.style());
        let label = ui.fonts_mut(|f| f.layout_no_wrap(more(colours.len()), font, egui::Color32::PLACEHOLDER).size().x);
        let room_for_dots = room - label - ui.spacing().item_spacing.x;
        ((room_for_dots / (DOT + GAP)).floor().max(0.0) as usize).min(colours.len())
    };
    let spacing = ui.spacing().item_spacing.x;
    ui.spacing_mut().item_spacing.x = GAP;
    for colour in &colours[..shown] {
        colour_dot_ui(ui, *colour);
    }
    ui.spacing_mut().item_spacing.x = spacing;
    if shown < colours.len() {
        let rest = colours.len() - shown;
        ui.label(RichText::new(more(rest)).small().weak())
            .on_hover_text(format!("and {rest} more source{}", if rest == 1 { "" } else { "s" }));
    }
}

fn discrepancy_badge_ui(ui: &mut egui::Ui, group: &Group, hl: &Highlights) {
    let summary: Vec<String> = group
        .discrepancies
        .iter()
        .map(|d| {
            // Each value once, in the order the sources give them.
            let mut values: Vec<&str> = Vec::new();
            for v in &d.values {
                if !values.contains(&v.text.as_str()) {
                    values.push(v.text.as_str());
                }
            }
            let about = d.label();
            format!("{about}: {}", values.join(" vs "))
        })
        .collect();
    let text =
        RichText::new(format!("{}  {}", labels::DISCREPANCY.0, summary.join("; "))).small().color(hl.discrepancy_fg);
    // On a line of its own when it does not fit after the counts.
    let font = egui::TextStyle::Small.resolve(ui.style());
    let width = ui.fonts_mut(|f| f.layout_no_wrap(text.text().to_string(), font, hl.discrepancy_fg).size().x);
    wrap_before(ui, width + 12.0);
    egui::Frame::new()
        .fill(hl.discrepancy_bg)
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(6, 1))
        .show(ui, |ui| {
            ui.add(egui::Label::new(text).wrap());
        })
        .response
        .on_hover_text("The sources disagree on a number or a date");
}

/// How one member line is drawn.
#[derive(Clone, Copy, PartialEq)]
enum LineStyle {
    /// As written, nothing marked (the base in a group of near-copies).
    Plain,
    /// A word diff against the base.
    Diff,
    /// As written, the words shared with the other members highlighted.
    Shared,
}

/// How `member` of `group` is drawn in `view`, and the label it carries.
fn line_style(group: &Group, member: &str, view: CompareView) -> (LineStyle, &'static str) {
    let diff = group.diffs.iter().find(|d| d.member == member);
    let wording = diff.and_then(|d| d.wording);
    let any_reworded = group.diffs.iter().any(|d| d.wording == Some(Wording::Reworded));
    let label = match wording {
        _ if group.base == member => "base",
        _ if diff.is_some_and(MemberDiff::is_paraphrase) => "paraphrase",
        Some(Wording::Reworded) => "reworded",
        _ => "copied",
    };
    let style = match (view, group.base == member) {
        (CompareView::WordDiff, true) => LineStyle::Plain,
        (CompareView::WordDiff, false) => LineStyle::Diff,
        (CompareView::SharedWords, _) => LineStyle::Shared,
        (CompareView::ByWording, true) if any_reworded => LineStyle::Shared,
        (CompareView::ByWording, true) => LineStyle::Plain,
        (CompareView::ByWording, false) if wording == Some(Wording::Reworded) => LineStyle::Shared,
        (CompareView::ByWording, false) => LineStyle::Diff,
    };
    (style, label)
}

/// The words of `member` it shares with the other visible members.
fn shared_marks(ws: &Workspace, group: usize, member: &str) -> Vec<(Span, Mark)> {
    let spans = ws.shared_spans(group);
    spans.get(member).into_iter().flatten().map(|span| (*span, Mark::Shared)).collect()
}

/// One source's sentence: colour bar, source name with how it is worded
/// ("base", "copied", "paraphrase", "reworded"), and the text drawn per
/// [`line_style`].
fn member_line_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    group_index: usize,
    member: &str,
    (hl, view): (&Highlights, CompareView),
    dark: bool,
    commands: &mut Vec<Command>,
) {
    let group = &ws.analysis.groups[group_index];
    let Some((article, sentence)) = ws.sentence(member) else {
        return;
    };
    let colour = ws.colour(&article.id, dark);
    let mut marks: Vec<(Span, Mark)> = group
        .discrepancies
        .iter()
        .flat_map(|d| &d.values)
        .filter(|v| v.sentence == member)
        .map(|v| (Span::new(v.start, v.end), Mark::Discrepancy))
        .collect();
    marks.extend(selected_quote_marks(ws, member));
    marks.extend(event_date_marks(ws, member));
    let spacing = ui.spacing().item_spacing.x;
    let text_width = ui.available_width() - BAR_SPACE - NAME_WIDTH - 2.0 * spacing - 1.0;
    let font = egui::TextStyle::Body.resolve(ui.style());
    let base_format = rich::plain(font, ui.visuals().text_color());
    let span = Span::new(sentence.start, sentence.end);
    let (style, label) = line_style(group, member, view);
    let mut job = if style == LineStyle::Diff {
        let diff = group.diffs.iter().find(|d| d.member == member);
        rich::diff_job(&article.text, span, diff, &marks, &base_format, hl)
    } else {
        if style == LineStyle::Shared {
            // Under the other marks, so discrepancies and selections win.
            marks.splice(0..0, shared_marks(ws, group_index, member));
        }
        let mut job = egui::text::LayoutJob::default();
        rich::append_marked(
            &mut job,
            &article.text[sentence.start..sentence.end],
            sentence.start,
            &marks,
            &base_format,
            hl,
        );
        job
    };
    job.wrap.max_width = text_width;
    let galley = ui.fonts_mut(|f| f.layout_job(job));

    let row = ui.horizontal_top(|ui| {
        ui.add_space(BAR_SPACE);
        let first_row = galley.rows.first().map_or(18.0, |r| r.height());
        let name = egui::Label::new(RichText::new(&article.source).small().strong().color(colour)).truncate();
        let tag = egui::Label::new(RichText::new(label).small().weak());
        // A fixed-width column, so every line's text starts at the same x.
        let name = ui.allocate_ui_with_layout(egui::vec2(NAME_WIDTH, first_row), Layout::top_down(Align::Min), |ui| {
            ui.set_min_size(egui::vec2(NAME_WIDTH, first_row));
            ui.spacing_mut().item_spacing.y = 0.0;
            let name = ui.add(name);
            ui.add(tag);
            name
        });
        name.inner.on_hover_text(format!("{} — {}", article.source, labels::label_meaning(label)));
        let text = ui.add(egui::Label::new(galley).sense(Sense::click()));
        if text.on_hover_cursor(egui::CursorIcon::PointingHand).clicked() {
            commands.push(StoryCommand::SelectMember(group_index, member.to_string()).into());
        }
    });
    let bar = Rect::from_min_size(
        row.response.rect.min + egui::vec2(0.0, 2.0),
        egui::vec2(3.0, row.response.rect.height() - 4.0),
    );
    ui.painter().rect_filled(bar, 1.5, colour);
    ui.add_space(2.0);
}

fn exclusive_body_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    a: usize,
    s: usize,
    hl: &Highlights,
    dark: bool,
    commands: &mut Vec<Command>,
) {
    let article = &ws.analysis.articles[a];
    let sentence = &article.sentences[s];
    let colour = theme::source_colour(a, dark);
    ui.horizontal(|ui| {
        ui.label(RichText::new("Only in").small().weak());
        ui.label(RichText::new(&article.source).small().strong().color(colour));
    });
    ui.add_space(2.0);
    let mut marks = selected_quote_marks(ws, &sentence.id);
    marks.extend(event_date_marks(ws, &sentence.id));
    let font = egui::TextStyle::Body.resolve(ui.style());
    let base_format = rich::plain(font, ui.visuals().text_color());
    let mut job = egui::text::LayoutJob::default();
    rich::append_marked(&mut job, article.sentence_text(sentence), sentence.start, &marks, &base_format, hl);
    job.wrap.max_width = ui.available_width() - 12.0;
    let row = ui.horizontal_top(|ui| {
        ui.add_space(10.0);
        if ui.add(egui::Label::new(job).sense(Sense::click())).clicked() {
            commands.push(StoryCommand::SelectSentence(sentence.id.clone()).into());
        }
    });
    let bar = Rect::from_min_size(row.response.rect.min, egui::vec2(3.0, row.response.rect.height()));
    ui.painter().rect_filled(bar, 1.5, colour.gamma_multiply(0.6));
}

/// The selected quote's words in this sentence.
pub fn selected_quote_marks(ws: &Workspace, sentence: &str) -> Vec<(Span, Mark)> {
    let Some(key) = &ws.selection.quote else {
        return Vec::new();
    };
    ws.quotes_of_key(key)
        .into_iter()
        .filter(|q| q.sentence.as_deref() == Some(sentence))
        .map(|q| (Span::new(q.start, q.end), Mark::Selected))
        .collect()
}

/// The filtered event's date expressions in this sentence.
fn event_date_marks(ws: &Workspace, sentence: &str) -> Vec<(Span, Mark)> {
    let Some(event) = ws.event_filter.as_deref().and_then(|e| ws.analysis.events.iter().find(|x| x.id == e)) else {
        return Vec::new();
    };
    ws.analysis
        .timeline
        .iter()
        .filter(|t| event.entries.contains(&t.id) && t.sentence.as_deref() == Some(sentence))
        .filter_map(|t| Some((Span::new(t.start?, t.end?), Mark::Date)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_member_is_labelled_by_its_wording_and_whether_it_restates_the_base() {
        let diff = |member: &str, wording, restates| MemberDiff {
            member: member.into(),
            base: "a0.s0".into(),
            wording: Some(wording),
            restates: Some(restates),
            ..MemberDiff::default()
        };
        let group = Group {
            base: "a0.s0".into(),
            diffs: vec![
                diff("a1.s0", Wording::Reworded, true),
                diff("a2.s0", Wording::Reworded, false),
                diff("a3.s0", Wording::Copied, false),
            ],
            ..Group::default()
        };
        let label = |member| line_style(&group, member, CompareView::ByWording).1;
        assert_eq!(["a0.s0", "a1.s0", "a2.s0", "a3.s0"].map(label), ["base", "paraphrase", "reworded", "copied"]);
        assert!(["a0.s0", "a1.s0", "a2.s0", "a3.s0"].map(label).iter().all(|l| labels::MEMBER_LABELS.contains(l)));
    }
}
