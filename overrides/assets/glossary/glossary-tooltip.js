/* Glossary links (hooks/glossary.py) carry the entry's short definition as
   their title. This shows it as a tooltip on mouse hover and keyboard focus,
   announced through aria-describedby; Escape dismisses it, and the pointer can
   move onto it. Nothing is set up per link: a few document-level listeners
   act only when a glossary link is reached, so long pages start fast on
   phones. Without JavaScript the title stays the link's description; a tap
   follows the link to the entry. */
(function () {
  "use strict";

  var SELECTOR = "a.glossary-link";
  // Material's text colour laid opaque on its background colour, with the
  // background colour as text: strong contrast in both palettes.
  var STYLE =
    ".glossary-tooltip{position:fixed;z-index:4;box-sizing:border-box;padding:.4rem .6rem;" +
    "border-radius:.2rem;font-size:.7rem;line-height:1.4;color:var(--md-default-bg-color);" +
    "background:linear-gradient(var(--md-default-fg-color),var(--md-default-fg-color))," +
    "var(--md-default-bg-color);box-shadow:var(--md-shadow-z2)}" +
    ".glossary-tooltip[hidden]{display:none}@media print{.glossary-tooltip{display:none}}";
  var tip = null;
  var current = null;

  function tooltip() {
    if (!tip) {
      var style = document.createElement("style");
      style.textContent = STYLE;
      document.head.appendChild(style);
      tip = document.createElement("div");
      tip.id = "glossary-tooltip";
      tip.className = "glossary-tooltip";
      tip.setAttribute("role", "tooltip");
      tip.hidden = true;
      // Inside <main>, so it belongs to a landmark.
      (document.querySelector("main") || document.body).appendChild(tip);
    }
    return tip;
  }

  function place() {
    var box = current.getBoundingClientRect();
    var width = Math.min(320, document.documentElement.clientWidth - 16);
    var left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - width - 8));
    tip.style.width = width + "px";
    tip.style.left = left + "px";
    // Below the link, or above it when there is no room below.
    var below = box.bottom + 4 + tip.offsetHeight <= window.innerHeight;
    tip.style.top = (below ? box.bottom + 4 : Math.max(0, box.top - 4 - tip.offsetHeight)) + "px";
  }

  function show(link) {
    if (link === current) return;
    hide();
    var text = link.getAttribute("title");
    if (!text) return;
    tooltip().textContent = text;
    // Our tooltip replaces the browser's own while it shows.
    link.setAttribute("data-glossary-title", text);
    link.removeAttribute("title");
    link.setAttribute("aria-describedby", tip.id);
    current = link;
    tip.hidden = false;
    place();
    window.addEventListener("scroll", place, { passive: true });
  }

  function hide() {
    if (!current) return;
    current.setAttribute("title", current.getAttribute("data-glossary-title"));
    current.removeAttribute("data-glossary-title");
    current.removeAttribute("aria-describedby");
    tip.hidden = true;
    current = null;
    window.removeEventListener("scroll", place);
  }

  function glossaryLink(node) {
    return node && node.closest ? node.closest(SELECTOR) : null;
  }

  function inside(node) {
    return Boolean(node) && (glossaryLink(node) === current || (tip && tip.contains(node)));
  }

  // Leaving the link or the tooltip hides it after a short grace time, so
  // the pointer can cross the gap between them.
  var hideTimer = 0;
  document.addEventListener("mouseover", function (event) {
    var link = glossaryLink(event.target);
    if (link || inside(event.target)) window.clearTimeout(hideTimer);
    if (link) show(link);
  });
  document.addEventListener("mouseout", function (event) {
    if (current && inside(event.target) && !inside(event.relatedTarget) && document.activeElement !== current) {
      window.clearTimeout(hideTimer);
      hideTimer = window.setTimeout(hide, 300);
    }
  });
  document.addEventListener("focusin", function (event) {
    var link = glossaryLink(event.target);
    if (link) show(link);
    else hide();
  });
  document.addEventListener("focusout", function (event) {
    if (event.target === current) hide();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hide();
  });
  window.addEventListener("resize", hide);
})();
