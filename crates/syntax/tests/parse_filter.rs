//! Tagging and parsing as separate stages, parsing only selected sentences: a sentence the filter rejects
//! is tagged and lemmatized but carries no relations, and the sentences it accepts get exactly the parse
//! they get when one component tags and parses every sentence.

use dossier_model::{Component, Document};
use dossier_syntax::{to_conllu, ParseComponent, SyntaxComponent};

const TEXT: &str = "The weather was mild in Minsk. Putin signed the treaty on Monday.";

fn segmented() -> Document {
    let mut doc = Document::new(TEXT);
    dossier_segment::segment(&mut doc);
    assert_eq!(doc.sentences.len(), 2);
    doc
}

fn mentions_signing(doc: &Document) -> Vec<bool> {
    // The filter runs after tagging, so it may read lemmas.
    doc.sentences
        .iter()
        .map(|s| {
            doc.syntax[s.tokens.clone()]
                .iter()
                .any(|t| t.lemma == "sign")
        })
        .collect()
}

#[test]
fn rejected_sentences_are_tagged_but_not_parsed() {
    let mut full = segmented();
    SyntaxComponent::new().process(&mut full);
    let mut part = segmented();
    SyntaxComponent::tagging_only().process(&mut part);
    assert!(part
        .syntax
        .iter()
        .all(|t| t.head.is_none() && t.deprel.is_empty()));
    ParseComponent::selecting(mentions_signing).process(&mut part);
    assert!(part.warnings.is_empty(), "{:?}", part.warnings);

    let first = part.sentences[0].tokens.clone();
    let second = part.sentences[1].tokens.clone();
    for i in first {
        let (p, f) = (&part.syntax[i], &full.syntax[i]);
        assert_eq!((&p.upos, &p.xpos, &p.lemma), (&f.upos, &f.xpos, &f.lemma));
        assert_eq!((p.head, &*p.deprel), (None, ""));
    }
    assert_eq!(part.syntax[second.clone()], full.syntax[second.clone()]);
    let signed = second
        .clone()
        .find(|&i| part.slice(part.tokens[i].span) == "signed")
        .unwrap();
    assert_eq!(part.syntax[signed].deprel, "root");
    assert_eq!(part.syntax[signed].lemma, "sign");

    // CoNLL-U leaves the relation columns of the unparsed sentence empty instead of inventing roots.
    let conllu = to_conllu(&part);
    let first_line = conllu.lines().nth(1).unwrap();
    assert!(first_line.ends_with("\t_\t_\t_\t_"), "{first_line}");
    assert!(
        conllu.contains("\tsigned\tsign\tVERB\tVBD\t_\t0\troot\t"),
        "{conllu}"
    );
}

#[test]
fn late_parse_of_every_sentence_equals_tagging_and_parsing_at_once() {
    let mut full = segmented();
    SyntaxComponent::new().process(&mut full);
    let mut staged = segmented();
    SyntaxComponent::tagging_only().process(&mut staged);
    ParseComponent::new().process(&mut staged);
    assert_eq!(staged.syntax, full.syntax);
    assert!(staged.syntax.iter().any(|t| t.head.is_some()));
}
