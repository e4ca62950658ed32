#![allow(clippy::unwrap_used)]
//! Loading articles: encodings, errors, metadata forms, structure, Markdown and control
//! characters, checked through the public `Article` API.

use pretty_assertions::assert_eq;
use rstest::rstest;
use sidenote::article::{Article, ArticleError, SourceEncoding, UnitKind};

use UnitKind::{Heading, Sentence, Title};

fn parse(name: &str, text: &str) -> Article {
    Article::parse(name, text.as_bytes()).unwrap()
}

/// Every unit as (kind, paragraph, display text).
fn units(article: &Article) -> Vec<(UnitKind, usize, String)> {
    (0..article.units().len())
        .map(|i| {
            let unit = article.units()[i];
            (
                unit.kind,
                unit.paragraph,
                article.unit_text(i).unwrap().into_owned(),
            )
        })
        .collect()
}

fn u(kind: UnitKind, paragraph: usize, text: &str) -> (UnitKind, usize, String) {
    (kind, paragraph, text.to_owned())
}

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut units: Vec<u16> = Vec::new();
    if bom {
        units.push(0xFEFF);
    }
    units.extend(text.encode_utf16());
    units
        .into_iter()
        .flat_map(|unit| {
            if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Decoding

#[test]
fn utf8_bom_stays_in_text_and_offsets_count_it() {
    let article = parse("a.txt", "\u{FEFF}First one. Second one.\n");
    assert_eq!(article.encoding(), SourceEncoding::Utf8);
    assert!(article.text().starts_with('\u{FEFF}'));
    let first = article.units()[0];
    assert_eq!(first.start, 3, "the BOM is three bytes");
    assert_eq!(article.chars().char_of_byte(article.text(), first.start), 1);
    assert_eq!(article.unit_text(0).unwrap(), "First one.");
}

#[test]
fn crlf_offsets_point_into_the_file_and_display_has_no_cr() {
    let text = "Title line\r\n\r\nThe first sentence.\r\nThe second sentence.\r\n";
    let article = parse("a.txt", text);
    assert_eq!(article.text(), text);
    let got = units(&article);
    assert_eq!(
        got,
        vec![
            u(Title, 0, "Title line"),
            u(Sentence, 1, "The first sentence."),
            u(Sentence, 2, "The second sentence."),
        ]
    );
    for (i, unit) in article.units().iter().enumerate() {
        let source = article.unit_source(i).unwrap();
        assert!(!source.contains('\r'), "{source:?}");
        assert_eq!(&text[unit.range()], source);
    }
    assert_eq!(article.units()[1].start, text.find("The first").unwrap());
}

#[test]
fn crlf_hard_wrapped_paragraph_joins_lines() {
    let line = "word ".repeat(14);
    let text = format!("{line}\r\nends here. And {line}\r\nmore words to finish it all.\r\n");
    let article = parse("a.txt", &text);
    assert_eq!(article.units().len(), 2);
    assert!(article.units().iter().all(|u| u.paragraph == 0));
    assert!(!article.unit_text(0).unwrap().contains('\r'));
}

#[rstest]
#[case::utf16le_bom(utf16("Hello “world”. Second.", false, true), SourceEncoding::Utf16Le)]
#[case::utf16be_bom(utf16("Hello “world”. Second.", true, true), SourceEncoding::Utf16Be)]
#[case::utf16le_no_bom(utf16("Hello “world”. Second.", false, false), SourceEncoding::Utf16Le)]
#[case::utf16be_no_bom(utf16("Hello “world”. Second.", true, false), SourceEncoding::Utf16Be)]
fn utf16_is_decoded_with_its_name(#[case] bytes: Vec<u8>, #[case] encoding: SourceEncoding) {
    let article = Article::parse("a.txt", &bytes).unwrap();
    assert_eq!(article.encoding(), encoding);
    assert!(
        article
            .text()
            .trim_start_matches('\u{FEFF}')
            .starts_with("Hello “world”.")
    );
    assert_eq!(article.unit_text(0).unwrap(), "Hello “world”.");
    let warning = encoding.warning().unwrap();
    assert!(warning.contains(encoding.label()), "{warning}");
}

#[test]
fn utf16_bom_is_kept_as_a_character() {
    let article = Article::parse("a.txt", &utf16("Hi there.", false, true)).unwrap();
    assert!(article.text().starts_with('\u{FEFF}'));
    assert_eq!(
        article
            .chars()
            .char_of_byte(article.text(), article.units()[0].start),
        1
    );
}

#[test]
fn invalid_utf8_is_windows_1252_with_a_warning() {
    // “Café” in Windows-1252: smart quotes 0x93/0x94 and é 0xE9.
    let bytes = b"\x93Caf\xe9\x94 is open. It is 5\x80 a cup.\n";
    let article = Article::parse("a.txt", bytes).unwrap();
    assert_eq!(article.encoding(), SourceEncoding::Windows1252);
    assert_eq!(article.unit_text(0).unwrap(), "“Café” is open.");
    assert_eq!(article.unit_text(1).unwrap(), "It is 5€ a cup.");
    assert!(
        SourceEncoding::Windows1252
            .warning()
            .unwrap()
            .contains("Windows-1252")
    );
    assert_eq!(SourceEncoding::Utf8.warning(), None);
}

#[rstest]
#[case::png(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10".to_vec(), 8)]
#[case::nul_in_text(b"Some text\0 with a NUL byte in it.".to_vec(), 9)]
#[case::odd_utf16_like(b"a\0b\0c".to_vec(), 1)]
fn binary_is_an_error_naming_the_file(#[case] bytes: Vec<u8>, #[case] offset: usize) {
    let error = Article::parse("photo.txt", &bytes).unwrap_err();
    assert_eq!(
        error,
        ArticleError::Binary {
            name: "photo.txt".into(),
            offset
        }
    );
    let message = error.to_string();
    assert!(
        message.contains("photo.txt") && message.contains("binary"),
        "{message}"
    );
}

#[rstest]
#[case::empty(b"".to_vec())]
#[case::spaces(b"   \n\t\r\n  ".to_vec())]
#[case::bom_only(b"\xEF\xBB\xBF\n".to_vec())]
#[case::utf16_bom_only(vec![0xFF, 0xFE])]
fn empty_is_an_error_naming_the_file(#[case] bytes: Vec<u8>) {
    let error = Article::parse("blank.txt", &bytes).unwrap_err();
    assert_eq!(
        error,
        ArticleError::Empty {
            name: "blank.txt".into()
        }
    );
    assert!(error.to_string().contains("blank.txt"));
}

// ---------------------------------------------------------------------------------------------
// Metadata forms

#[test]
fn front_matter_fills_metadata_and_is_not_units() {
    let text = "---\ntitle: \"Troops captured\"\ndate: 2025-01-13\nsource: Yonhap\nurl: https://example.com/a\nauthor: Kim\nunknown: x\n---\n\nTroops captured\n\nThe first sentence. The second.\n";
    let article = parse("a.md", text);
    let meta = article.metadata();
    assert_eq!(meta.title, "Troops captured");
    assert_eq!(meta.date.as_deref(), Some("2025-01-13"));
    assert_eq!(meta.source.as_deref(), Some("Yonhap"));
    assert_eq!(meta.url.as_deref(), Some("https://example.com/a"));
    assert_eq!(meta.author.as_deref(), Some("Kim"));
    assert_eq!(
        units(&article),
        vec![
            u(Title, 0, "Troops captured"),
            u(Sentence, 1, "The first sentence."),
            u(Sentence, 1, "The second."),
        ]
    );
}

#[test]
fn front_matter_title_differing_from_the_first_heading_keeps_it_a_heading() {
    let text = "---\ntitle: The real title\n---\n# Background\n\nText here.\n";
    let article = parse("a.md", text);
    assert_eq!(article.metadata().title, "The real title");
    assert_eq!(
        units(&article),
        vec![u(Heading, 0, "Background"), u(Sentence, 1, "Text here.")]
    );
}

#[test]
fn unclosed_front_matter_is_text() {
    let article = parse("a.txt", "---\ntitle: nope\n\nA sentence here.\n");
    assert_eq!(article.metadata().date, None);
    assert!(units(&article).contains(&u(Sentence, 1, "A sentence here.")));
}

#[test]
fn date_title_line_gives_date_and_title() {
    let article = parse(
        "a.txt",
        " date 2025-01-13 300 soldiers killed: Report\nFirst sentence here. Second one.\n",
    );
    assert_eq!(article.metadata().date.as_deref(), Some("2025-01-13"));
    assert_eq!(article.metadata().title, "300 soldiers killed: Report");
    assert_eq!(article.units()[0].kind, Title);
    assert_eq!(
        article.unit_source(0).unwrap(),
        "300 soldiers killed: Report"
    );
}

#[test]
fn date_line_is_metadata_not_a_unit() {
    let article = parse(
        "a.txt",
        "Spy agency briefs lawmakers\n\nJanuary 13, 2025\n\nThe agency spoke on Monday.\n",
    );
    assert_eq!(article.metadata().date.as_deref(), Some("January 13, 2025"));
    assert_eq!(
        units(&article),
        vec![
            u(Title, 0, "Spy agency briefs lawmakers"),
            u(Sentence, 1, "The agency spoke on Monday."),
        ]
    );
}

#[test]
fn repeated_title_is_one_unit() {
    let article = parse(
        "a.txt",
        "Casualties Rise in War\nCasualties Rise in War\nThe first sentence is here.\n",
    );
    assert_eq!(article.metadata().title, "Casualties Rise in War");
    assert_eq!(
        units(&article),
        vec![
            u(Title, 0, "Casualties Rise in War"),
            u(Sentence, 1, "The first sentence is here."),
        ]
    );
}

#[test]
fn summary_before_repeated_title_stays_a_sentence() {
    let article = parse(
        "a.txt",
        "A one-line summary of the story.\nCasualties Rise in War\nCasualties Rise in War\nBody text.\n",
    );
    assert_eq!(article.metadata().title, "Casualties Rise in War");
    assert_eq!(
        units(&article),
        vec![
            u(Sentence, 0, "A one-line summary of the story."),
            u(Title, 1, "Casualties Rise in War"),
            u(Sentence, 2, "Body text."),
        ]
    );
}

#[test]
fn no_title_falls_back_to_the_first_sentence_shortened() {
    let article = parse(
        "a.txt",
        "As many as 300 North Korean soldiers are said to have been killed by the endless war in Ukraine. More.\n",
    );
    assert_eq!(
        article.metadata().title,
        "As many as 300 North Korean soldiers are said to have been killed by the endless…"
    );
    assert!(article.units().iter().all(|unit| unit.kind == Sentence));
}

#[test]
fn nothing_but_front_matter_falls_back_to_the_file_name() {
    let article = parse("/tmp/x/notes.txt", "---\ndate: 2025-01-13\n---\n");
    assert!(article.units().is_empty());
    assert_eq!(article.metadata().title, "notes.txt");
    assert_eq!(article.metadata().source, None);
}

#[rstest]
#[case::kremlin(
    "kremlin-silent-on-captured-soldiers.txt",
    "As many as 300 North Korean soldiers are said to have been killed by the endless…",
    None,
    None
)]
#[case::lawmaker(
    "lawmaker-cites-spy-agency-300-dead.txt",
    "Around 300 North Korean soldiers have been killed and 2,700 wounded while…",
    None,
    None
)]
#[case::mp_reports(
    "mp-reports-100-killed-1000-injured.txt",
    "North Korean Casualties Rise as Soldiers Engage in Ukraine War",
    None,
    Some(1)
)]
#[case::nis(
    "nis-briefs-parliamentary-committee.txt",
    "Around 300 N.K. soldiers killed, 2,700 wounded during fight against Ukraine: S. Korea’s spy agency",
    Some("January 13, 2025"),
    Some(0)
)]
#[case::storm(
    "storm-corps-ordered-to-kill-themselves.txt",
    "300 North Korean soldiers killed in Ukraine: Report",
    Some("2025-01-13"),
    Some(0)
)]
fn samples_have_their_title_and_date(
    #[case] file: &str,
    #[case] title: &str,
    #[case] date: Option<&str>,
    #[case] title_unit: Option<usize>,
) {
    let path = format!("{}/assets/samples/{file}", env!("CARGO_MANIFEST_DIR"));
    let article = Article::parse(file, &std::fs::read(path).unwrap()).unwrap();
    assert_eq!(article.metadata().title, title);
    assert_eq!(article.metadata().date.as_deref(), date);
    assert_eq!(article.metadata().source, None);
    let titles: Vec<usize> = (0..article.units().len())
        .filter(|&i| article.units()[i].kind == Title)
        .collect();
    assert_eq!(titles, title_unit.into_iter().collect::<Vec<_>>());
    if let Some(i) = title_unit {
        assert_eq!(article.unit_text(i).unwrap(), title);
    }
}

