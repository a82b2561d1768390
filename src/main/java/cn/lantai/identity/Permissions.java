package cn.lantai.identity;

import java.util.EnumSet;
import java.util.Set;

import cn.lantai.catalog.CatalogRight;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.Scope;
import cn.lantai.catalog.Viewer;

/**
 * What an account may do and see now, from its duty, its roles and its groups' roles: checked at every request against
 * the committed permission changes, so a change of roles or clearance takes effect at the next request.
 *
 * @param scope the fonds and categories its roles reach
 * @param sessionEpoch changes whenever all the account's sessions must end
 */
public record Permissions(String username, Classification clearance, AdminDuty duty, Set<Right> rights,
        boolean seesUnopened, Scope scope, boolean mustChangePassword, int sessionEpoch) {

    public Permissions {
        rights = rights.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(rights));
    }

    /** The authorities Spring Security checks: the duty as a role, every right by name, and ROLE_USER. */
    public Set<String> authorities() {
        Set<String> all = new java.util.TreeSet<>();
        all.add("ROLE_USER");
        if (duty != null) {
            all.add(duty.authority());
        }
        rights.forEach(r -> all.add(r.name()));
        return all;
    }

    /** The catalogue's view of this person, for a request from the given address. */
    public Viewer viewer(String address) {
        Set<CatalogRight> catalogRights = EnumSet.noneOf(CatalogRight.class);
        rights.forEach(r -> r.catalogRight().ifPresent(catalogRights::add));
        return new Viewer(username, address, clearance, seesUnopened, scope, catalogRights);
    }
}
