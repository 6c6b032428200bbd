//! End-to-end: events through ingest → store → timeline and exports.

use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dossier"));
    c.env_remove("DOSSIER_DB");
    c.args(args).output().expect("run dossier")
}

fn ok(o: &Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn timeline_and_event_exports() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let db = db.to_str().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(
        &a,
        "Belarus and Russia signed a treaty with Ukraine. Iran attacked Iraq.\n",
    )
    .unwrap();
    std::fs::write(&b, "Russia and Belarus signed the treaty with Ukraine.\n").unwrap();
    ok(&run(&[
        "ingest",
        "--db",
        db,
        a.to_str().unwrap(),
        b.to_str().unwrap(),
    ]));
    let all = ok(&run(&["timeline", "--db", db]));
    assert!(all.contains("AGREE") && all.contains("ASSAULT"), "{all}");
    let only = ok(&run(&[
        "timeline", "--db", db, "--type", "ASSAULT", "--actor", "IRN",
    ]));
    assert!(
        only.contains("Iran (IRN)") && !only.contains("AGREE"),
        "{only}"
    );
    assert!(only.trim_end().ends_with("1 events"), "{only}");
    let csv = ok(&run(&["export", "events", "--format", "csv", "--db", db]));
    let mut lines = csv.lines();
    assert!(lines.next().unwrap().contains("cameo_root"));
    assert!(
        csv.contains(",AGREE,03,") && csv.contains(",ASSAULT,18,"),
        "{csv}"
    );
    let plover = ok(&run(&[
        "export", "events", "--format", "plover", "--db", db,
    ]));
    let first: serde_json::Value = serde_json::from_str(plover.lines().next().unwrap()).unwrap();
    assert!(
        first["event"].is_string() && first["source"].is_array() && first["cameo_root"].is_string()
    );
}
