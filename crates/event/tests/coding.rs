//! Coding rules beyond the lexicon: demands in reported speech, modifier retyping, references to past
//! instruments, negation scope of nominal events (segment + events only, no parse).
use dossier_model::{Component, Document, EventStatus};

fn events(text: &str) -> Document {
    let mut d = Document::new(text);
    dossier_segment::segment(&mut d);
    dossier_event::EventComponent::new().process(&mut d);
    d
}

#[test]
fn must_after_a_speech_verb_is_a_request_to_the_clause_subject() {
    let d = events("The German government declared on Tuesday that China must drop its barriers.");
    let e = d
        .events
        .iter()
        .find(|e| e.event_type == "REQUEST")
        .expect("a REQUEST");
    assert_eq!(d.slice(e.span), "must");
    assert_eq!(e.status, EventStatus::Occurred);
    let c = |a: &[dossier_model::EventArgument]| -> Vec<String> {
        a.iter().filter_map(|x| x.country.clone()).collect()
    };
    assert_eq!(c(&e.actors), ["DEU"]);
    assert_eq!(c(&e.recipients), ["CHN"]);
    // Without a speech verb "must" is no event.
    let d = events("China must drop its barriers.");
    assert!(!d.events.iter().any(|e| e.event_type == "REQUEST"));
}

#[test]
fn modifiers_retype_and_old_instruments_are_references() {
    let d = events("In 2022 Russia launched propaganda attacks against Poland.");
    let e = d
        .events
        .iter()
        .find(|e| d.slice(e.span) == "attacks")
        .expect("attacks");
    assert_eq!(e.event_type, "ACCUSE");
    let mut d = Document::new("Both sides signed a protocol amending the 1997 agreement.");
    d.meta.dct = dossier_model::Dct::given("2022-12-30");
    dossier_segment::segment(&mut d);
    dossier_event::EventComponent::new().process(&mut d);
    assert!(d.events.iter().any(|e| d.slice(e.span) == "signed"));
    assert!(!d.events.iter().any(|e| d.slice(e.span) == "agreement"));
}

#[test]
fn a_negated_clause_does_not_negate_a_nominal_event_outside_its_phrase() {
    let d = events("The union refused to meet the demands of the Russian government.");
    let demands = d
        .events
        .iter()
        .find(|e| d.slice(e.span) == "demands")
        .expect("demands");
    assert_ne!(demands.status, EventStatus::Negated);
    let d = events("There was no agreement between Russia and Belarus.");
    let a = d
        .events
        .iter()
        .find(|e| d.slice(e.span) == "agreement")
        .expect("agreement");
    assert_eq!(a.status, EventStatus::Negated);
}

#[test]
fn a_capitalized_cue_word_is_no_speech_verb() {
    // "Member States" is not "states that".
    let d = events("This means that the EU and its Member States must maintain support for Belarusian institutions.");
    assert!(!d.events.iter().any(|e| e.event_type == "REQUEST"));
}

#[test]
fn a_feared_event_is_hypothetical_and_the_one_who_fears_is_no_actor() {
    let d =
        events("The plan worries Ukraine, which fears another invasion from Belarusian territory.");
    let e = d
        .events
        .iter()
        .find(|e| d.slice(e.span) == "invasion")
        .expect("invasion");
    assert_eq!(e.status, EventStatus::Hypothetical);
    assert!(!e.actors.iter().any(|a| a.country.as_deref() == Some("UKR")));
}

fn countries(a: &[dossier_model::EventArgument]) -> Vec<String> {
    a.iter().filter_map(|x| x.country.clone()).collect()
}

#[test]
fn a_reaction_targets_the_actor_of_the_event_it_reacts_to() {
    // The addressee ("to the United Nations") is not the target of a complaint about Israeli raids.
    let d = events("Lebanon complained to the United Nations over two Israeli air raids.");
    let e = d
        .events
        .iter()
        .find(|e| d.slice(e.span) == "complained")
        .expect("complained");
    assert_eq!(e.event_type, "ACCUSE");
    assert_eq!(countries(&e.recipients), ["ISR"]);
    let d = events("Poland rejected the Russian proposal for talks with Ukraine.");
    let e = d
        .events
        .iter()
        .find(|e| d.slice(e.span) == "rejected")
        .expect("rejected");
    assert_eq!(countries(&e.recipients), ["RUS"]);
}

