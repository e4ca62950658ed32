//! `sidenote [PATH...]`: opens the reading screen on articles and folders, or on the default
//! library (installing the sample articles into it on first run).

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};

use crate::config::Config;
use crate::last_place;
use crate::library;
use crate::paths::Dirs;
use crate::tui;

/// Opens the reading screen; `sidenote FILE` opens that article at once.
pub fn run(paths: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let dirs = Dirs::from_env()?;
    let (config, problem) = Config::load_or_default(&dirs.config_file());
    let paths = if paths.is_empty() {
        let library = match &config.library {
            Some(folder) => folder.clone(),
            None => {
                let library = dirs.library();
                library::install_samples(&library).with_context(|| {
                    format!("installing the sample library in {}", library.display())
                })?;
                library
            }
        };
        vec![library]
    } else {
        paths.to_vec()
    };
    for path in &paths {
        if !path.exists() {
            bail!(
                "{}: no such file or folder; give article files (.txt, .md) or folders of them",
                path.display()
            );
        }
    }
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        bail!(
            "the reading screen needs a terminal, and stdin or stdout is not one; \
             run sidenote in a terminal, or use `sidenote segment FILE` for text output"
        );
    }
    let mut open = paths.first().filter(|path| path.is_file()).cloned();
    let mut setup = tui::setup(
        &config,
        tui::theme::no_color_requested(),
        problem.into_iter().collect(),
    )?;
    // On a library rather than a file: reopen where the reader left off.
    if open.is_none()
        && let Some(place) = last_place::resume(&dirs.data, &paths)
    {
        setup.app.resume = Some((place.article.clone(), place.unit));
        open = Some(place.article);
    }
    let mouse = config.mouse();
    let place = tui::Place {
        data: dirs.data.clone(),
    };
    match tui::run(paths, open, setup, mouse, dirs.data.join("exports"), place)? {
        None => Ok(ExitCode::SUCCESS),
        Some(unsaved) => {
            let _ = writeln!(std::io::stderr(), "sidenote: {unsaved}");
            Ok(ExitCode::FAILURE)
        }
    }
}
