package cn.lantai.identity.web;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import cn.lantai.catalog.Classification;
import cn.lantai.identity.Account;
import cn.lantai.identity.AccountManagement;
import cn.lantai.identity.AdminDuty;
import cn.lantai.identity.IssuedPassword;
import cn.lantai.identity.NewAccount;
import cn.lantai.identity.PendingChange;
import cn.lantai.identity.PendingChange.Kind;
import cn.lantai.identity.PermissionManagement;
import cn.lantai.identity.Right;
import cn.lantai.identity.Role;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Accounts, roles and the changes waiting for confirmation. Both administrators see them; each page offers each the
 * actions of their own duty only, and only where the service would take them (nobody acts on their own account, an
 * administrator's password is reset only at the server, the last holder of a duty stays enabled); the services refuse
 * anything else whatever the page sends. Organisation units and groups are {@link UnitPages}'.
 */
@Controller
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN')")
class AdminPages {

    private static final String SAVED = "admin.saved";
    /** Done, and waiting for the security administrator's confirmation to take effect. */
    private static final String AWAITING = "admin.awaiting-confirmation";

    private final AccountManagement accounts;
    private final PermissionManagement permissions;
    private final MessageSource messages;

    AdminPages(AccountManagement accounts, PermissionManagement permissions, MessageSource messages) {
        this.accounts = accounts;
        this.permissions = permissions;
        this.messages = messages;
    }

    @GetMapping("/admin/users")
    String users(Model model) {
        List<Account> all = accounts.accounts();
        List<PendingChange> pending = permissions.pendingChanges();
        model.addAttribute("accounts", all);
        model.addAttribute("me", accounts.me().username());
        model.addAttribute("pendingCount", pending.size());
        model.addAttribute("moves", bySubject(pending, Kind.ACCOUNT_UNIT));
        model.addAttribute("lastOfDuty", lastOfDuty(all));
        model.addAttribute("roles", permissions.roles());
        model.addAttribute("roleNames", roleNames(all));
        model.addAttribute("units", accounts.units());
        model.addAttribute("groups", accounts.groups());
        model.addAttribute("clearances", Classification.values());
        model.addAttribute("duties", AdminDuty.values());
        model.addAttribute("names", new AdminNames(accounts.units(), all));
        return "admin-users";
    }

    @PostMapping("/admin/users")
    String create(@RequestParam String username, @RequestParam String displayName,
            @RequestParam(required = false) String unit, RedirectAttributes redirect, Locale locale) {
        return act(redirect, locale, () -> {
            IssuedPassword issued = accounts.create(new NewAccount(username, displayName, unit));
            redirect.addFlashAttribute("issued", issued);
            return accounts.account(issued.username()).heldBack() ? "admin.create-awaiting-confirmation" : SAVED;
        });
    }

    @PostMapping("/admin/users/{username}/{action:disable|enable|unlock|password-reset}")
    String account(@PathVariable String username, @PathVariable String action, RedirectAttributes redirect,
            Locale locale) {
        return act(redirect, locale, () -> {
            switch (action) {
                case "disable" -> accounts.disable(username);
                case "enable" -> accounts.enable(username);
                case "unlock" -> accounts.unlock(username);
                default -> {
                    redirect.addFlashAttribute("issued", accounts.resetPassword(username));
                    return "admin.reset-awaiting-confirmation";
                }
            }
            return SAVED;
        });
    }

    /** The security administrator's form for one account: its roles, clearance and administrator duty. */
    @PostMapping("/admin/users/{username}/permissions")
    String permissions(@PathVariable String username, @RequestParam(required = false) Set<String> roles,
            @RequestParam(required = false) Set<String> groups, @RequestParam String clearance,
            @RequestParam(required = false) String duty, RedirectAttributes redirect, Locale locale) {
        return act(redirect, locale, () -> {
            permissions.grant(username, roles == null ? Set.of() : roles, groups == null ? Set.of() : groups,
                    Classification.valueOf(clearance),
                    duty == null || duty.isBlank() ? null : AdminDuty.valueOf(duty));
            return SAVED;
        });
    }

    /** The system administrator's form for one account: its organisation unit, once confirmed. */
    @PostMapping("/admin/users/{username}/place")
    String place(@PathVariable String username, @RequestParam(required = false) String unit,
            RedirectAttributes redirect, Locale locale) {
        return act(redirect, locale, () -> savedOrAwaiting(accounts.moveToUnit(username, unit)));
    }

    /**
     * What waits for the security administrator: the security administrator's first page, where each change is
     * confirmed or refused; the system administrator sees what they asked for and that it waits.
     */
    @GetMapping("/admin/pending")
    String pending(Model model) {
        List<Account> all = accounts.accounts();
        model.addAttribute("pending", permissions.pendingChanges());
        model.addAttribute("me", accounts.me().username());
        model.addAttribute("names", new AdminNames(accounts.units(), all));
        return "admin-pending";
    }

    /** The security administrator confirms or refuses one of the system administrator's changes. */
    @PostMapping("/admin/pending/{id}/{action:confirm|refuse}")
    String decide(@PathVariable long id, @PathVariable String action, RedirectAttributes redirect, Locale locale) {
        return AdminOutcome.act(messages, redirect, locale, () -> {
            if (action.equals("confirm")) {
                permissions.confirm(id);
            } else {
                permissions.refuse(id);
            }
            return SAVED;
        }, "redirect:/admin/pending");
    }

    @GetMapping("/admin/roles")
    String roles(Model model) {
        model.addAttribute("roles", permissions.roles());
        model.addAttribute("rights", Right.values());
        return "admin-roles";
    }

    @PostMapping("/admin/roles")
    String defineRole(@RequestParam String code, @RequestParam String name,
            @RequestParam(defaultValue = "false") boolean seesUnopened,
            @RequestParam(defaultValue = "false") boolean ownUnitOnly,
            @RequestParam(required = false) Set<Right> rights, @RequestParam(defaultValue = "") String fonds,
            @RequestParam(defaultValue = "") String categories, RedirectAttributes redirect, Locale locale) {
        return AdminOutcome.act(messages, redirect, locale, () -> {
            permissions.defineRole(new Role(code.strip(), name, seesUnopened, ownUnitOnly, false,
                    rights == null ? EnumSet.noneOf(Right.class) : rights, codes(fonds), codes(categories)));
            return SAVED;
        }, "redirect:/admin/roles");
    }

    /** Each account's roles by their names (著录、利用), for the table. */
    private Map<String, String> roleNames(List<Account> all) {
        Map<String, String> names = permissions.roleNames();
        Map<String, String> byAccount = new HashMap<>();
        all.forEach(a -> byAccount.put(a.username(), joinedNames(names, a.roles())));
        return byAccount;
    }

    /**
     * The accounts that are the last enabled holder of their duty: disabling one is refused
     * ({@code identity.last-of-duty}), so the page offers no button for it.
     */
    private static Set<String> lastOfDuty(List<Account> all) {
        Map<AdminDuty, List<Account>> holders = all.stream().filter(a -> a.duty() != null && a.enabled())
                .collect(Collectors.groupingBy(Account::duty));
        return holders.values().stream().filter(h -> h.size() == 1).map(h -> h.get(0).username())
                .collect(Collectors.toSet());
    }

    /** The pending changes of one kind by their subject (an account's move, a unit's place), for the tables. */
    static Map<String, PendingChange> bySubject(List<PendingChange> pending, Kind kind) {
        return pending.stream().filter(c -> c.kind() == kind)
                .collect(Collectors.toMap(PendingChange::subject, Function.identity()));
    }

    static String savedOrAwaiting(Optional<PendingChange> change) {
        return change.isPresent() ? AWAITING : SAVED;
    }

    static String joinedNames(Map<String, String> names, Set<String> codes) {
        return codes.stream().sorted().map(r -> names.getOrDefault(r, r)).collect(Collectors.joining("、"));
    }

    private static Set<String> codes(String text) {
        return text.isBlank() ? Set.of() : Set.copyOf(java.util.Arrays.asList(text.strip().split("[\\s,，、]+")));
    }

    private String act(RedirectAttributes redirect, Locale locale, Supplier<String> work) {
        return AdminOutcome.act(messages, redirect, locale, work, "redirect:/admin/users");
    }
}
