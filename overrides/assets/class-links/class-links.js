/* QR codes load lazily on screen; before printing, load them all. */
(function () {
  "use strict";
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("img.class-link__qr[loading='lazy']").forEach(function (image) {
      image.loading = "eager";
    });
  });
})();
