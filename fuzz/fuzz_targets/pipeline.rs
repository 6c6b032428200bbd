//! Any text through every annotator: no panic (components catch their own and warn, so a panic here is a
//! bug in segmentation or the pipeline itself), and every span of every layer on character boundaries.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut doc = dossier_model::Document::new(text.as_ref());
    // The pipeline is built once per process: model loading is not what is being fuzzed.
    static PIPELINE: std::sync::OnceLock<dossier_pipeline::Pipeline> = std::sync::OnceLock::new();
    PIPELINE
        .get_or_init(|| dossier_pipeline::Pipeline::standard(&Default::default()))
        .run(&mut doc);
    assert_eq!(doc.text, text.as_ref(), "a component rewrote the text");
    let json = doc.to_json(true);
    // to_json converts every span to character offsets; a span off a boundary would panic in there or
    // point outside the text.
    let chars = doc.text.chars().count() as u64;
    for layer in ["timexes", "entities", "quantities", "events", "statements", "judgments"] {
        for item in json[layer].as_array().into_iter().flatten() {
            if let Some(end) = item["end"].as_u64() {
                assert!(end <= chars, "{layer} span past the end");
            }
        }
    }
});
