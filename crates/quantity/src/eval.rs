//! Evaluation on external gold data (`../shared/eval/quantities/`):
//!
//! * Microsoft Recognizers-Text English specs: NumberWithUnit `CurrencyModel` and `DimensionModel` (value+unit
//!   F1), and Number `NumberModel`, `PercentModel`, `NumberRangeModel`, `OrdinalModel` (value F1).
//! * quantulum3's English test sentences: detection, value and value+unit accuracy.
//!
//! Gold unit names are mapped to ours with `resources/quantity/eval_units.tsv`. A prediction matches a gold
//! item when their character spans overlap, the values agree (relative tolerance 1e-6, after the mapping's
//! factor) and, where scored, the unit is one the mapping accepts. Each gold item and each prediction is matched
//! at most once (greedy, in text order).

use dossier_eval::xml::attr;
use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use dossier_model::{Bound, Quantity};
use serde_json::Value;

use crate::extract;

const EVAL_UNITS: &str = include_str!("../../../resources/quantity/eval_units.tsv");

pub use dossier_eval::Prf;

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

/// One scored line of a report.
#[derive(Clone, Debug)]
pub struct Line {
    pub name: String,
    pub gold: usize,
    /// Strict score (value, and unit where the suite has units).
    pub strict: Prf,
    /// Span overlap only.
    pub detect: Prf,
}

/// An evaluation report: score lines plus the misses (for error analysis).
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub title: String,
    pub lines: Vec<Line>,
    /// `FN`/`FP` lines: input, gold or predicted text, value and unit.
    pub errors: Vec<String>,
    pub notes: Vec<String>,
}

impl Report {
    pub fn line(&self, name: &str) -> Option<&Line> {
        self.lines.iter().find(|l| l.name == name)
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.title)?;
        writeln!(
            f,
            "{:<28} {:>5} {:>6} {:>6} {:>6}   {:>6} {:>6} {:>6}",
            "suite", "gold", "P", "R", "F1", "detP", "detR", "detF1"
        )?;
        for l in &self.lines {
            writeln!(
                f,
                "{:<28} {:>5} {:>6.1} {:>6.1} {:>6.1}   {:>6.1} {:>6.1} {:>6.1}",
                l.name,
                l.gold,
                100.0 * l.strict.precision(),
                100.0 * l.strict.recall(),
                100.0 * l.strict.f1(),
                100.0 * l.detect.precision(),
                100.0 * l.detect.recall(),
                100.0 * l.detect.f1()
            )?;
        }
        for n in &self.notes {
            writeln!(f, "note: {n}")?;
        }
        Ok(())
    }
}

/// Accepted (unit, factor) pairs per gold unit name, per suite.
/// Accepted (our unit, factor) readings of one gold unit name.
type Accepted = Vec<(Option<String>, f64)>;

struct UnitMap(HashMap<(String, String), Accepted>);

impl UnitMap {
    fn load() -> UnitMap {
        let mut m = HashMap::new();
        for l in EVAL_UNITS.lines() {
            if l.starts_with('#') || l.trim().is_empty() {
                continue;
            }
            let c: Vec<&str> = l.split('\t').collect();
            if c.len() < 3 {
                continue;
            }
            let acc = c[2]
                .split('|')
                .map(|a| {
                    let (u, f) = match a.split_once('*') {
                        Some((u, f)) => (u, f.parse().unwrap_or(1.0)),
                        None => (a, 1.0),
                    };
                    ((u != "-").then(|| u.to_string()), f)
                })
                .collect();
            m.insert((c[0].to_string(), c[1].to_string()), acc);
        }
        UnitMap(m)
    }
    fn get(&self, suites: &[&str], gold: &str) -> Option<&Vec<(Option<String>, f64)>> {
        suites
            .iter()
            .find_map(|s| self.0.get(&(s.to_string(), gold.to_string())))
    }
}

/// Our unit as compared: `unit`, or `unit/per` for rates per one unit.
pub fn effective_unit(q: &Quantity) -> Option<String> {
    match (&q.unit, &q.per) {
        (Some(u), Some(p)) if p.value == 1.0 => Some(format!("{u}/{}", p.unit)),
        (None, Some(p)) if p.value == 1.0 => Some(format!("times/{}", p.unit)),
        (u, _) => u.clone(),
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1e-9)
}

