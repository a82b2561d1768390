package cn.lantai.preservation.internal.inspection;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import cn.lantai.preservation.FormatReport;

/**
 * Identifies a file's format by its content with Apache Tika's magic (the name is never given to Tika), refines what
 * magic cannot tell (an OFD inside a zip, a PDF/A inside a PDF), then opens the file with a reader for its format:
 * PDFBox for PDF, ImageIO for the header of JPEG, PNG and TIFF, a secure parser for XML, a strict decoder (UTF-8,
 * then GB18030) for text. JPEG 2000, audio and video are judged by their magic alone. Everything is streamed: the
 * size of a file does not decide the memory used.
 */
public final class FormatIdentification {

    private static final MediaType XML = MediaType.application("xml");

    private final MimeTypes types = TikaConfig.getDefaultConfig().getMimeRepository();
    private final Magic magic = new Magic(types);
    private final MediaTypeRegistry registry = types.getMediaTypeRegistry();
    private final Set<String> archivalFormats;

    /** @param archivalFormats the media types kept as archival records ({@code lantai.preservation.archival-formats}) */
    public FormatIdentification(Collection<String> archivalFormats) {
        this.archivalFormats = archivalFormats.stream().map(t -> t.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    public FormatReport identify(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.getFileName(), e);
        }
        if (size == 0) {
            return new FormatReport(MediaType.OCTET_STREAM.toString(), "", false, false, false, FormatReport.EMPTY);
        }
        Reading reading = read(file, magic.detect(file));
        boolean archival = !reading.encrypted() && archivalFormats.contains(reading.mediaType());
        return new FormatReport(reading.mediaType(), reading.formatName(), archival, reading.opens(),
                reading.encrypted(), problem(reading, archival));
    }

    private static String problem(Reading reading, boolean archival) {
        if (reading.encrypted()) {
            return FormatReport.ENCRYPTED;
        }
        if (!archival) {
            return FormatReport.NOT_ARCHIVAL;
        }
        return reading.opens() ? null : FormatReport.UNREADABLE;
    }

    private Reading read(Path file, MediaType type) {
        String mediaType = type.toString();
        return switch (mediaType) {
            case Pdfs.MEDIA_TYPE -> Pdfs.read(file);
            case Zips.ZIP -> Zips.read(file);
            case "image/jpeg", "image/png", "image/tiff" -> readImage(file, mediaType);
            case "image/jp2", "image/jpx", "image/jpm", "image/x-jp2-codestream" -> Reading.opened(mediaType, name(type));
            default -> readOther(file, type);
        };
    }

    private Reading readOther(Path file, MediaType type) {
        String mediaType = type.toString();
        if (registry.isInstanceOf(type, XML)) {
            return new Reading(mediaType, name(type), parsesAsXml(file), false);
        }
        if (registry.isInstanceOf(type, MediaType.TEXT_PLAIN)) {
            return readText(file, mediaType);
        }
        if (type.getType().equals("audio") || type.getType().equals("video")) {
            return Reading.opened(mediaType, name(type));
        }
        return Reading.failed(mediaType, name(type));
    }

    /** Tika's description of the type ({@code Portable Network Graphics}) or, lacking one, its acronym or the type. */
    private String name(MediaType type) {
        try {
            var mime = types.forName(type.toString());
            return !mime.getDescription().isEmpty() ? mime.getDescription()
                    : !mime.getAcronym().isEmpty() ? mime.getAcronym() : type.toString();
        } catch (MimeTypeException e) {
            return type.toString();
        }
    }

    /** Reads the header (format, width, height) only: a scan's pixels are not needed to know it opens. */
    private Reading readImage(Path file, String mediaType) {
        String name = mediaType.substring("image/".length()).toUpperCase(Locale.ROOT);
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? List.<ImageReader>of().iterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Reading.failed(mediaType, name);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new Reading(mediaType, name, reader.getWidth(0) > 0 && reader.getHeight(0) > 0, false);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return Reading.failed(mediaType, name);
        }
    }

    private static boolean parsesAsXml(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            SecureXml.parse(in, new DefaultHandler());
            return true;
        } catch (IOException | SAXException | RuntimeException e) {
            return false;
        }
    }

    /** Plain text must decode without error as UTF-8 or, the older Chinese encoding, GB18030. */
    private static Reading readText(Path file, String mediaType) {
        for (Charset charset : List.of(StandardCharsets.UTF_8, Magic.GB18030)) {
            if (decodes(file, charset)) {
                return Reading.opened(mediaType, "Plain text (" + charset.name() + ")");
            }
        }
        return Reading.failed(mediaType, "Plain text");
    }

    private static boolean decodes(Path file, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader in = new InputStreamReader(Files.newInputStream(file), decoder)) {
            in.transferTo(Writer.nullWriter());
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
