//! `parallax export`, run as a user would: the JSON contract, determinism,
//! and the rules about where it writes.

// A test may unwrap: clippy.toml allows it in #[test] functions, this in their helpers too.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

fn parallax() -> Command {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
}

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

fn export_stdout(folder: &Path) -> Vec<u8> {
    let out = parallax().args(["export"]).arg(folder).args(["-o", "-"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("parallax-export-{name}-{}", std::process::id()));
    // Leftovers of an earlier run, if any; usually there is nothing to remove.
    let _: std::io::Result<()> = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn the_same_folder_gives_byte_identical_json() {
    assert_eq!(export_stdout(&seeds()), export_stdout(&seeds()));
}

#[test]
fn the_json_follows_the_documented_contract() {
    let json: serde_json::Value = serde_json::from_slice(&export_stdout(&seeds())).unwrap();
    assert_eq!(json["schema"], "parallax.analysis/2");
    assert_eq!(json["reference_date"], "2022-09-07");
    let articles = json["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 5);
    for article in articles {
        let text = article["text"].as_str().unwrap();
        for key in ["id", "file", "title", "source", "text", "sentences"] {
            assert!(!article[key].is_null(), "article lacks {key}");
        }
        for s in article["sentences"].as_array().unwrap() {
            let (start, end) = (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
            assert!(start < end && text.is_char_boundary(start) && text.is_char_boundary(end));
        }
    }
    assert_eq!(articles[3]["date"], "2022-09-07", "the dateline of 003");
    assert_eq!(
        articles[1]["title"],
        "ALBANIA After the Iranian cyber attack, Tirana breaks relations with Tehran and closes the embassy"
    );
    for key in ["groups", "quotes", "timeline", "problems"] {
        assert!(json[key].is_array(), "{key} is an array");
    }
    let group = &json["groups"][0];
    for key in ["id", "sentences", "base", "discrepancies"] {
        assert!(!group[key].is_null(), "group lacks {key}");
    }
    let quote = &json["quotes"][0];
    for key in ["id", "article", "start", "end", "text", "speaker", "cluster"] {
        assert!(quote.get(key).is_some(), "quote lacks {key}");
    }
    let entry = &json["timeline"][0];
    for key in ["id", "article", "sentence", "start", "end", "text", "value", "event"] {
        assert!(entry.get(key).is_some(), "timeline entry lacks {key}");
    }
}

#[test]
fn writes_a_file_but_never_overwrites_silently() {
    let dir = scratch("overwrite");
    let out = dir.join("story.json");
    let status = parallax().arg("export").arg(seeds()).arg("-o").arg(&out).status().unwrap();
    assert!(status.success());
    let first = std::fs::read(&out).unwrap();
    let again = parallax().arg("export").arg(seeds()).arg("-o").arg(&out).output().unwrap();
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
    assert_eq!(std::fs::read(&out).unwrap(), first);
    let forced = parallax().arg("export").arg(seeds()).arg("-o").arg(&out).arg("--force").status().unwrap();
    assert!(forced.success());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn refuses_to_write_into_the_article_folder_and_explains_bad_input() {
    let dir = scratch("inside");
    std::fs::write(dir.join("a.txt"), "Headline one\nA sentence about the story.\n").unwrap();
    let inside = parallax().arg("export").arg(&dir).arg("-o").arg(dir.join("out.json")).output().unwrap();
    assert!(!inside.status.success());
    assert!(String::from_utf8_lossy(&inside.stderr).contains("never writes into it"));
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1, "nothing was written into the folder");

    let missing = parallax().args(["export", "/nonexistent/folder", "-o", "-"]).output().unwrap();
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("there is no folder"));

    let format = parallax().arg("export").arg(seeds()).args(["-o", "out.xlsx"]).output().unwrap();
    assert!(!format.status.success());
    assert!(String::from_utf8_lossy(&format.stderr).contains("unknown export format"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_headline_group_is_marked_in_the_json() {
    // Three outlets on one made-up story, each a headline line and two
    // paragraphs: their headlines form the headline group, written first
    // and marked, its members the headline sentences, marked too.
    let dir = scratch("headlines");
    let articles = [
        (
            "a.txt",
            "Storm floods the old town of Vellmar",
            "The mayor promised to rebuild the damaged bridge by the end of the year.",
        ),
        (
            "b.txt",
            "Heavy storm floods Vellmar old town",
            "Schools in the district will stay closed until Wednesday, the education office said.",
        ),
        (
            "c.txt",
            "Vellmar old town flooded after storm",
            "The national weather service warned of more rain in the mountains this week.",
        ),
    ];
    for (file, headline, body) in articles {
        std::fs::write(dir.join(file), format!("{headline}\n\n{body}\n\nFishermen complained about falling prices.\n"))
            .unwrap();
    }
    let json: serde_json::Value = serde_json::from_slice(&export_stdout(&dir)).unwrap();
    let group = &json["groups"][0];
    assert_eq!(group["headline"], true, "{group}");
    let members = group["sentences"].as_array().unwrap();
    assert_eq!(members.len(), 3);
    let sentences: Vec<&serde_json::Value> =
        json["articles"].as_array().unwrap().iter().flat_map(|a| a["sentences"].as_array().unwrap()).collect();
    for id in members {
        let sentence = sentences.iter().find(|s| s["id"] == *id).unwrap();
        assert_eq!(sentence["headline"], true, "{sentence}");
    }
    // Other groups (the fishermen's line makes one) and sentences do not
    // carry the mark at all.
    let groups = json["groups"].as_array().unwrap();
    assert!(groups.len() >= 2, "{groups:?}");
    assert!(groups[1..].iter().all(|g| g.get("headline").is_none()));
    assert_eq!(sentences.iter().filter(|s| s.get("headline").is_some()).count(), 3);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn one_unreadable_file_is_a_problem_and_the_rest_loads() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/unreadable");
    let out = parallax().arg("export").arg(&dir).args(["-o", "-"]).output().unwrap();
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["articles"].as_array().unwrap().len(), 2);
    assert_eq!(json["problems"][0]["file"], "broken.txt");
    assert!(String::from_utf8_lossy(&out.stderr).contains("broken.txt"));
}

#[test]
fn groups_carry_no_diffs_and_the_import_rebuilds_what_the_app_shows() {
    let bytes = export_stdout(&seeds());
    let json: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    // parallax.analysis/2 left the group diffs out (docs/analysis-format.md):
    // they were three quarters of a large export.
    for group in json["groups"].as_array().unwrap() {
        assert!(group.get("diffs").is_none(), "{} has diffs again", group["id"]);
    }
    assert!(json["quote_clusters"].as_array().unwrap().iter().any(|c| c.get("diffs").is_some()));
    // Read back, it is the analysis the app would show for the folder,
    // diffs, similarities and wording included.
    let imported = parallax::import::from_reader(bytes.as_slice(), "seeds.json").unwrap();
    let analysed = parallax::analysis::analyze_folder(&seeds(), &mut |_| {}).unwrap();
    assert!(analysed.groups.iter().map(|g| g.diffs.len()).sum::<usize>() > 10);
    assert_eq!(imported, analysed);
}
