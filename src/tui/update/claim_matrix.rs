//! The outlet-by-claim matrix while it is open: `M` asks the runtime for the library's claim
//! groups; keys move over rows (groups) and columns (articles), sort the rows (`s` cycles;
//! `1` by outlets, `2` by conflicts), show only conflicts (`3`), open a cell's unit (Enter),
//! accept a suggestion (`y`), dismiss it or unlink a cell from a linked group (`r`), and type a
//! label (`a`, Enter to keep it: a relabel, or an accept under that label). Every change is
//! written by the runtime, and the matrix is worked out again when it is done.

use crate::claims::matrix::Order;
use crate::tui::action::Input;
use crate::tui::app::{App, Mode, Pane};
use crate::tui::claim_matrix::MatrixView;
use crate::tui::command::Command;
use crate::tui::effect::{ClaimEdit, Effect};

use super::message::{say, say_error};
use super::movement::move_cursor;

/// Rows a page key moves.
const PAGE: isize = 10;

/// `M`: asks for the claim groups of the library's articles.
pub fn show(app: &mut App) -> Vec<Effect> {
    let articles: Vec<_> = app
        .library
        .entries
        .iter()
        .filter(|entry| entry.error.is_none())
        .map(|entry| entry.path.clone())
        .collect();
    if articles.is_empty() {
        say(app, "no articles to compare".to_owned());
        return Vec::new();
    }
    say(app, "comparing the tagged articles…".to_owned());
    vec![Effect::LoadMatrix(articles)]
}

/// The groups arrived: the view opens (or replaces the open one, keeping its order, filter and
/// place).
pub fn loaded(app: &mut App, view: Result<MatrixView, String>) -> Vec<Effect> {
    match view {
        Ok(mut view) => {
            if let Mode::Matrix(old) = &app.mode {
                view.sort(old.order);
                if old.conflicts_only {
                    view.toggle_conflicts();
                }
                view.row = old.row.min(view.shown.len().saturating_sub(1));
                view.step_column(0);
                view.column = old.column.min(view.library.columns.len().saturating_sub(1));
            }
            let groups = view.all.len();
            app.message = None;
            if groups == 0 {
                say(
                    app,
                    "no claim groups: tag the same claims in several articles".to_owned(),
                );
            }
            app.mode = Mode::Matrix(view);
        }
        Err(message) => say_error(app, format!("cannot compare outlets: {message}")),
    }
    Vec::new()
}

/// A change of links is done: said, and the matrix worked out again.
pub fn changed(app: &mut App, result: Result<String, String>) -> Vec<Effect> {
    match result {
        Ok(done) => say(app, done),
        Err(problem) => say_error(app, problem),
    }
    if let Mode::Matrix(view) = &app.mode {
        return vec![Effect::LoadMatrix(view.files.to_vec())];
    }
    Vec::new()
}

/// A command while the matrix is open.
pub fn command(app: &mut App, command: Command) -> Vec<Effect> {
    let Mode::Matrix(view) = &mut app.mode else {
        return Vec::new();
    };
    if view.label.is_some() {
        if command == Command::Cancel {
            view.label = None;
        }
        return Vec::new();
    }
    match command {
        Command::NextUnit => view.step_row(1),
        Command::PrevUnit => view.step_row(-1),
        Command::HalfPageDown | Command::PageDown => view.step_row(PAGE),
        Command::HalfPageUp | Command::PageUp => view.step_row(-PAGE),
        Command::FirstUnit => view.row = 0,
        Command::LastUnit => view.step_row(isize::MAX),
        Command::FocusLeft | Command::PrevPane => view.step_column(-1),
        Command::FocusRight | Command::NextPane => view.step_column(1),
        Command::CycleSort => {
            let next = view.next_order();
            view.sort(next);
        }
        Command::EditNote => {
            view.label = view.current_group().map(|g| g.label.clone());
        }
        Command::Open => return open(app),
        Command::Accept => return accept(app, None),
        Command::Reject => return reject(app),
        Command::Cancel => app.mode = Mode::Normal,
        Command::Quit => {
            app.mode = Mode::Normal;
            return super::run(app, Command::Quit);
        }
        Command::Suspend => return vec![Effect::Suspend],
        Command::NextParagraph
        | Command::PrevParagraph
        | Command::NextAnnotation
        | Command::PrevAnnotation
        | Command::ToggleClaim
        | Command::ToggleDenial
        | Command::ToggleQuote
        | Command::RemoveAnnotation
        | Command::ToggleSelection
        | Command::Undo
        | Command::Redo
        | Command::StartSearch
        | Command::SearchLibrary
        | Command::NextMatch
        | Command::PrevMatch
        | Command::Export
        | Command::ToggleList
        | Command::ToggleAnnotations
        | Command::ToggleHelp
        | Command::ShowDisagreements
        | Command::EditSpeaker
        | Command::ReviewChanges
        | Command::ReattachTag
        | Command::KeepOrphan
        | Command::ToggleMoved
        | Command::ToggleProposals
        | Command::NextProposal
        | Command::PrevProposal
        | Command::ShowMatrix => {}
    }
    Vec::new()
}

