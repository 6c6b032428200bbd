//! Regression guard: entity F1 on re3d and UNER English-EWT dev stays above a floor a little under the
//! measured numbers (docs/quality.md). Skips when the shared evaluation data is absent.

use dossier_entity::eval;

#[test]
fn re3d_and_uner_floors() {
    let base = eval::shared_dir().join("eval/entities");
    if !base.join("re3d").exists() {
        eprintln!("note: {} not found; skipping", base.display());
        return;
    }
    let r = eval::re3d(&base.join("re3d")).expect("re3d");
    println!("{r}");
    assert!(r.overall().f1() >= 0.34, "re3d F1 {:.3}", r.overall().f1());
    let u = eval::uner(&base.join("uner-en-ewt/en_ewt-ud-dev.iob2")).expect("uner");
    println!("{u}");
    assert!(
        u.overall().f1() >= 0.42,
        "UNER dev F1 {:.3}",
        u.overall().f1()
    );
}
