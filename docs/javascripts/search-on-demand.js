// The search index (about 50 KB gzipped, a third of a page's first visit) loads when a reader
// starts to search, not with every page: most readers never search, and many read on slow or
// metered phone connections. Material asks for the index as soon as a page opens; this script,
// loaded just before Material's, holds that one request back until the search field gets focus
// (a tap or click on the search, or one of Material's keys for it) or is pressed. The crisis help
// card (crisis-search.js) needs no index, so it shows as soon as a crisis phrase is typed.
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json$/;
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var held = [];
  var wanted = false;

  XMLHttpRequest.prototype.open = function (method, url) {
    this.iptSearchIndex = INDEX.test(new URL(String(url), document.baseURI).pathname);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.iptSearchIndex && !wanted) {
      held.push([this, arguments]);
      return;
    }
    return send.apply(this, arguments);
  };

  function load() {
    if (wanted) return;
    wanted = true;
    held.forEach(function (request) { send.apply(request[0], request[1]); });
    held = [];
  }
  function isSearch(target) {
    return target instanceof Element && target.closest(".md-search, label[for='__search']") !== null;
  }
  document.addEventListener("focusin", function (event) { if (isSearch(event.target)) load(); });
  document.addEventListener("pointerdown", function (event) { if (isSearch(event.target)) load(); }, true);
})();
