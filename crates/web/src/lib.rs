//! `dossier serve`: a read-only web UI over a Dossier store.
//!
//! Pages are rendered on the server from the same store queries the CLI uses, so the UI shows exactly
//! what `dossier search`, `show`, `timeline`, `entity` and `ledger` print: the document list and full-text
//! search (`/`), one document with its layers highlighted in the text and listed below it (`/doc/ID`),
//! the merged event timeline (`/timeline`), an entity card with its mentions (`/entity?name=…`), and the
//! forecast ledger (`/ledger`). `/api/doc/ID` returns the document's JSON (`docs/schema.md`).
//!
//! [`route`] is a pure function from a request to a response, used by the server and by tests; [`serve`]
//! answers each connection on its own thread with its own store connection.

pub mod http;
mod pages;

use std::io::BufReader;
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use dossier_store::Store;

pub use http::{Request, Response};

/// Answers one request from the store.
pub fn route(store: &Store, req: &Request) -> Response {
    let result = match req.path.as_str() {
        "/" => pages::index(store, req),
        "/timeline" => pages::timeline(store, req),
        "/entity" => pages::entity(store, req),
        "/ledger" => pages::ledger(store, req),
        p => match (p.strip_prefix("/doc/"), p.strip_prefix("/api/doc/")) {
            (Some(id), _) => pages::document(store, id),
            (_, Some(id)) => pages::document_json(store, id),
            _ => Ok(Response::error(404, &format!("no page {p}"))),
        },
    };
    result.unwrap_or_else(|e| Response::error(500, &e))
}

/// Serves the store at `db` (a SQLite file or a PostgreSQL URL, see [`Store::open_location`]) on
/// `listener` until the process ends. Each connection gets a thread and its own store connection
/// (SQLite in WAL mode lets readers run beside an `ingest`).
pub fn serve(listener: TcpListener, db: String) -> std::io::Result<()> {
    // Open once up front so that a missing or unreadable store fails at start, not per request.
    Store::open_location(&db).map_err(|e| {
        std::io::Error::other(format!("{}: {e}", dossier_store::display_location(&db)))
    })?;
    let active = Arc::new(AtomicUsize::new(0));
    for conn in listener.incoming() {
        let Ok(mut conn) = conn else { continue };
        // A flood of connections gets a quick refusal instead of a thread each.
        if active.load(Ordering::Relaxed) >= MAX_CONNECTIONS {
            refuse(
                &mut conn,
                &Response::error(503, "too many connections; try again"),
            );
            continue;
        }
        active.fetch_add(1, Ordering::Relaxed);
        let (db, active) = (db.clone(), Arc::clone(&active));
        std::thread::spawn(move || {
            answer(conn, &db);
            active.fetch_sub(1, Ordering::Relaxed);
        });
    }
    Ok(())
}

/// Connections answered at once; beyond that a new connection is refused with 503.
pub const MAX_CONNECTIONS: usize = 64;

fn answer(conn: TcpStream, db: &str) {
    // A client that stalls must not hold a thread forever.
    let _ = conn.set_read_timeout(Some(Duration::from_secs(10)));
    let _ = conn.set_write_timeout(Some(Duration::from_secs(30)));
    let Ok(mut write_half) = conn.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(conn);
    match http::read_request(&mut reader) {
        Ok(req) => {
            let resp = match Store::open_location(db) {
                Ok(store) => route(&store, &req),
                Err(e) => Response::error(500, &format!("store: {e}")),
            };
            let mut w = std::io::BufWriter::new(write_half);
            let _ = http::write_response(&mut w, &resp, req.method == "HEAD");
        }
        // The client may still be sending (a body, an endless header): drain it so the refusal arrives.
        Err(bad) => refuse(&mut write_half, &bad.response()),
    }
}

/// Answers without reading the request, then reads what the client sent before closing: closing on
/// unread data would reset the connection and could destroy the answer before the client reads it.
fn refuse(conn: &mut TcpStream, resp: &Response) {
    let _ = http::write_response(conn, resp, false);
    let _ = conn.shutdown(std::net::Shutdown::Write);
    let _ = conn.set_read_timeout(Some(Duration::from_millis(100)));
    let _ = std::io::Read::read(conn, &mut [0u8; 4096]);
}
