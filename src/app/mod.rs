//! The desktop app: an eframe window that draws one [`Analysis`].
//!
//! This is the only module that uses egui. It never analyses anything
//! itself: a background [`loader`] runs [`crate::analysis`], and the panes
//! draw the resulting model. Panes turn clicks into [`Command`]s, which
//! [`App::handle`] applies in one place. What survives a restart lives in
//! [`Settings`] (eframe's storage); everything else is runtime state.

mod alignment_pane;
mod command;
mod dialog;
mod export_dialog;
mod folder_picker;
mod labels;
mod loader;
mod menu_bar;
mod offscreen;
mod problems;
mod quote_pane;
mod reader_pane;
mod rich;
mod screenshot;
mod screenshot_flow;
mod settings;
mod sources_pane;
mod startup_clock;
mod theme;
mod timeline_pane;
mod virtual_list;
mod watch;
mod welcome;
mod widgets;
mod workspace;

pub use command::{Command, StoryCommand, UiCommand};
pub use dialog::{DialogOutcome, DialogPurpose, DialogReply, Dialogs, NativeDialogs};
pub use export_dialog::ExportChoice;
pub use offscreen::{OffscreenError, PngOptions, render_png};
pub use screenshot::{Shot, ShotAction};
pub use settings::{Pane, Settings, SortOrder};
pub use theme::ThemeChoice;
pub use workspace::{Item, Origin, Selection, Workspace};

use crate::model::Analysis;
use eframe::egui::{self, Rect};
use folder_picker::FolderPicker;
use loader::{Loader, Poll, Source};
use screenshot::Capture;
use screenshot_flow::{ScreenshotFlow, Written};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use widgets::{Edge, remembered_panel};

/// How the app starts.
#[derive(Clone, Debug, Default)]
pub struct Startup {
    /// What to open at once: a folder (`parallax FOLDER`), or article files
    /// (`parallax a.txt b.md`, as a file manager's "Open With" passes them).
    pub paths: Vec<PathBuf>,
    /// Open the built-in sample story at once.
    pub sample: bool,
    /// Save a screenshot of the window here once the story is shown, then
    /// quit (for documentation).
    pub screenshot_to: Option<PathBuf>,
    /// Use this theme (and remember it) instead of the saved one.
    pub theme: Option<ThemeChoice>,
    /// When the app started, for `PARALLAX_STARTUP_TIMES` (set by
    /// [`run_with`]; a headless driver may leave it empty).
    pub started: Option<std::time::Instant>,
}

/// A short message in the corner of the window.
struct Notice {
    text: String,
    is_error: bool,
    until_secs: f64,
}

pub struct App {
    settings: Settings,
    workspace: Option<Workspace>,
    loader: Option<Loader>,
    /// Why the last load failed.
    load_error: Option<String>,
    dialogs: Box<dyn Dialogs>,
    dialog_tx: Sender<DialogReply>,
    dialog_rx: Receiver<DialogReply>,
    dialog_open: bool,
    picker: Option<FolderPicker>,
    shots: ScreenshotFlow,
    /// The "Export report…" dialog's choices while it is open.
    export_dialog: Option<ExportChoice>,
    /// A report waiting for a file name, or for permission to overwrite.
    pending_report: Option<ExportChoice>,
    /// The file a report would replace, while asking.
    confirm_report: Option<PathBuf>,
    pane_rects: BTreeMap<Pane, Rect>,
    notice: Option<Notice>,
    show_problems: bool,
    commands: Vec<Command>,
    /// Watches the open folder for added, changed and removed files.
    watcher: Option<watch::FolderWatcher>,
    /// What was selected before a live reload, restored after it.
    kept: Option<workspace::Kept>,
    /// Times the first frames when `PARALLAX_STARTUP_TIMES` is set.
    clock: Option<startup_clock::StartupClock>,
}

/// The application id: the name of the Linux desktop entry
/// (`packaging/linux/io.github.parallax.Parallax.desktop`), so the window
/// gets its icon and groups with it, and the name of the settings folder
/// (`~/.local/share/io.github.parallax.parallax/app.ron` on Linux).
pub const APP_ID: &str = "io.github.parallax.Parallax";

