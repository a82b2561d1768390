package cn.lantai.digitization.web;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import cn.lantai.catalog.ItemNotFound;
import cn.lantai.digitization.internal.iiif.BadImageRequest;
import cn.lantai.digitization.internal.images.UnreadablePage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * What the IIIF endpoints share: their errors as the Image API asks (§7.3: a status and a short plain-text reason), one
 * 404 for every page or record one may not see, whatever the reason, and the caching and CORS rules of their answers.
 * <p>
 * CORS: {@code Access-Control-Allow-Origin: *} (§7.1) only on the images and documents of open, unclassified records;
 * never with credentials, so another site's script can read nothing a caller without a session could not. Controlled
 * records get no CORS header at all: their images are for the archive's own pages.
 */
abstract class IiifResponses {

    private static final Logger log = LoggerFactory.getLogger(IiifResponses.class);

    @ExceptionHandler(BadImageRequest.class)
    ResponseEntity<byte[]> bad(BadImageRequest e) {
        return text(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(ItemNotFound.class)
    ResponseEntity<byte[]> notFound(ItemNotFound e) {
        return text(HttpStatus.NOT_FOUND, "Not found");
    }

    @ExceptionHandler({UnreadablePage.class, UncheckedIOException.class})
    ResponseEntity<byte[]> unreadable(RuntimeException e) {
        log.warn("IIIF image not served: {}", e.toString());
        return text(HttpStatus.INTERNAL_SERVER_ERROR, "The page's image cannot be read; the archive has been told.");
    }

    private static ResponseEntity<byte[]> text(HttpStatus status, String reason) {
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(reason.getBytes(StandardCharsets.UTF_8));
    }

    /** Private to the browser (every answer needs a signed-in viewer); controlled records revalidate soon. */
    static String cacheControl(boolean controlled) {
        return controlled ? "private, max-age=300" : "private, max-age=86400";
    }

    static void cors(HttpHeaders headers, boolean controlled) {
        if (!controlled) {
            headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        }
    }
}
