package cn.lantai.stacks;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import cn.lantai.audit.AuditEvent;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.Viewer;
import cn.lantai.stacks.internal.RoomStore;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rooms of the stacks, kept by the stacks staff ({@code MANAGE_STACKS}): each added with its kind and layout, and
 * audited. Codes are short (letters, digits, {@code -}), unique, and never change: locations, labels, sensors and
 * readings name a room by its code.
 */
@Service
public class Rooms {

    /** A room's code: 1 to 16 ASCII letters, digits or hyphens, starting with a letter or digit. */
    public static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,15}");
    /** The longest name kept, and the most rows, sections and shelves a room may have. */
    public static final int MAX_NAME = 60;
    public static final int MAX_ROWS = 200;
    public static final int MAX_SECTIONS = 100;
    public static final int MAX_SHELVES = 20;

    private final RoomStore store;
    private final AuditTrail trail;

    Rooms(RoomStore store, AuditTrail trail) {
        this.store = store;
        this.trail = trail;
    }

    /** Every room, by code. */
    @PreAuthorize("isAuthenticated()")
    public List<Room> rooms() {
        return store.all();
    }

    /** The room with this code. */
    @PreAuthorize("isAuthenticated()")
    public Optional<Room> room(String code) {
        return code == null ? Optional.empty() : store.find(code.strip());
    }

    /**
     * Adds a room.
     *
     * @throws StacksProblem 422 {@code stacks.room.bad-code}, {@code stacks.room.bad-name},
     *         {@code stacks.room.bad-layout}; 409 {@code stacks.room.exists}
     */
    @Transactional
    @PreAuthorize("hasAuthority('MANAGE_STACKS')")
    public Room add(Room room, Viewer viewer) {
        String code = room.code() == null ? "" : room.code().strip();
        if (!CODE.matcher(code).matches()) {
            throw new StacksProblem(422, "stacks.room.bad-code");
        }
        String name = room.name() == null ? "" : room.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME || name.codePoints().anyMatch(Character::isISOControl)) {
            throw new StacksProblem(422, "stacks.room.bad-name", MAX_NAME);
        }
        if (room.kind() == null || room.rows() < 1 || room.rows() > MAX_ROWS || room.sections() < 1
                || room.sections() > MAX_SECTIONS || room.shelves() < 1 || room.shelves() > MAX_SHELVES) {
            throw new StacksProblem(422, "stacks.room.bad-layout", MAX_ROWS, MAX_SECTIONS, MAX_SHELVES);
        }
        if (store.find(code).isPresent()) {
            throw new StacksProblem(409, "stacks.room.exists", code);
        }
        Room kept = new Room(code, name, room.kind(), room.rows(), room.sections(), room.shelves());
        store.insert(kept);
        trail.record(new AuditEvent(viewer.name(), viewer.address(), "stacks.room.add", "room:" + code, null,
                "name=" + name + " kind=" + room.kind() + " layout=" + room.rows() + "x" + room.sections() + "x"
                        + room.shelves()));
        return kept;
    }
}
