// tercuman's HTML edition: theme, contents menu, arrow keys, search.
// Loaded in <head> so the chosen theme is set before the page is drawn;
// the rest waits for the document. Everything is local: the search index is
// a set of scripts next to the pages, so it also works from file://.
(function () {
  "use strict";
  var root = document.documentElement;
  var THEME_KEY = "tercuman-theme";

  function storedTheme() {
    try { return window.localStorage.getItem(THEME_KEY); } catch (e) { return null; }
  }
  function storeTheme(theme) {
    try { window.localStorage.setItem(THEME_KEY, theme); } catch (e) { /* private mode */ }
  }
  var chosen = storedTheme();
  if (chosen === "light" || chosen === "dark") root.setAttribute("data-theme", chosen);
  root.classList.add("js");

  function currentTheme() {
    var set = root.getAttribute("data-theme");
    if (set) return set;
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }

  function setUpTheme() {
    var button = document.querySelector(".theme-toggle");
    if (!button) return;
    var show = function () { button.setAttribute("aria-pressed", String(currentTheme() === "dark")); };
    button.hidden = false;
    show();
    button.addEventListener("click", function () {
      var next = currentTheme() === "dark" ? "light" : "dark";
      root.setAttribute("data-theme", next);
      storeTheme(next);
      show();
    });
  }

  function setUpMenu() {
    var button = document.querySelector(".menu-toggle");
    var sidebar = document.getElementById("sidebar");
    if (!button || !sidebar) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var open = sidebar.classList.toggle("open");
      button.setAttribute("aria-expanded", String(open));
      if (open) {
        var current = sidebar.querySelector("a[aria-current]") || sidebar.querySelector("a");
        if (current) current.focus();
      }
    });
  }

  // Left and right arrows turn the page; mirrored in right-to-left books,
  // where the previous page is on the right.
  function setUpKeys() {
    document.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      var target = event.target;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      if (event.key === "/" || event.key === "s") {
        var input = document.querySelector("form.search input");
        if (input && !input.closest("form").hidden) { event.preventDefault(); input.focus(); }
        return;
      }
      var rtl = (document.body.getAttribute("dir") || root.getAttribute("dir")) === "rtl";
      var rel = null;
      if (event.key === "ArrowLeft") rel = rtl ? "next" : "prev";
      if (event.key === "ArrowRight") rel = rtl ? "prev" : "next";
      if (!rel) return;
      var link = document.querySelector("nav.pager a[rel='" + rel + "']");
      if (link) { event.preventDefault(); window.location.href = link.href; }
    });
  }

  // ---- Search ----
  // Chunks register themselves with tercumanSearch.add(name, data).
  var waiting = {};
  var loaded = {};
  window.tercumanSearch = {
    add: function (name, data) {
      loaded[name] = data;
      if (waiting[name]) { waiting[name].forEach(function (w) { w.resolve(data); }); delete waiting[name]; }
    }
  };
  var base = "search/";
  function load(name) {
    if (loaded[name]) return Promise.resolve(loaded[name]);
    return new Promise(function (resolve, reject) {
      var first = !waiting[name];
      (waiting[name] = waiting[name] || []).push({ resolve: resolve, reject: reject });
      if (!first) return;
      var script = document.createElement("script");
      script.src = base + name + ".js";
      script.onerror = function () {
        (waiting[name] || []).forEach(function (w) { w.reject(new Error("cannot load " + script.src)); });
        delete waiting[name];
      };
      document.head.appendChild(script);
    });
  }

  // The index's own folding, so a query folds exactly as the text did.
  function folder(meta) {
    var low = meta.dropRange[0].charCodeAt(0), high = meta.dropRange[1].charCodeAt(0);
    return function (word) {
      var w = word.normalize("NFC");
      w = meta.turkic ? w.replace(/I/g, "ı").replace(/İ/g, "i").toLowerCase() : w.toLowerCase();
      var out = "";
      for (var ch of w) {
        var code = ch.charCodeAt(0);
        if (meta.drop.indexOf(ch) >= 0 || (ch.length === 1 && code >= low && code <= high)) continue;
        out += Object.prototype.hasOwnProperty.call(meta.map, ch) ? meta.map[ch] : ch;
      }
      return out;
    };
  }

  function segmentWords(text, lang) {
    if (window.Intl && Intl.Segmenter) {
      var words = [];
      for (var part of new Intl.Segmenter(lang, { granularity: "word" }).segment(text)) {
        var last = words[words.length - 1];
        // ICU breaks at ZWNJ; Unicode's word rules (and the index) do not:
        // `تنش‌های` is one word.
        if (last && (/[\u200C\u200D]$/.test(last.text) || /^[\u200C\u200D]/.test(part.segment))) {
          last.text += part.segment;
          last.word = last.word || part.isWordLike;
          continue;
        }
        words.push({ text: part.segment, index: part.index, word: part.isWordLike });
      }
      return words;
    }
    var out = [], re = /[\p{L}\p{M}\p{N}'’]+|[^\p{L}\p{M}\p{N}'’]+/gu, m;
    while ((m = re.exec(text))) out.push({ text: m[0], index: m.index, word: /[\p{L}\p{N}]/u.test(m[0]) });
    return out;
  }

  function queryWords(query, meta, fold) {
    return segmentWords(query, meta.lang)
      .filter(function (w) { return w.word; })
      .map(function (w) { return fold(w.text); })
      .filter(function (w) { return w.length > 0; });
  }

  function chunkName(word) {
    return "t" + Array.from(word).slice(0, 2).map(function (c) { return "-" + c.codePointAt(0).toString(16); }).join("");
  }

  // Texts holding every query word (as a word or the start of one: Turkish
  // and Azerbaijani add suffixes), exact words first, then in book order.
  function find(words, meta) {
    var names = words.map(chunkName);
    var known = {};
    meta.terms.forEach(function (t) { known[t] = true; });
    if (names.some(function (n) { return !known[n]; })) return Promise.resolve([]);
    return Promise.all(names.map(load)).then(function (chunks) {
      var scores = null;
      words.forEach(function (word, i) {
        var found = new Map();
        var chunk = chunks[i];
        Object.keys(chunk).forEach(function (term) {
          if (term.lastIndexOf(word, 0) !== 0) return;
          var id = 0, weight = term === word ? 2 : 1;
          chunk[term].forEach(function (delta) { id += delta; found.set(id, Math.max(found.get(id) || 0, weight)); });
        });
        if (scores === null) { scores = found; return; }
        var both = new Map();
        scores.forEach(function (score, id) { if (found.has(id)) both.set(id, score + found.get(id)); });
        scores = both;
      });
      var ids = Array.from((scores || new Map()).entries());
      ids.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
      return ids.map(function (e) { return e[0]; });
    });
  }

  function texts(ids, meta) {
    var names = [];
    ids.forEach(function (id) {
      var name = "d-" + Math.floor(id / meta.textsPerChunk);
      if (names.indexOf(name) < 0) names.push(name);
    });
    return Promise.all(names.map(load)).then(function () {
      return ids.map(function (id) {
        var entry = loaded["d-" + Math.floor(id / meta.textsPerChunk)][id % meta.textsPerChunk];
        return { target: meta.targets[entry[0]], text: entry[1] };
      });
    });
  }

  // Text with the words starting with a query word in <mark>; built as
  // nodes, never as markup (the text is a translator's).
  function marked(text, words, meta, fold) {
    var fragment = document.createDocumentFragment();
    segmentWords(text, meta.lang).forEach(function (part) {
      var f = part.word ? fold(part.text) : "";
      var hit = f && words.some(function (w) { return f.lastIndexOf(w, 0) === 0; });
      if (hit) {
        var mark = document.createElement("mark");
        mark.textContent = part.text;
        fragment.appendChild(mark);
      } else {
        fragment.appendChild(document.createTextNode(part.text));
      }
    });
    return fragment;
  }

  var MAX_RESULTS = 30;

  function setUpSearch() {
    var form = document.querySelector("form.search");
    if (!form) return;
    base = form.getAttribute("data-index") || base;
    var input = form.querySelector("input");
    var box = form.querySelector(".search-results");
    form.hidden = false;
    var meta = null, fold = null, asked = 0;
    var ready = function () {
      if (meta) return Promise.resolve();
      return load("index").then(function (m) { meta = m; fold = folder(m); });
    };
    var say = function (text) {
      var p = document.createElement("p");
      p.textContent = text;
      return p;
    };
    var show = function () {
      var query = input.value.trim();
      var ticket = ++asked;
      if (Array.from(query).length < 2) { box.hidden = true; box.textContent = ""; return; }
      box.hidden = false;
      box.replaceChildren(say(form.getAttribute("data-loading")));
      ready().then(function () {
        var words = queryWords(query, meta, fold);
        if (!words.length) return { words: words, ids: [] };
        return find(words, meta).then(function (ids) { return { words: words, ids: ids }; });
      }).then(function (found) {
        return texts(found.ids.slice(0, MAX_RESULTS), meta).then(function (hits) {
          if (ticket !== asked) return;
          box.setAttribute("data-query", query);
          if (!hits.length) { box.replaceChildren(say(form.getAttribute("data-no-results"))); return; }
          var count = found.ids.length.toLocaleString(meta.lang);
          var list = document.createElement("ol");
          hits.forEach(function (hit) {
            var page = meta.pages[hit.target[0]];
            var a = document.createElement("a");
            var anchor = hit.target[1] ? "#" + encodeURIComponent(hit.target[1]) : "";
            a.href = page[0] + "?highlight=" + encodeURIComponent(query) + anchor;
            var where = document.createElement("span");
            where.className = "where";
            where.textContent = hit.target[2] && hit.target[2] !== page[1] ? page[1] + " › " + hit.target[2] : page[1];
            a.appendChild(where);
            a.appendChild(marked(hit.text, found.words, meta, fold));
            var li = document.createElement("li");
            li.appendChild(a);
            list.appendChild(li);
          });
          box.replaceChildren(say(form.getAttribute("data-results") + " " + count), list);
        });
      }).catch(function () {
        if (ticket !== asked) return;
        box.setAttribute("data-query", query);
        box.replaceChildren(say(form.getAttribute("data-no-results")));
      });
    };
    var timer = null;
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(show, 120); });
    input.addEventListener("focus", function () { ready().catch(function () {}); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = box.querySelector("a");
      if (first) window.location.href = first.href;
    });
    form.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { box.hidden = true; input.blur(); }
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        var links = Array.from(box.querySelectorAll("a"));
        if (!links.length) return;
        var i = links.indexOf(document.activeElement);
        i = event.key === "ArrowDown" ? Math.min(i + 1, links.length - 1) : i - 1;
        event.preventDefault();
        if (i < 0) input.focus(); else links[i].focus();
      }
    });
    highlightArrival(ready, function () { return { meta: meta, fold: fold }; });
  }

  // A page opened from a search result marks the words searched for.
  function highlightArrival(ready, state) {
    var query = new URLSearchParams(window.location.search).get("highlight");
    var main = document.getElementById("content");
    if (!query || !main) return;
    ready().then(function () {
      var s = state();
      var words = queryWords(query, s.meta, s.fold);
      if (!words.length) return;
      var walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
      var nodes = [];
      while (walker.nextNode()) nodes.push(walker.currentNode);
      nodes.forEach(function (node) {
        if (node.parentNode.closest("pre, code, script, style")) return;
        var fragment = marked(node.nodeValue, words, s.meta, s.fold);
        if (fragment.querySelector && fragment.querySelector("mark")) node.parentNode.replaceChild(fragment, node);
      });
    }).catch(function () {});
  }

  function start() {
    setUpTheme();
    setUpMenu();
    setUpKeys();
    setUpSearch();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
