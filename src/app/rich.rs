//! Turning article text plus marked spans into styled egui text.
//!
//! The model marks things by byte span (diff runs, discrepancies, quotes,
//! dates); the panes need a [`LayoutJob`]. These helpers split text at every
//! span boundary and stack the styles of all spans covering each piece.

use super::theme::Highlights;
use crate::model::{DiffKind, MemberDiff, Span};
use eframe::egui::{Color32, FontId, Stroke, TextFormat, text::LayoutJob};

/// How a span of text is marked.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Mark {
    /// Background shade (e.g. how widely a sentence is shared).
    Shade(Color32),
    /// Words only this member has.
    Insert,
    /// Words a reworded member shares with the other members.
    Shared,
    /// A number or date that disagrees with another source.
    Discrepancy,
    /// Quoted words.
    Quote,
    /// A date expression.
    Date,
    /// The selected quote or sentence.
    Selected,
}

impl Mark {
    fn apply(self, format: &mut TextFormat, hl: &Highlights) {
        match self {
            Mark::Shade(colour) => format.background = colour,
            Mark::Insert => format.background = hl.insert_bg,
            Mark::Shared => {
                format.background = hl.shared_bg;
                format.underline = Stroke::new(1.0, hl.shared_line);
            }
            Mark::Discrepancy => {
                format.background = hl.discrepancy_bg;
                format.color = hl.discrepancy_fg;
                format.underline = Stroke::new(1.5, hl.discrepancy_fg);
            }
            Mark::Quote => format.underline = Stroke::new(1.0, hl.quote_line),
            Mark::Date => format.underline = Stroke::new(1.0, hl.date_line),
            Mark::Selected => format.background = hl.selected_bg,
        }
    }
}

/// A plain text format in `font` and `colour`.
pub fn plain(font: FontId, colour: Color32) -> TextFormat {
    TextFormat { font_id: font, color: colour, ..Default::default() }
}

