package cn.lantai.catalog.internal.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.lantai.catalog.Description;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.ImportSplit;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.Viewer;
import cn.lantai.catalog.Violation;
import cn.lantai.catalog.internal.CatalogWriter;
import cn.lantai.catalog.internal.ChangeLog;
import cn.lantai.catalog.internal.Entry;
import cn.lantai.catalog.internal.EntryJudge;
import cn.lantai.catalog.internal.ItemGroups;
import cn.lantai.catalog.internal.Items;
import cn.lantai.catalog.internal.sheets.ColumnMapping;
import cn.lantai.catalog.internal.sheets.SheetRows;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The preview's look at what an import would do, for the first rows of the file: the same rules, reach, arrangement,
 * duplicate and existing-record checks the import makes (item-number gaps are judged by the import alone, over the
 * whole file), the fields each update would change, and the hand edits it would overwrite. It reads the catalogue
 * only; the import judges every row again when it runs.
 */
@Component
public class PreviewSplit {

    private final Items items;
    private final ItemGroups groups;
    private final ChangeLog changes;
    private final MessageSource messages;

    PreviewSplit(Items items, ItemGroups groups, ChangeLog changes, MessageSource messages) {
        this.items = items;
        this.groups = groups;
        this.changes = changes;
        this.messages = messages;
    }

    /** One preview's judging of rows, fed row by row, answered by {@link Run#finish}. */
    public Run start(EntryJudge.Snapshot snapshot, ColumnMapping mapping, Map<String, String> defaults, Viewer viewer,
            Locale locale) {
        return new Run(snapshot, new RowReader(mapping, defaults), viewer, locale);
    }

    public final class Run {

        private final EntryJudge.Snapshot snapshot;
        private final RowReader reader;
        private final Viewer viewer;
        private final Locale locale;
        private final Map<String, Boolean> closed = new HashMap<>();
        private final Map<String, Integer> firstRowOfCode = new HashMap<>();
        private final List<Judged> judged = new ArrayList<>();

        private Run(EntryJudge.Snapshot snapshot, RowReader reader, Viewer viewer, Locale locale) {
            this.snapshot = snapshot;
            this.reader = reader;
            this.viewer = viewer;
            this.locale = locale;
        }

        private record Judged(int row, Entry entry, List<String> reasons, List<String> notices) {
        }

        public void offer(SheetRows.Row row) {
            Entry entry = snapshot.judge(reader.read(row));
            List<String> reasons = new ArrayList<>();
            entry.violations().forEach(v -> reasons.add(say(v)));
            List<String> notices = new ArrayList<>();
            entry.notices().forEach(v -> notices.add(say(v)));
            Description d = entry.description();
            if (entry.valid()) {
                if (!viewer.maySee(d)) {
                    reasons.add(messages.getMessage("import.beyond-reach", null, locale));
                } else if (closed.computeIfAbsent(d.arrangementGroup(), g -> groups.holdsHiddenFrom(g, viewer))) {
                    reasons.add(messages.getMessage("catalog.group-beyond-reach", null, locale));
                } else {
                    snapshot.arrangement(d).forEach(v -> reasons.add(say(v)));
                }
                if (reasons.isEmpty() && d.itemNo() > 0) {
                    Integer first = firstRowOfCode.putIfAbsent(d.archivalCode().toString(), row.number());
                    if (first != null) {
                        reasons.add(messages.getMessage("catalog.duplicate-in-file", new Object[] {first}, locale));
                    }
                }
            }
            judged.add(new Judged(row.number(), entry, reasons, notices));
        }

        public ImportSplit finish(long rowsInFile, boolean exact) {
            List<Judged> valid = judged.stream().filter(j -> j.reasons().isEmpty()).toList();
            Map<String, Item> byCode = items.byArchivalCodes(valid.stream()
                    .filter(j -> j.entry().description().itemNo() > 0)
                    .map(j -> j.entry().description().archivalCode().toString()).toList());
            Map<Items.RecordKey, Item> same = items.sameRecords(valid.stream().map(j -> j.entry().description())
                    .filter(d -> d.itemNo() == 0).toList());
            Map<Long, ChangeLog.HandEdit> hand = changes.handEditsSinceImport(byCode.values().stream()
                    .filter(i -> viewer.maySee(i.description())).map(i -> i.id().value()).toList());
            long created = 0;
            long updated = 0;
            long unchanged = 0;
            long refused = 0;
            long handEdited = 0;
            List<ImportSplit.Row> rows = new ArrayList<>();
            for (Judged j : judged) {
                Description d = j.entry().description();
                Item current = null;
                if (j.reasons().isEmpty()) {
                    current = d.itemNo() > 0 ? byCode.get(d.archivalCode().toString()) : same.get(Items.RecordKey.of(d));
                    if (current != null && !viewer.maySee(current.description())) {
                        j.reasons().add(messages.getMessage("catalog.group-beyond-reach", null, locale));
                    }
                }
                ImportSplit.Outcome outcome;
                List<ImportSplit.FieldChange> diff = List.of();
                ImportSplit.HandEdit handEdit = null;
                if (!j.reasons().isEmpty()) {
                    outcome = ImportSplit.Outcome.REFUSED;
                    refused++;
                } else if (current == null) {
                    outcome = ImportSplit.Outcome.NEW;
                    created++;
                } else {
                    diff = CatalogWriter.changes(current, new CatalogWriter.Valid(d, j.entry().extra())).stream()
                            .map(c -> new ImportSplit.FieldChange(HandEdits.label(c.field()),
                                    HandEdits.shown(c.field(), c.oldValue()), HandEdits.shown(c.field(), c.newValue())))
                            .toList();
                    if (diff.isEmpty()) {
                        outcome = ImportSplit.Outcome.UNCHANGED;
                        unchanged++;
                    } else {
                        outcome = ImportSplit.Outcome.UPDATED;
                        updated++;
                        ChangeLog.HandEdit h = hand.get(current.id().value());
                        if (h != null) {
                            handEdited++;
                            handEdit = new ImportSplit.HandEdit(h.actor(), h.at(),
                                    h.fields().stream().map(HandEdits::label).distinct().toList());
                        }
                    }
                }
                boolean worthALook = outcome == ImportSplit.Outcome.UPDATED || outcome == ImportSplit.Outcome.REFUSED
                        || !j.notices().isEmpty();
                if (worthALook && rows.size() < ImportSplit.LISTED) {
                    rows.add(new ImportSplit.Row(j.row(), d.itemNo() > 0 && d.get(DescriptionField.FONDS) != null
                            && d.get(DescriptionField.CATEGORY) != null && d.get(DescriptionField.YEAR) != null
                            && d.get(DescriptionField.RETENTION) != null ? d.archivalCode().toString() : null,
                            d.get(DescriptionField.TITLE), outcome, diff, List.copyOf(j.reasons()),
                            List.copyOf(j.notices()), handEdit));
                }
            }
            return new ImportSplit(created, updated, unchanged, refused, handEdited, judged.size(), rowsInFile, exact,
                    exact && judged.size() == rowsInFile, rows);
        }

        private String say(Violation v) {
            return v.field() + "：" + messages.getMessage(v.code(), v.args().toArray(), v.code(), locale);
        }
    }
}
