/* Heading permalinks go to their section, copy its full URL to the
   clipboard and say so.
   Without JavaScript they stay ordinary links to the section. */
(function () {
  "use strict";

  var status = null;
  var hideTimer = null;

  function statusRegion() {
    if (!status) {
      status = document.createElement("div");
      status.className = "copy-link-status";
      status.setAttribute("role", "status");
      status.setAttribute("aria-live", "polite");
      document.body.appendChild(status);
    }
    return status;
  }

  function announce(text) {
    var region = statusRegion();
    region.textContent = "";
    // A fresh text node in a later task, so a repeated message is read again.
    window.setTimeout(function () {
      region.textContent = text;
      region.classList.add("is-visible");
    }, 50);
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(function () {
      region.classList.remove("is-visible");
    }, 5000);
  }

  function copyWithSelection(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (error) {
      copied = false;
    }
    document.body.removeChild(area);
    return copied ? Promise.resolve() : Promise.reject(new Error("copy"));
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () {
        return copyWithSelection(text);
      });
    }
    return copyWithSelection(text);
  }

  document.addEventListener("DOMContentLoaded", statusRegion);

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.headerlink") : null;
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
      return;
    }
    // The link still goes to its section, as any permalink does; copying
    // comes on top. (Only setting the address without scrolling raced with
    // Material's anchor tracking, which rewrote it from the scroll position.)
    var url = link.href;
    copy(url).then(
      function () {
        announce("Tautan disalin: " + url);
      },
      function () {
        announce("Tautan tidak dapat disalin otomatis. Salin dari bilah alamat: " + url);
      }
    );
  });
})();
