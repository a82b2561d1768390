package cn.lantai.preservation.internal.rebuild;

import cn.lantai.preservation.CatalogueRebuilds;
import cn.lantai.preservation.RebuildOutcome;
import cn.lantai.preservation.RebuildRefused;
import java.io.PrintStream;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code --lantai.store.rebuild-catalogue}: rebuild the catalogue and the index from the store, print the outcome and
 * exit: 0 when every object came back, 1 when some could not (they are named), 2 when refused because the catalogue
 * is not empty ({@code --lantai.store.rebuild-catalogue=replace} replaces it). Runs before the other start-up runners
 * (after the audit's verification), with no port open ({@code LantaiApplication}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class RebuildCommand implements ApplicationRunner {

    private final CatalogueRebuilds rebuilds;
    private final ApplicationContext context;

    RebuildCommand(CatalogueRebuilds rebuilds, ApplicationContext context) {
        this.rebuilds = rebuilds;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (args.containsOption(CatalogueRebuilds.OPTION)) {
            boolean replace = args.getOptionValues(CatalogueRebuilds.OPTION).contains(CatalogueRebuilds.REPLACE);
            int status = rebuild(System.out, replace);
            System.exit(SpringApplication.exit(context, () -> status));
        }
    }

    /** Rebuilds, prints the outcome and answers the exit status. */
    public int rebuild(PrintStream out, boolean replace) {
        RebuildOutcome outcome;
        try {
            outcome = rebuilds.runNow(replace, System.getProperty("user.name", "server"));
        } catch (RebuildRefused e) {
            out.printf("Refused: %s (--%s=%s replaces it).%n", e.getMessage(), CatalogueRebuilds.OPTION,
                    CatalogueRebuilds.REPLACE);
            return 2;
        }
        out.printf("Catalogue rebuilt from the store: %d records, %d deleted records left out, %d files (卷), "
                + "%d items indexed.%n", outcome.records(), outcome.deleted(), outcome.files(), outcome.indexed());
        outcome.problems().forEach(problem -> out.printf("  not rebuilt: %s%n", problem));
        return outcome.problems().isEmpty() ? 0 : 1;
    }
}
