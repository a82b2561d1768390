package cn.lantai.exhibition;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.Item;
import cn.lantai.exhibition.internal.ExhibitionStore;
import cn.lantai.exhibition.internal.RecordReferences;
import cn.lantai.exhibition.internal.VisitLedger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The exhibitions as the portal shows them to anyone: the published ones, each read again at every view so that a
 * record closed or classified after publishing simply drops out of the page, and the visits counted (one per visitor,
 * exhibition and archive day). A draft, a withdrawn exhibition and one that does not exist answer alike: 404.
 */
@Service
public class PublicExhibitions {

    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");
    /** Names of crawlers and link previews: their fetches are no visits. */
    private static final Pattern ROBOT = Pattern.compile(".*(bot|crawl|spider|slurp|preview|headless(?!chrome)).*");

    private final ExhibitionStore store;
    private final RecordReferences records;
    private final VisitLedger visits;
    private final ZoneId zone;

    PublicExhibitions(ExhibitionStore store, RecordReferences records, VisitLedger visits,
            @Value("${lantai.archive-zone:Asia/Shanghai}") String zone) {
        this.store = store;
        this.records = records;
        this.visits = visits;
        this.zone = ZoneId.of(zone.strip());
    }

    /** The published exhibitions, latest first (their texts only; {@link #exhibition} reads one in full). */
    public List<PublicExhibition> published() {
        return store.published().stream().map(e -> new PublicExhibition(e.id(), e.address(), e.title(),
                e.subtitle(), e.introduction(), cover(e, records.publicOnes(e.cover() == null ? List.of()
                        : List.of(e.cover()))), List.of())).toList();
    }

    /**
     * The published exhibition at this address (its slug or its id), as the public may see it now.
     *
     * @throws ExhibitionProblem 404 {@code exhibition.not-found} for anything else
     */
    public PublicExhibition exhibition(String address) {
        long id = idOf(address);
        PublicExhibition shown = show(id, true);
        if (shown == null) {
            throw new ExhibitionProblem(404, "exhibition.not-found");
        }
        return shown;
    }

    /**
     * Counts a view of the published exhibition's public page by a visitor (their address, not kept) at that moment;
     * once per address, exhibition and archive day, whatever browser name it sends. Crawlers (by their browser name)
     * and prefetches are not counted.
     *
     * @return whether this view was a new visit
     */
    public boolean countVisit(long exhibition, String address, String agent, boolean prefetch, Instant at) {
        if (prefetch || agent == null || ROBOT.matcher(agent.toLowerCase(Locale.ROOT)).matches()) {
            return false;
        }
        return visits.record(exhibition, at.atZone(zone).toLocalDate(), address);
    }

    /** The exhibition's id from its public address; 404 for anything that names none. */
    long idOf(String address) {
        String a = address == null ? "" : address.strip();
        if (ID.matcher(a).matches()) {
            return Long.parseLong(a);
        }
        if (a.isEmpty() || a.length() > 60) {
            throw new ExhibitionProblem(404, "exhibition.not-found");
        }
        return store.idOfSlug(a.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new ExhibitionProblem(404, "exhibition.not-found"));
    }

    /**
     * The exhibition as the public would see it now, or null when it does not exist (or, if {@code publishedOnly}, is
     * not published): the curators' preview passes false.
     */
    PublicExhibition show(long id, boolean publishedOnly) {
        Map<Long, Item> open = records.publicOnes(store.items(id));
        Exhibition e = store.find(id, open::containsKey).orElse(null);
        if (e == null || publishedOnly && e.state() != ExhibitionState.PUBLISHED) {
            return null;
        }
        List<PublicExhibition.Section> sections = new ArrayList<>();
        for (Exhibition.Section s : e.sections()) {
            List<PublicExhibition.Exhibit> shown = new ArrayList<>();
            for (Exhibition.Exhibit x : s.exhibits()) {
                Item item = open.get(x.item());
                if (item == null) {
                    continue;
                }
                boolean scanned = x.page() != null && x.page() <= records.pages(x.item());
                shown.add(new PublicExhibition.Exhibit(x.item(), item.title(), item.archivalCode(),
                        item.description().get(DescriptionField.DATE), x.caption(),
                        scanned ? RecordReferences.image(x.item(), x.page(), "!600,600") : null,
                        scanned ? RecordReferences.image(x.item(), x.page(), "max") : null));
            }
            sections.add(new PublicExhibition.Section(s.title(), s.text(), shown));
        }
        return new PublicExhibition(e.id(), e.address(), e.title(), e.subtitle(), e.introduction(), cover(e, open),
                sections);
    }

    private String cover(Exhibition e, Map<Long, Item> open) {
        if (e.cover() == null || !open.containsKey(e.cover()) || records.pages(e.cover()) == 0) {
            return null;
        }
        int page = e.coverPage() == null ? 1 : e.coverPage();
        return page <= records.pages(e.cover()) ? RecordReferences.image(e.cover(), page, "!600,600") : null;
    }
}
