//! A real-world folder with every awkward case (tests/data/awkward, plus a
//! huge file, subfolders, a link loop and a link out of the folder made at run
//! time): each file loads with the right text and metadata, and every skipped
//! or doubtful file gets exactly one clear problem line.

// A test may unwrap: clippy.toml allows it in #[test] functions, this in their helpers too.
#![allow(clippy::unwrap_used)]

use parallax::analysis::analyze_folder_with;
use parallax::corpus::ReadOptions;
use parallax::model::{Analysis, Article, Problem};
use std::path::{Path, PathBuf};

fn awkward() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/awkward")
}

/// The committed folder copied to a temp dir, with what cannot be
/// committed added: a file over the size limit, a subfolder holding a link
/// back to its parent (a loop) and a link to a folder outside.
fn scratch_folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("parallax-input-{name}-{}", std::process::id()));
    let _: std::io::Result<()> = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("more")).unwrap();
    for entry in std::fs::read_dir(awkward()).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
    }
    let line = "The port of Durrës handled more cargo than ever before this year, officials said.\n";
    std::fs::write(dir.join("huge.txt"), line.repeat(2000)).unwrap();
    std::fs::write(dir.join("more/inner.md"), "---\nsource: Subfolder Gazette\n---\nA story kept one level down.\n")
        .unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("..", dir.join("more/loop")).unwrap();
        std::os::unix::fs::symlink(std::env::temp_dir(), dir.join("outside")).unwrap();
    }
    dir
}

fn load(dir: &Path, subfolders: bool) -> Analysis {
    let options = ReadOptions { max_file_bytes: 64 * 1024, subfolders };
    analyze_folder_with(dir, &options, &mut |_| {}, &parallax::analysis::CancelFlag::default()).unwrap()
}

fn article<'a>(a: &'a Analysis, file: &str) -> &'a Article {
    a.articles.iter().find(|x| x.file == file).unwrap_or_else(|| panic!("{file} not loaded"))
}

fn problem<'a>(a: &'a Analysis, file: &str) -> &'a Problem {
    a.problems.iter().find(|p| p.file == file).unwrap_or_else(|| panic!("no problem line for {file}"))
}