/// Byte span -> (start, end) in characters, end exclusive.
fn char_span(text: &str, q: &Quantity) -> (usize, usize) {
    let s = text.get(..q.span.start).map_or(0, |t| t.chars().count());
    let e = s + text
        .get(q.span.start..q.span.end)
        .map_or(0, |t| t.chars().count());
    (s, e)
}

struct Gold {
    start: usize,
    end: usize,
    text: String,
    /// Acceptable (value, unit) readings.
    want: Vec<(f64, Option<String>)>,
    /// For ranges: (low, high), either open.
    interval: Option<(Option<f64>, Option<f64>)>,
}

fn read_json(path: &Path) -> Result<Value, String> {
    let s = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&s).map_err(|e| format!("{}: {e}", path.display()))
}

/// Which of our predictions a Recognizers model is compared with.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Model {
    Currency,
    Dimension,
    Number,
    Percent,
    Range,
    Ordinal,
}

fn pred_in_model(m: Model, q: &Quantity) -> bool {
    match m {
        Model::Currency => q.kind == "money",
        Model::Dimension => q.kind == "dimension",
        Model::Percent => q.kind == "percent",
        Model::Ordinal => q.kind == "ordinal",
        Model::Range => !matches!(q.bound, Bound::Exact | Bound::Approx),
        Model::Number => q.value.is_some() && q.kind != "ordinal",
    }
}

fn interval_of(q: &Quantity) -> Option<(Option<f64>, Option<f64>)> {
    let v = q.value?;
    Some(match q.bound {
        Bound::Greater | Bound::AtLeast => (Some(v), None),
        Bound::Less | Bound::AtMost => (None, Some(v)),
        Bound::Range => (Some(v), q.high),
        _ => (Some(v), Some(v)),
    })
}

fn parse_interval(s: &str) -> Option<(Option<f64>, Option<f64>)> {
    let s = s.trim();
    let inner = s.get(1..s.len().checked_sub(1)?)?;
    let (a, b) = inner.split_once(',')?;
    let p = |x: &str| -> Option<f64> { x.trim().parse().ok() };
    Some((p(a), p(b)))
}

fn close_opt(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => close(a, b),
        (None, None) => true,
        _ => false,
    }
}

/// Runs the Recognizers-Text English specs found under `dir` (the `recognizers-number-en` folder).
pub fn recognizers(dir: &Path) -> Result<Report, String> {
    recognizers_with(dir, &extract)
}

/// A quantity extractor to evaluate: ours ([`extract`]) or a peer's predictions loaded from a file.
pub type Predictor<'p> = &'p dyn Fn(&str) -> Vec<Quantity>;

