//! The `sidenote` binary: parses the command line and hands over to [`sidenote::cli`].

use std::process::ExitCode;

fn main() -> ExitCode {
    sidenote::cli::main()
}
