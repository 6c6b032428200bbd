//! The extractor: attributed statements, then judgments (forecasts, assessments, recommendations).
//!
//! Works sentence by sentence on the segmenter's tokens, matching the cue lexicons as token sequences on an
//! ASCII-lowercased copy of the text (same byte offsets). Statements come first, so that a judgment inside a
//! statement's content is held by the speaker, not the author ("Putin confirmed that Russia will train …").

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use dossier_model::{BlockKind, Document, Judgment, Probability, Span, Statement, WordLists};

use crate::due;
use crate::lexicon::{lexicon, CueClass};
use crate::yardstick::{self, Yardstick};

/// Addressee hints for impersonal recommendations ("it will be necessary to adapt allied deterrence").
pub const ADDRESSEES_TSV: &str = include_str!("../../../resources/judgments/addressees.tsv");

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Lex(CueClass, usize),
    Phrase(usize),
    /// "would" (a future marker only inside reported speech).
    Would,
    /// "this means" + noun phrase.
    MeansNp,
}

#[derive(Clone, Copy, Debug)]
struct Match {
    kind: Kind,
    start: usize,
    end: usize,
}

impl Match {
    fn class(&self) -> Option<CueClass> {
        match self.kind {
            Kind::Lex(c, _) => Some(c),
            _ => None,
        }
    }
}

/// The extractor's word lists (`resources/judgments/words.txt`).
pub const WORDS_TXT: &str = include_str!("../../../resources/judgments/words.txt");

type WordSet = HashSet<&'static str>;

/// The lexical word lists as sets; see the comments in `resources/judgments/words.txt`.
struct Words {
    skip_before_cue: WordSet,
    stop_caps: WordSet,
    bare_clause: WordSet,
    participles: WordSet,
    evaluative: WordSet,
    /// With the weekday names.
    adjunct_start: WordSet,
}

fn words() -> &'static Words {
    static W: OnceLock<Words> = OnceLock::new();
    W.get_or_init(|| {
        static LISTS: OnceLock<WordLists> = OnceLock::new();
        // The file is embedded and checked by this crate's tests, so a parse error cannot reach users.
        let l = LISTS.get_or_init(|| WordLists::parse(WORDS_TXT).unwrap_or_default());
        let set = |name| l.get(name).iter().map(String::as_str).collect();
        let mut adjunct_start: WordSet = set("adjunct_start");
        adjunct_start.extend(dossier_model::WEEKDAY_NAMES);
        Words {
            skip_before_cue: set("skip_before_cue"),
            stop_caps: set("stop_caps"),
            bare_clause: set("bare_clause"),
            participles: set("participles"),
            evaluative: set("evaluative"),
            adjunct_start,
        }
    })
}

// Closed-class grammar words.
const NEG: &[&str] = &["not", "n't", "never", "no"];
const BE: &[&str] = &["was", "were", "is", "are", "been", "be", "being"];
const PRONOUNS: &[&str] = &["he", "she", "they", "we", "i", "you"];
const BAD_SPEAKERS: &[&str] = &[
    "it", "this", "these", "those", "that", "which", "what", "there",
];
/// Lowercase words allowed inside a speaker's noun phrase.
const NP_INNER: &[&str] = &[
    "of", "the", "and", "both", "two", "’s", "'s", "foreign", "defence", "defense", "deputy",
    "former", "its", "their", "his", "her", "a", "an", "-", "general", "prime", "three", "several",
    "some",
];
const DETS: &[&str] = &[
    "the", "both", "a", "an", "its", "their", "his", "her", "two", "three", "several", "some",
];
const CLAUSE_CONJ: &[&str] = &[
    "and", "but", "although", "though", "while", "whereas", "so", "which", "yet",
];
const SUBORDINATORS: &[&str] = &[
    "although", "though", "while", "if", "unless", "whereas", "since", "because", "when", "as",
];
const FINAL_PUNCT: &[&str] = &[".", "!", "?", "…"];
const OPEN_QUOTES: &[&str] = &["“", "\"", "‘", "«", "„", "``"];
const CLOSE_QUOTES: &[&str] = &["”", "\"", "’", "»", "''"];
const PREPOSITIONS: &[&str] = &[
    "to", "so", "in", "on", "at", "by", "for", "with", "of", "about", "during", "from", "after",
    "before", "and", "or", "but", "as", "that",
];

