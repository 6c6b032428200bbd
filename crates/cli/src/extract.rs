//! `dossier extract`: annotate without storing; the batch interface for scripts.

use std::io::{BufRead, BufWriter, Read, Write};
use std::path::PathBuf;

use anyhow::{bail, Context};
use dossier_ingest::{Format, Options};
use dossier_model::{Dct, Document};
use dossier_pipeline::{Config, Pipeline};

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum InputFormat {
    /// Plain text, Markdown or HTML files (detected from name and content)
    Text,
    /// One JSON object per line: {"id": …, "text": …, "dct": …, "title": …}
    Jsonl,
    /// TimeML (TempEval-3 style): the text of <TEXT> and the DCT; existing TIMEX3 tags are dropped
    Timeml,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// One pretty JSON object per document (an array for several)
    Json,
    /// One compact JSON object per line
    Jsonl,
    /// TimeML with Dossier's TIMEX3 tags (ranges split into two DATEs), for the TempEval-3 scorer
    Timeml,
}

#[derive(clap::Args)]
pub struct Args {
    /// Files or directories to read; none or `-` reads stdin
    files: Vec<PathBuf>,
    /// Document creation time (YYYY-MM-DD), overriding what the documents say
    #[arg(long, value_name = "DATE", value_parser = parse_dct)]
    dct: Option<String>,
    /// How to read the input
    #[arg(long, value_enum, default_value = "text")]
    input: InputFormat,
    /// How to write the output
    #[arg(long, value_enum, default_value = "json")]
    format: OutputFormat,
    /// Include tokens (and their syntax) in the output
    #[arg(long)]
    tokens: bool,
    /// Refuse documents larger than this many bytes
    #[arg(long, default_value_t = dossier_ingest::DEFAULT_MAX_BYTES, value_name = "BYTES")]
    max_bytes: usize,
    #[command(flatten)]
    config: ConfigArgs,
}

/// Annotation settings shared by every command that runs the pipeline.
#[derive(clap::Args, Clone)]
pub struct ConfigArgs {
    /// Analytic yardstick for probability phrases: icd203, phia or nato
    #[arg(long, default_value = "icd203", value_name = "NAME")]
    pub yardstick: String,
    /// Anchoring of relative time expressions: news (on the DCT) or narrative (on the last date)
    #[arg(long, default_value = "news", value_name = "MODE")]
    pub anchoring: String,
    /// Parse every sentence (by default only sentences with an event trigger are parsed; the others
    /// get tags and lemmas only)
    #[arg(long)]
    pub parse_all: bool,
}

impl ConfigArgs {
    pub fn pipeline(&self) -> Pipeline {
        Pipeline::standard(&Config {
            yardstick: self.yardstick.clone(),
            anchoring: self.anchoring.clone(),
            parse_all: self.parse_all,
            ..Config::default()
        })
    }
}

/// Accepts `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
pub fn parse_dct(s: &str) -> Result<String, String> {
    let parts: Vec<&str> = s.split('-').collect();
    let ok = match parts.as_slice() {
        [y] => y.len() == 4,
        [y, m] => y.len() == 4 && m.len() == 2,
        [y, m, d] => y.len() == 4 && m.len() == 2 && d.len() == 2,
        _ => false,
    } && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()));
    let month_ok = parts
        .get(1)
        .is_none_or(|m| (1..=12).contains(&m.parse::<u32>().unwrap_or(0)));
    let day_ok = parts
        .get(2)
        .is_none_or(|d| (1..=31).contains(&d.parse::<u32>().unwrap_or(0)));
    if ok && month_ok && day_ok {
        Ok(s.to_string())
    } else {
        Err(format!("{s:?} is not a date; use YYYY-MM-DD"))
    }
}

