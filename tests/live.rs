//! The app on a real folder on disk, driven through egui_kittest like
//! `tests/app.rs`: live reload (files added, changed and removed while the
//! folder is open are picked up, and the selection is kept where it still
//! exists) and source renames (the Sources pane's context menu, remembered
//! per folder in the settings).

// A test may unwrap: clippy.toml allows it in #[test] functions, this in their helpers too.
#![allow(clippy::unwrap_used)]

use eframe::egui;
use eframe::egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use parallax::app::{App, Command, Settings, Startup, Workspace};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

mod common;
use common::NoDialogs;

fn harness(startup: Startup) -> Harness<'static, App> {
    Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .with_pixels_per_point(1.0)
        .with_theme(egui::Theme::Light)
        .with_max_steps(64)
        .wgpu()
        .build_eframe(move |cc| App::new(cc, startup, Box::new(NoDialogs)))
}

/// A fresh, empty folder of this test's own under the system temp folder.
fn temp_folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("parallax-live-{}-{name}", std::process::id()));
    if dir.exists() {
        std::fs::remove_dir_all(&dir).unwrap();
    }
    std::fs::create_dir_all(&dir).unwrap();
    // The watcher and the settings see the path as the app will.
    dir.canonicalize().unwrap()
}

fn seed(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).find(|p| p.to_string_lossy().contains(name)).unwrap()
}

fn copy_seed(name: &str, to: &Path) -> PathBuf {
    let from = seed(name);
    let target = to.join(from.file_name().unwrap());
    std::fs::copy(&from, &target).unwrap();
    target
}

fn file_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

