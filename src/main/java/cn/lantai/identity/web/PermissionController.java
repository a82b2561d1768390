package cn.lantai.identity.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.lantai.catalog.Classification;
import cn.lantai.identity.AdminDuty;
import cn.lantai.identity.PendingChange;
import cn.lantai.identity.PermissionManagement;
import cn.lantai.identity.Role;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST for roles, role assignments, clearances and administrator duties, and for confirming the system
 * administrator's changes that wait for it (the security administrator's).
 */
@RestController
class PermissionController {

    private final PermissionManagement permissions;

    PermissionController(PermissionManagement permissions) {
        this.permissions = permissions;
    }

    @GetMapping("/api/v1/roles")
    List<Role> roles() {
        return permissions.roles();
    }

    @PutMapping("/api/v1/roles/{code}")
    Role define(@PathVariable String code, @RequestBody Role role) {
        return permissions.defineRole(new Role(code, role.name(), role.seesUnopened(), role.ownUnitOnly(), false,
                role.rights(), role.fonds(), role.categories()));
    }

    @DeleteMapping("/api/v1/roles/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String code) {
        permissions.deleteRole(code);
    }

    @PutMapping("/api/v1/accounts/{username}/roles")
    void assignRoles(@PathVariable String username, @RequestBody Set<String> roles) {
        permissions.assignRoles(username, roles);
    }

    @PutMapping("/api/v1/accounts/{username}/groups")
    void groups(@PathVariable String username, @RequestBody Set<String> groups) {
        permissions.setGroups(username, groups);
    }

    @PutMapping("/api/v1/groups/{code}/roles")
    void groupRoles(@PathVariable String code, @RequestBody Set<String> roles) {
        permissions.setGroupRoles(code, roles);
    }

    @PutMapping("/api/v1/accounts/{username}/clearance")
    void clearance(@PathVariable String username, @RequestBody Map<String, String> body) {
        permissions.setClearance(username, Classification.parse(body.get("clearance"))
                .orElseThrow(() -> new IllegalArgumentException("clearance: " + body.get("clearance"))));
    }

    @PutMapping("/api/v1/accounts/{username}/duty")
    void duty(@PathVariable String username, @RequestBody Map<String, String> body) {
        String duty = body.get("duty");
        permissions.assignDuty(username, duty == null || duty.isBlank() ? null : AdminDuty.valueOf(duty));
    }

    @GetMapping("/api/v1/pending-changes")
    List<PendingChange> pendingChanges() {
        return permissions.pendingChanges();
    }

    @PostMapping("/api/v1/pending-changes/{id}/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void confirm(@PathVariable long id) {
        permissions.confirm(id);
    }

    @PostMapping("/api/v1/pending-changes/{id}/refuse")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void refuse(@PathVariable long id) {
        permissions.refuse(id);
    }
}
