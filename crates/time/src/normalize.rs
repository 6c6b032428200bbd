//! Generic normalization: a match's captured token values fill a [`Frame`]; the frame, the anchor (DCT or
//! narrative reference time) and the sentence tense give the TIMEX3 value.

use dossier_model::TimexType;

use crate::lexicon::{Class, Cv};
use crate::rules::{Alt, Match, Rule};
use crate::scan::Tok;

/// What a time expression says, field by field.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Frame {
    pub year: Option<i32>,
    pub bc: bool,
    pub month: Option<u32>,
    pub day: Option<u32>,
    pub weekday: Option<u32>,
    pub season: Option<String>,
    pub part: Option<String>,
    pub hour: Option<u32>,
    pub minute: Option<u32>,
    pub second: Option<u32>,
    pub ampm: Option<String>,
    pub oclock: bool,
    pub unit: Option<String>,
    pub plural: bool,
    /// Count; NaN stands for an unspecified count ("several").
    pub n: Option<f64>,
    pub int: Option<f64>,
    pub half: bool,
    pub ord: Option<i32>,
    pub rel: Option<(i32, bool)>,
    pub dir: Option<(i32, bool)>,
    pub deictic: Option<i32>,
    pub literal: Option<String>,
    pub decade: Option<i32>,
    pub setw: Option<String>,
    pub every: bool,
    pub tz: Option<String>,
    /// "week 31": the count is an ISO week number.
    pub weekno: bool,
    /// A movable feast named by a rule (`hol=easter`), computed for the year.
    pub holiday: Option<String>,
    /// Years to move a shifted date by (`yshift=-1`: "the same month a year earlier").
    pub yshift: i32,
}

impl Frame {
    fn apply(&mut self, cv: &Cv, tok: &Tok) {
        let n = cv.n;
        match cv.class {
            Class::Month => self.month = Some(n as u32),
            Class::Weekday => self.weekday = Some(n as u32),
            Class::Wdays => {
                self.weekday = Some(n as u32);
                self.every = true;
            }
            Class::Season => self.season = Some(cv.s.to_string()),
            Class::Part => self.part = Some(cv.s.to_string()),
            Class::Unit => {
                self.unit = Some(cv.s.to_string());
                self.plural = tok.text.len() > 3 && tok.text.ends_with(['s', 'S']);
            }
            Class::Num | Class::Numf | Class::Int => {
                if cv.class == Class::Int {
                    self.int = Some(n);
                }
                self.n = Some(match self.n {
                    Some(old) if old >= 20.0 && n < 10.0 && old % 10.0 == 0.0 => old + n,
                    Some(old) if n == 100.0 && old < 100.0 => old * n,
                    _ => n,
                });
            }
            Class::Ord => self.ord = Some(n as i32),
            Class::Rel => self.rel = Some((n as i32, cv.anaph)),
            Class::Dir => self.dir = Some((n as i32, cv.anaph)),
            Class::Deictic => self.deictic = Some(n as i32),
            Class::Val => self.literal = Some(cv.s.to_string()),
            Class::Setw => self.setw = Some(cv.s.to_string()),
            Class::Every => self.every = true,
            Class::Bc => self.bc |= cv.s == "BC",
            Class::Ampm => self.ampm = Some(cv.s.to_string()),
            Class::Clock | Class::Clockt => {
                let src = if cv.class == Class::Clock {
                    cv.s
                } else {
                    tok.text
                };
                let mut it = src.split([':', '.']);
                self.hour = it.next().and_then(|h| h.parse().ok());
                self.minute = it.next().and_then(|m| m.parse().ok());
                self.second = it.next().and_then(|x| x.parse().ok()).filter(|x| *x > 0);
            }
            Class::Oclock => self.oclock = true,
            Class::Holiday if !cv.s.starts_with(|c: char| c.is_ascii_digit()) => {
                self.holiday = Some(cv.s.to_string());
            }
            Class::Holiday => {
                let mut it = cv.s.split('-');
                self.month = it.next().and_then(|m| m.parse().ok());
                self.day = it.next().and_then(|d| d.parse().ok());
            }
            Class::Day => self.day = Some(n as u32),
            Class::Year => self.year = Some(n as i32),
            Class::Iso => {
                let p: Vec<&str> = tok.text.split('-').collect();
                self.year = p.first().and_then(|x| x.parse().ok());
                self.month = p
                    .get(1)
                    .and_then(|x| x.parse().ok())
                    .filter(|m| (1..=12).contains(m));
                self.day = p
                    .get(2)
                    .and_then(|x| x.parse().ok())
                    .filter(|d| (1..=31).contains(d));
            }
            Class::Slash => {
                let mut p: Vec<&str> = tok.text.split('/').collect();
                // "22/04": day first when the first number cannot be a month.
                let num = |x: Option<&&str>| x.and_then(|x| x.parse::<u32>().ok()).unwrap_or(0);
                if num(p.first()) > 12 && (1..=12).contains(&num(p.get(1))) {
                    p.swap(0, 1);
                }
                self.month = p
                    .first()
                    .and_then(|x| x.parse().ok())
                    .filter(|m| (1..=12).contains(m));
                self.day = p
                    .get(1)
                    .and_then(|x| x.parse().ok())
                    .filter(|d| (1..=31).contains(d));
                self.year = p
                    .get(2)
                    .and_then(|x| x.parse::<i32>().ok())
                    .map(|y| match y {
                        0..=30 => 2000 + y,
                        31..=99 => 1900 + y,
                        _ => y,
                    });
            }
            Class::Decade | Class::DecadeW => self.decade = Some(n as i32),
            Class::Ctx | Class::IdRef => {}
            Class::Qtr => {
                self.ord = Some(n as i32);
                self.unit = Some("Q".into());
            }
            Class::Tz => self.tz = Some(cv.s.to_string()),
        }
    }

    fn set(&mut self, k: &str, v: &str) {
        match k {
            "part" => self.part = Some(v.to_string()),
            "n" => self.n = Some(v.parse().unwrap_or(f64::NAN)),
            "half" => self.half = true,
            "clock" => self.oclock = true,
            "dir" => self.dir = Some((v.parse().unwrap_or(1), false)),
            "unit" => self.unit = Some(v.to_string()),
            "value" => self.literal = Some(v.to_string()),
            "weekno" => self.weekno = true,
            "ord" => self.ord = v.parse().ok(),
            "hol" => self.holiday = Some(v.to_string()),
            "yshift" => self.yshift = v.parse().unwrap_or(0),
            // A fixed-date holiday: "md=07-04".
            "md" => {
                let mut it = v.split('-');
                self.month = it.next().and_then(|m| m.parse().ok());
                self.day = it.next().and_then(|d| d.parse().ok());
            }
            // "0a": anaphoric (the last mentioned time), as in lexicon.tsv.
            "rel" => {
                let anaph = v.ends_with('a');
                self.rel = Some((v.trim_end_matches('a').parse().unwrap_or(0), anaph));
            }
            _ => {}
        }
    }

