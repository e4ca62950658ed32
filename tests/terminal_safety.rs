//! Text from files never reaches the terminal as control codes, checked on the bytes themselves:
//! the real binary runs in a pseudo-terminal over an article, a file name and notes full of
//! escape sequences, and every byte it writes is checked. The only escape sequences allowed are
//! the kinds the screen library emits (CSI with numeric parameters and a known final byte); no
//! OSC, DCS, APC, PM or SOS, no C1 control, no BEL or backspace, no bidi override.
#![cfg(unix)]
#![allow(clippy::unwrap_used)]

#[path = "support/pty.rs"]
mod pty;

use std::path::Path;
use std::process::Command;

use pty::Pty;

const ROWS: u16 = 30;
const COLS: u16 = 120;

/// Every kind of hostile sequence, in one string.
const HOSTILE: &str = concat!(
    "\u{1b}[2J",                                                    // CSI: clear the screen
    "\u{1b}[10;10H\u{1b}[5A",                                       // CSI: cursor moves
    "\u{1b}]0;pwned\u{7}",                                          // OSC 0: window title
    "\u{1b}]52;c;cHduZWQ=\u{7}",                                    // OSC 52: clipboard write
    "\u{1b}]8;;http://evil.example/\u{1b}\\link\u{1b}]8;;\u{1b}\\", // OSC 8: hyperlink
    "\u{1b}P+q544e\u{1b}\\",                                        // DCS: terminfo query
    "\u{1b}_apc\u{1b}\\",                                           // APC
    "\u{9b}31m",                                                    // 8-bit CSI
    "\u{9d}0;pwned\u{9c}",                                          // 8-bit OSC and ST
    "\u{90}dcs\u{9c}",                                              // 8-bit DCS
    "\u{7}\u{8}\u{8}\u{7f}",                                        // BEL, backspace, DEL
    "mid\rline\t\u{b}\u{c}",                                        // CR in mid-line, tab, VT, FF
    "\u{202e}desrever\u{202c}\u{2066}iso\u{2069}",                  // bidi overrides and isolates
    "\u{200e}\u{200f}\u{61c}mark\u{200b}\u{2060}",                  // bidi marks, zero-width
);

/// Final bytes of the CSI sequences the screen library may send: colours and attributes (m),
/// cursor position and moves (H f A-G), clearing (J K X), modes such as the alternate screen,
/// the cursor's visibility and mouse capture (h l), scrolling (S T r).
const CSI_FINALS: &[u8] = b"mHfABCDEFGJKXhlSTr";

/// Bidirectional formatting characters, which reorder what the terminal shows, and zero-width
/// characters that join nothing, whose width terminals do not agree on.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{61c}' | '\u{200b}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

/// The first thing in `output` that a file's text could have put there, described with its byte
/// offset; `None` when everything in it is text or the screen library's own sequences.
fn first_hostile(output: &[u8]) -> Option<String> {
    let text = match std::str::from_utf8(output) {
        Ok(text) => text,
        Err(error) => {
            return Some(format!(
                "invalid UTF-8 at byte {} (a raw 8-bit control?)",
                error.valid_up_to()
            ));
        }
    };
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let c = text[at..].chars().next().unwrap();
        let len = c.len_utf8();
        match c {
            '\u{1b}' => match csi_length(&bytes[at..]) {
                Some(csi) => {
                    at += csi;
                    continue;
                }
                None => {
                    let shown: String = text[at..].chars().take(12).collect();
                    return Some(format!("escape sequence {shown:?} at byte {at}"));
                }
            },
            '\r' | '\n' => {}
            c if c.is_control() => {
                return Some(format!("control character {c:?} at byte {at}"));
            }
            c if is_bidi_control(c) => {
                return Some(format!("bidi control {c:?} at byte {at}"));
            }
            _ => {}
        }
        at += len;
    }
    None
}

