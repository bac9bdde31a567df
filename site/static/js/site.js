// Progressive enhancements only: every page works without this file.
(function () {
  "use strict";

  // Small screens: without JavaScript, "Menu" is a link to #main-nav (CSS :target opens the
  // menu). Here it becomes a button that opens and closes the menu in place, with
  // aria-expanded, and Escape closes it. The swap keeps the same box: nothing moves.
  function setUpMenuToggle() {
    var nav = document.getElementById("main-nav");
    var link = document.querySelector("a.menu-toggle[href='#main-nav']");
    if (!nav || !link) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = link.className;
    button.textContent = link.textContent;
    button.setAttribute("aria-controls", "main-nav");
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
