package cn.lantai.statistics;

import java.util.List;

import cn.lantai.stacks.RepellentDue;
import cn.lantai.supervision.OverdueRectification;

/**
 * What the director should look at today (需要关注), whatever year the dashboard shows: rectification notices past
 * their deadline without accepted fixes, and the rooms whose insect and mould repellent is due within 14 days or
 * overdue.
 */
public record Attention(List<OverdueRectification> overdueRectifications, List<RepellentDue> repellentsDue) {

    public Attention {
        overdueRectifications = List.copyOf(overdueRectifications);
        repellentsDue = List.copyOf(repellentsDue);
    }

    /** Whether nothing needs attention. */
    public boolean allInOrder() {
        return overdueRectifications.isEmpty() && repellentsDue.isEmpty();
    }
}
