//! The W3C export validated against the W3C's own Web Annotation test schemas: every annotation
//! against each schema its `annotationMusts.test` lists, the page against `pageMusts.test`, the
//! collection against `collectionMusts.test`; and compared field by field with the sidecars.
//!
//! The schemas live in `../shared/w3c-annotation-tests` beside the repository and are read at test
//! time (never copied in); their `$ref`s are resolved from that folder, never from the network.
//! Where the folder is absent the tests that need it report "ignored" with the reason, except in
//! CI, where its absence is a failure. The harness is libtest-mimic, so that the decision is made
//! at run time and counted in the summary.
#![allow(clippy::unwrap_used)]

#[path = "export_support/check.rs"]
mod check;
#[allow(dead_code)]
#[path = "export_support/fixture.rs"]
mod fixture;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use jsonschema::{Retrieve, Uri, Validator};
use libtest_mimic::{Arguments, Completion, Failed, Trial};
use pretty_assertions::assert_eq;
use serde_json::{Value, json};

/// Where the W3C test schemas are: `../shared/w3c-annotation-tests` beside the repository.
fn suite() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/w3c-annotation-tests")
}

/// Whether the schema tests can run here. A clone of sidenote on its own has no schemas, and
/// those tests say "ignored" with the reason; CI has them beside the repository and fails
/// rather than skip them.
fn schemas_present() -> Result<bool, Failed> {
    let present = suite().join("annotations/annotationMusts.test").is_file();
    if !present && std::env::var_os("CI").is_some() {
        return Err(format!(
            "the W3C annotation test schemas are missing: expected them in {} (a checkout of \
             https://github.com/w3c/web-annotation-tests); CI must validate the W3C export",
            suite().display()
        )
        .into());
    }
    Ok(present)
}

/// A test that needs the schemas: run, or ignored with the reason where they are absent.
fn with_schemas(name: &str, test: fn()) -> Trial {
    Trial::ignorable_test(name, move || {
        if !schemas_present()? {
            return Ok(Completion::ignored_with(format!(
                "no W3C schemas in {}",
                suite().display()
            )));
        }
        test();
        Ok(Completion::Completed)
    })
}

fn main() -> std::process::ExitCode {
    let args = Arguments::from_args();
    let trials = vec![
        with_schemas(
            "every_exported_annotation_passes_the_w3c_musts",
            every_exported_annotation_passes_the_w3c_musts,
        ),
        with_schemas(
            "an_empty_library_is_a_valid_empty_collection",
            an_empty_library_is_a_valid_empty_collection,
        ),
        with_schemas(
            "the_musts_reject_a_broken_annotation",
            the_musts_reject_a_broken_annotation,
        ),
        Trial::test("annotations_match_the_sidecars", || {
            annotations_match_the_sidecars();
            Ok(())
        }),
    ];
    libtest_mimic::run(&args, trials).exit_code()
}

/// Serves every `$ref` from the suite's `definitions/` folder by file name.
struct Definitions(PathBuf);

impl Retrieve for Definitions {
    fn retrieve(
        &self,
        uri: &Uri<String>,
    ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let name = uri.path().as_str().rsplit('/').next().unwrap_or_default();
        let path = self.0.join("definitions").join(name);
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("{uri}: no local schema {}: {e}", path.display()))?;
        Ok(serde_json::from_str(&text)?)
    }
}

/// The validators a Musts test lists, with their file names.
fn musts(test: &str) -> Vec<(String, Validator)> {
    let suite = suite();
    let listed: Value =
        serde_json::from_str(&std::fs::read_to_string(suite.join(test)).unwrap()).unwrap();
    let assertions = listed["assertions"].as_array().unwrap();
    assert!(!assertions.is_empty());
    assertions
        .iter()
        .map(|name| {
            let name = name.as_str().unwrap();
            let path = suite.join(name);
            let schema: Value = serde_json::from_str(
                &std::fs::read_to_string(&path)
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display())),
            )
            .unwrap();
            let validator = jsonschema::options()
                .with_draft(jsonschema::Draft::Draft4)
                .should_validate_formats(true)
                .with_base_uri(format!("https://w3c-annotation-tests.invalid/{name}"))
                .with_retriever(Definitions(suite.clone()))
                .build(&schema)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            (name.to_owned(), validator)
        })
        .collect()
}

/// The assertions `instance` fails, as `schema: error` lines.
fn failures(validators: &[(String, Validator)], instance: &Value) -> Vec<String> {
    validators
        .iter()
        .flat_map(|(name, validator)| {
            validator
                .iter_errors(instance)
                .map(move |error| format!("{name}: {error}"))
        })
        .collect()
}

fn export(root: &Path, home: &Path, args: &[&str]) -> Value {
    let output = Command::cargo_bin("sidenote")
        .unwrap()
        .env("SIDENOTE_DATA_DIR", home.join("data"))
        .env("SIDENOTE_CONFIG_DIR", home.join("config"))
        .args(["export", "--format", "w3c"])
        .arg(root)
        .args(args)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    serde_json::from_slice(&output.stdout).unwrap()
}