fn is_cap(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

fn addressee_hints() -> &'static HashMap<String, String> {
    static H: OnceLock<HashMap<String, String>> = OnceLock::new();
    H.get_or_init(|| {
        ADDRESSEES_TSV
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|l| {
                let (w, a) = l.split_once('\t')?;
                Some((w.trim().to_lowercase(), a.trim().to_string()))
            })
            .collect()
    })
}

/// One sentence's view: byte spans, lowercase and original token strings.
struct Sent<'a> {
    spans: Vec<Span>,
    words: Vec<&'a str>,
    orig: Vec<&'a str>,
}

impl Sent<'_> {
    fn len(&self) -> usize {
        self.words.len()
    }
    fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.spans[a].start, self.spans[b - 1].end)
    }
    fn w(&self, i: usize) -> &str {
        self.words.get(i).copied().unwrap_or("")
    }
    /// End (exclusive) without the final punctuation and closing quotes.
    fn body_end(&self) -> usize {
        let mut n = self.len();
        while n > 0 && (FINAL_PUNCT.contains(&self.words[n - 1]) || self.words[n - 1] == "”") {
            n -= 1;
        }
        n
    }
}

fn match_cues(s: &Sent) -> Vec<Match> {
    let lex = lexicon();
    let pidx = yardstick::phrase_index();
    let phrases = yardstick::phrases();
    let n = s.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let w = s.words[i];
        let mut best: Option<Match> = None;
        let fits = |toks: &[String]| {
            i + toks.len() <= n && toks.iter().zip(&s.words[i..]).all(|(a, b)| a == b)
        };
        if let Some(c) = lex.index.get(w) {
            if let Some(&ci) = c.iter().find(|&&ci| fits(&lex.cues[ci].tokens)) {
                let len = lex.cues[ci].tokens.len();
                best = Some(Match {
                    kind: Kind::Lex(lex.cues[ci].class, ci),
                    start: i,
                    end: i + len,
                });
            }
        }
        if let Some(c) = pidx.get(w) {
            if let Some(&pi) = c.iter().find(|&&pi| fits(&phrases[pi].tokens)) {
                let len = phrases[pi].tokens.len();
                if best.is_none_or(|b| b.end - b.start < len) {
                    best = Some(Match {
                        kind: Kind::Phrase(pi),
                        start: i,
                        end: i + len,
                    });
                }
            }
        }
        if best.is_none() {
            if w == "would" {
                best = Some(Match {
                    kind: Kind::Would,
                    start: i,
                    end: i + 1,
                });
            } else if (w == "means" || w == "mean") && i > 0 {
                let p = if s.w(i - 1) == "also" && i > 1 {
                    s.w(i - 2)
                } else {
                    s.w(i - 1)
                };
                if matches!(p, "this" | "it" | "that") {
                    best = Some(Match {
                        kind: Kind::MeansNp,
                        start: i,
                        end: i + 1,
                    });
                }
            }
        }
        match best {
            Some(m) if keep(s, &m) => {
                out.push(m);
                i = m.end;
            }
            _ => i += 1,
        }
    }
    out
}

/// Filters out readings that are not cues: the month "May", the noun "will", the noun "need".
fn keep(s: &Sent, m: &Match) -> bool {
    let i = m.start;
    let prev = if i > 0 { s.w(i - 1) } else { "" };
    match m.kind {
        Kind::Phrase(_) if s.words[i] == "may" => {
            (s.orig[i] != "May" || i == 0)
                && !s
                    .w(i + 1)
                    .bytes()
                    .next()
                    .is_some_and(|b| b.is_ascii_digit())
        }
        Kind::Lex(CueClass::Future, _) if s.words[i] == "will" => !matches!(
            prev,
            "the"
                | "a"
                | "political"
                | "own"
                | "good"
                | "free"
                | "popular"
                | "their"
                | "its"
                | "his"
                | "her"
                | "our"
                | "of"
                | "ill"
                | "people’s"
                | "’s"
                | "'s"
        ),
        Kind::Lex(CueClass::Recommend, _) => {
            !matches!(prev, "the" | "a" | "an" | "this" | "urgent" | "no" | "of")
                && s.w(m.end) != "have"
        }
        Kind::Lex(CueClass::Report | CueClass::ReportNp, _) => !(is_cap(s.orig[i]) && i > 0),
        _ => true,
    }
}

