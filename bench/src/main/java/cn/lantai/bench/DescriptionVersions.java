package cn.lantai.bench;

import cn.lantai.LantaiApplication;
import cn.lantai.catalog.Description;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.ItemId;
import cn.lantai.preservation.ArchivalStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What keeping every description in the store costs (issue 10, item 9): {@code n} records described into new OCFL
 * objects (the first import of a catalogue), then each description changed once (a second version each), then all
 * sent again unchanged (skipped by the listing's digest), in events of 1,000 on 4 workers as the store's listener
 * does ({@code lantai.store.describe-threads}); against a floor
 * that writes the same JSON as plain files, each forced to disk. Lantai runs in-process on a fresh data directory
 * (H2, no port).
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat bench/work/classpath.txt) cn.lantai.bench.DescriptionVersions 10000 /tmp/dv 4</pre>
 */
public final class DescriptionVersions {

    private DescriptionVersions() {
    }

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path dir = Path.of(args.length > 1 ? args[1] : "bench/work/description-versions").toAbsolutePath();
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        try (ConfigurableApplicationContext lantai = new SpringApplicationBuilder(LantaiApplication.class)
                .run("--lantai.data-dir=" + dir.resolve("lantai"), "--server.port=-1",
                        "--lantai.store.keep-descriptions=false", "--lantai.admin-password=Bench-admin-1",
                        "--lantai.secadmin-password=Bench-secadmin-1", "--lantai.auditor-password=Bench-auditor-1",
                        "--lantai.audit.key-file=" + dir.resolve("keys/sm2-key.pem"), "--logging.level.root=warn")) {
            ArchivalStore store = lantai.getBean(ArchivalStore.class);
            ExecutorService workers = Executors.newFixedThreadPool(threads);
            long created = time(() -> describeAll(store, n, 0, "关于水库建设的请示", workers));
            long changed = time(() -> describeAll(store, n, 1, "关于水库建设与移民安置的请示", workers));
            long unchanged = time(() -> describeAll(store, n, 1, "关于水库建设与移民安置的请示", workers));
            workers.shutdown();
            long floor = time(() -> plainFiles(dir.resolve("floor"), n));
            System.out.printf("%d records, %d workers (floor: one thread)%n", n, threads);
            System.out.printf("new objects (description only): %.1f s, %.0f/s%n", created / 1e9, n / (created / 1e9));
            System.out.printf("a second version each:          %.1f s, %.0f/s%n", changed / 1e9, n / (changed / 1e9));
            System.out.printf("unchanged, skipped:             %.1f s, %.0f/s%n", unchanged / 1e9,
                    n / (unchanged / 1e9));
            System.out.printf("floor, plain files forced:      %.1f s, %.0f/s%n", floor / 1e9, n / (floor / 1e9));
        }
    }

    /** As the store's listener does: events of 1,000 records, each event's records on {@code threads} workers. */
    private static void describeAll(ArchivalStore store, int n, int version, String title, ExecutorService workers) {
        for (int from = 1; from <= n; from += 1000) {
            List<Callable<Boolean>> event = new ArrayList<>();
            for (int i = from; i < Math.min(n + 1, from + 1000); i++) {
                Item item = item(i, version, title);
                event.add(() -> store.describe(item, "bench"));
            }
            try {
                for (Future<Boolean> done : workers.invokeAll(event)) {
                    done.get();
                }
            } catch (InterruptedException | ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static void plainFiles(Path root, int n) {
        for (int i = 1; i <= n; i++) {
            Path file = root.resolve(Integer.toString(i % 1000)).resolve(i + ".json");
            byte[] json = ("{\"id\":" + i + ",\"title\":\"关于水库建设的请示\"}").getBytes(StandardCharsets.UTF_8);
            try {
                Files.createDirectories(file.getParent());
                try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
                    out.write(ByteBuffer.wrap(json));
                    out.force(true);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private static Item item(int i, int version, String title) {
        Map<DescriptionField, String> fields = new EnumMap<>(DescriptionField.class);
        fields.put(DescriptionField.FONDS, "0012");
        fields.put(DescriptionField.CATEGORY, "WS");
        fields.put(DescriptionField.YEAR, Integer.toString(2000 + i / 9999));
        fields.put(DescriptionField.RETENTION, "Y");
        fields.put(DescriptionField.ORG, "BGS");
        fields.put(DescriptionField.ITEM_NO, Integer.toString(1 + i % 9999));
        fields.put(DescriptionField.TITLE, title + " 第" + i + "号");
        fields.put(DescriptionField.DATE, "2019-03-12");
        fields.put(DescriptionField.CREATOR, "区水利局");
        fields.put(DescriptionField.SCOPE_NOTE, "内容提要：" + "水库大坝加固与移民安置".repeat(10));
        Description d = new Description(fields);
        return new Item(new ItemId(i), d.archivalCode().toString(), d, Map.of(), version, null);
    }

    private static long time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }
}
