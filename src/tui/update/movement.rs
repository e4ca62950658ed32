//! Moving: the reading cursor, the list selections, panes and the selection of units.

use crate::tui::app::{App, Pane};
use crate::tui::effect::Effect;
use crate::tui::layout::{Areas, GUTTER, inner};
use crate::tui::scroll::Rows;

/// The reading text's width and height, also when the reading pane is hidden.
pub fn reading_size(app: &App) -> (usize, usize) {
    match Areas::of(app).reading_text() {
        Some(rect) => (usize::from(rect.width), usize::from(rect.height)),
        None => (
            usize::from(app.size.0.saturating_sub(2 + GUTTER).min(app.reading_width)),
            usize::from(app.size.1.saturating_sub(3)),
        ),
    }
}

/// Scrolls the reading pane so the cursor is in sight.
pub fn follow(app: &mut App) {
    let (width, height) = reading_size(app);
    if let Some(doc) = app.doc.as_mut() {
        let rows = Rows::new(&doc.article, width);
        doc.top = rows.follow(doc.top, doc.cursor, height);
    }
}

/// Puts the cursor on `unit` (clamped), selects its annotation, and scrolls to it.
pub fn move_cursor(app: &mut App, unit: usize) {
    let Some(doc) = app.doc.as_mut() else {
        return;
    };
    let last = doc.article.units().len().saturating_sub(1);
    doc.cursor = unit.min(last);
    if let Some(index) = doc.annotations.index_at_unit(doc.cursor) {
        doc.selected_annotation = index;
    }
    follow(app);
}

/// One step down (`delta` 1) or up (-1) in the focused pane.
pub fn step(app: &mut App, delta: isize) -> Vec<Effect> {
    match app.focus {
        Pane::List => {
            let len = app.library.visible.len();
            app.library.selected = offset(app.library.selected, delta, len);
        }
        Pane::Annotations => {
            if let Some(doc) = app.doc.as_ref() {
                let index = offset(doc.selected_annotation, delta, doc.annotations.len());
                select_annotation(app, index);
            }
        }
        Pane::Reading => {
            if let Some(doc) = app.doc.as_ref() {
                let unit = offset(doc.cursor, delta, doc.article.units().len());
                move_cursor(app, unit);
            }
        }
    }
    Vec::new()
}

fn offset(at: usize, delta: isize, len: usize) -> usize {
    at.saturating_add_signed(delta).min(len.saturating_sub(1))
}

/// Selects annotation `index` and moves the reading cursor to its first unit.
pub fn select_annotation(app: &mut App, index: usize) {
    let Some(doc) = app.doc.as_mut() else {
        return;
    };
    doc.selected_annotation = index.min(doc.annotations.len().saturating_sub(1));
    let first = doc
        .annotations
        .get(doc.selected_annotation)
        .and_then(|(_, placement)| placement.units)
        .map(|(first, _)| first);
    if let Some(first) = first {
        doc.cursor = first;
        follow(app);
    }
}

/// To the next paragraph's first unit, or back to this (or the previous) paragraph's first.
pub fn paragraph(app: &mut App, down: bool) -> Vec<Effect> {
    let Some(doc) = app.doc.as_ref() else {
        return Vec::new();
    };
    let units = doc.article.units();
    let Some(here) = units.get(doc.cursor) else {
        return Vec::new();
    };
    // Units are in paragraph order, so both ends are binary searches, whatever the length of
    // the paragraph (a 50 MB one-line file is one paragraph).
    let target = if down {
        units
            .partition_point(|u| u.paragraph <= here.paragraph)
            .min(units.len() - 1)
    } else {
        let start = first_of_paragraph(units, doc.cursor);
        if start < doc.cursor || start == 0 {
            start
        } else {
            first_of_paragraph(units, start - 1)
        }
    };
    move_cursor(app, target);
    Vec::new()
}

fn first_of_paragraph(units: &[crate::article::Unit], unit: usize) -> usize {
    let paragraph = units[unit].paragraph;
    units.partition_point(|u| u.paragraph < paragraph)
}

/// To the first or last item of the focused pane.
pub fn jump(app: &mut App, end: bool) -> Vec<Effect> {
    let far = if end { isize::MAX } else { isize::MIN };
    match app.focus {
        Pane::List => {
            let len = app.library.visible.len();
            app.library.selected = if end { len.saturating_sub(1) } else { 0 };
        }
        Pane::Annotations => {
            let index = if end { usize::MAX } else { 0 };
            select_annotation(app, index);
        }
        Pane::Reading => {
            if let Some(doc) = app.doc.as_ref() {
                let unit = offset(doc.cursor, far, doc.article.units().len());
                move_cursor(app, unit);
            }
        }
    }
    Vec::new()
}

/// Half a page down or up in the focused pane.
pub fn half_page(app: &mut App, down: bool) -> Vec<Effect> {
    let (width, height) = reading_size(app);
    match app.focus {
        Pane::Reading => {
            if let Some(doc) = app.doc.as_ref() {
                let unit = Rows::new(&doc.article, width).half_page(doc.cursor, height, down);
                move_cursor(app, unit);
            }
        }
        Pane::List | Pane::Annotations => {
            // Both lists show two rows per item.
            let items = (height / 4).max(1) as isize;
            step(app, if down { items } else { -items });
        }
    }
    Vec::new()
}

