//! The disagreement view: the units where coders' copies differ, each coder's version, adopting
//! one into the open article (one undoable, saved edit), and the overlay drawn on a
//! `TestBackend`.
#![allow(clippy::unwrap_used)]

#[path = "support/tui.rs"]
mod support;

use pretty_assertions::assert_eq;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sidenote::annotation::{Annotation, AnnotationSet, Stamp, Tag};
use sidenote::article::Article;
use sidenote::tui::app::App;
use sidenote::tui::command::Command;
use sidenote::tui::disagreements::{DisagreementView, Version};
use sidenote::tui::effect::Effect;
use sidenote::tui::theme::Theme;
use sidenote::tui::ui::Disagreements;
use sidenote::tui::update::disagreements::adopt;
use sidenote::tui::update::update;
use time::macros::datetime;

use support::ARTICLE;

const NOW: time::OffsetDateTime = datetime!(2026-11-22 10:00 UTC);

/// `coder`'s annotations on `article`: each (first unit, last unit, tags, note).
fn coded(
    article: &Article,
    coder: &str,
    edits: &[(usize, usize, &[Tag], &str)],
) -> Vec<Annotation> {
    let mut set = AnnotationSet::new(article, Vec::new());
    for (n, &(first, last, tags, note)) in edits.iter().enumerate() {
        let stamp = Stamp {
            author: coder.to_owned(),
            now: NOW,
            new_id: format!("{coder}-{n}"),
        };
        for &tag in tags {
            set.add_tag(article, (first, last), tag, &stamp);
        }
        if !note.is_empty() {
            set.set_note(article, (first, last), note, &stamp);
        }
    }
    set.into_annotations()
}

/// `annotations` with the speaker of the annotation on each unit of `speakers` set.
fn with_speakers(
    article: &Article,
    annotations: Vec<Annotation>,
    speakers: &[(usize, &str)],
) -> Vec<Annotation> {
    let mut set = AnnotationSet::new(article, annotations);
    for &(unit, speaker) in speakers {
        let index = set.index_at_unit(unit).unwrap();
        assert!(set.set_speaker(index, speaker, NOW));
    }
    set.into_annotations()
}

/// Alice and Bob both tag unit 2 a claim and unit 3 a quote; on unit 2 they name different
/// speakers, on unit 3 the same one spelled in another case.
fn speakers_view(article: &Article) -> DisagreementView {
    let alice = coded(
        article,
        "alice",
        &[(2, 2, &[Tag::Claim], ""), (3, 3, &[Tag::Quote], "")],
    );
    let alice = with_speakers(article, alice, &[(2, "Lee Seong-kweun"), (3, "NIS")]);
    let bob = coded(
        article,
        "bob",
        &[(2, 2, &[Tag::Claim], ""), (3, 3, &[Tag::Quote], "")],
    );
    let bob = with_speakers(article, bob, &[(2, "outlet"), (3, "nis")]);
    DisagreementView::new(
        article,
        vec![
            ("alice".to_owned(), Some(alice)),
            ("bob".to_owned(), Some(bob)),
        ],
    )
}

fn article() -> Article {
    Article::parse(ARTICLE, support::sample_text(ARTICLE).as_bytes()).unwrap()
}

/// Alice and Bob differ on units 2 (claim against quote) and 5 (only Alice); Carol lacks the
/// article.
fn view(article: &Article) -> DisagreementView {
    let alice = coded(
        article,
        "alice",
        &[
            (2, 2, &[Tag::Claim], "a figure"),
            (3, 3, &[Tag::Quote], ""),
            (5, 5, &[Tag::Denial], ""),
        ],
    );
    let bob = coded(
        article,
        "bob",
        &[
            (2, 2, &[Tag::Quote], "his words"),
            (3, 3, &[Tag::Quote], ""),
        ],
    );
    DisagreementView::new(
        article,
        vec![
            ("alice".to_owned(), Some(alice)),
            ("bob".to_owned(), Some(bob)),
            ("carol".to_owned(), None),
        ],
    )
}

