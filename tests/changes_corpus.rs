//! The edit corpus: every sample article, each sentence of it tagged, then edited as outlets
//! edit stories after publication (figures, words, spellings, quotations; sentences deleted,
//! split and merged; paragraphs inserted, swapped and removed; a tagged sentence repeated as a
//! pull quote; several edits at once; the whole story rewritten). For each edit the corpus says
//! where a person would put each tag (`edits::Want`), and this test measures re-anchoring
//! against it, printing:
//!
//! - unchanged sentences found exactly, on the same sentence (must be all);
//! - edited tagged sentences placed where a person would (goal 95%);
//! - tags lost, or silently moved onto other text (found "exactly" somewhere a person would not
//!   put them) (must be none);
//! - tags not anchored that `sidenote changes` does not list (must be none).
//!
//! Run with `cargo test --test changes_corpus -- --nocapture` to see the table.
#![allow(clippy::unwrap_used)]

#[path = "changes_corpus/edits.rs"]
mod edits;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use assert_cmd::Command;
use sidenote::annotation::{Annotation, AnnotationSet, Status, Tag, anchor_for};
use sidenote::article::Article;
use sidenote::library::SAMPLES;
use sidenote::sidecar;

use edits::{Doc, EDITS, Want};

#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    unchanged: usize,
    unchanged_exact: usize,
    edited: usize,
    edited_right: usize,
    lost: usize,
    silent: usize,
    unlisted: usize,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.unchanged += other.unchanged;
        self.unchanged_exact += other.unchanged_exact;
        self.edited += other.edited;
        self.edited_right += other.edited_right;
        self.lost += other.lost;
        self.silent += other.silent;
        self.unlisted += other.unlisted;
    }
}

fn tags_on(article: &Article, units: &[usize]) -> Vec<Annotation> {
    let at = time::macros::datetime!(2026-01-13 09:00 UTC);
    units
        .iter()
        .map(|&unit| {
            let anchor = anchor_for(article, unit, unit).unwrap();
            Annotation::new(format!("unit-{unit}"), vec![Tag::Claim], anchor, at)
        })
        .collect()
}

/// The units of `article` the byte range `range` covers, spaces at its ends left out.
fn units_over(article: &Article, text: &str, range: std::ops::Range<usize>) -> (usize, usize) {
    let piece = &text[range.clone()];
    let start = range.start + (piece.len() - piece.trim_start().len());
    let end = range.end - (piece.len() - piece.trim_end().len());
    let units = article.units();
    let first = units.partition_point(|unit| unit.end <= start);
    let last = units.partition_point(|unit| unit.start < end) - 1;
    (first, last)
}

/// The ids `sidenote changes` lists for the article at `path`.
fn listed(path: &Path, data: &Path) -> BTreeSet<String> {
    let output = Command::new(env!("CARGO_BIN_EXE_sidenote"))
        .env_clear()
        .env("SIDENOTE_DATA_DIR", data)
        .env("SIDENOTE_CONFIG_DIR", data)
        .arg("changes")
        .arg(path)
        .output()
        .unwrap();
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|line| {
            let row: serde_json::Value = serde_json::from_str(line).unwrap();
            row["id"].as_str().unwrap().to_owned()
        })
        .collect()
}

