package cn.lantai.audit;

import java.util.List;

import cn.lantai.audit.internal.AuditEntries;
import cn.lantai.audit.internal.ChainAppender;
import cn.lantai.audit.internal.ChainVerifier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail (审计跟踪): who did what, when, from where, with the state before and after. Any module appends;
 * only the auditor reads; nothing edits or deletes an entry. Each entry is chained to the one before it by an SM3
 * digest, and the chain's head is signed into a checkpoint file outside the database after each commit, so that
 * altering, deleting or inserting a row, cutting off the newest rows or recomputing the whole chain is found by
 * {@link #verify()} or by the command {@code --lantai.audit.verify}. The auditor takes signed {@link #receipt()}s
 * away from the server; verifying with them also finds the newest entries cut off together with their checkpoints.
 */
@Service
public class AuditTrail {

    /** The command-line option that verifies the trail, prints the result and exits (0 intact, 1 broken). */
    public static final String VERIFY_OPTION = "lantai.audit.verify";
    /** With {@link #VERIFY_OPTION}: files of receipts (comma-separated) to hold the trail against. */
    public static final String RECEIPTS_OPTION = "lantai.audit.receipts";

    private static final int MAX_PAGE_SIZE = 1000;

    private final ChainAppender appender;
    private final AuditEntries entries;
    private final ChainVerifier verifier;
    private final TransactionTemplate newTransaction;

    AuditTrail(ChainAppender appender, AuditEntries entries, ChainVerifier verifier,
            PlatformTransactionManager transactions) {
        this.appender = appender;
        this.entries = entries;
        this.verifier = verifier;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Appends one entry; see {@link #recordAll(List)}. */
    public void record(AuditEvent event) {
        recordAll(List.of(event));
    }

    /**
     * Appends the events in order, numbered one after another. Inside a writable transaction the entries join it, so a
     * change and its entries commit or roll back together; they are written as the transaction commits, when the
     * trail's head is locked for just that moment. Without a transaction, or inside a read-only one (a
     * view is audited from a read), the entries are appended and committed in a transaction of their own. Text
     * longer than its column (actor 200, address 100, action 100, target 1,000, before/after 1,000,000 characters)
     * is cut, ending in "…".
     */
    public void recordAll(List<AuditEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            appender.append(events);
        } else {
            newTransaction.executeWithoutResult(status -> appender.append(events));
        }
    }

    /**
     * Appends one entry in a transaction of its own, committed at once whatever becomes of the caller's: for
     * refusals, which are audited although the refused work (and its transaction) goes no further.
     */
    public void recordApart(AuditEvent event) {
        newTransaction.executeWithoutResult(status -> appender.append(List.of(event)));
    }

    /** Entries matching the query, newest first; {@code page} counts from 0, {@code size} is 1 to 1,000. */
    @PreAuthorize("hasRole('AUDITOR')")
    public AuditPage entries(AuditQuery query, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page must be 0 or more and size 1 to " + MAX_PAGE_SIZE);
        }
        return entries.page(query == null ? AuditQuery.any() : query, page, size);
    }

    /**
     * Entries matching the query taken together by operation (one group per import, bulk edit … and one per entry of
     * no operation), newest first; {@code page} counts from 0, {@code size} is 1 to 1,000.
     */
    @PreAuthorize("hasRole('AUDITOR')")
    public AuditGroupPage groups(AuditQuery query, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page must be 0 or more and size 1 to " + MAX_PAGE_SIZE);
        }
        return entries.groups(query == null ? AuditQuery.any() : query, page, size);
    }

    /** Checks the whole chain and its checkpoints; names the first broken place. */
    @PreAuthorize("hasRole('AUDITOR')")
    public ChainVerification verify() {
        return verifier.verify(List.of());
    }

    /**
     * Checks the whole chain and its checkpoints, and holds it against receipts taken earlier: the chain must still
     * reach each receipt's entry with the digest the receipt names. Names the first broken place.
     */
    @PreAuthorize("hasRole('AUDITOR')")
    public ChainVerification verify(List<AuditReceipt> receipts) {
        return verifier.verify(receipts);
    }

    /**
     * Checks the whole chain and, when it is intact, signs a receipt for its newest entry, for the auditor to keep
     * away from the server.
     *
     * @throws ChainBroken when the chain does not verify: no receipt vouches for a broken chain
     */
    @PreAuthorize("hasRole('AUDITOR')")
    public AuditReceipt receipt() {
        return verifier.receipt();
    }
}