/// Checks `collection` against every Musts test, annotation by annotation.
fn assert_conforms(collection: &Value) {
    let annotation_musts = musts("annotations/annotationMusts.test");
    let page_musts = musts("collections/pages/pageMusts.test");
    let collection_musts = musts("collections/collectionMusts.test");
    assert_eq!(
        failures(&collection_musts, collection),
        Vec::<String>::new()
    );
    let page = &collection["first"];
    assert_eq!(failures(&page_musts, page), Vec::<String>::new());
    let items = page["items"].as_array().unwrap();
    assert_eq!(collection["total"], items.len());
    for item in items {
        assert_eq!(
            failures(&annotation_musts, item),
            Vec::<String>::new(),
            "{item:#}"
        );
    }
}

fn every_exported_annotation_passes_the_w3c_musts() {
    let library = fixture::tagged_library();
    for offsets in ["code-points", "utf16"] {
        let collection = export(&library.root, library.dir.path(), &["--offsets", offsets]);
        assert!(collection["total"].as_u64().unwrap() > 0);
        assert_conforms(&collection);
    }
}

fn an_empty_library_is_a_valid_empty_collection() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("empty");
    std::fs::create_dir(&root).unwrap();
    let collection = export(&root, dir.path(), &[]);
    assert_eq!(collection["total"], 0);
    assert_conforms(&collection);
}

fn the_musts_reject_a_broken_annotation() {
    // Proves the validation above can fail: the same checks on a damaged annotation.
    let musts = musts("annotations/annotationMusts.test");
    let good = json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "urn:uuid:0190a1b2-c3d4-7e5f-8a9b-000000000001",
        "type": "Annotation",
        "created": "2025-03-01T10:00:00Z",
        "target": "file:///library/a.txt"
    });
    assert_eq!(failures(&musts, &good), Vec::<String>::new());
    for (key, bad) in [
        ("target", Value::Null),
        ("created", json!("yesterday")),
        ("@context", json!("http://example.org/other.jsonld")),
        ("id", json!("not a uri")),
    ] {
        let mut broken = good.clone();
        if bad.is_null() {
            broken.as_object_mut().unwrap().remove(key);
        } else {
            broken[key] = bad;
        }
        assert!(!failures(&musts, &broken).is_empty(), "{key} not checked");
    }
}

fn annotations_match_the_sidecars() {
    let library = fixture::tagged_library();
    let expected = check::expected(&library.root);
    for utf16 in [false, true] {
        let offsets = if utf16 { "utf16" } else { "code-points" };
        let collection = export(&library.root, library.dir.path(), &["--offsets", offsets]);
        let items = collection["first"]["items"].as_array().unwrap();
        assert_eq!(items.len(), expected.len());
        for item in items {
            let id = item["id"]
                .as_str()
                .unwrap()
                .strip_prefix("urn:uuid:")
                .unwrap();
            let want = &expected[id];
            let a = &want.annotation;
            assert_eq!(item["created"], check::rfc3339(a.created).as_str());
            assert_eq!(item["modified"], check::rfc3339(a.modified).as_str());
            assert_eq!(item["creator"], json!({"type": "Person", "name": a.author}));
            assert_eq!(item["status"], want.status);
            // The speaker is a term of sidenote's context, left out when nobody has said.
            if a.speaker.is_empty() {
                assert!(item.get("speaker").is_none(), "{item}");
            } else {
                assert_eq!(item["speaker"], a.speaker.as_str());
                assert_eq!(item["@context"][1]["speaker"], "sidenote:speaker");
            }
            let mut bodies: Vec<Value> = a
                .tags
                .iter()
                .map(|t| json!({"type": "TextualBody", "value": t.name(), "purpose": "tagging", "format": "text/plain"}))
                .collect();
            if !a.note.is_empty() {
                bodies.push(json!({"type": "TextualBody", "value": a.note, "purpose": "commenting", "format": "text/plain"}));
            }
            assert_eq!(item["body"], Value::Array(bodies));
            let target = &item["target"];
            let file = std::path::absolute(&want.file).unwrap();
            assert_eq!(target["source"], format!("file://{}", file.display()));
            let selectors = target["selector"].as_array().unwrap();
            let exact = selectors[0]["exact"].as_str().unwrap();
            assert_eq!(selectors[0]["type"], "TextQuoteSelector");
            if want.status == "orphaned" {
                assert_eq!(exact, a.anchor.exact);
                assert_eq!(selectors.len(), 1, "an orphan's old position would mislead");
            } else {
                assert_eq!(selectors[1]["type"], "TextPositionSelector");
                let start = selectors[1]["start"].as_u64().unwrap() as usize;
                let end = selectors[1]["end"].as_u64().unwrap() as usize;
                assert_eq!(check::text_at(&want.file, start, end, utf16), exact);
                let prefix = selectors[0]["prefix"].as_str().unwrap();
                let article = sidenote::library::read_article(Path::new(&want.file)).unwrap();
                assert!(article.text().contains(&format!("{prefix}{exact}")));
            }
        }
    }
}