/// A digit (sorting, the conflicts filter) or, while a label is typed, the label's keys.
pub fn input(app: &mut App, input: Input) -> Vec<Effect> {
    let Mode::Matrix(view) = &mut app.mode else {
        return Vec::new();
    };
    if let Some(label) = &mut view.label {
        match input {
            Input::Enter => {
                let label = label.trim().to_owned();
                view.label = None;
                return relabel(app, label);
            }
            Input::Backspace => {
                label.pop();
            }
            Input::Char(c) => label.push(c),
            Input::Delete
            | Input::Left
            | Input::Right
            | Input::Up
            | Input::Down
            | Input::Home
            | Input::End
            | Input::Tab
            | Input::BackTab => {}
        }
        return Vec::new();
    }
    match input {
        Input::Char('1') => view.sort(Order::Outlets),
        Input::Char('2') => view.sort(Order::Conflicts),
        Input::Char('0') => view.sort(Order::Groups),
        Input::Char('3') => view.toggle_conflicts(),
        _ => {}
    }
    Vec::new()
}

/// Enter: the highlighted cell's unit, in its article.
fn open(app: &mut App) -> Vec<Effect> {
    let Mode::Matrix(view) = &app.mode else {
        return Vec::new();
    };
    let Some((path, unit)) = view.target() else {
        say(app, "no unit of this group in this article".to_owned());
        return Vec::new();
    };
    if let Some(doc) = &app.doc
        && doc.loading.is_some()
        && doc.path != path
    {
        say(
            app,
            "still loading the open article: open the unit once it is read".to_owned(),
        );
        return Vec::new();
    }
    app.mode = Mode::Normal;
    app.focus = Pane::Reading;
    if app.doc.as_ref().is_some_and(|doc| doc.path == path) {
        move_cursor(app, unit);
        return Vec::new();
    }
    app.resume = Some((path.clone(), unit));
    say(app, format!("opening {}", path.display()));
    vec![Effect::OpenArticle(path)]
}

/// `y`: the highlighted suggestion becomes a linked group, under `label` or its own.
fn accept(app: &mut App, label: Option<String>) -> Vec<Effect> {
    let Mode::Matrix(view) = &app.mode else {
        return Vec::new();
    };
    let Some(group) = view.current_group() else {
        return Vec::new();
    };
    if !view.on_suggestion() {
        say(
            app,
            "this group is linked already: a relabels it, r unlinks a cell".to_owned(),
        );
        return Vec::new();
    }
    let edit = ClaimEdit::Link {
        members: view.members_by_file(),
        id: group.id.clone(),
        label: label.unwrap_or_else(|| group.label.clone()),
    };
    say(app, "linking…".to_owned());
    vec![Effect::EditClaims(edit)]
}

/// `r`: a suggestion is dismissed for good; in a linked group, the highlighted cell's members
/// leave the group.
fn reject(app: &mut App) -> Vec<Effect> {
    let Mode::Matrix(view) = &mut app.mode else {
        return Vec::new();
    };
    let Some(group) = view.current_group() else {
        return Vec::new();
    };
    let id = group.id.clone();
    if view.on_suggestion() {
        view.drop_current();
        return vec![Effect::EditClaims(ClaimEdit::Dismiss { id })];
    }
    let Some(cell) = view.current().and_then(|row| row.cell(view.column)) else {
        say(
            app,
            "no unit of this group in this article to unlink".to_owned(),
        );
        return Vec::new();
    };
    let members = cell
        .members
        .iter()
        .filter_map(|&m| {
            let unit = &view.library.units[m];
            Some((
                view.files.get(unit.article)?.clone(),
                vec![unit.key.clone()],
            ))
        })
        .collect();
    vec![Effect::EditClaims(ClaimEdit::Unlink { members, id })]
}

