// Loaded right after a listing's "Filter" disclosure (a parser-blocking script, so the
// content below is not painted yet and nothing shifts): on small screens the disclosure
// starts folded, so that the list starts within the first screen. Without JavaScript it
// stays open.
(function () {
  "use strict";
  if (!window.matchMedia("(max-width: 47.99em)").matches) return;
  var all = document.querySelectorAll("details[data-filters]");
  var last = all[all.length - 1];
  if (last) last.removeAttribute("open");
})();
