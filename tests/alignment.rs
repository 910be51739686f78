//! Alignment on the seeds and on a small corpus with disagreeing figures:
//! the acceptance checks of the analysis engine, plus a pairwise
//! precision/recall measurement against hand-labelled facts of the seeds.

// A test may unwrap: clippy.toml allows it in #[test] functions, this in their helpers too.
#![allow(clippy::unwrap_used)]

use parallax::analysis::{analyze_documents, analyze_folder, analyze_sample};
use parallax::corpus::RawDocument;
use parallax::model::{Analysis, Group, Span, Wording};
use std::collections::BTreeSet;
use std::path::Path;

fn groups_with<'a>(a: &'a Analysis, needle: &str) -> Vec<&'a Group> {
    a.groups.iter().filter(|g| holds(a, g, needle)).collect()
}

/// Whether group `g` holds a sentence whose text contains `needle`.
fn holds(a: &Analysis, g: &Group, needle: &str) -> bool {
    g.sentences.iter().any(|s| a.sentence_text(s).is_some_and(|t| t.contains(needle)))
}

fn articles_of(g: &Group) -> BTreeSet<&str> {
    g.sentences.iter().map(|s| s.split('.').next().unwrap_or(s)).collect()
}

#[test]
fn the_24_hours_sentences_of_all_five_outlets_form_one_group() {
    let a = analyze_sample();
    let group = a
        .groups
        .iter()
        .find(|g| g.sentences.iter().filter(|s| a.sentence_text(s).unwrap().contains("24 hours")).count() >= 5)
        .expect("a group holding five “24 hours” sentences");
    assert_eq!(articles_of(group), BTreeSet::from(["a0", "a1", "a2", "a3", "a4"]));
    for s in &group.sentences {
        assert!(a.sentence_text(s).unwrap().contains("24 hours"), "{s} does not report the 24 hours");
    }
}

#[test]
fn no_group_mixes_the_24_hours_with_the_four_groups() {
    let a = analyze_sample();
    for g in groups_with(&a, "four groups") {
        let texts: Vec<&str> = g.sentences.iter().map(|s| a.sentence_text(s).unwrap()).collect();
        assert!(!texts.iter().any(|t| t.contains("24 hours")), "{} mixes both facts: {texts:#?}", g.id);
    }
    assert!(!groups_with(&a, "four groups").is_empty(), "the four groups fact is aligned");
}

#[test]
fn the_bush_and_trump_sentences_align() {
    let a = analyze_sample();
    let groups = groups_with(&a, "Bush and Trump administration officials");
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0].sentences.len(), 2);
    assert_eq!(articles_of(groups[0]), BTreeSet::from(["a1", "a2"]));
}

#[test]
fn the_seeds_agreeing_figures_raise_no_discrepancy() {
    let a = analyze_sample();
    for g in &a.groups {
        assert!(g.discrepancies.is_empty(), "{}: unexpected {:#?}", g.id, g.discrepancies);
    }
}

#[test]
fn diffs_cover_every_member_and_point_into_the_texts() {
    let a = analyze_sample();
    for g in &a.groups {
        assert!(articles_of(g).len() >= 2);
        assert!(g.sentences.contains(&g.base));
        assert_eq!(g.diffs.len(), g.sentences.len() - 1);
        for d in &g.diffs {
            let (article, _) = a.sentence(&d.member).unwrap();
            let (base_article, _) = a.sentence(&g.base).unwrap();
            for op in &d.ops {
                if let Some(span) = op.member {
                    assert!(article.text.is_char_boundary(span.start) && article.text.is_char_boundary(span.end));
                }
                if let Some(span) = op.base {
                    assert!(base_article.text.is_char_boundary(span.start));
                }
            }
        }
    }
}

#[test]
fn disagreeing_figures_are_flagged_and_vague_dates_agree() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/discrepancy");
    let a = analyze_folder(&folder, &mut |_| {}).unwrap();
    let members = groups_with(&a, "members of the exiled");
    assert_eq!(members.len(), 1, "{:#?}", a.groups);
    let d = &members[0].discrepancies;
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0].kind.as_str(), "number");
    let values: BTreeSet<&str> = d[0].values.iter().map(|v| v.value.as_str()).collect();
    assert_eq!(values, BTreeSet::from(["3000", "2500"]));
    assert!(d[0].values.iter().any(|v| v.text == "some 3,000"));

    let since = groups_with(&a, "based in Albania since");
    assert_eq!(since.len(), 1);
    assert_eq!(since[0].discrepancies.len(), 1);
    assert_eq!(since[0].discrepancies[0].kind.as_str(), "year");

    let buses = groups_with(&a, "first buses arrived");
    assert_eq!(buses.len(), 1);
    assert!(buses[0].discrepancies.is_empty(), "“July 15” and “mid-July” agree: {:#?}", buses[0].discrepancies);
}

