//! The parts of a publication's view: findings per question, practices, axes, cities, scores.

use super::*;

impl Builder<'_> {
    pub(super) fn city_name(&self, id: &str) -> String {
        self.snapshot
            .cities
            .iter()
            .find(|c| c.id.as_str() == id)
            .map_or_else(|| id.to_string(), |c| c.name_in(self.lang).to_string())
    }

    /// "18 of 20 cities answered", with the non-answers left out of the 18 beside it.
    pub(super) fn answered(&self, summary: &Summary) -> String {
        let answered = translate(
            self.lang,
            "pub-answered-of",
            &[("answering", count(summary.answering)), ("invited", count(summary.invited))],
        );
        if summary.dont_know + summary.not_applicable == 0 {
            return answered;
        }
        let beside = translate(
            self.lang,
            "pub-non-answers",
            &[("dont_know", count(summary.dont_know)), ("not_applicable", count(summary.not_applicable))],
        );
        format!("{answered} ({beside})")
    }

    pub(super) fn option_table(&self, question: &str, options: &[Share]) -> Table {
        let lang = self.lang;
        Table {
            caption: String::new(),
            columns: vec![
                t(lang, "pub-option"),
                t(lang, "pub-cities"),
                t(lang, "pub-share"),
                t(lang, "pub-interval"),
            ],
            rows: options
                .iter()
                .map(|o| {
                    vec![
                        self.names.choice(question, &o.code),
                        o.count.to_string(),
                        share_text(lang, o.share),
                        interval_text(lang, o.low, o.high),
                    ]
                })
                .collect(),
        }
    }

    pub(super) fn cells(&self, summary: &Summary) -> Vec<String> {
        match &summary.detail {
            Detail::Shares { options } | Detail::Ordinal { levels: options, .. } => options
                .iter()
                .map(|o| match o.share {
                    Some(s) => format!("{} ({})", o.count, percent(self.lang, s)),
                    None => o.count.to_string(),
                })
                .collect(),
            Detail::Numeric { values, .. } => statistics(self.lang, values.as_ref()),
            Detail::Text | Detail::Dates { .. } => Vec::new(),
        }
    }

    pub(super) fn finding(&self, q: &QuestionSummary) -> Finding {
        let lang = self.lang;
        let question = self.names.question(&q.code);
        let overall = &q.overall;
        let (chart, table, columns) = match &overall.detail {
            Detail::Shares { options } | Detail::Ordinal { levels: options, .. } => {
                let table = self.option_table(&q.code, options);
                let columns = options.iter().map(|o| self.names.choice(&q.code, &o.code)).collect();
                let chart = Figure::bars(
                    lang,
                    format!("q-{}", q.code),
                    question.clone(),
                    translate(lang, "pub-chart-shares", &[("question", question.clone().into())]),
                    &self.names.bars(&q.code, options),
                );
                (Some(chart), table, columns)
            }
            Detail::Numeric { values, per_100k, unit } => {
                let plain = statistics(lang, values.as_ref());
                let per = statistics(lang, per_100k.as_ref());
                let unit_name = t(lang, &format!("unit-{unit}"));
                let value_heading =
                    if unit_name.starts_with("unit-") { t(lang, "pub-value") } else { unit_name.clone() };
                let mut columns = vec![t(lang, "pub-statistic"), value_heading];
                if per_100k.is_some() {
                    columns.push(t(lang, "results-per-100k"));
                }
                let rows = STATISTICS
                    .iter()
                    .enumerate()
                    .map(|(i, s)| {
                        let mut row = vec![t(lang, &format!("results-stat-{s}")), plain[i].clone()];
                        if per_100k.is_some() {
                            row.push(per[i].clone());
                        }
                        row
                    })
                    .collect();
                let chart = values.as_ref().filter(|n| n.n >= 5).map(|n| {
                    let d = |x: f64| decimal(lang, x, 1);
                    Figure {
                        name: format!("q-{}", q.code),
                        alt: translate(
                            lang,
                            "pub-chart-distribution",
                            &[("question", question.clone().into())],
                        ),
                        svg: charts::distribution(
                            &question,
                            n.min,
                            n.q1,
                            n.median,
                            n.q3,
                            n.max,
                            [&d(n.min), &d(n.q1), &d(n.median), &d(n.q3), &d(n.max)],
                        ),
                        data: Table {
                            caption: question.clone(),
                            columns: ["n", "min", "q1", "median", "q3", "max", "mean"]
                                .map(String::from)
                                .to_vec(),
                            rows: vec![
                                std::iter::once(n.n.to_string())
                                    .chain(
                                        [n.min, n.q1, n.median, n.q3, n.max, n.mean].map(|x| x.to_string()),
                                    )
                                    .collect(),
                            ],
                        },
                    }
                });
                let table = Table { caption: String::new(), columns, rows };
                let columns = STATISTICS.iter().map(|s| t(lang, &format!("results-stat-{s}"))).collect();
                (chart, table, columns)
            }
            Detail::Text | Detail::Dates { .. } => (None, Table::default(), Vec::new()),
        };
        let breakdowns = if matches!(overall.detail, Detail::Text | Detail::Dates { .. }) {
            Vec::new()
        } else {
            q.breakdowns
                .iter()
                .map(|b| {
                    let mut heading =
                        vec![t(lang, &format!("results-dimension-{}", b.dimension)), t(lang, "pub-answered")];
                    heading.extend_from_slice(&columns);
                    Table {
                        caption: t(lang, &format!("results-dimension-{}", b.dimension)),
                        columns: heading,
                        rows: b
                            .groups
                            .iter()
                            .map(|g| {
                                let mut row = vec![
                                    self.names.group(&b.dimension, &g.group),
                                    format!("{} / {}", g.summary.answering, g.summary.invited),
                                ];
                                row.extend(self.cells(&g.summary));
                                row
                            })
                            .collect(),
                    }
                })
                .collect()
        };
        Finding {
            code: q.code.clone(),
            headline: self.names.headline(q),
            answered: self.answered(overall),
            question,
            chart,
            table: Table { caption: t(lang, "pub-chart-data"), ..table },
            breakdowns,
        }
    }

    pub(super) fn cited(&self, items: &[CitedItem], kind: &str, limit: usize) -> Vec<Cited> {
        items
            .iter()
            .filter(|c| c.kind == kind)
            .take(limit)
            .map(|c| Cited {
                category: self.names.category(&c.category),
                cities: c.cities,
                share: share_text(self.lang, c.share),
                interval: interval_text(self.lang, c.low, c.high),
                importance: c.mean_importance.map_or(String::new(), |m| decimal(self.lang, m, 1)),
            })
            .collect()
    }

    pub(super) fn practice(&self, p: &Practice) -> PracticeView {
        let lang = self.lang;
        let ((title, _), (summary, _)) = (p.title.get(lang), p.summary.get(lang));
        // Missing in the reader's language: shown as written, and said so.
        let missing = p.title.exactly(lang).is_none() || p.summary.exactly(lang).is_none();
        let shown_in = missing.then(|| {
            let original = p.title.original;
            translate(
                lang,
                "pub-practice-shown-in",
                &[("language", t(lang, &format!("language-{}", original.code())).into())],
            )
        });
        let city = self.practice_city(p);
        let words = self.practice_words(p, &[title, summary, &city]);
        PracticeView {
            id: p.id.clone(),
            // The version's own catalogue page: a published site is whole on its own, offline too.
            href: format!("practices.html#p-{}", p.id),
            title: title.to_string(),
            summary: summary.to_string(),
            shown_in,
            city_id: p.city.to_string(),
            city,
            city_page: self.snapshot.answers.iter().any(|a| a.city == p.city),
            axis_code: p.axis.clone(),
            axis: self.names.axis(&p.axis),
            sdgs: p.sdgs.iter().map(|g| self.sdg(*g, 0)).collect(),
            sdg_codes: p.sdgs.iter().map(ToString::to_string).collect::<Vec<_>>().join(" "),
            words,
            picture: p.pictures.first().map(|id| format!("../pictures/{id}")),
        }
    }

    /// A practice's city in the page's language: as the edition names it, else as the registry
    /// did when the version was made.
    fn practice_city(&self, p: &Practice) -> String {
        match self.snapshot.city(&p.city) {
            Some(city) => city.name_in(self.lang).to_string(),
            None if p.city_name.is_empty() => p.city.to_string(),
            None => p.city_names.get(self.lang).unwrap_or(&p.city_name).to_string(),
        }
    }

    /// The words the offline catalogue finds a practice by, as the server's index makes them:
    /// what the page shows (`shown`: its texts and city; then its axis and SDG names) stemmed in
    /// the page's language, and every language's texts folded but not stemmed, so a word typed as
    /// written matches.
    fn practice_words(&self, p: &Practice, shown: &[&str]) -> String {
        let lang = self.lang;
        let mut analysers = smartcities_search::words::Words::default();
        let mut words = std::collections::BTreeSet::new();
        let mut labels = vec![self.names.axis(&p.axis)];
        labels.extend(p.sdgs.iter().map(|g| t(lang, &format!("sdg-{g}"))));
        for text in shown.iter().copied().chain(labels.iter().map(String::as_str)) {
            analysers.add(Some(lang), text, &mut words);
            analysers.add(None, text, &mut words);
        }
        for text in p.title.text.values().chain(p.summary.text.values()) {
            analysers.add(None, text, &mut words);
        }
        words.into_iter().collect::<Vec<_>>().join(" ")
    }

    pub(super) fn sdg(&self, goal: u8, count: usize) -> SdgLink {
        SdgLink { goal, name: t(self.lang, &format!("sdg-{goal}")), count }
    }

    pub(super) fn trend(&self, tr: &smartcities_analysis::Trend) -> TrendView {
        let lang = self.lang;
        let yes = |shares: &[Share]| {
            shares.iter().find(|s| s.code == "yes").map_or(String::new(), |s| share_text(lang, s.share))
        };
        let (then, now) = match (tr.then_median, tr.now_median) {
            (Some(a), Some(b)) => (decimal(lang, a, 1), decimal(lang, b, 1)),
            _ => (yes(&tr.then), yes(&tr.now)),
        };
        TrendView {
            question: self.names.question(&tr.code),
            earlier: tr.earlier_edition,
            then,
            now,
            paired: translate(
                lang,
                "results-paired",
                &[("cities", count(tr.paired.cities)), ("unchanged", count(tr.paired.unchanged))],
            ),
        }
    }

    pub(super) fn axes(&self, practices: &[PracticeView]) -> Vec<AxisView> {
        let lang = self.lang;
        let results = &self.snapshot.results;
        // The framework's axes in order, then any other group questions were asked in.
        let mut codes: Vec<String> =
            self.snapshot.framework.axes.iter().map(|a| a.code.to_string()).collect();
        for q in &results.questions {
            if !codes.contains(&q.axis) {
                codes.push(q.axis.clone());
            }
        }
        // A practice of an axis no question was asked in still gets its axis page.
        for p in practices {
            if !codes.contains(&p.axis_code) {
                codes.push(p.axis_code.clone());
            }
        }
        let be = &results.barriers_enablers;
        codes
            .into_iter()
            .filter_map(|code| {
                let questions: Vec<&QuestionSummary> =
                    results.questions.iter().filter(|q| q.axis == code).collect();
                let axis_practices: Vec<PracticeView> =
                    practices.iter().filter(|p| p.axis_code == code).cloned().collect();
                if questions.is_empty() && axis_practices.is_empty() {
                    return None;
                }
                let name = self.names.axis(&code);
                let yes_bars = self.names.yes_bars(questions.iter().copied());
                let overview = (!yes_bars.is_empty()).then(|| {
                    let title = translate(lang, "pub-axis-overview", &[("axis", name.clone().into())]);
                    Figure::bars(lang, format!("axis-{code}"), title.clone(), title, &yes_bars)
                });
                let items = be.by_axis.iter().find(|(a, _)| *a == code).map_or(&[][..], |(_, items)| items);
                let mut sdgs: Vec<SdgLink> = results
                    .sdg_matrix
                    .cells
                    .iter()
                    .filter(|c| c.axis == code && c.total() > 0)
                    .map(|c| self.sdg(c.goal, c.total()))
                    .collect();
                sdgs.sort_by(|a, b| b.count.cmp(&a.count).then(a.goal.cmp(&b.goal)));
                let trends = results
                    .trends
                    .iter()
                    .filter(|tr| questions.iter().any(|q| q.code == tr.code))
                    .map(|tr| self.trend(tr))
                    .collect();
                let key_findings = self.axis_findings(&code);
                Some(AxisView {
                    intro: translate(
                        lang,
                        "pub-axis-intro",
                        &[
                            ("questions", count(questions.len())),
                            ("practices", count(axis_practices.len())),
                            ("axis", name.clone().into()),
                        ],
                    ),
                    code: code.clone(),
                    name,
                    overview,
                    findings: questions.iter().map(|q| self.finding(q)).collect(),
                    trends,
                    practices: axis_practices,
                    barriers: self.cited(items, "barrier", 5),
                    enablers: self.cited(items, "enabler", 5),
                    key_findings,
                    sdgs,
                    figures: self
                        .yes_shares(&code)
                        .into_iter()
                        .take(3)
                        .map(|(q, fact)| Message {
                            figure: percent(lang, fact.share),
                            text: sentences::spread(lang, fact, &sentences::predicate(&self.names, &q.code)),
                            chart: None,
                        })
                        .collect(),
                })
            })
            .collect()
    }

    pub(super) fn city(&self, city: &City, practices: &[PracticeView]) -> CityView {
        let lang = self.lang;
        let answers = self.snapshot.answers_of(&city.id);
        let profile = smartcities_analysis::city_profile(&self.snapshot.results, city, answers);
        let mut axes: Vec<(String, Vec<Beside>)> = Vec::new();
        let mut highlights = Vec::new();
        let mut peers = Vec::new();
        let mut scores = Vec::new();
        let mut bars = Vec::new();
        if let Some(profile) = &profile {
            for a in &profile.answers {
                let shown = |x: Option<f64>| match (a.kind.as_str(), x) {
                    ("numeric", Some(m)) => {
                        translate(lang, "results-median", &[("value", decimal(lang, m, 1).into())])
                    }
                    (_, x) => share_text(lang, x),
                };
                let row = Beside {
                    question: self.names.question(&a.code),
                    answer: self.names.answer(&a.code, &a.answer),
                    all: shown(a.all),
                    section: shown(a.section),
                };
                if a.kind == "yes_no"
                    && let Some(q) = self.snapshot.results.question(&a.code)
                    && let Detail::Shares { options } = &q.overall.detail
                    && let Some(yes) = options.iter().find(|o| o.code == "yes")
                {
                    bars.push(Bar {
                        label: format!("{} · {}: {}", row.question, city.name_in(lang), row.answer),
                        count: yes.count,
                        share: yes.share,
                        interval: yes.low.zip(yes.high),
                        value: share_text(lang, yes.share),
                    });
                }
                let axis = self.names.axis(&a.axis);
                match axes.last_mut() {
                    Some((name, rows)) if *name == axis => rows.push(row),
                    _ => axes.push((axis, vec![row])),
                }
            }
            highlights = profile
                .highlights
                .iter()
                .filter_map(|h| sentences::highlight(&self.names, city.name_in(lang), h))
                .take(6)
                .collect();
            peers = profile.peers.iter().map(|p| (p.city.clone(), self.city_name(&p.city))).collect();
            if self.snapshot.public_scores() {
                scores = self.scores_of(city.id.as_str(), profile);
            }
        }
        let population = if city.population.count > 0 {
            match city.population.year {
                Some(year) => format!("{} ({year})", integer(lang, city.population.count as i64)),
                None => integer(lang, city.population.count as i64),
            }
        } else {
            String::new()
        };
        bars.truncate(12);
        let bar_views = bars
            .iter()
            .map(|b| BarView {
                label: b.label.clone(),
                share: b.share.unwrap_or(0.0),
                low: b.interval.map(|i| i.0),
                high: b.interval.map(|i| i.1),
                value: b.value.clone(),
            })
            .collect();
        let chart = (!bars.is_empty()).then(|| {
            let title = translate(lang, "pub-city-chart", &[("city", city.name_in(lang).to_string().into())]);
            Figure::bars(lang, format!("city-{}", city.id), title.clone(), title, &bars)
        });
        CityView {
            chart,
            bars: bar_views,
            id: city.id.to_string(),
            name: city.name_in(lang).to_string(),
            country: city.country.name(lang).to_string(),
            section: t(lang, &format!("section-{}", city.section.slug())),
            population,
            metropolis: t(lang, if city.metropolis { "pub-yes" } else { "pub-no" }),
            highlights,
            axes,
            peers,
            practices: practices.iter().filter(|p| p.city_id == city.id.as_str()).cloned().collect(),
            scores,
        }
    }

    /// One value per axis: the composite index's where the edition has one, else the
    /// scoring rule's level. Never both, so a city never shows two figures for one axis.
    pub(super) fn scores_of(
        &self,
        city: &str,
        profile: &smartcities_analysis::CityProfile,
    ) -> Vec<(String, String)> {
        let lang = self.lang;
        let score = |x: Option<f64>| x.map_or_else(|| "–".to_string(), |x| decimal(lang, x, 0));
        if let Some(index) = &self.snapshot.results.composite {
            let Some(row) = index.cities.iter().find(|c| c.city == city) else { return Vec::new() };
            let mut scores: Vec<(String, String)> =
                index.axes.iter().zip(&row.axes).map(|(a, s)| (self.names.axis(a), score(*s))).collect();
            let range = match (row.score_5, row.score_95) {
                (Some(l), Some(h)) => format!(" ({}–{})", decimal(lang, l, 0), decimal(lang, h, 0)),
                _ => String::new(),
            };
            scores.push((t(lang, "pub-overall"), format!("{}{range}", score(row.score))));
            return scores;
        }
        if self.snapshot.edition.scoring.is_some() {
            return profile
                .axis_profile
                .iter()
                .map(|(axis, level)| (self.names.axis(axis), score(level.map(|l| l * 100.0))))
                .collect();
        }
        Vec::new()
    }

    pub(super) fn scores(&self, cities: &[CityView]) -> Option<ScoresView> {
        if !self.snapshot.public_scores() {
            return None;
        }
        let lang = self.lang;
        let (description, axes) = if let Some(index) = &self.snapshot.results.composite {
            let description = self
                .snapshot
                .edition
                .index
                .as_ref()
                .map_or(String::new(), |r| r.description.get(lang).to_string());
            let mut axes: Vec<String> = index.axes.iter().map(|a| self.names.axis(a)).collect();
            axes.push(t(lang, "pub-overall"));
            (description, axes)
        } else if let Some(rule) = &self.snapshot.edition.scoring {
            let axes =
                cities.iter().find(|c| !c.scores.is_empty())?.scores.iter().map(|(a, _)| a.clone()).collect();
            (rule.description.get(lang).to_string(), axes)
        } else {
            return None;
        };
        let mut columns = vec![t(lang, "pub-city")];
        columns.extend(axes);
        // By name, whatever the scores: the study is not a ranking.
        let rows = cities
            .iter()
            .filter(|c| !c.scores.is_empty())
            .map(|c| std::iter::once(c.name.clone()).chain(c.scores.iter().map(|(_, s)| s.clone())).collect())
            .collect();
        Some(ScoresView { description, columns, rows })
    }
}