/// The label typed: a linked group is relabelled on every member; a suggestion is accepted
/// under it.
fn relabel(app: &mut App, label: String) -> Vec<Effect> {
    let Mode::Matrix(view) = &app.mode else {
        return Vec::new();
    };
    if label.is_empty() {
        say(app, "a label needs some text".to_owned());
        return Vec::new();
    }
    if view.on_suggestion() {
        return accept(app, Some(label));
    }
    let Some(group) = view.current_group() else {
        return Vec::new();
    };
    let edit = ClaimEdit::Relabel {
        files: view.members_by_file().into_iter().map(|(f, _)| f).collect(),
        id: group.id.clone(),
        label,
    };
    vec![Effect::EditClaims(edit)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::{Column, Library, Unit, groups};
    use crate::tui::app::App;
    use std::collections::HashSet;
    use std::path::PathBuf;

    fn view() -> MatrixView {
        let texts = [
            (0, "Around 300 soldiers were killed in Kursk."),
            (1, "Some 300 soldiers were killed in Kursk, officials said."),
            (2, "At least 100 soldiers were killed in Kursk."),
            (0, "The mayor of Tarn closed the old bridge for repairs."),
            (
                1,
                "Tarn's mayor closed the old bridge for repairs on Friday.",
            ),
        ];
        let library = Library {
            columns: (0..3)
                .map(|i| Column {
                    file: format!("/lib/{i}.txt"),
                    outlet: format!("Outlet {i}"),
                })
                .collect(),
            units: texts
                .iter()
                .enumerate()
                .map(|(i, (article, text))| Unit {
                    article: *article,
                    key: format!("k{i}"),
                    text: (*text).to_owned(),
                    index: i,
                    ..Unit::default()
                })
                .collect(),
        };
        let found = groups(&library.units, &HashSet::new());
        let files = (0..3)
            .map(|i| PathBuf::from(format!("/lib/{i}.txt")))
            .collect();
        MatrixView::new(library, found, files)
    }

    fn app_with(view: MatrixView) -> App {
        let clock = crate::tui::app::Clock {
            now: time::OffsetDateTime::UNIX_EPOCH,
            new_id: String::new(),
        };
        let mut app = App::new(String::new(), Vec::new(), clock);
        app.mode = Mode::Matrix(view);
        app
    }

    /// Effects as text: they hold articles, which do not compare.
    fn shown(effects: &[Effect]) -> String {
        format!("{effects:?}")
    }

    fn matrix(app: &App) -> &MatrixView {
        match &app.mode {
            Mode::Matrix(view) => view,
            other => panic!("not the matrix: {other:?}"),
        }
    }

    #[test]
    fn keys_move_sort_and_filter() {
        let mut app = app_with(view());
        assert_eq!(matrix(&app).shown.len(), 2);
        update_all(
            &mut app,
            &[
                Command::NextUnit,
                Command::FocusRight,
                Command::FocusRight,
                Command::FocusRight,
            ],
        );
        assert_eq!((matrix(&app).row, matrix(&app).column), (1, 2));
        input(&mut app, Input::Char('3'));
        assert_eq!(
            matrix(&app).shown.len(),
            1,
            "only the group with a conflict"
        );
        assert_eq!(matrix(&app).current().unwrap().conflicts, 1);
        input(&mut app, Input::Char('3'));
        input(&mut app, Input::Char('2'));
        assert_eq!(matrix(&app).order, Order::Conflicts);
        assert_eq!(
            matrix(&app).current().unwrap().conflicts,
            1,
            "the highlight follows its group"
        );
        command(&mut app, Command::Cancel);
        assert_eq!(app.mode, Mode::Normal);
    }

    fn update_all(app: &mut App, commands: &[Command]) {
        for c in commands {
            command(app, *c);
        }
    }

    #[test]
    fn accept_links_the_members_and_reject_dismisses_for_good() {
        let mut app = app_with(view());
        let id = matrix(&app).current_group().unwrap().id.clone();
        let effects = command(&mut app, Command::Accept);
        assert_eq!(
            shown(&effects),
            shown(&[Effect::EditClaims(ClaimEdit::Link {
                members: vec![
                    (PathBuf::from("/lib/0.txt"), vec!["k0".to_owned()]),
                    (PathBuf::from("/lib/1.txt"), vec!["k1".to_owned()]),
                    (PathBuf::from("/lib/2.txt"), vec!["k2".to_owned()]),
                ],
                id: id.clone(),
                label: "300 killed".to_owned(),
            })])
        );
        let effects = command(&mut app, Command::Reject);
        assert_eq!(
            shown(&effects),
            shown(&[Effect::EditClaims(ClaimEdit::Dismiss { id })])
        );
        assert_eq!(
            matrix(&app).shown.len(),
            1,
            "the dismissed row leaves at once"
        );
    }

    #[test]
    fn a_typed_label_accepts_a_suggestion_under_it() {
        let mut app = app_with(view());
        command(&mut app, Command::EditNote);
        assert_eq!(matrix(&app).label.as_deref(), Some("300 killed"));
        for _ in 0.."300 killed".len() {
            input(&mut app, Input::Backspace);
        }
        for c in "Kursk toll".chars() {
            input(&mut app, Input::Char(c));
        }
        let effects = input(&mut app, Input::Enter);
        assert!(
            matches!(
                &effects[..],
                [Effect::EditClaims(ClaimEdit::Link { label, .. })] if label == "Kursk toll"
            ),
            "{effects:?}"
        );
    }

    #[test]
    fn enter_opens_the_cell_in_its_article() {
        let mut app = app_with(view());
        command(&mut app, Command::FocusRight);
        let effects = command(&mut app, Command::Open);
        assert_eq!(
            shown(&effects),
            shown(&[Effect::OpenArticle(PathBuf::from("/lib/1.txt"))])
        );
        assert_eq!(app.resume, Some((PathBuf::from("/lib/1.txt"), 1)));
        assert_eq!(app.mode, Mode::Normal);
    }
}
