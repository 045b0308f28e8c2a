//! The drafted findings of a publication: key findings, conclusions, participation and method.

use super::*;

impl Builder<'_> {
    /// The yes/no questions of an axis with a share of yes to draft from, highest first.
    pub(super) fn yes_shares(&self, axis: &str) -> Vec<(&QuestionSummary, ShareFact)> {
        let mut yes: Vec<(&QuestionSummary, ShareFact)> = self
            .snapshot
            .results
            .questions
            .iter()
            .filter(|q| q.axis == axis && q.kind == "yes_no")
            .filter_map(|q| match &q.overall.detail {
                Detail::Shares { options } => options
                    .iter()
                    .find(|o| o.code == "yes")
                    .and_then(|o| o.share)
                    .and_then(|s| ShareFact::new(s, q.overall.answering))
                    .map(|fact| (q, fact)),
                _ => None,
            })
            .collect();
        yes.sort_by(|a, b| b.1.share.total_cmp(&a.1.share).then(a.0.code.cmp(&b.0.code)));
        yes
    }

    /// The most and the least widespread of an axis, as sentences that state their figure
    /// (the axis is named by the page or slide they appear on).
    pub(super) fn axis_findings(&self, code: &str) -> Vec<String> {
        let yes = self.yes_shares(code);
        let sentence = |(q, fact): &(&QuestionSummary, ShareFact)| {
            sentences::spread(self.lang, *fact, &sentences::predicate(&self.names, &q.code))
        };
        let mut out: Vec<String> = yes.first().map(sentence).into_iter().collect();
        if yes.len() > 1
            && let Some(last) = yes.last()
        {
            out.push(sentence(last));
        }
        out
    }

    /// The brief's key messages: each axis's most widespread answer with its figure and the
    /// axis's chart for the first three axes that have one, then the barrier most cited with the
    /// barriers' chart: three to four messages, as two pages hold them.
    pub(super) fn messages(&self, axes: &[AxisView]) -> Vec<Message> {
        let lang = self.lang;
        let mut out: Vec<Message> = axes
            .iter()
            .filter_map(|a| {
                let (q, fact) = self.yes_shares(&a.code).into_iter().next()?;
                let text = sentences::spread(lang, fact, &sentences::predicate(&self.names, &q.code));
                Some(Message {
                    figure: percent(lang, fact.share),
                    text: translate(
                        lang,
                        "sentence-axis",
                        &[("axis", a.name.clone().into()), ("finding", text.into())],
                    ),
                    chart: a.overview.as_ref().map(|f| f.name.clone()),
                })
            })
            .take(3)
            .collect();
        let be = &self.snapshot.results.barriers_enablers;
        if let Some(item) = be.overall.iter().find(|c| c.kind == "barrier" && c.share.is_some()) {
            let share = item.share.unwrap_or_default();
            out.push(Message {
                figure: percent(lang, share),
                text: translate(
                    lang,
                    "pub-kf-barrier",
                    &[
                        ("category", self.names.category(&item.category).into()),
                        ("share", share_text(lang, item.share).into()),
                    ],
                ),
                chart: Some("barriers-enablers".into()),
            });
        }
        out
    }

    /// What the findings ask of political councils: in each axis, what the fewest cities
    /// have yet, with its figure.
    pub(super) fn asks(&self, axes: &[AxisView]) -> Vec<String> {
        let lang = self.lang;
        axes.iter()
            .filter_map(|a| {
                let yes = self.yes_shares(&a.code);
                let (q, fact) = yes.last().filter(|_| yes.len() > 1)?;
                let text = sentences::spread(lang, *fact, &sentences::predicate(&self.names, &q.code));
                Some(translate(
                    lang,
                    "sentence-axis",
                    &[("axis", a.name.clone().into()), ("finding", text.into())],
                ))
            })
            .collect()
    }

    pub(super) fn key_findings(&self, axes: &[AxisView]) -> Vec<String> {
        let lang = self.lang;
        let results = &self.snapshot.results;
        let mut out = vec![self.participation()];
        out.extend(axes.iter().flat_map(|a| {
            a.key_findings.iter().map(|finding| {
                translate(
                    lang,
                    "sentence-axis",
                    &[("axis", a.name.clone().into()), ("finding", finding.clone().into())],
                )
            })
        }));
        let be = &results.barriers_enablers;
        for (kind, key) in [("barrier", "pub-kf-barrier"), ("enabler", "pub-kf-enabler")] {
            if let Some(item) = be.overall.iter().find(|c| c.kind == kind && c.share.is_some()) {
                out.push(translate(
                    lang,
                    key,
                    &[
                        ("category", self.names.category(&item.category).into()),
                        ("share", share_text(lang, item.share).into()),
                    ],
                ));
            }
        }
        if let Some(sdg) = self.top_sdg() {
            out.push(sdg);
        }
        out
    }

    pub(super) fn top_sdg(&self) -> Option<String> {
        let lang = self.lang;
        let linking = &self.snapshot.results.sdg_matrix.cities_linking;
        let top =
            linking.iter().filter(|s| s.cities > 0).max_by_key(|s| (s.cities, std::cmp::Reverse(s.goal)))?;
        Some(translate(
            lang,
            "pub-kf-sdg",
            &[
                ("goal", count(top.goal as usize)),
                ("name", t(lang, &format!("sdg-{}", top.goal)).into()),
                ("cities", count(top.cities)),
            ],
        ))
    }

    /// The conclusions as the data suggest them, in paragraphs.
    pub(super) fn conclusions(&self, axes: &[AxisView], practices: usize) -> Vec<String> {
        let lang = self.lang;
        let results = &self.snapshot.results;
        let mut out = vec![translate(
            lang,
            "pub-conclusion-participation",
            &[("answering", count(results.answering)), ("countries", count(self.countries()))],
        )];
        // Only what the qualifier is true of: "most" above 50 %, "few" below 25 %.
        let item = |axis: &AxisView, (q, fact): &(&QuestionSummary, ShareFact), wanted| {
            let predicate = sentences::predicate(&self.names, &q.code);
            sentences::listed(lang, *fact, &predicate, wanted).map(|listed| {
                translate(
                    lang,
                    "sentence-axis",
                    &[("axis", axis.name.clone().into()), ("finding", listed.into())],
                )
            })
        };
        let mut widespread = Vec::new();
        let mut rare = Vec::new();
        for axis in axes {
            let yes = self.yes_shares(&axis.code);
            widespread.extend(yes.first().and_then(|top| item(axis, top, Quantity::Most)));
            if yes.len() > 1 {
                rare.extend(yes.last().and_then(|last| item(axis, last, Quantity::Few)));
            }
        }
        if !widespread.is_empty() {
            out.push(translate(lang, "pub-conclusion-widespread", &[("list", widespread.join("; ").into())]));
        }
        if !rare.is_empty() {
            out.push(translate(lang, "pub-conclusion-rare", &[("list", rare.join("; ").into())]));
        }
        let be = &results.barriers_enablers;
        let top = |kind: &str| {
            be.overall
                .iter()
                .filter(|c| c.kind == kind && c.share.is_some())
                .take(3)
                .map(|c| format!("{} ({})", self.names.category(&c.category), share_text(lang, c.share)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let (barriers, enablers) = (top("barrier"), top("enabler"));
        if !barriers.is_empty() || !enablers.is_empty() {
            out.push(translate(
                lang,
                "pub-conclusion-barriers",
                &[("barriers", barriers.into()), ("enablers", enablers.into())],
            ));
        }
        if let Some(sdg) = self.top_sdg() {
            out.push(sdg);
        }
        out.push(translate(lang, "pub-conclusion-close", &[("practices", count(practices))]));
        out
    }

    pub(super) fn participation(&self) -> String {
        let results = &self.snapshot.results;
        translate(
            self.lang,
            "pub-participation",
            &[
                ("answering", count(results.answering)),
                ("invited", count(results.invited)),
                ("countries", count(self.countries())),
            ],
        )
    }

    pub(super) fn countries(&self) -> usize {
        let mut countries: Vec<&str> = self.snapshot.answering().iter().map(|c| c.country.as_str()).collect();
        countries.sort_unstable();
        countries.dedup();
        countries.len()
    }

    pub(super) fn method(&self) -> Vec<String> {
        let lang = self.lang;
        let s = self.snapshot;
        let mut out = vec![
            translate(
                lang,
                "pub-method-collect",
                &[
                    ("invited", count(s.results.invited)),
                    ("answering", count(s.results.answering)),
                    ("questions", count(s.results.questions.len())),
                ],
            ),
            t(lang, "pub-method-shares"),
            t(lang, "pub-method-breakdowns"),
            translate(lang, "pub-method-practices", &[("practices", count(s.practices().len()))]),
            translate(lang, "pub-method-workshops", &[("workshops", count(s.workshops.len()))]),
        ];
        if !s.results.trends.is_empty() {
            out.push(translate(lang, "pub-method-trends", &[("questions", count(s.results.trends.len()))]));
        }
        out.push(if s.public_scores() {
            t(lang, "pub-method-scores")
        } else {
            t(lang, "pub-method-no-scores")
        });
        out
    }
}
