//! The suggester measured on attribution annotations in brat standoff: the scorer's counts on
//! a small corpus written for these tests (`tests/data/attribution/`), its errors on malformed
//! annotation lines, and, when `SIDENOTE_ATTRIBUTION_CORPUS` names a directory laid out the
//! same way (an external corpus such as PolNeAR's `data/test`), that corpus's figures, printed
//! (`cargo test --release --test suggest_attribution -- --ignored --nocapture`). Definitions in
//! docs/suggest.md, "Measured on an external corpus".

#[path = "support/attribution.rs"]
mod attribution;
#[path = "support/brat.rs"]
mod brat;
#[path = "support/corenlp.rs"]
mod corenlp;

use std::path::Path;

use attribution::{same_speaker, score_dir};

const MINI: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/attribution");

#[test]
#[ignore = "needs SIDENOTE_ATTRIBUTION_CORPUS, a directory of text/ and attributions/"]
fn external_corpus_figures() {
    let Some(dir) = std::env::var_os("SIDENOTE_ATTRIBUTION_CORPUS") else {
        println!("SIDENOTE_ATTRIBUTION_CORPUS is not set: nothing measured");
        return;
    };
    let figures = score_dir(Path::new(&dir)).expect("the corpus reads");
    if std::env::var_os("SIDENOTE_ATTRIBUTION_MISSES").is_some() {
        let all = [&figures.misses, &figures.unnamed, &figures.quote_errors];
        for miss in all.into_iter().flatten() {
            println!("{miss}");
        }
    }
    println!("{}: {figures}", Path::new(&dir).display());
    assert!(
        figures.articles > 0,
        "no article with attributions in {dir:?}"
    );
}

/// The mini corpus's figures, each checked by hand against its three articles (see
/// tests/data/README.md): what the scorer counts of the gold side does not depend on the
/// suggester, what it counts of the proposals is what the rules give these sentences.
#[test]
fn mini_corpus_counts() {
    let figures = score_dir(Path::new(MINI)).expect("the mini corpus reads");
    // Gold side: 10 attributions, 3 of them direct, all with a source; the quotations of
    // "ferry-vote" (its second one three sentences long) and the one of "museum-wing" make 4
    // gold units; "harsh" is a single quoted word, left out.
    assert_eq!(figures.articles, 3);
    assert_eq!(figures.units, 18);
    assert_eq!(figures.attributions, 10);
    assert_eq!(figures.direct, 3);
    assert_eq!(figures.sourced, 10);
    assert_eq!(figures.empty, 0);
    assert_eq!(figures.quote_right + figures.quote_missed, 4);
    assert_eq!(figures.single_words, 1);
    // Proposals: the four quotations found, the exhibition's title a quote nobody said.
    assert_eq!(
        (
            figures.quote_right,
            figures.quote_wrong,
            figures.quote_missed
        ),
        (4, 1, 0)
    );
    assert!((figures.quote_f1() - 8.0 / 9.0).abs() < 1e-9);
    // Uncovered: "Critics called" only.
    assert_eq!((figures.covered, figures.direct_covered), (9, 2));
    // Named: all but "Critics called" and "Grain farmers in the Osterdal valley expect" (the
    // valley a preposition governs is not the subject, and the farmers are no name). Right:
    // "She added" is Mira Holt through the coreference chain of ferry-vote's CoreNLP file.
    // Wrong: "He believes" is Pavel Renn too, but dry-summer has no CoreNLP file, so the
    // pronoun source stays unresolved; "Local traders want ..., according to the chamber" is the
    // chamber's.
    assert_eq!(
        (figures.named, figures.named_right),
        (8, 6),
        "{:#?}",
        figures.misses
    );
    let sources: Vec<bool> = ["source \"He\"", "source \"the chamber"]
        .iter()
        .map(|source| figures.misses.iter().any(|miss| miss.contains(source)))
        .collect();
    assert_eq!(sources, [true, true], "{:#?}", figures.misses);
    assert_eq!(figures.misses.len(), 2);
    // Judged apart: "He believes" has no chain to say whom it means, so it is left out of the
    // judged figures; "She added" has one and stays.
    assert_eq!(
        (figures.judged, figures.judged_named, figures.judged_right),
        (9, 7, 6)
    );
}

