//! Exports stream: each article's output reaches its destination before the next article is
//! read, whatever the format, and the streamed bytes are those of `export::render`. Checked on
//! the writer with a sink that records when bytes arrive, on the command line with a stderr pipe
//! that is full before the command starts (it stops in its first message, about a broken article
//! between two good ones, so whatever it wrote before came out first), and on the reading
//! screen's exporter.
#![allow(clippy::unwrap_used)]

#[allow(dead_code)]
#[path = "export_support/fixture.rs"]
mod fixture;

use std::fs;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use pretty_assertions::assert_eq;
use rstest::rstest;
use sidenote::export::{self, Format, Item, Offsets, Options, Output, Sink, Writer};

/// A sink that keeps everything it is given, in order.
#[derive(Default)]
struct Recorder {
    text: Vec<u8>,
    files: Vec<(String, Vec<u8>)>,
}

impl Recorder {
    /// How much it holds: bytes of text, files.
    fn size(&self) -> (usize, usize) {
        (self.text.len(), self.files.len())
    }
}

impl Sink for Recorder {
    fn text(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.text.extend_from_slice(bytes);
        Ok(())
    }

    fn file(&mut self, path: &str, contents: &[u8]) -> io::Result<()> {
        self.files.push((path.to_owned(), contents.to_vec()));
        Ok(())
    }
}

/// The tagged sample library loaded with its real paths, as the command line names them.
fn loaded(library: &fixture::Library) -> Vec<fixture::Loaded> {
    let mut loaded = fixture::load(library);
    for (item, path) in loaded.iter_mut().zip(library.articles()) {
        item.file = path.display().to_string();
    }
    loaded
}

fn options(format: Format, offsets: Offsets, bom: bool) -> Options {
    Options {
        offsets,
        bom: bom && format == Format::Csv,
    }
}

#[rstest]
fn each_article_reaches_the_sink_before_the_next_and_the_bytes_are_renders(
    #[values(
        Format::Json,
        Format::Jsonl,
        Format::Csv,
        Format::Markdown,
        Format::W3c,
        Format::Brat
    )]
    format: Format,
    #[values(Offsets::CodePoints, Offsets::Utf16)] offsets: Offsets,
) {
    if format == Format::Brat && offsets == Offsets::Utf16 {
        return;
    }
    let library = fixture::tagged_library();
    let loaded = loaded(&library);
    let items: Vec<Item> = fixture::items(&loaded);
    let options = options(format, offsets, true);
    let mut writer = Writer::new(format, options, Recorder::default());
    if writer.needs_outline() {
        for item in &items {
            writer.outline(item);
        }
    }
    writer.begin().unwrap();
    let mut before = writer.sink_mut().size();
    for item in &items {
        writer.article(item).unwrap();
        let after = writer.sink_mut().size();
        let written = &writer.sink_mut().text[before.0..];
        if !item.annotations.is_empty() || matches!(format, Format::Json | Format::Brat) {
            assert!(after > before, "{format:?}: {} wrote nothing", item.file);
        }
        if matches!(
            format,
            Format::Json | Format::Jsonl | Format::Csv | Format::W3c
        ) {
            let written = String::from_utf8_lossy(written);
            for annotation in item.annotations.annotations() {
                assert!(
                    written.contains(&annotation.id),
                    "{format:?}: {}",
                    item.file
                );
            }
        }
        before = after;
    }
    let recorded = writer.finish().unwrap();
    match export::render(&items, format, &options).unwrap() {
        Output::Text(text) => assert_eq!(String::from_utf8(recorded.text).unwrap(), text),
        Output::Files(files) => {
            let files: Vec<(String, Vec<u8>)> = files
                .into_iter()
                .map(|file| (file.path, file.contents.into_bytes()))
                .collect();
            assert_eq!(recorded.files, files);
        }
    }
}

/// A sink that fails once it has taken `left` more bytes, like a full disk.
struct Full {
    left: usize,
}

impl Sink for Full {
    fn text(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.left = self
            .left
            .checked_sub(bytes.len())
            .ok_or_else(|| io::Error::new(io::ErrorKind::StorageFull, "no space left"))?;
        Ok(())
    }

    fn file(&mut self, _path: &str, contents: &[u8]) -> io::Result<()> {
        self.text(contents)
    }
}

