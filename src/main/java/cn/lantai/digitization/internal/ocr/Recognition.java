package cn.lantai.digitization.internal.ocr;

import cn.lantai.catalog.ItemId;
import cn.lantai.digitization.PagesAttached;
import cn.lantai.jobs.JobId;
import cn.lantai.jobs.Jobs;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Starts OCR of an entry's pages: after pages are attached (once that commits), or when a person asks again. */
@Service
public class Recognition {

    private final Jobs jobs;
    private final PageReadings readings;

    Recognition(Jobs jobs, PageReadings readings) {
        this.jobs = jobs;
        this.readings = readings;
    }

    /**
     * Starts a job reading the entry's pages; {@code again} reads every page anew (another engine, a better scan of
     * the same file), otherwise pages already read from the same master are skipped.
     */
    @Transactional
    public JobId start(ItemId item, boolean again, String actor) {
        if (again) {
            readings.forget(item);
        }
        return jobs.submit(OcrJob.KIND, Long.toString(item.value()), actor);
    }

    @ApplicationModuleListener
    void on(PagesAttached event) {
        start(event.item(), false, event.actor());
    }
}
