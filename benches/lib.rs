//! Support for the benches: a deterministic W1-shaped data generator and
//! the floor, a single-purpose loop computing the default model straight
//! from the Arrow arrays.
//!
//! The generator follows `shared/bench/gen_interactions.py` (heavy-tailed
//! ties and activity, nine channels, 15% offline, two years, durations on
//! synchronous channels) with its own random numbers, so it needs no
//! Python and no Parquet reader; the Python comparison script
//! (`benches/compare/`) runs the original generator and checks checksums.

use std::sync::Arc;

use arrow_array::{Array, Float64Array, RecordBatch, StringArray, TimestampSecondArray};
use arrow_schema::{DataType, Field, Schema, TimeUnit};
use rustc_hash::FxHashMap;

/// 2024-11-25T00:00:00Z, the first day of W1's two years.
pub const T0: i64 = 1_732_492_800;
/// 2026-11-25T00:00:00Z, W1's as-of date.
pub const AS_OF: i64 = 1_795_564_800;

const ONLINE: [&str; 7] = [
    "email",
    "direct_message",
    "public_reply",
    "reaction",
    "broadcast",
    "video_call",
    "phone_call",
];
const ONLINE_P: [f64; 7] = [0.3, 0.2, 0.15, 0.2, 0.05, 0.04, 0.06];
const OFFLINE: [&str; 2] = ["in_person", "event"];

/// splitmix64: small, fast, and the same numbers everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next()) * u128::from(n)) >> 64) as u64
    }
    /// numpy's `pareto(a)` (Lomax): (1 − U)^(−1/a) − 1.
    fn pareto(&mut self, a: f64) -> f64 {
        (1.0 - self.unit()).powf(-1.0 / a) - 1.0
    }
    fn normal(&mut self) -> f64 {
        let (u, v) = (1.0 - self.unit(), self.unit());
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    }
}

fn pick(r: f64, p: &[f64]) -> usize {
    let mut acc = 0.0;
    for (i, x) in p.iter().enumerate() {
        acc += x;
        if r < acc {
            return i;
        }
    }
    p.len() - 1
}

/// `n` interactions among `people` people, W1's shape, as one record batch
/// with columns `src`, `dst` (strings), `channel` (string), `ts`
/// (timestamp s, UTC), `weight` (f64), `duration_s` (f64, null when none).
pub fn generate(n: usize, people: usize, seed: u64) -> RecordBatch {
    let mut rng = Rng(seed);
    let n_ties = people * 10;
    let mut ties = Vec::with_capacity(n_ties);
    for _ in 0..n_ties {
        let a = rng.below(people as u64) as usize;
        let b = (rng.pareto(1.2) * people as f64 / 50.0) as usize % people;
        if a != b {
            ties.push((a, b));
        }
    }
    // activity ∝ pareto(1) + 1: sample ties through the cumulative weights
    let mut cum = Vec::with_capacity(ties.len());
    let mut total = 0.0;
    for _ in &ties {
        total += rng.pareto(1.0) + 1.0;
        cum.push(total);
    }
    let names: Vec<String> = (0..people).map(|i| format!("p{i:07}")).collect();
    let (mut src, mut dst, mut channel) = (
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
    );
    let (mut ts, mut dur) = (Vec::with_capacity(n), Vec::with_capacity(n));
    for _ in 0..n {
        let x = rng.unit() * total;
        let (a, b) = ties[cum.partition_point(|&c| c <= x).min(ties.len() - 1)];
        let (s, d) = if rng.unit() < 0.45 { (b, a) } else { (a, b) };
        let ch = if rng.unit() < 0.15 {
            OFFLINE[pick(rng.unit(), &[0.7, 0.3])]
        } else {
            ONLINE[pick(rng.unit(), &ONLINE_P)]
        };
        src.push(names[s].as_str());
        dst.push(names[d].as_str());
        channel.push(ch);
        ts.push(T0 + rng.below(2 * 365 * 86_400) as i64);
        let sync = matches!(ch, "in_person" | "video_call" | "phone_call");
        dur.push(sync.then(|| (7.5 + 0.8 * rng.normal()).exp().round()));
    }
    let schema = Schema::new(vec![
        Field::new("src", DataType::Utf8, false),
        Field::new("dst", DataType::Utf8, false),
        Field::new("channel", DataType::Utf8, false),
        Field::new(
            "ts",
            DataType::Timestamp(TimeUnit::Second, Some("UTC".into())),
            false,
        ),
        Field::new("weight", DataType::Float64, false),
        Field::new("duration_s", DataType::Float64, true),
    ]);
    RecordBatch::try_new(
        Arc::new(schema),
        vec![
            Arc::new(StringArray::from(src)),
            Arc::new(StringArray::from(dst)),
            Arc::new(StringArray::from(channel)),
            Arc::new(TimestampSecondArray::from(ts).with_timezone("UTC")),
            Arc::new(Float64Array::from(vec![1.0; n])),
            Arc::new(Float64Array::from(dur)),
        ],
    )
    .expect("columns match the schema")
}

/// The default model's per-side sums, order-independent so one pass in
/// any row order gives them.
#[derive(Clone, Copy)]
struct Side {
    last: i64,
    first: i64,
    s: f64,
    x: f64,
    weeks: u64,
}

#[derive(Clone, Copy)]
struct Pair {
    side: [Side; 2],
    classes: u8,
    met: bool,
}

