//! Hand-built layers for tests, standing in for the time and entity components until they are merged.
#![allow(dead_code)]

use dossier_model::{Document, Entity, Mention, Span, Timex, TimexRange, TimexType};

/// Adds a timex on the `nth` (0-based) occurrence of `surface`.
pub fn timex(doc: &mut Document, surface: &str, nth: usize, value: &str) {
    let Some((pos, _)) = doc.text.match_indices(surface).nth(nth) else {
        panic!("no occurrence {nth} of {surface:?}");
    };
    let range = value.split_once('/').map(|(a, b)| TimexRange {
        begin: a.into(),
        end: b.into(),
        begin_span: None,
        end_span: None,
    });
    let value = value.split('/').next().unwrap().to_string();
    doc.timexes.push(Timex {
        span: Span::new(pos, pos + surface.len()),
        kind: TimexType::Date,
        value,
        modifier: None,
        range,
        anchor: None,
    });
    doc.timexes.sort_by_key(|t| t.span.start);
}

/// Adds an entity with mentions on every whole-word occurrence of each surface not inside an earlier mention.
pub fn entity(
    doc: &mut Document,
    id: &str,
    kind: &str,
    country: Option<&str>,
    sector: Option<&str>,
    surfaces: &[&str],
) {
    let mut mentions = Vec::new();
    let taken: Vec<Span> = doc
        .entities
        .iter()
        .flat_map(|e| e.mentions.iter().map(|m| m.span))
        .collect();
    for s in surfaces {
        for (pos, _) in doc.text.match_indices(s) {
            let sp = Span::new(pos, pos + s.len());
            let before = doc.text[..pos].chars().next_back();
            let after = doc.text[sp.end..].chars().next();
            if before.is_some_and(|c| c.is_alphanumeric())
                || after.is_some_and(|c| c.is_alphanumeric())
            {
                continue;
            }
            if taken
                .iter()
                .chain(mentions.iter().map(|m: &Mention| &m.span))
                .any(|t| t.overlaps(sp))
            {
                continue;
            }
            mentions.push(Mention::name(sp));
        }
    }
    mentions.sort_by_key(|m| m.span.start);
    let mut e = Entity::new(id, surfaces[0], kind);
    e.country = country.map(String::from);
    e.sector = sector.map(String::from);
    e.mentions = mentions;
    doc.entities.push(e);
}

/// Layout blocks as the ingest stage makes them: first line title, short lines without final punctuation
/// headings, the rest paragraphs.
pub fn add_blocks(doc: &mut Document) {
    use dossier_model::{Block, BlockKind};
    let mut pos = 0;
    for (n, line) in doc.text.split('\n').enumerate() {
        let start = pos;
        pos += line.len() + 1;
        let trimmed = line.trim_end();
        if trimmed.is_empty() {
            continue;
        }
        let kind = if n == 0 {
            BlockKind::Title
        } else if trimmed.len() < 80 && !trimmed.ends_with(['.', '!', '?', '"', '”']) {
            BlockKind::Heading
        } else {
            BlockKind::Paragraph
        };
        doc.blocks.push(Block {
            kind,
            span: Span::new(start, start + trimmed.len()),
        });
    }
}

pub fn seed_path() -> std::path::PathBuf {
    dossier_event::eval::shared_dir()
        .unwrap_or_else(|| std::path::PathBuf::from("../shared"))
        .join("seeds/000_11c1b68eb0c62326.txt")
}

/// The seed document with hand-built time and entity layers (what the time and entity components should give).
pub fn seed_doc() -> Option<Document> {
    let text = std::fs::read_to_string(seed_path()).ok()?;
    let mut doc = Document::new(text);
    doc.meta.dct = dossier_model::Dct::given("2023-01-12");
    add_blocks(&mut doc);
    dossier_segment::segment(&mut doc);
    timex(&mut doc, "December 2022", 0, "2022-12");
    timex(&mut doc, "19 December 2022", 0, "2022-12-19");
    timex(&mut doc, "that same day", 0, "2022-12-19");
    timex(&mut doc, "26-27 December", 0, "2022-12-26/2022-12-27");
    timex(&mut doc, "3 December", 0, "2022-12-03");
    timex(&mut doc, "In 2023", 0, "2023");
    timex(&mut doc, "21 December", 0, "2022-12-21");
    timex(&mut doc, "21 December", 1, "2022-12-21");
    timex(&mut doc, "2024-2026", 0, "2024/2026");
    timex(&mut doc, "November 2021", 0, "2021-11");
    timex(&mut doc, "next three years", 0, "P3Y");
    timex(&mut doc, "In 2022", 0, "2022");
    timex(&mut doc, "August 2020", 0, "2020-08");
    timex(&mut doc, "July 2023", 0, "2023-07");
    doc.timexes
        .iter_mut()
        .filter(|t| t.value == "P3Y")
        .for_each(|t| t.kind = TimexType::Duration);
    entity(
        &mut doc,
        "e1",
        "PERSON",
        Some("RUS"),
        Some("GOV"),
        &["Vladimir Putin", "Putin"],
    );
    entity(
        &mut doc,
        "e2",
        "PERSON",
        Some("RUS"),
        Some("MIL"),
        &["Sergei Shoigu", "Shoigu"],
    );
    entity(
        &mut doc,
        "e3",
        "PERSON",
        Some("BLR"),
        Some("MIL"),
        &["Viktar Khrenin"],
    );
    entity(
        &mut doc,
        "e4",
        "PERSON",
        Some("BLR"),
        Some("GOV"),
        &["Alexander Lukashenka", "Lukashenka"],
    );
    entity(
        &mut doc,
        "e5",
        "PERSON",
        Some("RUS"),
        Some("GOV"),
        &["Dmitry Mezentsev", "Mezentsev"],
    );
    entity(
        &mut doc,
        "e6",
        "ORG",
        None,
        Some("LEG"),
        &["Union State Parliamentary Assembly"],
    );
    entity(
        &mut doc,
        "e7",
        "EXERCISE",
        None,
        None,
        &["Zapad 2023", "Union Shield"],
    );
    entity(
        &mut doc,
        "e8",
        "WEAPON",
        None,
        None,
        &["Iskander-M", "S-400"],
    );
    entity(&mut doc, "e9", "ORG", Some("IGO"), Some("MIL"), &["NATO"]);
    entity(
        &mut doc,
        "e10",
        "STATE",
        Some("BLR"),
        Some("GOV"),
        &["Belarus"],
    );
    entity(
        &mut doc,
        "e11",
        "STATE",
        Some("RUS"),
        Some("GOV"),
        &["Russia"],
    );
    entity(
        &mut doc,
        "e12",
        "STATE",
        Some("UKR"),
        Some("GOV"),
        &["Ukraine"],
    );
    entity(&mut doc, "e13", "PLACE", Some("BLR"), None, &["Minsk"]);
    entity(&mut doc, "e14", "PLACE", Some("RUS"), None, &["Moscow"]);
    entity(
        &mut doc,
        "e15",
        "PLACE",
        Some("RUS"),
        None,
        &["Saint Petersburg"],
    );
    entity(
        &mut doc,
        "e16",
        "ORG",
        None,
        Some("GOV"),
        &["Regional Forces Group"],
    );
    doc.entities
        .iter_mut()
        .for_each(|e| e.mentions.retain(|_| true));
    Some(doc)
}
