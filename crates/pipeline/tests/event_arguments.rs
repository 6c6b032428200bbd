//! Event arguments and status that need every layer (entities, parse).

mod common;

use common::{coded, event, ingested};
use dossier_model::{Document, Event, EventStatus};
use dossier_pipeline::{Config, Pipeline};

fn of_type<'a>(doc: &'a Document, event_type: &str) -> Vec<&'a Event> {
    doc.events
        .iter()
        .filter(|e| e.event_type == event_type)
        .collect()
}

fn names(args: &[dossier_model::EventArgument]) -> Vec<&str> {
    args.iter().map(|a| a.name.as_str()).collect()
}

/// The names of an event's actors, then its recipients.
fn parties(e: &Event) -> Vec<&str> {
    names(&e.actors)
        .into_iter()
        .chain(names(&e.recipients))
        .collect()
}

#[test]
fn a_continent_is_no_recipient() {
    let doc = coded(
        "Lukashenka declared that Belarus recognised the need to start discussions on a new security \
         architecture in Europe, in line with Russian expectations.",
    );
    let r = names(&event(&doc, "start discussions").recipients);
    assert!(!r.contains(&"Europe"), "{r:?}");
}

#[test]
fn a_name_glossing_the_word_before_it_is_no_recipient() {
    let doc = coded(
        "Alexander Lukashenka also announced the start of combat duty of the Iskander-M (NATO: SS-26 Stone) \
         and S-400 systems transferred to Belarus by Russia.",
    );
    let r = names(&event(&doc, "combat duty").recipients);
    // Nor is the agent of the systems' transfer ("by Russia").
    assert!(!r.contains(&"NATO") && !r.contains(&"Russia"), "{r:?}");
}

#[test]
fn a_relative_pronoun_subject_is_the_name_before_it() {
    let doc =
        coded("This creates new challenges for Ukraine, which is fighting Russia, and means more.");
    assert_eq!(names(&event(&doc, "fighting").actors), ["Ukraine"]);
}

#[test]
fn a_nominal_event_governed_by_a_verb_in_the_future_is_planned() {
    let doc = coded(
        "In practice, this will mean even closer joint defence planning and activities, going beyond the \
         existing arrangements, within the Regional Forces Group, military integration, and a permanent \
         Russian military presence in Belarus.",
    );
    assert_eq!(
        event(&doc, "military presence").status,
        EventStatus::Planned
    );
}

#[test]
fn of_after_a_noun_of_force_names_whom_it_is_done_to() {
    let doc = coded(
        "The bombing of Serbia by NATO continued. The siege of Sarajevo by Serb forces went on.",
    );
    let bombing = event(&doc, "bombing");
    assert_eq!(names(&bombing.actors), ["NATO"], "{bombing:?}");
    assert_eq!(names(&bombing.recipients), ["Serbia"], "{bombing:?}");
    let siege = event(&doc, "siege");
    assert_eq!(names(&siege.recipients), ["Sarajevo"], "{siege:?}");
}

#[test]
fn agents_after_a_name_and_its_acronym_are_that_names_people() {
    let doc = coded(
        "Georgia Farmers Union (GFU) officials demanded compensation from the government in Tbilisi.",
    );
    let a = &event(&doc, "demanded").actors;
    assert_eq!(names(a), ["officials"], "{a:?}");
    assert_eq!(a[0].country.as_deref(), Some("GEO"));
}

#[test]
fn a_heading_or_a_since_date_sets_no_time_for_the_stories_after_it() {
    // As a news digest lays it out: topic headings, each over its own story.
    let doc = common::ingested(
        "Digest for 25 March 2023\n\nNuclear weapons\n\nRussia will station nuclear weapons in Belarus. They \
         have not been deployed abroad since 1996.\n\nWagner Group\n\nWagner Group forces begin withdrawing \
         from Bakhmut.\n",
        Some("2023-03-25"),
    );
    assert!(
        doc.blocks
            .iter()
            .any(|b| b.kind == dossier_model::BlockKind::Heading),
        "{:?}",
        doc.blocks
    );
    let withdrawal = event(&doc, "withdrawing");
    assert_eq!(withdrawal.time.as_deref(), Some("2023"), "{withdrawal:?}");
    // Without headings, the year a period starts is still not when the next story happens.
    let doc = coded(
        "They have not been deployed abroad since 1996. Wagner Group forces begin withdrawing from Bakhmut.",
    );
    let withdrawal = event(&doc, "withdrawing");
    assert_ne!(withdrawal.time.as_deref(), Some("1996"), "{withdrawal:?}");
}

