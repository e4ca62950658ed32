//! Keeps the layering visible in the tree: the domain core (article, annotation, export,
//! safe_text, agreement) must not
//! depend on the terminal, touch the file system, read a clock or draw random numbers, nor use
//! the store or the shells, so the CLI and the reading screen stay thin shells over it and the
//! core gives the same values for the same input.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};

const CORE: [&str; 8] = [
    "article",
    "annotation",
    "export",
    "safe_text",
    "agreement",
    "changes",
    "suggest",
    "claims",
];

/// Words no core file may hold outside a comment: the terminal, the file system and the process,
/// the clock and randomness (a fresh UUID is both; parsing one is neither).
const FORBIDDEN: [&str; 15] = [
    "ratatui",
    "crossterm",
    "std::fs",
    "std::env",
    "std::process",
    "now_utc",
    "now_local",
    "SystemTime",
    "Instant",
    "Uuid::new_v",
    "Uuid::now_v",
    "rand::",
    "getrandom",
    "RandomState",
    "thread_rng",
];

/// Further words forbidden in one core module: annotations do no input or output at all (the
/// export writes into a caller's sink, so it may name `std::io`).
const FORBIDDEN_IN: [(&str, &str); 1] = [("annotation", "std::io")];

/// The modules of the crate outside the core, which the core must not name.
const OUTSIDE: [&str; 10] = [
    "sidecar",
    "claim_dismissals",
    "tagged_text",
    "library",
    "atomic_file",
    "paths",
    "config",
    "crash_report",
    "cli",
    "tui",
];

fn rust_files(root: &Path, out: &mut Vec<PathBuf>) {
    if root.is_file() {
        out.push(root.to_owned());
        return;
    }
    let Ok(entries) = fs::read_dir(root) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}

/// The source files of the core module `module`: `src/<module>.rs` and everything under
/// `src/<module>/`.
fn files_of(src: &Path, module: &str) -> Vec<PathBuf> {
    let file = src.join(format!("{module}.rs"));
    assert!(
        file.is_file(),
        "the core module {} is missing",
        file.display()
    );
    let mut files = Vec::new();
    rust_files(&file, &mut files);
    rust_files(&src.join(module), &mut files);
    files
}

/// `text` with every `//` comment blanked, line by line, so line numbers stay.
fn code(text: &str) -> String {
    text.lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The first path segment of every item `crate::` names in `code`, with the byte where it
/// stands: `crate::sidecar::Sidecar` names `sidecar`, `crate::{article::Article, tui}` names
/// `article` and `tui`.
fn crate_paths(code: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let preceded = code[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_');
        if preceded {
            continue;
        }
        let rest = code[at + "crate::".len()..].trim_start();
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 0usize;
            let mut item_start = true;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => item_start = true,
                    c if item_start && (c.is_alphanumeric() || c == '_') => {
                        item_start = false;
                        found.push((at, first_segment(&group[i..])));
                    }
                    _ => {}
                }
            }
        } else {
            found.push((at, first_segment(rest)));
        }
    }
    found
}

fn first_segment(path: &str) -> String {
    path.chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

/// Everything in the core module `module` that breaks the layering, as `file:line: what`.
fn offences(src: &Path, module: &str) -> Vec<String> {
    let mut offences = Vec::new();
    for file in files_of(src, module) {
        let text = fs::read_to_string(&file).expect("source files are UTF-8");
        let code = code(&text);
        let line_of = |byte: usize| code[..byte].matches('\n').count() + 1;
        let extra = FORBIDDEN_IN
            .iter()
            .filter(|(owner, _)| *owner == module)
            .map(|(_, word)| *word);
        for word in FORBIDDEN.into_iter().chain(extra) {
            for (at, _) in code.match_indices(word) {
                offences.push(format!("{}:{}: {word}", file.display(), line_of(at)));
            }
        }
        for (at, segment) in crate_paths(&code) {
            if OUTSIDE.contains(&segment.as_str()) {
                offences.push(format!(
                    "{}:{}: crate::{segment}",
                    file.display(),
                    line_of(at)
                ));
            }
        }
    }
    offences
}

#[test]
fn the_domain_core_depends_on_nothing_outside_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    for module in CORE {
        all.extend(offences(&src, module));
    }
    assert!(
        all.is_empty(),
        "the domain core must stay free of terminal, file-system, clock and random code, and \
         must not use the store or the shells:\n{}",
        all.join("\n")
    );
}

#[test]
fn the_check_sees_every_core_file() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    // A walk that found nothing would pass whatever the code did.
    assert!(files_of(&src, "annotation").len() > 4);
    assert!(files_of(&src, "article").len() > 10);
    assert!(files_of(&src, "export").len() > 8);
}

#[test]
fn crate_paths_are_found_in_every_form_use_takes() {
    let code = "use crate::sidecar::Sidecar;\n\
                use crate::{article::{Article, Fingerprint}, tui};\n\
                fn f() -> crate::paths::Dirs { todo() }\n\
                use some_crate::library;\n";
    let segments: Vec<String> = crate_paths(code).into_iter().map(|(_, s)| s).collect();
    assert_eq!(segments, ["sidecar", "article", "tui", "paths"]);
}
