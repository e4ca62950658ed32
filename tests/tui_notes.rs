//! Notes can be seen: a `*` in the gutter marks a unit with a note (tagged or not), the selected
//! annotation's note is shown in full under the annotation list, and the note editor wraps its
//! lines inside its box.
#![allow(clippy::unwrap_used)]

#[path = "support/tui.rs"]
mod support;

use support::{ARTICLE, Screen};

const NOTE: &str = "Checked against the NIS briefing of 13 January: the figure of 300 dead \
                    is the agency's own estimate, not the lawmaker's, and 2,700 wounded comes \
                    from the same briefing. Compare with the Yonhap wire of the same day.";

#[test]
fn a_long_note_wraps_in_the_editor_and_shows_in_full_in_the_pane() {
    let mut screen = Screen::new(120, 30);
    screen.open(ARTICLE).keys("jja");
    screen.keys(NOTE);
    insta::assert_snapshot!("note_editor_wraps_120x30", screen.text());
    let text = screen.text();
    let status = text.lines().last().unwrap();
    assert!(
        status.contains("esc done, saved") && !status.contains("quit"),
        "while typing, the hints are the editor's: {status}"
    );
    screen.keys("<esc>");
    insta::assert_snapshot!("note_in_the_gutter_and_in_full_120x30", screen.text());
    let text = screen.text();
    let gutter_marks = text
        .lines()
        .filter(|row| row.contains("│>*   Over"))
        .count();
    assert!(
        gutter_marks >= 1,
        "a note on an untagged unit is marked\n{text}"
    );
}
