package cn.lantai.audit.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import cn.lantai.audit.AuditQuery;
import cn.lantai.audit.AuditWording;
import org.springframework.context.MessageSource;

/**
 * The audit page's filter as typed: who, which action, which record (档号, or an item's number), from which address,
 * from and to which day, and one operation. Checks what was typed and says beside each field what is wrong; turns
 * the rest into an {@link AuditQuery}.
 */
final class AuditFilter {

    private static final Pattern ITEM_ID = Pattern.compile("(?:item:)?(\\d{1,18})");
    static final int MAX_TEXT = 200;

    final String actor;
    final String action;
    final String target;
    final String address;
    final String from;
    final String to;
    final Long op;
    final boolean grouped;
    /** Field name → message code of what is wrong with it. */
    final Map<String, String> problems = new LinkedHashMap<>();
    private LocalDate fromDate;
    private LocalDate toDate;

    AuditFilter(String actor, String action, String target, String address, String from, String to, Long op,
            boolean grouped) {
        this.actor = clean(actor);
        this.action = clean(action);
        this.target = clean(target);
        this.address = clean(address);
        this.from = clean(from);
        this.to = clean(to);
        this.op = op;
        this.grouped = grouped;
        for (var field : Map.of("actor", nullSafe(this.actor), "target", nullSafe(this.target), "address",
                nullSafe(this.address), "action", nullSafe(this.action)).entrySet()) {
            if (field.getValue().length() > MAX_TEXT) {
                problems.put(field.getKey(), "audit.filter.too-long");
            }
        }
        fromDate = date("from", this.from);
        toDate = date("to", this.to);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            problems.put("to", "audit.filter.to-before-from");
        }
    }

    /** The filter's fields as the page's form and its export links send them (bound by name). */
    record Typed(String actor, String action, String target, String address, String from, String to, Long op) {

        AuditFilter filter(boolean grouped) {
            return new AuditFilter(actor, action, target, address, from, to, op, grouped);
        }
    }

    static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null, null, false);
    }

    boolean valid() {
        return problems.isEmpty();
    }

    /** The query: a record given by its number finds its entries, one given by 档号 those that name it too. */
    AuditQuery query(AuditWording wording) {
        ZoneId zone = ZoneId.systemDefault();
        String text = target;
        List<Long> items = new ArrayList<>();
        if (target != null) {
            var id = ITEM_ID.matcher(target);
            if (id.matches()) {
                items.add(Long.valueOf(id.group(1)));
                text = null;
            } else {
                items.addAll(wording.records(target));
            }
        }
        return new AuditQuery(actor, action, text, address, items, op,
                fromDate == null ? null : fromDate.atStartOfDay(zone).toInstant(),
                toDate == null ? null : toDate.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** The filter in words, for the reports and the export's own audit entry. */
    String describe(MessageSource messages, AuditWording wording, Locale locale) {
        List<String> parts = new ArrayList<>();
        part(parts, messages, locale, "audit.actor", actor);
        part(parts, messages, locale, "audit.action", action == null ? null : wording.action(action, locale));
        part(parts, messages, locale, "audit.target", target);
        part(parts, messages, locale, "audit.address", address);
        part(parts, messages, locale, "audit.from", from);
        part(parts, messages, locale, "audit.to", to);
        part(parts, messages, locale, "audit.operation", op == null ? null : String.valueOf(op));
        return parts.isEmpty() ? messages.getMessage("audit.filter.none", null, locale)
                : String.join(messages.getMessage("audit.state.separator", null, locale), parts);
    }

    private static void part(List<String> parts, MessageSource messages, Locale locale, String label, String value) {
        if (value != null) {
            parts.add(messages.getMessage("audit.state.pair", new Object[] {messages.getMessage(label, null, locale),
                value}, locale));
        }
    }

    private LocalDate date(String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.put(field, "audit.filter.bad-date");
            return null;
        }
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String nullSafe(String s) {
        return s == null ? "" : s;
    }
}
