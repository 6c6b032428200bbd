//! Entity linking that reads the syntax layer, so needs the standard pipeline.

mod common;

use common::coded;

#[test]
fn a_proper_noun_before_a_known_surname_is_the_given_name_not_another_person() {
    let doc = coded(
        "Jake Sullivan met yesterday with opposition leader Svyatlana Tsikhanouskaya of Belarus.",
    );
    let e = doc
        .entities
        .iter()
        .find(|e| e.id == "p:tsikhanouskaya")
        .expect("Tsikhanouskaya linked");
    assert_eq!(doc.slice(e.mentions[0].span), "Svyatlana Tsikhanouskaya");
    assert!(
        doc.entities.iter().all(|e| e.name != "Svyatlana"),
        "{:?}",
        doc.entities.iter().map(|e| &e.name).collect::<Vec<_>>()
    );
    // Another given name is another person of that surname.
    let doc = coded("Hunter Biden, son of U.S. President Joe Biden, was convicted.");
    let e = doc
        .entities
        .iter()
        .find(|e| e.id == "p:biden")
        .expect("Joe Biden linked");
    assert!(
        e.mentions
            .iter()
            .all(|m| doc.slice(m.span) != "Hunter Biden"),
        "{:?}",
        e.mentions
    );
    // A title before the surname stays a title.
    let doc = coded("Yesterday President Lukashenka met Tsikhanouskaya.");
    let e = doc
        .entities
        .iter()
        .find(|e| e.id == "p:lukashenka")
        .expect("Lukashenka linked");
    assert_eq!(doc.slice(e.mentions[0].span), "Lukashenka");
}
