//! Entity evaluation until `dossier eval ner` is wired:
//! `cargo run --release -p dossier-entity --example eval_ner -- [SHARED_EVAL_DIR]`
//! `… -- export re3d|uner GOLD OUT.jsonl` writes the texts for an external system;
//! `… -- score re3d|uner GOLD PRED.jsonl SYSTEM` scores its predictions;
//! `… -- re3d DIR` / `… -- uner FILE.iob2` scores one corpus (`DOSSIER_EVAL_DUMP=FILE` lists the errors).

use std::path::PathBuf;

use dossier_entity::eval;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("export") => {
            let out = eval::export_texts(&args[1], &PathBuf::from(&args[2])).expect("export");
            std::fs::write(&args[3], out).expect("write");
        }
        Some("uner") => println!("{}", eval::uner(&PathBuf::from(&args[1])).expect("uner")),
        Some("re3d") => println!("{}", eval::re3d(&PathBuf::from(&args[1])).expect("re3d")),
        Some("score") => {
            let r = eval::score_predictions(
                &args[1],
                &PathBuf::from(&args[2]),
                &PathBuf::from(&args[3]),
                &args[4],
            )
            .expect("score");
            println!("{r}");
        }
        other => {
            let base = other
                .map(PathBuf::from)
                .unwrap_or_else(|| eval::shared_dir().join("eval"));
            let t = std::time::Instant::now();
            match eval::re3d(&base.join("entities/re3d")) {
                Ok(r) => println!("{r}"),
                Err(e) => eprintln!("re3d: {e}"),
            }
            for split in ["dev", "test"] {
                match eval::uner(&base.join(format!("entities/uner-en-ewt/en_ewt-ud-{split}.iob2")))
                {
                    Ok(r) => println!("{r}"),
                    Err(e) => eprintln!("uner: {e}"),
                }
            }
            eprintln!("({:.1}s)", t.elapsed().as_secs_f64());
        }
    }
}
