//! How well suggested claim groups and conflicts match the hand-made ones in `tests/data/claims`
//! (see tests/data/README.md): the five samples (tagged units from `tests/data/suggest`) and four
//! invented events told by three or four outlets (tagged sidecars). Every article goes through
//! the store (`library::claims::read`) and the core (`claims::groups`) as `sidenote compare`
//! does. Prints the figures (`cargo test --test claims_quality -- --nocapture`) and holds them
//! above floors set a little under what was measured; a plain word-overlap grouping is measured
//! alongside as the baseline.
#![allow(clippy::unwrap_used)]

use std::collections::{BTreeSet, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;
use sidenote::annotation::{AnnotationSet, Stamp, Tag};
use sidenote::claims::{self, ConflictKind, Library, Status};
use sidenote::library::{claims::read, read_article};
use time::macros::datetime;

/// A unit of the gold data: article file name and unit index.
type Member = (String, usize);

struct Gold {
    groups: Vec<BTreeSet<Member>>,
    /// Each conflict's two sides.
    conflicts: Vec<[BTreeSet<Member>; 2]>,
}

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data")
}

fn members(list: &Value) -> BTreeSet<Member> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["file"].as_str().unwrap().to_owned(),
                m["index"].as_u64().unwrap() as usize,
            )
        })
        .collect()
}