    /// Fills the fields `self` lacks from `other` (the merged DATE part of a TIME, or a range's end).
    fn fill_date_from(&mut self, other: &Frame) {
        if self.year.is_none() && self.decade.is_none() {
            self.year = other.year;
            self.bc |= other.bc;
        }
        if self.month.is_none() && self.day.is_some() {
            self.month = other.month;
        }
    }

    /// A clock-time end of a range without a day takes the other end's day ("Monday from 3 to 8").
    fn fill_day_from(&mut self, other: &Frame) {
        let has_day = self.weekday.is_some()
            || self.deictic.is_some()
            || self.day.is_some()
            || self.month.is_some()
            || self.year.is_some();
        if has_day || !(self.hour.is_some() || self.int.is_some()) {
            return;
        }
        self.weekday = other.weekday;
        self.deictic = other.deictic;
        self.day = other.day;
        self.month = other.month;
        self.year = other.year;
        if (other.weekday.is_some() || other.part.is_some()) && self.rel.is_none() {
            self.rel = other.rel;
        }
        if self.part.is_none() {
            self.part = other.part.clone();
        }
    }

    /// A range's begin without am/pm takes its end's when it can ("5 to 6pm"); "10 to 2pm" = 10 AM.
    fn fill_ampm_from(&mut self, end: &Frame) {
        if self.ampm.is_some() {
            return;
        }
        let (Some(h1), Some(h2), Some(ap)) = (
            self.hour.or(self.int.map(|i| i as u32)),
            end.hour.or(end.int.map(|i| i as u32)),
            end.ampm.as_deref(),
        ) else {
            return;
        };
        if h1 > 12 || h2 > 12 {
            return;
        }
        self.ampm = Some(match ap {
            "PM" if h1 > h2 && h2 != 12 => "AM".to_string(),
            _ if h1 <= h2 || h2 == 12 => ap.to_string(),
            _ => return,
        });
    }

    fn has_time(&self) -> bool {
        self.hour.is_some()
            || self.part.is_some()
            || (self.int.is_some() && (self.ampm.is_some() || self.oclock))
    }
}

/// Builds the frames of a match: one, or two for a range (begin, end).
pub fn frames(m: &Match, rule: &Rule, all_rules: &[Rule], toks: &[Tok]) -> (Frame, Option<Frame>) {
    let mut f1 = Frame::default();
    let mut f2 = Frame::default();
    for c in &m.caps {
        let elem = &rule.elems[c.elem as usize];
        // Context stays out of the value ("week 10 [8 p.m.]").
        if elem.ctx {
            continue;
        }
        let tok = &toks[c.tok as usize];
        let first_year = f1.year;
        let second = matches!(rule.split, Some(s) if c.elem as usize >= s);
        let target = if second { &mut f2 } else { &mut f1 };
        if let Alt::Class(Class::Int, Some("2D")) = elem.alts[c.alt as usize] {
            // A two-digit year: 87 = 1987, 12 = 2012; a range's end in its start's century ("1890-95").
            if let Ok(y) = tok.text.parse::<i32>() {
                target.year = Some(match first_year.filter(|_| second) {
                    Some(fy) => {
                        let c = fy - fy.rem_euclid(100) + y;
                        if c < fy {
                            c + 100
                        } else {
                            c
                        }
                    }
                    None if y <= 30 => 2000 + y,
                    None => 1900 + y,
                });
            }
            continue;
        }
        if let Alt::Class(cls, v) = elem.alts[c.alt as usize] {
            if let Some(cv) = tok
                .cvs
                .iter()
                .find(|cv| cv.class == cls && v.is_none_or(|v| cv.s == v))
            {
                target.apply(cv, tok);
            }
        }
    }
    for (k, v) in &rule.sets {
        f1.set(k, v);
    }
    if rule.plural {
        f1.plural = true;
    }
    if rule.sets.iter().any(|(k, _)| *k == "hhmm") {
        // "0800 UTC", "1600 GMT": four digits are hours and minutes.
        if let Some(t) = m
            .caps
            .iter()
            .map(|c| &toks[c.tok as usize])
            .find(|t| t.text.len() == 4 && t.text.bytes().all(|b| b.is_ascii_digit()))
        {
            let (h, mn): (u32, u32) = (
                t.text[..2].parse().unwrap_or(99),
                t.text[2..].parse().unwrap_or(99),
            );
            if h <= 24 && mn < 60 {
                f1.hour = Some(h);
                f1.minute = Some(mn);
                f1.year = None;
                f1.int = None;
                f1.n = None;
            }
        }
    }
    if let Some((_, d)) = rule.sets.iter().find(|(k, _)| *k == "past") {
        clock_past(&mut f1, m, rule, toks, d.parse().unwrap_or(1));
    }
    for f in [&mut f1, &mut f2] {
        // "480 BC": the number is the year.
        if f.bc && f.year.is_none() && f.decade.is_none() && f.unit.is_none() {
            f.year = f.int.map(|i| i as i32);
        }
    }
    if let Some(b) = &m.merged {
        let (fb, _) = frames(b, &all_rules[b.rule], all_rules, toks);
        merge_into(&mut f1, &fb);
        if rule.split.is_some() {
            merge_into(&mut f2, &fb);
        }
    }
    if rule.split.is_some() {
        for (k, v) in &rule.sets {
            if *k == "clock" {
                f2.set(k, v);
            }
        }
        // "7 to 7:30": a bare number next to a clock time is an hour too.
        let (h1, h2) = (f1.hour.is_some(), f2.hour.is_some());
        if !h1 && f1.int.is_some() && h2 {
            f1.oclock = true;
        }
        if !h2 && f2.int.is_some() && h1 {
            f2.oclock = true;
        }
        // "3-5 days": the begin's count is in the end's unit (a smaller count: "3-1 minutes later" is a score).
        let count = |f: &Frame| f.int.or(f.n).filter(|c| !c.is_nan());
        if f1.unit.is_none()
            && f2.unit.is_some()
            && count(&f1).zip(count(&f2)).is_some_and(|(a, b)| a < b)
        {
            f1.unit = f2.unit.clone();
            f1.plural = f2.plural;
        }
        f1.fill_day_from(&f2);
        let f1d = f1.clone();
        f2.fill_day_from(&f1d);
        f1.fill_ampm_from(&f2);
        // "from 10 to 2" (no am/pm on either end): the end is in the afternoon.
        if let (Some(h1), Some(h2), None, None, true, true) = (
            f1.hour.or(f1.int.map(|i| i as u32)),
            f2.hour.or(f2.int.map(|i| i as u32)),
            &f1.ampm,
            &f2.ampm,
            f1.oclock,
            f2.oclock,
        ) {
            if h2 < h1 && h2 < 12 {
                f2.ampm = Some("PM".into());
            }
        }
        let own_year = f1.year.is_some() || f1.decade.is_some();
        f1.fill_date_from(&f2);
        // "Nov-Feb 2017": a month range whose begin is later in the year starts the year before.
        if let (false, Some(m1), Some(m2), Some(y)) = (own_year, f1.month, f2.month, f1.year) {
            if m1 > m2 && f2.year == Some(y) {
                f1.year = Some(y - 1);
            }
        }
        let f1c = f1.clone();
        f2.fill_date_from(&f1c);
        if f2.month.is_none() && f2.day.is_some() {
            f2.month = f1c.month;
        }
        (f1, Some(f2))
    } else {
        (f1, None)
    }
}

