#![allow(clippy::unwrap_used)]
//! Every unit of the five sample articles, pinned: kind, paragraph and display text, one line per
//! unit. The snapshots were read unit by unit against the articles; a change here changes where
//! people's tags land, so it must be deliberate.

use sidenote::article::{Article, UnitKind};
use sidenote::library::SAMPLES;

/// One line per unit: index, kind, paragraph, text; then the metadata.
fn listing(article: &Article) -> String {
    let mut out = String::new();
    let meta = article.metadata();
    out.push_str(&format!("title: {}\ndate: {:?}\n\n", meta.title, meta.date));
    for (i, unit) in article.units().iter().enumerate() {
        let kind = match unit.kind {
            UnitKind::Title => "title",
            UnitKind::Heading => "heading",
            UnitKind::Sentence => "sentence",
        };
        out.push_str(&format!(
            "{i:>2} {kind:<8} p{:<2} {}\n",
            unit.paragraph,
            article.unit_text(i).unwrap()
        ));
    }
    out
}

#[test]
fn every_unit_of_the_samples_is_pinned() {
    for (name, text) in SAMPLES {
        let article = Article::parse(name, text.as_bytes()).unwrap();
        insta::assert_snapshot!(name.trim_end_matches(".txt"), listing(&article));
    }
}

#[test]
fn sample_units_quote_their_source_exactly() {
    for (name, text) in SAMPLES {
        let article = Article::parse(name, text.as_bytes()).unwrap();
        for (i, unit) in article.units().iter().enumerate() {
            let source = &text[unit.range()];
            let folded = source.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(article.unit_text(i).unwrap(), folded, "{name} unit {i}");
        }
    }
}