#[test]
fn without_a_verb_of_after_a_noun_of_force_still_names_whom_it_is_done_to() {
    // A digest's topic line has no verb, so the parse is not used; the word window must agree with it.
    let doc = coded("Russian invasion of Ukraine");
    let e = event(&doc, "invasion");
    assert_eq!(names(&e.actors), ["Russia"], "{e:?}");
    assert_eq!(names(&e.recipients), ["Ukraine"], "{e:?}");
}

#[test]
fn a_demonym_before_a_noun_of_attack_is_the_attacker() {
    let doc = coded("Two people were killed in a Russian drone strike on a market in Kharkiv.");
    let e = event(&doc, "drone strike");
    assert_eq!(e.event_type, "ASSAULT");
    assert_eq!(names(&e.actors), ["Russia"], "{e:?}");
    assert!(
        e.recipients
            .iter()
            .all(|r| r.country.as_deref() != Some("RUS")),
        "{e:?}"
    );
}

#[test]
fn a_passive_casualty_verb_has_its_victims_as_recipients_and_the_attacker_from_the_attack() {
    let mut doc = Document::new(
        "Senior commander Taleb Abdallah and three other militants are killed in an Israeli strike on a \
         house in Jwaya, Lebanon.",
    );
    doc.meta.dct = dossier_model::Dct::given("2024-06-11");
    Pipeline::standard(&Config::default()).run(&mut doc);
    let assaults = of_type(&doc, "ASSAULT");
    // One incident, one event: the strike (a strike that kills is no walkout), dated by the report.
    assert_eq!(assaults.len(), 1, "{:?}", doc.events);
    let strike = assaults[0];
    assert_eq!(doc.slice(strike.span), "strike");
    assert_eq!(strike.time.as_deref(), Some("2024-06-11"));
    let countries = |a: &[dossier_model::EventArgument]| -> Vec<String> {
        a.iter().filter_map(|x| x.country.clone()).collect()
    };
    assert_eq!(countries(&strike.actors), ["ISR"]);
    assert!(!countries(&strike.recipients).contains(&"ISR".to_string()));
}

#[test]
fn killed_and_injured_in_one_incident_are_one_assault_with_the_victims_as_recipients() {
    let doc = coded(
        "At least 40 Palestinians, including fourteen children, are killed and more than 70 injured \
         after an Israeli airstrike on a school in central Gaza.",
    );
    let assaults = of_type(&doc, "ASSAULT");
    assert_eq!(assaults.len(), 1, "{:?}", doc.events);
    assert_eq!(doc.slice(assaults[0].span), "airstrike");
    assert!(
        names(&assaults[0].actors).contains(&"Israel"),
        "{:?}",
        assaults[0]
    );
    // Without the attack named, the first casualty verb stands for the incident, victims as recipients.
    let doc = coded("Three Palestinians are killed and several others are injured in Jenin.");
    let assaults = of_type(&doc, "ASSAULT");
    assert_eq!(assaults.len(), 1, "{:?}", doc.events);
    assert_eq!(doc.slice(assaults[0].span), "killed");
    assert!(
        !names(&assaults[0].actors).contains(&"Palestine"),
        "{:?}",
        assaults[0]
    );
}

#[test]
fn a_participle_shares_the_modal_of_the_verb_it_hangs_on() {
    let doc = coded(
        "Russia will also continue to use Belarus as its proxy in its historical campaigns, accusing \
         Western countries of aggression.",
    );
    assert_eq!(event(&doc, "accusing").status, EventStatus::Planned);
    let doc = coded("Russia used Belarus as its proxy, accusing Western countries of aggression.");
    assert_eq!(event(&doc, "accusing").status, EventStatus::Occurred);
}

#[test]
fn would_is_a_future_in_what_was_said_or_promised_and_a_possibility_in_a_prediction() {
    for text in [
        "Shoigu said on Tuesday Russia would deploy more troops to Belarus.",
        "The ministry's statement that Russia would deploy more troops to Belarus surprised Kyiv.",
    ] {
        assert_eq!(
            event(&coded(text), "deploy").status,
            EventStatus::Planned,
            "{text}"
        );
    }
    let doc = coded("Analysts predicted that Russia would deploy more troops to Belarus.");
    assert_eq!(event(&doc, "deploy").status, EventStatus::Hypothetical);
}

#[test]
fn a_reporting_verb_after_the_event_reports_it_unless_it_says_something_else() {
    let doc = coded("North Korea threatened the United States, officials said.");
    assert_eq!(event(&doc, "threatened").status, EventStatus::Reported);
    let doc = coded(
        "North Korea threatened the United States, claiming that an American spy plane entered its \
         airspace.",
    );
    assert_eq!(event(&doc, "threatened").status, EventStatus::Occurred);
}

