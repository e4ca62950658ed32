//! `sidenote merge-driver` as git runs it: real repositories in temp folders, two branches that
//! tag the same article, merged with `git merge`.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use sidenote::annotation::Tag;
use sidenote::library::SAMPLES;
use sidenote::sidecar;

struct Repo {
    dir: tempfile::TempDir,
    article: PathBuf,
}

impl Repo {
    /// A repository with one article committed on `main`; with the driver registered when
    /// `driver` is set.
    fn new(driver: bool) -> Repo {
        let dir = tempfile::tempdir().unwrap();
        let work = dir.path().join("work");
        fs::create_dir(&work).unwrap();
        let (name, text) = SAMPLES[3];
        let repo = Repo {
            article: work.join(name),
            dir,
        };
        repo.git(&["init", "-q", "-b", "main"]);
        fs::write(&repo.article, text).unwrap();
        if driver {
            fs::write(
                work.join(".gitattributes"),
                "*.annotations.ron merge=sidenote\n",
            )
            .unwrap();
            let command = format!("'{}' merge-driver %O %A %B", env!("CARGO_BIN_EXE_sidenote"));
            repo.git(&["config", "merge.sidenote.driver", &command]);
        }
        repo.commit("article");
        repo
    }

    fn work(&self) -> PathBuf {
        self.dir.path().join("work")
    }

