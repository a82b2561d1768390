package cn.lantai.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import cn.lantai.support.LantaiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A person's job is work somebody waits for, from its submission to its end; the application's own follow-up work
 * (a background job) and long upkeep (a job that says it is not pressing, as the store's audit) are not. Upkeep gives
 * way to the first (see {@code GiveWay}).
 */
@LantaiTest
class PersonsJobsPressTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aPersonsJobPressesWhileQueuedOrRunningAndBackgroundWorkAndUpkeepDoNot() throws InterruptedException {
        CountDownLatch backgroundRunning = new CountDownLatch(1);
        CountDownLatch upkeepRunning = new CountDownLatch(1);
        CountDownLatch personsRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Jobs> jobsRef = new AtomicReference<>();
        StaticListableBeanFactory handlers = new StaticListableBeanFactory(Map.of(
                "background", new Waiting("test-press-background", true, true, backgroundRunning, release, jobsRef),
                "upkeep", new Waiting("test-press-upkeep", false, false, upkeepRunning, release, jobsRef),
                "persons", new Waiting("test-press-persons", false, true, personsRunning, release, jobsRef)));
        Jobs jobs = new Jobs(jdbc, new SimpleAsyncTaskExecutor(), new SimpleAsyncTaskExecutor(),
                handlers.getBeanProvider(JobHandler.class));
        jobsRef.set(jobs);
        TransactionTemplate tx = new TransactionTemplate(transactions);

        assertThat(jobs.underWay()).isFalse();
        tx.execute(s -> jobs.submit("test-press-background", "", "test"));
        assertThat(backgroundRunning.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(jobs.underWay()).as("the application's own follow-up work presses nobody").isFalse();
        tx.execute(s -> jobs.submit("test-press-upkeep", "", "test"));
        assertThat(upkeepRunning.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(jobs.underWay()).as("nor does upkeep that says so").isFalse();

        JobId persons = tx.execute(s -> jobs.submit("test-press-persons", "", "test"));
        assertThat(jobs.underWay()).as("from the moment it is submitted").isTrue();
        assertThat(personsRunning.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(jobs.underWay()).as("while it runs").isTrue();

        release.countDown();
        Instant until = Instant.now().plus(DEADLINE);
        while (jobs.underWay() && Instant.now().isBefore(until)) {
            Thread.sleep(20);
        }
        assertThat(jobs.underWay()).as("once it has ended").isFalse();
        assertThat(jobs.status(persons).state()).isEqualTo(JobState.SUCCEEDED);
    }

    /** A job that runs until released, then succeeds. */
    private record Waiting(String kind, boolean background, boolean mayPress, CountDownLatch running,
            CountDownLatch release, AtomicReference<Jobs> jobs) implements JobHandler {

        @Override
        public boolean pressing() {
            return mayPress && JobHandler.super.pressing();
        }

        @Override
        public void run(JobStatus job) {
            running.countDown();
            try {
                release.await(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            jobs.get().succeed(job.id(), 1, 1, 1, 0, "done");
        }
    }
}
