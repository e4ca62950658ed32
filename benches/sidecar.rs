//! Loading, saving and placing 10,000 annotations: each should take well under 50 ms.
#![allow(clippy::unwrap_used)]

use std::fs;

use criterion::{Criterion, criterion_group, criterion_main};
use sidenote::annotation::{AnnotationSet, Stamp, Tag, place_all};
use sidenote::article::Article;
use sidenote::sidecar;
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
    c.bench_function("load 10k", |b| b.iter(|| sidecar::load(&path).unwrap()));
    c.bench_function("save 10k unchanged", |b| {
        b.iter(|| sidecar::save(&path, &article, &saved, &saved).unwrap())
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
            base = sidecar::save(&path, &article, &base, &ours).unwrap();
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
