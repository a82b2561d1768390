package cn.lantai.digitization.internal.images;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataFormatImpl;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.NodeList;

/**
 * A page's dots per inch from the format's own metadata: TIFF tags, the standard metadata tree (JFIF, PNG pHYs, JP2)
 * and a JPEG's EXIF block; 0 where the file states none.
 */
final class Resolutions {

    private Resolutions() {
    }

    /**
     * Dots per inch from the EXIF IFD0 of a JPEG that has no JFIF density (cameras and phone scanners write only EXIF):
     * the marker segments before the first scan are walked, reading at most 1 MB; 0 where none is found.
     */
    static int[] exifDpi(ImageInputStream in) throws IOException {
        long mark = in.getStreamPosition();
        try {
            in.seek(2);
            long limit = 1 << 20;
            while (in.getStreamPosition() < limit) {
                int ff = in.read();
                int marker = in.read();
                if (ff != 0xFF || marker < 0 || marker == 0xDA || marker == 0xD9) {
                    break;
                }
                int length = in.readUnsignedShort();
                if (length < 2) {
                    break;
                }
                if (marker == 0xE1 && length > 14) {
                    byte[] segment = new byte[length - 2];
                    in.readFully(segment);
                    if (segment[0] == 'E' && segment[1] == 'x' && segment[2] == 'i' && segment[3] == 'f') {
                        return exifResolution(ByteBuffer.wrap(segment, 6, segment.length - 6).slice());
                    }
                } else {
                    in.skipBytes(length - 2);
                }
            }
            return new int[] {0, 0};
        } catch (IOException | RuntimeException e) {
            return new int[] {0, 0}; // a garbled EXIF block states no resolution
        } finally {
            in.seek(mark);
        }
    }

    private static int[] exifResolution(ByteBuffer tiff) {
        tiff.order(tiff.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int ifd = tiff.getInt(4);
        int entries = tiff.getShort(ifd) & 0xffff;
        double x = 0;
        double y = 0;
        int unit = 2;
        for (int i = 0; i < entries; i++) {
            int at = ifd + 2 + 12 * i;
            int tag = tiff.getShort(at) & 0xffff;
            int type = tiff.getShort(at + 2) & 0xffff;
            if ((tag == 282 || tag == 283) && type == 5) {
                int offset = tiff.getInt(at + 8);
                long numerator = tiff.getInt(offset) & 0xffffffffL;
                long denominator = tiff.getInt(offset + 4) & 0xffffffffL;
                double value = denominator == 0 ? 0 : (double) numerator / denominator;
                if (tag == 282) {
                    x = value;
                } else {
                    y = value;
                }
            } else if (tag == 296 && type == 3) {
                unit = tiff.getShort(at + 8) & 0xffff;
            }
        }
        if (unit != 2 && unit != 3) {
            return new int[] {0, 0};
        }
        double perInch = unit == 3 ? 2.54 : 1;
        int dx = sane(x * perInch);
        int dy = sane(y * perInch);
        return new int[] {dx == 0 ? dy : dx, dy == 0 ? dx : dy};
    }

    private static final String TIFF_METADATA = "com_sun_media_imageio_plugins_tiff_image_1.0";

    /**
     * Dots per inch from the TIFF's own XResolution, YResolution and ResolutionUnit tags (the standard tree reports
     * 72 dpi for a TIFF that states none); 0 where the file states none or states no unit.
     */
    static int[] tiffDpi(IIOMetadata metadata) {
        int[] dpi = {0, 0};
        if (metadata == null || !Arrays.asList(metadata.getMetadataFormatNames()).contains(TIFF_METADATA)) {
            return dpi(metadata);
        }
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(TIFF_METADATA);
        NodeList fields = root.getElementsByTagName("TIFFField");
        double x = 0;
        double y = 0;
        int unit = 2;
        for (int i = 0; i < fields.getLength(); i++) {
            IIOMetadataNode field = (IIOMetadataNode) fields.item(i);
            String number = field.getAttribute("number");
            switch (number) {
                case "282" -> x = rational(field);
                case "283" -> y = rational(field);
                case "296" -> unit = (int) rational(field);
                default -> {
                }
            }
        }
        if (unit != 2 && unit != 3) {
            return dpi;
        }
        double perInch = unit == 3 ? 2.54 : 1;
        dpi[0] = sane(x * perInch);
        dpi[1] = sane(y * perInch);
        if (dpi[0] == 0) {
            dpi[0] = dpi[1];
        } else if (dpi[1] == 0) {
            dpi[1] = dpi[0];
        }
        return dpi;
    }

    /** The first value of a TIFF field in the native tree ("300/1", "300" or a number). */
    private static double rational(IIOMetadataNode field) {
        NodeList values = field.getElementsByTagName("*");
        for (int i = 0; i < values.getLength(); i++) {
            String value = ((IIOMetadataNode) values.item(i)).getAttribute("value");
            if (value != null && !value.isEmpty()) {
                try {
                    int slash = value.indexOf('/');
                    if (slash < 0) {
                        return Double.parseDouble(value);
                    }
                    double denominator = Double.parseDouble(value.substring(slash + 1));
                    return denominator == 0 ? 0 : Double.parseDouble(value.substring(0, slash)) / denominator;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0;
    }

    private static int sane(double dpi) {
        return Double.isFinite(dpi) && dpi >= 1 && dpi <= 100_000 ? (int) Math.round(dpi) : 0;
    }

    /** Dots per inch from the standard metadata tree (millimetres per pixel); 0 where the file states none. */
    static int[] dpi(IIOMetadata metadata) {
        int[] dpi = {0, 0};
        if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
            return dpi;
        }
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(IIOMetadataFormatImpl.standardMetadataFormatName);
        String[] names = {"HorizontalPixelSize", "VerticalPixelSize"};
        for (int i = 0; i < 2; i++) {
            NodeList nodes = root.getElementsByTagName(names[i]);
            if (nodes.getLength() > 0) {
                try {
                    float mmPerPixel = Float.parseFloat(((IIOMetadataNode) nodes.item(0)).getAttribute("value"));
                    if (mmPerPixel > 0 && Float.isFinite(mmPerPixel)) {
                        long value = Math.round(25.4 / mmPerPixel);
                        dpi[i] = value > 100_000 ? 0 : (int) value;
                    }
                } catch (NumberFormatException e) {
                    // a value the file garbles is a value it does not state
                }
            }
        }
        if (dpi[0] == 0 && dpi[1] > 0) {
            dpi[0] = dpi[1];
        } else if (dpi[1] == 0 && dpi[0] > 0) {
            dpi[1] = dpi[0];
        }
        return dpi;
    }
}
