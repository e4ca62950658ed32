//! Hostile and broken input, generated here in temp dirs: binary files, NUL bytes, invalid UTF-8,
//! Windows-1252, UTF-16 with and without a BOM, empty and whitespace-only files, huge lines and
//! huge line counts, runaway quotes and brackets, every control character and ANSI escape
//! sequence in articles and in notes, broken sidecars of every kind, and a library folder with a
//! symlink loop, unreadable files and names that are not UTF-8.
//!
//! Every case runs the real binary (`segment`, `list`, `tag`, `untag`, `export`) and checks that
//! it never panics (exit code 0 or 1, no "panicked" on stderr), that a failure names the file (and
//! the line and column in a sidecar), that output meant for a terminal holds no control codes, and
//! that nothing on disk changed but what the command was meant to change: every file under the
//! temp dir is hashed before and after.
//!
//! The huge-line case uses a 10 MB line by default, since the debug build takes about 35 s over
//! the five commands for 50 MB; `SIDENOTE_HEAVY_TESTS=1 cargo test --test hostile_input` runs it
//! with the full 50 MB line.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::ffi::{OsStr, OsString};
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rstest::rstest;
use serde_json::Value;

/// Builds the argument list of one run from strings and paths alike.
macro_rules! args {
    ($($arg:expr),* $(,)?) => { vec![$(OsString::from($arg)),*] };
}

/// Escape sequences that could drive a terminal, for a note.
const HOSTILE_NOTE: &str = "check \u{1b}]0;pwned\u{7} title, \u{1b}]52;c;ZXZpbA==\u{7} clipboard, \
\u{1b}]8;;https://evil.example\u{1b}\\link\u{1b}]8;;\u{1b}\\, \u{1b}[2J\u{1b}[H clear, \u{9b}31m C1, \
\u{9d}0;c1 title\u{9c} \u{7}\u{8}\u{7f}\r over\nsecond line";

/// One temp dir holding the articles, the data and config dirs, and nothing else.
struct Sandbox {
    dir: tempfile::TempDir,
}

/// What one run of the binary did.
#[derive(Debug)]
struct Run {
    code: i32,
    stdout: Vec<u8>,
    stderr: String,
}

impl Run {
    fn stdout_text(&self) -> String {
        String::from_utf8(self.stdout.clone()).unwrap()
    }

    fn json_lines(&self) -> Vec<Value> {
        self.stdout_text()
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect()
    }
}

impl Sandbox {
    fn new() -> Sandbox {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("articles")).unwrap();
        Sandbox { dir }
    }

    fn articles(&self) -> PathBuf {
        self.dir.path().join("articles")
    }

    /// Writes `bytes` to the article folder under `name` (any bytes, UTF-8 or not).
    fn write(&self, name: impl AsRef<OsStr>, bytes: &[u8]) -> PathBuf {
        let path = self.articles().join(name.as_ref());
        fs::write(&path, bytes).unwrap();
        path
    }

    /// Runs the binary with a scrubbed environment and the sandbox's data and config dirs.
    fn run(&self, args: Vec<OsString>) -> Run {
        let output = assert_cmd::Command::new(env!("CARGO_BIN_EXE_sidenote"))
            .env_clear()
            .env("SIDENOTE_DATA_DIR", self.dir.path().join("data"))
            .env("SIDENOTE_CONFIG_DIR", self.dir.path().join("config"))
            .env("USER", "tester")
            .args(&args)
            .timeout(Duration::from_secs(300))
            .output()
            .unwrap();
        let run = Run {
            code: output.status.code().unwrap_or(-1),
            stdout: output.stdout,
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        };
        assert!(
            matches!(run.code, 0 | 1),
            "{args:?} exited with {} (101 is a panic): {}",
            run.code,
            run.stderr
        );
        assert!(
            !run.stderr.contains("panicked"),
            "{args:?} panicked: {}",
            run.stderr
        );
        assert_terminal_safe(run.stderr.as_bytes(), &format!("stderr of {args:?}"));
        run
    }

    /// Every entry under the sandbox, never following links, with what it holds.
    fn snapshot(&self) -> BTreeMap<PathBuf, String> {
        let mut out = BTreeMap::new();
        snapshot_into(self.dir.path(), &mut out);
        out
    }
}

fn snapshot_into(dir: &Path, out: &mut BTreeMap<PathBuf, String>) {
    let Ok(entries) = fs::read_dir(dir) else {
        out.insert(dir.to_owned(), "unreadable folder".into());
        return;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        let meta = fs::symlink_metadata(&path).unwrap();
        let mode = meta.permissions().mode();
        let description = if meta.is_symlink() {
            format!("link to {:?}", fs::read_link(&path).unwrap())
        } else if meta.is_dir() {
            snapshot_into(&path, out);
            format!("folder {mode:o}")
        } else if !meta.is_file() {
            // A pipe: reading it would block.
            format!("special {mode:o}")
        } else {
            match fs::read(&path) {
                Ok(bytes) => format!(
                    "file {mode:o} {} bytes {:032x}",
                    bytes.len(),
                    xxhash_rust::xxh3::xxh3_128(&bytes)
                ),
                Err(error) => format!("file {mode:o} {} bytes, {error}", meta.len()),
            }
        };
        out.insert(path, description);
    }
}