// ---------------------------------------------------------------------------------------------
// Structure

#[test]
fn hard_wrapped_paragraphs_join_and_blank_lines_separate() {
    let text = "Seoul has previously claimed North Korean leader Kim Jong Un sent more than 10,000 soldiers\nto help Moscow fight Kyiv in return for Russian technical assistance for Pyongyang's heavily\nsanctioned weapons and satellite programs.\n\nOver the weekend, Ukrainian President Volodymyr Zelensky said Kyiv captured two North\nKorean soldiers, releasing a video of the injured combatants being interrogated and raising\nthe possibility of a prisoner swap for captured Ukrainian troops.\n \"The deployment has reportedly expanded,\" lawmaker Lee Seong-kweun told reporters after a\nbriefing from the spy agency.\n";
    let article = parse("a.txt", text);
    let got = units(&article);
    assert_eq!(got.len(), 3, "{got:#?}");
    assert_eq!(got[0].1, 0);
    assert!(got[0].2.starts_with("Seoul has previously") && got[0].2.ends_with("programs."));
    assert_eq!(got[1].1, 1);
    assert!(
        got[1].2.contains("North Korean soldiers"),
        "a wrap joins with one space"
    );
    // An indented line after a finished sentence opens a new paragraph.
    assert_eq!(got[2].1, 2);
    assert!(got[2].2.starts_with("\"The deployment"));
}

