//! The word lists the segmenter consults at a full stop: abbreviations by how they behave, the
//! words that usually open an English sentence, and the words that continue a company name.
//!
//! Matching is exact and case-sensitive on purpose: "Rep." is a title but "a sales rep." ends a
//! sentence; "Ill." is a state but "ill." a word. Entries that are written in lower case in news
//! (etc., vs., units) are listed in lower case. Only ASCII letters are looked up.

/// How a word followed by a full stop behaves at a possible sentence end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Abbreviation {
    /// A title or connector that is always followed by more of the sentence (Mr., Dr., Rep., vs.).
    Title,
    /// An abbreviation that stands before a number (No. 5, p. 12, Fig. 3): only then does it not
    /// end a sentence.
    NumberPrefix,
    /// An abbreviation that often ends a sentence (Inc., Ltd., etc., Jr.): the sentence ends
    /// before a capitalised word unless that word continues a name.
    Ender,
    /// An abbreviation that sits inside sentences but may end one (St., Calif., U.S.): the
    /// sentence ends only before a word that typically opens a sentence.
    Weak,
    /// A month (Jan., Sept.): a date goes on after it ("Feb. 3"), but no name does, since a
    /// person called Jan takes no full stop; before any capitalised word the sentence ends.
    Month,
}

/// The class of `word` (the letters just before a full stop), if it is a known abbreviation.
pub fn abbreviation(word: &[u8]) -> Option<Abbreviation> {
    use Abbreviation::{Ender, Month, NumberPrefix, Title, Weak};
    let class = match word {
        // Personal, military, religious and political titles.
        b"Mr" | b"Mrs" | b"Ms" | b"Messrs" | b"Mmes" | b"Mme" | b"Mlle" | b"Dr" | b"Drs"
        | b"Prof" | b"Profs" | b"Rep" | b"Reps" | b"Sen" | b"Sens" | b"Gov" | b"Govs" | b"Lt"
        | b"Col" | b"Gen" | b"Gens" | b"Maj" | b"Capt" | b"Cmdr" | b"Cdr" | b"Adm" | b"Sgt"
        | b"Cpl" | b"Pvt" | b"Spc" | b"Brig" | b"Rev" | b"Revs" | b"Hon" | b"Fr" | b"Msgr"
        | b"Supt" | b"Insp" | b"Det" | b"Atty" | b"Amb" | b"Pres" | b"Sec" | b"Secs" | b"Asst"
        | b"Assoc" | b"Dep" | b"Mt" | b"Ft" | b"Ste" | b"Pt" | b"Sgts" | b"Lieut" | b"Comdr"
        | b"Mgr" | b"Mssrs" => Title,
        // Connectors that never end a sentence.
        b"vs" | b"Vs" | b"v" | b"cf" | b"Cf" | b"viz" | b"ca" | b"approx" | b"Approx" | b"incl"
        | b"excl" | b"esp" | b"est" | b"Est" | b"resp" | b"aka" | b"ie" | b"eg" => Title,
        // Titles and connectors of other languages met in news copy.
        b"Sra" | b"Srta" | b"Dra" | b"Lic" | b"Ing" | b"Hr" | b"Hrn" | b"vgl" | b"Vgl" => Title,
        b"No" | b"Nos" | b"no" | b"p" | b"pp" | b"Fig" | b"fig" | b"Figs" | b"Vol" | b"vol"
        | b"Vols" | b"Art" | b"art" | b"Ch" | b"ch" | b"Para" | b"para" | b"Op" | b"Rm"
        | b"Apt" | b"Bldg" | b"Ext" | b"ext" | b"Tel" | b"tel" | b"Nr" | b"nr" | b"Sch" | b"Ex"
        | b"Eq" | b"eq" | b"Eqs" | b"pop" => NumberPrefix,
        // Company suffixes, name suffixes, street types, units and list closers.
        b"Inc" | b"Ltd" | b"Co" | b"co" | b"st" | b"Cos" | b"Corp" | b"Bros" | b"Plc" | b"plc"
        | b"Mfg" | b"Assn" | b"Dept" | b"Univ" | b"Intl" | b"Natl" | b"Govt" | b"Jr" | b"Sr"
        | b"Esq" | b"Ave" | b"Blvd" | b"Rd" | b"Hwy" | b"Pkwy" | b"Ln" | b"Ct" | b"Sq" | b"etc"
        | b"Etc" | b"al" | b"ibid" | b"Ibid" | b"ft" | b"lb" | b"lbs" | b"oz" | b"mi" | b"yd"
        | b"yds" | b"hr" | b"hrs" | b"min" | b"mins" | b"sec" | b"secs" | b"mo" | b"mos"
        | b"yr" | b"yrs" | b"sq" | b"cu" | b"gal" | b"qt" | b"pt" | b"tsp" | b"tbsp" | b"doz"
        | b"ed" | b"eds" | b"Bhd" | b"Pty" | b"Pte" | b"pct" | b"pts" | b"mln" | b"bln"
        | b"max" | b"avg" | b"Dist" | b"Div" | b"Comm" | b"Admin" | b"Mgmt" | b"Ret" | b"ret"
        | b"temp" | b"dept" | b"govt" | b"assn" | b"corp" | b"inc" | b"ltd" | b"misc" | b"op"
        | b"cit" | b"bzw" | b"usw" | b"ggf" | b"evtl" => Ender,
        // Months; May has no abbreviation.
        b"Jan" | b"Feb" | b"Mar" | b"Apr" | b"Jun" | b"Jul" | b"Aug" | b"Sep" | b"Sept"
        | b"Oct" | b"Nov" | b"Dec" => Month,
        // A few weekdays that are not English words, saints and AP-style state names. "Miss."
        // is the state: as a title Miss takes no full stop.
        b"Tues" | b"Weds" | b"Thur" | b"Thurs" | b"St" | b"Sts" | b"Ala" | b"Ariz" | b"Ark"
        | b"Calif" | b"Colo" | b"Conn" | b"Del" | b"Fla" | b"Ga" | b"Ill" | b"Ind" | b"Kan"
        | b"Kans" | b"Ky" | b"La" | b"Md" | b"Mass" | b"Mich" | b"Minn" | b"Miss" | b"Mo"
        | b"Mont" | b"Neb" | b"Nev" | b"Okla" | b"Ore" | b"Pa" | b"Tenn" | b"Tex" | b"Vt"
        | b"Va" | b"Wash" | b"Wis" | b"Wyo" | b"Ont" => Weak,
        _ => return None,
    };
    Some(class)
}