#[test]
fn talks_naming_no_party_just_after_talks_between_parties_are_between_them() {
    let doc = coded(
        "On 3 December, Belarus and Russia signed an agreement on joint air defence. The accord entered \
         into force on 13 March.",
    );
    assert_eq!(parties(event(&doc, "accord")), ["Belarus", "Russia"]);
    // Not without such talks before.
    let doc = coded("Flooding hit Minsk on 3 December. The accord entered into force on 13 March.");
    assert!(doc.events.iter().all(|e| doc.slice(e.span) != "accord"));
}

#[test]
fn a_purpose_after_an_effort_is_planned_and_the_act_of_whoever_makes_the_effort() {
    let doc = coded("Poland closed its border with Belarus in an effort to pressure Minsk.");
    let pressure = event(&doc, "pressure");
    assert_eq!(pressure.status, EventStatus::Planned);
    assert_eq!(names(&pressure.actors), ["Poland"]);
}

#[test]
fn what_is_called_for_or_agreed_on_has_not_happened() {
    let doc = coded("Archbishop Desmond Tutu on Sunday called for sanctions against Nigeria.");
    assert_eq!(event(&doc, "sanctions").status, EventStatus::Planned);
    let doc = coded("Russia and Ukraine agreed on a ceasefire in Donbas.");
    assert_eq!(event(&doc, "ceasefire").status, EventStatus::Planned);
}

#[test]
fn what_fails_to_happen_is_negated() {
    for text in [
        "Russia fails to agree with Ukraine on a ceasefire.",
        "Russia failed to agree with Ukraine on a ceasefire.",
    ] {
        assert_eq!(
            event(&coded(text), "agree").status,
            EventStatus::Negated,
            "{text}"
        );
    }
}

#[test]
fn an_ability_is_no_act() {
    let doc = coded("The order enhances our ability to impose sanctions on Belarus.");
    assert_eq!(
        event(&doc, "impose sanctions").status,
        EventStatus::Hypothetical
    );
    let doc = coded("Ukraine will be able to strike Russian airfields.");
    assert_eq!(event(&doc, "strike").status, EventStatus::Hypothetical);
}

#[test]
fn an_organisation_is_no_place() {
    let doc = coded("Israeli jets carried out an airstrike on a United Nations school in Gaza.");
    let e = event(&doc, "airstrike");
    assert_ne!(e.location.as_deref(), Some("United Nations"), "{e:?}");
}

#[test]
fn an_attack_that_kills_is_one_assault_dated_like_the_casualties() {
    let mut doc = Document::new(
        "The governor of Belgorod Oblast says that a Ukrainian attack killed three civilians. Four people \
         are killed in a Russian drone strike on a school in Romny.",
    );
    doc.meta.dct = dossier_model::Dct::given("2023-08-23");
    Pipeline::standard(&Config::default()).run(&mut doc);
    let assaults = of_type(&doc, "ASSAULT");
    let triggers: Vec<&str> = assaults.iter().map(|e| doc.slice(e.span)).collect();
    assert_eq!(triggers, ["attack", "drone strike"], "{:?}", doc.events);
    // The strike's own date would be the narrative's; the report's present tense gives the day.
    assert_eq!(assaults[1].time.as_deref(), Some("2023-08-23"));
    assert_eq!(assaults[1].time_source.as_deref(), Some("document"));
}

#[test]
fn an_attack_and_the_killing_it_caused_are_one_assault() {
    let doc = coded("Israeli forces subsequently raid the hospital, killing four doctors.");
    let assaults = of_type(&doc, "ASSAULT");
    assert_eq!(assaults.len(), 1, "{assaults:?}");
    assert_eq!(doc.slice(assaults[0].span), "raid");
    assert_eq!(
        (names(&assaults[0].actors), names(&assaults[0].recipients)),
        (vec!["Israel forces"], vec!["doctors"])
    );
    // Also a participle after the attack noun.
    let doc = coded(
        "Pro-Turkish factions have begun sectarian reprisal attacks killing at least three civilians in Manbij.",
    );
    let triggers: Vec<&str> = of_type(&doc, "ASSAULT")
        .iter()
        .map(|e| doc.slice(e.span))
        .collect();
    assert_eq!(triggers, ["attacks"]);
}

#[test]
fn a_place_with_a_version_number_names_a_concept_not_a_participant() {
    let doc = coded(
        "Its authorities also abandoned the concept of \"Helsinki 2.0\", which they promoted until 2020.",
    );
    let e = event(&doc, "abandoned");
    assert!(
        !names(&e.recipients).contains(&"Helsinki") && e.location.as_deref() != Some("Helsinki"),
        "{e:?}"
    );
    // A date after a place still leaves the place.
    let doc = coded("A meeting of the two presidents was held in Minsk 13–14 December 2007.");
    assert_eq!(event(&doc, "meeting").location.as_deref(), Some("Minsk"));
}

