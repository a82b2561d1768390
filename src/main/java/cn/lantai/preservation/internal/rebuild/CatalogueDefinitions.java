package cn.lantai.preservation.internal.rebuild;

import cn.lantai.catalog.Category;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.Fonds;
import cn.lantai.catalog.OpenStatus;
import cn.lantai.catalog.Retention;
import cn.lantai.catalog.Volume;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalogue's definitions as the {@code lantai:catalog} object keeps them: {@code catalog/fonds.json},
 * {@code catalog/categories.json} (each with its own fields) and the files (卷) in one JSON file per fonds, category
 * and year ({@code catalog/volumes/0012-WS-1988.json}), so a change to one file rewrites a small file. Plain JSON with
 * the catalogue's own keys, readable without Lantai.
 */
final class CatalogueDefinitions {

    static final String FONDS = "catalog/fonds.json";
    static final String CATEGORIES = "catalog/categories.json";
    static final String VOLUMES = "catalog/volumes/";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What was read back, with what could not be. */
    record Read(List<Fonds> fonds, List<Category> categories, List<Volume> volumes, List<String> problems) {
    }

    private CatalogueDefinitions() {
    }

    static Map<String, byte[]> files(List<Fonds> fonds, List<Category> categories, List<Volume> volumes) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(FONDS, write(fonds));
        files.put(CATEGORIES, write(categories));
        Map<String, List<Map<String, Object>>> byGroup = new TreeMap<>();
        for (Volume v : volumes) {
            byGroup.computeIfAbsent(VOLUMES + v.fonds() + "-" + v.category() + "-" + v.year() + ".json",
                    k -> new ArrayList<>()).add(volume(v));
        }
        byGroup.forEach((path, list) -> files.put(path, write(list)));
        return files;
    }

    static Read read(Map<String, byte[]> files) {
        List<String> problems = new ArrayList<>();
        List<Fonds> fonds = new ArrayList<>();
        List<Category> categories = new ArrayList<>();
        List<Volume> volumes = new ArrayList<>();
        readPart(files, FONDS, problems, bytes -> fonds.addAll(JSON.readValue(bytes, new TypeReference<List<Fonds>>() {
        })));
        readPart(files, CATEGORIES, problems, bytes -> categories.addAll(JSON.readValue(bytes,
                new TypeReference<List<Category>>() {
                })));
        files.keySet().stream().filter(path -> path.startsWith(VOLUMES)).sorted().forEach(path ->
                readPart(files, path, problems, bytes -> JSON.readTree(bytes).forEach(v -> volumes.add(volume(v)))));
        return new Read(fonds, categories, volumes, problems);
    }

    private interface Part {
        void read(byte[] bytes);
    }

    private static void readPart(Map<String, byte[]> files, String path, List<String> problems, Part part) {
        byte[] bytes = files.get(path);
        if (bytes == null) {
            problems.add(path + ": missing");
            return;
        }
        try {
            part.read(bytes);
        } catch (RuntimeException e) {
            // the kind only: a parser's message may quote the file, and a file's title may be classified
            problems.add(path + ": unreadable (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static Map<String, Object> volume(Volume v) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", v.id());
        doc.put("archivalCode", v.archivalCode());
        doc.put("fonds", v.fonds());
        doc.put("category", v.category());
        doc.put("year", v.year());
        doc.put("retention", v.retention().code());
        doc.put("org", v.org());
        doc.put("number", v.number());
        doc.put("title", v.title());
        doc.put("classification", v.classification().name());
        doc.put("openStatus", v.openStatus().name());
        doc.put("notes", v.notes());
        doc.put("startDate", v.startDate() == null ? null : v.startDate().toString());
        doc.put("endDate", v.endDate() == null ? null : v.endDate().toString());
        return doc;
    }

    private static Volume volume(JsonNode v) {
        return new Volume(v.required("id").asLong(), v.required("archivalCode").asString(),
                v.required("fonds").asString(), v.required("category").asString(), v.required("year").asInt(),
                Retention.ofCode(v.required("retention").asString()), text(v, "org"), v.required("number").asInt(),
                v.required("title").asString(), Classification.valueOf(v.required("classification").asString()),
                OpenStatus.valueOf(v.required("openStatus").asString()), text(v, "notes"), date(v, "startDate"),
                date(v, "endDate"), 0);
    }

    private static String text(JsonNode v, String key) {
        JsonNode node = v.path(key);
        return node.isNull() || node.isMissingNode() ? null : node.asString();
    }

    private static LocalDate date(JsonNode v, String key) {
        String text = text(v, key);
        return text == null ? null : LocalDate.parse(text);
    }

    private static byte[] write(Object value) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(value);
    }
}
