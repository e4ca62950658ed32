#![allow(clippy::unwrap_used)]
//! `sidenote completions SHELL` and `sidenote man`: generated from the same definitions that
//! parse the arguments, checked by running them as a shell and a man reader would.

use std::path::Path;
use std::process::Command as StdCommand;

use assert_cmd::Command;
use tempfile::TempDir;

fn sidenote(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("sidenote").unwrap();
    cmd.env_clear()
        .env("SIDENOTE_DATA_DIR", dir.join("data"))
        .env("SIDENOTE_CONFIG_DIR", dir.join("config"));
    cmd
}

fn stdout(dir: &Path, args: &[&str]) -> String {
    let output = sidenote(dir).args(args).output().unwrap();
    assert!(output.status.success(), "{args:?}: {output:?}");
    String::from_utf8(output.stdout).unwrap()
}

/// The subcommands `sidenote --help` lists, read from its "Commands:" block.
fn subcommands(dir: &Path) -> Vec<String> {
    let help = stdout(dir, &["--help"]);
    help.lines()
        .skip_while(|line| !line.starts_with("Commands:"))
        .skip(1)
        .take_while(|line| line.starts_with("  "))
        .filter_map(|line| line.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_owned)
        .collect()
}

/// What bash's completion offers after `words`, with the script sourced as a user would.
fn bash_completes(script: &Path, words: &[&str]) -> Vec<String> {
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let line = format!(
        "source {}; COMP_WORDS=({}); COMP_CWORD={}; _sidenote sidenote {} {}; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        script.display(),
        quoted.join(" "),
        words.len() - 1,
        quoted[words.len() - 1],
        quoted[words.len() - 2],
    );
    let output = StdCommand::new("bash")
        .args(["-c", &line])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn bash_completes_subcommands_and_options() {
    let dir = TempDir::new().unwrap();
    let script = dir.path().join("sidenote.bash");
    std::fs::write(&script, stdout(dir.path(), &["completions", "bash"])).unwrap();
    assert_eq!(bash_completes(&script, &["sidenote", "exp"]), ["export"]);
    let options = bash_completes(&script, &["sidenote", "tag", "--"]);
    for option in ["--sentence", "--tag", "--to", "--note"] {
        assert!(options.iter().any(|o| o == option), "{option}: {options:?}");
    }
    let formats = bash_completes(&script, &["sidenote", "export", "--format", ""]);
    assert!(formats.iter().any(|f| f == "w3c"), "{formats:?}");
}

#[test]
fn every_shell_gets_a_script_and_an_unknown_shell_is_refused() {
    let dir = TempDir::new().unwrap();
    for (shell, marker) in [
        ("bash", "complete -F _sidenote"),
        ("zsh", "#compdef sidenote"),
        ("fish", "complete -c sidenote"),
    ] {
        let script = stdout(dir.path(), &["completions", shell]);
        assert!(script.contains(marker), "{shell}: {script}");
        for name in subcommands(dir.path()) {
            assert!(script.contains(&name), "{shell} misses {name}");
        }
    }
    let refused = sidenote(dir.path())
        .args(["completions", "tcsh"])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("possible values"));
}

#[test]
fn the_man_page_has_a_section_for_every_subcommand_and_its_options() {
    let dir = TempDir::new().unwrap();
    let page = stdout(dir.path(), &["man"]);
    assert!(
        page.starts_with(".ie") || page.contains(".TH sidenote 1"),
        "{page}"
    );
    let names = subcommands(dir.path());
    assert!(names.len() >= 7, "{names:?}");
    for name in &names {
        let heading = format!(".SH \"SIDENOTE {}\"", name.to_uppercase());
        assert!(page.contains(&heading), "no section for {name}");
        let help = stdout(dir.path(), &[name.as_str(), "--help"]);
        for option in help.split_whitespace().filter(|w| w.starts_with("--")) {
            let option = option.trim_end_matches(|c: char| !c.is_alphanumeric());
            let roff = option.replace('-', "\\-");
            assert!(
                page.contains(option) || page.contains(&roff),
                "{name}: {option} missing from the man page"
            );
        }
    }
}
