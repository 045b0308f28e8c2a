//! Pages as a real browser renders them: headless Chromium (Debian's `chromium`, or the binary
//! `SMARTCITIES_CHROMIUM` names) with axe-core, at a phone's width and a desktop's. Tests using
//! it are ignored unless asked for (`cargo test -- --include-ignored`), since they need the browser.

use std::{path::Path, time::Duration};

/// axe-core, as the tests ship it (MPL-2.0: `assets/axe-core/README.md`).
const AXE: &str = include_str!("../assets/axe-core/axe.min.js");

/// Runs axe once the page has loaded and writes the serious and critical violations into the
/// page, where `--dump-dom` finds them; a page wider than the window (it would scroll sideways)
/// is a violation too, naming what sticks out.
const RUN_AXE: &str = r#"window.addEventListener("load", function () {
  axe.run(document, { resultTypes: ["violations"] }).then(function (r) {
    var bad = r.violations.filter(function (v) { return v.impact === "serious" || v.impact === "critical"; })
      .map(function (v) { return { id: v.id, impact: v.impact, nodes: v.nodes.map(function (n) { return n.target.join(" "); }).slice(0, 5) }; });
    var width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width) {
      var wide = Array.prototype.filter.call(document.body.querySelectorAll("*"), function (e) {
        return e.getBoundingClientRect().right > width + 1 && !e.closest(".table-wrap") && !e.closest(".chart-scroll");
      }).slice(0, 5).map(function (e) { return e.tagName + "." + e.className; });
      bad.push({ id: "scrolls-sideways", impact: "serious", nodes: wide });
    }
    var pre = document.createElement("pre");
    pre.id = "axe-result";
    pre.textContent = JSON.stringify(bad);
    document.body.appendChild(pre);
  });
});"#;

/// Writes axe and its runner into `dir`, as `axe.min.js` and `run-axe.js`.
pub fn install_axe(dir: &Path) {
    std::fs::write(dir.join("axe.min.js"), AXE).expect("write axe");
    std::fs::write(dir.join("run-axe.js"), RUN_AXE).expect("write the runner");
}

/// The page with axe and its runner loaded last, from `prefix` (where [`install_axe`] put them).
pub fn with_axe(html: &str, prefix: &str) -> String {
    html.replace(
        "</body>",
        &format!(
            r#"<script src="{prefix}axe.min.js"></script><script src="{prefix}run-axe.js"></script></body>"#
        ),
    )
}

/// The serious and critical violations axe found on a page prepared by [`with_axe`], as JSON
/// (`[]` when none), in a window `width` pixels wide.
pub async fn axe_violations(url: &str, width: u32) -> String {
    let dom = rendered_at(url, width).await;
    dom.split(r#"<pre id="axe-result">"#)
        .nth(1)
        .and_then(|rest| rest.split("</pre>").next())
        .unwrap_or_else(|| panic!("axe did not finish on {url} at {width} px"))
        .to_string()
}

/// The page after scripts ran, as Chromium serialises it, in a window `width` pixels wide.
pub async fn rendered_at(url: &str, width: u32) -> String {
    let profile = tempfile::tempdir().expect("a profile directory");
    let browser = std::env::var("SMARTCITIES_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let run = tokio::process::Command::new(&browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--disable-background-networking",
            "--allow-file-access-from-files",
            "--virtual-time-budget=20000",
        ])
        .arg(format!("--window-size={width},900"))
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(url)
        .kill_on_drop(true)
        .output();
    let out = tokio::time::timeout(Duration::from_secs(90), run)
        .await
        .unwrap_or_else(|_| panic!("chromium hangs on {url}"))
        .unwrap_or_else(|e| panic!("needs Chromium at {browser}: {e}"));
    String::from_utf8_lossy(&out.stdout).into_owned()
}
