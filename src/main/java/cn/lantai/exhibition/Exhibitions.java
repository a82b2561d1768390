package cn.lantai.exhibition;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import cn.lantai.audit.AuditEvent;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.Viewer;
import cn.lantai.exhibition.internal.CompilationStore;
import cn.lantai.exhibition.internal.ExhibitionStore;
import cn.lantai.exhibition.internal.RecordReferences;
import cn.lantai.exhibition.internal.VisitLedger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The online exhibitions (网上展览) as curators ({@code CURATE}) build them: texts and a cover, ordered sections of
 * ordered exhibits, each a record the public may read (开放, no 密级) with the curator's caption and optionally a page of
 * its scan; a preview that is the public page itself; publishing (refused while empty or while a record is not open)
 * and withdrawing. A published exhibition is withdrawn before it is changed. Every change is audited. Also the year's
 * figures of exhibitions and compilations for the yearly statistics.
 */
@Service
public class Exhibitions {

    public static final int MAX_TITLE = 100;
    public static final int MAX_SUBTITLE = 200;
    public static final int MAX_TEXT = 4000;
    public static final int MAX_CAPTION = 2000;
    public static final int MAX_SECTIONS = 50;
    public static final int MAX_EXHIBITS = 200;
    /** A slug: lower-case ASCII letters, digits and single hyphens, 3 to 60 characters, not all digits. */
    public static final Pattern SLUG = Pattern.compile("(?=.*[a-z])[a-z0-9]+(-[a-z0-9]+)*");

    private final ExhibitionStore store;
    private final CompilationStore compilations;
    private final VisitLedger visits;
    private final RecordReferences records;
    private final PublicExhibitions shown;
    private final AuditTrail trail;
    private final ZoneId zone;
    private final Clock clock = Clock.systemUTC();

    Exhibitions(ExhibitionStore store, CompilationStore compilations, VisitLedger visits, RecordReferences records,
            PublicExhibitions shown, AuditTrail trail, @Value("${lantai.archive-zone:Asia/Shanghai}") String zone) {
        this.store = store;
        this.compilations = compilations;
        this.visits = visits;
        this.records = records;
        this.shown = shown;
        this.trail = trail;
        this.zone = ZoneId.of(zone.strip());
    }

    /** Every exhibition, newest first, with its state and visits (without sections). */
    @PreAuthorize("hasAuthority('CURATE')")
    public List<Exhibition> exhibitions() {
        return store.all();
    }

    /** The exhibition in full, each exhibit marked with whether the public may see its record now. */
    @PreAuthorize("hasAuthority('CURATE')")
    public Exhibition exhibition(long id) {
        Map<Long, Item> open = records.publicOnes(store.items(id));
        return store.find(id, open::containsKey)
                .orElseThrow(() -> new ExhibitionProblem(404, "exhibition.not-found"));
    }

    /** The public page exactly as the public would see it now, whatever the state. */
    @PreAuthorize("hasAuthority('CURATE')")
    public PublicExhibition preview(long id) {
        exhibition(id);
        return shown.show(id, false);
    }

    /** Starts an exhibition as a draft. */
    @Transactional
    @PreAuthorize("hasAuthority('CURATE')")
    public Exhibition create(ExhibitionDraft draft, Viewer viewer) {
        Checked c = check(draft, null);
        long id;
        try {
            id = store.insert(c.slug, c.title, c.subtitle, c.introduction, c.cover, c.coverPage, viewer.name());
        } catch (DuplicateKeyException e) {
            throw slugTaken(c.slug);
        }
        audit(viewer, "exhibition.create", id, "title=" + c.title);
        return exhibition(id);
    }

    /** Rewrites the exhibition's texts and cover. */
    @Transactional
    @PreAuthorize("hasAuthority('CURATE')")
    public Exhibition update(long id, ExhibitionDraft draft, Viewer viewer) {
        editable(id);
        Checked c = check(draft, id);
        try {
            store.update(id, c.slug, c.title, c.subtitle, c.introduction, c.cover, c.coverPage);
        } catch (DuplicateKeyException e) {
            throw slugTaken(c.slug);
        }
        audit(viewer, "exhibition.update", id, "title=" + c.title);
        return exhibition(id);
    }

    /** Adds a section at the end. */
    @Transactional
    @PreAuthorize("hasAuthority('CURATE')")
    public long addSection(long id, String title, String text, Viewer viewer) {
        editable(id);
        String t = text(title, MAX_TITLE, true, "exhibition.section.bad-title");
        String body = text(text, MAX_TEXT, false, "exhibition.section.bad-text");
        if (store.sectionCount(id) >= MAX_SECTIONS) {
            throw new ExhibitionProblem(422, "exhibition.section.too-many", MAX_SECTIONS);
        }
        long section = store.addSection(id, t, body);
        audit(viewer, "exhibition.section-add", id, "section=" + section + " title=" + t);
        return section;
    }

