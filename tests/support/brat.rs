//! Attribution annotations in brat standoff (`.ann`): text-bound lines (`T3\tContent 120
//! 211;215 240\ttext`) joined by event lines (`E1\tAttribution:T4 Content:T3 Cue:T2
//! Source:T1`). Offsets are code points of the article's text. Notes (`#`), attributes (`A`),
//! relations (`R`), normalisations (`N`) and equivalences (`*`) are read past; anything else is
//! an error naming the file and line. A text-bound line whose text holds a line break goes on
//! on the next lines, as brat writes it: the text is read until it is as long as its spans.
#![allow(dead_code)]

use std::collections::HashMap;

/// A span of the article's text, in code points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// One attribution (one event line): who, the words that attribute, and what is attributed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attribution {
    /// The event's id ("E1").
    pub id: String,
    pub sources: Vec<Span>,
    pub cues: Vec<Span>,
    pub contents: Vec<Span>,
}

/// Reads the attributions of `ann` (named `file` in errors), over a text of `chars` code points.
pub fn parse(file: &str, ann: &str, chars: usize) -> Result<Vec<Attribution>, String> {
    let mut spans: HashMap<&str, Vec<Span>> = HashMap::new();
    let mut events = Vec::new();
    let mut lines = ann.lines().enumerate().peekable();
    while let Some((at, line)) = lines.next() {
        let number = at + 1;
        let fail = |what: &str| Err(format!("{file}:{number}: {what}: {line:?}"));
        if line.trim().is_empty() || line.starts_with(['#', 'A', 'R', 'N', 'M', '*']) {
            continue;
        }
        let mut fields = line.splitn(3, '\t');
        let id = fields.next().unwrap_or_default();
        let body = fields.next();
        if id.starts_with('E') && id.len() > 1 {
            let Some(body) = body else {
                return fail("an event line needs a tab after its id");
            };
            events.push((number, line, id, body));
            continue;
        }
        if !id.starts_with('T') || id.len() < 2 {
            return fail("not a brat line (T, E, A, R, N, M, * or #)");
        }
        let (Some(body), Some(text)) = (body, fields.next()) else {
            return fail(
                "a text-bound line needs an id, a type with offsets and a text, tab-separated",
            );
        };
        let Some((_, offsets)) = body.split_once(' ') else {
            return fail("a text-bound line needs a type and offsets");
        };
        let mut found = Vec::new();
        for fragment in offsets.split(';') {
            let mut ends = fragment.split(' ').map(str::parse::<usize>);
            let (Some(Ok(start)), Some(Ok(end)), None) = (ends.next(), ends.next(), ends.next())
            else {
                return fail("offsets must be \"START END\" pairs joined by ';'");
            };
            if start > end || end > chars {
                return fail(&format!(
                    "offsets {start}..{end} outside the text of {chars} characters"
                ));
            }
            found.push(Span { start, end });
        }
        // The text is the fragments joined by a space; a line break in it continues the line.
        let wanted = found
            .iter()
            .map(|span| span.end - span.start)
            .sum::<usize>()
            + found.len()
            - 1;
        let mut have = text.chars().count();
        while have < wanted {
            let Some((_, more)) = lines.next() else {
                return fail("the text ends before the span's text does");
            };
            have += 1 + more.chars().count();
        }
        if spans.insert(id, found).is_some() {
            return fail(&format!("{id} given twice"));
        }
    }
    events
        .into_iter()
        .map(|(number, line, id, body)| {
            let fail = |what: String| format!("{file}:{number}: {what}: {line:?}");
            let mut attribution = Attribution {
                id: id.to_owned(),
                ..Attribution::default()
            };
            for argument in body.split_whitespace() {
                let Some((role, target)) = argument.split_once(':') else {
                    return Err(fail(format!("{argument:?} is not ROLE:ID")));
                };
                let found = spans
                    .get(target)
                    .ok_or_else(|| fail(format!("{target} names no text-bound line")))?;
                match role.trim_end_matches(|c: char| c.is_ascii_digit()) {
                    "Source" => attribution.sources.extend(found),
                    "Cue" => attribution.cues.extend(found),
                    "Content" => attribution.contents.extend(found),
                    // The trigger ("Attribution", "Attribution-no-source") repeats the cue.
                    "Attribution" | "Attribution-no-source" => {}
                    other => return Err(fail(format!("unknown role {other:?}"))),
                }
            }
            Ok(attribution)
        })
        .collect()
}
