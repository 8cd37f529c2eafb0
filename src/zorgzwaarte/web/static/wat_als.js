// Wat als page: an example fills the variant field; while the files are sent "Bestanden versturen…" shows (the
// progress of the run itself is polled by HTMX, see sjablonen/wat_als/voortgang.html).
// A file of its own because the Content-Security-Policy allows no inline script.
document.addEventListener("DOMContentLoaded", function () {
  var voorbeeld = document.getElementById("voorbeeld");
  var variant = document.getElementById("variant");
  if (voorbeeld && variant) {
    voorbeeld.addEventListener("change", function () { variant.value = voorbeeld.value; });
  }
  var formulier = document.getElementById("wat-als-formulier");
  var bezig = document.getElementById("bezig");
  if (formulier && bezig) {
    formulier.addEventListener("submit", function (e) {
      if (!e.submitter || !e.submitter.value) { bezig.hidden = false; }
    });
  }
});
