//! Entity evaluation on external gold data: re3d (defence/security, Syria/Iraq) and UNER English-EWT.
//! Exact-span, typed matching; precision, recall and F1 per type and micro-averaged overall.
//!
//! Label mapping (Dossier → corpus), documented in `docs/quality.md`:
//!
//! | Dossier mention | re3d | UNER |
//! |---|---|---|
//! | PERSON (name, surname) | Person | PER |
//! | ORG, FORMATION | Organisation | ORG |
//! | STATE name/acronym, PLACE, capital metonym | Location | LOC |
//! | STATE demonym | Nationality | — |
//! | WEAPON of class aircraft/helicopter/ship/vehicle/tank/drone | MilitaryPlatform | — |
//! | other WEAPON | Weapon | — |
//! | EXERCISE, GROUP | — | — |
//!
//! re3d gold is filtered on confidence ≥ 0.5 and on the six types above; offsets are code points. re3d
//! spans for organisations and locations include a leading article (349 of 375 gold cases), so a "the"
//! directly before such a mention is added to its span for re3d scoring.

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::path::Path;

use dossier_model::{Block, BlockKind, CharMap, Document, Span};

/// Counts for one label.
pub type Counts = dossier_eval::Prf;

/// Per-type and overall scores of one system on one corpus.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub corpus: String,
    pub system: String,
    pub units: usize,
    pub by_type: BTreeMap<String, Counts>,
}

impl Report {
    pub fn overall(&self) -> Counts {
        let mut c = Counts::default();
        for v in self.by_type.values() {
            c.tp += v.tp;
            c.fp += v.fp;
            c.fn_ += v.fn_;
        }
        c
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} — {} ({} documents/sentences), exact span + type",
            self.corpus, self.system, self.units
        )?;
        writeln!(f, "| type | gold | predicted | TP | P | R | F1 |")?;
        writeln!(f, "|---|---|---|---|---|---|---|")?;
        let row = |f: &mut fmt::Formatter<'_>, name: &str, c: &Counts| {
            writeln!(
                f,
                "| {} | {} | {} | {} | {:.3} | {:.3} | {:.3} |",
                name,
                c.tp + c.fn_,
                c.tp + c.fp,
                c.tp,
                c.precision(),
                c.recall(),
                c.f1()
            )
        };
        for (k, v) in &self.by_type {
            row(f, k, v)?;
        }
        row(f, "**overall**", &self.overall())
    }
}

/// A labelled span in code points: (unit id, start, end, label).
pub type Item = (String, usize, usize, String);

fn score(
    corpus: &str,
    system: &str,
    units: usize,
    gold: &HashSet<Item>,
    pred: &HashSet<Item>,
    labels: &[&str],
) -> Report {
    let mut r = Report {
        corpus: corpus.into(),
        system: system.into(),
        units,
        by_type: BTreeMap::new(),
    };
    for l in labels {
        r.by_type.insert(l.to_string(), Counts::default());
    }
    for p in pred {
        let c = r.by_type.entry(p.3.clone()).or_default();
        if gold.contains(p) {
            c.tp += 1;
        } else {
            c.fp += 1;
        }
    }
    for g in gold {
        if !pred.contains(g) {
            r.by_type.entry(g.3.clone()).or_default().fn_ += 1;
        }
    }
    r
}

