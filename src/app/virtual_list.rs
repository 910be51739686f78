//! A scrolled list that lays out only the rows on screen, for the panes that
//! list one row per article, quote or paragraph: with a thousand sources,
//! drawing every row every frame costs tens of milliseconds.
//!
//! Rows may have different heights. Each row starts with an estimate; a row
//! drawn once is measured and its real height kept, for the same list at the
//! same width. The rows' tops are prefix sums, recomputed only when a height
//! changes, so a frame costs a binary search plus the visible rows.

use eframe::egui::{self, Align, Layout, Rect, UiBuilder};

/// The measured heights of one list, and where each row starts.
#[derive(Clone, Debug, Default)]
pub struct RowHeights {
    /// What the heights were measured for: the caller's identity of the list
    /// (its contents) and the width, in points.
    list: u64,
    width: f32,
    heights: Vec<f32>,
    /// `tops[i]` is where row `i` starts; `tops[n]` is the list's height.
    tops: Vec<f32>,
}

/// The part of a list on screen after it was drawn.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Shown {
    /// How far the list is scrolled down, in points.
    pub offset: f32,
    /// The height of the visible part.
    pub height: f32,
}

impl RowHeights {
    /// Keeps the heights when `list`, `width` and the row count are what they
    /// were measured for; otherwise starts again from `estimate(row)`.
    pub fn prepare(&mut self, list: u64, width: f32, rows: usize, estimate: impl Fn(usize) -> f32) {
        if self.list == list && (self.width - width).abs() <= 0.5 && self.heights.len() == rows {
            return;
        }
        self.list = list;
        self.width = width;
        self.heights = (0..rows).map(estimate).collect();
        self.recompute_tops();
    }

    fn recompute_tops(&mut self) {
        self.tops.clear();
        self.tops.reserve(self.heights.len() + 1);
        let mut y = 0.0;
        for h in &self.heights {
            self.tops.push(y);
            y += h;
        }
        self.tops.push(y);
    }

    /// The whole list's height.
    pub fn total(&self) -> f32 {
        self.tops.last().copied().unwrap_or(0.0)
    }

    /// Where row `i` starts and ends.
    pub fn span(&self, i: usize) -> Option<(f32, f32)> {
        Some((*self.tops.get(i)?, *self.tops.get(i + 1)?))
    }

    /// The first row that reaches below `y`.
    fn first_row_below(&self, y: f32) -> usize {
        let n = self.heights.len();
        // The last top at or above `y`: that row reaches `y`.
        self.tops[..n].partition_point(|&top| top <= y).saturating_sub(1)
    }

    /// Draws the visible rows of the list in `scroll`, each with
    /// `row_ui(ui, row, height)` in a child `Ui` as wide as the list, where
    /// `height` is the row's height as last measured (or estimated). Rows are
    /// measured as they are drawn; a height that changed asks for another
    /// frame. `scroll_to`: a row to bring into view, if it is not.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        scroll: egui::ScrollArea,
        scroll_to: Option<(usize, Shown)>,
        mut row_ui: impl FnMut(&mut egui::Ui, usize, f32),
    ) -> Shown {
        let mut scroll = scroll;
        if let Some((row, shown)) = scroll_to
            && let Some((top, bottom)) = self.span(row)
            && (top < shown.offset || bottom > shown.offset + shown.height)
        {
            scroll = scroll.vertical_scroll_offset((top - 24.0).max(0.0));
        }
        let mut measured: Vec<(usize, f32)> = Vec::new();
        let output = scroll.show_viewport(ui, |ui, viewport| {
            let width = ui.max_rect().width();
            ui.set_min_size(egui::vec2(width, self.total()));
            let origin = ui.max_rect().min;
            let first = self.first_row_below(viewport.min.y);
            for row in first..self.heights.len() {
                let top = self.tops[row];
                if top > viewport.max.y {
                    break;
                }
                let max_rect = Rect::from_min_size(origin + egui::vec2(0.0, top), egui::vec2(width, f32::INFINITY));
                let mut child = ui.new_child(
                    UiBuilder::new().max_rect(max_rect).layout(Layout::top_down(Align::Min)).id_salt(("row", row)),
                );
                row_ui(&mut child, row, self.heights[row]);
                let height = child.min_rect().height();
                if (height - self.heights[row]).abs() > 0.5 {
                    measured.push((row, height));
                }
            }
        });
        if !measured.is_empty() {
            for (row, height) in measured {
                self.heights[row] = height;
            }
            self.recompute_tops();
            ui.ctx().request_repaint();
        }
        Shown { offset: output.state.clamped_offset().y, height: output.inner_rect.height() }
    }
}

/// A stable 64-bit identity of a list's contents, for [`RowHeights::prepare`].
pub fn list_id(what: impl std::hash::Hash) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault};
    BuildHasherDefault::<std::collections::hash_map::DefaultHasher>::default().hash_one(what)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_found_by_position_and_kept_until_the_list_changes() {
        let mut rows = RowHeights::default();
        rows.prepare(1, 300.0, 4, |i| 10.0 * (i + 1) as f32);
        assert_eq!(rows.total(), 100.0);
        assert_eq!(rows.span(2), Some((30.0, 60.0)));
        assert_eq!(rows.first_row_below(0.0), 0);
        assert_eq!(rows.first_row_below(29.9), 1);
        assert_eq!(rows.first_row_below(30.0), 2);
        assert_eq!(rows.first_row_below(500.0), 3);
        rows.heights[0] = 50.0;
        rows.recompute_tops();
        rows.prepare(1, 300.2, 4, |_| 1.0);
        assert_eq!(rows.total(), 140.0, "same list, same width: measured heights are kept");
        rows.prepare(2, 300.0, 4, |_| 1.0);
        assert_eq!(rows.total(), 4.0, "another list starts from the estimates");
        rows.prepare(2, 200.0, 4, |_| 2.0);
        assert_eq!(rows.total(), 8.0, "another width too");
    }
}
