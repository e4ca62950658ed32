//! A save that merges in another process's annotations while this screen keeps editing: nothing
//! the other process wrote may be lost, on disk or on the screen.
#![allow(clippy::unwrap_used)]

#[path = "support/tui.rs"]
mod support;

use sidenote::annotation::{AnnotationSet, Stamp, Tag};
use sidenote::config::Config;
use sidenote::sidecar;
use sidenote::tui::action::Action;
use sidenote::tui::app::App;
use sidenote::tui::effect::Effect;
use sidenote::tui::{loader, setup, update::update};
use time::macros::datetime;

use support::{ARTICLE, sample_library};

const NOW: time::OffsetDateTime = datetime!(2026-11-22 10:00 UTC);

fn tick(n: i64) -> Action {
    Action::Tick {
        now: NOW + time::Duration::seconds(n),
        new_id: format!("0195a3c2-aaaa-7000-8000-{n:012}"),
    }
}

/// Runs a save effect as the runtime's saving thread does and feeds its result back.
fn run_save(app: &mut App, effect: Effect) -> Vec<Effect> {
    let Effect::SaveSidecar {
        path,
        article,
        base,
        ours,
        revision,
    } = effect
    else {
        panic!("not a save: {effect:?}");
    };
    let on_disk = sidecar::save_shared(&path, &article, &base, &ours).unwrap();
    update(app, Action::saved(path, revision, &ours, on_disk))
}

#[test]
fn a_tag_merged_in_by_a_save_survives_an_edit_made_while_that_save_ran() {
    let dir = sample_library();
    let mut app = setup(&Config::default(), false, Vec::new()).unwrap().app;
    update(
        &mut app,
        Action::Resize {
            width: 100,
            height: 30,
        },
    );
    update(&mut app, tick(0));
    update(&mut app, loader::open_article(&dir.path().join(ARTICLE)));
    let path = app.doc.as_ref().unwrap().path.clone();
    let article = app.doc.as_ref().unwrap().article.clone();

    // A tag on unit 0: its save starts (and is held back here).
    update(&mut app, tick(1));
    let mut first = update(&mut app, Action::ToggleClaim);
    assert_eq!(first.len(), 1);

    // Meanwhile another process tags unit 2 and saves.
    let theirs = sidecar::load(&path)
        .unwrap()
        .map(|s| s.annotations)
        .unwrap_or_default();
    let mut set = AnnotationSet::new(&article, theirs.clone());
    let stamp = Stamp {
        author: "colleague".into(),
        now: NOW,
        new_id: "colleague-1".into(),
    };
    set.add_tag(&article, (2, 2), Tag::Quote, &stamp);
    sidecar::save(&path, &article, &theirs, &set.into_annotations()).unwrap();

    // While the first save runs, this screen tags unit 1: that change waits for it.
    update(&mut app, tick(2));
    assert!(update(&mut app, Action::NextUnit).is_empty());
    assert!(update(&mut app, Action::ToggleDenial).is_empty());

    // The first save merges the colleague's tag in; then the waiting change is saved.
    let mut pending = run_save(&mut app, first.pop().unwrap());
    while let Some(effect) = pending.pop() {
        pending.extend(run_save(&mut app, effect));
    }

    let on_disk: Vec<(String, Vec<Tag>)> = sidecar::load(&path)
        .unwrap()
        .unwrap()
        .annotations
        .iter()
        .map(|a| (a.id.clone(), a.tags.clone()))
        .collect();
    assert!(
        on_disk.contains(&("colleague-1".to_owned(), vec![Tag::Quote])),
        "the other process's tag was deleted: {on_disk:?}"
    );
    assert_eq!(on_disk.len(), 3, "{on_disk:?}");
    let on_screen: Vec<String> = app
        .doc
        .as_ref()
        .unwrap()
        .annotations
        .annotations()
        .map(|a| a.id.clone())
        .collect();
    assert!(
        on_screen.contains(&"colleague-1".to_owned()),
        "the other process's tag is not shown: {on_screen:?}"
    );
    assert_eq!(on_screen.len(), 3);
}
