package cn.lantai.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * Items were created or changed (published after the transaction that wrote them commits). One event names at most
 * {@link #MAX_IDS} items: the event-publication registry stores each event serialised in a bounded column, so a change
 * to a whole group (closing up 9,999 items) or a bulk edit of 50,000 goes out as several events.
 */
public record ItemsChanged(List<ItemId> ids) {

    /** About 25 characters of JSON per id: a full event stays far below the registry's column. */
    public static final int MAX_IDS = 1000;

    public ItemsChanged {
        if (ids.size() > MAX_IDS) {
            throw new IllegalArgumentException("an event names at most " + MAX_IDS + " items, not " + ids.size());
        }
        ids = List.copyOf(ids);
    }

    /** The events that together name these items, in order; none for none. */
    public static List<ItemsChanged> inChunks(List<ItemId> ids) {
        List<ItemsChanged> events = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += MAX_IDS) {
            events.add(new ItemsChanged(ids.subList(i, Math.min(ids.size(), i + MAX_IDS))));
        }
        return events;
    }
}
