//! Rules that read the dependency parse, on hand-written parses of our own sentences (the parse given as
//! `word/UPOS/head/deprel`, heads 1-based as in CoNLL-U, 0 for the root) so that they hold whatever the
//! shipped parser does. Parses that the syntax models really produce on such sentences, errors included.
use dossier_event::eval::plover::primary_event;
use dossier_model::{Component, Document, TokenSyntax};

/// Segments `text`, gives it the parse `conll`, and runs the event coder.
fn coded(text: &str, conll: &str) -> Document {
    let mut d = Document::new(text);
    dossier_segment::segment(&mut d);
    let rows: Vec<&str> = conll.split_whitespace().collect();
    assert_eq!(rows.len(), d.tokens.len(), "one parse row per token");
    for (i, row) in rows.iter().enumerate() {
        let mut parts = row.rsplitn(4, '/');
        let deprel = parts.next().unwrap();
        let head: usize = parts.next().unwrap().parse().unwrap();
        let upos = parts.next().unwrap();
        let word = parts.next().unwrap();
        assert_eq!(word, d.slice(d.tokens[i].span), "token {i}");
        d.syntax.push(TokenSyntax {
            upos: upos.to_string().into(),
            head: head.checked_sub(1),
            deprel: deprel.to_string().into(),
            ..Default::default()
        });
    }
    dossier_event::EventComponent::new().process(&mut d);
    d
}

fn primary(d: &Document) -> (String, String) {
    let e = primary_event(d).expect("an event");
    (
        d.slice(e.span).to_string(),
        dossier_event::export::plover_type(e).to_string(),
    )
}

fn countries(a: &[dossier_model::EventArgument]) -> Vec<&str> {
    a.iter().filter_map(|x| x.country.as_deref()).collect()
}

/// Segments `text`, gives it the parse `conll` and, instead of the coder's events, one event per
/// `(trigger word, type, with actor, with recipient)`: the choice of the primary event alone.
fn with_events(text: &str, conll: &str, events: &[(&str, &str, bool, bool)]) -> Document {
    let mut d = coded(text, conll);
    let arg = || dossier_model::EventArgument {
        name: "X".into(),
        country: Some("POL".into()),
        ..Default::default()
    };
    d.events = events
        .iter()
        .map(|&(w, ty, a, r)| {
            let t = d
                .tokens
                .iter()
                .find(|t| d.slice(t.span).eq_ignore_ascii_case(w))
                .expect("trigger word");
            dossier_model::Event {
                span: t.span,
                event_type: ty.into(),
                actors: if a { vec![arg()] } else { vec![] },
                recipients: if r { vec![arg()] } else { vec![] },
                cameo: Some("01".into()),
                ..Default::default()
            }
        })
        .collect();
    d
}

#[test]
fn an_event_in_a_condition_serves_the_main_event() {
    let text = "Poland is ready to help Lithuania if it is attacked.";
    let parse =
        "Poland/PROPN/3/nsubj is/AUX/3/cop ready/ADJ/0/root to/PART/5/mark help/VERB/3/xcomp \
         Lithuania/PROPN/5/obj if/SCONJ/10/mark it/PRON/10/nsubj:pass is/AUX/10/aux:pass \
         attacked/VERB/5/advcl ./PUNCT/3/punct";
    // The attack has more evidence (actor and recipient) than the help (actor only).
    let d = with_events(
        text,
        parse,
        &[
            ("help", "AID", true, false),
            ("attacked", "ASSAULT", true, true),
        ],
    );
    assert_eq!(primary(&d).0, "help");
    // Without "if" the clause is no condition, and evidence decides.
    let parse_when = parse.replace("if/SCONJ/10/mark", "if/SCONJ/10/advmod");
    let d = with_events(
        text,
        &parse_when,
        &[
            ("help", "AID", true, false),
            ("attacked", "ASSAULT", true, true),
        ],
    );
    assert_eq!(primary(&d).0, "attacked");
}

#[test]
fn an_infinitive_after_a_noun_serves_the_main_event() {
    // "blocked roads … to demand elections", the infinitive hung on the noun ("acl").
    let text = "Thousands of people blocked roads in Minsk to demand new elections.";
    let parse = "Thousands/NOUN/4/nsubj of/ADP/3/case people/NOUN/1/nmod blocked/VERB/0/root \
         roads/NOUN/4/obj in/ADP/7/case Minsk/PROPN/5/nmod to/PART/9/mark demand/VERB/5/acl \
         new/ADJ/11/amod elections/NOUN/9/obj ./PUNCT/4/punct";
    let d = with_events(
        text,
        parse,
        &[
            ("blocked", "PROTEST", false, true),
            ("demand", "REQUEST", true, true),
        ],
    );
    assert_eq!(primary(&d), ("blocked".to_string(), "PROTEST".to_string()));
    // A relative clause on the noun is no purpose: evidence decides.
    let relative = parse.replace("demand/VERB/5/acl", "demand/VERB/5/acl:relcl");
    let d = with_events(
        text,
        &relative,
        &[
            ("blocked", "PROTEST", false, true),
            ("demand", "REQUEST", true, true),
        ],
    );
    assert_eq!(primary(&d).0, "demand");
}

