package cn.lantai.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.lantai.identity.Group;
import cn.lantai.identity.OrgUnit;
import cn.lantai.identity.UnitContact;
import cn.lantai.identity.UnitProfile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Organisation units and groups. A unit's fonds and place decide a unit archivist's scope, a group's roles its
 * members' rights: changing either tells the {@link PermissionGeneration} (a unit's name does not).
 */
@Repository
public class Directory {

    private static final String PROFILE = "SELECT code, name, parent_code, fonds_code, contact_person, contact_phone, "
            + "contact_address FROM org_unit";

    private final JdbcClient jdbc;
    private final PermissionGeneration generation;

    Directory(JdbcClient jdbc, PermissionGeneration generation) {
        this.jdbc = jdbc;
        this.generation = generation;
    }

    public List<OrgUnit> units() {
        return jdbc.sql("SELECT code, name, parent_code, fonds_code FROM org_unit ORDER BY code")
                .query((rs, n) -> new OrgUnit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    public Optional<OrgUnit> unit(String code) {
        return units().stream().filter(u -> u.code().equals(code)).findFirst();
    }

    public void saveUnit(OrgUnit unit) {
        generation.changed();
        if (unit(unit.code()).isPresent()) {
            jdbc.sql("UPDATE org_unit SET name = ?, parent_code = ?, fonds_code = ? WHERE code = ?")
                    .params(unit.name(), unit.parent(), unit.fonds(), unit.code()).update();
        } else {
            jdbc.sql("INSERT INTO org_unit (code, name, parent_code, fonds_code) VALUES (?, ?, ?, ?)")
                    .params(unit.code(), unit.name(), unit.parent(), unit.fonds()).update();
        }
    }

    /** Every unit with its contact, by code. */
    public List<UnitProfile> profiles() {
        return jdbc.sql(PROFILE + " ORDER BY code").query((rs, n) -> profile(rs)).list();
    }

    public Optional<UnitProfile> profile(String code) {
        return jdbc.sql(PROFILE + " WHERE code = ?").param(code).query((rs, n) -> profile(rs)).optional();
    }

    /** A unit's contact, which no permission depends on. */
    public void saveContact(String code, UnitContact contact) {
        jdbc.sql("UPDATE org_unit SET contact_person = ?, contact_phone = ?, contact_address = ? WHERE code = ?")
                .params(contact.person(), contact.phone(), contact.address(), code).update();
    }

    private static UnitProfile profile(ResultSet rs) throws SQLException {
        return new UnitProfile(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                new UnitContact(rs.getString(5), rs.getString(6), rs.getString(7)));
    }

    /** A unit's name, which no permission depends on. */
    public void rename(String code, String name) {
        jdbc.sql("UPDATE org_unit SET name = ? WHERE code = ?").params(name, code).update();
    }

    /** Whether the unit may lie below this parent ({@code null}: at the top): it exists and is not the unit or below it. */
    public boolean canPlace(String code, String parent) {
        return parent == null
                || (unit(parent).isPresent() && !parent.equals(code) && !unitsBelow(code).contains(parent));
    }

    /** The fonds formed by a unit and the units below it. */
    public Set<String> fondsOfUnitTree(String unitCode) {
        Set<String> tree = unitsBelow(unitCode);
        tree.add(unitCode);
        Set<String> fonds = new java.util.HashSet<>();
        for (OrgUnit u : units()) {
            if (tree.contains(u.code()) && u.fonds() != null) {
                fonds.add(u.fonds());
            }
        }
        return fonds;
    }

    /** Every unit below the given one, at any depth. */
    public Set<String> unitsBelow(String unitCode) {
        List<OrgUnit> all = units();
        List<String> frontier = new ArrayList<>(List.of(unitCode));
        Set<String> below = new java.util.HashSet<>();
        while (!frontier.isEmpty()) {
            String code = frontier.remove(frontier.size() - 1);
            for (OrgUnit u : all) {
                if (code.equals(u.parent()) && below.add(u.code())) {
                    frontier.add(u.code());
                }
            }
        }
        return below;
    }

    public List<Group> groups() {
        return jdbc.sql("SELECT code, name FROM user_group ORDER BY code")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list().stream()
                .map(g -> group(g[0], g[1])).toList();
    }

    public Optional<Group> group(String code) {
        return groups().stream().filter(g -> g.code().equals(code)).findFirst();
    }

    public void saveGroup(String code, String name, Set<String> roles) {
        generation.changed();
        if (group(code).isPresent()) {
            jdbc.sql("UPDATE user_group SET name = ? WHERE code = ?").params(name, code).update();
        } else {
            jdbc.sql("INSERT INTO user_group (code, name) VALUES (?, ?)").params(code, name).update();
        }
        jdbc.sql("DELETE FROM group_role WHERE group_code = ?").param(code).update();
        roles.forEach(r -> jdbc.sql("INSERT INTO group_role (group_code, role_code) VALUES (?, ?)").params(code, r)
                .update());
    }

    private Group group(String code, String name) {
        return new Group(code, name,
                Set.copyOf(jdbc.sql("SELECT role_code FROM group_role WHERE group_code = ?").param(code)
                        .query(String.class).list()),
                Set.copyOf(jdbc.sql("SELECT username FROM group_member WHERE group_code = ?").param(code)
                        .query(String.class).list()));
    }
}
