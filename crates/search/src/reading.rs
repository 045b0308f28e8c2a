//! Reading the index: searches with their facets and snippets, cards by id, related practices
//! and what a city can learn from others.

use super::*;

impl Catalogue {
    pub(crate) fn card(&self, searcher: &Searcher, address: DocAddress) -> Result<(Card, TantivyDocument)> {
        let doc: TantivyDocument = searcher.doc(address)?;
        let bytes = doc
            .get_first(self.fields.card)
            .and_then(|v| v.as_bytes())
            .ok_or_else(|| SearchError::Card("no card".into()))?;
        let card = serde_json::from_slice(bytes).map_err(|e| SearchError::Card(e.to_string()))?;
        Ok((card, doc))
    }

    pub(crate) fn visible(&self, visibility: &Visibility) -> Option<Box<dyn Query>> {
        let published: Box<dyn Query> = Box::new(TermQuery::new(
            Term::from_field_text(self.fields.status, PracticeStatus::Published.slug()),
            IndexRecordOption::Basic,
        ));
        match visibility {
            Visibility::Everything => None,
            Visibility::Public => Some(published),
            Visibility::City(city) => Some(Box::new(BooleanQuery::new(vec![
                (Occur::Should, published),
                (
                    Occur::Should,
                    Box::new(TermQuery::new(
                        Term::from_field_text(self.fields.city, city.as_str()),
                        IndexRecordOption::Basic,
                    )),
                ),
            ]))),
        }
    }

