//! Throughput of the event component alone (segmentation done beforehand, not timed):
//! `cargo run --release -p dossier-event --example event_bench -- [FILE…] [--mb N]`.
//! Defaults to the seed documents in `../shared/seeds`, repeated to about N MB (default 20).
use std::time::Instant;

use dossier_model::{Component, Document};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mb: usize = args
        .iter()
        .position(|a| a == "--mb")
        .and_then(|i| args.get(i + 1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    let mut files: Vec<std::path::PathBuf> = args
        .iter()
        .filter(|a| !a.starts_with("--") && a.parse::<usize>().is_err())
        .map(Into::into)
        .collect();
    if files.is_empty() {
        if let Some(shared) = dossier_event::eval::shared_dir() {
            if let Ok(rd) = std::fs::read_dir(shared.join("seeds")) {
                files = rd.filter_map(|e| e.ok()).map(|e| e.path()).collect();
            }
        }
    }
    let texts: Vec<String> = files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    if texts.is_empty() {
        eprintln!("no input texts");
        std::process::exit(2);
    }
    let mut docs = Vec::new();
    let mut bytes = 0usize;
    'outer: loop {
        for t in &texts {
            let mut d = Document::new(t.clone());
            dossier_segment::segment(&mut d);
            bytes += t.len();
            docs.push(d);
            if bytes >= mb << 20 {
                break 'outer;
            }
        }
    }
    let comp = dossier_event::EventComponent::new();
    let (mut pass, mut total) = (0usize, 0usize);
    for d in &docs {
        for s in &d.sentences {
            total += 1;
            pass += usize::from(dossier_event::may_have_event(d, s));
        }
    }
    println!(
        "may_have_event: {pass} of {total} sentences ({:.1} %) may hold an event",
        100.0 * pass as f64 / total.max(1) as f64
    );
    let cpu0 = thread_cpu_ns();
    let start = Instant::now();
    let mut events = 0;
    for d in &mut docs {
        comp.process(d);
        events += d.events.len();
    }
    let secs = start.elapsed().as_secs_f64();
    let cpu = thread_cpu_ns().zip(cpu0).map(|(b, a)| (b - a) as f64 / 1e9);
    println!(
        "event component: {:.1} MB in {:.2} s = {:.2} MB/s per core ({} documents, {} events)",
        bytes as f64 / 1e6,
        secs,
        bytes as f64 / 1e6 / secs,
        docs.len(),
        events
    );
    if let Some(c) = cpu {
        // CPU time of this thread: meaningful on a shared, loaded machine where wall time is not.
        println!(
            "  thread CPU time {:.2} s = {:.2} MB/s per core",
            c,
            bytes as f64 / 1e6 / c
        );
    }
}

/// This thread's CPU time in nanoseconds (Linux `/proc/thread-self/schedstat`), if available.
fn thread_cpu_ns() -> Option<u64> {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}
