//! End to end: the real binary in a pseudo-terminal, driven by keys, checked by its sidecar.
#![allow(clippy::unwrap_used)]

#[path = "support/big_article.rs"]
mod big_article;
#[path = "support/tui.rs"]
mod support;

use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};
use sidenote::annotation::Tag;

const ROWS: u16 = 30;
const COLS: u16 = 120;
const WAIT: Duration = Duration::from_secs(20);

/// The child process, killed if the test fails before it quits.
struct Running {
    child: Box<dyn Child + Send + Sync>,
    output: Receiver<Vec<u8>>,
    parser: vt100::Parser,
    writer: Box<dyn Write + Send>,
}

impl Drop for Running {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
        }
    }
}

impl Running {
    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Reads output until the screen contains `text`, failing after a while.
    fn wait_for(&mut self, text: &str) {
        let deadline = Instant::now() + WAIT;
        loop {
            if self.parser.screen().contents().contains(text) {
                return;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(
                !left.is_zero(),
                "timed out waiting for {text:?}; the screen:\n{}",
                self.parser.screen().contents()
            );
            if let Ok(bytes) = self
                .output
                .recv_timeout(left.min(Duration::from_millis(200)))
            {
                self.parser.process(&bytes);
            }
        }
    }

    fn wait_exit(&mut self) -> bool {
        let deadline = Instant::now() + WAIT;
        while Instant::now() < deadline {
            while let Ok(bytes) = self.output.try_recv() {
                self.parser.process(&bytes);
            }
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.success();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "sidenote did not quit; the screen:\n{}",
            self.parser.screen().contents()
        );
    }
}

fn start(args: &[&std::path::Path], data: &std::path::Path, config: &std::path::Path) -> Running {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_sidenote"));
    for arg in args {
        command.arg(arg);
    }
    command.env("SIDENOTE_DATA_DIR", data);
    command.env("SIDENOTE_CONFIG_DIR", config);
    command.env("TERM", "xterm-256color");
    command.env("USER", "pty-tester");
    command.env_remove("NO_COLOR");
    let child = pty.slave.spawn_command(command).unwrap();
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().unwrap();
    let writer = pty.master.take_writer().unwrap();
    let (sender, output) = channel();
    std::thread::spawn(move || {
        let mut buffer = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buffer) {
            if n == 0 || sender.send(buffer[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    // The master must outlive the child's use of the terminal.
    std::mem::forget(pty.master);
    Running {
        child,
        output,
        parser: vt100::Parser::new(ROWS.try_into().unwrap(), COLS.try_into().unwrap(), 0),
        writer,
    }
}

#[test]
fn tag_note_undo_quit_and_the_sidecar_holds_the_result() {
    let library = support::sample_library();
    let data = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let article = library.path().join(support::ARTICLE);
    let mut app = start(&[&article], data.path(), config.path());

    app.wait_for("unit 0 of");
    app.send("jc");
    app.wait_for("C1 D0 Q0");
    app.send("jd");
    app.wait_for("C1 D1 Q0");
    app.send("a");
    app.wait_for("Note on unit 2");
    app.send("checked with NIS");
    app.wait_for("checked with NIS");
    app.send("\x1b");
    app.wait_for("note saved");
    app.send("j\"");
    app.wait_for("C1 D1 Q1");
    app.send("u");
    app.wait_for("undone");
    app.wait_for("saved");
    app.send("q");
    assert!(app.wait_exit(), "sidenote exits with success");

    let sidecar = sidenote::sidecar::load(&article)
        .unwrap()
        .expect("a sidecar was written");
    let found: Vec<(Vec<Tag>, &str, usize)> = sidecar
        .annotations
        .iter()
        .map(|a| (a.tags.clone(), a.note.as_str(), a.anchor.first_unit))
        .collect();
    assert_eq!(
        found,
        vec![
            (vec![Tag::Claim], "", 1),
            (vec![Tag::Denial], "checked with NIS", 2),
        ]
    );
    assert!(sidecar.annotations.iter().all(|a| a.author == "pty-tester"));
}

#[test]
fn a_speaker_typed_then_completed_with_tab_reaches_the_sidecar() {
    let library = support::sample_library();
    let data = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let article = library.path().join(support::ARTICLE);
    let mut app = start(&[&article], data.path(), config.path());

    app.wait_for("unit 0 of");
    app.send("jc");
    app.wait_for("C1 D0 Q0");
    app.send("S");
    app.wait_for("Tab: complete");
    app.send("NIS\r");
    app.wait_for("— NIS");
    app.send("jd");
    app.wait_for("C1 D1 Q0");
    app.send("Sn\t");
    app.wait_for("speaker: NIS");
    app.send("\r");
    app.wait_for("saved");
    app.send("q");
    assert!(app.wait_exit(), "sidenote exits with success");

    let sidecar = sidenote::sidecar::load(&article).unwrap().unwrap();
    let speakers: Vec<&str> = sidecar
        .annotations
        .iter()
        .map(|a| a.speaker.as_str())
        .collect();
    assert_eq!(speakers, ["NIS", "NIS"]);
    assert_eq!(sidecar.version, 2);
}

#[test]
fn without_a_terminal_it_says_so_instead_of_drawing() {
    let library = support::sample_library();
    let data = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_sidenote"))
        .arg(library.path().join(support::ARTICLE))
        .env("SIDENOTE_DATA_DIR", data.path())
        .env("SIDENOTE_CONFIG_DIR", config.path())
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(output.stdout.is_empty(), "nothing drawn on a pipe");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("needs a terminal"), "{stderr}");
}

#[test]
fn sidenote_alone_installs_the_samples_and_opens_the_library() {
    let data = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    std::fs::write(config.path().join("config.ron"), "(mouse: maybe)").unwrap();
    let mut app = start(&[], data.path(), config.path());
    app.wait_for("Articles (5)");
    app.wait_for("config.ron:1:");
    assert!(data.path().join("library").join(support::ARTICLE).exists());
    app.send("\r");
    app.wait_for("unit 0 of");
    // Ctrl-z: the process leaves and re-enters the screen (a test's process group is orphaned,
    // so the stop itself is skipped by the kernel) and keys still work.
    app.send("\x1a");
    std::thread::sleep(Duration::from_millis(300));
    app.send("j");
    app.wait_for("unit 1 of");
    app.wait_for("Articles (5)");
    app.send("q");
    assert!(app.wait_exit());
}

#[test]
fn a_big_article_shows_its_head_then_takes_tags_once_whole() {
    let library = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let size = sidenote::library::Staging::DEFAULT.from_size as usize + 1;
    let big = big_article::write_big(library.path(), "big.txt", size);
    let mut app = start(&[&big], data.path(), config.path());
    app.wait_for("unit 0 of");
    // "saved" replaces "loading … MB…" once the whole file is read.
    app.wait_for("│ saved");
    app.send("jc");
    app.wait_for("C1 D0 Q0");
    app.wait_for("│ saved");
    app.send("q");
    assert!(app.wait_exit(), "sidenote exits with success");
    let sidecar = sidenote::sidecar::load(&big)
        .unwrap()
        .expect("a sidecar was written");
    let found: Vec<(Vec<Tag>, usize)> = sidecar
        .annotations
        .iter()
        .map(|a| (a.tags.clone(), a.anchor.first_unit))
        .collect();
    assert_eq!(found, vec![(vec![Tag::Claim], 1)]);
}
