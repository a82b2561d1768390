package cn.lantai.accession.web;

import cn.lantai.accession.StoredRecordChecks;
import cn.lantai.catalog.Viewer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * 保存库四性检测 in the workbench, for the receiving staff: the runs, newest first, with their counts of records
 * checked and failed and their sealed reports; a button starts a run over the whole store (as the schedule does).
 */
@Controller
class RecheckPages {

    private static final int SHOWN = 100;

    private final StoredRecordChecks checks;

    RecheckPages(StoredRecordChecks checks) {
        this.checks = checks;
    }

    @GetMapping("/four-properties-checks")
    String runs(Model model) {
        model.addAttribute("runs", checks.runs(SHOWN));
        return "four-properties-checks";
    }

    @PostMapping("/four-properties-checks")
    String startAll(Viewer viewer) {
        checks.start(null, viewer);
        return "redirect:/four-properties-checks";
    }

    @GetMapping("/four-properties-checks/{id}/report.pdf")
    ResponseEntity<byte[]> report(@PathVariable String id, Viewer viewer) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"four-properties-" + id + ".pdf\"")
                .body(checks.reportPdf(id, viewer));
    }
}
