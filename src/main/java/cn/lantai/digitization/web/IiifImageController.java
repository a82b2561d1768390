package cn.lantai.digitization.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import cn.lantai.catalog.Viewer;
import cn.lantai.digitization.internal.iiif.IiifAccess;
import cn.lantai.digitization.internal.iiif.IiifAccess.SeenPage;
import cn.lantai.digitization.internal.iiif.IiifImages;
import cn.lantai.digitization.internal.iiif.ImageRequest;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The IIIF Image API 3.0 service of the scanned pages: {@code /iiif/3/<item id>-<page>/info.json} and
 * {@code /iiif/3/<item id>-<page>/<region>/<size>/<rotation>/<quality>.<format>}; the bare identifier redirects (303)
 * to its info.json (§2.2). The page's record decides who sees it (see {@link IiifAccess}); the parameters are read
 * only after that, so an error never says anything of a page one may not see.
 */
@RestController
@RequestMapping("/iiif/3")
class IiifImageController extends IiifResponses {

    static final MediaType LD_JSON = MediaType.parseMediaType(
            "application/ld+json;profile=\"" + IiifImages.CONTEXT + "\"");

    private final IiifAccess access;
    private final IiifImages images;
    private final JsonMapper json;

    IiifImageController(IiifAccess access, IiifImages images, JsonMapper json) {
        this.access = access;
        this.images = images;
        this.json = json;
    }

    @GetMapping("/{imageId:[0-9]+-[0-9]+}")
    ResponseEntity<Void> base(@PathVariable String imageId) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create(serviceId(imageId) + "/info.json")).build();
    }

    @GetMapping("/{imageId}/info.json")
    ResponseEntity<byte[]> info(@PathVariable String imageId, Viewer viewer,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        SeenPage seen = access.info(imageId, viewer);
        Map<String, Object> info = images.info(seen.page(), serviceId(imageId));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(wantsPlainJson(accept) ? MediaType.APPLICATION_JSON : LD_JSON);
        headers.set(HttpHeaders.LINK, "<" + IiifImages.PROFILE_URI + ">;rel=\"profile\"");
        headers.set(HttpHeaders.CACHE_CONTROL, cacheControl(seen.controlled()));
        headers.setVary(List.of(HttpHeaders.ACCEPT));
        cors(headers, seen.controlled());
        return ResponseEntity.ok().headers(headers).body(json.writeValueAsBytes(info));
    }

    @GetMapping("/{imageId}/{region}/{size}/{rotation}/{file}")
    ResponseEntity<?> image(@PathVariable String imageId, @PathVariable String region, @PathVariable String size,
            @PathVariable String rotation, @PathVariable String file, Viewer viewer, WebRequest request) {
        SeenPage seen = access.image(imageId, viewer);
        IiifImages.Answer answer = images.image(seen.page(), ImageRequest.parse(region, size, rotation, file));
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.CACHE_CONTROL, cacheControl(seen.controlled()));
        headers.set(HttpHeaders.LINK, "<" + IiifImages.PROFILE_URI + ">;rel=\"profile\"");
        headers.set("X-Content-Type-Options", "nosniff");
        cors(headers, seen.controlled());
        if (request.checkNotModified(answer.etag())) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).headers(headers).eTag(answer.etag()).build();
        }
        headers.setContentType(MediaType.parseMediaType(answer.mediaType()));
        headers.setETag(answer.etag());
        if (answer.file() != null) {
            return ResponseEntity.ok().headers(headers).body(new FileSystemResource(answer.file()));
        }
        return ResponseEntity.ok().headers(headers).body(answer.bytes());
    }

    /** JSON-LD unless the caller asks for plain JSON and not for JSON-LD (§5.1). */
    private static boolean wantsPlainJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (RuntimeException e) {
            return false;
        }
        boolean ld = types.stream().anyMatch(t -> t.getSubtype().equals("ld+json") || t.isWildcardType()
                || t.isWildcardSubtype() && t.getType().equals("application"));
        return !ld && types.stream().anyMatch(t -> t.isCompatibleWith(MediaType.APPLICATION_JSON));
    }

    private static String serviceId(String imageId) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/iiif/3/{id}").buildAndExpand(imageId)
                .toUriString();
    }
}