/// The corpus label of a mention, or `None` when the corpus has no such type.
fn label(kind: &str, form: &str, subtype: Option<&str>, corpus: Corpus) -> Option<&'static str> {
    if matches!(form, "group" | "title" | "designation") {
        return None;
    }
    let demonym = form == "demonym";
    match corpus {
        Corpus::Re3d => Some(match kind {
            "PERSON" => "Person",
            "ORG" | "FORMATION" => "Organisation",
            "STATE" if demonym => "Nationality",
            "STATE" | "PLACE" => "Location",
            "WEAPON" => match subtype {
                Some("aircraft" | "helicopter" | "ship" | "vehicle" | "tank" | "drone") => {
                    "MilitaryPlatform"
                }
                _ => "Weapon",
            },
            _ => return None,
        }),
        Corpus::Uner => Some(match kind {
            "PERSON" => "PER",
            "ORG" | "FORMATION" => "ORG",
            "STATE" | "PLACE" if !demonym => "LOC",
            _ => return None,
        }),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Corpus {
    Re3d,
    Uner,
}

const RE3D_TYPES: [&str; 6] = [
    "Location",
    "MilitaryPlatform",
    "Nationality",
    "Organisation",
    "Person",
    "Weapon",
];
const UNER_TYPES: [&str; 3] = ["LOC", "ORG", "PER"];

const TITLE_WORDS: &[&str] = &[
    "president",
    "minister",
    "prime",
    "secretary",
    "general",
    "gen",
    "foreign",
    "defence",
    "defense",
    "mr",
    "mrs",
    "ms",
    "dr",
    "lt",
    "col",
    "maj",
    "capt",
    "colonel",
    "major",
    "captain",
    "sheikh",
    "king",
    "queen",
    "prince",
    "ambassador",
    "deputy",
    "vice",
    "commander",
    "spokesman",
    "chief",
    "senator",
    "governor",
    "brig",
    "admiral",
    "ayatollah",
    "lieutenant",
    "sergeant",
    "sgt",
    "state",
    "home",
    "interior",
    "leader",
];

/// re3d convention: a Person span includes the title right before the name ("Foreign Minister Julie
/// Bishop", "the Iraqi Prime Minister Haider al-Abadi"; 48 of 53 gold cases). Returns the new byte start.
pub fn title_start(text: &str, start: usize) -> usize {
    let demonyms = crate::annotate::Resources::embedded();
    let mut new_start = start;
    let mut cur = start;
    let mut titled = false;
    loop {
        let before = &text[..cur];
        let trimmed = before.trim_end();
        let gap = &before[trimmed.len()..];
        if gap.is_empty() || gap.len() > 3 || gap.contains('\n') {
            break;
        }
        let ws = trimmed
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map(|(i, c)| i + c.len_utf8())
            .unwrap_or(0);
        let tok = &trimmed[ws..];
        if tok.is_empty() {
            break;
        }
        let folded = crate::norm::fold(tok.trim_end_matches('.'));
        let cap = tok.chars().next().is_some_and(char::is_uppercase);
        let is_title = cap && TITLE_WORDS.contains(&folded.as_str());
        let is_of = folded == "of" && titled;
        let is_dem = cap && demonyms.is_demonym(&folded);
        if is_title || is_of || is_dem {
            titled |= is_title;
            cur = ws;
            if is_title || is_dem {
                new_start = ws;
            }
            continue;
        }
        if titled && (tok == "the" || tok == "The") {
            new_start = ws;
        }
        break;
    }
    if titled {
        new_start
    } else {
        start
    }
}

/// Runs the annotator on `text` (one paragraph block, so no heading heuristics) and returns mentions as
/// (code-point start, end, label).
fn predict(text: &str, corpus: Corpus) -> Vec<(usize, usize, &'static str)> {
    let mut doc = Document::new(text);
    doc.blocks.push(Block {
        kind: BlockKind::Paragraph,
        span: Span::new(0, text.len()),
    });
    let ents = crate::annotate::annotate(&doc);
    let map = CharMap::new(text);
    let mut out = Vec::new();
    for e in &ents {
        for m in &e.mentions {
            let kind = if m.form == "metonym" {
                "PLACE"
            } else {
                e.kind.as_str()
            };
            if let Some(l) = label(kind, &m.form, e.subtype.as_deref(), corpus) {
                let mut start = m.span.start;
                if corpus == Corpus::Re3d && l == "Person" {
                    start = title_start(text, start);
                }
                // re3d convention: organisation and location spans include a leading "the".
                if corpus == Corpus::Re3d && matches!(l, "Organisation" | "Location") {
                    let before = &text[..start];
                    if before.ends_with("the ") || before.ends_with("The ") {
                        start -= 4;
                    }
                }
                out.push((map.char_of(start), map.char_of(m.span.end), l));
            }
        }
    }
    out
}

/// One re3d document: id, text, gold items.
pub struct Re3dDoc {
    pub id: String,
    pub text: String,
    pub gold: Vec<Item>,
}

/// Reads the re3d corpus under `dir` (every sub-folder with `documents.json` and `entities.json`).
pub fn read_re3d(dir: &Path) -> Result<Vec<Re3dDoc>, String> {
    let mut docs = Vec::new();
    let mut subs: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.join("documents.json").exists())
        .collect();
    subs.sort();
    for sub in subs {
        let read = |f: &str| {
            std::fs::read_to_string(sub.join(f))
                .map_err(|e| format!("{}: {e}", sub.join(f).display()))
        };
        let mut gold: BTreeMap<String, Vec<Item>> = BTreeMap::new();
        for line in read("entities.json")?
            .lines()
            .filter(|l| !l.trim().is_empty())
        {
            let v: serde_json::Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
            let conf = v["confidence"].as_f64().unwrap_or(0.0);
            let ty = v["type"].as_str().unwrap_or("");
            if conf < 0.5 || !RE3D_TYPES.contains(&ty) {
                continue;
            }
            let id = v["documentId"].as_str().unwrap_or("").to_string();
            let (b, e) = (
                v["begin"].as_u64().unwrap_or(0) as usize,
                v["end"].as_u64().unwrap_or(0) as usize,
            );
            gold.entry(id.clone())
                .or_default()
                .push((id, b, e, ty.to_string()));
        }
        for line in read("documents.json")?
            .lines()
            .filter(|l| !l.trim().is_empty())
        {
            let v: serde_json::Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
            let id = v["_id"].as_str().unwrap_or("").to_string();
            let text = v["text"].as_str().unwrap_or("").to_string();
            docs.push(Re3dDoc {
                gold: gold.remove(&id).unwrap_or_default(),
                id,
                text,
            });
        }
    }
    Ok(docs)
}