#[test]
fn the_questioners_label_in_a_transcript_is_nobody() {
    let doc = coded(
        "Q And do you have any update on the investigation into the cocaine at the White House?",
    );
    for e in &doc.events {
        assert!(!e.actors.iter().any(|a| a.name.starts_with('Q')), "{e:?}");
    }
}

#[test]
fn a_name_suffix_after_its_comma_is_no_actor_of_its_own() {
    let doc = coded(
        "Today, on the anniversary of the fraudulent Belarusian election of August 9, 2020, President Joseph \
         R. Biden, Jr. signed an Executive Order imposing further consequences upon Lukashenka.",
    );
    let e = event(&doc, "signed");
    assert!(!names(&e.actors).contains(&"Jr."), "{e:?}");
}

#[test]
fn what_an_event_noun_comes_from_is_its_source_not_its_target() {
    let doc = coded(
        "Hence, it will be necessary to adapt allied deterrence to the military attacks coming from Belarus.",
    );
    let e = event(&doc, "attacks");
    assert_eq!(
        (names(&e.actors), names(&e.recipients)),
        (vec!["Belarus"], vec![])
    );
    let doc = coded("Iran faces new sanctions from the European Union.");
    let e = event(&doc, "sanctions");
    assert_eq!(names(&e.actors), ["European Union"]);
    // Also where the parse hangs the "from" on another noun.
    let doc = coded(
        "The deepening cooperation between the secret services of Russia and Belarus will lead to an \
         increase in threats of sabotage from both countries in the spheres of information and cyber.",
    );
    let e = event(&doc, "threats");
    assert_eq!(
        (names(&e.actors), names(&e.recipients)),
        (vec!["Russia", "Belarus"], vec![])
    );
    // A withdrawal is from whom it is done to.
    let doc = coded("Russia announced its withdrawal from Georgia.");
    assert_eq!(names(&event(&doc, "withdrawal").recipients), ["Georgia"]);
}

#[test]
fn the_subject_of_a_verb_of_undergoing_is_the_target() {
    let doc = coded(
        "This will have negative consequences for Ukraine, which fears another invasion from Belarusian \
         territory.",
    );
    let e = event(&doc, "invasion");
    assert_eq!(names(&e.recipients), ["Ukraine"]);
    assert!(!names(&e.actors).contains(&"Ukraine"), "{:?}", e.actors);
    let doc = coded("Iran faces new sanctions from the European Union.");
    assert_eq!(names(&event(&doc, "sanctions").recipients), ["Iran"]);
}

#[test]
fn who_acts_in_the_clause_a_meeting_is_an_adverbial_of_took_part_in_it() {
    let doc = coded(
        "During the meeting with Putin, Lukashenka declared that Belarus recognised the need to start \
         discussions.",
    );
    let e = event(&doc, "meeting");
    assert_eq!(
        (names(&e.actors), names(&e.recipients)),
        (vec!["Alexander Lukashenko"], vec!["Vladimir Putin"])
    );
}

#[test]
fn a_meeting_does_not_give_its_host_the_guests_country() {
    let doc = coded(
        "National Security Advisor Jake Sullivan met yesterday with democratic opposition leader \
         Svyatlana Tsikhanouskaya of Belarus.",
    );
    let e = event(&doc, "met");
    assert_eq!(e.recipients[0].country.as_deref(), Some("BLR"));
    // The office before the name is the person's, no second actor (`cues.tsv`: "national security advisor").
    assert_eq!(names(&e.actors), ["Jake Sullivan"]);
    assert_ne!(
        e.actors[0].country.as_deref(),
        Some("BLR"),
        "{:?}",
        e.actors
    );
}

#[test]
fn they_after_a_meeting_are_its_parties_and_what_they_discuss_is_no_party() {
    let doc = coded(
        "Jake Sullivan met yesterday with opposition leader Sviatlana Tsikhanouskaya. Mr. Sullivan \
         underscored the support of the United States. They discussed the measures taken by the United \
         States against Russia's war on Ukraine.",
    );
    let met = event(&doc, "met");
    let discussed = event(&doc, "discussed");
    assert_eq!(names(&discussed.actors), names(&met.actors));
    assert_eq!(names(&discussed.recipients), names(&met.recipients));
    assert!(
        !names(&discussed.recipients).contains(&"Ukraine"),
        "{:?}",
        discussed.recipients
    );
}

#[test]
fn an_event_in_the_predicate_of_an_aim_is_only_thought_of() {
    let doc = coded(
        "These declarations indicate that Russia's goal is the progressive russification of Belarus, \
         preventing the development of a separate identity.",
    );
    assert_eq!(event(&doc, "preventing").status, EventStatus::Hypothetical);
}

