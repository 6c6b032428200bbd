//! `may_have_event`: the pre-parse filter must never drop a sentence the coder finds an event in, and must
//! reject sentences with no trigger form.
use dossier_model::{Component, Document};

fn doc(text: &str) -> Document {
    let mut d = Document::new(text);
    dossier_segment::segment(&mut d);
    d
}

#[test]
fn every_sentence_with_an_event_passes_the_filter() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../demo/seed/pism-belarus-russia-next-stage-of-integration.txt");
    let mut d = dossier_ingest::read_file(&path, &Default::default()).expect("seed");
    dossier_segment::segment(&mut d);
    dossier_event::EventComponent::new().process(&mut d);
    assert!(d.events.len() > 20);
    let mut skipped = 0;
    for s in &d.sentences {
        let has = d.events.iter().any(|e| s.span.contains(e.span));
        let may = dossier_event::may_have_event(&d, s);
        assert!(may || !has, "filtered out: {:?}", d.slice(s.span));
        skipped += usize::from(!may);
    }
    // The filter is useful: some sentences of the seed have no trigger form.
    assert!(skipped > 0);
}

#[test]
fn filter_reads_inflections_and_rejects_trigger_free_sentences() {
    let d = doc(
        "The ministers FOUGHT. Talks resumed. Prices rose by 5 percent. It is cold in Minsk. \
                 A state of emergency was declared.",
    );
    let got: Vec<bool> = d
        .sentences
        .iter()
        .map(|s| dossier_event::may_have_event(&d, s))
        .collect();
    assert_eq!(got, [true, true, false, false, true]);
}

#[test]
fn a_modal_needs_a_speech_verb_to_pass_the_filter() {
    let d = doc("The alliance must remain vigilant. The minister said that the alliance must remain vigilant.");
    let got: Vec<bool> = d
        .sentences
        .iter()
        .map(|s| dossier_event::may_have_event(&d, s))
        .collect();
    assert_eq!(got, [false, true]);
}
