//! `sidenote [PATH...]`: opens articles or the default library.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use crate::library;
use crate::paths::Dirs;

/// Lists the articles that the reading screen would open.
pub fn run(paths: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let paths = if paths.is_empty() {
        let dirs = Dirs::from_env()?;
        let library = dirs.library();
        library::install_samples(&library)
            .with_context(|| format!("installing the sample library in {}", library.display()))?;
        vec![library]
    } else {
        paths.to_vec()
    };
    for article in library::collect_articles(&paths)? {
        println!("{}", article.display());
    }
    Ok(ExitCode::SUCCESS)
}
