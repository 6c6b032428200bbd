//! Timelines: events of several documents, merged across documents ([`mod@crate::merge`]), filtered and printed
//! in time order with status and sources.

use std::fmt::Write;

use dossier_model::{Document, EventArgument};

use crate::merge::{merge, MergedEvent, SourcedEvent};

/// Filters for [`timeline`].
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// Keep events with an actor or recipient whose name has a word starting with this (case-insensitive),
    /// or whose country code equals it.
    pub actor: Option<String>,
    /// Keep events whose time ends on or after this ISO date (prefix comparison).
    pub from: Option<String>,
    /// Keep events whose time starts on or before this ISO date.
    pub to: Option<String>,
    /// Keep events of this PLOVER type.
    pub event_type: Option<String>,
    /// Also keep events that name no participant, place or time. They stay in the store and the exports,
    /// but a timeline line with none of the four ("any update you can give?") tells an analyst nothing.
    pub all: bool,
}

/// The events of `docs` with the text of their sentence.
pub fn sourced_events(docs: &[Document]) -> Vec<SourcedEvent> {
    let mut out = Vec::new();
    for d in docs {
        for e in &d.events {
            let text = d
                .sentence_at(e.span.start)
                .map(|i| d.slice(d.sentences[i].span).to_string())
                .unwrap_or_else(|| d.slice(e.span).to_string());
            out.push(SourcedEvent {
                doc_id: d.meta.id.clone(),
                text,
                event: e.clone(),
                doc_date: d.meta.dct.value.clone(),
            });
        }
    }
    out
}

/// A name matches when the query is the start of one of its words ("putin" matches "Vladimir Putin",
/// "rus" does not match "Belarus"), or a country code equals it.
fn arg_matches(a: &EventArgument, q: &str) -> bool {
    let q = q.to_lowercase();
    let name = a.name.to_lowercase();
    let word_start = name
        .match_indices(&q)
        .any(|(i, _)| i == 0 || !name[..i].ends_with(|c: char| c.is_alphanumeric()));
    word_start
        || a.country
            .as_deref()
            .is_some_and(|c| c.eq_ignore_ascii_case(&q))
}

fn time_bounds(t: &str) -> (&str, &str) {
    t.split_once('/').unwrap_or((t, t))
}

impl Filter {
    pub fn keep(&self, m: &MergedEvent) -> bool {
        let anchored = !m.actors.is_empty()
            || !m.recipients.is_empty()
            || m.location.is_some()
            || m.time.is_some();
        if !(anchored || self.all) {
            return false;
        }
        if let Some(ty) = &self.event_type {
            if !m.event_type.eq_ignore_ascii_case(ty) {
                return false;
            }
        }
        if let Some(q) = &self.actor {
            if !m
                .actors
                .iter()
                .chain(&m.recipients)
                .any(|a| arg_matches(a, q))
            {
                return false;
            }
        }
        if self.from.is_some() || self.to.is_some() {
            let Some(t) = &m.time else { return false };
            let (a, b) = time_bounds(t);
            if let Some(from) = &self.from {
                // "2022-12" ends after "2022-12-05" when its prefix is not smaller.
                if b < from.as_str() && !from.starts_with(b) {
                    return false;
                }
            }
            if let Some(to) = &self.to {
                if a > to.as_str() && !a.starts_with(to.as_str()) {
                    return false;
                }
            }
        }
        true
    }
}

/// Merged, filtered events of `docs` in time order.
pub fn timeline(docs: &[Document], filter: &Filter) -> Vec<MergedEvent> {
    merge(&sourced_events(docs))
        .into_iter()
        .filter(|m| filter.keep(m))
        .collect()
}

