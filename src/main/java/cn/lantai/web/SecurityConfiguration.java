package cn.lantai.web;

import java.io.IOException;
import java.util.Arrays;

import cn.lantai.catalog.CatalogImports;
import cn.lantai.identity.AccountManagement;
import cn.lantai.identity.AdminDuty;
import cn.lantai.identity.PermissionManagement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two ways in. The REST API ({@code /api/**}) takes personal access tokens only ({@code Authorization: Bearer …}),
 * keeps no session and so needs no CSRF token; its public part ({@code /api/v1/public/**}, the portal's search over
 * open records) anyone may call; for local evaluation ({@code lantai.security.evaluation-admin}) it also
 * takes HTTP Basic, as the foundation did. The workbench uses form login with a session, CSRF tokens on every
 * form and htmx request, a session timeout ({@code server.servlet.session.timeout}), and ends a session at once when
 * its account is disabled, changes password or logs out everywhere. The actuator goes with the API: its health is for
 * anyone, its metrics ({@code /actuator/prometheus} …) for the system administrator's token only. In both, uploads of
 * catalogues pass the {@link UploadGate} before their body is read. Responses carry {@code Referrer-Policy:
 * no-referrer} (an address names records and search words), and HSTS on requests that came over TLS.
 */
@Configuration
class SecurityConfiguration {

    /** The public API (the portal's search): anyone, without a token, a session or a CSRF token. */
    static final String PUBLIC_API = "/api/v1/public/**";

    /**
     * The stacks' sensors post their readings with a credential of their own (a sensor token, not a person's), which
     * the stacks module checks: no personal token is read for it.
     */
    static final String SENSOR_READINGS = "/api/v1/stacks/readings";

    /** The actuator's health: for anyone, like the public API, and no token is read for it. */
    static final String[] HEALTH = {"/actuator/health", "/actuator/health/**"};

    /** The public portal over open records and the verification of certificates: for anyone, signed in or not. */
    static final String[] PUBLIC_PATHS = {"/login", "/css/**", "/js/**", "/vendor/**", "/webjars/**", "/favicon.ico",
            "/error", "/v3/api-docs", "/v3/api-docs/**", "/portal", "/portal/**", "/verify", "/verify/**",
            "/robots.txt"};

    private final CatalogImports imports;
    private final ViewerResolver viewers;
    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    SecurityConfiguration(CatalogImports imports, ViewerResolver viewers, MessageSource messages,
            LocaleResolver locales, JsonMapper json) {
        this.imports = imports;
        this.viewers = viewers;
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    /**
     * No observation around each security filter: the request is observed once as a whole
     * ({@code http.server.requests}); wrapping every filter of both chains doubled the chain's cost per call.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** The strict firewall, its name and value rules checked without regular expressions ({@link RequestFirewall}). */
    @Bean
    StrictHttpFirewall httpFirewall() {
        return RequestFirewall.strict();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AccountManagement accounts, PermissionManagement permissions,
            @Value("${lantai.security.evaluation-admin:false}") boolean evaluation) throws Exception {
        if (evaluation) {
            // local evaluation only: the foundation's `curl -u admin:…` keeps working (passwords, lockout and all)
            http.httpBasic(Customizer.withDefaults());
        }
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        RequestMatcher open = new OrRequestMatcher(paths.matcher(PUBLIC_API), paths.matcher(HEALTH[0]),
                paths.matcher(HEALTH[1]), paths.matcher(HttpMethod.POST, SENSOR_READINGS));
        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(auth -> auth.requestMatchers(open).permitAll()
                        .requestMatchers("/actuator/**").hasAuthority(AdminDuty.SYSTEM_ADMIN.authority())
                        .anyRequest().authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers.referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER)))
                .addFilterBefore(new BearerTokens(accounts, permissions, open), BasicAuthenticationFilter.class)
                .addFilterAfter(uploadGate(), AuthorizationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(SecurityConfiguration::unauthorized));
        return http.build();
    }

    /** One per chain, not a bean: as a bean, Boot would also run it outside the chains. */
    private UploadGate uploadGate() {
        return new UploadGate(imports, viewers, messages, locales, json);
    }

    /**
     * The IIIF images and manifests of scanned pages ({@code /iiif/**}): for the workbench's deep-zoom viewer, signed in
     * with its session, for API callers with a token, and for anyone else as the public ({@link ViewerResolver} makes
     * an anonymous caller {@code Viewer.publicUser}): the controllers ask the catalogue, so an anonymous caller sees the
     * pages of open, unclassified records only, and anything else answers the same 404 as a page that does not exist.
     * A token or session that no longer holds is no error here: the caller is simply the public.
     */
    @Bean
    @Order(2)
    SecurityFilterChain iiif(HttpSecurity http, AccountManagement accounts, PermissionManagement permissions)
            throws Exception {
        RequestMatcher nothingPublic = request -> false;
        http.securityMatcher("/iiif/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers.referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
                .addFilterBefore(new BearerTokens(accounts, permissions, nothingPublic), BasicAuthenticationFilter.class)
                .addFilterAfter(new SessionGuard(permissions, nothingPublic), AnonymousAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(3)
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
                .headers(headers -> headers.referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                                + "object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'")))
                .addFilterBefore(uploadGate(), CsrfFilter.class)
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
