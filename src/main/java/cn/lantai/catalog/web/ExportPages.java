package cn.lantai.catalog.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import cn.lantai.catalog.CatalogExports;
import cn.lantai.catalog.Viewer;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Export from the workbench: the rows chosen in the catalogue ({@link CatalogueSelection}) as .xlsx or .csv, made by
 * {@link CatalogExports} as the API's export is, under a Chinese file name that says what it holds and when:
 * {@code 著录目录-0012·WS·2019-20261130.xlsx}, {@code 著录目录-所选12件-20261130.csv}.
 */
@Controller
class ExportPages {

    private final CatalogExports exports;

    ExportPages(CatalogExports exports) {
        this.exports = exports;
    }

    @GetMapping("/catalogue/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam MultiValueMap<String, String> params, Viewer viewer) {
        CatalogueSelection selection = CatalogueSelection.of(params);
        CatalogExports.Format format = ExportController.format(params.getFirst("format"));
        return ExportController.download(exports, selection.filter(), format,
                ExportController.charset(params.getFirst("encoding")), fileName(selection), viewer);
    }

    static String fileName(CatalogueSelection selection) {
        String what = !selection.ids().isEmpty() ? "所选" + selection.ids().size() + "件"
                : selection.scope().isEmpty() ? "全部" : selection.scope();
        return "著录目录-" + what + "-" + LocalDate.now().format(DateTimeFormatter.BASIC_ISO_DATE);
    }
}
