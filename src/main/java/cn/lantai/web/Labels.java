package cn.lantai.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import cn.lantai.catalog.Classification;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.OpenStatus;
import cn.lantai.catalog.Retention;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Names of description fields and stored values as people read them, for the templates ({@code @labels}): the
 * Chinese name the catalogue defines (DA/T 18 headers, 永久, 机密, 开放 …) unless the workbench bundle of the page's
 * language names it otherwise ({@code field.title=Title} in English). Stored forms (codes, enum names) go in.
 */
@Component("labels")
public class Labels {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final MessageSource messages;

    Labels(MessageSource messages) {
        this.messages = messages;
    }

    /** A description field's name: by key ({@code title}), or a history entry's field ({@code extra.groomName}). */
    public String field(String key) {
        if (key == null) {
            return "";
        }
        Optional<DescriptionField> field = DescriptionField.byKey(key);
        String fallback = field.map(DescriptionField::label).orElse(key.startsWith("extra.") ? key.substring(6) : key);
        return message("field." + key, fallback);
    }

    public String field(DescriptionField field) {
        return message("field." + field.key(), field.label());
    }

    /** A stored value of a field, shown: retention codes, classification and open-status names become their names. */
    public String value(DescriptionField field, String stored) {
        if (stored == null || stored.isEmpty()) {
            return "";
        }
        return switch (field.kind()) {
            case RETENTION -> retention(stored);
            case CLASSIFICATION -> classification(stored);
            case OPEN_STATUS -> openStatus(stored);
            default -> stored;
        };
    }

    /** A stored value in a history entry, by the entry's field key; values of a category's own fields as they are. */
    public String value(String key, String stored) {
        return key == null ? nullSafe(stored)
                : DescriptionField.byKey(key).map(f -> value(f, stored)).orElse(nullSafe(stored));
    }

    /** A moment as the bureau reads it: local date and time to the second. */
    public String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(ZoneId.systemDefault()));
    }

    public String retention(String code) {
        return Retention.parse(code).map(r -> message("retention." + r.name(), r.label())).orElse(nullSafe(code));
    }

    public String classification(String name) {
        return Classification.parse(name).map(c -> message("classification." + c.name(), c.label()))
                .orElse(nullSafe(name));
    }

    public String openStatus(String name) {
        return OpenStatus.parse(name).map(s -> message("open-status." + s.name(), s.label())).orElse(nullSafe(name));
    }

    /** A facet value of the search page: the three coded dimensions by name, the others as they are. */
    public String facet(String dimension, String value) {
        return switch (dimension) {
            case "retention" -> retention(value);
            case "classification" -> classification(value);
            case "openStatus" -> openStatus(value);
            default -> nullSafe(value);
        };
    }

    private String message(String code, String fallback) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(code, null, fallback, locale);
    }

    private static String nullSafe(String s) {
        return s == null ? "" : s;
    }
}
