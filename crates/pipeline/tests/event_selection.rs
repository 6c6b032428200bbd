//! Which mentions are events at all, where that needs tags or the document's blocks.

mod common;

use common::event;
use dossier_model::Document;

/// Short unpunctuated lines become titles and headings.
fn coded(text: &str) -> Document {
    common::ingested(text, None)
}

fn triggers(doc: &Document) -> Vec<&str> {
    doc.events.iter().map(|e| doc.slice(e.span)).collect()
}

#[test]
fn a_heading_without_a_verb_is_a_topic_not_an_event() {
    let doc = coded(
        "Israel–Hamas war\n\nAttacks on schools during the Israeli invasion of Gaza\n\nThree Palestinians \
         are killed in an Israeli raid on Jenin.\n",
    );
    let t = triggers(&doc);
    assert!(
        !t.contains(&"war") && !t.contains(&"Attacks") && !t.contains(&"invasion"),
        "{t:?}"
    );
    // The bullet under it is the event (its attack standing for the casualties).
    assert_eq!(t, ["raid"]);
    // Also when the window rules would read the trigger as a verb ("attack" after a name).
    let doc = coded(
        "Portal:Current events\n\nAftermath of the January 6 United States Capitol attack\n\nOath Keepers \
         founder Stewart Rhodes is sentenced to 18 years in prison.\n",
    );
    assert!(!triggers(&doc).contains(&"attack"), "{:?}", triggers(&doc));
    // A headline with a verb is an event.
    let doc = coded("Russia attacks Ukrainian ports\n\nThe strikes began at dawn.\n");
    assert!(triggers(&doc).contains(&"attacks"), "{:?}", triggers(&doc));
}

#[test]
fn casualties_of_a_disaster_or_an_accident_are_no_assault() {
    for text in [
        "Three people are killed by heavy snow and rainfall in Afghanistan.",
        "One person is killed and three others are injured in a train crash in Romania.",
        "A blizzard in the mountains of Uttarakhand, India, kills nine trekkers.",
        // The accident as an inflected verb the event lexicon does not hold.
        "An aircraft crashes in Tver Region, Russia, killing all ten people on board.",
        "A six-story apartment building collapses in Cairo, killing eight people.",
    ] {
        let doc = coded(text);
        assert!(
            !doc.events.iter().any(|e| e.event_type == "ASSAULT"),
            "{text}: {:?}",
            triggers(&doc)
        );
    }
    // An attack named in the sentence keeps its casualties.
    let doc = coded("Three soldiers are killed by a drone attack during a storm.");
    assert!(doc.events.iter().any(|e| doc.slice(e.span) == "killed"));
}

#[test]
fn a_participle_describing_a_noun_is_no_event_but_a_verb_after_its_subject_is() {
    let doc = coded(
        "The increasing number of military drills in Belarus will pose challenges for NATO. Russia increased \
         its troops in Belarus.\n",
    );
    let t = triggers(&doc);
    assert!(!t.contains(&"increasing"), "{t:?}");
    assert!(t.contains(&"increased"), "{t:?}");
    // Also after a verb, a few words before its noun.
    let doc = coded(
        "The Thai foreign minister announces that he visited jailed Myanmar democracy leader Aung San Suu \
         Kyi last week.\n",
    );
    let t = triggers(&doc);
    assert!(!t.contains(&"jailed"), "{t:?}");
    assert!(t.contains(&"visited"), "{t:?}");
}

#[test]
fn what_it_is_necessary_to_do_has_not_happened() {
    let doc = coded(
        "This means that it is necessary to increase the protection of the country's northern border.\n",
    );
    let e = event(&doc, "increase");
    assert_eq!(e.status, dossier_model::EventStatus::Hypothetical);
    // Also after "the importance / the intention of".
    let doc = coded("The importance of protecting transport routes to Ukraine is also growing.\n");
    let e = event(&doc, "protecting");
    assert_eq!(e.status, dossier_model::EventStatus::Hypothetical);
}

#[test]
fn what_a_feared_event_is_compared_with_has_happened() {
    let doc = coded(
        "Russia is preventing the development of a separate identity for fear of events similar to the \
         protests after the August 2020 presidential election.\n",
    );
    let e = event(&doc, "protests");
    assert_eq!(e.status, dossier_model::EventStatus::Occurred);
    // Without the comparison the feared event is only thought of.
    let doc = coded("Belarus fears new protests after the election.\n");
    let e = event(&doc, "protests");
    assert_eq!(e.status, dossier_model::EventStatus::Hypothetical);
}

