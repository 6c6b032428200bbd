//! Evaluation: the TempEval-3 protocol over a directory of TimeML files, and the Microsoft
//! Recognizers-Text DateTime specs.
//!
//! ## TE3 protocol
//! Each `.tml` file is read with [`crate::read_timeml`] (gold TIMEX3 stripped, DCT given), tagged, and
//! exported as TimeML would be ([`crate::timeml::export_timexes`]: ranges split in two). System and gold
//! expressions are paired one-to-one, exact-span pairs first, then overlapping ones (relaxed match).
//! Strict P/R/F1 count exact-span pairs; relaxed P/R/F1 count all pairs. Type and value accuracy are
//! the share of relaxed pairs whose attribute agrees; type/value F1 use the attribute-correct pairs as
//! true positives (TE3's "attribute F1").
//!
//! ## Recognizers adapter
//! Recognizers-Text cases (`Input`, `Context.ReferenceDateTime`, `Results` with `Start` + inclusive `End` or
//! `Length`, and `Resolution.values[].timex` or `Value.Timex`) are tagged with the
//! reference date as DCT (news anchoring). A case passes when every expected result is overlapped by one
//! Dossier expression whose value agrees, and Dossier finds nothing that overlaps no expected result.
//! Their resolution `timex` is compared with the TIMEX3 value as follows (the mapping between their format
//! and TIMEX3; each line is a convention difference, never a different meaning):
//! - `X` in their value matches any character (`XXXX-01-04` = January 4 of an unstated year);
//! - a time-only value `T07:30` matches the time part of ours (they leave the date out when the text does);
//!   trailing `:00` minutes/seconds are ignored; their night code `NT` is TIMEX3's `NI`;
//! - a range `(begin,end,duration)` matches our range's begin, or a single value whose first day equals
//!   their begin (their end is exclusive); its begin is compared by the same rules (time-only, weekday);
//! - a range also matches a DURATION of ours equal to its duration: TimeML annotates "the next 3 days",
//!   "the last 3 months", "within 5 minutes" as DURATION (P3D), where Recognizers gives the anchored interval;
//! - a single date of theirs for "in two weeks" matches the end of our anchored DURATION's interval (TimeML
//!   annotates the duration; Dossier's JSON keeps its interval, TIMEX3's beginPoint/endPoint);
//! - an unresolved weekday `XXXX-WXX-2` matches any resolved Tuesday (with the same time, if any);
//! - durations agree when they have the same length (`PT0.5H` = `PT30M`, `P1.5Y` = `P18M`);
//! - an unspecified count of ours (`PXH`, TIMEX3 for "a few hours") matches the number they pick (`PT3H`);
//! - their end of a day `2018-11-21T23:59:59` ("end of day", "EOD", "end of tomorrow") matches our day value
//!   with mod END (TimeML: "the end of the day" = that day, mod END).
//!
//! Spans are compared by overlap because Recognizers includes
//! prepositions ("in 2017", "at 7") that TimeML leaves out.

use std::fmt;
use std::path::Path;

use dossier_model::{Component, Document, Span};

use crate::timeml::{export_timexes, read_timeml, type_str};
use crate::{Anchoring, TimeTagger};

/// Precision, recall, F1 (in percent) from counts.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Prf {
    pub tp_sys: usize,
    pub tp_gold: usize,
    pub sys: usize,
    pub gold: usize,
}

impl Prf {
    pub fn precision(&self) -> f64 {
        if self.sys == 0 {
            0.0
        } else {
            100.0 * self.tp_sys as f64 / self.sys as f64
        }
    }
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            0.0
        } else {
            100.0 * self.tp_gold as f64 / self.gold as f64
        }
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

impl fmt::Display for Prf {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(
            f,
            "P {:6.2}  R {:6.2}  F1 {:6.2}",
            self.precision(),
            self.recall(),
            self.f1()
        )
    }
}

/// One system/gold disagreement, for error analysis.
#[derive(Debug, Clone)]
pub struct Miss {
    pub file: String,
    pub kind: &'static str,
    pub text: String,
    pub gold: String,
    pub sys: String,
}

