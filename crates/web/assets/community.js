// Fills the progress report's summary with the one drafted from the data for the chosen period
// and language, so the secretariat edits rather than starts from nothing. Without JavaScript
// an empty summary is drafted when the report is made.
(function () {
  var link = document.getElementById("draft-summary");
  if (!link) return;
  link.addEventListener("click", function (event) {
    event.preventDefault();
    var form = document.getElementById("report-form");
    var params = new URLSearchParams({
      from: form.elements.from.value,
      to: form.elements.to.value,
      lang: form.elements.lang.value,
    });
    fetch(link.dataset.endpoint + "?" + params.toString(), { credentials: "same-origin" })
      .then(function (reply) {
        return reply.ok ? reply.text() : Promise.reject(reply.status);
      })
      .then(function (text) {
        form.elements.summary.value = text;
        form.elements.summary.focus();
      })
      .catch(function () {});
  });
})();
