//! The Reader: one article's full text, with each sentence shaded by how
//! many sources share its fact, quotations and dates underlined, and the
//! selection highlighted. Clicking a sentence selects its fact everywhere.

use super::rich::{self, Mark};
use super::theme::{self, Highlights};
use super::virtual_list::list_id;
use super::widgets::{colour_chip_ui, pane_header_ui};
use super::workspace::Workspace;
use super::{Command, StoryCommand};
use crate::model::{Article, Span};
use eframe::egui::{self, Align, RichText, Sense, text::CCursor};

pub fn reader_ui(ui: &mut egui::Ui, ws: &mut Workspace, dark: bool, commands: &mut Vec<Command>) {
    let shading = if ws.analysis.articles.len() > 1 { "shaded by how many sources share each sentence" } else { "" };
    pane_header_ui(ui, "Reader", shading);
    let Some(article) = ws.analysis.articles.get(ws.reader_article) else {
        ui.label(RichText::new("No article to show.").weak());
        return;
    };
    let hl = theme::highlights(dark);
    let colour = theme::source_colour(ws.reader_article, dark);

    ui.horizontal(|ui| {
        colour_chip_ui(ui, colour, 12.0);
        egui::ComboBox::from_label("Article")
            .selected_text(RichText::new(&article.source).strong())
            .width(180.0)
            .show_ui(ui, |ui| article_menu_ui(ui, ws, commands));
    });
    ui.add_space(6.0);
    ui.add(egui::Label::new(RichText::new(&article.title).size(18.0).strong()).wrap());
    ui.horizontal_wrapped(|ui| {
        let mut meta = vec![article.source.clone()];
        if let Some(date) = &article.date {
            meta.push(date.clone());
        }
        meta.push(article.file.clone());
        ui.label(RichText::new(meta.join(" · ")).small().weak());
        if let Some(url) = &article.url {
            ui.hyperlink_to(RichText::new("open original").small(), url);
        }
    });
    legend_ui(ui, &hl, dark, ws.analysis.articles.len());
    ui.separator();

    let scroll_to = ws.scroll_reader.then(|| ws.selection.sentence.clone()).flatten();
    let paragraphs = paragraphs(article);
    let target = scroll_to.as_deref().and_then(|id| {
        let s = article.sentences.iter().find(|s| s.id == id)?;
        paragraphs.iter().position(|p| p.start <= s.start && s.end <= p.end)
    });
    let mut rows = std::mem::take(&mut ws.reader_rows);
    let width = ui.available_width();
    rows.prepare(list_id(("reader", ws.reader_article, paragraphs.len())), width, paragraphs.len(), |p| {
        let chars = article.text[paragraphs[p].clone()].chars().count();
        (chars as f32 * 7.5 / (width - 16.0).max(50.0)).ceil().max(1.0) * 20.0 + 8.0
    });
    let mut scrolled = false;
    let scroll = egui::ScrollArea::vertical().id_salt(("reader_scroll", ws.reader_article)).auto_shrink([false, false]);
    let shown = rows.show(ui, scroll, target.map(|p| (p, ws.reader_view)), |ui, p, _| {
        if paragraph_ui(ui, ws, paragraphs[p].clone(), dark, scroll_to.as_deref(), commands) {
            scrolled = true;
        }
        ui.add_space(8.0);
    });
    ws.reader_rows = rows;
    ws.reader_view = shown;
    if scrolled || target.is_none() {
        ws.scroll_reader = false;
    }
}

/// The list of articles to read, laying out only the entries in view (the
/// menu's scroll area clips to them): a thousand sources stay quick.
fn article_menu_ui(ui: &mut egui::Ui, ws: &Workspace, commands: &mut Vec<Command>) {
    let articles = &ws.analysis.articles;
    let row = ui.spacing().interact_size.y + ui.spacing().item_spacing.y;
    let width = ui.available_width();
    let (list, _) = ui.allocate_exact_size(egui::vec2(width, row * articles.len() as f32), Sense::hover());
    let clip = ui.clip_rect();
    let first = ((clip.top() - list.top()) / row).floor().max(0.0) as usize;
    let end = (((clip.bottom() - list.top()) / row).ceil().max(0.0) as usize + 1).min(articles.len());
    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
    for (i, other) in articles.iter().enumerate().take(end).skip(first) {
        let rect = egui::Rect::from_min_size(list.min + egui::vec2(0.0, i as f32 * row), egui::vec2(width, row));
        let item = egui::Button::selectable(i == ws.reader_article, other.source.as_str());
        if ui.put(rect.shrink2(egui::vec2(0.0, ui.spacing().item_spacing.y / 2.0)), item).clicked() {
            commands.push(StoryCommand::ShowArticle(other.id.clone()).into());
        }
    }
}

fn legend_ui(ui: &mut egui::Ui, hl: &Highlights, dark: bool, total: usize) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        // The shading's scale, from two sources to all of them; a folder of
        // one source shares nothing, and with two, two is all.
        let (shades, words): (&[usize], &str) = match total {
            0 | 1 => (&[], ""),
            2 => (&[2], "shared by both sources"),
            _ => (&[2, total], "shared by 2 … all sources"),
        };
        for &n in shades {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 10.0), Sense::hover());
            ui.painter().rect_filled(rect, 2.0, theme::shared_shade(n, total, dark));
            ui.painter().rect_stroke(rect, 2.0, egui::Stroke::new(1.0, hl.card_border), egui::StrokeKind::Inside);
        }
        if !words.is_empty() {
            ui.label(RichText::new(words).small().weak());
            ui.add_space(8.0);
        }
        underline_sample_ui(ui, "quotation", hl.quote_line);
        ui.add_space(8.0);
        underline_sample_ui(ui, "date", hl.date_line);
    });
}

