//! Drawing a frame from `&App`: each pane is a small widget in `ui/` that borrows the state.
//!
//! Nothing here reads files, allocates per document or can fail: the work is proportional to the
//! cells on screen. Every string that came from a file is shown by the rule of
//! [`crate::safe_text`] (unit text already is) so no control code, bidi control or zero-width
//! character reaches the terminal.

mod annotation_pane;
mod article_list;
mod claim_matrix;
mod disagreements;
mod export_menu;
mod fit;
mod help;
mod hits;
mod note_editor;
mod reading_pane;
mod review;
mod search;
mod status_bar;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use super::app::{App, Mode, Pane};
use super::layout::Areas;
use super::theme::Theme;
use crate::safe_text;

pub use annotation_pane::AnnotationPane;
pub use article_list::ArticleList;
pub use claim_matrix::ClaimMatrix;
pub use disagreements::Disagreements;
pub use export_menu::ExportMenu;
pub use fit::fit;
pub use help::Help;
pub use hits::Hits;
pub use note_editor::NoteEditor;
pub use reading_pane::ReadingPane;
pub use review::Review;
pub use status_bar::StatusBar;

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    render(app, theme, area, frame.buffer_mut());
}

/// Draws the whole screen into `buf` (the frame's buffer, or a test's).
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let sized = Areas::sized(app, (area.width, area.height));
    if sized.too_small {
        Paragraph::new("terminal too small for sidenote: make it at least 20x6")
            .wrap(Wrap { trim: true })
            .style(theme.error)
            .render(area, buf);
        return;
    }
    if let Some(rect) = sized.list {
        ArticleList::new(app, theme, app.focus == Pane::List).render(rect, buf);
    }
    if let Some(rect) = sized.reading {
        ReadingPane::new(app, theme, app.focus == Pane::Reading).render(rect, buf);
    }
    if let Some(rect) = sized.annotations {
        AnnotationPane::new(app, theme, app.focus == Pane::Annotations).render(rect, buf);
    }
    StatusBar::new(app, theme).render(sized.status, buf);
    match &app.mode {
        Mode::Help { scroll } => {
            let problems = super::layout::help_problem_rows(app);
            Help::new(&app.help, problems, *scroll, theme).render(area, buf);
        }
        Mode::Note { editor, units } => NoteEditor::new(editor, *units, theme).render(area, buf),
        Mode::Export { library, selected } => {
            let scope = if *library {
                match app.library.visible.len() {
                    1 => " Export 1 article as ".to_owned(),
                    n => format!(" Export {n} articles as "),
                }
            } else {
                " Export this article as ".to_owned()
            };
            ExportMenu::new(&app.export_formats, *selected, scope, theme).render(area, buf);
        }
        Mode::Disagreements(view) => {
            if let Some(doc) = &app.doc {
                Disagreements::new(view, &doc.article, theme).render(area, buf);
            }
        }
        Mode::Hits(list) => Hits::new(list, theme).render(area, buf),
        Mode::Matrix(view) => ClaimMatrix::new(view, theme).render(area, buf),
        Mode::Review(view) => {
            // Above the status bar, so the cursor unit stays in sight.
            let above = Rect::new(area.x, area.y, area.width, sized.status.y - area.y);
            Review::new(view, &app.help, theme).render(above, buf);
        }
        Mode::Normal
        | Mode::Search { .. }
        | Mode::Filter { .. }
        | Mode::LibraryQuery { .. }
        | Mode::Speaker(_) => {}
    }
}

/// `text` on one line: whitespace runs folded, then shown by the rule of [`safe_text`].
pub fn one_line(text: &str) -> String {
    let folded = text.split_whitespace().collect::<Vec<_>>().join(" ");
    safe_text::for_terminal(&folded).into_owned()
}

/// A pane's frame, highlighted when focused.
pub fn pane_block<'a>(title: Line<'a>, focused: bool, theme: &Theme) -> Block<'a> {
    let style = if focused { theme.focus } else { theme.border };
    Block::bordered()
        .border_style(style)
        .title(title.style(Style::default()).patch_style(style))
}

/// A centred box of at most `width` x `height` inside `area`, cleared.
pub fn popup(area: Rect, width: u16, height: u16, buf: &mut Buffer) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    let rect = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    );
    Clear.render(rect, buf);
    rect
}

/// The start of `text` on one line, at most about `max` bytes of it: long notes and excerpts
/// cost what fits on screen, not their length.
pub fn clip(text: &str, max: usize) -> String {
    let mut end = max.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    one_line(&text[..end])
}