fn prose(article: &Article) -> String {
    article.text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_awkward_file_loads_right_or_has_one_clear_problem_line() {
    let dir = scratch_folder("all");
    let a = load(&dir, true);

    // One problem line per file, never two.
    let mut files: Vec<&str> = a.problems.iter().map(|p| p.file.as_str()).collect();
    files.dedup();
    assert_eq!(files.len(), a.problems.len(), "{:#?}", a.problems);

    // Encodings.
    let x = article(&a, "utf8.md");
    assert_eq!(
        (x.title.as_str(), x.source.as_str(), x.date.as_deref()),
        ("Durrës port plan clears parliament", "Coast Herald", Some("2026-03-12"))
    );
    assert!(a.problems.iter().all(|p| p.file != "utf8.md" && p.file != "utf8-bom.txt"));
    let x = article(&a, "utf8-bom.txt");
    assert!(x.text.starts_with("Port vote splits coalition"), "{:?}", x.text);
    assert_eq!(x.title, "Port vote splits coalition");
    let x = article(&a, "notepad-utf16le.txt");
    assert!(x.text.contains("parliament in Tiranë") && x.text.contains("“Our harbour is not for sale,”"));
    assert!(!x.text.contains('\r'));
    assert_eq!(problem(&a, "notepad-utf16le.txt").message, "read as UTF-16LE");
    assert!(!problem(&a, "notepad-utf16le.txt").skipped);
    assert!(article(&a, "mac-utf16be.txt").text.contains("Opposition deputies walked out"));
    assert_eq!(problem(&a, "mac-utf16be.txt").message, "read as UTF-16BE");
    let x = article(&a, "windows-1252.txt");
    assert!(
        x.text.contains("Café owners fear")
            && x.text.contains("Durrës – the oldest")
            && x.text.contains("“We have served"),
        "{}",
        x.text
    );
    assert_eq!(problem(&a, "windows-1252.txt").message, "not UTF-8; read as Windows-1252 (guessed)");

    // A saved web page, and one renamed to .txt.
    let x = article(&a, "saved-page.html");
    assert_eq!(x.title, "Albania approves €1.2bn expansion of Durrës port");
    assert_eq!(x.source, "The Adriatic Daily");
    assert_eq!(x.date.as_deref(), Some("2026-03-12"));
    assert_eq!(x.url.as_deref(), Some("https://adriaticdaily.example/business/2026/03/12/durres-port-expansion"));
    assert_eq!(x.meta.get("author").map(String::as_str), Some("Elira Basha"));
    let text = prose(x);
    assert!(text.contains("Albania’s parliament on Thursday approved a €1.2 billion plan"), "{text}");
    assert!(text.contains("Construction is due to start in the spring and last five years."));
    for chrome in ["Most read", "Sign up for our newsletter", "Comments (3)", "All rights reserved", "tracking pixel"] {
        assert!(!text.contains(chrome), "{chrome:?} in {text}");
    }
    assert!(a.problems.iter().all(|p| p.file != "saved-page.html"));
    let x = article(&a, "page-renamed.txt");
    assert_eq!((x.source.as_str(), x.date.as_deref()), ("Shqip News", Some("2026-03-12")));
    assert!(prose(x).contains("despite a walkout by the opposition") && !x.text.contains("842 partners"));
    assert_eq!(problem(&a, "page-renamed.txt").message, "a web page under another name; read as HTML");

    // JSON and JSON Lines.
    let x = article(&a, "scraped.json#1");
    assert_eq!(
        (x.title.as_str(), x.source.as_str(), x.date.as_deref()),
        ("Gulf developer named in port deal", "Filings Watch", Some("2026-03-13"))
    );
    assert_eq!(x.url.as_deref(), Some("https://filings.example/durres"));
    assert!(x.text.starts_with("The developer behind the Durrës port deal"));
    assert!(problem(&a, "scraped.json#2").message.contains("no text field") && problem(&a, "scraped.json#2").skipped);
    let x = article(&a, "feed.jsonl#1");
    assert_eq!((x.source.as_str(), x.date.as_deref()), ("portnews.example", Some("2026-03-13")));
    let x = article(&a, "feed.jsonl#2");
    assert_eq!((x.title.as_str(), x.source.as_str()), ("Jobs figure questioned", "econ-review.example"));

    // The same story twice is one article with two files; a copy with
    // small edits is kept and marked.
    let wire = article(&a, "wire.txt");
    assert_eq!(wire.duplicate_files, vec!["wire (1).txt".to_string()]);
    assert!(a.articles.iter().all(|x| x.file != "wire (1).txt"));
    let dup = problem(&a, "wire (1).txt");
    assert!(dup.skipped && dup.message.contains("the same story as wire.txt"), "{}", dup.message);
    let edited = article(&a, "wire-republished.txt");
    assert_eq!(wire.near_copies.len(), 1);
    assert_eq!(wire.near_copies[0].article, edited.id);
    assert_eq!(edited.near_copies[0].article, wire.id);

    // Skipped files.
    for (file, says) in [
        ("empty.txt", "empty file"),
        ("blank.md", "empty file"),
        ("photo.txt", "binary file"),
        ("huge.txt", "larger than the 0.1 MiB limit"),
    ] {
        let p = problem(&a, file);
        assert!(p.skipped && p.message.contains(says), "{file}: {}", p.message);
        assert!(a.articles.iter().all(|x| x.file != file));
    }
    assert!(a.problems.iter().all(|p| p.file != "notes.pdf"), "non-article files are not read");

    // Doubtful but loaded.
    let x = article(&a, "unclosed.md");
    assert_eq!((x.title.as_str(), x.source.as_str()), ("never closed", "Draft Desk"));
    assert!(x.text.starts_with("The port vote was delayed"));
    assert!(problem(&a, "unclosed.md").message.contains("never closed") && !problem(&a, "unclosed.md").skipped);
    let x = article(&a, "bad-date.md");
    assert_eq!(x.date, None);
    assert_eq!(problem(&a, "bad-date.md").message, "date “not-a-date” is not a date (YYYY-MM-DD); left undated");

    // Outlet from a site line.
    assert_eq!(article(&a, "site-line.txt").source, "PORTI SOT");

    // Subfolders, the loop and the link out.
    assert_eq!(article(&a, "more/inner.md").source, "Subfolder Gazette");
    #[cfg(unix)]
    {
        assert!(problem(&a, "more/loop").message.contains("loop"), "{}", problem(&a, "more/loop").message);
        assert!(problem(&a, "outside").message.contains("outside the chosen folder"));
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn subfolders_are_off_by_default_and_the_folder_is_never_written() {
    let dir = scratch_folder("flat");
    let listing = |d: &Path| {
        let mut names: Vec<(String, u64)> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap())
            .map(|e| (e.file_name().to_string_lossy().into_owned(), e.metadata().map(|m| m.len()).unwrap_or(0)))
            .collect();
        names.sort();
        names
    };
    let before = listing(&dir);
    let a = load(&dir, false);
    assert!(a.articles.iter().all(|x| !x.file.starts_with("more/")));
    assert!(a.problems.iter().all(|p| !p.file.starts_with("more/") && p.file != "outside"));
    assert_eq!(before, listing(&dir));
    std::fs::remove_dir_all(&dir).unwrap();
}
