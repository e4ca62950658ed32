//! Throughput of the sentence splitter, of the whole article pass and of `sidenote segment` on
//! ~20 MB of news text, with `wc -w` on the same file in the same run for comparison.
//!
//! The text is the five sample articles, paragraphs shuffled and numbers varied so that no two
//! copies are byte-identical. Set `SIDENOTE_BENCH_DUMP=/path/file.txt` to write the text out,
//! for comparing with other tools such as `wc -w`.
#![allow(clippy::unwrap_used)]

#[path = "support/news.rs"]
mod news;

use std::hint::black_box;
use std::io;
use std::process::{Command, Stdio};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sidenote::article::Article;
use sidenote::article::segment::{sentences, sentences_into};
use sidenote::cli::segment::{Format, write_units};

const SAMPLES: [&str; 5] = [
    include_str!("../assets/samples/kremlin-silent-on-captured-soldiers.txt"),
    include_str!("../assets/samples/lawmaker-cites-spy-agency-300-dead.txt"),
    include_str!("../assets/samples/mp-reports-100-killed-1000-injured.txt"),
    include_str!("../assets/samples/nis-briefs-parliamentary-committee.txt"),
    include_str!("../assets/samples/storm-corps-ordered-to-kill-themselves.txt"),
];

const TARGET_BYTES: usize = 20 * 1024 * 1024;

/// The paragraphs of the samples: blocks between blank lines, or single lines in the samples
/// that put one paragraph on each line.
fn sample_paragraphs() -> Vec<&'static str> {
    let mut paragraphs = Vec::new();
    for sample in SAMPLES {
        if sample.contains("\n\n") {
            paragraphs.extend(sample.split("\n\n"));
        } else {
            paragraphs.extend(sample.lines());
        }
    }
    paragraphs.retain(|paragraph| !paragraph.trim().is_empty());
    paragraphs
}

/// About 20 MB of paragraphs separated by blank lines, in a pseudo-random order, every digit
/// run rewritten so that copies differ.
fn news_text() -> String {
    let paragraphs = sample_paragraphs();
    news::shuffled(&paragraphs, TARGET_BYTES, String::new())
}

fn bench(c: &mut Criterion) {
    let text = news_text();
    if let Some(path) = std::env::var_os("SIDENOTE_BENCH_DUMP") {
        std::fs::write(path, &text).unwrap();
    }
    let paragraphs: Vec<&str> = text.split("\n\n").collect();

    let mut group = c.benchmark_group("news-20MB");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("segment::sentences", |b| {
        b.iter(|| {
            let mut count = 0;
            for paragraph in &paragraphs {
                count += sentences(black_box(paragraph)).len();
            }
            count
        });
    });
    group.bench_function("segment::sentences_into", |b| {
        let mut out = Vec::new();
        b.iter(|| {
            let mut count = 0;
            for paragraph in &paragraphs {
                sentences_into(black_box(paragraph), &mut out);
                count += out.len();
            }
            count
        });
    });
    group.bench_function("Article::parse", |b| {
        b.iter(|| {
            Article::parse("news.txt", black_box(text.as_bytes()))
                .unwrap()
                .units()
                .len()
        });
    });
    // The core of `sidenote segment`: parse, then every unit as a JSON Lines row.
    group.bench_function("parse_and_write_json_rows", |b| {
        b.iter(|| {
            let article = Article::parse("news.txt", black_box(text.as_bytes())).unwrap();
            let mut out = io::sink();
            write_units(&article, Format::Json, &mut out).unwrap();
            article.units().len()
        });
    });
    // Side by side: the whole command and `wc -w` as processes on the same file.
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("news.txt");
    std::fs::write(&file, &text).unwrap();
    let run = |program: &str, args: &[&std::ffi::OsStr]| {
        let status = Command::new(program)
            .args(args)
            .stdout(Stdio::null())
            .status()
            .unwrap();
        assert!(status.success(), "{program} failed");
    };
    group.bench_function("process/sidenote_segment", |b| {
        b.iter(|| {
            run(
                env!("CARGO_BIN_EXE_sidenote"),
                &["segment".as_ref(), file.as_ref()],
            )
        });
    });
    group.bench_function("process/wc_-w", |b| {
        b.iter(|| run("wc", &["-w".as_ref(), file.as_ref()]));
    });
    group.finish();

    // Inputs built to make a careless scanner quadratic; each must stay near normal speed.
    let mut group = c.benchmark_group("hostile-1MB");
    group.sample_size(10);
    for (name, piece) in [
        ("no-letters", "? "),
        ("open-links", "]("),
        ("list-markers", "1. "),
        ("fragments", "In the U.S. The "),
        ("spaced-ellipses", ". "),
        ("titles", "Mr. "),
    ] {
        let input = piece.repeat(1024 * 1024 / piece.len());
        group.throughput(Throughput::Bytes(input.len() as u64));
        group.bench_function(name, |b| b.iter(|| sentences(black_box(&input)).len()));
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
