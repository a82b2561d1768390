package cn.lantai.stacks.internal.locations;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import cn.lantai.stacks.Location;
import cn.lantai.stacks.Room;
import cn.lantai.stacks.StacksProblem;
import cn.lantai.stacks.internal.RoomStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads a location typed by a person into a place that exists: the shape ({@link Location#parse}), then the room (its
 * code matched regardless of case) and its layout. Also the archive's clock, whose zone makes the stacks' days.
 */
@Component
public class Places {

    private final RoomStore rooms;
    private final ZoneId zone;
    private final Clock clock = Clock.systemUTC();

    Places(RoomStore rooms, @Value("${lantai.archive-zone:Asia/Shanghai}") ZoneId zone) {
        this.rooms = rooms;
        this.zone = zone;
    }

    /**
     * The place named, in the room's own spelling.
     *
     * @throws StacksProblem 422 {@code stacks.location.malformed}; 404 {@code stacks.location.no-room}; 422
     *         {@code stacks.location.outside} for a row, section or shelf beyond the room's layout
     */
    public Location existing(String text) {
        String shown = text == null ? "" : text.length() > Location.MAX_TEXT ? text.substring(0, Location.MAX_TEXT)
                + "…" : text.strip();
        Location given = Location.parse(text).orElseThrow(() -> new StacksProblem(422, "stacks.location.malformed",
                shown));
        Room room = rooms.find(given.room())
                .or(() -> rooms.all().stream().filter(r -> r.code().equalsIgnoreCase(given.room())).findFirst())
                .orElseThrow(() -> new StacksProblem(404, "stacks.location.no-room", given.room()));
        Location at = new Location(room.code(), given.row(), given.section(), given.shelf());
        if (!at.within(room)) {
            throw new StacksProblem(422, "stacks.location.outside", at.toString(), room.code(), room.rows(),
                    room.sections(), room.shelves());
        }
        return at;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Today in the archive's zone. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    public ZoneId zone() {
        return zone;
    }
}
