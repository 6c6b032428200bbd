//! Runs the quantity evaluations: `cargo run --release -p dossier-quantity --example eval [-- DIR [--errors]]`
//! where DIR defaults to `../shared/eval/quantities` beside the checkout.
use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let errors = args.iter().any(|a| a == "--errors");
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .or_else(dossier_quantity::eval::default_dir)
        .expect("no gold folder: pass the path of shared/eval/quantities");
    match dossier_quantity::eval::all(&dir) {
        Ok(reports) => {
            for r in reports {
                println!("{r}");
                if errors {
                    for e in &r.errors {
                        println!("  {e}");
                    }
                }
            }
        }
        Err(e) => {
            eprintln!("evaluation failed: {e}");
            std::process::exit(1);
        }
    }
}