pub fn run(args: Args) -> anyhow::Result<()> {
    // Whoever asks to see the tokens expects the dependency relations of every sentence.
    let pipeline = ConfigArgs {
        parse_all: args.config.parse_all || args.tokens,
        ..args.config.clone()
    }
    .pipeline();
    let opts = Options {
        max_bytes: args.max_bytes,
        dct: args.dct.clone(),
    };
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let stdin_only =
        args.files.is_empty() || (args.files.len() == 1 && args.files[0].as_os_str() == "-");
    match args.input {
        InputFormat::Jsonl => {
            let readers: Vec<Box<dyn BufRead>> = if stdin_only {
                vec![Box::new(std::io::stdin().lock())]
            } else {
                let mut v: Vec<Box<dyn BufRead>> = Vec::new();
                for f in &args.files {
                    let file = std::fs::File::open(f).with_context(|| f.display().to_string())?;
                    v.push(Box::new(std::io::BufReader::new(file)));
                }
                v
            };
            for r in readers {
                jsonl_batch(r, &pipeline, &opts, args.tokens, &mut out)?;
            }
        }
        InputFormat::Text | InputFormat::Timeml => {
            let docs = if matches!(args.input, InputFormat::Timeml) {
                read_timeml_inputs(&args.files, stdin_only, &opts)?
            } else {
                read_inputs(&args.files, stdin_only, &opts)?
            };
            let mut failed = 0;
            let mut values = Vec::new();
            for d in docs {
                match d {
                    Ok(mut doc) => {
                        pipeline.run(&mut doc);
                        if args.format == OutputFormat::Timeml {
                            out.write_all(dossier_time::write_timeml(&doc).as_bytes())?;
                            continue;
                        }
                        let v = doc.to_json(args.tokens);
                        if args.format == OutputFormat::Jsonl {
                            serde_json::to_writer(&mut out, &v)?;
                            writeln!(out)?;
                        } else {
                            values.push(v);
                        }
                    }
                    Err(e) => {
                        eprintln!("dossier: error: {e}");
                        failed += 1;
                    }
                }
            }
            if args.format == OutputFormat::Json && !values.is_empty() {
                let v = if values.len() == 1 {
                    values.remove(0)
                } else {
                    serde_json::Value::Array(values)
                };
                serde_json::to_writer_pretty(&mut out, &v)?;
                writeln!(out)?;
            }
            out.flush()?;
            if failed > 0 {
                bail!("{failed} input(s) could not be read");
            }
        }
    }
    out.flush()?;
    Ok(())
}

/// Reads the named files and directories (or stdin); each input succeeds or fails on its own.
fn read_inputs(
    files: &[PathBuf],
    stdin_only: bool,
    opts: &Options,
) -> anyhow::Result<Vec<Result<Document, dossier_ingest::IngestError>>> {
    if stdin_only {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .take(opts.max_bytes as u64 + 1)
            .read_to_end(&mut bytes)
            .context("reading stdin")?;
        let format = Format::detect("stdin", &bytes);
        return Ok(vec![dossier_ingest::from_bytes(
            &bytes, "stdin", format, opts,
        )]);
    }
    let mut docs = Vec::new();
    for f in files {
        match dossier_ingest::list_files(f) {
            Ok(paths) => docs.extend(paths.iter().map(|p| dossier_ingest::read_file(p, opts))),
            Err(e) => docs.push(Err(e)),
        }
    }
    Ok(docs)
}