#[test]
fn the_view_walks_the_units_where_coders_differ_with_every_version() {
    let article = article();
    let mut view = view(&article);
    let units: Vec<usize> = view.units.iter().map(|d| d.unit).collect();
    assert_eq!(units, vec![2, 5]);
    assert_eq!(
        view.current().unwrap().versions,
        vec![
            Some(Version {
                tags: vec![Tag::Claim],
                note: "a figure".into(),
                speaker: String::new(),
                author: "alice".into()
            }),
            Some(Version {
                tags: vec![Tag::Quote],
                note: "his words".into(),
                speaker: String::new(),
                author: "bob".into()
            }),
            None,
        ]
    );
    assert_eq!(
        view.merged().unwrap(),
        Version {
            tags: vec![Tag::Claim, Tag::Quote],
            note: "a figure\nhis words".into(),
            speaker: String::new(),
            author: String::new()
        }
    );
    view.step(true);
    assert_eq!(view.current().unwrap().unit, 5);
    assert_eq!(view.version(1), Some(&Version::default()));
    view.step(true);
    assert_eq!(view.current().unwrap().unit, 5, "stays at the last one");
    view.go_to(3);
    assert_eq!(view.current().unwrap().unit, 5);
    view.go_to(0);
    assert_eq!(view.current().unwrap().unit, 2);
}

#[test]
fn the_same_tags_with_different_speakers_are_a_disagreement_and_the_merge_keeps_both() {
    let article = article();
    let view = speakers_view(&article);
    let units: Vec<usize> = view.units.iter().map(|d| d.unit).collect();
    assert_eq!(units, vec![2], "case alone does not make another speaker");
    let speakers: Vec<String> = view
        .current()
        .unwrap()
        .versions
        .iter()
        .flatten()
        .map(|v| v.speaker.clone())
        .collect();
    assert_eq!(speakers, vec!["Lee Seong-kweun", "outlet"]);
    assert_eq!(view.merged().unwrap().speaker, "Lee Seong-kweun / outlet");
    assert_eq!(view.merged().unwrap().tags, vec![Tag::Claim]);
}

#[test]
fn adopting_a_version_takes_its_speaker_too() {
    let article = article();
    let view = speakers_view(&article);
    let (mut app, _dir) = opened();
    adopt(&mut app, 2, view.version(0).unwrap());
    let set = &app.doc.as_ref().unwrap().annotations;
    let (annotation, _) = set.get(set.index_at_unit(2).unwrap()).unwrap();
    assert_eq!(annotation.speaker, "Lee Seong-kweun");
    adopt(&mut app, 2, view.version(1).unwrap());
    let set = &app.doc.as_ref().unwrap().annotations;
    let (annotation, _) = set.get(set.index_at_unit(2).unwrap()).unwrap();
    assert_eq!(annotation.speaker, "outlet");
    update(&mut app, Command::Undo);
    let set = &app.doc.as_ref().unwrap().annotations;
    let (annotation, _) = set.get(set.index_at_unit(2).unwrap()).unwrap();
    assert_eq!(
        annotation.speaker, "Lee Seong-kweun",
        "one undo per adoption"
    );
}

#[test]
fn the_overlay_has_a_speaker_column_when_a_version_names_one() {
    let article = article();
    let view = speakers_view(&article);
    insta::assert_snapshot!(drawn(&view, &article).backend());
}

/// The overlay for `view` drawn alone on a 100x16 screen without colour.
fn drawn(view: &DisagreementView, article: &Article) -> Terminal<TestBackend> {
    let (theme, _) = Theme::new(&Default::default(), true);
    let mut terminal = Terminal::new(TestBackend::new(100, 16)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(Disagreements::new(view, article, &theme), frame.area()))
        .unwrap();
    terminal
}

/// The sample article open in the reading screen, the clock at NOW.
fn opened() -> (App, tempfile::TempDir) {
    support::opened_app((100, 30), "lead", NOW)
}

fn unit_state(app: &App, unit: usize) -> (Vec<Tag>, String) {
    state_at(&app.doc.as_ref().unwrap().annotations, unit)
}

/// The tags and note `set` has on `unit`.
fn state_at(set: &AnnotationSet, unit: usize) -> (Vec<Tag>, String) {
    let note = set
        .index_at_unit(unit)
        .and_then(|i| set.get(i))
        .map(|(a, _)| a.note.clone())
        .unwrap_or_default();
    (set.tags_at_unit(unit).to_vec(), note)
}

