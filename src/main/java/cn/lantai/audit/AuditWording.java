package cn.lantai.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The trail as people read it, in their language: actions by name ({@code login.success} → 登录成功), an entry's
 * before and after field by field with the catalogue's names (the digest of a title → 题名：（已加密摘要）), refusals
 * by their reason (never an exception's class name), and the verification's result. Names come from the audit bundle
 * ({@code audit.action.*}, {@code audit.word.*}, {@code audit.reason.*}) and from the modules' {@link AuditVocabulary};
 * what nobody names is shown as stored.
 */
@Component
public class AuditWording {

    /** The bundle whose {@code audit.action.*} keys are the actions the trail knows, in the order to offer them. */
    private static final String BUNDLE = "i18n/audit.properties";
    private static final String ACTION = "audit.action.";
    private static final Pattern RECORD_TEXT = Pattern.compile("^[A-Z]\\w*\\[(.*)]$", Pattern.DOTALL);
    private static final Pattern PROBLEM_CLASS = Pattern.compile("^[A-Z]\\w*(Exception|Error)$");

    private final MessageSource messages;
    private final List<AuditVocabulary> vocabularies;
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<String> actions;

    AuditWording(MessageSource messages, List<AuditVocabulary> vocabularies) {
        this.messages = messages;
        this.vocabularies = List.copyOf(vocabularies);
        this.actions = knownActions();
    }

    /** Every action the trail has a name for, in the bundle's order. */
    public List<String> actions() {
        return actions;
    }

    /** The action by name; an action nobody named shows as its code. */
    public String action(String code, Locale locale) {
        return code == null ? "" : messages.getMessage(ACTION + code, null, code, locale);
    }

    /**
     * A before or after state as lines of name and value, field by field: a JSON object by its fields, a record's text
     * ({@code Role[code=…, …]}) by its parts, a refused login by its reason, stored codes by their names; digests of
     * values the auditor may not read as a marker.
     */
    public List<String> state(String text, Locale locale) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String s = text.strip();
        if (s.startsWith("{")) {
            try {
                JsonNode node = json.readTree(s);
                if (node.isObject()) {
                    List<String> lines = new ArrayList<>();
                    for (Map.Entry<String, JsonNode> field : node.properties()) {
                        JsonNode v = field.getValue();
                        lines.add(pair(field(field.getKey(), locale),
                                value(field.getKey(), v == null || v.isNull() ? null : v.asString(), locale), locale));
                    }
                    return lines;
                }
            } catch (JacksonException notJson) {
                // shown as text below
            }
        }
        Matcher record = RECORD_TEXT.matcher(s);
        if (record.matches()) {
            List<String> lines = new ArrayList<>();
            for (String part : topLevel(record.group(1))) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    String key = part.substring(0, eq);
                    lines.add(pair(messages.getMessage("audit.key." + key, null, field(key, locale), locale),
                            recordValue(part.substring(eq + 1), locale), locale));
                }
            }
            return lines;
        }
        return List.of(words(s, locale));
    }

    /** The state on one line, its fields joined. */
    public String stateLine(String text, Locale locale) {
        return String.join(messages.getMessage("audit.state.separator", null, "; ", locale), state(text, locale));
    }

    /** The records (件) an archival code (档号) names, by id, as the modules that keep records find them. */
    public List<Long> records(String archivalCode) {
        List<Long> ids = new ArrayList<>();
        vocabularies.forEach(v -> ids.addAll(v.records(archivalCode)));
        return ids;
    }

    /** The verification's result, wholly in the locale's language. */
    public String verification(ChainVerification v, Locale locale) {
        if (v.ok()) {
            return messages.getMessage("audit.verify.ok",
                    new Object[] {v.entriesChecked(), v.checkpointsChecked(), v.receiptsChecked()}, locale);
        }
        String problem = v.problem() == null ? messages.getMessage("audit.broken.unknown", new Object[] {
                v.firstBrokenSeq()}, locale)
                : messages.getMessage(v.problem(), new Object[] {v.firstBrokenSeq()},
                        messages.getMessage("audit.broken.unknown", new Object[] {v.firstBrokenSeq()}, locale), locale);
        return messages.getMessage("audit.verify.broken", new Object[] {v.firstBrokenSeq(), problem}, locale);
    }

    private String pair(String name, String value, Locale locale) {
        return messages.getMessage("audit.state.pair", new Object[] {name, value}, name + ": " + value, locale);
    }

    private String field(String key, Locale locale) {
        return first(v -> v.field(key, locale))
                .orElseGet(() -> messages.getMessage("audit.field." + key, null,
                        key.startsWith("extra.") ? key.substring(6) : key, locale));
    }

    private String value(String key, String stored, Locale locale) {
        if (stored == null || stored.isEmpty()) {
            return messages.getMessage("audit.value.empty", null, "", locale);
        }
        if (stored.startsWith(ValueDigest.PREFIX)) {
            return messages.getMessage("audit.value.digest", null, "(digest)", locale);
        }
        return first(v -> v.value(key, stored, locale)).orElseGet(() -> word(stored, locale));
    }

    /** The parts of a record's text, split at the commas outside brackets (a set's members stay together). */
    private static List<String> topLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i).strip());
                start = i + 1;
            }
        }
        parts.add(text.substring(start).strip());
        return parts;
    }

    /** A value in a record's text: a set ({@code [A, B]}) by its members' names, none as empty. */
    private String recordValue(String value, Locale locale) {
        if (value.startsWith("[") && value.endsWith("]")) {
            String inner = value.substring(1, value.length() - 1).strip();
            if (inner.isEmpty()) {
                return messages.getMessage("audit.value.empty", null, "", locale);
            }
            List<String> named = new ArrayList<>();
            for (String member : inner.split(",")) {
                named.add(word(member.strip(), locale));
            }
            return String.join(messages.getMessage("audit.list.separator", null, ", ", locale), named);
        }
        return value.equals("null") ? messages.getMessage("audit.value.empty", null, "", locale) : word(value, locale);
    }

    /** A text of codes: each part of a list (split at a slash or a comma) by its name. */
    private String words(String s, Locale locale) {
        for (String separator : List.of("/", ",")) {
            if (s.contains(separator)) {
                String[] parts = s.split(Pattern.quote(separator));
                List<String> named = new ArrayList<>();
                for (String part : parts) {
                    named.add(word(part.strip(), locale));
                }
                return String.join(separator.equals("/") ? " / " : messages.getMessage("audit.list.separator", null,
                        ", ", locale), named);
            }
        }
        return word(s, locale);
    }

    private String word(String stored, Locale locale) {
        if (PROBLEM_CLASS.matcher(stored).matches()) {
            return messages.getMessage("audit.reason." + stored, null,
                    messages.getMessage("audit.reason.other", null, "", locale), locale);
        }
        String bundled = messages.getMessage("audit.word." + stored, null, null, locale);
        if (bundled != null) {
            return bundled;
        }
        return first(v -> v.word(stored, locale)).orElse(stored);
    }

    private Optional<String> first(Function<AuditVocabulary, Optional<String>> ask) {
        for (AuditVocabulary v : vocabularies) {
            Optional<String> answer = ask.apply(v);
            if (answer.isPresent()) {
                return answer;
            }
        }
        return Optional.empty();
    }

    private static List<String> knownActions() {
        Properties bundle = new Properties();
        try (InputStream in = AuditWording.class.getClassLoader().getResourceAsStream(BUNDLE)) {
            if (in == null) {
                return List.of();
            }
            bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bundle.stringPropertyNames().stream().filter(k -> k.startsWith(ACTION))
                .map(k -> k.substring(ACTION.length())).sorted(Comparator.naturalOrder()).toList();
    }
}
