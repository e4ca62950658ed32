//! Loading, saving and placing 10,000 annotations: each should take well under 50 ms. And a tag
//! toggled on an article that holds them: the key's update and the next frame, which should
//! fit in one frame (under 16 ms; the reading screen's aim is under 1 ms).
#![allow(clippy::unwrap_used)]

use std::fs;
use std::sync::Arc;
use std::time::Instant;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use sidenote::annotation::{AnnotationSet, Stamp, Tag, place_all};
use sidenote::article::Article;
use sidenote::config::Config;
use sidenote::sidecar;
use sidenote::tui::action::Action;
use sidenote::tui::app::App;
use sidenote::tui::command::Command;
use sidenote::tui::effect::Effect;
use sidenote::tui::outcome::{Opened, Outcome};
use sidenote::tui::{setup, ui, update::update};
use time::macros::datetime;

const COUNT: usize = 10_000;

fn fixture() -> (tempfile::TempDir, std::path::PathBuf, Article) {
    let text: String = (0..COUNT)
        .map(|n| format!("Paragraph {n} reports that {n} soldiers were counted by the agency.\n\n"))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.txt");
    fs::write(&path, &text).unwrap();
    let article = Article::parse("big.txt", text.as_bytes()).unwrap();
    assert_eq!(article.units().len(), COUNT);
    (dir, path, article)
}

fn annotations(article: &Article) -> Vec<sidenote::annotation::Annotation> {
    let mut set = AnnotationSet::new(article, Vec::new());
    for unit in 0..COUNT {
        let stamp = Stamp {
            author: "bench".into(),
            now: datetime!(2025-01-13 09:00 UTC),
            new_id: format!("01943f0e-0000-7000-8000-{unit:012}"),
        };
        set.add_tag(article, (unit, unit), Tag::ALL[unit % 3], &stamp);
    }
    set.into_annotations()
}

fn bench(c: &mut Criterion) {
    let (_dir, path, article) = fixture();
    let annotations = annotations(&article);
    let saved = sidecar::save(&path, &article, &[], &annotations).unwrap();

    c.bench_function("place_all 10k unchanged", |b| {
        b.iter(|| place_all(&article, &saved))
    });
    let edited = Article::parse(
        "big.txt",
        article.text().replace("counted", "tallied").as_bytes(),
    )
    .unwrap();
    c.bench_function("place_all 10k every sentence edited", |b| {
        b.iter(|| place_all(&edited, &saved))
    });
    let inserted = Article::parse(
        "big.txt",
        format!(
            "An editor's note was added at the top.\n\n{}",
            article.text()
        )
        .as_bytes(),
    )
    .unwrap();
    c.bench_function("place_all 10k paragraph inserted at top", |b| {
        b.iter(|| place_all(&inserted, &saved))
    });
    let other: String = (0..COUNT)
        .map(|n| format!("Unrelated line {n} about the weather in the hills today.\n\n"))
        .collect();
    let other = Article::parse("big.txt", other.as_bytes()).unwrap();
    c.bench_function("place_all 10k all orphaned", |b| {
        b.iter(|| place_all(&other, &saved))
    });
    c.bench_function("AnnotationSet::new 10k", |b| {
        b.iter_batched(
            || saved.clone(),
            |annotations| AnnotationSet::new(&article, annotations),
            BatchSize::LargeInput,
        )
    });
    c.bench_function("load 10k", |b| b.iter(|| sidecar::load(&path).unwrap()));
    // Saves through the cache the open document keeps, as the reading screen does.
    let mut cache = sidecar::Cache::new();
    sidecar::load_cached(&path, &mut cache).unwrap();
    c.bench_function("save 10k unchanged", |b| {
        b.iter(|| sidecar::save_cached(&path, &article, &saved, &saved, &mut cache).unwrap())
    });
    let mut base = saved.clone();
    c.bench_function("save 10k with one change", |b| {
        b.iter(|| {
            let mut ours = base.clone();
            ours[0].note = if ours[0].note.is_empty() {
                "n".into()
            } else {
                String::new()
            };
            base = sidecar::save_cached(&path, &article, &base, &ours, &mut cache).unwrap();
        })
    });
    tag_frame(c, &path, article, saved);
}

