//! Charts as SVG, drawn once and used alike in the web pages, the static site and the PDFs.
//! Colours are presentation attributes (pages may restyle them through the classes), every
//! chart has a title for assistive technology, and every chart sits beside a table with the
//! same figures.

use std::fmt::Write;

/// The palette: dark enough on white for WCAG AA (4.5:1 for text).
pub const INK: &str = "#1f3a8a";
/// Bars and filled shapes.
pub const BAR: &str = "#2563eb";
/// Interval whiskers.
pub const WHISKER: &str = "#111827";
/// Secondary text and grid lines.
pub const MUTED: &str = "#6b7280";
/// Land on maps.
pub const LAND: &str = "#e5e7eb";
/// Land of countries with a city of the study.
pub const LAND_MEMBER: &str = "#bfdbfe";
/// The font charts use (embedded in the PDFs; a fallback on web pages).
pub const FONT: &str = "Noto Sans, Helvetica, Arial, sans-serif";

/// Text made safe inside SVG and HTML.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn open(class: &str, width: f64, height: f64, title: &str) -> String {
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="{class}" role="img" viewBox="0 0 {width:.0} {height:.0}" width="100%" font-family="{FONT}" font-size="13"><title>{}</title>"#,
        escape(title)
    )
}

/// One bar: a share of the cities (0–1) with its interval, or only a count where the cell is
/// too small to show a share.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// What the bar stands for.
    pub label: String,
    /// Cities counted.
    pub count: usize,
    /// Their share, if the cell is large enough.
    pub share: Option<f64>,
    /// The share's 95 % interval.
    pub interval: Option<(f64, f64)>,
    /// The value written at the bar's end (`42 %`, `42,0 %`).
    pub value: String,
}

/// What a bar chart's marks stand for, written under the bars in the reader's language, so a
/// chart handed on alone (SVG, PNG, a slide) still says what its bars and whiskers are.
#[derive(Debug, Clone, PartialEq)]
pub struct Legend {
    /// What a bar's length is ("Share of the answering cities").
    pub share: String,
    /// What a whisker is ("95 % interval").
    pub interval: String,
}

/// The legend's height under the bars.
const LEGEND_HEIGHT: f64 = 26.0;

/// Labels longer than this go on their own line above the bar, in full.
const SHORT_LABEL: usize = 30;

/// Horizontal bars of shares with their 95 % intervals as whiskers; small cells show their
/// count only. Short labels sit left of the bars; long ones (questions) above them. The legend
/// is drawn under the bars when some bar has a whisker to explain.
pub fn bars(title: &str, rows: &[Bar], legend: &Legend) -> String {
    let above = rows.iter().any(|r| r.label.chars().count() > SHORT_LABEL);
    let (label_width, bar_width, row_height, bar_top) =
        if above { (0.0, 520.0, 42.0, 18.0) } else { (230.0, 330.0, 28.0, 4.0) };
    let with_legend = rows.iter().any(|r| r.share.is_some() && r.interval.is_some());
    let bars_height = row_height * rows.len() as f64 + 10.0;
    let height = bars_height + if with_legend { LEGEND_HEIGHT } else { 0.0 };
    let mut svg = open("chart bars", label_width + bar_width + 80.0, height, title);
    for (i, row) in rows.iter().enumerate() {
        let y = i as f64 * row_height + 5.0;
        let bar_height = if above { 18.0 } else { row_height - 8.0 };
        let mid = y + bar_top + bar_height / 2.0;
        if above {
            let mut label: String = row.label.chars().take(90).collect();
            if row.label.chars().count() > 90 {
                label.push('…');
            }
            let _ = write!(
                svg,
                r#"<text x="0" y="{}" fill="{INK}" class="label">{}</text>"#,
                y + 12.0,
                escape(&label)
            );
        } else {
            let _ = write!(
                svg,
                r#"<text x="{}" y="{}" text-anchor="end" fill="{INK}" class="label">{}</text>"#,
                label_width - 8.0,
                mid + 4.0,
                escape(&row.label)
            );
        }
        match row.share {
            Some(share) => {
                let _ = write!(
                    svg,
                    r#"<rect x="{label_width}" y="{}" width="{:.1}" height="{bar_height}" fill="{BAR}" class="bar"/>"#,
                    y + bar_top,
                    share.clamp(0.0, 1.0) * bar_width,
                );
                if let Some((low, high)) = row.interval {
                    let (x1, x2) = (label_width + low * bar_width, label_width + high * bar_width);
                    let _ = write!(
                        svg,
                        r#"<g stroke="{WHISKER}" stroke-width="1.5" class="ci"><line x1="{x1:.1}" x2="{x2:.1}" y1="{mid}" y2="{mid}"/><line x1="{x1:.1}" x2="{x1:.1}" y1="{}" y2="{}"/><line x1="{x2:.1}" x2="{x2:.1}" y1="{}" y2="{}"/></g>"#,
                        mid - 5.0,
                        mid + 5.0,
                        mid - 5.0,
                        mid + 5.0
                    );
                }
                let _ = write!(
                    svg,
                    r#"<text x="{}" y="{}" fill="{INK}" class="value">{}</text>"#,
                    label_width + bar_width + 8.0,
                    mid + 4.0,
                    escape(&row.value)
                );
            }
            None => {
                let _ = write!(
                    svg,
                    r#"<text x="{}" y="{}" fill="{MUTED}" class="value">n = {}</text>"#,
                    label_width + 4.0,
                    mid + 4.0,
                    row.count
                );
            }
        }
    }
    if with_legend {
        // Under the bars, or further left when its words need the room.
        let width = label_width + bar_width + 80.0;
        let x = label_width.min(width - legend_width(legend)).max(0.0);
        draw_legend(&mut svg, x, bars_height + 14.0, legend);
    }
    svg.push_str("</svg>");
    svg
}

