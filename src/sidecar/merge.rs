//! The three-way merge of annotations: what we last read or wrote (base), what we have now
//! (ours), and what another process wrote meanwhile (theirs).
//!
//! Nothing anyone added is lost and nothing anyone removed comes back: tags merge as sets against
//! the base, a deletion takes away what the deleting side had read and no more (what the other
//! side added or changed meanwhile stays), two different new notes are both kept, a speaker one
//! side changed is that side's and two different new speakers are joined (`ours / theirs`), and
//! two annotations made at the same time on the same text become one.
//!
//! An annotation is matched by id and, failing that, by its place: a merge that folded two
//! annotations on the same text into one kept only one id, and the side whose id went must still
//! find its annotation there, or a tag it removes afterwards would come back from the fold.

use std::borrow::Borrow;
use std::collections::{HashMap, HashSet};

use crate::annotation::{Annotation, ClaimLink, Tag};

/// Merges `ours` and `theirs`, both derived from `base`, by annotation id. The order of the
/// result is not meaningful; the caller sorts it.
pub fn merge(
    base: &[impl Borrow<Annotation>],
    ours: &[impl Borrow<Annotation>],
    theirs: &[impl Borrow<Annotation>],
) -> Vec<Annotation> {
    let (base, ours, theirs) = (borrowed(base), borrowed(ours), borrowed(theirs));
    if theirs == base {
        let mut merged: Vec<Annotation> = ours.iter().map(|&a| a.clone()).collect();
        merged.retain(|a| !a.is_empty());
        return merged;
    }
    let ours = by_base_id(&base, ours);
    let theirs = by_base_id(&base, theirs);
    let base: HashMap<&str, &Annotation> = base.iter().map(|&a| (a.id.as_str(), a)).collect();
    let their: HashMap<&str, &Annotation> = theirs.iter().map(|(id, a)| (*id, *a)).collect();
    let our_ids: HashSet<&str> = ours.iter().map(|(id, _)| *id).collect();
    let mut merged = Vec::with_capacity(ours.len().max(theirs.len()));
    for &(id, mine) in &ours {
        let mut one = match (base.get(id), their.get(id)) {
            (Some(&old), Some(&other)) => merge_one(Some(old), mine, other),
            // They deleted it: what they had read goes, what we added or changed since stays.
            (Some(&old), None) => merge_one(Some(old), mine, &deleted(old)),
            (None, None) => mine.clone(),
            (None, Some(&other)) => merge_one(None, mine, other),
        };
        // The id it was merged under, so no two results share one.
        id.clone_into(&mut one.id);
        merged.push(one);
    }
    for &(id, other) in &theirs {
        if our_ids.contains(id) {
            continue;
        }
        let mut one = match base.get(id) {
            // We deleted it: what we had read goes, what they added or changed since stays.
            Some(&old) => merge_one(Some(old), &deleted(old), other),
            None => other.clone(),
        };
        id.clone_into(&mut one.id);
        merged.push(one);
    }
    merged.retain(|a| !a.is_empty());
    fold_same_text(merged)
}

/// `old` with nothing left: a deletion, as one side's version of an annotation, so that it
/// merges field by field like any other edit.
fn deleted(old: &Annotation) -> Annotation {
    Annotation {
        tags: Vec::new(),
        note: String::new(),
        speaker: String::new(),
        ..old.clone()
    }
}

/// Each annotation of `side` with the id it is merged under: its own, or, when the base does not
/// know its id, that of the base annotation on exactly the same text whose id `side` no longer
/// has (a merge folded that one into this one).
fn by_base_id<'a>(
    base: &[&'a Annotation],
    side: Vec<&'a Annotation>,
) -> Vec<(&'a str, &'a Annotation)> {
    let base_ids: HashSet<&str> = base.iter().map(|a| a.id.as_str()).collect();
    let side_ids: HashSet<&str> = side.iter().map(|a| a.id.as_str()).collect();
    let mut gone: HashMap<(usize, usize, &str), &str> = base
        .iter()
        .filter(|a| !side_ids.contains(a.id.as_str()))
        .map(|a| (place(a), a.id.as_str()))
        .collect();
    side.into_iter()
        .map(|a| {
            let folded = (!base_ids.contains(a.id.as_str()))
                .then(|| gone.remove(&place(a)))
                .flatten();
            (folded.unwrap_or(a.id.as_str()), a)
        })
        .collect()
}

