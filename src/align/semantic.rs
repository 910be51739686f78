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

/// Loads the bundled model now, if it is not loaded yet.
pub fn warm_up() {
    let _: Option<&StaticModel> = model();
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

/// The cosine of two unit-length vectors: their dot product, summed in
/// eight lanes so the compiler can use vector instructions (a sum in one
/// running total must be added in order, one product at a time). Scoring
/// candidate pairs calls this millions of times in a large folder.
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    const LANES: usize = 8;
    let (chunks_a, chunks_b) = (a.chunks_exact(LANES), b.chunks_exact(LANES));
    let tail: f32 = chunks_a.remainder().iter().zip(chunks_b.remainder()).map(|(x, y)| x * y).sum();
    let mut lanes = [0.0f32; LANES];
    for (x, y) in chunks_a.zip(chunks_b) {
        for lane in 0..LANES {
            lanes[lane] += x[lane] * y[lane];
        }
    }
    lanes.iter().sum::<f32>() + tail
}

/// Rows per block of the similarity matrix in [`nearest`]: a block of 256
/// rows against 8,000 sentences is 8 MB of scores.
const BLOCK_ROWS: usize = 256;

/// For every vector, the indices of its `k` nearest others (by cosine, at
/// least `min`) that `eligible(i, j)` allows, best first. Exact: every pair
/// is scored once. The scores are computed as blocks of rows of the matrix
/// product V·Vᵀ (upper triangle only), on all cores; the neighbour lists
/// are then filled in pair order, so the result does not depend on the
/// number of threads.
pub fn nearest(
    vectors: &[Vec<f32>],
    k: usize,
    min: f32,
    eligible: impl Fn(usize, usize) -> bool + Sync,
) -> Vec<Vec<(usize, f32)>> {
    use rayon::prelude::*;
    let n = vectors.len();
    let dim = vectors.first().map_or(0, Vec::len);
    let mut best: Vec<Vec<(usize, f32)>> = vec![Vec::new(); n];
    if n == 0 || dim == 0 || vectors.iter().any(|v| v.len() != dim) {
        return best;
    }
    let flat: Vec<f32> = vectors.iter().flatten().copied().collect();
    let blocks: Vec<Vec<(usize, usize, f32)>> = (0..n.div_ceil(BLOCK_ROWS))
        .into_par_iter()
        .map(|b| {
            let (first, last) = (b * BLOCK_ROWS, ((b + 1) * BLOCK_ROWS).min(n));
            // Rows first..last against columns first..n.
            let scores = products(&flat[first * dim..last * dim], &flat[first * dim..], dim);
            let width = n - first;
            let mut found = Vec::new();
            for i in first..last {
                let row = &scores[(i - first) * width..(i - first + 1) * width];
                for j in i + 1..n {
                    let s = row[j - first];
                    if s >= min && eligible(i, j) {
                        found.push((i, j, s));
                    }
                }
            }
            found
        })
        .collect();
    let push = |list: &mut Vec<(usize, f32)>, j: usize, s: f32| {
        if list.len() == k && list.last().is_some_and(|l| l.1 >= s) {
            return;
        }
        let at = list.partition_point(|x| x.1 > s || (x.1 == s && x.0 < j));
        list.insert(at, (j, s));
        list.truncate(k);
    };
    for (i, j, s) in blocks.into_iter().flatten() {
        push(&mut best[i], j, s);
        push(&mut best[j], i, s);
    }
    best
}

/// The dot products of every row of `rows` with every row of `columns`
/// (both row-major, `dim` wide), row-major: a matrix product A·Bᵀ with
/// `matrixmultiply`'s kernels (AVX/FMA where the CPU has them).
fn products(rows: &[f32], columns: &[f32], dim: usize) -> Vec<f32> {
    let (m, n) = (rows.len() / dim, columns.len() / dim);
    assert!(rows.len() == m * dim && columns.len() == n * dim, "whole rows");
    let mut out = vec![0.0f32; m * n];
    if m == 0 || n == 0 {
        return out;
    }
    let stride = |x: usize| isize::try_from(x).expect("a matrix fits in memory");
    // SAFETY: A is m×dim at `rows` (row stride dim, column stride 1), B is
    // dim×n read from `columns` transposed (row stride 1, column stride
    // dim), C is m×n at `out` (row stride n); the asserts above and the
    // allocation of `out` make every index in bounds, and C aliases neither.
    #[allow(unsafe_code)]
    unsafe {
        matrixmultiply::sgemm(
            m,
            dim,
            n,
            1.0,
            rows.as_ptr(),
            stride(dim),
            1,
            columns.as_ptr(),
            1,
            stride(dim),
            0.0,
            out.as_mut_ptr(),
            stride(n),
            1,
        );
    }
    out
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

    #[test]
    fn blocked_products_match_plain_dot_products() {
        // More rows than one block, so block edges and the triangle are crossed.
        let n = BLOCK_ROWS + 37;
        let vectors: Vec<Vec<f32>> = (0..n)
            .map(|i| normalised((0..24).map(|d| (((i * 31 + d * 17) % 23) as f32 - 11.0) / 7.0).collect()))
            .collect();
        let fast = nearest(&vectors, 3, -1.0, |i, j| (i + j) % 5 != 0);
        for (i, list) in fast.iter().enumerate() {
            let mut plain: Vec<(usize, f32)> =
                (0..n).filter(|&j| j != i && (i + j) % 5 != 0).map(|j| (j, cosine(&vectors[i], &vectors[j]))).collect();
            plain.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            assert_eq!(list.len(), 3);
            for (got, want) in list.iter().zip(&plain) {
                assert!((got.1 - want.1).abs() < 1e-5, "row {i}: {got:?} vs {want:?}");
            }
        }
    }
}
