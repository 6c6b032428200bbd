//! The entity annotator: KB matching, unknown-name detection, in-document linking, roles and flags.

use std::collections::HashMap;
use std::sync::OnceLock;

use dossier_model::{
    BlockKind, Component, Document, Entity, EntityRole, Mention, Span, TextRole, WordLists,
};

use crate::kb::{Entry, Kb};
use crate::matcher::{Form, Matcher};
use crate::norm::{words, Word};

/// What a mention refers to.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Key {
    /// A KB entry (index into [`Kb::entries`]).
    Kb(usize),
    /// A name not in the KB: folded name and type.
    Unknown(String, &'static str),
    /// A group of entities (sorted KB indices).
    Group(Vec<usize>),
}

/// One mention before grouping into entities.
#[derive(Clone, Debug)]
pub struct Raw {
    pub first: usize,
    pub last: usize,
    pub span: Span,
    pub key: Key,
    pub form: &'static str,
    pub actor: bool,
}

/// The shared KB and matcher, built once.
pub struct Resources {
    pub kb: &'static Kb,
    pub matcher: Matcher,
    /// Folded first names of KB people (a cue that an unknown capitalised pair is a person).
    pub given_names: crate::norm::FxSet<String>,
    demonyms: crate::norm::FxSet<String>,
}

impl Resources {
    pub fn embedded() -> &'static Resources {
        static R: OnceLock<Resources> = OnceLock::new();
        R.get_or_init(|| Resources::new(Kb::embedded()))
    }

    /// Whether a folded word is a demonym of a state ("iraqi").
    pub fn is_demonym(&self, folded: &str) -> bool {
        self.demonyms.contains(folded)
    }

    pub fn new(kb: &'static Kb) -> Resources {
        let matcher = Matcher::build(kb);
        // Given names: first words of KB people's names, minus common and structural words.
        let mut first_counts: HashMap<String, usize> = HashMap::new();
        for e in kb.entries.iter().filter(|e| e.kind == "PERSON") {
            let w = crate::norm::name_words(&e.name);
            if w.len() >= 2 && w[0].chars().count() > 2 {
                *first_counts.entry(w[0].clone()).or_default() += 1;
            }
        }
        let mut given_names: crate::norm::FxSet<String> = first_counts
            .into_iter()
            .filter(|(_, n)| *n >= 1)
            .map(|(w, _)| w)
            .collect();
        let l = lex();
        for w in [&l.stop, &l.titles, &l.months, &l.org_last, &l.place_last]
            .into_iter()
            .flatten()
        {
            given_names.remove(*w);
        }
        let demonyms = kb
            .entries
            .iter()
            .flat_map(|e| e.get("demonym"))
            .map(crate::norm::fold)
            .collect();
        Resources {
            kb,
            matcher,
            given_names,
            demonyms,
        }
    }
}

/// The annotator's word lists (`resources/entity/words.txt`).
pub const WORDS_TXT: &str = include_str!("../../../resources/entity/words.txt");

type WordSet = crate::norm::FxSet<&'static str>;

/// The word lists as hash sets (looked up for every capitalised word).
struct Lex {
    /// Words that start a sentence or a name without being part of one.
    stop: WordSet,
    /// Titles and role words: a cue for a following person name, never part of it.
    titles: WordSet,
    /// Month and weekday names and month abbreviations: capitalized, never names.
    months: WordSet,
    org_last: WordSet,
    org_first: WordSet,
    place_last: WordSet,
    place_prep: WordSet,
    actor_nouns: WordSet,
    group_nouns: WordSet,
    capital_nouns: WordSet,
    speech_verbs: WordSet,
    /// Role phrases (folded words) and the role each names, e.g. `defence minister` → `defence-minister`.
    role_phrases: Vec<(Vec<&'static str>, &'static str)>,
}

fn lex() -> &'static Lex {
    static L: OnceLock<Lex> = OnceLock::new();
    L.get_or_init(|| {
        static W: OnceLock<WordLists> = OnceLock::new();
        // The file is embedded and checked by this crate's tests, so a parse error cannot reach users.
        let w = W.get_or_init(|| WordLists::parse(WORDS_TXT).unwrap_or_default());
        let set = |name| w.get(name).iter().map(String::as_str).collect();
        Lex {
            stop: set("stop_caps"),
            titles: set("titles"),
            months: dossier_model::MONTH_NAMES
                .iter()
                .chain(&dossier_model::WEEKDAY_NAMES)
                .copied()
                .chain(w.get("month_abbreviations").iter().map(String::as_str))
                .collect(),
            org_last: set("org_last"),
            org_first: set("org_first"),
            place_last: set("place_last"),
            place_prep: set("place_prep"),
            actor_nouns: set("actor_nouns"),
            group_nouns: set("group_nouns"),
            capital_nouns: set("capital_nouns"),
            speech_verbs: set("speech_verbs"),
            role_phrases: w
                .pairs("role_phrases")
                .map(|(phrase, role)| (phrase.split(' ').collect(), role))
                .collect(),
        }
    })
}

/// The entity component.
#[derive(Default)]
pub struct EntityAnnotator;

impl EntityAnnotator {
    pub fn new() -> EntityAnnotator {
        EntityAnnotator
    }
}

impl Component for EntityAnnotator {
    fn name(&self) -> &'static str {
        "entity"
    }

    fn process(&self, doc: &mut Document) {
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| annotate(doc)));
        match r {
            Ok(ents) => doc.entities = ents,
            Err(_) => doc
                .warnings
                .push("entity: annotator failed on this document; no entities".into()),
        }
    }
}

