//! Forecast scoring: Brier score, log score, and calibration tables, overall, per holder, per phrase and
//! per yardstick band. Pure functions over resolved forecasts; storage lives in the ledger.
//!
//! Conventions (see `docs/ledger.md`):
//! - Outcome `o` is 1 if the forecast came true, 0 if it did not. Annulled forecasts are not scored.
//! - Probability `p` is the point estimate for the proposition as written (a negated forecast, "Russia will
//!   not attack", is scored against "did not attack").
//! - **Brier score** = (p − o)², averaged: 0 is perfect, 1 is certainly wrong, 0.25 is what always saying
//!   50 % earns. This is the one-outcome form (0–1), not Brier's original two-category sum (0–2).
//! - **Log score** = ln(p) if o = 1 else ln(1 − p), averaged, with p clipped to [0.001, 0.999] so that an
//!   unhedged "will" that fails costs ln(0.001) ≈ −6.91 rather than −∞. 0 is perfect; higher is better.
//! - **Calibration**: within a group, the observed frequency (true / resolved) against the mean stated
//!   point and the group's band; with few entries it is indicative only, so every figure carries its count.

use std::collections::BTreeMap;
use std::fmt;

/// Clip applied to probabilities before taking logarithms.
pub const LOG_EPS: f64 = 0.001;

/// One resolved (true/false) forecast to score.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved {
    pub holder: String,
    /// The estimative cue as written, lowercased ("will probably", "may").
    pub phrase: String,
    /// Yardstick band label, e.g. `icd203:Likely`, `readers:May Happen`, `assertion`.
    pub band: String,
    pub low: f64,
    pub high: f64,
    pub point: f64,
    pub outcome: bool,
}

/// Brier score of one forecast (0–1 convention).
pub fn brier(p: f64, outcome: bool) -> f64 {
    let o = if outcome { 1.0 } else { 0.0 };
    (p - o) * (p - o)
}

/// Natural-log score of one forecast, with `p` clipped to `[LOG_EPS, 1 − LOG_EPS]`.
pub fn log_score(p: f64, outcome: bool) -> f64 {
    let p = p.clamp(LOG_EPS, 1.0 - LOG_EPS);
    if outcome {
        p.ln()
    } else {
        (1.0 - p).ln()
    }
}

/// Scores of one group of resolved forecasts.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    pub key: String,
    /// Resolved forecasts in the group.
    pub n: usize,
    /// Of which came true.
    pub n_true: usize,
    pub mean_point: f64,
    /// `n_true / n`.
    pub observed: f64,
    pub brier: f64,
    pub log: f64,
    /// Lowest low and highest high of the group's bands.
    pub low: f64,
    pub high: f64,
}

impl Group {
    fn of(key: String, items: &[&Resolved]) -> Group {
        let n = items.len();
        let nf = n.max(1) as f64;
        let n_true = items.iter().filter(|r| r.outcome).count();
        Group {
            key,
            n,
            n_true,
            mean_point: items.iter().map(|r| r.point).sum::<f64>() / nf,
            observed: n_true as f64 / nf,
            brier: items.iter().map(|r| brier(r.point, r.outcome)).sum::<f64>() / nf,
            log: items
                .iter()
                .map(|r| log_score(r.point, r.outcome))
                .sum::<f64>()
                / nf,
            low: items.iter().map(|r| r.low).fold(f64::INFINITY, f64::min),
            high: items
                .iter()
                .map(|r| r.high)
                .fold(f64::NEG_INFINITY, f64::max),
        }
    }

    /// Whether the observed frequency falls inside the group's band.
    pub fn within_band(&self) -> bool {
        self.n > 0 && self.low <= self.observed && self.observed <= self.high
    }
}

/// Scores overall and per holder, phrase and band.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub overall: Group,
    pub by_holder: Vec<Group>,
    pub by_phrase: Vec<Group>,
    pub by_band: Vec<Group>,
    /// Annulled entries, reported but not scored.
    pub annulled: usize,
}

fn grouped(items: &[Resolved], key: impl Fn(&Resolved) -> String) -> Vec<Group> {
    let mut m: BTreeMap<String, Vec<&Resolved>> = BTreeMap::new();
    for r in items {
        m.entry(key(r)).or_default().push(r);
    }
    m.into_iter().map(|(k, v)| Group::of(k, &v)).collect()
}