#[test]
fn two_word_verbs_match_with_the_object_between() {
    let d = events("Kenya forced the aid agency out of the country on Monday.");
    let e = d
        .events
        .iter()
        .find(|e| d.slice(e.span) == "forced")
        .expect("forced … out");
    assert_eq!(e.event_type, "SANCTION");
    let d = events("The union called the planned strike off after talks with the government.");
    assert!(d
        .events
        .iter()
        .any(|e| d.slice(e.span) == "called" && e.event_type == "CONCEDE"));
    // Not across a clause: "forced" and a later, unrelated "out".
    let d = events("Rebels forced villagers to march, and the army found out later.");
    assert!(!d.events.iter().any(|e| e.event_type == "SANCTION"));
}

#[test]
fn a_complaint_targets_the_agent_of_what_it_is_about() {
    let d = events("Students in Tbilisi protested against the arrests of journalists by Russian security forces.");
    let e = d
        .events
        .iter()
        .find(|e| d.slice(e.span) == "protested")
        .expect("protested");
    assert_eq!(countries(&e.recipients), ["RUS"]);
    // A passive complaint's "by" phrase is its actor, not a target.
    let d = events("The embargo was condemned by Turkey.");
    let e = d
        .events
        .iter()
        .find(|e| d.slice(e.span) == "condemned")
        .expect("condemned");
    assert!(!countries(&e.recipients).contains(&"TUR".to_string()));
}

/// Like `events`, keeping nominal events without participants (as the MEANTIME evaluation does).
fn all_events(text: &str) -> Document {
    let mut d = Document::new(text);
    dossier_segment::segment(&mut d);
    dossier_event::EventComponent::with_options(dossier_event::Options {
        keep_bare_nominals: true,
    })
    .process(&mut d);
    d
}

fn status_of(d: &Document, trigger: &str) -> EventStatus {
    d.events
        .iter()
        .find(|e| d.slice(e.span) == trigger)
        .unwrap_or_else(|| panic!("no event {trigger:?} in {:?}", d.text))
        .status
}

#[test]
fn prospective_and_passive_infinitives_are_future() {
    // After a contract / an agreement, a to-infinitive names what is still to be done.
    let d = all_events(
        "The consortium signed a contract with the ministry to supply weapons to the army.",
    );
    assert_eq!(status_of(&d, "supply"), EventStatus::Planned);
    let d =
        all_events("The ministers agreed in principle on Monday to provide aid for the region.");
    assert_eq!(status_of(&d, "provide"), EventStatus::Planned);
    let d = all_events("The new system is to be released next spring.");
    assert_eq!(status_of(&d, "released"), EventStatus::Planned);
    // A past infinitive of obligation stays a fact; a plain past stays occurred.
    let d = all_events("The wounded had to be evacuated by helicopter.");
    assert_ne!(status_of(&d, "evacuated"), EventStatus::Planned);
    let d = all_events("The army withdrew from the town on Monday.");
    assert_eq!(status_of(&d, "withdrew"), EventStatus::Occurred);
}

#[test]
fn headline_infinitive_is_future_and_a_sentence_is_not() {
    let d = all_events("Carmaker Zeta to cut 5,000 jobs");
    assert_eq!(status_of(&d, "cut"), EventStatus::Planned);
}

#[test]
fn requested_or_offered_nominal_events_are_future_and_cancelled_ones_negated() {
    let d = all_events("The union demanded the suspension of the talks.");
    assert_eq!(status_of(&d, "suspension"), EventStatus::Planned);
    let d = all_events("The trade deal was rejected by the senate on Friday.");
    assert_eq!(status_of(&d, "deal"), EventStatus::Negated);
    let d = all_events("Observers criticised the now-cancelled deal.");
    assert_eq!(status_of(&d, "deal"), EventStatus::Negated);
    // A deal that was made is not negated by a later clause of the sentence.
    let d = all_events("The two firms signed the deal in March, and shares rose.");
    assert_ne!(status_of(&d, "deal"), EventStatus::Negated);
}

