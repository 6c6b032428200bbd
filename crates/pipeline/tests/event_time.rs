//! Which date an event gets, through every layer (the time tagger's timexes, tags, parse).

mod common;

use common::event;
use dossier_model::{Dct, Document};
use dossier_pipeline::{Config, Pipeline};

fn coded(text: &str, dct: &str) -> Document {
    let mut doc = Document::new(text);
    doc.meta.dct = Dct::given(dct);
    Pipeline::standard(&Config::default()).run(&mut doc);
    doc
}

#[test]
fn a_present_tense_report_is_dated_by_the_document_not_by_a_relative_clause() {
    let doc = coded(
        "On 2 May 2023 the army shelled the town. Turkey freezes the assets of a former commander, who \
         was killed in 2019.",
        "2023-05-25",
    );
    let freezes = event(&doc, "freezes");
    assert_eq!(freezes.time.as_deref(), Some("2023-05-25"));
    assert_eq!(freezes.time_source.as_deref(), Some("document"));
    // A date guessed from the text is no date of writing: the narrative date stays.
    let mut doc =
        Document::new("On 2 May 2023 the army shelled the town. Turkey freezes the assets.");
    Pipeline::standard(&Config::default()).run(&mut doc);
    assert_ne!(doc.meta.dct.source, dossier_model::DctSource::Given);
    assert_ne!(
        event(&doc, "freezes").time_source.as_deref(),
        Some("document")
    );
}

#[test]
fn a_past_tense_event_keeps_the_narrative_date() {
    let doc = coded(
        "On 3 March 2021 the army shelled the town. Later, troops attacked the port.",
        "2023-05-25",
    );
    let attacked = event(&doc, "attacked");
    assert_eq!(attacked.time.as_deref(), Some("2021-03-03"));
    assert_eq!(attacked.time_source.as_deref(), Some("narrative"));
}

#[test]
fn where_a_period_starts_is_not_when_the_event_happens() {
    let doc = coded(
        "Russia deployed nuclear weapons abroad in 2023. It was the first time that Russian troops \
         were deployed abroad since 1996.",
        "2023-06-30",
    );
    for e in &doc.events {
        assert_ne!(e.time.as_deref(), Some("1996"), "{}", doc.slice(e.span));
    }
    let doc = coded(
        "Russian troops attacked the port on 2 May 2023. It was the first time that troops were deployed \
         abroad since the 1996 withdrawal.",
        "2023-06-30",
    );
    assert_ne!(event(&doc, "deployed").time.as_deref(), Some("1996"));
}

#[test]
fn a_date_naming_another_thing_does_not_date_the_event_but_one_naming_the_event_does() {
    let doc = coded(
        "Both defence ministers signed a protocol amending the 1997 agreement.",
        "2022-12-30",
    );
    assert_ne!(event(&doc, "signed").time.as_deref(), Some("1997"));
    let doc = coded(
        "The ministers met in Washington while the World Bank held its Autumn meetings.",
        "2008-10-11",
    );
    let autumn = doc
        .timexes
        .iter()
        .find(|t| doc.slice(t.span) == "Autumn")
        .expect("a timex on Autumn");
    assert_eq!(event(&doc, "meetings").time, Some(autumn.value.clone()));
    // After a temporal preposition the dated thing places the event.
    let doc = coded(
        "Thousands joined the protests after the August 2020 presidential election.",
        "2022-12-30",
    );
    assert_eq!(event(&doc, "protests").time.as_deref(), Some("2020-08"));
}

#[test]
fn a_present_passive_report_is_dated_by_the_document() {
    let doc = coded(
        "On 2 May 2023 the army shelled the town. Three soldiers are killed in an attack on a checkpoint.",
        "2023-05-25",
    );
    let killed = event(&doc, "killed");
    assert_eq!(killed.time.as_deref(), Some("2023-05-25"));
    assert_eq!(killed.time_source.as_deref(), Some("document"));
}

#[test]
fn a_present_perfect_lead_is_the_news_of_the_day_but_not_later_in_the_story() {
    let doc = coded(
        "Belarus and Russia have signed an agreement on air defence. On 2 May 2023 the army shelled the \
         town. The rebels have already attacked the port.",
        "2023-05-25",
    );
    let signed = event(&doc, "signed");
    assert_eq!(signed.time.as_deref(), Some("2023-05-25"));
    assert_eq!(signed.time_source.as_deref(), Some("document"));
    let attacked = event(&doc, "attacked");
    assert_eq!(attacked.time.as_deref(), Some("2023-05-02"));
    assert_eq!(attacked.time_source.as_deref(), Some("narrative"));
}

