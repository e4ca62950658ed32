//! The edits a person makes to claim groups, on one article's annotations: link some of them to
//! a group, unlink one, relabel a group. Each says whether it changed anything, so a caller
//! saves only what changed; the group's members in other articles get the same edit through
//! their own sidecars.

use crate::annotation::{Annotation, ClaimLink, Timestamp};

/// Links the annotations whose ids are in `keys` to `link` (a label already there is replaced).
pub fn link(
    annotations: &mut [Annotation],
    keys: &[&str],
    link: &ClaimLink,
    now: Timestamp,
) -> bool {
    let mut changed = false;
    for annotation in annotations
        .iter_mut()
        .filter(|a| keys.contains(&a.id.as_str()))
    {
        match annotation.groups.iter_mut().find(|l| l.id == link.id) {
            Some(old) if old.label == link.label => continue,
            Some(old) => old.label.clone_from(&link.label),
            None => {
                annotation.groups.push(link.clone());
                annotation.groups.sort();
            }
        }
        annotation.modified = now;
        changed = true;
    }
    changed
}

/// Takes the annotations whose ids are in `keys` out of group `group`.
pub fn unlink(annotations: &mut [Annotation], keys: &[&str], group: &str, now: Timestamp) -> bool {
    let mut changed = false;
    for annotation in annotations
        .iter_mut()
        .filter(|a| keys.contains(&a.id.as_str()))
    {
        let before = annotation.groups.len();
        annotation.groups.retain(|l| l.id != group);
        if annotation.groups.len() != before {
            annotation.modified = now;
            changed = true;
        }
    }
    changed
}

/// Gives group `group` the label `label` on every annotation in it.
pub fn relabel(annotations: &mut [Annotation], group: &str, label: &str, now: Timestamp) -> bool {
    let mut changed = false;
    for annotation in annotations.iter_mut() {
        for link in annotation.groups.iter_mut().filter(|l| l.id == group) {
            if link.label != label {
                label.clone_into(&mut link.label);
                annotation.modified = now;
                changed = true;
            }
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::{Anchor, Tag};
    use time::macros::datetime;

    fn annotation(id: &str) -> Annotation {
        Annotation::new(
            id,
            vec![Tag::Claim],
            Anchor::new("", 0, 0, (0, 0)),
            datetime!(2025-01-13 09:00 UTC),
        )
    }

    fn link_to(id: &str, label: &str) -> ClaimLink {
        ClaimLink {
            id: id.to_owned(),
            label: label.to_owned(),
        }
    }

    #[test]
    fn link_relabel_and_unlink_change_only_what_they_name() {
        let now = datetime!(2025-02-01 09:00 UTC);
        let mut list = vec![annotation("a"), annotation("b")];
        assert!(link(&mut list, &["a"], &link_to("g1", "300 killed"), now));
        assert!(!link(&mut list, &["a"], &link_to("g1", "300 killed"), now));
        assert_eq!(list[0].groups, [link_to("g1", "300 killed")]);
        assert_eq!(list[0].modified, now);
        assert!(list[1].groups.is_empty());
        assert!(link(
            &mut list,
            &["a"],
            &link_to("g2", "2,700 injured"),
            now
        ));
        assert!(relabel(&mut list, "g1", "about 300 killed", now));
        assert!(!relabel(&mut list, "g3", "nothing", now));
        assert_eq!(
            list[0].groups,
            [
                link_to("g1", "about 300 killed"),
                link_to("g2", "2,700 injured")
            ]
        );
        assert!(unlink(&mut list, &["a"], "g1", now));
        assert!(!unlink(&mut list, &["b"], "g1", now));
        assert_eq!(list[0].groups, [link_to("g2", "2,700 injured")]);
    }
}
