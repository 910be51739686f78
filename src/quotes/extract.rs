//! Finding quotation marks and pairing them into quotations.
//!
//! Works paragraph by paragraph over an article's prose. Each mark is read
//! from its neighbours: `“ ” „ « » `` ''` are unambiguous, a straight `"`
//! opens after a space and closes before one, a curly `’` between letters is
//! an apostrophe (Tehran’s), and single marks inside a double quotation are
//! nested quotes that stay part of the outer one. A quotation may run over
//! several paragraphs only by the printer's convention: the paragraph ends
//! without a closing mark and the next one starts with an opening mark. Any
//! other unclosed opening mark is dropped at the end of its paragraph, and a
//! closing mark with nothing open is ignored, so one stray mark never
//! swallows the rest of an article.

use crate::model::Span;

/// The mark families; a quotation closes only with a mark of its family.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    /// `“…”` (English curly double).
    Curly,
    /// `„…“` or `„…”` (German, Polish, …).
    Low,
    /// `"…"` (straight double).
    Straight,
    /// `«…»`.
    Guillemet,
    /// ``` ``…'' ``` (old wire and TeX style).
    Backtick,
    /// `‘…’` at the top level (British style).
    Single,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// A straight `"` whose neighbours do not tell (e.g. `a"b`): it closes an
    /// open straight quotation and opens one otherwise.
    Either,
}

#[derive(Clone, Copy, Debug)]
struct Mark {
    family: Family,
    role: Role,
    start: usize,
    end: usize,
}

/// A quotation found in the text, before attribution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RawQuote {
    /// Byte position of the opening mark.
    pub open: usize,
    /// Byte position just after the closing mark.
    pub close: usize,
    /// The quoted words, without marks, surrounding spaces and trailing
    /// `,;:` (which belong to the writer's sentence in American style).
    pub span: Span,
    pub family: Family,
    /// Paragraphs the quotation spans (more than one for a continued quote).
    pub paragraphs: usize,
}

/// Finds the quotations of a text made of `paragraphs` (byte spans, in
/// order; text between them is not prose and never part of a quotation).
pub fn find_quotes(text: &str, paragraphs: &[Span]) -> Vec<RawQuote> {
    let mut out = Vec::new();
    // The open quotation: its opening mark, family and paragraphs so far.
    let mut open: Option<(Mark, usize)> = None;
    for (p, para) in paragraphs.iter().enumerate() {
        let marks = scan_marks(text, *para);
        let mut marks = marks.into_iter().peekable();
        if let Some((_, count)) = open.as_mut() {
            // A continuation: skip the opening mark that starts this paragraph.
            *count += 1;
            marks.next();
        }
        for mark in marks {
            match open {
                None => {
                    if matches!(mark.role, Role::Open | Role::Either) {
                        open = Some((mark, 1));
                    }
                    // A closing mark with nothing open is a stray: ignored.
                }
                Some((o, count)) => {
                    if !compatible(o.family, mark.family) {
                        continue;
                    }
                    match mark.role {
                        Role::Close | Role::Either => {
                            if let Some(q) = make_quote(text, o, mark, count) {
                                out.push(q);
                            }
                            open = None;
                        }
                        // A second opening mark of the same family: the first
                        // was never closed. Start again from this one.
                        Role::Open => open = Some((mark, 1)),
                    }
                }
            }
        }
        if let Some((o, count)) = open {
            let next_open =
                paragraphs.get(p + 1).and_then(|next| scan_marks(text, *next).first().copied()).filter(|m| {
                    m.start == first_visible(text, paragraphs[p + 1])
                        && matches!(m.role, Role::Open | Role::Either)
                        && compatible(o.family, m.family)
                });
            match next_open {
                // A transcript's next turn (`"PENCE: Well, …` after `"WALLACE:
                // …`): the printer opens each turn's paragraph with a mark and
                // closes only the last. The turn so far ends with its
                // paragraph, and the next turn is a quotation of its own.
                Some(m) if opens_with_label(&text[m.end..paragraphs[p + 1].end]) => {
                    let end = Mark { family: o.family, role: Role::Close, start: para.end, end: para.end };
                    if let Some(q) = make_quote(text, o, end, count) {
                        out.push(q);
                    }
                    open = None;
                }
                Some(_) => {}
                None => open = None,
            }
        }
    }
    out
}

