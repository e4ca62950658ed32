//! The sentence splitter on hand-checked news paragraphs, and its invariants on arbitrary text.
#![allow(clippy::unwrap_used)]

use proptest::prelude::*;
use rstest::rstest;
use sidenote::article::segment::{sentences, sentences_into};

fn split(paragraph: &str) -> Vec<&str> {
    sentences(paragraph)
        .into_iter()
        .map(|range| &paragraph[range])
        .collect()
}

#[rstest]
// Titles never end a sentence.
#[case::mr("Mr. Smith arrived. He sat down.", &["Mr. Smith arrived.", "He sat down."])]
#[case::mrs_ms_dr("Mrs. Jones and Ms. Lee met Dr. Patel.", &["Mrs. Jones and Ms. Lee met Dr. Patel."])]
#[case::prof_dr("Prof. Kim spoke first. Then Dr. Park replied.", &["Prof. Kim spoke first.", "Then Dr. Park replied."])]
#[case::rep_korean_name(
    "Rep. Lee Seong-kweun of the ruling People Power Party spoke.",
    &["Rep. Lee Seong-kweun of the ruling People Power Party spoke."]
)]
#[case::sen_gen("Sen. Warren and Gen. Milley testified on Tuesday.", &["Sen. Warren and Gen. Milley testified on Tuesday."])]
#[case::lt_col_gov(
    "Lt. Col. Vindman was there. So was Gov. Newsom.",
    &["Lt. Col. Vindman was there.", "So was Gov. Newsom."]
)]
#[case::saint("They met at St. Peter's Basilica. It was crowded.", &["They met at St. Peter's Basilica.", "It was crowded."])]
#[case::capt_sgt("The patrol was led by Capt. Miller and Sgt. Horvath.", &["The patrol was led by Capt. Miller and Sgt. Horvath."])]
#[case::messrs("Messrs. Smith and Wesson founded the firm.", &["Messrs. Smith and Wesson founded the firm."])]
#[case::rev_dr_jr("The Rev. Dr. Martin Luther King Jr. spoke.", &["The Rev. Dr. Martin Luther King Jr. spoke."])]
#[case::title_hard_wrap("Sen.\nWarren spoke. Then\nshe left.", &["Sen.\nWarren spoke.", "Then\nshe left."])]
#[case::hyphenated_title("ex-Gov. Cuomo denied it. His lawyer agreed.", &["ex-Gov. Cuomo denied it.", "His lawyer agreed."])]
#[case::title_before_capital_starter("Amb. The Honourable Jane Doe arrived.", &["Amb. The Honourable Jane Doe arrived."])]
#[case::title_in_parentheses("The envoy (Amb. Linda Thomas-Greenfield) spoke.", &["The envoy (Amb. Linda Thomas-Greenfield) spoke."])]
#[case::a_sales_rep_ends("He is a sales rep. He travels a lot.", &["He is a sales rep.", "He travels a lot."])]
// Months and dates.
#[case::month_then_number_ends(
    "The vote is set for Jan. 20. Lawmakers are divided.",
    &["The vote is set for Jan. 20.", "Lawmakers are divided."]
)]
#[case::months_inside("Talks resumed on Feb. 3 and ended Aug. 15, 2024.", &["Talks resumed on Feb. 3 and ended Aug. 15, 2024."])]
#[case::sept_oct(
    "The law took effect in Sept. 2023. It was repealed in Oct. 2024.",
    &["The law took effect in Sept. 2023.", "It was repealed in Oct. 2024."]
)]
#[case::month_ends_sentence(
    "Sales peaked in Dec. The decline began soon after.",
    &["Sales peaked in Dec.", "The decline began soon after."]
)]
#[case::month_before_a_noun_ends(
    "The aid arrived in Feb. Supplies ran out within days.",
    &["The aid arrived in Feb.", "Supplies ran out within days."]
)]
#[case::month_before_a_name_ends(
    "Talks stalled in Sept. Negotiators blamed Moscow.",
    &["Talks stalled in Sept.", "Negotiators blamed Moscow."]
)]
#[case::month_before_lower_case_goes_on("The cuts came in Jan. and Feb. of last year.", &["The cuts came in Jan. and Feb. of last year."])]
#[case::month_opening_phrase_goes_on("By Feb. Ministers had agreed.", &["By Feb. Ministers had agreed."])]
#[case::month_date_comma("He was born Mar. 3, 1990, in Ohio.", &["He was born Mar. 3, 1990, in Ohio."])]
#[case::date_line("January 13, 2025", &["January 13, 2025"])]
// Abbreviations before numbers.
#[case::number_sign(
    "He is the No. 2 official at the agency. No one disputes that.",
    &["He is the No. 2 official at the agency.", "No one disputes that."]
)]
#[case::fig_page("See Fig. 3 and p. 12 for details.", &["See Fig. 3 and p. 12 for details."])]
#[case::word_no_ends("The answer was no. The board moved on.", &["The answer was no.", "The board moved on."])]
#[case::capital_no_ends("Her answer was a firm No. The board moved on.", &["Her answer was a firm No.", "The board moved on."])]
#[case::apartment("They live at 10 Main St., Apt. 4B, in Boston.", &["They live at 10 Main St., Apt. 4B, in Boston."])]
#[case::volume("Vol. 2 of the memoir sold well. Critics loved it.", &["Vol. 2 of the memoir sold well.", "Critics loved it."])]
#[case::ranked_no_one("The boxer, ranked No. 1, lost. He retired.", &["The boxer, ranked No. 1, lost.", "He retired."])]
#[case::flight_number("He was on Flight No. 370 to Beijing.", &["He was on Flight No. 370 to Beijing."])]
// Connectors that never end a sentence.
#[case::versus_v("The case Roe v. Wade was overturned. Protests followed.", &["The case Roe v. Wade was overturned.", "Protests followed."])]
#[case::versus("It was Brazil vs. Argentina in the final.", &["It was Brazil vs. Argentina in the final."])]
#[case::eg("Bring snacks (e.g. Nuts or fruit) to the meeting.", &["Bring snacks (e.g. Nuts or fruit) to the meeting."])]
#[case::ie_comma("Several allies, i.e., Britain and France, objected.", &["Several allies, i.e., Britain and France, objected."])]
#[case::ie_capital("Several allies, i.e. Britain and France, objected.", &["Several allies, i.e. Britain and France, objected."])]
#[case::approx("The crowd numbered approx. 5,000 people.", &["The crowd numbered approx. 5,000 people."])]
#[case::established("The building, est. 1887, was demolished.", &["The building, est. 1887, was demolished."])]
#[case::compare("Compare the figures (cf. Table 2) before voting.", &["Compare the figures (cf. Table 2) before voting."])]
#[case::et_al(
    "The study by Smith et al. found no link. It was retracted.",
    &["The study by Smith et al. found no link.", "It was retracted."]
)]
// Company and name suffixes: they end a sentence before a new one.
#[case::inc_ends("The suit names Acme Inc. The company declined to comment.", &["The suit names Acme Inc.", "The company declined to comment."])]
#[case::inc_chief_executive("Apple Inc. Chief Executive Tim Cook spoke.", &["Apple Inc. Chief Executive Tim Cook spoke."])]
#[case::co_ltd("Samsung Electronics Co. Ltd. reported record profit.", &["Samsung Electronics Co. Ltd. reported record profit."])]
#[case::corp_lower(
    "Shares of Microsoft Corp. rose 3%. Analysts were surprised.",
    &["Shares of Microsoft Corp. rose 3%.", "Analysts were surprised."]
)]
#[case::etc_ends("They sell apples, pears, etc. The market opens at dawn.", &["They sell apples, pears, etc.", "The market opens at dawn."])]
#[case::etc_inside("They sell apples, pears, etc. and close at noon.", &["They sell apples, pears, etc. and close at noon."])]
#[case::etc_before_noun("Goods include tea, coffee, etc. Prices vary.", &["Goods include tea, coffee, etc.", "Prices vary."])]
#[case::jr_day(
    "The parade marks Martin Luther King Jr. Day. Schools are closed.",
    &["The parade marks Martin Luther King Jr. Day.", "Schools are closed."]
)]
#[case::jr_ends("The award went to Robert Downey Jr. He thanked his wife.", &["The award went to Robert Downey Jr.", "He thanked his wife."])]
#[case::ltd_shares("He works for Acme Ltd. Shares in the firm fell.", &["He works for Acme Ltd.", "Shares in the firm fell."])]
#[case::corp_a("He sued Foo Corp. A hearing is set for May.", &["He sued Foo Corp.", "A hearing is set for May."])]
#[case::co_its("The firm is Acme Co. Its rivals are larger.", &["The firm is Acme Co.", "Its rivals are larger."])]
#[case::corp_president("Sony Corp. President Kenichiro Yoshida resigned.", &["Sony Corp. President Kenichiro Yoshida resigned."])]
#[case::avenue("The shop is on Baker Ave. Customers queue early.", &["The shop is on Baker Ave.", "Customers queue early."])]
#[case::units_inside("The fish weighed 12 lbs. and measured 3 ft. long.", &["The fish weighed 12 lbs. and measured 3 ft. long."])]
#[case::units_end("The flight took 9 hrs. The passengers were exhausted.", &["The flight took 9 hrs.", "The passengers were exhausted."])]
#[case::units_in_prison("He was sentenced to 5 yrs. in prison.", &["He was sentenced to 5 yrs. in prison."])]
#[case::inc_comma("The firm, Acme Inc., denied it. So did its CEO.", &["The firm, Acme Inc., denied it.", "So did its CEO."])]
#[case::german_kg("Die Firma Müller & Co. KG meldete Verluste.", &["Die Firma Müller & Co. KG meldete Verluste."])]
// Acronyms written with dots.
#[case::us_officials("U.S. officials said the talks failed.", &["U.S. officials said the talks failed."])]
#[case::us_ends("The plan was drafted in the U.S. The allies were not consulted.", &["The plan was drafted in the U.S.", "The allies were not consulted."])]
#[case::uk_in("He moved to the U.K. in 2019. His family followed.", &["He moved to the U.K. in 2019.", "His family followed."])]
#[case::un_security_council("The U.N. Security Council met. It adjourned.", &["The U.N. Security Council met.", "It adjourned."])]
#[case::nk_s_korea(
    "Around 300 N.K. soldiers killed, 2,700 wounded during fight against Ukraine: S. Korea’s spy agency",
    &["Around 300 N.K. soldiers killed, 2,700 wounded during fight against Ukraine: S. Korea’s spy agency"]
)]
#[case::us_army_navy("The U.S. Army and the U.S. Navy disagreed.", &["The U.S. Army and the U.S. Navy disagreed."])]
#[case::us_but("Troops left the U.S. But they returned a year later.", &["Troops left the U.S.", "But they returned a year later."])]
#[case::phd("She earned a Ph.D. in physics. Then she joined NASA.", &["She earned a Ph.D. in physics.", "Then she joined NASA."])]
#[case::dc_he("He lives in Washington, D.C. He works downtown.", &["He lives in Washington, D.C.", "He works downtown."])]
#[case::us_led("The U.S.-led coalition struck at dawn.", &["The U.S.-led coalition struck at dawn."])]
#[case::us_comma("The U.S., Canada and Mexico signed the pact.", &["The U.S., Canada and Mexico signed the pact."])]
#[case::usa_ends("It was made in the U.S.A. The label says so.", &["It was made in the U.S.A.", "The label says so."])]
#[case::us_president("The U.S. President Joe Biden spoke.", &["The U.S. President Joe Biden spoke."])]
#[case::us_and("Relations between the U.S. and China soured.", &["Relations between the U.S. and China soured."])]
#[case::fbi_they("Investigators from the F.B.I. arrived. They sealed the room.", &["Investigators from the F.B.I. arrived.", "They sealed the room."])]
#[case::irs_he("The I.R.S. audited him. He paid.", &["The I.R.S. audited him.", "He paid."])]
#[case::un_secretary_general(
    "He wrote to the U.N. Secretary-General. She replied.",
    &["He wrote to the U.N. Secretary-General.", "She replied."]
)]
#[case::us_official_later(
    "An unnamed U.S. official later indicated that there had been \"several hundred\" casualties.",
    &["An unnamed U.S. official later indicated that there had been \"several hundred\" casualties."]
)]
#[case::us_and_western(
    "They perceive it as U.S. and Western encroachment. Moscow agreed.",
    &["They perceive it as U.S. and Western encroachment.", "Moscow agreed."]
)]
#[case::us_quote_lower("Trump said the U.S. \"will win.\"", &["Trump said the U.S. \"will win.\""])]
#[case::us_in_starter("He studied in the U.S. In 2020, he returned.", &["He studied in the U.S.", "In 2020, he returned."])]
#[case::state_mo("He was born in St. Louis, Mo. He moved to Chicago in 1990.", &["He was born in St. Louis, Mo.", "He moved to Chicago in 1990."])]
#[case::states_inside("She lives in Calif. and works in Nev.", &["She lives in Calif. and works in Nev."])]
#[case::state_before_title("Calif. Gov. Gavin Newsom signed it.", &["Calif. Gov. Gavin Newsom signed it."])]
#[case::mass_lower("The ill. patient recovered.", &["The ill.", "patient recovered."])]
// Initials.
#[case::tolkien("J. R. R. Tolkien wrote the book. It sold millions.", &["J. R. R. Tolkien wrote the book.", "It sold millions."])]
#[case::bush("George W. Bush visited Texas. He spoke briefly.", &["George W. Bush visited Texas.", "He spoke briefly."])]
#[case::initials_a("The letter was signed by J. A. Smith.", &["The letter was signed by J. A. Smith."])]
#[case::eb_white("E. B. White wrote it.", &["E. B. White wrote it."])]
#[case::plan_b("They chose Plan B. The first plan had failed.", &["They chose Plan B.", "The first plan had failed."])]
#[case::vitamin_d("The vitamin was labeled D. It sold out.", &["The vitamin was labeled D.", "It sold out."])]
#[case::middle_initial("Lee J. Cobb starred in the film.", &["Lee J. Cobb starred in the film."])]
#[case::byline("Photos by A. Rahman. Text by S. Lee.", &["Photos by A. Rahman.", "Text by S. Lee."])]
#[case::n_korea("Kim Jong Un met Putin. N. Korea denied it.", &["Kim Jong Un met Putin.", "N. Korea denied it."])]
#[case::initial_i("Nobody else went, but I. The others stayed home.", &["Nobody else went, but I.", "The others stayed home."])]
#[case::french_initial("M. Macron a parlé. Il est parti.", &["M. Macron a parlé.", "Il est parti."])]
#[case::cyrillic_initial("В г. Москве прошла встреча. Она закончилась.", &["В г. Москве прошла встреча.", "Она закончилась."])]
#[case::degree_celsius("Temperatures hit 40 °C. Schools closed.", &["Temperatures hit 40 °C.", "Schools closed."])]
// Times.
#[case::pm_monday("The meeting starts at 5 p.m. Monday in Seoul.", &["The meeting starts at 5 p.m. Monday in Seoul."])]
#[case::pm_ends("The market closed at 4 p.m. The index fell 2%.", &["The market closed at 4 p.m.", "The index fell 2%."])]
#[case::am_inside("He woke at 6 a.m. and left at 7 a.m. sharp.", &["He woke at 6 a.m. and left at 7 a.m. sharp."])]
#[case::pm_time_zone("Polls close at 8 p.m. EST on Tuesday.", &["Polls close at 8 p.m. EST on Tuesday."])]
#[case::am_it("The quake struck at 3:45 a.m. It killed 12 people.", &["The quake struck at 3:45 a.m.", "It killed 12 people."])]
#[case::pm_on("The deadline is 11:59 p.m. on Friday.", &["The deadline is 11:59 p.m. on Friday."])]
#[case::pm_police(
    "The gunman fired at approx. 9 p.m. Police arrived at 9:15 p.m. and sealed the area.",
    &["The gunman fired at approx. 9 p.m.", "Police arrived at 9:15 p.m. and sealed the area."]
)]
#[case::pm_capitals("Doors open at 7 P.M. Tickets are free.", &["Doors open at 7 P.M.", "Tickets are free."])]
// Numbers: decimals, money, percentages, thousands.
#[case::percent_decimal(
    "Inflation rose 3.5% in March. Prices fell 0.2 percent in April.",
    &["Inflation rose 3.5% in March.", "Prices fell 0.2 percent in April."]
)]
#[case::dollars("The company paid $1.5 billion. Shares rose.", &["The company paid $1.5 billion.", "Shares rose."])]
#[case::euros("Revenue reached €2.3bn last year.", &["Revenue reached €2.3bn last year."])]
#[case::thousands("About 2,700 soldiers were injured. Over 10,000 were deployed.", &["About 2,700 soldiers were injured.", "Over 10,000 were deployed."])]
#[case::decimal_thousands("The index closed at 4,512.75 points.", &["The index closed at 4,512.75 points."])]
#[case::pi("Pi is roughly 3.14159. It is irrational.", &["Pi is roughly 3.14159.", "It is irrational."])]
#[case::yen("It costs ¥1,200.50 per unit.", &["It costs ¥1,200.50 per unit."])]
#[case::leading_point("Rates were cut by .25 point.", &["Rates were cut by .25 point."])]
#[case::percent_ends("The tax rate is 7.5%. It applies to all goods.", &["The tax rate is 7.5%.", "It applies to all goods."])]
#[case::trillion("The budget is $3.2 trillion. Congress must approve it.", &["The budget is $3.2 trillion.", "Congress must approve it."])]
#[case::version("Version 2.0 was released. It crashed.", &["Version 2.0 was released.", "It crashed."])]
#[case::sp_500("The Dow fell 1.2%. The S&P 500 fell 0.8%.", &["The Dow fell 1.2%.", "The S&P 500 fell 0.8%."])]
#[case::mile_route("The 1.5-mile route opened. Drivers cheered.", &["The 1.5-mile route opened.", "Drivers cheered."])]
#[case::casualties_3000(
    "Casualties have surpassed 3,000. The toll is rising.",
    &["Casualties have surpassed 3,000.", "The toll is rising."]
)]
// Ellipses.
#[case::ellipsis_capital("He paused... Then he spoke.", &["He paused...", "Then he spoke."])]
#[case::ellipsis_lower("We waited and... nothing happened.", &["We waited and... nothing happened."])]
#[case::ellipsis_char_lower("It was… unexpected.", &["It was… unexpected."])]
#[case::ellipsis_char_capital("She hesitated… The room fell silent.", &["She hesitated…", "The room fell silent."])]
#[case::spaced_ellipsis_lower("He said . . . and then stopped.", &["He said . . . and then stopped."])]
#[case::spaced_ellipsis_capital("The list goes on . . . The end came suddenly.", &["The list goes on . . .", "The end came suddenly."])]
#[case::leading_ellipsis("... and so it ended. Nobody cared.", &["... and so it ended.", "Nobody cared."])]
#[case::leading_ellipsis_capital("… The rest is history.", &["… The rest is history."])]
#[case::ellipsis_in_quote("“I don’t know…” he said.", &["“I don’t know…” he said."])]
#[case::four_dots("It ended.... Then silence.", &["It ended....", "Then silence."])]
// Quotes: a sentence may end inside them.
#[case::comma_said("\"We are ready,\" he said.", &["\"We are ready,\" he said."])]
#[case::curly_close_capital(
    "Peskov said, “We cannot comment.” He declined further questions.",
    &["Peskov said, “We cannot comment.”", "He declined further questions."]
)]
#[case::captured_next("The soldiers were “captured.” Next came the swap.", &["The soldiers were “captured.”", "Next came the swap."])]
#[case::question_lower("“Where are they?” she asked.", &["“Where are they?” she asked."])]
#[case::question_speech_tag("“Where are they?” Lee asked.", &["“Where are they?” Lee asked."])]
#[case::question_long_name_tag("“Why now?” Lee Seong-kweun asked reporters.", &["“Why now?” Lee Seong-kweun asked reporters."])]
#[case::stop_then_name_said(
    "“We cannot comment.” Peskov said talks were still on.",
    &["“We cannot comment.”", "Peskov said talks were still on."]
)]
#[case::exclamation_speech_tag("“Run!” Sgt. Horvath shouted.", &["“Run!” Sgt. Horvath shouted."])]
#[case::question_then_sentence("“Where are they?” Nobody knew.", &["“Where are they?”", "Nobody knew."])]
#[case::pronoun_said_new_sentence(
    "“We do not know what is true there.” He said talks were still on.",
    &["“We do not know what is true there.”", "He said talks were still on."]
)]
#[case::two_quotes("“Is it over?” “Not yet,” he said.", &["“Is it over?”", "“Not yet,” he said."])]
#[case::quoted_name(
    "He shouted “General Kim Jong Un” before attempting to detonate a grenade.",
    &["He shouted “General Kim Jong Un” before attempting to detonate a grenade."]
)]
#[case::quoted_passage(
    "He said: “We are ready. We will act.” Then he left.",
    &["He said: “We are ready.", "We will act.”", "Then he left."]
)]
#[case::straight_quoted_passage(
    "Lee said: \"They were told to die. Some refused. Two were captured.\" The NIS agreed.",
    &["Lee said: \"They were told to die.", "Some refused.", "Two were captured.\"", "The NIS agreed."]
)]
#[case::stop_after_quote("Koo says, “There’s nothing we can say at the current stage.”.", &["Koo says, “There’s nothing we can say at the current stage.”."])]
#[case::straight_close_capital("She called it \"a disgrace.\" The minister resigned.", &["She called it \"a disgrace.\"", "The minister resigned."])]
#[case::exclaim_lower("\"Stop!\" the officer yelled.", &["\"Stop!\" the officer yelled."])]
#[case::exclaim_capital("\"Stop!\" The crowd scattered.", &["\"Stop!\"", "The crowd scattered."])]
#[case::single_quotes("He wrote: 'It is over.' Nobody replied.", &["He wrote: 'It is over.'", "Nobody replied."])]
#[case::memo("The memo read, \"Do not surrender.\" Officials confirmed it.", &["The memo read, \"Do not surrender.\"", "Officials confirmed it."])]
#[case::curly_single("Zelensky said Kyiv is ‘ready.’ Russia did not respond.", &["Zelensky said Kyiv is ‘ready.’", "Russia did not respond."])]
#[case::quote_lower_continues("Officials called it “over.” and moved on.", &["Officials called it “over.” and moved on."])]
#[case::question_in_title("The report, titled \"Why Now?\", was released.", &["The report, titled \"Why Now?\", was released."])]
#[case::quoted_close_then_quote(
    "Lee said, “The prisoner has not expressed his intention.” “We will see,” he added.",
    &["Lee said, “The prisoner has not expressed his intention.”", "“We will see,” he added."]
)]
#[case::guillemets("Песков сказал: «Мы не можем комментировать». Он отказался.", &["Песков сказал: «Мы не можем комментировать».", "Он отказался."])]
#[case::sample_lawmaker_quote(
    "\"Notably, memos found on deceased soldiers indicate that the North Korean authorities\npressured them to commit suicide or self-detonate before capture,\" Lee said. According to\nhim, some of the soldiers were granted \"amnesty\" or wanted to join North Korea's ruling\nWorkers' Party, hoping to improve their position in society by fighting.",
    &[
        "\"Notably, memos found on deceased soldiers indicate that the North Korean authorities\npressured them to commit suicide or self-detonate before capture,\" Lee said.",
        "According to\nhim, some of the soldiers were granted \"amnesty\" or wanted to join North Korea's ruling\nWorkers' Party, hoping to improve their position in society by fighting."
    ]
)]
// Parentheses.
#[case::acronym_in_parentheses("The agency (NIS) briefed lawmakers. They were shocked.", &["The agency (NIS) briefed lawmakers.", "They were shocked."])]
#[case::parenthesised_sentence(
    "He left early. (He was tired.) The meeting went on.",
    &["He left early.", "(He was tired.)", "The meeting went on."]
)]
#[case::parenthesis_lower("Prices rose (see chart.) and fell.", &["Prices rose (see chart.) and fell."])]
#[case::stop_after_parenthesis("The law passed (it was 52 to 48). Critics were furious.", &["The law passed (it was 52 to 48).", "Critics were furious."])]
#[case::reuters_dateline("(Reuters) - The ministry denied the report. It gave no details.", &["(Reuters) - The ministry denied the report.", "It gave no details."])]
#[case::abbreviation_in_parentheses("The firm (formerly Foo Inc.) said no.", &["The firm (formerly Foo Inc.) said no."])]
// URLs, e-mail addresses and file names.
#[case::url_end(
    "Read the report at https://example.com/news/2025/report.html. It is long.",
    &["Read the report at https://example.com/news/2025/report.html.", "It is long."]
)]
#[case::www("Visit www.nis.go.kr for details.", &["Visit www.nis.go.kr for details."])]
#[case::email_end("Email press@example.org. A spokesman will reply.", &["Email press@example.org.", "A spokesman will reply."])]
#[case::email_dots("Contact j.doe@example.co.uk for comment.", &["Contact j.doe@example.co.uk for comment."])]
#[case::file_name("The file report.pdf was leaked. Officials were angry.", &["The file report.pdf was leaked.", "Officials were angry."])]
#[case::file_names("Open data.csv and budget_2025.xlsx to compare.", &["Open data.csv and budget_2025.xlsx to compare."])]
#[case::query_string("The link https://x.com/search?q=Kim%20Jong&f=live is broken.", &["The link https://x.com/search?q=Kim%20Jong&f=live is broken."])]
#[case::markdown_link_url(
    "See [the report](https://example.com/a.?b.!x) for details. Then vote.",
    &["See [the report](https://example.com/a.?b.!x) for details.", "Then vote."]
)]
#[case::brackets_then_parenthesis(
    "He wrote [sic] (twice. Then he stopped.) Nobody noticed.",
    &["He wrote [sic] (twice.", "Then he stopped.)", "Nobody noticed."]
)]
#[case::bracket_parenthesis_not_a_link(
    "It cost [about](roughly. Then it rose) and fell.",
    &["It cost [about](roughly.", "Then it rose) and fell."]
)]
#[case::markdown_link_end(
    "Read [the NIS statement](https://nis.go.kr/en/news?id=1). It was brief.",
    &["Read [the NIS statement](https://nis.go.kr/en/news?id=1).", "It was brief."]
)]
#[case::markdown_link_title_text("He cited [Mr. Lee](https://example.com/lee) in the memo.", &["He cited [Mr. Lee](https://example.com/lee) in the memo."])]
#[case::markdown_link_question(
    "See [this](https://example.com/?) The page is empty.",
    &["See [this](https://example.com/?) The page is empty."]
)]
#[case::handle("Follow @nis_korea. It posts daily.", &["Follow @nis_korea.", "It posts daily."])]
// Markdown emphasis.
#[case::emphasis_sentence("*This is important.* Read on.", &["*This is important.*", "Read on."])]
#[case::bold_inside("The word was **not** said. Everyone heard it.", &["The word was **not** said.", "Everyone heard it."])]
#[case::underscore_close("She said it was _final._ He disagreed.", &["She said it was _final._", "He disagreed."])]
#[case::bold_abbreviation("He praised **Acme Inc.** and left.", &["He praised **Acme Inc.** and left."])]
#[case::emphasis_opener("He left. *Nobody* noticed.", &["He left.", "*Nobody* noticed."])]
// Dashes.
#[case::storm_corps(
    "It was reported that those soldiers, supposed members of North Korea’s Storm Corps-its most elite soldiers-were told to commit suicide to avoid the consequences of capture.",
    &["It was reported that those soldiers, supposed members of North Korea’s Storm Corps-its most elite soldiers-were told to commit suicide to avoid the consequences of capture."]
)]
#[case::em_dashes(
    "The soldiers—mostly from the elite Storm Corps—were ordered to fight. Few survived.",
    &["The soldiers—mostly from the elite Storm Corps—were ordered to fight.", "Few survived."]
)]
#[case::en_dashes("Prices rose – sharply – in May. Then they fell.", &["Prices rose – sharply – in May.", "Then they fell."])]
#[case::dash_credit("He left. — Reuters", &["He left.", "— Reuters"])]
#[case::dash_after_stop("It ended.—Then it began again.", &["It ended.—Then it began again."])]
// Sentences that start with a digit or a lower-case word.
#[case::digit_after_score("The vote was 52-48. 23 senators abstained.", &["The vote was 52-48.", "23 senators abstained."])]
#[case::digit_after_percent("Prices rose 5%. 300 stores closed.", &["Prices rose 5%.", "300 stores closed."])]
#[case::iphone("Sales of the phone rose. iPhone demand was strong.", &["Sales of the phone rose.", "iPhone demand was strong."])]
#[case::ebay("The company sold its stake. eBay shares fell.", &["The company sold its stake.", "eBay shares fell."])]
#[case::lower_start("He left the room. then he returned.", &["He left the room.", "then he returned."])]
#[case::year_start("The year was 2024. 2025 began quietly.", &["The year was 2024.", "2025 began quietly."])]
#[case::small_number_end("The score was 3. 4 players were injured.", &["The score was 3.", "4 players were injured."])]
#[case::iphone_after_question("Is it new? iPhone fans think so.", &["Is it new?", "iPhone fans think so."])]
#[case::de_blasio("He lost to the mayor. de Blasio won easily.", &["He lost to the mayor.", "de Blasio won easily."])]
// Bullet-like lines inside a paragraph.
#[case::numbered_lines(
    "Steps:\n1. Register online.\n2. Pay the fee.",
    &["Steps:\n1. Register online.", "2. Pay the fee."]
)]
#[case::list_number_start("1. The first point is cost.", &["1. The first point is cost."])]
#[case::bullet_lines("Key points:\n- troops deployed\n- casualties rising", &["Key points:\n- troops deployed\n- casualties rising"])]
#[case::bullet_sentences("- Troops were deployed. They fought in Kursk.", &["- Troops were deployed.", "They fought in Kursk."])]
// Non-ASCII names and other scripts.
#[case::japanese("北朝鮮兵士が死亡した。韓国の情報機関が発表した。", &["北朝鮮兵士が死亡した。", "韓国の情報機関が発表した。"])]
#[case::chinese("他们说什么？我不知道！好吧。", &["他们说什么？", "我不知道！", "好吧。"])]
#[case::japanese_quote_particle("「捕虜になるな。」と命令された。その後、兵士は捕まった。", &["「捕虜になるな。」と命令された。", "その後、兵士は捕まった。"])]
#[case::chinese_quote("他说：“我们准备好了。”然后离开了。", &["他说：“我们准备好了。”", "然后离开了。"])]
#[case::korean("북한군 300명이 사망했다. 국정원이 밝혔다.", &["북한군 300명이 사망했다.", "국정원이 밝혔다."])]
#[case::cjk_then_english("東京で会議が開かれた。The talks ended.", &["東京で会議が開かれた。", "The talks ended."])]
#[case::cjk_with_space("会議が終わった。 次の会議は明日だ。", &["会議が終わった。", "次の会議は明日だ。"])]
#[case::halfwidth_stop("会議が終わった｡次は明日｡", &["会議が終わった｡", "次は明日｡"])]
#[case::spanish_title("Habló la Sra. García. Luego se fue.", &["Habló la Sra. García.", "Luego se fue."])]
#[case::german_abbreviations("Er nannte Städte, z.B. Berlin, Hamburg usw. Die Liste war lang.", &["Er nannte Städte, z.B. Berlin, Hamburg usw.", "Die Liste war lang."])]
#[case::accented_names("Élodie arrived. Ángel left.", &["Élodie arrived.", "Ángel left."])]
#[case::polish_names("Lee met Łukasz Żuk. Ødegaard scored.", &["Lee met Łukasz Żuk.", "Ødegaard scored."])]
#[case::german_umlaut_end("Der Minister sprach mit Herrn Müller. Er schwieg.", &["Der Minister sprach mit Herrn Müller.", "Er schwieg."])]
#[case::arabic("قال المسؤول إن الوضع خطير. وأضاف أن المحادثات مستمرة.", &["قال المسؤول إن الوضع خطير.", "وأضاف أن المحادثات مستمرة."])]
#[case::arabic_question("هل انتهت الحرب؟ لا أحد يعرف.", &["هل انتهت الحرب؟", "لا أحد يعرف."])]
#[case::hindi("सरकार ने कहा। बातचीत जारी है।", &["सरकार ने कहा।", "बातचीत जारी है।"])]
#[case::greek("Ο υπουργός μίλησε. Η συνάντηση τελείωσε.", &["Ο υπουργός μίλησε.", "Η συνάντηση τελείωσε."])]
#[case::curly_apostrophe_end("I don’t. The others do.", &["I don’t.", "The others do."])]
#[case::apostrophe_end("I don't. Others do.", &["I don't.", "Others do."])]
// Questions and exclamations.
#[case::question("What happened? Nobody knows.", &["What happened?", "Nobody knows."])]
#[case::interrobang("Really?! That is absurd.", &["Really?!", "That is absurd."])]
#[case::question_hard_wrap("Is this the end?\nNo, officials said.", &["Is this the end?", "No, officials said."])]
#[case::brand_exclamation("The Jeopardy! host retired.", &["The Jeopardy! host retired."])]
#[case::question_lower_continues("Why? because the law says so.", &["Why? because the law says so."])]
#[case::exclaim_digit("It worked! 300 people cheered.", &["It worked!", "300 people cheered."])]
// Whitespace, hard wraps and degenerate paragraphs.
#[case::crlf_wrap(
    "The deal was\r\nsigned on Monday.\r\nMarkets rallied.",
    &["The deal was\r\nsigned on Monday.", "Markets rallied."]
)]
#[case::surrounding_space("  Leading and trailing spaces.   ", &["Leading and trailing spaces."])]
#[case::double_space("One.  Two.", &["One.", "Two."])]
#[case::no_break_space("It ended.\u{a0}Then it began.", &["It ended.", "Then it began."])]
#[case::no_break_space_title("Mr.\u{a0}Lee spoke.", &["Mr.\u{a0}Lee spoke."])]
#[case::empty("", &[])]
#[case::blank("   \n  ", &[])]
#[case::no_terminator("No terminator at all", &["No terminator at all"])]
#[case::unterminated_last("Ends with a stop. Then more", &["Ends with a stop.", "Then more"])]
#[case::lone_stop(".", &["."])]
#[case::lone_punctuation("?! …", &["?! …"])]
#[case::heading_like("Related article: Zelensky ‘Ready’ to Hand North Korean POWs to Pyongyang", &["Related article: Zelensky ‘Ready’ to Hand North Korean POWs to Pyongyang"])]
#[case::tab_separated("First.\tSecond.", &["First.", "Second."])]
// Rules shared by published sentence-boundary test suites.
#[case::jane_and_co("Were Jane and co. at the party?", &["Were Jane and co. at the party?"])]
#[case::jane_and_co_ends("Let's ask Jane and co. They should know.", &["Let's ask Jane and co.", "They should know."])]
#[case::lower_street("St. Michael's Church is on 5th st. near the light.", &["St. Michael's Church is on 5th st. near the light."])]
#[case::ordinal_ends("She finished 1st. The others trailed.", &["She finished 1st.", "The others trailed."])]
#[case::jr_possessive("That is JFK Jr.'s book.", &["That is JFK Jr.'s book."])]
#[case::usa_lower("I visited the U.S.A. last year.", &["I visited the U.S.A. last year."])]
#[case::eu_how("I live in the E.U. How about you?", &["I live in the E.U.", "How about you?"])]
#[case::us_government("I work for the U.S. Government in Virginia.", &["I work for the U.S. Government in Virginia."])]
#[case::us_for_years("I have lived in the U.S. for 20 years.", &["I have lived in the U.S. for 20 years."])]
#[case::am_mr_pm_mr(
    "At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. Smith then went to the store.",
    &["At 5 a.m. Mr. Smith went to the bank.", "He left the bank at 6 P.M.", "Mr. Smith then went to the store."]
)]
#[case::in_the_us_fragment("In the U.S. The economy grew.", &["In the U.S. The economy grew."])]
#[case::parenthesised_sentence_lower(
    "He teaches science (He previously worked for 5 years as an engineer.) at the local University.",
    &["He teaches science (He previously worked for 5 years as an engineer.) at the local University."]
)]
#[case::email_capital_dot("Her email is Jane.Doe@example.com. I sent her an email.", &["Her email is Jane.Doe@example.com.", "I sent her an email."])]
#[case::url_with_number(
    "The site is: https://www.example.50.com/new-site/awesome_content.html. Please check it out.",
    &["The site is: https://www.example.50.com/new-site/awesome_content.html.", "Please check it out."]
)]
#[case::single_quote_lower("She turned to him, 'This is great.' she said.", &["She turned to him, 'This is great.' she said."])]
#[case::double_exclaim("Hello!! Long time no see.", &["Hello!!", "Long time no see."])]
#[case::list_paren_markers("1.) The first item. 2.) The second item.", &["1.) The first item.", "2.) The second item."])]
#[case::numbered_items_after_stops("1. The first item. 2. The second item.", &["1. The first item.", "2. The second item."])]
#[case::bullet_number("• 9. The first item", &["• 9. The first item"])]
#[case::number_not_a_marker("The vote was 7 to 2. The bill failed.", &["The vote was 7 to 2.", "The bill failed."])]
#[case::letter_list_lines("a. The first item\nb. The second item", &["a. The first item\nb. The second item"])]
#[case::number_sign_degree("You can find it at N°. 1026.253.553. That is where the treasure is.", &["You can find it at N°. 1026.253.553.", "That is where the treasure is."])]
#[case::yahoo_lower("She works at Yahoo! in the accounting department.", &["She works at Yahoo! in the accounting department."])]
#[case::pronoun_i_initial(
    "We make a good team, you and I. Did you see Albert I. Jones yesterday?",
    &["We make a good team, you and I.", "Did you see Albert I. Jones yesterday?"]
)]
#[case::spaced_ellipsis_quote(
    "Thoreau argues that by simplifying one’s life, “the laws of the universe will appear less complex. . . .”",
    &["Thoreau argues that by simplifying one’s life, “the laws of the universe will appear less complex. . . .”"]
)]
#[case::bracketed_ellipsis(
    "\"Bohr [...] used the analogy of parallel stairways [...]\" (Smith 55).",
    &["\"Bohr [...] used the analogy of parallel stairways [...]\" (Smith 55)."]
)]
#[case::four_dot_spaced(
    "Indicate the end of the sentence with a period . . . . Next sentence.",
    &["Indicate the end of the sentence with a period . . . .", "Next sentence."]
)]
#[case::spaced_ellipses_long(
    "One further habit which was somewhat weakened . . . was that of combining words into self-interpreting compounds. . . . The practice was not abandoned. . . .",
    &["One further habit which was somewhat weakened . . . was that of combining words into self-interpreting compounds. . . .", "The practice was not abandoned. . . ."]
)]
#[case::feet_and_inches("The gate is 6 ft. 2 in. tall. Nobody climbs it.", &["The gate is 6 ft. 2 in. tall.", "Nobody climbs it."])]
#[case::equation("Putting it into Eq. 7 gives the total. The rest follows.", &["Putting it into Eq. 7 gives the total.", "The rest follows."])]
#[case::temp_lower("The patient had a temp. of 39°C on arrival.", &["The patient had a temp. of 39°C on arrival."])]
#[case::degrees_after_titles("Jane Roe, M.D., Ph.D., chaired the panel. Reporters left early.", &["Jane Roe, M.D., Ph.D., chaired the panel.", "Reporters left early."])]
#[case::us_code("The law sits at 18 U.S.C. § 793. Prosecutors cited it.", &["The law sits at 18 U.S.C. § 793.", "Prosecutors cited it."])]
#[case::acronym_in_parentheses_end("He served in the army (the R.O.K.). His unit was disbanded.", &["He served in the army (the R.O.K.).", "His unit was disbanded."])]
#[case::all_caps_sentences("WARNING: NO ENTRY. THE ZONE IS CLOSED.", &["WARNING: NO ENTRY.", "THE ZONE IS CLOSED."])]
#[case::version_end("Install version 4.1.2. The old one leaks memory.", &["Install version 4.1.2.", "The old one leaks memory."])]
#[case::ellipsis_question("You mean...? Nobody told me.", &["You mean...?", "Nobody told me."])]
#[case::title_of_book("She quoted \"Dr. Jekyll and Mr. Hyde\" at length. The jury smiled.", &["She quoted \"Dr. Jekyll and Mr. Hyde\" at length.", "The jury smiled."])]
#[case::missing_space_after_abbreviation("He works at Acme Corp.She works at Globex.", &["He works at Acme Corp.", "She works at Globex."])]
#[case::speech_tag_with_title("“Where are the soldiers?” Rep. Lee asked.", &["“Where are the soldiers?” Rep. Lee asked."])]
#[case::link_text_sentence(
    "[Read the full statement.](https://example.com/a?b=1) The ministry declined to comment.",
    &["[Read the full statement.](https://example.com/a?b=1)", "The ministry declined to comment."]
)]
// Whole news paragraphs mixing the above.
#[case::wire_story(
    "WASHINGTON (AP) — The U.S. Senate voted 51-49 on Thursday to confirm the nominee. Vice President J.D. Vance cast the tie-breaking vote at 4:15 p.m. \"This is a great day,\" he said. Democrats, led by Sen. Chuck Schumer, D-N.Y., objected.",
    &[
        "WASHINGTON (AP) — The U.S. Senate voted 51-49 on Thursday to confirm the nominee.",
        "Vice President J.D. Vance cast the tie-breaking vote at 4:15 p.m.",
        "\"This is a great day,\" he said.",
        "Democrats, led by Sen. Chuck Schumer, D-N.Y., objected.",
    ]
)]
#[case::missile_story(
    "SEOUL, South Korea — North Korea fired a ballistic missile at 7:30 a.m. Monday, the Joint Chiefs of Staff said. It flew about 1,000 km. Japan's Defense Ministry said it landed outside the exclusive economic zone. \"We strongly protest,\" Prime Minister Shigeru Ishiba told reporters. He added: \"Such actions threaten the peace.\"",
    &[
        "SEOUL, South Korea — North Korea fired a ballistic missile at 7:30 a.m. Monday, the Joint Chiefs of Staff said.",
        "It flew about 1,000 km.",
        "Japan's Defense Ministry said it landed outside the exclusive economic zone.",
        "\"We strongly protest,\" Prime Minister Shigeru Ishiba told reporters.",
        "He added: \"Such actions threaten the peace.\"",
    ]
)]
#[case::market_story(
    "Shares of Samsung Electronics Co. rose 2.3% to 54,500 won. The company, which reported an operating profit of 6.5 trillion won ($4.5 billion), said demand for AI chips was strong. Analysts at Morgan Stanley & Co. Ltd. were less sure.",
    &[
        "Shares of Samsung Electronics Co. rose 2.3% to 54,500 won.",
        "The company, which reported an operating profit of 6.5 trillion won ($4.5 billion), said demand for AI chips was strong.",
        "Analysts at Morgan Stanley & Co. Ltd. were less sure.",
    ]
)]
#[case::parenthetical_story(
    "The ministry said 300 soldiers died. (An earlier estimate, released Jan. 10, put the toll at 100.) Officials in Kyiv did not comment on the report, which cited \"multiple sources.\"",
    &[
        "The ministry said 300 soldiers died.",
        "(An earlier estimate, released Jan. 10, put the toll at 100.)",
        "Officials in Kyiv did not comment on the report, which cited \"multiple sources.\"",
    ]
)]
#[case::hard_wrapped_story(
    "Dr. Kim Min-jae, a professor at Seoul National\nUniversity, said the figures were \"plausible but\nunverified.\" He noted that the N.I.S. has erred\nbefore.",
    &[
        "Dr. Kim Min-jae, a professor at Seoul National\nUniversity, said the figures were \"plausible but\nunverified.\"",
        "He noted that the N.I.S. has erred\nbefore.",
    ]
)]
#[case::quoted_japanese("The KCNA report read: “敵は必ず滅びる。” Analysts called it routine.", &["The KCNA report read: “敵は必ず滅びる。”", "Analysts called it routine."])]
#[case::biography(
    "He was born on Aug. 4, 1961, in Honolulu. Obama later moved to Jakarta, Indonesia. He returned to the U.S. in 1971.",
    &["He was born on Aug. 4, 1961, in Honolulu.", "Obama later moved to Jakarta, Indonesia.", "He returned to the U.S. in 1971."]
)]
#[case::senate_bill_number("The bill (S. 1234) passed 68-32. It now goes to the House.", &["The bill (S. 1234) passed 68-32.", "It now goes to the House."])]
#[case::quote_then_place(
    "Kim Jong Un's sister, Kim Yo Jong, said: \"The U.S. will pay.\" Pyongyang did not elaborate.",
    &["Kim Jong Un's sister, Kim Yo Jong, said: \"The U.S. will pay.\"", "Pyongyang did not elaborate."]
)]
#[case::ellipsis_story("Ukraine’s military said it had “destroyed” 12 drones overnight… Russia denied it.", &["Ukraine’s military said it had “destroyed” 12 drones overnight…", "Russia denied it."])]
// Typography found in scraped news.
#[case::nested_quotes_spaced(
    "He said, “They told me ‘no.’ ” Then he left.",
    &["He said, “They told me ‘no.’ ”", "Then he left."]
)]
#[case::citation_mark("Prices rose.[1] They fell later.", &["Prices rose.[1]", "They fell later."])]
#[case::missing_space("The soldiers were killed.The agency said so.", &["The soldiers were killed.", "The agency said so."])]
#[case::missing_space_not_a_name("J.K. Rowling wrote it.", &["J.K. Rowling wrote it."])]
#[case::dotted_name_glued("The site is news.Yahoo and more.", &["The site is news.Yahoo and more."])]
// Streets, saints and units.
#[case::main_street("The shop is at 12 Main St. Police closed it.", &["The shop is at 12 Main St.", "Police closed it."])]
#[case::in_st_louis("In St. Louis, officials met. They agreed.", &["In St. Louis, officials met.", "They agreed."])]
#[case::the_st_regis("The St. Regis hotel closed.", &["The St. Regis hotel closed."])]
#[case::lower_dept("She moved to the dept. of finance.", &["She moved to the dept. of finance."])]
#[case::population("The town, pop. 5,000, voted.", &["The town, pop. 5,000, voted."])]
#[case::mount_st_helens("Mount St. Helens erupted in 1980.", &["Mount St. Helens erupted in 1980."])]
#[case::sault_ste_marie("Sault Ste. Marie is in Ontario.", &["Sault Ste. Marie is in Ontario."])]
#[case::inches("About 3 in. of rain fell.", &["About 3 in. of rain fell."])]
#[case::word_in_ends("They let him in. The door closed.", &["They let him in.", "The door closed."])]
#[case::number_of("The no. of cases rose.", &["The no. of cases rose."])]
#[case::warner_bros("Warner Bros. Discovery cut jobs.", &["Warner Bros. Discovery cut jobs."])]
#[case::pct("Its stock jumped 12 pct. on the news.", &["Its stock jumped 12 pct. on the news."])]
#[case::point_reyes("Pt. Reyes is windy.", &["Pt. Reyes is windy."])]
fn splits_news_text(#[case] paragraph: &str, #[case] expected: &[&str]) {
    assert_eq!(split(paragraph), expected, "paragraph: {paragraph:?}");
}

