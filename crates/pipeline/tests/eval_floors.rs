//! Regression guards on the external event gold data as users get it: through the standard pipeline, as
//! `dossier eval plover|meantime|petrarch` runs it (skipped with a note when `../shared/eval` is absent). Floors sit
//! a little under the numbers recorded in docs/quality.md.

use dossier_event::eval;
use dossier_pipeline::{Config, Pipeline};

#[test]
fn plover_gsr_floor_through_the_pipeline() {
    let Some(dir) = eval::shared_eval_dir() else {
        println!("shared/eval not found; skipping PLOVER GSR floor");
        return;
    };
    let pipeline = Pipeline::standard(&Config::default());
    let r = eval::plover::run_with(&dir.join("events/plover-gsr"), |_| true, &|d| {
        pipeline.run(d)
    })
    .expect("plover-gsr");
    println!("{r}");
    assert_eq!(r.records, 322);
    for (what, got, floor) in [
        ("type", r.type_accuracy(), 79.5),
        ("source", r.source_accuracy(), 84.5),
        ("target", r.target_accuracy(), 80.5),
    ] {
        assert!(got >= floor, "{what} accuracy {got:.1} < {floor}");
    }
}

#[test]
fn meantime_floor_through_the_pipeline() {
    let Some(dir) = eval::shared_eval_dir() else {
        println!("shared/eval not found; skipping MEANTIME floor");
        return;
    };
    // Gold tokens, sentences and timexes stand in for segmentation and time tagging.
    let pipeline = Pipeline::standard(&Config::default())
        .without(&["segment", "time"])
        .keeping_bare_nominals();
    let r = eval::meantime::run_with(
        &dir.join("events/meantime-en/intra-doc_annotation"),
        |_| true,
        &|d| pipeline.run(d),
    )
    .expect("meantime");
    println!("{r}");
    assert_eq!(r.documents, 120);
    for (what, got, floor) in [
        ("trigger precision", r.precision(), 90.0),
        (
            "factuality on matched events",
            r.factuality_agreement(),
            80.5,
        ),
        ("factuality on gold triggers", r.factuality_all(), 82.0),
    ] {
        assert!(got >= floor, "{what} {got:.1} < {floor}");
    }
}

#[test]
fn petrarch_floor_through_the_pipeline() {
    let Some(dir) = eval::shared_eval_dir() else {
        println!("shared/eval not found; skipping PETRARCH2 floor");
        return;
    };
    let r = dossier_pipeline::eval_petrarch(
        &dir.join("events/petrarch2-unit"),
        &dir.join("events/plover-gsr/CAMEO2PLOVER-2021.txt"),
    )
    .expect("petrarch2-unit");
    println!("{r}");
    assert_eq!(r.sentences, 284);
    // The parse brings most of the argument matches (94 of 274 with the event component alone).
    assert!(
        r.args_matched >= 150,
        "source+target matches {}",
        r.args_matched
    );
    assert!(r.matched >= 12, "full matches {}", r.matched);
}
