package cn.lantai.search.internal;

import cn.lantai.search.SearchManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code --lantai.search.rebuild}: rebuild the index from the database and exit. Without it, an empty index over a
 * non-empty catalogue (a lost or new index directory), or one written in an earlier layout of fields, is rebuilt in the
 * background at start while searches go on in the old one.
 */
@Component
class SearchStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SearchStartup.class);

    private final SearchManagement search;
    private final ApplicationContext context;

    SearchStartup(SearchManagement search, ApplicationContext context) {
        this.search = search;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (args.containsOption("lantai.search.rebuild")) {
            long n = search.rebuild();
            log.info("Rebuilt the search index with {} items; exiting as asked", n);
            System.exit(SpringApplication.exit(context, () -> 0));
        }
        if (search.indexNeedsRebuild()) {
            Thread rebuild = new Thread(() -> {
                long n = search.rebuild();
                log.info("The search index was empty or of an earlier layout; rebuilt it from the catalogue ({} items)", n);
            }, "search-rebuild");
            rebuild.setDaemon(true);
            rebuild.start();
        }
    }
}
