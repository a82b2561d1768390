package cn.lantai.identity.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import cn.lantai.identity.AccountManagement;
import cn.lantai.identity.Group;
import cn.lantai.identity.IdentityProblem;
import cn.lantai.identity.OrgUnit;
import cn.lantai.identity.PendingChange;
import cn.lantai.identity.PendingChange.Kind;
import cn.lantai.identity.PermissionManagement;
import cn.lantai.identity.UnitContact;
import cn.lantai.identity.UnitDirectory;
import cn.lantai.identity.UnitProfile;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Organisation units (机构: a Latin code the API and the trail use, a Chinese name people read) and groups (用户组).
 * The system administrator creates and renames them and asks for a unit's place; the security administrator gives a
 * group its roles. A new unit's form comes back with each problem beside its field and what was typed kept; a code
 * in use is refused there rather than silently renaming its unit (a form posted twice makes one unit). Each unit's
 * contact (联系人, 电话, 地址), which accession's transfers show, is the system administrator's too.
 */
@Controller
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN')")
class UnitPages {

    private final AccountManagement accounts;
    private final PermissionManagement permissions;
    private final UnitDirectory directory;
    private final MessageSource messages;

    UnitPages(AccountManagement accounts, PermissionManagement permissions, UnitDirectory directory,
            MessageSource messages) {
        this.accounts = accounts;
        this.permissions = permissions;
        this.directory = directory;
        this.messages = messages;
    }

    /** What was typed into the new unit's form, and the problems found, by field (code, name, parent, fonds). */
    record UnitForm(String code, String name, String parent, String fonds, Map<String, String> problems) {

        static UnitForm empty() {
            return new UnitForm("", "", "", "", Map.of());
        }

        public boolean invalid(String field) {
            return problems.containsKey(field);
        }
    }

    @GetMapping("/admin/units")
    String units(Model model) {
        return unitsPage(model, UnitForm.empty());
    }

    /** A new unit; an existing code is refused beside the field (renaming and moving are the row's own form). */
    @PostMapping("/admin/units")
    String createUnit(@RequestParam String code, @RequestParam String name,
            @RequestParam(required = false) String parent, @RequestParam(required = false) String fonds, Model model,
            RedirectAttributes redirect, Locale locale, HttpServletResponse response) {
        String wanted = code.strip();
        Map<String, String> problems = new LinkedHashMap<>();
        Optional<OrgUnit> taken = accounts.units().stream().filter(u -> u.code().equalsIgnoreCase(wanted)).findFirst();
        if (taken.isPresent()) {
            problems.put("code", messages.getMessage("admin-pages.unit.code-taken",
                    new Object[] {taken.get().code(), taken.get().name()}, locale));
        } else {
            try {
                redirect.addFlashAttribute("flash",
                        AdminPages.savedOrAwaiting(accounts.defineUnit(new OrgUnit(wanted, name, parent, fonds))));
                return "redirect:/admin/units";
            } catch (IdentityProblem e) {
                problems.put(fieldOf(e), messageOf(e, locale));
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return unitsPage(model, new UnitForm(code, name, blank(parent), blank(fonds), problems));
    }

    /** An existing unit's name, and its parent and fonds (these wait for the security administrator). */
    @PostMapping("/admin/units/{code}")
    String changeUnit(@PathVariable String code, @RequestParam String name,
            @RequestParam(required = false) String parent, @RequestParam(required = false) String fonds,
            RedirectAttributes redirect, Locale locale) {
        if (accounts.units().stream().noneMatch(u -> u.code().equals(code))) {
            redirect.addFlashAttribute("problem", messages.getMessage("identity.no-such-unit",
                    new Object[] {code}, locale));
            return "redirect:/admin/units";
        }
        return AdminOutcome.act(messages, redirect, locale,
                () -> AdminPages.savedOrAwaiting(accounts.defineUnit(new OrgUnit(code, name, parent, fonds))),
                "redirect:/admin/units");
    }

    /** A unit's contact; a part left blank is none. */
    @PostMapping("/admin/units/{code}/contact")
    String changeContact(@PathVariable String code, @RequestParam(required = false) String person,
            @RequestParam(required = false) String phone, @RequestParam(required = false) String address,
            RedirectAttributes redirect, Locale locale) {
        return AdminOutcome.act(messages, redirect, locale, () -> {
            directory.changeContact(code, new UnitContact(person, phone, address));
            return "admin.saved";
        }, "redirect:/admin/units");
    }

    @GetMapping("/admin/groups")
    String groups(Model model) {
        List<Group> groups = accounts.groups();
        Map<String, String> roleNames = permissions.roleNames();
        model.addAttribute("groups", groups);
        model.addAttribute("roles", permissions.roles());
        model.addAttribute("groupRoles", groups.stream().collect(Collectors.toMap(Group::code,
                g -> AdminPages.joinedNames(roleNames, g.roles()))));
        model.addAttribute("me", accounts.me().username());
        model.addAttribute("names", new AdminNames(accounts.units(), accounts.accounts()));
        return "admin-groups";
    }

    @PostMapping("/admin/groups")
    String defineGroup(@RequestParam String code, @RequestParam String name, RedirectAttributes redirect,
            Locale locale) {
        return AdminOutcome.act(messages, redirect, locale, () -> {
            accounts.defineGroup(code.strip(), name);
            return "admin.saved";
        }, "redirect:/admin/groups");
    }

    @PostMapping("/admin/groups/{code}/roles")
    String groupRoles(@PathVariable String code, @RequestParam(required = false) Set<String> roles,
            RedirectAttributes redirect, Locale locale) {
        return AdminOutcome.act(messages, redirect, locale, () -> {
            permissions.setGroupRoles(code, roles == null ? Set.of() : roles);
            return "admin.saved";
        }, "redirect:/admin/groups");
    }

    private String unitsPage(Model model, UnitForm form) {
        List<OrgUnit> units = accounts.units();
        List<PendingChange> pending = permissions.pendingChanges();
        model.addAttribute("units", units);
        model.addAttribute("contacts", directory.units().stream()
                .collect(Collectors.toMap(UnitProfile::code, UnitProfile::contact)));
        model.addAttribute("places", AdminPages.bySubject(pending, Kind.UNIT_PLACE));
        model.addAttribute("names", new AdminNames(units, accounts.accounts()));
        model.addAttribute("form", form);
        return "admin-units";
    }

    /** Which field of the new unit's form a refusal concerns. */
    private static String fieldOf(IdentityProblem e) {
        return switch (e.code()) {
            case "identity.bad-code" -> "code";
            case "identity.bad-display-name" -> "name";
            case "identity.bad-parent-unit" -> "parent";
            case "identity.bad-fonds" -> "fonds";
            default -> "form";
        };
    }

    /** A code's refusal says the rule in full: letters and digits, no Chinese, no spaces (the name takes those). */
    private String messageOf(IdentityProblem e, Locale locale) {
        return switch (e.code()) {
            case "identity.bad-code" -> messages.getMessage("admin-pages.unit.code-rule", e.args(), locale);
            case "identity.bad-display-name" -> messages.getMessage("admin-pages.unit.name-rule", null, locale);
            default -> messages.getMessage(e.code(), e.args(), locale);
        };
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }
}