/// About how wide 12 px text is, per character.
const LEGEND_CHAR: f64 = 6.5;

/// The legend's width: swatch, words, whisker, words.
fn legend_width(legend: &Legend) -> f64 {
    20.0 + legend.share.chars().count() as f64 * LEGEND_CHAR
        + 24.0
        + 24.0
        + legend.interval.chars().count() as f64 * LEGEND_CHAR
}

/// A bar swatch and a whisker, each with its meaning, on one line from `x`.
fn draw_legend(svg: &mut String, x: f64, mid: f64, legend: &Legend) {
    let _ = write!(
        svg,
        r#"<g class="legend" font-size="12"><rect x="{x}" y="{}" width="14" height="10" fill="{BAR}"/><text x="{}" y="{}" fill="{INK}">{}</text>"#,
        mid - 5.0,
        x + 20.0,
        mid + 4.0,
        escape(&legend.share)
    );
    // The whisker's sample starts after the first item's words.
    let x2 = x + 20.0 + legend.share.chars().count() as f64 * LEGEND_CHAR + 24.0;
    let _ = write!(
        svg,
        r#"<g stroke="{WHISKER}" stroke-width="1.5"><line x1="{x2:.1}" x2="{:.1}" y1="{mid}" y2="{mid}"/><line x1="{x2:.1}" x2="{x2:.1}" y1="{}" y2="{}"/><line x1="{:.1}" x2="{:.1}" y1="{}" y2="{}"/></g><text x="{:.1}" y="{}" fill="{INK}">{}</text></g>"#,
        x2 + 18.0,
        mid - 5.0,
        mid + 5.0,
        x2 + 18.0,
        x2 + 18.0,
        mid - 5.0,
        mid + 5.0,
        x2 + 24.0,
        mid + 4.0,
        escape(&legend.interval)
    );
}

/// A distribution as a box plot: minimum, quartiles, median and maximum on one scale, with
/// the figures written under it.
pub fn distribution(
    title: &str,
    min: f64,
    q1: f64,
    median: f64,
    q3: f64,
    max: f64,
    labels: [&str; 5],
) -> String {
    let (left, width) = (20.0, 560.0);
    let span = if max > min { max - min } else { 1.0 };
    let x = |v: f64| left + (v - min) / span * width;
    let mut svg = open("chart distribution", 600.0, 90.0, title);
    let _ = write!(
        svg,
        r#"<g stroke="{WHISKER}" stroke-width="1.5"><line x1="{:.1}" x2="{:.1}" y1="30" y2="30"/><line x1="{:.1}" x2="{:.1}" y1="20" y2="40"/><line x1="{:.1}" x2="{:.1}" y1="20" y2="40"/></g><rect x="{:.1}" y="15" width="{:.1}" height="30" fill="{BAR}" fill-opacity="0.35" stroke="{BAR}"/><line x1="{:.1}" x2="{:.1}" y1="15" y2="45" stroke="{INK}" stroke-width="3"/>"#,
        x(min),
        x(max),
        x(min),
        x(min),
        x(max),
        x(max),
        x(q1),
        (x(q3) - x(q1)).max(1.0),
        x(median),
        x(median)
    );
    for (value, label) in [min, q1, median, q3, max].iter().zip(labels) {
        let _ = write!(
            svg,
            r#"<text x="{:.1}" y="70" text-anchor="middle" fill="{INK}" font-size="11">{}</text>"#,
            x(*value),
            escape(label)
        );
    }
    svg.push_str("</svg>");
    svg
}

