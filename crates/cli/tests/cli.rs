//! End-to-end tests of the `dossier` binary: bad input, the store commands, the demo.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn dossier() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dossier"));
    c.env_remove("DOSSIER_DB");
    c
}

fn run(args: &[&str]) -> Output {
    dossier().args(args).output().expect("run dossier")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn count(db: &Path, sql: &str) -> i64 {
    let o = run(&["sql", "--db", db.to_str().unwrap(), sql]);
    assert!(o.status.success(), "{}", stderr(&o));
    stdout(&o).lines().nth(1).unwrap().trim().parse().unwrap()
}

/// Every error is one clear line on stderr, a non-zero exit, and never a panic.
fn assert_one_line_error(o: &Output, needle: &str) {
    assert!(!o.status.success());
    let err = stderr(o);
    assert!(err.contains(needle), "expected {needle:?} in {err:?}");
    assert!(
        !err.contains("panicked") && !err.contains("internal error"),
        "{err}"
    );
}

#[test]
fn bad_inputs_give_clear_errors_and_store_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.db");
    let dbs = db.to_str().unwrap();
    let empty = write(dir.path(), "empty.txt", b"");
    let binary = write(
        dir.path(),
        "image.txt",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    );
    let o = run(&["ingest", "--db", dbs, empty.to_str().unwrap()]);
    assert_one_line_error(&o, "empty document");
    let o = run(&["ingest", "--db", dbs, binary.to_str().unwrap()]);
    assert_one_line_error(&o, "not a text document");
    let o = run(&["extract", dir.path().join("missing.txt").to_str().unwrap()]);
    assert_one_line_error(&o, "missing.txt");
    assert_eq!(count(&db, "SELECT count(*) FROM documents"), 0);
}

#[test]
fn invalid_utf8_is_kept_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "latin1.txt",
        b"Lukashenka met Putin in Minsk on 3 d\xe9cembre.",
    );
    let o = run(&["extract", f.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v["warnings"][0].as_str().unwrap().contains("invalid UTF-8"));
    assert_eq!(v["sentences"].as_array().unwrap().len(), 1);
}

#[test]
fn size_limit_refuses_huge_documents() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "big.txt", "Belarus. ".repeat(2000).as_bytes());
    let o = run(&["extract", "--max-bytes", "1000", f.to_str().unwrap()]);
    assert_one_line_error(&o, "exceeds the size limit");
}

#[test]
fn html_scripts_never_become_text() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "page.html",
        b"<html><head><title>Brief</title><script>var secret = 'SCRIPT';</script></head><body><p>Putin visited Minsk.<script>document.write('SCRIPT')</script></p></body></html>",
    );
    let o = run(&["extract", f.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["document"]["title"], "Brief");
    assert_eq!(v["sentences"][0]["text"], "Putin visited Minsk.");
    assert!(!stdout(&o).contains("SCRIPT"));
}

#[test]
fn ingest_is_idempotent_and_versions_changed_files() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.db");
    let dbs = db.to_str().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    let a = write(
        &docs,
        "a.txt",
        b"Report A\nOn 3 December, Khrenin and Shoigu signed a protocol.",
    );
    write(
        &docs,
        "b.md",
        b"# Report B\n\nThe Iskander-M systems were deployed.",
    );
    write(&docs, "notes.json", b"{}");
    let o = run(&["ingest", "--db", dbs, docs.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("2 new"), "{}", stderr(&o));
    let o = run(&["ingest", "--db", dbs, docs.to_str().unwrap()]);
    assert!(stderr(&o).contains("2 unchanged"), "{}", stderr(&o));
    std::fs::write(
        &a,
        b"Report A\nOn 3 December 2022, Khrenin and Shoigu signed a protocol.",
    )
    .unwrap();
    let o = run(&["ingest", "--db", dbs, a.to_str().unwrap()]);
    assert!(stderr(&o).contains("1 new version"), "{}", stderr(&o));
    assert_eq!(count(&db, "SELECT count(*) FROM documents"), 3);
    let o = run(&["docs", "--db", dbs]);
    assert_eq!(
        stdout(&o).lines().count(),
        3,
        "header + latest versions only:\n{}",
        stdout(&o)
    );
    let o = run(&["search", "--db", dbs, "Iskander-M"]);
    assert!(
        stdout(&o).contains("The [Iskander-M] systems were deployed."),
        "{}",
        stdout(&o)
    );
    let o = run(&["sql", "--db", dbs, "DELETE FROM documents"]);
    assert_one_line_error(&o, "readonly");
}