/// A speaker found before a cue: token range and whether it is a pronoun.
fn speaker_before(s: &Sent, j: usize) -> Option<(usize, usize, bool)> {
    if let Some(found) = speaker_np(s, j) {
        return Some(found);
    }
    // Apposition: "Louis Gallois, the Airbus chief executive, said …" → the name before it.
    if j > 2 && s.words[j - 1] == "," {
        let c = (j.saturating_sub(12)..j - 1)
            .rev()
            .find(|&k| s.words[k] == ",")?;
        if c + 1 < j - 1
            && matches!(
                s.words[c + 1],
                "the" | "a" | "an" | "its" | "their" | "his" | "her"
            )
            || is_cap(s.orig[c + 1])
        {
            return speaker_np(s, c).filter(|x| !x.2);
        }
    }
    None
}

fn speaker_np(s: &Sent, j: usize) -> Option<(usize, usize, bool)> {
    let lex = lexicon();
    let mut b = j;
    if b > 1 && s.words[b - 1] == "," && is_cap(s.orig[b - 2]) {
        b -= 1;
    }
    if b == 0 {
        return None;
    }
    let last = s.words[b - 1];
    if PRONOUNS.contains(&last) {
        return Some((b - 1, b, true));
    }
    if BAD_SPEAKERS.contains(&last) {
        return None;
    }
    let mut a = b;
    while a > 0 {
        let (w, o) = (s.words[a - 1], s.orig[a - 1]);
        let ok = if is_cap(o) {
            !words().stop_caps.contains(w)
        } else {
            NP_INNER.contains(&w) || lex.agents.contains(w)
        };
        if !ok {
            break;
        }
        a -= 1;
    }
    while a < b && matches!(s.words[a], "of" | "and" | "’s" | "'s" | "-") {
        a += 1;
    }
    if a == b || !(lex.agents.contains(s.words[b - 1]) || is_cap(s.orig[b - 1])) {
        return None;
    }
    let named = (a..b).any(|k| {
        (is_cap(s.orig[k]) && !DETS.contains(&s.words[k])) || lex.agents.contains(s.words[k])
    });
    named.then_some((a, b, false))
}

/// A capitalized name right after position `i` ("…,” said Putin).
fn speaker_after(s: &Sent, i: usize) -> Option<(usize, usize)> {
    let mut b = i;
    while b < s.len() && is_cap(s.orig[b]) && !words().stop_caps.contains(s.words[b]) {
        b += 1;
    }
    (b > i).then_some((i, b))
}

/// A quotation ending just before token `i` (skipping a comma): its inner token range.
fn quote_before(s: &Sent, i: usize) -> Option<(usize, usize)> {
    let mut k = i;
    if k > 0 && s.words[k - 1] == "," {
        k -= 1;
    }
    // A closing quote, also when written as two apostrophes split by the tokenizer ('' → ' ').
    let close = if k >= 2 && s.words[k - 1] == "'" && s.words[k - 2] == "'" {
        k - 2
    } else if k > 0 && CLOSE_QUOTES.contains(&s.words[k - 1]) {
        k - 1
    } else {
        return None;
    };
    let mut inner_end = close;
    if inner_end > 0 && s.words[inner_end - 1] == "," {
        inner_end -= 1;
    }
    let open = (0..close)
        .rev()
        .find(|&q| OPEN_QUOTES.contains(&s.words[q]))?;
    (inner_end > open + 1).then_some((open + 1, inner_end))
}

/// A quotation starting at token `i` (after an optional colon or comma): its inner token range.
fn quote_after(s: &Sent, i: usize) -> Option<(usize, usize)> {
    let mut k = i;
    if matches!(s.w(k), ":" | ",") {
        k += 1;
    }
    if s.w(k) == "`" && s.w(k + 1) == "`" {
        k += 1;
    } else if !OPEN_QUOTES.contains(&s.w(k)) {
        return None;
    }
    let close = (k + 1..s.len()).find(|&q| {
        CLOSE_QUOTES.contains(&s.words[q]) || (s.words[q] == "'" && s.w(q + 1) == "'")
    })?;
    (close > k + 1).then_some((k + 1, close))
}

/// A statement in token coordinates before conversion.
struct RawStatement {
    speaker: Option<(usize, usize)>,
    speaker_text: Option<String>,
    cue: (usize, usize),
    content: (usize, usize),
    start: usize,
    direct: bool,
    negated: bool,
}

