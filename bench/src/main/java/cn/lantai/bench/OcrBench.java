package cn.lantai.bench;

import cn.lantai.digitization.internal.images.PageImages;
import cn.lantai.digitization.internal.ocr.OcrEngine;
import cn.lantai.digitization.internal.ocr.RapidOcrEngine;
import cn.lantai.digitization.internal.ocr.TesseractEngine;
import cn.lantai.support.ScanRenderer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The OCR benchmark (issue 11): the same generated A4 pages at 300 dpi (Chinese archive text, sparse and dense, some
 * with specks) read by the tesseract CLI run directly with two processes (the baseline), by Lantai's Tesseract engine
 * and by its RapidOCR (PP-OCRv3) engine, each as the OCR job runs it (decoding the page file, a pool sized to the
 * cores). For each: pages per minute and the character error rate against the rendered text (Levenshtein over
 * characters, whitespace ignored, full-width and half-width forms folded by NFKC).
 *
 * <pre>bench/ocr [--no-build] [--pages 12] [--seed 11] [--rapid-detection 1024]</pre>
 */
public final class OcrBench {

    private static final int DPI = 300;

    private static final String[] TITLES = {"关于社会保险的批复", "关于二〇一九年度财政预算执行情况的报告",
        "关于加强城乡居民最低生活保障工作的通知", "区人民政府办公室关于印发档案工作规定的通知",
        "关于申请拨付水利建设专项资金的请示", "关于表彰先进集体和先进个人的决定"};
    private static final String[] SUBJECTS = {"区人民政府", "区财政局", "区人力资源和社会保障局", "各街道办事处",
        "区档案馆", "区民政局", "各有关单位", "区水利局"};
    private static final String[] VERBS = {"认真贯彻落实", "研究决定", "进一步加强", "按照有关规定办理",
        "做好组织实施", "抓紧制定具体方案", "及时报送", "严格审核"};
    private static final String[] OBJECTS = {"社会保险基金的管理和使用", "城乡居民基本养老保险工作",
        "档案资料的收集整理和移交", "财政专项资金的监督检查", "防汛抗旱和水利工程建设",
        "最低生活保障对象的审核认定", "重点项目的建设进度", "安全生产责任制"};
    private static final String[] TAILS = {"特此批复。", "请遵照执行。", "以上报告，请审阅。", "妥否，请批示。",
        "现予以通报。", "确保各项工作落到实处。"};

    private OcrBench() {
    }

    public static void main(String[] args) throws Exception {
        int pages = 12;
        long seed = 11;
        Path work = Path.of("bench/work/ocr");
        String command = "bench/ocr";
        List<Integer> detectionSides = List.of(1024);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--pages" -> pages = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                case "--command" -> command = args[++i];
                case "--rapid-detection" -> detectionSides = java.util.Arrays.stream(args[++i].split(","))
                        .map(Integer::parseInt).toList();
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Files.createDirectories(work);
        List<Path> files = new ArrayList<>();
        List<String> truths = new ArrayList<>();
        Random random = new Random(seed);
        int dense = 0;
        for (int i = 0; i < pages; i++) {
            boolean isDense = i % 2 == 1;
            dense += isDense ? 1 : 0;
            List<String> body = new ArrayList<>();
            int sentences = isDense ? 60 : 5;
            for (int s = 0; s < sentences; s++) {
                body.add(sentence(random));
            }
            ScanRenderer.Page page = ScanRenderer.a4(TITLES[i % TITLES.length], body, isDense ? 10.5f : 16f, DPI,
                    i % 3 == 2, seed + i);
            Path file = work.resolve(String.format(Locale.ROOT, "page-%03d.png", i + 1));
            javax.imageio.ImageIO.write(page.image(), "png", file.toFile());
            files.add(file);
            truths.add(page.text());
        }
        long chars = truths.stream().mapToLong(t -> strip(t).length()).sum();
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "[ocr] %d pages (%d dense), %d characters, %d cores%n", pages, dense, chars,
                cores);

