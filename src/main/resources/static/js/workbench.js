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
