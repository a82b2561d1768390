package cn.lantai.bench;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Samples a heap-used figure (bytes) at a fixed interval on a daemon thread and keeps the maximum. The source is
 * either this JVM ({@link #thisJvm()}), Lantai's actuator metric, or {@code jstat} on a process id (see
 * {@link LantaiRun}). A failing sample is skipped.
 */
final class HeapSampler implements AutoCloseable {

    private final AtomicLong max = new AtomicLong(-1);
    private final Thread thread;
    private volatile boolean running = true;

    HeapSampler(String name, long intervalMillis, LongSupplier usedBytes) {
        thread = new Thread(() -> {
            while (running) {
                sample(usedBytes);
                try {
                    Thread.sleep(intervalMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    private void sample(LongSupplier usedBytes) {
        try {
            long v = usedBytes.getAsLong();
            if (v >= 0) {
                max.accumulateAndGet(v, Math::max);
            }
        } catch (RuntimeException e) {
            // a missed sample is not worth stopping the benchmark for
        }
    }

    /** Heap used by the JVM running the harness (the baseline runs here). */
    static LongSupplier thisJvm() {
        return () -> java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The largest sample so far, in bytes, or -1 when none succeeded. */
    long maxBytes() {
        return max.get();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