#[test]
fn a_topic_heading_dates_the_story_under_it_only_with_a_day() {
    let digest = |heading: &str| {
        let doc = common::ingested(
            &format!(
                "Digest for 23 August 2023\n\n{heading}\n\nUkrainian forces attacked a depot near the border.\n"
            ),
            Some("2023-08-23"),
        );
        event(&doc, "attacked").time.clone()
    };
    // A topic's years are the topic's, not the story's: the document's year stays.
    assert_eq!(
        digest("2022–2023 western Russia attacks").as_deref(),
        Some("2023")
    );
    assert_eq!(
        digest("Border attacks of August 21–22, 2023").as_deref(),
        Some("2023-08-21/2023-08-22")
    );
}

#[test]
fn a_relative_clause_telling_when_the_event_took_place_dates_it() {
    let doc = coded(
        "On 3 March 2022 the army shelled the town. During the meeting between Putin and Mezentsev, which \
         took place on 21 December, Mezentsev praised the railway troops. During the meeting with Putin, \
         Lukashenka declared that Belarus recognised the need for talks.",
        "2022-12-27",
    );
    let meetings: Vec<_> = doc
        .events
        .iter()
        .filter(|e| doc.slice(e.span) == "meeting")
        .collect();
    assert_eq!(meetings.len(), 2, "{:?}", doc.events);
    assert_eq!(meetings[0].time.as_deref(), Some("2022-12-21"));
    assert_eq!(meetings[0].time_source.as_deref(), Some("sentence"));
    // Lukashenka's meeting with Putin is not the one Putin had with Mezentsev.
    assert_ne!(
        meetings[1].time_source.as_deref(),
        Some("coreference"),
        "{:?}",
        meetings[1]
    );
}

#[test]
fn a_date_naming_an_earlier_thing_or_another_event_does_not_date_the_clause() {
    // After "of" the date names the election, not the day of the sanctions.
    let doc = coded(
        "Today, on the anniversary of the fraudulent election of August 9, 2020, the President imposed \
         sanctions on Belarus.",
        "2021-08-09",
    );
    assert_eq!(
        event(&doc, "imposed sanctions").time.as_deref(),
        Some("2021-08-09")
    );
    // Behind another event noun, the date is that event's.
    let doc = coded(
        "Russia is preventing the development of a separate identity for fear of events similar to the \
         protests after the August 2020 presidential election.",
        "2022-12-27",
    );
    assert_eq!(event(&doc, "protests").time.as_deref(), Some("2020-08"));
    assert_ne!(event(&doc, "preventing").time.as_deref(), Some("2020-08"));
}

#[test]
fn a_date_in_what_is_announced_dates_the_event_not_the_announcement() {
    let doc = coded(
        "Russia and Belarus announced that joint military drills will take place in May 2023.",
        "2022-12-21",
    );
    let drills = event(&doc, "drills");
    assert_eq!(drills.time.as_deref(), Some("2023-05"), "{drills:?}");
    assert_ne!(drills.announced.as_deref(), Some("2023-05"), "{drills:?}");
}

#[test]
fn a_date_as_subject_or_object_dates_nothing_but_its_own_event_noun() {
    let doc = coded(
        "Russia and Belarus also declared the development of cultural cooperation, and 2023 was declared the \
         year of the Russian language. Tomorrow will be the first meeting of the NATO-Ukraine Council.",
        "2022-12-27",
    );
    let cooperation = event(&doc, "cooperation");
    assert_ne!(cooperation.time.as_deref(), Some("2023"), "{cooperation:?}");
    assert_ne!(
        cooperation.announced.as_deref(),
        Some("2023"),
        "{cooperation:?}"
    );
    assert_eq!(event(&doc, "meeting").time.as_deref(), Some("2022-12-28"));
}

#[test]
fn a_reported_present_is_the_day_of_the_report_and_an_infinitives_date_is_its_own() {
    let doc = coded(
        "On 3 March 2008 the army shelled the town. General Motors announced that it seeks $16.6 billion in \
         loans from the government.",
        "2009-02-18",
    );
    let seeks = event(&doc, "seeks");
    assert_eq!(seeks.time.as_deref(), Some("2009-02-18"), "{seeks:?}");
    let doc = coded(
        "Lukashenko promised to introduce a common currency on 1 January 2004.",
        "2001-05-02",
    );
    let promised = event(&doc, "promised");
    assert_ne!(promised.time.as_deref(), Some("2004-01-01"), "{promised:?}");
}

