//! Randomized robustness of the web UI's input paths: no request head, path or query — valid, mangled or
//! random bytes — may panic the parser or the router; every refusal is a 4xx answer.

use dossier_store::Store;
use dossier_web::http::{read_request, Request};
use dossier_web::route;

/// A small deterministic generator (xorshift), so a failure replays.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const PIECES: &[&str] = &[
    "GET ",
    "HEAD ",
    "POST ",
    "/",
    "/doc/",
    "/api/doc/",
    "/timeline",
    "/entity",
    "/ledger",
    "?",
    "&",
    "=",
    "%",
    "%2",
    "%zz",
    "%ff",
    "%00",
    "+",
    "q",
    "name",
    "actor",
    "type",
    "from",
    "to",
    "status",
    "holder",
    "Лукашенко",
    "\"",
    "'",
    "<script>",
    " HTTP/1.1",
    " HTTP/2",
    "\r\n",
    "\n",
    "\r",
    ":",
    "Host: x",
    "\0",
    "2022-12-19",
    "NEAR(",
    "*",
    "OR",
    "AND",
    "..",
    "../",
    "9999999999999999999999",
];

fn random_text(rng: &mut Rng) -> Vec<u8> {
    let mut out = Vec::new();
    for _ in 0..rng.below(24) {
        if rng.below(5) == 0 {
            out.push(rng.next() as u8);
        } else {
            out.extend_from_slice(PIECES[rng.below(PIECES.len())].as_bytes());
        }
    }
    out
}

#[test]
fn request_parser_never_panics() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..20_000 {
        let mut raw = random_text(&mut rng);
        if rng.below(2) == 0 {
            raw.extend_from_slice(b"\r\n\r\n");
        }
        match read_request(&mut &raw[..]) {
            Ok(req) => {
                assert!(req.method == "GET" || req.method == "HEAD");
                assert!(req.path.starts_with('/'));
            }
            Err(bad) => {
                let status = bad.response().status;
                assert!((400..500).contains(&status), "{status}");
            }
        }
    }
}

#[test]
fn router_never_panics_on_an_empty_or_filled_store() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("r.db")).unwrap();
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut doc =
        dossier_model::Document::new("Putin met Lukashenka in Minsk on 19 December 2022.");
    for round in 0..2 {
        for _ in 0..1_500 {
            let target = String::from_utf8_lossy(&random_text(&mut rng)).into_owned();
            let target = format!("/{}", target.trim_start_matches('/'));
            let resp = route(&store, &Request::get(&target));
            assert!(
                matches!(resp.status, 200 | 404),
                "{target:?} → {}",
                resp.status
            );
        }
        if round == 0 {
            dossier_pipeline::Pipeline::standard(&Default::default()).run(&mut doc);
            store.put(&doc).unwrap();
        }
    }
}
