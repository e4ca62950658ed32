//! The suggester next to the segmenter on the same ~20 MB of news text: the core (parsing alone,
//! then parsing and proposing for every unit), the rows each command writes, and the two commands
//! as processes on the same file (the goal: `suggest` costs at most twice `segment`), and the
//! reading screen's keys and frames with proposals shown (the goal: under 1 ms a frame).
//!
//! The text is the five sample articles, paragraphs shuffled and numbers varied, as in
//! `benches/segment.rs`.
#![allow(clippy::unwrap_used)]

#[path = "support/news.rs"]
mod news;

use std::hint::black_box;
use std::io;
use std::path::Path;
use std::process::{Command as Process, Stdio};
use std::sync::Arc;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sidenote::article::Article;
use sidenote::cli::{segment, suggest};
use sidenote::config::Config;
use sidenote::suggest::{suggest_all, suggest_units};
use sidenote::tui::action::Action;
use sidenote::tui::app::App;
use sidenote::tui::command::Command;
use sidenote::tui::outcome::{Opened, Outcome};
use sidenote::tui::theme::Theme;
use sidenote::tui::{setup, ui, update::update};

const SAMPLES: [&str; 5] = [
    include_str!("../assets/samples/kremlin-silent-on-captured-soldiers.txt"),
    include_str!("../assets/samples/lawmaker-cites-spy-agency-300-dead.txt"),
    include_str!("../assets/samples/mp-reports-100-killed-1000-injured.txt"),
    include_str!("../assets/samples/nis-briefs-parliamentary-committee.txt"),
    include_str!("../assets/samples/storm-corps-ordered-to-kill-themselves.txt"),
];

const TARGET_BYTES: usize = 20 * 1024 * 1024;

fn news_text() -> String {
    let mut paragraphs = Vec::new();
    for sample in SAMPLES {
        if sample.contains("\n\n") {
            paragraphs.extend(sample.split("\n\n"));
        } else {
            paragraphs.extend(sample.lines());
        }
    }
    paragraphs.retain(|paragraph| !paragraph.trim().is_empty());
    news::shuffled(&paragraphs, TARGET_BYTES, String::new())
}

fn bench(c: &mut Criterion) {
    let text = news_text();
    if let Some(path) = std::env::var_os("SIDENOTE_BENCH_DUMP") {
        std::fs::write(path, &text).unwrap();
    }
    let mut group = c.benchmark_group("news-20MB");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("segment/Article::parse", |b| {
        b.iter(|| {
            Article::parse("news.txt", black_box(text.as_bytes()))
                .unwrap()
                .units()
                .len()
        });
    });
    group.bench_function("suggest/Article::parse+suggest_all", |b| {
        b.iter(|| {
            let article = Article::parse("news.txt", black_box(text.as_bytes())).unwrap();
            suggest_all(&article).len()
        });
    });
    // The commands' cores: parse, then every unit as a JSON Lines row.
    group.bench_function("segment/parse_and_write_json_rows", |b| {
        b.iter(|| {
            let article = Article::parse("news.txt", black_box(text.as_bytes())).unwrap();
            segment::write_units(&article, segment::Format::Json, &mut io::sink()).unwrap();
        });
    });
    group.bench_function("suggest/parse_and_write_json_rows", |b| {
        b.iter(|| {
            let article = Article::parse("news.txt", black_box(text.as_bytes())).unwrap();
            let name = Path::new("news.txt");
            suggest::write_suggestions(&article, name, suggest::Format::Json, &mut io::sink())
                .unwrap();
        });
    });
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("news.txt");
    std::fs::write(&file, &text).unwrap();
    let run = |command: &str| {
        let status = Process::new(env!("CARGO_BIN_EXE_sidenote"))
            .arg(command)
            .arg(&file)
            .stdout(Stdio::null())
            .status()
            .unwrap();
        assert!(status.success(), "sidenote {command} failed");
    };
    group.bench_function("process/sidenote_segment", |b| b.iter(|| run("segment")));
    group.bench_function("process/sidenote_suggest", |b| b.iter(|| run("suggest")));
    group.finish();

    // What the reading screen computes: the proposals of one screen of units, and a key that
    // moves the view, with its frame, while proposals are shown (each page new units to
    // compute) and hidden.
    let article = Arc::new(Article::parse("news.txt", text.as_bytes()).unwrap());
    let middle = article.units().len() / 2;
    let mut group = c.benchmark_group("screen-20MB");
    group.bench_function("suggest_units/60_units_mid_article", |b| {
        b.iter(|| suggest_units(&article, black_box(middle..middle + 60)).len());
    });
    for (shown, name) in [(true, "shown"), (false, "hidden")] {
        let (width, height) = (160u16, 48u16);
        let (mut app, theme) = app_on(&article, width, height, shown);
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        for (command, key) in [
            (Command::NextUnit, "next_unit"),
            (Command::PageDown, "page_down"),
        ] {
            group.bench_function(
                format!("{key}_and_frame_proposals_{name}_{width}x{height}"),
                |b| {
                    b.iter(|| {
                        update(&mut app, command);
                        terminal
                            .draw(|frame| ui::draw(frame, black_box(&app), &theme))
                            .unwrap();
                    })
                },
            );
        }
    }
    group.finish();
}

/// The reading screen on `article`, in its middle, with proposals shown or hidden.
fn app_on(article: &Arc<Article>, width: u16, height: u16, shown: bool) -> (App, Theme) {
    let setup = setup(&Config::default(), false, Vec::new()).unwrap();
    let mut app = setup.app;
    update(&mut app, Action::Resize { width, height });
    update(
        &mut app,
        Outcome::ArticleOpened(Opened {
            path: "news.txt".into(),
            rejections_key: String::new(),
            article: article.clone(),
            annotations: Vec::new(),
            sidecar_error: None,
        }),
    );
    if shown {
        update(&mut app, Command::ToggleProposals);
    }
    let middle = article.units().len() / 2;
    if let Some(doc) = app.doc.as_mut() {
        doc.cursor = middle;
    }
    update(&mut app, Command::NextUnit);
    (app, setup.theme)
}

criterion_group!(benches, bench);
criterion_main!(benches);