/// "ten past 9", "half past seven", "a quarter to eight" (rules flagged `past=1` / `past=-1`): the first
/// captured number is the minutes (or the rule's `min=`), the last one the hour.
fn clock_past(f: &mut Frame, m: &Match, rule: &Rule, toks: &[Tok], dir: i32) {
    let nums: Vec<f64> = m
        .caps
        .iter()
        .filter(|c| {
            matches!(
                rule.elems[c.elem as usize].alts[c.alt as usize],
                Alt::Class(Class::Num | Class::Int, _)
            )
        })
        .filter_map(|c| {
            toks[c.tok as usize]
                .cvs
                .iter()
                .find(|cv| matches!(cv.class, Class::Num | Class::Int) && !cv.n.is_nan())
                .map(|cv| cv.n)
        })
        .collect();
    let set_min = rule
        .sets
        .iter()
        .find(|(k, _)| *k == "min")
        .and_then(|(_, v)| v.parse::<f64>().ok());
    let (mins, hour) = match (nums.as_slice(), set_min) {
        ([h], Some(mn)) => (mn, *h),
        ([mn, h], None) => (*mn, *h),
        _ => return,
    };
    if mins.fract() != 0.0 || hour.fract() != 0.0 || !(1.0..60.0).contains(&mins) || hour > 24.0 {
        return;
    }
    let (h, mn) = (hour as u32, mins as u32);
    if dir >= 0 {
        f.hour = Some(h);
        f.minute = Some(mn);
    } else {
        f.hour = Some(if h == 0 { 23 } else { h - 1 });
        f.minute = Some(60 - mn);
    }
    f.n = None;
    f.int = None;
    f.unit = None;
    f.plural = false;
}

fn merge_into(a: &mut Frame, b: &Frame) {
    macro_rules! fill {
        ($($f:ident),*) => { $( if a.$f.is_none() { a.$f = b.$f.clone(); } )* };
    }
    fill!(
        year, month, day, weekday, season, part, hour, minute, second, ampm, deictic, rel, literal,
        decade, tz
    );
    if b.int.is_some() && a.int.is_none() && (b.ampm.is_some() || b.oclock) {
        a.int = b.int;
        a.ampm = b.ampm.clone();
        a.oclock |= b.oclock;
    }
    if b.unit.is_some() && a.unit.is_none() && b.rel.is_some() {
        a.unit = b.unit.clone();
    }
    a.bc |= b.bc;
}

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic (proleptic Gregorian, days since 1970-01-01).

pub fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y as i64 - 1 } else { y as i64 };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

pub fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((if m <= 2 { y + 1 } else { y }) as i32, m, d)
}

/// Month and day of a movable holiday in year `y` (Gregorian computus for Easter; nth-weekday rules for the
/// others).
fn holiday_md(name: &str, y: i32) -> Option<(u32, u32)> {
    let easter = || {
        let (a, b, c) = (y % 19, y / 100, y % 100);
        let (d, e) = (b / 4, b % 4);
        let f = (b + 8) / 25;
        let g = (b - f + 1) / 3;
        let h = (19 * a + b - d - g + 15) % 30;
        let (i, k) = (c / 4, c % 4);
        let l = (32 + 2 * e + 2 * i - h - k) % 7;
        let m = (a + 11 * h + 22 * l) / 451;
        let n = h + l - 7 * m + 114;
        Pt::day(y, (n / 31) as u32, (n % 31 + 1) as u32)
    };
    // The `nth` (1-based; -1 = last) weekday `wd` of month `m`.
    let nth = |m: u32, wd: u32, nth: i32| {
        if nth > 0 {
            let first = weekday(y, m, 1);
            Pt::day(y, m, 1 + (wd + 7 - first) % 7 + 7 * (nth as u32 - 1))
        } else {
            let last = days_in_month(y, m);
            let lw = weekday(y, m, last);
            Pt::day(y, m, last - (lw + 7 - wd) % 7)
        }
    };
    let p = match name {
        "easter" => easter(),
        "easter_monday" => easter().add_days(1),
        "good_friday" => easter().add_days(-2),
        "thanksgiving" => nth(11, 4, 4),
        "black_friday" => nth(11, 4, 4).add_days(1),
        "labor_day" => nth(9, 1, 1),
        "memorial_day" => nth(5, 1, -1),
        "mlk_day" => nth(1, 1, 3),
        "mothers_day" => nth(5, 7, 2),
        "fathers_day" => nth(6, 7, 3),
        // US federal elections: the Tuesday after the first Monday of November.
        "us_election_day" => nth(11, 1, 1).add_days(1),
        "presidents_day" => nth(2, 1, 3),
        "columbus_day" => nth(10, 1, 2),
        "ash_wednesday" => easter().add_days(-46),
        "palm_sunday" => easter().add_days(-7),
        _ => return None,
    };
    Some((p.m, p.d))
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

/// The first day a TIMEX3 date value covers (`199` → 1990-01-01, `2019-Q3` → 2019-07-01,
/// `2019-W03` → the Monday of that week, `2019-W03-WE` → its Saturday, `2019-SU` → 2019-06-01), or `None`
/// for other values.
pub fn first_day(v: &str) -> Option<String> {
    let b = v.as_bytes();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit());
    if b.len() == 3 && digits(v) {
        return Some(format!("{v}0-01-01"));
    }
    if b.len() == 2 && digits(v) {
        return Some(format!("{v}00-01-01"));
    }
    if b.len() < 4 || !digits(&v[..4]) {
        return None;
    }
    let y: i32 = v[..4].parse().ok()?;
    let rest = &v[4..];
    if rest.is_empty() {
        return Some(format!("{y:04}-01-01"));
    }
    if let Some(q) = rest.strip_prefix("-Q").and_then(|q| q.parse::<u32>().ok()) {
        return Some(format!("{y:04}-{:02}-01", (q.clamp(1, 4) - 1) * 3 + 1));
    }
    if let Some(h) = rest.strip_prefix("-H").and_then(|q| q.parse::<u32>().ok()) {
        return Some(format!("{y:04}-{:02}-01", if h == 2 { 7 } else { 1 }));
    }
    if let Some(w) = rest
        .strip_prefix("-W")
        .and_then(|w| w.get(..2))
        .and_then(|w| w.parse::<i64>().ok())
    {
        let jan4 = days_from_civil(y, 1, 4);
        let monday = jan4 - (weekday(y, 1, 4) as i64 - 1) + (w - 1) * 7;
        let offset = match rest.get(4..) {
            Some("-WE") => 5,
            Some(d) => d
                .strip_prefix('-')
                .and_then(|d| d.parse::<i64>().ok())
                .filter(|d| (1..=7).contains(d))
                .map_or(0, |d| d - 1),
            None => 0,
        };
        let (yy, mm, dd) = civil_from_days(monday + offset);
        return Some(format!("{yy:04}-{mm:02}-{dd:02}"));
    }
    // Seasons, northern hemisphere (as `dossier_judgment`'s period ends): spring from March, summer from
    // June, autumn from September, winter from December.
    let season = match rest {
        "-SP" => Some(3),
        "-SU" => Some(6),
        "-FA" | "-AU" => Some(9),
        "-WI" => Some(12),
        _ => None,
    };
    if let Some(m) = season {
        return Some(format!("{y:04}-{m:02}-01"));
    }
    if rest.len() == 3 && digits(&rest[1..]) {
        return Some(format!("{v}-01"));
    }
    if rest.len() >= 6 && digits(&rest[1..3]) && digits(&rest[4..6]) {
        return Some(v[..10].to_string());
    }
    None
}

