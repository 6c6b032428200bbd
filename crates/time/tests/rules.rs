//! One test per rule group of `resources/time/rules.txt` (plus modifiers, false positives and anchoring).

use dossier_model::TimexType;
use dossier_time::{check_tables, Anchoring, TimeTagger};

/// (text, type, value) of every expression found.
fn tag(text: &str, dct: &str, mode: Anchoring) -> Vec<(String, TimexType, String)> {
    TimeTagger::new(mode)
        .tag_text(text, Some(dct))
        .into_iter()
        .map(|t| (text[t.span.start..t.span.end].to_string(), t.kind, t.value))
        .collect()
}

fn news(text: &str, dct: &str) -> Vec<(String, TimexType, String)> {
    tag(text, dct, Anchoring::News)
}

fn has(found: &[(String, TimexType, String)], text: &str, ty: TimexType, value: &str) -> bool {
    found
        .iter()
        .any(|(t, k, v)| t == text && *k == ty && v == value)
}

macro_rules! expect {
    ($found:expr, $text:expr, $ty:ident, $value:expr) => {
        assert!(
            has(&$found, $text, TimexType::$ty, $value),
            "expected {:?} {} {:?} in {:?}",
            $text,
            stringify!($ty),
            $value,
            $found
        );
    };
}

#[test]
fn tables_parse() {
    let n = check_tables().expect("data tables parse");
    assert!(n > 50, "only {n} rules");
}

#[test]
fn group_absolute() {
    let f = news(
        "On 19 December 2022 and on March 5, 1918 and in November 2021 and in 2023.",
        "2022-12-30",
    );
    expect!(f, "19 December 2022", Date, "2022-12-19");
    expect!(f, "March 5, 1918", Date, "1918-03-05");
    expect!(f, "November 2021", Date, "2021-11");
    expect!(f, "2023", Date, "2023");
    let f = news("It happened in the 1990s, in the 19th century, in 480 BC, on 2022-12-19 and in the summer of 2020.", "2022-12-30");
    expect!(f, "the 1990s", Date, "199");
    expect!(f, "the 19th century", Date, "18");
    expect!(f, "480 BC", Date, "BC0480");
    expect!(f, "2022-12-19", Date, "2022-12-19");
    expect!(f, "the summer of 2020", Date, "2020-SU");
    let f = news("Growth slowed in the first quarter of 2023.", "2023-05-01");
    expect!(f, "the first quarter of 2023", Date, "2023-Q1");
    let f = news("Portal:Current events/2023 May 25", "2023-05-26");
    expect!(f, "2023 May 25", Date, "2023-05-25");
}

#[test]
fn group_relative() {
    let f = news(
        "Yesterday the minister said prices rose last year and will rise next month.",
        "2013-03-22",
    );
    expect!(f, "Yesterday", Date, "2013-03-21");
    expect!(f, "last year", Date, "2012");
    expect!(f, "next month", Date, "2013-04");
    let f = news(
        "Three days ago talks failed; they resume this week. He is now in Minsk.",
        "2013-03-22",
    );
    expect!(f, "Three days ago", Date, "2013-03-19");
    expect!(f, "this week", Date, "2013-W12");
    expect!(f, "now", Date, "PRESENT_REF");
    // A comparison period: the period last mentioned (even a DCT-relative one), one year back.
    let f = news(
        "Sales fell in February, down from the same period last year; in the same month a year ago \
         they rose.",
        "2010-03-02",
    );
    expect!(f, "the same period last year", Date, "2009-02");
    expect!(f, "the same month a year ago", Date, "2009-02");
    let f = news(
        "These days markets are calm, but right now nobody trades.",
        "2013-03-22",
    );
    expect!(f, "These days", Date, "PRESENT_REF");
    expect!(f, "right now", Date, "PRESENT_REF");
}

#[test]
fn group_duration() {
    let f = news("The war lasted three years and the siege 18 months; a five-year plan ran for several weeks.", "2013-03-22");
    expect!(f, "three years", Duration, "P3Y");
    expect!(f, "18 months", Duration, "P18M");
    expect!(f, "five-year", Duration, "P5Y");
    expect!(f, "several weeks", Duration, "PXW");
    let f = news(
        "The price was set for the next three years, after two and a half days of talks.",
        "2022-12-30",
    );
    expect!(f, "the next three years", Duration, "P3Y");
    expect!(f, "two and a half days", Duration, "P2.5D");
    // A fraction is "three quarters of"; "two consecutive quarters of decline" is a duration.
    let f = news(
        "Japan had two consecutive quarters of decline; three-quarters of the army left.",
        "2009-05-20",
    );
    expect!(f, "two consecutive quarters", Duration, "P6M");
    assert_eq!(f.len(), 1, "{f:?}");
    let f = news(
        "After four more days of fighting, the city fell.",
        "2022-12-30",
    );
    expect!(f, "four more days", Duration, "P4D");
    let f = news(
        "Over the next couple of days allies decide; in the past couple of weeks prices fell.",
        "2022-12-30",
    );
    expect!(f, "the next couple of days", Duration, "P2D");
    expect!(f, "the past couple of weeks", Duration, "P2W");
}

#[test]
fn group_time() {
    let f = news(
        "The vote closed at 10:30 a.m. and the results came this morning at 14:00 UTC.",
        "2013-03-22",
    );
    expect!(f, "10:30 a.m.", Time, "2013-03-22T10:30");
    // A part of the day and a clock time next to each other make one TIME.
    expect!(f, "this morning at 14:00 UTC", Time, "2013-03-22T14:00Z");
    let f = news("Results came this morning.", "2013-03-22");
    expect!(f, "this morning", Time, "2013-03-22TMO");
    let f = news(
        "Troops moved at night and struck in the morning.",
        "2013-03-22",
    );
    expect!(f, "night", Time, "2013-03-22TNI");
    expect!(f, "the morning", Time, "2013-03-22TMO");
}

#[test]
fn date_and_clock_time_merge() {
    // Clock times glued to am/pm, and a date next to a clock time, make one TIME.
    let f = news(
        "They meet tomorrow at 8pm and again Friday 9am.",
        "2016-11-07",
    );
    expect!(f, "tomorrow at 8pm", Time, "2016-11-08T20:00");
    let f = news("The call is at 3pm today.", "2016-11-07");
    expect!(f, "3pm today", Time, "2016-11-07T15:00");
    let f = news("The talks will resume 9 a.m. on Tuesday.", "2016-11-07");
    expect!(f, "9 a.m. on Tuesday", Time, "2016-11-08T09:00");
    let f = news("He left at 8am this morning.", "2016-11-07");
    expect!(f, "8am this morning", Time, "2016-11-07T08:00");
    // A lone number glued to letters other than am/pm stays out.
    assert!(news("The 3G network and 400km road.", "2016-11-07").is_empty());
}

#[test]
fn group_set() {
    let f = news(
        "Inspections happen every week, the board meets on Mondays and reports are filed annually.",
        "2013-03-22",
    );
    expect!(f, "every week", Set, "P1W");
    expect!(f, "Mondays", Set, "XXXX-WXX-1");
    expect!(f, "annually", Set, "P1Y");
}

