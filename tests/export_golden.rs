//! A golden file per export format: the tagged sample library (fixed ids and times, articles named
//! `/library/<file>`) must render to exactly the bytes under `tests/golden/export/`, and to the
//! same bytes whatever order the articles come in.
//!
//! After an intended change of output, run `UPDATE_GOLDEN=1 cargo test --test export_golden` and
//! review the diff of `tests/golden/export/` before committing it.
#![allow(clippy::unwrap_used)]

#[allow(dead_code)]
#[path = "export_support/fixture.rs"]
mod fixture;

use std::fs;
use std::path::{Path, PathBuf};

use pretty_assertions::assert_eq;
use rstest::rstest;
use sidenote::export::{self, Format, Offsets, Options, Output};

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/export")
}

fn updating() -> bool {
    std::env::var_os("UPDATE_GOLDEN").is_some()
}

/// Compares `actual` with the golden file `name`, or rewrites it when updating.
fn check(name: &str, actual: &str) {
    let path = golden_dir().join(name);
    if updating() {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, actual).unwrap();
        return;
    }
    let expected = fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run with UPDATE_GOLDEN=1 to create it",
            path.display()
        )
    });
    assert_eq!(String::from_utf8(expected).unwrap(), actual, "{name}");
}

fn render(format: Format, options: Options, reversed: bool) -> Output {
    let library = fixture::tagged_library();
    let loaded = fixture::load(&library);
    let mut items = fixture::items(&loaded);
    if reversed {
        items.reverse();
    }
    export::render(&items, format, &options).unwrap()
}

#[rstest]
#[case(Format::Json, Offsets::CodePoints, false, "export.json")]
#[case(Format::Json, Offsets::Utf16, false, "export-utf16.json")]
#[case(Format::Jsonl, Offsets::CodePoints, false, "export.jsonl")]
#[case(Format::Csv, Offsets::CodePoints, false, "export.csv")]
#[case(Format::Csv, Offsets::Utf16, true, "export-utf16-bom.csv")]
#[case(Format::Markdown, Offsets::CodePoints, false, "export.md")]
#[case(Format::W3c, Offsets::CodePoints, false, "export.w3c.jsonld")]
fn text_formats_match_their_golden_file(
    #[case] format: Format,
    #[case] offsets: Offsets,
    #[case] bom: bool,
    #[case] name: &str,
) {
    let options = Options { offsets, bom };
    let Output::Text(text) = render(format, options, false) else {
        panic!("{format:?} is a text format");
    };
    assert_eq!(render(format, options, true), Output::Text(text.clone()));
    check(name, &text);
}

#[test]
fn brat_matches_its_golden_folder() {
    let Output::Files(files) = render(Format::Brat, Options::default(), false) else {
        panic!("brat is a folder format");
    };
    assert_eq!(
        render(Format::Brat, Options::default(), true),
        Output::Files(files.clone())
    );
    let listing: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    check("brat/FILES", &format!("{}\n", listing.join("\n")));
    for file in &files {
        check(&format!("brat/{}", file.path), &file.contents);
    }
}
