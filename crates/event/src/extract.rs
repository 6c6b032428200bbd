//! Per-document event extraction: triggers → arguments → location → time → status.
//!
//! Works on whatever layers are present: with the syntax layer, arguments come from dependency relations
//! (nsubj/obj/obl with case "to/with/against", nmod:poss, the subject of a light verb for nominal triggers);
//! without it, from clause-bounded token windows. Actor mentions come from the entity layer when filled, else
//! from the built-in country/demonym gazetteer, agent nouns and capitalized spans.

use dossier_model::{Document, Event, EventArgument, EventStatus, Sentence, Span, TimexType};

use crate::lexicon::{type_listed, Lexicon, PlaceKind, TriggerPos};

/// A candidate argument mention (token range within the document).
#[derive(Clone, Debug, Default)]
pub(crate) struct Arg {
    pub start: usize,
    pub end: usize,
    pub name: String,
    pub entity: Option<String>,
    pub country: Option<String>,
    pub sector: Option<String>,
    /// A city, capital or other place (can be a location).
    pub place: bool,
    /// A country name (can be a location or an actor).
    pub state: bool,
    /// An international / non-governmental organization.
    pub org: bool,
    /// Only an agent noun ("officials") with nothing else known.
    pub bare_agent: bool,
    /// Expansion of a collective ("both countries").
    pub members: Vec<Arg>,
}

/// Token-level view of a document used by the extractor.
pub(crate) struct View<'a> {
    pub doc: &'a Document,
    pub lower: Vec<String>,
    pub lemma: Vec<&'static str>,
    /// Per token: the lexicon's candidate lemmas of its lower-case form ([`Lexicon::lemmas`]).
    pub forms: Vec<&'static [String]>,
    /// Lower-case capitalised words other than months that the document puts before a number ("E.O.
    /// 13405", "Article 5"): they designate documents, also without the number ("this E.O. provides").
    pub designations: Vec<String>,
    pub syntax: bool,
    /// Per token: which cue phrases start here (bits `CUE_*`).
    pub flags: Vec<u16>,
    /// Every entity mention as (span, entity index), sorted by start.
    pub mentions: Vec<(Span, usize)>,
}

impl View<'_> {
    /// Entity mentions inside `span`, as (mention span, entity index).
    pub fn mentions_in(&self, span: Span) -> impl Iterator<Item = (Span, usize)> + '_ {
        let i = self.mentions.partition_point(|(m, _)| m.start < span.start);
        self.mentions[i..]
            .iter()
            .take_while(move |(m, _)| m.start < span.end)
            .filter(move |(m, _)| span.contains(*m))
            .copied()
    }
}

const CUE_NEG: u16 = 1;
const CUE_FUT: u16 = 2;
const CUE_HYP: u16 = 4;
const CUE_PLAN: u16 = 8;
const CUE_BOUND: u16 = 16;
const CUE_ANN: u16 = 32;
const CUE_REP: u16 = 64;
const CUE_PROSP: u16 = 128;
const CUE_DIRECT: u16 = 256;
const CUE_CANCEL: u16 = 512;

fn cue_bit(cat: &str) -> u16 {
    match cat {
        "negation" => CUE_NEG,
        "future" => CUE_FUT,
        "hypothetical" => CUE_HYP,
        "planned" => CUE_PLAN,
        "boundary" => CUE_BOUND,
        "announce" => CUE_ANN,
        "report" => CUE_REP,
        "prospective" => CUE_PROSP,
        "directive" => CUE_DIRECT,
        "cancel" => CUE_CANCEL,
        _ => 0,
    }
}

impl<'a> View<'a> {
    pub fn new(doc: &'a Document, lex: &'static Lexicon) -> View<'a> {
        let syntax = !doc.syntax.is_empty() && doc.syntax.len() == doc.tokens.len();
        let lower: Vec<String> = doc
            .tokens
            .iter()
            .map(|t| {
                let w = doc.slice(t.span);
                let mut l = if w.is_ascii() {
                    w.to_ascii_lowercase()
                } else {
                    w.to_lowercase()
                };
                if l.contains('’') {
                    l = l.replace('’', "'");
                }
                l
            })
            .collect();
        let forms: Vec<&'static [String]> = lower.iter().map(|l| lex.lemmas(l)).collect();
        // Lemmas are strings of the lexicon ('static); "" for a word the lexicon does not know (such a word
        // can match no trigger or cue).
        let lemma: Vec<&'static str> = lower
            .iter()
            .enumerate()
            .map(|(i, _)| {
                let tagger_lemma = doc.syntax.get(i).map_or("", |t| t.lemma.as_str());
                if syntax && !tagger_lemma.is_empty() {
                    // Most lemmas are lower-case ASCII already: no copy for those.
                    let sl: std::borrow::Cow<str> = if tagger_lemma.is_ascii()
                        && !tagger_lemma.bytes().any(|b| b.is_ascii_uppercase())
                    {
                        tagger_lemma.into()
                    } else {
                        tagger_lemma.to_lowercase().into()
                    };
                    // Prefer our lexicon's lemma when the tagger's lemma is not in the lexicon (e.g. "talks").
                    if let Some((k, _)) = lex.forms.get_key_value(sl.as_ref()) {
                        return k.as_str();
                    }
                }
                forms[i].first().map(String::as_str).unwrap_or("")
            })
            .collect();
        let mut flags = vec![0u16; lower.len()];
        for (i, fl) in flags.iter_mut().enumerate() {
            if let Some(list) = lex.cue_first.get(&lower[i]) {
                for (cat, p) in list {
                    if phrase_at(&lower, i, lower.len(), p) {
                        *fl |= cue_bit(cat);
                    }
                }
            }
            // Announcing / reporting verbs in any inflection.
            for l in forms[i]
                .iter()
                .map(String::as_str)
                .chain(std::iter::once(lemma[i]))
            {
                if let Some(cats) = lex.cue_lemma.get(l) {
                    for cat in cats {
                        *fl |= cue_bit(cat);
                    }
                }
            }
        }
        let mut designations: Vec<String> = Vec::new();
        for i in 1..lower.len() {
            let number = !lower[i].is_empty() && lower[i].bytes().all(|b| b.is_ascii_digit());
            let w = doc.slice(doc.tokens[i - 1].span);
            if number
                && w.chars().next().is_some_and(char::is_uppercase)
                && !dossier_model::MONTH_NAMES.contains(&lower[i - 1].as_str())
                && !designations.contains(&lower[i - 1])
            {
                designations.push(lower[i - 1].clone());
            }
        }
        let mut mentions: Vec<(Span, usize)> = doc
            .entities
            .iter()
            .enumerate()
            .flat_map(|(k, en)| en.mentions.iter().map(move |m| (m.span, k)))
            .collect();
        mentions.sort_by_key(|(m, _)| (m.start, std::cmp::Reverse(m.end)));
        View {
            doc,
            lower,
            lemma,
            forms,
            designations,
            syntax,
            flags,
            mentions,
        }
    }
    fn text(&self, i: usize) -> &str {
        self.doc.slice(self.doc.tokens[i].span)
    }
    /// The entity layer's entity that argument `a` names, if any.
    fn entity_of(&self, a: &Arg) -> Option<&dossier_model::Entity> {
        let id = a.entity.as_ref()?;
        self.doc.entities.iter().find(|en| &en.id == id)
    }
    fn is_cap(&self, i: usize) -> bool {
        self.text(i)
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase())
    }
    /// Whether token `i` has a tag (a pipeline may parse only some sentences).
    fn parsed(&self, i: usize) -> bool {
        self.syntax && !self.doc.syntax[i].upos.is_empty()
    }
    fn upos(&self, i: usize) -> &str {
        if self.syntax {
            &self.doc.syntax[i].upos
        } else {
            ""
        }
    }
    fn xpos(&self, i: usize) -> &str {
        if self.syntax {
            &self.doc.syntax[i].xpos
        } else {
            ""
        }
    }
    fn span(&self, a: usize, b: usize) -> Span {
        Span::new(
            self.doc.tokens[a].span.start,
            self.doc.tokens[b - 1].span.end,
        )
    }
}

fn phrase_at(lower: &[String], i: usize, end: usize, phrase: &[String]) -> bool {
    i + phrase.len() <= end && phrase.iter().enumerate().all(|(k, w)| lower[i + k] == *w)
}

/// Finds argument candidates in sentence token range `[s, e)`.
/// A number that makes the name before it a name of something else: a version ("2.0") or a Roman numeral
/// ("Minsk II", `words.txt` `[name_numeral]`). (Not a plain number: "held in Minsk 13–14 December" names
/// the place.)
fn is_name_number(lex: &Lexicon, w: &str) -> bool {
    let version = w.contains('.')
        && w.bytes().all(|c| c.is_ascii_digit() || c == b'.')
        && w.bytes().next().is_some_and(|c| c.is_ascii_digit());
    version || lex.name_numerals.contains(w)
}

pub(crate) fn find_args(v: &View, lex: &Lexicon, s: usize, e: usize, recent: &[Arg]) -> Vec<Arg> {
    let doc = v.doc;
    let mut taken = vec![false; e - s];
    let mut args: Vec<Arg> = Vec::new();
    let sent_span = v.span(s, e);
    // 1. Entity layer mentions.
    let in_sentence: Vec<(Span, usize)> = v.mentions_in(sent_span).collect();
    // Entity order (as before indexing): by entity, then mention.
    let mut in_sentence = in_sentence;
    in_sentence.sort_by_key(|&(m, k)| (k, m.start));
    for (mspan, k) in in_sentence {
        let ent = &doc.entities[k];
        {
            let m = dossier_model::Mention::name(mspan);
            let a = doc.tokens[s..e].partition_point(|t| t.span.end <= m.span.start) + s;
            let mut b = a;
            while b < e && doc.tokens[b].span.start < m.span.end {
                b += 1;
            }
            if a >= b || taken[a - s..b - s].iter().any(|x| *x) {
                continue;
            }
            let kind = ent.kind.to_uppercase();
            let place = matches!(kind.as_str(), "PLACE" | "LOC" | "GPE" | "CITY" | "LOCATION");
            let state = matches!(kind.as_str(), "STATE" | "COUNTRY");
            // "the concept of Helsinki 2.0", "Minsk II": a place with a version number after it names a plan
            // or an accord, not a participant or the place of this event.
            let numbered = (place || state) && b < e && is_name_number(lex, &v.lower[b]);
            // A law's name ("the Elections Clause"), also where only its last word stands for it ("this
            // Act" after "a Union State Constitutional Act").
            let name_words: Vec<&str> = ent.name.split_whitespace().collect();
            let law_name = name_words.len() >= 2
                && lex
                    .document_last
                    .contains(name_words[name_words.len() - 1].to_lowercase().as_str());
            let designation = ent.kb_id.is_none()
                && ((a..b).any(|k| v.designations.contains(&v.lower[k])) || law_name);
            if numbered
                || designation
                || !matches!(
                    kind.as_str(),
                    "PERSON"
                        | "PER"
                        | "STATE"
                        | "COUNTRY"
                        | "ORG"
                        | "ORGANIZATION"
                        | "PLACE"
                        | "LOC"
                        | "GPE"
                        | "CITY"
                        | "LOCATION"
                        | "FORMATION"
                        | "IGO"
                        | "GROUP"
                        | "NORP"
                        | "AGENT"
                        | "MIL"
                )
            {
                // Weapons, exercises and other non-actors are not arguments.
                for x in &mut taken[a - s..b - s] {
                    *x = true;
                }
                continue;
            }
            for x in &mut taken[a - s..b - s] {
                *x = true;
            }
            // The entity layer's mention may be a demonym ("Palestinian officials"): let it modify the agent
            // noun after it, as the gazetteer's demonyms do; organisations it has no code for may be IGOs.
            let surface = doc.slice(m.span);
            let gz = lex.country(surface);
            let demonym = gz.is_some_and(|c| c.kind == PlaceKind::Demonym);
            let (place, state) = if demonym {
                (false, false)
            } else {
                (place, state)
            };
            // An organization named after an international one it belongs to ("United Nations
            // Security Council", "UN Human Rights Council") takes that one's code.
            let org_prefix = || {
                if !matches!(kind.as_str(), "ORG" | "ORGANIZATION" | "IGO") {
                    return None;
                }
                let words: Vec<&str> = ent.name.split(' ').collect();
                (1..words.len())
                    .rev()
                    .map(|n| words[..n].join(" "))
                    .find(|p| lex.igo_parents.contains(&p.to_lowercase()))
                    .and_then(|p| lex.country(&p))
                    .filter(|c| c.kind == PlaceKind::Org)
            };
            let org_code = if ent.country.is_none() {
                gz.or_else(|| lex.country(&ent.name))
                    .filter(|c| c.kind == PlaceKind::Org)
                    .or_else(org_prefix)
                    .map(|c| c.code.clone())
            } else {
                None
            };
            // A collective entity ("Russia and Belarus") stands for its members.
            let members: Vec<Arg> = ent
                .members
                .iter()
                .filter_map(|id| doc.entities.iter().find(|x| &x.id == id))
                .map(|m| Arg {
                    start: a,
                    end: b,
                    name: m.name.clone(),
                    entity: Some(m.id.clone()),
                    country: m.country.clone(),
                    sector: m.sector.clone(),
                    state: matches!(m.kind.to_uppercase().as_str(), "STATE" | "COUNTRY"),
                    ..Arg::default()
                })
                .collect();
            // "the Belarusian capital" → the capital city.
            if state && b < e && v.lower[b] == "capital" {
                if let Some(cap) = ent.country.as_ref().and_then(|c| lex.capitals.get(c)) {
                    taken[b - s] = true;
                    args.push(Arg {
                        start: a,
                        end: b + 1,
                        name: cap.clone(),
                        country: ent.country.clone(),
                        sector: Some("GOV".into()),
                        place: true,
                        ..Arg::default()
                    });
                    continue;
                }
            }
            args.push(Arg {
                start: a,
                end: b,
                name: ent.name.clone(),
                entity: Some(ent.id.clone()),
                // The gazetteer's own country or demonym reading of the surface wins ("French" is France).
                country: gz
                    .filter(|c| matches!(c.kind, PlaceKind::Name | PlaceKind::Demonym))
                    .map(|c| c.code.clone())
                    .or_else(|| ent.country.clone())
                    // A city the entity layer knows without its country ("Abidjan").
                    .or_else(|| {
                        gz.filter(|c| matches!(c.kind, PlaceKind::Capital | PlaceKind::City))
                            .map(|c| c.code.clone())
                    })
                    .or(org_code.clone()),
                sector: ent.sector.clone(),
                place,
                state,
                org: org_code.is_some(),
                bare_agent: demonym,
                members,
                ..Arg::default()
            });
        }
    }
    // Timex tokens are never arguments.
    for t in &doc.timexes {
        if sent_span.contains(t.span) {
            for i in s..e {
                if t.span.contains(doc.tokens[i].span) {
                    taken[i - s] = true;
                }
            }
        }
    }
    // 2. Gazetteer (longest match, case-sensitive), collectives, agent nouns.
    let mut i = s;
    while i < e {
        if taken[i - s] {
            i += 1;
            continue;
        }
        // "Vietnamese-led forces", "US-led coalition": the leading country's modifier.
        if let Some(c) = v
            .text(i)
            .strip_suffix("-led")
            .filter(|p| p.chars().next().is_some_and(|c| c.is_uppercase()))
            .and_then(|p| lex.country(p))
            .filter(|c| matches!(c.kind, PlaceKind::Name | PlaceKind::Demonym))
        {
            taken[i - s] = true;
            args.push(Arg {
                start: i,
                end: i + 1,
                name: v.text(i).to_string(),
                country: Some(c.code.clone()),
                bare_agent: true,
                ..Arg::default()
            });
            i += 1;
            continue;
        }
        let mut hit = None;
        // Only capitalized tokens that start some gazetteer name are tried.
        let maxn = if v.is_cap(i) {
            lex.country_first
                .get(v.text(i))
                .copied()
                .unwrap_or(0)
                .min(e - i)
        } else {
            0
        };
        let mut key = String::new();
        for n in (1..=maxn).rev() {
            if taken[i - s..i + n - s].iter().any(|x| *x) {
                continue;
            }
            key.clear();
            for k in i..i + n {
                if k > i {
                    key.push(' ');
                }
                key.push_str(v.text(k));
            }
            if let Some(c) = lex.country(&key) {
                hit = Some((n, c.clone()));
                break;
            }
        }
        if let Some((n, c)) = hit {
            // "the Belarusian capital" → the capital city.
            if c.kind == PlaceKind::Demonym && i + n < e && v.lower[i + n] == "capital" {
                if let Some(cap) = lex.capitals.get(&c.code) {
                    for x in &mut taken[i - s..i + n + 1 - s] {
                        *x = true;
                    }
                    args.push(Arg {
                        start: i,
                        end: i + n + 1,
                        name: cap.clone(),
                        country: Some(c.code.clone()),
                        sector: Some("GOV".into()),
                        place: true,
                        ..Arg::default()
                    });
                    i += n + 1;
                    continue;
                }
            }
            let name = (i..i + n).map(|k| v.text(k)).collect::<Vec<_>>().join(" ");
            for x in &mut taken[i - s..i + n - s] {
                *x = true;
            }
            args.push(Arg {
                start: i,
                end: i + n,
                name,
                country: Some(c.code.clone()),
                place: matches!(c.kind, PlaceKind::Capital | PlaceKind::City),
                state: c.kind == PlaceKind::Name,
                org: c.kind == PlaceKind::Org,
                sector: match c.kind {
                    PlaceKind::Capital => Some("GOV".into()),
                    PlaceKind::City => Some("CVL".into()),
                    _ => None,
                },
                bare_agent: c.kind == PlaceKind::Demonym,
                ..Arg::default()
            });
            i += n;
            continue;
        }
        // Collective anaphora ("both countries").
        if let Some(ph) = lex
            .cue("both")
            .iter()
            .find(|p| phrase_at(&v.lower, i, e, p))
        {
            let n = ph.len();
            let mut members: Vec<Arg> = Vec::new();
            for r in recent.iter().rev() {
                if r.country.is_some() && r.state && !members.iter().any(|m| m.country == r.country)
                {
                    members.push(r.clone());
                }
                if members.len() == 2 {
                    break;
                }
            }
            members.reverse();
            for x in &mut taken[i - s..i + n - s] {
                *x = true;
            }
            args.push(Arg {
                start: i,
                end: i + n,
                name: (i..i + n).map(|k| v.text(k)).collect::<Vec<_>>().join(" "),
                members,
                ..Arg::default()
            });
            i += n;
            continue;
        }
        // Singular anaphora ("the country"): the state the sentence named first before it (its topic, more
        // often than the last one: "new challenges for Ukraine, which is fighting Russia, … the
        // country's northern border"). Across sentences the topic is too often lost to guess.
        if let Some(ph) = lex
            .cue("country")
            .iter()
            .find(|p| phrase_at(&v.lower, i, e, p))
        {
            let n = ph.len();
            let is_state = |r: &&Arg| r.country.is_some() && r.state && r.members.is_empty();
            let state = args
                .iter()
                .filter(|r| r.end <= i)
                .filter(is_state)
                .min_by_key(|r| r.start)
                // "the country of origin" is any country.
                .filter(|_| i + n >= e || v.lower[i + n] != "of");
            if let Some(st) = state {
                for x in &mut taken[i - s..i + n - s] {
                    *x = true;
                }
                args.push(Arg {
                    start: i,
                    end: i + n,
                    ..st.clone()
                });
                i += n;
                continue;
            }
        }
        // "its authorities also abandoned …": an agent noun after a possessive pronoun, as a subject, is of
        // the state or body named last before it in the sentence. (As an object it is usually the
        // subject's own: "Israel has strengthened its forces in Lebanon".)
        if i + 1 < e
            && lex
                .cue("possessor")
                .iter()
                .any(|p| phrase_at(&v.lower, i, e, p))
        {
            let agent = agent_phrase_at(v, lex, i + 1, e);
            let owner = args
                .iter()
                .filter(|r| r.end <= i && (r.state || r.org) && r.country.is_some())
                .filter(|r| r.members.is_empty())
                .max_by_key(|r| r.end);
            if let (Some((ph, sec)), Some(owner)) = (agent, owner) {
                let n = 1 + ph.len();
                let subject =
                    v.parsed(i + n - 1) && v.doc.syntax[i + n - 1].deprel.starts_with("nsubj");
                if subject && !taken[i - s..i + n - s].iter().any(|x| *x) {
                    for x in &mut taken[i - s..i + n - s] {
                        *x = true;
                    }
                    args.push(Arg {
                        start: i,
                        end: i + n,
                        name: format!("{} {}", owner.name, ph.join(" ")),
                        entity: owner.entity.clone(),
                        country: owner.country.clone(),
                        sector: Some(sec.clone()),
                        bare_agent: true,
                        ..Arg::default()
                    });
                    i += n;
                    continue;
                }
            }
        }
        // Agent nouns ("defence ministers", "officials").
        if let Some((ph, sec)) = agent_phrase_at(v, lex, i, e) {
            let n = ph.len();
            if !taken[i - s..i + n - s].iter().any(|x| *x) {
                for x in &mut taken[i - s..i + n - s] {
                    *x = true;
                }
                args.push(Arg {
                    start: i,
                    end: i + n,
                    name: (i..i + n).map(|k| v.text(k)).collect::<Vec<_>>().join(" "),
                    sector: Some(sec.clone()),
                    bare_agent: true,
                    ..Arg::default()
                });
                i += n;
                continue;
            }
        }
        i += 1;
    }
    // 3. Capitalized spans not yet covered (persons, organizations); not in Title Case headlines.
    let words: Vec<usize> = (s..e)
        .filter(|&k| v.text(k).chars().any(|c| c.is_alphabetic()))
        .collect();
    let caps = words.iter().filter(|&&k| v.is_cap(k)).count();
    let title_case = words.len() >= 4 && caps * 10 >= words.len() * 6;
    let mut i = if title_case { e } else { s };
    // "Ka-50", "S-400": a model designation names a weapon or an aircraft, no participant.
    let designation = |k: usize| {
        v.text(k)
            .rsplit_once('-')
            .is_some_and(|(_, n)| n.starts_with(|c: char| c.is_ascii_digit()))
    };
    while i < e {
        if taken[i - s]
            || !v.is_cap(i)
            || !v.text(i).chars().any(|c| c.is_alphabetic())
            || designation(i)
        {
            i += 1;
            continue;
        }
        let mut j = i;
        // "the Lions' Den": a plural possessive inside a name joins it.
        let possessive = |j: usize| {
            matches!(v.text(j), "'" | "’")
                && v.text(j - 1).ends_with('s')
                && j + 1 < e
                && v.is_cap(j + 1)
                && !taken[j + 1 - s]
        };
        while j < e
            && !taken[j - s]
            && !designation(j)
            && (v.is_cap(j) || (j > i && (v.text(j) == "-" || possessive(j))))
        {
            j += 1;
        }
        // "E.O. 13405", "this E.O.", "the Elections Clause": a document's designation or a law's name, no
        // participant. "Minister of State for Immigration Robert Jenrick": between "of"/"for" and a
        // person's name is the rest of an office.
        let office_tail = i > s
            && matches!(v.lower[i - 1].as_str(), "of" | "for")
            && args
                .iter()
                .any(|a| a.start == j && v.entity_of(a).is_some_and(|en| en.kind == "PERSON"));
        // A law's name, or its last word after "this"/"the" ("five variants of this Act").
        let law = lex.document_last.contains(v.lower[j - 1].as_str())
            && (j - i >= 2 || (i > s && matches!(v.lower[i - 1].as_str(), "this" | "the")));
        if office_tail || law || (i..j).any(|k| v.designations.contains(&v.lower[k])) {
            i = j.max(i + 1);
            continue;
        }
        // Drop leading function words / sentence-initial capitals.
        let mut a = i;
        while a < j && lex.stop_caps.contains(v.lower[a].as_str()) {
            a += 1;
        }
        // "Hunger strikes occur …": a capital that only opens the sentence, on a word no entity covers
        // before a common noun, is no name.
        let modifier_word = |i: usize| {
            v.parsed(i)
                && i + 1 < e
                && v.upos(i + 1) == "NOUN"
                && !v.is_cap(i + 1)
                && lex.country(v.text(i)).is_none()
                && !v
                    .mentions
                    .iter()
                    .any(|(m, _)| m.contains(v.doc.tokens[i].span))
        };
        if a == i && i == s && j == i + 1 && (!v.lemma_is_name(i, lex) || modifier_word(i)) {
            a = j;
        }
        if a < j {
            let upos_ok =
                !v.parsed(a) || (a..j).any(|k| matches!(v.upos(k), "PROPN" | "NOUN" | "X"));
            if upos_ok {
                let mut sector = None;
                let mut start_name = a;
                // A leading agent phrase inside the capitalized span ("Defence Minister Shoigu").
                if let Some((ph, sec)) = agent_phrase_at(v, lex, a, j) {
                    sector = Some(sec.clone());
                    if a + ph.len() < j {
                        start_name = a + ph.len();
                    }
                }
                // As written ("Lions' Den", "Belarusian-Russian"), with its spaces normalised.
                let written = Span::new(
                    v.doc.tokens[start_name].span.start,
                    v.doc.tokens[j - 1].span.end,
                );
                let name = v
                    .doc
                    .slice(written)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                args.push(Arg {
                    start: a,
                    end: j,
                    name,
                    sector,
                    ..Arg::default()
                });
            }
        }
        i = j.max(i + 1);
    }
    args.sort_by_key(|a| a.start);
    // Where a person's name starts: "the Secretary General of the Union State, Dmitry Mezentsev" names the
    // office of the person after the comma, who is the participant.
    let person_starts: Vec<usize> = args
        .iter()
        .filter(|a| v.entity_of(a).is_some_and(|en| en.kind == "PERSON"))
        .map(|a| a.start)
        .collect();
    // 4. Merge a demonym / country with the agent or name right after it ("Russian Defence Minister Shoigu",
    //    "Belarusian pilots"), and an agent noun with the name right after it ("defence ministers Viktar Khrenin").
    let mut merged: Vec<Arg> = Vec::new();
    for a in args {
        if let Some(prev) = merged.last_mut() {
            let adjacent = prev.end == a.start
                || (prev.end + 1 == a.start
                    && matches!(v.lower[prev.end].as_str(), "senior" | "top"));
            let possessive = prev.end + 1 == a.start && v.lower[prev.end] == "'s";
            if (adjacent || possessive) && prev.members.is_empty() && a.members.is_empty() {
                // "Russian Defence Minister Shoigu", "Belarusian pilots"
                let demonym_head =
                    adjacent && prev.bare_agent && prev.country.is_some() && a.country.is_none();
                // "U.S. Secretary of State Warren Christopher", "Israel's Cabinet", "Norway's foreign minister"
                let country_title = (prev.state || prev.org)
                    && prev.country.is_some()
                    && a.country.is_none()
                    && a.entity.is_none()
                    && a.sector.is_some();
                // "defence ministers Viktar Khrenin", "Belarusian President Alexander Lukashenko": an agent
                // noun, with its country if any, before the name of one of that country.
                let agent_name = adjacent
                    && prev.bare_agent
                    && !a.bare_agent
                    && (prev.country.is_none()
                        || (a.entity.is_some()
                            && a.country
                                .as_ref()
                                .is_none_or(|c| Some(c) == prev.country.as_ref())));
                // "the Lions' Den militant group", "Hamas militants": an agent noun right after a name
                // says what the named one is.
                if adjacent
                    && !prev.bare_agent
                    && !prev.state
                    && !prev.org
                    && !prev.place
                    && a.bare_agent
                    && a.country.is_none()
                    && a.entity.is_none()
                {
                    prev.end = a.end;
                    prev.sector = prev.sector.take().or(a.sector.clone());
                    continue;
                }
                // "Union State Parliamentary Assembly": an organization's name continues.
                if adjacent
                    && prev.org
                    && a.country.is_none()
                    && a.entity.is_none()
                    && !a.bare_agent
                {
                    prev.end = a.end;
                    prev.name = format!("{} {}", prev.name, a.name);
                    prev.sector = a.sector.clone().or(prev.sector.take());
                    continue;
                }
                // "Israel Defense Forces", "Belarus Railways": an organisation named after its state.
                let named_org = a.org
                    || v.entity_of(&a)
                        .is_some_and(|en| en.kind.eq_ignore_ascii_case("ORG"));
                if adjacent
                    && prev.state
                    && prev.country.is_some()
                    && named_org
                    && a.country.is_none()
                {
                    prev.end = a.end;
                    prev.name = format!("{} {}", prev.name, a.name);
                    prev.entity = a.entity.clone();
                    // The sector of its last word when the name has none ("Forces": MIL).
                    let last = &v.lower[a.end - 1];
                    prev.sector = a
                        .sector
                        .clone()
                        .or_else(|| agent_word_sector(lex, last).map(str::to_string));
                    prev.state = false;
                    prev.org = true;
                    continue;
                }
                if demonym_head || country_title || agent_name {
                    // "Georgian Dream": a demonym before a capitalised name known nowhere else (no
                    // entity, no agent word) is the name's first word.
                    let unknown_name =
                        demonym_head && a.entity.is_none() && !a.bare_agent && a.sector.is_none();
                    if unknown_name {
                        let first = (prev.start..prev.end)
                            .map(|k| v.text(k))
                            .collect::<Vec<_>>()
                            .join(" ");
                        prev.name = format!("{first} {}", a.name);
                    } else if a.entity.is_some() || !a.bare_agent {
                        prev.name = a.name.clone();
                    } else {
                        prev.name = format!("{} {}", prev.name, a.name);
                    }
                    prev.end = a.end;
                    prev.entity = a.entity.clone().or(prev.entity.take());
                    prev.country = a.country.clone().or(prev.country.take());
                    prev.sector = a.sector.clone().or(prev.sector.take());
                    prev.bare_agent = a.bare_agent && !country_title;
                    prev.place = a.place;
                    prev.state = a.state;
                    prev.org = a.org || (country_title && prev.org);
                    continue;
                }
            }
        }
        // "the leaders of the CIS countries", "defence ministers of NATO": an agent noun followed by "of" and
        // a state or a body names that one's people.
        if let Some(prev) = merged.last_mut() {
            let of_gap = (prev.end + 1 == a.start && v.lower[prev.end] == "of")
                || (prev.end + 2 == a.start
                    && v.lower[prev.end] == "of"
                    && v.lower[prev.end + 1] == "the");
            if of_gap
                && prev.bare_agent
                && prev.entity.is_none()
                && prev.country.is_none()
                && prev.members.is_empty()
                && a.members.is_empty()
                && (a.state || a.org)
                && a.country.is_some()
                && !(v.lower.get(a.end).is_some_and(|w| w == ",")
                    && person_starts.contains(&(a.end + 1)))
            {
                prev.end = a.end;
                prev.name = format!("{} {}", a.name, prev.name);
                prev.entity = a.entity.clone();
                prev.country = a.country.clone();
                prev.sector = prev.sector.take().or(a.sector.clone());
                // Still an office, as "Belarusian pilots" is: a name right after it is the holder's
                // ("President of Belarus Alexander Lukashenko").
                prev.org = a.org;
                continue;
            }
        }
        merged.push(a);
    }
    merged
}

