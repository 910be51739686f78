//! Reading an exported analysis (`parallax export FOLDER -o FILE.json`) back
//! into the model, as the app and the frame benchmark open one.
//!
//! Since `parallax.analysis/2` the export leaves out the groups' word diffs
//! (they were most of a large export: 53 of 77 MB at a thousand articles);
//! they are a function of the texts, so they are computed again here
//! ([`group_diffs`]: the same word diff against the same base as the
//! aligner's; the round-trip test below fails if the two drift apart), and
//! the model in memory is the one the analysis produced. Exports of `/1`
//! still carry their diffs and are read as they are.

use crate::align::restate;
use crate::model::{Analysis, Group, MemberDiff, SCHEMA, Wording};
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
    match analysis.schema.as_str() {
        SCHEMA => {
            check_offsets(&analysis).map_err(inconsistent)?;
            rebuild_group_diffs(&mut analysis).map_err(inconsistent)?;
        }
        SCHEMA_V1 => check_offsets(&analysis).map_err(inconsistent)?,
        other => return Err(ImportError::Schema { path: name.to_string(), schema: other.to_string() }),
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

/// Computes every group's diffs from the texts (`/2` files have none).
fn rebuild_group_diffs(analysis: &mut Analysis) -> Result<(), String> {
    let rebuilt: Vec<Vec<MemberDiff>> =
        analysis.groups.par_iter().map(|group| group_diffs(analysis, group)).collect::<Result<_, _>>()?;
    for (group, diffs) in analysis.groups.iter_mut().zip(rebuilt) {
        group.diffs = diffs;
    }
    Ok(())
}

/// The word diff of every member of `group` but its base against the base,
/// in member order: what the aligner writes into `Group::diffs` (the
/// round-trip test in `tests/export.rs` holds the two to the same result).
/// A member is `copied` when its similarity reaches
/// [`crate::align::COPIED_SIMILARITY`], else `reworded`; whether it
/// restates the base is [`restate`]'s judgement, the embeddings computed
/// here from the texts.
pub fn group_diffs(analysis: &Analysis, group: &Group) -> Result<Vec<MemberDiff>, String> {
    let find = |id: &str| analysis.sentence(id).ok_or_else(|| format!("group {} names no sentence {id}", group.id));
    let (base_article, base_sentence) = find(&group.base)?;
    let base_text = base_article.sentence_text(base_sentence);
    let base_words = crate::diff::words(base_text, base_sentence.start);
    let base_read = restate::Sentence::new(&base_words);
    let members =
        group.sentences.iter().filter(|&m| *m != group.base).map(|m| find(m)).collect::<Result<Vec<_>, _>>()?;
    let texts: Vec<&str> = members.iter().map(|(article, sentence)| article.sentence_text(sentence)).collect();
    let cosines = restate::cosines(base_text, &texts);
    let mut diffs = Vec::with_capacity(members.len());
    for (((_, sentence), text), cosine) in members.iter().zip(&texts).zip(cosines) {
        let member_words = crate::diff::words(text, sentence.start);
        let d = crate::diff::word_diff_words(
            (base_text, base_sentence.start, &base_words),
            (text, sentence.start, &member_words),
        );
        let copied = d.similarity >= crate::align::COPIED_SIMILARITY;
        let features = restate::features(&base_read, &restate::Sentence::new(&member_words), d.similarity, cosine);
        diffs.push(MemberDiff {
            member: sentence.id.clone(),
            base: base_sentence.id.clone(),
            similarity: d.similarity,
            ops: d.ops,
            wording: Some(if copied { Wording::Copied } else { Wording::Reworded }),
            restates: Some(restate::restates(&features)),
        });
    }
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
        let err = from_reader(&b"{\"schema\": 3}"[..], "x.json").unwrap_err();
        assert!(err.to_string().starts_with("x.json is not a Parallax analysis export"), "{err}");
    }

    #[test]
    fn a_version_1_file_keeps_the_diffs_it_carries() {
        let mut analysis = crate::analysis::analyze_sample();
        analysis.schema = SCHEMA_V1.to_string();
        // Not what the texts give: read from the file, not computed again.
        analysis.groups[0].diffs[0].similarity = 0.125;
        let mut value = serde_json::to_value(&analysis).unwrap();
        // A /1 file, as written before: the group diffs in it.
        for (g, group) in analysis.groups.iter().enumerate() {
            value["groups"][g]["diffs"] = serde_json::to_value(&group.diffs).unwrap();
        }
        let bytes = serde_json::to_vec(&value).unwrap();
        assert_eq!(from_reader(bytes.as_slice(), "v1.json").unwrap(), analysis);
    }
}
