//! Properties of anchoring on generated articles: an anchor made on a text finds the same units
//! in that text, and finds the same text again after a paragraph is inserted before it.
#![allow(clippy::unwrap_used)]

use proptest::prelude::*;
use sidenote::annotation::{
    Annotation, AnnotationSet, CONTEXT, Status, anchor_for, place_all, refresh_anchors,
};
use sidenote::article::Article;
use time::macros::datetime;

/// An article of paragraphs of sentences made of lower-case words.
fn article_text() -> impl Strategy<Value = String> {
    let word = "[a-zé]{2,9}";
    let sentence =
        prop::collection::vec(word, 3..12).prop_map(|words| format!("The {}.", words.join(" ")));
    let paragraph = prop::collection::vec(sentence, 1..4).prop_map(|s| s.join(" "));
    prop::collection::vec(paragraph, 2..10).prop_map(|p| format!("{}\n", p.join("\n\n")))
}

fn annotation(anchor: sidenote::annotation::Anchor) -> Annotation {
    let id = "01943f0e-0000-7000-8000-000000000001";
    let tags = vec![sidenote::annotation::Tag::Quote];
    Annotation {
        author: "tester".into(),
        ..Annotation::new(id, tags, anchor, datetime!(2025-01-13 09:00 UTC))
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn an_anchor_finds_its_units_in_the_unchanged_text(
        text in article_text(),
        pick in any::<prop::sample::Index>(),
        span in 0usize..3,
    ) {
        let article = Article::parse("a.txt", text.as_bytes()).unwrap();
        let count = article.units().len();
        let first = pick.index(count);
        let last = (first + span).min(count - 1);
        let anchor = anchor_for(&article, first, last).unwrap();
        prop_assert!(anchor.prefix.chars().count() <= CONTEXT);
        prop_assert!(anchor.suffix.chars().count() <= CONTEXT);
        prop_assert_eq!(anchor.end - anchor.start, anchor.exact.chars().count());
        let annotations = vec![annotation(anchor)];
        let placement = place_all(&article, &annotations).remove(0);
        prop_assert_eq!(placement.status, Status::Anchored);
        prop_assert_eq!(placement.units, Some((first, last)));
        // Refreshing an anchor that is where it was changes nothing.
        let mut refreshed = annotations.clone();
        refresh_anchors(&article, &mut refreshed);
        prop_assert_eq!(refreshed, annotations);
    }

    #[test]
    fn an_anchor_moves_with_its_text_when_a_paragraph_is_inserted_before(
        text in article_text(),
        pick in any::<prop::sample::Index>(),
        inserted in "[0-9]{1,6}( [0-9]{1,6}){0,8}",
    ) {
        let article = Article::parse("a.txt", text.as_bytes()).unwrap();
        let unit = pick.index(article.units().len());
        let anchor = anchor_for(&article, unit, unit).unwrap();
        let exact = anchor.exact.clone();
        let annotations = vec![annotation(anchor)];

        // Insert a paragraph of numbers at the start of the paragraph holding the unit.
        let at = text[..article.units()[unit].start].rfind("\n\n").map_or(0, |n| n + 2);
        let mut edited = text.clone();
        edited.insert_str(at, &format!("{inserted}.\n\n"));
        let moved = Article::parse("a.txt", edited.as_bytes()).unwrap();
        let placement = place_all(&moved, &annotations).remove(0);
        prop_assert_eq!(placement.status, Status::Moved);
        let (first, last) = placement.units.unwrap();
        let units = moved.units();
        prop_assert_eq!(&moved.text()[units[first].start..units[last].end], exact.as_str());
    }

    #[test]
    fn every_placed_annotation_is_found_at_its_units(
        text in article_text(),
        picks in prop::collection::vec(any::<prop::sample::Index>(), 1..8),
    ) {
        let article = Article::parse("a.txt", text.as_bytes()).unwrap();
        let mut set = AnnotationSet::new(&article, Vec::new());
        for (n, pick) in picks.iter().enumerate() {
            let unit = pick.index(article.units().len());
            let stamp = sidenote::annotation::Stamp {
                author: "tester".into(),
                now: datetime!(2025-01-13 09:00 UTC),
                new_id: format!("id-{n}"),
            };
            set.add_tag(&article, (unit, unit), sidenote::annotation::Tag::Claim, &stamp);
            prop_assert!(set.index_at_unit(unit).is_some());
        }
        for (annotation, placement) in set.iter() {
            let (first, last) = placement.units.unwrap();
            prop_assert_eq!(placement.status, Status::Anchored);
            prop_assert_eq!((annotation.anchor.first_unit, annotation.anchor.last_unit), (first, last));
            for unit in first..=last {
                prop_assert_eq!(set.tags_at_unit(unit), annotation.tags.as_slice());
            }
        }
    }
}
