package cn.lantai.catalog.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.NewVolume;
import cn.lantai.catalog.Retention;
import cn.lantai.catalog.Viewer;
import cn.lantai.catalog.Volume;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Files (卷): create one (its number is allocated), list a group's files, read one with its items in order. Items go
 * into a file by carrying its number ({@code volume}) when created, imported (column 案卷号) or bulk-edited.
 */
@RestController
@RequestMapping("/api/v1/volumes")
class VolumeController {

    private final CatalogManagement catalog;

    VolumeController(CatalogManagement catalog) {
        this.catalog = catalog;
    }

    @PostMapping
    ResponseEntity<Volume> create(@RequestBody NewVolume volume, Viewer viewer) {
        Volume created = catalog.createVolume(volume, viewer);
        return ResponseEntity.created(URI.create("/api/v1/volumes/" + created.id())).body(created);
    }

    @GetMapping
    List<Volume> inGroup(@RequestParam String fonds, @RequestParam String category, @RequestParam int year,
            @RequestParam String retention, @RequestParam(required = false) String org, Viewer viewer) {
        return catalog.volumes(fonds, category, year, Retention.parse(retention)
                .orElseThrow(() -> new IllegalArgumentException("retention " + retention)), org, viewer);
    }

    @GetMapping("/{id}")
    Map<String, Object> read(@PathVariable long id, Viewer viewer) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("volume", catalog.volume(id, viewer));
        body.put("items", catalog.volumeItems(id, viewer).stream().map(ItemJson::of).toList());
        return body;
    }
}
