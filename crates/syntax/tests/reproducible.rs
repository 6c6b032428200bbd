//! Training is deterministic: the same data and seed give the same model bytes, although the jackknife folds
//! train in parallel threads. A small slice of EWT train keeps this quick (skipped without the shared data).

fn slice() -> Option<Vec<dossier_syntax::conllu::Sentence>> {
    let Some(path) = dossier_syntax::ewt_path("train") else {
        eprintln!("note: ../shared/eval/corpora/ud-en-ewt not found; skipping");
        return None;
    };
    let mut s = dossier_syntax::conllu::read(&path).expect("train reads");
    s.truncate(240);
    Some(s)
}

#[test]
fn same_seed_same_tagger_and_parser() {
    let Some(train) = slice() else { return };
    let topts = dossier_syntax::TaggerOptions {
        epochs: 2,
        ..Default::default()
    };
    assert!(topts.second_pass && topts.reverse_first);
    let a = dossier_syntax::train_tagger(&train, None, &topts).to_bytes();
    let b = dossier_syntax::train_tagger(&train, None, &topts).to_bytes();
    assert!(a == b, "tagger bytes differ between runs");
    let other = dossier_syntax::TaggerOptions {
        seed: 2,
        ..topts.clone()
    };
    assert!(dossier_syntax::train_tagger(&train, None, &other).to_bytes() != a);
    // The trained two-pass tagger loads back and writes the same bytes.
    let tagger = dossier_syntax::Tagger::from_bytes(&a).expect("tagger loads");
    assert!(tagger.to_bytes() == a);

    let popts = dossier_syntax::ParserOptions {
        epochs: 2,
        tagger: topts,
        ..Default::default()
    };
    let p1 = dossier_syntax::train_parser(&train, None, None, &popts).to_bytes();
    let p2 = dossier_syntax::train_parser(&train, None, None, &popts).to_bytes();
    assert!(p1 == p2, "parser bytes differ between runs");
    assert!(p1.starts_with(b"DOSSIER-PARSER-2"));
}
