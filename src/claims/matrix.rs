//! The outlet-by-claim matrix: one row per group, one column per article, each cell the
//! members of the group in that article (tag letters, speaker, the figure or the wording) and a
//! mark when its figure conflicts with the others' or only its hedge differs.
//!
//! Rows hold only the cells that have members, so a library of thousands of articles costs the
//! members, not rows times columns. The command line prints it as CSV or Markdown; the reading
//! screen draws the part of it that fits.

use std::collections::HashMap;

use super::conflicts::{Conflict, Kind};
use super::{Group, Library, Quantity, clip, figures};

/// How a cell stands out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Mark {
    /// It agrees with the rest.
    None,
    /// Same figure as the rest, another hedge (`~`).
    Hedge,
    /// Its figure is not the one most members give, or no figure is (`!`).
    Conflict,
}

impl Mark {
    /// The character that shows the mark without colour.
    pub fn symbol(self) -> &'static str {
        match self {
            Mark::None => "",
            Mark::Hedge => "~",
            Mark::Conflict => "!",
        }
    }
}

/// The members of one group in one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// The article (an index into the library's columns).
    pub column: usize,
    /// The member units (indexes into the library's units).
    pub members: Vec<usize>,
    /// Tag letters of the members ("CQ").
    pub letters: String,
    /// The speakers, joined; empty when none is known.
    pub speaker: String,
    /// The figure as written ("some 2,700"), or the text; several members joined by " | ".
    pub wording: String,
    /// Whether it stands out.
    pub mark: Mark,
}

impl Cell {
    /// The cell as one line: mark, letters, speaker, wording ("! C Lee: at least 100").
    pub fn text(&self) -> String {
        let mut out = String::new();
        for part in [self.mark.symbol(), self.letters.as_str()] {
            if !part.is_empty() {
                out.push_str(part);
                out.push(' ');
            }
        }
        if !self.speaker.is_empty() {
            out.push_str(&self.speaker);
            out.push_str(": ");
        }
        out.push_str(&self.wording);
        out
    }
}

/// One group as a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The group (an index into the groups given).
    pub group: usize,
    /// The cells with members, by column.
    pub cells: Vec<Cell>,
    /// How many figure conflicts the group has.
    pub conflicts: usize,
}

impl Row {
    /// The cell of `column`, if the group has members there.
    pub fn cell(&self, column: usize) -> Option<&Cell> {
        self.cells
            .binary_search_by_key(&column, |c| c.column)
            .ok()
            .map(|i| &self.cells[i])
    }
}

/// How rows are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    /// As the groups came: linked first, then suggestions.
    #[default]
    Groups,
    /// Most outlets first.
    Outlets,
    /// Groups with conflicts first, most conflicts first, then by outlets.
    Conflicts,
}

/// The longest wording a cell keeps, in characters.
pub const WORDING_CHARS: usize = 80;

/// The rows of `groups` over `library`, in `order`.
pub fn rows(library: &Library, groups: &[Group], order: Order) -> Vec<Row> {
    let mut rows: Vec<Row> = groups
        .iter()
        .enumerate()
        .map(|(g, group)| row(library, g, group))
        .collect();
    sort(&mut rows, order);
    rows
}

/// Orders `rows` (stable: ties keep their order).
pub fn sort(rows: &mut [Row], order: Order) {
    match order {
        Order::Groups => rows.sort_by_key(|r| r.group),
        Order::Outlets => rows.sort_by_key(|r| (std::cmp::Reverse(r.cells.len()), r.group)),
        Order::Conflicts => rows.sort_by_key(|r| {
            (
                std::cmp::Reverse(r.conflicts),
                std::cmp::Reverse(r.cells.len()),
                r.group,
            )
        }),
    }
}

fn row(library: &Library, g: usize, group: &Group) -> Row {
    let figure_of = group.quantity.or_else(|| {
        let first = group
            .conflicts
            .iter()
            .find(|c| c.kind == Kind::Figures)
            .or(group.conflicts.first());
        first.map(|c| c.quantity)
    });
    let mut cells: Vec<Cell> = Vec::new();
    let mut cell_of: HashMap<usize, usize> = HashMap::new();
    let marks = marks(&group.conflicts);
    for &m in &group.members {
        let unit = &library.units[m];
        let wording = figure_of
            .and_then(|q| figure_wording(&unit.text, q))
            .unwrap_or_else(|| clip(&unit.text, WORDING_CHARS));
        let mark = marks.get(&m).copied().unwrap_or(Mark::None);
        let letters: String = unit.tags.iter().map(|t| t.letter()).collect();
        match cell_of.get(&unit.article).and_then(|&c| cells.get_mut(c)) {
            Some(cell) => {
                cell.members.push(m);
                for letter in letters.chars() {
                    if !cell.letters.contains(letter) {
                        cell.letters.push(letter);
                    }
                }
                if !unit.speaker.is_empty() && !cell.speaker.contains(unit.speaker.as_str()) {
                    if !cell.speaker.is_empty() {
                        cell.speaker.push_str(", ");
                    }
                    cell.speaker.push_str(&unit.speaker);
                }
                cell.wording.push_str(" | ");
                cell.wording.push_str(&wording);
                cell.mark = cell.mark.max(mark);
            }
            None => {
                cell_of.insert(unit.article, cells.len());
                cells.push(Cell {
                    column: unit.article,
                    members: vec![m],
                    letters,
                    speaker: unit.speaker.clone(),
                    wording,
                    mark,
                });
            }
        }
    }
    cells.sort_by_key(|c| c.column);
    Row {
        group: g,
        cells,
        conflicts: group
            .conflicts
            .iter()
            .filter(|c| c.kind == Kind::Figures)
            .count(),
    }
}

