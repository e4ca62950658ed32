//! The suggester next to the segmenter on the same ~20 MB of news text: the core (parsing alone,
//! then parsing and proposing for every unit), the rows each command writes, and the two commands
//! as processes on the same file. The goal: `suggest` costs at most twice `segment`.
//!
//! The text is the five sample articles, paragraphs shuffled and numbers varied, as in
//! `benches/segment.rs`.
#![allow(clippy::unwrap_used)]

#[path = "support/news.rs"]
mod news;

use std::hint::black_box;
use std::io;
use std::path::Path;
use std::process::{Command, Stdio};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sidenote::article::Article;
use sidenote::cli::{segment, suggest};
use sidenote::suggest::{suggest_all, suggest_units};

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
        let status = Command::new(env!("CARGO_BIN_EXE_sidenote"))
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

    // What the reading screen computes per frame: the proposals of one screen of units.
    let article = Article::parse("news.txt", text.as_bytes()).unwrap();
    let middle = article.units().len() / 2;
    let mut group = c.benchmark_group("screen");
    group.bench_function("suggest_units/60_units_mid_article", |b| {
        b.iter(|| suggest_units(&article, black_box(middle..middle + 60)).len());
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
