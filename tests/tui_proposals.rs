//! The suggester's proposals on the reading screen: hidden until `p`, shown as dim lower-case
//! letters with the cue words underlined (also without colour), `(` and `)` between them, `y`
//! accepting one as an ordinary annotation (saved, undone by `u`), `r` rejecting one into the
//! data directory so that it does not come back; and the sidecar left byte for byte as it was by
//! all but an accept.
#![allow(clippy::unwrap_used)]

#[path = "support/tui.rs"]
mod support;

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::Event;
use ratatui::style::Modifier;
use sidenote::annotation::Tag;
use sidenote::config::Config;
use sidenote::tui::runtime::Runtime;
use sidenote::tui::{self, loader};

use support::{ARTICLE, parse_keys, sample_library};

/// The reading screen over a copy of the samples, keeping rejections in `data`.
struct Session {
    runtime: Runtime<TestBackend, VecDeque<Event>>,
    library: PathBuf,
}

impl Session {
    fn new(library: &Path, data: &Path, no_color: bool) -> Session {
        let setup = tui::setup(&Config::default(), no_color, Vec::new()).unwrap();
        let mut app = setup.app;
        app.author = "tester".to_owned();
        app.rejected = sidenote::rejections::load(data);
        let terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
        let mut runtime = Runtime::new(
            terminal,
            VecDeque::new(),
            app,
            setup.keymap,
            setup.theme,
            false,
        )
        .with_data_dir(data.to_owned());
        runtime.resize().unwrap();
        runtime.dispatch(loader::open_article(&library.join(ARTICLE)));
        Session {
            runtime,
            library: library.to_owned(),
        }
    }

    fn keys(&mut self, keys: &str) -> &mut Session {
        for event in parse_keys(keys) {
            self.runtime.events_mut().push_back(event);
            self.runtime.settle(Duration::from_secs(10)).unwrap();
        }
        self
    }

    fn text(&mut self) -> String {
        self.runtime.draw().unwrap();
        self.runtime.terminal.backend().to_string()
    }

    fn cursor(&self) -> usize {
        self.runtime.app.doc.as_ref().unwrap().cursor
    }

    fn sidecar_bytes(&self) -> Option<Vec<u8>> {
        let mut name = self.library.join(ARTICLE).into_os_string();
        name.push(".annotations.ron");
        std::fs::read(name).ok()
    }

    /// How many cells show a proposal's letter: lower case and dim.
    fn dim_letters(&mut self) -> usize {
        self.runtime.draw().unwrap();
        self.runtime
            .terminal
            .backend()
            .buffer()
            .content()
            .iter()
            .filter(|cell| {
                ["q", "d", "c"].contains(&cell.symbol()) && cell.modifier.contains(Modifier::DIM)
            })
            .count()
    }

    /// The tags of the proposal shown on `unit`, if any.
    fn proposed(&self, unit: usize) -> Vec<Tag> {
        let app = &self.runtime.app;
        let doc = app.doc.as_ref().unwrap();
        doc.proposals
            .visible(unit, &doc.article, &doc.annotations, &app.rejected)
            .map(|proposal| proposal.tags)
            .unwrap_or_default()
    }
}

#[test]
fn browsing_showing_hiding_and_rejecting_leave_the_sidecar_byte_for_byte() {
    let library = sample_library();
    let data = tempfile::tempdir().unwrap();
    let mut session = Session::new(library.path(), data.path(), false);
    // A sidecar to compare: one tag on the title.
    session.keys("c");
    let before = session.sidecar_bytes().unwrap();
    session.keys("p)j)(jjkp p)r)r<pgdn><pgup>GgpG");
    assert_eq!(session.sidecar_bytes().unwrap(), before);
    let rejected = sidenote::rejections::load(data.path());
    assert_eq!(
        rejected
            .articles
            .values()
            .map(|units| units.len())
            .sum::<usize>(),
        2
    );
    // The sidecar knows nothing of proposals.
    let text = String::from_utf8(before).unwrap();
    assert!(!text.contains("proposal") && !text.contains("reject"));
}

#[test]
fn proposals_are_hidden_until_p_and_the_keys_walk_them() {
    let library = sample_library();
    let data = tempfile::tempdir().unwrap();
    let mut session = Session::new(library.path(), data.path(), false);
    assert_eq!(session.dim_letters(), 0, "hidden at first");
    session.keys(")");
    assert_eq!(session.cursor(), 0, "no jump while hidden");
    session.keys("p");
    assert!(session.dim_letters() > 0);
    session.keys(")");
    let first = session.cursor();
    assert!(first > 0 && !session.proposed(first).is_empty());
    session.keys(")");
    let second = session.cursor();
    assert!(second > first && !session.proposed(second).is_empty());
    for unit in first + 1..second {
        assert!(session.proposed(unit).is_empty(), "{unit} was passed over");
    }
    session.keys("(");
    assert_eq!(session.cursor(), first);
    assert!(session.dim_letters() > 0);
    session.keys("p");
    assert_eq!(session.dim_letters(), 0);
}

