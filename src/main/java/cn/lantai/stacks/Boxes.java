package cn.lantai.stacks;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import cn.lantai.audit.AuditEvent;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.ArchivalCode;
import cn.lantai.catalog.Viewer;
import cn.lantai.stacks.internal.locations.BoxStore;
import cn.lantai.stacks.internal.locations.PlacementStore;
import cn.lantai.stacks.internal.locations.Places;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The boxes (档案盒) of the stacks, kept by the stacks staff ({@code MANAGE_STACKS}): each added with its number and
 * what it holds (a fonds, year and category, or a free title), shelved and moved, every change audited.
 */
@Service
public class Boxes {

    /** A box's number: 1 to 32 letters, digits, hyphens, dots or slashes, as written on its spine. */
    public static final Pattern NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9./-]{0,31}");
    public static final int MAX_TITLE = 100;

    private final BoxStore boxes;
    private final PlacementStore placements;
    private final Places places;
    private final AuditTrail trail;

    Boxes(BoxStore boxes, PlacementStore placements, Places places, AuditTrail trail) {
        this.boxes = boxes;
        this.placements = placements;
        this.places = places;
        this.trail = trail;
    }

    /** What a new box is given: fonds, year and category, or a free title, or both. */
    public record NewBox(String number, String fonds, Integer year, String category, String title) {
    }

    /**
     * Adds a box, shelved at {@code location} if one is given.
     *
     * @throws StacksProblem 422 {@code stacks.box.bad-number}, {@code stacks.box.bad-contents}; 409
     *         {@code stacks.box.exists}; a location's refusals ({@link Locations#place})
     */
    @Transactional
    @PreAuthorize("hasAuthority('MANAGE_STACKS')")
    public Box add(NewBox given, String location, Viewer viewer) {
        String number = given.number() == null ? "" : given.number().strip().toUpperCase(Locale.ROOT);
        if (!NUMBER.matcher(number).matches()) {
            throw new StacksProblem(422, "stacks.box.bad-number");
        }
        String fonds = blankToNull(given.fonds() == null ? null : given.fonds().toUpperCase(Locale.ROOT));
        String category = blankToNull(given.category() == null ? null : given.category().toUpperCase(Locale.ROOT));
        String title = blankToNull(given.title());
        boolean described = fonds != null && given.year() != null && category != null;
        if ((fonds != null && !ArchivalCode.FONDS.matcher(fonds).matches())
                || (category != null && !ArchivalCode.CATEGORY.matcher(category).matches())
                || (given.year() != null && (given.year() < 1000 || given.year() > 9999))
                || (title != null && (title.length() > MAX_TITLE || title.codePoints().anyMatch(Character::isISOControl)))
                || (!described && title == null)) {
            throw new StacksProblem(422, "stacks.box.bad-contents", MAX_TITLE);
        }
        Location at = location == null || location.isBlank() ? null : places.existing(location);
        if (boxes.byNumber(number).isPresent()) {
            throw new StacksProblem(409, "stacks.box.exists", number);
        }
        long id = boxes.insert(number, fonds, given.year(), category, title);
        if (at != null) {
            boxes.place(id, at);
        }
        trail.record(new AuditEvent(viewer.name(), viewer.address(), "stacks.box.add", "box:" + number, null,
                "fonds=" + fonds + " year=" + given.year() + " category=" + category + " title=" + title
                        + " location=" + at));
        return box(id);
    }

    /** The box. @throws StacksProblem 404 {@code stacks.box.unknown} */
    @PreAuthorize("hasAuthority('MANAGE_STACKS')")
    public Box box(long id) {
        return boxes.find(id).orElseThrow(() -> new StacksProblem(404, "stacks.box.unknown", id));
    }

    /** The box with this number (as written, case aside). @throws StacksProblem 404 {@code stacks.box.unknown} */
    @PreAuthorize("hasAuthority('MANAGE_STACKS')")
    public Box byNumber(String number) {
        String given = number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
        String shown = given.length() > 32 ? given.substring(0, 32) + "…" : given;
        return boxes.byNumber(given).orElseThrow(() -> new StacksProblem(404, "stacks.box.unknown", shown));
    }

    /** The 卷 and 件 in the box, by 档号. */
    @PreAuthorize("hasAuthority('MANAGE_STACKS')")
    public List<Placed> contents(long id) {
        return placements.inBox(box(id).id());
    }

    /** The boxes not on a shelf yet, the latest first. */
    @PreAuthorize("hasAuthority('MANAGE_STACKS')")
    public List<Box> unshelved() {
        return boxes.unshelved(50);
    }

    /** Puts the box (and so all it holds) on a shelf. */
    @Transactional
    @PreAuthorize("hasAuthority('MANAGE_STACKS')")
    public Box place(long id, String location, Viewer viewer) {
        Box box = box(id);
        Location at = places.existing(location);
        boxes.place(id, at);
        trail.record(new AuditEvent(viewer.name(), viewer.address(), "stacks.box.place", "box:" + box.number(),
                box.location() == null ? null : box.location().toString(), at.toString()));
        return box(id);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
