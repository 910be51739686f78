//! Colours and typography: one stable colour per source, the diff and
//! highlight colours for light and dark mode, and the text styles.
//!
//! Every pane asks here rather than inventing colours, so a source is the same
//! colour in the source list, the alignment cards, the timeline and the quote
//! chips, and both themes stay readable.

use eframe::egui::{self, Color32, FontFamily, FontId, TextStyle};
use serde::{Deserialize, Serialize};

/// The theme the user picked; `System` follows the desktop.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    #[default]
    System,
    Light,
    Dark,
}

impl ThemeChoice {
    pub const ALL: [ThemeChoice; 3] = [ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark];

    pub fn label(self) -> &'static str {
        match self {
            ThemeChoice::System => "Follow system",
            ThemeChoice::Light => "Light",
            ThemeChoice::Dark => "Dark",
        }
    }

    pub fn preference(self) -> egui::ThemePreference {
        match self {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        }
    }
}

/// Source colours for a light background: distinct hues of similar weight,
/// dark enough to read as text on white.
const SOURCES_LIGHT: [Color32; 8] = [
    Color32::from_rgb(0x2f, 0x6d, 0xb5), // blue
    Color32::from_rgb(0xc9, 0x6a, 0x12), // orange
    Color32::from_rgb(0x2e, 0x8b, 0x57), // green
    Color32::from_rgb(0xb8, 0x3b, 0x5e), // raspberry
    Color32::from_rgb(0x6f, 0x4f, 0xa8), // violet
    Color32::from_rgb(0x1f, 0x8a, 0x8a), // teal
    Color32::from_rgb(0x8a, 0x6a, 0x3b), // umber
    Color32::from_rgb(0x5b, 0x6b, 0x7a), // slate
];

/// The same hues lifted for a dark background.
const SOURCES_DARK: [Color32; 8] = [
    Color32::from_rgb(0x6c, 0xa6, 0xea),
    Color32::from_rgb(0xf0, 0x9a, 0x4a),
    Color32::from_rgb(0x5f, 0xc0, 0x87),
    Color32::from_rgb(0xe7, 0x73, 0x94),
    Color32::from_rgb(0xa9, 0x8b, 0xe0),
    Color32::from_rgb(0x4f, 0xc4, 0xc4),
    Color32::from_rgb(0xc8, 0xa2, 0x6b),
    Color32::from_rgb(0x9a, 0xab, 0xbb),
];

/// The colour of the source at `index` (its position in the folder), stable
/// across runs of the same folder.
pub fn source_colour(index: usize, dark: bool) -> Color32 {
    let palette = if dark { &SOURCES_DARK } else { &SOURCES_LIGHT };
    palette[index % palette.len()]
}

/// Highlight colours for diffs, discrepancies and the reader.
#[derive(Clone, Copy, Debug)]
pub struct Highlights {
    /// Background of words only this member has.
    pub insert_bg: Color32,
    /// Underline and background of words a reworded member shares with the
    /// others.
    pub shared_bg: Color32,
    pub shared_line: Color32,
    /// Text colour of words only the base has (drawn struck through).
    pub delete_fg: Color32,
    /// Background and text of a value that disagrees across sources.
    pub discrepancy_bg: Color32,
    pub discrepancy_fg: Color32,
    /// Underline of quoted words and of date expressions.
    pub quote_line: Color32,
    pub date_line: Color32,
    /// Background of a selected quote or sentence: a highlighter yellow,
    /// distinct from the blue sharing shade.
    pub selected_bg: Color32,
    /// Card background and border.
    pub card_bg: Color32,
    pub card_border: Color32,
    pub accent: Color32,
}

