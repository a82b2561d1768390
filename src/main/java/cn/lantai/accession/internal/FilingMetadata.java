package cn.lantai.accession.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.lantai.accession.FilingRefused;
import cn.lantai.accession.FilingRefused.Kind;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.EntryInput;
import cn.lantai.catalog.ZipEntryNames;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A filing's {@code metadata} part: JSON in the charset its Content-Type names (UTF-8 when none; a unit's office
 * system may send GB18030), decoded strictly. It holds {@code sourceId} (the unit's own id of the record), the
 * description by the catalogue's keys or Chinese labels, the category's own fields, and {@code files}:
 * {@code [{name, sha256?, sm3?, size?}]}. Anything that is not so is refused before a byte of content is read.
 */
public record FilingMetadata(String sourceId, EntryInput entry, List<DeclaredFile> files) {

    /** The longest sourceId kept (the column of V22). */
    public static final int MAX_SOURCE_ID = 200;
    private static final Pattern CHARSET = Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?([^\";\\s]+)\"?");
    private static final Pattern HEX64 = Pattern.compile("[0-9a-fA-F]{64}");

    /** A file the metadata lists, with what the unit declares of it (each null when not declared). */
    public record DeclaredFile(String name, String sha256, String sm3, Long size) {
    }

    public static FilingMetadata parse(byte[] bytes, String contentType, JsonMapper json) {
        JsonNode root;
        try {
            root = json.readTree(decode(bytes, contentType));
        } catch (JacksonException e) {
            throw malformed("accession.filing.bad-json", e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw malformed("accession.filing.bad-json", "not an object");
        }
        String sourceId = text(root.get("sourceId"), "sourceId");
        if (sourceId == null || sourceId.isBlank() || sourceId.length() > MAX_SOURCE_ID
                || sourceId.chars().anyMatch(Character::isISOControl)) {
            throw malformed("accession.filing.bad-source-id", MAX_SOURCE_ID);
        }
        Map<DescriptionField, String> fields = new EnumMap<>(DescriptionField.class);
        Map<String, String> extra = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : root.properties()) {
            String key = property.getKey();
            if (key.equals("sourceId") || key.equals("files")) {
                continue;
            }
            String value = text(property.getValue(), key);
            Optional<DescriptionField> field = field(key);
            if (field.isPresent()) {
                fields.put(field.get(), value);
            } else {
                extra.put(key, value);
            }
        }
        return new FilingMetadata(sourceId.strip(), new EntryInput(null, fields, extra), files(root.get("files")));
    }

    private static String decode(byte[] bytes, String contentType) {
        Charset charset = StandardCharsets.UTF_8;
        Matcher m = CHARSET.matcher(contentType == null ? "" : contentType);
        if (m.find()) {
            try {
                charset = Charset.forName(m.group(1));
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                throw malformed("accession.filing.bad-charset", m.group(1));
            }
        }
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw malformed("accession.filing.bad-charset", charset.name());
        }
    }

    private static Optional<DescriptionField> field(String key) {
        String k = key.strip();
        return DescriptionField.byKey(k).or(() -> Arrays.stream(DescriptionField.values())
                .filter(f -> f.label().equals(k) || f.aliases().contains(k)).findFirst());
    }

    private static List<DeclaredFile> files(JsonNode files) {
        if (files == null || !files.isArray() || files.isEmpty()) {
            throw malformed("accession.filing.no-files");
        }
        List<DeclaredFile> declared = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode file : files) {
            if (!file.isObject()) {
                throw malformed("accession.filing.bad-json", "files");
            }
            String given = text(file.get("name"), "name");
            String name = given == null ? null : ZipEntryNames.safeRelative(given);
            if (name == null) {
                throw malformed("accession.filing.bad-name", given);
            }
            if (!names.add(name)) {
                throw malformed("accession.filing.name-twice", name);
            }
            declared.add(new DeclaredFile(name, digest(file.get("sha256"), "sha256"), digest(file.get("sm3"), "sm3"),
                    size(file.get("size"))));
        }
        return declared;
    }

    private static String digest(JsonNode node, String algorithm) {
        String value = text(node, algorithm);
        if (value != null && !HEX64.matcher(value).matches()) {
            throw malformed("accession.filing.bad-digest", algorithm, value);
        }
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private static Long size(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.canConvertToLong() || !node.isIntegralNumber() || node.asLong() < 0) {
            throw malformed("accession.filing.bad-json", "size");
        }
        return node.asLong();
    }

    /** A string or a number as text; an object or array where a value belongs is malformed. */
    private static String text(JsonNode node, String name) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isValueNode()) {
            throw malformed("accession.filing.bad-json", name);
        }
        return node.asString();
    }

    private static FilingRefused malformed(String code, Object... args) {
        return new FilingRefused(Kind.MALFORMED, code, args);
    }
}
