//! Fuzzing re-anchoring with proptest: random articles, annotations made on them (and garbage
//! anchors such as a hand edit or a merge may leave), random edits of the text, then
//! `place_all`, `refresh_anchors`, `AnnotationSet::new` and edits of the set on the edited
//! article. Nothing panics; every placement is valid: an anchored or moved annotation sits on
//! text equal to its quote, units are in range, fuzzy scores lie in 0..=1, orphans keep their
//! anchors unchanged and are never dropped.
//!
//! The default case counts keep a debug run to a few seconds. To fuzz for a while, scale them:
//! `PROPTEST_CASES=20000 cargo test --release --test fuzz_anchor`.
#![allow(clippy::unwrap_used)]

use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::Config;
use sidenote::annotation::{
    Anchor, Annotation, AnnotationSet, Stamp, Status, Tag, anchor_for, place_all, refresh_anchors,
};
use sidenote::article::Article;
use time::macros::datetime;

/// `cases` cases, unless `PROPTEST_CASES` says otherwise.
fn config(cases: u32) -> Config {
    let mut config = Config::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = cases;
    }
    config
}

/// A few words of news, sometimes with quotes, abbreviations, markup or controls.
fn phrase() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        8 => "[a-z]{1,8}",
        2 => "[A-Z][a-z]{0,6}",
        1 => "[0-9]{1,4}",
        2 => prop::sample::select(vec![
            "Mr.", "U.S.", "“quoted”", "\"said\"", "(aside)", "é", "北朝鮮", "\u{1b}[2J", "**b**",
            "3.5%", "…", "—", "\u{202E}", "\u{FEFF}", "the", "the", "said",
        ])
        .prop_map(str::to_owned),
    ];
    prop::collection::vec(word, 1..10).prop_map(|w| w.join(" "))
}

/// An article: an optional title, paragraphs of sentences, sometimes hard-wrapped.
fn article_text() -> impl Strategy<Value = String> {
    let sentence = (
        phrase(),
        prop::sample::select(vec![".", "?", "!", ".\"", "", ":"]),
    )
        .prop_map(|(p, end)| format!("{p}{end}"));
    let paragraph = (
        prop::collection::vec(sentence, 1..5),
        prop::sample::select(vec![" ", "\n"]),
    )
        .prop_map(|(s, glue)| s.join(glue));
    (
        prop::option::of("[A-Z][a-z]{2,8}( [a-z]{2,8}){0,4}"),
        prop::collection::vec(paragraph, 1..8),
        prop::sample::select(vec!["\n\n", "\r\n\r\n", "\n\n\n"]),
    )
        .prop_map(|(title, paragraphs, gap)| {
            let mut text = title.map(|t| format!("{t}{gap}")).unwrap_or_default();
            text += &paragraphs.join(gap);
            text.push('\n');
            text
        })
}

/// One change to an article's text.
#[derive(Debug, Clone)]
enum Edit {
    Insert(Index, String),
    Delete(Index, usize),
    Replace(Index, usize, String),
    Duplicate(Index, usize),
    SwapParagraphs(Index, Index),
}

fn edit() -> impl Strategy<Value = Edit> {
    let inserted = prop_oneof![
        phrase(),
        phrase().prop_map(|p| format!("{p}. ")),
        phrase().prop_map(|p| format!("\n\n{p}.\n\n")),
        Just("\n".to_owned()),
        Just(" ".to_owned()),
        any::<char>().prop_map(String::from),
    ];
    prop_oneof![
        3 => (any::<Index>(), inserted.clone()).prop_map(|(at, s)| Edit::Insert(at, s)),
        2 => (any::<Index>(), 1usize..30).prop_map(|(at, n)| Edit::Delete(at, n)),
        2 => (any::<Index>(), 1usize..10, inserted).prop_map(|(at, n, s)| Edit::Replace(at, n, s)),
        1 => (any::<Index>(), 1usize..80).prop_map(|(at, n)| Edit::Duplicate(at, n)),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Edit::SwapParagraphs(a, b)),
    ]
}

/// The byte offset of char `index` of `text`, clamped to the text.
fn byte_of(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(at, _)| at)
}