/// A tag toggled in the middle of an article with 10,000 annotations, then a frame drawn; the
/// save it asks for runs on another thread in the reading screen, so it is not counted here.
fn tag_frame(
    c: &mut Criterion,
    path: &std::path::Path,
    article: Article,
    annotations: Vec<sidenote::annotation::Annotation>,
) {
    let setup = setup(&Config::default(), false, Vec::new()).unwrap();
    let mut app = setup.app;
    update(
        &mut app,
        Action::Resize {
            width: 160,
            height: 48,
        },
    );
    update(
        &mut app,
        Outcome::ArticleOpened(Opened {
            path: path.to_owned(),
            rejections_key: String::new(),
            article: Arc::new(article),
            annotations,
            sidecar_error: None,
        }),
    );
    update(&mut app, Command::HalfPageDown);
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(160, 48)).unwrap();
    // The save a toggle asks for, kept while the next toggle runs when `held`, as the reading
    // screen's save thread holds its snapshot while it writes.
    let mut running: Vec<Effect> = Vec::new();
    let mut toggle = |app: &mut App, draw: bool, held: bool| {
        let start = Instant::now();
        let effects = update(app, Command::ToggleQuote);
        if draw {
            terminal
                .draw(|frame| ui::draw(frame, app, &setup.theme))
                .unwrap();
        }
        let took = start.elapsed();
        // The save goes to another thread in the reading screen; here it is dropped, now or
        // after the next toggle.
        drop(std::mem::replace(
            &mut running,
            if held { effects } else { Vec::new() },
        ));
        if let Some(doc) = app.doc.as_mut() {
            doc.save.in_flight = false;
        }
        took
    };
    c.bench_function("toggle tag and frame, 10k annotations", |b| {
        b.iter_custom(|iters| (0..iters).map(|_| toggle(&mut app, true, false)).sum())
    });
    c.bench_function("toggle tag update only, 10k annotations", |b| {
        b.iter_custom(|iters| (0..iters).map(|_| toggle(&mut app, false, false)).sum())
    });
    c.bench_function(
        "toggle tag update only while a save runs, 10k annotations",
        |b| b.iter_custom(|iters| (0..iters).map(|_| toggle(&mut app, false, true)).sum()),
    );
    // Undo then redo of the last toggle: two keys, the set left as it was.
    c.bench_function("toggle undo and redo, 10k annotations", |b| {
        b.iter_custom(|iters| {
            (0..iters)
                .map(|_| {
                    let start = Instant::now();
                    let undo = update(&mut app, Command::Undo);
                    let redo = update(&mut app, Command::Redo);
                    let took = start.elapsed();
                    drop((undo, redo));
                    if let Some(doc) = app.doc.as_mut() {
                        doc.save.in_flight = false;
                    }
                    took
                })
                .sum()
        })
    });
    // A save's result coming back (the annotations on disk adopted): not a key, but it runs on
    // the screen's thread after every save.
    c.bench_function("save result applied, 10k annotations", |b| {
        b.iter_custom(|iters| {
            (0..iters)
                .map(|_| {
                    let doc = app.doc.as_mut().unwrap();
                    doc.save.in_flight = true;
                    let ours = doc.annotations.snapshot();
                    let action = Outcome::saved(
                        doc.path.clone(),
                        doc.revision,
                        &ours,
                        ours.iter().cloned().collect(),
                    );
                    let start = Instant::now();
                    let effects = update(&mut app, action);
                    let took = start.elapsed();
                    drop(effects);
                    took
                })
                .sum()
        })
    });
}

criterion_group! {
    name = benches;
    // Ten samples keep the slowest case (everything orphaned, over a second a run) to seconds.
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);
