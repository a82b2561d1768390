package cn.lantai.digitization.internal.images;

import cn.lantai.digitization.ScanPage.ColourMode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.NodeList;

/**
 * Reads page images (TIFF, also multi-page, JPEG, JPEG 2000, PNG, PDF): their pages' sizes, resolutions and colour
 * modes from the headers, and the pixels of one page. A page larger than {@link #MAX_PIXELS} is refused before any
 * pixel is decoded (a decompression bomb claims a huge size in a few bytes).
 */
public final class PageImages {

    /** 20,000 × 20,000 pixels: an A0 sheet at 600 dpi is about 19,900 × 28,000; larger is not a page. */
    public static final long MAX_PIXELS = 400_000_000L;

    private PageImages() {
    }

    /** The file's pages as its headers describe them. */
    public static List<PageInfo> probe(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = reader(in, file);
            try {
                // metadata is read: the TIFF reader leaves out the resolution tags when told to ignore it
                reader.setInput(in, false, false);
                int count = reader.getNumImages(true);
                List<PageInfo> pages = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    pages.add(info(reader, i));
                }
                return pages;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw e instanceof UnreadablePage u ? u : new UnreadablePage(file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** The pixels of the page at {@code index}, subsampled so that neither side exceeds {@code maxSide} (0: whole). */
    public static BufferedImage decode(Path file, int index, int maxSide) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = reader(in, file);
            try {
                reader.setInput(in, false, true);
                PageInfo page = info(reader, index);
                ImageReadParam param = reader.getDefaultReadParam();
                int longest = Math.max(page.width(), page.height());
                if (maxSide > 0 && longest > maxSide) {
                    int step = (longest + maxSide - 1) / maxSide;
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                return reader.read(index, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw e instanceof UnreadablePage u ? u : new UnreadablePage(file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static ImageReader reader(ImageInputStream in, Path file) {
        if (in == null) {
            throw new UnreadablePage(file.getFileName() + ": cannot be opened");
        }
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw new UnreadablePage(file.getFileName() + ": not an image format Lantai reads");
        }
        return readers.next();
    }

    private static PageInfo info(ImageReader reader, int index) throws IOException {
        int width = reader.getWidth(index);
        int height = reader.getHeight(index);
        if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS) {
            throw new UnreadablePage("page " + (index + 1) + " claims " + width + " × " + height
                    + " pixels, more than a page can have");
        }
        IIOMetadata metadata = reader.getImageMetadata(index);
        int[] dpi = dpi(metadata);
        String format = "image/" + reader.getFormatName().toLowerCase(java.util.Locale.ROOT);
        return new PageInfo(index, width, height, dpi[0], dpi[1], colourMode(reader, index), format);
    }

    private static ColourMode colourMode(ImageReader reader, int index) throws IOException {
        var type = reader.getRawImageType(index);
        if (type == null) {
            type = reader.getImageTypes(index).next();
        }
        var model = type.getColorModel();
        if (model.getPixelSize() == 1) {
            return ColourMode.BITONAL;
        }
        return model.getNumColorComponents() == 1 ? ColourMode.GREYSCALE : ColourMode.COLOUR;
    }

    /** Dots per inch from the standard metadata tree (millimetres per pixel); 0 where the file states none. */
    private static int[] dpi(IIOMetadata metadata) {
        int[] dpi = {0, 0};
        if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
            return dpi;
        }
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree("javax_imageio_1.0");
        String[] names = {"HorizontalPixelSize", "VerticalPixelSize"};
        for (int i = 0; i < 2; i++) {
            NodeList nodes = root.getElementsByTagName(names[i]);
            if (nodes.getLength() > 0) {
                float mmPerPixel = Float.parseFloat(((IIOMetadataNode) nodes.item(0)).getAttribute("value"));
                if (mmPerPixel > 0) {
                    dpi[i] = Math.round(25.4f / mmPerPixel);
                }
            }
        }
        return dpi;
    }
}
