//! Exports of an analysis, and the one safe way Parallax writes files.
//!
//! The format follows the output file's extension; the report formats
//! themselves live in [`crate::report`]. Every write goes through
//! [`write_atomic`]: a temporary file beside the target, then a rename, and an
//! existing file is replaced only when the caller says so.

use crate::model::Analysis;
pub use crate::report::csv::Table;
use crate::report::{self, Options, Scope};
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{path} already exists; pass --force to replace it")]
    Exists { path: PathBuf },
    #[error("unknown export format “{ext}” (supported: {supported})")]
    UnknownFormat { ext: String, supported: &'static str },
    #[error("cannot write {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("a PNG is drawn by the app's renderer, not by the text exports")]
    NeedsRenderer,
    #[error("refusing to write {path} inside the article folder {folder}; Parallax never writes into it")]
    InsideArticleFolder { path: PathBuf, folder: PathBuf },
}

/// An export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The whole analysis, `parallax.analysis/1` (`docs/analysis-format.md`).
    Json,
    /// A self-contained report page (`docs/reports.md`).
    Html,
    Markdown,
    /// One of the spreadsheet tables, chosen by the file's name.
    Csv(Table),
    /// The timeline strip as a vector image.
    Svg,
    /// The app's view drawn off-screen (needs the app's renderer).
    Png,
    /// One line per article in passim's input shape.
    Jsonl,
}

impl Format {
    pub const SUPPORTED: &'static str =
        ".json, .html, .md, .csv (facts/quotes/timeline by file name), .svg, .png, .jsonl";

    /// Every format, with a name for menus and its usual file name.
    pub const ALL: [(Format, &'static str, &'static str); 9] = [
        (Format::Html, "HTML report", "report.html"),
        (Format::Markdown, "Markdown report", "report.md"),
        (Format::Csv(Table::Facts), "Facts table (CSV)", "facts.csv"),
        (Format::Csv(Table::Quotes), "Quotes table (CSV)", "quotes.csv"),
        (Format::Csv(Table::Timeline), "Timeline table (CSV)", "timeline.csv"),
        (Format::Svg, "Timeline image (SVG)", "timeline.svg"),
        (Format::Png, "Picture of the view (PNG)", "view.png"),
        (Format::Jsonl, "Corpus for passim (JSONL)", "corpus.jsonl"),
        (Format::Json, "Analysis (JSON)", "analysis.json"),
    ];

    /// The format for an output path, from its extension (and, for CSV, its
    /// name: `quotes.csv`, `timeline.csv`, anything else is the facts
    /// table); `-` is JSON.
    pub fn for_path(path: &Path) -> Result<Self, ExportError> {
        if path == Path::new("-") {
            return Ok(Format::Json);
        }
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
        let stem = path.file_stem().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
        match ext.as_str() {
            "json" => Ok(Format::Json),
            "html" | "htm" => Ok(Format::Html),
            "md" | "markdown" => Ok(Format::Markdown),
            "csv" if stem.contains("quote") => Ok(Format::Csv(Table::Quotes)),
            "csv" if stem.contains("timeline") || stem.contains("date") || stem.contains("event") => {
                Ok(Format::Csv(Table::Timeline))
            }
            "csv" => Ok(Format::Csv(Table::Facts)),
            "svg" => Ok(Format::Svg),
            "png" => Ok(Format::Png),
            "jsonl" | "ndjson" => Ok(Format::Jsonl),
            _ => Err(ExportError::UnknownFormat { ext, supported: Self::SUPPORTED }),
        }
    }

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Html => "html",
            Format::Markdown => "md",
            Format::Csv(_) => "csv",
            Format::Svg => "svg",
            Format::Png => "png",
            Format::Jsonl => "jsonl",
        }
    }

    /// Whether the view's filter changes this format (JSON is always the
    /// whole analysis; the corpus leaves out hidden sources only).
    pub fn follows_filter(self) -> bool {
        !matches!(self, Format::Json)
    }
}

/// Serialises an analysis in `format`, filtered by `options.view`. PNG is
/// drawn by the app (`app::offscreen`), not here. To write a file, [`save`]
/// streams instead of holding the whole text in memory.
pub fn render(analysis: &Analysis, format: Format, options: &Options) -> Result<Vec<u8>, ExportError> {
    if format == Format::Png {
        return Err(ExportError::NeedsRenderer);
    }
    let mut bytes = Vec::new();
    write_to(&mut bytes, analysis, format, options)
        .map_err(|source| ExportError::Io { path: PathBuf::from("(memory)"), source })?;
    Ok(bytes)
}

/// Writes an analysis in `format` to `path` as [`render`] then
/// [`write_atomic`] would, but streamed into the temporary file: the JSON
/// of ten thousand articles is never held in memory whole.
pub fn save(
    analysis: &Analysis,
    format: Format,
    options: &Options,
    path: &Path,
    overwrite: bool,
) -> Result<(), ExportError> {
    if format == Format::Png {
        return Err(ExportError::NeedsRenderer);
    }
    write_atomic_with(path, overwrite, &mut |file| write_to(file, analysis, format, options))
}