/// Steps the app (with real time passing, as the watcher waits for the
/// folder to settle) until `done` holds and no load is running.
fn wait_for(h: &mut Harness<'_, App>, what: &str, done: impl Fn(&App) -> bool) {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(30) {
        h.step();
        if !h.state().is_loading() && done(h.state()) {
            h.run_steps(4);
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("timed out waiting until {what}");
}

fn workspace<'h>(h: &'h Harness<'_, App>) -> &'h Workspace {
    h.state().workspace().expect("a story is open")
}

/// The selected group's sentences, as (file, sentence text).
fn selected_members(ws: &Workspace) -> Vec<(String, String)> {
    let Some(group) = ws.selection.group else { return Vec::new() };
    let mut members: Vec<(String, String)> = ws.analysis.groups[group]
        .sentences
        .iter()
        .map(|id| {
            let (a, s) = ws.analysis.sentence(id).unwrap();
            (a.file.clone(), a.sentence_text(s).to_string())
        })
        .collect();
    members.sort();
    members
}

fn article_count(app: &App) -> usize {
    app.workspace().map_or(0, |ws| ws.analysis.articles.len())
}

fn hidden_files(ws: &Workspace) -> Vec<String> {
    ws.hidden.iter().map(|id| ws.analysis.article(id).unwrap().file.clone()).collect()
}

#[test]
fn added_changed_and_removed_files_reload_and_keep_the_selection() {
    let dir = temp_folder("reload");
    let first = copy_seed("000_", &dir);
    let hidden = copy_seed("001_", &dir);
    let changed = copy_seed("003_", &dir);
    let first_name = first.file_name().unwrap().to_string_lossy().into_owned();
    let hidden_name = hidden.file_name().unwrap().to_string_lossy().into_owned();
    let changed_name = changed.file_name().unwrap().to_string_lossy().into_owned();

    let mut h = harness(Startup { paths: vec![dir.clone()], ..Startup::default() });
    wait_for(&mut h, "the folder is open", |app| article_count(app) == 3);

    // Select a fact that the first and the changed file share (the most
    // cohesive one, which an added article does not break up), hide a
    // source, select a quote and read the first article.
    let ws = h.state_mut().workspace_mut().unwrap();
    let group = ws
        .analysis
        .groups
        .iter()
        .enumerate()
        .filter(|(_, g)| {
            let files: Vec<&str> =
                g.sentences.iter().map(|id| ws.analysis.sentence(id).unwrap().0.file.as_str()).collect();
            files.contains(&first_name.as_str()) && files.contains(&changed_name.as_str())
        })
        .max_by(|(i, a), (j, b)| a.cohesion.total_cmp(&b.cohesion).then(j.cmp(i)))
        .map(|(i, _)| i)
        .expect("000 and 003 share a fact");
    ws.select_group(group);
    let hidden_id = ws.analysis.articles.iter().find(|a| a.file == hidden_name).unwrap().id.clone();
    ws.hidden.insert(hidden_id);
    let quote = ws.analysis.quotes.iter().find(|q| q.article == ws.analysis.articles[0].id).expect("000 quotes Rama");
    let (quote_file, quote_text) = (ws.analysis.articles[0].file.clone(), quote.text.clone());
    let key = Workspace::quote_key(quote);
    ws.selection.quote = Some(key);
    h.run_steps(2);
    let members = selected_members(workspace(&h));
    assert!(members.len() >= 2);
    let selected_quote = |ws: &Workspace| -> Vec<(String, String)> {
        let key = ws.selection.quote.as_deref().unwrap_or("");
        ws.quotes_of_key(key)
            .into_iter()
            .map(|q| (ws.analysis.article(&q.article).unwrap().file.clone(), q.text.clone()))
            .collect()
    };
    assert!(selected_quote(workspace(&h)).contains(&(quote_file.clone(), quote_text.clone())));

    // Added: a fourth article appears, the selection and the hidden source stay.
    copy_seed("002_", &dir);
    wait_for(&mut h, "the added file is read", |app| article_count(app) == 4);
    let ws = workspace(&h);
    let now = selected_members(ws);
    assert!(members.iter().all(|m| now.contains(m)), "the selected fact is kept: {members:?} → {now:?}");
    assert_eq!(hidden_files(ws), vec![hidden_name.clone()]);
    assert!(selected_quote(ws).contains(&(quote_file.clone(), quote_text.clone())), "the selected quote is kept");
    assert!(h.query_by_label_contains("The folder changed; reloaded").is_some());

    // Changed: the new text is read.
    let mut text = std::fs::read_to_string(&changed).unwrap();
    text.push_str("\nThe embassy in Tirana was empty by Thursday evening, a neighbour said.\n");
    std::fs::write(&changed, text).unwrap();
    wait_for(&mut h, "the changed file is read again", |app| {
        app.workspace().unwrap().analysis.articles.iter().any(|a| a.text.contains("empty by Thursday evening"))
    });
    let now = selected_members(workspace(&h));
    assert!(members.iter().all(|m| now.contains(m)), "the selected fact is kept after a change: {now:?}");

    // Removed: the hidden source goes, and with it its hidden mark.
    std::fs::remove_file(&hidden).unwrap();
    wait_for(&mut h, "the removed file is gone", |app| article_count(app) == 3);
    let ws = workspace(&h);
    assert!(ws.analysis.articles.iter().all(|a| a.file != hidden_name));
    assert!(ws.hidden.is_empty());
    let now = selected_members(ws);
    let left: Vec<_> = members.iter().filter(|(file, _)| file != &hidden_name).collect();
    assert!(!left.is_empty() && left.iter().all(|m| now.contains(m)), "the fact is kept after a removal: {now:?}");

    // A burst of changes, some while a reload is running: the last state wins.
    let late = dir.join("late.txt");
    std::fs::write(dir.join("early.txt"), "Early\n\nAlbania cut ties with Iran on Wednesday, officials said.\n")
        .unwrap();
    let start = Instant::now();
    while !h.state().is_loading() && start.elapsed() < Duration::from_secs(10) {
        h.step();
        std::thread::sleep(Duration::from_millis(5));
    }
    std::fs::write(&late, "Late\n\nIran called the decision by Albania regrettable, its ministry said.\n").unwrap();
    wait_for(&mut h, "both files of the burst are read", |app| article_count(app) == 5);

    // Removing the files of the selected fact's first member drops that
    // member; what is left of the selection stays where it exists.
    std::fs::remove_file(&first).unwrap();
    wait_for(&mut h, "the first file is gone", |app| article_count(app) == 4);
    let ws = workspace(&h);
    assert!(selected_members(ws).iter().all(|(file, _)| file != &first_name));
    assert!(ws.selection.quote.is_none() || !selected_quote(ws).iter().any(|(f, _)| f == &first_name));

    let mut expected: Vec<String> = vec![changed_name, "early.txt".into(), "late.txt".into()];
    expected.push(seed("002_").file_name().unwrap().to_string_lossy().into_owned());
    expected.sort();
    assert_eq!(file_names(&dir), expected, "the app wrote nothing into the folder");
    drop(h);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The rename field of the Sources pane, opened from its context menu.
fn rename_in_pane(h: &mut Harness<'_, App>, found: &str, new_name: &str) {
    h.get_by_role_and_label(Role::CheckBox, found).click_secondary();
    h.run_steps(2);
    h.get_by_label("Rename source…").click();
    h.run_steps(3);
    let wanted = found.to_string();
    let field = move |n: &egui_kittest::kittest::AccessKitNode<'_>| {
        n.role() == Role::TextInput && n.value().as_deref() == Some(wanted.as_str())
    };
    h.get_by(field.clone()).focus();
    h.run_steps(1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run_steps(1);
    h.get_by(field).type_text(new_name);
    h.run_steps(1);
    h.key_press(egui::Key::Enter);
    h.run_steps(4);
}

#[test]
fn a_renamed_source_is_remembered_for_its_folder() {
    let dir = temp_folder("rename");
    let other = temp_folder("rename-other");
    for name in ["000_", "003_", "004_"] {
        copy_seed(name, &dir);
        copy_seed(name, &other);
    }
    let mut h = harness(Startup { paths: vec![dir.clone()], ..Startup::default() });
    wait_for(&mut h, "the folder is open", |app| article_count(app) == 3);
    let found = workspace(&h).analysis.articles[2].source.clone();
    assert!(!found.is_empty());

    rename_in_pane(&mut h, &found, "Tirana Times");
    let ws = workspace(&h);
    assert_eq!(ws.analysis.articles[2].source, "Tirana Times", "the pane's rename field renames the source");
    assert_eq!(ws.found_sources[2], found);
    assert!(h.query_by_role_and_label(Role::CheckBox, "Tirana Times").is_some(), "the Sources pane shows the new name");
    assert!(h.query_by_role_and_label(Role::CheckBox, &found).is_none());
    let renames = h.state().settings().source_names.get(&dir).cloned().unwrap();
    assert_eq!(renames.get(&found).map(String::as_str), Some("Tirana Times"));

    // The settings are what eframe persists: the rename survives a round trip.
    let saved = serde_json::to_string(h.state().settings()).unwrap();
    let restored: Settings = serde_json::from_str(&saved).unwrap();
    assert_eq!(restored.source_names, h.state().settings().source_names);

    // Another folder with the same files keeps the found name …
    h.state_mut().submit(Command::OpenFolder(other.clone()));
    wait_for(&mut h, "the other folder is open", |app| {
        app.workspace().is_some_and(|ws| ws.origin == parallax::app::Origin::Folder(other.clone()))
    });
    assert_eq!(workspace(&h).analysis.articles[2].source, found);
    // … and the first folder, opened again, has the new one.
    h.state_mut().submit(Command::OpenFolder(dir.clone()));
    wait_for(&mut h, "the first folder is open again", |app| {
        app.workspace().is_some_and(|ws| ws.origin == parallax::app::Origin::Folder(dir.clone()))
    });
    assert_eq!(workspace(&h).analysis.articles[2].source, "Tirana Times");

    // A live reload keeps the name too.
    copy_seed("002_", &dir);
    wait_for(&mut h, "the added file is read", |app| article_count(app) == 4);
    let ws = workspace(&h);
    let renamed = ws.analysis.articles.iter().position(|a| a.source == "Tirana Times");
    assert!(renamed.is_some_and(|i| ws.found_sources[i] == found), "the rename follows the source after a reload");

    // An empty name gives the found name back and forgets the rename.
    let index = renamed.unwrap();
    h.state_mut().submit(Command::RenameSource(index, "   ".into()));
    h.run_steps(2);
    assert_eq!(workspace(&h).analysis.articles[index].source, found);
    assert!(!h.state().settings().source_names.contains_key(&dir));

    assert!(file_names(&dir).iter().all(|f| f.ends_with(".txt")), "nothing written into the folder");
    drop(h);
    std::fs::remove_dir_all(&dir).unwrap();
    std::fs::remove_dir_all(&other).unwrap();
}
