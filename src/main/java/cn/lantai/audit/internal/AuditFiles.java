package cn.lantai.audit.internal;

import java.nio.file.Path;

/**
 * Where the trail's anchors live outside the database: the checkpoint file ({@code lantai.audit.checkpoint-file},
 * default {@code <data-dir>/audit/checkpoints}), the archive's SM2 private key ({@code lantai.audit.key-file}, default
 * {@code <data-dir>/audit/sm2-key.pem}) and its public key beside it ({@code sm2-key.pub.pem}).
 */
public record AuditFiles(Path checkpoints, Path privateKey, Path publicKey) {

    public static AuditFiles of(Path checkpoints, Path privateKey) {
        String name = privateKey.getFileName().toString();
        String publicName = name.endsWith(".pem") ? name.substring(0, name.length() - 4) + ".pub.pem" : name + ".pub";
        return new AuditFiles(checkpoints, privateKey, privateKey.resolveSibling(publicName));
    }
}
