//! Special files where sidenote expects regular ones, made here in temp dirs: named pipes and
//! links to devices at a sidecar, a lock file, the config or an export's output, links to
//! nothing, a sparse file of gigabytes, names at the file system's limit, a sidecar with a
//! byte-order mark. Every command must end promptly with a clear error (or do the right thing),
//! create nothing where a link points, and never replace what it must not.
//!
//! Cases that need root (device nodes, another user's files) are in `special_files_root.rs`.
#![allow(clippy::unwrap_used)]

#[path = "support/pty.rs"]
mod pty;
#[path = "support/special.rs"]
mod special;

use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::sync::mpsc;

use sidenote::library::SAMPLES;

use special::{PATIENCE, Setup, is_fifo, is_link, mkfifo};

/// Reads the pipe at `path` on another thread: what a person's `cat pipe` would get.
fn read_pipe(path: &Path) -> mpsc::Receiver<String> {
    let (send, receive) = mpsc::channel();
    let path = path.to_owned();
    std::thread::spawn(move || {
        let _ = send.send(fs::read_to_string(path).unwrap_or_default());
    });
    receive
}

// Item: `export -o` onto what is not a plain file.

#[rstest::rstest]
#[case::the_pipe("pipe")]
#[case::a_link_to_it("link")]
fn export_writes_into_a_named_pipe_and_leaves_it_there(#[case] name: &str) {
    let setup = Setup::new();
    setup.tag().ok();
    let pipe = setup.path("pipe");
    mkfifo(&pipe);
    symlink(&pipe, setup.path("link")).unwrap();
    let received = read_pipe(&pipe);
    let out = setup.path(name);
    setup
        .run(&[
            "export",
            "a.txt",
            "--format",
            "jsonl",
            "-o",
            out.to_str().unwrap(),
        ])
        .ok();
    assert!(is_fifo(&pipe), "the pipe was replaced");
    assert!(is_link(&setup.path("link")));
    let received = received.recv_timeout(PATIENCE).unwrap();
    assert!(received.contains("\"claim\""), "{received}");
}

#[test]
fn export_refuses_a_link_to_nothing_and_creates_nothing() {
    let setup = Setup::new();
    let target = setup.path("elsewhere/out.json");
    fs::create_dir(setup.path("elsewhere")).unwrap();
    let link = setup.path("out.json");
    symlink(&target, &link).unwrap();
    setup
        .run(&["export", "a.txt", "-o", "out.json"])
        .refused("symbolic link to nothing");
    assert!(is_link(&link), "the link was replaced");
    assert!(!target.exists());
    assert_eq!(fs::read_dir(setup.path("elsewhere")).unwrap().count(), 0);
}

#[test]
fn export_to_a_folder_name_that_is_a_pipe_is_refused_before_any_work() {
    let setup = Setup::new();
    let pipe = setup.path("brat");
    mkfifo(&pipe);
    setup
        .run(&["export", "a.txt", "--format", "brat", "-o", "brat"])
        .refused("a named pipe, not a folder");
    assert!(is_fifo(&pipe));
}

// Item: `export -o` onto a sidecar or a lock file.

#[rstest::rstest]
#[case::another_articles_sidecar("b.txt.annotations.ron")]
#[case::this_articles_lock("a.txt.annotations.ron.lock")]
#[case::another_articles_lock("b.txt.annotations.ron.lock")]
fn export_never_writes_over_a_sidecar_or_a_lock_file(#[case] name: &str) {
    let setup = Setup::new();
    fs::write(setup.path("b.txt"), SAMPLES[2].1).unwrap();
    setup
        .run(&["tag", "b.txt", "--sentence", "1", "--tag", "quote"])
        .ok();
    let out = setup.path(name);
    let before = fs::read(&out).ok();
    setup
        .run(&["export", "a.txt", "-o", name])
        .refused("sidecar or its lock file");
    assert_eq!(fs::read(&out).ok(), before);
}

// Item: sidecars, lock files and config files of the wrong kind.

#[test]
fn a_named_pipe_as_sidecar_is_refused_by_every_command() {
    let setup = Setup::new();
    mkfifo(&setup.sidecar());
    let article = setup.article.to_str().unwrap();
    for args in [
        vec!["list", article],
        vec!["export", article],
        vec!["tag", article, "--sentence", "0", "--tag", "claim"],
    ] {
        setup.run(&args).refused("a named pipe, not a regular file");
    }
    assert!(is_fifo(&setup.sidecar()));
}

#[test]
fn a_named_pipe_as_sidecar_does_not_hang_the_library_screen() {
    let setup = Setup::new();
    mkfifo(&setup.sidecar());
    let (send, receive) = mpsc::channel();
    let article = setup.article.clone();
    std::thread::spawn(move || {
        let _ = send.send(sidenote::tui::loader::entry(&article));
    });
    let entry = receive.recv_timeout(PATIENCE).expect("the library hangs");
    let error = entry.error.unwrap();
    assert!(error.contains("a named pipe"), "{error}");
}

