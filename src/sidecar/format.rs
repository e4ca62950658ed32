//! The sidecar's text: pretty RON written the same way every time, and a strict reader that
//! points at the line and column of any problem.
//!
//! Files of this format version are read strictly: an unknown field is an error, not something
//! silently dropped at the next save, since it is most likely a misspelt hand edit; the sidecar's
//! types say so themselves (`#[serde(deny_unknown_fields)]`), so a new field is declared once, on
//! its type, and written once, in module `writer`. Files of a newer version are read leniently,
//! through module `lenient`, which drops the fields a type does not name, and are never written.

use std::collections::HashSet;
use std::path::Path;

use super::{Sidecar, SidecarError, VERSION};
use crate::article::line_column;

mod lenient;
mod writer;

/// The sidecar as text: pretty RON, LF line ends, four-space indents, enums as bare identifiers,
/// strings escaped so each value stays on one line, a final newline. Equal sidecars give equal
/// bytes.
pub fn to_text(sidecar: &Sidecar) -> Result<String, time::error::Format> {
    writer::write(sidecar)
}

/// The sidecar's settings for `ron`'s pretty printer, which [`to_text`] matches byte for byte.
pub fn ron_config() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .new_line("\n")
        .indentor("    ")
        .struct_names(false)
        .escape_strings(true)
}

/// Reads a sidecar from `text`, the contents of the file at `path`.
pub fn parse(path: &Path, text: &str) -> Result<Sidecar, SidecarError> {
    if text.trim().is_empty() {
        return Err(error_at(path, text, 0, "the file is empty".to_owned()));
    }
    let sidecar = match ron::from_str::<Sidecar>(text) {
        Ok(sidecar) => sidecar,
        Err(strict_error) => match ron::from_str::<Head>(text) {
            Ok(head) if head.version > VERSION => {
                lenient::from_str::<Sidecar>(text).map_err(|error| {
                    spanned(
                        path,
                        &error,
                        &format!(
                            "this sidecar was written by a newer sidenote (format {}) and cannot be read by this one (format {VERSION}); upgrade sidenote",
                            head.version
                        ),
                    )
                })?
            }
            _ => return Err(spanned(path, &strict_error, "")),
        },
    };
    validate(path, text, sidecar)
}

/// Just the version, to decide how strictly to read the rest.
#[derive(serde::Deserialize)]
#[serde(rename = "Sidecar")]
struct Head {
    version: u32,
}

/// Checks what types cannot: unique ids, consistent offsets. Sorts and deduplicates tags, which
/// a hand edit may have left in any order.
fn validate(path: &Path, text: &str, mut sidecar: Sidecar) -> Result<Sidecar, SidecarError> {
    // Positions are searched for only once something is wrong: finding them costs a scan of
    // the text per annotation.
    let mut seen: HashSet<&str> = HashSet::with_capacity(sidecar.annotations.len());
    for annotation in &sidecar.annotations {
        let id = annotation.id.as_str();
        let at = || position_of_id(text, id, 0);
        if id.trim().is_empty() {
            return Err(error_at(
                path,
                text,
                at(),
                "an annotation has an empty id".to_owned(),
            ));
        }
        if !seen.insert(id) {
            return Err(error_at(
                path,
                text,
                position_of_id(text, id, 1),
                format!("duplicate id \"{id}\": every annotation needs its own id"),
            ));
        }
        let anchor = &annotation.anchor;
        let field_at = |field: &str| find_field(text, at(), field);
        if anchor.start > anchor.end {
            return Err(error_at(
                path,
                text,
                field_at("start"),
                format!(
                    "anchor start {} is after its end {}",
                    anchor.start, anchor.end
                ),
            ));
        }
        let length = anchor.exact.chars().count();
        if anchor.end - anchor.start != length {
            return Err(error_at(
                path,
                text,
                field_at("end"),
                format!(
                    "anchor start {} and end {} span {} code points but its exact text has {length}",
                    anchor.start,
                    anchor.end,
                    anchor.end - anchor.start
                ),
            ));
        }
        if anchor.first_unit > anchor.last_unit {
            return Err(error_at(
                path,
                text,
                field_at("first_unit"),
                format!(
                    "anchor first_unit {} is after its last_unit {}",
                    anchor.first_unit, anchor.last_unit
                ),
            ));
        }
    }
    for annotation in &mut sidecar.annotations {
        annotation.tags.sort();
        annotation.tags.dedup();
    }
    Ok(sidecar)
}

