//! The annotation core stays pure: no file system, no terminal, no clock.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::Path;

fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push((
                path.display().to_string(),
                fs::read_to_string(&path).unwrap(),
            ));
        }
    }
}

#[test]
fn the_annotation_module_touches_no_files_terminal_or_clock() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![(
        "src/annotation.rs".to_owned(),
        fs::read_to_string(root.join("annotation.rs")).unwrap(),
    )];
    sources(&root.join("annotation"), &mut files);
    assert!(files.len() > 4);
    for (path, text) in files {
        for banned in [
            "std::fs",
            "std::io",
            "ratatui",
            "crossterm",
            "now_utc",
            "SystemTime",
            "Instant",
            "Uuid::",
        ] {
            assert!(!text.contains(banned), "{path} uses {banned}");
        }
    }
}
