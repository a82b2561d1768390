package cn.lantai.preservation.internal.store;

import cn.lantai.preservation.ArchivalStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** At each start, re-lists the objects whose version a crash or a failed listing update left unaccounted for. */
@Component
class StoreRecovery {

    private static final Logger log = LoggerFactory.getLogger(StoreRecovery.class);

    private final ArchivalStore store;

    StoreRecovery(ArchivalStore store) {
        this.store = store;
    }

    @EventListener(ApplicationReadyEvent.class)
    void reconcileInterruptedWrites() {
        int count = store.reconcileInterrupted();
        if (count > 0) {
            log.info("Re-listed {} object(s) of the archival store whose last write was interrupted", count);
        }
    }
}
