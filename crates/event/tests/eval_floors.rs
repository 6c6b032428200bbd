//! Regression guards on the external gold data (skipped with a note when `../shared/eval` is absent).
//! Floors sit a little under the measured numbers recorded in docs/quality.md.

use dossier_event::eval;

#[test]
fn plover_gsr_floor() {
    let Some(dir) = eval::shared_eval_dir() else {
        println!("shared/eval not found; skipping PLOVER GSR floor");
        return;
    };
    let r = eval::plover::run(&dir.join("events/plover-gsr"), |_| true).expect("plover-gsr");
    println!("{r}");
    assert_eq!(r.records, 322);
    assert!(
        r.type_accuracy() >= 75.0,
        "type accuracy {:.1}",
        r.type_accuracy()
    );
    assert!(
        r.source_accuracy() >= 71.0,
        "source accuracy {:.1}",
        r.source_accuracy()
    );
    assert!(
        r.target_accuracy() >= 73.5,
        "target accuracy {:.1}",
        r.target_accuracy()
    );
}

#[test]
fn meantime_floor() {
    let Some(dir) = eval::shared_eval_dir() else {
        println!("shared/eval not found; skipping MEANTIME floor");
        return;
    };
    let r = eval::meantime::run(&dir.join("events/meantime-en/intra-doc_annotation"), |_| {
        true
    })
    .expect("meantime");
    println!("{r}");
    assert_eq!(r.documents, 120);
    assert!(
        r.precision() >= 80.0,
        "trigger precision {:.1}",
        r.precision()
    );
    assert!(
        r.factuality_agreement() >= 80.5,
        "factuality {:.1}",
        r.factuality_agreement()
    );
    assert!(
        r.factuality_all() >= 82.0,
        "factuality (gold triggers) {:.1}",
        r.factuality_all()
    );
}

#[test]
fn petrarch_floor() {
    let Some(dir) = eval::shared_eval_dir() else {
        println!("shared/eval not found; skipping PETRARCH2 floor");
        return;
    };
    let r = eval::petrarch::run(
        &dir.join("events/petrarch2-unit"),
        &dir.join("events/plover-gsr/CAMEO2PLOVER-2021.txt"),
    )
    .expect("petrarch2-unit");
    println!("{r}");
    assert_eq!(r.sentences, 284);
    assert!(
        r.args_matched >= 80,
        "source+target matches {}",
        r.args_matched
    );
    assert!(r.matched >= 10, "full matches {}", r.matched);
}

#[test]
fn meantime_time_anchoring_floor() {
    let Some(dir) = eval::shared_eval_dir() else {
        println!("shared/eval not found; skipping MEANTIME time anchoring floor");
        return;
    };
    // The event component alone (no tags or parse): the timex choice and the narrative date.
    let comp = dossier_event::EventComponent::new();
    let r = eval::meantime::anchoring(
        &dir.join("events/meantime-en/intra-doc_annotation"),
        |_| true,
        &|d| dossier_model::Component::process(&comp, d),
    )
    .expect("meantime");
    println!("{r}");
    assert_eq!(r.documents, 120);
    assert!(r.matched >= 30, "matched dated events {}", r.matched);
    assert!(r.accuracy() >= 60.0, "exact times {:.1}", r.accuracy());
}
