//! Validates `data/` and compiles it into `$OUT_DIR/dataset.rs`, which `src/dataset/mod.rs` includes.
//!
//! A problem in the data stops the build and lists every problem found, one per line, as
//! `data/<file>:<line>: <item>: <what is wrong>: <how to fix it>`. The parser, validator and code generator are the
//! modules in `src/dataset/` (shared with the library's native tests); see `src/dataset/mod.rs`.
//!
//! `DATASET_DIR` (relative to the crate root) builds from another folder instead of `data/`.

#[allow(dead_code)]
#[path = "src/dataset/model.rs"]
mod model;

#[allow(dead_code)]
#[path = "src/dataset/raw.rs"]
mod raw;

#[allow(dead_code)]
#[path = "src/dataset/parse_text.rs"]
mod parse_text;

#[path = "src/dataset/validate.rs"]
mod validate;

#[path = "src/dataset/codegen.rs"]
mod codegen;

use std::env;
use std::path::PathBuf;

fn main() {
    let root =
        PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    println!("cargo:rerun-if-env-changed=DATASET_DIR");
    let dir = root.join(env::var_os("DATASET_DIR").unwrap_or_else(|| "data".into()));
    println!("cargo:rerun-if-changed={}", dir.display());
    for name in raw::TOML_FILES.iter().chain([&raw::TEXT_FILE]) {
        let path = dir.join(name);
        if path.exists() {
            println!("cargo:rerun-if-changed={}", path.display());
        }
    }
    for module in ["model", "raw", "parse_text", "validate", "codegen"] {
        println!("cargo:rerun-if-changed=src/dataset/{module}.rs");
    }

    match validate::validate(&raw::Files::read(&dir)) {
        Ok(data) => {
            let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"))
                .join("dataset.rs");
            std::fs::write(&out, codegen::generate(&data)).expect("writing $OUT_DIR/dataset.rs");
        }
        Err(problems) => {
            for problem in &problems {
                eprintln!("{problem}");
            }
            let count = problems.len();
            let plural = if count == 1 { "problem" } else { "problems" };
            panic!(
                "{count} {plural} in {}/: see above",
                dir.strip_prefix(&root).unwrap_or(&dir).display()
            );
        }
    }
}
