//! The PNGs of published charts, drawn from their SVG when first asked for and kept in memory
//! up to a bound: a version's files never change, so an image drawn once stays right.

use std::{
    collections::{HashMap, VecDeque},
    sync::{Arc, Mutex},
};

use smartcities_domain::EditionYear;

/// Which chart: the edition, the version and the PNG's path in it.
pub type ChartKey = (EditionYear, smartcities_domain::PublishedVersion, String);

/// At most this many bytes of images are kept; the oldest go first.
const BUDGET: usize = 32 << 20;

#[derive(Default)]
struct Kept {
    images: HashMap<ChartKey, Arc<Vec<u8>>>,
    order: VecDeque<ChartKey>,
    bytes: usize,
}

/// A bounded cache of drawn charts, shared by every request of one server.
#[derive(Clone, Default)]
pub struct ChartImages {
    kept: Arc<Mutex<Kept>>,
}

impl std::fmt::Debug for ChartImages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ChartImages({} bytes)", self.bytes())
    }
}

impl ChartImages {
    /// The image, if it was drawn and is still kept.
    pub fn get(&self, key: &ChartKey) -> Option<Arc<Vec<u8>>> {
        self.kept.lock().ok()?.images.get(key).cloned()
    }

    /// Keeps an image, dropping the oldest until the budget holds.
    pub fn put(&self, key: ChartKey, image: Arc<Vec<u8>>) {
        let Ok(mut kept) = self.kept.lock() else { return };
        if image.len() > BUDGET || kept.images.contains_key(&key) {
            return;
        }
        kept.bytes += image.len();
        kept.order.push_back(key.clone());
        kept.images.insert(key, image);
        while kept.bytes > BUDGET {
            let Some(oldest) = kept.order.pop_front() else { break };
            if let Some(dropped) = kept.images.remove(&oldest) {
                kept.bytes -= dropped.len();
            }
        }
    }

    /// How many bytes are kept.
    pub fn bytes(&self) -> usize {
        self.kept.lock().map_or(0, |k| k.bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cache_never_holds_more_than_its_budget() {
        let cache = ChartImages::default();
        let year = EditionYear::new(2024).unwrap();
        for i in 0..40 {
            cache.put(
                (year, smartcities_domain::PublishedVersion::FIRST, format!("site/es/charts/c{i}.png")),
                Arc::new(vec![0; 1 << 20]),
            );
        }
        assert!(cache.bytes() <= BUDGET);
        assert!(
            cache
                .get(&(year, smartcities_domain::PublishedVersion::FIRST, "site/es/charts/c0.png".into()))
                .is_none(),
            "the oldest went"
        );
        assert!(
            cache
                .get(&(year, smartcities_domain::PublishedVersion::FIRST, "site/es/charts/c39.png".into()))
                .is_some(),
            "the newest stays"
        );
    }
}
