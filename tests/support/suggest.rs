//! Helpers of the suggester's table tests: an article from a text, and the proposal for one of
//! its units as tags and speaker.
#![allow(dead_code)]

use sidenote::article::Article;
use sidenote::suggest::suggest_all;

pub fn article(text: &str) -> Article {
    Article::parse("story.txt", text.as_bytes()).unwrap()
}

/// The proposal for unit `index` of `text`: its tags joined by commas, and its speaker.
pub fn proposal(text: &str, index: usize) -> (String, Option<String>) {
    let article = article(text);
    let all = suggest_all(&article);
    let unit = &all[index];
    let tags: Vec<&str> = unit.tags.iter().map(|tag| tag.name()).collect();
    (tags.join(","), unit.speaker.clone())
}

pub fn check(text: &str, index: usize, tags: &str, speaker: Option<&str>) {
    let (found, who) = proposal(text, index);
    assert_eq!(
        (found.as_str(), who.as_deref()),
        (tags, speaker),
        "unit {index} of {text:?}"
    );
}
