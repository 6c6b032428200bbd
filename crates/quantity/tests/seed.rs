//! The seed document's targets (issue 6): rates, bounds, counts, and no quantities from designations,
//! exercise names or years.
use dossier_model::Component;
use dossier_model::{Bound, Document};
use dossier_quantity::Quantities;

const SEED: &str = "Then, on 26-27 December in Saint Petersburg, negotiations continued. \
Earlier, on 3 December, ministers signed a protocol amending the 1997 agreement. \
Moreover, on 21 December, Shoigu announced the Zapad 2023 drills. \
Lukashenka announced the start of combat duty of the Iskander-M (NATO: SS-26 Stone) and S-400 (SA-10C) systems. \
According to Putin, Russia and Belarus have managed to implement more than 60% of the 28 economic integration \
programmes signed in November 2021. In 2022, Belarus paid $128.50 for 1,000 m3 of gas (up to several times less \
than prices on European markets).";

fn run(text: &str) -> Document {
    let mut doc = Document::new(text);
    Quantities.process(&mut doc);
    doc
}

#[test]
fn seed_targets() {
    let doc = run(SEED);
    let texts: Vec<&str> = doc.quantities.iter().map(|q| doc.slice(q.span)).collect();
    let rate = doc
        .quantities
        .iter()
        .find(|q| q.unit.as_deref() == Some("USD"))
        .expect("the gas price");
    assert_eq!(rate.value, Some(128.5));
    let per = rate.per.as_ref().expect("per 1000 m3");
    assert_eq!((per.value, per.unit.as_str()), (1000.0, "m3"));
    assert_eq!(doc.slice(rate.span), "$128.50 for 1,000 m3");

    let pct = doc
        .quantities
        .iter()
        .find(|q| q.kind == "percent")
        .expect("60%");
    assert_eq!((pct.value, pct.bound), (Some(60.0), Bound::Greater));
    assert_eq!(doc.slice(pct.span), "more than 60%");

    let progs = doc
        .quantities
        .iter()
        .find(|q| q.value == Some(28.0))
        .expect("28");
    assert_eq!(
        progs.counted.as_deref(),
        Some("economic integration programmes")
    );

    let rel = doc
        .quantities
        .iter()
        .find(|q| q.kind == "relative")
        .expect("several times less");
    assert_eq!(rel.value, None);

    for bad in [
        "400", "2023", "1997", "26", "3", "21", "2022", "2021", "10", "26-27",
    ] {
        assert!(
            !texts.iter().any(|t| t.split(' ').any(|w| w == bad)),
            "{bad} must not be a quantity: {texts:?}"
        );
    }
    assert_eq!(doc.quantities.len(), 4, "{texts:?}");
}

#[test]
fn timex_overlap_is_dropped() {
    use dossier_model::{Span, Timex, TimexType};
    // "five days" is not reported anyway; here a time component claims "28 programmes" to test the filter.
    let text = "They signed 28 programmes and 9,000 troops came.";
    let mut doc = Document::new(text);
    doc.timexes.push(Timex {
        span: Span::new(12, 14),
        kind: TimexType::Duration,
        value: "P28D".into(),
        modifier: None,
        range: None,
        anchor: None,
    });
    Quantities.process(&mut doc);
    let vals: Vec<_> = doc.quantities.iter().map(|q| q.value).collect();
    assert_eq!(vals, vec![Some(9000.0)]);
    assert_eq!(doc.quantities[0].counted.as_deref(), Some("troops"));
}

#[test]
fn json_layer_uses_character_offsets() {
    let text = "Le prix: «$128.50 for 1,000 m3».";
    let mut doc = Document::new(text);
    Quantities.process(&mut doc);
    let json = doc.to_json(false);
    let q = &json["quantities"][0];
    assert_eq!(q["text"], "$128.50 for 1,000 m3");
    assert_eq!(q["start"], 10); // characters, not bytes («)
    assert_eq!(q["per"]["unit"], "m3");
    assert_eq!(q["unit"], "USD");
    assert_eq!(q["kind"], "money");
}

#[test]
fn rate_denominator_left_to_time() {
    use dossier_model::{Span, Timex, TimexType};
    let text = "Workers earn $28 an hour now.";
    let mut doc = Document::new(text);
    doc.timexes.push(Timex {
        span: Span::new(17, 24), // "an hour"
        kind: TimexType::Duration,
        value: "PT1H".into(),
        modifier: None,
        range: None,
        anchor: None,
    });
    Quantities.process(&mut doc);
    assert_eq!(doc.quantities.len(), 1);
    let q = &doc.quantities[0];
    assert_eq!(doc.slice(q.span), "$28");
    assert_eq!(q.per.as_ref().map(|p| p.unit.as_str()), Some("h"));
}