/// One tab-separated line: file, kind, text, gold value, system value.
impl std::fmt::Display for Miss {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}\t{}\t{:?}\tgold={}\tsys={}",
            self.file, self.kind, self.text, self.gold, self.sys
        )
    }
}

#[derive(Debug, Clone, Default)]
pub struct Te3Report {
    pub files: usize,
    pub strict: Prf,
    pub relaxed: Prf,
    pub type_f1: Prf,
    pub value_f1: Prf,
    pub matched: usize,
    pub type_ok: usize,
    pub value_ok: usize,
    pub misses: Vec<Miss>,
    /// Bytes of text tagged and seconds spent tagging (throughput).
    pub bytes: usize,
    pub seconds: f64,
}

impl Te3Report {
    pub fn type_accuracy(&self) -> f64 {
        if self.matched == 0 {
            0.0
        } else {
            100.0 * self.type_ok as f64 / self.matched as f64
        }
    }
    pub fn value_accuracy(&self) -> f64 {
        if self.matched == 0 {
            0.0
        } else {
            100.0 * self.value_ok as f64 / self.matched as f64
        }
    }
}

impl fmt::Display for Te3Report {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        writeln!(
            f,
            "TE3 protocol: {} files, {} gold, {} system timexes",
            self.files, self.strict.gold, self.strict.sys
        )?;
        writeln!(f, "  strict span   {}", self.strict)?;
        writeln!(f, "  relaxed span  {}", self.relaxed)?;
        writeln!(
            f,
            "  type          {}   accuracy {:6.2}",
            self.type_f1,
            self.type_accuracy()
        )?;
        writeln!(
            f,
            "  value         {}   accuracy {:6.2}",
            self.value_f1,
            self.value_accuracy()
        )?;
        if self.seconds > 0.0 {
            writeln!(
                f,
                "  tagging time  {:.1} ms for {} bytes",
                self.seconds * 1000.0,
                self.bytes
            )?;
        }
        Ok(())
    }
}

fn pair(
    sys: &[(Span, String, String)],
    gold: &[(Span, String, String)],
) -> Vec<(usize, usize, bool)> {
    let mut used_s = vec![false; sys.len()];
    let mut used_g = vec![false; gold.len()];
    let mut pairs = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        if let Some(si) = sys
            .iter()
            .enumerate()
            .position(|(si, s)| !used_s[si] && s.0 == g.0)
        {
            used_s[si] = true;
            used_g[gi] = true;
            pairs.push((si, gi, true));
        }
    }
    for (gi, g) in gold.iter().enumerate() {
        if used_g[gi] {
            continue;
        }
        if let Some(si) = sys
            .iter()
            .enumerate()
            .position(|(si, s)| !used_s[si] && s.0.overlaps(g.0))
        {
            used_s[si] = true;
            used_g[gi] = true;
            pairs.push((si, gi, false));
        }
    }
    pairs
}

/// Runs the TE3 protocol over every `.tml` file in `dir`.
pub fn te3(dir: &Path, anchoring: Anchoring) -> Result<Te3Report, String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tml"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("{}: no .tml files", dir.display()));
    }
    let tagger = TimeTagger::new(anchoring);
    let mut r = Te3Report::default();
    for path in files {
        let xml = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut td = read_timeml(&xml).map_err(|e| format!("{}: {e}", path.display()))?;
        let t0 = std::time::Instant::now();
        tagger.process(&mut td.doc);
        r.seconds += t0.elapsed().as_secs_f64();
        r.bytes += td.doc.text.len();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        score_doc(&name, &td.doc, &td.gold, &mut r);
        r.files += 1;
    }
    Ok(r)
}

