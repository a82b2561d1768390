package cn.lantai.accession.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.lantai.accession.Transfers;
import cn.lantai.catalog.NotPermitted;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a package upload ({@code POST /api/v1/transfers}, {@code POST /transfers}) of a signed-in person without
 * the right to prepare transfers before anything reads its body, after the security filters have authenticated the
 * request: the API answers a 403 problem, the workbench its error page, and the refusal is audited. (The workbench's
 * CSRF check reads a multipart body for its token first, so there the body is on disk already; the API keeps none.)
 */
@Component
class TransferUploadGate extends OncePerRequestFilter {

    private static final String API = "/api/v1/transfers";
    private static final String PAGE = "/transfers";

    private final Transfers transfers;
    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    TransferUploadGate(Transfers transfers, MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.transfers = transfers;
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"POST".equals(request.getMethod()) || !(path.equals(API) || path.equals(PAGE));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        try {
            transfers.admitUpload(auth.getName(), request.getRemoteAddr());
        } catch (NotPermitted e) {
            refuse(request, response, e);
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, NotPermitted e) throws IOException {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.sendError(HttpStatus.FORBIDDEN.value());
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", HttpStatus.FORBIDDEN.getReasonPhrase());
        body.put("status", HttpStatus.FORBIDDEN.value());
        body.put("detail", messages.getMessage(e.code(), e.args(), locales.resolveLocale(request)));
        body.put("instance", request.getRequestURI());
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(body));
    }
}
