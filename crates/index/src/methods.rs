//! The methods, each on one indicator's column (`None` = missing), with COINr's definitions.

/// Sample skewness, bias-corrected as COINr's `skew()` (and spreadsheet `SKEW`):
/// G₁ = g₁·√(n(n−1))/(n−2), with g₁ = m₃/m₂^{3/2} from the central moments mₖ = Σ(x−x̄)ᵏ/n.
pub fn skew(values: &[f64]) -> f64 {
    shape(values).0
}

/// Sample excess kurtosis, bias-corrected as COINr's `kurt()` (and spreadsheet `KURT`):
/// G₂ = ((n+1)·g₂ + 6)·(n−1)/((n−2)(n−3)), with g₂ = m₄/m₂² − 3.
pub fn kurt(values: &[f64]) -> f64 {
    shape(values).1
}

/// Skewness and kurtosis from one pass over the central moments.
fn shape(values: &[f64]) -> (f64, f64) {
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let (mut m2, mut m3, mut m4) = (0.0, 0.0, 0.0);
    for v in values {
        let d = v - mean;
        let d2 = d * d;
        m2 += d2;
        m3 += d2 * d;
        m4 += d2 * d2;
    }
    let (m2, m3, m4) = (m2 / n, m3 / n, m4 / n);
    let skew = m3 / m2.powf(1.5) * (n * (n - 1.0)).sqrt() / (n - 2.0);
    let g2 = m4 / (m2 * m2) - 3.0;
    (skew, ((n + 1.0) * g2 + 6.0) * (n - 1.0) / ((n - 2.0) * (n - 3.0)))
}

fn present(column: &[Option<f64>]) -> Vec<f64> {
    column.iter().flatten().copied().collect()
}

fn values_pass(values: &[f64], skew_max: f64, kurt_max: f64) -> bool {
    if values.len() < 4 {
        return true;
    }
    let (skew, kurt) = shape(values);
    !(skew.abs() > skew_max && kurt > kurt_max)
}

/// Whether a column passes COINr's outlier check: it fails when |skew| > `skew_max` **and**
/// kurtosis > `kurt_max`.
pub fn passes(column: &[Option<f64>], skew_max: f64, kurt_max: f64) -> bool {
    values_pass(&present(column), skew_max, kurt_max)
}

/// COINr's default treatment: while the column fails [`passes`] and fewer than `winmax`
/// steps were taken, Winsorise one step on the side of the skew — every value equal to the
/// maximum (positive skew) becomes the next highest value, or every value equal to the
/// minimum becomes the next lowest. Returns the treated column and the number of steps.
pub fn winsorise(
    column: &[Option<f64>],
    winmax: usize,
    skew_max: f64,
    kurt_max: f64,
) -> (Vec<Option<f64>>, usize) {
    let mut values = present(column);
    if values_pass(&values, skew_max, kurt_max) || winmax == 0 {
        return (column.to_vec(), 0);
    }
    let mut steps = 0;
    while steps < winmax && !values_pass(&values, skew_max, kurt_max) {
        let positive = shape(&values).0 > 0.0;
        // One pass finds the extreme on the side of the skew and the next value in from it.
        let sign = if positive { 1.0 } else { -1.0 };
        let (mut extreme, mut next) = (f64::NEG_INFINITY, None::<f64>);
        for v in values.iter().map(|v| v * sign) {
            if v > extreme {
                next = extreme.is_finite().then_some(extreme);
                extreme = v;
            } else if v < extreme && next.is_none_or(|n| v > n) {
                next = Some(v);
            }
        }
        let (extreme, next) = (extreme * sign, next.map(|n| n * sign));
        let Some(next) = next else {
            break; // every value equal: nothing to Winsorise
        };
        for v in &mut values {
            if *v == extreme {
                *v = next;
            }
        }
        steps += 1;
    }
    let mut treated = values.into_iter();
    (column.iter().map(|v| v.and_then(|_| treated.next())).collect(), steps)
}