    /** Moves a section one place up or down. */
    @Transactional
    @PreAuthorize("hasAuthority('CURATE')")
    public void moveSection(long id, long section, boolean up, Viewer viewer) {
        editable(id);
        sectionOf(id, section);
        store.moveSection(id, section, up);
        audit(viewer, "exhibition.section-move", id, "section=" + section + (up ? " up" : " down"));
    }

    /** Removes a section with its exhibits. */
    @Transactional
    @PreAuthorize("hasAuthority('CURATE')")
    public void removeSection(long id, long section, Viewer viewer) {
        editable(id);
        sectionOf(id, section);
        store.removeSection(id, section);
        audit(viewer, "exhibition.section-remove", id, "section=" + section);
    }

    /**
     * Adds an exhibit at the end of a section: a record named by id or 档号 that the public may read now, the
     * curator's caption, and optionally the page of its scan to show.
     *
     * @throws ExhibitionProblem 422 {@code exhibition.exhibit.not-open} naming the record when the public may not read
     *         it (or it does not exist: the two answer alike), {@code exhibition.exhibit.no-page} for a page the scan
     *         does not have, {@code exhibition.exhibit.bad-caption}
     */
    @Transactional
    @PreAuthorize("hasAuthority('CURATE')")
    public long addExhibit(long id, long section, String record, String caption, Integer page, Viewer viewer) {
        editable(id);
        sectionOf(id, section);
        String text = text(caption, MAX_CAPTION, true, "exhibition.exhibit.bad-caption");
        Item item = openRecord(record);
        checkPage(item, page);
        if (store.exhibitCount(id) >= MAX_EXHIBITS) {
            throw new ExhibitionProblem(422, "exhibition.exhibit.too-many", MAX_EXHIBITS);
        }
        long exhibit = store.addExhibit(section, item.id().value(), item.archivalCode(), text, page);
        audit(viewer, "exhibition.exhibit-add", id, "exhibit=" + exhibit + " item=" + item.id().value() + " "
                + item.archivalCode() + (page == null ? "" : " page=" + page));
        return exhibit;
    }

    /** Moves an exhibit one place up or down within its section. */
    @Transactional
    @PreAuthorize("hasAuthority('CURATE')")
    public void moveExhibit(long id, long exhibit, boolean up, Viewer viewer) {
        editable(id);
        long section = exhibitOf(id, exhibit);
        store.moveExhibit(section, exhibit, up);
        audit(viewer, "exhibition.exhibit-move", id, "exhibit=" + exhibit + (up ? " up" : " down"));
    }

    @Transactional
    @PreAuthorize("hasAuthority('CURATE')")
    public void removeExhibit(long id, long exhibit, Viewer viewer) {
        editable(id);
        long section = exhibitOf(id, exhibit);
        store.removeExhibit(section, exhibit);
        audit(viewer, "exhibition.exhibit-remove", id, "exhibit=" + exhibit);
    }

    /**
     * Puts the exhibition on the portal, after checking again that it has sections, that every section has exhibits
     * and that the public may read every record it shows.
     *
     * @throws ExhibitionProblem 422 {@code exhibition.publish.no-sections}, {@code exhibition.publish.empty-section}
     *         naming it, {@code exhibition.publish.not-open} naming the record; 409 {@code exhibition.published}
     */
    @Transactional
    @PreAuthorize("hasAuthority('CURATE')")
    public Exhibition publish(long id, Viewer viewer) {
        Exhibition e = editable(id);
        if (e.sections().isEmpty()) {
            throw new ExhibitionProblem(422, "exhibition.publish.no-sections");
        }
        for (Exhibition.Section s : e.sections()) {
            if (s.exhibits().isEmpty()) {
                throw new ExhibitionProblem(422, "exhibition.publish.empty-section", s.title());
            }
            for (Exhibition.Exhibit x : s.exhibits()) {
                if (!x.open()) {
                    throw new ExhibitionProblem(422, "exhibition.publish.not-open", named(x));
                }
            }
        }
        if (e.cover() != null && records.publicOnes(List.of(e.cover())).isEmpty()) {
            throw new ExhibitionProblem(422, "exhibition.publish.not-open", e.cover());
        }
        Instant now = clock.instant();
        store.publish(id, now, now.atZone(zone).toLocalDate());
        audit(viewer, "exhibition.publish", id, "exhibits=" + e.exhibitCount());
        return exhibition(id);
    }

    /** Takes a published exhibition off the portal. */
    @Transactional
    @PreAuthorize("hasAuthority('CURATE')")
    public Exhibition withdraw(long id, Viewer viewer) {
        Exhibition e = exhibition(id);
        if (e.state() != ExhibitionState.PUBLISHED) {
            throw new ExhibitionProblem(409, "exhibition.not-published");
        }
        store.withdraw(id, clock.instant());
        audit(viewer, "exhibition.withdraw", id, null);
        return exhibition(id);
    }

