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