/// Hand-labelled facts of the seeds: each set holds the sentences (by a
/// snippet of their text) that report one fact. Pairs of sentences sharing a fact should share a
/// group. Labelled by reading the five articles; see
/// docs/segmentation-and-alignment.md.
const GOLD: &[&[&str]] = &[
    // Albania cuts diplomatic ties with Iran.
    &[
        "has severed diplomatic ties with Iran",
        "() – Albania has interrupted diplomatic",
        "has cut diplomatic ties with Iran",
        "Earlier today, Albanian Prime",
        "Sept. 7, 2022 – Albania’s government",
        "Council of Ministers has decided with",
        "has announced that it has decided",
        "a video message shared on his",
        "that the Albanian Council of Ministers",
    ],
    // Diplomats get 24 hours to leave.
    &[
        "has severed diplomatic ties with Iran",
        "a rare video message posted yesterday,",
        "gave Iranian diplomats 24 hours to",
        "decision was made known with an",
        "that the Albanian Council of Ministers",
    ],
    // The response is proportional to the gravity of the attack.
    &[
        "a video statement, Rama noted that",
        "Sept. 7, 2022 – Albania’s government",
        "added that this extreme measure, which",
    ],
    // What the attack aimed at: paralysing public services, chaos.
    &[
        "a video statement, Rama noted that",
        "to Edi Rama, the July cyberattacks",
        "July 15, our country was the",
        "added that this extreme measure, which",
    ],
    // Established without a shadow of doubt.
    &["in his view, Tirana’s law enforcement", "cooperation with specialized partner agencies against"],
    // Indisputable / irrefutable evidence that Iran was behind it.
    &[
        "in-depth investigation provided us with indisputable",
        "Prime Minister Edi Rama, there is",
        "Minister Edi Rama presented the results",
        "in-depth investigation provided us with indisputable",
        "that their in-depth investigation has provided",
    ],
    // Iran used four groups, one behind attacks on Israel, Saudi Arabia…
    &[
        "in-depth investigation provided us with indisputable",
        "Minister Edi Rama presented the results",
        "in-depth investigation provided us with indisputable",
        "that Iran engaged four groups for",
    ],
    // The United States condemns Iran's cyberattack.
    &[
        "United States also weighed in, with",
        "those who point to Tehran is",
        "condemned the alleged Iranian cyberattack today",
        "United States strongly condemns Iran’s cyberattack",
    ],
    // The US concluded Iran conducted the reckless attack.
    &["also noted that US cyber experts", "have concluded that the Government of"],
    // Iranian diplomats expelled in 2018.
    &["2018, Tirana, citing US officials, accused", "between Albania and Iran have deteriorated"],
    // Albania is home to the MEK.
    &[
        "years, Albania has also been a",
        "confrontation would have originated after a",
        "(MEK), has been based in Albania",
        "between Albania and Iran have deteriorated",
    ],
    // The US delisted the MEK in 2012.
    &["United States withdrew the designation of", "terrorist designation in 2012, following"],
    // Bush and Trump officials endorsed the group.
    &["recent years, some Republican figures, including", "recent years, some hawkish Republicans including"],
    // A major cyberattack in (mid-)July.
    &["mid-July, there was a major cyberattack", "authorities announced in July that the"],
];

fn pairs(sets: impl Iterator<Item = Vec<String>>) -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    for set in sets {
        for x in &set {
            for y in &set {
                if x < y && x.split('.').next() != y.split('.').next() {
                    out.insert((x.clone(), y.clone()));
                }
            }
        }
    }
    out
}

