//! The data tables the coder uses, embedded from `resources/events/`: the trigger lexicon, cue words and the
//! country/demonym gazetteer.

use std::collections::HashMap as StdHashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A small fast hasher (FxHash-style multiply-rotate) for the lexicon's string tables; the keys are our own
/// data, so hash flooding is not a concern.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
            h = (h.rotate_left(5) ^ w).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ b as u64).wrapping_mul(K);
        }
        self.0 = h;
    }
    fn write_u8(&mut self, i: u8) {
        self.write(&[i]);
    }
    fn write_usize(&mut self, i: usize) {
        self.write(&(i as u64).to_le_bytes());
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// HashMap with [`FxHasher`].
pub type HashMap<K, V> = StdHashMap<K, V, BuildHasherDefault<FxHasher>>;

const TRIGGERS: &str = include_str!("../../../resources/events/triggers.tsv");
/// Triggers typed with the PLOVER project's CAMEO mapping (CC BY-SA 4.0, hence a file of their own).
const TRIGGERS_CAMEO: &str = include_str!("../../../resources/events/triggers_cameo.tsv");
/// Verb–object triggers generated from the CAMEO verb dictionary's patterns (`tools/cameo_patterns.py`).
const TRIGGERS_CAMEO_PATTERNS: &str =
    include_str!("../../../resources/events/triggers_cameo_patterns.tsv");
const CUES: &str = include_str!("../../../resources/events/cues.tsv");
const COUNTRIES: &str = include_str!("../../../resources/events/countries.tsv");
const COUNTRIES_EXTRA: &str = include_str!("../../../resources/events/countries_extra.tsv");
const IGOS: &str = include_str!("../../../resources/events/igos.tsv");
/// The coder's word lists (`resources/events/words.txt`, read by [`dossier_model::WordLists`]).
pub const WORDS: &str = include_str!("../../../resources/events/words.txt");

/// A set of lower-case words with [`FxHasher`].
pub type WordSet = std::collections::HashSet<String, BuildHasherDefault<FxHasher>>;

/// Part of speech a trigger pattern applies to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TriggerPos {
    Verb,
    Noun,
}

/// One trigger lexicon entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trigger {
    /// Lower-case lemma words.
    pub words: Vec<String>,
    pub pos: TriggerPos,
    pub event_type: String,
    pub mode: Option<String>,
    pub context: Option<String>,
    pub cameo: String,
    /// Conditions for the trigger to count, all of which must hold: a context (from the context cues) the
    /// sentence must show, or one of the parse conditions the coder knows (`party`, `object`, `speech`).
    pub requires: Vec<String>,
    /// A verb–object pattern whose object must be the verb's direct object, not inside a prepositional
    /// phrase (the CAMEO dictionary's "- * OBJECT" patterns; its prepositional objects are written out).
    pub direct_object: bool,
}

impl Trigger {
    /// Whether `condition` is among the trigger's requirements.
    pub fn requires(&self, condition: &str) -> bool {
        self.requires.iter().any(|r| r == condition)
    }
}

/// A gazetteer hit kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceKind {
    Name,
    Demonym,
    Capital,
    City,
    /// An international or non-governmental organization (code IGO / NGO).
    Org,
}

#[derive(Clone, Debug)]
pub struct CountryEntry {
    pub code: String,
    pub kind: PlaceKind,
}

