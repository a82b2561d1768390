package cn.lantai.preservation;

import cn.lantai.audit.AuditEvent;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.CatalogRestore;
import cn.lantai.jobs.JobId;
import cn.lantai.jobs.Jobs;
import cn.lantai.preservation.internal.rebuild.CatalogueRebuild;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue rebuilt from the store alone (issue 10, item 9): fonds, categories, files (卷) and items come back
 * under their own ids from the store's objects, the store's listing is refilled from them and the search index
 * rebuilt. As the system administrator's background job ({@link #start}) or at the server
 * ({@code java -jar lantai.jar --lantai.store.rebuild-catalogue[=replace]}, {@link #runNow}). A catalogue that holds
 * anything is never overwritten unless the caller says to replace it.
 */
@Service
public class CatalogueRebuilds {

    /** The command-line option; its value {@value #REPLACE} replaces a catalogue that is not empty. */
    public static final String OPTION = "lantai.store.rebuild-catalogue";
    public static final String REPLACE = "replace";
    public static final String JOB_KIND = "store-rebuild";

    private final CatalogRestore restore;
    private final CatalogueRebuild rebuild;
    private final Jobs jobs;
    private final AuditTrail trail;

    CatalogueRebuilds(CatalogRestore restore, CatalogueRebuild rebuild, Jobs jobs, AuditTrail trail) {
        this.restore = restore;
        this.rebuild = rebuild;
        this.jobs = jobs;
        this.trail = trail;
    }

    /**
     * Starts the rebuild as a background job (progress and resumption by {@link Jobs}) and audits the request. Over a
     * catalogue that is not empty: {@link RebuildRefused}, unless {@code replace}, which first removes its fonds,
     * categories, files and items in the same transaction that records the job.
     */
    @Transactional
    public JobId start(boolean replace, String actor, String address) {
        clearOrRefuse(replace);
        trail.record(new AuditEvent(actor, address, "store.rebuild-catalogue", null, null, replace ? REPLACE : null));
        return jobs.submit(JOB_KIND, replace ? REPLACE : "", actor);
    }

    /** Rebuilds here and now, for the command line; refused or replacing as {@link #start} is. */
    public RebuildOutcome runNow(boolean replace, String actor) {
        clearOrRefuse(replace);
        trail.record(new AuditEvent(actor, null, "store.rebuild-catalogue", null, null, replace ? REPLACE : null));
        return rebuild.run(CatalogueRebuild.State.START, (state, total) -> {
        });
    }

    private void clearOrRefuse(boolean replace) {
        if (!restore.isEmpty()) {
            if (!replace) {
                throw new RebuildRefused();
            }
            restore.clear();
        }
    }
}
