//! Undo and redo through the changes an `AnnotationSet` records, against the obvious model of
//! keeping a full copy of the set before and after every edit: random edits on sets that hold
//! overlapping, fuzzy and orphaned annotations, then every change reverted and every revert
//! reverted again. Also the indexes the set keeps up to date as it changes (tag counts, the
//! lookup of the annotation on a unit), checked against a walk over all annotations.
#![allow(clippy::unwrap_used)]

use proptest::prelude::*;
use proptest::sample::Index;
use sidenote::annotation::{Annotation, AnnotationSet, Stamp, Status, Tag, anchor_for};
use sidenote::article::Article;
use time::macros::datetime;

/// Sentences different enough that each one anchors only to itself.
const SENTENCES: [&str; 12] = [
    "The agency counted three hundred soldiers at the border.",
    "A lawmaker said the figure came from the spy service.",
    "Officials in the capital declined to comment on Monday.",
    "Two reporters visited the village before the storm.",
    "The mayor denied that any homes had been evacuated.",
    "Prices of bread rose by a fifth over the winter.",
    "A spokesman quoted the minister as calling it a lie.",
    "Farmers blocked the northern road with their tractors.",
    "The court will hear the appeal in the spring.",
    "Nobody answered the phone at the ministry that night.",
    "Satellite images showed new trenches near the river.",
    "The report was published late on a Friday evening.",
];

/// The text of paragraphs `order` (indexes into [`SENTENCES`]), one sentence each.
fn text(order: &[usize]) -> String {
    order
        .iter()
        .map(|&i| format!("{}\n\n", SENTENCES[i]))
        .collect()
}

/// One edit of a set, with positions drawn as indexes so they fit any article.
#[derive(Debug, Clone)]
enum Op {
    Toggle(Index, usize, usize),
    Add(Index, usize, usize),
    RemoveTag(Index, usize),
    Note(Index, usize, usize),
    Speaker(Index, usize),
    Confirm(Index),
    Remove(Index),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (any::<Index>(), 0usize..3, 0usize..3).prop_map(|(at, span, tag)| Op::Toggle(at, span, tag)),
        2 => (any::<Index>(), 0usize..4, 0usize..3).prop_map(|(at, span, tag)| Op::Add(at, span, tag)),
        1 => (any::<Index>(), 0usize..3).prop_map(|(at, tag)| Op::RemoveTag(at, tag)),
        2 => (any::<Index>(), 0usize..2, 0usize..3).prop_map(|(at, span, note)| Op::Note(at, span, note)),
        2 => (any::<Index>(), 0usize..3).prop_map(|(at, speaker)| Op::Speaker(at, speaker)),
        1 => any::<Index>().prop_map(Op::Confirm),
        1 => any::<Index>().prop_map(Op::Remove),
    ]
}

fn stamp(n: usize) -> Stamp {
    Stamp {
        author: "editor".into(),
        now: datetime!(2025-02-01 10:00 UTC) + time::Duration::minutes(n as i64),
        new_id: format!("0195a3c2-ffff-7000-8000-{n:012}"),
    }
}

fn apply(set: &mut AnnotationSet, article: &Article, op: &Op, n: usize) {
    let units = article.units().len();
    let range = |at: &Index, span: usize| {
        let first = at.index(units);
        (first, (first + span).min(units - 1))
    };
    match op {
        Op::Toggle(at, span, tag) => {
            set.toggle_tag(article, range(at, *span), Tag::ALL[*tag], &stamp(n));
        }
        Op::Add(at, span, tag) => {
            set.add_tag(article, range(at, *span), Tag::ALL[*tag], &stamp(n));
        }
        Op::RemoveTag(at, tag) => {
            set.remove_tag(at.index(units), Tag::ALL[*tag], stamp(n).now);
        }
        Op::Note(at, span, note) => {
            let note = ["", "checked", "second look"][*note];
            set.set_note(article, range(at, *span), note, &stamp(n));
        }
        Op::Speaker(at, speaker) if !set.is_empty() => {
            let speaker = ["", "NIS", "Dmitry Peskov"][*speaker];
            set.set_speaker(at.index(set.len()), speaker, stamp(n).now);
        }
        Op::Confirm(at) if !set.is_empty() => {
            set.confirm(article, at.index(set.len()), stamp(n).now);
        }
        Op::Remove(at) if !set.is_empty() => {
            set.remove(at.index(set.len()));
        }
        Op::Speaker(..) | Op::Confirm(_) | Op::Remove(_) => {}
    }
}

