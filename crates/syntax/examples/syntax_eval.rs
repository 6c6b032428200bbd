//! `cargo run --release -p dossier-syntax --example syntax_eval -- FILE.conllu [--tagger T --parser P]`
//! prints UPOS, XPOS, lemma, UAS and LAS with gold tokenization and with Dossier's own segmentation.
fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let get = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1).cloned())
    };
    let mut syntax = match (get("--tagger"), get("--parser")) {
        (Some(t), Some(p)) => {
            dossier_syntax::Syntax::from_bytes(&std::fs::read(t)?, &std::fs::read(p)?)?
        }
        _ => dossier_syntax::Syntax::embedded()?,
    };
    if let Some(m) = get("--margin") {
        syntax.tagger.pass2_margin = m.parse()?;
    }
    if let Some(m) = get("--verb-margin") {
        syntax.tagger.verb_margin = m.parse()?;
    }
    if let Some(m) = get("--prune-tagger") {
        syntax.tagger.prune(m.parse()?);
    }
    if let Some(m) = get("--prune-parser") {
        syntax.parser.prune(m.parse()?);
    }
    if let Some(p) = get("--save-tagger") {
        std::fs::write(p, syntax.tagger.to_bytes())?;
    }
    if let Some(p) = get("--save-parser") {
        std::fs::write(p, syntax.parser.to_bytes())?;
    }
    eprintln!(
        "tagger {:?}, parser {:?} (features, weights)",
        syntax.tagger.stats(),
        syntax.parser.stats()
    );
    for f in args.iter().take_while(|a| !a.starts_with("--")) {
        let r = dossier_syntax::eval::conllu(f.as_ref(), &syntax)?;
        print!("{r}");
    }
    Ok(())
}