/// A radar of levels 0–100 per axis, with rings every 25.
pub fn radar(title: &str, levels: &[(String, Option<f64>)]) -> String {
    let (cx, cy, r) = (210.0_f64, 170.0_f64, 120.0_f64);
    let n = levels.len().max(3) as f64;
    let point = |i: usize, level: f64| {
        let angle = -std::f64::consts::FRAC_PI_2 + 2.0 * std::f64::consts::PI * i as f64 / n;
        (cx + r * level / 100.0 * angle.cos(), cy + r * level / 100.0 * angle.sin())
    };
    let mut svg = open("radar", 420.0, 340.0, title);
    for ring in [25.0, 50.0, 75.0, 100.0] {
        let points: Vec<String> = (0..levels.len())
            .map(|i| {
                let (x, y) = point(i, ring);
                format!("{x:.1},{y:.1}")
            })
            .collect();
        let _ = write!(
            svg,
            r#"<polygon points="{}" fill="none" stroke="{LAND}" class="ring"/>"#,
            points.join(" ")
        );
    }
    for (i, (label, _)) in levels.iter().enumerate() {
        let (x, y) = point(i, 100.0);
        let (lx, ly) = point(i, 118.0);
        let anchor = if (lx - cx).abs() < 5.0 {
            "middle"
        } else if lx > cx {
            "start"
        } else {
            "end"
        };
        let short: String = label.chars().take(28).collect();
        let _ = write!(
            svg,
            r#"<line x1="{cx}" y1="{cy}" x2="{x:.1}" y2="{y:.1}" stroke="{LAND}" class="spoke"/><text x="{lx:.1}" y="{:.1}" text-anchor="{anchor}" fill="{INK}" class="label">{}</text>"#,
            ly + 4.0,
            escape(&short)
        );
    }
    let points: Vec<String> = levels
        .iter()
        .enumerate()
        .map(|(i, (_, level))| {
            let (x, y) = point(i, level.unwrap_or(0.0));
            format!("{x:.1},{y:.1}")
        })
        .collect();
    let _ = write!(
        svg,
        r#"<polygon points="{}" fill="{BAR}" fill-opacity="0.3" stroke="{BAR}" stroke-width="2" class="level"/></svg>"#,
        points.join(" ")
    );
    svg
}

