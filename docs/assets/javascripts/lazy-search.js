/* Load search only when the reader reaches for it.
 *
 * Material starts its search worker (12 KiB) and downloads the whole search
 * index (about 27 KiB gzipped) on every first visit, before anyone searches.
 * On a slow phone connection that is a third of the page weight. Here the
 * worker is created, and the index fetched, on the first sign of intent:
 * focus or tap on the search field or icon, a search shortcut key, or a
 * search-highlight link (?h=). Messages posted before that are queued. */
(function () {
  var woken = false;
  var wakeUp;
  var intent = new Promise(function (resolve) { wakeUp = resolve; });
  function wake() { if (!woken) { woken = true; wakeUp(); } }

  if (new URL(location.href).searchParams.has("h")) wake();
  document.addEventListener("focusin", function (e) {
    if (e.target.closest && e.target.closest(".md-search")) wake();
  }, true);
  document.addEventListener("click", function (e) {
    if (e.target.closest && e.target.closest("label[for='__search'], .md-search")) wake();
  }, true);
  document.addEventListener("keydown", function (e) {
    if (["s", "S", "f", "F", "/"].indexOf(e.key) !== -1) wake();
  }, true);

  // Material loads the index with XMLHttpRequest: hold its send() until intent.
  var INDEX = /\/search\/search_index\.json$/;
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this._lazySearchIndex = INDEX.test(String(url).split("?")[0]);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (request._lazySearchIndex && !woken) {
      intent.then(function () { send.apply(request, args); });
      return;
    }
    return send.apply(request, args);
  };

  var RealWorker = window.Worker;
  if (!RealWorker) return;
  window.Worker = function (url, options) {
    if (!/\/workers\/search\.[^/]*\.js/.test(String(url))) return new RealWorker(url, options);
    var queue = [];
    var listeners = [];
    var real = null;
    var proxy = {
      onmessage: null,
      onerror: null,
      postMessage: function (message) { real ? real.postMessage(message) : queue.push(message); },
      addEventListener: function (type, listener, opts) {
        real ? real.addEventListener(type, listener, opts) : listeners.push([type, listener, opts]);
      },
      removeEventListener: function (type, listener, opts) {
        if (real) real.removeEventListener(type, listener, opts);
        listeners = listeners.filter(function (l) { return l[0] !== type || l[1] !== listener; });
      },
      terminate: function () { if (real) real.terminate(); queue = []; }
    };
    intent.then(function () {
      real = new RealWorker(url, options);
      listeners.forEach(function (l) { real.addEventListener(l[0], l[1], l[2]); });
      real.onmessage = function (e) { if (proxy.onmessage) proxy.onmessage(e); };
      real.onerror = function (e) { if (proxy.onerror) proxy.onerror(e); };
      queue.forEach(function (m) { real.postMessage(m); });
      queue = [];
    });
    return proxy;
  };
})();
