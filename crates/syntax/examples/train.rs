//! Trains the tagger or the parser: `cargo run --release -p dossier-syntax --example train -- tagger|parser
//! --train FILE --dev FILE --out PATH`.
fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let what = args.first().cloned().unwrap_or_default();
    let get = |flag: &str| -> Option<String> {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1).cloned())
    };
    // `--train` may be repeated: the files are read in the given order.
    let trains: Vec<String> = args
        .iter()
        .enumerate()
        .filter(|(_, a)| *a == "--train")
        .filter_map(|(i, _)| args.get(i + 1).cloned())
        .collect();
    anyhow::ensure!(!trains.is_empty(), "--train FILE required");
    let out = get("--out").ok_or_else(|| anyhow::anyhow!("--out PATH required"))?;
    let dev = get("--dev");
    let t0 = std::time::Instant::now();
    let mut train = Vec::new();
    for t in &trains {
        train.extend(dossier_syntax::conllu::read(t.as_ref())?);
    }
    let dev = dev
        .map(|d| dossier_syntax::conllu::read(d.as_ref()))
        .transpose()?;
    let bytes = match what.as_str() {
        "tagger" => {
            let mut opts = dossier_syntax::TaggerOptions::default();
            if let Some(e) = get("--epochs") {
                opts.epochs = e.parse()?;
            }
            if args.iter().any(|a| a == "--forward-first") {
                opts.reverse_first = false;
            }
            if args.iter().any(|a| a == "--one-pass") {
                opts.second_pass = false;
            }
            let t = dossier_syntax::train_tagger(&train, dev.as_deref(), &opts);
            eprintln!("model: {:?} (features, weights)", t.stats());
            t.to_bytes()
        }
        "parser" => {
            let mut opts = dossier_syntax::ParserOptions::default();
            if let Some(e) = get("--epochs") {
                opts.epochs = e.parse()?;
            }
            if let Some(e) = get("--seed") {
                opts.seed = e.parse()?;
            }
            if args.iter().any(|a| a == "--any-subjects") {
                opts.one_subject = false;
            }
            if let Some(e) = get("--jackknife") {
                opts.jackknife = e.parse()?;
            }
            let tagger = get("--tagger")
                .map(|p| dossier_syntax::Tagger::from_bytes(&std::fs::read(p)?))
                .transpose()?;
            let p = dossier_syntax::train_parser(&train, dev.as_deref(), tagger.as_ref(), &opts);
            eprintln!("model: {:?} (features, weights)", p.stats());
            p.to_bytes()
        }
        _ => anyhow::bail!("usage: train tagger|parser --train F --dev F --out PATH"),
    };
    std::fs::write(&out, &bytes)?;
    eprintln!(
        "wrote {} ({} bytes) in {:.1}s",
        out,
        bytes.len(),
        t0.elapsed().as_secs_f64()
    );
    Ok(())
}