/// Asserts that `bytes` holds no control character but the line feed: no ESC, no C0, no DEL, no
/// C1 (U+0080 to U+009F, which many terminals obey as controls when sent as UTF-8).
fn assert_terminal_safe(bytes: &[u8], what: &str) {
    let text = String::from_utf8_lossy(bytes);
    let chars: Vec<char> = text.chars().collect();
    // Line feeds and tabs are sidenote's own (`segment --format text` puts a tab after each
    // unit's number); no other control character may reach the terminal.
    if let Some(at) = chars
        .iter()
        .position(|&c| c != '\n' && c != '\t' && c.is_control())
    {
        let around: String = chars[at.saturating_sub(40)..(at + 40).min(chars.len())]
            .iter()
            .collect();
        panic!(
            "{what}: control character {:?} at char {at}: {around:?}",
            chars[at]
        );
    }
}

/// Asserts that nothing changed on disk, except the paths in `allowed`.
fn assert_unchanged_except(
    before: &BTreeMap<PathBuf, String>,
    after: &BTreeMap<PathBuf, String>,
    allowed: &[PathBuf],
    what: &str,
) {
    let keep = |map: &BTreeMap<PathBuf, String>| -> BTreeMap<PathBuf, String> {
        map.iter()
            .filter(|(path, _)| !allowed.contains(path))
            .map(|(p, d)| (p.clone(), d.clone()))
            .collect()
    };
    pretty_assertions::assert_eq!(keep(before), keep(after), "{}", what);
}

/// The sidecar of `article` and its lock file: what `tag` and `untag` may write.
fn sidecar_files(article: &Path) -> Vec<PathBuf> {
    let sidecar = sidenote::sidecar::path_for(article);
    vec![sidenote::sidecar::lock_path_for(&sidecar), sidecar]
}

/// What `tag` may write, given the tree `after` it: the sidecar files, and the text it tagged,
/// kept in the data directory for the sentences `changes` reports added and removed later.
fn written_by_tag(
    sandbox: &Sandbox,
    article: &Path,
    after: &BTreeMap<PathBuf, String>,
) -> Vec<PathBuf> {
    let data = sandbox.dir.path().join("data");
    let mut allowed = sidecar_files(article);
    allowed.extend(after.keys().filter(|path| path.starts_with(&data)).cloned());
    allowed
}

/// Every C0 control but NUL (which makes a binary file), DEL, and every C1 control.
fn every_control() -> String {
    (1u32..0x20)
        .chain(0x7f..0xa0)
        .filter_map(char::from_u32)
        .collect()
}

/// Article text laced with every control character and the escape sequences that matter.
fn controls_article() -> String {
    format!(
        "Title \u{1b}]0;pwned\u{7}here\n\n\
         The minister \u{1b}[2J\u{1b}[H said the deal was signed. \
         Copy \u{1b}]52;c;ZXZpbA==\u{7}this and \u{1b}]8;;https://evil.example\u{1b}\\click\u{1b}]8;;\u{1b}\\ now.\n\n\
         Cursor \u{1b}[10;10H\u{1b}[1A\u{1b}7moves\u{1b}8 and \u{1b}P1$r0m\u{1b}\\ device strings \u{9b}31m red \u{9d}0;c1\u{9c} too.\n\n\
         Every control {} stays out of the terminal.\n",
        every_control()
    )
}

