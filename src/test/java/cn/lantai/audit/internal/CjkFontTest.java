package cn.lantai.audit.internal;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The PDF report's font: the configured file when it is there, none when it is not, else Debian's. */
class CjkFontTest {

    @Test
    void aConfiguredFontThatIsMissingIsNoFontNotAnotherOne(@TempDir Path dir) {
        CjkFont font = new CjkFont(dir.resolve("missing.ttf").toString());
        assertThat(font.file()).isEmpty();
        assertThat(font.searched()).contains("missing.ttf");
    }

    @Test
    void aConfiguredFontIsTakenAsGiven(@TempDir Path dir) throws Exception {
        Path given = Files.writeString(dir.resolve("song.ttf"), "font");
        assertThat(new CjkFont(given.toString()).file()).contains(given);
    }

    @Test
    void withoutConfigurationTheFirstDebianFontFoundIsTaken() {
        CjkFont font = new CjkFont("");
        assertThat(font.file()).isEqualTo(CjkFont.DEBIAN.stream().filter(Files::isReadable).findFirst());
        assertThat(font.searched()).contains("gbsn00lp.ttf");
    }
}