fn args(v: &[EventArgument]) -> String {
    v.iter()
        .map(|a| match (&a.country, &a.sector) {
            (Some(c), Some(s)) => format!("{} ({c}-{s})", a.name),
            (Some(c), None) => format!("{} ({c})", a.name),
            _ => a.name.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// One block of text per event: date, type/mode, status, participants, place, sources.
pub fn format(events: &[MergedEvent]) -> String {
    let mut out = String::new();
    for m in events {
        let ty = match &m.mode {
            Some(mode) => format!("{}/{}", m.event_type, mode),
            None => m.event_type.clone(),
        };
        let mut status = m.status.as_str().to_string();
        if let Some(a) = &m.announced {
            let _ = write!(status, " {a}");
        }
        let _ = write!(
            out,
            "{:<23} {:<17} {:<20}",
            m.time.as_deref().unwrap_or("(undated)"),
            ty,
            status
        );
        if !m.actors.is_empty() {
            let _ = write!(out, " {}", args(&m.actors));
        }
        if !m.recipients.is_empty() {
            let _ = write!(out, " → {}", args(&m.recipients));
        }
        if let Some(l) = &m.location {
            let _ = write!(out, " @ {l}");
        }
        out.push('\n');
        for s in &m.sources {
            let snippet: String = s.text.chars().take(110).collect();
            let ell = if s.text.chars().count() > 110 {
                "…"
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "    [{}] {snippet}{ell}",
                &s.doc_id[..s.doc_id.len().min(8)]
            );
        }
        for c in &m.conflicts {
            let _ = writeln!(out, "    ! conflict: {c}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_model::{Event, Span};

    fn ev(ty: &str, time: &str, who: &str, c: &str) -> Event {
        Event {
            span: Span::new(0, 4),
            event_type: ty.into(),
            time: Some(time.into()),
            actors: vec![EventArgument {
                span: Span::new(0, 4),
                name: who.into(),
                country: Some(c.into()),
                ..EventArgument::default()
            }],
            ..Event::default()
        }
    }

    #[test]
    fn filters_by_actor_type_and_dates() {
        let mut d = Document::new("Putin met Lukashenka. Russia attacked.");
        d.events = vec![
            ev("CONSULT", "2022-12-19", "Vladimir Putin", "RUS"),
            ev("ASSAULT", "2022-02", "Russia", "RUS"),
            ev("AGREE", "2023", "Belarus", "BLR"),
        ];
        let all = timeline(std::slice::from_ref(&d), &Filter::default());
        assert_eq!(all.len(), 3);
        assert_eq!(all[0].time.as_deref(), Some("2022-02"));
        let f = Filter {
            actor: Some("putin".into()),
            ..Filter::default()
        };
        assert_eq!(timeline(std::slice::from_ref(&d), &f).len(), 1);
        let f = Filter {
            actor: Some("RUS".into()),
            from: Some("2022-03".into()),
            ..Filter::default()
        };
        assert_eq!(timeline(std::slice::from_ref(&d), &f).len(), 1);
        let f = Filter {
            to: Some("2022-12".into()),
            event_type: Some("consult".into()),
            ..Filter::default()
        };
        assert_eq!(timeline(std::slice::from_ref(&d), &f).len(), 1);
        let text = format(&all);
        assert!(text.contains("CONSULT") && text.contains("Vladimir Putin (RUS)"));
    }

    #[test]
    fn an_event_with_no_participant_place_or_time_is_shown_only_on_request() {
        let mut d = Document::new("Any update you can give on that? Russia attacked.");
        let bare = Event {
            span: Span::new(4, 10),
            event_type: "AID".into(),
            ..Event::default()
        };
        d.events = vec![bare.clone(), ev("ASSAULT", "2022-02", "Russia", "RUS")];
        let shown = timeline(std::slice::from_ref(&d), &Filter::default());
        assert_eq!(shown.len(), 1);
        assert_eq!(shown[0].event_type, "ASSAULT");
        let f = Filter {
            all: true,
            ..Filter::default()
        };
        assert_eq!(timeline(std::slice::from_ref(&d), &f).len(), 2);
        // A place alone is enough.
        d.events = vec![Event {
            location: Some("Saint Petersburg".into()),
            ..bare
        }];
        assert_eq!(
            timeline(std::slice::from_ref(&d), &Filter::default()).len(),
            1
        );
    }
}