#[test]
fn jsonl_batch_handles_many_texts_in_one_process() {
    let mut input = String::new();
    for i in 0..10_000 {
        input.push_str(&format!(
            "{{\"id\": {i}, \"text\": \"Putin visited Minsk on day {i}. It was cold.\"}}\n"
        ));
    }
    let mut child = dossier()
        .args(["extract", "--input", "jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer =
        std::thread::spawn(move || std::io::Write::write_all(&mut stdin, input.as_bytes()));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(out.status.success());
    let lines: Vec<&str> = std::str::from_utf8(&out.stdout).unwrap().lines().collect();
    assert_eq!(lines.len(), 10_000);
    let last: serde_json::Value = serde_json::from_str(lines[9_999]).unwrap();
    assert_eq!(last["document"]["source"], "9999");
    assert_eq!(last["sentences"].as_array().unwrap().len(), 2);
}

#[test]
fn killed_ingest_leaves_no_half_stored_document() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.db");
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    for i in 0..400 {
        let body = format!(
            "Report {i}\n{}",
            "Belarus and Russia held talks. Minsk hosted drills. ".repeat(300)
        );
        write(&docs, &format!("r{i:03}.txt"), body.as_bytes());
    }
    let mut child = dossier()
        .args([
            "ingest",
            "--db",
            db.to_str().unwrap(),
            docs.to_str().unwrap(),
        ])
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    child.kill().unwrap(); // SIGKILL: no chance to clean up
    child.wait().unwrap();
    // Whatever got in is whole: every stored document has all its sentences.
    let broken = count(
        &db,
        "SELECT count(*) FROM documents d WHERE (SELECT count(*) FROM sentences s WHERE s.doc_id = d.id) <> 601",
    );
    assert_eq!(broken, 0);
    // And a second run completes the job.
    let o = run(&[
        "ingest",
        "--db",
        db.to_str().unwrap(),
        docs.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(count(&db, "SELECT count(*) FROM documents"), 400);
}

#[test]
fn demo_runs_from_the_binary_alone() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let o = dossier()
        .current_dir(dir.path())
        .args(["demo", "--db", db.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("20 new"), "{out}");
    assert!(out.contains("Belarus And Russia Move to The Next Stage Of Integration"));
    assert!(out.contains("[Iskander]"), "{out}");
    // Running it again starts from a fresh store.
    let o = dossier()
        .args(["demo", "--db", db.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(stdout(&o).contains("20 new"));
}

#[test]
fn serve_refuses_a_missing_store_and_a_taken_port() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("none.db");
    let o = run(&["serve", "--db", missing.to_str().unwrap()]);
    assert_one_line_error(&o, "no store at");
    assert!(!missing.exists(), "serve must not create a store");
    // An address in use is reported, not a panic.
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let db = dir.path().join("s.db");
    dossier_store::Store::open(&db).unwrap();
    let o = run(&["serve", "--db", db.to_str().unwrap(), "--addr", &addr]);
    assert_one_line_error(&o, "cannot listen on");
}

#[test]
fn watch_reports_new_documents_versions_and_due_forecasts_once() {
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().join("inbox");
    std::fs::create_dir(&inbox).unwrap();
    let db = dir.path().join("w.db");
    let db = db.to_str().unwrap();
    let inbox_s = inbox.to_str().unwrap();
    write(
        &inbox,
        "a.txt",
        b"Minsk, 3 December 2022\n\nOn 3 December 2022, Belarus and Russia signed a protocol in Minsk. \
          Russia will probably deploy more troops to Belarus by March 2023.\n",
    );
    let watch = |extra: &[&str]| {
        let mut a = vec!["watch", inbox_s, "--once", "--db", db];
        a.extend_from_slice(extra);
        let o = run(&a);
        assert!(o.status.success(), "{}", stderr(&o));
        stdout(&o)
    };
    let first = watch(&["--as-of", "2024-01-01"]);
    assert!(first.contains("== new "), "{first}");
    assert!(
        first.contains("AGREE") && first.contains("2022-12-03"),
        "{first}"
    );
    assert!(first.contains("1 forecast(s)"), "{first}");
    assert!(
        first.contains("open forecast(s) due by 2024-01-01"),
        "{first}"
    );
    // Nothing changed: a restarted watch stores nothing twice (forecasts still due are listed again).
    let second = watch(&["--as-of", "2024-01-01"]);
    assert!(
        !second.contains("== new") && second.contains("due by"),
        "{second}"
    );
    assert_eq!(count(Path::new(db), "SELECT count(*) FROM documents"), 1);
    // A changed file is a new version; the type filter narrows the events reported.
    write(
        &inbox,
        "a.txt",
        b"Minsk, 4 December 2022\n\nOn 4 December 2022, Belarus and Russia signed a protocol in Minsk.\n",
    );
    let third = watch(&["--type", "CONSULT", "--as-of", "2022-01-01"]);
    assert!(third.contains("== version 2 of"), "{third}");
    assert!(
        third.contains("0 matching event(s)") && !third.contains("AGREE"),
        "{third}"
    );
    assert!(!third.contains("due by"), "nothing is due in 2022: {third}");
}

#[test]
fn a_reader_that_has_gone_gets_no_internal_error() {
    // `dossier eval judgments | head -1` when head exits first: the report is printed into a closed pipe.
    let mut child = dossier()
        .args(["eval", "judgments"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!err.contains("internal error"), "{err}");
}
