//! The sidecar's side of `git merge`: git's base, ours and theirs of one sidecar, merged by
//! annotation id with the same three-way merge saves use, written over ours.
//!
//! It touches only the three files git names. A side that does not parse, or that a newer
//! sidenote wrote, makes it fail before anything is written, so git reports an ordinary
//! conflict and the file keeps our version, never a broken one.

use std::io;
use std::path::Path;

use super::{Sidecar, SidecarError, format, merge, read, version_for};
use crate::annotation::Annotation;
use crate::atomic_file;

/// Merges the sidecars at `base`, `ours` and `theirs` (git's `%O %A %B`) and writes the result
/// into `ours`. An empty or missing `base` (two branches that each created the sidecar) is a
/// sidecar without annotations.
pub fn merge_files(base: &Path, ours: &Path, theirs: &Path) -> Result<(), SidecarError> {
    let base_sidecar = match read(base)? {
        Some(text) if !text.trim().is_empty() => Some(parse_writable(base, &text)?),
        _ => None,
    };
    let our_sidecar = parse_writable(ours, &required(ours)?)?;
    let their_sidecar = parse_writable(theirs, &required(theirs)?)?;
    let empty = Vec::new();
    let base_annotations = base_sidecar.as_ref().map_or(&empty, |s| &s.annotations);
    let mut merged = merge(
        base_annotations,
        &our_sidecar.annotations,
        &their_sidecar.annotations,
    );
    sort_by_position(&mut merged);
    // The fingerprint of the side whose article text changed; ours when both or neither did,
    // since anchors are found again in whatever text is opened next.
    let fingerprint = match &base_sidecar {
        Some(base) if base.fingerprint == our_sidecar.fingerprint => {
            their_sidecar.fingerprint.clone()
        }
        _ => our_sidecar.fingerprint.clone(),
    };
    let result = Sidecar {
        version: version_for(&merged),
        fingerprint,
        annotations: merged,
    };
    let text = format::to_text(&result).map_err(|error| SidecarError::Io {
        path: ours.to_owned(),
        source: io::Error::other(error),
    })?;
    atomic_file::write(ours, text.as_bytes()).map_err(|source| SidecarError::Io {
        path: ours.to_owned(),
        source,
    })
}

/// The text of `path`, which must exist.
fn required(path: &Path) -> Result<String, SidecarError> {
    read(path)?.ok_or_else(|| SidecarError::Io {
        path: path.to_owned(),
        source: io::Error::from(io::ErrorKind::NotFound),
    })
}

/// The sidecar in `text`, refused when a newer sidenote wrote it: merging would drop what this
/// build cannot read.
fn parse_writable(path: &Path, text: &str) -> Result<Sidecar, SidecarError> {
    let sidecar = format::parse(path, text)?;
    if !sidecar.is_writable() {
        return Err(SidecarError::Newer {
            path: path.to_owned(),
            version: sidecar.version,
        });
    }
    Ok(sidecar)
}

/// Document order as the anchors record it: the merge runs without the article, whose text in
/// the work tree may be mid-merge too. The next save re-sorts against the text.
fn sort_by_position(annotations: &mut [Annotation]) {
    annotations.sort_by(|a, b| {
        (a.anchor.start, a.anchor.end, &a.id).cmp(&(b.anchor.start, b.anchor.end, &b.id))
    });
}
