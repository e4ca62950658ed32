//! Turning a file's bytes into text: UTF-8 (with or without BOM), UTF-16 and Windows-1252, never
//! garbled silently.
//!
//! The decoded text keeps a byte-order mark as U+FEFF and keeps CR, so that code-point offsets
//! count every character of the file as decoded. Anything but UTF-8 is reported through
//! [`SourceEncoding`] so the caller can warn; this module prints nothing.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};

use super::ArticleError;

/// How many leading bytes decide whether BOM-less bytes holding NULs are UTF-16.
const UTF16_SNIFF: usize = 4096;

/// The encoding a file's bytes were decoded from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceEncoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// UTF-16 little-endian, found by its byte-order mark or by the pattern of its NUL bytes.
    Utf16Le,
    /// UTF-16 big-endian, found by its byte-order mark or by the pattern of its NUL bytes.
    Utf16Be,
    /// UTF-8 with a few invalid byte sequences, each shown as U+FFFD: what a file that is
    /// UTF-8 throughout looks like after a bad edit or a cut in mid-character.
    Utf8WithErrors,
    /// Windows-1252, assumed for bytes that are not valid UTF-8.
    Windows1252,
}

impl SourceEncoding {
    /// The encoding's usual name, as people know it from editors.
    pub fn label(self) -> &'static str {
        match self {
            SourceEncoding::Utf8 => "UTF-8",
            SourceEncoding::Utf8WithErrors => "UTF-8 (with invalid bytes)",
            SourceEncoding::Utf16Le => "UTF-16LE",
            SourceEncoding::Utf16Be => "UTF-16BE",
            SourceEncoding::Windows1252 => "Windows-1252",
        }
    }

    /// A warning for people when the file was not UTF-8, naming the encoding used instead.
    pub fn warning(self) -> Option<String> {
        match self {
            SourceEncoding::Utf8 => None,
            SourceEncoding::Utf16Le | SourceEncoding::Utf16Be => Some(format!(
                "decoded as {}; offsets count code points of the decoded text",
                self.label()
            )),
            SourceEncoding::Utf8WithErrors => Some(
                "decoded as UTF-8, but some bytes are not valid UTF-8 and show as \u{FFFD}"
                    .to_owned(),
            ),
            SourceEncoding::Windows1252 => Some(format!(
                "not valid UTF-8, decoded as {}; check accented letters and quotes",
                self.label()
            )),
        }
    }
}

/// Decodes `bytes` of the file `name`.
pub fn decode(name: &str, bytes: &[u8]) -> Result<(String, SourceEncoding), ArticleError> {
    decode_owned(name, bytes.to_vec())
}

/// Decodes `bytes` of the file `name`, reusing the buffer when it already holds UTF-8.
pub fn decode_owned(name: &str, bytes: Vec<u8>) -> Result<(String, SourceEncoding), ArticleError> {
    let (text, encoding) = if let Some(encoding) = utf16_by_bom(&bytes) {
        (utf16(name, &bytes, encoding)?, encoding)
    } else if let Some(nul) = memchr::memchr(0, &bytes) {
        let encoding = utf16_by_nuls(&bytes).ok_or_else(|| ArticleError::Binary {
            name: name.to_owned(),
            offset: nul,
        })?;
        (utf16(name, &bytes, encoding)?, encoding)
    } else {
        match String::from_utf8(bytes) {
            Ok(text) => (text, SourceEncoding::Utf8),
            Err(error) => {
                let bytes = error.into_bytes();
                if mostly_utf8(&bytes) {
                    (
                        String::from_utf8_lossy(&bytes).into_owned(),
                        SourceEncoding::Utf8WithErrors,
                    )
                } else {
                    let (text, _) = WINDOWS_1252.decode_without_bom_handling(&bytes);
                    (text.into_owned(), SourceEncoding::Windows1252)
                }
            }
        }
    };
    if is_blank(&text) {
        return Err(ArticleError::Empty {
            name: name.to_owned(),
        });
    }
    Ok((text, encoding))
}

/// How many leading bytes [`check_head`] needs to decide as [`decode`] would.
pub const HEAD_BYTES: usize = UTF16_SNIFF;

/// Refuses a binary file from its first bytes `head` (at least [`HEAD_BYTES`] of them, or the
/// whole file) and its `size`, as [`decode`] would refuse the whole: so a reader need not load a
/// huge binary or sparse file to learn it is one. A file that passes may still be refused by
/// [`decode`] for a NUL byte further on.
pub fn check_head(name: &str, head: &[u8], size: u64) -> Result<(), ArticleError> {
    if utf16_by_bom(head).is_some() {
        return Ok(());
    }
    let Some(nul) = memchr::memchr(0, head) else {
        return Ok(());
    };
    if size.is_multiple_of(2) && utf16_pattern(head).is_some() {
        return Ok(());
    }
    Err(ArticleError::Binary {
        name: name.to_owned(),
        offset: nul,
    })
}

