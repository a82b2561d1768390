package cn.lantai.catalog.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.lantai.catalog.CatalogVolumes;
import cn.lantai.catalog.ItemId;
import cn.lantai.catalog.NewVolume;
import cn.lantai.catalog.Retention;
import cn.lantai.catalog.Viewer;
import cn.lantai.catalog.Volume;
import cn.lantai.catalog.VolumeChange;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Files (卷): create one (its number is allocated), list a group's files, read one with its items in order, retitle
 * it and give it a date range, move items into it (from other files of its group) or out of it (into another), delete
 * an empty one. Items also go into a file by carrying its number ({@code volume}) when created, imported (column 案卷号)
 * or bulk-edited. The workbench's file pages call the same service.
 */
@RestController
@RequestMapping("/api/v1/volumes")
class VolumeController {

    private final CatalogVolumes volumes;

    VolumeController(CatalogVolumes volumes) {
        this.volumes = volumes;
    }

    @PostMapping
    ResponseEntity<Volume> create(@RequestBody NewVolume volume, Viewer viewer) {
        Volume created = volumes.create(volume, viewer);
        return ResponseEntity.created(URI.create("/api/v1/volumes/" + created.id())).body(created);
    }

    @GetMapping
    List<Volume> inGroup(@RequestParam String fonds, @RequestParam String category, @RequestParam int year,
            @RequestParam String retention, @RequestParam(required = false) String org, Viewer viewer) {
        return volumes.volumes(fonds, category, year, Retention.parse(retention)
                .orElseThrow(() -> new IllegalArgumentException("retention " + retention)), org, viewer);
    }

    @GetMapping("/{id}")
    Map<String, Object> read(@PathVariable long id, Viewer viewer) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("volume", volumes.volume(id, viewer));
        body.put("items", volumes.items(id, viewer).stream().map(ItemJson::of).toList());
        return body;
    }

    /** Retitles the file and sets its date range: {@code {"title": …, "startDate": …, "endDate": …}}. */
    @PatchMapping("/{id}")
    Volume describe(@PathVariable long id, @RequestBody VolumeChange change, Viewer viewer) {
        return volumes.describe(id, change, viewer);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, Viewer viewer) {
        volumes.delete(id, viewer);
        return ResponseEntity.noContent().build();
    }

    /** Moves items into the file, at its end: {@code {"items": [id, …]}}; answers the items whose 档号 changed. */
    @PostMapping("/{id}/items")
    Map<String, Object> addItems(@PathVariable long id, @RequestBody ItemIds body, Viewer viewer) {
        List<ItemId> moved = volumes.addItems(id, body.items().stream().map(ItemId::new).toList(), viewer);
        return Map.of("moved", moved.stream().map(ItemId::value).toList());
    }

    /** Takes an item out of the file into another file of its group ({@code to}, required). */
    @DeleteMapping("/{id}/items/{itemId}")
    Map<String, Object> removeItem(@PathVariable long id, @PathVariable long itemId, @RequestParam long to,
            Viewer viewer) {
        List<ItemId> moved = volumes.removeItem(id, new ItemId(itemId), to, viewer);
        return Map.of("moved", moved.stream().map(ItemId::value).toList());
    }

    record ItemIds(List<Long> items) {

        ItemIds {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }
}
