//! Reading an exported analysis (`parallax export FOLDER -o FILE.json`) back
//! into the model, as the app and the frame benchmark open one.
//!
//! Since `parallax.analysis/2` the export leaves out the groups' word diffs
//! (they were most of a large export: 53 of 77 MB at a thousand articles);
//! they are a function of the texts, so they are computed again here
//! (the same member diffs against the same base as the aligner's, built by
//! one function; the round-trip test below fails if the two drift apart),
//! and the model in memory is the one the analysis produced. Exports of
//! `/1` still carry their diffs and are read as they are; they hold no
//! judgement of whether a member restates its base (`restates` is then
//! unset, and the app shows no "paraphrase").

use crate::align::{BaseRead, member_diff, restate};
use crate::model::{Analysis, Group, MemberDiff, SCHEMA};
use rayon::prelude::*;
use std::path::Path;

/// The schema of the exports before the group diffs were left out.
pub const SCHEMA_V1: &str = "parallax.analysis/1";

/// Why an exported analysis cannot be opened.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path} is not a Parallax analysis export: {source}")]
    Json {
        path: String,
        #[source]
        source: serde_json::Error,
    },
    #[error("{path} is a “{schema}” file; this version reads {SCHEMA} and {SCHEMA_V1}")]
    Schema { path: String, schema: String },
    #[error("{path} is damaged: {what}")]
    Inconsistent { path: String, what: String },
}

/// Reads an analysis export from `path`, checks that its offsets fit its
/// texts, and rebuilds what the file leaves out (the group diffs of `/2`).
pub fn read_analysis(path: &Path) -> Result<Analysis, ImportError> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|source| ImportError::Io { path: name.clone(), source })?;
    from_reader(std::io::BufReader::new(file), &name)
}

/// [`read_analysis`] from any reader; `name` is how errors refer to it.
pub fn from_reader(reader: impl std::io::Read, name: &str) -> Result<Analysis, ImportError> {
    let mut analysis: Analysis =
        serde_json::from_reader(reader).map_err(|source| ImportError::Json { path: name.to_string(), source })?;
    let inconsistent = |what: String| ImportError::Inconsistent { path: name.to_string(), what };
    // `/1` files carry their diffs; `/2` files have none to keep.
    let carries_diffs = match analysis.schema.as_str() {
        SCHEMA => false,
        SCHEMA_V1 => true,
        other => return Err(ImportError::Schema { path: name.to_string(), schema: other.to_string() }),
    };
    check_offsets(&analysis).map_err(inconsistent)?;
    check_ids(&analysis).map_err(inconsistent)?;
    if !carries_diffs {
        rebuild_group_diffs(&mut analysis).map_err(inconsistent)?;
    }
    Ok(analysis)
}

/// Every sentence span inside its article's text, on char boundaries.
fn check_offsets(analysis: &Analysis) -> Result<(), String> {
    for article in &analysis.articles {
        for s in &article.sentences {
            let fits = s.start <= s.end
                && s.end <= article.text.len()
                && article.text.is_char_boundary(s.start)
                && article.text.is_char_boundary(s.end);
            if !fits {
                return Err(format!("sentence {} ({}..{}) is outside its article's text", s.id, s.start, s.end));
            }
        }
    }
    Ok(())
}

/// No two articles, and no two sentences, share an id: everything that
/// names one (groups, quotes, the timeline) would be ambiguous, and a
/// lookup by id could find either.
fn check_ids(analysis: &Analysis) -> Result<(), String> {
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let ids = analysis.articles.iter().flat_map(|a| std::iter::once(&a.id).chain(a.sentences.iter().map(|s| &s.id)));
    for id in ids {
        if !seen.insert(id.as_str()) {
            return Err(format!("the id {id} is used twice"));
        }
    }
    Ok(())
}

/// Computes every group's diffs from the texts (`/2` files have none).
fn rebuild_group_diffs(analysis: &mut Analysis) -> Result<(), String> {
    let embedded = Embedded::grouped(analysis);
    let rebuilt: Vec<Vec<MemberDiff>> =
        analysis.groups.par_iter().map(|group| group_diffs(analysis, group, &embedded)).collect::<Result<_, _>>()?;
    for (group, diffs) in analysis.groups.iter_mut().zip(rebuilt) {
        group.diffs = diffs;
    }
    Ok(())
}

/// The embedding of every sentence that stands in a group, each embedded
/// once (a lead sentence stands in several groups), by sentence id.
struct Embedded<'a> {
    ids: Vec<&'a str>,
    vectors: Vec<Vec<f32>>,
}

