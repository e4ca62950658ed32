//! `sidenote group accept|dismiss|relabel|unlink`: a person's decisions on claim groups from the
//! command line, the same as `y`, `r` and `a` in the reading screen's matrix. Groups are found by
//! the `id` that `sidenote compare` prints, among the articles under the paths given; links are
//! written through each member's sidecar (locked, merged), a dismissal into the data directory.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};

use crate::claims::{self, Group, Status};
use crate::library;
use crate::library::claims::{ClaimEdit, apply, members_by_file};
use crate::paths::Dirs;

use super::compare;

/// Arguments of `sidenote group`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to do.
    #[command(subcommand)]
    pub action: Action,
}

/// What `sidenote group` does.
#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// Accept a suggested group: its members are linked under its id (written to their sidecars).
    Accept {
        /// The group's id, as `sidenote compare` prints it.
        id: String,
        /// The articles or folders the group was suggested from, as given to `compare`.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// The label to link it under (default: the suggested label).
        #[arg(long)]
        label: Option<String>,
    },
    /// Dismiss a suggested group for good: `compare` and the matrix stop suggesting it.
    Dismiss {
        /// The group's id, as `sidenote compare` prints it.
        id: String,
        /// The articles or folders it was suggested from (so a mistyped id is refused, not kept).
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Give a linked group a new label on every member.
    Relabel {
        /// The group's id.
        id: String,
        /// The new label.
        label: String,
        /// The articles or folders holding its members.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Take the members of a linked group in these articles out of it (a folder: all of them).
    Unlink {
        /// The group's id.
        id: String,
        /// The articles (or folders) whose members leave the group.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
}

/// Runs the action and says what was done on stdout.
pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let data = Dirs::from_env().ok().map(|dirs| dirs.data);
    let edit = match &args.action {
        Action::Accept { id, paths, label } => {
            if label.as_ref().is_some_and(|l| l.trim().is_empty()) {
                bail!("a label needs some text");
            }
            let (library, group) = find(paths, id)?;
            if group.status == Status::Linked {
                bail!("group {id} is linked already (relabel it with `sidenote group relabel`)");
            }
            ClaimEdit::Link {
                members: members_by_file(&library, &group),
                id: group.id.clone(),
                label: label.clone().unwrap_or(group.label),
            }
        }
        Action::Dismiss { id, paths } => {
            let (_, group) = find(paths, id)?;
            if group.status == Status::Linked {
                bail!("group {id} is linked: `sidenote group unlink` takes its members out");
            }
            ClaimEdit::Dismiss { id: group.id }
        }
        Action::Relabel { id, label, paths } => {
            if label.trim().is_empty() {
                bail!("a label needs some text");
            }
            let (library, group) = linked(paths, id)?;
            ClaimEdit::Relabel {
                files: members_by_file(&library, &group)
                    .into_iter()
                    .map(|(file, _)| file)
                    .collect(),
                id: id.clone(),
                label: label.clone(),
            }
        }
        Action::Unlink { id, paths } => {
            let (library, group) = linked(paths, id)?;
            ClaimEdit::Unlink {
                members: members_by_file(&library, &group),
                id: id.clone(),
            }
        }
    };
    let done = apply(edit, data.as_deref(), time::OffsetDateTime::now_utc())
        .map_err(anyhow::Error::msg)
        .context("the claim group was not changed everywhere")?;
    println!("{}", crate::safe_text::for_terminal(&done));
    Ok(ExitCode::SUCCESS)
}

/// The library under `paths` and its group `id`, linked or suggested (dismissed suggestions are
/// not found).
fn find(paths: &[PathBuf], id: &str) -> anyhow::Result<(claims::Library, Group)> {
    let mut problems = Vec::new();
    let files = compare::article_files(paths, &mut problems);
    let library = library::claims::read(&files, &mut problems);
    if let Some(problem) = problems.first() {
        bail!("{problem}");
    }
    let groups = claims::groups(&library.units, &compare::dismissed());
    match groups.into_iter().find(|group| group.id == id) {
        Some(group) => Ok((library, group)),
        None => bail!(
            "no claim group {id} among the articles under {}: `sidenote compare` with the same paths prints the ids",
            shown(paths)
        ),
    }
}

/// Like [`find`], for a group people linked.
fn linked(paths: &[PathBuf], id: &str) -> anyhow::Result<(claims::Library, Group)> {
    let (library, group) = find(paths, id)?;
    if group.status != Status::Linked {
        bail!("group {id} is a suggestion: `sidenote group accept` links it first");
    }
    Ok((library, group))
}

/// The paths as a message names them (the message is made safe for the terminal when shown).
fn shown(paths: &[PathBuf]) -> String {
    let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    names.join(", ")
}
