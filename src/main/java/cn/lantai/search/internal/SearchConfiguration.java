package cn.lantai.search.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import cn.lantai.search.SearchIndex;
import cn.lantai.search.internal.lucene.LuceneSearchIndex;
import cn.lantai.search.internal.solr.SolrSearchIndex;
import cn.lantai.shared.PressingWork;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Chooses the search engine: {@code lantai.search.engine=lucene} (default; the index lives in
 * {@code <data-dir>/index}) or {@code solr} with {@code lantai.search.solr.zk-host} and {@code .collection}.
 */
@Configuration
class SearchConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "lantai.search.engine", havingValue = "lucene", matchIfMissing = true)
    SearchIndex luceneSearchIndex(@Value("${lantai.data-dir}") Path dataDir) {
        return new LuceneSearchIndex(dataDir.resolve("index"));
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "lantai.search.engine", havingValue = "solr")
    CloudSolrClient solrClient(@Value("${lantai.search.solr.zk-host}") String zkHost) {
        return new CloudSolrClient.Builder(List.of(zkHost.split(",")), Optional.empty()).build();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "lantai.search.engine", havingValue = "solr")
    SearchIndex solrSearchIndex(CloudSolrClient solrClient,
            @Value("${lantai.search.solr.collection:lantai}") String collection) {
        return new SolrSearchIndex(solrClient, collection);
    }

    /** One thread keeps index updates in the order the catalogue committed them. */
    @Bean
    ThreadPoolTaskExecutor searchIndexer() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setThreadNamePrefix("search-index-");
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(30);
        executor.initialize();
        return executor;
    }

    /**
     * The index catching up with the catalogue is work somebody waits for: what they imported or changed is not found
     * until it is done.
     */
    @Bean
    PressingWork indexingUnderWay(@Qualifier("searchIndexer") ThreadPoolTaskExecutor searchIndexer) {
        return () -> searchIndexer.getActiveCount() > 0 || searchIndexer.getQueueSize() > 0;
    }
}
