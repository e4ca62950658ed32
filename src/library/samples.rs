//! The sample library bundled in the binary: five outlets' reports of one event.

use std::fs;
use std::io;
use std::path::Path;

/// The sample articles: file name and contents.
pub const SAMPLES: [(&str, &str); 5] = [
    (
        "kremlin-silent-on-captured-soldiers.txt",
        include_str!("../../assets/samples/kremlin-silent-on-captured-soldiers.txt"),
    ),
    (
        "lawmaker-cites-spy-agency-300-dead.txt",
        include_str!("../../assets/samples/lawmaker-cites-spy-agency-300-dead.txt"),
    ),
    (
        "mp-reports-100-killed-1000-injured.txt",
        include_str!("../../assets/samples/mp-reports-100-killed-1000-injured.txt"),
    ),
    (
        "nis-briefs-parliamentary-committee.txt",
        include_str!("../../assets/samples/nis-briefs-parliamentary-committee.txt"),
    ),
    (
        "storm-corps-ordered-to-kill-themselves.txt",
        include_str!("../../assets/samples/storm-corps-ordered-to-kill-themselves.txt"),
    ),
];

/// Creates `library` with the sample articles if it does not exist yet; an existing folder is left
/// exactly as the user keeps it. Returns whether it was created.
pub fn install_samples(library: &Path) -> io::Result<bool> {
    if library.exists() {
        return Ok(false);
    }
    let parent = library.parent().unwrap_or(library);
    fs::create_dir_all(parent)?;
    // Build the folder under a temporary name and rename it, so a crash never leaves half a
    // library that a later run would take for the user's own.
    let staging = parent.join(format!(".library-{}.tmp", std::process::id()));
    fs::create_dir_all(&staging)?;
    for (name, text) in SAMPLES {
        fs::write(staging.join(name), text)?;
    }
    match fs::rename(&staging, library) {
        Ok(()) => Ok(true),
        Err(_) if library.exists() => {
            fs::remove_dir_all(&staging)?;
            Ok(false)
        }
        Err(error) => Err(error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn installs_once_and_leaves_the_users_folder_alone() {
        let dir = tempfile::tempdir().unwrap();
        let library = dir.path().join("data").join("library");
        assert!(install_samples(&library).unwrap());
        assert_eq!(fs::read_dir(&library).unwrap().count(), SAMPLES.len());
        fs::remove_file(library.join(SAMPLES[0].0)).unwrap();
        assert!(!install_samples(&library).unwrap());
        assert_eq!(fs::read_dir(&library).unwrap().count(), SAMPLES.len() - 1);
    }
}
