package cn.lantai.preservation.web;

import cn.lantai.catalog.Viewer;
import cn.lantai.preservation.FixityAuditStart;
import cn.lantai.preservation.FixityAudits;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 固定性检查: the audits of the store (state, progress, failures), and the system administrator's button to start one. */
@Controller
@RequestMapping("/fixity-audits")
class FixityAuditPages {

    private static final int AUDITS_SHOWN = 20;
    private static final int FAILURES_EACH = 100;

    private final FixityAudits audits;

    FixityAuditPages(FixityAudits audits) {
        this.audits = audits;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("audits", audits.recent(AUDITS_SHOWN, FAILURES_EACH));
        model.addAttribute("failuresEach", FAILURES_EACH);
        return "fixity-audits";
    }

    @PostMapping
    String start(Viewer viewer, RedirectAttributes redirect) {
        FixityAuditStart start = audits.start(viewer);
        redirect.addFlashAttribute("flash", start.started() ? "fixity.started" : "fixity.already-running");
        return "redirect:/fixity-audits";
    }
}
