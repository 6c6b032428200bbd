//! Behaviour of the quantity extractor on constructed report-style sentences.
use dossier_model::{Bound, Quantity};
use dossier_quantity::extract;

fn find<'a>(qs: &'a [Quantity], text: &str, surface: &str) -> &'a Quantity {
    qs.iter()
        .find(|q| &text[q.span.start..q.span.end] == surface)
        .unwrap_or_else(|| {
            let got: Vec<&str> = qs.iter().map(|q| &text[q.span.start..q.span.end]).collect();
            panic!("no quantity {surface:?}; got {got:?}")
        })
}

fn surfaces(text: &str) -> Vec<String> {
    extract(text)
        .iter()
        .map(|q| text[q.span.start..q.span.end].to_string())
        .collect()
}

#[test]
fn ranges_and_bounds() {
    let t = "Russia deployed between 9,000 and 13,000 troops; some 30,000 soldiers and at least 12 jets \
             came, with up to 3-4 million refugees and more than 60% of them.";
    let qs = extract(t);
    let r = find(&qs, t, "between 9,000 and 13,000");
    assert_eq!(
        (r.value, r.high, r.bound),
        (Some(9000.0), Some(13000.0), Bound::Range)
    );
    assert_eq!(r.counted.as_deref(), Some("troops"));
    assert_eq!(find(&qs, t, "some 30,000").bound, Bound::Approx);
    assert_eq!(find(&qs, t, "at least 12").bound, Bound::AtLeast);
    let m = find(&qs, t, "up to 3-4 million");
    assert_eq!((m.value, m.high), (Some(3e6), Some(4e6)));
    assert_eq!(find(&qs, t, "more than 60%").bound, Bound::Greater);
}

#[test]
fn money_forms() {
    let t = "The EU gave €1.2bn and £300m; the budget of 1.5 billion roubles, USD 200, 50 cents, \
             US$ 15 million and 3 billion Belarusian rubles.";
    let qs = extract(t);
    let cases = [
        ("€1.2bn", 1.2e9, "EUR"),
        ("£300m", 3e8, "GBP"),
        ("1.5 billion roubles", 1.5e9, "RUB"),
        ("USD 200", 200.0, "USD"),
        ("50 cents", 0.5, "USD"),
        ("US$ 15 million", 1.5e7, "USD"),
        ("3 billion Belarusian rubles", 3e9, "BYN"),
    ];
    for (s, v, u) in cases {
        let q = find(&qs, t, s);
        assert_eq!(
            (q.value, q.unit.as_deref(), q.kind.as_str()),
            (Some(v), Some(u), "money"),
            "{s}"
        );
    }
}

#[test]
fn units_and_rates() {
    let t = "Gazprom exported 155 bcm; the range is 2,500 km, the shell 155mm, the load 4.6 tonnes; \
             oil at $70 a barrel and gas at USD 128.5 per 1000 cubic metres; 500,000 barrels a day.";
    let qs = extract(t);
    let bcm = find(&qs, t, "155 bcm");
    assert_eq!(
        (bcm.value, bcm.unit.as_deref()),
        (Some(1.55e11), Some("m3"))
    );
    assert_eq!(find(&qs, t, "2,500 km").unit.as_deref(), Some("km"));
    assert_eq!(find(&qs, t, "155mm").unit.as_deref(), Some("mm"));
    assert_eq!(find(&qs, t, "4.6 tonnes").unit.as_deref(), Some("t"));
    let oil = find(&qs, t, "$70 a barrel");
    assert_eq!(
        oil.per.as_ref().map(|p| (p.value, p.unit.as_str())),
        Some((1.0, "bbl"))
    );
    let gas = find(&qs, t, "USD 128.5 per 1000 cubic metres");
    assert_eq!(
        gas.per.as_ref().map(|p| (p.value, p.unit.as_str())),
        Some((1000.0, "m3"))
    );
    let bpd = find(&qs, t, "500,000 barrels a day");
    assert_eq!(bpd.per.as_ref().map(|p| p.unit.as_str()), Some("d"));
}