/// Annotations made on `original` over the given ranges (which may overlap, as after a merge),
/// with ids that the edits' stamps never give.
fn starting(original: &Article, ranges: &[(Index, usize, usize)]) -> Vec<Annotation> {
    let units = original.units().len();
    ranges
        .iter()
        .enumerate()
        .map(|(n, (at, span, tag))| {
            let first = at.index(units);
            made_earlier(original, n, (first, (first + span).min(units - 1)), *tag)
        })
        .collect()
}

/// Annotation number `n`, made before the test on `units` of `original`.
fn made_earlier(original: &Article, n: usize, units: (usize, usize), tag: usize) -> Annotation {
    let id = format!("0195a3c2-0000-7000-8000-{n:012}");
    let anchor = anchor_for(original, units.0, units.1).unwrap();
    Annotation {
        author: "earlier".into(),
        ..Annotation::new(
            id,
            vec![Tag::ALL[tag]],
            anchor,
            datetime!(2025-01-01 10:00 UTC),
        )
    }
}

/// The article after its author's edits: paragraph 1 reworded (its annotations turn fuzzy) and
/// paragraph 2 dropped (its annotations are orphaned), when they exist.
fn edited(order: &[usize]) -> Article {
    let mut text = text(order);
    if let Some(&second) = order.get(1) {
        let sentence = SENTENCES[second];
        text = text.replacen(sentence, &sentence.replacen("the", "a", 1), 1);
    }
    if let Some(&third) = order.get(2) {
        text = text.replacen(&format!("{}\n\n", SENTENCES[third]), "", 1);
    }
    Article::parse("a.txt", text.as_bytes()).unwrap()
}

/// What the set keeps up to date as it changes, against a walk over every annotation.
fn check_indexes(article: &Article, set: &AnnotationSet) -> Result<(), TestCaseError> {
    let mut counts = [0; 3];
    for (annotation, _) in set.iter() {
        for &tag in &annotation.tags {
            counts[tag as usize] += 1;
        }
    }
    prop_assert_eq!(set.tag_counts(), counts);
    for unit in 0..article.units().len() {
        // The latest-starting annotation on the unit is the last one in document order.
        let covering = set
            .iter()
            .enumerate()
            .filter(|(_, (_, placement))| {
                placement
                    .units
                    .is_some_and(|(first, last)| (first..=last).contains(&unit))
            })
            .map(|(index, _)| index)
            .last();
        prop_assert_eq!(set.index_at_unit(unit), covering);
    }
    let mut ids: Vec<&str> = set.annotations().map(|a| a.id.as_str()).collect();
    ids.sort_unstable();
    let count = ids.len();
    ids.dedup();
    prop_assert_eq!(ids.len(), count, "two annotations share an id");
    Ok(())
}

