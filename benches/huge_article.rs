//! A 100 MB article: the time from the file to the first rendered screen (its head) and to the
//! whole article ready, cursor moves and scrolling with a frame at the start, the middle and the
//! end of the text, and search.
//!
//! Goals (docs/performance.md): first screen within 300 ms, under 1 ms per frame anywhere,
//! first search match within 100 ms. The article is the sample articles, paragraphs shuffled
//! and numbers varied, written to a temporary file.
#![allow(clippy::unwrap_used)]

#[path = "support/news.rs"]
mod news;

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{BatchSize, Criterion, SamplingMode, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sidenote::article::Article;
use sidenote::config::Config;
use sidenote::library::{SAMPLES, Staging, read_article};
use sidenote::tui::action::{Action, Input};
use sidenote::tui::app::{App, Top};
use sidenote::tui::command::Command;
use sidenote::tui::effect::Effect;
use sidenote::tui::outcome::{Opened, Outcome};
use sidenote::tui::search::scan;
use sidenote::tui::theme::Theme;
use sidenote::tui::{loader, setup, ui, update::update};

const TARGET_BYTES: usize = 100 * 1024 * 1024;
const WIDTH: u16 = 160;
const HEIGHT: u16 = 48;

/// About 100 MB of the samples' paragraphs in a pseudo-random order, digits varied so no two
/// copies are the same. Set `SIDENOTE_BENCH_DUMP=/path/big.txt` to keep the file (for
/// `scripts/first-screen.sh` and memory measurements).
fn big_text() -> String {
    let paragraphs: Vec<&str> = SAMPLES
        .iter()
        .flat_map(|(_, text)| text.lines())
        .filter(|line| !line.trim().is_empty())
        .collect();
    news::shuffled(
        &paragraphs,
        TARGET_BYTES,
        "A hundred megabytes of reports\n\n".to_owned(),
    )
}

/// A fresh screen of `WIDTH` x `HEIGHT`.
fn fresh() -> (App, Theme) {
    let setup = setup(&Config::default(), false, Vec::new()).unwrap();
    let mut app = setup.app;
    update(
        &mut app,
        Action::Resize {
            width: WIDTH,
            height: HEIGHT,
        },
    );
    (app, setup.theme)
}

/// The screen with `article` open.
fn opened(path: &Path, article: &Arc<Article>) -> (App, Theme) {
    let (mut app, theme) = fresh();
    update(
        &mut app,
        Outcome::ArticleOpened(Opened {
            path: path.to_owned(),
            rejections_key: String::new(),
            article: article.clone(),
            annotations: Vec::new(),
            sidecar_error: None,
        }),
    );
    (app, theme)
}

/// Puts the cursor and the top row on `unit`.
fn place(app: &mut App, unit: usize) {
    let doc = app.doc.as_mut().unwrap();
    doc.cursor = unit;
    doc.top = Top { unit, row: 0 };
    update(app, Command::NextUnit);
    update(app, Command::PrevUnit);
}

/// Types `query` into the search box and submits it; returns the search effect.
fn submit_search(app: &mut App, query: &str) -> Effect {
    update(app, Command::StartSearch);
    for c in query.chars() {
        update(app, Action::Input(Input::Char(c)));
    }
    update(app, Action::Input(Input::Enter))
        .into_iter()
        .find(|effect| matches!(effect, Effect::Search { .. }))
        .unwrap()
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.txt");
    let text = big_text();
    std::fs::write(&path, &text).unwrap();
    if let Some(dump) = std::env::var_os("SIDENOTE_BENCH_DUMP") {
        std::fs::write(dump, &text).unwrap();
    }
    let bytes = text.into_bytes();

    let mut group = c.benchmark_group("huge_100MB_open");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(5));
    // Each run takes a good part of a second: as many runs per sample, not a growing number.
    group.sampling_mode(SamplingMode::Flat);
    // As `sidenote big.txt` does before its first frame: read the file's head, parse it, show
    // it, draw.
    group.bench_function("file_to_first_frame", |b| {
        b.iter(|| {
            let (mut app, theme) = fresh();
            update(&mut app, loader::preview(&path, Staging::DEFAULT).unwrap());
            let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap();
            terminal
                .draw(|frame| ui::draw(frame, &app, &theme))
                .unwrap();
            app.doc.is_some()
        })
    });
    // The whole article ready, as the loader's thread makes it after the head: read the whole
    // file and its sidecar, parse, replace the head keeping the place, draw.
    group.bench_function("file_to_full_frame", |b| {
        b.iter_batched(
            || {
                let (mut app, theme) = fresh();
                update(&mut app, loader::preview(&path, Staging::DEFAULT).unwrap());
                (app, theme)
            },
            |(mut app, theme)| {
                update(&mut app, loader::open_article(&path));
                let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap();
                terminal
                    .draw(|frame| ui::draw(frame, &app, &theme))
                    .unwrap();
                app.doc.is_some_and(|doc| doc.loading.is_none())
            },
            BatchSize::PerIteration,
        )
    });
    group.bench_function("bytes_to_article", |b| {
        b.iter_batched(
            || bytes.clone(),
            |bytes| Article::parse_owned("big.txt", bytes).unwrap(),
            BatchSize::LargeInput,
        )
    });
    group.bench_function("read_file", |b| {
        b.iter(|| std::fs::read(&path).unwrap().len())
    });
    group.finish();

    let article = Arc::new(read_article(&path).unwrap());
    let units = article.units().len();
    eprintln!("article: {} bytes, {units} units", article.text().len());
    group_frames(c, &path, &article);
    group_search(c, &path, &article);
}