/// The length of the allowed CSI sequence at the start of `bytes`, if it is one.
fn csi_length(bytes: &[u8]) -> Option<usize> {
    if bytes.get(1) != Some(&b'[') {
        return None;
    }
    let params = bytes[2..]
        .iter()
        .take_while(|b| b.is_ascii_digit() || matches!(b, b';' | b'?'))
        .count();
    let end = 2 + params;
    CSI_FINALS.contains(bytes.get(end)?).then_some(end + 1)
}

fn sidenote_cli(data: &Path, config: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_sidenote"));
    command
        .env("SIDENOTE_DATA_DIR", data)
        .env("SIDENOTE_CONFIG_DIR", config)
        .env("USER", format!("author {HOSTILE}"));
    command
}

#[test]
fn no_hostile_sequence_from_the_article_its_name_or_its_notes_reaches_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let name = "report \u{1b}]0;pwned\u{7} \u{9b}2J \u{202e}txt.exe\u{202c}.txt";
    let article = dir.path().join(name);
    let sentences = [
        format!("The minister said {HOSTILE} the count was wrong."),
        format!("A second claim {HOSTILE} was denied."),
        "A plain sentence in between.".to_owned(),
        format!("Quote {HOSTILE} unquote."),
    ];
    std::fs::write(
        &article,
        format!(
            "Hostile {HOSTILE} report\n\n{}\n\nA plain closing sentence.\n",
            sentences.join(" ")
        ),
    )
    .unwrap();
    for (unit, tag) in [("1", "claim"), ("2", "denial"), ("4", "quote")] {
        let output = sidenote_cli(data.path(), config.path())
            .args(["tag", "--sentence", unit, "--tag", tag, "--note"])
            .arg(format!("note {unit} {HOSTILE} end"))
            .arg(&article)
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
    }

    let mut app = Pty::spawn(
        pty::sidenote(&[&article], data.path(), config.path()),
        ROWS,
        COLS,
    );
    app.wait_for("unit 0 of");
    app.wait_for("Annotations (3)");
    // The hostile text is on the screen, as text: the test would prove nothing otherwise.
    app.wait_for("pwned");
    for (keys, shown) in [
        ("]", "unit 1 of"),
        ("]", "unit 2 of"),
        ("]", "unit 4 of"),
        ("j", "unit 5 of"),
    ] {
        app.send(keys);
        app.wait_for(shown);
    }
    app.send("\u{1b}OR");
    app.wait_until("the annotation pane hides", |screen| {
        !screen.contains("Annotations (3)")
    });
    app.send("\u{1b}OR");
    app.wait_for("Annotations (3)");
    for (keys, shown) in [
        ("\t", "note 1"),
        ("\r", "Note on unit"),
        // Typed, not read: an 8-bit CSI and a bidi override go into the note itself.
        ("x\u{9b}31m\u{202e}typed", "endx"),
        ("!", "typed!"),
        ("\u{1b}", "note saved"),
        ("?", "Keys (j/k"),
    ] {
        app.send(keys);
        app.wait_for(shown);
    }
    app.send("\u{1b}");
    app.wait_until("the help closes", |screen| !screen.contains("Keys (j/k"));
    app.send("q");
    assert!(app.wait_exit(), "sidenote exits with success");

    if let Some(problem) = first_hostile(&app.bytes) {
        panic!(
            "{problem}; the output around it:\n{}",
            String::from_utf8_lossy(&app.bytes).escape_debug()
        );
    }
    let output = String::from_utf8_lossy(&app.bytes);
    for introducer in ["\u{1b}]", "\u{9d}", "\u{1b}P", "\u{90}"] {
        assert!(
            !output.contains(&format!("{introducer}0;pwned")),
            "a title change reached the terminal"
        );
    }
    assert!(output.contains("pwned"), "the hostile text was shown");
    let sidecar = sidenote::sidecar::load(&article).unwrap().unwrap();
    let notes: Vec<&str> = sidecar
        .annotations
        .iter()
        .map(|a| a.note.as_str())
        .collect();
    // The typed 8-bit CSI is not taken as text; the rest is kept as typed.
    assert!(
        notes
            .iter()
            .any(|note| note.ends_with(" endx31m\u{202e}typed!")),
        "the typed text was kept: {notes:?}"
    );
}