/// How an article case should end.
#[derive(Debug, Clone, Copy)]
enum Expect {
    /// Loads; stderr warns with this text when given (the encoding).
    Loads(Option<&'static str>),
    /// Refused with this text on stderr.
    Refused(&'static str),
}

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    let units = bom.then_some(0xfeff).into_iter().chain(text.encode_utf16());
    for unit in units {
        out.extend(if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    out
}

const PLAIN: &str =
    "Spy agency briefs lawmakers\n\nThe NIS said 300 soldiers died. Rep. Lee agreed.\n";

fn binary() -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    bytes.extend((0..4096u32).map(|n| (n.wrapping_mul(2_654_435_761) >> 13) as u8));
    bytes
}

fn nested_quotes() -> Vec<u8> {
    let mut text = String::from("Quotes\n\n");
    text += &"“He said ‘she said «they said \"(".repeat(2000);
    text += "deep.";
    text += &")\"» ’ ”".repeat(1000);
    text += " Unbalanced (((( [[[ {{{ “ « ‘ \" 'open. Closed )))) ]]] }}} ” » ’ \" ' only.\n\n";
    text += &"((((((((((".repeat(500);
    text += "\n\n";
    text += &"\"".repeat(10_000);
    text += "\n";
    text.into_bytes()
}

#[rstest]
#[case::binary("binary.txt", binary(), Expect::Refused("binary file"))]
#[case::nul_byte(
    "nul.txt",
    b"The NIS said\0 300 died.\n".to_vec(),
    Expect::Refused("NUL byte at byte 12")
)]
#[case::invalid_utf8(
    "invalid.txt",
    b"Bad bytes \xc3\x28 and \xff here. Then caf\xe9.\n".to_vec(),
    Expect::Loads(Some("Windows-1252"))
)]
#[case::windows_1252(
    "cp1252.txt",
    b"Caf\xe9 owner said \x93no\x94 \x96 twice.\n\nC1 bytes \x81\x8d\x8f\x90\x9d0;pwned\x07 here.\n".to_vec(),
    Expect::Loads(Some("Windows-1252"))
)]
#[case::utf16le_bom("le-bom.txt", utf16(PLAIN, false, true), Expect::Loads(Some("UTF-16")))]
#[case::utf16be_bom("be-bom.txt", utf16(PLAIN, true, true), Expect::Loads(Some("UTF-16")))]
#[case::utf16le_no_bom("le.txt", utf16(PLAIN, false, false), Expect::Loads(Some("UTF-16")))]
#[case::utf16be_no_bom("be.txt", utf16(PLAIN, true, false), Expect::Loads(Some("UTF-16")))]
#[case::utf16_odd_length("odd.txt", { let mut b = utf16(PLAIN, false, true); b.push(b'x'); b }, Expect::Loads(Some("UTF-16")))]
#[case::empty("empty.txt", Vec::new(), Expect::Refused("empty"))]
#[case::whitespace_only("blank.txt", b" \n\t\r\n   \n\x0b\x0c\n".to_vec(), Expect::Refused("empty"))]
#[case::bom_only("bom.txt", b"\xef\xbb\xbf".to_vec(), Expect::Refused("empty"))]
#[case::nested_quotes("quotes.txt", nested_quotes(), Expect::Loads(None))]
#[case::controls_txt("controls.txt", controls_article().into_bytes(), Expect::Loads(None))]
#[case::controls_md("controls.md", format!("# Markdown **bold** \u{1b}[5m\n\n{}", controls_article()).into_bytes(), Expect::Loads(None))]
#[case::lone_cr("cr.txt", b"Old Mac line ends.\rThey never end.\rReally.\r".to_vec(), Expect::Loads(None))]
fn a_hostile_article_is_read_or_refused_cleanly(
    #[case] name: &str,
    #[case] bytes: Vec<u8>,
    #[case] expect: Expect,
) {
    let sandbox = Sandbox::new();
    let article = sandbox.write(name, &bytes);
    let before = sandbox.snapshot();
    let segment = sandbox.run(args!("segment", &article));
    let text = sandbox.run(args!("segment", &article, "--format", "text"));
    let list = sandbox.run(args!("list", &article));
    let export = sandbox.run(args!("export", &article, "--format", "jsonl"));
    assert_unchanged_except(&before, &sandbox.snapshot(), &[], "read-only commands");

    match expect {
        Expect::Refused(message) => {
            for run in [&segment, &text, &list, &export] {
                assert_eq!(run.code, 1, "{run:?}");
                assert!(run.stderr.contains(name), "{run:?}");
                assert!(run.stderr.contains(message), "{run:?}");
            }
            assert!(segment.stdout.is_empty() && text.stdout.is_empty());
            let tag = sandbox.run(args!("tag", &article, "--sentence", "0", "--tag", "claim"));
            assert_eq!(tag.code, 1, "{tag:?}");
            assert!(tag.stderr.contains(name) && tag.stderr.contains(message));
            assert_unchanged_except(&before, &sandbox.snapshot(), &[], "a refused tag");
        }
        Expect::Loads(warning) => {
            for run in [&segment, &text, &list, &export] {
                assert_eq!(run.code, 0, "{run:?}");
            }
            match warning {
                Some(warning) => {
                    assert!(segment.stderr.contains(name), "{segment:?}");
                    assert!(segment.stderr.contains(warning), "{segment:?}");
                }
                None => assert_eq!(segment.stderr, ""),
            }
            let rows = segment.json_lines();
            assert!(!rows.is_empty());
            assert_terminal_safe(&segment.stdout, "segment");
            assert_terminal_safe(&text.stdout, "segment --format text");
            assert_eq!(text.stdout_text().lines().count(), rows.len());
            for (row, line) in rows.iter().zip(text.stdout_text().lines()) {
                // Each text line is the unit's number, a tab, and its text.
                let (number, shown) = line.split_once('\t').unwrap();
                assert_eq!(row["index"].to_string(), number.trim_start());
                assert_eq!(row["text"], shown);
            }
            // OSC strings are dropped whole: their payload never shows.
            assert!(!text.stdout_text().contains("pwned"));
            assert!(!text.stdout_text().contains("evil.example"));
            assert!(!text.stdout_text().contains("ZXZpbA"));
            tag_with_a_hostile_note(&sandbox, &article, &before);
        }
    }
}

