//! Embeds the demo corpus (`demo/`) so `dossier demo` runs from the binary alone.
use std::fs;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "txt") {
            out.push(p);
        }
    }
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../demo");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    collect(&root, &mut files);
    files.sort();
    let mut code = String::from("/// (name, text, sidecar metadata JSON) of each demo document.\npub const DEMO_DOCS: &[(&str, &str, Option<&str>)] = &[\n");
    for f in &files {
        let abs = fs::canonicalize(f).expect("demo file path");
        let name = f
            .strip_prefix(&root)
            .expect("under demo/")
            .display()
            .to_string();
        let mut side = abs.as_os_str().to_owned();
        side.push(".meta.json");
        let side = PathBuf::from(side);
        let side = if side.exists() {
            format!("Some(include_str!({:?}))", side.display().to_string())
        } else {
            "None".into()
        };
        code.push_str(&format!(
            "    ({name:?}, include_str!({:?}), {side}),\n",
            abs.display().to_string()
        ));
        println!("cargo:rerun-if-changed={}", f.display());
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR")).join("demo_docs.rs");
    fs::write(out, code).expect("write demo_docs.rs");
}
