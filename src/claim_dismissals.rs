//! The suggested claim groups a person dismissed, kept in `dismissed-groups.ron` in the data
//! directory (never in a sidecar: nothing is written beside an article until a suggestion is
//! accepted), so a dismissed suggestion does not come back. A suggestion's id comes from its
//! members, so the same suggestion is known again on every run.
//!
//! Part of the store. The file is written atomically; a dismissal re-reads the file just before
//! writing and adds to what is there, so two screens dismissing at once keep both (short of
//! two writes in the same instant). A missing file is an empty list.

use std::collections::BTreeSet;
use std::io;
use std::path::Path;

/// The file's name in the data directory.
pub const FILE: &str = "dismissed-groups.ron";

/// The dismissed ids kept in `data`; a missing file is none.
pub fn load(data: &Path) -> io::Result<BTreeSet<String>> {
    let path = data.join(FILE);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(BTreeSet::new()),
        Err(error) => return Err(error),
    };
    ron::from_str(&text).map_err(|error| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("{}: {error}", path.display()),
        )
    })
}

/// Adds `ids` to the dismissed ids kept in `data`, and returns them all.
pub fn dismiss(data: &Path, ids: &[String]) -> io::Result<BTreeSet<String>> {
    let mut all = load(data)?;
    all.extend(ids.iter().cloned());
    let pretty = ron::ser::PrettyConfig::default();
    let text = ron::ser::to_string_pretty(&all, pretty).map_err(io::Error::other)?;
    std::fs::create_dir_all(data)?;
    crate::atomic_file::write(&data.join(FILE), format!("{text}\n").as_bytes())?;
    Ok(all)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dismissals_add_up_and_survive_a_reload() {
        let dir = tempfile::tempdir().expect("temp dir");
        assert!(load(dir.path()).expect("empty").is_empty());
        dismiss(dir.path(), &["s-1".to_owned()]).expect("first");
        let all = dismiss(dir.path(), &["s-2".to_owned()]).expect("second");
        assert_eq!(all.len(), 2);
        assert_eq!(load(dir.path()).expect("read back"), all);
    }

    #[test]
    fn a_broken_file_is_an_error_naming_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join(FILE), "[\"s-1\"").expect("write");
        let error = load(dir.path()).expect_err("broken");
        assert!(error.to_string().contains(FILE), "{error}");
    }
}
