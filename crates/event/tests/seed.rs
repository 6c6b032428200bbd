//! The seed report (Belarus–Russia integration, December 2022) with hand-built time and entity layers.
mod common;

use dossier_model::{Document, Event, EventStatus};

fn show(doc: &Document, e: &Event) -> String {
    let a: Vec<String> = e
        .actors
        .iter()
        .map(|a| {
            format!(
                "{}[{}/{}]",
                a.name,
                a.country.as_deref().unwrap_or("-"),
                a.sector.as_deref().unwrap_or("-")
            )
        })
        .collect();
    let r: Vec<String> = e
        .recipients
        .iter()
        .map(|a| format!("{}[{}]", a.name, a.country.as_deref().unwrap_or("-")))
        .collect();
    format!(
        "{:<9} {:<8} {:<10} {:<22} ann={:<10} {:<18} loc={:<16} A={} R={}",
        e.event_type,
        e.mode.as_deref().unwrap_or("-"),
        e.status.as_str(),
        e.time.as_deref().unwrap_or("-"),
        e.announced.as_deref().unwrap_or("-"),
        doc.slice(e.span),
        e.location.as_deref().unwrap_or("-"),
        a.join(","),
        r.join(",")
    )
}

fn find<'a>(doc: &'a Document, trigger: &str, ty: &str) -> &'a Event {
    doc.events
        .iter()
        .find(|e| doc.slice(e.span) == trigger && e.event_type == ty)
        .unwrap_or_else(|| panic!("no {ty} event on {trigger:?}"))
}

fn countries(args: &[dossier_model::EventArgument]) -> Vec<&str> {
    let mut c: Vec<&str> = args.iter().filter_map(|a| a.country.as_deref()).collect();
    c.sort();
    c.dedup();
    c
}

#[test]
fn seed_timeline() {
    let Some(mut doc) = common::seed_doc() else {
        println!("seed not found at {:?}; skipping", common::seed_path());
        return;
    };
    dossier_event::annotate(&mut doc);
    for e in &doc.events {
        println!("{}", show(&doc, e));
    }
    // "In December 2022, Belarus and Russia agreed to create a common defence space" — compound actor.
    let agreed = find(&doc, "agreed", "AGREE");
    assert_eq!(agreed.time.as_deref(), Some("2022-12"));
    assert_eq!(countries(&agreed.actors), vec!["BLR", "RUS"]);
    assert_eq!(agreed.context.as_deref(), Some("military"));
    assert_eq!(agreed.status, EventStatus::Occurred);
    // Putin's visit to Minsk on 19 December.
    let visit = find(&doc, "visit", "CONSULT");
    assert_eq!(visit.mode.as_deref(), Some("visit"));
    assert_eq!(visit.time.as_deref(), Some("2022-12-19"));
    assert_eq!(visit.location.as_deref(), Some("Minsk"));
    assert_eq!(visit.actors[0].entity.as_deref(), Some("e1"));
    assert_eq!(countries(&visit.recipients), vec!["BLR"]);
    // The nominal event "a session of the Union State Parliamentary Assembly was held in Moscow".
    let session = find(&doc, "session", "CONSULT");
    assert_eq!(session.time.as_deref(), Some("2022-12-19"));
    assert_eq!(session.location.as_deref(), Some("Moscow"));
    // "consultations … were also held in the Belarusian capital" on that same day.
    let cons = find(&doc, "consultations", "CONSULT");
    assert_eq!(cons.time.as_deref(), Some("2022-12-19"));
    assert_eq!(cons.location.as_deref(), Some("Minsk"));
    // Negotiations on 26–27 December in Saint Petersburg.
    let neg = find(&doc, "negotiations", "CONSULT");
    assert_eq!(neg.time.as_deref(), Some("2022-12-26/2022-12-27"));
    assert_eq!(neg.location.as_deref(), Some("Saint Petersburg"));
    // The protocol signed on 3 December by the two defence ministers.
    let signed = find(&doc, "signed", "AGREE");
    assert_eq!(signed.time.as_deref(), Some("2022-12-03"));
    assert_eq!(countries(&signed.actors), vec!["BLR", "RUS"]);
    assert!(signed
        .actors
        .iter()
        .all(|a| a.sector.as_deref() == Some("MIL")));
    // Union Shield exercises, planned for 2023.
    let us = doc
        .events
        .iter()
        .find(|e| {
            e.event_type == "MOBILIZE"
                && e.time.as_deref() == Some("2023")
                && e.status == EventStatus::Planned
        })
        .expect("planned 2023 exercises");
    assert_eq!(doc.slice(us.span), "exercises");
    // Zapad 2023: announced on 21 December, to happen in 2023, by Shoigu.
    let zapad = find(&doc, "drills", "MOBILIZE");
    assert_eq!(zapad.status, EventStatus::Announced);
    assert_eq!(zapad.announced.as_deref(), Some("2022-12-21"));
    assert_eq!(zapad.time.as_deref(), Some("2023"));
    assert_eq!(zapad.mode.as_deref(), Some("troops"));
    assert_eq!(zapad.actors[0].entity.as_deref(), Some("e2"));
    // Combat duty of the Iskander-M and S-400 systems, announced by Lukashenka.
    let duty = find(&doc, "combat duty", "MOBILIZE");
    assert_eq!(duty.mode.as_deref(), Some("weapons"));
    assert_eq!(duty.status, EventStatus::Announced);
    assert_eq!(duty.actors[0].entity.as_deref(), Some("e4"));
    // … the systems transferred to Belarus by Russia (passive: "by" gives the actor).
    let tr = find(&doc, "transferred", "AID");
    assert_eq!(countries(&tr.actors), vec!["RUS"]);
    assert_eq!(countries(&tr.recipients), vec!["BLR"]);
    // "Russia will train Belarusian pilots": future aid.
    let train = find(&doc, "train", "AID");
    assert_eq!(train.status, EventStatus::Planned);
    assert_eq!(countries(&train.actors), vec!["RUS"]);
    assert_eq!(countries(&train.recipients), vec!["BLR"]);
    // The meeting of Putin and Mezentsev on 21 December.
    let meeting = doc
        .events
        .iter()
        .find(|e| doc.slice(e.span) == "meeting" && e.time.as_deref() == Some("2022-12-21"))
        .expect("meeting on 21 December");
    assert!(meeting
        .actors
        .iter()
        .chain(&meeting.recipients)
        .any(|a| a.entity.as_deref() == Some("e5")));
    // "The two countries also agreed on a rate for crude oil": collective actor resolved to both countries.
    let oil = doc
        .events
        .iter()
        .filter(|e| e.event_type == "AGREE" && doc.slice(e.span) == "agreed")
        .nth(1)
        .expect("second agreed");
    assert_eq!(countries(&oil.actors), vec!["BLR", "RUS"]);
    assert_eq!(oil.context.as_deref(), Some("economic"));
}

