//! What a figure counts or measures: people killed, injured, evacuated..., things recalled, a
//! percentage level or change, or a unit of measure; the words that name each, and how each is
//! written in labels and exports.

use super::numbers::Amount;

/// What a figure counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Quantity {
    /// People killed, dead, who died or lost their lives.
    Killed,
    /// People injured or wounded.
    Injured,
    /// Casualties (killed and injured together).
    Casualties,
    /// People arrested or detained.
    Arrested,
    /// People missing.
    Missing,
    /// People displaced or evacuated.
    Displaced,
    /// People captured or taken prisoner.
    Captured,
    /// People sent or deployed.
    Deployed,
    /// Things recalled (cars, products).
    Recalled,
    /// A percentage level ("58% of voters", "turnout was 58%").
    Percent,
    /// A change in percent ("fell 6%", "closed 6% lower").
    PercentChange,
    /// Millimetres.
    Millimetres,
    /// Centimetres.
    Centimetres,
    /// Metres.
    Metres,
    /// Kilometres.
    Kilometres,
    /// Kilometres per hour.
    KilometresPerHour,
    /// Miles.
    Miles,
    /// Miles per hour.
    MilesPerHour,
    /// Hectares.
    Hectares,
    /// Kilograms.
    Kilograms,
    /// Tonnes.
    Tonnes,
    /// Degrees (of temperature or angle, as the text says).
    Degrees,
}

impl Quantity {
    /// The lower-case name used in exports and labels.
    pub fn name(self) -> &'static str {
        match self {
            Quantity::Killed => "killed",
            Quantity::Injured => "injured",
            Quantity::Casualties => "casualties",
            Quantity::Arrested => "arrested",
            Quantity::Missing => "missing",
            Quantity::Displaced => "displaced",
            Quantity::Captured => "captured",
            Quantity::Deployed => "deployed",
            Quantity::Recalled => "recalled",
            Quantity::Percent => "percent",
            Quantity::PercentChange => "percent_change",
            Quantity::Millimetres => "mm",
            Quantity::Centimetres => "cm",
            Quantity::Metres => "m",
            Quantity::Kilometres => "km",
            Quantity::KilometresPerHour => "km/h",
            Quantity::Miles => "miles",
            Quantity::MilesPerHour => "mph",
            Quantity::Hectares => "hectares",
            Quantity::Kilograms => "kg",
            Quantity::Tonnes => "tonnes",
            Quantity::Degrees => "degrees",
        }
    }

    /// Whether the quantity is a percentage (level or change): such figures are about the same
    /// thing only when the words around them meet (see [`Figure::subject`]).
    pub fn is_percent(self) -> bool {
        matches!(self, Quantity::Percent | Quantity::PercentChange)
    }

    /// A figure of this quantity as a label shows it: "300 killed", "58%", "6% change", "180 mm".
    pub fn label(self, amount: Amount) -> String {
        match self {
            Quantity::Percent => format!("{amount}%"),
            Quantity::PercentChange => format!("{amount}% change"),
            _ => format!("{amount} {}", self.name()),
        }
    }

    /// The label of a figure or, when `high` is above `amount`, of a vague figure's range
    /// ("200 to 999 evacuated").
    pub fn range_label(self, amount: Amount, high: Amount) -> String {
        if high > amount {
            self.label(amount)
                .replacen(&amount.to_string(), &format!("{amount} to {high}"), 1)
        } else {
            self.label(amount)
        }
    }

    /// The quantity `word` (lower case) names, if any.
    pub fn of_word(word: &str) -> Option<Quantity> {
        const EXACT: [(&str, Quantity); 10] = [
            ("dead", Quantity::Killed),
            ("died", Quantity::Killed),
            ("lives", Quantity::Killed),
            ("hurt", Quantity::Injured),
            ("missing", Quantity::Missing),
            ("sent", Quantity::Deployed),
            ("pows", Quantity::Captured),
            ("jailed", Quantity::Arrested),
            ("fled", Quantity::Displaced),
            ("homeless", Quantity::Displaced),
        ];
        const STEMS: [(&str, Quantity); 16] = [
            ("recall", Quantity::Recalled),
            ("kill", Quantity::Killed),
            ("death", Quantity::Killed),
            ("fatalit", Quantity::Killed),
            ("deceased", Quantity::Killed),
            ("injur", Quantity::Injured),
            ("wound", Quantity::Injured),
            ("casualt", Quantity::Casualties),
            ("arrest", Quantity::Arrested),
            ("detain", Quantity::Arrested),
            ("displac", Quantity::Displaced),
            ("evacuat", Quantity::Displaced),
            ("captur", Quantity::Captured),
            ("captive", Quantity::Captured),
            ("deploy", Quantity::Deployed),
            ("dispatch", Quantity::Deployed),
        ];
        EXACT
            .iter()
            .find(|(w, _)| *w == word)
            .or_else(|| STEMS.iter().find(|(stem, _)| word.starts_with(stem)))
            .map(|(_, q)| *q)
            .or_else(|| word.starts_with("send").then_some(Quantity::Deployed))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_write_each_measure_as_people_read_it() {
        let label = |q: Quantity, n: u64| q.label(Amount::whole(n));
        assert_eq!(label(Quantity::Killed, 300), "300 killed");
        assert_eq!(label(Quantity::Percent, 58), "58%");
        assert_eq!(label(Quantity::PercentChange, 6), "6% change");
        assert_eq!(label(Quantity::Millimetres, 180), "180 mm");
        assert_eq!(label(Quantity::KilometresPerHour, 90), "90 km/h");
        let range = |q: Quantity, low: u64, high: u64| {
            q.range_label(Amount::whole(low), Amount::whole(high))
        };
        assert_eq!(range(Quantity::Displaced, 200, 999), "200 to 999 displaced");
        assert_eq!(range(Quantity::Percent, 20, 29), "20 to 29%");
        assert_eq!(range(Quantity::Killed, 300, 300), "300 killed");
    }
}
