//! `sidenote tag` and `sidenote untag`: edit an article's annotations from the command line.
//!
//! Both go through [`AnnotationSet`] and [`sidecar::save`], exactly as the reading screen does, so
//! a tag made here merges with one made there at the same time. Every check happens before the
//! save: a command that fails has written nothing.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};

use crate::annotation::{AnnotationSet, Edit, Stamp, Tag};
use crate::article::Article;
use crate::config::Config;
use crate::library;
use crate::paths::Dirs;
use crate::sidecar::{self, SidecarError};
use crate::tagged_text::TextStore;

/// Arguments of `sidenote tag`.
#[derive(Debug, clap::Args)]
pub struct TagArgs {
    /// The article file.
    pub file: PathBuf,
    /// The unit to tag: its 0-based index, as printed by `sidenote segment`.
    #[arg(long, value_name = "N")]
    pub sentence: usize,
    /// The tag to add: claim, denial or quote. Needed unless --speaker is given.
    #[arg(long, value_name = "TAG", required_unless_present = "speaker")]
    pub tag: Option<Tag>,
    /// Tag units N to M (inclusive) as one annotation.
    #[arg(long, value_name = "M", requires = "tag")]
    pub to: Option<usize>,
    /// Add TEXT to the annotation's note: a note it has, or the notes of the annotations it
    /// joins, are kept, with TEXT after them on a line of its own (unless they hold it already).
    #[arg(long, value_name = "TEXT", requires = "tag")]
    pub note: Option<String>,
    /// Set the annotation's speaker, who says what it says ("Dmitry Peskov", "NIS", "outlet" for
    /// the outlet's own assertion); an empty NAME clears it. Without --tag it changes only the
    /// speaker of the annotation on unit N, which must exist.
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,
    /// If the sidecar cannot be read, move it aside to `<sidecar>.bad-<time>` and start a new one.
    #[arg(long)]
    pub start_afresh: bool,
    /// Say nothing on success (what was tagged is otherwise said on stderr).
    #[arg(long, short)]
    pub quiet: bool,
}

/// Arguments of `sidenote untag`.
#[derive(Debug, clap::Args)]
pub struct UntagArgs {
    /// The article file.
    pub file: PathBuf,
    /// A unit of the annotation: its 0-based index, as printed by `sidenote segment`.
    #[arg(long, value_name = "N")]
    pub sentence: usize,
    /// The tag to remove; without it the whole annotation (tags and note) is removed.
    #[arg(long, value_name = "TAG")]
    pub tag: Option<Tag>,
    /// Say nothing on success (what was removed is otherwise said on stderr).
    #[arg(long, short)]
    pub quiet: bool,
}

/// Adds a tag (and optionally a note and a speaker) to units of an article, or sets the speaker
/// of the annotation on a unit.
pub fn tag(args: &TagArgs) -> anyhow::Result<ExitCode> {
    let Some(tag) = args.tag else {
        let speaker = args.speaker.as_deref().unwrap_or_default();
        let done = edit(&args.file, args.start_afresh, |article, set, stamp| {
            check_unit(article, &args.file, args.sentence, "--sentence")?;
            let Some(index) = set.index_at_unit(args.sentence) else {
                bail!(
                    "unit {} of {} has no annotation; give --tag to make one with this speaker",
                    args.sentence,
                    args.file.display()
                );
            };
            set.set_speaker(index, speaker, stamp.now);
            let (units, _) = described(set, args.sentence);
            Ok(format!("{units}{}", said(set, args.sentence)))
        })?;
        say(&args.file, &done, args.quiet);
        return Ok(ExitCode::SUCCESS);
    };
    let last = args.to.unwrap_or(args.sentence);
    let done = edit(&args.file, args.start_afresh, |article, set, stamp| {
        check_unit(article, &args.file, args.sentence, "--sentence")?;
        check_unit(article, &args.file, last, "--to")?;
        if last < args.sentence {
            bail!(
                "--to {last} is before --sentence {}: give the first unit with --sentence",
                args.sentence
            );
        }
        let units = (args.sentence, last);
        if let Err(spread) = set.check(units, Edit::Add(tag)) {
            let (first, last) = spread.units;
            bail!(
                "{}: nothing tagged: {}, and tagging {}-{} as one annotation would give units tags nobody gave them; tag exactly --sentence {first} --to {last}, or units outside them",
                args.file.display(),
                spread.in_the_way(),
                units.0,
                units.1
            );
        }
        if !set.add_tag(article, units, tag, stamp) {
            bail!("cannot tag units {}..={last}", args.sentence);
        }
        if let Some(note) = &args.note {
            // The annotation just tagged: its units may reach past the ones given.
            let tagged = set
                .index_at_unit(args.sentence)
                .and_then(|index| set.get(index))
                .and_then(|(_, placement)| placement.units)
                .unwrap_or(units);
            let (tagged, old) = set.note_for(tagged)?;
            set.set_note(article, tagged, &added_note(&old, note), stamp);
        }
        if let Some(speaker) = &args.speaker
            && let Some(index) = set.index_at_unit(args.sentence)
        {
            set.set_speaker(index, speaker, stamp.now);
        }
        let (units, tags) = described(set, args.sentence);
        let note = if args.note.is_some() {
            "; note added"
        } else {
            ""
        };
        let speaker = if args.speaker.is_some() {
            said(set, args.sentence)
        } else {
            String::new()
        };
        Ok(format!("{units} tagged {tag}{tags}{note}{speaker}"))
    })?;
    say(&args.file, &done, args.quiet);
    Ok(ExitCode::SUCCESS)
}

