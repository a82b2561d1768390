package cn.lantai.preservation.web;

import cn.lantai.jobs.JobState;
import cn.lantai.jobs.JobStatus;
import cn.lantai.jobs.Jobs;
import cn.lantai.preservation.CatalogueRebuilds;
import cn.lantai.preservation.RebuildRefused;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The system administrator's page of the archival store ({@code /admin/store}): rebuild the catalogue from the store,
 * with the last rebuild's progress (polled while it runs) and outcome. Replacing a catalogue that is not empty is a
 * box to tick, never the default.
 */
@Controller
@PreAuthorize("hasRole('SYSTEM_ADMIN')")
class StorePages {

    private final CatalogueRebuilds rebuilds;
    private final Jobs jobs;
    private final MessageSource messages;

    StorePages(CatalogueRebuilds rebuilds, Jobs jobs, MessageSource messages) {
        this.rebuilds = rebuilds;
        this.jobs = jobs;
        this.messages = messages;
    }

    @GetMapping("/admin/store")
    String page(Principal caller, Model model) {
        JobStatus job = jobs.startedBy(CatalogueRebuilds.JOB_KIND, caller.getName(), 1).stream().findFirst()
                .orElse(null);
        model.addAttribute("job", job);
        model.addAttribute("running", job != null
                && (job.state() == JobState.QUEUED || job.state() == JobState.RUNNING));
        return "admin-store";
    }

    @PostMapping("/admin/store/rebuild-catalogue")
    String rebuild(@RequestParam(defaultValue = "false") boolean replace, Principal caller,
            HttpServletRequest request, RedirectAttributes redirect, Locale locale) {
        try {
            rebuilds.start(replace, caller.getName(), request.getRemoteAddr());
        } catch (RebuildRefused e) {
            redirect.addFlashAttribute("problem", messages.getMessage("store.rebuild.refused", null, locale));
        }
        return "redirect:/admin/store";
    }
}
