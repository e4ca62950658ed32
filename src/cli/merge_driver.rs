//! `sidenote merge-driver %O %A %B`: git's merge driver for sidecars.
//!
//! Registered with `*.annotations.ron merge=sidenote` in `.gitattributes` and
//! `git config merge.sidenote.driver "sidenote merge-driver %O %A %B"`. It exits 0 with the
//! merged sidecar in `%A`; on a sidecar it cannot read it says why and exits 1, leaving `%A`
//! as it was, and git reports a conflict.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::sidecar;

/// Arguments of `sidenote merge-driver`, in the order git's `%O %A %B` gives them.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The common ancestor's version (git's `%O`); empty when there is none.
    pub base: PathBuf,
    /// Our version (git's `%A`), where the merged sidecar is written.
    pub ours: PathBuf,
    /// Their version (git's `%B`).
    pub theirs: PathBuf,
}

/// Merges the three versions into `args.ours`.
pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    sidecar::merge_files(&args.base, &args.ours, &args.theirs)?;
    Ok(ExitCode::SUCCESS)
}