fn negated_before(s: &Sent, i: usize, window: usize) -> bool {
    (i.saturating_sub(window)..i).any(|k| NEG.contains(&s.words[k]) && s.w(k + 1) != "only")
}

fn statements_in(s: &Sent, cues: &[Match]) -> Vec<RawStatement> {
    let mut out: Vec<RawStatement> = Vec::new();
    let body_end = s.body_end();
    for m in cues {
        let class = match m.class() {
            Some(c @ (CueClass::Report | CueClass::ReportNp | CueClass::According)) => c,
            _ => continue,
        };
        if class == CueClass::According {
            let mut e = m.end;
            while e < body_end && s.words[e] != "," {
                e += 1;
            }
            if e == m.end {
                continue;
            }
            let speaker = (m.end, e);
            let content = if e < body_end {
                (e + 1, body_end)
            } else if m.start > 1 && s.words[m.start - 1] == "," {
                (0, m.start - 1)
            } else {
                continue;
            };
            if content.0 >= content.1 {
                continue;
            }
            out.push(RawStatement {
                speaker: Some(speaker),
                speaker_text: None,
                cue: (m.start, m.end),
                content,
                start: m.start.min(content.0),
                direct: false,
                negated: false,
            });
            continue;
        }
        let negated = negated_before(s, m.start, 2);
        let mut j = m.start;
        while j > 0 && words().skip_before_cue.contains(s.words[j - 1]) {
            j -= 1;
        }
        let after = m.end;
        if j > 0 && BE.contains(&s.words[j - 1]) {
            // Passive: "it was declared that …", "the creation … was announced".
            let be = j - 1;
            let (content, start) = if s.w(after) == "that" {
                ((after + 1, body_end), be.saturating_sub(1))
            } else {
                let mut a = be;
                while a > 0 && !matches!(s.words[a - 1], "," | ";" | ":") {
                    a -= 1;
                }
                if a < be && s.words[a] == "and" {
                    a += 1;
                }
                if s.words[a..be]
                    .iter()
                    .all(|w| BAD_SPEAKERS.contains(w) || *w == "it")
                {
                    continue;
                }
                ((a, body_end), a)
            };
            if content.0 >= content.1 {
                continue;
            }
            let speaker = (s.w(after) == "by")
                .then(|| speaker_after(s, after + 1))
                .flatten();
            out.push(RawStatement {
                speaker,
                speaker_text: None,
                cue: (m.start, m.end),
                content,
                start,
                direct: false,
                negated,
            });
            continue;
        }
        let mut speaker = speaker_before(s, j).map(|(a, b, p)| ((a, b), p));
        // "…, saying that …" and "X welcomed everyone and announced that …" (no earlier statement to
        // share a speaker with): the subject the sentence opens with.
        let coordinated_first = j > 0 && s.words[j - 1] == "and" && out.is_empty();
        if speaker.is_none()
            && j > 0
            && ((words().participles.contains(s.words[m.start]) && s.words[j - 1] == ",")
                || coordinated_first)
        {
            // The subject of the main clause: the name the sentence opens with.
            let mut b = 0;
            while b < j && (is_cap(s.orig[b]) || NP_INNER.contains(&s.words[b])) {
                if words().stop_caps.contains(s.words[b]) {
                    b = 0;
                    break;
                }
                b += 1;
            }
            while b > 0 && NP_INNER.contains(&s.words[b - 1]) {
                b -= 1;
            }
            if b > 0 && speaker_np(s, b).is_some_and(|x| x.0 == 0) {
                speaker = Some(((0, b), false));
            }
        }
        let mut inherited = None;
        if speaker.is_none() && j > 0 && s.words[j - 1] == "and" {
            if let Some(prev) = out.last() {
                inherited = Some(prev.speaker_text.clone());
                speaker = prev.speaker.map(|sp| (sp, false));
            }
        }
        let quote_pre = quote_before(s, speaker.map_or(j, |((a, _), _)| a));
        if speaker.is_none() {
            // Inverted: "…,” said Putin. / "…, said Lavrov."
            let q = quote_before(s, m.start).map(|q| (q, true)).or_else(|| {
                (m.start > 1 && s.words[m.start - 1] == ",").then(|| ((0, m.start - 1), false))
            });
            if let (Some((q, direct)), Some(sp)) = (q, speaker_after(s, after)) {
                out.push(RawStatement {
                    speaker: Some(sp),
                    speaker_text: None,
                    cue: (m.start, m.end),
                    content: q,
                    start: q.0.saturating_sub(direct as usize),
                    direct,
                    negated,
                });
            }
            continue;
        }
        let ((sa, sb), pronoun) = speaker.unwrap_or(((0, 0), false));
        let cue_word = s.words[m.start];
        // "said in a statement that …", "told reporters on Monday: “…”"
        let adjunct_then = || -> Option<((usize, usize), bool)> {
            if !words().adjunct_start.contains(s.w(after)) && cue_word != "told" {
                return None;
            }
            for k in after..(after + 7).min(body_end) {
                if s.words[k] == "that" {
                    return Some(((k + 1, body_end), false));
                }
                if let Some(q) = quote_after(s, k) {
                    return Some((q, true));
                }
                if matches!(s.words[k], ";" | "." | "(" | ")") {
                    break;
                }
            }
            None
        };
        // Trailing attribution: "…, the USAF has announced."
        let trailing = || -> Option<((usize, usize), bool)> {
            (after >= body_end && sa > 1 && s.words[sa - 1] == ",").then(|| ((0, sa - 1), false))
        };
        let (content, direct) = if s.w(after) == "that" {
            ((after + 1, body_end), false)
        } else if let Some(q) = quote_after(s, after) {
            (q, true)
        } else if let Some(q) = quote_pre {
            (q, true)
        } else if let Some(c) = adjunct_then() {
            c
        } else if let Some(c) = trailing() {
            c
        } else if after < body_end
            && ((class == CueClass::ReportNp
                && (!pronoun || matches!(s.words[sa], "he" | "she" | "we" | "i")))
                || (words().bare_clause.contains(cue_word)
                    && !PREPOSITIONS.contains(&s.w(after))
                    && !s.w(after).starts_with(|c: char| c.is_ascii_punctuation())))
        {
            // A noun-phrase object ("announced the drills") or a bare clause ("said the firm expects").
            ((after, body_end), false)
        } else {
            continue;
        };
        if content.0 >= content.1 {
            continue;
        }
        let start = if direct && content.0 < sa {
            content.0.saturating_sub(1)
        } else if inherited.is_some() {
            j - 1
        } else {
            sa
        };
        out.push(RawStatement {
            speaker: Some((sa, sb)),
            speaker_text: inherited.flatten(),
            cue: (m.start, m.end),
            content,
            start,
            direct,
            negated,
        });
    }
    // An evaluative relative clause closing the content ("…, which will mean an increase in orders") is
    // the author's comment, not part of what was reported.
    for r in &mut out {
        let (c0, c1) = r.content;
        if let Some(k) = (c0..c1).find(|&k| {
            s.words[k] == ","
                && s.w(k + 1) == "which"
                && (words().evaluative.contains(s.w(k + 2))
                    || (matches!(s.w(k + 2), "will" | "would")
                        && words().evaluative.contains(s.w(k + 3))))
        }) {
            r.content.1 = k;
        }
    }
    // Coordinated statements: the first one's content stops where the next one starts.
    for k in 0..out.len().saturating_sub(1) {
        let next_start = out[k + 1].start;
        let c = &mut out[k].content;
        if next_start > c.0 && next_start < c.1 {
            let mut e = next_start;
            while e > c.0 && matches!(s.words[e - 1], "and" | "," | "but" | ";") {
                e -= 1;
            }
            c.1 = e;
        }
    }
    out.retain(|r| r.content.0 < r.content.1);
    out
}