/// All tables, parsed once.
pub struct Lexicon {
    pub triggers: Vec<Trigger>,
    /// Surface form (lower case, single token) → lemma, for verb and noun inflections of trigger words.
    pub forms: HashMap<String, Vec<String>>,
    /// First lemma word → indexes into `triggers`.
    pub by_first: HashMap<String, Vec<usize>>,
    /// Direct-object patterns (`Trigger::direct_object`, not in `by_first`): verb lemma → object → indices.
    pub by_verb_object: HashMap<String, HashMap<String, Vec<usize>>>,
    /// Lower-case surface forms a trigger can start with (every inflection of a verb trigger's first word,
    /// the first word of a multiword noun, the singular and plural of a one-word noun); the cheap pre-parse
    /// filter [`crate::may_have_event`] looks tokens up here.
    pub trigger_starts: WordSet,
    /// Surface forms of the objects and verbs of verb–object patterns ("launch … assault"): the filter
    /// passes a sentence for such a pattern only when both occur.
    pub pair_objects: WordSet,
    pub pair_verbs: WordSet,
    /// Object lemma → the verb lemmas it forms a pattern with.
    pub pairs: HashMap<String, Vec<String>>,
    /// Of `trigger_starts`, the forms that start only triggers needing a speech verb ("must", "should").
    pub speech_only_starts: WordSet,
    /// Lower-case forms that can carry an announce/report cue (any inflection of a one-word cue, the first
    /// word of a cue phrase).
    pub speech_forms: WordSet,
    /// Capitalized words that never start an actor name (`stop_cap` in words.txt, plus month and weekday names).
    pub stop_caps: WordSet,
    /// Words after which a verb-trigger form reads as a noun (`determiner`).
    pub determiners: WordSet,
    /// Words after which an ambiguous base form reads as a verb (`verb_context`).
    pub verb_context: WordSet,
    /// Noun triggers that also name a document (`artifact`).
    pub artifacts: WordSet,
    /// Trigger lemmas whose "between X and Y" are recipients, not actors (`third_party`).
    pub third_party: WordSet,
    /// PLOVER types and modes (lower case) whose nominal triggers take the party acted upon after "of"
    /// (`of_patient`).
    pub of_patient: WordSet,
    /// PLOVER types (lower case) whose passive subject is never the actor (`force_type`).
    pub force_types: WordSet,
    /// PLOVER types (lower case) of meetings (`meeting_type`).
    pub meeting_types: WordSet,
    /// PLOVER types (lower case) of events held between parties (`between_parties_type`).
    pub between_parties_types: WordSet,
    /// PLOVER types (lower case) of speech acts aimed at their complement's subject (`speech_act_type`).
    pub speech_act_types: WordSet,
    /// PLOVER types and modes (lower case) whose nominal triggers take the party acted upon after "from"
    /// (`from_patient`); after the others "from" names the source.
    pub from_patient: WordSet,
    /// Verbs that carry an event noun's source ("threats coming from …") (`source_verb`).
    pub source_verbs: WordSet,
    /// Verbs whose subject undergoes their event-noun object ("fears an invasion") (`undergoer_verb`).
    pub undergoer_verbs: WordSet,
    /// Verbs whose object is the event's topic, not its target ("discussed the measures") (`topic_verb`).
    pub topic_verbs: WordSet,
    /// Personal pronouns for a group ("they") (`plural_pronoun`).
    pub plural_pronouns: WordSet,
    /// Last words of the names of laws and their parts ("Elections Clause") (`document_last`).
    pub document_last: WordSet,
    /// Prepositions before a date that bound a period, not the story's time (`period_bound`).
    pub period_bound: WordSet,
    /// Trigger words that are also subjectless courtesy formulas ("Thank you.") (`courtesy`).
    pub courtesy: WordSet,
    /// Words that open a yes/no question (`question_auxiliary`).
    pub question_auxiliaries: WordSet,
    /// Verbs of death or injury (`casualty`) and the disasters and accidents that cause them without an
    /// attacker (`accident`).
    pub casualty: WordSet,
    pub accidents: WordSet,
    /// International organizations whose organs are named after them (`igo_parent`, lower case).
    pub igo_parents: WordSet,
    /// Continents and regions larger than a country (`supranational`, lower case): never a country's.
    pub supranational: WordSet,
    /// Pronouns that open a relative clause (`relative_pronoun`).
    pub relative_pronouns: WordSet,
    /// Words of a relative clause that is about an event noun ("which took place", `occurrence`).
    pub occurrence: WordSet,
    /// Roman numerals that make a place name the name of an accord ("Minsk II", `name_numeral`).
    pub name_numerals: WordSet,
    /// Nouns whose "of" + gerund is only thought of ("the importance of protecting", `modal_noun`).
    pub modal_nouns: WordSet,
    /// Words of comparison ("similar to the protests", `comparison_mark`).
    pub comparison_marks: WordSet,
    /// Bodies named by what they do ("court of appeals", `body_noun`).
    pub body_nouns: WordSet,
    /// Nouns whose clause is what was said or promised (`saying_noun`).
    pub saying_nouns: WordSet,
    /// Markers of a purpose clause and of a condition (`purpose_mark`, `condition_mark`).
    pub purpose_marks: WordSet,
    pub condition_marks: WordSet,
    /// Markers of a clause at another time than the one it hangs on (`sequence_mark`).
    pub sequence_marks: WordSet,
    /// Markers of a gerund whose subject is the governing verb's object (`object_control_mark`).
    pub object_control_marks: WordSet,
    /// Prepositions that name whom a verb is aimed at, the actor of its for/of gerund (`aimed_at_preposition`).
    pub aimed_at_prepositions: WordSet,
    /// Nouns of promising that pass an event noun after "of" on to their verb (`commitment_noun`).
    pub commitment_nouns: WordSet,
    /// Words that start a prepositional phrase (`preposition`).
    pub prepositions: WordSet,
    /// Subject pronouns for a person and for a state or organization (`person_pronoun`, `thing_pronoun`).
    pub person_pronouns: WordSet,
    pub thing_pronouns: WordSet,
    /// (modifier, trigger lemma) → the PLOVER type the pair means, or [`NO_EVENT`] (`retype`).
    pub retype: HashMap<(String, String), String>,
    /// category → list of phrases (token lists).
    pub cues: HashMap<String, Vec<Vec<String>>>,
    /// First word of a cue phrase → (category, phrase).
    pub cue_first: HashMap<String, Vec<(String, Vec<String>)>>,
    /// Lemma of a one-word announce/report cue → categories.
    pub cue_lemma: HashMap<String, Vec<String>>,
    /// context cue word → context.
    pub context_cues: HashMap<String, String>,
    /// sector cue phrase → sector.
    pub sectors: Vec<(Vec<String>, String)>,
    /// Country surface (as tokens, case-sensitive) → entry; longest match first at lookup.
    pub countries: HashMap<String, CountryEntry>,
    pub max_country_len: usize,
    /// First token of a gazetteer name → the longest name (in tokens) starting with it.
    pub country_first: HashMap<String, usize>,
    /// First word of a sector phrase → indexes into `sectors` (longest first).
    pub sectors_by_first: HashMap<String, Vec<usize>>,
    /// Country code → its (first listed) capital.
    pub capitals: HashMap<String, String>,
}