/// The floor: the default model (W1's variant: no connections) computed
/// by a plain loop over the arrays (one hash-aggregate pass, then one
/// pass over pairs), then each person's ten strongest ties (ties of
/// strength above 0, as `strongest_ties_all` lists them); returns the
/// checksum, the sum of strengths in the top-10 table.
pub fn floor(batch: &RecordBatch) -> f64 {
    // (weight, typical duration, class bit, mutual, lifts cap) per channel
    let table: FxHashMap<&str, (f64, f64, u8, bool, bool)> = [
        ("in_person", (1.00, 3600.0, 1, true, true)),
        ("event", (0.40, 0.0, 1, true, true)),
        ("video_call", (0.80, 1800.0, 2, true, true)),
        ("phone_call", (0.60, 900.0, 2, true, true)),
        ("email", (0.30, 0.0, 4, false, false)),
        ("direct_message", (0.30, 0.0, 4, false, false)),
        ("public_reply", (0.15, 0.0, 8, false, false)),
        ("broadcast", (0.05, 0.0, 0, false, false)),
        ("reaction", (0.03, 0.0, 0, false, false)),
    ]
    .into_iter()
    .collect();
    let col = |name: &str| batch.column_by_name(name).expect("W1 column");
    let src = col("src").as_any().downcast_ref::<StringArray>().expect("utf8");
    let dst = col("dst").as_any().downcast_ref::<StringArray>().expect("utf8");
    let channel = col("channel")
        .as_any()
        .downcast_ref::<StringArray>()
        .expect("utf8");
    let ts = col("ts")
        .as_any()
        .downcast_ref::<TimestampSecondArray>()
        .expect("timestamp[s]");
    let weight = col("weight")
        .as_any()
        .downcast_ref::<Float64Array>()
        .expect("f64");
    let dur = col("duration_s")
        .as_any()
        .downcast_ref::<Float64Array>()
        .expect("f64");

    let (day, h_i, window) = (86_400.0, 180.0 * 86_400.0, 365.0 * 86_400.0);
    let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
    let mut keys: Vec<&str> = Vec::new();
    let mut pairs: FxHashMap<u64, Pair> = FxHashMap::default();
    let empty = Side {
        last: i64::MIN,
        first: i64::MAX,
        s: 0.0,
        x: 0.0,
        weeks: 0,
    };
    for i in 0..batch.num_rows() {
        let (s_key, d_key) = (src.value(i), dst.value(i));
        let mut ends = [0u32; 2];
        for (end, k) in ends.iter_mut().zip([s_key, d_key]) {
            *end = *ids.entry(k).or_insert_with(|| {
                keys.push(k);
                keys.len() as u32 - 1
            });
        }
        let [a, b] = ends;
        let (w_c, typ, class, mutual, lifts) = table[channel.value(i)];
        let g = if typ > 0.0 && dur.is_valid(i) {
            (dur.value(i) / typ).sqrt().clamp(0.5, 2.0)
        } else {
            1.0
        };
        let w = w_c * weight.value(i) * g;
        let t = ts.value(i);
        let age = AS_OF - t;
        let (lo, hi, side) = if a < b { (a, b, 0) } else { (b, a, 1) };
        let p = pairs
            .entry((u64::from(lo) << 32) | u64::from(hi))
            .or_insert(Pair {
                side: [empty; 2],
                classes: 0,
                met: false,
            });
        let meaningful = w >= 0.10;
        let decayed = w * (-(age as f64) / h_i).exp2();
        let week = age / (7 * 86_400);
        let (from, to) = if mutual { (0, 2) } else { (side, side + 1) };
        for x in &mut p.side[from..to] {
            x.s += decayed;
            if (age as f64) < window {
                x.x += w;
            }
            if meaningful {
                x.last = x.last.max(t);
                x.first = x.first.min(t);
                if week < 52 {
                    x.weeks |= 1 << week;
                }
            }
        }
        if meaningful {
            if (age as f64) < window {
                p.classes |= class;
            }
            p.met |= lifts;
        }
    }
    let wts = [0.25, 0.25, 0.15, 0.10, 0.10, 0.10, 0.05];
    let w_sum: f64 = wts.iter().sum();
    let mut adj: Vec<Vec<(f64, u32)>> = vec![Vec::new(); keys.len()];
    for (&k, p) in &pairs {
        let [sa, sb] = p.side;
        let value = if sa.last != i64::MIN && sb.last != i64::MIN {
            let f = [
                (-((AS_OF - sa.last.min(sb.last)) as f64) / (90.0 * day)).exp2(),
                1.0 - (-(sa.s * sb.s).sqrt() / 3.0).exp(),
                1.0 - (-((AS_OF - sa.first.max(sb.first)) as f64) / (365.0 * day)).exp(),
                f64::from(sa.weeks.count_ones().min(sb.weeks.count_ones())).ln_1p() / 53f64.ln(),
                (2.0 * sa.x.min(sb.x) + 1.0) / (sa.x + sb.x + 2.0),
                f64::from(p.classes.count_ones()) / 4.0,
                0.0,
            ];
            let raw = wts.iter().zip(f).map(|(w, f)| w * f).sum::<f64>() / w_sum;
            if p.met { raw } else { raw.min(0.75) }
        } else {
            0.0
        };
        // a tie of strength 0 is no one's strong tie (strongest_ties_all)
        if value > 0.0 {
            let (a, b) = ((k >> 32) as u32, k as u32);
            adj[a as usize].push((value, b));
            adj[b as usize].push((value, a));
        }
    }
    let mut checksum = 0.0;
    for list in &mut adj {
        list.sort_unstable_by(|x, y| {
            y.0.total_cmp(&x.0)
                .then_with(|| keys[x.1 as usize].cmp(keys[y.1 as usize]))
        });
        checksum += list.iter().take(10).map(|e| e.0).sum::<f64>();
    }
    checksum
}
