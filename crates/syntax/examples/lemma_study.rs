//! Development aid: retrains only the lemmatizer (`--form-min N`, 0 = no form lookup) and scores the
//! embedded tagger + that lemmatizer on a CoNLL-U file (gold tokenization).
fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let train = dossier_syntax::conllu::read(args[0].as_ref())?;
    let dev = dossier_syntax::conllu::read(args[1].as_ref())?;
    let mut syntax = dossier_syntax::Syntax::embedded()?;
    for m in args[2..].iter() {
        let form_min: usize = m.parse()?;
        syntax.tagger.lemmatizer = dossier_syntax::lemma::Lemmatizer::train_with(
            train.iter().flat_map(|s| {
                s.words
                    .iter()
                    .enumerate()
                    .map(|(i, w)| (w.form.as_str(), &*w.xpos, w.lemma.as_str(), i == 0))
            }),
            form_min,
        );
        let mut scratch = dossier_syntax::Scratch::default();
        let mut out = Vec::new();
        let (mut ok, mut n, mut tag_err) = (0, 0, 0);
        for s in &dev {
            let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
            syntax.annotate_with(&words, false, &mut out, &mut scratch);
            for (w, o) in s.words.iter().zip(&out) {
                n += 1;
                if o.lemma == w.lemma {
                    ok += 1;
                } else if o.xpos != w.xpos {
                    tag_err += 1;
                }
            }
        }
        println!(
            "{m}: lemma {:.2} ({} errors, {} after a tag error)",
            100.0 * ok as f64 / n as f64,
            n - ok,
            tag_err
        );
    }
    Ok(())
}