fn opt(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty() && s != "_").then(|| s.to_string())
}

/// Inflected forms of a lower-case English verb lemma (regular morphology plus a small irregular table).
pub fn verb_forms(lemma: &str) -> Vec<String> {
    let mut out = vec![lemma.to_string()];
    let irregular: &[(&str, &[&str])] = &[
        ("meet", &["met"]),
        ("hold", &["held"]),
        ("pay", &["paid"]),
        ("make", &["made"]),
        ("take", &["took", "taken"]),
        ("begin", &["began", "begun"]),
        ("give", &["gave", "given"]),
        ("seek", &["sought"]),
        ("tell", &["told"]),
        ("say", &["said"]),
        ("have", &["has", "had"]),
        ("fight", &["fought"]),
        ("shoot", &["shot"]),
        ("beat", &["beaten"]),
        ("send", &["sent"]),
        ("cut", &["cut"]),
        ("set", &["set"]),
        ("put", &["put"]),
        ("lead", &["led"]),
        ("break", &["broke", "broken"]),
        ("forgive", &["forgave", "forgiven"]),
        ("withdraw", &["withdrew", "withdrawn"]),
        ("undertake", &["undertook", "undertaken"]),
        ("strike", &["struck", "stricken"]),
        ("build", &["built"]),
        ("sell", &["sold"]),
        ("buy", &["bought"]),
        ("bring", &["brought"]),
        ("win", &["won"]),
        ("lose", &["lost"]),
        ("run", &["ran"]),
        ("write", &["wrote", "written"]),
        ("speak", &["spoke", "spoken"]),
        ("arise", &["arose"]),
        ("stand", &["stood"]),
        ("do", &["did", "done", "does"]),
        ("be", &["is", "are", "was", "were", "been", "am"]),
        ("go", &["went", "gone", "goes"]),
        ("freeze", &["froze", "frozen"]),
        ("flee", &["fled"]),
        ("bind", &["bound"]),
        ("lay", &["laid"]),
        ("overtake", &["overtook", "overtaken"]),
        ("overthrow", &["overthrew", "overthrown"]),
        ("shake", &["shook", "shaken"]),
        ("slay", &["slew", "slain"]),
        ("spend", &["spent"]),
        ("steal", &["stole", "stolen"]),
        ("swear", &["swore", "sworn"]),
        ("throw", &["threw", "thrown"]),
        ("hit", &["hit"]),
        ("quit", &["quit"]),
        ("shut", &["shut"]),
        ("let", &["let"]),
        ("bid", &["bid"]),
        ("forbid", &["forbade", "forbidden"]),
        ("rise", &["rose", "risen"]),
        ("drive", &["drove", "driven"]),
        ("ride", &["rode", "ridden"]),
        ("choose", &["chose", "chosen"]),
        ("keep", &["kept"]),
        ("leave", &["left"]),
        ("feel", &["felt"]),
        ("hear", &["heard"]),
        ("find", &["found"]),
        ("get", &["got", "gotten"]),
        ("see", &["saw", "seen"]),
        ("come", &["came"]),
        ("become", &["became"]),
        ("know", &["knew", "known"]),
        ("grow", &["grew", "grown"]),
        ("draw", &["drew", "drawn"]),
        ("blow", &["blew", "blown"]),
        ("tear", &["tore", "torn"]),
        ("wear", &["wore", "worn"]),
        ("bear", &["bore", "borne"]),
        ("catch", &["caught"]),
        ("teach", &["taught"]),
        ("think", &["thought"]),
        ("sink", &["sank", "sunk"]),
        ("spread", &["spread"]),
        ("upset", &["upset"]),
        ("uphold", &["upheld"]),
        ("withhold", &["withheld"]),
        ("mislead", &["misled"]),
        ("stick", &["stuck"]),
        ("dig", &["dug"]),
        ("feed", &["fed"]),
    ];
    for (l, fs) in irregular {
        if *l == lemma {
            out.extend(fs.iter().map(|s| s.to_string()));
        }
    }
    let b = lemma.as_bytes();
    let n = b.len();
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    if lemma.ends_with('e') {
        let stem = &lemma[..n - 1];
        out.push(format!("{lemma}s"));
        out.push(format!("{lemma}d"));
        out.push(format!("{stem}ing"));
    } else if n >= 2 && lemma.ends_with('y') && !vowel(b[n - 2]) {
        let stem = &lemma[..n - 1];
        out.push(format!("{stem}ies"));
        out.push(format!("{stem}ied"));
        out.push(format!("{lemma}ing"));
    } else {
        let es = lemma.ends_with('s')
            || lemma.ends_with('x')
            || lemma.ends_with("sh")
            || lemma.ends_with("ch")
            || lemma.ends_with('z');
        out.push(if es {
            format!("{lemma}es")
        } else {
            format!("{lemma}s")
        });
        out.push(format!("{lemma}ed"));
        out.push(format!("{lemma}ing"));
        // Consonant doubling for short CVC verbs ("ban" → "banned", "plan" → "planned").
        if n >= 3
            && !vowel(b[n - 1])
            && !matches!(b[n - 1], b'w' | b'x' | b'y')
            && vowel(b[n - 2])
            && !vowel(b[n - 3])
        {
            // Over-generates for verbs stressed on the first syllable ("visitted"); harmless for lookup.
            let c = b[n - 1] as char;
            out.push(format!("{lemma}{c}ed"));
            out.push(format!("{lemma}{c}ing"));
        }
    }
    out
}

