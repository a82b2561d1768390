package cn.lantai.preservation.internal.rebuild;

import cn.lantai.catalog.CatalogDefinitionsChanged;
import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.CatalogRestore;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.ItemId;
import cn.lantai.catalog.ItemsChanged;
import cn.lantai.catalog.ItemsRemoved;
import cn.lantai.preservation.ArchivalStore;
import cn.lantai.preservation.internal.store.CatalogueObject;
import cn.lantai.shared.PressingWork;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The store follows the catalogue (issue 10, item 9): every record's description is kept in its object, and the
 * fonds, categories and files (卷) in {@code lantai:catalog}, so the store alone rebuilds the catalogue. Listens after
 * each commit, on one thread in commit order; Spring Modulith's event-publication registry republishes at start what
 * a crash interrupted. A description that did not change writes nothing (the listing's digest says so).
 *
 * <p>Nobody waits for this copy (the catalogue holds the description already), so it gives way to work somebody does
 * wait for ({@link PressingWork}: a person's import or batch, the search index catching up): each event waits while such
 * work is under way, at most {@code lantai.store.give-way-at-most} (10 minutes) at a time. Behind a large import the
 * descriptions follow once it is searchable, instead of taking half the processor from it.
 *
 * <p>Off with {@code lantai.store.keep-descriptions=false}, for archives whose catalogue is kept elsewhere: the store
 * then holds only the records deposited in it, and only those come back from it.
 */
@Component
@ConditionalOnProperty(name = "lantai.store.keep-descriptions", havingValue = "true", matchIfMissing = true)
class DescriptionKeeper {

    /** The agent of versions the store writes by itself, in the OCFL version and the PREMIS event. */
    static final String AGENT = "lantai";

    private final ArchivalStore store;
    private final CatalogueObject definitions;
    private final CatalogManagement catalog;
    private final CatalogRestore restore;
    private final ExecutorService workers;
    private final GiveWay giveWay;

    DescriptionKeeper(ArchivalStore store, CatalogueObject definitions, CatalogManagement catalog,
            CatalogRestore restore, @Qualifier(StoreExecutors.WORKERS) ExecutorService workers,
            ObjectProvider<PressingWork> pressing,
            @Value("${lantai.store.give-way-at-most:10m}") Duration giveWayAtMost) {
        this.store = store;
        this.definitions = definitions;
        this.catalog = catalog;
        this.restore = restore;
        this.workers = workers;
        this.giveWay = new GiveWay(pressing.orderedStream().toList(), giveWayAtMost);
    }

    /** The event's records side by side (distinct objects); the event ends when all are written, or fails whole. */
    @Async(StoreExecutors.DESCRIBER)
    @TransactionalEventListener
    void on(ItemsChanged event) throws InterruptedException {
        giveWay.await();
        List<Callable<Boolean>> work = new ArrayList<>();
        for (Item item : catalog.itemsForIndexing(event.ids())) {
            work.add(() -> store.describe(item, AGENT));
        }
        for (Future<Boolean> done : workers.invokeAll(work)) {
            try {
                done.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("a description could not be kept in the store", e.getCause());
            }
        }
    }

    @Async(StoreExecutors.DESCRIBER)
    @TransactionalEventListener
    void on(ItemsRemoved event) {
        for (ItemId id : event.ids()) {
            store.recordDeletion(id, AGENT);
        }
    }

    @Async(StoreExecutors.DESCRIBER)
    @TransactionalEventListener
    void on(CatalogDefinitionsChanged event) {
        keepDefinitions();
    }

    /** Writes the definitions as they are now into {@code lantai:catalog}, if they changed. */
    boolean keepDefinitions() {
        return definitions.keep(CatalogueDefinitions.files(catalog.fonds(), catalog.categories(), restore.volumes()),
                AGENT);
    }
}
