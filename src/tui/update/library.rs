//! The article list: entries arriving from the background, filtering, sorting, opening.

use crate::tui::app::{App, Entry, Pane, Sort};
use crate::tui::effect::Effect;

use super::message::say;

/// Entries read in the background: add them (or replace an entry for the same path).
pub fn loaded(app: &mut App, entries: Vec<Entry>, done: bool) -> Vec<Effect> {
    // Until the list has entries, the open article is the one to select.
    let selected = selected_path(app).or_else(|| app.doc.as_ref().map(|doc| doc.path.clone()));
    for entry in entries {
        let open_counts = app
            .doc
            .as_ref()
            .filter(|doc| doc.path == entry.path)
            .map(|doc| doc.counts());
        let mut entry = entry;
        for speaker in std::mem::take(&mut entry.speakers) {
            app.speakers.add(&speaker);
        }
        if let Some(counts) = open_counts {
            entry.counts = counts;
        }
        let library = &mut app.library;
        match library.index.get(&entry.path) {
            Some(&at) => {
                library.entries[at] = entry;
                library.read += 1;
            }
            None => {
                library
                    .index
                    .insert(entry.path.clone(), library.entries.len());
                library.entries.push(entry);
            }
        }
    }
    app.library.loading = !done;
    refresh(app, selected);
    Vec::new()
}

fn selected_path(app: &App) -> Option<std::path::PathBuf> {
    app.selected_entry().map(|entry| entry.path.clone())
}

/// Recomputes the shown entries from the filter and the sort, keeping the selected article.
pub fn refresh(app: &mut App, keep: Option<std::path::PathBuf>) {
    let filter = app.library.filter.to_lowercase();
    let library = &mut app.library;
    let mut visible: Vec<usize> = (0..library.entries.len())
        .filter(|&i| filter.is_empty() || library.entries[i].title.to_lowercase().contains(&filter))
        .collect();
    let entries = &library.entries;
    match library.sort {
        // By what the list shows, so the order can be seen: title, then outlet.
        Sort::Name => visible.sort_by_cached_key(|&i| {
            let entry = &entries[i];
            (
                entry.title.to_lowercase(),
                entry.outlet().to_lowercase(),
                entry.path.clone(),
            )
        }),
        Sort::Date => visible.sort_by(|&a, &b| {
            let (x, y) = (&entries[a], &entries[b]);
            x.date
                .is_none()
                .cmp(&y.date.is_none())
                .then_with(|| y.date.cmp(&x.date))
                .then_with(|| x.path.cmp(&y.path))
        }),
    }
    library.visible = visible;
    library.selected = keep
        .and_then(|path| {
            library
                .visible
                .iter()
                .position(|&i| library.entries[i].path == path)
        })
        .unwrap_or(library.selected)
        .min(library.visible.len().saturating_sub(1));
}

/// Sorts by date, then by title.
pub fn cycle_sort(app: &mut App) -> Vec<Effect> {
    app.library.sort = match app.library.sort {
        Sort::Name => Sort::Date,
        Sort::Date => Sort::Name,
    };
    let text = match app.library.sort {
        Sort::Name => "articles sorted by title",
        Sort::Date => "articles sorted by date, newest first",
    };
    let keep = selected_path(app);
    refresh(app, keep);
    say(app, text.to_owned());
    Vec::new()
}

/// Sets the title filter.
pub fn set_filter(app: &mut App, filter: String) {
    let keep = selected_path(app);
    app.library.filter = filter;
    refresh(app, keep);
}

/// Opens the selected article (or focuses it when it is already open).
pub fn open_selected(app: &mut App) -> Vec<Effect> {
    let Some(path) = selected_path(app) else {
        return Vec::new();
    };
    if app.doc.as_ref().is_some_and(|doc| doc.path == path) {
        app.focus = Pane::Reading;
        return Vec::new();
    }
    say(app, format!("opening {}", path.display()));
    vec![Effect::OpenArticle(path)]
}