/// Removes a tag, or a whole annotation, from a unit of an article.
pub fn untag(args: &UntagArgs) -> anyhow::Result<ExitCode> {
    let done = edit(&args.file, false, |article, set, stamp| {
        check_unit(article, &args.file, args.sentence, "--sentence")?;
        let Some(index) = set.index_at_unit(args.sentence) else {
            bail!(
                "unit {} of {} has no annotation; nothing to remove",
                args.sentence,
                args.file.display()
            );
        };
        let (units, _) = described(set, args.sentence);
        match args.tag {
            Some(tag) => {
                if !set.remove_tag(args.sentence, tag, stamp.now) {
                    let names: Vec<&str> = set
                        .tags_at_unit(args.sentence)
                        .iter()
                        .map(|t| t.name())
                        .collect();
                    bail!(
                        "unit {} of {} has no {tag} tag (it has: {}); nothing to remove",
                        args.sentence,
                        args.file.display(),
                        if names.is_empty() {
                            "no tags".to_owned()
                        } else {
                            names.join(", ")
                        }
                    );
                }
                let (_, left) = described(set, args.sentence);
                Ok(format!("{tag} removed from {units}{left}"))
            }
            None => {
                let what = set
                    .get(index)
                    .map(|(annotation, _)| {
                        let mut parts: Vec<&str> =
                            annotation.tags.iter().map(|t| t.name()).collect();
                        if !annotation.note.is_empty() {
                            parts.push("its note");
                        }
                        if !annotation.speaker.is_empty() {
                            parts.push("its speaker");
                        }
                        parts.join(", ")
                    })
                    .unwrap_or_default();
                set.remove(index);
                Ok(format!("the annotation on {units} removed ({what})"))
            }
        }
    })?;
    say(&args.file, &done, args.quiet);
    Ok(ExitCode::SUCCESS)
}

/// The units of the annotation at `unit` ("unit 3", "units 3-9") and, when it has tags, " (now:
/// claim, quote)".
fn described(set: &AnnotationSet, unit: usize) -> (String, String) {
    let Some((annotation, placement)) = set.index_at_unit(unit).and_then(|index| set.get(index))
    else {
        return (format!("unit {unit}"), String::new());
    };
    let units = match placement.units {
        Some((first, last)) if first != last => format!("units {first}-{last}"),
        Some((first, _)) => format!("unit {first}"),
        None => format!("unit {unit}"),
    };
    let tags: Vec<&str> = annotation.tags.iter().map(|t| t.name()).collect();
    let tags = if tags.is_empty() {
        String::new()
    } else {
        format!(" (now: {})", tags.join(", "))
    };
    (units, tags)
}

/// The speaker of the annotation at `unit` as a message ends with: "; speaker: NIS", or
/// "; no speaker".
fn said(set: &AnnotationSet, unit: usize) -> String {
    match set
        .index_at_unit(unit)
        .and_then(|index| set.get(index))
        .map(|(annotation, _)| annotation.speaker.as_str())
    {
        Some(speaker) if !speaker.is_empty() => {
            format!("; speaker: {speaker}")
        }
        _ => "; no speaker".to_owned(),
    }
}

