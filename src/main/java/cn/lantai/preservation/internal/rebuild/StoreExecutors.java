package cn.lantai.preservation.internal.rebuild;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The thread that keeps descriptions in the store: one, so versions follow the catalogue's commits in order. */
@Configuration(proxyBeanMethods = false)
class StoreExecutors {

    static final String DESCRIBER = "storeDescriber";

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
}