/// Scores resolved forecasts (`annulled` is only counted).
pub fn score(items: &[Resolved], annulled: usize) -> Report {
    let all: Vec<&Resolved> = items.iter().collect();
    Report {
        overall: Group::of("all".into(), &all),
        by_holder: grouped(items, |r| r.holder.clone()),
        by_phrase: grouped(items, |r| r.phrase.clone()),
        by_band: grouped(items, |r| r.band.clone()),
        annulled,
    }
}

fn table(
    f: &mut fmt::Formatter<'_>,
    title: &str,
    groups: &[Group],
    check_band: bool,
) -> fmt::Result {
    writeln!(f, "{title}")?;
    writeln!(
        f,
        "  {:<28} {:>4} {:>5} {:>7} {:>9} {:>11} {:>7} {:>7}",
        "", "n", "true", "stated", "observed", "band", "Brier", "log"
    )?;
    for g in groups {
        writeln!(
            f,
            "  {:<28} {:>4} {:>5} {:>7.2} {:>9.2} {:>5.2}–{:<5.2} {:>7.3} {:>7.3}{}",
            truncate(&g.key, 28),
            g.n,
            g.n_true,
            g.mean_point,
            g.observed,
            g.low,
            g.high,
            g.brier,
            g.log,
            if !check_band || g.within_band() {
                ""
            } else {
                "  (outside band)"
            }
        )?;
    }
    Ok(())
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n - 1).collect();
        t.push('…');
        t
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let o = &self.overall;
        writeln!(
            f,
            "Resolved forecasts: {} ({} true, {} false); annulled: {}",
            o.n,
            o.n_true,
            o.n - o.n_true,
            self.annulled
        )?;
        if o.n == 0 {
            return Ok(());
        }
        writeln!(
            f,
            "Brier score (0 = perfect, 1 = certainly wrong, 0.25 = always 50 %): {:.3}",
            o.brier
        )?;
        writeln!(
            f,
            "Log score (ln, p clipped to [0.001, 0.999]; 0 = perfect): {:.3}",
            o.log
        )?;
        table(f, "By holder:", &self.by_holder, false)?;
        table(f, "By phrase:", &self.by_phrase, false)?;
        table(f, "Calibration by band:", &self.by_band, true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(holder: &str, phrase: &str, band: &str, p: f64, o: bool) -> Resolved {
        Resolved {
            holder: holder.into(),
            phrase: phrase.into(),
            band: band.into(),
            low: 0.55,
            high: 0.80,
            point: p,
            outcome: o,
        }
    }

    #[test]
    fn brier_and_log_by_hand() {
        assert!((brier(0.75, true) - 0.0625).abs() < 1e-12);
        assert!((brier(0.75, false) - 0.5625).abs() < 1e-12);
        assert_eq!(brier(0.5, true), 0.25);
        assert!((log_score(0.75, true) - 0.75f64.ln()).abs() < 1e-12);
        assert!((log_score(0.75, false) - 0.25f64.ln()).abs() < 1e-12);
        assert!((log_score(1.0, false) - 0.001f64.ln()).abs() < 1e-12);
    }

    #[test]
    fn groups_count_and_average() {
        let items = vec![
            r("author", "probably", "icd203:Likely", 0.75, true),
            r("author", "probably", "icd203:Likely", 0.75, true),
            r("author", "probably", "icd203:Likely", 0.75, false),
            r("Putin", "will", "assertion", 1.0, false),
        ];
        let rep = score(&items, 2);
        assert_eq!(rep.overall.n, 4);
        assert_eq!(rep.overall.n_true, 2);
        // (0.0625 + 0.0625 + 0.5625 + 1.0) / 4
        assert!((rep.overall.brier - 0.421875).abs() < 1e-12);
        let prob = rep.by_phrase.iter().find(|g| g.key == "probably").unwrap();
        assert_eq!((prob.n, prob.n_true), (3, 2));
        assert!((prob.observed - 2.0 / 3.0).abs() < 1e-12);
        assert!(prob.within_band());
        let putin = rep.by_holder.iter().find(|g| g.key == "Putin").unwrap();
        assert_eq!(putin.n, 1);
        assert!(!putin.within_band());
        let text = rep.to_string();
        assert!(text.contains("annulled: 2"));
        assert!(text.contains("Calibration by band"));
    }

    #[test]
    fn empty_is_reported() {
        let rep = score(&[], 0);
        assert_eq!(rep.overall.n, 0);
        assert!(rep.to_string().starts_with("Resolved forecasts: 0"));
    }
}
