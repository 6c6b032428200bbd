//! The pipeline: an ordered list of [`Component`]s run over each [`Document`], and the one place where
//! annotation is configured.
//!
//! Data flows one way: ingest gives a document with blocks and metadata; segmentation adds sentences and
//! tokens; each annotator adds its layer. [`Pipeline::standard`] is the order every command uses; an
//! annotator joins Dossier by adding one line there.

use std::time::Duration;

use dossier_model::{Component, Document};

/// Settings that change what the annotators produce.
#[derive(Clone, Debug)]
pub struct Config {
    /// Analytic yardstick for probability phrases (`icd203`, `phia`, `nato`).
    pub yardstick: String,
    /// Run only the components up to and including this one (e.g. `segment` for benchmarks).
    pub until: Option<String>,
    /// How relative time expressions are anchored: `news` (on the DCT) or `narrative`.
    pub anchoring: String,
    /// Parse every sentence. Otherwise only sentences with an event trigger (events are the one consumer
    /// of dependencies) are parsed; the rest get tags and lemmas, which is all the other annotators read.
    pub parse_all: bool,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            yardstick: "icd203".into(),
            until: None,
            anchoring: "news".into(),
            parse_all: false,
        }
    }
}

/// The PETRARCH2 unit-test suite (`dir`, e.g. `../shared/eval/events/petrarch2-unit`) as `dossier eval petrarch`
/// runs it: the standard pipeline, with the suite's actor dictionary in place of the entity component.
pub fn eval_petrarch(
    dir: &std::path::Path,
    cameo2plover: &std::path::Path,
) -> std::io::Result<dossier_event::eval::petrarch::PetrarchReport> {
    let (before, after) = Pipeline::standard(&Config::default())
        .split_around("entity")
        .expect("the standard pipeline has an entity component");
    dossier_event::eval::petrarch::run_with(dir, cameo2plover, &|d| before.run(d), &|d| {
        after.run(d)
    })
}

/// How many documents [`Pipeline::run_batch`] callers annotate together at most: about where the gain of
/// batching stops growing (demo corpus: 8.2–8.5 s per 10 MB one at a time, 7.6–7.8 s in eights, 7.4 s in
/// 32s, 7.3–7.5 s in batches of 152).
pub const BATCH_DOCS: usize = 32;
/// … or how much text: a batch of small documents keeps the models' tables in the caches; a large document
/// gains nothing from company and is a batch of its own.
pub const BATCH_BYTES: usize = 4 << 20;

pub struct Pipeline {
    components: Vec<Box<dyn Component>>,
}

impl Pipeline {
    /// The standard pipeline, in dependency order.
    pub fn standard(config: &Config) -> Pipeline {
        let anchoring = dossier_time::Anchoring::parse(&config.anchoring).unwrap_or_default();
        let all: Vec<Box<dyn Component>> = vec![
            Box::new(dossier_segment::Segmenter),
            // Tags and lemmas, which every annotator may read; dependencies come later.
            Box::new(dossier_syntax::SyntaxComponent::tagging_only()),
            Box::new(dossier_time::TimeTagger::new(anchoring)),
            // quantity runs after time: it drops anything overlapping `doc.timexes` (one owner per span)
            Box::new(dossier_quantity::Quantities),
            Box::new(dossier_entity::EntityAnnotator::new()),
            // It reads entities (speaker links) and timexes (due dates) when present.
            Box::new(dossier_judgment::JudgmentAnnotator::new(
                dossier_judgment::Yardstick::parse(&config.yardstick).unwrap_or_default(),
            )),
            // Events are the one reader of dependencies: parse where the coder finds a trigger (which
            // needs tags and entities), or everywhere when asked.
            Box::new(if config.parse_all {
                dossier_syntax::ParseComponent::new()
            } else {
                dossier_syntax::ParseComponent::selecting(dossier_event::sentences_to_parse)
            }),
            // Events read the syntax, time and entity layers: keep it after them.
            Box::new(dossier_event::EventComponent::new()),
        ];
        let mut components = Vec::new();
        for c in all {
            let last = config.until.as_deref() == Some(c.name());
            components.push(c);
            if last {
                break;
            }
        }
        Pipeline { components }
    }

    /// A pipeline of exactly these components.
    pub fn from_components(components: Vec<Box<dyn Component>>) -> Pipeline {
        Pipeline { components }
    }

    /// The same pipeline without the named components (e.g. `segment` and `time` when gold tokens and
    /// timexes are given).
    pub fn without(mut self, names: &[&str]) -> Pipeline {
        self.components.retain(|c| !names.contains(&c.name()));
        self
    }

