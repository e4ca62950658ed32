//! How `sidenote agree` prints: JSON Lines, a text report or CSV, written as the articles go by,
//! with the figures over the whole set last. Text from articles and file names never reaches the
//! terminal as control codes.

use std::collections::BTreeMap;
use std::io::Write;

use serde_json::{Map, Value, json};

use super::Format;
use crate::agreement::coding::Difference;
use crate::agreement::report::ArticleAgreement;
use crate::agreement::{Figure, Figures};
use crate::annotation::{Annotation, Tag};
use crate::article::Article;
use crate::safe_text::{escape_json, for_terminal};

/// One coder's copy, and who signed the annotations in it.
#[derive(Debug)]
pub struct Coder {
    copy: String,
    authors: BTreeMap<String, usize>,
}

impl Coder {
    /// The coder whose copy is `copy`.
    pub fn new(copy: String) -> Coder {
        Coder {
            copy,
            authors: BTreeMap::new(),
        }
    }

    /// Counts the authors of `annotations`.
    pub fn saw(&mut self, annotations: &[Annotation]) {
        for annotation in annotations {
            *self.authors.entry(annotation.author.clone()).or_default() += 1;
        }
    }

    /// The author who signed most annotations in the copy.
    fn author(&self) -> Option<&str> {
        let most = self.authors.iter().max_by_key(|(_, count)| **count);
        most.map(|(author, _)| author.as_str())
    }
}

/// The figures of one tag, by the names the JSON and CSV use.
fn named(figures: &Figures) -> [(&'static str, Figure); 5] {
    [
        ("percent_agreement", figures.percent_agreement),
        ("krippendorff_alpha", figures.krippendorff_alpha),
        ("fleiss_kappa", figures.fleiss_kappa),
        ("gwet_ac1", figures.gwet_ac1),
        ("cohen_kappa", figures.cohen_kappa),
    ]
}

/// Where and how the report is written.
pub struct Output<W: Write> {
    format: Format,
    out: W,
}

impl<W: Write> Output<W> {
    /// A report in `format` on `out`.
    pub fn new(format: Format, out: W) -> Output<W> {
        Output { format, out }
    }

    /// Writes what comes before the first article.
    pub fn start(&mut self, coders: &[Coder]) -> anyhow::Result<()> {
        match self.format {
            Format::Json => {}
            Format::Text => {
                writeln!(self.out, "Coders:")?;
                for (number, coder) in coders.iter().enumerate() {
                    writeln!(self.out, "  {}: {}", number + 1, for_terminal(&coder.copy))?;
                }
            }
            Format::Csv => {
                let mut header = vec!["scope", "file", "tag", "units", "pairable_units"];
                header.extend(
                    named(&Figures::of(&crate::agreement::Ratings::new(0, 0))).map(|(n, _)| n),
                );
                self.csv_row(&header)?;
            }
        }
        Ok(())
    }

    /// Writes one article's figures and the units where its coders differ.
    pub fn article(
        &mut self,
        file: &str,
        agreement: &ArticleAgreement,
        article: Option<&Article>,
    ) -> anyhow::Result<()> {
        match self.format {
            Format::Json => {
                for (name, figures) in rows(&agreement.figures, agreement.speaker.as_ref()) {
                    let mut object = figures_object("article", name, figures);
                    object.insert("file".into(), json!(file));
                    self.json_line(&Value::Object(object))?;
                }
                for difference in &agreement.differences {
                    let line = difference_object(file, difference, article);
                    self.json_line(&line)?;
                }
            }
            Format::Text => {
                writeln!(self.out, "\n{}", for_terminal(file))?;
                self.text_table(&agreement.figures, agreement.speaker.as_ref())?;
                for difference in &agreement.differences {
                    self.text_difference(difference, article)?;
                }
            }
            Format::Csv => {
                for (name, figures) in rows(&agreement.figures, agreement.speaker.as_ref()) {
                    self.csv_figures("article", &for_terminal(file), name, figures)?;
                }
            }
        }
        Ok(())
    }

    /// Writes the figures over every article: each tag's, and the speakers' when any coder named
    /// one.
    pub fn totals(
        &mut self,
        totals: &[(Tag, Figures); 3],
        speaker: Option<&Figures>,
        coders: &[Coder],
    ) -> anyhow::Result<()> {
        match self.format {
            Format::Json => {
                let coders: Vec<Value> = coders
                    .iter()
                    .map(|c| json!({"copy": c.copy, "author": c.author()}))
                    .collect();
                for (name, figures) in rows(totals, speaker) {
                    let mut object = figures_object("total", name, figures);
                    object.insert("coders".into(), Value::Array(coders.clone()));
                    self.json_line(&Value::Object(object))?;
                }
            }
            Format::Text => {
                writeln!(self.out, "\nAll articles")?;
                self.text_table(totals, speaker)?;
                writeln!(
                    self.out,
                    "\nn/a: undefined (no unit coded twice; one value everywhere, so 0/0; Cohen's kappa needs two coders)"
                )?;
            }
            Format::Csv => {
                for (name, figures) in rows(totals, speaker) {
                    self.csv_figures("total", "", name, figures)?;
                }
            }
        }
        Ok(())
    }

    /// Flushes everything written.
    pub fn finish(&mut self) -> anyhow::Result<()> {
        self.flush()?;
        Ok(())
    }

    /// Writes out what is buffered, before a message on stderr.
    pub fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }

    fn json_line(&mut self, value: &Value) -> anyhow::Result<()> {
        let line = serde_json::to_string(value)?;
        self.out.write_all(escape_json(&line).as_bytes())?;
        self.out.write_all(b"\n")?;
        Ok(())
    }

    fn csv_row(&mut self, row: &[&str]) -> anyhow::Result<()> {
        let mut record = csv::Writer::from_writer(Vec::new());
        record.write_record(row)?;
        let bytes = record.into_inner().map_err(|error| error.into_error())?;
        self.out.write_all(&bytes)?;
        Ok(())
    }

    fn csv_figures(
        &mut self,
        scope: &str,
        file: &str,
        name: &str,
        figures: &Figures,
    ) -> anyhow::Result<()> {
        let (units, pairable) = (
            figures.units.to_string(),
            figures.pairable_units.to_string(),
        );
        let values = named(figures)
            .map(|(_, figure)| figure.value().map(|v| v.to_string()).unwrap_or_default());
        let mut row = vec![scope, file, name, &units, &pairable];
        row.extend(values.iter().map(String::as_str));
        self.csv_row(&row)
    }

    fn text_table(
        &mut self,
        figures: &[(Tag, Figures); 3],
        speaker: Option<&Figures>,
    ) -> anyhow::Result<()> {
        writeln!(
            self.out,
            "  {:<7} {:>6} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8}",
            "tag", "units", "pairable", "percent", "alpha", "fleiss", "ac1", "cohen"
        )?;
        for (name, figures) in rows(figures, speaker) {
            let cells = named(figures).map(|(_, figure)| match figure.value() {
                Some(value) => format!("{value:.4}"),
                None => "n/a".to_owned(),
            });
            writeln!(
                self.out,
                "  {:<7} {:>6} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8}",
                name,
                figures.units,
                figures.pairable_units,
                cells[0],
                cells[1],
                cells[2],
                cells[3],
                cells[4]
            )?;
        }
        Ok(())
    }

    fn text_difference(
        &mut self,
        difference: &Difference,
        article: Option<&Article>,
    ) -> anyhow::Result<()> {
        let disputed = disputed(difference);
        let named = names_speakers(difference);
        let text = article
            .and_then(|a| a.unit_text(difference.unit))
            .unwrap_or_default();
        writeln!(
            self.out,
            "  unit {} ({}): {}",
            difference.unit,
            disputed.join(", "),
            for_terminal(&text)
        )?;
        for (number, (tags, speaker)) in
            difference.tags.iter().zip(&difference.speakers).enumerate()
        {
            let said = match speaker {
                Some(speaker) if named && !speaker.is_empty() => {
                    format!(" (said by {})", for_terminal(speaker))
                }
                Some(_) if named => " (no speaker)".to_owned(),
                _ => String::new(),
            };
            let tags = match tags {
                Some(tags) => {
                    let names: Vec<&str> = tags.tags().map(Tag::name).collect();
                    if names.is_empty() {
                        "-".to_owned()
                    } else {
                        names.join(", ")
                    }
                }
                None => "(not coded)".to_owned(),
            };
            writeln!(self.out, "    {}: {tags}{said}", number + 1)?;
        }
        Ok(())
    }
}