#[test]
fn a_sink_that_fails_stops_the_export_with_its_error() {
    let library = fixture::tagged_library();
    let loaded = loaded(&library);
    let items = fixture::items(&loaded);
    for format in Format::ALL {
        let mut writer = Writer::new(format, Options::default(), Full { left: 2000 });
        let failed = items.iter().find_map(|item| writer.article(item).err());
        let error = failed.unwrap_or_else(|| panic!("{format:?} never failed"));
        assert!(
            matches!(&error, export::ExportError::Io(e) if e.kind() == io::ErrorKind::StorageFull),
            "{format:?}: {error}"
        );
    }
}

#[test]
fn a_second_pass_that_differs_from_the_first_is_an_error() {
    let library = fixture::tagged_library();
    let loaded = loaded(&library);
    let items = fixture::items(&loaded);
    for format in [Format::Markdown, Format::W3c] {
        let mut writer = Writer::new(format, Options::default(), Recorder::default());
        for item in &items {
            writer.outline(item);
        }
        // One annotated article is gone by the time the articles are written.
        for item in items
            .iter()
            .filter(|item| !item.file.ends_with("zweiter-bericht.txt"))
        {
            writer.article(item).unwrap();
        }
        assert!(matches!(writer.finish(), Err(export::ExportError::Changed)));
    }
}

#[test]
fn a_w3c_outline_needs_only_the_annotated_articles() {
    let library = fixture::tagged_library();
    let loaded = loaded(&library);
    let items = fixture::items(&loaded);
    assert!(!Format::W3c.outline_counts_every_article());
    let mut writer = Writer::new(Format::W3c, Options::default(), Recorder::default());
    for item in items.iter().filter(|item| !item.annotations.is_empty()) {
        writer.outline(item);
    }
    for item in &items {
        writer.article(item).unwrap();
    }
    let recorded = writer.finish().unwrap();
    let rendered = export::render(&items, Format::W3c, &Options::default()).unwrap();
    assert_eq!(
        Output::Text(String::from_utf8(recorded.text).unwrap()),
        rendered
    );
}

fn sidenote(home: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_sidenote"));
    command
        .env("SIDENOTE_DATA_DIR", home.join("data"))
        .env("SIDENOTE_CONFIG_DIR", home.join("config"))
        .arg("export");
    command
}

#[rstest]
#[case(Format::Json, &["-f", "json"])]
#[case(Format::Json, &["-f", "json", "--offsets", "utf16"])]
#[case(Format::Jsonl, &["-f", "jsonl"])]
#[case(Format::Csv, &["-f", "csv", "--bom"])]
#[case(Format::Markdown, &["-f", "markdown"])]
#[case(Format::W3c, &["-f", "w3c"])]
fn the_command_writes_what_render_gives(#[case] format: Format, #[case] args: &[&str]) {
    let library = fixture::tagged_library();
    let loaded = loaded(&library);
    let items = fixture::items(&loaded);
    let utf16 = args.contains(&"utf16");
    let offsets = if utf16 {
        Offsets::Utf16
    } else {
        Offsets::CodePoints
    };
    let Output::Text(expected) =
        export::render(&items, format, &options(format, offsets, true)).unwrap()
    else {
        panic!("a text format");
    };
    let out = library.dir.path().join("out");
    let status = sidenote(library.dir.path())
        .args(args)
        .arg(&library.root)
        .arg("-o")
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success());
    assert_eq!(fs::read_to_string(&out).unwrap(), expected);
    let stdout = sidenote(library.dir.path())
        .args(args)
        .arg(&library.root)
        .output()
        .unwrap();
    assert!(stdout.status.success());
    assert_eq!(String::from_utf8(stdout.stdout).unwrap(), expected);
}

/// A pipe for the command's stderr that is full before it starts: the command stops in its
/// first message (a broken article is named as it is met) until [`Stderr::drain`]. Sidecars and
/// articles cannot be used to hold the command up: a named pipe there is refused at once.
struct Stderr {
    read: Option<OwnedFd>,
    write: Option<OwnedFd>,
}

