package cn.lantai.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every action written to the trail anywhere in the sources has a name in both languages, and every problem the
 * verification can name is worded in both: the auditor never reads a code. The sources are scanned, so an action a
 * later module adds fails here until it is named.
 */
class AuditActionNamesTest {

    private static final Path SOURCES = Path.of("src/main/java");
    /** A call that writes to the trail, up to the end of its statement. */
    private static final Pattern WRITE = Pattern.compile(
            "(new AuditEvent\\(|\\.record(?:Apart|Refusal|As|All)?\\(|\\baudit\\((?:viewer|actor),)([^;]*);",
            Pattern.DOTALL);
    /** An action code: lower-case words joined by dots, at least two. */
    private static final Pattern CODE = Pattern.compile("\"([a-z][a-z_-]*(?:\\.[a-z][a-z_-]*)+)\"");
    /** A catalogue operation: its kind becomes the action {@code catalog.<kind in lower case>} (ChangeLog). */
    private static final Pattern OPERATION = Pattern.compile("\\.begin\\(\\s*\"([A-Z_]+)\"");

    @Test
    void everyActionWrittenToTheTrailHasANameInChineseAndEnglish() throws IOException {
        Set<String> written = writtenActions();
        assertThat(written).as("the scan finds the actions the code base writes")
                .contains("login.success", "login.failure", "catalog.view", "catalog.update", "catalog.import",
                        "account.roles", "audit.export", "search.rebuild");
        Properties zh = bundle("i18n/audit.properties");
        Properties en = bundle("i18n/audit_en.properties");
        for (String action : written) {
            assertThat(zh.getProperty("audit.action." + action)).as("Chinese name of " + action).isNotBlank();
            assertThat(en.getProperty("audit.action." + action)).as("English name of " + action).isNotBlank();
        }
    }

    @Test
    void everyVerificationProblemIsWordedInBothLanguages() throws Exception {
        Properties zh = bundle("i18n/audit.properties");
        Properties en = bundle("i18n/audit_en.properties");
        for (Field f : ChainVerification.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                String code = (String) f.get(null);
                assertThat(zh.getProperty(code)).as(code).isNotBlank();
                assertThat(en.getProperty(code)).as(code).isNotBlank();
            }
        }
        for (String key : zh.stringPropertyNames()) {
            assertThat(en.getProperty(key)).as("English for " + key).isNotNull();
        }
    }

    static Set<String> writtenActions() throws IOException {
        Set<String> actions = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher call = WRITE.matcher(source);
                while (call.find()) {
                    Matcher code = CODE.matcher(call.group(2));
                    while (code.find()) {
                        actions.add(code.group(1));
                    }
                }
                Matcher op = OPERATION.matcher(source);
                while (op.find()) {
                    actions.add("catalog." + op.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        return actions;
    }

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = AuditActionNamesTest.class.getClassLoader().getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
