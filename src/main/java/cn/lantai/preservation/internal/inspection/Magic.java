package cn.lantai.preservation.internal.inspection;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;

/**
 * The media type from a file's first bytes: Tika's magic, told nothing of the name, then two refinements Tika's core
 * leaves to its parser modules. An ISO base media file (ftyp box) with an MP4 brand is {@code video/mp4}, not
 * QuickTime (cameras and ffmpeg write the brand {@code isom}); text in GB18030, which Tika's statistics take for
 * binary, is {@code text/plain} when its head decodes strictly and holds no control characters.
 */
final class Magic {

    /** Tika's magic needs at most this much (its longest offset is below 64 KB). */
    static final int HEAD = 1 << 16;
    static final Charset GB18030 = Charset.forName("GB18030");
    private static final Set<String> MP4_BRANDS = Set.of("isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42",
            "avc1", "dash");
    private static final MediaType QUICKTIME = MediaType.video("quicktime");

    private final Detector detector;

    Magic(Detector detector) {
        this.detector = detector;
    }

    MediaType detect(Path file) {
        byte[] head = head(file);
        MediaType type;
        try (InputStream in = new ByteArrayInputStream(head)) {
            type = detector.detect(in, new Metadata()).getBaseType();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (type.equals(QUICKTIME) && hasMp4Brand(head)) {
            return MediaType.video("mp4");
        }
        if (type.equals(MediaType.OCTET_STREAM) && looksLikeGb18030Text(head)) {
            return MediaType.TEXT_PLAIN;
        }
        return type;
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.getFileName(), e);
        }
    }

    /** ISO/IEC 14496-12: {@code [size]ftyp[major brand][minor version][compatible brands…]}, the box first. */
    static boolean hasMp4Brand(byte[] head) {
        if (head.length < 16) {
            return false;
        }
        long boxSize = ByteBuffer.wrap(head, 0, 4).getInt() & 0xffffffffL;
        int end = (int) Math.min(Math.min(boxSize, head.length), 4096);
        for (int offset = 8; offset + 4 <= end; offset += offset == 8 ? 8 : 4) {
            if (MP4_BRANDS.contains(new String(head, offset, 4, StandardCharsets.ISO_8859_1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean looksLikeGb18030Text(byte[] head) {
        for (byte b : head) {
            if ((b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7f) {
                return false;
            }
        }
        CharsetDecoder decoder = GB18030.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(head.length);
        // not the end of input: a character cut by the head's end is no error
        CoderResult result = decoder.decode(ByteBuffer.wrap(head), out, false);
        return !result.isError();
    }
}
