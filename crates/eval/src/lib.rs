//! The evaluation harness: standard metrics, readers for gold-data formats shared by several annotators
//! (CoNLL-U), and the segmentation evaluation. Annotator-specific scorers (TE3, Recognizers, NER, …) live
//! in their annotator's crate and use [`Prf`] from here.

pub mod conllu;
pub mod segmentation;
/// XML helpers for the gold-data readers (they live in the model crate, which TimeML input shares).
pub use dossier_model::xml;

use std::fmt;

/// Precision/recall/F1 counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Prf {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Prf {
    /// Counts from a system's and a gold set's items (each item counted once).
    pub fn from_sets<T: Ord + Clone>(system: &[T], gold: &[T]) -> Prf {
        let mut sys: Vec<T> = system.to_vec();
        let mut gold: Vec<T> = gold.to_vec();
        sys.sort();
        sys.dedup();
        gold.sort();
        gold.dedup();
        let (mut i, mut j, mut tp) = (0, 0, 0);
        while i < sys.len() && j < gold.len() {
            match sys[i].cmp(&gold[j]) {
                std::cmp::Ordering::Equal => {
                    tp += 1;
                    i += 1;
                    j += 1;
                }
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
            }
        }
        Prf {
            tp,
            fp: sys.len() - tp,
            fn_: gold.len() - tp,
        }
    }

    pub fn add(&mut self, other: Prf) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }

    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

impl fmt::Display for Prf {
    /// `P 91.20  R 88.00  F1 89.57  (tp 440, fp 42, fn 60)`, percentages.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "P {:6.2}  R {:6.2}  F1 {:6.2}  (tp {}, fp {}, fn {})",
            100.0 * self.precision(),
            100.0 * self.recall(),
            100.0 * self.f1(),
            self.tp,
            self.fp,
            self.fn_
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prf_counts_and_scores() {
        let p = Prf::from_sets(&[1, 2, 3, 3], &[2, 3, 4, 5]);
        assert_eq!(
            p,
            Prf {
                tp: 2,
                fp: 1,
                fn_: 2
            }
        );
        assert!((p.precision() - 2.0 / 3.0).abs() < 1e-12);
        assert!((p.recall() - 0.5).abs() < 1e-12);
        assert!((p.f1() - 4.0 / 7.0).abs() < 1e-12);
        assert_eq!(Prf::default().f1(), 0.0);
    }
}

/// The MEANTIME CAT files (`.xml`) under `dir`, recursively, in sorted order (so that splits by position are
/// stable).
pub fn cat_files(dir: &std::path::Path) -> std::io::Result<Vec<std::path::PathBuf>> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d)? {
            let p = entry?.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "xml") {
                files.push(p);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// One `<token>` of a MEANTIME CAT file.
#[derive(Clone, Debug, PartialEq)]
pub struct CatToken {
    /// `t_id` (empty when absent).
    pub id: String,
    /// `sentence`, when present and a number.
    pub sentence: Option<usize>,
    /// The token's text, unescaped.
    pub text: String,
}

/// The `<token>` elements of a MEANTIME CAT file, in file order (the readers of the event, judgment and
/// quantity evaluations build their documents from these).
pub fn cat_tokens(xml: &str) -> Vec<CatToken> {
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(i) = rest.find("<token ") {
        let r = &rest[i..];
        let (Some(gt), Some(end)) = (r.find('>'), r.find("</token>")) else {
            break;
        };
        if gt > end {
            break;
        }
        let tag = &r[..gt];
        out.push(CatToken {
            id: xml::attr(tag, "t_id").unwrap_or("").to_string(),
            sentence: xml::attr(tag, "sentence").and_then(|x| x.parse().ok()),
            text: xml::unescape(&r[gt + 1..end]),
        });
        rest = &r[end..];
    }
    out
}

#[cfg(test)]
mod cat_tests {
    use super::*;

    #[test]
    fn cat_tokens_in_order_with_ids_and_sentences() {
        let xml = "<Document><token t_id=\"1\" sentence=\"0\" number=\"0\">AT&amp;T</token>\n\
                   <token t_id=\"2\" sentence=\"1\">said</token><token sentence=\"x\">?</token></Document>";
        let t = cat_tokens(xml);
        assert_eq!(t.len(), 3);
        assert_eq!(
            (t[0].id.as_str(), t[0].sentence, t[0].text.as_str()),
            ("1", Some(0), "AT&T")
        );
        assert_eq!((t[1].id.as_str(), t[1].sentence), ("2", Some(1)));
        assert_eq!((t[2].id.as_str(), t[2].sentence), ("", None));
        assert!(cat_tokens("<token t_id=\"1\">unclosed").is_empty());
    }
}