/// Without the coreference chains, "She added" counts as a miss too (with "Local traders").
#[test]
fn pronoun_sources_need_the_chains() {
    let dir = tempfile::tempdir().expect("temp dir");
    for sub in ["text", "attributions"] {
        std::fs::create_dir(dir.path().join(sub)).expect("mkdir");
    }
    for (sub, file) in [
        ("text", "ferry-vote.txt"),
        ("attributions", "ferry-vote_a1.ann"),
    ] {
        std::fs::copy(
            Path::new(MINI).join(sub).join(file),
            dir.path().join(sub).join(file),
        )
        .expect("copy");
    }
    let figures = score_dir(dir.path()).expect("reads");
    assert_eq!((figures.named, figures.named_right), (3, 1));
    // "She added" is left out of the judged figures: with no chain, no proposal could be right.
    assert_eq!(
        (figures.judged, figures.judged_named, figures.judged_right),
        (2, 2, 1)
    );
}

/// Only the first annotation of an article in sorted order is read.
#[test]
fn one_annotator_per_article() {
    let dir = tempfile::tempdir().expect("temp dir");
    for sub in ["text", "attributions"] {
        std::fs::create_dir(dir.path().join(sub)).expect("mkdir");
    }
    std::fs::copy(
        Path::new(MINI).join("text/museum-wing.txt"),
        dir.path().join("text/museum-wing.txt"),
    )
    .expect("copy");
    let ann = std::fs::read_to_string(Path::new(MINI).join("attributions/museum-wing_a1.ann"))
        .expect("read");
    std::fs::write(dir.path().join("attributions/museum-wing_a0.ann"), &ann).expect("write");
    // A second annotator who found one attribution only: not read.
    let first: String = ann
        .lines()
        .take(4)
        .map(|line| format!("{line}\n"))
        .collect();
    std::fs::write(dir.path().join("attributions/museum-wing_b7.ann"), first).expect("write");
    let figures = score_dir(dir.path()).expect("reads");
    assert_eq!((figures.articles, figures.attributions), (1, 2));
}

fn parse_error(ann: &str) -> String {
    brat::parse("x.ann", ann, 100).expect_err("malformed")
}

#[test]
fn malformed_lines_name_file_and_line() {
    let good = "T1\tSource 0 3\tAda\nT2\tCue 4 8\tsaid\n";
    assert_eq!(brat::parse("x.ann", good, 100).expect("parses").len(), 0);
    let cases = [
        ("T1\tSource 0 three\tAda\n", "x.ann:1: offsets must be"),
        (
            "T1\tSource 0 3\tAda\nT2\tCue 90 120\tsaid\n",
            "x.ann:2: offsets 90..120 outside",
        ),
        ("T1 Source 0 3 Ada\n", "x.ann:1: a text-bound line needs"),
        (
            "T1\tSource 0 3\tAda\nE1\tAttribution:T1 Cue:T9\n",
            "x.ann:2: T9 names no text-bound line",
        ),
        (
            "T1\tSource 0 3\tAda\nE1\tAttribution:T1 Speaker:T1\n",
            "x.ann:2: unknown role \"Speaker\"",
        ),
        (
            "T1\tSource 0 3\tAda\nE1\tAttribution T1\n",
            "x.ann:2: \"Attribution\" is not ROLE:ID",
        ),
        ("hello\n", "x.ann:1: not a brat line"),
        (
            "T1\tSource 0 3\tAda\nT1\tCue 4 8\tsaid\n",
            "x.ann:2: T1 given twice",
        ),
        ("T1\tContent 0 12\tsix\n", "x.ann:1: the text ends before"),
    ];
    for (ann, wanted) in cases {
        let error = parse_error(ann);
        assert!(error.starts_with(wanted), "{ann:?} gave {error:?}");
    }
}

