//! `dossier serve`: the web UI over the store (crate `dossier-web`).

use crate::DbArg;

#[derive(clap::Args)]
pub struct Args {
    /// Address to listen on; the default is reachable from this machine only
    #[arg(long, default_value = "127.0.0.1:8400", value_name = "HOST:PORT")]
    addr: String,
    #[command(flatten)]
    db: DbArg,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let location = args.db.location()?;
    if !dossier_store::is_postgres_location(&location) && !std::path::Path::new(&location).is_file()
    {
        anyhow::bail!("no store at {location}; run `dossier ingest FILES` or `dossier demo` first");
    }
    let listener = std::net::TcpListener::bind(&args.addr)
        .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", args.addr))?;
    eprintln!(
        "Dossier UI for {} at http://{}/ (Ctrl-C stops)",
        dossier_store::display_location(&location),
        listener.local_addr()?
    );
    dossier_web::serve(listener, location)?;
    Ok(())
}
