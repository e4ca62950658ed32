//! The outlet-by-claim matrix view's state: the library's claim groups and the matrix over
//! them (computed on a runtime thread, never on the frame path), the row order, the filter to
//! conflicts, the highlighted cell, the first visible row and column, and the label being typed.
//! Not to be confused with `compare.rs`, the coders' copies of the disagreement view.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::claims::matrix::{self, Order, Row};
use crate::claims::{self, Group, Library, Status};

/// The view: what was computed, and where the cursor is.
#[derive(Debug, Clone, PartialEq)]
pub struct MatrixView {
    /// The articles (columns) and their units.
    pub library: Arc<Library>,
    /// The groups, linked then suggested.
    pub groups: Arc<Vec<Group>>,
    /// The files of the columns, for opening a cell and saving links.
    pub files: Arc<Vec<PathBuf>>,
    /// Every row, in `order`.
    pub all: Vec<Row>,
    /// The rows shown: indexes into `all` (all of them, or those with conflicts).
    pub shown: Vec<usize>,
    /// How rows are ordered.
    pub order: Order,
    /// Whether only groups with conflicting figures are shown.
    pub conflicts_only: bool,
    /// The highlighted row (an index into `shown`) and column (article).
    pub row: usize,
    /// The highlighted column.
    pub column: usize,
    /// The label being typed for the highlighted group, when one is.
    pub label: Option<String>,
}

impl MatrixView {
    /// The view over `library`'s `groups`, whose columns are the articles at `files`.
    pub fn new(library: Library, groups: Vec<Group>, files: Vec<PathBuf>) -> MatrixView {
        let all = matrix::rows(&library, &groups, Order::Groups);
        let mut view = MatrixView {
            library: Arc::new(library),
            groups: Arc::new(groups),
            files: Arc::new(files),
            all,
            shown: Vec::new(),
            order: Order::Groups,
            conflicts_only: false,
            row: 0,
            column: 0,
            label: None,
        };
        view.refilter();
        view
    }

    /// The highlighted row, if any.
    pub fn current(&self) -> Option<&Row> {
        self.shown.get(self.row).map(|&i| &self.all[i])
    }

    /// The highlighted row's group.
    pub fn current_group(&self) -> Option<&Group> {
        self.current().map(|row| &self.groups[row.group])
    }

    /// Orders the rows by `order`, keeping the highlighted group highlighted.
    pub fn sort(&mut self, order: Order) {
        let group = self.current().map(|r| r.group);
        self.order = order;
        matrix::sort(&mut self.all, order);
        self.refilter();
        self.go_to_group(group);
    }

    /// The next order: as grouped, by outlets, by conflicts.
    pub fn next_order(&self) -> Order {
        match self.order {
            Order::Groups => Order::Outlets,
            Order::Outlets => Order::Conflicts,
            Order::Conflicts => Order::Groups,
        }
    }

    /// Shows only the groups with conflicting figures, or all again.
    pub fn toggle_conflicts(&mut self) {
        let group = self.current().map(|r| r.group);
        self.conflicts_only = !self.conflicts_only;
        self.refilter();
        self.go_to_group(group);
    }

    /// Moves the highlight `by` rows.
    pub fn step_row(&mut self, by: isize) {
        let last = self.shown.len().saturating_sub(1);
        self.row = self.row.saturating_add_signed(by).min(last);
    }

    /// Moves the highlight `by` columns.
    pub fn step_column(&mut self, by: isize) {
        let last = self.library.columns.len().saturating_sub(1);
        self.column = self.column.saturating_add_signed(by).min(last);
    }

    /// The highlighted cell's first member: its article file and unit.
    pub fn target(&self) -> Option<(PathBuf, usize)> {
        let cell = self.current()?.cell(self.column)?;
        let unit = &self.library.units[*cell.members.first()?];
        Some((self.files.get(unit.article)?.clone(), unit.index))
    }

    /// The members of the highlighted group, by file: (file, annotation ids).
    pub fn members_by_file(&self) -> Vec<(PathBuf, Vec<String>)> {
        match self.current_group() {
            Some(group) => crate::library::claims::members_by_file(&self.library, group),
            None => Vec::new(),
        }
    }

    /// Whether the highlighted group is a suggestion.
    pub fn on_suggestion(&self) -> bool {
        self.current_group()
            .is_some_and(|g| g.status == Status::Suggested)
    }

    /// Takes the highlighted group out of the view (after it was dismissed).
    pub fn drop_current(&mut self) {
        if let Some(&i) = self.shown.get(self.row) {
            self.all.remove(i);
            self.refilter();
            self.row = self.row.min(self.shown.len().saturating_sub(1));
        }
    }

    fn refilter(&mut self) {
        self.shown = (0..self.all.len())
            .filter(|&i| !self.conflicts_only || self.all[i].conflicts > 0)
            .collect();
        self.row = self.row.min(self.shown.len().saturating_sub(1));
    }

    fn go_to_group(&mut self, group: Option<usize>) {
        if let Some(at) =
            group.and_then(|g| self.shown.iter().position(|&i| self.all[i].group == g))
        {
            self.row = at;
        }
    }
}

/// The runtime's job: reads the tagged articles among `articles` (those with a sidecar), the
/// dismissed suggestions in `data`, and works out the groups and the matrix.
pub fn load(articles: &[PathBuf], data: Option<&Path>) -> Result<MatrixView, String> {
    let files: Vec<PathBuf> = articles
        .iter()
        .filter(|path| crate::sidecar::path_for(path).exists())
        .cloned()
        .collect();
    let mut problems = Vec::new();
    let library = crate::library::claims::read(&files, &mut problems);
    // The columns are the articles that could be read, in order.
    let read: Vec<PathBuf> = library
        .columns
        .iter()
        .map(|c| PathBuf::from(&c.file))
        .collect();
    let dismissed: HashSet<String> = match data {
        Some(data) => crate::claim_dismissals::load(data)
            .map_err(|e| e.to_string())?
            .into_iter()
            .collect(),
        None => HashSet::new(),
    };
    let groups = claims::groups(&library.units, &dismissed);
    Ok(MatrixView::new(library, groups, read))
}
