//! The `sidenote` binary as the command-line tests run it: a scrubbed environment, its data and
//! config directories under a temp `home`, and a fixed user.

use std::path::Path;

use assert_cmd::Command;

/// `sidenote` with nothing of the real environment, its directories under `home`.
pub fn sidenote(home: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_sidenote"));
    command
        .env_clear()
        .env("SIDENOTE_DATA_DIR", home.join("data"))
        .env("SIDENOTE_CONFIG_DIR", home.join("config"))
        .env("USER", "tester");
    command
}