#[test]
fn vague_relative_and_counted() {
    let t =
        "Several hundred people protested; dozens of journalists were detained; prices were up to \
             3.5 times less than in Poland; 28 economic integration programmes; 12 Su-30SM jets.";
    let qs = extract(t);
    let v = find(&qs, t, "Several hundred");
    assert_eq!(
        (v.value, v.kind.as_str(), v.counted.as_deref()),
        (None, "vague", Some("people"))
    );
    assert_eq!(
        find(&qs, t, "dozens").counted.as_deref(),
        Some("journalists")
    );
    let r = find(&qs, t, "up to 3.5 times less");
    assert_eq!(
        (r.kind.as_str(), r.value, r.bound),
        ("relative", Some(3.5), Bound::AtMost)
    );
    assert_eq!(
        find(&qs, t, "28").counted.as_deref(),
        Some("economic integration programmes")
    );
    assert_eq!(find(&qs, t, "12").counted.as_deref(), Some("Su-30SM jets"));
}

#[test]
fn not_quantities() {
    // designations, exercise names, years, dates, times, list markers, references, durations
    let t = "1. The first point.\n2) Next.\nThe MiG-29, T-72B3 tanks, S-400 and SS-26 systems; Zapad 2023 \
             and Union Resolve 2022; article 5 and Resolution 2231; in 1997 and the 1990s; on 21 December \
             2022 and Dec. 22 at 10:30 am; in 2024-2026; for three years; a two-year cycle; Helsinki 2.0.";
    assert_eq!(surfaces(t), vec!["first".to_string()]);
}

#[test]
fn numbers_in_words() {
    let t =
        "twenty-eight programmes, one hundred and six tanks, two and a half miles, a dozen drones";
    let qs = extract(t);
    assert_eq!(find(&qs, t, "twenty-eight").value, Some(28.0));
    assert_eq!(find(&qs, t, "one hundred and six").value, Some(106.0));
    let mi = find(&qs, t, "two and a half miles");
    assert_eq!((mi.value, mi.unit.as_deref()), (Some(2.5), Some("mi")));
    assert_eq!(find(&qs, t, "a dozen").value, Some(12.0));
}

#[test]
fn never_panics_on_odd_input() {
    for t in [
        "",
        "$",
        "-",
        "1,",
        "1.",
        "1/0",
        "½",
        "€€€ 5 5 5",
        "x\u{0}9",
        "between and",
        "9e999",
        "1×10^",
        "ரூ 100",
        "１２３",
        "more than",
        "\n\n1.\n",
        "$1e400",
        "0.000000000000000000001 km",
    ] {
        let qs = extract(t);
        for q in qs {
            assert!(q.span.end <= t.len() && t.is_char_boundary(q.span.start));
            assert!(q.value.is_none_or(f64::is_finite));
        }
    }
}

#[test]
fn never_panics_on_random_input() {
    // deterministic pseudo-random strings over an alphabet of the characters the parser cares about
    let alphabet: Vec<&str> = vec![
        "1",
        "0",
        "9",
        "12",
        "2023",
        ",",
        ".",
        " ",
        "-",
        "–",
        "/",
        "$",
        "€",
        "£",
        "%",
        "½",
        "x",
        "×",
        "^",
        "e",
        "m",
        "km",
        "m3",
        "³",
        "per",
        "a",
        "and",
        "to",
        "between",
        "more than",
        "up to",
        "million",
        "bn",
        "twenty",
        "-",
        "one",
        "hundred",
        "several",
        "times",
        "less",
        "USD",
        "December",
        "(",
        ")",
        "\n",
        "S-",
        "ரூ",
        "é",
        "'",
        "\"",
        "st",
        "of",
        "dozens",
        "half",
        "pounds",
        "cents",
        ":",
        "pm",
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..3000 {
        let mut s = String::new();
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let len = (seed >> 59) as usize + 1;
        for _ in 0..len {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            s.push_str(alphabet[(seed >> 33) as usize % alphabet.len()]);
            if seed & 1 == 0 {
                s.push(' ');
            }
        }
        let qs = extract(&s);
        let mut last_end = 0;
        for q in &qs {
            assert!(q.span.start >= last_end && q.span.end <= s.len(), "{s:?}");
            assert!(s.is_char_boundary(q.span.start) && s.is_char_boundary(q.span.end));
            assert!(q.value.is_none_or(f64::is_finite), "{s:?}");
            last_end = q.span.end;
        }
    }
}
