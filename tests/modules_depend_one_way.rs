//! The layers depend one way, and no module imports a sibling that imports it back.
//!
//! A small scanner reads every `crate::…`, `super::…` and `self::…` path in the sources of each
//! crate of the workspace (in `use` items, with their braces expanded, and in code), resolves
//! it to a module, and draws an edge between the two siblings under their nearest common
//! parent. A cycle among siblings fails the test with the files that make it. Between crates
//! the direction (core ← app ← the front ends) is Cargo's own: a crate cannot name a crate it
//! does not depend on.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module's path inside its crate, e.g. `["game", "screens", "board"]`.
type ModPath = Vec<String>;

/// The crates of the workspace: their `src` folders.
const CRATES: [&str; 4] = [
    "src",
    "crates/lost-order-app/src",
    "crates/lost-order-class/src",
    "crates/lost-order-core/src",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module a file defines: `a/b.rs` and `a/b/mod.rs` are `a::b`; `lib.rs`/`main.rs` the root.
fn module_of(root: &Path, file: &Path) -> ModPath {
    let rel = file.strip_prefix(root).unwrap().with_extension("");
    let mut parts: ModPath = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// Strips comments and string literals, so that paths in docs or text are not counted.
fn code_only(source: &str) -> String {
    let mut out = String::new();
    for line in source.lines() {
        let line = line.split("//").next().unwrap_or("");
        let mut in_str = false;
        let mut prev = ' ';
        for ch in line.chars() {
            if ch == '"' && prev != '\\' {
                in_str = !in_str;
            } else if !in_str {
                out.push(ch);
            }
            prev = ch;
        }
        out.push('\n');
    }
    out
}

/// Expands `a::{b, c::{d, e}}` into `a::b`, `a::c::d`, `a::c::e`.
fn expand(tree: &str) -> Vec<String> {
    let tree = tree.trim();
    let Some(open) = tree.find('{') else {
        return vec![tree.to_string()];
    };
    let prefix = &tree[..open];
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, ch) in inner.char_indices() {
        match ch {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .filter(|p| !p.trim().is_empty())
        .flat_map(|p| expand(p).into_iter().map(move |e| format!("{prefix}{e}")))
        .collect()
}

/// Every module path the code names, as written (`crate::x::y`, `super::z`, …).
fn named_paths(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    // `use` items, braces expanded.
    let mut rest = code;
    while let Some(i) = rest.find("use ") {
        let before = rest[..i].chars().last();
        rest = &rest[i + 4..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let end = rest.find(';').unwrap_or(rest.len());
        out.extend(expand(&rest[..end].replace(['\n', ' '], "")));
        rest = &rest[end..];
    }
    // Paths in code.
    let bytes: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < bytes.len() {
        let starts_word = i == 0 || !(bytes[i - 1].is_alphanumeric() || bytes[i - 1] == '_');
        let word: String = bytes[i..]
            .iter()
            .take_while(|c| c.is_alphanumeric() || **c == '_' || **c == ':')
            .collect();
        if starts_word
            && ["crate::", "super::", "self::"]
                .iter()
                .any(|p| word.starts_with(p))
        {
            out.push(word.trim_end_matches(':').to_string());
        }
        i += word.len().max(1);
    }
    out
}

/// The module `path` names from inside `here`, cut to the longest known module.
fn resolve(here: &ModPath, path: &str, known: &BTreeSet<ModPath>) -> Option<ModPath> {
    let mut parts = path.split("::").filter(|p| !p.is_empty()).peekable();
    let mut at: ModPath = match *parts.peek()? {
        "crate" => {
            parts.next();
            Vec::new()
        }
        "self" | "super" => here.clone(),
        _ => return None,
    };
    for p in parts {
        match p {
            "self" => {}
            "super" => {
                at.pop();
            }
            name => {
                let mut next = at.clone();
                next.push(name.to_string());
                if known.contains(&next) {
                    at = next;
                } else {
                    break;
                }
            }
        }
    }
    Some(at)
}

/// Edges between siblings: parent → (from child → to child → files that make the edge).
type Edges = BTreeMap<ModPath, BTreeMap<String, BTreeMap<String, BTreeSet<String>>>>;

fn sibling_edges(root: &Path) -> Edges {
    let mut files = Vec::new();
    rust_files(root, &mut files);
    let modules: Vec<(PathBuf, ModPath)> = files
        .iter()
        .map(|f| (f.clone(), module_of(root, f)))
        .collect();
    let known: BTreeSet<ModPath> = modules.iter().map(|(_, m)| m.clone()).collect();
    let mut edges = Edges::new();
    for (file, here) in &modules {
        let code = code_only(&std::fs::read_to_string(file).unwrap());
        for path in named_paths(&code) {
            let Some(there) = resolve(here, &path, &known) else {
                continue;
            };
            let common = here.iter().zip(&there).take_while(|(a, b)| a == b).count();
            // An ancestor or a descendant is not a sibling.
            if common == here.len() || common == there.len() {
                continue;
            }
            edges
                .entry(here[..common].to_vec())
                .or_default()
                .entry(here[common].clone())
                .or_default()
                .entry(there[common].clone())
                .or_default()
                .insert(format!("{} names {path}", file.display()));
        }
    }
    edges
}

/// A cycle in `graph`, as the list of its nodes, if there is one.
fn find_cycle(graph: &BTreeMap<String, BTreeMap<String, BTreeSet<String>>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeMap<String, BTreeSet<String>>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = stack.iter().position(|n| n == node) {
            return Some(stack[i..].to_vec());
        }
        if done.contains(node) {
            return None;
        }
        stack.push(node.to_string());
        for next in graph.get(node).into_iter().flat_map(|m| m.keys()) {
            if let Some(cycle) = visit(next, graph, stack, done) {
                return Some(cycle);
            }
        }
        stack.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|n| visit(n, graph, &mut Vec::new(), &mut done))
}

#[test]
fn no_module_imports_a_sibling_that_imports_it_back() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut problems = Vec::new();
    for krate in CRATES {
        for (parent, graph) in sibling_edges(&root.join(krate)) {
            if let Some(cycle) = find_cycle(&graph) {
                let mut why = Vec::new();
                for (i, from) in cycle.iter().enumerate() {
                    let to = &cycle[(i + 1) % cycle.len()];
                    why.extend(graph[from][to].iter().cloned());
                }
                problems.push(format!(
                    "{krate}: under `{}`: {} → back\n  {}",
                    parent.join("::"),
                    cycle.join(" → "),
                    why.join("\n  ")
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_terminal_tools_reach_the_game_only_through_its_window() {
    let edges = sibling_edges(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    let top = &edges[&Vec::new()];
    assert!(
        !top.get("game").is_some_and(|to| to.contains_key("cli")),
        "the game names the CLI: {:?}",
        top["game"]["cli"]
    );
    let cli_to_game = top.get("cli").and_then(|to| to.get("game"));
    for why in cli_to_game.into_iter().flatten() {
        assert!(
            why.ends_with("crate::game::run") || why.ends_with("crate::game::GameOptions"),
            "the CLI reaches into the game beyond opening its window: {why}"
        );
    }
}

#[test]
fn the_scanner_sees_a_cycle() {
    let mut graph: BTreeMap<String, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    graph
        .entry("a".into())
        .or_default()
        .insert("b".into(), BTreeSet::new());
    assert_eq!(find_cycle(&graph), None);
    graph
        .entry("b".into())
        .or_default()
        .insert("a".into(), BTreeSet::new());
    assert_eq!(
        find_cycle(&graph),
        Some(vec!["a".to_string(), "b".to_string()])
    );
    assert_eq!(
        expand("super::{a, b::{c, d}}"),
        vec!["super::a", "super::b::c", "super::b::d"]
    );
    let here: ModPath = vec!["game".into(), "screens".into()];
    let known: BTreeSet<ModPath> = [
        vec!["game".to_string()],
        here.clone(),
        vec!["game".into(), "play".into()],
    ]
    .into_iter()
    .collect();
    assert_eq!(
        resolve(&here, "super::play::Play", &known),
        Some(vec!["game".to_string(), "play".to_string()])
    );
}