pub fn highlights(dark: bool) -> Highlights {
    if dark {
        Highlights {
            insert_bg: Color32::from_rgba_unmultiplied(70, 180, 100, 70),
            shared_bg: Color32::from_rgba_unmultiplied(110, 150, 235, 55),
            shared_line: Color32::from_rgb(0x8c, 0xb4, 0xf0),
            delete_fg: Color32::from_rgb(0xe0, 0x7a, 0x7a),
            discrepancy_bg: Color32::from_rgba_unmultiplied(240, 180, 40, 90),
            discrepancy_fg: Color32::from_rgb(0xff, 0xd8, 0x80),
            quote_line: Color32::from_rgb(0x6c, 0xa6, 0xea),
            date_line: Color32::from_rgb(0xe0, 0xa0, 0x50),
            selected_bg: Color32::from_rgba_unmultiplied(255, 200, 0, 80),
            card_bg: Color32::from_gray(32),
            card_border: Color32::from_gray(52),
            accent: Color32::from_rgb(0x6c, 0xa6, 0xea),
        }
    } else {
        Highlights {
            insert_bg: Color32::from_rgba_unmultiplied(46, 160, 67, 48),
            shared_bg: Color32::from_rgba_unmultiplied(60, 110, 220, 36),
            shared_line: Color32::from_rgb(0x3a, 0x6e, 0xc8),
            delete_fg: Color32::from_rgb(0xb0, 0x3a, 0x3a),
            discrepancy_bg: Color32::from_rgba_unmultiplied(255, 190, 0, 110),
            discrepancy_fg: Color32::from_rgb(0x6b, 0x3d, 0x00),
            quote_line: Color32::from_rgb(0x2f, 0x6d, 0xb5),
            date_line: Color32::from_rgb(0xc9, 0x6a, 0x12),
            selected_bg: Color32::from_rgba_unmultiplied(255, 212, 0, 120),
            card_bg: Color32::WHITE,
            card_border: Color32::from_gray(222),
            accent: Color32::from_rgb(0x2f, 0x6d, 0xb5),
        }
    }
}

/// The reader's shading of a sentence shared by `sources` of `total`
/// sources: none for exclusive sentences, stronger the more sources share it.
pub fn shared_shade(sources: usize, total: usize, dark: bool) -> Color32 {
    if sources < 2 || total < 2 {
        return Color32::TRANSPARENT;
    }
    let share = (sources - 1) as f32 / (total - 1).max(1) as f32;
    let alpha =
        if dark { (14.0 + 40.0 * share.clamp(0.0, 1.0)) as u8 } else { (16.0 + 48.0 * share.clamp(0.0, 1.0)) as u8 };
    if dark {
        Color32::from_rgba_unmultiplied(110, 160, 255, alpha)
    } else {
        Color32::from_rgba_unmultiplied(47, 109, 181, alpha)
    }
}

/// A small heading font, used for pane titles.
pub fn pane_title_font() -> FontId {
    FontId::new(15.0, FontFamily::Proportional)
}

/// Text sizes and spacing for a calm, readable layout.
pub fn install_style(ctx: &egui::Context) {
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (TextStyle::Heading, FontId::new(22.0, FontFamily::Proportional)),
            (TextStyle::Body, FontId::new(14.0, FontFamily::Proportional)),
            (TextStyle::Button, FontId::new(14.0, FontFamily::Proportional)),
            (TextStyle::Small, FontId::new(11.5, FontFamily::Proportional)),
            (TextStyle::Monospace, FontId::new(13.0, FontFamily::Monospace)),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 4.0);
        style.spacing.interact_size.y = 24.0;
        style.spacing.scroll.bar_width = 8.0;
    });
    ctx.style_mut_of(egui::Theme::Light, |style| {
        style.visuals.panel_fill = Color32::from_gray(246);
        style.visuals.window_fill = Color32::from_gray(250);
        style.visuals.extreme_bg_color = Color32::WHITE;
    });
    ctx.style_mut_of(egui::Theme::Dark, |style| {
        style.visuals.panel_fill = Color32::from_gray(24);
        style.visuals.extreme_bg_color = Color32::from_gray(16);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_colours_are_stable_and_distinct() {
        assert_eq!(source_colour(0, false), source_colour(8, false));
        let first: std::collections::HashSet<_> = (0..8).map(|i| source_colour(i, true)).collect();
        assert_eq!(first.len(), 8);
    }

    #[test]
    fn shading_grows_with_sharing() {
        assert_eq!(shared_shade(1, 5, false), Color32::TRANSPARENT);
        assert!(shared_shade(5, 5, false).a() > shared_shade(2, 5, false).a());
    }
}