fn apply(text: &str, edit: &Edit) -> String {
    let count = text.chars().count();
    let span = |at: &Index, n: usize| {
        let from = at.index(count + 1);
        (byte_of(text, from), byte_of(text, (from + n).min(count)))
    };
    match edit {
        Edit::Insert(at, s) => {
            let at = byte_of(text, at.index(count + 1));
            format!("{}{s}{}", &text[..at], &text[at..])
        }
        Edit::Delete(at, n) => {
            let (from, to) = span(at, *n);
            format!("{}{}", &text[..from], &text[to..])
        }
        Edit::Replace(at, n, s) => {
            let (from, to) = span(at, *n);
            format!("{}{s}{}", &text[..from], &text[to..])
        }
        Edit::Duplicate(at, n) => {
            let (from, to) = span(at, *n);
            format!("{}{}", &text[..to], &text[from..])
        }
        Edit::SwapParagraphs(a, b) => {
            let mut paragraphs: Vec<&str> = text.split("\n\n").collect();
            let len = paragraphs.len();
            paragraphs.swap(a.index(len), b.index(len));
            paragraphs.join("\n\n")
        }
    }
}

/// How an annotation of the test is made.
#[derive(Debug, Clone)]
enum Made {
    /// On units of the original article, as the reading screen makes it.
    OnUnits(Index, usize),
    /// Anything a hand edit could leave: any quote, context and offsets.
    Garbage {
        exact: String,
        prefix: String,
        suffix: String,
        start: usize,
        units: (usize, usize),
    },
    /// A slice of the original text at a random place, with random context.
    Slice(Index, usize, String, String),
}

fn made() -> impl Strategy<Value = Made> {
    let context = "[a-z .\n]{0,40}";
    prop_oneof![
        6 => (any::<Index>(), 0usize..3).prop_map(|(at, span)| Made::OnUnits(at, span)),
        1 => (phrase(), context, context, 0usize..2000, (0usize..40, 0usize..40)).prop_map(
            |(exact, prefix, suffix, start, units)| Made::Garbage { exact, prefix, suffix, start, units },
        ),
        2 => (any::<Index>(), 1usize..60, context, context)
            .prop_map(|(at, n, p, s)| Made::Slice(at, n, p, s)),
    ]
}

fn annotation(n: usize, anchor: Anchor) -> Annotation {
    let id = format!("0195a3c2-0000-7000-8000-{n:012}");
    Annotation {
        note: format!("note {n}"),
        author: "tester".into(),
        ..Annotation::new(
            id,
            vec![Tag::ALL[n % 3]],
            anchor,
            datetime!(2025-01-13 09:00 UTC),
        )
    }
}

fn make(article: &Article, made: &[Made]) -> Vec<Annotation> {
    let text = article.text();
    let units = article.units().len();
    made.iter()
        .enumerate()
        .filter_map(|(n, made)| {
            let anchor = match made {
                Made::OnUnits(at, span) => {
                    let first = at.index(units.max(1));
                    anchor_for(article, first, (first + span).min(units.saturating_sub(1)))?
                }
                Made::Garbage {
                    exact,
                    prefix,
                    suffix,
                    start,
                    units,
                } => Anchor {
                    prefix: prefix.clone(),
                    suffix: suffix.clone(),
                    ..Anchor::new(
                        exact.clone(),
                        *start,
                        start + exact.chars().count(),
                        (units.0.min(units.1), units.0.max(units.1)),
                    )
                },
                Made::Slice(at, n, prefix, suffix) => {
                    let count = text.chars().count();
                    let from = at.index(count);
                    let exact: String = text.chars().skip(from).take(*n).collect();
                    let end = from + exact.chars().count();
                    Anchor {
                        prefix: prefix.clone(),
                        suffix: suffix.clone(),
                        ..Anchor::new(exact, from, end, (0, 0))
                    }
                }
            };
            Some(annotation(n, anchor))
        })
        .collect()
}