/// KB roles that a text role also covers.
fn role_equivalent(text_role: &str, kb_role: &str) -> bool {
    fn norm(r: &str) -> &str {
        match r {
            "state-secretary" | "secretary-general" => "secretary-general",
            other => other,
        }
    }
    norm(text_role) == norm(kb_role)
}

/// Is `role` a specific position (lower-case code) rather than a sector code (GOV, ELI…)?
fn specific(role: &str) -> bool {
    role.chars().any(|c| c.is_lowercase())
}

struct Ctx<'a> {
    doc: &'a Document,
    text: &'a str,
    res: &'static Resources,
    words: Vec<Word>,
    /// Index of the sentence of each word.
    sent: Vec<usize>,
    /// Word lies in a title or heading.
    heading: Vec<bool>,
    /// Word covered by a mention (index into raws).
    covered: Vec<Option<usize>>,
    raws: Vec<Raw>,
}

fn norm_of<'a>(c: &'a Ctx, i: usize) -> &'a str {
    c.words[i].norm.as_str()
}

/// Sentence boundaries: the document's sentences, else lines split after `.!?` followed by a capital.
fn sentence_ids(doc: &Document, ws: &[Word]) -> Vec<usize> {
    let text = &doc.text;
    let mut out = Vec::with_capacity(ws.len());
    if !doc.sentences.is_empty() {
        for w in ws {
            out.push(doc.sentence_at(w.start).unwrap_or(usize::MAX));
        }
        return out;
    }
    let mut s = 0usize;
    for (i, w) in ws.iter().enumerate() {
        if i > 0 {
            let gap = &text[ws[i - 1].end..w.start];
            let prev_abbrev = ws[i - 1].norm.len() <= 1 || ws[i - 1].all_caps;
            if gap.contains('\n')
                || ((gap.contains(". ") || gap.contains("? ") || gap.contains("! "))
                    && w.cap
                    && !prev_abbrev)
            {
                s += 1;
            }
        }
        out.push(s);
    }
    out
}

/// Words inside titles/headings: from `doc.blocks` when present, else short title-case lines without
/// final punctuation.
fn heading_mask(doc: &Document, ws: &[Word]) -> Vec<bool> {
    let mut mask = vec![false; ws.len()];
    let mut spans: Vec<Span> = Vec::new();
    if !doc.blocks.is_empty() {
        spans.extend(
            doc.blocks
                .iter()
                .filter(|b| matches!(b.kind, BlockKind::Title | BlockKind::Heading))
                .map(|b| b.span),
        );
    } else {
        let text = doc.text.as_str();
        let mut off = 0usize;
        let mut wi = 0usize;
        for line in text.split_inclusive('\n') {
            let end = off + line.len();
            let first = wi;
            while wi < ws.len() && ws[wi].start < end {
                wi += 1;
            }
            let lw = &ws[first..wi];
            let t = line.trim();
            if !t.is_empty() && lw.len() <= 14 {
                let content: Vec<&Word> = lw.iter().filter(|w| w.norm.len() > 3).collect();
                let caps = content.iter().filter(|w| w.cap).count();
                let ends = t.ends_with(['.', '!', '?', ':', ';', '"', '\u{201d}', ')', ',']);
                if !ends && caps * 10 >= content.len() * 6 {
                    spans.push(Span::new(off, end));
                }
            }
            off = end;
        }
    }
    let mut k = 0usize;
    for (i, w) in ws.iter().enumerate() {
        while k < spans.len() && spans[k].end <= w.start {
            k += 1;
        }
        mask[i] = k < spans.len() && spans[k].start <= w.start && w.end <= spans[k].end;
    }
    mask
}

/// Annotates one document: returns its entities.
pub fn annotate(doc: &Document) -> Vec<Entity> {
    let res = Resources::embedded();
    let ws = words(&doc.text);
    let sent = sentence_ids(doc, &ws);
    let heading = heading_mask(doc, &ws);
    let n = ws.len();
    let mut c = Ctx {
        doc,
        text: &doc.text,
        res,
        words: ws,
        sent,
        heading,
        covered: vec![None; n],
        raws: Vec::new(),
    };
    kb_matches(&mut c);
    capital_phrases(&mut c);
    given_names(&mut c);
    unknown_names(&mut c);
    surnames(&mut c);
    bare_titles(&mut c);
    exercise_years(&mut c);
    let mut flags: HashMap<Key, Vec<String>> = HashMap::new();
    designations(&mut c, &mut flags);
    metonyms(&mut c);
    groups(&mut c);
    let text_roles = text_roles(&c);
    build(&c, text_roles, flags)
}

fn push_raw(c: &mut Ctx, first: usize, last: usize, key: Key, form: &'static str, actor: bool) {
    let idx = c.raws.len();
    for k in first..last {
        c.covered[k] = Some(idx);
    }
    c.raws.push(Raw {
        first,
        last,
        span: Span::new(c.words[first].start, c.words[last - 1].end),
        key,
        form,
        actor,
    });
}