#[test]
fn sentences_into_reuses_and_replaces_the_buffer() {
    let mut out = vec![0..1, 5..9];
    sentences_into("One. Two.", &mut out);
    assert_eq!(out, vec![0..4, 5..9]);
    sentences_into("", &mut out);
    assert!(out.is_empty());
}

/// The sentences of each sample article, one per line, paragraphs separated by a blank line.
/// The hard-wrapped samples separate paragraphs by blank lines, the others by line breaks.
fn sample_sentences(text: &str, blank_line_paragraphs: bool) -> String {
    let paragraphs: Vec<&str> = if blank_line_paragraphs {
        text.split("\n\n").collect()
    } else {
        text.lines().collect()
    };
    let mut rendered = String::new();
    for paragraph in paragraphs {
        for sentence in split(paragraph) {
            rendered.push_str(&sentence.split_whitespace().collect::<Vec<_>>().join(" "));
            rendered.push('\n');
        }
        rendered.push('\n');
    }
    rendered
}

#[rstest]
#[case::kremlin("kremlin-silent-on-captured-soldiers", false)]
#[case::lawmaker("lawmaker-cites-spy-agency-300-dead", true)]
#[case::mp("mp-reports-100-killed-1000-injured", false)]
#[case::nis("nis-briefs-parliamentary-committee", true)]
#[case::storm("storm-corps-ordered-to-kill-themselves", false)]
fn sample_articles_split_as_checked_by_hand(#[case] name: &str, #[case] blank_lines: bool) {
    let path = format!("{}/assets/samples/{name}.txt", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).unwrap();
    insta::assert_snapshot!(name, sample_sentences(&text, blank_lines));
}

