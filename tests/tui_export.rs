//! `e` offers the export formats and writes the open article's export to a new file whose path
//! the status bar shows; an existing file is never replaced.
#![allow(clippy::unwrap_used)]

#[path = "support/tui.rs"]
mod support;

use sidenote::tui::app::Mode;
use support::{ARTICLE, Screen};

fn exported(screen: &Screen) -> std::path::PathBuf {
    let message = screen.runtime.app.message.as_ref().unwrap();
    assert!(!message.error, "{}", message.text);
    let path = message.text.strip_prefix("exported to ").unwrap();
    std::path::PathBuf::from(path)
}

#[test]
fn export_menu_lists_the_formats_and_writes_the_chosen_one() {
    let mut screen = Screen::new(100, 30);
    screen.open(ARTICLE).keys("jcjde");
    assert_eq!(
        screen.runtime.app.mode,
        Mode::Export {
            library: false,
            selected: 0
        }
    );
    insta::assert_snapshot!("export_menu_100x30", screen.text());
    screen.keys("1");
    let first = exported(&screen);
    assert!(first.starts_with(screen.exports.path()));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&first).unwrap()).unwrap();
    let text = json.to_string();
    assert!(text.contains("claim") && text.contains("denial"), "{text}");

    screen.keys("e1");
    let second = exported(&screen);
    assert_ne!(first, second, "a second export gets a new name");
    assert!(first.exists() && second.exists());

    screen.keys("e6");
    let brat = exported(&screen);
    assert!(brat.is_dir());
    assert!(std::fs::read_dir(&brat).unwrap().count() >= 2);
}

#[test]
fn escape_closes_the_menu_without_writing() {
    let mut screen = Screen::new(100, 30);
    screen.open(ARTICLE).keys("ce<esc>");
    assert_eq!(screen.runtime.app.mode, Mode::Normal);
    assert_eq!(std::fs::read_dir(screen.exports.path()).unwrap().count(), 0);
}

#[test]
fn from_the_list_the_whole_library_is_exported() {
    let mut screen = Screen::new(100, 30);
    screen.open(ARTICLE).keys("jc<tab><tab>");
    screen.keys("e");
    assert_eq!(
        screen.runtime.app.mode,
        Mode::Export {
            library: true,
            selected: 0
        }
    );
    assert!(screen.text().contains("Export 5 articles as"));
    screen.keys("3");
    let csv = std::fs::read_to_string(exported(&screen)).unwrap();
    assert!(
        csv.contains("claim"),
        "the open article's tag is exported: {csv}"
    );
    assert!(
        exported(&screen)
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("library.")
    );
}

#[test]
fn the_menu_moves_like_a_list_and_enter_exports_the_highlighted_format() {
    let mut screen = Screen::new(100, 30);
    screen.open(ARTICLE).keys("ce");
    let formats = screen.runtime.app.export_formats.clone();
    screen.keys("jj<down>k");
    assert_eq!(
        screen.runtime.app.mode,
        Mode::Export {
            library: false,
            selected: 2
        }
    );
    let highlighted = screen
        .text()
        .lines()
        .find(|line| line.contains(&format!(">3 {}", formats[2].name())))
        .map(str::to_owned);
    assert!(highlighted.is_some(), "{}", screen.text());
    screen.keys("<enter>");
    assert_eq!(screen.runtime.app.mode, Mode::Normal);
    let path = exported(&screen);
    assert_eq!(path.extension().unwrap(), "csv", "{formats:?}");
}

#[test]
fn no_key_falls_through_the_menu_to_the_article() {
    let mut screen = Screen::new(100, 30);
    screen.open(ARTICLE).keys("c");
    let tagged = screen.runtime.app.doc.as_ref().unwrap().annotations.len();
    // x, d, u and 9 (no such format) would remove, tag and undo on the article behind.
    screen.keys("exdu9");
    assert!(matches!(screen.runtime.app.mode, Mode::Export { .. }));
    screen.keys("<esc>x");
    assert_eq!(screen.runtime.app.mode, Mode::Normal);
    assert_eq!(
        screen.runtime.app.doc.as_ref().unwrap().annotations.len(),
        tagged - 1,
        "after Esc, keys act on the article again"
    );
    assert_eq!(std::fs::read_dir(screen.exports.path()).unwrap().count(), 0);
}

#[test]
fn one_article_is_one_article_in_the_menu_title() {
    let mut screen = Screen::new(100, 30);
    screen.keys("/As many<enter>e");
    assert_eq!(screen.runtime.app.library.visible.len(), 1);
    let text = screen.text();
    assert!(text.contains("Export 1 article as "), "{text}");
}
