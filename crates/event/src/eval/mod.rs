//! Evaluation against external gold data (see `../shared/eval/events`).

pub mod meantime;
pub mod petrarch;
pub mod plover;

use std::path::PathBuf;

/// The `shared` folder beside the checkout (`$DOSSIER_SHARED` overrides): `../shared` for a checkout, also
/// found from a worktree one level deeper.
pub fn shared_dir() -> Option<PathBuf> {
    if let Ok(d) = std::env::var("DOSSIER_SHARED") {
        let p = PathBuf::from(d);
        if p.is_dir() {
            return Some(p);
        }
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    ["../../../shared", "../../../../shared"]
        .iter()
        .map(|r| root.join(r))
        .find(|p| p.join("eval").is_dir())
}

/// `shared/eval`, if present.
pub fn shared_eval_dir() -> Option<PathBuf> {
    shared_dir().map(|d| d.join("eval"))
}
