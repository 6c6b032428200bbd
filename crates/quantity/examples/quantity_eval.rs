//! Runs the quantity evaluations:
//! `cargo run --release -p dossier-quantity --example quantity_eval [-- DIR] [--errors]`
//! where DIR defaults to `shared/eval/quantities` beside the checkout.
//!
//! Peer comparison (see `bench/quantities_peer.py`): `--dump-inputs FILE` writes every input text (JSON lines);
//! `--predictions FILE` scores predictions read from JSON lines `{"text": …, "quantities": [Quantity…]}` instead
//! of ours.
use std::cell::RefCell;
use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;

use dossier_model::Quantity;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .map(|i| args.get(i + 1).cloned())
    };
    let errors = args.iter().any(|a| a == "--errors");
    let dump = flag("--dump-inputs").flatten();
    let preds = flag("--predictions").flatten();
    let mut skip = false;
    let dir = args
        .iter()
        .find(|a| {
            let keep = !skip && !a.starts_with("--");
            skip = a.as_str() == "--dump-inputs" || a.as_str() == "--predictions";
            keep
        })
        .map(PathBuf::from)
        .or_else(dossier_quantity::eval::default_dir)
        .expect("no gold folder: pass the path of shared/eval/quantities");

    let seen = RefCell::new(Vec::<String>::new());
    let table: HashMap<String, Vec<Quantity>> = match &preds {
        Some(f) => std::fs::read_to_string(f)
            .expect("read predictions")
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).expect("json line");
                let text = v["text"].as_str().unwrap_or("").to_string();
                let qs = serde_json::from_value(v["quantities"].clone()).expect("quantities");
                (text, qs)
            })
            .collect(),
        None => HashMap::new(),
    };
    let predictor = |text: &str| -> Vec<Quantity> {
        if dump.is_some() {
            seen.borrow_mut().push(text.to_string());
            Vec::new()
        } else if preds.is_some() {
            table.get(text).cloned().unwrap_or_default()
        } else {
            dossier_quantity::extract(text)
        }
    };
    let reports = match dossier_quantity::eval::all_with(&dir, &predictor) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("evaluation failed: {e}");
            std::process::exit(1);
        }
    };
    if let Some(f) = dump {
        let mut texts = seen.into_inner();
        texts.sort();
        texts.dedup();
        let mut out = std::fs::File::create(&f).expect("create dump file");
        for t in &texts {
            writeln!(out, "{}", serde_json::json!({ "text": t })).expect("write");
        }
        eprintln!("{} inputs written to {f}", texts.len());
        return;
    }
    for r in reports {
        println!("{r}");
        if errors {
            for e in &r.errors {
                println!("  {e}");
            }
        }
    }
}
