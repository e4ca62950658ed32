//! What identifies an article's text: a hash of its bytes and its length. A sidecar records the
//! fingerprint of the text its anchors were made against, and the JSON export repeats it, so a
//! reader can tell whether the text has changed since. A property of the text alone: nothing
//! here knows where it is stored.

use super::Article;

/// What identifies the article text a sidecar was made against.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fingerprint {
    /// XXH3-64 of the text's UTF-8 bytes, as 16 lower-case hex digits.
    pub xxh3: String,
    /// Length of the text in code points.
    pub chars: usize,
}

impl Fingerprint {
    /// The fingerprint of `article`'s text.
    pub fn of(article: &Article) -> Fingerprint {
        Fingerprint {
            xxh3: format!(
                "{:016x}",
                xxhash_rust::xxh3::xxh3_64(article.text().as_bytes())
            ),
            chars: article.chars().len_chars(),
        }
    }
}