/// Tags unit 0 with a note full of escape sequences and checks that only the sidecar changed,
/// that `list` shows the note without control codes, and that exports keep it exactly.
fn tag_with_a_hostile_note(sandbox: &Sandbox, article: &Path, before: &BTreeMap<PathBuf, String>) {
    // Every control character but NUL, which no command-line argument can hold.
    let note = format!("{HOSTILE_NOTE} {}", every_control());
    let tag = sandbox.run(args!(
        "tag",
        article,
        "--sentence",
        "0",
        "--tag",
        "claim",
        "--note",
        &note
    ));
    assert_eq!(tag.code, 0, "{tag:?}");
    let after = sandbox.snapshot();
    let allowed = written_by_tag(sandbox, article, &after);
    assert_unchanged_except(before, &after, &allowed, "tag");
    assert!(after.contains_key(&allowed[1]), "no sidecar was written");

    let list = sandbox.run(args!("list", article));
    assert_eq!(list.code, 0, "{list:?}");
    assert_terminal_safe(&list.stdout, "list");
    let rows = list.json_lines();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["note"], note.as_str());
    assert_eq!(rows[0]["status"], "anchored");

    let export = sandbox.run(args!("export", article, "--format", "json"));
    assert_eq!(export.code, 0, "{export:?}");
    let json: Value = serde_json::from_slice(&export.stdout).unwrap();
    assert_eq!(json["articles"][0]["annotations"][0]["note"], note.as_str());
    for format in ["csv", "markdown", "w3c", "jsonl"] {
        let run = sandbox.run(args!("export", article, "--format", format));
        assert_eq!(run.code, 0, "{format}: {run:?}");
        assert!(!run.stdout.is_empty());
    }
    let untag = sandbox.run(args!("untag", article, "--sentence", "0"));
    assert_eq!(untag.code, 0, "{untag:?}");
    assert_eq!(sandbox.run(args!("list", article)).stdout, b"");
    assert_unchanged_except(&after, &sandbox.snapshot(), &allowed, "untag");
}

/// Whether the heavy variants of the big-input tests should run.
fn heavy() -> bool {
    std::env::var_os("SIDENOTE_HEAVY_TESTS").is_some_and(|v| v == "1")
}

/// Runs the read-only commands and a tag over a big article, checking the no-change rule.
fn a_big_article_works(name: &str, bytes: &[u8], units: usize) {
    let sandbox = Sandbox::new();
    let article = sandbox.write(name, bytes);
    let before = sandbox.snapshot();
    let segment = sandbox.run(args!("segment", &article));
    assert_eq!(segment.code, 0, "{}", segment.stderr);
    assert_eq!(
        segment.stdout.iter().filter(|&&b| b == b'\n').count(),
        units
    );
    let text = sandbox.run(args!("segment", &article, "--format", "text"));
    assert_eq!(text.code, 0, "{}", text.stderr);
    assert_terminal_safe(&text.stdout, "segment --format text");
    assert_unchanged_except(&before, &sandbox.snapshot(), &[], "segment");
    let last = (units - 1).to_string();
    let tag = sandbox.run(args!(
        "tag",
        &article,
        "--sentence",
        &last,
        "--tag",
        "quote"
    ));
    assert_eq!(tag.code, 0, "{}", tag.stderr);
    let after = sandbox.snapshot();
    assert_unchanged_except(
        &before,
        &after,
        &written_by_tag(&sandbox, &article, &after),
        "tag",
    );
    let list = sandbox.run(args!("list", &article));
    assert_eq!(list.code, 0, "{}", list.stderr);
    let rows = list.json_lines();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["first_unit"], units - 1);
    assert_eq!(rows[0]["status"], "anchored");
    let export = sandbox.run(args!("export", &article, "--format", "csv"));
    assert_eq!(export.code, 0, "{}", export.stderr);
}

/// A single line of 10 MB (50 MB with `SIDENOTE_HEAVY_TESTS=1`) with no sentence end: one unit.
#[test]
fn a_single_huge_line_is_one_unit() {
    let size = if heavy() { 50_000_000 } else { 10_000_000 };
    let mut bytes = b"word ".repeat(size / 5);
    bytes.truncate(size);
    a_big_article_works("line.txt", &bytes, 1);
}