#[test]
fn a_participle_modifier_is_no_main_event_but_a_misparsed_finite_verb_is() {
    let text =
        "The ministers demanded the withdrawal of Russian forces, calling them an occupying army.";
    let d = coded(
        text,
        "The/DET/2/det ministers/NOUN/3/nsubj demanded/VERB/0/root the/DET/5/det withdrawal/NOUN/3/obj \
         of/ADP/8/case Russian/ADJ/8/amod forces/NOUN/5/nmod ,/PUNCT/10/punct calling/VERB/3/advcl \
         them/PRON/10/obj an/DET/14/det occupying/VERB/14/amod army/NOUN/10/obj ./PUNCT/3/punct",
    );
    assert!(d.events.iter().any(|e| d.slice(e.span) == "occupying"));
    assert_eq!(primary(&d), ("demanded".to_string(), "REQUEST".to_string()));
    // "Serbia eased …" parsed as a modifier of "measures": no determiner before it, so it stays an event
    // that can be the main one.
    let d = coded(
        "Serbia eased emergency measures in Kosovo.",
        "Serbia/PROPN/4/nsubj eased/VERB/4/amod emergency/NOUN/4/compound measures/NOUN/0/root \
         in/ADP/6/case Kosovo/PROPN/4/nmod ./PUNCT/4/punct",
    );
    assert_eq!(primary(&d).0, "eased");
}

#[test]
fn a_subject_takes_the_name_the_parse_hung_on_the_verb() {
    // "European Union" attached to the verb, "foreign ministers" its subject.
    let d = coded(
        "European Union foreign ministers demanded the release of the prisoners.",
        "European/ADJ/2/amod Union/PROPN/5/obl:unmarked foreign/ADJ/4/amod ministers/NOUN/5/nsubj \
         demanded/VERB/0/root the/DET/7/det release/NOUN/5/obj of/ADP/10/case the/DET/10/det \
         prisoners/NOUN/7/nmod ./PUNCT/5/punct",
    );
    let e = d
        .events
        .iter()
        .find(|e| d.slice(e.span) == "demanded")
        .expect("the demand");
    assert!(
        e.actors.iter().any(|a| a.name.contains("European Union")),
        "{:?}",
        e.actors
    );
    // Without the misattachment the subject is the same.
    let d = coded(
        "European Union foreign ministers demanded the release of the prisoners.",
        "European/ADJ/2/amod Union/PROPN/4/compound foreign/ADJ/4/amod ministers/NOUN/5/nsubj \
         demanded/VERB/0/root the/DET/7/det release/NOUN/5/obj of/ADP/10/case the/DET/10/det \
         prisoners/NOUN/7/nmod ./PUNCT/5/punct",
    );
    let e = d
        .events
        .iter()
        .find(|e| d.slice(e.span) == "demanded")
        .unwrap();
    assert!(e.actors.iter().any(|a| a.name.contains("European Union")));
    assert_eq!(countries(&e.actors), ["IGO"]);
}

#[test]
fn a_retyping_modifier_applies_to_a_noun_tagged_as_a_verb() {
    let d = coded(
        "Russian hackers carried out the largest cyber attack ever seen.",
        "Russian/ADJ/2/amod hackers/NOUN/3/nsubj carried/VERB/0/root out/ADP/3/compound:prt \
         the/DET/8/det largest/ADJ/8/amod cyber/NOUN/3/obl attack/VERB/3/conj ever/ADV/10/advmod \
         seen/VERB/8/ccomp ./PUNCT/3/punct",
    );
    let e = d
        .events
        .iter()
        .find(|e| d.slice(e.span) == "attack")
        .expect("the attack");
    assert_eq!(e.event_type, "COERCE");
}

