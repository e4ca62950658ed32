//! A full disk and a read-only folder under the running reading screen: the error is shown in
//! the status bar, the sidecar on disk is left as it was, the tags stay in memory, and once the
//! disk has room again (or the folder is writable) the retry saves every one of them.
//!
//! A full disk is a file-size limit on the process (RLIMIT_FSIZE, SIGXFSZ ignored so the write
//! fails with EFBIG), raised from outside with prlimit to "free" it; a read-only folder is the
//! immutable attribute, since root, which these tests may run as, ignores permissions.
//!
//! The tmpfs and the immutable attribute need root: where they cannot be had, those tests report
//! "ignored" with the reason (the harness is libtest-mimic, so the decision is made at run time
//! and counted in the summary) instead of passing without checking anything.
#![cfg(target_os = "linux")]
#![allow(clippy::unwrap_used)]

#[path = "support/pty.rs"]
mod pty;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use libtest_mimic::{Arguments, Completion, Trial};
use pty::Pty;
use sidenote::annotation::Tag;
use sidenote::sidecar;

struct Setup {
    dir: tempfile::TempDir,
    data: tempfile::TempDir,
    config: tempfile::TempDir,
    article: PathBuf,
}

/// A sample article with two tags saved by the CLI, so that the sidecar is already past the
/// 512-byte limit the full-disk test sets.
fn setup() -> Setup {
    setup_in(tempfile::tempdir().unwrap())
}

fn setup_in(dir: tempfile::TempDir) -> Setup {
    let data = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let (name, text) = sidenote::library::SAMPLES[3];
    let article = dir.path().join(name);
    fs::write(&article, text).unwrap();
    for unit in ["2", "4"] {
        let status = Command::new(env!("CARGO_BIN_EXE_sidenote"))
            .env("SIDENOTE_DATA_DIR", data.path())
            .env("SIDENOTE_CONFIG_DIR", config.path())
            .args(["tag", "--sentence", unit, "--tag", "claim"])
            .arg(&article)
            .status()
            .unwrap();
        assert!(status.success());
    }
    assert!(fs::metadata(sidecar::path_for(&article)).unwrap().len() > 512);
    Setup {
        dir,
        data,
        config,
        article,
    }
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The (first unit, tag) pairs saved for `article`.
fn saved(article: &Path) -> Vec<(usize, Tag)> {
    let mut pairs: Vec<(usize, Tag)> = sidecar::load(article)
        .unwrap()
        .unwrap()
        .annotations
        .iter()
        .flat_map(|a| a.tags.iter().map(|&tag| (a.anchor.first_unit, tag)))
        .collect();
    pairs.sort();
    pairs
}

/// Tags units 6 (quote) and 7 (denial) while saving fails, and checks what the screen says and
/// that nothing on disk changed.
fn tag_while_failing(app: &mut Pty, setup: &Setup, error: &str) {
    let before = fs::read(sidecar::path_for(&setup.article)).unwrap();
    let listing = files_in(setup.dir.path());
    app.send("jjjjjj\"");
    app.wait_for("NOT SAVED");
    app.wait_for("not saved, kept in memory, retrying");
    app.wait_for(error);
    app.send("jd");
    app.wait_for("unit 7 of");
    app.wait_for("C2 D1 Q1");
    // At least one retry, which must fail the same way.
    std::thread::sleep(std::time::Duration::from_millis(2500));
    app.pump(std::time::Duration::from_millis(100));
    assert!(app.contents().contains("NOT SAVED"), "{}", app.contents());
    assert_eq!(fs::read(sidecar::path_for(&setup.article)).unwrap(), before);
    assert_eq!(
        files_in(setup.dir.path()),
        listing,
        "a temporary file was left behind"
    );
}

/// Waits for the retry to save, then checks the sidecar holds every tag and that a further
/// change saves too.
fn retry_saves_everything(app: &mut Pty, setup: &Setup) {
    app.wait_for("│ saved │");
    assert_eq!(
        saved(&setup.article),
        vec![
            (2, Tag::Claim),
            (4, Tag::Claim),
            (6, Tag::Quote),
            (7, Tag::Denial)
        ]
    );
    app.send("jc");
    app.wait_for("C3 D1 Q1");
    app.wait_for("│ saved │");
    app.send("q");
    assert!(app.wait_exit(), "sidenote exits with success");
    assert_eq!(saved(&setup.article).len(), 5);
}

fn main() -> std::process::ExitCode {
    let args = Arguments::from_args();
    let trials = vec![
        Trial::test(
            "a_full_disk_is_shown_and_every_tag_is_saved_once_there_is_room",
            || {
                a_full_disk_is_shown_and_every_tag_is_saved_once_there_is_room();
                Ok(())
            },
        ),
        Trial::ignorable_test(
            "a_full_tmpfs_is_shown_and_every_tag_is_saved_once_space_is_freed",
            || Ok(a_full_tmpfs_is_shown_and_every_tag_is_saved_once_space_is_freed()),
        ),
        Trial::ignorable_test(
            "a_read_only_folder_is_shown_and_every_tag_is_saved_once_it_is_writable",
            || Ok(a_read_only_folder_is_shown_and_every_tag_is_saved_once_it_is_writable()),
        ),
        Trial::test("quitting_on_a_full_disk_says_what_was_not_saved", || {
            quitting_on_a_full_disk_says_what_was_not_saved();
            Ok(())
        }),
    ];
    libtest_mimic::run(&args, trials).exit_code()
}

fn a_full_disk_is_shown_and_every_tag_is_saved_once_there_is_room() {
    let setup = setup();
    let mut app = Pty::spawn(
        pty::sidenote_after(
            // A soft limit only, so that the test can raise it again.
            "trap '' XFSZ; ulimit -S -f 1",
            &[&setup.article],
            setup.data.path(),
            setup.config.path(),
        ),
        30,
        120,
    );
    app.wait_for("unit 0 of");
    tag_while_failing(&mut app, &setup, "File too large");

    let unlimited = libc::rlimit {
        rlim_cur: libc::RLIM_INFINITY,
        rlim_max: libc::RLIM_INFINITY,
    };
    let pid = libc::pid_t::try_from(app.pid()).unwrap();
    // SAFETY: prlimit reads and writes only the structs passed; the pid is our own child.
    let result =
        unsafe { libc::prlimit(pid, libc::RLIMIT_FSIZE, &unlimited, std::ptr::null_mut()) };
    assert_eq!(result, 0, "{}", std::io::Error::last_os_error());
    retry_saves_everything(&mut app, &setup);
}

/// A small tmpfs mounted on a temporary folder for the life of the guard.
struct Tmpfs(tempfile::TempDir);

impl Tmpfs {
    /// The mount, or `None` where mounting is not allowed (not root, in a container).
    fn new() -> Option<Tmpfs> {
        let dir = tempfile::tempdir().unwrap();
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=256k", "tmpfs"])
            .arg(dir.path())
            .output()
            .is_ok_and(|o| o.status.success());
        mounted.then(|| Tmpfs(dir))
    }

    /// Fills the file system with `filler` until a write fails for lack of space.
    fn fill(&self, filler: &Path) {
        use std::io::Write;
        let mut file = fs::File::create(filler).unwrap();
        let block = [b'x'; 4096];
        let error = loop {
            if let Err(error) = file.write_all(&block) {
                break error;
            }
        };
        assert_eq!(error.raw_os_error(), Some(libc::ENOSPC), "{error}");
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(self.0.path()).status();
    }
}

fn a_full_tmpfs_is_shown_and_every_tag_is_saved_once_space_is_freed() -> Completion {
    let Some(tmpfs) = Tmpfs::new() else {
        return Completion::ignored_with("cannot mount a tmpfs here (it needs root)");
    };
    let root = tmpfs.0.path().to_owned();
    let setup = setup_in(tempfile::tempdir_in(&root).unwrap());
    let mut app = Pty::spawn(
        pty::sidenote(&[&setup.article], setup.data.path(), setup.config.path()),
        30,
        120,
    );
    app.wait_for("unit 0 of");
    let filler = root.join("filler");
    tmpfs.fill(&filler);
    tag_while_failing(&mut app, &setup, "No space left on device");
    fs::remove_file(&filler).unwrap();
    retry_saves_everything(&mut app, &setup);
    Completion::Completed
}

/// Makes a directory unwritable, even for root, for the life of the guard.
struct Immutable<'a>(&'a Path);