/// COINr's `log_CT` ("COIN Tool" log): ln(x − min + 0.01·(max − min)), the fallback when
/// Winsorisation up to `winmax` does not bring skew and kurtosis within bounds. Increasing, so
/// it keeps the indicator's direction; a constant column has no range and gives missing values.
pub fn log_ct(column: &[Option<f64>]) -> Vec<Option<f64>> {
    let (min, max) = extremes(column);
    let shift = 0.01 * (max - min);
    column.iter().map(|v| v.and_then(|x| (max > min).then(|| (x - min + shift).ln()))).collect()
}

/// What COINr's default outlier treatment did to one indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Treated {
    /// Winsorisation steps taken.
    pub winsorised: usize,
    /// Whether Winsorisation was not enough and the original values were log-transformed.
    pub logged: bool,
}

/// COINr's `Treat` with its defaults: a column that fails [`passes`] is Winsorised (up to
/// `winmax` steps); if it still fails and `log_fallback` is set, the *original* column is
/// log-transformed with [`log_ct`] instead (COINr's `combine_treat = FALSE`).
pub fn treat(
    column: &[Option<f64>],
    winmax: usize,
    skew_max: f64,
    kurt_max: f64,
    log_fallback: bool,
) -> (Vec<Option<f64>>, Treated) {
    // A column that passes comes back from `winsorise` unchanged, with no step taken.
    let (x, steps) = winsorise(column, winmax, skew_max, kurt_max);
    if log_fallback && !passes(&x, skew_max, kurt_max) {
        return (log_ct(column), Treated { winsorised: 0, logged: true });
    }
    (x, Treated { winsorised: steps, logged: false })
}

fn extremes(column: &[Option<f64>]) -> (f64, f64) {
    column.iter().flatten().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(*v), hi.max(*v)))
}

/// Min-max normalisation to [`low`, `high`] after multiplying by the direction (±1), as COINr's
/// `n_minmax`: (x − min)/(max − min)·(high − low) + low. A constant column has no range and
/// gives missing values.
pub fn minmax(column: &[Option<f64>], direction: f64, low: f64, high: f64) -> Vec<Option<f64>> {
    let x: Vec<Option<f64>> = column.iter().map(|v| v.map(|v| v * direction)).collect();
    let (min, max) = extremes(&x);
    let range = max - min;
    x.iter().map(|v| v.and_then(|v| (range > 0.0).then(|| (v - min) / range * (high - low) + low))).collect()
}

/// z-scores rescaled to mean `m` and standard deviation `s`, after the direction, as COINr's
/// `n_zscore`: (x − x̄)/σ·s + m, with σ the sample standard deviation (n − 1), as R's `sd()`.
pub fn zscore(column: &[Option<f64>], direction: f64, m: f64, s: f64) -> Vec<Option<f64>> {
    let x: Vec<Option<f64>> = column.iter().map(|v| v.map(|v| v * direction)).collect();
    let values = present(&x);
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let sd = (values.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / (n - 1.0)).sqrt();
    x.iter().map(|v| v.and_then(|v| (sd > 0.0).then(|| (v - mean) / sd * s + m))).collect()
}

/// Ranks after the direction, lowest value 1, ties sharing the lowest rank, as COINr's
/// `n_rank` (R's `rank(x, ties.method = "min")`): higher scores get higher ranks.
pub fn rank_scores(column: &[Option<f64>], direction: f64) -> Vec<Option<f64>> {
    let x: Vec<Option<f64>> = column.iter().map(|v| v.map(|v| v * direction)).collect();
    let mut sorted = present(&x);
    sorted.sort_by(f64::total_cmp);
    x.iter().map(|v| v.map(|v| (1 + sorted.partition_point(|o| *o < v)) as f64)).collect()
}

/// Percentile ranks after the direction, as COINr's `n_prank` ("sport" ranking): (rank − 1)/(n − 1)
/// with ranks as [`rank_scores`], so the lowest value scores 0 and the highest 1.
pub fn percentile_ranks(column: &[Option<f64>], direction: f64) -> Vec<Option<f64>> {
    let ranks = rank_scores(column, direction);
    let n = ranks.iter().flatten().count() as f64;
    ranks.iter().map(|r| r.and_then(|r| (n > 1.0).then(|| (r - 1.0) / (n - 1.0)))).collect()
}

