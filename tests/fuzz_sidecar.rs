//! Fuzzing the sidecar reader with proptest: sidecars written from random annotations (notes and
//! quotes holding any character), then truncated, with bytes flipped, inserted or deleted, and
//! plain arbitrary bytes. `sidecar::load` never panics; a sidecar it reads keeps its promises
//! (unique ids, consistent offsets, sorted tags) and round-trips; an error names the file and a
//! line and column that lie inside it.
//!
//! The default case counts keep a debug run to a few seconds. To fuzz for a while, scale them:
//! `PROPTEST_CASES=20000 cargo test --release --test fuzz_sidecar`.
#![allow(clippy::unwrap_used)]

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use proptest::prelude::*;
use proptest::test_runner::Config;
use sidenote::annotation::{Anchor, Annotation, Tag};
use sidenote::article::Article;
use sidenote::sidecar::{self, Fingerprint, Sidecar, SidecarError};

/// `cases` cases, unless `PROPTEST_CASES` says otherwise.
fn config(cases: u32) -> Config {
    let mut config = Config::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = cases;
    }
    config
}

/// Text that stresses RON strings: quotes, backslashes, raw-string marks, line breaks, controls,
/// and any character at all.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => "[a-zA-Z ]{0,8}",
        2 => prop::sample::select(vec![
            "\"", "\\", "\\\"", "r#\"", "\"#", "#", "'", "\n", "\r\n", "\t", "\0", "\u{1b}[2J",
            "\u{1b}]0;x\u{7}", "\u{9b}", "\u{7f}", "\u{FEFF}", "\u{202E}", "é", "北", "\u{1F600}",
            "(", ")", "[", "]", ",", ":", "//", "/*", "*/", "\\u{41}", "\\x41",
        ]).prop_map(str::to_owned),
        1 => any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..12).prop_map(|pieces| pieces.concat())
}

fn tags() -> impl Strategy<Value = Vec<Tag>> {
    prop::sample::subsequence(Tag::ALL.to_vec(), 1..=3)
}

fn timestamp() -> impl Strategy<Value = time::OffsetDateTime> {
    (0i64..4_102_444_800).prop_map(|s| time::OffsetDateTime::from_unix_timestamp(s).unwrap())
}

fn annotation() -> impl Strategy<Value = Annotation> {
    (
        tags(),
        text(),
        (text(), prop::option::of(text())),
        timestamp(),
        timestamp(),
        (
            text(),
            text(),
            text(),
            0usize..1_000_000,
            0usize..5000,
            0usize..20,
        ),
    )
        .prop_map(
            |(
                tags,
                note,
                (author, speaker),
                created,
                modified,
                (exact, prefix, suffix, start, first, span),
            )| {
                let end = start + exact.chars().count();
                Annotation {
                    id: String::new(),
                    tags,
                    note,
                    author,
                    speaker: speaker.unwrap_or_default(),
                    created,
                    modified,
                    anchor: Anchor {
                        exact,
                        prefix,
                        suffix,
                        start,
                        end,
                        first_unit: first,
                        last_unit: first + span,
                        // Every third anchor kept as an orphan by a person.
                        kept_orphan: span % 3 == 0,
                    },
                    groups: Vec::new(),
                }
            },
        )
}

fn valid_sidecar() -> impl Strategy<Value = Sidecar> {
    (
        prop::collection::vec(annotation(), 0..5),
        any::<u64>(),
        0usize..10_000_000,
    )
        .prop_map(|(mut annotations, hash, chars)| {
            for (n, annotation) in annotations.iter_mut().enumerate() {
                annotation.id = format!("0195a3c2-0000-7000-8000-{n:012}");
            }
            Sidecar {
                version: sidecar::version_for(&annotations),
                fingerprint: Fingerprint {
                    xxh3: format!("{hash:016x}"),
                    chars,
                },
                annotations,
            }
        })
}

