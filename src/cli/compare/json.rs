//! `compare --format json`: one JSON object per group and line, with its members (file, unit,
//! offsets, text, tags, speaker) and its conflicts (the quantity, and per side the value and the
//! members giving it, with their wording and hedge).

use std::io::Write;

use crate::claims::{Conflict, Group, Library, Status};
use crate::safe_text;

#[derive(serde::Serialize)]
struct Line<'a> {
    id: &'a str,
    label: &'a str,
    status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    quantity: Option<&'static str>,
    members: Vec<Member<'a>>,
    conflicts: Vec<ConflictOut<'a>>,
}

#[derive(serde::Serialize)]
struct Member<'a> {
    file: &'a str,
    outlet: &'a str,
    id: &'a str,
    index: usize,
    start: Option<usize>,
    end: Option<usize>,
    text: &'a str,
    tags: Vec<&'static str>,
    speaker: &'a str,
}

#[derive(serde::Serialize)]
struct ConflictOut<'a> {
    quantity: &'static str,
    kind: crate::claims::ConflictKind,
    sides: Vec<SideOut<'a>>,
}

#[derive(serde::Serialize)]
struct SideOut<'a> {
    value: f64,
    /// The high end of a vague figure's range ("several hundred": `value` 200, `up_to` 999).
    #[serde(skip_serializing_if = "Option::is_none")]
    up_to: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    bound: Option<crate::claims::Bound>,
    members: Vec<Reading<'a>>,
}

#[derive(serde::Serialize)]
struct Reading<'a> {
    file: &'a str,
    id: &'a str,
    index: usize,
    wording: &'a str,
    hedge: &'static str,
}

/// Writes one line per group.
pub fn write(out: &mut impl Write, library: &Library, groups: &[Group]) -> anyhow::Result<()> {
    for group in groups {
        let line = Line {
            id: &group.id,
            label: &group.label,
            status: group.status,
            quantity: group.quantity.map(|q| q.name()),
            members: group.members.iter().map(|&m| member(library, m)).collect(),
            conflicts: group
                .conflicts
                .iter()
                .map(|c| conflict(library, c))
                .collect(),
        };
        let json = serde_json::to_string(&line)?;
        out.write_all(safe_text::escape_json(&json).as_bytes())?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

fn member(library: &Library, m: usize) -> Member<'_> {
    let unit = &library.units[m];
    let column = &library.columns[unit.article];
    Member {
        file: &column.file,
        outlet: &column.outlet,
        id: &unit.key,
        index: unit.index,
        start: unit.start,
        end: unit.end,
        text: &unit.text,
        tags: unit.tags.iter().map(|t| t.name()).collect(),
        speaker: &unit.speaker,
    }
}

fn conflict<'a>(library: &'a Library, conflict: &'a Conflict) -> ConflictOut<'a> {
    ConflictOut {
        quantity: conflict.quantity.name(),
        kind: conflict.kind,
        sides: conflict
            .sides
            .iter()
            .map(|side| SideOut {
                value: side.amount.0 as f64 / 100.0,
                up_to: (side.high != side.amount).then(|| side.high.0 as f64 / 100.0),
                // A figure conflict's sides mix hedges; a hedge difference's side has one.
                bound: (conflict.kind == crate::claims::ConflictKind::Hedges).then_some(side.bound),
                members: side
                    .readings
                    .iter()
                    .map(|r| {
                        let unit = &library.units[r.member];
                        Reading {
                            file: &library.columns[unit.article].file,
                            id: &unit.key,
                            index: unit.index,
                            wording: &r.wording,
                            hedge: r.hedge.words,
                        }
                    })
                    .collect(),
            })
            .collect(),
    }
}