/// Distance to the best value, as COINr's `n_dist2max`: 1 − (max − x)/(max − min), after the
/// direction; 1 for the best unit, 0 for the worst.
pub fn distance_to_max(column: &[Option<f64>], direction: f64) -> Vec<Option<f64>> {
    minmax(column, direction, 0.0, 1.0)
}

/// Goalposts, as COINr's `n_goalposts`: the fraction of the way from the lower goalpost to the
/// upper one, (x − low)/(high − low), or from the upper to the lower for a negative direction,
/// (x − high)/(low − high); truncated to [0, 1] when `truncate`, then multiplied by `scale`.
pub fn goalposts(
    column: &[Option<f64>],
    direction: f64,
    low: f64,
    high: f64,
    scale: f64,
    truncate: bool,
) -> Vec<Option<f64>> {
    column
        .iter()
        .map(|v| {
            v.map(|x| {
                let f = if direction < 0.0 { (x - high) / (low - high) } else { (x - low) / (high - low) };
                (if truncate { f.clamp(0.0, 1.0) } else { f }) * scale
            })
        })
        .collect()
}

/// Distance to a target, as COINr's `n_dist2targ`: (x − min)/(target − min) for a positive
/// direction, (max − x)/(max − target) for a negative one, on the raw values; values beyond the
/// target score above 1 unless `cap` (COINr's `cap_max`).
pub fn distance_to_target(
    column: &[Option<f64>],
    direction: f64,
    target: f64,
    cap: bool,
) -> Vec<Option<f64>> {
    let (min, max) = extremes(column);
    column
        .iter()
        .map(|v| {
            v.and_then(|x| {
                let y = if direction < 0.0 { (max - x) / (max - target) } else { (x - min) / (target - min) };
                y.is_finite().then(|| if cap { y.min(1.0) } else { y })
            })
        })
        .collect()
}

/// Ranks, highest value first, ties sharing the lowest rank (R's `rank(-x, ties = "min")`);
/// missing values have no rank.
pub fn ranks(column: &[Option<f64>]) -> Vec<Option<usize>> {
    // One sort, descending; each value's rank is 1 + how many are strictly greater.
    let mut sorted: Vec<f64> = column.iter().flatten().copied().collect();
    sorted.sort_by(|a, b| b.total_cmp(a));
    column.iter().map(|v| v.map(|v| 1 + sorted.partition_point(|o| *o > v))).collect()
}

/// Pearson's correlation over the units where both columns are present (R's
/// `cor(use = "pairwise.complete.obs")`); `None` with fewer than three pairs or no variation.
pub fn pearson(a: &[Option<f64>], b: &[Option<f64>]) -> Option<f64> {
    let pairs: Vec<(f64, f64)> = a.iter().zip(b).filter_map(|(x, y)| Some(((*x)?, (*y)?))).collect();
    correlation(&pairs)
}

/// Pearson's correlation of complete pairs; `None` with fewer than three or no variation.
fn correlation(pairs: &[(f64, f64)]) -> Option<f64> {
    let n = pairs.len() as f64;
    if pairs.len() < 3 {
        return None;
    }
    let (mx, my) = pairs.iter().fold((0.0, 0.0), |(sx, sy), (x, y)| (sx + x / n, sy + y / n));
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (x, y) in pairs {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx) * (x - mx);
        syy += (y - my) * (y - my);
    }
    let r = sxy / (sxx * syy).sqrt();
    r.is_finite().then_some(r)
}

/// The rows where every column is present, as one vector per column (R's `na.omit`).
fn complete_rows(columns: &[&[Option<f64>]]) -> Vec<Vec<f64>> {
    let units = columns.first().map_or(0, |c| c.len());
    let keep: Vec<usize> = (0..units).filter(|u| columns.iter().all(|c| c[*u].is_some())).collect();
    columns.iter().map(|c| keep.iter().map(|u| c[*u].unwrap_or_default()).collect()).collect()
}