/// One way to damage a file's bytes.
#[derive(Debug, Clone)]
enum Mutation {
    Truncate(prop::sample::Index),
    Flip(prop::sample::Index, u8),
    Insert(prop::sample::Index, Vec<u8>),
    Delete(prop::sample::Index, usize),
    Duplicate(prop::sample::Index, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let token = prop_oneof![
        prop::collection::vec(any::<u8>(), 1..6),
        prop::sample::select(vec![
            "\"",
            "(",
            ")",
            "[",
            "]",
            ",",
            ":",
            "version: 3,",
            "r#\"",
            "#",
            "\\",
            "Claim",
            "Rumour",
            "-1",
            "99999999999999999999999",
            "1.5",
            "true",
            "None",
            "Some(",
            "//",
            "/*",
            "\0",
            "\u{FEFF}",
            "é",
            "\n",
        ])
        .prop_map(|s| s.as_bytes().to_vec()),
    ];
    prop_oneof![
        1 => any::<prop::sample::Index>().prop_map(Mutation::Truncate),
        2 => (any::<prop::sample::Index>(), 1u8..=255).prop_map(|(at, x)| Mutation::Flip(at, x)),
        2 => (any::<prop::sample::Index>(), token).prop_map(|(at, b)| Mutation::Insert(at, b)),
        1 => (any::<prop::sample::Index>(), 1usize..40).prop_map(|(at, n)| Mutation::Delete(at, n)),
        1 => (any::<prop::sample::Index>(), 1usize..200).prop_map(|(at, n)| Mutation::Duplicate(at, n)),
    ]
}

fn apply(bytes: &mut Vec<u8>, mutation: &Mutation) {
    let len = bytes.len();
    match mutation {
        Mutation::Truncate(at) => bytes.truncate(at.index(len + 1)),
        Mutation::Flip(at, x) if len > 0 => bytes[at.index(len)] ^= x,
        Mutation::Flip(..) => {}
        Mutation::Insert(at, inserted) => {
            let at = at.index(len + 1);
            bytes.splice(at..at, inserted.iter().copied());
        }
        Mutation::Delete(at, n) => {
            let at = at.index(len + 1);
            bytes.drain(at..(at + n).min(len));
        }
        Mutation::Duplicate(at, n) => {
            let at = at.index(len + 1);
            let copy = bytes[at..(at + n).min(len)].to_vec();
            bytes.splice(at..at, copy);
        }
    }
}

/// A folder with an article path whose sidecar the test writes.
struct Place {
    _dir: tempfile::TempDir,
    article: PathBuf,
    sidecar: PathBuf,
}

impl Place {
    fn new() -> Place {
        let dir = tempfile::tempdir().unwrap();
        let article = dir.path().join("a.txt");
        let sidecar = sidecar::path_for(&article);
        Place {
            _dir: dir,
            article,
            sidecar,
        }
    }

