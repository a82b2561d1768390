package cn.lantai.preservation.web;

import java.net.URI;

import cn.lantai.catalog.Viewer;
import cn.lantai.catalog.web.CatalogueSelection;
import cn.lantai.jobs.JobId;
import cn.lantai.jobs.JobState;
import cn.lantai.jobs.JobStatus;
import cn.lantai.preservation.PackageFormat;
import cn.lantai.preservation.PackageNotReady;
import cn.lantai.preservation.Packages;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 导出保存包 in the workbench: the catalogue list's selection ({@code ids=…} or {@code all=true} with the filter, as
 * its export takes it) becomes a package job; its page shows the progress, polled every second, and the download.
 */
@Controller
class PackagePages {

    private final Packages packages;

    PackagePages(Packages packages) {
        this.packages = packages;
    }

    @PostMapping("/catalogue/package")
    String submit(@RequestParam MultiValueMap<String, String> params, Viewer viewer) {
        CatalogueSelection selection = CatalogueSelection.of(params);
        PackageFormat format = PackageFormat.parse(params.getFirst("packageFormat"));
        JobId id = packages.submit(new Packages.PackageRequest(selection.ids(),
                selection.ids().isEmpty() ? selection.filter() : null, format), viewer);
        return "redirect:/packages/" + id.value();
    }

    @GetMapping("/packages/{id}")
    String page(@PathVariable String id, Viewer viewer, Model model) {
        return show(id, viewer, model, "package-job");
    }

    @GetMapping("/packages/{id}/progress")
    String progress(@PathVariable String id, Viewer viewer, Model model) {
        return show(id, viewer, model, "package-job :: progress");
    }

    @GetMapping("/packages/{id}/zip")
    ResponseEntity<Resource> zip(@PathVariable String id, Viewer viewer) {
        JobId job = new JobId(id);
        try {
            return FileResponses.zip(packages.zip(job, viewer), packages.fileName(packages.status(job, viewer)));
        } catch (PackageNotReady e) {
            // not written yet, or failed: its page says which
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/packages/" + id)).build();
        }
    }

    private String show(String id, Viewer viewer, Model model, String view) {
        JobStatus job = packages.status(new JobId(id), viewer);
        model.addAttribute("job", job);
        model.addAttribute("format", packages.format(job));
        model.addAttribute("finished", job.state() == JobState.SUCCEEDED || job.state() == JobState.FAILED);
        return view;
    }
}