/// Text made of the characters that matter to the splitter, in any order.
fn newsy_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Mr",
        "U",
        "S",
        "Inc",
        "etc",
        "The",
        "he",
        "said",
        "a",
        "m",
        "p",
        "3",
        "5",
        ".",
        ".",
        ".",
        "!",
        "?",
        "…",
        " ",
        " ",
        " ",
        "\n",
        "\r\n",
        "\t",
        "\u{a0}",
        "\"",
        "'",
        "“",
        "”",
        "‘",
        "’",
        "(",
        ")",
        "[",
        "]",
        "(http://x.y/a. b)",
        "*",
        "_",
        "。",
        "！",
        "？",
        "」",
        "と",
        "é",
        "Ł",
        "г",
        "°",
        "-",
        "—",
        ",",
        ":",
        "1",
        "中",
        "\u{3000}",
        "](",
        "[1]",
        "St",
        "Lee",
        "asked",
        "•",
        "In",
        "Main",
        "ft",
        "e.g",
        "N°",
        "¿",
        "«",
        "»",
        "\u{feff}",
        "\u{200b}",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|parts| parts.concat())
}

/// Ranges in order, non-empty, on char boundaries, trimmed, and nothing but whitespace between
/// or around them. Text is compared with all whitespace removed rather than folded to single
/// spaces, because sentences split at a CJK full stop have no space between them.
fn check_invariants(paragraph: &str) -> Result<(), TestCaseError> {
    let ranges = sentences(paragraph);
    let mut previous_end = 0;
    for range in &ranges {
        prop_assert!(range.start >= previous_end, "out of order: {ranges:?}");
        prop_assert!(range.start < range.end, "empty: {ranges:?}");
        prop_assert!(paragraph.is_char_boundary(range.start));
        prop_assert!(paragraph.is_char_boundary(range.end));
        let text = &paragraph[range.clone()];
        prop_assert_eq!(text.trim(), text, "not trimmed");
        let gap = &paragraph[previous_end..range.start];
        prop_assert!(gap.trim().is_empty(), "lost {gap:?} before {range:?}");
        previous_end = range.end;
    }
    prop_assert!(paragraph[previous_end..].trim().is_empty());
    let folded: String = paragraph.split_whitespace().collect();
    let joined: String = ranges
        .iter()
        .flat_map(|range| paragraph[range.clone()].split_whitespace())
        .collect();
    prop_assert_eq!(folded, joined);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(5000))]

    #[test]
    fn ranges_cover_newsy_text_in_order(paragraph in newsy_text()) {
        check_invariants(&paragraph)?;
    }

    #[test]
    fn ranges_cover_arbitrary_text_in_order(paragraph in any::<String>()) {
        check_invariants(&paragraph)?;
    }

    #[test]
    fn a_sentence_split_again_stays_whole(paragraph in newsy_text()) {
        for range in sentences(&paragraph) {
            let sentence = &paragraph[range];
            prop_assert_eq!(split(sentence), vec![sentence]);
        }
    }

    #[test]
    fn the_same_text_always_splits_the_same_way(paragraph in newsy_text()) {
        let mut reused = vec![0..0; 3];
        sentences_into(&paragraph, &mut reused);
        prop_assert_eq!(sentences(&paragraph), reused);
    }
}
