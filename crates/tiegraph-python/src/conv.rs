//! Conversions between Python values and core types that are not classes:
//! times, option strings, enumerations.

use std::sync::Mutex;

use chrono::{DateTime, NaiveDate, Utc};
use pyo3::IntoPyObjectExt;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDate, PyDateAccess, PyDateTime, PyTimeAccess, PyType, PyTzInfoAccess};
use tiegraph::{ChannelClass, ConnectionKind, Error, Mode, OnError, SuggestMethod, TimeUnit};

use crate::errors::err;

/// A Python `datetime` (naive = UTC, aware = converted to UTC) or `date`
/// (midnight UTC). Numbers are refused: their unit would be a guess.
pub fn time(ob: &Bound<'_, PyAny>, argument: &str) -> PyResult<DateTime<Utc>> {
    if let Some(at) = remembered(ob) {
        return Ok(at);
    }
    let at = read_time(ob, argument)?;
    remember(ob, at);
    Ok(at)
}

/// `datetime.timezone`: the fixed offsets.
static TIMEZONE: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// The last time read, and the object it was read from. A run of queries
/// usually passes one `as_of` object, and reading a datetime's fields
/// through the stable ABI (an attribute lookup each, or `timestamp()`)
/// was a fifth of a light query: 0.36 µs of 1.9 µs for `strongest_ties`
/// of a person with one tie. The object is held, so its address cannot
/// be taken by another while it is remembered.
static LAST_TIME: Mutex<Option<(Py<PyAny>, DateTime<Utc>)>> = Mutex::new(None);

fn remembered(ob: &Bound<'_, PyAny>) -> Option<DateTime<Utc>> {
    let last = LAST_TIME.lock().ok()?;
    last.as_ref()
        .filter(|(o, _)| o.as_ptr() == ob.as_ptr())
        .map(|&(_, at)| at)
}

/// Remembers `ob`'s time when `ob` cannot change: an exact `date`, or an
/// exact `datetime` that is naive or has a fixed offset
/// (`datetime.timezone`). A subclass, or another time zone class, could
/// answer differently next time.
fn remember(ob: &Bound<'_, PyAny>, at: DateTime<Utc>) {
    let fixed = if ob.is_exact_instance_of::<PyDateTime>() {
        let tz = ob.cast::<PyDateTime>().ok().and_then(|dt| dt.get_tzinfo());
        tz.is_none_or(|tz| {
            TIMEZONE
                .import(ob.py(), "datetime", "timezone")
                .is_ok_and(|timezone| tz.get_type().is(timezone))
        })
    } else {
        ob.is_exact_instance_of::<PyDate>()
    };
    if !fixed {
        return;
    }
    let old = match LAST_TIME.lock() {
        Ok(mut last) => last.replace((ob.clone().unbind(), at)),
        Err(_) => return,
    };
    // released outside the lock: freeing the old object may run Python code
    drop(old);
}

fn read_time(ob: &Bound<'_, PyAny>, argument: &str) -> PyResult<DateTime<Utc>> {
    if let Ok(dt) = ob.cast::<PyDateTime>() {
        // Read field by field: with the stable ABI each is an attribute
        // lookup, and a query's as_of costs ~0.2 µs this way against ~3 µs
        // through astimezone + replace + extract.
        let micros = dt.get_microsecond();
        let at = if dt.get_tzinfo().is_none() {
            NaiveDate::from_ymd_opt(dt.get_year(), u32::from(dt.get_month()), u32::from(dt.get_day()))
                .and_then(|d| {
                    d.and_hms_micro_opt(
                        u32::from(dt.get_hour()),
                        u32::from(dt.get_minute()),
                        u32::from(dt.get_second()),
                        micros,
                    )
                })
                .map(|t| t.and_utc())
        } else {
            // Any tzinfo (zoneinfo, pytz, fixed offsets) through Python's
            // own timestamp(); the whole seconds are exact once the
            // microseconds, read exactly, are taken off.
            let ts: f64 = dt.call_method0(intern!(ob.py(), "timestamp"))?.extract()?;
            let secs = (ts - f64::from(micros) / 1e6).round();
            DateTime::from_timestamp(secs as i64, micros * 1000)
        };
        return at.ok_or_else(|| {
            PyValueError::new_err(format!(
                "{argument} is out of the range tiegraph can represent: {ob}"
            ))
        });
    }
    if let Ok(d) = ob.cast::<PyDate>() {
        let day = NaiveDate::from_ymd_opt(d.get_year(), u32::from(d.get_month()), u32::from(d.get_day()));
        if let Some(day) = day {
            return Ok(day.and_time(chrono::NaiveTime::MIN).and_utc());
        }
    }
    let kind = ob.get_type().name()?;
    Err(PyTypeError::new_err(format!(
        "{argument} must be a datetime.datetime or datetime.date, not {kind} \
         (numbers are never guessed to be seconds or milliseconds: convert them first)"
    )))
}

