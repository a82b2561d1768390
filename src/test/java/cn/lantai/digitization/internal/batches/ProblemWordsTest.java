package cn.lantai.digitization.internal.batches;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scan batch's problems, failures and job messages reach people in words of their language: every reason the
 * batches' code can give has a Chinese and an English wording, never a code or an English literal alone.
 */
class ProblemWordsTest {

    private static final Path SOURCES = Path.of("src/main/java/cn/lantai/digitization/internal/batches");
    /** A problem or failure made here, up to the end of its statement; its key is a lower-case hyphenated literal. */
    private static final Pattern CALL = Pattern.compile("(BatchProblem\\.of\\(|\\bproblem\\(Code\\.|new BatchFailure\\()"
            + "([^;]*);", Pattern.DOTALL);
    private static final Pattern KEY = Pattern.compile("\"([a-z]+(?:-[a-z]+)*)\"");

    @Test
    void everyReasonTheBatchesGiveIsWordedInChineseAndEnglish() throws IOException {
        Properties zh = bundle("i18n/messages.properties");
        Properties en = bundle("i18n/messages_en.properties");
        Set<String> keys = new TreeSet<>(Set.of("digitization.problem.link", "digitization.problem.link-outside",
                "digitization.batch.job.done", "digitization.batch.job.paused", "digitization.batch.job.failed",
                "digitization.batch.job.superseded"));
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher call = CALL.matcher(Files.readString(file));
                while (call.find()) {
                    String prefix = call.group(1).startsWith("new BatchFailure") ? "digitization.batch.failure."
                            : "digitization.problem.";
                    Matcher key = KEY.matcher(call.group(2));
                    while (key.find()) {
                        keys.add(prefix + key.group(1));
                    }
                }
            }
        }
        assertThat(keys).as("the scan finds the reasons").contains("digitization.problem.page-missing",
                "digitization.problem.zip-bomb-entry", "digitization.batch.failure.not-zip",
                "digitization.problem.no-entry");
        for (String key : keys) {
            assertThat(zh.getProperty(key)).as("Chinese for " + key).isNotBlank();
            assertThat(en.getProperty(key)).as("English for " + key).isNotBlank();
            assertThat(zh.getProperty(key)).as("Chinese for " + key).doesNotContain("never", "the ");
        }
    }

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ProblemWordsTest.class.getClassLoader().getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
