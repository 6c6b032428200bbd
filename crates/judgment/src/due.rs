//! Due dates of forecasts: the end of the period a time expression names, or a default horizon from the DCT.
//!
//! When the time component has filled `doc.timexes`, the time expressions inside the judgment's clause are
//! used; when it has not (or they give no future date), a small fallback reads "in July 2023", "in 2023", "by the end of 2024", "next year",
//! "for the next three years" and the like. Forecasts with no time expression get
//! [`DEFAULT_HORIZON_MONTHS`] from the DCT and `due_source: default`.

use dossier_model::{Document, Span, TimexType};

/// Default forecast horizon when the text names none: twelve months after the DCT.
pub const DEFAULT_HORIZON_MONTHS: u32 = 12;

/// A calendar date (proleptic Gregorian).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub y: i32,
    pub m: u32,
    pub d: u32,
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }
}

fn leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if leap(y) => 29,
        _ => 28,
    }
}

impl Date {
    pub fn new(y: i32, m: u32, d: u32) -> Option<Date> {
        ((1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)).then_some(Date { y, m, d })
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a coarse value gives its first day).
    pub fn parse_start(s: &str) -> Option<Date> {
        let mut it = s.trim().splitn(3, '-');
        let y: i32 = it.next()?.parse().ok()?;
        let m: u32 = it.next().map_or(Some(1), |x| x.parse().ok())?;
        let d: u32 = it
            .next()
            .map_or(Some(1), |x| x.get(..2).unwrap_or(x).parse().ok())?;
        Date::new(y, m, d)
    }

    pub fn add_months(self, n: u32) -> Date {
        let total = self.y as i64 * 12 + (self.m as i64 - 1) + n as i64;
        let y = (total.div_euclid(12)) as i32;
        let m = (total.rem_euclid(12) + 1) as u32;
        Date {
            y,
            m,
            d: self.d.min(days_in_month(y, m)),
        }
    }

    pub fn add_days(self, n: u32) -> Date {
        let mut d = self;
        for _ in 0..n.min(36_600) {
            if d.d < days_in_month(d.y, d.m) {
                d.d += 1;
            } else if d.m < 12 {
                d = Date {
                    y: d.y,
                    m: d.m + 1,
                    d: 1,
                };
            } else {
                d = Date {
                    y: d.y + 1,
                    m: 1,
                    d: 1,
                };
            }
        }
        d
    }
}

/// The last day of the period a TIMEX3 date value names: `2023` → 2023-12-31, `2023-07` → 2023-07-31,
/// `2023-Q2` → 2023-06-30, `2023-H1` → 2023-06-30, `2023-07-11` → itself.
pub fn period_end(value: &str) -> Option<Date> {
    let v = value.trim();
    let y: i32 = v.get(..4)?.parse().ok()?;
    let rest = &v[4..];
    if rest.is_empty() {
        return Date::new(y, 12, 31);
    }
    let rest = rest.strip_prefix('-')?;
    if let Some(q) = rest.strip_prefix('Q') {
        let q: u32 = q.parse().ok().filter(|q| (1..=4).contains(q))?;
        return Date::new(y, q * 3, days_in_month(y, q * 3));
    }
    // Seasons (northern hemisphere): spring ends in May, summer in August, autumn in November,
    // winter in February of the next year.
    match rest {
        "SP" => return Date::new(y, 5, 31),
        "SU" => return Date::new(y, 8, 31),
        "FA" | "AU" => return Date::new(y, 11, 30),
        "WI" => return Date::new(y + 1, 2, days_in_month(y + 1, 2)),
        _ => {}
    }
    if let Some(h) = rest.strip_prefix('H') {
        let h: u32 = h.parse().ok().filter(|h| (1..=2).contains(h))?;
        return Date::new(y, h * 6, days_in_month(y, h * 6));
    }
    let mut parts = rest.split('-');
    let m: u32 = parts.next()?.parse().ok()?;
    match parts.next() {
        None => Date::new(y, m, days_in_month(y, m)),
        Some(d) => Date::new(y, m, d.get(..2).unwrap_or(d).parse().ok()?),
    }
}

