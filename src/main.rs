//! The `parallax` binary: the desktop app, and `parallax export` for
//! headless use. Errors are reported here, once, at the edge.
#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]

use anyhow::Context as _;
use clap::{Parser, Subcommand};
use parallax::{analysis, export};
use std::io::Write as _;
use std::path::PathBuf;

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

#[derive(Subcommand)]
enum Command {
    /// Analyse a folder and write the result; the format follows the extension.
    Export {
        /// The folder of articles (.txt, .md, .html, .json, .jsonl).
        folder: PathBuf,
        /// Output file (.json), or - for JSON on standard output.
        #[arg(short, long)]
        output: PathBuf,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
        /// Read subfolders too (links leading out of the folder are not followed).
        #[arg(long)]
        subfolders: bool,
        /// Skip article files larger than this many MiB.
        #[arg(long, value_name = "MIB", default_value_t = 8.0)]
        max_file_mib: f64,
    },
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Export { folder, output, force, subfolders, max_file_mib }) => {
            let options = parallax::corpus::ReadOptions {
                max_file_bytes: (max_file_mib.max(0.0) * 1024.0 * 1024.0) as u64,
                subfolders,
            };
            run_export(&folder, &output, force, &options)
        }
        None => run_app(parallax::app::Startup {
            paths: cli.paths,
            sample: cli.sample,
            screenshot_to: cli.screenshot_on_start,
            theme: cli.theme,
        }),
    }
}

fn run_export(
    folder: &std::path::Path,
    output: &std::path::Path,
    force: bool,
    options: &parallax::corpus::ReadOptions,
) -> anyhow::Result<()> {
    let format = export::Format::for_path(output)?;
    if output != std::path::Path::new("-") {
        export::check_outside(folder, output)?;
        // Fail before the analysis, not after it.
        if !force && output.exists() {
            return Err(export::ExportError::Exists { path: output.to_path_buf() }.into());
        }
    }
    let analysis = analysis::analyze_folder_with(folder, options, &mut |_| {})?;
    for problem in &analysis.problems {
        eprintln!("parallax: {}: {}", problem.file, problem.message);
    }
    let bytes = export::render(&analysis, format);
    if output == std::path::Path::new("-") {
        std::io::stdout().lock().write_all(&bytes).context("writing to standard output")?;
    } else {
        export::write_atomic(output, &bytes, force)?;
        eprintln!(
            "parallax: wrote {} ({} articles, {} groups)",
            output.display(),
            analysis.articles.len(),
            analysis.groups.len()
        );
    }
    Ok(())
}

fn run_app(startup: parallax::app::Startup) -> anyhow::Result<()> {
    parallax::app::run_with(startup).map_err(|e| anyhow::anyhow!("could not open the window: {e}"))
}
