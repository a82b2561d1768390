package cn.lantai.web;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import static org.assertj.core.api.Assertions.assertThat;

/** API clients pay the slow password hash once, not per request; a wrong password never gets in. */
class VerifiedPasswordsTest {

    private final AtomicInteger slowChecks = new AtomicInteger();
    private final PasswordEncoder bcrypt = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            slowChecks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    };

    @Test
    void aVerifiedPasswordIsRememberedAndAWrongOneIsAlwaysCheckedAndRefused() {
        VerifiedPasswords passwords = new VerifiedPasswords(counting);
        String stored = passwords.encode("正确的口令");
        assertThat(passwords.matches("正确的口令", stored)).isTrue();
        assertThat(passwords.matches("正确的口令", stored)).isTrue();
        assertThat(passwords.matches("正确的口令", stored)).isTrue();
        assertThat(slowChecks).hasValue(1);
        assertThat(passwords.matches("错误的口令", stored)).isFalse();
        assertThat(passwords.matches("错误的口令", stored)).isFalse();
        assertThat(slowChecks).hasValue(3);
        assertThat(passwords.matches("正确的口令", passwords.encode("另一个口令"))).isFalse();
    }
}
