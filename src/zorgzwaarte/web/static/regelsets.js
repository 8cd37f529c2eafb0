// Regelset page: a "Kopiëren" button next to each parameter path puts it on the clipboard (shown only where the
// browser allows it; the path itself can always be selected). A file of its own: the CSP allows no inline script.
function zzKopieerKnoppen(binnen) {
  if (!navigator.clipboard) { return; }
  binnen.querySelectorAll("[data-kopieer]").forEach(function (knop) {
    knop.hidden = false;
    if (knop.dataset.klaar) { return; }
    knop.dataset.klaar = "1";
    knop.addEventListener("click", function () {
      var pad = document.getElementById(knop.dataset.kopieer).textContent;
      navigator.clipboard.writeText(pad).then(function () {
        var oud = knop.firstChild.textContent;
        knop.firstChild.textContent = "Gekopieerd";
        setTimeout(function () { knop.firstChild.textContent = oud; }, 2000);
      });
    });
  });
}
document.addEventListener("DOMContentLoaded", function () { zzKopieerKnoppen(document); });
document.addEventListener("htmx:afterSwap", function (e) { zzKopieerKnoppen(e.target); });
