package cn.lantai.catalog.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import cn.lantai.audit.AuditVocabulary;
import cn.lantai.catalog.CatalogRight;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.OpenStatus;
import cn.lantai.catalog.Retention;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The catalogue's names for what its audit entries hold, for the auditor: description fields by the catalogue's
 * labels (题名, 密级 …, or the workbench bundle's {@code field.*} in another language), 密级, 开放标识 and 保管期限 by
 * name, and the records an archival code (档号) names.
 */
@Component
class AuditNames implements AuditVocabulary {

    private final MessageSource messages;
    private final JdbcClient jdbc;

    AuditNames(MessageSource messages, JdbcClient jdbc) {
        this.messages = messages;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> field(String key, Locale locale) {
        return DescriptionField.byKey(key)
                .map(f -> messages.getMessage("field." + f.key(), null, f.label(), locale));
    }

    @Override
    public Optional<String> value(String key, String stored, Locale locale) {
        return DescriptionField.byKey(key).flatMap(f -> switch (f.kind()) {
            case RETENTION -> Retention.parse(stored)
                    .map(r -> messages.getMessage("retention." + r.name(), null, r.label(), locale));
            case CLASSIFICATION -> classification(stored, locale);
            case OPEN_STATUS -> openStatus(stored, locale);
            default -> Optional.empty();
        });
    }

    @Override
    public Optional<String> word(String stored, Locale locale) {
        for (CatalogRight right : CatalogRight.values()) {
            if (right.name().equals(stored)) {
                return Optional.ofNullable(messages.getMessage("audit.word." + stored, null, null, locale));
            }
        }
        return classification(stored, locale).or(() -> openStatus(stored, locale));
    }

    @Override
    public List<Long> records(String archivalCode) {
        return jdbc.sql("SELECT id FROM item WHERE archival_code = ?").param(archivalCode.strip())
                .query(Long.class).list();
    }

    private Optional<String> classification(String stored, Locale locale) {
        return enumName(Classification.values(), stored)
                .map(c -> messages.getMessage("classification." + c.name(), null, c.label(), locale));
    }

    private Optional<String> openStatus(String stored, Locale locale) {
        return enumName(OpenStatus.values(), stored)
                .map(s -> messages.getMessage("open-status." + s.name(), null, s.label(), locale));
    }

    /** Only the stored form (the constant's name) counts here: a word of free text is not a code. */
    private static <E extends Enum<E>> Optional<E> enumName(E[] values, String stored) {
        for (E e : values) {
            if (e.name().equals(stored)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
