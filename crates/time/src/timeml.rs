//! TimeML reading (TempEval-3 style: `<DCT>` + `<TEXT>`, existing TIMEX3 tags stripped and kept as gold)
//! and writing (the document text with Dossier's TIMEX3 tags; ranges split into two DATEs).

use dossier_model::xml::unescape;
use dossier_model::{Dct, DctSource, Document, Span, TimexType};

/// A TIMEX3 read from a TimeML file.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldTimex {
    pub span: Span,
    pub kind: String,
    pub value: String,
    pub modifier: Option<String>,
}

/// A TimeML document: the plain text of `<TEXT>` as a [`Document`] (DCT given), and its TIMEX3 tags.
#[derive(Debug, Clone)]
pub struct TimemlDoc {
    pub doc: Document,
    pub docid: Option<String>,
    pub gold: Vec<GoldTimex>,
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let mut from = 0;
    while let Some(k) = tag[from..].find(name) {
        let at = from + k;
        let before_ok = at == 0 || tag.as_bytes()[at - 1].is_ascii_whitespace();
        let rest = &tag[at + name.len()..];
        let rest_t = rest.trim_start();
        if before_ok && rest_t.starts_with('=') {
            let v = rest_t[1..].trim_start();
            let q = v.chars().next()?;
            if q == '"' || q == '\'' {
                let end = v[1..].find(q)?;
                return Some(unescape(&v[1..1 + end]));
            }
        }
        from = at + name.len();
    }
    None
}

fn escape(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
}

/// Strips the tags of an XML fragment; returns the text and the TIMEX3 elements with their spans.
fn strip(xml: &str) -> (String, Vec<GoldTimex>) {
    let mut text = String::with_capacity(xml.len());
    let mut gold = Vec::new();
    let mut open: Vec<(usize, String)> = Vec::new();
    let mut i = 0;
    while i < xml.len() {
        let rest = &xml[i..];
        if rest.starts_with('<') {
            let Some(e) = rest.find('>') else { break };
            let tag = &rest[1..e];
            if let Some(t) = tag.strip_prefix("TIMEX3") {
                if t.trim_end().ends_with('/') {
                    // empty TIMEX3 (an anchor-only value): no span
                } else {
                    open.push((text.len(), t.to_string()));
                }
            } else if tag.starts_with("/TIMEX3") {
                if let Some((s, attrs)) = open.pop() {
                    gold.push(GoldTimex {
                        span: Span::new(s, text.len()),
                        kind: attr(&attrs, "type").unwrap_or_default(),
                        value: attr(&attrs, "value").unwrap_or_default(),
                        modifier: attr(&attrs, "mod"),
                    });
                }
            }
            i += e + 1;
        } else if rest.starts_with('&') {
            let e = rest.find(';').filter(|&e| e <= 8);
            match e {
                Some(e) => {
                    text.push_str(&unescape(&rest[..=e]));
                    i += e + 1;
                }
                None => {
                    text.push('&');
                    i += 1;
                }
            }
        } else {
            let n = rest.find(['<', '&']).unwrap_or(rest.len());
            text.push_str(&rest[..n]);
            i += n;
        }
    }
    gold.sort_by_key(|g| (g.span.start, g.span.end));
    (text, gold)
}

fn element<'a>(xml: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<{name}");
    let s = xml.find(&open)?;
    let body = s + xml[s..].find('>')? + 1;
    let close = format!("</{name}>");
    let e = body + xml[body..].find(&close)?;
    Some(&xml[body..e])
}

/// Reads a TimeML document. The text is the content of `<TEXT>` with all tags removed; the DCT is the
/// value of the TIMEX3 inside `<DCT>` (source `given`).
pub fn read_timeml(xml: &str) -> Result<TimemlDoc, String> {
    let body = element(xml, "TEXT").ok_or("no <TEXT> element")?;
    let (text, gold) = strip(body);
    let mut doc = Document::new(text);
    if let Some(dct) = element(xml, "DCT") {
        if let Some(v) = attr(dct, "value") {
            doc.meta.dct = Dct {
                value: Some(v),
                source: DctSource::Given,
                bracket: None,
            };
        }
    }
    let docid = element(xml, "DOCID").map(|s| s.trim().to_string());
    doc.meta.source = docid.clone();
    Ok(TimemlDoc { doc, docid, gold })
}