/// An optional time argument (`None` = absent).
pub fn opt_time(ob: Option<&Bound<'_, PyAny>>, argument: &str) -> PyResult<Option<DateTime<Utc>>> {
    match ob {
        Some(ob) if !ob.is_none() => time(ob, argument).map(Some),
        _ => Ok(None),
    }
}

fn invalid_value(field: &str, value: &str, expected: &[&str]) -> PyErr {
    err(Error::InvalidValue {
        field: field.to_string(),
        value: value.to_string(),
        expected: expected.iter().map(|s| (*s).to_string()).collect(),
    })
}

/// `"raise"` or `"skip"`.
pub fn on_error(s: &str) -> PyResult<OnError> {
    match s {
        "raise" => Ok(OnError::Raise),
        "skip" => Ok(OnError::Skip),
        other => Err(invalid_value("on_error", other, &["raise", "skip"])),
    }
}

/// `"s"`, `"ms"`, `"us"` or `"ns"`.
pub fn time_unit(s: &str) -> PyResult<TimeUnit> {
    match s {
        "s" => Ok(TimeUnit::Seconds),
        "ms" => Ok(TimeUnit::Milliseconds),
        "us" => Ok(TimeUnit::Microseconds),
        "ns" => Ok(TimeUnit::Nanoseconds),
        other => Err(invalid_value("time_unit", other, &["s", "ms", "us", "ns"])),
    }
}

/// `"mutual"` or `"follows"`.
pub fn connection_kind(s: &str) -> PyResult<ConnectionKind> {
    match s {
        "mutual" => Ok(ConnectionKind::Mutual),
        "follows" => Ok(ConnectionKind::Follows),
        other => Err(invalid_value("kind", other, &["mutual", "follows"])),
    }
}

/// `"online"` or `"offline"`.
pub fn mode(s: &str) -> PyResult<Mode> {
    match s {
        "online" => Ok(Mode::Online),
        "offline" => Ok(Mode::Offline),
        other => Err(invalid_value("mode", other, &["online", "offline"])),
    }
}

/// `"adamic_adar"` or `"resource_allocation"`.
pub fn suggest_method(s: &str) -> PyResult<SuggestMethod> {
    match s {
        "adamic_adar" => Ok(SuggestMethod::AdamicAdar),
        "resource_allocation" => Ok(SuggestMethod::ResourceAllocation),
        other => Err(invalid_value(
            "method",
            other,
            &["adamic_adar", "resource_allocation"],
        )),
    }
}

/// A count argument (`k`, `max_hops`, a layer size): Python ints are
/// signed, so a negative one is an `InvalidArgumentError` naming the
/// argument rather than an `OverflowError`; 0 is left to the core, which
/// says what it needs.
pub fn count(n: i64, argument: &str) -> PyResult<usize> {
    usize::try_from(n)
        .map_err(|_| crate::errors::invalid_argument(argument, format!("must be at least 1, got {n}")))
}

/// A channel class by its snake_case name.
pub fn channel_class(s: &str) -> PyResult<ChannelClass> {
    ChannelClass::ALL
        .into_iter()
        .find(|c| c.as_str() == s)
        .ok_or_else(|| {
            let names: Vec<&str> = ChannelClass::ALL.iter().map(|c| c.as_str()).collect();
            invalid_value("class_", s, &names)
        })
}

/// `repr()` of a Python value, for `__repr__`s that read like Python.
pub fn repr<'py, T>(py: Python<'py>, value: T) -> PyResult<String>
where
    T: IntoPyObject<'py>,
{
    let ob = value.into_bound_py_any(py)?;
    Ok(ob.repr()?.to_string())
}
