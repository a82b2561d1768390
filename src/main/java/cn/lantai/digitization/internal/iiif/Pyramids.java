package cn.lantai.digitization.internal.iiif;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cn.lantai.catalog.ItemId;
import cn.lantai.digitization.ScanPage;
import cn.lantai.digitization.internal.ProcessedPages;
import cn.lantai.digitization.internal.images.UnreadablePage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * The pages' tile pyramids under {@code <derivatives>/iiif/<item id>/<page>-<SHA-256 prefix of the master>/}: made
 * once per page from its master in the archival store (read in place, never written), then every image request is
 * answered from them. A pyramid is built aside ({@code .build-…}) and moved into place whole, so a half-made one is
 * never served; one build per page at a time (a second request for the same page waits for the first and then uses
 * its pyramid); a master of another digest gets a new pyramid and the page's older ones are removed. Building decodes
 * the whole page, so at most {@link #PARALLEL_BUILDS} run at once.
 */
@Component
public class Pyramids {

    static final int PARALLEL_BUILDS = 2;
    /** Levels up to this many pixels are also kept whole (info.json's sizes): thumbnails and overviews. */
    static final long WHOLE_LEVEL_AREA = 2048L * 2048;
    /** Pyramid indexes kept in memory (a few hundred bytes each). */
    private static final int REMEMBERED = 10_000;
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(Pyramids.class);
    /** A pyramid's folder ({@code <page>-<digest>[-<steps>]}) or one being built ({@code .build-<page>-…}). */
    private static final Pattern PAGE_FOLDER = Pattern.compile("^(?:\\.build-)?(\\d+)-");

    private final ProcessedPages processed;
    private final Path root;
    private final ReentrantLock[] locks = new ReentrantLock[256];
    private final Semaphore builds = new Semaphore(PARALLEL_BUILDS);
    private final AtomicLong built = new AtomicLong();
    private final Map<Path, Pyramid> read = new ConcurrentHashMap<>();
    /** Masters that could not be cut, and when: not decoded again for every tile a viewer asks for. */
    private final Map<Path, Long> failed = new ConcurrentHashMap<>();

    Pyramids(ProcessedPages processed, @Value("${lantai.digitization.derivatives}") Path derivatives) {
        this.processed = processed;
        this.root = derivatives.resolve("iiif");
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** The page's pyramid, built first if its master has none yet. */
    public Pyramid of(ScanPage page) {
        ProcessedPages.Steps steps = processed.steps(page);
        Path dir = dirOf(page, steps);
        Pyramid known = read.get(dir);
        if (known != null && Files.isRegularFile(dir.resolve(Pyramid.INDEX))) {
            return known;
        }
        Optional<Pyramid> ready = Pyramid.read(dir);
        if (ready.isPresent()) {
            remember(ready.get());
            return ready.get();
        }
        ReentrantLock lock = locks[Math.floorMod(page.imageId().hashCode(), locks.length)];
        lock.lock();
        try {
            ready = Pyramid.read(dir);
            if (ready.isPresent()) {
                return ready.get();
            }
            Long failedAt = failed.get(dir);
            if (failedAt != null && System.currentTimeMillis() - failedAt < RETRY_AFTER_FAILURE.toMillis()) {
                throw new UnreadablePage("the master of page " + page.imageId() + " could not be read a moment ago");
            }
            Pyramid made;
            try {
                made = build(page, steps, dir);
            } catch (RuntimeException | OutOfMemoryError e) {
                // a master too large to cut in this heap fails like a damaged one: recorded, not retried per tile
                if (failed.size() >= REMEMBERED) {
                    failed.clear();
                }
                failed.put(dir, System.currentTimeMillis());
                if (e instanceof OutOfMemoryError) {
                    log.warn("the master of page {} is too large to cut into tiles in this heap", page.imageId());
                    throw new UnreadablePage("the master of page " + page.imageId()
                            + " cannot be read: it is too large to cut into tiles in the memory this server has");
                }
                throw (RuntimeException) e;
            }
            failed.remove(dir);
            removeOthers(page, dir);
            remember(made);
            return made;
        } finally {
            lock.unlock();
        }
    }

    /** Keeps the pyramid's index in memory: each tile request would otherwise read and parse it again. */
    private void remember(Pyramid pyramid) {
        if (read.size() >= REMEMBERED) {
            read.clear();
        }
        read.put(pyramid.dir(), pyramid);
    }

    /** Where the page's pyramid is (whether made or not). */
    public Path dirOf(ScanPage page) {
        return dirOf(page, processed.steps(page));
    }

    /**
     * The name carries the master's digest and the page's processing ({@link ProcessedPages.Steps#key}): a page
     * turned otherwise by a re-scan of the same master gets new tiles, and the old ones are removed.
     */
    private Path dirOf(ScanPage page, ProcessedPages.Steps steps) {
        String key = steps.key();
        return root.resolve(Long.toString(page.item().value()))
                .resolve(page.page() + "-" + page.sha256().substring(0, Math.min(16, page.sha256().length()))
                        + (key.isEmpty() ? "" : "-" + key));
    }

    /** How many pyramids this process has built (for the metrics and the logs). */
    public long built() {
        return built.get();
    }

    private Pyramid build(ScanPage page, ProcessedPages.Steps steps, Path dir) {
        builds.acquireUninterruptibly();
        Path work = null;
        try {
            Files.createDirectories(dir.getParent());
            work = dir.getParent().resolve(".build-" + page.page() + "-" + UUID.randomUUID());
            Files.createDirectory(work);
            BufferedImage level = normalised(processed.open(page, steps, 0).image(),
                    page.colourMode() == ScanPage.ColourMode.COLOUR);
            boolean colour = level.getType() == BufferedImage.TYPE_INT_RGB;
            int width = level.getWidth();
            int height = level.getHeight();
            List<Integer> factors = Pyramid.scaleFactorsFor(width, height);
            List<Integer> whole = new ArrayList<>();
            for (int f : factors) {
                if (f > 1) {
                    level = half(level, Pyramid.ceil(width, f), Pyramid.ceil(height, f));
                }
                Path folder = Files.createDirectory(work.resolve(Integer.toString(f)));
                cut(level, folder);
                if ((long) level.getWidth() * level.getHeight() <= WHOLE_LEVEL_AREA) {
                    Encoders.jpeg(level, folder.resolve("level.jpg"));
                    whole.add(f);
                }
            }
            new Pyramid(work, page.sha256(), width, height, colour, factors, whole).write();
            try {
                Files.move(work, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                // another node built it meanwhile: theirs is as good as ours
                log.debug("pyramid of {} already in place", page.imageId());
            }
            built.incrementAndGet();
            log.info("IIIF tiles of page {} made: {} × {}, scale factors {}", page.imageId(), width, height, factors);
            return Pyramid.read(dir).orElseThrow(() -> new UnreadablePage("the tiles of " + page.imageId()
                    + " could not be read back"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            builds.release();
            if (work != null) {
                deleteQuietly(work);
            }
        }
    }

    /** The page as RGB (colour) or 8-bit grey (greyscale and bitonal masters), transparency laid on white paper. */
    static BufferedImage normalised(BufferedImage image, boolean colourPage) {
        boolean colour = colourPage && image.getColorModel().getNumColorComponents() > 1;
        if (!colour) {
            return Encoders.grey(image);
        }
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The level below: half the size, each pixel the blend of the (up to) four above it. */
    static BufferedImage half(BufferedImage image, int width, int height) {
        return Encoders.scaled(image, width, height);
    }

    private static void cut(BufferedImage level, Path folder) throws IOException {
        int columns = Pyramid.ceil(level.getWidth(), Pyramid.TILE);
        int rows = Pyramid.ceil(level.getHeight(), Pyramid.TILE);
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                int x = column * Pyramid.TILE;
                int y = row * Pyramid.TILE;
                BufferedImage tile = level.getSubimage(x, y, Math.min(Pyramid.TILE, level.getWidth() - x),
                        Math.min(Pyramid.TILE, level.getHeight() - y));
                Encoders.jpeg(tile, folder.resolve(column + "_" + row + ".jpg"));
            }
        }
    }

    /** Removes the tiles of the entry's pages numbered above {@code lastPage} (a re-scan with fewer pages). */
    public void dropAbove(ItemId item, int lastPage) {
        Path folder = root.resolve(Long.toString(item.value()));
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> pages = Files.list(folder)) {
            pages.filter(p -> {
                Matcher m = PAGE_FOLDER.matcher(p.getFileName().toString());
                return m.find() && m.group(1).length() <= 9 && Integer.parseInt(m.group(1)) > lastPage;
            }).forEach(old -> {
                read.remove(old);
                deleteQuietly(old);
            });
        } catch (IOException e) {
            log.warn("tiles of dropped pages of item {} not removed: {}", item, e.toString());
        }
    }

    /** Removes the page's pyramids of earlier masters and builds left by a crash. */
    private void removeOthers(ScanPage page, Path keep) {
        try (Stream<Path> siblings = Files.list(keep.getParent())) {
            String prefix = page.page() + "-";
            String building = ".build-" + page.page() + "-";
            siblings.filter(p -> !p.equals(keep))
                    .filter(p -> p.getFileName().toString().startsWith(prefix)
                            || p.getFileName().toString().startsWith(building))
                    .forEach(old -> {
                        read.remove(old);
                        deleteQuietly(old);
                    });
        } catch (IOException e) {
            log.warn("old tiles of {} not removed: {}", page.imageId(), e.toString());
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            FileSystemUtils.deleteRecursively(dir);
        } catch (IOException e) {
            log.warn("not removed: {} ({})", dir, e.toString());
        }
    }
}