#[test]
fn pairwise_precision_and_recall_against_hand_labelled_facts() {
    let a = analyze_sample();
    let resolve = |snippet: &str| -> Vec<String> {
        let ids: Vec<String> = a
            .articles
            .iter()
            .flat_map(|art| art.sentences.iter().filter(|s| art.sentence_text(s).contains(snippet)))
            .map(|s| s.id.clone())
            .collect();
        assert!(!ids.is_empty(), "no sentence holds “{snippet}”");
        ids
    };
    let gold = pairs(GOLD.iter().map(|set| set.iter().flat_map(|s| resolve(s)).collect()));
    // The labels cover prose sentences; headlines (aligned since issue 10)
    // are left out of this measurement.
    let headline = |id: &str| a.sentence(id).is_some_and(|(_, s)| s.headline);
    let found = pairs(a.groups.iter().map(|g| g.sentences.iter().filter(|s| !headline(s)).cloned().collect()));
    let true_positives = found.intersection(&gold).count();
    let precision = true_positives as f32 / found.len() as f32;
    let recall = true_positives as f32 / gold.len() as f32;
    println!(
        "alignment on the seeds: {} predicted pairs, {} gold pairs, precision {precision:.2}, recall {recall:.2}",
        found.len(),
        gold.len()
    );
    for pair in found.difference(&gold) {
        println!("  not in gold: {} | {}", pair.0, pair.1);
    }
    let text = |id: &str| a.sentence(id).map(|(art, s)| art.sentence_text(s).to_string()).unwrap_or_default();
    for pair in gold.difference(&found) {
        println!("  missed: {} {} | {} {}", pair.0, text(&pair.0), pair.1, text(&pair.1));
    }
    // Floors a little under the measured values (see the docs), so a
    // regression fails here.
    assert!(precision >= 0.70, "precision {precision:.2}");
    assert!(recall >= 0.75, "recall {recall:.2}");
}

/// Three outlets on one made-up story, each a headline line and a few
/// paragraphs; `lines[i]` is what outlet `i` writes for the fact under test,
/// placed among sentences on other matters so that term weights are real.
fn story(headlines: [&str; 3], lines: [&str; 3], extra: [&str; 3]) -> Analysis {
    story_of(None, headlines, lines, extra)
}

/// [`story`], the three articles published on `day` (front matter) if given.
fn story_of(day: Option<&str>, headlines: [&str; 3], lines: [&str; 3], extra: [&str; 3]) -> Analysis {
    let filler = [
        "The regional council met on Monday to discuss the harbour budget for the coming year.",
        "Fishermen in the northern villages have complained for months about falling prices at the market.",
        "A new ferry line to the islands is expected to open before the summer season begins.",
        "Teachers at the technical college asked for smaller classes and better laboratory equipment.",
    ];
    let docs: Vec<RawDocument> = (0..3)
        .map(|i| {
            let front = day.map(|d| format!("---\ndate: {d}\n---\n")).unwrap_or_default();
            let mut body = format!("{front}{}\n\n{}\n\n{}", headlines[i], filler[i], lines[i]);
            if !extra[i].is_empty() {
                body.push_str(&format!("\n\n{}", extra[i]));
            }
            body.push_str(&format!("\n\n{}\n", filler[(i + 1) % 4]));
            RawDocument { file: format!("outlet{i}.txt"), content: body }
        })
        .collect();
    analyze_documents(&docs, Vec::new(), &mut |_| {})
}

fn group_of<'a>(a: &'a Analysis, needle: &str) -> Vec<&'a Group> {
    groups_with(a, needle)
}

const HEADLINES: [&str; 3] = [
    "Storm floods the old town of Vellmar",
    "Heavy storm floods Vellmar old town",
    "Vellmar old town flooded after storm",
];

#[test]
fn a_paraphrase_pair_aligns() {
    let a = story(
        HEADLINES,
        [
            "The storm cut electricity to about half of the homes in the old town overnight.",
            "Around half of the old town's households lost their electricity during the night as the storm hit.",
            "The mayor promised to rebuild the damaged bridge by the end of the year.",
        ],
        ["", "", ""],
    );
    let groups = group_of(&a, "half of the homes");
    assert_eq!(groups.len(), 1, "{:#?}", a.groups);
    assert!(holds(&a, groups[0], "households lost"));
    let reworded = groups[0].diffs.iter().find(|d| a.sentence_text(&d.member).unwrap().contains("households"));
    let base_is_reworded = a.sentence_text(&groups[0].base).unwrap().contains("households");
    assert!(base_is_reworded || reworded.is_some_and(|d| d.wording == Some(Wording::Reworded)));
}