fn compatible(open: Family, other: Family) -> bool {
    open == other || (open == Family::Low && other == Family::Curly)
}

/// Does `s` open with a transcript's speaker label, a word in capitals and
/// a colon (`PENCE: Well, …`, `O'ROURKE:`)? At least three letters, so that
/// `A: …` or `Q:` stay what they are.
pub fn opens_with_label(s: &str) -> bool {
    let Some(colon) = s.find(':') else {
        return false;
    };
    let label = &s[..colon];
    let letters = label.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 3 && label.chars().all(|c| c.is_ascii_uppercase() || c == '-' || c == '\'')
}

fn first_visible(text: &str, para: Span) -> usize {
    let s = &text[para.start..para.end];
    para.start + (s.len() - s.trim_start().len())
}

fn make_quote(text: &str, open: Mark, close: Mark, paragraphs: usize) -> Option<RawQuote> {
    let inner = &text[open.end..close.start];
    let trimmed_start = open.end + (inner.len() - inner.trim_start().len());
    let mut end = open.end + inner.trim_end().len();
    while end > trimmed_start {
        let c = text[..end].chars().next_back()?;
        if matches!(c, ',' | ';' | ':') || c.is_whitespace() {
            end -= c.len_utf8();
        } else {
            break;
        }
    }
    let span = Span::new(trimmed_start, end);
    if span.is_empty() || !text[span.start..span.end].chars().any(char::is_alphanumeric) {
        return None;
    }
    Some(RawQuote { open: open.start, close: close.end, span, family: open.family, paragraphs })
}

