//! The JSON interchange form: character offsets and covered text on every span.

use serde_json::{json, Map, Value};

use crate::Document;

/// Converts byte offsets of one text to Unicode character (scalar value) offsets.
pub struct CharMap {
    /// `starts[i]` is the byte offset of character `i`; empty when the text is ASCII.
    starts: Vec<usize>,
    len: usize,
}

impl CharMap {
    pub fn new(text: &str) -> CharMap {
        let starts = if text.is_ascii() {
            Vec::new()
        } else {
            text.char_indices().map(|(b, _)| b).collect()
        };
        CharMap {
            starts,
            len: text.len(),
        }
    }

    /// Character offset of byte offset `byte` (the character containing it if it is not a boundary).
    pub fn char_of(&self, byte: usize) -> usize {
        if self.starts.is_empty() {
            return byte.min(self.len);
        }
        if byte >= self.len {
            return self.starts.len();
        }
        match self.starts.binary_search(&byte) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    /// Byte offset of character offset `ch`.
    pub fn byte_of(&self, ch: usize) -> usize {
        if self.starts.is_empty() {
            return ch.min(self.len);
        }
        self.starts.get(ch).copied().unwrap_or(self.len)
    }
}

impl Document {
    /// The interchange JSON of `docs/schema.md`. `with_tokens` adds the token and syntax layers.
    pub fn to_json(&self, with_tokens: bool) -> Value {
        let m = &self.meta;
        let mut document = json!({
            "id": m.id,
            "title": m.title,
            "source": m.source,
            "dct": m.dct.value,
            "dct_source": m.dct.source.as_str(),
        });
        if let Some((lo, hi)) = &m.dct.bracket {
            document["dct_bracket"] = json!({"earliest": lo, "latest": hi});
        }
        if let Some(p) = &m.publisher {
            document["publisher"] = json!(p);
        }
        let sentences: Vec<Value> = self
            .sentences
            .iter()
            .map(|s| json!({"start": s.span.start, "end": s.span.end}))
            .collect();
        let blocks: Vec<Value> = self
            .blocks
            .iter()
            .map(|b| json!({"kind": b.kind, "start": b.span.start, "end": b.span.end}))
            .collect();
        let mut out = Map::new();
        out.insert("document".into(), document);
        out.insert("blocks".into(), Value::Array(blocks));
        out.insert("sentences".into(), Value::Array(sentences));
        if with_tokens {
            let tokens: Vec<Value> = self
                .tokens
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    let mut v = json!({"start": t.span.start, "end": t.span.end});
                    if let Some(s) = self.syntax.get(i) {
                        v["upos"] = json!(s.upos);
                        v["xpos"] = json!(s.xpos);
                        v["lemma"] = json!(s.lemma);
                        v["head"] = json!(s.head);
                        v["deprel"] = json!(s.deprel);
                    }
                    v
                })
                .collect();
            out.insert("tokens".into(), Value::Array(tokens));
        }
        let layer = |v: serde_json::Result<Value>| v.unwrap_or_else(|_| Value::Array(Vec::new()));
        out.insert("timexes".into(), layer(serde_json::to_value(&self.timexes)));
        out.insert(
            "entities".into(),
            layer(serde_json::to_value(&self.entities)),
        );
        out.insert(
            "quantities".into(),
            layer(serde_json::to_value(&self.quantities)),
        );
        out.insert("events".into(), layer(serde_json::to_value(&self.events)));
        out.insert(
            "statements".into(),
            layer(serde_json::to_value(&self.statements)),
        );
        out.insert(
            "judgments".into(),
            layer(serde_json::to_value(&self.judgments)),
        );
        out.insert("warnings".into(), json!(self.warnings));
        let mut value = Value::Object(out);
        let map = CharMap::new(&self.text);
        spans_to_chars(&mut value, &self.text, &map);
        value
    }
}

/// Rewrites every object holding integer `start` and `end` (byte offsets) to character offsets and
/// adds the covered `text` unless the object already has one.
fn spans_to_chars(value: &mut Value, text: &str, map: &CharMap) {
    match value {
        Value::Array(items) => items.iter_mut().for_each(|v| spans_to_chars(v, text, map)),
        Value::Object(obj) => {
            if let (Some(s), Some(e)) = (
                obj.get("start").and_then(Value::as_u64),
                obj.get("end").and_then(Value::as_u64),
            ) {
                let (s, e) = (s as usize, e as usize);
                obj.insert("start".into(), json!(map.char_of(s)));
                obj.insert("end".into(), json!(map.char_of(e)));
                if !obj.contains_key("text") {
                    obj.insert("text".into(), json!(text.get(s..e).unwrap_or("")));
                }
            }
            for (k, v) in obj.iter_mut() {
                if k != "start" && k != "end" {
                    spans_to_chars(v, text, map);
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Sentence, Span, Timex, TimexType};

    #[test]
    fn char_offsets_and_text_on_nested_spans() {
        let mut doc = Document::new("“Union” in 2023.");
        let year = doc.text.find("2023").unwrap();
        doc.sentences.push(Sentence {
            span: Span::new(0, doc.text.len()),
            tokens: 0..0,
        });
        doc.timexes.push(Timex {
            span: Span::new(year, year + 4),
            kind: TimexType::Date,
            value: "2023".into(),
            modifier: None,
            range: None,
            anchor: None,
        });
        let v = doc.to_json(false);
        let t = &v["timexes"][0];
        assert_eq!(t["start"], 11);
        assert_eq!(t["end"], 15);
        assert_eq!(t["text"], "2023");
        assert_eq!(t["type"], "DATE");
        assert_eq!(v["sentences"][0]["end"], 16);
        assert_eq!(v["document"]["dct_source"], "unknown");
    }

    #[test]
    fn charmap_round_trips() {
        let text = "aé€𝄞b";
        let m = CharMap::new(text);
        for (ci, (bi, _)) in text.char_indices().enumerate() {
            assert_eq!(m.char_of(bi), ci);
            assert_eq!(m.byte_of(ci), bi);
        }
        assert_eq!(m.char_of(text.len()), 5);
    }
}
