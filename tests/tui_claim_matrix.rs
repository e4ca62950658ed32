//! The outlet-by-claim matrix (`M`) on the sample library with every sentence tagged: the view
//! at 80x24 as snapshots (scrolled sideways, filtered to conflicts, readable without colour),
//! a suggestion accepted into the sidecars, another dismissed for good, a relabel reaching
//! every member, and Enter opening a cell's unit in its article.
#![allow(clippy::unwrap_used)]

#[path = "support/tui.rs"]
mod support;

use std::path::Path;

use sidenote::annotation::{AnnotationSet, Stamp, Tag};
use sidenote::config::Config;
use sidenote::library::{SAMPLES, read_article};
use sidenote::sidecar;
use sidenote::tui::app::Mode;
use sidenote::tui::claim_matrix::MatrixView;
use support::Screen;
use time::macros::datetime;

/// Tags every unit of every sample in `dir` as a claim.
fn tag_everything(dir: &Path) {
    for (n, (name, _)) in SAMPLES.iter().enumerate() {
        let path = dir.join(name);
        let article = read_article(&path).unwrap();
        let mut set = AnnotationSet::new(&article, Vec::new());
        for unit in 0..article.units().len() {
            let stamp = Stamp {
                author: "tester".into(),
                now: datetime!(2025-01-13 09:00 UTC),
                new_id: format!("01943f0e-0000-7000-8000-{n:06}{unit:06}"),
            };
            set.add_tag(&article, (unit, unit), Tag::Claim, &stamp);
        }
        sidecar::save(&path, &article, &[], &set.into_annotations()).unwrap();
    }
}

/// The screen at `width`x`height` over the tagged samples, with a data directory.
fn screen(width: u16, height: u16, no_color: bool) -> (Screen, tempfile::TempDir) {
    let data = tempfile::tempdir().unwrap();
    let Screen {
        runtime,
        library,
        exports,
    } = Screen::with_config(width, height, &Config::default(), no_color);
    tag_everything(library.path());
    let runtime = runtime.with_data_dir(data.path().to_owned());
    (
        Screen {
            runtime,
            library,
            exports,
        },
        data,
    )
}

fn view(screen: &Screen) -> &MatrixView {
    match &screen.runtime.app.mode {
        Mode::Matrix(view) => view,
        other => panic!("not the matrix: {other:?}"),
    }
}

#[test]
fn the_matrix_at_80x24_scrolls_sideways_and_filters_to_conflicts() {
    let (mut screen, _data) = screen(80, 24, false);
    screen.keys("M");
    insta::assert_snapshot!("claim_matrix_80x24", screen.text());
    // The last article's column is reached by scrolling sideways.
    screen.keys("lllll");
    insta::assert_snapshot!("claim_matrix_80x24_last_column", screen.text());
    screen.keys("3");
    let view = view(&screen);
    assert!(view.shown.iter().all(|&i| view.all[i].conflicts > 0));
    insta::assert_snapshot!("claim_matrix_80x24_conflicts_only", screen.text());
}

#[test]
fn without_colour_a_conflicting_cell_keeps_its_mark() {
    let (mut screen, _data) = screen(120, 24, true);
    screen.keys("M");
    let text = screen.text();
    let killed = text.lines().find(|l| l.contains("300 killed")).unwrap();
    assert!(
        killed.contains("! C At least 100") || killed.contains("! C Over 100"),
        "{killed}"
    );
}

#[test]
fn accept_writes_the_links_and_dismiss_remembers() {
    let (mut screen, data) = screen(100, 30, false);
    screen.keys("M");
    let group = view(&screen).current_group().unwrap().clone();
    assert!(group.label.contains("killed"), "{}", group.label);
    screen.keys("y");
    // Every member's sidecar holds the link, and the row is now linked.
    let linked: usize = SAMPLES
        .iter()
        .map(|(name, _)| {
            screen
                .sidecar(name)
                .unwrap()
                .annotations
                .iter()
                .filter(|a| a.groups.iter().any(|l| l.id == group.id))
                .count()
        })
        .sum();
    assert_eq!(linked, group.members.len());
    let now = view(&screen).current_group().unwrap().clone();
    assert_eq!(
        (now.id.as_str(), now.status),
        (group.id.as_str(), sidenote::claims::Status::Linked)
    );

    // Relabel: every member's sidecar gets the new label.
    screen.keys("a<c-u>");
    for _ in 0..now.label.chars().count() {
        screen.keys("<bs>");
    }
    screen.keys("Kursk toll<enter>");
    for (name, _) in SAMPLES {
        let sidecar = screen.sidecar(name).unwrap();
        for link in sidecar.annotations.iter().flat_map(|a| &a.groups) {
            assert_eq!(link.label, "Kursk toll");
        }
    }
    assert_eq!(view(&screen).current_group().unwrap().label, "Kursk toll");

    // Dismiss the next group, a suggestion: gone now and after the matrix is worked out again.
    screen.keys("j");
    let dismissed = view(&screen).current_group().unwrap().id.clone();
    screen.keys("r");
    let stored = sidenote::claim_dismissals::load(data.path()).unwrap();
    assert!(stored.contains(&dismissed));
    screen.keys("<esc>M");
    let view = view(&screen);
    assert!(view.groups.iter().all(|g| g.id != dismissed));
}

#[test]
fn enter_opens_the_unit_of_the_cell_in_its_article() {
    let (mut screen, _data) = screen(100, 30, false);
    screen.keys("Ml");
    let (path, unit) = view(&screen).target().unwrap();
    screen.keys("<enter>");
    let doc = screen.runtime.app.doc.as_ref().unwrap();
    assert_eq!((doc.path.clone(), doc.cursor), (path, unit));
    assert_eq!(screen.runtime.app.mode, Mode::Normal);
}
