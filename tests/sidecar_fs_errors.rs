//! A full disk or a read-only directory: the save fails with an error, nothing on disk is
//! damaged, no temporary file is left, and the same save succeeds once the problem is gone.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use sidenote::annotation::{AnnotationSet, Stamp, Tag};
use sidenote::article::Article;
use sidenote::library::SAMPLES;
use sidenote::sidecar::{self, SidecarError};
use time::macros::datetime;

fn setup() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let (name, text) = SAMPLES[3];
    let article = dir.path().join(name);
    fs::write(&article, text).unwrap();
    (dir, article)
}

fn sidenote(dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_sidenote"));
    command
        .env_clear()
        .env("SIDENOTE_DATA_DIR", dir.join("data"))
        .env("SIDENOTE_CONFIG_DIR", dir.join("config"))
        .env("USER", "tester");
    command
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A full disk, as the writer sees it: a file-size limit makes every write past 512 bytes fail
/// (SIGXFSZ ignored, so the write returns an error instead of killing the process).
#[test]
fn a_full_disk_damages_nothing_and_the_retry_succeeds() {
    let (dir, article) = setup();
    for unit in ["2", "4"] {
        let status = sidenote(dir.path())
            .args(["tag", "--sentence", unit, "--tag", "claim"])
            .arg(&article)
            .status()
            .unwrap();
        assert!(status.success());
    }
    let sidecar_path = sidecar::path_for(&article);
    let before = fs::read(&sidecar_path).unwrap();
    assert!(before.len() > 512);
    let listing = files_in(dir.path());

    let output = Command::new("sh")
        .env_clear()
        .env("SIDENOTE_DATA_DIR", dir.path().join("data"))
        .env("SIDENOTE_CONFIG_DIR", dir.path().join("config"))
        .env("USER", "tester")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 1; exec \"$0\" tag --sentence 6 --tag quote \"$1\"")
        .arg(env!("CARGO_BIN_EXE_sidenote"))
        .arg(&article)
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("File too large"), "{stderr}");
    assert_eq!(fs::read(&sidecar_path).unwrap(), before);
    assert_eq!(
        files_in(dir.path()),
        listing,
        "a temporary file was left behind"
    );

    let status = sidenote(dir.path())
        .args(["tag", "--sentence", "6", "--tag", "quote"])
        .arg(&article)
        .status()
        .unwrap();
    assert!(status.success());
    assert_eq!(
        sidecar::load(&article).unwrap().unwrap().annotations.len(),
        3
    );
}

/// Makes a directory unwritable for the life of the guard: by permissions, or, for root, whom
/// permissions do not stop, by the immutable attribute.
struct ReadOnly<'a> {
    dir: &'a Path,
    immutable: bool,
}

impl<'a> ReadOnly<'a> {
    fn new(dir: &'a Path) -> Option<ReadOnly<'a>> {
        fs::set_permissions(dir, fs::Permissions::from_mode(0o555)).unwrap();
        let mut guard = ReadOnly {
            dir,
            immutable: false,
        };
        if guard.writable() {
            guard.immutable = Command::new("chattr")
                .arg("+i")
                .arg(dir)
                .status()
                .is_ok_and(|s| s.success());
        }
        (!guard.writable()).then_some(guard)
    }

    fn writable(&self) -> bool {
        let probe = self.dir.join(".probe");
        let ok = fs::write(&probe, b"").is_ok();
        let _ = fs::remove_file(probe);
        ok
    }
}

impl Drop for ReadOnly<'_> {
    fn drop(&mut self) {
        if self.immutable {
            let _ = Command::new("chattr").arg("-i").arg(self.dir).status();
        }
        let _ = fs::set_permissions(self.dir, fs::Permissions::from_mode(0o755));
    }
}

#[test]
fn a_read_only_directory_damages_nothing_and_the_change_can_be_retried() {
    let (dir, article) = setup();
    let parsed = Article::parse("a", SAMPLES[3].1.as_bytes()).unwrap();
    let stamp = |id: &str| Stamp {
        author: "tester".into(),
        now: datetime!(2025-01-13 09:00 UTC),
        new_id: id.into(),
    };
    let mut set = AnnotationSet::new(&parsed, Vec::new());
    set.add_tag(&parsed, (2, 2), Tag::Claim, &stamp("a1"));
    let base = sidecar::save(&article, &parsed, &[], &set.into_annotations()).unwrap();
    let before = fs::read(sidecar::path_for(&article)).unwrap();
    let listing = files_in(dir.path());

    // The change the reading screen keeps in memory while it retries.
    let mut set = AnnotationSet::new(&parsed, base.clone());
    set.add_tag(&parsed, (4, 4), Tag::Denial, &stamp("a2"));
    let ours = set.into_annotations();

    {
        let Some(_read_only) = ReadOnly::new(dir.path()) else {
            eprintln!("cannot make a directory read-only here; skipping");
            return;
        };
        for _ in 0..3 {
            let error = sidecar::save(&article, &parsed, &base, &ours).unwrap_err();
            assert!(matches!(error, SidecarError::Io { .. }), "{error}");
            assert!(error.is_transient());
            assert_eq!(fs::read(sidecar::path_for(&article)).unwrap(), before);
            assert_eq!(files_in(dir.path()), listing);
        }
    }
    let saved = sidecar::save(&article, &parsed, &base, &ours).unwrap();
    assert_eq!(saved.len(), 2);
    assert_eq!(sidecar::load(&article).unwrap().unwrap().annotations, saved);
}
