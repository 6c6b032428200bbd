//! `dossier eval …`: each annotator's scorer against external gold data.

use std::path::PathBuf;

use anyhow::Context;

#[derive(clap::Subcommand)]
pub enum EvalCommand {
    /// Sentence-boundary and token F1 against a CoNLL-U treebank (raw text rebuilt from `# text`)
    Segmentation {
        /// A .conllu file, e.g. ../shared/eval/corpora/ud-en-ewt/en_ewt-ud-test.conllu
        file: PathBuf,
    },
    /// Statements, judgments and recommendations: precision/recall on the hand-made seed gold, and
    /// optionally the MEANTIME proxy (speech verbs, future events)
    Judgments {
        /// MEANTIME CAT folder, e.g. ../shared/eval/events/meantime-en/intra-doc_annotation/corpus_gm
        #[arg(long)]
        meantime: Option<PathBuf>,
    },
}

pub fn run(cmd: EvalCommand) -> anyhow::Result<()> {
    match cmd {
        EvalCommand::Segmentation { file } => {
            let sentences = read_conllu(&file)?;
            println!("{}", dossier_eval::segmentation::evaluate(&sentences));
            Ok(())
        }
        EvalCommand::Judgments { meantime } => {
            println!("Seed brief (hand-made gold, development set):");
            print!("{}", dossier_judgment::eval::seed_report());
            if let Some(dir) = meantime {
                let comp = dossier_judgment::JudgmentAnnotator::default();
                let rep = dossier_judgment::meantime::evaluate(&dir, &|d| {
                    dossier_segment::segment(d);
                    dossier_model::Component::process(&comp, d);
                })
                .with_context(|| dir.display().to_string())?;
                print!("{rep}");
            }
            Ok(())
        }
    }
}

pub fn read_conllu(file: &PathBuf) -> anyhow::Result<Vec<dossier_eval::conllu::Sentence>> {
    let f = std::fs::File::open(file).with_context(|| file.display().to_string())?;
    dossier_eval::conllu::read(std::io::BufReader::new(f))
        .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))
}