/// Where an annotation sits, as the fold of same-text annotations compares it.
fn place(annotation: &Annotation) -> (usize, usize, &str) {
    let anchor = &annotation.anchor;
    (anchor.start, anchor.end, anchor.exact.as_str())
}

/// The annotations of `list`, by reference, whoever owns them.
fn borrowed(list: &[impl Borrow<Annotation>]) -> Vec<&Annotation> {
    list.iter().map(Borrow::borrow).collect()
}

/// One annotation changed on both sides, field by field.
fn merge_one(base: Option<&Annotation>, ours: &Annotation, theirs: &Annotation) -> Annotation {
    if ours == theirs {
        return ours.clone();
    }
    if let Some(base) = base {
        if ours == base {
            return theirs.clone();
        }
        if theirs == base {
            return ours.clone();
        }
    }
    let note = match pick(base.map(|b| &b.note), &ours.note, &theirs.note) {
        Some(note) => note.clone(),
        None => join_notes(&ours.note, &theirs.note),
    };
    let speaker = match pick(base.map(|b| &b.speaker), &ours.speaker, &theirs.speaker) {
        Some(speaker) => speaker.clone(),
        None => join_speakers(&ours.speaker, &theirs.speaker),
    };
    Annotation {
        id: ours.id.clone(),
        tags: merge_tags(base.map(|b| b.tags.as_slice()), &ours.tags, &theirs.tags),
        note,
        author: pick(base.map(|b| &b.author), &ours.author, &theirs.author)
            .unwrap_or(&ours.author)
            .clone(),
        speaker,
        created: ours.created.min(theirs.created),
        modified: ours.modified.max(theirs.modified),
        anchor: pick(base.map(|b| &b.anchor), &ours.anchor, &theirs.anchor)
            .unwrap_or(&ours.anchor)
            .clone(),
        groups: merge_groups(
            base.map(|b| b.groups.as_slice()),
            &ours.groups,
            &theirs.groups,
        ),
    }
}