#[test]
fn one_paragraph_per_line_files_split_at_every_line() {
    let text = "What's the story\nAround 300 soldiers have been killed and some 2,700 injured while fighting alongside Russian forces in the war.\nA South Korean lawmaker revealed this information, citing data from Seoul's National Intelligence Service.\nDeployment details\nThe soldiers were ordered to kill themselves rather than be captured by Ukrainian forces in Kursk.\n";
    let article = parse("a.txt", text);
    let kinds: Vec<(UnitKind, usize)> = article
        .units()
        .iter()
        .map(|u| (u.kind, u.paragraph))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (Title, 0),
            (Sentence, 1),
            (Sentence, 2),
            (Heading, 3),
            (Sentence, 4)
        ]
    );
}

#[test]
fn a_lone_short_line_is_a_heading() {
    let text = "The first paragraph ends here.\n\nRelated article: Zelensky ‘Ready’ to Hand POWs\n\nThe next paragraph.\n";
    let article = parse("a.txt", text);
    assert_eq!(
        units(&article),
        vec![
            u(Sentence, 0, "The first paragraph ends here."),
            u(Heading, 1, "Related article: Zelensky ‘Ready’ to Hand POWs"),
            u(Sentence, 2, "The next paragraph."),
        ]
    );
}

#[test]
fn units_never_cross_a_paragraph_break() {
    // No final punctuation before the blank line: the sentence must still end there.
    let text = "First paragraph without an end\n\nsecond paragraph goes on. And on.\n";
    let article = parse("a.txt", text);
    let got = units(&article);
    assert_eq!(got[0].2, "First paragraph without an end");
    assert!(got.iter().skip(1).all(|unit| unit.1 > got[0].1));
}

