//! The desktop app, driven through egui_kittest on the real `App`: it is
//! rendered on the CPU (wgpu on Mesa lavapipe), so these tests need no GPU
//! and no display. `UPDATE_SNAPSHOTS=1 cargo test --test app` rewrites the
//! images in `tests/snapshots/` that changed.

// A test may unwrap: clippy.toml allows it in #[test] functions, this in their helpers too.
#![allow(clippy::unwrap_used)]

use eframe::egui;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use egui_kittest::{Harness, image_snapshot};
use parallax::analysis;
use parallax::app::{
    App, Command, DialogOutcome, DialogPurpose, DialogReply, Dialogs, Origin, Pane, Shot, ShotAction, Startup,
};
use parallax::dates::Timex;
use parallax::model::{
    AlignmentInfo, Analysis, EntryKind, Quote, QuoteCluster, QuoteKind, TimelineEntry, TimelineEvent,
};
use std::path::Path;
use std::sync::mpsc::Sender;

mod common;
use common::NoDialogs;

const SIZE: egui::Vec2 = egui::vec2(1600.0, 1000.0);

fn harness(startup: Startup) -> Harness<'static, App> {
    Harness::builder()
        .with_size(SIZE)
        .with_pixels_per_point(1.0)
        .with_theme(egui::Theme::Light)
        .with_max_steps(64)
        .wgpu()
        .build_eframe(move |cc| App::new(cc, startup, Box::new(NoDialogs)))
}

/// Steps until the background load has finished and the cards are measured.
fn settle(harness: &mut Harness<'_, App>) {
    for _ in 0..500 {
        harness.step();
        if !harness.state().is_loading() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(!harness.state().is_loading(), "the story did not load in time");
    harness.run_steps(6);
}

fn sample_harness() -> Harness<'static, App> {
    let mut h = harness(Startup { sample: true, ..Startup::default() });
    settle(&mut h);
    h
}

/// The sample analysis, with a timeline event made up when the analysis has
/// none yet: "July 2022", mentioned by the members of the second group.
fn sample_with_events() -> Analysis {
    let mut analysis = analysis::analyze_sample();
    if analysis.events.is_empty() {
        let group = analysis.groups[1].clone();
        let mut entries = Vec::new();
        let mut articles = Vec::new();
        for (k, sentence) in group.sentences.iter().enumerate() {
            let article = sentence.split_once('.').unwrap().0.to_string();
            let id = format!("{article}.t{k}");
            analysis.timeline.push(TimelineEntry {
                id: id.clone(),
                article: article.clone(),
                sentence: Some(sentence.clone()),
                fuzzy: true,
                ..TimelineEntry::new(EntryKind::Mention, Timex::Month(2022, 7), "mid-July".into())
            });
            entries.push(id);
            articles.push(article);
        }
        analysis.events.push(TimelineEvent { id: "e0".into(), value: Timex::Month(2022, 7), entries, articles });
    }
    analysis
}

/// The sample analysis, with one quotation made up when the analysis has
/// none yet: the first “…” of the first article.
fn sample_with_quotes() -> Analysis {
    let mut analysis = analysis::analyze_sample();
    if analysis.quotes.is_empty() {
        let article = &analysis.articles[0];
        let open = article.text.find('“').unwrap() + '“'.len_utf8();
        let close = open + article.text[open..].find('”').unwrap();
        let sentence = article.sentences.iter().find(|s| s.start <= open && open < s.end).map(|s| s.id.clone());
        analysis.quotes.push(Quote {
            id: "a0.q0".into(),
            article: article.id.clone(),
            sentence,
            start: open,
            end: close,
            text: article.text[open..close].to_string(),
            kind: QuoteKind::Direct,
            speaker: Some("Edi Rama".into()),
            cue: Some("Rama noted".into()),
            cluster: Some("qc0".into()),
        });
        analysis.quote_clusters.push(QuoteCluster {
            id: "qc0".into(),
            speaker: Some("Edi Rama".into()),
            quotes: vec!["a0.q0".into()],
            base: "a0.q0".into(),
            diffs: Vec::new(),
        });
    }
    analysis
}

fn harness_with(analysis: Analysis) -> Harness<'static, App> {
    let mut h = harness(Startup::default());
    h.state_mut().open_analysis(analysis, Origin::Sample);
    h.run_steps(6);
    h
}