/// Byte offset of the `occurrence`-th (0-based) appearance of `id` as a quoted string, or of the
/// start of the file when it cannot be found (a hand edit may have quoted it differently).
fn position_of_id(text: &str, id: &str, occurrence: usize) -> usize {
    [format!("id: \"{id}\""), format!("\"{id}\"")]
        .iter()
        .find_map(|needle| text.match_indices(needle.as_str()).nth(occurrence))
        .map_or(0, |(at, _)| at)
}

/// Byte offset of the first `field:` after byte `from`, or `from`.
fn find_field(text: &str, from: usize, field: &str) -> usize {
    let key = format!("{field}:");
    text.get(from..)
        .and_then(|rest| rest.find(&key))
        .map_or(from, |at| from + at)
}

fn spanned(path: &Path, error: &ron::error::SpannedError, extra: &str) -> SidecarError {
    let mut message = error.code.to_string();
    if !extra.is_empty() {
        message.push_str("; ");
        message.push_str(extra);
    }
    SidecarError::Parse {
        path: path.to_owned(),
        line: error.span.start.line,
        column: error.span.start.col,
        message,
    }
}

fn error_at(path: &Path, text: &str, byte: usize, message: String) -> SidecarError {
    let (line, column) = line_column(text, byte);
    SidecarError::Parse {
        path: path.to_owned(),
        line,
        column,
        message,
    }
}

#[cfg(test)]
mod tests {
    //! What a build of format 1 (sidenote before speakers) makes of the sidecars this one writes.
    //! Its types are those below: this build's without the speaker, refusing unknown fields. It
    //! reads a file strictly when the file's version is at most 1; otherwise leniently, through
    //! `lenient`, and then never writes it.
    use super::*;
    use crate::annotation::{Anchor, Annotation, Tag};
    use crate::sidecar::{Fingerprint, VERSION_WITHOUT_SPEAKERS, version_for};
    use time::macros::datetime;

    /// The anchor of formats 1 to 3: without the mark of a kept orphan.
    #[derive(Debug, serde::Deserialize)]
    #[serde(rename = "Anchor", deny_unknown_fields)]
    #[expect(dead_code, reason = "only what deserializes matters")]
    struct OldAnchor {
        exact: String,
        #[serde(default)]
        prefix: String,
        #[serde(default)]
        suffix: String,
        start: usize,
        end: usize,
        #[serde(default)]
        first_unit: usize,
        #[serde(default)]
        last_unit: usize,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(rename = "Sidecar", deny_unknown_fields)]
    #[expect(dead_code, reason = "only what deserializes matters")]
    struct Format1 {
        version: u32,
        fingerprint: Fingerprint,
        #[serde(default)]
        annotations: Vec<Format1Annotation>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[expect(dead_code, reason = "only what deserializes matters")]
    struct Format1Annotation {
        id: String,
        tags: Vec<Tag>,
        #[serde(default)]
        note: String,
        #[serde(default)]
        author: String,
        created: String,
        modified: String,
        anchor: OldAnchor,
    }

