// The page viewer: an entry's scanned pages in OpenSeadragon, from its IIIF Presentation 3.0 manifest. Each
// <figure class="page-viewer" data-manifest="…"> gets a deep-zoom view, a strip of thumbnails and a page counter; it
// opens at the page that ?page=N (a search hit inside a scan) or data-page names, and keeps ?page= in the address as
// pages are turned, so a link or a reload comes back to the same page. Words come from data-* attributes (i18n).
(function () {
  "use strict";

  function format(pattern, values) {
    return pattern.replace(/\{(\d+)\}/g, function (m, i) { return values[Number(i)]; });
  }

  // The image service of a canvas's painted image (Image API 3.0: service[0].id; 2.x-style "@id" tolerated).
  function serviceOf(canvas) {
    var annotation = canvas.items[0].items[0];
    var services = annotation.body.service || [];
    var service = Array.isArray(services) ? services[0] : services;
    return (service.id || service["@id"]).replace(/\/$/, "");
  }

  function thumbnailOf(canvas, service) {
    if (canvas.thumbnail && canvas.thumbnail.length) { return canvas.thumbnail[0].id; }
    return service + "/full/,150/0/default.jpg";
  }

  function requestedPage(figure, count) {
    var asked = new URLSearchParams(window.location.search).get("page") || figure.dataset.page || "1";
    var page = parseInt(asked, 10);
    return isNaN(page) ? 1 : Math.min(Math.max(page, 1), count);
  }

  function start(figure) {
    var status = figure.querySelector(".viewer-status");
    var strip = figure.querySelector(".viewer-thumbnails");
    fetch(figure.dataset.manifest, { credentials: "same-origin", headers: { Accept: "application/ld+json" } })
      .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
      .then(function (manifest) {
        var canvases = manifest.items || [];
        if (!canvases.length) { status.textContent = figure.dataset.empty; return; }
        var services = canvases.map(serviceOf);
        var first = requestedPage(figure, canvases.length);
        var viewer = OpenSeadragon({
          element: figure.querySelector(".viewer-canvas"),
          prefixUrl: figure.dataset.images,
          tileSources: services.map(function (s) { return s + "/info.json"; }),
          sequenceMode: true,
          initialPage: first - 1,
          showNavigator: true,
          preserveViewport: false,
          ajaxWithCredentials: true
        });
        var buttons = canvases.map(function (canvas, i) {
          var item = document.createElement("li");
          var button = document.createElement("button");
          var label = format(figure.dataset.pageLabel, [i + 1]);
          button.type = "button";
          button.className = "viewer-thumbnail";
          button.setAttribute("aria-label", label);
          button.dataset.page = String(i + 1);
          var img = document.createElement("img");
          img.src = thumbnailOf(canvas, services[i]);
          img.alt = "";
          img.loading = "lazy";
          button.appendChild(img);
          var caption = document.createElement("span");
          caption.textContent = String(i + 1);
          button.appendChild(caption);
          button.addEventListener("click", function () { viewer.goToPage(i); });
          item.appendChild(button);
          strip.appendChild(item);
          return button;
        });
        function show(index) {
          var page = index + 1;
          figure.dataset.currentPage = String(page);
          status.textContent = format(figure.dataset.counter, [page, canvases.length]);
          buttons.forEach(function (b, i) {
            if (i === index) { b.setAttribute("aria-current", "page"); } else { b.removeAttribute("aria-current"); }
          });
          var url = new URL(window.location.href);
          url.searchParams.set("page", String(page));
          window.history.replaceState(null, "", url);
        }
        viewer.addHandler("page", function (event) { show(event.page); });
        viewer.addHandler("open", function () { figure.dataset.opened = "true"; });
        show(first - 1);
      })
      .catch(function () { status.textContent = figure.dataset.failed; });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("figure.page-viewer[data-manifest]").forEach(start);
  });
})();
