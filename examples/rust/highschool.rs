//! Real-data validation: the default model on the SocioPatterns high-school
//! data (Thiers13), against the students' own friendship survey.
//!
//! `cargo run -p tiegraph-examples --example highschool --release`
//!
//! Reads `../shared/data/thiers13` (CC BY-NC-SA, never copied into the
//! repository); prints ROC AUCs of the default strength, of a model
//! calibrated on the survey (cross-validated by person), and of the
//! face-to-face-seconds baseline.

use tiegraph::{FitOptions, Label, ScoringModel};
use tiegraph_examples::thiers13;

fn main() -> Result<(), thiers13::BoxError> {
    let dir = thiers13::data_dir();
    if !dir.is_dir() {
        println!(
            "skipped: the Thiers13 data is not at {} (it ships beside the repository, not in it)",
            dir.display()
        );
        return Ok(());
    }
    let hs = thiers13::load(&dir)?;
    let g = &hs.graph;
    println!(
        "Thiers13: {} students, {} contact episodes, {} ties, {} survey respondents, as of {}",
        g.person_count(),
        hs.episodes,
        g.tie_count(),
        hs.respondents.len(),
        hs.last_contact
    );
    let t = hs.last_contact;
    let model = hs.aucs(|a, b| g.strength(a, b, t).map(|s| s.value).unwrap_or(f64::NAN))?;
    let base = hs.aucs(|a, b| hs.seconds(a, b))?;

    let labels: Vec<Label> = hs
        .pairs()
        .into_iter()
        .map(|p| Label::new(p.a, p.b, f64::from(u8::from(p.either))))
        .collect();
    let fit = ScoringModel::default().fit(&g.full_view(), &labels, t, &FitOptions::default())?;

    println!();
    println!("ROC AUC against the friendship survey (respondent pairs)");
    println!(
        "{:<34} {:>8} {:>8} {:>13}",
        "score", "either", "mutual", "within class"
    );
    for (name, a) in [
        ("tiegraph, default model", model),
        ("face-to-face seconds (baseline)", base),
    ] {
        println!(
            "{name:<34} {:>8.4} {:>8.4} {:>13.4}",
            a.either, a.mutual, a.within_class
        );
    }
    println!();
    println!(
        "calibrated on the survey (5-fold, grouped by person): cross-validated AUC {:.4} (default model on the same pairs: {:.4})",
        fit.cv_auc.unwrap_or(f64::NAN),
        fit.base_auc.unwrap_or(f64::NAN)
    );
    let w = fit.model.weights;
    println!(
        "fitted weights: R {:.3}  I {:.3}  D {:.3}  F {:.3}  B {:.3}  M {:.3}  K {:.3}",
        w.recency, w.intensity, w.duration, w.regularity, w.reciprocity, w.multiplexity, w.connection
    );
    Ok(())
}