impl View<'_> {
    /// A sentence-initial capitalized word counts as a name when it is a known country or has a syntax tag PROPN.
    fn lemma_is_name(&self, i: usize, lex: &Lexicon) -> bool {
        if self.parsed(i) {
            return self.upos(i) == "PROPN";
        }
        lex.country(self.text(i)).is_some()
            || !lex.forms.contains_key(&self.lower[i])
                && self.text(i).len() > 3
                && !self.text(i).ends_with("ly")
    }
}

/// A trigger found in a sentence.
#[derive(Clone, Debug)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    /// The head token (noun: last; verb: first).
    pub head: usize,
    pub trigger: usize,
    /// A nominal trigger.
    pub noun: bool,
}

/// The `requires` value of triggers that count only with a party as their object ("received the
/// delegation" hosts a visit, "received assurances" does not).
const PARTY: &str = "party";

/// The `requires` value of verb triggers that count only when used transitively ("helicopters strike an
/// oil refinery" attack it, "troops stationed in Belarus" were stationed; "teachers strike over pay" do not).
const OBJECT: &str = "object";

/// The `requires` value of triggers that count only after a speech verb ("must", "should": a demand when
/// somebody says that somebody else must act).
const SPEECH: &str = "speech";

/// The `requires` value of nouns that are acts only when they say what is done: "the threat to cut off
/// electricity", "threats of sanctions" are threats made; "threats coming from Belarus", "an extraordinary
/// threat to national security" are dangers.
const CONTENT: &str = "content";

/// The `requires` values checked here; any other value names a sentence context (cues.tsv).
pub(crate) const CONDITIONS: [&str; 4] = [SPEECH, PARTY, OBJECT, CONTENT];

/// Whether noun `h` has a to-infinitive or an "of" phrase as its complement. A to-infinitive right after
/// the noun counts however the parser attached it ("repeated its threat to cut off …" often hangs the
/// infinitive on the verb).
fn has_content(v: &View, s: usize, e: usize, h: usize) -> bool {
    let deps = |h: usize| (s..e).filter(move |&k| v.doc.syntax[k].head == Some(h));
    (h + 2 < e && v.lower[h + 1] == "to" && v.xpos(h + 2) == "VB")
        || deps(h).any(|k| match &*v.doc.syntax[k].deprel {
            "acl" => deps(k).any(|m| v.doc.syntax[m].deprel == "mark" && v.lower[m] == "to"),
            "nmod" => deps(k).any(|m| v.doc.syntax[m].deprel == "case" && v.lower[m] == "of"),
            _ => false,
        })
}

/// Whether token `k` of the sentence starting at `s` is a speech verb ("said", "declared"; not "Member States").
fn speech_verb(v: &View, s: usize, k: usize) -> bool {
    v.flags[k] & (CUE_ANN | CUE_REP) != 0
        && (k == s || !v.is_cap(k))
        && (!v.parsed(k) || v.upos(k) == "VERB")
}

/// Roles of a speech-dependent trigger: the speaker (the last non-place argument before the speech verb)
/// acts, the subject of the "must" clause (the last argument between the speech verb and the trigger) receives.
fn roles_speech(v: &View, s: usize, f: &Found, args: &[Arg]) -> Option<Roles> {
    let c = (s..f.start).rev().find(|&k| speech_verb(v, s, k))?;
    let actor = args.iter().rposition(|a| a.end <= c && !a.place);
    let recipient = args
        .iter()
        .rposition(|a| a.start > c && a.end <= f.start && !a.place);
    Some(Roles {
        actors: actor.into_iter().collect(),
        recipients: recipient.into_iter().collect(),
        ..Roles::default()
    })
}

fn is_inflected(lower: &str, lemma: &str) -> bool {
    lower != lemma
}