    /**
     * The year's figures: exhibitions first published on an archive day of the year, visits on its days, compilation
     * projects finished on its days with their titles and 万字. The caller decides who may read them.
     */
    public ExhibitionYear year(int year) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        CompilationStore.Output out = compilations.finished(from, to);
        return new ExhibitionYear(year, store.firstPublished(from, to), visits.between(from, to), out.projects(),
                out.titles(), out.wanChars() == null ? BigDecimal.ZERO : out.wanChars());
    }

    private record Checked(String slug, String title, String subtitle, String introduction, Long cover,
            Integer coverPage) {
    }

    private Checked check(ExhibitionDraft d, Long id) {
        String title = text(d.title(), MAX_TITLE, true, "exhibition.bad-title");
        String subtitle = text(d.subtitle(), MAX_SUBTITLE, false, "exhibition.bad-subtitle");
        String intro = text(d.introduction(), MAX_TEXT, false, "exhibition.bad-introduction");
        String slug = d.slug() == null || d.slug().isBlank() ? null : d.slug().strip();
        if (slug != null) {
            if (slug.length() < 3 || slug.length() > 60 || !SLUG.matcher(slug).matches()) {
                throw new ExhibitionProblem(422, "exhibition.bad-slug");
            }
            if (store.idOfSlug(slug).filter(other -> !other.equals(id)).isPresent()) {
                throw slugTaken(slug);
            }
        }
        Long cover = null;
        Integer coverPage = null;
        if (d.cover() != null && !d.cover().isBlank()) {
            Item item = openRecord(d.cover());
            int page = d.coverPage() == null ? 1 : d.coverPage();
            if (records.pages(item.id().value()) == 0) {
                throw new ExhibitionProblem(422, "exhibition.cover-unscanned", item.archivalCode());
            }
            checkPage(item, page);
            cover = item.id().value();
            coverPage = page;
        }
        return new Checked(slug, title, subtitle, intro, cover, coverPage);
    }

    /**
     * The slug is another exhibition's (409): found by the check, or by the unique index when another curator saved
     * it between the check and the write (the slug is the table's only unique column besides the id).
     */
    private static ExhibitionProblem slugTaken(String slug) {
        return new ExhibitionProblem(409, "exhibition.slug-taken", slug);
    }

    private Item openRecord(String reference) {
        return records.find(reference, RecordReferences.PUBLIC).orElseThrow(() -> new ExhibitionProblem(422,
                "exhibition.exhibit.not-open", RecordReferences.shown(reference.strip())));
    }

    private void checkPage(Item item, Integer page) {
        if (page != null) {
            int pages = records.pages(item.id().value());
            if (page < 1 || page > pages) {
                throw new ExhibitionProblem(422, "exhibition.exhibit.no-page", page, item.archivalCode(), pages);
            }
        }
    }

    /** The exhibition, if it may be changed: not while it is on the portal. */
    private Exhibition editable(long id) {
        Exhibition e = exhibition(id);
        if (e.state() == ExhibitionState.PUBLISHED) {
            throw new ExhibitionProblem(409, "exhibition.published");
        }
        return e;
    }

    private void sectionOf(long id, long section) {
        if (store.exhibitionOfSection(section).filter(e -> e == id).isEmpty()) {
            throw new ExhibitionProblem(404, "exhibition.section.not-found");
        }
    }

    private long exhibitOf(long id, long exhibit) {
        long section = store.sectionOfExhibit(exhibit)
                .orElseThrow(() -> new ExhibitionProblem(404, "exhibition.exhibit.not-found"));
        if (store.exhibitionOfSection(section).filter(e -> e == id).isEmpty()) {
            throw new ExhibitionProblem(404, "exhibition.exhibit.not-found");
        }
        return section;
    }

    private static String named(Exhibition.Exhibit x) {
        return x.archivalCode() != null ? x.archivalCode() : Long.toString(x.item());
    }

    /** A text as kept: stripped, null when empty and optional, refused when missing, too long or with control characters. */
    static String text(String value, int max, boolean required, String problem) {
        String t = value == null ? "" : value.strip();
        if (t.isEmpty()) {
            if (required) {
                throw new ExhibitionProblem(422, problem, max);
            }
            return null;
        }
        if (t.length() > max || t.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r'
                && c != '\t')) {
            throw new ExhibitionProblem(422, problem, max);
        }
        return t;
    }

    private void audit(Viewer viewer, String action, long exhibition, String detail) {
        trail.record(new AuditEvent(viewer.name(), viewer.address(), action, "exhibition:" + exhibition, null,
                detail));
    }
}
