package cn.lantai.preservation.internal.rebuild;

import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.CatalogRestore;
import cn.lantai.catalog.Category;
import cn.lantai.catalog.Description;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.Fonds;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.ItemId;
import cn.lantai.catalog.Volume;
import cn.lantai.preservation.ArchivalStore;
import cn.lantai.preservation.RebuildOutcome;
import cn.lantai.preservation.StoredRecord;
import cn.lantai.preservation.internal.store.CatalogueObject;
import cn.lantai.search.SearchManagement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the catalogue from the store alone: the definitions from {@code lantai:catalog} (fonds, categories, files
 * 卷), then every record's object in id order, in batches of {@value #BATCH}: its description back into the catalogue
 * under the same id and version, its listing ({@code stored_file}) from its head; then the id sequence moves past the
 * highest id and the search index is rebuilt. Each batch commits with the progress that counts it, so a run that stops
 * resumes after the last batch. An object that cannot be put back (description unreadable, 档号 taken twice …) is
 * named in the outcome and the rest go on; a record whose history ends in a deletion stays out.
 */
@Component
public class CatalogueRebuild {

    static final int BATCH = 500;
    /** Problems named one by one (the job's message keeps 2,000 characters); beyond that they are counted. */
    static final int PROBLEMS_NAMED = 20;

    private static final Logger log = LoggerFactory.getLogger(CatalogueRebuild.class);

    private final ArchivalStore store;
    private final CatalogueObject definitions;
    private final CatalogRestore restore;
    private final CatalogManagement catalog;
    private final SearchManagement search;
    private final TransactionTemplate transaction;
    private final TransactionTemplate eachAlone;