/// Finds event triggers in sentence `[s, e)`.
pub(crate) fn find_triggers(
    v: &View,
    lex: &Lexicon,
    s: usize,
    e: usize,
    sentence_context: &[String],
) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    // A parse with no verb at all ("officials demanded support" tagged noun–adjective–noun) is a tagging
    // failure: part of speech then comes from the word-window rules, as in an unparsed sentence.
    let tags_usable = (s..e).any(|k| v.parsed(k) && v.upos(k) == "VERB");
    // Objects of split verb patterns already matched.
    let mut object_words: Vec<usize> = Vec::new();
    let mut i = s;
    while i < e {
        if object_words.contains(&i) {
            i += 1;
            continue;
        }
        let mut best: Option<(usize, usize, Option<usize>)> = None; // (len, trigger, split object)
        let lemma = v.lemma[i];
        let verb_lemmas = || {
            v.forms[i]
                .iter()
                .map(String::as_str)
                .chain(std::iter::once(lemma))
        };
        let mut cands: Vec<usize> = verb_lemmas()
            .filter_map(|l| lex.by_first.get(l))
            .flatten()
            .copied()
            .collect();
        // Verb–object patterns of this verb whose object occurs in the next four words, as far as the split
        // match below lets a non-particle object be ("send … troops").
        for objects in verb_lemmas().filter_map(|l| lex.by_verb_object.get(l)) {
            for k in i + 1..(i + 5).min(e) {
                let w = v.lower[k].as_str();
                for o in std::iter::once(w).chain(v.forms[k].iter().map(String::as_str)) {
                    for &x in objects.get(o).into_iter().flatten() {
                        if !cands.contains(&x) {
                            cands.push(x);
                        }
                    }
                }
            }
        }
        for ti in cands {
            let t = &lex.triggers[ti];
            let n = t.words.len();
            if i + n > e {
                continue;
            }
            // First word: any inflection for verbs; exact for multiword nouns; last word may be plural.
            let contiguous = t.words.iter().enumerate().all(|(k, w)| {
                let (tok, forms) = (&v.lower[i + k], v.forms[i + k]);
                let last = k + 1 == n;
                if k == 0 && t.pos == TriggerPos::Verb {
                    forms.contains(w) || v.lemma[i] == *w
                } else if last && t.pos == TriggerPos::Noun {
                    tok == w || forms.contains(w)
                } else {
                    tok == w || (t.pos == TriggerPos::Verb && forms.contains(w))
                }
            });
            // A two-word verb whose second word comes later: a particle after the object ("forced the UN
            // refugee agency, UNHCR, out", "called the strike off") or a noun after a short modifier
            // ("reduced food supplies").
            let split_at = (!contiguous
                && n == 2
                && t.pos == TriggerPos::Verb
                && (v.forms[i].contains(&t.words[0]) || v.lemma[i] == t.words[0]))
                .then(|| {
                    let w = &t.words[1];
                    let particle = matches!(
                        w.as_str(),
                        "out" | "off" | "down" | "up" | "back" | "over" | "away"
                    );
                    let gap = if particle { 8 } else { 3 };
                    // A preposition ("push for") only after adverbs ("pushing hard for").
                    let preposition = matches!(w.as_str(), "for" | "on" | "with" | "against");
                    (i + 2..(i + 2 + gap).min(e))
                        .find(|&k| &v.lower[k] == w || (!particle && v.forms[k].contains(w)))
                        .filter(|&k| {
                            !(preposition
                                && (i + 1..k).any(|j| !(v.parsed(j) && v.upos(j) == "ADV")))
                                && !(i + 1..k).any(|j| {
                                    matches!(
                                        v.lower[j].as_str(),
                                        "." | ";"
                                            | ":"
                                            | "--"
                                            | "that"
                                            | "and"
                                            | "but"
                                            | "to"
                                            | "which"
                                            | "who"
                                    ) || (!particle && v.lower[j] == ",")
                                        // "take place on Belarusian territory" is not "take
                                        // territory".
                                        || (t.direct_object
                                            && lex.prepositions.contains(v.lower[j].as_str()))
                                        || (v.parsed(j) && v.upos(j) == "VERB")
                                })
                        })
                })
                .flatten();
            let split = split_at.is_some();
            let ok = contiguous || split;
            if !ok {
                continue;
            }
            // Part of speech check.
            let head = if t.pos == TriggerPos::Noun {
                i + n - 1
            } else {
                i
            };
            let prev = if i > s { v.lower[i - 1].as_str() } else { "" };
            let pos_ok = if v.parsed(head) && tags_usable {
                let u = v.upos(head);
                match t.pos {
                    TriggerPos::Verb => {
                        u == "VERB"
                            || (u == "AUX" && t.requires(SPEECH))
                            // A past form tagged as an adjective between a subject and its object
                            // ("the OAU, investigated welfare of …", "Serbia eased emergency measures").
                            || (u == "ADJ"
                                && n == 1
                                && v.lower[i].ends_with("ed")
                                && i > s
                                && i + 1 < e
                                && v.parsed(i - 1)
                                && v.parsed(i + 1)
                                && (matches!(v.upos(i - 1), "NOUN" | "PROPN" | "PRON")
                                    || v.lower[i - 1] == ",")
                                && matches!(v.upos(i + 1), "DET" | "NOUN" | "PROPN" | "NUM"))
                    }
                    TriggerPos::Noun => matches!(u, "NOUN" | "PROPN"),
                }
            } else {
                match t.pos {
                    TriggerPos::Verb => {
                        let tok = &v.lower[i];
                        if lex.determiners.contains(prev) {
                            false
                        } else if v.lower[i].ends_with("ing")
                            && i > s
                            && (v.is_cap(i - 1)
                                || prev.ends_with("ian")
                                || prev.ends_with("al")
                                || prev.ends_with("ic"))
                        {
                            // "joint Belarusian-Russian training centres", "military training": a noun.
                            false
                        } else if is_inflected(tok, &t.words[0]) {
                            // "-s" forms of words that are also nouns need a verbal context.
                            !(tok.ends_with('s')
                                && lex.by_first.get(&t.words[0]).is_some_and(|ix| {
                                    ix.iter().any(|&x| lex.triggers[x].pos == TriggerPos::Noun)
                                })
                                && !(i > s && (v.is_cap(i - 1) || lex.verb_context.contains(prev))))
                        } else {
                            lex.verb_context.contains(prev)
                                || (i > s && v.is_cap(i - 1) && i - 1 != s)
                                || (i > s && prev.ends_with('s') && prev.len() > 3)
                        }
                    }
                    TriggerPos::Noun => {
                        // Not a noun when it reads as a verb after "to" / a modal.
                        !matches!(
                            prev,
                            "to" | "will" | "would" | "can" | "could" | "may" | "might"
                        )
                    }
                }
            };
            if !pos_ok {
                continue;
            }
            // Trigger words inside names ("Asia-Pacific Economic Cooperation", "Union Shield", "the Treaty on
            // the Creation of the Union State") are not events.
            let name_connector = |k: usize| matches!(v.lower[k].as_str(), "on" | "of" | "for");
            let in_name = v.is_cap(head)
                && head != s
                && ((head > s && v.is_cap(head - 1) && head - 1 != s)
                    // "the Federal Bureau of Investigation"
                    || (head > s + 1 && name_connector(head - 1) && v.is_cap(head - 2))
                    || (head + 1 < e && v.is_cap(head + 1))
                    || (head + 2 < e
                        && name_connector(head + 1)
                        && (v.is_cap(head + 2)
                            || (head + 3 < e
                                && v.lower[head + 2] == "the"
                                && v.is_cap(head + 3)))));
            // "Thank you.", "Q Thanks, Jake.": a courtesy formula with no subject.
            let formula = lex.courtesy.contains(v.lower[i].as_str())
                && (i == s || matches!(prev, "q" | ":" | "," | "and" | "so" | "well" | "—"))
                && (v.lower[i] != "thank" || (i + 1 < e && v.lower[i + 1] == "you"));
            let tok = v.doc.tokens[head].span;
            let lo = v
                .mentions
                .partition_point(|(m, _)| m.start + 2000 < tok.start);
            let in_entity = v.mentions[lo..]
                .iter()
                .take_while(|(m, _)| m.start <= tok.start)
                .any(|&(m, k)| {
                    let en = &v.doc.entities[k];
                    !matches!(en.kind.to_uppercase().as_str(), "EVENT" | "EXERCISE")
                        && m.contains(tok)
                });
            // "life-threatening flooding", "Russian-backed separatists": a participle glued by a hyphen to
            // the word before it is part of a compound modifier.
            let glued = |a: usize, b: usize| v.doc.tokens[a].span.end == v.doc.tokens[b].span.start;
            let compound_modifier = t.pos == TriggerPos::Verb
                && i >= s + 2
                && v.lower[i - 1] == "-"
                && glued(i - 2, i - 1)
                && glued(i - 1, i)
                && (v.lower[i].ends_with("ing") || v.lower[i].ends_with("ed"));
            // "a United States court of appeals": part of the name of a body.
            let body_name = t.pos == TriggerPos::Noun
                && i >= s + 2
                && v.lower[i - 1] == "of"
                && lex.body_nouns.contains(v.lower[i - 2].as_str());
            if in_name || in_entity || formula || compound_modifier || body_name {
                continue;
            }
            // "X declared that Y must …": a speech verb earlier in the sentence.
            if t.requires(SPEECH) && !(s..i).any(|k| speech_verb(v, s, k)) {
                continue;
            }
            // A context cue; `party`, `object` and `content` are checked on the parse, when the event is coded.
            let name_before = t.pos == TriggerPos::Noun && i > s && v.is_cap(i - 1) && i - 1 != s;
            if !name_before
                && t.requires.iter().any(|req| {
                    !CONDITIONS.contains(&req.as_str())
                        && !sentence_context.iter().any(|c| c == req)
                })
            {
                continue;
            }
            if best.is_none_or(|(bn, _, _)| n > bn) {
                best = Some((n, ti, split_at));
            }
        }
        if let Some((n, ti, split_at)) = best {
            let t = &lex.triggers[ti];
            // A split verb's span is the verb alone; its object stays an argument, and is no second event
            // of the same type ("strengthen military cooperation" is one event; "joined the protests" a
            // protest as well as support for it).
            let n = if split_at.is_some() { 1 } else { n };
            object_words.extend(split_at.filter(|&k| {
                let word = std::iter::once(v.lemma[k])
                    .chain(std::iter::once(v.lower[k].as_str()))
                    .chain(v.forms[k].iter().map(String::as_str));
                word.filter_map(|w| lex.by_first.get(w))
                    .flatten()
                    .map(|&x| &lex.triggers[x])
                    .any(|o| {
                        o.pos == TriggerPos::Noun
                            && o.words.len() == 1
                            && o.event_type == t.event_type
                    })
            }));
            let head = if t.pos == TriggerPos::Noun {
                i + n - 1
            } else {
                i
            };
            out.push(Found {
                start: i,
                end: i + n,
                head,
                trigger: ti,
                noun: t.pos == TriggerPos::Noun,
            });
            i += n;
        } else {
            i += 1;
        }
    }
    out
}

/// The agent phrase of the sector table (`cues.tsv` `sector`: "defence ministers" → MIL) that starts at token `i`
/// and ends by `end`.
fn agent_phrase_at<'l>(
    v: &View,
    lex: &'l Lexicon,
    i: usize,
    end: usize,
) -> Option<&'l (Vec<String>, String)> {
    lex.sectors_by_first
        .get(&v.lower[i])?
        .iter()
        .map(|&k| &lex.sectors[k])
        .find(|(p, _)| phrase_at(&v.lower, i, end, p))
}

/// The sector of a one-word agent noun of the sector table ("forces" → MIL).
fn agent_word_sector<'l>(lex: &'l Lexicon, word: &str) -> Option<&'l str> {
    lex.sectors_by_first
        .get(word)?
        .iter()
        .map(|&k| &lex.sectors[k])
        .find(|(p, _)| p.len() == 1)
        .map(|(_, sec)| sec.as_str())
}

/// Whether verb `h` of the sentence `[s, e)` has an object that names a party: a name, a pronoun, a word of
/// an entity mention or an agent noun ("the delegation", "Belarusian officials"), not a thing ("alerts").
fn party_object(v: &View, lex: &Lexicon, s: usize, e: usize, h: usize) -> bool {
    (s..e)
        .filter(|&k| {
            v.doc.syntax[k].head == Some(h) && matches!(&*v.doc.syntax[k].deprel, "obj" | "iobj")
        })
        .any(|k| {
            let tok = v.doc.tokens[k].span;
            matches!(v.upos(k), "PROPN" | "PRON")
                || v.mentions.iter().any(|(m, _)| m.contains(tok))
                || agent_word_sector(lex, &v.lower[k]).is_some()
        })
}

/// Index of the clause start for token `i` (window search never crosses a boundary cue).
fn clause_start(v: &View, _lex: &Lexicon, s: usize, i: usize) -> usize {
    let mut k = i;
    while k > s {
        let w = &v.lower[k - 1];
        if v.flags[k - 1] & CUE_BOUND != 0 || w == "that" {
            // "Although it has not been made public, the Belarusian side expressed …": a subordinate clause
            // that opens the sentence ends at its comma, and the main clause starts after it.
            if k - 1 == s && w.chars().all(char::is_alphabetic) {
                if let Some(c) = (k..i).find(|&c| v.lower[c] == ",") {
                    return c + 1;
                }
            }
            return k;
        }
        k -= 1;
    }
    s
}

fn clause_end(v: &View, _lex: &Lexicon, e: usize, i: usize) -> usize {
    let mut k = i;
    while k < e {
        let w = &v.lower[k];
        if v.flags[k] & CUE_BOUND != 0 || w == "that" {
            return k;
        }
        k += 1;
    }
    e
}

/// The group of arguments ending at `idx` joined by "and" / "," / "&" (a compound actor).
/// Whether args `a` and `b` (in order) are coordinated: "X and Y", "X, Y and Z".
fn coordinated(v: &View, args: &[Arg], a: usize, b: usize) -> bool {
    let gap_words =
        |x: &Arg, y: &Arg| -> Vec<&str> { (x.end..y.start).map(|t| v.lower[t].as_str()).collect() };
    let gap = gap_words(&args[a], &args[b]);
    let conj_only = |g: &[&str]| {
        !g.is_empty()
            && g.iter()
                .all(|w| matches!(*w, "and" | "," | "&" | "the" | "or" | "both"))
    };
    if !conj_only(&gap) {
        return false;
    }
    if gap.iter().any(|w| matches!(*w, "and" | "&" | "or")) {
        return true;
    }
    // A bare comma counts when the list goes on with "and".
    b + 1 < args.len() && {
        let g2 = gap_words(&args[b], &args[b + 1]);
        conj_only(&g2) && g2.contains(&"and")
    }
}

fn compound_left(v: &View, args: &[Arg], idx: usize) -> Vec<usize> {
    let mut out = vec![idx];
    let mut k = idx;
    while k > 0 {
        if coordinated(v, args, k - 1, k) && prep_before(v, 0, &args[k - 1]).is_empty() {
            out.push(k - 1);
            k -= 1;
        } else {
            break;
        }
    }
    out.reverse();
    out
}

fn compound_right(v: &View, args: &[Arg], idx: usize) -> Vec<usize> {
    let mut out = vec![idx];
    let mut k = idx;
    while k + 1 < args.len() {
        if coordinated(v, args, k, k + 1) {
            out.push(k + 1);
            k += 1;
        } else {
            break;
        }
    }
    out
}

/// Arguments chosen for one trigger: indexes into the sentence's args.
#[derive(Default, Debug)]
pub(crate) struct Roles {
    pub actors: Vec<usize>,
    pub recipients: Vec<usize>,
    pub location: Option<usize>,
    /// The parse says the actor is named in an earlier sentence ("They discussed …"): no name of this
    /// sentence may stand in for it.
    pub actor_elsewhere: bool,
    /// The actor is a noun that names no party ("the regime's crackdown"): no other name may stand in for it.
    pub actor_unnamed: bool,
    /// The parse says the object is what the event is about ("discussed the measures"): no name of this
    /// sentence may stand in for a target.
    pub no_target: bool,
}

/// Whether argument `a`, after "of", completes an event noun other than `f` ("the summit of the leaders").
fn of_another_event(v: &View, lex: &Lexicon, s: usize, a: &Arg, f: &Found) -> bool {
    let Some(of) = (s..a.start).rev().take(4).find(|&k| v.lower[k] == "of") else {
        return false;
    };
    of > s && !(f.start..f.end).contains(&(of - 1)) && event_noun_of_type(v, lex, of - 1, None)
}

fn prep_before(v: &View, s: usize, a: &Arg) -> &'static str {
    let mut k = a.start;
    // Skip determiners/adjectives between the preposition and the argument.
    let mut steps = 0;
    while k > s && steps < 3 {
        let w = v.lower[k - 1].as_str();
        match w {
            "in" => return "in",
            "at" => return "at",
            "to" => return "to",
            "with" => return "with",
            "by" => return "by",
            "of" => return "of",
            "on" => return "on",
            "against" => return "against",
            "between" => return "between",
            "from" => return "from",
            "for" => return "for",
            "into" => return "into",
            "the" | "a" | "an" | "its" | "their" => {}
            _ => return "",
        }
        k -= 1;
        steps += 1;
    }
    ""
}

/// One trigger as role finding sees it: its sentence (tokens `s..e`), the arguments found there, and the
/// neighbouring triggers that bound its window.
#[derive(Clone, Copy)]
pub(crate) struct RoleCtx<'a> {
    pub s: usize,
    pub e: usize,
    pub f: &'a Found,
    pub args: &'a [Arg],
    /// End of the nearest verb trigger before this one (or `s`).
    pub prev_verb_end: usize,
    /// Start of the next trigger (or `e`).
    pub next_trigger: usize,
}

/// Window-based roles (no syntax).
pub(crate) fn roles_window(v: &View, lex: &Lexicon, c: &RoleCtx) -> Roles {
    let RoleCtx {
        s,
        e,
        f,
        args,
        prev_verb_end,
        next_trigger,
    } = *c;
    let mut r = Roles::default();
    let t = &lex.triggers[f.trigger];
    let mut cs = clause_start(v, lex, s, f.start);
    if t.pos == TriggerPos::Noun {
        // The subject before another event verb belongs to that verb ("X signed a protocol amending the
        // agreement").
        cs = cs.max(prev_verb_end);
    }
    // The right-hand search stops at the clause end or the next event trigger.
    // A coordinated next event ("a visit to Minsk … and a session of …") starts its own arguments.
    let coordinated_next = next_trigger < e && (f.end..next_trigger).any(|k| v.lower[k] == "and");
    let ce = if coordinated_next {
        clause_end(v, lex, e, f.end).min(next_trigger.max(f.end))
    } else {
        clause_end(v, lex, e, f.end)
    };
    // Arguments adjacent to a nominal trigger that name it ("Zapad 2023 drills", "Union Shield exercises") are
    // not actors, unless they are countries / known entities.
    let name_of_event = |a: &Arg| {
        let year_between = a.end + 1 == f.start
            && v.text(a.end).len() == 4
            && v.text(a.end).chars().all(|c| c.is_ascii_digit());
        t.pos == TriggerPos::Noun
            && (a.end == f.start || year_between)
            && a.country.is_none()
            && a.entity.is_none()
            && a.members.is_empty()
            && !a.bare_agent
    };
    // Left: the nearest argument in the clause (not a location phrase, not an object of "of" inside a
    // larger phrase unless nothing else is there).
    // "sanctions on the Lions' Den … for committing attacks": a gerund after "for"/"of" is the act of whom
    // the verb before it is aimed at, also after "on"/"against".
    let control_gerund = t.pos == TriggerPos::Verb
        && f.start > s
        && lex
            .object_control_marks
            .contains(v.lower[f.start - 1].as_str())
        && v.lower[f.start].ends_with("ing");
    let mut left_pick = None;
    for (k, a) in args.iter().enumerate().rev() {
        if a.end > f.start || a.start < cs {
            continue;
        }
        if name_of_event(a) {
            continue;
        }
        let p = prep_before(v, s, a);
        let aimed_at = control_gerund && lex.aimed_at_prepositions.contains(p);
        if matches!(p, "in" | "at" | "on" | "from" | "into" | "for") && !aimed_at {
            continue;
        }
        if a.place && !matches!(p, "") {
            continue;
        }
        // "on the sidelines of the summit of the leaders of …, negotiations continued": the "of" phrase of
        // another event noun takes part in that event.
        if p == "of" && of_another_event(v, lex, s, a, f) {
            continue;
        }
        // "in Zaporizhzhia, Ukraine, and injures four others": the country after a city places it.
        if a.state
            && a.start > s + 1
            && v.lower[a.start - 1] == ","
            && args.iter().any(|b| b.place && b.end + 1 == a.start)
        {
            continue;
        }
        left_pick = Some(k);
        break;
    }
    // Possessive: "Putin's visit".
    if t.pos == TriggerPos::Noun {
        // A state or its demonym right before the noun is who does it, whatever phrase the noun sits in
        // ("killed in a Russian drone strike"), also where an agent noun after the demonym is the trigger's
        // first word ("a permanent Russian military presence": the argument "Russian military").
        if let Some(k) = args.iter().position(|a| {
            let before =
                a.end == f.start || (a.start < f.start && a.end > f.start && a.end <= f.end);
            before && a.country.is_some() && !a.place && a.members.is_empty()
        }) {
            left_pick = Some(k);
        }
        for (k, a) in args.iter().enumerate() {
            if a.end < f.start
                && a.end + 1 <= f.start
                && v.lower.get(a.end).is_some_and(|w| w == "'s")
            {
                if f.start - a.end <= 4 {
                    left_pick = Some(k);
                }
            }
        }
    }
    // "consultations of foreign ministers", "a session of the Assembly": the "of" phrase is the actor —
    // unless the noun is one of force ("the Russian invasion of Ukraine": Ukraine is invaded).
    let done_to = of_names_patient(lex, t);
    let of_actor = (t.pos == TriggerPos::Noun && !done_to)
        .then(|| args.iter().position(|a| a.start >= f.end))
        .flatten()
        .filter(|&k| args[k].start <= f.end + 3 && prep_before(v, s, &args[k]) == "of");
    if let Some(k) = of_actor {
        r.actors = compound_right(v, args, k);
    } else if let Some(k) = left_pick {
        r.actors = compound_left(v, args, k);
    }
    // Right side.
    let mut weak: Vec<usize> = Vec::new();
    let mut k = args.iter().position(|a| a.start >= f.end);
    let mut steps = 0;
    while let Some(idx) = k {
        if idx >= args.len() || args[idx].start >= ce.max(f.end + 1) || steps > 4 {
            break;
        }
        let a = &args[idx];
        if a.start > f.end + 12 {
            break;
        }
        let p = prep_before(v, s, a);
        let group = compound_right(v, args, idx);
        let next = group.last().copied().unwrap_or(idx) + 1;
        // The attribution after a comma (", Thai police here said") is the source, not a participant.
        let g_end = args[next - 1].end;
        if (f.end..a.start).any(|k| v.lower[k] == ",")
            && (g_end..(g_end + 3).min(e)).any(|k| speech_verb(v, s, k))
        {
            break;
        }
        match p {
            "in" | "at" | "on" => {
                // An organisation is no place ("an airstrike on a United Nations school").
                if r.location.is_none() && (a.place || a.state || (a.country.is_some() && !a.org)) {
                    r.location = Some(idx);
                }
            }
            "by" => {
                if r.actors.is_empty()
                    || matches!(v.lower[f.start].as_str(), w if w.ends_with("ed"))
                {
                    r.actors = group.clone();
                }
            }
            "between" if t.words.last().is_some_and(|w| lex.third_party.contains(w)) => {
                if r.recipients.is_empty() {
                    r.recipients = group.clone();
                }
            }
            "between" => {
                r.actors = group.clone();
            }
            "of" if t.pos == TriggerPos::Noun
                && idx == args.iter().position(|a| a.start >= f.end).unwrap_or(0) =>
            {
                if done_to {
                    if r.recipients.is_empty() {
                        r.recipients = group.clone();
                    }
                } else if r.actors.is_empty() {
                    r.actors = group.clone();
                } else if r.recipients.is_empty() {
                    r.recipients = group.clone();
                }
            }
            "to" if t.mode.as_deref() == Some("visit") && (a.place || a.state) => {
                if r.location.is_none() {
                    r.location = Some(idx);
                }
                if r.recipients.is_empty() && !a.place {
                    r.recipients = group.clone();
                }
            }
            "to" | "with" | "against" | "" | "into" => {
                if r.recipients.is_empty() && !(a.place && p != "") {
                    r.recipients = group.clone();
                }
            }
            "for" | "from" => {
                if weak.is_empty() && !a.place {
                    weak = group.clone();
                }
            }
            _ => {}
        }
        k = Some(next);
        steps += 1;
    }
    if r.recipients.is_empty() {
        r.recipients = weak;
    }
    // Speech acts aimed at the subject of their complement: "demanded that the United States match …",
    // "urged Iraq to …" (the object is found above), "said Serbia must …".
    if r.recipients.is_empty()
        && t.pos == TriggerPos::Verb
        && type_listed(&lex.speech_act_types, &t.event_type)
    {
        if let Some(th) = (f.end..(f.end + 3).min(e)).find(|&k| v.lower[k] == "that") {
            if let Some(idx) = args.iter().position(|a| a.start > th && a.start <= th + 4) {
                if prep_before(v, s, &args[idx]).is_empty() {
                    r.recipients = compound_right(v, args, idx);
                }
            }
        }
    }
    // "the Vilnius summit", "the Minsk talks": a city right before a meeting noun is where it is held.
    if r.location.is_none()
        && t.pos == TriggerPos::Noun
        && type_listed(&lex.meeting_types, &t.event_type)
    {
        r.location = args
            .iter()
            .position(|a| a.end == f.start && a.place && !a.state && a.members.is_empty());
    }
    // Location anywhere else in the sentence ("in Saint Petersburg", "held in Moscow").
    if r.location.is_none() {
        let mut best: Option<(usize, usize)> = None;
        for (idx, a) in args.iter().enumerate() {
            if !(a.place || a.state) || r.actors.contains(&idx) || r.recipients.contains(&idx) {
                continue;
            }
            if !matches!(prep_before(v, s, a), "in" | "at") {
                continue;
            }
            // Not across a clause boundary ("…, which took place on 21 December, … in Europe").
            let (lo, hi) = if a.start >= f.end {
                (f.end, a.start)
            } else {
                (a.end, f.start)
            };
            if (lo..hi).any(|k| v.flags[k] & CUE_BOUND != 0 || v.lower[k] == "that") {
                continue;
            }
            let d = if a.start >= f.end {
                a.start - f.end
            } else {
                f.start - a.end
            };
            if best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, idx));
            }
        }
        r.location = best.map(|(_, i)| i);
    }
    r
}

