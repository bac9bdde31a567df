// Progressive enhancements only: every page works without this file.
(function () {
  "use strict";

  // Small screens: without JavaScript, "Menu" is a link to #site-menu (CSS :target opens
  // the menu: navigation, search and languages). Here it becomes a button that opens and closes the menu in place, with
  // aria-expanded, and Escape closes it. The swap keeps the same box: nothing moves.
  function setUpMenuToggle() {
    var nav = document.getElementById("site-menu");
    var link = document.querySelector("a.menu-toggle[href='#site-menu']");
    if (!nav || !link) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = link.className;
    while (link.firstChild) button.appendChild(link.firstChild);
    button.setAttribute("aria-controls", "site-menu");
    button.setAttribute("aria-expanded", "false");
    link.parentNode.replaceChild(button, link);

    function setOpen(open) {
      button.setAttribute("aria-expanded", open ? "true" : "false");
      nav.classList.toggle("is-open", open);
    }
    button.addEventListener("click", function () {
      setOpen(button.getAttribute("aria-expanded") !== "true");
    });
    nav.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
        setOpen(false);
        button.focus();
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpMenuToggle);
  } else {
    setUpMenuToggle();
  }
})();