/// The window icon (the same artwork as the desktop entry's).
const WINDOW_ICON_PNG: &[u8] = include_bytes!("../../assets/icon-256.png");

/// Opens the window with these start-up options and runs until it is closed.
pub fn run_with(mut startup: Startup) -> eframe::Result {
    startup.started.get_or_insert_with(std::time::Instant::now);
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Parallax")
        .with_app_id(APP_ID)
        .with_inner_size([1600.0, 1000.0])
        .with_min_inner_size([900.0, 600.0])
        .with_drag_and_drop(true);
    match eframe::icon_data::from_png_bytes(WINDOW_ICON_PNG) {
        Ok(icon) => viewport = viewport.with_icon(icon),
        // The build embeds a known-good file; if it ever breaks, the window
        // still opens, with the desktop's default icon.
        Err(e) => eprintln!("parallax: the window icon could not be decoded: {e}"),
    }
    let options = eframe::NativeOptions { viewport, ..Default::default() };
    eframe::run_native(
        "parallax",
        options,
        Box::new(move |cc| Ok(Box::new(App::new(cc, startup, Box::new(NativeDialogs))))),
    )
}

/// What opening these paths means: one folder opens as a story, anything
/// else (dropped or passed files) opens those files.
fn open_command(paths: Vec<PathBuf>) -> Option<Command> {
    match paths.as_slice() {
        [] => None,
        // A missing path is most likely a mistyped folder: say so.
        [one] if one.is_dir() || !one.exists() => Some(Command::OpenFolder(one.clone())),
        _ => Some(Command::OpenFiles(paths)),
    }
}

impl App {
    /// The app, with settings restored from eframe's storage when there is one.
    pub fn new(cc: &eframe::CreationContext<'_>, startup: Startup, dialogs: Box<dyn Dialogs>) -> Self {
        let settings: Settings = cc.storage.and_then(|s| eframe::get_value(s, eframe::APP_KEY)).unwrap_or_default();
        Self::with_settings(&cc.egui_ctx, settings, startup, dialogs)
    }

    /// The app on a bare `egui::Context`, with default settings and no
    /// window: for headless drivers such as `examples/frame_bench.rs`, which
    /// then call [`App::frame_ui`] once per frame.
    pub fn headless(ctx: &egui::Context, startup: Startup, dialogs: Box<dyn Dialogs>) -> Self {
        Self::with_settings(ctx, Settings::default(), startup, dialogs)
    }

