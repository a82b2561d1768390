package cn.lantai.digitization.internal.iiif;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An image request's parameters as IIIF Image API 3.0 §4 spells them ({@code region/size/rotation/quality.format}),
 * read strictly: anything the grammar does not allow, and anything it allows that this service does not do (an
 * arbitrary rotation, a format other than jpg or png), is refused with 400 as §4.1–4.5 and §4.7 ask. Resolving the
 * region and size against an image ({@link #resolve}) applies the rules that need its size and the service's limits.
 */
public record ImageRequest(Region region, Size size, boolean mirror, int rotation, Quality quality, Format format) {

    /** Decimal digits and "." only (§4.7): no sign, no exponent, no leading "." */
    private static final String NUMBER = "(\\d+(?:\\.\\d+)?)";
    private static final Pattern PIXELS = Pattern.compile("(\\d{1,9}),(\\d{1,9}),(\\d{1,9}),(\\d{1,9})");
    private static final Pattern PERCENTS = Pattern.compile("pct:" + NUMBER + "," + NUMBER + "," + NUMBER + "," + NUMBER);
    private static final Pattern SIZE_WH = Pattern.compile("(!)?(\\d{1,9})?,(\\d{1,9})?");
    private static final Pattern SIZE_PCT = Pattern.compile("pct:" + NUMBER);
    private static final Pattern ROTATION = Pattern.compile("(!)?" + NUMBER);

    public enum Quality { DEFAULT, COLOR, GRAY, BITONAL }

    public enum Format {
        JPG("image/jpeg", "jpeg"), PNG("image/png", "png");

        private final String mediaType;
        private final String writer;

        Format(String mediaType, String writer) {
            this.mediaType = mediaType;
            this.writer = writer;
        }

        public String mediaType() {
            return mediaType;
        }

        /** The ImageIO writer's format name. */
        public String writer() {
            return writer;
        }
    }

    /** The region: full, square, pixels or percentages (of the full image). */
    public interface Region {
    }

    public record Full() implements Region {
    }

    public record Square() implements Region {
    }

    public record Pixels(long x, long y, long w, long h) implements Region {
    }

    public record Percent(double x, double y, double w, double h) implements Region {
    }

    /**
     * The size: {@code max} ({@code width} and {@code height} null), {@code w,}, {@code ,h}, {@code w,h}, {@code !w,h}
     * ({@code confined}) or {@code pct:n} ({@code percent}); {@code upscale} for the {@code ^} forms.
     */
    public record Size(boolean upscale, boolean max, Integer width, Integer height, boolean confined, Double percent) {
    }

    /** A rectangle of the full image, in its pixels. */
    public record Rect(int x, int y, int w, int h) {
    }

    /** The service's limits on an answer's size (info.json's maxWidth, maxHeight, maxArea). */
    public record Limits(int maxWidth, int maxHeight, long maxArea) {
    }

    public static ImageRequest parse(String region, String size, String rotation, String qualityAndFormat) {
        int dot = qualityAndFormat.lastIndexOf('.');
        if (dot <= 0) {
            throw new BadImageRequest("quality and format must be given as {quality}.{format}");
        }
        String[] rotated = rotation(rotation);
        return new ImageRequest(region(region), size(size), rotated[0] != null, Integer.parseInt(rotated[1]),
                quality(qualityAndFormat.substring(0, dot)), format(qualityAndFormat.substring(dot + 1)));
    }

    static Region region(String text) {
        if (text.equals("full")) {
            return new Full();
        }
        if (text.equals("square")) {
            return new Square();
        }
        Matcher px = PIXELS.matcher(text);
        if (px.matches()) {
            return new Pixels(Long.parseLong(px.group(1)), Long.parseLong(px.group(2)), Long.parseLong(px.group(3)),
                    Long.parseLong(px.group(4)));
        }
        Matcher pct = PERCENTS.matcher(text);
        if (pct.matches()) {
            return new Percent(percent(pct.group(1)), percent(pct.group(2)), percent(pct.group(3)),
                    percent(pct.group(4)));
        }
        throw new BadImageRequest("region must be full, square, x,y,w,h or pct:x,y,w,h");
    }

    static Size size(String text) {
        boolean upscale = text.startsWith("^");
        String rest = upscale ? text.substring(1) : text;
        if (rest.equals("max")) {
            return new Size(upscale, true, null, null, false, null);
        }
        Matcher pct = SIZE_PCT.matcher(rest);
        if (pct.matches()) {
            double n = percent(pct.group(1));
            if (!upscale && n > 100) {
                throw new BadImageRequest("pct:n above 100 needs ^ (upscaling)");
            }
            return new Size(upscale, false, null, null, false, n);
        }
        Matcher wh = SIZE_WH.matcher(rest);
        if (wh.matches() && (wh.group(2) != null || wh.group(3) != null)) {
            boolean confined = wh.group(1) != null;
            if (confined && (wh.group(2) == null || wh.group(3) == null)) {
                throw new BadImageRequest("!w,h needs both a width and a height");
            }
            Integer w = wh.group(2) == null ? null : Integer.valueOf(wh.group(2));
            Integer h = wh.group(3) == null ? null : Integer.valueOf(wh.group(3));
            if ((w != null && w == 0) || (h != null && h == 0)) {
                throw new BadImageRequest("a size of 0 pixels");
            }
            return new Size(upscale, false, w, h, confined, null);
        }
        throw new BadImageRequest("size must be max, w,, ,h, w,h, !w,h or pct:n, each optionally after ^");
    }

    /** {mirror or null, degrees}: 0, 90, 180, 270 (360 is 0); other angles from 0 to 360 are valid but not served. */
    static String[] rotation(String text) {
        Matcher m = ROTATION.matcher(text);
        if (!m.matches()) {
            throw new BadImageRequest("rotation must be n or !n with n a number from 0 to 360");
        }
        BigDecimal degrees = new BigDecimal(m.group(2));
        if (degrees.compareTo(BigDecimal.valueOf(360)) > 0) {
            throw new BadImageRequest("rotation beyond 360 degrees");
        }
        if (degrees.remainder(BigDecimal.valueOf(90)).signum() != 0) {
            // §4.3: an unsupported rotation is a 400; this service turns pages by right angles only
            throw new BadImageRequest("only rotations by multiples of 90 degrees are supported");
        }
        return new String[] {m.group(1), Integer.toString(degrees.intValue() % 360)};
    }

    static Quality quality(String text) {
        return switch (text) {
            case "default" -> Quality.DEFAULT;
            case "color" -> Quality.COLOR;
            case "gray" -> Quality.GRAY;
            case "bitonal" -> Quality.BITONAL;
            default -> throw new BadImageRequest("quality must be default, color, gray or bitonal");
        };
    }

    static Format format(String text) {
        return switch (text) {
            case "jpg" -> Format.JPG;
            case "png" -> Format.PNG;
            default -> throw new BadImageRequest("format " + (text.length() > 10 ? "" : "'" + text + "' ")
                    + "is not served; jpg and png are");
        };
    }

    private static double percent(String text) {
        double n = Double.parseDouble(text);
        if (!Double.isFinite(n) || text.length() > 20) {
            throw new BadImageRequest("not a percentage: " + text);
        }
        return n;
    }

    /** The region in the full image's pixels, cropped at its edges (§4.1); 400 when nothing of it is left. */
    public Rect region(int width, int height) {
        if (region instanceof Pixels p) {
            return crop(p.x(), p.y(), p.w(), p.h(), width, height);
        }
        if (region instanceof Percent p) {
            return crop(Math.round(p.x() * width / 100), Math.round(p.y() * height / 100),
                    Math.round(p.w() * width / 100), Math.round(p.h() * height / 100), width, height);
        }
        if (region instanceof Square) {
            int side = Math.min(width, height);
            return new Rect((width - side) / 2, (height - side) / 2, side, side);
        }
        return new Rect(0, 0, width, height);
    }

    private static Rect crop(long x, long y, long w, long h, int width, int height) {
        if (w <= 0 || h <= 0) {
            throw new BadImageRequest("the region has no width or no height");
        }
        if (x >= width || y >= height) {
            throw new BadImageRequest("the region lies outside the image (" + width + " × " + height + ")");
        }
        return new Rect((int) x, (int) y, (int) Math.min(w, width - x), (int) Math.min(h, height - y));
    }

    /** The answer's size in pixels before rotation (§4.2), within the limits; 400 when it cannot be. */
    public int[] size(Rect r, Limits limits) {
        int w;
        int h;
        if (size.max()) {
            double scale = 1;
            if (size.upscale() || r.w() > limits.maxWidth() || r.h() > limits.maxHeight()
                    || (long) r.w() * r.h() > limits.maxArea()) {
                scale = fit(r.w(), r.h(), limits.maxWidth(), limits.maxHeight(), limits);
            }
            w = scaled(r.w(), scale, limits.maxWidth());
            h = scaled(r.h(), scale, limits.maxHeight());
        } else if (size.percent() != null) {
            // a percentage may be as large as the grammar lets it be: clamped before the cast, never wrapped round
            w = clamped(r.w() * size.percent() / 100);
            h = clamped(r.h() * size.percent() / 100);
        } else if (size.confined()) {
            double scale = fit(r.w(), r.h(), size.width(), size.height(), limits);
            if (!size.upscale()) {
                scale = Math.min(scale, 1);
            }
            w = scaled(r.w(), scale, Math.min(size.width(), size.upscale() ? Integer.MAX_VALUE : r.w()));
            h = scaled(r.h(), scale, Math.min(size.height(), size.upscale() ? Integer.MAX_VALUE : r.h()));
        } else if (size.width() != null && size.height() != null) {
            w = size.width();
            h = size.height();
        } else if (size.width() != null) {
            w = size.width();
            h = (int) Math.max(1, Math.round((double) r.h() * w / r.w()));
        } else {
            h = size.height();
            w = (int) Math.max(1, Math.round((double) r.w() * h / r.h()));
        }
        if ((size.max() || size.confined()) && (long) w * h > limits.maxArea()) {
            // rounding took a size fitted to the area limit just past it: shrink each side by its last pixel
            w = Math.max(1, w - 1);
            h = Math.max(1, h - 1);
        }
        if (w < 1 || h < 1) {
            throw new BadImageRequest("the size comes to less than one pixel");
        }
        if (!size.upscale() && (w > r.w() || h > r.h())) {
            throw new BadImageRequest("a size larger than the region needs ^ (upscaling)");
        }
        if (w > limits.maxWidth() || h > limits.maxHeight() || (long) w * h > limits.maxArea()) {
            throw new BadImageRequest("the size " + w + " × " + h + " exceeds the service's limits ("
                    + limits.maxWidth() + " × " + limits.maxHeight() + ", " + limits.maxArea() + " pixels)");
        }
        return new int[] {w, h};
    }

    /** A computed side as an int, rounded; past {@code Integer.MAX_VALUE} it stays there (and fails the limits). */
    private static int clamped(double side) {
        return (int) Math.min(Integer.MAX_VALUE, Math.round(side));
    }

    /** A side scaled, rounded (1,800 × 1/9 is 200, not 199.99…), never past its bound nor below one pixel. */
    private static int scaled(int side, double scale, int bound) {
        return (int) Math.max(1, Math.min(bound, Math.round(side * scale)));
    }

    /** The largest scale at which w × h fits in boxW × boxH and the limits. */
    private static double fit(int w, int h, int boxW, int boxH, Limits limits) {
        double scale = Math.min((double) Math.min(boxW, limits.maxWidth()) / w,
                (double) Math.min(boxH, limits.maxHeight()) / h);
        double area = (double) w * h * scale * scale;
        if (area > limits.maxArea()) {
            scale *= Math.sqrt(limits.maxArea() / area);
        }
        return scale;
    }

    /** The quality asked for, with {@code default} as the page's own. */
    public Quality effectiveQuality(boolean colourPage) {
        if (quality == Quality.DEFAULT) {
            return colourPage ? Quality.COLOR : Quality.GRAY;
        }
        return quality;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s/%s/%s%d/%s.%s", region, size, mirror ? "!" : "", rotation,
                quality.name().toLowerCase(Locale.ROOT), format.name().toLowerCase(Locale.ROOT));
    }
}
