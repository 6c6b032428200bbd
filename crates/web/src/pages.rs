//! The HTML pages. Every piece of stored text goes through [`esc`]; links carry percent-encoded values.

use std::fmt::Write;

use dossier_model::{CharMap, Document};
use dossier_store::{Hit, MentionsOf, Store};

use crate::http::{percent_encode as enc, Request, Response};

type Page = Result<Response, String>;

/// Escapes text for HTML element content and quoted attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn opt(s: &Option<String>) -> String {
    esc(s.as_deref().unwrap_or("—"))
}

const STYLE: &str = "
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1b1f24}
header{background:#1f3a5f;color:#fff;padding:.5em 1.5em;display:flex;gap:1.5em;align-items:center}
header a{color:#fff;text-decoration:none}header a.on{text-decoration:underline}
main{padding:1em 1.5em;max-width:72em}
table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}
th,td{border-bottom:1px solid #dde;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#f3f5f8}
.doc{white-space:pre-wrap;border:1px solid #dde;padding:1em;background:#fcfcfd}
mark{background:#fff2a8}
.m{border-radius:3px;padding:0 1px}
.ent{background:#dcebff}.tx{background:#ffe3c2}.qty{background:#dff5dc}.ev{background:#f6d8f0}
body.hide-ent .ent,body.hide-tx .tx,body.hide-qty .qty,body.hide-ev .ev{background:none}
.legend label{margin-right:1em}.muted{color:#667}
form input,form select{font:inherit;padding:.2em .4em}
";

/// Layer toggles and per-layer counts on document pages.
const SCRIPT: &str = "
document.querySelectorAll('.legend input').forEach(function(box){
  var layer=box.dataset.layer;
  var n=document.querySelectorAll('.doc .'+layer).length;
  document.getElementById('n-'+layer).textContent=n;
  box.addEventListener('change',function(){document.body.classList.toggle('hide-'+layer,!box.checked);});
});
";

fn layout(title: &str, active: &str, body: &str) -> Response {
    let mut nav = String::new();
    for (href, name) in [
        ("/", "Documents"),
        ("/timeline", "Timeline"),
        ("/entity", "Entities"),
        ("/ledger", "Ledger"),
    ] {
        let on = if name == active { " class=\"on\"" } else { "" };
        let _ = write!(nav, "<a href=\"{href}\"{on}>{name}</a>");
    }
    Response::html(format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <title>{} · Dossier</title><style>{STYLE}</style></head><body>\
         <header><strong>Dossier</strong>{nav}</header><main>{body}</main>\
         <script>{SCRIPT}</script></body></html>",
        esc(title)
    ))
}

fn err(e: impl std::fmt::Display) -> String {
    e.to_string()
}

/// `/`: the documents, and full-text search when `q` is given.
pub fn index(store: &Store, req: &Request) -> Page {
    let q = req.param("q").unwrap_or("");
    let mut b = format!(
        "<form action=\"/\"><input name=\"q\" value=\"{}\" placeholder=\"Search sentences\" size=\"40\" \
         autofocus> <button>Search</button></form>",
        esc(q)
    );
    if !q.is_empty() {
        match store.search(q, 50) {
            Ok(hits) => {
                let _ = write!(b, "<h2>{} sentence(s) match</h2><table>", hits.len());
                for h in &hits {
                    search_row(&mut b, h);
                }
                b.push_str("</table>");
            }
            // A query FTS5 cannot parse is the user's to fix: say why instead of failing the page.
            Err(e) => {
                let _ = write!(b, "<p class=\"error\">{}</p>", esc(&e.to_string()));
            }
        }
    }
    let docs = store.documents().map_err(err)?;
    let _ = write!(
        b,
        "<h2>{} document(s)</h2><table><tr><th>date</th><th>title</th><th>source</th>\
         <th>sentences</th><th>layers</th></tr>",
        docs.len()
    );
    for d in &docs {
        let layers: Vec<String> = d
            .layer_counts
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(l, n)| format!("{n} {l}"))
            .collect();
        let _ = write!(
            b,
            "<tr><td>{} <span class=\"muted\">{}</span></td><td><a href=\"/doc/{}\">{}</a></td>\
             <td>{}</td><td>{}</td><td>{}</td></tr>",
            opt(&d.dct),
            esc(&d.dct_source),
            enc(&d.id),
            esc(d.title.as_deref().unwrap_or("(untitled)")),
            opt(&d.source),
            d.sentences,
            esc(&layers.join(", "))
        );
    }
    b.push_str("</table>");
    Ok(layout("Documents", "Documents", &b))
}

fn search_row(b: &mut String, h: &Hit) {
    let _ = write!(
        b,
        "<tr><td>{}</td><td><a href=\"/doc/{}\">{}</a><br>{}</td></tr>",
        opt(&h.dct),
        enc(&h.doc_id),
        esc(h.title.as_deref().unwrap_or("(untitled)")),
        h.snippet("<mark>", "</mark>", esc)
    );
}

fn load(store: &Store, id: &str) -> Result<Option<Document>, String> {
    let Ok(full) = store.resolve_id(id) else {
        return Ok(None);
    };
    store.get(&full).map_err(err)
}

/// `/api/doc/ID`: the document as JSON (character offsets, `docs/schema.md`).
pub fn document_json(store: &Store, id: &str) -> Page {
    Ok(match load(store, id)? {
        Some(doc) => Response::json(&doc.to_json(false)),
        None => Response::error(404, &format!("no document {id}")),
    })
}

/// An inline highlight: byte span, layer class, tooltip, optional link.
struct Mark {
    start: usize,
    end: usize,
    class: &'static str,
    title: String,
    href: Option<String>,
}

fn marks(doc: &Document) -> Vec<Mark> {
    let mut m = Vec::new();
    for e in &doc.entities {
        let key = e.kb_id.clone().unwrap_or_else(|| e.name.clone());
        for x in &e.mentions {
            m.push(Mark {
                start: x.span.start,
                end: x.span.end,
                class: "ent",
                title: format!("{} {} ({})", e.kind, e.name, x.form),
                href: Some(format!("/entity?name={}", enc(&key))),
            });
        }
    }
    for t in &doc.timexes {
        let kind = serde_json::to_value(t.kind).ok();
        let kind = kind.as_ref().and_then(|k| k.as_str()).unwrap_or("");
        m.push(Mark {
            start: t.span.start,
            end: t.span.end,
            class: "tx",
            title: format!("{kind} {}", t.value),
            href: None,
        });
    }
    for q in &doc.quantities {
        m.push(Mark {
            start: q.span.start,
            end: q.span.end,
            class: "qty",
            title: quantity_text(q),
            href: None,
        });
    }
    for e in &doc.events {
        m.push(Mark {
            start: e.span.start,
            end: e.span.end,
            class: "ev",
            title: format!(
                "{} {} {}",
                e.event_type,
                e.status.as_str(),
                e.time.as_deref().unwrap_or("")
            ),
            href: None,
        });
    }
    // Longest first at each start, then keep only marks that do not overlap an earlier one.
    m.sort_by_key(|x| (x.start, std::cmp::Reverse(x.end)));
    let mut kept: Vec<Mark> = Vec::with_capacity(m.len());
    for x in m {
        let ok = x.start < x.end
            && x.end <= doc.text.len()
            && doc.text.is_char_boundary(x.start)
            && doc.text.is_char_boundary(x.end)
            && kept.last().is_none_or(|k| k.end <= x.start);
        if ok {
            kept.push(x);
        }
    }
    kept
}

fn quantity_text(q: &dossier_model::Quantity) -> String {
    let mut s = q.kind.clone();
    if let Some(v) = q.value {
        let _ = write!(s, " {v}");
    }
    if let Some(h) = q.high {
        let _ = write!(s, "–{h}");
    }
    if let Some(u) = &q.unit {
        let _ = write!(s, " {u}");
    }
    if let Some(p) = &q.per {
        let _ = write!(s, " per {} {}", p.value, p.unit);
    }
    s
}

/// The text of a byte span, or empty when the span does not fit the text.
fn slice(doc: &Document, span: dossier_model::Span) -> &str {
    doc.text.get(span.start..span.end).unwrap_or("")
}

/// `/doc/ID`: the text with its layers highlighted, then each layer as a table.
pub fn document(store: &Store, id: &str) -> Page {
    let Some(doc) = load(store, id)? else {
        return Ok(Response::error(404, &format!("no document {id}")));
    };
    let m = &doc.meta;
    let title = m.title.clone().unwrap_or_else(|| "(untitled)".into());
    let dct = serde_json::to_value(&m.dct).unwrap_or_default();
    let mut b = format!(
        "<h1>{}</h1><p class=\"muted\">{} · date {} ({}) · <a href=\"/api/doc/{}\">JSON</a></p>",
        esc(&title),
        esc(m.source.as_deref().unwrap_or("")),
        esc(dct["value"].as_str().unwrap_or("unknown")),
        esc(dct["source"].as_str().unwrap_or("")),
        enc(&m.id)
    );
    b.push_str("<p class=\"legend\">");
    for (layer, name) in [
        ("ent", "entities"),
        ("tx", "time"),
        ("qty", "quantities"),
        ("ev", "events"),
    ] {
        let _ = write!(
            b,
            "<label class=\"m {layer}\"><input type=\"checkbox\" checked data-layer=\"{layer}\"> {name} \
             (<span id=\"n-{layer}\">?</span>)</label>"
        );
    }
    b.push_str("</p><div class=\"doc\">");
    // Anchors are character offsets, the unit of the JSON, the store and every link to a span.
    let chars = CharMap::new(&doc.text);
    let mut at = 0;
    let marks = marks(&doc);
    let marked: std::collections::HashSet<usize> = marks.iter().map(|x| x.start).collect();
    for x in marks {
        b.push_str(&esc(&doc.text[at..x.start]));
        let inner = esc(&doc.text[x.start..x.end]);
        let _ = match &x.href {
            Some(h) => write!(
                b,
                "<a id=\"m{}\" class=\"m {}\" title=\"{}\" href=\"{}\">{inner}</a>",
                chars.char_of(x.start),
                x.class,
                esc(&x.title),
                esc(h)
            ),
            None => write!(
                b,
                "<span id=\"m{}\" class=\"m {}\" title=\"{}\">{inner}</span>",
                chars.char_of(x.start),
                x.class,
                esc(&x.title)
            ),
        };
        at = x.end;
    }
    b.push_str(&esc(&doc.text[at..]));
    b.push_str("</div>");
    layer_tables(&mut b, &doc, &chars, &marked);
    Ok(layout(&title, "Documents", &b))
}

fn args(a: &[dossier_model::EventArgument]) -> String {
    a.iter()
        .map(|x| match &x.country {
            Some(c) => format!("{} ({c})", x.name),
            None => x.name.clone(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// "CONSULT / visit": the PLOVER type with its mode.
fn event_kind(event_type: &str, mode: &Option<String>) -> String {
    match mode {
        Some(mode) => format!("{event_type} / {mode}"),
        None => event_type.to_string(),
    }
}

/// Opens a table under a heading with the item count; `headers` are plain text.
fn open_table(b: &mut String, title: &str, n: usize, headers: &[&str]) {
    let _ = write!(b, "<h2>{title} ({n})</h2><table><tr>");
    for h in headers {
        let _ = write!(b, "<th>{h}</th>");
    }
    b.push_str("</tr>");
}

/// One table row of cells that are already HTML (escaped text or markup built here).
fn row(b: &mut String, cells: &[String]) {
    b.push_str("<tr>");
    for c in cells {
        let _ = write!(b, "<td>{c}</td>");
    }
    b.push_str("</tr>");
}

/// `marked`: byte starts of the spans highlighted in the text (a span hidden by an overlapping one has
/// no anchor to link to).
fn layer_tables(
    b: &mut String,
    doc: &Document,
    chars: &CharMap,
    marked: &std::collections::HashSet<usize>,
) {
    let link = |span: dossier_model::Span| match marked.contains(&span.start) {
        true => format!(
            "<a href=\"#m{}\">{}</a>",
            chars.char_of(span.start),
            esc(slice(doc, span))
        ),
        false => esc(slice(doc, span)),
    };
    let headers = [
        "trigger",
        "type",
        "status",
        "time",
        "actors",
        "recipients",
        "place",
    ];
    open_table(b, "Events", doc.events.len(), &headers);
    for e in &doc.events {
        row(
            b,
            &[
                link(e.span),
                esc(&event_kind(&e.event_type, &e.mode)),
                esc(e.status.as_str()),
                opt(&e.time),
                esc(&args(&e.actors)),
                esc(&args(&e.recipients)),
                opt(&e.location),
            ],
        );
    }
    b.push_str("</table>");
    open_table(
        b,
        "Statements",
        doc.statements.len(),
        &["speaker", "cue", "content"],
    );
    for s in &doc.statements {
        let negated = if s.negated { "<em>(negated)</em> " } else { "" };
        row(
            b,
            &[
                opt(&s.speaker),
                esc(slice(doc, s.cue)),
                format!("{negated}{}", esc(slice(doc, s.content))),
            ],
        );
    }
    b.push_str("</table>");
    let headers = [
        "kind",
        "holder",
        "cue",
        "probability",
        "due / addressee",
        "text",
    ];
    open_table(
        b,
        "Judgments and recommendations",
        doc.judgments.len(),
        &headers,
    );
    for j in &doc.judgments {
        let p = j.probability.as_ref().map_or(String::from("—"), |p| {
            format!(
                "{:.0}–{:.0} % ({}{})",
                p.low * 100.0,
                p.high * 100.0,
                p.yardstick,
                p.term
                    .as_deref()
                    .map(|t| format!(": {t}"))
                    .unwrap_or_default()
            )
        });
        let due = j.addressee.as_ref().or(j.due.as_ref());
        // The ledger links here by the judgment's character offset.
        let _ = write!(b, "<tr id=\"j{}\">", chars.char_of(j.span.start));
        for c in [
            esc(&j.kind),
            esc(&j.holder),
            esc(slice(doc, j.cue)),
            esc(&p),
            opt(&due.cloned()),
            esc(slice(doc, j.span)),
        ] {
            let _ = write!(b, "<td>{c}</td>");
        }
        b.push_str("</tr>");
    }
    b.push_str("</table>");
    open_table(
        b,
        "Time expressions",
        doc.timexes.len(),
        &["text", "value", "mod"],
    );
    for t in &doc.timexes {
        row(b, &[link(t.span), esc(&t.value), opt(&t.modifier)]);
    }
    b.push_str("</table>");
    open_table(
        b,
        "Quantities",
        doc.quantities.len(),
        &["text", "value", "counts"],
    );
    for q in &doc.quantities {
        row(b, &[link(q.span), esc(&quantity_text(q)), opt(&q.counted)]);
    }
    b.push_str("</table>");
    let headers = ["name", "type", "country", "mentions"];
    open_table(b, "Entities", doc.entities.len(), &headers);
    for e in &doc.entities {
        let key = e.kb_id.clone().unwrap_or_else(|| e.name.clone());
        row(
            b,
            &[
                format!(
                    "<a href=\"/entity?name={}\">{}</a>",
                    enc(&key),
                    esc(&e.name)
                ),
                esc(&e.kind),
                opt(&e.country),
                e.mentions.len().to_string(),
            ],
        );
    }
    b.push_str("</table>");
}

fn all_documents(store: &Store) -> Result<Vec<Document>, String> {
    let mut docs = Vec::new();
    for d in store.documents().map_err(err)? {
        if let Some(doc) = store.get(&d.id).map_err(err)? {
            docs.push(doc);
        }
    }
    Ok(docs)
}

/// `/timeline`: events merged across documents, filtered like `dossier timeline`.
pub fn timeline(store: &Store, req: &Request) -> Page {
    let filter = dossier_event::timeline::Filter {
        actor: req.param("actor").map(str::to_string),
        from: req.param("from").map(str::to_string),
        to: req.param("to").map(str::to_string),
        event_type: req.param("type").map(str::to_string),
        all: req.param("all").is_some_and(|v| !v.is_empty()),
    };
    let docs = all_documents(store)?;
    let events = dossier_event::timeline::timeline(&docs, &filter);
    let field = |name: &str, hint: &str| {
        format!(
            "<input name=\"{name}\" value=\"{}\" placeholder=\"{hint}\" size=\"12\"> ",
            esc(req.param(name).unwrap_or(""))
        )
    };
    let mut b = format!(
        "<form action=\"/timeline\">{}{}{}{}<label title=\"also events that name no participant, place or \
         time\"><input type=\"checkbox\" name=\"all\" value=\"1\"{}> all</label> <button>Filter</button></form>",
        field("actor", "actor"),
        field("type", "type"),
        field("from", "from date"),
        field("to", "to date"),
        if filter.all { " checked" } else { "" },
    );
    let headers = [
        "time",
        "type",
        "status",
        "actors",
        "recipients",
        "place",
        "sources",
    ];
    open_table(&mut b, "Events", events.len(), &headers);
    for e in &events {
        let mut sources = String::new();
        for s in &e.sources {
            let _ = write!(
                sources,
                "<a href=\"/doc/{}#m{}\">{}</a><br>",
                enc(&s.doc_id),
                char_start(&docs, &s.doc_id, s.start),
                esc(&s.text)
            );
        }
        for c in &e.conflicts {
            let _ = write!(sources, "<em>conflict: {}</em><br>", esc(c));
        }
        let announced = e.announced.as_deref().map(|a| format!(" ({})", esc(a)));
        row(
            &mut b,
            &[
                opt(&e.time),
                esc(&event_kind(&e.event_type, &e.mode)),
                esc(e.status.as_str()) + &announced.unwrap_or_default(),
                esc(&args(&e.actors)),
                esc(&args(&e.recipients)),
                opt(&e.location),
                sources,
            ],
        );
    }
    b.push_str("</table>");
    Ok(layout("Timeline", "Timeline", &b))
}

/// Event sources carry byte offsets; pages anchor spans by character offset.
fn char_start(docs: &[Document], doc_id: &str, byte: usize) -> usize {
    docs.iter()
        .find(|d| d.meta.id == doc_id)
        .map_or(0, |d| CharMap::new(&d.text).char_of(byte))
}

/// `/entity?name=…`: the knowledge-base card for any spelling, and every stored mention.
pub fn entity(store: &Store, req: &Request) -> Page {
    let name = req.param("name").unwrap_or("");
    let mut b = format!(
        "<form action=\"/entity\"><input name=\"name\" value=\"{}\" placeholder=\"Name in any spelling\" \
         size=\"30\"> <button>Look up</button></form>",
        esc(name)
    );
    if name.is_empty() {
        return Ok(layout("Entities", "Entities", &b));
    }
    let found = dossier_entity::api::resolve(name);
    let who = match found.first() {
        Some(e) => {
            let card = dossier_entity::api::Card::of(e);
            let _ = write!(
                b,
                "<h1>{}</h1><p>{} · {} · country {} · sector {}</p><p>Also written: {}</p>",
                esc(&card.name),
                esc(&card.id),
                esc(&card.kind),
                opt(&card.country),
                opt(&card.sector),
                esc(&card.aliases.join(", "))
            );
            if !card.roles.is_empty() {
                open_table(
                    &mut b,
                    "Roles",
                    card.roles.len(),
                    &["role", "of", "from", "until"],
                );
                for r in &card.roles {
                    let cells = [esc(&r.role), esc(&r.org), opt(&r.start), opt(&r.end)];
                    row(&mut b, &cells);
                }
                b.push_str("</table>");
            }
            MentionsOf::Kb(&e.id)
        }
        None => {
            let _ = write!(
                b,
                "<h1>{}</h1><p class=\"muted\">Not in the knowledge base; stored mentions by name.</p>",
                esc(name)
            );
            MentionsOf::Name { name, kind: None }
        }
    };
    let mentions = store.entity_mentions(who, 500).map_err(err)?;
    let headers = ["date", "document", "sentence"];
    open_table(&mut b, "Mentions", mentions.len(), &headers);
    for m in &mentions {
        let title = esc(m.title.as_deref().unwrap_or("(untitled)"));
        let cells = [
            opt(&m.dct),
            format!("<a href=\"/doc/{}\">{title}</a>", enc(&m.doc_id)),
            esc(&m.sentence),
        ];
        row(&mut b, &cells);
    }
    b.push_str("</table>");
    Ok(layout(name, "Entities", &b))
}

/// `/ledger`: forecast judgments with their probability, due date and resolution.
pub fn ledger(store: &Store, req: &Request) -> Page {
    use dossier_judgment::ledger;
    // New documents' forecasts join the ledger on first view, as `dossier ledger` does.
    ledger::sync(store).map_err(err)?;
    let filter = ledger::Filter {
        holder: req.param("holder").map(str::to_string),
        status: req.param("status").map(str::to_string),
        ..ledger::Filter::default()
    };
    let entries = ledger::list(store, &filter).map_err(err)?;
    let mut b = format!(
        "<form action=\"/ledger\"><input name=\"holder\" value=\"{}\" placeholder=\"holder\"> \
         <select name=\"status\">",
        esc(req.param("holder").unwrap_or(""))
    );
    for s in ["", "open", "true", "false", "annulled", "resolved"] {
        let sel = if req.param("status") == Some(s) {
            " selected"
        } else {
            ""
        };
        let label = if s.is_empty() { "any status" } else { s };
        let _ = write!(b, "<option value=\"{s}\"{sel}>{label}</option>");
    }
    b.push_str("</select> <button>Filter</button></form>");
    let headers = [
        "#",
        "holder",
        "phrase",
        "probability",
        "due",
        "status",
        "text",
    ];
    open_table(&mut b, "Forecasts", entries.len(), &headers);
    for e in &entries {
        let p = match (e.p_low, e.p_high) {
            (Some(l), Some(h)) => format!("{:.0}–{:.0} %", l * 100.0, h * 100.0),
            _ => "—".into(),
        };
        // Ledger offsets are characters, as the document page's judgment anchors.
        let text = format!(
            "<a href=\"/doc/{}#j{}\">{}</a>",
            enc(&e.doc_id),
            e.start,
            esc(&e.text)
        );
        let cells = [
            e.id.to_string(),
            esc(&e.holder_key()),
            esc(&e.band()),
            esc(&p),
            opt(&e.due),
            esc(&e.status),
            text,
        ];
        row(&mut b, &cells);
    }
    b.push_str("</table>");
    Ok(layout("Ledger", "Ledger", &b))
}