    fn with_settings(ctx: &egui::Context, mut settings: Settings, startup: Startup, dialogs: Box<dyn Dialogs>) -> Self {
        if let Some(theme) = startup.theme {
            settings.theme = theme;
        }
        theme::install_style(ctx);
        ctx.set_theme(settings.theme.preference());
        let (dialog_tx, dialog_rx) = channel();
        let mut app = Self {
            settings,
            workspace: None,
            loader: None,
            load_error: None,
            dialogs,
            dialog_tx,
            dialog_rx,
            dialog_open: false,
            picker: None,
            shots: ScreenshotFlow::new(startup.screenshot_to),
            export_dialog: None,
            pending_report: None,
            confirm_report: None,
            pane_rects: BTreeMap::new(),
            notice: None,
            show_problems: false,
            commands: Vec::new(),
            watcher: None,
            kept: None,
            clock: startup_clock::StartupClock::from_env(startup.started),
        };
        if let Some(clock) = &mut app.clock {
            clock.mark("window and renderer ready, app created");
        }
        if let Some(open) = open_command(startup.paths) {
            app.commands.push(open);
        } else if startup.sample {
            app.commands.push(Command::OpenSample);
        }
        app
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn workspace(&self) -> Option<&Workspace> {
        self.workspace.as_ref()
    }

    pub fn workspace_mut(&mut self) -> Option<&mut Workspace> {
        self.workspace.as_mut()
    }

    /// Where a pane was drawn last frame, in points.
    pub fn pane_rect(&self, pane: Pane) -> Option<Rect> {
        self.pane_rects.get(&pane).copied()
    }

    pub fn is_loading(&self) -> bool {
        self.loader.is_some()
    }

    pub fn load_error(&self) -> Option<&str> {
        self.load_error.as_deref()
    }

    /// Queues a command, as a click would.
    pub fn submit(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Shows an analysis that is already in memory, with the source names
    /// the user gave for its folder.
    pub fn open_analysis(&mut self, analysis: Analysis, origin: Origin) {
        let mut ws = Workspace::new(analysis, origin);
        if let Origin::Folder(folder) = &ws.origin {
            let renames = self.settings.source_names.get(folder).cloned();
            ws.apply_source_names(renames.as_ref());
        }
        self.workspace = Some(ws);
        self.shots.story_opened();
    }

    /// Watches the folder just loaded (and only it) for changes.
    fn watch(&mut self, ctx: &egui::Context, source: &Source) {
        let subfolders = self.settings.subfolders;
        match source {
            Source::Folder(folder) => {
                let same = self.watcher.as_ref().is_some_and(|w| &w.folder == folder && w.subfolders == subfolders);
                if !same {
                    self.watcher = watch::FolderWatcher::start(folder, subfolders, ctx);
                }
            }
            _ => self.watcher = None,
        }
    }

    fn start_loading(&mut self, source: Source, ctx: &egui::Context) {
        // A selection kept for a reload belongs to that reload only: another
        // folder opened meanwhile (which cancels the reload) starts afresh.
        self.kept = None;
        self.picker = None;
        self.load_error = None;
        if let Some(clock) = &mut self.clock {
            clock.mark("analysis started");
        }
        self.loader = Some(Loader::start(source, self.settings.read_options(), ctx));
    }

    fn notify(&mut self, ctx: &egui::Context, text: impl Into<String>, is_error: bool) {
        let now = ctx.input(|i| i.time);
        self.notice = Some(Notice { text: text.into(), is_error, until_secs: now + if is_error { 10.0 } else { 5.0 } });
    }

    // ---- per-frame plumbing -------------------------------------------------

    fn poll_background(&mut self, ctx: &egui::Context) {
        // While a load runs, changes wait in the watcher's channel; polling
        // then would use them up without a reload, and lose them.
        let changed = self.loader.is_none() && self.watcher.as_mut().is_some_and(|w| w.poll(ctx));
        if changed {
            self.commands.push(Command::Reload);
        }
        if let Some(loader) = &mut self.loader {
            match loader.poll() {
                Poll::Running => {}
                Poll::Finished(result) => {
                    let source = loader.source.clone();
                    self.loader = None;
                    self.finish_load(ctx, source, result);
                }
            }
        }
        while let Ok(reply) = self.dialog_rx.try_recv() {
            self.dialog_open = false;
            self.on_dialog_reply(ctx, reply);
        }
        if let Some(capture) = self.shots.poll(&self.pane_rects, ctx.pixels_per_point()) {
            self.on_capture(ctx, capture);
        }
    }

    fn finish_load(&mut self, ctx: &egui::Context, source: Source, result: Result<Box<Analysis>, String>) {
        if let Some(clock) = &mut self.clock {
            clock.mark("analysis finished");
        }
        match result {
            Ok(analysis) => {
                if let Source::Folder(folder) = &source {
                    self.settings.remember_folder(folder.clone());
                }
                self.watch(ctx, &source);
                let problems = (!analysis.problems.is_empty()).then(|| problems::problems_summary(&analysis.problems));
                self.load_error = None;
                self.open_analysis(*analysis, source.origin());
                if let (Some(kept), Some(ws)) = (self.kept.take(), &mut self.workspace) {
                    ws.restore(&kept);
                    self.notify(ctx, "The folder changed; reloaded", false);
                } else if let Some(summary) = problems {
                    self.notify(ctx, format!("{summary}; the rest is loaded"), true);
                }
            }
            Err(message) => {
                self.notify(ctx, format!("Could not open: {message}"), true);
                self.load_error = Some(message);
            }
        }
    }

    fn on_dialog_reply(&mut self, ctx: &egui::Context, reply: DialogReply) {
        match (reply.purpose, reply.outcome) {
            (DialogPurpose::OpenFolder, DialogOutcome::Picked(path)) => self.submit(Command::OpenFolder(path)),
            (DialogPurpose::OpenFolder, DialogOutcome::Cancelled) => {}
            (DialogPurpose::OpenFolder, DialogOutcome::Unavailable) => self.submit(Command::ShowFolderPicker),
            (DialogPurpose::SaveScreenshot, DialogOutcome::Picked(path)) => {
                self.submit(Command::SaveScreenshotTo(screenshot::with_png_extension(path)));
            }
            (DialogPurpose::SaveScreenshot, DialogOutcome::Cancelled) => self.shots.drop_pending(),
            (DialogPurpose::SaveReport, DialogOutcome::Picked(path)) => {
                if let Some(choice) = self.pending_report {
                    self.submit(Command::SaveReportTo(export_dialog::with_extension(path, choice.format)));
                }
            }
            (DialogPurpose::SaveReport, DialogOutcome::Cancelled) => self.pending_report = None,
            (DialogPurpose::SaveReport, DialogOutcome::Unavailable) => {
                // No dialog on this desktop: save beside the last export, under a free name.
                if let Some(choice) = self.pending_report {
                    let dir = self.settings.export_dir.clone().unwrap_or_else(screenshot::default_dir);
                    let path = screenshot::free_path(&dir, &self.report_name(choice.format));
                    self.write_report(ctx, path, false);
                }
            }
            (DialogPurpose::SaveScreenshot, DialogOutcome::Unavailable) => {
                // No dialog on this desktop: save beside the last one, under a free name.
                if let Some(shot) = self.shots.pending_shot() {
                    let dir = self.settings.screenshot_dir.clone().unwrap_or_else(screenshot::default_dir);
                    let path = screenshot::free_path(&dir, &self.screenshot_name(shot));
                    self.write_pending(ctx, path, false);
                }
            }
        }
    }

    fn screenshot_name(&self, shot: Shot) -> String {
        let story = self.workspace.as_ref().map_or_else(String::new, |w| w.origin.name());
        let today = chrono::Local::now().format("%Y-%m-%d").to_string();
        screenshot::default_file_name(&story, shot, &today)
    }

    fn report_name(&self, format: crate::export::Format) -> String {
        let story = self.workspace.as_ref().map_or_else(String::new, |w| w.origin.name());
        let today = chrono::Local::now().format("%Y-%m-%d").to_string();
        export_dialog::default_file_name(&story, format, &today)
    }

    /// Asks where to save a report (a PNG goes through the screenshot path).
    fn start_export(&mut self, ctx: &egui::Context, choice: ExportChoice) {
        self.export_dialog = None;
        if choice.format == crate::export::Format::Png {
            self.shots.request(Shot::Window, ShotAction::Save);
            return;
        }
        if self.workspace.is_none() || self.dialog_open {
            return;
        }
        let start = self.settings.export_dir.clone().unwrap_or_else(screenshot::default_dir);
        let name = self.report_name(choice.format);
        let (label, _) = export_dialog::describe(choice.format);
        self.pending_report = Some(choice);
        self.dialog_open = true;
        self.dialogs.save_report(Some(&start), &name, (label, choice.format.extension()), self.dialog_tx.clone(), ctx);
    }

    /// Writes the pending report; asks before replacing a file.
    fn write_report(&mut self, ctx: &egui::Context, path: PathBuf, overwrite: bool) {
        let (Some(choice), Some(ws)) = (self.pending_report, &self.workspace) else {
            return;
        };
        for folder in ws.origin.article_folders() {
            if let Err(e) = crate::export::check_outside(folder, &path) {
                self.notify(ctx, e.to_string(), true);
                self.pending_report = None;
                return;
            }
        }
        if !overwrite && path.exists() {
            self.confirm_report = Some(path);
            return;
        }
        let view = if choice.filtered { ws.view() } else { crate::report::View::whole() };
        let options = crate::report::Options { title: ws.origin.name(), view };
        let result = crate::export::save(&ws.analysis, choice.format, &options, &path, overwrite);
        self.pending_report = None;
        match result {
            Ok(()) => {
                if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                    self.settings.export_dir = Some(dir.to_path_buf());
                }
                self.notify(ctx, format!("Exported {}", path.display()), false);
            }
            Err(e) => self.notify(ctx, e.to_string(), true),
        }
    }

    fn on_capture(&mut self, ctx: &egui::Context, capture: Capture) {
        match capture.action.clone() {
            ShotAction::Copy => {
                ctx.copy_image(capture.image);
                self.notify(ctx, "Screenshot copied to the clipboard", false);
            }
            ShotAction::Save => {
                let start = self.settings.screenshot_dir.clone().unwrap_or_else(screenshot::default_dir);
                let name = self.screenshot_name(capture.shot);
                self.shots.hold(capture);
                self.dialog_open = true;
                self.dialogs.save_png(Some(&start), &name, self.dialog_tx.clone(), ctx);
            }
            ShotAction::WriteTo(path) => {
                self.shots.hold(capture);
                self.write_pending(ctx, path, false);
                if self.shots.quits_after_shot() {
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
        }
    }

    /// Writes the pending screenshot (or asks before replacing a file) and
    /// says how it went.
    fn write_pending(&mut self, ctx: &egui::Context, path: PathBuf, overwrite: bool) {
        let folders = self.workspace.as_ref().map(|ws| ws.origin.article_folders()).unwrap_or_default();
        let written = self.shots.write_pending(path, overwrite, &folders);
        self.report_written(ctx, written);
    }

    fn report_written(&mut self, ctx: &egui::Context, written: Written) {
        match written {
            Written::Waiting => {}
            Written::Saved(path) => {
                if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                    self.settings.screenshot_dir = Some(dir.to_path_buf());
                }
                self.notify(ctx, format!("Saved {}", path.display()), false);
            }
            Written::Failed(message) => self.notify(ctx, message, true),
        }
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        let modal_open = self.picker.is_some()
            || self.shots.asking_overwrite().is_some()
            || self.show_problems
            || self.export_dialog.is_some()
            || self.confirm_report.is_some();
        let typing = ctx.egui_wants_keyboard_input();
        let has_story = self.workspace.is_some();
        let mut commands = Vec::new();
        ctx.input_mut(|i| {
            for key in UiCommand::ALL {
                if key.listens(has_story, modal_open, typing)
                    && i.consume_shortcut(&key.shortcut())
                    && key.applies(has_story)
                {
                    commands.push(key.command());
                }
            }
        });
        self.commands.extend(commands);
    }

    fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).collect());
        if let Some(open) = open_command(dropped) {
            self.submit(open);
        }
    }

    fn startup_screenshot(&mut self, ctx: &egui::Context) {
        let shown = self.workspace.is_some() || self.load_error.is_some();
        if let Some((shot, action)) = self.shots.startup_frame(ctx, self.loader.is_some(), shown) {
            self.submit(Command::Screenshot(shot, action));
        }
    }

    // ---- commands -------------------------------------------------------------

    /// Applies one command. The only place app state changes in response to
    /// the user.
    pub fn handle(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::ChooseFolder => {
                if !self.dialog_open {
                    self.dialog_open = true;
                    let start = self.settings.recent_folders.first().and_then(|f| f.parent().map(PathBuf::from));
                    self.dialogs.pick_folder(start.as_deref(), self.dialog_tx.clone(), ctx);
                }
            }
            Command::ShowFolderPicker => {
                let start = self
                    .settings
                    .recent_folders
                    .first()
                    .and_then(|f| f.parent().map(PathBuf::from))
                    .or_else(|| std::env::current_dir().ok())
                    .unwrap_or_else(|| PathBuf::from("/"));
                self.picker = Some(FolderPicker::new(start));
            }
            Command::OpenFolder(path) => self.start_loading(Source::Folder(path), ctx),
            Command::OpenFiles(paths) => self.start_loading(Source::Files(paths), ctx),
            Command::OpenSample => self.start_loading(Source::Sample, ctx),
            Command::SetSubfolders(on) => {
                self.settings.subfolders = on;
                if let Some(Origin::Folder(folder)) = self.workspace.as_ref().map(|ws| ws.origin.clone()) {
                    self.start_loading(Source::Folder(folder), ctx);
                }
            }
            Command::RenameSource(index, name) => {
                if let Some(ws) = &mut self.workspace
                    && let (Origin::Folder(folder), Some(found)) = (&ws.origin, ws.found_sources.get(index))
                {
                    self.settings.rename_source(folder, found, &name);
                    let renames = self.settings.source_names.get(folder).cloned();
                    ws.apply_source_names(renames.as_ref());
                }
            }
            Command::CloseStory => {
                self.workspace = None;
                self.watcher = None;
            }
            Command::Reload => {
                if let Some(ws) = &self.workspace
                    && let Origin::Folder(folder) = &ws.origin
                    && self.loader.is_none()
                {
                    let (kept, folder) = (ws.kept(), folder.clone());
                    self.start_loading(Source::Folder(folder), ctx);
                    self.kept = Some(kept);
                }
            }
            Command::ForgetRecent(path) => self.settings.recent_folders.retain(|f| f != &path),
            Command::SetTheme(choice) => {
                self.settings.theme = choice;
                ctx.set_theme(choice.preference());
            }
            Command::TogglePane(pane) => self.settings.toggle_pane(pane),
            Command::SetSort(sort) => {
                self.settings.sort = sort;
                if let Some(ws) = &mut self.workspace {
                    ws.scroll_alignment = true;
                }
            }
            Command::ShowProblems(show) => self.show_problems = show,
            Command::Screenshot(shot, action) => {
                if self.workspace.is_some() || shot == Shot::Window {
                    self.shots.request(shot, action);
                }
            }
            Command::SaveScreenshotTo(path) => self.write_pending(ctx, path, false),
            Command::ConfirmOverwrite(yes) => {
                let folders = self.workspace.as_ref().map(|ws| ws.origin.article_folders()).unwrap_or_default();
                let written = self.shots.answer_overwrite(yes, &folders);
                self.report_written(ctx, written);
            }
            Command::ShowExportDialog(show) => {
                self.export_dialog = (show && self.workspace.is_some()).then(ExportChoice::default);
            }
            Command::ExportReport(choice) => self.start_export(ctx, choice),
            Command::SaveReportTo(path) => self.write_report(ctx, path, false),
            Command::ConfirmReportOverwrite(yes) => {
                if let Some(path) = self.confirm_report.take() {
                    if yes {
                        self.write_report(ctx, path, true);
                    } else {
                        self.pending_report = None;
                    }
                }
            }
            Command::Story(story) => {
                let sort = self.settings.sort;
                let show_exclusive = self.settings.show_exclusive;
                if let Some(ws) = &mut self.workspace {
                    handle_story_command(ws, story, sort, show_exclusive);
                }
            }
        }
    }
}

