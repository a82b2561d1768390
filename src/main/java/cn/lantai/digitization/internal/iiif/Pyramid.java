package cn.lantai.digitization.internal.iiif;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * A page's pre-cut tiles on disk, made once from its master: at each scale factor (1, 2, 4, … until the page fits in
 * one tile) the page scaled down by that factor, cut into {@link #TILE} × {@link #TILE} JPEG tiles
 * ({@code <factor>/<column>_<row>.jpg}), and for the small levels the whole level as one JPEG
 * ({@code <factor>/level.jpg}), which are the info.json's {@code sizes}. {@code pyramid.properties} says what is there;
 * it is written last, so a folder without it is not a pyramid.
 */
public record Pyramid(Path dir, String sha256, int width, int height, boolean colour, List<Integer> scaleFactors,
        List<Integer> wholeLevels) {

    public static final int TILE = 512;
    static final String INDEX = "pyramid.properties";

    public Pyramid {
        scaleFactors = List.copyOf(scaleFactors);
        wholeLevels = List.copyOf(wholeLevels);
    }

    /** The scale factors a page of this size is cut at: 1, 2, 4, … until the scaled page fits one tile. */
    static List<Integer> scaleFactorsFor(int width, int height) {
        List<Integer> factors = new ArrayList<>();
        int f = 1;
        factors.add(f);
        while (ceil(width, f) > TILE || ceil(height, f) > TILE) {
            f *= 2;
            factors.add(f);
        }
        return factors;
    }

    /**
     * The scale factor of the largest level kept whole for a page of this size: the image a manifest paints its canvas
     * with, served as a file, where {@code full/max} would compose the whole page.
     */
    public static int largestWholeLevel(int width, int height) {
        int f = 1;
        while ((long) ceil(width, f) * ceil(height, f) > Pyramids.WHOLE_LEVEL_AREA) {
            f *= 2;
        }
        return f;
    }

    public int levelWidth(int factor) {
        return ceil(width, factor);
    }

    public int levelHeight(int factor) {
        return ceil(height, factor);
    }

    public Path tile(int factor, int column, int row) {
        return dir.resolve(factor + "/" + column + "_" + row + ".jpg");
    }

    public Path level(int factor) {
        return dir.resolve(factor + "/level.jpg");
    }

    /** The tile that an IIIF tile request for this region and size names, if it names one exactly. */
    public Optional<Path> tileFor(ImageRequest.Rect r, int outW, int outH) {
        for (int f : scaleFactors) {
            int span = TILE * f;
            if (r.x() % span == 0 && r.y() % span == 0 && r.w() == Math.min(span, width - r.x())
                    && r.h() == Math.min(span, height - r.y()) && outW == ceil(r.w(), f) && outH == ceil(r.h(), f)) {
                return Optional.of(tile(f, r.x() / span, r.y() / span));
            }
        }
        return Optional.empty();
    }

    /** The whole level of exactly this size, if one is kept. */
    public Optional<Path> levelFor(ImageRequest.Rect r, int outW, int outH) {
        if (r.x() != 0 || r.y() != 0 || r.w() != width || r.h() != height) {
            return Optional.empty();
        }
        return wholeLevels.stream().filter(f -> levelWidth(f) == outW && levelHeight(f) == outH).findFirst()
                .map(this::level);
    }

    /** The coarsest level that still has at least the pixels the answer needs (never fewer: no blur). */
    public int bestLevel(ImageRequest.Rect r, int outW, int outH) {
        int best = 1;
        for (int f : scaleFactors) {
            if ((double) r.w() / f >= outW && (double) r.h() / f >= outH) {
                best = f;
            }
        }
        return best;
    }

    static int ceil(int n, int f) {
        return (n + f - 1) / f;
    }

    void write() {
        Properties p = new Properties();
        p.setProperty("sha256", sha256);
        p.setProperty("width", Integer.toString(width));
        p.setProperty("height", Integer.toString(height));
        p.setProperty("colour", Boolean.toString(colour));
        p.setProperty("tile", Integer.toString(TILE));
        p.setProperty("scaleFactors", join(scaleFactors));
        p.setProperty("wholeLevels", join(wholeLevels));
        try (Writer out = Files.newBufferedWriter(dir.resolve(INDEX), StandardCharsets.UTF_8)) {
            p.store(out, "IIIF tiles of one page, made from its master (SHA-256 " + sha256 + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pyramid in this folder, if it is a whole one. */
    static Optional<Pyramid> read(Path dir) {
        Path index = dir.resolve(INDEX);
        if (!Files.isRegularFile(index)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(index, StandardCharsets.UTF_8)) {
            p.load(in);
            if (Integer.parseInt(p.getProperty("tile")) != TILE) {
                return Optional.empty();
            }
            return Optional.of(new Pyramid(dir, p.getProperty("sha256"), Integer.parseInt(p.getProperty("width")),
                    Integer.parseInt(p.getProperty("height")), Boolean.parseBoolean(p.getProperty("colour")),
                    split(p.getProperty("scaleFactors")), split(p.getProperty("wholeLevels"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String join(List<Integer> list) {
        return String.join(",", list.stream().map(String::valueOf).toList());
    }

    private static List<Integer> split(String text) {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.split(",")).map(Integer::valueOf).toList();
    }
}
