/* Colour the datasette-cluster-map markers of the events table by event type.
 *
 * datasette-cluster-map builds each marker and then calls marker.bindPopup(content), where
 * content is the HTML of a <dl> of the row's columns. We wrap bindPopup once Leaflet has loaded and give
 * the marker a round icon in the colour of its event_type (colours from CLAIMBASE_COLORS,
 * a fixed table; the row's text only selects a colour, it is never inserted as markup).
 */
(function () {
  "use strict";
  const fallback = "#555555";

  function eventTypeOf(content) {
    // The popup is an HTML string (escaped text in a <dl>); DOMParser never runs scripts.
    let root = content;
    if (typeof content === "string") {
      root = new DOMParser().parseFromString(content, "text/html").body;
    }
    if (!(root instanceof Element)) {
      return null;
    }
    for (const dt of root.querySelectorAll("dt")) {
      if (dt.textContent.trim() === "event_type" && dt.nextElementSibling) {
        return dt.nextElementSibling.textContent.trim();
      }
    }
    return null;
  }

  function icon(type) {
    const dot = document.createElement("span");
    dot.className = "cb-marker";
    dot.style.display = "block";
    dot.style.width = "14px";
    dot.style.height = "14px";
    const colors = window.CLAIMBASE_COLORS || {};
    dot.style.background = Object.prototype.hasOwnProperty.call(colors, type)
      ? colors[type] : fallback;
    dot.title = String(type);
    return window.L.divIcon({ html: dot, className: "cb-marker-icon", iconSize: [18, 18] });
  }

  function install() {
    const L = window.L;
    if (!L || !L.Marker || !L.divIcon) {
      return false;
    }
    if (L.Marker.prototype.claimbaseColoured) {
      return true;
    }
    const bind = L.Marker.prototype.bindPopup;
    L.Marker.prototype.bindPopup = function (content, options) {
      const type = eventTypeOf(content);
      if (type !== null) {
        this.setIcon(icon(type));
      }
      return bind.call(this, content, options);
    };
    L.Marker.prototype.claimbaseColoured = true;
    return true;
  }

  // Patch as soon as Leaflet assigns window.L (before any marker exists), and keep a
  // polling fallback for builds that define L some other way.
  if (!window.L) {
    let current;
    try {
      Object.defineProperty(window, "L", {
        configurable: true,
        get: function () { return current; },
        set: function (value) { current = value; install(); },
      });
    } catch (e) {
      /* fall back to polling below */
    }
  }
  install();
  const timer = setInterval(function () {
    if (install()) {
      clearInterval(timer);
    }
  }, 20);
  setTimeout(function () { clearInterval(timer); }, 120000);
})();