/// Whether `word` commonly opens an English sentence (articles, pronouns, conjunctions,
/// prepositions, adverbs): after "U.S." or "Jan." such a capitalised word means a new sentence,
/// while a name ("U.S. Congress", "Jan. Smith") does not.
pub fn is_sentence_starter(word: &[u8]) -> bool {
    matches!(
        word,
        b"A" | b"An"
            | b"The"
            | b"This"
            | b"That"
            | b"These"
            | b"Those"
            | b"There"
            | b"Then"
            | b"Thus"
            | b"Here"
            | b"He"
            | b"She"
            | b"It"
            | b"Its"
            | b"They"
            | b"Their"
            | b"We"
            | b"Our"
            | b"I"
            | b"You"
            | b"Your"
            | b"His"
            | b"Her"
            | b"My"
            | b"But"
            | b"And"
            | b"Or"
            | b"Nor"
            | b"So"
            | b"Yet"
            | b"Still"
            | b"Also"
            | b"However"
            | b"Meanwhile"
            | b"Moreover"
            | b"Furthermore"
            | b"Nevertheless"
            | b"Nonetheless"
            | b"Instead"
            | b"Indeed"
            | b"In"
            | b"On"
            | b"At"
            | b"By"
            | b"For"
            | b"From"
            | b"With"
            | b"Without"
            | b"To"
            | b"After"
            | b"Before"
            | b"During"
            | b"Since"
            | b"Until"
            | b"When"
            | b"While"
            | b"Where"
            | b"Why"
            | b"How"
            | b"What"
            | b"Who"
            | b"Whose"
            | b"Which"
            | b"If"
            | b"As"
            | b"Although"
            | b"Though"
            | b"Because"
            | b"Unlike"
            | b"Despite"
            | b"Some"
            | b"Many"
            | b"Most"
            | b"All"
            | b"Any"
            | b"Both"
            | b"Each"
            | b"Every"
            | b"Few"
            | b"Several"
            | b"No"
            | b"Not"
            | b"None"
            | b"Nobody"
            | b"Nothing"
            | b"Everyone"
            | b"Everybody"
            | b"Everything"
            | b"Someone"
            | b"Somebody"
            | b"Anyone"
            | b"Neither"
            | b"Such"
            | b"Other"
            | b"Others"
            | b"One"
            | b"Two"
            | b"Last"
            | b"Now"
            | b"Today"
            | b"Yesterday"
            | b"Earlier"
            | b"Later"
            | b"According"
            | b"Among"
            | b"Only"
            | b"Even"
            | b"Once"
            | b"Is"
            | b"Are"
            | b"Was"
            | b"Were"
            | b"Do"
            | b"Does"
            | b"Did"
            | b"Has"
            | b"Have"
            | b"Had"
            | b"Can"
            | b"Could"
            | b"Will"
            | b"Would"
            | b"Should"
    )
}

