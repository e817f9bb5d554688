// Nothing goes into the reader's browser storage until they choose something.
// Material saves the colour scheme in localStorage ("/.__palette") on EVERY page it opens, even
// when the reader never touched the light/dark switch: its palette starts from the scheme it finds
// and saves it. Anyone who later looks at the browser's site data would see that this site was
// opened. Loaded before Material's script, this lets Material save only after the reader used
// the switch (a "change" on its radio buttons, named __palette, whether clicked or keyed).
// Material's other saved settings (content tabs, announcements, versions, cookie consent) belong to
// features this site does not use; they stay unsaved too. Docs: staying-safe-online.md says what
// is saved and when.
(function () {
  "use strict";
  var save = window.__md_set; // Material's one way to save a setting (its inline script in <head>)
  var chosen = false;
  if (typeof save !== "function") {
    return;
  }
  document.addEventListener("change", function (event) {
    if (event.target instanceof HTMLInputElement && event.target.name === "__palette") {
      chosen = true;
    }
  }, true); // capture: runs before Material's own handler saves the new scheme
  window.__md_set = function (key) {
    if (key === "__palette" && chosen) {
      return save.apply(this, arguments);
    }
  };
})();
