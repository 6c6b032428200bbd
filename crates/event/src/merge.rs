//! Cross-document event merging.
//!
//! Events from several documents that have the same PLOVER type, overlapping participants (a shared name or
//! country) and compatible time and place become one [`MergedEvent`] that lists every source. Details on which
//! sources disagree (a different date within a week, another place, occurred vs negated) are kept per source
//! and listed in `conflicts`; nothing is overwritten.
//!
//! A mention joins a merged event only if it is compatible with every mention already in it, so unrelated
//! reports cannot be chained together through a third one; and an undated mention needs a participant
//! named alike (a shared country is not enough: "Russia" acts in many events of every type).

use serde::{Deserialize, Serialize};

use dossier_model::{Event, EventArgument, EventStatus};

/// One event as found in one document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SourcedEvent {
    pub doc_id: String,
    /// The sentence or trigger text, for display.
    pub text: String,
    pub event: Event,
    /// When the document was written (its creation time), if known.
    #[serde(default)]
    pub doc_date: Option<String>,
}

/// What one source said about a merged event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventSource {
    pub doc_id: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub time: Option<String>,
    pub location: Option<String>,
    pub status: EventStatus,
}

/// An event with all the documents that report it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MergedEvent {
    pub event_type: String,
    pub mode: Option<String>,
    pub context: Option<String>,
    pub actors: Vec<EventArgument>,
    pub recipients: Vec<EventArgument>,
    pub location: Option<String>,
    /// The most specific time the sources agree on.
    pub time: Option<String>,
    pub status: EventStatus,
    pub announced: Option<String>,
    pub sources: Vec<EventSource>,
    /// Human-readable notes on disagreeing sources ("time: 2022-12-19 (doc a) vs 2022-12-20 (doc b)").
    pub conflicts: Vec<String>,
}

/// Relation between two TIMEX3 values (dates, months, years, `begin/end` ranges).
#[derive(Debug, PartialEq, Eq)]
enum TimeRel {
    /// Equal, or one is a coarser form of the other ("2022-12" vs "2022-12-19"), or either is unknown.
    Compatible,
    /// Different days less than a week apart: probably the same event, reported with a different date.
    Near,
    Different,
}

fn bounds(t: &str) -> (String, String) {
    match t.split_once('/') {
        Some((a, b)) => (a.to_string(), b.to_string()),
        None => (t.to_string(), t.to_string()),
    }
}

