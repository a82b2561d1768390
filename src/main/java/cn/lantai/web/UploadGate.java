package cn.lantai.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import cn.lantai.catalog.CatalogImports;
import cn.lantai.catalog.CatalogProblem;
import cn.lantai.catalog.ImportsBusy;
import cn.lantai.catalog.NotPermitted;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Admits the requests that upload or read a catalogue (every POST under {@code /api/v1/imports} and {@code /imports})
 * before anything reads their body: without the right to import, 403 (audited); with as much import work under way as
 * one person may have, 429. A refused upload is thus never received, stored or parsed, and the admitted request holds
 * its place in the person's import work until it ends. In the workbench's chain it stands before the CSRF check, which
 * would read the multipart body for its token; nobody signed in is sent to the sign-in page unread.
 */
class UploadGate extends OncePerRequestFilter {

    static final RequestMatcher IMPORTS = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/imports/**"),
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/imports/**"));

    private final CatalogImports imports;
    private final ViewerResolver viewers;
    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    UploadGate(CatalogImports imports, ViewerResolver viewers, MessageSource messages, LocaleResolver locales,
            JsonMapper json) {
        this.imports = imports;
        this.viewers = viewers;
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !IMPORTS.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            response.sendRedirect(request.getContextPath() + "/login");
            return;
        }
        CatalogImports.Admission admission;
        try {
            admission = imports.admit(viewers.viewer(request));
        } catch (NotPermitted e) {
            refuse(request, response, HttpStatus.FORBIDDEN, e);
            return;
        } catch (ImportsBusy e) {
            refuse(request, response, HttpStatus.TOO_MANY_REQUESTS, e);
            return;
        }
        try (CatalogImports.Admission held = admission) {
            chain.doFilter(request, response);
        }
    }

    /** The API answers an RFC 9457 problem, the workbench its error page; either way the body stays unread. */
    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
            CatalogProblem problem) throws IOException {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.sendError(status.value());
            return;
        }
        Locale locale = locales.resolveLocale(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", messages.getMessage(problem.code(), problem.args(), locale));
        body.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(body));
    }
}
