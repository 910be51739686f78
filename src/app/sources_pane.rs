//! The Sources pane: one row per article with its colour, metadata and
//! counts, a checkbox to hide it, and a small source × source matrix of how
//! much text each pair shares.

use super::theme;
use super::virtual_list::list_id;
use super::widgets::{colour_chip_ui, counted, pane_header_ui, tinted_frame};
use super::workspace::{Origin, Workspace};
use super::{Command, StoryCommand};
use eframe::egui::{self, Color32, RichText, Sense, Stroke, StrokeKind};

/// Gap between rows.
const ROW_GAP: f32 = 2.0;

pub fn sources_ui(ui: &mut egui::Ui, ws: &mut Workspace, dark: bool, commands: &mut Vec<Command>) {
    let n = ws.analysis.articles.len();
    pane_header_ui(ui, "Sources", &counted(n, "article", "articles"));
    if !ws.analysis.problems.is_empty() {
        problems_banner_ui(ui, &super::problems::problems_summary(&ws.analysis.problems), commands);
    }
    // One row per article, then the shared-text matrix as the last row.
    let rows = n + usize::from(n >= 2);
    let mut heights = std::mem::take(&mut ws.source_rows);
    heights.prepare(list_id(("sources", n)), ui.available_width(), rows, |r| {
        if r < n {
            let article = &ws.analysis.articles[r];
            let notes = usize::from(!article.duplicate_files.is_empty()) + article.near_copies.len();
            46.0 + 16.0 * notes as f32 + ROW_GAP
        } else {
            260.0
        }
    });
    let scroll = egui::ScrollArea::vertical().id_salt("sources_scroll").auto_shrink([false, false]);
    heights.show(ui, scroll, None, |ui, r, _| {
        ui.spacing_mut().item_spacing.y = ROW_GAP;
        if r < n {
            article_row_ui(ui, ws, r, dark, commands);
            ui.add_space(ROW_GAP);
        } else {
            ui.add_space(10.0);
            matrix_ui(ui, ws, dark);
        }
    });
    ws.source_rows = heights;
}

/// The source × source matrix of shared text, with its legend.
fn matrix_ui(ui: &mut egui::Ui, ws: &Workspace, dark: bool) {
    let shown = ws.matrix_articles.len();
    let heading = if shown < ws.analysis.articles.len() {
        format!("Shared text: the {shown} most alike of {} sources", ws.analysis.articles.len())
    } else {
        "Shared text".to_string()
    };
    ui.add(egui::Label::new(RichText::new(heading).strong()).wrap())
        .on_hover_text("Each cell: the share of the shorter article's sentences that the other article also reports");
    ui.add_space(2.0);
    ui.horizontal_top(|ui| {
        overlap_matrix_ui(ui, ws, dark);
        ui.vertical(|ui| {
            ui.spacing_mut().item_spacing.y = 4.0;
            ui.add(
                egui::Label::new(RichText::new("Darker cells: the two sources share more sentences.").small().weak())
                    .wrap(),
            );
            let best = ws.analysis.overlap.iter().max_by(|a, b| {
                a.shared_ratio.total_cmp(&b.shared_ratio).then_with(|| b.a.cmp(&a.a)).then_with(|| b.b.cmp(&a.b))
            });
            if let Some(pair) = best.filter(|p| p.shared_sentences > 0) {
                let name = |id: &str| ws.article_of(id).map_or(id, |(_, a)| a.source.as_str()).to_string();
                let text =
                    format!("Most alike: {} and {} ({:.0}%)", name(&pair.a), name(&pair.b), pair.shared_ratio * 100.0);
                ui.add(egui::Label::new(RichText::new(text).small()).wrap());
            }
        });
    });
}

fn problems_banner_ui(ui: &mut egui::Ui, summary: &str, commands: &mut Vec<Command>) {
    let warn = ui.visuals().warn_fg_color;
    tinted_frame(warn, 6.0, egui::Margin::symmetric(10, 6)).show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.label(RichText::new(summary).color(warn));
            if ui.link("Details").clicked() {
                commands.push(Command::ShowProblems(true));
            }
        });
    });
    ui.add_space(6.0);
}

