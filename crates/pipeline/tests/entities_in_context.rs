//! Entity linking that reads the syntax layer, so needs the standard pipeline.

mod common;

use common::coded;
use dossier_model::{Document, Entity};

fn entity<'a>(doc: &'a Document, id: &str) -> &'a Entity {
    doc.entities
        .iter()
        .find(|e| e.id == id)
        .unwrap_or_else(|| panic!("{id} not linked"))
}

#[test]
fn a_proper_noun_before_a_known_surname_is_the_given_name_not_another_person() {
    let doc = coded(
        "Jake Sullivan met yesterday with opposition leader Svyatlana Tsikhanouskaya of Belarus.",
    );
    let e = entity(&doc, "p:tsikhanouskaya");
    assert_eq!(doc.slice(e.mentions[0].span), "Svyatlana Tsikhanouskaya");
    assert!(
        doc.entities.iter().all(|e| e.name != "Svyatlana"),
        "{:?}",
        doc.entities.iter().map(|e| &e.name).collect::<Vec<_>>()
    );
    // Another given name is another person of that surname.
    let doc = coded("Hunter Biden, son of U.S. President Joe Biden, was convicted.");
    let e = entity(&doc, "p:biden");
    assert!(
        e.mentions
            .iter()
            .all(|m| !matches!(doc.slice(m.span), "Hunter Biden" | "Biden")),
        "{:?}",
        e.mentions
    );
    let hunter = doc
        .entities
        .iter()
        .find(|e| e.name == "Hunter Biden")
        .unwrap_or_else(|| panic!("{:?}", doc.entities));
    assert_eq!(
        (hunter.kind.as_str(), hunter.kb_id.as_deref()),
        ("PERSON", None)
    );
    // A transliteration of the given name keeps the surname's link ("Vladimir" for "Volodymyr").
    let doc = coded("Vladimir Zelensky met Biden in Kyiv.");
    let e = entity(&doc, "p:zelensky");
    assert!(doc.slice(e.mentions[0].span).ends_with("Zelensky"));
    // A title before the surname stays a title.
    let doc = coded("Yesterday President Lukashenka met Tsikhanouskaya.");
    let e = entity(&doc, "p:lukashenka");
    assert_eq!(doc.slice(e.mentions[0].span), "Lukashenka");
}

#[test]
fn one_capitalised_adjective_is_no_name() {
    let doc = coded("Women are abducted by Islamic extremist group Boko Haram in Jere.");
    let names: Vec<&str> = doc.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(!names.contains(&"Islamic"), "{names:?}");
    assert!(names.contains(&"Boko Haram"), "{names:?}");
}
