//! Writes a deterministic synthetic news corpus for benchmarks:
//!
//! ```sh
//! cargo run --release --example synth_corpus -- OUT_DIR ARTICLES [STORIES] [SEED]
//! ```
//!
//! `STORIES` defaults to one per thirty articles (about thirty outlets per
//! story), `SEED` to 1. What the articles look like: `benches/synth/mod.rs`.
//! `OUT_DIR` must not exist yet or be empty, so no folder is overwritten.
//!
//! Beside the folder it writes `OUT_DIR.facts.tsv`, the generator's own gold:
//! one line per fact sentence (file, story, fact, sentence), so an export
//! of the folder can be scored at scale (`tools/synth-gold/score.py`).

#[path = "../benches/synth/mod.rs"]
mod synth;

use std::path::PathBuf;

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: synth_corpus OUT_DIR ARTICLES [STORIES] [SEED]";
    let out = PathBuf::from(args.next().ok_or(usage)?);
    let number = |arg: Option<String>, what: &str| -> Result<Option<u64>, String> {
        arg.map(|a| a.parse::<u64>().map_err(|_| format!("{what} must be a whole number, not {a:?}"))).transpose()
    };
    let articles = number(args.next(), "ARTICLES")?.ok_or(usage)? as usize;
    let stories = number(args.next(), "STORIES")?.map_or_else(|| synth::default_stories(articles), |s| s as usize);
    let seed = number(args.next(), "SEED")?.unwrap_or(1);
    if out.read_dir().is_ok_and(|mut d| d.next().is_some()) {
        return Err(format!("{} is not empty; give a new folder", out.display()));
    }
    let gold = PathBuf::from(format!("{}.facts.tsv", out.display()));
    if gold.exists() {
        return Err(format!("{} exists already; remove it or give a new folder", gold.display()));
    }
    std::fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let docs = synth::generate(articles, stories, seed);
    let mut bytes = 0;
    let mut facts = String::from("file\tstory\tfact\tsentence\n");
    for doc in &docs {
        bytes += doc.content.len();
        std::fs::write(out.join(&doc.file), &doc.content).map_err(|e| format!("cannot write {}: {e}", doc.file))?;
        for (sentence, (story, fact)) in &doc.facts {
            facts.push_str(&format!("{}\t{story}\t{fact}\t{sentence}\n", doc.file));
        }
    }
    std::fs::write(&gold, facts).map_err(|e| format!("cannot write {}: {e}", gold.display()))?;
    eprintln!("wrote {articles} articles ({stories} stories, {:.1} MB) to {}", bytes as f64 / 1e6, out.display());
    Ok(())
}
