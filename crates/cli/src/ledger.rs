//! `dossier ledger`: the forecast ledger — list, resolve and score the stored forecasts.

use std::io::Write;

use dossier_judgment::ledger::{self, Command, Filter, Status};

use crate::extract::parse_dct;
use crate::DbArg;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Option<LedgerCommand>,
    #[command(flatten)]
    filter: FilterArgs,
    /// Print the entries as a JSON array
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    db: DbArg,
}

/// Which entries to list or score.
#[derive(clap::Args, Clone, Default)]
struct FilterArgs {
    /// Holder name (a substring, any case), e.g. "author" or "Putin"
    #[arg(long, value_name = "NAME")]
    holder: Option<String>,
    /// Document id or id prefix
    #[arg(long, value_name = "ID")]
    doc: Option<String>,
    /// open, true, false, annulled, resolved (true or false) or all
    #[arg(long)]
    status: Option<String>,
    /// Due on or before this date
    #[arg(long, value_name = "DATE", value_parser = parse_dct)]
    due_before: Option<String>,
}

impl From<FilterArgs> for Filter {
    fn from(a: FilterArgs) -> Filter {
        Filter {
            holder: a.holder,
            doc: a.doc,
            status: a.status,
            due_before: a.due_before,
        }
    }
}

#[derive(clap::Subcommand)]
enum LedgerCommand {
    /// Record how a forecast turned out, with the evidence
    Resolve {
        /// Ledger entry id (first column of `dossier ledger`)
        id: i64,
        /// true, false or annul (the question no longer makes sense)
        #[arg(value_parser = ["true", "false", "annul"])]
        outcome: String,
        /// A document id or URL that shows the outcome
        #[arg(long, value_name = "DOC_OR_URL")]
        evidence: Option<String>,
        /// Free-text note kept with the resolution
        #[arg(long)]
        note: Option<String>,
    },
    /// Brier and log scores and calibration by yardstick band, per holder and per phrase
    Score {
        #[command(flatten)]
        filter: FilterArgs,
    },
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let mut store = args.db.open()?;
    let cmd = match args.command {
        None => Command::List {
            filter: args.filter.into(),
            json: args.json,
        },
        Some(LedgerCommand::Score { filter }) => Command::Score {
            filter: filter.into(),
        },
        Some(LedgerCommand::Resolve {
            id,
            outcome,
            evidence,
            note,
        }) => {
            let status = Status::parse(&outcome)
                .ok_or_else(|| anyhow::anyhow!("outcome must be true, false or annul"))?;
            Command::Resolve {
                id,
                status,
                evidence,
                note,
            }
        }
    };
    let text = ledger::run(&mut store, cmd)?;
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    Ok(())
}