#[test]
fn a_place_of_several_countries_takes_none_named_beside_it() {
    let doc = coded(
        "The increasing number of military drills in Belarus will also pose security challenges for \
         NATO's Eastern Flank.",
    );
    let e = event(&doc, "drills");
    let flank = e
        .recipients
        .iter()
        .chain(&e.actors)
        .find(|a| a.name.contains("Eastern Flank"))
        .expect("the flank is a participant");
    assert_eq!(flank.country, None);
}

#[test]
fn a_documents_designation_is_no_participant_or_place() {
    let doc = coded(
        "This E.O. provides strengthened authorities to raise the costs on the Lukashenka regime. \
         Specifically, this E.O. expands the scope of the national emergency declared in E.O. 13405 of \
         June 16, 2006, and blocks the property of Belarusian officials.",
    );
    assert!(!doc.events.is_empty());
    for e in &doc.events {
        let mut names = parties(e);
        names.extend(e.location.as_deref());
        assert!(names.iter().all(|n| !n.starts_with("E.O")), "{names:?}");
    }
}

#[test]
fn the_domain_of_an_office_is_no_part_of_the_name_after_it() {
    let doc = coded(
        "In response, Minister of State for Immigration Robert Jenrick reaffirmed the commitment to \
         reducing net migration.",
    );
    assert_eq!(names(&event(&doc, "reaffirmed").actors), ["Robert Jenrick"]);
}

#[test]
fn the_name_of_a_law_is_no_participant() {
    let doc = coded(
        "The Supreme Court rules that the Elections Clause does not give state legislatures sole power \
         over elections.",
    );
    for e in &doc.events {
        assert!(
            names(&e.actors).iter().all(|n| !n.contains("Clause")),
            "{:?}",
            e.actors
        );
    }
}

#[test]
fn an_organisation_between_a_title_and_a_persons_name_is_the_persons_affiliation() {
    let doc = coded(
        "In turn, during the meeting between Putin and the Secretary General of the Union State, Dmitry \
         Mezentsev, which took place on 21 December, Putin said that Russia would help.",
    );
    let all = parties(event(&doc, "meeting"));
    assert!(all.contains(&"Dmitry Mezentsev"), "{all:?}");
    assert!(!all.contains(&"Union State"), "{all:?}");
    // After a name, "of" names that person's country, not the next person's affiliation.
    let doc = coded(
        "A meeting between President Lukashenko of Belarus, President Vladimir Putin of Russia and State \
         Secretary Pavel Borodin took place in Minsk.",
    );
    let all = parties(event(&doc, "meeting"));
    assert!(all.contains(&"Belarus"), "{all:?}");
}

#[test]
fn agents_named_by_office_alone_are_those_of_the_countries_named_together() {
    let doc = coded(
        "Russia and Belarus signed a treaty. In addition, the foreign ministers agreed a plan of joint \
         actions of both countries in the international arena.",
    );
    let e = event(&doc, "agreed");
    let countries: Vec<_> = e.actors.iter().map(|a| a.country.as_deref()).collect();
    assert_eq!(countries, [Some("RUS"), Some("BLR")], "{:?}", e.actors);
}

#[test]
fn a_paragraph_led_by_a_topic_and_a_colon_takes_no_time_from_the_one_before() {
    let seeking_time = |second_label: &str| {
        let text = format!(
            "Transnistria: Already in spring 1998, most Transnistrian voters supported joining the Union \
             of Russia and Belarus.\n\n{second_label}: The Euromaidan movement was seeking integration \
             into the European Union.\n"
        );
        let doc = common::ingested(&text, Some("2025-08-12"));
        event(&doc, "seeking").time.clone()
    };
    assert_eq!(seeking_time("Ukraine"), None);
    // A speaker's label in capitals is no new topic: the story's time goes on.
    assert_eq!(seeking_time("MR. SULLIVAN").as_deref(), Some("1998-SP"));
}

#[test]
fn a_verb_coordinated_with_an_infinitive_has_the_subject_of_the_verb_above_both() {
    // "strengthen" is a conjunct of "create", which is the complement of "agreed": both countries act.
    let doc = coded(
        "In December 2022, Belarus and Russia agreed to create a common defence space and further \
         strengthen military cooperation.",
    );
    let a = names(&event(&doc, "strengthen").actors);
    assert_eq!(a, ["Belarus", "Russia"]);
    // A participle after the object ("use Belarus as its proxy …, accusing Poland") is the subject's act.
    let doc = coded(
        "Russia will also continue to use Belarus as its proxy in its historical campaigns, accusing \
         Western countries, including Poland, of promoting criminal ideologies.",
    );
    let e = event(&doc, "accusing");
    assert_eq!(names(&e.actors), ["Russia"]);
}