pub(crate) fn sample_variance(x: &[f64]) -> f64 {
    let n = x.len() as f64;
    let mean = x.iter().sum::<f64>() / n;
    x.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / (n - 1.0)
}

/// Cronbach's alpha of a group of columns over the complete rows:
/// k/(k − 1)·(1 − Σ var(xᵢ)/var(Σ xᵢ)), sample variances. `None` for fewer than two columns or
/// two complete rows.
pub fn cronbach_alpha(columns: &[&[Option<f64>]]) -> Option<f64> {
    let k = columns.len() as f64;
    let rows = complete_rows(columns);
    if columns.len() < 2 || rows[0].len() < 2 {
        return None;
    }
    let totals: Vec<f64> = (0..rows[0].len()).map(|u| rows.iter().map(|c| c[u]).sum()).collect();
    let items: f64 = rows.iter().map(|c| sample_variance(c)).sum();
    let alpha = k / (k - 1.0) * (1.0 - items / sample_variance(&totals));
    alpha.is_finite().then_some(alpha)
}

/// The first principal component of standardised columns over the complete rows, as R's
/// `prcomp(center = TRUE, scale = TRUE)`: its loadings (the leading eigenvector of the correlation
/// matrix, signed so that the loadings sum to a positive number, since a component's sign is
/// arbitrary) and the share of the total variance it explains. `None` with fewer than three
/// complete rows or a constant column.
pub fn first_component(columns: &[&[Option<f64>]]) -> Option<(Vec<f64>, f64)> {
    let k = columns.len();
    let rows = complete_rows(columns);
    if k == 0 || rows[0].len() < 3 {
        return None;
    }
    if k == 1 {
        return Some((vec![1.0], 1.0));
    }
    let mut r = nalgebra::DMatrix::<f64>::identity(k, k);
    for i in 0..k {
        for j in 0..i {
            let pairs: Vec<(f64, f64)> = rows[i].iter().copied().zip(rows[j].iter().copied()).collect();
            let c = correlation(&pairs)?;
            r[(i, j)] = c;
            r[(j, i)] = c;
        }
    }
    let eigen = nalgebra::SymmetricEigen::new(r);
    let (top, _) = eigen.eigenvalues.iter().enumerate().max_by(|a, b| a.1.total_cmp(b.1))?;
    let mut loadings: Vec<f64> = eigen.eigenvectors.column(top).iter().copied().collect();
    if loadings.iter().sum::<f64>() < 0.0 {
        loadings.iter_mut().for_each(|l| *l = -*l);
    }
    Some((loadings, eigen.eigenvalues[top] / k as f64))
}

#[cfg(test)]
mod tests {
    // The documented per-unit means, which the pipeline's column-wise aggregation must equal.
    /// The weighted arithmetic mean of the children present, weights renormalised over them, as
    /// COINr's `a_amean`; missing when no child is present.
    fn arithmetic_mean(values: &[Option<f64>], weights: &[f64]) -> Option<f64> {
        let (mut sum, mut total) = (0.0, 0.0);
        for (v, w) in values.iter().zip(weights) {
            if let Some(v) = v {
                sum += v * w;
                total += w;
            }
        }
        (total > 0.0).then(|| sum / total)
    }

    /// The weighted geometric mean of the children present, as COINr's `a_gmean`:
    /// exp(Σ wᵢ·ln xᵢ / Σ wᵢ). `None` when a value is zero or negative (COINr stops there) or when
    /// no child is present.
    fn geometric_mean(values: &[Option<f64>], weights: &[f64]) -> Option<f64> {
        let (mut sum, mut total) = (0.0, 0.0);
        for (v, w) in values.iter().zip(weights) {
            if let Some(v) = v {
                if *v <= 0.0 {
                    return None;
                }
                sum += w * v.ln();
                total += w;
            }
        }
        (total > 0.0).then(|| (sum / total).exp())
    }