#[test]
fn a_participle_before_the_subject_modifies_it() {
    // "Newly elected President X has rejected …", the participle parsed as a clause of the verb.
    let text = "Newly elected President Marek Nowak has rejected the offer.";
    let parse = "Newly/ADV/2/advmod elected/VERB/7/advcl President/PROPN/4/nmod:desc Marek/PROPN/7/nsubj \
         Nowak/PROPN/4/flat has/AUX/7/aux rejected/VERB/0/root the/DET/9/det offer/NOUN/7/obj ./PUNCT/7/punct";
    let evs = [
        ("elected", "COOPERATE", true, true),
        ("rejected", "REJECT", true, true),
    ];
    assert_eq!(primary(&with_events(text, parse, &evs)).0, "rejected");
    // After a comma it is a clause of its own ("Elected in May, X has rejected …"): the first event stays.
    let text = "Elected in May, President Marek Nowak has rejected the offer.";
    let parse = "Elected/VERB/9/advcl in/ADP/3/case May/PROPN/1/obl ,/PUNCT/1/punct \
         President/PROPN/6/nmod:desc Marek/PROPN/9/nsubj Nowak/PROPN/6/flat has/AUX/9/aux \
         rejected/VERB/0/root the/DET/11/det offer/NOUN/9/obj ./PUNCT/9/punct";
    assert_eq!(primary(&with_events(text, parse, &evs)).0, "Elected");
}

#[test]
fn a_that_clause_after_a_trigger_is_its_content_even_when_misparsed() {
    // "demands that the government grant …" with "grant" hung on the sentence root, not on "demands".
    let text =
        "The rebel group, the FDD, repeated its demands that the government grant more rights.";
    let parse = "The/DET/3/det rebel/NOUN/3/compound group/NOUN/0/root ,/PUNCT/6/punct the/DET/6/det \
         FDD/PROPN/3/appos ,/PUNCT/8/punct repeated/VERB/3/acl its/PRON/10/nmod:poss demands/NOUN/8/obj \
         that/PRON/14/obj the/DET/13/det government/NOUN/14/nsubj grant/VERB/3/ccomp more/ADJ/16/amod \
         rights/NOUN/14/obj ./PUNCT/3/punct";
    let evs = [
        ("demands", "REQUEST", false, true),
        ("grant", "AID", true, true),
    ];
    assert_eq!(primary(&with_events(text, parse, &evs)).1, "REQUEST");
    // A verb between "that" and the event: a clause of its own.
    let text = "The rebel group made demands that officials said grant more rights.";
    let parse = "The/DET/3/det rebel/NOUN/3/compound group/NOUN/4/nsubj made/VERB/0/root demands/NOUN/4/obj \
         that/PRON/8/mark officials/NOUN/8/nsubj said/VERB/4/ccomp grant/VERB/8/ccomp more/ADJ/11/amod \
         rights/NOUN/9/obj ./PUNCT/4/punct";
    assert_eq!(primary(&with_events(text, parse, &evs)).1, "AID");
}

#[test]
fn a_participial_clause_after_a_comma_adds_to_its_main_clause() {
    let text = "The army declared a curfew in Tbilisi, closing schools and arresting opponents.";
    let parse = "The/DET/2/det army/NOUN/3/nsubj declared/VERB/0/root a/DET/5/det curfew/NOUN/3/obj \
         in/ADP/7/case Tbilisi/PROPN/5/nmod ,/PUNCT/9/punct closing/VERB/3/advcl schools/NOUN/9/obj \
         and/CCONJ/12/cc arresting/VERB/9/conj opponents/NOUN/12/obj ./PUNCT/3/punct";
    // The curfew (a noun, actor only) has less evidence than either participle.
    let evs = [
        ("curfew", "COERCE", true, false),
        ("closing", "SANCTION", true, true),
        ("arresting", "ASSAULT", true, true),
    ];
    assert_eq!(primary(&with_events(text, parse, &evs)).0, "curfew");
    // Without the comma the participle is the verb's own complement and evidence decides.
    let text = "The army declared a curfew in Tbilisi closing schools and arresting opponents.";
    // (the comma token removed, heads renumbered).
    let parse = parse
        .replace(",/PUNCT/9/punct ", "")
        .replace("/9/", "/8/")
        .replace("/12/", "/11/");
    assert_eq!(primary(&with_events(text, &parse, &evs)).0, "closing");
}