/// The annotations by id, placements left out: how two sets placed separately compare.
fn by_id(annotations: impl Iterator<Item = Annotation>) -> Vec<Annotation> {
    let mut annotations: Vec<Annotation> = annotations.collect();
    annotations.sort_by(|a, b| a.id.cmp(&b.id));
    annotations
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn undoing_every_change_gives_back_each_earlier_set_and_redoing_gives_back_each_later_one(
        order in Just((0..SENTENCES.len()).collect::<Vec<_>>()).prop_shuffle(),
        length in 3usize..12,
        ranges in prop::collection::vec((any::<Index>(), 0usize..3, 0usize..3), 0..6),
        ops in prop::collection::vec(op(), 1..25),
    ) {
        let order = &order[..length];
        let original = Article::parse("a.txt", text(order).as_bytes()).unwrap();
        let article = edited(order);
        let mut set = AnnotationSet::new(&article, starting(&original, &ranges));
        check_indexes(&article, &set)?;

        // The model: the whole set before and after each change.
        let mut states = vec![set.clone()];
        let mut changes = Vec::new();
        for (n, op) in ops.iter().enumerate() {
            let before = set.clone();
            apply(&mut set, &article, op, n);
            let change = set.take_change();
            check_indexes(&article, &set)?;
            prop_assert_eq!(change.is_empty(), set == before, "{:?}", op);
            if !change.is_empty() {
                changes.push(change);
                states.push(set.clone());
            }
        }

        let mut redos = Vec::new();
        for (n, change) in changes.iter().enumerate().rev() {
            redos.push(set.revert(change));
            check_indexes(&article, &set)?;
            prop_assert_eq!(&set, &states[n], "undo {}", n);
        }
        for (n, change) in redos.iter().rev().enumerate() {
            set.revert(change);
            check_indexes(&article, &set)?;
            prop_assert_eq!(&set, &states[n + 1], "redo {}", n);
        }
    }

    #[test]
    fn undoing_after_another_process_merged_keeps_what_it_added(
        order in Just((0..SENTENCES.len()).collect::<Vec<_>>()).prop_shuffle(),
        length in 3usize..12,
        ranges in prop::collection::vec((any::<Index>(), 0usize..3, 0usize..3), 0..6),
        ops in prop::collection::vec(op(), 1..15),
        theirs in (any::<Index>(), 0usize..3),
    ) {
        let order = &order[..length];
        let article = Article::parse("a.txt", text(order).as_bytes()).unwrap();
        let start = starting(&article, &ranges);
        let mut set = AnnotationSet::new(&article, start.clone());
        let mut changes = Vec::new();
        for (n, op) in ops.iter().enumerate() {
            apply(&mut set, &article, op, n);
            changes.push(set.take_change());
        }
        // A save brings back what is on disk: ours and one annotation from another process,
        // placed afresh as the reading screen does.
        let units = article.units().len();
        let (at, tag) = theirs;
        let anchor = anchor_for(&article, at.index(units), at.index(units)).unwrap();
        let other = Annotation {
            note: "from the other window".into(),
            author: "colleague".into(),
            ..Annotation::new(
                "0195a3c2-eeee-7000-8000-000000000000",
                vec![Tag::ALL[tag]],
                anchor,
                datetime!(2025-03-01 10:00 UTC),
            )
        };
        let mut on_disk = set.clone().into_annotations();
        on_disk.push(other.clone());
        let edited = by_id(on_disk.iter().cloned());
        let mut set = AnnotationSet::new(&article, on_disk);

        let mut redos = Vec::new();
        for change in changes.iter().rev() {
            redos.push(set.revert(change));
            check_indexes(&article, &set)?;
        }
        let mut expected = start;
        expected.push(other.clone());
        prop_assert_eq!(by_id(set.annotations().cloned()), by_id(expected.into_iter()));
        for change in redos.iter().rev() {
            set.revert(change);
            check_indexes(&article, &set)?;
        }
        prop_assert_eq!(by_id(set.annotations().cloned()), edited);
    }
}

#[test]
fn a_confirmed_match_is_undone_to_the_fuzzy_one() {
    let order: Vec<usize> = (0..4).collect();
    let original = Article::parse("a.txt", text(&order).as_bytes()).unwrap();
    let article = edited(&order);
    // Paragraph 1 is reworded in the edited article.
    let mut set = AnnotationSet::new(&article, vec![made_earlier(&original, 0, (1, 1), 0)]);
    let before = set.clone();
    assert!(matches!(set.get(0).unwrap().1.status, Status::Fuzzy(_)));
    assert!(set.confirm(&article, 0, stamp(1).now));
    let change = set.take_change();
    assert_eq!(change.len(), 1);
    let redo = set.revert(&change);
    assert_eq!(set, before);
    set.revert(&redo);
    assert_eq!(set.get(0).unwrap().1.status, Status::Anchored);
}

