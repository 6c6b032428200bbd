//! Randomized robustness test of the whole standard pipeline: no input may panic it, and every span of
//! every layer must lie on character boundaries inside the text. New annotators are covered as soon as
//! they join `Pipeline::standard`.

use dossier_model::Document;
use dossier_pipeline::{Config, Pipeline};

/// Fragments chosen to hit tokenizer, number, date and name edge cases, plus odd Unicode.
const PIECES: &[&str] = &[
    " ",
    "  ",
    "\n",
    "\n\n",
    "\t",
    ".",
    ",",
    "-",
    "–",
    "—",
    "'",
    "’",
    "\"",
    "“",
    "”",
    "(",
    ")",
    "$",
    "€",
    "%",
    "...",
    "!?",
    "U.S.",
    "Dec.",
    "No.",
    "e.g.",
    "1,000",
    "128.50",
    "26-27",
    "2024-2026",
    "19",
    "December",
    "2022",
    "May",
    "may",
    "S-400",
    "Iskander-M",
    "Zapad 2023",
    "Putin’s",
    "don't",
    "m3",
    "m³",
    "60%",
    "more than",
    "between",
    "and",
    "will probably",
    "should",
    "said",
    "Lukashenka",
    "Minsk",
    "Belarus",
    "the",
    "a",
    "ț",
    "é",
    "\u{301}",
    "Ł",
    "日本",
    "🙂",
    "\u{200b}",
    "\u{feff}",
    "\r\n",
    "#",
    "- ",
    "Q",
    "THE PRESIDENT:",
    "A.",
    "1997",
    "3",
    "on that same day",
    "next three years",
    "since",
    "until",
    "early",
    "about",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*: small, deterministic, good enough to pick fragments.
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn check_spans(value: &serde_json::Value, chars: usize, path: &str) {
    match value {
        serde_json::Value::Array(a) => a.iter().for_each(|v| check_spans(v, chars, path)),
        serde_json::Value::Object(o) => {
            if let (Some(s), Some(e)) = (
                o.get("start").and_then(|v| v.as_u64()),
                o.get("end").and_then(|v| v.as_u64()),
            ) {
                assert!(
                    s <= e && e as usize <= chars,
                    "bad span {s}..{e} (text has {chars} chars) in {path}"
                );
            }
            for (k, v) in o {
                check_spans(v, chars, k);
            }
        }
        _ => {}
    }
}

#[test]
fn random_inputs_never_break_the_pipeline() {
    let pipeline = Pipeline::standard(&Config::default());
    let mut rng = Rng(0x5eed_d055_1e55);
    for _ in 0..3000 {
        let n = 1 + rng.below(40);
        let text: String = (0..n).map(|_| PIECES[rng.below(PIECES.len())]).collect();
        let mut doc = Document::new(text.clone());
        doc.blocks = dossier_ingest_like_blocks(&text);
        pipeline.run(&mut doc);
        assert_eq!(doc.text, text, "the text must never be rewritten");
        for t in &doc.tokens {
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        }
        let json = doc.to_json(true);
        check_spans(&json, text.chars().count(), "document");
    }
}

/// Paragraph blocks at blank lines, so block-aware components see several blocks.
fn dossier_ingest_like_blocks(text: &str) -> Vec<dossier_model::Block> {
    let mut blocks = Vec::new();
    let mut start = 0;
    for part in text.split("\n\n") {
        let lead = part.len() - part.trim_start().len();
        let body = part.trim();
        if !body.is_empty() {
            let s = start + lead;
            blocks.push(dossier_model::Block {
                kind: dossier_model::BlockKind::Paragraph,
                span: dossier_model::Span::new(s, s + body.len()),
            });
        }
        start += part.len() + 2;
    }
    blocks
}
