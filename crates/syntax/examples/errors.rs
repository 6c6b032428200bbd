//! Development aid: the most frequent tagging and lemma errors on a CoNLL-U file.
use std::collections::HashMap;
fn main() -> anyhow::Result<()> {
    let path = std::env::args().nth(1).expect("FILE.conllu");
    let syntax = dossier_syntax::Syntax::embedded()?;
    let sents = dossier_syntax::conllu::read(path.as_ref())?;
    let mut scratch = dossier_syntax::Scratch::default();
    let mut out = Vec::new();
    let mut lem: HashMap<String, usize> = HashMap::new();
    let mut pos: HashMap<String, usize> = HashMap::new();
    for s in &sents {
        let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        syntax.annotate(&words, &mut out, &mut scratch);
        for (w, o) in s.words.iter().zip(&out) {
            if o.lemma != w.lemma {
                let tag = if o.xpos == w.xpos {
                    "same-tag"
                } else {
                    "tag-err"
                };
                *lem.entry(format!(
                    "{} {} gold={} got={} {}",
                    w.form, w.xpos, w.lemma, o.lemma, tag
                ))
                .or_default() += 1;
            }
            if o.upos != w.upos {
                *pos.entry(format!("{} gold={} got={}", w.form, w.upos, o.upos))
                    .or_default() += 1;
            }
        }
    }
    for (name, m) in [("lemma", lem), ("upos", pos)] {
        let mut v: Vec<_> = m.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        println!("== {name}: {} distinct", v.len());
        for (k, c) in v.iter().take(
            std::env::var("TOP")
                .ok()
                .and_then(|t| t.parse().ok())
                .unwrap_or(40),
        ) {
            println!("{c:5} {k}");
        }
    }
    Ok(())
}
