//! Regenerates the knowledge-base files in `resources/kb/` from the gazetteers and the curated source.
//!
//! ```text
//! cargo run -p dossier-entity --example build_kb -- ../shared/eval/gazetteers resources/kb
//! ```
//! Inputs: `countries/countries.json` (mledoze/countries, ODbL) → `countries.tsv`;
//! `phoenix/Phoenix.{Countries,International,MilNonState}.actors.txt` (MIT) → `phoenix.tsv`;
//! `resources/kb/src/curated.tsv` (ours) → `curated.tsv`, with Latin spelling variants of Russian and
//! Belarusian names generated from `translit/` (iuliia BGN/PCGN, Wikipedia, ICAO Doc 9303, GOST 7.79 =
//! ISO 9; CLDR Belarusian BGN/PCGN). Phoenix entries that duplicate a curated entry are merged into it.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::Path;

use dossier_entity::kb::{Entry, Role, TSV_HEADER};
use dossier_entity::norm::name_words;
use dossier_entity::translit::Scheme;

fn key(s: &str) -> String {
    name_words(s).join(" ")
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for w in name_words(s) {
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&w);
    }
    out
}

/// `ALYAKSANDR_LUKASHENKA_` → `Alyaksandr Lukashenka`.
fn phoenix_name(head: &str) -> String {
    let s = head.trim().trim_end_matches('_').replace('_', " ");
    let mut out = String::new();
    let mut start = true;
    for c in s.chars() {
        if start && c.is_alphabetic() {
            out.extend(c.to_uppercase());
            start = false;
        } else {
            out.extend(c.to_lowercase());
        }
        if c == ' ' || c == '-' || c == '(' {
            start = true;
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `940720` → `1994-07-20`; `19210101` → `1921-01-01`.
fn phoenix_date(d: &str) -> Option<String> {
    let d = d.trim();
    if !d.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (y, rest) = match d.len() {
        6 => {
            let yy: u32 = d[..2].parse().ok()?;
            (if yy <= 20 { 2000 + yy } else { 1900 + yy }, &d[2..])
        }
        8 => (d[..4].parse().ok()?, &d[4..]),
        7 => (d[..4].parse().ok()?, &d[3..]),
        _ => return None,
    };
    let m: u32 = rest[..2].parse().ok()?;
    let day: u32 = rest[2..4].parse().ok()?;
    let m = m.clamp(1, 12);
    let day = day.clamp(1, 31);
    Some(format!("{y:04}-{m:02}-{day:02}"))
}

const TITLE_WORDS: &[&str] = &[
    "minister",
    "president",
    "ambassador",
    "secretary",
    "general",
    "king",
    "prince",
    "premier",
    "chairman",
    "chief",
    "director",
    "envoy",
    "spokesman",
    "official",
    "officials",
    "head",
    "leader",
    "commander",
    "governor",
    "mayor",
    "sheikh",
    "emir",
    "cleric",
    "prime",
    "vice",
    "deputy",
    "foreign",
    "defense",
    "defence",
    "senator",
    "judge",
    "gen",
    "col",
    "lt",
    "mr",
    "dr",
    "president-elect",
    "sultan",
    "queen",
    "pope",
    "cardinal",
    "bishop",
    "ayatollah",
    "colonel",
    "adviser",
    "advisor",
];

fn has_title(alias: &str) -> bool {
    name_words(alias)
        .iter()
        .any(|w| TITLE_WORDS.contains(&w.as_str()))
}

struct Block {
    head: String,
    head_codes: Vec<String>,
    comment: String,
    aliases: Vec<String>,
    codes: Vec<String>,
}

fn codes_in(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(i) = rest.find('[') {
        let Some(j) = rest[i..].find(']') else { break };
        out.push(rest[i + 1..i + j].trim().to_string());
        rest = &rest[i + j + 1..];
    }
    out
}

fn phoenix_blocks(text: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (body, comment) = match line.find('#') {
            Some(i) => (&line[..i], line[i + 1..].trim()),
            None => (line, ""),
        };
        if line.starts_with('\t') || line.starts_with(' ') {
            if let Some(b) = out.last_mut() {
                b.codes.extend(codes_in(body));
            }
        } else if let Some(a) = body.strip_prefix('+') {
            if let Some(b) = out.last_mut() {
                let a = a.split('[').next().unwrap_or("").trim();
                if !a.is_empty() {
                    b.aliases.push(a.to_string());
                }
            }
        } else {
            let head = body.split('[').next().unwrap_or("").trim().to_string();
            if head.is_empty() {
                continue;
            }
            out.push(Block {
                head,
                head_codes: codes_in(body),
                comment: comment.to_string(),
                aliases: Vec::new(),
                codes: Vec::new(),
            });
        }
    }
    out
}

/// `BLRGOV >940720` → role GOV in BLR from 1994-07-20.
fn phoenix_role(code: &str, isos: &HashSet<String>) -> Option<Role> {
    let mut parts = code.split_whitespace();
    let c = parts.next()?;
    let dates = parts.next().unwrap_or("");
    if c.len() < 3 {
        return None;
    }
    let (org, sector) = if isos.contains(&c[..3]) {
        (
            c[..3].to_string(),
            c[3..].get(..3).unwrap_or("").to_string(),
        )
    } else {
        (c.to_string(), c[..3].to_string())
    };
    let (start, end) = if let Some(d) = dates.strip_prefix('>') {
        (phoenix_date(d), None)
    } else if let Some(d) = dates.strip_prefix('<') {
        (None, phoenix_date(d))
    } else if let Some((a, b)) = dates.split_once('-') {
        (phoenix_date(a), phoenix_date(b))
    } else {
        (None, None)
    };
    Some(Role {
        role: if sector.is_empty() {
            "member".into()
        } else {
            sector
        },
        org,
        start,
        end,
    })
}

fn clean_alias(a: &str) -> Vec<String> {
    // "ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_" → "Aden Abyan Islamic Army", "AAIA"
    let mut out = Vec::new();
    let mut main = String::new();
    let mut rest = a;
    while let Some(i) = rest.find('(') {
        main.push_str(&rest[..i]);
        let Some(j) = rest[i..].find(')') else { break };
        let inner = rest[i + 1..i + j].trim_matches('_');
        if inner.len() >= 3 && inner.chars().all(|c| c.is_ascii_uppercase()) {
            out.push(inner.to_string());
        }
        rest = &rest[i + j + 1..];
    }
    main.push_str(rest);
    let name = phoenix_name(&main);
    let name = name
        .strip_prefix("The ")
        .map(str::to_string)
        .unwrap_or(name);
    if name.chars().filter(|c| c.is_alphabetic()).count() >= 3 {
        out.insert(0, name);
    }
    out
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let gaz = Path::new(
        args.get(1)
            .map(String::as_str)
            .unwrap_or("../shared/eval/gazetteers"),
    );
    let out_dir = Path::new(args.get(2).map(String::as_str).unwrap_or("resources/kb"));

    // Transliteration schemes.
    let tl = gaz.join("translit");
    let mut ru_schemes = Vec::new();
    for n in [
        "bgn_pcgn",
        "wikipedia",
        "icao_doc_9303",
        "gost_779",
        "ala_lc",
        "mvd_782",
    ] {
        ru_schemes.push(Scheme::from_iuliia(&fs::read_to_string(
            tl.join("iuliia").join(format!("{n}.json")),
        )?)?);
    }
    let be_schemes = vec![Scheme::from_cldr(
        &fs::read_to_string(tl.join("cldr/Belarusian-Latin-BGN.xml"))?,
        "be-bgn",
    )];

    // Countries (ODbL).
    let countries: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(gaz.join("countries/countries.json"))?)?;
    let mut isos: HashSet<String> = HashSet::new();
    let mut country_entries = Vec::new();
    let mut capital_entries = Vec::new();
    for c in countries.as_array().ok_or("countries.json: not an array")? {
        let s = |p: &[&str]| -> Option<String> {
            let mut v = c;
            for k in p {
                v = v.get(k)?;
            }
            v.as_str().map(str::to_string)
        };
        let Some(iso) = s(&["cca3"]) else { continue };
        isos.insert(iso.clone());
        let name = s(&["name", "common"]).unwrap_or_else(|| iso.clone());
        let mut aliases: Vec<String> = Vec::new();
        let add = |a: Option<String>, aliases: &mut Vec<String>| {
            if let Some(a) = a {
                if a != name && !aliases.contains(&a) && a.chars().count() > 2 {
                    aliases.push(a);
                }
            }
        };
        add(s(&["name", "official"]), &mut aliases);
        for a in c
            .get("altSpellings")
            .and_then(|v| v.as_array())
            .into_iter()
            .flatten()
        {
            add(a.as_str().map(str::to_string), &mut aliases);
        }
        add(s(&["translations", "rus", "common"]), &mut aliases);
        add(s(&["translations", "rus", "official"]), &mut aliases);
        if let Some(native) = c.pointer("/name/native").and_then(|v| v.as_object()) {
            for lang in ["bel", "ukr", "rus"] {
                if let Some(n) = native.get(lang) {
                    add(
                        n.get("common")
                            .and_then(|v| v.as_str())
                            .map(|s| s.replace('\u{301}', "")),
                        &mut aliases,
                    );
                }
            }
        }
        let mut extra = Vec::new();
        let mut dem = Vec::new();
        for g in ["m", "f"] {
            if let Some(d) = s(&["demonyms", "eng", g]) {
                if !d.is_empty() && !dem.contains(&d) {
                    dem.push(d.clone());
                }
            }
        }
        for d in dem.clone() {
            if d.ends_with('n') || d.ends_with('i') {
                dem.push(format!("{d}s"));
            }
        }
        for d in dem {
            extra.push(("demonym".to_string(), d));
        }
        let caps: Vec<String> = c
            .get("capital")
            .and_then(|v| v.as_array())
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect();
        for cap in &caps {
            extra.push(("capital".to_string(), format!("pl:{}", slug(cap))));
            capital_entries.push(Entry {
                id: format!("pl:{}", slug(cap)),
                kind: "PLACE".into(),
                name: cap.clone(),
                country: Some(iso.clone()),
                extra: vec![("capital_of".into(), format!("iso:{iso}"))],
                ..Entry::default()
            });
        }
        let independent = c
            .get("independent")
            .and_then(|v| v.as_bool())
            .unwrap_or(false);
        country_entries.push(Entry {
            id: format!("iso:{iso}"),
            kind: if independent { "STATE" } else { "PLACE" }.into(),
            name,
            aliases,
            country: Some(iso.clone()),
            extra,
            ..Entry::default()
        });
    }

    // Curated source.
    let cur_src = fs::read_to_string(out_dir.join("src/curated.tsv"))?;
    let mut curated: Vec<Entry> = cur_src
        .lines()
        .filter_map(|l| Entry::parse_line(l, 0))
        .collect();
    for e in &mut curated {
        let mut extra_aliases = Vec::new();
        for (k, v) in &e.extra {
            let schemes = match k.as_str() {
                "ru" => &ru_schemes,
                "be" => &be_schemes,
                _ => continue,
            };
            extra_aliases.push(v.clone());
            for sc in schemes {
                extra_aliases.push(sc.apply(v));
            }
        }
        if e.first("surname") == Some("yes") {
            let all: Vec<String> = std::iter::once(e.name.clone())
                .chain(e.aliases.iter().cloned())
                .chain(extra_aliases.iter().cloned())
                .collect();
            for a in all {
                if let Some(last) = a.split_whitespace().last() {
                    if last != a {
                        extra_aliases.push(last.to_string());
                    }
                }
            }
        }
        e.extra.retain(|(k, _)| k != "surname");
        // Leading articles are not part of names ("the Kremlin" → "Kremlin").
        for a in e.aliases.iter_mut() {
            if let Some(r) = a.strip_prefix("the ") {
                *a = r.to_string();
            }
        }
        let name = e.name.clone();
        e.aliases.retain(|a| *a != name);
        e.aliases.dedup();
        for a in extra_aliases {
            if a != e.name && !e.aliases.contains(&a) {
                e.aliases.push(a);
            }
        }
    }
    let mut curated_keys: HashMap<String, usize> = HashMap::new();
    for (i, e) in curated.iter().enumerate() {
        for a in std::iter::once(&e.name).chain(&e.aliases) {
            if a.contains(' ') || e.kind != "PERSON" {
                curated_keys.entry(key(a)).or_insert(i);
            }
        }
    }

    // Capitals that duplicate a curated place: move the capital_of fact onto the curated entry.
    capital_entries.retain(|c| {
        if let Some(&i) = curated_keys.get(&key(&c.name)) {
            if curated[i].kind == "PLACE" {
                curated[i].extra.extend(c.extra.iter().cloned());
                // keep the capital id reachable as an alias id for the country entry
                return false;
            }
        }
        true
    });

    // Phoenix (MIT).
    let ph = gaz.join("phoenix");
    let mut phoenix: Vec<Entry> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    let mut merged = 0usize;
    let mut push_phoenix = |mut e: Entry, phoenix: &mut Vec<Entry>, curated: &mut Vec<Entry>| {
        // Merge into a curated duplicate.
        let dup = std::iter::once(&e.name)
            .chain(&e.aliases)
            .find_map(|a| curated_keys.get(&key(a)).copied());
        if let Some(i) = dup {
            if curated[i].kind == e.kind {
                for a in e.aliases.iter().chain(std::iter::once(&e.name)) {
                    if !curated[i].aliases.contains(a) && *a != curated[i].name {
                        curated[i].aliases.push(a.clone());
                    }
                }
                merged += 1;
                return;
            }
        }
        let mut id = format!("ph:{}", slug(&e.name).replace('-', "_"));
        while !seen.insert(id.clone()) {
            id.push('_');
        }
        e.id = id;
        phoenix.push(e);
    };
    let text = fs::read_to_string(ph.join("Phoenix.Countries.actors.txt"))?;
    for b in phoenix_blocks(&text) {
        if b.head_codes.iter().any(|c| c.len() == 3) || !b.comment.contains("CountryInfo") {
            continue; // country blocks
        }
        let roles: Vec<Role> = b
            .codes
            .iter()
            .filter_map(|c| phoenix_role(c, &isos))
            .collect();
        // Keep people active in 2000 or later.
        let recent = roles
            .iter()
            .any(|r| r.end.as_deref().is_none_or(|e| e >= "2000"));
        if roles.is_empty() || !recent {
            continue;
        }
        let names = clean_alias(&b.head);
        let Some(name) = names.first().cloned() else {
            continue;
        };
        if name.split_whitespace().count() < 2 {
            continue;
        }
        let mut aliases: Vec<String> = Vec::new();
        for a in &b.aliases {
            for a in clean_alias(a) {
                if a != name
                    && a.split_whitespace().count() >= 2
                    && !has_title(&a)
                    && !aliases.contains(&a)
                {
                    aliases.push(a);
                }
            }
        }
        let latest = roles
            .iter()
            .max_by_key(|r| (r.end.is_none(), r.start.clone().unwrap_or_default()))
            .cloned();
        let e = Entry {
            kind: "PERSON".into(),
            name,
            aliases,
            country: latest
                .as_ref()
                .filter(|r| r.org.len() == 3)
                .map(|r| r.org.clone()),
            sector: latest.as_ref().map(|r| r.role.clone()),
            roles,
            ..Entry::default()
        };
        push_phoenix(e, &mut phoenix, &mut curated);
    }
    for (file, default_sector) in [
        ("Phoenix.International.actors.txt", "IGO"),
        ("Phoenix.MilNonState.actors.txt", "REB"),
    ] {
        let text = fs::read_to_string(ph.join(file))?;
        for b in phoenix_blocks(&text) {
            let codes: Vec<String> = b.head_codes.iter().chain(&b.codes).cloned().collect();
            let Some(code) = codes.first() else { continue };
            let c0 = code.split_whitespace().next().unwrap_or("");
            let dated = codes.iter().any(|c| c.split_whitespace().nth(1).is_some());
            if file.contains("International") && !(c0.starts_with("IGO") || c0.starts_with("NGO")) {
                continue;
            }
            if has_title(&b.head) {
                continue;
            }
            let names = clean_alias(&b.head);
            let Some(name) = names.first().cloned() else {
                continue;
            };
            let is_person = dated || b.comment.contains("rulers");
            if is_person && name.split_whitespace().count() < 2 {
                continue;
            }
            let mut aliases: Vec<String> = names[1..].to_vec();
            for a in &b.aliases {
                for a in clean_alias(a) {
                    if a != name && !has_title(&a) && !aliases.contains(&a) {
                        if is_person && a.split_whitespace().count() < 2 {
                            continue;
                        }
                        aliases.push(a);
                    }
                }
            }
            let (country, sector) = if c0.len() >= 6 && isos.contains(&c0[..3]) {
                (Some(c0[..3].to_string()), Some(c0[3..6].to_string()))
            } else if c0.len() >= 3 && (c0.starts_with("IGO") || c0.starts_with("NGO")) {
                (None, Some(c0[..3].to_string()))
            } else {
                (None, Some(default_sector.to_string()))
            };
            let roles = if is_person {
                codes
                    .iter()
                    .filter_map(|c| phoenix_role(c, &isos))
                    .collect()
            } else {
                Vec::new()
            };
            let e = Entry {
                kind: if is_person { "PERSON" } else { "ORG" }.into(),
                name,
                aliases,
                country,
                sector,
                roles,
                extra: vec![("code".into(), c0.to_string())],
                ..Entry::default()
            };
            push_phoenix(e, &mut phoenix, &mut curated);
        }
    }

    // Write.
    let write = |name: &str, head: &str, entries: &[Entry]| -> std::io::Result<()> {
        let mut s = String::new();
        s.push_str(head);
        s.push_str(TSV_HEADER);
        s.push('\n');
        for e in entries {
            s.push_str(&e.to_line());
            s.push('\n');
        }
        fs::write(out_dir.join(name), s)
    };
    write(
        "curated.tsv",
        "# GENERATED by `cargo run -p dossier-entity --example build_kb` from src/curated.tsv (Dossier, Apache-2.0)\n# plus transliteration variants (iuliia schemas, MIT; CLDR, Unicode License v3) and merged Phoenix aliases (MIT).\n",
        &curated,
    )?;
    let mut c_all = country_entries;
    c_all.extend(capital_entries);
    write(
        "countries.tsv",
        "# GENERATED by build_kb from mledoze/countries (countries.json), ODbL 1.0 — see countries.LICENSE.md.\n# This derived database is licensed under the ODbL 1.0; attribution: mledoze/countries.\n",
        &c_all,
    )?;
    write(
        "phoenix.tsv",
        "# GENERATED by build_kb from the Phoenix/PETRARCH2 actor dictionaries (openeventdata/petrarch2), MIT — see phoenix.LICENSE.\n",
        &phoenix,
    )?;
    eprintln!(
        "curated {} entries, countries+capitals {}, phoenix {} (merged {merged} duplicates into curated)",
        curated.len(),
        c_all.len(),
        phoenix.len()
    );
    Ok(())
}
