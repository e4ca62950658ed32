//! A temp copy of the sample library, tagged through the real code path (`AnnotationSet` edits
//! saved with `sidecar::save`), with notes holding quotes, commas, line breaks and non-ASCII
//! text, an extra article with CRLF line ends, emoji and a control character, and one annotation
//! orphaned by an edit of its article. Some annotations have a speaker, one with a comma and
//! quotes, one with Markdown syntax, one on the orphan. Ids and times are fixed so exports are byte-stable.

use std::fs;
use std::path::{Path, PathBuf};

use sidenote::annotation::{AnnotationSet, Stamp, Tag};
use sidenote::article::Article;
use sidenote::export::Item;
use sidenote::{library, sidecar};

/// The extra article: CRLF line ends, a sentence over a line break, astral-plane characters
/// (two UTF-16 units each), Markdown syntax and an escape character.
pub const EXTRA: &str = "Zweiter Bericht 😀 aus Köln\r\n\r\nDer Minister sagte: „Wir wissen nichts“, und 𝄞 mehr\r\nals das. Das ist *falsch* | sagt #1 die Opposition \u{1b}[31mrot. - Liste? Nein. 1. Ende.\r\n";

/// A tagged temporary library.
pub struct Library {
    /// Keeps the folder alive.
    pub dir: tempfile::TempDir,
    /// The library folder.
    pub root: PathBuf,
}

impl Library {
    /// The article files, sorted.
    pub fn articles(&self) -> Vec<PathBuf> {
        library::collect_articles(std::slice::from_ref(&self.root)).unwrap()
    }
}

fn stamp(n: u64) -> Stamp {
    Stamp {
        author: if n.is_multiple_of(2) {
            "Ana Müller"
        } else {
            "o'brien, k."
        }
        .to_owned(),
        now: time::macros::datetime!(2025-03-01 10:00:00 UTC) + time::Duration::minutes(n as i64),
        new_id: format!("0190a1b2-c3d4-7e5f-8a9b-{n:012x}"),
    }
}

/// Tags `path`'s article with `edits` and saves its sidecar.
fn tag(path: &Path, edits: &[(usize, usize, Option<Tag>, &str)], first_stamp: u64) {
    let article = library::read_article(path).unwrap();
    let mut set = AnnotationSet::new(&article, Vec::new());
    let last = article.units().len() - 1;
    for (n, &(first, end, tag, note)) in edits.iter().enumerate() {
        let units = (first.min(last), end.min(last));
        let stamp = stamp(first_stamp + n as u64);
        if let Some(tag) = tag {
            assert!(set.add_tag(&article, units, tag, &stamp));
        }
        if !note.is_empty() {
            assert!(set.set_note(&article, units, note, &stamp));
        }
    }
    let annotations: Vec<_> = set.annotations().cloned().collect();
    sidecar::save(path, &article, &[], &annotations).unwrap();
}

/// Gives the annotations on the units of `speakers` their speaker, saved like any edit.
fn speak(path: &Path, speakers: &[(usize, &str)], first_stamp: u64) {
    let article = library::read_article(path).unwrap();
    let base = sidecar::load(path).unwrap().unwrap().annotations;
    let mut set = AnnotationSet::new(&article, base.clone());
    for (n, &(unit, speaker)) in speakers.iter().enumerate() {
        let index = set.index_at_unit(unit).unwrap();
        assert!(set.set_speaker(index, speaker, stamp(first_stamp + n as u64).now));
    }
    let annotations: Vec<_> = set.annotations().cloned().collect();
    sidecar::save(path, &article, &base, &annotations).unwrap();
}

/// The note with everything that breaks naive exporters.
pub const HARD_NOTE: &str =
    "He said \"no\", then 'yes';\nZweite Zeile: café, naïve — 😀 & <b>|</b>\r\nthird, line";

/// Builds the tagged library in a new temp folder.
pub fn tagged_library() -> Library {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("library");
    fs::create_dir(&root).unwrap();
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples");
    for entry in fs::read_dir(samples).unwrap() {
        let path = entry.unwrap().path();
        // Written, not copied: the bundled samples are read-only and the test edits one.
        fs::write(
            root.join(path.file_name().unwrap()),
            fs::read(&path).unwrap(),
        )
        .unwrap();
    }
    fs::write(root.join("zweiter-bericht.txt"), EXTRA).unwrap();

    let kremlin = root.join("kremlin-silent-on-captured-soldiers.txt");
    tag(
        &kremlin,
        &[
            (0, 0, Some(Tag::Claim), HARD_NOTE),
            (2, 3, Some(Tag::Quote), ""),
            (2, 3, Some(Tag::Claim), "Two sentences, one \"claim\"."),
            (5, 5, None, "Only a note: 1,000 or 1.000?"),
            (6, 6, Some(Tag::Denial), ""),
        ],
        1,
    );
    speak(
        &kremlin,
        &[(2, "Dmitry Peskov, \"Kremlin\" spokesman"), (6, "Kremlin")],
        10,
    );
    let lawmaker = root.join("lawmaker-cites-spy-agency-300-dead.txt");
    tag(
        &lawmaker,
        &[
            (1, 1, Some(Tag::Denial), "Denied by Moscow"),
            (4, 4, Some(Tag::Claim), "This sentence is edited away later"),
        ],
        20,
    );
    speak(&lawmaker, &[(4, "outlet")], 25);
    let extra = root.join("zweiter-bericht.txt");
    tag(
        &extra,
        &[
            (0, 0, Some(Tag::Quote), "Überschrift"),
            (1, 1, Some(Tag::Claim), "Spans a line break"),
            (2, 2, Some(Tag::Denial), "Markdown and an ESC inside"),
        ],
        30,
    );
    speak(&extra, &[(1, "der *Minister* | #1")], 40);

    // Edit the article under an annotation, so that it is orphaned.
    let article = library::read_article(&lawmaker).unwrap();
    let unit = article.units()[4];
    let mut text = article.text().to_owned();
    text.replace_range(
        unit.start..unit.end,
        "This sentence was rewritten by the outlet.",
    );
    fs::write(&lawmaker, text).unwrap();

    Library { dir, root }
}

/// An article loaded for a direct call of `export::render`.
pub struct Loaded {
    /// The name shown in the export.
    pub file: String,
    /// The article.
    pub article: Article,
    /// Its annotations from the sidecar.
    pub annotations: AnnotationSet,
}

/// Loads every article of `library`, naming each `/library/<file name>` so output does not depend
/// on where the temp folder is.
pub fn load(library: &Library) -> Vec<Loaded> {
    library
        .articles()
        .iter()
        .map(|path| {
            let article = library::read_article(path).unwrap();
            let annotations = sidecar::load(path)
                .unwrap()
                .map(|s| s.annotations)
                .unwrap_or_default();
            Loaded {
                file: format!("/library/{}", path.file_name().unwrap().to_string_lossy()),
                annotations: AnnotationSet::new(&article, annotations),
                article,
            }
        })
        .collect()
}

/// The items of `loaded`.
pub fn items(loaded: &[Loaded]) -> Vec<Item<'_>> {
    loaded
        .iter()
        .map(|l| Item {
            file: &l.file,
            article: &l.article,
            annotations: &l.annotations,
        })
        .collect()
}
