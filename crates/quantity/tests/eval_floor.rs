//! Regression floors on the external gold data (skipped when `shared/eval` is not beside the checkout).
#[test]
fn recognizers_and_quantulum_floors() {
    let Some(dir) = dossier_quantity::eval::default_dir() else {
        println!("note: shared/eval/quantities not found; skipping the evaluation floors");
        return;
    };
    let reports = dossier_quantity::eval::all(&dir).expect("evaluation runs");
    let rec = &reports[0];
    let f1 = |name: &str| 100.0 * rec.line(name).expect(name).strict.f1();
    assert!(f1("recognizers/currency") >= 90.0, "{rec}");
    assert!(f1("recognizers/dimension") >= 90.0, "{rec}");
    assert!(f1("recognizers/numberrange") >= 55.0, "{rec}");
    let q = &reports[1];
    let inscope = q.line("quantulum3/in-scope").expect("line");
    assert!(100.0 * inscope.strict.recall() >= 65.0, "{q}");
    if let Some(mt) = reports.get(2) {
        let all = mt.line("meantime/all").expect("line");
        assert!(100.0 * all.strict.f1() >= 85.0, "{mt}");
    }
}