#[test]
fn a_negated_pair_does_not_align() {
    let a = story(
        HEADLINES,
        [
            "Officials said the emergency plan achieved its goal of keeping the hospital open through the night.",
            "Officials said the emergency plan did not achieve its goal of keeping the hospital open through the night.",
            "The mayor promised to rebuild the damaged bridge by the end of the year.",
        ],
        ["", "", ""],
    );
    for g in group_of(&a, "emergency plan") {
        let texts: Vec<&str> = g.sentences.iter().map(|s| a.sentence_text(s).unwrap()).collect();
        assert!(
            !(texts.iter().any(|t| t.contains("did not achieve")) && texts.iter().any(|t| t.contains("plan achieved"))),
            "{texts:#?}"
        );
    }
}

#[test]
fn a_negation_in_a_relative_clause_does_not_part_a_pair() {
    let a = story(
        HEADLINES,
        [
            "The director, who has not signed a contract yet, is in talks with the studio to return for the sequel next spring.",
            "The director who has not signed a contract yet is in talks with the studio to return for the sequel next spring.",
            "The mayor promised to rebuild the damaged bridge by the end of the year.",
        ],
        [
            "",
            "",
            "The trade press reported that the director is in talks with the studio to return for the sequel next spring.",
        ],
    );
    // The relative clause's "not" (cut off by commas in the first outlet,
    // not in the second) does not negate "is in talks": the three sentences
    // that report the talks align.
    let groups = group_of(&a, "in talks with the studio");
    let talks = |t: &str| t.contains("in talks with the studio");
    assert!(
        groups.iter().any(|g| g.sentences.iter().filter(|s| talks(a.sentence_text(s).unwrap())).count() == 3),
        "{:#?}",
        a.groups
    );
}

#[test]
fn a_british_and_an_american_spelling_of_one_fact_align() {
    let a = story(
        HEADLINES,
        [
            "The defence ministry organised the programme.",
            "The defense ministry organized the program.",
            "The mayor promised to rebuild the damaged bridge by the end of the year.",
        ],
        ["", "", ""],
    );
    // Read letter by letter, the two share "ministry" only; read as one
    // spelling, every content word.
    let groups = group_of(&a, "defence ministry organised");
    assert!(groups.iter().any(|g| holds(&a, g, "defense ministry")), "{:#?}", a.groups);
}

#[test]
fn a_sentence_of_an_earlier_year_is_not_the_news() {
    let lines = [
        "Ellen DeGeneres will host the Oscars ceremony again next year, the Academy announced on Friday.",
        "Ellen DeGeneres will return to host the Oscars ceremony next year, producers said on Friday.",
        "The mayor promised to rebuild the damaged bridge by the end of the year.",
    ];
    let extra = [
        "",
        "DeGeneres first hosted the Oscars ceremony in 2007, only the second woman to host it alone.",
        "DeGeneres, who first hosted the Oscars ceremony in 2007, was the second woman to host it alone.",
    ];
    let dated = story_of(Some("2013-08-02"), HEADLINES, lines, extra);
    // The two outlets' sentences of 2007 are one fact; neither is the
    // news of 2013.
    assert!(
        dated.groups.iter().any(|g| holds(&dated, g, "first hosted the Oscars ceremony in 2007, only")
            && holds(&dated, g, "who first hosted")),
        "{:#?}",
        dated.groups
    );
    assert!(
        !dated.groups.iter().any(|g| holds(&dated, g, "in 2007") && holds(&dated, g, "will")),
        "{:#?}",
        dated.groups
    );
    // Undated, nothing says when the news is: the words decide.
    let undated = story(HEADLINES, lines, extra);
    assert!(
        undated.groups.iter().any(|g| holds(&undated, g, "in 2007") && holds(&undated, g, "will")),
        "{:#?}",
        undated.groups
    );
}