fn gold(path: &Path) -> Gold {
    let json: Value = serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
    Gold {
        groups: json["groups"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| members(&g["members"]))
            .collect(),
        conflicts: json["conflicts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| [members(&c["sides"][0]), members(&c["sides"][1])])
            .collect(),
    }
}

/// The samples in a temp folder, tagged as `tests/data/suggest/samples.jsonl` says.
fn samples(dir: &Path) -> Vec<PathBuf> {
    let units = fs::read_to_string(data().join("suggest/samples.jsonl")).unwrap();
    let units: Vec<Value> = units
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let mut files = Vec::new();
    for (n, (name, text)) in sidenote::library::SAMPLES.iter().enumerate() {
        let path = dir.join(name);
        fs::write(&path, text).unwrap();
        let article = read_article(&path).unwrap();
        let mut set = AnnotationSet::new(&article, Vec::new());
        for unit in units.iter().filter(|u| u["file"] == *name) {
            let index = unit["index"].as_u64().unwrap() as usize;
            for tag in unit["tags"].as_array().unwrap() {
                let tag: Tag = tag.as_str().unwrap().parse().unwrap();
                let stamp = Stamp {
                    author: "gold".into(),
                    now: datetime!(2025-01-13 09:00 UTC),
                    new_id: format!("01943f0e-0000-7000-8000-{n:06}{index:04}{:02}", tag as u8),
                };
                set.add_tag(&article, (index, index), tag, &stamp);
            }
        }
        sidecar_save(&path, &article, set);
        files.push(path);
    }
    files
}

fn sidecar_save(path: &Path, article: &sidenote::article::Article, set: AnnotationSet) {
    sidenote::sidecar::save(path, article, &[], &set.into_annotations()).unwrap();
}

/// The event's articles, in name order.
fn event(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

fn member_of(library: &Library, unit: usize) -> Member {
    let u = &library.units[unit];
    let file = Path::new(&library.columns[u.article].file);
    (
        file.file_name().unwrap().to_string_lossy().into_owned(),
        u.index,
    )
}

fn jaccard(a: &BTreeSet<Member>, b: &BTreeSet<Member>) -> f64 {
    let inter = a.intersection(b).count() as f64;
    let union = a.union(b).count() as f64;
    if union == 0.0 { 0.0 } else { inter / union }
}

#[derive(Debug, Default, Clone, Copy)]
struct Score {
    gold_groups: usize,
    recovered: usize,
    suggested: usize,
    real: usize,
    gold_conflicts: usize,
    flagged: usize,
    false_conflicts: usize,
    baseline_recovered: usize,
    baseline_suggested: usize,
    baseline_real: usize,
}

impl Score {
    fn add(&mut self, o: Score) {
        self.gold_groups += o.gold_groups;
        self.recovered += o.recovered;
        self.suggested += o.suggested;
        self.real += o.real;
        self.gold_conflicts += o.gold_conflicts;
        self.flagged += o.flagged;
        self.false_conflicts += o.false_conflicts;
        self.baseline_recovered += o.baseline_recovered;
        self.baseline_suggested += o.baseline_suggested;
        self.baseline_real += o.baseline_real;
    }
}

/// The groups and conflicts suggested for `files`, scored against `gold`.
fn score(files: &[PathBuf], gold: &Gold) -> Score {
    let mut problems = Vec::new();
    let library = read(files, &mut problems);
    assert!(problems.is_empty(), "{problems:?}");
    let groups = claims::groups(&library.units, &HashSet::new());
    let suggested: Vec<BTreeSet<Member>> = groups
        .iter()
        .filter(|g| g.status == Status::Suggested)
        .map(|g| g.members.iter().map(|&m| member_of(&library, m)).collect())
        .collect();
    let matches = |s: &BTreeSet<Member>| gold.groups.iter().any(|g| jaccard(g, s) >= 0.5);
    let recovered = gold
        .groups
        .iter()
        .filter(|g| suggested.iter().any(|s| jaccard(g, s) >= 0.5))
        .count();
    let real = suggested.iter().filter(|s| matches(s)).count();

    // A suggested figure conflict: the members of each of its sides.
    let found: Vec<Vec<BTreeSet<Member>>> = groups
        .iter()
        .flat_map(|g| &g.conflicts)
        .filter(|c| c.kind == ConflictKind::Figures)
        .map(|c| {
            c.sides
                .iter()
                .map(|s| {
                    s.readings
                        .iter()
                        .map(|r| member_of(&library, r.member))
                        .collect()
                })
                .collect()
        })
        .collect();
    let opposes = |sides: &[BTreeSet<Member>], gold: &[BTreeSet<Member>; 2]| {
        let side_of = |m: &BTreeSet<Member>| sides.iter().position(|s| !s.is_disjoint(m));
        match (side_of(&gold[0]), side_of(&gold[1])) {
            (Some(a), Some(b)) => a != b,
            _ => false,
        }
    };
    let flagged = gold
        .conflicts
        .iter()
        .filter(|g| found.iter().any(|sides| opposes(sides, g)))
        .count();
    let false_conflicts = found
        .iter()
        .filter(|sides| !gold.conflicts.iter().any(|g| opposes(sides, g)))
        .count();

    let baseline = baseline(&library);
    let baseline_recovered = gold
        .groups
        .iter()
        .filter(|g| baseline.iter().any(|s| jaccard(g, s) >= 0.5))
        .count();
    Score {
        gold_groups: gold.groups.len(),
        recovered,
        suggested: suggested.len(),
        real,
        gold_conflicts: gold.conflicts.len(),
        flagged,
        false_conflicts,
        baseline_recovered,
        baseline_suggested: baseline.len(),
        baseline_real: baseline.iter().filter(|s| matches(s)).count(),
    }
}

/// The plain word-overlap grouping: two units of different articles are joined when the
/// Jaccard similarity of their lower-case word sets is at least 0.3; groups are the connected
/// components.
fn baseline(library: &Library) -> Vec<BTreeSet<Member>> {
    let words: Vec<HashSet<String>> = library
        .units
        .iter()
        .map(|u| {
            u.text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect()
        })
        .collect();
    let n = library.units.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            x = p[x];
        }
        x
    }
    let mut joined = vec![false; n];
    for a in 0..n {
        for b in a + 1..n {
            if library.units[a].article == library.units[b].article {
                continue;
            }
            let inter = words[a].intersection(&words[b]).count() as f64;
            let union = words[a].union(&words[b]).count() as f64;
            if union > 0.0 && inter / union >= 0.3 {
                let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                parent[ra.max(rb)] = ra.min(rb);
                joined[a] = true;
                joined[b] = true;
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, BTreeSet<Member>> = Default::default();
    for u in (0..n).filter(|&u| joined[u]) {
        let r = root(&mut parent, u);
        groups.entry(r).or_default().insert(member_of(library, u));
    }
    groups.into_values().collect()
}

fn print(name: &str, s: &Score) {
    println!(
        "{name:<22} groups recovered {:>2}/{:<2} (baseline {:>2})  suggested real {:>2}/{:<2} \
         (baseline {}/{})  conflicts flagged {}/{}  false conflicts {}",
        s.recovered,
        s.gold_groups,
        s.baseline_recovered,
        s.real,
        s.suggested,
        s.baseline_real,
        s.baseline_suggested,
        s.flagged,
        s.gold_conflicts,
        s.false_conflicts
    );
}

#[test]
fn suggested_groups_and_conflicts_against_the_hand_made_ones() {
    let dir = tempfile::tempdir().unwrap();
    let samples = score(
        &samples(dir.path()),
        &gold(&data().join("claims/samples_groups.json")),
    );
    print("samples", &samples);
    let mut events = Score::default();
    let events_dir = data().join("claims/events");
    let mut names: Vec<PathBuf> = fs::read_dir(&events_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    for dir in names {
        let score = score(&event(&dir), &gold(&dir.join("groups.json")));
        print(&dir.file_name().unwrap().to_string_lossy(), &score);
        events.add(score);
    }
    print("events (all four)", &events);
    // Held out: written before the rules for percentages, units and vague figures, and never
    // used to tune them; its figures are reported apart.
    let held_out = data().join("claims/held-out/kessig-wildfire");
    let held_out = score(&event(&held_out), &gold(&held_out.join("groups.json")));
    print("held out (kessig)", &held_out);

    // Floors a little under the figures measured (docs/compare.md).
    assert!(samples.recovered >= FLOORS.samples_recovered, "{samples:?}");
    assert!(
        samples.recovered > samples.baseline_recovered,
        "{samples:?}"
    );
    assert!(events.recovered >= FLOORS.events_recovered, "{events:?}");
    assert!(events.recovered > events.baseline_recovered, "{events:?}");
    let real = samples.real + events.real;
    let suggested = samples.suggested + events.suggested;
    assert!(
        real * 100 >= suggested * FLOORS.real_percent,
        "{real}/{suggested}"
    );
    assert!(samples.flagged >= FLOORS.samples_flagged, "{samples:?}");
    assert!(events.flagged >= FLOORS.events_flagged, "{events:?}");
    // No conflict claimed where the figures agree.
    assert_eq!(samples.false_conflicts + events.false_conflicts, 0);
    // The held-out event is held to the goals, not to what was measured on it.
    assert!(
        held_out.recovered * 3 >= held_out.gold_groups * 2,
        "{held_out:?}"
    );
    assert!(
        held_out.flagged * 2 > held_out.gold_conflicts,
        "{held_out:?}"
    );
    assert_eq!(held_out.false_conflicts, 0, "{held_out:?}");
}

struct Floors {
    samples_recovered: usize,
    events_recovered: usize,
    real_percent: usize,
    samples_flagged: usize,
    events_flagged: usize,
}

/// Measured: samples 14/18 recovered, events 29/41, 44 of 52 suggestions real (85%), conflicts
/// 2/3 and 6/7 flagged, no false conflict. Held out (kessig-wildfire): 11/12 recovered, 11 of 12
/// real, conflicts 4/4, none false.
const FLOORS: Floors = Floors {
    samples_recovered: 13,
    events_recovered: 28,
    real_percent: 80,
    samples_flagged: 2,
    events_flagged: 5,
};
