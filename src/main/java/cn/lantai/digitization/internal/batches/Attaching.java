package cn.lantai.digitization.internal.batches;

import cn.lantai.catalog.Item;
import cn.lantai.digitization.BatchOptions;
import cn.lantai.digitization.BatchProblem;
import cn.lantai.digitization.PagesAttached;
import cn.lantai.digitization.PagesDropped;
import cn.lantai.digitization.ScanPage;
import cn.lantai.digitization.internal.PageLedger;
import cn.lantai.digitization.internal.batches.PageChecks.CheckedPage;
import cn.lantai.preservation.ArchivalStore;
import cn.lantai.preservation.ContentFile;
import cn.lantai.preservation.Deposit;
import cn.lantai.preservation.PreservationEvent;
import cn.lantai.preservation.StoredFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Attaches (挂接) an entry's checked pages: the masters, unchanged, into the entry's stored object as a new version
 * under {@code content/scans/} with a PREMIS validation event for the checks (and a policy-assignment event for the
 * processing asked of the derivatives), then the page ledger (only when it names what the head holds), then
 * {@link PagesAttached} (and {@link PagesDropped} when a re-scan has fewer pages than the entry had). A master already
 * in the object's head under the
 * same name with the same SHA-256 is not deposited again, so a run resumed after a crash between the store and the
 * database never writes a second version. The ledger and the event join the caller's transaction.
 */
@Component
class Attaching {

    static final String AGENT = "Lantai scan batches";
    /**
     * PREMIS event type for the processing asked of the derivatives: nothing is done to the object now (the masters
     * stay as scanned), a rule for what is made from it is set, which is what the vocabulary's "policy assignment" is.
     */
    static final String POLICY_ASSIGNMENT = "policy assignment";

    private final ArchivalStore store;
    private final PageLedger ledger;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;

    Attaching(ArchivalStore store, PageLedger ledger, ApplicationEventPublisher events, MessageSource messages) {
        this.messages = messages;
        this.store = store;
        this.ledger = ledger;
        this.events = events;
    }

    /** The masters' names in the object (without {@code content/}), one per file of the entry, in page order. */
    static Map<BatchFile, String> masterNames(String code, List<CheckedPage> pages) {
        Map<BatchFile, String> names = new LinkedHashMap<>();
        for (CheckedPage p : pages) {
            names.computeIfAbsent(p.file(), f -> "scans/" + (f.whole() ? safe(code) : String.format("%04d", f.number()))
                    + "." + extension(f.file()));
        }
        return names;
    }

    /** Deposits what the head lacks; answers whether a new version was written. */
    boolean deposit(long batch, Item item, String code, List<CheckedPage> pages, BatchOptions options,
            List<BatchProblem> warnings, String actor) {
        Map<String, String> head = new LinkedHashMap<>();
        for (StoredFile f : store.files(item.id())) {
            head.put(f.name(), f.sha256());
        }
        Map<BatchFile, String> names = masterNames(code, pages);
        Map<String, String> digests = new LinkedHashMap<>();
        pages.forEach(p -> digests.put(names.get(p.file()), p.sha256()));
        List<ContentFile> files = new ArrayList<>();
        // the copy that was hashed and checked, never the batch's path opened again (it may have been swapped since)
        Map<BatchFile, Path> sources = new LinkedHashMap<>();
        pages.forEach(p -> sources.putIfAbsent(p.file(), p.source()));
        names.forEach((file, name) -> {
            if (!digests.get(name).equals(head.get(name))) {
                files.add(new ContentFile(name, sources.get(file), format(file.file())));
            }
        });
        if (files.isEmpty()) {
            return false;
        }
        List<PreservationEvent> premis = new ArrayList<>();
        String checks = "scan batch " + batch + ": " + pages.size() + " page(s) of " + code + " checked (resolution >= "
                + options.requiredDpi() + " dpi, readable, " + (options.blankCheck() ? "blank pages, " : "")
                + "skew <= " + options.maxSkew() + "°, sequence, duplicates, 页数)"
                + (warnings.isEmpty() ? "" : "; warnings: " + String.join("; ", warnings.stream()
                        .map(w -> w.code() + (w.page() == null ? "" : " p" + w.page()) + " "
                        + w.reason(messages, Locale.SIMPLIFIED_CHINESE)).toList()));
        premis.add(PreservationEvent.success(PreservationEvent.VALIDATION, AGENT, checks, null));
        if (options.processing()) {
            premis.add(PreservationEvent.success(POLICY_ASSIGNMENT, AGENT, "processing of the derivatives "
                    + "(the masters stay as scanned): " + processing(options), null));
        }
        store.deposit(new Deposit(item, files, premis, actor, "scan batch " + batch + ": " + files.size()
                + " master(s) of " + pages.size() + " page(s)"));
        return true;
    }