/// Clause boundaries of a sentence: `(start, end, begins_with_and)` token ranges.
fn clauses(s: &Sent) -> Vec<(usize, usize, bool)> {
    let n = s.body_end();
    let mut cuts = Vec::new();
    let mut depth = 0i32;
    for k in 0..n {
        match s.words[k] {
            "(" => depth += 1,
            ")" => depth -= 1,
            ";" if depth == 0 => cuts.push((k, k + 1)),
            "," if depth == 0 && CLAUSE_CONJ.contains(&s.w(k + 1)) => cuts.push((k, k + 1)),
            _ => {}
        }
    }
    if n > 0 && SUBORDINATORS.contains(&s.words[0]) {
        if let Some(k) = (1..n).find(|&k| s.words[k] == ",") {
            if !cuts.iter().any(|c| c.0 == k) {
                cuts.push((k, k + 1));
                cuts.sort();
            }
        }
    }
    let mut out = Vec::new();
    let mut a = 0;
    for (e, next) in cuts {
        if e > a {
            out.push((a, e, a > 0 && s.words[a] == "and"));
        }
        a = next;
    }
    if n > a {
        out.push((a, n, a > 0 && s.words[a] == "and"));
    }
    out
}

/// The noun phrase before a modal recommendation cue ("NATO countries should").
fn subject_before(s: &Sent, i: usize, clause_start: usize) -> Option<(usize, usize)> {
    let mut b = i;
    while b > clause_start
        && matches!(
            s.words[b - 1],
            "also"
                | "therefore"
                | "thus"
                | "still"
                | "now"
                | "urgently"
                | "further"
                | "first"
                | "certainly"
                | "clearly"
        )
    {
        b -= 1;
    }
    let mut a = b;
    while a > clause_start
        && !matches!(
            s.words[a - 1],
            "that"
                | ","
                | ";"
                | ":"
                | "which"
                | "who"
                | "hence"
                | "therefore"
                | "thus"
                | "so"
                | "but"
                | "while"
                | "whereas"
                | "because"
                | "if"
        )
    {
        a -= 1;
    }
    if a < b && matches!(s.words[a], "and" | "but" | "so") {
        a += 1;
    }
    (a < b && !matches!(s.words[a..b], ["it"] | ["there"])).then_some((a, b))
}