#[test]
fn adopting_a_version_is_one_saved_edit_that_one_undo_takes_back() {
    let article = article();
    let view = view(&article);
    let (mut app, _dir) = opened();
    // The shared copy already has a denial on unit 2, which Bob's version does not.
    update(&mut app, Command::NextUnit);
    update(&mut app, Command::NextUnit);
    update(&mut app, Command::ToggleDenial);
    let before = unit_state(&app, 2);
    assert_eq!(before.0, vec![Tag::Denial]);

    let effects = adopt(&mut app, 2, view.version(1).unwrap());
    assert!(matches!(
        effects.as_slice(),
        [Effect::SaveSidecar { .. }] | []
    ));
    assert_eq!(
        unit_state(&app, 2),
        (vec![Tag::Quote], "his words".to_owned())
    );

    update(&mut app, Command::Undo);
    assert_eq!(unit_state(&app, 2), before);
    update(&mut app, Command::Redo);
    assert_eq!(
        unit_state(&app, 2),
        (vec![Tag::Quote], "his words".to_owned())
    );

    let merged = view.merged().unwrap();
    adopt(&mut app, 2, &merged);
    assert_eq!(
        unit_state(&app, 2),
        (
            vec![Tag::Claim, Tag::Quote],
            "a figure\nhis words".to_owned()
        )
    );
    assert!(
        adopt(&mut app, 2, &merged).is_empty(),
        "already adopted: nothing to save"
    );
}

#[test]
fn adopting_asks_for_a_save() {
    let article = article();
    let view = view(&article);
    let (mut app, _dir) = opened();
    let effects = adopt(&mut app, 5, view.version(0).unwrap());
    assert!(
        matches!(effects.as_slice(), [Effect::SaveSidecar { .. }]),
        "{effects:?}"
    );
}

#[test]
fn the_overlay_shows_each_coders_version_side_by_side() {
    let article = article();
    let view = view(&article);
    insta::assert_snapshot!(drawn(&view, &article).backend());
}

/// The reading screen opened on the sample library, compared with Alice's and Bob's copies of
/// it (made by `sidenote tag`-like edits saved through the sidecar module).
fn compared() -> (support::Screen, tempfile::TempDir) {
    let mut screen = support::Screen::new(110, 34);
    let copies = tempfile::tempdir().unwrap();
    let article = article();
    for (coder, edits) in [
        (
            "alice",
            vec![
                (2, 2, &[Tag::Claim][..], "a figure"),
                (5, 5, &[Tag::Denial][..], ""),
            ],
        ),
        ("bob", vec![(2, 2, &[Tag::Quote][..], "his words")]),
    ] {
        let path = copies.path().join(coder).join(ARTICLE);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, support::sample_text(ARTICLE)).unwrap();
        let annotations = coded(&article, coder, &edits);
        sidenote::sidecar::save(&path, &article, &[], &annotations).unwrap();
    }
    screen.runtime.app.compare = sidenote::tui::compare::Compare {
        roots: vec![screen.library.path().to_owned()],
        copies: vec![copies.path().join("alice"), copies.path().join("bob")],
    };
    screen.open(ARTICLE);
    (screen, copies)
}

fn saved_unit(screen: &support::Screen, unit: usize) -> (Vec<Tag>, String) {
    let saved = screen
        .sidecar(ARTICLE)
        .map(|s| s.annotations)
        .unwrap_or_default();
    state_at(&AnnotationSet::new(&article(), saved), unit)
}

#[test]
fn d_opens_the_view_and_a_digit_adopts_that_coders_version_into_the_shared_sidecar() {
    let (mut screen, _copies) = compared();
    screen.keys("D");
    let text = screen.text();
    assert!(text.contains("Disagreement 1/2: unit 2"), "{text}");
    assert!(text.contains("his words"), "{text}");
    assert_eq!(screen.runtime.app.doc.as_ref().unwrap().cursor, 2);

    screen.keys("2");
    assert_eq!(
        saved_unit(&screen, 2),
        (vec![Tag::Quote], "his words".to_owned())
    );
    screen.keys("n");
    assert_eq!(screen.runtime.app.doc.as_ref().unwrap().cursor, 5);
    screen.keys("1");
    assert_eq!(saved_unit(&screen, 5).0, vec![Tag::Denial]);

    screen.keys("<esc>u");
    assert_eq!(
        saved_unit(&screen, 5).0,
        Vec::<Tag>::new(),
        "u takes the adoption back"
    );
    assert_eq!(saved_unit(&screen, 2).0, vec![Tag::Quote]);
}

#[test]
fn without_copies_to_compare_d_says_how_to_give_them() {
    let mut screen = support::Screen::new(110, 34);
    screen.open(ARTICLE);
    screen.keys("D");
    assert!(screen.text().contains("--compare"));
}
