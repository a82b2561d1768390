package cn.lantai.identity;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import cn.lantai.identity.internal.Accounts;
import cn.lantai.identity.internal.Directory;
import cn.lantai.identity.internal.IdentityTrail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The district's units (立档单位) as accession and supervision need them, from identity's one registry of
 * organisation units: the units that form a fonds, each unit's contact (联系人, 电话, 地址), the unit's archivists
 * (立档单位档案员: its accounts holding the right to prepare transfers) and the unit of a login (a filing token's
 * owner). The system administrator keeps the contact; each change is in the audit trail. Every reader must be signed
 * in (a background job runs these as the person who started it).
 */
@Service
public class UnitDirectory {

    /** The longest contact parts kept (the columns of V16). */
    public static final int MAX_PERSON = 50;
    public static final int MAX_PHONE = 40;
    public static final int MAX_ADDRESS = 200;

    /**
     * Lenient: numbers as people write them (0571-8888 8888 转 123, +86 (571) …, two numbers with 、 or /), at least
     * one digit, no letters but an extension's.
     */
    private static final Pattern PHONE = Pattern.compile(
            "(?=.*[0-9０-９])[0-9０-９+＋()（）\\-－—\\s,，、;；/转分机#*.extEXT]+");

    private final Directory directory;
    private final Accounts accounts;
    private final PermissionManagement permissions;
    private final IdentityTrail trail;

    UnitDirectory(Directory directory, Accounts accounts, PermissionManagement permissions, IdentityTrail trail) {
        this.directory = directory;
        this.accounts = accounts;
        this.permissions = permissions;
        this.trail = trail;
    }

    /** The unit with this code, with its contact. */
    @PreAuthorize("isAuthenticated()")
    public Optional<UnitProfile> unit(String code) {
        return code == null ? Optional.empty() : directory.profile(code);
    }

    /** Every organisation unit with its contact, by code. */
    @PreAuthorize("isAuthenticated()")
    public List<UnitProfile> units() {
        return directory.profiles();
    }

    /** The units that form a fonds (立档单位): those whose transfers the archive receives, by code. */
    @PreAuthorize("isAuthenticated()")
    public List<UnitProfile> formingUnits() {
        return directory.profiles().stream().filter(UnitProfile::formsFonds).toList();
    }

    /**
     * The unit's archivists: its enabled accounts (not those of units below it) whose roles, as confirmed by the
     * security administrator, give the right to prepare transfers ({@link Right#PREPARE_TRANSFER}); by login. Names of
     * people, so only for the administrators, the receiving staff and the inspectors.
     */
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN') or hasAnyAuthority('RECEIVE', 'INSPECT')")
    public List<AccountRef> archivistsOf(String unitCode) {
        if (unitCode == null) {
            return List.of();
        }
        return accounts.inUnit(unitCode).stream()
                .filter(a -> permissions.permissions(a.username())
                        .map(p -> p.rights().contains(Right.PREPARE_TRANSFER)).orElse(false))
                .toList();
    }

    /** The unit a login belongs to; a person may ask their own, the administrators and receiving staff anyone's. */
    @PreAuthorize("#login == authentication.name or hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN') "
            + "or hasAnyAuthority('RECEIVE', 'INSPECT')")
    public Optional<String> unitOf(String login) {
        return login == null ? Optional.empty() : accounts.unitOf(login);
    }

    /**
     * Sets the unit's contact (blank parts are none); recorded in the trail with before and after. The phone may be
     * written as people write numbers but must hold a digit; no part may hold control characters or pass its length.
     *
     * @return the contact as kept
     * @throws IdentityProblem {@code identity.no-such-unit}, or {@code identity.bad-contact-person|phone|address}
     */
    @Transactional
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    public UnitContact changeContact(String unitCode, UnitContact given) {
        UnitProfile unit = unit(unitCode).orElseThrow(() -> new IdentityProblem("identity.no-such-unit", unitCode));
        UnitContact contact = new UnitContact(
                checked(given.person(), MAX_PERSON, null, "identity.bad-contact-person"),
                checked(given.phone(), MAX_PHONE, PHONE, "identity.bad-contact-phone"),
                checked(given.address(), MAX_ADDRESS, null, "identity.bad-contact-address"));
        if (!Objects.equals(contact, unit.contact())) {
            directory.saveContact(unit.code(), contact);
            trail.record("unit.contact", unit.code(), unit.contact().described(), contact.described());
        }
        return contact;
    }

    /** The part stripped, {@code null} when blank; refused when too long, with control characters or off pattern. */
    private static String checked(String part, int max, Pattern pattern, String problem) {
        if (part == null || part.isBlank()) {
            return null;
        }
        String value = part.strip();
        boolean control = value.codePoints().anyMatch(Character::isISOControl);
        if (value.length() > max || control || (pattern != null && !pattern.matcher(value).matches())) {
            throw new IdentityProblem(problem, max);
        }
        return value;
    }
}