    /// The components before the one named and those after it, leaving that one out: for a caller that
    /// supplies its own layer in its place (e.g. the PETRARCH2 suite's actor dictionary for `entity`).
    /// `None` if no component has that name.
    pub fn split_around(mut self, name: &str) -> Option<(Pipeline, Pipeline)> {
        let at = self.components.iter().position(|c| c.name() == name)?;
        let after = self.components.split_off(at).into_iter().skip(1).collect();
        Some((self, Pipeline { components: after }))
    }

    /// The same pipeline with its event component (put last) keeping nominal events that name no
    /// participant, place or time ("the cuts"), which MEANTIME annotates and the standard coder drops.
    pub fn keeping_bare_nominals(mut self) -> Pipeline {
        self.components.retain(|c| c.name() != "event");
        self.components
            .push(Box::new(dossier_event::EventComponent::with_options(
                dossier_event::Options {
                    keep_bare_nominals: true,
                },
            )));
        self
    }

    pub fn names(&self) -> Vec<&'static str> {
        self.components.iter().map(|c| c.name()).collect()
    }

    /// Runs every component in order.
    pub fn run(&self, doc: &mut Document) {
        self.run_batch(std::slice::from_mut(doc));
    }

    /// Runs every component over all of `docs` before the next component: each component's tables (the
    /// tagger's and the parser's weights above all) then stay in the caches for a whole batch instead of
    /// being evicted by the other components after every document. The result is the same as [`Self::run`]
    /// on each document.
    pub fn run_batch(&self, docs: &mut [Document]) {
        for c in &self.components {
            for doc in docs.iter_mut() {
                c.process(doc);
            }
        }
    }

    /// Like [`Self::run_batch`], adding each component's CPU time (of the calling thread) to `timings`
    /// (same order as [`Self::names`]). CPU time rather than wall time, so that other processes sharing
    /// the cores do not distort per-core throughput.
    pub fn run_batch_timed(&self, docs: &mut [Document], timings: &mut Vec<Duration>) {
        timings.resize(self.components.len(), Duration::ZERO);
        for (c, t) in self.components.iter().zip(timings.iter_mut()) {
            let start = dossier_syntax::thread_cpu_seconds();
            for doc in docs.iter_mut() {
                c.process(doc);
            }
            *t += Duration::from_secs_f64((dossier_syntax::thread_cpu_seconds() - start).max(0.0));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_pipeline_segments() {
        let p = Pipeline::standard(&Config::default());
        assert_eq!(p.names()[0], "segment");
        let mut doc = Document::new("One sentence here. And another one.");
        p.run(&mut doc);
        assert_eq!(doc.sentences.len(), 2);
        assert_eq!(doc.text, "One sentence here. And another one.");
    }

    #[test]
    fn a_batch_is_annotated_as_each_document_alone() {
        let texts = [
            "On 3 December 2022, Khrenin and Shoigu signed a protocol in Minsk. Putin will visit Minsk.",
            "Nothing happens here.",
            "Russia and Belarus announced that joint military drills will take place in May 2023.",
            "On 3 December 2022, Khrenin and Shoigu signed a protocol in Minsk. Putin will visit Minsk.",
        ];
        let p = Pipeline::standard(&Config::default());
        let alone: Vec<Document> = texts
            .iter()
            .map(|t| {
                let mut d = Document::new(*t);
                p.run(&mut d);
                d
            })
            .collect();
        let mut batch: Vec<Document> = texts.iter().map(|t| Document::new(*t)).collect();
        p.run_batch(&mut batch);
        assert!(alone.iter().any(|d| !d.events.is_empty()));
        for (a, b) in alone.iter().zip(&batch) {
            assert_eq!(a.events, b.events);
            assert_eq!(a.syntax, b.syntax);
            assert_eq!(a.entities, b.entities);
            assert_eq!(a.timexes, b.timexes);
        }
    }

    #[test]
    fn until_stops_after_named_component() {
        let p = Pipeline::standard(&Config {
            until: Some("segment".into()),
            ..Config::default()
        });
        assert_eq!(p.names(), ["segment"]);
    }

    #[test]
    fn split_around_leaves_the_named_component_out() {
        let all = Pipeline::standard(&Config::default()).names();
        let (before, after) = Pipeline::standard(&Config::default())
            .split_around("entity")
            .unwrap();
        assert!(Pipeline::standard(&Config::default())
            .split_around("no such component")
            .is_none());
        let at = all.iter().position(|n| *n == "entity").unwrap();
        assert_eq!(before.names(), all[..at]);
        assert_eq!(after.names(), all[at + 1..]);
        assert_eq!(after.names().last(), Some(&"event"));
    }
}
