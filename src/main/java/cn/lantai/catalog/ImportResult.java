package cn.lantai.catalog;

import java.util.List;

/**
 * How an import's rows split once it ran: records created (新增), updated (更新), unchanged (未变) and refused (拒绝),
 * counted from what it committed, and its updates field by field (old → new), the first {@link #SHOWN} of them.
 */
public record ImportResult(long created, long updated, long unchanged, long refused, List<Change> changes,
        boolean moreChanges) {

    public static final int SHOWN = 200;

    /** One field an update changed: the row, its 档号 and 题名, the field's Chinese label, old and new value. */
    public record Change(int row, String archivalCode, String title, String field, String oldValue, String newValue) {
    }
}
