package cn.lantai.catalog.internal.imports;

import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How much import work each person has under way: requests that upload or read a catalogue (counted here, in this
 * node) plus their import jobs queued or running (counted by the caller from the jobs table). At most
 * {@code lantai.import.per-person} (default 2) at once, so one person's uploads cannot take every core from the others'
 * searches.
 */
@Component
public class ImportPermits {

    private final ConcurrentHashMap<String, Integer> reading = new ConcurrentHashMap<>();
    private final int perPerson;

    ImportPermits(@Value("${lantai.import.per-person:2}") int perPerson) {
        this.perPerson = perPerson;
    }

    public int perPerson() {
        return perPerson;
    }

    /** Takes a place for one request of the person, who already has {@code jobs} jobs under way; false if none is left. */
    public boolean take(String person, int jobs) {
        boolean[] taken = {false};
        reading.compute(person, (who, n) -> {
            int now = n == null ? 0 : n;
            if (now + jobs >= perPerson) {
                return n;
            }
            taken[0] = true;
            return now + 1;
        });
        return taken[0];
    }

    /** Gives back a place taken by {@link #take}. */
    public void give(String person) {
        reading.computeIfPresent(person, (who, n) -> n <= 1 ? null : n - 1);
    }
}