impl Stderr {
    fn full() -> Stderr {
        let mut fds = [0; 2];
        // SAFETY: `fds` has room for the two descriptors pipe writes.
        assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
        // SAFETY: both were just opened by pipe and are owned by nothing else.
        let (read, write) = unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) };
        let nonblocking = |on: bool| {
            // SAFETY: fcntl reads and sets the flags of a descriptor `write` keeps open.
            unsafe {
                let flags = libc::fcntl(write.as_raw_fd(), libc::F_GETFL);
                let flags = if on {
                    flags | libc::O_NONBLOCK
                } else {
                    flags & !libc::O_NONBLOCK
                };
                assert_eq!(libc::fcntl(write.as_raw_fd(), libc::F_SETFL, flags), 0);
            }
        };
        nonblocking(true);
        let mut filler = fs::File::from(write.try_clone().unwrap());
        while filler.write(&[b'.'; 4096]).is_ok() {}
        // The command must wait on the full pipe, not be told to try again.
        nonblocking(false);
        Stderr {
            read: Some(read),
            write: Some(write),
        }
    }

    /// The end the command writes to.
    fn for_command(&mut self) -> Stdio {
        Stdio::from(self.write.take().unwrap())
    }

    /// Waits until `child` is stopped writing to the full pipe.
    fn wait_until_stuck(&self, child: &Child) {
        let syscall = format!("/proc/{}/syscall", child.id());
        let writing = format!("{} 0x2 ", libc::SYS_write);
        for _ in 0..3000 {
            if fs::read_to_string(&syscall).is_ok_and(|now| now.starts_with(&writing)) {
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        panic!("the command never wrote to stderr");
    }

    /// Empties the pipe as the command writes, on another thread; returns what it wrote.
    fn drain(&mut self) -> mpsc::Receiver<String> {
        let mut read = fs::File::from(self.read.take().unwrap());
        let (send, receive) = mpsc::channel();
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = read.read_to_end(&mut bytes);
            let text = String::from_utf8_lossy(&bytes);
            let _ = send.send(text.trim_start_matches('.').to_owned());
        });
        receive
    }
}

#[test]
fn the_first_article_is_on_stdout_before_the_next_is_read() {
    let library = fixture::tagged_library();
    let root = &library.root;
    // Between the two in path order: the command names it on stderr, and waits there.
    let broken = root.join("kz-empty.txt");
    fs::write(&broken, "").unwrap();
    let mut stderr = Stderr::full();
    let mut child = sidenote(library.dir.path())
        .args(["-f", "jsonl"])
        .arg(root.join("kremlin-silent-on-captured-soldiers.txt"))
        .arg(&broken)
        .arg(root.join("zweiter-bericht.txt"))
        .stdout(Stdio::piped())
        .stderr(stderr.for_command())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (lines, received) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let _ = lines.send(line.unwrap());
        }
    });
    stderr.wait_until_stuck(&child);
    let first = received
        .recv_timeout(Duration::from_secs(20))
        .expect("no output before the next article was read");
    assert!(
        first.contains("kremlin-silent-on-captured-soldiers.txt"),
        "{first}"
    );
    let messages = stderr.drain();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(1), "the empty article is a problem");
    let messages = messages.recv_timeout(Duration::from_secs(20)).unwrap();
    assert!(messages.contains("kz-empty.txt"), "{messages}");
    let rest: Vec<String> = received.iter().collect();
    assert!(rest.last().unwrap().contains("zweiter-bericht.txt"));
}

#[rstest]
#[case("markdown")]
#[case("w3c")]
fn an_article_changed_between_the_two_passes_leaves_no_output_file(#[case] format: &str) {
    let library = fixture::tagged_library();
    // Last in path order, with a sidecar so that W3C's first pass reads it too: the first pass
    // names it on stderr, and waits there.
    let broken = library.root.join("zz-broken.txt");
    fs::write(&broken, "A broken sidecar.\n").unwrap();
    fs::write(sidenote::sidecar::path_for(&broken), "(version: oops").unwrap();
    let out = library.dir.path().join("out");
    fs::write(&out, "the previous export").unwrap();
    let mut stderr = Stderr::full();
    let mut child = sidenote(library.dir.path())
        .args(["-f", format])
        .arg(&library.root)
        .arg("-o")
        .arg(&out)
        .stderr(stderr.for_command())
        .spawn()
        .unwrap();
    // The first pass has read every article. Meanwhile the first article loses its annotations.
    stderr.wait_until_stuck(&child);
    let first = library.root.join("kremlin-silent-on-captured-soldiers.txt");
    fs::remove_file(sidenote::sidecar::path_for(&first)).unwrap();
    let messages = stderr.drain();
    assert!(!child.wait().unwrap().success());
    let stderr = messages.recv_timeout(Duration::from_secs(20)).unwrap();
    assert!(
        stderr.contains("changed while it was being exported"),
        "{stderr}"
    );
    assert_eq!(fs::read_to_string(&out).unwrap(), "the previous export");
    let mut left: Vec<String> = fs::read_dir(library.dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, ["library", "out"]);
}