fn day_number(d: &str) -> Option<i64> {
    let p: Vec<&str> = d.split('-').collect();
    if p.len() != 3 {
        return None;
    }
    let (y, m, dd): (i64, i64, i64) = (p[0].parse().ok()?, p[1].parse().ok()?, p[2].parse().ok()?);
    // Days from civil (Howard Hinnant's algorithm).
    let y2 = if m <= 2 { y - 1 } else { y };
    let era = y2.div_euclid(400);
    let yoe = y2 - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + dd - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

fn time_rel(a: Option<&str>, b: Option<&str>) -> TimeRel {
    let (Some(a), Some(b)) = (a, b) else {
        return TimeRel::Compatible;
    };
    let (a0, a1) = bounds(a);
    let (b0, b1) = bounds(b);
    // Prefix-compatible or overlapping ranges.
    let pre = |x: &str, y: &str| x.starts_with(y) || y.starts_with(x);
    if pre(&a0, &b0) || pre(&a1, &b1) || pre(&a0, &b1) || pre(&a1, &b0) || (a0 <= b1 && b0 <= a1) {
        return TimeRel::Compatible;
    }
    match (day_number(&a0), day_number(&b0)) {
        (Some(x), Some(y)) if (x - y).abs() <= 7 => TimeRel::Near,
        _ => TimeRel::Different,
    }
}

fn arg_keys(a: &EventArgument) -> Vec<String> {
    let mut k = Vec::new();
    // The last word of the name ("Putin" = "Vladimir Putin"), with the country when known: a bare "Union"
    // is not the "European Union".
    if let Some(last) = a.name.split_whitespace().last() {
        let country = a.country.as_deref().unwrap_or("");
        k.push(format!("n:{}:{country}", last.to_lowercase()));
    }
    if let Some(c) = &a.country {
        k.push(format!("c:{c}"));
    }
    k
}

/// Whether two mentions share participants: a name or a country on the same side, or on either side when
/// the roles are not simply reversed. `strict` (for mentions without a precise date) asks for more: the
/// actors share a name, and so do the recipients when both have any.
fn participants_overlap(a: &Event, b: &Event, strict: bool) -> bool {
    let keys = |args: &[EventArgument]| -> Vec<String> {
        args.iter()
            .flat_map(arg_keys)
            .filter(|k| !strict || k.starts_with("n:"))
            .collect()
    };
    let (sa, ra, sb, rb) = (
        keys(&a.actors),
        keys(&a.recipients),
        keys(&b.actors),
        keys(&b.recipients),
    );
    let meet = |x: &[String], y: &[String]| x.iter().any(|k| y.contains(k));
    if strict {
        return meet(&sa, &sb) && (ra.is_empty() || rb.is_empty() || meet(&ra, &rb));
    }
    if meet(&sa, &sb) || meet(&ra, &rb) {
        return true;
    }
    // "Russia's war against Ukraine" and "Ukraine, which is fighting Russia": the same two parties with the
    // roles reversed are two events (an attack and the answer to it).
    if meet(&sa, &rb) && meet(&ra, &sb) {
        return false;
    }
    let ka: Vec<String> = sa.into_iter().chain(ra).collect();
    let kb: Vec<String> = sb.into_iter().chain(rb).collect();
    if ka.is_empty() || kb.is_empty() {
        // Without participants, only place can tie two mentions together.
        return false;
    }
    meet(&ka, &kb)
}

/// Whether a time names at least a month ("2022-12", "2022-12-19", a range of days); a bare year or
/// season fits too many events to tie two mentions together.
pub(crate) fn precise(t: Option<&str>) -> bool {
    t.is_some_and(|t| {
        let b = t.as_bytes();
        b.len() >= 7 && b[4] == b'-' && b[5].is_ascii_digit() && b[6].is_ascii_digit()
    })
}

/// Whether one of the two is an undated prospect (announced, planned or hypothetical) and the other a
/// dated happening: nothing ties the prospect to that occasion ("declared the need to start discussions",
/// announced in 2022, is neither the 1997 treaty nor an agreement of 2025 that shares a country with it).
fn undated_prospect_and_dated_fact(a: &Event, b: &Event) -> bool {
    let prospect = |x: &Event| {
        x.time.is_none()
            && matches!(
                x.status,
                EventStatus::Announced | EventStatus::Planned | EventStatus::Hypothetical
            )
    };
    let fact = |x: &Event| {
        x.time.is_some() && matches!(x.status, EventStatus::Occurred | EventStatus::Reported)
    };
    (prospect(a) && fact(b)) || (prospect(b) && fact(a))
}

/// Whether both mentions were announced, on dates weeks apart: two announcements tell of two plans (the
/// exercises declared on 3 December 2022 are not the weapons a president announces in March 2023).
fn announced_apart(a: &Event, b: &Event) -> bool {
    a.announced.is_some()
        && b.announced.is_some()
        && time_rel(a.announced.as_deref(), b.announced.as_deref()) == TimeRel::Different
}

/// Whether an undated mention and another mention come from documents written more than a calendar year
/// apart: nothing then ties the undated one to the other's occasion (an analyst's "preventing the
/// development of a separate identity" of 2022 is not what a 2025 report announces).
fn undated_and_years_apart(a: (&Event, Option<&str>), b: (&Event, Option<&str>)) -> bool {
    let year = |d: Option<&str>| d.and_then(|d| d.get(..4)?.parse::<i32>().ok());
    let undated = a.0.time.is_none() || b.0.time.is_none();
    match (year(a.1), year(b.1)) {
        (Some(x), Some(y)) => undated && (x - y).abs() > 1,
        _ => false,
    }
}

/// Whether two mentions' recipients may be the same: either has none, or they share a name or a country.
fn recipients_compatible(a: &Event, b: &Event) -> bool {
    let keys = |e: &Event| -> Vec<String> { e.recipients.iter().flat_map(arg_keys).collect() };
    let (ka, kb) = (keys(a), keys(b));
    ka.is_empty() || kb.is_empty() || ka.iter().any(|k| kb.contains(k))
}

fn place_compatible(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x.eq_ignore_ascii_case(y),
        _ => true,
    }
}

