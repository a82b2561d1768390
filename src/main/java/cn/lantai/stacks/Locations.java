package cn.lantai.stacks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import cn.lantai.audit.AuditEvent;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.Viewer;
import cn.lantai.stacks.internal.RoomStore;
import cn.lantai.stacks.internal.locations.BoxStore;
import cn.lantai.stacks.internal.locations.Entry;
import cn.lantai.stacks.internal.locations.EntryReferences;
import cn.lantai.stacks.internal.locations.MoveLog;
import cn.lantai.stacks.internal.locations.PlacementStore;
import cn.lantai.stacks.internal.locations.Places;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where each 卷 and 件 stands in the stacks (库房-列-节-层), kept by the stacks staff ({@code MANAGE_STACKS}): put on a
 * shelf, or in a box and so where the box stands, one by one or many at once (all or none), every change audited; the
 * shelf map of a room; and the year's figures of the out/in log.
 */
@Service
public class Locations {

    /** The most entries moved in one go. */
    public static final int MAX_BATCH = 500;

    private final EntryReferences references;
    private final PlacementStore placements;
    private final BoxStore boxes;
    private final RoomStore rooms;
    private final MoveLog log;
    private final Places places;
    private final AuditTrail trail;

    Locations(EntryReferences references, PlacementStore placements, BoxStore boxes, RoomStore rooms, MoveLog log,
            Places places, AuditTrail trail) {
        this.references = references;
        this.placements = placements;
        this.boxes = boxes;
        this.rooms = rooms;
        this.log = log;
        this.places = places;
        this.trail = trail;
    }

    /**
     * Puts the 卷 or 件 named by its 档号 (or an item's id) on the shelf named.
     *
     * @throws StacksProblem 422 {@code stacks.location.malformed} or {@code stacks.location.outside}, 404
     *         {@code stacks.location.no-room}; 422 {@code stacks.entry.bad-reference}, 404 {@code stacks.entry.unknown}
     */
    @Transactional
    @PreAuthorize("hasAuthority('MANAGE_STACKS')")
    public Placed place(String reference, String location, Viewer viewer) {
        return placeAll(List.of(reference == null ? "" : reference), location, viewer).get(0);
    }

    /**
     * Puts every entry named on one shelf: all of them, or (on the first refusal) none.
     *
     * @throws StacksProblem 422 {@code stacks.entry.none} or {@code stacks.entry.too-many}; as {@link #place}
     */
    @Transactional
    @PreAuthorize("hasAuthority('MANAGE_STACKS')")
    public List<Placed> placeAll(List<String> references, String location, Viewer viewer) {
        Location at = places.existing(location);
        List<Entry> entries = resolveAll(references, viewer);
        List<Placed> placed = new ArrayList<>();
        for (Entry e : entries) {
            placements.place(e, at, null);
            placed.add(placements.find(e.kind(), e.id()).orElseThrow());
        }
        trail.record(new AuditEvent(viewer.name(), viewer.address(), "stacks.location.place", at.toString(), null,
                entries.stream().map(Entry::archivalCode).collect(Collectors.joining(","))));
        return placed;
    }

    /**
     * Puts every entry named in the box (numbered as on its spine): all of them, or none.
     *
     * @throws StacksProblem 404 {@code stacks.box.unknown}; as {@link #placeAll}
     */
    @Transactional
    @PreAuthorize("hasAuthority('MANAGE_STACKS')")
    public List<Placed> putInBox(List<String> references, String boxNumber, Viewer viewer) {
        String number = boxNumber == null ? "" : boxNumber.strip();
        Box box = boxes.byNumber(number.toUpperCase(Locale.ROOT))
                .orElseThrow(() -> new StacksProblem(404, "stacks.box.unknown",
                        number.length() > 32 ? number.substring(0, 32) + "…" : number));
        List<Entry> entries = resolveAll(references, viewer);
        List<Placed> placed = new ArrayList<>();
        for (Entry e : entries) {
            placements.place(e, null, box.id());
            placed.add(placements.find(e.kind(), e.id()).orElseThrow());
        }
        trail.record(new AuditEvent(viewer.name(), viewer.address(), "stacks.box.fill", "box:" + box.number(), null,
                entries.stream().map(Entry::archivalCode).collect(Collectors.joining(","))));
        return placed;
    }

    /** Where the entry named stands, if it was given a place. */
    @PreAuthorize("hasAuthority('MANAGE_STACKS')")
    public Optional<Placed> placeOf(String reference, Viewer viewer) {
        Entry e = references.resolve(reference, viewer);
        return placements.find(e.kind(), e.id());
    }

    /** The room's shelf map. @throws StacksProblem 404 {@code stacks.location.no-room} */
    @PreAuthorize("hasAuthority('MANAGE_STACKS')")
    public ShelfMap map(String roomCode) {
        String code = roomCode == null ? "" : roomCode.strip();
        Room room = rooms.find(code).orElseThrow(() -> new StacksProblem(404, "stacks.location.no-room",
                code.length() > 16 ? code.substring(0, 16) + "…" : code));
        Set<String> out = log.allOut().stream().map(m -> m.kind().name() + ":" + m.targetId())
                .collect(Collectors.toSet());
        return new ShelfMap(room, boxes.inRoom(room.code()), placements.inRoom(room.code()), out);
    }

    /**
     * The year's figures, from the out/in log: rows taken out in the year (archive's calendar), rows returned in the
     * year, of those the ones returned after their due day (the return's date in the archive's zone past the due
     * day), and rows taken out in the year and not back by its end (still out, or returned in a later year).
     */
    public LocationsYear year(int year) {
        ZoneId zone = places.zone();
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant();
        Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant();
        long takenOut = 0;
        long returned = 0;
        long late = 0;
        long stillOut = 0;
        for (Move m : log.touching(from, to)) {
            boolean takenInYear = !m.takenAt().isBefore(from) && m.takenAt().isBefore(to);
            boolean returnedInYear = m.returnedAt() != null && !m.returnedAt().isBefore(from)
                    && m.returnedAt().isBefore(to);
            if (takenInYear) {
                takenOut++;
                if (m.returnedAt() == null || !m.returnedAt().isBefore(to)) {
                    stillOut++;
                }
            }
            if (returnedInYear) {
                returned++;
                if (LocalDate.ofInstant(m.returnedAt(), zone).isAfter(m.due())) {
                    late++;
                }
            }
        }
        return new LocationsYear(year, takenOut, returned, late, stillOut);
    }

    private List<Entry> resolveAll(List<String> given, Viewer viewer) {
        Set<String> named = new LinkedHashSet<>();
        for (String r : given == null ? List.<String>of() : given) {
            if (r != null && !r.isBlank()) {
                named.add(r.strip());
            }
        }
        if (named.isEmpty()) {
            throw new StacksProblem(422, "stacks.entry.none");
        }
        if (named.size() > MAX_BATCH) {
            throw new StacksProblem(422, "stacks.entry.too-many", MAX_BATCH);
        }
        List<Entry> entries = new ArrayList<>();
        for (String r : named) {
            Entry e = references.resolve(r, viewer);
            if (entries.stream().noneMatch(x -> x.kind() == e.kind() && x.id() == e.id())) {
                entries.add(e);
            }
        }
        return entries;
    }
}