/// Dependency-based roles; falls back to the window result for roles it cannot fill.
pub(crate) fn roles_syntax(v: &View, lex: &Lexicon, c: &RoleCtx) -> Roles {
    let win = roles_window(v, lex, c);
    let RoleCtx { s, e, f, args, .. } = *c;
    let syn = &v.doc.syntax;
    let children =
        |h: usize| -> Vec<usize> { (s..e).filter(|&k| syn[k].head == Some(h)).collect() };
    let arg_of = |tok: usize| -> Vec<usize> {
        // Arguments inside the subtree of `tok` (not crossing clauses). A subject also takes the
        // nominal words right before its subtree that the parse hung elsewhere ("European Community
        // foreign ministers" with "Community" attached to the verb): one noun phrase, no punctuation.
        let mut stack = vec![tok];
        let mut inside = vec![tok];
        while let Some(x) = stack.pop() {
            for c in children(x) {
                let rel = &*syn[c].deprel;
                if rel.starts_with("acl")
                    || rel.starts_with("advcl")
                    || rel.starts_with("ccomp")
                    || rel == "parataxis"
                {
                    continue;
                }
                inside.push(c);
                stack.push(c);
            }
        }
        if syn[tok].deprel.starts_with("nsubj") {
            let mut k = inside.iter().copied().min().unwrap_or(tok);
            while k > s
                && matches!(&*syn[k - 1].upos, "NOUN" | "PROPN" | "ADJ")
                && syn[k - 1].head.is_some_and(|h| h > k - 1)
            {
                k -= 1;
                inside.push(k);
            }
        }
        let mut out: Vec<usize> = args
            .iter()
            .enumerate()
            .filter(|(_, a)| (a.start..a.end).any(|t| inside.contains(&t)))
            .map(|(i, _)| i)
            .collect();
        // Prefer named arguments over bare agent nouns when both are there.
        if out.iter().any(|&i| !args[i].bare_agent) {
            out.retain(|&i| !args[i].bare_agent || args[i].country.is_some());
        }
        out
    };
    let case_of = |tok: usize| -> String {
        children(tok)
            .into_iter()
            .find(|&c| syn[c].deprel == "case")
            .map(|c| v.lower[c].clone())
            .unwrap_or_default()
    };
    let t = &lex.triggers[f.trigger];
    let mut r = Roles::default();
    let mut pred = f.head;
    // Where a nominal event comes from ("threats from both countries", "threats coming from Belarus").
    let mut sources: Vec<usize> = Vec::new();
    // A nominal event owned by a noun ("the regime's crackdown") is that noun's act, named or not.
    let mut owned = false;
    // Nominal trigger as object of a light verb: take that verb's subject.
    if t.pos == TriggerPos::Noun {
        let from_names_source = from_names_source(lex, t);
        // "maintain guarantees of future assistance": a noun of promising passes the event on to its verb.
        let mut object = f.head;
        if let Some(h) = syn[f.head].head.filter(|&h| h >= s && h < e) {
            if syn[f.head].deprel == "nmod"
                && case_of(f.head) == "of"
                && lex.commitment_nouns.contains(v.lower[h].as_str())
            {
                object = h;
            }
        }
        if let Some(h) = syn[object].head {
            let rel = &*syn[object].deprel;
            if (h >= s && h < e)
                && (rel == "obj" || rel.starts_with("nsubj:pass"))
                && lex.cue("light").iter().any(|p| p[0] == v.lemma[h])
            {
                pred = h;
            }
        }
        for c in children(f.head) {
            let rel = &*syn[c].deprel;
            if rel == "nmod:poss" {
                r.actors = arg_of(c);
                owned = matches!(v.upos(c), "NOUN" | "PROPN");
            } else if rel.starts_with("nmod") {
                let third_party = t.words.last().is_some_and(|w| lex.third_party.contains(w));
                let done_to = of_names_patient(lex, t);
                match case_of(c).as_str() {
                    "between" if third_party && r.recipients.is_empty() => r.recipients = arg_of(c),
                    "of" if done_to && r.recipients.is_empty() => r.recipients = arg_of(c),
                    "of" | "between" | "by" if r.actors.is_empty() => r.actors = arg_of(c),
                    "with" | "to" | "against" if r.recipients.is_empty() => {
                        r.recipients = arg_of(c)
                    }
                    "in" | "at" if r.location.is_none() => r.location = arg_of(c).first().copied(),
                    "from" if from_names_source => sources.extend(arg_of(c)),
                    _ => {}
                }
            } else if rel.starts_with("acl")
                && from_names_source
                && lex.source_verbs.contains(syn[c].lemma.as_str())
            {
                for o in children(c) {
                    if syn[o].deprel.starts_with("obl") && case_of(o) == "from" {
                        sources.extend(arg_of(o));
                    }
                }
            }
        }
        // "an increase in threats from both countries": a "from" right after the event noun is its source
        // wherever the parse hangs it.
        if from_names_source && sources.is_empty() && f.end < e && v.lower[f.end] == "from" {
            sources.extend(
                args.iter()
                    .position(|a| a.start > f.end && a.start <= f.end + 2)
                    .filter(|&k| !args[k].place),
            );
        }
    }
    // "King Hassan of Morocco was quoted as saying he would be ready to host …": a personal pronoun
    // subject stands for the nearest person named before it in the sentence ("it" for a state or
    // organization).
    let antecedent = |c: usize| -> Vec<usize> {
        if lex.relative_pronouns.contains(v.lower[c].as_str()) {
            // "Ukraine, which is fighting Russia": a relative pronoun stands for the name right before it.
            let before = if c > s && v.lower[c - 1] == "," {
                c - 1
            } else {
                c
            };
            return args
                .iter()
                .enumerate()
                .filter(|(_, a)| a.end == before && !a.place && !a.bare_agent)
                .map(|(k, _)| k)
                .next_back()
                .into_iter()
                .collect();
        }
        let person = lex.person_pronouns.contains(v.lower[c].as_str());
        let thing = lex.thing_pronouns.contains(v.lower[c].as_str());
        if !(person || thing) {
            return Vec::new();
        }
        args.iter()
            .enumerate()
            .filter(|(_, a)| {
                a.end <= c
                    && a.members.is_empty()
                    && !a.place
                    && !a.bare_agent
                    && if person {
                        !a.state
                            && !a.org
                            && a.entity.as_deref().is_none_or(|id| !id.starts_with("iso:"))
                    } else {
                        a.state || a.org
                    }
            })
            .map(|(k, _)| k)
            .next_back()
            .into_iter()
            .collect()
    };
    // The arguments a subject names, or its pronoun stands for.
    let subject = |c: usize| -> Vec<usize> {
        let named = arg_of(c);
        if named.is_empty() {
            antecedent(c)
        } else {
            named
        }
    };
    // "Ukraine, which fears another invasion": the subject of a verb of undergoing is whom the event it
    // takes as object is done to.
    let mut undergoers: Vec<usize> = Vec::new();
    if let Some(h) = syn[f.head].head.filter(|&h| h >= s && h < e) {
        if t.pos == TriggerPos::Noun
            && syn[f.head].deprel == "obj"
            && lex.undergoer_verbs.contains(syn[h].lemma.as_str())
        {
            if let Some(c) = children(h).into_iter().find(|&c| syn[c].deprel == "nsubj") {
                undergoers = subject(c);
            }
        }
    }
    // "They discussed the measures taken by the United States": the subject names someone from earlier
    // sentences, and what is discussed is no party to the discussion.
    let mut actor_elsewhere = false;
    let topic_verb = t.pos == TriggerPos::Verb && lex.topic_verbs.contains(v.lemma[f.head]);
    let mut no_target = false;
    for c in children(pred) {
        let rel = &*syn[c].deprel;
        match rel {
            "nsubj" if r.actors.is_empty() => {
                r.actors = subject(c);
                // "A Russian drone strike on facilities in Izmail destroys …": an event as the subject
                // brings its actors; the places it names are not who acts.
                if event_noun_of_type(v, lex, c, None) && r.actors.iter().any(|&i| !args[i].place) {
                    r.actors.retain(|&i| !args[i].place);
                }
                actor_elsewhere =
                    r.actors.is_empty() && lex.plural_pronouns.contains(v.lower[c].as_str());
            }
            "nsubj:pass" if t.pos == TriggerPos::Verb && r.recipients.is_empty() => {
                r.recipients = arg_of(c)
            }
            "obj" if pred == f.head && topic_verb => no_target = true,
            // "signed an agreement in Minsk with Ukraine": the object is the event itself; the place it is
            // in is where the event is, not a party to it (unless the event is done to someone: "committing
            // attacks in the West Bank").
            "obj"
                if pred == f.head
                    && event_noun_of_type(v, lex, c, Some(&t.event_type))
                    && !of_names_patient(lex, t) =>
            {
                let (places, parties): (Vec<usize>, Vec<usize>) =
                    arg_of(c).into_iter().partition(|&i| {
                        let a = &args[i];
                        a.place
                            && (a.start..a.end).any(|k| syn[k].head == Some(c))
                            && matches!(prep_before(v, s, a), "in" | "at")
                    });
                if r.recipients.is_empty() {
                    r.recipients = parties;
                }
                if r.location.is_none() {
                    r.location = places.first().copied();
                }
            }
            "obj" | "iobj" if pred == f.head && r.recipients.is_empty() => {
                // "protecting transport routes from NATO countries to Ukraine": where the object comes from
                // is no party it is done to.
                r.recipients = arg_of(c)
                    .into_iter()
                    .filter(|&i| prep_before(v, s, &args[i]) != "from")
                    .collect();
            }
            _ if rel.starts_with("obl") => match case_of(c).as_str() {
                "by" => {
                    // Not "by July": a deadline names nobody, and leaves the subject the actor.
                    let agent = arg_of(c);
                    if !agent.is_empty() {
                        r.actors = agent;
                    }
                }
                "to" | "with" | "against" | "on" | "into" if r.recipients.is_empty() => {
                    let a = arg_of(c);
                    if t.mode.as_deref() == Some("visit")
                        && a.first().is_some_and(|&i| args[i].place)
                    {
                        r.location = a.first().copied();
                    } else {
                        r.recipients = a;
                    }
                }
                "in" | "at" if r.location.is_none() => {
                    r.location = arg_of(c)
                        .into_iter()
                        .find(|&i| args[i].place || args[i].state)
                }
                _ => {}
            },
            _ => {}
        }
    }
    // A passive casualty verb without a "by" agent ("40 Palestinians are killed and 70 injured after an
    // Israeli airstrike"): the words before the verb are the victims, so the actor can only come from the
    // attack named in an oblique of the verb or of a verb coordinated with it — the state or group that
    // modifies that noun.
    let passive = casualty_verb(v, lex, f)
        && children(f.head)
            .into_iter()
            .any(|c| matches!(&*syn[c].deprel, "nsubj:pass" | "aux:pass"));
    if passive && r.actors.is_empty() {
        let verbs = std::iter::once(f.head).chain(
            children(f.head)
                .into_iter()
                .filter(|&c| syn[c].deprel == "conj"),
        );
        let obliques: Vec<usize> = verbs
            .flat_map(|x| {
                children(x)
                    .into_iter()
                    .filter(|&c| syn[c].deprel.starts_with("obl"))
            })
            .filter(|&c| event_noun_of_type(v, lex, c, Some("ASSAULT")))
            .collect();
        r.actors = obliques
            .into_iter()
            .flat_map(|o| {
                children(o)
                    .into_iter()
                    .filter(|&m| matches!(&*syn[m].deprel, "amod" | "nmod:poss" | "compound"))
            })
            .flat_map(|m| arg_of(m))
            .filter(|&i| args[i].state || args[i].org || args[i].country.is_some())
            .take(1)
            .collect();
    }
    // xcomp / conj verbs share the subject of their head ("agreed to cooperate", "met and signed").
    // So does the light verb of a nominal trigger ("must maintain support … and maintain guarantees of …").
    if r.actors.is_empty() && (t.pos == TriggerPos::Verb || pred != f.head) {
        // Up the chain of such verbs ("agreed to create … and strengthen": conj of an xcomp), each step
        // allowed by the relation of the verb it leaves.
        let mut from = pred;
        let mut h = syn[pred].head;
        let mut hops = 0;
        while let Some(x) = h {
            if !(x >= s && x < e) || hops > 3 {
                break;
            }
            // "closed its border in an effort to pressure Minsk": the purpose is the act of whoever
            // makes the effort, the subject of the verb the effort's phrase hangs on.
            if syn[from].deprel == "acl"
                && v.flags[x] & CUE_PROSP != 0
                && syn[x].deprel.starts_with("obl")
            {
                let verb = syn[x].head.filter(|&y| y >= s && y < e);
                if let Some(c) = verb.and_then(|y| {
                    children(y)
                        .into_iter()
                        .find(|&c| syn[c].deprel.starts_with("nsubj"))
                }) {
                    r.actors = subject(c);
                }
                break;
            }
            if !matches!(&*syn[from].deprel, "xcomp" | "conj" | "advcl" | "ccomp") {
                break;
            }
            // "accusing Hezbollah of attempting to destroy …", "thanking him for hosting …": a gerund
            // after "of"/"for" under a verb with an object is the object's act, not the subject's.
            let marked = syn[from].deprel == "advcl"
                && children(from).into_iter().any(|m| {
                    syn[m].deprel == "mark"
                        && lex.object_control_marks.contains(v.lower[m].as_str())
                });
            if marked {
                if let Some(o) = children(x).into_iter().find(|&c| syn[c].deprel == "obj") {
                    r.actors = arg_of(o);
                    break;
                }
            }
            if let Some(c) = children(x)
                .into_iter()
                .find(|&c| syn[c].deprel.starts_with("nsubj"))
            {
                r.actors = subject(c);
                break;
            }
            from = x;
            h = syn[x].head;
            hops += 1;
        }
    }
    // A source acts when nothing else does; a place it names is only where the event starts ("an attack
    // from Syria"). Either way it is not whom the event is done to.
    if r.actors.is_empty() {
        r.actors = sources
            .iter()
            .copied()
            .filter(|&i| !args[i].place)
            .collect();
    }
    if r.actors.is_empty() && !passive && !actor_elsewhere && !owned {
        // Force is done to the verb's patient in the parse ("a plane is shot down", no agent named), who
        // is not its actor (`[force_type]`).
        let force = type_listed(&lex.force_types, &t.event_type);
        r.actors = win
            .actors
            .into_iter()
            .filter(|x| !(force && r.recipients.contains(x)))
            .collect();
    }
    // "During the meeting with Putin, Lukashenka declared": who acts at a meeting, in the clause the
    // meeting is an adverbial of, took part in it (when nothing nearer names a participant: "At the NATO
    // summit, G7 officials announce").
    if r.actors.is_empty()
        && t.pos == TriggerPos::Noun
        && type_listed(&lex.meeting_types, &t.event_type)
    {
        let host = syn[f.head]
            .head
            .filter(|&h| h >= s && h < e && syn[f.head].deprel == "obl")
            .and_then(|h| children(h).into_iter().find(|&c| syn[c].deprel == "nsubj"));
        if let Some(c) = host {
            r.actors = subject(c);
        }
    }
    if !undergoers.is_empty() {
        r.actors.retain(|x| !undergoers.contains(x));
        if r.recipients.is_empty() {
            r.recipients = undergoers;
        }
    }
    // The victims of a passive casualty verb are its subject or nobody named.
    if r.recipients.is_empty() && !passive && !no_target {
        r.recipients = win.recipients;
    }
    r.recipients.retain(|x| !sources.contains(x));
    if r.location.is_none() {
        r.location = win.location;
    }
    r.recipients.retain(|x| !r.actors.contains(x));
    r.actor_elsewhere = actor_elsewhere && r.actors.is_empty();
    r.actor_unnamed = owned && r.actors.is_empty();
    r.no_target = no_target && r.recipients.is_empty();
    r
}

/// Converts an argument (expanding collectives) to output arguments.
pub(crate) fn to_event_args(v: &View, a: &Arg, out: &mut Vec<EventArgument>) {
    if !a.members.is_empty() {
        for m in &a.members {
            let mut m2 = m.clone();
            m2.start = a.start;
            m2.end = a.end;
            m2.members.clear();
            to_event_args(v, &m2, out);
        }
        return;
    }
    if a.bare_agent && a.country.is_none() && a.entity.is_none() {
        // "officials" alone tells nothing about who acted.
        return;
    }
    if out.iter().any(|x| {
        (x.entity.is_some() && x.entity == a.entity)
            || (x.entity.is_none()
                && a.entity.is_none()
                && x.country == a.country
                && x.name == a.name)
    }) {
        return;
    }
    out.push(EventArgument {
        span: v.span(a.start, a.end),
        entity: a.entity.clone(),
        name: a.name.clone(),
        country: a.country.clone(),
        sector: a.sector.clone(),
    });
}

/// Whether "of" after this nominal trigger names whom the event is done to ("the blockade of Serbia":
/// nouns of force, pressure or obstruction, `of_patient` in words.txt), not who does it ("the visit of the
/// president").
fn of_names_patient(lex: &Lexicon, t: &crate::lexicon::Trigger) -> bool {
    type_listed(&lex.of_patient, &t.event_type)
        || t.mode
            .as_deref()
            .is_some_and(|m| lex.of_patient.contains(m))
}

/// "the Secretary General of the Union State, Dmitry Mezentsev": an organisation or state after "of" and
/// before a comma and a person is that person's affiliation, not a party of its own. Returns the first
/// tokens of such arguments among `args` (a sentence starting at token `s`).
fn affiliations(v: &View, s: usize, args: &[Arg]) -> Vec<usize> {
    let person_at = |k: usize| {
        args.iter()
            .any(|b| b.start == k && v.entity_of(b).is_some_and(|en| en.kind == "PERSON"))
    };
    let person_ends_at = |k: usize| {
        args.iter()
            .any(|b| b.end == k && v.entity_of(b).is_some_and(|en| en.kind == "PERSON"))
    };
    args.iter()
        .filter(|a| {
            let of = if a.start > s && v.lower[a.start - 1] == "of" {
                Some(a.start - 1)
            } else if a.start > s + 1
                && v.lower[a.start - 1] == "the"
                && v.lower[a.start - 2] == "of"
            {
                Some(a.start - 2)
            } else {
                None
            };
            // After a title, not after a name ("President Lukashenko of Belarus, President Putin").
            of.is_some_and(|o| !person_ends_at(o))
                && a.end + 1 < v.lower.len()
                && v.lower[a.end] == ","
                && person_at(a.end + 1)
                && v.entity_of(a).is_some_and(|en| en.kind != "PERSON")
        })
        .map(|a| a.start)
        .collect()
}

