// Filters the practice catalogue in the browser, by axis, by SDG and by words, without a
// server. The filter is kept in the address (?axis=…&sdg=…&words=…) so a filtered list can be
// shared.
(function () {
  var form = document.getElementById("practice-filter");
  var list = document.getElementById("practices");
  if (!form || !list) return;
  var items = Array.prototype.slice.call(list.querySelectorAll(".practice"));
  var params = new URLSearchParams(window.location.search);
  ["axis", "sdg", "words"].forEach(function (name) {
    if (params.has(name)) form.elements[name].value = params.get(name);
  });
  function apply() {
    var axis = form.elements.axis.value;
    var sdg = form.elements.sdg.value;
    var words = form.elements.words.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    items.forEach(function (item) {
      var text = item.textContent.toLowerCase();
      var ok = (!axis || item.dataset.axis === axis) &&
        (!sdg || item.dataset.sdgs.split(" ").indexOf(sdg) >= 0) &&
        words.every(function (w) { return text.indexOf(w) >= 0; });
      item.hidden = !ok;
      if (ok) shown += 1;
    });
    form.elements.shown.value = shown;
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