#[test]
fn a_number_mismatch_is_a_discrepancy() {
    let a = story(
        HEADLINES,
        [
            "Rescue teams evacuated 120 residents from the flooded streets near the river on Saturday.",
            "Rescue teams evacuated 150 residents from the flooded streets near the river on Saturday.",
            "The mayor promised to rebuild the damaged bridge by the end of the year.",
        ],
        ["", "", ""],
    );
    let groups = group_of(&a, "evacuated 120");
    assert_eq!(groups.len(), 1, "{:#?}", a.groups);
    assert_eq!(groups[0].sentences.len(), 2);
    let d = &groups[0].discrepancies;
    assert_eq!(d.len(), 1, "{d:#?}");
    let values: BTreeSet<&str> = d[0].values.iter().map(|v| v.value.as_str()).collect();
    assert_eq!(values, BTreeSet::from(["120", "150"]));
}

#[test]
fn headlines_are_compared_across_sources_and_come_first() {
    let a = story(
        HEADLINES,
        [
            "The mayor promised to rebuild the damaged bridge by the end of the year.",
            "Schools in the district will stay closed until Wednesday, the education office said.",
            "The national weather service warned of more rain in the mountains this week.",
        ],
        ["", "", ""],
    );
    let first = &a.groups[0];
    assert!(first.headline, "{:#?}", a.groups);
    assert_eq!(first.sentences.len(), 3);
    for id in &first.sentences {
        let (article, sentence) = a.sentence(id).unwrap();
        assert!(sentence.headline);
        assert_eq!(Some(Span::new(sentence.start, sentence.end)), article.title_span);
    }
    assert!(a.groups[1..].iter().all(|g| !g.headline));
}

#[test]
fn bylines_and_timestamps_stay_out_of_groups() {
    // Two outlets carry the same byline, long enough (six content terms) to
    // align as a fact if the non-prose filter let it through: this test
    // fails with the filter off.
    let a = story(
        HEADLINES,
        [
            "By Jane Doe and Peter Smith, Vellmar Courier\n\nJuly 03, 2013 6:22AM\n\nThe mayor promised to rebuild the damaged bridge by the end of the year.",
            "By Jane Doe and Peter Smith, Vellmar Courier\n\nJuly 03, 2013 6:22AM\n\nSchools in the district will stay closed until Wednesday.",
            "Share this\n\nJuly 03, 2013 6:22AM\n\nThe national weather service warned of more rain this week.",
        ],
        ["", "", ""],
    );
    for g in &a.groups {
        for s in &g.sentences {
            let text = a.sentence_text(s).unwrap();
            assert!(!text.contains("Jane Doe") && !text.contains("6:22AM") && !text.contains("Share this"), "{text}");
        }
    }
}

#[test]
fn non_prose_lines_are_recognised() {
    for line in [
        "By Jane Doe",
        "By Jane Doe and Peter Smith, Vellmar Courier",
        "July 03, 2013 6:22AM",
        "Share this",
        "Photo: Getty Images",
        "Updated 10:45 a.m. ET",
        "FULL TEXT.",
        "The New York Times reports:",
        "April 4, 2012",
        "on Sunday, February 1, 2009",
    ] {
        assert!(parallax::align::is_non_prose(line), "{line}");
    }
    for line in [
        "By noon the rescue teams had reached the village.",
        "The vote is set for July 3 at 6 p.m. in the council chamber.",
        "NATO said the strike hit a depot.",
        "The minister gave three reasons: cost, time and safety.",
        "Jackson is due in court Feb. 17.",
        "Sunday, 12 killed",
    ] {
        assert!(!parallax::align::is_non_prose(line), "{line}");
    }
}

/// The storm story's sentences, one report's worth.
const STORM: [&str; 14] = [
    "A storm flooded the old town of Vellmar on Tuesday night.",
    "Firefighters pumped water out of cellars along the river until dawn.",
    "The mayor said the damaged bridge would be rebuilt by the end of the year.",
    "Schools in the old town stay closed until the cellars are dry.",
    "Insurers sent assessors to the flooded shops on the market square.",
    "The railway line to the coast reopened on Wednesday afternoon.",
    "Volunteers handed out blankets and hot meals at the sports hall.",
    "Forecasters expect more heavy rain in the mountains over the weekend.",
    "Police closed the lower road after a landslide blocked one lane.",
    "The hospital moved its patients from the ground floor as a precaution.",
    "Farmers in the valley lost most of their autumn harvest to the water.",
    "Engineers will inspect the dam above the town on Friday morning.",
    "Hundreds of residents spent the night with relatives on higher ground.",
    "The army sent trucks and sandbags to protect the power station.",
];

