//! The command line: parses arguments and runs one subcommand, or the reading screen.
//!
//! A thin shell over the core: each subcommand lives in its own file under `cli/` and only
//! formats what the core computes.

mod agree;
mod annotate;
mod changes;
mod compare;
mod completions;
mod export;
mod group;
mod list;
mod man;
mod merge_driver;
mod message;
mod open;
pub mod segment;
pub mod suggest;

use std::io;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// A keyboard-driven terminal reader for tagging claims, denials and quotes in news articles.
#[derive(Debug, Parser)]
#[command(name = "sidenote", version, about)]
pub struct Cli {
    /// Articles or folders to open; the default library when none are given.
    pub paths: Vec<std::path::PathBuf>,
    /// Coders' copies of the same articles, for the reading screen's disagreement view (`D`).
    #[arg(long, value_name = "COPY", num_args = 1..)]
    pub compare: Vec<std::path::PathBuf>,
    /// What to do instead of opening the reading screen.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print an article's units (title, headings, sentences) as JSON Lines.
    Segment(segment::Args),
    /// Propose tags, a speaker and the cue words for every unit of articles, as JSON Lines.
    Suggest(suggest::Args),
    /// Add a tag (claim, denial or quote) to a unit or a run of units of an article.
    Tag(annotate::TagArgs),
    /// Remove a tag, or a whole annotation, from a unit of an article.
    Untag(annotate::UntagArgs),
    /// Print the annotations of articles as JSON Lines, found again in the current text.
    List(list::Args),
    /// The tags whose place or wording changed since they were tagged (exit 1 when one is orphaned, 2 on an error).
    Changes(changes::Args),
    /// Export annotations as JSON, JSON Lines, CSV, Markdown, W3C Web Annotations or brat.
    Export(export::Args),
    /// Print the completion script for a shell (bash, zsh, fish, elvish, powershell).
    Completions(completions::Args),
    /// Print the manual page (roff): `sidenote man | man -l -`.
    Man(man::Args),
    /// How far coders agree: each argument one coder's copy of the same articles.
    Agree(agree::Args),
    /// The same claims across articles: claim groups, an outlet-by-claim matrix, conflicting figures.
    Compare(compare::Args),
    /// Accept, dismiss, relabel or unlink a claim group by the id `compare` prints.
    Group(group::Args),
    /// Git's merge driver for sidecars: merge base, ours and theirs by annotation id into ours.
    MergeDriver(merge_driver::Args),
}

/// Runs sidenote with the process's arguments and returns its exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Segment(args)) => segment::run(&args),
        Some(Command::Suggest(args)) => suggest::run(&args),
        Some(Command::Tag(args)) => annotate::tag(&args),
        Some(Command::Untag(args)) => annotate::untag(&args),
        Some(Command::List(args)) => list::run(&args),
        Some(Command::Changes(args)) => changes::run(&args),
        Some(Command::Export(args)) => export::run(&args),
        Some(Command::Completions(args)) => completions::run(&args),
        Some(Command::Man(args)) => man::run(&args),
        Some(Command::Agree(args)) => agree::run(&args),
        Some(Command::Compare(args)) => compare::run(&args),
        Some(Command::Group(args)) => group::run(&args),
        Some(Command::MergeDriver(args)) => merge_driver::run(&args),
        None => open::run(&cli.paths, &cli.compare),
    };
    match result {
        Ok(code) => code,
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            message::warn(message::describe(&error));
            ExitCode::FAILURE
        }
    }
}

/// Whether `error` comes from writing to a closed pipe (`sidenote segment x | head`), which is
/// success for a command-line tool.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error
        .chain()
        .filter_map(|cause| cause.downcast_ref::<io::Error>())
        .any(|io| io.kind() == io::ErrorKind::BrokenPipe)
}
