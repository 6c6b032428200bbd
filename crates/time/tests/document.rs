//! Component behaviour on whole documents: DCT inference on the seed, TimeML round trip, robustness.

use std::path::PathBuf;

use dossier_model::{Component, DctSource, Document, TimexType};
use dossier_time::{read_timeml, write_timeml, Anchoring, TimeTagger};

fn shared() -> PathBuf {
    // `../shared` beside the checkout (CI), or DOSSIER_SHARED when the checkout is a worktree elsewhere.
    std::env::var_os("DOSSIER_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"))
}

#[test]
fn seed_dct_is_inferred_and_anchors_the_text() {
    let path = shared().join("seeds/000_11c1b68eb0c62326.txt");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} not found", path.display());
        return;
    };
    let mut doc = Document::new(text);
    TimeTagger::new(Anchoring::News).process(&mut doc);
    assert_eq!(doc.meta.dct.source, DctSource::Inferred);
    let v = doc.meta.dct.value.clone().expect("inferred DCT");
    assert!(
        v.as_str() >= "2022-12-27" && v.as_str() <= "2023-07-31",
        "DCT {v}"
    );
    let (lo, hi) = doc.meta.dct.bracket.clone().expect("bracket");
    assert!(lo.as_str() >= "2022-12-27", "lower bound {lo}");
    assert!(
        !hi.is_empty() && hi.as_str() <= "2023-12-31" && hi >= lo,
        "upper bound {hi}"
    );
    let get = |s: &str| {
        doc.timexes
            .iter()
            .find(|t| doc.slice(t.span) == s)
            .unwrap_or_else(|| panic!("{s:?} not found"))
    };
    assert_eq!(get("19 December 2022").value, "2022-12-19");
    assert_eq!(get("that same day").value, "2022-12-19");
    assert_eq!(get("3 December").value, "2022-12-03");
    let r = get("26-27 December").range.clone().expect("range");
    assert_eq!(
        (r.begin.as_str(), r.end.as_str()),
        ("2022-12-26", "2022-12-27")
    );
    let r = get("2024-2026").range.clone().expect("range");
    assert_eq!((r.begin.as_str(), r.end.as_str()), ("2024", "2026"));
    assert_eq!(get("the next three years").kind, TimexType::Duration);
    assert_eq!(get("July 2023").value, "2023-07");
    // None of the false positives the issue lists.
    for t in &doc.timexes {
        let s = doc.slice(t.span);
        assert!(
            !s.contains("400")
                && !s.contains("1,000")
                && !s.contains("28")
                && !s.contains("Iskander"),
            "false positive {s:?}"
        );
    }
}

#[test]
fn timeml_round_trip() {
    let xml = r#"<?xml version="1.0" ?>
<TimeML><DOCID>x</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22" functionInDocument="CREATION_TIME">March 22, 2013</TIMEX3></DCT>
<TEXT>Talks &amp; votes: the council met <TIMEX3 tid="t1" type="DATE" value="2013-03-21">yesterday</TIMEX3> and will meet on 26-27 March.</TEXT>
</TimeML>"#;
    let mut td = read_timeml(xml).expect("parse");
    assert_eq!(
        td.doc.text,
        "Talks & votes: the council met yesterday and will meet on 26-27 March."
    );
    assert_eq!(td.gold.len(), 1);
    assert_eq!(td.doc.slice(td.gold[0].span), "yesterday");
    assert_eq!(td.doc.meta.dct.value.as_deref(), Some("2013-03-22"));
    TimeTagger::new(Anchoring::News).process(&mut td.doc);
    let out = write_timeml(&td.doc);
    assert!(
        out.contains(r#"value="2013-03-21">yesterday</TIMEX3>"#),
        "{out}"
    );
    // The range is split into two DATEs as TempEval-3 expects.
    assert!(
        out.contains(r#"value="2013-03-26">26</TIMEX3>-<TIMEX3"#),
        "{out}"
    );
    assert!(
        out.contains(r#"value="2013-03-27">27 March</TIMEX3>"#),
        "{out}"
    );
    assert!(out.contains("Talks &amp; votes"));
    let back = read_timeml(&out).expect("re-read");
    assert_eq!(back.doc.text, td.doc.text);
    assert_eq!(back.gold.len(), 3);
}

#[test]
fn never_panics_on_odd_input() {
    let tt = TimeTagger::new(Anchoring::Narrative);
    for text in [
        "",
        " ",
        "\u{feff}1999",
        "31/31/2020 99:99 0000-00-00",
        "’93 '99s May. may MAY",
        "ß 2024- -2026 –",
        "on 31 February 2023",
    ] {
        let mut doc = Document::new(text);
        tt.process(&mut doc);
        for t in &doc.timexes {
            assert!(t.span.end <= doc.text.len() && text.is_char_boundary(t.span.start));
        }
        assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    }
}