#[test]
fn an_edit_that_changes_nothing_records_nothing() {
    let order: Vec<usize> = (0..3).collect();
    let article = Article::parse("a.txt", text(&order).as_bytes()).unwrap();
    let mut set = AnnotationSet::new(&article, Vec::new());
    set.set_note(&article, (1, 1), "", &stamp(0));
    assert!(
        set.take_change().is_empty(),
        "an empty note on no annotation"
    );
    set.add_tag(&article, (1, 1), Tag::Claim, &stamp(1));
    assert_eq!(
        set.take_change().ids().collect::<Vec<_>>(),
        vec![stamp(1).new_id]
    );
    set.add_tag(&article, (1, 1), Tag::Claim, &stamp(2));
    assert!(set.take_change().is_empty(), "the tag was there already");
    set.remove_tag(0, Tag::Claim, stamp(3).now);
    assert!(set.take_change().is_empty(), "no annotation on unit 0");
}

#[test]
fn the_same_id_given_twice_makes_two_annotations_apart() {
    let order: Vec<usize> = (0..3).collect();
    let article = Article::parse("a.txt", text(&order).as_bytes()).unwrap();
    let mut set = AnnotationSet::new(&article, Vec::new());
    set.add_tag(&article, (0, 0), Tag::Claim, &stamp(7));
    set.add_tag(&article, (2, 2), Tag::Quote, &stamp(7));
    let ids: Vec<&str> = set.annotations().map(|a| a.id.as_str()).collect();
    let id = stamp(7).new_id;
    assert_eq!(ids, vec![id.clone(), format!("{id}-1")]);
}

#[test]
fn undoing_a_removal_that_a_merge_brought_back_leaves_one_annotation() {
    let order: Vec<usize> = (0..3).collect();
    let article = Article::parse("a.txt", text(&order).as_bytes()).unwrap();
    let mine = made_earlier(&article, 0, (1, 1), 0);
    let mut set = AnnotationSet::new(&article, vec![mine.clone()]);
    set.remove(0);
    let removal = set.take_change();
    // Another process had added a tag to it: the merge kept the annotation for that tag.
    let mut theirs = mine.clone();
    theirs.tags.push(Tag::Quote);
    let mut set = AnnotationSet::new(&article, vec![theirs.clone()]);
    let redo = set.revert(&removal);
    let annotations: Vec<Annotation> = set.annotations().cloned().collect();
    let mut both = mine.clone();
    both.tags = vec![Tag::Claim, Tag::Quote];
    assert_eq!(
        annotations,
        vec![both],
        "one annotation with the id, as before the removal, and the other process's tag"
    );
    set.revert(&redo);
    let annotations: Vec<Annotation> = set.annotations().cloned().collect();
    assert_eq!(annotations, vec![theirs]);
}

#[test]
fn a_speaker_is_set_cleared_and_undone_like_a_note() {
    let order: Vec<usize> = (0..3).collect();
    let article = Article::parse("a.txt", text(&order).as_bytes()).unwrap();
    let mut set = AnnotationSet::new(&article, Vec::new());
    set.add_tag(&article, (1, 1), Tag::Quote, &stamp(1));
    set.take_change();
    assert!(set.set_speaker(0, "  Lee\nSeong-kweun ", stamp(2).now));
    let said = set.take_change();
    assert_eq!(said.len(), 1);
    let (annotation, _) = set.get(0).unwrap();
    assert_eq!(annotation.speaker, "Lee Seong-kweun", "one line, trimmed");
    assert_eq!(annotation.modified, stamp(2).now);
    assert!(!set.set_speaker(0, "Lee Seong-kweun", stamp(3).now));
    assert!(set.take_change().is_empty(), "the same speaker again");
    assert!(
        !set.set_speaker(5, "NIS", stamp(3).now),
        "no annotation there"
    );

    let undone = set.revert(&said);
    assert_eq!(set.get(0).unwrap().0.speaker, "");
    set.revert(&undone);
    assert_eq!(set.get(0).unwrap().0.speaker, "Lee Seong-kweun");

    // Taking the last tag off leaves the speaker's annotation; clearing the speaker then removes it.
    set.remove_tag(1, Tag::Quote, stamp(4).now);
    assert_eq!(set.len(), 1);
    assert!(set.set_speaker(0, "", stamp(5).now));
    assert!(set.is_empty());
}