/// Says on stderr what a command did, unless `quiet`.
fn say(file: &Path, done: &str, quiet: bool) {
    if !quiet {
        super::message::warn(format_args!("{}: {done}", file.display()));
    }
}

/// Loads the article and its sidecar, applies `change`, and saves the result; returns what
/// `change` says it did.
fn edit(
    file: &Path,
    start_afresh: bool,
    change: impl FnOnce(&Article, &mut AnnotationSet, &Stamp) -> anyhow::Result<String>,
) -> anyhow::Result<String> {
    let article = library::read_article(file)?;
    let stamp = stamp()?;
    // The sidecar read here is not parsed again by the save, unless someone changes it between.
    let mut cache = sidecar::Cache::new();
    let base = match sidecar::load_cached(file, &mut cache) {
        Ok(Some(loaded)) if !loaded.is_writable() => {
            return Err(SidecarError::Newer {
                path: sidecar::path_for(file),
                version: loaded.version,
            }
            .into());
        }
        Ok(Some(loaded)) => {
            if start_afresh {
                super::message::warn(format_args!(
                    "{} is readable; nothing was moved aside",
                    sidecar::path_for(file).display()
                ));
            }
            loaded.annotations
        }
        Ok(None) => Vec::new(),
        Err(error @ SidecarError::Parse { .. }) if !start_afresh => {
            bail!(
                "{error}; fix the file by hand, or run again with --start-afresh to move it aside and start a new sidecar"
            );
        }
        Err(SidecarError::Parse { .. }) => {
            if let Some(moved) = sidecar::move_aside(file, stamp.now)? {
                super::message::warn(format_args!(
                    "moved the unreadable sidecar aside to {}",
                    moved.display()
                ));
            }
            Vec::new()
        }
        Err(error) => return Err(error.into()),
    };
    let mut set = AnnotationSet::new(&article, base.clone());
    let done = change(&article, &mut set, &stamp)?;
    let ours = set.into_annotations();
    sidecar::save_cached(file, &article, &base, &ours, &mut cache)
        .with_context(|| format!("saving the annotations of {}", file.display()))?;
    keep_tagged_text(&article);
    Ok(done)
}

/// Keeps the text the tags now stand on, so `sidenote changes` can later say which sentences
/// were added and removed. Best effort: the store is a cache, and the tag is saved either way.
fn keep_tagged_text(article: &Article) {
    if let Ok(dirs) = Dirs::from_env()
        && let Err(error) = TextStore::in_data(&dirs.data).keep(article)
    {
        super::message::warn(format_args!(
            "could not keep the tagged text in {}: {error}",
            TextStore::in_data(&dirs.data).dir().display()
        ));
    }
}

/// `note` added to the note `old`: on a line of its own after it, unless `old` holds it already,
/// so a tag command never discards a note and running it twice adds nothing.
fn added_note(old: &str, note: &str) -> String {
    if old.is_empty() {
        note.to_owned()
    } else if note.is_empty() || old.contains(note) {
        old.to_owned()
    } else {
        format!("{old}\n{note}")
    }
}

fn check_unit(article: &Article, file: &Path, unit: usize, flag: &str) -> anyhow::Result<()> {
    let count = article.units().len();
    if unit >= count {
        bail!(
            "{flag} {unit} is out of range: {} has {count} units, numbered 0 to {} (see `sidenote segment`)",
            file.display(),
            count.saturating_sub(1)
        );
    }
    Ok(())
}

/// The author from the config file (else the login name), the time now to the second, a new id.
/// A config that cannot be used is named on stderr and the defaults stand in: it never stops a
/// tag.
fn stamp() -> anyhow::Result<Stamp> {
    let (config, problem) = Config::load_or_default(&Dirs::from_env()?.config_file());
    if let Some(problem) = problem {
        super::message::warn(problem);
    }
    let now = time::OffsetDateTime::now_utc();
    Ok(Stamp {
        author: config.author(),
        now: now.replace_nanosecond(0).unwrap_or(now),
        new_id: uuid::Uuid::now_v7().to_string(),
    })
}