fn underline_sample_ui(ui: &mut egui::Ui, text: &str, colour: egui::Color32) {
    let mut job = egui::text::LayoutJob::default();
    let mut format = rich::plain(egui::TextStyle::Small.resolve(ui.style()), ui.visuals().weak_text_color());
    format.underline = egui::Stroke::new(1.0, colour);
    job.append(text, 0.0, format);
    ui.label(job);
}

/// Byte ranges of the article's paragraphs, from its sentences.
fn paragraphs(article: &Article) -> Vec<std::ops::Range<usize>> {
    let mut out: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
    for s in article.sentences.iter().filter(|s| !s.headline) {
        match out.last_mut() {
            Some((p, range)) if *p == s.paragraph => range.end = s.end,
            _ => out.push((s.paragraph, s.start..s.end)),
        }
    }
    out.into_iter().map(|(_, r)| r).collect()
}

/// Draws one paragraph of the reader's article; returns true if it
/// scrolled to `scroll_to`.
fn paragraph_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    range: std::ops::Range<usize>,
    dark: bool,
    scroll_to: Option<&str>,
    commands: &mut Vec<Command>,
) -> bool {
    let article = &ws.analysis.articles[ws.reader_article];
    let hl = &theme::highlights(dark);
    let total = ws.analysis.articles.len();
    let sentences: Vec<_> = article.sentences.iter().filter(|s| s.start >= range.start && s.end <= range.end).collect();
    let mut marks: Vec<(Span, Mark)> = sentences
        .iter()
        .map(|s| {
            let shade = theme::shared_shade(ws.sources_sharing(&s.id), total, dark);
            (Span::new(s.start, s.end), Mark::Shade(shade))
        })
        .collect();
    let selected_quotes: Vec<String> = ws
        .selection
        .quote
        .as_deref()
        .map(|key| ws.quotes_of_key(key).into_iter().map(|q| q.id.clone()).collect())
        .unwrap_or_default();
    for quote in ws.quotes_of_article(ws.reader_article) {
        // Reported speech (no marks) is shown only when selected: it would
        // otherwise tint most of a news article.
        let selected = selected_quotes.contains(&quote.id);
        if quote.kind == crate::model::QuoteKind::Indirect && !selected {
            continue;
        }
        if quote.start >= range.start && quote.end <= range.end {
            let mark = if selected { Mark::Selected } else { Mark::Quote };
            marks.push((Span::new(quote.start, quote.end), mark));
            if mark == Mark::Selected {
                marks.push((Span::new(quote.start, quote.end), Mark::Quote));
            }
        }
    }
    for entry in ws.mentions_of_article(ws.reader_article) {
        if let (Some(start), Some(end)) = (entry.start, entry.end)
            && start >= range.start
            && end <= range.end
        {
            marks.push((Span::new(start, end), Mark::Date));
        }
    }
    if selected_quotes.is_empty()
        && let Some(selected) = &ws.selection.sentence
        && let Some(s) = sentences.iter().find(|s| &s.id == selected)
    {
        marks.push((Span::new(s.start, s.end), Mark::Selected));
    }

    let text = &article.text[range.clone()];
    let mut job = egui::text::LayoutJob::default();
    let format = rich::plain(egui::FontId::proportional(15.0), ui.visuals().text_color());
    rich::append_marked(&mut job, text, range.start, &marks, &format, hl);
    job.wrap.max_width = ui.available_width();
    let galley = ui.fonts_mut(|f| f.layout_job(job));
    let (rect, response) = ui.allocate_exact_size(galley.size(), Sense::click());
    ui.painter().galley(rect.min, galley.clone(), ui.visuals().text_color());

    // Which sentence is under the pointer?
    let sentence_at = |pos: egui::Pos2| {
        let cursor = galley.cursor_from_pos(pos - rect.min);
        let byte = text.char_indices().nth(cursor.index.0).map_or(text.len(), |(b, _)| b);
        let at = range.start + byte;
        sentences.iter().find(|s| s.start <= at && at < s.end).copied()
    };
    if let Some(pos) = response.hover_pos()
        && let Some(sentence) = sentence_at(pos)
    {
        let n = ws.sources_sharing(&sentence.id);
        let tip = if n > 1 {
            format!("Reported by {n} of {total} sources — click to see how each worded it")
        } else {
            "Only this source reports this — click to select it".to_string()
        };
        response.clone().on_hover_cursor(egui::CursorIcon::PointingHand).on_hover_text(tip);
    }
    if response.clicked()
        && let Some(pos) = response.interact_pointer_pos()
        && let Some(sentence) = sentence_at(pos)
    {
        commands.push(StoryCommand::SelectSentence(sentence.id.clone()).into());
    }

    if let Some(target) = scroll_to
        && let Some(s) = sentences.iter().find(|s| s.id == target)
    {
        let chars = text[..s.start - range.start].chars().count();
        let at = galley.pos_from_cursor(CCursor::new(chars)).translate(rect.min.to_vec2());
        ui.scroll_to_rect(at.expand(40.0), Some(Align::Center));
        return true;
    }
    false
}
