//! Loads an article as the reading screen does (file, sidecar, placed annotations) and keeps it,
//! then prints the file's size, the process's peak resident memory and their ratio, for the
//! memory goal in docs/performance.md (under three times the file's size).
//!
//! `cargo run --release --example hold_article -- big.txt` (Linux: reads /proc/self/status).

use std::process::ExitCode;

use sidenote::tui::loader::open_article;
use sidenote::tui::outcome::Outcome;

/// The `VmHWM` (peak resident set) line of /proc/self/status, in bytes.
fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: hold_article FILE");
        return ExitCode::FAILURE;
    };
    let path = std::path::PathBuf::from(path);
    let size = match std::fs::metadata(&path) {
        Ok(meta) => meta.len(),
        Err(error) => {
            eprintln!("{}: {error}", path.display());
            return ExitCode::FAILURE;
        }
    };
    let before = peak_rss().unwrap_or(0);
    let opened = open_article(&path);
    let Outcome::ArticleOpened(opened) = &opened else {
        eprintln!("{}: could not be opened: {opened:?}", path.display());
        return ExitCode::FAILURE;
    };
    let units = opened.article.units().len();
    let peak = peak_rss().unwrap_or(0);
    let mb = |bytes: u64| bytes as f64 / (1024.0 * 1024.0);
    println!(
        "file {:.1} MB, {units} units; peak RSS {:.1} MB before loading, {:.1} MB after: {:.2}x the file",
        mb(size),
        mb(before),
        mb(peak),
        peak as f64 / size as f64
    );
    ExitCode::SUCCESS
}
