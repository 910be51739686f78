//! Writes a synthetic corpus for benchmarks: `cargo run --release --example
//! synth_corpus -- OUT_DIR ARTICLES`. Each article mixes sentences of the
//! built-in sample (so facts recur across sources, lightly reworded) with
//! filler sentences drawn from a Zipf-distributed vocabulary of 20,000 made-up
//! words (so most text is unrelated, as in a real folder). Deterministic.

use std::fmt::Write as _;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A Zipf-like draw over `0..n`: small indices are common.
    fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next() % 1_000_000) as f64 / 1_000_000.0;
        ((n as f64).powf(u) as usize).saturating_sub(1).min(n - 1)
    }
}

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let out = std::path::PathBuf::from(args.next().unwrap_or_else(|| "bench-corpus".into()));
    let articles: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(100);
    std::fs::create_dir_all(&out)?;

    let sample = parallax::analysis::analyze_sample();
    let pool: Vec<&str> = sample.articles.iter().flat_map(|a| a.sentences.iter().map(|s| a.sentence_text(s))).collect();
    let mut rng = Rng(0x5eed_cafe_f00d_d00d);
    let word = |i: usize| {
        const SYLLABLES: [&str; 16] =
            ["ka", "lo", "mi", "ter", "san", "vo", "ri", "del", "por", "ne", "tu", "ba", "gor", "fi", "zan", "mel"];
        let mut w = String::new();
        let mut k = i + 1;
        while k > 0 {
            w.push_str(SYLLABLES[k % 16]);
            k /= 16;
        }
        w
    };
    for n in 0..articles {
        let mut text = format!("Synthetic report number {n}\n\n");
        for _ in 0..25 {
            if rng.below(3) == 0 {
                let sentence = pool[rng.below(pool.len())];
                // Light rewording: drop one word in four.
                let kept: Vec<&str> = sentence.split(' ').filter(|_| rng.below(4) != 0).collect();
                text.push_str(&kept.join(" "));
            } else {
                let len = 12 + rng.below(18);
                let mut s = String::new();
                for i in 0..len {
                    let w = word(rng.zipf(20_000));
                    if i == 0 {
                        let mut c = w.chars();
                        let first = c.next().map(|f| f.to_uppercase().collect::<String>()).unwrap_or_default();
                        let _: std::fmt::Result = write!(s, "{first}{}", c.as_str());
                    } else {
                        let _: std::fmt::Result = write!(s, " {w}");
                    }
                }
                s.push('.');
                text.push_str(&s);
            }
            text.push_str(if rng.below(3) == 0 { "\n\n" } else { " " });
        }
        std::fs::write(out.join(format!("{n:05}.txt")), text)?;
    }
    eprintln!("wrote {articles} articles to {}", out.display());
    Ok(())
}
