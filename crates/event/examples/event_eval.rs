//! Runs the event evaluations on `../shared/eval/events`:
//! `cargo run --release -p dossier-event --example event_eval -- plover|meantime|petrarch [--misses] [--split dev|test|all]`
use dossier_event::eval;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let which = args.first().map(String::as_str).unwrap_or("plover");
    let misses = args.iter().any(|a| a == "--misses");
    let split = args
        .iter()
        .position(|a| a == "--split")
        .and_then(|i| args.get(i + 1))
        .map(String::as_str)
        .unwrap_or("all");
    let Some(dir) = eval::shared_eval_dir() else {
        eprintln!("shared/eval not found (set DOSSIER_SHARED)");
        std::process::exit(2);
    };
    let filter = move |i: usize| match split {
        "dev" => i % 2 == 1,
        "test" => i % 2 == 0,
        _ => true,
    };
    match which {
        "plover" => {
            let r = eval::plover::run(&dir.join("events/plover-gsr"), filter).expect("plover-gsr");
            print!("{r}");
            if misses {
                for m in &r.misses {
                    println!("{m}");
                }
            }
        }
        "meantime" => {
            let r =
                eval::meantime::run(&dir.join("events/meantime-en/intra-doc_annotation"), filter)
                    .expect("meantime");
            print!("{r}");
        }
        "petrarch" => {
            let r = eval::petrarch::run(
                &dir.join("events/petrarch2-unit"),
                &dir.join("events/plover-gsr/CAMEO2PLOVER-2021.txt"),
            )
            .expect("petrarch2-unit");
            print!("{r}");
        }
        other => {
            eprintln!("unknown evaluation {other}");
            std::process::exit(2);
        }
    }
}
