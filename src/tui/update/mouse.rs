//! The mouse: a click selects what is under it, the wheel moves through the pane under it.

use ratatui::layout::{Position, Rect};

use crate::tui::app::{App, Mode, Pane};
use crate::tui::effect::Effect;
use crate::tui::layout::{Areas, annotation_capacity, inner, window_start};
use crate::tui::scroll::Rows;

use super::movement::{list_capacity, move_cursor, select_annotation, step};

/// Lines the wheel moves per notch.
const WHEEL_STEP: isize = 3;

fn pane_at(areas: &Areas, column: u16, row: u16) -> Option<(Pane, Rect)> {
    let at = Position::new(column, row);
    [
        (Pane::List, areas.list),
        (Pane::Reading, areas.reading),
        (Pane::Annotations, areas.annotations),
    ]
    .into_iter()
    .find_map(|(pane, rect)| rect.filter(|r| r.contains(at)).map(|r| (pane, r)))
}

/// A click: focus the pane under it and select the article, unit or annotation there.
pub fn click(app: &mut App, column: u16, row: u16) -> Vec<Effect> {
    if !matches!(app.mode, Mode::Normal) {
        return Vec::new();
    }
    let areas = Areas::of(app);
    let Some((pane, rect)) = pane_at(&areas, column, row) else {
        return Vec::new();
    };
    if pane != Pane::Reading || app.doc.is_some() {
        app.focus = pane;
    }
    let body = inner(rect);
    if !body.contains(Position::new(column, row)) {
        return Vec::new();
    }
    let line = usize::from(row - body.y);
    match pane {
        Pane::List => {
            let len = app.library.visible.len();
            let capacity = list_capacity(rect);
            let index = window_start(app.library.selected, len, capacity) + line / 2;
            if index < len {
                app.library.selected = index;
            }
        }
        Pane::Annotations => {
            let Some(doc) = app.doc.as_ref() else {
                return Vec::new();
            };
            let len = doc.annotations.len();
            let capacity = annotation_capacity(app, rect);
            let index = window_start(doc.selected_annotation, len, capacity) + line / 2;
            if index < len {
                select_annotation(app, index);
            }
        }
        Pane::Reading => {
            let Some(text) = areas.reading_text() else {
                return Vec::new();
            };
            let Some(doc) = app.doc.as_ref() else {
                return Vec::new();
            };
            let rows = Rows::new(&doc.article, usize::from(text.width));
            if let Some(unit) = rows.unit_at(doc.top, line) {
                move_cursor(app, unit);
            }
        }
    }
    Vec::new()
}

/// The wheel over a pane moves through it without changing focus.
pub fn scroll(app: &mut App, column: u16, row: u16, down: bool) -> Vec<Effect> {
    if !matches!(app.mode, Mode::Normal) {
        return Vec::new();
    }
    let areas = Areas::of(app);
    let Some((pane, _)) = pane_at(&areas, column, row) else {
        return Vec::new();
    };
    let focus = app.focus;
    app.focus = pane;
    let delta = if down { WHEEL_STEP } else { -WHEEL_STEP };
    let effects = step(
        app,
        if pane == Pane::Reading {
            delta
        } else {
            delta.signum()
        },
    );
    app.focus = focus;
    effects
}
