package cn.lantai.digitization.internal.derivatives;

import cn.lantai.digitization.Derivatives;
import cn.lantai.digitization.PagesAttached;
import cn.lantai.digitization.PagesRecognised;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Brings an entry's derivatives up to date after its pages were attached (new masters) and after OCR read them (the
 * PDF's and OFD's text layer): once the announcing transaction committed, a background run is queued unless one is
 * already waiting for the entry. Only the queueing happens here; the images are made by {@link DerivativeJob}.
 */
@Component
class DerivativeTriggers {

    private final Derivatives derivatives;

    DerivativeTriggers(Derivatives derivatives) {
        this.derivatives = derivatives;
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(PagesAttached event) {
        derivatives.update(event.item(), event.actor());
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(PagesRecognised event) {
        derivatives.update(event.item(), "system");
    }
}
