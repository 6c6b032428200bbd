//! `dossier entity NAME`: one row per person across documents, any spelling, newest mention first.

use std::process::Command;

fn dossier(args: &[&str]) -> (bool, String, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .env_remove("DOSSIER_DB")
        .args(args)
        .output()
        .expect("run dossier");
    (
        o.status.success(),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn entity_across_documents_any_spelling() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.db");
    let dbs = db.to_str().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(
        &a,
        "In Minsk, Alexander Lukashenka met the press. Lukashenka spoke about Zapad 2023.\n",
    )
    .unwrap();
    std::fs::write(
        &b,
        "Mr Lukashenko was in Moscow on Monday. Łukaszenka later returned home.\n",
    )
    .unwrap();
    for (f, d) in [(&a, "2023-01-05"), (&b, "2024-03-01")] {
        let (ok, _, err) = dossier(&["ingest", "--db", dbs, "--dct", d, f.to_str().unwrap()]);
        assert!(ok, "{err}");
    }
    let (ok, out, err) = dossier(&["entity", "--db", dbs, "Лукашенко"]);
    assert!(ok, "{err}");
    assert!(out.starts_with("p:lukashenka"), "{out}");
    assert!(
        out.contains("role: president of BLR from 1994-07-20"),
        "{out}"
    );
    assert!(out.contains("4 mention(s)"), "{out}");
    // Newest document first.
    let first = out.lines().find(|l| l.starts_with("20")).unwrap();
    assert!(first.starts_with("2024-03-01"), "{out}");
    assert!(out.contains("Łukaszenka later returned home."));
    // A name not in the KB: no mentions, clear message, success.
    let (ok, out, _) = dossier(&["entity", "--db", dbs, "Nobody Atall"]);
    assert!(ok);
    assert!(
        out.contains("not in the knowledge base") && out.contains("0 mention(s)"),
        "{out}"
    );
}
