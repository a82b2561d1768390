package cn.lantai.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page (Spring Security processes its POST) and the workbench's root, which opens the catalogue. Which
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

    @GetMapping("/")
    String home() {
        return "redirect:/catalogue";
    }
}
