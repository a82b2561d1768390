package cn.lantai.audit.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import cn.lantai.audit.AuditEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends to the chain inside the current transaction: locks the head, numbers the entries after it, chains their
 * digests, inserts them in batches and moves the head; once the transaction commits, the new head is checkpointed.
 */
@Component
public class ChainAppender {

    private static final int ACTOR = 200;
    private static final int ADDRESS = 100;
    private static final int ACTION = 100;
    private static final int TARGET = 1000;
    private static final int STATE = 1_000_000;

    /**
     * The transaction of this thread that holds the head's lock. Another transaction of the same thread (a new one
     * opened while it is suspended) would wait for that lock forever: it is refused instead.
     */
    private static final ThreadLocal<Pending> HOLDER = new ThreadLocal<>();

    private final AuditEntries entries;
    private final Checkpoints checkpoints;

    ChainAppender(AuditEntries entries, Checkpoints checkpoints) {
        this.entries = entries;
        this.checkpoints = checkpoints;
    }

    /**
     * Appends the events when the current transaction is about to commit: the head is locked only for that moment,
     * after every other lock the transaction takes, so appends never wait on a long transaction's work nor deadlock
     * with its locks, and entries are numbered in commit order. A failure then rolls the whole transaction back, so no
     * change commits without its entries.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(List<AuditEvent> events) {
        pending().events.addAll(events);
    }

    private void write(Pending transaction, List<AuditEvent> events) {
        Pending holder = HOLDER.get();
        if (holder != null && holder != transaction) {
            throw new IllegalStateException("this thread's suspended transaction has appended to the audit trail and "
                    + "holds its head; a new transaction of the same thread cannot append until that one ends");
        }
        Head head = entries.lockHead();
        HOLDER.set(transaction);
        List<StoredEntry> rows = new ArrayList<>(events.size());
        long seq = head.seq();
        String digest = head.digest();
        for (AuditEvent event : events) {
            seq++;
            long at = StoredEntry.micros(Instant.now());
            String actor = clean(event.actor(), ACTOR);
            String address = clean(event.address(), ADDRESS);
            String action = clean(event.action(), ACTION);
            String target = clean(event.target(), TARGET);
            String before = clean(event.before(), STATE);
            String after = clean(event.after(), STATE);
            String next = ChainDigest.of(digest, seq, at, actor, address, action, target, before, after);
            rows.add(new StoredEntry(seq, at, actor, address, action, target, before, after, digest, next));
            digest = next;
        }
        entries.insert(rows);
        Head moved = new Head(seq, digest);
        entries.moveHead(moved);
        transaction.head = moved;
    }

    /** This transaction's record of what it appended, registered with it on the first append. */
    private Pending pending() {
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof Pending p && p.owner == this) {
                return p;
            }
        }
        Pending p = new Pending(this);
        TransactionSynchronizationManager.registerSynchronization(p);
        return p;
    }

    /**
     * What the database keeps exactly as given: no NUL (PostgreSQL refuses it in text) and no lone surrogate (it has
     * no UTF-8 form), each replaced by U+FFFD; over-long text cut to the column's length, ending in "…".
     */
    static String clean(String text, int limit) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            boolean bad = c == '\0' || (Character.isSurrogate(c) && !pair);
            if (bad && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(bad ? '\uFFFD' : c);
                if (pair) {
                    out.append(text.charAt(i + 1));
                }
            }
            if (pair) {
                i++;
            }
        }
        String cleaned = out == null ? text : out.toString();
        if (cleaned.length() <= limit) {
            return cleaned;
        }
        int cut = limit - 1;
        if (Character.isHighSurrogate(cleaned.charAt(cut - 1))) {
            cut--;
        }
        return cleaned.substring(0, cut) + "…";
    }

    private static final class Pending implements TransactionSynchronization {

        private final ChainAppender owner;
        private final List<AuditEvent> events = new ArrayList<>();
        private Head head;

        Pending(ChainAppender owner) {
            this.owner = owner;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!events.isEmpty()) {
                List<AuditEvent> due = List.copyOf(events);
                events.clear();
                owner.write(this, due);
            }
        }

        @Override
        public void afterCommit() {
            if (head != null) {
                owner.checkpoints.committed(head);
            }
        }

        @Override
        public void afterCompletion(int status) {
            if (HOLDER.get() == this) {
                HOLDER.remove();
            }
        }
    }
}