fn status_rank(s: EventStatus) -> u8 {
    match s {
        EventStatus::Occurred => 0,
        EventStatus::Reported => 1,
        EventStatus::Announced => 2,
        EventStatus::Planned => 3,
        EventStatus::Hypothetical => 4,
        EventStatus::Negated => 5,
    }
}

fn more_specific(a: Option<&String>, b: Option<&String>) -> Option<String> {
    match (a, b) {
        (Some(x), Some(y)) => Some(if y.len() > x.len() && y.starts_with(x.as_str()) {
            y.clone()
        } else {
            x.clone()
        }),
        (x, y) => x.or(y).cloned(),
    }
}

/// Merges events from several documents (see the module docs). The result is sorted by time (unknown last).
pub fn merge(events: &[SourcedEvent]) -> Vec<MergedEvent> {
    let mut out: Vec<MergedEvent> = Vec::new();
    // Representative events, parallel to `out`, for the compatibility tests.
    let mut reps: Vec<Vec<Event>> = Vec::new();
    // The documents' dates of `reps`, parallel to it.
    let mut rep_dates: Vec<Vec<Option<String>>> = Vec::new();
    for se in events {
        let e = &se.event;
        let source = EventSource {
            doc_id: se.doc_id.clone(),
            start: e.span.start,
            end: e.span.end,
            text: se.text.clone(),
            time: e.time.clone(),
            location: e.location.clone(),
            status: e.status,
        };
        let mut target = None;
        for (i, m) in out.iter().enumerate() {
            if m.event_type != e.event_type {
                continue;
            }
            let ok = reps[i].iter().zip(&m.sources).zip(&rep_dates[i]).all(|((r, rs), rd)| {
                let mut rel = time_rel(r.time.as_deref(), e.time.as_deref());
                // Within one document, different dates are different events, and mentions dated by no
                // more than a year are only joined by the coder's own coreference: a report tells of
                // many events of one type in a year.
                if rs.doc_id == se.doc_id
                    && (rel == TimeRel::Near
                        || !precise(r.time.as_deref())
                        || !precise(e.time.as_deref()))
                {
                    rel = TimeRel::Different;
                }
                // Within one document, one party meeting or hitting two different others on one day did two
                // things ("meeting with the Lithuanian President", "meeting with President Zelenskyy").
                if rs.doc_id == se.doc_id && !recipients_compatible(r, e) {
                    rel = TimeRel::Different;
                }
                let same_place = place_compatible(r.location.as_deref(), e.location.as_deref());
                let both_placed = r.location.is_some() && e.location.is_some() && same_place;
                let dated = precise(r.time.as_deref()) && precise(e.time.as_deref());
                // Days apart ("Near") may be one event reported with two dates, or two events of a
                // digest's week: only shared names (not just a country) tie them.
                (participants_overlap(r, e, !dated || rel == TimeRel::Near) || (both_placed && dated))
                    && rel != TimeRel::Different
                    // Another place is only a conflict to report when both name the same precise date,
                    // and only between documents: one document naming two places tells of two events
                    // (a digest's "airstrike on Kabkabiya" and "shelling on Karary" of one day).
                    && (same_place
                        || dated && rel == TimeRel::Compatible && e.time == r.time && rs.doc_id != se.doc_id)
                    && r.mode == e.mode
                    && !undated_prospect_and_dated_fact(r, e)
                    && !announced_apart(r, e)
                    && !undated_and_years_apart((r, rd.as_deref()), (e, se.doc_date.as_deref()))
            });
            if ok {
                target = Some(i);
                break;
            }
        }
        match target {
            Some(i) => {
                let m = &mut out[i];
                for r in &reps[i] {
                    if time_rel(r.time.as_deref(), e.time.as_deref()) == TimeRel::Near {
                        let note = format!(
                            "time: {} vs {} ({})",
                            r.time.as_deref().unwrap_or("?"),
                            e.time.as_deref().unwrap_or("?"),
                            se.doc_id
                        );
                        if !m.conflicts.contains(&note) {
                            m.conflicts.push(note);
                        }
                    }
                    if !place_compatible(r.location.as_deref(), e.location.as_deref()) {
                        let note = format!(
                            "location: {} vs {} ({})",
                            r.location.as_deref().unwrap_or("?"),
                            e.location.as_deref().unwrap_or("?"),
                            se.doc_id
                        );
                        if !m.conflicts.contains(&note) {
                            m.conflicts.push(note);
                        }
                    }
                    if (r.status == EventStatus::Negated) != (e.status == EventStatus::Negated) {
                        let note = format!(
                            "status: {} vs {} ({})",
                            r.status.as_str(),
                            e.status.as_str(),
                            se.doc_id
                        );
                        if !m.conflicts.contains(&note) {
                            m.conflicts.push(note);
                        }
                    }
                }
                for a in &e.actors {
                    if !m
                        .actors
                        .iter()
                        .any(|x| arg_keys(x).iter().any(|k| arg_keys(a).contains(k)))
                    {
                        m.actors.push(a.clone());
                    }
                }
                for a in &e.recipients {
                    if !m
                        .recipients
                        .iter()
                        .chain(&m.actors)
                        .any(|x| arg_keys(x).iter().any(|k| arg_keys(a).contains(k)))
                    {
                        m.recipients.push(a.clone());
                    }
                }
                // Keep the first source's time unless another is a more specific form of it.
                if time_rel(m.time.as_deref(), e.time.as_deref()) == TimeRel::Compatible {
                    m.time = more_specific(m.time.as_ref(), e.time.as_ref());
                }
                m.location = m.location.clone().or(e.location.clone());
                m.mode = m.mode.clone().or(e.mode.clone());
                m.context = m.context.clone().or(e.context.clone());
                m.announced = m.announced.clone().or(e.announced.clone());
                if status_rank(e.status) < status_rank(m.status) && e.status != EventStatus::Negated
                {
                    m.status = e.status;
                }
                m.sources.push(source);
                reps[i].push(e.clone());
                rep_dates[i].push(se.doc_date.clone());
            }
            None => {
                out.push(MergedEvent {
                    event_type: e.event_type.clone(),
                    mode: e.mode.clone(),
                    context: e.context.clone(),
                    actors: e.actors.clone(),
                    recipients: e.recipients.clone(),
                    location: e.location.clone(),
                    time: e.time.clone(),
                    status: e.status,
                    announced: e.announced.clone(),
                    sources: vec![source],
                    conflicts: Vec::new(),
                });
                reps.push(vec![e.clone()]);
                rep_dates.push(vec![se.doc_date.clone()]);
            }
        }
    }
    out.sort_by(|a, b| match (&a.time, &b.time) {
        (Some(x), Some(y)) => x.cmp(y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_model::Span;

    fn arg(name: &str, country: &str) -> EventArgument {
        EventArgument {
            span: Span::new(0, 1),
            entity: None,
            name: name.into(),
            country: Some(country.into()),
            sector: None,
        }
    }

    fn ev(ty: &str, actors: &[(&str, &str)], time: Option<&str>, loc: Option<&str>) -> Event {
        Event {
            span: Span::new(0, 5),
            event_type: ty.into(),
            actors: actors.iter().map(|(n, c)| arg(n, c)).collect(),
            time: time.map(String::from),
            location: loc.map(String::from),
            ..Event::default()
        }
    }

    fn src(doc: &str, e: Event) -> SourcedEvent {
        SourcedEvent {
            doc_id: doc.into(),
            text: String::new(),
            event: e,
            doc_date: None,
        }
    }

    #[test]
    fn same_visit_from_two_documents_is_one_event() {
        let a = src(
            "a",
            ev(
                "CONSULT",
                &[("Vladimir Putin", "RUS")],
                Some("2022-12-19"),
                Some("Minsk"),
            ),
        );
        let b = src(
            "b",
            ev("CONSULT", &[("Putin", "RUS")], Some("2022-12"), None),
        );
        let c = src(
            "c",
            ev(
                "AGREE",
                &[("Putin", "RUS")],
                Some("2022-12-19"),
                Some("Minsk"),
            ),
        );
        let m = merge(&[a, b, c]);
        assert_eq!(m.len(), 2);
        let visit = m.iter().find(|x| x.event_type == "CONSULT").unwrap();
        assert_eq!(visit.sources.len(), 2);
        assert_eq!(visit.time.as_deref(), Some("2022-12-19"));
        assert!(visit.conflicts.is_empty());
    }

    #[test]
    fn the_same_parties_with_roles_reversed_are_two_events() {
        let mut a = ev("ASSAULT", &[("Russia", "RUS")], Some("2022-12"), None);
        a.recipients = vec![arg("Ukraine", "UKR")];
        let mut b = ev("ASSAULT", &[("Ukraine", "UKR")], Some("2022-12"), None);
        b.recipients = vec![arg("Russia", "RUS")];
        let mut c = ev("ASSAULT", &[("Russia", "RUS")], Some("2022-12"), None);
        c.recipients = vec![arg("Ukraine", "UKR")];
        let m = merge(&[src("a", a), src("b", b), src("c", c)]);
        assert_eq!(m.len(), 2, "{m:?}");
        assert_eq!(m.iter().map(|x| x.sources.len()).max(), Some(2));
    }

    #[test]
    fn near_dates_merge_with_a_conflict_far_dates_do_not() {
        let a = src(
            "a",
            ev("AGREE", &[("Shoigu", "RUS")], Some("2022-12-03"), None),
        );
        let b = src(
            "b",
            ev(
                "AGREE",
                &[("Khrenin", "BLR"), ("Shoigu", "RUS")],
                Some("2022-12-04"),
                None,
            ),
        );
        let c = src(
            "c",
            ev("AGREE", &[("Shoigu", "RUS")], Some("2023-05-01"), None),
        );
        let m = merge(&[a, b, c]);
        assert_eq!(m.len(), 2);
        assert_eq!(m[0].sources.len(), 2);
        assert_eq!(m[0].conflicts.len(), 1, "{:?}", m[0].conflicts);
        assert!(
            m[0].conflicts[0].contains("2022-12-03") && m[0].conflicts[0].contains("2022-12-04")
        );
        // Both actors are kept, and the first source's date is not overwritten.
        assert_eq!(m[0].actors.len(), 2);
        assert_eq!(m[0].time.as_deref(), Some("2022-12-03"));
    }

    #[test]
    fn undated_mentions_in_one_document_stay_apart() {
        let a = src("a", ev("AGREE", &[("Russia", "RUS")], None, None));
        let b = src("a", ev("AGREE", &[("Russia", "RUS")], None, None));
        assert_eq!(merge(&[a.clone(), b]).len(), 2);
        // Across documents, an undated report joins a dated one with the same participants.
        let c = src(
            "c",
            ev("AGREE", &[("Russia", "RUS")], Some("2022-12-03"), None),
        );
        let m = merge(&[a, c]);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].time.as_deref(), Some("2022-12-03"));
    }

    #[test]
    fn one_actor_meeting_two_others_on_one_day_in_one_document_met_twice() {
        let meeting = |doc: &str, whom: (&str, &str)| {
            let mut e = ev("CONSULT", &[("Joe Biden", "USA")], Some("2023-07-11"), None);
            e.recipients = vec![arg(whom.0, whom.1)];
            src(doc, e)
        };
        let (a, b) = (("Gitanas Nauseda", "LTU"), ("Volodymyr Zelensky", "UKR"));
        assert_eq!(merge(&[meeting("d", a), meeting("d", b)]).len(), 2);
        assert_eq!(merge(&[meeting("d", a), meeting("d", a)]).len(), 1);
    }

    #[test]
    fn mentions_of_one_document_dated_by_a_bare_year_stay_apart() {
        // The seed's "the two countries also agreed on a rate for crude oil" and "the foreign ministers
        // agreed a plan of joint actions", both told of 2022: a year fits too many events of one report.
        let pair = |doc: &str| {
            let parties = [("Russia", "RUS"), ("Belarus", "BLR")];
            src(doc, ev("AGREE", &parties, Some("2022"), None))
        };
        assert_eq!(merge(&[pair("a"), pair("a")]).len(), 2);
        // Across documents the same pair still joins when they name the parties alike.
        assert_eq!(merge(&[pair("a"), pair("c")]).len(), 1);
    }

    #[test]
    fn an_undated_mention_does_not_join_one_written_years_apart() {
        let dated = |doc: &str, date: &str, time: Option<&str>| SourcedEvent {
            doc_date: Some(date.into()),
            ..src(doc, ev("AID", &[("Russia", "RUS")], time, None))
        };
        let a = dated("a", "2022-12-27", None);
        assert_eq!(merge(&[a.clone(), dated("b", "2025-03-18", None)]).len(), 2);
        assert_eq!(
            merge(&[a.clone(), dated("b", "2025-03-18", Some("2021-11"))]).len(),
            2
        );
        // A report of the next year still tells of the same event.
        assert_eq!(merge(&[a, dated("b", "2023-01-10", None)]).len(), 1);
    }

    #[test]
    fn a_mention_must_fit_every_mention_of_the_event_it_joins() {
        let a = src(
            "a",
            ev("CONCEDE", &[("Wagner", "RUS")], Some("2023-05"), None),
        );
        let b = src(
            "b",
            ev(
                "CONCEDE",
                &[("Prigozhin", "RUS"), ("NATO", "IGO")],
                Some("2023-05"),
                None,
            ),
        );
        // Shares NATO with b, nothing with a: no chain a–b–c.
        let c = src(
            "c",
            ev("CONCEDE", &[("NATO", "IGO")], Some("2023-05-20"), None),
        );
        let m = merge(&[a, b, c]);
        assert_eq!(m.len(), 2, "{m:?}");
        assert_eq!(m.iter().map(|x| x.sources.len()).max(), Some(2));
    }

    #[test]
    fn an_undated_prospect_does_not_join_a_dated_happening() {
        let mut plan = ev("AGREE", &[("Belarus", "BLR")], None, None);
        plan.status = EventStatus::Announced;
        plan.announced = Some("2022-12-19".into());
        let treaty = ev("AGREE", &[("Belarus", "BLR")], Some("1997-04-02"), None);
        assert_eq!(merge(&[src("a", treaty), src("b", plan.clone())]).len(), 2);
        // Another plan of the same parties may be the same plan.
        let mut again = plan.clone();
        again.status = EventStatus::Planned;
        assert_eq!(merge(&[src("a", again), src("b", plan)]).len(), 1);
    }

    #[test]
    fn plans_announced_months_apart_are_two_plans() {
        let announced = |on: &str, time: Option<&str>| {
            let mut e = ev("MOBILIZE", &[("Russia", "RUS")], time, Some("Belarus"));
            e.status = EventStatus::Planned;
            e.announced = Some(on.into());
            e
        };
        let drills = src("a", announced("2022-12-03", None));
        let weapons = src("b", announced("2023-03-25", Some("2023-07")));
        assert_eq!(merge(&[drills.clone(), weapons]).len(), 2);
        // Announced days apart, or once, it may be one plan.
        let again = src("b", announced("2022-12-05", Some("2023-07")));
        assert_eq!(merge(&[drills.clone(), again]).len(), 1);
        let mut once = announced("2022-12-03", None);
        once.announced = None;
        assert_eq!(merge(&[drills, src("b", once)]).len(), 1);
    }

    #[test]
    fn an_undated_mention_needs_a_participant_named_alike() {
        let a = src("a", ev("MOBILIZE", &[("Putin", "RUS")], None, None));
        let b = src(
            "b",
            ev("MOBILIZE", &[("Shoigu", "RUS")], Some("1996"), None),
        );
        assert_eq!(merge(&[a.clone(), b]).len(), 2);
        let c = src(
            "c",
            ev(
                "MOBILIZE",
                &[("Vladimir Putin", "RUS")],
                Some("2022-12"),
                None,
            ),
        );
        assert_eq!(merge(&[a, c]).len(), 1);
    }

    #[test]
    fn a_shared_last_word_ties_names_only_of_the_same_country() {
        // A bare "Union" (no country) is not the "European Union".
        let mut union = ev("CONSULT", &[], None, None);
        union.actors.push(EventArgument {
            country: None,
            ..arg("Union", "")
        });
        let eu = ev(
            "CONSULT",
            &[("European Union", "IGO"), ("Mercosur", "IGO")],
            Some("2024"),
            None,
        );
        assert_eq!(merge(&[src("a", union), src("b", eu)]).len(), 2);
    }

    #[test]
    fn the_same_year_does_not_join_attacks_in_different_places() {
        let kramatorsk = ev(
            "ASSAULT",
            &[("Russia", "RUS")],
            Some("2023"),
            Some("Kramatorsk"),
        );
        let kherson = ev(
            "ASSAULT",
            &[("Russia", "RUS")],
            Some("2023"),
            Some("Kherson"),
        );
        assert_eq!(
            merge(&[src("a", kramatorsk.clone()), src("b", kherson)]).len(),
            2
        );
        // On the same day, another place name is a detail the sources disagree on.
        let mut a = kramatorsk.clone();
        a.time = Some("2023-06-27".into());
        let mut b = a.clone();
        b.location = Some("Donetsk Oblast".into());
        let m = merge(&[src("a", a.clone()), src("b", b.clone())]);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].conflicts.len(), 1, "{:?}", m[0].conflicts);
        // One document naming two places on one day (a digest) tells of two attacks.
        assert_eq!(merge(&[src("a", a), src("a", b)]).len(), 2);
    }

    #[test]
    fn disjoint_participants_stay_apart() {
        let a = src(
            "a",
            ev("ASSAULT", &[("Russia", "RUS")], Some("2022-12-03"), None),
        );
        let b = src(
            "b",
            ev("ASSAULT", &[("Israel", "ISR")], Some("2022-12-03"), None),
        );
        assert_eq!(merge(&[a, b]).len(), 2);
    }

    #[test]
    fn ranges_and_days_are_compatible() {
        assert_eq!(
            time_rel(Some("2022-12-26/2022-12-27"), Some("2022-12-27")),
            TimeRel::Compatible
        );
        assert_eq!(
            time_rel(Some("2022-12-19"), Some("2022-12-22")),
            TimeRel::Near
        );
        assert_eq!(
            time_rel(Some("2022-12-19"), Some("2021-12-19")),
            TimeRel::Different
        );
    }
}
