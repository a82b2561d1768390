package cn.lantai.access.internal.certificates;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import cn.lantai.access.Certificate;
import cn.lantai.access.internal.ArchiveClock;
import cn.lantai.audit.ArchiveSeal;
import cn.lantai.audit.SealUnavailable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Makes a certificate's two files from what it shows: the text of its first page in Chinese (the bundle's zh-CN
 * wording), the QR code of the verify URL, the watermarked page images; the PDF sealed by {@link ArchiveSeal}, the
 * OFD sealed through it. Work files lie in a folder under the certificates' directory and are removed after.
 */
@Component
public class CertificateDocuments {

    private final ArchiveSeal seal;
    private final MessageSource messages;
    private final Path dir;
    private final ArchiveClock archiveClock;
    private final DateTimeFormatter date;
    private volatile Font awtFont;

    CertificateDocuments(ArchiveSeal seal, MessageSource messages, ArchiveClock archiveClock,
            @Value("${lantai.certificates.dir:${lantai.data-dir}/certificates}") Path dir) {
        this.archiveClock = archiveClock;
        this.date = archiveClock.format("yyyy年M月d日");
        this.seal = seal;
        this.messages = messages;
        this.dir = dir.toAbsolutePath().normalize();
    }

    /** The year of the moment in the archive's zone: the year of the number, as of the date the certificate prints. */
    public int year(Instant at) {
        return archiveClock.date(at).getYear();
    }

    /** The two signed files. */
    public record Made(byte[] pdf, byte[] ofd) {
    }

    public Made make(Certificate c, String code, String verifyUrl, String visitor, List<BufferedImage> pages,
            String archive) {
        Path fontFile = seal.cjkFont().orElseThrow(() -> new SealUnavailable("no CJK TrueType font"));
        CertificateContent content = new CertificateContent(c.number(), text("heading"),
                lines(c, code, verifyUrl, visitor, pages.size(), archive), QrCodes.of(verifyUrl, 400), pages,
                text("footer", c.number()), archive);
        byte[] pdf = seal.sealPdf(CertificatePdf.render(content, fontFile), archive, text("heading") + " "
                + c.number());
        Path work = null;
        try {
            Files.createDirectories(dir);
            work = Files.createTempDirectory(dir, ".work-");
            byte[] ofd = CertificateOfd.render(content, font(fontFile), seal, work);
            return new Made(pdf, ofd);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the certificate's OFD in " + dir, e);
        } finally {
            remove(work);
        }
    }

    private List<String> lines(Certificate c, String code, String verifyUrl, String visitor, int pages,
            String archive) {
        List<String> lines = new ArrayList<>();
        lines.add(text("archive", archive));
        lines.add(text("number", c.number()));
        lines.add(text("code", code));
        lines.add(text("date", date.format(c.issuedAt())));
        lines.add(text("purpose", messages.getMessage(c.purpose().labelKey(), null, Locale.SIMPLIFIED_CHINESE)));
        if (visitor != null && !visitor.isBlank()) {
            lines.add(text("visitor", visitor));
        }
        lines.add(text("archival-code", c.archivalCode()));
        lines.add(text("title", c.title()));
        lines.add(text("pages", c.firstPage(), c.lastPage(), pages));
        lines.add(text("statement", archive, pages));
        lines.add(text("verify", verifyUrl));
        return lines;
    }

    private String text(String key, Object... args) {
        return messages.getMessage("access.certificate.doc." + key, args, Locale.SIMPLIFIED_CHINESE);
    }

    private Font font(Path file) {
        Font f = awtFont;
        if (f == null) {
            try {
                f = Font.createFont(Font.TRUETYPE_FONT, file.toFile());
            } catch (FontFormatException | IOException e) {
                f = new Font(Font.DIALOG, Font.PLAIN, 12);
            }
            awtFont = f;
        }
        return f;
    }

    private static void remove(Path work) {
        if (work == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a work folder left behind holds only copies of what was certified
        }
    }
}
