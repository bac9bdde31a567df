// Progressive enhancements only: every page works without this file.
(function () {
  "use strict";
  document.documentElement.classList.add("has-js");

  // Small screens: fold the main navigation behind a button. Without JavaScript the
  // navigation simply stays open; the CSS only hides it when this script marks it.
  function setUpMenuToggle() {
    var nav = document.getElementById("main-nav");
    if (!nav) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "menu-toggle";
    button.setAttribute("aria-controls", "main-nav");
    button.setAttribute("aria-expanded", "false");
    button.textContent = nav.getAttribute("data-toggle-label") || "Menu";
    nav.parentNode.insertBefore(button, nav);
    nav.classList.add("is-collapsed");

    function setOpen(open) {
      button.setAttribute("aria-expanded", open ? "true" : "false");
      nav.classList.toggle("is-collapsed", !open);
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