#[test]
fn seed_merges_repeated_mentions_of_the_visit() {
    let Some(mut doc) = common::seed_doc() else {
        println!("seed not found; skipping");
        return;
    };
    dossier_event::annotate(&mut doc);
    let sourced: Vec<dossier_event::SourcedEvent> = doc
        .events
        .iter()
        .map(|e| dossier_event::SourcedEvent {
            doc_id: doc.meta.id.clone(),
            text: doc.slice(e.span).to_string(),
            event: e.clone(),
            doc_date: doc.meta.dct.value.clone(),
        })
        .collect();
    let merged = dossier_event::merge(&sourced);
    let visits: Vec<_> = merged
        .iter()
        .filter(|m| m.mode.as_deref() == Some("visit"))
        .collect();
    assert_eq!(visits.len(), 1, "{visits:#?}");
    assert_eq!(visits[0].sources.len(), 2);
    // Time order.
    let times: Vec<&str> = merged.iter().filter_map(|m| m.time.as_deref()).collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn never_panics_and_degrades_without_layers() {
    for text in [
        "",
        "   ",
        "signed",
        "Belarus and Russia signed.",
        "x\u{0}y visit “ ” 26-27 ( ) ;",
        "Putin’s visit to «Minsk» — “today”.",
    ] {
        let mut doc = Document::new(text);
        dossier_segment::segment(&mut doc);
        dossier_event::annotate(&mut doc);
        assert_eq!(doc.text, text);
        assert!(doc.warnings.is_empty());
    }
    // Without entity/time layers the gazetteer still finds country actors.
    let mut doc = Document::new("Belarus and Russia signed a new treaty with Ukraine on Monday.");
    dossier_segment::segment(&mut doc);
    dossier_event::annotate(&mut doc);
    let signed = find(&doc, "signed", "AGREE");
    assert_eq!(countries(&signed.actors), vec!["BLR", "RUS"]);
    assert_eq!(countries(&signed.recipients), vec!["UKR"]);
    // Negation and modality.
    let mut doc = Document::new("Israel did not attack Syria. Iran may attack Iraq. Officials said Turkey would invade Syria.");
    dossier_segment::segment(&mut doc);
    dossier_event::annotate(&mut doc);
    let st: Vec<EventStatus> = doc.events.iter().map(|e| e.status).collect();
    assert_eq!(
        st,
        vec![
            EventStatus::Negated,
            EventStatus::Hypothetical,
            EventStatus::Hypothetical
        ]
    );
}