/// The hedge and figure `text` gives for `quantity` ("some 2,700").
fn figure_wording(text: &str, quantity: Quantity) -> Option<String> {
    let figure = figures(text)
        .into_iter()
        .find(|f| f.quantity == Some(quantity))?;
    text.get(figure.range).map(str::to_owned)
}

/// How member `m` stands out: in a side other than the one most members are on (all sides when
/// none has the most).
/// Worked out once per group, so a row costs time linear in its members.
fn marks(conflicts: &[Conflict]) -> HashMap<usize, Mark> {
    let mut found: HashMap<usize, Mark> = HashMap::new();
    for conflict in conflicts {
        let most = conflict
            .sides
            .iter()
            .map(|s| s.readings.len())
            .max()
            .unwrap_or(0);
        let leaders = conflict
            .sides
            .iter()
            .filter(|s| s.readings.len() == most)
            .count();
        let mark = match conflict.kind {
            Kind::Figures => Mark::Conflict,
            Kind::Hedges => Mark::Hedge,
        };
        for side in &conflict.sides {
            if side.readings.len() < most || leaders > 1 {
                for reading in &side.readings {
                    let entry = found.entry(reading.member).or_insert(Mark::None);
                    *entry = (*entry).max(mark);
                }
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::Tag;
    use crate::claims::{Column, Unit, groups};
    use std::collections::HashSet;

    fn library(units: &[(usize, &str, &str)]) -> Library {
        Library {
            columns: (0..3)
                .map(|i| Column {
                    file: format!("{i}.txt"),
                    outlet: format!("Outlet {i}"),
                })
                .collect(),
            units: units
                .iter()
                .enumerate()
                .map(|(i, (article, speaker, text))| Unit {
                    article: *article,
                    key: format!("k{i}"),
                    text: (*text).to_owned(),
                    tags: vec![Tag::Claim],
                    speaker: (*speaker).to_owned(),
                    ..Unit::default()
                })
                .collect(),
        }
    }

    #[test]
    fn the_odd_figure_out_is_marked_and_cells_show_the_figure() {
        let lib = library(&[
            (0, "Lee", "Around 300 soldiers were killed in Kursk."),
            (
                1,
                "",
                "Some 300 soldiers were killed in Kursk, officials said.",
            ),
            (2, "", "At least 100 soldiers were killed in Kursk."),
        ]);
        let found = groups(&lib.units, &HashSet::new());
        let rows = rows(&lib, &found, Order::Groups);
        assert_eq!(rows.len(), 1);
        let texts: Vec<String> = rows[0].cells.iter().map(Cell::text).collect();
        assert_eq!(
            texts,
            ["C Lee: Around 300", "C Some 300", "! C At least 100"]
        );
        assert_eq!(rows[0].conflicts, 1);
        assert!(rows[0].cell(1).is_some());
    }

    #[test]
    fn rows_sort_by_outlets_and_by_conflicts() {
        let mut rows: Vec<Row> = [(0, 2, 0), (1, 3, 0), (2, 2, 1)]
            .iter()
            .map(|&(group, n, conflicts)| Row {
                group,
                cells: (0..n)
                    .map(|column| Cell {
                        column,
                        members: vec![],
                        letters: String::new(),
                        speaker: String::new(),
                        wording: String::new(),
                        mark: Mark::None,
                    })
                    .collect(),
                conflicts,
            })
            .collect();
        sort(&mut rows, Order::Outlets);
        assert_eq!(rows.iter().map(|r| r.group).collect::<Vec<_>>(), [1, 0, 2]);
        sort(&mut rows, Order::Conflicts);
        assert_eq!(rows.iter().map(|r| r.group).collect::<Vec<_>>(), [2, 1, 0]);
        sort(&mut rows, Order::Groups);
        assert_eq!(rows.iter().map(|r| r.group).collect::<Vec<_>>(), [0, 1, 2]);
    }
}