#[test]
fn no_hostile_sequence_from_the_library_or_the_config_reaches_the_terminal() {
    let data = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let library = data.path().join("library");
    std::fs::create_dir_all(&library).unwrap();
    // A file name cannot hold a slash.
    let in_name = HOSTILE.replace('/', "_");
    for n in 0..3 {
        std::fs::write(
            library.join(format!("{n} pwned {in_name}.txt")),
            format!("Title {n} {HOSTILE} pwned\n\nSource: {HOSTILE}\n\nA sentence {HOSTILE}.\n"),
        )
        .unwrap();
    }
    std::fs::write(
        library.join("broken \u{1b}]0;pwned\u{7}.txt"),
        [0u8, 159, 146, 150],
    )
    .unwrap();
    // A RON string takes control characters as they are, but not a lone backslash.
    let in_ron = HOSTILE.replace('\\', "");
    std::fs::write(
        config.path().join("config.ron"),
        format!("(keys: {{ \"{in_ron}\": \"{in_ron}\" }})"),
    )
    .unwrap();

    let mut app = Pty::spawn(
        pty::sidenote::<&str>(&[], data.path(), config.path()),
        ROWS,
        COLS,
    );
    app.wait_for("Articles (4)");
    app.wait_for("Title 2");
    app.wait_for("unknown key");
    for (keys, shown) in [
        ("j", "Articles ("),
        ("/pwned", "pwned"),
        ("\r", "Articles ("),
        ("e", "Export"),
    ] {
        app.send(keys);
        app.wait_for(shown);
    }
    app.send("\u{1b}");
    app.wait_until("the export menu closes", |screen| {
        !screen.contains("Export ")
    });
    app.send("\r");
    app.wait_for("unit 0 of");
    app.send("q");
    assert!(app.wait_exit(), "sidenote exits with success");
    if let Some(problem) = first_hostile(&app.bytes) {
        panic!(
            "{problem}; the output:\n{}",
            String::from_utf8_lossy(&app.bytes).escape_debug()
        );
    }
}

#[test]
fn the_checker_passes_the_screen_librarys_own_sequences() {
    let own = "\u{1b}[?1049h\u{1b}[?25l\u{1b}[?1000h\u{1b}[1;1H\u{1b}[38;5;12;1mtext\u{1b}[0m \
               \u{1b}[2J\u{1b}[K\u{1b}[3Cé\u{fffd}]0;pwned\u{fffd}\r\n\u{1b}[?1049l\u{1b}[?25h";
    assert_eq!(first_hostile(own.as_bytes()), None);
}

#[test]
fn the_checker_finds_every_kind_of_hostile_sequence() {
    let samples: &[&[u8]] = &[
        b"\x1b]0;pwned\x07",
        b"\x1b]52;c;cHduZWQ=\x1b\\",
        b"\x1b]8;;http://evil/\x1b\\link",
        b"\x1bP+q544e\x1b\\",
        b"\x1b_apc\x1b\\",
        b"\x1b^pm\x1b\\",
        b"\x1bXsos\x1b\\",
        b"\x1bc",
        b"\x1b[>1u",
        b"\x1b[6n",
        b"\x1b[1;2'z",
        "\u{9b}31m".as_bytes(),
        "\u{9d}0;pwned\u{9c}".as_bytes(),
        b"\x9b2J",
        b"\x07",
        b"\x08",
        b"\x7f",
        b"\t",
        b"\x00",
        "\u{202e}evil".as_bytes(),
        "\u{2066}evil".as_bytes(),
        "\u{200f}evil".as_bytes(),
        "\u{61c}evil".as_bytes(),
        "\u{200b}evil".as_bytes(),
    ];
    for sample in samples {
        let output = [b"\x1b[1;1Hsafe text ".as_slice(), sample, b" more"].concat();
        assert!(
            first_hostile(&output).is_some(),
            "not caught: {:?}",
            String::from_utf8_lossy(sample)
        );
    }
}
