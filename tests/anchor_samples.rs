//! Re-anchoring on real edits of the sample articles: a paragraph inserted before a tagged
//! sentence, a word changed inside it, the sentence duplicated, the sentence deleted.
#![allow(clippy::unwrap_used)]

use rstest::rstest;
use sidenote::annotation::{Annotation, AnnotationSet, Placement, Stamp, Status, Tag, place_all};
use sidenote::article::Article;
use sidenote::library::SAMPLES;
use time::macros::datetime;

/// A sample, a phrase inside the sentence to tag, and a word of that sentence with a replacement.
type Case = (&'static str, &'static str, &'static str, &'static str);

fn sample(name: &str) -> &'static str {
    SAMPLES.iter().find(|(n, _)| *n == name).unwrap().1
}

/// The sample's text, the index of the unit holding `phrase`, and that unit's byte range.
fn setup(case: Case) -> (String, usize, std::ops::Range<usize>) {
    let text = sample(case.0).to_owned();
    let article = Article::parse(case.0, text.as_bytes()).unwrap();
    let unit = (0..article.units().len())
        .find(|&i| article.unit_source(i).unwrap().contains(case.1))
        .unwrap();
    let range = article.units()[unit].range();
    (text, unit, range)
}

/// The annotations after tagging `unit` of `text` as a claim.
fn tag(name: &str, text: &str, unit: usize) -> Vec<Annotation> {
    let article = Article::parse(name, text.as_bytes()).unwrap();
    let mut set = AnnotationSet::new(&article, Vec::new());
    let stamp = Stamp {
        author: "tester".into(),
        now: datetime!(2025-01-13 09:00 UTC),
        new_id: "01943f0e-0000-7000-8000-000000000001".into(),
    };
    assert!(set.add_tag(&article, (unit, unit), Tag::Claim, &stamp));
    set.into_annotations()
}

fn place(name: &str, text: &str, annotations: &[Annotation]) -> (Article, Placement) {
    let article = Article::parse(name, text.as_bytes()).unwrap();
    let placement = place_all(&article, annotations).remove(0);
    (article, placement)
}

/// The raw text of the units a placement covers.
fn placed_text(article: &Article, placement: &Placement) -> String {
    let (first, last) = placement.units.unwrap();
    let units = article.units();
    article.text()[units[first].start..units[last].end].to_owned()
}

/// Where the line holding byte `at` starts.
fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind('\n').map_or(0, |n| n + 1)
}

const NIS: Case = (
    "nis-briefs-parliamentary-committee.txt",
    "has stressed to its soldiers",
    "stressed",
    "urged",
);
const KREMLIN: Case = (
    "kremlin-silent-on-captured-soldiers.txt",
    "Russia has denied and confirmed nothing",
    "denied",
    "rejected",
);
const LAWMAKER: Case = (
    "lawmaker-cites-spy-agency-300-dead.txt",
    "Seoul has previously claimed",
    "previously",
    "repeatedly",
);
const MP: Case = (
    "mp-reports-100-killed-1000-injured.txt",
    "Recent statements by a Pentagon spokesman",
    "confirmed",
    "acknowledged",
);

#[rstest]
#[case::nis(NIS)]
#[case::kremlin(KREMLIN)]
#[case::lawmaker(LAWMAKER)]
#[case::mp(MP)]
fn unchanged_text_is_anchored_on_the_same_unit(#[case] case: Case) {
    let (text, unit, _) = setup(case);
    let annotations = tag(case.0, &text, unit);
    let (_, placement) = place(case.0, &text, &annotations);
    assert_eq!(placement.status, Status::Anchored);
    assert_eq!(placement.units, Some((unit, unit)));
}

#[rstest]
#[case::nis(NIS)]
#[case::kremlin(KREMLIN)]
#[case::lawmaker(LAWMAKER)]
#[case::mp(MP)]
fn a_paragraph_inserted_before_moves_it(#[case] case: Case) {
    let (text, unit, range) = setup(case);
    let annotations = tag(case.0, &text, unit);
    let mut edited = text.clone();
    edited.insert_str(
        line_start(&text, range.start),
        "An editor's note: this report was updated with new figures.\n\n",
    );
    let (article, placement) = place(case.0, &edited, &annotations);
    assert_eq!(placement.status, Status::Moved);
    assert_eq!(
        placed_text(&article, &placement),
        annotations[0].anchor.exact
    );
}

#[rstest]
#[case::nis(NIS)]
#[case::kremlin(KREMLIN)]
#[case::lawmaker(LAWMAKER)]
#[case::mp(MP)]
fn a_word_changed_inside_makes_it_fuzzy(#[case] case: Case) {
    let (text, unit, range) = setup(case);
    let annotations = tag(case.0, &text, unit);
    let at = range.start + text[range.clone()].find(case.2).unwrap();
    let mut edited = text.clone();
    edited.replace_range(at..at + case.2.len(), case.3);
    let (article, placement) = place(case.0, &edited, &annotations);
    let Status::Fuzzy(score) = placement.status else {
        panic!("expected fuzzy, got {placement:?}");
    };
    assert!((0.8..1.0).contains(&score), "score {score}");
    let now = placed_text(&article, &placement);
    assert!(now.contains(case.3), "placed on {now:?}");
    assert_eq!(now, annotations[0].anchor.exact.replace(case.2, case.3));
}

