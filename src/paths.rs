//! Where sidenote keeps its files: the data directory (the default library and crash reports)
//! and the config directory, from `directories`, overridden by `SIDENOTE_DATA_DIR` and `SIDENOTE_CONFIG_DIR`.

use std::path::PathBuf;

/// Variable that overrides the data directory.
pub const DATA_DIR_VAR: &str = "SIDENOTE_DATA_DIR";
/// Variable that overrides the config directory.
pub const CONFIG_DIR_VAR: &str = "SIDENOTE_CONFIG_DIR";

/// The directories sidenote uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dirs {
    /// Holds the default library and crash reports.
    pub data: PathBuf,
    /// Holds `config.ron`.
    pub config: PathBuf,
}

/// Why the directories could not be found.
#[derive(Debug, thiserror::Error)]
#[error(
    "cannot find a home directory for sidenote's files: set {DATA_DIR_VAR} and {CONFIG_DIR_VAR}"
)]
pub struct NoHome;

impl Dirs {
    /// The directories from the environment, else the platform's conventions.
    pub fn from_env() -> Result<Dirs, NoHome> {
        let project = directories::ProjectDirs::from("", "", "sidenote");
        let pick = |var: &str, fallback: Option<PathBuf>| {
            std::env::var_os(var)
                .filter(|value| !value.is_empty())
                .map(PathBuf::from)
                .or(fallback)
                .ok_or(NoHome)
        };
        Ok(Dirs {
            data: pick(
                DATA_DIR_VAR,
                project.as_ref().map(|p| p.data_dir().to_owned()),
            )?,
            config: pick(
                CONFIG_DIR_VAR,
                project.as_ref().map(|p| p.config_dir().to_owned()),
            )?,
        })
    }

    /// The default library folder, where the sample articles are copied on first run.
    pub fn library(&self) -> PathBuf {
        self.data.join("library")
    }

    /// The folder for crash reports: the data directory's `crashes/`.
    pub fn crash_dir(&self) -> PathBuf {
        self.data.join("crashes")
    }

    /// The config file.
    pub fn config_file(&self) -> PathBuf {
        self.config.join("config.ron")
    }
}
