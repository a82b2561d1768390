package cn.lantai.access.web;

import java.nio.charset.StandardCharsets;

import cn.lantai.access.Grant;
import cn.lantai.access.GrantedCopies;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The responses of delivery under a grant: never stored by any cache, never sniffed, never sent on as a referrer. */
final class Deliveries {

    private Deliveries() {
    }

    static ResponseEntity<byte[]> jpeg(byte[] image) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).headers(Deliveries::guarded).body(image);
    }

    static ResponseEntity<byte[]> pdf(Grant grant, byte[] pdf, boolean print) {
        ContentDisposition disposition = (print ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(GrantedCopies.fileName(grant), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString()).headers(Deliveries::guarded)
                .body(pdf);
    }

    /** The same guard on a page's response. */
    static void guarded(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store, private");
        response.setHeader("Referrer-Policy", "no-referrer");
    }

    static void guarded(HttpHeaders headers) {
        headers.setCacheControl(CacheControl.noStore().cachePrivate());
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
    }
}
