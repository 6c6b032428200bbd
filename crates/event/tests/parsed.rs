//! Rules that read the dependency parse, on hand-written parses of our own sentences (the parse given as
//! `word/UPOS/head/deprel`, heads 1-based as in CoNLL-U, 0 for the root) so that they hold whatever the
//! shipped parser does. Parses that the syntax models really produce on such sentences, errors included.
use dossier_model::{Component, Document, TokenSyntax};

/// Segments `text`, gives it the parse `conll`, and runs the event coder.
fn coded(text: &str, conll: &str) -> Document {
    let mut d = Document::new(text);
    dossier_segment::segment(&mut d);
    let rows: Vec<&str> = conll.split_whitespace().collect();
    assert_eq!(rows.len(), d.tokens.len(), "one parse row per token");
    for (i, row) in rows.iter().enumerate() {
        let mut parts = row.rsplitn(4, '/');
        let deprel = parts.next().unwrap();
        let head: usize = parts.next().unwrap().parse().unwrap();
        let upos = parts.next().unwrap();
        let word = parts.next().unwrap();
        assert_eq!(word, d.slice(d.tokens[i].span), "token {i}");
        d.syntax.push(TokenSyntax {
            upos: upos.into(),
            head: head.checked_sub(1),
            deprel: deprel.into(),
            ..Default::default()
        });
    }
    dossier_event::EventComponent::new().process(&mut d);
    d
}

fn countries(a: &[dossier_model::EventArgument]) -> Vec<&str> {
    a.iter().filter_map(|x| x.country.as_deref()).collect()
}

#[test]
fn a_subject_takes_the_name_the_parse_hung_on_the_verb() {
    // "European Union" attached to the verb, "foreign ministers" its subject.
    let d = coded(
        "European Union foreign ministers demanded the release of the prisoners.",
        "European/ADJ/2/amod Union/PROPN/5/obl:unmarked foreign/ADJ/4/amod ministers/NOUN/5/nsubj \
         demanded/VERB/0/root the/DET/7/det release/NOUN/5/obj of/ADP/10/case the/DET/10/det \
         prisoners/NOUN/7/nmod ./PUNCT/5/punct",
    );
    let e = d
        .events
        .iter()
        .find(|e| d.slice(e.span) == "demanded")
        .expect("the demand");
    assert!(
        e.actors.iter().any(|a| a.name.contains("European Union")),
        "{:?}",
        e.actors
    );
    // Without the misattachment the subject is the same.
    let d = coded(
        "European Union foreign ministers demanded the release of the prisoners.",
        "European/ADJ/2/amod Union/PROPN/4/compound foreign/ADJ/4/amod ministers/NOUN/5/nsubj \
         demanded/VERB/0/root the/DET/7/det release/NOUN/5/obj of/ADP/10/case the/DET/10/det \
         prisoners/NOUN/7/nmod ./PUNCT/5/punct",
    );
    let e = d
        .events
        .iter()
        .find(|e| d.slice(e.span) == "demanded")
        .unwrap();
    assert!(e.actors.iter().any(|a| a.name.contains("European Union")));
    assert_eq!(countries(&e.actors), ["IGO"]);
}

#[test]
fn a_retyping_modifier_applies_to_a_noun_tagged_as_a_verb() {
    let d = coded(
        "Russian hackers carried out the largest cyber attack ever seen.",
        "Russian/ADJ/2/amod hackers/NOUN/3/nsubj carried/VERB/0/root out/ADP/3/compound:prt \
         the/DET/8/det largest/ADJ/8/amod cyber/NOUN/3/obl attack/VERB/3/conj ever/ADV/10/advmod \
         seen/VERB/8/ccomp ./PUNCT/3/punct",
    );
    let e = d
        .events
        .iter()
        .find(|e| d.slice(e.span) == "attack")
        .expect("the attack");
    assert_eq!(e.event_type, "COERCE");
}
