//! Event arguments that need every layer (entities, parse): names that are not parties to the event.

use dossier_model::Document;
use dossier_pipeline::{Config, Pipeline};

fn recipients(text: &str, trigger: &str) -> Vec<String> {
    let mut doc = Document::new(text);
    Pipeline::standard(&Config::default()).run(&mut doc);
    let e = doc
        .events
        .iter()
        .find(|e| doc.slice(e.span) == trigger)
        .unwrap_or_else(|| panic!("no event on {trigger:?}: {:?}", doc.events));
    e.recipients.iter().map(|r| r.name.clone()).collect()
}

#[test]
fn a_continent_is_no_recipient() {
    let r = recipients(
        "Lukashenka declared that Belarus recognised the need to start discussions on a new security \
         architecture in Europe, in line with Russian expectations.",
        "start discussions",
    );
    assert!(!r.iter().any(|n| n == "Europe"), "{r:?}");
}

#[test]
fn a_name_glossing_the_word_before_it_is_no_recipient() {
    let r = recipients(
        "Alexander Lukashenka also announced the start of combat duty of the Iskander-M (NATO: SS-26 Stone) \
         and S-400 systems transferred to Belarus by Russia.",
        "combat duty",
    );
    // Nor is the agent of the systems' transfer ("by Russia").
    assert!(!r.iter().any(|n| n == "NATO" || n == "Russia"), "{r:?}");
}

#[test]
fn a_relative_pronoun_subject_is_the_name_before_it() {
    let text = "This creates new challenges for Ukraine, which is fighting Russia, and means more.";
    let mut doc = Document::new(text);
    Pipeline::standard(&Config::default()).run(&mut doc);
    let e = doc
        .events
        .iter()
        .find(|e| doc.slice(e.span) == "fighting")
        .expect("fighting");
    let actors: Vec<&str> = e.actors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(actors, ["Ukraine"]);
}

#[test]
fn a_nominal_event_governed_by_a_verb_in_the_future_is_planned() {
    let text = "In practice, this will mean even closer joint defence planning and activities, going beyond \
                the existing arrangements, within the Regional Forces Group, military integration, and a \
                permanent Russian military presence in Belarus.";
    let mut doc = Document::new(text);
    Pipeline::standard(&Config::default()).run(&mut doc);
    let e = doc
        .events
        .iter()
        .find(|e| doc.slice(e.span) == "military presence")
        .expect("military presence");
    assert_eq!(e.status, dossier_model::EventStatus::Planned);
}