#[test]
fn what_was_to_happen_is_planned() {
    let doc = coded("The new system was to guarantee security for medium-sized countries.\n");
    let e = event(&doc, "guarantee");
    assert_eq!(e.status, dossier_model::EventStatus::Planned);
}

#[test]
fn an_event_word_takes_the_modal_of_the_verb_it_depends_on() {
    let doc = coded(
        "Although new initiatives such as proposing a change in the security architecture may be expected, \
         these will be proposals from Russia.\n",
    );
    let e = event(&doc, "proposing");
    assert_eq!(e.status, dossier_model::EventStatus::Hypothetical);
}

#[test]
fn a_verb_and_its_event_noun_object_are_one_event() {
    let doc = coded(
        "In December 2022, Belarus and Russia agreed to further strengthen military cooperation.",
    );
    assert_eq!(triggers(&doc), ["agreed", "strengthen"]);
    assert_eq!(event(&doc, "strengthen").event_type, "COOPERATE");
    let doc = coded(
        "It was announced that the defence industries of the two countries will expand cooperation.",
    );
    assert_eq!(event(&doc, "expand cooperation").event_type, "COOPERATE");
    // What is imposed or committed is the event.
    let doc = coded(
        "The Biden administration imposes sanctions on the militant group for committing attacks in the \
         West Bank.",
    );
    let types: Vec<&str> = doc.events.iter().map(|e| e.event_type.as_str()).collect();
    assert_eq!(types, ["SANCTION", "ASSAULT"]);
}

#[test]
fn how_an_event_changes_is_no_event_of_its_own() {
    let doc = coded(
        "Mezentsev stated that military cooperation between the secret services of both countries is \
         strengthening.",
    );
    assert_eq!(triggers(&doc), ["cooperation"]);
}

#[test]
fn a_natural_force_that_strikes_is_no_strike_and_no_attack() {
    for text in [
        "Many buildings are damaged after a magnitude 5.1 earthquake strikes Muisne, Ecuador.\n",
        "At least 10 people are killed after lightning strikes across Odisha, India.\n",
        // The modifier in the plural.
        "A series of tornadoes strike Chicago, Illinois, prompting ground stops at O'Hare.\n",
    ] {
        let doc = coded(text);
        let t = triggers(&doc);
        assert!(!t.iter().any(|w| w.starts_with("strike")), "{text}: {t:?}");
    }
}

#[test]
fn receiving_a_party_hosts_a_visit_receiving_a_thing_does_not() {
    let doc = coded("Millions of people receive emergency alerts in the United Kingdom.\n");
    assert!(triggers(&doc).is_empty(), "{:?}", triggers(&doc));
    let doc = coded("Lukashenko received the Chinese delegation in Minsk on Monday.\n");
    assert_eq!(event(&doc, "received").mode.as_deref(), Some("host"));
}

#[test]
fn an_event_noun_that_modifies_another_is_part_of_its_name() {
    let doc =
        coded("On 10 February 2005, entrepreneurs in Belarus staged a one-day warning strike.\n");
    assert_eq!(triggers(&doc), ["strike"]);
}

#[test]
fn signing_an_agreement_is_one_event_dated_and_placed_by_its_object() {
    // "signed an agreement" is one signing: the verb's event, dated by what the noun phrase says
    // ("an agreement in Minsk on Monday"), placed in Minsk, which is no party to it.
    let doc = common::ingested(
        "Russia and Belarus signed an agreement in Minsk on Monday.\n",
        Some("2024-12-06"),
    );
    assert_eq!(triggers(&doc), ["signed"]);
    let e = event(&doc, "signed");
    assert_eq!(e.time.as_deref(), Some("2024-12-02"));
    assert_eq!(e.location.as_deref(), Some("Minsk"));
    assert!(e.recipients.is_empty(), "{:?}", e.recipients);
    // Also in the passive: "an agreement was signed".
    let doc = coded("An agreement on gas prices was signed by Russia and Belarus in Minsk.\n");
    assert_eq!(triggers(&doc), ["signed"]);
    // An object event of another type stays its own event ("condemned the attack").
    let doc = coded("Poland condemned the attack on the Ukrainian embassy.\n");
    assert_eq!(triggers(&doc), ["condemned", "attack"]);
}

#[test]
fn strike_with_an_object_is_an_attack_without_one_no_event_and_a_deal_an_agreement() {
    let doc = coded("Russian helicopters strike an oil refinery in Voronezh.\n");
    assert_eq!(event(&doc, "strike").event_type, "ASSAULT");
    let doc = coded("Teachers strike over pay in Nairobi.\n");
    assert!(triggers(&doc).is_empty(), "{:?}", triggers(&doc));
    let doc = coded("Russia and Belarus strike a deal on gas prices.\n");
    assert_eq!(triggers(&doc), ["strike"]);
    assert_eq!(event(&doc, "strike").event_type, "AGREE");
}

