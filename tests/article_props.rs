#![allow(clippy::unwrap_used)]
//! Properties of loading that must hold for any input: no panic, units in order, never
//! overlapping, on char boundaries, and display text equal to the source with whitespace folded.

use proptest::prelude::*;
use sidenote::article::{Article, SourceEncoding};

/// Checks the invariants every article's units keep.
fn check_units(article: &Article) -> Result<(), TestCaseError> {
    let text = article.text();
    let mut previous_end = 0;
    let mut previous_paragraph = 0;
    for (i, unit) in article.units().iter().enumerate() {
        prop_assert!(unit.start < unit.end, "empty unit {i}: {unit:?}");
        prop_assert!(
            unit.start >= previous_end,
            "unit {i} overlaps or is out of order"
        );
        prop_assert!(text.is_char_boundary(unit.start) && text.is_char_boundary(unit.end));
        prop_assert!(
            unit.paragraph >= previous_paragraph,
            "paragraphs go backwards"
        );
        let source = article.unit_source(i).unwrap();
        prop_assert_eq!(source, source.trim(), "unit {} is not trimmed", i);
        let shown = article.unit_text(i).unwrap();
        prop_assert!(
            !shown.chars().any(char::is_control),
            "control character in {:?}",
            shown
        );
        prop_assert_eq!(article.unit_at_byte(unit.start), Some(i));
        previous_end = unit.end;
        previous_paragraph = unit.paragraph;
    }
    prop_assert!(!article.metadata().title.is_empty());
    Ok(())
}

/// Plain news-like text: words, abbreviations, quotes, non-ASCII letters, sentence ends, hard
/// wraps, blank lines and CRLF, but no markup and no control characters.
fn plain_text() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        4 => "[A-Za-z]{1,9}",
        1 => "[0-9]{1,4}",
        1 => Just("Mr.".to_owned()),
        1 => Just("U.S.".to_owned()),
        1 => Just("3.5%".to_owned()),
        1 => Just("Seoul’s".to_owned()),
        1 => Just("“quoted,”".to_owned()),
        1 => Just("Zelenskyy".to_owned()),
        1 => Just("北朝鮮".to_owned()),
        1 => Just("café".to_owned()),
        2 => Just(".".to_owned()),
        1 => Just("?".to_owned()),
        1 => Just(",".to_owned()),
    ];
    let separator = prop_oneof![
        12 => Just(" ".to_owned()),
        2 => Just("\n".to_owned()),
        1 => Just("\n\n".to_owned()),
        1 => Just("\r\n".to_owned()),
        1 => Just("  ".to_owned()),
        1 => Just("\t".to_owned()),
    ];
    prop::collection::vec((token, separator), 1..120).prop_map(|pairs| {
        pairs
            .into_iter()
            .map(|(token, separator)| token + &separator)
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_text_keeps_the_invariants(text in "\\PC{0,400}") {
        let article = Article::from_text("x.txt", text, SourceEncoding::Utf8);
        check_units(&article)?;
    }

    #[test]
    fn any_markdown_keeps_the_invariants(
        text in "([#>*_`\\[\\]()!\\- \n.a-z1]|---|```|\u{1B}\\[1m|\\r\n){0,200}"
    ) {
        let article = Article::from_text("x.md", text, SourceEncoding::Utf8);
        check_units(&article)?;
    }

    #[test]
    fn any_bytes_load_or_fail_cleanly(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        match Article::parse("x.txt", &bytes) {
            Ok(article) => check_units(&article)?,
            Err(error) => prop_assert!(error.to_string().contains("x.txt")),
        }
    }

    #[test]
    fn plain_text_displays_as_its_source_with_whitespace_folded(text in plain_text()) {
        let article = Article::from_text("x.txt", text, SourceEncoding::Utf8);
        check_units(&article)?;
        prop_assert!(!article.is_markdown());
        for i in 0..article.units().len() {
            let source = article.unit_source(i).unwrap();
            let folded = source.split_whitespace().collect::<Vec<_>>().join(" ");
            prop_assert_eq!(article.unit_text(i).unwrap(), folded);
        }
    }

    #[test]
    fn code_point_offsets_round_trip(text in plain_text()) {
        let article = Article::from_text("x.txt", text, SourceEncoding::Utf8);
        let chars = article.chars();
        for unit in article.units() {
            let start = chars.char_of_byte(article.text(), unit.start);
            prop_assert_eq!(chars.byte_of_char(article.text(), start), Some(unit.start));
            let by_chars: String = article.text().chars().skip(start)
                .take(chars.char_of_byte(article.text(), unit.end) - start).collect();
            prop_assert_eq!(by_chars.as_str(), &article.text()[unit.range()]);
        }
    }
}
