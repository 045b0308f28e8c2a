//! The edition-wide charts and tables of a publication: barriers and enablers, the SDG matrix
//! and the map of participating cities.

use super::*;

impl Builder<'_> {
    /// Barriers and enablers as one chart, the most cited first.
    pub(super) fn barriers_chart(&self) -> Option<Figure> {
        let (lang, names) = (self.lang, &self.names);
        let be = &self.snapshot.results.barriers_enablers;
        let bar_rows: Vec<Bar> = be
            .overall
            .iter()
            .take(12)
            .map(|c| Bar {
                label: format!(
                    "{} · {}",
                    names.category(&c.category),
                    t(lang, &format!("workshop-kind-{}", c.kind))
                ),
                count: c.cities,
                share: c.share,
                interval: c.low.zip(c.high),
                value: share_text(lang, c.share),
            })
            .collect();
        (!bar_rows.is_empty()).then(|| {
            let title = t(lang, "pub-barriers-chart");
            Figure::bars(lang, "barriers-enablers".into(), title.clone(), title, &bar_rows)
        })
    }

    /// Axes × SDGs as a heat map: how often each axis is linked to each goal.
    pub(super) fn sdg_chart(&self, axes: &[AxisView]) -> Option<Figure> {
        let lang = self.lang;
        let matrix = &self.snapshot.results.sdg_matrix;
        let heat_rows: Vec<(String, [usize; 17])> = axes
            .iter()
            .map(|a| {
                let mut cells = [0; 17];
                for c in matrix.cells.iter().filter(|c| c.axis == a.code && (1..=17).contains(&c.goal)) {
                    cells[c.goal as usize - 1] += c.total();
                }
                (a.name.clone(), cells)
            })
            .filter(|(_, cells)| cells.iter().any(|c| *c > 0))
            .collect();
        (!heat_rows.is_empty()).then(|| {
            let title = t(lang, "pub-sdg-chart");
            let mut columns = vec!["axis".to_string()];
            columns.extend((1..=17).map(|g| format!("sdg_{g}")));
            let rows = heat_rows
                .iter()
                .map(|(axis, cells)| {
                    std::iter::once(axis.clone()).chain(cells.iter().map(usize::to_string)).collect()
                })
                .collect();
            Figure {
                name: "sdg-matrix".into(),
                alt: title.clone(),
                svg: charts::heatmap(&title, &heat_rows),
                data: Table { caption: title, columns, rows },
            }
        })
    }

    /// The cities linking a practice to each SDG.
    pub(super) fn sdg_table(&self) -> Table {
        let lang = self.lang;
        Table {
            caption: t(lang, "results-linking"),
            columns: vec![
                t(lang, "pub-sdg"),
                t(lang, "pub-cities"),
                t(lang, "pub-share"),
                t(lang, "pub-interval"),
            ],
            rows: self
                .snapshot
                .results
                .sdg_matrix
                .cities_linking
                .iter()
                .filter(|s| s.cities > 0)
                .map(|s| {
                    vec![
                        format!("{} · {}", s.goal, t(lang, &format!("sdg-{}", s.goal))),
                        s.cities.to_string(),
                        share_text(lang, s.share),
                        interval_text(lang, s.low, s.high),
                    ]
                })
                .collect(),
        }
    }

    /// The participating cities on the map of the world.
    pub(super) fn map(&self, answering: &[&City], participation: &str) -> Figure {
        let lang = self.lang;
        let markers: Vec<map::Marker> = answering
            .iter()
            .map(|c| map::Marker {
                id: c.id.as_str(),
                name: c.name_in(lang),
                longitude: c.location.longitude,
                latitude: c.location.latitude,
            })
            .collect();
        let countries: std::collections::HashSet<&str> =
            answering.iter().map(|c| c.country.as_str()).collect();
        let map_title = t(lang, "pub-map-title");
        Figure {
            name: "map".into(),
            alt: participation.to_string(),
            svg: map::render(&map_title, participation, &markers, &countries),
            data: Table {
                caption: map_title.clone(),
                columns: ["city_id", "city", "latitude", "longitude"].map(String::from).to_vec(),
                rows: markers
                    .iter()
                    .map(|m| {
                        vec![
                            m.id.to_string(),
                            m.name.to_string(),
                            m.latitude.to_string(),
                            m.longitude.to_string(),
                        ]
                    })
                    .collect(),
            },
        }
    }
}
