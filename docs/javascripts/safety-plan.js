// My safety plan (docs/my-safety-plan.md): the reader's own choice to keep the plan on this device.
// Nothing is ever sent: the fields have no <form>, so nothing can be submitted. Nothing is kept
// unless the reader ticks "Keep my plan on this device" (off by default); then the plan is kept in
// this browser's localStorage under one key, and "Delete my plan from this device" removes it and
// clears the page. Without JavaScript the option stays hidden and the page is a plan to print.
// Also: boxes grow with what is typed in browsers without CSS `field-sizing` (extra.css), so a
// long answer prints in full.
(function () {
  "use strict";
  var KEY = "ipt-safety-plan";
  var plan = document.querySelector("[data-ipt=safety-plan]");
  if (!plan) return;
  var fields = [].slice.call(plan.querySelectorAll("[data-ipt=plan-field]"));
  var keep = document.getElementById("plan-keep");
  var status = document.querySelector("[data-ipt=plan-status]");

  function grow(field) {
    if (field.tagName !== "TEXTAREA" || (window.CSS && CSS.supports("field-sizing", "content"))) return;
    field.style.height = "auto";
    field.style.height = field.scrollHeight + 2 + "px";
  }

  // localStorage can be missing or refuse (private windows, storage turned off): then the option
  // says so instead of pretending to keep the plan.
  function storage() {
    try {
      return window.localStorage;
    } catch (e) {
      return null;
    }
  }

  function save() {
    var answers = {};
    fields.forEach(function (f) { answers[f.id] = f.value; });
    try {
      storage().setItem(KEY, JSON.stringify(answers));
      return true;
    } catch (e) {
      return false;
    }
  }

  function forget() {
    try {
      storage().removeItem(KEY);
    } catch (e) { /* nothing was kept */ }
  }

  function say(text) {
    status.textContent = text;
  }

  function restore() {
    var kept = null;
    try {
      kept = JSON.parse(storage().getItem(KEY) || "null");
    } catch (e) {
      kept = null;
    }
    if (!kept) return;
    fields.forEach(function (f) {
      if (typeof kept[f.id] === "string") f.value = kept[f.id];
    });
    keep.checked = true;
  }

  fields.forEach(function (f) {
    f.addEventListener("input", function () {
      grow(f);
      if (keep && keep.checked) save();
    });
  });

  var box = document.querySelector("[data-ipt=plan-keep]");
  if (box && keep && status && storage()) {
    box.hidden = false;
    restore();
    keep.addEventListener("change", function () {
      if (!keep.checked) {
        forget();
        say("Your plan is no longer kept on this device. It is gone when you close this page.");
      } else if (save()) {
        say("Your plan is kept in this browser on this device. Browsers can sometimes clear it, so print it or save a PDF too.");
      } else {
        keep.checked = false;
        say("This browser does not let the page keep your plan. Print it or save it as a PDF instead.");
      }
    });
    document.querySelector("[data-ipt=plan-delete]").addEventListener("click", function () {
      forget();
      keep.checked = false;
      fields.forEach(function (f) { f.value = ""; grow(f); });
      say("Your plan is deleted from this device, and the boxes on this page are empty.");
    });
  }
  fields.forEach(grow);
})();
