// "Print" buttons (for example on the checklist of questions to ask a therapist). A page marks the
// place with an empty <p data-ipt="print-button" data-label="…"></p>; this script puts a real
// button there. Without JavaScript there is no button that does nothing: the browser's own Print
// still works, and the print rules in stylesheets/extra.css apply either way.
document$.subscribe(function () {
  document.querySelectorAll('[data-ipt="print-button"]').forEach(function (place) {
    if (place.querySelector("button")) {
      return;
    }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button md-button--primary ipt-print-button";
    button.textContent = place.getAttribute("data-label") || "Print this page";
    button.addEventListener("click", function () {
      window.print();
    });
    place.appendChild(button);
  });
});