    CatalogueRebuild(ArchivalStore store, CatalogueObject definitions, CatalogRestore restore,
            CatalogManagement catalog, SearchManagement search, PlatformTransactionManager transactions) {
        this.store = store;
        this.definitions = definitions;
        this.restore = restore;
        this.catalog = catalog;
        this.search = search;
        this.transaction = new TransactionTemplate(transactions);
        this.eachAlone = new TransactionTemplate(transactions);
        this.eachAlone.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Where a run stands: objects handled (in id order), records put back, objects refused, problems named. */
    public record State(long done, long records, long refused, List<String> problems) {

        public static final State START = new State(0, 0, 0, List.of());

        public State {
            problems = List.copyOf(problems);
        }
    }

    /** Told of each batch inside its transaction, so the work and the count that says it is done commit together. */
    public interface Progress {
        void batch(State state, long total);
    }

    /** Runs from {@code from} (the start, or where a stopped run got to) to the end. */
    public RebuildOutcome run(State from, Progress progress) {
        List<String> problems = new ArrayList<>(from.problems());
        long files = from.done() == 0 ? restoreDefinitions(problems) : restore.volumes().size();
        List<ItemId> ids;
        try (Stream<ItemId> records = store.records()) {
            ids = records.sorted(Comparator.comparingLong(ItemId::value)).toList();
        }
        Known known = new Known(catalog.fonds().stream().map(Fonds::code).collect(Collectors.toSet()),
                catalog.categories().stream().map(Category::code).collect(Collectors.toSet()));
        State state = new State(from.done(), from.records(), from.refused(), problems);
        progress.batch(state, ids.size());
        for (int i = (int) Math.min(from.done(), ids.size()); i < ids.size(); i += BATCH) {
            state = batch(ids.subList(i, Math.min(ids.size(), i + BATCH)), state, known, ids.size(), progress);
            if ((i / BATCH) % 20 == 0) {
                log.info("Rebuilding the catalogue from the store: {} of {} objects", state.done(), ids.size());
            }
        }
        restore.continueIds();
        long indexed = search.rebuild();
        long deleted = state.done() - state.records() - state.refused();
        log.info("Catalogue rebuilt from the store: {} records, {} deleted left out, {} files, {} problems",
                state.records(), deleted, files, state.problems().size());
        return new RebuildOutcome(state.records(), deleted, files, indexed, state.problems());
    }

    /** Fonds and categories over any of the same code; files not yet there (a resumed run keeps what it put back). */
    private long restoreDefinitions(List<String> problems) {
        var stored = definitions.read();
        if (stored.isEmpty()) {
            note(problems, CatalogueObject.ID + ": not in the store; fonds and categories are made from the records' "
                    + "codes, files (卷) cannot be rebuilt");
            return 0;
        }
        CatalogueDefinitions.Read read = CatalogueDefinitions.read(stored.get());
        read.problems().forEach(p -> note(problems, CatalogueObject.ID + "/" + p));
        Set<Long> present = restore.volumes().stream().map(Volume::id).collect(Collectors.toSet());
        List<Volume> volumes = read.volumes().stream().filter(v -> !present.contains(v.id())).toList();
        transaction.executeWithoutResult(tx -> {
            restore.restoreFonds(read.fonds());
            restore.restoreCategories(read.categories());
            restore.restoreVolumes(volumes);
        });
        return read.volumes().size();
    }

    private State batch(List<ItemId> ids, State before, Known known, long total, Progress progress) {
        List<String> problems = new ArrayList<>(before.problems());
        List<Item> items = new ArrayList<>();
        long refused = before.refused();
        for (ItemId id : ids) {
            try {
                if (ArchivalStore.deleted(store.events(id))) {
                    continue;
                }
                items.add(item(id, store.record(id).orElseThrow(() -> new IllegalStateException("no description"))));
            } catch (RuntimeException e) {
                refused++;
                note(problems, ArchivalStore.objectId(id) + ": " + ArchivalStore.DESCRIPTION + " unreadable ("
                        + reason(e) + ")");
            }
        }
        long records = before.records();
        try {
            State after = new State(before.done() + ids.size(), records + items.size(), refused, problems);
            transaction.executeWithoutResult(tx -> known.ensure(items, restore));
            transaction.executeWithoutResult(tx -> {
                restore.restoreItems(items);
                ids.forEach(store::reconcile);
                progress.batch(after, total);
            });
            return after;
        } catch (DataAccessException | IllegalArgumentException batchRefused) {
            return oneByOne(ids, items, new State(before.done(), records, refused, problems), total, progress);
        }
    }

    /**
     * A batch the catalogue refused: each record alone (a savepoint each), so one bad record keeps none of the others
     * out; still one transaction with the batch's progress, so a stop halfway leaves none of it behind.
     */
    private State oneByOne(List<ItemId> ids, List<Item> items, State before, long total, Progress progress) {
        return transaction.execute(tx -> {
            List<String> problems = new ArrayList<>(before.problems());
            long records = before.records();
            long refused = before.refused();
            for (Item item : items) {
                try {
                    eachAlone.executeWithoutResult(savepoint -> restore.restoreItems(List.of(item)));
                    records++;
                } catch (DataAccessException | IllegalArgumentException e) {
                    refused++;
                    note(problems, ArchivalStore.objectId(item.id()) + ": refused by the catalogue (" + reason(e)
                            + ")");
                }
            }
            State after = new State(before.done() + ids.size(), records, refused, problems);
            ids.forEach(store::reconcile);
            progress.batch(after, total);
            return after;
        });
    }

    private static Item item(ItemId id, StoredRecord stored) {
        if (!id.equals(stored.id())) {
            throw new IllegalStateException("it names another record");
        }
        Description description = new Description(stored.fields());
        description.archivalCode();
        return new Item(id, stored.archivalCode(), description, stored.extra(), stored.catalogVersion(), null);
    }

    /**
     * Why, without the record's content: the kind of failure, and our own messages (which name at most a 档号, shown
     * in clear everywhere), never a parser's, which may quote the description.
     */
    private static String reason(RuntimeException e) {
        String kind = e.getClass().getSimpleName();
        return e instanceof IllegalArgumentException || e instanceof IllegalStateException
                ? kind + ": " + e.getMessage() : kind;
    }

    private static void note(List<String> problems, String problem) {
        if (problems.size() < PROBLEMS_NAMED) {
            problems.add(problem);
        } else if (problems.size() == PROBLEMS_NAMED) {
            problems.add("… (further problems are counted, not named)");
        }
    }

    /**
     * Fonds and categories the catalogue holds; one a record names without a definition (a store kept without
     * {@code lantai:catalog}) is made from its code, in a transaction of its own, so that it stays for the others.
     */
    private record Known(Set<String> fonds, Set<String> categories) {

        Known {
            fonds = new HashSet<>(fonds);
            categories = new HashSet<>(categories);
        }

        void ensure(List<Item> items, CatalogRestore restore) {
            for (Item item : items) {
                String code = item.description().get(DescriptionField.FONDS);
                if (fonds.add(code)) {
                    restore.restoreFonds(List.of(new Fonds(code, code)));
                }
                String category = item.description().get(DescriptionField.CATEGORY);
                if (categories.add(category)) {
                    restore.restoreCategory(new Category(category, category, List.of()));
                }
            }
        }
    }
}
