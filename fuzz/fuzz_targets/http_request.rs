//! Any bytes as an HTTP request head: a request or a 4xx refusal, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match dossier_web::http::read_request(&mut &data[..]) {
        Ok(req) => assert!(req.path.starts_with('/')),
        Err(bad) => assert!((400..500).contains(&bad.response().status)),
    }
});