/// Scores Dossier on re3d.
pub fn re3d(dir: &Path) -> Result<Report, String> {
    let docs = read_re3d(dir)?;
    let mut gold = HashSet::new();
    let mut pred = HashSet::new();
    for d in &docs {
        gold.extend(d.gold.iter().cloned());
        for (s, e, l) in predict(&d.text, Corpus::Re3d) {
            pred.insert((d.id.clone(), s, e, l.to_string()));
        }
    }
    dump(
        &docs
            .iter()
            .map(|d| (d.id.clone(), d.text.clone()))
            .collect::<Vec<_>>(),
        &gold,
        &pred,
    );
    Ok(score(
        "re3d (conf ≥ 0.5)",
        "dossier",
        docs.len(),
        &gold,
        &pred,
        &RE3D_TYPES,
    ))
}

/// With `DOSSIER_EVAL_DUMP=FILE`, writes false positives and negatives (for error analysis on dev data).
fn dump(texts: &[(String, String)], gold: &HashSet<Item>, pred: &HashSet<Item>) {
    let Ok(path) = std::env::var("DOSSIER_EVAL_DUMP") else {
        return;
    };
    let by_id: std::collections::HashMap<&str, Vec<char>> = texts
        .iter()
        .map(|(i, t)| (i.as_str(), t.chars().collect()))
        .collect();
    let mut out = String::new();
    let show = |it: &Item| -> String {
        by_id
            .get(it.0.as_str())
            .and_then(|t| t.get(it.1..it.2))
            .map(|c| c.iter().collect())
            .unwrap_or_default()
    };
    for g in gold.iter().filter(|g| !pred.contains(*g)) {
        out.push_str(&format!("FN\t{}\t{}\n", g.3, show(g)));
    }
    for p in pred.iter().filter(|p| !gold.contains(*p)) {
        out.push_str(&format!("FP\t{}\t{}\n", p.3, show(p)));
    }
    let _ = std::fs::write(path, out);
}

/// One UNER document: sentences (id, text, offset of the sentence in the joined document text) and gold.
pub struct UnerDoc {
    pub sentences: Vec<(String, String, usize)>,
    pub gold: Vec<Item>,
}

