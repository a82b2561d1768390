package cn.lantai.accession;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A transfer as the bureau's inspectors see it on a unit's page: when it was submitted (and, on paper, handed over),
 * where it stands and how many 件 and 卷 it holds; nothing of the records themselves.
 */
public record TransferOutline(long id, Instant submittedAt, LocalDate handedOverOn, TransferState state, int items,
        int volumes) {

    static TransferOutline of(Transfer t) {
        return new TransferOutline(t.id(), t.submittedAt(), t.paper() == null ? null : t.paper().handedOverOn(),
                t.state(), t.counts() == null ? 0 : t.counts().items(), t.counts() == null ? 0 : t.counts().volumes());
    }
}
