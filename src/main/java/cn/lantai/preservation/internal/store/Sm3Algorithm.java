package cn.lantai.preservation.internal.store;

import io.ocfl.api.DigestAlgorithmRegistry;
import io.ocfl.api.model.DigestAlgorithm;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.bouncycastle.jcajce.provider.digest.SM3;

/**
 * SM3 (GB/T 32905) as an OCFL digest algorithm, so each file's SM3 sits in the object's fixity block beside the
 * SHA-256 the inventory is keyed by. OCFL allows fixity algorithms beyond its registry; readers that do not know
 * "sm3" ignore the entry.
 */
public final class Sm3Algorithm extends DigestAlgorithm {

    public static final Sm3Algorithm SM3_ALGORITHM = new Sm3Algorithm();

    static {
        DigestAlgorithmRegistry.register(SM3_ALGORITHM);
    }

    private Sm3Algorithm() {
        super("sm3", "SM3");
    }

    /** Makes sure ocfl-java knows the algorithm before it reads an inventory that names it. */
    public static void register() {
        // the static initialiser did it
    }

    @Override
    public MessageDigest getMessageDigest() {
        return new SM3.Digest();
    }

    @Override
    public String encode(byte[] value) {
        return HexFormat.of().formatHex(value);
    }
}