/// Applies an ISO-8601 duration (`P3Y`, `P6M`, `P2W`, `P10D`) to `from`.
pub fn add_duration(from: Date, dur: &str) -> Option<Date> {
    let body = dur.strip_prefix('P')?;
    if body.contains('T') || body.len() < 2 {
        return None;
    }
    let (num, unit) = body.split_at(body.len() - 1);
    let n: u32 = num.parse().ok()?;
    Some(match unit {
        "Y" => from.add_months(12 * n),
        "M" => from.add_months(n),
        "W" => from.add_days(7 * n),
        "D" => from.add_days(n),
        _ => return None,
    })
}

/// The DCT as a date, if known.
pub fn dct(doc: &Document) -> Option<Date> {
    let v = doc.meta.dct.value.as_deref().or_else(|| {
        doc.meta
            .dct
            .bracket
            .as_ref()
            .map(|(_, latest)| latest.as_str())
    })?;
    Date::parse_start(v)
}

use dossier_model::MONTH_NAMES as MONTHS;

fn number_word(w: &str) -> Option<u32> {
    Some(match w {
        "one" | "a" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "fifteen" => 15,
        "twenty" => 20,
        _ => return w.parse().ok().filter(|n| *n > 0 && *n < 100),
    })
}

fn year(w: &str) -> Option<i32> {
    (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
        .filter(|y| (1900..2200).contains(y))
}

/// Fallback reader of horizons in a clause's lowercase tokens.
pub fn fallback(words: &[&str], dct: Option<Date>) -> Option<Date> {
    let mut best: Option<Date> = None;
    let mut keep = |d: Date| {
        if dct.is_none_or(|t| d >= t) {
            best = Some(best.map_or(d, |b| b.max(d)));
        }
    };
    for i in 0..words.len() {
        let w = words[i];
        // [in|by|until|before|during|throughout] [(early|mid|late|the end of|end of)] [Month] YEAR
        if let Some(y) = year(w) {
            let mut j = i;
            let mut month = None;
            if j > 0 {
                if let Some(m) = MONTHS.iter().position(|m| *m == words[j - 1]) {
                    month = Some(m as u32 + 1);
                    j -= 1;
                }
            }
            while j > 0
                && matches!(
                    words[j - 1],
                    "early" | "mid" | "late" | "end" | "the" | "of"
                )
            {
                j -= 1;
            }
            if j > 0
                && matches!(
                    words[j - 1],
                    "in" | "by" | "until" | "till" | "before" | "during" | "throughout" | "for"
                )
            {
                let d = match month {
                    Some(m) => Date::new(y, m, days_in_month(y, m)),
                    None => Date::new(y, 12, 31),
                };
                if let Some(d) = d {
                    keep(d);
                }
            }
        }
        // (for|in|over|within|during) the (next|coming|following) N (years|months|weeks|days)
        if matches!(w, "next" | "coming" | "following") || (w == "within" && i + 2 < words.len()) {
            let (n_at, unit_at) = (i + 1, i + 2);
            if let (Some(n), Some(unit)) = (
                words.get(n_at).and_then(|x| number_word(x)),
                words.get(unit_at),
            ) {
                if let Some(t) = dct {
                    let d = match unit.trim_end_matches('s') {
                        "year" => Some(t.add_months(12 * n)),
                        "month" => Some(t.add_months(n)),
                        "week" => Some(t.add_days(7 * n)),
                        "day" => Some(t.add_days(n)),
                        _ => None,
                    };
                    if let Some(d) = d {
                        keep(d);
                    }
                }
            }
            // "next year", "next month"
            if w == "next" {
                if let (Some(t), Some(unit)) = (dct, words.get(i + 1)) {
                    match *unit {
                        "year" => keep(Date {
                            y: t.y + 1,
                            m: 12,
                            d: 31,
                        }),
                        "month" => {
                            let n = t.add_months(1);
                            keep(Date {
                                d: days_in_month(n.y, n.m),
                                ..n
                            })
                        }
                        _ => {}
                    }
                }
            }
        }
        if w == "this" && words.get(i + 1) == Some(&"year") {
            if let Some(t) = dct {
                keep(Date {
                    y: t.y,
                    m: 12,
                    d: 31,
                });
            }
        }
    }
    best
}

/// Due date of a judgment whose clause is `clause`: `(date, "text")`, or the default horizon
/// `(DCT + 12 months, "default")`, or `None` when neither the text nor the DCT gives one.
pub fn due(
    doc: &Document,
    clause: Span,
    words: &[&str],
    use_default: bool,
) -> Option<(String, &'static str)> {
    let t = dct(doc);
    let from_timexes = if doc.timexes.is_empty() {
        None
    } else {
        let mut best: Option<Date> = None;
        for x in doc.timexes.iter().filter(|x| clause.contains(x.span)) {
            let d = match x.kind {
                TimexType::Date => x
                    .range
                    .as_ref()
                    .map(|r| r.end.as_str())
                    .map_or_else(|| period_end(&x.value), period_end),
                TimexType::Duration => {
                    // Only forward-looking durations ("for the next three years") set a horizon.
                    let before = &doc.text[clause.start..x.span.end].to_ascii_lowercase();
                    if before.contains("next")
                        || before.contains("coming")
                        || before.contains("within")
                    {
                        t.and_then(|t| add_duration(t, &x.value))
                    } else {
                        None
                    }
                }
                _ => None,
            };
            if let Some(d) = d.filter(|d| t.is_none_or(|t| *d >= t)) {
                best = Some(best.map_or(d, |b| b.max(d)));
            }
        }
        best
    };
    // The time layer first; the fallback reader when it has nothing usable in this clause.
    let from_text = from_timexes.or_else(|| fallback(words, t));
    if let Some(d) = from_text {
        return Some((d.to_string(), "text"));
    }
    if use_default {
        return t.map(|t| (t.add_months(DEFAULT_HORIZON_MONTHS).to_string(), "default"));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse_start(s).unwrap()
    }

    #[test]
    fn period_ends() {
        assert_eq!(period_end("2023").unwrap().to_string(), "2023-12-31");
        assert_eq!(period_end("2023-07").unwrap().to_string(), "2023-07-31");
        assert_eq!(period_end("2024-02").unwrap().to_string(), "2024-02-29");
        assert_eq!(period_end("2023-Q2").unwrap().to_string(), "2023-06-30");
        assert_eq!(period_end("2023-07-11").unwrap().to_string(), "2023-07-11");
        assert!(period_end("PRESENT_REF").is_none());
        assert_eq!(period_end("2025-SP").unwrap().to_string(), "2025-05-31");
        assert_eq!(period_end("2023-WI").unwrap().to_string(), "2024-02-29");
    }

    #[test]
    fn durations_and_months() {
        assert_eq!(
            add_duration(d("2023-01-31"), "P1M").unwrap().to_string(),
            "2023-02-28"
        );
        assert_eq!(
            add_duration(d("2023-01-05"), "P3Y").unwrap().to_string(),
            "2026-01-05"
        );
        assert_eq!(d("2023-12-30").add_days(3).to_string(), "2024-01-02");
    }

    #[test]
    fn fallback_reads_horizons() {
        let t = Some(d("2023-01-05"));
        let w = |s: &'static str| s.split(' ').collect::<Vec<_>>();
        assert_eq!(
            fallback(&w("the vilnius summit in july 2023"), t)
                .unwrap()
                .to_string(),
            "2023-07-31"
        );
        assert_eq!(
            fallback(&w("in 2023 , there will be"), t)
                .unwrap()
                .to_string(),
            "2023-12-31"
        );
        assert_eq!(
            fallback(&w("for the next three years"), t)
                .unwrap()
                .to_string(),
            "2026-01-05"
        );
        assert_eq!(
            fallback(&w("by the end of 2024"), t).unwrap().to_string(),
            "2024-12-31"
        );
        assert_eq!(
            fallback(&w("next year"), t).unwrap().to_string(),
            "2024-12-31"
        );
        // Past periods are not horizons.
        assert!(fallback(&w("in 2020"), t).is_none());
        assert!(fallback(&w("zapad 2023 drills"), t).is_none());
    }
}
