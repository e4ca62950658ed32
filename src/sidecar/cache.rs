//! The sidecar its owner last read or wrote, with the hash of its text, so the owner's next save
//! does not parse again a file nobody changed since (parsing 10,000 annotations costs tens of
//! milliseconds). A file changed by anyone else has another hash and is parsed as usual.
//!
//! A value, not a process-wide store: whoever saves the same sidecar again and again (the
//! document open on the reading screen, one `sidenote tag` run) holds one and passes it to each
//! save. It keeps one sidecar, the last, and goes when its owner does, so reading a whole library
//! never grows it.

use std::path::{Path, PathBuf};

use super::Sidecar;

/// The last sidecar read or written through this cache.
#[derive(Clone, Default)]
pub struct Cache {
    last: Option<Seen>,
}

#[derive(Clone)]
struct Seen {
    path: PathBuf,
    hash: u64,
    sidecar: Sidecar,
}

impl Cache {
    /// An empty cache.
    pub fn new() -> Cache {
        Cache::default()
    }

    /// The sidecar parsed from the text with `hash` at `path`, taken out of the cache, if that
    /// is the one it holds.
    pub(super) fn take(&mut self, path: &Path, hash: u64) -> Option<Sidecar> {
        match &self.last {
            Some(seen) if seen.path == path && seen.hash == hash => {
                self.last.take().map(|seen| seen.sidecar)
            }
            _ => None,
        }
    }

    /// Remembers that the text with `hash` at `path` parses to `sidecar`.
    pub(super) fn put(&mut self, path: &Path, hash: u64, sidecar: Sidecar) {
        self.last = Some(Seen {
            path: path.to_owned(),
            hash,
            sidecar,
        });
    }
}

impl std::fmt::Debug for Cache {
    /// The path and hash held, not the annotations, which may be thousands.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut out = f.debug_struct("Cache");
        if let Some(seen) = &self.last {
            out.field("path", &seen.path).field("hash", &seen.hash);
        }
        out.finish()
    }
}

/// The hash a cached text is known by.
pub(super) fn hash(text: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sidecar::{Fingerprint, VERSION};

    fn sidecar(chars: usize) -> Sidecar {
        Sidecar {
            version: VERSION,
            fingerprint: Fingerprint {
                xxh3: "0000000000000000".to_owned(),
                chars,
            },
            annotations: Vec::new(),
        }
    }

    #[test]
    fn gives_its_sidecar_only_for_the_same_path_and_text_and_only_once() {
        let mut cache = Cache::new();
        let path = Path::new("/news/a.txt.annotations.ron");
        cache.put(path, 7, sidecar(1));
        assert!(cache.take(path, 8).is_none(), "another text");
        assert!(
            cache
                .take(Path::new("/news/b.txt.annotations.ron"), 7)
                .is_none()
        );
        assert_eq!(cache.take(path, 7), Some(sidecar(1)));
        assert!(cache.take(path, 7).is_none(), "taken out");
    }

    #[test]
    fn holds_only_the_last_sidecar() {
        let mut cache = Cache::new();
        let (a, b) = (Path::new("a.ron"), Path::new("b.ron"));
        cache.put(a, 1, sidecar(1));
        cache.put(b, 2, sidecar(2));
        assert!(cache.take(a, 1).is_none());
        assert_eq!(cache.take(b, 2), Some(sidecar(2)));
    }
}
