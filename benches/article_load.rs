//! Loading a large article: `Article::parse` (decoding, structure, metadata, sentence splitting,
//! the code-point index) against sentence splitting alone over the same blocks, to show what the
//! structure pass adds. Built from the sample articles, about 20 MB each.

#![allow(clippy::unwrap_used)]

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sidenote::article::{Article, segment};
use sidenote::library::SAMPLES;

/// About this many bytes of text per input.
const SIZE: usize = 20 * 1024 * 1024;

/// All five samples over and over: mostly one paragraph per line.
fn mixed() -> String {
    let mut text = String::with_capacity(SIZE + 4096);
    while text.len() < SIZE {
        for (_, sample) in SAMPLES {
            text.push_str(sample);
            text.push_str("\n\n");
        }
    }
    text
}

/// The hard-wrapped sample over and over.
fn wrapped() -> String {
    let sample = SAMPLES
        .iter()
        .find(|(name, _)| name.starts_with("lawmaker"))
        .map(|(_, text)| *text)
        .unwrap();
    let mut text = String::with_capacity(SIZE + 4096);
    while text.len() < SIZE {
        text.push_str(sample);
        text.push_str("\n\n");
    }
    text
}

fn bench(c: &mut Criterion) {
    for (name, text) in [("mixed", mixed()), ("wrapped", wrapped())] {
        let mut group = c.benchmark_group(format!("load_{name}"));
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.sample_size(10);
        group.bench_function("article_parse", |b| {
            b.iter(|| Article::parse("big.txt", black_box(text.as_bytes())).unwrap())
        });
        group.bench_function("sentences_only", |b| {
            b.iter(|| {
                let mut count = 0;
                for block in black_box(&text).split("\n\n") {
                    count += segment::sentences(block).len();
                }
                count
            })
        });
        group.finish();
    }
}

/// Inputs that once took quadratic time: every unit's display text of a megabyte of
/// unmatched brackets, autolink openers, link openers and a one-line block quote.
fn hostile(c: &mut Criterion) {
    let inputs = [
        ("brackets", "[".repeat(1 << 20)),
        ("angles", "<".repeat(1 << 20)),
        ("links", "[a](".repeat(1 << 18)),
        ("quote", format!("> {}", "a. ".repeat(1 << 18))),
    ];
    let mut group = c.benchmark_group("load_hostile");
    group.sample_size(10);
    for (name, text) in inputs {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                let article = Article::parse("hostile.md", black_box(text.as_bytes())).unwrap();
                (0..article.units().len())
                    .map(|i| article.unit_text(i).map_or(0, |t| t.len()))
                    .sum::<usize>()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench, hostile);
criterion_main!(benches);
