//! What a fact card's marks mean, in one table: the label under each
//! member's source name, the "≠" chip and the note of a card that repeats
//! an earlier card's sentences. The Help menu reads it, and so do the
//! alignment pane's tooltips of the labels.

/// The labels a card gives its members, as the alignment pane chooses them.
pub const MEMBER_LABELS: [&str; 4] = ["base", "copied", "paraphrase", "reworded"];

/// The mark of a discrepancy chip, and what it means.
pub const DISCREPANCY: (&str, &str) = ("≠", "a number or date the members state differently, marked in each");

/// The note of a card that holds at least half of its sentences in an
/// earlier card ("7 sentences also in Fact 1"), and what it means.
pub const REPEATS: (&str, &str) = (
    "also in Fact N",
    "half or more of the card's sentences stand in an earlier card too (a sentence can report several facts)",
);

/// What a member's label says.
pub fn label_meaning(label: &str) -> &'static str {
    match label {
        "base" => "the sentence the others are compared with",
        "paraphrase" => {
            "its own words, judged by a model to say what the base says (on news, about three in four such \
             judgements read right); shared words highlighted"
        }
        "reworded" => {
            "the same fact in its own words, not judged a restatement: it may say more, less or other things; \
             shared words highlighted"
        }
        _ => "a near-copy of the base; changed words marked",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_has_a_meaning_of_its_own() {
        let meanings: std::collections::BTreeSet<&str> = MEMBER_LABELS.map(label_meaning).into();
        assert_eq!(meanings.len(), MEMBER_LABELS.len());
    }
}