// ---------------------------------------------------------------------------------------------
// Markdown

#[test]
fn markdown_reads_cleanly_while_offsets_point_at_the_markup() {
    let text = "# Troops *captured* in Kursk\n\n## Background\n\nThe **spy agency** said [the report](https://example.com/a.html) was `final`. It _stood_ by it.\n\n- First item of a list\n- Second item, with a [link](x)\n\n1. Numbered one\n2. Numbered two\n\n> A quoted sentence. Another quoted\n> sentence here.\n\n---\n\nSetext heading\n--------------\n\nThe end.\n";
    let article = parse("a.md", text);
    assert_eq!(
        units(&article),
        vec![
            u(Title, 0, "Troops captured in Kursk"),
            u(Heading, 1, "Background"),
            u(Sentence, 2, "The spy agency said the report was final."),
            u(Sentence, 2, "It stood by it."),
            u(Sentence, 3, "First item of a list"),
            u(Sentence, 4, "Second item, with a link"),
            u(Sentence, 5, "Numbered one"),
            u(Sentence, 6, "Numbered two"),
            u(Sentence, 7, "A quoted sentence."),
            u(Sentence, 7, "Another quoted sentence here."),
            u(Heading, 8, "Setext heading"),
            u(Sentence, 9, "The end."),
        ]
    );
    assert_eq!(article.metadata().title, "Troops captured in Kursk");
    assert_eq!(
        article.unit_source(0).unwrap(),
        "Troops *captured* in Kursk"
    );
    assert!(article.unit_source(2).unwrap().contains("**spy agency**"));
    assert_eq!(
        article.unit_source(9).unwrap(),
        "Another quoted\n> sentence here."
    );
}

