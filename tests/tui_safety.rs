//! Text from files never reaches the terminal as control codes: notes, titles and file names full
//! of escape sequences are drawn with the controls replaced.
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
    sidenote::sidecar::save(&path, &article, &[], &set.into_annotations()).unwrap();
    screen.open(ARTICLE);
    screen.runtime.app.library.entries[0].title = format!("title {HOSTILE}");
    screen.runtime.app.library.entries[0].source = Some(HOSTILE.to_owned());
    screen.runtime.app.message = Some(sidenote::tui::app::Message {
        text: format!("message {HOSTILE}"),
        error: true,
    });
    for keys in ["j", "<tab>", "a", "<esc>?"] {
        let text = screen.keys(keys).text();
        if keys == "<tab>" {
            assert!(text.contains("note \u{FFFD}]52;c;"), "{text}");
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