/// Implied addressee of an impersonal recommendation: a hint word in the action ("allied" → NATO), or,
/// for "the country's …", the beneficiary named with "for X" before the cue (this or the previous sentence).
fn implied_addressee(
    s: &Sent,
    action: (usize, usize),
    cue_start: usize,
    prev: Option<&Sent>,
) -> Option<String> {
    let hints = addressee_hints();
    for k in action.0..action.1 {
        if let Some(a) = hints.get(s.words[k]) {
            return Some(a.clone());
        }
    }
    let refers_back = (action.0..action.1).any(|k| {
        (s.words[k] == "country" && s.w(k.wrapping_sub(1)) == "the")
            || matches!(s.words[k], "its" | "their")
    });
    if !refers_back {
        return None;
    }
    let for_np = |x: &Sent, end: usize| -> Option<String> {
        (0..end).rev().find_map(|k| {
            if x.words[k] != "for" {
                return None;
            }
            let (a, mut b) = (k + 1, k + 1);
            while b < end && is_cap(x.orig[b]) && !words().stop_caps.contains(x.words[b]) {
                b += 1;
            }
            (b > a).then(|| x.orig[a..b].join(" "))
        })
    };
    for_np(s, cue_start).or_else(|| prev.and_then(|p| for_np(p, p.len())))
}

