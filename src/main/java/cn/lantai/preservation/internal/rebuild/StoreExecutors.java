package cn.lantai.preservation.internal.rebuild;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The thread that keeps descriptions in the store: one, so each event is done before the next and versions follow the
 * catalogue's commits in order; and the workers that describe one event's records side by side
 * ({@code lantai.store.describe-threads}, default 4: the work waits mostly on the disk's forcing, not the processor).
 */
@Configuration(proxyBeanMethods = false)
class StoreExecutors {

    static final String DESCRIBER = "storeDescriber";
    static final String WORKERS = "storeDescribeWorkers";

    @Bean(DESCRIBER)
    TaskExecutor storeDescriber() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setThreadNamePrefix("store-describe-");
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(30);
        executor.initialize();
        return executor;
    }

    @Bean(name = WORKERS, destroyMethod = "shutdown")
    ExecutorService storeDescribeWorkers(@Value("${lantai.store.describe-threads:4}") int threads) {
        CustomizableThreadFactory named = new CustomizableThreadFactory("store-describe-w-");
        named.setDaemon(true);
        return Executors.newFixedThreadPool(Math.max(1, threads), named);
    }
}
