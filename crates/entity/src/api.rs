//! Library API for the store and `dossier entity NAME`: cross-document keys, KB look-up by any
//! spelling, and an entity card (aliases, roles).

use dossier_model::Entity;

use crate::kb::{Entry, Kb, Role};
use crate::norm::name_words;

/// The key that identifies an entity across documents: its KB id, or for a name not in the KB
/// `u:<TYPE>:<folded name>` (so "Ivan Petrovsky" and "IVAN PETROVSKY" meet).
pub fn cross_doc_key(e: &Entity) -> String {
    match &e.kb_id {
        Some(id) => id.clone(),
        None => unknown_key(&e.name, &e.kind),
    }
}

/// The cross-document key of an unknown name of a type.
pub fn unknown_key(name: &str, kind: &str) -> String {
    format!("u:{}:{}", kind, name_words(name).join(" "))
}

/// KB entries whose id, name or any alias (spelling variants included) matches `query`
/// (case-, diacritic- and hyphen-insensitive); best first (curated before gazetteers).
pub fn resolve(query: &str) -> Vec<&'static Entry> {
    let kb = Kb::embedded();
    if let Some(e) = kb.get(query.trim()) {
        return vec![e];
    }
    let mut out = kb.lookup(query);
    out.sort_by_key(|e| e.rank);
    out
}

/// What `dossier entity NAME` shows about a KB entity (mentions come from the store).
#[derive(Clone, Debug, serde::Serialize)]
pub struct Card {
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub country: Option<String>,
    pub sector: Option<String>,
    pub wikidata: Option<String>,
    pub aliases: Vec<String>,
    pub roles: Vec<Role>,
    pub extra: Vec<(String, String)>,
}

impl Card {
    pub fn of(e: &Entry) -> Card {
        Card {
            id: e.id.clone(),
            name: e.name.clone(),
            kind: e.kind.clone(),
            country: e.country.clone(),
            sector: e.sector.clone(),
            wikidata: e.wikidata.clone(),
            aliases: e.aliases.clone(),
            roles: e.roles.clone(),
            extra: e
                .extra
                .iter()
                .filter(|(k, _)| !matches!(k.as_str(), "ru" | "be" | "code"))
                .cloned()
                .collect(),
        }
    }
}

impl std::fmt::Display for Card {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "{}  {}  [{}]", self.id, self.name, self.kind)?;
        let opt = |o: &Option<String>| o.clone().unwrap_or_else(|| "-".into());
        writeln!(
            f,
            "  country {}  sector {}  wikidata {}",
            opt(&self.country),
            opt(&self.sector),
            opt(&self.wikidata)
        )?;
        if !self.aliases.is_empty() {
            writeln!(f, "  aliases: {}", self.aliases.join("; "))?;
        }
        for r in &self.roles {
            writeln!(
                f,
                "  role: {} of {} from {} until {}",
                r.role,
                r.org,
                r.start.as_deref().unwrap_or("?"),
                r.end.as_deref().unwrap_or("now")
            )?;
        }
        for (k, v) in &self.extra {
            writeln!(f, "  {k}: {v}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_spellings_and_keys() {
        for q in [
            "Lukashenka",
            "Łukaszenka",
            "Лукашенко",
            "alexander lukashenko",
            "p:lukashenka",
        ] {
            let r = resolve(q);
            assert_eq!(
                r.first().map(|e| e.id.as_str()),
                Some("p:lukashenka"),
                "{q}"
            );
        }
        assert_eq!(resolve("SS-26 Stone")[0].id, "w:iskander-m");
        let card = Card::of(resolve("Shoigu")[0]);
        assert!(card.roles.iter().any(|r| r.role == "defence-minister"));
        assert!(card
            .to_string()
            .contains("defence-minister of RUS from 2012-11-06"));
        let mut e = Entity::new("e1", "Ivan  Petrovsky", "PERSON");
        assert_eq!(cross_doc_key(&e), "u:PERSON:ivan petrovsky");
        e.kb_id = Some("p:putin".into());
        assert_eq!(cross_doc_key(&e), "p:putin");
    }
}
