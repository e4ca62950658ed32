//! The user's settings from `config.ron` in the config directory.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

use crate::regular_file;

/// The most a config file may hold; a real one is a few hundred bytes.
pub const MAX_BYTES: u64 = 1 << 20;

/// Settings; every field is optional in the file and falls back to its default.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// The name written into new annotations; the login name when unset.
    pub author: Option<String>,
    /// For independent coding, the coder who owns this copy of the library (docs/teams.md):
    /// signs new annotations in place of `author`, and names the copy in `sidenote agree`.
    pub coder: Option<String>,
    /// The library folder opened by `sidenote` with no path; the data directory's when unset.
    pub library: Option<PathBuf>,
    /// Key bindings over the defaults: key name (`"ctrl-n"`) -> action name (`"next_unit"`).
    pub keys: BTreeMap<String, String>,
    /// Colours over the defaults: role (`"claim"`) -> colour (`"yellow"`, `"#ffaa00"`, `"208"`).
    pub colors: BTreeMap<String, String>,
    /// Whether the mouse is used (clicks and the wheel); on when unset.
    pub mouse: Option<bool>,
    /// The widest the reading text is drawn, in cells (lines stay readable on a very wide
    /// terminal); [`DEFAULT_READING_WIDTH`] when unset, no limit when 0.
    pub reading_width: Option<u16>,
}

/// The reading text's widest when the config does not say.
pub const DEFAULT_READING_WIDTH: u16 = 80;

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
    ///
    /// Only a regular file of at most [`MAX_BYTES`] is read: a named pipe or a device there is
    /// an error, never a wait or an endless read.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let io_error = |source| ConfigError::Io {
            path: path.to_owned(),
            source,
        };
        let Some(bytes) = regular_file::read(path, MAX_BYTES).map_err(io_error)? else {
            return Ok(Config::default());
        };
        let text = String::from_utf8(bytes)
            .map_err(|error| io_error(io::Error::new(io::ErrorKind::InvalidData, error)))?;
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
        ron::from_str(text).map_err(|error| ConfigError::Parse {
            path: path.to_owned(),
            line: error.span.start.line,
            column: error.span.start.col,
            message: error.code.to_string(),
        })
    }

    /// Reads `path`, falling back to the defaults with a message saying why when it cannot be
    /// used: sidenote always starts.
    pub fn load_or_default(path: &Path) -> (Config, Option<String>) {
        match Config::load(path) {
            Ok(config) => (config, None),
            Err(error) => (Config::default(), Some(error.to_string())),
        }
    }

    /// Whether the mouse is used.
    pub fn mouse(&self) -> bool {
        self.mouse.unwrap_or(true)
    }

    /// The widest the reading text is drawn, in cells; `u16::MAX` for no limit.
    pub fn reading_width(&self) -> u16 {
        match self.reading_width.unwrap_or(DEFAULT_READING_WIDTH) {
            0 => u16::MAX,
            width => width,
        }
    }

    /// The author of new annotations: the coder, else the configured name, else the login name,
    /// else "unknown".
    pub fn author(&self) -> String {
        [&self.coder, &self.author]
            .into_iter()
            .flatten()
            .find(|name| !name.trim().is_empty())
            .cloned()
            .or_else(login_name)
            .unwrap_or_else(|| "unknown".to_owned())
    }
}

/// The login name: `USER` or `LOGNAME` as the shell sets them (`USERNAME` on Windows), else the
/// system's account database, so a session started without them (cron, CI, `env -i`) still
/// signs its annotations.
fn login_name() -> Option<String> {
    ["USER", "LOGNAME", "USERNAME"]
        .into_iter()
        .find_map(|var| {
            std::env::var(var)
                .ok()
                .filter(|name| !name.trim().is_empty())
        })
        .or_else(|| {
            whoami::username()
                .ok()
                .filter(|name| !name.trim().is_empty())
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn load(text: &str) -> (Config, Option<String>) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.ron");
        fs::write(&path, text).unwrap();
        Config::load_or_default(&path)
    }

    #[test]
    fn reads_every_setting() {
        let (config, problem) = load(
            r##"(
    author: Some("Ana"),
    library: Some("/news"),
    keys: { "ctrl-n": "next_unit" },
    colors: { "claim": "#ffaa00" },
    mouse: Some(false),
)"##,
        );
        assert_eq!(problem, None);
        assert_eq!(config.author(), "Ana");
        assert_eq!(config.library, Some(PathBuf::from("/news")));
        assert_eq!(
            config.keys.get("ctrl-n").map(String::as_str),
            Some("next_unit")
        );
        assert_eq!(
            config.colors.get("claim").map(String::as_str),
            Some("#ffaa00")
        );
        assert!(!config.mouse());
    }

    #[rstest::rstest]
    #[case("(author: Some(\"Ana\"),\n  mouse: maybe)", ":2:9:")]
    #[case("(\n\n  colour: {})", ":3:3:")]
    #[case("(keys: {\"j\": 3})", ":1:")]
    fn an_invalid_config_gives_defaults_and_a_position(#[case] text: &str, #[case] at: &str) {
        let (config, problem) = load(text);
        assert_eq!(config, Config::default());
        let problem = problem.unwrap();
        assert!(problem.contains(&format!("config.ron{at}")), "{problem}");
        assert!(
            problem.contains("delete it to use the defaults"),
            "{problem}"
        );
    }

    #[test]
    fn a_missing_config_is_the_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let (config, problem) = Config::load_or_default(&dir.path().join("none.ron"));
        assert_eq!((config, problem), (Config::default(), None));
        assert!(Config::default().mouse());
    }
}
