package cn.lantai.access.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import cn.lantai.access.internal.limits.RateLimits.Tier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Which allowance a path takes: verification the strict one, the portal and the public API the portal's, the IIIF
 * images the images' for anonymous callers only (staff signed in or with a token keep their sight and their speed),
 * and the workbench and the staff API none. An anonymous call anywhere else that got past the security chains (the
 * login page, the error page) takes the portal's; static files and the health check are free.
 */
class RateLimitTiersTest {

    @AfterEach
    void nobody() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void eachPublicPathHasItsTier() {
        assertThat(RateLimitFilter.tier("/verify")).isEqualTo(Tier.VERIFY);
        assertThat(RateLimitFilter.tier("/verify/LT-2026-000001")).isEqualTo(Tier.VERIFY);
        assertThat(RateLimitFilter.tier("/api/v1/public/certificates/LT-1")).isEqualTo(Tier.VERIFY);
        for (String path : List.of("/portal", "/portal/items/1", "/portal/sitemap.xml", "/api/v1/public/search",
                "/api/v1/public/items/1", "/robots.txt")) {
            assertThat(RateLimitFilter.tier(path)).as(path).isEqualTo(Tier.PORTAL);
        }
        for (String path : List.of("/css/portal.css", "/js/portal.js", "/vendor/x.js", "/webjars/a/b.js",
                "/favicon.ico", "/actuator/health", "/actuator/health/liveness")) {
            assertThat(RateLimitFilter.tier(path)).as(path).isNull();
        }
    }

    @Test
    void anAnonymousCallerPastTheSecurityChainsTakesThePortalsAllowanceAnywhereElse() {
        for (String path : List.of("/", "/login", "/error", "/v3/api-docs", "/verifyx", "/portalx", "/cssx")) {
            assertThat(RateLimitFilter.tier(path)).as(path).isEqualTo(Tier.PORTAL);
        }
    }

    @Test
    void signedInStaffAreNotLimitedOnTheWorkbenchOrTheStaffApi() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "archivist", null, AuthorityUtils.createAuthorityList("CATALOG_EDIT")));
        for (String path : List.of("/", "/catalogue", "/api/v1/items/1", "/verifyx", "/portalx", "/login")) {
            assertThat(RateLimitFilter.tier(path)).as(path).isNull();
        }
        assertThat(RateLimitFilter.tier("/portal")).as("the portal is the public's, whoever asks")
                .isEqualTo(Tier.PORTAL);
        assertThat(RateLimitFilter.tier("/verify")).isEqualTo(Tier.VERIFY);
    }

    @Test
    void theImagesAreLimitedForAnonymousCallersOnly() {
        assertThat(RateLimitFilter.tier("/iiif/3/1-1/info.json")).isEqualTo(Tier.IMAGES);
        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        assertThat(RateLimitFilter.tier("/iiif/3/manifests/1")).isEqualTo(Tier.IMAGES);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "archivist", null, AuthorityUtils.createAuthorityList("CATALOG_EDIT")));
        assertThat(RateLimitFilter.tier("/iiif/3/1-1/info.json")).isNull();
    }
}
