//! The sidecar file round-trips: what is saved loads back equal, saving the same state twice
//! gives the same bytes, and the text is pretty RON with LF line ends and bare enum names.
#![allow(clippy::unwrap_used)]

use std::fs;

use proptest::prelude::*;
use sidenote::annotation::{Anchor, Annotation, Tag};
use sidenote::article::Article;
use sidenote::sidecar::{self, Fingerprint, Sidecar, VERSION};
use time::{OffsetDateTime, UtcOffset};

const ARTICLE: &str = "A title\n\nFirst sentence here. Second one follows.\n\nA last paragraph.\n";

fn timestamp() -> impl Strategy<Value = OffsetDateTime> {
    (0i64..4_102_444_800, 0u32..1_000_000_000, -12i8..14).prop_map(|(secs, nanos, hours)| {
        OffsetDateTime::from_unix_timestamp(secs)
            .unwrap()
            .replace_nanosecond(nanos)
            .unwrap()
            .to_offset(UtcOffset::from_hms(hours, 0, 0).unwrap())
    })
}

/// Notes and quoted text with quotes, backslashes, newlines, tabs, control characters, and any
/// Unicode, combining marks included.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,40}",
        "[\"\\\\\n\t\r#{}()\\[\\]:,a-z\u{301}\u{0}-\u{1f}é—“”😀 ]{0,40}",
        ".{0,40}",
    ]
}

fn annotation(n: usize) -> impl Strategy<Value = Annotation> {
    (
        prop::sample::subsequence(Tag::ALL.to_vec(), 0..=3),
        any_text(),
        (any_text(), prop_oneof![Just(String::new()), any_text()]),
        timestamp(),
        timestamp(),
        (any_text(), any_text(), any_text()),
        (0usize..1_000_000, 0usize..10_000, 0usize..5),
    )
        .prop_map(
            move |(
                tags,
                note,
                (author, speaker),
                created,
                modified,
                (exact, prefix, suffix),
                (start, first, extra),
            )| {
                let end = start + exact.chars().count();
                Annotation {
                    id: format!("01943f0e-{n:04x}-7000-8000-000000000000"),
                    tags,
                    note,
                    author,
                    speaker,
                    created,
                    modified,
                    anchor: Anchor {
                        exact,
                        prefix: prefix.clone(),
                        suffix,
                        start,
                        end,
                        first_unit: first,
                        last_unit: first + extra,
                        // Some anchors kept as orphans, with and without a claim group.
                        kept_orphan: extra >= 3,
                    },
                    // Every other annotation in a claim group, its label any text.
                    groups: if extra % 2 == 0 {
                        Vec::new()
                    } else {
                        vec![sidenote::annotation::ClaimLink {
                            id: format!("g-{n}"),
                            label: prefix.clone(),
                        }]
                    },
                }
            },
        )
}