/// Claim links merge as a set by group id, like tags: one stays when it was in the base and
/// neither side removed it, or when either side added it; its label is the side's that changed
/// it (ours when both did).
fn merge_groups(
    base: Option<&[ClaimLink]>,
    ours: &[ClaimLink],
    theirs: &[ClaimLink],
) -> Vec<ClaimLink> {
    let base = base.unwrap_or(&[]);
    let find = |list: &[ClaimLink], id: &str| list.iter().find(|l| l.id == id).cloned();
    let mut ids: Vec<&str> = ours.iter().chain(theirs).map(|l| l.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    ids.into_iter()
        .filter_map(|id| {
            let (b, o, t) = (find(base, id), find(ours, id), find(theirs, id));
            let kept = match (&b, &o, &t) {
                (Some(_), Some(_), Some(_)) => true,
                (None, o, t) => o.is_some() || t.is_some(),
                _ => false,
            };
            if !kept {
                return None;
            }
            let label = |l: &Option<ClaimLink>| l.as_ref().map(|l| l.label.clone());
            let (bl, ol, tl) = (label(&b), label(&o), label(&t));
            let chosen = match (ol, tl) {
                (Some(o), Some(t)) => pick(bl.as_ref(), &o, &t).unwrap_or(&o).clone(),
                (Some(o), None) => o,
                (None, Some(t)) => t,
                (None, None) => String::new(),
            };
            Some(ClaimLink {
                id: id.to_owned(),
                label: chosen,
            })
        })
        .collect()
}

/// The side that changed a field, or the common value; `None` when both changed it differently.
fn pick<'a, T: PartialEq>(base: Option<&T>, ours: &'a T, theirs: &'a T) -> Option<&'a T> {
    if ours == theirs {
        return Some(ours);
    }
    match base {
        Some(base) if ours == base => Some(theirs),
        Some(base) if theirs == base => Some(ours),
        _ => None,
    }
}

/// A tag is kept when it was in the base and neither side removed it, or when either side added
/// it.
fn merge_tags(base: Option<&[Tag]>, ours: &[Tag], theirs: &[Tag]) -> Vec<Tag> {
    let base = base.unwrap_or(&[]);
    let mut tags: Vec<Tag> = Tag::ALL
        .into_iter()
        .filter(|tag| {
            let (b, o, t) = (base.contains(tag), ours.contains(tag), theirs.contains(tag));
            (b && o && t) || (!b && (o || t))
        })
        .collect();
    tags.sort();
    tags
}

/// Both notes, ours first, unless one already contains the other.
fn join_notes(ours: &str, theirs: &str) -> String {
    if ours.contains(theirs) {
        ours.to_owned()
    } else if theirs.contains(ours) {
        theirs.to_owned()
    } else {
        format!("{ours}\n{theirs}")
    }
}

/// Two speakers both sides gave differently: one cleared it and the other changed it (the change
/// stays, as with a deletion), one names the other in full ("Peskov", "Dmitry Peskov": the fuller
/// stays), or both, ours first, joined by ` / ` for a person to settle.
fn join_speakers(ours: &str, theirs: &str) -> String {
    if theirs.is_empty() || ours.contains(theirs) {
        ours.to_owned()
    } else if ours.is_empty() || theirs.contains(ours) {
        theirs.to_owned()
    } else {
        format!("{ours} / {theirs}")
    }
}

/// Annotations with the same exact text at the same place, made by two processes at once,
/// become one with the tags of both; the earliest id (UUID v7 ids sort by time) is kept.
fn fold_same_text(mut annotations: Vec<Annotation>) -> Vec<Annotation> {
    annotations.sort_by(|a, b| {
        (a.anchor.start, a.anchor.end, &a.anchor.exact, &a.id).cmp(&(
            b.anchor.start,
            b.anchor.end,
            &b.anchor.exact,
            &b.id,
        ))
    });
    let mut folded: Vec<Annotation> = Vec::with_capacity(annotations.len());
    for annotation in annotations {
        match folded.last_mut() {
            Some(kept)
                if kept.anchor.start == annotation.anchor.start
                    && kept.anchor.end == annotation.anchor.end
                    && kept.anchor.exact == annotation.anchor.exact =>
            {
                kept.tags.extend(annotation.tags);
                kept.tags.sort();
                for link in annotation.groups {
                    if !kept.groups.iter().any(|l| l.id == link.id) {
                        kept.groups.push(link);
                    }
                }
                kept.groups.sort();
                kept.tags.dedup();
                if kept.note != annotation.note {
                    kept.note = join_notes(&kept.note, &annotation.note);
                }
                if kept.speaker != annotation.speaker {
                    kept.speaker = join_speakers(&kept.speaker, &annotation.speaker);
                }
                kept.created = kept.created.min(annotation.created);
                kept.modified = kept.modified.max(annotation.modified);
            }
            _ => folded.push(annotation),
        }
    }
    folded
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::Anchor;
    use pretty_assertions::assert_eq;
    use rstest::rstest;
    use time::macros::datetime;

    fn a(id: &str, start: usize, tags: &[Tag], note: &str) -> Annotation {
        let exact = format!("sentence {start}");
        let end = start + exact.chars().count();
        let anchor = Anchor::new(exact, start, end, (0, 0));
        Annotation {
            note: note.into(),
            author: "tester".into(),
            ..Annotation::new(id, tags.to_vec(), anchor, datetime!(2025-01-13 09:00 UTC))
        }
    }

    /// `annotation` with `speaker`.
    fn said(speaker: &str, annotation: Annotation) -> Annotation {
        Annotation {
            speaker: speaker.into(),
            ..annotation
        }
    }

    /// `annotation` kept as an orphan by a person.
    fn kept(mut annotation: Annotation) -> Annotation {
        annotation.anchor.kept_orphan = true;
        annotation
    }

    fn sorted(mut annotations: Vec<Annotation>) -> Vec<Annotation> {
        annotations.sort_by(|x, y| x.id.cmp(&y.id));
        annotations
    }

    use Tag::{Claim, Denial, Quote};

    /// `a(id, 0, [Claim], "")` in the claim groups `links` (id, label).
    fn linked(id: &str, links: &[(&str, &str)]) -> Annotation {
        Annotation {
            groups: links
                .iter()
                .map(|(id, label)| ClaimLink {
                    id: (*id).into(),
                    label: (*label).into(),
                })
                .collect(),
            ..a(id, 0, &[Claim], "")
        }
    }

    #[rstest]
    #[case::both_link_to_different_groups(
        vec![linked("1", &[])],
        vec![linked("1", &[("g1", "300 killed")])],
        vec![linked("1", &[("g2", "2,700 injured")])],
        vec![linked("1", &[("g1", "300 killed"), ("g2", "2,700 injured")])],
    )]
    #[case::they_unlink_we_relabel_another(
        vec![linked("1", &[("g1", "a"), ("g2", "b")])],
        vec![linked("1", &[("g1", "a"), ("g2", "b2")])],
        vec![linked("1", &[("g2", "b")])],
        vec![linked("1", &[("g2", "b2")])],
    )]
    #[case::they_relabel_we_tag(
        vec![linked("1", &[("g1", "300")])],
        vec![Annotation { tags: vec![Claim, Quote], ..linked("1", &[("g1", "300")]) }],
        vec![linked("1", &[("g1", "300 killed")])],
        vec![Annotation { tags: vec![Claim, Quote], ..linked("1", &[("g1", "300 killed")]) }],
    )]
    fn claim_links_merge_as_a_set_by_group(
        #[case] base: Vec<Annotation>,
        #[case] ours: Vec<Annotation>,
        #[case] theirs: Vec<Annotation>,
        #[case] expected: Vec<Annotation>,
    ) {
        assert_eq!(sorted(merge(&base, &ours, &theirs)), expected);
    }

    #[rstest]
    #[case::nobody_else_wrote(
        vec![a("1", 0, &[Claim], "")],
        vec![a("1", 0, &[Claim, Quote], "")],
        vec![a("1", 0, &[Claim], "")],
        vec![a("1", 0, &[Claim, Quote], "")],
    )]
    #[case::they_added_one(
        vec![],
        vec![a("1", 0, &[Claim], "")],
        vec![a("2", 50, &[Quote], "")],
        vec![a("1", 0, &[Claim], ""), a("2", 50, &[Quote], "")],
    )]
    #[case::we_deleted_what_they_left_alone(
        vec![a("1", 0, &[Claim], ""), a("2", 50, &[Quote], "")],
        vec![a("2", 50, &[Quote], "")],
        vec![a("1", 0, &[Claim], ""), a("2", 50, &[Quote], ""), a("3", 90, &[Denial], "")],
        vec![a("2", 50, &[Quote], ""), a("3", 90, &[Denial], "")],
    )]
    #[case::their_note_survives_our_deletion(
        vec![a("1", 0, &[Claim], "")],
        vec![],
        vec![a("1", 0, &[Claim], "why")],
        vec![a("1", 0, &[], "why")],
    )]
    #[case::our_new_tag_survives_their_deletion(
        vec![a("1", 0, &[Claim], "")],
        vec![a("1", 0, &[Claim, Denial], "")],
        vec![],
        vec![a("1", 0, &[Denial], "")],
    )]
    #[case::a_tag_we_took_off_stays_off_when_they_added_one(
        vec![a("1", 0, &[Quote], "")],
        vec![],
        vec![a("1", 0, &[Claim, Quote], "")],
        vec![a("1", 0, &[Claim], "")],
    )]
    #[case::an_annotation_folded_into_theirs_is_still_ours(
        vec![a("2", 10, &[Quote], "n")],
        vec![a("2", 10, &[Denial], "n")],
        vec![a("1", 10, &[Claim, Quote], "n")],
        vec![a("2", 10, &[Claim, Denial], "n")],
    )]
    #[case::a_tag_taken_off_an_annotation_folded_into_theirs_stays_off(
        vec![a("2", 10, &[Quote], "")],
        vec![],
        vec![a("1", 10, &[Claim, Quote], "")],
        vec![a("2", 10, &[Claim], "")],
    )]
    #[case::tags_merge_as_sets(
        vec![a("1", 0, &[Claim, Denial], "")],
        vec![a("1", 0, &[Claim, Denial, Quote], "")],
        vec![a("1", 0, &[Denial], "")],
        vec![a("1", 0, &[Denial, Quote], "")],
    )]
    #[case::both_notes_are_kept(
        vec![a("1", 0, &[Claim], "")],
        vec![a("1", 0, &[Claim], "ours")],
        vec![a("1", 0, &[Claim], "theirs")],
        vec![a("1", 0, &[Claim], "ours\ntheirs")],
    )]
    #[case::both_removed_the_last_tags(
        vec![a("1", 0, &[Claim, Quote], "")],
        vec![a("1", 0, &[Quote], "")],
        vec![a("1", 0, &[Claim], "")],
        vec![],
    )]
    #[case::same_text_tagged_at_once_becomes_one(
        vec![],
        vec![a("2", 10, &[Claim], "")],
        vec![a("1", 10, &[Quote], "n")],
        vec![a("1", 10, &[Claim, Quote], "n")],
    )]
    #[case::their_speaker_comes_in(
        vec![a("1", 0, &[Claim], "")],
        vec![a("1", 0, &[Claim, Quote], "")],
        vec![said("NIS", a("1", 0, &[Claim], ""))],
        vec![said("NIS", a("1", 0, &[Claim, Quote], ""))],
    )]
    #[case::our_speaker_change_wins_over_their_tag(
        vec![said("NIS", a("1", 0, &[Claim], ""))],
        vec![said("Lee Seong-kweun", a("1", 0, &[Claim], ""))],
        vec![said("NIS", a("1", 0, &[Claim, Denial], ""))],
        vec![said("Lee Seong-kweun", a("1", 0, &[Claim, Denial], ""))],
    )]
    #[case::two_new_speakers_are_joined_ours_first(
        vec![a("1", 0, &[Quote], "")],
        vec![said("Dmitry Peskov", a("1", 0, &[Quote], ""))],
        vec![said("Kremlin", a("1", 0, &[Quote, Claim], ""))],
        vec![said("Dmitry Peskov / Kremlin", a("1", 0, &[Claim, Quote], ""))],
    )]
    #[case::the_fuller_speaker_stays(
        vec![a("1", 0, &[Quote], "")],
        vec![said("Peskov", a("1", 0, &[Quote], "x"))],
        vec![said("Dmitry Peskov", a("1", 0, &[Quote], ""))],
        vec![said("Dmitry Peskov", a("1", 0, &[Quote], "x"))],
    )]
    #[case::a_speaker_changed_survives_its_clearing(
        vec![said("NIS", a("1", 0, &[Claim], ""))],
        vec![a("1", 0, &[Claim, Quote], "")],
        vec![said("the NIS", a("1", 0, &[Claim], ""))],
        vec![said("the NIS", a("1", 0, &[Claim, Quote], ""))],
    )]
    #[case::a_speaker_given_survives_their_deletion(
        vec![a("1", 0, &[Claim], "")],
        vec![said("NIS", a("1", 0, &[Claim], ""))],
        vec![],
        vec![said("NIS", a("1", 0, &[], ""))],
    )]
    #[case::a_speaker_we_had_read_goes_with_our_deletion(
        vec![said("NIS", a("1", 0, &[Claim], ""))],
        vec![],
        vec![said("NIS", a("1", 0, &[Claim, Quote], ""))],
        vec![a("1", 0, &[Quote], "")],
    )]
    #[case::speakers_of_same_text_tagged_at_once_are_joined(
        vec![],
        vec![said("NIS", a("2", 10, &[Claim], ""))],
        vec![said("Yonhap", a("1", 10, &[Quote], ""))],
        vec![said("Yonhap / NIS", a("1", 10, &[Claim, Quote], ""))],
    )]
    #[case::their_kept_orphan_survives_our_tag(
        vec![a("1", 0, &[Claim], "")],
        vec![a("1", 0, &[Claim, Quote], "")],
        vec![kept(a("1", 0, &[Claim], ""))],
        vec![kept(a("1", 0, &[Claim, Quote], ""))],
    )]
    #[case::our_kept_orphan_survives_their_note(
        vec![a("1", 0, &[Claim], "")],
        vec![kept(a("1", 0, &[Claim], ""))],
        vec![a("1", 0, &[Claim], "checked")],
        vec![kept(a("1", 0, &[Claim], "checked"))],
    )]
    fn merges(
        #[case] base: Vec<Annotation>,
        #[case] ours: Vec<Annotation>,
        #[case] theirs: Vec<Annotation>,
        #[case] expected: Vec<Annotation>,
    ) {
        assert_eq!(sorted(merge(&base, &ours, &theirs)), sorted(expected));
    }
}
