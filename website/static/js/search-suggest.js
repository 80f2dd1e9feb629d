// Suggests page titles as the visitor types in the header search box. Without this
// script the box still searches; with it, matching titles appear in the box's list.
(function () {
  "use strict";
  var input = document.getElementById("site-search-q");
  var list = document.getElementById("site-search-suggestions");
  if (!input || !list || !window.fetch) {
    return;
  }
  var timer = null;
  var latest = "";
  input.addEventListener("input", function () {
    clearTimeout(timer);
    var query = input.value.trim();
    if (query.length < 2) {
      list.replaceChildren();
      return;
    }
    timer = setTimeout(function () {
      latest = query;
      fetch(input.dataset.suggestUrl + "?q=" + encodeURIComponent(query), {
        headers: { Accept: "application/json" },
      })
        .then(function (response) {
          return response.ok ? response.json() : { suggestions: [] };
        })
        .then(function (data) {
          if (query !== latest) {
            return; // a newer request is on its way
          }
          list.replaceChildren.apply(
            list,
            data.suggestions.map(function (title) {
              var option = document.createElement("option");
              option.value = title;
              return option;
            })
          );
        })
        .catch(function () {});
    }, 200);
  });
})();