fn annotations() -> impl Strategy<Value = Vec<Annotation>> {
    (0usize..12).prop_flat_map(|count| (0..count).map(annotation).collect::<Vec<_>>())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_saved_sidecar_loads_back_equal(annotations in annotations()) {
        let article = Article::parse("a.txt", ARTICLE.as_bytes()).unwrap();
        let sidecar = Sidecar {
            version: sidecar::version_for(&annotations),
            fingerprint: Fingerprint::of(&article),
            annotations,
        };
        let text = sidecar::to_text(&sidecar).unwrap();
        prop_assert!(!text.contains('\r'));
        // The hand-written writer makes exactly what ron's pretty printer makes.
        let reference = ron::ser::to_string_pretty(&sidecar, sidecar::ron_config()).unwrap() + "\n";
        prop_assert_eq!(&text, &reference);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        fs::write(sidecar::path_for(&path), &text).unwrap();
        let loaded = sidecar::load(&path).unwrap().unwrap();
        prop_assert_eq!(&loaded, &sidecar);
        prop_assert_eq!(sidecar::to_text(&loaded).unwrap(), text);
    }

    #[test]
    fn saving_the_same_state_twice_gives_the_same_bytes(mut annotations in annotations()) {
        // A mark the article lacks keeps every anchor from being found, so save keeps them all
        // exactly as they were.
        for annotation in &mut annotations {
            annotation.anchor.exact.insert(0, '§');
            annotation.anchor.end += 1;
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        fs::write(&path, ARTICLE).unwrap();
        let article = Article::parse("a.txt", ARTICLE.as_bytes()).unwrap();
        let saved = sidecar::save(&path, &article, &[], &annotations).unwrap();
        let mut expected = annotations.clone();
        expected.retain(|a| !a.is_empty());
        prop_assert_eq!(saved.len(), expected.len());
        for annotation in &expected {
            prop_assert!(saved.contains(annotation));
        }
        let first = fs::read(sidecar::path_for(&path)).ok();
        let again = sidecar::save(&path, &article, &saved, &saved).unwrap();
        prop_assert_eq!(&again, &saved);
        prop_assert_eq!(fs::read(sidecar::path_for(&path)).ok(), first);
        if let Some(loaded) = sidecar::load(&path).unwrap() {
            prop_assert_eq!(loaded.annotations, saved);
        }
    }
}

#[test]
fn the_file_is_pretty_ron_with_bare_enums_and_lf_line_ends() {
    let article = Article::parse("a.txt", ARTICLE.as_bytes()).unwrap();
    let mut anchor = sidenote::annotation::anchor_for(&article, 1, 1).unwrap();
    // Every field this format writes, the mark of a kept orphan with them.
    anchor.kept_orphan = true;
    let sidecar = Sidecar {
        version: VERSION,
        fingerprint: Fingerprint::of(&article),
        annotations: vec![Annotation {
            id: "01943f0e-0000-7000-8000-000000000001".into(),
            tags: vec![Tag::Claim, Tag::Quote],
            note: "two\nlines".into(),
            author: "Ana".into(),
            speaker: "Lee Seong-kweun".into(),
            created: time::macros::datetime!(2025-01-13 09:00 UTC),
            modified: time::macros::datetime!(2025-01-13 09:05 UTC),
            anchor,
            groups: vec![sidenote::annotation::ClaimLink {
                id: "s-1e0a4fdd54e1c01d".into(),
                label: "300 \"killed\"".into(),
            }],
        }],
    };
    insta::assert_snapshot!(sidecar::to_text(&sidecar).unwrap());
}

#[test]
fn a_sidecar_without_optional_fields_loads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    let text = r#"(
    version: 1,
    fingerprint: (xxh3: "0000000000000000", chars: 10),
    annotations: [
        (
            id: "x1",
            tags: [Denial],
            created: "2025-01-13T09:00:00Z",
            modified: "2025-01-13T09:00:00Z",
            anchor: (exact: "First", start: 9, end: 14),
        ),
    ],
)
"#;
    fs::write(sidecar::path_for(&path), text).unwrap();
    let loaded = sidecar::load(&path).unwrap().unwrap();
    let annotation = &loaded.annotations[0];
    assert_eq!(annotation.tags, vec![Tag::Denial]);
    assert_eq!(annotation.note, "");
    assert_eq!(annotation.author, "");
    assert_eq!(annotation.anchor.prefix, "");
    assert_eq!(
        (annotation.anchor.first_unit, annotation.anchor.last_unit),
        (0, 0)
    );
}

/// A sidecar as sidenote wrote it before speakers: format 1, every field written.
const FORMAT_1: &str = r#"(
    version: 1,
    fingerprint: (
        xxh3: "0000000000000000",
        chars: 10,
    ),
    annotations: [
        (
            id: "01943f0e-0000-7000-8000-000000000001",
            tags: [
                Claim,
                Quote,
            ],
            note: "two\nlines",
            author: "Ana",
            created: "2025-01-13T09:00:00Z",
            modified: "2025-01-13T09:05:00Z",
            anchor: (
                exact: "First sentence here.",
                prefix: "A title\n\n",
                suffix: " Second one follows.",
                start: 9,
                end: 29,
                first_unit: 1,
                last_unit: 1,
            ),
        ),
    ],
)
"#;

#[test]
fn a_format_1_sidecar_loads_without_speakers_and_writes_back_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    fs::write(sidecar::path_for(&path), FORMAT_1).unwrap();
    let loaded = sidecar::load(&path).unwrap().unwrap();
    assert_eq!(loaded.version, 1);
    assert!(loaded.is_writable());
    assert_eq!(loaded.annotations[0].speaker, "");
    assert_eq!(sidecar::to_text(&loaded).unwrap(), FORMAT_1);
}

#[test]
fn a_speaker_raises_the_format_to_2_and_clearing_it_brings_back_1() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    fs::write(&path, ARTICLE).unwrap();
    let article = Article::parse("a.txt", ARTICLE.as_bytes()).unwrap();
    fs::write(sidecar::path_for(&path), FORMAT_1).unwrap();
    let base = sidecar::load(&path).unwrap().unwrap().annotations;

    let mut said = base.clone();
    said[0].speaker = "Lee Seong-kweun".into();
    let saved = sidecar::save(&path, &article, &base, &said).unwrap();
    let text = fs::read_to_string(sidecar::path_for(&path)).unwrap();
    assert!(text.starts_with("(\n    version: 2,\n"), "{text}");
    assert!(
        text.contains("            author: \"Ana\",\n            speaker: \"Lee Seong-kweun\",\n"),
        "{text}"
    );
    let loaded = sidecar::load(&path).unwrap().unwrap();
    assert_eq!(
        (loaded.version, loaded.version),
        (sidecar::VERSION_WITH_SPEAKERS, 2)
    );
    assert_eq!(loaded.annotations[0].speaker, "Lee Seong-kweun");

    let mut cleared = saved.clone();
    cleared[0].speaker.clear();
    sidecar::save(&path, &article, &saved, &cleared).unwrap();
    let text = fs::read_to_string(sidecar::path_for(&path)).unwrap();
    assert!(text.starts_with("(\n    version: 1,\n"), "{text}");
    assert!(!text.contains("speaker"), "{text}");
}