#[test]
fn a_gerund_after_of_or_for_is_the_act_of_the_verbs_object() {
    let doc = coded(
        "The Ministry of Defence in Russia accuses Azerbaijan of violating the 2020 ceasefire agreement.",
    );
    assert_eq!(names(&event(&doc, "violating").actors), ["Azerbaijan"]);
}

#[test]
fn an_organisation_named_after_its_state_is_one_actor_of_that_state() {
    let doc = coded(
        "The Israel Defense Forces accused Hezbollah of attempting to destroy the border barrier.",
    );
    let e = event(&doc, "accused");
    assert_eq!(names(&e.actors), ["Israel Defense Forces"]);
    assert_eq!(e.actors[0].country.as_deref(), Some("ISR"));
    assert_eq!(e.actors[0].sector.as_deref(), Some("MIL"));
    assert_eq!(names(&event(&doc, "destroy").actors), ["Hezbollah"]);
}

#[test]
fn a_demonym_and_title_before_a_name_are_that_persons_and_no_second_actor() {
    let doc =
        coded("Belarusian President Alexander Lukashenko promised to introduce a common currency.");
    let e = event(&doc, "promised");
    assert_eq!(names(&e.actors), ["Alexander Lukashenko"]);
    assert_eq!(e.actors[0].country.as_deref(), Some("BLR"));
}

#[test]
fn a_cancel_word_before_a_preposition_does_not_undo_the_event_after_it() {
    let doc = coded("Six people are killed during protests in Nairobi against tax increases.");
    assert_eq!(event(&doc, "protests").status, EventStatus::Occurred);
    let doc = coded("Officials discussed the cancelled talks between Russia and Ukraine.");
    assert_eq!(event(&doc, "talks").status, EventStatus::Negated);
}

#[test]
fn what_is_undone_far_from_its_noun_is_negated() {
    // The passive verb is eight words after the noun: only the parse ties them.
    let doc = coded(
        "A bailout deal between Russia and Belarus, two close allies, has been rejected by parliament.",
    );
    assert_eq!(event(&doc, "deal").status, EventStatus::Negated);
    // An object three words after the verb (the window looks two words back from the noun).
    let doc = coded("The Senate rejected the proposed bailout deal between Russia and Belarus.");
    assert_eq!(event(&doc, "deal").status, EventStatus::Negated);
    // An undoing that is itself denied undoes nothing.
    let doc = coded(
        "A bailout deal between Russia and Belarus, two close allies, was not rejected by parliament.",
    );
    assert_ne!(event(&doc, "deal").status, EventStatus::Negated);
}

#[test]
fn a_date_in_a_clause_marked_as_earlier_dates_that_clause_only() {
    let doc = ingested(
        "UNESCO accepts the U.S. as a member after it withdrew from the organization in 2018.",
        Some("2023-07-11"),
    );
    assert_eq!(event(&doc, "accepts").time.as_deref(), Some("2023-07-11"));
    assert_eq!(event(&doc, "withdrew").time.as_deref(), Some("2018"));
}

#[test]
fn the_country_is_the_state_its_sentence_named_first() {
    let doc = coded(
        "President of France Emmanuel Macron announces that the country will send aircraft to Ukraine \
         and train its pilots.",
    );
    assert_eq!(names(&event(&doc, "train").actors), ["France"]);
}

#[test]
fn sending_aircraft_to_a_state_is_military_aid() {
    let doc = coded("France will send fighter aircraft to Ukraine.");
    let e = event(&doc, "send");
    assert_eq!(e.event_type, "AID");
    assert_eq!(parties(e), ["France", "Ukraine"]);
}

#[test]
fn a_demonym_before_an_event_phrase_that_starts_with_an_agent_noun_is_its_actor() {
    let doc = coded("This will mean a permanent Russian military presence in Belarus.");
    let e = event(&doc, "military presence");
    assert_eq!(
        e.actors
            .iter()
            .map(|a| a.country.as_deref())
            .collect::<Vec<_>>(),
        [Some("RUS")]
    );
}

#[test]
fn a_two_word_title_before_a_name_leaves_no_stray_actor() {
    let doc = coded("In the same meeting, State Secretary Borodin announced the budget.");
    assert_eq!(names(&event(&doc, "meeting").actors), ["Pavel Borodin"]);
}

