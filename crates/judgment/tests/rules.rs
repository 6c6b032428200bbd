//! Behaviour of the extraction rules on short constructed texts (not from the seed).

use dossier_judgment::eval::line_blocks;
use dossier_judgment::{JudgmentAnnotator, Yardstick};
use dossier_model::{Component, Dct, Document, Entity, Mention, Span};

fn run(text: &str) -> Document {
    let mut doc = Document::new(text);
    doc.meta.dct = Dct::given("2024-03-10");
    line_blocks(&mut doc);
    dossier_segment::segment(&mut doc);
    JudgmentAnnotator::new(Yardstick::Icd203).process(&mut doc);
    doc
}

#[test]
fn direct_quotes_both_orders() {
    let doc = run("“We will not allow this,” the Foreign Minister said. \
                   Zelensky said: “The front will hold.”");
    assert_eq!(doc.statements.len(), 2, "{:?}", doc.statements);
    let a = &doc.statements[0];
    assert!(a.direct);
    assert_eq!(a.speaker.as_deref(), Some("the Foreign Minister"));
    assert_eq!(doc.slice(a.content), "We will not allow this");
    let b = &doc.statements[1];
    assert!(b.direct);
    assert_eq!(b.speaker.as_deref(), Some("Zelensky"));
    assert_eq!(doc.slice(b.content), "The front will hold.");
    // The quoted forecasts belong to the speakers, the first one negated.
    let j0 = &doc.judgments[0];
    assert_eq!(
        (j0.holder.as_str(), j0.polarity.as_str()),
        ("the Foreign Minister", "negative")
    );
    assert_eq!(doc.judgments[1].holder, "Zelensky");
}

#[test]
fn inverted_quote_and_negated_statement() {
    let doc =
        run("“Talks are over,” said Lavrov. The ministry did not confirm that troops had left.");
    assert_eq!(doc.statements.len(), 2);
    assert_eq!(doc.statements[0].speaker.as_deref(), Some("Lavrov"));
    assert!(doc.statements[1].negated);
    assert_eq!(doc.statements[1].speaker.as_deref(), Some("The ministry"));
}

#[test]
fn according_to_at_the_end() {
    let doc = run("Exports fell by a third last year, according to the central bank.");
    let s = &doc.statements[0];
    assert_eq!(s.speaker.as_deref(), Some("the central bank"));
    assert_eq!(doc.slice(s.content), "Exports fell by a third last year");
}

#[test]
fn non_speech_uses_are_not_statements() {
    let doc = run("The figures confirmed the trend. Member States must act. It will be the will of the people.");
    assert!(doc.statements.is_empty(), "{:?}", doc.statements);
    // "the will of the people" is a noun; only the first "will" is a cue.
    let wills: Vec<_> = doc
        .judgments
        .iter()
        .filter(|j| doc.slice(j.cue) == "will")
        .collect();
    assert_eq!(wills.len(), 1);
}

#[test]
fn month_may_is_not_a_modal() {
    let doc = run("The summit was held in May 2023. Sanctions may be extended.");
    assert_eq!(doc.judgments.len(), 1);
    assert_eq!(doc.slice(doc.judgments[0].cue), "may");
    assert_eq!(doc.judgments[0].class, "vague");
}

#[test]
fn confidence_is_kept_apart_from_probability() {
    let doc = run("We assess with moderate confidence that Moscow is unlikely to launch a new offensive before 2025.");
    let j = &doc.judgments[0];
    assert_eq!(j.kind, "forecast");
    assert_eq!(j.confidence.as_deref(), Some("moderate"));
    let p = j.probability.as_ref().unwrap();
    assert_eq!(p.term.as_deref(), Some("Unlikely"));
    assert_eq!((p.low, p.high), (0.20, 0.45));
    assert_eq!(j.due.as_deref(), Some("2025-12-31"));
    assert_eq!(j.due_source.as_deref(), Some("text"));
}

#[test]
fn negated_will_and_default_horizon() {
    let doc = run("Minsk will not join the war.");
    let j = &doc.judgments[0];
    assert_eq!(j.polarity, "negative");
    assert_eq!(j.class, "assertion");
    assert_eq!(j.due.as_deref(), Some("2025-03-10"));
    assert_eq!(j.due_source.as_deref(), Some("default"));
}

#[test]
fn horizon_for_the_next_years() {
    let doc = run("Prices will stay fixed for the next three years.");
    assert_eq!(doc.judgments[0].due.as_deref(), Some("2027-03-10"));
}

#[test]
fn timexes_are_used_when_present() {
    let mut doc = Document::new("The exercise will take place next spring.");
    doc.meta.dct = Dct::given("2024-03-10");
    dossier_segment::segment(&mut doc);
    let at = doc.text.find("next spring").unwrap();
    doc.timexes.push(dossier_model::Timex {
        span: Span::new(at, at + 11),
        kind: dossier_model::TimexType::Date,
        value: "2025-SP".into(),
        modifier: None,
        range: Some(dossier_model::TimexRange {
            begin: "2025-03-01".into(),
            end: "2025-05-31".into(),
            begin_span: None,
            end_span: None,
        }),
        anchor: Some("dct".into()),
    });
    JudgmentAnnotator::default().process(&mut doc);
    assert_eq!(doc.judgments[0].due.as_deref(), Some("2025-05-31"));
}

#[test]
fn negated_inference_is_not_a_forecast() {
    let doc = run("This does not mean that the army will be placed under Russian command.");
    assert!(doc.judgments.is_empty(), "{:?}", doc.judgments);
}

