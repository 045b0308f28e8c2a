//! What a laid-out document puts where, read off typst's page frames: the box of every run of
//! text and every image on every page, so tests can hold that nothing leaves its page, that no
//! chart runs into text, and that no slide is a title alone.

use typst::layout::{Abs, FrameItem, Point, Transform};
use typst_layout::PagedDocument;

/// A box on a page, in points from its top-left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub left: f64,
    /// Top edge.
    pub top: f64,
    /// Right edge.
    pub right: f64,
    /// Bottom edge.
    pub bottom: f64,
}

impl Rect {
    fn around(points: &[Point]) -> Rect {
        let xs = points.iter().map(|p| p.x.to_pt());
        let ys = points.iter().map(|p| p.y.to_pt());
        Rect {
            left: xs.clone().fold(f64::INFINITY, f64::min),
            right: xs.fold(f64::NEG_INFINITY, f64::max),
            top: ys.clone().fold(f64::INFINITY, f64::min),
            bottom: ys.fold(f64::NEG_INFINITY, f64::max),
        }
    }

    fn overlaps(&self, other: &Rect) -> bool {
        self.left < other.right
            && other.left < self.right
            && self.top < other.bottom
            && other.top < self.bottom
    }
}

/// One thing drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    /// A run of text at a size (points).
    Text {
        /// Its text.
        text: String,
        /// Its font size in points.
        size: f64,
        /// Where it is.
        rect: Rect,
    },
    /// An image (a chart, a map).
    Image {
        /// Where it is.
        rect: Rect,
    },
}

impl Mark {
    fn rect(&self) -> &Rect {
        match self {
            Mark::Text { rect, .. } | Mark::Image { rect } => rect,
        }
    }
}

/// A laid-out page: its size and what is on it.
#[derive(Debug, Clone, PartialEq)]
pub struct PageMarks {
    /// Width in points.
    pub width: f64,
    /// Height in points.
    pub height: f64,
    /// The text runs and images on it.
    pub marks: Vec<Mark>,
}

/// The pages of a laid-out document.
pub fn marks(document: &PagedDocument) -> Vec<PageMarks> {
    document
        .pages()
        .iter()
        .map(|page| {
            let mut marks = Vec::new();
            collect(&page.frame, Transform::identity(), &mut marks);
            PageMarks { width: page.frame.width().to_pt(), height: page.frame.height().to_pt(), marks }
        })
        .collect()
}

fn collect(frame: &typst::layout::Frame, ts: Transform, out: &mut Vec<Mark>) {
    for (pos, item) in frame.items() {
        let at = ts.pre_concat(Transform::translate(pos.x, pos.y));
        let corners = |w: Abs, top: Abs, bottom: Abs| {
            [
                Point::new(Abs::zero(), top).transform(at),
                Point::new(w, top).transform(at),
                Point::new(Abs::zero(), bottom).transform(at),
                Point::new(w, bottom).transform(at),
            ]
        };
        match item {
            FrameItem::Group(group) => collect(&group.frame, at.pre_concat(group.transform), out),
            FrameItem::Text(text) if !text.text.trim().is_empty() => {
                // From the cap height above the baseline to the descenders below it.
                let rect = Rect::around(&corners(text.width(), -text.size * 0.75, text.size * 0.25));
                out.push(Mark::Text { text: text.text.to_string(), size: text.size.to_pt(), rect });
            }
            FrameItem::Image(_, size, _) => {
                out.push(Mark::Image { rect: Rect::around(&corners(size.x, Abs::zero(), size.y)) });
            }
            _ => {}
        }
    }
}

/// What is wrong with a document's layout, page by page (numbered from 1): a mark outside its
/// page, an image over text.
pub fn problems(pages: &[PageMarks]) -> Vec<String> {
    const SLACK: f64 = 0.5;
    let mut problems = Vec::new();
    for (n, page) in pages.iter().enumerate() {
        let n = n + 1;
        for mark in &page.marks {
            let r = mark.rect();
            if r.left < -SLACK
                || r.top < -SLACK
                || r.right > page.width + SLACK
                || r.bottom > page.height + SLACK
            {
                problems.push(format!("page {n}: {} leaves the page ({r:?})", describe(mark)));
            }
        }
        for image in page.marks.iter().filter(|m| matches!(m, Mark::Image { .. })) {
            for text in page.marks.iter().filter(|m| matches!(m, Mark::Text { .. })) {
                let inner = Rect {
                    left: text.rect().left + SLACK,
                    top: text.rect().top + SLACK,
                    right: text.rect().right - SLACK,
                    bottom: text.rect().bottom - SLACK,
                };
                if image.rect().overlaps(&inner) {
                    problems.push(format!("page {n}: an image covers {}", describe(text)));
                }
            }
        }
    }
    problems
}

/// Pages that say nothing but their title: no image and no text between the footer's size
/// and the title's.
pub fn title_alone(pages: &[PageMarks], title_size: f64, footer_size: f64) -> Vec<usize> {
    pages
        .iter()
        .enumerate()
        .filter(|(_, page)| {
            !page.marks.iter().any(|m| match m {
                Mark::Image { .. } => true,
                Mark::Text { size, .. } => *size > footer_size + 0.1 && *size < title_size - 0.1,
            })
        })
        .map(|(n, _)| n + 1)
        .collect()
}

fn describe(mark: &Mark) -> String {
    match mark {
        Mark::Text { text, .. } => format!("the text {text:?}"),
        Mark::Image { .. } => "an image".into(),
    }
}