#[test]
fn forces_are_strengthened_by_someone_cooperation_that_strengthens_is_no_deployment() {
    // Both need the military cue; only the transitive use moves forces.
    let doc = coded(
        "Mezentsev said that Russia trains railway troops and that cooperation between the secret services \
         is strengthening.\n",
    );
    assert!(
        !doc.events.iter().any(|e| e.event_type == "MOBILIZE"),
        "{:?}",
        triggers(&doc)
    );
    let doc = coded("Russia strengthened its military units on the border with Finland.\n");
    assert_eq!(event(&doc, "strengthened").event_type, "MOBILIZE");
    // A past participle describing the forces moved has them as its object.
    let doc = coded("The number of Russian troops stationed in Belarus has doubled.\n");
    assert_eq!(event(&doc, "stationed").event_type, "MOBILIZE");
}

#[test]
fn settling_a_dispute_is_an_agreement_settling_in_a_country_is_not() {
    let doc = coded("Greece and North Macedonia settled their dispute over the name.\n");
    assert_eq!(event(&doc, "settled").event_type, "AGREE");
    let doc = coded(
        "The Union State gives citizens of Russia and Belarus the right to work and permanently settle in \
         either country.\n",
    );
    assert!(!triggers(&doc).contains(&"settle"), "{:?}", triggers(&doc));
}

#[test]
fn an_unpunctuated_line_too_long_for_a_heading_is_a_topic_too() {
    let doc = coded(
        "Russian invasion of Ukraine\n\nSouthern front of the Russian invasion of Ukraine, Attacks on \
         civilians in the Russian invasion of Ukraine\n\nA Russian missile strike hits a clinic in \
         Zaporizhzhia, Ukraine.\n",
    );
    assert_eq!(triggers(&doc), ["missile strike"]);
}

#[test]
fn a_threat_made_says_what_it_threatens_a_danger_does_not() {
    for text in [
        "It will be necessary to adapt allied defence to the military threats coming from Belarus.",
        "These policies constitute an unusual and extraordinary threat to the national security of the \
         United States.",
    ] {
        let doc = coded(text);
        assert!(
            !doc.events.iter().any(|e| e.event_type == "THREATEN"),
            "{text}: {:?}",
            triggers(&doc)
        );
    }
    for (text, trigger) in [
        (
            "Iran repeated its threat to cut off electricity to Nakhichevan.",
            "threat",
        ),
        (
            "The minister dismissed the threats of sanctions against Minsk.",
            "threats",
        ),
    ] {
        let doc = coded(text);
        assert!(
            doc.events
                .iter()
                .any(|e| e.event_type == "THREATEN" && doc.slice(e.span) == trigger),
            "{text}: {:?}",
            triggers(&doc)
        );
    }
}

#[test]
fn sharing_needs_something_shared() {
    for text in [
        "MS. JEAN-PIERRE: So, I don't have any intel or specifics to share.",
        "I just don't have anything else to share.",
    ] {
        let doc = coded(text);
        assert!(doc.events.is_empty(), "{text}: {:?}", triggers(&doc));
    }
    let doc = coded(
        "Israeli intelligence officials have shared evidence with the U.S. about the contacts.",
    );
    assert_eq!(triggers(&doc), ["shared"]);
}

#[test]
fn a_participle_glued_to_the_word_before_it_is_a_modifier() {
    let doc = coded(
        "He has been briefed on the severe storms and life-threatening flooding in the Northeast.",
    );
    assert!(
        !triggers(&doc).contains(&"threatening"),
        "{:?}",
        triggers(&doc)
    );
    // Spaced, it is a verb.
    let doc = coded("Russia is threatening Ukraine with new strikes.");
    assert!(
        triggers(&doc).contains(&"threatening"),
        "{:?}",
        triggers(&doc)
    );
}

#[test]
fn an_event_noun_in_the_name_of_a_body_is_no_event() {
    let doc = coded("A United States court of appeals upholds the law on Friday.");
    assert!(!triggers(&doc).contains(&"appeals"), "{:?}", triggers(&doc));
    let doc = coded("The Federal Bureau of Investigation reports that 1,110 people are missing.");
    assert!(
        !triggers(&doc).contains(&"Investigation"),
        "{:?}",
        triggers(&doc)
    );
    // Outside such a name it is a request.
    let doc = coded("Zuma appeals to the Constitutional Court to block the parliament.");
    assert!(triggers(&doc).contains(&"appeals"), "{:?}", triggers(&doc));
}