/// Commands about the open story: selection and filters.
fn handle_story_command(ws: &mut Workspace, command: StoryCommand, sort: SortOrder, show_exclusive: bool) {
    match command {
        StoryCommand::SelectGroup(g) => {
            if g < ws.analysis.groups.len() {
                ws.select_group(g);
            }
        }
        StoryCommand::SelectSentence(id) => ws.select_sentence(&id),
        StoryCommand::SelectMember(g, id) => {
            if g < ws.analysis.groups.len() {
                ws.select_member(g, &id);
            }
        }
        StoryCommand::SelectQuote(key) => {
            if ws.selection.quote.as_deref() == Some(key.as_str()) {
                ws.selection.quote = None;
            } else {
                ws.select_quote(&key);
            }
        }
        StoryCommand::MoveSelection(step) => {
            let items = ws.items(sort, show_exclusive);
            if items.is_empty() {
                return;
            }
            let current = items.iter().position(|item| match item {
                Item::Group(g) => ws.selection.group == Some(*g),
                Item::Exclusive(a, s) => {
                    ws.selection.group.is_none()
                        && ws.selection.sentence.as_deref() == Some(ws.analysis.articles[*a].sentences[*s].id.as_str())
                }
            });
            let next = match current {
                Some(i) => (i as i64 + i64::from(step)).clamp(0, items.len() as i64 - 1) as usize,
                None if step < 0 => items.len() - 1,
                None => 0,
            };
            match items[next] {
                Item::Group(g) => ws.select_group(g),
                Item::Exclusive(a, s) => {
                    let id = ws.analysis.articles[a].sentences[s].id.clone();
                    ws.select_sentence(&id);
                }
            }
        }
        StoryCommand::FilterEvent(event) => {
            ws.event_filter = if ws.event_filter == event { None } else { event };
            ws.scroll_alignment = true;
        }
        StoryCommand::ClearFilters => {
            if ws.event_filter.is_some() || !ws.search.is_empty() || ws.selection.quote.is_some() {
                ws.event_filter = None;
                ws.search.clear();
                ws.selection.quote = None;
            } else {
                ws.selection = Selection::default();
            }
            ws.scroll_alignment = true;
        }
        StoryCommand::ToggleSource(id) => {
            if !ws.hidden.remove(&id) {
                ws.hidden.insert(id);
            }
        }
        StoryCommand::ShowArticle(id) => {
            if let Some(a) = ws.article_position(&id) {
                ws.reader_article = a;
            }
        }
        StoryCommand::ShowAllMembers(g) => {
            ws.expanded.insert(g);
        }
        StoryCommand::FocusSearch => ws.focus_search = true,
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }
}

