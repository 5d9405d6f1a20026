//! The SocioPatterns high-school data (Thiers13), read from `../shared`,
//! never from the repository: it is licensed CC BY-NC-SA.
//!
//! Contacts at 20-second resolution are merged into episodes (consecutive
//! slots of a pair become one `in_person` interaction at the episode's
//! start, with the summed duration); Facebook friendships become mutual
//! connections; the friendship survey is the ground truth.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use tiegraph::{Connection, Interaction, RelationshipGraph, roc_auc};

pub use crate::BoxError;

/// Where the data lives: `../shared/data/thiers13` beside the repository.
pub fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/data/thiers13")
}

/// The data set, ready to score.
pub struct HighSchool {
    /// Contact episodes as `in_person` interactions, Facebook friendships
    /// as mutual connections.
    pub graph: RelationshipGraph,
    /// The time of the last contact, the date everything is scored as of.
    pub last_contact: DateTime<Utc>,
    /// People who answered the survey and wore a sensor, sorted.
    pub respondents: Vec<String>,
    /// Directed nominations (i named j).
    pub named: BTreeSet<(String, String)>,
    /// Class of each person.
    pub class: HashMap<String, String>,
    /// Face-to-face seconds per pair (keys in order), the baseline score.
    pub seconds: HashMap<(String, String), f64>,
    /// Number of contact episodes.
    pub episodes: usize,
}

fn lines(path: &Path) -> Result<Vec<String>, BoxError> {
    let f = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let reader: Box<dyn BufRead> = if path.extension().is_some_and(|e| e == "gz") {
        Box::new(BufReader::new(flate2::read::GzDecoder::new(f)))
    } else {
        Box::new(BufReader::new(f))
    };
    Ok(reader.lines().collect::<Result<_, _>>()?)
}

fn ordered(a: &str, b: &str) -> (String, String) {
    if a <= b {
        (a.to_string(), b.to_string())
    } else {
        (b.to_string(), a.to_string())
    }
}

/// Reads the four files of `dir`.
pub fn load(dir: &Path) -> Result<HighSchool, BoxError> {
    // contacts: "t i j Ci Cj", i and j face to face during [t − 20, t]
    let mut slots: BTreeMap<(String, String), Vec<i64>> = BTreeMap::new();
    let mut class = HashMap::new();
    for (n, line) in lines(&dir.join("High-School_data_2013.csv.gz"))?
        .iter()
        .enumerate()
    {
        let f: Vec<&str> = line.split_whitespace().collect();
        if f.len() != 5 {
            return Err(format!("contacts line {}: expected 5 fields, got {line:?}", n + 1).into());
        }
        let t: i64 = f[0].parse()?;
        slots.entry(ordered(f[1], f[2])).or_default().push(t);
        class.insert(f[1].to_string(), f[3].to_string());
        class.insert(f[2].to_string(), f[4].to_string());
    }
    let mut interactions = Vec::new();
    let mut seconds = HashMap::new();
    let mut last = i64::MIN;
    for ((a, b), mut ts) in slots {
        ts.sort_unstable();
        last = last.max(*ts.last().unwrap_or(&i64::MIN));
        seconds.insert((a.clone(), b.clone()), 20.0 * ts.len() as f64);
        let mut start = 0;
        for k in 1..=ts.len() {
            if k == ts.len() || ts[k] - ts[k - 1] != 20 {
                let at = DateTime::from_timestamp(ts[start] - 20, 0).ok_or("contact time out of range")?;
                let secs = 20.0 * (k - start) as f64;
                interactions
                    .push(Interaction::new(a.as_str(), b.as_str(), at, "in_person").with_duration(secs));
                start = k;
            }
        }
    }
    let episodes = interactions.len();
    let mut graph = RelationshipGraph::new();
    graph.add_interactions(interactions)?;
    // Facebook: "i j w", w = 1 friends
    let mut friends = Vec::new();
    for line in lines(&dir.join("Facebook-known-pairs_data_2013.csv"))? {
        let f: Vec<&str> = line.split_whitespace().collect();
        if f.len() == 3 && f[2] == "1" {
            friends.push(Connection::mutual(f[0], f[1], "facebook"));
        }
    }
    graph.add_connections(friends)?;
    // survey: "i j", i named j
    let mut named = BTreeSet::new();
    let mut answered = BTreeSet::new();
    for line in lines(&dir.join("Friendship-network_data_2013.csv.gz"))? {
        let f: Vec<&str> = line.split_whitespace().collect();
        if f.len() == 2 {
            named.insert((f[0].to_string(), f[1].to_string()));
            answered.insert(f[0].to_string());
        }
    }
    let respondents = answered
        .into_iter()
        .filter(|p| graph.contains_person(p))
        .collect();
    Ok(HighSchool {
        graph,
        last_contact: DateTime::from_timestamp(last, 0).ok_or("no contacts")?,
        respondents,
        named,
        class,
        seconds,
        episodes,
    })
}

/// ROC AUCs of one score against the survey, over respondent pairs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Aucs {
    /// Either names the other.
    pub either: f64,
    /// Both name each other.
    pub mutual: f64,
    /// Either names the other, pairs of the same class only.
    pub within_class: f64,
}

/// A labelled respondent pair.
pub struct Pair {
    /// One respondent.
    pub a: String,
    /// The other (sorting after `a`).
    pub b: String,
    /// Either named the other.
    pub either: bool,
    /// Both named each other.
    pub mutual: bool,
    /// Same class.
    pub same_class: bool,
}

impl HighSchool {
    /// Every pair of respondents with its labels.
    pub fn pairs(&self) -> Vec<Pair> {
        let r = &self.respondents;
        let mut out = Vec::with_capacity(r.len() * r.len() / 2);
        for (i, a) in r.iter().enumerate() {
            for b in &r[i + 1..] {
                let ab = self.named.contains(&(a.clone(), b.clone()));
                let ba = self.named.contains(&(b.clone(), a.clone()));
                out.push(Pair {
                    a: a.clone(),
                    b: b.clone(),
                    either: ab || ba,
                    mutual: ab && ba,
                    same_class: self.class.get(a) == self.class.get(b),
                });
            }
        }
        out
    }

    /// The AUCs of `score` over the respondent pairs.
    pub fn aucs(&self, mut score: impl FnMut(&str, &str) -> f64) -> Result<Aucs, BoxError> {
        let pairs = self.pairs();
        let scored: Vec<(f64, &Pair)> = pairs.iter().map(|p| (score(&p.a, &p.b), p)).collect();
        let auc = |keep: &dyn Fn(&Pair) -> bool, label: &dyn Fn(&Pair) -> bool| {
            let v: Vec<(f64, bool)> = scored
                .iter()
                .filter(|(_, p)| keep(p))
                .map(|(s, p)| (*s, label(p)))
                .collect();
            roc_auc(&v).ok_or("no positive or no negative pair")
        };
        Ok(Aucs {
            either: auc(&|_| true, &|p| p.either)?,
            mutual: auc(&|_| true, &|p| p.mutual)?,
            within_class: auc(&|p| p.same_class, &|p| p.either)?,
        })
    }

    /// The baseline: face-to-face seconds.
    pub fn seconds(&self, a: &str, b: &str) -> f64 {
        self.seconds.get(&ordered(a, b)).copied().unwrap_or(0.0)
    }
}
