package cn.lantai.preservation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import cn.lantai.audit.AuditEvent;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.CatalogExports;
import cn.lantai.catalog.ItemFilter;
import cn.lantai.catalog.Viewer;
import cn.lantai.jobs.JobId;
import cn.lantai.jobs.JobNotFound;
import cn.lantai.jobs.JobState;
import cn.lantai.jobs.JobStatus;
import cn.lantai.jobs.Jobs;
import cn.lantai.preservation.internal.packages.PackageBuilder;
import cn.lantai.preservation.internal.packages.PackageJob;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Packages out (保存包): any record or set of records, as a BagIt 1.0 bag or an E-ARK-style package, zipped, for
 * transfer to a higher-level archive or for safekeeping elsewhere. Asking for one is an export: it needs the right to
 * export, is audited, and packages only the records the asker may read (the others are left out as if they did not
 * exist). The zip is written by a background job; only its asker sees its progress and downloads it.
 */
@Service
public class Packages {

    /** The most records one package may name by id. */
    public static final int MAX_IDS = 10_000;

    private final PackageBuilder builder;
    private final CatalogExports exports;
    private final Jobs jobs;
    private final AuditTrail trail;

    Packages(PackageBuilder builder, CatalogExports exports, Jobs jobs, AuditTrail trail) {
        this.builder = builder;
        this.exports = exports;
        this.jobs = jobs;
        this.trail = trail;
    }

    /** What to package: records by id (at most {@link #MAX_IDS}), or else the catalogue's filter. */
    public record PackageRequest(List<Long> ids, ItemFilter filter, PackageFormat format) {

        /** The ids when given (ids win over the filter, as in the catalogue's export), else the filter. */
        public ItemFilter selection() {
            if (ids != null && !ids.isEmpty()) {
                return ItemFilter.ofIds(ids);
            }
            if (filter == null) {
                throw new IllegalArgumentException("nothing selected: give ids or a filter");
            }
            return filter;
        }
    }

    /**
     * Starts writing the package: refused with {@link PackageTooLarge} beyond {@link #MAX_IDS} ids, and without the
     * right to export (403, audited); the request itself is audited.
     */
    @Transactional
    public JobId submit(PackageRequest request, Viewer viewer) {
        if (request.format() == null) {
            throw new IllegalArgumentException("format must be bagit or eark");
        }
        if (request.ids() != null && request.ids().size() > MAX_IDS) {
            throw new PackageTooLarge(request.ids().size(), MAX_IDS);
        }
        ItemFilter selection = request.selection();
        exports.requireExport(viewer, selection);
        trail.record(new AuditEvent(viewer.name(), viewer.address(), "preservation.package",
                selection.auditTarget(), null, request.format().name()));
        return builder.submit(new PackageJob(request.format(), selection, PackageJob.Reach.of(viewer)));
    }

    /** The package job as its asker sees it; anyone else, and any other kind of job, is told it does not exist. */
    public JobStatus status(JobId id, Viewer viewer) {
        JobStatus job = jobs.statusFor(id, viewer.name());
        if (!PackageBuilder.KIND.equals(job.kind())) {
            throw new JobNotFound(id);
        }
        return job;
    }

    public PackageFormat format(JobStatus job) {
        return builder.job(job).format();
    }

    /**
     * The finished package for its asker; {@link PackageNotReady} while it is being written, when it failed or once it
     * was removed ({@code lantai.packages.keep}). The right to export is asked again, since it may have been taken
     * away since the package was asked for, and each download is audited.
     */
    public Path zip(JobId id, Viewer viewer) {
        JobStatus job = status(id, viewer);
        PackageJob asked = builder.job(job);
        exports.requireExport(viewer, asked.selection());
        Path zip = builder.zip(id);
        if (job.state() != JobState.SUCCEEDED || !Files.isRegularFile(zip)) {
            throw new PackageNotReady(id);
        }
        trail.record(new AuditEvent(viewer.name(), viewer.address(), "preservation.package-download",
                "package:" + id.value(), null, asked.format().name()));
        return zip;
    }

    /** The name a finished package is downloaded under: {@code 保存包-BagIt-20261130.zip}. */
    public String fileName(JobStatus job) {
        return PackageBuilder.fileName(format(job), job.createdAt());
    }
}
