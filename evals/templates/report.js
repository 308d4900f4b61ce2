// Filters for the case list: text search, status, failing metric and tag. Reads only the DOM.
(function () {
  "use strict";
  var search = document.getElementById("f-search");
  var status = document.getElementById("f-status");
  var metric = document.getElementById("f-metric");
  var tag = document.getElementById("f-tag");
  var count = document.getElementById("f-count");
  var cases = Array.prototype.slice.call(document.querySelectorAll("[data-case]"));
  if (!search) { return; }
  function words(el, name) {
    return (el.getAttribute(name) || "").split(" ").filter(function (w) { return w; });
  }
  function apply() {
    var q = search.value.trim().toLowerCase();
    var shown = 0;
    cases.forEach(function (el) {
      var ok = true;
      if (status && status.value && el.getAttribute("data-status") !== status.value) { ok = false; }
      if (ok && metric && metric.value && words(el, "data-failed").indexOf(metric.value) < 0) { ok = false; }
      if (ok && tag && tag.value && words(el, "data-tags").indexOf(tag.value) < 0) { ok = false; }
      if (ok && q && el.textContent.toLowerCase().indexOf(q) < 0) { ok = false; }
      el.classList.toggle("hidden", !ok);
      if (ok) { shown += 1; }
    });
    if (count) { count.textContent = shown + " of " + cases.length + " cases"; }
  }
  [search, status, metric, tag].forEach(function (el) {
    if (el) { el.addEventListener("input", apply); el.addEventListener("change", apply); }
  });
  var expand = document.getElementById("f-expand");
  if (expand) {
    expand.addEventListener("click", function () {
      var open = expand.getAttribute("data-open") !== "1";
      cases.forEach(function (el) { if (!el.classList.contains("hidden")) { el.open = open; } });
      expand.setAttribute("data-open", open ? "1" : "0");
      expand.textContent = open ? "Collapse all" : "Expand shown";
    });
  }
  document.querySelectorAll("[data-jump]").forEach(function (a) {
    a.addEventListener("click", function (event) {
      var target = document.getElementById(a.getAttribute("data-jump"));
      if (target) { event.preventDefault(); target.open = true; target.scrollIntoView({block: "start"}); }
    });
  });
  apply();
})();
