use serde::{Deserialize, Serialize};

use crate::Span;

/// One occurrence of an entity in the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    #[serde(flatten)]
    pub span: Span,
    /// How the entity is referred to: `name` (full name or alias), `surname`, `acronym`, `demonym`
    /// (an adjective or nationality noun for a state), `group` ("both countries"), `metonym` (a
    /// capital or seat of government standing for its government), `title` (a role phrase).
    #[serde(default = "Mention::default_form")]
    pub form: String,
    /// A demonym or metonym used as an actor ("the Belarusian side", "Minsk said").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub actor: bool,
}

impl Mention {
    fn default_form() -> String {
        "name".to_string()
    }
    pub fn name(span: Span) -> Mention {
        Mention {
            span,
            form: Mention::default_form(),
            actor: false,
        }
    }
}

/// A dated role of a person from the knowledge base (`role` such as `president`, `defence-minister`, or
/// a sector code such as `GOV`; `org` an ISO alpha-3 code or a KB id). Dates are ISO, open when absent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityRole {
    pub role: String,
    pub org: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
}

/// A role the text gives a person ("defence ministers Viktar Khrenin and …"), checked against the KB.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextRole {
    /// The role phrase in the text.
    #[serde(flatten)]
    pub span: Span,
    /// Normalised role (`defence-minister`, `president`, `state-secretary`, …).
    pub role: String,
    /// Country or organisation the text attaches to the role, when it says ("Russian Defence Minister").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org: Option<String>,
    /// `Some(true)` when a KB role held at the reference date agrees, `Some(false)` when the KB knows the
    /// person's roles at that date and none agrees, `None` when it cannot be checked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agrees: Option<bool>,
}

/// An entity of this document, with all its mentions; `kb_id` links it to the knowledge base.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// The KB id when linked, else a document-local id (`e1`, `e2`, …; `g1`, … for groups).
    pub id: String,
    pub kb_id: Option<String>,
    pub name: String,
    /// PERSON, STATE, ORG, PLACE, WEAPON, EXERCISE, FORMATION, GROUP.
    #[serde(rename = "type")]
    pub kind: String,
    /// ISO 3166-1 alpha-3 code.
    pub country: Option<String>,
    /// PLOVER sector: GOV, MIL, LEG, IGO, REB, …
    pub sector: Option<String>,
    pub mentions: Vec<Mention>,
    /// Finer class for weapons (`missile`, `aircraft`, `air-defence`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtype: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<String>,
    /// KB roles held at the reference date (the document's creation time), or all KB roles when the
    /// date is unknown.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<EntityRole>,
    /// Roles given by the text, each checked against the KB.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub text_roles: Vec<TextRole>,
    /// For `GROUP` entities: the ids of the member entities.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<String>,
    /// Disagreements between the text and the KB, kept as written and flagged
    /// (`role-mismatch: …`, `designation-mismatch: …`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<String>,
}

impl Entity {
    pub fn new(id: impl Into<String>, name: impl Into<String>, kind: impl Into<String>) -> Entity {
        Entity {
            id: id.into(),
            kb_id: None,
            name: name.into(),
            kind: kind.into(),
            country: None,
            sector: None,
            mentions: Vec::new(),
            subtype: None,
            wikidata: None,
            roles: Vec::new(),
            text_roles: Vec::new(),
            members: Vec::new(),
            flags: Vec::new(),
        }
    }
}
