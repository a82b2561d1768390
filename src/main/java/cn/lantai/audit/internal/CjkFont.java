package cn.lantai.audit.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The TrueType font that carries Chinese text into PDF reports: {@code lantai.fonts.cjk} if set, else the first of
 * Debian's CJK TrueType fonts found. A PDF needs a real TTF to embed (Noto CJK ships only TTC collections): Debian's
 * {@code fonts-arphic-gbsn00lp} (AR PL SungtiL GB, 宋体) is the one to install.
 */
@Component
public class CjkFont {

    static final List<Path> DEBIAN = List.of(
            Path.of("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf"),
            Path.of("/usr/share/fonts/truetype/arphic/gbsn00lp.ttf"),
            Path.of("/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf"),
            Path.of("/usr/share/fonts/truetype/arphic/gkai00mp.ttf"),
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"));

    private final String configured;

    /** The font at {@code configured} when it is set (else one of Debian's), as {@code lantai.fonts.cjk} gives it. */
    public CjkFont(@Value("${lantai.fonts.cjk:}") String configured) {
        this.configured = configured;
    }

    /** The font file to embed; empty when none is configured or found (the report cannot be made). */
    public Optional<Path> file() {
        if (configured != null && !configured.isBlank()) {
            Path given = Path.of(configured.strip());
            return Files.isReadable(given) ? Optional.of(given) : Optional.empty();
        }
        return DEBIAN.stream().filter(Files::isReadable).findFirst();
    }

    /** Where it was looked for, to say so when it was not found. */
    public String searched() {
        return configured != null && !configured.isBlank() ? configured
                : String.join(", ", DEBIAN.stream().map(Path::toString).toList());
    }
}
