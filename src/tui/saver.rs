//! Saving the open article's sidecar on a runtime thread, and keeping the text it was saved
//! against in the store of tagged texts (`crate::tagged_text`), so the change report can later
//! say which sentences were added and removed.

use std::path::PathBuf;
use std::sync::{Mutex, PoisonError};

use crate::annotation::Snapshot;
use crate::article::Article;
use crate::sidecar;
use crate::tagged_text::TextStore;

use super::outcome::Outcome;

/// Saves `ours` (edited since `base`) into the sidecar of the article at `path` through the
/// document's `cache`, as revision `revision`; answers `Saved` or `SaveFailed`.
pub fn save(
    path: PathBuf,
    article: &Article,
    (base, ours): (&Snapshot, &Snapshot),
    revision: u64,
    cache: &Mutex<sidecar::Cache>,
    store: Option<&TextStore>,
) -> Outcome {
    // One save at a time per document: the lock is never waited for.
    let mut cache = cache.lock().unwrap_or_else(PoisonError::into_inner);
    let saved = sidecar::save_shared(&path, article, base, ours, &mut cache);
    drop(cache);
    if saved.is_ok()
        && let Some(store) = store
    {
        // A cache: a text that cannot be kept only hides whole-article changes.
        let _ = store.keep(article);
    }
    match saved {
        Ok(on_disk) => Outcome::saved(path, revision, ours, on_disk),
        Err(error) => Outcome::SaveFailed {
            path,
            error: error.into(),
        },
    }
}