impl<'a> Embedded<'a> {
    fn grouped(analysis: &'a Analysis) -> Self {
        let mut grouped: Vec<&str> =
            analysis.groups.iter().flat_map(|g| g.sentences.iter().map(String::as_str)).collect();
        grouped.sort_unstable();
        grouped.dedup();
        // One pass over the articles' sentences (a lookup by id searches
        // the articles), in id order.
        let mut found: Vec<(&str, &str)> = analysis
            .articles
            .iter()
            .flat_map(|a| a.sentences.iter().map(move |s| (s.id.as_str(), a.sentence_text(s))))
            .filter(|(id, _)| grouped.binary_search(id).is_ok())
            .collect();
        found.sort_unstable_by_key(|&(id, _)| id);
        let (ids, texts): (Vec<&str>, Vec<&str>) = found.into_iter().unzip();
        // In blocks on all cores; in order, so a vector's index is its id's.
        let blocks: Vec<Vec<Vec<f32>>> = texts.par_chunks(256).map(restate::embeddings).collect();
        let vectors: Vec<Vec<f32>> = blocks.into_iter().flatten().collect();
        // Without the model there are none (and no judgement).
        let vectors = if vectors.len() == ids.len() { vectors } else { Vec::new() };
        Self { ids, vectors }
    }

    fn get(&self, id: &str) -> Option<&[f32]> {
        self.ids.binary_search(&id).ok().and_then(|i| self.vectors.get(i)).map(Vec::as_slice)
    }
}

/// The diff of every member of `group` but its base against the base, in
/// member order: what the aligner writes into `Group::diffs`, built by the
/// same function ([`crate::align::member_diff`]) from the same texts and
/// embeddings (the round-trip test in `tests/export.rs` holds the two to
/// the same result).
fn group_diffs(analysis: &Analysis, group: &Group, embedded: &Embedded) -> Result<Vec<MemberDiff>, String> {
    let find = |id: &str| analysis.sentence(id).ok_or_else(|| format!("group {} names no sentence {id}", group.id));
    let (base_article, base_sentence) = find(&group.base)?;
    let base = BaseRead::new(base_article.sentence_text(base_sentence), base_sentence.start, &base_sentence.id);
    let base_vector = embedded.get(&group.base);
    let mut diffs = Vec::with_capacity(group.sentences.len().saturating_sub(1));
    for member in group.sentences.iter().filter(|&m| *m != group.base) {
        let (article, sentence) = find(member)?;
        let cosine = base_vector.zip(embedded.get(member)).map(|(a, b)| restate::cosine(a, b));
        diffs.push(member_diff(&base, (article.sentence_text(sentence), sentence.start, &sentence.id), cosine));
    }
    restate::unless_disagreeing(&mut diffs, &group.base, &group.discrepancies);
    Ok(diffs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn export(analysis: &Analysis) -> Vec<u8> {
        let options = crate::report::Options::default();
        crate::export::render(analysis, crate::export::Format::Json, &options).unwrap()
    }

    #[test]
    fn an_export_reads_back_as_the_analysis_it_was_written_from() {
        let analysis = crate::analysis::analyze_sample();
        assert!(analysis.groups.iter().any(|g| !g.diffs.is_empty()), "the sample has diffs to rebuild");
        let bytes = export(&analysis);
        let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(value["schema"], SCHEMA);
        for group in value["groups"].as_array().unwrap() {
            assert!(group.get("diffs").is_none(), "group diffs are not written: {}", group["id"]);
        }
        let back = from_reader(bytes.as_slice(), "sample.json").unwrap();
        assert_eq!(back, analysis);
    }

    #[test]
    fn other_schemas_and_bad_offsets_are_refused_with_a_reason() {
        let analysis = crate::analysis::analyze_sample();
        let text = String::from_utf8(export(&analysis)).unwrap();
        let future = text.replacen(SCHEMA, "parallax.analysis/9", 1);
        let err = from_reader(future.as_bytes(), "f.json").unwrap_err();
        assert!(err.to_string().contains("parallax.analysis/9"), "{err}");
        let mut broken = analysis.clone();
        broken.articles[0].sentences[0].end = broken.articles[0].text.len() + 5;
        let err = from_reader(export(&broken).as_slice(), "b.json").unwrap_err();
        assert!(err.to_string().contains("outside its article's text"), "{err}");
        let mut twice = analysis.clone();
        twice.articles[1].sentences[2].id = twice.articles[1].sentences[1].id.clone();
        let err = from_reader(export(&twice).as_slice(), "d.json").unwrap_err();
        assert!(err.to_string().contains("the id a1.s1 is used twice"), "{err}");
        let err = from_reader(&b"{\"schema\": 3}"[..], "x.json").unwrap_err();
        assert!(err.to_string().starts_with("x.json is not a Parallax analysis export"), "{err}");
    }

    #[test]
    fn a_version_1_file_keeps_the_diffs_it_carries() {
        let mut analysis = crate::analysis::analyze_sample();
        analysis.schema = SCHEMA_V1.to_string();
        // Not what the texts give: read from the file, not computed again.
        analysis.groups[0].diffs[0].similarity = 0.125;
        // A /1 file, as written before: the group diffs in it, which never
        // said whether a member restates its base.
        for diff in analysis.groups.iter_mut().flat_map(|g| &mut g.diffs) {
            diff.restates = None;
        }
        let mut value = serde_json::to_value(&analysis).unwrap();
        for (g, group) in analysis.groups.iter().enumerate() {
            value["groups"][g]["diffs"] = serde_json::to_value(&group.diffs).unwrap();
        }
        let bytes = serde_json::to_vec(&value).unwrap();
        assert_eq!(from_reader(bytes.as_slice(), "v1.json").unwrap(), analysis);
    }
}
