//! The sidecars this process last read or wrote, by path and content hash, so a save does not
//! parse again a file nobody changed since (parsing 10,000 annotations costs tens of
//! milliseconds). A file changed by anyone else has another hash and is parsed as usual.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use super::Sidecar;

static PARSED: Mutex<Option<HashMap<PathBuf, (u64, Sidecar)>>> = Mutex::new(None);

/// The hash a cached text is known by.
pub fn hash(text: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(text.as_bytes())
}

/// The sidecar parsed from the text with `hash` at `path`, if this process has seen it.
pub fn get(path: &Path, hash: u64) -> Option<Sidecar> {
    let cache = PARSED.lock().unwrap_or_else(PoisonError::into_inner);
    cache
        .as_ref()?
        .get(path)
        .filter(|(known, _)| *known == hash)
        .map(|(_, sidecar)| sidecar.clone())
}

/// Remembers that the text with `hash` at `path` parses to `sidecar`.
pub fn put(path: &Path, hash: u64, sidecar: &Sidecar) {
    let mut cache = PARSED.lock().unwrap_or_else(PoisonError::into_inner);
    cache
        .get_or_insert_with(HashMap::new)
        .insert(path.to_owned(), (hash, sidecar.clone()));
}
