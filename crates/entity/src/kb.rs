//! The knowledge base: entries read from the TSV files in `resources/kb/` (format in
//! `resources/kb/README.md`), embedded in the binary.

use std::collections::HashMap;
use std::sync::OnceLock;

/// A dated role: `role` (e.g. `president`, `defence-minister`, or a CAMEO/PLOVER sector code such as
/// `GOV`) held in `org` (ISO alpha-3 country or KB id) from `start` to `end` (ISO dates, open when `None`).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Role {
    pub role: String,
    pub org: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
}

impl Role {
    /// Whether the role is held on `date` (ISO, any precision; compared as a prefix-aware string).
    pub fn active_at(&self, date: &str) -> bool {
        let after_start = self
            .start
            .as_deref()
            .is_none_or(|s| cmp_date(s, date, false));
        let before_end = self.end.as_deref().is_none_or(|e| cmp_date(date, e, true));
        after_start && before_end
    }

    /// Serialised form used in the TSV files: `role@org@start@end`.
    pub fn to_field(&self) -> String {
        format!(
            "{}@{}@{}@{}",
            self.role,
            self.org,
            self.start.as_deref().unwrap_or(""),
            self.end.as_deref().unwrap_or("")
        )
    }

    pub fn parse_field(s: &str) -> Option<Role> {
        let mut p = s.split('@');
        let role = p.next()?.trim();
        let org = p.next()?.trim();
        let start = p.next().unwrap_or("").trim();
        let end = p.next().unwrap_or("").trim();
        if role.is_empty() {
            return None;
        }
        Some(Role {
            role: role.to_string(),
            org: org.to_string(),
            start: (!start.is_empty()).then(|| start.to_string()),
            end: (!end.is_empty()).then(|| end.to_string()),
        })
    }
}

/// `a <= b` on ISO dates of possibly different precision (`2022` vs `2022-12-30`): compared on the
/// common prefix, so a year contains its days. With `strict_end`, a role ending on a day is still
/// active on that day.
fn cmp_date(a: &str, b: &str, _strict_end: bool) -> bool {
    let n = a.len().min(b.len());
    a[..n] <= b[..n]
}

/// One knowledge-base entry.
#[derive(Clone, Debug, Default)]
pub struct Entry {
    /// Stable id: `iso:BLR`, `p:lukashenka`, `ph:sergey_lavrov`, `w:iskander-m`, …
    pub id: String,
    /// PERSON, STATE, ORG, PLACE, WEAPON, EXERCISE, FORMATION.
    pub kind: String,
    pub name: String,
    pub aliases: Vec<String>,
    /// ISO 3166-1 alpha-3.
    pub country: Option<String>,
    /// PLOVER sector (GOV, MIL, LEG, IGO, REB, …).
    pub sector: Option<String>,
    pub wikidata: Option<String>,
    pub roles: Vec<Role>,
    /// Free `key=value` attributes: `demonym`, `capital`, `capital_of`, `nato`, `designation`, `class`,
    /// `surname`, `year`, `series`.
    pub extra: Vec<(String, String)>,
    /// Which file it came from (0 curated, 1 countries, 2 phoenix); lower wins ambiguities.
    pub rank: u8,
}

