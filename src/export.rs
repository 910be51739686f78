//! Exports of an analysis, and the one safe way Parallax writes files.
//!
//! The format follows the output file's extension. Every write goes through
//! [`write_atomic`]: a temporary file beside the target, then a rename, and an
//! existing file is replaced only when the caller says so.

use crate::model::Analysis;
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
    #[error("refusing to write {path} inside the article folder {folder}; Parallax never writes into it")]
    InsideArticleFolder { path: PathBuf, folder: PathBuf },
}

/// An export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
}

impl Format {
    pub const SUPPORTED: &'static str = ".json";

    /// The format for an output path, from its extension; `-` is JSON.
    pub fn for_path(path: &Path) -> Result<Self, ExportError> {
        if path == Path::new("-") {
            return Ok(Format::Json);
        }
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
        match ext.as_str() {
            "json" => Ok(Format::Json),
            _ => Err(ExportError::UnknownFormat { ext, supported: Self::SUPPORTED }),
        }
    }
}

/// Serialises an analysis in `format`.
pub fn render(analysis: &Analysis, format: Format) -> Vec<u8> {
    match format {
        Format::Json => {
            let mut bytes = serde_json::to_vec_pretty(analysis).expect("the analysis model always serialises");
            bytes.push(b'\n');
            bytes
        }
    }
}

/// Writes `bytes` to `path` atomically (temporary file + rename in the same
/// folder). Fails with [`ExportError::Exists`] if `path` exists and
/// `overwrite` is false.
pub fn write_atomic(path: &Path, bytes: &[u8], overwrite: bool) -> Result<(), ExportError> {
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
        f.write_all(bytes)?;
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
                out.write_all(bytes)?;
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
    fn format_from_extension() {
        assert_eq!(Format::for_path(Path::new("-")).unwrap(), Format::Json);
        assert_eq!(Format::for_path(Path::new("a/b.JSON")).unwrap(), Format::Json);
        assert!(matches!(Format::for_path(Path::new("a.xlsx")), Err(ExportError::UnknownFormat { .. })));
    }
}