/// Writes an analysis in `format` (not PNG) to `out`. The JSON is serialised
/// straight into `out`, compact (indentation doubled the file at a thousand
/// articles); the reports are rendered first.
pub fn write_to(out: &mut dyn Write, analysis: &Analysis, format: Format, options: &Options) -> std::io::Result<()> {
    let scope = || Scope::new(analysis, &options.view);
    let bytes = match format {
        Format::Json => {
            let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
            write_json(&mut out, analysis)?;
            out.write_all(b"\n")?;
            return out.flush();
        }
        Format::Html => report::html::render(&scope(), options),
        Format::Markdown => report::markdown::render(&scope(), options),
        Format::Csv(table) => report::csv::render(&scope(), table),
        Format::Svg => report::svg::render(&scope()),
        Format::Jsonl => report::jsonl::render(&scope()),
        Format::Png => return Err(std::io::Error::other(ExportError::NeedsRenderer.to_string())),
    };
    out.write_all(&bytes)
}

/// Writes `analysis` as compact JSON, byte for byte what
/// `serde_json::to_writer` writes (a test compares them), with the items of
/// its lists (the articles, groups, quotes, … most of a large folder's
/// bytes) rendered on all cores, [`JSON_CHUNK`] at a time in order, so the
/// whole document is never held in memory.
fn write_json(out: &mut impl Write, analysis: &Analysis) -> std::io::Result<()> {
    use rayon::prelude::*;
    use serde::Serialize;
    /// `,name:`: every field but the first, which opens the object.
    fn key(out: &mut impl Write, name: &str) -> std::io::Result<()> {
        out.write_all(b",")?;
        serde_json::to_writer(&mut *out, name)?;
        out.write_all(b":")
    }
    fn value(out: &mut impl Write, name: &str, value: &impl Serialize) -> std::io::Result<()> {
        key(out, name)?;
        serde_json::to_writer(out, value).map_err(std::io::Error::from)
    }
    fn list<T: Serialize + Sync>(out: &mut impl Write, name: &str, items: &[T]) -> std::io::Result<()> {
        key(out, name)?;
        out.write_all(b"[")?;
        for (c, chunk) in items.chunks(JSON_CHUNK).enumerate() {
            let rendered: Vec<Vec<u8>> = chunk.par_iter().map(serde_json::to_vec).collect::<Result<_, _>>()?;
            for (k, item) in rendered.iter().enumerate() {
                if c > 0 || k > 0 {
                    out.write_all(b",")?;
                }
                out.write_all(item)?;
            }
        }
        out.write_all(b"]")
    }
    // Every field of `Analysis`, in its order (the destructuring does not
    // compile when a field is added there and not here; the test compares
    // the bytes with serde's).
    let Analysis {
        schema,
        reference_date,
        articles,
        groups,
        alignment,
        overlap,
        quotes,
        quote_clusters,
        timeline,
        events,
        problems,
    } = analysis;
    out.write_all(br#"{"schema":"#)?;
    serde_json::to_writer(&mut *out, schema)?;
    value(out, "reference_date", reference_date)?;
    list(out, "articles", articles)?;
    list(out, "groups", groups)?;
    value(out, "alignment", alignment)?;
    list(out, "overlap", overlap)?;
    list(out, "quotes", quotes)?;
    list(out, "quote_clusters", quote_clusters)?;
    list(out, "timeline", timeline)?;
    list(out, "events", events)?;
    list(out, "problems", problems)?;
    out.write_all(b"}")
}

/// How many items of a list [`write_json`] renders at once.
const JSON_CHUNK: usize = 256;

/// Writes `bytes` to `path` atomically (temporary file + rename in the same
/// folder). Fails with [`ExportError::Exists`] if `path` exists and
/// `overwrite` is false.
pub fn write_atomic(path: &Path, bytes: &[u8], overwrite: bool) -> Result<(), ExportError> {
    write_atomic_with(path, overwrite, &mut |file| file.write_all(bytes))
}

/// [`write_atomic`] with the content written by `fill` into the temporary
/// file, so that nothing needs to hold the whole file in memory.
pub fn write_atomic_with(
    path: &Path,
    overwrite: bool,
    fill: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), ExportError> {
    let io = |source| ExportError::Io { path: path.to_path_buf(), source };
    if !overwrite && path.exists() {
        return Err(ExportError::Exists { path: path.to_path_buf() });
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.parallax-{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        fill(&mut f)?;
        f.sync_all()?;
        if overwrite {
            std::fs::rename(&tmp, path)
        } else {
            // hard_link fails if the target appeared meanwhile: no silent
            // overwrite. Where links are not supported, create the target
            // exclusively and copy: not atomic, but never replaces a file.
            std::fs::hard_link(&tmp, path).or_else(|e| {
                if e.kind() == std::io::ErrorKind::AlreadyExists {
                    return Err(e);
                }
                let mut out = std::fs::File::options().write(true).create_new(true).open(path)?;
                std::io::copy(&mut std::fs::File::open(&tmp)?, &mut out)?;
                out.sync_all()
            })
        }
    })();
    // Tidying up: after a rename the temporary file is gone already, and
    // failing to remove it does not change the result.
    let _: std::io::Result<()> = std::fs::remove_file(&tmp);
    result.map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            ExportError::Exists { path: path.to_path_buf() }
        } else {
            io(e)
        }
    })
}