/// Finds statements and judgments in `doc` (which must be segmented).
pub fn annotate(doc: &mut Document, yard: Yardstick) {
    doc.statements.clear();
    doc.judgments.clear();
    if doc.sentences.is_empty() {
        if !doc.text.trim().is_empty() {
            doc.warnings
                .push("judgment: document has no sentences (run the segmenter first)".into());
        }
        return;
    }
    let lower = doc.text.to_ascii_lowercase();
    let headings: Vec<Span> = doc
        .blocks
        .iter()
        .filter(|b| b.kind != BlockKind::Paragraph)
        .map(|b| b.span)
        .collect();
    let mut statements: Vec<Statement> = Vec::new();
    let mut judgments: Vec<Judgment> = Vec::new();
    let mut prev_sent: Option<Sent> = None;
    for sent in &doc.sentences {
        let toks = doc.tokens.get(sent.tokens.clone()).unwrap_or(&[]);
        if toks.is_empty() || headings.iter().any(|h| h.contains(sent.span)) {
            continue;
        }
        let s = Sent {
            spans: toks.iter().map(|t| t.span).collect(),
            words: toks
                .iter()
                .map(|t| lower.get(t.span.start..t.span.end).unwrap_or(""))
                .collect(),
            orig: toks.iter().map(|t| doc.slice(t.span)).collect(),
        };
        let cues = match_cues(&s);
        let first_statement = statements.len();
        for r in statements_in(&s, &cues) {
            let speaker_span = r.speaker.map(|(a, b)| s.span(a, b));
            let speaker = r
                .speaker_text
                .clone()
                .or_else(|| speaker_span.map(|sp| doc.slice(sp).to_string()));
            let end = r.content.1.max(r.cue.1).max(r.speaker.map_or(0, |sp| sp.1));
            statements.push(Statement {
                span: s.span(r.start.min(r.cue.0), end),
                speaker,
                speaker_span,
                speaker_entity: None,
                cue: s.span(r.cue.0, r.cue.1),
                content: s.span(r.content.0, r.content.1),
                direct: r.direct,
                negated: r.negated,
            });
        }
        let sent_statements = first_statement..statements.len();
        let holder_at = |pos: usize| -> (String, Option<usize>) {
            for k in sent_statements.clone() {
                if statements[k].content.start <= pos && pos < statements[k].content.end {
                    let h = statements[k]
                        .speaker
                        .clone()
                        .unwrap_or_else(|| "unattributed".into());
                    return (h, Some(k));
                }
            }
            ("author".into(), None)
        };
        let conf_sentence = cues.iter().find_map(|m| match m.kind {
            Kind::Lex(CueClass::Confidence, ci) => lexicon().cues[ci].value.clone(),
            _ => None,
        });
        let cls = clauses(&s);
        let conditional = matches!(s.w(0), "if" | "unless") && cls.len() > 1;
        let mut last_judgment_clause: Option<usize> = None;
        for (ci, &(a, b, with_and)) in cls.iter().enumerate() {
            let in_clause: Vec<&Match> = cues
                .iter()
                .filter(|m| m.start >= a && m.start < b)
                .collect();
            let find = |f: &dyn Fn(&Match) -> bool| in_clause.iter().copied().find(|m| f(m));
            let rec = find(&|m| m.class() == Some(CueClass::Recommend));
            let est = find(&|m| matches!(m.kind, Kind::Phrase(_)));
            let evid = find(&|m| {
                m.class() == Some(CueClass::Evidential) || matches!(m.kind, Kind::MeansNp)
            });
            let anchor = rec.or(est).or(evid).or_else(|| {
                find(&|m| matches!(m.kind, Kind::Lex(CueClass::Future, _) | Kind::Would))
            });
            let Some(anchor) = anchor else {
                // A cue-less "…, and maintain guarantees …" continues the previous judgment.
                if with_and && last_judgment_clause == Some(ci.wrapping_sub(1)) {
                    if let Some(j) = judgments.last_mut() {
                        let end = s.span(a, b).end;
                        j.span.end = end;
                        if let Some(act) = j.action.as_mut() {
                            act.end = end;
                        }
                        last_judgment_clause = Some(ci);
                    }
                }
                continue;
            };
            let (holder, statement) = holder_at(s.spans[anchor.start].start);
            let reported = statement.is_some();
            let fut = find(&|m| match m.kind {
                Kind::Lex(CueClass::Future, _) => true,
                Kind::Would => reported,
                _ => false,
            });
            if let Some(e) = evid {
                if negated_before(&s, e.start, 3) && rec.is_none() && est.is_none() {
                    continue;
                }
            }
            let conf = find(&|m| m.class() == Some(CueClass::Confidence))
                .and_then(|m| match m.kind {
                    Kind::Lex(_, ci) => lexicon().cues[ci].value.clone(),
                    _ => None,
                })
                .or_else(|| conf_sentence.clone());
            // Span of the clause without leading conjunctions.
            let mut ca = a;
            while ca < b && (CLAUSE_CONJ.contains(&s.words[ca]) && s.words[ca] != "which") {
                ca += 1;
            }
            if ca >= b {
                continue;
            }
            let mut span = s.span(ca, b);
            // Reported speech: the judgment is the reported proposition, without "X confirmed that".
            if let Some(k) = statement {
                let c = statements[k].content;
                if c.overlaps(span) {
                    span = Span::new(span.start.max(c.start), span.end.min(c.end));
                }
            }
            let clause_words = &s.words[a..b];
            let mut j = Judgment {
                span,
                kind: String::new(),
                cue: Span::default(),
                class: String::new(),
                polarity: "positive".into(),
                probability: None,
                confidence: conf,
                holder,
                statement,
                due: None,
                due_source: None,
                addressee: None,
                addressee_source: None,
                action: None,
                condition: (conditional && ci > 0).then(|| s.span(cls[0].0, cls[0].1)),
            };
            let cue_range;
            if let Some(r) = rec {
                cue_range = (r.start, r.end);
                j.kind = "recommendation".into();
                j.class = "directive".into();
                let modal = matches!(
                    s.words[r.start],
                    "should" | "must" | "ought" | "need" | "needs"
                );
                let mut act = r.end;
                while act < b && matches!(s.words[act], "not" | "n't" | "also" | "further") {
                    if NEG.contains(&s.words[act]) {
                        j.polarity = "negative".into();
                    }
                    act += 1;
                }
                if act < b {
                    j.action = Some(s.span(act, b));
                }
                let passive = s.w(act) == "be";
                let subject = if modal && !passive {
                    subject_before(&s, r.start, a)
                } else {
                    None
                };
                if let Some((sa, sb)) = subject {
                    j.addressee = Some(doc.slice(s.span(sa, sb)).to_string());
                    j.addressee_source = Some("text".into());
                } else if let Some(x) = implied_addressee(&s, (act, b), r.start, prev_sent.as_ref())
                {
                    j.addressee = Some(x);
                    j.addressee_source = Some("implied".into());
                }
                if let Some((d, src)) = due::due(doc, span, clause_words, false) {
                    j.due = Some(d);
                    j.due_source = Some(src.into());
                }
            } else {
                let forecast;
                if let Some(e) = est {
                    let Kind::Phrase(pi) = e.kind else { continue };
                    let phrase = &yardstick::phrases()[pi];
                    j.probability = phrase.probability(yard);
                    j.class = if phrase.is_vague() {
                        "vague"
                    } else {
                        "estimative"
                    }
                    .into();
                    let mut c = (e.start, e.end);
                    if let Some(f) = fut {
                        if f.end == e.start || e.end == f.start {
                            c = (c.0.min(f.start), c.1.max(f.end));
                        }
                    }
                    cue_range = c;
                    forecast = if phrase.is_vague() {
                        s.w(e.end) != "have"
                    } else {
                        fut.is_some() || s.w(e.end) == "to"
                    };
                } else if let Some(f) = fut {
                    cue_range = (f.start, f.end);
                    j.class = "assertion".into();
                    j.probability = Some(yardstick::assertion());
                    forecast = true;
                } else if let Some(e) = evid {
                    cue_range = (e.start, e.end);
                    j.class = "evidential".into();
                    forecast = false;
                } else {
                    continue;
                }
                j.kind = if forecast { "forecast" } else { "assessment" }.into();
                let (c0, c1) = cue_range;
                if (c1..(c1 + 2).min(b)).any(|k| NEG.contains(&s.words[k]) && s.w(k + 1) != "only")
                    || (c0 > a && NEG.contains(&s.words[c0 - 1]))
                {
                    j.polarity = "negative".into();
                }
                if forecast {
                    if let Some((d, src)) = due::due(doc, span, clause_words, true) {
                        j.due = Some(d);
                        j.due_source = Some(src.into());
                    }
                    // A relative clause ("…, which will be the end of the cycle") shares the horizon of
                    // the forecast it elaborates, when that one names a date and it names none.
                    if j.due_source.as_deref() != Some("text") && s.words[a] == "which" {
                        if let Some(p) = judgments.last().filter(|p| {
                            last_judgment_clause == Some(ci.wrapping_sub(1))
                                && p.due_source.as_deref() == Some("text")
                        }) {
                            j.due = p.due.clone();
                            j.due_source = p.due_source.clone();
                        }
                    }
                }
            }
            j.cue = s.span(cue_range.0, cue_range.1);
            judgments.push(j);
            last_judgment_clause = Some(ci);
        }
        prev_sent = Some(s);
    }
    // Speakers linked to entities: the last entity mention inside the speaker's name.
    for st in &mut statements {
        let Some(sp) = st.speaker_span else { continue };
        let mut best: Option<(usize, &str)> = None;
        for e in &doc.entities {
            for m in &e.mentions {
                if m.span.overlaps(sp) && best.is_none_or(|(end, _)| m.span.end > end) {
                    best = Some((m.span.end, e.id.as_str()));
                }
            }
        }
        st.speaker_entity = best.map(|(_, id)| id.to_string());
    }
    doc.statements = statements;
    doc.judgments = judgments;
}

/// Convenience for tests and callers that have a probability phrase in hand.
pub fn probability_of(phrase: &str, yard: Yardstick) -> Option<Probability> {
    yardstick::phrase_probability(phrase, yard)
}
