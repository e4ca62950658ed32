//! Writes the sidecar's RON by hand, for speed: the generic pretty printer spends most of a
//! 10,000-annotation save. The output is byte for byte what `ron`'s pretty printer makes with the
//! sidecar's settings (a property test holds the two together), so files never change shape.

use std::fmt::Write;

use time::format_description::well_known::Rfc3339;

use crate::annotation::{Annotation, Timestamp};
use crate::sidecar::Sidecar;

/// The sidecar as text; fails only if a timestamp cannot be written as RFC 3339 (a year outside
/// 0..=9999 or an offset with seconds).
pub fn write(sidecar: &Sidecar) -> Result<String, time::error::Format> {
    let mut out = String::with_capacity(256 + sidecar.annotations.len() * 640);
    out.push_str("(\n");
    line(&mut out, 1, "version", &sidecar.version.to_string());
    out.push_str("    fingerprint: (\n");
    string(&mut out, 2, "xxh3", &sidecar.fingerprint.xxh3);
    line(&mut out, 2, "chars", &sidecar.fingerprint.chars.to_string());
    out.push_str("    ),\n");
    if sidecar.annotations.is_empty() {
        out.push_str("    annotations: [],\n");
    } else {
        out.push_str("    annotations: [\n");
        for annotation in &sidecar.annotations {
            write_annotation(&mut out, annotation)?;
        }
        out.push_str("    ],\n");
    }
    out.push_str(")\n");
    Ok(out)
}

fn write_annotation(out: &mut String, a: &Annotation) -> Result<(), time::error::Format> {
    out.push_str("        (\n");
    string(out, 3, "id", &a.id);
    if a.tags.is_empty() {
        out.push_str("            tags: [],\n");
    } else {
        out.push_str("            tags: [\n");
        for tag in &a.tags {
            let _ = writeln!(out, "                {tag:?},");
        }
        out.push_str("            ],\n");
    }
    string(out, 3, "note", &a.note);
    string(out, 3, "author", &a.author);
    if !a.speaker.is_empty() {
        string(out, 3, "speaker", &a.speaker);
    }
    timestamp(out, "created", a.created)?;
    timestamp(out, "modified", a.modified)?;
    out.push_str("            anchor: (\n");
    let anchor = &a.anchor;
    string(out, 4, "exact", &anchor.exact);
    string(out, 4, "prefix", &anchor.prefix);
    string(out, 4, "suffix", &anchor.suffix);
    line(out, 4, "start", &anchor.start.to_string());
    line(out, 4, "end", &anchor.end.to_string());
    line(out, 4, "first_unit", &anchor.first_unit.to_string());
    line(out, 4, "last_unit", &anchor.last_unit.to_string());
    if anchor.kept_orphan {
        line(out, 4, "kept_orphan", "true");
    }
    out.push_str("            ),\n");
    if !a.groups.is_empty() {
        out.push_str("            groups: [\n");
        for link in &a.groups {
            out.push_str("                (\n");
            string(out, 5, "id", &link.id);
            string(out, 5, "label", &link.label);
            out.push_str("                ),\n");
        }
        out.push_str("            ],\n");
    }
    out.push_str("        ),\n");
    Ok(())
}

fn timestamp(out: &mut String, key: &str, at: Timestamp) -> Result<(), time::error::Format> {
    string(out, 3, key, &at.format(&Rfc3339)?);
    Ok(())
}

fn indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str("    ");
    }
}

fn line(out: &mut String, depth: usize, key: &str, value: &str) {
    indent(out, depth);
    out.push_str(key);
    out.push_str(": ");
    out.push_str(value);
    out.push_str(",\n");
}

/// A string as RON writes it: quoted, every character through `char::escape_debug`.
fn string(out: &mut String, depth: usize, key: &str, value: &str) {
    indent(out, depth);
    out.push_str(key);
    out.push_str(": \"");
    for c in value.chars() {
        if c.is_ascii_alphanumeric() || c == ' ' {
            out.push(c);
        } else {
            out.extend(c.escape_debug());
        }
    }
    out.push_str("\",\n");
}