/// Two stories of two outlets each, as in a folder that holds a week of
/// coverage: `x` goes into the first outlet on the storm, `y` into
/// `y_outlet` (1: the second outlet on the storm; 2: the first on the vote).
fn two_stories(x: &str, y: &str, y_outlet: usize) -> Analysis {
    two_stories_at(x, y, y_outlet, (2, 1))
}

/// [`two_stories`] with `x` and `y` put at the given places of their
/// articles' lines (the first line is the title).
fn two_stories_at(x: &str, y: &str, y_outlet: usize, (x_at, y_at): (usize, usize)) -> Analysis {
    let storm = STORM;
    let vote = [
        "The regional parliament passed the harbour budget on Thursday by a narrow margin.",
        "The opposition voted against the budget, saying it favours the big shipping firms.",
        "The finance minister said port fees would rise for the first time in ten years.",
        "Fishermen protested outside the parliament building during the vote.",
        "The budget sets aside money for dredging the harbour entrance.",
        "Ferry operators warned that ticket prices could follow the fees upward.",
        "The governor is expected to sign the bill into law next month.",
        "Auditors will review the port authority's accounts before the spring.",
        "Two members of the governing coalition abstained in the final ballot.",
        "Dock workers' unions called the fee increase a tax on their jobs.",
        "The treasury expects the new fees to raise forty million a year.",
        "Shipping companies said they would move some routes to rival ports.",
        "The debate lasted more than nine hours and ended after midnight.",
        "Business groups welcomed the plan to modernise the container terminal.",
    ];
    let outlets = [&storm, &storm, &vote, &vote];
    let docs: Vec<RawDocument> = outlets
        .iter()
        .enumerate()
        .map(|(i, lines)| {
            let mut body: Vec<&str> = lines.to_vec();
            if i == 0 {
                body.insert(x_at, x);
            }
            if i == y_outlet {
                body.insert(y_at, y);
            }
            RawDocument { file: format!("outlet{i}.txt"), content: format!("{}\n", body.join("\n\n")) }
        })
        .collect();
    analyze_documents(&docs, Vec::new(), &mut |_| {})
}

#[test]
fn a_few_shared_words_align_within_a_story_but_not_across_stories() {
    let x = "Residents said the real issue was the poor drainage of the old canals.";
    // Five content terms at least: a shorter line is scored by cosine alone.
    let y = "Critics said the real issue is the state of the drains and canals.";
    let together = |a: &Analysis| {
        a.groups.iter().any(|g| {
            let texts: Vec<&str> = g.sentences.iter().map(|s| a.sentence_text(s).unwrap()).collect();
            texts.contains(&x) && texts.contains(&y)
        })
    };
    // The control: in two reports of one story the two sentences align, so
    // the second assertion tests the context and not the wording. Both stand
    // below their articles' tops, so the rule of tops plays no part.
    let below_the_tops = (6, 5);
    assert!(together(&two_stories_at(x, y, 1, below_the_tops)), "the pair aligns between two reports of the storm");
    assert!(
        !together(&two_stories_at(x, y, 2, below_the_tops)),
        "the pair does not align between the storm and the vote"
    );
}

#[test]
fn a_short_line_is_not_a_fact_of_the_long_sentence_it_shares_two_words_with() {
    let long = "Residents said the real issue was the poor drainage of the medieval canals beneath the crowded riverside streets.";
    // Two of its four content terms are in the long sentence: all of the
    // short line's rarest weight, little of the long one's.
    let short = "The canals remain the real worry.";
    let analysis = two_stories(long, short, 1);
    let together = analysis.groups.iter().any(|g| {
        let texts: Vec<&str> = g.sentences.iter().map(|s| analysis.sentence_text(s).unwrap()).collect();
        texts.contains(&long) && texts.contains(&short)
    });
    assert!(!together, "a line of three content terms is scored by cosine, not by how much of it the long one holds");
}

