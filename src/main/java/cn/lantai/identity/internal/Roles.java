package cn.lantai.identity.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.lantai.identity.Right;
import cn.lantai.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Roles with their rights and data scopes; a change reaches every holder's permissions ({@link PermissionGeneration}). */
@Repository
public class Roles {

    private final JdbcClient jdbc;
    private final PermissionGeneration generation;

    Roles(JdbcClient jdbc, PermissionGeneration generation) {
        this.jdbc = jdbc;
        this.generation = generation;
    }

    public List<Role> all() {
        return jdbc.sql("SELECT code FROM role ORDER BY built_in DESC, code").query(String.class).list().stream()
                .map(code -> find(code).orElseThrow()).toList();
    }

    public Optional<Role> find(String code) {
        // the rights and scope are read after the role's row, never while its result set is open
        return jdbc.sql("SELECT code, name, sees_unopened, own_unit_only, built_in FROM role WHERE code = ?").param(code)
                .query((rs, n) -> new Role(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4),
                        rs.getBoolean(5), Set.of(), Set.of(), Set.of()))
                .optional()
                .map(r -> new Role(r.code(), r.name(), r.seesUnopened(), r.ownUnitOnly(), r.builtIn(), rights(code),
                        scope(code, "F"), scope(code, "C")));
    }

    public void save(Role role) {
        generation.changed();
        boolean exists = find(role.code()).isPresent();
        if (exists) {
            jdbc.sql("UPDATE role SET name = ?, sees_unopened = ?, own_unit_only = ? WHERE code = ?")
                    .params(role.name(), role.seesUnopened(), role.ownUnitOnly(), role.code()).update();
        } else {
            jdbc.sql("INSERT INTO role (code, name, sees_unopened, own_unit_only, built_in) VALUES (?, ?, ?, ?, FALSE)")
                    .params(role.code(), role.name(), role.seesUnopened(), role.ownUnitOnly()).update();
        }
        jdbc.sql("DELETE FROM role_right WHERE role_code = ?").param(role.code()).update();
        for (Right r : role.rights()) {
            jdbc.sql("INSERT INTO role_right (role_code, right_code) VALUES (?, ?)").params(role.code(), r.name()).update();
        }
        jdbc.sql("DELETE FROM role_scope WHERE role_code = ?").param(role.code()).update();
        role.fonds().forEach(f -> jdbc.sql("INSERT INTO role_scope (role_code, kind, code) VALUES (?, 'F', ?)")
                .params(role.code(), f).update());
        role.categories().forEach(c -> jdbc.sql("INSERT INTO role_scope (role_code, kind, code) VALUES (?, 'C', ?)")
                .params(role.code(), c).update());
    }

    public void delete(String code) {
        generation.changed();
        jdbc.sql("DELETE FROM role WHERE code = ?").param(code).update();
    }

    private Set<Right> rights(String code) {
        Set<Right> rights = EnumSet.noneOf(Right.class);
        jdbc.sql("SELECT right_code FROM role_right WHERE role_code = ?").param(code).query(String.class).list()
                .forEach(r -> rights.add(Right.valueOf(r)));
        return rights;
    }

    private Set<String> scope(String code, String kind) {
        return Set.copyOf(jdbc.sql("SELECT code FROM role_scope WHERE role_code = ? AND kind = ?").params(code, kind)
                .query(String.class).list());
    }
}
