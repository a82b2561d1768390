package cn.lantai.preservation.web;

import cn.lantai.catalog.ItemId;
import cn.lantai.catalog.ItemNotFound;
import cn.lantai.catalog.Viewer;
import cn.lantai.preservation.RecordFiles;
import cn.lantai.preservation.StoredFileNotFound;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The item page's download and preview links ({@code /items/{id}/files/content?name=…[&inline=true]}), signed in to
 * the workbench: the same service and rule as the API's.
 */
@Controller
class ItemFilePages {

    private final RecordFiles files;

    ItemFilePages(RecordFiles files) {
        this.files = files;
    }

    @GetMapping("/items/{id}/files/content")
    ResponseEntity<StreamingResponseBody> content(@PathVariable long id, @RequestParam String name,
            @RequestParam(defaultValue = "false") boolean inline, Viewer viewer) {
        try {
            return FileResponses.of(files.download(new ItemId(id), name, viewer), inline);
        } catch (StoredFileNotFound e) {
            // the same 404 page as a record that does not exist
            throw new ItemNotFound(new ItemId(id));
        }
    }
}