#[test]
fn three_shared_words_are_not_enough_for_a_middling_score() {
    // Same story, so no context raise: only the words decide. The pair
    // shares three content terms ("bridge", "repairs", "cost") and scores
    // about 0.31, over the pair threshold: two facts about the repairs (the
    // bill, the traffic), not one. The control shares more and aligns. Both
    // stand below their articles' tops: in the tops, three shared terms are
    // one event (`TOP_SHARED_TERMS`), which the last assertion shows.
    let x = "Volunteers said the bridge repairs would cost the town far more than anyone expected this winter.";
    let thin = "Engineers fear the bridge repairs will cost weeks of traffic chaos downtown.";
    let thick = "Critics warned that the bridge repairs would cost the town far more than the council expected.";
    let together = |a: &Analysis, y: &str| {
        a.groups.iter().any(|g| {
            let texts: Vec<&str> = g.sentences.iter().map(|s| a.sentence_text(s).unwrap()).collect();
            texts.contains(&x) && texts.contains(&y)
        })
    };
    let below_the_tops = (6, 5);
    assert!(together(&two_stories_at(x, thick, 1, below_the_tops), thick), "five shared terms align");
    assert!(
        !together(&two_stories_at(x, thin, 1, below_the_tops), thin),
        "three shared terms at a middling score do not"
    );
    assert!(together(&two_stories(x, thin, 1), thin), "in two articles' tops, three shared terms are one event");
}

/// The seeds' central fact, as the five outlets open with it: "severed
/// diplomatic ties", "interrupted diplomatic relations" (under a summary,
/// after the dateline "Tirana () –"), "cut diplomatic ties … kicked out
/// Iranian diplomats", "decided to break off diplomatic relations",
/// "decided to cut diplomatic relations". Each pair scores 0.25–0.32 on
/// words and meaning alone, in a folder where every sentence names Albania
/// and Iran: before the lead rule (`LEAD_BONUS`) they were split over pair
/// cards.
///
/// Since the rule of tops (session 12), a3's own statement of the decision,
/// its second sentence ("The Council of Ministers has decided … the
/// termination of diplomatic relations"), may stand for a3 in that card.
#[test]
fn the_outlets_leads_on_one_event_are_one_fact() {
    let a = analyze_sample();
    let leads: [&[&str]; 5] = [
        &["Albania has severed diplomatic ties with Iran"],
        &["Albania has interrupted diplomatic relations with Tehran"],
        &["Albania has cut diplomatic ties with Iran and kicked out"],
        &["decided to break off diplomatic relations with Iran", "the termination of diplomatic relations"],
        &["decided to cut diplomatic relations with Iran in response"],
    ];
    let together = a.groups.iter().any(|g| {
        leads.iter().all(|lead| {
            g.sentences.iter().any(|s| a.sentence_text(s).is_some_and(|t| lead.iter().any(|l| t.contains(l))))
        })
    });
    assert!(together, "{:#?}", groups_with(&a, leads[0][0]).iter().map(|g| &g.sentences).collect::<Vec<_>>());
}

#[test]
fn the_sentences_under_two_leads_on_one_event_join_its_fact() {
    // The seeds' a3 puts its government's own words under its lead; a4
    // opens with the decision. They share "decided", "diplomatic",
    // "relations" and little else, under the pair threshold, and stand in
    // their articles' first three sentences (issue 10, session 12).
    let a = analyze_sample();
    let council = "The Council of Ministers has decided with immediate effect the termination of diplomatic relations";
    let announced = "Albania has announced that it has decided to cut diplomatic relations with Iran";
    let together = a.groups.iter().any(|g| {
        [council, announced]
            .iter()
            .all(|t| g.sentences.iter().any(|s| a.sentence_text(s).is_some_and(|x| x.contains(t))))
    });
    assert!(together, "{:#?}", groups_with(&a, council).iter().map(|g| &g.sentences).collect::<Vec<_>>());
}

#[test]
fn the_same_words_about_two_different_people_are_two_facts() {
    // One story, the same charge against two people: two facts that share
    // every word but the names. The control names the same person in other
    // words and aligns.
    let x = "The mayor accused councillor Anna Kowalczyk of leaking the flood reports to reporters last week.";
    let other = "In a late-night post the mayor accused engineer Tomas Brandt of lying about the flood reports.";
    let same = "In a late-night post the mayor accused Kowalczyk of leaking the flood reports to reporters.";
    let together = |a: &Analysis, y: &str| {
        a.groups.iter().any(|g| {
            let texts: Vec<&str> = g.sentences.iter().map(|s| a.sentence_text(s).unwrap()).collect();
            texts.contains(&x) && texts.contains(&y)
        })
    };
    assert!(together(&two_stories(x, same, 1), same), "the same person, reworded, aligns");
    assert!(!together(&two_stories(x, other, 1), other), "another person is another fact");
}

