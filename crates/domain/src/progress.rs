//! How a long job (an analysis, a publication) tells whoever runs it how far it is, without the
//! job knowing whether a terminal, a web page or nobody is watching.

/// Where a long job reports its progress. Every method does nothing unless a watcher cares; a
/// job may report from several threads at once.
pub trait Progress: Sync {
    /// The job has `steps` steps in all.
    fn set_length(&self, steps: u64) {
        let _ = steps;
    }
    /// `steps` more steps are done.
    fn inc(&self, steps: u64) {
        let _ = steps;
    }
    /// What the job is doing now.
    fn set_message(&self, message: &str) {
        let _ = message;
    }
    /// The job is over.
    fn finish(&self) {}
}

/// Nobody watches.
#[derive(Debug, Clone, Copy, Default)]
pub struct Silent;

impl Progress for Silent {}