/// Whether bytes that are not valid UTF-8 are still UTF-8 at heart: they hold more well-formed
/// multi-byte characters than broken sequences. Windows-1252 text almost never forms a valid
/// multi-byte UTF-8 sequence, so one such file decoded as UTF-8 would lose every accent.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().bytes().filter(|&b| b >= 0xC0).count();
        bad += usize::from(!chunk.invalid().is_empty());
    }
    good > bad
}

fn utf16_by_bom(bytes: &[u8]) -> Option<SourceEncoding> {
    match bytes {
        [0xFF, 0xFE, ..] => Some(SourceEncoding::Utf16Le),
        [0xFE, 0xFF, ..] => Some(SourceEncoding::Utf16Be),
        _ => None,
    }
}

/// Recognises BOM-less UTF-16 of mostly Latin text: NULs in one byte of each pair and never (or
/// almost never) in the other. Real binary files scatter NULs everywhere.
fn utf16_by_nuls(bytes: &[u8]) -> Option<SourceEncoding> {
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    utf16_pattern(bytes)
}

/// The UTF-16 byte order the NULs among the first [`UTF16_SNIFF`] bytes of `bytes` show, if any.
fn utf16_pattern(bytes: &[u8]) -> Option<SourceEncoding> {
    let sniff = &bytes[..bytes.len().min(UTF16_SNIFF)];
    let pairs = sniff.len() / 2;
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in sniff.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    // A third of the code units in the ASCII range is already far more than binary data shows
    // with the other byte never NUL.
    let plenty = pairs.div_ceil(3);
    if odd >= plenty && even == 0 {
        Some(SourceEncoding::Utf16Le)
    } else if even >= plenty && odd == 0 {
        Some(SourceEncoding::Utf16Be)
    } else {
        None
    }
}

/// Decodes UTF-16 keeping any BOM as U+FEFF; a NUL character in the result means the guess was
/// wrong or the file is binary after all.
fn utf16(name: &str, bytes: &[u8], encoding: SourceEncoding) -> Result<String, ArticleError> {
    let codec: &'static Encoding = match encoding {
        SourceEncoding::Utf16Be => UTF_16BE,
        _ => UTF_16LE,
    };
    let (text, _) = codec.decode_without_bom_handling(bytes);
    if let Some(nul) = text.find('\0') {
        return Err(ArticleError::Binary {
            name: name.to_owned(),
            offset: utf16_byte_offset(&text[..nul]),
        });
    }
    Ok(text.into_owned())
}

/// The byte offset in the UTF-16 file of the character that starts at the end of `before`.
fn utf16_byte_offset(before: &str) -> usize {
    before.chars().map(char::len_utf16).sum::<usize>() * 2
}

fn is_blank(text: &str) -> bool {
    text.chars().all(|c| c.is_whitespace() || c == '\u{FEFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(text: &str) -> Vec<u8> {
        text.encode_utf16().flat_map(u16::to_le_bytes).collect()
    }

    #[test]
    fn bomless_utf16_is_recognised_but_binary_is_not() {
        let bytes = utf16le("Hello, world.\nSecond line.");
        assert_eq!(utf16_by_nuls(&bytes), Some(SourceEncoding::Utf16Le));
        let binary: Vec<u8> = (0..=255u8).cycle().take(2048).collect();
        assert_eq!(utf16_by_nuls(&binary), None);
    }

    #[test]
    fn utf8_with_a_stray_byte_stays_utf8() {
        let bytes = "Seoul’s “spy” agency, café.\n".as_bytes();
        let mut broken = bytes.to_vec();
        broken.insert(5, 0xFF);
        let (text, encoding) = decode("x.txt", &broken).unwrap();
        assert_eq!(encoding, SourceEncoding::Utf8WithErrors);
        assert_eq!(text, "Seoul\u{FFFD}’s “spy” agency, café.\n");
        let (text, encoding) = decode("x.txt", b"caf\xe9 cr\xe8me").unwrap();
        assert_eq!(encoding, SourceEncoding::Windows1252);
        assert_eq!(text, "café crème");
    }

    #[test]
    fn the_head_decides_binary_as_the_whole_file_does() {
        let utf16 = utf16le(&"Hello, world.\n".repeat(1000));
        let head = &utf16[..HEAD_BYTES];
        assert_eq!(check_head("x.txt", head, utf16.len() as u64), Ok(()));
        assert!(decode("x.txt", &utf16).is_ok());
        let zeros = vec![0u8; HEAD_BYTES];
        let refused = Err(ArticleError::Binary {
            name: "x.txt".into(),
            offset: 0,
        });
        assert_eq!(check_head("x.txt", &zeros, 4 << 30), refused);
        assert_eq!(decode("x.txt", &zeros).map(drop), refused);
        assert!(check_head("x.txt", b"text\0", 5).is_err());
        assert_eq!(check_head("x.txt", b"plain text", 1 << 40), Ok(()));
    }

    #[test]
    fn nul_characters_in_utf16_are_binary() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(utf16le("ab\0c"));
        let error = decode("x.txt", &bytes).unwrap_err();
        assert_eq!(
            error,
            ArticleError::Binary {
                name: "x.txt".into(),
                offset: 6
            }
        );
    }
}