/// [`recognizers`] with any predictor.
pub fn recognizers_with(dir: &Path, extract: Predictor) -> Result<Report, String> {
    let units = UnitMap::load();
    let mut report = Report {
        title: format!("Recognizers-Text English specs ({})", dir.display()),
        ..Report::default()
    };
    let models = [
        (
            "NumberWithUnit/CurrencyModel.json",
            "currency",
            Model::Currency,
        ),
        (
            "NumberWithUnit/DimensionModel.json",
            "dimension",
            Model::Dimension,
        ),
        ("Number/NumberModel.json", "number", Model::Number),
        ("Number/PercentModel.json", "percent", Model::Percent),
        ("Number/NumberRangeModel.json", "numberrange", Model::Range),
        ("Number/OrdinalModel.json", "ordinal", Model::Ordinal),
    ];
    let mut unitless_skipped = 0;
    for (file, name, model) in models {
        let cases = read_json(&dir.join(file))?;
        let cases = cases.as_array().ok_or(format!("{file}: not an array"))?;
        let suites: Vec<&str> = match model {
            Model::Currency => vec!["recognizers-currency", "recognizers"],
            Model::Dimension => vec!["recognizers-dimension", "recognizers"],
            _ => vec!["recognizers"],
        };
        let mut strict = Prf::default();
        let mut detect = Prf::default();
        let mut ngold = 0;
        for case in cases {
            let input = case["Input"].as_str().unwrap_or("");
            let mut golds = Vec::new();
            for r in case["Results"].as_array().into_iter().flatten() {
                let res = &r["Resolution"];
                let start = r["Start"].as_u64().unwrap_or(0) as usize;
                let end = r["End"].as_u64().unwrap_or(0) as usize + 1;
                let text = r["Text"].as_str().unwrap_or("").to_string();
                let vstr = res["value"].as_str();
                let mut g = Gold {
                    start,
                    end,
                    text,
                    want: vec![],
                    interval: None,
                };
                match model {
                    Model::Currency | Model::Dimension => {
                        let Some(v) = vstr.and_then(|v| v.parse::<f64>().ok()) else {
                            unitless_skipped += 1;
                            continue;
                        };
                        let unit = res["unit"].as_str().unwrap_or("");
                        if let Some(acc) = units.get(&suites, unit) {
                            g.want = acc.iter().map(|(u, f)| (v * f, u.clone())).collect();
                        }
                    }
                    Model::Number | Model::Percent => {
                        let v = vstr
                            .map(|s| s.trim_end_matches('%'))
                            .and_then(|v| v.parse::<f64>().ok());
                        let Some(v) = v else { continue };
                        g.want = vec![(v, None)];
                    }
                    Model::Ordinal => {
                        let v = vstr.and_then(|v| v.parse::<f64>().ok());
                        // relative ordinals ("last", "next") have no numeric value: kept as gold, unmatched
                        g.want = v.map(|v| vec![(v, None)]).unwrap_or_default();
                    }
                    Model::Range => {
                        g.interval = vstr.and_then(parse_interval);
                    }
                }
                golds.push(g);
            }
            ngold += golds.len();
            let preds: Vec<Quantity> = extract(input)
                .into_iter()
                .filter(|q| pred_in_model(model, q))
                .collect();
            let spans: Vec<(usize, usize)> = preds.iter().map(|q| char_span(input, q)).collect();
            let mut used = vec![false; preds.len()];
            let mut used_det = vec![false; preds.len()];
            for g in &golds {
                let overlaps = |i: usize| spans[i].0 < g.end && g.start < spans[i].1;
                if let Some(i) = (0..preds.len()).find(|&i| !used_det[i] && overlaps(i)) {
                    used_det[i] = true;
                    detect.tp += 1;
                } else {
                    detect.fn_ += 1;
                }
                let ok = |i: usize| -> bool {
                    let q = &preds[i];
                    if model == Model::Range {
                        return match (g.interval, interval_of(q)) {
                            (Some((a, b)), Some((c, d))) => close_opt(a, c) && close_opt(b, d),
                            _ => false,
                        };
                    }
                    let eu = effective_unit(q);
                    g.want.iter().any(|(v, u)| {
                        // the gold has no denominators ("$ 98 a share" = 98 Dollar): our bare unit counts too
                        let eu_ok = eu == *u || (q.per.is_some() && q.unit == *u);
                        let vmatch = q.value.is_some_and(|x| close(x, *v))
                            || q.high.is_some_and(|x| close(x, *v));
                        let umatch = match model {
                            Model::Currency | Model::Dimension => eu_ok,
                            _ => true,
                        };
                        vmatch && umatch
                    })
                };
                if let Some(i) = (0..preds.len()).find(|&i| !used[i] && overlaps(i) && ok(i)) {
                    used[i] = true;
                    strict.tp += 1;
                } else {
                    strict.fn_ += 1;
                    let got: Vec<String> = (0..preds.len())
                        .filter(|&i| overlaps(i))
                        .map(|i| describe(input, &preds[i]))
                        .collect();
                    report.errors.push(format!(
                        "FN {name}: {:?} in {:?}; got {:?}",
                        g.text,
                        clip(input),
                        got
                    ));
                }
            }
            for (i, q) in preds.iter().enumerate() {
                if !used[i] {
                    strict.fp += 1;
                    report.errors.push(format!(
                        "FP {name}: {} in {:?}",
                        describe(input, q),
                        clip(input)
                    ));
                }
                if !used_det[i] {
                    detect.fp += 1;
                }
            }
        }
        report.lines.push(Line {
            name: format!("recognizers/{name}"),
            gold: ngold,
            strict,
            detect,
        });
    }
    report.notes.push(format!(
        "{unitless_skipped} currency/dimension gold items without a value (a bare unit word) are not scored"
    ));
    report.notes.push(
        "number/percent/ordinal: value F1; numberrange: interval end points (open/closed not compared)"
            .into(),
    );
    Ok(report)
}