    /// The weighted harmonic mean of the children present, as COINr's `a_hmean`:
    /// Σ wᵢ / Σ (wᵢ/xᵢ). `None` when a value is zero or negative or no child is present.
    fn harmonic_mean(values: &[Option<f64>], weights: &[f64]) -> Option<f64> {
        let (mut sum, mut total) = (0.0, 0.0);
        for (v, w) in values.iter().zip(weights) {
            if let Some(v) = v {
                if *v <= 0.0 {
                    return None;
                }
                sum += w / v;
                total += w;
            }
        }
        (total > 0.0).then(|| total / sum)
    }

    use proptest::prelude::*;

    use super::*;

    proptest! {
        #[test]
        fn normalised_values_stay_in_bounds_and_follow_direction(
            x in proptest::collection::vec(proptest::option::weighted(0.9, -1e6f64..1e6), 2..60),
        ) {
            for direction in [1.0, -1.0] {
                let y = minmax(&x, direction, 0.0, 100.0);
                for (a, b) in x.iter().zip(&y) {
                    prop_assert_eq!(a.is_some() && y.iter().flatten().count() > 0, b.is_some());
                    if let Some(b) = b {
                        prop_assert!((-1e-9..=100.0 + 1e-9).contains(b));
                    }
                }
                // Monotone in the direction: a larger raw value never scores lower (or higher).
                for (i, a) in x.iter().enumerate() {
                    for (j, b) in x.iter().enumerate() {
                        if let (Some(a), Some(b), Some(ya), Some(yb)) = (a, b, y[i], y[j])
                            && a < b
                        {
                            let ordered = if direction > 0.0 { ya <= yb } else { ya >= yb };
                            prop_assert!(ordered, "{} < {} but scores {} and {}", a, b, ya, yb);
                        }
                    }
                }
            }
        }

        #[test]
        fn means_of_equal_values_weights_scaling_and_their_order(
            values in proptest::collection::vec(0.1f64..1e3, 1..12),
            weights in proptest::collection::vec(0.1f64..10.0, 12),
            equal in 0.1f64..1e3,
            factor in 0.1f64..100.0,
        ) {
            let x: Vec<Option<f64>> = values.iter().map(|v| Some(*v)).collect();
            let w = &weights[..x.len()];
            let same = vec![Some(equal); x.len()];
            for mean in [arithmetic_mean, geometric_mean, harmonic_mean] {
                prop_assert!((mean(&same, w).unwrap() - equal).abs() <= 1e-9 * equal);
                let scaled: Vec<f64> = w.iter().map(|w| w * factor).collect();
                let (a, b) = (mean(&x, w).unwrap(), mean(&x, &scaled).unwrap());
                prop_assert!((a - b).abs() <= 1e-9 * a.abs().max(1.0), "weights only matter relative to each other");
            }
            let (a, g, h) = (arithmetic_mean(&x, w).unwrap(), geometric_mean(&x, w).unwrap(), harmonic_mean(&x, w).unwrap());
            prop_assert!(h <= g * (1.0 + 1e-12) && g <= a * (1.0 + 1e-12), "harmonic ≤ geometric ≤ arithmetic");
        }
    }

    /// COINr's `winsorise` as written: recompute everything each step.
    fn winsorise_reference(
        column: &[Option<f64>],
        winmax: usize,
        s: f64,
        k: f64,
    ) -> (Vec<Option<f64>>, usize) {
        let mut x = column.to_vec();
        let mut steps = 0;
        while steps < winmax && !passes(&x, s, k) {
            let values = present(&x);
            let high = skew(&values) > 0.0;
            let extreme = if high {
                values.iter().copied().fold(f64::NEG_INFINITY, f64::max)
            } else {
                values.iter().copied().fold(f64::INFINITY, f64::min)
            };
            let others = values.iter().copied().filter(|v| *v != extreme);
            let next = if high {
                others.fold(f64::NEG_INFINITY, f64::max)
            } else {
                others.fold(f64::INFINITY, f64::min)
            };
            if !next.is_finite() {
                break;
            }
            x.iter_mut().flatten().filter(|v| **v == extreme).for_each(|v| *v = next);
            steps += 1;
        }
        (x, steps)
    }