/// The quotation marks of one paragraph, in order, with their roles.
/// Single marks are reported only where they can be top-level quotes; the
/// pairing drops those inside a double quotation by family.
fn scan_marks(text: &str, para: Span) -> Vec<Mark> {
    let s = &text[para.start..para.end];
    let mut marks: Vec<Mark> = Vec::new();
    let mut depth_double = 0i32;
    // Byte position in `s`; the characters around a mark are decoded where
    // one is found (no list of every character is built).
    let mut pos = 0;
    // Most characters are no mark: jump to the next byte that can open one
    // (`"`, `` ` ``, `'`, or the first byte of `“ ” „ ‘ ’`, 0xE2, or of
    // `« »`, 0xC2: always the start of a character), and look back over the
    // marks found so far only at a mark (that look-back per character made
    // a paragraph with many marks quadratic).
    let candidate = |b: &u8| matches!(b, b'"' | b'`' | b'\'' | 0xC2 | 0xE2);
    while let Some(k) = s.as_bytes()[pos..].iter().position(candidate) {
        pos += k;
        let Some(c) = s[pos..].chars().next() else {
            break;
        };
        if !matches!(c, '“' | '”' | '„' | '«' | '»' | '"' | '`' | '\'' | '‘' | '’') {
            pos += c.len_utf8();
            continue;
        }
        let prev = s[..pos].chars().next_back();
        let next = s[pos + c.len_utf8()..].chars().next();
        let at = para.start + pos;
        // Is the last double mark a `„` (so `“` closes it)? Is a `‘` open?
        let low_open = marks
            .iter()
            .rev()
            .find(|m| m.family != Family::Single)
            .is_some_and(|m| m.family == Family::Low && m.role == Role::Open);
        let single_open = marks.iter().rev().find(|m| m.family == Family::Single).is_some_and(|m| m.role == Role::Open);
        let mut push = |family, role, len: usize| {
            marks.push(Mark { family, role, start: at, end: at + len });
        };
        match c {
            '“' => {
                // After a `„` it closes; otherwise it opens.
                if low_open {
                    push(Family::Low, Role::Close, c.len_utf8());
                    depth_double -= 1;
                } else {
                    push(Family::Curly, Role::Open, c.len_utf8());
                    depth_double += 1;
                }
            }
            // A `”` that starts a word with nothing open is an opening mark
            // set with the closing glyph (Swedish and Finnish style, and a
            // common slip): `”Fear. I am truly afraid …” ― Edwin G. Monroy`.
            '”' if depth_double <= 0
                && !low_open
                && prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–'))
                && next.is_some_and(char::is_alphanumeric) =>
            {
                push(Family::Curly, Role::Open, c.len_utf8());
                depth_double += 1;
            }
            '”' => {
                let family = if low_open { Family::Low } else { Family::Curly };
                push(family, Role::Close, c.len_utf8());
                depth_double -= 1;
            }
            '„' => {
                push(Family::Low, Role::Open, c.len_utf8());
                depth_double += 1;
            }
            '«' => {
                push(Family::Guillemet, Role::Open, c.len_utf8());
                depth_double += 1;
            }
            '»' => {
                push(Family::Guillemet, Role::Close, c.len_utf8());
                depth_double -= 1;
            }
            '"' => {
                let before_space = prev.is_none_or(|p| p.is_whitespace() || is_open_punct(p));
                let after_space = next.is_none_or(|n| n.is_whitespace() || is_close_punct(n) || n == '\'');
                let role = match (before_space, after_space) {
                    (true, false) => Role::Open,
                    (false, true) => Role::Close,
                    _ => Role::Either,
                };
                // `5"` (inches) between a digit and a letter/space is not a mark.
                let inches = prev.is_some_and(|p| p.is_ascii_digit()) && role != Role::Open;
                if !inches {
                    push(Family::Straight, role, 1);
                }
            }
            '`' if next == Some('`') => {
                push(Family::Backtick, Role::Open, 2);
                depth_double += 1;
                pos += 2;
                continue;
            }
            '\'' if next == Some('\'') => {
                // `''` opens too where a word follows it after a space or
                // a line's start (the New York Times' archive style:
                // `''This isn't tax reform,'' said …`).
                let before_space = prev.is_none_or(|p| p.is_whitespace() || is_open_punct(p));
                let after = s[pos + 2..].chars().next();
                let opens = before_space && after.is_some_and(char::is_alphanumeric);
                if opens {
                    push(Family::Backtick, Role::Open, 2);
                    depth_double += 1;
                } else {
                    push(Family::Backtick, Role::Close, 2);
                    depth_double -= 1;
                }
                pos += 2;
                continue;
            }
            '‘' if depth_double <= 0 && next.is_some_and(|n| !n.is_whitespace()) => {
                push(Family::Single, Role::Open, c.len_utf8());
            }
            // Before a letter `’` is an apostrophe (Tehran’s, ’90s); otherwise
            // it closes a `‘` opened earlier in the paragraph, so a lone `’`
            // (the groups’ leaders) is never a mark.
            '’' if depth_double <= 0 && single_open && !next.is_some_and(char::is_alphanumeric) => {
                push(Family::Single, Role::Close, c.len_utf8());
            }
            _ => {}
        }
        pos += c.len_utf8();
    }
    marks
}

fn is_open_punct(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':')
}

