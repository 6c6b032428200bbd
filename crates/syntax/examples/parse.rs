//! `cargo run --release -p dossier-syntax --example parse -- FILE.txt` prints the text's CoNLL-U parse
//! (one paragraph per line, Dossier's segmentation).
fn main() -> anyhow::Result<()> {
    let path = std::env::args().nth(1).expect("FILE.txt");
    let text = std::fs::read_to_string(path)?;
    let mut doc = dossier_model::Document::new(text);
    let mut start = 0;
    for line in doc.text.clone().split_inclusive('\n') {
        let end = start + line.trim_end().len();
        if end > start {
            doc.blocks.push(dossier_model::Block {
                kind: dossier_model::BlockKind::Paragraph,
                span: dossier_model::Span::new(start, end),
            });
        }
        start += line.len();
    }
    dossier_segment::segment(&mut doc);
    dossier_syntax::Syntax::embedded()?.process_doc(&mut doc);
    print!("{}", dossier_syntax::to_conllu(&doc));
    Ok(())
}