fn score_doc(name: &str, doc: &Document, gold: &[crate::timeml::GoldTimex], r: &mut Te3Report) {
    let sys: Vec<(Span, String, String)> = export_timexes(doc)
        .into_iter()
        .map(|t| (t.span, type_str(t.kind).to_string(), t.value))
        .collect();
    let gold: Vec<(Span, String, String)> = gold
        .iter()
        .map(|g| (g.span, g.kind.clone(), g.value.clone()))
        .collect();
    let pairs = pair(&sys, &gold);
    for p in [
        &mut r.strict,
        &mut r.relaxed,
        &mut r.type_f1,
        &mut r.value_f1,
    ] {
        p.sys += sys.len();
        p.gold += gold.len();
    }
    let mut sys_hit = vec![false; sys.len()];
    let mut gold_hit = vec![false; gold.len()];
    for &(si, gi, exact) in &pairs {
        sys_hit[si] = true;
        gold_hit[gi] = true;
        let (s, g) = (&sys[si], &gold[gi]);
        r.matched += 1;
        r.relaxed.tp_sys += 1;
        r.relaxed.tp_gold += 1;
        if exact {
            r.strict.tp_sys += 1;
            r.strict.tp_gold += 1;
        } else {
            r.misses.push(Miss {
                file: name.into(),
                kind: "span",
                text: doc.slice(s.0).to_string(),
                gold: doc.slice(g.0).to_string(),
                sys: doc.slice(s.0).to_string(),
            });
        }
        if s.1 == g.1 {
            r.type_ok += 1;
            r.type_f1.tp_sys += 1;
            r.type_f1.tp_gold += 1;
        }
        if s.2 == g.2 {
            r.value_ok += 1;
            r.value_f1.tp_sys += 1;
            r.value_f1.tp_gold += 1;
        } else {
            r.misses.push(Miss {
                file: name.into(),
                kind: "value",
                text: doc.slice(g.0).to_string(),
                gold: g.2.clone(),
                sys: s.2.clone(),
            });
        }
    }
    for (i, s) in sys.iter().enumerate().filter(|(i, _)| !sys_hit[*i]) {
        let _ = i;
        r.misses.push(Miss {
            file: name.into(),
            kind: "false positive",
            text: doc.slice(s.0).to_string(),
            gold: String::new(),
            sys: s.2.clone(),
        });
    }
    for (i, g) in gold.iter().enumerate().filter(|(i, _)| !gold_hit[*i]) {
        let _ = i;
        r.misses.push(Miss {
            file: name.into(),
            kind: "missed",
            text: doc.slice(g.0).to_string(),
            gold: g.2.clone(),
            sys: String::new(),
        });
    }
}

// ---------------------------------------------------------------------------------------------
// Recognizers-Text

#[derive(Debug, Clone, Default)]
pub struct RecognizersReport {
    pub file: String,
    pub cases: usize,
    pub passed: usize,
    /// Cases whose spans all agree (values aside).
    pub span_passed: usize,
    pub failures: Vec<String>,
}

impl RecognizersReport {
    pub fn pass_rate(&self) -> f64 {
        if self.cases == 0 {
            0.0
        } else {
            100.0 * self.passed as f64 / self.cases as f64
        }
    }
}

impl fmt::Display for RecognizersReport {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(
            f,
            "{}: {}/{} cases pass ({:.1} %); spans alone {}/{} ({:.1} %)",
            self.file,
            self.passed,
            self.cases,
            self.pass_rate(),
            self.span_passed,
            self.cases,
            if self.cases == 0 {
                0.0
            } else {
                100.0 * self.span_passed as f64 / self.cases as f64
            }
        )
    }
}

fn strip_zero_time(v: &str) -> &str {
    let mut v = v;
    for suf in [":00:00", ":00"] {
        if let Some(t) = v.find('T') {
            if v.len() > t + 3 {
                if let Some(s) = v.strip_suffix(suf) {
                    v = s;
                }
            }
        }
    }
    v
}

fn wild_eq(exp: &str, got: &str) -> bool {
    let (e, g) = (strip_zero_time(exp), strip_zero_time(got));
    e.len() == g.len() && e.bytes().zip(g.bytes()).all(|(a, b)| a == b'X' || a == b)
}

/// `XXXX-WXX-2` (a Tuesday, unresolved) agrees with any resolved Tuesday (with the same time, if any).
fn weekday_eq(exp: &str, got: &str) -> bool {
    use crate::normalize::weekday;
    let Some(rest) = exp.strip_prefix("XXXX-WXX-") else {
        return false;
    };
    let (wd, time) = rest.split_at(1);
    let Ok(wd) = wd.parse::<u32>() else {
        return false;
    };
    let (date, gtime) = got.split_at(got.find('T').unwrap_or(got.len()));
    let p: Vec<u32> = date.split('-').filter_map(|x| x.parse().ok()).collect();
    if p.len() != 3 {
        return false;
    }
    weekday(p[0] as i32, p[1], p[2]) == wd
        && strip_zero_time(&format!("X{gtime}")) == strip_zero_time(&format!("X{time}"))
}

