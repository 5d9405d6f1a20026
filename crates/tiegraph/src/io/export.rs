//! What the exports (GraphML, GEXF, the tie table) share: their options,
//! the ties they write and what each tie holds at the date, XML escaping.

use std::borrow::Cow;
use std::io::Write;

use chrono::{DateTime, Datelike, TimeDelta, Timelike, Utc};
use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::graph::{TieId, time};
use crate::model::{Person, PersonId};
use crate::score::{GraphView, SCORE_PIECE, Strength};

/// How the dynamic strength of a [GEXF export](crate::GraphView::write_gexf)
/// is sampled.
///
/// ```
/// use chrono::TimeDelta;
/// use tiegraph::Sampling;
/// assert_eq!(Sampling::default(), Sampling::Months(1));
/// let weekly = Sampling::Every(TimeDelta::days(7));
/// # let _ = weekly;
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sampling {
    /// Every `n` calendar months from the start (by default the first day
    /// of a month, 00:00 UTC).
    Months(u32),
    /// At a fixed step from the start (by default a day, 00:00 UTC).
    Every(TimeDelta),
}

impl Default for Sampling {
    fn default() -> Self {
        Sampling::Months(1)
    }
}

/// Options of the GraphML and GEXF exports.
///
/// ```
/// use tiegraph::{ExportOptions, Sampling};
/// let o = ExportOptions::default();
/// assert!(!o.all_ties && o.person.is_none());
/// assert_eq!((o.active_days, o.sampling, o.start), (90.0, Sampling::Months(1), None));
/// let maya = ExportOptions { person: Some("maya@wire.example".into()), ..ExportOptions::default() };
/// # let _ = maya;
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ExportOptions {
    /// Write every tie, also those whose strength is 0 at the date
    /// (unanswered pitches, likes only, bare connections). Default: only
    /// ties with strength > 0.
    pub all_ties: bool,
    /// Only this person's ties, and as nodes only them and the people at
    /// the other ends of those ties. Default: every tie, every person.
    pub person: Option<String>,
    /// GEXF: how long a meaningful interaction keeps a tie active, in days
    /// (90: the model's recency half-life).
    pub active_days: f64,
    /// GEXF: how the dynamic strength is sampled (monthly).
    pub sampling: Sampling,
    /// GEXF: the first sample. Default: the start of the month (or, for
    /// [`Sampling::Every`], of the day) of the earliest interaction the view
    /// keeps at or before the date, on the ties in scope.
    pub start: Option<DateTime<Utc>>,
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions {
            all_ties: false,
            person: None,
            active_days: 90.0,
            sampling: Sampling::Months(1),
            start: None,
        }
    }
}

fn invalid(argument: &str, reason: impl Into<String>) -> Error {
    Error::InvalidArgument {
        argument: argument.to_string(),
        reason: reason.into(),
    }
}

impl ExportOptions {
    pub(crate) fn validate(&self) -> Result<()> {
        if !(self.active_days.is_finite() && self.active_days > 0.0) {
            return Err(invalid(
                "active_days",
                format!("must be finite and > 0, got {}", self.active_days),
            ));
        }
        match self.sampling {
            Sampling::Months(0) => Err(invalid("sampling", "must be at least one month, got 0")),
            Sampling::Every(step) if step.num_seconds() <= 0 => Err(invalid(
                "sampling",
                format!("must be at least one second, got {step}"),
            )),
            _ => Ok(()),
        }
    }
}

/// Ties are scored this many at a time (in parallel) and written before
/// the next ones are scored, so that exporting a million ties never holds
/// a million scores.
pub(crate) const CHUNK: usize = 4096;

/// One tie to export: its score at the date and what its log holds then.
pub(crate) struct TieRow<'g> {
    pub id: TieId,
    /// The person written first: the one asked for, else the smaller key.
    pub a: &'g Person,
    pub b: &'g Person,
    pub strength: Strength,
    /// Interactions the view keeps at or before the date.
    pub interactions: usize,
    /// The first and last of them, in seconds.
    pub first: Option<i64>,
    pub last: Option<i64>,
}

impl TieRow<'_> {
    /// The edge attributes both XML formats write, in their order: the
    /// components, state, flags, interaction count, first and last contact.
    pub(crate) fn attributes(&self) -> Vec<(&'static str, String)> {
        let s = &self.strength;
        let mut out: Vec<(&'static str, String)> = s
            .components
            .named()
            .into_iter()
            .map(|(name, v)| (name, v.to_string()))
            .collect();
        out.push(("state", s.state.name().to_string()));
        out.push(("online_only", bool_text(s.online_only).to_string()));
        out.push(("capped", bool_text(s.capped).to_string()));
        out.push(("interactions", self.interactions.to_string()));
        if let (Some(first), Some(last)) = (self.first, self.last) {
            out.push(("first_contact", xsd_time(first).to_string()));
            out.push(("last_contact", xsd_time(last).to_string()));
        }
        out
    }
}

