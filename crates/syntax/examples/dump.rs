//! Development aid: one line per word of a CoNLL-U file with gold and predicted tags and lemmas (TSV):
//! (with a second argument TRAIN.conllu, the lemmatizer is retrained from it first)
//! sentence, index, form, gold UPOS, gold XPOS, predicted UPOS, predicted XPOS, gold lemma, predicted lemma.
fn main() -> anyhow::Result<()> {
    let path = std::env::args().nth(1).expect("FILE.conllu");
    let mut syntax = dossier_syntax::Syntax::embedded()?;
    if let Some(train) = std::env::args().nth(2) {
        // Retrain only the lemmatizer from TRAIN (development aid).
        let train = dossier_syntax::conllu::read(train.as_ref())?;
        syntax.tagger.lemmatizer =
            dossier_syntax::lemma::Lemmatizer::train(train.iter().flat_map(|s| {
                s.words
                    .iter()
                    .enumerate()
                    .map(|(i, w)| (w.form.as_str(), &*w.xpos, w.lemma.as_str(), i == 0))
            }));
    }
    let sents = dossier_syntax::conllu::read(path.as_ref())?;
    let mut scratch = dossier_syntax::Scratch::default();
    let mut out = Vec::new();
    for (si, s) in sents.iter().enumerate() {
        let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        syntax.annotate_with(&words, false, &mut out, &mut scratch);
        for (i, (w, o)) in s.words.iter().zip(&out).enumerate() {
            println!(
                "{si}\t{i}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                w.form, w.upos, w.xpos, o.upos, o.xpos, w.lemma, o.lemma
            );
        }
    }
    Ok(())
}