/// A duration of ours agrees with theirs; an unspecified count of ours (`PXD` for "some days", TIMEX3's
/// `X`) agrees with the number they choose for it (`P3D`).
fn duration_eq(exp: &str, got: &str) -> bool {
    if !got.starts_with('P') || !exp.starts_with('P') {
        return false;
    }
    if exp == got {
        return true;
    }
    if let (Some(a), Some(b)) = (duration_len(exp), duration_len(got)) {
        if (a.0 - b.0).abs() < 1e-9 && (a.1 - b.1).abs() < 1e-6 {
            return true;
        }
    }
    // Our X stands for a run of digits (and a decimal point) in theirs.
    let (e, g) = (exp.as_bytes(), got.as_bytes());
    let (mut i, mut j) = (0, 0);
    while i < e.len() && j < g.len() {
        if g[j] == b'X' {
            let k = i;
            while i < e.len() && (e[i].is_ascii_digit() || e[i] == b'.') {
                i += 1;
            }
            if i == k {
                return false;
            }
            j += 1;
        } else if e[i] == g[j] {
            i += 1;
            j += 1;
        } else {
            return false;
        }
    }
    i == e.len() && j == g.len()
}

/// A TIMEX3 duration as (months, seconds): `PT0.5H` and `PT30M` are the same length.
fn duration_len(v: &str) -> Option<(f64, f64)> {
    let rest = v.strip_prefix('P')?;
    let (date, time) = match rest.split_once('T') {
        Some((d, t)) => (d, t),
        None => (rest, ""),
    };
    let (mut months, mut secs) = (0.0, 0.0);
    for (part, is_time) in [(date, false), (time, true)] {
        let mut num = String::new();
        for c in part.chars() {
            if c.is_ascii_digit() || c == '.' {
                num.push(c);
                continue;
            }
            let n: f64 = num.parse().ok()?;
            num.clear();
            match (is_time, c) {
                (false, 'Y') => months += 12.0 * n,
                (false, 'M') => months += n,
                (false, 'W') => secs += 7.0 * 86400.0 * n,
                (false, 'D') => secs += 86400.0 * n,
                (true, 'H') => secs += 3600.0 * n,
                (true, 'M') => secs += 60.0 * n,
                (true, 'S') => secs += n,
                _ => return None,
            }
        }
        if !num.is_empty() {
            return None;
        }
    }
    Some((months, secs))
}

/// One (non-range) value of theirs against one value of ours.
fn point_ok(exp: &str, value: &str) -> bool {
    if exp.starts_with('T') {
        return value.find('T').is_some_and(|t| wild_eq(exp, &value[t..]));
    }
    wild_eq(exp, value) || weekday_eq(exp, value) || duration_eq(exp, value)
}

/// Does a Dossier timex agree with a Recognizers `timex`?
pub fn recognizers_value_ok(exp: &str, value: &str, range: Option<(&str, &str)>) -> bool {
    // Their code for night is `NT`; TIMEX3's is `NI`.
    let exp_owned = exp.replace("TNT", "TNI");
    let exp = exp_owned.as_str();
    if let Some(inner) = exp.strip_prefix('(').and_then(|s| s.strip_suffix(')')) {
        let parts: Vec<&str> = inner.split(',').collect();
        if parts.len() >= 2 {
            // TimeML annotates "the next 3 days", "within 5 minutes" as a DURATION: it agrees with the
            // length of their interval.
            if parts.get(2).is_some_and(|d| duration_eq(d, value)) {
                return true;
            }
            let begin = range.map_or(value, |r| r.0);
            if point_ok(parts[0], begin) {
                return true;
            }
            return crate::normalize::first_day(begin).is_some_and(|b| wild_eq(parts[0], &b));
        }
    }
    // "in two weeks": TimeML's DURATION `P2W`, whose interval (beginPoint/endPoint) ends on the day they give.
    point_ok(exp, value) || (value.starts_with('P') && range.is_some_and(|r| point_ok(exp, r.1)))
}