#[test]
fn accepting_makes_an_ordinary_annotation_that_undo_takes_back() {
    let library = sample_library();
    let data = tempfile::tempdir().unwrap();
    let mut session = Session::new(library.path(), data.path(), false);
    session.keys("p)");
    let unit = session.cursor();
    let proposed = session.proposed(unit);
    assert!(!proposed.is_empty());
    let speaker = {
        let app = &session.runtime.app;
        let doc = app.doc.as_ref().unwrap();
        doc.proposals
            .visible(unit, &doc.article, &doc.annotations, &app.rejected)
            .unwrap()
            .speaker
            .unwrap()
    };
    session.keys("y");
    let doc = session.runtime.app.doc.as_ref().unwrap();
    assert_eq!(doc.annotations.tags_at_unit(unit), proposed.as_slice());
    assert!(
        session.proposed(unit).is_empty(),
        "an accepted proposal is a tag now"
    );
    let saved = sidenote::sidecar::load(&session.library.join(ARTICLE))
        .unwrap()
        .unwrap();
    assert_eq!(saved.annotations.len(), 1);
    let mut saved_tags = saved.annotations[0].tags.clone();
    saved_tags.sort();
    let mut wanted = proposed.clone();
    wanted.sort();
    assert_eq!(saved_tags, wanted);
    assert_eq!(saved.annotations[0].speaker, speaker);
    session.keys("u");
    let saved = sidenote::sidecar::load(&session.library.join(ARTICLE))
        .unwrap()
        .unwrap();
    assert!(saved.annotations.is_empty());
    assert_eq!(
        session.proposed(unit),
        proposed,
        "undone, it is proposed again"
    );
    assert!(sidenote::rejections::load(data.path()).is_empty());
}

#[test]
fn a_rejected_proposal_does_not_come_back_in_the_next_session() {
    let library = sample_library();
    let data = tempfile::tempdir().unwrap();
    let mut session = Session::new(library.path(), data.path(), false);
    session.keys("p)");
    let unit = session.cursor();
    session.keys("r");
    assert!(session.proposed(unit).is_empty());
    session.keys("y");
    assert!(
        session
            .runtime
            .app
            .doc
            .as_ref()
            .unwrap()
            .annotations
            .is_empty(),
        "a rejected proposal is never accepted"
    );
    drop(session);
    let mut next = Session::new(library.path(), data.path(), false);
    next.keys("p");
    next.keys(&"j".repeat(unit));
    assert_eq!(next.cursor(), unit);
    assert!(next.proposed(unit).is_empty());
    assert!(next.sidecar_bytes().is_none(), "nothing was ever tagged");
}

#[test]
fn without_colour_proposals_read_apart_from_tags() {
    let library = sample_library();
    let data = tempfile::tempdir().unwrap();
    let mut session = Session::new(library.path(), data.path(), true);
    session.keys("p)");
    let unit = session.cursor();
    let proposed = session.proposed(unit);
    session.keys(tag_key(proposed[0]));
    session.keys("j");
    // A proposal's letter is lower case and dim; a tag's is upper case and not dim.
    assert!(
        session.dim_letters() > 0,
        "a dim lower-case letter in the gutter"
    );
    let cells: Vec<(String, Modifier)> = session
        .runtime
        .terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|cell| (cell.symbol().to_owned(), cell.modifier))
        .collect();
    let upper = tag_letter(proposed[0]);
    assert!(
        cells
            .iter()
            .any(|(symbol, modifier)| symbol == upper && !modifier.contains(Modifier::DIM))
    );
    assert!(
        cells
            .iter()
            .any(|(_, modifier)| modifier.contains(Modifier::UNDERLINED)),
        "cue words underlined"
    );
}

fn tag_key(tag: Tag) -> &'static str {
    match tag {
        Tag::Claim => "c",
        Tag::Denial => "d",
        Tag::Quote => "\"",
    }
}

fn tag_letter(tag: Tag) -> &'static str {
    match tag {
        Tag::Claim => "C",
        Tag::Denial => "D",
        Tag::Quote => "Q",
    }
}

#[test]
fn snapshot_of_the_reading_pane_with_proposals() {
    let library = sample_library();
    let data = tempfile::tempdir().unwrap();
    let mut session = Session::new(library.path(), data.path(), false);
    session.keys("p");
    insta::assert_snapshot!("proposals_shown_100x30", session.text());
    session.keys("))y");
    insta::assert_snapshot!("proposals_one_accepted_100x30", session.text());
}

#[test]
fn the_keys_are_in_the_keymap() {
    use sidenote::tui::action::Action;
    use sidenote::tui::command::Command;
    use sidenote::tui::keymap::{InputMode, Keymap};
    let keymap = Keymap::defaults().unwrap();
    for (key, command) in [
        ("p", Command::ToggleProposals),
        (")", Command::NextProposal),
        ("(", Command::PrevProposal),
        ("y", Command::Accept),
        ("r", Command::Reject),
    ] {
        let events = parse_keys(key);
        assert_eq!(
            keymap.action(InputMode::Command, &events[0]),
            Some(Action::Command(command)),
            "{key}"
        );
    }
}