#[test]
fn group_range() {
    let tt = TimeTagger::new(Anchoring::News);
    let text = "Talks ran on 26-27 December 2022; programmes for 2024-2026 were agreed.";
    let found = tt.tag_text(text, Some("2022-12-30"));
    let r = found
        .iter()
        .find(|t| &text[t.span.start..t.span.end] == "26-27 December 2022")
        .expect("range");
    let range = r.range.as_ref().expect("range kept");
    assert_eq!(
        (range.begin.as_str(), range.end.as_str()),
        ("2022-12-26", "2022-12-27")
    );
    let bs = range.begin_span.expect("begin span");
    assert_eq!(&text[bs.start..bs.end], "26");
    let r = found
        .iter()
        .find(|t| &text[t.span.start..t.span.end] == "2024-2026")
        .expect("year range");
    let range = r.range.as_ref().expect("range kept");
    assert_eq!((range.begin.as_str(), range.end.as_str()), ("2024", "2026"));
    let text = "Exercises are planned from May to July 2023 and between 2020 and 2022.";
    let found = tt.tag_text(text, Some("2022-12-30"));
    let r = found
        .iter()
        .find(|t| &text[t.span.start..t.span.end] == "May to July 2023")
        .expect("month range");
    let range = r.range.as_ref().expect("range");
    assert_eq!(
        (range.begin.as_str(), range.end.as_str()),
        ("2023-05", "2023-07")
    );
    let r = found
        .iter()
        .find(|t| &text[t.span.start..t.span.end] == "2020 and 2022")
        .expect("between range");
    assert_eq!(r.range.as_ref().map(|r| r.end.as_str()), Some("2022"));
    // A two-digit end year takes the start's century.
    let text = "He fought in the war of 1980-88 and in 1890-95 lived abroad.";
    let found = tt.tag_text(text, Some("2022-12-30"));
    for (span, end) in [("1980-88", "1988"), ("1890-95", "1895")] {
        let r = found
            .iter()
            .find(|t| &text[t.span.start..t.span.end] == span)
            .expect(span);
        assert_eq!(r.range.as_ref().map(|r| r.end.as_str()), Some(end));
    }
}

#[test]
fn modifiers() {
    let tt = TimeTagger::new(Anchoring::News);
    let text = "Early 2023 saw protests; since 2020 the regime has ruled for more than two years, until about mid-2024.";
    let found = tt.tag_text(text, Some("2023-06-01"));
    let get = |s: &str| {
        found
            .iter()
            .find(|t| &text[t.span.start..t.span.end] == s)
            .unwrap_or_else(|| panic!("{s} in {found:?}"))
    };
    assert_eq!(get("Early 2023").modifier.as_deref(), Some("START"));
    assert_eq!(get("2020").modifier.as_deref(), Some("ON_OR_AFTER"));
    assert_eq!(
        get("more than two years").modifier.as_deref(),
        Some("MORE_THAN")
    );
    assert_eq!(get("mid-2024").modifier.as_deref(), Some("MID"));
}

