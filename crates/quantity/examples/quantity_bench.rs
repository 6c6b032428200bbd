//! Throughput of the quantity extractor, single thread (= per core):
//! `cargo run --release -p dossier-quantity --example quantity_bench [-- FILE...]`
//!
//! Without arguments it reads the WikiWars TimeML texts (tags stripped) from `../shared/eval/time/wikiwars/tml`
//! beside the checkout, plus the seed document; the corpus is repeated to at least 32 MB.
use std::path::{Path, PathBuf};
use std::time::Instant;

fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

fn default_files() -> Vec<PathBuf> {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for up in ["../../..", "../../../.."] {
        let shared = here.join(up).join("shared");
        if let Ok(rd) = std::fs::read_dir(shared.join("eval/time/wikiwars/tml")) {
            files.extend(rd.flatten().map(|e| e.path()));
        }
        if let Ok(rd) = std::fs::read_dir(shared.join("seeds")) {
            files.extend(rd.flatten().map(|e| e.path()));
        }
        if !files.is_empty() {
            break;
        }
    }
    files.sort();
    files
}

/// User+system CPU seconds of this process (Linux `/proc/self/stat`, clock ticks of 1/100 s); None elsewhere.
fn cpu_secs() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn main() {
    let args: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    let files = if args.is_empty() {
        default_files()
    } else {
        args
    };
    let mut docs: Vec<String> = files
        .iter()
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .map(|s| if s.contains("</") { strip_tags(&s) } else { s })
        .collect();
    if docs.is_empty() {
        docs.push("In 2022, Belarus paid $128.50 for 1,000 m3 of gas; more than 60% of the 28 programmes. ".repeat(2000));
    }
    let base: usize = docs.iter().map(String::len).sum();
    let reps = (32 << 20) / base.max(1) + 1;
    let bytes = base * reps;
    // warm up (loads the vocabularies)
    let mut n = dossier_quantity::extract(&docs[0]).len();
    let cpu0 = cpu_secs();
    let t = Instant::now();
    for _ in 0..reps {
        for d in &docs {
            n += dossier_quantity::extract(d).len();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    let cpu = cpu_secs().zip(cpu0).map(|(a, b)| a - b);
    println!(
        "quantity: {} docs, {:.1} MB in {:.2} s wall = {:.1} MB/s per core ({} quantities)",
        docs.len() * reps,
        bytes as f64 / 1e6,
        secs,
        bytes as f64 / 1e6 / secs,
        n
    );
    if let Some(c) = cpu.filter(|c| *c > 0.0) {
        println!(
            "quantity: {:.2} s CPU = {:.1} MB/s per CPU-second (independent of other load on the machine)",
            c,
            bytes as f64 / 1e6 / c
        );
    }
}
