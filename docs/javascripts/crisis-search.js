// Search help card: when what a reader types into the site search looks like a crisis ("i want to
// die", "kms", "my partner hits me", "cant cope"), a short card shows above the results: help is
// available now, the emergency numbers, and a link to the help page. Nothing is sent anywhere: the
// phrases, card text and numbers come from macros/data/shared-content.yml (`crisis_search`,
// `crisis`), written into the line below at build time by macros/hooks_search.py.
// The card sits in a live region (role="status"), so screen readers announce it as it appears.
const CRISIS_SEARCH_DATA = null; // filled in at build time by macros/hooks_search.py

(function () {
  "use strict";
  var data = CRISIS_SEARCH_DATA;
  var script = document.currentScript;
  var input = document.querySelector("input.md-search__input");
  var results = document.querySelector(".md-search-result");
  if (!data || !input || !results) return;

  // "I can’t  COPE!!" -> "i cant cope": case, apostrophes, punctuation and spacing do not matter.
  function normalise(text) {
    return text.toLowerCase().replace(/['’‘`]/g, "").replace(/[^a-z0-9]+/g, " ").trim();
  }

  // Typing slips: a missed, doubled or swapped letter (optimal string alignment distance).
  // Short phrases tolerate one slip, long ones two; a wrong letter only counts in long phrases,
  // so that "homeless" does not match "hopeless" but "i want to dye" matches "i want to die".
  function distance(a, b, substitution) {
    var d = [];
    for (var i = 0; i <= a.length; i++) { d[i] = [i]; }
    for (var j = 1; j <= b.length; j++) { d[0][j] = j; }
    for (i = 1; i <= a.length; i++) {
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : substitution;
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length][b.length];
  }

  var phrases = data.phrases.map(normalise);

  function looksLikeCrisis(query) {
    var q = normalise(query);
    if (!q) return false;
    return phrases.some(function (p) {
      if (q === p || (" " + q + " ").indexOf(" " + p + " ") !== -1) return true; // the phrase, within more words
      var slips = p.length >= 12 ? 2 : p.length >= 6 ? 1 : 0;
      return slips > 0 && Math.abs(q.length - p.length) <= slips &&
        distance(q, p, p.length >= 12 ? 1 : 2) <= slips;
    });
  }

  // The card, built once from the data (text only: no HTML from the data file is interpreted).
  var help = new URL("../" + data.help, script ? script.src : document.baseURI).href;
  var region = document.createElement("div");
  region.className = "ipt-crisis-card-region";
  region.setAttribute("role", "status");
  var card = document.createElement("div");
  card.className = "ipt-crisis-card";
  var title = document.createElement("h2");
  title.textContent = data.card.title;
  var text = document.createElement("p");
  text.textContent = data.card.text;
  var numbers = document.createElement("ul");
  numbers.setAttribute("aria-label", "Emergency numbers");
  data.emergency.forEach(function (e) {
    var item = document.createElement("li");
    var call = document.createElement("a");
    call.href = "tel:" + e.number.replace(/[^0-9+]/g, "");
    call.textContent = e.number;
    item.append(e.country + ": ", call);
    numbers.append(item);
  });
  var link = document.createElement("a");
  link.className = "ipt-crisis-card__link";
  link.href = help;
  link.textContent = data.card.link_label;
  card.append(title, text, numbers, link);
  results.insertBefore(region, results.firstChild);

  function update() {
    var show = looksLikeCrisis(input.value);
    if (show && !region.firstChild) region.append(card);
    if (!show && region.firstChild) region.removeChild(card);
  }
  // Material changes the box by key presses, its reset button and its suggestions.
  input.addEventListener("input", update);
  input.addEventListener("keyup", update);
  input.addEventListener("focus", update);
  if (input.form) input.form.addEventListener("reset", function () { setTimeout(update, 0); });
  update();
})();
