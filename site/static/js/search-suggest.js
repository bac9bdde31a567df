// Search suggestions: turns each <input data-suggest-url> into an ARIA 1.2 combobox
// listing page titles that start with the words typed. Without this file, the search
// form works as a plain form.
(function () {
  "use strict";

  var MIN_LENGTH = 2;
  var DELAY = 200;
  var counter = 0;

  function enhance(input) {
    var url = input.getAttribute("data-suggest-url");
    if (!url || !window.fetch) {
      return;
    }
    counter += 1;
    var listId = "search-suggest-list-" + counter;
    var wrapper = document.createElement("div");
    wrapper.className = "search-suggest";
    input.parentNode.insertBefore(wrapper, input);
    wrapper.appendChild(input);

    var list = document.createElement("ul");
    list.id = listId;
    list.className = "search-suggest__list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", input.getAttribute("data-suggest-label") || "");
    list.hidden = true;
    wrapper.appendChild(list);

    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    wrapper.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("autocomplete", "off");

    var timer = null;
    var controller = null;
    var active = -1;
    var items = [];

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      var options = list.querySelectorAll("[role=option]");
      options.forEach(function (option, i) {
        option.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
      if (index >= 0 && options[index]) {
        input.setAttribute("aria-activedescendant", options[index].id);
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function go(index) {
      if (items[index]) {
        window.location.assign(items[index].url);
      }
    }

    function render(results) {
      items = results;
      list.textContent = "";
      results.forEach(function (result, i) {
        var option = document.createElement("li");
        option.id = listId + "-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.className = "search-suggest__option";
        option.textContent = result.title;
        option.addEventListener("mousedown", function (event) {
          event.preventDefault();
          go(i);
        });
        list.appendChild(option);
      });
      var template = input.getAttribute(
        results.length === 1 ? "data-suggest-one" : "data-suggest-many"
      ) || "%s";
      status.textContent = results.length ? template.replace("%s", results.length) : "";
      if (results.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        active = -1;
      } else {
        close();
      }
    }

    function fetchSuggestions() {
      var value = input.value.trim();
      if (value.length < MIN_LENGTH) {
        render([]);
        return;
      }
      if (controller) {
        controller.abort();
      }
      controller = window.AbortController ? new AbortController() : null;
      var target = url + (url.indexOf("?") === -1 ? "?" : "&") + "q=" + encodeURIComponent(value);
      fetch(target, {
        headers: { Accept: "application/json" },
        signal: controller ? controller.signal : undefined,
      })
        .then(function (response) {
          return response.ok ? response.json() : { results: [] };
        })
        .then(function (data) {
          render(Array.isArray(data.results) ? data.results : []);
        })
        .catch(function () {
          /* Aborted or offline: the form still works. */
        });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, DELAY);
    });
    input.addEventListener("keydown", function (event) {
      var count = items.length;
      if (event.key === "ArrowDown" && count) {
        event.preventDefault();
        if (list.hidden) {
          list.hidden = false;
          input.setAttribute("aria-expanded", "true");
        }
        highlight((active + 1) % count);
      } else if (event.key === "ArrowUp" && count) {
        event.preventDefault();
        highlight(active <= 0 ? count - 1 : active - 1);
      } else if (event.key === "Enter" && !list.hidden && active >= 0) {
        event.preventDefault();
        go(active);
      } else if (event.key === "Escape" && !list.hidden) {
        event.preventDefault();
        close();
      }
    });
    input.addEventListener("blur", function () {
      window.setTimeout(close, 100);
    });
  }

  document.querySelectorAll("input[data-suggest-url]").forEach(enhance);
})();
