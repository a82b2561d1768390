package cn.lantai.web;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page (Spring Security processes its POST) and the workbench's root, which opens the catalogue. Which
 * message the page shows comes from the query Spring Security redirects to: {@code ?error}, {@code ?logout},
 * {@code ?expired}.
 */
@Controller
class LoginPage {

    @GetMapping("/login")
    String login(HttpSession session, Model model) {
        Object last = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        model.addAttribute("locked", last instanceof LockedException);
        return "login";
    }

    @GetMapping("/")
    String home() {
        return "redirect:/catalogue";
    }
}
