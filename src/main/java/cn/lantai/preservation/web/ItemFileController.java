package cn.lantai.preservation.web;

import java.util.List;
import java.util.Locale;

import cn.lantai.catalog.ItemId;
import cn.lantai.catalog.Viewer;
import cn.lantai.preservation.RecordFiles;
import cn.lantai.preservation.StoredFile;
import cn.lantai.preservation.StoredFileNotFound;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A record's files in the API: {@code GET /api/v1/items/{id}/files} lists them ({@code name, size, format, sha256,
 * sm3, version}); {@code GET /api/v1/items/{id}/files/content?name=…} sends one. The name travels as a query
 * parameter, percent-encoded, because it may hold '/', spaces and Chinese; it is only ever compared with the names the
 * store lists, never made into a path, so {@code ../} finds nothing.
 */
@RestController
class ItemFileController {

    private final RecordFiles files;
    private final MessageSource messages;

    ItemFileController(RecordFiles files, MessageSource messages) {
        this.files = files;
        this.messages = messages;
    }

    @GetMapping("/api/v1/items/{id}/files")
    List<StoredFile> list(@PathVariable long id, Viewer viewer) {
        return files.list(new ItemId(id), viewer);
    }

    @GetMapping("/api/v1/items/{id}/files/content")
    ResponseEntity<StreamingResponseBody> content(@PathVariable long id, @RequestParam String name,
            @RequestParam(defaultValue = "false") boolean inline, Viewer viewer) {
        return FileResponses.of(files.download(new ItemId(id), name, viewer), inline);
    }

    /** A file the record does not hold answers as a record that does not exist. */
    @ExceptionHandler(StoredFileNotFound.class)
    ProblemDetail notFound(StoredFileNotFound e, Locale locale) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                messages.getMessage("problem.not-found", null, locale));
    }
}