#[test]
fn an_agent_noun_of_a_state_or_body_is_that_ones_people() {
    let doc = coded(
        "On 26 December, on the sidelines of the informal summit of the leaders of the CIS countries, \
         negotiations continued.",
    );
    let e = event(&doc, "summit");
    assert_eq!(e.actors.len(), 1, "{:?}", parties(e));
    assert_eq!(e.actors[0].sector.as_deref(), Some("GOV"));
    assert!(e.recipients.is_empty(), "{:?}", parties(e));
    // A name right after the office is the holder's.
    let doc =
        coded("On Monday, President of Belarus Alexander Lukashenko met the delegation in Minsk.");
    assert_eq!(names(&event(&doc, "met").actors), ["Alexander Lukashenko"]);
}

#[test]
fn an_event_promised_by_a_verbs_object_is_that_verbs_subjects() {
    let doc = coded(
        "The EU must maintain support for institutions operating outside Belarus, including the media, \
         and maintain guarantees of future assistance.",
    );
    assert_eq!(names(&event(&doc, "assistance").actors), ["European Union"]);
}

#[test]
fn a_demonym_before_an_unknown_name_is_its_first_word() {
    let doc = coded(
        "The United States Department of State sanctions several Georgian Dream politicians with travel bans.",
    );
    let e = event(&doc, "sanctions");
    assert_eq!(names(&e.recipients), ["Georgian Dream"]);
    assert_eq!(e.recipients[0].country.as_deref(), Some("GEO"));
}

#[test]
fn a_name_with_a_plural_possessive_is_one_name_and_acts_in_the_for_gerund_after_it() {
    let doc = coded(
        "The Biden administration imposes sanctions on the Lions' Den militant group based in Nablus in \
         the West Bank, for committing attacks in the West Bank since October 2022.",
    );
    assert_eq!(
        names(&event(&doc, "imposes sanctions").recipients),
        ["Lions' Den"]
    );
    assert_eq!(
        names(&event(&doc, "committing attacks").actors),
        ["Lions' Den"]
    );
}

#[test]
fn its_agents_as_subject_are_those_of_the_state_named_last_before() {
    let doc = coded(
        "After the deletion of the point about Belarus' pursuit of neutrality, its authorities also \
         abandoned the concept.",
    );
    let e = event(&doc, "abandoned");
    assert_eq!(e.actors.len(), 1, "{:?}", parties(e));
    assert_eq!(e.actors[0].country.as_deref(), Some("BLR"));
    assert_eq!(e.actors[0].sector.as_deref(), Some("GOV"));
    // As an object they are the subject's own, not a target.
    let doc = coded("Israel has strengthened its forces in Lebanon.");
    assert!(
        event(&doc, "strengthened")
            .recipients
            .iter()
            .all(|a| a.country.as_deref() != Some("ISR")),
        "{:?}",
        parties(event(&doc, "strengthened"))
    );
}

#[test]
fn the_subject_of_a_passive_is_whom_it_is_done_to_even_without_an_agent() {
    let doc =
        coded("An Antonov An-26 transport plane is reportedly shot down over Voronezh Oblast.");
    let e = event(&doc, "shot down");
    assert!(names(&e.actors).is_empty(), "{:?}", e.actors);
    // The maker's name before the model's designation.
    assert_eq!(names(&e.recipients), ["Antonov"]);
}

#[test]
fn a_number_word_opening_a_sentence_is_no_participant() {
    let doc =
        coded("Eighty UN peacekeepers were shipped out of the eastern Bosnian enclave of Gorazde.");
    let e = event(&doc, "shipped out");
    assert!(
        !names(&e.recipients).contains(&"Eighty"),
        "{:?}",
        e.recipients
    );
}

#[test]
fn an_event_as_subject_brings_its_actors_and_its_places_are_where() {
    let doc = coded(
        "A Russian drone strike on agricultural facilities in Izmail, Odesa Oblast, destroys 13,000 tons \
         of grain.",
    );
    let e = event(&doc, "destroys");
    assert_eq!(names(&e.actors), ["Russia"]);
    assert_eq!(e.location.as_deref(), Some("Izmail"));
}

#[test]
fn a_model_designation_is_no_participant() {
    let doc = coded("Russian Air Force Ka-50 helicopters strike an oil refinery in Voronezh.");
    assert_eq!(names(&event(&doc, "strike").actors), ["Air Force"]);
}

#[test]
fn office_holders_of_no_named_country_meet_for_the_countries_of_the_meeting_before() {
    let doc = coded(
        "On 19 December 2022, Vladimir Putin paid his first visit to Minsk. Moreover, on that same day, \
         consultations of foreign ministers and defence ministers were also held in the Belarusian capital.",
    );
    let e = event(&doc, "consultations");
    let got: Vec<(&str, Option<&str>)> = e
        .actors
        .iter()
        .map(|a| (a.name.as_str(), a.country.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("foreign ministers", Some("RUS")),
            ("foreign ministers", Some("BLR")),
            ("defence ministers", Some("RUS")),
            ("defence ministers", Some("BLR")),
        ]
    );
    // Without a meeting before, they stay unknown.
    let doc = coded("Consultations of foreign ministers were held in the Belarusian capital.");
    assert!(event(&doc, "Consultations").actors.is_empty());
}

