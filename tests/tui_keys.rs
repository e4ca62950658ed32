//! The default keymap: each key of the table in docs/keys.md runs its action, in the right mode,
//! and the user's config can rebind keys.
#![allow(clippy::unwrap_used)]

#[path = "support/tui.rs"]
mod support;

use std::collections::BTreeMap;

use pretty_assertions::assert_eq;
use rstest::rstest;
use sidenote::tui::action::{Action, Input};
use sidenote::tui::command::Command;
use sidenote::tui::keymap::{InputMode, Keymap, parse_chord};

fn action(keys: &str, mode: InputMode) -> Option<Action> {
    let keymap = Keymap::defaults().unwrap();
    let events = support::parse_keys(keys);
    assert_eq!(events.len(), 1, "{keys} is one key");
    keymap.action(mode, &events[0])
}

#[rstest]
#[case("j", Command::NextUnit)]
#[case("<down>", Command::NextUnit)]
#[case("k", Command::PrevUnit)]
#[case("<up>", Command::PrevUnit)]
#[case("}", Command::NextParagraph)]
#[case("{", Command::PrevParagraph)]
#[case("g", Command::FirstUnit)]
#[case("<home>", Command::FirstUnit)]
#[case("G", Command::LastUnit)]
#[case("<end>", Command::LastUnit)]
#[case("<c-d>", Command::HalfPageDown)]
#[case("<pgdn>", Command::HalfPageDown)]
#[case("<c-u>", Command::HalfPageUp)]
#[case("<pgup>", Command::HalfPageUp)]
#[case("]", Command::NextAnnotation)]
#[case("[", Command::PrevAnnotation)]
#[case("<tab>", Command::NextPane)]
#[case("<s-tab>", Command::PrevPane)]
#[case("<enter>", Command::Open)]
#[case("c", Command::ToggleClaim)]
#[case("1", Command::ToggleClaim)]
#[case("d", Command::ToggleDenial)]
#[case("2", Command::ToggleDenial)]
#[case("\"", Command::ToggleQuote)]
#[case("3", Command::ToggleQuote)]
#[case("x", Command::RemoveAnnotation)]
#[case("a", Command::EditNote)]
#[case("v", Command::ToggleSelection)]
#[case("u", Command::Undo)]
#[case("<c-r>", Command::Redo)]
#[case("/", Command::StartSearch)]
#[case("n", Command::NextMatch)]
#[case("N", Command::PrevMatch)]
#[case("e", Command::Export)]
#[case("?", Command::ToggleHelp)]
#[case("<esc>", Command::Cancel)]
#[case("<c-z>", Command::Suspend)]
#[case("q", Command::Quit)]
#[case("<c-c>", Command::Quit)]
fn default_bindings(#[case] key: &str, #[case] expected: Command) {
    assert_eq!(
        action(key, InputMode::Command),
        Some(Action::Command(expected))
    );
}

#[rstest]
#[case("q", Some(Action::Input(Input::Char('q'))))]
#[case("G", Some(Action::Input(Input::Char('G'))))]
#[case("<enter>", Some(Action::Input(Input::Enter)))]
#[case("<bs>", Some(Action::Input(Input::Backspace)))]
#[case("<left>", Some(Action::Input(Input::Left)))]
#[case("<esc>", Some(Action::Command(Command::Cancel)))]
#[case("<c-c>", Some(Action::Command(Command::Quit)))]
#[case("<c-d>", None)]
fn text_boxes_take_keys_as_typing(#[case] key: &str, #[case] expected: Option<Action>) {
    assert_eq!(action(key, InputMode::Text), expected);
}

#[test]
fn unbound_keys_do_nothing() {
    assert_eq!(action("z", InputMode::Command), None);
}

#[test]
fn the_help_lists_every_binding_with_a_description() {
    let help = Keymap::defaults().unwrap().help();
    assert!(help.len() >= 30);
    for line in &help {
        assert!(
            !line.keys.is_empty() && !line.description.is_empty(),
            "{line:?}"
        );
    }
    let quit = help.iter().find(|l| l.command == Command::Quit).unwrap();
    assert_eq!(quit.keys, "q, ctrl-c");
}

#[test]
fn the_config_rebinds_keys_and_reports_bad_entries() {
    let overrides: BTreeMap<String, String> = [
        ("ctrl-n", "next_unit"),
        ("j", "quit"),
        ("hyper-x", "quit"),
        ("z", "fly_away"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    let (keymap, problems) = Keymap::defaults().unwrap().with_overrides(&overrides);
    let events = support::parse_keys("<c-n>j");
    assert_eq!(
        keymap.action(InputMode::Command, &events[0]),
        Some(Action::Command(Command::NextUnit))
    );
    assert_eq!(
        keymap.action(InputMode::Command, &events[1]),
        Some(Action::Command(Command::Quit))
    );
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].contains("hyper-x"), "{problems:?}");
    assert!(problems[1].contains("fly_away"), "{problems:?}");
    let help = keymap.help();
    let next = help
        .iter()
        .find(|l| l.command == Command::NextUnit)
        .unwrap();
    assert_eq!(next.keys, "down, ctrl-n");
}

#[rstest]
#[case("ctrl-d", true)]
#[case("shift-tab", true)]
#[case("G", true)]
#[case("f12", true)]
#[case("space", true)]
#[case("f0", false)]
#[case("ctrl-", false)]
#[case("nothing", false)]
fn key_names(#[case] name: &str, #[case] valid: bool) {
    assert_eq!(parse_chord(name).is_some(), valid, "{name}");
}

fn overrides(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

/// A config that binds both quit keys to something else would leave no way out of the screen
/// (the process ignores Ctrl-c's signal in raw mode): ctrl-c quits anyway, and the status bar
/// says why.
#[test]
fn a_config_that_takes_every_quit_key_away_keeps_ctrl_c_and_says_so() {
    let (keymap, problems) = Keymap::defaults().unwrap().with_overrides(&overrides(&[
        ("q", "next_unit"),
        ("ctrl-c", "toggle_claim"),
    ]));
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].contains("quit") && problems[0].contains("ctrl-c"),
        "{problems:?}"
    );
    let events = support::parse_keys("<c-c>q");
    assert_eq!(
        keymap.action(InputMode::Command, &events[0]),
        Some(Action::Command(Command::Quit))
    );
    assert_eq!(
        keymap.action(InputMode::Command, &events[1]),
        Some(Action::Command(Command::NextUnit))
    );
    let help = keymap.help();
    let quit = help.iter().find(|l| l.command == Command::Quit).unwrap();
    assert_eq!(quit.keys, "ctrl-c");
    let claim = help
        .iter()
        .find(|l| l.command == Command::ToggleClaim)
        .unwrap();
    assert!(!claim.keys.contains("ctrl-c"), "{claim:?}");
}

/// Quit moved to another key is a way out: the config is obeyed as written.
#[test]
fn a_config_that_moves_quit_to_another_key_is_obeyed() {
    let (keymap, problems) = Keymap::defaults().unwrap().with_overrides(&overrides(&[
        ("q", "next_unit"),
        ("ctrl-c", "toggle_claim"),
        ("ctrl-x", "quit"),
    ]));
    assert!(problems.is_empty(), "{problems:?}");
    let events = support::parse_keys("<c-c><c-x>");
    assert_eq!(
        keymap.action(InputMode::Command, &events[0]),
        Some(Action::Command(Command::ToggleClaim))
    );
    assert_eq!(
        keymap.action(InputMode::Command, &events[1]),
        Some(Action::Command(Command::Quit))
    );
}
