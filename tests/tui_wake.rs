//! The event loop wakes for whichever comes first, a key or a background result: a result that
//! comes while no key is pressed is drawn at once, keys read on a thread drive the screen one at
//! a time, and nothing is read after the key that quits.
#![allow(clippy::unwrap_used)]

#[path = "support/tui.rs"]
mod support;

use std::collections::VecDeque;
use std::io;
use std::path::PathBuf;
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use rstest::rstest;
use sidenote::config::Config;
use sidenote::tui::app::Pane;
use sidenote::tui::input::Threaded;
use sidenote::tui::outcome::Outcome;
use sidenote::tui::runtime::{EventSource, Runtime};
use sidenote::tui::{loader, setup};

/// Longer than any step here takes: the loop only gets this far when it failed to wake.
const GUARD: Duration = Duration::from_secs(60);

/// A reading screen on a test terminal drawing from `events`, with nothing listed or open.
fn runtime<E: EventSource>(events: E, mouse: bool) -> Runtime<TestBackend, E> {
    let setup = setup(&Config::default(), false, Vec::new()).unwrap();
    let terminal = Terminal::new(TestBackend::new(120, 30)).unwrap();
    let mut runtime = Runtime::new(
        terminal,
        events,
        setup.app,
        setup.keymap,
        setup.theme,
        mouse,
    );
    runtime.resize().unwrap();
    runtime
}

/// The sample library's entries, as the loader's last batch brings them.
fn library_loaded(library: &tempfile::TempDir) -> Outcome {
    let mut paths: Vec<PathBuf> =
        sidenote::library::collect_articles(&[library.path().to_owned()]).unwrap();
    paths.sort();
    Outcome::LibraryLoaded {
        entries: paths.iter().map(|p| loader::entry(p)).collect(),
        done: true,
    }
}

/// A terminal where no key is ever pressed; when the loop asks it for an event (just before the
/// loop waits), a background thread sends `result`.
#[derive(Default)]
struct NoKeys {
    /// The runtime's sender for results, and what to send on it.
    send: Option<(Sender<Outcome>, Outcome)>,
}

impl EventSource for NoKeys {
    fn next(&mut self) -> io::Result<Option<Event>> {
        if let Some((sender, result)) = self.send.take() {
            std::thread::spawn(move || sender.send(result).unwrap());
        }
        Ok(None)
    }
}

#[test]
fn a_result_that_comes_while_no_key_is_pressed_is_drawn_in_the_same_step() {
    let library = support::sample_library();
    // The tick is the only other thing that ends a step; put it past any test's patience.
    let mut runtime = runtime(NoKeys::default(), false).with_tick(GUARD);
    runtime.events_mut().send = Some((runtime.sender(), library_loaded(&library)));
    runtime.draw().unwrap();
    assert!(!runtime.terminal.backend().to_string().contains("C0 D0 Q0"));

    let redraw = runtime.step().unwrap();

    assert!(redraw, "the step ended without the result");
    assert_eq!(runtime.app.library.entries.len(), 5);
    runtime.draw().unwrap();
    let screen = runtime.terminal.backend().to_string();
    assert!(screen.contains("Articles (5)"), "{screen}");
    assert!(screen.contains("C0 D0 Q0"), "{screen}");
}

#[test]
fn with_nothing_to_do_the_loop_still_ticks() {
    let mut runtime = runtime(VecDeque::new(), false).with_tick(Duration::ZERO);
    let before = runtime.app.clock.new_id.clone();
    runtime.step().unwrap();
    assert_ne!(runtime.app.clock.new_id, before, "no tick came");
}

/// Events typed ahead on a terminal read on a thread: reading takes them from the front, and
/// waits a moment when there are none.
type Typed = Arc<Mutex<VecDeque<Event>>>;

fn typed_ahead(
    events: Vec<Event>,
) -> (
    Typed,
    impl FnMut(Duration) -> io::Result<Option<Event>> + Send + 'static,
) {
    let typed: Typed = Arc::new(Mutex::new(events.into()));
    let source = Arc::clone(&typed);
    let read = move |timeout: Duration| {
        let next = source.lock().unwrap().pop_front();
        if next.is_none() {
            std::thread::sleep(timeout.min(Duration::from_millis(5)));
        }
        Ok(next)
    };
    (typed, read)
}

fn click(column: u16, row: u16) -> Event {
    Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column,
        row,
        modifiers: KeyModifiers::NONE,
    })
}

#[rstest]
#[case::mouse_on(true)]
#[case::mouse_off(false)]
fn keys_read_on_a_thread_drive_the_screen_and_nothing_is_read_after_quitting(#[case] mouse: bool) {
    let library = support::sample_library();
    let mut events = support::parse_keys("jj");
    // The third article in the list, when the mouse is on.
    events.push(click(5, 5));
    events.extend(support::parse_keys("qx"));
    let (typed, read) = typed_ahead(events);
    let mut runtime = runtime(Threaded::new(read), mouse);
    runtime.dispatch(library_loaded(&library));
    runtime.dispatch(loader::open_article(&library.path().join(support::ARTICLE)));
    let before = (runtime.app.library.selected, runtime.app.focus);

    let unsaved = runtime.run().unwrap();

    assert_eq!(unsaved, None);
    assert!(runtime.app.quit);
    assert_eq!(runtime.app.doc.as_ref().unwrap().cursor, 2);
    let after = (runtime.app.library.selected, runtime.app.focus);
    if mouse {
        assert_eq!(after, (2, Pane::List));
    } else {
        assert_eq!(after, before, "the click is ignored");
    }
    let left: Vec<Event> = typed.lock().unwrap().iter().cloned().collect();
    assert_eq!(
        left,
        support::parse_keys("x"),
        "the key after the quit is left for the shell"
    );
}
