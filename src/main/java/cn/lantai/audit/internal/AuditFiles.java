package cn.lantai.audit.internal;

import java.nio.file.Path;

/**
 * Where the trail's anchors live outside the database: the checkpoint file ({@code lantai.audit.checkpoint-file},
 * default {@code <data-dir>/audit/checkpoints}), the archive's SM2 private key ({@code lantai.audit.key-file}, default
 * {@code ~/.lantai/keys/sm2-key.pem}, apart from the data directory) and its public key beside it
 * ({@code sm2-key.pub.pem}); and the data directory itself, where the key was made by default before.
 */
public record AuditFiles(Path checkpoints, Path privateKey, Path publicKey, Path dataDir) {

    public static AuditFiles of(Path checkpoints, Path privateKey, Path dataDir) {
        String name = privateKey.getFileName().toString();
        String publicName = name.endsWith(".pem") ? name.substring(0, name.length() - 4) + ".pub.pem" : name + ".pub";
        return new AuditFiles(checkpoints, privateKey, privateKey.resolveSibling(publicName), dataDir);
    }

    /** The key's default place: in the home directory of the account the application runs as. */
    static Path defaultKey() {
        return Path.of(System.getProperty("user.home"), ".lantai", "keys", "sm2-key.pem");
    }

    /** Where the key was made by default until it moved out of the data directory. */
    AuditFiles formerDefault() {
        return of(checkpoints, dataDir.resolve("audit").resolve("sm2-key.pem"), dataDir);
    }

    boolean keyInDataDir() {
        return privateKey.startsWith(dataDir);
    }
}
