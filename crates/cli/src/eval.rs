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
    /// Quantities: Recognizers-Text Number/NumberWithUnit specs, quantulum3 sentences, MEANTIME VALUE spans
    Quantities {
        /// The `quantities` gold folder (default: ../shared/eval/quantities beside the checkout)
        dir: Option<PathBuf>,
        /// Print every miss and false positive
        #[arg(long)]
        errors: bool,
    },
    /// TempEval-3 protocol over a directory of TimeML files (strict/relaxed span F1, type and value)
    Timex {
        /// A directory of .tml files, e.g. ../shared/eval/time/te3-platinum/tml
        dir: PathBuf,
        /// Anchoring of relative expressions: news (on the DCT) or narrative (on the last date)
        #[arg(long, default_value = "news")]
        anchoring: String,
        /// Also print every miss (false positives, misses, span and value errors)
        #[arg(long)]
        misses: bool,
    },
    /// Recognizers-Text DateTime spec files: pass rate per file
    Recognizers {
        /// Spec files, e.g. ../shared/eval/time/recognizers-datetime-en/DateTime/DateTimeModel.json
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Entity F1 per type (exact span): `re3d DIR` (../shared/eval/entities/re3d) or `uner FILE.iob2`
    Ner {
        /// `re3d` or `uner`
        corpus: String,
        /// The re3d folder or a UNER .iob2 file
        path: PathBuf,
    },
    /// PLOVER event type and source/target country accuracy on the PLOVER gold-standard records
    Plover {
        /// The plover-gsr folder
        #[arg(default_value = "../shared/eval/events/plover-gsr")]
        dir: PathBuf,
        /// Records to score: `dev` (odd positions), `test` (even positions) or `all`
        #[arg(long, default_value = "all")]
        split: String,
        /// Print the missed records
        #[arg(long)]
        misses: bool,
    },
    /// Event trigger P/R/F1 and factuality agreement on MEANTIME English (event component alone), and
    /// event time anchoring (standard pipeline on gold tokens and timexes)
    Meantime {
        /// The folder of CAT XML files
        #[arg(default_value = "../shared/eval/events/meantime-en/intra-doc_annotation")]
        dir: PathBuf,
        /// Files to score, in sorted order: `dev` (odd positions), `test` (even positions) or `all`
        #[arg(long, default_value = "all")]
        split: String,
    },
    /// Matching codings on the PETRARCH2 unit-test records (a regression suite)
    Petrarch {
        /// The petrarch2-unit folder
        #[arg(default_value = "../shared/eval/events/petrarch2-unit")]
        dir: PathBuf,
        /// The CAMEO→PLOVER table
        #[arg(
            long,
            default_value = "../shared/eval/events/plover-gsr/CAMEO2PLOVER-2021.txt"
        )]
        cameo2plover: PathBuf,
    },
    /// UPOS, XPOS, lemma, UAS and LAS on a CoNLL-U treebank: gold tokenization, and Dossier's own
    /// segmentation aligned by character span (CoNLL 2018 style)
    Conllu {
        /// A .conllu file, e.g. ../shared/eval/corpora/ud-en-ewt/en_ewt-ud-test.conllu
        file: PathBuf,
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
            println!("Seed brief (hand-made gold, development set), judgment component alone:");
            print!("{}", dossier_judgment::eval::seed_report());
            println!("Seed brief, standard pipeline (time and entities before judgment):");
            let pipeline =
                dossier_pipeline::Pipeline::standard(&dossier_pipeline::Config::default());
            print!(
                "{}",
                dossier_judgment::eval::seed_report_with(&|d| pipeline.run(d))
            );
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
        EvalCommand::Quantities { dir, errors } => {
            let dir = dir
                .or_else(dossier_quantity::eval::default_dir)
                .context("no gold folder: pass the path of shared/eval/quantities")?;
            for r in dossier_quantity::eval::all(&dir).map_err(anyhow::Error::msg)? {
                println!("{r}");
                if errors {
                    r.errors.iter().for_each(|e| println!("  {e}"));
                }
            }
            Ok(())
        }
        EvalCommand::Timex {
            dir,
            anchoring,
            misses,
        } => {
            let mode = dossier_time::Anchoring::parse(&anchoring)
                .ok_or_else(|| anyhow::anyhow!("--anchoring must be news or narrative"))?;
            let r = dossier_time::eval::te3(&dir, mode).map_err(anyhow::Error::msg)?;
            if misses {
                for m in &r.misses {
                    println!("{m}");
                }
            }
            print!("{r}");
            Ok(())
        }
        EvalCommand::Recognizers { files } => {
            for f in files {
                println!(
                    "{}",
                    dossier_time::eval::recognizers(&f).map_err(anyhow::Error::msg)?
                );
            }
            Ok(())
        }
        EvalCommand::Ner { corpus, path } => {
            let report = match corpus.as_str() {
                "re3d" => dossier_entity::eval::re3d(&path),
                "uner" => dossier_entity::eval::uner(&path),
                other => {
                    return Err(anyhow::anyhow!(
                        "unknown corpus {other:?}; use re3d or uner"
                    ))
                }
            };
            println!("{}", report.map_err(|e| anyhow::anyhow!(e))?);
            Ok(())
        }
        EvalCommand::Plover { dir, split, misses } => {
            // The standard pipeline, so that syntax and the entity layer feed the event rules.
            let pipeline =
                dossier_pipeline::Pipeline::standard(&dossier_pipeline::Config::default());
            let keep = split_filter(&split)?;
            let r = dossier_event::eval::plover::run_with(&dir, keep, &|d| pipeline.run(d))
                .with_context(|| dir.display().to_string())?;
            print!("{r}");
            if misses {
                for m in &r.misses {
                    println!("{m}");
                }
            }
            Ok(())
        }
        EvalCommand::Meantime { dir, split } => {
            let keep = split_filter(&split)?;
            // The gold tokens, sentences and timexes stand in for segmentation and the time tagger.
            let pipeline =
                dossier_pipeline::Pipeline::standard(&dossier_pipeline::Config::default())
                    .without(&["segment", "time"]);
            // MEANTIME annotates nominal events without participants too: keep them for its trigger
            // and factuality scores.
            let keeping_bare =
                dossier_pipeline::Pipeline::standard(&dossier_pipeline::Config::default())
                    .without(&["segment", "time"])
                    .keeping_bare_nominals();
            let r = dossier_event::eval::meantime::run_with(&dir, keep, &|d| keeping_bare.run(d))
                .with_context(|| dir.display().to_string())?;
            print!("{r}");
            let r = dossier_event::eval::meantime::anchoring(&dir, keep, &|d| pipeline.run(d))
                .with_context(|| dir.display().to_string())?;
            print!("{r}");
            Ok(())
        }
        EvalCommand::Petrarch { dir, cameo2plover } => {
            let r = dossier_pipeline::eval_petrarch(&dir, &cameo2plover)
                .with_context(|| dir.display().to_string())?;
            print!("{r}");
            Ok(())
        }
        EvalCommand::Conllu { file } => {
            let syntax = dossier_syntax::Syntax::embedded()?;
            print!("{}", dossier_syntax::eval::conllu(&file, &syntax)?);
            Ok(())
        }
    }
}

/// The record filter of a `--split`: `dev` keeps odd positions, `test` even ones, `all` everything.
fn split_filter(split: &str) -> anyhow::Result<fn(usize) -> bool> {
    Ok(match split {
        "dev" => |i| i % 2 == 1,
        "test" => |i| i % 2 == 0,
        "all" => |_| true,
        other => anyhow::bail!("unknown split {other:?} (dev, test or all)"),
    })
}

pub fn read_conllu(file: &PathBuf) -> anyhow::Result<Vec<dossier_eval::conllu::Sentence>> {
    let f = std::fs::File::open(file).with_context(|| file.display().to_string())?;
    dossier_eval::conllu::read(std::io::BufReader::new(f))
        .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))
}
