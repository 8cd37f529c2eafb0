// Forms with errors (macros.html `foutblok`, the NL Design System error summary pattern): the summary takes the
// focus when the page opens, so a screen reader reads what went wrong; a link in it puts the focus in its field
// (the first control of a group) and shows the field with its label. A file of its own: the Content-Security-Policy
// allows no inline script.
document.addEventListener("DOMContentLoaded", function () {
  var overzicht = document.querySelector("[data-foutoverzicht]");
  if (!overzicht) { return; }
  overzicht.focus();
  overzicht.addEventListener("click", function (e) {
    var link = e.target.closest("a[href^='#']");
    if (!link) { return; }
    var id = decodeURIComponent(link.getAttribute("href").slice(1));
    var doel = document.getElementById(id) || document.getElementById(id + "-fout");
    if (!doel) { return; }
    if (!doel.matches("input, select, textarea, button")) {
      var groep = doel.closest("fieldset, .utrecht-form-field") || doel;
      doel = groep.querySelector("input:not([type=hidden]), select, textarea") || doel;
    }
    var open = doel.closest("details");
    if (open) { open.open = true; }
    e.preventDefault();
    var veld = doel.closest("fieldset, .utrecht-form-field") || doel;
    veld.scrollIntoView({ block: "start" });
    doel.focus({ preventScroll: true });
  });
});

// File fields (macros.html `bestandveld`): the chosen file's name next to the Dutch button.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll(".zz-bestand__invoer").forEach(function (invoer) {
    var naam = document.getElementById(invoer.id + "-naam");
    if (!naam) { return; }
    var toon = function () {
      var namen = Array.prototype.map.call(invoer.files || [], function (f) { return f.name; });
      naam.textContent = namen.length ? "Gekozen: " + namen.join(", ") : "Geen bestand gekozen";
      naam.hidden = false;
    };
    invoer.addEventListener("change", toon);
    toon();
  });
});
