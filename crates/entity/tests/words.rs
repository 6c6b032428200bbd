//! `resources/entity/words.txt`: the annotator's word lists parse, hold what the code looks up, and are in
//! the folded form the annotator compares against; a few behaviours each list is there for.

use dossier_entity::annotate::WORDS_TXT;
use dossier_entity::norm::fold;
use dossier_model::{Component, Document, WordLists};

const LISTS: [&str; 12] = [
    "stop_caps",
    "titles",
    "month_abbreviations",
    "org_last",
    "org_first",
    "place_last",
    "place_prep",
    "actor_nouns",
    "group_nouns",
    "capital_nouns",
    "speech_verbs",
    "role_phrases",
];

#[test]
fn every_list_parses_and_is_folded() {
    let w = WordLists::parse(WORDS_TXT).expect("words.txt parses");
    let names: Vec<&str> = w.names().collect();
    assert_eq!(names, LISTS, "lists present, in file order");
    for name in LISTS {
        assert!(!w.get(name).is_empty(), "[{name}] is empty");
        for (key, _) in w.pairs(name) {
            assert_eq!(fold(key), key, "[{name}] {key:?} is not folded");
        }
    }
    for (phrase, role) in w.pairs("role_phrases") {
        assert!(
            !role.is_empty() && !role.contains(' '),
            "{phrase:?} needs one role"
        );
    }
}

fn entities(text: &str) -> Vec<(String, String)> {
    let mut doc = Document::new(text);
    dossier_segment::segment(&mut doc);
    dossier_entity::EntityAnnotator::new().process(&mut doc);
    doc.entities
        .iter()
        .flat_map(|e| {
            e.mentions
                .iter()
                .map(|m| (doc.slice(m.span).to_string(), e.kind.clone()))
        })
        .collect()
}

#[test]
fn lists_drive_unknown_names() {
    // org_last: an unknown capitalized phrase ending in "Committee" is an organization.
    let got = entities("The Zorvani Committee met on Tuesday.");
    assert!(
        got.contains(&("Zorvani Committee".into(), "ORG".into())),
        "{got:?}"
    );
    // place_last: "… Oblast" is a place.
    let got = entities("Troops moved to the Zorvani Oblast.");
    assert!(
        got.iter()
            .any(|(t, k)| t.contains("Zorvani Oblast") && k == "PLACE"),
        "{got:?}"
    );
    // month and weekday names are never names.
    let got = entities("On Tuesday and in March nothing happened.");
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn a_demonym_before_a_capital_noun_is_the_capital_city() {
    let got = entities("Consultations were held in the Belarusian capital on Monday.");
    assert_eq!(got, [("Belarusian capital".into(), "PLACE".into())]);
    // Without the noun, the demonym stays the state's.
    let got = entities("The Belarusian delegation arrived.");
    assert_eq!(got, [("Belarusian".into(), "STATE".into())]);
}