#[test]
fn a_purpose_clause_with_so_that_and_a_trigger_in_a_compound_are_subordinate() {
    let text = "Activists signed a petition so that the law is repealed.";
    let parse = "Activists/NOUN/2/nsubj signed/VERB/0/root a/DET/4/det petition/NOUN/2/obj so/SCONJ/10/mark \
         that/SCONJ/5/fixed the/DET/8/det law/NOUN/10/nsubj:pass is/AUX/10/aux:pass \
         repealed/VERB/2/advcl ./PUNCT/2/punct";
    let evs = [
        ("signed", "AGREE", true, false),
        ("repealed", "CONCEDE", true, true),
    ];
    assert_eq!(primary(&with_events(text, parse, &evs)).0, "signed");
    // "investigating alleged war crimes": the war is what is investigated.
    let text = "Serbia is investigating alleged war crimes by its police.";
    let parse = "Serbia/PROPN/3/nsubj is/AUX/3/aux investigating/VERB/0/root alleged/ADJ/6/amod \
         war/NOUN/6/compound crimes/NOUN/3/obj by/ADP/9/case its/PRON/9/nmod:poss police/NOUN/6/nmod \
         ./PUNCT/3/punct";
    let evs = [
        ("investigating", "ACCUSE", true, false),
        ("war", "ASSAULT", true, true),
    ];
    assert_eq!(primary(&with_events(text, parse, &evs)).1, "ACCUSE");
}

#[test]
fn a_past_form_tagged_as_an_adjective_between_subject_and_object_is_a_verb() {
    let text = "The Arab League, investigated conditions of Libyan prisoners.";
    let d = coded(
        text,
        "The/DET/3/det Arab/ADJ/3/amod League/PROPN/0/root ,/PUNCT/5/punct investigated/ADJ/6/amod \
         conditions/NOUN/3/appos of/ADP/9/case Libyan/ADJ/9/amod prisoners/NOUN/6/nmod ./PUNCT/3/punct",
    );
    assert_eq!(
        primary(&d),
        ("investigated".to_string(), "ACCUSE".to_string())
    );
    // An adjective after a verb stays an adjective ("alleged abuses").
    let d = coded(
        "The committee examined alleged abuses in Libya.",
        "The/DET/2/det committee/NOUN/3/nsubj examined/VERB/0/root alleged/ADJ/5/amod abuses/NOUN/3/obj \
         in/ADP/7/case Libya/PROPN/5/nmod ./PUNCT/3/punct",
    );
    assert!(
        d.events.iter().all(|e| d.slice(e.span) != "alleged"),
        "{:?}",
        d.events
    );
}

#[test]
fn a_pronoun_subject_stands_for_the_person_or_state_named_before_it() {
    let d = coded(
        "President Nowak of Poland was quoted by Lithuanian radio as saying he is ready to sign a treaty.",
        "President/PROPN/2/compound Nowak/PROPN/6/nsubj:pass of/ADP/4/case Poland/PROPN/2/nmod \
         was/AUX/6/aux:pass quoted/VERB/0/root by/ADP/9/case Lithuanian/ADJ/9/amod radio/NOUN/6/obl:agent \
         as/SCONJ/11/mark saying/VERB/6/advcl he/PRON/15/nsubj is/AUX/15/cop ready/ADJ/11/ccomp \
         to/PART/17/mark sign/VERB/15/xcomp a/DET/19/det treaty/NOUN/17/obj ./PUNCT/6/punct",
    );
    let e = d
        .events
        .iter()
        .find(|e| d.slice(e.span) == "sign")
        .expect("sign");
    assert_eq!(countries(&e.actors), ["POL"], "{:?}", d.events);
    let d = coded(
        "Georgia's government announced that it is ready to impose martial law.",
        "Georgia/PROPN/3/nmod:poss 's/PART/1/case government/NOUN/4/nsubj announced/VERB/0/root \
         that/SCONJ/8/mark it/PRON/8/nsubj is/AUX/8/cop ready/ADJ/4/ccomp to/PART/10/mark \
         impose/VERB/8/xcomp martial/ADJ/12/amod law/NOUN/10/obj ./PUNCT/4/punct",
    );
    let e = d
        .events
        .iter()
        .find(|e| d.slice(e.span) == "impose")
        .expect("impose");
    assert_eq!(countries(&e.actors), ["GEO"], "{:?}", e.actors);
}

#[test]
fn the_subject_of_organize_is_the_actor_of_its_nominal_event() {
    let d = coded(
        "Chilean students, angry at the law, organized a protest outside the embassy.",
        "Chilean/ADJ/2/amod students/NOUN/9/nsubj ,/PUNCT/4/punct angry/ADJ/2/amod at/ADP/7/case \
         the/DET/7/det law/NOUN/4/obl ,/PUNCT/4/punct organized/VERB/0/root a/DET/11/det \
         protest/NOUN/9/obj outside/ADP/14/case the/DET/14/det embassy/NOUN/9/obl ./PUNCT/9/punct",
    );
    let e = d
        .events
        .iter()
        .find(|e| d.slice(e.span) == "protest")
        .expect("protest");
    assert_eq!(countries(&e.actors), ["CHL"], "{:?}", d.events);
}
