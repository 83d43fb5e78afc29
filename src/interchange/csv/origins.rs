//! Where each value of an imported map came from in the sheet, so that a
//! problem the map parser finds in the journey file the import wrote is
//! reported at the sheet's own row and column.

use std::collections::HashMap;

use toml::de::{DeTable, DeValue};

use crate::diag::FileId;
use crate::model::Span;
use crate::parse::Parsed;

/// A table of the journey file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Scope {
    /// The map's own fields.
    Map,
    /// The `[[lane]]` at this index.
    Lane(usize),
    /// The `[[stage]]` at this index.
    Stage(usize),
    /// A stage's `[[stage.touchpoint]]`.
    Touchpoint(usize, usize),
}

/// The sheet's cells behind the journey file's values and tables.
#[derive(Debug, Default)]
pub(crate) struct Origins {
    /// A value's cell, by its table and key.
    values: HashMap<(Scope, String), Span>,
    /// A table's row, for a problem with the table as a whole.
    tables: HashMap<Scope, Span>,
}

impl Origins {
    /// Records that `key` of `scope` was read from the cell at `span`.
    pub(super) fn value(&mut self, scope: Scope, key: &str, span: Span) {
        self.values.entry((scope, key.to_owned())).or_insert(span);
    }

    /// Records that the table `scope` was read from the row at `span`.
    pub(super) fn table(&mut self, scope: Scope, span: Span) {
        self.tables.entry(scope).or_insert(span);
    }

    /// Moves the errors the map parser found in the journey file `toml`
    /// into the sheet (`sheet`, a file of `parsed`), each at the cell its
    /// value came from. Errors in no known value stay where they are.
    pub(crate) fn relocate(&self, toml: &str, sheet: FileId, parsed: &mut Parsed) {
        if !parsed.diagnostics.iter().any(|d| d.file == FileId::MAP && d.is_error()) {
            return;
        }
        let places = places(toml);
        let (errors, rest): (Vec<_>, Vec<_>) =
            std::mem::take(&mut parsed.diagnostics).into_iter().partition(|d| d.file == FileId::MAP && d.is_error());
        parsed.diagnostics = rest;
        for mut diagnostic in errors {
            if let Some(span) = self.cell(&places, diagnostic.span.start) {
                diagnostic.span = span;
                diagnostic.labels.retain(|l| l.file != FileId::MAP);
                diagnostic = diagnostic.in_file(sheet);
            }
            parsed.add(diagnostic);
        }
    }

    /// The cell behind the innermost value or table at `offset`.
    fn cell(&self, places: &[(Span, Scope, String)], offset: usize) -> Option<Span> {
        let (_, scope, key) = places
            .iter()
            .filter(|(span, _, _)| span.start <= offset && offset <= span.end)
            .min_by_key(|(span, _, _)| span.len())?;
        self.values.get(&(*scope, key.clone())).or_else(|| self.tables.get(scope)).cloned()
    }
}

/// Every value and table of a journey file with its span: a value's span
/// runs from its key to its end; a table's key is empty.
fn places(toml: &str) -> Vec<(Span, Scope, String)> {
    let mut places = Vec::new();
    let Ok(doc) = DeTable::parse(toml) else { return places };
    for (key, value) in doc.get_ref() {
        let name: &str = key.get_ref().as_ref();
        match (name, value.get_ref()) {
            ("lane", DeValue::Array(lanes)) => {
                for (i, lane) in lanes.iter().enumerate() {
                    table(lane, Scope::Lane(i), &mut places, &mut |_, _, _| {});
                }
            }
            ("stage", DeValue::Array(stages)) => {
                for (i, stage) in stages.iter().enumerate() {
                    table(stage, Scope::Stage(i), &mut places, &mut |key, value, places| {
                        if let ("touchpoint", DeValue::Array(tps)) = (key, value.get_ref()) {
                            for (j, tp) in tps.iter().enumerate() {
                                table(tp, Scope::Touchpoint(i, j), places, &mut |_, _, _| {});
                            }
                        }
                    });
                }
            }
            _ => places.push((key.span().start..value.span().end, Scope::Map, name.to_owned())),
        }
    }
    places
}

type Nested<'a> = dyn FnMut(&str, &toml::Spanned<DeValue<'_>>, &mut Vec<(Span, Scope, String)>) + 'a;

/// A table's own span and its values', each value also handed to `nested`.
fn table(
    value: &toml::Spanned<DeValue<'_>>,
    scope: Scope,
    places: &mut Vec<(Span, Scope, String)>,
    nested: &mut Nested<'_>,
) {
    let DeValue::Table(entries) = value.get_ref() else { return };
    places.push((value.span(), scope, String::new()));
    for (key, value) in entries {
        let name: &str = key.get_ref().as_ref();
        places.push((key.span().start..value.span().end, scope, name.to_owned()));
        nested(name, value, places);
    }
}
