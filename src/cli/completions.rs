//! `sidenote completions SHELL`: the shell's completion script, generated from the same clap
//! definitions that parse the arguments, so it can never drift from them.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::CommandFactory;
use clap_complete::Shell;

/// The arguments of `sidenote completions`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    sidenote completions bash > ~/.local/share/bash-completion/completions/sidenote\n  \
    sidenote completions zsh > ~/.zfunc/_sidenote\n  \
    sidenote completions fish > ~/.config/fish/completions/sidenote.fish")]
pub struct Args {
    /// The shell to write the completion script for.
    #[arg(value_enum)]
    pub shell: Shell,
}

/// Writes the completion script for `args.shell` to standard output.
pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let mut command = super::Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "sidenote", &mut script);
    let mut out = io::stdout().lock();
    out.write_all(&script)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