/// One TIMEX3 as TimeML writes it: ranges become two DATE expressions.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportTimex {
    pub span: Span,
    pub kind: TimexType,
    pub value: String,
    pub modifier: Option<String>,
}

pub fn type_str(t: TimexType) -> &'static str {
    match t {
        TimexType::Date => "DATE",
        TimexType::Time => "TIME",
        TimexType::Duration => "DURATION",
        TimexType::Set => "SET",
    }
}

/// The document's time expressions as TimeML has them: ranges split in two, sorted, non-overlapping.
pub fn export_timexes(doc: &Document) -> Vec<ExportTimex> {
    let mut out = Vec::new();
    for t in &doc.timexes {
        match &t.range {
            Some(r) if r.begin_span.is_some() && r.end_span.is_some() => {
                out.push(ExportTimex {
                    span: r.begin_span.unwrap_or(t.span),
                    kind: t.kind,
                    value: r.begin.clone(),
                    modifier: t.modifier.clone(),
                });
                out.push(ExportTimex {
                    span: r.end_span.unwrap_or(t.span),
                    kind: t.kind,
                    value: r.end.clone(),
                    modifier: None,
                });
            }
            _ => out.push(ExportTimex {
                span: t.span,
                kind: t.kind,
                value: t.value.clone(),
                modifier: t.modifier.clone(),
            }),
        }
    }
    out.sort_by_key(|t| (t.span.start, std::cmp::Reverse(t.span.end)));
    let mut last_end = 0;
    out.retain(|t| {
        let ok = t.span.start >= last_end && t.span.end <= doc.text.len() && !t.span.is_empty();
        if ok {
            last_end = t.span.end;
        }
        ok
    });
    out
}

/// Writes the document as TimeML 1.2 with a `<DCT>` and Dossier's TIMEX3 tags in `<TEXT>`.
pub fn write_timeml(doc: &Document) -> String {
    let mut s = String::with_capacity(doc.text.len() * 2 + 512);
    s.push_str("<?xml version=\"1.0\" ?>\n<TimeML xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:noNamespaceSchemaLocation=\"http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd\">\n");
    s.push_str("<DOCID>");
    escape(doc.meta.source.as_deref().unwrap_or(&doc.meta.id), &mut s);
    s.push_str("</DOCID>\n");
    if let Some(v) = &doc.meta.dct.value {
        s.push_str("<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"");
        escape(v, &mut s);
        s.push_str("\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">");
        escape(v, &mut s);
        s.push_str("</TIMEX3></DCT>\n");
    }
    s.push_str("<TEXT>");
    let mut pos = 0;
    for (k, t) in export_timexes(doc).iter().enumerate() {
        let (Some(before), Some(inner)) = (
            doc.text.get(pos..t.span.start),
            doc.text.get(t.span.start..t.span.end),
        ) else {
            continue;
        };
        escape(before, &mut s);
        s.push_str(&format!(
            "<TIMEX3 tid=\"t{}\" type=\"{}\" value=\"",
            k + 1,
            type_str(t.kind)
        ));
        escape(&t.value, &mut s);
        s.push('"');
        if let Some(m) = &t.modifier {
            s.push_str(" mod=\"");
            escape(m, &mut s);
            s.push('"');
        }
        s.push('>');
        escape(inner, &mut s);
        s.push_str("</TIMEX3>");
        pos = t.span.end;
    }
    escape(doc.text.get(pos..).unwrap_or(""), &mut s);
    s.push_str("</TEXT>\n</TimeML>\n");
    s
}
