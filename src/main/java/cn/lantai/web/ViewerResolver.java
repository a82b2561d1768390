package cn.lantai.web;

import java.util.List;

import cn.lantai.catalog.Viewer;
import cn.lantai.identity.PermissionManagement;
import cn.lantai.identity.Permissions;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives controllers the {@link Viewer} of the request: the signed-in account's clearance, roles' rights and data
 * scope as they are now, and the request's address for the audit trail. Nobody signed in is the public.
 */
@Configuration
class ViewerResolver implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    private static final String ATTRIBUTE = "lantai.permissions";

    private final PermissionManagement permissions;

    ViewerResolver(@Lazy PermissionManagement permissions) {
        this.permissions = permissions;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(Viewer.class);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
            WebDataBinderFactory binder) {
        return viewer(request.getNativeRequest(HttpServletRequest.class));
    }

    /** The viewer of the request, also for the shell's filters. */
    Viewer viewer(HttpServletRequest http) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            return Viewer.publicUser("anonymous");
        }
        Object known = http.getAttribute(ATTRIBUTE);
        Permissions p = known instanceof Permissions given ? given : permissions.permissions(auth.getName()).orElse(null);
        return p == null ? Viewer.publicUser(auth.getName()) : p.viewer(http.getRemoteAddr());
    }

    static void remember(HttpServletRequest request, Permissions p) {
        request.setAttribute(ATTRIBUTE, p);
    }
}
