package cn.lantai.digitization.web;

import java.util.List;
import java.util.Map;

import cn.lantai.catalog.Description;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.ItemId;
import cn.lantai.catalog.ItemNotFound;
import cn.lantai.catalog.Viewer;
import cn.lantai.digitization.internal.iiif.IiifAccess;
import cn.lantai.digitization.internal.iiif.Manifests;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * An entry's IIIF Presentation API 3.0 manifest at {@code /iiif/3/manifests/<item id>}, the item JSON's
 * {@code manifest}: for whoever may see the record (its view audited as the catalogue audits any), and only while the
 * entry has pages; otherwise the same 404 as a record that does not exist. The public (anonymous callers) reads the
 * portal's fields only ({@link Manifests}).
 */
@RestController
class IiifManifestController extends IiifResponses {

    static final MediaType LD_JSON = MediaType.parseMediaType(
            "application/ld+json;profile=\"" + Manifests.CONTEXT + "\"");

    private final IiifAccess access;
    private final Manifests manifests;
    private final JsonMapper json;

    IiifManifestController(IiifAccess access, Manifests manifests, JsonMapper json) {
        this.access = access;
        this.manifests = manifests;
        this.json = json;
    }

    @GetMapping("/iiif/3/manifests/{itemId}")
    ResponseEntity<byte[]> manifest(@PathVariable String itemId, Viewer viewer) {
        if (!itemId.matches("[1-9][0-9]{0,17}")) {
            throw new ItemNotFound("?");
        }
        Item item = access.manifest(new ItemId(Long.parseLong(itemId)), viewer);
        Map<String, Object> manifest = manifests.of(item,
                ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString(), viewer);
        if (((List<?>) manifest.get("items")).isEmpty()) {
            throw new ItemNotFound(item.id());
        }
        Description d = item.description();
        boolean controlled = Viewer.controlled(d.classification(), d.openStatus());
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(LD_JSON);
        headers.set(HttpHeaders.CACHE_CONTROL, "private, no-cache");
        cors(headers, controlled);
        return ResponseEntity.ok().headers(headers).body(json.writeValueAsBytes(manifest));
    }
}