/// Scores one Recognizers-Text DateTime spec file (JSON array of cases).
pub fn recognizers(path: &Path) -> Result<RecognizersReport, String> {
    let raw = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let raw = raw.trim_start_matches('\u{feff}');
    let cases: serde_json::Value =
        serde_json::from_str(raw).map_err(|e| format!("{}: {e}", path.display()))?;
    let cases = cases.as_array().ok_or("not a JSON array")?;
    let tagger = TimeTagger {
        anchoring: Anchoring::News,
        infer_dct: false,
    };
    let mut rep = RecognizersReport {
        file: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        ..Default::default()
    };
    for c in cases {
        let Some(input) = c.get("Input").and_then(|v| v.as_str()) else {
            continue;
        };
        let refdt = c
            .pointer("/Context/ReferenceDateTime")
            .and_then(|v| v.as_str())
            .unwrap_or("2016-11-07T00:00:00");
        let dct = refdt.get(..10).unwrap_or(refdt);
        let timexes = tagger.tag_text(input, Some(dct));
        // Character offsets → byte offsets.
        let byte_of = |ch: usize| {
            input
                .char_indices()
                .nth(ch)
                .map(|(b, _)| b)
                .unwrap_or(input.len())
        };
        let empty = Vec::new();
        let results = c
            .get("Results")
            .and_then(|v| v.as_array())
            .unwrap_or(&empty);
        let mut ok = true;
        let mut span_ok = true;
        let mut used = vec![false; timexes.len()];
        let mut why = String::new();
        for r in results {
            let s = r.get("Start").and_then(|v| v.as_u64()).unwrap_or(0) as usize;
            // Model files give an inclusive `End`; component files give `Length`.
            let e = match (
                r.get("End").and_then(|v| v.as_u64()),
                r.get("Length").and_then(|v| v.as_u64()),
            ) {
                (Some(end), _) => end as usize + 1,
                (None, Some(len)) => s + len as usize,
                (None, None) => s,
            };
            let span = Span::new(byte_of(s), byte_of(e));
            let exp: Vec<&str> = r
                .pointer("/Resolution/values")
                .and_then(|v| v.as_array())
                .map(|a| {
                    a.iter()
                        .filter_map(|x| x.get("timex").and_then(|t| t.as_str()))
                        .collect()
                })
                .or_else(|| {
                    r.pointer("/Value/Timex")
                        .and_then(|t| t.as_str())
                        .map(|t| vec![t])
                })
                .unwrap_or_default();
            let hit = timexes
                .iter()
                .enumerate()
                .position(|(i, t)| !used[i] && t.span.overlaps(span));
            match hit {
                None => {
                    ok = false;
                    span_ok = false;
                    why = format!("missed {:?}", r.get("Text"));
                }
                Some(i) => {
                    used[i] = true;
                    // Merge further overlapping expressions of ours into the same result.
                    for (j, t) in timexes.iter().enumerate() {
                        if !used[j] && t.span.overlaps(span) {
                            used[j] = true;
                        }
                    }
                    let t = &timexes[i];
                    let rg = t.range.as_ref().map(|r| (r.begin.as_str(), r.end.as_str()));
                    // Their end of a day, `2018-11-21T23:59:59`, is TIMEX3's day with mod END.
                    let end_of_day = |x: &&str| {
                        t.modifier.as_deref() == Some("END")
                            && x.strip_suffix("T23:59:59")
                                .is_some_and(|d| point_ok(d, &t.value))
                    };
                    if !exp.is_empty()
                        && !exp
                            .iter()
                            .any(|x| recognizers_value_ok(x, &t.value, rg) || end_of_day(x))
                    {
                        ok = false;
                        why = format!(
                            "value {:?}: expected {:?}, got {}",
                            r.get("Text"),
                            exp,
                            t.value
                        );
                    }
                }
            }
        }
        if used.iter().any(|u| !u) {
            ok = false;
            span_ok = false;
            why = "extra expression".into();
        }
        rep.cases += 1;
        if ok {
            rep.passed += 1;
        } else if rep.failures.len() < 5000 {
            rep.failures.push(format!("{input} → {why}"));
        }
        if span_ok {
            rep.span_passed += 1;
        }
    }
    Ok(rep)
}