fn clip(s: &str) -> String {
    s.chars().take(100).collect()
}

fn describe(text: &str, q: &Quantity) -> String {
    format!(
        "{:?}={}{} {}",
        &text[q.span.start..q.span.end],
        q.value.map_or("-".into(), |v| v.to_string()),
        q.high.map_or(String::new(), |h| format!("..{h}")),
        effective_unit(q).unwrap_or_default()
    )
}

/// Units owned by the time component (durations); gold items in them are out of our scope.
const TIME_UNITS: &[&str] = &[
    "year", "month", "week", "day", "hour", "minute", "second", "gigayear", "megayear",
];

/// Runs quantulum3's English test sentences found under `dir` (the `quantulum3` folder).
pub fn quantulum(dir: &Path) -> Result<Report, String> {
    quantulum_with(dir, &extract)
}

/// [`quantulum`] with any predictor.
pub fn quantulum_with(dir: &Path, extract: Predictor) -> Result<Report, String> {
    let units = UnitMap::load();
    let mut report = Report {
        title: format!("quantulum3 English test sentences ({})", dir.display()),
        ..Report::default()
    };
    // all gold / in scope (no durations, no bare years)
    let mut all = [Prf::default(), Prf::default()];
    let mut det = [Prf::default(), Prf::default()];
    let mut value_ok = [0usize; 2];
    let mut ngold = [0usize; 2];
    for file in ["quantities.json", "quantities.ambiguity.json"] {
        let cases = read_json(&dir.join(file))?;
        for case in cases.as_array().into_iter().flatten() {
            let req = case["req"].as_str().unwrap_or("");
            let preds = extract(req);
            let spans: Vec<(usize, usize)> = preds.iter().map(|q| char_span(req, q)).collect();
            let mut used = vec![false; preds.len()];
            let mut used_det = vec![false; preds.len()];
            let mut in_scope_pred = vec![false; preds.len()];
            let mut search_from = 0;
            for r in case["res"].as_array().into_iter().flatten() {
                let surface = r["surface"].as_str().unwrap_or("");
                let v = r["value"].as_f64().unwrap_or(f64::NAN);
                let unit = r["unit"].as_str().unwrap_or("");
                let byte = req[search_from..]
                    .find(surface)
                    .map(|p| p + search_from)
                    .or_else(|| req.find(surface))
                    .unwrap_or(0);
                search_from = byte + surface.len();
                let start = req[..byte].chars().count();
                let end = start + surface.chars().count();
                let year =
                    unit == "dimensionless" && v.fract() == 0.0 && (1000.0..=2100.0).contains(&v);
                let scope = !(TIME_UNITS.contains(&unit) || year);
                let want: Vec<(f64, Option<String>)> = units
                    .get(&["quantulum"], unit)
                    .map(|acc| acc.iter().map(|(u, f)| (v * f, u.clone())).collect())
                    .unwrap_or_default();
                let overlaps = |i: usize| spans[i].0 < end && start < spans[i].1;
                let mid = |q: &Quantity| match (q.value, q.high) {
                    (Some(a), Some(b)) => Some((a + b) / 2.0),
                    (a, _) => a,
                };
                let vmatch = |q: &Quantity| {
                    mid(q).is_some_and(|x| close(x, v) || want.iter().any(|(w, _)| close(x, *w)))
                };
                for s in [0, 1] {
                    if s == 1 && !scope {
                        continue;
                    }
                    ngold[s] += 1;
                }
                let d = (0..preds.len()).find(|&i| !used_det[i] && overlaps(i));
                let hit = (0..preds.len()).find(|&i| {
                    !used[i]
                        && overlaps(i)
                        && want.iter().any(|(w, u)| {
                            mid(&preds[i]).is_some_and(|x| close(x, *w))
                                && (effective_unit(&preds[i]) == *u
                                    || (preds[i].per.is_some() && preds[i].unit == *u))
                        })
                });
                let vhit = (0..preds.len()).any(|i| overlaps(i) && vmatch(&preds[i]));
                for s in [0, 1] {
                    if s == 1 && !scope {
                        continue;
                    }
                    if d.is_some() {
                        det[s].tp += 1;
                    } else {
                        det[s].fn_ += 1;
                    }
                    if hit.is_some() {
                        all[s].tp += 1;
                    } else {
                        all[s].fn_ += 1;
                    }
                    if vhit {
                        value_ok[s] += 1;
                    }
                }
                if let Some(i) = d {
                    used_det[i] = true;
                    in_scope_pred[i] = scope;
                }
                if let Some(i) = hit {
                    used[i] = true;
                } else {
                    let got: Vec<String> = (0..preds.len())
                        .filter(|&i| overlaps(i))
                        .map(|i| describe(req, &preds[i]))
                        .collect();
                    report.errors.push(format!(
                        "FN{} quantulum: {surface:?} = {v} {unit} in {:?}; got {got:?}",
                        if scope { "" } else { " (out of scope)" },
                        clip(req)
                    ));
                }
            }
            for (i, q) in preds.iter().enumerate() {
                if !used[i] {
                    all[0].fp += 1;
                    all[1].fp += 1;
                    if used_det[i] && !in_scope_pred[i] {
                        all[1].fp -= 1; // matched an out-of-scope gold item
                    }
                    report.errors.push(format!(
                        "FP quantulum: {} in {:?}",
                        describe(req, q),
                        clip(req)
                    ));
                }
                if !used_det[i] {
                    det[0].fp += 1;
                    det[1].fp += 1;
                }
            }
        }
    }
    for (s, name) in [(0, "quantulum3/all"), (1, "quantulum3/in-scope")] {
        report.lines.push(Line {
            name: name.into(),
            gold: ngold[s],
            strict: all[s],
            detect: det[s],
        });
        report.notes.push(format!(
            "{name}: value accuracy {:.1}% ({}/{}), value+unit accuracy (= strict recall) {:.1}%",
            ratio(value_ok[s], ngold[s]),
            value_ok[s],
            ngold[s],
            100.0 * all[s].recall()
        ));
    }
    report.notes.push(
        "in-scope excludes durations (year, month, day, …) and bare years, which the time component owns"
            .into(),
    );
    Ok(report)
}

