//! Keeps the layering visible in the tree: the domain core (article, annotation, export,
//! safe_text) must not depend on the terminal or touch the file system, so the CLI and the
//! reading screen stay thin shells over it.

use std::fs;
use std::path::{Path, PathBuf};

const CORE: [&str; 4] = ["article", "annotation", "export", "safe_text"];
const FORBIDDEN: [&str; 5] = [
    "ratatui",
    "crossterm",
    "std::fs",
    "std::env",
    "std::process",
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

#[test]
fn the_domain_core_has_no_terminal_or_file_system_dependency() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for module in CORE {
        let file = src.join(format!("{module}.rs"));
        assert!(
            file.is_file(),
            "the core module {} is missing",
            file.display()
        );
        rust_files(&file, &mut files);
        rust_files(&src.join(module), &mut files);
    }
    let mut offences = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).expect("source files are UTF-8");
        for (number, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            for word in FORBIDDEN {
                if code.contains(word) {
                    offences.push(format!("{}:{}: {word}", file.display(), number + 1));
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "the domain core must stay free of terminal and file-system code:\n{}",
        offences.join("\n")
    );
}