    fn run_git(&self, args: &[&str]) -> Output {
        Command::new("git")
            .args(args)
            .current_dir(self.work())
            .env("GIT_CONFIG_GLOBAL", self.dir.path().join("gitconfig"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("HOME", self.dir.path())
            .env("GIT_AUTHOR_NAME", "Tester")
            .env("GIT_AUTHOR_EMAIL", "tester@example.org")
            .env("GIT_COMMITTER_NAME", "Tester")
            .env("GIT_COMMITTER_EMAIL", "tester@example.org")
            .output()
            .unwrap()
    }

    fn git(&self, args: &[&str]) -> String {
        let output = self.run_git(args);
        assert!(
            output.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    }

    fn commit(&self, message: &str) {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "-m", message]);
    }

    /// `sidenote tag ARTICLE --sentence UNIT --tag TAG --note NOTE` as `author`.
    fn tag(&self, author: &str, unit: usize, tag: &str, note: &str) {
        let status = Command::new(env!("CARGO_BIN_EXE_sidenote"))
            .env_clear()
            .env("SIDENOTE_DATA_DIR", self.dir.path().join("data"))
            .env("SIDENOTE_CONFIG_DIR", self.dir.path().join("config"))
            .env("USER", author)
            .arg("tag")
            .arg(&self.article)
            .args(["--sentence", &unit.to_string(), "--tag", tag])
            .args(["--note", note])
            .status()
            .unwrap();
        assert!(status.success());
    }

    /// `sidenote tag ARTICLE --sentence UNIT --speaker SPEAKER` as `author`.
    fn speak(&self, author: &str, unit: usize, speaker: &str) {
        let status = Command::new(env!("CARGO_BIN_EXE_sidenote"))
            .env_clear()
            .env("SIDENOTE_DATA_DIR", self.dir.path().join("data"))
            .env("SIDENOTE_CONFIG_DIR", self.dir.path().join("config"))
            .env("USER", author)
            .arg("tag")
            .arg(&self.article)
            .args(["--sentence", &unit.to_string(), "--speaker", speaker])
            .status()
            .unwrap();
        assert!(status.success());
    }

    /// (first unit, speaker) of every annotation in the work tree's sidecar.
    fn speakers(&self) -> Vec<(usize, String)> {
        let loaded = sidecar::load(&self.article).unwrap().unwrap();
        let mut found: Vec<_> = loaded
            .annotations
            .into_iter()
            .map(|a| (a.anchor.first_unit, a.speaker))
            .collect();
        found.sort();
        found
    }

    /// Tags `edits` on a new branch `name` made from `main`, and goes back to `main`.
    fn branch(&self, name: &str, edits: impl FnOnce(&Repo)) {
        self.git(&["checkout", "-q", "-b", name, "main"]);
        edits(self);
        self.commit(name);
        self.git(&["checkout", "-q", "main"]);
    }

    fn merge(&self, branch: &str) -> Output {
        self.run_git(&["merge", "--no-edit", "-q", branch])
    }

    /// (first unit, tags, note) of every annotation in the work tree's sidecar.
    fn annotations(&self) -> Vec<(usize, Vec<Tag>, String)> {
        let loaded = sidecar::load(&self.article).unwrap().unwrap();
        let mut found: Vec<_> = loaded
            .annotations
            .into_iter()
            .map(|a| (a.anchor.first_unit, a.tags, a.note))
            .collect();
        found.sort_by_key(|(unit, _, _)| *unit);
        found
    }

    fn sidecar_path(&self) -> PathBuf {
        sidecar::path_for(&self.article)
    }
}

fn merged_cleanly(output: &Output) {
    assert!(
        output.status.success(),
        "git merge failed: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn tags_on_different_sentences_in_both_branches_are_all_kept() {
    let repo = Repo::new(true);
    repo.tag("base", 1, "claim", "");
    repo.commit("first tag");
    repo.branch("alice", |r| r.tag("alice", 2, "quote", "alice's"));
    repo.branch("bob", |r| r.tag("bob", 5, "denial", "bob's"));
    merged_cleanly(&repo.merge("alice"));
    merged_cleanly(&repo.merge("bob"));
    assert_eq!(
        repo.annotations(),
        vec![
            (1, vec![Tag::Claim], String::new()),
            (2, vec![Tag::Quote], "alice's".to_owned()),
            (5, vec![Tag::Denial], "bob's".to_owned()),
        ]
    );
    assert_eq!(repo.git(&["status", "--porcelain"]), "");
}

#[test]
fn the_same_sentence_tagged_in_both_branches_keeps_both_tags_and_notes() {
    let repo = Repo::new(true);
    repo.branch("alice", |r| r.tag("alice", 3, "claim", "alice thinks so"));
    repo.branch("bob", |r| r.tag("bob", 3, "quote", "bob hears a quote"));
    merged_cleanly(&repo.merge("alice"));
    merged_cleanly(&repo.merge("bob"));
    assert_eq!(
        repo.annotations(),
        vec![(
            3,
            vec![Tag::Claim, Tag::Quote],
            "alice thinks so\nbob hears a quote".to_owned()
        )]
    );
}

#[test]
fn edits_of_one_annotation_on_both_branches_merge_by_id() {
    let repo = Repo::new(true);
    repo.tag("base", 4, "claim", "");
    repo.commit("tag");
    repo.branch("alice", |r| r.tag("alice", 4, "quote", "from alice"));
    repo.branch("bob", |r| r.tag("bob", 4, "denial", ""));
    merged_cleanly(&repo.merge("alice"));
    merged_cleanly(&repo.merge("bob"));
    assert_eq!(
        repo.annotations(),
        vec![(
            4,
            vec![Tag::Claim, Tag::Denial, Tag::Quote],
            "from alice".to_owned()
        )]
    );
}

#[test]
fn speakers_merge_by_id_and_two_different_ones_are_both_kept() {
    let repo = Repo::new(true);
    repo.tag("base", 4, "claim", "");
    repo.tag("base", 6, "quote", "");
    repo.commit("tags");
    repo.branch("alice", |r| {
        r.speak("alice", 4, "NIS");
        r.speak("alice", 6, "Dmitry Peskov");
    });
    repo.branch("bob", |r| {
        r.tag("bob", 4, "quote", "");
        r.speak("bob", 6, "Kremlin");
    });
    merged_cleanly(&repo.merge("alice"));
    merged_cleanly(&repo.merge("bob"));
    assert_eq!(
        repo.speakers(),
        vec![
            (4, "NIS".to_owned()),
            (6, "Dmitry Peskov / Kremlin".to_owned())
        ]
    );
    assert_eq!(repo.annotations()[0].1, vec![Tag::Claim, Tag::Quote]);
    let text = fs::read_to_string(repo.sidecar_path()).unwrap();
    assert!(text.contains("version: 2,"), "{text}");
    assert_eq!(repo.git(&["status", "--porcelain"]), "");
}

#[test]
fn without_the_driver_the_same_branches_conflict() {
    let repo = Repo::new(false);
    repo.branch("alice", |r| r.tag("alice", 3, "claim", "a"));
    repo.branch("bob", |r| r.tag("bob", 3, "quote", "b"));
    merged_cleanly(&repo.merge("alice"));
    assert!(!repo.merge("bob").status.success());
}

#[test]
fn a_sidecar_that_does_not_parse_is_a_conflict_and_nothing_broken_is_written() {
    let repo = Repo::new(true);
    repo.tag("base", 1, "claim", "");
    repo.commit("tag");
    repo.branch("alice", |r| r.tag("alice", 2, "quote", ""));
    repo.branch("bob", |r| {
        let path = r.sidecar_path();
        let text = fs::read_to_string(&path).unwrap();
        fs::write(&path, text.replace("tags:", "tags::")).unwrap();
    });
    merged_cleanly(&repo.merge("alice"));
    let ours = fs::read(repo.sidecar_path()).unwrap();
    let output = repo.merge("bob");
    assert!(!output.status.success());
    assert!(repo.git(&["status", "--porcelain"]).contains("UU "));
    assert_eq!(fs::read(repo.sidecar_path()).unwrap(), ours);
    assert_eq!(repo.annotations().len(), 2);
}

/// The driver on its own: git passes an empty base when both branches created the file.
#[test]
fn an_empty_base_is_a_sidecar_without_annotations() {
    let repo = Repo::new(false);
    repo.tag("alice", 2, "claim", "");
    let ours_text = fs::read(repo.sidecar_path()).unwrap();
    fs::remove_file(repo.sidecar_path()).unwrap();
    repo.tag("bob", 6, "denial", "");
    let theirs_text = fs::read(repo.sidecar_path()).unwrap();
    let dir = repo.dir.path();
    let (base, ours, theirs) = (dir.join("O"), dir.join("A"), dir.join("B"));
    fs::write(&base, "").unwrap();
    fs::write(&ours, ours_text).unwrap();
    fs::write(&theirs, theirs_text).unwrap();
    driver(&base, &ours, &theirs).success();
    fs::copy(&ours, repo.sidecar_path()).unwrap();
    let units: Vec<usize> = repo.annotations().iter().map(|a| a.0).collect();
    assert_eq!(units, vec![2, 6]);
}

fn driver(base: &Path, ours: &Path, theirs: &Path) -> assert_cmd::assert::Assert {
    assert_cmd::Command::new(env!("CARGO_BIN_EXE_sidenote"))
        .env_clear()
        .arg("merge-driver")
        .args([base, ours, theirs])
        .assert()
}

#[test]
fn a_sidecar_from_a_newer_sidenote_is_refused_and_left_alone() {
    let repo = Repo::new(false);
    repo.tag("alice", 2, "claim", "");
    let text = fs::read_to_string(repo.sidecar_path()).unwrap();
    let dir = repo.dir.path();
    let (base, ours, theirs) = (dir.join("O"), dir.join("A"), dir.join("B"));
    fs::write(&base, &text).unwrap();
    fs::write(&ours, &text).unwrap();
    let newer = text.replacen("version: 1", "version: 99", 1);
    fs::write(&theirs, &newer).unwrap();
    driver(&base, &ours, &theirs)
        .failure()
        .stderr(predicates::str::contains("newer sidenote"));
    assert_eq!(fs::read_to_string(&ours).unwrap(), text);
}