/// A score (0–100) with its interval as a small inline SVG: the interval as a line, the score
/// as a dot.
pub fn whisker(score: Option<f64>, low: Option<f64>, high: Option<f64>) -> String {
    let x = |v: f64| 4.0 + v.clamp(0.0, 100.0) * 1.12;
    let mut svg = format!(
        r#"<svg class="whisker" viewBox="0 0 120 14" width="120" height="14" role="img" aria-hidden="true"><line class="axis" stroke="{LAND}" x1="4" y1="7" x2="116" y2="7"/>"#
    );
    if let (Some(low), Some(high)) = (low, high) {
        let _ = write!(
            svg,
            r#"<line class="range" stroke="{BAR}" stroke-width="3" x1="{:.1}" y1="7" x2="{:.1}" y2="7"/>"#,
            x(low),
            x(high)
        );
    }
    if let Some(score) = score {
        let _ = write!(svg, r#"<circle fill="{INK}" cx="{:.1}" cy="7" r="3.5"/>"#, x(score));
    }
    svg.push_str("</svg>");
    svg
}

/// A heat map of counts: one row per label, one column per SDG (1–17), darker for more.
pub fn heatmap(title: &str, rows: &[(String, [usize; 17])]) -> String {
    let (label_width, cell, top) = (200.0, 26.0, 22.0);
    let width = label_width + 17.0 * cell + 10.0;
    let height = top + rows.len() as f64 * cell + 6.0;
    let most = rows.iter().flat_map(|(_, cells)| cells.iter()).copied().max().unwrap_or(0).max(1);
    let mut svg = open("chart heatmap", width, height, title);
    for goal in 1..=17 {
        let _ = write!(
            svg,
            r#"<text x="{:.1}" y="15" text-anchor="middle" fill="{INK}" font-size="11">{goal}</text>"#,
            label_width + (goal as f64 - 0.5) * cell
        );
    }
    for (r, (label, cells)) in rows.iter().enumerate() {
        let y = top + r as f64 * cell;
        let short: String = label.chars().take(30).collect();
        let _ = write!(
            svg,
            r#"<text x="{}" y="{:.1}" text-anchor="end" fill="{INK}" font-size="12">{}</text>"#,
            label_width - 6.0,
            y + cell / 2.0 + 4.0,
            escape(&short)
        );
        for (g, count) in cells.iter().enumerate() {
            let strength = *count as f64 / most as f64;
            let x = label_width + g as f64 * cell;
            let _ = write!(
                svg,
                r#"<rect x="{x:.1}" y="{y:.1}" width="{:.1}" height="{:.1}" fill="{BAR}" fill-opacity="{:.2}" stroke="white"/>"#,
                cell,
                cell,
                if *count == 0 { 0.04 } else { 0.15 + 0.85 * strength }
            );
            if *count > 0 {
                let fill = if strength > 0.55 { "white" } else { INK };
                let _ = write!(
                    svg,
                    r#"<text x="{:.1}" y="{:.1}" text-anchor="middle" fill="{fill}" font-size="11">{count}</text>"#,
                    x + cell / 2.0,
                    y + cell / 2.0 + 3.5
                );
            }
        }
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_draw_shares_with_whiskers_and_counts_for_small_cells() {
        let rows = [
            Bar {
                label: "Yes".into(),
                count: 30,
                share: Some(0.6),
                interval: Some((0.46, 0.73)),
                value: "60 %".into(),
            },
            Bar { label: "No <none>".into(), count: 3, share: None, interval: None, value: String::new() },
        ];
        let legend = Legend { share: "Share of cities".into(), interval: "95 % interval".into() };
        let svg = bars("Living lab", &rows, &legend);
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains("<title>Living lab</title>") && svg.contains("role=\"img\""));
        assert_eq!(svg.matches("class=\"bar\"").count(), 1);
        assert!(svg.contains("n = 3") && svg.contains("No &lt;none&gt;"));
        assert!(svg.contains("width=\"198.0\""), "60 % of 330");
        let long = [Bar {
            label: "Has the city used innovative public procurement in the last two years?".into(),
            ..rows[0].clone()
        }];
        let svg = bars("Procurement", &long, &legend);
        assert!(
            svg.contains(">Has the city used innovative public procurement in the last two years?</text>"),
            "long labels in full"
        );
        assert!(svg.contains("width=\"312.0\""), "60 % of 520, the full width");
    }

    #[test]
    fn a_legend_explains_bars_and_whiskers_when_there_are_whiskers() {
        let legend = Legend { share: "Part des villes".into(), interval: "intervalle à 95 %".into() };
        let with = [Bar {
            label: "Oui".into(),
            count: 30,
            share: Some(0.6),
            interval: Some((0.46, 0.73)),
            value: "60 %".into(),
        }];
        let svg = bars("Laboratoire", &with, &legend);
        assert_eq!(svg.matches("class=\"legend\"").count(), 1);
        assert!(svg.contains(">Part des villes</text>") && svg.contains(">intervalle à 95 %</text>"));
        assert!(svg.contains("viewBox=\"0 0 640 64\""), "the legend's line is inside the chart: {svg}");
        let counts_only =
            [Bar { label: "Oui".into(), count: 3, share: None, interval: None, value: String::new() }];
        let svg = bars("Laboratoire", &counts_only, &legend);
        assert!(!svg.contains("legend") && svg.contains("viewBox=\"0 0 640 38\""), "nothing to explain");
        // Long words move the legend left rather than past the chart's right edge.
        let long = Legend {
            share: "Porcentaje de las ciudades que responden".into(),
            interval: "Intervalo del 95 %".into(),
        };
        let svg = bars("Sí o no", &with, &long);
        let x: f64 = svg
            .split("<g class=\"legend\"")
            .nth(1)
            .unwrap()
            .split("x=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        assert!(x < 230.0 && x + legend_width(&long) <= 640.0, "legend from {x}");
    }

    #[test]
    fn a_heatmap_shades_by_count() {
        let mut cells = [0; 17];
        cells[10] = 4;
        cells[8] = 2;
        let svg = heatmap("SDGs", &[("Economy".into(), cells)]);
        assert_eq!(svg.matches("<rect").count(), 17);
        assert!(svg.contains("fill-opacity=\"1.00\""), "the most cited cell is the darkest");
        assert!(svg.contains(">4</text>") && svg.contains(">2</text>"));
    }

    #[test]
    fn a_distribution_places_its_five_numbers_in_order() {
        let svg = distribution("km", 0.0, 10.0, 20.0, 30.0, 100.0, ["0", "10", "20", "30", "100"]);
        let positions: Vec<f64> = svg
            .match_indices("text x=\"")
            .map(|(i, m)| svg[i + m.len()..].split('"').next().unwrap().parse().unwrap())
            .collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
    }
}
