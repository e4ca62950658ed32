//! A save refused by the sidecar itself, not by the disk: a sidecar another program broke, or one
//! a newer sidenote wrote, is never overwritten. Trying again every 2 s would fail forever, so
//! the screen keeps the tags in memory, says what the person must do, and saves again at the
//! next change once they have done it.
#![allow(clippy::unwrap_used)]

#[path = "support/tui.rs"]
mod support;

use std::fs;

use rstest::rstest;
use sidenote::config::Config;
use sidenote::sidecar;
use sidenote::tui::action::Action;
use sidenote::tui::app::App;
use sidenote::tui::command::Command;
use sidenote::tui::effect::Effect;
use sidenote::tui::outcome::Outcome;
use sidenote::tui::{loader, setup, update::update};
use time::macros::datetime;

use support::{ARTICLE, sample_library};

const NOW: time::OffsetDateTime = datetime!(2026-11-22 10:00 UTC);

fn tick(seconds: i64) -> Action {
    Action::Tick {
        now: NOW + time::Duration::seconds(seconds),
        new_id: format!("0195a3c2-aaaa-7000-8000-{seconds:012}"),
    }
}

/// Runs the saves in `effects` through the sidecar module as the runtime does, feeding their
/// outcomes back; returns the effects left that are not saves.
fn run_saves(app: &mut App, mut effects: Vec<Effect>) -> Vec<Effect> {
    let mut rest = Vec::new();
    while let Some(effect) = effects.pop() {
        let Effect::SaveSidecar {
            path,
            article,
            base,
            ours,
            revision,
            cache,
        } = effect
        else {
            rest.push(effect);
            continue;
        };
        let mut cache = cache.lock().unwrap();
        let saved = sidecar::save_shared(&path, &article, &base, &ours, &mut cache);
        drop(cache);
        let outcome = match saved {
            Ok(on_disk) => Outcome::saved(path, revision, &ours, on_disk),
            Err(error) => Outcome::SaveFailed {
                path,
                error: error.into(),
            },
        };
        effects.extend(update(app, outcome));
    }
    rest
}

/// How a sidecar is spoilt while the article is open, and what the screen must tell the person.
enum Spoilt {
    /// Another program wrote something that is not a sidecar.
    Broken,
    /// A newer sidenote wrote it.
    Newer,
}

fn spoil(path: &std::path::Path, how: &Spoilt) {
    let sidecar = sidecar::path_for(path);
    match how {
        Spoilt::Broken => fs::write(&sidecar, "(version: 1, annotations: [ oops").unwrap(),
        Spoilt::Newer => {
            let text = fs::read_to_string(&sidecar).unwrap().replacen(
                "version: 1,",
                "version: 5,\n    team: (name: \"desk\"),",
                1,
            );
            fs::write(&sidecar, text).unwrap();
        }
    }
}

#[rstest]
#[case(Spoilt::Broken, "fix or move aside")]
#[case(Spoilt::Newer, "upgrade sidenote")]
fn a_sidecar_that_needs_a_person_is_not_retried_and_says_what_to_do(
    #[case] how: Spoilt,
    #[case] advice: &str,
) {
    let dir = sample_library();
    let article = dir.path().join(ARTICLE);
    let mut app = setup(&Config::default(), false, Vec::new()).unwrap().app;
    update(
        &mut app,
        Action::Resize {
            width: 100,
            height: 30,
        },
    );
    update(&mut app, tick(0));
    assert!(update(&mut app, loader::open_article(&article)).is_empty());
    // One tag saved, so the sidecar exists; then it is spoilt and the next tag's save refused.
    let effects = update(&mut app, Command::ToggleClaim);
    assert!(run_saves(&mut app, effects).is_empty());
    spoil(&article, &how);
    let spoilt = fs::read(sidecar::path_for(&article)).unwrap();
    update(&mut app, tick(1));
    let effects = update(&mut app, Command::NextUnit)
        .into_iter()
        .chain(update(&mut app, Command::ToggleQuote))
        .collect();
    assert!(run_saves(&mut app, effects).is_empty());

    let message = app.message.clone().unwrap();
    assert!(message.error, "{message:?}");
    assert!(
        message.text.starts_with("not saved, kept in memory:"),
        "{message:?}"
    );
    assert!(message.text.contains(advice), "{message:?}");
    assert!(!message.text.contains("retrying"), "{message:?}");
    for seconds in [3, 10, 60] {
        assert!(
            update(&mut app, tick(seconds)).is_empty(),
            "no retry by the clock after {seconds} s"
        );
    }
    assert_eq!(fs::read(sidecar::path_for(&article)).unwrap(), spoilt);

    // A quit holds back once, with the same advice rather than "saves by itself".
    update(&mut app, Command::Quit);
    assert!(!app.quit);
    let message = app.message.clone().unwrap();
    assert!(
        message.text.contains(advice) && message.text.contains("q again"),
        "{message:?}"
    );
    assert!(!message.text.contains("by themselves"), "{message:?}");

    // The person moves the file aside; the next change saves both tags.
    fs::rename(
        sidecar::path_for(&article),
        dir.path().join("spoilt-sidecar"),
    )
    .unwrap();
    update(&mut app, tick(61));
    let effects = update(&mut app, Command::NextUnit)
        .into_iter()
        .chain(update(&mut app, Command::ToggleDenial))
        .collect();
    assert!(run_saves(&mut app, effects).is_empty());
    let saved = sidecar::load(&article).unwrap().unwrap().annotations;
    assert_eq!(saved.len(), 3, "{saved:?}");
    assert!(app.doc.as_ref().unwrap().save.failed.is_none());
}