#[test]
fn a_sidecar_linked_to_an_endless_device_is_refused_at_once() {
    let setup = Setup::new();
    symlink("/dev/zero", setup.sidecar()).unwrap();
    setup
        .run_limited(&["list", "a.txt"], 1 << 30)
        .refused("a character device, not a regular file");
    assert!(is_link(&setup.sidecar()));
}

#[test]
fn a_sidecar_linked_to_the_terminal_never_reads_its_keys() {
    let setup = Setup::new();
    symlink("/dev/tty", setup.sidecar()).unwrap();
    let command = pty::sidenote(
        &["list".as_ref(), setup.article.as_os_str()],
        &setup.path("data"),
        &setup.path("config"),
    );
    let mut app = pty::Pty::spawn(command, 24, 200);
    // Reading the terminal would wait for the person's keys (and take them) until Ctrl-D.
    assert!(!app.wait_exit(), "a refusal is a failure");
    let screen = app.contents();
    assert!(
        screen.contains("a character device, not a regular file"),
        "{screen}"
    );
}

#[test]
fn a_sidecar_past_the_size_limit_is_refused_with_its_size() {
    let setup = Setup::new();
    let file = fs::File::create(setup.sidecar()).unwrap();
    // Sparse: no disk space is used.
    // The limit, `sidecar::MAX_BYTES`: 256 MiB.
    let size = (256 << 20) + 1;
    file.set_len(size).unwrap();
    setup
        .run_limited(&["list", "a.txt"], 1 << 30)
        .refused(&format!("is {size} bytes long, more than"));
}

#[test]
fn a_named_pipe_at_the_lock_path_fails_the_save_at_once() {
    let setup = Setup::new();
    mkfifo(&setup.lock());
    setup.tag().refused("a named pipe, not a regular file");
    assert!(!setup.sidecar().exists());
    assert!(is_fifo(&setup.lock()));
}

#[test]
fn a_link_at_the_lock_path_never_creates_its_target() {
    let setup = Setup::new();
    fs::create_dir(setup.path("outside")).unwrap();
    let target = setup.path("outside/created-by-sidenote");
    symlink(&target, setup.lock()).unwrap();
    setup.tag().refused("a symbolic link, not a regular file");
    assert!(!target.exists(), "the link's target was created");
    assert!(!setup.sidecar().exists());
}

#[rstest::rstest]
#[case::a_named_pipe("pipe")]
#[case::a_link_to_an_endless_device("zero")]
fn a_config_of_the_wrong_kind_never_stops_a_tag(#[case] kind: &str) {
    let setup = Setup::new();
    let config = setup.path("config/config.ron");
    match kind {
        "pipe" => mkfifo(&config),
        _ => symlink("/dev/zero", &config).unwrap(),
    }
    let run = setup.run_limited(
        &["tag", "a.txt", "--sentence", "0", "--tag", "claim"],
        1 << 30,
    );
    run.ok();
    assert!(run.stderr.contains("config.ron"), "{}", run.stderr);
    assert!(run.stderr.contains("not a regular file"), "{}", run.stderr);
    assert!(setup.sidecar().is_file());
}

// Item: a binary file decided from its first bytes.

#[test]
fn a_sparse_file_of_gigabytes_is_refused_without_being_read() {
    let setup = Setup::new();
    let huge = setup.path("huge.txt");
    fs::File::create(&huge).unwrap().set_len(4 << 30).unwrap();
    // With a quarter of the file's size in address space, reading it whole cannot succeed.
    setup
        .run_limited(&["segment", "huge.txt"], 1 << 30)
        .refused("binary");
    setup
        .run_limited(&["list", "huge.txt"], 1 << 30)
        .refused("binary");
}

// Item: names at the file system's limit.

#[test]
fn an_article_with_a_name_near_the_limit_is_saved() {
    let setup = Setup::new();
    for len in [229, 232, 234] {
        let name = format!("{}.txt", "n".repeat(len - 4));
        fs::write(setup.path(&name), SAMPLES[3].1).unwrap();
        setup
            .run(&["tag", &name, "--sentence", "0", "--tag", "claim"])
            .ok();
        let listed = setup.run(&["list", &name]);
        listed.ok();
        assert_eq!(listed.stdout.lines().count(), 1, "{len} bytes");
    }
    let temporary = fs::read_dir(setup.dir.path())
        .unwrap()
        .filter(|entry| {
            let name = entry.as_ref().unwrap().file_name();
            name.to_string_lossy().ends_with(".tmp")
        })
        .count();
    assert_eq!(temporary, 0);
}

// Item: a sidecar with a byte-order mark.

#[test]
fn a_sidecar_with_a_byte_order_mark_is_read_and_saved() {
    let setup = Setup::new();
    setup.tag().ok();
    let mut bytes = "\u{FEFF}".as_bytes().to_vec();
    bytes.extend(fs::read(setup.sidecar()).unwrap());
    fs::write(setup.sidecar(), bytes).unwrap();
    let listed = setup.run(&["list", "a.txt"]);
    listed.ok();
    assert_eq!(listed.stdout.lines().count(), 1);
    setup
        .run(&["tag", "a.txt", "--sentence", "1", "--tag", "quote"])
        .ok();
    assert_eq!(setup.run(&["list", "a.txt"]).stdout.lines().count(), 2);
}
