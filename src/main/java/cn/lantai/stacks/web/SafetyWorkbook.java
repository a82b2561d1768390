package cn.lantai.stacks.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import cn.lantai.stacks.internal.safety.Finding;
import cn.lantai.stacks.internal.safety.Incident;
import cn.lantai.stacks.internal.safety.RepellentChange;
import cn.lantai.stacks.internal.safety.SafetyCheck;
import cn.lantai.stacks.internal.safety.SafetyChecks;
import cn.lantai.stacks.internal.safety.SafetyLog;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A year's ledger of the eight protections (八防台账) as an xlsx workbook, one sheet per part: the quarterly checks,
 * the findings of the year's checks with their fix and closure, the repellent changes, and the incidents. Headings in
 * the reader's language (zh-CN first); each sheet a heading row, then one row per entry.
 */
@Component
class SafetyWorkbook {

    private final SafetyChecks checks;
    private final SafetyLog log;
    private final MessageSource messages;

    SafetyWorkbook(SafetyChecks checks, SafetyLog log, MessageSource messages) {
        this.checks = checks;
        this.log = log;
        this.messages = messages;
    }

    void write(int year, Locale locale, OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "Lantai", "1.0");
        Worksheet ws = sheet(wb, "stacks.safety.sheet.checks", locale, "stacks.safety.col.quarter",
                "stacks.safety.col.done-on", "stacks.safety.col.inspectors", "stacks.safety.col.rooms",
                "stacks.safety.col.points", "stacks.safety.col.findings", "stacks.safety.col.open");
        int r = 1;
        for (SafetyCheck c : checks.checks(year)) {
            row(ws, r++, messages.getMessage("stacks.safety.quarter", new Object[] {c.year(), c.quarter()}, locale),
                    c.doneOn(), c.inspectors(), String.join("、", c.rooms()), c.points(), c.findings(),
                    c.openFindings());
        }
        ws = sheet(wb, "stacks.safety.sheet.findings", locale, "stacks.safety.col.quarter",
                "stacks.safety.col.found-on", "stacks.safety.col.protection", "stacks.safety.col.point",
                "stacks.safety.col.room", "stacks.safety.col.note", "stacks.safety.col.fix-by",
                "stacks.safety.col.fix-action", "stacks.safety.col.fix-due", "stacks.safety.col.closed-on",
                "stacks.safety.col.closed-by", "stacks.safety.col.closing-note");
        r = 1;
        for (Finding f : checks.findings(year)) {
            row(ws, r++, messages.getMessage("stacks.safety.quarter", new Object[] {f.year(), f.quarter()}, locale),
                    f.foundOn(), messages.getMessage(f.protection().labelKey(), null, locale), f.point(), f.room(),
                    f.note(), f.fixBy(), f.fixAction(), f.fixDue(), f.closedOn(), f.closedBy(), f.closingNote());
        }
        ws = sheet(wb, "stacks.safety.sheet.repellents", locale, "stacks.safety.col.changed-on",
                "stacks.safety.col.room", "stacks.safety.col.agent", "stacks.safety.col.changed-by",
                "stacks.safety.col.next-due");
        r = 1;
        for (RepellentChange c : log.changes(year)) {
            row(ws, r++, c.changedOn(), c.room(), c.agent(), c.changedBy(), c.changedOn().plusMonths(6));
        }
        ws = sheet(wb, "stacks.safety.sheet.incidents", locale, "stacks.safety.col.occurred-on",
                "stacks.safety.col.room", "stacks.safety.col.protection", "stacks.safety.col.description",
                "stacks.safety.col.loss", "stacks.safety.col.measures", "stacks.safety.col.closed-on");
        r = 1;
        for (Incident i : log.incidents(year)) {
            row(ws, r++, i.occurredOn(), i.room(), messages.getMessage(i.protection().labelKey(), null, locale),
                    i.description(), i.loss(), i.measures(), i.closedOn());
        }
        wb.finish();
    }

    private Worksheet sheet(Workbook wb, String name, Locale locale, String... headings) {
        Worksheet ws = wb.newWorksheet(messages.getMessage(name, null, locale));
        List<String> keys = List.of(headings);
        for (int c = 0; c < keys.size(); c++) {
            ws.value(0, c, messages.getMessage(keys.get(c), null, locale));
            ws.style(0, c).bold().set();
        }
        return ws;
    }

    /** A row of values: days as yyyy-MM-dd text (read the same in any spreadsheet), numbers as numbers. */
    private static void row(Worksheet ws, int r, Object... values) {
        for (int c = 0; c < values.length; c++) {
            Object v = values[c];
            if (v instanceof Number n) {
                ws.value(r, c, n);
            } else if (v instanceof LocalDate d) {
                ws.value(r, c, d.toString());
            } else if (v != null) {
                ws.value(r, c, v.toString());
            }
        }
    }
}
