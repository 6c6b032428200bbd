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

#[test]
fn an_organization_named_after_an_international_one_is_igo() {
    // The entity layer links "U.N. Security Council" to an organization with no country of its own.
    let text = "The U.N. Security Council demanded that Serbia withdraw its troops.";
    let mut d = Document::new(text);
    dossier_segment::segment(&mut d);
    let start = text.find("U.N.").unwrap();
    let end = start + "U.N. Security Council".len();
    let mut ent = dossier_model::Entity::new("o:unsc", "United Nations Security Council", "ORG");
    ent.mentions = vec![dossier_model::Mention::name(dossier_model::Span::new(
        start, end,
    ))];
    d.entities.push(ent);
    dossier_event::EventComponent::new().process(&mut d);
    let e = d
        .events
        .iter()
        .find(|e| d.slice(e.span) == "demanded")
        .expect("demanded");
    let all: Vec<String> = e
        .actors
        .iter()
        .filter(|a| a.name.contains("Security Council"))
        .filter_map(|a| a.country.clone())
        .collect();
    assert_eq!(all, ["IGO"], "{:?}", e.actors);
}

#[test]
fn a_city_the_entity_layer_gives_no_country_takes_the_gazetteer_one() {
    let text = "The army imposed a curfew in Abidjan on Sunday.";
    let mut d = Document::new(text);
    dossier_segment::segment(&mut d);
    let start = text.find("Abidjan").unwrap();
    let mut ent = dossier_model::Entity::new("p:abidjan", "Abidjan", "PLACE");
    ent.mentions = vec![dossier_model::Mention::name(dossier_model::Span::new(
        start,
        start + "Abidjan".len(),
    ))];
    d.entities.push(ent);
    dossier_event::EventComponent::new().process(&mut d);
    let e = d
        .events
        .iter()
        .find(|e| e.mode.as_deref() == Some("curfew"))
        .expect("a curfew");
    assert_eq!(e.location_country.as_deref(), Some("CIV"), "{e:?}");
}
