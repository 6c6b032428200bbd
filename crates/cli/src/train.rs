//! `dossier train tagger|parser`: trains the statistical syntax models from CoNLL-U treebanks.

use std::path::PathBuf;

#[derive(clap::Args)]
pub struct TrainArgs {
    /// Training treebank (.conllu); repeat the flag to train on several files, read in the given order
    #[arg(long, value_name = "FILE", required = true)]
    train: Vec<PathBuf>,
    /// Development treebank (.conllu), scored every few epochs
    #[arg(long, value_name = "FILE")]
    dev: Option<PathBuf>,
    /// Where to write the model (e.g. resources/models/en-ewt/tagger.bin)
    #[arg(long, value_name = "PATH")]
    out: PathBuf,
    /// Training epochs [default: 10 for the tagger, 12 for the parser]
    #[arg(long)]
    epochs: Option<usize>,
    /// Random seed (training is deterministic for a given seed)
    #[arg(long)]
    seed: Option<u64>,
}

#[derive(clap::Subcommand)]
pub enum TrainCommand {
    /// Part-of-speech tagger (UPOS + XPOS) and lemmatizer
    Tagger(TrainArgs),
    /// Dependency parser (training tags come from jackknifed taggers)
    Parser {
        #[command(flatten)]
        args: TrainArgs,
        /// Tagger model used to tag the dev set [default: the built-in one]
        #[arg(long, value_name = "FILE")]
        tagger: Option<PathBuf>,
    },
}

pub fn run(cmd: TrainCommand) -> anyhow::Result<()> {
    let (args, tagger) = match cmd {
        TrainCommand::Tagger(a) => (a, None),
        TrainCommand::Parser { args, tagger } => (args, Some(tagger)),
    };
    let mut train = Vec::new();
    for path in &args.train {
        train.extend(dossier_syntax::conllu::read(path)?);
    }
    let dev = args
        .dev
        .as_deref()
        .map(dossier_syntax::conllu::read)
        .transpose()?;
    let bytes = match tagger {
        None => {
            let mut o = dossier_syntax::TaggerOptions::default();
            o.epochs = args.epochs.unwrap_or(o.epochs);
            o.seed = args.seed.unwrap_or(o.seed);
            dossier_syntax::train_tagger(&train, dev.as_deref(), &o).to_bytes()
        }
        Some(path) => {
            let mut o = dossier_syntax::ParserOptions::default();
            o.epochs = args.epochs.unwrap_or(o.epochs);
            o.seed = args.seed.unwrap_or(o.seed);
            let tagger = match path {
                Some(p) => dossier_syntax::Tagger::from_bytes(&std::fs::read(p)?)?,
                None => dossier_syntax::Tagger::from_bytes(dossier_syntax::TAGGER_MODEL)?,
            };
            dossier_syntax::train_parser(&train, dev.as_deref(), Some(&tagger), &o).to_bytes()
        }
    };
    std::fs::write(&args.out, &bytes)?;
    eprintln!("wrote {} ({} bytes)", args.out.display(), bytes.len());
    Ok(())
}
