// Runs before Material's bundle and keeps out of the page load what the
// first screen does not need:
// - search: Material starts its search worker and fetches the search index
//   (54-64 kB gzipped) on every page load. Both wait here until the reader
//   opens search (focus on the search box, the search button, or a search
//   key, which all switch Material's search toggle); a page opened from a
//   search result (?h=) or with a query (?q=) starts them at once.
// - languages: Material fetches every language's sitemap on every page load
//   so that a click in the language menu lands on the same page. The fetches
//   wait until the reader points at or focuses the language menu; a click
//   before they arrive follows the link itself, which is the same page.
// - colour palette: Material marks <body> "switching" while it applies the
//   palette, also on page load when nothing changes; each mark and unmark
//   restyles every element. The mark is set only when a colour changes.
//   Material also adds a color-scheme <meta> on every page load, and the
//   browser restyles every element twice for it; it is left out, and
//   site.css gives the page the palette's scheme instead.
"use strict";

(() => {
  const gates = { search: false, languages: false };
  const held = { search: [], languages: [] };

  function gateFor(url) {
    const path = new URL(url, location.href).pathname;
    if (path.endsWith("/search/search_index.json")) {
      return "search";
    }
    return path.endsWith("/sitemap.xml") ? "languages" : null;
  }

  function open(name) {
    if (!gates[name]) {
      gates[name] = true;
      held[name].splice(0).forEach((start) => start());
    }
  }

  const xhrOpen = XMLHttpRequest.prototype.open;
  const xhrSend = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this.onDemandGate = gateFor(url);
    return xhrOpen.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (body) {
    const gate = this.onDemandGate;
    if (gate && !gates[gate]) {
      held[gate].push(() => xhrSend.call(this, body));
      return;
    }
    xhrSend.call(this, body);
  };

  // Material talks to its worker through postMessage and "message" events
  // only, so a stand-in can start the real worker when search is opened.
  class SearchWorker extends EventTarget {
    constructor(url, options) {
      super();
      this.start = () => {
        if (!this.worker) {
          this.worker = new RealWorker(url, options);
          this.worker.addEventListener("message", (event) =>
            this.dispatchEvent(new MessageEvent("message", { data: event.data })));
        }
        return this.worker;
      };
      held.search.push(this.start);
    }

    postMessage(message) {
      this.start().postMessage(message);
    }

    terminate() {
      this.worker?.terminate();
    }
  }

  const RealWorker = window.Worker;
  window.Worker = new Proxy(RealWorker, {
    construct(target, [url, options]) {
      const search = new URL(url, location.href).pathname.includes("/workers/search.");
      return search && !gates.search
        ? new SearchWorker(url, options)
        : new target(url, options);
    },
  });

  const toggle = document.getElementById("__search");
  toggle?.addEventListener("change", () => toggle.checked && open("search"));
  document.addEventListener("focusin", (event) => {
    if (event.target.closest?.(".md-search")) {
      open("search");
    }
  });
  const asked = new URLSearchParams(location.search);
  if (asked.has("h") || asked.has("q")) {
    open("search");
  }

  for (const type of ["pointerover", "focusin", "touchstart"]) {
    document.addEventListener(type, (event) => {
      if (event.target.closest?.(".md-header .md-select")) {
        open("languages");
      }
    }, { passive: true });
  }

  const SWITCHING = "data-md-color-switching";
  const COLOURS = ["data-md-color-scheme", "data-md-color-primary",
    "data-md-color-accent"];
  const body = document.body;
  const setAttribute = body.setAttribute;
  let switching = false;
  body.setAttribute = function (name, value) {
    if (name === SWITCHING) {
      switching = true;
      return;
    }
    if (switching && COLOURS.includes(name) && this.getAttribute(name) !== value) {
      setAttribute.call(this, SWITCHING, "");
    }
    setAttribute.call(this, name, value);
  };
  const removeAttribute = body.removeAttribute;
  body.removeAttribute = function (name) {
    if (name === SWITCHING) {
      switching = false;
    }
    removeAttribute.call(this, name);
  };

  const append = document.head.appendChild;
  document.head.appendChild = function (node) {
    if (node instanceof HTMLMetaElement && node.name === "color-scheme") {
      return node;
    }
    return append.call(this, node);
  };
})();