#[test]
fn welcome_screen_offers_every_way_in() {
    let mut h = harness(Startup::default());
    h.run_steps(3);
    h.get_by_label("Open folder…");
    h.get_by_label("Open the sample story");
    h.snapshot("welcome");
}

#[test]
fn a_folder_of_many_stories_says_that_only_close_wordings_are_grouped() {
    const NOTE: &str = "Many stories in this folder";
    let h = harness_with(analysis::analyze_sample());
    assert!(h.query_by_label_contains(NOTE).is_none(), "the sample is one story");
    let mut many = analysis::analyze_sample();
    many.alignment = AlignmentInfo { one_story_share: 0.02, threshold_raise: 0.35 };
    let h = harness_with(many);
    h.get_by_label_contains(NOTE);
}

#[test]
fn no_file_dialog_falls_back_to_the_in_app_picker() {
    let mut h = harness(Startup::default());
    h.run_steps(2);
    h.get_by_label("Open folder…").click();
    h.run_steps(4);
    h.get_by_label("Open this folder");
    h.get_by_label("Folder");
}

#[test]
fn opening_the_sample_shows_its_groups() {
    let mut h = harness(Startup::default());
    h.run_steps(2);
    h.get_by_label("Open the sample story").click();
    h.step();
    settle(&mut h);
    let groups = h.state().workspace().expect("the sample is open").analysis.groups.len();
    assert!(groups >= 5, "only {groups} groups");
    h.get_by_label("Fact 1");
    h.get_by_label("Fact 2");
    h.get_by_label_contains("facts shared by two or more sources");
}

#[test]
fn clicking_a_timeline_event_filters_the_alignment() {
    let analysis = sample_with_events();
    // The date most sources mention (the first of those): in the story's
    // period, which the strip opens on.
    let most = analysis.events.iter().map(|e| e.articles.len()).max().unwrap();
    let event = analysis.events.iter().find(|e| e.articles.len() == most).unwrap().clone();
    let label = format!("Event {}", event.value.label());
    let mut h = harness_with(analysis);
    let before = h.state().workspace().unwrap().visible_items(Default::default(), false).len();

    h.get_by_label(&label).click();
    h.run_steps(4);

    let ws = h.state().workspace().unwrap();
    assert_eq!(ws.event_filter.as_deref(), Some(event.id.as_str()));
    let sentences = ws.event_sentences(&event.id);
    let items = ws.visible_items(Default::default(), false);
    assert!(!items.is_empty() && items.len() < before, "{} of {before}", items.len());
    for item in items {
        let parallax::app::Item::Group(g) = item else { panic!("only groups are listed") };
        assert!(ws.analysis.groups[g].sentences.iter().any(|s| sentences.contains(s.as_str())));
    }
    h.get_by_label_contains("Only sentences that mention");

    // Esc clears the filter again.
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    assert_eq!(h.state().workspace().unwrap().event_filter, None);
}

#[test]
fn the_timeline_opens_on_the_story_period_and_shows_every_date_on_request() {
    let mut h = sample_harness();
    let event = |h: &Harness<'_, App>, year: &str| h.query_by_label(&format!("Event {year}")).is_some();
    // The sample mentions 1979 once; the story is 2012–2022.
    assert!(h.state().workspace().unwrap().analysis.events.iter().any(|e| e.value.label() == "1979"));
    assert!(!event(&h, "1979"), "the distant past waits behind a button");
    assert!(event(&h, "2016"));
    h.get_by_label("« 1 earlier").click();
    h.run_steps(3);
    assert!(event(&h, "1979"), "a click shows every date");
    assert!(h.query_by_label_contains("earlier").is_none());
    h.get_by_label("Story period").click();
    h.run_steps(3);
    assert!(!event(&h, "1979"));
}

