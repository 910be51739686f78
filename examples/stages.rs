fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let t0 = std::time::Instant::now();
    let mut last = (t0, String::new());
    let a = parallax::analysis::analyze_folder(std::path::Path::new(&dir), &mut |p| {
        let label = p.stage.label().to_string();
        if label != last.1 {
            if !last.1.is_empty() {
                eprintln!("{:>8.3}s {}", last.0.elapsed().as_secs_f64(), last.1);
            }
            last = (std::time::Instant::now(), label);
        }
    })
    .unwrap();
    eprintln!("total {:.3}s, {} groups", t0.elapsed().as_secs_f64(), a.groups.len());
}
