//! No terminal size, tiny or huge, and no resize storm makes the screen panic; the cursor stays
//! in sight; NO_COLOR leaves no colour; the mouse selects what it clicks.
#![allow(clippy::unwrap_used)]

#[path = "support/tui.rs"]
mod support;

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;
use sidenote::config::Config;
use sidenote::tui::action::Action;
use sidenote::tui::app::Mode;
use sidenote::tui::ui;

use support::{ARTICLE, Screen};

/// Draws the screen at `width` x `height` after telling the state about it.
fn draw_at(screen: &mut Screen, width: u16, height: u16) -> String {
    screen.runtime.dispatch(Action::Resize { width, height });
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let (app, theme) = (&screen.runtime.app, screen.runtime.theme());
    terminal.draw(|frame| ui::draw(frame, app, theme)).unwrap();
    terminal.backend().to_string()
}

#[test]
fn every_small_size_draws_in_every_mode() {
    let mut screen = Screen::new(80, 24);
    screen.open(ARTICLE).keys("jjcjvj");
    for keys in ["", "?", "<esc>a", "<esc>/spy", "<esc><tab>", "<tab>"] {
        screen.keys(keys);
        for width in 1..=30 {
            for height in 1..=10 {
                draw_at(&mut screen, width, height);
                // Movement at this size must not panic either.
                screen.keys("jk");
            }
        }
    }
}

#[test]
fn a_resize_storm_keeps_the_cursor_on_screen() {
    let mut screen = Screen::new(80, 24);
    screen.open(ARTICLE).keys("GkkkK");
    let mut seed = 7u32;
    for _ in 0..300 {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        let width = 20 + (seed >> 8) as u16 % 200;
        let height = 6 + (seed >> 16) as u16 % 60;
        let text = draw_at(&mut screen, width, height);
        if width >= 70 {
            assert!(
                text.contains('>'),
                "cursor mark missing at {width}x{height}:\n{text}"
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn random_sizes_and_keys_never_panic(
        width in 1u16..300,
        height in 1u16..100,
        keys in proptest::collection::vec(
            prop::sample::select(vec!["j", "k", "G", "g", "}", "{", "<c-d>", "<c-u>", "]", "[",
                "<tab>", "c", "d", "\"", "x", "v", "u", "<c-r>", "n", "N", "<esc>", "?", "<f2>", "<f3>"]),
            0..30,
        ),
    ) {
        let mut screen = Screen::new(80, 24);
        screen.open(ARTICLE);
        draw_at(&mut screen, width, height);
        for key in keys {
            screen.keys(key);
            let text = draw_at(&mut screen, width, height);
            // Wherever the cursor went, the view followed it.
            if width >= 70 && height >= 8 && screen.runtime.app.mode == Mode::Normal {
                // The cursor mark starts a pane's row (the text may be a column in the middle).
                let marked = text
                    .lines()
                    .any(|row| row.split('│').any(|cell| cell.trim_start().starts_with('>')));
                prop_assert!(marked, "cursor not in sight after {key}:\n{text}");
            }
        }
    }
}

#[test]
fn no_color_leaves_only_modifiers() {
    let mut screen = Screen::with_config(120, 30, &Config::default(), true);
    screen.open(ARTICLE).keys("jcjdj\"?<esc>/the<enter>");
    screen.text();
    let buffer = screen.runtime.terminal.backend().buffer().clone();
    for cell in buffer.content() {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{cell:?}");
    }
    let mut colored = Screen::new(120, 30);
    let text = colored.open(ARTICLE).keys("jc").text();
    assert!(
        text.contains(">C "),
        "the gutter marks the tag without colour"
    );
    let buffer = colored.runtime.terminal.backend().buffer();
    assert!(buffer.content().iter().any(|cell| cell.fg == Color::Yellow));
}

#[test]
fn configured_colours_apply_and_bad_ones_are_reported() {
    let config = Config {
        colors: [("claim", "#ff8800"), ("denial", "not-a-colour")]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect(),
        ..Config::default()
    };
    let mut screen = Screen::with_config(120, 30, &config, false);
    assert!(
        screen
            .runtime
            .app
            .message
            .as_ref()
            .unwrap()
            .text
            .contains("not-a-colour")
    );
    screen.open(ARTICLE).keys("c");
    assert_eq!(
        screen.runtime.theme().claim.fg,
        Some(Color::Rgb(0xff, 0x88, 0))
    );
}

#[test]
fn clicks_select_units_articles_and_annotations() {
    let mut screen = Screen::new(160, 48);
    screen.open(ARTICLE).keys("jjcjjjd");
    let text = screen.text();
    // A click on the first row of unit 1's text in the reading pane.
    let row = text
        .lines()
        .position(|line| line.contains("Seoul has previously claimed"))
        .unwrap() as u16;
    screen.click(60, row);
    assert_eq!(screen.runtime.app.doc.as_ref().unwrap().cursor, 1);
    // The second annotation in the annotation pane (two rows per annotation, after the border).
    screen.click(140, 3);
    let doc = screen.runtime.app.doc.as_ref().unwrap();
    assert_eq!((doc.selected_annotation, doc.cursor), (1, 5));
    // The third article in the list.
    screen.click(5, 5);
    assert_eq!(screen.runtime.app.library.selected, 2);
    assert_eq!(screen.runtime.app.focus, sidenote::tui::app::Pane::List);
}

#[test]
fn reading_lines_are_capped_on_a_very_wide_terminal() {
    for (width, config, longest) in [
        (400, Config::default(), 80),
        (
            400,
            Config {
                reading_width: Some(60),
                ..Config::default()
            },
            60,
        ),
    ] {
        let mut screen = support::Screen::with_config(width, 40, &config, true);
        screen.open(support::ARTICLE);
        let text = screen.text();
        let rows: Vec<&str> = text.lines().collect();
        let widest = rows
            .iter()
            .filter(|row| row.starts_with("\"│"))
            .filter_map(|row| {
                // The reading pane's text and gutter, between its borders.
                let reading = row.split('│').nth(3)?;
                Some(reading.trim().chars().count())
            })
            .max()
            .unwrap();
        assert!(
            widest <= longest + 5 && widest > longest - 20,
            "widest reading row {widest} cells, cap {longest}\n{text}"
        );
    }
}
