//! The speaker on the reading screen: `S` opens a prompt prefilled with the speaker of the
//! annotation under the cursor, Tab completes from the speakers the library already uses, Enter
//! sets it as one undoable edit (empty clears), Esc leaves everything as it was; both panes show
//! it. As an update table, and on a test terminal with real files.
#![allow(clippy::unwrap_used)]

#[path = "support/tui.rs"]
mod support;

use pretty_assertions::assert_eq;
use rstest::rstest;
use sidenote::config::Config;
use sidenote::tui::action::{Action, Input};
use sidenote::tui::app::{App, Mode};
use sidenote::tui::command::Command;
use sidenote::tui::effect::Effect;
use sidenote::tui::{loader, setup, update::update};
use time::macros::datetime;

use support::{ARTICLE, Screen, sample_library};

/// A 100x30 screen with the sample article open, unit 2 tagged as a claim, and the library
/// knowing the speakers "Dmitry Peskov", "Defence ministry" and "NIS".
fn tagged() -> (App, tempfile::TempDir) {
    let (mut app, dir) = support::opened_app((100, 30), "tester", datetime!(2026-11-22 10:00 UTC));
    for name in ["Dmitry Peskov", "Defence ministry", "NIS"] {
        app.speakers.add(name);
    }
    for command in [Command::NextUnit, Command::NextUnit, Command::ToggleClaim] {
        update(&mut app, command);
    }
    (app, dir)
}

/// Keys as the update table writes them: a command, typing, or Tab.
#[derive(Debug, Clone)]
enum Key {
    C(Command),
    Type(&'static str),
    I(Input),
}

fn press(app: &mut App, keys: &[Key]) -> Vec<Effect> {
    let mut effects = Vec::new();
    for key in keys {
        match key {
            Key::C(command) => effects.extend(update(app, *command)),
            Key::Type(text) => {
                for c in text.chars() {
                    effects.extend(update(app, Action::Input(Input::Char(c))));
                }
            }
            Key::I(input) => effects.extend(update(app, Action::Input(*input))),
        }
    }
    effects
}

fn speaker_at_cursor(app: &App) -> Option<String> {
    let doc = app.doc.as_ref().unwrap();
    let index = doc.annotations.index_at_unit(doc.cursor)?;
    Some(doc.annotations.get(index)?.0.speaker.clone())
}

fn prompt_line(app: &App) -> Option<String> {
    match &app.mode {
        Mode::Speaker(prompt) => Some(prompt.input.clone()),
        _ => None,
    }
}

use Key::{C, I, Type};

#[rstest]
#[case::typed_and_saved(vec![C(Command::EditSpeaker), Type("NIS"), I(Input::Enter)], None, "NIS")]
#[case::tab_completes_ignoring_case(
    vec![C(Command::EditSpeaker), Type("dm"), I(Input::Tab)],
    Some("Dmitry Peskov"),
    ""
)]
#[case::tab_cycles(
    vec![C(Command::EditSpeaker), Type("d"), I(Input::Tab), I(Input::Tab), I(Input::Enter)],
    None,
    "Dmitry Peskov"
)]
#[case::shift_tab_goes_back(
    vec![C(Command::EditSpeaker), Type("d"), I(Input::BackTab), I(Input::Enter)],
    None,
    "Dmitry Peskov"
)]
#[case::typing_after_a_completion_starts_again(
    vec![C(Command::EditSpeaker), Type("d"), I(Input::Tab), I(Input::Backspace), I(Input::Tab)],
    Some("Defence ministry"),
    ""
)]
#[case::nothing_known_starts_with_it(
    vec![C(Command::EditSpeaker), Type("Lee"), I(Input::Tab)],
    Some("Lee"),
    ""
)]
#[case::esc_cancels(vec![C(Command::EditSpeaker), Type("NIS"), C(Command::Cancel)], None, "")]
#[case::spaces_around_go(
    vec![C(Command::EditSpeaker), Type("  outlet "), I(Input::Enter)],
    None,
    "outlet"
)]
fn the_prompt(#[case] keys: Vec<Key>, #[case] open_with: Option<&str>, #[case] speaker: &str) {
    let (mut app, _dir) = tagged();
    press(&mut app, &keys);
    assert_eq!(prompt_line(&app).as_deref(), open_with);
    assert_eq!(speaker_at_cursor(&app).as_deref(), Some(speaker));
}