/// Two reports of the storm, with `x` in the first and `y` in the second,
/// among `others` more stories of two outlets each: a folder of many
/// stories, as a week of coverage is. The other stories are written in
/// made-up words, each story its own, so they share nothing with the storm
/// or with each other.
fn storm_among(x: &str, y: &str, others: usize) -> Analysis {
    const SYLLABLES: [&str; 16] =
        ["ka", "lo", "mi", "ne", "su", "ta", "ri", "po", "va", "de", "gu", "ze", "fo", "hi", "ba", "wu"];
    // Four syllables drawn by SplitMix64 from (story, sentence, word):
    // 65,536 words, so two stories share hardly any.
    let word = |story: usize, sentence: usize, w: usize| -> String {
        let mut z = ((story as u64) << 40 | (sentence as u64) << 20 | w as u64).wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        (0..4).map(|i| SYLLABLES[(z >> (i * 4)) as usize & 15]).collect()
    };
    let mut docs = Vec::new();
    for outlet in 0..2 {
        let mut body: Vec<&str> = STORM.to_vec();
        body.insert(2, if outlet == 0 { x } else { y });
        docs.push(RawDocument { file: format!("storm{outlet}.txt"), content: format!("{}\n", body.join("\n\n")) });
    }
    for story in 1..=others {
        let lines: Vec<String> = (0..8)
            .map(|sentence| {
                let words: Vec<String> = (0..9).map(|w| word(story, sentence, w)).collect();
                let mut line = words.join(" ");
                line[..1].make_ascii_uppercase();
                line + "."
            })
            .collect();
        for outlet in 0..2 {
            docs.push(RawDocument {
                file: format!("story{story:02}-{outlet}.txt"),
                content: lines.join("\n\n") + "\n",
            });
        }
    }
    analyze_documents(&docs, Vec::new(), &mut |_| {})
}

#[test]
fn in_a_folder_of_many_stories_only_close_wordings_are_one_fact() {
    let x = "Residents said the real issue was the poor drainage of the old canals.";
    let y = "Critics said the real issue is the state of the drains and canals.";
    let together = |a: &Analysis, x: &str, y: &str| {
        a.groups.iter().any(|g| {
            let texts: Vec<&str> = g.sentences.iter().map(|s| a.sentence_text(s).unwrap()).collect();
            texts.contains(&x) && texts.contains(&y)
        })
    };
    let copy = "The mayor said the damaged bridge would be rebuilt by the end of the year.";
    // The control: the storm's two reports with one other story.
    let few = storm_among(x, y, 1);
    assert!(together(&few, x, y), "the reworded pair aligns in a folder of two stories");
    // Twelve stories: 12 of the 276 article pairs share a story.
    let many = storm_among(x, y, 11);
    assert!(!together(&many, x, y), "the reworded pair does not align among many stories");
    assert_eq!(few.alignment.threshold_raise, 0.0);
    assert!(many.alignment.threshold_raise > 0.0 && many.alignment.one_story_share < 0.05, "{:?}", many.alignment);
    let copies = groups_with(&many, copy);
    assert!(copies.iter().any(|g| g.sentences.len() == 2), "the same sentence in both reports still aligns");
}

#[test]
fn a_member_that_restates_the_base_is_told_from_one_that_says_more() {
    let a = story(
        HEADLINES,
        [
            "The storm cut power to half of the homes in the old town overnight.",
            "Overnight, the storm cut power to half the homes in the old town.",
            "The storm cut power to half of the homes in the old town overnight, and the mayor closed every school, \
             the covered market and the ferry terminal until engineers have checked the sea wall.",
        ],
        ["", "", ""],
    );
    let groups = group_of(&a, "cut power to half");
    assert_eq!(groups.len(), 1, "{:#?}", a.groups);
    let g = groups[0];
    assert!(a.sentence_text(&g.base).unwrap().starts_with("The storm cut power"), "{g:#?}");
    let restates = |needle: &str| {
        g.diffs.iter().find(|d| a.sentence_text(&d.member).unwrap().contains(needle)).and_then(|d| d.restates)
    };
    assert_eq!(restates("Overnight, the storm"), Some(true), "{g:#?}");
    assert_eq!(restates("mayor closed"), Some(false), "{g:#?}");
}
