//! The web UI over a real store holding the seed brief and two demo documents: every page through the
//! router, the HTTP server over a socket, and the document page's script in headless Chromium.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use dossier_pipeline::{Config, Pipeline};
use dossier_store::Store;
use dossier_web::{route, Request, Response};

const SEED: &str = "demo/seed/pism-belarus-russia-next-stage-of-integration.txt";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A store file with the seed, two corpus documents and one hostile document, built once per test binary.
fn store_path() -> &'static Path {
    static PATH: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &PATH
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("ui.db");
            let mut store = Store::open(&path).unwrap();
            let pipeline = Pipeline::standard(&Config::default());
            let opts = dossier_ingest::Options::default();
            for f in [
                SEED,
                "demo/corpus/01-wh-biden-statement-belarus-2021-08-09.txt",
                "demo/corpus/04-wh-biden-remarks-nuclear-belarus-2023-03-28.txt",
            ] {
                let mut doc = dossier_ingest::read_file(&root().join(f), &opts).unwrap();
                doc.meta.source = Some(f.to_string());
                pipeline.run(&mut doc);
                store.put(&doc).unwrap();
            }
            let mut hostile = dossier_model::Document::new(
                "Minsk said <script>alert(1)</script> & \"quotes\" on 3 December 2022.",
            );
            hostile.meta.title = Some("<b>hostile</b>".into());
            pipeline.run(&mut hostile);
            store.put(&hostile).unwrap();
            (dir, path)
        })
        .1
}

fn get(target: &str) -> (u16, String) {
    let store = Store::open(store_path()).unwrap();
    let Response { status, body, .. } = route(&store, &Request::get(target));
    (status, String::from_utf8(body).unwrap())
}

fn seed_id() -> String {
    let store = Store::open(store_path()).unwrap();
    let docs = store.documents().unwrap();
    docs.iter()
        .find(|d| d.source.as_deref() == Some(SEED))
        .expect("seed stored")
        .id
        .clone()
}

#[test]
fn index_lists_documents_and_searches() {
    let (status, page) = get("/");
    assert_eq!(status, 200);
    assert!(page.contains("4 document(s)"), "{page}");
    assert!(page.contains(&format!("href=\"/doc/{}\"", seed_id())));
    let (_, page) = get("/?q=Iskander");
    assert!(page.contains("<mark>Iskander"), "{page}");
    // A query FTS5 cannot parse is reported on the page, not as a server error.
    let (status, page) = get("/?q=%22unterminated");
    assert_eq!(status, 200);
    assert!(page.contains("bad search query"), "{page}");
}

#[test]
fn document_page_highlights_layers_and_lists_them() {
    let id = seed_id();
    let (status, page) = get(&format!("/doc/{}", &id[..10]));
    assert_eq!(status, 200, "an id prefix finds the document");
    // Entities link to their card; time expressions carry their value; events their type.
    assert!(page.contains("class=\"m ent\""), "no entity marks");
    assert!(
        page.contains("href=\"/entity?name=p:lukashenka\""),
        "{page}"
    );
    assert!(
        page.contains("title=\"DATE 2022-12-19\""),
        "no 19 December timex"
    );
    assert!(page.contains("class=\"m qty\"") && page.contains("class=\"m ev\""));
    // Tables of every layer, with the seed's facts.
    for heading in [
        "<h2>Events (",
        "<h2>Statements (",
        "<h2>Judgments and recommendations (",
        "<h2>Time expressions (",
        "<h2>Quantities (",
        "<h2>Entities (",
    ] {
        assert!(page.contains(heading), "missing {heading}");
    }
    assert!(page.contains("<td>AGREE</td>"), "no AGREE event row");
    assert!(page.contains("128.5 USD per 1000 m3"), "no gas price rate");
    // Every anchor a table links to exists in the text.
    let anchors: Vec<&str> = page
        .match_indices("href=\"#m")
        .map(|(i, _)| &page[i + 7..])
        .collect();
    assert!(!anchors.is_empty());
    for a in anchors {
        let id = &a[..a.find('"').unwrap()];
        assert!(page.contains(&format!("id=\"{id}\"")), "dangling #{id}");
    }
}

#[test]
fn stored_text_is_escaped() {
    let (_, page) = get("/");
    assert!(page.contains("&lt;b&gt;hostile&lt;/b&gt;"));
    assert!(!page.contains("<b>hostile</b>"));
    let store = Store::open(store_path()).unwrap();
    let id = store
        .documents()
        .unwrap()
        .into_iter()
        .find(|d| d.source.is_none())
        .unwrap()
        .id;
    let (_, page) = get(&format!("/doc/{id}"));
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"));
    assert_eq!(
        page.matches("<script>").count(),
        1,
        "only the page's own script"
    );
}

