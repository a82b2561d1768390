package cn.lantai.preservation.internal.store;

import io.ocfl.api.DigestAlgorithmRegistry;
import io.ocfl.api.OcflRepository;
import io.ocfl.core.OcflRepositoryBuilder;
import io.ocfl.core.extension.storage.layout.config.HashedNTupleLayoutConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OCFL 1.1 storage root on the local disk ({@code lantai.store.root}, by default {@code <data-dir>/store}), laid
 * out by the hashed n-tuple extension (0004) so millions of objects spread over directories; SHA-256 is the inventory
 * digest. Versions are staged in {@code lantai.store.work} (the same file system, so a finished version is moved into
 * place, never copied half-way).
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    @Bean
    StorageRoot storageRoot(@Value("${lantai.store.root}") Path root) {
        return new StorageRoot(root.toAbsolutePath().normalize());
    }

    @Bean(destroyMethod = "close")
    OcflRepository ocflRepository(StorageRoot storageRoot, @Value("${lantai.store.work}") Path work) {
        Path root = storageRoot.path();
        Sm3Algorithm.register();
        try {
            Files.createDirectories(root);
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the archival store at " + root, e);
        }
        return new OcflRepositoryBuilder()
                .defaultLayoutConfig(new HashedNTupleLayoutConfig())
                .storage(storage -> storage.fileSystem(root))
                .workDir(work)
                .ocflConfig(config -> config.setDefaultDigestAlgorithm(DigestAlgorithmRegistry.sha256))
                .build();
    }
}
