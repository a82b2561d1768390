package cn.lantai.catalog.web;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import cn.lantai.catalog.CatalogExports;
import cn.lantai.catalog.ItemFilter;
import cn.lantai.catalog.Viewer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** {@code GET /api/v1/exports?format=xlsx|csv[&encoding=GB18030]&fonds=…}: the selection as a catalogue file. */
@RestController
class ExportController {

    private final CatalogExports exports;

    ExportController(CatalogExports exports) {
        this.exports = exports;
    }

    @GetMapping("/api/v1/exports")
    ResponseEntity<StreamingResponseBody> export(@RequestParam Map<String, String> params, Viewer viewer) {
        CatalogExports.Format format = CatalogExports.Format.valueOf(
                params.getOrDefault("format", "xlsx").toUpperCase(Locale.ROOT));
        Charset charset = params.containsKey("encoding") ? Charset.forName(params.get("encoding"))
                : StandardCharsets.UTF_8;
        ItemFilter filter = ItemJson.filter(params);
        String name = "catalogue." + format.name().toLowerCase(Locale.ROOT);
        MediaType type = format == CatalogExports.Format.XLSX
                ? MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                : new MediaType("text", "csv", charset);
        exports.requireExport(viewer, filter);
        StreamingResponseBody body = out -> exports.export(filter, viewer, format, charset, out);
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(body);
    }
}
