package cn.lantai.catalog.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import cn.lantai.catalog.CatalogImports;
import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.CatalogRight;
import cn.lantai.catalog.Fonds;
import cn.lantai.catalog.ImportOptions;
import cn.lantai.catalog.ImportPreview;
import cn.lantai.catalog.Viewer;
import cn.lantai.jobs.JobId;
import cn.lantai.jobs.JobState;
import cn.lantai.jobs.JobStatus;
import cn.lantai.jobs.Jobs;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Importing a catalogue in the workbench: upload an .xlsx or .csv, map its columns (the same preview the API gives),
 * start, and watch the job until it ends with its counts and the rows it rejected. The shell admits each upload before
 * its body is read; an upload refused at any step is removed at once.
 */
@Controller
@RequestMapping("/imports")
class ImportPages {

    private static final String MAP_PREFIX = "map.";
    private static final String FONDS_PREFIX = "fonds.";

    private final CatalogImports imports;
    private final CatalogManagement catalog;
    private final Jobs jobs;

    ImportPages(CatalogImports imports, CatalogManagement catalog, Jobs jobs) {
        this.imports = imports;
        this.catalog = catalog;
        this.jobs = jobs;
    }

    @GetMapping
    String upload(Viewer viewer, Model model) {
        return uploadForm(model, null, viewer);
    }

    @PostMapping("/preview")
    String preview(@RequestParam("file") MultipartFile file, HttpSession session, Viewer viewer, Model model,
            HttpServletResponse response) throws IOException {
        if (file.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return uploadForm(model, "import.page.no-file", viewer);
        }
        Path stored = imports.receive(file.getInputStream());
        ImportPreview preview;
        try {
            preview = imports.preview(stored, file.getOriginalFilename(), Map.of(), viewer);
        } catch (CatalogImports.UnreadableImport e) {
            imports.discard(stored);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("unreadable", e.getMessage());
            return uploadForm(model, null, viewer);
        } catch (RuntimeException e) {
            imports.discard(stored);
            throw e;
        }
        PendingImport pending = PendingImport.keep(session, stored, file.getOriginalFilename(), preview.header());
        return previewPage(pending, preview, viewer, model);
    }

    /**
     * Registers the fonds (全宗) the uploaded file names but the registry lacks, each under the name the person gives,
     * and shows the mapping step again; a missing name is asked for beside its code, and nothing is registered.
     */
    @PostMapping("/fonds")
    String registerFonds(@RequestParam String token, @RequestParam Map<String, String> form, HttpSession session,
            Viewer viewer, Model model, HttpServletResponse response) {
        PendingImport pending = PendingImport.take(session, token);
        if (pending == null || !Files.exists(pending.path())) {
            response.setStatus(HttpStatus.GONE.value());
            return uploadForm(model, "import.page.upload-gone", viewer);
        }
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, String> missing = new LinkedHashMap<>();
        form.forEach((key, value) -> {
            if (key.startsWith(FONDS_PREFIX)) {
                String code = key.substring(FONDS_PREFIX.length());
                if (value == null || value.isBlank()) {
                    missing.put(code, "import.page.fonds-name-missing");
                } else {
                    names.put(code, value.strip());
                }
            }
        });
        if (missing.isEmpty()) {
            // every name given: the registry checks the codes and the right (CatalogRight.CATALOG_DEFINE), audited. A
            // code registered meanwhile (a second submit, another person) keeps its name: this step only adds fonds
            java.util.Set<String> registered = new java.util.HashSet<>();
            catalog.fonds().forEach(f -> registered.add(f.code()));
            names.forEach((code, name) -> {
                if (!registered.contains(code)) {
                    catalog.registerFonds(new Fonds(code, name), viewer);
                }
            });
        } else {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("fondsNames", names);
            model.addAttribute("fondsProblems", missing);
        }
        ImportPreview preview;
        try {
            preview = imports.preview(pending.path(), pending.fileName(), Map.of(), viewer);
        } catch (CatalogImports.UnreadableImport e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("unreadable", e.getMessage());
            return uploadForm(model, null, viewer);
        } catch (RuntimeException e) {
            // refused (the right was taken away meanwhile): the upload goes at once
            PendingImport.release(session);
            throw e;
        }
        return previewPage(pending, preview, viewer, model);
    }

