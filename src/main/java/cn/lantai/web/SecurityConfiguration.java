package cn.lantai.web;

import java.security.SecureRandom;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Until the identity module lands, one administrator guards pages and API: user {@code admin}, password from
 * {@code LANTAI_ADMIN_PASSWORD} (HTTP Basic for the API). Without it a random password is made and logged once.
 */
@Configuration
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/v3/api-docs/**",
                                "/v3/api-docs", "/error", "/login", "/webjars/**", "/css/**", "/js/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .formLogin(form -> form.loginPage("/login").permitAll())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new VerifiedPasswords(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    }

    @Bean
    UserDetailsService administrators(@Value("${lantai.admin-password:}") String password, PasswordEncoder encoder) {
        String effective = password;
        if (effective == null || effective.isBlank()) {
            byte[] bytes = new byte[12];
            new SecureRandom().nextBytes(bytes);
            effective = HexFormat.of().formatHex(bytes);
            log.warn("LANTAI_ADMIN_PASSWORD is not set; this run's password for user 'admin' is: {}", effective);
        }
        return new InMemoryUserDetailsManager(User.withUsername("admin").password(encoder.encode(effective))
                .roles("ADMIN").build());
    }
}
