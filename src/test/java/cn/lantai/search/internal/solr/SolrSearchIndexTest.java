package cn.lantai.search.internal.solr;

import java.nio.file.Path;

import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import cn.lantai.search.SearchIndex;
import cn.lantai.search.SearchIndexContract;

/**
 * The search contract against the SolrCloud engine: one in-process SolrCloud node (with its own ZooKeeper) for the
 * whole class, the shipped {@code lantai} configset uploaded, one collection of one shard.
 */
class SolrSearchIndexTest extends SearchIndexContract {

    private static final String COLLECTION = "lantai";
    private static final Path CONFIGSET = Path.of("src/main/resources/solr/lantai/conf");

    @TempDir
    static Path solrHome;

    private static MiniSolrCloudCluster cluster;
    private static SolrSearchIndex engine;

    @BeforeAll
    static void startSolrCloud() throws Exception {
        cluster = new MiniSolrCloudCluster.Builder(1, solrHome).addConfig(COLLECTION, CONFIGSET).build();
        CollectionAdminRequest.createCollection(COLLECTION, COLLECTION, 1, 1).process(cluster.getSolrClient());
        cluster.waitForActiveCollection(COLLECTION, 1, 1);
        engine = new SolrSearchIndex(cluster.getSolrClient(), COLLECTION);
    }

    @AfterAll
    static void stopSolrCloud() throws Exception {
        if (engine != null) {
            engine.close();
        }
        if (cluster != null) {
            cluster.shutdown();
        }
    }

    @Override
    protected SearchIndex openIndex() {
        return engine;
    }

    @Override
    protected void closeIndex(SearchIndex index) {
        // shared by the class; cleared before each test
    }
}