/// Whether "from" after this nominal trigger names where the event comes from ("threats from both
/// countries"), not whom it is done to ("the withdrawal from Afghanistan": `from_patient` in words.txt).
fn from_names_source(lex: &Lexicon, t: &crate::lexicon::Trigger) -> bool {
    !type_listed(&lex.from_patient, &t.event_type)
        && t.mode
            .as_deref()
            .is_none_or(|m| !lex.from_patient.contains(m))
}

/// Country evidence right beside argument `args[k]` in sentence `[s, e)`: "King Hassan of Morocco",
/// "Kofi Annan, UN secretary-general," / "Salaheddine Sidhoum, Algeria's leading activist" (an appositive
/// after the name) or "A member of the Syrian parliament, Mohammed Mamoun" (an appositive before it).
fn local_country(v: &View, args: &[Arg], s: usize, e: usize, k: usize) -> Option<String> {
    let a = &args[k];
    let country_at = |from: usize, to: usize| {
        args.iter()
            .filter(|b| b.start >= from && b.end <= to && b.members.is_empty())
            .find_map(|b| b.country.clone())
    };
    let is_sep = |i: usize| matches!(v.lower[i].as_str(), "," | ";" | "(" | ")" | "--" | ":");
    // "X of <Country>" / "X from <Country>" (optionally "the").
    if a.end + 1 < e && matches!(v.lower[a.end].as_str(), "of" | "from") {
        let from = a.end + 1 + usize::from(v.lower[a.end + 1] == "the");
        if let Some(b) = args
            .iter()
            .find(|b| b.start == from && b.members.is_empty())
        {
            if b.state || b.org {
                return b.country.clone();
            }
        }
    }
    // An agent noun right after a name, or after a name and its acronym in parentheses: "Montenegro
    // Municipality Association (AKK) officials" are that name's people.
    if a.bare_agent {
        let mut end = a.start;
        if end >= s + 3 && v.lower[end - 1] == ")" && v.lower[end - 3] == "(" {
            end -= 3;
        }
        if let Some(from) = (s..end).rev().take_while(|&i| v.is_cap(i)).last() {
            if let Some(c) = country_at(from, end) {
                return Some(c);
            }
        }
    }
    // Appositive after: ", ... ," within six tokens.
    if a.end < e && v.lower[a.end] == "," {
        let stop = (a.end + 1..e.min(a.end + 8))
            .find(|&i| is_sep(i))
            .unwrap_or(e.min(a.end + 8));
        if let Some(c) = country_at(a.end + 1, stop) {
            return Some(c);
        }
    }
    // Appositive before: "..., X" with the phrase starting the sentence or after a separator.
    if a.start > s + 1 && v.lower[a.start - 1] == "," {
        let from = (s..a.start - 1)
            .rev()
            .find(|&i| is_sep(i))
            .map(|i| i + 1)
            .unwrap_or(s);
        if a.start - 1 - from <= 8 {
            if let Some(c) = country_at(from, a.start - 1) {
                return Some(c);
            }
        }
    }
    None
}

/// Whether token `i` is inside a parenthesis opened right after a word of the sentence starting at `s`.
fn in_gloss(v: &View, s: usize, i: usize) -> bool {
    let open = (s..i)
        .rev()
        .find(|&k| matches!(v.lower[k].as_str(), "(" | ")"));
    open.is_some_and(|k| v.lower[k] == "(" && k > s)
}

/// A continent or region larger than a country ("a new security architecture in Europe"): none of the
/// countries named around it is its country.
fn is_region(a: &Arg) -> bool {
    a.country.is_none()
        && Lexicon::get()
            .supranational
            .contains(a.name.to_lowercase().as_str())
}

/// Actor and recipient arguments of one event, with countries inferred for those the gazetteer and entity
/// layer leave without one: first from the words beside the argument ([`local_country`]); then, when no
/// actor has a country, the first country the sentence names that is not a recipient's (a domestic actor:
/// "Ibo elders demanded that control of the Nigerian Interior Ministry ..."); when recipients exist but
/// none has a country, the first country named that is not an actor's, else the actors' own country
/// (PLOVER codes domestic events with the same country on both sides).
fn with_inferred_countries(
    v: &View,
    args: &[Arg],
    s: usize,
    e: usize,
    f: &Found,
    roles: &Roles,
) -> (Vec<Arg>, Vec<Arg>) {
    let side = |ix: &[usize]| -> Vec<Arg> {
        ix.iter()
            .map(|&k| {
                let mut a = args[k].clone();
                if a.country.is_none() && a.members.is_empty() && !is_region(&a) {
                    a.country = local_country(v, args, s, e, k);
                }
                a
            })
            .collect()
    };
    let mut act = side(&roles.actors);
    let mut rec = side(&roles.recipients);
    let lex = Lexicon::get();
    let trigger = &lex.triggers[f.trigger];
    let from_source = from_names_source(lex, trigger);
    // A bare agent noun with no country ("its troops", "a general strike") names nobody; it is dropped from
    // the output, so it must not stop the search for a recipient that does.
    let nobody =
        |a: &Arg| a.bare_agent && a.country.is_none() && a.entity.is_none() && a.members.is_empty();
    let unnamed: Option<Arg> = rec.iter().find(|a| nobody(a)).cloned();
    rec.retain(|a| !nobody(a));
    // "the foreign ministers agreed … a plan of joint actions of both countries": agents named by their
    // office alone are those of the countries the sentence names together.
    if !act.is_empty() && act.iter().all(nobody) {
        if let Some(group) = args.iter().find(|a| !a.members.is_empty()) {
            let sector = act[0].sector.clone();
            act = group
                .members
                .iter()
                .map(|m| Arg {
                    sector: sector.clone(),
                    ..m.clone()
                })
                .collect();
        }
    }
    // A continent is where something happens, not whom it is done to; a name in a parenthesis after a word
    // glosses that word ("the Iskander-M (NATO: SS-26 Stone)").
    rec.retain(|a| !is_region(a) && !in_gloss(v, s, a.start));
    let affiliations = affiliations(v, s, args);
    act.retain(|a| !affiliations.contains(&a.start));
    rec.retain(|a| !affiliations.contains(&a.start));
    let countries = |side: &[Arg]| -> Vec<String> {
        side.iter()
            .flat_map(|a| {
                std::iter::once(a)
                    .chain(a.members.iter())
                    .filter_map(|m| m.country.clone())
            })
            .collect()
    };
    let named: Vec<String> = {
        let mut out: Vec<String> = Vec::new();
        for a in args {
            for m in std::iter::once(a).chain(a.members.iter()) {
                if let Some(c) = &m.country {
                    if !out.contains(c) {
                        out.push(c.clone());
                    }
                }
            }
        }
        out
    };
    // A place the knowledge base lists without a country spans several ("NATO Eastern Flank" is no
    // Belarusian place because Belarus is named beside it).
    let multinational = |a: &Arg| {
        v.entity_of(a)
            .is_some_and(|en| en.kb_id.is_some() && en.kind == "PLACE")
    };
    let usable =
        |a: &Arg| a.members.is_empty() && !a.bare_agent && a.country.is_none() && !multinational(a);
    if countries(&act).is_empty() {
        let rc = countries(&rec);
        // Only the recipient's country is named: domestic when the recipient is a group or person of that
        // country ("demanded that Nigerian ministers resign"), not when it is the state itself, nor when
        // the event is a meeting, which as often crosses borders ("Jake Sullivan met Svyatlana
        // Tsikhanouskaya of Belarus").
        let domestic = !type_listed(&lex.meeting_types, &trigger.event_type)
            && rec
                .iter()
                .all(|r| !r.state && r.members.iter().all(|m| !m.state));
        if let (Some(c), Some(a)) = (
            named
                .iter()
                .find(|c| !rc.contains(c))
                .or_else(|| rc.first().filter(|_| domestic)),
            act.iter_mut().find(|a| usable(a)),
        ) {
            a.country = Some(c.clone());
        }
    }
    if act.is_empty() && !roles.actor_elsewhere && !roles.actor_unnamed {
        // No actor found: a state, organization or person with a country before the trigger in its clause.
        let from = (s..f.start)
            .rev()
            .find(|&i| matches!(v.lower[i].as_str(), "," | ";" | "--"))
            .map_or(s, |i| i + 1);
        if let Some(b) = args.iter().rev().find(|b| {
            b.start >= from
                && b.end <= f.start
                && !affiliations.contains(&b.start)
                && b.members.is_empty()
                && !b.place
                && !b.bare_agent
                && b.country.is_some()
        }) {
            act.push(b.clone());
        }
    }
    if rec.is_empty() && !roles.no_target {
        // No recipient found: a state, organization or person with a country in the trigger's clause after it
        // ("offered its troops to Lebanon's new President").
        let ac = countries(&act);
        let stop = (f.end..e)
            .find(|&i| matches!(v.lower[i].as_str(), "," | ";" | "--"))
            .unwrap_or(e);
        if let Some(b) = args.iter().find(|b| {
            b.start >= f.end
                && b.end <= stop
                && !affiliations.contains(&b.start)
                && b.members.is_empty()
                && !b.place
                && !in_gloss(v, s, b.start)
                // "by Russia" names an agent, never whom the event is done to; "from Syria" the source of
                // most events.
                && !(b.start > s && v.lower[b.start - 1] == "by")
                && !(b.start > s && v.lower[b.start - 1] == "from" && from_source)
                && !act.iter().any(|a| a.start == b.start)
                // Another country's, or a group of the actor's own ("Ibo elders demanded that control of
                // the Nigerian Interior Ministry …": PLOVER codes domestic events on both sides).
                && b.country
                    .as_ref()
                    .is_some_and(|c| !ac.contains(c) || !b.state)
        }) {
            rec.push(b.clone());
        }
    }
    if countries(&rec).is_empty() {
        let ac = countries(&act);
        if let Some(c) = named
            .iter()
            .find(|c| !ac.contains(c))
            .or_else(|| ac.first())
        {
            if let Some(r) = rec.iter_mut().find(|a| usable(a)) {
                r.country = Some(c.clone());
            } else if rec.is_empty() && named.len() == 1 {
                // "Cairo's security chief warned that police will …": with one country named, an unnamed
                // group ("police", "authorities") is of that country (a domestic event).
                if let Some(mut r) = unnamed {
                    r.country = Some(c.clone());
                    rec.push(r);
                }
            }
        }
    }
    (act, rec)
}

/// The status a nominal or gerund event takes from the verb it depends on, found through the parse however
/// far that verb is: "this will mean … a permanent Russian military presence in Belarus" (planned),
/// "initiatives such as proposing a change … may be expected" (hypothetical). Up from the event word
/// through coordinations, objects, subjects and noun modifiers to the first verb, whose one-word
/// auxiliary must be a `future` cue ("will", "shall": planned) or a `hypothetical` one ("may", "could":
/// hypothetical).
fn governor_status(
    v: &View,
    lex: &Lexicon,
    s: usize,
    e: usize,
    word: usize,
) -> Option<EventStatus> {
    let syn = &v.doc.syntax;
    if !v.syntax || syn.len() < e {
        return None;
    }
    let cue = |cat: &str, k: usize| {
        lex.cue(cat)
            .iter()
            .any(|p| p.len() == 1 && p[0] == v.lower[k])
    };
    let mut x = word;
    for _ in 0..6 {
        if !matches!(
            &*syn[x].deprel,
            "conj" | "obj" | "nmod" | "appos" | "compound" | "nsubj" | "nsubj:pass" | "acl"
        ) {
            return None;
        }
        let h = syn[x].head.filter(|&h| h >= s && h < e)?;
        if syn[h].upos == "VERB" {
            let aux = (s..e).filter(|&k| syn[k].head == Some(h) && syn[k].deprel == "aux");
            return aux.into_iter().find_map(|k| {
                if cue("future", k) {
                    Some(EventStatus::Planned)
                } else if cue("hypothetical", k) {
                    Some(EventStatus::Hypothetical)
                } else {
                    None
                }
            });
        }
        x = h;
    }
    None
}

/// "Russia's goal is the russification of Belarus, preventing the development of …": a nominal or gerund
/// event in the predicate of a clause whose subject is a noun of aim, need or risk (`modal_noun` in
/// words.txt) is only thought of.
fn aim_status(v: &View, lex: &Lexicon, s: usize, e: usize, word: usize) -> Option<EventStatus> {
    let syn = &v.doc.syntax;
    if !v.syntax || syn.len() < e {
        return None;
    }
    let mut x = word;
    for hop in 0..4 {
        let children = (s..e).filter(|&k| syn[k].head == Some(x));
        let (mut cop, mut aim) = (false, false);
        for k in children {
            cop |= syn[k].deprel == "cop";
            aim |= syn[k].deprel == "nsubj" && lex.modal_nouns.contains(v.lower[k].as_str());
        }
        if cop && aim {
            return Some(EventStatus::Hypothetical);
        }
        if hop == 3 || !matches!(&*syn[x].deprel, "advcl" | "acl" | "appos" | "conj") {
            return None;
        }
        x = syn[x].head.filter(|&h| h >= s && h < e)?;
    }
    None
}

/// Whether trigger `f`'s clause (starting at `cs`) is what a reporting or announcing verb says (its
/// complement in the parse: "Airbus said on Tuesday it would cut …"), or what a noun of saying or promising
/// says; unparsed, the clause right after such a verb ("said that …"). A verb of expectation ("predicted
/// that it would be profitable") is no report: its "would" stays a possibility.
fn reported_clause(v: &View, lex: &Lexicon, s: usize, cs: usize, f: &Found) -> bool {
    // Any inflection of a reporting or announcing verb (the view's cue flags).
    let reporting = |k: usize| v.flags[k] & (CUE_ANN | CUE_REP) != 0;
    let syn = &v.doc.syntax;
    // (A sentence the pipeline only tagged has no relations.)
    if v.parsed(f.head) && !syn[f.head].deprel.is_empty() {
        let mut h = f.head;
        for _ in 0..3 {
            match &*syn[h].deprel {
                "ccomp" => return syn[h].head.is_some_and(reporting),
                // "assurances from Russia that it would stop recruiting": a promise's content.
                "acl" => {
                    return syn[h].head.map(|n| v.lower[n].as_str()).is_some_and(|n| {
                        lex.saying_nouns.contains(n) || lex.commitment_nouns.contains(n)
                    })
                }
                "xcomp" | "conj" => match syn[h].head {
                    Some(up) => h = up,
                    None => return false,
                },
                _ => return false,
            }
        }
        return false;
    }
    // The verb before "that" or the clause's first word.
    (s..cs)
        .rev()
        .take(2)
        .find(|&k| v.lower[k] != "that")
        .is_some_and(reporting)
}

/// Whether reporting verb `i` has a complement of its own after it ("Under the agreement, Aer Lingus said
/// it will receive …"): then it reports that, not a trigger before it.
fn says_more(v: &View, e: usize, i: usize) -> bool {
    let syn = &v.doc.syntax;
    v.parsed(i)
        && (i + 1..e)
            .any(|k| syn[k].head == Some(i) && matches!(&*syn[k].deprel, "ccomp" | "parataxis"))
}

