//! The texts articles had when they were tagged, kept in the data directory's `tagged-texts/`
//! and named by their fingerprint (`<xxh3>-<chars>.txt`), so that once an article changes the
//! sentences added and removed since can be shown.
//!
//! Part of the store. A cache, not a record: bounded in size (the least recently used texts go
//! first), safe to delete at any time (then whole-article changes are not shown until the next
//! save), and checked on reading (a file whose hash is not its name is ignored). Each text is
//! written atomically. Nothing here is needed to find a tag again: the sidecar alone is.

use std::fs::{self, File, FileTimes};
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::annotation::{Annotation, place_all};
use crate::article::{Article, Fingerprint, SourceEncoding};
use crate::atomic_file;
use crate::changes::{self, Report};

/// The folder's name in the data directory.
pub const FOLDER: &str = "tagged-texts";

/// The default bound on all texts kept together, in bytes.
pub const DEFAULT_LIMIT: u64 = 256 * 1024 * 1024;

/// The texts kept in one folder, up to a total size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextStore {
    dir: PathBuf,
    limit: u64,
}

impl TextStore {
    /// The store in the data directory `data`, bounded by [`DEFAULT_LIMIT`].
    pub fn in_data(data: &Path) -> TextStore {
        TextStore::with_limit(data.join(FOLDER), DEFAULT_LIMIT)
    }

    /// A store in `dir` holding at most `limit` bytes of text; a text larger than a quarter of
    /// that is not kept, so one huge article cannot push out every other.
    pub fn with_limit(dir: PathBuf, limit: u64) -> TextStore {
        TextStore { dir, limit }
    }

    /// The folder the texts are in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Keeps `article`'s text under its fingerprint (marking it used when it is kept already),
    /// then removes the least recently used texts past the bound.
    pub fn keep(&self, article: &Article) -> io::Result<()> {
        let text = article.text();
        if text.len() as u64 > self.limit / 4 {
            return Ok(());
        }
        let path = self.path_of(&Fingerprint::of(article));
        if touch(&path).is_ok() {
            return Ok(());
        }
        fs::create_dir_all(&self.dir)?;
        atomic_file::write(&path, text.as_bytes())?;
        self.prune()
    }

    /// The text kept under `fingerprint`, as an article, when there is one and it is whole.
    pub fn get(&self, fingerprint: &Fingerprint, name: &str) -> Option<Article> {
        let path = self.path_of(fingerprint);
        let bytes = fs::read(&path).ok()?;
        let text = String::from_utf8(bytes).ok()?;
        let article = Article::from_text(name, text, SourceEncoding::Utf8);
        if Fingerprint::of(&article) != *fingerprint {
            return None;
        }
        let _ = touch(&path);
        Some(article)
    }

    fn path_of(&self, fingerprint: &Fingerprint) -> PathBuf {
        // The hash is hex digits only, so the name never leaves the folder.
        let hash: String = fingerprint
            .xxh3
            .chars()
            .filter(char::is_ascii_hexdigit)
            .collect();
        self.dir.join(format!("{hash}-{}.txt", fingerprint.chars))
    }

    /// Removes the least recently used texts until the rest fit the bound.
    fn prune(&self) -> io::Result<()> {
        let mut texts = Vec::new();
        for entry in fs::read_dir(&self.dir)?.flatten() {
            let Ok(meta) = entry.metadata() else {
                continue;
            };
            let is_text = entry.path().extension().is_some_and(|ext| ext == "txt");
            if meta.is_file() && is_text {
                let used = meta.modified().unwrap_or(SystemTime::UNIX_EPOCH);
                texts.push((used, meta.len(), entry.path()));
            }
        }
        let mut total: u64 = texts.iter().map(|(_, len, _)| len).sum();
        texts.sort();
        for (_, len, path) in texts {
            if total <= self.limit {
                break;
            }
            if fs::remove_file(&path).is_ok() {
                total -= len;
            }
        }
        Ok(())
    }
}

/// What changed under `annotations` since they were saved against the text `then` (the
/// fingerprint in their sidecar): `None` when `article` still has that text. Sentences added and
/// removed are in the report when `store` holds the earlier text. The job both shells run (the
/// command line's `changes`, the reading screen on a background thread); `name` is the
/// article's file name, which tells Markdown from plain text.
pub fn changes_since(
    article: &Article,
    name: &str,
    then: &Fingerprint,
    annotations: &[Annotation],
    store: Option<&TextStore>,
) -> Option<Report> {
    if Fingerprint::of(article) == *then {
        return None;
    }
    let earlier = store.and_then(|store| store.get(then, name));
    let placements = place_all(article, annotations);
    Some(changes::report(
        article,
        annotations.iter().zip(&placements),
        earlier.as_ref(),
    ))
}

/// Marks the text at `path` as just used; fails when there is none.
fn touch(path: &Path) -> io::Result<()> {
    let file = File::options().append(true).open(path)?;
    file.set_times(FileTimes::new().set_modified(SystemTime::now()))
}
