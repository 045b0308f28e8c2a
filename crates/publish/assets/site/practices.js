// Filters the practice catalogue in the browser, by axis, by SDG and by words, without a
// server. Words are matched as the platform's search matches them (words.js): each practice
// carries its words, folded and stemmed, in data-words. The filter is kept in the address
// (?axis=…&sdg=…&words=…) so a filtered list can be shared.
(function () {
  var form = document.getElementById("practice-filter");
  var list = document.getElementById("practices");
  if (!form || !list || typeof SiteWords === "undefined") return;
  var analyse = SiteWords.make(document.documentElement.lang, window.SnowballStemmer);
  // "1 practice shown", "0 pratique affichée": the label follows the language's plural rule.
  var label = document.getElementById("shown-label");
  var plurals = new Intl.PluralRules(document.documentElement.lang);
  var items = Array.prototype.slice.call(list.querySelectorAll(".practice")).map(function (item) {
    var words = {};
    (item.dataset.words || "").split(" ").forEach(function (w) { if (w) words[w] = true; });
    return { element: item, words: words };
  });
  var params = new URLSearchParams(window.location.search);
  ["axis", "sdg", "words"].forEach(function (name) {
    if (params.has(name)) form.elements[name].value = params.get(name);
  });
  function apply() {
    var axis = form.elements.axis.value;
    var sdg = form.elements.sdg.value;
    var wanted = analyse(form.elements.words.value);
    var shown = 0;
    items.forEach(function (item) {
      var element = item.element;
      var ok = (!axis || element.dataset.axis === axis) &&
        (!sdg || element.dataset.sdgs.split(" ").indexOf(sdg) >= 0) &&
        wanted.every(function (w) { return item.words[w.stem] || item.words[w.plain]; });
      element.hidden = !ok;
      if (ok) shown += 1;
    });
    form.elements.shown.value = shown;
    if (label) {
      label.textContent = plurals.select(shown) === "one" ? label.dataset.one : label.dataset.other;
    }
  }
  function remember() {
    var query = new URLSearchParams();
    ["axis", "sdg", "words"].forEach(function (name) {
      if (form.elements[name].value) query.set(name, form.elements[name].value);
    });
    var search = query.toString();
    try {
      window.history.replaceState(null, "", search ? "?" + search : window.location.pathname);
    } catch (e) {
      // Some browsers refuse to change the address of a page opened from a file.
    }
  }
  form.addEventListener("input", function () { apply(); remember(); });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.hidden = false;
  apply();
})();