#[test]
fn a_present_the_tagger_reads_as_a_base_form_is_still_the_day_of_the_report() {
    let doc = coded(
        "On 2 May 2023 the army shelled the town. Russia and Belarus sign an agreement in Minsk.",
        "2023-05-25",
    );
    let sign = event(&doc, "sign");
    assert_eq!(sign.time.as_deref(), Some("2023-05-25"), "{sign:?}");
    // A base form after "to" or a modal is no present.
    let doc = coded(
        "On 2 May 2023 the army shelled the town. Russia and Belarus will sign an agreement in Minsk.",
        "2023-05-25",
    );
    assert_ne!(event(&doc, "sign").time_source.as_deref(), Some("document"));
}

#[test]
fn a_date_in_a_clause_describing_a_noun_does_not_move_the_story() {
    let doc = coded(
        "In December 2022, Belarus and Russia met in Minsk. According to Putin, the two countries have \
         implemented 60% of the programmes signed in November 2021. The Belarusian side expressed \
         satisfaction with the findings.",
        "2023-01-10",
    );
    assert_eq!(event(&doc, "signed").time.as_deref(), Some("2021-11"));
    assert_eq!(
        event(&doc, "expressed satisfaction").time.as_deref(),
        Some("2022-12")
    );
}

#[test]
fn a_nominal_event_takes_the_present_of_the_verb_it_is_an_argument_of() {
    // After a story dated 2021, a digest's present-tense item is the day's news, its event noun too.
    let doc = coded(
        "On 3 March 2021 the army shelled the town. Heavy fighting continues in Bakhmut.",
        "2024-12-10",
    );
    let fighting = event(&doc, "fighting");
    assert_eq!(fighting.time.as_deref(), Some("2024-12-10"));
    assert_eq!(fighting.time_source.as_deref(), Some("document"));
    // An event noun of a past-tense clause keeps the narrative's date.
    let doc = coded(
        "On 3 March 2021 the army shelled the town. Heavy fighting continued in Bakhmut.",
        "2024-12-10",
    );
    assert_eq!(event(&doc, "fighting").time.as_deref(), Some("2021-03-03"));
    // The tagger finds no verb in "A Russian missile strike kills four civilians" (kills/NNS); the -s of
    // the verb the window rules read still makes it a present.
    let doc = coded(
        "On 3 March 2021 the army shelled the town. A Russian missile strike kills four civilians in \
         Zaporizhzhia.",
        "2024-12-10",
    );
    assert_eq!(event(&doc, "kills").time.as_deref(), Some("2024-12-10"));
}

#[test]
fn a_habitual_present_is_no_news_of_the_day() {
    // "twice a year" (a SET timex) makes the present a rule, not a report: no date of writing, no
    // narrative date either.
    let doc = coded(
        "The treaty was signed on 8 December 1999. Regular sessions of the Parliamentary Assembly are \
         held twice a year.",
        "2025-08-12",
    );
    let sessions = event(&doc, "sessions");
    assert_eq!(sessions.time, None, "{sessions:?}");
}

#[test]
fn an_announcement_in_the_present_is_of_the_day_of_writing() {
    let doc = coded(
        "In 2022 Belarus held elections. Russian President Vladimir Putin announces that Russia will \
         station tactical nuclear weapons in Belarus by July.",
        "2023-03-25",
    );
    let e = event(&doc, "station");
    assert_eq!(e.announced.as_deref(), Some("2023-03-25"));
    assert_eq!(e.time.as_deref(), Some("2023-07"));
    // In the past tense it keeps the story's date.
    let doc = coded(
        "In 2022 Belarus held elections. Russian President Vladimir Putin announced that Russia will \
         station tactical nuclear weapons in Belarus by July.",
        "2023-03-25",
    );
    assert_eq!(event(&doc, "station").announced.as_deref(), Some("2022"));
}

#[test]
fn what_someone_said_would_happen_is_dated_by_the_saying_not_done_on_its_day() {
    let doc = coded(
        "On 5 January, Shoigu said Russia would deploy more troops to Belarus.",
        "2023-01-12",
    );
    let deploy = event(&doc, "deploy");
    assert_eq!(deploy.status, dossier_model::EventStatus::Planned);
    assert_eq!(deploy.announced.as_deref(), Some("2023-01-05"));
    assert_eq!(deploy.time, None);
}

#[test]
fn a_date_in_a_reported_clause_does_not_date_an_event_outside_it() {
    let doc = coded(
        "Under the agreement with Russia, Belarusian officials said the army will receive six new \
         aircraft in 2025.",
        "2023-05-25",
    );
    // (Nothing else in the sentence dates it.)
    assert_eq!(event(&doc, "agreement").time, None);
    // A date in the same complement clause as the event still dates it.
    let doc = coded(
        "Officials said Belarus and Russia will hold joint military exercises in 2025.",
        "2023-05-25",
    );
    assert_eq!(event(&doc, "exercises").time.as_deref(), Some("2025"));
}
