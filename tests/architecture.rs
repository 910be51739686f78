//! The module structure ARCHITECTURE.md promises, read from the source:
//! no two modules of `src/` use each other (test modules aside), and
//! `dates` uses nothing else in the crate.
//!
//! Each file is a module (`src/app/mod.rs` is `app`, `src/app/workspace.rs`
//! is `app::workspace`). A use is a `crate::…` or `super::…` path (braced
//! groups included) outside comments; a name that a parent re-exports with
//! `pub use child::…` counts as the child. A use is an edge between the two
//! modules' branches under their nearest common ancestor (`app::workspace`
//! using `dates::Timex` is `app` → `dates`); a module using its own parent
//! or child is not an edge.

// A test may unwrap: clippy.toml allows it in #[test] functions, this in their helpers too.
#![allow(clippy::unwrap_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

type Module = Vec<String>;

fn read_modules(dir: &Path, prefix: &[String], out: &mut BTreeMap<Module, String>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        if path.is_dir() {
            read_modules(&path, &[prefix, &[name]].concat(), out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let module = if matches!(name.as_str(), "mod" | "lib" | "main") {
                prefix.to_vec()
            } else {
                [prefix, &[name]].concat()
            };
            out.insert(module, std::fs::read_to_string(&path).unwrap());
        }
    }
}

/// The code without its test module and without comments.
fn code_of(text: &str) -> String {
    let text = text.find("#[cfg(test)]\nmod ").map_or(text, |at| &text[..at]);
    text.lines().map(|l| l.find("//").map_or(l, |at| &l[..at])).collect::<Vec<_>>().join("\n")
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// `a::b::c` at the start of `s`, as its segments.
fn path_at(s: &str) -> Vec<String> {
    let end = s.find(|c: char| !is_ident(c) && c != ':').unwrap_or(s.len());
    s[..end].split("::").filter(|p| !p.is_empty()).map(str::to_string).collect()
}

/// Every path written after `prefix::` (a braced group gives one per item).
fn paths_after(code: &str, prefix: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for (at, _) in code.match_indices(prefix) {
        if code[..at].chars().next_back().is_some_and(is_ident) {
            continue;
        }
        let rest = &code[at + prefix.len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let group = &group[..group.find('}').unwrap_or(group.len())];
            for item in group.split(',') {
                let item = item.trim();
                if !item.starts_with("self") {
                    out.push(path_at(item));
                }
            }
        } else {
            out.push(path_at(rest));
        }
    }
    out
}

fn edges() -> BTreeSet<(Module, Module)> {
    let mut files = BTreeMap::new();
    read_modules(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &[], &mut files);
    let mut reexports: BTreeMap<(Module, String), Module> = BTreeMap::new();
    for (module, text) in &files {
        for path in paths_after(text, "pub use ") {
            if let [child, name, ..] = path.as_slice() {
                reexports.insert((module.clone(), name.clone()), [module.clone(), vec![child.clone()]].concat());
            }
        }
        // `pub use child::{a, b};`
        for (at, _) in text.match_indices("pub use ") {
            let rest = &text[at + 8..];
            if let Some((child, group)) = rest.split_once("::{") {
                if !child.chars().all(is_ident) {
                    continue;
                }
                for name in group[..group.find('}').unwrap_or(0)].split(',') {
                    let child_path = [module.clone(), vec![child.to_string()]].concat();
                    reexports.insert((module.clone(), name.trim().to_string()), child_path);
                }
            }
        }
    }
    let resolve = |base: &[String], names: &[String]| -> Module {
        let mut path = base.to_vec();
        for name in names {
            let child = [path.clone(), vec![name.clone()]].concat();
            if files.contains_key(&child) {
                path = child;
            } else if let Some(target) = reexports.get(&(path.clone(), name.clone())) {
                return target.clone();
            } else {
                break;
            }
        }
        path
    };
    let mut edges = BTreeSet::new();
    for (module, text) in &files {
        let code = code_of(text);
        let parent = &module[..module.len().saturating_sub(1)];
        let targets = paths_after(&code, "crate::")
            .into_iter()
            .map(|p| resolve(&[], &p))
            .chain(paths_after(&code, "super::").into_iter().map(|p| resolve(parent, &p)));
        for target in targets {
            let common = module.iter().zip(&target).take_while(|(a, b)| a == b).count();
            if common < module.len() && common < target.len() {
                edges.insert((module[..=common].to_vec(), target[..=common].to_vec()));
            }
        }
    }
    edges
}

fn name(module: &[String]) -> String {
    module.join("::")
}

#[test]
fn no_two_modules_use_each_other() {
    let edges = edges();
    let listing: Vec<String> = edges.iter().map(|(a, b)| format!("{} -> {}", name(a), name(b))).collect();
    assert!(edges.len() > 30, "the reader found too few uses: {listing:#?}");
    // Known uses, so the reader is seen to work.
    for (a, b) in
        [("analysis", "corpus"), ("app", "dates"), ("timeline", "dates"), ("app::timeline_pane", "app::workspace")]
    {
        let edge = (a.split("::").map(String::from).collect(), b.split("::").map(String::from).collect());
        assert!(edges.contains(&edge), "{a} -> {b} missing from {listing:#?}");
    }
    // Any cycle, of any length: depth-first search for a back edge.
    let mut graph: BTreeMap<&Module, Vec<&Module>> = BTreeMap::new();
    for (a, b) in &edges {
        graph.entry(a).or_default().push(b);
    }
    fn visit<'a>(
        v: &'a Module,
        graph: &BTreeMap<&'a Module, Vec<&'a Module>>,
        state: &mut BTreeMap<&'a Module, bool>,
        trail: &mut Vec<&'a Module>,
    ) -> Option<Vec<String>> {
        state.insert(v, false);
        trail.push(v);
        for &w in graph.get(v).into_iter().flatten() {
            match state.get(w) {
                Some(false) => {
                    let from = trail.iter().position(|m| *m == w).unwrap_or(0);
                    return Some(trail[from..].iter().map(|m| name(m)).chain([name(w)]).collect());
                }
                Some(true) => {}
                None => {
                    if let Some(cycle) = visit(w, graph, state, trail) {
                        return Some(cycle);
                    }
                }
            }
        }
        trail.pop();
        state.insert(v, true);
        None
    }
    let mut state = BTreeMap::new();
    for v in graph.keys() {
        if !state.contains_key(v)
            && let Some(cycle) = visit(v, &graph, &mut state, &mut Vec::new())
        {
            panic!("modules that use each other: {}\nall uses: {listing:#?}", cycle.join(" -> "));
        }
    }
}

#[test]
fn dates_is_a_leaf() {
    let edges = edges();
    let in_dates = |m: &Module| m.first().is_some_and(|first| first == "dates");
    let out: Vec<String> = edges.iter().filter(|(a, b)| in_dates(a) && !in_dates(b)).map(|(_, b)| name(b)).collect();
    assert!(out.is_empty(), "dates uses {out:?}");
}
