package cn.lantai.stacks.internal.safety;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.lantai.stacks.RepellentDue;
import cn.lantai.stacks.Room;
import cn.lantai.stacks.internal.RoomStore;
import org.springframework.stereotype.Component;

/**
 * When each room's insect and mould repellent is due (每半年更换一次防虫防霉药): six months after its last change, at
 * once for a room never changed. A reminder stands for a room due within {@link #NOTICE_DAYS} days or overdue.
 * Aggregates of rooms only; the caller decides who may read them.
 */
@Component
public class RepellentSchedule {

    public static final int INTERVAL_MONTHS = 6;
    public static final int NOTICE_DAYS = 14;

    private final LogStore store;
    private final RoomStore rooms;

    RepellentSchedule(LogStore store, RoomStore rooms) {
        this.store = store;
        this.rooms = rooms;
    }

    /** Every room with its last change up to that day and the day the next is due, by room code. */
    public List<RepellentDue> all(LocalDate today) {
        Map<String, LocalDate> last = store.lastChanges(today);
        return rooms.all().stream().map(Room::code).map(code -> {
            LocalDate changed = last.get(code);
            LocalDate due = changed == null ? today : changed.plusMonths(INTERVAL_MONTHS);
            return new RepellentDue(code, changed, due, due.isBefore(today));
        }).toList();
    }

    /** The rooms due within the notice or overdue on that day: the reminders. */
    public List<RepellentDue> reminders(LocalDate today) {
        LocalDate horizon = today.plusDays(NOTICE_DAYS);
        return all(today).stream().filter(r -> !r.due().isAfter(horizon)).toList();
    }
}
