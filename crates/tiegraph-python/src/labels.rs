//! Labelled pairs for `ScoringModel.fit`: a sequence of `(a, b, strength)`
//! tuples, or a table with columns `a`, `b`, `strength` (anything with the
//! Arrow PyCapsule interface, or a pandas DataFrame).

use pyo3::exceptions::PyTypeError;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::PyString;
use pyo3_arrow::input::AnyRecordBatch;
use tiegraph::arrow_array::cast::AsArray;
use tiegraph::arrow_array::types::{
    Float32Type, Float64Type, Int8Type, Int16Type, Int32Type, Int64Type, UInt8Type, UInt16Type, UInt32Type,
    UInt64Type,
};
use tiegraph::arrow_array::{Array, RecordBatch};
use tiegraph::arrow_schema::DataType;
use tiegraph::{Error, Label};

use crate::errors::{err, invalid_argument};

/// The labels in `ob`.
pub fn read(ob: &Bound<'_, PyAny>) -> PyResult<Vec<Label>> {
    let py = ob.py();
    let arrow =
        if ob.hasattr(intern!(py, "__arrow_c_stream__"))? || ob.hasattr(intern!(py, "__arrow_c_array__"))? {
            Some(ob.clone())
        } else if is_dataframe(ob)? {
            let inputs = PyModule::import(py, intern!(py, "tiegraph._inputs"))?;
            Some(inputs.call_method1(intern!(py, "to_arrow"), (ob,))?)
        } else {
            None
        };
    let Some(arrow) = arrow else {
        return sequence(ob);
    };
    let reader = arrow.extract::<AnyRecordBatch>()?.into_reader()?;
    let mut out = Vec::new();
    for batch in reader {
        let batch = batch.map_err(|e| {
            err(Error::Io {
                path: "<arrow stream>".into(),
                source: std::io::Error::other(e.to_string()),
            })
        })?;
        append(&batch, &mut out).map_err(err)?;
    }
    Ok(out)
}

/// Labels from a sequence of `(a, b, strength)`.
fn sequence(ob: &Bound<'_, PyAny>) -> PyResult<Vec<Label>> {
    if ob.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "labels must be a sequence of (a, b, strength) or a table, not a str",
        ));
    }
    let mut out = Vec::new();
    for (i, item) in ob.try_iter()?.enumerate() {
        let item = item?;
        let fields: Vec<Bound<'_, PyAny>> = item.extract().map_err(|_| {
            PyTypeError::new_err(format!(
                "label {i} must be a tuple (a, b, strength), not {}",
                item.get_type()
                    .name()
                    .map_or_else(|_| "?".to_string(), |n| n.to_string())
            ))
        })?;
        let [a, b, s] = fields.as_slice() else {
            return Err(invalid_argument(
                "labels",
                format!(
                    "label {i} has {} items, expected 3: (a, b, strength)",
                    fields.len()
                ),
            ));
        };
        out.push(Label::new(
            a.extract::<String>()?,
            b.extract::<String>()?,
            s.extract::<f64>()?,
        ));
    }
    Ok(out)
}

fn is_dataframe(ob: &Bound<'_, PyAny>) -> PyResult<bool> {
    // only a module already imported can have made `ob`
    let py = ob.py();
    let modules = PyModule::import(py, intern!(py, "sys"))?.getattr(intern!(py, "modules"))?;
    match modules.get_item(intern!(py, "pandas")) {
        Ok(pd) => ob.is_instance(&pd.getattr(intern!(py, "DataFrame"))?),
        Err(_) => Ok(false),
    }
}

fn column<'a>(batch: &'a RecordBatch, name: &str) -> Result<&'a dyn Array, Error> {
    batch
        .column_by_name(name)
        .map(|c| c.as_ref())
        .ok_or_else(|| Error::MissingColumn {
            column: name.to_string(),
            available: batch.schema().fields().iter().map(|f| f.name().clone()).collect(),
        })
}

fn wrong_type(name: &str, expected: &str, found: &DataType) -> Error {
    Error::WrongColumnType {
        column: name.to_string(),
        expected: expected.to_string(),
        found: found.to_string(),
    }
}

/// The keys of a string column, `None` for nulls.
fn keys(batch: &RecordBatch, name: &str) -> Result<Vec<Option<String>>, Error> {
    let c = column(batch, name)?;
    let own = |s: Option<&str>| s.map(str::to_string);
    Ok(match c.data_type() {
        DataType::Utf8 => c.as_string::<i32>().iter().map(own).collect(),
        DataType::LargeUtf8 => c.as_string::<i64>().iter().map(own).collect(),
        DataType::Utf8View => c.as_string_view().iter().map(own).collect(),
        other => return Err(wrong_type(name, "a string", other)),
    })
}

/// A primitive column as f64 (64-bit integers above 2^53 round, as they
/// would in Python).
macro_rules! numbers {
    ($c:expr, $t:ty, $to:expr) => {
        $c.as_primitive::<$t>().iter().map(|v| v.map($to)).collect()
    };
}

/// The strengths of a numeric or boolean column.
fn strengths(batch: &RecordBatch, name: &str) -> Result<Vec<Option<f64>>, Error> {
    let c = column(batch, name)?;
    Ok(match c.data_type() {
        DataType::Float64 => numbers!(c, Float64Type, |x| x),
        DataType::Float32 => numbers!(c, Float32Type, f64::from),
        DataType::Int8 => numbers!(c, Int8Type, f64::from),
        DataType::Int16 => numbers!(c, Int16Type, f64::from),
        DataType::Int32 => numbers!(c, Int32Type, f64::from),
        DataType::Int64 => numbers!(c, Int64Type, |x| x as f64),
        DataType::UInt8 => numbers!(c, UInt8Type, f64::from),
        DataType::UInt16 => numbers!(c, UInt16Type, f64::from),
        DataType::UInt32 => numbers!(c, UInt32Type, f64::from),
        DataType::UInt64 => numbers!(c, UInt64Type, |x| x as f64),
        DataType::Boolean => c.as_boolean().iter().map(|b| b.map(f64::from)).collect(),
        other => return Err(wrong_type(name, "a number or a bool", other)),
    })
}

fn append(batch: &RecordBatch, out: &mut Vec<Label>) -> Result<(), Error> {
    let (a, b, s) = (
        keys(batch, "a")?,
        keys(batch, "b")?,
        strengths(batch, "strength")?,
    );
    let base = out.len() as u64;
    for (i, ((a, b), s)) in a.into_iter().zip(b).zip(s).enumerate() {
        let row = base + i as u64;
        let null = |field: &str| Error::Row {
            row,
            line: None,
            source: Box::new(Error::EmptyKey {
                field: field.to_string(),
            }),
        };
        let (Some(a), Some(b)) = (a, b) else {
            return Err(null("a or b"));
        };
        let Some(s) = s else {
            return Err(Error::Fit {
                reason: format!("label {row} ({a:?}, {b:?}) has no strength"),
            });
        };
        out.push(Label::new(a, b, s));
    }
    Ok(())
}
