package cn.lantai.catalog;

import java.time.Instant;
import java.util.List;

/**
 * What an import would do to the catalogue, row by row: new records (新增), updated ones with the fields that change
 * (更新, old → new, by Chinese label), unchanged (未变) and refused (拒绝, with the reasons). The preview judges the
 * first {@code rowsJudged} of the file's {@code rowsInFile} rows ({@code complete} when that is all of them); the
 * import's own report covers every row. Updates are listed whatever the import's choice about existing records: the
 * person sees them before choosing.
 *
 * @param rows        the rows worth a look: updated, refused, or with a value moved or read in another sense (at most
 *                    {@link #LISTED}); new and unchanged rows are counted only
 * @param handEdited  how many updated rows would overwrite a hand edit made after the record was last imported
 */
public record ImportSplit(long created, long updated, long unchanged, long refused, long handEdited, long rowsJudged,
        long rowsInFile, boolean rowsInFileExact, boolean complete, List<Row> rows) {

    public static final int LISTED = 200;

    public enum Outcome { NEW, UPDATED, UNCHANGED, REFUSED }

    /** One row: its number as the spreadsheet counts it, its 档号 and 题名, and what the import would do with it. */
    public record Row(int row, String archivalCode, String title, Outcome outcome, List<FieldChange> changes,
            List<String> reasons, List<String> notices, HandEdit handEdit) {
    }

    /** A field an update changes, by its Chinese label, with the values as people read them. */
    public record FieldChange(String field, String oldValue, String newValue) {
    }

    /** The hand edit an update would overwrite: who, when, and the fields they changed. */
    public record HandEdit(String actor, Instant at, List<String> fields) {
    }
}