/// A particle or preposition ending a two-word verb ("call off", "push for"): too common to look for.
fn is_particle(w: &str) -> bool {
    matches!(
        w,
        "out"
            | "off"
            | "down"
            | "up"
            | "back"
            | "over"
            | "away"
            | "for"
            | "on"
            | "with"
            | "against"
            | "in"
            | "by"
            | "about"
            | "to"
            | "into"
            | "from"
            | "at"
            | "through"
    )
}

/// Plural forms of a lower-case English noun.
pub fn noun_forms(lemma: &str) -> Vec<String> {
    let mut out = vec![lemma.to_string()];
    let n = lemma.len();
    if lemma.ends_with('y')
        && n >= 2
        && !matches!(lemma.as_bytes()[n - 2], b'a' | b'e' | b'o' | b'u')
    {
        out.push(format!("{}ies", &lemma[..n - 1]));
    } else if lemma.ends_with('s')
        || lemma.ends_with("sh")
        || lemma.ends_with("ch")
        || lemma.ends_with('x')
    {
        out.push(format!("{lemma}es"));
    } else {
        out.push(format!("{lemma}s"));
    }
    out
}

fn words(s: &str) -> Vec<String> {
    s.split_whitespace().map(|w| w.to_lowercase()).collect()
}

/// Whether a PLOVER type (any case) is in a type list of words.txt (lower case).
pub fn type_listed(list: &WordSet, event_type: &str) -> bool {
    list.contains(event_type.to_ascii_lowercase().as_str())
}

