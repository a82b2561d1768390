package cn.lantai.access;

import cn.lantai.catalog.Viewer;
import cn.lantai.identity.Right;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The one check of the use rights for the module: {@code SERVE_READERS} (利用, the reading-room desk) and
 * {@code APPROVE_USE} (利用审批). Identity's rights are not the catalogue's, so the {@link Viewer} does not carry them:
 * they are the signed-in person's authorities, and only when that person is the viewer.
 */
public final class AccessRights {

    private AccessRights() {
    }

    /** Whether the viewer works the reading-room desk ({@code SERVE_READERS}). */
    public static boolean servesReaders(Viewer viewer) {
        return held(viewer, Right.SERVE_READERS);
    }

    /** Whether the viewer approves requests for controlled records ({@code APPROVE_USE}). */
    public static boolean approvesUse(Viewer viewer) {
        return held(viewer, Right.APPROVE_USE);
    }

    private static boolean held(Viewer viewer, Right right) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || viewer == null || !viewer.name().equals(auth.getName())) {
            return false;
        }
        return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(right.name()::equals);
    }
}