impl<'g> GraphView<'g> {
    /// Scores some ties in parallel and keeps those `keep` accepts, in order.
    pub(crate) fn export_rows(
        &self,
        ties: &[(TieId, PersonId)],
        t: i64,
        with_peak: bool,
        keep: impl Fn(&Strength) -> bool + Sync,
    ) -> Vec<TieRow<'g>> {
        let g = self.graph();
        let rows: Vec<Option<TieRow<'g>>> = ties
            .par_iter()
            .with_max_len(SCORE_PIECE)
            .enumerate()
            .map(|(i, &(id, first))| {
                self.prefetch_scope(ties, i);
                let strength = self.score(id, t, first, with_peak, None);
                if !keep(&strength) {
                    return None;
                }
                let recs = self.ctx.slice(&g.tie_data(id).log, t);
                let mut kept = recs.iter().filter(|r| self.ctx.keeps(r.ch() as usize));
                let first_rec = kept.next().map(|r| r.t());
                let (mut n, mut last) = (usize::from(first_rec.is_some()), first_rec);
                for r in kept {
                    n += 1;
                    last = Some(r.t());
                }
                Some(TieRow {
                    id,
                    a: g.person_at(first),
                    b: g.person_at(g.other(id, first)),
                    strength,
                    interactions: n,
                    first: first_rec,
                    last,
                })
            })
            .collect();
        rows.into_iter().flatten().collect()
    }

    /// The names of the components an export writes, in model order.
    pub(crate) fn component_names(&self) -> Vec<&'static str> {
        let mut names = vec![
            "recency",
            "intensity",
            "duration",
            "regularity",
            "reciprocity",
            "multiplexity",
            "connection",
        ];
        if self.model().structural {
            names.push("structural");
        }
        names
    }

    /// The people an XML export writes as nodes: everyone, in key order;
    /// or, for one person's ties, that person and the other ends of the
    /// ties written, in key order.
    pub(crate) fn export_people(&self, person: Option<&str>, rows: &[TieRow<'g>]) -> Result<Vec<&'g Person>> {
        let g = self.graph();
        Ok(match person {
            None => g.people().collect(),
            Some(key) => {
                let mut people: Vec<&'g Person> = rows.iter().map(|r| r.b).collect();
                people.push(g.person(key)?);
                people.sort_unstable_by(|x, y| x.key.cmp(&y.key));
                people
            }
        })
    }
}

/// A time as xsd:dateTime in UTC, to the second: `2026-03-02T10:00:00Z`
/// (years outside 0–9999 keep their digits, negative ones a leading `-`).
pub(crate) fn xsd_time(t: i64) -> String {
    let d = time(t);
    let year = if d.year() < 0 {
        format!("-{:04}", -i64::from(d.year()))
    } else {
        format!("{:04}", d.year())
    };
    format!(
        "{year}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        d.month(),
        d.day(),
        d.hour(),
        d.minute(),
        d.second()
    )
}

/// Whether XML 1.0 can hold this character at all (even as a reference).
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | ' '..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Escapes text for an XML attribute value or element content: `& < > " '`
/// as entities, tab, line feed and carriage return as character references
/// (so that attribute-value normalisation keeps them). Text holding a
/// character XML 1.0 cannot represent (other control characters, U+FFFE,
/// U+FFFF) is an error naming `field`.
pub(crate) fn escape<'a>(field: &str, text: &'a str) -> Result<Cow<'a, str>> {
    let special = |c: char| matches!(c, '&' | '<' | '>' | '"' | '\'' | '\t' | '\n' | '\r');
    if !text.chars().any(|c| special(c) || !xml_char(c)) {
        return Ok(Cow::Borrowed(text));
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if xml_char(c) => out.push(c),
            c => {
                return Err(Error::InvalidValue {
                    field: field.to_string(),
                    value: text.to_string(),
                    expected: vec![format!(
                        "text XML 1.0 can hold (U+{:04X} is a control character it cannot)",
                        u32::from(c)
                    )],
                });
            }
        }
    }
    Ok(Cow::Owned(out))
}

/// The error of a failed write.
pub(crate) fn write_error(source: std::io::Error) -> Error {
    Error::Io {
        path: "<writer>".into(),
        source,
    }
}

/// A buffered writer whose errors are tiegraph's.
pub(crate) struct Out<W: Write>(pub std::io::BufWriter<W>);

impl<W: Write> Out<W> {
    pub(crate) fn new(writer: W) -> Out<W> {
        Out(std::io::BufWriter::with_capacity(1 << 16, writer))
    }

    pub(crate) fn put(&mut self, s: &str) -> Result<()> {
        self.0.write_all(s.as_bytes()).map_err(write_error)
    }

    pub(crate) fn finish(mut self) -> Result<()> {
        self.0.flush().map_err(write_error)
    }
}

/// `true` or `false`, as XML Schema writes booleans.
pub(crate) fn bool_text(b: bool) -> &'static str {
    if b { "true" } else { "false" }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn escaping_covers_markup_and_whitespace_and_rejects_what_xml_cannot_hold() -> Result<()> {
        assert!(matches!(escape("f", "plain"), Ok(Cow::Borrowed("plain"))));
        assert_eq!(
            escape("f", "<a & \"b\" 'c'>\t\n\r")?,
            "&lt;a &amp; &quot;b&quot; &apos;c&apos;&gt;&#9;&#10;&#13;"
        );
        assert_eq!(escape("f", "é — 😀")?, "é — 😀");
        let Err(err) = escape("name", "bell\u{7}") else {
            panic!("a control character was escaped");
        };
        assert_eq!(
            err.to_string(),
            "invalid value \"bell\\u{7}\" in field \"name\"; expected one of: \
             text XML 1.0 can hold (U+0007 is a control character it cannot)"
        );
        assert!(escape("f", "\u{FFFE}").is_err());
        Ok(())
    }

    #[test]
    fn times_are_xsd_date_times() {
        let t = |y, m, d| {
            Utc.with_ymd_and_hms(y, m, d, 10, 5, 9)
                .single()
                .map(|d| d.timestamp())
        };
        assert_eq!(
            t(2026, 3, 2).map(xsd_time).as_deref(),
            Some("2026-03-02T10:05:09Z")
        );
        assert_eq!(
            t(12026, 1, 1).map(xsd_time).as_deref(),
            Some("12026-01-01T10:05:09Z")
        );
        assert_eq!(
            t(-50, 6, 1).map(xsd_time).as_deref(),
            Some("-0050-06-01T10:05:09Z")
        );
    }
}
