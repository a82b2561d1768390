package cn.lantai.web;

import java.io.IOException;
import java.util.Optional;

import cn.lantai.identity.PermissionManagement;
import cn.lantai.identity.Permissions;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a workbench session whose account was disabled, changed its password or logged out everywhere since the
 * session began (the account's session epoch moved on), and keeps someone with a one-time password on the
 * change-password page until they have chosen their own.
 */
class SessionGuard extends OncePerRequestFilter {

    static final String EPOCH = "lantai.session-epoch";
    static final String CHANGE_PASSWORD = "/account/password";
    private final PermissionManagement permissions;
    private final RequestMatcher publicPaths;

    /** {@code publicPaths}: what anyone may fetch (sign-in page, styles, scripts): not guarded, and not looked up. */
    SessionGuard(PermissionManagement permissions, RequestMatcher publicPaths) {
        this.permissions = permissions;
        this.publicPaths = publicPaths;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return publicPaths.matches(request);
    }

    static void remember(HttpServletRequest request, int epoch) {
        request.getSession().setAttribute(EPOCH, epoch);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()
                || session == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Permissions> now = permissions.permissions(auth.getName());
        Object epoch = session.getAttribute(EPOCH);
        if (now.isEmpty() || !(epoch instanceof Integer e) || e != now.get().sessionEpoch()) {
            session.invalidate();
            SecurityContextHolder.clearContext();
            response.sendRedirect(request.getContextPath() + "/login?expired");
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (now.get().mustChangePassword() && !path.equals(CHANGE_PASSWORD) && !path.equals("/logout")) {
            response.sendRedirect(request.getContextPath() + CHANGE_PASSWORD);
            return;
        }
        ViewerResolver.remember(request, now.get());
        chain.doFilter(request, response);
    }
}