#[test]
fn announced_future_acts_are_planned_intent_in_plover() {
    let d = all_events(
        "President Novak announced on Sunday that he will extend the curfew in the capital.",
    );
    let e = d
        .events
        .iter()
        .find(|e| d.slice(e.span) == "curfew")
        .expect("curfew");
    assert_eq!(e.status, EventStatus::Planned);
    // PLOVER codes a statement of intent to coerce as THREATEN.
    assert_eq!(dossier_event::export::plover_type(e), "THREATEN");
    // An announcement of a done act stays a report of it.
    let d = all_events("The company announced that it seeks new loans from the government.");
    assert_eq!(status_of(&d, "seeks"), EventStatus::Reported);
}

#[test]
fn ethnic_groups_take_the_country_of_the_place_and_people_the_place() {
    let d = events("Serbian police arrested ten ethnic Albanians in Serbia on Friday.");
    let e = d
        .events
        .iter()
        .find(|e| d.slice(e.span) == "arrested")
        .expect("arrested");
    let targets: Vec<String> = dossier_event::export::plover_targets(e)
        .iter()
        .filter_map(|a| a.country.clone())
        .collect();
    assert!(targets.contains(&"SRB".to_string()), "{targets:?}");
    assert!(!targets.contains(&"ALB".to_string()), "{targets:?}");
}

#[test]
fn cameo_dictionary_vocabulary_codes_new_verbs_and_patterns() {
    let d = events("The minister castigated the opposition on Monday.");
    assert!(d.events.iter().any(|e| e.event_type == "ACCUSE"));
    let d = events("Rebels ambushed an army convoy near the border.");
    assert!(d.events.iter().any(|e| e.event_type == "ASSAULT"));
    // A verb–object pattern with a plural object, split by a modifier.
    let d = events("The protesters burned effigies of the president.");
    assert!(
        d.events.iter().any(|e| e.event_type == "PROTEST"),
        "{:?}",
        d.events
    );
}

#[test]
fn unnamed_actors_take_the_country_of_the_place_in_plover_sources() {
    let sources = |text: &str, trigger: &str| -> Vec<String> {
        let d = events(text);
        let e = d
            .events
            .iter()
            .find(|e| d.slice(e.span) == trigger)
            .unwrap_or_else(|| panic!("{trigger} in {:?}", d.events));
        dossier_event::export::plover_sources(e)
            .iter()
            .filter_map(|a| a.country.clone())
            .collect()
    };
    let s = sources("A journalist was killed in Beirut on Friday.", "killed");
    assert_eq!(s, ["LBN"]);
    // A named actor keeps its own country only.
    let s = sources(
        "Syrian troops killed a journalist in Beirut on Friday.",
        "killed",
    );
    assert_eq!(s, ["SYR"]);
}

#[test]
fn a_mediation_between_two_sides_has_them_as_recipients() {
    let d = events("Turkey offered mediation between Armenia and Azerbaijan on Monday.");
    let e = d
        .events
        .iter()
        .find(|e| d.slice(e.span) == "mediation")
        .expect("mediation");
    assert_eq!(countries(&e.recipients), ["ARM", "AZE"]);
    assert!(!countries(&e.actors).contains(&"ARM".to_string()));
    // Talks between two sides are theirs.
    let d = events("Talks between Armenia and Azerbaijan resumed on Monday.");
    let e = d
        .events
        .iter()
        .find(|e| d.slice(e.span) == "Talks")
        .expect("talks");
    assert_eq!(countries(&e.actors), ["ARM", "AZE"]);
}

#[test]
fn a_country_led_force_is_of_the_leading_country() {
    let d = events("Saudi-led forces attacked the port of Hodeidah on Monday.");
    let e = d
        .events
        .iter()
        .find(|e| d.slice(e.span) == "attacked")
        .expect("attacked");
    assert_eq!(countries(&e.actors), ["SAU"]);
}

