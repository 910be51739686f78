//! Turning a file's bytes into text: byte-order marks, UTF-16, legacy
//! single-byte encodings (guessed with `chardetng`, decoded with
//! `encoding_rs`), and telling apart what is not text at all.
//!
//! Nothing here panics on any input: invalid bytes become U+FFFD and a note
//! saying so, and what cannot be text is a [`DecodeError`].

use encoding_rs::{Encoding, UTF_8};

/// A file's text and, when it was not plain UTF-8, how it was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// "read as Windows-1252 (guessed)", "read as UTF-16LE", or what was
    /// replaced; `None` for clean UTF-8 (with or without a byte-order mark).
    pub note: Option<String>,
}

/// Why a file's bytes are not an article's text.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("empty file; skipped")]
    Empty,
    #[error("binary file, not text; skipped")]
    Binary,
}

/// How many leading bytes are inspected for NULs and control characters.
const SNIFF_BYTES: usize = 8192;

/// Decodes a whole file. `html` asks to honour a `<meta charset>`
/// declaration before guessing.
pub fn decode(bytes: &[u8], html: bool) -> Result<Decoded, DecodeError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        let (text, had_errors) = encoding.decode_without_bom_handling(body);
        let mut notes = Vec::new();
        if encoding != UTF_8 {
            notes.push(format!("read as {}", display_name(encoding)));
        }
        if had_errors {
            notes.push(invalid_note(&text));
        }
        return finish(text.into_owned(), notes);
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(DecodeError::Empty);
    }
    if looks_binary(bytes) {
        return Err(DecodeError::Binary);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return finish(text.to_string(), Vec::new());
    }
    let declared = if html { declared_charset(bytes) } else { None };
    let (encoding, how) = match declared {
        Some(encoding) => (encoding, "as the page declares"),
        None => {
            let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(bytes, true);
            (detector.guess(None, chardetng::Utf8Detection::Allow), "guessed")
        }
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let mut notes = Vec::new();
    if encoding == UTF_8 {
        notes.push(invalid_note(&text));
    } else {
        notes.push(format!("not UTF-8; read as {} ({how})", display_name(encoding)));
        if had_errors {
            notes.push(invalid_note(&text));
        }
    }
    finish(text.into_owned(), notes)
}

fn finish(text: String, notes: Vec<String>) -> Result<Decoded, DecodeError> {
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    let note = if notes.is_empty() { None } else { Some(notes.join("; ")) };
    Ok(Decoded { text, note })
}

fn invalid_note(text: &str) -> String {
    let n = text.chars().filter(|&c| c == '\u{fffd}').count();
    let bytes = if n == 1 { "byte" } else { "bytes" };
    format!("{n} invalid {bytes} shown as �")
}

/// NUL bytes, or many control characters, in the first 8 KiB. (UTF-16
/// without a byte-order mark counts as binary: Notepad always writes one.)
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if head.contains(&0) {
        return true;
    }
    let control = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b)).count();
    control * 10 > head.len()
}

/// The encoding named by `<meta charset=…>` or `content="…; charset=…"`
/// in the first 1024 bytes, as the HTML standard's prescan does.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let label: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    let encoding = Encoding::for_label(label.as_bytes())?;
    // A page that says UTF-8 but is not: guess instead.
    (encoding != UTF_8).then_some(encoding)
}

/// "windows-1252" → "Windows-1252", "UTF-16LE" stays.
fn display_name(encoding: &'static Encoding) -> String {
    let name = encoding.name();
    let mut chars = name.chars();
    chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("Café".as_bytes(), false).unwrap(), Decoded { text: "Café".into(), note: None });
        let with_bom = [&[0xef, 0xbb, 0xbf][..], "Café".as_bytes()].concat();
        assert_eq!(decode(&with_bom, false).unwrap(), Decoded { text: "Café".into(), note: None });
    }

    #[test]
    fn utf16_both_byte_orders() {
        let text = "Tiranë “said”";
        let le: Vec<u8> = [0xff, 0xfe].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let be: Vec<u8> = [0xfe, 0xff].into_iter().chain(text.encode_utf16().flat_map(u16::to_be_bytes)).collect();
        let d = decode(&le, false).unwrap();
        assert_eq!((d.text.as_str(), d.note.as_deref()), (text, Some("read as UTF-16LE")));
        let d = decode(&be, false).unwrap();
        assert_eq!((d.text.as_str(), d.note.as_deref()), (text, Some("read as UTF-16BE")));
        // An odd trailing byte is invalid, not a panic.
        let mut odd = le.clone();
        odd.push(0x41);
        assert!(decode(&odd, false).unwrap().note.unwrap().contains("1 invalid byte"));
    }

    #[test]
    fn windows_1252_is_guessed() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252
            .encode("The café in Tiranë said “we will stay open” – for now, the owner’s son said.");
        let d = decode(&bytes, false).unwrap();
        assert!(d.text.contains("café in Tiranë said “we will stay open” –"), "{}", d.text);
        assert_eq!(d.note.as_deref(), Some("not UTF-8; read as Windows-1252 (guessed)"));
    }

    #[test]
    fn html_meta_charset_is_honoured() {
        let (bytes, _, _) =
            encoding_rs::ISO_8859_2.encode("<html><head><meta charset=\"iso-8859-2\"></head><p>Łódź i Kraków</p>");
        let d = decode(&bytes, true).unwrap();
        assert!(d.text.contains("Łódź i Kraków"));
        assert_eq!(d.note.as_deref(), Some("not UTF-8; read as ISO-8859-2 (as the page declares)"));
    }

    #[test]
    fn empty_and_binary() {
        assert_eq!(decode(b"", false), Err(DecodeError::Empty));
        assert_eq!(decode(b" \n\t\n", false), Err(DecodeError::Empty));
        assert_eq!(decode(&[0xef, 0xbb, 0xbf], false), Err(DecodeError::Empty));
        assert_eq!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", false), Err(DecodeError::Binary));
        assert_eq!(decode(&[1, 2, 3, 4, 5, 6, 7, 8, b'a'], false), Err(DecodeError::Binary));
    }
}