/// One MEANTIME document: rebuilt text, token byte spans, VALUE and TIMEX3 markables as token-id lists.
struct CatDoc {
    text: String,
    tokens: HashMap<String, (usize, usize)>,
    values: Vec<(String, Vec<String>)>,
    timexes: Vec<Vec<String>>,
    /// End of the annotated part: MEANTIME marks only the title and the first sentences of each article.
    annotated_end: usize,
}

fn read_cat(xml: &str) -> CatDoc {
    let mut text = String::new();
    let mut tokens = HashMap::new();
    let mut sentence_of: HashMap<String, u32> = HashMap::new();
    for t in dossier_eval::cat_tokens(xml)
        .into_iter()
        .filter(|t| !t.id.is_empty())
    {
        if !text.is_empty() {
            text.push(' ');
        }
        let s = text.len();
        text.push_str(&t.text);
        tokens.insert(t.id.clone(), (s, text.len()));
        sentence_of.insert(t.id, t.sentence.unwrap_or(0) as u32);
    }
    let mut values = Vec::new();
    let mut timexes = Vec::new();
    for (open, close) in [("<VALUE ", "</VALUE>"), ("<TIMEX3 ", "</TIMEX3>")] {
        let mut rest = xml;
        while let Some(i) = rest.find(open) {
            let r = &rest[i..];
            let Some(gt) = r.find('>') else { break };
            let tag = &r[..gt];
            if tag.ends_with('/') {
                rest = &r[gt..];
                continue;
            }
            let Some(end) = r.find(close) else { break };
            let body = &r[gt..end];
            let ids: Vec<String> = body
                .split("t_id=\"")
                .skip(1)
                .filter_map(|x| x.split('"').next())
                .map(str::to_string)
                .collect();
            if !ids.is_empty() {
                if open == "<VALUE " {
                    values.push((attr(tag, "type").unwrap_or("").to_string(), ids));
                } else {
                    timexes.push(ids);
                }
            }
            rest = &r[end..];
        }
    }
    // the last sentence holding any markable
    let markables = xml.find("<Markables>").map_or("", |i| &xml[i..]);
    let last = markables
        .split("t_id=\"")
        .skip(1)
        .filter_map(|x| x.split('"').next())
        .filter_map(|id| sentence_of.get(id))
        .max()
        .copied()
        .unwrap_or(0);
    let annotated_end = tokens
        .iter()
        .filter(|(id, _)| sentence_of.get(*id).is_some_and(|s| *s <= last))
        .map(|(_, sp)| sp.1)
        .max()
        .unwrap_or(0);
    CatDoc {
        text,
        tokens,
        values,
        timexes,
        annotated_end,
    }
}

