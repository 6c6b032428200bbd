//! Throughput and load-time benchmark:
//! `cargo run --release -p dossier-syntax --example syntax_bench -- [FILE.conllu]` (default: EWT test).
//! Prints model load time and tag + lemma + parse tokens/s (and MB/s of word text) on one core.
use std::time::Instant;

fn main() -> anyhow::Result<()> {
    let path = match std::env::args().nth(1) {
        Some(p) => std::path::PathBuf::from(p),
        None => dossier_syntax::ewt_path("test")
            .ok_or_else(|| anyhow::anyhow!("EWT test file not found; pass a CoNLL-U path"))?,
    };
    let (t, c) = (Instant::now(), dossier_syntax::thread_cpu_seconds());
    #[allow(unused_mut)]
    let mut syntax = dossier_syntax::Syntax::embedded()?;
    if let Ok(m) = std::env::var("DOSSIER_PASS2_MARGIN") {
        syntax.tagger.pass2_margin = m.parse()?;
    }
    let (load, load_cpu) = (t.elapsed(), dossier_syntax::thread_cpu_seconds() - c);
    println!(
        "model load: {:.1} ms wall, {:.1} ms CPU (tagger {} + parser {} bytes)",
        load.as_secs_f64() * 1e3,
        load_cpu * 1e3,
        dossier_syntax::TAGGER_MODEL.len(),
        dossier_syntax::PARSER_MODEL.len()
    );
    let sents = dossier_syntax::conllu::read(&path)?;
    let words: Vec<Vec<&str>> = sents
        .iter()
        .map(|s| s.words.iter().map(|w| w.form.as_str()).collect())
        .collect();
    let ntok: usize = words.iter().map(|w| w.len()).sum();
    let bytes: usize = words.iter().flatten().map(|w| w.len() + 1).sum();
    let mut scratch = dossier_syntax::Scratch::default();
    let mut out = Vec::new();
    let mut best = f64::MAX;
    for _ in 0..5 {
        let t = dossier_syntax::thread_cpu_seconds();
        for w in &words {
            syntax.annotate(w, &mut out, &mut scratch);
        }
        best = best.min(dossier_syntax::thread_cpu_seconds() - t);
    }
    // Digest of every output field, to check that a speed change leaves the results identical.
    let mut digest = 0u64;
    for w in &words {
        syntax.annotate(w, &mut out, &mut scratch);
        for t in &out {
            for s in [&*t.upos, &*t.xpos, t.lemma.as_str(), &*t.deprel] {
                digest = dossier_syntax::hash::mix(digest, dossier_syntax::hash::hash_str(s));
            }
            digest = dossier_syntax::hash::mix(digest, t.head.map_or(0, |h| h as u64 + 1));
        }
    }
    println!("output digest: {digest:016x}");
    println!(
        "tag + lemma + parse: {} tokens in {:.3} s = {:.0} tokens/s, {:.2} MB/s per core (thread CPU time, best of 5)",
        ntok,
        best,
        ntok as f64 / best,
        bytes as f64 / best / 1e6
    );
    // Tagging and lemmas alone (the pipeline's `syntax` component; parsing runs later, on some sentences).
    let mut best = f64::MAX;
    for _ in 0..5 {
        let t = dossier_syntax::thread_cpu_seconds();
        for w in &words {
            syntax.annotate_with(w, false, &mut out, &mut scratch);
        }
        best = best.min(dossier_syntax::thread_cpu_seconds() - t);
    }
    println!(
        "tag + lemma: {:.0} tokens/s, {:.2} MB/s per core (thread CPU time, best of 5)",
        ntok as f64 / best,
        bytes as f64 / best / 1e6
    );
    Ok(())
}
