//! How long drawing a published chart as PNG takes (what the platform does on a chart's first
//! request): a twelve-bar chart with long labels, drawn at twice its size. Run with
//! `cargo bench -p smartcities-publish --bench chart_png`.

// Each bench target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use smartcities_publish::{charts, raster};

fn main() {
    divan::main();
}

fn chart() -> String {
    let bars: Vec<charts::Bar> = (0..12)
        .map(|i| charts::Bar {
            label: format!("Categoría número {i} · Barrera"),
            count: 12,
            share: Some(0.05 * f64::from(i)),
            interval: Some((0.01, 0.6)),
            value: "60 %".into(),
        })
        .collect();
    charts::bars(
        "Barreras y facilitadores",
        &bars,
        &smartcities_publish::names::legend(smartcities_domain::Lang::Es),
    )
}

#[divan::bench(sample_count = 30)]
fn twelve_bars(bencher: divan::Bencher) {
    let svg = chart();
    let bytes = raster::png(&svg).map(|p| p.len()).unwrap_or(0);
    eprintln!("{bytes} bytes");
    bencher.bench(|| raster::png(divan::black_box(&svg)));
}