/// Whether `word` continues a name after a company or name suffix ("Samsung Electronics Co.
/// Ltd.", "Microsoft Corp. Chief Executive", "Martin Luther King Jr. Day").
pub fn continues_name(word: &[u8]) -> bool {
    matches!(
        word,
        b"Inc"
            | b"Ltd"
            | b"Co"
            | b"Cos"
            | b"Corp"
            | b"LLC"
            | b"LLP"
            | b"LP"
            | b"Plc"
            | b"PLC"
            | b"GmbH"
            | b"AG"
            | b"SA"
            | b"NV"
            | b"SE"
            | b"AB"
            | b"ASA"
            | b"SpA"
            | b"Bhd"
            | b"Pty"
            | b"Pte"
            | b"KK"
            | b"Group"
            | b"Holdings"
            | b"Chief"
            | b"CEO"
            | b"CFO"
            | b"COO"
            | b"CTO"
            | b"Chairman"
            | b"Chairwoman"
            | b"Chair"
            | b"President"
            | b"Vice"
            | b"Executive"
            | b"Founder"
            | b"Director"
            | b"Managing"
            | b"Senior"
            | b"General"
            | b"Spokesman"
            | b"Spokeswoman"
            | b"Spokesperson"
            | b"Head"
            | b"Partner"
            | b"Secretary"
            | b"Treasurer"
            | b"Day"
            | b"Boulevard"
            | b"Street"
            | b"Avenue"
            | b"High"
            | b"School"
            | b"Center"
            | b"Centre"
            | b"Prize"
            | b"Pictures"
            | b"Entertainment"
            | b"Discovery"
            | b"Records"
            | b"Studios"
            | b"KG"
            | b"OHG"
            | b"SARL"
            | b"SAS"
            | b"BV"
            | b"Oy"
            | b"Award"
            | b"Foundation"
    )
}

/// Whether `word` may follow "a.m." or "p.m." inside the same sentence: a day, a time zone, a
/// month, or a word naming whose clock it is ("5 p.m. Monday", "9 a.m. EST", "7 p.m. local").
pub fn continues_time(word: &[u8]) -> bool {
    matches!(
        word,
        b"Monday"
            | b"Tuesday"
            | b"Wednesday"
            | b"Thursday"
            | b"Friday"
            | b"Saturday"
            | b"Sunday"
            | b"Mon"
            | b"Tue"
            | b"Tues"
            | b"Wed"
            | b"Thu"
            | b"Thurs"
            | b"Fri"
            | b"Sat"
            | b"Sun"
            | b"January"
            | b"February"
            | b"March"
            | b"April"
            | b"May"
            | b"June"
            | b"July"
            | b"August"
            | b"September"
            | b"October"
            | b"November"
            | b"December"
            | b"Jan"
            | b"Feb"
            | b"Mar"
            | b"Apr"
            | b"Jun"
            | b"Jul"
            | b"Aug"
            | b"Sep"
            | b"Sept"
            | b"Oct"
            | b"Nov"
            | b"Dec"
            | b"ET"
            | b"EST"
            | b"EDT"
            | b"CT"
            | b"CST"
            | b"CDT"
            | b"MT"
            | b"MST"
            | b"MDT"
            | b"PT"
            | b"PST"
            | b"PDT"
            | b"GMT"
            | b"UTC"
            | b"BST"
            | b"CET"
            | b"CEST"
            | b"KST"
            | b"JST"
            | b"Eastern"
            | b"Central"
            | b"Mountain"
            | b"Pacific"
            | b"Greenwich"
            | b"Local"
            | b"Today"
            | b"Tonight"
            | b"Tomorrow"
    )
}

/// Whether `word` is a verb of speech that makes "Lee said" a tag on the quote before it.
pub fn is_speech_verb(word: &[u8]) -> bool {
    matches!(
        word,
        b"said"
            | b"says"
            | b"asked"
            | b"asks"
            | b"added"
            | b"adds"
            | b"told"
            | b"tells"
            | b"wrote"
            | b"writes"
            | b"replied"
            | b"replies"
            | b"responded"
            | b"shouted"
            | b"yelled"
            | b"cried"
            | b"insisted"
            | b"continued"
            | b"explained"
            | b"noted"
            | b"warned"
            | b"declared"
            | b"recalled"
            | b"wondered"
            | b"tweeted"
            | b"posted"
            | b"stated"
            | b"argued"
            | b"demanded"
            | b"whispered"
            | b"exclaimed"
            | b"remarked"
            | b"announced"
            | b"admitted"
            | b"conceded"
    )
}

/// Whether `word` opens a phrase that cannot stand alone as a sentence when it ends in an
/// abbreviation: "At 5 a.m.", "In the U.S.".
pub fn opens_phrase(word: &str) -> bool {
    matches!(
        word,
        "At" | "In"
            | "On"
            | "By"
            | "Until"
            | "Since"
            | "Before"
            | "After"
            | "From"
            | "Around"
            | "About"
            | "Near"
            | "Outside"
            | "Inside"
            | "Across"
            | "Throughout"
    )
}

/// Whether `word` names a place whose "St." is a saint, not a street: "Mount St. Helens",
/// "Fort St. John", "Sault Ste. Marie".
pub fn precedes_saint(word: &[u8]) -> bool {
    matches!(
        word,
        b"Mount" | b"Mt." | b"Fort" | b"Ft." | b"Port" | b"Lake" | b"Cape" | b"Sault" | b"Grand"
    )
}
