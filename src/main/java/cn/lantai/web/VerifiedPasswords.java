package cn.lantai.web;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A password encoder that remembers, for a few minutes, which (password, stored hash) pairs it has already verified,
 * so that an API client sending HTTP Basic with every request pays the deliberately slow hash (bcrypt, ~0.1 s of CPU)
 * once, not on every request. Only successful checks are remembered, as an HMAC under a key made at start; a wrong
 * password always goes through the slow hash.
 */
final class VerifiedPasswords implements PasswordEncoder {

    private static final Duration REMEMBER = Duration.ofMinutes(5);
    private static final int MAX_ENTRIES = 10_000;

    private final PasswordEncoder slow;
    private final byte[] key = new byte[32];
    private final Map<String, Long> verifiedUntil = new ConcurrentHashMap<>();

    VerifiedPasswords(PasswordEncoder slow) {
        this.slow = slow;
        new SecureRandom().nextBytes(key);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return slow.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return false;
        }
        String pair = mac(rawPassword + "\u0000" + encodedPassword);
        long now = System.nanoTime();
        Long until = verifiedUntil.get(pair);
        if (until != null && until - now > 0) {
            return true;
        }
        if (!slow.matches(rawPassword, encodedPassword)) {
            return false;
        }
        if (verifiedUntil.size() >= MAX_ENTRIES) {
            verifiedUntil.clear();
        }
        verifiedUntil.put(pair, now + REMEMBER.toNanos());
        return true;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return slow.upgradeEncoding(encodedPassword);
    }

    private String mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