/// Refuses an output path inside the article folder.
pub fn check_outside(folder: &Path, path: &Path) -> Result<(), ExportError> {
    let abs = |p: &Path| {
        std::fs::canonicalize(p)
            .unwrap_or_else(|_| std::env::current_dir().map(|d| d.join(p)).unwrap_or_else(|_| p.to_path_buf()))
    };
    let folder_abs = abs(folder);
    let parent = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    if abs(parent).starts_with(&folder_abs) {
        return Err(ExportError::InsideArticleFolder { path: path.to_path_buf(), folder: folder.to_path_buf() });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`write_json`] writes what serde writes: the sample, an empty
    /// analysis, and lists longer than one chunk.
    #[test]
    fn json_rendered_in_chunks_is_serde_json() {
        let sample = crate::analysis::analyze_sample();
        let mut long = sample.clone();
        long.articles = (0..3 * JSON_CHUNK / sample.articles.len().max(1) + 1)
            .flat_map(|_| sample.articles.iter().cloned())
            .collect();
        long.quotes = (0..JSON_CHUNK + 1).flat_map(|_| sample.quotes.iter().cloned()).take(JSON_CHUNK + 1).collect();
        for analysis in [sample, Analysis::default(), long] {
            let mut ours = Vec::new();
            write_json(&mut ours, &analysis).unwrap();
            assert_eq!(String::from_utf8(ours).unwrap(), serde_json::to_string(&analysis).unwrap());
        }
    }

    #[test]
    fn atomic_write_never_overwrites_silently() {
        let dir = std::env::temp_dir().join(format!("parallax-export-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("out.json");
        write_atomic(&path, b"one", false).unwrap();
        let err = write_atomic(&path, b"two", false).unwrap_err();
        assert!(matches!(err, ExportError::Exists { .. }));
        assert_eq!(std::fs::read(&path).unwrap(), b"one");
        write_atomic(&path, b"three", true).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"three");
        let leftovers = std::fs::read_dir(&dir).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary file is left behind");
        assert!(check_outside(&dir, &dir.join("x.json")).is_err());
        assert!(check_outside(&dir.join("sub"), &dir.join("x.json")).is_ok());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn save_streams_what_render_returns_and_never_overwrites_silently() {
        let analysis = crate::analysis::analyze_sample();
        let dir = std::env::temp_dir().join(format!("parallax-save-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let options = Options { title: "sample".into(), ..Options::default() };
        for (format, _, name) in Format::ALL {
            let path = dir.join(name);
            if format == Format::Png {
                assert!(matches!(save(&analysis, format, &options, &path, false), Err(ExportError::NeedsRenderer)));
                continue;
            }
            save(&analysis, format, &options, &path, false).unwrap();
            let written = std::fs::read(&path).unwrap();
            assert_eq!(written, render(&analysis, format, &options).unwrap(), "{name}");
            let again = save(&analysis, format, &options, &path, false);
            assert!(matches!(again, Err(ExportError::Exists { .. })), "{name}");
            save(&analysis, format, &options, &path, true).unwrap();
            assert_eq!(std::fs::read(&path).unwrap(), written, "{name}");
        }
        let json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(dir.join("analysis.json")).unwrap()).unwrap();
        assert_eq!(json["schema"], crate::model::SCHEMA);
        let files = std::fs::read_dir(&dir).unwrap().count();
        assert_eq!(files, Format::ALL.len() - 1, "no temporary file is left behind");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn format_from_extension() {
        assert_eq!(Format::for_path(Path::new("-")).unwrap(), Format::Json);
        assert_eq!(Format::for_path(Path::new("a/b.JSON")).unwrap(), Format::Json);
        assert!(matches!(Format::for_path(Path::new("a.xlsx")), Err(ExportError::UnknownFormat { .. })));
        let pick = |p: &str| Format::for_path(Path::new(p)).unwrap();
        assert_eq!(pick("out/report.html"), Format::Html);
        assert_eq!(pick("report.md"), Format::Markdown);
        assert_eq!(pick("facts.csv"), Format::Csv(Table::Facts));
        assert_eq!(pick("story-quotes.csv"), Format::Csv(Table::Quotes));
        assert_eq!(pick("Timeline.CSV"), Format::Csv(Table::Timeline));
        assert_eq!(pick("timeline.svg"), Format::Svg);
        assert_eq!(pick("view.png"), Format::Png);
        assert_eq!(pick("corpus.jsonl"), Format::Jsonl);
        for (format, _, name) in Format::ALL {
            assert_eq!(pick(name), format, "{name}");
        }
    }
}
