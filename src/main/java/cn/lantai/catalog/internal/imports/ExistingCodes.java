package cn.lantai.catalog.internal.imports;

import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.lantai.catalog.ImportOptions;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.Viewer;
import cn.lantai.catalog.internal.CatalogWriter;
import cn.lantai.catalog.internal.ChangeLog;
import cn.lantai.catalog.internal.Items;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The import's check of the rows whose 档号 the catalogue may already hold: a duplicate, an update, an update over a
 * hand edit, or a record beyond the importer's reach. Split from {@link CatalogImporter}, which reads and writes.
 */
@Component
class ExistingCodes {

    private final Items items;
    private final ChangeLog changes;
    private final MessageSource messages;

    ExistingCodes(Items items, ChangeLog changes, MessageSource messages) {
        this.items = items;
        this.changes = changes;
        this.messages = messages;
    }

    /**
     * Rows whose 档号 is already taken: duplicates when the import rejects existing codes, otherwise updates. The
     * record holding the code is in the row's group, which the importer may read whole; a record of another shape
     * (a file's item whose code reads as a loose item's) the importer may not read gets the group's neutral refusal.
     * An update that would change a record someone edited by hand since its last import is refused unless the import
     * was asked to overwrite hand edits, and said in the report when it was.
     */
    void judge(List<Pending> pending, ImportOptions options, Viewer reach, List<ReportLine> report,
            BitSet rejectedRows, BitSet updating, Locale locale) {
        boolean rejectAll = options.onExisting() == ImportOptions.OnExisting.REJECT;
        for (int i = 0; i < pending.size(); i += 1000) {
            List<Pending> chunk = pending.subList(i, Math.min(pending.size(), i + 1000));
            Map<String, Item> found = items.byArchivalCodes(chunk.stream().map(Pending::code).toList());
            Map<Long, ChangeLog.HandEdit> handEdits = rejectAll ? Map.of() : changes.handEditsSinceImport(
                    found.values().stream().filter(it -> reach.maySee(it.description())).map(it -> it.id().value())
                            .toList());
            for (Pending p : chunk) {
                Item existing = found.get(p.code());
                int row = p.row();
                if (existing == null) {
                    continue;
                }
                int firstLine = report.size();
                ChangeLog.HandEdit hand = handEdits.get(existing.id().value());
                if (hand != null && CatalogWriter.changes(existing, p.entry()).isEmpty()) {
                    hand = null; // the row says what the record says now: nothing of the hand edit is overwritten
                }
                if (!reach.maySee(existing.description())) {
                    reject(report, rejectedRows, row, p.code(), "catalog.group-beyond-reach", locale);
                } else if (rejectAll) {
                    reject(report, rejectedRows, row, p.code(), "catalog.exists", locale);
                } else if (hand != null && !options.overwriteHandEdits()) {
                    reject(report, rejectedRows, row, p.code(), "importchange.hand-edited", locale, hand.actor(),
                            HandEdits.when(hand));
                } else {
                    updating.set(row);
                    if (hand != null) {
                        report.add(new ReportLine(row, "档号", p.code(), messages.getMessage("importchange.hand-edit-overwritten",
                                new Object[] {hand.actor(), HandEdits.when(hand)}, locale)));
                    }
                }
                for (int l = firstLine; l < report.size(); l++) {
                    report.set(l, report.get(l).about(p.code(), p.title()));
                }
            }
        }
    }

    /** A checked row whose 档号 may already be in the catalogue, with its entry for judging what it would change. */
    record Pending(String code, int row, String title, CatalogWriter.Valid entry) {
    }

    void reject(List<ReportLine> report, BitSet rejectedRows, int row, String code, String reason,
            Locale locale, Object... args) {
        report.add(new ReportLine(row, "档号", code, messages.getMessage(reason, args, locale)));
        rejectedRows.set(row);
    }
}
