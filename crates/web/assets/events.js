// Adds, beside each event's hours in the zone where it is held, the same moment on the reader's
// own clock, in the page's language. Without JavaScript the zone and its offset from UTC are shown.
(function () {
  var lang = document.documentElement.lang || "en";
  var zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (e) {
    return;
  }
  document.querySelectorAll("time[data-local]").forEach(function (el) {
    if (el.dataset.zone === zone) return;
    var at = new Date(el.getAttribute("datetime"));
    if (isNaN(at)) return;
    var text = new Intl.DateTimeFormat(lang, {
      weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZoneName: "short",
    }).format(at);
    var out = el.parentNode.querySelector(".your-time");
    if (out) out.textContent = out.dataset.label + " " + text;
  });
})();
