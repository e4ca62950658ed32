//! `sidenote compare` over 1,000 and 4,000 tagged articles, next to `sidenote export --format
//! jsonl` over the same folders, the core's grouping alone, and one frame of the matrix view.
//!
//! The goals (docs/performance.md): compare costs at most five times export over 1,000
//! articles, and 4,000 articles cost at most six times 1,000 (no all-pairs comparison).
//! The library is generated in a temporary folder: events of five articles each, one per
//! sample, with every name of the event and every figure rewritten so that events differ the
//! way real ones do (their own places, people and counts) while their wording repeats; every
//! sentence of every article is tagged (the heaviest case for grouping).
#![allow(clippy::unwrap_used)]

use std::collections::HashSet;
use std::path::Path;
use std::process::{self, Stdio};

use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::widgets::Widget;
use sidenote::annotation::{AnnotationSet, Stamp, Tag};
use sidenote::article::Article;
use sidenote::library::SAMPLES;
use sidenote::sidecar;
use sidenote::tui::claim_matrix::MatrixView;
use sidenote::tui::theme::Theme;
use sidenote::tui::ui::ClaimMatrix;
use time::macros::datetime;

/// A made-up word for event `event` and slot `slot`, so each event has its own names.
fn name(event: usize, slot: usize) -> String {
    const SYLLABLES: [&str; 16] = [
        "ka", "lo", "mir", "ten", "vas", "dor", "ul", "bre", "sha", "pol", "ni", "quar", "zet",
        "ro", "fen", "gav",
    ];
    let mut n = event * 7 + slot * 131 + 17;
    let mut word = String::new();
    for _ in 0..3 {
        word.push_str(SYLLABLES[n % 16]);
        n /= 16;
    }
    let mut chars = word.chars();
    let first = chars.next().unwrap().to_ascii_uppercase();
    format!("{first}{}{event}", chars.as_str())
}

/// Sample `text` as event `event` reports it.
fn rewrite(text: &str, event: usize) -> String {
    let mut out = text.to_owned();
    for (slot, names) in [
        ["North Korean", "", ""],
        ["Kursk", "", ""],
        ["Zelenskyy", "Zelensky", ""],
        ["Lee Seong-kweun", "Lee Sung-kwon", "Lee"],
        ["Kim Jong Un", "Kim Jong-un", ""],
        ["Storm Corps", "", ""],
    ]
    .iter()
    .enumerate()
    {
        for old in names.iter().filter(|n| !n.is_empty()) {
            out = out.replace(old, &name(event, slot));
        }
    }
    let shift = (event % 9 + 1).to_string();
    out.chars()
        .map(|c| {
            if c == '3' {
                shift.chars().next().unwrap()
            } else {
                c
            }
        })
        .collect()
}

/// Writes `articles` tagged articles into `dir`.
fn write_library(dir: &Path, articles: usize) {
    for n in 0..articles {
        let (file, sample) = SAMPLES[n % SAMPLES.len()];
        let event = n / SAMPLES.len();
        let path = dir.join(format!("{event:05}-{file}"));
        let text = rewrite(sample, event);
        std::fs::write(&path, &text).unwrap();
        let article = Article::parse(&path.display().to_string(), text.as_bytes()).unwrap();
        let mut set = AnnotationSet::new(&article, Vec::new());
        for unit in 0..article.units().len() {
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

fn run(args: &[&str], dir: &Path, data: &Path) {
    let status = process::Command::new(env!("CARGO_BIN_EXE_sidenote"))
        .args(args)
        .arg(dir)
        .env("SIDENOTE_DATA_DIR", data)
        .env("SIDENOTE_CONFIG_DIR", data)
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
}

fn compare(c: &mut Criterion) {
    let mut group = c.benchmark_group("compare");
    group.sample_size(10);
    group.sampling_mode(SamplingMode::Flat);
    for articles in [1_000, 4_000] {
        let dir = tempfile::tempdir().unwrap();
        let data = tempfile::tempdir().unwrap();
        write_library(dir.path(), articles);
        group.bench_function(format!("cli_compare_{articles}"), |b| {
            b.iter(|| run(&["compare"], dir.path(), data.path()));
        });
        group.bench_function(format!("cli_export_jsonl_{articles}"), |b| {
            b.iter(|| run(&["export", "--format", "jsonl"], dir.path(), data.path()));
        });
        let files = {
            let mut files = Vec::new();
            let mut problems = Vec::new();
            sidenote::library::find_articles(dir.path(), &mut files, &mut problems);
            files.retain(|f| sidecar::path_for(f).exists());
            files.sort();
            files
        };
        let mut problems = Vec::new();
        let library = sidenote::library::claims::read(&files, &mut problems);
        assert!(problems.is_empty());
        group.bench_function(format!("groups_{articles}"), |b| {
            b.iter(|| sidenote::claims::groups(&library.units, &HashSet::new()));
        });
        // One frame of the matrix view at 80x24, the cursor in the middle of the rows and
        // columns: it draws what fits, whatever the library's size.
        let groups = sidenote::claims::groups(&library.units, &HashSet::new());
        let mut view = MatrixView::new(library.clone(), groups, files.clone());
        view.step_row(isize::try_from(view.shown.len() / 2).unwrap());
        view.step_column(isize::try_from(articles / 2).unwrap());
        let (theme, _) = Theme::new(&Default::default(), false);
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        group.bench_function(format!("matrix_frame_80x24_{articles}"), |b| {
            b.iter(|| {
                terminal
                    .draw(|frame| {
                        let area = frame.area();
                        ClaimMatrix::new(&view, &theme).render(area, frame.buffer_mut());
                    })
                    .unwrap();
            });
        });
    }
    group.finish();
}

criterion_group!(benches, compare);
criterion_main!(benches);
