package cn.lantai.stacks.web;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.lantai.stacks.internal.climate.MonthFigures;
import cn.lantai.stacks.internal.climate.YearReport;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** A room's yearly climate analysis as a workbook (fastexcel): one row per month and the year's total. */
@Component
class ClimateWorkbook {

    /** The columns' headings (bundle keys), in the order of {@link #values}. */
    static final List<String> COLUMNS = List.of("stacks.climate.year.month", "stacks.climate.year.min-t",
            "stacks.climate.year.max-t", "stacks.climate.year.avg-t", "stacks.climate.year.min-h",
            "stacks.climate.year.max-h", "stacks.climate.year.avg-h", "stacks.climate.year.readings",
            "stacks.climate.year.out-of-norm", "stacks.climate.year.swing-days", "stacks.climate.year.thin-days",
            "stacks.climate.year.alerts-range", "stacks.climate.year.alerts-swing", "stacks.climate.year.alerts-thin");

    private final MessageSource messages;

    ClimateWorkbook(MessageSource messages) {
        this.messages = messages;
    }

    void write(YearReport report, Locale locale, OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "Lantai", "1.0");
        Worksheet ws = wb.newWorksheet(report.room().code() + " " + report.year());
        ws.value(0, 0, messages.getMessage("stacks.climate.year.title", new Object[] {report.room().code(),
                report.room().name(), report.year()}, locale));
        for (int c = 0; c < COLUMNS.size(); c++) {
            ws.value(1, c, messages.getMessage(COLUMNS.get(c), null, locale));
            ws.style(1, c).bold().set();
        }
        int r = 2;
        for (MonthFigures m : report.months()) {
            row(ws, r++, String.valueOf(m.month()), m);
        }
        row(ws, r, messages.getMessage("stacks.climate.year.total", null, locale), report.total());
        wb.finish();
    }

    private static void row(Worksheet ws, int r, String label, MonthFigures m) {
        ws.value(r, 0, label);
        List<Object> values = values(m);
        for (int c = 0; c < values.size(); c++) {
            Object v = values.get(c);
            if (v instanceof BigDecimal d) {
                ws.value(r, c + 1, d);
            } else if (v instanceof Long n) {
                ws.value(r, c + 1, n);
            }
        }
    }

    /** The figures of a month after its label; a figure without readings is left empty. */
    static List<Object> values(MonthFigures m) {
        List<Object> v = new ArrayList<>();
        v.add(m.minTemperature());
        v.add(m.maxTemperature());
        v.add(m.averageTemperature());
        v.add(m.minHumidity());
        v.add(m.maxHumidity());
        v.add(m.averageHumidity());
        v.add(m.readings());
        v.add(m.daysOutOfNorm());
        v.add(m.swingDays());
        v.add(m.thinDays());
        v.add(m.outOfRangeAlerts());
        v.add(m.swingAlerts());
        v.add(m.thinDayAlerts());
        return v;
    }
}
