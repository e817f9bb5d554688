// Search help card: when what a reader types into the site search looks like a crisis ("i want to
// die", "kms", "my partner hits me", "nobody would miss me"), a short card shows above the results:
// help is available now, the emergency number and a line to talk to, and a link to the help page.
// Nothing is sent anywhere: the words, card text and numbers come from
// macros/data/shared-content.yml (`crisis_search`, `crisis`), written into the line below at build
// time by macros/hooks_search.py. It needs no search index, so it shows at once from the words
// alone; when the site's search answers, its answer can add the card, never remove it (it adds nothing to
// words blanked as an everyday idiom or a topic: those are listed narrowly for that reason).
// The card sits in a live region (role="status"), so screen readers announce it as it appears.
const CRISIS_SEARCH_DATA = null; // filled in at build time by macros/hooks_search.py

// The logic, apart from the page, so that it can be tested without one (tests/search/, in V8) and
// used by country-first.js (the crisis page's country guess): IPTCrisisSearch.looksLikeCrisis,
// IPTCrisisSearch.guessCountry.
var IPTCrisisSearch = (function () {
  "use strict";

  // "I can’t  COPE!!" -> "i cant cope": case, apostrophes, punctuation and spacing do not matter.
  function normalise(text) {
    return text.toLowerCase().replace(/['’‘`]/g, "").replace(/[^a-z0-9]+/g, " ").trim();
  }

  // Filler words ("i just want to die", "i really cant go on") say nothing about a crisis: they are
  // dropped from what was typed and from the listed phrases, so the lists need no copy with them.
  function withoutFillers(text, fillers) {
    return text.split(" ").filter(function (w) { return fillers.indexOf(w) === -1; }).join(" ");
  }

  // Typing slips: a missed, doubled or swapped letter (optimal string alignment distance); a wrong
  // letter costs `substitution` (2 where it must not count: "homeless" is not "hopeless").
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

  // A listed phrase: the whole search, the phrase within more words, or the whole search with
  // typing slips (short phrases tolerate one, long ones two; a wrong letter only in long ones).
  function matchesPhrase(q, p) {
    if (q === p || (" " + q + " ").indexOf(" " + p + " ") !== -1) return true;
    var slips = p.length >= 12 ? 2 : p.length >= 6 ? 1 : 0;
    return slips > 0 && Math.abs(q.length - p.length) <= slips && distance(q, p, p.length >= 12 ? 1 : 2) <= slips;
  }

  // One typed word against one listed word: a lone * is any one word ("hurt* * feelings" is "hurt
  // my mums feelings" too); a lone # is any number typed in digits, a unit may follow ("took 30", "500mg": the data file lists no
  // quantity, so that no amount is shown in this public script); equal; or the listed word ends in * and the typed word starts with it;
  // or, for words of 6 letters or more, the same with one missed, doubled or swapped letter
  // ("sucidal" starts like "suicid*" with one letter missed). A stem's slip must end on the stem's
  // last letter, or every shorter word would match ("strange" is not "strangl*").
  function matchesWord(typed, listed) {
    if (listed === "*") return typed !== ""; // not a word an idiom blanked out
    if (listed === "#") return /^[0-9]+[a-z]*$/.test(typed); // "30", "30x", "9pm": a number, any unit
    var stem = listed.charAt(listed.length - 1) === "*";
    var w = stem ? listed.slice(0, -1) : listed;
    if (stem ? typed.indexOf(w) === 0 : typed === w) return true;
    if (w.length < 6) return false;
    // One slip changes the length by at most one: most typed words are ruled out before the
    // distance is worked out (each typed word is compared with every listed first word, once, and
    // with the later words of the items that start there).
    if (typed.length < w.length - 1 || (!stem && typed.length > w.length + 1)) return false;
    if (!stem) return distance(typed, w, 2) <= 1;
    for (var n = w.length - 1; n <= w.length + 1; n++) {
      if (typed.charAt(n - 1) === w.charAt(w.length - 1) && distance(typed.slice(0, n), w, 2) <= 1) return true;
    }
    return false;
  }

  // Where the items of a list ("no one", "kill*") stand in the typed words: [start, end) of each
  // place, in no set order (by typed word, then item): callers use only which places there are.
  // With `loose`, an item of three words or more may have one more word inside ("nothing LEFT to
  // live for", "end your OWN life"): readers rarely type a listed wording word for word.
  // `lists` is what `prepared` made of the data; `list` is one of its lists.
  function placesOfAny(words, lists, list, loose) {
    var found = [];
    for (var i = 0; i < words.length; i++) {
      startsAt(lists, list, words[i]).forEach(function (parts) {
        var end = placeFrom(words, i, parts, 0, loose && parts.length >= 3 ? 1 : 0);
        if (end !== -1) found.push([i, end]);
      });
    }
    return found;
  }

  // The items of `list` whose first word `typed` matches. What a typed word matches is worked out
  // once, against each different first word of every list, and kept (the matcher runs on every key,
  // and the same words come back): the same answer as comparing it with every item, many times
  // faster. Safe because matchesWord depends on nothing but its two words; if it ever reads more
  // (the list, the position), drop this cache. A long paste cannot make it grow without end.
  function startsAt(lists, list, typed) {
    var matched = lists.firstWordsOf[typed];
    if (!matched) {
      matched = lists.firstWords.filter(function (listed) { return matchesWord(typed, listed); });
      if (++lists.kept > 20000) {
        lists.firstWordsOf = Object.create(null);
        lists.kept = 1;
      }
      lists.firstWordsOf[typed] = matched;
    }
    var items = [];
    matched.forEach(function (listed) { if (list[listed]) items.push.apply(items, list[listed]); });
    return items;
  }

  // The end of the item's place if its word `k` stands at `i`, or -1.
  function placeFrom(words, i, parts, k, extra) {
    if (i >= words.length || !matchesWord(words[i], parts[k])) return -1;
    if (k === parts.length - 1) return i + 1;
    var end = placeFrom(words, i + 1, parts, k + 1, extra);
    if (end === -1 && extra > 0 && words[i + 1]) end = placeFrom(words, i + 2, parts, k + 1, extra - 1);
    return end;
  }

  // Everyday idioms ("kill time", "dying to know", "my phone died") are blanked out first, so their
  // words cannot count towards a concept. Word for word only: a looser idiom could hide a crisis.
  function withoutIdioms(words, lists, idioms) {
    var left = words.slice();
    placesOfAny(words, lists, idioms).forEach(function (p) {
      for (var i = p[0]; i < p[1]; i++) left[i] = "";
    });
    return left;
  }

  // The lists as they are compared, worked out once per data (the matcher runs on every key):
  // phrases normalised and without fillers; every other list's items split into their words and
  // grouped by their first word (idioms: {"kill*": [["kill*", "time"], ...], ...}); the first words
  // of all lists together (`firstWords`), and those each typed word matches (`firstWordsOf`, filled
  // in by startsAt; `kept` counts them).
  var ready = { data: null };
  function prepared(data) {
    if (ready.data !== data) {
      var firstWords = Object.create(null);
      var byFirstWord = function (items) {
        var list = Object.create(null);
        items.forEach(function (item) {
          var parts = item.split(" ");
          (list[parts[0]] = list[parts[0]] || []).push(parts);
          firstWords[parts[0]] = true;
        });
        return list;
      };
      var concepts = {};
      Object.keys(data.concepts).forEach(function (name) { concepts[name] = byFirstWord(data.concepts[name].words); });
      ready = {
        data: data,
        phrases: data.phrases.map(function (p) { return withoutFillers(normalise(p), data.fillers); }),
        notACrisis: byFirstWord(data.not_a_crisis),
        idioms: byFirstWord(data.idioms),
        concepts: concepts,
        firstWords: Object.keys(firstWords),
        firstWordsOf: Object.create(null),
        kept: 0,
      };
    }
    return ready;
  }

  // Two concepts must be said by different words: "hurts" cannot be both the harm and the person.
  function apart(a, b) {
    return a.some(function (x) { return b.some(function (y) { return x[1] <= y[0] || y[1] <= x[0]; }); });
  }

  // The decision, on meaning rather than on listed sentences (see "Crisis words" in CONTRIBUTING.md):
  // 0. filler words ("just", "really") are dropped, and wordings that are never a crisis blanked;
  // 1. a listed phrase (also with typing slips) shows the card;
  // 2. otherwise everyday idioms are blanked out, and the words are read as CONCEPTS of the data file
  //    (death, self-harm, hopelessness, pills, violence, a person, a time like tonight ...);
  // 3. a concept marked `alone` (suicide, overdose, rape, hopeless, worthless ...) shows the card by
  //    itself; a weaker one shows it with one of the concepts it `needs` (dying + wanting; pills +
  //    how many; hitting + a person), said by other words;
  // 4. `engineSaysHelp`: the site's own search ranked Get help now first (its index holds every
  //    crisis phrase). That answer counts as the second signal for any weaker concept, never alone
  //    (the help page also comes first for many everyday questions).
  // A missed card can cost a life, a needless one little: the concepts lean towards showing.
  function looksLikeCrisis(query, data, engineSaysHelp) {
    // Wordings that are never a crisis ("suicide awareness week", "i cant go on holiday") are blanked
    // first, even from the phrases; the blank keeps words on either side apart.
    var lists = prepared(data);
    var q = withoutIdioms(withoutFillers(normalise(query), data.fillers).split(" "), lists, lists.notACrisis).join(" ");
    if (!q.trim()) return false;
    if (lists.phrases.some(function (p) { return matchesPhrase(q, p); })) return true;
    var words = withoutIdioms(q.split(" "), lists, lists.idioms);
    var said = {};
    Object.keys(data.concepts).forEach(function (name) {
      said[name] = placesOfAny(words, lists, lists.concepts[name], true);
    });
    return Object.keys(data.concepts).some(function (name) {
      var concept = data.concepts[name];
      if (!said[name].length) return false;
      if (concept.alone) return true;
      if (!concept.needs.length) return false;
      return Boolean(engineSaysHelp) || concept.needs.some(function (other) { return apart(said[name], said[other]); });
    });
  }

  // The reader's likely country, from the browser's own time zone and preferred languages (on
  // this device; nothing is sent). `countries`: [{code, zones}] in the data file's order.
  // Returns a code, or "" when unsure. "UTC" or "Etc/GMT+5" says nothing about where someone is:
  // only then do languages decide ("en-GB" -> GB); a zone of a country not listed (Europe/Berlin)
  // means unsure.
  function guessCountry(zone, languages, countries) {
    zone = zone || "";
    var byZone = countries.filter(function (c) { return c.zones.indexOf(zone) >= 0; })[0];
    if (byZone) return byZone.code;
    if (zone && zone.indexOf("/") >= 0 && zone.indexOf("Etc/") !== 0) return "";
    for (var i = 0; i < languages.length; i++) {
      var region = regionOf(languages[i] || "");
      var byLanguage = countries.filter(function (c) { return c.code === region; })[0];
      if (byLanguage) return byLanguage.code;
    }
    return "";
  }

  function regionOf(tag) {
    try {
      if (typeof Intl !== "undefined" && Intl.Locale) return new Intl.Locale(tag).region || "";
    } catch (e) { /* not a valid language tag: try the simple pattern below */ }
    var match = /^[a-z]{2,3}(?:-[a-z]{4})?-([a-z]{2})(?:-|$)/i.exec(tag);
    return match ? match[1].toUpperCase() : "";
  }

  // What this browser says about where it is: its time zone and languages, never sent anywhere.
  function readerCountry(countries) {
    var zone = "";
    try {
      zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
    } catch (e) {
      zone = "";
    }
    var nav = typeof navigator === "undefined" ? {} : navigator;
    var languages = nav.languages && nav.languages.length ? nav.languages : [nav.language || ""];
    return guessCountry(zone, languages, countries);
  }

  return { normalise: normalise, looksLikeCrisis: looksLikeCrisis, guessCountry: guessCountry, readerCountry: readerCountry };
})();

(function () {
  "use strict";
  var data = CRISIS_SEARCH_DATA;
  if (!data || typeof document === "undefined") return;
  var script = document.currentScript;
  var input = document.querySelector("input.md-search__input");
  var results = document.querySelector(".md-search-result");
  if (!input || !results) return;

  // One line a country: its emergency number, and its line to talk to. The reader's likely
  // country first (the others follow: a guess can be wrong).
  function tel(number) {
    var link = document.createElement("a");
    link.href = "tel:" + number.replace(/[^0-9+]/g, "");
    link.textContent = number;
    return link;
  }
  var guess = IPTCrisisSearch.readerCountry(data.countries);
  var countries = data.countries.filter(function (c) { return c.code === guess; })
    .concat(data.countries.filter(function (c) { return c.code !== guess; }));

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
  numbers.setAttribute("aria-label", "Emergency numbers and lines to talk to");
  countries.forEach(function (c) {
    var item = document.createElement("li");
    item.setAttribute("data-country", c.code);
    var name = document.createElement("strong");
    name.textContent = c.country;
    item.append(name, ": " + data.card.emergency_label + " ", tel(c.emergency));
    if (c.listen) item.append(" · " + data.card.listen_label + ": " + c.listen.name + ", " + c.listen.ways + " ", tel(c.listen.number));
    numbers.append(item);
  });
  var link = document.createElement("a");
  link.className = "ipt-crisis-card__link";
  link.href = help;
  link.textContent = data.card.link_label;
  card.append(title, text, numbers, link);
  results.insertBefore(region, results.firstChild);

  // The site's own search as a second opinion: Get help now's index entry holds every crisis
  // phrase, so when the results list Material renders puts it first with none of the typed words
  // missing, a weaker crisis concept is enough for the card. Read from the page; nothing is sent.
  var list = results.querySelector(".md-search-result__list");
  function engineSaysHelp() {
    var first = list && list.querySelector(".md-search-result__item");
    var link = first && first.querySelector("a[href]");
    return Boolean(link) && new URL(link.href).pathname === new URL(help).pathname &&
      !link.querySelector(".md-search-result__terms"); // the page's own entry, not its sections
  }

  function update() {
    var show = IPTCrisisSearch.looksLikeCrisis(input.value, data, engineSaysHelp());
    if (show && !region.firstChild) region.append(card);
    if (!show && region.firstChild) region.removeChild(card);
  }
  // Material changes the box by key presses, its reset button and its suggestions.
  input.addEventListener("input", update);
  input.addEventListener("keyup", update);
  input.addEventListener("focus", update);
  if (input.form) input.form.addEventListener("reset", function () { setTimeout(update, 0); });
  if (list && typeof MutationObserver !== "undefined") new MutationObserver(update).observe(list, { childList: true });
  update();
})();