/// ISO weekday, Monday = 1.
pub fn weekday(y: i32, m: u32, d: u32) -> u32 {
    ((days_from_civil(y, m, d) + 3).rem_euclid(7) + 1) as u32
}

/// ISO week-numbering year and week.
pub fn iso_week(y: i32, m: u32, d: u32) -> (i32, u32) {
    let z = days_from_civil(y, m, d);
    let wd = weekday(y, m, d) as i64;
    let thursday = z - wd + 4;
    let (ty, _, _) = civil_from_days(thursday);
    let jan1 = days_from_civil(ty, 1, 1);
    (ty, ((thursday - jan1) / 7 + 1) as u32)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Gran {
    Year,
    /// A quarter ("1997-Q4"): the point's month is the quarter's first.
    Quarter,
    Month,
    Day,
}

/// A point on the calendar with the precision it is known to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pt {
    pub y: i32,
    pub m: u32,
    pub d: u32,
    pub g: Gran,
}

impl Pt {
    pub fn day(y: i32, m: u32, d: u32) -> Pt {
        Pt {
            y,
            m,
            d,
            g: Gran::Day,
        }
    }
    /// Parses `2013`, `2013-03`, `2013-03-22` (and ignores a time part); seasons/quarters give the year;
    /// an ISO week (`2007-W19`) gives its Monday, so that "two days later" after "a week later" stays in
    /// the narrative's week.
    pub fn parse(v: &str) -> Option<Pt> {
        let v = v.trim();
        let (v, bc) = match v.strip_prefix("BC") {
            Some(r) => (r, true),
            None => (v, false),
        };
        let b = v.as_bytes();
        if b.len() < 4
            || !b[..4].iter().all(|c| c.is_ascii_digit())
            || b.get(4).is_some_and(|c| c.is_ascii_digit())
        {
            return None;
        }
        let y: i32 = v[..4].parse().ok()?;
        let y = if bc { -y } else { y };
        if let Some(w) = v
            .get(5..)
            .and_then(|r| r.strip_prefix('W'))
            .and_then(|r| r.get(..2))
            .and_then(|r| r.parse::<i64>().ok())
            .filter(|w| (1..=53).contains(w) && !bc)
        {
            let jan4 = days_from_civil(y, 1, 4);
            let monday = jan4 - (weekday(y, 1, 4) as i64 - 1) + 7 * (w - 1);
            let (y, m, d) = civil_from_days(monday);
            return Some(Pt::day(y, m, d));
        }
        if let Some(q) = v
            .get(5..)
            .and_then(|r| r.strip_prefix('Q'))
            .and_then(|r| r.get(..1))
            .and_then(|r| r.parse::<u32>().ok())
            .filter(|q| (1..=4).contains(q))
        {
            return Some(Pt {
                y,
                m: 3 * q - 2,
                d: 1,
                g: Gran::Quarter,
            });
        }
        let m: Option<u32> = v
            .get(5..7)
            .and_then(|s| s.parse().ok())
            .filter(|m| (1..=12).contains(m));
        let d: Option<u32> = v.get(8..10).and_then(|s| s.parse().ok());
        Some(match (m, d) {
            (Some(m), Some(d)) if d >= 1 && d <= days_in_month(y, m) => Pt::day(y, m, d),
            (Some(m), _) => Pt {
                y,
                m,
                d: 1,
                g: Gran::Month,
            },
            _ => Pt {
                y,
                m: 1,
                d: 1,
                g: Gran::Year,
            },
        })
    }
    fn days(&self) -> i64 {
        days_from_civil(self.y, self.m, self.d)
    }
    fn add_days(&self, k: i64) -> Pt {
        let (y, m, d) = civil_from_days(self.days() + k);
        Pt { y, m, d, g: self.g }
    }
    fn add_months(&self, k: i64) -> Pt {
        let t = self.y as i64 * 12 + (self.m as i64 - 1) + k;
        let y = t.div_euclid(12) as i32;
        let m = (t.rem_euclid(12) + 1) as u32;
        Pt {
            y,
            m,
            d: self.d.min(days_in_month(y, m)),
            g: self.g,
        }
    }
    /// The last day of the period this point stands for.
    pub fn end_day(&self) -> Pt {
        match self.g {
            Gran::Day => *self,
            Gran::Month => Pt::day(self.y, self.m, days_in_month(self.y, self.m)),
            Gran::Quarter => Pt::day(self.y, self.m + 2, days_in_month(self.y, self.m + 2)),
            Gran::Year => Pt::day(self.y, 12, 31),
        }
    }
    pub fn iso(&self) -> String {
        let y = ystr(self.y);
        match self.g {
            Gran::Year => y,
            Gran::Quarter => format!("{y}-Q{}", (self.m - 1) / 3 + 1),
            Gran::Month => format!("{y}-{:02}", self.m),
            Gran::Day => format!("{y}-{:02}-{:02}", self.m, self.d),
        }
    }
}

/// A year as TIMEX3 writes it: four digits, `BC` in front for years before the common era.
fn ystr(y: i32) -> String {
    if y < 0 {
        format!("BC{:04}", -y)
    } else {
        format!("{:04}", y)
    }
}

fn unit_gran(unit: &str) -> Gran {
    match unit {
        "Y" | "DE" | "CE" | "MIL" | "HALF" => Gran::Year,
        "Q" => Gran::Quarter,
        "M" => Gran::Month,
        _ => Gran::Day,
    }
}