fn kb_matches(c: &mut Ctx) {
    let found = c.res.matcher.find(c.text, &c.words);
    for m in found {
        let e = &c.res.kb.entries[m.pattern.entry as usize];
        let (form, actor) = match m.pattern.form {
            Form::Demonym => {
                let next = (m.last < c.words.len() && !c.words[m.last].break_before)
                    .then(|| norm_of(c, m.last));
                (
                    "demonym",
                    next.is_some_and(|w| lex().actor_nouns.contains(w))
                        && !(m.last + 1 < c.words.len()
                            && c.words[m.last + 1].cap
                            && !c.words[m.last + 1].break_before),
                )
            }
            Form::Name => {
                let s = &c.text[c.words[m.first].start..c.words[m.last - 1].end];
                let acr = m.last - m.first <= 3
                    && s.chars().filter(|ch| ch.is_alphabetic()).count() >= 2
                    && s.chars()
                        .filter(|ch| ch.is_alphabetic())
                        .all(char::is_uppercase);
                (
                    if acr && e.kind != "WEAPON" {
                        "acronym"
                    } else {
                        "name"
                    },
                    false,
                )
            }
        };
        push_raw(
            c,
            m.first,
            m.last,
            Key::Kb(m.pattern.entry as usize),
            form,
            actor,
        );
        // "U.S.": keep the final period of an abbreviation.
        let r = c.raws.len() - 1;
        let end = c.raws[r].span.end;
        let dotted = c.words[m.first..m.last]
            .iter()
            .all(|w| w.norm.chars().count() == 1)
            && m.last - m.first >= 2;
        if dotted && c.text[end..].starts_with('.') {
            c.raws[r].span.end += 1;
        }
    }
}

/// "The Belarusian capital": a state's demonym before a capital noun names the state's capital city (a
/// place, where a bare demonym would make the state a participant).
fn capital_phrases(c: &mut Ctx) {
    let kb = c.res.kb;
    for r in 0..c.raws.len() {
        let Key::Kb(k) = c.raws[r].key else { continue };
        let l = c.raws[r].last;
        if c.raws[r].form != "demonym"
            || l >= c.words.len()
            || c.words[l].break_before
            || c.covered[l].is_some()
            || !lex().capital_nouns.contains(norm_of(c, l))
        {
            continue;
        }
        let Some(city) = kb.entries[k].first("capital").and_then(|t| kb.index_of(t)) else {
            continue;
        };
        let raw = &mut c.raws[r];
        raw.key = Key::Kb(city);
        raw.form = "name";
        raw.actor = false;
        raw.last = l + 1;
        raw.span.end = c.words[l].end;
        c.covered[l] = Some(r);
    }
}

/// Whether the sentence of word `i` is written mostly in capitals (then capitals say nothing).
fn sentence_shouts(c: &Ctx, i: usize) -> bool {
    let s = c.sent[i];
    let mut caps = 0;
    let mut all = 0;
    let mut k = i;
    while k > 0 && c.sent[k - 1] == s {
        k -= 1;
    }
    while k < c.words.len() && c.sent[k] == s {
        all += 1;
        if c.words[k].all_caps {
            caps += 1;
        }
        k += 1;
    }
    all >= 3 && caps * 2 >= all
}

fn is_connector(w: &str) -> bool {
    matches!(
        w,
        "of" | "the"
            | "al"
            | "el"
            | "de"
            | "bin"
            | "ibn"
            | "for"
            | "von"
            | "van"
            | "da"
            | "du"
            | "la"
            | "le"
    )
}

/// The tagger's UPOS of word `i` (`None` without a syntax layer or a token there).
fn upos_of<'a>(c: &'a Ctx, i: usize) -> Option<&'a str> {
    let syntax = &c.doc.syntax;
    if syntax.is_empty() || c.doc.tokens.len() != syntax.len() {
        return None;
    }
    let w = &c.words[i];
    let t = c.doc.tokens.partition_point(|t| t.span.end <= w.start);
    (t < syntax.len() && c.doc.tokens[t].span.start <= w.start).then(|| &*syntax[t].upos)
}

/// Whether the tagger calls word `i` a proper noun (`None` without a syntax layer or a token there).
fn propn(c: &Ctx, i: usize) -> Option<bool> {
    upos_of(c, i).map(|u| u == "PROPN")
}

/// "Svyatlana Tsikhanouskaya" when the knowledge base knows the surname and another spelling of the given
/// name: a proper noun right before a person's one-word name that is spelt nearly as one of the person's
/// given names is part of that name. Any other given name makes another person of the same surname
/// ("Hunter Biden" is not Joe Biden), whom the knowledge base does not know.
fn given_names(c: &mut Ctx) {
    let lx = lex();
    for r in 0..c.raws.len() {
        let raw = &c.raws[r];
        let Key::Kb(k) = raw.key else { continue };
        if raw.last - raw.first != 1 || raw.first == 0 || c.res.kb.entries[k].kind != "PERSON" {
            continue;
        }
        let (g, w) = (raw.first - 1, &c.words[raw.first]);
        let given = &c.words[g];
        let nw = given.norm.as_str();
        if w.break_before
            || !given.cap
            || c.covered[g].is_some()
            || c.sent[g] != c.sent[raw.first]
            || lx.stop.contains(nw)
            || lx.titles.contains(nw)
            || lx.months.contains(nw)
            || propn(c, g) != Some(true)
        {
            continue;
        }
        let e = &c.res.kb.entries[k];
        let given: Vec<String> = std::iter::once(&e.name)
            .chain(&e.aliases)
            .map(|a| crate::norm::name_words(a))
            .filter(|ws| ws.len() >= 2)
            .map(|ws| ws[0].clone())
            .collect();
        let spelt_as_given = given.iter().any(|g| near_spelling(g, nw));
        // Transliterations of one given name keep its first letter ("Vladimir" / "Volodymyr"), so only a
        // name starting otherwise is surely someone else's.
        let other_person = !given.is_empty()
            && given.iter().all(|g| g.chars().next() != nw.chars().next())
            && !c.res.is_demonym(nw);
        if !spelt_as_given && !other_person {
            continue;
        }
        c.covered[g] = Some(r);
        let raw = &mut c.raws[r];
        if !spelt_as_given {
            let name = format!("{nw} {}", w.norm.as_str());
            raw.key = Key::Unknown(name, "PERSON");
            raw.form = "name";
        }
        raw.first = g;
        raw.span.start = c.words[g].start;
    }
}

