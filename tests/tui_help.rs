//! The help overlay: it scrolls to its last row and no further at any height, and it lists
//! every problem of the config in full, which the status bar's one line cannot.
#![allow(clippy::unwrap_used)]

#[path = "support/tui.rs"]
mod support;

use std::collections::BTreeMap;

use sidenote::config::Config;
use sidenote::tui::app::Mode;
use support::Screen;

#[test]
fn help_scrolls_until_its_last_line_is_at_the_bottom_at_80x20() {
    let mut screen = Screen::new(80, 20);
    screen.keys("?");
    for _ in 0..40 {
        screen.keys("j");
    }
    let Mode::Help { scroll } = screen.runtime.app.mode else {
        panic!("the help is open");
    };
    let lines = screen.runtime.app.help.len();
    assert_eq!(scroll, lines - 18, "18 rows inside the border");
    insta::assert_snapshot!("help_scrolled_to_the_end_80x20", screen.text());
}

#[test]
fn config_problems_are_each_shown_in_full_in_the_help() {
    let keys: BTreeMap<String, String> = [
        ("ctrl-frobnicate", "next_unit"),
        ("J", "jump_to_the_next_paragraph_with_a_very_long_name"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    let config = Config {
        keys,
        ..Config::default()
    };
    let mut screen = Screen::with_config(60, 24, &config, true);
    let message = screen.runtime.app.message.clone().unwrap();
    assert!(message.error);
    assert!(
        message
            .text
            .starts_with("2 config problems, ? shows each in full"),
        "{}",
        message.text
    );
    screen.keys("?");
    insta::assert_snapshot!("help_with_config_problems_60x24", screen.text());
    let text = screen.text();
    let unwrapped: String = text
        .lines()
        .map(|line| line.trim_matches('"').trim_matches('│').trim())
        .collect::<Vec<_>>()
        .join(" ");
    for problem in &screen.runtime.app.problems {
        assert!(unwrapped.contains(problem.as_str()), "{problem}\n{text}");
    }
}
