package cn.lantai.catalog.web;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.lantai.catalog.CatalogExports;
import cn.lantai.catalog.ItemFilter;
import cn.lantai.catalog.Viewer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code GET /api/v1/exports?format=xlsx|csv[&encoding=GB18030]&fonds=…} or {@code …&ids=1&ids=2}: the selection as a
 * catalogue file.
 */
@RestController
class ExportController {

    private final CatalogExports exports;

    ExportController(CatalogExports exports) {
        this.exports = exports;
    }

    @GetMapping("/api/v1/exports")
    ResponseEntity<StreamingResponseBody> export(@RequestParam Map<String, String> params,
            @RequestParam(required = false) List<Long> ids, Viewer viewer) {
        CatalogExports.Format format = format(params.get("format"));
        ItemFilter filter = ids != null && !ids.isEmpty() ? ItemFilter.ofIds(ids) : ItemJson.filter(params);
        return download(exports, filter, format, charset(params.get("encoding")), "catalogue", viewer);
    }

    static CatalogExports.Format format(String name) {
        return CatalogExports.Format.valueOf((name == null ? "xlsx" : name).toUpperCase(Locale.ROOT));
    }

    static Charset charset(String name) {
        return name == null || name.isBlank() ? StandardCharsets.UTF_8 : Charset.forName(name);
    }

    /** {@code filename="catalogue.xlsx"} as before for a Latin name; a Chinese one as RFC 5987 {@code filename*}. */
    private static String disposition(String name) {
        boolean latin = StandardCharsets.US_ASCII.newEncoder().canEncode(name);
        return (latin ? ContentDisposition.attachment().filename(name)
                : ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8)).build().toString();
    }

    /** The export as a download named {@code baseName.xlsx|csv} (UTF-8 names as RFC 6266 allows); refused first. */
    static ResponseEntity<StreamingResponseBody> download(CatalogExports exports, ItemFilter filter,
            CatalogExports.Format format, Charset charset, String baseName, Viewer viewer) {
        String name = baseName + "." + format.name().toLowerCase(Locale.ROOT);
        MediaType type = format == CatalogExports.Format.XLSX
                ? MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                : new MediaType("text", "csv", charset);
        exports.requireExport(viewer, filter);
        StreamingResponseBody body = out -> exports.export(filter, viewer, format, charset, out);
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(name))
                .body(body);
    }
}