    /// What a format 1 build does with `text`: `Ok(true)` when it reads it strictly and may
    /// write it, `Ok(false)` when it reads it leniently and never writes it.
    fn read_by_format_1(text: &str) -> Result<bool, String> {
        match ron::from_str::<Format1>(text) {
            Ok(_) => Ok(true),
            Err(strict) => match ron::from_str::<Head>(text) {
                Ok(head) if head.version > VERSION_WITHOUT_SPEAKERS => {
                    lenient::from_str::<Format1>(text)
                        .map(|_| false)
                        .map_err(|error| error.to_string())
                }
                _ => Err(strict.to_string()),
            },
        }
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(rename = "Sidecar", deny_unknown_fields)]
    #[expect(dead_code, reason = "only what deserializes matters")]
    struct Format2 {
        version: u32,
        fingerprint: Fingerprint,
        #[serde(default)]
        annotations: Vec<Format2Annotation>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[expect(dead_code, reason = "only what deserializes matters")]
    struct Format2Annotation {
        id: String,
        tags: Vec<Tag>,
        #[serde(default)]
        note: String,
        #[serde(default)]
        author: String,
        #[serde(default)]
        speaker: String,
        created: String,
        modified: String,
        anchor: OldAnchor,
    }

    /// What a format 2 build (speakers, no claim groups) does with `text`, as
    /// [`read_by_format_1`] says it for format 1.
    fn read_by_format_2(text: &str) -> Result<bool, String> {
        match ron::from_str::<Head>(text) {
            Ok(head) if head.version > crate::sidecar::VERSION_WITH_SPEAKERS => {
                lenient::from_str::<Format2>(text)
                    .map(|_| false)
                    .map_err(|error| error.to_string())
            }
            _ => ron::from_str::<Format2>(text)
                .map(|_| true)
                .map_err(|error| error.to_string()),
        }
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(rename = "Sidecar", deny_unknown_fields)]
    #[expect(dead_code, reason = "only what deserializes matters")]
    struct Format3 {
        version: u32,
        fingerprint: Fingerprint,
        #[serde(default)]
        annotations: Vec<Format3Annotation>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[expect(dead_code, reason = "only what deserializes matters")]
    struct Format3Annotation {
        id: String,
        tags: Vec<Tag>,
        #[serde(default)]
        note: String,
        #[serde(default)]
        author: String,
        #[serde(default)]
        speaker: String,
        created: String,
        modified: String,
        anchor: OldAnchor,
        #[serde(default)]
        groups: Vec<crate::annotation::ClaimLink>,
    }

    /// What a format 3 build (claim groups, no kept orphans) does with `text`, as
    /// [`read_by_format_1`] says it for format 1.
    fn read_by_format_3(text: &str) -> Result<bool, String> {
        match ron::from_str::<Head>(text) {
            Ok(head) if head.version > crate::sidecar::VERSION_WITH_GROUPS => {
                lenient::from_str::<Format3>(text)
                    .map(|_| false)
                    .map_err(|error| error.to_string())
            }
            _ => ron::from_str::<Format3>(text)
                .map(|_| true)
                .map_err(|error| error.to_string()),
        }
    }

    /// [`sidecar`] with its annotation in the claim group "300 killed".
    fn linked_sidecar() -> Sidecar {
        let mut linked = sidecar("NIS");
        linked.annotations[0].groups = vec![crate::annotation::ClaimLink {
            id: "g-1".into(),
            label: "300 killed".into(),
        }];
        linked
    }

    #[test]
    fn a_sidecar_with_a_kept_orphan_is_read_only_for_formats_1_to_3() {
        let mut kept = linked_sidecar();
        // Without the mark, format 3 reads and writes it as it always did.
        kept.version = version_for(&kept.annotations);
        let text = to_text(&kept).unwrap();
        assert!(text.contains("version: 3,"), "{text}");
        assert_eq!(read_by_format_3(&text), Ok(true));

        kept.annotations[0].anchor.kept_orphan = true;
        kept.version = version_for(&kept.annotations);
        let text = to_text(&kept).unwrap();
        assert!(text.contains("version: 4,"), "{text}");
        assert!(text.contains("kept_orphan: true,"), "{text}");
        assert_eq!(read_by_format_1(&text), Ok(false));
        assert_eq!(read_by_format_2(&text), Ok(false));
        assert_eq!(read_by_format_3(&text), Ok(false));
        let parsed = parse(Path::new("a.ron"), &text).unwrap();
        assert!(parsed.is_writable());
        assert!(parsed.annotations[0].anchor.kept_orphan);
        // At version 3, the mark would make format 3 refuse the whole file.
        let forced = text.replacen("version: 4,", "version: 3,", 1);
        assert!(
            read_by_format_3(&forced)
                .unwrap_err()
                .contains("kept_orphan")
        );
    }

