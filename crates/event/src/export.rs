//! Event exports: PLOVER-style JSON records and CSV rows with a CAMEO root code column.

use serde_json::{json, Value};

use dossier_model::{Document, Event, EventArgument, EventStatus};

use crate::lexicon::cameo_root;

/// The PLOVER code of an event as an event-data coder would record it. Dossier keeps the material event type
/// and puts modality in `status`; PLOVER codes a statement of intent to cooperate as AGREE, a statement of
/// intent to act against someone as THREATEN, and a refusal to cooperate as REJECT. This maps one to the other.
pub fn plover_type(e: &Event) -> &str {
    let ty = e.event_type.as_str();
    let cooperative = matches!(
        ty,
        "CONSULT" | "SUPPORT" | "CONCEDE" | "COOPERATE" | "AID" | "RETREAT"
    );
    let hostile = matches!(ty, "SANCTION" | "MOBILIZE" | "COERCE" | "ASSAULT");
    match e.status {
        EventStatus::Negated if cooperative || ty == "AGREE" => "REJECT",
        EventStatus::Planned | EventStatus::Hypothetical if cooperative => "AGREE",
        EventStatus::Planned | EventStatus::Hypothetical if hostile => "THREATEN",
        _ => ty,
    }
}

/// PLOVER targets: the recipients, or else (PLOVER's convention for events aimed at a place) the country of
/// the event's location when it is not the actors' own.
pub fn plover_targets(e: &Event) -> Vec<EventArgument> {
    // Recipients with no country ("killed 23 people", "kidnapped advisers") leave the place to say whose
    // people they were: the location's country is added after them.
    if !e.recipients.is_empty()
        && (e.recipients.iter().any(|r| r.country.is_some()) || e.location_country.is_none())
    {
        return e.recipients.clone();
    }
    let mut out = e.recipients.clone();
    out.extend(match (&e.location, &e.location_country) {
        (Some(name), Some(c)) => {
            vec![EventArgument {
                span: e.span,
                entity: None,
                name: name.clone(),
                country: Some(c.clone()),
                sector: None,
            }]
        }
        _ => Vec::new(),
    });
    out
}

/// PLOVER sources: the actors, or else, when no actor has a country ("hundreds of thousands of people
/// blocked streets in Hong Kong", "a journalist was killed in Beirut"), the country of the event's location
/// after them (PLOVER codes unnamed domestic actors by the place).
pub fn plover_sources(e: &Event) -> Vec<EventArgument> {
    let mut out = e.actors.clone();
    if e.actors.iter().any(|a| a.country.is_some()) {
        return out;
    }
    if let (Some(name), Some(c)) = (&e.location, &e.location_country) {
        out.push(EventArgument {
            span: e.span,
            entity: None,
            name: name.clone(),
            country: Some(c.clone()),
            sector: None,
        });
    }
    out
}

fn actor_json(a: &EventArgument) -> Value {
    json!({"actorText": a.name, "code": a.country, "sector": a.sector, "entity": a.entity})
}

/// One PLOVER JSON record (field names follow the PLOVER gold-standard records: `event`, `mode`, `context`,
/// `source`, `target`, `date`, `eventLoc`, `text`), plus Dossier's `status`, `announced` and character offsets.
pub fn plover_record(doc: &Document, e: &Event, index: usize) -> Value {
    let sentence = doc
        .sentence_at(e.span.start)
        .map(|i| doc.slice(doc.sentences[i].span).to_string())
        .unwrap_or_default();
    json!({
        "id": format!("{}-{}", doc.meta.id, index),
        "date": e.time,
        "event": plover_type(e),
        "material_event": e.event_type,
        "mode": e.mode.clone().unwrap_or_default(),
        "context": e.context.clone().unwrap_or_default(),
        "source": plover_sources(e).iter().map(actor_json).collect::<Vec<_>>(),
        "target": plover_targets(e).iter().map(actor_json).collect::<Vec<_>>(),
        "eventLoc": e.location,
        "eventText": doc.slice(e.span),
        "text": sentence,
        "status": e.status.as_str(),
        "announced": e.announced,
        "cameo_root": cameo_root(&e.event_type),
        "document": doc.meta.id,
        "start": e.span.start,
        "end": e.span.end,
    })
}

/// PLOVER records for all events of a document.
pub fn plover_json(doc: &Document) -> Vec<Value> {
    doc.events
        .iter()
        .enumerate()
        .map(|(i, e)| plover_record(doc, e, i))
        .collect()
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// CSV header matching [`csv_row`].
pub const CSV_HEADER: &str =
    "document,start,end,trigger,event_type,cameo_root,cameo,mode,context,status,time,announced,location,actors,actor_countries,recipients,recipient_countries";

/// One CSV row (no trailing newline); `start`/`end` are byte offsets.
pub fn csv_row(doc: &Document, e: &Event) -> String {
    let names = |v: &[EventArgument]| {
        v.iter()
            .map(|a| a.name.clone())
            .collect::<Vec<_>>()
            .join(";")
    };
    let countries = |v: &[EventArgument]| {
        v.iter()
            .map(|a| a.country.clone().unwrap_or_default())
            .collect::<Vec<_>>()
            .join(";")
    };
    let cols = [
        doc.meta.id.clone(),
        e.span.start.to_string(),
        e.span.end.to_string(),
        doc.slice(e.span).to_string(),
        e.event_type.clone(),
        cameo_root(&e.event_type).unwrap_or("").to_string(),
        e.cameo.clone().unwrap_or_default(),
        e.mode.clone().unwrap_or_default(),
        e.context.clone().unwrap_or_default(),
        e.status.as_str().to_string(),
        e.time.clone().unwrap_or_default(),
        e.announced.clone().unwrap_or_default(),
        e.location.clone().unwrap_or_default(),
        names(&e.actors),
        countries(&e.actors),
        names(&e.recipients),
        countries(&e.recipients),
    ];
    cols.iter()
        .map(|c| csv_field(c))
        .collect::<Vec<_>>()
        .join(",")
}

/// The whole CSV for a document, header included.
pub fn csv(doc: &Document) -> String {
    let mut out = String::from(CSV_HEADER);
    out.push('\n');
    for e in &doc.events {
        out.push_str(&csv_row(doc, e));
        out.push('\n');
    }
    out
}
