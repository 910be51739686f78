//! The source colours, shared by the desktop app and the reports.
//!
//! Plain RGB triples, with no egui, so that an HTML or SVG report paints a
//! source in exactly the colour the app gives it (`app::theme` wraps these in
//! egui colours). A source's colour is picked by its position in the folder,
//! so it is stable across runs of the same folder.

/// Source colours for a light background: distinct hues of similar weight,
/// dark enough to read as text on white.
pub const SOURCES_LIGHT: [[u8; 3]; 8] = [
    [0x2f, 0x6d, 0xb5], // blue
    [0xc9, 0x6a, 0x12], // orange
    [0x2e, 0x8b, 0x57], // green
    [0xb8, 0x3b, 0x5e], // raspberry
    [0x6f, 0x4f, 0xa8], // violet
    [0x1f, 0x8a, 0x8a], // teal
    [0x8a, 0x6a, 0x3b], // umber
    [0x5b, 0x6b, 0x7a], // slate
];

/// The same hues lifted for a dark background.
pub const SOURCES_DARK: [[u8; 3]; 8] = [
    [0x6c, 0xa6, 0xea],
    [0xf0, 0x9a, 0x4a],
    [0x5f, 0xc0, 0x87],
    [0xe7, 0x73, 0x94],
    [0xa9, 0x8b, 0xe0],
    [0x4f, 0xc4, 0xc4],
    [0xc8, 0xa2, 0x6b],
    [0x9a, 0xab, 0xbb],
];

/// The colour of the source at `index` (its position in the folder).
pub fn source_rgb(index: usize, dark: bool) -> [u8; 3] {
    let palette = if dark { &SOURCES_DARK } else { &SOURCES_LIGHT };
    palette[index % palette.len()]
}

/// `#2f6db5`: the light-theme colour of the source at `index`, for HTML and SVG.
pub fn source_hex(index: usize) -> String {
    let [r, g, b] = source_rgb(index, false);
    format!("#{r:02x}{g:02x}{b:02x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_matches_the_palette() {
        assert_eq!(source_hex(0), "#2f6db5");
        assert_eq!(source_hex(9), "#c96a12");
    }
}
