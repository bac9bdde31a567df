// "Copy the citation": a button, shown only where the clipboard can be written, copies the
// text of the element its data-copy names and says so.
(function () {
  if (!navigator.clipboard) return;
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    var source = document.getElementById(button.dataset.copy);
    if (!source) return;
    var label = button.textContent;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(source.textContent.trim()).then(function () {
        button.textContent = button.dataset.copied;
        button.setAttribute("aria-live", "polite");
        setTimeout(function () { button.textContent = label; }, 3000);
      });
    });
  });
})();