fn article_row_ui(ui: &mut egui::Ui, ws: &Workspace, index: usize, dark: bool, commands: &mut Vec<Command>) {
    let article = &ws.analysis.articles[index];
    let colour = theme::source_colour(index, dark);
    let hidden = ws.hidden.contains(&article.id);
    let selected = ws.reader_article == index;
    let frame = egui::Frame::new().inner_margin(egui::Margin::symmetric(8, 4)).corner_radius(6.0).fill(if selected {
        ui.visuals().faint_bg_color
    } else {
        Color32::TRANSPARENT
    });
    let response = frame
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.spacing_mut().item_spacing.y = 2.0;
            // The date is laid out first, from the right, so the source name
            // gets the width that is left, cut with an ellipsis if it is
            // longer (the full name is in the hover).
            ui.horizontal(|ui| {
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if let Some(date) = &article.date {
                        ui.label(RichText::new(date).small().weak());
                    }
                    ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                        colour_chip_ui(ui, if hidden { colour.gamma_multiply(0.3) } else { colour }, 12.0);
                        source_checkbox_ui(ui, ws, index, hidden, commands);
                    });
                });
            });
            // The counts, then the title in the width that is left.
            ui.horizontal(|ui| {
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    let shared = article.sentences.len().saturating_sub(article.exclusive.len());
                    ui.label(
                        RichText::new(format!("{} · {} only here", article.sentences.len(), article.exclusive.len()))
                            .small()
                            .weak(),
                    )
                    .on_hover_text(format!(
                        "{} sentences, {shared} of them shared with another source, {} reported by no other source",
                        article.sentences.len(),
                        article.exclusive.len()
                    ));
                    ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                        let title = ui.add(
                            egui::Label::new(RichText::new(&article.title).color(ui.visuals().strong_text_color()))
                                .truncate()
                                .sense(Sense::click()),
                        );
                        if title.on_hover_text(format!("{}\n{} — click to read", article.title, article.file)).clicked()
                        {
                            commands.push(StoryCommand::ShowArticle(article.id.clone()).into());
                        }
                    });
                });
            });
            copies_ui(ui, ws, article);
            rename_ui(ui, ws, index, commands);
        })
        .response;
    if selected {
        ui.painter().rect_stroke(
            response.rect,
            6.0,
            Stroke::new(1.0, theme::highlights(dark).card_border),
            StrokeKind::Inside,
        );
    }
}

/// The checkbox that hides or shows a source, and its name cut to the width
/// there is (the hover shows it whole); clicking the name ticks the box too,
/// right-clicking either renames the source.
fn source_checkbox_ui(ui: &mut egui::Ui, ws: &Workspace, index: usize, hidden: bool, commands: &mut Vec<Command>) {
    let article = &ws.analysis.articles[index];
    let mut visible = !hidden;
    let spacing = ui.spacing().item_spacing.x;
    ui.spacing_mut().item_spacing.x = 4.0;
    let checkbox = ui.add(egui::Checkbox::without_text(&mut visible));
    // The box carries the source's name for screen readers and tests.
    checkbox.widget_info(|| egui::WidgetInfo::selected(egui::Role::CheckBox, true, visible, &article.source));
    let name = ui.add(egui::Label::new(RichText::new(&article.source).strong()).truncate().sense(Sense::click()));
    ui.spacing_mut().item_spacing.x = spacing;
    let hint = if hidden { "Show this source again" } else { "Hide this source from the alignment and quotes" };
    let tip = format!("{}\n{hint}", article.source);
    let toggled = checkbox.changed() | name.clicked();
    for response in [checkbox, name] {
        if matches!(ws.origin, Origin::Folder(_)) {
            response.context_menu(|ui| {
                if ui.button("Rename source…").clicked() {
                    ui.data_mut(|d| d.insert_temp(rename_id(index), article.source.clone()));
                }
            });
        }
        response.on_hover_text(tip.clone());
    }
    if toggled {
        commands.push(StoryCommand::ToggleSource(article.id.clone()).into());
    }
}

/// Where else this story is: other files with the same text, and other
/// articles that are near copies of it.
fn copies_ui(ui: &mut egui::Ui, ws: &Workspace, article: &crate::model::Article) {
    if !article.duplicate_files.is_empty() {
        let files = article.duplicate_files.join(", ");
        ui.label(RichText::new(format!("Also saved as {files}")).small().weak())
            .on_hover_text("The same text in another file: analysed once, not counted twice");
    }
    for copy in &article.near_copies {
        let other = ws.article_of(&copy.article).map_or(copy.article.as_str(), |(_, a)| a.source.as_str());
        ui.label(
            RichText::new(format!("Near copy of {other} ({:.0}% the same wording)", copy.similarity * 100.0))
                .small()
                .color(ui.visuals().warn_fg_color),
        )
        .on_hover_text("Most of the wording is shared: one was probably copied from the other, with small edits");
    }
}

