// "Exit this page" (overrides/partials/quick-exit.html), after the GOV.UK Design System component.
// The button is a plain link, so it works without JavaScript. This script adds two things:
// - leaving REPLACES this page in the browser's history, so pressing Back does not bring THIS page
//   back (other pages of this guide opened before it stay in the history: a page cannot remove
//   them; staying-safe-online.md says so);
// - pressing Shift 3 times within 5 seconds leaves too (the shortcut GOV.UK uses), with a spoken
//   and visible count so keyboard and screen reader users know what is happening.
// Nothing is loaded or sent before the reader leaves: the neutral page is opened only then.
(function () {
  var box = document.querySelector('[data-ipt="quick-exit"]');
  if (!box) {
    return;
  }
  var button = box.querySelector("a");
  var status = box.querySelector('[role="status"]');
  var hint = box.querySelector("[hidden]");
  var presses = 0;
  var timer = null;
  var TIME_LIMIT = 5000; // milliseconds for the 3 presses, as in the GOV.UK component

  if (hint) {
    hint.hidden = false; // the shortcut only works with this script, so only mention it now
  }

  function leave() {
    // Hide the page at once: the next page may take a moment to load.
    document.documentElement.classList.add("ipt-leaving");
    status.textContent = "Leaving this page";
    window.location.replace(button.href);
  }

  function reset() {
    presses = 0;
    status.textContent = "";
    clearTimeout(timer);
  }

  button.addEventListener("click", function (event) {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
      return; // a reader who opens it in a new tab on purpose keeps that choice
    }
    event.preventDefault();
    leave();
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift") {
      reset(); // Shift used to type a capital letter is not the shortcut
      return;
    }
    if (event.repeat) {
      return;
    }
    presses += 1;
    if (presses === 1) {
      timer = setTimeout(reset, TIME_LIMIT); // the 3 presses must come within 5 seconds
    }
    if (presses >= 3) {
      reset();
      leave();
      return;
    }
    var left = 3 - presses;
    status.textContent = "Shift, press " + left + " more " + (left === 1 ? "time" : "times") + " to exit.";
  });

  // If the browser shows this page again from its cache, show it normally.
  window.addEventListener("pageshow", function () {
    document.documentElement.classList.remove("ipt-leaving");
    reset();
  });
})();
