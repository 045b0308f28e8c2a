//! The statistics the study reports, each with its textbook definition.

/// The z value of a two-sided 95 % interval.
pub const Z95: f64 = 1.959_963_984_540_054;

/// Wilson's score interval for a proportion of `successes` out of `n` (Wilson 1927; recommended
/// by Newcombe 1998 over the Wald interval because it stays inside [0, 1] and behaves at 0 and
/// n). With p = x/n: centre = (p + z²/2n) / (1 + z²/n), half-width =
/// z·√(p(1−p)/n + z²/4n²) / (1 + z²/n). `None` when n = 0.
pub fn wilson(successes: usize, n: usize, z: f64) -> Option<(f64, f64)> {
    if n == 0 || successes > n {
        return None;
    }
    let (x, n) = (successes as f64, n as f64);
    let p = x / n;
    let z2 = z * z;
    let denominator = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denominator;
    let half = z * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt() / denominator;
    // At p = 0 or 1 the bound is exactly 0 or 1; rounding must not move it outside.
    let low = if successes == 0 { 0.0 } else { (centre - half).max(0.0) };
    let high = if successes as f64 == n { 1.0 } else { (centre + half).min(1.0) };
    Some((low, high))
}

/// The sample quantile of sorted data by Hyndman and Fan's definition 7 (the default of R's
/// `quantile()` and of spreadsheet `QUARTILE.INC`): h = (n − 1)·p, then linear interpolation
/// between the values at ⌊h⌋ and ⌈h⌉ (zero-based).
pub fn quantile_sorted(sorted: &[f64], p: f64) -> Option<f64> {
    if sorted.is_empty() || !(0.0..=1.0).contains(&p) {
        return None;
    }
    let h = (sorted.len() - 1) as f64 * p;
    let (below, above) = (h.floor() as usize, h.ceil() as usize);
    Some(sorted[below] + (h - below as f64) * (sorted[above] - sorted[below]))
}

/// Cohen's kappa for two raters who each put the same items into categories:
/// κ = (pₒ − pₑ) / (1 − pₑ), where pₒ is the observed agreement and pₑ the agreement expected
/// from each rater's own category frequencies (Cohen 1960). `None` without items, or when
/// chance agreement is already perfect (both raters always use one and the same category).
pub fn cohen_kappa<T: PartialEq>(first: &[T], second: &[T]) -> Option<f64> {
    if first.is_empty() || first.len() != second.len() {
        return None;
    }
    let n = first.len() as f64;
    let observed = first.iter().zip(second).filter(|(a, b)| a == b).count() as f64 / n;
    let mut categories: Vec<&T> = Vec::new();
    for c in first.iter().chain(second) {
        if !categories.contains(&c) {
            categories.push(c);
        }
    }
    let expected: f64 = categories
        .iter()
        .map(|c| {
            let a = first.iter().filter(|x| x == c).count() as f64 / n;
            let b = second.iter().filter(|x| x == c).count() as f64 / n;
            a * b
        })
        .sum();
    if (1.0 - expected).abs() < f64::EPSILON {
        return None;
    }
    Some((observed - expected) / (1.0 - expected))
}

/// Five-number summary and mean of some numbers.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Numbers {
    /// How many numbers.
    pub n: usize,
    /// The smallest.
    pub min: f64,
    /// The first quartile (R's type 7).
    pub q1: f64,
    /// The median.
    pub median: f64,
    /// The third quartile (R's type 7).
    pub q3: f64,
    /// The largest.
    pub max: f64,
    /// The mean.
    pub mean: f64,
}

impl Numbers {
    /// `None` for no values; values must be finite.
    pub fn of(values: &[f64]) -> Option<Numbers> {
        let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
        if sorted.is_empty() {
            return None;
        }
        sorted.sort_by(f64::total_cmp);
        let q = |p| quantile_sorted(&sorted, p).unwrap_or(f64::NAN);
        Some(Numbers {
            n: sorted.len(),
            min: sorted[0],
            q1: q(0.25),
            median: q(0.5),
            q3: q(0.75),
            max: sorted[sorted.len() - 1],
            mean: sorted.iter().sum::<f64>() / sorted.len() as f64,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tolerance: f64) -> bool {
        (a - b).abs() <= tolerance
    }

    #[test]
    fn wilson_matches_newcombes_worked_examples() {
        // Newcombe (1998), Statistics in Medicine 17:857–872, table I, method 3.
        for (x, n, low, high) in [
            (81, 263, 0.2553, 0.3662),
            (15, 148, 0.0624, 0.1605),
            (0, 20, 0.0, 0.1611),
            (1, 29, 0.0061, 0.1718),
        ] {
            let (l, h) = wilson(x, n, Z95).unwrap();
            assert!(close(l, low, 5e-5) && close(h, high, 5e-5), "{x}/{n}: ({l:.4}, {h:.4})");
        }
        assert_eq!(wilson(0, 0, Z95), None);
        assert_eq!(wilson(7, 7, Z95).unwrap().1, 1.0);
    }

    #[test]
    fn quartiles_match_r_type_7() {
        // R: quantile(c(1, 3, 4, 7, 9, 10, 15), type = 7) → 1, 3.5, 7, 9.5, 15
        let numbers = Numbers::of(&[7.0, 1.0, 9.0, 3.0, 15.0, 4.0, 10.0]).unwrap();
        assert_eq!(
            (numbers.min, numbers.q1, numbers.median, numbers.q3, numbers.max),
            (1.0, 3.5, 7.0, 9.5, 15.0)
        );
        // R: quantile(c(2, 4, 4, 5), type = 7) → 2, 3.5, 4, 4.25, 5
        let numbers = Numbers::of(&[2.0, 4.0, 4.0, 5.0]).unwrap();
        assert_eq!((numbers.q1, numbers.median, numbers.q3), (3.5, 4.0, 4.25));
        assert_eq!(Numbers::of(&[]), None);
    }

    #[test]
    fn kappa_matches_the_textbook_example() {
        // 50 items: both yes 20, A yes B no 5, A no B yes 10, both no 15 → pₒ = .70, pₑ = .50, κ = .40.
        let mut a = Vec::new();
        let mut b = Vec::new();
        for (x, y, count) in [(true, true, 20), (true, false, 5), (false, true, 10), (false, false, 15)] {
            for _ in 0..count {
                a.push(x);
                b.push(y);
            }
        }
        assert!(close(cohen_kappa(&a, &b).unwrap(), 0.4, 1e-12));
        assert_eq!(cohen_kappa(&[1, 1], &[1, 1]), None, "no chance disagreement to correct for");
        assert!(close(cohen_kappa(&[1, 2, 3], &[1, 2, 3]).unwrap(), 1.0, 1e-12));
    }
}
