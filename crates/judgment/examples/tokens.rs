//! Prints the segmenter's tokens of stdin, one sentence per line (debugging aid).
use std::io::Read;
fn main() {
    let mut t = String::new();
    std::io::stdin().read_to_string(&mut t).unwrap();
    let mut d = dossier_model::Document::new(t);
    dossier_segment::segment(&mut d);
    for s in &d.sentences {
        let toks: Vec<&str> = d.tokens[s.tokens.clone()]
            .iter()
            .map(|x| d.slice(x.span))
            .collect();
        println!("{}", toks.join(" | "));
    }
}
