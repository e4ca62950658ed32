//! Adopting a coder's version of a disputed unit (or the merged one) into the open article:
//! the unit's tags and note become the version's, as one edit, undone by one undo and saved
//! like any other.

use crate::annotation::Tag;
use crate::tui::app::App;
use crate::tui::disagreements::Version;
use crate::tui::effect::Effect;

use super::edit;

/// Makes unit `unit` of the open article carry exactly `version`'s tags and note. Returns the
/// save to run; nothing when the unit already matches.
pub fn adopt(app: &mut App, unit: usize, version: &Version) -> Vec<Effect> {
    let (_, effects) = edit::edit(app, |set, article, stamp| {
        for tag in Tag::ALL {
            let (has, wanted) = (
                set.tags_at_unit(unit).contains(&tag),
                version.tags.contains(&tag),
            );
            if wanted && !has {
                set.add_tag(article, (unit, unit), tag, stamp);
            } else if has && !wanted {
                set.remove_tag(unit, tag, stamp.now);
            }
        }
        let note = set
            .index_at_unit(unit)
            .and_then(|index| set.get(index))
            .map(|(annotation, _)| annotation.note.clone());
        let differs = match &note {
            Some(note) => *note != version.note,
            None => !version.note.is_empty(),
        };
        if differs {
            set.set_note(article, (unit, unit), &version.note, stamp);
        }
    });
    effects
}