/// A page down or up in the focused pane, as Space and `b` in less.
pub fn page(app: &mut App, down: bool) -> Vec<Effect> {
    let (width, height) = reading_size(app);
    match app.focus {
        Pane::Reading => {
            if let Some(doc) = app.doc.as_ref() {
                // Two half pages of this height: a whole page, less the row that joins them.
                let unit = Rows::new(&doc.article, width).half_page(doc.cursor, 2 * height, down);
                move_cursor(app, unit);
            }
        }
        Pane::List | Pane::Annotations => {
            let items = (height / 2).max(1) as isize;
            step(app, if down { items } else { -items });
        }
    }
    Vec::new()
}

/// Focuses the pane left or right of the focused one, in screen order; none past the edges.
pub fn focus_side(app: &mut App, right: bool) -> Vec<Effect> {
    let order = if app.doc.is_some() {
        vec![Pane::List, Pane::Reading, Pane::Annotations]
    } else {
        vec![Pane::List]
    };
    let at = order.iter().position(|p| *p == app.focus).unwrap_or(0);
    let next = if right {
        (at + 1).min(order.len() - 1)
    } else {
        at.saturating_sub(1)
    };
    app.focus = order[next];
    follow(app);
    Vec::new()
}

/// To the next or previous annotation after or before the cursor.
pub fn annotation(app: &mut App, down: bool) -> Vec<Effect> {
    let Some(doc) = app.doc.as_ref() else {
        return Vec::new();
    };
    let cursor = doc.cursor;
    let firsts = doc
        .annotations
        .iter()
        .enumerate()
        .filter_map(|(i, (_, placement))| placement.units.map(|(first, _)| (i, first)));
    let found = if down {
        firsts
            .filter(|&(_, first)| first > cursor)
            .min_by_key(|&(_, f)| f)
    } else {
        let here = doc.annotations.index_at_unit(cursor);
        firsts
            .filter(|&(i, first)| first < cursor && Some(i) != here)
            .max_by_key(|&(_, f)| f)
    };
    if let Some((index, _)) = found {
        select_annotation(app, index);
    }
    Vec::new()
}

/// To the next or previous search match, wrapping around.
pub fn next_match(app: &mut App, down: bool) -> Vec<Effect> {
    let Some(doc) = app.doc.as_mut() else {
        return Vec::new();
    };
    let len = doc.search.matches.len();
    if len == 0 {
        return Vec::new();
    }
    let cursor = doc.cursor;
    let next = match doc.search.current {
        Some(current) if down => (current + 1) % len,
        Some(current) => (current + len - 1) % len,
        None if down => doc.search.matches.partition_point(|&u| u <= cursor) % len,
        None => (doc.search.matches.partition_point(|&u| u < cursor) + len - 1) % len,
    };
    doc.search.current = Some(next);
    let unit = doc.search.matches[next];
    move_cursor(app, unit);
    Vec::new()
}

/// Starts a selection at the cursor, or ends the one being made.
pub fn toggle_selection(app: &mut App) -> Vec<Effect> {
    if let Some(doc) = app.doc.as_mut() {
        doc.selection_start = match doc.selection_start {
            Some(_) => None,
            None => Some(doc.cursor),
        };
    }
    Vec::new()
}

/// Focuses the next or previous shown pane; the reading pane needs an open article.
pub fn cycle_pane(app: &mut App, forward: bool) -> Vec<Effect> {
    let order = if app.doc.is_some() {
        vec![Pane::List, Pane::Reading, Pane::Annotations]
    } else {
        vec![Pane::List]
    };
    let at = order.iter().position(|p| *p == app.focus).unwrap_or(0);
    let next = if forward {
        (at + 1) % order.len()
    } else {
        (at + order.len() - 1) % order.len()
    };
    app.focus = order[next];
    follow(app);
    Vec::new()
}

/// Shows or hides the list or annotation pane. A pane that is wanted but not on screen (a
/// medium screen has room for one of the two beside the reading pane) is brought in rather than
/// marked hidden, and the other stays wanted, so widening the terminal shows both again.
pub fn toggle_pane(app: &mut App, pane: Pane) -> Vec<Effect> {
    let shown = pane_shown(app, pane);
    let wanted = match pane {
        Pane::List => &mut app.show_list,
        Pane::Annotations => &mut app.show_annotations,
        Pane::Reading => return Vec::new(),
    };
    if shown {
        *wanted = false;
    } else {
        *wanted = true;
        app.side = pane;
    }
    if !pane_shown(app, app.focus) && app.doc.is_some() {
        app.focus = Pane::Reading;
    }
    follow(app);
    Vec::new()
}

/// Whether `pane` is on screen.
pub fn pane_shown(app: &App, pane: Pane) -> bool {
    let areas = Areas::of(app);
    match pane {
        Pane::List => areas.list.is_some(),
        Pane::Reading => areas.reading.is_some(),
        Pane::Annotations => areas.annotations.is_some(),
    }
}

/// The number of items a list pane of `rect`'s size shows, at two rows per item.
pub fn list_capacity(rect: ratatui::layout::Rect) -> usize {
    (usize::from(inner(rect).height) / 2).max(1)
}