fn shift(p: Pt, unit: &str, k: i64) -> Pt {
    match unit {
        "Y" => Pt {
            y: p.y + k as i32,
            ..p
        },
        "M" => p.add_months(k),
        "Q" => p.add_months(3 * k),
        "HALF" => p.add_months(6 * k),
        "W" | "WE" => p.add_days(7 * k),
        "D" => p.add_days(k),
        "DE" => Pt {
            y: p.y + 10 * k as i32,
            ..p
        },
        "CE" => Pt {
            y: p.y + 100 * k as i32,
            ..p
        },
        "MIL" => Pt {
            y: p.y + 1000 * k as i32,
            ..p
        },
        _ => p,
    }
}

/// Formats `p` at the granularity of `unit`, never finer than `p` is known.
fn fmt_unit(p: Pt, unit: &str) -> String {
    let g = p.g;
    match unit {
        "Y" => ystr(p.y),
        "DE" if p.y < 0 => format!("BC{:03}", -p.y / 10),
        "CE" if p.y < 0 => format!("BC{:02}", -p.y / 100),
        "DE" => format!("{:03}", p.y.div_euclid(10)),
        "CE" => format!("{:02}", p.y.div_euclid(100)),
        "MIL" => format!("{}", p.y.div_euclid(1000)),
        "M" if g >= Gran::Month => format!("{}-{:02}", ystr(p.y), p.m),
        "Q" if g >= Gran::Quarter => format!("{:04}-Q{}", p.y, (p.m - 1) / 3 + 1),
        "HALF" if g >= Gran::Month => format!("{:04}-H{}", p.y, (p.m - 1) / 6 + 1),
        "W" if g == Gran::Day => {
            let (wy, w) = iso_week(p.y, p.m, p.d);
            format!("{wy:04}-W{w:02}")
        }
        "WE" if g == Gran::Day => {
            let (wy, w) = iso_week(p.y, p.m, p.d);
            format!("{wy:04}-W{w:02}-WE")
        }
        "D" | "H" | "MIN" | "S" if g == Gran::Day => p.iso(),
        _ => p.iso(),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Present,
    Future,
}

/// What relative expressions resolve against.
#[derive(Debug, Clone, Copy)]
pub struct Ctx {
    pub dct: Option<Pt>,
    pub refp: Option<Pt>,
    /// The last date mentioned, DCT-relative ones included: what "the same day" or "the same period last
    /// year" refers to in news ("sales fell in February … the same period last year": that February).
    pub last: Option<Pt>,
    pub narrative: bool,
    pub tense: Tense,
}

impl Ctx {
    /// What a relative expression counts from: in news, an anaphoric one ("the same day", "that week")
    /// from the last date mentioned, even one counted from the DCT ("posted gains on Friday … a report
    /// released on the same day"); in narratives and for other expressions the narrative time, else the DCT.
    fn anchor(&self, anaph: bool) -> Option<Pt> {
        if anaph && !self.narrative {
            self.last.or(self.refp).or(self.dct)
        } else if anaph || self.narrative {
            self.refp.or(self.dct)
        } else {
            self.dct.or(self.refp)
        }
    }
}

fn fmt_num(n: f64) -> String {
    if n.is_nan() {
        "X".into()
    } else if n.fract() == 0.0 {
        format!("{}", n as i64)
    } else {
        let s = format!("{n:.2}");
        s.trim_end_matches('0').to_string()
    }
}

fn duration(f: &Frame) -> Option<String> {
    let unit = f.unit.as_deref()?;
    let mut n = match f.n {
        Some(n) => n,
        None if f.plural => f64::NAN,
        None => 1.0,
    };
    if f.half {
        n += 0.5;
    }
    let x = |k: f64| {
        if n.is_nan() {
            "X".to_string()
        } else {
            fmt_num(n * k)
        }
    };
    Some(match unit {
        "Y" | "M" | "W" | "D" => format!("P{}{unit}", x(1.0)),
        "H" => format!("PT{}H", x(1.0)),
        "MIN" => format!("PT{}M", x(1.0)),
        "S" => format!("PT{}S", x(1.0)),
        "Q" => format!("P{}M", x(3.0)),
        "HALF" => format!("P{}M", x(6.0)),
        "DE" => format!("P{}Y", x(10.0)),
        "CE" => format!("P{}Y", x(100.0)),
        "MIL" => format!("P{}Y", x(1000.0)),
        "WE" => format!("P{}WE", x(1.0)),
        _ => return None,
    })
}

fn year_str(y: i32, bc: bool) -> String {
    if bc {
        format!("BC{:04}", y.abs())
    } else {
        ystr(y)
    }
}

/// The year for a month/day without one: the anchor's year, moved by tense in news mode.
fn infer_year(f: &Frame, ctx: &Ctx) -> Option<i32> {
    let base = ctx.anchor(false)?;
    // A season counts from its first month, so "the fall" said in August under a future tense stays this year.
    let season_start = match f.season.as_deref() {
        Some("SP") => Some(3),
        Some("SU") => Some(6),
        Some("FA") => Some(9),
        Some("WI") => Some(12),
        _ => None,
    };
    let m = f.month.or(season_start).unwrap_or(1);
    if base.g < Gran::Month {
        return Some(base.y);
    }
    if ctx.narrative {
        return Some(base.y);
    }
    let (later, earlier) = match f.day {
        Some(d) => ((m, d) > (base.m, base.d), (m, d) < (base.m, base.d)),
        None => (m > base.m, m < base.m),
    };
    Some(match ctx.tense {
        Tense::Past if later => base.y - 1,
        Tense::Future if earlier => base.y + 1,
        _ => base.y,
    })
}

/// The interval an anchored duration covers, as (begin, end) days: `dir` > 0 runs forward from the anchor
/// ("in two weeks", "within 3 days", "the next three years"), `dir` < 0 back to it ("the past three
/// months"). Only whole days and longer, with a day-precise anchor and a known count.
pub fn duration_interval(f: &Frame, ctx: &Ctx, dir: i32) -> Option<(String, String)> {
    let unit = f.unit.as_deref()?;
    if !matches!(unit, "Y" | "M" | "W" | "D" | "Q" | "HALF" | "DE") || (f.n.is_none() && f.plural) {
        return None;
    }
    let mut n = f.n.unwrap_or(1.0);
    if f.half {
        n += 0.5;
    }
    if n.is_nan() || n.fract() != 0.0 || !(1.0..=1000.0).contains(&n) {
        return None;
    }
    let a = ctx.anchor(false).filter(|p| p.g == Gran::Day)?;
    let b = shift(a, unit, n as i64 * dir.signum() as i64);
    let b = Pt { g: Gran::Day, ..b };
    Some(if dir > 0 {
        (a.iso(), b.iso())
    } else {
        (b.iso(), a.iso())
    })
}

/// Normalizes one frame. Returns the type (DATE may become TIME) and the value.
pub fn normalize(f: &Frame, ty: TimexType, ctx: &Ctx) -> Option<(TimexType, String)> {
    match ty {
        TimexType::Duration => return duration(f).map(|v| (ty, v)),
        TimexType::Set => {
            if let Some(s) = &f.setw {
                return Some((ty, s.clone()));
            }
            // "every Monday at 4pm", "every day at 7:13 p.m.": the clock time of each occurrence.
            let clock = f
                .hour
                .or_else(|| f.ampm.as_ref().and(f.int.map(|i| i as u32)))
                .filter(|h| *h <= 24)
                .map(|h| {
                    let h = match f.ampm.as_deref() {
                        Some("PM") if h < 12 => h + 12,
                        Some("AM") if h == 12 => 0,
                        _ => h,
                    };
                    format!("T{:02}:{:02}", h, f.minute.unwrap_or(0))
                });
            if let Some(wd) = f.weekday {
                let mut v = format!("XXXX-WXX-{wd}");
                if let Some(c) = &clock {
                    v.push_str(c);
                } else if let Some(p) = &f.part {
                    v.push_str(&format!("T{p}"));
                }
                return Some((ty, v));
            }
            if let Some(c) = clock {
                return Some((ty, c));
            }
            if let Some(p) = &f.part {
                return Some((ty, format!("XXXX-XX-XXT{p}")));
            }
            let mut g = f.clone();
            if g.n.is_none() {
                g.n = Some(1.0);
            }
            return duration(&g).map(|v| (ty, v));
        }
        _ => {}
    }
    if let (Some((d, _)), Some(u), true) = (
        f.dir,
        f.unit.as_deref(),
        f.month.is_some() || f.holiday.is_some() || f.weekday.is_some() || f.day.is_some(),
    ) {
        // "3 days after January 12th", "two weeks before Christmas", "16 days from 01/02/2018": the date
        // named, shifted.
        let n =
            f.n.filter(|n| !n.is_nan() && n.fract() == 0.0 && *n >= 1.0)?;
        if !matches!(u, "Y" | "M" | "W" | "D") {
            return None;
        }
        let mut g = f.clone();
        g.dir = None;
        g.unit = None;
        g.n = None;
        g.int = None;
        g.plural = false;
        let (_, v) = normalize(&g, TimexType::Date, ctx)?;
        let p = Pt::parse(&v).filter(|p| p.g == Gran::Day)?;
        let q = shift(p, u, n as i64 * d.signum() as i64);
        return Some((TimexType::Date, Pt { g: Gran::Day, ..q }.iso()));
    }
    if let (Some(u), Some(_), true, None) = (f.unit.as_deref(), f.rel, f.plural, f.n) {
        // "the following days", "the last years": an unspecified stretch of time.
        if u != "REF" {
            let mut g = f.clone();
            g.n = Some(f64::NAN);
            return duration(&g).map(|v| (TimexType::Duration, v));
        }
    }
    if f.unit.as_deref() == Some("REF") && f.rel.is_some_and(|r| r == (0, false)) {
        return Some((TimexType::Date, "PRESENT_REF".into()));
    }
    let mut out_ty = if f.has_time() { TimexType::Time } else { ty };
    if let Some(l) = &f.literal {
        return Some((TimexType::Date, l.clone()));
    }
    if let (Some(d), Some("M"), Some((r, anaph)), None) = (f.day, f.unit.as_deref(), f.rel, f.month)
    {
        // "the 15th day of next month": that day of the shifted month.
        let b = shift(ctx.anchor(anaph)?, "M", r as i64);
        let mut g = f.clone();
        g.unit = None;
        g.rel = None;
        g.year = Some(b.y);
        g.month = Some(b.m);
        g.day = Some(d);
        return normalize(&g, ty, ctx);
    }
    if let (Some(o), Some("Q" | "HALF"), None, None, None) =
        (f.ord, f.unit.as_deref(), f.year, f.rel, f.dir)
    {
        // "last quarter" with no year named: the previous quarter ("the last quarter of 2019" names its year).
        if o < 0 {
            let mut g = f.clone();
            g.ord = None;
            g.rel = Some((-1, false));
            return normalize(&g, ty, ctx);
        }
    }
    if f.weekno {
        // "week 31", "week 3 of 2027", "week 27 of last year": an ISO week of the named or anchor year.
        let w = f.int.filter(|w| w.fract() == 0.0)? as u32;
        let y = f.year.or_else(|| match f.rel {
            Some((r, anaph)) => ctx.anchor(anaph).map(|p| p.y + r),
            None => ctx.anchor(false).map(|p| p.y),
        })?;
        if w == 0 || w > iso_week(y, 12, 28).1 {
            return None;
        }
        return Some((TimexType::Date, format!("{}-W{:02}", ystr(y), w)));
    }
    if f.holiday.is_some()
        || (f.rel.is_some() && f.unit.is_none() && f.month.is_some() && f.day.is_some())
    {
        // A holiday: the named year's, else the next/last one from the anchor ("last Easter"), else the anchor
        // year's.
        let md = |y: i32| match &f.holiday {
            Some(h) => holiday_md(h, y),
            None => Some((f.month?, f.day?)),
        };
        let y = match (f.year, f.rel, ctx.anchor(f.rel.is_some_and(|r| r.1))) {
            (Some(y), _, _) => y,
            (None, Some((r, _)), Some(b)) if r != 0 => {
                let (m, d) = md(b.y)?;
                let this = Pt::day(b.y, m, d).days();
                match (r > 0, this > b.days(), this < b.days()) {
                    (true, true, _) | (false, _, true) => b.y,
                    (true, false, _) => b.y + 1,
                    (false, _, false) => b.y - 1,
                }
            }
            (None, _, Some(b)) => b.y,
            (None, _, None) => return None,
        };
        let (m, d) = md(y)?;
        let mut g = f.clone();
        g.holiday = None;
        g.rel = None;
        g.year = Some(y);
        g.month = Some(m);
        g.day = Some(d);
        return normalize(&g, ty, ctx);
    }
    // The date part.
    let mut date: Option<String> = None;
    let mut date_pt: Option<Pt> = None;
    if let (Some((r, anaph)), Some(_), None, None, None) =
        (f.rel, &f.part, &f.unit, f.deictic, f.weekday)
    {
        // "last night" = the night before the anchor day; "this morning" = the anchor day.
        if let Some(b) = ctx.anchor(anaph).filter(|b| b.g == Gran::Day) {
            let p = b.add_days(r.clamp(-1, 1) as i64);
            date_pt = Some(p);
            date = Some(p.iso());
        }
    }
    if date.is_some() {
    } else if let Some(k) = f.deictic {
        date_pt = ctx.dct.or(ctx.refp).map(|p| p.add_days(k as i64));
        // "three weeks from tomorrow", "two days before yesterday".
        if let (Some((d, _)), Some(u), Some(p)) = (f.dir, f.unit.as_deref(), date_pt) {
            let n = f.n.filter(|n| !n.is_nan() && n.fract() == 0.0)?;
            if !matches!(u, "Y" | "M" | "W" | "D") {
                return None;
            }
            date_pt = Some(shift(p, u, n as i64 * d.signum() as i64));
        }
        date = Some(
            date_pt
                .map(|p| p.iso())
                .unwrap_or_else(|| "XXXX-XX-XX".into()),
        );
    } else if let Some(dec) = f.decade {
        date = Some(format!("{:03}", dec));
    } else if let (Some(o), Some(u), true, None) = (
        f.ord,
        f.unit.as_deref(),
        f.rel.is_none() || matches!(f.unit.as_deref(), Some("Q" | "HALF")),
        f.dir,
    ) {
        match u {
            "CE" => {
                let c = o - 1;
                date = Some(if f.bc {
                    format!("BC{:02}", c)
                } else {
                    format!("{:02}", c)
                });
            }
            "MIL" => date = Some(format!("{}", o - 1)),
            "W" | "M" => {
                let y = f.year?;
                date = Some(if u == "M" {
                    if !(1..=12).contains(&o) && o != -1 {
                        return None;
                    }
                    format!("{}-{:02}", ystr(y), if o < 0 { 12 } else { o })
                } else {
                    let last = iso_week(y, 12, 28).1 as i32;
                    let w = if o < 0 { last } else { o };
                    if !(1..=last).contains(&w) {
                        return None;
                    }
                    format!("{}-W{:02}", ystr(y), w)
                });
            }
            "Q" | "HALF" => {
                let k = if o < 0 {
                    if u == "Q" {
                        4
                    } else {
                        2
                    }
                } else {
                    o
                };
                // "the third quarter of this year", "the first quarter of last year"; with no year, the
                // anchor's year, moved by tense in news ("rose in the fourth quarter" in March: last year's).
                let months = if u == "Q" { 3 } else { 6 };
                let (first, last) = ((k - 1) as u32 * months + 1, k as u32 * months);
                let y = f.year.or_else(|| match f.rel {
                    Some((r, anaph)) => ctx.anchor(anaph).map(|p| p.y + r),
                    None => ctx.anchor(false).map(|p| match ctx.tense {
                        _ if ctx.narrative || p.g < Gran::Month => p.y,
                        Tense::Past if first > p.m => p.y - 1,
                        Tense::Future if last < p.m => p.y + 1,
                        _ => p.y,
                    }),
                });
                let tag = if u == "Q" { "Q" } else { "H" };
                date = Some(match y {
                    Some(y) => format!("{:04}-{tag}{k}", y),
                    None => format!("XXXX-{tag}{k}"),
                });
            }
            _ => return None,
        }
    } else if let (Some((r, anaph)), Some("Y"), true) = (
        f.rel,
        f.unit.as_deref(),
        f.year.is_none() && (f.month.is_some() || f.season.is_some()),
    ) {
        // "August of that year", "the spring of next year": the month or season in the shifted year.
        let y = ctx.anchor(anaph)?.y + r;
        let mut g = f.clone();
        g.rel = None;
        g.unit = None;
        g.year = Some(y);
        return normalize(&g, ty, ctx);
    } else if let (Some((r, anaph)), Some("W"), Some(wd)) = (f.rel, f.unit.as_deref(), f.weekday) {
        // "next week Wednesday": that weekday in the shifted week.
        let b = ctx.anchor(anaph).filter(|b| b.g == Gran::Day);
        date = Some(match b {
            Some(b) => {
                let p = b.add_days(7 * r as i64);
                let p = p.add_days(wd as i64 - weekday(p.y, p.m, p.d) as i64);
                date_pt = Some(p);
                p.iso()
            }
            None => format!("XXXX-WXX-{wd}"),
        });
    } else if let (Some((r, anaph)), Some(u)) = (f.rel, f.unit.as_deref()) {
        // A day needs a day-precise anchor ("ending the day" after "since 1997" is the DCT's day).
        let base = match ctx.anchor(anaph) {
            Some(b) if u == "D" && b.g != Gran::Day && !ctx.narrative => {
                ctx.dct.filter(|d| d.g == Gran::Day)
            }
            b => b,
        };
        // "reports over the weekend" in a past-tense sentence written on a weekday: the weekend just gone.
        let r = match base {
            Some(b)
                if u == "WE"
                    && r == 0
                    && ctx.tense == Tense::Past
                    && b.g == Gran::Day
                    && weekday(b.y, b.m, b.d) <= 5 =>
            {
                -1
            }
            _ => r,
        };
        let v = match base {
            Some(b) => fmt_unit(shift(shift(b, u, r as i64), "Y", f.yshift as i64), u),
            None => match u {
                "Y" => "XXXX".into(),
                "M" => "XXXX-XX".into(),
                _ => "XXXX-XX-XX".into(),
            },
        };
        if let Some(p) = Pt::parse(&v) {
            date_pt = Some(Pt {
                g: p.g.min(unit_gran(u)),
                ..p
            });
        }
        date = Some(v);
    } else if let (Some((r, anaph)), Some(wd)) = (f.rel, f.weekday) {
        let b = ctx.anchor(anaph).filter(|b| b.g == Gran::Day);
        date = Some(match b {
            Some(b) => {
                let bw = weekday(b.y, b.m, b.d) as i64;
                let wd = wd as i64;
                let k = match r {
                    1.. => {
                        let k = (wd - bw).rem_euclid(7);
                        if k == 0 {
                            7
                        } else {
                            k
                        }
                    }
                    0 => wd - bw,
                    _ => {
                        let k = (bw - wd).rem_euclid(7);
                        -(if k == 0 { 7 } else { k })
                    }
                };
                let p = b.add_days(k);
                date_pt = Some(p);
                p.iso()
            }
            None => format!("XXXX-WXX-{wd}"),
        });
    } else if let (Some((r, anaph)), Some(m)) = (f.rel, f.month) {
        let b = ctx.anchor(anaph);
        date = Some(match b {
            Some(b) => {
                let y = match r {
                    1.. => {
                        if m > b.m {
                            b.y
                        } else {
                            b.y + 1
                        }
                    }
                    0 => b.y,
                    _ => {
                        if m < b.m {
                            b.y
                        } else {
                            b.y - 1
                        }
                    }
                };
                format!("{:04}-{:02}", y, m)
            }
            None => format!("XXXX-{:02}", m),
        });
    } else if let (Some((r, anaph)), Some(s)) = (f.rel, f.season.as_deref()) {
        date = Some(match ctx.anchor(anaph) {
            Some(b) => format!("{}-{s}", ystr(b.y + r)),
            None => format!("XXXX-{s}"),
        });
    } else if let (Some((dir, anaph)), Some(u)) = (f.dir, f.unit.as_deref()) {
        let n = f.n.unwrap_or(1.0);
        // "a quarter century ago", "half a year ago": a fraction of a long unit counts in a shorter one.
        let (u, n) = match u {
            "CE" if n.fract() != 0.0 => ("Y", n * 100.0),
            "DE" if n.fract() != 0.0 => ("Y", n * 10.0),
            "Y" if n.fract() != 0.0 => ("M", n * 12.0),
            _ => (u, n),
        };
        if n.is_nan() {
            return Some((
                TimexType::Date,
                if dir < 0 {
                    "PAST_REF".into()
                } else {
                    "FUTURE_REF".into()
                },
            ));
        }
        // Days and weeks need a day-precise anchor ("the day before" after "fiscal 2013").
        let base = match ctx.anchor(anaph) {
            Some(b) if matches!(u, "D" | "W") && b.g != Gran::Day && !ctx.narrative => {
                ctx.dct.filter(|d| d.g == Gran::Day)
            }
            b => b,
        };
        let v = match base {
            Some(b) => {
                let p = shift(b, u, (n.round() as i64) * dir as i64);
                date_pt = Some(Pt {
                    g: p.g.min(unit_gran(u)),
                    ..p
                });
                fmt_unit(p, u)
            }
            None => "XXXX-XX-XX".into(),
        };
        date = Some(v);
    } else if f.year.is_some()
        || f.month.is_some()
        || f.day.is_some()
        || f.season.is_some()
        || f.weekday.is_some()
    {
        let year = f
            .year
            .or_else(|| if f.bc { f.int.map(|i| i as i32) } else { None });
        if let (Some(wd), Some(d), None, None, Some(b)) = (
            f.weekday,
            f.day,
            f.month,
            year,
            ctx.anchor(false).filter(|b| b.g == Gran::Day),
        ) {
            // "Tuesday the eleventh": the month around the anchor whose day falls on that weekday.
            let mut best: Option<Pt> = None;
            for k in -2i64..=2 {
                let p = Pt::day(b.y, b.m, 1).add_months(k);
                if d > days_in_month(p.y, p.m) || weekday(p.y, p.m, d) != wd {
                    continue;
                }
                let c = Pt::day(p.y, p.m, d);
                if best.is_none_or(|x| (x.days() - b.days()).abs() > (c.days() - b.days()).abs()) {
                    best = Some(c);
                }
            }
            let p = best?;
            date_pt = Some(p);
            date = Some(p.iso());
        } else if f.month.is_none() && f.day.is_none() && f.season.is_none() && year.is_none() {
            // A weekday alone: the nearest one in the direction of the tense.
            let wd = f.weekday? as i64;
            let b = ctx.anchor(false).filter(|b| b.g == Gran::Day);
            date = Some(match b {
                Some(b) => {
                    let bw = weekday(b.y, b.m, b.d) as i64;
                    let k = match ctx.tense {
                        Tense::Future => (wd - bw).rem_euclid(7),
                        _ => -((bw - wd).rem_euclid(7)),
                    };
                    let p = b.add_days(k);
                    date_pt = Some(p);
                    p.iso()
                }
                None => format!("XXXX-WXX-{wd}"),
            });
        } else if let (None, Some(d), None, None) = (f.month, f.day, &f.season, year) {
            // "on the 18th": that day of the anchor's month.
            let b = ctx.anchor(false).filter(|b| b.g >= Gran::Month)?;
            if d == 0 || d > days_in_month(b.y, b.m) {
                return None;
            }
            let p = Pt::day(b.y, b.m, d);
            date_pt = Some(p);
            date = Some(p.iso());
        } else {
            let y = match year {
                Some(y) => Some(y),
                None => infer_year(f, ctx),
            };
            let ys = match y {
                Some(y) => year_str(y, f.bc),
                None => "XXXX".into(),
            };
            let mut v = ys;
            if let Some(s) = &f.season {
                v.push('-');
                v.push_str(s);
            } else if let Some(m) = f.month {
                v.push_str(&format!("-{:02}", m));
                if let Some(d) = f.day {
                    if let Some(y) = y.filter(|_| !f.bc) {
                        if d > days_in_month(y, m) {
                            return None;
                        }
                    }
                    v.push_str(&format!("-{:02}", d));
                }
            } else if f.day.is_some() {
                return None;
            }
            date_pt = Pt::parse(&v);
            date = Some(v);
        }
    }
    // The time part.
    let mut ampm = f.ampm.clone();
    let hour = f.hour.or_else(|| {
        if f.ampm.is_some() || f.oclock {
            f.int.map(|i| i as u32)
        } else {
            None
        }
    });
    // "at 7 in the evening", "in the morning at 7": a bare hour read through the part of the day.
    let hour = hour.or_else(|| {
        let h = f
            .int
            .or(f.n)
            .filter(|h| h.fract() == 0.0 && (1.0..=12.0).contains(h))? as u32;
        f.part.as_ref()?;
        Some(h)
    });
    if ampm.is_none() {
        if let (Some(h), Some(p)) = (hour, f.part.as_deref()) {
            if h < 12 && (matches!(p, "AF" | "EV") || (p == "NI" && h >= 6)) {
                ampm = Some("PM".into());
            }
        }
    }
    if hour.is_some() || f.part.is_some() {
        out_ty = TimexType::Time;
        let d = match (date, date_pt) {
            (Some(d), _) => d,
            (None, _) => match ctx.anchor(false) {
                Some(p) if p.g == Gran::Day => p.iso(),
                _ => "XXXX-XX-XX".into(),
            },
        };
        let t = match hour {
            Some(mut h) => {
                if h > 24 {
                    return None;
                }
                match ampm.as_deref() {
                    Some("PM") if h < 12 => h += 12,
                    Some("AM") if h == 12 => h = 0,
                    _ => {}
                }
                let secs = f.second.map(|x| format!(":{x:02}")).unwrap_or_default();
                format!(
                    "{:02}:{:02}{secs}{}",
                    h,
                    f.minute.unwrap_or(0),
                    f.tz.as_deref().filter(|z| *z != "-").unwrap_or("")
                )
            }
            None => f.part.clone().unwrap_or_default(),
        };
        return Some((out_ty, format!("{d}T{t}")));
    }
    date.map(|d| (out_ty, d))
}

#[cfg(test)]
mod tests {
    use super::first_day;

    #[test]
    fn first_day_of_each_kind_of_date_value() {
        for (value, day) in [
            ("2019-03-07", Some("2019-03-07")),
            ("2019-03", Some("2019-03-01")),
            ("2019", Some("2019-01-01")),
            ("199", Some("1990-01-01")),
            ("20", Some("2000-01-01")),
            ("2019-Q3", Some("2019-07-01")),
            ("2019-H2", Some("2019-07-01")),
            // 2008-W42 runs from Monday 13 to Sunday 19 October.
            ("2008-W42", Some("2008-10-13")),
            ("2008-W42-WE", Some("2008-10-18")),
            ("2008-W42-3", Some("2008-10-15")),
            ("2008-FA", Some("2008-09-01")),
            ("2008-WI", Some("2008-12-01")),
            ("PRESENT_REF", None),
            ("P3D", None),
        ] {
            assert_eq!(first_day(value).as_deref(), day, "{value}");
        }
    }
}
