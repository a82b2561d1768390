package cn.lantai.digitization.web;

import cn.lantai.catalog.NotPermitted;
import cn.lantai.catalog.Viewer;
import cn.lantai.digitization.BatchNotFound;
import cn.lantai.digitization.BatchOptions;
import cn.lantai.digitization.BatchRefused;
import cn.lantai.digitization.ScanBatch;
import cn.lantai.digitization.ScanBatches;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The workbench's scan batch pages, over the same service as the API: {@code /scan-batches} lists the person's
 * batches with the upload and inbox forms; {@code /scan-batches/{id}} shows the progress (polled while it runs), the
 * pause, resume and re-run buttons, the entries and the problems with links to the entries.
 */
@Controller
class ScanBatchPages {

    private final ScanBatches batches;
    private final MessageSource messages;

    ScanBatchPages(ScanBatches batches, MessageSource messages) {
        this.batches = batches;
        this.messages = messages;
    }

    @GetMapping("/scan-batches")
    String list(Viewer viewer, Model model) {
        requireDigitizer(viewer);
        model.addAttribute("batches", batches.batches(viewer));
        model.addAttribute("defaults", BatchOptions.defaults());
        return "scan-batches";
    }

    @PostMapping("/scan-batches")
    String submit(@RequestParam(value = "batch", required = false) MultipartFile zip,
            ScanBatchController.Options options, Viewer viewer, RedirectAttributes redirect) throws IOException {
        requireDigitizer(viewer);
        try {
            ScanBatch batch;
            if (zip != null && !zip.isEmpty()) {
                if (zip.getSize() > batches.maxUpload()) {
                    throw new BatchRefused(413, "digitization.batch.too-large", batches.maxUpload() >> 20);
                }
                batch = batches.submitZip(zip.getInputStream(), options.options(), viewer);
            } else {
                batch = batches.submitInbox(options.path(), options.options(), viewer);
            }
            return "redirect:/scan-batches/" + batch.id();
        } catch (BatchRefused e) {
            redirect.addFlashAttribute("problem", message(e));
            return "redirect:/scan-batches";
        }
    }

    @GetMapping("/scan-batches/{id}")
    String batch(@PathVariable long id, Viewer viewer, Model model) {
        return show(id, viewer, model, "scan-batch");
    }

    @GetMapping("/scan-batches/{id}/progress")
    String progress(@PathVariable long id, Viewer viewer, Model model, HttpServletResponse response) {
        String view = show(id, viewer, model, "scan-batch :: progress");
        if (Boolean.TRUE.equals(model.getAttribute("finished"))) {
            // the report (entries, problems, the re-run form) is drawn with the whole page: htmx reloads it once
            response.setHeader("HX-Refresh", "true");
        }
        return view;
    }

    @PostMapping("/scan-batches/{id}/pause")
    String pause(@PathVariable long id, Viewer viewer, RedirectAttributes redirect) {
        return steer(id, redirect, () -> batches.pause(id, viewer));
    }

    @PostMapping("/scan-batches/{id}/resume")
    String resume(@PathVariable long id, Viewer viewer, RedirectAttributes redirect) {
        return steer(id, redirect, () -> batches.resume(id, viewer));
    }

    /** A re-run; each {@code accept.<档号>} field with a number accepts that page count for the entry. */
    @PostMapping("/scan-batches/{id}/rerun")
    String rerun(@PathVariable long id, @RequestParam Map<String, String> form, Viewer viewer,
            RedirectAttributes redirect) {
        Map<String, Integer> accepted = new HashMap<>();
        form.forEach((key, value) -> {
            if (key.startsWith("accept.") && value != null && !value.isBlank()) {
                try {
                    accepted.put(key.substring("accept.".length()), Integer.valueOf(value.strip()));
                } catch (NumberFormatException e) {
                    accepted.put(key.substring("accept.".length()), -1);
                }
            }
        });
        return steer(id, redirect, () -> batches.rerun(id, accepted, viewer));
    }

    private String show(long id, Viewer viewer, Model model, String view) {
        requireDigitizer(viewer);
        ScanBatch.Report report;
        try {
            report = batches.report(id, viewer);
        } catch (BatchNotFound e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        ScanBatch b = report.batch();
        model.addAttribute("batch", b);
        model.addAttribute("report", report);
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("reasons", report.problems().stream().map(p -> p.reason(messages, locale)).toList());
        model.addAttribute("finished", b.state() == ScanBatch.State.DONE || b.state() == ScanBatch.State.FAILED
                || b.state() == ScanBatch.State.PAUSED);
        return view;
    }

    private String steer(long id, RedirectAttributes redirect, Supplier<ScanBatch> step) {
        try {
            step.get();
        } catch (BatchNotFound e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        } catch (BatchRefused e) {
            redirect.addFlashAttribute("problem", message(e));
        }
        return "redirect:/scan-batches/" + id;
    }

    private void requireDigitizer(Viewer viewer) {
        if (!batches.digitizes(viewer)) {
            throw new NotPermitted("digitization.batch.not-permitted");
        }
    }

    private String message(BatchRefused e) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(e.code(), e.args(), e.code(), locale);
    }
}
