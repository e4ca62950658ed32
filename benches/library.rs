//! A library folder of 10,000 articles: the first frame of the reading screen (finding the
//! files, the list of file names, one frame on a `TestBackend`), the background reading that
//! fills in titles, dates and tag counts, and `sidenote export` over the whole folder.
//!
//! The goals (docs/performance.md): first frame within 200 ms; export in seconds, streaming
//! (output begins with the first article).
//! The library is generated in a temporary folder from the sample articles, every tenth
//! article with a sidecar of a dozen annotations.
#![allow(clippy::unwrap_used)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{self, Stdio};
use std::sync::mpsc::channel;
use std::time::Duration;

use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sidenote::annotation::{AnnotationSet, Stamp, Tag};
use sidenote::article::Article;
use sidenote::config::Config;
use sidenote::library::{SAMPLES, collect_articles};
use sidenote::sidecar;
use sidenote::tui::action::Action;
use sidenote::tui::app::{App, Entry};
use sidenote::tui::command::Command;
use sidenote::tui::outcome::Outcome;
use sidenote::tui::theme::Theme;
use sidenote::tui::{loader, setup, ui, update::update};
use time::macros::datetime;

const ARTICLES: usize = 10_000;

/// Writes the library into `dir`: `ARTICLES` files named like a news archive, each a sample
/// under its own title and date, one in ten with a sidecar.
fn write_library(dir: &Path) {
    for n in 0..ARTICLES {
        let (name, sample) = SAMPLES[n % SAMPLES.len()];
        let path = dir.join(format!("{n:05}-{name}"));
        let text = format!(
            "Report {n}: {}\nDate: 2024-{:02}-{:02}\n\n{sample}",
            name.trim_end_matches(".txt").replace('-', " "),
            n % 12 + 1,
            n % 28 + 1
        );
        std::fs::write(&path, &text).unwrap();
        if n % 10 == 0 {
            let article = Article::parse(&path.display().to_string(), text.as_bytes()).unwrap();
            let mut set = AnnotationSet::new(&article, Vec::new());
            for unit in 0..article.units().len().min(12) {
                let stamp = Stamp {
                    author: "bench".into(),
                    now: datetime!(2025-01-13 09:00 UTC),
                    new_id: format!("01943f0e-0000-7000-8000-{n:06}{unit:06}"),
                };
                set.add_tag(&article, (unit, unit), Tag::ALL[unit % 3], &stamp);
            }
            sidecar::save(&path, &article, &[], &set.into_annotations()).unwrap();
        }
    }
}

/// The list entries the loader sends first: every path under its file name.
/// The reading screen at 160x48 with the library at `paths` walked and listed under file names,
/// as it stands when the first frame is drawn; also the theme and the articles found.
fn listed(config: &Config, paths: &[PathBuf]) -> (App, Theme, Vec<PathBuf>) {
    let setup = setup(config, false, Vec::new()).unwrap();
    let mut app = setup.app;
    update(
        &mut app,
        Action::Resize {
            width: 160,
            height: 48,
        },
    );
    let articles = collect_articles(paths).unwrap();
    update(
        &mut app,
        Outcome::LibraryLoaded {
            entries: placeholders(&articles),
            done: false,
        },
    );
    (app, setup.theme, articles)
}

fn placeholders(articles: &[PathBuf]) -> Vec<Entry> {
    articles
        .iter()
        .map(|path| Entry {
            path: path.clone(),
            title: path
                .file_name()
                .map(|name| name.to_string_lossy().into_owned())
                .unwrap_or_default(),
            date: None,
            source: None,
            counts: [0; 3],
            speakers: Vec::new(),
            error: None,
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library");
    std::fs::create_dir(&library).unwrap();
    write_library(&library);
    let paths = vec![library.clone()];
    let config = Config::default();

    let mut group = c.benchmark_group("library_10k");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(3));
    // What stands between start and the first frame that lists the library: the state, the
    // walk of the folder, the placeholder entries, and drawing them.
    group.bench_function("first_frame_160x48", |b| {
        b.iter(|| {
            let (app, theme, _) = listed(&config, &paths);
            let mut terminal = Terminal::new(TestBackend::new(160, 48)).unwrap();
            terminal
                .draw(|frame| ui::draw(frame, &app, &theme))
                .unwrap();
            app.library.entries.len()
        })
    });
    group.bench_function("collect_articles", |b| {
        b.iter(|| collect_articles(&paths).unwrap().len())
    });
    // A key pressed while the background reading goes on: one batch of entries arriving, then
    // a move and a frame.
    {
        let (mut app, theme, articles) = listed(&config, &paths);
        let batch: Vec<Entry> = articles[..500].iter().map(|p| loader::entry(p)).collect();
        let mut terminal = Terminal::new(TestBackend::new(160, 48)).unwrap();
        group.bench_function("batch_of_500_then_key_and_frame", |b| {
            b.iter(|| {
                update(
                    &mut app,
                    Outcome::LibraryLoaded {
                        entries: batch.clone(),
                        done: false,
                    },
                );
                update(&mut app, Command::NextUnit);
                terminal
                    .draw(|frame| ui::draw(frame, &app, &theme))
                    .unwrap();
            })
        });
        group.bench_function("key_and_frame_in_list", |b| {
            b.iter(|| {
                update(&mut app, Command::NextUnit);
                terminal
                    .draw(|frame| ui::draw(frame, &app, &theme))
                    .unwrap();
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("library_10k_background");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(5));
    // Each run takes a good part of a second: as many runs per sample, not a growing number.
    group.sampling_mode(SamplingMode::Flat);
    // The loader's thread from start to its last batch, as the reading screen runs it.
    group.bench_function("fill_in_all_entries", |b| {
        b.iter(|| {
            let (sender, receiver) = channel();
            loader::spawn_library(paths.clone(), sender);
            let mut received = 0;
            for action in receiver {
                if let Outcome::LibraryLoaded { entries, done } = action {
                    received += entries.len();
                    if done {
                        break;
                    }
                }
            }
            received
        })
    });
    // The real command, output to a null sink. It reads, writes and drops one article at a
    // time; markdown and w3c read the articles twice (w3c only those with a sidecar) for the
    // summary they open with.
    let export = |format: &str| {
        let mut command = process::Command::new(env!("CARGO_BIN_EXE_sidenote"));
        command
            .args(["export", "--format", format])
            .arg(&library)
            .env("SIDENOTE_DATA_DIR", dir.path().join("data"))
            .env("SIDENOTE_CONFIG_DIR", dir.path().join("config"));
        command
    };
    for format in ["jsonl", "csv", "json", "markdown", "w3c"] {
        group.bench_function(format!("cli_export_{format}"), |b| {
            b.iter(|| {
                let status = export(format).stdout(Stdio::null()).status().unwrap();
                assert!(status.success());
            })
        });
    }
    // From start to the first byte on a pipe, as `sidenote export | head -c 1` waits: the walk
    // of the folder and the first article (the other formats: after the first pass).
    for format in ["jsonl", "markdown"] {
        group.bench_function(format!("cli_export_{format}_first_byte"), |b| {
            b.iter(|| {
                let mut child = export(format).stdout(Stdio::piped()).spawn().unwrap();
                let mut first = [0u8];
                child.stdout.take().unwrap().read_exact(&mut first).unwrap();
                // The reader going away ends the export, as `head` would.
                child.wait().unwrap();
                first[0]
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
