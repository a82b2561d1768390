package cn.lantai.stacks.internal.safety;

import java.time.LocalDate;

/** A point of a protection's checklist (e.g. 灭火器在有效期内); a retired one is no longer asked but stays answered. */
public record ChecklistPoint(long id, Protection protection, String text, LocalDate retiredOn) {

    public boolean active() {
        return retiredOn == null;
    }
}
