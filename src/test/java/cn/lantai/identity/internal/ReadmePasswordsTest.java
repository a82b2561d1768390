package cn.lantai.identity.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * A new archive starts from the README: every example password it gives (LANTAI_ADMIN_PASSWORD='…' and its kin)
 * passes the password policy for the account it is given to, so nobody begins with a password the archive would
 * refuse at the first change.
 */
class ReadmePasswordsTest {

    private static final Pattern GIVEN = Pattern.compile("LANTAI_(ADMIN|SECADMIN|AUDITOR)_PASSWORD='([^']+)'");

    @Test
    void everyExamplePasswordInTheReadmePassesThePolicyForItsAccount() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        PasswordPolicy policy = new PasswordPolicy(10);
        Matcher m = GIVEN.matcher(readme);
        List<String> checked = new ArrayList<>();
        while (m.find()) {
            String username = m.group(1).toLowerCase(Locale.ROOT);
            String password = m.group(2);
            assertThatCode(() -> policy.check(username, password))
                    .as("README's example password for %s", username).doesNotThrowAnyException();
            checked.add(username);
        }
        // the first steps give all three; the evaluation example gives admin's
        assertThat(checked).contains("admin", "secadmin", "auditor");
    }
}
