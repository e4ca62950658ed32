//! The library search: its prompt, the hits arriving from the background, and the result list
//! while it is open (moved through like every list, a hit opened by Enter, closed by Esc).

use crate::tui::app::{App, Mode, Pane};
use crate::tui::command::Command;
use crate::tui::effect::Effect;
use crate::tui::library_search::{Hit, HitList};

use super::message::say;
use super::movement::move_cursor;
use super::overlay_list::{self, ListKey};

/// Opens the prompt for a search of the whole library.
pub fn start(app: &mut App) -> Vec<Effect> {
    app.mode = Mode::LibraryQuery {
        input: String::new(),
    };
    Vec::new()
}

/// Enter in the prompt: searches every article of the library (not just those the filter
/// shows) and opens the result list, empty until the first hits come.
pub fn submit(app: &mut App, query: String) -> Vec<Effect> {
    if query.is_empty() {
        app.mode = Mode::Normal;
        return Vec::new();
    }
    let articles = app
        .library
        .entries
        .iter()
        .filter(|entry| entry.error.is_none())
        .map(|entry| (entry.path.clone(), label(&entry.outlet(), &entry.title)))
        .collect();
    // The id the clock gave this action: a new one before every key.
    let search = app.clock.new_id.clone();
    app.mode = Mode::Hits(HitList {
        search: search.clone(),
        query: query.clone(),
        running: true,
        ..HitList::default()
    });
    vec![Effect::SearchLibrary {
        search,
        articles,
        query,
    }]
}

fn label(outlet: &str, title: &str) -> String {
    if outlet.is_empty() {
        title.to_owned()
    } else {
        format!("{outlet}/{title}")
    }
}

/// A batch of hits: added to the open list of the search that found them; a list closed or
/// replaced by another search (even for the same query) ignores them.
pub fn received(
    app: &mut App,
    search: &str,
    hits: Vec<Hit>,
    done: bool,
    capped: bool,
) -> Vec<Effect> {
    if let Mode::Hits(list) = &mut app.mode
        && list.search == search
    {
        list.hits.extend(hits);
        list.running = !done;
        list.capped |= capped;
    }
    Vec::new()
}

/// A command while the list is open: moving, opening, closing, a new search or quitting;
/// anything else is ignored and the list stays.
pub fn command(app: &mut App, command: Command) -> Vec<Effect> {
    let Mode::Hits(list) = &mut app.mode else {
        return Vec::new();
    };
    let page = usize::from(app.size.1 / 2);
    list.selected = match overlay_list::key(command, list.selected, list.hits.len(), page) {
        ListKey::Moved(row) => row,
        ListKey::Choose => return open(app),
        leaving @ (ListKey::Close | ListKey::Quit | ListKey::Suspend) => {
            return overlay_list::leave(app, leaving);
        }
        ListKey::Other(Command::SearchLibrary) => return start(app),
        ListKey::Other(_) => list.selected,
    };
    Vec::new()
}

/// Opens the highlighted hit: the article at its unit, through the resume the list's open uses
/// (or at once when that article is already open). While a big article is still being read,
/// another one waits: its result would race with that one's; the list stays open.
fn open(app: &mut App) -> Vec<Effect> {
    let Mode::Hits(list) = &app.mode else {
        return Vec::new();
    };
    let Some(hit) = list.hits.get(list.selected).cloned() else {
        return Vec::new();
    };
    if let Some(doc) = &app.doc
        && doc.loading.is_some()
        && doc.path != hit.path
    {
        say(
            app,
            "still loading the open article: open the hit once it is read".to_owned(),
        );
        return Vec::new();
    }
    app.mode = Mode::Normal;
    app.focus = Pane::Reading;
    if app.doc.as_ref().is_some_and(|doc| doc.path == hit.path) {
        move_cursor(app, hit.unit);
        return Vec::new();
    }
    app.resume = Some((hit.path.clone(), hit.unit));
    say(app, format!("opening {}", hit.path.display()));
    vec![Effect::OpenArticle(hit.path.clone())]
}