#[test]
fn selecting_a_quote_highlights_it_in_the_reader() {
    let analysis = sample_with_quotes();
    let mut h = harness_with(analysis);
    // Show another article first, so the selection has to bring it back.
    h.state_mut().workspace_mut().unwrap().reader_article = 1;
    h.run_steps(2);

    // The first quotation card in the panel.
    let card = h.get_all_by_label_contains("Quote: ").next().unwrap();
    let label = card.accesskit_node().label().unwrap();
    card.click();
    h.run_steps(4);
    let text = label.trim_start_matches("Quote: ");
    let ws = h.state().workspace().unwrap();
    let quote = ws.analysis.quotes.iter().find(|q| q.text.trim() == text).expect("the card shows a quotation");
    let key = quote.cluster.clone().unwrap_or(quote.id.clone());

    let ws = h.state().workspace().unwrap();
    assert_eq!(ws.selection.quote.as_deref(), Some(key.as_str()));
    let shown = &ws.analysis.articles[ws.reader_article];
    assert!(
        ws.quotes_of_key(&key).iter().any(|q| q.article == shown.id),
        "the reader shows {} which does not carry the quote",
        shown.id
    );
    let shown_quote = ws.quotes_of_key(&key).into_iter().find(|q| q.article == shown.id).unwrap();
    assert_eq!(ws.selection.sentence, shown_quote.sentence);
    pane_snapshot(&mut h, Pane::Reader, "reader_selected_quote");
}

#[test]
fn an_unreadable_file_is_a_problem_and_the_rest_loads() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/unreadable");
    let files = std::fs::read_dir(&dir).unwrap().count();

    let mut h = harness(Startup { paths: vec![dir.clone()], ..Startup::default() });
    settle(&mut h);
    let ws = h.state().workspace().expect("the readable files are loaded");
    assert_eq!(ws.analysis.articles.len(), 2);
    assert_eq!(ws.analysis.problems.len(), 1);
    assert_eq!(ws.analysis.problems[0].file, "broken.txt");
    assert_eq!(h.query_all_by_label("1 file skipped").count(), 2, "in the menu bar and the Sources pane");
    assert_eq!(h.state().settings().recent_folders.first(), Some(&dir));
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), files, "nothing is written into the folder");
}

#[test]
fn arrow_keys_move_between_groups() {
    let mut h = sample_harness();
    h.key_press(egui::Key::ArrowDown);
    h.run_steps(2);
    assert_eq!(h.state().workspace().unwrap().selection.group, Some(0));
    h.key_press(egui::Key::ArrowDown);
    h.run_steps(2);
    assert_eq!(h.state().workspace().unwrap().selection.group, Some(1));
    h.key_press(egui::Key::ArrowUp);
    h.run_steps(2);
    assert_eq!(h.state().workspace().unwrap().selection.group, Some(0));
}

#[test]
fn main_screen_and_panes_snapshots() {
    let mut h = harness_with(sample_with_quotes_and_events());
    h.snapshot("main");
    for pane in [Pane::Sources, Pane::Alignment, Pane::Timeline, Pane::Quotes, Pane::Reader] {
        pane_snapshot(&mut h, pane, &format!("pane_{}", pane.file_label()));
    }
}

#[test]
fn main_screen_dark_at_2x() {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_pixels_per_point(2.0)
        .with_theme(egui::Theme::Dark)
        .with_max_steps(64)
        .wgpu()
        .build_eframe(|cc| App::new(cc, Startup::default(), Box::new(NoDialogs)));
    h.state_mut().open_analysis(sample_with_quotes_and_events(), Origin::Sample);
    h.run_steps(6);
    h.snapshot("main_dark_2x");
}

fn sample_with_quotes_and_events() -> Analysis {
    let mut analysis = sample_with_events();
    let quoted = sample_with_quotes();
    if analysis.quotes.is_empty() {
        analysis.quotes = quoted.quotes;
        analysis.quote_clusters = quoted.quote_clusters;
    }
    analysis
}

/// Snapshots one pane, cropped from the rendered window.
fn pane_snapshot(h: &mut Harness<'_, App>, pane: Pane, name: &str) {
    let rect = h.state().pane_rect(pane).unwrap_or_else(|| panic!("{pane:?} is not shown"));
    let image = h.render().expect("rendering works on lavapipe");
    let ppp = 1.0;
    let (x, y) = ((rect.min.x * ppp) as u32, (rect.min.y * ppp) as u32);
    let (w, hgt) = ((rect.width() * ppp) as u32, (rect.height() * ppp) as u32);
    let crop =
        image::imageops::crop_imm(&image, x, y, w.min(image.width() - x), hgt.min(image.height() - y)).to_image();
    image_snapshot(&crop, name);
}

/// A save dialog that always answers with one path.
struct SaveDialog(std::path::PathBuf);