    #[test]
    fn a_sidecar_with_a_claim_group_is_read_only_for_formats_1_and_2() {
        let mut linked = linked_sidecar();
        linked.version = version_for(&linked.annotations);
        let text = to_text(&linked).unwrap();
        assert!(text.contains("version: 3,"), "{text}");
        assert_eq!(read_by_format_1(&text), Ok(false));
        assert_eq!(read_by_format_2(&text), Ok(false));
        let parsed = parse(Path::new("a.ron"), &text).unwrap();
        assert!(parsed.is_writable());
        assert_eq!(parsed.annotations[0].groups, linked.annotations[0].groups);
        // Without the link, format 2 writes it as it always did.
        let text = to_text(&sidecar("NIS")).unwrap();
        assert!(text.contains("version: 2,"), "{text}");
        assert_eq!(read_by_format_2(&text), Ok(true));
        // At version 2, the link would make format 2 refuse the whole file.
        let forced = to_text(&linked)
            .unwrap()
            .replacen("version: 3,", "version: 2,", 1);
        assert!(read_by_format_2(&forced).unwrap_err().contains("groups"));
    }

    fn sidecar(speaker: &str) -> Sidecar {
        let annotations = vec![Annotation {
            note: "n".into(),
            author: "Ana".into(),
            speaker: speaker.into(),
            ..Annotation::new(
                "01943f0e-0000-7000-8000-000000000001",
                vec![Tag::Quote],
                Anchor::new("Officials", 0, 9, (0, 0)),
                datetime!(2025-01-13 09:00 UTC),
            )
        }];
        Sidecar {
            version: version_for(&annotations),
            fingerprint: Fingerprint {
                xxh3: "0123456789abcdef".into(),
                chars: 12,
            },
            annotations,
        }
    }

    #[test]
    fn a_sidecar_without_speakers_stays_readable_and_writable_by_format_1() {
        let text = to_text(&sidecar("")).unwrap();
        assert!(!text.contains("speaker"), "{text}");
        assert_eq!(read_by_format_1(&text), Ok(true));
    }

    #[test]
    fn a_sidecar_with_a_speaker_is_read_only_for_format_1() {
        let text = to_text(&sidecar("Dmitry Peskov")).unwrap();
        assert_eq!(read_by_format_1(&text), Ok(false));
        let parsed = parse(Path::new("a.ron"), &text).unwrap();
        assert_eq!(parsed.version, crate::sidecar::VERSION_WITH_SPEAKERS);
        assert!(parsed.is_writable());
        assert_eq!(parsed.annotations[0].speaker, "Dmitry Peskov");
    }

    #[test]
    fn a_speaker_at_format_1_would_break_format_1_so_it_is_never_written_so() {
        // Why the version goes up with a speaker: at version 1 a format 1 build refuses the file
        // outright (an unknown field), where at version 2 it reads the tags and notes.
        let text = to_text(&sidecar("NIS"))
            .unwrap()
            .replacen("version: 2,", "version: 1,", 1);
        let refused = read_by_format_1(&text).unwrap_err();
        assert!(refused.contains("speaker"), "{refused}");
        // This build reads such a hand-edited file and writes it back at version 2.
        let parsed = parse(Path::new("a.ron"), &text).unwrap();
        assert_eq!(
            version_for(&parsed.annotations),
            crate::sidecar::VERSION_WITH_SPEAKERS
        );
    }
}