#[rstest]
fn the_reading_screen_writes_what_render_gives(
    #[values(
        Format::Json,
        Format::Jsonl,
        Format::Csv,
        Format::Markdown,
        Format::W3c,
        Format::Brat
    )]
    format: Format,
) {
    let library = fixture::tagged_library();
    let loaded = loaded(&library);
    let items = fixture::items(&loaded);
    let exports = library.dir.path().join("exports");
    // In list order, which need not be path order.
    let mut articles = library.articles();
    articles.reverse();
    let written = sidenote::tui::exporter::write(&exports, "all", &articles, None, format).unwrap();
    match export::render(&items, format, &Options::default()).unwrap() {
        Output::Text(text) => assert_eq!(fs::read_to_string(&written).unwrap(), text),
        Output::Files(files) => {
            for file in &files {
                let contents = fs::read_to_string(written.join(&file.path)).unwrap();
                assert_eq!(contents, file.contents, "{}", file.path);
            }
            assert_eq!(fs::read_dir(&written).unwrap().count(), files.len());
        }
    }
    assert_eq!(fs::read_dir(&exports).unwrap().count(), 1);
}

#[test]
fn exports_started_together_from_the_reading_screen_take_different_names() {
    let library = fixture::tagged_library();
    let loaded = loaded(&library);
    let items = fixture::items(&loaded);
    let exports = library.dir.path().join("exports");
    let articles = library.articles();
    let written: Vec<PathBuf> = std::thread::scope(|scope| {
        let runs: Vec<_> = (0..3)
            .map(|_| {
                scope.spawn(|| {
                    sidenote::tui::exporter::write(
                        &exports,
                        "library",
                        &articles,
                        None,
                        Format::Csv,
                    )
                    .unwrap()
                })
            })
            .collect();
        runs.into_iter().map(|run| run.join().unwrap()).collect()
    });
    let mut names: Vec<String> = written
        .iter()
        .map(|path| path.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "library.annotations-1.csv",
            "library.annotations-2.csv",
            "library.annotations.csv"
        ]
    );
    let Output::Text(expected) = export::render(&items, Format::Csv, &Options::default()).unwrap()
    else {
        panic!("csv is a text format");
    };
    for path in &written {
        assert_eq!(fs::read_to_string(path).unwrap(), expected);
    }
    assert_eq!(fs::read_dir(&exports).unwrap().count(), 3);
}

#[test]
fn w3c_articles_come_in_the_order_of_their_absolute_paths() {
    // Given from inside the library, `zweiter-bericht.txt` sorts after `/tmp/.../other/...`,
    // but its absolute path sorts before: the collection follows the absolute paths, as
    // render does.
    let library = fixture::tagged_library();
    let other = library.dir.path().join("other");
    fs::create_dir(&other).unwrap();
    let kremlin = "kremlin-silent-on-captured-soldiers.txt";
    for name in [kremlin.to_owned(), format!("{kremlin}.annotations.ron")] {
        fs::copy(library.root.join(&name), other.join(&name)).unwrap();
    }
    let output = sidenote(library.dir.path())
        .current_dir(&library.root)
        .args(["-f", "w3c", "zweiter-bericht.txt"])
        .arg(other.join(kremlin))
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let paths = [
        library.root.join("zweiter-bericht.txt"),
        other.join(kremlin),
    ];
    let loaded: Vec<fixture::Loaded> = paths
        .iter()
        .map(|path| {
            let article = sidenote::library::read_article(path).unwrap();
            let annotations = sidenote::sidecar::load(path).unwrap().unwrap().annotations;
            fixture::Loaded {
                file: path.display().to_string(),
                annotations: sidenote::annotation::AnnotationSet::new(&article, annotations),
                article,
            }
        })
        .collect();
    let items = fixture::items(&loaded);
    let rendered = export::render(&items, Format::W3c, &Options::default()).unwrap();
    assert_eq!(
        Output::Text(String::from_utf8(output.stdout).unwrap()),
        rendered
    );
}
