package cn.lantai.catalog.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the items of a category hold under their own fields (stored as JSON by key): read when a field's definition
 * is tightened, to say how many records the new definition would break and name one. One pass over the category's
 * items answers every question asked, however many fields change.
 */
@Repository
public class FieldUsage {

    private static final TypeReference<Map<String, String>> EXTRA = new TypeReference<>() {
    };
    private static final int FETCH = 1000;

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    FieldUsage(JdbcTemplate shared, JsonMapper json) {
        // its own template: the fetch size (PostgreSQL streams rows in a transaction) is not the shared one's
        this.jdbc = new JdbcTemplate(shared.getDataSource());
        this.jdbc.setFetchSize(FETCH);
        this.json = json;
    }

    /**
     * A question about one field: which stored values (null where an item has none) a new definition refuses.
     * {@link #count} and {@link #example} hold the answer after {@link #scan}.
     */
    public static final class Question {

        final String key;
        final Predicate<String> breaks;
        final boolean aboutMissing;
        long count;
        String example;

        public Question(String key, boolean aboutMissing, Predicate<String> breaks) {
            this.key = key;
            this.aboutMissing = aboutMissing;
            this.breaks = breaks;
        }

        public long count() {
            return count;
        }

        /** The 档号 of one record it found, or null. */
        public String example() {
            return example;
        }
    }

    /** Answers the questions over every item of the category (whoever may see them: the definition is for all). */
    public void scan(String category, List<Question> questions) {
        if (questions.isEmpty()) {
            return;
        }
        boolean missingAsked = questions.stream().anyMatch(q -> q.aboutMissing);
        // an item with no own fields at all can only lack a value: read it only when a question is about that
        String sql = "SELECT archival_code, extra FROM item WHERE category_code = ?"
                + (missingAsked ? "" : " AND extra IS NOT NULL");
        jdbc.query(sql, rs -> {
            String text = rs.getString(2);
            Map<String, String> extra = text == null ? Map.of() : json.readValue(text, EXTRA);
            for (Question q : questions) {
                if (q.breaks.test(extra.get(q.key))) {
                    q.count++;
                    if (q.example == null) {
                        q.example = rs.getString(1);
                    }
                }
            }
        }, category);
    }
}
