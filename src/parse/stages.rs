//! The walk's second half: the spine's stages, their touchpoints and the
//! touchpoints' marks, each checked and located as it is read.

use std::collections::HashMap;

use toml::de::{DeTable, DeValue};

use super::suggest::did_you_mean;
use super::walk::{Context, Entry, Fields, Value, Walker};
use crate::diag::{Code, Diagnostic};
use crate::model::{Effort, Lane, Mark, Score, Span, Stage, Touchpoint};

impl Walker<'_> {
    pub(super) fn stages(&mut self, e: &Entry<'_, '_>, lanes: &[(Lane, Span)]) -> Vec<Stage> {
        let tables = self.tables(e);
        if tables.is_empty() && !matches!(e.value.get_ref(), DeValue::Table(_)) {
            return Vec::new();
        }
        let mut seen: HashMap<String, Span> = HashMap::new();
        let mut stages = Vec::new();
        for (table, span) in tables {
            let stage = self.stage(table, span, lanes);
            if !stage.name.is_empty() {
                if let Some(first) = seen.get(&stage.name) {
                    let line = self.line_of(first.start);
                    self.push(
                        Diagnostic::new(
                            Code::DuplicateStage,
                            stage.span.clone(),
                            "name",
                            format!("there are two stages named '{}'", stage.name),
                        )
                        .with_label(first.clone(), "first stage of that name")
                        .with_hint(format!("stage names must be unique; the first is on line {line}")),
                    );
                } else {
                    seen.insert(stage.name.clone(), stage.span.clone());
                }
            }
            stages.push(stage);
        }
        stages
    }

    pub(super) fn stage(&mut self, table: &DeTable<'_>, span: Span, lanes: &[(Lane, Span)]) -> Stage {
        let mut f = Fields::of(table);
        let spans = f.spans();
        let (name, span) = self.name(&mut f, span, "[[stage]]", "Awareness");
        let doing = f.take("doing").and_then(|e| self.text(&e));
        let motivation = f.take("motivation").and_then(|e| self.text(&e));
        let concerns = f.take("concerns").and_then(|e| self.text(&e));
        let alleviation = f.take("alleviation").and_then(|e| self.text(&e));
        let effort = f.take("effort").and_then(|e| {
            let n = self.integer(&e)?;
            let effort = Effort::new(n);
            if effort.is_none() {
                self.push(
                    Diagnostic::new(
                        Code::EffortOutOfRange,
                        e.span(),
                        "effort",
                        format!("effort must be 1 to 5, not {}", self.raw(&e)),
                    )
                    .with_hint("1 means no effort to move on, 5 very high effort"),
                );
            }
            effort
        });
        let effort_note = f.take("effort_note").and_then(|e| self.optional(&e));
        let touchpoints = f.take("touchpoint").map(|e| self.touchpoints(&e)).unwrap_or_default();
        let mut answers = Vec::new();
        for (index, (lane, _)) in lanes.iter().enumerate() {
            if let Some(e) = f.take(&lane.key)
                && let Some(text) = self.text(&e)
            {
                answers.push((index, text));
            }
        }
        let lane_keys: Vec<&str> = lanes.iter().map(|(l, _)| l.key.as_str()).collect();
        self.unknown_keys(f, Context::Stage, &lane_keys);
        Stage {
            name,
            doing,
            motivation,
            concerns,
            alleviation,
            effort,
            effort_note,
            lanes: answers,
            touchpoints,
            span,
            spans,
        }
    }

    pub(super) fn touchpoints(&mut self, e: &Entry<'_, '_>) -> Vec<Touchpoint> {
        let mut seen: HashMap<String, Span> = HashMap::new();
        let mut touchpoints = Vec::new();
        for (table, span) in self.tables(e) {
            let t = self.touchpoint(table, span);
            if !t.name.is_empty() {
                if let Some(first) = seen.get(&t.name) {
                    let line = self.line_of(first.start);
                    self.push(
                        Diagnostic::new(
                            Code::DuplicateTouchpoint,
                            t.span.clone(),
                            "name",
                            format!("this stage has two touchpoints named '{}'", t.name),
                        )
                        .with_label(first.clone(), "first touchpoint of that name")
                        .with_hint(format!(
                            "touchpoint names must be unique within a stage; the first is on line {line}"
                        )),
                    );
                } else {
                    seen.insert(t.name.clone(), t.span.clone());
                }
            }
            touchpoints.push(t);
        }
        touchpoints
    }

    pub(super) fn touchpoint(&mut self, table: &DeTable<'_>, span: Span) -> Touchpoint {
        let mut f = Fields::of(table);
        let spans = f.spans();
        let (name, span) = self.name(&mut f, span, "[[stage.touchpoint]]", "Check-in desk");
        let channel = f.take("channel").and_then(|e| self.optional(&e));
        let owner = f.take("owner").and_then(|e| self.optional(&e));
        let actors = f.take("actors").map(|e| self.strings(&e)).unwrap_or_default();
        let marks = f.take("marks").map(|e| self.marks(&e)).unwrap_or_default();
        let moment_of_truth = f.take("moment_of_truth").and_then(|e| self.boolean(&e)).unwrap_or(false);
        let score = f.take("score").and_then(|e| {
            let n = self.integer(&e)?;
            let score = Score::new(n);
            if score.is_none() {
                self.push(
                    Diagnostic::new(
                        Code::ScoreOutOfRange,
                        e.span(),
                        "score",
                        format!("score must be 1 to 5, not {}", self.raw(&e)),
                    )
                    .with_hint("1 is very negative, 3 neutral, 5 very positive"),
                );
            }
            score
        });
        let note = f.take("note").and_then(|e| self.optional(&e));
        let action = f.take("action").and_then(|e| self.optional(&e));
        self.unknown_keys(f, Context::Touchpoint, &[]);
        Touchpoint { name, channel, owner, actors, marks, moment_of_truth, score, note, action, span, spans }
    }

    pub(super) fn marks(&mut self, e: &Entry<'_, '_>) -> Vec<Mark> {
        let items: Vec<&Value<'_>> = match e.value.get_ref() {
            DeValue::Array(a) => a.iter().collect(),
            _ => vec![e.value],
        };
        let mut marks = Vec::new();
        for item in items {
            let Some(s) = self.element_string(e, item) else {
                continue;
            };
            match Mark::from_keyword(&s) {
                Some(m) if marks.contains(&m) => self.push(
                    Diagnostic::new(Code::DuplicateMark, item.span(), "marks", format!("'{s}' is marked twice"))
                        .with_hint("remove the repeated mark"),
                ),
                Some(m) => marks.push(m),
                None => {
                    let names = Mark::ALL.map(Mark::as_str);
                    let hint = did_you_mean(&s, names.iter().copied())
                        .unwrap_or_else(|| format!("marks are: {}", names.join(", ")));
                    self.push(
                        Diagnostic::new(Code::UnknownMark, item.span(), "marks", format!("unknown mark '{s}'"))
                            .with_hint(hint),
                    );
                }
            }
        }
        marks
    }

    /// Takes the `name` of a stage or touchpoint; returns it (empty when
    /// missing) and the span to point at the thing (the name's value).
    pub(super) fn name(
        &mut self,
        f: &mut Fields<'_, '_>,
        table_span: Span,
        header: &str,
        example: &str,
    ) -> (String, Span) {
        let Some(e) = f.take("name") else {
            self.push(
                Diagnostic::new(Code::MissingName, table_span.clone(), "name", format!("this {header} has no name"))
                    .with_hint(format!("add name = \"{example}\" under the {header} line")),
            );
            return (String::new(), table_span);
        };
        let name = self.string(&e).unwrap_or_default();
        if name.trim().is_empty() && matches!(e.value.get_ref(), DeValue::String(_)) {
            self.push(
                Diagnostic::new(Code::MissingName, e.span(), "name", format!("this {header} has an empty name"))
                    .with_hint(format!("write a name, e.g. name = \"{example}\"")),
            );
        }
        (name.trim().to_owned(), e.span())
    }
}