#[test]
fn enter_saves_an_undoable_edit_and_the_speaker_becomes_known() {
    let (mut app, _dir) = tagged();
    let revision = app.doc.as_ref().unwrap().revision;
    let effects = press(
        &mut app,
        &[
            C(Command::EditSpeaker),
            Type("Lee Seong-kweun"),
            I(Input::Enter),
        ],
    );
    // Saved at once, or after the tag's save, which is still running here.
    let doc = app.doc.as_ref().unwrap();
    assert!(
        doc.save.dirty
            || effects
                .iter()
                .any(|effect| matches!(effect, Effect::SaveSidecar { .. })),
        "{effects:?}"
    );
    assert_eq!(doc.revision, revision + 1);
    assert_eq!(doc.undo.len(), 2, "the tag, then the speaker");
    assert_eq!(
        app.message.as_ref().unwrap().text,
        "speaker: Lee Seong-kweun"
    );
    assert_eq!(
        app.speakers.starting_with("lee").collect::<Vec<_>>(),
        ["Lee Seong-kweun"]
    );

    // The prompt opens with the speaker it has; an empty line clears it.
    press(&mut app, &[C(Command::EditSpeaker)]);
    assert_eq!(prompt_line(&app).as_deref(), Some("Lee Seong-kweun"));
    press(&mut app, &[C(Command::Cancel)]);
    press(&mut app, &[C(Command::Undo)]);
    assert_eq!(speaker_at_cursor(&app).as_deref(), Some(""));
    press(&mut app, &[C(Command::Redo)]);
    assert_eq!(speaker_at_cursor(&app).as_deref(), Some("Lee Seong-kweun"));
    let mut clear = vec![C(Command::EditSpeaker)];
    clear.extend(std::iter::repeat_n(I(Input::Backspace), 20));
    clear.push(I(Input::Enter));
    press(&mut app, &clear);
    assert_eq!(speaker_at_cursor(&app).as_deref(), Some(""));
    assert_eq!(app.message.as_ref().unwrap().text, "speaker cleared");
}

#[test]
fn without_an_annotation_under_the_cursor_the_status_line_says_so() {
    let (mut app, _dir) = tagged();
    press(&mut app, &[C(Command::NextUnit), C(Command::EditSpeaker)]);
    assert_eq!(app.mode, Mode::Normal);
    let message = app.message.as_ref().unwrap();
    assert!(message.text.contains("no annotation here"), "{message:?}");
    assert_eq!(speaker_at_cursor(&app), None);
}

#[test]
fn speakers_of_the_library_and_of_the_opened_article_become_known() {
    let dir = sample_library();
    let other = dir.path().join("kremlin-silent-on-captured-soldiers.txt");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_sidenote"))
        .env_clear()
        .env("SIDENOTE_DATA_DIR", dir.path().join("data"))
        .env("SIDENOTE_CONFIG_DIR", dir.path().join("config"))
        .arg("tag")
        .arg(&other)
        .args([
            "--sentence",
            "6",
            "--tag",
            "denial",
            "--speaker",
            "Dmitry Peskov",
        ])
        .status()
        .unwrap();
    assert!(status.success());
    let mut app = setup(&Config::default(), false, Vec::new()).unwrap().app;
    update(
        &mut app,
        sidenote::tui::outcome::Outcome::LibraryLoaded {
            entries: vec![loader::entry(&other)],
            done: true,
        },
    );
    assert_eq!(
        app.speakers.starting_with("").collect::<Vec<_>>(),
        ["Dmitry Peskov"]
    );
    assert!(
        app.library.entries[0].speakers.is_empty(),
        "taken into the screen's list"
    );
    update(&mut app, loader::open_article(&other));
    assert_eq!(app.speakers.len(), 1, "the same speaker again is kept once");
}

#[test]
fn both_panes_show_the_speaker_and_the_sidecar_keeps_it() {
    let mut screen = Screen::new(120, 30);
    screen.open(ARTICLE).keys("jjcS");
    let text = screen.text();
    let status = text.lines().last().unwrap();
    assert!(status.contains("speaker: "), "{status}");
    screen.keys("Lee Seong-kweun<enter>");
    insta::assert_snapshot!("speaker_in_both_panes_120x30", screen.text());
    let text = screen.text();
    assert!(
        text.lines()
            .any(|row| row.contains("C — Lee Seong-kweun 2")),
        "the annotation pane\n{text}"
    );
    assert!(
        text.lines()
            .any(|row| row.contains(">C   for captured Ukrainian troops. — Lee Seong-kw│")),
        "the reading pane, after the annotation's last row, clipped at its edge\n{text}"
    );
    let sidecar = screen.sidecar(ARTICLE).unwrap();
    assert_eq!(sidecar.version, 2);
    assert_eq!(sidecar.annotations[0].speaker, "Lee Seong-kweun");

    // Tab completes from what the library knows now; u takes the change back on disk too.
    screen.keys("jjcSle<tab><enter>");
    let sidecar = screen.sidecar(ARTICLE).unwrap();
    let speakers: Vec<&str> = sidecar
        .annotations
        .iter()
        .map(|a| a.speaker.as_str())
        .collect();
    assert_eq!(speakers, ["Lee Seong-kweun", "Lee Seong-kweun"]);
    screen.keys("u");
    let sidecar = screen.sidecar(ARTICLE).unwrap();
    assert_eq!(sidecar.annotations[1].speaker, "");
}
