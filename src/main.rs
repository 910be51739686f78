//! The `parallax` binary: the desktop app, and `parallax export` for
//! headless use. Errors are reported here, once, at the edge.
#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]

use anyhow::Context as _;
use clap::{Parser, Subcommand};
use parallax::{analysis, export, report};
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// The allocator: the analysis makes millions of small allocations, which
/// glibc's allocator serves slower (docs/performance.md, session 12).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Compare how several outlets covered the same story.
#[derive(Parser)]
#[command(name = "parallax", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// A folder of articles (.txt, .md, .html, .json, .jsonl) to open in the app, or article files.
    paths: Vec<PathBuf>,
    /// Open the built-in sample story.
    #[arg(long, conflicts_with = "paths")]
    sample: bool,
    /// Save a screenshot of the window to this PNG once the story is shown,
    /// then quit (for documentation).
    #[arg(long, value_name = "PNG", hide = true)]
    screenshot_on_start: Option<PathBuf>,
    /// Colour theme: system, light or dark (remembered).
    #[arg(long, value_parser = parse_theme)]
    theme: Option<parallax::app::ThemeChoice>,
}

fn parse_theme(name: &str) -> Result<parallax::app::ThemeChoice, String> {
    use parallax::app::ThemeChoice;
    match name.to_ascii_lowercase().as_str() {
        "system" => Ok(ThemeChoice::System),
        "light" => Ok(ThemeChoice::Light),
        "dark" => Ok(ThemeChoice::Dark),
        other => Err(format!("unknown theme “{other}”; use system, light or dark")),
    }
}

fn parse_pane(name: &str) -> Result<parallax::app::Pane, String> {
    use parallax::app::Pane;
    Pane::ALL
        .into_iter()
        .find(|p| p.file_label() == name.to_ascii_lowercase())
        .ok_or_else(|| format!("unknown pane “{name}”; use timeline, alignment, quotes, sources or reader"))
}

fn parse_size(text: &str) -> Result<(u32, u32), String> {
    let (w, h) = text.split_once(['x', 'X']).ok_or_else(|| format!("“{text}” is not WIDTHxHEIGHT, e.g. 1600x1000"))?;
    let (w, h) = (w.trim().parse::<u32>(), h.trim().parse::<u32>());
    match (w, h) {
        (Ok(w), Ok(h)) if (200..=8000).contains(&w) && (200..=8000).contains(&h) => Ok((w, h)),
        _ => Err(format!("“{text}” is not a size between 200x200 and 8000x8000")),
    }
}

#[derive(Subcommand)]
enum Command {
    /// Analyse a folder and write the result; the format follows the extension.
    Export {
        /// The folder of articles (.txt, .md, .html, .json, .jsonl).
        folder: PathBuf,
        /// Output file; the format follows its name: .json, .html, .md,
        /// facts.csv / quotes.csv / timeline.csv, .svg, .png, .jsonl; or -
        /// for JSON on standard output.
        #[arg(short, long)]
        output: PathBuf,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
        /// Only what mentions this date (YYYY, YYYY-MM or YYYY-MM-DD, as on
        /// the timeline), like clicking it in the app.
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
        /// Only facts, quotes and dates whose sentence or source contains
        /// this text, like the app's search box.
        #[arg(long, value_name = "TEXT")]
        search: Option<String>,
        /// Only these sources (repeat for several), by name as shown.
        #[arg(long = "source", value_name = "NAME")]
        sources: Vec<String>,
        /// The report's title (default: the folder's name).
        #[arg(long)]
        title: Option<String>,
        /// PNG only: draw one pane instead of the whole window.
        #[arg(long, value_parser = parse_pane)]
        pane: Option<parallax::app::Pane>,
        /// PNG only: the window size in points, e.g. 1600x1000.
        #[arg(long, value_name = "WxH", value_parser = parse_size, default_value = "1600x1000")]
        size: (u32, u32),
        /// PNG only: pixels per point (2 for a sharp figure).
        #[arg(long, default_value_t = 1.0)]
        scale: f32,
        /// PNG only: light (default) or dark.
        #[arg(long = "png-theme", value_parser = parse_theme, default_value = "light")]
        png_theme: parallax::app::ThemeChoice,
        /// Read subfolders too (links leading out of the folder are not followed).
        #[arg(long)]
        subfolders: bool,
        /// Skip article files larger than this many MiB.
        #[arg(long, value_name = "MIB", default_value_t = 8.0)]
        max_file_mib: f64,
    },
}