/// The status of trigger `f` from cues in its clause and sentence; returns (status, index of the
/// announcing/reporting verb).
pub(crate) fn status_of(
    v: &View,
    lex: &Lexicon,
    s: usize,
    e: usize,
    f: &Found,
) -> (EventStatus, Option<usize>) {
    let cs = clause_start(v, lex, s, f.start);

    let look_from = cs.max(f.start.saturating_sub(8));
    let has = |cat: &str, from: usize, to: usize| -> bool {
        let bit = cue_bit(cat);
        (from..to).any(|i| v.flags[i] & bit != 0)
    };
    // A nominal event is negated by a cue inside its own noun phrase ("no agreement"), not by one
    // governing the clause it sits in ("refused to meet the demands": the demands were made).
    let neg_from = if f.noun {
        look_from.max(f.start.saturating_sub(3))
    } else {
        look_from
    };
    let mut negated = has("negation", neg_from, f.start);
    if f.noun {
        // "talks were not held", "no agreement".
        let ce = clause_end(v, lex, e, f.end).min(f.end + 4);
        negated |= (f.end..ce).any(|i| matches!(v.lower[i].as_str(), "not" | "never" | "n't"));
        // "the deal has been rejected", "was cancelled": a passive of undoing right after the noun;
        // "the now-cancelled deal": the same word right before it.
        let ce = clause_end(v, lex, e, f.end).min(f.end + 5);
        negated |= (f.end..ce).any(|i| {
            v.flags[i] & CUE_CANCEL != 0
                && i > f.end
                && matches!(
                    v.lower[i - 1].as_str(),
                    "was" | "were" | "been" | "be" | "is" | "are" | "being"
                )
        });
        // "The Senate rejected the deal", "a bailout deal for the Big Three … has been rejected": the
        // object of an undoing verb, or the subject of its passive, however far apart in the text (the
        // window above looks a few words ahead); not when the undoing is itself denied ("was not rejected").
        let syn = &v.doc.syntax;
        negated |= v.parsed(f.head)
            && matches!(&*syn[f.head].deprel, "obj" | "nsubj:pass")
            && syn[f.head].head.is_some_and(|h| {
                h >= s
                    && h < e
                    && v.flags[h] & CUE_CANCEL != 0
                    && !(s..e).any(|k| syn[k].head == Some(h) && v.flags[k] & CUE_NEG != 0)
            });
        // Not across a preposition: "people are killed during protests" does not undo the protests.
        negated |= (f.start.saturating_sub(2).max(s)..f.start).any(|i| {
            let w = v.lower[i].as_str();
            let modifies =
                (i + 1..f.start).all(|k| !lex.prepositions.contains(v.lower[k].as_str()));
            (modifies && v.flags[i] & CUE_CANCEL != 0)
                || w.ends_with("-cancelled")
                || w.ends_with("-canceled")
                || w.ends_with("-scrapped")
        });
    }
    // A to-infinitive alone does not make an event future: MEANTIME's annotators mark many as occurred
    // ("it intends to purchase"), and treating every infinitive as future cut matched factuality on its dev
    // half from 89.3 to 85.1 %. Only the governors below make it future.
    let mut future = has("future", look_from, f.start) || has("planned", look_from, f.start);
    // The "to" of a to-infinitive trigger ("to supply"), also passive ("to be released").
    let to_at = if f.noun {
        None
    } else if f.start > s + 1 && v.lower[f.start - 1] == "to" {
        Some(f.start - 1)
    } else if f.start > s + 2 && v.lower[f.start - 1] == "be" && v.lower[f.start - 2] == "to" {
        Some(f.start - 2)
    } else {
        // "agreed to create a defence space and further strengthen cooperation": a verb coordinated with
        // a to-infinitive shares its "to".
        let syn = &v.doc.syntax;
        let mut h = f.head;
        let mut to = None;
        for _ in 0..3 {
            if !v.parsed(h) || syn[h].deprel != "conj" {
                break;
            }
            match syn[h].head.filter(|&x| x > s + 1 && x < f.start) {
                Some(up) if v.lower[up - 1] == "to" && syn[up].upos == "VERB" => {
                    to = Some(up - 1);
                    break;
                }
                Some(up) => h = up,
                None => break,
            }
        }
        to
    };
    if let Some(t) = to_at {
        // "a contract to supply", "an agreement (with X) to protect", "committed to support": the
        // infinitive after a prospective noun or adjective is still to come; so is a passive infinitive
        // ("to be released in mid-2011") unless obligation or appearance governs it ("had to be", "seemed to be").
        let from = cs.max(t.saturating_sub(6));
        let prospective = (from..t)
            .rev()
            .take_while(|&k| v.lower[k] != ",")
            .any(|k| v.flags[k] & CUE_PROSP != 0);
        let passive = t + 1 < f.start
            && !(t > s
                && matches!(
                    v.lower[t - 1].as_str(),
                    "had" | "has" | "have" | "used" | "needed" | "seemed" | "seems" | "appeared"
                ));
        // A headline's "X to do Y" ("GM to cut 10,000 jobs") announces what X will do.
        let headline = !matches!(v.lower[e - 1].as_str(), "." | "?" | "!" | "\"" | "''" | "”")
            && t > s
            && (v.is_cap(t - 1) || (v.parsed(t - 1) && matches!(v.upos(t - 1), "NOUN" | "PROPN")));
        if prospective || passive || headline {
            future = true;
        }
    }
    // A nominal event that a directive or commissive verb asks for or offers ("demanded the suspension",
    // "offers funding") has not happened yet.
    if f.noun
        && (cs.max(f.start.saturating_sub(4))..f.start)
            .any(|k| v.flags[k] & CUE_DIRECT != 0 && !(k + 1..f.start).any(|j| v.lower[j] == ","))
    {
        future = true;
    }
    let mut hypothetical = has("hypothetical", look_from, f.start);
    // "would like to thank" is a polite present, not a condition.
    if hypothetical
        && (look_from..f.start).all(|k| {
            !(v.flags[k] & CUE_HYP != 0)
                || (v.lower[k] == "would" && v.lower.get(k + 1).is_some_and(|w| w == "like"))
        })
    {
        hypothetical = false;
    }
    // "for fear of events similar to the protests after the 2020 election": what a thing is compared with
    // is known; a cue of possibility before the comparison reaches only the thing compared.
    if hypothetical && f.noun {
        let cue = (look_from..f.start)
            .rev()
            .find(|&k| v.flags[k] & CUE_HYP != 0);
        if cue.is_some_and(|c| {
            (c + 1..f.start).any(|k| lex.comparison_marks.contains(v.lower[k].as_str()))
        }) {
            hypothetical = false;
        }
    }
    // "Russia will continue to use Belarus …, accusing Western countries": a participle or infinitive
    // hung on a verb shares that verb's modal ("will" → future, "would"/"could" → possible), however far
    // back it is.
    if !f.noun && v.parsed(f.head) && matches!(v.xpos(f.head), "VBG" | "VB") {
        let syn = &v.doc.syntax;
        let mut h = f.head;
        for _ in 0..3 {
            if !matches!(&*syn[h].deprel, "advcl" | "xcomp" | "conj") {
                break;
            }
            let Some(up) = syn[h].head.filter(|&x| x >= s && x < e) else {
                break;
            };
            h = up;
            for k in s..e {
                if syn[k].head == Some(h) && syn[k].deprel == "aux" {
                    match v.lower[k].as_str() {
                        "will" | "'ll" | "shall" => future = true,
                        "would" | "could" | "may" | "might" => hypothetical = true,
                        _ => {}
                    }
                }
            }
        }
    }
    // "Q Does the United States support …?": a yes/no question asserts none of its verbs (a noun in it,
    // "Turkey's request", or an infinitive, "the decision to send", keeps its own status). A speaker
    // label ("Q", "MR. SULLIVAN:") may open it.
    if !f.noun && e > s && v.lower[e - 1] == "?" && !(f.start > s && v.lower[f.start - 1] == "to") {
        let label_end = (s..(s + 4).min(f.start))
            .find(|&k| v.lower[k] == ":")
            .map_or(s, |k| k + 1);
        let first = if v.lower[label_end] == "q" {
            label_end + 1
        } else {
            label_end
        };
        if first < f.start && lex.question_auxiliaries.contains(v.lower[first].as_str()) {
            hypothetical = true;
        }
    }
    if f.noun {
        // A nominal event that is the subject of a modal: "the cuts will be made", "the flight could be delayed".
        let ce = clause_end(v, lex, e, f.end).min(f.end + 3);
        for k in f.end..ce {
            match v.lower[k].as_str() {
                "will" | "'ll" | "shall" => future = true,
                "would" | "could" | "may" | "might" => hypothetical = true,
                _ => {}
            }
        }
    }
    // Announcing / reporting verbs in the sentence (not the trigger itself).
    let mut announce = None;
    let mut report = None;
    for i in s..e {
        if i >= f.start && i < f.end {
            continue;
        }
        let is = |cat: &str| v.flags[i] & cue_bit(cat) != 0;
        if v.syntax && !matches!(v.upos(i), "VERB" | "AUX" | "ADP" | "") {
            continue;
        }
        if v.is_cap(i) && i != s {
            continue;
        }
        let comma_between =
            i >= f.end && (f.end..i).any(|k| matches!(v.lower[k].as_str(), "," | ";"));
        // The announced event is in the announcing verb's object or "that" clause, within a few words.
        let governs = i < f.start
            && f.start - i <= 12
            && !(i + 1..f.start).any(|k| {
                let w = &v.lower[k];
                w != "that"
                    && (lex
                        .cue("boundary")
                        .iter()
                        .any(|p| p.len() == 1 && p[0] == *w)
                        || matches!(w.as_str(), "at" | "amid" | "amidst" | "in"))
            });
        if is("announce")
            && (governs
                || (i >= f.end
                    && !comma_between
                    && matches!(
                        v.lower[i - 1].as_str(),
                        "was" | "were" | "been" | "be" | "is" | "are"
                    )))
        {
            announce = Some(i);
        } else if is("report")
            && (i < f.start || (i >= f.end && i <= f.end + 6 && !says_more(v, e, i)))
            && report.is_none()
        {
            // "said" after the trigger clause ("…, officials said") also reports it.
            report = Some(i);
        }
    }
    // "said (that) the planes would meet …": "would" in reported speech is a future, not a condition, and
    // the saying is a statement of intent, dated by its verb ("said on Tuesday Russia would deploy").
    let mut reported_future = false;
    if hypothetical
        && (look_from..f.start).any(|k| v.lower[k] == "would")
        && !(look_from..f.start).any(|k| {
            matches!(
                v.lower[k].as_str(),
                "could" | "may" | "might" | "if" | "unless" | "possibly" | "probably"
            )
        })
        && reported_clause(v, lex, s, cs, f)
    {
        hypothetical = false;
        future = true;
        reported_future = true;
    }
    // "announced it has lost …": an announcement of something already done is a report of it.
    let past_complement = announce.is_some_and(|i| {
        i < f.start
            && ((i + 1..f.start)
                .any(|k| matches!(v.lower[k].as_str(), "has" | "have" | "had" | "was" | "were"))
                // "announced that it seeks $16.6 billion": a finite present-tense complement is a fact
                // the announcement reports.
                || (!f.noun
                    && to_at.is_none()
                    && !future
                    && !hypothetical
                    && (i + 1..f.start).any(|k| v.lower[k] == "that" || v.lower[k] == "it")
                    && v.lower[f.start].ends_with('s')
                    && !v.lower[f.start].ends_with("ss")))
    });
    if negated {
        (EventStatus::Negated, None)
    } else if past_complement {
        (EventStatus::Reported, announce)
    } else if let Some(a) = announce {
        // "announced that he will extend the curfew", "announced it is prepared to impose martial law": what
        // the announcement says will be done is planned (PLOVER: a statement of intent), dated by the
        // announcement.
        if a < f.start && (has("future", a + 1, f.start) || has("planned", a + 1, f.start)) {
            (EventStatus::Planned, announce)
        } else {
            (EventStatus::Announced, announce)
        }
    } else if hypothetical {
        (EventStatus::Hypothetical, None)
    } else if future {
        (EventStatus::Planned, report.filter(|_| reported_future))
    } else if report.is_some() {
        (EventStatus::Reported, report)
    } else {
        (EventStatus::Occurred, None)
    }
}

/// Timex value in TIMEX3 / range form.
fn timex_value(t: &dossier_model::Timex) -> String {
    match &t.range {
        Some(r) => format!("{}/{}", r.begin, r.end),
        None => t.value.clone(),
    }
}

fn is_dateish(t: &dossier_model::Timex) -> bool {
    matches!(t.kind, TimexType::Date | TimexType::Time)
        && t.value
            .as_bytes()
            .first()
            .is_some_and(|b| b.is_ascii_digit())
}

/// Runs the extractor over a document and returns its events.
/// Extraction options.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// Keep nominal events that have no participant, place or time of their own ("the talks", "cooperation").
    /// Off for the knowledge base (they are mostly references to events coded elsewhere); on for trigger
    /// evaluation.
    pub keep_bare_nominals: bool,
}

/// The contexts (`diplomatic`, `military`, …) that cue words and entity kinds give a sentence.
fn sentence_context(v: &View, lex: &Lexicon, sent: &Sentence) -> Vec<String> {
    let (s, e) = (sent.tokens.start, sent.tokens.end.min(v.lower.len()));
    let mut c: Vec<String> = Vec::new();
    for i in s..e {
        if let Some(x) = lex.context_cues.get(&v.lower[i]) {
            if !c.contains(x) {
                c.push(x.clone());
            }
        }
    }
    if !c.iter().any(|c| c == "military")
        && v.mentions_in(sent.span).any(|(_, k)| {
            matches!(
                v.doc.entities[k].kind.to_uppercase().as_str(),
                "WEAPON" | "FORMATION" | "EXERCISE"
            )
        })
    {
        c.push("military".into());
    }
    c
}

/// The triggers of one sentence. They depend on tags, lemmas and entities but not on dependencies, so
/// [`crate::sentences_to_parse`] can tell before parsing which sentences will have events.
fn sentence_triggers(v: &View, lex: &Lexicon, sent: &Sentence, contexts: &[String]) -> Vec<Found> {
    let (s, e) = (sent.tokens.start, sent.tokens.end.min(v.lower.len()));
    if s >= e || !crate::may_have_event(v.doc, sent) {
        return Vec::new();
    }
    find_triggers(v, lex, s, e, contexts)
}

/// What [`sentences_with_triggers`] computed for one document, kept for [`extract`] on the same thread:
/// the view's token tables and each sentence's contexts and triggers, none of which reads dependencies,
/// so parsing in between changes none of them.
struct Memo {
    /// [`inputs_key`] of the document they were computed from.
    key: u64,
    lower: Vec<String>,
    lemma: Vec<&'static str>,
    forms: Vec<&'static [String]>,
    designations: Vec<String>,
    flags: Vec<u16>,
    mentions: Vec<(Span, usize)>,
    contexts: Vec<Vec<String>>,
    founds: Vec<Vec<Found>>,
}

