// tercuman serve: reloads the page when the book is rebuilt, shows a
// failed rebuild as a banner, and toggles the preview marks on segments.
// Served only by `tercuman serve`; no edition carries it. Messages are
// shown as text, never as markup.
(function () {
  "use strict";
  var MARKS = "tercuman-marks";
  var root = document.documentElement;

  // The preview's own box `id`, emptied (made, in English and left to
  // right, at the start or the end of the page, the first time).
  function panel(id, atStart) {
    var box = document.getElementById(id);
    if (!box) {
      box = document.createElement("div");
      box.id = id;
      box.setAttribute("dir", "ltr");
      box.setAttribute("lang", "en");
      if (atStart) document.body.insertBefore(box, document.body.firstChild);
      else document.body.appendChild(box);
    }
    box.textContent = "";
    return box;
  }

  function banner(message) {
    if (!message) {
      var old = document.getElementById("tercuman-failure");
      if (old) old.remove();
      return;
    }
    var box = panel("tercuman-failure", true);
    box.setAttribute("role", "alert");
    var title = document.createElement("strong");
    title.textContent = "The last change could not be built; this page is the last good one.";
    var text = document.createElement("pre");
    text.textContent = message;
    box.appendChild(title);
    box.appendChild(text);
  }

  function listen() {
    var events = new EventSource("/__tercuman/events");
    // The files that changed, one per line; none: every page.
    events.addEventListener("reload", function (e) {
      var files = e.data.split("\n").filter(function (f) {
        return f !== "";
      });
      var page = decodeURIComponent(location.pathname);
      if (page.charAt(page.length - 1) === "/") page += "index.html";
      if (files.length === 0 || files.indexOf(page) !== -1) location.reload();
      else banner("");
    });
    events.addEventListener("failure", function (e) {
      banner(e.data);
    });
  }

  function describe(segment) {
    return segment.getAttribute("data-state").replace(/ /g, ", ") + " · " + segment.getAttribute("data-po");
  }

  function setMarks(on) {
    root.classList.toggle(MARKS, on);
    try {
      sessionStorage.setItem(MARKS, on ? "1" : "");
    } catch (e) {}
    var button = document.getElementById("tercuman-marks-toggle");
    if (button) button.setAttribute("aria-pressed", on ? "true" : "false");
    document.querySelectorAll(".tercuman-segment").forEach(function (s) {
      if (on) s.title = describe(s);
      else s.removeAttribute("title");
    });
  }

  function showSegment(segment) {
    var card = panel("tercuman-segment-card", false);
    var state = document.createElement("p");
    state.textContent = segment.getAttribute("data-state").replace(/ /g, ", ");
    var where = document.createElement("code");
    where.textContent = segment.getAttribute("data-po");
    var proof = document.createElement("a");
    proof.href = segment.getAttribute("data-proof");
    proof.textContent = "proof row";
    card.appendChild(state);
    card.appendChild(where);
    card.appendChild(document.createTextNode(" "));
    card.appendChild(proof);
  }

  function toolbar() {
    if (!document.querySelector(".tercuman-segment")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.id = "tercuman-marks-toggle";
    button.textContent = "Segment marks";
    button.setAttribute("aria-pressed", "false");
    button.addEventListener("click", function () {
      setMarks(!root.classList.contains(MARKS));
    });
    document.body.appendChild(button);
    document.addEventListener("click", function (e) {
      if (!root.classList.contains(MARKS)) return;
      var segment = e.target.closest && e.target.closest(".tercuman-segment");
      if (segment && !e.target.closest("a")) showSegment(segment);
    });
    var stored = "";
    try {
      stored = sessionStorage.getItem(MARKS) || "";
    } catch (e) {}
    setMarks(stored === "1");
  }

  // The edition a page belongs to (`/html/fa/…`, proof pages too).
  function pageLocale() {
    var parts = location.pathname.split("/");
    return parts[1] === "html" && parts.length > 3 ? parts[2] : root.lang || "";
  }

  // Double-click a word: a link to how it was translated before.
  function lookups() {
    document.addEventListener("dblclick", function () {
      var text = String(window.getSelection() || "").trim();
      if (!text || text.length > 100) {
        var old = document.getElementById("tercuman-lookup");
        if (old) old.remove();
        return;
      }
      var box = panel("tercuman-lookup", false);
      var link = document.createElement("a");
      link.href = "/__tercuman/concordance?q=" + encodeURIComponent(text) +
        "&locale=" + encodeURIComponent(pageLocale());
      link.appendChild(document.createTextNode("How was \u201c"));
      var word = document.createElement("bdi");
      word.textContent = text;
      link.appendChild(word);
      link.appendChild(document.createTextNode("\u201d translated before?"));
      box.appendChild(link);
    });
  }

  function start() {
    toolbar();
    lookups();
    listen();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