/// Whether two lower-case words are spelling variants: the same first letter and at most one edit apart
/// for words of five to seven letters, two from eight ("svyatlana" / "sviatlana"); shorter words must be
/// equal ("joe" is not "jon").
fn near_spelling(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.first() != b.first() {
        return false;
    }
    let max = match a.len().min(b.len()) {
        0..=4 => 0,
        5..=7 => 1,
        _ => 2,
    };
    if a.len().abs_diff(b.len()) > max {
        return false;
    }
    // Levenshtein distance, one row at a time.
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + (ca != cb) as usize).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()] <= max
}

/// Whether word `i` starts a model designation, a capital word hyphen-joined to a number ("Ka-50",
/// "An-26", "S-400"): a weapon or an aircraft, never part of an actor's name ("Russian Air Force Ka-50
/// helicopters").
fn model_designation(c: &Ctx, i: usize) -> bool {
    c.words.get(i + 1).is_some_and(|w| {
        w.hyphen_before
            && !w.break_before
            && w.norm.chars().next().is_some_and(|ch| ch.is_ascii_digit())
    })
}

fn unknown_names(c: &mut Ctx) {
    let n = c.words.len();
    let lx = lex();
    let mut i = 0;
    while i < n {
        let w = &c.words[i];
        if !w.cap
            || c.covered[i].is_some()
            || c.heading[i]
            || w.norm.chars().all(|ch| ch.is_numeric())
            || model_designation(c, i)
        {
            i += 1;
            continue;
        }
        // Maximal run of capitalised words (with connectors inside).
        let mut j = i + 1;
        while j < n && !c.words[j].break_before && c.covered[j].is_none() && c.sent[j] == c.sent[i]
        {
            if c.words[j].cap
                && !c.words[j].norm.chars().all(|ch| ch.is_numeric())
                && !model_designation(c, j)
            {
                j += 1;
            } else if is_connector(&c.words[j].norm)
                && j + 1 < n
                && c.words[j + 1].cap
                && !c.words[j + 1].break_before
                && c.covered[j + 1].is_none()
            {
                j += 2;
            } else {
                break;
            }
        }
        let run_end = j;
        // Strip leading stop words and titles.
        let sentence_start = i == 0 || c.sent[i - 1] != c.sent[i];
        let mut a = i;
        let mut title_cue = false;
        let mut office = false;
        // "Defense Forces", "Foreign Ministry", "State Department": before an organisation's last word a
        // role word is part of the name.
        let org_name = run_end - i >= 2 && lx.org_last.contains(norm_of(c, run_end - 1));
        while a < run_end {
            let nw = norm_of(c, a);
            if lx.titles.contains(nw) && !org_name {
                title_cue = true;
                a += 1;
            } else if lx.stop.contains(nw) || lx.months.contains(nw) || is_connector(nw) {
                // "Minister of Foreign Affairs", "Speaker of the House": what follows a title and a
                // connector names an office or body, not a person.
                if title_cue && is_connector(nw) {
                    office = true;
                }
                a += 1;
            } else {
                break;
            }
        }
        let mut b = run_end;
        while b > a && (is_connector(norm_of(c, b - 1)) || lx.months.contains(norm_of(c, b - 1))) {
            b -= 1;
        }
        i = run_end.max(i + 1);
        if a >= b {
            continue;
        }
        if office {
            // "Minister of State for Immigration Robert Jenrick": the office ends where a given name
            // starts a name of two or three words at the end of the run.
            let person = (a + 1..b.saturating_sub(1))
                .find(|&g| {
                    b - g <= 3
                        && c.res.given_names.contains(norm_of(c, g))
                        && (g..b).all(|k| c.words[k].cap && !is_connector(norm_of(c, k)))
                })
                .filter(|&g| (g..b).all(|k| c.covered[k].is_none()));
            if let Some(g) = person {
                let name = c.words[g..b]
                    .iter()
                    .map(|w| w.norm.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                push_raw(c, g, b, Key::Unknown(name, "PERSON"), "name", false);
                continue;
            }
            title_cue = false;
        }
        // Title cue just before the run ("defence minister X", "the Secretary General of …, X").
        if !title_cue && !office && a > 0 {
            let p = norm_of(c, a - 1);
            // Not the last word of a name found already ("a Union State Constitutional Act").
            title_cue = lx.titles.contains(p)
                && !c.words[a].break_before
                && c.sent[a - 1] == c.sent[a]
                && c.covered[a - 1].is_none();
        }
        let first_w = norm_of(c, a);
        let last_w = norm_of(c, b - 1);
        let len = b - a;
        let single_caps = len == 1
            && c.words[a].all_caps
            && (3..=6).contains(&c.words[a].norm.len())
            && !sentence_shouts(c, a);
        let at_start =
            a == i.min(a) && (a == 0 || c.sent[a - 1] != c.sent[a]) || (sentence_start && a == i);
        let prev = (a > 0 && c.sent[a - 1] == c.sent[a]).then(|| norm_of(c, a - 1));
        let kind: Option<&'static str> = if lx.org_last.contains(last_w) && len >= 2
            || lx.org_first.contains(first_w) && len >= 3
        {
            Some("ORG")
        } else if lx.place_last.contains(last_w) && len >= 2 {
            Some("PLACE")
        } else if title_cue && !single_caps {
            Some("PERSON")
        } else if single_caps {
            Some("ORG")
        } else if len >= 2 && len <= 4 && c.res.given_names.contains(first_w) {
            Some("PERSON")
        } else if len == 1 && !at_start && first_w.len() > 2 && c.res.given_names.contains(first_w)
        {
            Some("PERSON")
        } else if propn(c, a) == Some(true)
            && prev.is_some_and(|p| lex().place_prep.contains(p))
            && !at_start
        {
            Some("PLACE")
        } else {
            None
        };
        let Some(kind) = kind else { continue };
        if len == 1 && c.words[a].norm.chars().count() < 2 {
            continue;
        }
        // "abducted by Islamic extremist group Boko Haram": one capitalised word the tagger reads as an
        // adjective, with no title before it, is no name.
        if len == 1 && !title_cue && upos_of(c, a) == Some("ADJ") {
            continue;
        }
        if len == 1 && at_start && kind != "ORG" && !title_cue {
            continue;
        }
        let name = c.words[a..b]
            .iter()
            .map(|w| w.norm.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        push_raw(c, a, b, Key::Unknown(name, kind), "name", false);
    }
}

/// "The President" alone, after "the" and before no name or "of": the person the document names with that
/// one-word title most often ("President Biden" 21 times, "President Erdoğan" 10 in a White House briefing),
/// when one is named with it more often than any other.
fn bare_titles(c: &mut Ctx) {
    let lx = lex();
    let mut counts: HashMap<(String, Key), usize> = HashMap::new();
    for r in &c.raws {
        let person = match &r.key {
            Key::Kb(i) => c.res.kb.entries[*i].kind == "PERSON",
            Key::Unknown(_, k) => *k == "PERSON",
            Key::Group(_) => false,
        };
        let Some(t) = r.first.checked_sub(1) else {
            continue;
        };
        if person && c.words[t].cap && lx.titles.contains(norm_of(c, t)) {
            *counts
                .entry((norm_of(c, t).to_string(), r.key.clone()))
                .or_default() += 1;
        }
    }
    // Per title, the most named person, if no other is named with it as often.
    let mut best: HashMap<String, (Key, usize, bool)> = HashMap::new();
    for ((title, key), n) in counts {
        match best.get_mut(&title) {
            Some(b) if n > b.1 => *b = (key, n, true),
            Some(b) if n == b.1 => b.2 = false,
            Some(_) => {}
            None => {
                best.insert(title, (key, n, true));
            }
        }
    }
    for i in 1..c.words.len() {
        let w = &c.words[i];
        let Some((key, _, true)) = best.get(w.norm.as_str()) else {
            continue;
        };
        let next = c.words.get(i + 1);
        let named_after = next.is_some_and(|n| n.cap && c.sent[i + 1] == c.sent[i]);
        if w.cap
            && c.covered[i].is_none()
            && norm_of(c, i - 1) == "the"
            && !named_after
            && next.is_none_or(|n| n.norm.as_str() != "of")
        {
            push_raw(c, i, i + 1, key.clone(), "title", false);
        }
    }
}

/// Single capitalised words equal to the surname of a person named in full elsewhere in the document.
fn surnames(c: &mut Ctx) {
    let mut by_surname: HashMap<String, Option<Key>> = HashMap::new();
    for r in &c.raws {
        let person = match &r.key {
            Key::Kb(i) => c.res.kb.entries[*i].kind == "PERSON",
            Key::Unknown(_, k) => *k == "PERSON",
            Key::Group(_) => false,
        };
        if !person || r.last - r.first < 2 {
            continue;
        }
        let s = c.words[r.last - 1].norm.clone();
        let lx = lex();
        if s.chars().count() < 3
            || lx.stop.contains(s.as_str())
            || lx.titles.contains(s.as_str())
            || lx.months.contains(s.as_str())
            || lx.org_last.contains(s.as_str())
            || lx.place_last.contains(s.as_str())
        {
            continue;
        }
        let slot = by_surname
            .entry(s.to_string())
            .or_insert_with(|| Some(r.key.clone()));
        if slot.as_ref() != Some(&r.key) {
            *slot = None; // ambiguous
        }
    }
    if by_surname.is_empty() {
        return;
    }
    for i in 0..c.words.len() {
        let w = &c.words[i];
        if !w.cap {
            continue;
        }
        let Some(Some(key)) = by_surname.get(w.norm.as_str()) else {
            continue;
        };
        match c.covered[i] {
            None => push_raw(c, i, i + 1, key.clone(), "surname", false),
            Some(r) => {
                // A single-word unknown or a weaker KB match for the same word: relink.
                let raw = &c.raws[r];
                let weak = raw.last - raw.first == 1
                    && raw.key != *key
                    && match &raw.key {
                        Key::Unknown(..) => true,
                        Key::Kb(k) => c.res.kb.entries[*k].rank > 0,
                        Key::Group(_) => false,
                    };
                if weak {
                    c.raws[r].key = key.clone();
                    c.raws[r].form = "surname";
                }
            }
        }
    }
}

/// A series exercise ("Union Shield") with a year in the same sentence links to that edition.
fn exercise_years(c: &mut Ctx) {
    let kb = c.res.kb;
    for r in 0..c.raws.len() {
        let Key::Kb(k) = c.raws[r].key else { continue };
        let e = &kb.entries[k];
        if e.kind != "EXERCISE" || e.first("year").is_some() {
            continue;
        }
        let f = c.raws[r].first;
        let s = c.sent[f];
        let lo = (0..f)
            .rev()
            .take_while(|&i| c.sent[i] == s)
            .last()
            .unwrap_or(f);
        let hi = (f..c.words.len())
            .take_while(|&i| c.sent[i] == s)
            .last()
            .unwrap_or(f);
        let years: Vec<&str> = (lo..=hi)
            .map(|i| c.words[i].norm.as_str())
            .filter(|w| w.len() == 4 && w.chars().all(|ch| ch.is_ascii_digit()))
            .collect();
        for y in years {
            if let Some(ed) = kb.index_of(&format!("{}-{}", e.id, y)) {
                c.raws[r].key = Key::Kb(ed);
                break;
            }
        }
    }
}

/// "S-400 (SA-10C)": a bracketed designation after a weapon that is not the KB's is kept as written and
/// flagged; a bracketed KB alias of another weapon is not linked to that other weapon.
fn designations(c: &mut Ctx, flags: &mut HashMap<Key, Vec<String>>) {
    let kb = c.res.kb;
    for r in 0..c.raws.len() {
        let Key::Kb(k) = c.raws[r].key else { continue };
        let e = &kb.entries[k];
        if e.kind != "WEAPON" {
            continue;
        }
        let after = &c.text[c.raws[r].span.end..];
        let trimmed = after.trim_start();
        let Some(inner) = trimmed.strip_prefix('(') else {
            continue;
        };
        let Some(close) = inner.find(')') else {
            continue;
        };
        if close > 40 {
            continue;
        }
        let inner_start = c.raws[r].span.end + (after.len() - trimmed.len()) + 1;
        let body = &inner[..close];
        if let Some(p) = body.find(':') {
            // "(NATO: SS-26 Stone)": the label before the colon is not a mention.
            let label = Span::new(inner_start, inner_start + p);
            for q in 0..c.raws.len() {
                if label.contains(c.raws[q].span) {
                    c.raws[q].form = "";
                }
            }
        }
        let (stated, off) = match body.find(':') {
            Some(p) => (
                body[p + 1..].trim(),
                inner_start + p + 1 + (body[p + 1..].len() - body[p + 1..].trim_start().len()),
            ),
            None => (
                body.trim(),
                inner_start + (body.len() - body.trim_start().len()),
            ),
        };
        if stated.is_empty() {
            continue;
        }
        let span = Span::new(off, off + stated.len());
        // Mentions inside the brackets.
        let inside: Vec<usize> = (0..c.raws.len())
            .filter(|&q| q != r && span.contains(c.raws[q].span))
            .collect();
        let same = inside.iter().any(|&q| c.raws[q].key == Key::Kb(k));
        if same {
            continue;
        }
        let looks_code = stated.len() <= 20
            && stated
                .chars()
                .next()
                .is_some_and(|ch| ch.is_ascii_uppercase())
            && stated.chars().any(|ch| ch.is_ascii_digit());
        if !looks_code && inside.is_empty() {
            continue;
        }
        let kb_names: Vec<&str> = e.get("nato").chain(e.get("designation")).collect();
        let msg = format!(
            "designation-mismatch: text gives \"{}\" for {}; KB: {}",
            stated,
            e.name,
            if kb_names.is_empty() {
                "no designation".to_string()
            } else {
                kb_names.join(", ")
            }
        );
        flags.entry(Key::Kb(k)).or_default().push(msg);
        for q in inside {
            if matches!(c.raws[q].key, Key::Kb(o) if kb.entries[o].kind == "WEAPON") {
                c.raws[q].key = Key::Kb(k);
                c.raws[q].form = "designation";
            }
        }
    }
}

/// A capital directly followed by a speech/decision verb stands for its state.
fn metonyms(c: &mut Ctx) {
    let kb = c.res.kb;
    for r in 0..c.raws.len() {
        let Key::Kb(k) = c.raws[r].key else { continue };
        let e = &kb.entries[k];
        let target = e.first("capital_of").or_else(|| e.first("metonym_of"));
        let Some(target) = target.and_then(|t| kb.index_of(t)) else {
            continue;
        };
        let l = c.raws[r].last;
        let verb = l < c.words.len() && c.sent[l] == c.sent[c.raws[r].first] && {
            let gap = &c.text[c.raws[r].span.end..c.words[l].start];
            !gap.contains([',', '(', ';']) && lex().speech_verbs.contains(norm_of(c, l))
        };
        if verb && e.kind == "PLACE" {
            c.raws[r].key = Key::Kb(target);
            c.raws[r].form = "metonym";
            c.raws[r].actor = true;
        }
    }
}

/// The state (KB index) a mention counts as for group scope: states, their demonyms, and capitals.
fn state_of(c: &Ctx, key: &Key) -> Option<usize> {
    let Key::Kb(k) = key else { return None };
    let e = &c.res.kb.entries[*k];
    if e.kind == "STATE" {
        return Some(*k);
    }
    e.first("capital_of").and_then(|t| c.res.kb.index_of(t))
}

/// "both countries", "the two countries": the pair of states most often named together so far.
fn groups(c: &mut Ctx) {
    let n = c.words.len();
    let any = (0..n).any(|i| {
        let w = c.words[i].norm.as_str();
        (w == "both" || w == "two")
            && i + 1 < n
            && lex().group_nouns.contains(c.words[i + 1].norm.as_str())
    });
    if !any {
        return;
    }
    let mut pair_count: HashMap<(usize, usize), (usize, usize)> = HashMap::new(); // (count, last sentence)
    let mut freq: HashMap<usize, usize> = HashMap::new();
    let mut states_in: HashMap<usize, Vec<usize>> = HashMap::new();
    for r in &c.raws {
        if let Some(s) = state_of(c, &r.key) {
            let v = states_in.entry(c.sent[r.first]).or_default();
            if !v.contains(&s) {
                v.push(s);
            }
            *freq.entry(s).or_default() += 1;
        }
    }
    let mut sentences: Vec<usize> = c.sent.clone();
    sentences.dedup();
    let mut scope_at: HashMap<usize, Vec<usize>> = HashMap::new();
    for &s in &sentences {
        if let Some(v) = states_in.get(&s) {
            for a in 0..v.len() {
                for b in a + 1..v.len() {
                    let key = (v[a].min(v[b]), v[a].max(v[b]));
                    let e = pair_count.entry(key).or_insert((0, s));
                    e.0 += 1;
                    e.1 = s;
                }
            }
        }
        // Ties (three states in one sentence) go to the pair of lowest KB indices, so the choice does not
        // depend on the map's iteration order.
        let best = pair_count
            .iter()
            .max_by_key(|(k, (cnt, last))| (*cnt, *last, std::cmp::Reverse(**k)))
            .map(|(k, _)| *k);
        let scope = match best {
            Some((a, b)) => vec![a, b],
            None => {
                let mut f: Vec<(usize, usize)> = freq.iter().map(|(k, v)| (*v, *k)).collect();
                f.sort_by(|x, y| y.cmp(x));
                f.into_iter().take(2).map(|(_, k)| k).collect()
            }
        };
        scope_at.insert(s, scope);
    }
    let mut i = 0;
    while i + 1 < n {
        let w0 = norm_of(c, i);
        let (start, noun) = if w0 == "both" {
            (i, i + 1)
        } else if w0 == "the" && i + 2 < n && norm_of(c, i + 1) == "two" {
            (i, i + 2)
        } else {
            i += 1;
            continue;
        };
        if noun < n
            && lex().group_nouns.contains(norm_of(c, noun))
            && c.covered[start..=noun].iter().all(Option::is_none)
            && !c.words[noun].break_before
        {
            let mut members = scope_at.get(&c.sent[i]).cloned().unwrap_or_default();
            members.sort_unstable();
            if members.len() == 2 {
                push_raw(c, start, noun + 1, Key::Group(members), "group", true);
            }
        }
        i = noun + 1;
    }
}

fn phrase_at_end(c: &Ctx, end: usize, phrase: &[&str]) -> bool {
    end >= phrase.len()
        && phrase
            .iter()
            .enumerate()
            .all(|(k, p)| norm_of(c, end - phrase.len() + k) == *p)
}

/// The role phrase ending just before word `end` (same sentence): (first word, role, plural).
fn role_before(c: &Ctx, end: usize) -> Option<(usize, &'static str, bool)> {
    let mut best: Option<(usize, &'static str, bool)> = None;
    for (phrase, role) in &lex().role_phrases {
        if phrase_at_end(c, end, phrase) {
            let first = end - phrase.len();
            if c.sent.get(first) != c.sent.get(end.saturating_sub(1)) {
                continue;
            }
            let plural = phrase.last().is_some_and(|w| w.ends_with('s'));
            if best.is_none_or(|(f, _, _)| first < f) {
                best = Some((first, *role, plural));
            }
        }
    }
    best
}

struct FoundRole {
    raw: usize,
    span: Span,
    role: &'static str,
    org: Option<String>,
}

/// Roles the text gives to person mentions: "Russian Defence Minister Shoigu", "defence ministers X and
/// Y", "the Secretary General of the Union State, Dmitry Mezentsev".
fn text_roles(c: &Ctx) -> Vec<FoundRole> {
    let kb = c.res.kb;
    let mut out: Vec<FoundRole> = Vec::new();
    let mut plural_prev: Option<(usize, FoundRole)> = None; // raw index of previous person with plural role
    for (ri, r) in c.raws.iter().enumerate() {
        let is_person = match &r.key {
            Key::Kb(k) => kb.entries[*k].kind == "PERSON",
            Key::Unknown(_, t) => *t == "PERSON",
            _ => false,
        };
        if !is_person || r.first == 0 {
            continue;
        }
        let mut end = r.first;
        let gap = &c.text[c.words[end - 1].end..c.words[end].start];
        // Coordination: "<role>s X and Y".
        if norm_of(c, end - 1) == "and" {
            if let Some((prev_raw, fr)) = &plural_prev {
                if c.raws[*prev_raw].last == end - 1 {
                    out.push(FoundRole {
                        raw: ri,
                        span: fr.span,
                        role: fr.role,
                        org: fr.org.clone(),
                    });
                    continue;
                }
            }
        }
        if gap.contains([';', '(', ')', '.']) {
            continue;
        }
        // Apposition: "<role> of the <ORG>, Name".
        let mut org: Option<String> = None;
        if gap.contains(',') {
            let Some(m) = c.covered[end - 1] else {
                continue;
            };
            let mr = &c.raws[m];
            let Key::Kb(ok) = mr.key else { continue };
            org = Some(kb.entries[ok].id.clone());
            end = mr.first;
            if end > 0 && norm_of(c, end - 1) == "the" {
                end -= 1;
            }
            if end == 0 || norm_of(c, end - 1) != "of" {
                continue;
            }
            end -= 1;
        }
        let Some((first, role, plural)) = role_before(c, end) else {
            continue;
        };
        if org.is_none() && first > 0 {
            if let Some(m) = c.covered[first - 1] {
                if let Key::Kb(ok) = c.raws[m].key {
                    let e = &kb.entries[ok];
                    if matches!(e.kind.as_str(), "STATE" | "ORG") {
                        org = Some(e.id.clone());
                    }
                }
            }
        }
        let span = Span::new(c.words[first].start, c.words[end - 1].end);
        let fr = FoundRole {
            raw: ri,
            span,
            role,
            org: org.clone(),
        };
        if plural {
            plural_prev = Some((
                ri,
                FoundRole {
                    raw: ri,
                    span,
                    role,
                    org,
                },
            ));
        }
        out.push(fr);
    }
    out
}

fn reference_date(doc: &Document) -> Option<String> {
    doc.meta.dct.value.clone().filter(|v| v.len() >= 4)
}

fn org_matches(kb: &Kb, text_org: &Option<String>, role_org: &str) -> bool {
    let Some(t) = text_org else { return true };
    let t = t.strip_prefix("iso:").unwrap_or(t);
    if t == role_org {
        return true;
    }
    // A text org that is a ministry of a country matches that country.
    kb.get(text_org.as_deref().unwrap_or(""))
        .and_then(|e| e.country.as_deref())
        .is_some_and(|c| c == role_org)
}

fn role_view(r: &crate::kb::Role) -> EntityRole {
    EntityRole {
        role: r.role.clone(),
        org: r.org.clone(),
        from: r.start.clone(),
        until: r.end.clone(),
    }
}

fn build(c: &Ctx, roles: Vec<FoundRole>, mut flags: HashMap<Key, Vec<String>>) -> Vec<Entity> {
    let kb = c.res.kb;
    let date = reference_date(c.doc);
    let mut order: Vec<Key> = Vec::new();
    let mut by_key: HashMap<Key, Entity> = HashMap::new();
    let mut raws: Vec<&Raw> = c.raws.iter().collect();
    raws.sort_by_key(|r| r.span.start);
    let mut unknown_n = 0;
    let mut group_n = 0;
    raws.retain(|r| !r.form.is_empty());
    for r in &raws {
        if !by_key.contains_key(&r.key) {
            let ent = match &r.key {
                Key::Kb(k) => kb_entity(&kb.entries[*k], date.as_deref()),
                Key::Unknown(_, t) => {
                    unknown_n += 1;
                    Entity::new(format!("e{unknown_n}"), c.doc.slice(r.span), *t)
                }
                Key::Group(ms) => {
                    group_n += 1;
                    let mut e = Entity::new(
                        format!("g{group_n}"),
                        ms.iter()
                            .map(|m| kb.entries[*m].name.as_str())
                            .collect::<Vec<_>>()
                            .join(" and "),
                        "GROUP",
                    );
                    e.members = ms.iter().map(|m| kb.entries[*m].id.clone()).collect();
                    e
                }
            };
            order.push(r.key.clone());
            by_key.insert(r.key.clone(), ent);
        }
        let ent = by_key.get_mut(&r.key).expect("inserted above");
        ent.mentions.push(Mention {
            span: r.span,
            form: r.form.to_string(),
            actor: r.actor,
        });
    }
    for fr in roles {
        let key = &c.raws[fr.raw].key;
        let Some(ent) = by_key.get_mut(key) else {
            continue;
        };
        let mut agrees = None;
        if let Key::Kb(k) = key {
            let e = &kb.entries[*k];
            let spec: Vec<&crate::kb::Role> =
                e.roles.iter().filter(|r| specific(&r.role)).collect();
            if !spec.is_empty() {
                let at: Vec<&&crate::kb::Role> = spec
                    .iter()
                    .filter(|r| date.as_deref().is_none_or(|d| r.active_at(d)))
                    .collect();
                let ok = at
                    .iter()
                    .any(|r| role_equivalent(fr.role, &r.role) && org_matches(kb, &fr.org, &r.org));
                agrees = Some(ok);
                if !ok {
                    let kbr: Vec<String> = at
                        .iter()
                        .map(|r| format!("{} ({})", r.role, r.org))
                        .collect();
                    ent.flags.push(format!(
                        "role-mismatch: text says \"{}\"; KB{}: {}",
                        c.doc.slice(fr.span),
                        date.as_deref()
                            .map(|d| format!(" at {d}"))
                            .unwrap_or_default(),
                        if kbr.is_empty() {
                            "no role held".to_string()
                        } else {
                            kbr.join(", ")
                        }
                    ));
                }
            }
        }
        let tr = TextRole {
            span: fr.span,
            role: fr.role.to_string(),
            org: fr.org,
            agrees,
        };
        if !ent.text_roles.contains(&tr) {
            ent.text_roles.push(tr);
        }
    }
    for (k, fl) in flags.drain() {
        if let Some(ent) = by_key.get_mut(&k) {
            for f in fl {
                if !ent.flags.contains(&f) {
                    ent.flags.push(f);
                }
            }
        }
    }
    order
        .into_iter()
        .filter_map(|k| by_key.remove(&k))
        .collect()
}

/// The document entity for a KB entry (roles at `date`, all roles when the date is unknown).
pub fn kb_entity(e: &Entry, date: Option<&str>) -> Entity {
    let mut ent = Entity::new(e.id.clone(), e.name.clone(), e.kind.clone());
    ent.kb_id = Some(e.id.clone());
    ent.country = e.country.clone();
    ent.sector = e.sector.clone();
    ent.wikidata = e.wikidata.clone();
    ent.subtype = e.first("class").map(str::to_string);
    ent.roles = e
        .roles
        .iter()
        .filter(|r| date.is_none_or(|d| r.active_at(d)))
        .map(role_view)
        .collect();
    ent
}

#[cfg(test)]
mod tests {
    use super::near_spelling;

    #[test]
    fn spelling_variants_of_a_given_name_are_near() {
        assert!(near_spelling("svyatlana", "sviatlana"));
        assert!(near_spelling("aliaksandr", "alyaksandr"));
        assert!(!near_spelling("hunter", "joseph"));
        assert!(near_spelling("sergei", "sergey"));
        assert!(!near_spelling("joe", "jon"));
    }
}