fn main() -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Export {
            folder,
            output,
            force,
            date,
            search,
            sources,
            title,
            pane,
            size,
            scale,
            png_theme,
            subfolders,
            max_file_mib,
        }) => {
            let png = parallax::app::PngOptions {
                pane,
                size: [size.0, size.1],
                scale,
                dark: png_theme == parallax::app::ThemeChoice::Dark,
            };
            let filter = Filter { date, search, sources };
            let options = parallax::corpus::ReadOptions {
                max_file_bytes: (max_file_mib.max(0.0) * 1024.0 * 1024.0) as u64,
                subfolders,
            };
            run_export(&folder, &output, force, &options, &filter, title, &png)
        }
        None => run_app(parallax::app::Startup {
            paths: cli.paths,
            sample: cli.sample,
            screenshot_to: cli.screenshot_on_start,
            theme: cli.theme,
            started: Some(started),
        }),
    }
}

/// The view filter given on the command line, before it is checked
/// against the analysis.
struct Filter {
    date: Option<String>,
    search: Option<String>,
    sources: Vec<String>,
}

impl Filter {
    fn view(&self, analysis: &parallax::model::Analysis) -> anyhow::Result<report::View> {
        let mut view = report::View { search: self.search.clone().unwrap_or_default(), ..report::View::default() };
        if let Some(date) = &self.date {
            let event = analysis.events.iter().find(|e| e.value.to_string() == *date).with_context(|| {
                let known: Vec<String> = analysis.events.iter().map(|e| e.value.to_string()).collect();
                format!("no date {date} on the timeline (it has: {})", known.join(", "))
            })?;
            view.event = Some(event.id.clone());
        }
        if !self.sources.is_empty() {
            let wanted: Vec<String> = self.sources.iter().map(|s| s.to_lowercase()).collect();
            for name in &wanted {
                if !analysis.articles.iter().any(|a| &a.source.to_lowercase() == name) {
                    let known: Vec<&str> = analysis.articles.iter().map(|a| a.source.as_str()).collect();
                    anyhow::bail!("no source named “{name}” (the sources are: {})", known.join(", "));
                }
            }
            view.hidden = analysis
                .articles
                .iter()
                .filter(|a| !wanted.contains(&a.source.to_lowercase()))
                .map(|a| a.id.clone())
                .collect();
        }
        Ok(view)
    }
}

fn run_export(
    folder: &Path,
    output: &Path,
    force: bool,
    options: &parallax::corpus::ReadOptions,
    filter: &Filter,
    title: Option<String>,
    png: &parallax::app::PngOptions,
) -> anyhow::Result<()> {
    let format = export::Format::for_path(output)?;
    let to_stdout = output == Path::new("-");
    if !to_stdout {
        export::check_outside(folder, output)?;
        // Fail before the analysis, not after it.
        if !force && output.exists() {
            return Err(export::ExportError::Exists { path: output.to_path_buf() }.into());
        }
    }
    // The JSON does not hold the group diffs (`parallax.analysis/2`): they
    // are not computed for it. The reports and the picture draw them.
    let diffs = if format == export::Format::Json { analysis::GroupDiffs::None } else { analysis::GroupDiffs::All };
    let analysis =
        analysis::analyze_folder_keeping(folder, options, diffs, &mut |_| {}, &analysis::CancelFlag::default())?;
    for problem in &analysis.problems {
        eprintln!("parallax: {}: {}", problem.file, problem.message);
    }
    let view = filter.view(&analysis)?;
    if format == export::Format::Json && !view.is_whole() {
        eprintln!("parallax: JSON is always the whole analysis; --date, --search and --source are ignored");
    }
    let title = title.unwrap_or_else(|| {
        let abs = std::fs::canonicalize(folder).unwrap_or_else(|_| folder.to_path_buf());
        abs.file_name().map_or_else(|| "Parallax report".to_string(), |n| n.to_string_lossy().into_owned())
    });
    let (articles, groups) = (analysis.articles.len(), analysis.groups.len());
    if format == export::Format::Png {
        let origin = parallax::app::Origin::Folder(folder.to_path_buf());
        let bytes = parallax::app::render_png(analysis, origin, &view, png)?;
        if to_stdout {
            std::io::stdout().lock().write_all(&bytes).context("writing to standard output")?;
        } else {
            export::write_atomic(output, &bytes, force)?;
        }
    } else {
        let options = report::Options { title, view };
        if to_stdout {
            export::write_to(&mut std::io::stdout().lock(), &analysis, format, &options)
                .context("writing to standard output")?;
        } else {
            export::save(&analysis, format, &options, output, force)?;
        }
        // The process ends here: freeing the analysis piece by piece (a
        // tenth of a second at 1,000 articles) would only delay the exit.
        std::mem::forget(analysis);
    }
    if !to_stdout {
        eprintln!("parallax: wrote {} ({articles} articles, {groups} groups)", output.display());
    }
    Ok(())
}

fn run_app(startup: parallax::app::Startup) -> anyhow::Result<()> {
    parallax::app::run_with(startup).map_err(|e| anyhow::anyhow!("could not open the window: {e}"))
}