impl App {
    /// One frame of the whole window, drawn into the root `ui`.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if let Some(clock) = &mut self.clock {
            clock.frame();
            clock.mark("first frame");
        }
        self.poll_background(&ctx);
        self.shortcuts(&ctx);
        self.handle_dropped_files(&ctx);
        self.startup_screenshot(&ctx);

        egui::Panel::top("menu_bar")
            .frame(egui::Frame::side_top_panel(ui.style()).inner_margin(egui::Margin::symmetric(10, 6)))
            .show(ui, |ui| {
                menu_bar::menu_bar_ui(
                    ui,
                    &self.settings,
                    self.workspace.as_ref(),
                    &self.pane_rects,
                    &mut self.commands,
                );
            });

        if let Some(loader) = &self.loader {
            let (label, fraction, elapsed) =
                (loader.progress.stage.label(), loader.fraction(), loader.started.elapsed());
            egui::CentralPanel::default().show(ui, |ui| welcome::loading_ui(ui, label, fraction, elapsed));
        } else if self.workspace.is_some() {
            self.story_ui(ui);
            if let Some(clock) = &mut self.clock {
                clock.mark("first frame with the story laid out");
            }
        } else {
            let mut commands = Vec::new();
            egui::CentralPanel::default().show(ui, |ui| {
                welcome::welcome_ui(ui, &self.settings.recent_folders, self.load_error.as_deref(), &mut commands);
            });
            self.commands.extend(commands);
        }

        self.overlays_ui(&ctx);
        self.shots.step(&ctx);

        let commands = std::mem::take(&mut self.commands);
        for command in commands {
            self.handle(&ctx, command);
        }
        if !self.commands.is_empty() {
            ctx.request_repaint();
        }
    }
}

