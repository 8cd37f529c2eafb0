// Wat als page: an example fills the variant field; a run shows "Bezig met doorrekenen…".
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