/// A span whose text holds a line break goes on on the next line, as brat writes it; offsets
/// are code points, so a curly quotation mark counts one.
#[test]
fn spans_across_lines_and_curly_marks() {
    let text = "“Go,” Ada said.\nShe left.";
    let ann = "T1\tContent 0 5\t“Go,”\nT2\tCue 10 25\tsaid.\nShe left.\nT3\tSource 6 9\tAda\nE1\tAttribution:T2 Content:T1 Cue:T2 Source:T3\n";
    let found = brat::parse("x.ann", ann, text.chars().count()).expect("parses");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].contents, vec![brat::Span { start: 0, end: 5 }]);
    assert_eq!(found[0].sources, vec![brat::Span { start: 6, end: 9 }]);
    let chars: Vec<char> = text.chars().collect();
    assert_eq!(chars[6..9].iter().collect::<String>(), "Ada");
}

#[test]
fn speakers_match_by_words() {
    assert!(same_speaker("Ted Cruz", "Sen. Ted Cruz"));
    assert!(same_speaker("Ted Cruz", "Cruz"));
    // An honorific says nothing of who someone is.
    assert!(same_speaker("Hillary Rodham Clinton", "Mrs. Clinton"));
    assert!(same_speaker("Tad Devine", "Mr. Devine"));
    assert!(!same_speaker("Tad Devine", "Mr. Trump"));
    assert!(same_speaker("Harbour Board", "the harbour board"));
    assert!(same_speaker("Ines Moro", "Ines Moro, the port's director,"));
    assert!(same_speaker("Moro", "Ines Moro (director)"));
    assert!(!same_speaker("Moro", "Moro's campaign"));
    assert!(!same_speaker("Moro", "supporters of Moro"));
    assert!(!same_speaker(
        "Osterdal valley",
        "farmers in the Osterdal valley"
    ));
    assert!(same_speaker("council", "a spokesman for the council"));
    assert!(!same_speaker("Ines Moro", "she"));
    assert!(!same_speaker("outlet", "the outlet's editors"));
}

/// CoreNLP's chains are read from its XML: a pronoun's chain gives its representative mention.
#[test]
fn coreference_chains_resolve_a_pronoun() {
    let path = Path::new(MINI).join("corenlp/ferry-vote.txt.xml");
    let xml = std::fs::read_to_string(&path).expect("read");
    let coref = corenlp::parse("ferry-vote.txt.xml", &xml).expect("parses");
    let text = std::fs::read_to_string(Path::new(MINI).join("text/ferry-vote.txt")).expect("read");
    let chars: Vec<char> = text.chars().collect();
    let start = text[..text.find("She").expect("she")].chars().count();
    let span = coref
        .representative(brat::Span {
            start,
            end: start + 3,
        })
        .expect("a chain");
    assert_eq!(
        chars[span.start..span.end].iter().collect::<String>(),
        "council chair Mira Holt"
    );
    let broken = xml.replace("<start>13</start>", "<start>x</start>");
    let error = corenlp::parse("f.xml", &broken).expect_err("malformed");
    assert!(error.starts_with("f.xml:"), "{error}");
    assert!(error.contains("not a number"), "{error}");
}

/// Two straight apostrophes stand for a double mark in some archives: a quotation so marked is
/// a gold quote, and its attribution a direct one.
#[test]
fn doubled_apostrophes_are_a_double_mark() {
    let text = "Port news\n\n''We will reopen the quay in May,'' harbour master Ola Berg said.\n";
    let find = |piece: &str| {
        let start = text[..text.find(piece).expect("in text")].chars().count();
        format!("{start} {}", start + piece.chars().count())
    };
    let (content, cue, source) = (
        "''We will reopen the quay in May,''",
        "said",
        "harbour master Ola Berg",
    );
    let ann = format!(
        "T1\tContent {}\t{content}\nT2\tCue {}\t{cue}\nT3\tSource {}\t{source}\nE1\tAttribution:T2 Content:T1 Cue:T2 Source:T3\n",
        find(content),
        find(cue),
        find(source),
    );
    let mut figures = attribution::Figures::default();
    attribution::score_article(
        &mut figures,
        "port.txt",
        text.as_bytes(),
        "port.ann",
        &ann,
        None,
    )
    .expect("scores");
    assert_eq!(
        (figures.direct, figures.quote_right + figures.quote_missed),
        (1, 1)
    );
    assert_eq!((figures.named, figures.named_right), (1, 1));
}
