//! Sentence embeddings from the bundled static model (`assets/model/`, a
//! model2vec distillation of all-MiniLM-L6-v2; see `docs/semantic-model.md`),
//! loaded from bytes inside the binary with `model2vec-rs`: no file, no
//! network. A sentence's vector is the normalised mean of its tokens' rows,
//! so two sentences that report one thing in other words ("severed ties",
//! "interrupted relations") land close together.
//!
//! The model is blind to negation and to which number or name is meant; the
//! aligner guards against both before it trusts this signal.

use model2vec_rs::model::StaticModel;
use std::sync::OnceLock;

const TOKENIZER: &[u8] = include_bytes!("../../assets/model/tokenizer.json");
const MODEL: &[u8] = include_bytes!("../../assets/model/model.safetensors");
const CONFIG: &[u8] = include_bytes!("../../assets/model/config.json");

/// The bundled model, loaded once per process. `None` only if the embedded
/// bytes do not load, which a test rules out; alignment then runs on words
/// alone.
fn model() -> Option<&'static StaticModel> {
    static CELL: OnceLock<Option<StaticModel>> = OnceLock::new();
    CELL.get_or_init(|| StaticModel::from_bytes(TOKENIZER, MODEL, CONFIG, Some(true)).ok()).as_ref()
}

/// Unit-length embeddings of `texts`, one per text, in order; empty when the
/// model is unavailable.
pub fn embed(texts: &[&str]) -> Vec<Vec<f32>> {
    let Some(model) = model() else {
        return Vec::new();
    };
    let owned: Vec<String> = texts.iter().map(|t| t.to_string()).collect();
    model.encode(&owned).into_iter().map(normalised).collect()
}

fn normalised(mut v: Vec<f32>) -> Vec<f32> {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|x| *x /= norm);
    }
    v
}

/// The cosine of two unit-length vectors.
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// For every vector, the indices of its `k` nearest others (by cosine, at
/// least `min`) that `eligible(i, j)` allows, best first. Exact: every pair
/// is scored once, fine for the tens of thousands of sentences of a folder.
pub fn nearest(
    vectors: &[Vec<f32>],
    k: usize,
    min: f32,
    eligible: impl Fn(usize, usize) -> bool,
) -> Vec<Vec<(usize, f32)>> {
    let mut best: Vec<Vec<(usize, f32)>> = vec![Vec::new(); vectors.len()];
    let push = |list: &mut Vec<(usize, f32)>, j: usize, s: f32| {
        if list.len() == k && list.last().is_some_and(|l| l.1 >= s) {
            return;
        }
        let at = list.partition_point(|x| x.1 > s || (x.1 == s && x.0 < j));
        list.insert(at, (j, s));
        list.truncate(k);
    };
    for i in 0..vectors.len() {
        for j in i + 1..vectors.len() {
            if !eligible(i, j) {
                continue;
            }
            let s = cosine(&vectors[i], &vectors[j]);
            if s >= min {
                push(&mut best[i], j, s);
                push(&mut best[j], i, s);
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_model_loads_and_knows_a_rewording() {
        let v = embed(&[
            "Turkey severed ties with Israel.",
            "Turkey interrupted relations with Israel.",
            "The recipe needs two cups of flour.",
        ]);
        assert_eq!(v.len(), 3, "the embedded model must load");
        let (close, far) = (cosine(&v[0], &v[1]), cosine(&v[0], &v[2]));
        assert!(close > 0.6 && far < 0.35, "{close} {far}");
    }

    #[test]
    fn nearest_neighbours_are_exact_and_ordered() {
        let v = vec![vec![1.0, 0.0], vec![0.8, 0.6], vec![0.0, 1.0], vec![0.6, 0.8]];
        let n = nearest(&v, 2, 0.0, |_, _| true);
        assert_eq!(n[0].iter().map(|x| x.0).collect::<Vec<_>>(), vec![1, 3]);
        let n = nearest(&v, 2, 0.0, |i, j| i % 2 != j % 2);
        assert_eq!(n[0].iter().map(|x| x.0).collect::<Vec<_>>(), vec![1, 3]);
        assert_eq!(n[1].iter().map(|x| x.0).collect::<Vec<_>>(), vec![0, 2]);
    }
}