/// A million one-word lines: each a sentence, so a million units.
#[test]
fn a_million_one_word_lines_are_a_million_units() {
    let mut bytes = Vec::with_capacity(7_000_000);
    for n in 0..1_000_000 {
        bytes.extend_from_slice(format!("Word{}.\n", n % 10).as_bytes());
    }
    a_big_article_works("lines.txt", &bytes, 1_000_000);
}

/// A million one-word lines without final punctuation read as one hard-wrapped sentence.
#[test]
fn a_million_bare_words_do_not_blow_up() {
    let bytes = b"word\n".repeat(1_000_000);
    let sandbox = Sandbox::new();
    let article = sandbox.write("words.txt", &bytes);
    let segment = sandbox.run(args!("segment", &article, "--format", "text"));
    assert_eq!(segment.code, 0, "{}", segment.stderr);
    assert!(!segment.stdout.is_empty());
}

/// A valid sidecar with two annotations (units 0 and 2), made through the command line.
fn tagged(sandbox: &Sandbox) -> (PathBuf, PathBuf, String) {
    let article = sandbox.write(
        "report.txt",
        b"Spy agency briefs lawmakers\n\nThe NIS said 300 soldiers died. Rep. Lee agreed. \
          Others doubted it.\n",
    );
    for unit in ["0", "2"] {
        let run = sandbox.run(args!(
            "tag",
            &article,
            "--sentence",
            unit,
            "--tag",
            "claim",
            "--note",
            "a note"
        ));
        assert_eq!(run.code, 0, "{run:?}");
    }
    let sidecar = sidenote::sidecar::path_for(&article);
    let text = fs::read_to_string(&sidecar).unwrap();
    (article, sidecar, text)
}

/// The `nth` (0-based) value of `field: value,` in `text`, and its byte range.
fn field_value(text: &str, field: &str, nth: usize) -> std::ops::Range<usize> {
    let key = format!("{field}: ");
    let at = text.match_indices(&key).nth(nth).unwrap().0 + key.len();
    let end = at + text[at..].find([',', '\n']).unwrap();
    at..end
}

fn replace_field(text: &str, field: &str, nth: usize, value: &str) -> String {
    let range = field_value(text, field, nth);
    format!("{}{value}{}", &text[..range.start], &text[range.end..])
}

fn truncated(text: &str) -> Vec<u8> {
    text.as_bytes()[..text.len() * 2 / 3].to_vec()
}
fn wrong_type(text: &str) -> Vec<u8> {
    replace_field(text, "start", 0, "\"zero\"").into_bytes()
}
fn wrong_type_list(text: &str) -> Vec<u8> {
    replace_field(text, "annotations", 0, "\"none\"").into_bytes()
}
fn duplicate_id(text: &str) -> Vec<u8> {
    let first = text[field_value(text, "id", 0)].to_owned();
    replace_field(text, "id", 1, &first).into_bytes()
}
fn reversed_offsets(text: &str) -> Vec<u8> {
    let (start, end) = (
        text[field_value(text, "start", 0)].to_owned(),
        text[field_value(text, "end", 0)].to_owned(),
    );
    let swapped = replace_field(text, "start", 0, &end);
    replace_field(&swapped, "end", 0, &start).into_bytes()
}
fn negative_offset(text: &str) -> Vec<u8> {
    replace_field(text, "start", 0, "-5").into_bytes()
}
fn offset_overflow(text: &str) -> Vec<u8> {
    replace_field(text, "end", 0, "99999999999999999999999999").into_bytes()
}
fn unknown_tag(text: &str) -> Vec<u8> {
    text.replacen("Claim", "Rumour", 1).into_bytes()
}
fn not_utf8(text: &str) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    let at = field_value(text, "note", 0).start + 2;
    bytes[at] = 0xff;
    bytes
}
fn nul_bytes(text: &str) -> Vec<u8> {
    text.replacen("    annotations:", "\0   annotations:", 1)
        .into_bytes()
}
fn binary_garbage(_: &str) -> Vec<u8> {
    binary()
}
fn unclosed_string(text: &str) -> Vec<u8> {
    let range = field_value(text, "note", 1);
    format!(
        "{}\"never closed\n{}",
        &text[..range.start],
        &text[range.end..]
    )
    .into_bytes()
}
fn deep_nesting(_: &str) -> Vec<u8> {
    format!("{}{}", "(".repeat(100_000), ")".repeat(100_000)).into_bytes()
}
fn newer_and_unreadable(text: &str) -> Vec<u8> {
    replace_field(text, "version", 0, "99")
        .replacen("Claim", "Rumour", 1)
        .into_bytes()
}

type Corrupt = fn(&str) -> Vec<u8>;

