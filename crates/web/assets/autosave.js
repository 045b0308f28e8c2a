// Saves the answers form shortly after each change, so that nothing typed is lost on a
// reload or a dropped connection. The form also works without this script: its Save button
// posts the same fields. Each save carries the revision it is based on; the server refuses a
// save that would overwrite someone else's newer answer and says which one.
(function () {
  "use strict";
  var form = document.getElementById("answers");
  if (!form || form.dataset.autosave !== "on") return;
  var status = document.getElementById("autosave-status");
  var revision = form.querySelector("input[name=revision]");
  var timer = null;
  var saving = false;
  var again = false;

  function say(text) {
    if (status) status.textContent = text;
  }

  function save() {
    if (saving) {
      again = true;
      return;
    }
    saving = true;
    say(form.dataset.saving);
    var body = new URLSearchParams(new FormData(form));
    fetch(window.location.pathname, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { Accept: "application/json" }
    })
      .then(function (response) {
        return response.json().then(function (data) {
          if (response.ok) {
            revision.value = data.revision;
            say(form.dataset.saved + " " + new Date().toLocaleTimeString());
          } else {
            var details = (data.conflicts || []).join(" · ");
            say(data.error.message + (details ? " " + details : ""));
          }
        });
      })
      .catch(function () {
        say(form.dataset.offline);
      })
      .then(function () {
        saving = false;
        if (again) {
          again = false;
          save();
        }
      });
  }

  function later(delay) {
    window.clearTimeout(timer);
    timer = window.setTimeout(save, delay);
  }

  form.addEventListener("input", function () { later(800); });
  form.addEventListener("change", function () { later(200); });
})();