#[test]
fn timeline_entity_and_ledger_pages() {
    let (_, page) = get("/timeline?actor=RUS&type=AGREE");
    assert!(
        page.contains("2022-12-03"),
        "the protocol signed on 3 December"
    );
    assert!(!page.contains("<td>CONSULT"), "type filter applies");
    let (_, page) = get("/entity?name=Lukashenko");
    // Any spelling finds the card; the mentions come from every stored document.
    assert!(page.contains("<h1>Alexander Lukashenko</h1>"), "{page}");
    assert!(
        page.contains("<h2>Roles ("),
        "dated roles from the knowledge base"
    );
    let mentions: usize = page
        .split("<h2>Mentions (")
        .nth(1)
        .and_then(|h| h.split(')').next())
        .and_then(|n| n.parse().ok())
        .unwrap();
    assert!(mentions >= 3, "{mentions} mentions");
    let (_, page) = get("/entity?name=Zorvani");
    assert!(page.contains("Not in the knowledge base"));
    let (_, page) = get("/ledger");
    assert!(
        page.contains("<h2>Forecasts (") && page.contains("author"),
        "{page}"
    );
    let (_, page) = get("/ledger?status=true");
    assert!(
        page.contains("<h2>Forecasts (0)</h2>"),
        "nothing resolved yet"
    );
}

#[test]
fn json_api_and_missing_things() {
    let (status, body) = get(&format!("/api/doc/{}", seed_id()));
    assert_eq!(status, 200);
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert!(v["events"].as_array().is_some_and(|e| !e.is_empty()));
    assert_eq!(get("/doc/ffffffffffffffff").0, 404);
    assert_eq!(get("/api/doc/nothing").0, 404);
    assert_eq!(get("/no/such/page").0, 404);
}

/// Starts the server on a free port; returns its address.
fn server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    let db = store_path().to_string_lossy().into_owned();
    std::thread::spawn(move || dossier_web::serve(listener, db));
    addr
}

fn raw(addr: &str, request: &[u8]) -> String {
    let mut s = TcpStream::connect(addr).unwrap();
    s.write_all(request).unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    out
}

#[test]
fn server_answers_over_http() {
    let addr = server();
    let ok = raw(&addr, b"GET /timeline HTTP/1.1\r\nHost: x\r\n\r\n");
    assert!(ok.starts_with("HTTP/1.1 200 OK\r\n"), "{ok}");
    assert!(ok.contains("Content-Type: text/html; charset=utf-8"));
    assert!(ok.contains("<h2>Events ("));
    let head = raw(&addr, b"HEAD / HTTP/1.1\r\n\r\n");
    assert!(head.starts_with("HTTP/1.1 200") && head.ends_with("\r\n\r\n"));
    assert!(raw(&addr, b"POST / HTTP/1.1\r\nContent-Length: 0\r\n\r\n").starts_with("HTTP/1.1 405"));
    assert!(raw(&addr, b"\x00\x01garbage\r\n\r\n").starts_with("HTTP/1.1 400"));
    // The server survived all of that.
    assert!(raw(&addr, b"GET / HTTP/1.0\r\n\r\n").starts_with("HTTP/1.1 200"));
}

/// Debian's Chromium, or `DOSSIER_CHROMIUM`.
fn chromium() -> Option<PathBuf> {
    let p = std::env::var_os("DOSSIER_CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    p.is_file().then_some(p)
}

#[test]
fn document_page_script_runs_in_chromium() {
    let Some(chrome) = chromium() else {
        // `.ci/run` installs Chromium and sets this, so CI cannot skip silently.
        assert!(
            std::env::var_os("DOSSIER_REQUIRE_CHROMIUM").is_none(),
            "Chromium required but not found"
        );
        eprintln!("note: /usr/bin/chromium not installed; browser test skipped");
        return;
    };
    let addr = server();
    let profile = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(chrome)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--virtual-time-budget=3000",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("http://{addr}/doc/{}", seed_id()))
        .output()
        .expect("chromium runs");
    let dom = String::from_utf8_lossy(&out.stdout);
    assert!(
        dom.contains("<h2>Events ("),
        "page did not render: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The script counted each layer's marks into the legend: the numbers equal the marks served.
    let (_, served) = get(&format!("/doc/{}", seed_id()));
    for layer in ["ent", "tx", "qty", "ev"] {
        let n = served
            .matches(&format!("class=\"m {layer}\" title"))
            .count();
        assert!(n > 0, "{layer}");
        assert!(
            dom.contains(&format!("<span id=\"n-{layer}\">{n}</span>")),
            "legend count for {layer} should be {n}"
        );
    }
}

#[test]
fn a_flood_of_idle_connections_is_refused_not_served_by_threads() {
    let addr = server();
    let idle: Vec<TcpStream> = (0..dossier_web::MAX_CONNECTIONS)
        .map(|_| TcpStream::connect(&addr).unwrap())
        .collect();
    let refused = raw(&addr, b"GET / HTTP/1.1\r\n\r\n");
    assert!(refused.starts_with("HTTP/1.1 503"), "{refused}");
    drop(idle);
    // Once the idle clients hang up, their slots come back.
    let mut ok = String::new();
    for _ in 0..50 {
        ok = raw(&addr, b"GET / HTTP/1.1\r\n\r\n");
        if ok.starts_with("HTTP/1.1 200") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(ok.starts_with("HTTP/1.1 200"), "{ok}");
}