impl App {
    fn story_ui(&mut self, ui: &mut egui::Ui) {
        let dark = ui.visuals().dark_mode;
        let mut commands = Vec::new();
        let settings = &mut self.settings;
        let Some(ws) = self.workspace.as_mut() else {
            return;
        };
        self.pane_rects.clear();
        let pane_frame = |ui: &egui::Ui| egui::Frame::side_top_panel(ui.style()).inner_margin(egui::Margin::same(12));

        if settings.show_timeline {
            let frame = pane_frame(ui);
            let response =
                remembered_panel(ui, Edge::Bottom, "timeline", &mut settings.timeline_height, 110.0, frame, |ui| {
                    timeline_pane::timeline_ui(ui, ws, dark, &mut commands);
                });
            self.pane_rects.insert(Pane::Timeline, response.response.rect);
        }
        if settings.show_sources || settings.show_quotes {
            let frame = egui::Frame::side_top_panel(ui.style()).inner_margin(egui::Margin::ZERO);
            remembered_panel(ui, Edge::Left, "left", &mut settings.left_width, 260.0, frame, |ui| {
                if settings.show_sources {
                    let inner = if settings.show_quotes {
                        // Only the split with the quotes is a size to remember.
                        let frame = pane_frame(ui);
                        remembered_panel(ui, Edge::Top, "sources", &mut settings.sources_height, 120.0, frame, |ui| {
                            sources_pane::sources_ui(ui, ws, dark, &mut commands);
                        })
                    } else {
                        egui::CentralPanel::default()
                            .frame(pane_frame(ui))
                            .show(ui, |ui| sources_pane::sources_ui(ui, ws, dark, &mut commands))
                    };
                    self.pane_rects.insert(Pane::Sources, inner.response.rect);
                }
                if settings.show_quotes {
                    let inner = egui::CentralPanel::default()
                        .frame(pane_frame(ui))
                        .show(ui, |ui| quote_pane::quotes_ui(ui, ws, dark, &mut commands));
                    self.pane_rects.insert(Pane::Quotes, inner.response.rect);
                }
            });
        }
        if settings.show_reader {
            let frame = pane_frame(ui);
            let response =
                remembered_panel(ui, Edge::Right, "reader", &mut settings.reader_width, 280.0, frame, |ui| {
                    reader_pane::reader_ui(ui, ws, dark, &mut commands);
                });
            self.pane_rects.insert(Pane::Reader, response.response.rect);
        }
        let response = egui::CentralPanel::default()
            .frame(egui::Frame::central_panel(ui.style()).inner_margin(egui::Margin::same(12)))
            .show(ui, |ui| alignment_pane::alignment_ui(ui, ws, settings, dark, &mut commands));
        self.pane_rects.insert(Pane::Alignment, response.response.rect);
        self.commands.extend(commands);
    }