/// Sidecars that do not parse: every command names the sidecar with a line and column, and
/// nothing ever writes over it.
#[rstest]
#[case::truncated(truncated as Corrupt)]
#[case::wrong_type(wrong_type as Corrupt)]
#[case::wrong_type_list(wrong_type_list as Corrupt)]
#[case::duplicate_id(duplicate_id as Corrupt)]
#[case::reversed_offsets(reversed_offsets as Corrupt)]
#[case::negative_offset(negative_offset as Corrupt)]
#[case::offset_overflow(offset_overflow as Corrupt)]
#[case::unknown_tag(unknown_tag as Corrupt)]
#[case::not_utf8(not_utf8 as Corrupt)]
#[case::nul_bytes(nul_bytes as Corrupt)]
#[case::binary_garbage(binary_garbage as Corrupt)]
#[case::unclosed_string(unclosed_string as Corrupt)]
#[case::deep_nesting(deep_nesting as Corrupt)]
#[case::newer_and_unreadable(newer_and_unreadable as Corrupt)]
fn a_broken_sidecar_is_named_with_line_and_column_and_kept(#[case] corrupt: Corrupt) {
    let sandbox = Sandbox::new();
    let (article, sidecar, text) = tagged(&sandbox);
    fs::write(&sidecar, corrupt(&text)).unwrap();
    let before = sandbox.snapshot();
    let name = sidecar.display().to_string();
    let position = regex_like_position(&name);
    for args in [
        args!("list", &article),
        args!("tag", &article, "--sentence", "1", "--tag", "denial"),
        args!("untag", &article, "--sentence", "0"),
        args!("export", &article, "--format", "json"),
        args!("export", sandbox.articles(), "--format", "csv"),
    ] {
        let run = sandbox.run(args.clone());
        assert_eq!(run.code, 1, "{args:?}: {run:?}");
        assert!(
            position(&run.stderr),
            "{args:?}: no {name}:LINE:COLUMN in {}",
            run.stderr
        );
        assert_unchanged_except(&before, &sandbox.snapshot(), &[], &format!("{args:?}"));
    }
}

/// A matcher for `path:LINE:COLUMN:` in a message.
fn regex_like_position(path: &str) -> impl Fn(&str) -> bool {
    let prefix = format!("{path}:");
    move |message: &str| {
        message.match_indices(&prefix).any(|(at, _)| {
            let rest = &message[at + prefix.len()..];
            let mut parts = rest.splitn(3, ':');
            let numeric = |part: Option<&str>| {
                part.is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
            };
            numeric(parts.next()) && numeric(parts.next()) && parts.next().is_some()
        })
    }
}

/// A sidecar whose offsets point past the end of the article is valid; the annotation is found by
/// its quote, or kept as an orphan, never dropped.
#[test]
fn offsets_beyond_the_article_are_found_again_or_kept() {
    let sandbox = Sandbox::new();
    let (article, sidecar, text) = tagged(&sandbox);
    let start: usize = text[field_value(&text, "start", 1)].parse().unwrap();
    let end: usize = text[field_value(&text, "end", 1)].parse().unwrap();
    let moved = replace_field(&text, "start", 1, &(start + 1_000_000).to_string());
    let moved = replace_field(&moved, "end", 1, &(end + 1_000_000).to_string());
    let moved = replace_field(&moved, "first_unit", 1, "4000000000");
    let moved = replace_field(&moved, "last_unit", 1, "4000000000");
    fs::write(&sidecar, &moved).unwrap();
    let before = sandbox.snapshot();
    let list = sandbox.run(args!("list", &article));
    assert_eq!(list.code, 0, "{list:?}");
    let rows = list.json_lines();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1]["status"], "moved");
    assert_eq!(rows[1]["first_unit"], 2);
    let export = sandbox.run(args!("export", &article, "--format", "markdown"));
    assert_eq!(export.code, 0, "{export:?}");
    assert_unchanged_except(&before, &sandbox.snapshot(), &[], "list and export");
}

/// Huge strings in a sidecar (a 5 MB note and a 5 MB quote that is not in the article) load; the
/// quote is an orphan, kept as it was.
#[test]
fn huge_strings_in_a_sidecar_load() {
    let sandbox = Sandbox::new();
    let (article, sidecar, text) = tagged(&sandbox);
    let note = "n".repeat(5_000_000);
    let exact = "q".repeat(5_000_000);
    let huge = replace_field(&text, "note", 0, &format!("\"{note}\""));
    let huge = replace_field(&huge, "exact", 1, &format!("\"{exact}\""));
    let start: usize = text[field_value(&text, "start", 1)].parse().unwrap();
    let huge = replace_field(&huge, "end", 1, &(start + exact.len()).to_string());
    fs::write(&sidecar, &huge).unwrap();
    let before = sandbox.snapshot();
    let list = sandbox.run(args!("list", &article));
    assert_eq!(list.code, 0, "{}", list.stderr);
    let rows = list.json_lines();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["note"].as_str().unwrap().len(), note.len());
    assert_eq!(rows[1]["status"], "orphaned");
    assert_eq!(rows[1]["text"].as_str().unwrap().len(), exact.len());
    assert_unchanged_except(&before, &sandbox.snapshot(), &[], "list");
    // Tagging keeps both, the orphan's quote unchanged.
    let tag = sandbox.run(args!("tag", &article, "--sentence", "1", "--tag", "quote"));
    assert_eq!(tag.code, 0, "{}", tag.stderr);
    let saved = fs::read_to_string(&sidecar).unwrap();
    assert!(saved.contains(&note) && saved.contains(&exact));
}

