//! The seed through the real components on main (ingest → segment → time → events; no entity layer yet):
//! dates come from the time component, actors from the built-in gazetteer.
use dossier_model::{Component, Document, EventStatus};

fn seed() -> Document {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../demo/seed/pism-belarus-russia-next-stage-of-integration.txt");
    let mut doc = dossier_ingest::read_file(&path, &Default::default()).expect("seed");
    dossier_segment::segment(&mut doc);
    dossier_time::TimeTagger::new(Default::default()).process(&mut doc);
    dossier_event::EventComponent::new().process(&mut doc);
    doc
}

fn get<'a>(doc: &'a Document, trigger: &str, nth: usize) -> &'a dossier_model::Event {
    doc.events
        .iter()
        .filter(|e| doc.slice(e.span) == trigger)
        .nth(nth)
        .unwrap_or_else(|| panic!("no event #{nth} on {trigger:?}"))
}

#[test]
fn seed_dates_places_and_status_from_the_real_pipeline() {
    let doc = seed();
    let agreed = get(&doc, "agreed", 0);
    assert_eq!(
        (agreed.event_type.as_str(), agreed.time.as_deref()),
        ("AGREE", Some("2022-12"))
    );
    let c: Vec<_> = agreed
        .actors
        .iter()
        .filter_map(|a| a.country.as_deref())
        .collect();
    assert_eq!(c, ["BLR", "RUS"]);
    let visit = get(&doc, "visit", 0);
    assert_eq!(visit.time.as_deref(), Some("2022-12-19"));
    assert_eq!(visit.location.as_deref(), Some("Minsk"));
    let cons = get(&doc, "consultations", 0);
    assert_eq!(
        (cons.time.as_deref(), cons.location.as_deref()),
        (Some("2022-12-19"), Some("Minsk"))
    );
    let neg = get(&doc, "negotiations", 0);
    assert_eq!(neg.time.as_deref(), Some("2022-12-26/2022-12-27"));
    assert_eq!(neg.location.as_deref(), Some("Saint Petersburg"));
    let signed = get(&doc, "signed", 0);
    assert_eq!(signed.time.as_deref(), Some("2022-12-03"));
    let us = get(&doc, "exercises", 1);
    assert_eq!(
        (us.status, us.time.as_deref()),
        (EventStatus::Planned, Some("2023"))
    );
    let zapad = get(&doc, "drills", 0);
    assert_eq!(zapad.status, EventStatus::Announced);
    assert_eq!(
        (zapad.announced.as_deref(), zapad.time.as_deref()),
        (Some("2022-12-21"), Some("2023"))
    );
    let meeting = get(&doc, "meeting", 0);
    assert_eq!(meeting.time.as_deref(), Some("2022-12-21"));
    // The second mention of the visit inherits its date by coreference.
    let visit2 = get(&doc, "visit", 1);
    assert_eq!(visit2.time.as_deref(), Some("2022-12-19"));
    assert_eq!(visit2.time_source.as_deref(), Some("coreference"));
}

#[test]
fn seed_references_and_figurative_attacks_are_not_timeline_events() {
    let doc = seed();
    // "signed a protocol amending the 1997 agreement": the 1997 agreement is referred to, not concluded now.
    assert!(
        !doc.events.iter().any(|e| e.time.as_deref() == Some("1997")),
        "an event dated 1997"
    );
    let signed = get(&doc, "signed", 0);
    assert_eq!(signed.time.as_deref(), Some("2022-12-03"));
    // "propaganda attacks against NATO" are accusations, not an assault.
    let attacks = get(&doc, "attacks", 0);
    assert_eq!(attacks.event_type, "ACCUSE");
    assert_eq!(attacks.cameo.as_deref(), Some("11"));
    // "… abandoned the concept of “Helsinki 2.0”, which they promoted until 2020": the relative clause's
    // date is the promotion's, not the abandonment's.
    let abandoned = get(&doc, "abandoned", 0);
    assert_eq!(abandoned.time.as_deref(), Some("2022"));
}
