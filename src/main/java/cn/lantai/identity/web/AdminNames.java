package cn.lantai.identity.web;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.lantai.identity.Account;
import cn.lantai.identity.OrgUnit;

/**
 * How the administrators' pages name units and people: a unit as 名称 (代码), a person as 姓名 (登录名), so a list reads
 * in the bureau's own words and still names what the audit trail and the API use. A code nobody defines (a unit or
 * account removed meanwhile, or the application itself: {@code system}) is shown as it is.
 */
final class AdminNames {

    private static final String NONE = "—";

    private final Map<String, String> units;
    private final Map<String, String> people;

    AdminNames(List<OrgUnit> units, List<Account> people) {
        this.units = units.stream().collect(Collectors.toMap(OrgUnit::code, OrgUnit::name));
        this.people = people.stream().collect(Collectors.toMap(Account::username, Account::displayName));
    }

    /** 名称 (代码); "—" for none. */
    public String unit(String code) {
        return label(units, code);
    }

    /** 姓名 (登录名); "—" for none. */
    public String person(String username) {
        return label(people, username);
    }

    /** The people of a list (a group's members), each as {@link #person}, joined with 、. */
    public String people(Collection<String> usernames) {
        return usernames.stream().sorted().map(this::person).collect(Collectors.joining("、"));
    }

    private static String label(Map<String, String> names, String code) {
        if (code == null || code.isBlank()) {
            return NONE;
        }
        String name = names.get(code);
        return name == null || name.equals(code) ? code : name + " (" + code + ")";
    }
}
