// Every htmx request carries Spring Security's CSRF token, read from the layout's <meta> tags.
document.addEventListener("htmx:configRequest", function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) { event.detail.headers[header.content] = token.content; }
});

// When htmx has swapped the catalogue's list, the tree marks the branch the list now shows (pages of it included).
document.addEventListener("htmx:pushedIntoHistory", function (event) {
  var shown = event.detail.path.replace(/([?&])page=\d+(&|$)/, function (m, before, after) { return after ? before : ""; });
  document.querySelectorAll(".tree a").forEach(function (link) {
    if (link.getAttribute("href") === shown) { link.setAttribute("aria-current", "true"); }
    else { link.removeAttribute("aria-current"); }
  });
});

// A part fetched after the session ended comes back as the sign-in page: go there instead of showing it in the part.
document.addEventListener("htmx:beforeSwap", function (event) {
  var url = event.detail.xhr && event.detail.xhr.responseURL;
  if (url && new URL(url).pathname === "/login") {
    event.detail.shouldSwap = false;
    window.location.href = url;
  }
});

// --- catalogue list: selecting rows (one, a range with Shift, the page, all in the filter), keyboard, actions ---
// The list is swapped by htmx, so everything listens on the document and reads the list as it is now.
(function () {
  var lastClicked = null;

  function form() { return document.getElementById("list-actions"); }
  function boxes() { return Array.prototype.slice.call(document.querySelectorAll('input[name="ids"][form="list-actions"]')); }
  function allMode() { var f = form(); return f && f.dataset.allMode === "true"; }

  function setAll(on) {
    var f = form();
    if (!f) { return; }
    f.dataset.allMode = on ? "true" : "false";
    f.querySelectorAll("[data-all]").forEach(function (input) { input.disabled = !on; });
    var banner = document.querySelector("[data-banner]");
    if (banner) {
      banner.querySelector("[data-page-message]").hidden = on;
      banner.querySelector("[data-select-all]").hidden = on;
      banner.querySelector("[data-all-message]").hidden = !on;
      banner.querySelector("[data-clear]").hidden = !on;
    }
  }

  function refresh() {
    var f = form();
    if (!f) { return; }
    var list = boxes();
    var checked = list.filter(function (b) { return b.checked; });
    list.forEach(function (b) { b.closest("tr").classList.toggle("selected", b.checked); });
    var whole = list.length > 0 && checked.length === list.length;
    var pageToggle = document.querySelector("[data-page-toggle]");
    if (pageToggle) {
      pageToggle.checked = whole;
      pageToggle.indeterminate = checked.length > 0 && !whole;
    }
    if (!whole && allMode()) { setAll(false); }
    var total = parseInt(f.dataset.total, 10) || 0;
    var banner = document.querySelector("[data-banner]");
    if (banner) { banner.hidden = !(whole && total > list.length); }
    var n = allMode() ? total : checked.length;
    var count = f.querySelector("[data-selected-count]");
    if (count) { count.textContent = n > 0 ? count.dataset.template.replace("{n}", n.toLocaleString()) : ""; }
    f.querySelectorAll("[data-needs-selection]").forEach(function (b) { b.disabled = n === 0; });
    f.querySelectorAll("[data-needs-one]").forEach(function (b) { b.disabled = allMode() || checked.length !== 1; });
  }

  document.addEventListener("click", function (event) {
    var box = event.target.closest && event.target.closest('input[name="ids"][form="list-actions"]');
    if (box) {
      var list = boxes();
      if (event.shiftKey && lastClicked && list.indexOf(lastClicked) >= 0) {
        var from = list.indexOf(lastClicked), to = list.indexOf(box);
        var lo = Math.min(from, to), hi = Math.max(from, to);
        for (var i = lo; i <= hi; i++) { list[i].checked = box.checked; }
      }
      lastClicked = box;
      refresh();
      return;
    }
    if (event.target.closest && event.target.closest("[data-select-all]")) { setAll(true); refresh(); return; }
    if (event.target.closest && event.target.closest("[data-clear]")) {
      setAll(false);
      boxes().forEach(function (b) { b.checked = false; });
      refresh();
      return;
    }
    var del = event.target.closest && event.target.closest("[data-delete]");
    if (del) {
      var one = boxes().filter(function (b) { return b.checked; });
      if (one.length === 1) { window.location.href = "/items/" + encodeURIComponent(one[0].value) + "/delete"; }
    }
  });

  document.addEventListener("change", function (event) {
    if (event.target.matches && event.target.matches("[data-page-toggle]")) {
      boxes().forEach(function (b) { b.checked = event.target.checked; });
      refresh();
    }
  });

  // Up and Down move between the rows' boxes; Space (the box's own key) selects; Home and End go to the ends.
  document.addEventListener("keydown", function (event) {
    var box = event.target.matches && event.target.matches('input[name="ids"][form="list-actions"]') ? event.target : null;
    if (!box) { return; }
    var list = boxes(), at = list.indexOf(box), next = null;
    if (event.key === "ArrowDown") { next = list[at + 1]; }
    else if (event.key === "ArrowUp") { next = list[at - 1]; }
    else if (event.key === "Home") { next = list[0]; }
    else if (event.key === "End") { next = list[list.length - 1]; }
    if (next) { event.preventDefault(); next.focus(); }
  });

  // One form serves both ways: the CSRF token travels only with the POST, and "all" replaces the ids.
  document.addEventListener("submit", function (event) {
    if (event.target.id !== "list-actions") { return; }
    var get = event.submitter && event.submitter.getAttribute("formmethod") === "get";
    var token = event.target.querySelector('input[name="_csrf"]');
    var off = [];
    if (token && get) { off.push(token); }
    if (allMode()) { off = off.concat(boxes()); }
    off.forEach(function (input) { input.disabled = true; });
    setTimeout(function () { off.forEach(function (input) { input.disabled = false; }); }, 0);
  });

  document.addEventListener("DOMContentLoaded", refresh);
  document.addEventListener("htmx:afterSettle", function () { lastClicked = null; refresh(); });

  // The tree marks the node the list shows, whatever order, size or page the list is in.
  document.addEventListener("htmx:pushedIntoHistory", function (event) {
    var parts = ["fonds", "category", "year", "retention", "org", "volume"];
    function key(href) {
      var params = new URL(href, window.location.origin).searchParams;
      return parts.map(function (p) { return params.has(p) ? p + "=" + params.get(p) : ""; }).join("&");
    }
    var shown = key(event.detail.path);
    document.querySelectorAll(".tree a").forEach(function (link) {
      if (key(link.getAttribute("href")) === shown) { link.setAttribute("aria-current", "true"); }
      else { link.removeAttribute("aria-current"); }
    });
  });
})();
// --- renumbering (调整件号): dragging a row of [data-reorder] moves it and types the new numbers 1..n in row order,
// so the form sends typed numbers whichever way the order was made (typing them stays the keyboard's way).
document.addEventListener("dragstart", function (event) {
  var row = event.target.closest && event.target.closest("[data-reorder] > tr");
  if (!row) { return; }
  row.classList.add("dragging");
  event.dataTransfer.effectAllowed = "move";
  event.dataTransfer.setData("text/plain", row.querySelector("input") ? row.querySelector("input").name : "");
});
document.addEventListener("dragover", function (event) {
  var row = event.target.closest && event.target.closest("[data-reorder] > tr");
  if (row && row.parentNode.querySelector("tr.dragging")) { event.preventDefault(); }
});
document.addEventListener("drop", function (event) {
  var row = event.target.closest && event.target.closest("[data-reorder] > tr");
  var body = row && row.parentNode;
  var dragged = body && body.querySelector("tr.dragging");
  if (!dragged || dragged === row) { return; }
  event.preventDefault();
  var box = row.getBoundingClientRect();
  body.insertBefore(dragged, event.clientY > box.top + box.height / 2 ? row.nextSibling : row);
  body.querySelectorAll("tr").forEach(function (tr, i) {
    var input = tr.querySelector("input");
    if (input) { input.value = String(i + 1); }
  });
});
document.addEventListener("dragend", function (event) {
  document.querySelectorAll("[data-reorder] > tr.dragging").forEach(function (tr) { tr.classList.remove("dragging"); });
});

// issue 10: a file's preview loads when asked for, not with the item page (each load is a whole transfer and, for a
// controlled record, an audited read); without script the link opens the preview in a tab of its own
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a.preview-load");
  if (!link) { return; }
  event.preventDefault();
  var pdf = link.dataset.preview === "PDF";
  var view = document.createElement(pdf ? "iframe" : "img");
  view.src = link.href;
  if (pdf) { view.title = link.dataset.title; } else { view.alt = link.dataset.title; }
  link.replaceWith(view);
});