/// A sidecar from a newer sidenote is listed and exported, with a warning, and never written.
#[test]
fn a_newer_sidecar_is_read_only() {
    let sandbox = Sandbox::new();
    let (article, sidecar, text) = tagged(&sandbox);
    let newer = replace_field(&text, "version", 0, "7").replacen(
        "    annotations:",
        "    reviewers: [\"someone\"],\n    annotations:",
        1,
    );
    fs::write(&sidecar, &newer).unwrap();
    let before = sandbox.snapshot();
    let list = sandbox.run(args!("list", &article));
    assert_eq!(list.code, 0, "{list:?}");
    assert_eq!(list.json_lines().len(), 2);
    assert!(list.stderr.contains(&sidecar.display().to_string()) && list.stderr.contains("newer"));
    for args in [
        args!("tag", &article, "--sentence", "1", "--tag", "denial"),
        args!("untag", &article, "--sentence", "0"),
        args!(
            "tag",
            &article,
            "--sentence",
            "1",
            "--tag",
            "denial",
            "--start-afresh"
        ),
    ] {
        let run = sandbox.run(args.clone());
        assert_eq!(run.code, 1, "{args:?}: {run:?}");
        assert!(
            run.stderr.contains("newer") && run.stderr.contains("upgrade"),
            "{run:?}"
        );
    }
    let export = sandbox.run(args!("export", &article, "--format", "jsonl"));
    assert_eq!(export.code, 0, "{export:?}");
    assert_eq!(export.json_lines().len(), 2);
    assert_unchanged_except(&before, &sandbox.snapshot(), &[], "a newer sidecar");
}

/// A sidecar that is a folder, or cannot be read, is named; nothing is written.
#[test]
fn a_sidecar_that_cannot_be_read_is_named() {
    let sandbox = Sandbox::new();
    let article = sandbox.write("report.txt", PLAIN.as_bytes());
    let sidecar = sidenote::sidecar::path_for(&article);
    fs::create_dir(&sidecar).unwrap();
    let before = sandbox.snapshot();
    for args in [
        args!("list", &article),
        args!("tag", &article, "--sentence", "1", "--tag", "denial"),
        args!("export", &article),
    ] {
        let run = sandbox.run(args.clone());
        assert_eq!(run.code, 1, "{args:?}: {run:?}");
        assert!(
            run.stderr.contains(&sidecar.display().to_string()),
            "{run:?}"
        );
    }
    assert_unchanged_except(&before, &sandbox.snapshot(), &[], "a sidecar folder");
}

/// Whether this process can read a file with mode 000 (it runs as root).
fn reads_anything(dir: &Path) -> bool {
    let probe = dir.join("probe");
    fs::write(&probe, "x").unwrap();
    fs::set_permissions(&probe, fs::Permissions::from_mode(0o000)).unwrap();
    let readable = fs::read(&probe).is_ok();
    fs::remove_file(&probe).unwrap();
    readable
}

