//! The sidecar file: `<article file name>.annotations.ron` beside the article, holding its
//! annotations. The only module that reads or writes sidecars.

use std::path::{Path, PathBuf};

use crate::annotation::Annotation;
use crate::article::Article;

/// The sidecar format version this build writes.
pub const VERSION: u32 = 1;

/// What identifies the article text a sidecar was made against.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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
            xxh3: format!("{:016x}", xxhash_rust::xxh3::xxh3_64(article.text().as_bytes())),
            chars: article.chars().len_chars(),
        }
    }
}

/// The contents of a sidecar file.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Sidecar {
    /// Format version; a newer one than [`VERSION`] is read where possible and never written.
    pub version: u32,
    /// The article text the anchors were made against.
    pub fingerprint: Fingerprint,
    /// The annotations, in document order.
    pub annotations: Vec<Annotation>,
}

/// The sidecar path of the article at `article`: `report.txt` -> `report.txt.annotations.ron`.
pub fn path_for(article: &Path) -> PathBuf {
    let mut name = article.file_name().unwrap_or_default().to_os_string();
    name.push(".annotations.ron");
    article.with_file_name(name)
}