impl Lexicon {
    fn parse() -> Lexicon {
        let mut triggers = Vec::new();
        let mut forms: HashMap<String, Vec<String>> = HashMap::default();
        let mut add_form = |f: String, l: &str| {
            let e = forms.entry(f).or_default();
            if !e.iter().any(|x| x == l) {
                e.push(l.to_string());
            }
        };
        let hand_made = TRIGGERS.lines().chain(TRIGGERS_CAMEO.lines());
        for (line, direct_object) in hand_made
            .map(|l| (l, false))
            .chain(TRIGGERS_CAMEO_PATTERNS.lines().map(|l| (l, true)))
        {
            let line = line.trim_end();
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 6 {
                continue;
            }
            let w = words(cols[0]);
            let pos = if cols[1] == "N" {
                TriggerPos::Noun
            } else {
                TriggerPos::Verb
            };
            match pos {
                TriggerPos::Verb => {
                    for f in verb_forms(&w[0]) {
                        add_form(f, &w[0]);
                    }
                    // A verb–object pattern's object may be plural ("resume talks" for "resume talk").
                    if w.len() >= 2 && !is_particle(w.last().unwrap()) {
                        let last = w.last().unwrap();
                        for f in noun_forms(last) {
                            add_form(f, last);
                        }
                    }
                }
                TriggerPos::Noun => {
                    let last = w.last().unwrap();
                    for f in noun_forms(last) {
                        add_form(f, last);
                    }
                }
            }
            for x in &w {
                add_form(x.clone(), x);
            }
            triggers.push(Trigger {
                words: w,
                pos,
                event_type: cols[2].trim().to_string(),
                mode: opt(cols[3]),
                context: opt(cols[4]),
                cameo: cols[5].trim().to_string(),
                requires: cols
                    .get(6)
                    .and_then(|c| opt(c))
                    .map(|c| c.split(',').map(|r| r.trim().to_string()).collect())
                    .unwrap_or_default(),
                direct_object,
            });
        }
        let mut cues: HashMap<String, Vec<Vec<String>>> = HashMap::default();
        let mut context_cues = HashMap::default();
        let mut sectors = Vec::new();
        for line in CUES.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 2 {
                continue;
            }
            match cols[0] {
                "context" if cols.len() >= 3 => {
                    context_cues.insert(cols[1].to_lowercase(), cols[2].trim().to_string());
                }
                "sector" if cols.len() >= 3 => {
                    sectors.push((words(cols[1]), cols[2].trim().to_string()));
                }
                cat => {
                    let w = words(cols[1]);
                    if matches!(cat, "announce" | "report" | "light") {
                        for f in verb_forms(&w[0]) {
                            add_form(f, &w[0]);
                        }
                    }
                    cues.entry(cat.to_string()).or_default().push(w);
                }
            }
        }
        sectors.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::default();
        let mut by_verb_object: HashMap<String, HashMap<String, Vec<usize>>> = HashMap::default();
        for (i, t) in triggers.iter().enumerate() {
            if t.direct_object {
                by_verb_object
                    .entry(t.words[0].clone())
                    .or_default()
                    .entry(t.words[1].clone())
                    .or_default()
                    .push(i);
            } else {
                by_first.entry(t.words[0].clone()).or_default().push(i);
            }
        }
        let mut countries = HashMap::default();
        let mut max_country_len = 1;
        let mut capitals = HashMap::default();
        // Hand-written entries first: they take priority over the derived table.
        for line in COUNTRIES_EXTRA
            .lines()
            .chain(IGOS.lines())
            .chain(COUNTRIES.lines())
        {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 3 {
                continue;
            }
            let kind = match cols[2].trim() {
                "demonym" => PlaceKind::Demonym,
                "capital" => PlaceKind::Capital,
                "city" => PlaceKind::City,
                "igo" => PlaceKind::Org,
                _ => PlaceKind::Name,
            };
            let surface = cols[0].trim();
            if kind == PlaceKind::Capital {
                capitals
                    .entry(cols[1].trim().to_string())
                    .or_insert_with(|| surface.to_string());
            }
            // Names with commas ("Korea, Republic of") never occur in running text in that form.
            if surface.contains(',') {
                continue;
            }
            let key = tokenize_simple(surface).join(" ");
            max_country_len = max_country_len.max(key.split(' ').count());
            let entry = CountryEntry {
                code: cols[1].trim().to_string(),
                kind,
            };
            if kind == PlaceKind::Demonym {
                // Plural demonyms: "Israelis", "Palestinians", "Russians".
                if !surface.ends_with('s') && !surface.ends_with("ese") && !surface.ends_with("sh")
                {
                    countries
                        .entry(format!("{key}s"))
                        .or_insert_with(|| entry.clone());
                }
            }
            countries.entry(key).or_insert(entry);
        }
        // The pre-parse filter looks for one word every match needs: a verb's first word, except for a
        // verb–object pattern ("launch assault"), which needs its object word; a noun's first word.
        let mut trigger_starts = WordSet::default();
        let mut key_lemmas: std::collections::HashSet<&str> = std::collections::HashSet::new();
        let mut pair_objects = WordSet::default();
        let mut pair_verbs = WordSet::default();
        let mut pairs: HashMap<String, Vec<String>> = HashMap::default();
        for t in &triggers {
            match t.pos {
                TriggerPos::Verb if t.words.len() >= 2 && !is_particle(t.words.last().unwrap()) => {
                    // Both words must occur: recorded as a pair, checked after the sentence is read.
                    let last = t.words.last().unwrap();
                    pair_objects.extend(noun_forms(last));
                    pair_objects.insert(last.clone());
                    pair_verbs.extend(verb_forms(&t.words[0]));
                    pairs
                        .entry(last.clone())
                        .or_default()
                        .push(t.words[0].clone());
                }
                TriggerPos::Verb => {
                    trigger_starts.extend(verb_forms(&t.words[0]));
                    key_lemmas.insert(&t.words[0]);
                }
                TriggerPos::Noun if t.words.len() == 1 => {
                    trigger_starts.extend(noun_forms(&t.words[0]));
                    key_lemmas.insert(&t.words[0]);
                }
                TriggerPos::Noun => {
                    trigger_starts.insert(t.words[0].clone());
                    key_lemmas.insert(&t.words[0]);
                }
            }
        }
        // Any surface form the lexicon lemmatizes to such a key word.
        for (form, lemmas) in &forms {
            if lemmas.iter().any(|l| key_lemmas.contains(l.as_str())) {
                trigger_starts.insert(form.clone());
            }
        }
        let mut speech_only_starts = WordSet::default();
        for t in &triggers {
            let only_speech = by_first
                .get(&t.words[0])
                .is_some_and(|ix| ix.iter().all(|&k| triggers[k].requires("speech")));
            if only_speech && t.pos == TriggerPos::Verb && t.words.len() == 1 {
                for f in verb_forms(&t.words[0]) {
                    // A form that also starts another trigger stays an ordinary start.
                    let other = forms.get(&f).is_some_and(|ls| {
                        ls.iter().any(|l| {
                            l != &t.words[0]
                                && by_first.get(l).is_some_and(|ix| {
                                    ix.iter().any(|&k| !triggers[k].requires("speech"))
                                })
                        })
                    });
                    if !other {
                        speech_only_starts.insert(f);
                    }
                }
            }
        }
        let mut speech_forms = WordSet::default();
        for (cat, list) in &cues {
            if matches!(cat.as_str(), "announce" | "report") {
                for p in list {
                    speech_forms.insert(p[0].clone());
                    if p.len() == 1 {
                        speech_forms.extend(verb_forms(&p[0]));
                    }
                }
            }
        }
        // Embedded and checked by this crate's tests, so a parse error cannot reach users.
        let words = dossier_model::WordLists::parse(WORDS).unwrap_or_default();
        let set =
            |name: &str| -> WordSet { words.get(name).iter().map(|w| w.to_lowercase()).collect() };
        let mut stop_caps = set("stop_cap");
        let (determiners, verb_context, artifacts) =
            (set("determiner"), set("verb_context"), set("artifact"));
        let third_party = set("third_party");
        let of_patient = set("of_patient");
        let force_types = set("force_type");
        let meeting_types = set("meeting_type");
        let between_parties_types = set("between_parties_type");
        let speech_act_types = set("speech_act_type");
        let (from_patient, source_verbs) = (set("from_patient"), set("source_verb"));
        let undergoer_verbs = set("undergoer_verb");
        let (topic_verbs, plural_pronouns) = (set("topic_verb"), set("plural_pronoun"));
        let document_last = set("document_last");
        let period_bound = set("period_bound");
        let courtesy = set("courtesy");
        let question_auxiliaries = set("question_auxiliary");
        let (casualty, accidents) = (set("casualty"), set("accident"));
        let igo_parents = set("igo_parent");
        let supranational = set("supranational");
        let relative_pronouns = set("relative_pronoun");
        let occurrence = set("occurrence");
        let name_numerals = set("name_numeral");
        let modal_nouns = set("modal_noun");
        let comparison_marks = set("comparison_mark");
        let body_nouns = set("body_noun");
        let saying_nouns = set("saying_noun");
        let (purpose_marks, condition_marks) = (set("purpose_mark"), set("condition_mark"));
        let prepositions = set("preposition");
        let sequence_marks = set("sequence_mark");
        let object_control_marks = set("object_control_mark");
        let aimed_at_prepositions = set("aimed_at_preposition");
        let commitment_nouns = set("commitment_noun");
        let (person_pronouns, thing_pronouns) = (set("person_pronoun"), set("thing_pronoun"));
        let mut retype = HashMap::default();
        for (pair, event_type) in words.pairs("retype") {
            if let Some((modifier, lemma)) = pair.split_once(' ') {
                retype.insert(
                    (modifier.to_lowercase(), lemma.to_lowercase()),
                    event_type.to_string(),
                );
            }
        }
        for name in dossier_model::MONTH_NAMES
            .iter()
            .chain(dossier_model::WEEKDAY_NAMES.iter())
        {
            stop_caps.insert(name.to_lowercase());
        }
        let mut country_first: HashMap<String, usize> = HashMap::default();
        for k in countries.keys() {
            let n = k.split(' ').count();
            let first = k.split(' ').next().unwrap_or("").to_string();
            let e = country_first.entry(first).or_default();
            *e = (*e).max(n);
        }
        let mut sectors_by_first: HashMap<String, Vec<usize>> = HashMap::default();
        for (i, (w, _)) in sectors.iter().enumerate() {
            sectors_by_first.entry(w[0].clone()).or_default().push(i);
        }
        let mut cue_first: HashMap<String, Vec<(String, Vec<String>)>> = HashMap::default();
        let mut cue_lemma: HashMap<String, Vec<String>> = HashMap::default();
        for (cat, list) in &cues {
            for p in list {
                cue_first
                    .entry(p[0].clone())
                    .or_default()
                    .push((cat.clone(), p.clone()));
                if p.len() == 1 && matches!(cat.as_str(), "announce" | "report") {
                    cue_lemma.entry(p[0].clone()).or_default().push(cat.clone());
                }
            }
        }
        Lexicon {
            cue_first,
            cue_lemma,
            country_first,
            sectors_by_first,
            triggers,
            forms,
            by_first,
            by_verb_object,
            trigger_starts,
            pair_objects,
            pair_verbs,
            pairs,
            speech_only_starts,
            speech_forms,
            stop_caps,
            determiners,
            verb_context,
            artifacts,
            third_party,
            of_patient,
            force_types,
            meeting_types,
            between_parties_types,
            speech_act_types,
            from_patient,
            source_verbs,
            undergoer_verbs,
            topic_verbs,
            plural_pronouns,
            document_last,
            period_bound,
            courtesy,
            question_auxiliaries,
            casualty,
            accidents,
            igo_parents,
            supranational,
            relative_pronouns,
            occurrence,
            name_numerals,
            modal_nouns,
            comparison_marks,
            body_nouns,
            saying_nouns,
            purpose_marks,
            condition_marks,
            sequence_marks,
            object_control_marks,
            aimed_at_prepositions,
            commitment_nouns,
            prepositions,
            person_pronouns,
            thing_pronouns,
            retype,
            cues,
            context_cues,
            sectors,
            countries,
            max_country_len,
            capitals,
        }
    }

    /// The parsed tables (parsed on first use).
    pub fn get() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(Lexicon::parse)
    }

    /// Candidate lemmas for a lower-case surface form.
    pub fn lemmas(&self, lower: &str) -> &[String] {
        self.forms.get(lower).map(|v| v.as_slice()).unwrap_or(&[])
    }

    pub fn cue(&self, category: &str) -> &[Vec<String>] {
        self.cues.get(category).map(|v| v.as_slice()).unwrap_or(&[])
    }

    /// The country entry for a token sequence (joined by spaces, original case).
    pub fn country(&self, key: &str) -> Option<&CountryEntry> {
        self.countries.get(key)
    }
}

