package cn.lantai.digitization.internal.images;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The page image formats Lantai reads, told from a file's first bytes (never its name), the reader chosen for each,
 * and the damage checks the decoders would skip (a JPEG without its end marker, a PNG whose chunks fail their CRCs).
 */
final class ImageFormats {

    /** The formats Lantai reads, told by their first bytes. */
    enum Format {
        TIFF("image/tiff"), JPEG("image/jpeg"), JP2("image/jp2"), PNG("image/png"), PDF("application/pdf");

        final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }
    }

    private ImageFormats() {
    }

    /** The format told by the file's first bytes; an empty, unknown or missing file is unreadable. */
    static Format format(Path file) {
        byte[] head = new byte[16];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (NoSuchFileException e) {
            throw new UnreadablePage(PageImages.name(file) + ": no such file", e);
        } catch (IOException e) {
            throw new UnreadablePage(PageImages.name(file) + ": cannot be opened (" + e.getMessage() + ")", e);
        }
        if (n == 0) {
            throw new UnreadablePage(PageImages.name(file) + ": the file is empty");
        }
        if (n >= 4 && ((head[0] == 'I' && head[1] == 'I' && (head[2] == 42 || head[2] == 43) && head[3] == 0)
                || (head[0] == 'M' && head[1] == 'M' && head[2] == 0 && (head[3] == 42 || head[3] == 43)))) {
            return Format.TIFF;
        }
        if (n >= 3 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xD8 && (head[2] & 0xff) == 0xFF) {
            return Format.JPEG;
        }
        if (n >= 8 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
            return Format.PNG;
        }
        if ((n >= 12 && head[0] == 0 && head[1] == 0 && head[2] == 0 && head[3] == 12 && head[4] == 'j'
                && head[5] == 'P' && head[6] == ' ' && head[7] == ' ')
                || (n >= 4 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0x4F && (head[2] & 0xff) == 0xFF
                        && (head[3] & 0xff) == 0x51)) {
            return Format.JP2;
        }
        if (n >= 5 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F' && head[4] == '-') {
            return Format.PDF;
        }
        throw new UnreadablePage(PageImages.name(file) + ": not a page image format Lantai reads (TIFF, JPEG, JPEG 2000, PNG, PDF)");
    }

    /** The reader for the format: TwelveMonkeys' for TIFF and JPEG, jai-imageio's for JPEG 2000, the JDK's for PNG. */
    static ImageReader reader(ImageInputStream in, Format format, Path file) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        ImageReader chosen = null;
        String preferred = switch (format) {
            case TIFF, JPEG -> "com.twelvemonkeys.";
            case JP2 -> "com.github.jaiimageio.jpeg2000.";
            case PNG -> "com.sun.imageio.plugins.png.";
            case PDF -> "-";
        };
        while (readers.hasNext()) {
            ImageReader candidate = readers.next();
            if (candidate.getClass().getName().startsWith(preferred)) {
                if (chosen != null) {
                    chosen.dispose();
                }
                chosen = candidate;
                break;
            }
            if (chosen == null) {
                chosen = candidate;
            } else {
                candidate.dispose();
            }
        }
        if (chosen == null) {
            throw new UnreadablePage(PageImages.name(file) + ": no reader for " + format.mediaType + " is installed");
        }
        return chosen;
    }

    /**
     * A JPEG must end with its EOI marker (perhaps followed by a little padding): the JDK decoder fills a truncated
     * scan with grey and only warns.
     */
    static void requireJpegEnd(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            int window = (int) Math.min(size, 4096);
            ByteBuffer tail = ByteBuffer.allocate(window);
            channel.position(size - window);
            while (tail.hasRemaining() && channel.read(tail) >= 0) {
                // fill the window
            }
            byte[] bytes = tail.array();
            for (int i = window - 2; i >= 2; i--) {
                if ((bytes[i] & 0xff) == 0xFF && (bytes[i + 1] & 0xff) == 0xD9) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new UnreadablePage(PageImages.name(file) + ": cannot be read (" + e.getMessage() + ")", e);
        }
        throw new UnreadablePage(PageImages.name(file) + ": truncated JPEG (no end-of-image marker)");
    }

    /** Every PNG chunk's CRC must match and the file must reach its IEND chunk (the JDK reader checks neither). */
    static void requireIntactPng(Path file) {
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = new BufferedInputStream(raw, 65536)) {
            in.skipNBytes(8);
            byte[] buffer = new byte[65536];
            while (true) {
                byte[] header = in.readNBytes(8);
                if (header.length < 8) {
                    throw new UnreadablePage(PageImages.name(file) + ": truncated PNG (no IEND chunk)");
                }
                long length = ((header[0] & 0xffL) << 24) | ((header[1] & 0xff) << 16) | ((header[2] & 0xff) << 8)
                        | (header[3] & 0xff);
                if (length > Integer.MAX_VALUE) {
                    throw new UnreadablePage(PageImages.name(file) + ": damaged PNG (chunk length " + length + ")");
                }
                CRC32 crc = new CRC32();
                crc.update(header, 4, 4);
                long left = length;
                while (left > 0) {
                    int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                    if (read < 0) {
                        throw new UnreadablePage(PageImages.name(file) + ": truncated PNG (a chunk ends early)");
                    }
                    crc.update(buffer, 0, read);
                    left -= read;
                }
                byte[] stored = in.readNBytes(4);
                if (stored.length < 4) {
                    throw new UnreadablePage(PageImages.name(file) + ": truncated PNG (a chunk ends early)");
                }
                long expected = ((stored[0] & 0xffL) << 24) | ((stored[1] & 0xff) << 16) | ((stored[2] & 0xff) << 8)
                        | (stored[3] & 0xff);
                String type = new String(header, 4, 4, StandardCharsets.ISO_8859_1);
                if (crc.getValue() != expected) {
                    throw new UnreadablePage(PageImages.name(file) + ": damaged PNG (checksum of chunk " + type + " fails)");
                }
                if (type.equals("IEND")) {
                    return;
                }
            }
        } catch (UnreadablePage e) {
            throw e;
        } catch (IOException e) {
            throw new UnreadablePage(PageImages.name(file) + ": truncated or unreadable PNG (" + e.getMessage() + ")", e);
        }
    }
}
