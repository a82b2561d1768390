package cn.lantai.audit;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** An SM2 key of the attacker's own, to sign checkpoint lines that look right. */
final class ForeignKey {

    private ForeignKey() {
    }

    static String signedLine(long seq, String digest) throws Exception {
        BouncyCastleProvider bc = new BouncyCastleProvider();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", bc);
        generator.initialize(new ECGenParameterSpec("sm2p256v1"));
        KeyPair pair = generator.generateKeyPair();
        String body = seq + " " + digest + " " + Instant.now();
        Signature signature = Signature.getInstance("SM3withSM2", bc);
        signature.initSign(pair.getPrivate());
        signature.update(body.getBytes(StandardCharsets.UTF_8));
        return body + " " + Base64.getEncoder().encodeToString(signature.sign());
    }
}
