//! The default model on real data: ROC AUCs against the Thiers13 friendship
//! survey must reach the figures of the model page.

use tiegraph_examples::thiers13;

#[test]
fn default_model_reaches_the_reference_aucs_on_thiers13() -> Result<(), thiers13::BoxError> {
    let dir = thiers13::data_dir();
    if !dir.is_dir() {
        eprintln!(
            "skipped: Thiers13 data not found at {} (CI has it beside the repository)",
            dir.display()
        );
        return Ok(());
    }
    let hs = thiers13::load(&dir)?;
    assert_eq!(
        (hs.graph.person_count(), hs.episodes, hs.respondents.len()),
        (327, 67_613, 133)
    );
    assert_eq!(hs.pairs().len(), 8_778);
    assert_eq!(hs.pairs().iter().filter(|p| p.either).count(), 403);
    let t = hs.last_contact;
    let g = &hs.graph;
    let model = hs.aucs(|a, b| g.strength(a, b, t).map(|s| s.value).unwrap_or(f64::NAN))?;
    assert!(model.either >= 0.925, "either: {}", model.either);
    assert!(model.mutual >= 0.945, "mutual: {}", model.mutual);
    assert!(model.within_class >= 0.84, "within class: {}", model.within_class);
    // the baseline of the data's README, to check the evaluation itself
    let base = hs.aucs(|a, b| hs.seconds(a, b))?;
    assert!(
        (base.either - 0.907).abs() < 0.001,
        "baseline either: {}",
        base.either
    );
    assert!(
        (base.mutual - 0.948).abs() < 0.001,
        "baseline mutual: {}",
        base.mutual
    );
    assert!(
        (base.within_class - 0.849).abs() < 0.001,
        "baseline within: {}",
        base.within_class
    );
    Ok(())
}
