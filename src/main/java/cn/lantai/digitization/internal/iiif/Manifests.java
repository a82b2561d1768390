package cn.lantai.digitization.internal.iiif;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.lantai.catalog.Classification;
import cn.lantai.catalog.Description;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.OpenStatus;
import cn.lantai.catalog.Retention;
import cn.lantai.catalog.Viewer;
import cn.lantai.digitization.ScanPage;
import cn.lantai.digitization.ScannedPages;
import cn.lantai.digitization.internal.ProcessedPages;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * An entry's IIIF Presentation API 3.0 manifest: its title as the label, its description (著录项) as metadata pairs
 * labelled in Chinese and English, its scope note (范围和提要) as the summary, and one Canvas per attached page, each
 * painted by the page's image with its Image API 3.0 service (the image at the largest size kept whole, which is served
 * as a file; viewers zoom through the service's tiles). Only the record's own words go in; the pages' sizes
 * come from the page ledger, so making a manifest builds no tiles. The public (a viewer who sees neither unopened nor
 * classified records) reads what the portal shows of a record and no more: {@link #PUBLIC_METADATA}, without the
 * personal names, the retention, the marks of classification and open status, or links to the staff's downloads.
 */
@Component
public class Manifests {

    public static final String CONTEXT = "http://iiif.io/api/presentation/3/context.json";
    /** Where manifests are: {@code <root>/iiif/3/manifests/<item id>}. */
    public static final String PATH = "/iiif/3/manifests/";
    /** Where the image services are: {@code <root>/iiif/3/<item id>-<page>}. */
    public static final String IMAGES = "/iiif/3/";
    static final int THUMBNAIL = 200;
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    /** The description in the manifest's metadata, in the order of the item page. */
    private static final List<DescriptionField> METADATA = List.of(DescriptionField.TITLE, DescriptionField.DATE,
            DescriptionField.CREATOR, DescriptionField.DOC_NUMBER, DescriptionField.RETENTION,
            DescriptionField.CLASSIFICATION, DescriptionField.OPEN_STATUS, DescriptionField.PAGES,
            DescriptionField.CARRIER, DescriptionField.LANGUAGE, DescriptionField.KEYWORDS, DescriptionField.PERSONS);

    /**
     * What the public reads in the metadata: the identification and content elements the portal's record page shows
     * (the portal's own list, kept here so that digitization needs no access module). 人名 may name living people;
     * the classification and open status are always none and 开放 for the public, so saying them says nothing.
     */
    static final List<DescriptionField> PUBLIC_METADATA = List.of(DescriptionField.TITLE, DescriptionField.DATE,
            DescriptionField.CREATOR, DescriptionField.DOC_NUMBER, DescriptionField.PAGES, DescriptionField.CARRIER,
            DescriptionField.LANGUAGE, DescriptionField.KEYWORDS);

    private final ScannedPages pages;
    private final MessageSource messages;

    Manifests(ScannedPages pages, MessageSource messages) {
        this.pages = pages;
        this.messages = messages;
    }

    /**
     * The manifest of the entry (which the viewer has been allowed to see); {@code root} is the application's URL.
     * The public gets the public fields only.
     */
    public Map<String, Object> of(Item item, String root, Viewer viewer) {
        boolean forPublic = isPublic(viewer);
        String id = root + PATH + item.id().value();
        Description d = item.description();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("@context", CONTEXT);
        m.put("id", id);
        m.put("type", "Manifest");
        m.put("label", Map.of("zh", List.of(item.title() == null ? item.archivalCode() : item.title())));
        List<Map<String, Object>> metadata = new ArrayList<>();
        metadata.add(pair(label("archivalCode", "档号"), Map.of("none", List.of(item.archivalCode()))));
        for (DescriptionField field : forPublic ? PUBLIC_METADATA : METADATA) {
            String value = d.get(field);
            if (value != null && !value.isBlank()) {
                metadata.add(pair(label(field.key(), field.label()), value(field, value)));
            }
        }
        m.put("metadata", metadata);
        String scope = d.get(DescriptionField.SCOPE_NOTE);
        if (scope != null && !scope.isBlank()) {
            m.put("summary", Map.of("zh", List.of(scope)));
        }
        if (!forPublic) { // the downloads are the token-only API's: the public would get 401
            m.put("rendering", List.of(
                    rendering(root, item, "pdf", "application/pdf", "PDF（含文字层）", "PDF with a text layer"),
                    rendering(root, item, "ofd", "application/ofd", "OFD（GB/T 33190）", "OFD (GB/T 33190)")));
        }
        m.put("behavior", List.of("paged"));
        m.put("viewingDirection", "left-to-right");
        List<Map<String, Object>> canvases = new ArrayList<>();
        for (ScanPage page : pages.of(item.id())) {
            canvases.add(canvas(id, root + IMAGES + page.imageId(), page));
        }
        m.put("items", canvases);
        return m;
    }

    /** Whether the viewer is the public: sees neither unopened nor classified records. */
    static boolean isPublic(Viewer viewer) {
        return !viewer.seesUnopened() && viewer.clearance() == Classification.NONE;
    }

    /** The whole entry as one document (the derivatives' download: a PDF with its OCR text layer, an OFD). */
    private static Map<String, Object> rendering(String root, Item item, String kind, String format, String zh,
            String en) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", root + "/api/v1/items/" + item.id().value() + "/derivatives/" + kind);
        r.put("type", "Text");
        r.put("label", Map.of("zh", List.of(zh), "en", List.of(en)));
        r.put("format", format);
        return r;
    }

    private Map<String, Object> canvas(String manifest, String service, ScanPage scanned) {
        // sized as shown: a page recorded as turned a quarter stands the other way up
        ScanPage page = ProcessedPages.upright(scanned, pages.turns(scanned.item(), scanned.page()));
        String id = manifest + "/canvas/" + page.page();
        Map<String, Object> canvas = new LinkedHashMap<>();
        canvas.put("id", id);
        canvas.put("type", "Canvas");
        canvas.put("label", Map.of("zh", List.of(messages.getMessage("iiif.page", new Object[] {page.page()}, ZH)),
                "en", List.of(messages.getMessage("iiif.page", new Object[] {page.page()}, Locale.ENGLISH))));
        canvas.put("width", page.width());
        canvas.put("height", page.height());
        int thumbW = Math.min(THUMBNAIL, page.width());
        int thumbH = Math.max(1, (int) Math.round((double) page.height() * thumbW / page.width()));
        canvas.put("thumbnail", List.of(image(service + "/full/" + thumbW + ",/0/default.jpg", thumbW, thumbH,
                service)));
        int f = Pyramid.largestWholeLevel(page.width(), page.height());
        int bodyW = Pyramid.ceil(page.width(), f);
        int bodyH = Pyramid.ceil(page.height(), f);
        Map<String, Object> annotation = new LinkedHashMap<>();
        annotation.put("id", id + "/page/painting");
        annotation.put("type", "Annotation");
        annotation.put("motivation", "painting");
        annotation.put("body", image(service + "/full/" + bodyW + "," + bodyH + "/0/default.jpg", bodyW, bodyH,
                service));
        annotation.put("target", id);
        Map<String, Object> annotationPage = new LinkedHashMap<>();
        annotationPage.put("id", id + "/page");
        annotationPage.put("type", "AnnotationPage");
        annotationPage.put("items", List.of(annotation));
        canvas.put("items", List.of(annotationPage));
        return canvas;
    }

    private static Map<String, Object> image(String id, int width, int height, String service) {
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("id", id);
        image.put("type", "Image");
        image.put("format", "image/jpeg");
        image.put("width", width);
        image.put("height", height);
        image.put("service", List.of(Map.of("id", service, "type", "ImageService3", "profile", IiifImages.PROFILE)));
        return image;
    }

    private Map<String, List<String>> label(String key, String chinese) {
        return Map.of("zh", List.of(chinese), "en", List.of(messages.getMessage("field." + key, null, key,
                Locale.ENGLISH)));
    }

    private Map<String, List<String>> value(DescriptionField field, String value) {
        return switch (field) {
            case CLASSIFICATION -> both(Classification.parse(value).map(Classification::label).orElse(value),
                    "classification." + value, value);
            case OPEN_STATUS -> both(OpenStatus.parse(value).map(OpenStatus::label).orElse(value),
                    "open-status." + value, value);
            case RETENTION -> {
                Retention r = Retention.parse(value).orElse(null);
                yield r == null ? Map.of("none", List.of(value)) : both(r.label(), "retention." + r.name(), value);
            }
            case DATE, PAGES -> Map.of("none", List.of(value));
            default -> Map.of("zh", List.of(value));
        };
    }

    private Map<String, List<String>> both(String chinese, String englishKey, String fallback) {
        return Map.of("zh", List.of(chinese), "en", List.of(messages.getMessage(englishKey, null, fallback,
                Locale.ENGLISH)));
    }

    private static Map<String, Object> pair(Map<String, List<String>> label, Map<String, List<String>> value) {
        Map<String, Object> pair = new LinkedHashMap<>();
        pair.put("label", label);
        pair.put("value", value);
        return pair;
    }
}
