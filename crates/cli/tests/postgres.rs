//! A store on PostgreSQL answers every store command exactly as the embedded SQLite store does. Runs when
//! `DOSSIER_TEST_PG` names a server (`.ci/run` starts one); skips with a note otherwise.

use std::process::{Command, Output};

fn run(db: &str, args: &[&str]) -> String {
    let o: Output = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .env_remove("DOSSIER_DB")
        // `--db` right after the command, where subcommands (`ledger resolve`) accept it too.
        .args(&args[..1])
        .args(["--db", db])
        .args(&args[1..])
        .output()
        .expect("run dossier");
    assert!(
        o.status.success(),
        "dossier {args:?} --db {db}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn postgres_store_answers_like_sqlite() {
    let Some(pg) = dossier_store::test_postgres_location() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let sqlite = dir.path().join("same.db").to_string_lossy().into_owned();
    let demo = concat!(env!("CARGO_MANIFEST_DIR"), "/../../demo");
    let seed = format!("{demo}/seed/pism-belarus-russia-next-stage-of-integration.txt");
    let other = format!("{demo}/corpus/01-wh-biden-statement-belarus-2021-08-09.txt");
    for db in [&sqlite, &pg] {
        run(db, &["ingest", &seed, &other]);
        // A second ingest of the same files stores nothing new.
        run(db, &["ingest", &seed]);
    }
    let queries: &[&[&str]] = &[
        &["docs"],
        &["search", "Iskander-M"],
        &["search", "Lukashenka"],
        &["sql", "SELECT event_type, count(*) AS n FROM events GROUP BY event_type ORDER BY 1"],
        &["sql", "SELECT kb_id, count(*) AS n FROM entity_mentions WHERE kb_id IS NOT NULL GROUP BY kb_id ORDER BY 2 DESC, 1 LIMIT 5"],
        &["export", "events", "--format", "jsonl"],
        &["export", "judgments", "--format", "csv"],
        &["timeline"],
        &["entity", "Lukashenko"],
        &["ledger"],
        &["ledger", "resolve", "1", "true", "--evidence", "https://example.org/a"],
        &["ledger", "score"],
    ];
    for q in queries {
        let (mut a, mut b) = (run(&sqlite, q), run(&pg, q));
        assert!(!a.trim().is_empty(), "{q:?} printed nothing");
        if q[0] == "search" {
            // The engines rank by different formulas (BM25, ts_rank): the same hits, maybe reordered.
            // Each hit is two lines: document and span, then the sentence.
            let hits = |s: &str| {
                let lines: Vec<&str> = s.lines().collect();
                let mut h: Vec<String> = lines.chunks(2).map(|c| c.join("\n")).collect();
                h.sort();
                h.join("\n")
            };
            (a, b) = (hits(&a), hits(&b));
        }
        assert_eq!(a, b, "{q:?} differs between SQLite and PostgreSQL");
    }
    // The analyst's SQL cannot change the store on either engine.
    for db in [&sqlite, &pg] {
        let o = Command::new(env!("CARGO_BIN_EXE_dossier"))
            .args(["sql", "DELETE FROM documents", "--db", db])
            .output()
            .unwrap();
        assert!(!o.status.success(), "DELETE ran on {db}");
    }
}