/// Runs one edit of one sample; prints each tag placed where a person would not put it.
fn run_case(dir: &Path, name: &str, original: &str, edit: &edits::Edit) -> Option<Tally> {
    let article = Article::parse(name, original.as_bytes()).unwrap();
    let mut doc = Doc::new(&article);
    (edit.1)(&mut doc)?;
    let new_text = doc.text();
    let folder = dir.join(edit.0.replace(' ', "-"));
    fs::create_dir_all(&folder).unwrap();
    let path = folder.join(name);
    fs::write(&path, original).unwrap();
    let tagged: Vec<usize> = doc.wants.keys().copied().collect();
    sidecar::save(&path, &article, &[], &tags_on(&article, &tagged)).unwrap();
    fs::write(&path, &new_text).unwrap();
    let now = Article::parse(name, new_text.as_bytes()).unwrap();
    let annotations = sidecar::load(&path).unwrap().unwrap().annotations;
    assert_eq!(annotations.len(), tagged.len(), "a tag went missing");
    let set = AnnotationSet::new(&now, annotations);
    let found: BTreeMap<usize, (Status, Option<(usize, usize)>)> = set
        .iter()
        .map(|(a, p)| {
            let unit = a.id.trim_start_matches("unit-").parse().unwrap();
            (unit, (p.status, p.units))
        })
        .collect();
    let expected_units = |unit: usize| {
        doc.range_of(unit)
            .map(|range| units_over(&now, &new_text, range))
    };
    let mut tally = Tally::default();
    let listed = listed(&path, &dir.join("data"));
    for (&unit, &want) in &doc.wants {
        let Some(&(status, units)) = found.get(&unit) else {
            tally.lost += 1;
            continue;
        };
        let exact = matches!(status, Status::Anchored | Status::Moved);
        let right = match want {
            Want::Exact => exact && units == expected_units(unit),
            Want::Edited => status != Status::Orphaned && units == expected_units(unit),
            Want::Orphan => status == Status::Orphaned,
            Want::MergedInto(into) => status == Status::Orphaned || units == expected_units(into),
        };
        if want == Want::Exact {
            tally.unchanged += 1;
            tally.unchanged_exact += usize::from(right);
        } else {
            tally.edited += 1;
            tally.edited_right += usize::from(right);
        }
        if exact && !right {
            tally.silent += 1;
        }
        if status != Status::Anchored && !listed.contains(&format!("unit-{unit}")) {
            tally.unlisted += 1;
        }
        if !right {
            println!(
                "    {name}, {}: unit {unit} wanted {want:?} at {:?}, found {} at {units:?}",
                edit.0,
                match want {
                    Want::MergedInto(into) => expected_units(into),
                    _ => expected_units(unit),
                },
                status.name()
            );
        }
    }
    Some(tally)
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        100.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}

#[test]
fn re_anchoring_puts_tags_where_a_person_would() {
    let dir = tempfile::tempdir().unwrap();
    let mut total = Tally::default();
    let mut cases = 0;
    println!("edit                     unchanged exact   edited placed   lost silent unlisted");
    for edit in &EDITS {
        let mut row = Tally::default();
        for (n, (name, text)) in SAMPLES.iter().enumerate() {
            let sample_dir = dir.path().join(n.to_string());
            if let Some(tally) = run_case(&sample_dir, name, text, edit) {
                row.add(tally);
                cases += 1;
            }
        }
        println!(
            "{:<24} {:>5}/{:<5}       {:>5}/{:<5}     {:>4} {:>6} {:>8}",
            edit.0,
            row.unchanged_exact,
            row.unchanged,
            row.edited_right,
            row.edited,
            row.lost,
            row.silent,
            row.unlisted
        );
        total.add(row);
    }
    let unchanged = percent(total.unchanged_exact, total.unchanged);
    let edited = percent(total.edited_right, total.edited);
    println!(
        "{cases} cases: unchanged sentences found exactly {}/{} ({unchanged:.1}%), edited tagged sentences placed where a person would {}/{} ({edited:.1}%), lost {}, silently moved {}, not listed by `changes` {}",
        total.unchanged_exact,
        total.unchanged,
        total.edited_right,
        total.edited,
        total.lost,
        total.silent,
        total.unlisted
    );
    assert!(cases >= EDITS.len() * 3, "too few cases ran: {cases}");
    assert_eq!(total.unchanged_exact, total.unchanged);
    assert!(edited >= 95.0, "{edited:.1}% of edited tags placed");
    assert_eq!(total.lost, 0);
    assert_eq!(total.silent, 0);
    assert_eq!(total.unlisted, 0);
}