/// Splits a gazetteer name the way the segmenter splits running text (closely enough for lookup):
/// whitespace, and a trailing period that is not part of an abbreviation.
pub fn tokenize_simple(s: &str) -> Vec<String> {
    s.split_whitespace().map(|w| w.to_string()).collect()
}

/// The `retype` value of a (modifier, trigger) pair that is no event ("earthquake strikes").
pub const NO_EVENT: &str = "none";

/// The PLOVER event types, in the 2021 manual's order.
pub const PLOVER_TYPES: [&str; 16] = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
];

/// The CAMEO root code (two digits) a PLOVER type usually comes from, for CSV exports.
pub fn cameo_root(event_type: &str) -> Option<&'static str> {
    Some(match event_type {
        "AGREE" => "03",
        "CONSULT" => "04",
        "SUPPORT" => "05",
        "COOPERATE" => "06",
        "AID" => "07",
        "CONCEDE" | "RETREAT" => "08",
        "REQUEST" => "02",
        "ACCUSE" => "11",
        "REJECT" => "12",
        "THREATEN" => "13",
        "PROTEST" => "14",
        "MOBILIZE" => "15",
        "SANCTION" => "16",
        "COERCE" => "17",
        "ASSAULT" => "18",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_trigger_has_a_plover_type_and_cameo_code() {
        let lex = Lexicon::get();
        assert!(lex.triggers.len() > 150);
        for t in &lex.triggers {
            assert!(PLOVER_TYPES.contains(&t.event_type.as_str()), "{t:?}");
            assert!(
                t.cameo.len() >= 2 && t.cameo.chars().all(|c| c.is_ascii_digit()),
                "{t:?}"
            );
        }
        // A condition nothing checks would silently drop its trigger.
        for t in &lex.triggers {
            for r in &t.requires {
                assert!(
                    crate::extract::CONDITIONS.contains(&r.as_str())
                        || lex.context_cues.values().any(|c| c == r),
                    "{t:?}: unknown condition {r}"
                );
            }
        }
        // All 16 types are reachable from the lexicon.
        for ty in PLOVER_TYPES {
            assert!(
                lex.triggers.iter().any(|t| t.event_type == ty),
                "{ty} has no trigger"
            );
        }
    }

    #[test]
    fn word_lists_load_from_data() {
        let words = dossier_model::WordLists::parse(WORDS).expect("words.txt parses");
        let lists: Vec<&str> = words.names().collect();
        assert_eq!(
            lists,
            [
                "stop_cap",
                "determiner",
                "verb_context",
                "artifact",
                "third_party",
                "of_patient",
                "from_patient",
                "force_type",
                "meeting_type",
                "between_parties_type",
                "speech_act_type",
                "source_verb",
                "undergoer_verb",
                "topic_verb",
                "plural_pronoun",
                "document_last",
                "period_bound",
                "igo_parent",
                "supranational",
                "purpose_mark",
                "condition_mark",
                "object_control_mark",
                "aimed_at_preposition",
                "sequence_mark",
                "preposition",
                "person_pronoun",
                "relative_pronoun",
                "thing_pronoun",
                "occurrence",
                "name_numeral",
                "modal_noun",
                "body_noun",
                "comparison_mark",
                "commitment_noun",
                "courtesy",
                "question_auxiliary",
                "casualty",
                "accident",
                "retype",
                "saying_noun"
            ]
        );
        // Every IGO parent is an organization of the gazetteer.
        for w in words.get("igo_parent") {
            assert!(
                Lexicon::get()
                    .countries
                    .iter()
                    .any(|(k, c)| k.to_lowercase() == *w && c.kind == PlaceKind::Org),
                "{w}"
            );
        }
        for w in words.get("third_party") {
            assert!(Lexicon::get().by_first.contains_key(w), "{w} is a trigger");
        }
        let lex = Lexicon::get();
        for w in ["the", "however", "january", "sunday", "mr"] {
            assert!(lex.stop_caps.contains(w), "{w}");
        }
        assert!(lex.determiners.contains("joint") && lex.verb_context.contains("will"));
        assert!(lex.artifacts.contains("agreement") && lex.artifacts.contains("treaty"));
        // Every retype row names a real trigger lemma and a PLOVER type, or none.
        assert!(lex.retype.len() >= 5);
        for ((_, trig), ty) in &lex.retype {
            assert!(lex.by_first.contains_key(trig), "{trig}");
            assert!(
                PLOVER_TYPES.contains(&ty.as_str()) || ty == NO_EVENT,
                "{ty}"
            );
        }
        assert_eq!(
            lex.retype
                .get(&("propaganda".to_string(), "attack".to_string()))
                .map(String::as_str),
            Some("ACCUSE")
        );
    }

    #[test]
    fn inflections_map_back_to_lemmas() {
        let lex = Lexicon::get();
        assert!(lex.lemmas("signed").contains(&"sign".to_string()));
        assert!(lex.lemmas("paid").contains(&"pay".to_string()));
        assert!(lex
            .lemmas("consultations")
            .contains(&"consultation".to_string()));
        assert!(lex
            .lemmas("negotiations")
            .contains(&"negotiation".to_string()));
        assert!(lex.lemmas("drills").contains(&"drill".to_string()));
        assert!(lex.lemmas("banned").contains(&"ban".to_string()));
        assert!(lex.lemmas("announced").contains(&"announce".to_string()));
        assert!(verb_forms("agree").contains(&"agreed".to_string()));
        assert!(verb_forms("supply").contains(&"supplied".to_string()));
        assert_eq!(noun_forms("policy"), vec!["policy", "policies"]);
    }

    #[test]
    fn gazetteer_has_names_demonyms_and_capitals() {
        let lex = Lexicon::get();
        assert_eq!(lex.country("Belarus").unwrap().code, "BLR");
        assert_eq!(lex.country("Belarusian").unwrap().kind, PlaceKind::Demonym);
        assert_eq!(lex.country("Minsk").unwrap().code, "BLR");
        assert_eq!(lex.country("Palestinians").unwrap().code, "PSE");
        assert_eq!(lex.country("United States").unwrap().code, "USA");
    }

    #[test]
    fn cameo_roots_cover_all_types() {
        for ty in PLOVER_TYPES {
            assert!(cameo_root(ty).is_some());
        }
    }
}