/// A library folder with a symlink loop, links that go round in circles or nowhere, unreadable
/// files and folders, and a name that is not UTF-8: each bad entry is named, every good article
/// is exported, nothing on disk changes.
#[test]
fn a_hostile_library_folder_exports_what_it_can() {
    let sandbox = Sandbox::new();
    let root = sandbox.articles();
    let root_reads_all = reads_anything(sandbox.dir.path());
    sandbox.write("good.txt", PLAIN.as_bytes());
    let latin1 = OsStr::from_bytes(b"caf\xe9-\xff.txt");
    sandbox.write(latin1, PLAIN.as_bytes());
    std::os::unix::fs::symlink(&root, root.join("self")).unwrap();
    std::os::unix::fs::symlink("..", root.join("up")).unwrap();
    std::os::unix::fs::symlink("b.txt", root.join("a.txt")).unwrap();
    std::os::unix::fs::symlink("a.txt", root.join("b.txt")).unwrap();
    std::os::unix::fs::symlink("nowhere.txt", root.join("dangling.txt")).unwrap();
    let locked = sandbox.write("locked.txt", PLAIN.as_bytes());
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    let closed = root.join("closed");
    fs::create_dir(&closed).unwrap();
    fs::write(closed.join("inside.txt"), PLAIN).unwrap();
    fs::set_permissions(&closed, fs::Permissions::from_mode(0o000)).unwrap();

    let before = sandbox.snapshot();
    let export = sandbox.run(args!("export", &root, "--format", "json"));
    let csv = sandbox.run(args!("export", &root, "--format", "csv"));
    let list = sandbox.run(args!(
        "list",
        root.join("good.txt"),
        root.join("a.txt"),
        root.join("dangling.txt"),
        &locked,
        root.join(latin1),
    ));
    let segment = sandbox.run(args!("segment", root.join(latin1)));
    let segment_loop = sandbox.run(args!("segment", root.join("a.txt")));
    let tag_loop = sandbox.run(args!(
        "tag",
        root.join("a.txt"),
        "--sentence",
        "0",
        "--tag",
        "claim"
    ));
    let after = sandbox.snapshot();
    fs::set_permissions(&closed, fs::Permissions::from_mode(0o755)).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o644)).unwrap();
    assert_unchanged_except(&before, &after, &[], "reading a hostile library");

    for run in [&export, &csv, &list, &segment_loop, &tag_loop] {
        assert_eq!(run.code, 1, "{run:?}");
    }
    assert_eq!(segment.code, 0, "{segment:?}");
    // Links going round in circles or nowhere are named.
    for name in ["a.txt", "b.txt", "dangling.txt"] {
        assert!(
            export.stderr.contains(&format!("{name}: ")),
            "{name}: {}",
            export.stderr
        );
    }
    assert!(list.stderr.contains("a.txt") && list.stderr.contains("dangling.txt"));
    assert!(segment_loop.stderr.contains("a.txt") && tag_loop.stderr.contains("a.txt"));
    // The good article and the one with a non-UTF-8 name are exported.
    let exported = String::from_utf8(export.stdout.clone()).unwrap();
    assert!(exported.contains("good.txt"));
    assert!(exported.contains("caf\u{FFFD}-\u{FFFD}.txt"), "{exported}");
    if root_reads_all {
        // As root, mode 000 stops nothing: the files are simply read.
        assert!(exported.contains("locked.txt"));
        assert!(!export.stderr.contains("locked.txt"));
    } else {
        assert!(export.stderr.contains("locked.txt"), "{}", export.stderr);
        assert!(list.stderr.contains("locked.txt"), "{}", list.stderr);
        assert!(export.stderr.contains("closed"), "{}", export.stderr);
    }
}

/// A file name holding escape sequences must not drive the terminal through an error message.
#[test]
fn a_file_name_with_escape_sequences_is_shown_safely() {
    let sandbox = Sandbox::new();
    let name = "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}1m.txt";
    let article = sandbox.write(name, b"");
    let missing = sandbox.articles().join("\u{1b}[31mmissing.txt");
    // `run` checks that stderr holds no control codes.
    for args in [
        args!("segment", &article),
        args!("list", &article, &missing),
        args!("tag", &article, "--sentence", "0", "--tag", "claim"),
        args!("export", &article, &missing),
        args!("export", sandbox.articles()),
    ] {
        let run = sandbox.run(args.clone());
        assert_eq!(run.code, 1, "{args:?}: {run:?}");
        assert!(
            run.stderr.contains("pwned") || run.stderr.contains("missing"),
            "{run:?}"
        );
    }
}

/// A pipe, an endless device and a folder named like an article are refused at once, never read
/// (reading a pipe with no writer, or /dev/zero, would never end).
#[test]
fn special_files_are_refused_without_blocking() {
    let sandbox = Sandbox::new();
    let fifo = sandbox.articles().join("pipe.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let folder = sandbox.articles().join("folder.txt");
    fs::create_dir(&folder).unwrap();
    let before = sandbox.snapshot();
    for (path, message) in [
        (fifo.clone(), "not a regular file"),
        (PathBuf::from("/dev/zero"), "not a regular file"),
        (folder.clone(), "is a directory"),
    ] {
        let mut commands = vec![
            args!("segment", &path),
            args!("tag", &path, "--sentence", "0", "--tag", "claim"),
        ];
        if path != folder {
            // export and list walk folders, whatever their names.
            commands.push(args!("list", &path));
            commands.push(args!("export", &path, "--format", "json"));
        }
        for args in commands {
            let run = sandbox.run(args.clone());
            assert_eq!(run.code, 1, "{args:?}: {run:?}");
            assert!(
                run.stderr.contains(&path.display().to_string()) || args[0] == "export",
                "{args:?}: {run:?}"
            );
            if args[0] != "export" {
                assert!(run.stderr.contains(message), "{args:?}: {run:?}");
            }
        }
    }
    // Walking the folder meets the pipe and names it; the folder named like an article is walked.
    let export = sandbox.run(args!("export", sandbox.articles(), "--format", "json"));
    assert_eq!(export.code, 1, "{export:?}");
    assert!(
        export.stderr.contains("pipe.txt: not a regular file"),
        "{export:?}"
    );
    assert_unchanged_except(&before, &sandbox.snapshot(), &[], "special files");
}
