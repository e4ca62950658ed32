//! `sidenote suggest FILE...`: prints the suggester's proposals for every unit of each article,
//! as JSON Lines or readable text. It never writes a file.
//!
//! Offsets are code points of the decoded text, as `segment` prints them, counted as the units
//! go by; the proposals and rows are computed a window of units at a time, windows on as many
//! threads as there are cores, and written in order.

mod gate;
mod rows;

use std::collections::BTreeMap;
use std::io::{self, BufWriter, Write};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, mpsc};
use std::thread;

use crate::article::{Article, count_chars};
use crate::library;
use crate::safe_text;
use crate::suggest::each_suggestion;

use gate::Gate;
use rows::{Rows, write_text_row};

/// Arguments of `sidenote suggest`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The article files.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    pub format: Format,
}

/// How proposals are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON object per unit (JSON Lines).
    Json,
    /// One unit per line: number, tags, speaker, score, text; the cues on the next line.
    Text,
}

/// Prints the proposals for each file in turn; a file that cannot be read is reported on stderr
/// as `segment` reports it, the others are still printed, and the exit code is then non-zero.
pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let mut failed = false;
    let threads = thread::available_parallelism().map_or(1, NonZeroUsize::get);
    for file in &args.files {
        let article = match library::read_article_on(file, threads) {
            Ok(article) => article,
            Err(error) => {
                out.flush()?;
                super::message::warn(super::message::describe(&anyhow::Error::from(error)));
                failed = true;
                continue;
            }
        };
        if let Some(warning) = article.encoding().warning() {
            super::message::warn(format_args!("warning: {}: {warning}", file.display()));
        }
        write_suggestions(&article, file, args.format, &mut out)?;
    }
    out.flush()?;
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Writes the proposal of every unit of `article` to `out` in `format`.
///
/// The units are cut into windows of [`WINDOW`]; each window's proposals and rows are computed
/// on their own (a unit's proposal depends only on a few units around it, which its window reads
/// too), on as many threads as the machine has cores, and the windows are written in order.
pub fn write_suggestions(
    article: &Article,
    file: &Path,
    format: Format,
    out: &mut impl Write,
) -> io::Result<()> {
    let name = file.to_string_lossy();
    if format == Format::Text {
        writeln!(out, "{}", safe_text::for_terminal(&name))?;
    }
    let threads = thread::available_parallelism().map_or(1, NonZeroUsize::get);
    let windows = Windows::new(article, &name, format, threads)?;
    let count = windows.starts.len();
    let threads = threads.min(count);
    if threads <= 1 {
        let (mut rows, mut buffer) = (windows.rows.clone(), Vec::new());
        for window in 0..count {
            windows.write(window, &mut rows, &mut buffer)?;
            out.write_all(&buffer)?;
        }
        return Ok(());
    }
    let next = AtomicUsize::new(0);
    // However slow one window is, the others done and waiting for it stay this few.
    let gate = Gate::new(2 * threads);
    // Written windows' buffers, handed back to the workers: megabytes each, whose pages would
    // otherwise be faulted in afresh for every window.
    let spare: Mutex<Vec<Vec<u8>>> = Mutex::new(Vec::new());
    thread::scope(|scope| {
        // A worker waits when this many windows are done and not yet written.
        let (done, written) = mpsc::sync_channel(threads);
        for _ in 0..threads {
            let (windows, next, done, spare, gate) = (&windows, &next, done.clone(), &spare, &gate);
            scope.spawn(move || {
                let mut rows = windows.rows.clone();
                loop {
                    let window = next.fetch_add(1, Ordering::Relaxed);
                    if window >= count || !gate.wait_for(window) {
                        break;
                    }
                    let mut buffer = spare
                        .lock()
                        .ok()
                        .and_then(|mut spare| spare.pop())
                        .unwrap_or_default();
                    let bytes = windows
                        .write(window, &mut rows, &mut buffer)
                        .map(|()| buffer);
                    // The writer has stopped (an error) when nobody receives.
                    if done.send((window, bytes)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done);
        // Windows finish in any order; each is written once those before it are. However the
        // writing ends, no worker is left waiting at the gate.
        let result = write_in_order(written, out, &spare, &gate);
        gate.stop();
        result
    })
}

/// Writes the windows received from `written` in order, handing each buffer back to `spare`
/// and telling `gate` how far it has got.
fn write_in_order(
    written: mpsc::Receiver<(usize, io::Result<Vec<u8>>)>,
    out: &mut impl Write,
    spare: &Mutex<Vec<Vec<u8>>>,
    gate: &Gate,
) -> io::Result<()> {
    let mut waiting = BTreeMap::new();
    let mut due = 0;
    for (window, bytes) in written {
        waiting.insert(window, bytes);
        while let Some(bytes) = waiting.remove(&due) {
            let bytes = bytes?;
            out.write_all(&bytes)?;
            if let Ok(mut spare) = spare.lock() {
                spare.push(bytes);
            }
            due += 1;
            gate.written(due);
        }
    }
    Ok(())
}

/// How many units are proposed for, and their rows written, at a time.
const WINDOW: usize = 4096;

/// An article cut into windows of units, and what writing a window's rows needs.
struct Windows<'a> {
    article: &'a Article,
    format: Format,
    /// The first unit of each window, and the code points of the text before it.
    starts: Vec<(usize, usize)>,
    /// The rows' fixed parts, copied for each thread.
    rows: Rows,
    /// The width of the widest unit number, for the text format.
    width: usize,
}

impl<'a> Windows<'a> {
    fn new(
        article: &'a Article,
        name: &str,
        format: Format,
        threads: usize,
    ) -> io::Result<Windows<'a>> {
        let (text, units) = (article.text().as_bytes(), article.units());
        // The code points of the text before each window's first unit since the window before
        // it, counted on every thread (a pass over the whole text, nothing else runs meanwhile),
        // then added up.
        let mut starts: Vec<(usize, usize)> = (0..units.len())
            .step_by(WINDOW)
            .map(|first| (first, 0))
            .collect();
        let count = |starts: &mut [(usize, usize)]| {
            for (first, chars) in starts {
                let from = first
                    .checked_sub(WINDOW)
                    .map_or(0, |before| units[before].start);
                *chars = count_chars(&text[from..units[*first].start]);
            }
        };
        // Below a megabyte the pass takes less than starting a thread.
        let threads = if text.len() < 1 << 20 { 1 } else { threads };
        let share = starts.len().div_ceil(threads.max(1)).max(1);
        thread::scope(|scope| {
            let mut parts = starts.chunks_mut(share);
            let mine = parts.next();
            for part in parts {
                scope.spawn(move || count(part));
            }
            if let Some(part) = mine {
                count(part);
            }
        });
        let mut chars = 0;
        for (_, before) in &mut starts {
            chars += *before;
            *before = chars;
        }
        Ok(Windows {
            article,
            format,
            starts,
            rows: Rows::new(name)?,
            width: units.len().saturating_sub(1).to_string().len(),
        })
    }

    /// Writes the rows of window `window` into `out`, cleared first.
    fn write(&self, window: usize, rows: &mut Rows, out: &mut Vec<u8>) -> io::Result<()> {
        let article = self.article;
        let (text, units) = (article.text(), article.units());
        out.clear();
        let Some(&(from, chars)) = self.starts.get(window) else {
            return Ok(());
        };
        let to = (from + WINDOW).min(units.len());
        // Code points before byte `byte`, carried forward unit by unit since units are in order.
        let (mut byte, mut chars) = (units[from].start, chars);
        // News text's JSON rows take about 3.5 times its bytes, its text rows about 1.8 times:
        // room for them at once, so that a window's rows are never copied to a bigger buffer.
        let times = match self.format {
            Format::Json => 4,
            Format::Text => 2,
        };
        out.reserve(text.len().min(units[to - 1].end - byte) * times);
        let mut buffer = String::new();
        // Each row is written as its proposal is made, and the proposal dropped: what a window
        // allocates for its proposals is freed as it goes, not all at its end.
        each_suggestion(article, from..to, |suggestion| {
            let unit = units[suggestion.index];
            chars += count_chars(&text.as_bytes()[byte..unit.start]);
            byte = unit.start;
            let display = article
                .unit_text_in(suggestion.index, &mut buffer)
                .unwrap_or_default();
            match self.format {
                Format::Json => {
                    let source = &text[unit.start..unit.end];
                    let end = chars + count_chars(source.as_bytes());
                    // In a unit of ASCII, as most are, a byte is a code point.
                    let ascii = end - chars == source.len();
                    let at = |offset: usize| match ascii {
                        true => chars + (offset - byte),
                        false => chars + count_chars(&text.as_bytes()[byte..offset]),
                    };
                    rows.write(out, chars, end, display, suggestion, text, at)?;
                }
                Format::Text => {
                    write_text_row(out, article, suggestion, display, self.width)?;
                }
            }
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::suggest::suggest_all;

    /// A sink that takes `room` bytes and then fails, as a full disk or a closed pipe does.
    struct Failing {
        room: usize,
    }

    impl Write for Failing {
        fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
            if bytes.len() > self.room {
                return Err(io::Error::other("no room"));
            }
            self.room -= bytes.len();
            Ok(bytes.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    /// A write that fails part of the way stops every worker and reports the error, however
    /// many windows are left (none waits at the gate for a writer that is gone).
    #[test]
    fn a_failed_write_stops_the_workers() {
        let mut text = String::new();
        while text.len() < 2_000_000 {
            text.push_str("Ana Ruiz said 2,700 homes were flooded. The ministry denied it.\n\n");
        }
        let article = Article::parse("big.txt", text.as_bytes()).unwrap();
        assert!(article.units().len() > 8 * WINDOW);
        let mut out = Failing { room: 100_000 };
        let error =
            write_suggestions(&article, Path::new("big.txt"), Format::Json, &mut out).unwrap_err();
        assert_eq!(error.to_string(), "no room");
    }

    /// An article of several windows, with quotations, speakers carried from unit to unit and
    /// text outside ASCII, so that windows computed on threads must come out in order, with
    /// the proposals of the whole article and offsets counted in code points.
    #[test]
    fn windows_on_threads_write_every_unit_once_in_order() {
        let paragraphs = [
            "“We will not leave,” said Mayor Ana Ruiz of Dayton. She added that 2,700 homes were \
             flooded.",
            "The ministry denied the report. Lee Seong-kweun told reporters the agency had \
             confirmed 300 deaths.",
            "Related article: Storm cuts power. Zoë Müller, a spokeswoman, declined to comment.",
        ];
        let mut text = String::new();
        while text.len() < 900_000 {
            for paragraph in paragraphs {
                text.push_str(paragraph);
                text.push_str("\n\n");
            }
        }
        let article = Article::parse("big.txt", text.as_bytes()).unwrap();
        let units = article.units();
        assert!(units.len() > 2 * WINDOW, "{} units", units.len());
        let mut out = Vec::new();
        write_suggestions(&article, Path::new("big.txt"), Format::Json, &mut out).unwrap();
        let rows: Vec<serde_json::Value> = out
            .split(|&byte| byte == b'\n')
            .filter(|line| !line.is_empty())
            .map(|line| serde_json::from_slice(line).unwrap())
            .collect();
        let expected = suggest_all(&article);
        assert_eq!(rows.len(), expected.len());
        let text = article.text();
        let chars = |byte: usize| article.chars().char_of_byte(text, byte);
        for ((row, suggestion), unit) in rows.iter().zip(&expected).zip(units) {
            assert_eq!(row["index"], suggestion.index);
            assert_eq!(row["start"], chars(unit.start));
            assert_eq!(row["end"], chars(unit.end));
            let tags: Vec<&str> = suggestion.tags.iter().map(|tag| tag.name()).collect();
            assert_eq!(row["tags"], serde_json::json!(tags));
            assert_eq!(row["speaker"], serde_json::json!(suggestion.speaker));
            let cues = row["cues"].as_array().unwrap();
            assert_eq!(cues.len(), suggestion.cues.len());
            for (written, cue) in cues.iter().zip(&suggestion.cues) {
                assert_eq!(written["kind"], cue.kind.name());
                assert_eq!(written["text"], &text[cue.start..cue.end]);
                assert_eq!(written["start"], chars(cue.start));
                assert_eq!(written["end"], chars(cue.end));
            }
        }
        // Somebody speaks, and past the first curly mark code points and bytes differ.
        assert!(
            expected
                .iter()
                .any(|s| s.speaker.as_deref() == Some("Ana Ruiz"))
        );
        assert!(units.iter().any(|unit| chars(unit.start) != unit.start));
    }
}