impl UnerDoc {
    /// Sentences joined by newlines (the text Dossier and spaCy both see).
    pub fn text(&self) -> String {
        self.sentences
            .iter()
            .map(|s| s.1.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Reads a UNER IOB2 file; gold spans are code-point offsets into each sentence's `# text`.
pub fn read_uner(path: &Path) -> Result<Vec<UnerDoc>, String> {
    let data = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut docs: Vec<UnerDoc> = Vec::new();
    let mut sent_id = String::new();
    let mut text = String::new();
    let mut toks: Vec<(String, String)> = Vec::new();
    let flush =
        |docs: &mut Vec<UnerDoc>, sent_id: &str, text: &str, toks: &mut Vec<(String, String)>| {
            if toks.is_empty() {
                return;
            }
            if docs.is_empty() {
                docs.push(UnerDoc {
                    sentences: Vec::new(),
                    gold: Vec::new(),
                });
            }
            let d = docs.last_mut().expect("pushed");
            let base = d
                .sentences
                .iter()
                .map(|s| s.1.chars().count() + 1)
                .sum::<usize>();
            d.sentences
                .push((sent_id.to_string(), text.to_string(), base));
            // Align tokens to the sentence text (code points).
            let chars: Vec<char> = text.chars().collect();
            let mut pos = 0usize;
            let mut cur: Option<(usize, usize, String)> = None;
            for (tok, tag) in toks.iter() {
                let tc: Vec<char> = tok.chars().collect();
                let mut found = None;
                let mut k = pos;
                while k + tc.len() <= chars.len() {
                    if chars[k..k + tc.len()] == tc[..] {
                        found = Some(k);
                        break;
                    }
                    k += 1;
                }
                let (s, e) = match found {
                    Some(s) => (s, s + tc.len()),
                    None => (pos, pos),
                };
                pos = e;
                let (bio, ty) = tag.split_once('-').unwrap_or((tag.as_str(), ""));
                match bio {
                    "B" => {
                        if let Some((a, b, t)) = cur.take() {
                            d.gold.push((sent_id.to_string(), a, b, t));
                        }
                        cur = Some((s, e, ty.to_string()));
                    }
                    "I" if cur.as_ref().is_some_and(|c| c.2 == ty) => {
                        if let Some(c) = cur.as_mut() {
                            c.1 = e;
                        }
                    }
                    _ => {
                        if let Some((a, b, t)) = cur.take() {
                            d.gold.push((sent_id.to_string(), a, b, t));
                        }
                    }
                }
            }
            if let Some((a, b, t)) = cur.take() {
                d.gold.push((sent_id.to_string(), a, b, t));
            }
            toks.clear();
        };
    for line in data.lines() {
        if let Some(rest) = line.strip_prefix("# newdoc") {
            let _ = rest;
            flush(&mut docs, &sent_id, &text, &mut toks);
            docs.push(UnerDoc {
                sentences: Vec::new(),
                gold: Vec::new(),
            });
        } else if let Some(rest) = line.strip_prefix("# sent_id = ") {
            flush(&mut docs, &sent_id, &text, &mut toks);
            sent_id = rest.trim().to_string();
        } else if let Some(rest) = line.strip_prefix("# text = ") {
            text = rest.to_string();
        } else if line.starts_with('#') {
        } else if line.trim().is_empty() {
            flush(&mut docs, &sent_id, &text, &mut toks);
        } else {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() >= 3 && !f[0].contains(['-', '.']) {
                toks.push((f[1].to_string(), f[2].to_string()));
            }
        }
    }
    flush(&mut docs, &sent_id, &text, &mut toks);
    docs.retain(|d| !d.sentences.is_empty());
    Ok(docs)
}

/// Maps a document-level code-point span back to (sentence id, start, end) when it lies in one sentence.
pub fn uner_unit(doc: &UnerDoc, s: usize, e: usize) -> Option<(String, usize, usize)> {
    let i = doc.sentences.partition_point(|x| x.2 <= s).checked_sub(1)?;
    let (id, text, base) = &doc.sentences[i];
    (e <= base + text.chars().count()).then(|| (id.clone(), s - base, e - base))
}

/// Scores Dossier on a UNER file (e.g. `en_ewt-ud-test.iob2`).
pub fn uner(path: &Path) -> Result<Report, String> {
    let docs = read_uner(path)?;
    let mut gold = HashSet::new();
    let mut pred = HashSet::new();
    let mut n = 0;
    for d in &docs {
        n += d.sentences.len();
        gold.extend(d.gold.iter().cloned());
        for (s, e, l) in predict(&d.text(), Corpus::Uner) {
            if let Some((id, a, b)) = uner_unit(d, s, e) {
                pred.insert((id, a, b, l.to_string()));
            }
        }
    }
    let texts: Vec<(String, String)> = docs
        .iter()
        .flat_map(|d| d.sentences.iter().map(|(i, t, _)| (i.clone(), t.clone())))
        .collect();
    dump(&texts, &gold, &pred);
    let name = format!(
        "UNER {}",
        path.file_name().and_then(|f| f.to_str()).unwrap_or("")
    );
    Ok(score(&name, "dossier", n, &gold, &pred, &UNER_TYPES))
}

/// Scores an external system's predictions (JSON lines `{"unit", "start", "end", "label"}` with labels
/// already in the corpus's types; units are re3d document ids or UNER sentence ids).
pub fn score_predictions(
    corpus: &str,
    gold_path: &Path,
    pred_path: &Path,
    system: &str,
) -> Result<Report, String> {
    let mut pred = HashSet::new();
    let data =
        std::fs::read_to_string(pred_path).map_err(|e| format!("{}: {e}", pred_path.display()))?;
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
        pred.insert((
            v["unit"].as_str().unwrap_or("").to_string(),
            v["start"].as_u64().unwrap_or(0) as usize,
            v["end"].as_u64().unwrap_or(0) as usize,
            v["label"].as_str().unwrap_or("").to_string(),
        ));
    }
    match corpus {
        "re3d" => {
            let docs = read_re3d(gold_path)?;
            let gold: HashSet<Item> = docs.iter().flat_map(|d| d.gold.iter().cloned()).collect();
            // Same article convention as for Dossier's own predictions.
            let texts: std::collections::HashMap<&str, Vec<char>> = docs
                .iter()
                .map(|d| (d.id.as_str(), d.text.chars().collect()))
                .collect();
            let maps: std::collections::HashMap<&str, (CharMap, &str)> = docs
                .iter()
                .map(|d| (d.id.as_str(), (CharMap::new(&d.text), d.text.as_str())))
                .collect();
            let pred: HashSet<Item> = pred
                .into_iter()
                .map(|(u, s, e, l)| {
                    if l == "Person" {
                        if let Some((m, t)) = maps.get(u.as_str()) {
                            let b = title_start(t, m.byte_of(s));
                            return (u, m.char_of(b), e, l);
                        }
                    }
                    let the = s >= 4
                        && matches!(l.as_str(), "Organisation" | "Location")
                        && texts.get(u.as_str()).is_some_and(|t| {
                            let w: String = t[s - 4..s].iter().collect();
                            w == "the " || w == "The "
                        });
                    (u, if the { s - 4 } else { s }, e, l)
                })
                .collect();
            Ok(score(
                "re3d (conf ≥ 0.5)",
                system,
                docs.len(),
                &gold,
                &pred,
                &RE3D_TYPES,
            ))
        }
        _ => {
            let docs = read_uner(gold_path)?;
            let gold: HashSet<Item> = docs.iter().flat_map(|d| d.gold.iter().cloned()).collect();
            let n = docs.iter().map(|d| d.sentences.len()).sum();
            let name = format!(
                "UNER {}",
                gold_path.file_name().and_then(|f| f.to_str()).unwrap_or("")
            );
            Ok(score(&name, system, n, &gold, &pred, &UNER_TYPES))
        }
    }
}

/// Writes the texts the external systems must annotate, as JSON lines `{"unit", "text"}` (re3d: one
/// document per line; UNER: one document per line with `sentences` [{id, offset, len}] to map back).
pub fn export_texts(corpus: &str, gold_path: &Path) -> Result<String, String> {
    let mut out = String::new();
    if corpus == "re3d" {
        for d in read_re3d(gold_path)? {
            out.push_str(&serde_json::json!({"unit": d.id, "text": d.text}).to_string());
            out.push('\n');
        }
    } else {
        for d in read_uner(gold_path)? {
            let sents: Vec<serde_json::Value> = d
                .sentences
                .iter()
                .map(|(id, t, base)| serde_json::json!({"id": id, "offset": base, "len": t.chars().count()}))
                .collect();
            out.push_str(&serde_json::json!({"text": d.text(), "sentences": sents}).to_string());
            out.push('\n');
        }
    }
    Ok(out)
}

/// The shared evaluation folder: `$DOSSIER_SHARED` when set, else `../shared` beside the checkout.
pub fn shared_dir() -> std::path::PathBuf {
    match std::env::var_os("DOSSIER_SHARED") {
        Some(p) => p.into(),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"),
    }
}