    fn overlays_ui(&mut self, ctx: &egui::Context) {
        let mut commands = Vec::new();
        // Files dragged over the window.
        let hovering = ctx.input(|i| !i.raw.hovered_files.is_empty());
        if hovering {
            welcome::drop_overlay_ui(ctx);
        }
        if let Some(picker) = &mut self.picker {
            match picker.show(ctx) {
                folder_picker::PickerResult::Open(path) => commands.push(Command::OpenFolder(path)),
                folder_picker::PickerResult::Cancel => self.picker = None,
                folder_picker::PickerResult::Pending => {}
            }
        }
        if self.show_problems
            && let Some(ws) = &self.workspace
            && !problems::problems_window(ctx, &ws.analysis.problems)
        {
            commands.push(Command::ShowProblems(false));
        }
        if let Some(path) = self.shots.asking_overwrite()
            && let Some(yes) = problems::confirm_overwrite_ui(ctx, path)
        {
            commands.push(Command::ConfirmOverwrite(yes));
        }
        if let Some(choice) = &mut self.export_dialog {
            let filter = self.workspace.as_ref().and_then(|ws| ws.view().describe(&ws.analysis));
            match export_dialog::export_dialog_ui(ctx, choice, filter.as_deref()) {
                Some(true) => {
                    let mut chosen = *choice;
                    chosen.filtered &= filter.is_some();
                    commands.push(Command::ExportReport(chosen));
                }
                Some(false) => commands.push(Command::ShowExportDialog(false)),
                None => {}
            }
        }
        if let Some(path) = &self.confirm_report
            && let Some(yes) = problems::confirm_overwrite_ui(ctx, path)
        {
            commands.push(Command::ConfirmReportOverwrite(yes));
        }
        if let Some(notice) = &self.notice {
            let now = ctx.input(|i| i.time);
            if now > notice.until_secs {
                self.notice = None;
            } else {
                problems::notice_ui(ctx, &notice.text, notice.is_error);
                ctx.request_repaint_after(std::time::Duration::from_secs_f64(notice.until_secs - now));
            }
        }
        self.commands.extend(commands);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_window_icon_decodes() {
        let icon = eframe::icon_data::from_png_bytes(super::WINDOW_ICON_PNG).expect("a valid PNG");
        assert_eq!((icon.width, icon.height), (256, 256));
    }
}