#[test]
fn lifting_sanctions_is_retreat_and_lifting_a_curfew_is_concede() {
    // CAMEO 085 (ease economic sanctions) is RETREAT in PLOVER; 081 (ease administrative sanctions) CONCEDE.
    let types = |text: &str| -> Vec<String> {
        events(text)
            .events
            .iter()
            .map(|e| e.event_type.clone())
            .collect()
    };
    assert!(
        types("The European Union lifted sanctions on Belarus.").contains(&"RETREAT".to_string())
    );
    assert!(types("Russia eased the embargo on Polish apples.").contains(&"RETREAT".to_string()));
    let curfew = types("Serbia lifted the night curfew in Montenegro.");
    assert!(curfew.contains(&"CONCEDE".to_string()), "{curfew:?}");
    assert!(!curfew.contains(&"RETREAT".to_string()), "{curfew:?}");
}

#[test]
fn verb_object_patterns_from_the_cameo_dictionary() {
    // "send" is no trigger alone; with troops as its object it is military cooperation (CAMEO 062).
    let d = events("Germany will send troops to Lithuania.");
    let e = d
        .events
        .iter()
        .find(|e| d.slice(e.span) == "send troops")
        .expect("send troops");
    assert_eq!(e.event_type, "COOPERATE");
    // The object must not sit in a prepositional phrase: "take place on … territory" is no seizure.
    let d = events("The drills will take place on Belarusian territory.");
    assert!(
        !d.events.iter().any(|e| d.slice(e.span) == "take"),
        "{:?}",
        d.events
    );
    // A pattern whose object is a trigger noun of its own leaves the event to the noun ("paid a visit").
    let d = events("Vladimir Putin paid his first visit to Minsk.");
    let consult: Vec<&str> = d
        .events
        .iter()
        .filter(|e| e.event_type == "CONSULT")
        .map(|e| d.slice(e.span))
        .collect();
    assert_eq!(consult, ["visit"]);
}

#[test]
fn a_negation_in_an_opening_subordinate_clause_stays_there() {
    let d = events(
        "Although it has not been made public, the Belarusian side expressed satisfaction with the findings.",
    );
    assert_eq!(
        status_of(&d, "expressed satisfaction"),
        EventStatus::Occurred
    );
    let d = events("Belarus has not expressed satisfaction with the findings.");
    assert_eq!(
        status_of(&d, "expressed satisfaction"),
        EventStatus::Negated
    );
}

#[test]
fn courtesy_formulas_are_no_events_but_thanking_someone_is() {
    for text in [
        "Thank you, Jake.",
        "Q Thanks, Karine.",
        "MR. SULLIVAN: Thank you so much.",
    ] {
        let d = events(text);
        assert!(d.events.is_empty(), "{text}: {:?}", d.events);
    }
    let d = events("President Biden thanked Poland for its support.");
    assert!(d
        .events
        .iter()
        .any(|e| d.slice(e.span) == "thanked" && e.event_type == "SUPPORT"));
}

#[test]
fn a_trigger_word_in_a_name_with_a_connector_is_no_event() {
    let d = events("The Treaty on the Creation of the Union State gives the council wide powers.");
    assert!(
        !d.events.iter().any(|e| d.slice(e.span) == "Treaty"),
        "{:?}",
        d.events
    );
    // Lower case, it is the event's noun.
    let d = events("Russia and Belarus signed a treaty on the creation of a joint air force.");
    assert!(d.events.iter().any(|e| e.event_type == "AGREE"));
}

#[test]
fn a_yes_no_question_asserts_none_of_its_verbs() {
    let d = events("Q Does the United States support Turkey's application to the EU?");
    let e = d
        .events
        .iter()
        .find(|e| d.slice(e.span) == "support")
        .expect("support");
    assert_eq!(e.status, EventStatus::Hypothetical);
    // A wh-question takes its event for granted; so does a statement.
    for text in [
        "Why did Russia attack the port?",
        "The United States supports Turkey's application to the EU.",
    ] {
        let d = events(text);
        assert!(
            d.events.iter().all(|e| e.status == EventStatus::Occurred),
            "{text}: {:?}",
            d.events
        );
    }
}
