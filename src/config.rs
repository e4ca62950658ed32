//! The user's settings from `config.ron` in the config directory.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Settings; every field is optional in the file and falls back to its default.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// The name written into new annotations; the login name when unset.
    pub author: Option<String>,
    /// The library folder opened by `sidenote` with no path; the data directory's when unset.
    pub library: Option<PathBuf>,
}

/// A config file that could not be used, with the position of the problem.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file exists but could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The config file.
        path: PathBuf,
        /// What the operating system said.
        source: io::Error,
    },
    /// The file is not valid RON for the settings.
    #[error("{}:{line}:{column}: {message}; fix it or delete it to use the defaults", path.display())]
    Parse {
        /// The config file.
        path: PathBuf,
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// What is wrong.
        message: String,
    },
}

impl Config {
    /// Reads `path`; a missing file gives the defaults.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = match fs::read_to_string(path) {
            Ok(text) => text,
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(Config::default()),
            Err(source) => {
                return Err(ConfigError::Io {
                    path: path.to_owned(),
                    source,
                });
            }
        };
        ron::from_str(&text).map_err(|error| ConfigError::Parse {
            path: path.to_owned(),
            line: error.span.start.line,
            column: error.span.start.col,
            message: error.code.to_string(),
        })
    }

    /// The author of new annotations: the configured name, else the login name, else "unknown".
    pub fn author(&self) -> String {
        self.author
            .clone()
            .filter(|name| !name.trim().is_empty())
            .or_else(|| std::env::var("USER").ok().filter(|name| !name.is_empty()))
            .or_else(|| {
                std::env::var("USERNAME")
                    .ok()
                    .filter(|name| !name.is_empty())
            })
            .unwrap_or_else(|| "unknown".to_owned())
    }
}
