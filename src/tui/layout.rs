//! Where each pane goes for a terminal size: three panes when wide, two when medium, the focused
//! one alone when narrow, and a "too small" message below a minimum.
//!
//! Pure arithmetic shared by the ui (to draw) and `update` (to page, scroll and hit-test clicks).

use ratatui::layout::Rect;

use super::app::{App, Pane};

/// Below this width nothing but the "too small" message is drawn.
pub const MIN_WIDTH: u16 = 20;
/// Below this height nothing but the "too small" message is drawn.
pub const MIN_HEIGHT: u16 = 6;
/// From this width all three panes fit side by side.
pub const WIDE: u16 = 120;
/// From this width two panes fit side by side.
pub const MEDIUM: u16 = 70;
/// Cells left of the reading text: the cursor mark, up to three tag letters and a space.
pub const GUTTER: u16 = 5;

/// The help overlay's widest.
pub const HELP_WIDTH: u16 = 86;

/// The rectangles of one frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    /// The article list, when shown.
    pub list: Option<Rect>,
    /// The reading pane, when shown.
    pub reading: Option<Rect>,
    /// The annotation pane, when shown.
    pub annotations: Option<Rect>,
    /// The status bar.
    pub status: Rect,
    /// The terminal is below the minimum size: only a message is drawn.
    pub too_small: bool,
    /// The widest the reading text is drawn.
    pub reading_width: u16,
}

impl Areas {
    /// The areas for `app` at its current size.
    pub fn of(app: &App) -> Areas {
        Areas::sized(app, app.size)
    }

    /// The areas for `app` at `width` x `height`.
    pub fn sized(app: &App, (width, height): (u16, u16)) -> Areas {
        let full = Rect::new(0, 0, width, height);
        if width < MIN_WIDTH || height < MIN_HEIGHT {
            return Areas {
                status: full,
                too_small: true,
                ..Areas::default()
            };
        }
        let status_rows = if app.message.is_some() { 2 } else { 1 };
        let body = Rect::new(0, 0, width, height - status_rows);
        let status = Rect::new(0, height - status_rows, width, status_rows);
        let shown = shown_panes(app, width);
        let mut areas = Areas {
            status,
            reading_width: app.reading_width,
            ..Areas::default()
        };
        let weights: Vec<u16> = shown
            .iter()
            .map(|pane| match pane {
                Pane::List => 26,
                Pane::Reading => 44,
                Pane::Annotations => 30,
            })
            .collect();
        let total: u16 = weights.iter().sum();
        let mut x = 0;
        for (i, (pane, weight)) in shown.iter().zip(&weights).enumerate() {
            let w = if i + 1 == shown.len() {
                width - x
            } else {
                (u32::from(width) * u32::from(*weight) / u32::from(total)) as u16
            };
            let rect = Rect::new(x, 0, w, body.height);
            x += w;
            match pane {
                Pane::List => areas.list = Some(rect),
                Pane::Reading => areas.reading = Some(rect),
                Pane::Annotations => areas.annotations = Some(rect),
            }
        }
        areas
    }

    /// The reading pane's text area (inside the border, right of the gutter, at most
    /// `reading_width` wide).
    pub fn reading_text(&self) -> Option<Rect> {
        let inner = reading_column(inner(self.reading?), self.reading_width);
        let gutter = GUTTER.min(inner.width);
        Some(Rect::new(
            inner.x + gutter,
            inner.y,
            inner.width - gutter,
            inner.height,
        ))
    }
}

/// The part of the reading pane's inside `inner` that the gutter and text take: all of it, or,
/// when the text would be wider than `width`, a column that wide (and the gutter) in the middle.
pub fn reading_column(inner: Rect, width: u16) -> Rect {
    let wanted = width.saturating_add(GUTTER);
    if inner.width <= wanted {
        return inner;
    }
    Rect {
        x: inner.x + (inner.width - wanted) / 2,
        width: wanted,
        ..inner
    }
}

/// `rect` without its one-cell border.
pub fn inner(rect: Rect) -> Rect {
    Rect::new(
        rect.x.saturating_add(1),
        rect.y.saturating_add(1),
        rect.width.saturating_sub(2),
        rect.height.saturating_sub(2),
    )
}

/// The panes shown at `width`, left to right.
fn shown_panes(app: &App, width: u16) -> Vec<Pane> {
    let list = app.show_list || app.focus == Pane::List;
    let notes = app.show_annotations || app.focus == Pane::Annotations;
    if width >= WIDE {
        let mut panes = Vec::with_capacity(3);
        if list {
            panes.push(Pane::List);
        }
        panes.push(Pane::Reading);
        if notes {
            panes.push(Pane::Annotations);
        }
        panes
    } else if width >= MEDIUM {
        match app.focus {
            Pane::List => vec![Pane::List, Pane::Reading],
            Pane::Annotations => vec![Pane::Reading, Pane::Annotations],
            Pane::Reading if app.show_list && (app.side == Pane::List || !app.show_annotations) => {
                vec![Pane::List, Pane::Reading]
            }
            Pane::Reading if app.show_annotations => vec![Pane::Reading, Pane::Annotations],
            Pane::Reading => vec![Pane::Reading],
        }
    } else {
        vec![app.focus]
    }
}

