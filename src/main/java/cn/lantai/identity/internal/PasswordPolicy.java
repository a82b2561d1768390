package cn.lantai.identity.internal;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.lantai.identity.PasswordRejected;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The password policy of a classified-information system (GB/T 22239 level 3 asks for complexity and regular change):
 * at least {@code lantai.security.password.min-length} characters (default 10) of at least three of the four kinds
 * (upper case, lower case, digits, symbols), not containing the login name, and not the current password.
 */
@Component
public class PasswordPolicy {

    private static final String ONE_TIME_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int MAX_LENGTH = 128;

    private final int minLength;
    private final SecureRandom random = new SecureRandom();

    PasswordPolicy(@Value("${lantai.security.password.min-length:10}") int minLength) {
        this.minLength = minLength;
    }

    /** Refuses with {@link PasswordRejected} listing every rule the password breaks. */
    public void check(String username, String password) {
        List<String> reasons = new ArrayList<>();
        if (password == null || password.length() < minLength) {
            reasons.add("identity.password.too-short");
        }
        if (password != null && password.length() > MAX_LENGTH) {
            reasons.add("identity.password.too-long");
        }
        if (password != null && kinds(password) < 3) {
            reasons.add("identity.password.too-simple");
        }
        if (password != null && username != null && !username.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            reasons.add("identity.password.contains-username");
        }
        if (!reasons.isEmpty()) {
            throw new PasswordRejected(reasons);
        }
    }

    /** A random password that meets the policy, for first start and resets; to be changed at first login. */
    public String oneTime() {
        StringBuilder b = new StringBuilder();
        while (b.length() < Math.max(minLength, 16) || kinds(b.toString()) < 3) {
            if (b.length() >= Math.max(minLength, 16)) {
                b.setLength(0);
            }
            b.append(ONE_TIME_ALPHABET.charAt(random.nextInt(ONE_TIME_ALPHABET.length())));
        }
        return b.toString();
    }

    private static int kinds(String p) {
        boolean upper = false, lower = false, digit = false, other = false;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
