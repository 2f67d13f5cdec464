//! Keeps out of the app the standard-library calls that each add kilobytes to the WebAssembly module (see the
//! "One sort" invariant in ARCHITECTURE.md): `slice::sort*` (one copy of driftsort or ipnsort per call site) and
//! `to_lowercase` / `to_uppercase` (the full Unicode case tables). The app uses `kamenev::sorting` and
//! `search::fold` instead. Build-time code (`build.rs` and the dataset modules it compiles) and test code may use
//! anything: they never reach the module.

use std::path::{Path, PathBuf};

/// Files compiled only into `build.rs`, never into the app.
const BUILD_TIME: [&str; 4] = [
    "src/dataset/validate.rs",
    "src/dataset/codegen.rs",
    "src/dataset/raw.rs",
    "src/dataset/parse_text.rs",
];

const FORBIDDEN: [&str; 9] = [
    ".sort()",
    ".sort_unstable(",
    ".sort_by(",
    ".sort_by_key(",
    ".sort_by_cached_key(",
    ".sort_unstable_by(",
    ".sort_unstable_by_key(",
    ".to_lowercase()",
    ".to_uppercase()",
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

#[test]
fn app_code_uses_the_shared_sort_and_lower_case() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    assert!(files.len() > 20, "found {} source files", files.len());
    let mut offences = Vec::new();
    for path in files {
        let relative = path
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if BUILD_TIME.contains(&relative.as_str()) || relative.ends_with("/tests.rs") {
            continue;
        }
        let source = std::fs::read_to_string(&path).unwrap();
        // Unit tests at the end of a file (`#[cfg(test)]`) compare against the standard library on purpose.
        let app_part = source.split("#[cfg(test)]").next().unwrap_or("");
        for (number, line) in app_part.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for pattern in FORBIDDEN {
                if code.contains(pattern) {
                    offences.push(format!("{relative}:{}: {}", number + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "use kamenev::sorting / search::fold instead:\n{}",
        offences.join("\n")
    );
}

/// The check itself finds what it is meant to find.
#[test]
fn the_patterns_match_the_calls_they_forbid() {
    let samples = [
        "v.sort();",
        "v.sort_by_key(|x| x.0);",
        "name.to_lowercase()",
        "c.to_uppercase()",
    ];
    for sample in samples {
        assert!(FORBIDDEN.iter().any(|p| sample.contains(p)), "{sample}");
    }
    assert!(!FORBIDDEN
        .iter()
        .any(|p| "crate::sorting::sort(&mut v)".contains(p)));
}