/// Held-out check on MEANTIME (English Wikinews): span detection of the VALUE markables (MONEY, PERCENT,
/// QUANTITY; no normalized values in the gold). `dir` is `events/meantime-en`. Only the annotated part of each
/// article (title and first sentences) is scored; ordinal predictions are not (MEANTIME does not mark ordinals). The `+gold timex` lines drop predictions overlapping a gold TIMEX3,
/// as the pipeline does when the time component runs first.
pub fn meantime(dir: &Path) -> Result<Report, String> {
    meantime_with(dir, &extract)
}

/// [`meantime`] with any predictor.
pub fn meantime_with(dir: &Path, extract: Predictor) -> Result<Report, String> {
    let root = dir.join("intra-doc_annotation");
    let mut files = Vec::new();
    for sub in std::fs::read_dir(&root).map_err(|e| format!("{}: {e}", root.display()))? {
        let sub = sub.map_err(|e| e.to_string())?.path();
        if let Ok(rd) = std::fs::read_dir(&sub) {
            files.extend(
                rd.flatten()
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == "xml")),
            );
        }
    }
    files.sort();
    let mut report = Report {
        title: format!(
            "MEANTIME English VALUE markables, held out ({} documents)",
            files.len()
        ),
        ..Report::default()
    };
    let kinds: [(&str, &[&str]); 4] = [
        (
            "all",
            &[
                "money",
                "percent",
                "cardinal",
                "dimension",
                "vague",
                "relative",
            ],
        ),
        ("MONEY", &["money"]),
        ("PERCENT", &["percent"]),
        ("QUANTITY", &["cardinal", "dimension", "vague", "relative"]),
    ];
    for with_timex in [false, true] {
        for (gtype, pk) in kinds {
            let mut strict = Prf::default(); // span overlap and type agreement
            let mut detect = Prf::default(); // span overlap, any type
            let mut ngold = 0;
            for f in &files {
                let xml =
                    std::fs::read_to_string(f).map_err(|e| format!("{}: {e}", f.display()))?;
                let doc = read_cat(&xml);
                let span_of = |ids: &[String]| -> Option<(usize, usize)> {
                    let s = ids
                        .iter()
                        .filter_map(|i| doc.tokens.get(i))
                        .map(|x| x.0)
                        .min()?;
                    let e = ids
                        .iter()
                        .filter_map(|i| doc.tokens.get(i))
                        .map(|x| x.1)
                        .max()?;
                    Some((s, e))
                };
                let tx: Vec<(usize, usize)> =
                    doc.timexes.iter().filter_map(|t| span_of(t)).collect();
                let preds: Vec<Quantity> = extract(&doc.text)
                    .into_iter()
                    .filter(|q| q.kind != "ordinal" && q.span.start < doc.annotated_end)
                    .filter(|q| {
                        !with_timex || !tx.iter().any(|t| t.0 < q.span.end && q.span.start < t.1)
                    })
                    .collect();
                let golds: Vec<(String, (usize, usize))> = doc
                    .values
                    .iter()
                    .filter(|(t, _)| gtype == "all" || t == gtype)
                    .filter_map(|(t, ids)| Some((t.clone(), span_of(ids)?)))
                    .collect();
                ngold += golds.len();
                let mut used = vec![false; preds.len()];
                let mut used_det = vec![false; preds.len()];
                for (gt, (gs, ge)) in &golds {
                    let ov = |q: &Quantity| q.span.start < *ge && *gs < q.span.end;
                    let want: &[&str] = match gt.as_str() {
                        "MONEY" => &["money"],
                        "PERCENT" => &["percent"],
                        _ => &["cardinal", "dimension", "vague", "relative"],
                    };
                    if let Some(i) = (0..preds.len()).find(|&i| !used_det[i] && ov(&preds[i])) {
                        used_det[i] = true;
                        detect.tp += 1;
                    } else {
                        detect.fn_ += 1;
                    }
                    let hit = (0..preds.len()).find(|&i| {
                        !used[i] && ov(&preds[i]) && want.contains(&preds[i].kind.as_str())
                    });
                    if let Some(i) = hit {
                        used[i] = true;
                        strict.tp += 1;
                    } else {
                        strict.fn_ += 1;
                        if !with_timex && gtype == "all" {
                            let (a, b) = (gs.saturating_sub(40), (*ge + 40).min(doc.text.len()));
                            let ctx = doc.text.get(a..b).unwrap_or("");
                            report.errors.push(format!(
                                "FN meantime {gt}: {:?} in {ctx:?}",
                                &doc.text[*gs..*ge]
                            ));
                        }
                    }
                }
                for (i, q) in preds.iter().enumerate() {
                    if !pk.contains(&q.kind.as_str()) {
                        continue;
                    }
                    if !used[i] {
                        strict.fp += 1;
                        if !with_timex && gtype == "all" {
                            let (a, b) = (
                                q.span.start.saturating_sub(40),
                                (q.span.end + 40).min(doc.text.len()),
                            );
                            let ctx = doc.text.get(a..b).unwrap_or("");
                            report.errors.push(format!(
                                "FP meantime: {} in {ctx:?}",
                                describe(&doc.text, q)
                            ));
                        }
                    }
                    if !used_det[i] {
                        detect.fp += 1;
                    }
                }
            }
            report.lines.push(Line {
                name: format!(
                    "meantime/{gtype}{}",
                    if with_timex { "+gold timex" } else { "" }
                ),
                gold: ngold,
                strict,
                detect,
            });
        }
    }
    report.notes.push(
        "P/R/F1: span overlap with the type agreeing (MONEY=money, PERCENT=percent, QUANTITY=other kinds); \
         det: span overlap only"
            .into(),
    );
    Ok(report)
}

