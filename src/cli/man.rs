//! `sidenote man`: the manual page in roff, generated from the clap definitions, with one section
//! per subcommand so that `man` shows every option.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::CommandFactory;

/// The arguments of `sidenote man`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    sidenote man | man -l -\n  \
    sidenote man > ~/.local/share/man/man1/sidenote.1")]
pub struct Args {}

/// Writes the manual page to standard output.
pub fn run(_args: &Args) -> anyhow::Result<ExitCode> {
    let mut page = Vec::new();
    render(&mut page)?;
    let mut out = io::stdout().lock();
    out.write_all(&page)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The page: the top-level command with its list of subcommands, then one section per
/// subcommand with its synopsis, description and options.
fn render(out: &mut Vec<u8>) -> io::Result<()> {
    let command = super::Cli::command();
    let top = clap_mangen::Man::new(command.clone());
    top.render_title(out)?;
    top.render_name_section(out)?;
    top.render_synopsis_section(out)?;
    top.render_description_section(out)?;
    top.render_options_section(out)?;
    for sub in command.get_subcommands() {
        let name = format!("sidenote {}", sub.get_name());
        let page = clap_mangen::Man::new(sub.clone().bin_name(name.clone()));
        let mut section = Vec::new();
        page.render_synopsis_section(&mut section)?;
        page.render_description_section(&mut section)?;
        page.render_options_section(&mut section)?;
        let section = String::from_utf8_lossy(&section).replace(".SH ", ".SS ");
        writeln!(out, ".SH \"{}\"", name.to_uppercase())?;
        out.extend_from_slice(section.as_bytes());
    }
    top.render_version_section(out)
}