    /// Writes `bytes` as the sidecar and loads it, checking what any outcome promises.
    fn load(&self, bytes: &[u8]) -> Result<Option<Sidecar>, TestCaseError> {
        fs::write(&self.sidecar, bytes).unwrap();
        match sidecar::load(&self.article) {
            Ok(Some(loaded)) => {
                check_loaded(&loaded)?;
                Ok(Some(loaded))
            }
            Ok(None) => Err(TestCaseError::fail("a sidecar that exists read as none")),
            Err(error) => {
                check_error(&self.sidecar, bytes, &error)?;
                Ok(None)
            }
        }
    }
}

fn check_loaded(loaded: &Sidecar) -> Result<(), TestCaseError> {
    let mut ids = HashSet::new();
    for annotation in &loaded.annotations {
        prop_assert!(
            ids.insert(annotation.id.as_str()),
            "duplicate id {}",
            annotation.id
        );
        prop_assert!(!annotation.id.trim().is_empty());
        let anchor = &annotation.anchor;
        prop_assert!(anchor.start <= anchor.end);
        prop_assert_eq!(anchor.end - anchor.start, anchor.exact.chars().count());
        prop_assert!(anchor.first_unit <= anchor.last_unit);
        prop_assert!(annotation.tags.is_sorted());
        let unique: HashSet<_> = annotation.tags.iter().collect();
        prop_assert_eq!(unique.len(), annotation.tags.len());
    }
    if loaded.is_writable() {
        // What was read can be written and read again to the same thing.
        let text = sidecar::to_text(loaded).unwrap();
        let place = Place::new();
        fs::write(&place.sidecar, &text).unwrap();
        let again = sidecar::load(&place.article).unwrap().unwrap();
        prop_assert_eq!(&again, loaded);
    }
    Ok(())
}

/// The error names the sidecar, and a parse error's line and column lie inside the file.
fn check_error(path: &Path, bytes: &[u8], error: &SidecarError) -> Result<(), TestCaseError> {
    let message = error.to_string();
    prop_assert!(message.contains(&path.display().to_string()), "{message}");
    if let SidecarError::Parse { line, column, .. } = error {
        let text = String::from_utf8_lossy(bytes);
        let lines: Vec<&str> = text.split('\n').collect();
        prop_assert!(
            *line >= 1 && *line <= lines.len(),
            "line {line} of {}: {message}",
            lines.len()
        );
        let width = lines[line - 1].chars().count();
        prop_assert!(
            *column >= 1 && *column <= width + 1,
            "column {column} of a line of {width} characters: {message}"
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn a_written_sidecar_reads_back_the_same(sidecar in valid_sidecar()) {
        let place = Place::new();
        let text = sidecar::to_text(&sidecar).unwrap();
        let loaded = place.load(text.as_bytes())?;
        prop_assert_eq!(loaded.as_ref(), Some(&sidecar));
    }

    #[test]
    fn a_damaged_sidecar_loads_or_fails_cleanly(
        sidecar in valid_sidecar(),
        mutations in prop::collection::vec(mutation(), 1..5),
    ) {
        let mut bytes = sidecar::to_text(&sidecar).unwrap().into_bytes();
        for mutation in &mutations {
            apply(&mut bytes, mutation);
        }
        Place::new().load(&bytes)?;
    }

    #[test]
    fn saving_over_a_damaged_sidecar_refuses_or_keeps_every_annotation(
        sidecar in valid_sidecar(),
        mutations in prop::collection::vec(mutation(), 1..4),
    ) {
        let mut bytes = sidecar::to_text(&sidecar).unwrap().into_bytes();
        for mutation in &mutations {
            apply(&mut bytes, mutation);
        }
        let place = Place::new();
        let loaded = place.load(&bytes)?;
        let article = Article::parse("a.txt", b"Title\n\nThe NIS said 300 died. Lee agreed.\n").unwrap();
        let result = sidecar::save(&place.article, &article, &[], &[]);
        match loaded {
            Some(loaded) if loaded.is_writable() => {
                // Nothing of ours to add, nothing deleted: every annotation on disk that holds
                // something stays. One with neither tags nor a note (a hand edit can leave one)
                // is dropped by design: the merge keeps no empty annotations.
                let saved = result.unwrap();
                let mut kept: Vec<&str> = loaded
                    .annotations
                    .iter()
                    .filter(|a| !a.tags.is_empty() || !a.note.is_empty())
                    .map(|a| a.id.as_str())
                    .collect();
                kept.sort_unstable();
                let mut ids: Vec<&str> = saved.iter().map(|a| a.id.as_str()).collect();
                ids.sort_unstable();
                prop_assert_eq!(&ids, &kept);
                let again = sidecar::load(&place.article).unwrap().unwrap();
                prop_assert_eq!(again.annotations, saved);
            }
            _ => {
                prop_assert!(result.is_err(), "saved over a sidecar it could not write");
                prop_assert_eq!(fs::read(&place.sidecar).unwrap(), bytes);
            }
        }
    }

    #[test]
    fn arbitrary_bytes_load_or_fail_cleanly(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        Place::new().load(&bytes)?;
    }

    #[test]
    fn ron_shaped_noise_loads_or_fails_cleanly(
        pieces in prop::collection::vec(prop::sample::select(vec![
            "(", ")", "[", "]", "{", "}", ",", ":", " ", "\n", "\"", "version", "fingerprint",
            "annotations", "xxh3", "chars", "id", "tags", "note", "author", "created",
            "modified", "anchor", "exact", "prefix", "suffix", "start", "end", "first_unit",
            "last_unit", "Claim", "Denial", "Quote", "1", "2", "0", "\"2025-01-13T09:00:00Z\"",
            "\"a\"", "Sidecar", "Some", "None", "r#\"x\"#", "//c\n", "/*", "*/", "#![enable(implicit_some)]",
        ]), 0..80),
    ) {
        Place::new().load(pieces.concat().as_bytes())?;
    }
}
