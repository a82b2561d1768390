package cn.lantai.access.web;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import cn.lantai.access.internal.portal.PublicRecords;
import cn.lantai.catalog.Item;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * The portal's sitemap (sitemaps.org 0.9) and {@code /robots.txt}: the pages of open, unclassified records only, read
 * through {@link PublicRecords} as any portal page. Up to {@link #PER_FILE} records it is one {@code urlset}; beyond,
 * {@code /portal/sitemap.xml} is an index of {@code /portal/sitemap-<n>.xml} files of that many each (the protocol
 * allows 50,000; smaller files keep each answer cheap). The workbench and the API are no place for crawlers.
 */
@RestController
class SitemapController {

    static final int PER_FILE = 5_000;
    private static final MediaType XML = new MediaType(MediaType.APPLICATION_XML, StandardCharsets.UTF_8);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final PublicRecords records;

    SitemapController(PublicRecords records) {
        this.records = records;
    }

    @GetMapping(value = "/robots.txt", produces = "text/plain;charset=UTF-8")
    ResponseEntity<String> robots() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body("""
                User-agent: *
                Allow: /portal
                Disallow: /
                Sitemap: %s
                """.formatted(absolute("/portal/sitemap.xml")));
    }

    @GetMapping("/portal/sitemap.xml")
    ResponseEntity<String> sitemap() {
        long count = records.count();
        if (count <= PER_FILE) {
            return xml(urls(0));
        }
        StringBuilder index = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (long n = 1; n <= (count + PER_FILE - 1) / PER_FILE; n++) {
            index.append("<sitemap><loc>").append(HtmlUtils.htmlEscape(absolute("/portal/sitemap-" + n + ".xml")))
                    .append("</loc></sitemap>\n");
        }
        return xml(index.append("</sitemapindex>\n").toString());
    }

    @GetMapping("/portal/sitemap-{n:[1-9][0-9]{0,5}}.xml")
    ResponseEntity<String> part(@PathVariable int n) {
        long offset = (long) (n - 1) * PER_FILE;
        if (offset >= records.count()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(XML).body("");
        }
        return xml(urls(offset));
    }

    private String urls(long offset) {
        StringBuilder set = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        String base = absolute("/portal/items/");
        records.forEach(offset, PER_FILE, batch -> {
            for (Item item : batch) {
                set.append("<url><loc>").append(HtmlUtils.htmlEscape(base + item.id().value())).append("</loc>");
                if (item.updatedAt() != null) {
                    set.append("<lastmod>").append(DAY.format(item.updatedAt())).append("</lastmod>");
                }
                set.append("</url>\n");
            }
        });
        return set.append("</urlset>\n").toString();
    }

    private static ResponseEntity<String> xml(String body) {
        return ResponseEntity.ok().contentType(XML).cacheControl(CacheControl.noCache()).body(body);
    }

    private static String absolute(String path) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).toUriString();
    }
}
