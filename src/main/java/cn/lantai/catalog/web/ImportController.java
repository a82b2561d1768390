package cn.lantai.catalog.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import cn.lantai.catalog.CatalogImports;
import cn.lantai.catalog.ImportOptions;
import cn.lantai.catalog.ImportPreview;
import cn.lantai.catalog.ImportResult;
import cn.lantai.catalog.ImportRun;
import cn.lantai.catalog.Viewer;
import cn.lantai.jobs.JobId;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Catalogue imports: {@code POST /api/v1/imports/preview} for the column-mapping step (with the split of the first
 * rows into new, updated, unchanged and refused), {@code POST /api/v1/imports} to start, {@code GET /api/v1/imports}
 * for one's past imports and {@code GET /api/v1/imports/{id}/result} for how one's import split its rows; to start (answers the job id; follow it at {@code /api/v1/jobs/{id}}), and the error report. A row that would
 * overwrite a record changed by hand since it was last imported is refused unless {@code overwriteHandEdits=true}. The shell admits each
 * upload (right, person's import work) before its body is read; a previewed or refused upload is removed at once.
 */
@RestController
@RequestMapping("/api/v1/imports")
class ImportController {

    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private final CatalogImports imports;
    private final JsonMapper json;

    ImportController(CatalogImports imports, JsonMapper json) {
        this.imports = imports;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, Object>> start(@RequestPart("file") MultipartFile file,
            @RequestParam(defaultValue = "KEEP_VALID") ImportOptions.Mode mode,
            @RequestParam(defaultValue = "UPDATE") ImportOptions.OnExisting onExisting,
            @RequestParam(defaultValue = "false") boolean overwriteHandEdits,
            @RequestParam(required = false) String mapping, @RequestParam(required = false) String defaults,
            @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language,
            Viewer viewer) throws IOException {
        ImportOptions options = new ImportOptions(mode, onExisting, map(mapping), map(defaults),
                language != null && language.toLowerCase().startsWith("en") ? "en" : "zh-CN", overwriteHandEdits);
        JobId id = imports.start(imports.receive(file.getInputStream()), file.getOriginalFilename(), options, viewer);
        return ResponseEntity.status(HttpStatus.ACCEPTED).header(HttpHeaders.LOCATION, "/api/v1/jobs/" + id)
                .body(Map.of("id", id.value(), "job", "/api/v1/jobs/" + id));
    }

    @PostMapping(path = "/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportPreview preview(@RequestPart("file") MultipartFile file, @RequestParam(required = false) String mapping,
            Viewer viewer) throws IOException {
        Map<String, String> columns = map(mapping);
        Path upload = imports.receive(file.getInputStream());
        try {
            return imports.preview(upload, file.getOriginalFilename(), columns, viewer);
        } finally {
            imports.discard(upload);
        }
    }

    /** One's own past imports, newest first: when, which file, state and counts. */
    @GetMapping
    List<ImportRun> past(Viewer viewer) {
        return imports.pastImports(viewer);
    }

    /**
     * How one's finished import split its rows (created, updated, unchanged, refused) and its updates field by field;
     * 409 while its rows are still being checked.
     */
    @GetMapping("/{id}/result")
    ResponseEntity<ImportResult> result(@PathVariable String id, Viewer viewer) {
        ImportResult result = imports.result(new JobId(id), viewer);
        return result == null ? ResponseEntity.status(HttpStatus.CONFLICT).build() : ResponseEntity.ok(result);
    }

    @GetMapping("/{id}/report")
    ResponseEntity<Resource> report(@PathVariable String id, Viewer viewer) {
        return download(imports.report(new JobId(id), viewer), id);
    }

    /** The error report as a CSV download; the pages serve it the same way. */
    static ResponseEntity<Resource> download(Path report, String id) {
        if (!Files.exists(report)) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-report-" + id + ".csv\"")
                .body(new FileSystemResource(report));
    }

    private Map<String, String> map(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            return json.readValue(text, STRING_MAP);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("mapping/defaults must be a JSON object of strings");
        }
    }
}