    private String previewPage(PendingImport pending, ImportPreview preview, Viewer viewer, Model model) {
        model.addAttribute("pending", pending);
        model.addAttribute("preview", preview);
        model.addAttribute("mayRegisterFonds", viewer.may(CatalogRight.CATALOG_DEFINE));
        model.addAttribute("fondsList", catalog.fonds());
        model.addAttribute("categories", catalog.categories());
        model.addAttribute("modes", ImportOptions.Mode.values());
        return "import-preview";
    }

    /**
     * Starts the import. Records already in the catalogue are updated only when the person ticked 更新已有条目, and
     * records changed by hand since they were last imported only when they also ticked 覆盖人工修改; otherwise those
     * rows are refused and named in the report.
     */
    @PostMapping("/start")
    String start(@RequestParam String token, @RequestParam(defaultValue = "KEEP_VALID") ImportOptions.Mode mode,
            @RequestParam(defaultValue = "false") boolean updateExisting,
            @RequestParam(defaultValue = "false") boolean overwriteHandEdits,
            @RequestParam Map<String, String> form, HttpSession session, Viewer viewer, Locale locale, Model model,
            HttpServletResponse response) {
        PendingImport pending = PendingImport.take(session, token);
        if (pending == null || !Files.exists(pending.path())) {
            response.setStatus(HttpStatus.GONE.value());
            return uploadForm(model, "import.page.upload-gone", viewer);
        }
        Map<String, String> mapping = new LinkedHashMap<>();
        for (int i = 0; i < pending.header().size(); i++) {
            // by place, not by header text: two columns with the same header are told apart
            mapping.put("#" + (i + 1), form.getOrDefault(MAP_PREFIX + i, ""));
        }
        Map<String, String> defaults = new LinkedHashMap<>();
        putIfGiven(defaults, "fonds", form.get("defaultFonds"));
        putIfGiven(defaults, "category", form.get("defaultCategory"));
        ImportOptions options = new ImportOptions(mode,
                updateExisting ? ImportOptions.OnExisting.UPDATE : ImportOptions.OnExisting.REJECT, mapping, defaults,
                locale.getLanguage().equals("en") ? "en" : "zh-CN", updateExisting && overwriteHandEdits);
        JobId id;
        try {
            // the import takes the file over, or removes it if refused
            id = imports.start(pending.path(), pending.fileName(), options, viewer);
        } finally {
            PendingImport.release(session);
        }
        return "redirect:/imports/" + id.value();
    }

    @GetMapping("/{id}")
    String job(@PathVariable String id, Viewer viewer, Model model) {
        progressModel(id, viewer, model);
        return "import-job";
    }

    /** The error report of one's own import, downloaded from the workbench. */
    @GetMapping("/{id}/report")
    ResponseEntity<org.springframework.core.io.Resource> report(@PathVariable String id, Viewer viewer) {
        return ImportController.download(imports.report(new JobId(id), viewer), id);
    }

    /** The progress part alone, which the job page polls every second while the job runs. */
    @GetMapping("/{id}/progress")
    String progress(@PathVariable String id, Viewer viewer, Model model) {
        progressModel(id, viewer, model);
        return "import-job :: progress";
    }

    private void progressModel(String id, Viewer viewer, Model model) {
        JobId jobId = new JobId(id);
        Path report = imports.report(jobId, viewer);
        JobStatus job = jobs.statusFor(jobId, viewer.name());
        boolean finished = job.state() == JobState.SUCCEEDED || job.state() == JobState.FAILED;
        model.addAttribute("job", job);
        model.addAttribute("finished", finished);
        // the workbench's own link: the API's takes access tokens, not the session
        model.addAttribute("reportLink", jobs.reportLink(job) == null ? null : "/imports/" + id + "/report");
        model.addAttribute("report", finished ? ImportReportRows.read(report) : ImportReportRows.none());
        model.addAttribute("result", finished ? imports.result(jobId, viewer) : null);
    }

    private String uploadForm(Model model, String problem, Viewer viewer) {
        model.addAttribute("problem", problem);
        model.addAttribute("past", imports.pastImports(viewer));
        return "imports";
    }

    private static void putIfGiven(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value.strip());
        }
    }
}
