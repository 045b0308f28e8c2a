//! Downloads of published files, counted in memory and written in batches: a visitor's GET
//! costs no write, and one client fetching a file again and again on a day counts once.

use std::{
    collections::{HashMap, HashSet},
    sync::{Arc, Mutex},
};

use smartcities_domain::{Day, EditionYear};

use smartcities_store::DownloadCount;

use crate::{App, Result, accounts::Client};

/// The files of a published version whose fetches count as downloads: documents and data, not
/// the pages, styles and charts of the site.
const DOWNLOADS: [&str; 6] = [".pdf", ".zip", ".csv", ".xlsx", ".json", ".pptx"];

/// How many (client, file) pairs a server remembers in a day to count each once; past it,
/// downloads are counted without that check until the day ends.
const MAX_SEEN: usize = 200_000;

/// Downloads counted since the last write, by (edition, file, day).
#[derive(Debug, Default)]
pub(crate) struct Tally {
    day: Option<Day>,
    seen: HashSet<(String, EditionYear, String)>,
    pending: HashMap<(EditionYear, String, Day), u64>,
}

/// A tally shared by every clone of the application.
pub(crate) type SharedTally = Arc<Mutex<Tally>>;

impl App {
    /// Counts a download of a published edition's file, if it is a document or data file and
    /// this client has not fetched it today. Nothing is written now: see
    /// [`App::flush_downloads`].
    pub fn count_download(&self, year: EditionYear, path: &str, client: &Client) {
        let counted = !path.starts_with("site/") && DOWNLOADS.iter().any(|ext| path.ends_with(ext));
        if !counted {
            return;
        }
        let file = path.rsplit('/').next().unwrap_or(path).to_string();
        let (edition, today) = (year, self.today());
        let Ok(mut tally) = self.downloads.lock() else { return };
        if tally.day != Some(today) {
            tally.day = Some(today);
            tally.seen.clear();
        }
        if tally.seen.len() < MAX_SEEN && !tally.seen.insert((client.fingerprint(), edition, file.clone())) {
            return;
        }
        *tally.pending.entry((edition, file, today)).or_default() += 1;
    }

    /// Writes the downloads counted since the last call, in one transaction; returns how many
    /// were written. On failure they are kept for the next call.
    pub async fn flush_downloads(&self) -> Result<u64> {
        let pending = match self.downloads.lock() {
            Ok(mut tally) => std::mem::take(&mut tally.pending),
            Err(_) => return Ok(0),
        };
        if pending.is_empty() {
            return Ok(0);
        }
        let counts: Vec<DownloadCount> = pending
            .iter()
            .map(|((edition, file, day), count)| DownloadCount {
                edition: *edition,
                file: file.clone(),
                day: *day,
                count: *count,
            })
            .collect();
        match self.store.community().add_downloads(&counts).await {
            Ok(()) => Ok(counts.iter().map(|c| c.count).sum()),
            Err(e) => {
                if let Ok(mut tally) = self.downloads.lock() {
                    for (key, n) in pending {
                        *tally.pending.entry(key).or_default() += n;
                    }
                }
                Err(e.into())
            }
        }
    }
}
