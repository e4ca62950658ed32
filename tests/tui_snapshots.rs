//! Snapshots of the whole reading screen and of each pane on the sample library.
#![allow(clippy::unwrap_used)]

#[path = "support/big_article.rs"]
mod big_article;
#[path = "support/tui.rs"]
mod support;

use support::{ARTICLE, Screen};

fn both_sizes(name: &str, setup: impl Fn(&mut Screen)) {
    for (width, height) in [(80, 24), (160, 48)] {
        let mut screen = Screen::new(width, height);
        setup(&mut screen);
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), screen.text());
    }
}

#[test]
fn library_at_start() {
    both_sizes("library", |_| {});
}

#[test]
fn article_opened() {
    both_sizes("opened", |s| {
        s.open(ARTICLE);
    });
}

#[test]
fn a_big_article_loading_refuses_a_tag() {
    both_sizes("loading", |s| {
        let path = big_article::write_big(s.library.path(), "big.txt", 200_000);
        let preview = sidenote::tui::loader::preview(&path, big_article::SMALL).unwrap();
        s.runtime.dispatch(preview);
        s.keys("jjc");
    });
}

#[test]
fn tagged_units_show_letters_in_the_gutter() {
    both_sizes("tagged", |s| {
        s.open(ARTICLE).keys("jcjdj\"jc\"aa note<esc>");
    });
}

#[test]
fn a_selection_in_progress() {
    both_sizes("selecting", |s| {
        s.open(ARTICLE).keys("jvjj");
    });
}

#[test]
fn typing_a_search() {
    both_sizes("search_typing", |s| {
        s.open(ARTICLE).keys("/spy agen");
    });
}

#[test]
fn search_results() {
    both_sizes("search_results", |s| {
        s.open(ARTICLE).keys("/the<enter>n");
    });
}

#[test]
fn help_overlay() {
    both_sizes("help", |s| {
        s.open(ARTICLE).keys("?");
    });
}

#[test]
fn note_editor() {
    both_sizes("note_editor", |s| {
        s.open(ARTICLE).keys("jjcaFirst line<enter>second line");
    });
}

#[test]
fn annotation_pane_focused() {
    both_sizes("annotations_focused", |s| {
        s.open(ARTICLE).keys("jcjjdaa note<esc><tab>");
    });
}

#[test]
fn narrow_terminal_shows_the_focused_pane() {
    let mut screen = Screen::new(50, 16);
    screen.open(ARTICLE).keys("jc");
    insta::assert_snapshot!("narrow_reading_50x16", screen.text());
    screen.keys("<s-tab>");
    insta::assert_snapshot!("narrow_list_50x16", screen.text());
}

#[test]
fn too_small() {
    let mut screen = Screen::new(19, 5);
    insta::assert_snapshot!("too_small_19x5", screen.text());
}

mod panes {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use sidenote::tui::ui::{AnnotationPane, ArticleList, ReadingPane, StatusBar};

    use super::*;

    fn pane(screen: &Screen, width: u16, height: u16, which: &str) -> String {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        let app = &screen.runtime.app;
        let theme = screen.runtime.theme();
        terminal
            .draw(|frame| {
                let area = frame.area();
                match which {
                    "list" => frame.render_widget(ArticleList::new(app, theme, true), area),
                    "reading" => frame.render_widget(ReadingPane::new(app, theme, true), area),
                    "annotations" => {
                        frame.render_widget(AnnotationPane::new(app, theme, true), area)
                    }
                    _ => frame.render_widget(StatusBar::new(app, theme), area),
                }
            })
            .unwrap();
        terminal.backend().to_string()
    }

    #[test]
    fn each_pane() {
        let mut screen = Screen::new(120, 40);
        screen
            .open(ARTICLE)
            .keys("jcjjdjv}\"ka<enter>why it matters<esc>");
        for (which, width, height) in [
            ("list", 40, 14),
            ("reading", 60, 20),
            ("annotations", 50, 12),
            ("status", 100, 2),
        ] {
            insta::assert_snapshot!(format!("pane_{which}"), pane(&screen, width, height, which));
        }
    }
}