    /**
     * Makes the checked pages the entry's pages (a re-scan replaces them all), with each page's quarter turns
     * ({@code turns} in page order; see {@link PageOrientations}), and announces them.
     */
    void record(Item item, String code, List<CheckedPage> pages, List<Integer> turns, String actor) {
        Map<BatchFile, String> names = masterNames(code, pages);
        List<ScanPage> scanned = new ArrayList<>();
        for (CheckedPage p : pages) {
            scanned.add(new ScanPage(item.id(), scanned.size() + 1, names.get(p.file()), p.info().index(),
                    p.sha256(), p.info().width(), p.info().height(), p.info().dpiX(), p.info().dpiY(),
                    p.info().colourMode()));
        }
        // the ledger names what the store's head holds, or nothing is recorded (the entry's lock should make this moot)
        Map<String, String> head = new HashMap<>();
        store.files(item.id()).forEach(f -> head.put(f.name(), f.sha256()));
        for (ScanPage p : scanned) {
            if (!p.sha256().equals(head.get(p.master()))) {
                throw new IllegalStateException("the stored " + p.master() + " of " + code
                        + " is not the checked file (another batch stored it meanwhile); nothing recorded");
            }
        }
        ledger.record(item.id(), scanned);
        for (int i = 0; i < scanned.size() && i < turns.size(); i++) {
            if (turns.get(i) != 0) {
                ledger.turn(item.id(), i + 1, turns.get(i));
            }
        }
        if (ledger.truncate(item.id(), scanned.size()) > 0) {
            events.publishEvent(new PagesDropped(item.id(), scanned.size()));
        }
        events.publishEvent(new PagesAttached(item.id(), IntStream.rangeClosed(1, scanned.size()).boxed().toList(),
                actor));
    }

    static String processing(BatchOptions options) {
        List<String> steps = new ArrayList<>();
        if (options.deskew()) {
            steps.add("deskew");
        }
        if (options.cropBorders()) {
            steps.add("crop black borders");
        }
        if (options.autoRotate()) {
            steps.add("rotate each page upright as the OCR engine detects its orientation");
        } else if (options.rotate() != 0) {
            steps.add("rotate " + options.rotate() + "°");
        }
        return String.join(", ", steps);
    }

    /** A name part the store takes: the 档号's letters, digits, {@code -} and {@code ·}; anything else becomes _. */
    static String safe(String code) {
        return code.replaceAll("[^0-9A-Za-z·._-]", "_");
    }

    private static String extension(String file) {
        String ext = file.substring(file.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return ext.equals("jpeg") ? "jpg" : ext.equals("tiff") ? "tif" : ext;
    }

    static String format(String file) {
        return switch (extension(file)) {
            case "tif" -> "image/tiff";
            case "jpg" -> "image/jpeg";
            case "png" -> "image/png";
            case "pdf" -> "application/pdf";
            case "jpx" -> "image/jpx";
            default -> "image/jp2";
        };
    }
}
