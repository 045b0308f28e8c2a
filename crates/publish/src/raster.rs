//! Charts as PNG images for people who paste them into slides or documents that take no SVG:
//! the published SVG drawn at twice its size on white with the fonts the PDFs use, so a PNG
//! says exactly what its SVG says.

use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};

/// How many pixels per SVG unit: twice, for sharp text on high-density screens and in print.
const SCALE: f32 = 2.0;

/// The largest image drawn, in pixels per side: a chart is never larger.
const MAX_SIDE: f32 = 4096.0;

fn options() -> &'static usvg::Options<'static> {
    static OPTIONS: OnceLock<usvg::Options<'static>> = OnceLock::new();
    OPTIONS.get_or_init(|| {
        let mut fonts = usvg::fontdb::Database::new();
        for data in crate::pdf::world::FONT_FILES {
            fonts.load_font_data(data.to_vec());
        }
        fonts.set_sans_serif_family("Noto Sans");
        usvg::Options { fontdb: Arc::new(fonts), font_family: "Noto Sans".into(), ..Default::default() }
    })
}

/// The SVG a chart's PNG is drawn from: `site/{lang}/charts/{name}.svg` for
/// `site/{lang}/charts/{name}.png`; `None` for any other path.
pub fn svg_of_png(path: &str) -> Option<String> {
    let stem = path.strip_suffix(".png")?;
    let mut parts = stem.split('/');
    let ok = parts.next() == Some("site")
        && parts.next().is_some_and(|lang| lang.len() == 2)
        && parts.next() == Some("charts")
        && parts.next().is_some_and(|name| !name.is_empty() && !name.contains(".."))
        && parts.next().is_none();
    ok.then(|| format!("{stem}.svg"))
}

/// The PNG of every chart among a version's files, for a copy of the version outside the
/// platform (which draws them when asked for).
pub fn chart_pngs(files: &[crate::File]) -> Result<Vec<crate::File>, String> {
    use rayon::prelude::*;
    files
        .par_iter()
        .filter(|f| f.path.ends_with(".svg") && svg_of_png(&f.path.replace(".svg", ".png")).is_some())
        .map(|f| {
            let svg = std::str::from_utf8(&f.bytes).map_err(|e| format!("{}: {e}", f.path))?;
            let image = png(svg).map_err(|e| format!("{}: {e}", f.path))?;
            Ok(crate::File::new(f.path.replace(".svg", ".png"), image))
        })
        .collect()
}

/// The PNG of a chart's SVG.
pub fn png(svg: &str) -> Result<Vec<u8>, String> {
    let tree = usvg::Tree::from_str(svg, options()).map_err(|e| e.to_string())?;
    let size = tree.size();
    let scale = SCALE.min(MAX_SIDE / size.width().max(size.height()).max(1.0));
    let (width, height) = ((size.width() * scale).ceil() as u32, (size.height() * scale).ceil() as u32);
    let mut pixmap = tiny_skia::Pixmap::new(width.max(1), height.max(1)).ok_or("the chart has no size")?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(&tree, tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chart_becomes_a_png_of_twice_its_size() {
        let bars = [crate::charts::Bar {
            label: "Ciclovías".into(),
            count: 12,
            share: Some(0.6),
            interval: Some((0.39, 0.78)),
            value: "60 %".into(),
        }];
        let svg = crate::charts::bars("Título", &bars, &crate::names::legend(smartcities_domain::Lang::Es));
        let image = png(&svg).unwrap();
        assert_eq!(&image[..8], b"\x89PNG\r\n\x1a\n");
        let width = u32::from_be_bytes(image[16..20].try_into().unwrap());
        let view_width: f32 =
            svg.split("viewBox=\"0 0 ").nth(1).unwrap().split(' ').next().unwrap().parse().unwrap();
        assert_eq!(width, (view_width * 2.0).ceil() as u32);
        assert!(png("<svg").is_err(), "a broken SVG is an error, not a panic");
        assert_eq!(svg_of_png("site/es/charts/q-bike.png").as_deref(), Some("site/es/charts/q-bike.svg"));
        for other in ["site/es/index.png", "pdf/x.png", "site/es/charts/a/b.png", "site/es/charts/q.svg"] {
            assert_eq!(svg_of_png(other), None, "{other}");
        }
    }
}
