//! Model parameters between Python dicts and the core's serde definitions.
//!
//! `tg.ScoringModel(**params)` and `tg.Weights(**weights)` go through the
//! core's own `Deserialize` (names, defaults, unknown-name errors), and
//! `to_dict` through its `Serialize`, so a parameter added to the core needs
//! no change here. A small serde `Deserializer` over Python values does the
//! reading: serde_json's `Value` cannot hold NaN or infinities, which must
//! reach `ScoringModel::validate` to be refused with the core's message.

use std::cell::Cell;
use std::fmt;

use pyo3::exceptions::PyTypeError;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt};
use serde::de::value::StringDeserializer;
use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, MapAccess, Visitor};
use serde::{Serialize, forward_to_deserialize_any};

use crate::errors::named;

/// A parameter value read from Python.
pub enum Value {
    Bool(bool),
    Int(i64),
    Float(f64),
    Map(Vec<(String, Value)>),
}

/// A failure to read parameters, with the dotted path of the one at fault.
#[derive(Debug)]
pub struct ParamError {
    path: String,
    message: String,
}

impl de::Error for ParamError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        ParamError {
            path: String::new(),
            message: msg.to_string(),
        }
    }
}

impl fmt::Display for ParamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "invalid model parameters: {}", self.message)
        } else {
            write!(f, "invalid model parameter {}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for ParamError {}

impl<'de> de::Deserializer<'de> for Value {
    type Error = ParamError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ParamError> {
        match self {
            Value::Bool(b) => visitor.visit_bool(b),
            Value::Int(i) => visitor.visit_i64(i),
            Value::Float(f) => visitor.visit_f64(f),
            Value::Map(m) => visitor.visit_map(Fields {
                iter: m.into_iter(),
                key: None,
                value: None,
            }),
        }
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

impl IntoDeserializer<'_, ParamError> for Value {
    type Deserializer = Value;

    fn into_deserializer(self) -> Value {
        self
    }
}

/// The entries of a map, each value's errors prefixed with its key.
struct Fields {
    iter: std::vec::IntoIter<(String, Value)>,
    key: Option<String>,
    value: Option<Value>,
}

impl<'de> MapAccess<'de> for Fields {
    type Error = ParamError;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, ParamError> {
        let Some((key, value)) = self.iter.next() else {
            return Ok(None);
        };
        self.key = Some(key.clone());
        self.value = Some(value);
        seed.deserialize(StringDeserializer::<ParamError>::new(key))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, ParamError> {
        let key = self.key.take().unwrap_or_default();
        let value = self
            .value
            .take()
            .ok_or_else(|| <ParamError as de::Error>::custom("a value without a key"))?;
        seed.deserialize(value).map_err(|mut e| {
            e.path = if e.path.is_empty() {
                key
            } else {
                format!("{key}.{}", e.path)
            };
            e
        })
    }
}

/// Reads a Python value: a bool, an integer, a float, or a mapping (a
/// dict, or anything with `to_dict()` such as `tg.Weights`).
pub fn value(ob: &Bound<'_, PyAny>, path: &str) -> PyResult<Value> {
    let py = ob.py();
    if let Ok(b) = ob.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if ob.is_instance_of::<PyInt>() {
        // an integer too large for i64 is out of every parameter's range
        return Ok(match ob.extract::<i64>() {
            Ok(i) => Value::Int(i),
            Err(_) => Value::Float(ob.extract::<f64>()?),
        });
    }
    if ob.is_instance_of::<PyFloat>() {
        return Ok(Value::Float(ob.extract()?));
    }
    if let Ok(d) = ob.cast::<PyDict>() {
        return map(d, path);
    }
    if ob.hasattr(intern!(py, "to_dict"))? {
        let d = ob.call_method0(intern!(py, "to_dict"))?;
        if let Ok(d) = d.cast::<PyDict>() {
            return map(d, path);
        }
    }
    // numpy scalars and other numbers
    if ob.hasattr(intern!(py, "__index__"))? {
        return Ok(Value::Int(ob.extract()?));
    }
    if ob.hasattr(intern!(py, "__float__"))? {
        return Ok(Value::Float(ob.extract()?));
    }
    Err(PyTypeError::new_err(format!(
        "model parameter {path} must be a number, a bool or a dict, not {}",
        ob.get_type().name()?
    )))
}

/// Reads a dict of parameters (string keys).
pub fn map(d: &Bound<'_, PyDict>, path: &str) -> PyResult<Value> {
    let mut out = Vec::with_capacity(d.len());
    for (k, v) in d.iter() {
        let key: String = k.extract().map_err(|_| {
            PyTypeError::new_err(format!(
                "model parameter names must be strings, got {}",
                k.repr().map_or_else(|_| "?".to_string(), |r| r.to_string())
            ))
        })?;
        let full = if path.is_empty() {
            key.clone()
        } else {
            format!("{path}.{key}")
        };
        out.push((key, value(&v, &full)?));
    }
    Ok(Value::Map(out))
}

/// A core parameter struct from a dict of (some of) its fields; the rest
/// keep their defaults. Raises `InvalidParameterError` for unknown names
/// and values of the wrong kind.
pub fn from_dict<T: DeserializeOwned>(d: Option<&Bound<'_, PyDict>>) -> PyResult<T> {
    let value = match d {
        Some(d) => map(d, "")?,
        None => Value::Map(Vec::new()),
    };
    T::deserialize(value).map_err(|e| named("InvalidParameterError", e.to_string()))
}

/// A core parameter struct as a dict, in declaration order.
pub fn to_dict<'py, T>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyDict>>
where
    T: Serialize + DeserializeOwned,
{
    let json = serde_json::to_value(value).map_err(|e| {
        named(
            "InvalidParameterError",
            format!("cannot serialise the model: {e}"),
        )
    })?;
    let out = PyDict::new(py);
    if let serde_json::Value::Object(mut fields) = json {
        for name in field_names::<T>() {
            if let Some(v) = fields.remove(*name) {
                out.set_item(*name, to_py(py, v)?)?;
            }
        }
    }
    Ok(out)
}

fn to_py(py: Python<'_>, v: serde_json::Value) -> PyResult<Bound<'_, PyAny>> {
    use pyo3::IntoPyObjectExt;
    match v {
        serde_json::Value::Bool(b) => b.into_bound_py_any(py),
        serde_json::Value::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) if !n.is_f64() => i.into_bound_py_any(py),
            (_, Some(f)) => f.into_bound_py_any(py),
            _ => n.to_string().into_bound_py_any(py),
        },
        serde_json::Value::String(s) => s.into_bound_py_any(py),
        serde_json::Value::Null => Ok(py.None().into_bound(py)),
        serde_json::Value::Array(items) => {
            let list: Vec<Bound<'_, PyAny>> =
                items.into_iter().map(|x| to_py(py, x)).collect::<PyResult<_>>()?;
            list.into_bound_py_any(py)
        }
        serde_json::Value::Object(fields) => {
            let d = PyDict::new(py);
            for (k, x) in fields {
                d.set_item(k, to_py(py, x)?)?;
            }
            Ok(d.into_any())
        }
    }
}

/// The field names of a struct in declaration order, as its derived
/// `Deserialize` announces them to the deserializer (serde_json's maps are
/// sorted by key, which would scramble `to_dict` and `repr`).
pub fn field_names<T: DeserializeOwned>() -> &'static [&'static str] {
    let seen = Cell::new(&[][..]);
    let _ = T::deserialize(Probe(&seen));
    seen.get()
}

struct Probe<'a>(&'a Cell<&'static [&'static str]>);

impl<'de> de::Deserializer<'de> for Probe<'_> {
    type Error = ParamError;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, ParamError> {
        Err(de::Error::custom("not a struct"))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, ParamError> {
        self.0.set(fields);
        Err(de::Error::custom("probed"))
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map enum identifier ignored_any
    }
}