#[test]
fn plain_text_using_markdown_is_read_as_markdown() {
    let article = parse(
        "notes.txt",
        "# Title\n\nSee [the link](http://a.b/c). Done.\n",
    );
    assert!(article.is_markdown());
    assert_eq!(article.unit_text(1).unwrap(), "See the link.");
}

#[test]
fn plain_text_keeps_its_stars_and_brackets() {
    let article = parse("notes.txt", "Five * three [sic] is 15. Yes.\n");
    assert!(!article.is_markdown());
    assert_eq!(article.unit_text(0).unwrap(), "Five * three [sic] is 15.");
}

#[test]
fn fenced_code_lines_are_units_of_their_own() {
    let text = "Intro text.\n\n```\nlet x = 1;\nlet y = 2;\n```\n\nOutro text.\n";
    let article = parse("a.md", text);
    assert_eq!(
        units(&article),
        vec![
            u(Sentence, 0, "Intro text."),
            u(Sentence, 1, "let x = 1;"),
            u(Sentence, 2, "let y = 2;"),
            u(Sentence, 3, "Outro text."),
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// Control characters

#[rstest]
#[case::csi("He said \u{1B}[31mred\u{1B}[0m things.", "He said red things.")]
#[case::clear_screen("Danger\u{1B}[2J\u{1B}[H ahead.", "Danger ahead.")]
#[case::osc_title("Title \u{1B}]0;owned\u{07}set.", "Title set.")]
#[case::osc_hyperlink(
    "A \u{1B}]8;;http://evil\u{1B}\\link\u{1B}]8;;\u{1B}\\ here.",
    "A link here."
)]
#[case::bell("Ring\u{07} ring.", "Ring\u{FFFD} ring.")]
#[case::c1("Next\u{9B}2Jline.", "Nextline.")]
#[case::c1_plain("Odd\u{90} char.", "Odd\u{FFFD} char.")]
#[case::bidi("Evil \u{202E}txet desrever\u{202C} here.", "Evil txet desrever here.")]
#[case::isolate("An \u{2067}isolate\u{2069} here.", "An isolate here.")]
#[case::bidi_marks("A \u{200F}mark\u{200E}ed\u{061C} word.", "A marked word.")]
#[case::zero_width("Zero\u{200B}width\u{2060} here.", "Zerowidth here.")]
fn control_characters_never_reach_display(#[case] sentence: &str, #[case] display: &str) {
    let text = format!("{sentence}\n");
    let article = parse("a.txt", &text);
    assert_eq!(article.unit_text(0).unwrap(), display);
    let shown = article.unit_text(0).unwrap();
    assert!(!shown.chars().any(|c| c.is_control()), "{shown:?}");
    // Offsets stay true to the file: the source slice still holds the raw characters.
    assert_eq!(article.unit_source(0).unwrap(), sentence);
}

#[test]
fn tab_inside_a_sentence_folds_to_a_space() {
    let article = parse("a.txt", "Tab\there.\n");
    assert_eq!(article.unit_text(0).unwrap(), "Tab here.");
}

#[test]
fn unit_at_byte_finds_the_containing_unit() {
    let article = parse("a.txt", "One sentence.\n\nTwo sentence.\n");
    assert_eq!(article.unit_at_byte(0), Some(0));
    assert_eq!(article.unit_at_byte(14), Some(1));
    assert_eq!(article.unit_at_byte(article.text().len()), None);
}

#[test]
fn one_overlong_line_does_not_widen_the_wrap() {
    // Wrapped at 70 columns; one sentence ends at a line end inside the paragraph, and a long
    // URL line elsewhere must not make that line end look deliberate.
    let text = "The agency said that hundreds of soldiers had been killed in the fight.\n\
Officials did not say how the figure was reached, but they added more\n\
detail about the wounded and the captured soldiers in a later briefing\n\
that took place on Monday afternoon in Seoul before the committee met.\n\
\n\
The full report can be read on the website of the agency at the address\n\
https://example.com/a/very/long/path/that/goes/on/and/on/for/quite/a/while/longer/than/any/line/of/text.html\n\
for anyone who wants to check the figures that were given to lawmakers.\n\
\n\
The second paragraph is here and it is also wrapped at seventy columns\n\
so that the shape of the file is clear to anyone who reads it closely.\n";
    let article = parse("a.txt", text);
    let paragraph_of = |word: &str| {
        let i = (0..article.units().len())
            .find(|&i| article.unit_source(i).unwrap().contains(word))
            .unwrap();
        article.units()[i].paragraph
    };
    assert_eq!(paragraph_of("Officials"), 0, "{:#?}", units(&article));
    assert_eq!(paragraph_of("full report"), 1);
    assert_eq!(paragraph_of("for anyone"), 1);
    assert_eq!(paragraph_of("second paragraph"), 2);
}

#[test]
fn a_heading_on_top_of_a_wrapped_paragraph_stands_apart() {
    let text = "The agency said that hundreds of soldiers had been killed in the fight\n\
and that thousands more were wounded during the months of the campaign.\n\
\n\
Deployment details\n\
North Korean forces reached the Kursk region early in the winter, and the\n\
casualties among them rose quickly as the fighting went on into January.\n";
    let article = parse("a.txt", text);
    assert_eq!(
        units(&article),
        vec![
            u(
                Sentence,
                0,
                "The agency said that hundreds of soldiers had been killed in the fight and that thousands more were wounded during the months of the campaign."
            ),
            u(Heading, 1, "Deployment details"),
            u(
                Sentence,
                2,
                "North Korean forces reached the Kursk region early in the winter, and the casualties among them rose quickly as the fighting went on into January."
            ),
        ]
    );
}

#[test]
fn a_wrapped_line_starting_with_a_number_is_not_a_list_item() {
    let text = "The two countries have boosted their military cooperation since the\n\
2022. That year Russia launched its invasion of Ukraine, and the\n\
cooperation has grown in the years that followed it, officials said.\n";
    let article = parse("a.txt", text);
    assert!(
        article.units().iter().all(|unit| unit.paragraph == 0),
        "{:#?}",
        units(&article)
    );
    assert!(
        article
            .unit_text(0)
            .unwrap()
            .starts_with("The two countries")
    );
}

#[test]
fn a_list_after_a_finished_sentence_is_a_list_in_plain_text() {
    let text = "The agency listed three findings in its report to the committee:\n\
- soldiers lacked drone training\n\
- commanders ordered suicide over capture\n\
- families were promised food\n";
    let article = parse("a.txt", text);
    let got = units(&article);
    assert_eq!(got.len(), 4, "{got:#?}");
    assert_eq!(got[1], u(Sentence, 1, "soldiers lacked drone training"));
    assert_eq!(got[3], u(Sentence, 3, "families were promised food"));
}

#[test]
fn utf8_with_a_stray_byte_keeps_its_accents_and_warns() {
    let mut bytes = "Seoul’s spy agency said so. Café owners agreed.\n"
        .as_bytes()
        .to_vec();
    bytes.insert(3, 0x80);
    let article = Article::parse("a.txt", &bytes).unwrap();
    assert_eq!(article.encoding(), SourceEncoding::Utf8WithErrors);
    assert_eq!(
        article.unit_text(0).unwrap(),
        "Seo\u{FFFD}ul’s spy agency said so."
    );
    assert_eq!(article.unit_text(1).unwrap(), "Café owners agreed.");
    assert!(
        article
            .encoding()
            .warning()
            .unwrap()
            .contains("not valid UTF-8")
    );
}

#[test]
fn front_matter_after_a_bom_with_crlf() {
    let text = "\u{FEFF}---\r\ntitle: Troops\r\nsource: 'Yonhap'\r\n---\r\nTroops\r\n\r\nBody text here.\r\n";
    let article = parse("a.txt", text);
    assert_eq!(article.metadata().source.as_deref(), Some("Yonhap"));
    assert_eq!(
        units(&article),
        vec![u(Title, 0, "Troops"), u(Sentence, 1, "Body text here.")]
    );
}

#[test]
fn a_date_and_title_line_followed_by_the_title_again_keeps_one_title() {
    let text =
        "date 2025-01-13 Troops captured in Kursk\nTroops captured in Kursk\nBody text here.\n";
    let article = parse("a.txt", text);
    assert_eq!(
        units(&article),
        vec![
            u(Title, 0, "Troops captured in Kursk"),
            u(Sentence, 1, "Body text here."),
        ]
    );
}

#[test]
fn utf16_odd_trailing_byte_is_replaced_not_dropped_silently() {
    let mut bytes = utf16("Hello there.", false, true);
    bytes.push(b'x');
    let article = Article::parse("a.txt", &bytes).unwrap();
    assert_eq!(article.encoding(), SourceEncoding::Utf16Le);
    assert!(article.text().ends_with('\u{FFFD}'));
}