#[test]
fn who_holds_a_summit_does_not_hold_the_talks_on_its_sidelines() {
    let doc = coded(
        "Then, on 26-27 December in Saint Petersburg, on the sidelines of the informal summit of the leaders \
         of the CIS countries, negotiations continued on deepening economic integration.",
    );
    assert!(!event(&doc, "summit").actors.is_empty());
    let a = names(&event(&doc, "negotiations").actors);
    assert!(!a.iter().any(|n| n.contains("leaders")), "{a:?}");
}

#[test]
fn what_is_agreed_to_be_done_is_planned_also_in_a_coordination() {
    let doc = coded(
        "In December 2022, Belarus and Russia agreed to create a common defence space and further \
         strengthen military cooperation.",
    );
    assert_eq!(event(&doc, "agreed").status, EventStatus::Occurred);
    assert_eq!(event(&doc, "strengthen").status, EventStatus::Planned);
}

#[test]
fn a_deadline_after_by_leaves_the_subject_the_actor() {
    let doc = coded(
        "Russian President Vladimir Putin announced that Russia will station tactical nuclear weapons in \
         Belarus by July.",
    );
    let e = event(&doc, "station");
    assert_eq!(names(&e.actors), ["Russia"]);
    assert_eq!(names(&e.recipients), ["Belarus"]);
}

#[test]
fn a_city_naming_a_meeting_is_where_it_is_held() {
    let doc = coded(
        "Hence, it will be necessary to further adapt allied deterrence and defence to the military threats \
         coming from Belarus, which may be the subject of the decisions of the Vilnius summit in July 2023.",
    );
    assert_eq!(event(&doc, "summit").location.as_deref(), Some("Vilnius"));
    // A state before the noun is who acts, not where.
    let doc = coded("A Russian strike hit the port.");
    assert_eq!(names(&event(&doc, "strike").actors), ["Russia"]);
}

#[test]
fn the_country_after_a_city_is_where_not_who() {
    let doc = coded(
        "A Russian missile strike kills ten civilians in Zaporizhzhia, Ukraine, and injures four others, \
         including two children.",
    );
    for e in &doc.events {
        assert!(
            !names(&e.actors).contains(&"Ukraine"),
            "{}: {:?}",
            doc.slice(e.span),
            names(&e.actors)
        );
    }
}

#[test]
fn where_the_object_comes_from_is_no_recipient() {
    let doc = coded("The importance of protecting transport routes from NATO countries to Ukraine is also growing.");
    assert_eq!(names(&event(&doc, "protecting").recipients), ["Ukraine"]);
}

#[test]
fn a_nominal_event_owned_by_an_unnamed_noun_takes_no_other_actor() {
    let doc = coded(
        "They discussed the recent measures taken by the United States in response to the regime's ongoing \
         crackdown against the pro-democracy movement.",
    );
    assert!(
        doc.events
            .iter()
            .all(|e| !names(&e.actors).contains(&"United States")),
        "{:?}",
        doc.events
    );
    // A named owner is the actor.
    let doc = coded("They discussed the Belarusian government's crackdown against the opposition.");
    assert_eq!(
        names(&event(&doc, "crackdown").actors),
        ["Belarus government"]
    );
}

#[test]
fn a_common_word_that_opens_the_sentence_is_no_party() {
    let doc = coded(
        "Hunger strikes occur in at least 16 prisons in Venezuela to protest against poor living conditions.",
    );
    for e in &doc.events {
        assert!(!parties(e).contains(&"Hunger"), "{e:?}");
    }
    // A name that opens the sentence stays one.
    let doc = coded("Hamas gunmen attacked an Israeli kibbutz.");
    assert_eq!(names(&event(&doc, "attacked").actors), ["Hamas"]);
}

#[test]
fn a_group_is_named_by_the_name_beside_its_description() {
    let doc = coded(
        "At least 42 women are abducted by Islamic extremist group Boko Haram in Jere, Borno State, Nigeria.",
    );
    let e = event(&doc, "abducted");
    assert_eq!(names(&e.actors), ["Boko Haram"]);
    assert_eq!(e.actors[0].sector.as_deref(), Some("REB"));
    let doc = coded(
        "The administration imposes sanctions on the Lions' Den militant group based in Nablus, for committing \
         attacks in the West Bank.",
    );
    let e = event(&doc, "imposes sanctions");
    assert_eq!(names(&e.recipients), ["Lions' Den"]);
    assert_eq!(e.recipients[0].sector.as_deref(), Some("REB"));
}