fn is_close_punct(c: char) -> bool {
    matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '—' | '–' | '…')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Paragraphs of a test text: its non-empty lines.
    fn paras(text: &str) -> Vec<Span> {
        crate::corpus::lines(text).filter(|l| !text[l.start..l.end].trim().is_empty()).collect()
    }

    fn quotes(text: &str) -> Vec<&str> {
        find_quotes(text, &paras(text)).into_iter().map(|q| &text[q.span.start..q.span.end]).collect()
    }

    #[test]
    fn curly_double_quotes() {
        assert_eq!(quotes("“We will leave,” he said. She called it “a farce”."), vec!["We will leave", "a farce"]);
    }

    #[test]
    fn straight_double_quotes() {
        assert_eq!(
            quotes("\"We will leave,\" he said, and added: \"Now.\" A 5\" screen."),
            vec!["We will leave", "Now."]
        );
    }

    #[test]
    fn single_quotes_nested_in_double_stay_inside() {
        let text = "“He called it ‘a lie’ and left,” she said. He said ‘hello’ to Tehran’s envoy.";
        assert_eq!(quotes(text), vec!["He called it ‘a lie’ and left", "hello"]);
    }

    #[test]
    fn straight_single_inside_straight_double() {
        assert_eq!(quotes("\"It was 'unacceptable',\" he said."), vec!["It was 'unacceptable'"]);
    }

    #[test]
    fn wire_style_backticks() {
        assert_eq!(quotes("``We are not afraid,'' the minister said."), vec!["We are not afraid"]);
        assert_eq!(quotes("''This is not reform,'' said Alan Cole."), vec!["This is not reform"]);
        assert_eq!(quotes("He said ''no way'' twice, then ''maybe.''"), vec!["no way", "maybe."]);
    }

    #[test]
    fn guillemets_and_low_quotes() {
        assert_eq!(
            quotes("Il a dit « nous partons » hier. Er sagte: „Wir gehen“. Sie sagte „Nein”."),
            vec!["nous partons", "Wir gehen", "Nein"]
        );
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert_eq!(
            quotes("Albania’s decision, Tehran’s staff, the groups’ leaders and it’s over."),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn quote_continued_across_paragraphs() {
        let text = "“First part of the statement.\n\n“Second part,” Rama said.\nNext paragraph.";
        let found = find_quotes(text, &paras(text));
        assert_eq!(found.len(), 1);
        let q = found[0];
        assert_eq!(q.paragraphs, 2);
        assert_eq!(&text[q.span.start..q.span.end], "First part of the statement.\n\n“Second part");
    }

    #[test]
    fn each_turn_of_a_transcript_is_a_quotation() {
        let text = "\"WALLACE: Why would he do that?\n\"PENCE: Well, look, it is “Shark Tank.” Sure.\n\"But the truth is plain.\n\"WALLACE: Thank you.\"";
        assert_eq!(
            quotes(text),
            vec![
                "WALLACE: Why would he do that?",
                "PENCE: Well, look, it is “Shark Tank.” Sure.\n\"But the truth is plain.",
                "WALLACE: Thank you."
            ]
        );
    }

    #[test]
    fn unclosed_mark_is_dropped_at_paragraph_end() {
        let text = "He said “this never closes.\nA plain paragraph with “a quote” in it.";
        assert_eq!(quotes(text), vec!["a quote"]);
    }

    #[test]
    fn stray_closing_mark_is_ignored() {
        // Seed 003 has this stray closing mark.
        let text =
            "The prime minister says it was an Iranian state attack.”\n“For weeks now, work went on,” Rama said.";
        assert_eq!(quotes(text), vec!["For weeks now, work went on"]);
    }

    #[test]
    fn closing_glyph_opening_a_word_opens_a_quotation() {
        // `”` set as the opening mark, with nothing open before it.
        assert_eq!(
            quotes("”Fear. I am truly afraid that he will win.” ― Edwin G. Monroy"),
            vec!["Fear. I am truly afraid that he will win."]
        );
        // A stray closing mark after a word still opens nothing.
        assert_eq!(quotes("It was an Iranian state attack.” Then “a quote” came."), vec!["a quote"]);
    }

    #[test]
    fn a_second_opening_mark_restarts() {
        let text = "He wrote “oops and then “the real quote” here.";
        assert_eq!(quotes(text), vec!["the real quote"]);
    }
}
