//! Any bytes, decoded as a text file and as a web page: no panic, and clean
//! UTF-8 comes back unchanged.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for html in [false, true] {
        if let Ok(decoded) = parallax::decode::decode(data, html) {
            if let Ok(text) = std::str::from_utf8(data) {
                if !data.starts_with(&[0xef, 0xbb, 0xbf]) && !text.contains('\0') {
                    assert_eq!(decoded.text, text);
                }
            }
        }
    }
});
