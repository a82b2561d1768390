package cn.lantai.digitization.web;

import cn.lantai.catalog.CatalogConflict;
import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.ItemId;
import cn.lantai.catalog.NotPermitted;
import cn.lantai.catalog.Viewer;
import cn.lantai.digitization.DigitizeRight;
import cn.lantai.digitization.ScannedPages;
import cn.lantai.digitization.internal.ocr.Recognition;
import cn.lantai.identity.Right;
import cn.lantai.jobs.JobId;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/items/{id}/ocr} reads every page of the entry again (202 and the job's link): after a better
 * scan of the same file or a change of engine. Needs the DIGITIZE right (数字化) and sight of the record; an entry
 * without pages is a 409.
 */
@RestController
class OcrController {

    private final CatalogManagement catalog;
    private final ScannedPages pages;
    private final Recognition recognition;

    OcrController(CatalogManagement catalog, ScannedPages pages, Recognition recognition) {
        this.catalog = catalog;
        this.pages = pages;
        this.recognition = recognition;
    }

    @PostMapping("/api/v1/items/{id}/ocr")
    ResponseEntity<Map<String, Object>> readAgain(@PathVariable long id, Viewer viewer) {
        if (!DigitizeRight.heldBy(viewer)) {
            throw new NotPermitted("problem.not-permitted", Right.DIGITIZE.name());
        }
        ItemId item = catalog.item(new ItemId(id), viewer).id(); // ItemNotFound (404) beyond the viewer's sight
        if (pages.of(item).isEmpty()) {
            throw new CatalogConflict("digitization.ocr.no-pages");
        }
        JobId job = recognition.start(item, true, viewer.name());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("job", job.value());
        body.put("status", "/api/v1/jobs/" + job.value());
        return ResponseEntity.accepted().location(URI.create("/api/v1/jobs/" + job.value())).body(body);
    }
}