#[rstest]
#[case::nis(NIS)]
#[case::kremlin(KREMLIN)]
#[case::lawmaker(LAWMAKER)]
#[case::mp(MP)]
fn a_duplicate_earlier_in_the_article_does_not_capture_it(#[case] case: Case) {
    let (text, unit, range) = setup(case);
    let annotations = tag(case.0, &text, unit);
    let exact = &annotations[0].anchor.exact;
    // The copy goes in as its own paragraph before the second line, well before the original.
    let second_line = text.find('\n').unwrap() + 1;
    assert!(second_line < line_start(&text, range.start));
    let mut edited = text.clone();
    edited.insert_str(second_line, &format!("{exact}\n\n"));
    let original = edited.rfind(exact.as_str()).unwrap();
    assert_ne!(edited.find(exact.as_str()).unwrap(), original);
    let (article, placement) = place(case.0, &edited, &annotations);
    assert_eq!(placement.status, Status::Moved);
    let (first, _) = placement.units.unwrap();
    assert_eq!(article.units()[first].start, original);
}

#[rstest]
#[case::nis(NIS)]
#[case::kremlin(KREMLIN)]
#[case::lawmaker(LAWMAKER)]
#[case::mp(MP)]
fn a_duplicate_later_in_the_article_leaves_it_anchored(#[case] case: Case) {
    let (text, unit, _) = setup(case);
    let annotations = tag(case.0, &text, unit);
    let mut edited = text.clone();
    edited.push_str(&format!("\n\n{}\n", annotations[0].anchor.exact));
    let (_, placement) = place(case.0, &edited, &annotations);
    assert_eq!(placement.status, Status::Anchored);
    assert_eq!(placement.units, Some((unit, unit)));
}

#[rstest]
#[case::nis(NIS)]
#[case::kremlin(KREMLIN)]
#[case::lawmaker(LAWMAKER)]
#[case::mp(MP)]
fn a_deleted_sentence_is_orphaned_and_kept_as_it_was(#[case] case: Case) {
    let (text, unit, range) = setup(case);
    let annotations = tag(case.0, &text, unit);
    let mut edited = text.clone();
    edited.replace_range(range, "");
    let (_, placement) = place(case.0, &edited, &annotations);
    assert_eq!(placement.status, Status::Orphaned);
    assert_eq!(placement.units, None);

    // Saving against the edited article keeps the orphan's anchor byte for byte.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(case.0);
    std::fs::write(&path, &edited).unwrap();
    let article = Article::parse(case.0, edited.as_bytes()).unwrap();
    let saved = sidenote::sidecar::save(&path, &article, &[], &annotations).unwrap();
    assert_eq!(saved, annotations);
    let loaded = sidenote::sidecar::load(&path).unwrap().unwrap();
    assert_eq!(loaded.annotations, annotations);
}

#[test]
fn saving_refreshes_moved_anchors_and_keeps_fuzzy_ones() {
    let (text, unit, range) = setup(NIS);
    let moved_unit = unit + 1;
    let mut annotations = tag(NIS.0, &text, unit);
    annotations.extend(tag(NIS.0, &text, moved_unit).into_iter().map(|mut a| {
        a.id = "01943f0e-0000-7000-8000-000000000002".into();
        a
    }));
    // Change a word in the first sentence and insert a paragraph before both.
    let at = range.start + text[range.clone()].find(NIS.2).unwrap();
    let mut edited = text.clone();
    edited.replace_range(at..at + NIS.2.len(), NIS.3);
    edited.insert_str(line_start(&text, range.start), "Inserted first.\n\n");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(NIS.0);
    std::fs::write(&path, &edited).unwrap();
    let article = Article::parse(NIS.0, edited.as_bytes()).unwrap();

    let saved = sidenote::sidecar::save(&path, &article, &[], &annotations).unwrap();
    let fuzzy = saved.iter().find(|a| a.id == annotations[0].id).unwrap();
    let moved = saved.iter().find(|a| a.id == annotations[1].id).unwrap();
    assert_eq!(fuzzy.anchor, annotations[0].anchor);
    assert_eq!(moved.anchor.exact, annotations[1].anchor.exact);
    assert_eq!(
        moved.anchor.start,
        annotations[1].anchor.start + "Inserted first.\n\n".chars().count() + NIS.3.len()
            - NIS.2.len()
    );
    let statuses: Vec<Status> = place_all(&article, &saved)
        .into_iter()
        .map(|p| p.status)
        .collect();
    assert!(matches!(statuses[0], Status::Fuzzy(_)));
    assert_eq!(statuses[1], Status::Anchored);
}