#[test]
fn false_positives() {
    let f = news(
        "Belarus paid $128.50 for 1,000 m3 of gas; 28 programmes, the S-400 and Iskander-M systems, 2000 troops. You may go.",
        "2022-12-30",
    );
    assert!(f.is_empty(), "false positives: {f:?}");
    // Numbered provisions and documents are identifiers, not years; a real year beside them stays.
    let f = news(
        "Under 50 U.S.C. 1701 et seq., section 1622(d) of the Act, Resolution 1973 and No. 2001 \
         were cited in 2021.",
        "2022-12-30",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    expect!(f, "2021", Date, "2021");
    // May the month, not the modal.
    let f = news("The summit may be held in May.", "2022-12-30");
    assert_eq!(f.len(), 1, "{f:?}");
    expect!(f, "May", Date, "2023-05");
    // A year before a possessive or verb ending in -s is still a year (not "2000 troops").
    let f = news("In 2004 and 2008 his term was renewed.", "2022-12-30");
    expect!(f, "2008", Date, "2008");
    // Reference words capitalized inside a sentence belong to names.
    let f = news(
        "The US gave $4 million to the Future of Babylon project; see Portal:Current events.",
        "2022-12-30",
    );
    assert!(f.is_empty(), "false positives: {f:?}");
}

#[test]
fn tense_decides_direction() {
    // DCT is a Friday; a bare weekday goes back in past-tense sentences and forward in future ones.
    let f = news(
        "He arrived on Monday and will leave on Tuesday.",
        "2013-03-22",
    );
    expect!(f, "Monday", Date, "2013-03-18");
    expect!(f, "Tuesday", Date, "2013-03-26");
    let f = news(
        "Elections were held in November. A vote will take place in February.",
        "2013-03-22",
    );
    expect!(f, "November", Date, "2012-11");
    expect!(f, "February", Date, "2014-02");
    // A bare quarter follows the tense too; a passive participle ("to be held") is not past.
    let f = news("Foreclosures rose in the fourth quarter.", "2007-03-13");
    expect!(f, "the fourth quarter", Date, "2006-Q4");
    let f = news(
        "Apple announced today another event to be held on October 12.",
        "2005-10-04",
    );
    expect!(f, "October 12", Date, "2005-10-12");
    let f = news("Plans announced in January cut jobs.", "2006-08-19");
    expect!(f, "January", Date, "2006-01");
    // An intention points forward ("wants to close … by early June").
    let f = news(
        "Chrysler said it wants to close 789 dealers by early June.",
        "2009-05-14",
    );
    expect!(f, "early June", Date, "2009-06");
    // "since" makes the month after it past even in a present-tense sentence.
    let f = news("Stocks have their best week since November.", "2009-03-13");
    expect!(f, "November", Date, "2008-11");
    // "by" a date in a clause without tense is a deadline, ahead; an irregular past keeps it behind.
    let f = news(
        "The act requires ByteDance to sell TikTok by January 19 or face a ban.",
        "2024-12-06",
    );
    expect!(f, "January 19", Date, "2025-01-19");
    let f = news("The troops withdrew by January 19.", "2024-12-06");
    expect!(f, "January 19", Date, "2024-01-19");
    // A participle hyphen-joined to a word ("China-based") is an adjective, no past.
    let f = news(
        "The act requires China-based ByteDance to sell TikTok by January 19.",
        "2024-12-06",
    );
    expect!(f, "January 19", Date, "2025-01-19");
}

#[test]
fn narrative_anchoring() {
    let text = "On 19 December 2022, Putin visited Minsk. On that same day, ministers met. Then, on 26-27 December, talks continued. A week later the deal was signed.";
    let f = tag(text, "2023-06-01", Anchoring::Narrative);
    expect!(f, "that same day", Date, "2022-12-19");
    expect!(f, "A week later", Date, "2023-W01");
    // In news mode the anaphoric "that same day" still resolves on the last mentioned date.
    let f = news(text, "2023-06-01");
    expect!(f, "that same day", Date, "2022-12-19");
    // In news, "the same day" is the day last mentioned, even one counted from the DCT.
    let f = news(
        "Stocks posted gains on Friday, despite a report released on the same day.",
        "2009-04-04",
    );
    expect!(f, "Friday", Date, "2009-04-03");
    expect!(f, "the same day", Date, "2009-04-03");
    // A day shift after a week shift starts from that week's Monday, not from the DCT.
    let f = news(
        "On 3 May 2007 he spoke. He resigned a week later. Two days later, parliament met.",
        "2024-06-11",
    );
    expect!(f, "a week later", Date, "2007-W19");
    expect!(f, "Two days later", Date, "2007-05-09");
}

#[test]
fn reference_adjectives() {
    // Generic: "current"/"recent" are present/past references in any mode; "current year" stays a date.
    let f = news("The current government blamed recent unrest.", "2024-05-02");
    expect!(f, "current", Date, "PRESENT_REF");
    expect!(f, "recent", Date, "PAST_REF");
    let f = news("Prices rose in the current year.", "2024-05-02");
    expect!(f, "the current year", Date, "2024");
    // Narrative-only (TIMEX2 convention): "former"/"future" references; news mode leaves them out.
    let text = "The former king met his future queen.";
    let f = tag(text, "1900-01-01", Anchoring::Narrative);
    expect!(f, "former", Date, "PAST_REF");
    expect!(f, "future", Date, "FUTURE_REF");
    let f = news(text, "1900-01-01");
    assert!(f.is_empty(), "news mode must not tag adjectives: {f:?}");
}

#[test]
fn premodifying_seasons_and_parts() {
    // A season or part of the day naming when an operation happens ("the spring offensive", "night attacks").
    let f = news("The army prepared a spring offensive.", "2024-05-02");
    expect!(f, "spring", Date, "2024-SP");
    let f = news(
        "They relied on night attacks and moved in daytime.",
        "2024-05-02",
    );
    assert!(
        f.iter()
            .any(|(t, k, v)| t == "night" && *k == TimexType::Time && v.ends_with("TNI")),
        "night attacks: {f:?}"
    );
    assert!(
        f.iter()
            .any(|(t, k, v)| t == "daytime" && *k == TimexType::Time && v.ends_with("TDT")),
        "in daytime: {f:?}"
    );
    // Not when the season is a noun of another phrase.
    let f = news("After the city's fall troops left.", "2024-05-02");
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn open_ended_references() {
    let f = news("For the time being the border stays closed.", "2024-05-02");
    expect!(f, "the time being", Date, "PRESENT_REF");
    let f = news(
        "Growth will slow in the near term but recover over the long term.",
        "2024-05-02",
    );
    expect!(f, "the near term", Date, "FUTURE_REF");
    expect!(f, "the long term", Date, "FUTURE_REF");
    // "term" alone is not a time reference.
    let f = news("The term was coined by analysts.", "2024-05-02");
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn group_time_range() {
    let tt = TimeTagger::new(Anchoring::News);
    let text =
        "The polls are open from 5 to 6pm, and the count runs tomorrow from 7:00 to 8:00 p.m.";
    let found = tt.tag_text(text, Some("2016-11-07"));
    let ranges: Vec<(String, String)> = found
        .iter()
        .filter_map(|t| t.range.as_ref().map(|r| (r.begin.clone(), r.end.clone())))
        .collect();
    assert!(
        ranges.contains(&("2016-11-07T17:00".into(), "2016-11-07T18:00".into())),
        "{ranges:?}"
    );
    assert!(
        ranges.contains(&("2016-11-08T19:00".into(), "2016-11-08T20:00".into())),
        "{ranges:?}"
    );
    // "10 to 2pm" starts in the morning.
    let found = tt.tag_text("Open 10 to 2pm.", Some("2016-11-07"));
    let r = found[0].range.as_ref().expect("a range");
    assert_eq!(
        (r.begin.as_str(), r.end.as_str()),
        ("2016-11-07T10:00", "2016-11-07T14:00")
    );
}

#[test]
fn group_week() {
    let f = news("We meet next week Wednesday.", "2018-11-28");
    expect!(f, "next week Wednesday", Date, "2018-12-05");
    let f = news("It opened on Monday of the following week.", "2018-07-30");
    expect!(f, "Monday of the following week", Date, "2018-08-06");
    let f = news(
        "Sales fell in the first week of 2015 and the third month of 2021.",
        "2018-11-28",
    );
    expect!(f, "the first week of 2015", Date, "2015-W01");
    expect!(f, "the third month of 2021", Date, "2021-03");
}

#[test]
fn anchored_durations_keep_their_interval() {
    let tt = TimeTagger::new(Anchoring::News);
    let text = "The mission will leave in two weeks; prices rose over the past three months.";
    let found = tt.tag_text(text, Some("2018-03-23"));
    let iv: Vec<(String, String, String)> = found
        .iter()
        .filter_map(|t| {
            t.range
                .as_ref()
                .map(|r| (t.value.clone(), r.begin.clone(), r.end.clone()))
        })
        .collect();
    assert!(
        iv.contains(&("P2W".into(), "2018-03-23".into(), "2018-04-06".into())),
        "{iv:?}"
    );
    assert!(
        iv.contains(&("P3M".into(), "2017-12-23".into(), "2018-03-23".into())),
        "{iv:?}"
    );
    // The TimeML export still writes the bare DURATIONs.
    let mut doc = dossier_model::Document::new(text);
    doc.meta.dct.value = Some("2018-03-23".into());
    dossier_model::Component::process(&tt, &mut doc);
    let out = dossier_time::timeml::export_timexes(&doc);
    assert!(out.iter().any(|t| t.value == "P2W"));
    assert!(out.iter().all(|t| t.value != "2018-04-06"));
}

#[test]
fn market_day_and_seasons_after_to() {
    let f = news(
        "The index gained 1.7 % to end the day at 9,505, and shares continue to fall.",
        "2009-08-21",
    );
    expect!(f, "the day", Date, "2009-08-21");
    assert!(
        !f.iter().any(|(t, _, _)| t == "fall"),
        "'to fall' is a verb: {f:?}"
    );
    let f = news(
        "Work resumes in the fall, he said at present.",
        "2009-08-21",
    );
    expect!(f, "the fall", Date, "2009-FA");
    expect!(f, "present", Date, "PRESENT_REF");
}

#[test]
fn clock_and_calendar_forms() {
    let f = news("Doors open at 8.30pm today.", "2019-12-26");
    expect!(f, "8.30pm today", Time, "2019-12-26T20:30");
    let f = news("We will meet at 7 in the evening.", "2019-12-26");
    expect!(f, "7 in the evening", Time, "2019-12-26T19:00");
    let f = news("We will meet Wednesday evening next week.", "2018-08-01");
    expect!(f, "Wednesday evening next week", Time, "2018-08-08TEV");
    let f = news(
        "She was born on July 4th of 1995; the plan for Dec/2018 failed.",
        "2019-12-26",
    );
    expect!(f, "July 4th of 1995", Date, "1995-07-04");
    expect!(f, "Dec/2018", Date, "2018-12");
    let tt = TimeTagger::new(Anchoring::News);
    let found = tt.tag_text(
        "I am off from the ninth till the seventeenth of April.",
        Some("2016-11-07"),
    );
    let r = found[0].range.as_ref().expect("a range");
    assert_eq!(
        (r.begin.as_str(), r.end.as_str()),
        ("2016-04-09", "2016-04-17")
    );
}

#[test]
fn end_of_period_spans_and_months_of_that_year() {
    let f = news("Troops will leave by the end of the year.", "2009-03-05");
    expect!(f, "the end of the year", Date, "2009");
    let f = tag(
        "The offensive began in March 1943. In August of that year the line broke.",
        "2009-12-19",
        Anchoring::Narrative,
    );
    expect!(f, "August of that year", Date, "1943-08");
    // News TimeML (MEANTIME) writes "October" and "next year" as two expressions.
    let f = news("Dealers will close by October of next year.", "2009-05-15");
    expect!(f, "October", Date, "2009-10");
    expect!(f, "next year", Date, "2010");
}

#[test]
fn bare_plural_units_and_session_parts() {
    let f = news(
        "Shares hit their highest level in years in morning trading.",
        "2010-03-02",
    );
    expect!(f, "years", Duration, "PXY");
    expect!(f, "morning", Time, "2010-03-02TMO");
    // A singular unit is no bare duration.
    let f = news("Gains in day trading and in year two.", "2010-03-02");
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn shifted_deictic_days_and_month_day_slashes() {
    let f = news("Are you available three weeks from tomorrow?", "2018-05-31");
    expect!(f, "three weeks from tomorrow", Date, "2018-06-22");
    let f = news("It was due two days before yesterday.", "2018-05-29");
    expect!(f, "two days before yesterday", Date, "2018-05-26");
    let tt = TimeTagger::new(Anchoring::News);
    let found = tt.tag_text(
        "The office is closed from 10/1 to 11/7.",
        Some("2016-11-07"),
    );
    let r = found[0].range.as_ref().expect("a range");
    assert_eq!(
        (r.begin.as_str(), r.end.as_str()),
        ("2016-10-01", "2016-11-07")
    );
    // Without a temporal preposition a slash pair is no date (a fraction, a score).
    assert!(news("He won 6/4 and ate 1/2 of it.", "2016-11-07").is_empty());
}

#[test]
fn parts_of_day_with_hours_and_half_units() {
    let f = news("It happened last night at 8.", "2018-08-16");
    expect!(f, "last night at 8", Time, "2018-08-15T20:00");
    let f = news("We will be back next Monday afternoon.", "2016-11-07");
    expect!(f, "next Monday afternoon", Time, "2016-11-14TAF");
    let f = news("The talks lasted one hour and a half.", "2016-11-07");
    expect!(f, "one hour and a half", Duration, "PT1.5H");
    // "today at a press conference": no clock time.
    let f = news("Apple said today at a press event.", "2016-11-07");
    expect!(f, "today", Date, "2016-11-07");
}

#[test]
fn quarters_of_relative_years_and_trading_days() {
    let f = news(
        "Profit rose in the third quarter of this year and fell in the first quarter of last year.",
        "2009-10-20",
    );
    expect!(f, "the third quarter of this year", Date, "2009-Q3");
    expect!(f, "the first quarter of last year", Date, "2008-Q1");
    let f = news("Stocks fell over the past five trading days.", "2009-10-20");
    expect!(f, "the past five trading days", Duration, "P5D");
}

#[test]
fn ordinals_fractions_and_abbreviated_names_are_not_time() {
    let f = news(
        "A second attack followed; three quarters of the army and a half of the fleet left with Sun Yat-sen.",
        "1925-05-01",
    );
    assert!(f.is_empty(), "{f:?}");
    let f = news("Wait a second, he said; it took a quarter.", "1925-05-01");
    expect!(f, "a second", Duration, "PT1S");
    expect!(f, "a quarter", Duration, "P3M");
}

#[test]
fn fiscal_years_halves_of_the_year_and_frequencies() {
    let f = news(
        "Earnings for fiscal 2013 rose in the second half of the year; the board meets twice a week \
         and the day before, it had met too, with results due by year-end.",
        "2013-03-22",
    );
    expect!(f, "fiscal 2013", Date, "2013");
    expect!(f, "the second half of the year", Date, "2013-H2");
    expect!(f, "twice a week", Set, "P1W");
    expect!(f, "the day before", Date, "2013-03-21");
    expect!(f, "year-end", Date, "2013");
}

#[test]
fn bare_hour_ranges_next_to_a_day() {
    let tt = TimeTagger::new(Anchoring::News);
    let found = tt.tag_text(
        "Where were you Monday from 3 to 8? Open tomorrow from 10 to 2.",
        Some("2018-11-01"),
    );
    let ranges: Vec<(String, String)> = found
        .iter()
        .filter_map(|t| t.range.as_ref().map(|r| (r.begin.clone(), r.end.clone())))
        .collect();
    assert!(
        ranges.contains(&("2018-10-29T03:00".into(), "2018-10-29T08:00".into())),
        "{ranges:?}"
    );
    assert!(
        ranges.contains(&("2018-11-02T10:00".into(), "2018-11-02T14:00".into())),
        "{ranges:?}"
    );
    // A score after a weekday is no time range.
    let f = news("They won Saturday 2-1.", "2018-11-01");
    assert_eq!(f.len(), 1, "{f:?}");
}

#[test]
fn unanchored_durations_stay_bare() {
    let tt = TimeTagger::new(Anchoring::News);
    let found = tt.tag_text(
        "For the first time in a decade, prices may fall in the coming months, over the past decade.",
        Some("2013-03-22"),
    );
    assert!(found.iter().all(|t| t.range.is_none()), "{found:?}");
    assert!(found.iter().all(|t| t.modifier.is_none()), "{found:?}");
}

#[test]
fn group_holiday() {
    // Movable feasts computed per year (Gregorian Easter, US nth-weekday holidays), fixed ones by date.
    let f = news(
        "They met on Easter 2018, on Black Friday 2010, on Thanksgiving 2023 and on Labor Day 2021.",
        "2016-11-07",
    );
    expect!(f, "Easter 2018", Date, "2018-04-01");
    expect!(f, "Black Friday 2010", Date, "2010-11-26");
    expect!(f, "Thanksgiving 2023", Date, "2023-11-23");
    expect!(f, "Labor Day 2021", Date, "2021-09-06");
    let f = news(
        "Election Day 2012, Presidents Day 2013, Columbus Day 2013, Ash Wednesday 2013, Palm Sunday 2013, Boxing Day, Bastille Day and May Day.",
        "2016-11-07",
    );
    expect!(f, "Election Day 2012", Date, "2012-11-06");
    expect!(f, "Presidents Day 2013", Date, "2013-02-18");
    expect!(f, "Columbus Day 2013", Date, "2013-10-14");
    expect!(f, "Ash Wednesday 2013", Date, "2013-02-13");
    expect!(f, "Palm Sunday 2013", Date, "2013-03-24");
    expect!(f, "Boxing Day", Date, "2016-12-26");
    expect!(f, "Bastille Day", Date, "2016-07-14");
    expect!(f, "May Day", Date, "2016-05-01");
    let f = news(
        "Last Easter was quiet; the next Easter will not be. Christmas Eve, Halloween and New Year's Day.",
        "2019-03-12",
    );
    expect!(f, "Last Easter", Date, "2018-04-01");
    expect!(f, "next Easter", Date, "2019-04-21");
    expect!(f, "Christmas Eve", Date, "2019-12-24");
    expect!(f, "Halloween", Date, "2019-10-31");
    expect!(f, "New Year's Day", Date, "2019-01-01");
    let f = news("A parade on Independence Day of this year.", "2018-07-17");
    expect!(f, "Independence Day of this year", Date, "2018-07-04");
}

#[test]
fn group_week_number() {
    let f = news(
        "Sales fell in week 31, rose in week 3 of 2027 and in week 27 of last year.",
        "2018-07-02",
    );
    expect!(f, "week 31", Date, "2018-W31");
    expect!(f, "week 3 of 2027", Date, "2027-W03");
    expect!(f, "week 27 of last year", Date, "2017-W27");
    // No week 0 or 54; "3 weeks" stays a duration.
    let f = news("In week 0 nothing happened, for 3 weeks.", "2018-07-02");
    assert!(f.iter().all(|(t, _, _)| t != "week 0"), "{f:?}");
    expect!(f, "3 weeks", Duration, "P3W");
}

#[test]
fn end_of_day_month_year() {
    let tagger = TimeTagger::new(Anchoring::News);
    let text = "Go to bed end of day, pay end of month, party at the end of year.";
    let found = tagger.tag_text(text, Some("2018-11-21"));
    let get = |s: &str| {
        found
            .iter()
            .find(|t| &text[t.span.start..t.span.end] == s)
            .unwrap_or_else(|| panic!("{s:?} not in {found:?}"))
    };
    assert_eq!(get("end of day").value, "2018-11-21");
    assert_eq!(get("end of day").modifier.as_deref(), Some("END"));
    assert_eq!(get("end of month").value, "2018-11");
    assert_eq!(get("the end of year").value, "2018");
    let f = news("We left at the EOY.", "2018-11-23");
    expect!(f, "EOY", Date, "2018");
}

#[test]
fn spelled_out_compound_numbers() {
    let f = news(
        "She was born on January twenty five nineteen eighty six and left for twenty five minutes.",
        "2019-07-12",
    );
    expect!(
        f,
        "January twenty five nineteen eighty six",
        Date,
        "1986-01-25"
    );
    expect!(f, "twenty five minutes", Duration, "PT25M");
    let f = news(
        "Let's meet on February twenty second or on the twenty-seventh of April.",
        "2019-01-10",
    );
    expect!(f, "February twenty second", Date, "2019-02-22");
    expect!(f, "the twenty-seventh of April", Date, "2019-04-27");
    // A spelled-out count alone is no date.
    let f = news("Twenty five people were hurt.", "2019-01-10");
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn sets_with_clock_times_fortnights_and_whole_units() {
    let f = news(
        "I leave each Monday at 4pm, every day at 7:13 p.m. and Tuesdays at 9am.",
        "2021-05-20",
    );
    expect!(f, "each Monday at 4pm", Set, "XXXX-WXX-1T16:00");
    expect!(f, "every day at 7:13 p.m.", Set, "T19:13");
    expect!(f, "Tuesdays at 9am", Set, "XXXX-WXX-2T09:00");
    let f = news(
        "A fortnight later it rained; over the past fortnight it was dry all day.",
        "2021-05-20",
    );
    expect!(f, "A fortnight later", Date, "2021-06-03");
    expect!(f, "the past fortnight", Duration, "P2W");
    expect!(f, "all day", Duration, "P1D");
    let f = news("I'll go back Oct/2.", "2021-05-20");
    expect!(f, "Oct/2", Date, "2021-10-02");
}

#[test]
fn bare_day_ordinals_and_early_parts_of_day() {
    let f = news(
        "Set something up on the 18th. It happened in early morning.",
        "2018-08-10",
    );
    expect!(f, "the 18th", Date, "2018-08-18");
    expect!(f, "early morning", Time, "2018-08-10TMO");
    // A spelled ordinal or one followed by a noun stays out.
    let f = news(
        "They won on the first attempt and came on the 21st anniversary.",
        "2018-08-10",
    );
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn quarters_days_of_a_month_and_tonight() {
    let f = news(
        "Sales for last quarter fell, unlike in q3 2019 and in the last quarter of 2018.",
        "2019-08-10",
    );
    expect!(f, "last quarter", Date, "2019-Q2");
    expect!(f, "q3 2019", Date, "2019-Q3");
    expect!(f, "the last quarter of 2018", Date, "2018-Q4");
    let f = news(
        "Come back on the 15th day of next month or the twenty third day of September; tonight around 7.",
        "2019-08-10",
    );
    expect!(f, "15th day of next month", Date, "2019-09-15");
    expect!(f, "twenty third day of September", Date, "2019-09-23");
    expect!(f, "tonight around 7", Time, "2019-08-10T19:00");
}

#[test]
fn weekday_bare_hours_and_money_amounts() {
    let f = news(
        "Party on Friday at 4pm, or Saturday at 5; see you Wednesday 4 oclock.",
        "2019-08-08",
    );
    expect!(f, "Friday at 4pm", Time, "2019-08-02T16:00");
    expect!(f, "Saturday at 5", Time, "2019-08-03T05:00");
    expect!(f, "Wednesday 4 oclock", Time, "2019-08-07T04:00");
    // "$12 December 27": the amount is no day.
    let f = news("I will pay $12 December 27.", "2019-08-08");
    expect!(f, "December 27", Date, "2019-12-27");
}

#[test]
fn group_time_spelled_clock() {
    let f = news(
        "It's half past seven o'clock. We paid at ten past 9 in the evening and left at a quarter to eight.",
        "2016-11-07",
    );
    expect!(f, "half past seven o'clock", Time, "2016-11-07T07:30");
    expect!(f, "ten past 9 in the evening", Time, "2016-11-07T21:10");
    expect!(f, "a quarter to eight", Time, "2016-11-07T07:45");
    // Seconds are kept.
    let f = news("I'll be back 7:56:30 pm.", "2016-11-07");
    expect!(f, "7:56:30 pm", Time, "2016-11-07T19:56:30");
    // "past" between other numbers is no clock time.
    let f = news("Two past presidents met 3 past winners.", "2016-11-07");
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn group_time_range_with_day_or_part() {
    let f = news("I'll be out between 7 and 9 last night.", "2018-06-01");
    expect!(f, "7 and 9 last night", Time, "2018-05-31T19:00");
    let f = news("Book a meeting tonight from 7 to 7:30.", "2016-11-07");
    expect!(f, "tonight from 7 to 7:30", Time, "2016-11-07T19:00");
    let f = news("I'll be out Tuesday at 2:00 - 2:30 pm.", "2016-11-07");
    expect!(f, "Tuesday at 2:00 - 2:30 pm", Time, "2016-11-01T14:00");
    let f = news(
        "Where were you yesterday afternoon from 3-8pm?",
        "2016-11-07",
    );
    expect!(
        f,
        "yesterday afternoon from 3-8pm",
        Time,
        "2016-11-06T15:00"
    );
    let f = news("It will happen between 3 and 5 on 1/1/2015.", "2016-11-07");
    expect!(f, "3 and 5 on 1/1/2015", Time, "2015-01-01T03:00");
    // Bare numbers with no day or part of the day stay out.
    let f = news("Prices rose between 7 and 9 percent.", "2016-11-07");
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn spelled_years_and_short_years() {
    let f = news(
        "Sales in two thousand and twenty fell. We meet on january first two thousand and thirty two.",
        "2019-06-01",
    );
    expect!(f, "two thousand and twenty", Date, "2020");
    expect!(
        f,
        "january first two thousand and thirty two",
        Date,
        "2032-01-01"
    );
    let f = news(
        "It opened in August nineteen hundred ninety three.",
        "2019-06-01",
    );
    expect!(f, "August nineteen hundred ninety three", Date, "1993-08");
    // A count stays a count.
    let f = news("He left for two thousand years.", "2019-06-01");
    expect!(f, "two thousand years", Duration, "P2000Y");
    let f = news(
        "I was born in April of 87, on 15 April of 87; back on 28 june in 2020.",
        "2019-06-01",
    );
    expect!(f, "April of 87", Date, "1987-04");
    expect!(f, "15 April of 87", Date, "1987-04-15");
    expect!(f, "28 june in 2020", Date, "2020-06-28");
    let f = news("Let's go for coffee on tuesday the eleventh.", "2019-06-01");
    expect!(f, "tuesday the eleventh", Date, "2019-06-11");
    let f = news(
        "Apple showed on Tuesday the first Intel-based Mac.",
        "2019-06-01",
    );
    assert!(!f.iter().any(|x| x.0.contains("first")), "{f:?}");
}

#[test]
fn news_day_and_year_references() {
    let f = news(
        "The index rose 2% for the day. Net income for the year rose. Shares fell late in the day.",
        "2013-03-20",
    );
    expect!(f, "the day", Date, "2013-03-20");
    expect!(f, "the year", Date, "2013");
    expect!(f, "late in the day", Date, "2013-03-20");
    let f = news(
        "Stocks fell for six straight days as the economy shrank for two consecutive quarters; talks collapsed within hours.",
        "2013-03-20",
    );
    expect!(f, "six straight days", Duration, "P6D");
    expect!(f, "two consecutive quarters", Duration, "P6M");
    expect!(f, "hours", Duration, "PTXH");
    // "the year" as an award stays out.
    let f = news("She was named player of the year.", "2013-03-20");
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn week_numbers_at_text_end_and_named_weeks() {
    let f = news("Show sales in the week 31", "2018-07-02");
    expect!(f, "week 31", Date, "2018-W31");
    let f = news(
        "It will happen this working week and next workweek.",
        "2018-06-26",
    );
    expect!(f, "this working week", Date, "2018-W26");
    expect!(f, "next workweek", Date, "2018-W27");
    let f = news("Show sales in the year.", "2018-06-28");
    expect!(f, "the year", Date, "2018");
}

#[test]
fn decade_words_nights_day_first_slashes_and_month_ranges() {
    let f = news(
        "Prices were low in the nineties. He is in his forties.",
        "2018-05-29",
    );
    expect!(f, "the nineties", Date, "199");
    assert_eq!(f.len(), 1, "{f:?}");
    let f = news(
        "Book a room for two nights, for one and half hour.",
        "2016-11-07",
    );
    expect!(f, "two nights", Duration, "P2D");
    expect!(f, "one and half hour", Duration, "PT1.5H");
    let f = news("I'll go back on 22/04 or on 11/25.", "2016-11-07");
    expect!(f, "22/04", Date, "2016-04-22");
    expect!(f, "11/25", Date, "2016-11-25");
    let f = news("It rained from May to July 1918.", "2016-11-07");
    expect!(f, "May to July 1918", Date, "1918-05");
}

#[test]
fn shift_from_a_named_date() {
    let f = news(
        "It will happen 3 days after January 12th. It happened 2 weeks before May 13 1999.",
        "2016-11-07",
    );
    expect!(f, "3 days after January 12th", Date, "2017-01-15");
    expect!(f, "2 weeks before May 13 1999", Date, "1999-04-29");
    // "from" starts a stretch of time; an event after "after" stays out of the span.
    let f = news("The siege lasted 64 days from November 21, 1948. Two weeks after the armistice, talks began.", "2016-11-07");
    expect!(f, "64 days", Duration, "P64D");
    expect!(f, "November 21, 1948", Date, "1948-11-21");
    expect!(f, "Two weeks", Duration, "P2W");
}

#[test]
fn ranges_with_years_after_and_half_years() {
    let f = news(
        "I will leave from 5/1-5/7, 2020 and travel on 26 june to 28 june in 2020.",
        "2019-06-01",
    );
    expect!(f, "5/1-5/7, 2020", Date, "2020-05-01");
    expect!(f, "26 june to 28 june in 2020", Date, "2020-06-26");
    // A month range that runs into the named year starts the year before.
    let f = news("APEC will meet in Korea Nov-Feb 2017.", "2019-06-01");
    expect!(f, "Nov-Feb 2017", Date, "2016-11");
    let f = news(
        "2019 H2 will bring challenges, and so will the week after next.",
        "2019-06-01",
    );
    expect!(f, "2019 H2", Date, "2019-H2");
    expect!(f, "the week after next", Date, "2019-W24");
    let f = news("This task should be done friday 5/12.", "2019-06-01");
    assert!(
        f.iter()
            .any(|x| x.0 == "friday 5/12" && x.2.ends_with("-05-12")),
        "{f:?}"
    );
    // A right context is no part of the value.
    let f = news("week 10 8 p.m. is late.", "2019-07-11");
    assert!(f.iter().any(|x| x.2 == "2019-W10"), "{f:?}");
}

#[test]
fn long_durations_and_rates() {
    let f = news(
        "The decade-long war ended after a month-long siege and months-long talks. It costs $5 billion a year and rose 3% a month.",
        "2013-03-20",
    );
    expect!(f, "decade-long", Duration, "P10Y");
    expect!(f, "month-long", Duration, "P1M");
    expect!(f, "months-long", Duration, "PXM");
    expect!(f, "a year", Set, "P1Y");
    expect!(f, "a month", Set, "P1M");
    // Without an amount before it, "a year" is a duration.
    let f = news("He waited a year.", "2013-03-20");
    expect!(f, "a year", Duration, "P1Y");
}

#[test]
fn years_in_names_are_tagged_but_do_not_anchor() {
    let f = tag(
        "In March 1999 the firm grew. Jobs spoke at WWDC 2005 about it. On 5 April, it shipped.",
        "2009-12-19",
        Anchoring::Narrative,
    );
    expect!(f, "2005", Date, "2005");
    expect!(f, "5 April", Date, "1999-04-05");
}

#[test]
fn four_digit_clock_times_before_a_zone() {
    let f = news(
        "Talks began at 1600 GMT; the 1200 troops left at 2500 GMT.",
        "2013-03-20",
    );
    expect!(f, "1600 GMT", Time, "2013-03-20T16:00Z");
    assert_eq!(f.len(), 1, "{f:?}");
}

#[test]
fn set_frequencies_and_quarter_century() {
    let f = news(
        "Take it three times a day, every other week, for a quarter-century.",
        "2013-03-20",
    );
    expect!(f, "three times a day", Set, "P1D");
    expect!(f, "every other week", Set, "P2W");
    expect!(f, "a quarter-century", Duration, "P25Y");
}

#[test]
fn date_then_clock_time_with_a_bound() {
    let f = news(
        "I'll be back Thursday before 5pm, and it happens today by 4pm.",
        "2016-11-07",
    );
    expect!(f, "Thursday before 5pm", Time, "2016-11-03T17:00");
    expect!(f, "today by 4pm", Time, "2016-11-07T16:00");
}

#[test]
fn decades_with_apostrophes_and_in_words_with_a_modifier() {
    let f = news(
        "Music of the 50's and the 1980's, the '90's, the mid-nineties and the early seventies; he is in his early forties.",
        "2012-06-15",
    );
    expect!(f, "the 50's", Date, "195");
    expect!(f, "the 1980's", Date, "198");
    expect!(f, "the '90's", Date, "199");
    expect!(f, "the mid-nineties", Date, "199");
    expect!(f, "the early seventies", Date, "197");
    assert_eq!(f.len(), 5, "an age is no decade: {f:?}");
}

#[test]
fn count_ranges_share_the_unit_of_their_end() {
    let tt = TimeTagger::new(Anchoring::News);
    let text = "Allow 3-5 days, or 12 - 14 hours; they scored 3-1 minutes later.";
    let found = tt.tag_text(text, Some("2012-06-15"));
    let spans: Vec<&str> = found
        .iter()
        .map(|t| &text[t.span.start..t.span.end])
        .collect();
    assert_eq!(
        spans,
        ["3-5 days", "12 - 14 hours"],
        "a falling pair is a score"
    );
    let range = found[0].range.as_ref().expect("range kept");
    assert_eq!((range.begin.as_str(), range.end.as_str()), ("P3D", "P5D"));
    let range = found[1].range.as_ref().expect("range kept");
    assert_eq!(
        (range.begin.as_str(), range.end.as_str()),
        ("PT12H", "PT14H")
    );
}

#[test]
fn a_month_joined_to_a_dated_one_shares_its_year() {
    let f = news(
        "In June and July of 1973 he flew; in March, or in May 2020, nobody knew.",
        "2012-06-15",
    );
    expect!(f, "June", Date, "1973-06");
    expect!(f, "July of 1973", Date, "1973-07");
    expect!(f, "March", Date, "2012-03");
    let f = news("The 1973-1974 year ended.", "2012-06-15");
    expect!(f, "1973-1974", Date, "1973");
}

#[test]
fn financial_year_earlier_and_fiscal_periods() {
    let f = news(
        "Sales rose in 1997 from the year-ago period and beat year-earlier levels; they fell in the last fiscal year.",
        "1998-03-02",
    );
    expect!(f, "the year-ago period", Date, "1996");
    expect!(f, "year-earlier", Date, "1996");
    expect!(f, "the last fiscal year", Date, "1997");
    // A quarter last mentioned is the period a comparison goes back from.
    let f = news(
        "Net income rose in the third quarter from the year-earlier quarter; in the previous quarter it fell.",
        "1998-03-02",
    );
    expect!(f, "the third quarter", Date, "1997-Q3");
    expect!(f, "the year-earlier quarter", Date, "1996-Q3");
    expect!(f, "the previous quarter", Date, "1997-Q2");
}

#[test]
fn seasons_as_subjects_and_november_eleventh() {
    let f = news(
        "Millions are at risk as winter sets in; Winter refused comment. On Armistice Day they marched.",
        "2012-12-02",
    );
    expect!(f, "winter", Date, "2012-WI");
    expect!(f, "Armistice Day", Date, "2012-11-11");
    assert_eq!(f.len(), 2, "a person named Winter is no season: {f:?}");
}

#[test]
fn north_american_zones_and_possessive_ends() {
    let f = news(
        "Trading closed at 4 p.m. EST; the deal expires at year's end, under 50 U.S.C. 1701 et seq.",
        "1998-03-04",
    );
    expect!(f, "4 p.m. EST", Time, "1998-03-04T16:00");
    expect!(f, "year's end", Date, "1998");
    assert_eq!(f.len(), 2, "{f:?}");
}

#[test]
fn that_before_a_dated_month_is_a_conjunction() {
    let f = news(
        "He said that May 5 was fine; I remember that April well.",
        "2012-06-15",
    );
    expect!(f, "May 5", Date, "2012-05-05");
    expect!(f, "that April", Date, "2012-04");
}

#[test]
fn runs_periods_and_counts_between_two_numbers() {
    let f = news(
        "Trading was halted for a second consecutive day; sales fell for the fourth straight year.",
        "2008-09-17",
    );
    expect!(f, "a second consecutive day", Date, "2008-09-17");
    expect!(f, "the fourth straight year", Date, "2008");
    let f = news("A couple of days ago they met.", "2008-09-17");
    expect!(f, "A couple of days ago", Date, "2008-09-15");
    let f = news(
        "Stocks rose for a third day in a row and sales fell for the fifth month in a row; in a row of houses.",
        "2008-09-17",
    );
    expect!(f, "a third day", Date, "2008-09-17");
    expect!(f, "the fifth month", Date, "2008-09");
    assert_eq!(f.len(), 2, "{f:?}");
    let f = news(
        "It lost $8 billion for the entire year and the whole day; repairs took weeks and the talks lasted months.",
        "2008-09-17",
    );
    expect!(f, "the entire year", Date, "2008");
    expect!(f, "the whole day", Date, "2008-09-17");
    expect!(f, "weeks", Duration, "PXW");
    expect!(f, "months", Duration, "PXM");
    let f = news(
        "In the months ahead rates will rise; the year ahead looks hard; he took office.",
        "2008-09-17",
    );
    expect!(f, "the months ahead", Duration, "PXM");
    expect!(f, "the year ahead", Date, "2009");
    assert_eq!(f.len(), 2, "{f:?}");
    let f = news(
        "Profit in the latest quarter rose; he will speak tonight.",
        "2008-09-17",
    );
    expect!(f, "the latest quarter", Date, "2008-Q2");
    expect!(f, "tonight", Time, "2008-09-17TNI");
    // 2008-09-17 is a Wednesday: a scheduled start points ahead, a report back.
    let f = news(
        "The summit begins on Friday. The report is due Monday. Talks ended on Friday. Rain fell for much of the year.",
        "2008-09-17",
    );
    expect!(f, "Friday", Date, "2008-09-19");
    expect!(f, "Monday", Date, "2008-09-22");
    expect!(f, "Friday", Date, "2008-09-12");
    expect!(f, "the year", Date, "2008");
    let f = news(
        "It will cut 789, or about a quarter, of its dealers; sales fell from the year previous.",
        "2008-09-17",
    );
    expect!(f, "the year previous", Date, "2007");
    assert_eq!(f.len(), 1, "{f:?}");
    let f = news(
        "It was found nearly a quarter century ago and half a year ago; the IMF held its autumn meetings.",
        "2008-09-17",
    );
    expect!(f, "a quarter century ago", Date, "1983");
    expect!(f, "half a year ago", Date, "2008-03");
    expect!(f, "autumn", Date, "2008-FA");
    let f = news(
        "He died Wednesday at 86; they met Friday at 5.",
        "2008-09-17",
    );
    expect!(f, "Wednesday", Date, "2008-09-17");
    expect!(f, "Friday at 5", Time, "2008-09-12T05:00");
    let f = news(
        "First-half profit rose; troops moved at 0800 local time.",
        "2008-09-17",
    );
    expect!(f, "First-half", Date, "2008-H1");
    expect!(f, "0800 local time", Time, "2008-09-17T08:00");
}

#[test]
fn timebank_conventions_from_aquaint_news() {
    // 1997-04-01 is a Tuesday: "the weekend" in a past-tense report is the one just gone (ISO week 13);
    // "would" points ahead from the report; "this time" alone is an occasion, not a time.
    let f = news(
        "He commented on reports over the weekend. He said the flights would leave on March 30. But this time she is the boss; at this time prices are low.",
        "1997-04-01",
    );
    expect!(f, "the weekend", Date, "1997-W13-WE");
    expect!(f, "March 30", Date, "1998-03-30");
    expect!(f, "this time", Date, "PRESENT_REF");
    assert_eq!(f.len(), 3, "{f:?}");
    // A weekday with a plural part of the day is a set; "four flights a week" is a rate of things, and
    // "the morning session" of a market names the session.
    let f = news(
        "Two flights leave on Tuesday nights, four flights a week; volume in the morning session was thin.",
        "1998-02-13",
    );
    expect!(f, "Tuesday nights", Set, "XXXX-WXX-2TNI");
    assert_eq!(f.len(), 1, "{f:?}");
    // "the day after his death": the day after the date just mentioned; "two weeks after the armistice"
    // keeps its duration.
    let f = news(
        "The doctor was killed on Oct. 23. The men came the day after his death, two weeks after the raid.",
        "1998-11-21",
    );
    expect!(f, "the day", Date, "1998-10-24");
    expect!(f, "two weeks", Duration, "P2W");
    // Financial reports: "the year ended March 31" is one year's stretch; "the latest period", "the full year".
    let f = news(
        "Profit was 50 million in the year ended March 31; in the latest period sales rose; he forecast a rise for the full year.",
        "1989-11-02",
    );
    expect!(f, "the year", Duration, "P1Y");
    expect!(f, "the latest period", Date, "1989-11-02");
    expect!(f, "the full year", Date, "1989");
    // Ages: news TimeML leaves "the 6-year-old boy" out; narrative mode (TIMEX2 histories) keeps them.
    let f = news("The 6-year-old boy met a 30-year-old man.", "2000-04-03");
    assert!(f.is_empty(), "{f:?}");
    let f = tag(
        "The 6-year-old boy met a 30-year-old man.",
        "2000-04-03",
        Anchoring::Narrative,
    );
    expect!(f, "6-year", Duration, "P6Y");
    let tt = TimeTagger::new(Anchoring::News);
    let text = "It would take between 60 and 90 days.";
    let found = tt.tag_text(text, Some("2009-06-01"));
    assert_eq!(found.len(), 1, "{found:?}");
    let r = found[0].range.as_ref().expect("range kept");
    assert_eq!((r.begin.as_str(), r.end.as_str()), ("P60D", "P90D"));
}

#[test]
fn the_quarter_in_financial_news_and_possessive_years() {
    let f = news(
        "Net income in the quarter rose; he lived in the quarter of the old city; in the quarter century since.",
        "1990-03-02",
    );
    expect!(f, "the quarter", Date, "1990-Q1");
    expect!(f, "quarter century", Duration, "P25Y");
    assert_eq!(f.len(), 2, "{f:?}");
    let f = news(
        "1990's first half will be weak; the 1990's were good.",
        "1990-03-02",
    );
    expect!(f, "1990", Date, "1990");
    expect!(f, "the 1990's", Date, "199");
}

#[test]
fn an_anaphoric_news_date_is_labelled_with_the_point_it_counts_from() {
    let tt = TimeTagger::new(Anchoring::News);
    let text = "Prices rose on Monday. The same day, talks ended.";
    let found = tt.tag_text(text, Some("2013-03-22"));
    let labels: Vec<(&str, Option<&str>)> = found
        .iter()
        .map(|t| (t.value.as_str(), t.anchor.as_deref()))
        .collect();
    assert_eq!(
        labels,
        [
            ("2013-03-18", Some("dct")),
            ("2013-03-18", Some("narrative"))
        ]
    );
}

#[test]
fn an_adjective_between_count_and_unit() {
    let f = news(
        "After two long years and ten brutal months, five straight days of rain came; it was a difficult day, \
         and it took a full day.",
        "1998-03-02",
    );
    expect!(f, "two long years", Duration, "P2Y");
    expect!(f, "ten brutal months", Duration, "P10M");
    expect!(f, "five straight days", Duration, "P5D");
    expect!(f, "a full day", Duration, "P1D");
    assert_eq!(f.len(), 4, "an evaluated day is no duration: {f:?}");
}

#[test]
fn words_before_an_expression_say_what_it_is() {
    // A year after "in"/"late" even before a plural noun; a count elsewhere.
    let f = news(
        "By late 1974 investors were dizzy; they sent 2000 troops.",
        "2012-06-15",
    );
    expect!(f, "late 1974", Date, "1974");
    assert_eq!(f.len(), 1, "{f:?}");
    // A lone season after "for" or "all".
    let f = news(
        "Offers for the summer are premature; it snowed all winter.",
        "2012-06-15",
    );
    expect!(f, "the summer", Date, "2012-SU");
    assert_eq!(f.len(), 2, "{f:?}");
}

#[test]
fn words_after_a_number_say_it_is_a_year() {
    let f = news(
        "Emissions stay at 1990 levels before the 2012 elections; they sent 2000 troops.",
        "2012-06-15",
    );
    expect!(f, "1990", Date, "1990");
    expect!(f, "2012", Date, "2012");
    assert_eq!(f.len(), 2, "{f:?}");
}