/// Appends `text` (which starts at byte `offset` of its article) with every
/// mark whose span overlaps it applied, in the order given.
pub fn append_marked(
    job: &mut LayoutJob,
    text: &str,
    offset: usize,
    marks: &[(Span, Mark)],
    base: &TextFormat,
    hl: &Highlights,
) {
    if text.is_empty() {
        return;
    }
    let end = offset + text.len();
    let mut cuts = vec![offset, end];
    for (span, _) in marks {
        for at in [span.start, span.end] {
            if at > offset && at < end && text.is_char_boundary(at - offset) {
                cuts.push(at);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    for pair in cuts.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        let mut format = base.clone();
        for (span, mark) in marks {
            if span.start < to && span.end > from {
                mark.apply(&mut format, hl);
            }
        }
        job.append(&text[from - offset..to - offset], 0.0, format);
    }
}

/// Deleted runs longer than this are shown as a word count.
pub const LONG_DELETION_WORDS: usize = 5;

/// A member sentence with its word diff against the base drawn inline:
/// inserted words shaded, the base's missing words struck through where they
/// would have been. `marks` (discrepancies, selection) apply on top.
pub fn diff_job(
    article_text: &str,
    sentence: Span,
    diff: Option<&MemberDiff>,
    marks: &[(Span, Mark)],
    base: &TextFormat,
    hl: &Highlights,
) -> LayoutJob {
    let mut job = LayoutJob::default();
    let mut pos = sentence.start;
    if let Some(diff) = diff {
        for op in &diff.ops {
            match (op.kind, op.member) {
                (DiffKind::Equal | DiffKind::Insert, Some(span)) if span.start >= pos && span.end <= sentence.end => {
                    append_marked(&mut job, &article_text[pos..span.start], pos, marks, base, hl);
                    let mut with_insert = marks.to_vec();
                    if op.kind == DiffKind::Insert {
                        with_insert.insert(0, (span, Mark::Insert));
                    }
                    append_marked(&mut job, &article_text[span.start..span.end], span.start, &with_insert, base, hl);
                    pos = span.end;
                }
                (DiffKind::Delete, _) => {
                    let mut struck = base.clone();
                    struck.color = hl.delete_fg;
                    let words = op.text.split_whitespace().count();
                    // Short runs are struck through in place; a long run
                    // would drown the sentence, so it is counted instead.
                    let counted;
                    let text = if words > LONG_DELETION_WORDS {
                        struck.italics = true;
                        counted = format!("[−{words} words]");
                        counted.as_str()
                    } else {
                        struck.strikethrough = Stroke::new(1.0, hl.delete_fg);
                        op.text.trim()
                    };
                    if pos == sentence.start {
                        job.append(text, 0.0, struck);
                        job.append(" ", 0.0, base.clone());
                    } else {
                        job.append(" ", 0.0, base.clone());
                        job.append(text, 0.0, struck);
                    }
                }
                _ => {}
            }
        }
    }
    append_marked(&mut job, &article_text[pos..sentence.end], pos, marks, base, hl);
    job
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DiffOp;

    fn hl() -> Highlights {
        super::super::theme::highlights(false)
    }

    fn text_of(job: &LayoutJob) -> String {
        job.text.clone()
    }

    #[test]
    fn marks_split_text_and_stack() {
        let mut job = LayoutJob::default();
        let base = plain(FontId::proportional(14.0), Color32::BLACK);
        let marks = [(Span::new(12, 15), Mark::Quote), (Span::new(14, 18), Mark::Insert)];
        append_marked(&mut job, "0123456789", 10, &marks, &base, &hl());
        assert_eq!(job.text, "0123456789");
        let pieces: Vec<&str> =
            job.sections.iter().map(|s| &job.text[s.byte_range.start.0..s.byte_range.end.0]).collect();
        assert_eq!(pieces, vec!["01", "23", "4", "567", "89"]);
        // "4" is both quoted and inserted.
        assert!(job.sections[2].format.underline.width > 0.0);
        assert_eq!(job.sections[2].format.background, hl().insert_bg);
        assert_eq!(job.sections[4].format, base);
    }

    #[test]
    fn diff_shows_inserted_and_deleted_words_in_place() {
        let text = "Albania cut ties with Iran today.";
        let op = |kind, t: &str, member: Option<(usize, usize)>| DiffOp {
            kind,
            text: t.into(),
            member: member.map(|(a, b)| Span::new(a, b)),
            base: None,
        };
        let diff = MemberDiff {
            member: "a1.s0".into(),
            base: "a0.s0".into(),
            similarity: 0.8,
            wording: None,
            restates: None,
            ops: vec![
                op(DiffKind::Equal, "Albania", Some((0, 7))),
                op(DiffKind::Delete, "has severed", None),
                op(DiffKind::Insert, "cut", Some((8, 11))),
                op(DiffKind::Equal, "ties with Iran", Some((12, 26))),
                op(DiffKind::Insert, "today", Some((27, 32))),
            ],
        };
        let base = plain(FontId::proportional(14.0), Color32::BLACK);
        let job = diff_job(text, Span::new(0, text.len()), Some(&diff), &[], &base, &hl());
        assert_eq!(text_of(&job), "Albania has severed cut ties with Iran today.");
        let struck: Vec<&str> = job
            .sections
            .iter()
            .filter(|s| s.format.strikethrough.width > 0.0)
            .map(|s| &job.text[s.byte_range.start.0..s.byte_range.end.0])
            .collect();
        assert_eq!(struck, vec!["has severed"]);
        let inserted: Vec<&str> = job
            .sections
            .iter()
            .filter(|s| s.format.background == hl().insert_bg)
            .map(|s| &job.text[s.byte_range.start.0..s.byte_range.end.0])
            .collect();
        assert_eq!(inserted, vec!["cut", "today"]);
    }

    #[test]
    fn long_deletions_are_counted_not_struck() {
        let text = "Rama spoke.";
        let diff = MemberDiff {
            member: "a1.s0".into(),
            base: "a0.s0".into(),
            similarity: 0.2,
            wording: None,
            restates: None,
            ops: vec![
                DiffOp { kind: DiffKind::Equal, text: "Rama".into(), member: Some(Span::new(0, 4)), base: None },
                DiffOp {
                    kind: DiffKind::Delete,
                    text: "said in a long video address on Wednesday".into(),
                    member: None,
                    base: None,
                },
            ],
        };
        let base = plain(FontId::proportional(14.0), Color32::BLACK);
        let job = diff_job(text, Span::new(0, text.len()), Some(&diff), &[], &base, &hl());
        assert_eq!(job.text, "Rama [−8 words] spoke.");
        assert!(job.sections.iter().all(|s| s.format.strikethrough.width == 0.0));
    }
}
