//! The reading screen: the article list, the reading pane and the annotation pane.
//!
//! Elm-like: [`app`] holds the state, [`update`] changes it from [`action`]s (a [`command`] from
//! the keymap, an event, or an [`outcome`] of background work) and returns [`effect`]s, [`ui`]
//! draws it, and [`runtime`] owns the terminal and runs the effects.
//! Keys are data ([`keymap`]); colours live in [`theme`].

pub mod action;
pub mod app;
pub mod claim_matrix;
pub mod command;
pub mod compare;
pub mod disagreements;
pub mod editor;
pub mod effect;
pub mod exporter;
pub mod input;
pub mod keymap;
pub mod layout;
pub mod library_search;
pub mod loader;
pub mod outcome;
pub mod proposals;
pub mod review;
pub mod runtime;
pub mod saver;
pub mod scroll;
pub mod search;
pub mod speakers;
pub mod terminal;
pub mod theme;
pub mod ui;
pub mod update;
pub mod watch;
pub mod wrap;

use std::path::PathBuf;

use crate::config::Config;

use app::{App, Clock};
use keymap::{Keymap, KeymapError};
use runtime::Runtime;
use theme::Theme;

/// The state, keymap and theme the screen starts with.
pub struct Setup {
    /// The initial state.
    pub app: App,
    /// The bindings.
    pub keymap: Keymap,
    /// The styles.
    pub theme: Theme,
}

/// Builds the starting state from the config; `problems` (a config that could not be read, a
/// bad key or colour) are shown in the status bar.
pub fn setup(
    config: &Config,
    no_color: bool,
    mut problems: Vec<String>,
) -> Result<Setup, KeymapError> {
    let (keymap, key_problems) = Keymap::defaults()?.with_overrides(&config.keys);
    let (theme, color_problems) = Theme::new(&config.colors, no_color);
    problems.extend(key_problems);
    problems.extend(color_problems);
    let clock = Clock {
        now: time::OffsetDateTime::now_utc(),
        new_id: uuid::Uuid::now_v7().to_string(),
    };
    let mut app = App::new(config.author(), keymap.help(), clock);
    app.reading_width = config.reading_width();
    app.export_formats = crate::export::Format::ALL.to_vec();
    app.problems = problems
        .iter()
        .map(|problem| crate::safe_text::for_terminal(problem).into_owned())
        .collect();
    let text = match app.problems.as_slice() {
        [] => None,
        [one] => Some(format!("{one} (? shows it in full)")),
        [first, ..] => Some(format!(
            "{} config problems, ? shows each in full: {first}",
            app.problems.len()
        )),
    };
    app.message = text.map(|text| app::Message { text, error: true });
    Ok(Setup { app, keymap, theme })
}

/// How the reading screen ended.
#[derive(Debug)]
pub struct Ending {
    /// What could not be saved, if anything.
    pub unsaved: Option<String>,
    /// The signal that ended it (SIGTERM, SIGHUP, SIGINT), if one did: the process should die
    /// of it ([`terminal::die_of`]) once it has said what it must.
    pub signal: Option<i32>,
}

/// Where the reading screen keeps the place to reopen at.
#[derive(Debug, Clone)]
pub struct Place {
    /// The data directory.
    pub data: PathBuf,
}

/// Runs the reading screen on the terminal over the articles under `paths`, opening `open`
/// first when given; on the way out keeps the open article and its cursor in `place`.
pub fn run(
    paths: Vec<PathBuf>,
    open: Option<PathBuf>,
    setup: Setup,
    mouse: bool,
    export_dir: PathBuf,
    place: Place,
) -> anyhow::Result<Ending> {
    let events = terminal::TerminalEvents::new(mouse)?;
    let terminal = terminal::enter_screen(mouse)?;
    let mut runtime = Runtime::new(
        terminal,
        events,
        setup.app,
        setup.keymap,
        setup.theme,
        mouse,
    )
    .with_export_dir(export_dir)
    .with_data_dir(place.data.clone());
    let mut known = Vec::new();
    let mut rest = None;
    if let Some(path) = open {
        // Read before the first frame so keys typed meanwhile apply to the article; of a big
        // article only the head, and the whole file on the library's thread.
        let first = loader::preview(&path, crate::library::Staging::DEFAULT)
            .unwrap_or_else(|| loader::open_article(&path));
        match &first {
            outcome::Outcome::ArticleOpened(opened) => known.push(loader::opened_entry(opened)),
            outcome::Outcome::ArticlePreview(_) => rest = Some(path),
            _ => {}
        }
        runtime.dispatch(first);
    }
    loader::spawn_library_after(rest, paths, runtime.sender(), known);
    let result = runtime.run();
    terminal::leave(mouse);
    if let Some(doc) = &runtime.app.doc {
        // Best effort: a place that cannot be kept only means the next start opens the list.
        let _ = crate::last_place::save(&place.data, &doc.path, doc.cursor);
    }
    Ok(Ending {
        unsaved: result?,
        signal: runtime.events_mut().signal(),
    })
}
