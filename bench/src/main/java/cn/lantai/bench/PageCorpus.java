package cn.lantai.bench;

import cn.lantai.digitization.internal.images.PageSamples;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Page images for the digitization benchmarks: a handful of greyscale text pages drawn with Java2D (Chinese where a
 * CJK font is installed) and written once as JPEG with their resolution in the JFIF header; every page file of a
 * corpus is one of them with its own JPEG comment segment (COM) after the start-of-image marker, so that each file
 * has its own SHA-256 and 100,000 files are written in about the time the disk takes. Inboxes are laid out as DA/T 31
 * names them: a folder per 档号 holding {@code 0001.jpg, 0002.jpg, …}.
 */
final class PageCorpus {

    private PageCorpus() {
    }

    /** {@code count} different text pages of {@code width × height} pixels, greyscale, as JPEG at {@code dpi}. */
    static List<byte[]> basePages(int count, int width, int height, int dpi, Path scratch) throws IOException {
        List<byte[]> pages = new ArrayList<>();
        Files.createDirectories(scratch);
        for (int i = 0; i < count; i++) {
            BufferedImage page = greyTextPage(width, height, 12 + 5 * i, i, false);
            Path file = scratch.resolve("base-" + i + ".jpg");
            PageSamples.jpeg(page, dpi, false, file);
            pages.add(Files.readAllBytes(file));
            Files.delete(file);
        }
        return pages;
    }

    /**
     * A greyscale page of text lines with a margin; with {@code paper}, a light paper texture (noise of a few grey
     * levels) as a scanner sees it, so that its JPEG is as large as a scan's.
     */
    static BufferedImage greyTextPage(int width, int height, int lines, long seed, boolean paper) {
        BufferedImage page = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        if (paper) {
            byte[] pixels = ((DataBufferByte) page.getRaster().getDataBuffer()).getData();
            Random rnd = new Random(seed);
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (byte) (236 + rnd.nextInt(12));
            }
        }
        Graphics2D g = page.createGraphics();
        if (!paper) {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
        }
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(30, 30, 30));
        float size = width / 40f;
        Font font = PageSamples.font(size);
        g.setFont(font);
        String line = PageSamples.line();
        int margin = width / 10;
        int y = margin + (int) size;
        for (int i = 0; i < lines && y < height - margin; i++) {
            int from = (int) ((seed + i) % 3);
            String text = line.substring(from, Math.max(from + 4, line.length() - (i * 3) % 7));
            g.drawString(text, margin + (int) (((seed + i) % 4) * size), y);
            y += (int) (size * 1.8f);
        }
        g.dispose();
        return page;
    }

    /** The JPEG with a comment segment (FF FE) holding {@code comment} right after its start-of-image marker. */
    static byte[] withComment(byte[] jpeg, String comment) {
        byte[] text = comment.getBytes(StandardCharsets.UTF_8);
        if (jpeg.length < 2 || (jpeg[0] & 0xff) != 0xff || (jpeg[1] & 0xff) != 0xd8 || text.length > 65_000) {
            throw new IllegalArgumentException("not a JPEG, or a comment too long");
        }
        byte[] out = new byte[jpeg.length + 4 + text.length];
        out[0] = (byte) 0xff;
        out[1] = (byte) 0xd8;
        out[2] = (byte) 0xff;
        out[3] = (byte) 0xfe;
        int length = text.length + 2;
        out[4] = (byte) (length >> 8);
        out[5] = (byte) length;
        System.arraycopy(text, 0, out, 6, text.length);
        System.arraycopy(jpeg, 2, out, 6 + text.length, jpeg.length - 2);
        return out;
    }

    /**
     * Writes {@code pagesPerEntry} pages for each 档号 under {@code batch} ({@code <档号>/0001.jpg …}), each a base page
     * with a comment naming its 档号 and page, on {@code threads} threads; answers the bytes written.
     */
    static long writeInbox(Path batch, List<String> codes, int pagesPerEntry, List<byte[]> bases, int threads)
            throws Exception {
        long[] bytes = new long[threads];
        Parallel.run(threads, codes.size(), (worker, i) -> {
            Path folder = Files.createDirectories(batch.resolve(codes.get(i)));
            for (int p = 1; p <= pagesPerEntry; p++) {
                byte[] jpeg = withComment(bases.get((i + p) % bases.size()), codes.get(i) + " page " + p);
                Files.write(folder.resolve(String.format("%04d.jpg", p)), jpeg);
                bytes[worker] += jpeg.length;
            }
        });
        long total = 0;
        for (long b : bytes) {
            total += b;
        }
        return total;
    }

    /** Runs work over indexes 0…count-1 on a fixed number of threads, failing with the first failure. */
    static final class Parallel {

        interface Task {
            void run(int worker, int index) throws Exception;
        }

        private Parallel() {
        }

        static void run(int threads, int count, Task task) throws Exception {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            try {
                List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
                for (int w = 0; w < threads; w++) {
                    int worker = w;
                    futures.add(pool.submit(() -> {
                        for (int i = worker; i < count; i += threads) {
                            task.run(worker, i);
                        }
                        return null;
                    }));
                }
                for (java.util.concurrent.Future<?> f : futures) {
                    try {
                        f.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        if (e.getCause() instanceof IOException io) {
                            throw new UncheckedIOException(io);
                        }
                        throw e;
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
