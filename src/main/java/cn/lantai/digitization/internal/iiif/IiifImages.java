package cn.lantai.digitization.internal.iiif;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;

import javax.imageio.ImageIO;

import cn.lantai.digitization.ScanPage;
import cn.lantai.digitization.internal.iiif.ImageRequest.Format;
import cn.lantai.digitization.internal.iiif.ImageRequest.Limits;
import cn.lantai.digitization.internal.iiif.ImageRequest.Quality;
import cn.lantai.digitization.internal.iiif.ImageRequest.Rect;
import org.springframework.stereotype.Service;

/**
 * The IIIF Image API 3.0 over the pages' pyramids: image information (info.json) and images. A request that names a
 * pre-cut tile or a kept level exactly, in the page's own quality as JPEG without rotation, is the file itself; any
 * other is composed from the tiles of the coarsest level that still has the pixels it needs, then scaled, mirrored,
 * turned, coloured and encoded as asked. The master is never read here, only by {@link Pyramids} once per page.
 */
@Service
public class IiifImages {

    public static final String CONTEXT = "http://iiif.io/api/image/3/context.json";
    public static final String PROTOCOL = "http://iiif.io/api/image";
    public static final String PROFILE = "level2";
    public static final String PROFILE_URI = "http://iiif.io/api/image/3/level2.json";
    /** An A4 page at about 400 dpi at most in one answer; a viewer asks for tiles, not for the whole page at once. */
    public static final Limits LIMITS = new Limits(8000, 8000, 12_000_000L);
    /** The most pixels of a level held at once for one answer: twice the largest answer. */
    static final long COMPOSE_AREA = 2 * LIMITS.maxArea();
    /** The level pixels of one band where a region is composed band by band. */
    static final long BAND_AREA = LIMITS.maxArea() / 4;
    /** Answers composed at once: each holds its region's pixels in memory. */
    private static final Semaphore COMPOSING = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()));

    private final Pyramids pyramids;

    IiifImages(Pyramids pyramids) {
        this.pyramids = pyramids;
    }

    /** An answer: a file of the pyramid to send as it is, or the bytes composed for the request. */
    public record Answer(Path file, byte[] bytes, String mediaType, String etag) {
    }

    /** The image information document (§5) of the page, whose id is {@code serviceId}. */
    public Map<String, Object> info(ScanPage page, String serviceId) {
        Pyramid p = pyramids.of(page);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("@context", CONTEXT);
        info.put("id", serviceId);
        info.put("type", "ImageService3");
        info.put("protocol", PROTOCOL);
        info.put("profile", PROFILE);
        info.put("width", p.width());
        info.put("height", p.height());
        info.put("maxWidth", LIMITS.maxWidth());
        info.put("maxHeight", LIMITS.maxHeight());
        info.put("maxArea", LIMITS.maxArea());
        List<Map<String, Object>> sizes = new ArrayList<>();
        for (int i = p.wholeLevels().size() - 1; i >= 0; i--) {
            int f = p.wholeLevels().get(i);
            sizes.add(Map.of("type", "Size", "width", p.levelWidth(f), "height", p.levelHeight(f)));
        }
        info.put("sizes", sizes);
        info.put("tiles", List.of(Map.of("type", "Tile", "width", Pyramid.TILE, "height", Pyramid.TILE,
                "scaleFactors", p.scaleFactors())));
        info.put("extraQualities", p.colour() ? List.of("color", "gray", "bitonal") : List.of("gray", "bitonal"));
        info.put("extraFeatures", List.of("mirroring", "sizeUpscaling", "profileLinkHeader"));
        return info;
    }

    /** The image the request asks for; {@link BadImageRequest} when it cannot be served. */
    public Answer image(ScanPage page, ImageRequest request) {
        Pyramid p = pyramids.of(page);
        Rect r = request.region(p.width(), p.height());
        int[] size = request.size(r, LIMITS);
        Quality quality = request.effectiveQuality(p.colour());
        String etag = "\"" + p.sha256().substring(0, Math.min(16, p.sha256().length())) + "-"
                + Integer.toHexString((r + "/" + size[0] + "," + size[1] + "/" + request.mirror() + request.rotation()
                        + "/" + quality + "." + request.format()).hashCode()) + "\"";
        boolean asKept = !request.mirror() && request.rotation() == 0 && request.format() == Format.JPG
                && (p.colour() ? quality == Quality.COLOR : quality == Quality.GRAY || quality == Quality.COLOR);
        if (asKept) {
            Optional<Path> kept = p.tileFor(r, size[0], size[1]).or(() -> p.levelFor(r, size[0], size[1]))
                    .filter(Files::isRegularFile);
            if (kept.isPresent()) {
                return new Answer(kept.get(), null, Format.JPG.mediaType(), etag);
            }
        }
        COMPOSING.acquireUninterruptibly();
        try {
            BufferedImage image = compose(p, r, size[0], size[1]);
            image = turned(image, request.mirror(), request.rotation());
            image = coloured(image, quality);
            return new Answer(null, Encoders.encode(image, request.format()), request.format().mediaType(), etag);
        } finally {
            COMPOSING.release();
        }
    }

    /**
     * The region at the asked size, from the tiles of the coarsest level with enough pixels. A region of that level
     * larger than {@link #COMPOSE_AREA} is never held whole: it is composed and scaled in bands of rows, each at most
     * {@link #BAND_AREA} level pixels; a size so lopsided that one row of the answer would need more than
     * {@link #COMPOSE_AREA} of them ({@code full/8000,1} of a large page) is refused.
     */
    static BufferedImage compose(Pyramid p, Rect r, int width, int height) {
        int f = p.bestLevel(r, width, height);
        int x0 = r.x() / f;
        int y0 = r.y() / f;
        int x1 = Math.min(p.levelWidth(f), Pyramid.ceil(r.x() + r.w(), f));
        int y1 = Math.min(p.levelHeight(f), Pyramid.ceil(r.y() + r.h(), f));
        int levelW = Math.max(1, x1 - x0);
        int levelH = Math.max(1, y1 - y0);
        if ((long) levelW * levelH <= COMPOSE_AREA) {
            return Encoders.scaled(levelRegion(p, f, x0, y0, levelW, levelH), width, height);
        }
        double rowsPerRow = (double) levelH / height;
        if (levelW * Math.ceil(rowsPerRow) > COMPOSE_AREA) {
            throw new BadImageRequest("the size " + width + " × " + height + " is too lopsided for the region "
                    + r.w() + " × " + r.h() + ": each row of it would need " + (long) (levelW * Math.ceil(rowsPerRow))
                    + " pixels of the page; ask for a size in proportion to the region");
        }
        BufferedImage out = new BufferedImage(width, height,
                p.colour() ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_BYTE_GRAY);
        int bandRows = (int) Math.max(1, Math.floor(BAND_AREA / (levelW * rowsPerRow)));
        Graphics2D g = out.createGraphics();
        try {
            for (int top = 0; top < height; top += bandRows) {
                int bottom = Math.min(height, top + bandRows);
                int from = (int) Math.floor(top * rowsPerRow);
                int to = bottom == height ? levelH : Math.max(from + 1, (int) Math.round(bottom * rowsPerRow));
                BufferedImage band = levelRegion(p, f, x0, y0 + from, levelW, to - from);
                g.drawImage(Encoders.scaled(band, width, bottom - top), 0, top, null);
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The pixels of level {@code f} from (x0, y0), w × h of them, drawn from its tiles. */
    private static BufferedImage levelRegion(Pyramid p, int f, int x0, int y0, int w, int h) {
        BufferedImage canvas = new BufferedImage(w, h,
                p.colour() ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_BYTE_GRAY);
        int x1 = x0 + w;
        int y1 = y0 + h;
        Graphics2D g = canvas.createGraphics();
        try {
            for (int row = y0 / Pyramid.TILE; row <= (y1 - 1) / Pyramid.TILE; row++) {
                for (int column = x0 / Pyramid.TILE; column <= (x1 - 1) / Pyramid.TILE; column++) {
                    BufferedImage tile = read(p.tile(f, column, row));
                    g.drawImage(tile, column * Pyramid.TILE - x0, row * Pyramid.TILE - y0, null);
                }
            }
        } finally {
            g.dispose();
        }
        return canvas;
    }

    private static BufferedImage read(Path tile) {
        try {
            BufferedImage image = ImageIO.read(tile.toFile());
            if (image == null) {
                throw new IOException("not an image: " + tile);
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException("a tile of the pyramid cannot be read: " + tile, e);
        }
    }

    /** Mirrored on the vertical axis first, then turned clockwise by a right angle (§4.3, §4.6). */
    static BufferedImage turned(BufferedImage image, boolean mirror, int degrees) {
        if (!mirror && degrees == 0) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean quarter = degrees == 90 || degrees == 270;
        BufferedImage out = new BufferedImage(quarter ? h : w, quarter ? w : h, Encoders.kind(image));
        AffineTransform t = new AffineTransform();
        switch (degrees) {
            case 90 -> {
                t.translate(h, 0);
                t.quadrantRotate(1);
            }
            case 180 -> {
                t.translate(w, h);
                t.quadrantRotate(2);
            }
            case 270 -> {
                t.translate(0, w);
                t.quadrantRotate(3);
            }
            default -> {
            }
        }
        if (mirror) {
            t.translate(w, 0);
            t.scale(-1, 1);
        }
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(image, t, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** In the asked quality: grey by luminance, bitonal by a threshold at the middle grey. */
    static BufferedImage coloured(BufferedImage image, Quality quality) {
        if (quality == Quality.COLOR || quality == Quality.DEFAULT) {
            return image;
        }
        BufferedImage grey = Encoders.grey(image);
        if (quality == Quality.GRAY) {
            return grey;
        }
        BufferedImage bitonal = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        var in = grey.getRaster();
        var out = bitonal.getRaster();
        int[] row = new int[grey.getWidth()];
        for (int y = 0; y < grey.getHeight(); y++) {
            in.getSamples(0, y, row.length, 1, 0, row);
            for (int x = 0; x < row.length; x++) {
                row[x] = row[x] >= 128 ? 1 : 0;
            }
            out.setSamples(0, y, row.length, 1, 0, row);
        }
        return bitonal;
    }
}
