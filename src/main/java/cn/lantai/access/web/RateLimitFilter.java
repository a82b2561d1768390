package cn.lantai.access.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

import cn.lantai.access.internal.limits.RateLimits;
import cn.lantai.access.internal.limits.RateLimits.Decision;
import cn.lantai.access.internal.limits.RateLimits.Tier;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UrlPathHelper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies the per-address {@link RateLimits} to the public surface: the portal and the public API, anonymous IIIF
 * calls (staff signed in or with a token are not limited here), and, stricter, the verification of certificates.
 * Runs after the security chains, so it knows whether an IIIF caller is signed in. A refused request gets 429 with
 * {@code Retry-After}: problem+json for the API and the images, a short page for the portal, in the caller's language.
 * Tiers are chosen on the path as the controllers and the security chains match it: decoded ({@code /%76erify} is
 * {@code /verify}), without {@code ;…} parameters or doubled slashes, within the application. Any other anonymous
 * request that got past the security chains (the login page, the error page, the API description) takes the
 * portal's allowance; only static files and the health check are free.
 */
@Component
@Order(0) // after Spring Security's filter chain (order -100), before the controllers
class RateLimitFilter extends OncePerRequestFilter {

    private static final Pattern ENGLISH = Pattern.compile("(^|&)lang=en");
    private static final UrlPathHelper PATHS = UrlPathHelper.defaultInstance;

    private final RateLimits limits;
    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    RateLimitFilter(RateLimits limits, MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.limits = limits;
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Tier tier = tier(path(request));
        if (tier != null) {
            Decision decision = limits.take(tier, request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
            if (!decision.allowed()) {
                refuse(request, response, decision.retryAfterSeconds());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The decoded, normalised path within the application, as Spring MVC and Spring Security match it. */
    private static String path(HttpServletRequest request) {
        return PATHS.getPathWithinApplication(request);
    }

    /** The tier of the (decoded) path, or null where no limit applies. */
    static Tier tier(String path) {
        if (under(path, "/verify") || under(path, "/api/v1/public/certificates")) {
            return Tier.VERIFY;
        }
        if (under(path, "/portal") || under(path, "/api/v1/public") || path.equals("/robots.txt")) {
            return Tier.PORTAL;
        }
        if (signedIn()) {
            return null;
        }
        if (under(path, "/iiif")) {
            return Tier.IMAGES;
        }
        return free(path) ? null : Tier.PORTAL;
    }

    /** Static files and the health check: cheap, the same for everyone, and asked for by every portal page. */
    private static boolean free(String path) {
        return under(path, "/css") || under(path, "/js") || under(path, "/vendor") || under(path, "/webjars")
                || path.equals("/favicon.ico") || under(path, "/actuator/health");
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private static boolean signedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, long retryAfter) throws IOException {
        Locale locale = locale(request);
        String title = messages.getMessage("portal.limit.title", null, locale);
        String detail = messages.getMessage("portal.limit.detail", new Object[] {retryAfter}, locale);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
        String path = path(request);
        if (under(path, "/api") || under(path, "/iiif")) {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getOutputStream().write(json.writeValueAsBytes(new Problem(title, 429, detail)));
            return;
        }
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String back = request.getContextPath() + "/portal";
        response.getOutputStream().write(("<!DOCTYPE html><html lang=\"" + locale.toLanguageTag() + "\"><head>"
                + "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + HtmlUtils.htmlEscape(title) + "</title></head><body><main><h1>"
                + HtmlUtils.htmlEscape(title) + "</h1><p role=\"alert\">" + HtmlUtils.htmlEscape(detail)
                + "</p><p><a href=\"" + HtmlUtils.htmlEscape(back) + "\">"
                + HtmlUtils.htmlEscape(messages.getMessage("portal.limit.back", null, locale))
                + "</a></p></main></body></html>").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@code ?lang=} of the address first (the portal's switch, which the controllers' interceptor reads only after
     * this filter; a posted body is not read here), then the resolver (cookie, Accept-Language).
     */
    private Locale locale(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query != null && query.contains("lang=")) {
            return ENGLISH.matcher(query).find() ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        }
        return locales.resolveLocale(request);
    }

    /** RFC 9457 problem details. */
    record Problem(String title, int status, String detail) {
    }
}