    proptest! {
        #[test]
        fn one_pass_winsorisation_equals_the_step_by_step_definition(
            base in proptest::collection::vec(proptest::option::weighted(0.9, 0.0f64..100.0), 8..80),
            outliers in proptest::collection::vec(prop_oneof![1e3f64..1e5, -1e5f64..-1e3], 0..6),
            winmax in 0usize..8,
        ) {
            let mut x = base;
            x.extend(outliers.into_iter().map(Some));
            prop_assert_eq!(winsorise(&x, winmax, 2.0, 3.5), winsorise_reference(&x, winmax, 2.0, 3.5));
        }
    }

    #[test]
    fn ties_share_the_lowest_rank() {
        assert_eq!(
            ranks(&[Some(3.0), Some(5.0), Some(3.0), None, Some(1.0)]),
            vec![Some(2), Some(1), Some(2), None, Some(4)]
        );
    }

    #[test]
    fn minmax_respects_direction_and_bounds() {
        let x = [Some(1.0), Some(3.0), None, Some(5.0)];
        assert_eq!(minmax(&x, 1.0, 0.0, 100.0), vec![Some(0.0), Some(50.0), None, Some(100.0)]);
        assert_eq!(minmax(&x, -1.0, 0.0, 100.0), vec![Some(100.0), Some(50.0), None, Some(0.0)]);
        assert_eq!(minmax(&[Some(2.0), Some(2.0)], 1.0, 0.0, 100.0), vec![None, None]);
    }

    #[test]
    fn other_normalisations_follow_coinrs_definitions() {
        let x = [Some(2.0), Some(4.0), Some(4.0), None, Some(10.0)];
        // R: rank(c(2, 4, 4, 10), ties.method = "min") → 1 2 2 4
        assert_eq!(rank_scores(&x, 1.0), vec![Some(1.0), Some(2.0), Some(2.0), None, Some(4.0)]);
        assert_eq!(rank_scores(&x, -1.0), vec![Some(4.0), Some(2.0), Some(2.0), None, Some(1.0)]);
        assert_eq!(
            percentile_ranks(&x, 1.0),
            vec![Some(0.0), Some(1.0 / 3.0), Some(1.0 / 3.0), None, Some(1.0)]
        );
        assert_eq!(distance_to_max(&x, 1.0), vec![Some(0.0), Some(0.25), Some(0.25), None, Some(1.0)]);
        // mean 5, sd √12 (n − 1): (2 − 5)/√12·2 + 10
        let z = zscore(&x, 1.0, 10.0, 2.0);
        assert!((z[0].unwrap() - (10.0 - 6.0 / 12f64.sqrt())).abs() < 1e-12);
        let mean: f64 = z.iter().flatten().sum::<f64>() / 4.0;
        assert!((mean - 10.0).abs() < 1e-12);
        // Goalposts 0 and 8, scale 100: 10 is beyond the upper post and truncated.
        assert_eq!(
            goalposts(&x, 1.0, 0.0, 8.0, 100.0, true),
            vec![Some(25.0), Some(50.0), Some(50.0), None, Some(100.0)]
        );
        assert_eq!(goalposts(&[Some(2.0)], -1.0, 0.0, 8.0, 100.0, true), vec![Some(75.0)]);
    }

    #[test]
    fn means_renormalise_weights_over_the_children_present() {
        assert_eq!(arithmetic_mean(&[Some(10.0), None, Some(40.0)], &[1.0, 1.0, 2.0]), Some(30.0));
        assert_eq!(arithmetic_mean(&[None, None], &[1.0, 1.0]), None);
        assert!((geometric_mean(&[Some(2.0), Some(8.0)], &[1.0, 1.0]).unwrap() - 4.0).abs() < 1e-12);
        assert!((harmonic_mean(&[Some(2.0), Some(6.0)], &[1.0, 1.0]).unwrap() - 3.0).abs() < 1e-12);
        assert_eq!(geometric_mean(&[Some(0.0), Some(8.0)], &[1.0, 1.0]), None, "COINr stops on zero");
    }
}
