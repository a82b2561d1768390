package cn.lantai.access.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import cn.lantai.access.Purpose;
import cn.lantai.access.UseFigures;
import cn.lantai.access.UseGrouping;
import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Category;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The statistics as people read them, for the API, the page and the workbook alike: each group's label (a purpose's
 * name in the reader's language, a category's code and name, "not given" for uses without one) and the columns'
 * headings.
 */
@Component
class UseStatisticsView {

    /** The figures' columns, in order: their bundle keys. */
    static final List<String> COLUMNS = List.of("access.statistics.visits", "access.statistics.volumes",
            "access.statistics.items", "access.statistics.pages", "access.statistics.downloads",
            "access.statistics.prints", "access.statistics.certificates");

    private final MessageSource messages;
    private final CatalogManagement catalog;

    UseStatisticsView(MessageSource messages, CatalogManagement catalog) {
        this.messages = messages;
        this.catalog = catalog;
    }

    String label(UseGrouping by, String key, Locale locale) {
        if (key.isEmpty()) {
            return messages.getMessage("access.statistics.none", null, locale);
        }
        if (by == UseGrouping.PURPOSE) {
            try {
                return messages.getMessage(Purpose.valueOf(key).labelKey(), null, locale);
            } catch (IllegalArgumentException e) {
                return key;
            }
        }
        if (by == UseGrouping.CATEGORY) {
            String name = categories().get(key);
            return name == null ? key : key + " " + name;
        }
        return key;
    }

    List<String> headings(UseGrouping by, Locale locale) {
        List<String> headings = new ArrayList<>();
        headings.add(messages.getMessage("access.statistics.by." + by.name(), null, locale));
        COLUMNS.forEach(c -> headings.add(messages.getMessage(c, null, locale)));
        return headings;
    }

    /** The figures as an xlsx workbook: a title row, the headings, one row per group and the total. */
    void workbook(UseFigures f, Locale locale, OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "Lantai", "1.0");
        Worksheet ws = wb.newWorksheet(messages.getMessage("access.statistics.title", null, locale));
        ws.value(0, 0, messages.getMessage("access.statistics.range", new Object[] {f.from(), f.to()}, locale));
        List<String> headings = headings(f.by(), locale);
        for (int c = 0; c < headings.size(); c++) {
            ws.value(1, c, headings.get(c));
            ws.style(1, c).bold().set();
        }
        int r = 2;
        for (UseFigures.Row row : f.rows()) {
            write(ws, r++, label(f.by(), row.key(), locale), row.figures());
        }
        write(ws, r, messages.getMessage("access.statistics.total", null, locale), f.total().figures());
        wb.finish();
    }

    private static void write(Worksheet ws, int r, String label, List<Long> values) {
        ws.value(r, 0, label);
        for (int c = 0; c < values.size(); c++) {
            ws.value(r, c + 1, values.get(c));
        }
    }

    String fileName(UseFigures f) {
        return "use-statistics-" + f.by().name().toLowerCase(Locale.ROOT) + "-" + f.from() + "-" + f.to() + ".xlsx";
    }

    private Map<String, String> categories() {
        return catalog.categories().stream().collect(Collectors.toMap(Category::code, Category::name, (a, b) -> a));
    }
}
