//! Scores main-text extractors on tests/data/pages against
//! tests/data/pages-gold: word precision, recall and F1 (bags of lower-case
//! words), per page and over all pages, plus the time per page.

use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

fn words(text: &str) -> HashMap<String, usize> {
    let mut bag = HashMap::new();
    for w in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        *bag.entry(w.to_lowercase()).or_insert(0) += 1;
    }
    bag
}

fn overlap(a: &HashMap<String, usize>, b: &HashMap<String, usize>) -> usize {
    a.iter().map(|(w, n)| (*n).min(*b.get(w).unwrap_or(&0))).sum()
}

fn dom_smoothie(html: &str) -> String {
    let cfg = dom_smoothie::Config { text_mode: dom_smoothie::TextMode::Formatted, ..Default::default() };
    dom_smoothie::Readability::new(html, None, Some(cfg))
        .ok()
        .and_then(|mut r| r.parse().ok())
        .map(|a| a.text_content.to_string())
        .unwrap_or_default()
}

fn readability_crate(html: &str) -> String {
    let url = url::Url::parse("https://example.org/").unwrap();
    readability::extractor::extract(&mut html.as_bytes(), &url).map(|p| p.text).unwrap_or_default()
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data");
    let mut names: Vec<String> = std::fs::read_dir(root.join("pages"))
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().to_str()?.strip_suffix(".html").map(str::to_string))
        .collect();
    names.sort();
    let extractors: [(&str, fn(&str) -> String); 2] = [("dom_smoothie 0.19", dom_smoothie), ("readability 0.3", readability_crate)];
    for (label, extract) in extractors {
        println!("{label}");
        let (mut tp, mut got, mut want) = (0, 0, 0);
        let mut micros = 0u128;
        for name in &names {
            let html = std::fs::read_to_string(root.join("pages").join(format!("{name}.html"))).unwrap();
            let gold = words(&std::fs::read_to_string(root.join("pages-gold").join(format!("{name}.txt"))).unwrap());
            let start = Instant::now();
            let text = extract(&html);
            micros += start.elapsed().as_micros();
            let out = words(&text);
            let hit = overlap(&out, &gold);
            let (n_out, n_gold): (usize, usize) = (out.values().sum(), gold.values().sum());
            let p = if n_out == 0 { 0.0 } else { hit as f64 / n_out as f64 };
            let r = hit as f64 / n_gold as f64;
            println!("  {name:<14} P {p:.3}  R {r:.3}  ({n_out} words out, {n_gold} gold)");
            if std::env::var_os("VERBOSE").is_some() {
                println!("{text}\n----");
            }
            tp += hit;
            got += n_out;
            want += n_gold;
        }
        let p = tp as f64 / got.max(1) as f64;
        let r = tp as f64 / want as f64;
        let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
        println!("  all            P {p:.3}  R {r:.3}  F1 {f:.3}  ({} µs per page)", micros / names.len() as u128);
    }
}