impl Dialogs for SaveDialog {
    fn pick_folder(&self, _start: Option<&Path>, reply: Sender<DialogReply>, _ctx: &egui::Context) {
        reply.send(DialogReply { purpose: DialogPurpose::OpenFolder, outcome: DialogOutcome::Cancelled }).unwrap();
    }

    fn save_png(&self, _start: Option<&Path>, _name: &str, reply: Sender<DialogReply>, _ctx: &egui::Context) {
        let outcome = DialogOutcome::Picked(self.0.clone());
        reply.send(DialogReply { purpose: DialogPurpose::SaveScreenshot, outcome }).unwrap();
    }
}

#[test]
fn screenshots_are_saved_whole_or_per_pane_and_never_overwrite_silently() {
    let dir = std::env::temp_dir().join(format!("parallax-shot-app-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("story.png");
    let dialog = SaveDialog(path.clone());
    let mut h = Harness::builder()
        .with_size(SIZE)
        .with_pixels_per_point(1.0)
        .with_theme(egui::Theme::Light)
        .wgpu()
        .build_eframe(move |cc| App::new(cc, Startup::default(), Box::new(dialog)));
    h.state_mut().open_analysis(analysis::analyze_sample(), Origin::Sample);
    h.run_steps(4);

    // Ctrl+Shift+S: the whole window at full resolution.
    h.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, egui::Key::S);
    h.run_steps(10);
    let saved = image::open(&path).expect("the screenshot was written");
    assert_eq!((saved.width(), saved.height()), (1600, 1000));

    // The timeline alone, to the same file: Parallax asks first.
    let timeline = h.state().pane_rect(Pane::Timeline).unwrap();
    h.state_mut().submit(Command::Screenshot(Shot::Pane(Pane::Timeline), ShotAction::Save));
    h.run_steps(10);
    h.get_by_label("Replace the existing file?");
    assert_eq!(image::open(&path).unwrap().width(), 1600, "not replaced before the answer");
    h.get_by_label("Replace").click();
    h.run_steps(4);
    let pane = image::open(&path).unwrap();
    assert_eq!((pane.width(), pane.height()), (timeline.width().round() as u32, timeline.height().round() as u32));
    let leftovers: Vec<_> = std::fs::read_dir(&dir).unwrap().filter_map(Result::ok).map(|e| e.file_name()).collect();
    assert_eq!(leftovers.len(), 1, "no temporary files left: {leftovers:?}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn discrepancies_are_marked_on_their_cards() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/discrepancy");
    let mut h = harness(Startup { paths: vec![folder], ..Startup::default() });
    settle(&mut h);
    let ws = h.state().workspace().expect("the folder is open");
    let flagged = ws.analysis.groups.iter().filter(|g| !g.discrepancies.is_empty()).count();
    assert!(flagged >= 1, "the test folder has sources that disagree");
    let badges = h.get_all_by_label_contains("≠").count();
    assert_eq!(badges, flagged, "one badge per group with a discrepancy");
    pane_snapshot(&mut h, Pane::Alignment, "pane_alignment_discrepancies");
}

#[test]
fn clicking_a_card_selects_its_fact_and_shows_it_in_the_reader() {
    let mut h = sample_harness();
    h.get_by_label("Select fact 2").click();
    h.run_steps(3);
    let ws = h.state().workspace().unwrap();
    assert_eq!(ws.selection.group, Some(1));
    let shown = &ws.analysis.articles[ws.reader_article];
    let sentence = ws.selection.sentence.clone().expect("a member sentence is selected");
    assert!(ws.analysis.groups[1].sentences.contains(&sentence));
    assert!(sentence.starts_with(&format!("{}.", shown.id)), "the reader shows the selected sentence's article");
}

#[test]
fn unticking_a_source_hides_its_lines() {
    let mut h = sample_harness();
    let (id, name) = {
        let first = &h.state().workspace().unwrap().analysis.articles[0];
        (first.id.clone(), first.source.clone())
    };
    // The source's name labels its lines in the cards, its quote chips, …
    let shown_before = h.get_all_by_label(&name).count();
    h.get_by_role_and_label(egui::Role::CheckBox, &name).click();
    h.run_steps(3);
    assert!(h.state().workspace().unwrap().hidden.contains(&id));
    let shown_after = h.get_all_by_label(&name).count();
    assert!(shown_after < shown_before, "{name} still labels {shown_after} of {shown_before} things");
}