/// The JSON object of one tag's figures; an undefined figure is null, with its reason under
/// `undefined`.
fn figures_object(kind: &str, name: &str, figures: &Figures) -> Map<String, Value> {
    let mut object = Map::new();
    object.insert("kind".into(), json!(kind));
    object.insert("tag".into(), json!(name));
    object.insert("units".into(), json!(figures.units));
    object.insert("pairable_units".into(), json!(figures.pairable_units));
    let mut undefined = Map::new();
    for (name, figure) in named(figures) {
        match figure {
            Figure::Value(value) => object.insert(name.into(), json!(value)),
            Figure::Undefined(why) => {
                undefined.insert(name.into(), json!(why.reason()));
                object.insert(name.into(), Value::Null)
            }
        };
    }
    if !undefined.is_empty() {
        object.insert("undefined".into(), Value::Object(undefined));
    }
    object
}

/// The JSON object of one unit where coders differ.
fn difference_object(file: &str, difference: &Difference, article: Option<&Article>) -> Value {
    let coders: Vec<Value> = difference
        .tags
        .iter()
        .map(|tags| match tags {
            Some(tags) => json!(tags.tags().map(Tag::name).collect::<Vec<_>>()),
            None => Value::Null,
        })
        .collect();
    let mut object = json!({
        "kind": "difference",
        "file": file,
        "unit": difference.unit,
        "text": article.and_then(|a| a.unit_text(difference.unit)),
        "disputed": disputed(difference),
        "tags": coders,
    });
    if names_speakers(difference) {
        object["speakers"] = json!(difference.speakers);
    }
    object
}

/// The rows of figures: one per tag, then the speakers' when there are figures for them.
fn rows<'a>(
    tags: &'a [(Tag, Figures); 3],
    speaker: Option<&'a Figures>,
) -> impl Iterator<Item = (&'static str, &'a Figures)> {
    let tags = tags.iter().map(|(tag, figures)| (tag.name(), figures));
    tags.chain(speaker.map(|figures| ("speaker", figures)))
}

/// What the coders differ on at a unit: the tags, then `speaker`.
fn disputed(difference: &Difference) -> Vec<&'static str> {
    let mut disputed: Vec<&str> = difference.disputed().map(Tag::name).collect();
    if difference.speaker_disputed {
        disputed.push("speaker");
    }
    disputed
}

/// Whether any coder named a speaker on the unit, so the report shows the speakers.
fn names_speakers(difference: &Difference) -> bool {
    difference
        .speakers
        .iter()
        .flatten()
        .any(|speaker| !speaker.is_empty())
}
