//! Just enough HTTP/1.1 for a local, read-only UI: one `GET` (or `HEAD`) request per connection, bounded
//! head size, no request bodies, `Connection: close` on every answer. Anything else gets a 4xx answer
//! rather than a dropped connection.

use std::io::{self, BufRead, Read, Write};

/// Longest request head (request line and headers) accepted, in bytes.
pub const MAX_HEAD: usize = 16 * 1024;

/// A parsed request: method, decoded path and decoded query parameters.
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    pub method: String,
    pub path: String,
    pub query: Vec<(String, String)>,
}

impl Request {
    /// A `GET` request for `target` (a path with an optional `?query`), as the router sees it.
    pub fn get(target: &str) -> Request {
        let (path, query) = target.split_once('?').unwrap_or((target, ""));
        Request {
            method: "GET".into(),
            path: percent_decode(path, false),
            query: parse_query(query),
        }
    }

    /// The first value of query parameter `key`, if present and not blank.
    pub fn param(&self, key: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    }
}

/// An answer: status, content type and body.
#[derive(Clone, Debug, PartialEq)]
pub struct Response {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
}

impl Response {
    pub fn html(body: String) -> Response {
        Response {
            status: 200,
            content_type: "text/html; charset=utf-8",
            body: body.into_bytes(),
        }
    }

    pub fn json(value: &serde_json::Value) -> Response {
        Response {
            status: 200,
            content_type: "application/json",
            body: value.to_string().into_bytes(),
        }
    }

    /// A plain-text error answer.
    pub fn error(status: u16, message: &str) -> Response {
        Response {
            status,
            content_type: "text/plain; charset=utf-8",
            body: format!("{message}\n").into_bytes(),
        }
    }
}

/// Why a request could not be read; each maps to one status code.
#[derive(Debug)]
pub enum BadRequest {
    /// Status 400 with a reason.
    Malformed(&'static str),
    /// Status 431: the head exceeds [`MAX_HEAD`].
    TooLarge,
    /// Status 405: only `GET` and `HEAD` are served.
    Method(String),
    Io(io::Error),
}

impl BadRequest {
    pub fn response(&self) -> Response {
        match self {
            BadRequest::Malformed(why) => Response::error(400, why),
            BadRequest::TooLarge => Response::error(431, "request head too large"),
            BadRequest::Method(m) => Response::error(405, &format!("{m} not allowed; use GET")),
            BadRequest::Io(e) => Response::error(400, &e.to_string()),
        }
    }
}

/// Reads one request head from `r`.
pub fn read_request(r: &mut impl BufRead) -> Result<Request, BadRequest> {
    let mut head = Vec::new();
    // Read line by line until the blank line, never more than MAX_HEAD bytes.
    loop {
        let before = head.len();
        let n = r
            .take((MAX_HEAD + 1 - before) as u64)
            .read_until(b'\n', &mut head)
            .map_err(BadRequest::Io)?;
        if head.len() > MAX_HEAD {
            return Err(BadRequest::TooLarge);
        }
        if n == 0 {
            return Err(BadRequest::Malformed(
                "connection closed before the request ended",
            ));
        }
        let line = &head[before..];
        if line == b"\r\n" || line == b"\n" {
            break;
        }
    }
    let head =
        std::str::from_utf8(&head).map_err(|_| BadRequest::Malformed("request is not UTF-8"))?;
    let line = head.lines().next().unwrap_or("");
    let mut parts = line.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(BadRequest::Malformed("bad request line"));
    };
    if !version.starts_with("HTTP/1.") {
        return Err(BadRequest::Malformed("only HTTP/1.x is served"));
    }
    if !target.starts_with('/') {
        return Err(BadRequest::Malformed("request target must be a path"));
    }
    if method != "GET" && method != "HEAD" {
        return Err(BadRequest::Method(method.to_string()));
    }
    let mut req = Request::get(target);
    req.method = method.to_string();
    Ok(req)
}

/// Writes `resp` (headers only for `HEAD`).
pub fn write_response(w: &mut impl Write, resp: &Response, head_only: bool) -> io::Result<()> {
    let reason = match resp.status {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "",
    };
    write!(
        w,
        "HTTP/1.1 {} {reason}\r\nContent-Type: {}\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
        resp.status,
        resp.content_type,
        resp.body.len()
    )?;
    if !head_only {
        w.write_all(&resp.body)?;
    }
    w.flush()
}

/// Splits `a=1&b=two+words` into decoded pairs.
pub fn parse_query(q: &str) -> Vec<(String, String)> {
    q.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (percent_decode(k, true), percent_decode(v, true))
        })
        .collect()
}

/// Decodes `%XX` escapes (and `+` as a space in query strings); invalid escapes stay as written and
/// invalid UTF-8 becomes U+FFFD.
pub fn percent_decode(s: &str, plus_is_space: bool) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        match b[i] {
            b'%' if i + 2 < b.len() => match (hex(b[i + 1]), hex(b[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' if plus_is_space => out.push(b' '),
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Encodes a value for a URL query or path segment.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for &c in s.as_bytes() {
        if c.is_ascii_alphanumeric() || b"-_.~:".contains(&c) {
            out.push(c as char);
        } else {
            out.push_str(&format!("%{c:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_get_with_query() {
        let raw =
            b"GET /timeline?actor=Lukashenka&type=AGREE&q=a+b%2Cc HTTP/1.1\r\nHost: x\r\n\r\n";
        let req = read_request(&mut &raw[..]).unwrap();
        assert_eq!(req.path, "/timeline");
        assert_eq!(req.param("actor"), Some("Lukashenka"));
        assert_eq!(req.param("q"), Some("a b,c"));
        assert_eq!(req.param("missing"), None);
    }

    #[test]
    fn refuses_bad_requests_with_a_status() {
        let status = |raw: &[u8]| read_request(&mut &raw[..]).unwrap_err().response().status;
        assert_eq!(status(b"POST / HTTP/1.1\r\n\r\n"), 405);
        assert_eq!(status(b"GET / HTTP/1.1\r\n"), 400, "no blank line");
        assert_eq!(status(b"GET http://x/ HTTP/1.1\r\n\r\n"), 400);
        assert_eq!(status(b"\xff\xfe / HTTP/1.1\r\n\r\n"), 400);
        assert_eq!(status(b"GET /\r\n\r\n"), 400);
        let mut big = b"GET / HTTP/1.1\r\nX: ".to_vec();
        big.extend(std::iter::repeat(b'a').take(MAX_HEAD));
        big.extend(b"\r\n\r\n");
        assert_eq!(status(&big), 431);
    }

    #[test]
    fn percent_coding_round_trips_and_tolerates_garbage() {
        for s in ["Лукашенко", "a b&c=d", "100%", "S-400 / Iskander-M"] {
            assert_eq!(percent_decode(&percent_encode(s), false), s);
        }
        assert_eq!(percent_decode("%zz%4", false), "%zz%4");
        assert_eq!(percent_decode("%ff", false), "\u{fffd}");
    }

    #[test]
    fn head_answers_carry_no_body() {
        let mut out = Vec::new();
        write_response(&mut out, &Response::html("<p>x</p>".into()), true).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("HTTP/1.1 200 OK\r\n"));
        assert!(text.contains("Content-Length: 8\r\n") && text.ends_with("\r\n\r\n"));
    }
}
