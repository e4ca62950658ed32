//! `sidenote [PATH...]`: opens the reading screen on articles and folders, or on the default
//! library (installing the sample articles into it on first run).

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};

use crate::config::Config;
use crate::last_place;
use crate::library;
use crate::paths::Dirs;
use crate::tui;

/// Opens the reading screen; `sidenote FILE` opens that article at once. `compare` names the
/// coders' copies the disagreement view compares with.
pub fn run(paths: &[PathBuf], compare: &[PathBuf]) -> anyhow::Result<ExitCode> {
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
    setup.app.rejected = crate::rejections::load(&dirs.data);
    setup.app.compare = tui::compare::Compare {
        roots: paths.clone(),
        copies: compare.to_vec(),
    };
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
    let ending = tui::run(paths, open, setup, mouse, dirs.data.join("exports"), place)?;
    if let Some(unsaved) = &ending.unsaved {
        super::message::warn(unsaved);
    }
    if let Some(signal) = ending.signal {
        tui::terminal::die_of(signal);
    }
    Ok(match ending.unsaved {
        None => ExitCode::SUCCESS,
        Some(_) => ExitCode::FAILURE,
    })
}
