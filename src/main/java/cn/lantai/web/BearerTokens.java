package cn.lantai.web;

import java.io.IOException;
import java.util.Optional;

import cn.lantai.identity.AccountManagement;
import cn.lantai.identity.PermissionManagement;
import cn.lantai.identity.TokensThrottled;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates REST calls by personal access token ({@code Authorization: Bearer lt_…}): a revoked or expired token,
 * or one of a disabled or locked account, authenticates nobody. The permissions found here are the request's: the
 * controllers' {@code Viewer} is made from them, not looked up again. The public API is not looked at: a token does
 * not widen it, so it is not read. An address that has had too many tokens refused this minute gets 429 with
 * {@code Retry-After}, its token unread.
 */
class BearerTokens extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final AccountManagement accounts;
    private final PermissionManagement permissions;
    private final RequestMatcher publicApi;

    BearerTokens(AccountManagement accounts, PermissionManagement permissions, RequestMatcher publicApi) {
        this.accounts = accounts;
        this.permissions = permissions;
        this.publicApi = publicApi;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return publicApi.matches(request);
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            Optional<AccountManagement.TokenHolder> holder;
            try {
                holder = accounts.tokenHolder(header.substring(PREFIX.length()).strip());
            } catch (TokensThrottled e) {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                response.setHeader(HttpHeaders.RETRY_AFTER, "60");
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.getWriter().write("{\"status\":429,\"title\":\"Too Many Requests\"}");
                return;
            }
            holder.flatMap(permissions::permissions)
                    .ifPresent(p -> {
                        ViewerResolver.remember(request, p);
                        var auth = UsernamePasswordAuthenticationToken.authenticated(p.username(), null,
                                AuthorityUtils.createAuthorityList(p.authorities().toArray(String[]::new)));
                        var context = SecurityContextHolder.createEmptyContext();
                        context.setAuthentication(auth);
                        SecurityContextHolder.setContext(context);
                    });
        }
        chain.doFilter(request, response);
    }
}
