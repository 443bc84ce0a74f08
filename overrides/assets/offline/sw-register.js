// Registers the course's service worker (offline reading on phones).
// Pages only load this script when scripts/build_service_worker.mjs has
// generated sw.js next to them. When a new build takes over (skipWaiting +
// clientsClaim), an Indonesian notice offers to reload.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !("serviceWorker" in navigator)) return;
  var root = new URL("../../", script.src);
  var hadController = Boolean(navigator.serviceWorker.controller);

  navigator.serviceWorker.addEventListener("controllerchange", function () {
    if (!hadController || document.querySelector(".jk-update")) return;
    var notice = document.createElement("div");
    notice.className = "jk-update";
    notice.setAttribute("role", "status");
    notice.style.cssText = "position:fixed;left:1rem;right:1rem;bottom:1rem;z-index:10;padding:.8rem 1rem;" +
      "background:#283593;color:#fff;border-radius:.3rem;font-size:.8rem";
    notice.textContent = "Versi baru kursus sudah tersimpan untuk dibaca tanpa sinyal. ";
    var reload = document.createElement("button");
    reload.type = "button";
    reload.style.cssText = "margin-left:.5rem;padding:.2rem .6rem;background:#fff;color:#283593;border:0;border-radius:.2rem;cursor:pointer";
    reload.textContent = "Muat ulang halaman";
    reload.addEventListener("click", function () { window.location.reload(); });
    notice.appendChild(reload);
    document.body.appendChild(notice);
  });

  function register() {
    navigator.serviceWorker.register(new URL("sw.js", root), { scope: root.pathname }).catch(function () {
      // Offline reading is an extra: the page works without it.
    });
  }
  // After load, when the main thread is idle: the page comes first on a
  // slow phone, the offline copy after.
  window.addEventListener("load", function () {
    if ("requestIdleCallback" in window) window.requestIdleCallback(register, { timeout: 5000 });
    else window.setTimeout(register, 2000);
  });
})();
