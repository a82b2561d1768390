package cn.lantai.preservation.internal.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import cn.lantai.shared.PressingWork;
import org.junit.jupiter.api.Test;

/** The descriptions kept in the store give way to work somebody waits for, but not for ever. */
class GiveWayTest {

    @Test
    void withNothingPressingItGoesOnAtOnce() throws InterruptedException {
        AtomicInteger asked = new AtomicInteger();
        PressingWork idle = () -> {
            asked.incrementAndGet();
            return false;
        };

        assertThat(new GiveWay(List.of(idle, idle), Duration.ofHours(1)).await()).isFalse();
        assertThat(asked).hasValue(2);
    }

    @Test
    void itWaitsWhileAnyPressingWorkIsUnderWayAndGoesOnWhenItEnds() throws InterruptedException {
        AtomicInteger importLooks = new AtomicInteger();
        PressingWork importForFiveLooks = () -> importLooks.incrementAndGet() <= 5;
        PressingWork indexIdle = () -> false;

        boolean waited = new GiveWay(List.of(indexIdle, importForFiveLooks), Duration.ofHours(1), Duration.ofMillis(1))
                .await();

        assertThat(waited).isTrue();
        assertThat(importLooks).as("asked until the import said it had ended, then not again").hasValue(6);
    }

    @Test
    void underWorkThatNeverEndsItGoesOnAfterItsLongestWait() throws InterruptedException {
        AtomicInteger looks = new AtomicInteger();
        PressingWork endless = () -> {
            looks.incrementAndGet();
            return true;
        };

        assertThat(new GiveWay(List.of(endless), Duration.ofMillis(30), Duration.ofMillis(1)).await()).isTrue();
        assertThat(looks.get()).isGreaterThan(1);
    }
}
