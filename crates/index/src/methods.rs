//! The methods, each on one indicator's column (`None` = missing), with COINr's definitions.

/// Sample skewness, bias-corrected as COINr's `skew()` (and spreadsheet `SKEW`):
/// G₁ = g₁·√(n(n−1))/(n−2), with g₁ = m₃/m₂^{3/2} from the central moments mₖ = Σ(x−x̄)ᵏ/n.
pub fn skew(values: &[f64]) -> f64 {
    let n = values.len() as f64;
    let (m2, m3, _) = moments(values);
    m3 / m2.powf(1.5) * (n * (n - 1.0)).sqrt() / (n - 2.0)
}

/// Sample excess kurtosis, bias-corrected as COINr's `kurt()` (and spreadsheet `KURT`):
/// G₂ = ((n+1)·g₂ + 6)·(n−1)/((n−2)(n−3)), with g₂ = m₄/m₂² − 3.
pub fn kurt(values: &[f64]) -> f64 {
    let n = values.len() as f64;
    let (m2, _, m4) = moments(values);
    let g2 = m4 / (m2 * m2) - 3.0;
    ((n + 1.0) * g2 + 6.0) * (n - 1.0) / ((n - 2.0) * (n - 3.0))
}

fn moments(values: &[f64]) -> (f64, f64, f64) {
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let (mut m2, mut m3, mut m4) = (0.0, 0.0, 0.0);
    for v in values {
        let d = v - mean;
        m2 += d * d;
        m3 += d * d * d;
        m4 += d * d * d * d;
    }
    (m2 / n, m3 / n, m4 / n)
}

fn present(column: &[Option<f64>]) -> Vec<f64> {
    column.iter().flatten().copied().collect()
}

/// Whether a column passes COINr's outlier check: it fails when |skew| > `skew_max` **and**
/// kurtosis > `kurt_max`.
pub fn passes(column: &[Option<f64>], skew_max: f64, kurt_max: f64) -> bool {
    let values = present(column);
    values.len() < 4 || !(skew(&values).abs() > skew_max && kurt(&values) > kurt_max)
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
    let mut x = column.to_vec();
    let mut steps = 0;
    while steps < winmax && !passes(&x, skew_max, kurt_max) {
        let values = present(&x);
        let positive = skew(&values) > 0.0;
        let extreme = if positive {
            values.iter().copied().fold(f64::NEG_INFINITY, f64::max)
        } else {
            values.iter().copied().fold(f64::INFINITY, f64::min)
        };
        let others = values.iter().copied().filter(|v| *v != extreme);
        let next = if positive {
            others.fold(f64::NEG_INFINITY, f64::max)
        } else {
            others.fold(f64::INFINITY, f64::min)
        };
        if !next.is_finite() {
            break; // every value equal: nothing to Winsorise
        }
        for v in x.iter_mut().flatten() {
            if *v == extreme {
                *v = next;
            }
        }
        steps += 1;
    }
    (x, steps)
}

/// Min-max normalisation to [`low`, `high`] after multiplying by the direction (±1), as COINr's
/// `n_minmax`: (x − min)/(max − min)·(high − low) + low. A constant column has no range and
/// gives missing values.
pub fn minmax(column: &[Option<f64>], direction: f64, low: f64, high: f64) -> Vec<Option<f64>> {
    let x: Vec<Option<f64>> = column.iter().map(|v| v.map(|v| v * direction)).collect();
    let values = present(&x);
    let min = values.iter().copied().fold(f64::INFINITY, f64::min);
    let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let range = max - min;
    x.iter().map(|v| v.and_then(|v| (range > 0.0).then(|| (v - min) / range * (high - low) + low))).collect()
}

/// The weighted arithmetic mean of the children present, weights renormalised over them, as
/// COINr's `a_amean`; missing when no child is present.
pub fn arithmetic_mean(values: &[Option<f64>], weights: &[f64]) -> Option<f64> {
    let (mut sum, mut total) = (0.0, 0.0);
    for (v, w) in values.iter().zip(weights) {
        if let Some(v) = v {
            sum += v * w;
            total += w;
        }
    }
    (total > 0.0).then(|| sum / total)
}

/// Ranks, highest value first, ties sharing the lowest rank (R's `rank(-x, ties = "min")`);
/// missing values have no rank.
pub fn ranks(column: &[Option<f64>]) -> Vec<Option<usize>> {
    // One sort, descending; each value's rank is 1 + how many are strictly greater.
    let mut sorted: Vec<f64> = column.iter().flatten().copied().collect();
    sorted.sort_by(|a, b| b.total_cmp(a));
    column.iter().map(|v| v.map(|v| 1 + sorted.partition_point(|o| *o > v))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn means_renormalise_weights_over_the_children_present() {
        assert_eq!(arithmetic_mean(&[Some(10.0), None, Some(40.0)], &[1.0, 1.0, 2.0]), Some(30.0));
        assert_eq!(arithmetic_mean(&[None, None], &[1.0, 1.0]), None);
    }
}
