package cn.lantai.digitization;

import cn.lantai.catalog.Viewer;
import cn.lantai.identity.Right;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The one check of the DIGITIZE right (数字化) for the module: scan batches, remaking derivatives and reading pages
 * again all ask it here. Identity's rights are not the catalogue's, so the {@link Viewer} does not carry them: they
 * are the signed-in person's authorities, and only when that person is the viewer.
 */
public final class DigitizeRight {

    private DigitizeRight() {
    }

    public static boolean heldBy(Viewer viewer) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || viewer == null || !viewer.name().equals(auth.getName())) {
            return false;
        }
        return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(Right.DIGITIZE.name()::equals);
    }
}
