//! `dossier export`: the store's documents or one layer as JSONL or CSV.

use std::io::Write;

use anyhow::bail;
use serde_json::{Map, Value};

use crate::DbArg;

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// One JSON object per line
    Jsonl,
    /// Comma-separated values with a header row (RFC 4180 quoting)
    Csv,
    /// PLOVER event records, one JSON object per line (events only)
    Plover,
}

#[derive(clap::Args)]
pub struct Args {
    /// What to export: `documents` (whole interchange JSON) or a layer name
    /// (timexes, entities, quantities, events, statements, judgments)
    #[arg(default_value = "documents")]
    what: String,
    #[arg(long, value_enum, default_value = "jsonl")]
    format: ExportFormat,
    #[command(flatten)]
    db: DbArg,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let store = args.db.open()?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.what == "documents" {
        if args.format == ExportFormat::Csv {
            bail!("documents export as JSONL only; export a layer (e.g. `timexes`) as CSV");
        }
        for d in store.documents()? {
            if let Some(doc) = store.get(&d.id)? {
                serde_json::to_writer(&mut out, &doc.to_json(false))?;
                writeln!(out)?;
            }
        }
        out.flush()?;
        return Ok(());
    }
    if !dossier_store::LAYERS.contains(&args.what.as_str()) {
        bail!(
            "unknown layer {:?}; one of: documents, {}",
            args.what,
            dossier_store::LAYERS.join(", ")
        );
    }
    if args.what == "events" && args.format != ExportFormat::Jsonl {
        return export_events(&store, args.format, &mut out);
    }
    if args.format == ExportFormat::Plover {
        bail!("--format plover exports events only");
    }
    let rows = layer_rows(&store, &args.what)?;
    match args.format {
        ExportFormat::Jsonl => {
            for r in rows {
                serde_json::to_writer(&mut out, &r)?;
                writeln!(out)?;
            }
        }
        ExportFormat::Csv => write_csv(&mut out, &rows)?,
        ExportFormat::Plover => unreachable!("handled above"),
    }
    out.flush()?;
    Ok(())
}

/// Events as PLOVER records or as CSV with a CAMEO root code column (byte offsets in CSV `start`/`end`).
fn export_events(
    store: &dossier_store::Store,
    format: ExportFormat,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    if format == ExportFormat::Csv {
        writeln!(out, "{}", dossier_event::export::CSV_HEADER)?;
    }
    for d in store.documents()? {
        let Some(doc) = store.get(&d.id)? else {
            continue;
        };
        for (i, e) in doc.events.iter().enumerate() {
            match format {
                ExportFormat::Csv => writeln!(out, "{}", dossier_event::export::csv_row(&doc, e))?,
                _ => {
                    serde_json::to_writer(
                        &mut *out,
                        &dossier_event::export::plover_record(&doc, e, i),
                    )?;
                    writeln!(out)?;
                }
            }
        }
    }
    out.flush()?;
    Ok(())
}

/// The items of one layer over the latest document versions, each with its `doc_id`.
fn layer_rows(store: &dossier_store::Store, layer: &str) -> anyhow::Result<Vec<Value>> {
    let rows = store.query(
        "SELECT a.doc_id, a.data FROM annotations a JOIN documents d ON d.id = a.doc_id
         WHERE a.layer = ?1 AND d.superseded_by IS NULL ORDER BY d.dct, a.doc_id, a.idx",
        &[layer.into()],
    )?;
    let mut out = Vec::new();
    for row in rows.rows {
        let mut cells = row.into_iter().map(|v| v.into_string().unwrap_or_default());
        let (doc_id, data) = (
            cells.next().unwrap_or_default(),
            cells.next().unwrap_or_default(),
        );
        let mut obj = Map::new();
        obj.insert("doc_id".into(), Value::String(doc_id));
        if let Value::Object(m) = serde_json::from_str(&data)? {
            obj.extend(m);
        }
        out.push(Value::Object(obj));
    }
    Ok(out)
}

/// Flattens one level of nesting (`probability.low`, `cue.text`); arrays become JSON text.
fn flatten(v: &Value) -> Vec<(String, String)> {
    let mut cells = Vec::new();
    let Value::Object(m) = v else { return cells };
    for (k, v) in m {
        match v {
            Value::Object(inner) => {
                for (k2, v2) in inner {
                    cells.push((format!("{k}.{k2}"), scalar(v2)));
                }
            }
            other => cells.push((k.clone(), scalar(other))),
        }
    }
    cells
}

fn scalar(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Writes rows as CSV; the header is the union of keys in first-seen order.
pub fn write_csv(out: &mut impl Write, rows: &[Value]) -> anyhow::Result<()> {
    let flat: Vec<Vec<(String, String)>> = rows.iter().map(flatten).collect();
    let mut header: Vec<String> = Vec::new();
    for r in &flat {
        for (k, _) in r {
            if !header.contains(k) {
                header.push(k.clone());
            }
        }
    }
    writeln!(
        out,
        "{}",
        header
            .iter()
            .map(|h| csv_field(h))
            .collect::<Vec<_>>()
            .join(",")
    )?;
    for r in &flat {
        let line: Vec<String> = header
            .iter()
            .map(|h| {
                r.iter()
                    .find(|(k, _)| k == h)
                    .map(|(_, v)| csv_field(v))
                    .unwrap_or_default()
            })
            .collect();
        writeln!(out, "{}", line.join(","))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_and_flattens() {
        let rows = vec![
            serde_json::json!({"doc_id": "a", "text": "1,000 m3", "probability": {"low": 0.55, "high": 0.8}}),
            serde_json::json!({"doc_id": "b", "text": "say \"no\"", "extra": [1, 2]}),
        ];
        let mut out = Vec::new();
        write_csv(&mut out, &rows).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "doc_id,text,probability.low,probability.high,extra\na,\"1,000 m3\",0.55,0.8,\nb,\"say \"\"no\"\"\",,,\"[1,2]\"\n"
        );
    }
}
