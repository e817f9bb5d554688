// Get help now: show the reader's likely country first. The guess uses only the browser's own
// time zone and preferred languages, on this device: nothing is sent anywhere and nothing is
// stored. Without JavaScript, or when the guess is unsure, the countries stay in their written
// order. Loaded only on the crisis page (overrides/main.html); the sections are made by
// macros/render.py (crisis_lines and abuse_services), the list at the top by macros/first_help.py.
(function () {
  "use strict";
  var list = document.querySelector("[data-ipt=crisis-countries]");
  var note = document.querySelector("[data-ipt=country-note]");
  if (!list || !note) return;

  function countries(container) {
    return container ? [].slice.call(container.children).filter(function (el) {
      return el.hasAttribute("data-country");
    }) : [];
  }

  var sections = countries(list);
  var abuseList = document.querySelector("[data-ipt=abuse-countries]");
  var abuseSections = countries(abuseList);
  // The guess is crisis-search.js's (loaded on every page, before this script): one rule for both.
  var code = window.IPTCrisisSearch ? IPTCrisisSearch.readerCountry(sections.map(function (s) {
    return { code: s.getAttribute("data-country"), zones: (s.getAttribute("data-zones") || "").split(" ") };
  })) : "";
  var pick = sections.filter(function (s) { return s.getAttribute("data-country") === code; })[0];
  if (!pick || pick === sections[0]) return;  // unsure, or already first: leave the page as written

  // The top of the page (the `first_help` list): the same country's numbers first.
  var first = document.querySelector("[data-ipt=first-help]");
  var rows = countries(first);
  var row = rows.filter(function (r) { return r.getAttribute("data-country") === code; })[0];
  if (row) first.insertBefore(row, first.firstChild);
  list.insertBefore(pick, note.nextSibling);
  var abuse = abuseSections.filter(function (s) { return s.getAttribute("data-country") === code; })[0];
  if (abuse) abuseList.insertBefore(abuse, abuseList.firstChild);

  note.querySelector("[data-ipt=country-name]").textContent = pick.getAttribute("data-name");
  note.hidden = false;

  // "Not your country?": put every country back in its written order, then follow the link
  // to the list of all countries.
  note.querySelector("[data-ipt=all-countries]").addEventListener("click", function () {
    sections.forEach(function (s) { list.appendChild(s); });
    abuseSections.forEach(function (s) { abuseList.appendChild(s); });
    rows.forEach(function (r) { first.appendChild(r); });
    note.hidden = true;
  });
})();