fn rename_id(index: usize) -> egui::Id {
    egui::Id::unique(("rename_source", index))
}

/// The name field shown after "Rename source…": Enter keeps the new name
/// (remembered for this folder), Esc cancels, an empty name restores the
/// name found in the file.
fn rename_ui(ui: &mut egui::Ui, ws: &Workspace, index: usize, commands: &mut Vec<Command>) {
    let id = rename_id(index);
    let Some(mut name) = ui.data(|d| d.get_temp::<String>(id)) else { return };
    let found = ws.found_sources.get(index).cloned().unwrap_or_default();
    ui.horizontal(|ui| {
        let edit = ui.add(egui::TextEdit::singleline(&mut name).desired_width(180.0).hint_text(found.as_str()));
        if !edit.has_focus() && !edit.lost_focus() {
            edit.request_focus();
        }
        ui.label(RichText::new(format!("found as “{found}”")).small().weak());
        let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
        let escape = ui.input(|i| i.key_pressed(egui::Key::Escape));
        if edit.lost_focus() && enter {
            commands.push(Command::RenameSource(index, name.clone()));
            ui.data_mut(|d| d.remove::<String>(id));
        } else if escape || (edit.lost_focus() && !enter) {
            ui.data_mut(|d| d.remove::<String>(id));
        } else {
            ui.data_mut(|d| d.insert_temp(id, name));
        }
    });
}

fn overlap_matrix_ui(ui: &mut egui::Ui, ws: &Workspace, dark: bool) {
    let shown = &ws.matrix_articles;
    let n = shown.len();
    let gutter = 20.0;
    let cell = ((ui.available_width() * 0.5 - gutter) / n as f32).clamp(5.0, 16.0);
    let dot = (cell * 0.32).clamp(2.0, 5.0);
    let side = cell * n as f32 + gutter;
    let (rect, response) = ui.allocate_exact_size(egui::vec2(side, side), Sense::hover());
    let painter = ui.painter_at(rect);
    let origin = rect.min + egui::vec2(gutter, gutter);
    let accent = theme::highlights(dark).accent;
    let empty = ui.visuals().faint_bg_color;
    let cell_rect = |i: usize, j: usize| {
        egui::Rect::from_min_size(origin + egui::vec2(j as f32 * cell, i as f32 * cell), egui::vec2(cell, cell))
            .shrink((cell * 0.06).max(0.5))
    };
    for (i, &article_i) in shown.iter().enumerate() {
        let c = theme::source_colour(article_i, dark);
        painter.circle_filled(egui::pos2(origin.x + (i as f32 + 0.5) * cell, rect.min.y + gutter / 2.0), dot, c);
        painter.circle_filled(egui::pos2(rect.min.x + gutter / 2.0, origin.y + (i as f32 + 0.5) * cell), dot, c);
        for (j, &article_j) in shown.iter().enumerate() {
            let fill = match ws.overlap_between(article_i, article_j) {
                Some(pair) if i != j && pair.shared_ratio > 0.0 => {
                    accent.gamma_multiply(0.12 + 0.88 * pair.shared_ratio.clamp(0.0, 1.0))
                }
                _ => empty,
            };
            painter.rect_filled(cell_rect(i, j), (cell * 0.12).min(2.0), fill);
        }
    }
    // One hover target for the whole matrix: the cell under the pointer.
    let hovered = response.hover_pos().and_then(|pos| {
        let (col, row) = ((pos.x - origin.x) / cell, (pos.y - origin.y) / cell);
        (col >= 0.0 && row >= 0.0 && (col as usize) < n && (row as usize) < n && col as usize != row as usize)
            .then_some((row as usize, col as usize))
    });
    if let Some((i, j)) = hovered {
        painter.rect_stroke(
            cell_rect(i, j),
            1.0,
            Stroke::new(1.5, ui.visuals().strong_text_color()),
            StrokeKind::Outside,
        );
        let (article_i, article_j) = (shown[i], shown[j]);
        let (a, b) = (&ws.analysis.articles[article_i], &ws.analysis.articles[article_j]);
        let text = match ws.overlap_between(article_i, article_j) {
            Some(p) => format!(
                "{} and {} share {} sentences ({:.0}% of the shorter article)",
                a.source,
                b.source,
                p.shared_sentences,
                p.shared_ratio * 100.0
            ),
            None => format!("{} and {} share no sentences", a.source, b.source),
        };
        response.on_hover_text(text);
    }
}
