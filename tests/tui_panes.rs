//! Showing and hiding the side panes (F2, F3) as the terminal is resized: a table of keys and
//! widths in, the panes on screen out.
#![allow(clippy::unwrap_used)]

#[path = "support/tui.rs"]
mod support;

use rstest::rstest;
use sidenote::config::Config;
use sidenote::tui::action::Action;
use sidenote::tui::app::App;
use sidenote::tui::command::Command;
use sidenote::tui::layout::Areas;
use sidenote::tui::{loader, setup, update::update};

use support::{ARTICLE, sample_library};

/// A step of a table: a key, or a new terminal width.
#[derive(Debug, Clone, Copy)]
enum Step {
    Key(Command),
    Width(u16),
}

use Command::{ToggleAnnotations as F3, ToggleList as F2};
use Step::{Key, Width};

fn opened(width: u16) -> (App, tempfile::TempDir) {
    let dir = sample_library();
    let mut app = setup(&Config::default(), false, Vec::new()).unwrap().app;
    update(&mut app, Action::Resize { width, height: 30 });
    update(&mut app, loader::open_article(&dir.path().join(ARTICLE)));
    (app, dir)
}

/// Which of list, reading and annotation pane are on screen.
fn shown(app: &App) -> (bool, bool, bool) {
    let areas = Areas::of(app);
    (
        areas.list.is_some(),
        areas.reading.is_some(),
        areas.annotations.is_some(),
    )
}

#[rstest]
// At a medium width F2 brings the list in the first time, beside the reading pane.
#[case(100, vec![Key(F2)], (true, true, false))]
// Widening again shows both side panes: the annotation pane was never hidden.
#[case(100, vec![Key(F2), Width(160)], (true, true, true))]
// F2 again at the medium width hides the list and the annotation pane comes back.
#[case(100, vec![Key(F2), Key(F2)], (false, true, true))]
#[case(100, vec![Key(F2), Key(F3)], (false, true, true))]
// Hiding the annotation pane makes room for the list, which is still wanted.
#[case(100, vec![Key(F3)], (true, true, false))]
#[case(100, vec![Key(F3), Width(160)], (true, true, false))]
#[case(160, vec![Key(F2)], (false, true, true))]
#[case(160, vec![Key(F2), Key(F2)], (true, true, true))]
#[case(160, vec![Key(F2), Width(100), Key(F2), Width(160)], (true, true, true))]
fn side_panes_follow_their_keys_at_every_width(
    #[case] width: u16,
    #[case] steps: Vec<Step>,
    #[case] expected: (bool, bool, bool),
) {
    let (mut app, _dir) = opened(width);
    for step in steps {
        match step {
            Key(command) => update(&mut app, command),
            Width(width) => update(&mut app, Action::Resize { width, height: 30 }),
        };
    }
    assert_eq!(shown(&app), expected);
}
