//! Parsing only the sentences with an event trigger must not change any annotation but the dependency
//! relations of the skipped sentences: every layer, events included, equals the fully parsed run.

use dossier_pipeline::{Config, Pipeline};

#[test]
fn skipping_trigger_free_sentences_changes_no_annotation() {
    let demo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../demo");
    let mut files: Vec<_> = ["seed", "corpus"]
        .iter()
        .flat_map(|d| std::fs::read_dir(demo.join(d)).expect("demo folder"))
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 10);
    let selective = Pipeline::standard(&Config::default());
    let full = Pipeline::standard(&Config {
        parse_all: true,
        ..Config::default()
    });
    let (mut parsed, mut may_have, mut events) = (0, 0, 0);
    for f in &files {
        let base = dossier_ingest::read_file(f, &Default::default()).expect("demo document");
        let (mut a, mut b) = (base.clone(), base);
        selective.run(&mut a);
        full.run(&mut b);
        for (i, (x, y)) in a.syntax.iter().zip(&b.syntax).enumerate() {
            assert_eq!((&x.upos, &x.lemma), (&y.upos, &y.lemma), "{f:?} token {i}");
        }
        for s in &a.sentences {
            parsed += usize::from(
                a.syntax[s.tokens.clone()]
                    .iter()
                    .any(|t| !t.deprel.is_empty()),
            );
            may_have += usize::from(dossier_event::may_have_event(&a, s));
        }
        events += a.events.len();
        assert_eq!(a.events, b.events, "{f:?}");
        assert_eq!(
            (&a.timexes, &a.entities, &a.quantities),
            (&b.timexes, &b.entities, &b.quantities),
            "{f:?}"
        );
        assert_eq!(
            (&a.statements, &a.judgments, &a.warnings),
            (&b.statements, &b.judgments, &b.warnings),
            "{f:?}"
        );
    }
    assert!(events > 50, "{events} events");
    // The trigger finder is stricter than the form test that runs before tagging.
    assert!(
        parsed < may_have,
        "{parsed} parsed, {may_have} pass the form test"
    );
}