/// Cursor moves and scrolling, each followed by a frame, at three places in the text. Moves go
/// down then up so the place stays the same over the iterations.
fn group_frames(c: &mut Criterion, path: &Path, article: &Arc<Article>) {
    let units = article.units().len();
    let mut group = c.benchmark_group("huge_100MB_frame");
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(2));
    let places = [
        ("start", 0),
        ("middle", units / 2),
        ("end", units.saturating_sub(40)),
    ];
    // Proposals shown (`p`): each key brings new units whose proposals are computed before the
    // frame, at the start and in the middle.
    for (place_name, unit) in places.into_iter().take(2) {
        let (mut app, theme) = opened(path, article);
        place(&mut app, unit);
        update(&mut app, Command::ToggleProposals);
        let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap();
        for (name, down) in [
            ("next_unit", Command::NextUnit),
            ("page", Command::PageDown),
        ] {
            group.bench_function(format!("{name}_and_frame_proposals_{place_name}"), |b| {
                b.iter(|| {
                    update(&mut app, down);
                    terminal
                        .draw(|frame| ui::draw(frame, &app, &theme))
                        .unwrap();
                })
            });
        }
    }
    for (place_name, unit) in places {
        let (mut app, theme) = opened(path, article);
        place(&mut app, unit);
        let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap();
        for (name, down, up) in [
            (
                "next_unit",
                Command::NextUnit.into(),
                Command::PrevUnit.into(),
            ),
            (
                "half_page",
                Command::HalfPageDown.into(),
                Command::HalfPageUp.into(),
            ),
            (
                "paragraph",
                Command::NextParagraph.into(),
                Command::PrevParagraph.into(),
            ),
            (
                "wheel",
                Action::Scroll {
                    column: WIDTH / 2,
                    row: HEIGHT / 2,
                    down: true,
                },
                Action::Scroll {
                    column: WIDTH / 2,
                    row: HEIGHT / 2,
                    down: false,
                },
            ),
        ] {
            let mut forward = false;
            group.bench_function(format!("{name}_and_frame_{place_name}"), |b| {
                b.iter(|| {
                    forward = !forward;
                    update(&mut app, if forward { down.clone() } else { up.clone() });
                    terminal
                        .draw(|frame| ui::draw(frame, &app, &theme))
                        .unwrap();
                })
            });
        }
    }
    group.finish();
}

/// Search as the screen runs it: the query submitted, the search effect's scan from the cursor,
/// the first match applied and a frame drawn (`to_first_match_frame`: the scan reports it as
/// soon as it meets it), or the whole scan, all matches applied and a frame (`to_all_matches`).
fn group_search(c: &mut Criterion, path: &Path, article: &Arc<Article>) {
    let mut group = c.benchmark_group("huge_100MB_search");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(5));
    // Each run takes a good part of a second: as many runs per sample, not a growing number.
    group.sampling_mode(SamplingMode::Flat);
    for query in ["soldiers", "Pyongyang", "no such words"] {
        let name = query.replace(' ', "_");
        let (mut app, theme) = opened(path, article);
        let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap();
        group.bench_function(format!("to_first_match_frame_{name}"), |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let start = Instant::now();
                    let Effect::Search {
                        path,
                        article,
                        query,
                        from,
                    } = submit_search(&mut app, query)
                    else {
                        unreachable!()
                    };
                    let mut first = None;
                    let matches = scan(&article, &query, from, |unit| {
                        first = Some((unit, start.elapsed()));
                    });
                    let shown = Instant::now();
                    let waited = match first {
                        Some((unit, at)) => {
                            update(
                                &mut app,
                                Outcome::SearchFound {
                                    path: path.clone(),
                                    query: query.clone(),
                                    unit,
                                },
                            );
                            at
                        }
                        // No match: "no match" shows when the scan ends.
                        None => shown - start,
                    };
                    terminal
                        .draw(|frame| ui::draw(frame, &app, &theme))
                        .unwrap();
                    total += waited + shown.elapsed();
                    update(
                        &mut app,
                        Outcome::SearchDone {
                            path,
                            query,
                            matches,
                        },
                    );
                }
                total
            })
        });
        group.bench_function(format!("to_all_matches_{name}"), |b| {
            b.iter(|| {
                let Effect::Search {
                    path,
                    article,
                    query,
                    from,
                } = submit_search(&mut app, query)
                else {
                    unreachable!()
                };
                let matches = scan(&article, &query, from, |_| {});
                let found = matches.len();
                update(
                    &mut app,
                    Outcome::SearchDone {
                        path,
                        query,
                        matches,
                    },
                );
                terminal
                    .draw(|frame| ui::draw(frame, &app, &theme))
                    .unwrap();
                found
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