impl<'a> Immutable<'a> {
    fn new(dir: &'a Path) -> Option<Immutable<'a>> {
        let set = Command::new("chattr")
            .arg("+i")
            .arg(dir)
            .output()
            .is_ok_and(|o| o.status.success());
        let guard = set.then_some(Immutable(dir))?;
        fs::write(dir.join(".probe"), b"").is_err().then_some(guard)
    }
}

impl Drop for Immutable<'_> {
    fn drop(&mut self) {
        let status = Command::new("chattr").arg("-i").arg(self.0).status();
        assert!(status.is_ok_and(|s| s.success()), "chattr -i failed");
    }
}

fn a_read_only_folder_is_shown_and_every_tag_is_saved_once_it_is_writable() -> Completion {
    let setup = setup();
    let mut app = Pty::spawn(
        pty::sidenote(&[&setup.article], setup.data.path(), setup.config.path()),
        30,
        120,
    );
    app.wait_for("unit 0 of");
    {
        let Some(_read_only) = Immutable::new(setup.dir.path()) else {
            return Completion::ignored_with(
                "chattr +i cannot make a directory read-only here (it needs root)",
            );
        };
        tag_while_failing(&mut app, &setup, "Operation not permitted");
    }
    retry_saves_everything(&mut app, &setup);
    Completion::Completed
}

/// Quitting while a save fails cannot keep the tag: sidenote must not pretend otherwise. It
/// waits for the save a while, then says on the restored terminal what was not saved and why,
/// and exits with failure; the sidecar on disk is left as it was.
fn quitting_on_a_full_disk_says_what_was_not_saved() {
    let setup = setup();
    let before = fs::read(sidecar::path_for(&setup.article)).unwrap();
    let mut app = Pty::spawn(
        pty::sidenote_after(
            "trap '' XFSZ; ulimit -S -f 1",
            &[&setup.article],
            setup.data.path(),
            setup.config.path(),
        ),
        30,
        120,
    );
    app.wait_for("unit 0 of");
    app.send("jjjjjj\"");
    app.wait_for("NOT SAVED");
    app.send("q");
    app.wait_for("q again quits");
    app.send("q");
    assert!(
        !app.wait_exit(),
        "the exit status tells a script something was lost"
    );
    let output = String::from_utf8_lossy(&app.bytes);
    let left = output
        .rfind("\u{1b}[?1049l")
        .expect("the screen was given back");
    let after = &output[left..];
    assert!(after.contains("could not be saved"), "{after:?}");
    assert!(after.contains("File too large"), "{after:?}");
    assert_eq!(fs::read(sidecar::path_for(&setup.article)).unwrap(), before);
}
