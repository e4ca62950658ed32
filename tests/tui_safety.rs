//! Text from files never reaches the terminal as control codes: notes, speakers, titles and file names full
//! of escape sequences are drawn with the controls replaced, and bidi controls and zero-width
//! characters are dropped.
#![allow(clippy::unwrap_used)]

#[path = "support/tui.rs"]
mod support;

use std::sync::Arc;

use sidenote::annotation::{AnnotationSet, Stamp, Tag};
use sidenote::library::read_article;
use support::{ARTICLE, Screen};

const HOSTILE: &str = "\u{1b}]52;c;aGVsbG8=\u{7}\u{1b}[2J\u{1b}]0;pwned\u{7}\u{9b}31m\u{0}\r\u{8}";

#[test]
fn hostile_notes_and_titles_are_drawn_without_controls() {
    let mut screen = Screen::new(160, 48);
    let path = screen.path(ARTICLE);
    let article = Arc::new(read_article(&path).unwrap());
    let mut set = AnnotationSet::new(&article, Vec::new());
    let stamp = Stamp {
        author: HOSTILE.to_owned(),
        now: time::OffsetDateTime::UNIX_EPOCH,
        new_id: "hostile".to_owned(),
    };
    set.toggle_tag(&article, (1, 1), Tag::Claim, &stamp);
    set.set_note(&article, (1, 1), &format!("note {HOSTILE} end"), &stamp);
    set.set_speaker(0, &format!("speaker {HOSTILE} end"), stamp.now);
    sidenote::sidecar::save(&path, &article, &[], &set.into_annotations()).unwrap();
    screen.open(ARTICLE);
    screen.runtime.app.library.entries[0].title = format!("title {HOSTILE}");
    screen.runtime.app.library.entries[0].source = Some(HOSTILE.to_owned());
    screen.runtime.app.message = Some(sidenote::tui::app::Message {
        text: format!("message {HOSTILE}"),
        error: true,
    });
    for keys in ["j", "<tab>", "a", "<esc>", "S", "<esc>?"] {
        let text = screen.keys(keys).text();
        if keys == "<tab>" {
            assert!(text.contains("note \u{FFFD}]52;c;"), "{text}");
            assert!(text.contains("— speaker \u{FFFD}]52;c;"), "{text}");
        }
        if keys == "S" {
            assert!(text.contains("speaker: speaker \u{FFFD}]52;c;"), "{text}");
        }
        let buffer = screen.runtime.terminal.backend().buffer();
        for cell in buffer.content() {
            assert!(
                !cell.symbol().chars().any(char::is_control),
                "a control character reached a cell after {keys:?}: {:?}\n{text}",
                cell.symbol()
            );
        }
    }
}

/// Bidi controls and zero-width characters that join nothing.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{61c}' | '\u{200b}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

#[test]
fn bidi_controls_are_dropped_from_the_screen_and_the_note_cursor_still_shows_on_one() {
    let mut screen = Screen::new(160, 48);
    screen.open(ARTICLE);
    screen.runtime.app.library.entries[0].title = "title \u{202e}desrever\u{2066}\u{200f}".into();
    let text = screen
        .keys("ja")
        .keys("left\u{202e}\u{200e}right<left><left><left><left><left><left>")
        .text();
    // In the note editor each dropped character takes one blank cell, so that moving the cursor
    // over it shows: the cursor sits on U+200E, drawn as a space (it was a zero-width span the
    // renderer skipped, cursor and all). Titles drop them without a trace.
    assert!(text.contains("left  right"), "{text}");
    assert!(text.contains("title desrever"), "{text}");
    let buffer = screen.runtime.terminal.backend().buffer();
    for cell in buffer.content() {
        assert!(
            !cell.symbol().chars().any(is_invisible),
            "an invisible formatting character reached a cell: {:?}\n{text}",
            cell.symbol()
        );
    }
}