    pub(crate) fn facet_term(&self, dimension: &str, value: &str) -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_facet(self.fields.facets, &facet(dimension, value)),
            IndexRecordOption::Basic,
        ))
    }

    /// The query of the words typed: plain words and phrases only (see [`query::Typed`]).
    pub(crate) fn words_query(&self, words: &str) -> Option<Box<dyn Query>> {
        if words.trim().is_empty() {
            return None;
        }
        let mut parser = QueryParser::for_index(&self.index, self.fields.text_fields());
        parser.set_conjunction_by_default();
        for lang in Lang::ALL.iter() {
            parser.set_field_boost(self.fields.lang(*lang).title, 2.0);
        }
        // Only words and balanced phrases reach the parser; leniency is a second guard.
        let (query, _) = parser.parse_query_lenient(words);
        Some(query)
    }

    /// Searches: the hits of one page in the order asked for, and the facet counts of every
    /// matching practice.
    pub fn search(&self, search: &Search) -> Result<Found> {
        let searcher = self.reader.searcher();
        let typed = query::Typed::read(&search.words);
        let text = self.synonyms.read().unwrap_or_else(|e| e.into_inner()).widen(search.lang, &typed.text);
        let words = self.words_query(&text);
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (dimension, value) in &typed.facets {
            clauses
                .push((Occur::Must, Box::new(ConstScoreQuery::new(self.facet_term(dimension, value), 0.0))));
        }
        if let Some(words) = &words {
            clauses.push((Occur::Must, words.box_clone()));
        }
        if let Some(visible) = self.visible(&search.visibility) {
            clauses.push((Occur::Must, Box::new(ConstScoreQuery::new(visible, 0.0))));
        }
        for (dimension, value) in search.filters.chosen() {
            clauses
                .push((Occur::Must, Box::new(ConstScoreQuery::new(self.facet_term(dimension, &value), 0.0))));
        }
        if let Some(city) = &search.filters.city {
            let term = TermQuery::new(
                Term::from_field_text(self.fields.city, city.as_str()),
                IndexRecordOption::Basic,
            );
            clauses.push((Occur::Must, Box::new(ConstScoreQuery::new(Box::new(term), 0.0))));
        }
        let query: Box<dyn Query> =
            if clauses.is_empty() { Box::new(AllQuery) } else { Box::new(BooleanQuery::new(clauses)) };

        let per_page = search.per_page.clamp(1, MAX_PER_PAGE);
        let offset = (search.page.max(1) - 1).saturating_mul(per_page).min(MAX_DEPTH);
        let top = TopDocs::with_limit(per_page).and_offset(offset);
        let mut facets = FacetCollector::for_field("facets");
        for dimension in DIMENSIONS {
            facets.add_facet(Facet::from_path([dimension]));
        }
        let by_date = search.order == Order::Newest || words.is_none();
        let (total, addresses, counts): (usize, Vec<DocAddress>, FacetCounts) = if by_date {
            let (total, top, counts) = searcher
                .search(&query, &(Count, top.order_by_fast_field::<u64>(WHEN, SortOrder::Desc), facets))?;
            (total, top.into_iter().map(|(_, a)| a).collect(), counts)
        } else {
            let (total, top, counts) = searcher.search(&query, &(Count, top.order_by_score(), facets))?;
            (total, top.into_iter().map(|(_, a)| a).collect(), counts)
        };

        let snippets = match &words {
            Some(words) => Some(self.snippet_generators(&searcher, words.as_ref(), search.lang)?),
            None => None,
        };
        let mut hits = Vec::with_capacity(addresses.len());
        for address in addresses {
            let (card, doc) = self.card(&searcher, address)?;
            let snippet_html = snippets
                .iter()
                .flatten()
                .map(|generator| generator.snippet_from_doc(&doc))
                .find(|s| !s.is_empty())
                .map(|s| s.to_html())
                .unwrap_or_else(|| passage(card.summary.get(search.lang).0, 220));
            hits.push(Hit { card, snippet_html });
        }
        let facets = DIMENSIONS
            .iter()
            .map(|dimension| {
                let mut values: Vec<(String, u64)> = counts
                    .get(Facet::from_path([*dimension]))
                    .map(|(facet, count)| {
                        (facet.to_path().last().map_or(String::new(), |v| v.to_string()), count)
                    })
                    .collect();
                values.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| natural(&a.0).cmp(&natural(&b.0))));
                (*dimension, values)
            })
            .collect();
        Ok(Found { total, hits, facets })
    }

    /// One generator per body field, the reader's language first, then the titles'.
    pub(crate) fn snippet_generators(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        lang: Lang,
    ) -> Result<Vec<SnippetGenerator>> {
        let mut order = vec![lang];
        order.extend(Lang::ALL.iter().copied().filter(|l| *l != lang));
        let mut generators = Vec::new();
        for field in order
            .iter()
            .map(|l| self.fields.lang(*l).body)
            .chain(order.iter().map(|l| self.fields.lang(*l).title))
        {
            let mut generator = SnippetGenerator::create(searcher, query, field)?;
            generator.set_max_num_chars(220);
            generators.push(generator);
        }
        Ok(generators)
    }

    /// Every practice's card the visibility lets through whose id is in `ids`, by id.
    pub fn cards(&self, ids: &[PracticeId]) -> Result<BTreeMap<PracticeId, Card>> {
        let searcher = self.reader.searcher();
        let mut cards = BTreeMap::new();
        for id in ids {
            let query =
                TermQuery::new(Term::from_field_text(self.fields.id, id.as_str()), IndexRecordOption::Basic);
            if let Some((_, address)) =
                searcher.search(&query, &TopDocs::with_limit(1).order_by_score())?.first()
            {
                cards.insert(id.clone(), self.card(&searcher, *address)?.0);
            }
        }
        Ok(cards)
    }

    /// Published practices closest to `card` by sub-area, axis and goals, with why.
    pub fn related(&self, card: &Card, limit: usize) -> Result<Vec<Suggestion>> {
        let mut likeness: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if let Some(sub_area) = &card.sub_area {
            likeness
                .push((Occur::Should, Box::new(BoostQuery::new(self.facet_term("sub_area", sub_area), 4.0))));
        }
        likeness.push((Occur::Should, Box::new(BoostQuery::new(self.facet_term("axis", &card.axis), 2.0))));
        for goal in &card.sdgs {
            let boost = if *goal == card.sdg { 1.5 } else { 1.0 };
            likeness.push((
                Occur::Should,
                Box::new(BoostQuery::new(self.facet_term("sdg", &goal.to_string()), boost)),
            ));
        }
        let found = self.suggest(likeness, Some(&card.id), None, limit)?;
        Ok(found
            .into_iter()
            .map(|other| {
                let mut reasons = Vec::new();
                if other.sub_area.is_some() && other.sub_area == card.sub_area {
                    reasons.push(Reason::SubArea(other.sub_area.clone().unwrap_or_default()));
                } else if other.axis == card.axis {
                    reasons.push(Reason::Axis(other.axis.clone()));
                }
                let shared: Vec<u8> = other.sdgs.iter().copied().filter(|g| card.sdgs.contains(g)).collect();
                if !shared.is_empty() {
                    reasons.push(Reason::Sdgs(shared));
                }
                Suggestion { card: other, reasons }
            })
            .collect())
    }

    /// Published practices of other cities that work on `sub_areas` (the weakest first), those
    /// of its peers and of cities like `city` (same section, same size) first, with why.
    pub fn learn_from(
        &self,
        city: &CityId,
        section: &str,
        band: Option<&str>,
        peers: &[CityId],
        sub_areas: &[String],
        limit: usize,
    ) -> Result<Vec<Suggestion>> {
        if sub_areas.is_empty() {
            return Ok(Vec::new());
        }
        let weakest = sub_areas.len() as f32;
        let addresses: Vec<(Occur, Box<dyn Query>)> = sub_areas
            .iter()
            .enumerate()
            .map(|(rank, s)| {
                (
                    Occur::Should,
                    Box::new(BoostQuery::new(self.facet_term("sub_area", s), 2.0 + weakest - rank as f32))
                        as Box<dyn Query>,
                )
            })
            .collect();
        let mut likeness: Vec<(Occur, Box<dyn Query>)> =
            vec![(Occur::Must, Box::new(BooleanQuery::new(addresses)))];
        likeness.push((Occur::Should, Box::new(BoostQuery::new(self.facet_term("section", section), 1.0))));
        if let Some(band) = band {
            likeness.push((Occur::Should, Box::new(BoostQuery::new(self.facet_term("band", band), 1.0))));
        }
        for peer in peers {
            let term = TermQuery::new(
                Term::from_field_text(self.fields.city, peer.as_str()),
                IndexRecordOption::Basic,
            );
            likeness.push((Occur::Should, Box::new(BoostQuery::new(Box::new(term), 1.5))));
        }
        let found = self.suggest(likeness, None, Some(city), limit)?;
        Ok(found
            .into_iter()
            .map(|other| {
                let mut reasons = Vec::new();
                reasons.extend(other.sub_area.clone().map(Reason::SubArea));
                if peers.contains(&other.city) {
                    reasons.push(Reason::Peer(other.city_name.clone()));
                }
                if other.section == section {
                    reasons.push(Reason::Section(other.section.clone()));
                }
                if other.band.is_some() && other.band.as_deref() == band {
                    reasons.push(Reason::Band(other.band.clone().unwrap_or_default()));
                }
                Suggestion { card: other, reasons }
            })
            .collect())
    }

    /// Published practices scored by `likeness` alone, leaving out one practice and one city.
    pub(crate) fn suggest(
        &self,
        mut likeness: Vec<(Occur, Box<dyn Query>)>,
        not_practice: Option<&PracticeId>,
        not_city: Option<&CityId>,
        limit: usize,
    ) -> Result<Vec<Card>> {
        let searcher = self.reader.searcher();
        if let Some(visible) = self.visible(&Visibility::Public) {
            likeness.push((Occur::Must, Box::new(ConstScoreQuery::new(visible, 0.0))));
        }
        if let Some(id) = not_practice {
            likeness.push((
                Occur::MustNot,
                Box::new(TermQuery::new(
                    Term::from_field_text(self.fields.id, id.as_str()),
                    IndexRecordOption::Basic,
                )),
            ));
        }
        if let Some(city) = not_city {
            likeness.push((
                Occur::MustNot,
                Box::new(TermQuery::new(
                    Term::from_field_text(self.fields.city, city.as_str()),
                    IndexRecordOption::Basic,
                )),
            ));
        }
        let top = searcher.search(
            &BooleanQuery::new(likeness),
            &TopDocs::with_limit(limit.min(MAX_PER_PAGE)).order_by_score(),
        )?;
        top.into_iter()
            .filter(|(score, _)| *score > 0.0)
            .map(|(_, address)| self.card(&searcher, address).map(|(card, _)| card))
            .collect()
    }
}

/// Numbers in their numeric order (SDG 2 before 11), the rest alphabetically.
pub(crate) fn natural(value: &str) -> (u64, &str) {
    (value.parse().unwrap_or(u64::MAX), value)
}

/// A text as a hit shows it when no passage holds the words searched: at most `max` characters,
/// HTML-escaped, like the highlighted snippets.
pub fn passage(text: &str, max: usize) -> String {
    escape(&shorten(text, max))
}

/// At most `max` characters, cut at a word, with an ellipsis when cut.
pub(crate) fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}

pub(crate) fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
