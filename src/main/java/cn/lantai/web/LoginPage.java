package cn.lantai.web;

import java.util.Set;
import java.util.stream.Collectors;

import cn.lantai.identity.AdminDuty;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page (Spring Security processes its POST) and the workbench's root, which opens each person's own work:
 * the three administrators (三员分立) their duty's page, everyone else the catalogue. Which
 * message the page shows comes from the query Spring Security redirects to: {@code ?error}, {@code ?logout},
 * {@code ?expired}, {@code ?changed}.
 */
@Controller
class LoginPage {

    /**
     * A refused sign-in gets one message whatever the cause (wrong password, unknown name, locked or disabled
     * account), so the page tells nobody which names exist.
     */
    @GetMapping("/login")
    String login() {
        return "login";
    }

    /**
     * Where the sign-in leads: the system administrator to the accounts, the security administrator to what waits for
     * their confirmation (beside roles, clearances and groups), the auditor to the trail; an administrator has no
     * records to catalogue (local evaluation's {@code admin} too lands on the accounts, with the catalogue a link away).
     */
    @GetMapping("/")
    String home(Authentication signedIn) {
        Set<String> authorities = signedIn == null ? Set.of()
                : signedIn.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        if (authorities.contains(AdminDuty.SYSTEM_ADMIN.authority())) {
            return "redirect:/admin/users";
        }
        if (authorities.contains(AdminDuty.SECURITY_ADMIN.authority())) {
            return "redirect:/admin/pending";
        }
        if (authorities.contains(AdminDuty.AUDITOR.authority())) {
            return "redirect:/audit";
        }
        return "redirect:/catalogue";
    }
}
