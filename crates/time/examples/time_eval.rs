//! Runs the evaluations from the command line until the `dossier` CLI wires them in.
//!
//! `cargo run --release -p dossier-time --example time_eval -- timex DIR [news|narrative] [--misses]`
//! `cargo run --release -p dossier-time --example time_eval -- recognizers FILE.json [--misses]`
use std::path::Path;

use dossier_time::{eval, Anchoring};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show = args.iter().any(|a| a == "--misses");
    match args.first().map(String::as_str) {
        Some("timex") => {
            let dir = args.get(1).expect("GOLD_DIR");
            let mode = args
                .get(2)
                .and_then(|m| Anchoring::parse(m))
                .unwrap_or_default();
            let r = eval::te3(Path::new(dir), mode).unwrap_or_else(|e| panic!("{e}"));
            if show {
                for m in &r.misses {
                    println!("{m}");
                }
            }
            print!("{r}");
        }
        Some("recognizers") => {
            for f in &args[1..] {
                if f.starts_with("--") {
                    continue;
                }
                let r = eval::recognizers(Path::new(f)).unwrap_or_else(|e| panic!("{e}"));
                if show {
                    for m in &r.failures {
                        println!("FAIL {m}");
                    }
                }
                println!("{r}");
            }
        }
        _ => eprintln!(
            "usage: eval timex DIR [news|narrative] [--misses] | eval recognizers FILE.json..."
        ),
    }
}
