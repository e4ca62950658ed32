//! Frames of the reading screen on a ~50 MB article: drawing, and moving the cursor then
//! drawing, at several terminal sizes. The goal is under 1 ms per frame whatever the article's
//! size, since a frame only ever looks at the units on screen.

use std::hint::black_box;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sidenote::article::Article;
use sidenote::config::Config;
use sidenote::tui::action::Action;
use sidenote::tui::app::App;
use sidenote::tui::command::Command;
use sidenote::tui::outcome::{Opened, Outcome};
use sidenote::tui::{setup, ui, update::update};

const TARGET_BYTES: usize = 50 * 1024 * 1024;

/// The sample articles repeated to about 50 MB, parsed once.
fn big_article() -> Arc<Article> {
    let mut text = String::with_capacity(TARGET_BYTES + 100_000);
    while text.len() < TARGET_BYTES {
        for (_, sample) in sidenote::library::SAMPLES {
            text.push_str(sample);
            text.push_str("\n\n");
        }
    }
    Arc::new(Article::parse("big.txt", text.as_bytes()).expect("the article parses"))
}

fn app_on(article: &Arc<Article>, width: u16, height: u16) -> (App, sidenote::tui::theme::Theme) {
    let setup = setup(&Config::default(), false, Vec::new()).expect("the keymap loads");
    let mut app = setup.app;
    update(&mut app, Action::Resize { width, height });
    update(
        &mut app,
        Outcome::ArticleOpened(Opened {
            path: "big.txt".into(),
            rejections_key: String::new(),
            article: article.clone(),
            annotations: Vec::new(),
            sidecar_error: None,
        }),
    );
    // Tag every tenth unit of the first screens and go to the middle of the article.
    for _ in 0..20 {
        update(&mut app, Command::ToggleClaim);
        for _ in 0..10 {
            update(&mut app, Command::NextUnit);
        }
    }
    if let Some(doc) = app.doc.as_mut() {
        doc.save.in_flight = false;
    }
    (app, setup.theme)
}

fn frames(c: &mut Criterion) {
    let article = big_article();
    eprintln!(
        "article: {} bytes, {} units",
        article.text().len(),
        article.units().len()
    );
    let mut group = c.benchmark_group("render");
    for (width, height) in [(80u16, 24u16), (160, 48), (300, 100)] {
        let (mut app, theme) = app_on(&article, width, height);
        let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
        group.bench_function(format!("frame_{width}x{height}"), |b| {
            b.iter(|| {
                terminal
                    .draw(|frame| ui::draw(frame, black_box(&app), &theme))
                    .expect("draw");
            })
        });
        group.bench_function(format!("next_unit_and_frame_{width}x{height}"), |b| {
            b.iter(|| {
                update(&mut app, Command::NextUnit);
                terminal
                    .draw(|frame| ui::draw(frame, &app, &theme))
                    .expect("draw");
            })
        });
        group.bench_function(format!("next_unit_update_only_{width}x{height}"), |b| {
            b.iter(|| update(&mut app, Command::NextUnit))
        });
        group.bench_function(format!("half_page_and_frame_{width}x{height}"), |b| {
            b.iter(|| {
                update(&mut app, Command::HalfPageDown);
                terminal
                    .draw(|frame| ui::draw(frame, &app, &theme))
                    .expect("draw");
            })
        });
        group.bench_function(format!("jump_end_to_end_and_frame_{width}x{height}"), |b| {
            let mut at_end = false;
            b.iter(|| {
                at_end = !at_end;
                update(
                    &mut app,
                    if at_end {
                        Command::LastUnit
                    } else {
                        Command::FirstUnit
                    },
                );
                terminal
                    .draw(|frame| ui::draw(frame, &app, &theme))
                    .expect("draw");
            })
        });
    }
    group.finish();
}

criterion_group!(benches, frames);
criterion_main!(benches);
