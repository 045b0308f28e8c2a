// Saves the answers form shortly after each change, so that nothing typed is lost on a
// reload or a dropped connection. The form also works without this script: its Save button
// posts the same fields. Each save carries the revision it is based on; the server refuses a
// save that would overwrite someone else's newer answer and says which one. Each answer says
// which questions are relevant now and which answers do not pass their checks: follow-up
// questions appear or hide at once, and problems show beside their fields.
(function () {
  "use strict";
  var form = document.getElementById("answers");
  if (!form || form.dataset.autosave !== "on") return;
  var status = document.getElementById("autosave-status");
  var revision = form.querySelector("input[name=revision]");
  var lang = document.documentElement.lang || undefined;
  var timer = null;
  var saving = false;
  var again = false;

  function say(text) {
    if (status) status.textContent = text;
  }

  // Where saving stands, for styles and tests: pending (a change waits), saving, saved, failed.
  function stand(state) {
    form.dataset.state = state;
  }

  // Shows or hides a question; a hidden one is not submitted, so its answer is kept.
  function setRelevant(block, relevant) {
    block.hidden = !relevant;
    block.querySelectorAll("input, textarea, select").forEach(function (input) {
      input.disabled = !relevant;
    });
  }

  function setProblem(block, message) {
    var problem = block.querySelector("[data-problem]");
    if (!problem) return;
    problem.textContent = message || "";
    problem.hidden = !message;
    block.classList.toggle("has-problem", !!message);
    block.querySelectorAll("input[type=text], textarea:not([name^='note:'])").forEach(function (input) {
      if (message) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    });
  }

  // The page carries the sentence in its singular and plural forms, rendered by the server;
  // the browser's CLDR plural rules say which one a count takes in the page's language.
  function problemsText(count) {
    var form_ = new Intl.PluralRules(lang).select(count) === "one" ? "problemsOne" : "problemsOther";
    return form.dataset[form_].replace(/\d+/, String(count));
  }

  function apply(data) {
    var relevant = data.relevant || {};
    var problems = data.problems || {};
    form.querySelectorAll("[data-field]").forEach(function (block) {
      var field = block.dataset.field;
      if (Object.prototype.hasOwnProperty.call(relevant, field)) setRelevant(block, relevant[field]);
      setProblem(block, block.hidden ? "" : problems[field]);
    });
    var count = Object.keys(problems).length;
    var time = new Date().toLocaleTimeString(lang, { hour: "2-digit", minute: "2-digit" });
    say(form.dataset.saved + " " + time + (count ? " · " + problemsText(count) : ""));
  }

  // The form's fields, leaving out those whose answers were refused: they stay on the page
  // with their messages, and the others are saved.
  function fields(refused) {
    var body = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      var field = name === "shown" ? value : name;
      if (!Object.prototype.hasOwnProperty.call(refused, field)) body.append(name, value);
    });
    return body;
  }

  function post(body) {
    return fetch(window.location.pathname + window.location.search, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { Accept: "application/json" }
    }).then(function (response) {
      return response.json().then(function (data) {
        return { ok: response.ok, data: data };
      });
    });
  }

  function save() {
    if (saving) {
      again = true;
      return;
    }
    saving = true;
    timer = null;
    stand("saving");
    say(form.dataset.saving);
    post(fields({}))
      .then(function (first) {
        if (first.ok || !first.data.problems) return [first, {}];
        var refused = first.data.problems;
        return post(fields(refused)).then(function (second) { return [second, refused]; });
      })
      .then(function (outcome) {
        var reply = outcome[0];
        var refused = outcome[1];
        if (reply.ok) {
          revision.value = reply.data.revision;
          Object.keys(refused).forEach(function (field) { reply.data.problems[field] = refused[field]; });
          apply(reply.data);
          return "saved";
        }
        var details = (reply.data.conflicts || []).join(" · ");
        say(reply.data.error.message + (details ? " " + details : ""));
        return "failed";
      })
      .catch(function () {
        say(form.dataset.offline);
        return "failed";
      })
      .then(function (state) {
        saving = false;
        if (again) {
          again = false;
          save();
        } else if (timer === null) {
          stand(state);
        }
      });
  }

  function later(delay) {
    window.clearTimeout(timer);
    stand("pending");
    timer = window.setTimeout(save, delay);
  }

  form.addEventListener("input", function () { later(800); });
  // A choice saves soon; a text field that changed (emptied before it is typed into again, say)
  // waits as typing does, so a value on its way is not saved as blank first.
  form.addEventListener("change", function (event) {
    var typed = event.target.tagName === "TEXTAREA" || event.target.type === "text" || event.target.type === "date";
    later(typed ? 800 : 200);
  });
})();