impl Entry {
    pub fn get<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.extra
            .iter()
            .filter(move |(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
    pub fn first<'a>(&'a self, key: &'a str) -> Option<&'a str> {
        self.get(key).next()
    }

    /// Roles active at `date`.
    pub fn roles_at<'a>(&'a self, date: &'a str) -> impl Iterator<Item = &'a Role> + 'a {
        self.roles.iter().filter(move |r| r.active_at(date))
    }

    /// One TSV line (see `resources/kb/README.md`).
    pub fn to_line(&self) -> String {
        let clean = |s: &str| s.replace(['\t', '\n', '|'], " ");
        let extra: Vec<String> = self
            .extra
            .iter()
            .map(|(k, v)| format!("{}={}", k, clean(v)))
            .collect();
        let roles: Vec<String> = self.roles.iter().map(Role::to_field).collect();
        [
            self.id.clone(),
            self.kind.clone(),
            clean(&self.name),
            self.aliases
                .iter()
                .map(|a| clean(a))
                .collect::<Vec<_>>()
                .join("|"),
            self.country.clone().unwrap_or_default(),
            self.sector.clone().unwrap_or_default(),
            self.wikidata.clone().unwrap_or_default(),
            roles.join(";"),
            extra.join("|"),
        ]
        .join("\t")
    }

    /// Parses one TSV line; `None` for comments, blank lines and malformed lines.
    pub fn parse_line(line: &str, rank: u8) -> Option<Entry> {
        if line.starts_with('#') || line.trim().is_empty() {
            return None;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 3 || f[0].is_empty() || f[1].is_empty() || f[2].is_empty() {
            return None;
        }
        let opt = |i: usize| {
            f.get(i)
                .map(|s| s.trim())
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        let list = |i: usize, sep: char| -> Vec<String> {
            f.get(i)
                .map(|s| {
                    s.split(sep)
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default()
        };
        Some(Entry {
            id: f[0].trim().to_string(),
            kind: f[1].trim().to_string(),
            name: f[2].trim().to_string(),
            aliases: list(3, '|'),
            country: opt(4),
            sector: opt(5),
            wikidata: opt(6),
            roles: list(7, ';')
                .iter()
                .filter_map(|r| Role::parse_field(r))
                .collect(),
            extra: list(8, '|')
                .iter()
                .filter_map(|kv| {
                    let (k, v) = kv.split_once('=')?;
                    Some((k.trim().to_string(), v.trim().to_string()))
                })
                .collect(),
            rank,
        })
    }
}

/// Header line written at the top of every generated TSV file.
pub const TSV_HEADER: &str = "#id\ttype\tname\taliases\tcountry\tsector\twikidata\troles\textra";

/// The embedded KB files, in rank order.
pub const FILES: [(&str, &str); 3] = [
    (
        "curated.tsv",
        include_str!("../../../resources/kb/curated.tsv"),
    ),
    (
        "countries.tsv",
        include_str!("../../../resources/kb/countries.tsv"),
    ),
    (
        "phoenix.tsv",
        include_str!("../../../resources/kb/phoenix.tsv"),
    ),
];

/// All entries with an index by id.
#[derive(Debug, Default)]
pub struct Kb {
    pub entries: Vec<Entry>,
    by_id: HashMap<String, usize>,
}

impl Kb {
    /// Builds a KB from TSV texts (`(text, rank)`); later duplicates of an id are ignored.
    pub fn from_tsv(files: &[(&str, u8)]) -> Kb {
        let mut kb = Kb::default();
        for (text, rank) in files {
            for line in text.lines() {
                if let Some(e) = Entry::parse_line(line, *rank) {
                    kb.push(e);
                }
            }
        }
        kb
    }

    /// Adds an entry; an entry whose id is already present is merged into it (aliases, roles and
    /// extras appended, missing fields filled), so a curated line can extend a gazetteer entry.
    pub fn push(&mut self, e: Entry) {
        if let Some(&i) = self.by_id.get(&e.id) {
            let old = &mut self.entries[i];
            for a in std::iter::once(e.name).chain(e.aliases) {
                if a != old.name && !old.aliases.contains(&a) {
                    old.aliases.push(a);
                }
            }
            old.roles.extend(e.roles);
            old.extra.extend(e.extra);
            old.country = old.country.take().or(e.country);
            old.sector = old.sector.take().or(e.sector);
            old.wikidata = old.wikidata.take().or(e.wikidata);
            return;
        }
        self.by_id.insert(e.id.clone(), self.entries.len());
        self.entries.push(e);
    }

    /// The embedded KB, parsed once.
    pub fn embedded() -> &'static Kb {
        static KB: OnceLock<Kb> = OnceLock::new();
        KB.get_or_init(|| {
            let files: Vec<(&str, u8)> = FILES
                .iter()
                .enumerate()
                .map(|(i, (_, t))| (*t, i as u8))
                .collect();
            Kb::from_tsv(&files)
        })
    }

    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.by_id.get(id).map(|&i| &self.entries[i])
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// Entries whose name or alias folds to the same text as `name`.
    pub fn lookup(&self, name: &str) -> Vec<&Entry> {
        let key = crate::norm::name_words(name).join(" ");
        self.entries
            .iter()
            .filter(|e| {
                std::iter::once(&e.name)
                    .chain(e.aliases.iter())
                    .any(|a| crate::norm::name_words(a).join(" ") == key)
            })
            .collect()
    }
}