        List<String> rows = new ArrayList<>();
        cli(files.get(0)); // loads chi_sim's data into the page cache for every Tesseract run after
        Result baseline = timed("tesseract CLI, 2 processes", files, truths, 2, OcrBench::cli);
        rows.add(baseline.row(baseline));
        TesseractEngine tesseract = new TesseractEngine("tesseract", "chi_sim", Duration.ofMinutes(5));
        if (tesseract.unavailable() == null) {
            rows.add(timed("Lantai: Tesseract engine (" + cores + " processes)", files, truths, cores,
                    f -> read(tesseract, f)).row(baseline));
        }
        for (int side : detectionSides) {
            RapidOcrEngine rapid = new RapidOcrEngine(cores, side);
            if (rapid.unavailable() == null) {
                read(rapid, files.get(0)); // first use unpacks the models and warms the runtime
                rows.add(timed("Lantai: RapidOCR PP-OCRv3 engine (1 page at a time, " + cores + " threads, detection "
                        + (side == 0 ? "at full size" : "at " + side + " px") + ")", files, truths, cores,
                        f -> read(rapid, f)).row(baseline));
            } else {
                rows.add("| RapidOCR | not run: " + rapid.unavailable() + " | | | |");
            }
        }
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "%d A4 pages at %d dpi (%d sparse, %d dense, every third with "
                + "specks), %d characters; %d cores; `%s`%n%n", pages, DPI, pages - dense, dense, chars, cores,
                command));
        report.append("| reader | pages/min | × CLI | CER | CER sparse / dense |\n|---|---|---|---|---|\n");
        rows.forEach(r -> report.append(r).append('\n'));
        System.out.println(report);
        Files.writeString(work.resolve("report.md"), report.toString(), StandardCharsets.UTF_8);
    }

    interface Reader {
        String read(Path file) throws Exception;
    }

    record Result(String name, double seconds, int pages, double cer, double cerSparse, double cerDense) {

        double perMinute() {
            return pages * 60.0 / seconds;
        }

        String row(Result baseline) {
            return String.format(Locale.ROOT, "| %s | %.1f | %.2f× | %.2f %% | %.2f %% / %.2f %% |", name,
                    perMinute(), perMinute() / baseline.perMinute(), cer * 100, cerSparse * 100, cerDense * 100);
        }
    }

    private static Result timed(String name, List<Path> files, List<String> truths, int threads, Reader reader)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<String>> readings = new ArrayList<>();
        for (Path f : files) {
            readings.add(pool.submit(() -> reader.read(f)));
        }
        List<String> texts = new ArrayList<>();
        for (Future<String> r : readings) {
            texts.add(r.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        long[] errors = new long[2];
        long[] lengths = new long[2];
        for (int i = 0; i < files.size(); i++) {
            String truth = strip(truths.get(i));
            errors[i % 2] += levenshtein(truth, strip(texts.get(i)));
            lengths[i % 2] += truth.length();
        }
        Result result = new Result(name, seconds, files.size(),
                (double) (errors[0] + errors[1]) / (lengths[0] + lengths[1]), (double) errors[0] / lengths[0],
                lengths[1] == 0 ? 0 : (double) errors[1] / lengths[1]);
        System.out.printf(Locale.ROOT, "[ocr] %s: %.1f s, %.1f pages/min, CER %.2f %%%n", name, seconds,
                result.perMinute(), result.cer() * 100);
        return result;
    }

    private static String cli(Path file) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("tesseract", file.toString(), "stdout", "-l", "chi_sim", "--dpi",
                Integer.toString(DPI)).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("tesseract failed on " + file);
        }
        return out;
    }

    private static String read(OcrEngine engine, Path file) {
        BufferedImage page = PageImages.decode(file, 0, 3508);
        return engine.read(page, DPI).text();
    }

    private static String sentence(Random random) {
        return SUBJECTS[random.nextInt(SUBJECTS.length)] + VERBS[random.nextInt(VERBS.length)]
                + OBJECTS[random.nextInt(OBJECTS.length)] + "，" + VERBS[random.nextInt(VERBS.length)]
                + OBJECTS[random.nextInt(OBJECTS.length)] + "，" + TAILS[random.nextInt(TAILS.length)];
    }

    /** Whitespace out, full-width and half-width forms folded (NFKC). */
    static String strip(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }

    static int levenshtein(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= b.length(); j++) {
                int cost = ca == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
