package cn.lantai.web;

import java.io.IOException;
import java.util.Arrays;

import cn.lantai.identity.AccountManagement;
import cn.lantai.identity.PermissionManagement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two ways in. The REST API ({@code /api/**}) takes personal access tokens only ({@code Authorization: Bearer …}),
 * keeps no session and so needs no CSRF token; its public part ({@code /api/v1/public/**}, the portal's search over
 * open records) anyone may call; for local evaluation ({@code lantai.security.evaluation-admin}) it also
 * takes HTTP Basic, as the foundation did. The workbench uses form login with a session, CSRF tokens on every
 * form and htmx request, a session timeout ({@code server.servlet.session.timeout}), and ends a session at once when
 * its account is disabled, changes password or logs out everywhere.
 */
@Configuration
class SecurityConfiguration {

    /** The public API (the portal's search): anyone, without a token, a session or a CSRF token. */
    static final String PUBLIC_API = "/api/v1/public/**";

    static final String[] PUBLIC_PATHS = {"/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
            "/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**"};

    /**
     * No observation around each security filter: the request is observed once as a whole
     * ({@code http.server.requests}); wrapping every filter of both chains doubled the chain's cost per call.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AccountManagement accounts, PermissionManagement permissions,
            @Value("${lantai.security.evaluation-admin:false}") boolean evaluation) throws Exception {
        if (evaluation) {
            // local evaluation only: the foundation's `curl -u admin:…` keeps working (passwords, lockout and all)
            http.httpBasic(Customizer.withDefaults());
        }
        RequestMatcher publicApi = PathPatternRequestMatcher.withDefaults().matcher(PUBLIC_API);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth.requestMatchers(publicApi).permitAll().anyRequest().authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new BearerTokens(accounts, permissions, publicApi), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(SecurityConfiguration::unauthorized));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, PermissionManagement permissions) throws Exception {
        SavedRequestAwareAuthenticationSuccessHandler proceed = new SavedRequestAwareAuthenticationSuccessHandler();
        proceed.setDefaultTargetUrl("/");
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(PUBLIC_PATHS).permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .successHandler((request, response, authentication) -> {
                            permissions.permissions(authentication.getName()).ifPresent(p ->
                                    SessionGuard.remember(request, p.sessionEpoch()));
                            proceed.onAuthenticationSuccess(request, response, authentication);
                        })
                        .permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                                + "object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'")))
                .addFilterAfter(new SessionGuard(permissions, publicPaths()), AnonymousAuthenticationFilter.class);
        return http.build();
    }

    private static RequestMatcher publicPaths() {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(Arrays.stream(PUBLIC_PATHS).map(p -> (RequestMatcher) paths.matcher(p)).toList());
    }

    private static void unauthorized(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException e) throws IOException {
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader("WWW-Authenticate", "Bearer");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"status\":401,\"title\":\"Unauthorized\"}");
    }
}
