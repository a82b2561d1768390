package cn.lantai.identity.web;

import java.util.List;
import java.util.Locale;

import cn.lantai.identity.Account;
import cn.lantai.identity.AccountManagement;
import cn.lantai.identity.IdentityProblem;
import cn.lantai.identity.IssuedToken;
import cn.lantai.identity.PasswordRejected;
import cn.lantai.identity.PermissionManagement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.MessageSource;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One's own account in the workbench: the password, personal access tokens, logging out everywhere. */
@Controller
class AccountPages {

    private final AccountManagement accounts;
    private final PermissionManagement permissions;
    private final MessageSource messages;

    AccountPages(AccountManagement accounts, PermissionManagement permissions, MessageSource messages) {
        this.accounts = accounts;
        this.permissions = permissions;
        this.messages = messages;
    }

    @GetMapping("/account")
    String account(Model model) {
        Account me = accounts.me();
        model.addAttribute("me", me);
        model.addAttribute("unitName", new AdminNames(accounts.units(), List.of(me)).unit(me.unit()));
        model.addAttribute("roleNames", AdminPages.joinedNames(permissions.roleNames(), me.roles()));
        model.addAttribute("tokens", accounts.tokens());
        return "account";
    }

    @GetMapping("/account/password")
    String passwordForm(Model model) {
        model.addAttribute("me", accounts.me());
        model.addAttribute("problems", List.of());
        return "account-password";
    }

    /**
     * Changes the password; every session of the account ends, so one signs in again with the new password. A wrong
     * current password or a weak new one comes back with the reasons.
     */
    @PostMapping("/account/password")
    String changePassword(@RequestParam String current, @RequestParam String replacement,
            @RequestParam String repeated, HttpServletRequest request, Model model, Locale locale) {
        List<String> problems;
        if (!replacement.equals(repeated)) {
            problems = List.of(messages.getMessage("account.password.mismatch", null, locale));
        } else {
            try {
                accounts.changePassword(current, replacement);
                signOut(request);
                return "redirect:/login?changed";
            } catch (PasswordRejected e) {
                problems = e.reasons().stream().map(r -> messages.getMessage(r, null, r, locale)).toList();
            } catch (IdentityProblem e) {
                problems = List.of(messages.getMessage(e.code(), e.args(), locale));
            }
        }
        model.addAttribute("me", accounts.me());
        model.addAttribute("problems", problems);
        return "account-password";
    }

    /** Creates a token and shows its secret once; asked for JSON (scripts, the benchmark) it answers the JSON. */
    @PostMapping(value = "/account/tokens", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<IssuedToken> createTokenJson(@RequestParam String name, @RequestParam(defaultValue = "90") int days) {
        return ResponseEntity.ok(accounts.createToken(name, days));
    }

    @PostMapping("/account/tokens")
    String createToken(@RequestParam String name, @RequestParam(defaultValue = "90") int days,
            RedirectAttributes redirect, Locale locale) {
        try {
            redirect.addFlashAttribute("issued", accounts.createToken(name, days));
        } catch (IdentityProblem e) {
            redirect.addFlashAttribute("tokenProblem", messages.getMessage(e.code(), e.args(), locale));
        }
        return "redirect:/account";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@PathVariable String id, RedirectAttributes redirect) {
        accounts.revokeToken(id);
        redirect.addFlashAttribute("flash", "account.token.revoked");
        return "redirect:/account";
    }

    /** Ends every session of the account, this one too. */
    @PostMapping("/account/logout-everywhere")
    String logoutEverywhere(HttpServletRequest request) {
        accounts.logoutEverywhere();
        signOut(request);
        return "redirect:/login?logout";
    }

    private static void signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
    }
}
