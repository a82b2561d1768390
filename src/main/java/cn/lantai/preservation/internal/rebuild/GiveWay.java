package cn.lantai.preservation.internal.rebuild;

import java.time.Duration;
import java.util.List;

import cn.lantai.shared.PressingWork;

/**
 * Upkeep's patience: before each step, waits while work somebody is waiting for is under way (asked four times a
 * second), but never longer than {@code atMost} at a time, so that upkeep still moves on under work that never ends.
 */
final class GiveWay {

    private static final Duration LOOK_EVERY = Duration.ofMillis(250);

    private final List<PressingWork> pressing;
    private final Duration atMost;
    private final Duration lookEvery;

    GiveWay(List<PressingWork> pressing, Duration atMost) {
        this(pressing, atMost, LOOK_EVERY);
    }

    GiveWay(List<PressingWork> pressing, Duration atMost, Duration lookEvery) {
        this.pressing = List.copyOf(pressing);
        this.atMost = atMost;
        this.lookEvery = lookEvery;
    }

    /** Returns once no pressing work is under way, or {@code atMost} has passed; answers whether it had to wait. */
    boolean await() throws InterruptedException {
        long until = System.nanoTime() + atMost.toNanos();
        boolean waited = false;
        while (underWay() && System.nanoTime() - until < 0) {
            waited = true;
            Thread.sleep(lookEvery.toMillis());
        }
        return waited;
    }

    private boolean underWay() {
        return pressing.stream().anyMatch(PressingWork::underWay);
    }
}
