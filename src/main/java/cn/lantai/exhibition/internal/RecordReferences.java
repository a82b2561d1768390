package cn.lantai.exhibition.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import cn.lantai.catalog.ArchivalCode;
import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.DigitizedPages;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.ItemFilter;
import cn.lantai.catalog.ItemId;
import cn.lantai.catalog.ItemNotFound;
import cn.lantai.catalog.Viewer;
import cn.lantai.exhibition.ExhibitionProblem;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The module's reading of the catalogue, always through its public API and with a viewer's sight: a record named by
 * id or 档号, the records of an exhibition that the public ({@link #PUBLIC}) may read now, and how many scanned pages a
 * record has. What the viewer may not see is simply not found.
 */
@Component
public class RecordReferences {

    /** The public, as the portal reads: open, unclassified records only. */
    public static final Viewer PUBLIC = Viewer.publicUser("exhibition-public");
    /** The longest reference read: an id or a 档号. */
    public static final int MAX_REFERENCE = 100;

    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");

    private final CatalogManagement catalog;
    private final ObjectProvider<DigitizedPages> digitized;

    RecordReferences(CatalogManagement catalog, ObjectProvider<DigitizedPages> digitized) {
        this.catalog = catalog;
        this.digitized = digitized;
    }

    /**
     * The record named by its id or 档号 among those the viewer may see; empty when there is none.
     *
     * @throws ExhibitionProblem 422 {@code exhibition.record.bad-reference} for nothing named, or neither an id nor a 档号
     */
    public Optional<Item> find(String reference, Viewer viewer) {
        String named = reference == null ? "" : reference.strip();
        if (named.isEmpty() || named.length() > MAX_REFERENCE) {
            throw new ExhibitionProblem(422, "exhibition.record.bad-reference", shown(named));
        }
        if (ID.matcher(named).matches()) {
            try {
                return Optional.of(catalog.item(new ItemId(Long.parseLong(named)), viewer));
            } catch (ItemNotFound e) {
                return Optional.empty();
            }
        }
        String code = ArchivalCode.normalise(named)
                .orElseThrow(() -> new ExhibitionProblem(422, "exhibition.record.bad-reference", shown(named)));
        ArchivalCode c = ArchivalCode.parse(code).or(() -> ArchivalCode.parseInFile(code)).orElseThrow();
        List<Item> found = new ArrayList<>();
        catalog.forEachItem(new ItemFilter(c.fonds(), c.category(), c.year(), c.year(), c.retention(), null, null,
                null, null), viewer, 1000, batch -> batch.stream().filter(i -> i.archivalCode() != null
                        && ArchivalCode.normalise(i.archivalCode()).filter(code::equals).isPresent()
                        && viewer.maySee(i.description())).forEach(found::add));
        return found.stream().findFirst();
    }

    /** Of these items, those the public may read now, by id (one query; a refusal is not a view to audit). */
    public Map<Long, Item> publicOnes(Collection<Long> ids) {
        Map<Long, Item> open = new LinkedHashMap<>();
        List<Long> wanted = ids.stream().distinct().toList();
        for (int from = 0; from < wanted.size(); from += 500) {
            List<Long> batch = wanted.subList(from, Math.min(wanted.size(), from + 500));
            for (Item i : catalog.list(ItemFilter.ofIds(batch), PUBLIC, 0, 500).items()) {
                // the catalogue filtered for the public already; kept as a second lock
                if (!Viewer.controlled(i.description().classification(), i.description().openStatus())) {
                    open.put(i.id().value(), i);
                }
            }
        }
        return open;
    }

    /** Of these items, the ids of those the viewer may see now (one query per 500; listing them is no view to audit). */
    public Set<Long> visibleIds(Collection<Long> ids, Viewer viewer) {
        Set<Long> visible = new HashSet<>();
        List<Long> wanted = ids.stream().distinct().toList();
        for (int from = 0; from < wanted.size(); from += 500) {
            List<Long> batch = wanted.subList(from, Math.min(wanted.size(), from + 500));
            for (Item i : catalog.list(ItemFilter.ofIds(batch), viewer, 0, 500).items()) {
                // the catalogue applied the viewer's sight already; kept as a second lock
                if (viewer.maySee(i.description())) {
                    visible.add(i.id().value());
                }
            }
        }
        return visible;
    }

    /** How many scanned pages (画幅) the record has; 0 when none. */
    public int pages(long item) {
        DigitizedPages scans = digitized.getIfAvailable();
        return scans == null ? 0 : scans.pages(new ItemId(item));
    }

    /** The IIIF Image API path of a page at most {@code box} pixels a side ({@code full} for the whole image). */
    public static String image(long item, int page, String box) {
        return "/iiif/3/" + item + "-" + page + "/full/" + box + "/0/default.jpg";
    }

    /** A reference as a refusal may quote it: at most 40 characters. */
    public static String shown(String named) {
        return named.length() > 40 ? named.substring(0, 40) + "…" : named;
    }
}
