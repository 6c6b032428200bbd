//! Countries inferred for actors and recipients the gazetteer does not know (no entity layer here).
use dossier_model::{Component, Document};

fn events(text: &str) -> Document {
    let mut d = Document::new(text);
    dossier_segment::segment(&mut d);
    dossier_event::EventComponent::new().process(&mut d);
    d
}

fn countries(args: &[dossier_model::EventArgument]) -> Vec<String> {
    args.iter().filter_map(|a| a.country.clone()).collect()
}

#[test]
fn of_country_and_appositives_give_a_person_a_country() {
    let d = events("King Hassan of Morocco met Abdou Diouf on Tuesday.");
    let e = &d.events[0];
    assert_eq!(countries(&e.actors), ["MAR"]);
    let d = events(
        "Salaheddine Sidhoum, Algeria's leading human rights activist, criticized Ahmed Ouyahia.",
    );
    let e = d
        .events
        .iter()
        .find(|e| e.event_type == "ACCUSE")
        .expect("criticized");
    assert_eq!(countries(&e.actors), ["DZA"]);
}

#[test]
fn a_domestic_event_takes_the_sentence_country_on_both_sides() {
    let d = events("The Ibo Elders Council demanded that Nigerian ministers resign.");
    let e = d
        .events
        .iter()
        .find(|e| e.event_type == "REQUEST")
        .expect("demanded");
    assert_eq!(countries(&e.actors), ["NGA"]);
}