/// The code points `start..end` of `text`.
fn chars_between(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

/// Checks every placement of `annotations` in `article`, and what refreshing their anchors did.
fn check_placements(article: &Article, annotations: &[Annotation]) -> Result<(), TestCaseError> {
    let units = article.units().len();
    let placements = place_all(article, annotations);
    prop_assert_eq!(placements.len(), annotations.len());
    let mut refreshed = annotations.to_vec();
    let again = refresh_anchors(article, &mut refreshed);
    prop_assert_eq!(&again, &placements);
    for ((before, after), placement) in annotations.iter().zip(&refreshed).zip(&placements) {
        match placement.status {
            Status::Anchored | Status::Moved => {
                let (first, last) = placement.units.unwrap();
                prop_assert!(
                    first <= last && last < units,
                    "{placement:?} of {units} units"
                );
                let anchor = &after.anchor;
                prop_assert_eq!(&anchor.exact, &before.anchor.exact);
                prop_assert_eq!(anchor.end - anchor.start, anchor.exact.chars().count());
                prop_assert_eq!(
                    chars_between(article.text(), anchor.start, anchor.end),
                    anchor.exact.clone(),
                    "{:?} does not point at its quote",
                    placement
                );
                prop_assert_eq!((anchor.first_unit, anchor.last_unit), (first, last));
            }
            Status::Fuzzy(score) => {
                let (first, last) = placement.units.unwrap();
                prop_assert!(first <= last && last < units);
                prop_assert!((0.0..=1.0).contains(&score), "score {score}");
                prop_assert_eq!(&after.anchor, &before.anchor);
            }
            Status::Orphaned => {
                prop_assert!(placement.units.is_none());
                prop_assert_eq!(&after.anchor, &before.anchor);
            }
        }
    }
    Ok(())
}

/// Checks an annotation set: nothing lost, placed ones first in document order, lookups agree.
fn check_set(article: &Article, set: &AnnotationSet, count: usize) -> Result<(), TestCaseError> {
    prop_assert_eq!(set.len(), count);
    let units = article.units().len();
    let mut orphans_started = false;
    let mut previous_first = 0;
    for (_, placement) in set.iter() {
        match placement.units {
            Some((first, last)) => {
                prop_assert!(!orphans_started, "a placed annotation after an orphan");
                prop_assert!(first <= last && last < units);
                prop_assert!(first >= previous_first, "placed annotations out of order");
                previous_first = first;
            }
            None => orphans_started = true,
        }
    }
    for unit in 0..units {
        if let Some(index) = set.index_at_unit(unit) {
            let (annotation, placement) = set.get(index).unwrap();
            let (first, last) = placement.units.unwrap();
            prop_assert!((first..=last).contains(&unit));
            prop_assert_eq!(set.tags_at_unit(unit), annotation.tags.as_slice());
        } else {
            prop_assert!(set.tags_at_unit(unit).is_empty());
        }
    }
    Ok(())
}

fn stamp(n: usize) -> Stamp {
    Stamp {
        author: "editor".into(),
        now: datetime!(2025-02-01 10:00 UTC),
        new_id: format!("0195a3c2-ffff-7000-8000-{n:012}"),
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn annotations_are_placed_validly_after_any_edit(
        text in article_text(),
        made in prop::collection::vec(made(), 0..8),
        edits in prop::collection::vec(edit(), 0..6),
        markdown in any::<bool>(),
    ) {
        let name = if markdown { "a.md" } else { "a.txt" };
        let Ok(original) = Article::parse(name, text.as_bytes()) else {
            return Ok(());
        };
        let annotations = make(&original, &made);
        check_placements(&original, &annotations)?;
        let edited = edits.iter().fold(text.clone(), |text, edit| apply(&text, edit));
        let Ok(article) = Article::parse(name, edited.as_bytes()) else {
            return Ok(());
        };
        check_placements(&article, &annotations)?;
        let set = AnnotationSet::new(&article, annotations.clone());
        check_set(&article, &set, annotations.len())?;
    }

    #[test]
    fn editing_a_set_on_an_edited_article_never_loses_a_tag_it_did_not_remove(
        text in article_text(),
        made in prop::collection::vec(made(), 0..6),
        edits in prop::collection::vec(edit(), 1..4),
        ops in prop::collection::vec((any::<Index>(), 0usize..2, 0usize..3, any::<bool>()), 1..8),
    ) {
        let Ok(original) = Article::parse("a.txt", text.as_bytes()) else {
            return Ok(());
        };
        let annotations = make(&original, &made);
        let edited = edits.iter().fold(text.clone(), |text, edit| apply(&text, edit));
        let Ok(article) = Article::parse("a.txt", edited.as_bytes()) else {
            return Ok(());
        };
        let units = article.units().len();
        let mut set = AnnotationSet::new(&article, annotations);
        for (n, (at, span, tag, add)) in ops.iter().enumerate() {
            let first = at.index(units);
            let last = (first + span).min(units - 1);
            let tag = Tag::ALL[*tag];
            if *add {
                // A range that would spread a tag is refused and changes nothing.
                let allowed = set.check((first, last), sidenote::annotation::Edit::Add(tag)).is_ok();
                let before = set.clone();
                prop_assert_eq!(set.add_tag(&article, (first, last), tag, &stamp(n)), allowed);
                if allowed {
                    prop_assert!(set.tags_at_unit(first).contains(&tag));
                } else {
                    prop_assert_eq!(&set, &before);
                }
            } else {
                set.remove_tag(first, tag, stamp(n).now);
                set.set_note(&article, (first, last), "changed \u{1b}[2J", &stamp(n));
            }
            let count = set.len();
            check_set(&article, &set, count)?;
        }
        // What is saved reads back to the same placements.
        let saved = set.clone().into_annotations();
        let again = AnnotationSet::new(&article, saved);
        prop_assert_eq!(again.len(), set.len());
    }
}