thread_local! {
    /// The memos of the documents selected last on this thread, oldest first: a pipeline that runs each
    /// component over a batch of documents selects them all before it codes any.
    static MEMOS: std::cell::RefCell<Vec<Memo>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Memos kept per thread (a batch's worth; older ones are recomputed if ever needed).
const MEMOS_MAX: usize = 64;

/// A hash of everything the view, the contexts and the triggers are computed from (text, token spans,
/// tags and lemmas, entity kinds and mention spans, sentence ranges), so a memo is used only for a document
/// with exactly the same inputs.
fn inputs_key(doc: &Document) -> u64 {
    struct H(u64);
    impl H {
        fn u(&mut self, x: u64) {
            self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
        fn bytes(&mut self, b: &[u8]) {
            let mut c = b.chunks_exact(8);
            for w in &mut c {
                self.u(u64::from_le_bytes(w.try_into().unwrap_or([0; 8])));
            }
            let mut last = [0u8; 8];
            last[..c.remainder().len()].copy_from_slice(c.remainder());
            self.u(u64::from_le_bytes(last) ^ (b.len() as u64) << 56);
        }
    }
    let mut h = H(0x51_7cc1_b727_220a);
    h.bytes(doc.text.as_bytes());
    h.u(doc.tokens.len() as u64);
    for t in &doc.tokens {
        h.u((t.span.start as u64) << 32 | t.span.end as u64);
    }
    h.u(doc.syntax.len() as u64);
    for t in &doc.syntax {
        h.bytes(t.upos.as_bytes());
        h.bytes(t.lemma.as_bytes());
    }
    h.u(doc.entities.len() as u64);
    for en in &doc.entities {
        h.bytes(en.kind.as_bytes());
        h.u(en.mentions.len() as u64);
        for m in &en.mentions {
            h.u((m.span.start as u64) << 32 | m.span.end as u64);
        }
    }
    h.u(doc.sentences.len() as u64);
    for st in &doc.sentences {
        h.u((st.tokens.start as u64) << 32 | st.tokens.end as u64);
        h.u((st.span.start as u64) << 32 | st.span.end as u64);
    }
    h.0
}

/// For each sentence of `doc`, whether it has an event trigger (see [`crate::sentences_to_parse`]). Keeps
/// what it computed for a following [`extract`] of the same document on this thread.
pub(crate) fn sentences_with_triggers(doc: &Document) -> Vec<bool> {
    let lex = Lexicon::get();
    // Most sentences fail the cheap form test; build the (costlier) view only if one passes.
    let candidates: Vec<bool> = doc
        .sentences
        .iter()
        .map(|s| crate::may_have_event(doc, s))
        .collect();
    if !candidates.contains(&true) {
        return candidates;
    }
    let v = View::new(doc, lex);
    let mut contexts = Vec::with_capacity(doc.sentences.len());
    let mut founds = Vec::with_capacity(doc.sentences.len());
    for (sent, c) in doc.sentences.iter().zip(candidates) {
        let ctx = sentence_context(&v, lex, sent);
        let (s, e) = (sent.tokens.start, sent.tokens.end.min(v.lower.len()));
        // As `sentence_triggers`, with the form test already done.
        founds.push(if c && s < e {
            find_triggers(&v, lex, s, e, &ctx)
        } else {
            Vec::new()
        });
        contexts.push(ctx);
    }
    let selected = founds.iter().map(|f| !f.is_empty()).collect();
    let View {
        lower,
        lemma,
        forms,
        designations,
        flags,
        mentions,
        ..
    } = v;
    let memo = Memo {
        key: inputs_key(doc),
        lower,
        lemma,
        forms,
        designations,
        flags,
        mentions,
        contexts,
        founds,
    };
    MEMOS.with(|m| {
        let mut memos = m.borrow_mut();
        if memos.len() >= MEMOS_MAX {
            memos.remove(0);
        }
        memos.push(memo);
    });
    selected
}

pub(crate) fn extract(doc: &Document, opts: Options) -> Vec<Event> {
    let lex = Lexicon::get();
    // The trigger finder's work, when it just ran on this document (the pipeline's parse filter).
    let key = inputs_key(doc);
    let memo = MEMOS.with(|m| {
        let mut memos = m.borrow_mut();
        let at = memos.iter().rposition(|m| m.key == key)?;
        Some(memos.remove(at))
    });
    let (v, mut memo_sentences) = match memo {
        Some(m) => (
            View {
                doc,
                lower: m.lower,
                lemma: m.lemma,
                forms: m.forms,
                designations: m.designations,
                syntax: !doc.syntax.is_empty() && doc.syntax.len() == doc.tokens.len(),
                flags: m.flags,
                mentions: m.mentions,
            },
            Some((m.contexts, m.founds)),
        ),
        None => (View::new(doc, lex), None),
    };
    let mut events: Vec<Event> = Vec::new();
    // Events whose parties were taken from earlier talks (a guess, so no ground for coreference).
    let mut borrowed_parties: Vec<usize> = Vec::new();
    let mut narrative: Option<String> = None;
    let mut recent: Vec<Arg> = Vec::new();
    // The actors and recipients of the last meeting or agreement, with its paragraph and sentence:
    // "Sullivan met Tsikhanouskaya. … They discussed …" — in the same paragraph, a few sentences on,
    // "they" are those parties, on the same sides.
    type Parties = (Vec<EventArgument>, Vec<EventArgument>);
    let mut last_parties: Option<(usize, usize, Parties)> = None;
    let dct = doc.meta.dct.value.clone();
    // The day of writing, when the document states it (not guessed from the dates the text mentions): the
    // day of what the text tells in the present.
    let today: Option<String> = dct
        .as_ref()
        .filter(|d| {
            d.len() >= 10
                && matches!(
                    doc.meta.dct.source,
                    dossier_model::DctSource::Given | dossier_model::DctSource::Header
                )
        })
        .map(|d| d[..10].to_string());
    for (si, sent) in doc.sentences.iter().enumerate() {
        let (s, e) = (sent.tokens.start, sent.tokens.end.min(doc.tokens.len()));
        if s >= e {
            continue;
        }
        // The block the sentence is in (blocks are in text order and do not overlap).
        let block_at = doc
            .blocks
            .partition_point(|b| b.span.end <= sent.span.start);
        let block = doc
            .blocks
            .get(block_at)
            .filter(|b| b.span.contains(sent.span))
            .map(|b| b.kind);
        let heading = block == Some(dossier_model::BlockKind::Heading);
        // A paragraph led by a topic's name and a colon ("Ukraine: In response to …" after a paragraph on
        // Transnistria in 1998) starts a new topic with no time of its own yet; a speaker's label in
        // capitals ("MR. SULLIVAN:") does not.
        let topic_lead = doc
            .blocks
            .get(block_at)
            .is_some_and(|b| b.span.start == sent.span.start)
            && (s + 1..e.min(s + 6))
                .find(|&k| v.lower[k] == ":")
                .is_some_and(|colon| {
                    (s..colon).all(|k| v.is_cap(k) || v.lower[k] == "/")
                        && (s..colon).any(|k| v.text(k).chars().skip(1).any(char::is_lowercase))
                });
        // A heading starts a new topic ("Russian invasion of Ukraine" in a news digest): the time of the
        // section before it does not carry over, only the document's year.
        if heading {
            narrative = dct.as_ref().and_then(|d| d.get(..4)).map(str::to_string);
        } else if topic_lead {
            narrative = None;
        }
        // A title or heading without a verb ("Israel–Hamas war", "Attacks on schools during the Israeli
        // invasion of Gaza") names a topic; the events are in the text under it. (A trigger found there as
        // a verb is a noun the window rules misread: the tagger found no verb.) Without tags this cannot be
        // told.
        // So does a paragraph that is one unpunctuated line too long for a heading ("Southern front of the
        // Russian invasion of Ukraine, Attacks on civilians in the Russian invasion of Ukraine").
        let label_line = block == Some(dossier_model::BlockKind::Paragraph)
            && doc.blocks[block_at].span == sent.span
            && !matches!(
                v.lower[e - 1].as_str(),
                "." | "!" | "?" | ":" | ";" | "\"" | "”" | "'" | "’" | ")"
            );
        let topic_label = (heading || block == Some(dossier_model::BlockKind::Title) || label_line)
            && (s..e).all(|k| v.parsed(k))
            && !(s..e).any(|k| matches!(v.upos(k), "VERB" | "AUX"));
        let args = find_args(&v, lex, s, e, &recent);
        let (contexts, founds) = match &mut memo_sentences {
            Some((c, f)) => (std::mem::take(&mut c[si]), std::mem::take(&mut f[si])),
            None => {
                let contexts = sentence_context(&v, lex, sent);
                let founds = sentence_triggers(&v, lex, sent, &contexts);
                (contexts, founds)
            }
        };
        let timexes: Vec<&dossier_model::Timex> = doc
            .timexes
            .iter()
            .filter(|t| sent.span.contains(t.span) && is_dateish(t))
            .collect();
        let tok_of = |pos: usize| doc.tokens[s..e].partition_point(|t| t.span.end <= pos) + s;
        let absorbed = object_events(&v, lex, &founds);
        // "Regular sessions are held twice a year": a frequency makes the sentence a rule, which has no
        // date of its own; neither the day of writing nor the story's date is its time.
        let habitual = doc
            .timexes
            .iter()
            .any(|t| t.kind == TimexType::Set && sent.span.contains(t.span));
        let tagged_verb = (s..e).any(|k| v.parsed(k) && v.upos(k) == "VERB");
        // The timex that dates the event whose trigger is token `i`: the nearest one, preferring
        // adverbials, and none that dates something else.
        // The timexes that may date the event whose trigger is token `i`, each with its distance (lower is
        // nearer; adverbials preferred).
        let dating_timexes = |i: usize| -> Vec<(usize, &dossier_model::Timex)> {
            timexes
                .iter()
                .filter_map(|t| {
                    let a = tok_of(t.span.start);
                    let b = tok_of(t.span.end.saturating_sub(1)) + 1;
                    let dist = if b <= i { i - b } else { a.saturating_sub(i) };
                    // "on 3 December" dates the clause; "signed the 1997 agreement" only names a thing,
                    // unless the thing is the event itself ("their Autumn meetings").
                    let prev = if a > s { v.lower[a - 1].as_str() } else { "" };
                    let determiner = matches!(
                        prev,
                        "the" | "a" | "an" | "its" | "their" | "this" | "'s" | "his" | "her"
                    );
                    // The preposition before "the 2020 election", if any.
                    let before_np = if determiner && a > s + 1 {
                        v.lower[a - 2].as_str()
                    } else {
                        ""
                    };
                    // "protests after the August 2020 election": a dated thing after a temporal
                    // preposition still places the event.
                    let temporal_np =
                        matches!(before_np, "after" | "before" | "following" | "during");
                    let modifier = determiner
                        && !temporal_np
                        && b < e
                        && b != i
                        && v.lower[b].chars().next().is_some_and(|c| c.is_alphabetic());
                    // "the first time … deployed abroad since 1996", "since the 2014 annexation": where a
                    // period starts or ends is not when the event happens.
                    let bound =
                        lex.period_bound.contains(prev) || lex.period_bound.contains(before_np);
                    // "arrest Kayishema, who was indicted … in 2001": a relative clause after the trigger
                    // dates its own verb, unless it tells when the trigger's event took place.
                    let relative = a > i
                        && (i..a).any(|k| lex.relative_pronouns.contains(v.lower[k].as_str()))
                        && !(v.upos(i) == "NOUN"
                            && (a.saturating_sub(4).max(i)..a)
                                .any(|k| lex.occurrence.contains(v.lower[k].as_str())));
                    // The timex's own head word in the parse (its other words hang on it).
                    let top = v.parsed(a).then(|| {
                        (a..b)
                            .find(|&k| v.doc.syntax[k].head.is_none_or(|h| h < a || h >= b))
                            .unwrap_or(a)
                    });
                    // The words above `k` in the parse, nearest first, while inside the sentence.
                    let heads_above = |k: usize| {
                        std::iter::successors(Some(k), |&x| {
                            v.doc.syntax[x].head.filter(|&h| h >= s && h < e)
                        })
                        .skip(1)
                    };
                    // "preventing …, for fear of events similar to the protests after the August 2020
                    // election": a date after another event's trigger is that event's (up the parse from
                    // the timex: another event noun before a verb or the trigger).
                    let behind_other = a > i
                        && top.is_some_and(|k| {
                            heads_above(k)
                                .take(6)
                                .take_while(|&h| h != i && v.upos(h) != "VERB")
                                .any(|h| {
                                    founds.iter().enumerate().any(|(oi, o)| {
                                        o.noun && o.head == h && absorbed[oi].is_none()
                                    })
                                })
                        });
                    // "accepts the U.S. as a member after it withdrew from the organisation in 2018": a
                    // date after the trigger in a clause marked as earlier or later is that clause's verb's.
                    let other_time_clause = a > i
                        && top.is_some_and(|k| {
                            heads_above(k)
                                .take(6)
                                .take_while(|&h| h != i)
                                .find(|&h| v.upos(h) == "VERB")
                                .is_some_and(|h| {
                                    h > i
                                        && (s..e).any(|m| {
                                            v.doc.syntax[m].head == Some(h)
                                                && v.doc.syntax[m].deprel == "mark"
                                                && lex.sequence_marks.contains(v.lower[m].as_str())
                                        })
                                })
                        });
                    // "Under the agreement, Aer Lingus said it will receive six aircraft from 2009 to
                    // 2011": a date in a complement clause is that clause's, not that of an event outside it.
                    let other_complement = top.is_some_and(|k| {
                        std::iter::once(k)
                            .chain(heads_above(k))
                            .take(6)
                            .take_while(|&x| x != i)
                            .find(|&x| v.doc.syntax[x].deprel == "ccomp")
                            .is_some_and(|c| {
                                !std::iter::once(i)
                                    .chain(heads_above(i))
                                    .take(8)
                                    .any(|x| x == c)
                            })
                    });
                    // "on the anniversary of the election of August 9, 2020": a date after "of" names
                    // the thing before it, unless that is the event ("the protests of August 2020").
                    let of_other = prev == "of" && a >= s + 2 && a - 2 != i;
                    // "2023 was declared the year of the Russian language": a date as subject or object is
                    // what the clause is about, not when anything happens; but "Tomorrow will be the first
                    // meeting": the subject of the event noun itself is its date.
                    let argument = top.is_some_and(|k| {
                        v.doc.syntax[k].head != Some(i)
                            && matches!(
                                &*v.doc.syntax[k].deprel,
                                "nsubj" | "nsubj:pass" | "obj" | "iobj"
                            )
                    });
                    // "insisted that the union agree to increase wage cuts by next year": a date after an
                    // infinitive that follows the trigger is the infinitive's.
                    let infinitive = a > i
                        && (i + 1..a.saturating_sub(1))
                            .any(|k| v.lower[k] == "to" && v.xpos(k + 1) == "VB");
                    if modifier
                        || bound
                        || relative
                        || behind_other
                        || other_time_clause
                        || other_complement
                        || of_other
                        || argument
                        || infinitive
                    {
                        return None;
                    }
                    let adverbial = a == s
                        || matches!(prev, "on" | "in" | "at" | "during" | "by" | "from" | ",");
                    Some((dist + if adverbial { 0 } else { 3 }, *t))
                })
                .collect()
        };
        let nearest_timex = |i: usize| -> Option<&dossier_model::Timex> {
            dating_timexes(i)
                .into_iter()
                .min_by_key(|(score, _)| *score)
                .map(|(_, t)| t)
        };
        let mut sentence_time_used: Option<String> = None;
        // Dates of background clauses, not candidates for the story's time.
        let mut background_times: Vec<String> = Vec::new();
        // (found index, event index) of the events kept for this sentence.
        let mut kept: Vec<(usize, usize)> = Vec::new();
        // "Three people are killed by heavy snow", "… injured in a train crash", "A blizzard kills …":
        // casualties of a disaster or an accident, when the sentence names no attack.
        let casualty = |f: &Found| casualty_verb(&v, lex, f);
        let accident = founds.iter().any(casualty)
            && !founds
                .iter()
                .any(|f| f.noun && lex.triggers[f.trigger].event_type == "ASSAULT")
            && (s..e).any(|k| {
                // The tagger's lemma too: the lexicon knows only trigger words ("crashes" → crash).
                lex.accidents.contains(v.lower[k].as_str())
                    || lex.accidents.contains(v.lemma[k])
                    || v.doc
                        .syntax
                        .get(k)
                        .is_some_and(|t| lex.accidents.contains(t.lemma.as_str()))
            });
        for (fi, f) in founds.iter().enumerate() {
            // A participle between a determiner and its noun ("the increasing number of drills", "visited
            // jailed Myanmar democracy leader …") describes the noun; it is no event. (The word before,
            // which cannot precede a main verb, guards against a main verb the parser misread.)
            let adjectival = !f.noun
                && v.parsed(f.head)
                && v.doc.syntax[f.head].deprel == "amod"
                && matches!(v.xpos(f.head), "VBG" | "VBN")
                && v.doc.syntax[f.head]
                    .head
                    .is_some_and(|h| h > f.head && h <= f.head + 4)
                && f.head > s
                && (matches!(v.upos(f.head - 1), "DET" | "PRON" | "ADP")
                    || v.xpos(f.head - 1) == "VBD");
            // "cooperation … is strengthening": a verb without an object whose subject is an event noun
            // tells how that event changes; it is no event of its own.
            let of_event_noun = !f.noun && v.parsed(f.head) && {
                let deps = || (s..e).filter(|&k| v.doc.syntax[k].head == Some(f.head));
                !deps().any(|k| matches!(&*v.doc.syntax[k].deprel, "obj" | "ccomp" | "xcomp"))
                    && deps().any(|k| {
                        v.doc.syntax[k].deprel == "nsubj"
                            && founds.iter().any(|n| n.noun && n.head == k)
                    })
            };
            // "a one-day warning strike", "a protest march": an event noun modifying another is part of
            // that one's name.
            let modifies_event = f.noun
                && v.parsed(f.head)
                && v.doc.syntax[f.head].deprel == "compound"
                && v.doc.syntax[f.head]
                    .head
                    .is_some_and(|h| founds.iter().any(|n| n.noun && n.head == h));
            let t = &lex.triggers[f.trigger];
            let unmet_condition = v.parsed(f.head)
                && ((t.requires(PARTY) && !party_object(&v, lex, s, e, f.head))
                    || (t.requires(CONTENT) && !has_content(&v, s, e, f.head))
                    || (t.requires(OBJECT)
                        && !(v.doc.syntax[f.head].deprel == "acl" && v.xpos(f.head) == "VBN")
                        && !(s..e).any(|k| {
                            v.doc.syntax[k].head == Some(f.head)
                                && matches!(&*v.doc.syntax[k].deprel, "obj" | "iobj" | "nsubj:pass")
                        })));
            if topic_label
                || adjectival
                || of_event_noun
                || modifies_event
                || absorbed[fi].is_some()
                || unmet_condition
                || (accident && casualty(f))
            {
                continue;
            }
            let prev_verb_end = founds[..fi]
                .iter()
                .rev()
                .find(|p| lex.triggers[p.trigger].pos == TriggerPos::Verb)
                .map(|p| p.end)
                .unwrap_or(s);
            let next_trigger = founds.get(fi + 1).map(|n| n.start).unwrap_or(e);
            let speech = t.requires(SPEECH);
            let ctx = RoleCtx {
                s,
                e,
                f,
                args: &args,
                prev_verb_end,
                next_trigger,
            };
            let roles = if let Some(r) = speech.then(|| roles_speech(&v, s, f, &args)).flatten() {
                r
            } else if v.parsed(f.head) {
                roles_syntax(&v, lex, &ctx)
            } else {
                roles_window(&v, lex, &ctx)
            };
            let (actor_args, recipient_args) = with_inferred_countries(&v, &args, s, e, f, &roles);
            let mut actors = Vec::new();
            for a in &actor_args {
                to_event_args(&v, a, &mut actors);
            }
            let mut recipients = Vec::new();
            for a in &recipient_args {
                to_event_args(&v, a, &mut recipients);
            }
            let recent_parties = last_parties
                .as_ref()
                .filter(|(b, at, _)| *b == block_at && si - at <= 4)
                .map(|(_, _, p)| p);
            if roles.actor_elsewhere && actors.is_empty() {
                if let Some((a, r)) = recent_parties {
                    actors = a.clone();
                    if recipients.is_empty() {
                        recipients = r.clone();
                    }
                }
            }
            // "Putin paid his first visit to Minsk … on that same day, consultations of foreign ministers and
            // defence ministers were also held": office holders of no named country, meeting just after
            // another meeting, are those of that meeting's countries.
            let offices: Vec<&Arg> = actor_args
                .iter()
                .filter(|a| {
                    a.bare_agent && a.country.is_none() && a.entity.is_none() && a.sector.is_some()
                })
                .collect();
            if actors.is_empty()
                && recipients.is_empty()
                && !offices.is_empty()
                && type_listed(&lex.between_parties_types, &t.event_type)
            {
                if let Some((a, r)) = recent_parties {
                    let mut countries: Vec<&String> = Vec::new();
                    for c in a.iter().chain(r).filter_map(|x| x.country.as_ref()) {
                        if !countries.contains(&c) {
                            countries.push(c);
                        }
                    }
                    for o in &offices {
                        // With the modifier the agent phrase left out ("foreign ministers").
                        let start = if o.start > s
                            && v.parsed(o.start - 1)
                            && matches!(&*v.doc.syntax[o.start - 1].deprel, "amod" | "compound")
                            && v.doc.syntax[o.start - 1]
                                .head
                                .is_some_and(|h| h >= o.start && h < o.end)
                        {
                            o.start - 1
                        } else {
                            o.start
                        };
                        let span = v.span(start, o.end);
                        for &c in &countries {
                            actors.push(EventArgument {
                                span,
                                entity: None,
                                name: v.doc.slice(span).to_string(),
                                country: Some(c.clone()),
                                sector: o.sector.clone(),
                            });
                        }
                    }
                }
            }
            // "Then, on 26-27 December in Saint Petersburg, … negotiations continued": talks that name no
            // party, just after talks between parties, are between the same parties.
            let mut borrowed = false;
            if actors.is_empty()
                && recipients.is_empty()
                && actor_args.is_empty()
                && recipient_args.is_empty()
                && f.noun
                && type_listed(&lex.between_parties_types, &t.event_type)
            {
                if let Some((a, r)) = recent_parties {
                    actors = a.clone();
                    recipients = r.clone();
                    borrowed = true;
                }
            }
            recipients.retain(|r| {
                !actors.iter().any(|a| {
                    // "the Albanians of southern Serbia … from Serbian authorities": a group of the actor's
                    // country under another name is a recipient of its own (PLOVER's domestic events).
                    (a.entity.is_some()
                        && a.entity == r.entity
                        && (a.name == r.name || a.span == r.span))
                        || (a.name == r.name && a.country == r.country)
                })
            });
            // A complaint aims at whoever did what it is about: "protest against the violations by Algerian
            // security forces" → DZA (the agent in its "against / over / at / about / of / into" phrase).
            if matches!(t.event_type.as_str(), "ACCUSE" | "PROTEST") {
                let stop = (f.end..(f.end + 14).min(e))
                    .find(|&k| {
                        v.flags[k] & CUE_BOUND != 0
                            || matches!(
                                v.lower[k].as_str(),
                                "," | ";" | "--" | "that" | "which" | "who" | "."
                            )
                    })
                    .unwrap_or((f.end + 14).min(e));
                let about = (f.end..stop).find(|&k| {
                    matches!(
                        v.lower[k].as_str(),
                        "against" | "over" | "at" | "about" | "of" | "into"
                    )
                });
                let agent = about
                    .and_then(|a0| (a0 + 1..stop).find(|&k| v.lower[k] == "by"))
                    .and_then(|by| {
                        args.iter().find(|a| {
                            (a.start == by + 1 || (a.start == by + 2 && v.lower[by + 1] == "the"))
                                && a.country.is_some()
                                && a.members.is_empty()
                        })
                    });
                if let Some(a) = agent {
                    let mut out = Vec::new();
                    to_event_args(&v, a, &mut out);
                    if !out.is_empty() {
                        // The agent of the complained-about act is no actor of the complaint.
                        actors.retain(|x| x.span != out[0].span);
                        recipients = out;
                    }
                }
            }
            // A visit's host is the country of the visited place.
            let location = roles.location.map(|i| args[i].name.clone());
            let location_country = roles.location.and_then(|i| args[i].country.clone());
            if t.mode.as_deref() == Some("visit") && recipients.is_empty() {
                if let Some(i) = roles.location {
                    let a = &args[i];
                    if a.country.is_some() && !actors.iter().any(|x| x.country == a.country) {
                        recipients.push(EventArgument {
                            span: v.span(a.start, a.end),
                            entity: a.entity.clone(),
                            name: a.name.clone(),
                            country: a.country.clone(),
                            sector: Some("GOV".into()),
                        });
                    }
                }
            }
            let (mut status, cue) = if speech {
                // The statement is the demand itself.
                (EventStatus::Occurred, None)
            } else {
                status_of(&v, lex, s, e, f)
            };
            if (f.noun || v.xpos(f.head) == "VBG")
                && status == EventStatus::Occurred
                && cue.is_none()
            {
                if let Some(st) = governor_status(&v, lex, s, e, f.head)
                    .or_else(|| aim_status(&v, lex, s, e, f.head))
                {
                    status = st;
                }
            }
            // "the importance of protecting transport routes": a gerund after a noun of need, aim or risk
            // and "of" is only thought of.
            if status == EventStatus::Occurred
                && v.xpos(f.start) == "VBG"
                && f.start >= s + 2
                && v.lower[f.start - 1] == "of"
                && lex.modal_nouns.contains(v.lower[f.start - 2].as_str())
            {
                status = EventStatus::Hypothetical;
            }
            let reported_by = cue.and_then(|c| {
                args.iter()
                    .filter(|a| a.end <= c && !a.place && a.members.is_empty())
                    .last()
                    .map(|a| a.entity.clone().unwrap_or_else(|| a.name.clone()))
            });
            // Time.
            let mut time = None;
            let mut time_source = None;
            let mut announced = None;
            // A year inside the event's name ("Zapad 2023 drills").
            let name_year = (f.start.saturating_sub(2).max(s)..f.start).find(|&k| {
                let w = v.text(k);
                w.len() == 4
                    && (w.starts_with("19") || w.starts_with("20"))
                    && w.chars().all(|c| c.is_ascii_digit())
            });
            // "the 1997 agreement": a document concluded in an earlier year, only referred to here.
            if let Some(y) = name_year.filter(|_| f.noun) {
                let reference = dct
                    .as_deref()
                    .or(narrative.as_deref())
                    .and_then(|d| d.get(..4));
                let artifact = t.words.last().is_some_and(|w| lex.artifacts.contains(w));
                if artifact && reference.is_some_and(|r| v.text(y) < r) {
                    continue;
                }
            }
            if status == EventStatus::Announced || (status == EventStatus::Planned && cue.is_some())
            {
                let c = cue.unwrap_or(f.start);
                // "announced that drills will take place in May 2023": a date after the announced event's
                // trigger is that event's, not the announcement's.
                let in_complement = |t: &dossier_model::Timex| {
                    let at = tok_of(t.span.start);
                    c < f.start
                        && at >= f.end
                        && !(f.end..at).any(|k| matches!(v.lower[k].as_str(), "," | ";"))
                };
                // "Putin announces that …": an announcement in the present is of the day of writing.
                let present_cue = cue.is_some() && matches!(v.xpos(c), "VBZ" | "VBP");
                announced = nearest_timex(c)
                    .filter(|t| name_year.is_none_or(|y| !t.span.contains(doc.tokens[y].span)))
                    .filter(|t| !in_complement(t))
                    .map(timex_value)
                    .or_else(|| today.clone().filter(|_| present_cue))
                    .or_else(|| narrative.clone());
                if let Some(y) = name_year {
                    time = Some(v.text(y).to_string());
                    time_source = Some("trigger".to_string());
                } else if let Some((_, tx)) = dating_timexes(f.head)
                    .into_iter()
                    .filter(|(_, t)| {
                        Some(timex_value(t)) != announced && !t.span.contains(doc.tokens[c].span)
                    })
                    .min_by_key(|(score, _)| *score)
                {
                    time = Some(timex_value(tx));
                    time_source = Some("sentence".into());
                }
            } else if let Some(y) = name_year.filter(|_| t.pos == TriggerPos::Noun) {
                time = Some(v.text(y).to_string());
                time_source = Some("trigger".to_string());
            } else if let Some(tx) = nearest_timex(f.head) {
                time = Some(timex_value(tx));
                time_source = Some("sentence".into());
            }
            // A modifier can change what a noun trigger means ("propaganda attacks" are accusations). A
            // one-word verb trigger after such a modifier is that noun mistagged ("the biggest cyber
            // attack … ever seen", attack tagged VERB).
            let event_type = ((f.noun || f.end == f.start + 1) && f.start > s)
                .then(|| {
                    let key = (v.lower[f.start - 1].clone(), t.words.last()?.clone());
                    lex.retype.get(&key).cloned()
                })
                .flatten()
                .or_else(|| {
                    // "… are killed in an Israeli strike": a strike that kills is an attack, not a
                    // walkout.
                    let walkout = t.event_type == "PROTEST" && t.mode.as_deref() == Some("strike");
                    (walkout && f.noun && (s..e).any(|k| lex.casualty.contains(v.lemma[k])))
                        .then(|| "ASSAULT".to_string())
                })
                .unwrap_or_else(|| t.event_type.clone());
            if event_type == crate::lexicon::NO_EVENT {
                continue;
            }
            let retyped = event_type != t.event_type;
            let ev_type_for_cameo = event_type.clone();
            // "ethnic Albanians in Serbia", "the Albanian population of the province": an ethnic group is
            // coded by the country it lives in, the event's place, not by the country its name evokes.
            if let Some(lc) = &location_country {
                for r in actors.iter_mut().chain(recipients.iter_mut()) {
                    if r.country.is_none() || r.country.as_deref() == Some(lc.as_str()) {
                        continue;
                    }
                    let a = v.doc.tokens.partition_point(|x| x.span.end <= r.span.start);
                    let b = v.doc.tokens.partition_point(|x| x.span.start < r.span.end);
                    let ethnic = (a.saturating_sub(2).max(s)..b.min(e))
                        .any(|k| v.lower[k] == "ethnic")
                        || (b < e
                            && matches!(
                                v.lower[b].as_str(),
                                "population"
                                    | "populations"
                                    | "minority"
                                    | "minorities"
                                    | "community"
                                    | "communities"
                            ));
                    if ethnic {
                        r.country = Some(lc.clone());
                    }
                }
            }
            // "launched an offensive": the verb's event, told by its object noun of the same type, takes
            // the noun's mode when it has none.
            let object_mode = || {
                let o = absorbed.iter().position(|&a| a == Some(fi))?;
                lex.triggers[founds[o].trigger].mode.clone()
            };
            let mut ev = Event {
                span: v.span(f.start, f.end),
                event_type,
                mode: t.mode.clone().or_else(object_mode).filter(|_| !retyped),
                context: contexts
                    .iter()
                    .find(|c| {
                        !type_listed(&lex.meeting_types, &t.event_type) || c.as_str() != "military"
                    })
                    .cloned()
                    .or_else(|| t.context.clone().filter(|_| !retyped)),
                actors,
                recipients,
                location,
                location_country,
                time,
                time_source,
                status,
                announced,
                reported_by,
                cameo: if retyped {
                    crate::lexicon::cameo_root(&ev_type_for_cameo).map(str::to_string)
                } else {
                    Some(t.cameo.clone())
                },
            };
            // Future time → planned.
            if ev.status == EventStatus::Occurred {
                if let (Some(tm), Some(d)) = (&ev.time, &dct) {
                    if tm.get(..4) > d.get(..4) {
                        ev.status = EventStatus::Planned;
                    }
                }
            }
            let definite = t.pos == TriggerPos::Noun
                && (f.start.saturating_sub(4).max(s)..f.start).any(|k| {
                    matches!(
                        v.lower[k].as_str(),
                        "the" | "this" | "that" | "these" | "those" | "'s" | "its" | "their"
                    )
                });
            if ev.time.is_none() && definite {
                // Coreference: an earlier mention of the same event (type, mode, shared participant or place).
                // A demonstrative without a mode points back at any mode ("that meeting" after "a visit");
                // "the meeting with Putin" may be another meeting.
                let demonstrative = f.start > s
                    && matches!(
                        v.lower[f.start - 1].as_str(),
                        "this" | "that" | "these" | "those"
                    );
                // "During the meeting with Putin, Lukashenka declared": the subject of the clause the event
                // noun is an adverbial of took part in it; an earlier event without that participant is
                // another one (the meeting Putin had with someone else).
                let host_subject = v
                    .parsed(f.head)
                    .then(|| &v.doc.syntax[f.head])
                    .filter(|t| t.deprel == "obl")
                    .and_then(|t| t.head)
                    .and_then(|h| {
                        (s..e).find(|&k| {
                            v.doc.syntax[k].head == Some(h) && v.doc.syntax[k].deprel == "nsubj"
                        })
                    })
                    .and_then(|k| args.iter().find(|a| a.start <= k && k < a.end))
                    .filter(|a| a.entity.is_some());
                let same = events.iter().enumerate().rev().find_map(|(pi, p)| {
                    let shares_party = !borrowed_parties.contains(&pi)
                        && ev.actors.iter().chain(&ev.recipients).any(|a| {
                            p.actors.iter().chain(&p.recipients).any(|b| {
                                (a.entity.is_some() && a.entity == b.entity) || a.name == b.name
                            })
                        });
                    let fits = host_subject.is_none_or(|h| {
                        p.actors
                            .iter()
                            .chain(&p.recipients)
                            .any(|x| x.entity == h.entity || x.name == h.name)
                    }) && p.event_type == ev.event_type
                        && (p.mode == ev.mode || (ev.mode.is_none() && demonstrative))
                        && p.time_source.as_deref() == Some("sentence")
                        && (ev.location.is_some() && p.location == ev.location || shares_party);
                    fits.then_some(p)
                });
                if let Some(p) = same {
                    ev.time = p.time.clone();
                    ev.time_source = Some("coreference".into());
                    if ev.location.is_none() {
                        ev.location = p.location.clone();
                    }
                }
            }
            // A news report's present tense, active or passive, is the day of the report ("Turkey
            // freezes the assets …", "three Palestinians are killed …"), whatever date the story before
            // it was about.
            // The verb whose tense tells when: the trigger itself, or for an event noun the verb it is an
            // argument of ("Heavy fighting continues in Bakhmut", "… are killed in an operation").
            let tensed = if f.noun {
                governing_verb(&v, s, e, f.head)
            } else {
                Some(f.head)
            };
            // The participle's auxiliary, "is/are" (present passive) or "has/have" (present perfect),
            // at most one adverb before it ("have already signed").
            let participle_after = |aux: &[&str]| {
                tensed.is_some_and(|h| {
                    v.xpos(h) == "VBN"
                        && (s..h)
                            .rev()
                            .take(2)
                            .take_while(|&k| {
                                aux.contains(&v.lower[k].as_str()) || v.upos(k) == "ADV"
                            })
                            .any(|k| aux.contains(&v.lower[k].as_str()))
                })
            };
            // A present perfect before any date has been set is the news of the day ("AirTanker have
            // signed a 27-year contract"); later in a story it is an earlier event, left to the narrative.
            let lead_perfect = narrative.is_none() && participle_after(&["has", "have", "'ve"]);
            // A base form with a subject and no auxiliary or "to" is a present the tagger misread
            // ("Russia and Belarus sign an agreement", sign/VB).
            let bare_finite = |h: usize| {
                v.xpos(h) == "VB"
                    && v.parsed(h)
                    && (s..e).any(|k| {
                        v.doc.syntax[k].head == Some(h)
                            && v.doc.syntax[k].deprel.starts_with("nsubj")
                    })
                    && !(s..e).any(|k| {
                        v.doc.syntax[k].head == Some(h)
                            && matches!(&*v.doc.syntax[k].deprel, "aux" | "aux:pass" | "mark")
                    })
            };
            // In a sentence the tagger found no verb in ("A Russian missile strike kills four civilians",
            // kills/NNS), the trigger the window rules read as a verb is a present when it has the -s of
            // one.
            let untagged_present = !f.noun
                && !tagged_verb
                && v.lower[f.head].ends_with('s')
                && is_inflected(&v.lower[f.head], &lex.triggers[f.trigger].words[0]);
            let present = untagged_present
                || tensed.is_some_and(|h| matches!(v.xpos(h), "VBZ" | "VBP") || bare_finite(h));
            let reported_today = match ev.status {
                EventStatus::Occurred => {
                    present || participle_after(&["is", "are"]) || lead_perfect
                }
                // What a report says is so now ("announced that it seeks $16.6 billion").
                EventStatus::Reported => present,
                _ => false,
            };
            if ev.time.is_none() && reported_today && !habitual {
                if let Some(d) = &today {
                    ev.time = Some(d.clone());
                    ev.time_source = Some("document".into());
                }
            }
            if ev.time.is_none() && !habitual {
                if matches!(ev.status, EventStatus::Occurred | EventStatus::Reported) {
                    if let Some(n) = &narrative {
                        ev.time = Some(n.clone());
                        ev.time_source = Some("narrative".into());
                    }
                }
            }
            // "the 28 programmes signed in November 2021", "the treaty, which was signed in 1997": a verb
            // heading a clause that describes a noun is background, and its date does not move the story.
            let background = !f.noun
                && v.parsed(f.head)
                && match &*v.doc.syntax[f.head].deprel {
                    "acl:relcl" => true,
                    "acl" => v.xpos(f.head) == "VBN",
                    _ => false,
                };
            if ev.time_source.as_deref() == Some("sentence") {
                if background {
                    background_times.extend(ev.time.clone());
                } else if ev.status == EventStatus::Occurred {
                    sentence_time_used = ev.time.clone();
                }
            }
            if ev.status == EventStatus::Announced && sentence_time_used.is_none() {
                sentence_time_used = ev.announced.clone();
            }
            let bare = t.pos == TriggerPos::Noun
                && ev.actors.is_empty()
                && ev.recipients.is_empty()
                && ev.location.is_none()
                && ev.time_source.as_deref() != Some("sentence")
                && ev.time_source.as_deref() != Some("trigger");
            if !(bare && !opts.keep_bare_nominals) {
                if type_listed(&lex.between_parties_types, &ev.event_type)
                    && ev.actors.len() + ev.recipients.len() >= 2
                {
                    let parties = (ev.actors.clone(), ev.recipients.clone());
                    last_parties = Some((block_at, si, parties));
                }
                if borrowed {
                    borrowed_parties.push(events.len());
                }
                kept.push((fi, events.len()));
                events.push(ev);
            }
        }
        retarget_to_object_events(&v, lex, &founds, &kept, &mut events);
        one_assault_per_incident(&v, lex, (s, e), &founds, &mut kept, &mut events);
        // Narrative time for later sentences. A topic label's year or years are the topic's ("2022–2023
        // western Russia attacks"), too wide to date the story under it; its day is the story's ("Tornado
        // outbreak of March 24–25, 2023").
        if let Some(t) = sentence_time_used {
            narrative = Some(t);
        } else if let Some(t) = timexes.iter().find(|t| {
            let val = timex_value(t);
            let at = tok_of(t.span.start);
            (!topic_label || crate::merge::precise(Some(&val)))
                && !background_times.contains(&val)
                && dct.as_ref().is_none_or(|d| val.get(..4) <= d.get(..4))
                && !(at > s + 1 && v.is_cap(at - 1) && val.len() == 4)
                // "deployed abroad since 1996": where a period starts or ends is not when the story is.
                && !(at > s && lex.period_bound.contains(v.lower[at - 1].as_str()))
        }) {
            narrative = Some(timex_value(t));
        }
        for a in args {
            if a.members.is_empty() {
                recent.push(a);
            } else {
                recent.extend(a.members.clone());
            }
        }
        if recent.len() > 50 {
            recent.drain(..recent.len() - 50);
        }
    }
    events
}

/// For each found trigger, the verb trigger it is the object of, when both are of one type: "signed an
/// agreement", "an agreement was signed", "ratified the treaty" each tell of one event, the verb's (which
/// has the tense, the mood and the parties). A verb of talking about something ("discussed the cancelled
/// talks", `[topic_verb]`) has its object as a topic, another event. Needs the parse.
fn object_events(v: &View, lex: &Lexicon, founds: &[Found]) -> Vec<Option<usize>> {
    let ty = |f: &Found| &lex.triggers[f.trigger].event_type;
    founds
        .iter()
        .map(|n| {
            if !n.noun || !v.parsed(n.head) {
                return None;
            }
            let t = &v.doc.syntax[n.head];
            if !matches!(&*t.deprel, "obj" | "nsubj:pass") {
                return None;
            }
            let h = t.head?;
            founds.iter().position(|f| {
                !f.noun
                    && f.head == h
                    && ty(f) == ty(n)
                    && !lex.topic_verbs.contains(v.lemma[f.head])
            })
        })
        .collect()
}

/// Whether token `k` is a one-word noun trigger, of type `event_type` when given (the object of a verb of
/// that type is the event itself, not a party to it).
fn event_noun_of_type(v: &View, lex: &Lexicon, k: usize, event_type: Option<&str>) -> bool {
    lex.by_first.get(v.lemma[k]).is_some_and(|ix| {
        ix.iter().any(|&x| {
            let t = &lex.triggers[x];
            t.pos == TriggerPos::Noun
                && t.words.len() == 1
                && event_type.is_none_or(|ty| t.event_type == ty)
        })
    })
}

/// The verb an event noun at token `k` is the subject or an oblique of (or a noun coordinated with one):
/// "Heavy fighting continues", "… are killed in an operation". Not an object: what a present verb acts on
/// ("condemns the attack", "investigates the bombing") may have happened days before.
fn governing_verb(v: &View, s: usize, e: usize, k: usize) -> Option<usize> {
    let mut at = k;
    for _ in 0..3 {
        if !v.parsed(at) {
            return None;
        }
        let t = &v.doc.syntax[at];
        let rel = t.deprel.split(':').next().unwrap_or("");
        if !matches!(rel, "nsubj" | "obl" | "conj") {
            return None;
        }
        let h = t.head.filter(|&h| h >= s && h < e)?;
        match v.upos(h) {
            "VERB" => return Some(h),
            "NOUN" | "PROPN" => at = h,
            _ => return None,
        }
    }
    None
}

/// Whether a found trigger is a verb of death or injury ("killed", "injured", `words.txt` `[casualty]`).
fn casualty_verb(v: &View, lex: &Lexicon, f: &Found) -> bool {
    !f.noun && lex.casualty.contains(v.lemma[f.start])
}

/// "Two people are killed and six others are wounded in a shooting", "… are killed in an Israeli
/// airstrike": the casualty verbs of a sentence report one incident, which PLOVER codes once. When the
/// sentence names the attack itself and the casualty verbs are passive (their subjects are the victims,
/// the attack's words name the attacker), the attack stands for it; otherwise the first casualty verb does
/// ("bombers killed 23 people … in the second-worst attack": the verb has both sides).
fn one_assault_per_incident(
    v: &View,
    lex: &Lexicon,
    (s, e): (usize, usize),
    founds: &[Found],
    kept: &mut Vec<(usize, usize)>,
    events: &mut Vec<Event>,
) {
    let casualty = |fi: usize| casualty_verb(v, lex, &founds[fi]);
    // Passive: "are killed", or coordinated with a passive ("are killed and more than 70 injured").
    let has_passive_children = |h: usize| {
        v.doc.syntax[s..e]
            .iter()
            .any(|t| t.head == Some(h) && matches!(&*t.deprel, "nsubj:pass" | "aux:pass"))
    };
    let passive = |fi: usize| {
        let k = founds[fi].start;
        if v.parsed(k) && !v.doc.syntax[k].deprel.is_empty() {
            let t = &v.doc.syntax[k];
            has_passive_children(k)
                || (t.deprel == "conj" && t.head.is_some_and(has_passive_children))
        } else {
            v.xpos(k) == "VBN"
                && k > 0
                && matches!(
                    v.lower[k - 1].as_str(),
                    "is" | "are" | "was" | "were" | "been" | "be"
                )
        }
    };
    let assaults: Vec<(usize, usize)> = kept
        .iter()
        .copied()
        .filter(|&(_, ei)| events[ei].event_type == "ASSAULT")
        .collect();
    // "a Ukrainian attack killed three civilians": the attack is the casualty verb's subject.
    let attack_subject = |fi: usize| {
        let k = founds[fi].start;
        assaults.iter().any(|&(a, _)| {
            let h = founds[a].head;
            !casualty(a)
                && v.parsed(h)
                && v.doc.syntax[h].head == Some(k)
                && v.doc.syntax[h].deprel == "nsubj"
        })
    };
    // "Israeli forces raid the hospital, killing four doctors", "reprisal attacks killing three
    // civilians": a participle hung on the attack word tells what the attack did.
    let attack_result = |fi: usize| {
        let k = founds[fi].start;
        v.parsed(k)
            && v.xpos(k) == "VBG"
            && matches!(&*v.doc.syntax[k].deprel, "advcl" | "xcomp" | "conj" | "acl")
            && assaults
                .iter()
                .any(|&(a, _)| !casualty(a) && v.doc.syntax[k].head == Some(founds[a].head))
    };
    let attack_named = assaults.iter().any(|&(fi, _)| !casualty(fi))
        && assaults.iter().all(|&(fi, _)| {
            !casualty(fi) || passive(fi) || attack_subject(fi) || attack_result(fi)
        });
    let mut drop: Vec<usize> = assaults
        .iter()
        .filter(|&&(fi, _)| casualty(fi))
        .map(|&(_, ei)| ei)
        .skip(if attack_named { 0 } else { 1 })
        .collect();
    if drop.is_empty() {
        return;
    }
    // The event that stays takes what only the dropped ones knew: the date of the report ("are killed"
    // is today's news), the victims, the place.
    if let Some(&(_, keep)) = assaults.iter().find(|(_, ei)| !drop.contains(ei)) {
        for &d in &drop {
            let (from, to) = (events[d].clone(), &mut events[keep]);
            // A date of its own beats the narrative's.
            let narrative = |e: &Event| e.time_source.as_deref() == Some("narrative");
            if to.time.is_none() || (narrative(to) && from.time.is_some() && !narrative(&from)) {
                to.time = from.time;
                to.time_source = from.time_source;
            }
            if to.recipients.is_empty() {
                let acting = |a: &EventArgument| {
                    to.actors.iter().any(|b| {
                        b.name == a.name || (a.country.is_some() && a.country == b.country)
                    })
                };
                to.recipients = from.recipients.into_iter().filter(|a| !acting(a)).collect();
            }
            if to.location.is_none() {
                to.location = from.location;
                to.location_country = from.location_country;
            }
        }
    }
    drop.sort_unstable();
    for &ei in drop.iter().rev() {
        events.remove(ei);
    }
    kept.retain(|(_, ei)| !drop.contains(ei));
    for (_, ei) in kept.iter_mut() {
        *ei -= drop.iter().filter(|&&d| d < *ei).count();
    }
}

/// PLOVER codes a reaction to an event as aimed at that event's actor: "opposed to French mediation" → FRA,
/// "complained to the UN over Israeli air raids" → ISR, "condemned the Syrian offensive" → SYR. A verb
/// event of a reacting type whose clause continues (no comma, clause cue or "that") into a nominal event
/// with actor countries of its own takes those actors as its recipients.
fn retarget_to_object_events(
    v: &View,
    lex: &Lexicon,
    founds: &[Found],
    kept: &[(usize, usize)],
    events: &mut [Event],
) {
    for &(fv, ev) in kept {
        let f = &founds[fv];
        if f.noun
            || !matches!(
                lex.triggers[f.trigger].event_type.as_str(),
                "ACCUSE" | "PROTEST" | "REJECT" | "SUPPORT"
            )
        {
            continue;
        }
        let Some(&(_, en)) = kept.iter().find(|&&(fn_, en)| {
            let n = &founds[fn_];
            n.noun
                && n.start >= f.end
                && n.start <= f.end + 10
                && !(f.end..n.start).any(|k| {
                    v.flags[k] & CUE_BOUND != 0
                        || matches!(v.lower[k].as_str(), "," | ";" | "--" | "that" | "which")
                })
                && events[en].actors.iter().any(|a| a.country.is_some())
        }) else {
            continue;
        };
        let own: Vec<Option<String>> = events[ev]
            .actors
            .iter()
            .map(|a| a.country.clone())
            .collect();
        let targets: Vec<EventArgument> = events[en]
            .actors
            .iter()
            .filter(|a| a.country.is_some() && !own.contains(&a.country))
            .cloned()
            .collect();
        if !targets.is_empty() {
            events[ev].recipients = targets;
        }
    }
}

/// The status (factuality) the coder would give to an event mention on tokens `[start, end)` of `doc`
/// (`noun`: a nominal mention), for each mention; used to score factuality against gold triggers.
pub fn factuality(doc: &Document, mentions: &[(usize, usize, bool)]) -> Vec<EventStatus> {
    let lex = Lexicon::get();
    let v = View::new(doc, lex);
    mentions
        .iter()
        .map(|&(start, end, noun)| {
            let Some(si) = doc
                .sentences
                .iter()
                .position(|x| x.tokens.start <= start && start < x.tokens.end)
            else {
                return EventStatus::Occurred;
            };
            let sent = &doc.sentences[si];
            let f = Found {
                start,
                end: end.min(sent.tokens.end),
                head: if noun { end - 1 } else { start },
                trigger: 0,
                noun,
            };
            status_of(&v, lex, sent.tokens.start, sent.tokens.end, &f).0
        })
        .collect()
}