/// Reads TimeML files (or stdin): the DCT comes from the file unless `--dct` overrides it.
fn read_timeml_inputs(
    files: &[PathBuf],
    stdin_only: bool,
    opts: &Options,
) -> anyhow::Result<Vec<Result<Document, dossier_ingest::IngestError>>> {
    let mut sources: Vec<(String, String)> = Vec::new();
    if stdin_only {
        let mut s = String::new();
        std::io::stdin()
            .lock()
            .read_to_string(&mut s)
            .context("reading stdin")?;
        sources.push(("stdin".into(), s));
    } else {
        for f in files {
            let paths = if f.is_dir() {
                let mut v: Vec<PathBuf> = std::fs::read_dir(f)
                    .with_context(|| f.display().to_string())?
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.extension().is_some_and(|x| x == "tml" || x == "xml"))
                    .collect();
                v.sort();
                v
            } else {
                vec![f.clone()]
            };
            for p in paths {
                let s = std::fs::read_to_string(&p).with_context(|| p.display().to_string())?;
                sources.push((p.display().to_string(), s));
            }
        }
    }
    let mut docs = Vec::new();
    for (name, xml) in sources {
        let mut td = dossier_time::read_timeml(&xml)
            .map_err(|e| anyhow::anyhow!("{name}: not TimeML: {e}"))?;
        if td.doc.meta.source.is_none() {
            td.doc.meta.source = Some(name);
        }
        if let Some(d) = &opts.dct {
            td.doc.meta.dct = Dct::given(d.clone());
        }
        docs.push(Ok(td.doc));
    }
    Ok(docs)
}

#[derive(serde::Deserialize)]
struct BatchItem {
    id: Option<serde_json::Value>,
    text: String,
    dct: Option<String>,
    title: Option<String>,
}

/// Annotates one JSON object per input line and writes one JSON object per output line, in order.
/// A bad line gives `{"line": N, "error": "…"}` so outputs stay aligned with inputs.
fn jsonl_batch(
    input: impl BufRead,
    pipeline: &Pipeline,
    opts: &Options,
    tokens: bool,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    for (n, line) in input.lines().enumerate() {
        let line = line.with_context(|| format!("reading line {}", n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let value = match annotate_item(&line, pipeline, opts) {
            Ok(doc) => doc.to_json(tokens),
            Err(e) => serde_json::json!({"line": n + 1, "error": e}),
        };
        serde_json::to_writer(&mut *out, &value)?;
        writeln!(out)?;
    }
    Ok(())
}

fn annotate_item(line: &str, pipeline: &Pipeline, opts: &Options) -> Result<Document, String> {
    let item: BatchItem =
        serde_json::from_str(line).map_err(|e| format!("not a batch item: {e}"))?;
    if let Some(d) = &item.dct {
        parse_dct(d)?;
    }
    let id = match item.id {
        Some(serde_json::Value::String(s)) => s,
        Some(v) => v.to_string(),
        None => "batch".into(),
    };
    let mut doc = Document::new(item.text);
    doc.blocks = dossier_ingest::find_blocks(&doc.text, false);
    doc.meta.source = Some(id);
    doc.meta.title = item.title;
    if let Some(d) = item.dct.or_else(|| opts.dct.clone()) {
        doc.meta.dct = Dct::given(d);
    }
    pipeline.run(&mut doc);
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dct_values() {
        assert!(parse_dct("2023-01-10").is_ok());
        assert!(parse_dct("2023").is_ok());
        assert!(parse_dct("2023-13-01").is_err());
        assert!(parse_dct("10/01/2023").is_err());
    }

    #[test]
    fn batch_keeps_line_alignment() {
        let input = "{\"id\": 7, \"text\": \"One. Two.\", \"dct\": \"2023-01-01\"}\nnot json\n\n{\"id\": \"b\", \"text\": \"Three.\"}\n";
        let pipeline = Pipeline::standard(&Config::default());
        let mut out = Vec::new();
        jsonl_batch(
            input.as_bytes(),
            &pipeline,
            &Options::default(),
            false,
            &mut out,
        )
        .unwrap();
        let lines: Vec<serde_json::Value> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0]["document"]["source"], "7");
        assert_eq!(lines[0]["document"]["dct"], "2023-01-01");
        assert_eq!(lines[0]["sentences"].as_array().unwrap().len(), 2);
        assert_eq!(lines[1]["line"], 2);
        assert!(lines[1]["error"]
            .as_str()
            .unwrap()
            .starts_with("not a batch item"));
        assert_eq!(lines[2]["document"]["source"], "b");
    }
}