#[test]
fn recommendation_addressees() {
    let doc = run(
        "Therefore, Western governments should expand air defence deliveries. \
                   It is essential to strengthen the Alliance’s eastern flank.",
    );
    let r: Vec<_> = doc
        .judgments
        .iter()
        .filter(|j| j.kind == "recommendation")
        .collect();
    assert_eq!(r.len(), 2);
    assert_eq!(r[0].addressee.as_deref(), Some("Western governments"));
    assert_eq!(
        doc.slice(r[0].action.unwrap()),
        "expand air defence deliveries"
    );
    assert_eq!(r[1].addressee.as_deref(), Some("NATO"));
    assert_eq!(r[1].addressee_source.as_deref(), Some("implied"));
}

#[test]
fn speaker_linked_to_entity() {
    let mut doc = Document::new("Shoigu announced new drills.");
    dossier_segment::segment(&mut doc);
    let mut shoigu = Entity::new("e7", "Sergei Shoigu", "PERSON");
    shoigu.country = Some("RUS".into());
    shoigu.sector = Some("MIL".into());
    shoigu.mentions.push(Mention::name(Span::new(0, 6)));
    doc.entities.push(shoigu);
    JudgmentAnnotator::default().process(&mut doc);
    assert_eq!(doc.statements[0].speaker_entity.as_deref(), Some("e7"));
}

#[test]
fn never_panics_and_never_changes_text() {
    for text in [
        "",
        "   \n\n",
        "will",
        "should",
        "according to",
        "“",
        "It was announced",
        "According to , .",
        "x, which will, which may; and , and",
        "said.",
        "Хорошо сказал Путин: «будет».",
        "“Łukaszenka said: ‘we will’,” Ryanair’s CEO added.",
        ", said",
        "said Putin",
        "“Yes,” said.",
        "He said",
        "Earlier, the minister, a former general, said.",
    ] {
        let doc = run(text);
        assert_eq!(doc.text, text);
        assert!(
            !doc.warnings.iter().any(|w| w.contains("internal error")),
            "{text:?}"
        );
    }
    // Non-ASCII text, tokenized by white space here (the segmenter is not under test).
    let text = "Хорошо, сказал Путин: «Россия будет» — and Łukaszenka said that “it will”.";
    let mut doc = Document::new(text);
    let mut pos = 0;
    for w in text.split(' ') {
        doc.tokens.push(dossier_model::Token {
            span: Span::new(pos, pos + w.len()),
        });
        pos += w.len() + 1;
    }
    doc.sentences.push(dossier_model::Sentence {
        span: Span::new(0, text.len()),
        tokens: 0..doc.tokens.len(),
    });
    JudgmentAnnotator::default().process(&mut doc);
    assert_eq!(doc.text, text);
    assert!(doc.warnings.is_empty());
    // Unsegmented input: a warning, no layer.
    let mut doc = Document::new("Russia will win.");
    JudgmentAnnotator::default().process(&mut doc);
    assert!(doc.judgments.is_empty());
    assert_eq!(doc.warnings.len(), 1);
}

#[test]
fn fallback_horizon_when_timexes_give_none() {
    // A time layer that only holds a past date: the clause's own "in July 2025" is still read.
    let mut doc = Document::new("After the 2022 talks, the summit may decide in July 2025.");
    doc.meta.dct = Dct::given("2024-03-10");
    dossier_segment::segment(&mut doc);
    let at = doc.text.find("2022").unwrap();
    doc.timexes.push(dossier_model::Timex {
        span: Span::new(at, at + 4),
        kind: dossier_model::TimexType::Date,
        value: "2022".into(),
        modifier: None,
        range: None,
        anchor: None,
    });
    JudgmentAnnotator::default().process(&mut doc);
    assert_eq!(doc.judgments[0].due.as_deref(), Some("2025-07-31"));
    assert_eq!(doc.judgments[0].due_source.as_deref(), Some("text"));
}

#[test]
fn word_lists_parse_and_are_lower_case() {
    let w = dossier_model::WordLists::parse(dossier_judgment::extract::WORDS_TXT)
        .expect("resources/judgments/words.txt parses");
    let names: Vec<&str> = w.names().collect();
    assert_eq!(
        names,
        [
            "skip_before_cue",
            "stop_caps",
            "bare_clause",
            "participles",
            "evaluative",
            "adjunct_start"
        ]
    );
    for name in names {
        assert!(!w.get(name).is_empty(), "[{name}]");
        for e in w.get(name) {
            assert_eq!(e.to_lowercase(), *e, "[{name}] {e:?}");
        }
    }
    // Every participle is also a bare-clause reporting verb ("…, saying the company …").
    for p in w.get("participles") {
        assert!(w.get("bare_clause").contains(p), "{p}");
    }
}

#[test]
fn word_lists_drive_speakers_and_clauses() {
    // skip_before_cue + bare_clause: "Putin also said Russia will …" (no "that").
    let doc = run("Putin also said Russia will train Belarusian pilots.");
    assert_eq!(doc.statements.len(), 1, "{:?}", doc.statements);
    assert_eq!(doc.statements[0].speaker.as_deref(), Some("Putin"));
    // adjunct_start with a weekday: "said on Tuesday that".
    let doc = run("The minister said on Tuesday that the talks will resume.");
    assert_eq!(doc.statements.len(), 1, "{:?}", doc.statements);
    assert_eq!(
        doc.slice(doc.statements[0].content),
        "the talks will resume"
    );
}