/// The gold folder `shared/eval/quantities` beside the checkout (also tried one level up, for worktrees).
pub fn default_dir() -> Option<std::path::PathBuf> {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    [
        "../../../shared/eval/quantities",
        "../../../../shared/eval/quantities",
    ]
    .iter()
    .map(|r| here.join(r))
    .find(|p| p.is_dir())
}

/// Both suites under `quantities_dir` (`../shared/eval/quantities`), plus the MEANTIME held-out check when
/// `../events/meantime-en` is beside it.
pub fn all(quantities_dir: &Path) -> Result<Vec<Report>, String> {
    all_with(quantities_dir, &extract)
}

/// [`all`] with any predictor (used to score peers on the same protocol: `bench/quantities_peer.py`).
pub fn all_with(quantities_dir: &Path, extract: Predictor) -> Result<Vec<Report>, String> {
    let mut out = vec![
        recognizers_with(&quantities_dir.join("recognizers-number-en"), extract)?,
        quantulum_with(&quantities_dir.join("quantulum3"), extract)?,
    ];
    let mt = quantities_dir.join("../events/meantime-en");
    if mt.is_dir() {
        out.push(meantime_with(&mt, extract)?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prf_and_intervals() {
        let p = Prf {
            tp: 8,
            fp: 2,
            fn_: 2,
        };
        assert!((p.f1() - 0.8).abs() < 1e-9);
        assert_eq!(parse_interval("[20,30)"), Some((Some(20.0), Some(30.0))));
        assert_eq!(parse_interval("(30,)"), Some((Some(30.0), None)));
        let m = UnitMap::load();
        let cent = m.get(&["recognizers"], "Cent").unwrap();
        assert!(cent.contains(&(Some("USD".into()), 0.01)));
        let lb = m
            .get(&["recognizers-dimension", "recognizers"], "Pound")
            .unwrap();
        assert_eq!(lb[0].0.as_deref(), Some("lb"));
    }
}
