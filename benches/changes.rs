//! The change report: an article tagged, then edited (a paragraph inserted near the top, figures
//! changed, sentences deleted), its tags placed again and compared with the text they were made
//! on, as the reading screen's background job and `sidenote changes` do.
//!
//! Goals (docs/performance.md): under 50 ms for a news article; for a 100 MB article, whatever
//! it takes runs off the loop's thread (no frame waits for it).
#![allow(clippy::unwrap_used)]

#[path = "support/news.rs"]
mod news;

use std::time::Duration;

use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use sidenote::annotation::{Annotation, Tag, anchor_for, place_all};
use sidenote::article::{Article, Fingerprint};
use sidenote::changes;
use sidenote::library::SAMPLES;

/// Tags every `every`-th sentence of `article`.
fn tagged(article: &Article, every: usize) -> Vec<Annotation> {
    let at = time::macros::datetime!(2026-01-13 09:00 UTC);
    (0..article.units().len())
        .step_by(every)
        .map(|unit| {
            let anchor = anchor_for(article, unit, unit).unwrap();
            Annotation::new(format!("tag-{unit}"), vec![Tag::Claim], anchor, at)
        })
        .collect()
}

/// `article`'s text edited: a paragraph inserted after the first one, and for `edits` of the
/// tagged units (spread over the text) a figure changed in one and the next one deleted.
fn edited(article: &Article, annotations: &[Annotation], edits: usize) -> String {
    let text = article.text();
    let step = (annotations.len() / (edits * 2).max(1)).max(1);
    let mut cuts: Vec<(usize, usize, String)> = Vec::new();
    for (n, annotation) in annotations.iter().step_by(step).take(edits * 2).enumerate() {
        let unit = &article.units()[annotation.anchor.first_unit];
        let source = &text[unit.range()];
        let replacement = if n % 2 == 0 {
            source.replacen(|c: char| c.is_ascii_digit(), "7", 1) + " (updated)"
        } else {
            String::new()
        };
        cuts.push((unit.start, unit.end, replacement));
    }
    let first_break = text.find("\n\n").map_or(0, |at| at + 2);
    cuts.push((
        first_break,
        first_break,
        "An editor's note was added here after publication.\n\n".to_owned(),
    ));
    cuts.sort_by_key(|&(start, _, _)| start);
    let mut out = String::with_capacity(text.len() + 256);
    let mut at = 0;
    for (start, end, replacement) in cuts {
        if start < at {
            continue;
        }
        out.push_str(&text[at..start]);
        out.push_str(&replacement);
        at = end;
    }
    out.push_str(&text[at..]);
    out
}

/// The report as the shells make it: the fingerprint compared, the tags placed, the report made.
fn report(now: &Article, then: &Fingerprint, annotations: &[Annotation], earlier: &Article) {
    assert_ne!(Fingerprint::of(now), *then);
    let placements = place_all(now, annotations);
    let report = changes::report(now, annotations.iter().zip(&placements), Some(earlier));
    assert!(!report.tags.is_empty());
}

fn bench(c: &mut Criterion) {
    let (name, text) = SAMPLES[1];
    let before = Article::parse(name, text.as_bytes()).unwrap();
    let annotations = tagged(&before, 1);
    let after = Article::parse(name, edited(&before, &annotations, 2).as_bytes()).unwrap();
    let then = Fingerprint::of(&before);
    let mut group = c.benchmark_group("changes");
    group.bench_function("news_article_every_sentence_tagged", |b| {
        b.iter(|| report(&after, &then, &annotations, &before));
    });
    group.finish();

    let paragraphs: Vec<&str> = SAMPLES
        .iter()
        .flat_map(|(_, text)| text.lines())
        .filter(|line| !line.trim().is_empty())
        .collect();
    let big = news::shuffled(
        &paragraphs,
        100 * 1024 * 1024,
        "A hundred megabytes of reports\n\n".to_owned(),
    );
    let before = Article::parse("big.txt", big.as_bytes()).unwrap();
    drop(big);
    // A tag every 2,000 units: about 400 tags, 20 of them edited away.
    let annotations = tagged(&before, 2_000);
    let after = Article::parse("big.txt", edited(&before, &annotations, 10).as_bytes()).unwrap();
    let then = Fingerprint::of(&before);
    let mut group = c.benchmark_group("changes_100MB");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(10));
    group.sampling_mode(SamplingMode::Flat);
    group.bench_function("report_400_tags", |b| {
        b.iter(|| report(&after, &then, &annotations, &before));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
