// Get help now: show the reader's likely country first. The guess uses only the browser's own
// time zone and preferred languages, on this device: nothing is sent anywhere and nothing is
// stored. Without JavaScript, or when the guess is unsure, the countries stay in their written
// order. Loaded only on the crisis page (overrides/main.html); the sections are made by
// macros/render.py (crisis_lines and abuse_services).
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
  var zone = "";
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  } catch (e) {
    zone = "";
  }

  function byZone() {
    return sections.filter(function (s) {
      return (s.getAttribute("data-zones") || "").split(" ").indexOf(zone) >= 0;
    })[0];
  }

  // "UTC" or "Etc/GMT+5" says nothing about where someone is; only then do languages decide.
  // A zone of a country not listed here (say Europe/Berlin) keeps the written order.
  function zoneNamesNoPlace() {
    return !zone || zone.indexOf("/") < 0 || zone.indexOf("Etc/") === 0;
  }

  function regionOf(tag) {
    try {
      if (window.Intl && Intl.Locale) return new Intl.Locale(tag).region || "";
    } catch (e) { /* not a valid language tag: try the simple pattern below */ }
    var match = /^[a-z]{2,3}(?:-[a-z]{4})?-([a-z]{2})(?:-|$)/i.exec(tag);
    return match ? match[1].toUpperCase() : "";
  }

  function byLanguage() {
    var tags = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
    for (var i = 0; i < tags.length; i++) {
      var region = regionOf(tags[i]);
      var found = sections.filter(function (s) { return s.getAttribute("data-country") === region; })[0];
      if (found) return found;
    }
    return null;
  }

  var pick = byZone() || (zoneNamesNoPlace() ? byLanguage() : null);
  if (!pick || pick === sections[0]) return;  // unsure, or already first: leave the page as written

  var code = pick.getAttribute("data-country");
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
    note.hidden = true;
  });
})();