/// The config's problems as the help overlay shows them above the keys: a heading, each problem
/// wrapped to the overlay's width, and a blank row; nothing when there are none.
pub fn help_problem_rows(app: &App) -> Vec<String> {
    if app.problems.is_empty() {
        return Vec::new();
    }
    let width = usize::from(HELP_WIDTH.min(app.size.0).saturating_sub(4)).max(1);
    let mut rows = vec![" Problems with the config:".to_owned()];
    for problem in &app.problems {
        rows.extend(
            super::wrap::wrap(problem, width)
                .into_iter()
                .map(|range| format!("  {}", &problem[range])),
        );
    }
    rows.push(String::new());
    rows
}

/// How far the help overlay scrolls: far enough to show its last row at the bottom, no further.
pub fn help_scroll_limit(app: &App) -> usize {
    let total = help_problem_rows(app).len() + app.help.len();
    let visible = (total + 2).min(usize::from(app.size.1)).saturating_sub(2);
    total - visible
}

/// The note of the selected annotation as the annotation pane shows it in full below its list,
/// wrapped to `width`, at most `max` rows (the last ending in "…" when cut); empty when it has
/// no note. Only the start of a very long note is wrapped: what fits, not its length.
pub fn note_rows(app: &App, width: u16, max: usize) -> Vec<String> {
    let Some(doc) = &app.doc else {
        return Vec::new();
    };
    let Some((annotation, _)) = doc.annotations.get(doc.selected_annotation) else {
        return Vec::new();
    };
    let width = usize::from(width).max(1);
    let budget = 4 * width * (max + 1);
    let mut end = budget.min(annotation.note.len());
    while !annotation.note.is_char_boundary(end) {
        end -= 1;
    }
    let mut rows = Vec::new();
    for line in annotation.note[..end].split('\n') {
        let paragraph = crate::safe_text::for_terminal(line.trim_end());
        for range in super::wrap::wrap(&paragraph, width) {
            rows.push(paragraph[range].to_owned());
        }
    }
    if rows.iter().all(|row| row.trim().is_empty()) {
        return Vec::new();
    }
    if rows.len() > max || end < annotation.note.len() {
        rows.truncate(max);
        if let Some(last) = rows.last_mut() {
            *last = super::ui::fit(&format!("{last} …"), width);
            if !last.ends_with('…') {
                last.push('…');
            }
        }
    }
    rows
}

/// The rows of the annotation pane's inside `inner` given to the selected annotation's note: its
/// rows and a heading, at most half the pane; 0 without a note.
pub fn note_box_height(app: &App, inner: Rect) -> u16 {
    let max = usize::from(inner.height / 2).saturating_sub(1);
    if max == 0 {
        return 0;
    }
    let rows = note_rows(app, inner.width, max).len();
    if rows == 0 { 0 } else { (rows + 1) as u16 }
}

/// The annotations the annotation pane `rect` lists at once, two rows each, above the note.
pub fn annotation_capacity(app: &App, rect: Rect) -> usize {
    let inside = inner(rect);
    let height = inside.height - note_box_height(app, inside);
    (usize::from(height) / 2).max(1)
}

/// The first item shown of a list of `len` items, `capacity` at a time, keeping `selected` in
/// the middle when it can: derived from the selection alone, so drawing needs no scroll state.
pub fn window_start(selected: usize, len: usize, capacity: usize) -> usize {
    if len <= capacity {
        return 0;
    }
    selected
        .saturating_sub(capacity / 2)
        .min(len - capacity.max(1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::app::Clock;

    fn app(width: u16, height: u16, focus: Pane) -> App {
        let clock = Clock {
            now: time::OffsetDateTime::UNIX_EPOCH,
            new_id: String::new(),
        };
        let mut app = App::new(String::new(), Vec::new(), clock);
        app.size = (width, height);
        app.focus = focus;
        app
    }

    fn shown(areas: Areas) -> (bool, bool, bool) {
        (
            areas.list.is_some(),
            areas.reading.is_some(),
            areas.annotations.is_some(),
        )
    }

    #[rstest::rstest]
    #[case(160, Pane::Reading, (true, true, true))]
    #[case(120, Pane::List, (true, true, true))]
    #[case(100, Pane::Reading, (false, true, true))]
    #[case(100, Pane::List, (true, true, false))]
    #[case(70, Pane::Annotations, (false, true, true))]
    #[case(69, Pane::Reading, (false, true, false))]
    #[case(40, Pane::List, (true, false, false))]
    #[case(20, Pane::Annotations, (false, false, true))]
    fn panes_collapse_with_the_width(
        #[case] width: u16,
        #[case] focus: Pane,
        #[case] expected: (bool, bool, bool),
    ) {
        assert_eq!(shown(Areas::of(&app(width, 30, focus))), expected);
    }

    #[test]
    fn below_the_minimum_only_a_message() {
        for (width, height) in [(19, 30), (80, 5), (1, 1), (0, 0)] {
            let areas = Areas::of(&app(width, height, Pane::Reading));
            assert!(areas.too_small);
            assert_eq!(shown(areas), (false, false, false));
        }
    }

    #[test]
    fn panes_tile_the_width_exactly() {
        for width in MIN_WIDTH..300 {
            let areas = Areas::of(&app(width, 30, Pane::Reading));
            let total: u16 = [areas.list, areas.reading, areas.annotations]
                .into_iter()
                .flatten()
                .map(|rect| rect.width)
                .sum();
            assert_eq!(total, width);
        }
    }
}
