package cn.lantai.accession.internal;

import java.util.List;
import java.util.Locale;

import cn.lantai.accession.PropertyCheck;
import cn.lantai.accession.PropertyCheck.Property;
import cn.lantai.accession.PropertyCheck.Result;
import org.springframework.context.MessageSource;

/**
 * A check's outcome before its reason is put into words: the reason is a message key ({@code accession.check.*}) with
 * its arguments, resolved in Chinese when the check becomes a {@link PropertyCheck}.
 */
public record Finding(Property property, String code, Result result, String record, String file, String reason,
        List<Object> args) {

    /** Reports are kept and shown in Chinese first (the English bundle serves the workbench in English). */
    public static final Locale REPORT_LOCALE = Locale.SIMPLIFIED_CHINESE;

    public static Finding fail(Property property, String code, String record, String file, String reason,
            Object... args) {
        return new Finding(property, code, Result.FAIL, record, file, reason, List.of(args));
    }

    public static Finding pass(Property property, String code, String record, String file, String reason,
            Object... args) {
        return new Finding(property, code, Result.PASS, record, file, reason, List.of(args));
    }

    public PropertyCheck toCheck(MessageSource messages) {
        String text = messages.getMessage(reason, args.toArray(), reason, REPORT_LOCALE);
        return new PropertyCheck(property, code, result, record == null ? "" : record, file == null ? "" : file, text);
    }
}
